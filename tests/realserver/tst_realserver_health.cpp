// Health, models and detection against Debian's real llama-server (label "realserver").
#include "net/endpointdetector.h"
#include "net/healthmonitor.h"
#include "net/modelsfetcher.h"
#include "realllamaserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

namespace {

QString fact(const HealthReport &r, const QString &label)
{
    for (const auto &[l, v] : r.facts)
        if (l == label)
            return v;
    return {};
}

} // namespace

class TestRealServerHealth : public QObject
{
    Q_OBJECT

    QNetworkAccessManager m_network;

private slots:
    void initTestCase() { REQUIRE_REAL_LLAMA_SERVER(); }

    // /props as the server reports it: n_ctx per slot, the model file, the slots.
    void propsInHealth()
    {
        RealLlamaServer server;
        QVERIFY2(server.start({QStringLiteral("-c"), QStringLiteral("4096"), QStringLiteral("-np"), QStringLiteral("2")}),
                 qPrintable(server.error()));
        const QJsonObject props = QJsonDocument::fromJson(server.get(QStringLiteral("/props"))).object();
        const int nCtx = props.value(u"default_generation_settings").toObject().value(u"n_ctx").toInt();
        QVERIFY2(nCtx > 0 && nCtx <= 4096, qPrintable(QString::number(nCtx))); // per slot (2048 on 0.7.0)

        HealthMonitor monitor(&m_network);
        monitor.setEndpoint(Endpoint(QStringLiteral("real"), EndpointKind::LlamaCpp, server.url()), QString());
        QSignalSpy reports(&monitor, &HealthMonitor::reportChanged);
        monitor.checkNow();
        QTRY_VERIFY_WITH_TIMEOUT(!reports.isEmpty() && !fact(monitor.last(), QStringLiteral("Model file")).isEmpty(), 10000);
        const HealthReport r = monitor.last();
        QCOMPARE(int(r.state), int(HealthReport::State::Ok));
        QCOMPARE(fact(r, QStringLiteral("Context (n_ctx)")), QString::number(nCtx));
        QCOMPARE(fact(r, QStringLiteral("Model file")), QStringLiteral("tiny.gguf"));
        QCOMPARE(fact(r, QStringLiteral("Slots")), QStringLiteral("2"));
        QCOMPARE(fact(r, QStringLiteral("State")), QStringLiteral("ready"));

        // The model list names the file the server loaded.
        ModelsFetcher models(&m_network);
        QSignalSpy listed(&models, &ModelsFetcher::fetched);
        models.fetch(Endpoint(QStringLiteral("real"), EndpointKind::LlamaCpp, server.url()), QString());
        QVERIFY(listed.wait(10000));
        const ModelList list = listed.first().first().value<ModelList>();
        QVERIFY(!list.models.isEmpty());
        QVERIFY2(list.models.first().id.endsWith(QStringLiteral("tiny.gguf")), qPrintable(list.models.first().id));
    }

    // Detect and --kind auto name it llama.cpp.
    void detectedAsLlamaCpp()
    {
        RealLlamaServer server;
        QVERIFY2(server.start(), qPrintable(server.error()));
        EndpointDetector detector(&m_network);
        QSignalSpy detected(&detector, &EndpointDetector::detected);
        QSignalSpy failed(&detector, &EndpointDetector::failed);
        detector.probe(server.url());
        QTRY_VERIFY_WITH_TIMEOUT(!detected.isEmpty() || !failed.isEmpty(), 10000);
        QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.first().at(1).toString()));
        QCOMPARE(detected.first().at(1).value<EndpointKind>(), EndpointKind::LlamaCpp);
        QVERIFY2(detected.first().at(2).toString().contains(QStringLiteral("llama-server")), qPrintable(detected.first().at(2).toString()));
    }

    // Started after the playground: Health goes from Down to OK by itself.
    void serverStartedLater()
    {
        RealLlamaServer server;
        const int port = server.reservePort();
        QVERIFY(port > 0);
        HealthMonitor monitor(&m_network);
        monitor.setInterval(300);
        monitor.setEndpoint(Endpoint(QStringLiteral("later"), EndpointKind::LlamaCpp, server.url()), QString());
        monitor.start();
        QTRY_COMPARE_WITH_TIMEOUT(int(monitor.last().state), int(HealthReport::State::Down), 5000);
        QVERIFY2(server.start({}, port), qPrintable(server.error()));
        QTRY_COMPARE_WITH_TIMEOUT(int(monitor.last().state), int(HealthReport::State::Ok), 10000);
        // And back to Down when it goes away.
        server.kill();
        QTRY_COMPARE_WITH_TIMEOUT(int(monitor.last().state), int(HealthReport::State::Down), 10000);
    }
};

QTEST_GUILESS_MAIN(TestRealServerHealth)
#include "tst_realserver_health.moc"
