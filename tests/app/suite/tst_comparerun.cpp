#include "fakeservers.h"
#include "fakeupstream.h"
#include "settings/secretstore.h"
#include "suite/comparerun.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

// A Compare run against two real servers on loopback, one a Codestral-like host that needs a key
// and one a local Ollama: each column goes to its own endpoint, with its own secret and no other,
// answers or fails on its own, can be cancelled alone; the run before is kept.
class TestCompareRun : public QObject
{
    Q_OBJECT

    QNetworkAccessManager m_network;
    SecretStore m_secrets;

private slots:
    void initTestCase() { m_secrets.setBackend(SecretStore::Backend::Memory); }

    void eachColumnGoesToItsEndpointWithItsSecret()
    {
        FakeUpstream codestral;
        FakeUpstream ollama;
        QVERIFY(codestral.listen() && ollama.listen());
        FakeServers::serveWith(codestral, EndpointKind::Codestral, &FakeServers::seedAndModel);
        FakeServers::serveWith(ollama, EndpointKind::Ollama, &FakeServers::seedAndModel, 0, 4, 0,
                               [](const QJsonObject &body) { return body.value(u"model").toString() == u"missing:latest"; });
        const Endpoint cloud(QStringLiteral("Cloud"), EndpointKind::Codestral, codestral.url());
        const Endpoint local(QStringLiteral("Local"), EndpointKind::Ollama, ollama.url());
        bool written = false;
        m_secrets.write(QStringLiteral("Cloud"), QStringLiteral("cloud-key-123"), this, [&written](const QString &) { written = true; });
        QTRY_VERIFY(written);

        FimRequest a;
        a.model = QStringLiteral("codestral-latest");
        a.temperature = 0.1;
        FimRequest b;
        b.model = QStringLiteral("qwen2.5-coder:1.5b");
        b.stream = true;
        FimRequest c;
        c.model = QStringLiteral("missing:latest");
        CompareRun run(&m_network, &m_secrets);
        QSignalSpy finished(&run, &CompareRun::finished);
        QSignalSpy exchanges(&run, &CompareRun::exchangeRecorded);
        run.start({{QStringLiteral("a"), QStringLiteral("Cloud"), a}, {QStringLiteral("b"), QStringLiteral("Local"), b},
                   {QStringLiteral("c"), QStringLiteral("Local"), c}},
                  {cloud, local, local}, QStringLiteral("def f():\n    "), QStringLiteral("\n"));
        QVERIFY(run.isRunning());
        QVERIFY(finished.wait());
        const QList<CompareRun::Column> &columns = run.columns();
        QCOMPARE(columns.at(0).state, CompareRun::Column::State::Answered);
        QCOMPARE(columns.at(0).result.text, QStringLiteral("seed=none model=codestral-latest temperature=0.1"));
        QCOMPARE(columns.at(1).state, CompareRun::Column::State::Answered);
        QCOMPARE(columns.at(1).result.text, QStringLiteral("seed=none model=qwen2.5-coder:1.5b temperature=none"));
        QCOMPARE(columns.at(2).state, CompareRun::Column::State::Failed);
        QVERIFY2(columns.at(2).error.message.contains(u"pull"), qPrintable(columns.at(2).error.message));
        QCOMPARE(exchanges.size(), 3);
        // The key went to its own host only.
        QCOMPARE(codestral.requests().size(), 1);
        QCOMPARE(codestral.requests().first().headers.value("authorization"), QByteArray("Bearer cloud-key-123"));
        for (const FakeUpstream::Recorded &r : ollama.requests())
            QVERIFY(!r.headers.contains("authorization"));
        QCOMPARE(codestral.requests().first().json().value(u"prompt").toString(), QStringLiteral("def f():\n    "));

        // Again: the first run is kept one step back.
        run.start({{QStringLiteral("b"), QStringLiteral("Local"), b}, {QStringLiteral("a"), QStringLiteral("Cloud"), a}},
                  {local, cloud}, QStringLiteral("x = "), QString());
        QCOMPARE(run.previous().size(), 3);
        QCOMPARE(run.previous().at(2).state, CompareRun::Column::State::Failed);
        QVERIFY(finished.wait());
        QCOMPARE(run.columns().size(), 2);
    }

    void oneColumnCancelledAlone()
    {
        FakeUpstream server;
        QVERIFY(server.listen());
        FakeServers::serveWith(server, EndpointKind::OpenAi, &FakeServers::seedAndModel, 0, 4, 300);
        const Endpoint e(QStringLiteral("vLLM"), EndpointKind::OpenAi, server.url());
        FimRequest r;
        r.model = QStringLiteral("m");
        CompareRun run(&m_network, &m_secrets);
        QSignalSpy changed(&run, &CompareRun::columnChanged);
        QSignalSpy finished(&run, &CompareRun::finished);
        run.start({{QStringLiteral("one"), e.name, r}, {QStringLiteral("two"), e.name, r}}, {e, e}, QStringLiteral("p"), QString());
        QTRY_COMPARE(run.columns().at(0).state, CompareRun::Column::State::Running);
        run.cancel(0);
        QCOMPARE(run.columns().at(0).state, CompareRun::Column::State::Cancelled);
        QVERIFY(run.isRunning());
        QVERIFY(finished.wait());
        QCOMPARE(run.columns().at(1).state, CompareRun::Column::State::Answered);
        run.cancel(1); // over already: nothing changes
        QCOMPARE(run.columns().at(1).state, CompareRun::Column::State::Answered);
    }

    // Destroyed mid-run: nothing follows (the asan preset runs this too).
    void destroyedWhileRunning()
    {
        FakeUpstream server;
        QVERIFY(server.listen());
        FakeServers::serveWith(server, EndpointKind::LlamaCpp, &FakeServers::seedAndModel, 0, 4, 200);
        const Endpoint e(QStringLiteral("llama"), EndpointKind::LlamaCpp, server.url());
        auto run = std::make_unique<CompareRun>(&m_network, &m_secrets);
        run->start({{QStringLiteral("one"), e.name, FimRequest{}}, {QStringLiteral("two"), e.name, FimRequest{}}}, {e, e},
                   QStringLiteral("p"), QString());
        QTRY_VERIFY(server.requests().size() >= 1);
        run.reset();
        QTest::qWait(300);
    }
};

QTEST_GUILESS_MAIN(TestCompareRun)
#include "tst_comparerun.moc"
