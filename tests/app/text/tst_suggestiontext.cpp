#include "text/suggestiontext.h"

#include <QTest>

using namespace SuggestionText;

// Cleaning answers by model family, streaming hold-back, and grapheme-safe splitting.
class TestSuggestionText : public QObject
{
    Q_OBJECT

private slots:
    void familyFromModelName()
    {
        QCOMPARE(familyForModel(QStringLiteral("codestral-latest"), false), Family::Mistral);
        QCOMPARE(familyForModel(QString(), true), Family::Mistral);
        QCOMPARE(familyForModel(QString(), false), Family::Unknown);
        QCOMPARE(familyForModel(QStringLiteral("qwen2.5-coder:1.5b"), false), Family::Qwen);
        QCOMPARE(familyForModel(QStringLiteral("bigcode/starcoder2-3b"), false), Family::StarCoder);
        QCOMPARE(familyForModel(QStringLiteral("deepseek-coder-6.7b-base"), false), Family::DeepSeek);
        QCOMPARE(familyForModel(QStringLiteral("codellama:7b-code"), false), Family::CodeLlama);
        QCOMPARE(familyForModel(QStringLiteral("codegemma:2b"), false), Family::CodeGemma);
    }

    void sanitize_data()
    {
        QTest::addColumn<QString>("answer");
        QTest::addColumn<int>("family");
        QTest::addColumn<QString>("expected");
        const int mistral = int(Family::Mistral), qwen = int(Family::Qwen), star = int(Family::StarCoder),
                  llama = int(Family::CodeLlama), unknown = int(Family::Unknown), deepseek = int(Family::DeepSeek);
        QTest::newRow("HTML <s> stays (Mistral)") << "<s>old</s> price" << mistral << "<s>old</s> price";
        QTest::newRow("HTML <s> at the end stays") << "x <s>old</s>" << mistral << "x <s>old</s>";
        QTest::newRow("C buf[PREFIX] stays (Mistral)") << "buf[PREFIX] = 0;" << mistral << "buf[PREFIX] = 0;";
        QTest::newRow("leading BOS (Mistral)") << "<s>return a + b" << mistral << "return a + b";
        QTest::newRow("trailing EOS (Mistral)") << "return a + b</s>" << mistral << "return a + b";
        QTest::newRow("Qwen end of text ends it") << "a + b<|endoftext|>junk" << qwen << "a + b";
        QTest::newRow("Qwen fim token removed") << "<|fim_middle|>a + b" << qwen << "a + b";
        QTest::newRow("other family's token stays") << "a<|endoftext|>b" << mistral << "a<|endoftext|>b";
        QTest::newRow("StarCoder") << "<fim_middle>x = 1<|endoftext|>" << star << "x = 1";
        QTest::newRow("CodeLlama EOT at the end") << "x = 1 <EOT>" << llama << "x = 1 ";
        QTest::newRow("CodeLlama <PRE> in code stays") << "s = \"<PRE>\";" << llama << "s = \"<PRE>\";";
        QTest::newRow("DeepSeek") << "y<\uFF5Cend\u2581of\u2581sentence\uFF5C>z" << deepseek << "y";
        QTest::newRow("unknown: distinct tokens only") << "<|fim_middle|>a[SUFFIX]</s>" << unknown << "a[SUFFIX]</s>";
        // No model name and no template (llama-server answers without one): only tokens no text
        // contains; a tag that is also some model's token is text.
        QTest::newRow("unknown: XML <filename> stays") << "<filename>a.py</filename>" << unknown << "<filename>a.py</filename>";
        QTest::newRow("unknown: <repo_name> stays") << "x = '<repo_name>'" << unknown << "x = '<repo_name>'";
        QTest::newRow("unknown: StarCoder look-alikes stay") << "<fim_middle>x</fim_middle>" << unknown << "<fim_middle>x</fim_middle>";
        QTest::newRow("unknown: end of text still ends it") << "a<|endoftext|>b" << unknown << "a";
        QTest::newRow("unknown: DeepSeek hole removed") << "<\uFF5Cfim\u2581hole\uFF5C>a" << unknown << "a";
        // StarCoder: the tokens of its template only, and a tag the answer closes is markup.
        QTest::newRow("StarCoder: XML <filename> stays") << "<filename>a.py</filename>" << star << "<filename>a.py</filename>";
        QTest::newRow("StarCoder: <filename> inside code stays") << "f = \"<filename>\"" << star << "f = \"<filename>\"";
        QTest::newRow("StarCoder: <repo_name> is no template token") << "<repo_name>x = 1" << star << "<repo_name>x = 1";
        QTest::newRow("StarCoder: <fim_middle> closed is XML") << "<fim_middle>x</fim_middle>" << star << "<fim_middle>x</fim_middle>";
        QTest::newRow("CodeLlama: HTML <PRE> at the start stays") << "<PRE>x</PRE>" << llama << "<PRE>x</PRE>";
        QTest::newRow("fence around the answer") << "```python\nreturn 1\n```" << mistral << "return 1";
        QTest::newRow("fence inside is code") << "s = '```'\n" << mistral << "s = '```'\n";
    }
    void sanitize()
    {
        QFETCH(QString, answer);
        QFETCH(int, family);
        QFETCH(QString, expected);
        QCOMPARE(SuggestionText::sanitize(answer, Family(family)), expected);
    }

