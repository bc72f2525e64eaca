#include "context/startuptimings.h"

#include <QCoreApplication>
#include <QFile>

#include <cstring>
#include <ctime>
#include <unistd.h>

namespace {

// Milliseconds since the kernel started this process (field 22 of /proc/self/stat, in clock ticks
// since boot: 10 ms steps), or -1 where there is no such file.
double msSinceProcessStart()
{
    QFile stat(QStringLiteral("/proc/self/stat"));
    if (!stat.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray line = stat.readAll();
    // The name in field 2 may hold spaces and parentheses: count the fields after its last ')'.
    const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
    constexpr int StartTimeField = 22 - 3; // fields[0] is field 3
    if (fields.size() <= StartTimeField)
        return -1;
    bool ok = false;
    const qulonglong ticks = fields.at(StartTimeField).toULongLong(&ok);
    timespec now{};
    if (!ok || clock_gettime(CLOCK_BOOTTIME, &now) != 0)
        return -1;
    const double startMs = double(ticks) * 1000.0 / double(sysconf(_SC_CLK_TCK));
    return std::max(0.0, double(now.tv_sec) * 1000.0 + double(now.tv_nsec) / 1e6 - startMs);
}

double cpuMs(clockid_t clock)
{
    timespec t{};
    return clock_gettime(clock, &t) == 0 ? double(t.tv_sec) * 1000.0 + double(t.tv_nsec) / 1e6 : 0.0;
}

} // namespace

StartupTimings &StartupTimings::instance()
{
    static StartupTimings timings;
    return timings;
}

void StartupTimings::start()
{
    m_clock.start();
    m_lastNs = 0;
    m_phases.clear();
    m_started = true;
    // Before main() the process had one thread: its processor time so far is the loader's and the
    // libraries' initialisers'.
    m_lastCpuMs = cpuMs(CLOCK_THREAD_CPUTIME_ID);
    m_phases.append({QT_TRANSLATE_NOOP("StartupTimings", "process start to main (exec, libraries; 10 ms ticks)"),
                     msSinceProcessStart(), cpuMs(CLOCK_PROCESS_CPUTIME_ID)});
}

void StartupTimings::add(const char *phase)
{
    if (!m_started)
        return;
    const qint64 now = m_clock.nsecsElapsed();
    const double ms = double(now - m_lastNs) / 1e6;
    const double cpuNow = cpuMs(CLOCK_THREAD_CPUTIME_ID);
    const double cpu = cpuNow - m_lastCpuMs;
    m_lastNs = now;
    m_lastCpuMs = cpuNow;
    for (Phase &p : m_phases) {
        if (std::strcmp(p.name, phase) == 0) {
            p.ms += ms;
            p.cpuMs += cpu;
            return;
        }
    }
    m_phases.append({phase, ms, cpu});
}

double StartupTimings::totalMs() const
{
    double total = 0;
    for (const Phase &p : m_phases)
        total += std::max(0.0, p.ms);
    return total;
}

QString StartupTimings::report() const
{
    QString out = QCoreApplication::translate("StartupTimings", "fim-playground start-up to first paint, in ms: wall-clock from the process's "
                                                                "start (/proc/self/stat), the phases by QElapsedTimer from main; the main "
                                                                "thread's processor time")
        + QLatin1Char('\n');
    out += QStringLiteral("  %1 %2 %3 %4\n")
               .arg(QCoreApplication::translate("StartupTimings", "phase"), -60)
               .arg(QCoreApplication::translate("StartupTimings", "wall"), 8)
               .arg(QCoreApplication::translate("StartupTimings", "at"), 8)
               .arg(QCoreApplication::translate("StartupTimings", "cpu"), 8);
    double at = 0;
    double cpu = 0;
    for (const Phase &p : m_phases) {
        at += std::max(0.0, p.ms);
        cpu += p.cpuMs;
        out += QStringLiteral("  %1 %2 %3 %4\n")
                   .arg(QCoreApplication::translate("StartupTimings", p.name), -60)
                   .arg(p.ms, 8, 'f', 2)
                   .arg(at, 8, 'f', 2)
                   .arg(p.cpuMs, 8, 'f', 2);
    }
    out += QStringLiteral("  %1 %2 %3 %4\n")
               .arg(QCoreApplication::translate("StartupTimings", "total"), -60)
               .arg(at, 8, 'f', 2)
               .arg(at, 8, 'f', 2)
               .arg(cpu, 8, 'f', 2);
    return out;
}
