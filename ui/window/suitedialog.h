#pragma once

#include "suite/promptsuite.h"
#include "suite/suiterun.h"

#include <QDialog>

class AppContext;
class QCheckBox;
class QDoubleSpinBox;
class BatchJobBar;
struct BatchJobRecord;
class QLabel;
class QProgressBar;
class QPushButton;
class QTableWidget;
class QTextBrowser;

// File ▸ Run Suite…: a prompt suite run against the checked Compare variants (or the active
// endpoint with the toolbar's parameters), shown as it goes: a progress bar, a table per target
// (cases, errors, first token and total p50/p95, exact and prefix matches, first-line and identifier
// exact matches, edit similarity, identifier F1 and chrF as mean (p50/p95)), a row per case and
// target, and for the selected row the answer against what was expected, from the first character
// where they part, with that answer's metrics. Lines the suite could not take are listed above,
// with their numbers.
// Cases with a test (HumanEval-infilling, SAFIM) get pass@1 and a Test column; their tests run only
// when "Run the cases' tests" is checked (off by default: it runs the model's code, in a sandbox),
// and the diff view then shows the outcome and the program's last lines of output.
// "Run as batch job" (BatchJobBar, a single Codestral target) runs it through Mistral's Batch API
// instead: the bar counts the job's requests, the latency columns say "batch", Stop cancels the job;
// a job kept from an earlier session is offered to resume or cancel.
class SuiteDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SuiteDialog)

public:
    SuiteDialog(AppContext *context, QWidget *parent = nullptr);
    ~SuiteDialog() override;

    // Runs a suite named title (its file name) against the targets; a run still going is cancelled
    // (a batch job still running is left to run, and offered to resume). path: the suite's file,
    // which a batch job keeps to be resumed.
    void start(const QString &title, const PromptSuite &suite, const QList<SuiteTarget> &targets, const QString &path = {});

    SuiteRun *run() { return &m_run; }
    QTableWidget *summaryTable() const { return m_summary; }
    QTableWidget *resultTable() const { return m_results; }
    QTextBrowser *diffView() const { return m_diff; }
    QLabel *problemLabel() const { return m_problems; }
    QCheckBox *runTestsBox() const { return m_runTests; }
    QDoubleSpinBox *testTimeLimitBox() const { return m_timeLimit; }
    QProgressBar *progressBar() const { return m_progress; }
    BatchJobBar *batchBar() const { return m_batchBar; }
    QPushButton *stopButton() const { return m_cancel; }
    QPushButton *againButton() const { return m_again; }

signals:
    // Every request's exchange, its endpoint and the answer as cleaned: for the inspector and the history.
    void exchangeRecorded(const Endpoint &endpoint, const Exchange &exchange, const QString &shown);

private:
    // The run shown: the batch run's or the SuiteRun's.
    const QList<SuiteCase> &cases() const;
    const QList<SuiteTarget> &targets() const;
    const QList<SuiteResult> &results() const;
    SuiteSummary summaryOf(int target) const;
    void prepare(const QString &title, const PromptSuite &suite, const QList<SuiteTarget> &targets, int total);
    void resumeBatch(const BatchJobRecord &record, const QString &title, const QList<SuiteCase> &cases, const SuiteTarget &target,
                     bool cancel);
    void addResult(const SuiteResult &result);
    void refreshSummary();
    void showDiff(int row);
    static QString testHtml(const TestOutcome &test);
    void finish();

    AppContext *m_context;
    SuiteRun m_run;
    QString m_title;
    QLabel *m_heading;
    QLabel *m_problems;
    QProgressBar *m_progress;
    QTableWidget *m_summary;
    QTableWidget *m_results;
    QTextBrowser *m_diff;
    QPushButton *m_cancel;
    QPushButton *m_again;
    QCheckBox *m_runTests;
    QLabel *m_testWarning;
    QDoubleSpinBox *m_timeLimit;
    BatchJobBar *m_batchBar;
    bool m_batchMode = false;
    PromptSuite m_suite;
    QList<SuiteTarget> m_targets;
    QString m_path;
};
