#include "codeeditor.h"
#include "completioncontroller.h"
#include "fakeupstream.h"
#include "fimclient.h"
#include "mainwindow.h"

#include <QComboBox>
#include <QNetworkAccessManager>
#include <QStatusBar>
#include <QTest>

class TestMainWindow : public QObject
{
    Q_OBJECT

    QNetworkAccessManager m_network;

private slots:
    void opensWithTheSampleAndTheCursorAtItsHole()
    {
        FimClient client(&m_network);
        MainWindow window(&client);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCOMPARE(window.centralWidget(), window.editor());
        QVERIFY(window.windowTitle().startsWith(QStringLiteral("Untitled")));
        QVERIFY(!window.isWindowModified());
        QVERIFY(window.editor()->toPlainText().startsWith(QStringLiteral("def calculate_sum(a, b):\n    ")));
        QCOMPARE(window.editor()->textCursor().position(), 29);
        QCOMPARE(window.editor()->definitionName(), QStringLiteral("Python"));
        QCOMPARE(window.statusBar()->findChildren<QComboBox *>().size(), 2);
    }

    void typingMarksModified()
    {
        FimClient client(&m_network);
        MainWindow window(&client);
        window.completion()->setAutoTrigger(false);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.editor()->setFocus();
        QTest::keyClicks(window.editor(), QStringLiteral("x"));
        QVERIFY(window.isWindowModified());
    }

    void errorsShowInTheStatusBar()
    {
        FakeUpstream server;
        QVERIFY(server.listen());
        server.setReply("/v1/fim/completions", FakeUpstream::json(401, "{\"message\":\"Unauthorized\"}"));
        FimClient client(&m_network);
        client.setEndpoint(Endpoint{QStringLiteral("t"), EndpointKind::Proxy, server.url()}, QString());
        MainWindow window(&client);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.editor()->setFocus();
        QTest::keyClick(window.editor(), Qt::Key_Space, Qt::ControlModifier);
        QTRY_VERIFY(window.statusBar()->currentMessage().contains(QStringLiteral("FIM_PROXY_TOKEN")));
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
