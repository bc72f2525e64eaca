#include "text/stopsequences.h"

#include <QTest>

class TestStopSequences : public QObject
{
    Q_OBJECT

private slots:
    void parse()
    {
        QCOMPARE(StopSequences::parse(QStringLiteral("\\n\\n|def ")), (QStringList{QStringLiteral("\n\n"), QStringLiteral("def ")}));
        QCOMPARE(StopSequences::parse(QStringLiteral("<\\|endoftext\\|>|<\\|fim_pad\\|>")),
                 (QStringList{QStringLiteral("<|endoftext|>"), QStringLiteral("<|fim_pad|>")}));
        QCOMPARE(StopSequences::parse(QStringLiteral("||a||")), QStringList{QStringLiteral("a")});
        QCOMPARE(StopSequences::parse(QStringLiteral("C:\\\\x|\\d")), (QStringList{QStringLiteral("C:\\x"), QStringLiteral("\\d")}));
        QVERIFY(StopSequences::parse(QString()).isEmpty());
    }

    void formatReadsBack_data()
    {
        QTest::addColumn<QStringList>("stops");
        QTest::newRow("template tokens") << QStringList{QStringLiteral("<|endoftext|>"), QStringLiteral("<|file_sep|>")};
        QTest::newRow("white space") << QStringList{QStringLiteral("\n\n"), QStringLiteral("\t}"), QStringLiteral("def ")};
        QTest::newRow("backslashes") << QStringList{QStringLiteral("\\n literally"), QStringLiteral("a\\|b")};
        QTest::newRow("DeepSeek") << QStringList{QString::fromUtf8("<\uFF5Cend\u2581of\u2581sentence\uFF5C>")};
    }

    void formatReadsBack()
    {
        QFETCH(QStringList, stops);
        QCOMPARE(StopSequences::parse(StopSequences::format(stops)), stops);
        QCOMPARE(StopSequences::parseLines(StopSequences::formatLines(stops)), stops);
    }

    void linesShowTokensAsTheyAre()
    {
        const QStringList qwen{QStringLiteral("<|endoftext|>"), QStringLiteral("<|fim_pad|>")};
        QCOMPARE(StopSequences::formatLines(qwen), QStringLiteral("<|endoftext|>\n<|fim_pad|>"));
        QCOMPARE(StopSequences::parseLines(QStringLiteral("<EOT>\n\n\\n\\n\n")), (QStringList{QStringLiteral("<EOT>"), QStringLiteral("\n\n")}));
    }
};

QTEST_GUILESS_MAIN(TestStopSequences)
#include "tst_stopsequences.moc"
