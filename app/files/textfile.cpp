#include "files/textfile.h"

#include <QCoreApplication>
#include <QStringDecoder>
#include <QStringEncoder>

QString TextFormat::encodingLabel() const
{
    return bom ? QCoreApplication::translate("TextFormat", "%1 with BOM").arg(QString::fromLatin1(encoding))
               : QString::fromLatin1(encoding);
}

QString TextFormat::lineEndingLabel(LineEnding ending)
{
    switch (ending) {
    case LineEnding::LF:
        return QStringLiteral("LF");
    case LineEnding::CRLF:
        return QStringLiteral("CRLF");
    case LineEnding::CR:
        return QStringLiteral("CR");
    }
    return {};
}

QByteArray TextFormat::lineEndingBytes(LineEnding ending)
{
    switch (ending) {
    case LineEnding::LF:
        return QByteArrayLiteral("\n");
    case LineEnding::CRLF:
        return QByteArrayLiteral("\r\n");
    case LineEnding::CR:
        return QByteArrayLiteral("\r");
    }
    return {};
}

namespace TextFile {

namespace {

QByteArray canonicalName(QStringConverter::Encoding e)
{
    return QByteArray(QStringConverter::nameForEncoding(e));
}

// Lines joined by '\n' whatever the file used; counts each style.
QString normalizeLineEndings(const QString &in, DecodedText &out)
{
    QString text;
    text.reserve(in.size());
    bool first = true;
    auto note = [&](TextFormat::LineEnding e) {
        if (first)
            out.format.lineEnding = e;
        first = false;
    };
    const qsizetype n = in.size();
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = in.at(i);
        if (c == QLatin1Char('\r')) {
            if (i + 1 < n && in.at(i + 1) == QLatin1Char('\n')) {
                ++i;
                ++out.crlfCount;
                note(TextFormat::LineEnding::CRLF);
            } else {
                ++out.crCount;
                note(TextFormat::LineEnding::CR);
            }
            text += QLatin1Char('\n');
        } else {
            if (c == QLatin1Char('\n')) {
                ++out.lfCount;
                note(TextFormat::LineEnding::LF);
            }
            text += c;
        }
    }
    return text;
}

} // namespace

bool isEncodingAvailable(const QByteArray &name)
{
    return QStringDecoder(name.constData()).isValid() && QStringEncoder(name.constData()).isValid();
}

DecodedText decode(const QByteArray &bytes, const QByteArray &forcedEncoding, QString *error)
{
    DecodedText out;
    QString text;
    if (!forcedEncoding.isEmpty()) {
        QStringDecoder decoder(forcedEncoding.constData(), QStringConverter::Flag::Stateless);
        if (!decoder.isValid()) {
            if (error)
                *error = QCoreApplication::translate("TextFile", "The encoding %1 is not available here.")
                             .arg(QString::fromLatin1(forcedEncoding));
            return out;
        }
        const std::optional<QStringConverter::Encoding> bomEncoding = QStringConverter::encodingForData(bytes);
        out.format.encoding = forcedEncoding;
        // A BOM of the forced encoding is kept as a BOM, not as a character.
        if (bomEncoding && canonicalName(*bomEncoding).compare(QByteArray(decoder.name()), Qt::CaseInsensitive) == 0)
            out.format.bom = true;
        text = decoder.decode(bytes);
        if (decoder.hasError() && error)
            *error = QCoreApplication::translate("TextFile", "Some bytes are not valid %1; they are shown as \uFFFD.")
                         .arg(QString::fromLatin1(forcedEncoding));
    } else if (const std::optional<QStringConverter::Encoding> bomEncoding = QStringConverter::encodingForData(bytes);
               bomEncoding && *bomEncoding != QStringConverter::Latin1 && *bomEncoding != QStringConverter::System
               && (bytes.startsWith("\xEF\xBB\xBF") || bytes.startsWith("\xFF\xFE") || bytes.startsWith("\xFE\xFF")
                   || bytes.startsWith(QByteArray("\x00\x00\xFE\xFF", 4)))) {
        // Stateless: a sequence cut off at the end of the file is an error, not state to keep.
        QStringDecoder decoder(*bomEncoding, QStringConverter::Flag::Stateless | QStringConverter::Flag::ConvertInitialBom);
        text = decoder.decode(bytes);
        if (text.startsWith(QChar::ByteOrderMark))
            text.remove(0, 1);
        out.format.encoding = canonicalName(*bomEncoding);
        out.format.bom = true;
        if (decoder.hasError()) { // a BOM, then bytes that are not that encoding: keep every byte
            text = QString::fromLatin1(bytes);
            out.format = TextFormat{"ISO-8859-1", false, TextFormat::LineEnding::LF};
        }
    } else {
        QStringDecoder utf8(QStringConverter::Utf8, QStringConverter::Flag::Stateless | QStringConverter::Flag::ConvertInitialBom);
        text = utf8.decode(bytes);
        out.format.encoding = "UTF-8";
        if (utf8.hasError()) {
            text = QString::fromLatin1(bytes);
            out.format.encoding = "ISO-8859-1";
        }
    }
    out.text = normalizeLineEndings(text, out);
    return out;
}

