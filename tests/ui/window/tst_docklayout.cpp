#include "editor/codeeditor.h"
#include "fakeupstream.h"
#include "latency/latencymodel.h"
#include "panels/healthpanel.h"
#include "panels/inspectorpanel.h"
#include "panels/latencypanel.h"
#include "panels/latencyplot.h"
#include "testcontext.h"
#include "testwindow.h"
#include "window/mainwindow.h"

#include <QDockWidget>
#include <QPushButton>
#include <QSplitter>
#include <QTest>

// The panels' places and room in the real window, and what is remembered of them.
class TestDockLayout : public WindowTest
{
    Q_OBJECT

private slots:
    void init() { QVERIFY(setUpWindowTest()); }
    void cleanup() { tearDownWindowTest(); }

    // What a person reads most gets the room: the bottom panels a good part of the height, Health
    // no more than it needs; the splitters inside the panels are the user's and are remembered; the
    // plot spreads the requests over its whole width.
    void panelsGiveRoomAndRememberTheirSplitters()
    {
        open();
        m_window->resize(1280, 800);
        auto *latencyDock = m_window->findChild<QDockWidget *>(QStringLiteral("latencyDock"));
        auto *healthDock = m_window->findChild<QDockWidget *>(QStringLiteral("healthDock"));
        QTRY_VERIFY(latencyDock->height() >= m_window->height() / 4);
        QVERIFY2(healthDock->height() <= m_window->healthPanel()->sizeHint().height() + 80,
                 qPrintable(QStringLiteral("%1 > %2").arg(healthDock->height()).arg(m_window->healthPanel()->sizeHint().height())));
        // A long reason grows Health to fit: nothing clipped.
        m_server->setReply("/health", FakeUpstream::json(401, "{\"message\":\"Unauthorized: this proxy wants a bearer "
                                                              "token that was not sent with the request\"}"));
        m_window->healthPanel()->checkButton()->click();
        QTRY_VERIFY(m_window->healthPanel()->detailText().contains(QStringLiteral("bearer")));
        QTRY_VERIFY2(m_window->healthPanel()->height() >= m_window->healthPanel()->heightForWidth(m_window->healthPanel()->width()),
                     qPrintable(QStringLiteral("panel %1 high, needs %2 at width %3; dock %4, window %5")
                                    .arg(m_window->healthPanel()->height())
                                    .arg(m_window->healthPanel()->heightForWidth(m_window->healthPanel()->width()))
                                    .arg(m_window->healthPanel()->width())
                                    .arg(healthDock->height())
                                    .arg(m_window->height())));
        // The plot: 60 requests a second apart reach from the left edge to the right one.
        LatencyModel *model = m_ctx->context->latency();
        const QDateTime start = QDateTime::currentDateTime();
        for (int i = 0; i < 60; ++i) {
            RequestTiming t;
            t.scheduledAt = start.addSecs(i);
            t.outcome = RequestTiming::Outcome::Ok;
            t.totalMs = 100 + i;
            t.firstByteMs = 50;
            model->append(t);
        }
        const QImage image = m_window->latencyPanel()->plot()->grab().toImage();
        auto inkIn = [&image](int fromX, int toX) {
            const QRgb base = image.pixel(image.width() / 2, 2);
            int n = 0;
            for (int x = fromX; x < toX; ++x)
                for (int y = image.height() / 3; y < image.height() * 3 / 4; ++y)
                    n += image.pixel(x, y) != base;
            return n;
        };
        QVERIFY(inkIn(0, image.width() / 10) > 0);
        QVERIFY(inkIn(image.width() * 9 / 10, image.width()) > 0);
        // Splitters: moved, closed, restarted, the same.
        QSplitter *split = m_window->inspectorPanel()->splitter();
        split->setSizes({300, 100});
        const QList<int> moved = split->sizes();
        // The list of exchanges beside them: dragged wider.
        QSplitter *list = m_window->inspectorPanel()->listSplitter();
        const int total = list->sizes().at(0) + list->sizes().at(1);
        list->setSizes({total / 2, total - total / 2});
        const QList<int> listMoved = list->sizes();
        QVERIFY(m_window->close());
        m_window.reset();
        m_ctx->restart(m_server->url());
        open();
        QTRY_COMPARE(m_window->inspectorPanel()->splitter()->sizes(), moved);
        QTRY_COMPARE(m_window->inspectorPanel()->listSplitter()->sizes(), listMoved);

        // Settings from before the list's splitter was kept: the request/answer splitter's state alone.
        const QByteArray old = m_window->inspectorPanel()->splitter()->saveState();
        m_window->inspectorPanel()->splitter()->setSizes({100, 300});
        m_window->inspectorPanel()->restoreSplitterState(old);
        QCOMPARE(m_window->inspectorPanel()->splitter()->sizes(), moved);
    }
};

QTEST_MAIN(TestDockLayout)
#include "tst_docklayout.moc"
