#include "panels/inspectorpanel.h"
#include "panels/tokenprobabilityview.h"

#include <QDir>
#include <QFile>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QTest>

#include <cmath>

// The inspector's list of exchanges: newest first, at most 50, following the newest unless an
// older one is being read, and found by a request's id.
class TestInspectorPanel : public QObject
{
    Q_OBJECT

    static Exchange exchange(quint64 id)
    {
        Exchange x;
        x.id = id;
        x.kind = EndpointKind::Ollama;
        x.url = QUrl(QStringLiteral("http://127.0.0.1:11434/api/generate"));
        x.requestHeaders = {{"Content-Type", "application/json"}, {"Authorization", "Bearer <redacted>"}};
        x.requestBody = QByteArrayLiteral("{\"model\":\"m\",\"prompt\":\"request ") + QByteArray::number(id) + "\"}";
        x.httpStatus = 200;
        x.rawAnswer = "answer " + QByteArray::number(id);
        return x;
    }

private slots:
    // A huge answer (an endless body cut at the client's cap) shows its first 64 KiB and says how
    // much more there was: laying out all of it would stall the window.
    void aHugeAnswerShowsItsStart()
    {
        InspectorPanel panel;
        const Endpoint e(QStringLiteral("o"), EndpointKind::Ollama, QUrl(QStringLiteral("http://127.0.0.1:11434")));
        Exchange x = exchange(1);
        x.rawAnswer = QByteArray(256 * 1024, 'z');
        panel.showExchange(e, x);
        const QString shown = panel.answerText();
        QVERIFY(shown.size() < 66 * 1024);
        QVERIFY(shown.contains(QString(64 * 1024, QLatin1Char('z'))));
        QVERIFY2(shown.endsWith(u"… 192 KiB more not shown (the history keeps the first 256 KiB)"), qPrintable(shown.right(80)));
    }

    // An exchange with token probabilities (llama-server's stream, as it sent it with "n_probs")
    // lists each token with its probability, its alternatives on hover; one without hides the list.
    void tokenProbabilitiesUnderTheAnswer()
    {
        QFile f(QDir(qEnvironmentVariable("FIM_TEST_DATA")).filePath(QStringLiteral("probabilities/llamacpp-infill-heldback.sse")));
        QVERIFY(f.open(QIODevice::ReadOnly));
        InspectorPanel panel;
        const Endpoint e(QStringLiteral("l"), EndpointKind::LlamaCpp, QUrl(QStringLiteral("http://127.0.0.1:8080")));
        Exchange x = exchange(1);
        x.kind = EndpointKind::LlamaCpp;
        x.rawAnswer = f.readAll();
        panel.showExchange(e, x);
        TokenProbabilityView *view = panel.tokenView();
        QVERIFY(!view->isHidden());
        QListWidget *tokens = view->tokenList();
        QCOMPARE(tokens->count(), 4);
        QCOMPARE(tokens->item(0)->text(), QStringLiteral("@  %1").arg(std::exp(-0.6276442408561707), 0, 'f', 4));
        QVERIFY(tokens->item(1)->text().startsWith(u"∅  ")); // held back by the stop sequence
        QVERIFY2(tokens->item(1)->toolTip().contains(QStringLiteral("y  %1").arg(std::exp(-0.01159889716655016), 0, 'f', 4)),
                 qPrintable(tokens->item(1)->toolTip()));
        QVERIFY(tokens->item(3)->toolTip().contains(QStringLiteral("(  %1").arg(std::exp(-1.1534394025802612), 0, 'f', 4)));
        QVERIFY(tokens->item(3)->toolTip().contains(QStringLiteral("m  %1").arg(std::exp(-1.2441929578781128), 0, 'f', 4)));
        const double p = std::exp((-0.6276442408561707 - 0.01159889716655016 - 0.04448777064681053 - 1.1534394025802612) / 4);
        QVERIFY2(view->summary()->text().contains(QStringLiteral("p = %1").arg(p, 0, 'f', 4)), qPrintable(view->summary()->text()));

        panel.showExchange(e, exchange(2)); // no probabilities
        QVERIFY(view->isHidden());
        QCOMPARE(tokens->count(), 0);
    }

    void newestFirstAtMostFifty()
    {
        InspectorPanel panel;
        const Endpoint e(QStringLiteral("o"), EndpointKind::Ollama, QUrl(QStringLiteral("http://127.0.0.1:11434")));
        for (quint64 id = 1; id <= 60; ++id)
            panel.showExchange(e, exchange(id));
        QCOMPARE(panel.exchangeCount(), InspectorPanel::MaxExchanges);
        QCOMPARE(panel.exchangeList()->count(), InspectorPanel::MaxExchanges);
        QVERIFY(panel.requestText().contains(u"request 60"));
        QVERIFY(panel.answerText().contains(u"answer 60"));
        QVERIFY(panel.exchangeList()->item(0)->text().contains(u"ollama  200  api/generate"));
        QVERIFY(!panel.showExchangeWithId(5)); // fell off the end
        QVERIFY(panel.showExchangeWithId(11)); // the oldest kept
        QVERIFY(panel.requestText().contains(u"request 11"));
        QVERIFY(panel.curlText().contains(u"$FIM_API_KEY"));
    }

    void anOlderExchangeBeingReadStays()
    {
        InspectorPanel panel;
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        const Endpoint e(QStringLiteral("o"), EndpointKind::Ollama, QUrl(QStringLiteral("http://127.0.0.1:11434")));
        for (quint64 id = 1; id <= 3; ++id)
            panel.showExchange(e, exchange(id));
        // Down arrow in the list: the one before.
        panel.exchangeList()->setFocus();
        QTest::keyClick(panel.exchangeList(), Qt::Key_Down);
        QVERIFY(panel.requestText().contains(u"request 2"));
        panel.showExchange(e, exchange(4));
        QVERIFY(panel.requestText().contains(u"request 2")); // still reading it
        QCOMPARE(panel.exchangeList()->currentRow(), 2);
        // Back at the top: the newest shows as it comes.
        QTest::keyClick(panel.exchangeList(), Qt::Key_Home);
        QVERIFY(panel.requestText().contains(u"request 4"));
        panel.showExchange(e, exchange(5));
        QVERIFY(panel.requestText().contains(u"request 5"));
    }
};

QTEST_MAIN(TestInspectorPanel)
#include "tst_inspectorpanel.moc"
