#include "editor/codeeditor.h"
#include "editor/completioncontroller.h"
#include "fakeservers.h"
#include "screenshot.h"
#include "testcontext.h"
#include "testwindow.h"
#include "window/mainwindow.h"
#include "window/requesttoolbar.h"

#include <QAbstractTextDocumentLayout>
#include <QComboBox>
#include <QDockWidget>
#include <QLabel>
#include <QStatusBar>
#include <QTextDocument>
#include <QToolBar>

// Issue 26, "a window that holds still and shows whole sentences", measured on the whole window
// (label "screenshots": the pictures go to $FIM_SCREENSHOT_DIR/fit-*.png, look at them) at 1280 ×
// 800 and 1920 × 1080, with a long profile name, a long model name, a long error and every dock
// shown in turn: no label's text is cut or elided without a tooltip that says it whole; the status
// bar's message, when it does not fit, is whole in its tooltip; nothing in the toolbar moves when
// Stop appears; the side docks keep their width when the profile changes.
class TestWindowFit : public QObject
{
    Q_OBJECT

    // The visible labels of root whose text is not all on screen and that have no tooltip.
    static QStringList cutLabels(QWidget *root)
    {
        QStringList out;
        for (QLabel *l : root->findChildren<QLabel *>()) {
            // (A dock behind another's tab may count as visible: what is on screen is what counts.)
            if (!l->isVisible() || l->visibleRegion().isEmpty() || l->text().isEmpty() || !l->toolTip().isEmpty() || !l->pixmap().isNull())
                continue;
            const QRect room = l->contentsRect().adjusted(l->margin(), l->margin(), -l->margin(), -l->margin());
            bool cut = false;
            if (l->textFormat() == Qt::RichText || (l->textFormat() == Qt::AutoText && Qt::mightBeRichText(l->text()))) {
                QTextDocument doc;
                doc.setDefaultFont(l->font());
                doc.setDocumentMargin(0);
                doc.setHtml(l->text());
                if (l->wordWrap()) {
                    doc.setTextWidth(room.width());
                    cut = doc.size().height() > room.height() + 2;
                } else {
                    cut = doc.idealWidth() > room.width() + 2;
                }
            } else if (l->wordWrap()) {
                cut = l->heightForWidth(l->width()) > l->height() + 2;
            } else {
                for (const QString &line : l->text().split(u'\n'))
                    cut = cut || l->fontMetrics().horizontalAdvance(line) > room.width() + 1;
            }
            if (cut)
                out << QStringLiteral("%1 (%2×%3): %4").arg(l->objectName().isEmpty() ? QString::fromLatin1(l->parentWidget()->metaObject()->className()) : l->objectName())
                           .arg(l->width())
                           .arg(l->height())
                           .arg(l->text().left(120));
        }
        return out;
    }

    // The status bar's message: whole on screen, or whole in the status bar's tooltip.
    static QString cutMessage(MainWindow *window)
    {
        QStatusBar *bar = window->statusBar();
        const QString message = bar->currentMessage();
        if (message.isEmpty())
            return {};
        int right = bar->width();
        for (QWidget *w : bar->findChildren<QWidget *>(Qt::FindDirectChildrenOnly))
            if (w->isVisible() && w->geometry().left() > 0)
                right = std::min(right, w->geometry().left());
        const bool fits = bar->fontMetrics().horizontalAdvance(message) <= right - 12;
        return fits || bar->toolTip() == message ? QString() : message;
    }

    // Where each of the toolbar's widgets is, Stop's own aside.
    static QStringList toolbarGeometry(RequestToolbar *toolbar)
    {
        QStringList out;
        for (QAction *a : toolbar->actions())
            if (QWidget *w = toolbar->widgetForAction(a); w && w->isVisible() && a != toolbar->stopAction())
                out << QStringLiteral("%1 at %2,%3").arg(a->text().isEmpty() ? QString::fromLatin1(w->metaObject()->className()) : a->text())
                           .arg(w->x())
                           .arg(w->y());
        return out;
    }

private slots:
    void initTestCase() { Screenshot::applyThemeFromEnvironment(); }

    void holdsStillAndShowsWholeSentences_data()
    {
        QTest::addColumn<QSize>("size");
        QTest::newRow("1280x800") << QSize(1280, 800);
        QTest::newRow("1920x1080") << QSize(1920, 1080);
    }