    void streamingHoldsBackTokensAndFences()
    {
        // A token arriving in pieces never shows.
        QCOMPARE(sanitizeStreaming(QStringLiteral("a + b<|end"), Family::Qwen), QStringLiteral("a + b"));
        QCOMPARE(sanitizeStreaming(QStringLiteral("a + b<|endoftext|>"), Family::Qwen), QStringLiteral("a + b"));
        // A "<" at the very end waits for the next piece, which tells whether it opens a token (so
        // the shown text is always a start of the final one); once followed, it is code and shows.
        QCOMPARE(sanitizeStreaming(QStringLiteral("if a <"), Family::Qwen), QStringLiteral("if a "));
        QCOMPARE(sanitizeStreaming(QStringLiteral("if a < b"), Family::Qwen), QStringLiteral("if a < b"));
        // A fence: nothing while its first line arrives, never the fence lines themselves.
        QCOMPARE(sanitizeStreaming(QStringLiteral("``"), Family::Mistral), QString());
        QCOMPARE(sanitizeStreaming(QStringLiteral("```pyth"), Family::Mistral), QString());
        QCOMPARE(sanitizeStreaming(QStringLiteral("```python\nreturn"), Family::Mistral), QStringLiteral("return"));
        QCOMPARE(sanitizeStreaming(QStringLiteral("```python\nreturn 1\n``"), Family::Mistral), QStringLiteral("return 1"));
        QCOMPARE(sanitizeStreaming(QStringLiteral("```python\nreturn 1\n```"), Family::Mistral), QStringLiteral("return 1"));
        // Each streamed step is a beginning of the final text, so what is shown only grows.
        const QString answer = QStringLiteral("```py\nx = 1\ny = 2\n```");
        QString last;
        for (qsizetype n = 0; n <= answer.size(); ++n) {
            const QString shown = sanitizeStreaming(answer.left(n), Family::Mistral);
            QVERIFY2(QStringView(shown).left(last.size()) == last, qPrintable(QStringLiteral("step %1: [%2] after [%3]").arg(n).arg(shown, last)));
            last = shown;
        }
        QCOMPARE(last, SuggestionText::sanitize(answer, Family::Mistral));
    }

    // What streams for an answer with a tag that is some model's token is always a beginning of
    // the final text, and the final text keeps the tag.
    void streamingKeepsTagsThatAreText()
    {
        const QString answer = QStringLiteral("<files><filename>a.py</filename><repo_name>r</repo_name></files>");
        for (Family family : {Family::Unknown, Family::StarCoder}) {
            QCOMPARE(SuggestionText::sanitize(answer, family), answer);
            for (qsizetype n = 0; n <= answer.size(); ++n) {
                const QString shown = sanitizeStreaming(answer.left(n), family);
                QVERIFY2(answer.startsWith(shown), qPrintable(QStringLiteral("%1 at %2: %3").arg(familyName(family)).arg(n).arg(shown)));
            }
            QCOMPARE(sanitizeStreaming(answer, family), answer);
        }
    }

    void wordsAreWholeGraphemes()
    {
        QCOMPARE(nextWordLength(u"foo(bar)"), 3);
        QCOMPARE(nextWordLength(u"  foo"), 5);
        QCOMPARE(nextWordLength(u"((x"), 2);
        QCOMPARE(nextWordLength(u"\nx"), 1);
        // e + combining acute is one grapheme and a letter.
        QCOMPARE(nextWordLength(u"cafe\u0301 ok"), 5);
        // Two emoji: surrogate pairs, never split; a run of the same one.
        QCOMPARE(nextWordLength(u"\U0001F600\U0001F600x"), 4);
        QCOMPARE(nextWordLength(u"\U0001F600\U0001F601"), 2);
    }

    void graphemeBoundaries()
    {
        const QString s = QStringLiteral("a\U0001F600e\u0301b");
        QVERIFY(isGraphemeBoundary(s, 1));
        QVERIFY(!isGraphemeBoundary(s, 2)); // inside the surrogate pair
        QVERIFY(!isGraphemeBoundary(s, 4)); // between e and its accent
        QCOMPARE(graphemeBoundaryBefore(s, 2), 1);
        QCOMPARE(graphemeBoundaryAfter(s, 2), 3);
        QCOMPARE(graphemeBoundaryBefore(s, 4), 3);
        QCOMPARE(graphemeBoundaryAfter(s, 4), 5);
    }

    void overlapNeverSplitsAGrapheme()
    {
        QCOMPARE(trimOverlap(QStringLiteral("bar)"), u")"), QStringLiteral("bar"));
        // The text after the cursor is a combining accent: the e it belongs to stays whole.
        QCOMPARE(trimOverlap(QStringLiteral("cafe\u0301"), u"\u0301"), QStringLiteral("cafe\u0301"));
    }
};

QTEST_GUILESS_MAIN(TestSuggestionText)
#include "tst_suggestiontext.moc"
