#include "window/suitedialog.h"

#include "context/appcontext.h"
#include "window/batchjobbar.h"

#include <QCheckBox>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace {

QString rate(int n, int of)
{
    return of == 0 ? QStringLiteral("–") : QStringLiteral("%1/%2 (%3%)").arg(n).arg(of).arg(qRound(100.0 * n / of));
}

// Text for HTML with white space one can see: a newline as ⏎ and a break, a tab as →.
QString visible(const QString &text)
{
    QString out = text.toHtmlEscaped();
    out.replace(QLatin1Char('\t'), QStringLiteral("→   "));
    out.replace(QLatin1Char('\n'), QStringLiteral("⏎<br>"));
    out.replace(QLatin1Char(' '), QStringLiteral("&nbsp;"));
    return out;
}

// "✓ pass", "✗ fail", "⏱ timeout", "! error", "not run"; empty for a case without a test.
QString testText(const TestOutcome &test)
{
    using S = TestOutcome::Status;
    switch (test.status) {
    case S::None:
        return {};
    case S::Pass:
        return QCoreApplication::translate("SuiteDialog", "✓ pass");
    case S::Fail:
        return QCoreApplication::translate("SuiteDialog", "✗ fail");
    case S::Timeout:
        return QCoreApplication::translate("SuiteDialog", "⏱ timeout");
    case S::Error:
        return QCoreApplication::translate("SuiteDialog", "! error");
    case S::NotRun:
        return QCoreApplication::translate("SuiteDialog", "not run");
    }
    return {};
}

QTableWidgetItem *cell(const QString &text, Qt::Alignment alignment = Qt::AlignLeft | Qt::AlignVCenter)
{
    auto *item = new QTableWidgetItem(text);
    item->setTextAlignment(alignment);
    item->setFlags(item->flags() & ~Qt::ItemIsEditable);
    return item;
}

// One answer's metrics, ×100 where they are scores.
QString metricsHtml(const CompletionScores &s)
{
    auto mark = [](bool yes) { return yes ? QStringLiteral("✓") : QStringLiteral("✗"); };
    auto points = [](double v) { return QString::number(qRound(v * 100)); };
    return SuiteDialog::tr("<p>Exact %1 · first line %2 · edit similarity %3 · chrF %4<br>"
                           "Identifiers: exact %5 · precision %6 · recall %7 · F1 %8</p>")
        .arg(mark(s.exact), mark(s.firstLineExact), points(s.editSimilarity), points(s.chrF), mark(s.identifierExact),
             points(s.identifierPrecision), points(s.identifierRecall), points(s.identifierF1));
}

} // namespace

