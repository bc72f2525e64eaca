#include "editor/codeeditor.h"

#include "editor/busyindicator.h"
#include "editor/contrast.h"
#include "editor/indenter.h"
#include "editor/linenumberarea.h"
#include "text/suggestiontext.h"

#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Repository>
#include <KSyntaxHighlighting/SyntaxHighlighter>

#include <QApplication>
#include <QFontDatabase>
#include <QPainter>
#include <QScopedValueRollback>
#include <QTextBlock>

namespace {

Qt::KeyboardModifiers modifiersOf(const QKeyEvent *event)
{
    return event->modifiers() & ~Qt::KeypadModifier;
}

bool isModifierKey(int key)
{
    return key == Qt::Key_Shift || key == Qt::Key_Control || key == Qt::Key_Alt || key == Qt::Key_Meta
        || key == Qt::Key_AltGr;
}

// Shift+Tab arrives as Backtab from a real keyboard and as Tab+Shift from some input paths.
bool isShiftTab(const QKeyEvent *event)
{
    const Qt::KeyboardModifiers mods = modifiersOf(event);
    return (event->key() == Qt::Key_Backtab && (mods == Qt::ShiftModifier || mods == Qt::NoModifier))
        || (event->key() == Qt::Key_Tab && mods == Qt::ShiftModifier);
}

} // namespace

CodeEditor::CodeEditor(KSyntaxHighlighting::Repository *repository, QWidget *parent)
    : QPlainTextEdit(parent)
    , m_repository(repository)
    , m_highlighter(new KSyntaxHighlighting::SyntaxHighlighter(document()))
    , m_lineNumberArea(new LineNumberArea(this))
    , m_busy(new BusyIndicator(viewport()))
    , m_ghost(this)
    , m_decorations(this)
{
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setAccessibleName(tr("Code editor"));
    setLineWrapMode(QPlainTextEdit::NoWrap);
    setTabStopDistance(fontMetrics().horizontalAdvance(QLatin1Char(' ')) * m_indentWidth);
    // The theme before any definition: a highlighter without a valid theme paints text transparent.
    applyTheme();

    connect(this, &QPlainTextEdit::cursorPositionChanged, this, &CodeEditor::highlightCurrentLine);
    connect(document(), &QTextDocument::contentsChange, this, &CodeEditor::onContentsChange);
    // A new text altogether (a file opened, a sample, File ▸ New, Select All and a paste): the window
    // sent belonged to the old one, and neither its fading nor its gutter bracket applies any more.
    connect(document(), &QTextDocument::contentsChange, this, [this](int from, int, int added) {
        if (from == 0 && added >= document()->characterCount() - 1 && m_decorations.hasSentWindow()) {
            m_decorations.clearSentWindow(true); // amid the change: its cursors are let go after it
            viewport()->update();
            m_lineNumberArea->update();
        }
    });
    m_knownRevision = document()->revision();
    m_lineNumberArea->follow();
    highlightCurrentLine();
}

CodeEditor::~CodeEditor()
{
    // The ghost's cursors point into the document, which QPlainTextEdit deletes after us.
    m_ghost.clear();
    m_suggestion.reset();
}

QString CodeEditor::exactText() const
{
    // toRawText() keeps every character (no-break spaces included) and ends blocks with U+2029.
    QString text = document()->toRawText();
    text.replace(QChar::ParagraphSeparator, QLatin1Char('\n'));
    return text;
}

// --- highlighting ---------------------------------------------------------------------------

void CodeEditor::setDefinitionForFileName(const QString &fileName)
{
    m_highlighter->setDefinition(m_repository->definitionForFileName(fileName));
    emit definitionChanged();
}

void CodeEditor::setDefinitionByName(const QString &name)
{
    m_highlighter->setDefinition(m_repository->definitionForName(name));
    emit definitionChanged();
}

QString CodeEditor::definitionName() const
{
    return m_highlighter->definition().name();
}

void CodeEditor::setThemeByName(const QString &name)
{
    // The same theme again (the window's settings applied at start, or OK in Settings with the theme
    // unchanged): applied already, and a second pass would highlight the whole document again.
    if (name == m_themeName && m_highlighter->theme().isValid())
        return;
    m_themeName = name;
    applyTheme();
}

KSyntaxHighlighting::Theme CodeEditor::theme() const
{
    return m_highlighter->theme();
}

