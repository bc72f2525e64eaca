// fake-upstream: the tests' fake Codestral server as a process, for benchmarks and for the proxy's
// end-to-end test. Prints the port it listens on, then serves until killed.
#include "fakeservers.h"
#include "fakeupstream.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption delayOpt(QStringLiteral("delay"), QStringLiteral("Milliseconds before each answer."), QStringLiteral("ms"), QStringLiteral("0"));
    const QCommandLineOption chunkDelayOpt(QStringLiteral("chunk-delay"), QStringLiteral("Milliseconds between streamed chunks."), QStringLiteral("ms"), QStringLiteral("0"));
    const QCommandLineOption chunksOpt(QStringLiteral("chunks"), QStringLiteral("Pieces of a streamed answer."), QStringLiteral("n"), QStringLiteral("8"));
    const QCommandLineOption shapeOpt(QStringLiteral("shape"), QStringLiteral("codestral, seed, llamacpp, ollama or openai."), QStringLiteral("shape"), QStringLiteral("codestral"));
    const QCommandLineOption portOpt(QStringLiteral("port"), QStringLiteral("Port on 127.0.0.1 (default: a free one)."), QStringLiteral("port"), QStringLiteral("0"));
    const QCommandLineOption varyOpt(QStringLiteral("vary"), QStringLiteral("Answer with the request's seed, model and temperature in a comment, so candidates and Compare columns differ."));
    const QCommandLineOption failModelOpt(QStringLiteral("fail-model"), QStringLiteral("With --vary: answer 404 to requests for this model."), QStringLiteral("model"));
    parser.addOptions({delayOpt, chunkDelayOpt, chunksOpt, shapeOpt, portOpt, varyOpt, failModelOpt});
    parser.process(app);

    FakeUpstream server;
    if (!server.listen(quint16(parser.value(portOpt).toUInt()))) {
        std::fprintf(stderr, "fake-upstream: cannot listen\n");
        return 1;
    }
    const int delay = parser.value(delayOpt).toInt();
    if (parser.isSet(varyOpt)) {
        const EndpointKind kind = endpointKindFromName(parser.value(shapeOpt)).value_or(EndpointKind::Codestral);
        const QString failModel = parser.value(failModelOpt);
        FakeServers::serveWith(server, kind, [](const QJsonObject &body) {
            return QStringLiteral("return a + b  # %1").arg(FakeServers::seedAndModel(body));
        }, parser.value(chunkDelayOpt).toInt(), parser.value(chunksOpt).toInt(), delay,
            [failModel](const QJsonObject &body) { return !failModel.isEmpty() && body.value(u"model").toString() == failModel; });
        std::printf("%d\n", server.port());
        std::fflush(stdout);
        return app.exec();
    }
    // The local servers: every route of the kind, whole or streamed as each request asks.
    if (const auto kind = endpointKindFromName(parser.value(shapeOpt)); kind && *kind != EndpointKind::Codestral && *kind != EndpointKind::Proxy) {
        FakeServers::serve(server, *kind, QStringLiteral("return a + b"), parser.value(chunkDelayOpt).toInt(),
                           parser.value(chunksOpt).toInt(), delay);
        std::printf("%d\n", server.port());
        std::fflush(stdout);
        return app.exec();
    }
    const QString text = QStringLiteral("return a + b");
    FakeUpstream::Reply plain = parser.value(shapeOpt) == u"seed" ? FakeUpstream::seedCompletion(text)
                                                                 : FakeUpstream::codestralCompletion(text);
    plain.firstDelayMs = delay;
    QStringList pieces;
    for (int i = 0; i < parser.value(chunksOpt).toInt(); ++i)
        pieces << QStringLiteral("tok%1 ").arg(i);
    FakeUpstream::Reply streamed = FakeUpstream::codestralStream(pieces, parser.value(chunkDelayOpt).toInt());
    streamed.firstDelayMs = delay;
    // The request's "stream" field picks JSON or SSE, as Codestral does.
    server.setReply("/v1/fim/completions", plain);
    QObject::connect(&server, &FakeUpstream::requestReceived, &server, [&server, plain, streamed](const FakeUpstream::Recorded &r) {
        const bool stream = r.json().value(u"stream").toBool();
        server.enqueue(r.path, stream ? streamed : plain);
    }, Qt::DirectConnection);
    std::printf("%d\n", server.port());
    std::fflush(stdout);
    return app.exec();
}
