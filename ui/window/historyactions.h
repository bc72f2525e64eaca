#pragma once

#include <QObject>

class AppContext;
class DockLayout;
class HistoryPanel;
class InspectorPanel;

// What the History panel's buttons do in the window: open an exchange in the request inspector,
// ask it again against the current endpoint (the answer shows in the inspector and the latency
// panel), and keep the table following the rows the writer adds. Also brings the editor's
// exchanges to the inspector, a replayed one as it was recorded.
class HistoryActions final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HistoryActions)

public:
    HistoryActions(AppContext *context, HistoryPanel *panel, InspectorPanel *inspector, DockLayout *docks, QObject *parent = nullptr);

signals:
    void statusMessage(const QString &text, bool isError);
};
