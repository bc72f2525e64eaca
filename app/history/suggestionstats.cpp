#include "history/suggestionstats.h"

#include "wire/modellistparser.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QMap>
#include <QTimeZone>

#include <algorithm>
#include <cmath>
#include <tuple>
#include <vector>

using namespace Qt::StringLiterals;

namespace {

// Messages under the context "SuggestionStats"; lupdate reads it from here.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(SuggestionStats)
};

std::optional<double> nearestRank(std::vector<double> values, double p)
{
    if (values.empty())
        return std::nullopt;
    std::sort(values.begin(), values.end());
    const double rank = std::ceil(p * double(values.size()));
    const std::size_t index = rank <= 1 ? 0 : std::size_t(rank) - 1;
    return values[std::min(index, values.size() - 1)];
}

std::optional<double> ratio(double n, double of)
{
    return of > 0 ? std::optional<double>(n / of) : std::nullopt;
}

// Sums a group's records into its row.
class Accumulator
{
public:
    void add(const SuggestionRecord &r)
    {
        ++m_row.recorded;
        if (!r.seen())
            return;
        ++m_row.seen;
        m_row.seenChars += r.shownChars;
        m_row.acceptedChars += r.acceptedChars;
        if (r.latencyMs >= 0)
            m_latencies.push_back(r.latencyMs);
        if (r.acceptedChars > 0) {
            ++m_row.accepted;
            if (r.outcome == SuggestionOutcome::Accepted)
                ++m_row.acceptedWhole;
            if (r.latencyMs >= 0)
                m_acceptedLatencies.push_back(r.latencyMs);
            if (r.persistence) {
                ++m_row.persistenceChecked;
                m_persistenceSum += *r.persistence;
            }
        }
        if (r.completionTokens >= 0) {
            m_tokens += r.completionTokens;
            m_tokenAcceptedChars += r.acceptedChars;
        }
    }

    SuggestionStats::Row finish(SuggestionStats::Row keys) const
    {
        SuggestionStats::Row row = m_row;
        row.profile = keys.profile;
        row.model = keys.model;
        row.promptTemplate = keys.promptTemplate;
        row.context = keys.context;
        row.acceptanceRate = ratio(row.accepted, row.seen);
        row.charAcceptance = ratio(double(row.acceptedChars), double(row.seenChars));
        row.persistence = ratio(m_persistenceSum, row.persistenceChecked);
        row.latencyP50 = nearestRank(m_latencies, 0.5);
        row.latencyP95 = nearestRank(m_latencies, 0.95);
        row.acceptedLatencyP50 = nearestRank(m_acceptedLatencies, 0.5);
        row.acceptedLatencyP95 = nearestRank(m_acceptedLatencies, 0.95);
        row.tokensPerAcceptedChar = ratio(double(m_tokens), double(m_tokenAcceptedChars));
        return row;
    }

private:
    SuggestionStats::Row m_row;
    std::vector<double> m_latencies, m_acceptedLatencies;
    double m_persistenceSum = 0;
    qint64 m_tokens = 0;
    qint64 m_tokenAcceptedChars = 0;
};

QString csvField(const QString &text)
{
    if (!text.contains(u',') && !text.contains(u'"') && !text.contains(u'\n') && !text.contains(u'\r'))
        return text;
    return u'"' + QString(text).replace(u"\""_s, u"\"\""_s) + u'"';
}

QString number(const std::optional<double> &value, int decimals)
{
    return value ? QString::number(*value, 'f', decimals) : QString();
}

} // namespace

SuggestionStats SuggestionStats::of(const QList<SuggestionRecord> &records)
{
    using Key = std::tuple<QString, QString, QString, QString>;
    QMap<Key, Accumulator> groups;
    Accumulator all;
    QMap<QDate, Day> days;
    for (const SuggestionRecord &r : records) {
        groups[Key{r.profile, r.model, r.promptTemplate, r.context}].add(r);
        all.add(r);
        if (r.seen()) {
            const QDate date = r.shownAt.toLocalTime().date();
            Day &day = days[date];
            day.date = date;
            ++day.seen;
            if (r.acceptedChars > 0)
                ++day.accepted;
        }
    }
    SuggestionStats stats;
    for (auto it = groups.cbegin(); it != groups.cend(); ++it) {
        Row keys;
        std::tie(keys.profile, keys.model, keys.promptTemplate, keys.context) = it.key();
        stats.rows.append(it.value().finish(keys));
    }
    stats.total = all.finish(Row{});
    stats.days = days.values();
    return stats;
}

