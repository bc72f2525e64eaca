#include "editor/suggestionannouncer.h"

#include <QAccessible>

namespace {

// Whether assistive technology listens: the platform's bridge turns accessibility on and off with
// QAccessible::setActive(), which tells its observers.
class Listening final : public QAccessible::ActivationObserver
{
public:
    Listening() { QAccessible::installActivationObserver(this); }
    ~Listening() override { QAccessible::removeActivationObserver(this); }
    Q_DISABLE_COPY_MOVE(Listening)
    void accessibilityActiveChanged(bool active) override { m_active = active; }
    bool active() const { return m_active; }

private:
    bool m_active = QAccessible::isActive();
};

Listening &listening()
{
    static Listening instance;
    return instance;
}

} // namespace

bool SuggestionAnnouncer::listening()
{
    return ::listening().active();
}

SuggestionAnnouncer::SuggestionAnnouncer(CodeEditor *editor)
    : QObject(editor)
    , m_editor(editor)
    , m_baseDescription(editor->accessibleDescription())
{
    ::listening(); // observing from now on
    // Each handler returns at once while nobody listens: these signals come with keystrokes.
    connect(editor, &CodeEditor::suggestionStarted, this, [this] {
        if (listening())
            announce(appearedText(m_editor->suggestion()));
    });
    connect(editor, &CodeEditor::suggestionTaken, this, [this](qsizetype, bool byAcceptKey) {
        if (!listening() || !m_editor->hasSuggestion())
            return; // all of it went in: suggestionEnded says so
        if (byAcceptKey)
            announce(tr("Part of the suggestion accepted"));
        else
            describeSuggestion(QString());
    });
    connect(editor, &CodeEditor::suggestionEnded, this, [this](CodeEditor::SuggestionEnd why, const QString &) {
        if (!listening())
            return;
        if (why == CodeEditor::SuggestionEnd::Taken)
            announce(tr("Suggestion accepted"));
        else if (why == CodeEditor::SuggestionEnd::Dismissed)
            announce(tr("Suggestion dismissed"));
        else
            describeSuggestion(QString());
    });
}

QString SuggestionAnnouncer::appearedText(const QString &suggestion)
{
    // The first line is enough to decide; a long one is cut so the announcement stays short.
    constexpr qsizetype Said = 80;
    QString first = suggestion.section(u'\n', 0, 0).trimmed();
    if (first.size() > Said)
        first = first.left(Said) + u'…';
    const int more = int(suggestion.count(u'\n'));
    if (first.isEmpty())
        return tr("Suggestion. Tab to accept.");
    return more > 0 ? tr("Suggestion: %1 (and %n more line(s)). Tab to accept.", nullptr, more).arg(first)
                    : tr("Suggestion: %1. Tab to accept.").arg(first);
}

void SuggestionAnnouncer::describeSuggestion(const QString &lead)
{
    // Ends of a suggestion come in the middle of the editor's own edit: the suggestion state is
    // read here, as it is now (gone after an accept or a dismissal).
    const QString remaining = m_editor->hasSuggestion() ? m_editor->suggestion() : QString();
    QStringList parts;
    if (!lead.isEmpty())
        parts << lead;
    if (!remaining.isEmpty())
        parts << tr("Suggestion (Tab to accept): %1").arg(remaining);
    else if (!m_baseDescription.isEmpty())
        parts << m_baseDescription;
    m_editor->setAccessibleDescription(parts.join(u' '));
}

void SuggestionAnnouncer::announce(const QString &text)
{
    m_last = text;
    emit announced(text);
#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
    describeSuggestion(QString());
    QAccessibleAnnouncementEvent event(m_editor, text);
    QAccessible::updateAccessibility(&event);
#else
    // No announcements before Qt 6.8: the editor's description changes with the words first (a
    // DescriptionChanged event, read as a live region's change is).
    describeSuggestion(text);
#endif
}
