#pragma once

#include <QLabel>

// A label whose text never widens or lengthens what holds it, and is never cut without a word:
// it shows as much as fits — each line elided with "…", or (wrapping) at most maxLines lines,
// the last one elided — and then its tooltip says the whole text. Its height is that of maxLines
// lines whatever the text (holdHeight), so what is laid out around it holds still as the text
// changes; or, without holdHeight, that of the lines it shows.
// Plain text only; set it with setFullText() (QLabel::setText() shows what fits).
class ElidedLabel final : public QLabel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ElidedLabel)

public:
    explicit ElidedLabel(QWidget *parent = nullptr, int maxLines = 1, bool wrap = false, bool holdHeight = true);

    void setFullText(const QString &text);
    QString fullText() const { return m_full; }
    // A tooltip of its own, shown while the whole text is on screen (and under it when it is not).
    void setExtraToolTip(const QString &tip);
    bool isElided() const { return m_elided; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;
    bool hasHeightForWidth() const override { return false; }

protected:
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void refit();

    QString m_full;
    QString m_tip;
    int m_maxLines;
    bool m_wrap;
    bool m_holdHeight;
    bool m_elided = false;
};
