#pragma once

#include <QByteArray>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <memory>

class QTemporaryDir;

// Debian's real llama-server on loopback, run from the sid root that packaging/devenv makes
// (packaging/llama-root, FIM_LLAMA_ROOT), with the tiny model tests/realserver/make_tiny_model.py
// writes: random weights, a byte vocabulary with FIM tokens, deterministic at temperature 0.
//
// Tests of the label "realserver" start with REQUIRE_REAL_LLAMA_SERVER(): outside packaging/devenv
// they skip, saying why; under packaging/devenv test (FIM_REQUIRE_REALSERVER=1) they fail instead.
class RealLlamaServer
{
public:
    RealLlamaServer();
    ~RealLlamaServer();
    RealLlamaServer(const RealLlamaServer &) = delete;
    RealLlamaServer &operator=(const RealLlamaServer &) = delete;

    // Why llama-server cannot be run here, or empty.
    static QString unavailableReason();
    static bool required() { return qEnvironmentVariableIntValue("FIM_REQUIRE_REALSERVER") == 1; }

    // The tiny model's path, written once per process; empty with *error when it could not be.
    static QString tinyModel(QString *error);

    // Starts llama-server with the tiny model on a free port (or port, when given) with args (e.g.
    // {"-np", "2"}) and waits until /health answers 200. False with error() when it did not.
    bool start(const QStringList &args = {}, int port = 0);
    // Picks the port now, without starting (for "started after the playground").
    int reservePort();
    void kill();
    void stop();
    bool running() const { return m_process && m_process->state() != QProcess::NotRunning; }

    QUrl url() const;
    int port() const { return m_port; }
    QString error() const { return m_error; }
    QString log() const { return QString::fromLocal8Bit(m_log); }

    // Plain HTTP to the server, waited for (10 s): the body, *status set.
    QByteArray get(const QString &path, int *status = nullptr) const;
    QByteArray post(const QString &path, const QByteArray &json, int *status = nullptr) const;
    // Every slot of the server idle (GET /slots: none "is_processing"); false when it lists none.
    bool slotsIdle() const;
    // The text of a /infill or /completion answer, streamed (SSE "content" pieces joined) or not.
    static QString contentOf(const QByteArray &body, bool streamed);

private:
    std::unique_ptr<QProcess> m_process;
    int m_port = 0;
    QString m_error;
    QByteArray m_log;
};

#define REQUIRE_REAL_LLAMA_SERVER()                                                                 \
    do {                                                                                            \
        if (const QString why = RealLlamaServer::unavailableReason(); !why.isEmpty()) {             \
            if (RealLlamaServer::required())                                                        \
                QFAIL(qPrintable(why));                                                             \
            QSKIP(qPrintable(why));                                                                 \
        }                                                                                           \
    } while (false)
