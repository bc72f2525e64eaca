#include "window/suitedialog.h"

#include "context/appcontext.h"
#include "window/batchjobbar.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QFontDatabase>
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

QTableWidgetItem *cell(const QString &text, Qt::Alignment alignment = Qt::AlignLeft | Qt::AlignVCenter)
{
    auto *item = new QTableWidgetItem(text);
    item->setTextAlignment(alignment);
    item->setFlags(item->flags() & ~Qt::ItemIsEditable);
    return item;
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

    m_summary = new QTableWidget(0, 7, this);
    m_summary->setHorizontalHeaderLabels({tr("Target"), tr("Cases"), tr("Errors"), tr("First token p50 / p95"), tr("Total p50 / p95"),
                                          tr("Exact"), tr("Prefix")});
    m_summary->verticalHeader()->hide();
    m_summary->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_summary->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch); // the target's name, not "Prefix", takes the room
    m_summary->horizontalHeader()->setStretchLastSection(false);

    m_results = new QTableWidget(0, 5, this);
    m_results->setHorizontalHeaderLabels({tr("Case"), tr("Target"), tr("Result"), tr("First token ms"), tr("Total ms")});
    m_results->verticalHeader()->hide();
    m_results->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_results->setSelectionMode(QAbstractItemView::SingleSelection);
    // The Result column takes the room (an error says why there); the others fit their contents.
    m_results->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_results->horizontalHeader()->setSectionResizeMode(2, QHeaderView::Stretch);
    m_results->horizontalHeader()->setStretchLastSection(false);
    m_results->setSortingEnabled(true);
    m_results->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder); // in the suite's order until a header is clicked

    m_diff = new QTextBrowser(this);
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
    layout->addWidget(m_summary);
    layout->addWidget(split, 1);
    layout->addWidget(m_batchBar);
    layout->addWidget(buttons);
    resize(900, 640);

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
    }
    m_summary->setFixedHeight(m_summary->horizontalHeader()->height() + 2 * m_summary->frameWidth()
                              + m_summary->verticalHeader()->length() + 2);
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
    if (!r.answered) {
        m_diff->setHtml(html + tr("<p>Failed: %1</p>").arg(r.error.toHtmlEscaped()));
        return;
    }
    if (!c.expected) {
        m_diff->setHtml(html + tr("<p>Answer (the case expects nothing in particular):</p><p>%1</p>").arg(visible(r.answer)));
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
    html += tr("<p>Expected:</p><p>%1</p><p>Answer:</p><p>%2</p>").arg(marked(expected, "#c8f0c8"), marked(r.answer, "#f6c8c8"));
    html += r.match.exact ? tr("<p>✓ The same (trailing white space aside).</p>")
        : r.match.prefix  ? tr("<p>≈ One is the start of the other: they part at character %1.</p>").arg(same + 1)
                          : tr("<p>✗ They part at character %1.</p>").arg(same + 1);
    m_diff->setHtml(html);
}

void SuiteDialog::finish()
{
    m_cancel->setEnabled(false);
    m_cancel->setText(tr("Stop"));
    m_again->setEnabled(true);
    refreshSummary();
}