SuiteDialog::SuiteDialog(AppContext *context, QWidget *parent)
    : QDialog(parent)
    , m_context(context)
    , m_run(context->network())
{
    setWindowTitle(tr("Prompt Suite"));
    setObjectName(QStringLiteral("suiteDialog"));
    m_heading = new QLabel(this);
    m_problems = new QLabel(this);
    m_problems->setWordWrap(true);
    m_problems->setStyleSheet(QStringLiteral("color: palette(link-visited);"));
    m_problems->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_progress = new QProgressBar(this);
    m_progress->setFormat(tr("%v of %m"));

    m_runTests = new QCheckBox(tr("Run the cases' tests (pass@1)"), this);
    m_runTests->setObjectName(QStringLiteral("runTests"));
    m_timeLimit = new QDoubleSpinBox(this);
    m_timeLimit->setObjectName(QStringLiteral("testTimeLimit"));
    m_timeLimit->setRange(0.5, 600);
    m_timeLimit->setDecimals(1);
    m_timeLimit->setValue(SandboxLimits().timeLimitMs / 1000.0);
    m_timeLimit->setSuffix(tr(" s"));
    m_timeLimit->setToolTip(tr("The wall-clock time a test program may run; then it is killed (a timeout)."));
    m_testWarning = new QLabel(tr("Warning: this runs the code the model wrote on this machine, in a bubblewrap sandbox (no network, "
                                  "read-only system folders, a fresh temporary folder as the only writable place, the time limit and "
                                  "%1 MiB per run). It applies from the next run: Run Again.")
                                   .arg(SandboxLimits().memoryBytes / (1024 * 1024)),
                               this);
    m_testWarning->setWordWrap(true);
    m_testWarning->setStyleSheet(QStringLiteral("color: palette(link-visited);"));
    m_runTests->setToolTip(m_testWarning->text());


    m_summary = new QTableWidget(0, 13, this);
    m_summary->setHorizontalHeaderLabels({tr("Target"), tr("Cases"), tr("Errors"), tr("First token p50 / p95"), tr("Total p50 / p95"),
                                          tr("Exact"), tr("Prefix"), tr("Line EM"), tr("Id EM"), tr("ES"), tr("Id F1"), tr("chrF"),
                                          tr("pass@1")});
    // The metrics' names are short: the header says them whole.
    const QStringList tips{tr("Answered cases whose answer equals the expected one (trailing white space aside)"),
                           tr("Answered cases where one of answer and expected text is the start of the other"),
                           tr("First-line exact match: the first non-empty lines are equal"),
                           tr("Identifier exact match: the same identifiers in the same order (keywords, strings and comments left out)"),
                           tr("Edit similarity ×100, 1 − Levenshtein / longer length: mean (p50 / p95)"),
                           tr("Identifier F1 ×100, identifiers counted as multisets: mean (p50 / p95)"),
                           tr("chrF ×100, character 1- to 6-gram F-score (β = 2, white space dropped): mean (p50 / p95)")};
    for (int i = 0; i < tips.size(); ++i)
        m_summary->horizontalHeaderItem(5 + i)->setToolTip(tips.at(i));
    m_summary->verticalHeader()->hide();
    m_summary->setAccessibleName(tr("Summary per target"));
    m_summary->setTabKeyNavigation(false); // Tab goes from table to table; the arrows move in one
    m_summary->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_summary->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch); // the target's name, not "Prefix", takes the room
    m_summary->horizontalHeader()->setStretchLastSection(false);

    m_results = new QTableWidget(0, 6, this);
    m_results->setHorizontalHeaderLabels({tr("Case"), tr("Target"), tr("Result"), tr("First token ms"), tr("Total ms"), tr("Test")});
    m_results->verticalHeader()->hide();
    m_results->setAccessibleName(tr("Results per case"));
    m_results->setTabKeyNavigation(false);
    m_results->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_results->setSelectionMode(QAbstractItemView::SingleSelection);
    // The Result column takes the room (an error says why there); the others fit their contents.
    m_results->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_results->horizontalHeader()->setSectionResizeMode(2, QHeaderView::Stretch);
    m_results->horizontalHeader()->setStretchLastSection(false);
    m_results->setSortingEnabled(true);
    m_results->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder); // in the suite's order until a header is clicked

    m_diff = new QTextBrowser(this);
    m_diff->setAccessibleName(tr("Answer against the expected text"));
    m_diff->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_diff->setPlaceholderText(tr("Select a row to see its answer against what the case expects."));

    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_results);
    split->addWidget(m_diff);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);

    auto *buttons = new QDialogButtonBox(this);
    m_cancel = buttons->addButton(tr("Stop"), QDialogButtonBox::RejectRole);
    m_again = buttons->addButton(tr("Run Again"), QDialogButtonBox::ActionRole);
    QPushButton *close = buttons->addButton(QDialogButtonBox::Close);
    m_batchBar = new BatchJobBar(context, this);
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        if (m_batchMode) { // the job is cancelled on the server; the run ends once it says so
            m_cancel->setEnabled(false);
            m_batchBar->run()->cancelJob();
            return;
        }
        m_run.cancel();
        finish();
    });
    connect(m_again, &QPushButton::clicked, this, [this] { start(m_title, m_suite, m_targets, m_path); });
    connect(close, &QPushButton::clicked, this, &QDialog::close);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_heading);
    layout->addWidget(m_problems);
    layout->addWidget(m_progress);
    auto *tests = new QHBoxLayout;
    tests->addWidget(m_runTests);
    tests->addWidget(m_timeLimit);
    tests->addWidget(m_testWarning, 1);
    layout->addLayout(tests);
    layout->addWidget(m_summary);
    layout->addWidget(split, 1);
    layout->addWidget(m_batchBar);
    layout->addWidget(buttons);
    resize(1100, 640);

    connect(&m_run, &SuiteRun::resultReady, this, &SuiteDialog::addResult);
    connect(&m_run, &SuiteRun::finished, this, &SuiteDialog::finish);
    connect(m_results, &QTableWidget::currentCellChanged, this, [this](int row) { showDiff(row); });
    connect(&m_run, &SuiteRun::exchangeRecorded, this, [this](int target, const Exchange &x, const QString &shown) {
        emit exchangeRecorded(m_run.targets().at(target).endpoint, x, shown);
    });
    BatchRun *batch = m_batchBar->run();
    connect(batch, &BatchRun::resultReady, this, [this](const SuiteResult &r) {
        if (m_batchMode)
            addResult(r);
    });
    connect(batch, &BatchRun::finished, this, [this] {
        if (m_batchMode)
            finish();
    });
    connect(batch, &BatchRun::progress, this, [this](const BatchJob &job) {
        if (!m_batchMode)
            return;
        m_progress->setRange(0, std::max(1, job.total > 0 ? job.total : int(cases().size())));
        m_progress->setValue(job.completed);
        m_progress->setFormat(tr("%v of %m requests done · batch job %1, %2").arg(job.id, BatchJob::statusWords(job.status)));
    });
    connect(batch, &BatchRun::failed, this, [this](const QString &message) {
        if (!m_batchMode)
            return;
        m_problems->setText(message);
        m_problems->setVisible(true);
    });
    connect(batch, &BatchRun::notKept, this, [this](const QString &why) {
        m_problems->setText(tr("The batch job is not kept in the history (%1): it cannot be resumed after the playground quits.").arg(why));
        m_problems->setVisible(true);
    });
    connect(m_batchBar, &BatchJobBar::resumeReady, this, &SuiteDialog::resumeBatch);
    m_batchBar->showKeptJobs();
}

