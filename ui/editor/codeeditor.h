#pragma once

#include "ghosttext.h"

#include <KSyntaxHighlighting/Theme>

#include <QPlainTextEdit>
#include <QTimer>

namespace KSyntaxHighlighting {
class Repository;
class SyntaxHighlighter;
} // namespace KSyntaxHighlighting

// The code editor: line numbers, current-line highlight, KSyntaxHighlighting, tab width and basic
// auto-indent, in the manner of KSyntaxHighlighting's codeeditor example; and the keys and drawing
// of a ghost-text suggestion. It knows nothing of networks: CompletionController puts suggestions
// in and listens to the signals.
//
// Keys while a suggestion is shown: Tab accepts all (one undo step), Shift+Tab one line,
// Ctrl+Right one word (the rest stays), Esc dismisses; typing the suggestion's next characters
// consumes them. Any other key dismisses the suggestion and then does what it always does.
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

    // Suggestions.
    void showSuggestion(int position, const QString &text);
    void clearSuggestion();
    bool hasSuggestion() const { return m_ghost.isVisible(); }
    QString suggestion() const { return m_ghost.text(); }
    int suggestionPosition() const { return m_ghost.position(); }
    void acceptSuggestion();
    void acceptSuggestionLine();
    void acceptSuggestionWord();
    // A request is in flight: draw the progress sign at the cursor.
    void setBusy(bool busy);
    bool isBusy() const { return m_busy; }

    int lineNumberAreaWidth() const;
    void paintLineNumbers(QPaintEvent *event, QWidget *area);

signals:
    // A key press edited the document other than by accepting or typing through a suggestion.
    void userEdited();
    // Ctrl+Space.
    void completionRequested();
    // Characters of the suggestion went into the document (accept or type-through); text is what
    // went in, all is true when nothing of the suggestion is left.
    void suggestionConsumed(const QString &text, bool all);
    // The suggestion went away without being accepted (Esc, another key, a click, an edit).
    void suggestionDismissed();

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void inputMethodEvent(QInputMethodEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    bool handleSuggestionKey(QKeyEvent *event);
    void consume(qsizetype length);
    void dismissSuggestion();
    void insertIndentedNewline();
    void indent();
    void applyTheme();
    void updateLineNumberAreaWidth();
    void updateLineNumberArea(const QRect &rect, int dy);
    void highlightCurrentLine();
    void onContentsChange();

    KSyntaxHighlighting::Repository *m_repository;
    KSyntaxHighlighting::SyntaxHighlighter *m_highlighter;
    QWidget *m_lineNumberArea;
    GhostText m_ghost;
    QString m_themeName;
    int m_indentWidth = 4;
    bool m_applying = false; // our own edit of the document (accept, type-through)
    bool m_applyingTheme = false;
    int m_knownRevision = 0;
    bool m_busy = false;
    int m_busyPhase = 0;
    QTimer m_busyTimer;
};
