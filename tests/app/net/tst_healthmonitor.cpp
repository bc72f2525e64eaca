#include "fakeservers.h"
#include "fakeupstream.h"
#include "net/healthmonitor.h"
#include "net/modelsfetcher.h"

#include <QNetworkAccessManager>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

// Health checks and model lists against the fake upstream.
class TestHealthMonitor : public QObject
{
    Q_OBJECT

    FakeUpstream *m_server = nullptr;
    QNetworkAccessManager *m_network = nullptr;

    Endpoint endpoint(EndpointKind kind) const { return Endpoint{QStringLiteral("t"), kind, m_server->url()}; }

    static HealthReport check(HealthMonitor &monitor)
    {
        QSignalSpy reports(&monitor, &HealthMonitor::reportChanged);
        monitor.checkNow();
        if (!reports.wait(5000))
            return {};
        return reports.first().first().value<HealthReport>();
    }

private slots:
    void init()
    {
        m_server = new FakeUpstream(this);
        QVERIFY(m_server->listen());
        m_network = new QNetworkAccessManager(this);
    }
    void cleanup()
    {
        delete m_network;
        delete m_server;
    }

    void seedHealthIsOk()
    {
        HealthMonitor monitor(m_network);
        monitor.setEndpoint(endpoint(EndpointKind::Proxy), QString());
        const HealthReport r = check(monitor);
        QCOMPARE(int(r.state), int(HealthReport::State::Ok));
        QCOMPARE(r.service, QStringLiteral("cloudflare-backend"));
        QCOMPARE(r.serverTime, QDateTime(QDate(2026, 11, 23), QTime(10, 0), QTimeZone::UTC));
        QVERIFY(r.roundTripMs >= 0);
        QCOMPARE(m_server->requests().constFirst().path, QByteArray("/health"));
    }

