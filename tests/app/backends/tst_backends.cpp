#include "backends/fimbackend.h"
#include "fakeservers.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;

// Each wire format on its own, without a network: what goes out, and how each answer, stream
// event, error, health answer and model list of the real servers (FakeServers has them byte for
// byte) reads.
class TestBackends : public QObject
{
    Q_OBJECT

    static Endpoint endpoint(EndpointKind kind, const QString &promptTemplate = {})
    {
        Endpoint e(QStringLiteral("t"), kind, Endpoint::defaultUrl(kind));
        e.promptTemplate = promptTemplate;
        return e;
    }

    static FimRequest request(const QString &model = QStringLiteral("qwen2.5-coder:1.5b"))
    {
        FimRequest r;
        r.model = model;
        r.prompt = QStringLiteral("def add(a, b):\n    ");
        r.suffix = QStringLiteral("\n\nprint(add(1, 2))\n");
        r.maxTokens = 64;
        r.temperature = 0.2;
        r.topP = 0.9;
        r.stop = {QStringLiteral("\n\n")};
        r.randomSeed = 9007199254740993LL;
        return r;
    }

    static QJsonObject sent(const Endpoint &e, const FimRequest &r, WireRequest *wireOut = nullptr)
    {
        QString error;
        const std::optional<WireRequest> wire = FimBackend::forKind(e.kind).buildRequest(e, r, &error);
        if (!wire)
            qFatal("buildRequest failed: %s", qPrintable(error));
        if (wireOut)
            *wireOut = *wire;
        return QJsonDocument::fromJson(wire->body).object();
    }

    static std::optional<StreamChunk> event(EndpointKind kind, const QByteArray &data)
    {
        QString error;
        return FimBackend::forKind(kind).parseEvent(data, &error);
    }

    // The JSON of each SSE event or NDJSON line of a canned stream.
    static QList<QByteArray> payloads(const FakeUpstream::Reply &stream)
    {
        QList<QByteArray> out;
        for (QByteArray piece : stream.chunks) {
            piece = piece.trimmed();
            if (piece.startsWith("data: "))
                piece = piece.mid(6);
            out << piece;
        }
        return out;
    }

private slots:
    void llamaCppInfillRequest()
    {
        WireRequest wire;
        const QJsonObject o = sent(endpoint(EndpointKind::LlamaCpp), request(), &wire);
        QCOMPARE(wire.url.path(), QStringLiteral("/infill"));
        QCOMPARE(o.value(u"input_prefix").toString(), request().prompt);
        QCOMPARE(o.value(u"input_suffix").toString(), request().suffix);
        QCOMPARE(o.value(u"n_predict").toInt(), 64);
        QCOMPARE(o.value(u"temperature").toDouble(), 0.2);
        QCOMPARE(o.value(u"top_p").toDouble(), 0.9);
        QCOMPARE(o.value(u"stop").toArray(), QJsonArray{QStringLiteral("\n\n")});
        QVERIFY(wire.body.contains("\"seed\":9007199254740993"));
        QCOMPARE(o.value(u"stream").toBool(true), false);
        QVERIFY(o.value(u"cache_prompt").toBool());
        QVERIFY(!o.contains(u"prompt") && !o.contains(u"max_tokens"));
        QVERIFY(!wire.usedTemplate);
    }

