#pragma once

#include <QWidget>

class LatencyModel;

// The latency plot: the recent requests along a time axis that spans the whole width, one bar per
// request (total time, its first byte darker; red for a failure, green for a cache hit, grey for a
// cancelled one), and a dashed line at the median total of the successful ones.
class LatencyPlot final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LatencyPlot)

public:
    explicit LatencyPlot(LatencyModel *model, QWidget *parent = nullptr);
    QSize sizeHint() const override { return {600, 140}; }
    QSize minimumSizeHint() const override { return {200, 80}; }

    // How many of the most recent requests are drawn at this width (a bar needs 3 pixels).
    int shownCount() const;
    // What the plot shows, in words (its accessible value): the p50 and p95 of the answered,
    // uncached requests and the last few requests' times and outcomes.
    QString summaryText() const;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    LatencyModel *m_model;
};
