// Issue 26, "A demo never stumbles", against Debian's real llama-server (label "realserver"): the
// model the server names is shown everywhere a model is (5), and fim-complete sends the
// playground's default limit when none is given (12).
#include "editor/codeeditor.h"
#include "fimcompleterun.h"
#include "latency/latencymodel.h"
#include "panels/latencypanel.h"
#include "panels/modelspanel.h"
#include "realllamaserver.h"
#include "testwindow.h"
#include "window/statusindicators.h"

#include <QComboBox>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStatusBar>
#include <QTableView>

class TestRealServerDemo : public QObject
{
    Q_OBJECT

    RealLlamaServer m_server;
    QString m_modelPath;

    struct Run
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };

    // fim-complete as a user runs it.
    static Run fimComplete(const QStringList &args)
    {
        const FimCompleteRun r = FimCompleteRun::run(args, {}, {}, 60000);
        return Run{r.exitCode, r.out, r.err};
    }

private slots:
    void initTestCase()
    {
        REQUIRE_REAL_LLAMA_SERVER();
        QVERIFY2(m_server.start({QStringLiteral("-np"), QStringLiteral("1")}), qPrintable(m_server.error()));
        QString error;
        m_modelPath = RealLlamaServer::tinyModel(&error);
        QVERIFY2(!m_modelPath.isEmpty(), qPrintable(error));
    }

    void theModelIsNamed_data()
    {
        QTest::addColumn<bool>("stream");
        QTest::newRow("whole") << false;
        QTest::newRow("streamed") << true;
    }

    // 5. llama-server says "model": "/path/file.gguf", whole and streamed: the latency table's
    // Model column and the status bar show the file name (the path in their tooltips), the history
    // keeps it, and the replay's model list offers it.
    void theModelIsNamed()
    {
        QFETCH(bool, stream);
        TestContext ctx;
        AppSettings &s = ctx.context->settings();
        s.profiles.append(Endpoint(QStringLiteral("real llama-server"), EndpointKind::LlamaCpp, m_server.url()));
        s.activeProfile = QStringLiteral("real llama-server");
        s.request.stream = stream;
        s.request.temperature = 0.0;
        s.request.maxTokens = 6;
        std::unique_ptr<MainWindow> window = openTestWindow(ctx.context.get());
        QVERIFY(window);
        CodeEditor *editor = window->editor();
        QTest::keyClick(editor, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(editor, QStringLiteral("def add(a, b):"));
        QTest::keyClick(editor, Qt::Key_Return);
        QSignalSpy timings(ctx.context->client(), &FimClient::timingRecorded);
        QTest::keyClick(editor, Qt::Key_Space, Qt::ControlModifier);
        QVERIFY(timings.wait(30000));
        const QString file = QFileInfo(m_modelPath).fileName();

        const QAbstractItemModel *table = window->latencyPanel()->table()->model();
        const QModelIndex model = table->index(table->rowCount() - 1, LatencyModel::Model);
        QCOMPARE(model.data().toString(), file);
        QVERIFY2(model.data(Qt::ToolTipRole).toString().contains(m_modelPath), qPrintable(model.data(Qt::ToolTipRole).toString()));
        const QString status = window->indicators()->lastLatencyText();
        QVERIFY2(status.endsWith(QStringLiteral(" · ") + file), qPrintable(status));
        QVERIFY2(window->indicators()->lastLatencyToolTip().contains(m_modelPath), qPrintable(window->indicators()->lastLatencyToolTip()));

        // The replay offers what answered.
        ctx.context->history()->flush();
        auto *box = window->findChild<QComboBox *>(QStringLiteral("profileBox"));
        box->setFocus();
        const int replay = box->findText(QStringLiteral("Replay (history)"));
        QVERIFY(replay >= 0);
        while (box->currentIndex() != replay)
            QTest::keyClick(box, replay > box->currentIndex() ? Qt::Key_Down : Qt::Key_Up);
        QTRY_VERIFY2(window->modelsPanel()->modelIds().contains(m_modelPath), qPrintable(window->modelsPanel()->modelIds().join(u',')));
        editor->document()->setModified(false);
    }

    void fimCompleteNamesTheModel_data() { theModelIsNamed_data(); }

    // 5, from a terminal: fim-complete --json prints the model the server named.
    void fimCompleteNamesTheModel()
    {
        QFETCH(bool, stream);
        QStringList args{QStringLiteral("--endpoint"), m_server.url().toString(), QStringLiteral("--kind"), QStringLiteral("llamacpp"),
                         QStringLiteral("--prefix"), QStringLiteral("def add(a, b):\n"), QStringLiteral("--max-tokens"), QStringLiteral("4"),
                         QStringLiteral("--json")};
        if (stream)
            args << QStringLiteral("--stream");
        const Run r = fimComplete(args);
        QCOMPARE(r.exitCode, 0);
        const QJsonObject o = QJsonDocument::fromJson(r.out.trimmed()).object();
        QCOMPARE(o.value(u"model").toString(), m_modelPath);
    }

    // 12. Without --max-tokens fim-complete sends the playground's default (128), not nothing
    // (llama-server would write until its context is full), and --help says so.
    void fimCompleteSendsTheDefaultLimit()
    {
        const Run help = fimComplete({QStringLiteral("--help")});
        QVERIFY2(help.out.contains("default 128"), help.out.constData());
        const Run r = fimComplete({QStringLiteral("--endpoint"), m_server.url().toString(), QStringLiteral("--kind"),
                                   QStringLiteral("llamacpp"), QStringLiteral("--prefix"), QStringLiteral("def add(a, b):\n"),
                                   QStringLiteral("--temperature"), QStringLiteral("0"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject o = QJsonDocument::fromJson(r.out.trimmed()).object();
        const int generated = o.value(u"usage").toObject().value(u"completion_tokens").toInt(-1);
        QVERIFY2(generated > 0 && generated <= 128, qPrintable(QString::fromUtf8(r.out)));
    }
};

QTEST_MAIN(TestRealServerDemo)
#include "tst_realserver_demo.moc"
