// fim-complete against Debian's real llama-server (label "realserver"), as a user runs it.
#include "fimcompleterun.h"
#include "realllamaserver.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

class TestRealServerCli : public QObject
{
    Q_OBJECT

    RealLlamaServer m_server;

    struct Run
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };

    static Run run(const QStringList &args)
    {
        const FimCompleteRun r = FimCompleteRun::run(args, {QStringLiteral("FIM_API_KEY")});
        return Run{r.exitCode, r.out, r.err};
    }

    QStringList base(const QString &kind = QStringLiteral("llamacpp")) const
    {
        return {QStringLiteral("--endpoint"), m_server.url().toString(), QStringLiteral("--kind"), kind,
                QStringLiteral("--prefix"), QStringLiteral("for (int i = 0; i < n; ++i) {\n    sum += "),
                QStringLiteral("--suffix"), QStringLiteral(";\n}\n"), QStringLiteral("--max-tokens"), QStringLiteral("20"),
                QStringLiteral("--temperature"), QStringLiteral("0")};
    }

private slots:
    void initTestCase()
    {
        REQUIRE_REAL_LLAMA_SERVER();
        QVERIFY2(m_server.start(), qPrintable(m_server.error()));
    }

    // The text printed is the server's own answer to the body fim-complete sends, whole and streamed.
    void printsExactlyTheServersAnswer()
    {
        const Run body = run(base() << QStringLiteral("--print-prompt"));
        QCOMPARE(body.exitCode, 0);
        const qsizetype brace = body.out.indexOf('{');
        QVERIFY2(brace >= 0, body.out.constData());
        const QByteArray requestBody = body.out.mid(brace).trimmed();
        QVERIFY2(QJsonDocument::fromJson(requestBody).isObject(), requestBody.constData());
        const QString expected = RealLlamaServer::contentOf(m_server.post(QStringLiteral("/infill"), requestBody), false);
        QVERIFY(!expected.isEmpty());

        const Run whole = run(base() << QStringLiteral("--json"));
        QCOMPARE(whole.exitCode, 0);
        const QJsonObject o = QJsonDocument::fromJson(whole.out).object();
        QCOMPARE(o.value(u"text").toString().toUtf8(), expected.toUtf8());

        const Run streamed = run(base() << QStringLiteral("--stream"));
        QCOMPARE(streamed.exitCode, 0);
        QCOMPARE(streamed.out, expected.toUtf8() + '\n');
        const Run plain = run(base());
        QCOMPARE(plain.out, expected.toUtf8() + '\n');
    }

    // --kind auto asks the server what it is.
    void kindAuto()
    {
        const Run r = run(base(QStringLiteral("auto")) << QStringLiteral("--json"));
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.err.contains("llama"), r.err.constData());
    }

    // --health prints the context and the model file the server reports.
    void health()
    {
        const Run r = run({QStringLiteral("--endpoint"), m_server.url().toString(), QStringLiteral("--kind"), QStringLiteral("llamacpp"),
                           QStringLiteral("--health")});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject props = QJsonDocument::fromJson(m_server.get(QStringLiteral("/props"))).object();
        const QString nCtx = QString::number(props.value(u"default_generation_settings").toObject().value(u"n_ctx").toInt());
        QVERIFY2(r.out.contains(nCtx.toUtf8()), r.out.constData());
        QVERIFY2(r.out.contains("tiny.gguf"), r.out.constData());
    }

    // A prompt longer than the context: the real server refuses it (400, exceed_context_size_error);
    // fim-complete says so in words with both numbers and what to do.
    void promptLongerThanTheContext()
    {
        RealLlamaServer small;
        QVERIFY2(small.start({QStringLiteral("-c"), QStringLiteral("256")}), qPrintable(small.error()));
        QString longPrefix;
        for (int i = 0; i < 300; ++i)
            longPrefix += QStringLiteral("x = %1\n").arg(i);
        const Run r = run({QStringLiteral("--endpoint"), small.url().toString(), QStringLiteral("--kind"), QStringLiteral("llamacpp"),
                           QStringLiteral("--prefix"), longPrefix, QStringLiteral("--max-tokens"), QStringLiteral("8")});
        QVERIFY(r.exitCode != 0);
        QVERIFY2(r.err.contains("256"), r.err.constData());
        QVERIFY2(r.err.contains("refused"), r.err.constData());
        QVERIFY2(r.err.contains("-c"), r.err.constData());
    }

    void cleanupTestCase() { m_server.stop(); }
};

QTEST_GUILESS_MAIN(TestRealServerCli)
#include "tst_realserver_cli.moc"
