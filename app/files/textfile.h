#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

// How a text file is stored on disk, kept per file so that saving writes back exactly what was
// read: the encoding (any name QStringConverter knows, ICU's included), a byte-order mark, and the
// line-ending style. A final newline needs no flag: it is an empty last line of the text.
struct TextFormat
{
    enum class LineEnding { LF, CRLF, CR };

    QByteArray encoding = "UTF-8";
    bool bom = false;
    LineEnding lineEnding = LineEnding::LF;

    QString encodingLabel() const;      // "UTF-8", "UTF-8 with BOM", "ISO-8859-1", ...
    static QString lineEndingLabel(LineEnding ending); // "LF", "CRLF", "CR"
    static QByteArray lineEndingBytes(LineEnding ending);
    QByteArray lineEndingBytes() const { return lineEndingBytes(lineEnding); }

    friend bool operator==(const TextFormat &, const TextFormat &) = default;
};

// The text of a file as the editor holds it: lines joined by '\n', whatever the file uses.
struct DecodedText
{
    QString text;
    TextFormat format;
    // The file mixes line endings (CRLF and LF, say): it will be saved with format.lineEnding,
    // the style of its first line break, as Kate and Qt Creator do. These say how many of each.
    int lfCount = 0;
    int crlfCount = 0;
    int crCount = 0;
    bool mixedLineEndings() const { return (lfCount > 0) + (crlfCount > 0) + (crCount > 0) > 1; }
};

struct EncodedText
{
    QByteArray bytes;
    // Characters the encoding cannot hold were replaced: saving would lose them.
    bool lossy = false;
    qsizetype firstLossyIndex = -1; // index in the text of the first such character
};

namespace TextFile {

// Decodes a file's bytes. Without forcedEncoding: a byte-order mark decides (UTF-8/16/32);
// otherwise valid UTF-8 is UTF-8, and anything else (a BOM followed by what is not that encoding
// included) is read as ISO-8859-1 (Latin-1), which maps every byte to a character and back, so
// nothing is lost until the user picks another encoding.
// With forcedEncoding (the user's "Reopen with encoding"), that encoding is used; an unknown name
// gives std::nullopt-like failure through *error.
DecodedText decode(const QByteArray &bytes, const QByteArray &forcedEncoding = {}, QString *error = nullptr);

// Encodes text (lines joined by '\n') in a format: line breaks become the format's, a BOM is
// written when the format has one.
EncodedText encode(QStringView text, const TextFormat &format);

// Whether an encoding name can be used for decoding and encoding here.
bool isEncodingAvailable(const QByteArray &name);

// The encodings offered to the user: the common ones first, then what the platform has.
QStringList commonEncodings();

} // namespace TextFile
