#pragma once

#include "fakeupstream.h"
#include "wire/endpoint.h"

#include <QJsonObject>
#include <QStringList>

#include <functional>

// The answers of each kind of FIM server, byte for byte as the real ones send them (REFERENCE.md
// §3, the projects' own docs), for FakeUpstream: llama.cpp's llama-server, Ollama and OpenAI-style
// /v1/completions. Streams come in the framing each uses (SSE without [DONE], NDJSON, SSE with
// [DONE]), in pieces; every error shape each server has is here too.
namespace FakeServers {

// llama.cpp
FakeUpstream::Reply llamaAnswer(const QString &text, const QString &stopType = QStringLiteral("eos"));
FakeUpstream::Reply llamaStream(const QStringList &deltas, int delayMs = 0, bool last = true);
QByteArray llamaProps(int nCtx = 4096);
FakeUpstream::Reply llamaLoading();  // 503 while the model loads, on every route
FakeUpstream::Reply llamaNoInfill(); // 501: the model has no FIM tokens

// Ollama
FakeUpstream::Reply ollamaAnswer(const QString &text, const QString &model, const QString &doneReason = QStringLiteral("stop"));
FakeUpstream::Reply ollamaStream(const QStringList &deltas, const QString &model, int delayMs = 0, bool done = true);
QByteArray ollamaVersion();
QByteArray ollamaTags();
QByteArray ollamaShow(bool insert);
FakeUpstream::Reply ollamaNotFound(const QString &model);
FakeUpstream::Reply ollamaNoInsert(const QString &model);

// OpenAI-style
FakeUpstream::Reply openaiAnswer(const QString &text, const QString &model, const QString &finishReason = QStringLiteral("stop"));
FakeUpstream::Reply openaiStream(const QStringList &deltas, const QString &model, int delayMs = 0, bool done = true);
QByteArray openaiModels();
FakeUpstream::Reply openaiSuffixRefused(); // vLLM: 400, suffix not supported

// The completion route of a kind ("/v1/fim/completions", "/infill", "/api/generate", "/v1/completions").
QByteArray completionPath(EndpointKind kind);

// Our proxy's GET /v1/usage for a member, in the Worker's shape (proxy/src/usage.ts): today's
// requests and tokens, quotas (-1: none), and the days before (requests, tokens each).
QByteArray proxyUsage(const QString &member, int requests, int tokens, int dailyRequests, int dailyTokens,
                      const QList<QPair<int, int>> &earlierDays = {});

// Makes server answer as a whole server of this kind: its completion route answers text (whole)
// or deltas (streamed, chunkDelayMs apart) as each request asks (Ollama streams unless told not
// to), and its health, info and model routes answer. With tag, an answer ends with " /*<kind>*/"
// so a test sees which kind answered.
// firstDelayMs: the server's think time before each completion answer.
void serve(FakeUpstream &server, EndpointKind kind, const QString &text, int chunkDelayMs = 0, int chunks = 4, int firstDelayMs = 0,
           bool tag = true);

// The same with an answer made from each request's body: a test that sends several seeds, models
// or temperatures gets a distinct answer for each, so a mix-up shows.
using Answerer = std::function<QString(const QJsonObject &body)>;
// fails: the requests answered "model not found" in the kind's own words.
void serveWith(FakeUpstream &server, EndpointKind kind, const Answerer &answer, int chunkDelayMs = 0, int chunks = 4,
               int firstDelayMs = 0, const std::function<bool(const QJsonObject &body)> &fails = {});
// "seed=7 model=codestral-latest temperature=0.2": what the request asked, wherever its kind puts it.
QString seedAndModel(const QJsonObject &body);

} // namespace FakeServers
