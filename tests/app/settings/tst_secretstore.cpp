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
        const Endpoint before{QStringLiteral("Work"), EndpointKind::Codestral, Endpoint::defaultCodestralUrl()};
        const Endpoint after{QStringLiteral("Work (EU)"), EndpointKind::Codestral, Endpoint::defaultCodestralUrl()};
        std::optional<QString> error;
        store.write(before.name, QStringLiteral("sk-1"), &store, [&error](const QString &e) { error = e; });
        QTRY_VERIFY(error.has_value());
        error.reset();
        store.rename(before.name, after.name, &store, [&error](const QString &e) { error = e; });
        QTRY_VERIFY(error.has_value());
        QCOMPARE(*error, QString());
        QCOMPARE(readNow(store, after).first, QStringLiteral("sk-1"));
        QCOMPARE(readNow(store, before).first, QString());
        error.reset();
        store.remove(after.name, &store, [&error](const QString &e) { error = e; });
        QTRY_VERIFY(error.has_value());
        QCOMPARE(readNow(store, after).first, QString());
    }

    // A key kept for this session only (a newer one than the stored key) stays the one in use
    // when its profile is renamed; the stored key moves along under the new name.
    void renameKeepsTheSessionKey()
    {
        qunsetenv("CODESTRAL_API_KEY");
        SecretStore store;
        store.setBackend(SecretStore::Backend::Memory);
        const Endpoint before{QStringLiteral("Work"), EndpointKind::Codestral, Endpoint::defaultCodestralUrl()};
        const Endpoint after{QStringLiteral("Work (EU)"), EndpointKind::Codestral, Endpoint::defaultCodestralUrl()};
        std::optional<QString> error;
        store.write(before.name, QStringLiteral("sk-stored"), &store, [&error](const QString &e) { error = e; });
        QTRY_VERIFY(error.has_value());
        store.keepForSession(before.name, QStringLiteral("sk-session"));
        QCOMPARE(readNow(store, before).first, QStringLiteral("sk-session"));
        error.reset();
        store.rename(before.name, after.name, &store, [&error](const QString &e) { error = e; });
        QTRY_VERIFY(error.has_value());
        QCOMPARE(*error, QString());
        QCOMPARE(readNow(store, after).first, QStringLiteral("sk-session"));
        QCOMPARE(readNow(store, before).first, QString());
        // Storing a new key under the new name makes that the one in use.
        error.reset();
        store.write(after.name, QStringLiteral("sk-new"), &store, [&error](const QString &e) { error = e; });
        QTRY_VERIFY(error.has_value());
        QCOMPARE(readNow(store, after).first, QStringLiteral("sk-new"));
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
