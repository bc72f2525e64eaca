#include "editor/contrast.h"

#include <QList>

#include <algorithm>
#include <cmath>

namespace {

double channel(double c)
{
    return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

} // namespace

double Contrast::luminance(const QColor &color)
{
    const QColor c = color.toRgb();
    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
}

double Contrast::ratio(const QColor &a, const QColor &b)
{
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

QColor Contrast::over(const QColor &a, const QColor &b)
{
    const double alpha = a.alphaF();
    const QColor x = a.toRgb();
    const QColor y = b.toRgb();
    return QColor::fromRgbF(float(x.redF() * alpha + y.redF() * (1 - alpha)), float(x.greenF() * alpha + y.greenF() * (1 - alpha)),
                            float(x.blueF() * alpha + y.blueF() * (1 - alpha)));
}

QColor Contrast::ghostColor(const QColor &text, const QList<QColor> &backgrounds, double preferredAlpha)
{
    auto worst = [&](double alpha) {
        QColor ghost = text;
        ghost.setAlphaF(float(alpha));
        double least = 21;
        for (const QColor &b : backgrounds)
            least = std::min(least, ratio(over(ghost, b), b));
        return least;
    };
    // The code's own contrast bounds the goal: the ghost text stays visibly fainter.
    const double code = worst(1.0);
    const double goal = std::min(GhostMinimum, code * 0.8);
    double alpha = preferredAlpha;
    while (alpha < 0.9 && worst(alpha) < goal)
        alpha += 0.01;
    QColor ghost = text;
    ghost.setAlphaF(float(std::min(alpha, 0.9)));
    return ghost;
}
