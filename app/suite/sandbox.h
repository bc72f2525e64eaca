#pragma once

#include <QByteArray>
#include <QElapsedTimer>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QTimer>

class QProcess;
class QTemporaryDir;

// The limits of one run in the sandbox.
struct SandboxLimits
{
    int timeLimitMs = 10000;                  // wall clock, then the whole sandbox is killed
    qint64 memoryBytes = 512LL * 1024 * 1024; // address space (RLIMIT_AS) of every process in it
    qint64 fileBytes = 16LL * 1024 * 1024;    // the largest file it may write (RLIMIT_FSIZE)
};

// One program to run: a file written into a fresh folder, the command that runs it there, its stdin.
struct SandboxJob
{
    QString fileName;
    QByteArray source;
    QStringList command; // looked up on the sandbox's PATH (/usr/local/bin:/usr/bin:/bin)
    QByteArray input;
};

struct SandboxResult
{
    enum class Status { Exited, TimedOut, Error };
    Status status = Status::Error;
    int exitCode = -1;  // Exited: the program's exit code (a signal: 128 + its number, as a shell says)
    QString error;      // Error: why it could not run, in words
    QByteArray stdOut;  // the first 1 MiB of its standard output
    QString outputTail; // the last lines of its standard output and error, as they came
    double ms = -1;
};

// Runs untrusted code (a model's answer and a benchmark's test) in bubblewrap: every namespace
// unshared (no network: only a loopback of its own; no other process; its own hostname), no /proc,
// /usr read-only (and /bin, /lib... as the host links them), the root and /dev read-only, a fresh
// temporary folder bound at /sandbox as the only writable place (its working and home folder),
// the environment cleared, no capabilities, killed with its whole tree when this process dies
// (--die-with-parent), after the wall-clock limit, on cancel() and on destruction. The memory and
// file-size limits are rlimits set in the child before bwrap starts, inherited by everything it
// runs (the number of processes is not: RLIMIT_NPROC does not bind root and there is no cgroup; a
// fork bomb lasts until the time limit kills the PID namespace). Without bwrap, or when it cannot
// build the sandbox, the run is an Error that says so: the
// code never runs unsandboxed. Asynchronous: finished() once per start(), never after cancel().
class Sandbox final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Sandbox)

public:
    explicit Sandbox(QObject *parent = nullptr);
    ~Sandbox() override;

    void setLimits(const SandboxLimits &limits) { m_limits = limits; }
    const SandboxLimits &limits() const { return m_limits; }
    void start(const SandboxJob &job);
    void cancel();
    bool isRunning() const { return m_process != nullptr; }

    // The bubblewrap found on PATH, or empty.
    static QString bwrapPath();
    // bwrap's arguments for a job whose folder is workDir (the command last).
    static QStringList arguments(const QString &workDir, const QStringList &command);

signals:
    void finished(const SandboxResult &result);

private:
    void read(bool standardOutput);
    void end(SandboxResult result);
    void refuse(quint64 generation, SandboxResult result);

    SandboxLimits m_limits;
    QProcess *m_process = nullptr;
    QTemporaryDir *m_dir = nullptr;
    QTimer m_timer;
    QElapsedTimer m_clock;
    QByteArray m_stdOut;
    QByteArray m_tail;
    QByteArray m_stdErrStart; // to tell bwrap's own complaint from the program's
    bool m_timedOut = false;
    quint64 m_generation = 0;
};
