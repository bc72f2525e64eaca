#include "settings/sessionstore.h"
#include "window/syntaxwarmup.h"

#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Format>
#include <KSyntaxHighlighting/Repository>
#include <KSyntaxHighlighting/Theme>

#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <future>

// What main() reads on another thread while Qt starts: the definition the window will open with
// (command line, session, sample) and a Repository usable on the thread it is handed to.
class TestSyntaxWarmUp : public QObject
{
    Q_OBJECT

private:
    QString sessionWith(const Session &session)
    {
        const QString path = m_dir.filePath(QStringLiteral("session-%1.json").arg(++m_sessions));
        SessionStore store(path);
        QString error;
        if (!store.save(session, &error))
            qWarning("%s", qPrintable(error));
        return path;
    }

    QTemporaryDir m_dir;
    int m_sessions = 0;
    KSyntaxHighlighting::Repository m_repository;

private slots:
    void startLanguage_data()
    {
        QTest::addColumn<QString>("commandLineFile");
        QTest::addColumn<QString>("session");    // "none", "broken", or what the session holds
        QTest::addColumn<QString>("expected");

        QTest::newRow("the command line's file wins over the session") << "main.rs" << "language:Go" << "Rust";
        QTest::newRow("the session's language") << "" << "language:Go" << "Go";
        QTest::newRow("the session's file when it has no language") << "" << "file:/tmp/app.js" << "JavaScript";
        QTest::newRow("an untitled session without a language: plain text") << "" << "untitled" << "";
        QTest::newRow("no session: the first sample's language") << "" << "none" << "Python";
        QTest::newRow("a broken session is none: the sample") << "" << "broken" << "Python";
        QTest::newRow("a large session is left to the window") << "" << "large" << "";
    }

    void startLanguage()
    {
        QFETCH(QString, commandLineFile);
        QFETCH(QString, session);
        QFETCH(QString, expected);
        QString path = m_dir.filePath(QStringLiteral("absent.json"));
        if (session == u"broken") {
            path = m_dir.filePath(QStringLiteral("broken.json"));
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("{\"text\": \"def f(");
        } else if (session.startsWith(u"language:")) {
            Session s;
            s.text = QStringLiteral("package main\n");
            s.language = session.mid(9);
            path = sessionWith(s);
        } else if (session.startsWith(u"file:")) {
            Session s;
            s.filePath = session.mid(5);
            s.text = QStringLiteral("let x = 1;\n");
            s.modified = true;
            path = sessionWith(s);
        } else if (session == u"large") {
            Session s;
            s.text = QString(SyntaxWarmUp::MaxSessionBytes, u'x');
            s.language = QStringLiteral("Go");
            path = sessionWith(s);
        } else if (session == u"untitled") {
            Session s;
            s.text = QStringLiteral("notes\n");
            path = sessionWith(s);
        }
        QCOMPARE(SyntaxWarmUp::startLanguage(m_repository, commandLineFile, path), expected);
    }

    // As main() uses it: made on a worker thread, moved to this one, then used here. The themes'
    // colours and the definition are there; the editor's matching of the palette finds a theme.
    void loadOnAThreadAndHandOver()
    {
        Session s;
        s.text = QStringLiteral("fn main() {}\n");
        s.language = QStringLiteral("Rust");
        const QString path = sessionWith(s);
        QThread *here = QThread::currentThread();
        std::future<std::unique_ptr<KSyntaxHighlighting::Repository>> made = std::async(std::launch::async, [path, here] {
            std::unique_ptr<KSyntaxHighlighting::Repository> r = SyntaxWarmUp::load(QString(), path);
            r->moveToThread(here);
            return r;
        });
        const std::unique_ptr<KSyntaxHighlighting::Repository> repository = made.get();
        QCOMPARE(repository->thread(), here);
        const KSyntaxHighlighting::Definition rust = repository->definitionForName(QStringLiteral("Rust"));
        QVERIFY(rust.isValid());
        QVERIFY(!rust.formats().isEmpty());
        QVERIFY(!repository->themes().isEmpty());
        QVERIFY(repository->themeForPalette(QPalette(Qt::white)).isValid());
        QVERIFY(repository->themeForPalette(QPalette(Qt::black)).isValid());
    }
};

QTEST_GUILESS_MAIN(TestSyntaxWarmUp)
#include "tst_syntaxwarmup.moc"
