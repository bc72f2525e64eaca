#include "window/standardiconcache.h"

#include <QApplication>
#include <QDockWidget>
#include <QPixmap>
#include <QScopeGuard>
#include <QMainWindow>
#include <QStyleFactory>
#include <QStyleOption>
#include <QTest>
#include <QAbstractButton>

namespace {
// A style that draws its icons in the palette's colours, from the option's palette, else the
// widget's, else the application's: as Breeze draws its title bar buttons (a dock's float and close).
class PaletteIconStyle final : public QProxyStyle
{
public:
    PaletteIconStyle()
        : QProxyStyle(QStyleFactory::create(QStringLiteral("Fusion")))
    {
    }
    QIcon standardIcon(StandardPixmap, const QStyleOption *option, const QWidget *widget) const override
    {
        const QPalette palette = option ? option->palette : widget ? widget->palette() : QGuiApplication::palette();
        QPixmap pixmap(16, 16);
        pixmap.fill(palette.color(QPalette::WindowText));
        return QIcon(pixmap);
    }
};

QRgb colourOf(const QIcon &icon)
{
    return icon.pixmap(16).toImage().pixel(8, 8);
}

QPalette paletteWithText(const QColor &window, const QColor &text)
{
    QPalette palette(window);
    palette.setColor(QPalette::WindowText, text);
    return palette;
}
} // namespace

// The application style that keeps its standard icons: the same icons as the style it wraps, made
// once per icon as the application asks them, forgotten when the style is polished again or the
// application's palette, writing direction or icon theme changes.
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

    // In a left-to-right application: left to right kept (with the arrow the style makes it from),
    // right to left made by the style each time; each the style's own.
    void directionIsRespected()
    {
        StandardIconCache cache(QStyleFactory::create(QStringLiteral("Fusion")));
        const std::unique_ptr<QStyle> plain(QStyleFactory::create(QStringLiteral("Fusion")));
        QStyleOption leftToRight;
        leftToRight.direction = Qt::LeftToRight;
        QStyleOption rightToLeft;
        rightToLeft.direction = Qt::RightToLeft;
        const QImage ltr = cache.standardIcon(QStyle::SP_ArrowBack, &leftToRight).pixmap(16).toImage();
        const int kept = cache.cachedCount();
        QVERIFY(kept >= 1);
        const QImage rtl = cache.standardIcon(QStyle::SP_ArrowBack, &rightToLeft).pixmap(16).toImage();
        (void)cache.standardIcon(QStyle::SP_ArrowBack, &leftToRight);
        QCOMPARE(cache.cachedCount(), kept);
        QCOMPARE(ltr, plain->standardIcon(QStyle::SP_ArrowBack, &leftToRight).pixmap(16).toImage());
        QCOMPARE(rtl, plain->standardIcon(QStyle::SP_ArrowBack, &rightToLeft).pixmap(16).toImage());
        QVERIFY(ltr != rtl); // back points the other way in right-to-left text
    }

    // The system goes dark (or light): icons drawn in the palette's colours follow it; a widget with
    // a palette of its own gets its icon, and the others still theirs.
    void followsThePalette()
    {
        const auto restore = qScopeGuard([original = QApplication::palette()] { QApplication::setPalette(original); });
        StandardIconCache cache(new PaletteIconStyle);
        QApplication::setPalette(paletteWithText(Qt::white, Qt::black));
        QCOMPARE(colourOf(cache.standardIcon(QStyle::SP_TitleBarCloseButton)), qRgb(0, 0, 0));
        QApplication::setPalette(paletteWithText(QColor(30, 30, 30), Qt::white));
        QCOMPARE(colourOf(cache.standardIcon(QStyle::SP_TitleBarCloseButton)), qRgb(255, 255, 255));
        QWidget own;
        own.setPalette(paletteWithText(QColor(30, 30, 30), Qt::red));
        QStyleOption option;
        option.initFrom(&own);
        QCOMPARE(colourOf(cache.standardIcon(QStyle::SP_TitleBarCloseButton, &option, &own)), qRgb(255, 0, 0));
        QCOMPARE(colourOf(cache.standardIcon(QStyle::SP_TitleBarCloseButton, nullptr, &own)), qRgb(255, 0, 0));
        QCOMPARE(colourOf(cache.standardIcon(QStyle::SP_TitleBarCloseButton)), qRgb(255, 255, 255));
    }

    // Fusion turns Back by the option's direction, else the application's: a right-to-left widget
    // asking without an option gets the left-to-right icon, and that icon is not what a
    // right-to-left option gets afterwards.
    void rightToLeftWidgetWithoutAnOption()
    {
        StandardIconCache cache(QStyleFactory::create(QStringLiteral("Fusion")));
        const std::unique_ptr<QStyle> plain(QStyleFactory::create(QStringLiteral("Fusion")));
        QWidget rightToLeftWidget;
        rightToLeftWidget.setLayoutDirection(Qt::RightToLeft);
        QStyleOption rightToLeft;
        rightToLeft.direction = Qt::RightToLeft;
        QCOMPARE(cache.standardIcon(QStyle::SP_ArrowBack, nullptr, &rightToLeftWidget).pixmap(16).toImage(),
                 plain->standardIcon(QStyle::SP_ArrowBack, nullptr, &rightToLeftWidget).pixmap(16).toImage());
        QCOMPARE(cache.standardIcon(QStyle::SP_ArrowBack, &rightToLeft).pixmap(16).toImage(),
                 plain->standardIcon(QStyle::SP_ArrowBack, &rightToLeft).pixmap(16).toImage());
    }

    // Another icon theme or writing direction for the whole application: the icons kept are
    // forgotten at the next request, and the new ones are the style's for the new direction.
    void applicationChangesForget()
    {
        const auto restore = qScopeGuard([theme = QIcon::themeName()] {
            QIcon::setThemeName(theme);
            QGuiApplication::setLayoutDirection(Qt::LeftToRight);
        });
        StandardIconCache cache(QStyleFactory::create(QStringLiteral("Fusion")));
        const std::unique_ptr<QStyle> plain(QStyleFactory::create(QStringLiteral("Fusion")));
        (void)cache.standardIcon(QStyle::SP_DockWidgetCloseButton);
        (void)cache.standardIcon(QStyle::SP_TitleBarNormalButton);
        QCOMPARE(cache.cachedCount(), 2);
        QIcon::setThemeName(QStringLiteral("fim-test-theme"));
        (void)cache.standardIcon(QStyle::SP_DockWidgetCloseButton);
        QCOMPARE(cache.cachedCount(), 1);
        const QImage ltr = cache.standardIcon(QStyle::SP_ArrowBack).pixmap(16).toImage();
        QGuiApplication::setLayoutDirection(Qt::RightToLeft);
        const QImage rtl = cache.standardIcon(QStyle::SP_ArrowBack).pixmap(16).toImage();
        QVERIFY(ltr != rtl);
        QCOMPARE(rtl, plain->standardIcon(QStyle::SP_ArrowBack).pixmap(16).toImage());
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