    void states_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("state");
        QTest::addColumn<QString>("detail");
        using S = HealthReport::State;
        const int proxy = int(EndpointKind::Proxy);
        const int codestral = int(EndpointKind::Codestral);
        QTest::newRow("not ok body") << 200 << QByteArray("{\"status\":\"draining\"}") << proxy << int(S::Degraded) << QStringLiteral("draining");
        QTest::newRow("not json") << 200 << QByteArray("hello") << proxy << int(S::Degraded) << QStringLiteral("JSON");
        QTest::newRow("401") << 401 << QByteArray("{\"message\":\"Unauthorized\"}") << codestral << int(S::Unauthorized)
                             << QStringLiteral("Unauthorized");
        QTest::newRow("429") << 429 << QByteArray("{}") << proxy << int(S::Degraded) << QStringLiteral("Rate limit");
        QTest::newRow("503") << 503 << QByteArray("down") << proxy << int(S::Down) << QStringLiteral("503");
        QTest::newRow("codestral 404") << 404 << QByteArray("{}") << codestral << int(S::Ok) << QStringLiteral("no model list");
    }

    void states()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(int, kind);
        QFETCH(QString, detail);
        const QByteArray path = kind == int(EndpointKind::Proxy) ? "/health" : "/v1/models";
        m_server->setReply(path, FakeUpstream::json(status, body));
        HealthMonitor monitor(m_network);
        monitor.setEndpoint(endpoint(EndpointKind(kind)), QStringLiteral("key"));
        const HealthReport r = check(monitor);
        QTEST(int(r.state), "state");
        QVERIFY2(r.detail.contains(detail), qPrintable(r.detail));
        QCOMPARE(r.httpStatus, status);
        QCOMPARE(m_server->requests().constFirst().path, path);
        if (kind == int(EndpointKind::Codestral))
            QCOMPARE(m_server->requests().constFirst().headers.value("authorization"), QByteArray("Bearer key"));
    }

    void slowIsDegraded()
    {
        FakeUpstream::Reply slow = FakeUpstream::json(200, FakeUpstream::seedHealthBody());
        slow.firstDelayMs = 250;
        m_server->setReply("/health", slow);
        HealthMonitor monitor(m_network);
        monitor.setSlowThreshold(100);
        monitor.setEndpoint(endpoint(EndpointKind::Proxy), QString());
        const HealthReport r = check(monitor);
        QCOMPARE(int(r.state), int(HealthReport::State::Degraded));
        QVERIFY(r.detail.contains(QStringLiteral("Slow")));
    }

    void oneCheckInFlightAndBackoffWhenDown()
    {
        FakeUpstream::Reply stall = FakeUpstream::json(200, {});
        stall.fault = FakeUpstream::Reply::Fault::StallBeforeHeaders;
        m_server->setReply("/health", stall);
        HealthMonitor monitor(m_network);
        monitor.setTimeout(300);
        monitor.setInterval(1000);
        monitor.setEndpoint(endpoint(EndpointKind::Proxy), QString());
        QSignalSpy reports(&monitor, &HealthMonitor::reportChanged);
        monitor.start();
        QVERIFY(monitor.isChecking());
        QVERIFY(!monitor.checkNow()); // at most one in flight
        QVERIFY(reports.wait(3000));
        const HealthReport r = reports.first().first().value<HealthReport>();
        QCOMPARE(int(r.state), int(HealthReport::State::Down));
        QVERIFY2(r.detail.contains(QStringLiteral("No answer")), qPrintable(r.detail));
        QCOMPARE(monitor.currentDelay(), 2000); // backed off
        QCOMPARE(m_server->requests().size(), 1);
        monitor.stop();
    }

    void modelLists()
    {
        ModelsFetcher fetcher(m_network);
        QSignalSpy fetched(&fetcher, &ModelsFetcher::fetched);
        fetcher.fetch(endpoint(EndpointKind::Proxy), QString());
        QVERIFY(fetched.wait());
        ModelList list = fetched.first().first().value<ModelList>();
        QCOMPARE(list.models.size(), 1);
        QCOMPARE(list.models.first().id, QStringLiteral("codestral-latest"));

        m_server->setReply("/v1/models", FakeUpstream::json(404, "{\"detail\":\"Not Found\"}"));
        fetched.clear();
        fetcher.fetch(endpoint(EndpointKind::Codestral), QStringLiteral("k"));
        QVERIFY(fetched.wait());
        list = fetched.first().first().value<ModelList>();
        QVERIFY(list.builtIn);
        QVERIFY(fetched.first().at(1).toString().contains(QStringLiteral("known Codestral models")));

        QSignalSpy failed(&fetcher, &ModelsFetcher::failed);
        m_server->setReply("/v1/models", FakeUpstream::json(401, "{\"message\":\"Unauthorized\"}"));
        fetcher.fetch(endpoint(EndpointKind::Codestral), QStringLiteral("bad"));
        QVERIFY(failed.wait());
        QCOMPARE(int(failed.first().first().value<FimError>().kind), int(FimError::Kind::Auth));

        m_server->setReply("/v1/models", FakeUpstream::json(200, "{\"data\":"));
        fetcher.fetch(endpoint(EndpointKind::Proxy), QString());
        QVERIFY(failed.wait());
        QCOMPARE(int(failed.last().first().value<FimError>().kind), int(FimError::Kind::Parse));
    }

    void proxyUsageOfAMemberAfterEachCheck()
    {
        // Our proxy with a member's token: /health is open, /v1/usage says what the member used.
        m_server->setReply("/v1/usage", FakeUpstream::json(200, FakeServers::proxyUsage(QStringLiteral("alice"), 12, 3400, 1000, -1,
                                                                                          {{7, 2000}})));
        HealthMonitor monitor(m_network);
        monitor.setInfoInterval(0); // each check may ask (proxyUsageAtMostOnceAMinute: the default)
        monitor.setEndpoint(endpoint(EndpointKind::Proxy), QStringLiteral("fim_alice"));
        QSignalSpy reports(&monitor, &HealthMonitor::reportChanged);
        monitor.checkNow();
        QTRY_COMPARE(reports.size(), 2);
        QVERIFY(!monitor.isFetchingInfo());
        HealthReport r = reports.last().first().value<HealthReport>();
        QCOMPARE(int(r.state), int(HealthReport::State::Ok));
        QCOMPARE(r.service, QStringLiteral("cloudflare-backend")); // what /health said stays
        using Fact = QPair<QString, QString>;
        QVERIFY(r.facts.contains(Fact(QStringLiteral("Member"), QStringLiteral("alice"))));
        QVERIFY(r.facts.contains(Fact(QStringLiteral("Requests today"), QStringLiteral("12 of 1000"))));
        QVERIFY(r.facts.contains(Fact(QStringLiteral("Tokens today"), QStringLiteral("3400 (no daily quota)"))));
        QVERIFY(r.facts.contains(Fact(QStringLiteral("Edge-cache hits today"), QStringLiteral("3"))));
        QVERIFY(r.facts.contains(Fact(QStringLiteral("Last 30 days"), QStringLiteral("19 requests, 5400 tokens"))));
        const FakeUpstream::Recorded asked = m_server->requests().constLast();
        QCOMPARE(asked.path, QByteArray("/v1/usage"));
        QCOMPARE(asked.headers.value("authorization"), QByteArray("Bearer fim_alice"));

        // The next check asks again: the quota is used up now, and the facts say until when.
        m_server->setReply("/v1/usage", FakeUpstream::json(200, FakeServers::proxyUsage(QStringLiteral("alice"), 1000, 90000, 1000, -1)));
        reports.clear();
        monitor.checkNow();
        QTRY_COMPARE(reports.size(), 2);
        r = reports.last().first().value<HealthReport>();
        QVERIFY(r.facts.contains(Fact(QStringLiteral("Requests today"), QStringLiteral("1000 of 1000, used up"))));
        QCOMPARE(r.facts.count(Fact(QStringLiteral("Member"), QStringLiteral("alice"))), 1); // replaced, not added
        const auto quota = std::find_if(r.facts.cbegin(), r.facts.cend(), [](const Fact &f) { return f.first == u"Quota"; });
        QVERIFY(quota != r.facts.cend());
        QVERIFY2(quota->second.startsWith(u"used up until midnight UTC, in "), qPrintable(quota->second));

        // After requests, the usage is asked again shortly, once for the burst, without a health check.
        m_server->setReply("/v1/usage", FakeUpstream::json(200, FakeServers::proxyUsage(QStringLiteral("alice"), 13, 3500, 1000, -1)));
        reports.clear();
        const qsizetype before = m_server->requests().size();
        monitor.infoMayHaveChanged();
        monitor.infoMayHaveChanged();
        QTRY_COMPARE_WITH_TIMEOUT(reports.size(), 1, HealthMonitor::InfoRefreshDelayMs + 3000);
        r = reports.last().first().value<HealthReport>();
        QVERIFY(r.facts.contains(Fact(QStringLiteral("Requests today"), QStringLiteral("13 of 1000"))));
        QTest::qWait(100);
        QCOMPARE(m_server->requests().size(), before + 1);
        QCOMPARE(m_server->requests().constLast().path, QByteArray("/v1/usage"));

        // A token the proxy refuses, though /health is open: every completion would fail, so say so.
        m_server->setReply("/v1/usage", FakeUpstream::json(401, "{\"error\":{\"message\":\"This token was disabled by the proxy\u2019s owner.\",\"type\":\"authentication_error\"}}"));
        reports.clear();
        monitor.checkNow();
        QTRY_COMPARE(reports.size(), 2);
        r = reports.last().first().value<HealthReport>();
        QCOMPARE(int(r.state), int(HealthReport::State::Unauthorized));
        QVERIFY2(r.detail.contains(u"disabled by the proxy’s owner"), qPrintable(r.detail));
    }

    // The usage of a member is asked at most once a minute, and after a burst of requests rather
    // than during it: a proxy may count these reads against the member's rate limit, and a member
    // typing at 15 suggestions a minute with the next asked ahead sends 30 completions a minute.
    void proxyUsageAtMostOnceAMinute()
    {
        m_server->setReply("/v1/usage", FakeUpstream::json(200, FakeServers::proxyUsage(QStringLiteral("alice"), 12, 3400, 1000, -1)));
        const auto usageReads = [this] {
            return std::count_if(m_server->requests().cbegin(), m_server->requests().cend(),
                                 [](const FakeUpstream::Recorded &r) { return r.path == "/v1/usage"; });
        };
        HealthMonitor monitor(m_network);
        QCOMPARE(monitor.infoInterval(), 60000);
        monitor.setEndpoint(endpoint(EndpointKind::Proxy), QStringLiteral("fim_alice"));
        QSignalSpy reports(&monitor, &HealthMonitor::reportChanged);
        monitor.checkNow();
        QTRY_COMPARE(reports.size(), 2);
        QCOMPARE(usageReads(), 1);
        // The panel says when the usage was read.
        const HealthReport r = reports.last().first().value<HealthReport>();
        const auto asOf = std::find_if(r.facts.cbegin(), r.facts.cend(), [](const QPair<QString, QString> &f) { return f.first == u"Usage"; });
        QVERIFY(asOf != r.facts.cend());
        QVERIFY2(QRegularExpression(QStringLiteral("^as of \\d\\d:\\d\\d$")).match(asOf->second).hasMatch(), qPrintable(asOf->second));

        // Within the minute: a check does not ask, nor does a burst of requests once it has ended.
        reports.clear();
        monitor.checkNow();
        QTRY_COMPARE(reports.size(), 1);
        for (int i = 0; i < 6; ++i) {
            monitor.infoMayHaveChanged();
            QTest::qWait(100);
        }
        QTest::qWait(HealthMonitor::InfoRefreshDelayMs + 500);
        QCOMPARE(usageReads(), 1);
        QVERIFY(reports.last().first().value<HealthReport>().facts.contains(*asOf)); // the facts read before stay

        // With a shorter interval: nothing while the burst lasts (a request every 250 ms for longer
        // than the interval), one read once it has ended.
        HealthMonitor quick(m_network);
        quick.setInfoInterval(1000);
        quick.setEndpoint(endpoint(EndpointKind::Proxy), QStringLiteral("fim_alice"));
        QSignalSpy quickReports(&quick, &HealthMonitor::reportChanged);
        quick.checkNow();
        QTRY_COMPARE(quickReports.size(), 2);
        QCOMPARE(usageReads(), 2);
        for (int i = 0; i < 12; ++i) { // 3 s
            quick.infoMayHaveChanged();
            QTest::qWait(250);
        }
        QCOMPARE(usageReads(), 2);
        QTRY_COMPARE_WITH_TIMEOUT(usageReads(), 3, HealthMonitor::InfoRefreshDelayMs + 2000);
        QTest::qWait(HealthMonitor::InfoRefreshDelayMs);
        QCOMPARE(usageReads(), 3);
    }

    // A 429 of the quota: Health reads the usage once the burst is over, within the minute, and
    // shows the quota used up; the refusals that follow read nothing more until one goes through.
    void aRefusalShowsTheQuotaUsedUp()
    {
        m_server->setReply("/v1/usage", FakeUpstream::json(200, FakeServers::proxyUsage(QStringLiteral("alice"), 39, 3400, 40, -1)));
        const auto usageReads = [this] {
            return std::count_if(m_server->requests().cbegin(), m_server->requests().cend(),
                                 [](const FakeUpstream::Recorded &r) { return r.path == "/v1/usage"; });
        };
        HealthMonitor monitor(m_network);
        monitor.setEndpoint(endpoint(EndpointKind::Proxy), QStringLiteral("fim_alice"));
        QSignalSpy reports(&monitor, &HealthMonitor::reportChanged);
        monitor.checkNow();
        QTRY_COMPARE(reports.size(), 2);
        QCOMPARE(usageReads(), 1);
        // The 40th request went through, the 41st was refused: the quota is used up.
        m_server->setReply("/v1/usage", FakeUpstream::json(200, FakeServers::proxyUsage(QStringLiteral("alice"), 40, 3500, 40, -1)));
        monitor.infoMayHaveChanged(false);
        monitor.infoMayHaveChanged(true);
        QTRY_COMPARE_WITH_TIMEOUT(usageReads(), 2, HealthMonitor::InfoRefreshDelayMs + 2000); // not a minute later
        QTRY_VERIFY(monitor.last().facts.contains(qMakePair(QStringLiteral("Requests today"), QStringLiteral("40 of 40, used up"))));
        // More refusals (the user keeps typing): no more reads.
        for (int i = 0; i < 4; ++i)
            monitor.infoMayHaveChanged(true);
        QTest::qWait(HealthMonitor::InfoRefreshDelayMs + 500);
        QCOMPARE(usageReads(), 2);
    }

    void seedProxyHasNoUsage()
    {
        // The seed (and ours for PROXY_TOKEN) answers 404: nothing is added, the check stays OK.
        m_server->setReply("/v1/usage", FakeUpstream::json(404, R"({"error":{"message":"Route not found: GET /v1/usage","type":"not_found"}})"));
        HealthMonitor monitor(m_network);
        monitor.setEndpoint(endpoint(EndpointKind::Proxy), QString());
        QSignalSpy reports(&monitor, &HealthMonitor::reportChanged);
        monitor.checkNow();
        QTRY_COMPARE(reports.size(), 2);
        const HealthReport r = reports.last().first().value<HealthReport>();
        QCOMPARE(int(r.state), int(HealthReport::State::Ok));
        QVERIFY(r.facts.isEmpty());
    }

    void llamaServerLoadingThenReadyWithItsFacts()
    {
        FakeServers::serve(*m_server, EndpointKind::LlamaCpp, QStringLiteral("x"));
        m_server->enqueue("/health", FakeServers::llamaLoading());
        HealthMonitor monitor(m_network);
        monitor.setEndpoint(endpoint(EndpointKind::LlamaCpp), QString());
        HealthReport r = check(monitor);
        QCOMPARE(int(r.state), int(HealthReport::State::Degraded));
        QVERIFY2(r.detail.contains(u"loading the model"), qPrintable(r.detail));
        QVERIFY(r.facts.contains(qMakePair(QStringLiteral("State"), QStringLiteral("loading"))));
        // Ready: the report says so, and /props adds n_ctx once (a second report).
        QSignalSpy reports(&monitor, &HealthMonitor::reportChanged);
        monitor.checkNow();
        QTRY_COMPARE(reports.size(), 2);
        r = reports.last().first().value<HealthReport>();
        QCOMPARE(int(r.state), int(HealthReport::State::Ok));
        QVERIFY(r.facts.contains(qMakePair(QStringLiteral("State"), QStringLiteral("ready"))));
        QVERIFY(r.facts.contains(qMakePair(QStringLiteral("Context (n_ctx)"), QStringLiteral("4096"))));
        QCOMPARE(monitor.last().facts, r.facts);
        // Later checks keep the facts without asking /props again.
        const qsizetype asked = m_server->requests().size();
        r = check(monitor);
        QVERIFY(r.facts.contains(qMakePair(QStringLiteral("Context (n_ctx)"), QStringLiteral("4096"))));
        QCOMPARE(m_server->requests().size(), asked + 1);
    }

    // A local llama-server stopped and started again: while it is down Health claims none of the
    // facts it told before, and with an interval of a minute (and the backoff) it is seen back
    // within LocalDownRecheckMs, its facts asked afresh.
    void aLocalServerRestartedIsSeenWithinSeconds()
    {
        FakeServers::serve(*m_server, EndpointKind::LlamaCpp, QStringLiteral("x"));
        const quint16 port = m_server->url().port();
        HealthMonitor monitor(m_network);
        monitor.setInterval(60000);
        monitor.setEndpoint(endpoint(EndpointKind::LlamaCpp), QString());
        QSignalSpy reports(&monitor, &HealthMonitor::reportChanged);
        monitor.start();
        QTRY_VERIFY(!reports.isEmpty() && reports.last().first().value<HealthReport>().facts.contains(
                        qMakePair(QStringLiteral("Context (n_ctx)"), QStringLiteral("4096"))));
        delete m_server; // stopped
        m_server = nullptr;
        reports.clear();
        monitor.checkNow(); // (a request's failure asks for a check at once: EndpointPulse)
        QTRY_VERIFY(!reports.isEmpty());
        const HealthReport down = reports.last().first().value<HealthReport>();
        QCOMPARE(int(down.state), int(HealthReport::State::Down));
        for (const auto &fact : down.facts)
            QVERIFY2(fact.first != QStringLiteral("Context (n_ctx)"), qPrintable(fact.second));
        QCOMPARE(monitor.currentDelay(), HealthMonitor::LocalDownRecheckMs); // not 120 s
        // Started again on the same port: seen within the recheck, without a nudge.
        m_server = new FakeUpstream(this);
        QVERIFY(m_server->listen(port));
        FakeServers::serve(*m_server, EndpointKind::LlamaCpp, QStringLiteral("x"));
        reports.clear();
        QTRY_VERIFY_WITH_TIMEOUT(!reports.isEmpty() && reports.last().first().value<HealthReport>().state == HealthReport::State::Ok,
                                 HealthMonitor::LocalDownRecheckMs + 2000);
        QTRY_VERIFY(reports.last().first().value<HealthReport>().facts.contains(
            qMakePair(QStringLiteral("Context (n_ctx)"), QStringLiteral("4096"))));
        monitor.stop();
    }

    void ollamaVersionAndModelsThatCanFillIn()
    {
        FakeServers::serve(*m_server, EndpointKind::Ollama, QStringLiteral("x"));
        HealthMonitor monitor(m_network);
        monitor.setEndpoint(endpoint(EndpointKind::Ollama), QString());
        const HealthReport r = check(monitor);
        QCOMPARE(int(r.state), int(HealthReport::State::Ok));
        QVERIFY(r.facts.contains(qMakePair(QStringLiteral("Ollama version"), QStringLiteral("0.12.6"))));
        QCOMPARE(m_server->requests().constLast().path, QByteArray("/api/version"));

        ModelsFetcher fetcher(m_network);
        QSignalSpy fetched(&fetcher, &ModelsFetcher::fetched);
        fetcher.fetch(endpoint(EndpointKind::Ollama), QString());
        QTRY_COMPARE(fetched.size(), 2); // the list at once, again with the capabilities
        const ModelList first = fetched.first().first().value<ModelList>();
        QCOMPARE(first.models.size(), 2);
        QVERIFY(!first.models.first().fimCapable);
        const ModelList list = fetched.last().first().value<ModelList>();
        QCOMPARE(list.models.at(0).id, QStringLiteral("qwen2.5-coder:1.5b"));
        QCOMPARE(list.models.at(0).fimCapable, true);
        QCOMPARE(list.models.at(0).sizeBytes, 986061892);
        QCOMPARE(list.models.at(1).fimCapable, false); // llama3.2: no "insert"
        int shows = 0;
        for (const FakeUpstream::Recorded &req : m_server->requests())
            shows += req.path == "/api/show" && req.method == "POST";
        QCOMPARE(shows, 2);
    }

    void ollamaWithNoModelSaysPull()
    {
        FakeServers::serve(*m_server, EndpointKind::Ollama, QStringLiteral("x"));
        m_server->setReply("/api/tags", FakeUpstream::json(200, R"({"models":[]})"));
        ModelsFetcher fetcher(m_network);
        QSignalSpy fetched(&fetcher, &ModelsFetcher::fetched);
        fetcher.fetch(endpoint(EndpointKind::Ollama), QString());
        QVERIFY(fetched.wait());
        QVERIFY(fetched.first().at(1).toString().contains(u"ollama pull"));
    }
};

QTEST_GUILESS_MAIN(TestHealthMonitor)
#include "tst_healthmonitor.moc"
