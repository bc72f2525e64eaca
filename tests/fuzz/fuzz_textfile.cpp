// libFuzzer target: the bytes of a file as the editor reads and writes them. Decoding never
// crashes; whatever it decides, encoding the text back in the format it found gives the same bytes
// (for every file without mixed line breaks), and the cleaning of answers never crashes either.
#include "files/textfile.h"
#include "text/suggestiontext.h"

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));
    const DecodedText decoded = TextFile::decode(input);
    if (!decoded.mixedLineEndings()) {
        const EncodedText back = TextFile::encode(decoded.text, decoded.format);
        // UTF-8 and Latin-1 files must come back byte for byte (a UTF-16/32 file with a BOM may
        // hold unpaired surrogates, which no encoder writes back).
        if ((decoded.format.encoding == "UTF-8" || decoded.format.encoding == "ISO-8859-1") && back.bytes != input)
            __builtin_trap();
    }
    for (const SuggestionText::Family family : {SuggestionText::Family::Mistral, SuggestionText::Family::Qwen,
                                                SuggestionText::Family::Unknown}) {
        (void)SuggestionText::sanitize(decoded.text, family);
        (void)SuggestionText::sanitizeStreaming(decoded.text, family);
    }
    (void)SuggestionText::nextWordLength(decoded.text);
    return 0;
}
