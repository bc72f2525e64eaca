#include "suite/batchfile.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;

// A suite as a batch job's files: the input has a line per case with the FIM body the backend
// builds (the variant's parameters under the case's own, the model defaulted, the context as
// comments, no "stream"); the results come back in the cases' order whatever the files' order,
// an answer cleaned and matched, a failed line in its words, a status explained, a case with no
// line said so, and lines of no case (or twice) left out.
class TestBatchFile : public QObject
{
    Q_OBJECT

    static QList<SuiteCase> cases()
    {
        QList<SuiteCase> out;
        for (const auto &[name, prompt, expected] : {std::tuple{"add", "def add(a, b):\n    ", "return a + b"},
                                                     std::tuple{"mul", "def mul(a, b):\n    ", "return a * b"},
                                                     std::tuple{"sub", "def sub(a, b):\n    ", "return a - b"},
                                                     std::tuple{"div", "def div(a, b):\n    ", "return a / b"}}) {
            SuiteCase c;
            c.name = QString::fromUtf8(name);
            c.request.prompt = QString::fromUtf8(prompt);
            c.request.suffix = u"\n"_s;
            c.expected = QString::fromUtf8(expected);
            out.append(c);
        }
        out[1].request.maxTokens = 8;
        out[1].request.extra = {{u"helpers.py"_s, u"def helper():\n    return 1\n"_s}};
        out[1].request.fileName = u"main.py"_s;
        return out;
    }

    static SuiteTarget target()
    {
        SuiteTarget t{u"Codestral"_s, Endpoint(u"Codestral"_s, EndpointKind::Codestral, QUrl(u"https://api.mistral.ai"_s)), u"sk-x"_s, {}};
        t.parameters.maxTokens = 64;
        t.parameters.temperature = 0.2;
        t.parameters.stream = true; // a variant's: a batch line never streams
        return t;
    }

    static QByteArray line(const QString &customId, const QJsonValue &response, const QJsonValue &error = QJsonValue())
    {
        return QJsonDocument(QJsonObject{{u"id"_s, u"x"_s}, {u"custom_id"_s, customId}, {u"response"_s, response}, {u"error"_s, error}})
                   .toJson(QJsonDocument::Compact)
            + '\n';
    }

    static QJsonObject answer(int status, const QString &text)
    {
        const QJsonObject message{{u"role"_s, u"assistant"_s}, {u"content"_s, text}};
        const QJsonObject body{{u"id"_s, u"c"_s}, {u"object"_s, u"chat.completion"_s}, {u"model"_s, u"codestral-latest"_s},
                               {u"choices"_s, QJsonArray{QJsonObject{{u"index"_s, 0}, {u"message"_s, message}, {u"finish_reason"_s, u"stop"_s}}}}};
        return {{u"status_code"_s, status}, {u"body"_s, body}};
    }

private slots:
    void inputIsOneFimBodyPerCase()
    {
        QString error;
        const QByteArray jsonl = BatchFile::input(cases(), target(), &error);
        QVERIFY2(!jsonl.isEmpty(), qPrintable(error));
        QVERIFY(!jsonl.contains("sk-x"));
        const QList<QByteArray> lines = jsonl.trimmed().split('\n');
        QCOMPARE(lines.size(), 4);
        const QJsonObject first = QJsonDocument::fromJson(lines.at(0)).object();
        QCOMPARE(first.keys(), (QStringList{u"body"_s, u"custom_id"_s}));
        QCOMPARE(first.value(u"custom_id").toString(), u"case-0"_s);
        const QJsonObject body = first.value(u"body").toObject();
        QCOMPARE(body.value(u"model").toString(), u"codestral-latest"_s);
        QCOMPARE(body.value(u"max_tokens").toInt(), 64);
        QCOMPARE(body.value(u"temperature").toDouble(), 0.2);
        QVERIFY(!body.contains(u"stream"));
        const QJsonObject second = QJsonDocument::fromJson(lines.at(1)).object().value(u"body").toObject();
        QCOMPARE(second.value(u"max_tokens").toInt(), 8); // the case's own
        // Codestral has no field for extra context: it goes before the prompt as comments.
        QVERIFY2(second.value(u"prompt").toString().startsWith(u"# Path: helpers.py"), qPrintable(second.value(u"prompt").toString()));
        QVERIFY(second.value(u"prompt").toString().endsWith(u"def mul(a, b):\n    "));
    }

    void resultsComeInTheCasesOrder()
    {
        QByteArray output = line(u"case-2"_s, answer(200, u"return a - b\n"_s))                 // out of order
            + line(u"case-0"_s, answer(200, u"```python\nreturn a + b\n```"_s))                 // fenced: cleaned
            + line(u"case-0"_s, answer(200, u"something else"_s))                               // twice: the first counts
            + line(u"case-9"_s, answer(200, u"no such case"_s)) + line(u"other"_s, answer(200, u"x"_s)) + "garbage\n";
        const QByteArray errors = line(u"case-1"_s, QJsonObject{{u"status_code"_s, 429},
                                                                {u"body"_s, QJsonObject{{u"message"_s, u"Requests rate limit exceeded"_s}}}});
        BatchJob job;
        job.id = u"job-7"_s;
        job.status = BatchJob::Status::Success;
        QStringList problems;
        const QList<SuiteResult> results = BatchFile::results(cases(), target(), job, output, errors, &problems);
        QCOMPARE(results.size(), 4);
        for (int i = 0; i < 4; ++i) {
            QCOMPARE(results.at(i).caseIndex, i);
            QCOMPARE(results.at(i).target, 0);
            QVERIFY(results.at(i).batch);
        }
        QVERIFY(results.at(0).answered);
        QCOMPARE(results.at(0).answer, u"return a + b"_s);
        QVERIFY(results.at(0).match.exact);
        QVERIFY(!results.at(1).answered);
        QCOMPARE(results.at(1).httpStatus, 429);
        QVERIFY2(results.at(1).error.contains(u"Requests rate limit exceeded"), qPrintable(results.at(1).error));
        QVERIFY(results.at(2).answered);
        QVERIFY(results.at(2).match.exact); // trailing white space aside
        QVERIFY(!results.at(3).answered);
        QCOMPARE(results.at(3).error, u"Batch job job-7 gave no result for this case."_s);
        QCOMPARE(problems.size(), 1);

        job.status = BatchJob::Status::Cancelled;
        const QList<SuiteResult> cancelled = BatchFile::results(cases(), target(), job, {}, {}, &problems);
        QCOMPARE(cancelled.at(0).error, u"The batch job was cancelled before this case ran."_s);
    }
};

QTEST_GUILESS_MAIN(TestBatchFile)
#include "tst_batchfile.moc"
