// MainWindow's part that records what becomes of each suggestion (SuggestionTracker) and shows it
// in the Stats panel (kept apart from mainwindow.cpp, which wires everything else).
#include "window/mainwindow.h"

#include "context/appcontext.h"
#include "editor/completioncontroller.h"
#include "editor/suggestiontracker.h"
#include "history/historywriter.h"
#include "panels/statspanel.h"
#include "window/contextcollector.h"

void MainWindow::connectStats()
{
    m_tracker = new SuggestionTracker(m_editor, m_completion, m_context->client(), this);
    // The context setting a suggestion was asked with: the Context panel's sources and budget
    // ("pinned+edits+ring ≤ 1024"), "none" when all are off, whatever the ring held at the time.
    ContextCollector *collector = m_contextCollector;
    m_tracker->setContextLabel([collector](const FimRequest &) {
        const ContextChoice &choice = collector->choice();
        QStringList sources;
        if (choice.pinned)
            sources << QStringLiteral("pinned");
        if (choice.edits)
            sources << QStringLiteral("edits");
        if (choice.ring)
            sources << QStringLiteral("ring");
        return sources.isEmpty() ? QStringLiteral("none") : sources.join(u'+') + QStringLiteral(" ≤ %1").arg(choice.budgetTokens);
    });
    HistoryWriter *writer = m_context->history();
    m_tracker->setWriter(writer);
    m_statsPanel->setPath(writer ? writer->path() : QString());
    if (writer) {
        connect(writer, &HistoryWriter::suggestionRecorded, m_statsPanel, &StatsPanel::refreshSoon);
        connect(m_tracker, &SuggestionTracker::persistenceMeasured, m_statsPanel, &StatsPanel::refreshSoon);
    }
}
