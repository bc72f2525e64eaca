#include "window/noticebar.h"

#include <QDesktopServices>
#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>

NoticeBar::NoticeBar(QWidget *parent)
    : QFrame(parent)
    , m_text(new QLabel(this))
{
    setObjectName(QStringLiteral("noticeBar"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    QPalette pal = palette();
    pal.setColor(QPalette::Window, QColor(0xf6, 0x74, 0x00).lighter(185)); // Breeze's warning, light
    pal.setColor(QPalette::WindowText, QColor(0x23, 0x26, 0x29));
    setPalette(pal);
    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::RichText);
    m_text->setTextInteractionFlags(Qt::TextBrowserInteraction);
    m_text->setOpenExternalLinks(false);
    connect(m_text, &QLabel::linkActivated, this, &NoticeBar::activateLink);
    auto *close = new QToolButton(this);
    close->setAutoRaise(true);
    close->setText(QStringLiteral("✕"));
    close->setToolTip(tr("Close this notice"));
    connect(close, &QToolButton::clicked, this, &NoticeBar::dismiss);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(10, 6, 6, 6);
    layout->addWidget(m_text, 1);
    layout->addWidget(close, 0, Qt::AlignTop);
    hide();
}

void NoticeBar::notify(const QString &key, const QString &richText)
{
    if (m_closed.contains(key))
        return;
    for (auto &[k, text] : m_notices) {
        if (k == key) {
            text = richText;
            refresh();
            return;
        }
    }
    m_notices.append({key, richText});
    refresh();
}

void NoticeBar::remove(const QString &keyPrefix)
{
    m_notices.removeIf([&keyPrefix](const QPair<QString, QString> &n) { return n.first.startsWith(keyPrefix); });
    refresh();
}

bool NoticeBar::contains(const QString &keyPrefix) const
{
    return std::any_of(m_notices.cbegin(), m_notices.cend(),
                       [&keyPrefix](const QPair<QString, QString> &n) { return n.first.startsWith(keyPrefix); });
}

void NoticeBar::dismiss()
{
    for (const auto &[key, text] : std::as_const(m_notices))
        m_closed.insert(key);
    m_notices.clear();
    refresh();
}

void NoticeBar::refresh()
{
    QStringList parts;
    for (const auto &[key, text] : std::as_const(m_notices))
        parts << text;
    m_text->setText(parts.join(QStringLiteral("<br>")));
    setVisible(!m_notices.isEmpty());
}

QString NoticeBar::text() const
{
    return isVisible() ? m_text->text() : QString();
}

void NoticeBar::activateLink(const QString &link)
{
    const QUrl url(link);
    if (url.scheme() == u"http" || url.scheme() == u"https")
        QDesktopServices::openUrl(url);
    else
        emit actionRequested(url);
}
