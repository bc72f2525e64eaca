#pragma once

#include <QProcess>
#include <QSignalSpy>
#include <QStringList>

// fim-complete run as a user runs it, for the tests of the command line. Its path comes from the
// test's environment (FIM_COMPLETE_PATH, set in tests/CMakeLists.txt), not from the compile line.
struct FimCompleteRun
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;

    // unset: variables taken out of the environment first (keys a developer has set); set:
    // "NAME=value" put in. Waits with a signal spy, so a fake server living in this thread's event
    // loop answers meanwhile.
    static FimCompleteRun run(const QStringList &args, const QStringList &unset = {}, const QStringList &set = {},
                              int timeoutMs = 30000)
    {
        QProcess p;
        QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
        for (const QString &name : unset)
            e.remove(name);
        for (const QString &kv : set)
            e.insert(kv.section(QLatin1Char('='), 0, 0), kv.section(QLatin1Char('='), 1));
        p.setProcessEnvironment(e);
        QSignalSpy finished(&p, &QProcess::finished);
        p.start(qEnvironmentVariable("FIM_COMPLETE_PATH"), args);
        if (!finished.wait(timeoutMs))
            p.kill();
        return FimCompleteRun{p.exitCode(), p.readAllStandardOutput(), p.readAllStandardError()};
    }
};
