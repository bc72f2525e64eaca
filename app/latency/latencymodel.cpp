#include "latency/latencymodel.h"

#include "completion/suggestionconfidence.h"
#include "wire/modellistparser.h"

namespace {
QString ms(double v)
{
    return v < 0 ? QString() : QString::number(v, 'f', v < 10 ? 1 : 0);
}
QString csvField(QString s)
{
    if (s.contains(QLatin1Char(',')) || s.contains(QLatin1Char('"')) || s.contains(QLatin1Char('\n')))
        s = QLatin1Char('"') + s.replace(QLatin1Char('"'), QStringLiteral("\"\"")) + QLatin1Char('"');
    return s;
}
QString statusText(const RequestTiming &t)
{
    switch (t.outcome) {
    case RequestTiming::Outcome::Cancelled: return QObject::tr("cancelled");
    case RequestTiming::Outcome::Failed:
        return t.httpStatus > 0 ? QStringLiteral("%1 %2").arg(t.httpStatus).arg(t.errorKind) : t.errorKind;
    case RequestTiming::Outcome::Ok:
        if (t.hiddenProbability)
            return QString::number(t.httpStatus) + QStringLiteral(" · ") + SuggestionConfidence::hiddenLabel(*t.hiddenProbability);
        return t.cacheHit ? QObject::tr("cache") : QString::number(t.httpStatus);
    case RequestTiming::Outcome::Pending: return QObject::tr("pending");
    }
    return {};
}
QString prefetchText(RequestTiming::Prefetch state)
{
    switch (state) {
    //: Latency table: the request was asked ahead of time, before the user needed it
    case RequestTiming::Prefetch::Pending: return QObject::tr("ahead");
    case RequestTiming::Prefetch::Used: return QObject::tr("ahead, used");
    case RequestTiming::Prefetch::Unused: return QObject::tr("ahead, unused");
    case RequestTiming::Prefetch::Warm: return QObject::tr("warm-up");
    case RequestTiming::Prefetch::No: break;
    }
    return {};
}
// The playground's own cache, else what an edge cache (our proxy's X-Cache) said; and whether the
// request was asked ahead.
QString cacheText(const RequestTiming &t)
{
    QStringList parts;
    if (t.cacheHit)
        //: Latency table: a cache hit (the answer came from the playground's cache)
        parts << QObject::tr("hit");
    else if (t.edgeCache == u"HIT")
        parts << QObject::tr("edge hit");
    else if (t.edgeCache == u"MISS")
        parts << QObject::tr("edge miss");
    else if (t.edgeCache == u"BYPASS")
        parts << QObject::tr("edge bypass");
    if (t.prefetch != RequestTiming::Prefetch::No)
        parts.prepend(prefetchText(t.prefetch));
    return parts.join(QStringLiteral(" · "));
}
} // namespace

LatencyModel::LatencyModel(std::size_t capacity, QObject *parent)
    : QAbstractTableModel(parent)
    , m_history(capacity)
{
}

void LatencyModel::append(const RequestTiming &timing)
{
    if (m_history.capacity() == 0)
        return;
    // Full: the oldest row goes first, as its own change, so every view sees consistent counts.
    if (m_history.size() >= m_history.capacity()) {
        beginRemoveRows({}, 0, 0);
        m_history.dropOldest();
        endRemoveRows();
    }
    beginInsertRows({}, int(m_history.size()), int(m_history.size()));
    m_history.append(timing);
    if (const auto mark = m_marks.constFind(timing.id); mark != m_marks.cend()) {
        m_history.setPrefetch(m_history.size() - 1, *mark);
        m_marks.erase(mark);
    }
    if (const auto hidden = m_hiddenMarks.constFind(timing.id); hidden != m_hiddenMarks.cend()) {
        m_history.setHidden(m_history.size() - 1, *hidden);
        m_hiddenMarks.erase(hidden);
    }
    endInsertRows();
}

void LatencyModel::markPrefetch(quint64 id, RequestTiming::Prefetch state)
{
    const qsizetype row = m_history.indexOf(id);
    if (row < 0) {
        if (m_marks.size() > 64) // rows that never came (a request cancelled before it was sent)
            m_marks.clear();
        m_marks.insert(id, state);
        return;
    }
    m_history.setPrefetch(std::size_t(row), state);
    emit dataChanged(index(int(row), Cache), index(int(row), Cache));
}

void LatencyModel::markHidden(quint64 id, double probability)
{
    const qsizetype row = m_history.indexOf(id);
    if (row < 0) {
        if (m_hiddenMarks.size() > 64) // rows that never came
            m_hiddenMarks.clear();
        m_hiddenMarks.insert(id, probability);
        return;
    }
    m_history.setHidden(std::size_t(row), probability);
    emit dataChanged(index(int(row), Status), index(int(row), Status));
}

void LatencyModel::clear()
{
    beginResetModel();
    m_history.clear();
    endResetModel();
}

int LatencyModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_history.size());
}

int LatencyModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant LatencyModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const RequestTiming &t = m_history.at(std::size_t(index.row()));
    if (role == Qt::TextAlignmentRole)
        return (index.column() >= FirstByte && index.column() <= Tokens) || index.column() >= ServerPrompt
            ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
            : QVariant();
    if (role == Qt::UserRole) // the outcome, for views that colour failures
        return int(t.outcome);
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case Time: return t.scheduledAt.toString(QStringLiteral("HH:mm:ss.zzz"));
    case Endpoint: return t.endpointName;
    case Model: {
        // The model the server says answered (a llama-server .gguf by its file name), else the one asked for.
        const QString model = t.answeredModel.isEmpty() ? t.model : t.answeredModel;
        if (role == Qt::DisplayRole)
            return modelDisplayName(model);
        return t.answeredModel.isEmpty() || t.answeredModel == t.model
            ? model
            : tr("%1 answered (asked for: %2)").arg(t.answeredModel, t.model.isEmpty() ? tr("the server's default") : t.model);
    }
    case Status: return statusText(t);
    case FirstByte: return ms(t.firstByteMs);
    case FirstToken: return ms(t.firstTokenMs);
    case Total: return ms(t.totalMs);
    case PromptChars: return t.promptChars;
    case SuffixChars: return t.suffixChars;
    case CompletionChars: return t.completionChars;
    case Tokens: return t.usage ? QVariant(t.usage->totalTokens) : QVariant();
    case Cache: return cacheText(t);
    case ServerPrompt: return t.server ? ms(t.server->promptMs) : QVariant();
    case ServerGeneration: return t.server ? ms(t.server->generationMs) : QVariant();
    case TokensPerSecond: // a warm-up generates nothing: no rate
        return t.server && t.server->tokensPerSecond() >= 0 && t.prefetch != RequestTiming::Prefetch::Warm ? QVariant(qRound(t.server->tokensPerSecond() * 10) / 10.0) : QVariant();
    case CachedTokens: return t.server && t.server->cachedTokens >= 0 ? QVariant(t.server->cachedTokens) : QVariant();
    default: return {};
    }
}

QVariant LatencyModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || (role != Qt::DisplayRole && role != Qt::ToolTipRole))
        return {};
    if (role == Qt::ToolTipRole) { // what the short titles of the server's figures mean
        switch (section) {
        case ServerPrompt: return tr("Server prompt ms: the server's own time reading the prompt");
        case ServerGeneration: return tr("Server gen ms: the server's own time generating the answer");
        case TokensPerSecond: return tr("Tok/s: generated tokens per second of the server's generation time");
        case CachedTokens: return tr("Cached tok: prompt tokens the server took from its cache");
        case Model: return tr("Model: the one that answered when the server says (a .gguf by its file name), else the one asked for");
        default: return headerData(section, orientation, Qt::DisplayRole);
        }
    }
    switch (section) {
    case Time: return tr("Time");
    case Endpoint: return tr("Endpoint");
    case Model: return tr("Model");
    case Status: return tr("Status");
    case FirstByte: return tr("First byte ms");
    case FirstToken: return tr("First token ms");
    case Total: return tr("Total ms");
    case PromptChars: return tr("Prefix");
    case SuffixChars: return tr("Suffix");
    case CompletionChars: return tr("Completion");
    case Tokens: return tr("Tokens");
    case Cache: return tr("Cache");
    case ServerPrompt: return tr("Server prompt ms");
    case ServerGeneration: return tr("Server gen ms");
    case TokensPerSecond: return tr("Tok/s");
    case CachedTokens: return tr("Cached tok");
    default: return {};
    }
}

QByteArray LatencyModel::toCsv() const
{
    QString out = QStringLiteral("time,endpoint,host,model,stream,outcome,status,error,sent_ms,first_byte_ms,first_token_ms,"
                                 "total_ms,prompt_chars,suffix_chars,completion_chars,prompt_tokens,completion_tokens,"
                                 "total_tokens,cache_hit,edge_cache,prefetch\n");
    auto num = [](double v) { return v < 0 ? QString() : QString::number(v, 'f', 3); };
    for (std::size_t i = 0; i < m_history.size(); ++i) {
        const RequestTiming &t = m_history.at(i);
        const QString outcome = t.outcome == RequestTiming::Outcome::Ok ? QStringLiteral("ok")
            : t.outcome == RequestTiming::Outcome::Failed              ? QStringLiteral("failed")
            : t.outcome == RequestTiming::Outcome::Cancelled           ? QStringLiteral("cancelled")
                                                                       : QStringLiteral("pending");
        const QStringList fields{t.scheduledAt.toString(Qt::ISODateWithMs), csvField(t.endpointName), csvField(t.host),
                                 csvField(t.answeredModel.isEmpty() ? t.model : t.answeredModel), t.stream ? QStringLiteral("1") : QStringLiteral("0"), outcome,
                                 QString::number(t.httpStatus), t.errorKind, num(t.sentMs), num(t.firstByteMs),
                                 num(t.firstTokenMs), num(t.totalMs), QString::number(t.promptChars),
                                 QString::number(t.suffixChars), QString::number(t.completionChars),
                                 t.usage ? QString::number(t.usage->promptTokens) : QString(),
                                 t.usage ? QString::number(t.usage->completionTokens) : QString(),
                                 t.usage ? QString::number(t.usage->totalTokens) : QString(),
                                 t.cacheHit ? QStringLiteral("1") : QStringLiteral("0"), csvField(t.edgeCache),
                                 csvField(prefetchText(t.prefetch))};
        out += fields.join(QLatin1Char(',')) + QLatin1Char('\n');
    }
    return out.toUtf8();
}
