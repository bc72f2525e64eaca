#pragma once

#include <QColor>

// Colour contrast as WCAG 2 defines it, for the ghost text: readable (≥ 3:1 against what it is drawn
// on, the threshold for large text and user-interface parts) yet fainter than the code beside it.
namespace Contrast {

// Relative luminance of an sRGB colour (its alpha ignored), 0 (black) to 1 (white).
double luminance(const QColor &color);
// (lighter + 0.05) / (darker + 0.05): 1 to 21.
double ratio(const QColor &a, const QColor &b);
// The colour seen when a (with its alpha) is drawn over the opaque b.
QColor over(const QColor &a, const QColor &b);

// The ghost text's goal: at least this against each background it lies on, where the code's own
// contrast allows (the ghost text stays fainter than the code).
inline constexpr double GhostMinimum = 3.3; // 3:1 with a margin for anti-aliasing
// The ghost colour: text at the lowest opacity, from preferred up, that reaches GhostMinimum against
// every background given, and never more than the code's own contrast less a step.
QColor ghostColor(const QColor &text, const QList<QColor> &backgrounds, double preferredAlpha = 0.5);

} // namespace Contrast
