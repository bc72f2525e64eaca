#include "secretstore.h"

#include <QSignalSpy>
#include <QTest>

class TestSecretStore : public QObject
{
    Q_OBJECT

    static std::pair<QString, QString> readNow(SecretStore &store, const Endpoint &endpoint)
    {
        std::optional<std::pair<QString, QString>> got;
        store.read(endpoint, [&got](const QString &secret, const QString &error) { got = {secret, error}; });
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
        store.read(Endpoint{QStringLiteral("x"), EndpointKind::Proxy, Endpoint::defaultProxyUrl()},
                   [&called](const QString &, const QString &) { called = true; });
        QVERIFY(!called);
        QTRY_VERIFY(called);
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
