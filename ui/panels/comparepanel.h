#pragma once

#include "completion/answercleaner.h"
#include "completion/contextextractor.h"
#include "panels/comparesite.h"
#include "suite/comparerun.h"
#include "suite/promptsuite.h"

#include <QTextCursor>
#include <QWidget>

#include <functional>
#include <memory>

class AppContext;
class CompareColumn;
class ElidedLabel;
class ExpectedAnswerEdit;
class QCheckBox;
class QComboBox;
class QHBoxLayout;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace KSyntaxHighlighting {
class Repository;
}

// The Compare view: the editor's cursor sent to 2–4 variants at once, side by side.
//
// Variants are named and saved with the settings: "Save Current…" takes the active profile and the
// toolbar's model and parameters; the checked ones (2–4) run with Run (Ctrl+Alt+Return). A sweep
// makes the variants from the current settings and one parameter over a list of values. Each
// column can be cancelled; Insert puts its answer where its own run was asked (the previous run's
// where that run was), as one undo step, and is off, saying why, while the text before that place
// is not the prefix the run sent. Answers are cleaned with the editor's rules. The run before is
// kept: "Previous run" shows it.
//
// An expected answer (typed in, or taken from a case saved in this session at the same prefix and
// suffix) has each column show its answer's metrics against it: exact, first-line exact, edit
// similarity, chrF, identifier exact and F1 (CompletionScores), as a sweep's columns too.
class ComparePanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ComparePanel)

public:
    // site: the editor as the panel may see it. current: the variant the toolbar describes now (active profile, model, parameters).
    ComparePanel(AppContext *context, std::unique_ptr<CompareSite> site,
                 const KSyntaxHighlighting::Repository &repository, std::function<Variant()> current, QWidget *parent = nullptr);
    ~ComparePanel() override;

    // Runs the checked variants at the editor's cursor; false (and says why) when it cannot.
    bool run();
    // The variants checked in the list, and the endpoint each goes to (a suite runs with them too).
    QList<Variant> checkedVariants() const;
    Endpoint endpointFor(const Variant &variant) const;
    // Runs a sweep of the current settings; false (and says why) on bad values.
    bool sweep(Sweep::Parameter parameter, const QString &values);
    bool saveCurrentAs(const QString &name);
    void setPreviousShown(bool shown);

    // A case saved in this session: a run whose prefix and suffix are the case's takes its expected
    // answer into the Expected field, unless the user typed another there.
    void rememberCase(const SuiteCase &suiteCase);

    // Which column asked request id, for the inspector: "Compare: A", "sweep: temperature 0.5".
    QString originOf(quint64 requestId) const;

    CompareRun *compareRun() { return &m_run; }
    QList<CompareColumn *> columns() const { return m_columns; }
    QListWidget *variantList() const { return m_variants; }
    QPushButton *runButton() const { return m_runButton; }
    ExpectedAnswerEdit *expectedEdit() const { return m_expected; }
    QString statusText() const;

signals:
    // The variant list changed: the settings are to be saved.
    void variantsChanged();
    // Each column's exchange, with the endpoint it went to (for the inspector) and its answer as
    // the column shows it (for the history).
    void exchangeRecorded(const Endpoint &endpoint, const Exchange &exchange, const QString &shown);

private:
    // Where a run was asked, and what it sent from there.
    struct Asked
    {
        QTextCursor anchor; // moves with the edits; Insert puts the run's answers here
        QString prefix;     // as sent
        ContextLimits limits;
        QString lineBreak;
        AnswerCleaner::Context cleaning;
    };

    void refreshVariants();
    void startRun(const QList<Variant> &variants);
    void showColumns();
    void insert(int column);
    const Asked &asked(bool previous) const { return previous ? m_previousAsked : m_asked; }
    // Why a run's answers cannot go in where it was asked, in words, or empty when they can.
    QString insertBlocked(const Asked &asked) const;
    void refreshInsert();
    void refreshScores();
    // " Expected: the answer of the case “add”." when the newest run took a saved case's answer.
    QString expectedNote() const;
    void setStatus(const QString &text, bool error);
    // A column's answer cleaned as the editor would at the cursor of its run (this one or the one
    // before); *cleaning says what the rules removed.
    QString shownText(const CompareRun::Column &column, bool previous, QString *cleaning) const;

    AppContext *m_context;
    std::unique_ptr<CompareSite> m_site;
    const KSyntaxHighlighting::Repository &m_repository;
    std::function<Variant()> m_current;
    CompareRun m_run;
    QListWidget *m_variants;
    QPushButton *m_runButton;
    QComboBox *m_sweepParameter;
    QLineEdit *m_sweepValues;
    ExpectedAnswerEdit *m_expected;
    QString m_expectedCase; // the saved case whose answer the newest run is scored against, if any
    QCheckBox *m_previous;
    ElidedLabel *m_status; // four lines whatever it says: the buttons above hold still
    QHBoxLayout *m_columnRow;
    QLabel *m_hint; // what to do, while there is no run
    QList<CompareColumn *> m_columns;
    Asked m_asked;         // the newest run
    Asked m_previousAsked; // the one before
    bool m_sweeping = false; // the newest run is a sweep's
};
