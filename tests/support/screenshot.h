#pragma once

#include <QDir>
#include <QHash>
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

// Writes the image to $FIM_SCREENSHOT_DIR/<name>.png and returns the path written.
inline QString save(const QImage &image, const QString &name)
{
    const QString dir = qEnvironmentVariable("FIM_SCREENSHOT_DIR", QDir::tempPath() + QStringLiteral("/fim-screenshots"));
    QDir().mkpath(dir);
    const QString path = dir + QLatin1Char('/') + name + QStringLiteral(".png");
    return image.save(path) ? path : QString();
}

} // namespace Screenshot