void CodeEditor::applyTheme()
{
    const QScopedValueRollback guard(m_applyingTheme, true);
    KSyntaxHighlighting::Theme theme = m_themeName.isEmpty() ? KSyntaxHighlighting::Theme() : m_repository->theme(m_themeName);
    if (!theme.isValid())
        theme = m_repository->themeForPalette(QApplication::palette());
    QPalette pal = QApplication::palette();
    pal.setColor(QPalette::Base, QColor::fromRgba(theme.editorColor(KSyntaxHighlighting::Theme::BackgroundColor)));
    pal.setColor(QPalette::Text, QColor::fromRgba(theme.textColor(KSyntaxHighlighting::Theme::Normal)));
    pal.setColor(QPalette::Highlight, QColor::fromRgba(theme.editorColor(KSyntaxHighlighting::Theme::TextSelection)));
    pal.setColor(QPalette::HighlightedText, QColor::fromRgba(theme.textColor(KSyntaxHighlighting::Theme::Normal)));
    setPalette(pal);
    m_highlighter->setTheme(theme);
    // Readable on the cursor's line (where it starts; the theme may give that line's colour with an
    // alpha, drawn over the background) and on the lines below, and fainter than the code.
    const QColor background = QColor::fromRgba(theme.editorColor(KSyntaxHighlighting::Theme::BackgroundColor));
    const QColor cursorLine = Contrast::over(QColor::fromRgba(theme.editorColor(KSyntaxHighlighting::Theme::CurrentLine)), background);
    m_ghost.setColor(Contrast::ghostColor(QColor::fromRgba(theme.textColor(KSyntaxHighlighting::Theme::Normal)), {background, cursorLine}));
    m_highlighter->rehighlight();
    highlightCurrentLine();
    m_lineNumberArea->update();
}

void CodeEditor::setIndentWidth(int spaces)
{
    m_indentWidth = std::clamp(spaces, 1, 16);
    setTabStopDistance(fontMetrics().horizontalAdvance(QLatin1Char(' ')) * m_indentWidth);
}

// --- suggestions ----------------------------------------------------------------------------

void CodeEditor::showSuggestion(int position, const QString &text)
{
    if (m_suggestion)
        endSuggestion(SuggestionEnd::Replaced);
    m_ghost.clear();
    m_decorations.setBadge(QString());
    m_confidence.clear();
    m_suggestion.emplace(document(), position, text);
    m_ghost.show(position, text);
    emit suggestionStarted();
}

void CodeEditor::setSuggestionConfidence(const QList<ConfidenceSpan> &spans)
{
    if (!m_suggestion || spans == m_confidence)
        return;
    m_confidence = spans;
    if (m_ghost.isVisible()) {
        m_ghost.clear();
        m_ghost.show(m_suggestion->position(), m_suggestion->remaining(), ghostShades());
    }
}

QList<ConfidenceSpan> CodeEditor::ghostShades() const
{
    const qsizetype accepted = m_suggestion ? m_suggestion->acceptedLength() : 0;
    QList<ConfidenceSpan> out;
    for (ConfidenceSpan s : m_confidence) {
        const qsizetype end = s.start + s.length;
        if (end <= accepted)
            continue;
        s.start = std::max(s.start, accepted) - accepted;
        s.length = end - accepted - s.start;
        out.append(s);
    }
    return out;
}

bool CodeEditor::updateSuggestion(const QString &text)
{
    if (!m_suggestion)
        return false;
    if (!m_suggestion->setText(text)) {
        dismissSuggestion(SuggestionEnd::TypedOver); // the answer went another way than the user typed
        return false;
    }
    const QString rest = m_suggestion->remaining();
    if (rest != m_ghost.text() || m_ghost.position() != m_suggestion->position()) {
        m_ghost.clear();
        m_ghost.show(m_suggestion->position(), rest, ghostShades());
    }
    return true;
}

void CodeEditor::clearSuggestion(SuggestionEnd why)
{
    m_ghost.clear();
    if (m_suggestion)
        endSuggestion(why);
    m_suggestion.reset();
    m_confidence.clear();
    if (!m_decorations.badge().isEmpty()) {
        m_decorations.setBadge(QString());
        viewport()->update();
    }
}

QColor CodeEditor::ghostColor() const
{
    return m_ghost.color();
}

void CodeEditor::setSuggestionBadge(const QString &text)
{
    m_decorations.setBadge(text);
    viewport()->update();
}

void CodeEditor::setSentWindow(int start, int end)
{
    m_decorations.setSentWindow(start, end);
    viewport()->update();
    m_lineNumberArea->update();
}

void CodeEditor::setShowSentWindow(bool on)
{
    m_decorations.setShowSentWindow(on);
    viewport()->update();
    m_lineNumberArea->update();
}

void CodeEditor::dismissSuggestion(SuggestionEnd why)
{
    if (!m_suggestion)
        return;
    clearSuggestion(why);
    emit suggestionDismissed();
}

