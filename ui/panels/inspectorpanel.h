#pragma once

#include "completion/answercleaner.h"
#include "net/fimclient.h"
#include "net/servertokenizer.h"
#include "wire/endpoint.h"

#include <QPointer>

#include <QWidget>

class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QSplitter;
class TokenProbabilityView;

// The last 50 exchanges, newest first, in a list; for the one chosen, the request as it went over
// the wire (headers with the secret redacted, the JSON body, and first the prompt as the model reads
// it when known), the raw answer or stream, and "Copy as curl" (the key as $CODESTRAL_API_KEY,
// $FIM_PROXY_TOKEN or $FIM_API_KEY). A new exchange is shown unless an older one is being read.
// When the editor showed the answer, the answer pane starts with what it showed and each cleaning
// rule that fired with what it removed. "Edit and Resend…" opens the request body for editing.
class InspectorPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(InspectorPanel)

public:
    explicit InspectorPanel(QWidget *parent = nullptr);

    static constexpr int MaxExchanges = 50;

    // Adds an exchange to the list (and shows it, unless an older one is chosen).
    void showExchange(const Endpoint &endpoint, const Exchange &exchange);
    // Shows the exchange of this request id (a latency row's); false when it is not in the list.
    bool showExchangeWithId(quint64 id);
    int exchangeCount() const { return int(m_history.size()); }
    QListWidget *exchangeList() const { return m_list; }
    QString requestText() const;
    QString answerText() const;
    QString curlText() const { return m_curl; }
    QPushButton *copyButton() const { return m_copy; }
    QPushButton *resendButton() const { return m_resend; }
    // How the editor cleaned the answer of request id (before or after its exchange arrives).
    void setCleaning(quint64 id, const AnswerCleaner::Cleaned &cleaned);
    // Who asked request id, in words ("asked ahead", "candidate 2 of 3", "sweep: temperature 0.5"),
    // before or after its exchange arrives: its row and its request say so.
    void setOrigin(quint64 id, const QString &origin);
    // The exchange on screen, if any.
    const Exchange *currentExchange() const;
    // Its token probabilities, under its answer (shown when it has them).
    TokenProbabilityView *tokenView() const { return m_tokens; }
    // Where the prompt of a llama-server exchange is shown as the server tokenised it.
    void setTokenizer(ServerTokenizer *tokenizer);
    // The tokens as the inspector writes them: pieces between "·", special tokens in ⟦ ⟧.
    static QString tokenText(const QList<TokenPiece> &tokens);


    // Request above, answer below; the user moves the handle, and the window remembers it.
    QSplitter *splitter() const { return m_split; }
    // The list of exchanges beside them; remembered too.
    QSplitter *listSplitter() const { return m_outer; }
    // Both splitters' positions, for the settings; a state of the request/answer splitter alone
    // (what the settings held before the list's was kept) restores that one.
    QByteArray splitterState() const;
    void restoreSplitterState(const QByteArray &state);

signals:
    // Edit and resend: the user checked this body and asked to send it to url.
    void resendRequested(const Endpoint &endpoint, const QUrl &url, const QByteArray &body);

private:
    void display(int row);
    void editAndResend();
    QString rowText(const Exchange &exchange) const;

    struct Entry
    {
        Endpoint endpoint;
        Exchange exchange;
    };
    QList<Entry> m_history; // newest first
    QListWidget *m_list;
    QPlainTextEdit *m_request;
    QPlainTextEdit *m_answer;
    TokenProbabilityView *m_tokens;
    QPushButton *m_copy;
    QPushButton *m_resend;
    QHash<quint64, AnswerCleaner::Cleaned> m_cleaning; // of the exchanges listed
    QHash<quint64, QString> m_origins;                 // setOrigin()
    QSplitter *m_split = nullptr;
    QSplitter *m_outer = nullptr;
    QPointer<ServerTokenizer> m_tokenizer;
    QString m_curl;
};
