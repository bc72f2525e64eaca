#include "completion/adaptivedebounce.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace {

std::optional<double> median(const std::deque<double> &values)
{
    if (values.empty())
        return std::nullopt;
    std::vector<double> sorted(values.cbegin(), values.cend());
    const auto middle = sorted.begin() + std::ptrdiff_t(sorted.size() / 2);
    std::nth_element(sorted.begin(), middle, sorted.end());
    if (sorted.size() % 2 == 1)
        return *middle;
    const double upper = *middle;
    const double lower = *std::max_element(sorted.begin(), middle);
    return (lower + upper) / 2;
}

} // namespace

void AdaptiveDebounce::setBounds(int minMs, int maxMs)
{
    m_minMs = std::max(0, minMs);
    m_maxMs = std::max(m_minMs, maxMs);
}

void AdaptiveDebounce::keyPressed(qint64 atMs)
{
    if (m_lastKeyMs >= 0) {
        const double gap = double(atMs - m_lastKeyMs);
        if (gap > 0 && gap < PauseMs) {
            m_gaps.push_back(gap);
            if (m_gaps.size() > std::size_t(GapWindow))
                m_gaps.pop_front();
        }
    }
    m_lastKeyMs = atMs;
}

void AdaptiveDebounce::answered(double latencyMs)
{
    if (!(latencyMs >= 0) || !std::isfinite(latencyMs))
        return;
    m_latencies.push_back(latencyMs);
    if (m_latencies.size() > std::size_t(LatencyWindow))
        m_latencies.pop_front();
}

int AdaptiveDebounce::delayMs(int fallbackMs) const
{
    if (m_gaps.size() < std::size_t(MinGaps))
        return std::clamp(fallbackMs, m_minMs, m_maxMs);
    const double wait = 2 * *medianGap() - 0.25 * medianLatency().value_or(0);
    return std::clamp(int(std::lround(wait)), m_minMs, m_maxMs);
}

std::optional<double> AdaptiveDebounce::medianGap() const
{
    return median(m_gaps);
}

std::optional<double> AdaptiveDebounce::medianLatency() const
{
    return median(m_latencies);
}

void AdaptiveDebounce::clear()
{
    m_gaps.clear();
    m_latencies.clear();
    m_lastKeyMs = -1;
}
