#pragma once

#include "wire/requesttiming.h"

#include <QtGlobal>

#include <deque>
#include <optional>

// How long typing must pause before a completion is asked, learnt from the user's rhythm and the
// endpoint's recent latency, between a minimum and a maximum (Tabby adapts between 100 and
// 1000 ms the same way):
//
//     wait = clamp(2 × median gap between keys − ¼ × median latency, min, max)
//
// A pause twice the user's usual gap means they stopped; a slow endpoint is asked a little sooner,
// as its answer takes long anyway. Gaps of a second or more are pauses, not rhythm, and are not
// learnt. Until 8 gaps are known, the fixed debounce applies.
class AdaptiveDebounce
{
public:
    static constexpr int DefaultMinMs = 100;
    static constexpr int DefaultMaxMs = 1000;
    static constexpr int GapWindow = 40;     // the last keystrokes' gaps
    static constexpr int LatencyWindow = 10; // the last answers
    static constexpr int MinGaps = 8;
    static constexpr double PauseMs = 1000;

    void setBounds(int minMs, int maxMs);
    int minMs() const { return m_minMs; }
    int maxMs() const { return m_maxMs; }

    // A key that edited the text, at a monotonic time in milliseconds.
    void keyPressed(qint64 atMs);
    // An answer's latency: to its first text when streamed, else to its end.
    void answered(double latencyMs);
    static double latencyOf(const RequestTiming &timing)
    {
        return timing.firstTokenMs > 0 ? timing.firstTokenMs : timing.totalMs;
    }
    // The wait for the next pause; fallbackMs while too little is known.
    int delayMs(int fallbackMs) const;

    std::optional<double> medianGap() const;
    std::optional<double> medianLatency() const;
    void clear();

private:
    std::deque<double> m_gaps;
    std::deque<double> m_latencies;
    qint64 m_lastKeyMs = -1;
    int m_minMs = DefaultMinMs;
    int m_maxMs = DefaultMaxMs;
};
