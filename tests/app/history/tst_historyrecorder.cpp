#include "history/historyrecorder.h"
#include "history/historystore.h"
#include "history/historywriter.h"
#include "net/fimreply.h"

#include <QTemporaryDir>
#include <QTest>

// What the recorder stores of an answer nobody showed (asked ahead, Ask Again): cleaned as the
// editor would have shown it, with the rules of the endpoint it went to — a profile's template
// names the model family whose tokens are cleaned, whatever the model is called.
class TestHistoryRecorder : public QObject
{
    Q_OBJECT

    static Exchange exchange(EndpointKind kind, const QUrl &url, const QString &model, const QString &answer)
    {
        Exchange x;
        x.id = 7;
        x.kind = kind;
        x.url = url;
        x.request.model = model;
        x.request.prompt = QStringLiteral("def add(a, b):\n    ");
        x.request.suffix = QStringLiteral("\n");
        x.answerText = answer;
        x.httpStatus = 200;
        return x;
    }

    static QList<HistoryRecord> recorded(const Endpoint &endpoint, const Exchange &x, const QString &shown = {})
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("history.sqlite"));
        {
            HistoryWriter writer(path, 100);
            HistoryRecorder recorder(&writer);
            recorder.record(endpoint, QStringLiteral("playground"), x, shown);
            writer.flush();
        }
        HistoryStore store;
        QString error;
        if (!store.open(path, &error))
            qWarning() << error;
        return store.newest(10);
    }

private slots:
    void templateNamesTheFamily_data()
    {
        QTest::addColumn<QString>("promptTemplate");
        QTest::addColumn<QString>("answer");
        QTest::addColumn<QString>("stored");
        // CodeLlama's end-of-text token, from a model whose name says nothing of its family.
        QTest::newRow("codellama template") << QStringLiteral("codellama") << QStringLiteral("return a + b <EOT>")
                                            << QStringLiteral("return a + b ");
        // Without a template the name decides: "local" is no family, so <EOT> may be code.
        QTest::newRow("no template") << QString() << QStringLiteral("return a + b <EOT>")
                                     << QStringLiteral("return a + b <EOT>");
    }

    void templateNamesTheFamily()
    {
        QFETCH(QString, promptTemplate);
        QFETCH(QString, answer);
        QFETCH(QString, stored);
        Endpoint llama(QStringLiteral("llama"), EndpointKind::LlamaCpp, QUrl(QStringLiteral("http://127.0.0.1:8080")));
        llama.promptTemplate = promptTemplate;
        const Exchange x = exchange(EndpointKind::LlamaCpp, QUrl(QStringLiteral("http://127.0.0.1:8080/completion")),
                                    QStringLiteral("local"), answer);
        const QList<HistoryRecord> rows = recorded(llama, x);
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.first().profile, QStringLiteral("llama"));
        QCOMPARE(rows.first().cleanedAnswer, stored);
    }

    // An answer that was shown is stored as shown, byte for byte.
    void shownIsKeptAsShown()
    {
        const Endpoint llama(QStringLiteral("llama"), EndpointKind::LlamaCpp, QUrl(QStringLiteral("http://127.0.0.1:8080")));
        const Exchange x = exchange(EndpointKind::LlamaCpp, QUrl(QStringLiteral("http://127.0.0.1:8080/infill")),
                                    QString(), QStringLiteral("return a + b\r\n"));
        const QList<HistoryRecord> rows = recorded(llama, x, QStringLiteral("return a + b\r\n"));
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.first().cleanedAnswer, QStringLiteral("return a + b\r\n"));
    }
};

QTEST_GUILESS_MAIN(TestHistoryRecorder)
#include "tst_historyrecorder.moc"
