#pragma once

#include <QFrame>
#include <QSet>

class QLabel;

// A bar above the editor that tells the user something to act on, in one place, once: "the proxy
// has no API key: here are the two ways to set one". Each notice has a key; a key shown and closed
// is not shown again in this run. Text is rich text; http(s) links open in the browser, other links
// ("fim:add-profile?...") are actions: actionRequested() says which.
class NoticeBar final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NoticeBar)

public:
    explicit NoticeBar(QWidget *parent = nullptr);

    // Shows the notice unless this key was shown already.
    void notify(const QString &key, const QString &richText);
    void dismiss();
    QString text() const;
    QString currentKey() const { return m_key; }
    // Follows a link of the current text as a click would (tests, keyboard users).
    void activateLink(const QString &link);

signals:
    void actionRequested(const QUrl &action);

private:
    QLabel *m_text;
    QString m_key;
    QSet<QString> m_shown;
};
