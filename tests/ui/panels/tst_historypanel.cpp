#include "fakeservers.h"
#include "history/historywriter.h"
#include "panels/historypanel.h"
#include "panels/inspectorpanel.h"
#include "testwindow.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHeaderView>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>

// The History panel in the whole window, over the history the window wrote: searched by typing,
// sorted by a header click, an exchange opened in the inspector and asked again, a selection
// exported as JSONL and deleted with the Delete key.
class TestHistoryPanel : public WindowTest
{
    Q_OBJECT

    HistoryPanel *panel() const { return m_window->historyPanel(); }

    void ask(const QString &text)
    {
        m_window->loadText(text, int(text.size()), QStringLiteral("a.py"));
        m_window->completion()->cache().clear();
        completeAtCursor();
    }

    QPushButton *button(const QString &text) const
    {
        for (QPushButton *b : panel()->findChildren<QPushButton *>())
            if (b->text() == text)
                return b;
        return nullptr;
    }

    // Clicks the table's row showing `text` in column `column`.
    void clickRowWith(const QString &text, int column)
    {
        QTableView *table = panel()->table();
        for (int row = 0; row < table->model()->rowCount(); ++row) {
            const QModelIndex index = table->model()->index(row, column);
            if (index.data().toString().contains(text)) {
                QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(index).center());
                return;
            }
        }
        QFAIL(qPrintable(QStringLiteral("no row shows %1").arg(text)));
    }

private slots:
    void init()
    {
        QVERIFY(setUpWindowTest());
        FakeServers::serveWith(*m_server, EndpointKind::Proxy, [](const QJsonObject &body) {
            return QStringLiteral("answer_to_%1").arg(body.value(u"prompt").toString().section(QLatin1Char(' '), 0, 0));
        });
    }
    void cleanup() { tearDownWindowTest(); }

    void searchSortOpenRerunExportDelete()
    {
        open();
        ask(QStringLiteral("alpha = "));
        ask(QStringLiteral("beta = "));
        ask(QStringLiteral("gamma = "));
        m_ctx->context->history()->flush();
        panel()->refresh();
        QCOMPARE(panel()->rowCount(), 3);

        // Typing in the search field narrows the table to what matches prefix, suffix or answer.
        panel()->searchField()->setFocus();
        QTest::keyClicks(panel()->searchField(), QStringLiteral("answer_to_beta"));
        QTRY_COMPARE(panel()->rowCount(), 1);
        panel()->searchField()->clear();
        QTRY_COMPARE(panel()->rowCount(), 3);

        // A click on the Prompt header sorts by it: alpha, beta, gamma.
        QTableView *table = panel()->table();
        QHeaderView *header = table->horizontalHeader();
        QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, QPoint(header->sectionViewportPosition(5) + 10, header->height() / 2));
        if (!table->model()->index(0, 5).data().toString().contains(u"alpha"))
            QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, QPoint(header->sectionViewportPosition(5) + 10, header->height() / 2));
        QVERIFY(table->model()->index(0, 5).data().toString().contains(u"alpha"));
        QVERIFY(table->model()->index(2, 5).data().toString().contains(u"gamma"));

        // Open in the inspector.
        clickRowWith(QStringLiteral("beta"), 5);
        QCOMPARE(panel()->selectedRecords().size(), 1);
        QTest::mouseClick(button(QStringLiteral("Open in Inspector")), Qt::LeftButton);
        QVERIFY(m_window->inspectorPanel()->requestText().contains(u"From the history"));
        QVERIFY(m_window->inspectorPanel()->requestText().contains(u"\"prompt\": \"beta = \""));
        QVERIFY(m_window->inspectorPanel()->answerText().startsWith(u"HTTP 200"));

        // Ask again: the same prefix goes to the current endpoint, and comes back as a new row.
        const int before = completionRequests();
        QSignalSpy recorded(m_ctx->context->history(), &HistoryWriter::recorded);
        QTest::mouseClick(button(QStringLiteral("Ask Again")), Qt::LeftButton);
        QTRY_COMPARE(completionRequests(), before + 1);
        QCOMPARE(m_server->lastRequestTo("/v1/fim/completions").json().value(u"prompt").toString(), QStringLiteral("beta = "));
        QTRY_VERIFY(!recorded.isEmpty());
        QTRY_COMPARE(panel()->rowCount(), 4);

        // Export the selection as JSON lines.
        clickRowWith(QStringLiteral("gamma"), 5);
        const QString file = m_ctx->dir.filePath(QStringLiteral("export.jsonl"));
        QString error;
        QVERIFY2(panel()->exportSelection(file, &error), qPrintable(error));
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = f.readAll().split('\n');
        QCOMPARE(lines.size(), 2); // one line and the final newline
        const QJsonObject o = QJsonDocument::fromJson(lines.first()).object();
        QCOMPARE(o.value(u"prompt").toString(), QStringLiteral("gamma = "));
        QCOMPARE(o.value(u"answer").toString(), QStringLiteral("answer_to_gamma"));
        QCOMPARE(o.value(u"outcome").toString(), QStringLiteral("ok"));

        // Delete with the Delete key: gone from the table and from the file.
        table->setFocus();
        QTest::keyClick(table, Qt::Key_Delete);
        QTRY_COMPARE(panel()->rowCount(), 3);
        HistoryStore store;
        QVERIFY(store.open(m_ctx->historyPath(), &error));
        QCOMPARE(store.count(), 3);
        QCOMPARE(store.search({QStringLiteral("gamma"), {}, {}, {}}, 10).size(), 0);
    }

    // A history file that cannot be used: the window works without it and says so once.
    void aCorruptHistoryFileIsSaidOnce()
    {
        m_ctx->context.reset(); // its writer has a good file open: close it, then spoil the file
        for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
            QFile::remove(m_ctx->historyPath() + suffix);
        QFile f(m_ctx->historyPath());
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(4096, '\x7f'));
        f.close();
        m_ctx->restart(m_server->url());
        QSignalSpy problems(m_ctx->context.get(), &AppContext::problem);
        open();
        QTRY_COMPARE(problems.size(), 1);
        QVERIFY(problems.first().first().toString().startsWith(u"History is off for this session:"));
        ask(QStringLiteral("delta = "));
        QTRY_VERIFY(m_window->editor()->hasSuggestion());
        QTest::qWait(100);
        QCOMPARE(problems.size(), 1);
        QVERIFY(panel()->statusText().contains(u"History is off"));
    }
};

QTEST_MAIN(TestHistoryPanel)
#include "tst_historypanel.moc"
