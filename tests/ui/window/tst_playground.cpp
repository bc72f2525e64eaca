#include "editor/codeeditor.h"
#include "fakeservers.h"
#include "history/historystore.h"
#include "history/historywriter.h"
#include "latency/latencymodel.h"
#include "panels/inspectorpanel.h"
#include "panels/resenddialog.h"
#include "settings/translations.h"
#include "testwindow.h"
#include "window/noticebar.h"
#include "window/requesttoolbar.h"
#include "window/statusindicators.h"

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStatusBar>
#include <QTextBlock>
#include <QTimer>

// The playground part of the window, as a user drives it with keys and the mouse against a fake
// proxy whose answer names the seed, model and temperature each request asked for, so a mix-up
// shows: candidates (Alt+Space, Alt+] / Alt+[, duplicates folded), the cleaning rules named in the
// inspector and turned off from the menu, the window sent shaded with its counter, Edit and resend.
class TestPlayground : public WindowTest
{
    Q_OBJECT

    // The text of line `line` (0-based) laid in the editor: the sum of how far its pixels are from
    // the background, over the line's height, right of the gutter.
    double ink(int line)
    {
        CodeEditor *editor = m_window->editor();
        const QImage image = editor->viewport()->grab().toImage();
        const QColor base = editor->palette().color(QPalette::Base);
        QTextCursor c(editor->document()->findBlockByNumber(line));
        const QRect r = editor->cursorRect(c);
        double sum = 0;
        for (int y = r.top(); y <= r.bottom() && y < image.height(); ++y) {
            for (int x = 0; x < std::min(image.width(), 300); ++x) {
                const QColor p = image.pixelColor(x * image.devicePixelRatio(), y * image.devicePixelRatio());
                sum += std::abs(p.red() - base.red()) + std::abs(p.green() - base.green()) + std::abs(p.blue() - base.blue());
            }
        }
        return sum;
    }

    void placeCursor(const QString &text, int position)
    {
        m_window->loadText(text, position, QStringLiteral("sample.py"));
        m_window->editor()->setFocus();
    }


private slots:
    // English with its plural forms ("12 tokens"), whatever the machine's language.
    void initTestCase() { Translations::install(qApp, QStringLiteral("en")); }
    void init()
    {
        QVERIFY(setUpWindowTest());
        // The answer depends on the seed (mod 3, so that two of four seeds give the same answer) and
        // names the model.
        FakeServers::serveWith(*m_server, EndpointKind::Proxy, [](const QJsonObject &body) {
            const qint64 seed = body.value(u"random_seed").toInteger(-1);
            return QStringLiteral("answer_%1(%2)").arg(seed < 0 ? -1 : seed % 3).arg(body.value(u"model").toString());
        });
    }
    void cleanup() { tearDownWindowTest(); }

    void candidatesCycleWithAltBracketsAndFoldDuplicates()
    {
        open();
        RequestToolbar *toolbar = m_window->requestToolbar();
        // The toolbar's seed 10 and 4 candidates, typed: seeds 10..13 give answers 1, 2, 0, 1.
        auto *seed = toolbar->findChild<QLineEdit *>(QStringLiteral("seedEdit"));
        QVERIFY(seed);
        seed->setFocus();
        QTest::keyClicks(seed, QStringLiteral("10"));
        auto *count = toolbar->findChild<QSpinBox *>(QStringLiteral("candidateCount"));
        count->setFocus();
        count->selectAll();
        QTest::keyClicks(count, QStringLiteral("4"));
        QCOMPARE(count->value(), 4);
        placeCursor(QStringLiteral("x = \n"), 4);
        const int rowsBefore = m_ctx->context->latency()->rowCount();
        QSignalSpy timings(m_ctx->context->client(), &FimClient::timingRecorded);
        QTest::keyClick(m_window->editor(), Qt::Key_Space, Qt::AltModifier);
        QTRY_COMPARE(timings.size(), 4);
        CodeEditor *editor = m_window->editor();
        QTRY_VERIFY(editor->hasSuggestion());
        QTRY_COMPARE(editor->suggestionBadge(), QStringLiteral("1 / 3 · 1 same folded"));
        QList<qint64> seeds;
        for (const FakeUpstream::Recorded &r : m_server->requests())
            if (r.path == "/v1/fim/completions")
                seeds << r.json().value(u"random_seed").toInteger();
        std::sort(seeds.begin(), seeds.end());
        QCOMPARE(seeds, (QList<qint64>{10, 11, 12, 13}));
        // Every candidate is a latency row.
        QCOMPARE(m_ctx->context->latency()->rowCount(), rowsBefore + 4);

        QStringList seen{editor->suggestion()};
        QTest::keyClick(editor, Qt::Key_BracketRight, Qt::AltModifier);
        QCOMPARE(editor->suggestionBadge(), QStringLiteral("2 / 3 · 1 same folded"));
        seen << editor->suggestion();
        QTest::keyClick(editor, Qt::Key_BracketRight, Qt::AltModifier);
        seen << editor->suggestion();
        QTest::keyClick(editor, Qt::Key_BracketRight, Qt::AltModifier); // round to the first
        QCOMPARE(editor->suggestion(), seen.first());
        QTest::keyClick(editor, Qt::Key_BracketLeft, Qt::AltModifier); // back to the last
        QCOMPARE(editor->suggestionBadge(), QStringLiteral("3 / 3 · 1 same folded"));
        QStringList sorted = seen;
        sorted.sort();
        // (The proxy picks its own model: none is sent.)
        QCOMPARE(sorted, (QStringList{QStringLiteral("answer_0()"), QStringLiteral("answer_1()"), QStringLiteral("answer_2()")}));
        // The document never held any of it; Tab takes the one shown.
        QCOMPARE(editor->exactText(), QStringLiteral("x = \n"));
        const QString shown = editor->suggestion();
        QTest::keyClick(editor, Qt::Key_Tab);
        QCOMPARE(editor->exactText(), QStringLiteral("x = ") + shown + QStringLiteral("\n"));
        QVERIFY(editor->suggestionBadge().isEmpty());
    }

