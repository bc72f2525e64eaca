#include "completion/suggestionprefetch.h"

#include "completion/adaptivedebounce.h"
#include "net/fimclient.h"

SuggestionPrefetch::SuggestionPrefetch(FimClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{
}

SuggestionPrefetch::~SuggestionPrefetch()
{
    // Quietly: whoever listens to settled() may be going away too.
    if (m_reply) {
        disconnect(m_reply, nullptr, this, nullptr);
        m_reply->abort();
    }
}

void SuggestionPrefetch::start(const FimRequest &request, const AnswerCleaner::Context &cleaning,
                               AnswerCleaner::Rules rules, quint64 forShown)
{
    drop();
    m_cleaning = cleaning;
    m_rules = rules;
    FimReply *reply = m_client->complete(request);
    m_reply = reply;
    m_id = reply->id();
    m_forShown = forShown;
    connect(reply, &FimReply::delta, this, [this, reply](const QString &text) {
        if (reply == m_reply)
            m_streamed += text;
    });
    connect(reply, &FimReply::finished, this, [this, reply](const CompletionResult &result) {
        if (reply != m_reply)
            return;
        m_reply = nullptr;
        m_answer = AnswerCleaner::clean(result.text, m_cleaning, m_rules).text;
        m_raw = result.text;
        m_probs = result.probs;
        emit answered(AdaptiveDebounce::latencyOf(result.timing));
    });
    connect(reply, &FimReply::failed, this, [this, reply] {
        if (reply == m_reply)
            drop();
    });
    emit started(m_id);
}

void SuggestionPrefetch::drop()
{
    const quint64 id = std::exchange(m_id, 0);
    const QPointer<FimReply> reply = std::exchange(m_reply, nullptr);
    m_streamed.clear();
    m_answer.reset();
    m_raw.clear();
    m_probs.clear();
    if (id == 0)
        return;
    if (reply)
        reply->abort();
    emit settled(id, false);
}

SuggestionPrefetch::Taken SuggestionPrefetch::take()
{
    Taken taken{std::exchange(m_id, 0), std::exchange(m_answer, std::nullopt), std::exchange(m_reply, nullptr),
                std::exchange(m_streamed, {}), std::exchange(m_raw, {}), std::exchange(m_probs, {})};
    if (taken.reply)
        disconnect(taken.reply, nullptr, this, nullptr);
    if (taken.id != 0)
        emit settled(taken.id, true);
    return taken;
}
