#include "cli/testoptions.h"

#include "suite/suiterun.h"

#include <QCommandLineParser>
#include <QCoreApplication>

namespace {

// Messages under the context "FimComplete"; lupdate reads it from here.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(FimComplete)
};

} // namespace

TestOptions::TestOptions()
    : run(QStringLiteral("run-tests"),
          Tr::tr("--suite: run the tests of cases that have one (HumanEval-infilling, SAFIM) on the answers, for pass@1. This runs the code "
             "the model wrote, in a bubblewrap sandbox (no network, a fresh folder, time and memory limits)."))
    , timeLimit(QStringLiteral("test-time-limit"), Tr::tr("--run-tests: seconds a test program may run (default 10)."), QStringLiteral("s"),
                QStringLiteral("10"))
    , memory(QStringLiteral("test-memory"), Tr::tr("--run-tests: MiB of address space a test program may use (default 512)."),
             QStringLiteral("mib"), QStringLiteral("512"))
{
}

bool TestOptions::anySet(const QCommandLineParser &parser) const
{
    return parser.isSet(run) || parser.isSet(timeLimit) || parser.isSet(memory);
}

QString TestOptions::read(const QCommandLineParser &parser, SuiteTesting *testing) const
{
    bool limitOk = false;
    bool memoryOk = false;
    const double limit = parser.value(timeLimit).toDouble(&limitOk);
    const int mib = parser.value(memory).toInt(&memoryOk);
    if (!limitOk || limit <= 0 || limit > 3600)
        return Tr::tr("--test-time-limit needs seconds, more than 0 and at most 3600");
    if (!memoryOk || mib < 16)
        return Tr::tr("--test-memory needs 16 MiB or more");
    testing->run = parser.isSet(run);
    testing->limits.timeLimitMs = int(limit * 1000);
    testing->limits.memoryBytes = qint64(mib) * 1024 * 1024;
    return {};
}
