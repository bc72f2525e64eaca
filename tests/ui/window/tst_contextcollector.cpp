#include "fakeservers.h"
#include "latency/latencymodel.h"
#include "panels/contextpanel.h"
#include "settings/appsettings.h"
#include "testwindow.h"
#include "window/filecontroller.h"
#include "window/contextcollector.h"

#include <QComboBox>
#include <QDropEvent>
#include <QFile>
#include <QPushButton>
#include <QDir>
#include <QJsonArray>
#include <QMimeData>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTreeWidget>

using namespace Qt::StringLiterals;

// The Context panel and its collector in the whole window, driven by real keys: a file dropped on
// the panel is pinned, a block copied with Ctrl+C and the lines where Ctrl+Home lands join the ring,
// and the next request carries them in each server's form (comments for the proxy, input_extra for
// llama.cpp's /infill, Qwen's repository format for a template); what is like the text around the
// cursor is left out and the panel says so; a pinned file deleted on disk is said and sends nothing.
class TestContextCollector : public WindowTest
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<FakeUpstream> m_llama;
    std::unique_ptr<FakeUpstream> m_openai;

    static QString document()
    {
        QString text;
        for (int i = 0; i < 200; ++i)
            text += u"value_%1 = %1\n"_s.arg(i);
        return text + u"total = "_s;
    }

    void drop(const QString &path)
    {
        QMimeData data;
        data.setUrls({QUrl::fromLocalFile(path)});
        ContextPanel *panel = m_window->contextPanel();
        QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(panel, &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent dropped(QPointF(10, 10), Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(panel, &dropped);
    }

    void choose(const QString &profile)
    {
        auto *box = m_window->findChild<QComboBox *>(u"profileBox"_s);
        QVERIFY(box);
        box->setFocus();
        for (int i = 0; i < box->count() && box->currentText() != profile; ++i)
            QTest::keyClick(box, box->findText(profile) > box->currentIndex() ? Qt::Key_Down : Qt::Key_Up);
        QTRY_COMPARE(m_ctx->context->activeEndpoint().name, profile);
        m_window->editor()->setFocus();
    }

    // Every row under the three sources (a pinned file's chunks under it): chunk | why | last request.
    static QJsonObject lastCompletion(const FakeUpstream &server)
    {
        for (auto it = server.requests().crbegin(); it != server.requests().crend(); ++it)
            if (it->path == "/infill" || it->path.endsWith("/completions"))
                return it->json();
        return {};
    }

    QStringList panelRows() const
    {
        QStringList out;
        const std::function<void(const QTreeWidgetItem *)> walk = [&](const QTreeWidgetItem *item) {
            for (int i = 0; i < item->childCount(); ++i) {
                const QTreeWidgetItem *row = item->child(i);
                out.append(row->text(0) + u" | "_s + row->text(2) + u" | "_s + row->text(3));
                walk(row);
            }
        };
        QTreeWidget *tree = m_window->contextPanel()->tree();
        for (int g = 0; g < tree->topLevelItemCount(); ++g)
            walk(tree->topLevelItem(g));
        return out;
    }

private slots:
    void init()
    {
        QVERIFY(setUpWindowTest());
        m_llama = std::make_unique<FakeUpstream>();
        m_openai = std::make_unique<FakeUpstream>();
        QVERIFY(m_llama->listen() && m_openai->listen());
        FakeServers::serve(*m_server, EndpointKind::Proxy, u"helper()"_s);
        FakeServers::serve(*m_llama, EndpointKind::LlamaCpp, u"helper()"_s);
        FakeServers::serve(*m_openai, EndpointKind::OpenAi, u"helper()"_s);
        AppSettings &s = m_ctx->context->settings();
        s.profiles.append(Endpoint(u"llama"_s, EndpointKind::LlamaCpp, m_llama->url()));
        Endpoint openai(u"openai"_s, EndpointKind::OpenAi, m_openai->url());
        openai.promptTemplate = u"qwen"_s;
        s.profiles.append(openai);
        QFile helpers(m_dir.filePath(u"helpers.py"_s));
        QVERIFY(helpers.open(QIODevice::WriteOnly));
        helpers.write("def helper():\n    return 42\n");
    }
    void cleanup()
    {
        tearDownWindowTest();
        m_llama.reset();
        m_openai.reset();
    }

    void pinCopyAndJumpGoWithTheNextRequest()
    {
        open();
        CodeEditor *editor = m_window->editor();
        m_window->loadText(document(), int(document().size()), u"untitled.py"_s);
        m_window->completion()->setContextLimits({64 * 1024, 16 * 1024, 30, 5}); // the text around the cursor: 30 lines up
        drop(m_dir.filePath(u"helpers.py"_s));
        // Ctrl+Home from line 201: a jump; the lines where it lands join the ring.
        QTest::keyClick(editor, Qt::Key_Home, Qt::ControlModifier);
        // Lines 3–6 selected and copied.
        QTest::keyClick(editor, Qt::Key_Down);
        QTest::keyClick(editor, Qt::Key_Down);
        for (int i = 0; i < 4; ++i)
            QTest::keyClick(editor, Qt::Key_Down, Qt::ShiftModifier);
        QTest::keyClick(editor, Qt::Key_C, Qt::ControlModifier);
        // Ctrl+End: another jump, to the lines the request sends anyway.
        QTest::keyClick(editor, Qt::Key_End, Qt::ControlModifier);
        QCOMPARE(m_window->contextCollector()->ring().chunks().size(), 3);

        completeAtCursor();
        QString copied;
        for (int i = 2; i < 6; ++i)
            copied += u"# value_%1 = %1\n"_s.arg(i);
        const QString prompt = lastCompletion(*m_server).value(u"prompt").toString();
        // Least relevant first, the most relevant (the pinned file) last, next to the prefix.
        QString jumpedTo;
        for (int i = 0; i < 64; ++i)
            jumpedTo += u"# value_%1 = %1\n"_s.arg(i);
        const QString expectedStart = u"# Path: untitled.py\n"_s + jumpedTo + u"#\n# Path: untitled.py\n"_s + copied
            + u"#\n# Path: helpers.py\n# def helper():\n#     return 42\nvalue_170 = 170\n"_s;
        QVERIFY2(prompt.startsWith(expectedStart), qPrintable(prompt.left(3000)));
        QVERIFY(prompt.endsWith(u"value_199 = 199\ntotal = "_s));
        // The panel: what went, and the chunk left out as like the text around the cursor.
        const QStringList rows = panelRows();
        QVERIFY2(rows.contains(u"helpers.py, lines 1–2 | pinned | sent"_s), qPrintable(rows.join(u'\n')));
        QVERIFY2(rows.contains(u"untitled.py, lines 3–6 | copied | sent"_s), qPrintable(rows.join(u'\n')));
        QVERIFY2(rows.contains(u"untitled.py, lines 1–64 | cursor jump | sent"_s), qPrintable(rows.join(u'\n')));
        QVERIFY2(rows.contains(u"untitled.py, lines 138–201 | cursor jump | left out: like the text around the cursor"_s),
                 qPrintable(rows.join(u'\n')));

        // llama.cpp's /infill: the same chunks as input_extra.
        choose(u"llama"_s);
        completeAtCursor();
        const QJsonArray extra = lastCompletion(*m_llama).value(u"input_extra").toArray();
        QCOMPARE(extra.size(), 3);
        QCOMPARE(extra.at(2).toObject().value(u"filename").toString(), u"helpers.py"_s);
        QCOMPARE(extra.at(2).toObject().value(u"text").toString(), u"def helper():\n    return 42\n"_s);
        QCOMPARE(extra.at(1).toObject().value(u"text").toString().count(u'\n'), 4);
        QCOMPARE(extra.at(0).toObject().value(u"text").toString().count(u'\n'), 64);

        // A Qwen template on an OpenAI-style server: the repository format, the edited file last.
        choose(u"openai"_s);
        completeAtCursor();
        const QString raw = lastCompletion(*m_openai).value(u"prompt").toString();
        QVERIFY2(raw.startsWith(u"<|repo_name|>myproject\n<|file_sep|>untitled.py\nvalue_0 = 0\n"_s)
                     && raw.contains(u"<|file_sep|>helpers.py\ndef helper():\n    return 42\n<|file_sep|>untitled.py\n<|fim_prefix|>"_s),
                 qPrintable(raw.left(300)));
        QVERIFY(raw.contains(u"<|file_sep|>untitled.py\n<|fim_prefix|>"_s));
    }

    // llama.cpp: once the context changes and typing pauses, one /infill with n_predict 0 warms the
    // server's cache with the request Ctrl+Space would send; the latency table marks it; typing
    // puts it off; the same prompt is not warmed twice.
    void warmsLlamaServersCacheWhenTheContextChanges()
    {
        open();
        choose(u"llama"_s);
        m_window->loadText(u"x = "_s, 4, u"untitled.py"_s);
        const auto warmUps = [this] {
            int n = 0;
            for (const FakeUpstream::Recorded &r : m_llama->requests())
                n += r.path == "/infill" && r.json().value(u"n_predict").toInt(-1) == 0;
            return n;
        };
        drop(m_dir.filePath(u"helpers.py"_s));
        // Typing within the pause puts the warm-up off.
        QTest::qWait(ContextCollector::WarmIdleMs / 2);
        QTest::keyClicks(m_window->editor(), u"he"_s);
        QTest::qWait(ContextCollector::WarmIdleMs / 2 + 100);
        QCOMPARE(warmUps(), 0);
        QTRY_COMPARE_WITH_TIMEOUT(warmUps(), 1, 5000);
        QJsonObject warm;
        for (const FakeUpstream::Recorded &r : m_llama->requests())
            if (r.path == "/infill")
                warm = r.json();
        QCOMPARE(warm.value(u"input_prefix").toString(), u"x = he"_s);
        QCOMPARE(warm.value(u"input_extra").toArray().size(), 1);
        QVERIFY(warm.value(u"cache_prompt").toBool());
        LatencyModel *latency = m_ctx->context->latency();
        QTRY_COMPARE(latency->rowCount(), 1);
        QCOMPARE(latency->index(0, LatencyModel::Cache).data().toString(), u"warm-up"_s);
        QVERIFY(m_ctx->context->lastExchange().requestBody.isEmpty()); // no exchange of the user's: not in the inspector
        // Nothing changed since: no second warm-up; the real request goes as ever.
        completeAtCursor();
        QTest::qWait(ContextCollector::WarmIdleMs + 200);
        QCOMPARE(warmUps(), 1);
        QVERIFY(m_window->editor()->hasSuggestion());
        // The context changes and a real request goes before the pause is over: it fills the cache
        // itself, no warm-up follows it.
        QTest::keyClick(m_window->editor(), Qt::Key_Escape);
        m_window->contextCollector()->unpin(m_dir.filePath(u"helpers.py"_s));
        completeAtCursor();
        QTest::qWait(ContextCollector::WarmIdleMs + 200);
        QCOMPARE(warmUps(), 1);

    }

    // An answer from the playground's cache sends nothing: the panel's "last request" stays the
    // one that went.
    void anAnswerFromTheCacheClaimsNoChunkSent()
    {
        open();
        m_window->loadText(u"x = "_s, 4, u"untitled.py"_s);
        const QString helpers = m_dir.filePath(u"helpers.py"_s);
        drop(helpers);
        completeAtCursor();
        QCOMPARE(m_window->contextCollector()->lastSelection()->sent.size(), 1);
        QTest::keyClick(m_window->editor(), Qt::Key_Escape);
        m_window->contextCollector()->unpin(helpers);
        completeAtCursor();
        QCOMPARE(m_window->contextCollector()->lastSelection()->sent.size(), 0);
        QTest::keyClick(m_window->editor(), Qt::Key_Escape);
        const int requests = completionRequests();
        drop(helpers);
        QTest::keyClick(m_window->editor(), Qt::Key_Space, Qt::ControlModifier);
        QTRY_VERIFY(m_window->editor()->hasSuggestion()); // from the cache
        QCOMPARE(completionRequests(), requests);
        QCOMPARE(m_window->contextCollector()->lastSelection()->sent.size(), 0);
    }

    // The panel's Pin on a ring chunk pins its file: the tree keeps its three sources, the file
    // under Pinned, and that file's chunks are in the text sent (left out as such).
    void pinningARingChunksFileFromThePanel()
    {
        open();
        QFile main(m_dir.filePath(u"main.py"_s));
        QVERIFY(main.open(QIODevice::WriteOnly));
        for (int i = 0; i < 10; ++i)
            main.write("line_" + QByteArray::number(i) + " = " + QByteArray::number(i) + "\n");
        main.close();
        QString error;
        QVERIFY2(m_window->files()->open(main.fileName(), &error), qPrintable(error));
        QTreeWidget *tree = m_window->contextPanel()->tree();
        QTreeWidgetItem *ring = tree->topLevelItem(2);
        QTRY_COMPARE(ring->childCount(), 1); // the file opened
        tree->setCurrentItem(ring->child(0));
        QPushButton *pin = nullptr;
        for (QPushButton *b : m_window->contextPanel()->findChildren<QPushButton *>())
            if (b->text() == u"&Pin")
                pin = b;
        QVERIFY(pin && pin->isEnabled());
        QTest::mouseClick(pin, Qt::LeftButton);
        QCOMPARE(tree->topLevelItemCount(), 3);
        QCOMPARE(tree->topLevelItem(0)->text(0), u"Pinned files and folders (1)"_s);
        QCOMPARE(tree->topLevelItem(0)->childCount(), 1);
        QCOMPARE(tree->topLevelItem(0)->child(0)->toolTip(0), QDir::cleanPath(main.fileName()));
        QCOMPARE(tree->topLevelItem(1)->childCount(), 0);
        QCOMPARE(tree->topLevelItem(2)->childCount(), 1);
        // The whole file is in the text sent: its pinned chunk is left out as such, nothing sent twice.
        completeAtCursor();
        const ContextSelection &last = *m_window->contextCollector()->lastSelection();
        QVERIFY(last.sent.isEmpty());
        QCOMPARE(last.leftOut.size(), 2);
        QCOMPARE(last.leftOut.first().why, ContextSelection::LeftOut::InWindow);
    }

    // The budget is the profile's: set with the keyboard in the panel, kept in the settings,
    // switched with the profile.
    void theBudgetIsTheProfiles()
    {
        open();
        auto *budget = m_window->contextPanel()->findChild<QSpinBox *>();
        QVERIFY(budget);
        QCOMPARE(budget->value(), 1024);
        budget->setFocus();
        budget->selectAll();
        QTest::keyClicks(budget, u"512"_s);
        QTest::keyClick(budget, Qt::Key_Return);
        QCOMPARE(m_window->contextCollector()->choice().budgetTokens, 512);
        const QString proxy = m_ctx->context->activeEndpoint().name;
        QTRY_COMPARE(SettingsStore(m_ctx->settingsPath()).load().contextBudgetFor(proxy), 512);
        choose(u"llama"_s); // the profile's switch comes once its secret is read: waited for
        QTRY_COMPARE(budget->value(), 1024);
        QCOMPARE(m_window->contextCollector()->choice().budgetTokens, 1024);
        choose(proxy);
        QTRY_COMPARE(budget->value(), 512);
    }

    void aPinnedFileDeletedIsSaidAndSendsNothing()
    {
        open();
        m_window->loadText(u"x = "_s, 4, u"untitled.py"_s);
        drop(m_dir.filePath(u"helpers.py"_s));
        QVERIFY(QFile::remove(m_dir.filePath(u"helpers.py"_s)));
        completeAtCursor();
        QCOMPARE(lastCompletion(*m_server).value(u"prompt").toString(), u"x = "_s);
        QTreeWidget *tree = m_window->contextPanel()->tree();
        QCOMPARE(tree->topLevelItem(0)->childCount(), 1);
        QCOMPARE(tree->topLevelItem(0)->child(0)->text(0), u"helpers.py — not on disk any more: nothing of it is sent"_s);
        QTRY_VERIFY(m_window->editor()->hasSuggestion()); // nothing else broke
    }
};

QTEST_MAIN(TestContextCollector)
#include "tst_contextcollector.moc"
