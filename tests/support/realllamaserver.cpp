#include "realllamaserver.h"

#include <QDeadlineTimer>
#include <QEventLoop>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>

namespace {

// Where the clone is comes from the test's environment (tests/CMakeLists.txt), not from the
// compile line: a path there would make every clone's build of this file a ccache miss.
QString sourceDir() { return qEnvironmentVariable("FIM_SOURCE_DIR"); }
QString runner() { return sourceDir() + QStringLiteral("/packaging/llama-root"); }

QByteArray httpCall(const QUrl &url, const QByteArray *body, int *status)
{
    QNetworkAccessManager network;
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setTransferTimeout(10000);
    QNetworkReply *reply = body ? network.post(request, *body) : network.get(request);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    if (status)
        *status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray out = reply->readAll();
    reply->deleteLater();
    return out;
}

int freePort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    return probe.serverPort();
}

} // namespace

RealLlamaServer::RealLlamaServer() = default;

RealLlamaServer::~RealLlamaServer() { kill(); }

QString RealLlamaServer::unavailableReason()
{
    const QString root = qEnvironmentVariable("FIM_LLAMA_ROOT");
    if (root.isEmpty())
        return QStringLiteral("FIM_LLAMA_ROOT is not set: run the tests of the label realserver through "
                              "'packaging/devenv test', which makes the llama-server root");
    if (!QFileInfo(root + QStringLiteral("/usr/bin/llama-server")).isExecutable())
        return QStringLiteral("no llama-server in FIM_LLAMA_ROOT=%1").arg(root);
    return {};
}

QString RealLlamaServer::tinyModel(QString *error)
{
    // Under /tmp whatever TMPDIR says: the llama root sees /tmp writable. One per test process.
    static QTemporaryDir dir(QStringLiteral("/tmp/fim-realserver-XXXXXX"));
    static QString path;
    if (!path.isEmpty())
        return path;
    const QString out = dir.filePath(QStringLiteral("tiny.gguf"));
    QProcess python;
    python.setProcessChannelMode(QProcess::MergedChannels);
    python.start(runner(), {QStringLiteral("python3"), sourceDir() + QStringLiteral("/tests/realserver/make_tiny_model.py"), out});
    if (!python.waitForFinished(60000) || python.exitCode() != 0 || !QFileInfo::exists(out)) {
        *error = QStringLiteral("the tiny model was not written: %1").arg(QString::fromLocal8Bit(python.readAll()));
        return {};
    }
    path = out;
    return path;
}

int RealLlamaServer::reservePort()
{
    if (m_port == 0)
        m_port = freePort();
    return m_port;
}

bool RealLlamaServer::start(const QStringList &args, int port)
{
    kill();
    m_log.clear();
    const QString model = tinyModel(&m_error);
    if (model.isEmpty())
        return false;
    m_port = port > 0 ? port : reservePort();
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    QProcess *p = m_process.get();
    QObject::connect(p, &QProcess::readyRead, p, [this, p] {
        m_log += p->readAll();
        if (m_log.size() > 1 << 20)
            m_log = m_log.right(1 << 19);
    });
    m_process->start(runner(), QStringList{QStringLiteral("llama-server"), QStringLiteral("--model"), model,
                                           QStringLiteral("--host"), QStringLiteral("127.0.0.1"), QStringLiteral("--port"),
                                           QString::number(m_port), QStringLiteral("--threads"), QStringLiteral("1")}
                                   + args);
    if (!m_process->waitForStarted(10000)) {
        m_error = QStringLiteral("llama-server did not start: %1").arg(m_process->errorString());
        return false;
    }
    const QDeadlineTimer deadline(30000);
    while (!deadline.hasExpired()) {
        int status = 0;
        get(QStringLiteral("/health"), &status);
        if (status == 200)
            return true;
        if (m_process->state() == QProcess::NotRunning) {
            m_error = QStringLiteral("llama-server exited: %1").arg(log());
            return false;
        }
        QEventLoop loop;
        QTimer::singleShot(50, &loop, &QEventLoop::quit);
        loop.exec();
    }
    m_error = QStringLiteral("llama-server did not answer /health within 30 s: %1").arg(log());
    return false;
}

void RealLlamaServer::kill()
{
    if (!m_process)
        return;
    if (m_process->state() != QProcess::NotRunning) {
        m_process->kill();
        m_process->waitForFinished(5000);
    }
    m_log += m_process->readAll();
    m_process.reset();
}

void RealLlamaServer::stop()
{
    if (m_process && m_process->state() != QProcess::NotRunning) {
        m_process->terminate();
        if (!m_process->waitForFinished(5000))
            m_process->kill();
    }
    kill();
}

QUrl RealLlamaServer::url() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_port)); }

bool RealLlamaServer::slotsIdle() const
{
    const QJsonArray slotList = QJsonDocument::fromJson(get(QStringLiteral("/slots"))).array();
    if (slotList.isEmpty())
        return false;
    for (const QJsonValue &s : slotList)
        if (s.toObject().value(u"is_processing").toBool())
            return false;
    return true;
}

QByteArray RealLlamaServer::get(const QString &path, int *status) const
{
    QUrl u = url();
    u.setPath(path);
    return httpCall(u, nullptr, status);
}

QByteArray RealLlamaServer::post(const QString &path, const QByteArray &json, int *status) const
{
    QUrl u = url();
    u.setPath(path);
    return httpCall(u, &json, status);
}

QString RealLlamaServer::contentOf(const QByteArray &body, bool streamed)
{
    if (!streamed)
        return QJsonDocument::fromJson(body).object().value(u"content").toString();
    QString text;
    for (const QByteArray &line : body.split('\n')) {
        if (line.startsWith("data: "))
            text += QJsonDocument::fromJson(line.mid(6)).object().value(u"content").toString();
    }
    return text;
}
