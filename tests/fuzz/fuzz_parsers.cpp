// libFuzzer target: every parser that reads bytes from the network — completion bodies, stream
// chunks, error bodies, Retry-After, model lists and health bodies. None may crash, hang or leak.
#include "wire/completionparser.h"
#include "wire/errorparser.h"
#include "wire/healthreport.h"
#include "wire/modellistparser.h"

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView input(reinterpret_cast<const char *>(data), qsizetype(size));
    QString error;
    if (auto body = CompletionParser::parseBody(input, &error))
        (void)body->text.size();
    (void)CompletionParser::parseChunk(input, &error);
    const int status = size > 0 ? 400 + data[0] % 200 : 500;
    const FimError e = ErrorParser::fromHttp(status, input, input.first(std::min<qsizetype>(input.size(), 40)),
                                             QStringLiteral("fuzz.example"));
    if (e.message.isEmpty())
        __builtin_trap();
    (void)ModelListParser::parse(input, &error);
    (void)parseHealthBody(input);
    return 0;
}
