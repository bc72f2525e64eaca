#include "editor/codeeditor.h"
#include "fakeupstream.h"
#include "settings/commandline.h"
#include "testcontext.h"
#include "testwindow.h"
#include "text/stopsequences.h"
#include "window/mainwindow.h"
#include "window/requesttoolbar.h"

#include <QAction>
#include <QStyleOptionComboBox>
#include <QStyle>
#include <QComboBox>
#include <QSignalSpy>
#include <QTest>

// The request toolbar in the real window: what it sends, what it keeps, what it names, and each
// profile's own parameters.
class TestRequestToolbar : public WindowTest
{
    Q_OBJECT

private slots:
    void init() { QVERIFY(setUpWindowTest()); }
    void cleanup()
    {
        tearDownWindowTest();
        qunsetenv("CODESTRAL_API_KEY");
    }

    void toolbarParametersApplyToTheNextRequest()
    {
        open();
        FimRequest r = m_window->requestToolbar()->parameters();
        r.maxTokens = 17;
        r.temperature = 0.5;
        r.stop = {QStringLiteral("\n\n")};
        r.randomSeed = 42;
        r.stream = false;
        m_window->requestToolbar()->setParameters(r);
        completeAtCursor();
        const QJsonObject sent = m_server->lastRequestTo("/v1/fim/completions").json();
        QCOMPARE(sent.value(u"max_tokens").toInt(), 17);
        QCOMPARE(sent.value(u"temperature").toDouble(), 0.5);
        QCOMPARE(sent.value(u"stop").toString(), QStringLiteral("\n\n"));
        QCOMPARE(sent.value(u"random_seed").toInt(), 42);
        QCOMPARE(StopSequences::parse(QStringLiteral("\\n\\n|def ")), (QStringList{QStringLiteral("\n\n"), QStringLiteral("def ")}));
    }

    // The toolbar keeps what it has no field for, takes a 64-bit seed, and can leave temperature
    // unset; the profile box names the endpoint in use.
    // A profile added while the window is up (llama-server found on this machine) is named whole
    // in the box: the box grows to its longest name.
    void aLongerProfileNameFitsTheBox()
    {
        open();
        auto *box = m_window->findChild<QComboBox *>(QStringLiteral("profileBox"));
        QVERIFY(box);
        m_window->requestToolbar()->setProfiles({QStringLiteral("Local proxy"), QStringLiteral("llama-server :8080")},
                                                QStringLiteral("llama-server :8080"));
        QStyleOptionComboBox option;
        option.initFrom(box);
        option.editable = false;
        QTRY_VERIFY2(box->style()->subControlRect(QStyle::CC_ComboBox, &option, QStyle::SC_ComboBoxEditField, box).width()
                         >= box->fontMetrics().horizontalAdvance(QStringLiteral("llama-server :8080")),
                     qPrintable(QStringLiteral("box %1 wide, hint %2").arg(box->width()).arg(box->sizeHint().width())));
    }

    void toolbarKeepsParameters()
    {
        m_ctx->context->settings().request.minTokens = 3;
        open();
        QCOMPARE(m_ctx->context->settings().request.minTokens, std::optional<int>(3)); // not wiped at start-up
        FimRequest r = m_window->requestToolbar()->parameters();
        r.randomSeed = 9007199254740993LL; // past 2^53, far past int
        r.temperature.reset();
        r.topP.reset();
        m_window->requestToolbar()->setParameters(r);
        completeAtCursor();
        const QByteArray body = m_server->lastRequestTo("/v1/fim/completions").body;
        QVERIFY2(body.contains("\"random_seed\":9007199254740993"), body.constData());
        const QJsonObject sent = m_server->lastRequestTo("/v1/fim/completions").json();
        QVERIFY(!sent.contains(QStringLiteral("temperature")));
        QVERIFY(!sent.contains(QStringLiteral("top_p")));
        QCOMPARE(sent.value(u"min_tokens").toInt(), 3);
    }

    void toolbarNamesTheCommandLineEndpoint()
    {
        PlaygroundOptions options;
        options.endpointUrl = m_server->url().toString();
        options.kind = QStringLiteral("codestral");
        open(options);
        QTRY_COMPARE(m_window->requestToolbar()->activeProfile(), QStringLiteral("Command line"));
        QVERIFY(m_window->windowTitle().endsWith(QStringLiteral("Command line")));
    }

    // A profile remembers its model and parameters; switching profile switches them, and they
    // survive a restart. An unset temperature stays unset.
    void profilesRememberTheirModelAndParameters()
    {
        qputenv("CODESTRAL_API_KEY", "sk-test");
        open();
        RequestToolbar *toolbar = m_window->requestToolbar();
        FimRequest local = toolbar->parameters();
        local.model = QStringLiteral("local-model");
        local.maxTokens = 33;
        local.temperature.reset();
        toolbar->setParameters(local);
        m_ctx->context->activateProfile(QStringLiteral("Codestral"));
        QTRY_COMPARE(toolbar->activeProfile(), QStringLiteral("Codestral"));
        FimRequest codestral = toolbar->parameters();
        codestral.model = QStringLiteral("codestral-2508");
        codestral.maxTokens = 99;
        toolbar->setParameters(codestral);
        m_ctx->context->activateProfile(QStringLiteral("Local proxy"));
        QTRY_COMPARE(toolbar->parameters().model, QStringLiteral("local-model"));
        QCOMPARE(toolbar->parameters().maxTokens, std::optional<int>(33));
        QVERIFY(!toolbar->parameters().temperature);
        QVERIFY(m_ctx->context->saveSettings());
        m_window.reset();
        m_ctx->restart(m_server->url());
        open();
        QTRY_COMPARE(m_window->requestToolbar()->parameters().model, QStringLiteral("local-model"));
        QVERIFY(!m_window->requestToolbar()->parameters().temperature);
        m_ctx->context->activateProfile(QStringLiteral("Codestral"));
        QTRY_COMPARE(m_window->requestToolbar()->parameters().model, QStringLiteral("codestral-2508"));
        QCOMPARE(m_window->requestToolbar()->parameters().maxTokens, std::optional<int>(99));
        qunsetenv("CODESTRAL_API_KEY");
    }
};

QTEST_MAIN(TestRequestToolbar)
#include "tst_requesttoolbar.moc"
