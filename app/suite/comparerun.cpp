#include "suite/comparerun.h"

#include "settings/secretstore.h"

CompareRun::CompareRun(QNetworkAccessManager *network, SecretStore *secrets, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_secrets(secrets)
{
}

CompareRun::~CompareRun()
{
    // Quietly: nothing of this run may reach a listener that is going away too.
    for (const QPointer<FimReply> &r : std::as_const(m_replies)) {
        if (r)
            r->abort();
    }
}

bool CompareRun::isRunning() const
{
    return std::any_of(m_columns.cbegin(), m_columns.cend(), [](const Column &c) {
        return c.state == Column::State::Waiting || c.state == Column::State::Running;
    });
}

void CompareRun::start(const QList<Variant> &variants, const QList<Endpoint> &endpoints, const QString &prompt, const QString &suffix)
{
    cancelAll();
    if (!m_columns.isEmpty())
        m_previous = m_columns;
    const quint64 run = ++m_run;
    qDeleteAll(m_clients); // their replies were aborted above
    m_clients.clear();
    m_columns.clear();
    m_replies.clear();
    m_prompt = prompt;
    m_suffix = suffix;
    for (qsizetype i = 0; i < variants.size(); ++i) {
        Column c;
        c.variant = variants.at(i);
        c.endpoint = endpoints.value(i);
        m_columns.append(c);
        auto *client = new FimClient(m_network, this);
        client->setTimeouts(m_timeouts);
        connect(client, &FimClient::timingRecorded, this, &CompareRun::timingRecorded);
        connect(client, &FimClient::exchangeRecorded, this, &CompareRun::exchangeRecorded);
        m_clients.append(client);
        m_replies.append(nullptr);
    }
    emit started();
    for (int i = 0; i < m_columns.size(); ++i) {
        // The secret comes from the keychain or the environment, later; this run may be over by then.
        m_secrets->read(m_columns.at(i).endpoint, this, [this, i, run](const QString &secret, const QString &) {
            if (run == m_run && i < m_columns.size() && m_columns.at(i).state == Column::State::Waiting)
                send(i, run, secret);
        });
    }
}

void CompareRun::send(int i, quint64 run, const QString &secret)
{
    Column &c = m_columns[i];
    FimClient *client = m_clients.at(i);
    client->setEndpoint(c.endpoint, secret);
    FimRequest request = c.variant.request;
    request.prompt = m_prompt;
    request.suffix = m_suffix;
    if (request.model.isEmpty())
        request.model = c.endpoint.defaultModel();
    FimReply *reply = client->complete(request);
    m_replies[i] = reply;
    c.state = Column::State::Running;
    c.requestId = reply->id();
    connect(reply, &FimReply::finished, this, [this, i, run](const CompletionResult &result) {
        if (run != m_run)
            return;
        m_columns[i].result = result;
        settle(i, Column::State::Answered);
    });
    connect(reply, &FimReply::failed, this, [this, i, run](const FimError &error) {
        if (run != m_run)
            return;
        m_columns[i].error = error;
        settle(i, Column::State::Failed);
    });
    emit columnChanged(i);
}

void CompareRun::settle(int i, Column::State state)
{
    m_columns[i].state = state;
    m_replies[i] = nullptr;
    emit columnChanged(i);
    if (!isRunning())
        emit finished();
}

void CompareRun::cancel(int i)
{
    if (i < 0 || i >= m_columns.size())
        return;
    const Column::State state = m_columns.at(i).state;
    if (state != Column::State::Waiting && state != Column::State::Running)
        return;
    if (FimReply *reply = m_replies.at(i))
        reply->abort();
    settle(i, Column::State::Cancelled);
}

void CompareRun::cancelAll()
{
    for (int i = 0; i < m_columns.size(); ++i)
        cancel(i);
}

// Its meta-object here, not in the one file of all of them: a program that uses none of this class
// (fim-complete) links none of it, nor the keychain behind it.
#include "moc_comparerun.cpp"
