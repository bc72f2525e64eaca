#include "fakeservers.h"
#include "testwindow.h"
#include "window/localservers.h"
#include "window/noticebar.h"

#include <QComboBox>
#include <QRegularExpression>
#include <QSettings>
#include <QTcpServer>

// The first start's look for servers on this machine: Ollama and llama-server fakes on loopback
// stand for 127.0.0.1:11434 and :8080; a port with nothing behind it for :8012.
class TestLocalServers : public WindowTest
{
    Q_OBJECT

    std::unique_ptr<FakeUpstream> m_ollama;
    std::unique_ptr<FakeUpstream> m_llama;
    QList<QUrl> m_candidates;

private slots:
    void init()
    {
        QVERIFY(setUpWindowTest());
        m_ollama = std::make_unique<FakeUpstream>();
        m_llama = std::make_unique<FakeUpstream>();
        QVERIFY(m_ollama->listen() && m_llama->listen());
        FakeServers::serve(*m_ollama, EndpointKind::Ollama, QStringLiteral("x"));
        FakeServers::serve(*m_llama, EndpointKind::LlamaCpp, QStringLiteral("x"));
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost));
        const QUrl nothing(QStringLiteral("http://127.0.0.1:%1").arg(closed.serverPort()));
        closed.close();
        m_candidates = {m_ollama->url(), m_llama->url(), nothing};
        m_ctx->context->settings().localServersProbed = false; // a first start
    }
    void cleanup()
    {
        tearDownWindowTest();
        m_ollama.reset();
        m_llama.reset();
    }

    void offersWhatAnswersAndAddsItOnClick()
    {
        // The proxy has no key: its notice and the offers stand together.
        m_server->setReply("/health", FakeUpstream::json(200, R"({"status":"ok","service":"cloudflare-backend","upstream_key":false})"));
        auto window = std::make_unique<MainWindow>(m_ctx->context.get());
        window->completion()->setAutoTrigger(false);
        window->localServers()->setCandidates(m_candidates);
        QSignalSpy found(window->localServers(), &LocalServers::found);
        window->start({});
        window->show();
        QVERIFY(QTest::qWaitForWindowExposed(window.get()));
        QTRY_COMPARE(found.size(), 2);
        const QString notice = window->noticeBar()->text();
        const QRegularExpression link(QStringLiteral("href=\"(fim:[^\"]+)\""));
        QVERIFY2(notice.contains(QStringLiteral("Ollama 0.12.6 is running at 127.0.0.1:%1").arg(m_ollama->port())), qPrintable(notice));
        QVERIFY2(notice.contains(u"llama-server, n_ctx 4096 is running"), qPrintable(notice));
        QTRY_VERIFY2(window->noticeBar()->text().contains(u"has no Codestral API key"), qPrintable(window->noticeBar()->text()));
        QVERIFY(window->noticeBar()->text().contains(u"add it as an endpoint"));
        // The look happens once: the settings remember it.
        QVERIFY(m_ctx->context->settings().localServersProbed);

        // "add it as an endpoint" for Ollama, as a click on the link does.
        const QString first = link.match(notice).captured(1);
        QVERIFY2(first.contains(u"kind=ollama"), qPrintable(first));
        QSignalSpy added(window->localServers(), &LocalServers::profileAdded);
        window->noticeBar()->activateLink(first);
        QCOMPARE(added.size(), 1);
        QCOMPARE(added.first().first().toString(), QStringLiteral("Ollama (local)"));
        // The offers go, and with Ollama active the proxy's missing key is no matter any more.
        QTRY_COMPARE(m_ctx->context->activeEndpoint().kind, EndpointKind::Ollama);
        QTRY_VERIFY2(window->noticeBar()->text().isEmpty(), qPrintable(window->noticeBar()->text()));
        QCOMPARE(m_ctx->context->activeEndpoint().baseUrl, m_ollama->url());
        QTRY_COMPARE(window->findChild<QComboBox *>(QStringLiteral("profileBox"))->currentText(), QStringLiteral("Ollama (local)"));
        window->editor()->document()->setModified(false);
        window.reset();

        // The next start: the profile is there, and nobody asks the ports again.
        m_ctx->restart();
        QCOMPARE(m_ctx->context->settings().activeProfile, QStringLiteral("Ollama (local)"));
        QVERIFY(m_ctx->context->settings().localServersProbed);
        const qsizetype asked = m_ollama->requests().size();
        const qsizetype llamaAsked = m_llama->requests().size();
        m_ctx->context->settings().localServersProbed = true; // as loaded; TestContext sets it anyway
        auto again = std::make_unique<MainWindow>(m_ctx->context.get());
        again->localServers()->setCandidates(m_candidates);
        QSignalSpy foundAgain(again->localServers(), &LocalServers::found);
        again->start({});
        QTest::qWait(300);
        QCOMPARE(foundAgain.size(), 0);
        // The llama-server fake heard nothing new: only the active Ollama profile is talked to.
        QCOMPARE(m_llama->requests().size(), llamaAsked);
        QVERIFY(m_ollama->requests().size() >= asked);
        again->editor()->document()->setModified(false);
    }

    // Nothing answered at the first start (the server was started later): the next start looks
    // again and offers it; the settings are not written for a look that found nothing.
    void nothingFoundLooksAgainNextStart()
    {
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost));
        const QUrl later(QStringLiteral("http://127.0.0.1:%1").arg(closed.serverPort()));
        closed.close();
        {
            auto window = std::make_unique<MainWindow>(m_ctx->context.get());
            window->localServers()->setCandidates({later});
            QSignalSpy done(window->localServers(), &LocalServers::finished);
            QSignalSpy found(window->localServers(), &LocalServers::found);
            window->start({});
            QVERIFY(done.wait());
            QCOMPARE(found.size(), 0);
            QVERIFY(!m_ctx->context->settings().localServersProbed);
            window->editor()->document()->setModified(false);
        }
        m_ctx->restart();
        // Written to the file as not looked (the test context sets it in memory for other tests).
        QVERIFY(!QSettings(m_ctx->settingsPath(), QSettings::IniFormat).value(QStringLiteral("startup/local_servers_probed"), false).toBool());
        m_ctx->context->settings().localServersProbed = false; // as loaded
        // Now llama-server runs where nothing listened.
        auto window = std::make_unique<MainWindow>(m_ctx->context.get());
        window->localServers()->setCandidates({m_llama->url()});
        QSignalSpy found(window->localServers(), &LocalServers::found);
        window->start({});
        QTRY_COMPARE(found.size(), 1);
        QCOMPARE(found.first().at(0).value<EndpointKind>(), EndpointKind::LlamaCpp);
        QVERIFY(m_ctx->context->settings().localServersProbed);
        window->editor()->document()->setModified(false);
    }

    void serversWithAProfileAreNotOffered()
    {
        m_ctx->context->settings().profiles.append(Endpoint(QStringLiteral("mine"), EndpointKind::Ollama, m_ollama->url()));
        auto window = std::make_unique<MainWindow>(m_ctx->context.get());
        window->localServers()->setCandidates(m_candidates);
        QSignalSpy found(window->localServers(), &LocalServers::found);
        window->start({});
        QTRY_COMPARE(found.size(), 1);
        QCOMPARE(found.first().at(0).value<EndpointKind>(), EndpointKind::LlamaCpp);
        window->editor()->document()->setModified(false);
    }
};

QTEST_MAIN(TestLocalServers)
#include "tst_localservers.moc"
