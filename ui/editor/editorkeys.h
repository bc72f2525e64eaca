#pragma once

#include <QKeySequence>
#include <QList>
#include <QString>

// The keys CodeEditor handles itself (they are no QAction shortcuts: a suggestion's keys must win
// over everything else while one is shown), with the Completion menu item that names each one
// after a tab. Help ▸ Keyboard Shortcuts lists them from here; tst_keyboardshortcuts presses each
// in a CodeEditor and checks that it does what this table says, and the README's table against
// the dialog's rows.
struct EditorKey
{
    enum class Effect {
        Complete,          // completionRequested(false)
        CompleteFresh,     // completionRequested(true)
        Candidates,        // candidatesRequested()
        Stop,              // stopRequested(), with no suggestion on screen
        AcceptAll,         // the whole suggestion goes in
        AcceptLine,        // its first line goes in
        AcceptWord,        // its first word goes in
        Dismiss,           // the suggestion goes away
        NextCandidate,     // candidateCycleRequested(+1)
        PreviousCandidate, // candidateCycleRequested(-1)
    };

    QKeySequence key;
    // The Completion menu item's text as MainMenus writes it, without the tab and key that follow
    // it in its tr() source ("Accept Suggestion" of "Accept Suggestion\tTab").
    const char *menuItem;
    // What the key does, for the dialog (translated in the "EditorKeys" context).
    const char *what;
    bool needsSuggestion;
    Effect effect;

    static const QList<EditorKey> &all();
    // The Completion menu's title as MainMenus writes it.
    static constexpr const char *menuTitle = "&Completion";
};