const QList<SuiteCase> &SuiteDialog::cases() const
{
    return m_batchMode ? m_batchBar->run()->cases() : m_run.cases();
}

const QList<SuiteTarget> &SuiteDialog::targets() const
{
    return m_batchMode ? m_batchBar->run()->targets() : m_run.targets();
}

const QList<SuiteResult> &SuiteDialog::results() const
{
    return m_batchMode ? m_batchBar->run()->results() : m_run.results();
}

SuiteSummary SuiteDialog::summaryOf(int target) const
{
    return m_batchMode ? m_batchBar->run()->summary(target) : m_run.summary(target);
}

SuiteDialog::~SuiteDialog() = default;

void SuiteDialog::start(const QString &title, const PromptSuite &suite, const QList<SuiteTarget> &targets, const QString &path)
{
    m_run.cancel();
    if (m_batchBar->run()->isRunning())
        m_batchBar->run()->detach(); // it runs on at Mistral and stays kept: the notice offers it again
    m_path = path;
    m_batchBar->setTargets(targets);
    m_batchMode = m_batchBar->wantsBatch();
    prepare(title, suite, targets, int(suite.cases.size() * targets.size()));
    if (m_batchMode) {
        QFile file(path);
        const QByteArray bytes = file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
        m_progress->setFormat(tr("Uploading %n case(s) as a batch job…", nullptr, int(suite.cases.size())));
        m_batchBar->run()->start(suite.cases, targets.constFirst(), path, bytes);
    } else {
        m_progress->setFormat(tr("%v of %m"));
        m_run.setTimeouts(m_context->client()->timeouts());
        SuiteTesting testing;
        testing.run = m_runTests->isChecked();
        testing.limits.timeLimitMs = qRound(m_timeLimit->value() * 1000);
        m_run.setTesting(testing);
        m_run.start(suite.cases, targets, 4);
    }
    m_batchBar->showKeptJobs();
    refreshSummary();
}

void SuiteDialog::prepare(const QString &title, const PromptSuite &suite, const QList<SuiteTarget> &targets, int total)
{
    m_title = title;
    m_suite = suite;
    m_targets = targets;
    QStringList names;
    for (const SuiteTarget &t : targets)
        names << t.label;
    m_heading->setText(tr("<b>%1</b>: %n case(s) against %2", nullptr, int(suite.cases.size()))
                           .arg(title.toHtmlEscaped(), names.join(QStringLiteral(", ")).toHtmlEscaped())
                       + (m_batchMode ? tr(" as a batch job") : QString()));
    QStringList problems;
    for (const SuiteProblem &p : suite.problems)
        problems << tr("line %1: %2").arg(p.line).arg(p.message);
    m_problems->setText(problems.isEmpty() ? QString()
                                           : tr("Skipped (the other lines run): %1").arg(problems.join(QStringLiteral(" · "))));
    m_problems->setVisible(!problems.isEmpty());
    m_results->setSortingEnabled(false);
    m_results->setRowCount(0);
    m_diff->clear();
    m_progress->setRange(0, std::max(1, total));
    m_progress->setValue(0);
    m_cancel->setEnabled(true);
    m_cancel->setText(m_batchMode ? tr("Cancel Job") : tr("Stop"));
    m_again->setEnabled(false);
    const bool anyTest = std::any_of(suite.cases.begin(), suite.cases.end(), [](const SuiteCase &c) { return c.test.has_value(); });
    m_summary->setColumnHidden(12, !anyTest);
    m_runTests->setVisible(anyTest && !m_batchMode);
    m_timeLimit->setVisible(anyTest && !m_batchMode);
    m_testWarning->setVisible(anyTest && !m_batchMode);
    m_results->setColumnHidden(5, !anyTest);
}

