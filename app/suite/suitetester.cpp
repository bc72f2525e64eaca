#include "suite/suitetester.h"

#include <QCoreApplication>

namespace {

QString seconds(int ms)
{
    return QString::number(ms / 1000.0, 'g', 3);
}

} // namespace

SuiteTester::SuiteTester(QObject *parent)
    : QObject(parent)
{
}

SuiteTester::~SuiteTester()
{
    cancel();
}

void SuiteTester::test(quint64 key, const CaseTest &test, const QString &program)
{
    if (!test.languageSupported()) {
        TestOutcome outcome;
        outcome.status = TestOutcome::Status::NotRun;
        outcome.detail = tr("not run: language %1 (this build runs %2)")
                             .arg(test.language.isEmpty() ? tr("unknown") : test.language, CaseTest::supportedLanguages().join(QStringLiteral(", ")));
        ++m_notRun;
        QMetaObject::invokeMethod(
            this,
            [this, key, outcome, generation = m_generation] {
                if (generation != m_generation)
                    return;
                --m_notRun;
                emit tested(key, outcome);
            },
            Qt::QueuedConnection);
        return;
    }
    Job job;
    job.key = key;
    job.test = test;
    job.program = program.toUtf8();
    m_waiting.push_back(std::move(job));
    startNext();
}

void SuiteTester::cancel()
{
    ++m_generation;
    m_notRun = 0;
    m_waiting.clear();
    m_running.clear(); // each Sandbox kills its process as it goes
}

void SuiteTester::startNext()
{
    while (int(m_running.size()) < m_parallel && !m_waiting.empty()) {
        m_running.push_back(std::move(m_waiting.front()));
        m_waiting.pop_front();
        Job &job = m_running.back();
        job.sandbox = std::make_unique<Sandbox>();
        job.sandbox->setLimits(m_limits);
        connect(job.sandbox.get(), &Sandbox::finished, this, [this, &job](const SandboxResult &r) { ran(job, r); });
        runUnit(job);
    }
}

void SuiteTester::runUnit(Job &job)
{
    SandboxJob run;
    run.fileName = job.test.fileName();
    run.source = job.program;
    run.command = job.test.command();
    if (job.test.kind == CaseTest::Kind::Safim && job.unit < job.test.unitTests.size())
        run.input = job.test.unitTests.at(job.unit).input.toUtf8();
    job.sandbox->start(run);
}

void SuiteTester::ran(Job &job, const SandboxResult &r)
{
    job.ms += std::max(0.0, r.ms);
    TestOutcome outcome;
    outcome.outputTail = r.outputTail;
    const bool safim = job.test.kind == CaseTest::Kind::Safim;
    const int units = int(job.test.unitTests.size());
    const QString which = safim ? tr("unit test %1 of %2: ").arg(job.unit + 1).arg(units) : QString();
    switch (r.status) {
    case SandboxResult::Status::Error:
        outcome.status = TestOutcome::Status::Error;
        outcome.detail = r.error;
        return report(job, outcome);
    case SandboxResult::Status::TimedOut:
        outcome.status = TestOutcome::Status::Timeout;
        outcome.detail = which + tr("still running after %1 s: killed").arg(seconds(m_limits.timeLimitMs));
        return report(job, outcome);
    case SandboxResult::Status::Exited:
        break;
    }
    if (r.exitCode != 0) {
        outcome.status = TestOutcome::Status::Fail;
        outcome.detail = which + tr("exit code %1").arg(r.exitCode);
        return report(job, outcome);
    }
    if (!safim) {
        // Exit code 0 without the marker: the program ended before check() came back (exit(0)).
        const bool checked = r.stdOut.contains(CaseTest::PassMarker);
        outcome.status = checked ? TestOutcome::Status::Pass : TestOutcome::Status::Fail;
        if (!checked)
            outcome.detail = tr("the program ended before check() came back (exit() in the answer?)");
        return report(job, outcome);
    }
    if (!CaseTest::outputMatches(QString::fromUtf8(r.stdOut), job.test.unitTests.at(job.unit).outputs)) {
        outcome.status = TestOutcome::Status::Fail;
        outcome.detail = which + tr("wrong answer");
        return report(job, outcome);
    }
    if (++job.unit < units)
        return runUnit(job);
    outcome.status = TestOutcome::Status::Pass;
    outcome.detail = tr("%1 unit test(s) passed").arg(units);
    report(job, outcome);
}

void SuiteTester::report(Job &job, TestOutcome outcome)
{
    outcome.ms = job.ms;
    const quint64 key = job.key;
    // The sandbox is inside its own finished(): let it return before it goes.
    const auto it = std::find_if(m_running.begin(), m_running.end(), [&job](const Job &j) { return &j == &job; });
    if (it != m_running.end()) {
        it->sandbox.release()->deleteLater();
        m_running.erase(it);
    }
    emit tested(key, outcome);
    startNext();
}