    void holdsStillAndShowsWholeSentences()
    {
        QFETCH(QSize, size);
        FakeUpstream server;
        QVERIFY(server.listen());
        FakeServers::serve(server, EndpointKind::Proxy, QStringLiteral("self.name = name"), 0, 1, 600, false);
        TestContext ctx(server.url());
        AppSettings &s = ctx.context->settings();
        const QString team = QStringLiteral("Team proxy (eu-west-1, staging) for the whole playground crew");
        for (Endpoint &e : s.profiles)
            if (e.kind == EndpointKind::Proxy)
                e.name = team;
        s.activeProfile = team;
        s.request.model = QStringLiteral("qwen2.5-coder-32b-instruct-q4_k_m-with-a-long-model-file-name");
        s.profiles.append(Endpoint(QStringLiteral("llama-server on a port where nothing listens"), EndpointKind::LlamaCpp,
                                   QUrl(QStringLiteral("http://127.0.0.1:1"))));
        auto window = openTestWindow(ctx.context.get());
        QVERIFY(window);
        window->resize(size);
        QTRY_VERIFY(window->statusHealthText().contains(u"OK"));

        // Nothing in the toolbar moves when Stop appears.
        RequestToolbar *toolbar = window->requestToolbar();
        QTest::qWait(50);
        const QStringList idle = toolbarGeometry(toolbar);
        window->loadText(QStringLiteral("class User:\n    def __init__(self, name):\n        \n"), 50, QStringLiteral("user.py"));
        window->editor()->setFocus();
        QTest::keyClick(window->editor(), Qt::Key_Space, Qt::ControlModifier);
        QTRY_VERIFY(window->completion()->isRequestInFlight());
        QTest::qWait(50);
        QCOMPARE(toolbarGeometry(toolbar), idle);
        QTRY_VERIFY(window->editor()->hasSuggestion());

        // The side docks keep their width when the profile changes (a replay's long path).
        auto *health = window->findChild<QDockWidget *>(QStringLiteral("healthDock"));
        const int width = health->width();
        auto *box = window->findChild<QComboBox *>(QStringLiteral("profileBox"));
        box->setFocus();
        const int replay = box->findText(QStringLiteral("Replay (history)"));
        while (box->currentIndex() != replay)
            QTest::keyClick(box, replay > box->currentIndex() ? Qt::Key_Down : Qt::Key_Up);
        QTRY_VERIFY(window->statusHealthText().contains(u"OK"));
        QTest::qWait(100);
        QCOMPARE(health->width(), width);

        // A long error, in the status bar.
        const int llama = box->findText(QStringLiteral("llama-server on a port where nothing listens"));
        while (box->currentIndex() != llama)
            QTest::keyClick(box, llama > box->currentIndex() ? Qt::Key_Down : Qt::Key_Up);
        QTRY_COMPARE(ctx.context->activeEndpoint().kind, EndpointKind::LlamaCpp);
        QSignalSpy timings(ctx.context->client(), &FimClient::timingRecorded);
        window->editor()->setFocus();
        QTest::keyClick(window->editor(), Qt::Key_Space, Qt::ControlModifier);
        QVERIFY(timings.wait());
        QTRY_VERIFY(window->statusBar()->currentMessage().contains(u"Start it with"));

        // Every bottom dock in turn, each with the right ones beside it.
        QStringList problems;
        const QString tag = QString::fromLatin1(QTest::currentDataTag());
        for (const char *dock : {"latencyDock", "inspectorDock", "compareDock", "historyDock"}) {
            window->findChild<QDockWidget *>(QString::fromLatin1(dock))->raise();
            QTest::qWait(80);
            const QImage image = Screenshot::grab(window.get());
            QVERIFY(!Screenshot::save(image, QStringLiteral("fit-%1-%2").arg(tag, QString::fromLatin1(dock))).isEmpty());
            for (const QString &cut : cutLabels(window.get()))
                problems << QStringLiteral("%1: %2").arg(QString::fromLatin1(dock), cut);
        }
        if (const QString cut = cutMessage(window.get()); !cut.isEmpty())
            problems << QStringLiteral("status bar: ") + cut;
        problems.removeDuplicates();
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
        window->editor()->document()->setModified(false);
    }
};

QTEST_MAIN(TestWindowFit)
#include "tst_windowfit.moc"
