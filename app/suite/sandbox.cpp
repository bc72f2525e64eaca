#include "suite/sandbox.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <sys/resource.h>

namespace {

constexpr qsizetype MaxStdOut = 1024 * 1024;
constexpr qsizetype MaxTail = 16 * 1024;
constexpr int TailLines = 20;
const QString Inside = QStringLiteral("/sandbox");

QString lastLines(const QByteArray &bytes)
{
    QStringList lines = QString::fromUtf8(bytes).split(u'\n');
    while (!lines.isEmpty() && lines.constLast().trimmed().isEmpty())
        lines.removeLast();
    return lines.mid(std::max<qsizetype>(0, lines.size() - TailLines)).join(u'\n');
}

} // namespace

Sandbox::Sandbox(QObject *parent)
    : QObject(parent)
{
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer); // a coarse timer may fire 5 % early
    connect(&m_timer, &QTimer::timeout, this, [this] {
        if (!m_process)
            return;
        m_timedOut = true;
        m_process->kill(); // bwrap, and with --die-with-parent and its PID namespace, all it runs
    });
}

Sandbox::~Sandbox()
{
    cancel();
}

QString Sandbox::bwrapPath()
{
    return QStandardPaths::findExecutable(QStringLiteral("bwrap"));
}

QStringList Sandbox::arguments(const QString &workDir, const QStringList &command)
{
    QStringList args{QStringLiteral("--unshare-all"), QStringLiteral("--die-with-parent"), QStringLiteral("--new-session"),
                     QStringLiteral("--cap-drop"), QStringLiteral("ALL"), QStringLiteral("--hostname"), QStringLiteral("sandbox"),
                     QStringLiteral("--ro-bind"), QStringLiteral("/usr"), QStringLiteral("/usr")};
    // /bin, /lib... as the host has them: links into /usr (merged /usr), or folders of their own.
    for (const char *name : {"bin", "sbin", "lib", "lib32", "lib64", "libx32"}) {
        const QString path = u'/' + QLatin1StringView(name);
        const QFileInfo info(path);
        if (info.isSymLink())
            args << QStringLiteral("--symlink") << info.symLinkTarget() << path;
        else if (info.isDir())
            args << QStringLiteral("--ro-bind") << path << path;
    }
    // What the dynamic loader and interpreters read from /etc, nothing else of it.
    for (const char *name : {"/etc/ld.so.cache", "/etc/ld.so.conf", "/etc/alternatives", "/etc/localtime"})
        args << QStringLiteral("--ro-bind-try") << QString::fromLatin1(name) << QString::fromLatin1(name);
    args << QStringLiteral("--dev") << QStringLiteral("/dev") << QStringLiteral("--remount-ro") << QStringLiteral("/dev")
         << QStringLiteral("--bind") << workDir << Inside << QStringLiteral("--remount-ro") << QStringLiteral("/")
         << QStringLiteral("--chdir") << Inside << QStringLiteral("--clearenv")
         << QStringLiteral("--setenv") << QStringLiteral("PATH") << QStringLiteral("/usr/local/bin:/usr/bin:/bin")
         << QStringLiteral("--setenv") << QStringLiteral("HOME") << Inside
         << QStringLiteral("--setenv") << QStringLiteral("TMPDIR") << Inside
         << QStringLiteral("--setenv") << QStringLiteral("LANG") << QStringLiteral("C.UTF-8")
         << QStringLiteral("--") << command;
    return args;
}

