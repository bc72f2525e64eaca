// Token probabilities against Debian's real llama-server (label "realserver"): the probabilities
// the client reports are the server's own, whole and streamed, on /infill and /v1/completions; in
// the window, Show Confidence shades each token of the ghost text by them, the inspector lists them,
// and Hide below p = 1.0 draws nothing and marks the latency row.
#include "editor/codeeditor.h"
#include "editor/ghosttext.h"
#include "latency/latencymodel.h"
#include "net/fimclient.h"
#include "net/fimreply.h"
#include "panels/inspectorpanel.h"
#include "panels/tokenprobabilityview.h"
#include "realllamaserver.h"
#include "replyrun.h"
#include "testwindow.h"

#include <QAction>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QListWidget>
#include <QNetworkAccessManager>
#include <QTextBlock>
#include <QTextLayout>

#include <algorithm>
#include <cmath>

namespace {

// One token as the server wrote it, read from its JSON here, independently of the client's parsers.
struct ServerToken
{
    QString token;
    double logprob = 0;
    QList<QPair<QString, double>> top;
};

QList<ServerToken> tokensOf(const QJsonArray &entries)
{
    QList<ServerToken> out;
    for (const QJsonValue &v : entries) {
        const QJsonObject o = v.toObject();
        ServerToken t{o.value(u"token").toString(), o.value(u"logprob").toDouble(), {}};
        for (const QJsonValue &top : o.value(u"top_logprobs").toArray())
            t.top.append({top.toObject().value(u"token").toString(), top.toObject().value(u"logprob").toDouble()});
        out.append(t);
    }
    return out;
}

// The tokens of an answer of llama-server, whole or SSE, from /infill ("completion_probabilities")
// or /v1/completions ("choices[0].logprobs.content").
QList<ServerToken> serverTokens(const QByteArray &answer)
{
    QList<QJsonObject> objects;
    if (answer.trimmed().startsWith("data:")) {
        for (const QByteArray &line : answer.split('\n'))
            if (line.startsWith("data: ") && line != "data: [DONE]")
                objects << QJsonDocument::fromJson(line.mid(6)).object();
    } else {
        objects << QJsonDocument::fromJson(answer).object();
    }
    QList<ServerToken> out;
    for (const QJsonObject &o : objects) {
        if (o.contains(u"choices"))
            out += tokensOf(o.value(u"choices").toArray().at(0).toObject().value(u"logprobs").toObject().value(u"content").toArray());
        else
            out += tokensOf(o.value(u"completion_probabilities").toArray());
    }
    return out;
}

double meanProbability(const QList<ServerToken> &tokens)
{
    double sum = 0;
    for (const ServerToken &t : tokens)
        sum += t.logprob;
    return std::exp(sum / double(tokens.size()));
}

} // namespace

class TestRealServerConfidence : public QObject
{
    Q_OBJECT

    RealLlamaServer m_server;
    QNetworkAccessManager m_network;
    std::unique_ptr<TestContext> m_ctx;
    std::unique_ptr<MainWindow> m_window;

    void openWith(const SuggestionConfidence &confidence)
    {
        m_ctx = std::make_unique<TestContext>();
        AppSettings &s = m_ctx->context->settings();
        s.profiles.append(Endpoint(QStringLiteral("real llama-server"), EndpointKind::LlamaCpp, m_server.url()));
        s.activeProfile = QStringLiteral("real llama-server");
        s.request.stream = true;
        s.request.temperature = 0.0;
        s.request.maxTokens = 6;
        s.request.stop.clear();
        s.confidence = confidence;
        m_window = openTestWindow(m_ctx->context.get());
        QVERIFY(m_window);
    }

    // Types text at the end of the editor with real keys, then Ctrl+Space; the exchange once over.
    Exchange typeAndAsk(const QString &text)
    {
        QSignalSpy exchanges(m_ctx->context->client(), &FimClient::exchangeRecorded);
        CodeEditor *editor = m_window->editor();
        editor->setFocus();
        QTest::keyClick(editor, Qt::Key_A, Qt::ControlModifier); // the sample the window opens with goes
        QTest::keyClick(editor, Qt::Key_Delete);
        QTest::keyClicks(editor, text);
        QTest::keyClick(editor, Qt::Key_Space, Qt::ControlModifier);
        if (!exchanges.wait(10000))
            return {};
        return exchanges.first().first().value<Exchange>();
    }

private slots:
    void initTestCase()
    {
        REQUIRE_REAL_LLAMA_SERVER();
        QVERIFY2(m_server.start({QStringLiteral("-np"), QStringLiteral("1")}), qPrintable(m_server.error()));
    }
    void cleanup()
    {
        if (m_window)
            m_window->editor()->document()->setModified(false);
        m_window.reset();
        m_ctx.reset();
    }

