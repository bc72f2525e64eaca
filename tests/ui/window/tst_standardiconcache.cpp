#include "window/standardiconcache.h"

#include <QApplication>
#include <QDockWidget>
#include <QMainWindow>
#include <QStyleFactory>
#include <QStyleOption>
#include <QTest>
#include <QAbstractButton>

// The application style that keeps its standard icons: the same icons as the style it wraps, made
// once per icon and writing direction, forgotten when the style is polished again.
class TestStandardIconCache : public QObject
{
    Q_OBJECT

private slots:
    void sameIconsMadeOnce()
    {
        StandardIconCache cache(QStyleFactory::create(QStringLiteral("Fusion")));
        const std::unique_ptr<QStyle> plain(QStyleFactory::create(QStringLiteral("Fusion")));
        QCOMPARE(cache.cachedCount(), 0);
        const QIcon first = cache.standardIcon(QStyle::SP_TitleBarCloseButton);
        const QIcon again = cache.standardIcon(QStyle::SP_TitleBarCloseButton);
        QCOMPARE(first.cacheKey(), again.cacheKey()); // the same icon, not made anew
        QCOMPARE(cache.cachedCount(), 1);
        const QIcon expected = plain->standardIcon(QStyle::SP_TitleBarCloseButton);
        QVERIFY(!first.isNull());
        QCOMPARE(first.availableSizes(), expected.availableSizes());
        QCOMPARE(first.pixmap(16).toImage(), expected.pixmap(16).toImage());
    }

    void directionIsPartOfTheKey()
    {
        StandardIconCache cache(QStyleFactory::create(QStringLiteral("Fusion")));
        const std::unique_ptr<QStyle> plain(QStyleFactory::create(QStringLiteral("Fusion")));
        QStyleOption leftToRight;
        leftToRight.direction = Qt::LeftToRight;
        QStyleOption rightToLeft;
        rightToLeft.direction = Qt::RightToLeft;
        const QImage ltr = cache.standardIcon(QStyle::SP_ArrowBack, &leftToRight).pixmap(16).toImage();
        const QImage rtl = cache.standardIcon(QStyle::SP_ArrowBack, &rightToLeft).pixmap(16).toImage();
        // Both kept (with the arrows the style makes them from); asked again, nothing new is made.
        const int kept = cache.cachedCount();
        QVERIFY(kept >= 2);
        (void)cache.standardIcon(QStyle::SP_ArrowBack, &leftToRight);
        (void)cache.standardIcon(QStyle::SP_ArrowBack, &rightToLeft);
        QCOMPARE(cache.cachedCount(), kept);
        QCOMPARE(ltr, plain->standardIcon(QStyle::SP_ArrowBack, &leftToRight).pixmap(16).toImage());
        QCOMPARE(rtl, plain->standardIcon(QStyle::SP_ArrowBack, &rightToLeft).pixmap(16).toImage());
        QVERIFY(ltr != rtl); // back points the other way in right-to-left text
    }

    void polishedAgainForgets()
    {
        StandardIconCache cache(QStyleFactory::create(QStringLiteral("Fusion")));
        (void)cache.standardIcon(QStyle::SP_DockWidgetCloseButton);
        QCOMPARE(cache.cachedCount(), 1);
        cache.polish(qApp);
        QCOMPARE(cache.cachedCount(), 0);
    }

    // As the application's style: a window's dock widgets get their float and close icons from it,
    // and the look (the style's metrics) is the wrapped style's.
    void docksUseIt()
    {
        auto *cache = new StandardIconCache(QStyleFactory::create(QStringLiteral("Fusion")));
        QApplication::setStyle(cache); // the application owns it from here
        QMainWindow window;
        for (int i = 0; i < 3; ++i)
            window.addDockWidget(Qt::BottomDockWidgetArea, new QDockWidget(QStringLiteral("Dock %1").arg(i), &window));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(cache->cachedCount() >= 2); // float and close, asked by every dock, made once
        const std::unique_ptr<QStyle> plain(QStyleFactory::create(QStringLiteral("Fusion")));
        QCOMPARE(cache->pixelMetric(QStyle::PM_DockWidgetTitleMargin), plain->pixelMetric(QStyle::PM_DockWidgetTitleMargin));
        const QList<QAbstractButton *> buttons = window.findChildren<QAbstractButton *>();
        QVERIFY(!buttons.isEmpty());
        for (const QAbstractButton *b : buttons)
            QVERIFY(!b->icon().isNull());
    }
};

QTEST_MAIN(TestStandardIconCache)
#include "tst_standardiconcache.moc"
