#pragma once

#include "editor/editordecorations.h"
#include "editor/ghosttext.h"
#include "editor/textsuggestion.h"

#include <KSyntaxHighlighting/Theme>

#include <QPlainTextEdit>

#include <optional>

class BusyIndicator;
class LineNumberArea;

namespace KSyntaxHighlighting {
class Repository;
class SyntaxHighlighter;
} // namespace KSyntaxHighlighting

// The code editor: KSyntaxHighlighting, line numbers, current-line highlight and indentation, in
// the manner of KSyntaxHighlighting's codeeditor example; and the keys of a ghost-text suggestion.
// It knows nothing of networks: CompletionController puts suggestions in and listens.
//
// The parts: TextSuggestion holds a suggestion and where it goes, GhostText draws it, Indenter
// indents, LineNumberArea and BusyIndicator draw; this class routes keys and edits among them.
//
// Keys while a suggestion is shown, each only without other modifiers: Tab accepts all (one undo
// step), Shift+Tab one line, Ctrl+Right one word (the rest stays), Esc dismisses; typing the
// suggestion's next characters consumes them; Alt+] and Alt+[ ask for the next or previous
// candidate. Any other key dismisses it and then does what it always does. Alt+Space asks for
// candidates. Without a suggestion: Tab indents (the selected lines, if any), Shift+Tab unindents,
// Enter and Shift+Enter insert a line break with indentation, Esc asks to stop a request.
class CodeEditor final : public QPlainTextEdit
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CodeEditor)

public:
    // The repository is shared and must outlive the editor.
    explicit CodeEditor(KSyntaxHighlighting::Repository *repository, QWidget *parent = nullptr);
    ~CodeEditor() override;

    // Highlighting. An empty theme name follows the palette (dark or light).
    void setDefinitionForFileName(const QString &fileName);
    void setDefinitionByName(const QString &name);
    QString definitionName() const;
    void setThemeByName(const QString &name);
    QString themeName() const { return m_themeName; }
    KSyntaxHighlighting::Theme theme() const;
    void setIndentWidth(int spaces);
    int indentWidth() const { return m_indentWidth; }

    // The document's text exactly, lines joined by '\n': unlike toPlainText(), no-break spaces stay
    // no-break spaces. This is what is saved and what the session keeps.
    QString exactText() const;

    // Suggestions. showSuggestion() starts one (replacing any); updateSuggestion() gives the whole
    // text so far of the one on screen as a stream grows it, and returns false when that text does
    // not continue what the user already accepted (the suggestion is then dismissed).
    // Why a suggestion ended, for what the history records of it (SuggestionTracker): Tab took
    // what was left; Esc or a click elsewhere; a key or an edit instead; a newer one in its place;
    // nobody acted (the file closed, a stream failed).
    enum class SuggestionEnd { Taken, Dismissed, TypedOver, Replaced, Unused };
    void showSuggestion(int position, const QString &text);
    bool updateSuggestion(const QString &text);
    void clearSuggestion(SuggestionEnd why = SuggestionEnd::Unused);
    // A suggestion exists, even if all of it shown so far was typed through.
    bool hasActiveSuggestion() const { return m_suggestion.has_value(); }
    // Text of a suggestion is on screen.
    bool hasSuggestion() const { return m_ghost.isVisible(); }
    QString suggestion() const { return m_suggestion ? m_suggestion->remaining() : QString(); }
    // All of the suggestion's text, what was accepted of it included.
    QString suggestionText() const { return m_suggestion ? m_suggestion->text() : QString(); }
    int suggestionPosition() const { return m_suggestion ? m_suggestion->position() : -1; }
    qsizetype suggestionAcceptedLength() const { return m_suggestion ? m_suggestion->acceptedLength() : 0; }
    // How likely each stretch of the suggestion's text was (spans of all of it, accepted part
    // included): its ghost text is shaded so (GhostText). Cleared with the suggestion, and when
    // another starts.
    void setSuggestionConfidence(const QList<ConfidenceSpan> &spans);
    const QList<ConfidenceSpan> &suggestionConfidence() const { return m_confidence; }
    // The ghost text's colour (its alpha: its opacity) for the theme in use (Contrast::ghostColor).
    QColor ghostColor() const;
    // A short note drawn beside the ghost text ("2 / 4"); cleared with the suggestion.
    void setSuggestionBadge(const QString &text);
    QString suggestionBadge() const { return m_decorations.badge(); }

    // The window of the document that went to the model (positions): the rest is faded and the
    // gutter marks where it starts and ends. It follows edits until the next one replaces it.
    void setSentWindow(int start, int end);
    void setShowSentWindow(bool on);
    const EditorDecorations &decorations() const { return m_decorations; }
    void acceptSuggestion();
    void acceptSuggestionLine();
    void acceptSuggestionWord();
    void dismissSuggestion(SuggestionEnd why = SuggestionEnd::Dismissed);
    // True while the editor itself edits the document for a suggestion (accept, type-through):
    // the cursor moves this causes are not the user's.
    bool isApplyingSuggestion() const { return m_applying; }

    // A request is in flight: draw the progress sign at the cursor.
    void setBusy(bool busy);
    bool isBusy() const;