    // The client's probabilities, token by token, against the server's answer to the same body
    // posted directly. The same body is asked once before, so that the client's request and the
    // direct one both find the prompt in the slot's cache: llama-server's figures differ in the
    // third decimal between a prompt evaluated whole and one found cached.
    void clientReportsTheServersProbabilities_data()
    {
        QTest::addColumn<EndpointKind>("kind");
        QTest::addColumn<bool>("stream");
        QTest::newRow("/infill whole") << EndpointKind::LlamaCpp << false;
        QTest::newRow("/infill streamed") << EndpointKind::LlamaCpp << true;
        QTest::newRow("/v1/completions whole") << EndpointKind::OpenAi << false;
        QTest::newRow("/v1/completions streamed") << EndpointKind::OpenAi << true;
    }
    void clientReportsTheServersProbabilities()
    {
        QFETCH(EndpointKind, kind);
        QFETCH(bool, stream);
        FimClient client(&m_network);
        client.setEndpoint(Endpoint(QStringLiteral("real llama-server"), kind, m_server.url()), QString());
        FimRequest r;
        r.prompt = QStringLiteral("def area(w, h):\n    return ");
        r.suffix = kind == EndpointKind::LlamaCpp ? QStringLiteral("\n\nprint(area(2, 3))\n") : QString();
        r.maxTokens = 12;
        r.temperature = 0.0;
        r.stream = stream;
        r.nProbs = 3;
        QVERIFY(runReply(&client, r).ok); // the warm-up
        const ReplyOutcome out = runReply(&client, r);
        QVERIFY2(out.ok, qPrintable(out.error.message));
        const QJsonObject sent = QJsonDocument::fromJson(out.exchange.requestBody).object();
        QCOMPARE(sent.value(kind == EndpointKind::LlamaCpp ? u"n_probs" : u"logprobs").toInt(), 3);

        int status = 0;
        const QByteArray direct = m_server.post(out.exchange.url.path(), out.exchange.requestBody, &status);
        QCOMPARE(status, 200);
        const QList<ServerToken> server = serverTokens(direct);
        QCOMPARE(out.result.probs.size(), server.size());
        QCOMPARE(server.size(), 12); // one entry per token generated, none left out
        QString serverText;
        for (qsizetype i = 0; i < server.size(); ++i) {
            const TokenProbability &mine = out.result.probs.at(i);
            const ServerToken &theirs = server.at(i);
            QCOMPARE(mine.token, theirs.token);
            QVERIFY2(std::abs(mine.probability() - std::exp(theirs.logprob)) < 1e-9,
                     qPrintable(QStringLiteral("token %1: %2 against the server's %3").arg(i).arg(mine.probability()).arg(std::exp(theirs.logprob))));
            QCOMPARE(mine.top.size(), theirs.top.size());
            QCOMPARE(mine.top.size(), 3);
            for (qsizetype k = 0; k < theirs.top.size(); ++k) {
                QCOMPARE(mine.top.at(k).first, theirs.top.at(k).first);
                QVERIFY(std::abs(std::exp(mine.top.at(k).second) - std::exp(theirs.top.at(k).second)) < 1e-9);
            }
            serverText += theirs.token;
        }
        QCOMPARE(out.result.text, serverText);
        // The suggestion's probability is the geometric mean of the server's.
        QVERIFY(std::abs(*TokenProbabilities::suggestionProbability(out.result.probs) - meanProbability(server)) < 1e-9);
    }

