#include "suite/suiterun.h"

#include "backends/fimbackend.h"
#include "completion/answercleaner.h"
#include "latency/latencyhistory.h"
#include "suite/identifierlexer.h"

#include <QHash>

SuiteRun::SuiteRun(QNetworkAccessManager *network, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_tester(new SuiteTester(this))
{
    connect(m_tester, &SuiteTester::tested, this, [this](quint64 id, const TestOutcome &outcome) {
        if (!m_beingTested.contains(id))
            return;
        SuiteResult r = m_beingTested.take(id);
        r.test = outcome;
        m_results.append(r);
        emit resultReady(r);
        if (!isRunning())
            emit finished();
    });
}

void SuiteRun::setTesting(const SuiteTesting &testing)
{
    m_testing = testing;
    m_tester->setLimits(testing.limits);
    m_tester->setParallel(testing.parallel);
}

bool SuiteRun::testLater(SuiteResult &r)
{
    const SuiteCase &c = m_cases.at(r.caseIndex);
    if (!c.test)
        return false;
    r.test.status = TestOutcome::Status::NotRun;
    if (!r.answered) {
        r.test.detail = tr("not run: no answer");
        return false;
    }
    if (!m_testing.run) {
        r.test.detail = tr("not run: running tests is off");
        return false;
    }
    m_beingTested.insert(r.requestId, r);
    m_tester->test(r.requestId, *c.test, c.test->program(c.request.prompt, c.request.suffix, r.answer));
    return true;
}

SuiteRun::~SuiteRun()
{
    cancel();
}

void SuiteRun::start(const QList<SuiteCase> &cases, const QList<SuiteTarget> &targets, int parallel)
{
    cancel();
    ++m_run;
    qDeleteAll(m_clients); // their replies were aborted by cancel()
    m_clients.clear();
    m_cases = cases;
    m_targets = targets;
    m_results.clear();
    m_parallel = std::max(1, parallel);
    for (int t = 0; t < targets.size(); ++t) {
        auto *client = new FimClient(m_network, this);
        client->setTimeouts(m_timeouts);
        client->setEndpoint(targets.at(t).endpoint, targets.at(t).secret);
        // The exchange follows its reply's result (FimClient): the answer is in the results by then.
        connect(client, &FimClient::exchangeRecorded, this, [this, t](const Exchange &x) {
            const auto r = std::find_if(m_results.cbegin(), m_results.cend(), [&x](const SuiteResult &r) { return r.requestId == x.id; });
            const QString shown = r != m_results.cend() ? r->answer : m_beingTested.value(x.id).answer; // its test may still run
            emit exchangeRecorded(t, x, shown);
        });
        m_clients.append(client);
    }
    // Case by case, each against every target in turn: the targets see the same load.
    for (int c = 0; c < cases.size(); ++c)
        for (int t = 0; t < targets.size(); ++t)
            m_waiting.emplace_back(c, t);
    if (m_waiting.empty()) {
        QMetaObject::invokeMethod(this, &SuiteRun::finished, Qt::QueuedConnection);
        return;
    }
    for (int i = 0; i < m_parallel; ++i)
        sendNext();
}

void SuiteRun::cancel()
{
    m_tester->cancel();
    m_beingTested.clear();
    m_waiting.clear();
    const QList<QPointer<FimReply>> replies = m_replies;
    m_replies.clear();
    m_inFlight = 0;
    for (const QPointer<FimReply> &r : replies)
        if (r)
            r->abort();
}

void SuiteRun::sendNext()
{
    if (m_waiting.empty())
        return;
    const auto [c, t] = m_waiting.front();
    m_waiting.pop_front();
    const SuiteCase &suiteCase = m_cases.at(c);
    const SuiteTarget &target = m_targets.at(t);
    FimRequest request = requestFor(suiteCase, target);
    request.stream = true; // time to first token is one of the figures

    FimReply *reply = m_clients.at(t)->complete(request);
    m_replies.append(reply);
    ++m_inFlight;
    const quint64 run = m_run;
    auto done = [this, run, c, t, id = reply->id(), reply = QPointer<FimReply>(reply)](SuiteResult r) {
        if (run != m_run)
            return;
        r.requestId = id;
        m_replies.removeAll(reply);
        --m_inFlight;
        r.caseIndex = c;
        r.target = t;
        if (!testLater(r)) {
            m_results.append(r);
            emit resultReady(r);
        }
        sendNext();
        if (!isRunning())
            emit finished();
    };
    connect(reply, &FimReply::finished, this, [this, done, c, t, request](const CompletionResult &result) {
        done(answered(m_cases.at(c), m_targets.at(t).endpoint, request, result));
    });
    connect(reply, &FimReply::failed, this, [done](const FimError &error) {
        SuiteResult r;
        r.error = error.message;
        r.httpStatus = error.httpStatus;
        done(r);
    });
}

FimRequest SuiteRun::requestFor(const SuiteCase &suiteCase, const SuiteTarget &target)
{
    // The variant's parameters, then whatever the case sets itself.
    FimRequest request = target.parameters;
    const FimRequest &own = suiteCase.request;
    request.prompt = own.prompt;
    request.suffix = own.suffix;
    if (!own.model.isEmpty())
        request.model = own.model;
    if (own.maxTokens)
        request.maxTokens = own.maxTokens;
    if (own.minTokens)
        request.minTokens = own.minTokens;
    if (own.temperature)
        request.temperature = own.temperature;
    if (own.topP)
        request.topP = own.topP;
    if (!own.stop.isEmpty())
        request.stop = own.stop;
    if (own.randomSeed)
        request.randomSeed = own.randomSeed;
    if (!own.extra.isEmpty())
        request.extra = own.extra;
    if (!own.fileName.isEmpty())
        request.fileName = own.fileName;
    if (!own.commentMarker.isEmpty())
        request.commentMarker = own.commentMarker;
    if (request.model.isEmpty())
        request.model = target.endpoint.defaultModel();
    return request;
}

namespace {

// The language the identifiers are read in: the case's file's, else its benchmark's ("python",
// SAFIM's "cpp", "java", "csharp"), else none in particular (Generic).
IdentifierLexer::Language languageOf(const SuiteCase &suiteCase, const FimRequest &request)
{
    const IdentifierLexer::Language byFile = IdentifierLexer::languageForFile(request.fileName);
    if (byFile != IdentifierLexer::Language::Generic || !suiteCase.test)
        return byFile;
    static const QHash<QString, QString> names{{QStringLiteral("python"), QStringLiteral("Python")}, {QStringLiteral("cpp"), QStringLiteral("C++")},
                                               {QStringLiteral("c"), QStringLiteral("C")},           {QStringLiteral("java"), QStringLiteral("Java")},
                                               {QStringLiteral("csharp"), QStringLiteral("C#")},     {QStringLiteral("javascript"), QStringLiteral("JavaScript")},
                                               {QStringLiteral("rust"), QStringLiteral("Rust")},     {QStringLiteral("go"), QStringLiteral("Go")}};
    return IdentifierLexer::languageNamed(names.value(suiteCase.test->language.toLower(), suiteCase.test->language));
}

} // namespace

SuiteResult SuiteRun::answered(const SuiteCase &suiteCase, const Endpoint &endpoint, const FimRequest &request,
                               const CompletionResult &result)
{
    SuiteResult r;
    r.answered = true;
    const QString lineRest = request.suffix.section(QLatin1Char('\n'), 0, 0);
    r.answer = AnswerCleaner::clean(result.text, {FimBackend::answerFamily(endpoint, request.model), lineRest, request.stop}).text;
    r.httpStatus = result.timing.httpStatus;
    r.firstTokenMs = result.timing.firstTokenMs;
    r.totalMs = result.timing.totalMs;
    r.timing = result.timing;
    if (const std::optional<QString> &expected = suiteCase.expected) {
        r.match = SuiteMatch::of(r.answer, *expected);
        r.scores = CompletionScores::of(r.answer, *expected, languageOf(suiteCase, request));
    }
    return r;
}

QString SuiteSummary::msPair(const std::optional<double> &p50, const std::optional<double> &p95)
{
    auto ms = [](const std::optional<double> &v) { return v ? QString::number(qRound(*v)) : QStringLiteral("–"); };
    return QStringLiteral("%1 / %2 ms").arg(ms(p50), ms(p95));
}

std::optional<double> SuiteSummary::passAt1() const
{
    const int ran = passed + failed + timedOut;
    return ran > 0 ? std::optional<double>(double(passed) / ran) : std::nullopt;
}

void SuiteSummary::count(const TestOutcome &test)
{
    using S = TestOutcome::Status;
    withTest += test.status != S::None;
    passed += test.status == S::Pass;
    failed += test.status == S::Fail;
    timedOut += test.status == S::Timeout;
    testErrors += test.status == S::Error;
    notRun += test.status == S::NotRun;
}

SuiteSummary SuiteRun::summarize(const QList<SuiteCase> &cases, const QList<SuiteResult> &results, int target)
{
    SuiteSummary s;
    LatencyHistory times(std::size_t(std::max<qsizetype>(1, results.size())));
    double totalSum = 0;
    int timed = 0;
    std::vector<double> editSimilarity, identifierF1, chrF;
    for (const SuiteResult &r : results) {
        if (r.target != target)
            continue;
        ++s.cases;
        s.count(r.test);
        if (!r.answered) {
            ++s.errors;
            continue;
        }
        if (!r.batch) // a batch answer has no latency of its own
            times.append(r.timing);
        if (r.totalMs >= 0) {
            totalSum += r.totalMs;
            ++timed;
        }
        if (cases.at(r.caseIndex).expected) {
            ++s.withExpected;
            s.exact += r.match.exact;
            s.prefix += r.match.prefix;
            s.firstLineExact += r.scores.firstLineExact;
            s.identifierExact += r.scores.identifierExact;
            editSimilarity.push_back(r.scores.editSimilarity);
            identifierF1.push_back(r.scores.identifierF1);
            chrF.push_back(r.scores.chrF);
        }
    }
    using M = LatencyHistory::Measure;
    s.firstTokenP50 = times.percentile(0.5, M::FirstToken);
    s.firstTokenP95 = times.percentile(0.95, M::FirstToken);
    s.totalP50 = times.percentile(0.5, M::Total);
    s.totalP95 = times.percentile(0.95, M::Total);
    if (timed > 0)
        s.totalMean = totalSum / timed;
    s.editSimilarity = ScoreSpread::of(std::move(editSimilarity));
    s.identifierF1 = ScoreSpread::of(std::move(identifierF1));
    s.chrF = ScoreSpread::of(std::move(chrF));
    return s;
}
