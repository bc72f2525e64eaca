#include "editor/editorkeys.h"

#include <QCoreApplication>

const QList<EditorKey> &EditorKey::all()
{
    using E = Effect;
    static const QList<EditorKey> keys{
        {QKeySequence(Qt::CTRL | Qt::Key_Space), "Complete at Cursor",
         QT_TRANSLATE_NOOP("EditorKeys", "Ask for a completion at the cursor"), false, E::Complete},
        {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Space), "Complete Again, Skipping the Cache",
         QT_TRANSLATE_NOOP("EditorKeys", "Ask again without the cache"), false, E::CompleteFresh},
        {QKeySequence(Qt::ALT | Qt::Key_Space), "Ask for Candidates",
         QT_TRANSLATE_NOOP("EditorKeys", "Ask for several candidates at once"), false, E::Candidates},
        {QKeySequence(Qt::Key_Escape), "Stop Request",
         QT_TRANSLATE_NOOP("EditorKeys", "Stop the request in flight (no suggestion shown)"), false, E::Stop},
        {QKeySequence(Qt::Key_Tab), "Accept Suggestion",
         QT_TRANSLATE_NOOP("EditorKeys", "Accept the whole suggestion (one undo step)"), true, E::AcceptAll},
        {QKeySequence(Qt::SHIFT | Qt::Key_Tab), "Accept Line",
         QT_TRANSLATE_NOOP("EditorKeys", "Accept the suggestion's first line"), true, E::AcceptLine},
        {QKeySequence(Qt::CTRL | Qt::Key_Right), "Accept Word",
         QT_TRANSLATE_NOOP("EditorKeys", "Accept the suggestion's next word"), true, E::AcceptWord},
        {QKeySequence(Qt::Key_Escape), "Dismiss",
         QT_TRANSLATE_NOOP("EditorKeys", "Dismiss the suggestion"), true, E::Dismiss},
        {QKeySequence(Qt::ALT | Qt::Key_BracketRight), "Next Candidate",
         QT_TRANSLATE_NOOP("EditorKeys", "Show the next candidate"), true, E::NextCandidate},
        {QKeySequence(Qt::ALT | Qt::Key_BracketLeft), "Previous Candidate",
         QT_TRANSLATE_NOOP("EditorKeys", "Show the previous candidate"), true, E::PreviousCandidate},
    };
    return keys;
}