void CodeEditor::endSuggestion(SuggestionEnd why)
{
    // Copied first: a slot may show another suggestion.
    const QString text = m_suggestion->text();
    m_suggestion.reset();
    emit suggestionEnded(why, text);
}

void CodeEditor::acceptSuggestion()
{
    if (m_suggestion)
        consume(m_suggestion->remaining().size(), true, true);
}

void CodeEditor::acceptSuggestionLine()
{
    if (m_suggestion)
        consume(SuggestionText::nextLineLength(m_suggestion->remaining()), false, true);
}

void CodeEditor::acceptSuggestionWord()
{
    if (m_suggestion)
        consume(SuggestionText::nextWordLength(m_suggestion->remaining()), false, true);
}

void CodeEditor::consume(qsizetype length, bool finishes, bool byAcceptKey)
{
    if (!m_suggestion || length <= 0)
        return;
    m_ghost.clear();
    QString taken;
    {
        const QScopedValueRollback guard(m_applying, true);
        taken = m_suggestion->apply(length);
        m_knownRevision = document()->revision();
        // The rest goes back on screen before anything lays the block out (see GhostText::show).
        const QString rest = m_suggestion->remaining();
        if (!finishes && !rest.isEmpty())
            m_ghost.show(m_suggestion->position(), rest, ghostShades());
        // The editor's cursor sat where the text went in, so it normally moved along already.
        if (textCursor().position() != m_suggestion->position() || textCursor().hasSelection()) {
            QTextCursor cursor = textCursor();
            cursor.setPosition(m_suggestion->position());
            setTextCursor(cursor);
        }
    }
    emit suggestionTaken(taken.size(), byAcceptKey);
    if (finishes) {
        endSuggestion(SuggestionEnd::Taken);
        m_confidence.clear();
        m_decorations.setBadge(QString());
    }
    ensureCursorVisible();
    emit suggestionConsumed(taken, finishes);
}

bool CodeEditor::typeThrough(const QString &typed)
{
    if (!m_suggestion || typed.isEmpty() || textCursor().hasSelection() || textCursor().position() != m_suggestion->position())
        return false;
    const QString rest = m_suggestion->remaining();
    // Only whole characters of the suggestion: never half a surrogate pair or of a grapheme.
    if (!rest.startsWith(typed) || !SuggestionText::isGraphemeBoundary(rest, typed.size()))
        return false;
    consume(typed.size(), false, false);
    return true;
}

void CodeEditor::setBusy(bool busy)
{
    m_busy->setBusy(busy);
}

bool CodeEditor::isBusy() const
{
    return m_busy->isBusy();
}

bool CodeEditor::handleSuggestionKey(QKeyEvent *event)
{
    const Qt::KeyboardModifiers mods = modifiersOf(event);
    if (event->key() == Qt::Key_Tab && mods == Qt::NoModifier) {
        acceptSuggestion();
        return true;
    }
    if (isShiftTab(event)) {
        acceptSuggestionLine();
        return true;
    }
    if (event->key() == Qt::Key_Right && mods == Qt::ControlModifier) {
        acceptSuggestionWord();
        return true;
    }
    if (event->key() == Qt::Key_Escape && mods == Qt::NoModifier) {
        dismissSuggestion();
        return true;
    }
    if ((event->key() == Qt::Key_BracketRight || event->key() == Qt::Key_BracketLeft) && mods == Qt::AltModifier) {
        emit candidateCycleRequested(event->key() == Qt::Key_BracketRight ? 1 : -1);
        return true;
    }
    // Type-through: characters that match the suggestion's start are taken from it.
    const QString typed = event->text();
    if (typed.isEmpty() || (mods & (Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier)))
        return false;
    const QList<uint> ucs4 = typed.toUcs4();
    if (ucs4.isEmpty() || !QChar::isPrint(ucs4.constFirst()))
        return false;
    return typeThrough(typed);
}

// --- keys -----------------------------------------------------------------------------------

bool CodeEditor::handleEditingKey(QKeyEvent *event)
{
    QTextCursor cursor = textCursor();
    if (!Indenter::handleKey(cursor, event->key(), modifiersOf(event), m_indentWidth))
        return false;
    setTextCursor(cursor);
    ensureCursorVisible();
    return true;
}

