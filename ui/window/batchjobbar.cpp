#include "window/batchjobbar.h"

#include "context/appcontext.h"

#include <QCheckBox>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

BatchJobBar::BatchJobBar(AppContext *context, QWidget *parent)
    : QWidget(parent)
    , m_context(context)
    , m_store(std::make_unique<BatchJobStore>())
{
    // The jobs live in the history file, beside the exchanges (their own connection).
    if (HistoryWriter *history = context->history(); history && !history->path().isEmpty()) {
        if (!m_store->open(history->path(), &m_storeError))
            m_store.reset();
    } else {
        m_storeError = tr("the history is off");
        m_store.reset();
    }
    m_run = std::make_unique<BatchRun>(context->network(), m_store.get());

    m_choice = new QCheckBox(tr("Run as batch job"), this);
    m_choice->setObjectName(QStringLiteral("batchChoice"));
    m_notice = new QLabel(this);
    m_notice->setObjectName(QStringLiteral("batchNotice"));
    m_notice->setWordWrap(true);
    m_resume = new QPushButton(tr("Resume"), this);
    m_cancelJob = new QPushButton(tr("Cancel Job"), this);
    m_resume->setToolTip(tr("Follow this job again until it ends, and show its results."));
    m_cancelJob->setToolTip(tr("Ask Mistral to cancel this job; the answers it has already made are shown."));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_choice);
    layout->addWidget(m_notice, 1);
    layout->addWidget(m_resume);
    layout->addWidget(m_cancelJob);
    m_notice->hide();
    m_resume->hide();
    m_cancelJob->hide();
    connect(m_resume, &QPushButton::clicked, this, [this] { resumeKept(false); });
    connect(m_cancelJob, &QPushButton::clicked, this, [this] { resumeKept(true); });
    // Once a run follows the kept job, the notice has said its piece.
    connect(m_run.get(), &BatchRun::jobStarted, this, [this](const QString &id) {
        if (m_kept && m_kept->jobId == id) {
            m_kept.reset();
            m_notice->hide();
            m_resume->hide();
            m_cancelJob->hide();
        }
    });
    connect(m_run.get(), &BatchRun::finished, this, &BatchJobBar::showKeptJobs);
    setTargets({});
}

BatchJobBar::~BatchJobBar() = default;

void BatchJobBar::setPollInterval(int firstMs, int maxMs)
{
    m_run->setPollInterval(firstMs, maxMs);
}

void BatchJobBar::setTargets(const QList<SuiteTarget> &targets)
{
    const bool codestral = targets.size() == 1 && targets.constFirst().endpoint.kind == EndpointKind::Codestral;
    m_possible = codestral;
    m_choice->setEnabled(codestral);
    QString tip;
    if (codestral)
        tip = tr("Send the suite to Mistral's Batch API as one job: half the price of single requests, answered within "
                 "hours rather than seconds, with no latency figures (the columns say \"batch\"). Run Again starts it.");
    else if (targets.size() > 1)
        tip = tr("A batch job goes to one Codestral endpoint: %n targets are checked in Compare.", nullptr, int(targets.size()));
    else if (targets.isEmpty())
        tip = tr("A batch job goes to one Codestral endpoint (Mistral's Batch API).");
    else
        tip = tr("Batch jobs are Mistral's Batch API: only a Codestral endpoint has it, and “%1” is %2. Choose a Codestral "
                 "profile (or check one Codestral variant in Compare).")
                  .arg(targets.constFirst().label, endpointKindTitle(targets.constFirst().endpoint.kind));
    if (codestral && !m_store)
        tip += QLatin1Char(' ') + tr("The job is not kept (%1): it cannot be resumed after the playground quits.").arg(m_storeError);
    m_choice->setToolTip(tip);
}

bool BatchJobBar::wantsBatch() const
{
    return m_possible && m_choice->isChecked();
}

void BatchJobBar::showKeptJobs()
{
    m_kept.reset();
    if (m_store) {
        const QList<BatchJobRecord> unfinished = m_store->unfinished();
        for (const BatchJobRecord &r : unfinished)
            if (!(m_run->isRunning() && m_run->job().id == r.jobId)) {
                m_kept = r;
                break;
            }
    }
    m_notice->setVisible(m_kept.has_value());
    m_resume->setVisible(m_kept.has_value());
    m_cancelJob->setVisible(m_kept.has_value());
    m_resume->setEnabled(!m_run->isRunning());
    m_cancelJob->setEnabled(!m_run->isRunning());
    if (!m_kept)
        return;
    const BatchJobRecord &r = *m_kept;
    m_notice->setText(tr("Batch job %1 of %2 (%3, %4) is %5: %6 of %7 requests done.")
                          .arg(r.jobId, QFileInfo(r.suitePath).fileName(), r.profile, r.model, BatchJob::statusWords(r.status))
                          .arg(r.completed)
                          .arg(r.total));
    if (m_run->isRunning())
        m_notice->setToolTip(tr("Another batch job is being followed: Resume once it ends."));
    else
        m_notice->setToolTip(r.suitePath);
}

void BatchJobBar::resumeKept(bool cancel)
{
    if (!m_kept || m_run->isRunning())
        return;
    const BatchJobRecord record = *m_kept;
    QString error;
    std::optional<BatchRun::Resumable> resumable = BatchRun::prepareResume(record, &error);
    if (!resumable) {
        m_notice->setText(error);
        return;
    }
    const QString title = QFileInfo(record.suitePath).fileName();
    // The key as for any request on that profile: the environment, else the keychain.
    m_context->secrets()->read(resumable->target.endpoint, this,
                               [this, record, title, resumable = *resumable, cancel](const QString &secret, const QString &) mutable {
                                   resumable.target.secret = secret;
                                   emit resumeReady(record, title, resumable.cases, resumable.target, cancel);
                               });
}