EncodedText encode(QStringView text, const TextFormat &format)
{
    EncodedText out;
    QStringConverter::Flags flags = QStringConverter::Flag::Default;
    if (format.bom)
        flags |= QStringConverter::Flag::WriteBom;
    QStringEncoder encoder(format.encoding.constData(), flags);
    if (!encoder.isValid()) {
        out.lossy = true;
        out.firstLossyIndex = 0;
        return out;
    }
    QString withEndings;
    if (format.lineEnding == TextFormat::LineEnding::LF) {
        withEndings = text.toString();
    } else {
        const QString eol = QString::fromLatin1(format.lineEndingBytes());
        withEndings.reserve(text.size() + text.count(QLatin1Char('\n')));
        for (const QChar c : text) {
            if (c == QLatin1Char('\n'))
                withEndings += eol;
            else
                withEndings += c;
        }
    }
    out.bytes = encoder.encode(withEndings);
    // Qt writes the BOM with the first character: a file that is only a BOM keeps it too.
    if (format.bom && withEndings.isEmpty())
        out.bytes = QStringEncoder(format.encoding.constData()).encode(QString(QChar::ByteOrderMark));
    // Not every codec reports what it replaced (Qt's Latin-1 does not): read the bytes back, and
    // what does not come back as it went is lost.
    QStringDecoder back(format.encoding.constData(), QStringConverter::Flag::Default);
    const QString roundTrip = back.decode(out.bytes);
    if (encoder.hasError() || roundTrip != withEndings) {
        out.lossy = true;
        // The first code point that did not survive, as an index into text.
        const QList<uint> sent = text.toUcs4();
        QString backWithLf = roundTrip;
        if (format.lineEnding != TextFormat::LineEnding::LF)
            backWithLf.replace(QString::fromLatin1(format.lineEndingBytes()), QStringLiteral("\n"));
        const QList<uint> got = QStringView(backWithLf).toUcs4();
        qsizetype index = 0;
        for (qsizetype i = 0; i < sent.size(); ++i) {
            if (i >= got.size() || sent.at(i) != got.at(i))
                break;
            index += QChar::requiresSurrogates(sent.at(i)) ? 2 : 1;
        }
        out.firstLossyIndex = std::min<qsizetype>(index, text.size());
    }
    return out;
}

QStringList commonEncodings()
{
    // Asking ICU which codecs exist costs milliseconds: once per run.
    static const QStringList names = [] {
        QStringList out{QStringLiteral("UTF-8"), QStringLiteral("UTF-16LE"), QStringLiteral("UTF-16BE"),
                        QStringLiteral("ISO-8859-1")};
        for (const char *extra : {"windows-1252", "ISO-8859-15", "windows-1251", "KOI8-R", "Shift_JIS", "EUC-JP",
                                  "GB18030", "Big5", "EUC-KR"}) {
            if (isEncodingAvailable(extra))
                out << QString::fromLatin1(extra);
        }
        return out;
    }();
    return names;
}

} // namespace TextFile
