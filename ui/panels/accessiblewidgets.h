#pragma once

#include <QString>

class QLabel;

// The accessible interfaces of the playground's custom widgets, for screen readers and other
// assistive technology (QAccessibleWidget subclasses made by one factory, QAccessible::installFactory):
//
//   LatencyPlot     a chart; its value the figures it draws: p50 and p95 and the last requests
//   AcceptancePlot  a chart; its value the period's rate, its description each day's figures
//   CompareColumn   a group named by its variant; its description the result (time, tokens, finish
//                   reason, or the error, or "Asking…")
//   health states   the status bar's health dot and the Health panel's state (labels marked with
//                   markHealthState()): "Health: Degraded" instead of "● Degraded", the reason as
//                   description
//
// The ghost text needs no interface of its own: SuggestionAnnouncer puts its text in the editor's
// accessible description while it is shown.
namespace AccessibleWidgets {

// Registers the factory (once; later calls do nothing). The main window calls it; so do tests of
// single widgets.
void install();

// Marks a label that shows an endpoint's health state as rich text ("● OK"); call before it is
// first shown.
void markHealthState(QLabel *label);

// A marked label's state changed: tells assistive technology (when one listens).
void healthStateChanged(QLabel *label);

// A health label's state as a screen reader says it: "Health: OK".
QString healthStateName(const QLabel *label);

} // namespace AccessibleWidgets
