#pragma once

#include "suite/casetest.h"
#include "wire/fimrequest.h"

#include <QByteArrayView>
#include <QList>
#include <QString>

#include <optional>

// One case of a prompt suite: a prefix and suffix to complete, what the answer should be, and the
// parameters the case needs whatever the variant (max_tokens, stop, ...).
struct SuiteCase
{
    QString name;
    FimRequest request; // prompt, suffix and the case's own parameters
    std::optional<QString> expected;
    int line = 0; // where it is in its file, 1-based
    std::optional<CaseTest> test; // a benchmark's test of the answer (HumanEval-infilling, SAFIM)
};

// A line the suite could not take, and why.
struct SuiteProblem
{
    int line = 0;
    QString message;
};

// A prompt suite: a JSONL file (UTF-8), one case a line:
//   {"name": "add", "prompt": "def add(a, b):\n    ", "suffix": "\n", "expected": "return a + b",
//    "max_tokens": 32, "temperature": 0, "stop": ["\n\n"]}
// "prompt" is required; "name" (default: "line N"), "suffix", "expected", the request fields
// model, max_tokens, min_tokens, temperature, top_p, stop, random_seed, and "file" (the edited
// file's name: request.fileName) and "context" (extra context, a list of {"filename", "text"}:
// request.extra) are optional. Blank lines are skipped. A line that is no JSON object, lacks
// "prompt", has a field of the wrong type or one this format does not know (a typo would silently
// change the result), or a context item that is not {"filename": string, "text": string}, is a
// problem with its line number; the other lines still make cases.
// A benchmark's file (HumanEval-infilling, SAFIM, CrossCodeEval) is read too, as its first JSON
// object's fields say: see suite/benchmarkformat.h for how its fields map to a case.
struct PromptSuite
{
    QList<SuiteCase> cases;
    QList<SuiteProblem> problems;
    QString format; // the benchmark format read ("HumanEval-infilling", ...); empty for a prompt suite

    static PromptSuite parse(QByteArrayView jsonl);
    // nullopt with *error when the file cannot be read.
    static std::optional<PromptSuite> load(const QString &path, QString *error);
    // One line of a suite for a case (no line ending); its context in "context", not in the prompt.
    static QByteArray lineOf(const SuiteCase &suiteCase);
    // Appends a case to a suite file, creating it; a file not ending in a newline gets one first.
    static bool append(const QString &path, const SuiteCase &suiteCase, QString *error);
};

// How an answer compares with what was expected: equal, or one a prefix of the other (the model
// stopped early or went on), both after trailing white space is trimmed. An empty answer is a
// prefix of nothing (it matches only an empty expectation, exactly).
struct SuiteMatch
{
    bool exact = false;
    bool prefix = false;
    static SuiteMatch of(const QString &answer, const QString &expected);
};
