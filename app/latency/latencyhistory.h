#pragma once

#include "wire/requesttiming.h"

#include <deque>

// The last N request timings (oldest dropped first), with percentiles over them. Plain value code;
// the latency panel's model wraps it.
class LatencyHistory
{
public:
    explicit LatencyHistory(std::size_t capacity = 1000)
        : m_capacity(capacity)
    {
    }

    void append(const RequestTiming &timing);
    void clear() { m_items.clear(); }
    void dropOldest()
    {
        if (!m_items.empty())
            m_items.pop_front();
    }
    std::size_t size() const { return m_items.size(); }
    std::size_t capacity() const { return m_capacity; }
    const RequestTiming &at(std::size_t i) const { return m_items.at(i); }
    // The row of a request id, newest first; -1 when it is not (or no longer) here.
    qsizetype indexOf(quint64 id) const;
    void setPrefetch(std::size_t i, RequestTiming::Prefetch state) { m_items.at(i).prefetch = state; }
    void setHidden(std::size_t i, double probability) { m_items.at(i).hiddenProbability = probability; }

    enum class Measure { Total, FirstByte, FirstToken };
    // The p-th percentile (0..1, nearest rank) of a measure over successful requests that are not
    // cache hits; nullopt when there are none.
    std::optional<double> percentile(double p, Measure measure = Measure::Total) const;

private:
    std::size_t m_capacity;
    std::deque<RequestTiming> m_items;
};
