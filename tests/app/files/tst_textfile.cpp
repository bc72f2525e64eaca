#include "bytecheck.h"
#include "files/textfile.h"

#include <QDir>
#include <QFile>
#include <QTest>

// TextFile against real files: every file of tests/data/textfiles decodes and encodes back to the
// same bytes, and a one-character edit changes only that character's bytes.
class TestTextFile : public QObject
{
    Q_OBJECT

    static QByteArray read(const QString &name)
    {
        QFile f(QDir(qEnvironmentVariable("FIM_TEST_DATA")).filePath(QStringLiteral("textfiles/") + name));
        if (!f.open(QIODevice::ReadOnly))
            qFatal("cannot read %s", qPrintable(f.fileName()));
        return f.readAll();
    }

private slots:
    void roundTrip_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QByteArray>("encoding");
        QTest::addColumn<bool>("bom");
        QTest::addColumn<QString>("lineEnding");
        QTest::newRow("CRLF") << "crlf.py" << QByteArray("UTF-8") << false << "CRLF";
        QTest::newRow("UTF-8 BOM") << "bom-utf8.py" << QByteArray("UTF-8") << true << "LF";
        QTest::newRow("Latin-1") << "latin1.txt" << QByteArray("ISO-8859-1") << false << "LF";
        QTest::newRow("no final newline") << "no-final-newline.c" << QByteArray("UTF-8") << false << "LF";
        QTest::newRow("form feed") << "form-feed.c" << QByteArray("UTF-8") << false << "LF";
        QTest::newRow("no-break space") << "nbsp.md" << QByteArray("UTF-8") << false << "LF";
        QTest::newRow("tabs") << "tabs.go" << QByteArray("UTF-8") << false << "LF";
        QTest::newRow("empty") << "empty.txt" << QByteArray("UTF-8") << false << "LF";
        QTest::newRow("UTF-16LE BOM") << "utf16le-bom.txt" << QByteArray("UTF-16LE") << true << "CRLF";
        QTest::newRow("CR only") << "cr-only.txt" << QByteArray("UTF-8") << false << "CR";
        QTest::newRow("U+2028 in a string") << "line-separator.js" << QByteArray("UTF-8") << false << "LF";
    }
    void roundTrip()
    {
        QFETCH(QString, file);
        QFETCH(QByteArray, encoding);
        QFETCH(bool, bom);
        QFETCH(QString, lineEnding);
        const QByteArray bytes = read(file);
        const DecodedText decoded = TextFile::decode(bytes);
        QCOMPARE(decoded.format.encoding, encoding);
        QCOMPARE(decoded.format.bom, bom);
        QCOMPARE(TextFormat::lineEndingLabel(decoded.format.lineEnding), lineEnding);
        QVERIFY(!decoded.mixedLineEndings());
        QVERIFY(!decoded.text.contains(QLatin1Char('\r')));
        const EncodedText encoded = TextFile::encode(decoded.text, decoded.format);
        QVERIFY(!encoded.lossy);
        QCOMPARE(encoded.bytes, bytes);

        // One character typed in the middle changes only that character's bytes.
        QString edited = decoded.text;
        edited.insert(edited.size() / 2, QLatin1Char('x'));
        const EncodedText after = TextFile::encode(edited, decoded.format);
        const QByteArray x = TextFile::encode(u"x", TextFormat{decoded.format.encoding, false, decoded.format.lineEnding}).bytes;
        QVERIFY2(isSingleInsertion(bytes, after.bytes, x), after.bytes.toHex(' ').constData());
    }

    void megabyteLine()
    {
        QByteArray bytes(1024 * 1024, 'a');
        bytes[500000] = '\t';
        bytes += "\r\nend";
        const DecodedText decoded = TextFile::decode(bytes);
        QCOMPARE(decoded.format.lineEnding, TextFormat::LineEnding::CRLF);
        QCOMPARE(TextFile::encode(decoded.text, decoded.format).bytes, bytes);
    }

    void noBreakSpaceAndLineSeparatorSurvive()
    {
        const DecodedText nbsp = TextFile::decode(read(QStringLiteral("nbsp.md")));
        QCOMPARE(nbsp.text.count(QChar::Nbsp), 3);
        const DecodedText ls = TextFile::decode(read(QStringLiteral("line-separator.js")));
        QCOMPARE(ls.text.count(QChar::LineSeparator), 1);
    }

    void mixedLineEndingsAreCountedAndSavedInTheFirstStyle()
    {
        const DecodedText decoded = TextFile::decode(read(QStringLiteral("mixed.txt")));
        QVERIFY(decoded.mixedLineEndings());
        QCOMPARE(decoded.crlfCount, 2);
        QCOMPARE(decoded.lfCount, 1);
        QCOMPARE(decoded.format.lineEnding, TextFormat::LineEnding::CRLF);
        QCOMPARE(TextFile::encode(decoded.text, decoded.format).bytes, QByteArray("first\r\nsecond\r\nthird\r\n"));
    }

    void lossyConversionIsReportedWithItsPlace()
    {
        TextFormat latin1;
        latin1.encoding = "ISO-8859-1";
        const EncodedText ok = TextFile::encode(u"caf\u00e9", latin1);
        QVERIFY(!ok.lossy);
        QCOMPARE(ok.bytes, QByteArray("caf\xe9"));
        const EncodedText lossy = TextFile::encode(u"ok \u20ac then \U0001F600", latin1);
        QVERIFY(lossy.lossy);
        QCOMPARE(lossy.firstLossyIndex, 3);
    }

    void reopenWithAnotherEncoding()
    {
        const QByteArray bytes = read(QStringLiteral("latin1.txt"));
        QString error;
        const DecodedText asUtf8 = TextFile::decode(bytes, "UTF-8", &error);
        QVERIFY(asUtf8.text.contains(QChar::ReplacementCharacter));
        QVERIFY(!error.isEmpty());
        error.clear();
        const DecodedText asLatin1 = TextFile::decode(bytes, "ISO-8859-1", &error);
        QVERIFY(error.isEmpty());
        QVERIFY(asLatin1.text.contains(QStringLiteral("Stra\u00dfe")));
        QVERIFY(TextFile::decode(bytes, "no-such-encoding", &error).text.isEmpty());
        QVERIFY(error.contains(QStringLiteral("not available")));
    }

    void utf8IsPreferredAndInvalidUtf8FallsBackToLatin1()
    {
        QCOMPARE(TextFile::decode(QByteArray("caf\xc3\xa9")).format.encoding, QByteArray("UTF-8"));
        QCOMPARE(TextFile::decode(QByteArray("caf\xe9")).format.encoding, QByteArray("ISO-8859-1"));
        // A UTF-8 sequence cut at the end of the file is not UTF-8.
        QCOMPARE(TextFile::decode(QByteArray("caf\xc3")).format.encoding, QByteArray("ISO-8859-1"));
        // A UTF-8 BOM followed by bytes that are not UTF-8: every byte kept, nothing replaced.
        const QByteArray bomThenLatin1("\xEF\xBB\xBF" "caf\xe9\n");
        const DecodedText odd = TextFile::decode(bomThenLatin1);
        QCOMPARE(odd.format.encoding, QByteArray("ISO-8859-1"));
        QCOMPARE(TextFile::encode(odd.text, odd.format).bytes, bomThenLatin1);
        // Only a BOM: it stays. A BOM, then a sequence cut off at the end: every byte kept.
        for (const QByteArray &bytes : {QByteArray("\xEF\xBB\xBF"), QByteArray("\xEF\xBB\xBF\xE4")}) {
            const DecodedText d = TextFile::decode(bytes);
            QCOMPARE(TextFile::encode(d.text, d.format).bytes, bytes);
        }
        // A file that holds U+FFFD itself is UTF-8.
        QCOMPARE(TextFile::decode(QByteArray("x\xef\xbf\xbd")).format.encoding, QByteArray("UTF-8"));
    }
};

QTEST_GUILESS_MAIN(TestTextFile)
#include "tst_textfile.moc"
