#include "suite/casetest.h"

QString CaseTest::program(const QString &prompt, const QString &suffix, const QString &answer) const
{
    switch (kind) {
    case Kind::HumanEval:
        // As human-eval-infilling's execution.py builds it, and a last line that says check() came
        // back: a program the answer ends early with exit(0) (or quit(), sys.exit(), os._exit(0))
        // exits cleanly without it, and fails, as the reference harness fails it (it catches
        // SystemExit and disables exit()).
        return prompt + answer + suffix + u'\n' + test + u'\n' + QStringLiteral("check(%1)").arg(entryPoint) + u'\n'
            + QStringLiteral("print(%1)\n").arg(QLatin1StringView(PassMarkerLiteral));
    case Kind::Safim: {
        QString program = evalPrompt;
        return program.replace(QStringLiteral("{{completion}}"), answer);
    }
    }
    return {};
}

QStringList CaseTest::supportedLanguages()
{
    return {QStringLiteral("python")};
}

QString CaseTest::fileName() const
{
    return QStringLiteral("program.py");
}

QStringList CaseTest::command() const
{
    // -I: no user site, no environment variables, not the script's folder on the path.
    return {QStringLiteral("python3"), QStringLiteral("-I"), fileName()};
}

namespace {

// Lines without trailing white space, trailing empty lines dropped.
QStringList normalised(const QString &text)
{
    QStringList lines = text.split(u'\n');
    for (QString &line : lines) {
        qsizetype end = line.size();
        while (end > 0 && line.at(end - 1).isSpace())
            --end;
        line.truncate(end);
    }
    while (!lines.isEmpty() && lines.constLast().isEmpty())
        lines.removeLast();
    return lines;
}

} // namespace

bool CaseTest::outputMatches(const QString &output, const QStringList &expected)
{
    const QStringList got = normalised(output);
    return std::any_of(expected.begin(), expected.end(), [&](const QString &e) { return normalised(e) == got; });
}

QString TestOutcome::key(Status status)
{
    switch (status) {
    case Status::None:
        return {};
    case Status::NotRun:
        return QStringLiteral("not run");
    case Status::Pass:
        return QStringLiteral("pass");
    case Status::Fail:
        return QStringLiteral("fail");
    case Status::Timeout:
        return QStringLiteral("timeout");
    case Status::Error:
        return QStringLiteral("error");
    }
    return {};
}
