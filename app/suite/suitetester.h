#pragma once

#include "suite/casetest.h"
#include "suite/sandbox.h"

#include <QObject>

#include <deque>
#include <list>
#include <memory>

// Runs the tests of answered cases in the Sandbox, at most `parallel` programs at once, in the
// order they were queued (SuiteRun queues each answer as it arrives, so tests run while requests
// still go out). A SAFIM case runs once per unit test, one after another, and stops at the first
// that fails. A language this build cannot run is "not run: language X" without a process.
// cancel() and the destructor kill every sandbox; nothing is reported after either.
class SuiteTester final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SuiteTester)

public:
    explicit SuiteTester(QObject *parent = nullptr);
    ~SuiteTester() override;

    void setLimits(const SandboxLimits &limits) { m_limits = limits; }
    const SandboxLimits &limits() const { return m_limits; }
    void setParallel(int parallel) { m_parallel = std::max(1, parallel); }

    // tested(key, outcome) follows, once.
    void test(quint64 key, const CaseTest &test, const QString &program);
    void cancel();
    bool isBusy() const { return !m_waiting.empty() || !m_running.empty() || m_notRun > 0; }

signals:
    void tested(quint64 key, const TestOutcome &outcome);

private:
    struct Job
    {
        quint64 key = 0;
        CaseTest test;
        QByteArray program;
        int unit = 0; // the SAFIM unit test running
        double ms = 0;
        std::unique_ptr<Sandbox> sandbox;
    };
    void startNext();
    void runUnit(Job &job);
    void ran(Job &job, const SandboxResult &result);
    void report(Job &job, TestOutcome outcome);

    SandboxLimits m_limits;
    int m_parallel = 2;
    int m_notRun = 0; // reported on the next turn of the event loop
    quint64 m_generation = 0;
    std::deque<Job> m_waiting;
    std::list<Job> m_running;
};