signals:
    // The language the text is highlighted as changed (a file opened, a sample loaded, the user's choice).
    void definitionChanged();
    // The user changed the document (a key, an input method, a paste, a drop, undo), other than by
    // accepting or typing through a suggestion.
    void userEdited();
    // Ctrl+Space; Ctrl+Shift+Space asks again without the cache (fresh is true).
    void completionRequested(bool fresh);
    // Alt+Space: ask for several candidates at once.
    void candidatesRequested();
    // Alt+] (+1) or Alt+[ (-1) while a suggestion is shown.
    void candidateCycleRequested(int delta);
    // Esc with no suggestion on screen: stop the request in flight, if any.
    void stopRequested();
    // Characters of the suggestion went into the document (accept or type-through); text is what
    // went in. finished is true when the suggestion is over (Tab took all of it); after a partial
    // accept or a type-through it goes on, and a stream may still grow it.
    void suggestionConsumed(const QString &text, bool finished);
    // The suggestion went away without being accepted (Esc, another key, a click, an edit).
    void suggestionDismissed();
    // A suggestion came on screen (showSuggestion; the one it replaced ended first).
    void suggestionStarted();
    // chars of it went in: by an accept key (Tab, Shift+Tab, Ctrl+Right), or typed through.
    void suggestionTaken(qsizetype chars, bool byAcceptKey);
    // A suggestion ended, and why; text: all of it, as far as it grew.
    void suggestionEnded(CodeEditor::SuggestionEnd why, const QString &text);

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void inputMethodEvent(QInputMethodEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void changeEvent(QEvent *event) override;
    void insertFromMimeData(const QMimeData *source) override;

private:
    friend class LineNumberArea; // paint from the editor's block geometry
    friend class EditorDecorations;
    bool handleSuggestionKey(QKeyEvent *event);
    bool typeThrough(const QString &typed);
    void consume(qsizetype length, bool finishes, bool byAcceptKey);
    // Drops the suggestion; says why it ended.
    void endSuggestion(SuggestionEnd why);
    // The confidence spans of what is left of the suggestion, in the ghost text's coordinates.
    QList<ConfidenceSpan> ghostShades() const;
    bool handleEditingKey(QKeyEvent *event);
    void applyTheme();
    void highlightCurrentLine();
    void onContentsChange();

    KSyntaxHighlighting::Repository *m_repository;
    KSyntaxHighlighting::SyntaxHighlighter *m_highlighter;
    LineNumberArea *m_lineNumberArea;
    BusyIndicator *m_busy;
    GhostText m_ghost;
    EditorDecorations m_decorations;
    std::optional<TextSuggestion> m_suggestion;
    QList<ConfidenceSpan> m_confidence;
    QString m_themeName;
    int m_indentWidth = 4;
    bool m_applying = false; // our own edit of the document (accept, type-through)
    bool m_applyingTheme = false;
    int m_knownRevision = 0;
};
