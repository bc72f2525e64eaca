#include "bytecheck.h"
#include "editor/codeeditor.h"
#include "editor/completioncontroller.h"
#include "settings/commandline.h"
#include "testcontext.h"
#include "testwindow.h"
#include "window/filecontroller.h"
#include "window/mainwindow.h"
#include "window/noticebar.h"
#include "window/statusindicators.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QTest>
#include <QTimer>
#include <QToolButton>

// Files through the real window: what is saved is byte for byte what the user has.
class TestFileController : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestContext> m_ctx;
    std::unique_ptr<MainWindow> m_window;

    void open(const PlaygroundOptions &options = {})
    {
        m_window = openTestWindow(m_ctx->context.get(), options);
        QVERIFY(m_window);
    }

    // Opens the file as `fim-playground PATH` does.
    void openFile(const QString &path)
    {
        PlaygroundOptions options;
        options.file = path;
        open(options);
    }

    QString copyOfCorpus(const QString &name)
    {
        const QString from = QDir(qEnvironmentVariable("FIM_TEST_DATA")).filePath(QStringLiteral("textfiles/") + name);
        const QString to = m_ctx->dir.filePath(name);
        QFile::remove(to);
        if (!QFile::copy(from, to))
            qFatal("cannot copy %s", qPrintable(from));
        return to;
    }

    static QByteArray bytesOf(const QString &path)
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("<unreadable>");
    }

    // Clicks the button with this text (mnemonics aside) in the message box that comes up next.
    static void answerNextDialog(const QString &buttonText, int triesLeft = 500)
    {
        QTimer::singleShot(10, qApp, [buttonText, triesLeft] {
            for (QWidget *w : QApplication::topLevelWidgets()) {
                auto *box = qobject_cast<QMessageBox *>(w);
                if (!box || !box->isVisible())
                    continue;
                for (QAbstractButton *b : box->buttons()) {
                    if (b->text().remove(QLatin1Char('&')) == buttonText)
                        return b->click();
                }
                qWarning("no button %s", qPrintable(buttonText));
                return box->reject();
            }
            if (triesLeft > 0)
                answerNextDialog(buttonText, triesLeft - 1);
        });
    }

