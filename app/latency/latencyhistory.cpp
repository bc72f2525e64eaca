#include "latency/latencyhistory.h"

#include <algorithm>
#include <cmath>
#include <vector>

qsizetype LatencyHistory::indexOf(quint64 id) const
{
    for (std::size_t i = m_items.size(); i-- > 0;) {
        if (m_items[i].id == id)
            return qsizetype(i);
    }
    return -1;
}

void LatencyHistory::append(const RequestTiming &timing)
{
    if (m_capacity == 0)
        return;
    while (m_items.size() >= m_capacity)
        m_items.pop_front();
    m_items.push_back(timing);
}

std::optional<double> LatencyHistory::percentile(double p, Measure measure) const
{
    std::vector<double> values;
    values.reserve(m_items.size());
    for (const RequestTiming &t : m_items) {
        if (t.outcome != RequestTiming::Outcome::Ok || t.cacheHit || t.prefetch == RequestTiming::Prefetch::Warm)
            continue; // a warm-up generates nothing: its times are not a completion's
        const double v = measure == Measure::Total ? t.totalMs
            : measure == Measure::FirstByte        ? t.firstByteMs
                                                   : t.firstTokenMs;
        if (v >= 0)
            values.push_back(v);
    }
    if (values.empty())
        return std::nullopt;
    std::sort(values.begin(), values.end());
    const double rank = std::ceil(std::clamp(p, 0.0, 1.0) * double(values.size()));
    const std::size_t index = rank <= 1 ? 0 : std::size_t(rank) - 1;
    return values[std::min(index, values.size() - 1)];
}
