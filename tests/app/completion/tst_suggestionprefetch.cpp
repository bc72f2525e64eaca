#include "clientrig.h"
#include "completion/suggestionprefetch.h"

#include <QSignalSpy>
#include <QTest>

// The request asked ahead, against the fake upstream: answered and taken, dropped, failed.
class TestSuggestionPrefetch : public QObject
{
    Q_OBJECT

    std::unique_ptr<ClientRig> m_rig;
    FakeUpstream *m_server = nullptr;
    FimClient *m_client = nullptr;

    static FimRequest request(const QString &prompt)
    {
        FimRequest r;
        r.prompt = prompt;
        r.stream = false;
        return r;
    }

private slots:
    void init()
    {
        m_rig = std::make_unique<ClientRig>();
        QVERIFY(m_rig->start());
        m_server = &m_rig->server;
        m_client = &m_rig->client;
    }
    void cleanup() { m_rig.reset(); }

    void answeredThenTaken()
    {
        // The answer is cleaned as the suggestion was: the text already after the cursor goes.
        m_server->setReply("/v1/fim/completions", FakeUpstream::seedCompletion(QStringLiteral("return a - b)")));
        SuggestionPrefetch prefetch(m_client);
        QSignalSpy started(&prefetch, &SuggestionPrefetch::started);
        QSignalSpy answered(&prefetch, &SuggestionPrefetch::answered);
        QSignalSpy settled(&prefetch, &SuggestionPrefetch::settled);
        AnswerCleaner::Context cleaning;
        cleaning.lineRest = QStringLiteral(")");
        prefetch.start(request(QStringLiteral("def sub(a, b):\n    ")), cleaning, AnswerCleaner::allRules(), 7);
        QCOMPARE(started.size(), 1);
        QVERIFY(prefetch.isRunning());
        QVERIFY(prefetch.isFor(7));
        QVERIFY(!prefetch.isFor(8));
        QTRY_VERIFY(prefetch.hasAnswer());
        QCOMPARE(answered.size(), 1);
        QVERIFY(answered.first().first().toDouble() >= 0);
        const SuggestionPrefetch::Taken taken = prefetch.take();
        QCOMPARE(taken.id, started.first().first().value<quint64>());
        QCOMPARE(taken.answer, std::optional<QString>(QStringLiteral("return a - b")));
        QCOMPARE(settled.size(), 1);
        QCOMPARE(settled.first().at(1).toBool(), true);
        QVERIFY(!prefetch.isFor(7)); // taken: nothing left
        prefetch.drop();
        QCOMPARE(settled.size(), 1);
    }

    void droppedWhileAskedAndStillComingWhenTaken()
    {
        FakeUpstream::Reply slow = FakeUpstream::seedCompletion(QStringLiteral("x"));
        slow.firstDelayMs = 400;
        m_server->setReply("/v1/fim/completions", slow);
        SuggestionPrefetch prefetch(m_client);
        QSignalSpy settled(&prefetch, &SuggestionPrefetch::settled);
        prefetch.start(request(QStringLiteral("a")), {}, AnswerCleaner::allRules(), 1);
        prefetch.drop();
        QCOMPARE(settled.size(), 1);
        QCOMPARE(settled.first().at(1).toBool(), false);
        QVERIFY(!prefetch.isRunning());
        // A new one replaces the old: the old is settled as unused.
        prefetch.start(request(QStringLiteral("b")), {}, AnswerCleaner::allRules(), 2);
        prefetch.start(request(QStringLiteral("c")), {}, AnswerCleaner::allRules(), 3);
        QCOMPARE(settled.size(), 2);
        // Taken while it comes: the reply is handed over, and answers its new owner.
        const SuggestionPrefetch::Taken taken = prefetch.take();
        QVERIFY(taken.reply);
        QVERIFY(!taken.answer);
        QSignalSpy finished(taken.reply.get(), &FimReply::finished);
        QVERIFY(finished.wait(3000));
        QVERIFY(!prefetch.hasAnswer()); // it no longer listens
    }

    void aFailureDropsIt()
    {
        m_server->setReply("/v1/fim/completions", FakeUpstream::json(500, "{\"error\":{\"message\":\"boom\",\"type\":\"api_error\"}}"));
        SuggestionPrefetch prefetch(m_client);
        QSignalSpy settled(&prefetch, &SuggestionPrefetch::settled);
        prefetch.start(request(QStringLiteral("a")), {}, AnswerCleaner::allRules(), 1);
        QTRY_COMPARE(settled.size(), 1);
        QCOMPARE(settled.first().at(1).toBool(), false);
        QVERIFY(!prefetch.hasAnswer());
        QVERIFY(!prefetch.isFor(1));
    }

    void destroyedWhileAskingIsQuiet()
    {
        FakeUpstream::Reply slow = FakeUpstream::seedCompletion(QStringLiteral("x"));
        slow.firstDelayMs = 300;
        m_server->setReply("/v1/fim/completions", slow);
        auto *prefetch = new SuggestionPrefetch(m_client);
        int settled = 0;
        connect(prefetch, &SuggestionPrefetch::settled, this, [&settled] { ++settled; });
        prefetch->start(request(QStringLiteral("a")), {}, AnswerCleaner::allRules(), 1);
        delete prefetch;
        QTest::qWait(400);
        QCOMPARE(settled, 0);
    }
};

QTEST_GUILESS_MAIN(TestSuggestionPrefetch)
#include "tst_suggestionprefetch.moc"