void SuiteDialog::resumeBatch(const BatchJobRecord &record, const QString &title, const QList<SuiteCase> &cases,
                              const SuiteTarget &target, bool cancel)
{
    if (m_batchBar->run()->isRunning())
        return;
    m_run.cancel();
    m_batchMode = true;
    m_path = record.suitePath;
    PromptSuite suite;
    suite.cases = cases;
    prepare(title, suite, {target}, int(cases.size()));
    m_progress->setFormat(tr("%v of %m requests done · batch job %1").arg(record.jobId));
    m_batchBar->run()->resume(record, cases, target);
    if (cancel) {
        m_cancel->setEnabled(false);
        m_batchBar->run()->cancelJob();
    }
    refreshSummary();
}

void SuiteDialog::addResult(const SuiteResult &r)
{
    const SuiteCase &c = cases().at(r.caseIndex);
    const QString result = !r.answered ? tr("✗ %1").arg(r.error.isEmpty() ? tr("error") : r.error.section(u'\n', 0, 0))
        : !c.expected                  ? tr("answered")
        : r.match.exact                ? tr("✓ exact")
        : r.match.prefix               ? tr("≈ prefix")
                                       : tr("✗ differs");
    m_results->setSortingEnabled(false);
    const int row = m_results->rowCount();
    m_results->insertRow(row);
    QTableWidgetItem *name = cell(c.name);
    name->setData(Qt::UserRole, int(results().size() - 1)); // the result this row shows
    m_results->setItem(row, 0, name);
    m_results->setItem(row, 1, cell(targets().at(r.target).label));
    m_results->setItem(row, 2, cell(result));
    if (!r.answered)
        m_results->item(row, 2)->setToolTip(r.error); // whole, where the column is narrow
    auto *first = cell(QString(), Qt::AlignRight | Qt::AlignVCenter);
    first->setData(Qt::DisplayRole, r.batch ? QVariant(tr("batch")) : r.firstTokenMs >= 0 ? QVariant(qRound(r.firstTokenMs)) : QVariant());
    m_results->setItem(row, 3, first);
    auto *total = cell(QString(), Qt::AlignRight | Qt::AlignVCenter);
    total->setData(Qt::DisplayRole, r.batch ? QVariant(tr("batch")) : r.totalMs >= 0 ? QVariant(qRound(r.totalMs)) : QVariant());
    m_results->setItem(row, 4, total);
    m_results->setItem(row, 5, cell(testText(r.test)));
    m_results->item(row, 5)->setToolTip(r.test.detail);
    m_results->setSortingEnabled(true);
    if (!m_batchMode) // a batch job's bar counts the requests its server reports
        m_progress->setValue(m_progress->value() + 1);
    refreshSummary();
}

