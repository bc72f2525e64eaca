#include "mainwindow.h"

#include <QApplication>
#include <QPlainTextEdit>
#include <QTest>

class TestMainWindow : public QObject
{
    Q_OBJECT

private slots:
    void opensWithEditor()
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.editor());
        QCOMPARE(window.centralWidget(), window.editor());
        QVERIFY(window.windowTitle().startsWith(QStringLiteral("Untitled")));
        QVERIFY(!window.isWindowModified());
    }

    void typingMarksModified()
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.editor()->setFocus();
        QTest::keyClicks(window.editor(), QStringLiteral("x"));
        QVERIFY(window.isWindowModified());
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