    // Show Confidence: each character of the ghost text is drawn at the opacity of the token it
    // came from, by the probability the server sent for that token (its own bytes, as recorded).
    void ghostTextIsShadedByTheServersProbabilities()
    {
        SuggestionConfidence confidence;
        confidence.show = true;
        openWith(confidence);
        const Exchange e = typeAndAsk(QStringLiteral("value = "));
        QCOMPARE(e.httpStatus, 200);
        QCOMPARE(QJsonDocument::fromJson(e.requestBody).object().value(u"n_probs").toInt(), SuggestionConfidence::Alternatives);
        CodeEditor *editor = m_window->editor();
        QTRY_VERIFY(editor->hasSuggestion());
        const QList<ServerToken> server = serverTokens(e.rawAnswer);
        QCOMPARE(server.size(), 6);
        QString raw;
        QList<double> charProbability; // of each character of the raw answer
        for (const ServerToken &t : server) {
            raw += t.token;
            for (qsizetype k = 0; k < t.token.size(); ++k)
                charProbability << std::exp(t.logprob);
        }
        const QString shown = editor->suggestion();
        QVERIFY2(raw.startsWith(shown) && !shown.isEmpty(), qPrintable(QStringLiteral("%1 / %2").arg(shown, raw)));

        // What the layout draws: the pre-edit text and its format ranges.
        const QTextBlock block = editor->document()->findBlock(editor->suggestionPosition());
        const QTextLayout *layout = block.layout();
        QCOMPARE(layout->preeditAreaText().size(), shown.size());
        const int at = layout->preeditAreaPosition();
        QList<double> drawn(shown.size(), -1);
        for (const QTextLayout::FormatRange &range : layout->formats()) {
            for (int i = std::max(range.start, at); i < std::min(range.start + range.length, at + int(shown.size())); ++i)
                drawn[i - at] = range.format.foreground().color().alphaF();
        }
        double mostLikely = -1, mostOpaque = -1;
        for (qsizetype i = 0; i < shown.size(); ++i) {
            // The theme's ghost opacity (chosen for its contrast, Contrast::ghostColor), shaded by p.
            const double expected = GhostText::opacityFor(editor->ghostColor().alphaF(), charProbability.at(i));
            QVERIFY2(std::abs(drawn.at(i) - expected) < 1e-4,
                     qPrintable(QStringLiteral("character %1 (%2): opacity %3, expected %4 for p=%5")
                                    .arg(i)
                                    .arg(shown.at(i))
                                    .arg(drawn.at(i))
                                    .arg(expected)
                                    .arg(charProbability.at(i))));
            if (charProbability.at(i) > mostLikely) {
                mostLikely = charProbability.at(i);
                mostOpaque = drawn.at(i);
            }
        }
        for (double a : drawn)
            QVERIFY(a <= mostOpaque + 1e-9);
        // Shaded, not one faded colour: the tokens' probabilities differ, and so do their opacities.
        QVERIFY(*std::max_element(drawn.cbegin(), drawn.cend()) - *std::min_element(drawn.cbegin(), drawn.cend()) > 0.01);

        // The inspector lists the same tokens, their alternatives on hover.
        TokenProbabilityView *view = m_window->inspectorPanel()->tokenView();
        QTRY_VERIFY(view->isVisible());
        QCOMPARE(view->tokenList()->count(), server.size());
        QVERIFY2(view->summary()->text().contains(QString::number(meanProbability(server), 'f', 4)), qPrintable(view->summary()->text()));
        const QString hover = view->tokenList()->item(0)->toolTip();
        for (const auto &[text, logprob] : server.at(0).top)
            QVERIFY2(hover.contains(QString::number(std::exp(logprob), 'f', 4)), qPrintable(hover));

        // View ▸ Show Confidence, off: the ghost text is one faded colour again, and that is kept.
        auto *action = m_window->findChild<QAction *>(QStringLiteral("showConfidence"));
        QVERIFY(action && action->isChecked());
        action->trigger();
        QVERIFY(editor->suggestionConfidence().isEmpty());
        QVERIFY(!m_window->completion()->confidence().show);
        const QTextLayout *after = editor->document()->findBlock(editor->suggestionPosition()).layout();
        for (const QTextLayout::FormatRange &range : after->formats())
            if (range.start >= at && range.start < at + int(shown.size()))
                QVERIFY(std::abs(range.format.foreground().color().alphaF() - editor->ghostColor().alphaF()) < 1e-4);
        QTRY_VERIFY(!SettingsStore(m_ctx->settingsPath()).load().confidence.show);

        // Tab takes it, as it was shown.
        QTest::keyClick(editor, Qt::Key_Tab);
        QCOMPARE(editor->toPlainText(), QStringLiteral("value = ") + shown);
    }

    // Hide below p = 1.0: nothing the tiny model says is certain, so nothing is drawn, not even
    // while it streams, and the latency row says why, with the server's own probability.
    void hideBelowOneDrawsNothing()
    {
        SuggestionConfidence confidence;
        confidence.hideBelow = 1.0;
        openWith(confidence);
        QSignalSpy shown(m_window->completion(), &CompletionController::suggestionShown);
        QSignalSpy hidden(m_window->completion(), &CompletionController::suggestionHidden);
        QSignalSpy timings(m_ctx->context->client(), &FimClient::timingRecorded);
        const Exchange e = typeAndAsk(QStringLiteral("count = "));
        QCOMPARE(e.httpStatus, 200);
        QTRY_VERIFY(!timings.isEmpty());
        QCOMPARE(hidden.size(), 1);
        QVERIFY(shown.isEmpty());
        QVERIFY(!m_window->editor()->hasSuggestion());
        QCOMPARE(m_window->editor()->toPlainText(), QStringLiteral("count = "));
        const QList<ServerToken> server = serverTokens(e.rawAnswer);
        QCOMPARE(server.size(), 6);
        const double p = meanProbability(server);
        QVERIFY(p < 1.0);
        QVERIFY(std::abs(hidden.first().at(1).toDouble() - p) < 1e-9);
        LatencyModel *latency = m_ctx->context->latency();
        QTRY_VERIFY(latency->rowCount() > 0);
        const QString status = latency->index(latency->rowCount() - 1, LatencyModel::Status).data().toString();
        QCOMPARE(status, QStringLiteral("200 · hidden: p=%1").arg(p, 0, 'f', 2));
    }
};

QTEST_MAIN(TestRealServerConfidence)
#include "tst_realserver_confidence.moc"
