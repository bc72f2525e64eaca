#include "window/suiteactions.h"

#include "completion/contextextractor.h"
#include "context/appcontext.h"
#include "editor/codeeditor.h"
#include "editor/completioncontroller.h"
#include "editor/documenttextsource.h"
#include "panels/comparepanel.h"
#include "panels/inspectorpanel.h"
#include "window/savecasedialog.h"
#include "window/suitedialog.h"

#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QLineEdit>
#include <QTextBlock>

SuiteActions::SuiteActions(const Parts &parts, QObject *parent)
    : QObject(parent)
    , m_parts(parts)
{
}

SuiteActions::~SuiteActions() = default;

SuiteDialog *SuiteActions::dialog() const
{
    return m_dialog;
}

SuiteCase SuiteActions::caseAtCursor() const
{
    const QTextCursor cursor = m_parts.editor->textCursor();
    const QTextBlock block = cursor.block();
    const FimContext window = ContextExtractor::extract(DocumentTextSource(m_parts.editor->document()), block.blockNumber(),
                                                        cursor.positionInBlock(), m_parts.completion->contextLimits(),
                                                        m_parts.completion->lineBreak());
    SuiteCase c;
    const QString file = QFileInfo(m_parts.fileName()).fileName();
    c.name = QStringLiteral("%1:%2").arg(file.isEmpty() ? tr("untitled") : file).arg(block.blockNumber() + 1);
    // The extra context goes with the case: that of the request whose answer is on screen (the
    // expected one), else what a request now would carry.
    if (m_parts.editor->hasSuggestion()) {
        const FimRequest &asked = m_parts.completion->lastRequest();
        c.request.extra = asked.extra;
        c.request.fileName = asked.fileName;
        c.expected = m_parts.editor->suggestion();
    } else {
        m_parts.completion->addContext(window, c.request, std::nullopt);
    }
    if (c.request.extra.isEmpty())
        c.request.fileName.clear(); // a suite line names a file only for its context
    c.request.prompt = window.prefix;
    c.request.suffix = window.suffix;
    return c;
}

void SuiteActions::saveCursorAsCase()
{
    SaveCaseDialog dialog(caseAtCursor(), m_parts.context->settings().lastSuite, m_parts.window);
    if (dialog.exec() != QDialog::Accepted)
        return;
    m_parts.context->settings().lastSuite = dialog.suitePath();
    m_parts.context->saveSettings();
    m_parts.compare->rememberCase(dialog.savedCase()); // Compare at the same place scores against its expected answer
    emit statusMessage(tr("Case \"%1\" added to %2.").arg(dialog.nameEdit()->text().trimmed(), dialog.suitePath()), false);
}

void SuiteActions::runSuite()
{
    const QString last = m_parts.context->settings().lastSuite;
    const QString path = QFileDialog::getOpenFileName(m_parts.window, tr("Run Suite"), last, tr("Prompt suites (*.jsonl);;All files (*)"));
    if (!path.isEmpty())
        runSuiteFile(path);
}

void SuiteActions::runSuiteFile(const QString &path)
{
    QString error;
    const std::optional<PromptSuite> suite = PromptSuite::load(path, &error);
    if (!suite) {
        emit statusMessage(error, true);
        return;
    }
    m_parts.context->settings().lastSuite = path;
    m_parts.context->saveSettings();
    runWith(QFileInfo(path).fileName(), *suite, path);
}

void SuiteActions::runExampleSuite()
{
    QFile file(QStringLiteral(":/suites/samples.jsonl"));
    if (!file.open(QIODevice::ReadOnly)) {
        emit statusMessage(tr("The example suite is missing from this build."), true);
        return;
    }
    runWith(tr("The four samples"), PromptSuite::parse(file.readAll()), file.fileName());
}

void SuiteActions::showDialog()
{
    SuiteDialog *dialog = ensureDialog();
    dialog->show();
    dialog->raise();
}

SuiteDialog *SuiteActions::ensureDialog()
{
    if (!m_dialog) {
        m_dialog = new SuiteDialog(m_parts.context, m_parts.window);
        m_dialog->setWindowFlag(Qt::Window);
        connect(m_dialog, &SuiteDialog::exchangeRecorded, m_parts.inspector, &InspectorPanel::showExchange);
        if (HistoryRecorder *history = m_parts.context->historyRecorder())
            connect(m_dialog, &SuiteDialog::exchangeRecorded, history, [history](const Endpoint &e, const Exchange &x, const QString &shown) {
                history->record(e, QStringLiteral("suite"), x, shown);
            });
    }
    return m_dialog;
}

void SuiteActions::runWith(const QString &title, const PromptSuite &suite, const QString &path)
{
    if (suite.cases.isEmpty()) {
        emit statusMessage(tr("%1 has no case to run%2.")
                               .arg(title, suite.problems.isEmpty() ? QString()
                                                                    : tr(" (line %1: %2)").arg(suite.problems.first().line).arg(suite.problems.first().message)),
                           true);
        return;
    }
    QList<SuiteTarget> targets;
    const QList<Variant> variants = m_parts.compare->checkedVariants();
    for (const Variant &v : variants)
        targets.append({v.name, m_parts.compare->endpointFor(v), QString(), v.request});
    QStringList names;
    for (const SuiteTarget &t : std::as_const(targets)) {
        if (const QString why = t.endpoint.validationError(); !why.isEmpty()) {
            emit statusMessage(tr("%1 was not run: the variant “%2” (checked in Compare) cannot be used: %3").arg(title, t.label, why), true);
            return;
        }
        names << t.label;
    }
    // Said before it starts: the checked variants, or else the toolbar's endpoint.
    if (targets.isEmpty()) {
        const Endpoint active = m_parts.context->activeEndpoint();
        targets.append({active.name, active, QString(), m_parts.parameters()});
        emit statusMessage(tr("%1: running against %2 with the toolbar's model and parameters (check variants in Compare to run "
                              "those instead).").arg(title, active.name), false);
    } else {
        emit statusMessage(tr("%1: running with the variants checked in Compare: %2.").arg(title, names.join(QStringLiteral(", "))), false);
    }
    ensureDialog();
    m_dialog->show();
    m_dialog->raise();
    // Each endpoint's secret first (keychain or environment, later); a newer run wins.
    const quint64 generation = ++m_generation;
    auto pending = std::make_shared<int>(int(targets.size()));
    auto ready = std::make_shared<QList<SuiteTarget>>(targets);
    for (qsizetype i = 0; i < targets.size(); ++i) {
        m_parts.context->secrets()->read(targets.at(i).endpoint, this, [this, generation, pending, ready, i, title, suite, path](const QString &secret, const QString &) {
            (*ready)[i].secret = secret;
            if (--*pending == 0 && generation == m_generation && m_dialog)
                m_dialog->start(title, suite, *ready, path);
        });
    }
}
