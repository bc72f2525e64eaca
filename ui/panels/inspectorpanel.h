#pragma once

#include "endpoint.h"
#include "fimclient.h"

#include <QWidget>

class QPlainTextEdit;
class QPushButton;

// The last request as it went over the wire (headers with the secret redacted, the JSON body), the
// raw answer or SSE events, and "Copy as curl" (the key as $CODESTRAL_API_KEY / $FIM_PROXY_TOKEN).
class InspectorPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(InspectorPanel)

public:
    explicit InspectorPanel(QWidget *parent = nullptr);

    void showExchange(const Endpoint &endpoint, const Exchange &exchange);
    QString requestText() const;
    QString answerText() const;
    QString curlText() const { return m_curl; }
    QPushButton *copyButton() const { return m_copy; }

private:
    QPlainTextEdit *m_request;
    QPlainTextEdit *m_answer;
    QPushButton *m_copy;
    QString m_curl;
};
