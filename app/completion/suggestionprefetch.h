#pragma once

#include "completion/answercleaner.h"
#include "net/fimreply.h"

#include <QObject>
#include <QPointer>

#include <optional>

class FimClient;

// The request asked ahead for what follows the suggestion on screen, as if it were accepted
// (llama.vim's speculative completion): one at a time, for one suggestion. Its answer is cleaned
// as the suggestion's was. Dropped, it is aborted and settled as unused; taken (Tab took the
// suggestion), it hands over its answer or, still coming, the reply itself, and is settled as used.
class SuggestionPrefetch final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SuggestionPrefetch)

public:
    explicit SuggestionPrefetch(FimClient *client, QObject *parent = nullptr);
    ~SuggestionPrefetch() override;

    // Asks request for the suggestion shown forShown-th; whatever was asked before is dropped.
    void start(const FimRequest &request, const AnswerCleaner::Context &cleaning, AnswerCleaner::Rules rules,
               quint64 forShown);
    void drop();
    bool isFor(quint64 shown) const { return m_id != 0 && m_forShown == shown; }
    bool isRunning() const { return !m_reply.isNull(); }
    bool hasAnswer() const { return m_answer.has_value(); }

    struct Taken
    {
        quint64 id = 0;
        std::optional<QString> answer; // cleaned, when it came
        QPointer<FimReply> reply;      // still coming, disconnected from this
        QString streamed;              // what it streamed so far
        QString raw;                   // the answer as it came, when it came
        QList<TokenProbability> probs; // and its token probabilities, when asked for
    };
    Taken take();

signals:
    void started(quint64 id);
    void settled(quint64 id, bool used);
    // Its answer came: to first text when streamed, else to its end (for the adaptive debounce).
    void answered(double latencyMs);

private:
    FimClient *m_client;
    QPointer<FimReply> m_reply;
    quint64 m_id = 0;
    quint64 m_forShown = 0;
    QString m_streamed;
    std::optional<QString> m_answer;
    QString m_raw;
    QList<TokenProbability> m_probs;
    AnswerCleaner::Context m_cleaning;
    AnswerCleaner::Rules m_rules;
};
