#pragma once

#include <QList>
#include <QString>
#include <QStringList>

// A test that decides whether an answer works (pass@1), as the benchmark that wrote the case runs
// it. HumanEval-infilling: the program prompt + answer + suffix, then the case's test code and
// "check(entry_point)", passes when it exits 0. SAFIM: eval_prompt with "{{completion}}" replaced by
// the answer is run once per unit test with the test's input on stdin, and passes when every run
// exits 0 and prints one of the test's outputs (compared line by line, trailing white space and
// trailing empty lines aside).
struct UnitTest
{
    QString input;
    QStringList outputs; // any of them is right
};

struct CaseTest
{
    enum class Kind { HumanEval, Safim };
    // A HumanEval program prints this last, once check() came back; a pass needs it on stdout.
    static constexpr const char *PassMarker = "FIM-PLAYGROUND-CHECK-PASSED";
    static constexpr const char *PassMarkerLiteral = "'FIM-PLAYGROUND-CHECK-PASSED'";
    Kind kind = Kind::HumanEval;
    QString language;   // "python", "java", "cpp", "csharp"... (HumanEval-infilling: "python")
    QString entryPoint; // HumanEval: the function check() is called with
    QString test;       // HumanEval: the test code defining check(candidate)
    QString evalPrompt; // SAFIM: the whole program with "{{completion}}" where the answer goes
    QList<UnitTest> unitTests; // SAFIM

    // The program to run for an answer; prompt and suffix are the case's own (HumanEval).
    QString program(const QString &prompt, const QString &suffix, const QString &answer) const;
    // Whether this build can run the language's programs (today: python, with python3).
    bool languageSupported() const { return supportedLanguages().contains(language); }
    static QStringList supportedLanguages();
    // The program's file name in the sandbox and the command that runs it there.
    QString fileName() const;
    QStringList command() const;
    // Whether a run's standard output is one of a unit test's outputs.
    static bool outputMatches(const QString &output, const QStringList &expected);
};

// What became of an answer's test. None: the case has no test.
struct TestOutcome
{
    enum class Status { None, NotRun, Pass, Fail, Timeout, Error };
    Status status = Status::None;
    QString detail;     // why it did not run, what failed ("wrong answer on unit test 2"), the error
    QString outputTail; // the program's last lines of output
    double ms = -1;     // wall-clock time of the runs

    // "pass", "fail", "timeout", "error", "not run"; empty for None.
    static QString key(Status status);
    QString key() const { return key(status); }
    // Ran: passed, failed or timed out (an error or a test not run did not).
    bool ran() const { return status == Status::Pass || status == Status::Fail || status == Status::Timeout; }
};
