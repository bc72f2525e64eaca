#include "codeeditor.h"

#include "suggestiontext.h"

#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Repository>
#include <KSyntaxHighlighting/SyntaxHighlighter>

#include <QApplication>
#include <QFontDatabase>
#include <QPainter>
#include <QScopedValueRollback>
#include <QTextBlock>

namespace {

// The side bar only sizes itself; the editor paints it.
class LineNumberArea final : public QWidget
{
public:
    explicit LineNumberArea(CodeEditor *editor)
        : QWidget(editor)
        , m_editor(editor)
    {
    }
    QSize sizeHint() const override { return {m_editor->lineNumberAreaWidth(), 0}; }

protected:
    void paintEvent(QPaintEvent *event) override { m_editor->paintLineNumbers(event, this); }

private:
    CodeEditor *m_editor;
};

} // namespace

CodeEditor::CodeEditor(KSyntaxHighlighting::Repository *repository, QWidget *parent)
    : QPlainTextEdit(parent)
    , m_repository(repository)
    , m_highlighter(new KSyntaxHighlighting::SyntaxHighlighter(document()))
    , m_lineNumberArea(new LineNumberArea(this))
    , m_ghost(this)
{
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setLineWrapMode(QPlainTextEdit::NoWrap);
    setTabStopDistance(fontMetrics().horizontalAdvance(QLatin1Char(' ')) * m_indentWidth);
    // The theme before any definition: a highlighter without a valid theme paints text transparent.
    applyTheme();

    connect(this, &QPlainTextEdit::blockCountChanged, this, &CodeEditor::updateLineNumberAreaWidth);
    connect(this, &QPlainTextEdit::updateRequest, this, &CodeEditor::updateLineNumberArea);
    connect(this, &QPlainTextEdit::cursorPositionChanged, this, &CodeEditor::highlightCurrentLine);
    connect(document(), &QTextDocument::contentsChange, this, &CodeEditor::onContentsChange);
    m_busyTimer.setInterval(250);
    connect(&m_busyTimer, &QTimer::timeout, this, [this] {
        ++m_busyPhase;
        viewport()->update();
    });
    updateLineNumberAreaWidth();
    highlightCurrentLine();
}

CodeEditor::~CodeEditor() = default;

// --- highlighting ---------------------------------------------------------------------------

void CodeEditor::setDefinitionForFileName(const QString &fileName)
{
    m_highlighter->setDefinition(m_repository->definitionForFileName(fileName));
}

void CodeEditor::setDefinitionByName(const QString &name)
{
    m_highlighter->setDefinition(m_repository->definitionForName(name));
}

QString CodeEditor::definitionName() const
{
    return m_highlighter->definition().name();
}

void CodeEditor::setThemeByName(const QString &name)
{
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
    pal.setColor(QPalette::Base, QColor(theme.editorColor(KSyntaxHighlighting::Theme::BackgroundColor)));
    pal.setColor(QPalette::Text, QColor(theme.textColor(KSyntaxHighlighting::Theme::Normal)));
    pal.setColor(QPalette::Highlight, QColor(theme.editorColor(KSyntaxHighlighting::Theme::TextSelection)));
    pal.setColor(QPalette::HighlightedText, QColor(theme.textColor(KSyntaxHighlighting::Theme::Normal)));
    setPalette(pal);
    m_highlighter->setTheme(theme);
    QColor ghost = QColor(theme.textColor(KSyntaxHighlighting::Theme::Normal));
    ghost.setAlphaF(0.5f);
    m_ghost.setColor(ghost);
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
    m_ghost.show(position, text);
}

void CodeEditor::clearSuggestion()
{
    m_ghost.clear();
}

void CodeEditor::dismissSuggestion()
{
    if (!m_ghost.isVisible())
        return;
    m_ghost.clear();
    emit suggestionDismissed();
}

void CodeEditor::acceptSuggestion()
{
    consume(m_ghost.text().size());
}

void CodeEditor::acceptSuggestionLine()
{
    consume(SuggestionText::nextLineLength(m_ghost.text()));
}

void CodeEditor::acceptSuggestionWord()
{
    consume(SuggestionText::nextWordLength(m_ghost.text()));
}

