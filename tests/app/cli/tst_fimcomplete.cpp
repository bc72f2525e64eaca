#include "fakeservers.h"
#include "fakeupstream.h"
#include "fimcompleterun.h"
#include "history/historystore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QFile>
#include <QMap>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

// Runs the fim-complete executable against the fake upstream, as a user would from a terminal.
class TestFimComplete : public QObject
{
    Q_OBJECT

    FakeUpstream *m_server = nullptr;

    struct Run
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };

    // The fake server lives in this event loop: FimCompleteRun waits with a spy.
    static Run run(const QStringList &args, const QStringList &env = {})
    {
        const FimCompleteRun r = FimCompleteRun::run(args, {QStringLiteral("CODESTRAL_API_KEY"), QStringLiteral("FIM_PROXY_TOKEN")}, env, 20000);
        return Run{r.exitCode, r.out, r.err};
    }

    QStringList endpointArgs() const { return {QStringLiteral("--endpoint"), m_server->url().toString()}; }

private slots:
    void init()
    {
        m_server = new FakeUpstream(this);
        QVERIFY(m_server->listen());
    }
    void cleanup() { delete m_server; }

    void printsTheCompletion()
    {
        m_server->setReply("/v1/fim/completions", FakeUpstream::seedCompletion(QStringLiteral("return a + b")));
        const Run r = run(endpointArgs() << QStringLiteral("--prefix") << QStringLiteral("def add(a, b):\n    ")
                                         << QStringLiteral("--suffix") << QStringLiteral("\nprint(add(1, 2))")
                                         << QStringLiteral("--max-tokens") << QStringLiteral("50"));
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QByteArray("return a + b\n"));
        const QJsonObject sent = m_server->requests().constLast().json();
        QCOMPARE(sent.value(u"max_tokens").toInt(), 50);
        QCOMPARE(sent.value(u"suffix").toString(), QStringLiteral("\nprint(add(1, 2))"));
    }

    void jsonHasEveryTiming()
    {
        const Run r = run(endpointArgs() << QStringLiteral("--prefix") << QStringLiteral("x") << QStringLiteral("--json"));
        QCOMPARE(r.exitCode, 0);
        const QJsonObject o = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(o.value(u"text").toString(), QStringLiteral("return a + b"));
        QCOMPARE(o.value(u"finish_reason").toString(), QStringLiteral("stop"));
        QCOMPARE(o.value(u"status").toInt(), 200);
        for (const char *key : {"sent_ms", "first_byte_ms", "first_token_ms", "total_ms"})
            QVERIFY2(o.value(QLatin1String(key)).toDouble(-1) >= 0, key);
        QCOMPARE(o.value(u"usage").toObject().value(u"total_tokens").toInt(), 17);
    }

    void streamsAndSendsTheKey()
    {
        m_server->setReply("/v1/fim/completions",
                           FakeUpstream::codestralStream({QStringLiteral("return"), QStringLiteral(" a"), QStringLiteral(" + b")}, 20));
        const Run r = run(endpointArgs() << QStringLiteral("--kind") << QStringLiteral("codestral") << QStringLiteral("--stream")
                                         << QStringLiteral("--prefix") << QStringLiteral("x"),
                          {QStringLiteral("CODESTRAL_API_KEY=sk-cli-secret")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QByteArray("return a + b\n"));
        QCOMPARE(m_server->requests().constLast().headers.value("authorization"), QByteArray("Bearer sk-cli-secret"));
        QCOMPARE(m_server->requests().constLast().json().value(u"model").toString(), QStringLiteral("codestral-latest"));
        QVERIFY(!r.err.contains("sk-cli-secret"));
    }

    // --record: every exchange into the history file the playground reads, with the key nowhere
    // in it; a failed one too; a history file that cannot be used is said and the completion goes on.
    void recordWritesTheHistory()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("data/history.sqlite"));
        const QStringList record{QStringLiteral("--record"), QStringLiteral("--history"), file};
        Run r = run(endpointArgs() << QStringLiteral("--kind") << QStringLiteral("codestral") << QStringLiteral("--prefix")
                                   << QStringLiteral("def f():\n    ") << QStringLiteral("--repeat") << QStringLiteral("3") << record,
                    {QStringLiteral("CODESTRAL_API_KEY=sk-record-secret")});
        QCOMPARE(r.exitCode, 0);
        m_server->setReply("/v1/fim/completions", FakeUpstream::json(500, "{\"message\":\"boom\"}"));
        r = run(endpointArgs() << QStringLiteral("--prefix") << QStringLiteral("y") << record);
        QCOMPARE(r.exitCode, 1);
        {
            HistoryStore store;
            QString error;
            QVERIFY2(store.open(file, &error), qPrintable(error));
            const QList<HistoryRecord> rows = store.newest(10);
            QCOMPARE(rows.size(), 4);
            QCOMPARE(rows.at(0).outcome, QStringLiteral("error"));
            QCOMPARE(rows.at(0).httpStatus, 500);
            for (int i = 1; i < 4; ++i) {
                QCOMPARE(rows.at(i).source, QStringLiteral("fim-complete"));
                QCOMPARE(rows.at(i).kind, EndpointKind::Codestral);
                QCOMPARE(rows.at(i).prefix, QStringLiteral("def f():\n    "));
                QCOMPARE(rows.at(i).cleanedAnswer, QStringLiteral("return a + b"));
            }
        }
        for (const QString &suffix : {QString(), QStringLiteral("-wal")}) {
            QFile f(file + suffix);
            if (f.open(QIODevice::ReadOnly))
                QVERIFY(!f.readAll().contains("sk-record-secret"));
        }
        // A file that is no database: said, and the completion is printed all the same.
        m_server->setReply("/v1/fim/completions", FakeUpstream::seedCompletion(QStringLiteral("return a + b")));
        const QString bad = dir.filePath(QStringLiteral("bad.sqlite"));
        QFile junk(bad);
        QVERIFY(junk.open(QIODevice::WriteOnly));
        junk.write(QByteArray(2048, 'j'));
        junk.close();
        r = run(endpointArgs() << QStringLiteral("--prefix") << QStringLiteral("x") << QStringLiteral("--record")
                               << QStringLiteral("--history") << bad);
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QByteArray("return a + b\n"));
        QVERIFY2(r.err.contains("not recording") && r.err.contains("not a database"), r.err.constData());
    }

    // --record, then --kind replay: the same answer from the history, with the fake server gone;
    // what was never asked is "not recorded" (exit 1), and the replay is not recorded again.
    void replayAnswersFromTheHistory()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("history.sqlite"));
        const QStringList ask{QStringLiteral("--prefix"), QStringLiteral("def f():\n    "), QStringLiteral("--suffix"),
                              QStringLiteral("\nf()\n"), QStringLiteral("--temperature"), QStringLiteral("0.2"), QStringLiteral("--stream")};
        m_server->setReply("/v1/fim/completions", FakeUpstream::codestralStream({QStringLiteral("return "), QStringLiteral("a + b")}, 40));
        Run r = run(endpointArgs() << ask << QStringLiteral("--record") << QStringLiteral("--history") << file);
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QByteArray("return a + b\n"));
        delete m_server; // no network from here on
        m_server = nullptr;

        r = run(QStringList{QStringLiteral("--kind"), QStringLiteral("replay"), QStringLiteral("--history"), file, QStringLiteral("--json")} << ask);
        QCOMPARE(r.exitCode, 0);
        const QJsonObject o = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(o.value(u"text").toString(), QStringLiteral("return a + b"));
        QVERIFY2(o.value(u"total_ms").toDouble() >= 40 * 0.9, r.out.constData());

        r = run(QStringList{QStringLiteral("--kind"), QStringLiteral("replay"), QStringLiteral("--history"), file, QStringLiteral("--speed"),
                            QStringLiteral("0"), QStringLiteral("--record")}
                << ask);
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QByteArray("return a + b\n"));

        QStringList other = ask;
        other[1] = QStringLiteral("def g():\n    ");
        r = run(QStringList{QStringLiteral("--kind"), QStringLiteral("replay"), QStringLiteral("--history"), file} << other);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("Not recorded: the history"), r.err.constData());
        HistoryStore store;
        QString error;
        QVERIFY2(store.open(file, &error), qPrintable(error));
        QCOMPARE(store.count(), 1);
    }

    void errorsExitNonZero()
    {
        m_server->setReply("/v1/fim/completions", FakeUpstream::json(401, "{\"message\":\"Unauthorized\"}"));
        const Run r = run(endpointArgs() << QStringLiteral("--prefix") << QStringLiteral("x") << QStringLiteral("--json"));
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("unauthorized"), r.err.constData());
        QCOMPARE(QJsonDocument::fromJson(r.out).object().value(u"error").toObject().value(u"kind").toString(),
                 QStringLiteral("auth"));
        const Run missingKey = run({QStringLiteral("--endpoint"), m_server->url().toString(), QStringLiteral("--kind"),
                                    QStringLiteral("codestral"), QStringLiteral("--prefix"), QStringLiteral("x")});
        QCOMPARE(missingKey.exitCode, 1);
        QVERIFY(missingKey.err.contains("CODESTRAL_API_KEY"));
    }

    // No --kind against llama-server: the proxy's route is not there (404), and fim-complete says
    // how to name the kind; with --kind given, that hint would be wrong and is left out.
    void aGuessedKindThat404sSaysHowToNameIt()
    {
        FakeServers::serve(*m_server, EndpointKind::LlamaCpp, QStringLiteral("return a + b"));
        const Run guessed = run(endpointArgs() << QStringLiteral("--prefix") << QStringLiteral("x"));
        QCOMPARE(guessed.exitCode, 1);
        QVERIFY2(guessed.err.contains("404"), guessed.err.constData());
        QVERIFY2(guessed.err.contains("--kind auto"), guessed.err.constData());
        const Run named = run(endpointArgs() << QStringLiteral("--kind") << QStringLiteral("openai") << QStringLiteral("--prefix")
                                             << QStringLiteral("x"));
        QVERIFY(!named.err.contains("--kind auto"));
    }

    void usageErrors()
    {
        QCOMPARE(run({QStringLiteral("--endpoint"), QStringLiteral("ftp://x")}).exitCode, 2);
        QCOMPARE(run(endpointArgs() << QStringLiteral("--max-tokens") << QStringLiteral("many")).exitCode, 2);
        QCOMPARE(run(endpointArgs() << QStringLiteral("--prefix-file") << QStringLiteral("/nonexistent/x")).exitCode, 2);
        QCOMPARE(run({QStringLiteral("--help")}).exitCode, 0);
    }

    void repeatPrintsASummary()
    {
        const Run r = run(endpointArgs() << QStringLiteral("--prefix") << QStringLiteral("x") << QStringLiteral("--json")
                                         << QStringLiteral("--repeat") << QStringLiteral("5"));
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out.trimmed().split('\n').size(), 5);
        QVERIFY2(r.err.contains("5 requests, total median"), r.err.constData());
        QCOMPARE(m_server->requests().size(), 5);
        QCOMPARE(m_server->connectionCount(), 1); // one kept-alive connection
    }

    void everyKindAndAuto_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<int>("actual");
        QTest::addColumn<bool>("serverTimings");
        for (const EndpointKind kind : {EndpointKind::LlamaCpp, EndpointKind::Ollama, EndpointKind::OpenAi, EndpointKind::Proxy}) {
            const bool timings = kind == EndpointKind::LlamaCpp || kind == EndpointKind::Ollama;
            QTest::addRow("--kind %s", qPrintable(endpointKindName(kind))) << endpointKindName(kind) << int(kind) << timings;
            QTest::addRow("--kind auto finds %s", qPrintable(endpointKindName(kind))) << QStringLiteral("auto") << int(kind) << timings;
        }
    }

    void everyKindAndAuto()
    {
        QFETCH(QString, kind);
        QFETCH(int, actual);
        QFETCH(bool, serverTimings);
        FakeServers::serve(*m_server, EndpointKind(actual), QStringLiteral("return a + b"), 0, 3);
        for (const bool stream : {false, true}) {
            QStringList args = endpointArgs() << QStringLiteral("--kind") << kind << QStringLiteral("--model")
                                              << QStringLiteral("qwen2.5-coder:1.5b") << QStringLiteral("--prefix")
                                              << QStringLiteral("x") << QStringLiteral("--json");
            if (stream)
                args << QStringLiteral("--stream");
            const Run r = run(args);
            QVERIFY2(r.exitCode == 0, r.err.constData());
            const QJsonObject o = QJsonDocument::fromJson(r.out).object();
            QCOMPARE(o.value(u"text").toString(), QStringLiteral("return a + b /*%1*/").arg(endpointKindName(EndpointKind(actual))));
            QCOMPARE(o.value(u"kind").toString(), endpointKindName(EndpointKind(actual)));
            QCOMPARE(o.contains(u"server"), serverTimings);
            if (serverTimings) {
                const QJsonObject server = o.value(u"server").toObject();
                for (const char *key : {"prompt_ms", "generation_ms", "prompt_tokens", "generated_tokens", "cached_tokens"})
                    QVERIFY2(server.contains(QLatin1StringView(key)), key);
                QVERIFY(server.value(u"prompt_ms").toDouble() > 0);
                QVERIFY(server.value(u"generation_ms").toDouble() > 0);
            }
            if (kind == u"auto")
                QVERIFY2(r.err.contains(QByteArray("answers as " + endpointKindName(EndpointKind(actual)).toLatin1())), r.err.constData());
        }
    }

    void ollamaServerTimingsAreMilliseconds()
    {
        FakeServers::serve(*m_server, EndpointKind::Ollama, QStringLiteral("x"));
        const Run r = run(endpointArgs() << QStringLiteral("--kind") << QStringLiteral("ollama") << QStringLiteral("--model")
                                         << QStringLiteral("qwen2.5-coder:1.5b") << QStringLiteral("--json"));
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonObject server = QJsonDocument::fromJson(r.out).object().value(u"server").toObject();
        QCOMPARE(server.value(u"prompt_ms").toDouble(), 130.079); // 130079000 ns
        QCOMPARE(server.value(u"generation_ms").toDouble(), 250.5);
        QCOMPARE(server.value(u"prompt_tokens").toInt(), 26);
        QVERIFY(server.value(u"cached_tokens").isNull()); // Ollama does not say
    }

    void printPromptSendsNothing()
    {
        Run r = run(endpointArgs() << QStringLiteral("--kind") << QStringLiteral("ollama") << QStringLiteral("--template")
                                   << QStringLiteral("deepseek") << QStringLiteral("--model") << QStringLiteral("deepseek-coder")
                                   << QStringLiteral("--prefix") << QStringLiteral("a") << QStringLiteral("--suffix")
                                   << QStringLiteral("b") << QStringLiteral("--print-prompt"));
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(QString::fromUtf8(r.out), QString::fromUtf8("<\uFF5Cfim\u2581begin\uFF5C>a<\uFF5Cfim\u2581hole\uFF5C>b<\uFF5Cfim\u2581end\uFF5C>"));
        QVERIFY(m_server->requests().isEmpty());

        // A template file; and where the server builds the prompt, the body that would go.
        QTemporaryDir dir;
        QFile file(dir.filePath(QStringLiteral("mine.txt")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("<A>{prefix}<B>{suffix}<C>\n");
        file.close();
        r = run(endpointArgs() << QStringLiteral("--kind") << QStringLiteral("openai") << QStringLiteral("--template")
                               << file.fileName() << QStringLiteral("--prefix") << QStringLiteral("p") << QStringLiteral("--print-prompt"));
        QCOMPARE(r.out, QByteArray("<A>p<B><C>"));
        r = run(endpointArgs() << QStringLiteral("--kind") << QStringLiteral("llamacpp") << QStringLiteral("--prefix")
                               << QStringLiteral("p") << QStringLiteral("--print-prompt"));
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(r.out).object().value(u"input_prefix").toString(), QStringLiteral("p"));
        QVERIFY(r.err.contains("the server builds the prompt"));
        QVERIFY(m_server->requests().isEmpty());
    }

    void contextFilesInEachServersForm()
    {
        QTemporaryDir dir;
        const auto write = [&](const QString &name, const QByteArray &bytes) {
            QFile f(dir.filePath(name));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(bytes);
        };
        write(QStringLiteral("helpers.py"), "def helper():\n    return 42\n");
        write(QStringLiteral("big.py"), QByteArray("x = 1234567\n").repeated(40)); // 480 characters: 120 tokens
        write(QStringLiteral("main.py"), "total = ");
        const QStringList context{QStringLiteral("--context"), dir.filePath(QStringLiteral("helpers.py")), QStringLiteral("--context"),
                                  dir.filePath(QStringLiteral("big.py"))};
        // A raw template: Qwen's repository format, the edited file named last; a budget of 100 leaves big.py out, said.
        Run r = run(endpointArgs() << QStringLiteral("--kind") << QStringLiteral("llamacpp") << QStringLiteral("--template")
                                   << QStringLiteral("qwen") << QStringLiteral("--prefix-file") << dir.filePath(QStringLiteral("main.py"))
                                   << context << QStringLiteral("--context-budget") << QStringLiteral("100") << QStringLiteral("--print-prompt"));
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(QString::fromUtf8(r.out),
                 QStringLiteral("<|repo_name|>myproject\n<|file_sep|>helpers.py\ndef helper():\n    return 42\n<|file_sep|>main.py\n"
                                "<|fim_prefix|>total = <|fim_suffix|><|fim_middle|>"));
        QVERIFY2(r.err.contains("context left out, over the budget of 100 tokens: big.py lines 1-40 (≈ 120 tokens)"), r.err.constData());
        // llama.cpp's /infill: input_extra, both files within the default budget.
        r = run(endpointArgs() << QStringLiteral("--kind") << QStringLiteral("llamacpp") << QStringLiteral("--prefix")
                               << QStringLiteral("p") << context << QStringLiteral("--print-prompt"));
        QCOMPARE(r.exitCode, 0);
        const QJsonArray extra = QJsonDocument::fromJson(r.out).object().value(u"input_extra").toArray();
        QCOMPARE(extra.size(), 2);
        // Least relevant first: the file named last on the command line goes first, the first one
        // next to the prefix.
        QCOMPARE(extra.at(1).toObject().value(u"filename").toString(), QStringLiteral("helpers.py"));
        QCOMPARE(extra.at(0).toObject().value(u"text").toString().size(), 480);
        // Codestral (through the fake, for real): the comments go before the prompt.
        FakeServers::serve(*m_server, EndpointKind::Proxy, QStringLiteral(" helper()"));
        r = run(endpointArgs() << QStringLiteral("--prefix") << QStringLiteral("total = ") << QStringLiteral("--context")
                               << dir.filePath(QStringLiteral("helpers.py")));
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(m_server->requests().size(), 1);
        QCOMPARE(m_server->requests().constFirst().json().value(u"prompt").toString(),
                 QStringLiteral("// Path: helpers.py\n// def helper():\n//     return 42\ntotal = "));
        // A file that is not there: said, nothing sent.
        r = run(endpointArgs() << QStringLiteral("--prefix") << QStringLiteral("x") << QStringLiteral("--context")
                               << dir.filePath(QStringLiteral("gone.py")));
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("gone.py\" is not a file"), r.err.constData());
        QCOMPARE(m_server->requests().size(), 1);
    }

    void templateAndKindMistakes()
    {
        Run r = run(endpointArgs() << QStringLiteral("--kind") << QStringLiteral("vllm"));
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("--kind must be"));
        r = run(endpointArgs() << QStringLiteral("--kind") << QStringLiteral("ollama") << QStringLiteral("--template") << QStringLiteral("nope"));
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("neither a built-in template nor a file"), r.err.constData());
        r = run(endpointArgs() << QStringLiteral("--kind") << QStringLiteral("codestral") << QStringLiteral("--template") << QStringLiteral("qwen"));
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("--template applies to the kinds llamacpp, ollama and openai"));
        // Ollama without a model: the same exit code as any failed request, and what to do.
        FakeServers::serve(*m_server, EndpointKind::Ollama, QStringLiteral("x"));
        r = run(endpointArgs() << QStringLiteral("--kind") << QStringLiteral("ollama") << QStringLiteral("--prefix") << QStringLiteral("x"));
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("ollama pull"), r.err.constData());
        r = run(endpointArgs() << QStringLiteral("--kind") << QStringLiteral("ollama") << QStringLiteral("--model")
                               << QStringLiteral("missing:latest"));
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("ollama pull missing:latest"), r.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestFimComplete)
#include "tst_fimcomplete.moc"