private slots:
    void init() { m_ctx = std::make_unique<TestContext>(); }
    void cleanup()
    {
        if (m_window)
            m_window->editor()->document()->setModified(false);
        m_window.reset();
        m_ctx.reset();
    }

    void corpusIsByteIdentical_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("status");
        QTest::newRow("CRLF") << "crlf.py" << "UTF-8 CRLF";
        QTest::newRow("BOM") << "bom-utf8.py" << "UTF-8 with BOM LF";
        QTest::newRow("Latin-1") << "latin1.txt" << "ISO-8859-1 LF";
        QTest::newRow("no final newline") << "no-final-newline.c" << "UTF-8 LF";
        QTest::newRow("form feed") << "form-feed.c" << "UTF-8 LF";
        QTest::newRow("no-break space") << "nbsp.md" << "UTF-8 LF";
        QTest::newRow("tabs") << "tabs.go" << "UTF-8 LF";
        QTest::newRow("empty") << "empty.txt" << "UTF-8 LF";
        QTest::newRow("UTF-16LE") << "utf16le-bom.txt" << "UTF-16LE with BOM CRLF";
        QTest::newRow("CR") << "cr-only.txt" << "UTF-8 CR";
    }
    void corpusIsByteIdentical()
    {
        QFETCH(QString, file);
        QFETCH(QString, status);
        const QString path = copyOfCorpus(file);
        const QByteArray original = bytesOf(path);
        openFile(path);
        // The status bar says what the file is.
        const StatusIndicators *ind = m_window->indicators();
        QCOMPARE(ind->encodingButton()->text() + QLatin1Char(' ') + ind->lineEndingButton()->text(), status);
        QVERIFY(m_window->files()->save());
        QCOMPARE(bytesOf(path), original);
        // One character typed with a real key changes only that character.
        QTextCursor c = m_window->editor()->textCursor();
        c.setPosition(m_window->editor()->document()->characterCount() / 2);
        m_window->editor()->setTextCursor(c);
        QTest::keyClick(m_window->editor(), Qt::Key_X);
        QVERIFY(m_window->files()->save());
        const QByteArray x = TextFile::encode(u"x", TextFormat{m_window->files()->format().encoding, false, TextFormat::LineEnding::LF}).bytes;
        QVERIFY2(isSingleInsertion(original, bytesOf(path), x), bytesOf(path).toHex(' ').constData());
    }

    void megabyteLineIsByteIdentical()
    {
        QByteArray bytes(1024 * 1024, 'a');
        bytes += "\r\n\tend\r\n";
        const QString path = m_ctx->dir.filePath(QStringLiteral("long.txt"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(bytes);
        f.close();
        openFile(path);
        QVERIFY(m_window->files()->save());
        QCOMPARE(bytesOf(path), bytes);
    }

    // Latin-1 cannot hold "€": the user is asked, and chooses.
    void lossySaveAsks()
    {
        const QString path = copyOfCorpus(QStringLiteral("latin1.txt"));
        const QByteArray original = bytesOf(path);
        openFile(path);
        m_window->editor()->moveCursor(QTextCursor::End);
        QKeyEvent euro(QEvent::KeyPress, 0, Qt::NoModifier, QStringLiteral("\u20ac"));
        QApplication::sendEvent(m_window->editor(), &euro);
        answerNextDialog(QStringLiteral("Cancel"));
        QVERIFY(!m_window->files()->save());
        QCOMPARE(bytesOf(path), original); // nothing written
        QVERIFY(m_window->isWindowModified());
        answerNextDialog(QStringLiteral("Save as UTF-8"));
        QVERIFY(m_window->files()->save());
        QCOMPARE(bytesOf(path), QString::fromLatin1(original).append(QStringLiteral("\u20ac")).toUtf8());
        QCOMPARE(m_window->indicators()->encodingButton()->text(), QStringLiteral("UTF-8"));
    }

    // The status bar's menus change what Save writes.
    void encodingAndLineBreaksCanBeChanged()
    {
        const QString path = copyOfCorpus(QStringLiteral("crlf.py"));
        openFile(path);
        auto trigger = [](QToolButton *button, const QString &text) {
            emit button->menu()->aboutToShow(); // the menu opens (the encoding menu fills then)
            for (QAction *a : button->menu()->actions())
                if (a->text() == text)
                    return a->trigger(), true;
            return false;
        };
        QVERIFY(trigger(m_window->indicators()->lineEndingButton(), QStringLiteral("LF (Unix, macOS)")));
        QVERIFY(trigger(m_window->indicators()->encodingButton(), QStringLiteral("UTF-8 with BOM")));
        QVERIFY(m_window->isWindowModified());
        QVERIFY(m_window->files()->save());
        QCOMPARE(bytesOf(path), QByteArray("\xEF\xBB\xBF" "def add(a, b):\n    return a + b\n\nprint(add(1, 2))\n"));
        QCOMPARE(m_window->indicators()->lineEndingButton()->text(), QStringLiteral("LF"));
    }

    void reopenWithAnotherEncoding()
    {
        const QString path = m_ctx->dir.filePath(QStringLiteral("cp1252.txt"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("price: 5\x80\n"); // 0x80 is the euro sign in windows-1252
        f.close();
        openFile(path);
        QCOMPARE(m_window->files()->format().encoding, QByteArray("ISO-8859-1")); // not UTF-8: every byte kept
        if (!TextFile::isEncodingAvailable("windows-1252"))
            QSKIP("no windows-1252 codec in this Qt build");
        QVERIFY(m_window->files()->reopenWithEncoding("windows-1252"));
        QCOMPARE(m_window->editor()->exactText(), QStringLiteral("price: 5\u20ac\n"));
        QVERIFY(m_window->files()->save());
        QCOMPARE(bytesOf(path), QByteArray("price: 5\x80\n"));
        // The next start reads it as windows-1252 again.
        QVERIFY(m_window->files()->saveSessionNow());
        m_window.reset();
        m_ctx->restart();
        open();
        QCOMPARE(m_window->files()->format().encoding, QByteArray("windows-1252"));
        QCOMPARE(m_window->editor()->exactText(), QStringLiteral("price: 5\u20ac\n"));
        // A file that changed since is detected again, not forced through last time's encoding.
        QFile again(path);
        QVERIFY(again.open(QIODevice::WriteOnly));
        again.write("caf\xc3\xa9\n");
        again.close();
        QVERIFY(m_window->files()->saveSessionNow());
        m_window.reset();
        m_ctx->restart();
        open();
        QCOMPARE(m_window->files()->format().encoding, QByteArray("UTF-8"));
        QVERIFY(m_window->files()->save());
        QCOMPARE(bytesOf(path), QByteArray("caf\xc3\xa9\n"));
    }

    // fim-playground PATH for a file that does not exist yet: an empty buffer named PATH, which
    // Save creates, as Kate and vim do.
    void newPathFromTheCommandLine()
    {
        const QString path = m_ctx->dir.filePath(QStringLiteral("brand-new.py"));
        openFile(path);
        QCOMPARE(m_window->editor()->exactText(), QString());
        QCOMPARE(m_window->files()->filePath(), path);
        QVERIFY(m_window->files()->isNewFile());
        QVERIFY(m_window->windowTitle().startsWith(QStringLiteral("brand-new.py")));
        QCOMPARE(m_window->editor()->definitionName(), QStringLiteral("Python"));
        QVERIFY(!QFile::exists(path));
        QTest::keyClicks(m_window->editor(), QStringLiteral("x = 1"));
        QTest::keyClick(m_window->editor(), Qt::Key_S, Qt::ControlModifier);
        QCOMPARE(bytesOf(path), QByteArray("x = 1"));
        QVERIFY(!m_window->files()->isNewFile());
    }

    // The session keeps the file's format; an unmodified file is read again in it.
    void sessionKeepsTheFormat()
    {
        const QString path = copyOfCorpus(QStringLiteral("latin1.txt"));
        const QByteArray original = bytesOf(path);
        openFile(path);
        QVERIFY(m_window->files()->saveSessionNow());
        m_window.reset();
        m_ctx->restart();
        open();
        QCOMPARE(m_window->files()->filePath(), path);
        QCOMPARE(m_window->files()->format().encoding, QByteArray("ISO-8859-1"));
        QVERIFY(m_window->editor()->exactText().contains(QStringLiteral("Stra\u00dfe")));
        QVERIFY(m_window->files()->save());
        QCOMPARE(bytesOf(path), original);
    }

    // A file of the last session that cannot be read is reported and never becomes an empty
    // buffer that Save would write over it.
    void unreadableFileAtRestoreIsReported()
    {
        const QString path = copyOfCorpus(QStringLiteral("tabs.go"));
        openFile(path);
        QVERIFY(m_window->files()->saveSessionNow());
        m_window.reset();
        QVERIFY(QFile::remove(path));
        QVERIFY(QDir().mkdir(path)); // now a folder: exists, cannot be read as a file
        m_ctx->restart();
        open();
        QVERIFY(m_window->files()->filePath().isEmpty());
        QVERIFY(!m_window->editor()->exactText().isEmpty()); // a sample, not an empty buffer
        QVERIFY2(m_window->noticeBar()->text().contains(QStringLiteral("could not be read")),
                 qPrintable(m_window->noticeBar()->text()));
        QVERIFY(m_window->noticeBar()->text().contains(QStringLiteral("tabs.go")));
    }
};

QTEST_MAIN(TestFileController)
#include "tst_filecontroller.moc"
