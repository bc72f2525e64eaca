#pragma once

#include "suite/promptsuite.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QPlainTextEdit;

// Completion ▸ Save Cursor as Case…: the prefix and suffix a request would send from the cursor,
// under a name, with what the answer should be (the ghost text shown, if any, to start from),
// appended to a suite file (created if need be). A file that cannot be written is said here and
// the dialog stays open: nothing typed is lost.
class SaveCaseDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SaveCaseDialog)

public:
    SaveCaseDialog(const SuiteCase &suiteCase, const QString &suitePath, QWidget *parent = nullptr);
    ~SaveCaseDialog() override;

    QString suitePath() const;
    // The case as written to the file, once accepted.
    const SuiteCase &savedCase() const { return m_case; }
    QLineEdit *nameEdit() const { return m_name; }
    QPlainTextEdit *expectedEdit() const { return m_expected; }
    QLineEdit *pathEdit() const { return m_path; }
    QLabel *errorLabel() const { return m_error; }

    void accept() override;

private:
    SuiteCase m_case;
    QLineEdit *m_name;
    QPlainTextEdit *m_expected;
    QLineEdit *m_path;
    QLabel *m_error;
};