void Sandbox::start(const SandboxJob &job)
{
    cancel();
    const quint64 generation = ++m_generation;
    m_stdOut.clear();
    m_tail.clear();
    m_stdErrStart.clear();
    m_timedOut = false;
    m_clock.start();
    SandboxResult refused;
    const QString bwrap = bwrapPath();
    if (bwrap.isEmpty()) {
        refused.error = tr("sandbox unavailable: bubblewrap (bwrap) is not installed; nothing was run");
        refuse(generation, refused);
        return;
    }
    m_dir = new QTemporaryDir;
    QFile file(m_dir->filePath(job.fileName));
    if (!m_dir->isValid() || !file.open(QIODevice::WriteOnly) || file.write(job.source) != job.source.size() || !file.flush()) {
        refused.error = tr("sandbox unavailable: cannot write the program to a temporary folder: %1").arg(file.errorString());
        delete m_dir;
        m_dir = nullptr;
        refuse(generation, refused);
        return;
    }
    file.close();

    m_process = new QProcess(this);
    const SandboxLimits limits = m_limits;
    // In the child, before bwrap: inherited by every process of the sandbox (async-signal-safe calls only).
    m_process->setChildProcessModifier([limits] {
        const rlimit memory{rlim_t(limits.memoryBytes), rlim_t(limits.memoryBytes)};
        setrlimit(RLIMIT_AS, &memory);
        const rlimit files{rlim_t(limits.fileBytes), rlim_t(limits.fileBytes)};
        setrlimit(RLIMIT_FSIZE, &files);
        const rlimit none{0, 0};
        setrlimit(RLIMIT_CORE, &none);
    });
    connect(m_process, &QProcess::readyReadStandardOutput, this, [this] { read(true); });
    connect(m_process, &QProcess::readyReadStandardError, this, [this] { read(false); });
    connect(m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error != QProcess::FailedToStart)
            return; // a crash or a kill ends in finished() too
        SandboxResult r;
        r.error = tr("sandbox unavailable: bwrap did not start: %1").arg(m_process->errorString());
        end(r);
    });
    connect(m_process, &QProcess::finished, this, [this](int exitCode, QProcess::ExitStatus status) {
        read(true);
        read(false);
        SandboxResult r;
        if (m_timedOut) {
            r.status = SandboxResult::Status::TimedOut;
        } else if (status == QProcess::NormalExit && exitCode == 1 && m_stdErrStart.startsWith("bwrap: ")) {
            // bwrap's own failure (no user namespaces, a mount refused): the program never started.
            r.error = tr("sandbox unavailable: %1; nothing was run").arg(QString::fromUtf8(m_stdErrStart.split('\n').constFirst()).trimmed());
        } else {
            r.status = SandboxResult::Status::Exited;
            // bwrap passes its child's status on, a signal as 128 + its number; bwrap killed itself: the same.
            r.exitCode = status == QProcess::NormalExit ? exitCode : 128 + exitCode;
        }
        end(r);
    });
    m_process->start(bwrap, arguments(m_dir->path(), job.command));
    if (!job.input.isEmpty())
        m_process->write(job.input);
    m_process->closeWriteChannel();
    m_timer.start(std::max(1, m_limits.timeLimitMs));
}

void Sandbox::refuse(quint64 generation, SandboxResult result)
{
    result.ms = 0;
    QMetaObject::invokeMethod(
        this,
        [this, generation, result] {
            if (generation == m_generation) // not cancelled nor started again meanwhile
                emit finished(result);
        },
        Qt::QueuedConnection);
}

void Sandbox::read(bool standardOutput)
{
    if (!m_process)
        return;
    const QByteArray bytes = standardOutput ? m_process->readAllStandardOutput() : m_process->readAllStandardError();
    if (bytes.isEmpty())
        return;
    if (standardOutput)
        m_stdOut.append(bytes.left(MaxStdOut - m_stdOut.size()));
    else if (m_stdErrStart.size() < 256)
        m_stdErrStart.append(bytes.left(256 - m_stdErrStart.size()));
    m_tail.append(bytes);
    if (m_tail.size() > MaxTail)
        m_tail.remove(0, m_tail.size() - MaxTail);
}

void Sandbox::end(SandboxResult result)
{
    if (!m_process)
        return;
    m_timer.stop();
    result.ms = double(m_clock.nsecsElapsed()) / 1e6;
    result.stdOut = m_stdOut;
    result.outputTail = lastLines(m_tail);
    QProcess *process = std::exchange(m_process, nullptr);
    process->disconnect(this);
    process->deleteLater();
    delete std::exchange(m_dir, nullptr); // the folder and all the program wrote there
    emit finished(result);
}

void Sandbox::cancel()
{
    ++m_generation;
    m_timer.stop();
    if (QProcess *process = std::exchange(m_process, nullptr)) {
        process->disconnect(this);
        process->kill();
        process->waitForFinished(2000);
        delete process;
    }
    delete std::exchange(m_dir, nullptr);
}
