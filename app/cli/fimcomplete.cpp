// fim-complete: one FIM request (or --repeat N, or a prompt suite) through the playground's client, from a terminal.
#include "backends/fimbackend.h"
#include "cli/batchcommand.h"
#include "extracontext/extracontextassembler.h"
#include "extracontext/pinnedsources.h"
#include "cli/healthcommand.h"
#include "cli/statscommand.h"
#include "cli/suitecommand.h"
#include "cli/testoptions.h"
#include "history/historystore.h"
#include "history/replaynetworkaccess.h"
#include "latency/latencyhistory.h"
#include "net/endpointdetector.h"
#include "net/fimclient.h"
#include "settings/secretstore.h"
#include "settings/translations.h"
#include "wire/endpoint.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

#include <cstdio>
#include <memory>

namespace {

// Messages under the context "FimComplete"; lupdate reads it from here.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(FimComplete)
};

int usageError(const QString &message)
{
    std::fprintf(stderr, "fim-complete: %s\nTry 'fim-complete --help'.\n", qPrintable(message));
    return 2;
}

std::optional<QString> readText(const QString &path, QString *error)
{
    QFile file;
    const bool ok = path == u"-" ? file.open(stdin, QIODevice::ReadOnly) : (file.setFileName(path), file.open(QIODevice::ReadOnly));
    if (!ok) {
        *error = Tr::tr("cannot read %1: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    return QString::fromUtf8(file.readAll());
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("fim-complete"));
    QCoreApplication::setApplicationVersion(QStringLiteral(FIM_VERSION));
    Translations::install(&app); // the system's language (LANGUAGE, LC_ALL, LC_MESSAGES, LANG)

    QCommandLineParser parser;
    parser.setApplicationDescription(
        Tr::tr("Sends one fill-in-the-middle request and prints the completion.\n"
               "The secret comes from CODESTRAL_API_KEY (kind codestral), FIM_PROXY_TOKEN (kind proxy) or\n"
               "FIM_API_KEY (kinds llamacpp, ollama, openai)."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption endpointOpt(QStringLiteral("endpoint"), Tr::tr("Base URL (default: $FIM_ENDPOINT or http://127.0.0.1:8787)."), QStringLiteral("url"));
    const QCommandLineOption kindOpt(QStringLiteral("kind"), Tr::tr("codestral, proxy, llamacpp, ollama, openai, replay (answers from the history, no network), or auto to ask the server (default: codestral for *.mistral.ai, else proxy)."), QStringLiteral("kind"));
    const QCommandLineOption templateOpt(QStringLiteral("template"), Tr::tr("Build the prompt with a FIM template (kinds llamacpp, ollama, openai): qwen, codegemma, starcoder, deepseek, codellama, codestral, auto (from the model's name), or a template FILE (JSON {\"template\", \"stop\"} or plain text with {prefix} and {suffix})."), QStringLiteral("name|file"));
    const QCommandLineOption printPromptOpt(QStringLiteral("print-prompt"), Tr::tr("Print the prompt as the model would read it (or, when the server builds it, the request body) and send nothing."));
    const QCommandLineOption modelOpt(QStringLiteral("model"), Tr::tr("Model name."), QStringLiteral("name"));
    const QCommandLineOption prefixOpt(QStringLiteral("prefix"), Tr::tr("Text before the cursor."), QStringLiteral("text"));
    const QCommandLineOption prefixFileOpt(QStringLiteral("prefix-file"), Tr::tr("Read the prefix from a file (- for stdin)."), QStringLiteral("path"));
    const QCommandLineOption suffixOpt(QStringLiteral("suffix"), Tr::tr("Text after the cursor."), QStringLiteral("text"));
    const QCommandLineOption suffixFileOpt(QStringLiteral("suffix-file"), Tr::tr("Read the suffix from a file."), QStringLiteral("path"));
    const QCommandLineOption maxTokensOpt(QStringLiteral("max-tokens"),
                                          Tr::tr("max_tokens (default %1, as the playground sends; without a limit llama-server "
                                                 "writes until its context is full).").arg(FimRequest::DefaultMaxTokens),
                                          QStringLiteral("n"));
    const QCommandLineOption minTokensOpt(QStringLiteral("min-tokens"), Tr::tr("min_tokens."), QStringLiteral("n"));
    const QCommandLineOption temperatureOpt(QStringLiteral("temperature"), Tr::tr("temperature."), QStringLiteral("t"));
    const QCommandLineOption topPOpt(QStringLiteral("top-p"), Tr::tr("top_p."), QStringLiteral("p"));
    const QCommandLineOption stopOpt(QStringLiteral("stop"), Tr::tr("A stop sequence (repeatable)."), QStringLiteral("text"));
    const QCommandLineOption seedOpt(QStringLiteral("random-seed"), Tr::tr("random_seed."), QStringLiteral("n"));
    const QCommandLineOption streamOpt(QStringLiteral("stream"), Tr::tr("Ask for a streamed (SSE) answer; print text as it arrives."));
    const QCommandLineOption jsonOpt(QStringLiteral("json"), Tr::tr("Print one JSON object per request: text, finish reason, status, usage, timings."));
    const QCommandLineOption repeatOpt(QStringLiteral("repeat"), Tr::tr("Send the request N times, one after another (for benchmarks)."), QStringLiteral("n"), QStringLiteral("1"));
    const QCommandLineOption timeoutOpt(QStringLiteral("timeout"), Tr::tr("Total timeout per request in milliseconds (default 60000)."), QStringLiteral("ms"));
    const QCommandLineOption recordOpt(QStringLiteral("record"), Tr::tr("Write every exchange to the playground's history (history.sqlite; the key is never written)."));
    const QCommandLineOption historyOpt(QStringLiteral("history"), Tr::tr("The history file for --record and --kind replay (default: $XDG_DATA_HOME/fim-playground/history.sqlite)."), QStringLiteral("file"));
    const QCommandLineOption speedOpt(QStringLiteral("speed"), Tr::tr("--kind replay: how much faster than recorded the answer comes (default 1; 0: at once)."), QStringLiteral("factor"), QStringLiteral("1"));
    const QCommandLineOption suiteOpt(QStringLiteral("suite"), Tr::tr("Run a prompt suite (JSONL, one case a line) against every --endpoint given, and print a table per endpoint, and one of the metrics against the expected answers (line EM: first non-empty lines equal; id EM, id F1: identifiers; ES: edit similarity; chrF; the last three ×100, mean (p50/p95)); with --json, one JSON line per case and endpoint."), QStringLiteral("file"));
    const QCommandLineOption parallelOpt(QStringLiteral("parallel"), Tr::tr("--suite: requests in flight at once (default 4)."), QStringLiteral("n"), QStringLiteral("4"));
    const QCommandLineOption withoutContextOpt(QStringLiteral("without-context"), Tr::tr("--suite: run the cases without their \"context\"."));
    const QCommandLineOption compareContextOpt(QStringLiteral("compare-context"), Tr::tr("--suite: run the cases with their \"context\", then without, and print both tables and the difference per metric."));
    const QCommandLineOption contextOpt(QStringLiteral("context"), Tr::tr("A file sent as extra context beside prefix and suffix (repeatable), in the server's form: llama.cpp's input_extra, a template's repository format, else comment headers before the prompt."), QStringLiteral("file"));
    const QCommandLineOption contextBudgetOpt(QStringLiteral("context-budget"), Tr::tr("Tokens of extra context at most (estimated, 4 characters a token; default 1024); chunks that do not fit are left out and named."), QStringLiteral("n"), QString::number(ContextChoice::DefaultBudget));
    const QCommandLineOption healthOpt(QStringLiteral("health"), Tr::tr("Check the endpoint's health as the Health panel does (state, round trip, what the server tells of itself, a proxy member's usage) and exit 0 when it is OK."));
    const BatchOptions batch; // --batch and the kept jobs' options (cli/batchcommand.h)
    batch.addTo(parser);
    const QCommandLineOption statsOpt(QStringLiteral("stats"), Tr::tr("Print what became of the suggestions the playground showed (acceptance, persistence, latency per profile, model, template and context) from the history; with --json, one JSON line per group."));
    const QCommandLineOption sinceOpt(QStringLiteral("since"), Tr::tr("--stats: only suggestions shown since DATE (2026-12-01, an ISO date-time, or 7d / 12h / 30m before now)."), QStringLiteral("date"));
    parser.addOptions({suiteOpt, parallelOpt, withoutContextOpt, compareContextOpt, healthOpt, contextOpt, contextBudgetOpt, statsOpt, sinceOpt});
    const TestOptions testOpts;
    parser.addOptions(testOpts.all());
    parser.addOptions({endpointOpt, kindOpt, templateOpt, printPromptOpt, modelOpt, prefixOpt, prefixFileOpt, suffixOpt, suffixFileOpt, maxTokensOpt,
                       minTokensOpt, temperatureOpt, topPOpt, stopOpt, seedOpt, streamOpt, jsonOpt, repeatOpt, timeoutOpt, recordOpt, historyOpt, speedOpt});
    parser.process(app);
    if (!parser.positionalArguments().isEmpty())
        return usageError(Tr::tr("unexpected argument \"%1\"").arg(parser.positionalArguments().constFirst()));

    if (testOpts.anySet(parser) && !parser.isSet(suiteOpt))
        return usageError(Tr::tr("--run-tests, --test-time-limit and --test-memory go with --suite"));
    if ((parser.isSet(withoutContextOpt) || parser.isSet(compareContextOpt)) && !parser.isSet(suiteOpt))
        return usageError(Tr::tr("--without-context and --compare-context go with --suite"));
    if (parser.isSet(suiteOpt) && parser.isSet(contextOpt))
        return usageError(Tr::tr("--context does not go with --suite: a suite's cases carry their own \"context\""));
    if (parser.isSet(withoutContextOpt) && parser.isSet(compareContextOpt))
        return usageError(Tr::tr("--without-context and --compare-context exclude each other"));
    if (const QString why = batch.usageError(parser, parser.isSet(suiteOpt), parser.isSet(compareContextOpt)); !why.isEmpty())
        return usageError(why);

    // --stats reads the history and asks no server: nothing of an endpoint matters to it.
    if (parser.isSet(sinceOpt) && !parser.isSet(statsOpt))
        return usageError(Tr::tr("--since goes with --stats"));
    if (parser.isSet(statsOpt)) {
        for (const QCommandLineOption *other : {&suiteOpt, &healthOpt, &prefixOpt, &prefixFileOpt, &recordOpt, &contextOpt}) {
            if (parser.isSet(*other))
                return usageError(Tr::tr("--stats does not go with --%1").arg(other->names().constFirst()));
        }
        QDateTime since;
        if (parser.isSet(sinceOpt)) {
            since = parseSince(parser.value(sinceOpt), QDateTime::currentDateTime());
            if (!since.isValid())
                return usageError(Tr::tr("--since takes a date (2026-12-01), an ISO date-time or 7d / 12h / 30m, not \"%1\"").arg(parser.value(sinceOpt)));
        }
        return runStatsCommand(parser.isSet(historyOpt) ? parser.value(historyOpt) : HistoryStore::defaultPath(), since,
                               parser.isSet(jsonOpt));
    }

    Endpoint endpoint;
    endpoint.name = Tr::tr("Command line"); // as the window names an endpoint given on its command line
    endpoint.baseUrl = QUrl(parser.isSet(endpointOpt) ? parser.value(endpointOpt)
                                                      : qEnvironmentVariable("FIM_ENDPOINT", Endpoint::defaultProxyUrl().toString()));
    const bool detect = parser.value(kindOpt) == u"auto";
    if (parser.isSet(kindOpt) && !detect) {
        const auto kind = endpointKindFromName(parser.value(kindOpt));
        if (!kind)
            return usageError(Tr::tr("--kind must be codestral, proxy, llamacpp, ollama, openai, replay or auto"));
        endpoint.kind = *kind;
        if (*kind == EndpointKind::Replay && !parser.isSet(endpointOpt))
            endpoint.baseUrl = Endpoint::defaultUrl(EndpointKind::Replay);
    } else {
        endpoint.kind = endpoint.baseUrl.host().endsWith(u"mistral.ai") ? EndpointKind::Codestral : EndpointKind::Proxy;
    }
    if (const QString why = endpoint.validationError(); !why.isEmpty())
        return usageError(Tr::tr("--endpoint: %1").arg(why));
    bool speedOk = false;
    endpoint.replaySpeed = parser.value(speedOpt).toDouble(&speedOk);
    if (!speedOk || endpoint.replaySpeed < 0)
        return usageError(Tr::tr("--speed needs a factor of 0 or more"));
    const QString historyPath = parser.isSet(historyOpt) ? parser.value(historyOpt) : HistoryStore::defaultPath();

    QString error;
    if (parser.isSet(templateOpt)) {
        const QString name = parser.value(templateOpt);
        if (name == u"auto" || FimTemplate::builtIn(name)) {
            endpoint.promptTemplate = name;
        } else if (const auto file = FimTemplate::fromFile(name, &error)) {
            endpoint.promptTemplate = QStringLiteral("custom");
            endpoint.customTemplate = file->text;
            endpoint.customStops = file->stops;
        } else {
            return usageError(QFileInfo::exists(name) ? error
                                                      : Tr::tr("--template: \"%1\" is neither a built-in template nor a file").arg(name));
        }
    }

    FimRequest request;
    request.model = parser.value(modelOpt);
    // The text of --prefix/--suffix, or of the file --prefix-file/--suffix-file names.
    auto textOption = [&](const QCommandLineOption &textOpt, const QCommandLineOption &fileOpt, QString &target) {
        if (!parser.isSet(fileOpt)) {
            target = parser.value(textOpt);
            return true;
        }
        const auto text = readText(parser.value(fileOpt), &error);
        if (text)
            target = *text;
        return text.has_value();
    };
    if (!textOption(prefixOpt, prefixFileOpt, request.prompt) || !textOption(suffixOpt, suffixFileOpt, request.suffix))
        return usageError(error);
    auto number = [&](const QCommandLineOption &opt, auto &target, auto convert) -> bool {
        if (!parser.isSet(opt))
            return true;
        bool ok = false;
        target = convert(parser.value(opt), &ok);
        return ok;
    };
    const auto toInt = [](const QString &s, bool *ok) { return s.toInt(ok); };
    const auto toDouble = [](const QString &s, bool *ok) { return s.toDouble(ok); };
    const auto toLong = [](const QString &s, bool *ok) { return s.toLongLong(ok); };
    if (!number(maxTokensOpt, request.maxTokens, toInt) || !number(minTokensOpt, request.minTokens, toInt)
        || !number(temperatureOpt, request.temperature, toDouble) || !number(topPOpt, request.topP, toDouble)
        || !number(seedOpt, request.randomSeed, toLong))
        return usageError(Tr::tr("a numeric option has a value that is not a number"));
    if (!request.maxTokens)
        request.maxTokens = FimRequest::DefaultMaxTokens;
    request.stop = parser.values(stopOpt);
    request.stream = parser.isSet(streamOpt);
    bool repeatOk = false;
    const int repeat = parser.value(repeatOpt).toInt(&repeatOk);
    if (!repeatOk || repeat < 1)
        return usageError(Tr::tr("--repeat needs a number from 1"));
    const bool json = parser.isSet(jsonOpt);
    ClientTimeouts timeouts;
    if (parser.isSet(timeoutOpt)) {
        bool ok = false;
        timeouts.totalMs = parser.value(timeoutOpt).toInt(&ok);
        if (!ok || timeouts.totalMs <= 0)
            return usageError(Tr::tr("--timeout needs milliseconds"));
        timeouts.connectMs = std::min(timeouts.connectMs, timeouts.totalMs);
        timeouts.firstByteMs = timeouts.idleMs = timeouts.totalMs;
    }

    // --record: into the same file the playground writes, at the same time if need be (WAL). A
    // history that cannot be written is said once; the completions go on.
    std::unique_ptr<HistoryStore> recorder;
    if (parser.isSet(recordOpt)) {
        recorder = std::make_unique<HistoryStore>();
        if (!recorder->open(historyPath, &error)) {
            std::fprintf(stderr, "fim-complete: not recording: %s\n", qPrintable(error));
            recorder.reset();
        }
    }
    auto recordExchange = [&](const Exchange &x, const QString &profile, const QString &shown) {
        if (!recorder || x.kind == EndpointKind::Replay) // a replay is in the history already
            return;
        HistoryRecord r = historyRecordOf(x, profile, QStringLiteral("fim-complete"));
        r.cleanedAnswer = x.timing.outcome == RequestTiming::Outcome::Ok ? shown : QString();
        if (!recorder->append(r, &error)) {
            std::fprintf(stderr, "fim-complete: not recording: %s\n", qPrintable(error));
            recorder.reset();
        }
    };

    ReplayNetworkAccess network(historyPath); // http(s) as usual; replay:// from the history
    if (const std::optional<int> done = batch.runKeptJobs(parser, &network, historyPath, json))
        return *done;
    if (parser.isSet(healthOpt))
        return runHealthCommand(&network, endpoint, json);
    if (parser.isSet(suiteOpt)) {
        SuiteCommand suite;
        suite.path = parser.value(suiteOpt);
        bool parallelOk = false;
        suite.parallel = parser.value(parallelOpt).toInt(&parallelOk);
        if (!parallelOk || suite.parallel < 1 || suite.parallel > 64)
            return usageError(Tr::tr("--parallel needs a number from 1 to 64"));
        const QStringList urls = parser.isSet(endpointOpt) ? parser.values(endpointOpt) : QStringList{endpoint.baseUrl.toString()};
        // One --kind for every endpoint, or one per --endpoint, in their order.
        const QStringList kinds = parser.values(kindOpt);
        if (kinds.size() > 1 && kinds.size() != urls.size())
            return usageError(Tr::tr("--suite takes one --kind for all endpoints or one per --endpoint (%1 kinds, %2 endpoints)")
                                  .arg(kinds.size())
                                  .arg(urls.size()));
        for (qsizetype i = 0; i < urls.size(); ++i) {
            Endpoint e = endpoint;
            e.name = urls.at(i);
            e.baseUrl = QUrl(urls.at(i));
            const QString kind = kinds.isEmpty() ? QString() : kinds.at(kinds.size() == 1 ? 0 : i);
            if (kind == u"auto")
                return usageError(Tr::tr("--kind auto asks one server; give --suite the kind of each endpoint"));
            if (kind.isEmpty())
                e.kind = e.baseUrl.host().endsWith(u"mistral.ai") ? EndpointKind::Codestral : EndpointKind::Proxy;
            else if (const auto k = endpointKindFromName(kind))
                e.kind = *k;
            else
                return usageError(Tr::tr("--kind must be codestral, proxy, llamacpp, ollama, openai, replay or auto"));
            if (const QString why = e.validationError(); !why.isEmpty())
                return usageError(Tr::tr("--endpoint %1: %2").arg(urls.at(i), why));
            suite.endpoints.append(e);
        }
        suite.parameters = request;
        suite.parameters.model = parser.value(modelOpt); // each endpoint's default when none
        suite.json = json;
        if (parser.isSet(withoutContextOpt))
            suite.context = SuiteCommand::Context::Without;
        else if (parser.isSet(compareContextOpt))
            suite.context = SuiteCommand::Context::Compare;
        suite.timeouts = timeouts;
        if (const QString why = testOpts.read(parser, &suite.testing); !why.isEmpty())
            return usageError(why);
        suite.onExchange = [&](const Exchange &x, const QString &profile, const QString &shown) { recordExchange(x, profile, shown); };
        if (parser.isSet(batch.batch)) {
            if (const QString why = batch.suiteError(suite); !why.isEmpty())
                return usageError(why);
            suite.batch = true;
            suite.historyPath = historyPath;
            suite.batchPollMs = batch.pollMs(parser);
            return runBatchSuiteCommand(&network, suite);
        }
        return runSuiteCommand(&network, suite);
    }
    // --kind auto: ask the server what it is before anything else.
    if (detect) {
        EndpointDetector detector(&network);
        int detected = -1;
        QObject::connect(&detector, &EndpointDetector::detected, &app, [&](const QUrl &, EndpointKind kind, const QString &what) {
            endpoint.kind = kind;
            detected = 1;
            std::fprintf(stderr, "fim-complete: %s answers as %s (%s)\n", qPrintable(endpoint.baseUrl.toString()),
                         qPrintable(endpointKindName(kind)), qPrintable(what));
            QCoreApplication::exit(0);
        });
        QObject::connect(&detector, &EndpointDetector::failed, &app, [&](const QUrl &, const QString &reason) {
            std::fprintf(stderr, "fim-complete: %s\n", qPrintable(reason));
            detected = 0;
            QCoreApplication::exit(1);
        });
        detector.probe(endpoint.baseUrl);
        app.exec();
        if (detected != 1)
            return 1;
    }
    if (parser.isSet(templateOpt) && !endpoint.takesTemplates())
        return usageError(Tr::tr("--template applies to the kinds llamacpp, ollama and openai; %1 builds the prompt itself")
                              .arg(endpointKindName(endpoint.kind)));
    if (request.model.isEmpty())
        request.model = endpoint.defaultModel();
    if (parser.isSet(prefixFileOpt) && parser.value(prefixFileOpt) != u"-")
        request.fileName = QFileInfo(parser.value(prefixFileOpt)).fileName();
    if (parser.isSet(contextOpt)) {
        bool budgetOk = false;
        ContextChoice choice;
        choice.budgetTokens = parser.value(contextBudgetOpt).toInt(&budgetOk);
        if (!budgetOk || choice.budgetTokens < 0)
            return usageError(Tr::tr("--context-budget needs a number of tokens, 0 or more"));
        PinnedSources pinned;
        for (const QString &file : parser.values(contextOpt)) {
            if (!QFileInfo(file).isFile())
                return usageError(Tr::tr("--context: \"%1\" is not a file").arg(file));
            pinned.pin(file);
        }
        for (const PinnedSources::Entry &e : pinned.entries())
            if (e.state != PinnedSources::State::Ok)
                return usageError(Tr::tr("--context: \"%1\" %2").arg(e.path, e.note));
        ExtraContextAssembler::Sources sources;
        sources.pinned = pinned.items();
        const ContextSelection selection = ExtraContextAssembler::assemble(sources, choice, {});
        request.extra = selection.chunks();
        for (const ContextSelection::Omitted &o : selection.leftOut)
            std::fprintf(stderr, "fim-complete: context left out, over the budget of %d tokens: %s lines %d-%d (≈ %d tokens)\n",
                         selection.budget, qPrintable(o.item.filename), o.item.firstLine, o.item.lastLine, o.item.estimatedTokens());
    }

    if (parser.isSet(printPromptOpt)) {
        const std::optional<WireRequest> wire = FimBackend::forKind(endpoint.kind).buildRequest(endpoint, request, &error);
        if (!wire) {
            std::fprintf(stderr, "fim-complete: %s\n", qPrintable(error));
            return 1;
        }
        QTextStream out(stdout);
        if (wire->usedTemplate) {
            out << wire->rawPrompt;
        } else {
            std::fprintf(stderr, "fim-complete: the server builds the prompt from prefix and suffix (kind %s); this is the "
                                 "request body for %s\n",
                         qPrintable(endpointKindName(endpoint.kind)), qPrintable(wire->url.toString()));
            out << wire->body << '\n';
        }
        return 0;
    }

    FimClient client(&network);
    client.setTimeouts(timeouts);
    client.setEndpoint(endpoint, SecretStore::fromEnvironment(endpoint));
    QString lastText;
    if (recorder) // without --record no exchange is looked at
        QObject::connect(&client, &FimClient::exchangeRecorded, &app, [&](const Exchange &x) { recordExchange(x, endpoint.name, lastText); });

    QTextStream out(stdout);
    LatencyHistory history{std::size_t(repeat)};
    int remaining = repeat;
    int exitCode = 0;
    bool streamedText = false;
    std::function<void()> next = [&] {
        FimReply *reply = client.complete(request);
        if (request.stream && !json) {
            QObject::connect(reply, &FimReply::delta, &app, [&](const QString &text) {
                out << text;
                out.flush();
                streamedText = true;
            });
        }
        QObject::connect(reply, &FimReply::finished, &app, [&](const CompletionResult &r) {
            lastText = r.text;
            if (json) {
                QJsonObject o = requestTimingToJson(r.timing);
                o.insert(QStringLiteral("text"), r.text);
                o.insert(QStringLiteral("finish_reason"), r.finishReason);
                out << QJsonDocument(o).toJson(QJsonDocument::Compact) << '\n';
            } else if (!streamedText) {
                out << r.text << '\n';
            } else {
                out << '\n';
            }
            out.flush();
            streamedText = false;
        });
        QObject::connect(reply, &FimReply::failed, &app, [&](const FimError &e) {
            std::fprintf(stderr, "fim-complete: %s\n", qPrintable(e.message));
            // The kind was guessed (proxy) and the route is not there: the server may be another kind.
            if (e.httpStatus == 404 && !parser.isSet(kindOpt))
                std::fprintf(stderr, "fim-complete: %s\n",
                             qPrintable(Tr::tr("No --kind was given, so the proxy's route was asked. For llama-server, Ollama or "
                                               "an OpenAI-style server name its kind (--kind llamacpp, ollama, openai), or let "
                                               "fim-complete ask it: --kind auto.")));
            if (json) {
                QJsonObject err{{QStringLiteral("kind"), e.kindName()}, {QStringLiteral("status"), e.httpStatus},
                                {QStringLiteral("message"), e.message}};
                if (e.retryAfterSeconds)
                    err.insert(QStringLiteral("retry_after"), *e.retryAfterSeconds);
                out << QJsonDocument(QJsonObject{{QStringLiteral("error"), err}}).toJson(QJsonDocument::Compact) << '\n';
                out.flush();
            }
            exitCode = 1;
        });
    };
    QObject::connect(&client, &FimClient::timingRecorded, &app, [&](const RequestTiming &t) {
        history.append(t);
        if (exitCode != 0 || --remaining == 0) {
            if (repeat > 1 && history.percentile(0.5)) {
                std::fprintf(stderr, "fim-complete: %d requests, total median %.2f ms, p95 %.2f ms; first byte median %.2f ms\n",
                             int(history.size()), *history.percentile(0.5), *history.percentile(0.95),
                             history.percentile(0.5, LatencyHistory::Measure::FirstByte).value_or(-1));
            }
            QCoreApplication::exit(exitCode);
            return;
        }
        QMetaObject::invokeMethod(&app, next, Qt::QueuedConnection);
    });
    next();
    return app.exec();
}
