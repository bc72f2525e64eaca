#include "history/historyrecorder.h"

#include "backends/fimbackend.h"
#include "completion/answercleaner.h"
#include "history/historywriter.h"
#include "net/fimclient.h"

#include <QRegularExpression>

namespace {

// The answer of x cleaned by every rule, as the editor would at the cursor it was asked at: the
// request's stops, the model family its endpoint's template (or else its kind and model) gives, the
// rest of the cursor's line.
QString cleanedAsShown(const Exchange &x, const Endpoint &endpoint)
{
    AnswerCleaner::Context context;
    context.stops = x.request.stop;
    const QString model = x.request.model.isEmpty() ? x.timing.answeredModel : x.request.model;
    context.family = FimBackend::answerFamily(endpoint, model);
    const QString &suffix = x.request.suffix;
    context.lineRest = suffix.left(suffix.indexOf(QRegularExpression(QStringLiteral("[\\r\\n]"))));
    return AnswerCleaner::clean(x.answerText, context).text;
}

// The client's endpoint if x went to it; else (the profile changed while x was on its way) what x
// itself says of where it went.
Endpoint endpointOf(const Endpoint &current, const Exchange &x)
{
    const QUrl base = current.baseUrl.adjusted(QUrl::StripTrailingSlash);
    if (current.kind == x.kind && (base == x.url.adjusted(QUrl::StripTrailingSlash) || base.isParentOf(x.url)))
        return current;
    return Endpoint(current.name, x.kind, x.url);
}

} // namespace

HistoryRecorder::HistoryRecorder(HistoryWriter *writer, QObject *parent)
    : QObject(parent)
    , m_writer(writer)
{
}

void HistoryRecorder::watch(FimClient *client, const QString &source)
{
    connect(client, &FimClient::exchangeRecorded, this,
            [this, client, source](const Exchange &x) { record(endpointOf(client->endpoint(), x), source, x); });
}

void HistoryRecorder::noteCleaned(quint64 requestId, const QString &shown)
{
    // Cleaned answers come just before their exchange; a few are enough to hold.
    if (m_cleaned.size() > 64)
        m_cleaned.clear();
    m_cleaned.insert(requestId, shown);
}

void HistoryRecorder::setCursor(const QString &fileName, int line, int column)
{
    m_fileName = fileName;
    m_line = line;
    m_column = column;
}

void HistoryRecorder::record(const Endpoint &endpoint, const QString &source, const Exchange &x, const QString &shown)
{
    if (x.kind == EndpointKind::Replay)
        return; // it is in the history already: a demo's replays would bury what was recorded
    // Only copies here (the exchange's data is shared, not copied); the record is made on the
    // writer's thread.
    QString answer = shown.isEmpty() ? m_cleaned.take(x.id) : shown;
    // An answer nobody showed (asked ahead, Ask Again, an edited resend) is kept as the editor would
    // have shown it at the cursor it was asked at: never as the raw stream. Cleaned here, on the
    // GUI thread (a few microseconds): the cleaning rules are not to be run on two threads at once.
    if (answer.isEmpty() && !x.answerText.isEmpty())
        answer = cleanedAsShown(x, endpoint);
    m_writer->record([x, endpoint, source, answer, file = m_fileName, line = m_line, column = m_column] {
        HistoryRecord r = historyRecordOf(x, endpoint.name, source);
        r.cleanedAnswer = answer;
        r.fileName = file;
        r.line = line;
        r.column = column;
        return r;
    }, x.id);
}
