#include "suite/batchfile.h"

#include "backends/fimbackend.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

namespace {

// Messages under the context "BatchFile"; lupdate reads it from here.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(BatchFile)
};

QString customIdOf(qsizetype caseIndex)
{
    return QStringLiteral("case-%1").arg(caseIndex);
}

// The case index a custom_id names, or -1.
int caseIndexOf(const QString &customId, qsizetype cases)
{
    if (!customId.startsWith(u"case-"))
        return -1;
    bool ok = false;
    const int index = customId.mid(5).toInt(&ok);
    return ok && index >= 0 && index < cases ? index : -1;
}

} // namespace

QByteArray BatchFile::input(const QList<SuiteCase> &cases, const SuiteTarget &target, QString *error)
{
    QByteArray jsonl;
    const FimBackend &backend = FimBackend::forKind(target.endpoint.kind);
    for (qsizetype i = 0; i < cases.size(); ++i) {
        FimRequest request = SuiteRun::requestFor(cases.at(i), target);
        request.stream = false; // a batch answers each line whole
        QString why;
        const std::optional<WireRequest> wire = backend.buildRequest(target.endpoint, request, &why);
        if (!wire) {
            *error = Tr::tr("Case \"%1\" cannot be sent: %2").arg(cases.at(i).name, why);
            return {};
        }
        QJsonObject body = QJsonDocument::fromJson(wire->body).object();
        body.remove(QStringLiteral("stream"));
        jsonl += BatchWire::inputLine(customIdOf(i), QJsonDocument(body).toJson(QJsonDocument::Compact)) + '\n';
    }
    return jsonl;
}

QList<SuiteResult> BatchFile::results(const QList<SuiteCase> &cases, const SuiteTarget &target, const BatchJob &job,
                                     const QByteArray &output, const QByteArray &errors, QStringList *problems)
{
    QList<BatchOutputLine> lines = BatchWire::parseOutput(output, problems);
    lines += BatchWire::parseOutput(errors, problems);
    const FimBackend &backend = FimBackend::forKind(target.endpoint.kind);
    QList<std::optional<SuiteResult>> byCase(cases.size());
    for (const BatchOutputLine &line : std::as_const(lines)) {
        const int c = caseIndexOf(line.customId, cases.size());
        if (c < 0 || byCase.at(c)) // a line of another file, or the same case twice: the first counts
            continue;
        SuiteResult r;
        const bool ok = line.statusCode >= 200 && line.statusCode < 300 && line.error.isEmpty();
        QString why;
        const std::optional<CompletionBody> body = ok ? backend.parseBody(line.body, &why) : std::nullopt;
        if (body) {
            CompletionResult answer;
            answer.text = body->text;
            answer.finishReason = body->finishReason;
            answer.model = body->model;
            answer.usage = body->usage;
            answer.timing.httpStatus = line.statusCode;
            r = SuiteRun::answered(cases.at(c), target.endpoint, SuiteRun::requestFor(cases.at(c), target), answer);
        } else {
            r.httpStatus = line.statusCode;
            if (!line.error.isEmpty())
                r.error = line.error;
            else if (ok)
                r.error = Tr::tr("The batch answer could not be read: %1").arg(why);
            else
                r.error = backend.explainError(line.statusCode, line.body, {}, target.endpoint).message;
        }
        r.caseIndex = c;
        r.target = 0;
        r.batch = true;
        byCase[c] = r;
    }
    QList<SuiteResult> out;
    for (qsizetype c = 0; c < cases.size(); ++c) {
        SuiteResult r = byCase.at(c).value_or(SuiteResult{});
        if (!byCase.at(c)) {
            r.caseIndex = int(c);
            r.target = 0;
            r.batch = true;
            r.error = job.status == BatchJob::Status::Cancelled         ? Tr::tr("The batch job was cancelled before this case ran.")
                : job.status == BatchJob::Status::TimeoutExceeded ? Tr::tr("Batch job %1 timed out before this case ran.").arg(job.id)
                                                                  : Tr::tr("Batch job %1 gave no result for this case.").arg(job.id);
        }
        out.append(r);
    }
    return out;
}
