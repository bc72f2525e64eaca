#pragma once

#include "editor/codeeditor.h"

#include <QObject>

// Tells assistive technology about the editor's suggestions, from CodeEditor's signals: one
// appearing ("Suggestion: <its first line>. Tab to accept."), accepted ("Suggestion accepted", or
// "Part of the suggestion accepted" after Shift+Tab or Ctrl+Right), dismissed ("Suggestion
// dismissed"). With Qt 6.8 and later as a QAccessibleAnnouncementEvent; before, the editor's
// accessible description changes (a DescriptionChanged event, what a live region does).
//
// While a suggestion is shown, the editor's accessible description holds its remaining text, so a
// screen reader can read the ghost text, which is not in the document. No event is made, and no
// words, while no assistive technology listens (listening()): typing costs nothing.
class SuggestionAnnouncer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SuggestionAnnouncer)

public:
    explicit SuggestionAnnouncer(CodeEditor *editor);

    // What was said last (for tests and for the status object of older Qt versions).
    QString lastAnnouncement() const { return m_last; }
    // Assistive technology listens: the platform turned accessibility on (QAccessible::setActive(),
    // followed through an activation observer).
    static bool listening();
    // The announcement for a suggestion of this text.
    static QString appearedText(const QString &suggestion);

signals:
    // Every announcement, as it is made.
    void announced(const QString &text);

private:
    void announce(const QString &text);
    // The editor's description: lead (if any), then the suggestion's remaining text while one is shown.
    void describeSuggestion(const QString &lead);

    CodeEditor *m_editor;
    QString m_baseDescription; // the editor's own description, put back when no suggestion is shown
    QString m_last;
};