    void oneFailedCandidateIsANoteNotAnError()
    {
        open();
        m_window->completion()->setCandidateCount(2);
        // The first completion request breaks; the other answers.
        m_server->enqueue("/v1/fim/completions", FakeUpstream::json(500, "{\"message\":\"boom\"}"));
        placeCursor(QStringLiteral("y = \n"), 4);
        QTest::keyClick(m_window->editor(), Qt::Key_Space, Qt::AltModifier);
        QTRY_VERIFY(m_window->editor()->hasSuggestion());
        QTRY_VERIFY(m_window->editor()->suggestionBadge().contains(u"1 failed"));
        QVERIFY(!m_window->completion()->isRequestInFlight());
    }

    void cleaningRulesAreNamedAndCanBeTurnedOff()
    {
        m_server->disconnect(); // this test's answers are fixed
        m_server->setReply("/v1/fim/completions", FakeUpstream::codestralCompletion(QStringLiteral("a, b)</s>")));
        open();
        placeCursor(QStringLiteral("x = foo()\n"), 8); // between the brackets
        completeAtCursor();
        CodeEditor *editor = m_window->editor();
        QTRY_VERIFY(editor->hasSuggestion());
        QCOMPARE(editor->suggestion(), QStringLiteral("a, b"));
        const QString explained = m_window->inspectorPanel()->answerText();
        QVERIFY2(explained.contains(QStringLiteral("special token removed “</s>”")), qPrintable(explained));
        QVERIFY(explained.contains(QStringLiteral("overlap removed “)”")));
        QVERIFY(explained.contains(QStringLiteral("a, b)</s>"))); // the raw answer is there too

        // Completion ▸ Cleaning Rules ▸ overlap, clicked off: the next answer keeps its ")".
        QTest::keyClick(editor, Qt::Key_Escape);
        auto *menu = m_window->findChild<QMenu *>(QStringLiteral("cleaningMenu"));
        QVERIFY(menu);
        chooseMenuAction(menu, QStringLiteral("overlap"));
        QVERIFY(!m_window->completion()->cleaningRules().testFlag(AnswerCleaner::Rule::Overlap));
        editor->setFocus();
        QSignalSpy timings(m_ctx->context->client(), &FimClient::timingRecorded);
        QTest::keyClick(editor, Qt::Key_Space, Qt::ControlModifier | Qt::ShiftModifier);
        QVERIFY(timings.wait());
        QTRY_VERIFY(editor->hasSuggestion());
        QCOMPARE(editor->suggestion(), QStringLiteral("a, b)"));
        QVERIFY(!m_window->inspectorPanel()->answerText().contains(u"overlap removed"));
        QVERIFY(m_window->inspectorPanel()->answerText().contains(u"special token removed"));
    }