void CodeEditor::consume(qsizetype length)
{
    if (!m_ghost.isVisible() || length <= 0)
        return;
    const QString all = m_ghost.text();
    const int position = m_ghost.position();
    const QString taken = all.left(length);
    const QString rest = all.mid(length);
    m_ghost.clear();
    QTextCursor cursor = textCursor();
    cursor.setPosition(position);
    m_applying = true;
    cursor.beginEditBlock(); // one undo step, however many lines
    cursor.insertText(taken);
    cursor.endEditBlock();
    m_applying = false;
    m_knownRevision = document()->revision();
    setTextCursor(cursor);
    if (!rest.isEmpty())
        m_ghost.show(cursor.position(), rest);
    emit suggestionConsumed(taken, rest.isEmpty());
}

void CodeEditor::setBusy(bool busy)
{
    if (m_busy == busy)
        return;
    m_busy = busy;
    m_busyPhase = 0;
    if (busy)
        m_busyTimer.start();
    else
        m_busyTimer.stop();
    viewport()->update();
}

bool CodeEditor::handleSuggestionKey(QKeyEvent *event)
{
    const Qt::KeyboardModifiers mods = event->modifiers() & ~Qt::KeypadModifier;
    switch (event->key()) {
    case Qt::Key_Tab:
        if (mods == Qt::NoModifier) {
            acceptSuggestion();
            return true;
        }
        break;
    case Qt::Key_Backtab:
        acceptSuggestionLine();
        return true;
    case Qt::Key_Right:
        if (mods == Qt::ControlModifier) {
            acceptSuggestionWord();
            return true;
        }
        break;
    case Qt::Key_Escape:
        dismissSuggestion();
        return true;
    default:
        break;
    }
    // Type-through: characters that match the suggestion's start are taken from it.
    const QString typed = event->text();
    if (!typed.isEmpty() && !(mods & (Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier))
        && typed.at(0).isPrint() && !textCursor().hasSelection() && textCursor().position() == m_ghost.position()
        && m_ghost.text().startsWith(typed)) {
        consume(typed.size());
        return true;
    }
    return false;
}

// --- keys -----------------------------------------------------------------------------------

void CodeEditor::keyPressEvent(QKeyEvent *event)
{
    if (m_ghost.isVisible()) {
        if (handleSuggestionKey(event))
            return;
        // Modifier keys alone (Shift before a capital) keep the suggestion.
        if (event->key() == Qt::Key_Shift || event->key() == Qt::Key_Control || event->key() == Qt::Key_Alt
            || event->key() == Qt::Key_Meta)
            return;
        dismissSuggestion();
    }
    const Qt::KeyboardModifiers mods = event->modifiers() & ~Qt::KeypadModifier;
    if (event->key() == Qt::Key_Space && mods == Qt::ControlModifier) {
        emit completionRequested();
        return;
    }
    const int before = document()->revision();
    if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) && mods == Qt::NoModifier) {
        insertIndentedNewline();
    } else if (event->key() == Qt::Key_Tab && mods == Qt::NoModifier && !textCursor().hasSelection()) {
        indent();
    } else {
        QPlainTextEdit::keyPressEvent(event);
    }
    if (document()->revision() != before)
        emit userEdited();
}

void CodeEditor::indent()
{
    QTextCursor cursor = textCursor();
    const int column = cursor.positionInBlock();
    cursor.insertText(QString(m_indentWidth - column % m_indentWidth, QLatin1Char(' ')));
    setTextCursor(cursor);
}

void CodeEditor::insertIndentedNewline()
{
    QTextCursor cursor = textCursor();
    const QString line = cursor.block().text();
    qsizetype indentEnd = 0;
    while (indentEnd < line.size() && (line.at(indentEnd) == QLatin1Char(' ') || line.at(indentEnd) == QLatin1Char('\t')))
        ++indentEnd;
    QString indentation = line.left(std::min<qsizetype>(indentEnd, cursor.positionInBlock()));
    const QString head = line.left(cursor.positionInBlock()).trimmed();
    if (head.endsWith(QLatin1Char(':')) || head.endsWith(QLatin1Char('{')) || head.endsWith(QLatin1Char('(')) || head.endsWith(QLatin1Char('[')))
        indentation += QString(m_indentWidth, QLatin1Char(' '));
    cursor.insertText(QLatin1Char('\n') + indentation);
    setTextCursor(cursor);
    ensureCursorVisible();
}

void CodeEditor::inputMethodEvent(QInputMethodEvent *event)
{
    // Input methods use the same pre-edit area as the suggestion.
    dismissSuggestion();
    QPlainTextEdit::inputMethodEvent(event);
}

void CodeEditor::mousePressEvent(QMouseEvent *event)
{
    dismissSuggestion();
    QPlainTextEdit::mousePressEvent(event);
}

