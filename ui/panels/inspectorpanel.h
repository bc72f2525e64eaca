#pragma once

#include "endpoint.h"
#include "fimclient.h"

#include <QWidget>

class QPlainTextEdit;
class QPushButton;
class QSplitter;

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

    // Request above, answer below; the user moves the handle, and the window remembers it.
    QSplitter *splitter() const { return m_split; }

private:
    QPlainTextEdit *m_request;
    QPlainTextEdit *m_answer;
    QPushButton *m_copy;
    QSplitter *m_split = nullptr;
    QString m_curl;
};
