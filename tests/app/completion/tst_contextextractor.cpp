#include "completion/contextextractor.h"

#include <QRandomGenerator>
#include <QTest>

namespace {
// A document of many lines that counts how many lines were read.
class CountingSource final : public TextSource
{
public:
    explicit CountingSource(int lines)
        : m_lines(lines)
    {
    }
    int lineCount() const override { return m_lines; }
    QString line(int index) const override
    {
        ++reads;
        return QStringLiteral("line %1 of the document, padded to some length").arg(index, 10, 10, QLatin1Char('0'));
    }
    mutable int reads = 0;

private:
    int m_lines;
};
} // namespace

class TestContextExtractor : public QObject
{
    Q_OBJECT

private slots:
    void windows_data()
    {
        QTest::addColumn<QString>("doc");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        QTest::addColumn<ContextLimits>("limits");
        QTest::addColumn<QString>("prefix");
        QTest::addColumn<QString>("suffix");
        const QString doc = QStringLiteral("aa\nbbbb\ncc|dd\neeee\nff");
        QTest::newRow("whole") << doc << 2 << 2 << ContextLimits{} << QStringLiteral("aa\nbbbb\ncc")
                               << QStringLiteral("|dd\neeee\nff");
        QTest::newRow("line limits") << doc << 2 << 2 << ContextLimits{1000, 1000, 1, 1} << QStringLiteral("bbbb\ncc")
                                     << QStringLiteral("|dd\neeee");
        QTest::newRow("zero lines") << doc << 2 << 2 << ContextLimits{1000, 1000, 0, 0} << QStringLiteral("cc")
                                    << QStringLiteral("|dd");
        // 8 characters allow "bbbb\n" + "cc" (7) but not "aa\n" too: the cut is on a line boundary.
        QTest::newRow("char limits") << doc << 2 << 2 << ContextLimits{8, 9, -1, -1} << QStringLiteral("bbbb\ncc")
                                     << QStringLiteral("|dd\neeee");
        QTest::newRow("cursor line longer than limit") << QStringLiteral("x\n0123456789") << 1 << 8 << ContextLimits{3, 1, -1, -1}
                                                       << QStringLiteral("567") << QStringLiteral("8");
        QTest::newRow("start") << doc << 0 << 0 << ContextLimits{} << QString() << doc;
        QTest::newRow("end") << doc << 4 << 2 << ContextLimits{} << doc << QString();
        QTest::newRow("clamped") << doc << 99 << 99 << ContextLimits{} << doc << QString();
        QTest::newRow("crlf") << QStringLiteral("a\r\nb\rc") << 1 << 1 << ContextLimits{} << QStringLiteral("a\nb")
                              << QStringLiteral("\nc");
        QTest::newRow("empty") << QString() << 0 << 0 << ContextLimits{} << QString() << QString();
    }

    void windows()
    {
        QFETCH(QString, doc);
        QFETCH(int, line);
        QFETCH(int, column);
        QFETCH(ContextLimits, limits);
        const FimContext c = ContextExtractor::extract(StringTextSource(doc), line, column, limits);
        QTEST(c.prefix, "prefix");
        QTEST(c.suffix, "suffix");
    }

    void unlimitedWindowsRebuildTheDocument()
    {
        QString doc;
        auto *rng = QRandomGenerator::global();
        for (int i = 0; i < 200; ++i)
            doc += QString(int(rng->bounded(40)), QLatin1Char('a' + i % 26)) + QLatin1Char('\n');
        const StringTextSource source(doc);
        const ContextLimits big{1 << 30, 1 << 30, -1, -1};
        for (int i = 0; i < 300; ++i) {
            const int line = int(rng->bounded(source.lineCount()));
            const int column = int(rng->bounded(source.line(line).size() + 1));
            const FimContext c = ContextExtractor::extract(source, line, column, big);
            QCOMPARE(c.prefix + c.suffix, doc);
            QVERIFY(!c.prefixCut && !c.suffixCut);
        }
    }

