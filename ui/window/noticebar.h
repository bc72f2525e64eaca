#pragma once

#include <QFrame>
#include <QList>
#include <QPair>
#include <QSet>

class QLabel;

// A bar above the editor that tells the user something to act on, in one place, once: "the proxy
// has no API key: here are the two ways to set one". It holds several notices at once, one under
// the other, each with a key; a key closed is not shown again in this run. Text is rich text;
// http(s) links open in the browser, other links ("fim:add-profile?...") are actions:
// actionRequested() says which.
class NoticeBar final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NoticeBar)

public:
    explicit NoticeBar(QWidget *parent = nullptr);

    // Shows the notice, or changes the text of the one with this key; nothing when this key was
    // closed already.
    void notify(const QString &key, const QString &richText);
    // Takes off the notices whose key starts with keyPrefix (the state they spoke of is over); they
    // may come again.
    void remove(const QString &keyPrefix);
    bool contains(const QString &keyPrefix) const;
    // Closes every notice (the ✕ button): none of them comes again in this run.
    void dismiss();
    QString text() const;
    // Follows a link of the current text as a click would (tests, keyboard users).
    void activateLink(const QString &link);

signals:
    void actionRequested(const QUrl &action);

private:
    void refresh();

    QLabel *m_text;
    QList<QPair<QString, QString>> m_notices; // key, rich text; oldest first
    QSet<QString> m_closed;
};
