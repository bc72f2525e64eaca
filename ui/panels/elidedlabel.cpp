#include "panels/elidedlabel.h"

#include <QEvent>
#include <QTextLayout>

ElidedLabel::ElidedLabel(QWidget *parent, int maxLines, bool wrap, bool holdHeight)
    : QLabel(parent)
    , m_maxLines(std::max(1, maxLines))
    , m_wrap(wrap)
    , m_holdHeight(holdHeight)
{
    setTextFormat(Qt::PlainText);
    setWordWrap(false); // the lines are laid out here
    setAlignment(Qt::AlignLeft | Qt::AlignTop);
    setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed);
}

void ElidedLabel::setFullText(const QString &text)
{
    m_full = text;
    refit();
    if (!m_holdHeight)
        updateGeometry();
}

void ElidedLabel::setExtraToolTip(const QString &tip)
{
    m_tip = tip;
    refit();
}

QSize ElidedLabel::sizeHint() const
{
    const QFontMetrics fm = fontMetrics();
    int width = 0;
    for (const QString &line : m_full.split(u'\n'))
        width = std::max(width, fm.horizontalAdvance(line));
    const QMargins m = contentsMargins();
    const int lines = m_holdHeight ? m_maxLines : std::clamp(int(m_full.count(u'\n')) + 1, 1, m_maxLines);
    return {std::min(width, fm.averageCharWidth() * 60) + m.left() + m.right() + 2 * margin(),
            lines * fm.lineSpacing() + m.top() + m.bottom() + 2 * margin()};
}

QSize ElidedLabel::minimumSizeHint() const
{
    return {fontMetrics().averageCharWidth() * 6, sizeHint().height()};
}

void ElidedLabel::resizeEvent(QResizeEvent *event)
{
    QLabel::resizeEvent(event);
    refit();
}

void ElidedLabel::changeEvent(QEvent *event)
{
    QLabel::changeEvent(event);
    if (event->type() == QEvent::FontChange)
        refit();
}

void ElidedLabel::refit()
{
    const QFontMetrics fm = fontMetrics();
    const int width = std::max(1, contentsRect().width() - 2 * margin());
    QStringList shown;
    bool elided = false;
    const QStringList lines = m_full.split(u'\n');
    for (const QString &line : lines) {
        if (shown.size() == m_maxLines) {
            elided = true;
            break;
        }
        if (!m_wrap) {
            const QString fitted = fm.elidedText(line, Qt::ElideRight, width);
            elided = elided || fitted != line;
            shown << fitted;
            continue;
        }
        if (line.isEmpty()) {
            shown << QString();
            continue;
        }
        // Wrapped at word boundaries into the lines left; the last one takes the rest, elided.
        QTextLayout layout(line, font());
        QTextOption option;
        option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
        layout.setTextOption(option);
        layout.beginLayout();
        for (QTextLine l = layout.createLine(); l.isValid(); l = layout.createLine()) {
            l.setLineWidth(width);
            if (shown.size() == m_maxLines - 1) {
                const QString rest = line.mid(l.textStart());
                const QString fitted = fm.elidedText(rest, Qt::ElideRight, width);
                elided = elided || fitted != rest;
                shown << fitted;
                break;
            }
            shown << line.mid(l.textStart(), l.textLength()).trimmed();
        }
        layout.endLayout();
    }
    m_elided = elided;
    QLabel::setText(shown.join(u'\n'));
    setToolTip(elided ? (m_tip.isEmpty() ? m_full : m_full + QStringLiteral("\n\n") + m_tip) : m_tip);
}
