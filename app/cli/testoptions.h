#pragma once

#include <QCommandLineOption>
#include <QList>
#include <QString>

class QCommandLineParser;
struct SuiteTesting;

// fim-complete's options for the tests of a suite's cases: --run-tests (off by default: it runs
// the model's code, in the sandbox), --test-time-limit SECONDS, --test-memory MIB.
struct TestOptions
{
    TestOptions();
    QList<QCommandLineOption> all() const { return {run, timeLimit, memory}; }
    bool anySet(const QCommandLineParser &parser) const;
    // Fills testing from the parser; a sentence for the user when a value is wrong, else empty.
    QString read(const QCommandLineParser &parser, SuiteTesting *testing) const;

    QCommandLineOption run;
    QCommandLineOption timeLimit;
    QCommandLineOption memory;
};