    void cutsLandOnLineBoundaries()
    {
        const QString doc = QStringLiteral("first line\nsecond line\nthird line\nfourth line\nfifth line\n");
        const StringTextSource source(doc);
        for (int limit = 0; limit < 60; ++limit) {
            const FimContext c = ContextExtractor::extract(source, 2, 5, ContextLimits{limit + 5, limit + 6, -1, -1});
            const qsizetype at = doc.indexOf(c.prefix + c.suffix);
            QVERIFY(at >= 0);
            QVERIFY(at == 0 || doc.at(at - 1) == QLatin1Char('\n'));
            const qsizetype end = at + c.prefix.size() + c.suffix.size();
            QVERIFY(end == doc.size() || doc.at(end) == QLatin1Char('\n'));
            QVERIFY(c.prefix.size() <= limit + 5);
            QVERIFY(c.suffix.size() <= limit + 6);
        }
    }

    // The window's position in the document (what the editor shades around) holds exactly the
    // text sent, for every cursor and every limit, cut inside the cursor's line or not.
    void windowPositionHoldsWhatWasSent()
    {
        QString doc;
        auto *rng = QRandomGenerator::global();
        for (int i = 0; i < 60; ++i)
            doc += QString(int(rng->bounded(30)), QLatin1Char('a' + i % 26)) + QLatin1Char('\n');
        const StringTextSource source(doc);
        auto offsetOf = [&source](int line, int column) {
            qsizetype at = 0;
            for (int i = 0; i < line; ++i)
                at += source.line(i).size() + 1;
            return at + column;
        };
        for (int i = 0; i < 400; ++i) {
            const int line = int(rng->bounded(source.lineCount()));
            const int column = int(rng->bounded(source.line(line).size() + 1));
            const ContextLimits limits{int(rng->bounded(200)), int(rng->bounded(200)), int(rng->bounded(12)) - 1,
                                       int(rng->bounded(12)) - 1};
            const FimContext c = ContextExtractor::extract(source, line, column, limits);
            const qsizetype start = offsetOf(c.firstLine, c.firstColumn);
            const qsizetype end = offsetOf(c.lastLine, c.lastColumn);
            QCOMPARE(doc.mid(start, end - start), c.prefix + c.suffix);
            QCOMPARE(start + c.prefix.size(), offsetOf(line, column));
            QCOMPARE(c.prefixCut, start > 0);
        }
    }

    // The cost depends on the window, not on the document: lines read are the same for a document
    // of a thousand lines and of five million.
    void costIsBoundedByTheWindow()
    {
        const ContextLimits limits{4096, 1024, -1, -1};
        CountingSource small(1000);
        ContextExtractor::extract(small, 500, 3, limits);
        CountingSource huge(5'000'000);
        ContextExtractor::extract(huge, 2'500'000, 3, limits);
        QCOMPARE(huge.reads, small.reads);
        QVERIFY(huge.reads < 4096 / 40 + 1024 / 40 + 4);
    }

    // A cut inside the cursor's line never splits a surrogate pair or a grapheme, and lines are
    // joined with the file's own line break.
    void cutsAreWholeGraphemesAndLinesKeepTheirBreak()
    {
        ContextLimits limits;
        limits.maxPrefixChars = 2;
        limits.maxSuffixChars = 2;
        // "xa😀b" before the cursor: its last 2 UTF-16 units start inside the emoji, which is left
        // out whole rather than sent as half a surrogate pair.
        const StringTextSource line(QStringLiteral("xa\U0001F600b|e\u0301zz"));
        const FimContext c = ContextExtractor::extract(line, 0, 5, limits);
        QCOMPARE(c.prefix, QStringLiteral("b"));
        QVERIFY(c.prefixCut);
        // "|e´zz" after: 2 units would end between e and its accent.
        QCOMPARE(c.suffix, QStringLiteral("|"));
        QVERIFY(c.suffixCut);
        const StringTextSource lines(QStringLiteral("one\ntwo\nthree"));
        const FimContext crlf = ContextExtractor::extract(lines, 1, 1, ContextLimits{}, QStringLiteral("\r\n"));
        QCOMPARE(crlf.prefix, QStringLiteral("one\r\nt"));
        QCOMPARE(crlf.suffix, QStringLiteral("wo\r\nthree"));
    }
};

QTEST_GUILESS_MAIN(TestContextExtractor)
#include "tst_contextextractor.moc"