    void theWindowSentIsShadedAndCounted()
    {
        m_ctx->context->settings().limits = ContextLimits{4096, 4096, 2, 1};
        open();
        QString doc;
        for (int i = 0; i < 10; ++i)
            doc += QStringLiteral("value_%1 = compute(%1)\n").arg(i);
        placeCursor(doc, m_window->editor()->document()->findBlockByNumber(0).position()); // replaced below
        QTextCursor c(m_window->editor()->document()->findBlockByNumber(5));
        c.movePosition(QTextCursor::EndOfBlock);
        m_window->editor()->setTextCursor(c);
        QSignalSpy timings(m_ctx->context->client(), &FimClient::timingRecorded);
        QTest::keyClick(m_window->editor(), Qt::Key_Space, Qt::ControlModifier);
        // The counter: the characters sent and an estimate of the tokens, at once...
        const QString counter = m_window->indicators()->windowText();
        const qsizetype prefix = QStringLiteral("value_3 = compute(3)\nvalue_4 = compute(4)\nvalue_5 = compute(5)").size();
        const qsizetype suffix = QStringLiteral("\nvalue_6 = compute(6)").size();
        QCOMPARE(counter, QStringLiteral("sent %1 + %2 chars · ≈ %3 tokens").arg(prefix).arg(suffix).arg((prefix + suffix + 3) / 4));
        QVERIFY(timings.wait());
        const EditorDecorations &d = m_window->editor()->decorations();
        QTextDocument *document = m_window->editor()->document();
        QCOMPARE(d.sentStart(), document->findBlockByNumber(3).position());
        const QTextBlock last = document->findBlockByNumber(6);
        QCOMPARE(d.sentEnd(), last.position() + last.length() - 1);
        QVERIFY(d.isShading());
        // Lines 3 and 6 are sent, 1 and 8 are not: the same kind of text, but faded.
        QTest::qWait(50);
        const double sent = ink(6);
        const double shaded = ink(8);
        QVERIFY2(shaded < sent * 0.6, qPrintable(QStringLiteral("%1 vs %2").arg(shaded).arg(sent)));
        // ...then the server's count of tokens (the fake says 12 prompt tokens).
        QCOMPARE(m_window->indicators()->windowText(), QStringLiteral("sent %1 + %2 chars · 12 tokens").arg(prefix).arg(suffix));
        QVERIFY(!m_window->indicators()->windowText().contains(u"≈"));

        // View ▸ Shade Text Not Sent, off: no fading, and the choice is kept.
        auto *shade = m_window->findChild<QAction *>(QStringLiteral("shadeSentWindow"));
        QVERIFY(shade && shade->isChecked());
        shade->trigger();
        QTest::qWait(50);
        QVERIFY(ink(8) > sent * 0.8);
        QTRY_VERIFY(!SettingsStore(m_ctx->settingsPath()).load().shadeSentWindow);
    }

    // Every exchange goes to the history file, with the answer as shown, the file and cursor, and
    // never the key.
    void exchangesGoToHistoryWithoutTheKey()
    {
        bool stored = false;
        m_ctx->context->secrets()->write(QStringLiteral("Local proxy"), QStringLiteral("tok-very-secret-42"), this,
                                         [&stored](const QString &) { stored = true; });
        QTRY_VERIFY(stored);
        open();
        QTRY_VERIFY(m_ctx->context->client()->hasSecret());
        placeCursor(QStringLiteral("first_line\nw = \n"), 15);
        completeAtCursor();
        QTRY_VERIFY(m_window->editor()->hasSuggestion());
        HistoryWriter *history = m_ctx->context->history();
        QVERIFY(history);
        history->flush();
        HistoryStore store;
        QString error;
        QVERIFY2(store.open(m_ctx->historyPath(), &error), qPrintable(error));
        const QList<HistoryRecord> rows = store.newest(5);
        QCOMPARE(rows.size(), 1);
        const HistoryRecord &r = rows.first();
        QCOMPARE(r.source, QStringLiteral("playground"));
        QCOMPARE(r.profile, QStringLiteral("Local proxy"));
        QCOMPARE(r.prefix, QStringLiteral("first_line\nw = "));
        QCOMPARE(r.suffix, QStringLiteral("\n"));
        QCOMPARE(r.line, 2);
        QCOMPARE(r.column, 5);
        QCOMPARE(r.cleanedAnswer, m_window->editor()->suggestion());
        QVERIFY(r.rawAnswer.startsWith("data: ")); // the stream as it came
        QCOMPARE(r.outcome, QStringLiteral("ok"));
        QVERIFY(r.chunkTimings.startsWith("[["));
        // The server did get the key; the history file never holds it.
        QCOMPARE(m_server->lastRequestTo("/v1/fim/completions").headers.value("authorization"), QByteArray("Bearer tok-very-secret-42"));
        store.close();
        for (const QString &suffix : {QString(), QStringLiteral("-wal")}) {
            QFile f(m_ctx->historyPath() + suffix);
            if (f.open(QIODevice::ReadOnly))
                QVERIFY(!f.readAll().contains("tok-very-secret-42"));
        }
    }

