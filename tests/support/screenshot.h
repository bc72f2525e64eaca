#pragma once

#include <QApplication>
#include <QDir>
#include <QHash>
#include <QPalette>
#include <QStyle>
#include <QStyleFactory>
#include <QImage>
#include <QTest>
#include <QWidget>

namespace Screenshot {

// Share of pixels that differ from the image's most common colour: near 0 means a blank picture
// (for instance an editor whose text is painted transparent).
inline double inkRatio(const QImage &image)
{
    const QImage img = image.convertToFormat(QImage::Format_RGB32);
    QHash<QRgb, int> counts;
    for (int y = 0; y < img.height(); y += 2)
        for (int x = 0; x < img.width(); x += 2)
            ++counts[img.pixel(x, y)];
    int total = 0;
    int most = 0;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
        total += it.value();
        most = std::max(most, it.value());
    }
    return total == 0 ? 0.0 : double(total - most) / total;
}

// Shows the widget, lets the event loop paint it, and grabs it.
inline QImage grab(QWidget *widget)
{
    widget->show();
    if (!QTest::qWaitForWindowExposed(widget))
        return {};
    QImage image;
    QTest::qWait(50); // let queued layout and paint events run before grabbing
    image = widget->grab().toImage();
    return image;
}

// Writes the image to $FIM_SCREENSHOT_DIR/<name><$FIM_SCREENSHOT_SUFFIX>.png and returns the path
// written (the suffix names a run under other conditions: "-scale2", "-dark").
inline QString save(const QImage &image, const QString &name)
{
    const QString dir = qEnvironmentVariable("FIM_SCREENSHOT_DIR", QDir::tempPath() + QStringLiteral("/fim-screenshots"));
    QDir().mkpath(dir);
    const QString path = dir + QLatin1Char('/') + name + qEnvironmentVariable("FIM_SCREENSHOT_SUFFIX") + QStringLiteral(".png");
    return image.save(path) ? path : QString();
}

// With FIM_TEST_DARK=1 in the environment: the desktop's dark mode, as a dark system palette is to
// the playground (Fusion's dark colours, which the editor's "Follow system" answers with a dark
// highlighting theme). Call before the first window is made.
inline void applyThemeFromEnvironment()
{
    if (qEnvironmentVariableIntValue("FIM_TEST_DARK") != 1)
        return;
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    QPalette dark;
    dark.setColor(QPalette::Window, QColor(0x2a, 0x2e, 0x32));
    dark.setColor(QPalette::WindowText, QColor(0xfc, 0xfc, 0xfc));
    dark.setColor(QPalette::Base, QColor(0x1b, 0x1e, 0x20));
    dark.setColor(QPalette::AlternateBase, QColor(0x23, 0x26, 0x29));
    dark.setColor(QPalette::ToolTipBase, QColor(0x31, 0x36, 0x3b));
    dark.setColor(QPalette::ToolTipText, QColor(0xfc, 0xfc, 0xfc));
    dark.setColor(QPalette::PlaceholderText, QColor(0xa1, 0xa9, 0xb1));
    dark.setColor(QPalette::Text, QColor(0xfc, 0xfc, 0xfc));
    dark.setColor(QPalette::Button, QColor(0x29, 0x2c, 0x30));
    dark.setColor(QPalette::ButtonText, QColor(0xfc, 0xfc, 0xfc));
    dark.setColor(QPalette::BrightText, QColor(0xff, 0xff, 0xff));
    dark.setColor(QPalette::Light, QColor(0x40, 0x46, 0x4c));
    dark.setColor(QPalette::Midlight, QColor(0x35, 0x3a, 0x3f));
    dark.setColor(QPalette::Mid, QColor(0x1f, 0x22, 0x25));
    dark.setColor(QPalette::Dark, QColor(0x19, 0x1b, 0x1d));
    dark.setColor(QPalette::Shadow, QColor(0x10, 0x11, 0x12));
    dark.setColor(QPalette::Highlight, QColor(0x3d, 0xae, 0xe9));
    dark.setColor(QPalette::HighlightedText, QColor(0xfc, 0xfc, 0xfc));
    dark.setColor(QPalette::Link, QColor(0x1d, 0x99, 0xf3));
    dark.setColor(QPalette::LinkVisited, QColor(0x9b, 0x59, 0xb6));
    for (QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        dark.setColor(QPalette::Disabled, role, QColor(0x6e, 0x72, 0x76));
    QApplication::setPalette(dark);
}

} // namespace Screenshot