void CodeEditor::keyPressEvent(QKeyEvent *event)
{
    if (m_ghost.isVisible()) {
        if (handleSuggestionKey(event))
            return;
        // Modifier keys alone (Shift before a capital) keep the suggestion.
        if (isModifierKey(event->key()))
            return;
        const Qt::KeyboardModifiers mods = modifiersOf(event);
        // Asking again (Ctrl+Space, Ctrl+Shift+Space, Alt+Space): the next suggestion replaces it.
        const bool asksAgain = event->key() == Qt::Key_Space
            && (mods == Qt::ControlModifier || mods == (Qt::ControlModifier | Qt::ShiftModifier) || mods == Qt::AltModifier);
        if (!asksAgain) {
            // A key that writes (a character, Return, Backspace, Delete) types over it; one that
            // only moves (arrows, Page Up) or a shortcut leaves it, as a click does.
            const bool shortcut = mods & (Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier);
            const bool writes = (!event->text().isEmpty() && !shortcut) || event->key() == Qt::Key_Backspace
                || event->key() == Qt::Key_Delete;
            dismissSuggestion(writes ? SuggestionEnd::TypedOver : SuggestionEnd::Dismissed);
        }
    }
    const Qt::KeyboardModifiers mods = modifiersOf(event);
    if (event->key() == Qt::Key_Space && (mods == Qt::ControlModifier || mods == (Qt::ControlModifier | Qt::ShiftModifier))) {
        emit completionRequested(mods & Qt::ShiftModifier);
        return;
    }
    if (event->key() == Qt::Key_Space && mods == Qt::AltModifier) {
        emit candidatesRequested();
        return;
    }
    if (event->key() == Qt::Key_Escape && mods == Qt::NoModifier) {
        emit stopRequested();
        event->ignore(); // the window may want Esc too
        return;
    }
    const int before = document()->revision();
    if (!handleEditingKey(event))
        QPlainTextEdit::keyPressEvent(event);
    if (document()->revision() != before)
        emit userEdited();
}

void CodeEditor::inputMethodEvent(QInputMethodEvent *event)
{
    // A committed string is typing: it may type through the suggestion like keys do.
    const QString commit = event->commitString();
    if (m_suggestion && event->preeditString().isEmpty() && event->replacementLength() == 0 && !commit.isEmpty()
        && typeThrough(commit)) {
        event->accept();
        return;
    }
    // Input methods use the same pre-edit area as the suggestion.
    dismissSuggestion(SuggestionEnd::TypedOver);
    const int before = document()->revision();
    QPlainTextEdit::inputMethodEvent(event);
    if (document()->revision() != before)
        emit userEdited();
}

void CodeEditor::mousePressEvent(QMouseEvent *event)
{
    dismissSuggestion();
    QPlainTextEdit::mousePressEvent(event);
}

void CodeEditor::insertFromMimeData(const QMimeData *source)
{
    // Paste and drop: an edit like typing.
    const int before = document()->revision();
    QPlainTextEdit::insertFromMimeData(source);
    if (document()->revision() != before)
        emit userEdited();
}

void CodeEditor::onContentsChange()
{
    // Highlighting changes formats only and keeps the revision, and our own edits are expected;
    // any other change of the text, anywhere (paste from the menu, a drop, undo, a replace, a
    // program's edit), ends the suggestion.
    const int revision = document()->revision();
    if (revision == m_knownRevision)
        return;
    m_knownRevision = revision;
    if (!m_applying)
        dismissSuggestion(SuggestionEnd::TypedOver);
}

void CodeEditor::changeEvent(QEvent *event)
{
    QPlainTextEdit::changeEvent(event);
    if (event->type() == QEvent::ApplicationPaletteChange && m_themeName.isEmpty() && !m_applyingTheme) {
        applyTheme(); // follow a light/dark switch of the desktop
    } else if (event->type() == QEvent::FontChange) {
        setIndentWidth(m_indentWidth);
        m_lineNumberArea->updateWidth();
    }
}

// --- painting -------------------------------------------------------------------------------

void CodeEditor::paintEvent(QPaintEvent *event)
{
    QPlainTextEdit::paintEvent(event);
    QPainter painter(viewport());
    m_decorations.paintViewport(painter, event->rect());
    if (!m_busy->isBusy() || m_ghost.isVisible())
        return;
    m_busy->paint(painter, cursorRect(), QColor::fromRgba(theme().editorColor(KSyntaxHighlighting::Theme::CurrentLineNumber)));
}

void CodeEditor::resizeEvent(QResizeEvent *event)
{
    QPlainTextEdit::resizeEvent(event);
    const QRect cr = contentsRect();
    m_lineNumberArea->setGeometry(QRect(cr.left(), cr.top(), m_lineNumberArea->sizeHint().width(), cr.height()));
}

void CodeEditor::highlightCurrentLine()
{
    QTextEdit::ExtraSelection selection;
    selection.format.setBackground(QColor::fromRgba(theme().editorColor(KSyntaxHighlighting::Theme::CurrentLine)));
    selection.format.setProperty(QTextFormat::FullWidthSelection, true);
    selection.cursor = textCursor();
    selection.cursor.clearSelection();
    setExtraSelections({selection});
}
