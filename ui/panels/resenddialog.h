#pragma once

#include "backends/fimbackend.h"
#include "wire/endpoint.h"

#include <QDialog>
#include <QUrl>

class QDialogButtonBox;
class QLabel;
class QPlainTextEdit;

// Edit and resend: a request body as editable JSON, checked as it is typed (where the syntax
// breaks, by line and column; that it is an object; that it has the fields its route takes, as
// its kind's backend names them: llama.cpp's /infill input_prefix, the others a prompt), and sent
// to the same route only once it passes.
class ResendDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ResendDialog)

public:
    ResendDialog(EndpointKind kind, const QUrl &url, const QByteArray &body, QWidget *parent = nullptr);

    // The body as it will be sent (the text as written, UTF-8), or empty while it does not pass.
    QByteArray body() const;
    QString problem() const { return m_problem; }
    QPlainTextEdit *editor() const { return m_edit; }

    // The check: empty when the text can be sent, else what is wrong in words.
    static QString check(const QString &text, const FimBackend::BodyFields &fields);

private:
    void recheck();

    FimBackend::BodyFields m_fields;
    QPlainTextEdit *m_edit;
    QLabel *m_status;
    QDialogButtonBox *m_buttons;
    QString m_problem;
};
