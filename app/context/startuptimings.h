#pragma once

#include <QElapsedTimer>
#include <QList>
#include <QString>

// Where start-up time goes (fim-playground --timings): each mark() gives the time since the mark
// before to a phase, from the process's start (the kernel's, in /proc/self/stat) to the first paint.
// Each phase has its wall-clock time and the main thread's processor time. Off, as in tests and a
// normal start, a mark costs one branch.
class StartupTimings final
{
public:
    struct Phase
    {
        const char *name; // QT_TRANSLATE_NOOP("StartupTimings", ...): translated when printed
        double ms = 0;    // wall-clock
        double cpuMs = 0; // the main thread's processor time (what other processes' load does not inflate)
    };

    static StartupTimings &instance();

    // At main()'s entry: the time since the process started is the first phase, and marks count.
    void start();
    bool isStarted() const { return m_started; }
    // The time since the last mark goes to the phase (several marks of one phase add up).
    static void mark(const char *phase) { instance().add(phase); }

    const QList<Phase> &phases() const { return m_phases; }
    double totalMs() const;
    // The table --timings prints.
    QString report() const;

private:
    void add(const char *phase);

    bool m_started = false;
    QElapsedTimer m_clock;
    qint64 m_lastNs = 0;
    double m_lastCpuMs = 0;
    QList<Phase> m_phases;
};
