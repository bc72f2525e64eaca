#include "settings/secretstore.h"

#include <QSignalSpy>
#include <QTest>

class TestSecretStore : public QObject
{
    Q_OBJECT

    static std::pair<QString, QString> readNow(SecretStore &store, const Endpoint &endpoint)
    {
        std::optional<std::pair<QString, QString>> got;
        store.read(endpoint, &store, [&got](const QString &secret, const QString &error) { got = {secret, error}; });
        if (!QTest::qWaitFor([&got] { return got.has_value(); }, 10000))
            return {QStringLiteral("<no answer>"), QStringLiteral("<no answer>")};
        return *got;
    }

    // Waits for a write, rename or remove to answer; its error, or "<no answer>".
    template<typename Call>
    static QString answerOf(Call call)
    {
        std::optional<QString> error;
        call([&error](const QString &e) { error = e; });
        if (!QTest::qWaitFor([&error] { return error.has_value(); }, 10000))
            return QStringLiteral("<no answer>");
        return *error;
    }

    static const Endpoint &work()
    {
        static const Endpoint e{QStringLiteral("Work"), EndpointKind::Codestral, Endpoint::defaultCodestralUrl()};
        return e;
    }
    static const Endpoint &workEu()
    {
        static const Endpoint e{QStringLiteral("Work (EU)"), EndpointKind::Codestral, Endpoint::defaultCodestralUrl()};
        return e;
    }

private slots:
    void environmentWins()
    {
        qputenv("CODESTRAL_API_KEY", "  sk-from-env \n");
        qputenv("FIM_PROXY_TOKEN", "proxy-token");
        SecretStore store;
        const Endpoint codestral{QStringLiteral("Codestral"), EndpointKind::Codestral, Endpoint::defaultCodestralUrl()};
        const Endpoint proxy{QStringLiteral("Local proxy"), EndpointKind::Proxy, Endpoint::defaultProxyUrl()};
        QCOMPARE(readNow(store, codestral).first, QStringLiteral("sk-from-env"));
        QCOMPARE(readNow(store, proxy).first, QStringLiteral("proxy-token"));
        qunsetenv("CODESTRAL_API_KEY");
        qunsetenv("FIM_PROXY_TOKEN");
    }

    void answersLaterNeverInline()
    {
        SecretStore store;
        store.setKeychainEnabled(false);
        bool called = false;
        store.read(Endpoint{QStringLiteral("x"), EndpointKind::Proxy, Endpoint::defaultProxyUrl()}, &store,
                   [&called](const QString &, const QString &) { called = true; });
        QVERIFY(!called);
        QTRY_VERIFY(called);
    }

    // A caller that is gone when the answer comes (a closed dialog) is not called.
    void noCallbackAfterTheContextIsGone()
    {
        SecretStore store;
        store.setBackend(SecretStore::Backend::Memory);
        bool called = false;
        auto *dialog = new QObject;
        store.read(Endpoint{QStringLiteral("x"), EndpointKind::Codestral, Endpoint::defaultCodestralUrl()}, dialog,
                   [&called](const QString &, const QString &) { called = true; });
        delete dialog;
        QTest::qWait(50);
        QVERIFY(!called);
    }

    // A renamed profile takes its secret along; a removed one leaves none behind.
    void renameMovesAndRemoveDeletes()
    {
        qunsetenv("CODESTRAL_API_KEY");
        SecretStore store;
        store.setBackend(SecretStore::Backend::Memory);
        QCOMPARE(answerOf([&store](auto done) { store.write(work().name, QStringLiteral("sk-1"), &store, done); }), QString());
        QCOMPARE(answerOf([&store](auto done) { store.rename(work().name, workEu().name, &store, done); }), QString());
        QCOMPARE(readNow(store, workEu()).first, QStringLiteral("sk-1"));
        QCOMPARE(readNow(store, work()).first, QString());
        QCOMPARE(answerOf([&store](auto done) { store.remove(workEu().name, &store, done); }), QString());
        QCOMPARE(readNow(store, workEu()).first, QString());
    }

    // A key kept for this session only (a newer one than the stored key) stays the one in use
    // when its profile is renamed; the stored key moves along under the new name.
    void renameKeepsTheSessionKey()
    {
        qunsetenv("CODESTRAL_API_KEY");
        SecretStore store;
        store.setBackend(SecretStore::Backend::Memory);
        QCOMPARE(answerOf([&store](auto done) { store.write(work().name, QStringLiteral("sk-stored"), &store, done); }), QString());
        store.keepForSession(work().name, QStringLiteral("sk-session"));
        QCOMPARE(readNow(store, work()).first, QStringLiteral("sk-session"));
        QCOMPARE(answerOf([&store](auto done) { store.rename(work().name, workEu().name, &store, done); }), QString());
        QCOMPARE(readNow(store, workEu()).first, QStringLiteral("sk-session"));
        QCOMPARE(readNow(store, work()).first, QString());
        // Storing a new key under the new name makes that the one in use.
        QCOMPARE(answerOf([&store](auto done) { store.write(workEu().name, QStringLiteral("sk-new"), &store, done); }), QString());
        QCOMPARE(readNow(store, workEu()).first, QStringLiteral("sk-new"));
    }

    // Without a keychain service (as in CI) a read must still answer, with an empty secret.
    void keychainWithoutServiceStillAnswers()
    {
        qunsetenv("CODESTRAL_API_KEY");
        SecretStore store;
        const auto [secret, error] =
            readNow(store, Endpoint{QStringLiteral("nowhere"), EndpointKind::Codestral, Endpoint::defaultCodestralUrl()});
        QVERIFY(secret.isEmpty());
        QVERIFY(error != QStringLiteral("<no answer>"));
    }
};

QTEST_GUILESS_MAIN(TestSecretStore)
#include "tst_secretstore.moc"
