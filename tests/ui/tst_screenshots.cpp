#include "codeeditor.h"
#include "completioncontroller.h"
#include "fakeupstream.h"
#include "fimclient.h"
#include "mainwindow.h"
#include "screenshot.h"

#include <QApplication>
#include <QIcon>
#include <QNetworkAccessManager>
#include <QTest>

// Renders the main window in its key states to PNG files under the build folder
// ($FIM_SCREENSHOT_DIR) and checks that each picture shows something. The suggestions come from the
// fake upstream through the real client, as in use.
class TestScreenshots : public QObject
{
    Q_OBJECT

    QNetworkAccessManager m_network;

    // Puts text in the window, asks at the cursor with Ctrl+Space and waits for the ghost text.
    static bool suggest(MainWindow &window, FakeUpstream &server, const QString &text, int cursor,
                        const QString &answer)
    {
        server.setReply("/v1/fim/completions", FakeUpstream::codestralCompletion(answer));
        window.loadText(text, cursor, QStringLiteral("sample.py"));
        window.editor()->setFocus();
        QTest::keyClick(window.editor(), Qt::Key_Space, Qt::ControlModifier);
        return QTest::qWaitFor([&window] { return window.editor()->hasSuggestion(); }, 5000);
    }

private slots:
    void initTestCase() { QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/fim-playground.svg"))); }

    void mainWindow()
    {
        FimClient client(&m_network);
        MainWindow window(&client);
        window.completion()->setAutoTrigger(false);
        const QImage image = Screenshot::grab(&window);
        QVERIFY(!image.isNull());
        const QString path = Screenshot::save(image, QStringLiteral("mainwindow"));
        QVERIFY2(!path.isEmpty(), "could not write the screenshot");
        // The editor must show legible text, not an empty (transparently painted) page.
        const int lineHeight = window.editor()->fontMetrics().height();
        const QImage editorImage = window.editor()->viewport()->grab(QRect(0, 0, 300, 5 * lineHeight)).toImage();
        QVERIFY2(Screenshot::inkRatio(editorImage) > 0.02,
                 qPrintable(QStringLiteral("editor looks blank, ink ratio %1").arg(Screenshot::inkRatio(editorImage))));
    }

    void suggestions_data()
    {
        QTest::addColumn<QString>("theme");
        QTest::addColumn<bool>("multiLine");
        QTest::newRow("inline-light") << QStringLiteral("Breeze Light") << false;
        QTest::newRow("inline-dark") << QStringLiteral("Breeze Dark") << false;
        QTest::newRow("multiline-light") << QStringLiteral("Breeze Light") << true;
        QTest::newRow("multiline-dark") << QStringLiteral("Breeze Dark") << true;
    }

    void suggestions()
    {
        QFETCH(QString, theme);
        QFETCH(bool, multiLine);
        FakeUpstream server;
        QVERIFY(server.listen());
        FimClient client(&m_network);
        client.setEndpoint(Endpoint{QStringLiteral("Local proxy"), EndpointKind::Proxy, server.url()}, QString());
        MainWindow window(&client);
        window.completion()->setAutoTrigger(false);
        window.setEditorTheme(theme);
        window.resize(900, 420);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        const QString text = multiLine
            ? QStringLiteral("class User:\n    def __init__(self, name):\n        \n\n    def greet(self):\n        "
                             "return f\"Hello, {self.name}\"\n")
            : QStringLiteral("def calculate_sum(a, b):\n    return \n\nresult = calculate_sum(5, 3)\nprint(result)\n");
        const int cursor = multiLine ? 50 : 36;
        const QString answer = multiLine ? QStringLiteral("self.name = name\n        self.created = time.time()\n        self.visits = 0")
                                         : QStringLiteral("a + b");
        QVERIFY(suggest(window, server, text, cursor, answer));
        QCOMPARE(window.editor()->toPlainText(), text);
        const QImage image = Screenshot::grab(&window);
        QVERIFY(!Screenshot::save(image, QStringLiteral("suggestion-") + QString::fromLatin1(QTest::currentDataTag())).isEmpty());
        QVERIFY(Screenshot::inkRatio(window.editor()->viewport()->grab().toImage()) > 0.01);
    }

    void applicationIconLoads()
    {
        const QIcon icon(QStringLiteral(":/icons/fim-playground.svg"));
        const QImage image = icon.pixmap(64, 64).toImage();
        QVERIFY(!image.isNull());
        QVERIFY(Screenshot::inkRatio(image) > 0.1);
    }
};

QTEST_MAIN(TestScreenshots)
#include "tst_screenshots.moc"
