#pragma once

#include "history/batchjobstore.h"
#include "suite/batchrun.h"

#include <QWidget>

#include <memory>

class AppContext;
class QCheckBox;
class QLabel;
class QPushButton;

// The Prompt Suite window's batch part: the "Run as batch job" choice (enabled only for a single
// Codestral target; its tooltip says why otherwise), the BatchRun that runs a suite through
// Mistral's Batch API, and a notice for a job kept in the history that no run follows (one
// started before the playground last quit), with Resume and Cancel Job.
//
// Jobs are kept in the history file (BatchJobStore); with the history off they run but are not
// kept, and the choice's tooltip says so. The SuiteDialog shows the run's results as a normal run's.
class BatchJobBar final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BatchJobBar)

public:
    explicit BatchJobBar(AppContext *context, QWidget *parent = nullptr);
    ~BatchJobBar() override;

    BatchRun *run() { return m_run.get(); }
    QCheckBox *choice() const { return m_choice; }
    QLabel *notice() const { return m_notice; }
    QPushButton *resumeButton() const { return m_resume; }
    QPushButton *cancelJobButton() const { return m_cancelJob; }

    // The targets of the next run: the choice is enabled only when they can run as a batch job.
    void setTargets(const QList<SuiteTarget> &targets);
    // Checked and possible for the targets set.
    bool wantsBatch() const;
    // Looks for a kept job no run follows (queued or running): shown with Resume and Cancel Job.
    void showKeptJobs();
    // Poll timing of the runs (tests: a few ms).
    void setPollInterval(int firstMs, int maxMs);

signals:
    // A kept job is ready to be followed again (its suite read, its secret read): the dialog sets
    // up its tables, then calls run()->resume(record, cases, target). cancel: Cancel Job was
    // pressed, so the dialog cancels it at once.
    void resumeReady(const BatchJobRecord &record, const QString &title, const QList<SuiteCase> &cases, const SuiteTarget &target,
                     bool cancel);

private:
    void resumeKept(bool cancel);

    AppContext *m_context;
    std::unique_ptr<BatchJobStore> m_store;
    std::unique_ptr<BatchRun> m_run;
    QString m_storeError;
    QCheckBox *m_choice;
    QLabel *m_notice;
    QPushButton *m_resume;
    QPushButton *m_cancelJob;
    std::optional<BatchJobRecord> m_kept;
    bool m_possible = false;
};
