#pragma once

#include <QDialog>
#include <QUrl>

class QDialogButtonBox;
class QLabel;
class QPlainTextEdit;

// Edit and resend: a request body as editable JSON, checked as it is typed (where the syntax
// breaks, by line and column; that it is an object; that prompt and suffix are strings), and sent
// to the same route only once it passes.
class ResendDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ResendDialog)

public:
    ResendDialog(const QUrl &url, const QByteArray &body, QWidget *parent = nullptr);

    // The body as it will be sent (the text as written, UTF-8), or empty while it does not pass.
    QByteArray body() const;
    QString problem() const { return m_problem; }
    QPlainTextEdit *editor() const { return m_edit; }

    // The check: empty when the text can be sent, else what is wrong in words.
    static QString check(const QString &text);

private:
    void recheck();

    QPlainTextEdit *m_edit;
    QLabel *m_status;
    QDialogButtonBox *m_buttons;
    QString m_problem;
};
