#include "fakeupstream.h"

#include <QJsonDocument>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>

// Runs the fim-complete executable against the fake upstream, as a user would from a terminal.
class TestFimComplete : public QObject
{
    Q_OBJECT

    FakeUpstream *m_server = nullptr;

    struct Run
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };

    Run run(const QStringList &args, const QStringList &env = {})
    {
        QProcess p;
        QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
        e.remove(QStringLiteral("CODESTRAL_API_KEY"));
        e.remove(QStringLiteral("FIM_PROXY_TOKEN"));
        for (const QString &kv : env)
            e.insert(kv.section(QLatin1Char('='), 0, 0), kv.section(QLatin1Char('='), 1));
        p.setProcessEnvironment(e);
        QSignalSpy finished(&p, &QProcess::finished);
        p.start(QStringLiteral(FIM_COMPLETE_PATH), args);
        // The fake server lives in this event loop: wait with a spy, never with waitForFinished().
        if (!finished.wait(20000))
            p.kill();
        return Run{p.exitCode(), p.readAllStandardOutput(), p.readAllStandardError()};
    }

    QStringList endpointArgs() const { return {QStringLiteral("--endpoint"), m_server->url().toString()}; }

private slots:
    void init()
    {
        m_server = new FakeUpstream(this);
        QVERIFY(m_server->listen());
    }
    void cleanup() { delete m_server; }

    void printsTheCompletion()
    {
        m_server->setReply("/v1/fim/completions", FakeUpstream::seedCompletion(QStringLiteral("return a + b")));
        const Run r = run(endpointArgs() << QStringLiteral("--prefix") << QStringLiteral("def add(a, b):\n    ")
                                         << QStringLiteral("--suffix") << QStringLiteral("\nprint(add(1, 2))")
                                         << QStringLiteral("--max-tokens") << QStringLiteral("50"));
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QByteArray("return a + b\n"));
        const QJsonObject sent = m_server->requests().constLast().json();
        QCOMPARE(sent.value(u"max_tokens").toInt(), 50);
        QCOMPARE(sent.value(u"suffix").toString(), QStringLiteral("\nprint(add(1, 2))"));
    }

    void jsonHasEveryTiming()
    {
        const Run r = run(endpointArgs() << QStringLiteral("--prefix") << QStringLiteral("x") << QStringLiteral("--json"));
        QCOMPARE(r.exitCode, 0);
        const QJsonObject o = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(o.value(u"text").toString(), QStringLiteral("return a + b"));
        QCOMPARE(o.value(u"finish_reason").toString(), QStringLiteral("stop"));
        QCOMPARE(o.value(u"status").toInt(), 200);
        for (const char *key : {"sent_ms", "first_byte_ms", "first_token_ms", "total_ms"})
            QVERIFY2(o.value(QLatin1String(key)).toDouble(-1) >= 0, key);
        QCOMPARE(o.value(u"usage").toObject().value(u"total_tokens").toInt(), 17);
    }

    void streamsAndSendsTheKey()
    {
        m_server->setReply("/v1/fim/completions",
                           FakeUpstream::codestralStream({QStringLiteral("return"), QStringLiteral(" a"), QStringLiteral(" + b")}, 20));
        const Run r = run(endpointArgs() << QStringLiteral("--kind") << QStringLiteral("codestral") << QStringLiteral("--stream")
                                         << QStringLiteral("--prefix") << QStringLiteral("x"),
                          {QStringLiteral("CODESTRAL_API_KEY=sk-cli-secret")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QByteArray("return a + b\n"));
        QCOMPARE(m_server->requests().constLast().headers.value("authorization"), QByteArray("Bearer sk-cli-secret"));
        QCOMPARE(m_server->requests().constLast().json().value(u"model").toString(), QStringLiteral("codestral-latest"));
        QVERIFY(!r.err.contains("sk-cli-secret"));
    }

    void errorsExitNonZero()
    {
        m_server->setReply("/v1/fim/completions", FakeUpstream::json(401, "{\"message\":\"Unauthorized\"}"));
        const Run r = run(endpointArgs() << QStringLiteral("--prefix") << QStringLiteral("x") << QStringLiteral("--json"));
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("unauthorized"), r.err.constData());
        QCOMPARE(QJsonDocument::fromJson(r.out).object().value(u"error").toObject().value(u"kind").toString(),
                 QStringLiteral("auth"));
        const Run missingKey = run({QStringLiteral("--endpoint"), m_server->url().toString(), QStringLiteral("--kind"),
                                    QStringLiteral("codestral"), QStringLiteral("--prefix"), QStringLiteral("x")});
        QCOMPARE(missingKey.exitCode, 1);
        QVERIFY(missingKey.err.contains("CODESTRAL_API_KEY"));
    }

    void usageErrors()
    {
        QCOMPARE(run({QStringLiteral("--endpoint"), QStringLiteral("ftp://x")}).exitCode, 2);
        QCOMPARE(run(endpointArgs() << QStringLiteral("--max-tokens") << QStringLiteral("many")).exitCode, 2);
        QCOMPARE(run(endpointArgs() << QStringLiteral("--prefix-file") << QStringLiteral("/nonexistent/x")).exitCode, 2);
        QCOMPARE(run({QStringLiteral("--help")}).exitCode, 0);
    }

    void repeatPrintsASummary()
    {
        const Run r = run(endpointArgs() << QStringLiteral("--prefix") << QStringLiteral("x") << QStringLiteral("--json")
                                         << QStringLiteral("--repeat") << QStringLiteral("5"));
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out.trimmed().split('\n').size(), 5);
        QVERIFY2(r.err.contains("5 requests, total median"), r.err.constData());
        QCOMPARE(m_server->requests().size(), 5);
        QCOMPARE(m_server->connectionCount(), 1); // one kept-alive connection
    }
};

QTEST_GUILESS_MAIN(TestFimComplete)
#include "tst_fimcomplete.moc"
