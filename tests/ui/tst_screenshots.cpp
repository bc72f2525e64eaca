#include "mainwindow.h"
#include "screenshot.h"

#include <QApplication>
#include <QIcon>
#include <QPlainTextEdit>
#include <QTest>

// Renders the main window in its key states to PNG files under the build folder
// ($FIM_SCREENSHOT_DIR) and checks that each picture shows something.
class TestScreenshots : public QObject
{
    Q_OBJECT

private slots:
    void mainWindow()
    {
        QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/fim-playground.svg")));
        MainWindow window;
        const QImage image = Screenshot::grab(&window);
        QVERIFY(!image.isNull());
        const QString path = Screenshot::save(image, QStringLiteral("mainwindow"));
        QVERIFY2(!path.isEmpty(), "could not write the screenshot");
        // The editor must show legible text, not an empty (transparently painted) page.
        const int lineHeight = window.editor()->fontMetrics().height();
        const QImage editorImage = window.editor()->viewport()->grab(QRect(0, 0, 300, 5 * lineHeight)).toImage();
        QVERIFY2(Screenshot::inkRatio(editorImage) > 0.02,
                 qPrintable(QStringLiteral("editor looks blank, ink ratio %1").arg(Screenshot::inkRatio(editorImage))));
        qInfo("screenshot: %s", qPrintable(path));
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