void SuiteDialog::refreshSummary()
{
    m_summary->setRowCount(int(targets().size()));
    for (int t = 0; t < targets().size(); ++t) {
        const SuiteSummary s = summaryOf(t);
        const Qt::Alignment right = Qt::AlignRight | Qt::AlignVCenter;
        m_summary->setItem(t, 0, cell(targets().at(t).label));
        m_summary->setItem(t, 1, cell(QString::number(s.cases), right));
        m_summary->setItem(t, 2, cell(QString::number(s.errors), right));
        m_summary->setItem(t, 3, cell(m_batchMode ? tr("batch") : SuiteSummary::msPair(s.firstTokenP50, s.firstTokenP95), right));
        m_summary->setItem(t, 4, cell(m_batchMode ? tr("batch") : SuiteSummary::msPair(s.totalP50, s.totalP95), right));
        m_summary->setItem(t, 5, cell(rate(s.exact, s.withExpected), right));
        m_summary->setItem(t, 6, cell(rate(s.prefix, s.withExpected), right));
        m_summary->setItem(t, 7, cell(rate(s.firstLineExact, s.withExpected), right));
        m_summary->setItem(t, 8, cell(rate(s.identifierExact, s.withExpected), right));
        m_summary->setItem(t, 9, cell(s.editSimilarity.text(), right));
        m_summary->setItem(t, 10, cell(s.identifierF1.text(), right));
        m_summary->setItem(t, 11, cell(s.chrF.text(), right));
        m_summary->setItem(t, 12, cell(rate(s.passed, s.passed + s.failed + s.timedOut), right));
        m_summary->item(t, 12)->setToolTip(tr("passed / tests that ran · %1 failed · %2 timed out · %3 error(s) · %4 not run")
                                              .arg(s.failed)
                                              .arg(s.timedOut)
                                              .arg(s.testErrors)
                                              .arg(s.notRun));
    }
    m_summary->setFixedHeight(m_summary->horizontalHeader()->height() + 2 * m_summary->frameWidth()
                              + m_summary->verticalHeader()->length() + 2);
}

QString SuiteDialog::testHtml(const TestOutcome &test)
{
    if (test.status == TestOutcome::Status::None)
        return {};
    QString html = tr("<p>Test: <b>%1</b>").arg(testText(test).toHtmlEscaped());
    if (!test.detail.isEmpty())
        html += QStringLiteral(" — ") + test.detail.toHtmlEscaped();
    if (test.ms >= 0)
        html += tr(" (%1 ms)").arg(qRound(test.ms));
    html += QStringLiteral("</p>");
    if (!test.outputTail.isEmpty())
        html += tr("<p>The program's last lines of output:</p><pre>%1</pre>").arg(test.outputTail.toHtmlEscaped());
    return html;
}

void SuiteDialog::showDiff(int row)
{
    const QTableWidgetItem *item = row >= 0 ? m_results->item(row, 0) : nullptr;
    if (!item) {
        m_diff->clear();
        return;
    }
    const SuiteResult &r = results().at(item->data(Qt::UserRole).toInt());
    const SuiteCase &c = cases().at(r.caseIndex);
    QString html = tr("<p><b>%1</b> on <b>%2</b> (line %3)</p>")
                       .arg(c.name.toHtmlEscaped(), targets().at(r.target).label.toHtmlEscaped())
                       .arg(c.line);
    const QString test = testHtml(r.test);
    if (!r.answered) {
        m_diff->setHtml(html + tr("<p>Failed: %1</p>").arg(r.error.toHtmlEscaped()) + test);
        return;
    }
    if (!c.expected) {
        m_diff->setHtml(html + tr("<p>Answer (the case expects nothing in particular):</p><p>%1</p>").arg(visible(r.answer)) + test);
        return;
    }
    // Where they part: the shared start plain, what differs marked (removed from the expected in
    // green, what the answer has instead in red).
    const QString &expected = *c.expected;
    qsizetype same = 0;
    while (same < expected.size() && same < r.answer.size() && expected.at(same) == r.answer.at(same))
        ++same;
    auto marked = [same](const QString &text, const char *colour) {
        return visible(text.left(same)) + QStringLiteral("<span style=\"background:%1\">").arg(QString::fromLatin1(colour))
            + visible(text.mid(same)) + QStringLiteral("</span>");
    };
    // The metrics first: the texts below may need the scroll bar.
    html += metricsHtml(r.scores);
    html += tr("<p>Expected:</p><p>%1</p><p>Answer:</p><p>%2</p>").arg(marked(expected, "#c8f0c8"), marked(r.answer, "#f6c8c8"));
    html += r.match.exact ? tr("<p>✓ The same (trailing white space aside).</p>")
        : r.match.prefix  ? tr("<p>≈ One is the start of the other: they part at character %1.</p>").arg(same + 1)
                          : tr("<p>✗ They part at character %1.</p>").arg(same + 1);
    m_diff->setHtml(html + test);
}

void SuiteDialog::finish()
{
    m_cancel->setEnabled(false);
    m_cancel->setText(tr("Stop"));
    m_again->setEnabled(true);
    refreshSummary();
}