QStringList SuggestionStats::cells(const Row &r, bool total)
{
    auto pair = [](const std::optional<double> &p50, const std::optional<double> &p95) {
        return milliseconds(p50) + QStringLiteral(" / ") + milliseconds(p95);
    };
    return {total ? Tr::tr("All") : r.profile,
            total || !r.model.isEmpty() ? modelDisplayName(r.model) : Tr::tr("server's default"),
            total ? QString() : (r.promptTemplate.isEmpty() ? Tr::tr("server") : r.promptTemplate),
            r.context,
            QString::number(r.seen),
            percent(r.acceptanceRate),
            QString::number(r.acceptedWhole),
            percent(r.charAcceptance),
            percent(r.persistence),
            pair(r.latencyP50, r.latencyP95),
            pair(r.acceptedLatencyP50, r.acceptedLatencyP95),
            r.tokensPerAcceptedChar ? QString::number(*r.tokensPerAcceptedChar, 'f', 2) : QStringLiteral("–")};
}

QString SuggestionStats::percent(const std::optional<double> &rate)
{
    return rate ? QStringLiteral("%1 %").arg(qRound(*rate * 100)) : QStringLiteral("–");
}

QString SuggestionStats::milliseconds(const std::optional<double> &ms)
{
    return ms ? QString::number(qRound(*ms)) : QStringLiteral("–");
}

QByteArray SuggestionStats::toCsv() const
{
    QStringList lines{QStringLiteral("profile,model,template,context,recorded,seen,accepted,accepted_whole,acceptance_rate,"
                                     "char_acceptance,persistence,persistence_checked,latency_p50_ms,latency_p95_ms,"
                                     "accepted_latency_p50_ms,accepted_latency_p95_ms,tokens_per_accepted_char")};
    auto line = [](const Row &r, bool isTotal) {
        const QStringList keys = isTotal ? QStringList{QStringLiteral("(all)"), QString(), QString(), QString()}
                                         : QStringList{r.profile, r.model, r.promptTemplate, r.context};
        QStringList cells;
        for (const QString &k : keys)
            cells << csvField(k);
        cells << QString::number(r.recorded) << QString::number(r.seen) << QString::number(r.accepted)
              << QString::number(r.acceptedWhole) << number(r.acceptanceRate, 4) << number(r.charAcceptance, 4)
              << number(r.persistence, 4) << QString::number(r.persistenceChecked) << number(r.latencyP50, 1)
              << number(r.latencyP95, 1) << number(r.acceptedLatencyP50, 1) << number(r.acceptedLatencyP95, 1)
              << number(r.tokensPerAcceptedChar, 3);
        return cells.join(u',');
    };
    for (const Row &r : rows)
        lines << line(r, false);
    lines << line(total, true);
    return (lines.join(u"\r\n"_s) + u"\r\n"_s).toUtf8();
}

QJsonObject SuggestionStats::rowToJson(const Row &r)
{
    auto orNull = [](const std::optional<double> &v) { return v ? QJsonValue(*v) : QJsonValue(); };
    return QJsonObject{
        {QStringLiteral("profile"), r.profile},
        {QStringLiteral("model"), r.model},
        {QStringLiteral("template"), r.promptTemplate},
        {QStringLiteral("context"), r.context},
        {QStringLiteral("recorded"), r.recorded},
        {QStringLiteral("seen"), r.seen},
        {QStringLiteral("accepted"), r.accepted},
        {QStringLiteral("accepted_whole"), r.acceptedWhole},
        {QStringLiteral("seen_chars"), r.seenChars},
        {QStringLiteral("accepted_chars"), r.acceptedChars},
        {QStringLiteral("acceptance_rate"), orNull(r.acceptanceRate)},
        {QStringLiteral("char_acceptance"), orNull(r.charAcceptance)},
        {QStringLiteral("persistence"), orNull(r.persistence)},
        {QStringLiteral("persistence_checked"), r.persistenceChecked},
        {QStringLiteral("latency_p50_ms"), orNull(r.latencyP50)},
        {QStringLiteral("latency_p95_ms"), orNull(r.latencyP95)},
        {QStringLiteral("accepted_latency_p50_ms"), orNull(r.acceptedLatencyP50)},
        {QStringLiteral("accepted_latency_p95_ms"), orNull(r.acceptedLatencyP95)},
        {QStringLiteral("tokens_per_accepted_char"), orNull(r.tokensPerAcceptedChar)},
    };
}
