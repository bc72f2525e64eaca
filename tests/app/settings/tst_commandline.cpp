#include "settings/commandline.h"

#include <QCoreApplication>
#include <QTest>

class TestCommandLine : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QCoreApplication::setApplicationName(QStringLiteral("fim-playground"));
        QCoreApplication::setApplicationVersion(QStringLiteral("9.8.7"));
    }

    void actions_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("action");
        QTest::addColumn<QString>("textContains");
        using A = CommandLineResult::Action;
        QTest::newRow("nothing") << QStringList{} << int(A::Run) << QString();
        QTest::newRow("help") << QStringList{QStringLiteral("--help")} << int(A::ShowHelp) << QStringLiteral("--cursor");
        QTest::newRow("version") << QStringList{QStringLiteral("--version")} << int(A::ShowVersion)
                                 << QStringLiteral("fim-playground 9.8.7");
        QTest::newRow("unknown option") << QStringList{QStringLiteral("--frobnicate")} << int(A::Error)
                                        << QStringLiteral("frobnicate");
        QTest::newRow("bad kind") << QStringList{QStringLiteral("--kind"), QStringLiteral("vllm")} << int(A::Error)
                                  << QStringLiteral("llamacpp, ollama, openai or replay, got \"vllm\"");
        QTest::newRow("replay with another kind") << QStringList{QStringLiteral("--endpoint"), QStringLiteral("replay://history"), QStringLiteral("--kind"), QStringLiteral("proxy")}
                                                  << int(A::Error) << QStringLiteral("give --kind replay");
        QTest::newRow("bad url") << QStringList{QStringLiteral("--endpoint"), QStringLiteral("ftp://x")} << int(A::Error)
                                 << QStringLiteral("http://");
        QTest::newRow("url without host") << QStringList{QStringLiteral("--endpoint"), QStringLiteral("http://")}
                                          << int(A::Error) << QStringLiteral("http://");
        QTest::newRow("bad cursor") << QStringList{QStringLiteral("--cursor"), QStringLiteral("0:3")} << int(A::Error)
                                    << QStringLiteral("LINE:COL");
        QTest::newRow("cursor words") << QStringList{QStringLiteral("--cursor"), QStringLiteral("a:b")} << int(A::Error)
                                      << QStringLiteral("LINE:COL");
        QTest::newRow("two files") << QStringList{QStringLiteral("a.py"), QStringLiteral("b.py")} << int(A::Error)
                                   << QStringLiteral("Only one file");
    }

    void actions()
    {
        QFETCH(QStringList, args);
        QFETCH(int, action);
        QFETCH(QString, textContains);
        args.prepend(QStringLiteral("fim-playground"));
        const CommandLineResult result = parsePlaygroundCommandLine(args);
        QCOMPARE(int(result.action), action);
        QVERIFY2(result.text.contains(textContains), qPrintable(result.text));
    }

    // Qt's own options are QApplication's: recognised so the line is read again once it took them.
    void qtOptions_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<bool>("qt");
        QTest::newRow("none") << QStringList{QStringLiteral("a.py"), QStringLiteral("--model"), QStringLiteral("m")} << false;
        QTest::newRow("-style windows") << QStringList{QStringLiteral("-style"), QStringLiteral("windows")} << true;
        QTest::newRow("--style=fusion") << QStringList{QStringLiteral("--style=fusion")} << true;
        QTest::newRow("-reverse and a file") << QStringList{QStringLiteral("a.py"), QStringLiteral("-reverse")} << true;
        QTest::newRow("-platform offscreen") << QStringList{QStringLiteral("-platform"), QStringLiteral("offscreen")} << true;
        QTest::newRow("a typo is ours to report") << QStringList{QStringLiteral("--stlye"), QStringLiteral("fusion")} << false;
        QTest::newRow("after -- it is a file") << QStringList{QStringLiteral("--"), QStringLiteral("-style")} << false;
        QTest::newRow("a value, not an option") << QStringList{QStringLiteral("--model"), QStringLiteral("style")} << false;
    }

    void qtOptions()
    {
        QFETCH(QStringList, args);
        QFETCH(bool, qt);
        args.prepend(QStringLiteral("fim-playground"));
        QCOMPARE(hasQtGuiOption(args), qt);
    }

    void fullOptions()
    {
        const CommandLineResult result = parsePlaygroundCommandLine(
            {QStringLiteral("fim-playground"), QStringLiteral("--endpoint"), QStringLiteral("http://127.0.0.1:8787"),
             QStringLiteral("--kind"), QStringLiteral("proxy"), QStringLiteral("--model"), QStringLiteral("m1"),
             QStringLiteral("--cursor"), QStringLiteral("12:5"), QStringLiteral("demo.py")});
        QCOMPARE(int(result.action), int(CommandLineResult::Action::Run));
        QCOMPARE(result.options.file, QStringLiteral("demo.py"));
        QCOMPARE(result.options.endpointUrl, QStringLiteral("http://127.0.0.1:8787"));
        QCOMPARE(result.options.kind, QStringLiteral("proxy"));
        QCOMPARE(result.options.model, QStringLiteral("m1"));
        QCOMPARE(result.options.line, 12);
        QCOMPARE(result.options.column, 5);
    }

    // The replay's URL names its kind.
    void replayUrl()
    {
        const CommandLineResult result = parsePlaygroundCommandLine({QStringLiteral("fim-playground"), QStringLiteral("--endpoint"), QStringLiteral("replay://history")});
        QCOMPARE(int(result.action), int(CommandLineResult::Action::Run));
        QCOMPARE(result.options.endpointUrl, QStringLiteral("replay://history"));
        QCOMPARE(result.options.kind, QStringLiteral("replay"));
    }

    void cursorLineOnly()
    {
        const CommandLineResult result = parsePlaygroundCommandLine(
            {QStringLiteral("fim-playground"), QStringLiteral("--cursor"), QStringLiteral("7")});
        QCOMPARE(result.options.line, 7);
        QCOMPARE(result.options.column, 1);
    }

    void timings()
    {
        QVERIFY(!parsePlaygroundCommandLine({QStringLiteral("fim-playground")}).options.timings);
        const CommandLineResult result =
            parsePlaygroundCommandLine({QStringLiteral("fim-playground"), QStringLiteral("--timings"), QStringLiteral("demo.py")});
        QCOMPARE(int(result.action), int(CommandLineResult::Action::Run));
        QVERIFY(result.options.timings);
        QCOMPARE(result.options.file, QStringLiteral("demo.py"));
        QVERIFY(parsePlaygroundCommandLine({QStringLiteral("fim-playground"), QStringLiteral("--help")}).text.contains(u"--timings"));
    }
};

QTEST_GUILESS_MAIN(TestCommandLine)
#include "tst_commandline.moc"