void CodeEditor::onContentsChange()
{
    // Format-only changes (highlighting) keep the revision; real edits that were not ours (undo,
    // paste from a menu, setPlainText) invalidate a suggestion.
    const int revision = document()->revision();
    if (revision == m_knownRevision || m_applying)
        return;
    m_knownRevision = revision;
    dismissSuggestion();
}

void CodeEditor::changeEvent(QEvent *event)
{
    QPlainTextEdit::changeEvent(event);
    if (event->type() == QEvent::ApplicationPaletteChange && m_themeName.isEmpty() && !m_applyingTheme) {
        applyTheme(); // follow a light/dark switch of the desktop
    } else if (event->type() == QEvent::FontChange) {
        setIndentWidth(m_indentWidth);
        updateLineNumberAreaWidth();
    }
}

// --- painting -------------------------------------------------------------------------------

void CodeEditor::paintEvent(QPaintEvent *event)
{
    QPlainTextEdit::paintEvent(event);
    if (!m_busy || m_ghost.isVisible())
        return;
    // Progress sign: three dots after the cursor, one brighter in turn.
    QPainter painter(viewport());
    painter.setRenderHint(QPainter::Antialiasing);
    const QRect cr = cursorRect();
    const qreal r = std::max(2.0, cr.height() / 9.0);
    QColor color = QColor(theme().editorColor(KSyntaxHighlighting::Theme::CurrentLineNumber));
    for (int i = 0; i < 3; ++i) {
        color.setAlphaF(i == m_busyPhase % 3 ? 0.9f : 0.35f);
        painter.setPen(Qt::NoPen);
        painter.setBrush(color);
        painter.drawEllipse(QPointF(cr.right() + 3 * r + i * 3 * r, cr.center().y() + 0.5), r, r);
    }
}

int CodeEditor::lineNumberAreaWidth() const
{
    int digits = 1;
    for (int max = std::max(1, blockCount()); max >= 10; max /= 10)
        ++digits;
    return 12 + fontMetrics().horizontalAdvance(QLatin1Char('9')) * std::max(digits, 3);
}

void CodeEditor::paintLineNumbers(QPaintEvent *event, QWidget *area)
{
    QPainter painter(area);
    const KSyntaxHighlighting::Theme t = theme();
    painter.fillRect(event->rect(), QColor(t.editorColor(KSyntaxHighlighting::Theme::IconBorder)));
    QTextBlock block = firstVisibleBlock();
    int top = qRound(blockBoundingGeometry(block).translated(contentOffset()).top());
    const int current = textCursor().blockNumber();
    const int lineHeight = fontMetrics().height();
    while (block.isValid() && top <= event->rect().bottom()) {
        const int bottom = top + qRound(blockBoundingRect(block).height());
        if (block.isVisible() && bottom >= event->rect().top()) {
            const bool isCurrent = block.blockNumber() == current;
            painter.setPen(QColor(t.editorColor(isCurrent ? KSyntaxHighlighting::Theme::CurrentLineNumber
                                                   : KSyntaxHighlighting::Theme::LineNumbers)));
            QFont f = font();
            f.setBold(isCurrent);
            painter.setFont(f);
            painter.drawText(0, top, area->width() - 6, lineHeight, Qt::AlignRight, QString::number(block.blockNumber() + 1));
        }
        block = block.next();
        top = bottom;
    }
}

void CodeEditor::resizeEvent(QResizeEvent *event)
{
    QPlainTextEdit::resizeEvent(event);
    const QRect cr = contentsRect();
    m_lineNumberArea->setGeometry(QRect(cr.left(), cr.top(), lineNumberAreaWidth(), cr.height()));
}

void CodeEditor::updateLineNumberAreaWidth()
{
    setViewportMargins(lineNumberAreaWidth(), 0, 0, 0);
}

void CodeEditor::updateLineNumberArea(const QRect &rect, int dy)
{
    if (dy)
        m_lineNumberArea->scroll(0, dy);
    else
        m_lineNumberArea->update(0, rect.y(), m_lineNumberArea->width(), rect.height());
    if (rect.contains(viewport()->rect()))
        updateLineNumberAreaWidth();
}

void CodeEditor::highlightCurrentLine()
{
    QTextEdit::ExtraSelection selection;
    selection.format.setBackground(QColor(theme().editorColor(KSyntaxHighlighting::Theme::CurrentLine)));
    selection.format.setProperty(QTextFormat::FullWidthSelection, true);
    selection.cursor = textCursor();
    selection.cursor.clearSelection();
    setExtraSelections({selection});
}
