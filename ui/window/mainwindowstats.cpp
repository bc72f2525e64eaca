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
    // The sources a request's extra context came from, as the Context panel's switches had them.
    ContextCollector *collector = m_contextCollector;
    m_tracker->setContextLabel([collector](const FimRequest &request) {
        if (request.extra.isEmpty())
            return QStringLiteral("none");
        const ContextChoice &choice = collector->choice();
        QStringList sources;
        if (choice.pinned)
            sources << QStringLiteral("pinned");
        if (choice.edits)
            sources << QStringLiteral("edits");
        if (choice.ring)
            sources << QStringLiteral("ring");
        return sources.join(u'+');
    });
    HistoryWriter *writer = m_context->history();
    m_tracker->setWriter(writer);
    m_statsPanel->setPath(writer ? writer->path() : QString());
    if (writer) {
        connect(writer, &HistoryWriter::suggestionRecorded, m_statsPanel, &StatsPanel::refreshSoon);
        connect(m_tracker, &SuggestionTracker::persistenceMeasured, m_statsPanel, &StatsPanel::refreshSoon);
    }
}