    void aTemplateMakesARawPrompt_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("stopsKey");
        QTest::newRow("llama.cpp: /completion") << int(EndpointKind::LlamaCpp) << "/completion" << "stop";
        QTest::newRow("ollama: raw") << int(EndpointKind::Ollama) << "/api/generate" << "options.stop";
        QTest::newRow("openai: prompt only") << int(EndpointKind::OpenAi) << "/v1/completions" << "stop";
    }

    void aTemplateMakesARawPrompt()
    {
        QFETCH(int, kind);
        WireRequest wire;
        const QJsonObject o = sent(endpoint(EndpointKind(kind), QStringLiteral("auto")), request(), &wire);
        QTEST(wire.url.path(), "path");
        const QString raw = QStringLiteral("<|fim_prefix|>") + request().prompt + QStringLiteral("<|fim_suffix|>") + request().suffix
            + QStringLiteral("<|fim_middle|>");
        QCOMPARE(wire.rawPrompt, raw);
        QCOMPARE(wire.usedTemplate->id, QStringLiteral("qwen"));
        QCOMPARE(o.value(u"prompt").toString(), raw);
        QVERIFY(!o.contains(u"suffix") && !o.contains(u"input_suffix"));
        QFETCH(QString, stopsKey);
        const QJsonArray stops = stopsKey.startsWith(u"options") ? o.value(u"options").toObject().value(u"stop").toArray()
                                                                 : o.value(stopsKey).toArray();
        // The user's stop first, then the template's, each once.
        QCOMPARE(stops.first().toString(), QStringLiteral("\n\n"));
        QVERIFY(stops.contains(QStringLiteral("<|endoftext|>")) && stops.contains(QStringLiteral("<|file_sep|>")));
        if (kind == int(EndpointKind::Ollama))
            QVERIFY(o.value(u"raw").toBool());
    }

    void extraContextInEachServersForm_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("promptTemplate");
        QTest::addColumn<QString>("model");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("expected");
        const QString prompt = QStringLiteral("x = helper(");
        const QString comments = QStringLiteral("# Path: lib/helpers.py\n# def helper():\n#     return 42\n#\n# Path: notes.py\n# a\n# b\n");
        const QString repo = QStringLiteral("lib/helpers.py\ndef helper():\n    return 42\n");
        QTest::newRow("llama.cpp /completion, Qwen: its repository format")
            << int(EndpointKind::LlamaCpp) << u"auto"_s << u"qwen2.5-coder:1.5b"_s << u"prompt"_s
            << u"<|repo_name|>myproject\n<|file_sep|>"_s + repo + u"<|file_sep|>notes.py\na\nb\n<|file_sep|>main.py\n<|fim_prefix|>"_s
                   + prompt + u"<|fim_suffix|>)<|fim_middle|>"_s;
        QTest::newRow("ollama raw, StarCoder2: its repository format")
            << int(EndpointKind::Ollama) << u"starcoder"_s << u"starcoder2:3b"_s << u"prompt"_s
            << u"<repo_name>myproject<file_sep>"_s + repo + u"<file_sep>notes.py\na\nb\n<file_sep>main.py\n<fim_prefix>"_s + prompt
                   + u"<fim_suffix>)<fim_middle>"_s;
        QTest::newRow("openai prompt, CodeGemma: comment headers before the prefix")
            << int(EndpointKind::OpenAi) << u"codegemma"_s << u"codegemma:2b"_s << u"prompt"_s
            << u"<|fim_prefix|>"_s + comments + prompt + u"<|fim_suffix|>)<|fim_middle|>"_s;
        QTest::newRow("ollama with its own template: comments in prompt") << int(EndpointKind::Ollama) << u""_s << u"qwen2.5-coder:1.5b"_s
                                                                          << u"prompt"_s << comments + prompt;
        QTest::newRow("openai with suffix: comments in prompt") << int(EndpointKind::OpenAi) << u""_s << u"m"_s << u"prompt"_s << comments + prompt;
        QTest::newRow("codestral: comments in prompt") << int(EndpointKind::Codestral) << u""_s << u""_s << u"prompt"_s << comments + prompt;
        QTest::newRow("the proxy: comments in prompt") << int(EndpointKind::Proxy) << u""_s << u""_s << u"prompt"_s << comments + prompt;
    }

    void extraContextInEachServersForm()
    {
        QFETCH(int, kind);
        QFETCH(QString, promptTemplate);
        QFETCH(QString, model);
        FimRequest r;
        r.model = model;
        r.prompt = QStringLiteral("x = helper(");
        r.suffix = QStringLiteral(")");
        r.fileName = QStringLiteral("main.py");
        r.extra = {{QStringLiteral("lib/helpers.py"), QStringLiteral("def helper():\n    return 42\n")},
                   {QStringLiteral("notes.py"), QStringLiteral("a\nb")}};
        WireRequest wire;
        const QJsonObject o = sent(endpoint(EndpointKind(kind), promptTemplate), r, &wire);
        QFETCH(QString, field);
        QTEST(o.value(field).toString(), "expected");
        if (wire.usedTemplate)
            QTEST(wire.rawPrompt, "expected");
        else if (o.contains(u"suffix"))
            QCOMPARE(o.value(u"suffix").toString(), r.suffix);
    }

    void llamaCppInfillSendsInputExtra()
    {
        FimRequest r = request();
        r.extra = {{QStringLiteral("lib/helpers.py"), QStringLiteral("def helper():\n    return 42\n")}};
        WireRequest wire;
        const QJsonObject o = sent(endpoint(EndpointKind::LlamaCpp), r, &wire);
        QCOMPARE(wire.url.path(), QStringLiteral("/infill"));
        QCOMPARE(o.value(u"input_extra").toArray(),
                 (QJsonArray{QJsonObject{{u"filename"_s, u"lib/helpers.py"_s}, {u"text"_s, u"def helper():\n    return 42\n"_s}}}));
        QCOMPARE(o.value(u"input_prefix").toString(), r.prompt); // the server builds the prompt
        QVERIFY(!sent(endpoint(EndpointKind::LlamaCpp), request()).contains(u"input_extra"));
        // The cache key tells requests with and without context apart.
        QVERIFY(r.parameterKey() != request().parameterKey());
    }

    void templatesThatCannotBeHadSayWhy()
    {
        QString error;
        const FimBackend &ollama = FimBackend::forKind(EndpointKind::Ollama);
        QVERIFY(!ollama.buildRequest(endpoint(EndpointKind::Ollama, QStringLiteral("auto")), request(QStringLiteral("llama3.2:1b")), &error));
        QVERIFY2(error.contains(u"llama3.2:1b") && error.contains(u"Prompt"), qPrintable(error));
        error.clear();
        QVERIFY(!ollama.buildRequest(endpoint(EndpointKind::Ollama), request(QString()), &error));
        QVERIFY2(error.contains(u"ollama pull"), qPrintable(error));
        Endpoint custom = endpoint(EndpointKind::OpenAi, QStringLiteral("custom"));
        custom.customTemplate = QStringLiteral("<X>{prefix}");
        error.clear();
        QVERIFY(!FimBackend::forKind(EndpointKind::OpenAi).buildRequest(custom, request(), &error));
        QVERIFY2(error.contains(u"{suffix}"), qPrintable(error));
        // Codestral and the proxies build no prompt: a template in their profile changes nothing.
        WireRequest wire;
        sent(endpoint(EndpointKind::Codestral, QStringLiteral("qwen")), request(), &wire);
        QVERIFY(!wire.usedTemplate);
    }

    void ollamaRequest()
    {
        WireRequest wire;
        FimRequest r = request();
        const QJsonObject o = sent(endpoint(EndpointKind::Ollama), r, &wire);
        QCOMPARE(wire.url.path(), QStringLiteral("/api/generate"));
        QCOMPARE(o.value(u"model").toString(), QStringLiteral("qwen2.5-coder:1.5b"));
        QCOMPARE(o.value(u"suffix").toString(), r.suffix);
        // Ollama streams unless told not to: "stream": false is always written.
        QVERIFY(o.contains(u"stream"));
        QCOMPARE(o.value(u"stream").toBool(true), false);
        const QJsonObject options = o.value(u"options").toObject();
        QCOMPARE(options.value(u"num_predict").toInt(), 64);
        QCOMPARE(options.value(u"temperature").toDouble(), 0.2);
        QVERIFY(wire.body.contains("\"seed\":9007199254740993"));
        QVERIFY(!o.contains(u"raw"));
        r.stream = true;
        WireRequest streamed;
        QCOMPARE(sent(endpoint(EndpointKind::Ollama), r, &streamed).value(u"stream").toBool(), true);
        QCOMPARE(streamed.accept, QByteArray("application/x-ndjson"));
    }

    void openAiRequest()
    {
        WireRequest wire;
        const QJsonObject o = sent(endpoint(EndpointKind::OpenAi), request(QStringLiteral("deepseek-coder")), &wire);
        QCOMPARE(wire.url.toString(), QStringLiteral("http://127.0.0.1:1234/v1/completions"));
        QCOMPARE(o.value(u"suffix").toString(), request().suffix);
        QCOMPARE(o.value(u"max_tokens").toInt(), 64);
        QVERIFY(!o.contains(u"stream"));
    }

    void wholeAnswers()
    {
        QString error;
        // llama.cpp: timings in milliseconds, stop_type "limit" is max_tokens.
        std::optional<CompletionBody> b = FimBackend::forKind(EndpointKind::LlamaCpp)
                                              .parseBody(FakeServers::llamaAnswer(QStringLiteral("return a + b"), QStringLiteral("limit")).chunks.first(), &error);
        QVERIFY2(b, qPrintable(error));
        QCOMPARE(b->text, QStringLiteral("return a + b"));
        QCOMPARE(b->finishReason, QStringLiteral("length"));
        QCOMPARE(b->server->promptMs, 41.5);
        QCOMPARE(b->server->generationMs, 80.25);
        QCOMPARE(b->server->cachedTokens, 12);
        QCOMPARE(b->server->generatedTokens, 5);
        QCOMPARE(b->usage->promptTokens, 42);

        // Ollama: durations in nanoseconds become milliseconds.
        b = FimBackend::forKind(EndpointKind::Ollama)
                .parseBody(FakeServers::ollamaAnswer(QStringLiteral("x"), QStringLiteral("qwen2.5-coder:1.5b")).chunks.first(), &error);
        QVERIFY2(b, qPrintable(error));
        QCOMPARE(b->text, QStringLiteral("x"));
        QCOMPARE(b->server->promptMs, 130.079);
        QCOMPARE(b->server->generationMs, 250.5);
        QCOMPARE(b->server->promptTokens, 26);
        QCOMPARE(b->server->generatedTokens, 7);
        QVERIFY(qAbs(b->server->tokensPerSecond() - 7 / 0.2505) < 1e-6);
        QCOMPARE(b->model, QStringLiteral("qwen2.5-coder:1.5b"));

        b = FimBackend::forKind(EndpointKind::OpenAi)
                .parseBody(FakeServers::openaiAnswer(QStringLiteral("y"), QStringLiteral("deepseek-coder"), QStringLiteral("length")).chunks.first(), &error);
        QVERIFY2(b, qPrintable(error));
        QCOMPARE(b->text, QStringLiteral("y"));
        QCOMPARE(b->finishReason, QStringLiteral("length"));
        QCOMPARE(b->usage->completionTokens, 6);
        QVERIFY(!b->server);
    }

    void streams_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QList<QByteArray>>("events");
        const QStringList deltas{QStringLiteral("ret"), QStringLiteral("urn 😀")};
        QTest::newRow("llama.cpp") << int(EndpointKind::LlamaCpp) << payloads(FakeServers::llamaStream(deltas));
        QTest::newRow("ollama") << int(EndpointKind::Ollama) << payloads(FakeServers::ollamaStream(deltas, QStringLiteral("m")));
        QTest::newRow("openai") << int(EndpointKind::OpenAi) << payloads(FakeServers::openaiStream(deltas, QStringLiteral("m")));
    }

    void streams()
    {
        QFETCH(int, kind);
        QFETCH(QList<QByteArray>, events);
        QString text;
        bool ended = false;
        QString finish;
        for (const QByteArray &e : std::as_const(events)) {
            const std::optional<StreamChunk> c = event(EndpointKind(kind), e);
            QVERIFY2(c, e.constData());
            QVERIFY(!ended || c->delta.isEmpty());
            text += c->delta;
            ended = ended || c->end;
            if (!c->finishReason.isEmpty())
                finish = c->finishReason;
        }
        QCOMPARE(text, QStringLiteral("return 😀"));
        QVERIFY(ended || !finish.isEmpty());
        QCOMPARE(finish, QStringLiteral("stop"));
    }

    void errorsSayWhatToDo_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("host");
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("says");
        QTest::newRow("llama.cpp 501") << int(EndpointKind::LlamaCpp) << "127.0.0.1" << 501
                                       << FakeServers::llamaNoInfill().chunks.first() << "no FIM tokens";
        // Debian's llama-server 0.7.0, a prompt past the slot's context (seen in tst_realserver_cli).
        QTest::newRow("llama.cpp past the context") << int(EndpointKind::LlamaCpp) << "127.0.0.1" << 400
                                                    << QByteArray("{\"error\":{\"code\":400,\"message\":\"request [1540 tokens] exceeds the available context "
                                                                  "size [256 tokens], try increasing it\",\"type\":\"exceed_context_size_error\","
                                                                  "\"n_prompt_tokens\":1540,\"n_ctx\":256}}")
                                                    << "it is 1540 tokens, and its context holds 256 per slot";
        QTest::newRow("llama.cpp 503") << int(EndpointKind::LlamaCpp) << "127.0.0.1" << 503
                                       << FakeServers::llamaLoading().chunks.first() << "still loading";
        QTest::newRow("ollama not pulled") << int(EndpointKind::Ollama) << "127.0.0.1" << 404
                                           << FakeServers::ollamaNotFound(QStringLiteral("qwen2.5-coder:7b")).chunks.first()
                                           << "ollama pull qwen2.5-coder:7b";
        QTest::newRow("ollama no insert") << int(EndpointKind::Ollama) << "127.0.0.1" << 400
                                          << FakeServers::ollamaNoInsert(QStringLiteral("llama3.2:1b")).chunks.first()
                                          << "cannot fill in the middle";
        QTest::newRow("vllm refuses suffix") << int(EndpointKind::OpenAi) << "127.0.0.1" << 400
                                             << FakeServers::openaiSuffixRefused().chunks.first() << "Pick a template";
        QTest::newRow("openai 401") << int(EndpointKind::OpenAi) << "api.deepseek.com" << 401
                                    << QByteArray(R"({"error":{"message":"Authentication Fails","type":"authentication_error"}})")
                                    << "FIM_API_KEY";
        QTest::newRow("codestral host, API key") << int(EndpointKind::Codestral) << "codestral.mistral.ai" << 401
                                                 << QByteArray(R"({"message":"Unauthorized","request_id":"r"})")
                                                 << "takes Codestral keys";
        QTest::newRow("api host, Codestral key") << int(EndpointKind::Codestral) << "api.mistral.ai" << 401
                                                 << QByteArray(R"({"detail":"Unauthorized"})") << "takes La Plateforme API keys";
        // Our proxy's own Codestral key refused: its words, which say who must do what.
        QTest::newRow("proxy's own key refused") << int(EndpointKind::Proxy) << "fim.example.com" << 502
                                                 << QByteArray("{\"error\":{\"message\":\"Codestral refused the proxy's CODESTRAL_API_KEY "
                                                               "(the owner must set it: wrangler secret put CODESTRAL_API_KEY)\","
                                                               "\"type\":\"upstream_auth_error\"}}")
                                                 << "wrangler secret put CODESTRAL_API_KEY";
    }

    void errorsSayWhatToDo()
    {
        QFETCH(int, kind);
        QFETCH(QString, host);
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(QString, says);
        const Endpoint e(QStringLiteral("t"), EndpointKind(kind), QUrl(QStringLiteral("https://") + host));
        const FimError error = FimBackend::forKind(e.kind).explainError(status, body, {}, e);
        QVERIFY2(error.message.contains(says), qPrintable(error.message));
        QCOMPARE(error.httpStatus, status);
    }

    // What the inspector adds to an answer: llama-server's OpenAI-style route ignoring "suffix"
    // (its answers carry llama.cpp's timings), and an older llama-server that truncated the prompt.
    void answerNotes()
    {
        // Plain strings: moc counts the parentheses of raw strings.
        const QByteArray withSuffix = "{\"prompt\":\"def f\",\"suffix\":\"x\"}";
        const QByteArray withoutSuffix = "{\"prompt\":\"def f\"}";
        const QByteArray llamaOpenAi = "{\"choices\":[{\"text\":\"x\",\"finish_reason\":\"length\"}],\"timings\":{\"cache_n\":0,\"prompt_n\":6}}";
        const FimBackend &openai = FimBackend::forKind(EndpointKind::OpenAi);
        QVERIFY(openai.answerNote(withSuffix, llamaOpenAi).contains(u"ignores \"suffix\""));
        QCOMPARE(openai.answerNote(withoutSuffix, llamaOpenAi), QString()); // a template: no suffix sent
        QCOMPARE(openai.answerNote(withSuffix, "{\"choices\":[{\"text\":\"x\"}]}"), QString());
        const FimBackend &llama = FimBackend::forKind(EndpointKind::LlamaCpp);
        QVERIFY(llama.answerNote({}, "{\"content\":\"x\",\"stop\":true,\"truncated\":true}").contains(u"truncated the prompt"));
        QCOMPARE(llama.answerNote({}, "{\"content\":\"\\\"truncated\\\":true\",\"truncated\":false}"), QString());
    }

    void anErrorInTheStreamIsAnError()
    {
        QVERIFY(!event(EndpointKind::Ollama, R"({"error":"an error was encountered while running the model"})"));
        QVERIFY(!event(EndpointKind::LlamaCpp, R"({"error":{"code":500,"message":"slot unavailable","type":"server_error"}})"));
        QVERIFY(!event(EndpointKind::LlamaCpp, R"({"response":"an Ollama line"})"));
    }

    void healthAndFacts()
    {
        const Endpoint llama = endpoint(EndpointKind::LlamaCpp);
        HealthReport r;
        r.state = HealthReport::State::Down;
        FimBackend::forKind(EndpointKind::LlamaCpp).readHealth(llama, 503, FakeServers::llamaLoading().chunks.first(), r);
        QCOMPARE(r.state, HealthReport::State::Degraded);
        QVERIFY(r.detail.contains(u"loading"));
        HealthReport info;
        FimBackend::forKind(EndpointKind::LlamaCpp).readInfo(FakeServers::llamaProps(8192), info);
        QVERIFY(info.facts.contains(qMakePair(QStringLiteral("Context (n_ctx)"), QStringLiteral("8192"))));
        QVERIFY(info.facts.contains(qMakePair(QStringLiteral("Model file"), QStringLiteral("qwen2.5-coder-1.5b-q8_0.gguf"))));

        // A proxy member's usage: tokens Codestral counted and those the proxy estimated (streams
        // left before their last event), together against the quota, the estimated part said.
        HealthReport usage;
        FimBackend::forKind(EndpointKind::Proxy)
            .readInfo(R"({"object":"usage","member":"alice","quota":{"daily_requests":null,"daily_tokens":2000},)"
                      R"("today":{"day":"2026-11-26","requests":9,"prompt_tokens":1000,"completion_tokens":200,)"
                      R"("estimated_prompt_tokens":40,"estimated_completion_tokens":6,"errors":0,"cache_hits":0,"latency_ms":9},)"
                      R"("resets_in_s":600,"days":[{"day":"2026-11-26","requests":9,"prompt_tokens":1000,"completion_tokens":200,)"
                      R"("estimated_prompt_tokens":40,"estimated_completion_tokens":6}]})",
                      usage);
        QVERIFY(usage.facts.contains(qMakePair(QStringLiteral("Tokens today"), QStringLiteral("1246 of 2000, 46 of them estimated"))));
        QVERIFY(usage.facts.contains(qMakePair(QStringLiteral("Last 30 days"), QStringLiteral("9 requests, 1246 tokens"))));

        HealthReport o;
        o.state = HealthReport::State::Ok;
        FimBackend::forKind(EndpointKind::Ollama).readHealth(endpoint(EndpointKind::Ollama), 200, FakeServers::ollamaVersion(), o);
        QCOMPARE(o.state, HealthReport::State::Ok);
        QVERIFY(o.facts.contains(qMakePair(QStringLiteral("Ollama version"), QStringLiteral("0.12.6"))));
    }

    void ollamaModels()
    {
        const FimBackend &ollama = FimBackend::forKind(EndpointKind::Ollama);
        QString error;
        std::optional<ModelList> list = ollama.parseModels(FakeServers::ollamaTags(), &error);
        QVERIFY2(list, qPrintable(error));
        QCOMPARE(list->models.size(), 2);
        ModelInfo qwen = list->models.at(0);
        QCOMPARE(qwen.id, QStringLiteral("qwen2.5-coder:1.5b"));
        QCOMPARE(qwen.sizeBytes, 986061892);
        QCOMPARE(qwen.details, QStringLiteral("qwen2 · 1.5B · Q4_K_M"));
        QVERIFY(!qwen.fimCapable);
        const auto [url, body] = ollama.modelDetailsRequest(endpoint(EndpointKind::Ollama), qwen);
        QCOMPARE(url.path(), QStringLiteral("/api/show"));
        QCOMPARE(QJsonDocument::fromJson(body).object().value(u"model").toString(), qwen.id);
        ollama.readModelDetails(FakeServers::ollamaShow(true), qwen);
        QCOMPARE(qwen.fimCapable, true);
        QCOMPARE(qwen.maxContextLength, 32768);
        ModelInfo chat = list->models.at(1);
        ollama.readModelDetails(FakeServers::ollamaShow(false), chat);
        QCOMPARE(chat.fimCapable, false);
        QVERIFY(!ollama.parseModels(FakeServers::openaiModels(), &error));
    }
};

QTEST_GUILESS_MAIN(TestBackends)
#include "tst_backends.moc"

