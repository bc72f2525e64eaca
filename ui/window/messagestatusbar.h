#pragma once

#include <QStatusBar>

// The main window's status bar: a message longer than the room left of the permanent widgets is
// drawn elided with "…" (never cut mid-word), and the status bar's tooltip says it whole.
// currentMessage() is the whole message, as with QStatusBar.
class MessageStatusBar final : public QStatusBar
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MessageStatusBar)

public:
    explicit MessageStatusBar(QWidget *parent = nullptr);

    // Where the message is drawn: left of the first permanent widget (or the size grip).
    QRect messageRect() const;
    // The message as drawn.
    QString shownMessage() const;

protected:
    void paintEvent(QPaintEvent *event) override;
};