    // Recorded live, then replayed with the server gone: the same ghost text, the window saying
    // plainly that answers are replayed, the inspector saying which exchange; what was never
    // asked says "Not recorded"; nothing replayed is written to the history again.
    void aReplayAnswersWithTheServerGone()
    {
        open();
        placeCursor(QStringLiteral("first_line\nw = \n"), 15);
        completeAtCursor();
        QTRY_VERIFY(m_window->editor()->hasSuggestion());
        const QString live = m_window->editor()->suggestion();
        m_ctx->context->history()->flush();
        QTest::keyClick(m_window->editor(), Qt::Key_Escape);
        delete m_server; // no network from here on
        m_server = nullptr;

        auto *box = m_window->findChild<QComboBox *>(QStringLiteral("profileBox"));
        QVERIFY(box);
        box->setFocus();
        while (box->currentText() != QStringLiteral("Replay (history)") && box->currentIndex() < box->count() - 1)
            QTest::keyClick(box, Qt::Key_Down);
        QTRY_COMPARE(m_ctx->context->activeEndpoint().kind, EndpointKind::Replay);
        QTRY_VERIFY2(m_window->noticeBar()->text().contains(u"Replaying from the history: these answers are not live"),
                     qPrintable(m_window->noticeBar()->text()));

        completeAtCursor();
        QTRY_VERIFY(m_window->editor()->hasSuggestion());
        QCOMPARE(m_window->editor()->suggestion(), live);
        QVERIFY2(m_ctx->context->lastExchange().note.startsWith(u"Replayed from the history: exchange #"),
                 qPrintable(m_ctx->context->lastExchange().note));
        QCOMPARE(m_window->editor()->toPlainText(), QStringLiteral("first_line\nw = \n"));

        QTest::keyClick(m_window->editor(), Qt::Key_Escape);
        placeCursor(QStringLiteral("never asked = \n"), 15);
        completeAtCursor();
        QTRY_VERIFY2(m_window->statusBar()->currentMessage().contains(u"Not recorded"), qPrintable(m_window->statusBar()->currentMessage()));
        QVERIFY(!m_window->editor()->hasSuggestion());

        m_ctx->context->history()->flush();
        HistoryStore store;
        QString error;
        QVERIFY2(store.open(m_ctx->historyPath(), &error), qPrintable(error));
        QCOMPARE(store.count(), 1);
    }

    void editAndResendChecksThenSends()
    {
        open();
        placeCursor(QStringLiteral("z = \n"), 4);
        completeAtCursor();
        InspectorPanel *inspector = m_window->inspectorPanel();
        QTRY_COMPARE(inspector->exchangeCount(), 1);
        QString status;
        bool sendWasDisabled = false;
        QTimer::singleShot(0, this, [&] {
            auto *dialog = qobject_cast<ResendDialog *>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            QPlainTextEdit *body = dialog->editor();
            QVERIFY(body->toPlainText().contains(u"\"prompt\": \"z = \""));
            body->setFocus();
            QTest::keyClick(body, Qt::Key_A, Qt::ControlModifier);
            QTest::keyClicks(body, QStringLiteral("{\"prompt\": \"z = \", \"max_tokens\": 7,"));
            status = dialog->findChild<QLabel *>(QStringLiteral("resendStatus"))->text();
            sendWasDisabled = !dialog->findChild<QPushButton *>(QStringLiteral("resendSend"))->isEnabled();
            QTest::keyClick(body, Qt::Key_Backspace);
            QTest::keyClicks(body, QStringLiteral(", \"model\": \"edited-model\"}"));
            auto *send = dialog->findChild<QPushButton *>(QStringLiteral("resendSend"));
            QVERIFY(send->isEnabled());
            QTest::mouseClick(send, Qt::LeftButton);
        });
        QSignalSpy timings(m_ctx->context->client(), &FimClient::timingRecorded);
        QTest::mouseClick(inspector->resendButton(), Qt::LeftButton);
        QVERIFY2(status.contains(u"Not valid JSON at line 1"), qPrintable(status));
        QVERIFY(sendWasDisabled);
        QVERIFY(timings.wait());
        const FakeUpstream::Recorded sent = m_server->lastRequestTo("/v1/fim/completions");
        QCOMPARE(sent.body, QByteArray("{\"prompt\": \"z = \", \"max_tokens\": 7, \"model\": \"edited-model\"}"));
        QCOMPARE(sent.headers.value("authorization").isEmpty(), m_ctx->context->client()->hasSecret() ? false : true);
        QTRY_COMPARE(inspector->exchangeCount(), 2);
        QVERIFY(inspector->requestText().contains(u"Edited and sent again"));
        QVERIFY(inspector->answerText().contains(u"answer_-1(edited-model)"));
        QTRY_VERIFY(m_window->statusBar()->currentMessage().contains(u"edited request was answered"));
    }
};

QTEST_MAIN(TestPlayground)
#include "tst_playground.moc"
