#pragma once

#include "history/suggestionstats.h"

#include <QWidget>

// The Stats panel's plot: acceptance over time, one bar per day with suggestions (its height the
// share of seen suggestions something was taken from, the day written under it), and a
// dashed line at the period's overall rate. The figures are in its accessible description too.
class AcceptancePlot final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AcceptancePlot)

public:
    explicit AcceptancePlot(QWidget *parent = nullptr);
    QSize sizeHint() const override { return {260, 140}; }
    QSize minimumSizeHint() const override { return {160, 90}; }

    void setStats(const QList<SuggestionStats::Day> &days, const std::optional<double> &overall);
    // At most this many days are drawn (the newest).
    static constexpr int MaxDays = 30;
    // The period's overall rate in words (the accessible value): "42 % accepted", or that none was seen.
    QString overallText() const;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QList<SuggestionStats::Day> m_days;
    std::optional<double> m_overall;
};
