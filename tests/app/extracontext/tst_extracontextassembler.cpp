#include "extracontext/extracontextassembler.h"

#include <QTest>

using namespace Qt::StringLiterals;

// What a request carries: the order (pinned, edits newest first, ring newest first), the 50 % rule
// against the text around the cursor, the budget taken whole chunk by chunk, and the server's room.
class TestExtraContextAssembler : public QObject
{
    Q_OBJECT

    static ContextItem item(ContextItem::Source source, const QString &file, const QStringList &lines, quint64 serial)
    {
        ContextItem i;
        i.source = source;
        i.filename = file;
        i.text = lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
        i.serial = serial;
        return i;
    }
    static QStringList filler(const QString &stem, int n, int width)
    {
        QStringList out;
        for (int i = 0; i < n; ++i)
            out.append(QStringLiteral("%1%2").arg(stem).arg(i).leftJustified(width, QLatin1Char('.')));
        return out;
    }
    static QStringList files(const QList<ContextItem> &items)
    {
        QStringList out;
        for (const ContextItem &i : items)
            out.append(i.filename);
        return out;
    }

private slots:
    void ordersPinnedThenEditsThenRingNewestFirst()
    {
        using S = ContextItem::Source;
        ExtraContextAssembler::Sources src;
        src.pinned = {item(S::Pinned, u"p1"_s, filler(u"p"_s, 3, 7), 1), item(S::Pinned, u"p2"_s, filler(u"q"_s, 3, 7), 2)};
        src.edits = {item(S::Edit, u"e-new"_s, filler(u"e"_s, 3, 7), 9), item(S::Edit, u"e-old"_s, filler(u"f"_s, 3, 7), 4)};
        src.ring = {item(S::Ring, u"r-old"_s, filler(u"r"_s, 3, 7), 1), item(S::Ring, u"r-new"_s, filler(u"s"_s, 3, 7), 2)};
        const ContextSelection s = ExtraContextAssembler::assemble(src, ContextChoice{}, {u"def f():"_s});
        QCOMPARE(files(s.sent), (QStringList{u"p1"_s, u"p2"_s, u"e-new"_s, u"e-old"_s, u"r-new"_s, u"r-old"_s}));
        // Each chunk: 3 lines of 7 characters and a line break each = 24 characters = 6 tokens.
        QCOMPARE(s.tokens, 36);
        QCOMPARE(s.budget, 1024);
        QVERIFY(s.leftOut.isEmpty());
        QCOMPARE(s.chunks().last(), (ContextChunk{u"p1"_s, u"p0.....\np1.....\np2.....\n"_s}));
    }

    void leavesOutRingAndEditChunksLikeTheCursorsText()
    {
        using S = ContextItem::Source;
        const QStringList around{u"a"_s, u"b"_s, u"c"_s, u"d"_s, u"e"_s, u"f"_s};
        ExtraContextAssembler::Sources src;
        // 3 of 4 lines around the cursor: 2 × 3 / (4 + 6) = 0.6 > 0.5: left out.
        src.ring = {item(S::Ring, u"like"_s, {u"a"_s, u"b"_s, u"c"_s, u"x"_s}, 1)};
        // 2 of 4: 2 × 2 / 10 = 0.4: sent.
        src.edits = {item(S::Edit, u"unlike"_s, {u"a"_s, u"b"_s, u"y"_s, u"z"_s}, 1)};
        // A pinned chunk is the user's choice: sent however like.
        src.pinned = {item(S::Pinned, u"pinned"_s, around, 1)};
        const ContextSelection s = ExtraContextAssembler::assemble(src, ContextChoice{}, around);
        QCOMPARE(files(s.sent), (QStringList{u"pinned"_s, u"unlike"_s}));
        QCOMPARE(s.leftOut.size(), 1);
        QCOMPARE(s.leftOut.first().item.filename, QStringLiteral("like"));
        QCOMPARE(s.leftOut.first().why, ContextSelection::LeftOut::LikeCursor);
        QCOMPARE(ExtraContextAssembler::linesOf(u"x\ny"_s, u"z\n"_s), (QStringList{u"x"_s, u"yz"_s}));
    }

    void takesWholeChunksWhileTheyFitTheBudget()
    {
        using S = ContextItem::Source;
        ExtraContextAssembler::Sources src;
        // 40 tokens (4 lines of 39 + break = 160 characters), 100 tokens, 24 tokens.
        src.pinned = {item(S::Pinned, u"forty"_s, filler(u"a"_s, 4, 39), 1), item(S::Pinned, u"hundred"_s, filler(u"b"_s, 10, 39), 2),
                      item(S::Pinned, u"twenty-four"_s, filler(u"c"_s, 3, 31), 3)};
        ContextChoice choice;
        choice.budgetTokens = 70;
        const ContextSelection s = ExtraContextAssembler::assemble(src, choice, {});
        QCOMPARE(files(s.sent), (QStringList{u"forty"_s, u"twenty-four"_s}));
        QCOMPARE(s.tokens, 64);
        QCOMPARE(s.leftOut.size(), 1);
        QCOMPARE(s.leftOut.first().item.filename, QStringLiteral("hundred"));
        QCOMPARE(s.leftOut.first().why, ContextSelection::LeftOut::Budget);
        // The server's context lowers the budget: 512 − 300 − 128 = 84 ≥ 64 but < 70+... : 40 + 24 fit, as above;
        // with 512 − 400 − 100 = 12 none fits.
        QCOMPARE(ExtraContextAssembler::assemble(src, choice, {}, {512, 300, 128}).budget, 70);
        const ContextSelection tight = ExtraContextAssembler::assemble(src, choice, {}, {512, 400, 100});
        QCOMPARE(tight.budget, 12);
        QVERIFY(tight.sent.isEmpty());
        QCOMPARE(tight.leftOut.size(), 3);
        QCOMPARE(ExtraContextAssembler::assemble(src, choice, {}, {256, 400, 100}).budget, 0);
    }

    void aScopeNarrowsTheSources()
    {
        using Scope = ContextChoice::Scope;
        const ContextChoice all;
        QCOMPARE(all.narrowed(Scope::None), (ContextChoice{false, false, false, 1024}));
        QCOMPARE(all.narrowed(Scope::ThisFile), (ContextChoice{false, true, false, 1024}));
        QCOMPARE(all.narrowed(Scope::Pinned), (ContextChoice{true, false, false, 1024}));
        QCOMPARE(all.narrowed(Scope::Ring), (ContextChoice{false, false, true, 1024}));
        QCOMPARE(all.narrowed(Scope::All), all);
        ContextChoice noRing;
        noRing.ring = false;
        QCOMPARE(noRing.narrowed(Scope::Ring).ring, false);
        for (Scope s : {Scope::None, Scope::ThisFile, Scope::Pinned, Scope::Ring, Scope::All})
            QCOMPARE(ExtraContext::scopeFromKey(ExtraContext::scopeKey(s)), s);
        QVERIFY(!ExtraContext::scopeFromKey(u"most"));
    }
};

QTEST_GUILESS_MAIN(TestExtraContextAssembler)
#include "tst_extracontextassembler.moc"

