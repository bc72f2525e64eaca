#pragma once

#include "fakeservers.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>
#include <QTcpServer>
#include <QTcpSocket>

// A HumanEval-infilling file of small cases, written by the tests themselves (no data set is
// downloaded), and the answers a fake server gives them: "add" passes its test, "sub" fails it
// (the model wrote a + b), "spin" never ends (a timeout), and, when asked, "escape" tries to reach
// 127.0.0.1:port and a public address and to write the file outsidePath, returning "blocked" only
// when all of that failed (its test asserts it).
namespace HumanEvalFile {

// A loopback listener that counts the connections it is given: the port a sandboxed program tries
// to reach, and must never reach.
class CountingListener final : public QTcpServer
{
public:
    CountingListener()
    {
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *s = nextPendingConnection()) {
                ++connections;
                s->deleteLater();
            }
        });
    }
    int connections = 0;
};

inline QByteArray line(const QString &name, const QString &prompt, const QString &solution, const QString &test)
{
    const QJsonObject o{{QStringLiteral("task_id"), QStringLiteral("SingleLineInfilling/HumanEval/%1").arg(name)},
                        {QStringLiteral("entry_point"), name},
                        {QStringLiteral("prompt"), prompt},
                        {QStringLiteral("suffix"), QStringLiteral("\n")},
                        {QStringLiteral("canonical_solution"), solution},
                        {QStringLiteral("test"), test}};
    return QJsonDocument(o).toJson(QJsonDocument::Compact) + '\n';
}

inline bool write(const QString &path, bool withEscape)
{
    QByteArray bytes = line(QStringLiteral("add"), QStringLiteral("def add(a, b):\n"), QStringLiteral("    return a + b"),
                            QStringLiteral("def check(candidate):\n    assert candidate(2, 3) == 5\n"))
        + line(QStringLiteral("sub"), QStringLiteral("def sub(a, b):\n"), QStringLiteral("    return a - b"),
               QStringLiteral("def check(candidate):\n    assert candidate(5, 3) == 2\n"))
        + line(QStringLiteral("spin"), QStringLiteral("def spin():\n"), QStringLiteral("    return 1"),
               QStringLiteral("def check(candidate):\n    assert candidate() == 1\n"));
    if (withEscape)
        bytes += line(QStringLiteral("escape"), QStringLiteral("def escape():\n"), QStringLiteral("    return 'blocked'"),
                      QStringLiteral("def check(candidate):\n    assert candidate() == 'blocked', candidate()\n"));
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

inline FakeServers::Answerer answers(quint16 port = 0, const QString &outsidePath = {})
{
    return [port, outsidePath](const QJsonObject &body) {
        const QString prompt = body.value(u"prompt").toString();
        if (prompt.startsWith(u"def add") || prompt.startsWith(u"def sub"))
            return QStringLiteral("    return a + b");
        if (prompt.startsWith(u"def spin"))
            return QStringLiteral("    while True:\n        pass");
        return QStringLiteral("    import socket\n"
                              "    for address in [('127.0.0.1', %1), ('1.1.1.1', 80)]:\n"
                              "        s = socket.socket()\n"
                              "        s.settimeout(2)\n"
                              "        try:\n"
                              "            s.connect(address)\n"
                              "            return 'connected to %s:%d' % address\n"
                              "        except OSError as e:\n"
                              "            print('no network:', address, e)\n"
                              "    try:\n"
                              "        with open('%2', 'w') as f:\n"
                              "            f.write('escaped')\n"
                              "        return 'wrote %2'\n"
                              "    except OSError as e:\n"
                              "        print('not written:', e)\n"
                              "    return 'blocked'")
            .arg(port)
            .arg(outsidePath);
    };
}

// A bwrap that only notes it was called (in calledPath) and fails as bwrap does when it cannot
// build a sandbox: put first on PATH, it shows whether anything tried to run a program.
inline bool writeFakeBwrap(const QString &dir, const QString &calledPath)
{
    QFile file(dir + QStringLiteral("/bwrap"));
    if (!file.open(QIODevice::WriteOnly))
        return false;
    file.write("#!/bin/sh\necho called >> '" + calledPath.toUtf8() + "'\necho 'bwrap: fake, for the test' >&2\nexit 1\n");
    file.close();
    return file.setPermissions(file.permissions() | QFileDevice::ExeOwner);
}

} // namespace HumanEvalFile
