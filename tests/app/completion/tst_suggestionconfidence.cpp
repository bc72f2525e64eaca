// SuggestionConfidence: which requests ask for probabilities, which suggestions Hide below p drops,
// and where each token lies in the cleaned suggestion (with tokens of Debian's llama-server).
#include "backends/fimbackend.h"
#include "completion/suggestionconfidence.h"

#include <QDir>
#include <QFile>
#include <QTest>

#include <cmath>
#include <limits>

namespace {

TokenProbability tok(const QString &text, double p)
{
    return {text, std::log(p), {}};
}

QList<TokenProbability> realTokens(const QString &file)
{
    QFile f(QDir(qEnvironmentVariable("FIM_TEST_DATA")).filePath(QStringLiteral("probabilities/") + file));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("test data %s missing", qPrintable(file));
    return FimBackend::forKind(EndpointKind::LlamaCpp).probabilitiesIn(f.readAll());
}

} // namespace

class TestSuggestionConfidence : public QObject
{
    Q_OBJECT

private slots:
    void asksOnlyWhenShadingOrHiding()
    {
        SuggestionConfidence c;
        QVERIFY(!c.nProbs());
        QVERIFY(!c.holdsStreams());
        c.show = true;
        QCOMPARE(c.nProbs(), SuggestionConfidence::Alternatives);
        QVERIFY(!c.holdsStreams()); // shading draws a stream as it grows
        c.show = false;
        c.hideBelow = 0.3;
        QCOMPARE(c.nProbs(), SuggestionConfidence::Alternatives);
        QVERIFY(c.holdsStreams()); // its probability is known only at its end
    }

    void hideRule_data()
    {
        QTest::addColumn<double>("threshold");
        QTest::addColumn<std::optional<double>>("probability");
        QTest::addColumn<bool>("hidden");
        QTest::newRow("off") << 0.0 << std::optional<double>(0.01) << false;
        QTest::newRow("below") << 0.5 << std::optional<double>(0.12) << true;
        QTest::newRow("equal passes") << 0.5 << std::optional<double>(0.5) << false;
        QTest::newRow("above") << 0.5 << std::optional<double>(0.8) << false;
        QTest::newRow("no probabilities: shown") << 0.5 << std::optional<double>() << false;
        QTest::newRow("1.0 lets nothing below certainty pass") << 1.0 << std::optional<double>(0.999) << true;
    }
    void hideRule()
    {
        QFETCH(double, threshold);
        QFETCH(std::optional<double>, probability);
        QFETCH(bool, hidden);
        SuggestionConfidence c;
        c.hideBelow = threshold;
        QCOMPARE(c.hides(probability), hidden);
    }

    void hiddenLabelHasTwoDecimals()
    {
        QCOMPARE(SuggestionConfidence::hiddenLabel(0.1234), QStringLiteral("hidden: p=0.12"));
        QCOMPARE(SuggestionConfidence::hiddenLabel(0.8), QStringLiteral("hidden: p=0.80"));
    }

    // Each token's characters in the shown text, with its probability.
    void spansFollowTheTokens()
    {
        const QList<TokenProbability> tokens{tok(QStringLiteral("ret"), 0.9), tok(QStringLiteral("urn"), 0.5),
                                             tok(QStringLiteral(" a"), 0.25), tok(QStringLiteral("\n"), 0.1)};
        const QString raw = QStringLiteral("return a\n");
        // The cleaning cut the trailing line break: the last token gives nothing.
        const QList<ConfidenceSpan> spans = SuggestionConfidence::spans(raw, QStringLiteral("return a"), tokens);
        QCOMPARE(spans.size(), 3);
        QCOMPARE((ConfidenceSpan{0, 3, spans.at(0).probability}), spans.at(0));
        QVERIFY(std::abs(spans.at(0).probability - 0.9) < 1e-12);
        QCOMPARE((ConfidenceSpan{3, 3, spans.at(1).probability}), spans.at(1));
        QCOMPARE((ConfidenceSpan{6, 2, spans.at(2).probability}), spans.at(2));
        QVERIFY(std::abs(spans.at(2).probability - 0.25) < 1e-12);
        // The start cut (a leaked special token): the spans are the shown text's own.
        const QList<TokenProbability> leaked{tok(QStringLiteral("<|fim_middle|>"), 0.3), tok(QStringLiteral("x"), 0.7),
                                             tok(QStringLiteral("yz"), 0.6)};
        const QList<ConfidenceSpan> cut = SuggestionConfidence::spans(QStringLiteral("<|fim_middle|>xyz"), QStringLiteral("xy"), leaked);
        QCOMPARE(cut.size(), 2);
        QCOMPARE(cut.at(0).start, 0);
        QCOMPARE(cut.at(0).length, 1);
        QCOMPARE(cut.at(1).start, 1);
        QCOMPARE(cut.at(1).length, 1); // "y" of "yz"
        QVERIFY(std::abs(cut.at(1).probability - 0.6) < 1e-12);
    }

    // Where the tokens cannot be placed, nothing is shaded.
    void noSpansWhereTheyCannotBePlaced()
    {
        const QList<TokenProbability> tokens{tok(QStringLiteral("ab"), 0.9), tok(QStringLiteral("c"), 0.5)};
        QVERIFY(SuggestionConfidence::spans(QStringLiteral("abc"), QStringLiteral("xbc"), tokens).isEmpty()); // not in raw
        QVERIFY(SuggestionConfidence::spans(QStringLiteral("abcd"), QStringLiteral("abc"), tokens).isEmpty()); // tokens short of raw
        QVERIFY(SuggestionConfidence::spans(QStringLiteral("abc"), QString(), tokens).isEmpty());
        QVERIFY(SuggestionConfidence::spans(QStringLiteral("abc"), QStringLiteral("abc"), {}).isEmpty());
        // A token without a probability leaves its characters unshaded.
        const QList<TokenProbability> partly{tok(QStringLiteral("ab"), 0.9),
                                             {QStringLiteral("c"), std::numeric_limits<double>::quiet_NaN(), {}}};
        const QList<ConfidenceSpan> spans = SuggestionConfidence::spans(QStringLiteral("abc"), QStringLiteral("abc"), partly);
        QCOMPARE(spans.size(), 1);
        QCOMPARE(spans.at(0).length, 2);
    }

    // llama-server's held-back tokens (a stop sequence began to match) add no characters; the
    // text they held back goes with the token that released it.
    void spansOfRealHeldBackTokens()
    {
        const QList<TokenProbability> tokens = realTokens(QStringLiteral("llamacpp-infill-heldback.sse"));
        QCOMPARE(tokens.size(), 4);
        const QList<ConfidenceSpan> spans = SuggestionConfidence::spans(QStringLiteral("@y%("), QStringLiteral("@y%("), tokens);
        QCOMPARE(spans.size(), 2);
        QCOMPARE(spans.at(0).start, 0);
        QCOMPARE(spans.at(0).length, 1);
        QCOMPARE(spans.at(0).probability, std::exp(-0.6276442408561707));
        QCOMPARE(spans.at(1).start, 1);
        QCOMPARE(spans.at(1).length, 3);
        QCOMPARE(spans.at(1).probability, std::exp(-1.1534394025802612));
    }
};

QTEST_GUILESS_MAIN(TestSuggestionConfidence)
#include "tst_suggestionconfidence.moc"
