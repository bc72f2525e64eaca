#include "panels/comparecolumn.h"

#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/SyntaxHighlighter>
#include <KSyntaxHighlighting/Theme>

#include <QAccessible>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

CompareColumn::CompareColumn(QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_settings(new QLabel(this))
    , m_answer(new QPlainTextEdit(this))
    , m_highlighter(new KSyntaxHighlighting::SyntaxHighlighter(m_answer->document()))
    , m_stats(new QLabel(this))
    , m_scores(new QLabel(this))
    , m_error(new QLabel(this))
    , m_cancel(new QPushButton(tr("Cancel"), this))
    , m_insert(new QPushButton(tr("Insert"), this))
{
    QFont bold = font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_settings->setWordWrap(true);
    m_settings->setForegroundRole(QPalette::PlaceholderText);
    m_answer->setReadOnly(true);
    m_answer->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_answer->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_answer->setObjectName(QStringLiteral("compareAnswer"));
    m_answer->setAccessibleName(tr("Answer"));
    m_stats->setWordWrap(true);
    m_stats->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_scores->setObjectName(QStringLiteral("compareScores"));
    m_scores->setWordWrap(true);
    m_scores->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_scores->setToolTip(tr("Against the expected answer: exact match (trailing white space aside), first-line exact match, "
                            "edit similarity ×100, chrF ×100, identifier exact match and identifier F1 ×100"));
    m_scores->hide();
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #da4453;"));
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->hide();
    m_cancel->setToolTip(tr("Stop this column's request"));
    setInsertBlocked(QString());
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_insert);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addWidget(m_title);
    layout->addWidget(m_settings);
    layout->addWidget(m_answer, 1);
    layout->addWidget(m_stats);
    layout->addWidget(m_scores);
    layout->addWidget(m_error);
    layout->addLayout(buttons);
    connect(m_cancel, &QPushButton::clicked, this, &CompareColumn::cancelRequested);
    connect(m_insert, &QPushButton::clicked, this, &CompareColumn::insertRequested);
}

void CompareColumn::setHighlighting(const KSyntaxHighlighting::Definition &definition, const KSyntaxHighlighting::Theme &theme)
{
    QPalette pal = m_answer->palette();
    pal.setColor(QPalette::Base, QColor::fromRgba(theme.editorColor(KSyntaxHighlighting::Theme::BackgroundColor)));
    pal.setColor(QPalette::Text, QColor::fromRgba(theme.textColor(KSyntaxHighlighting::Theme::Normal)));
    m_answer->setPalette(pal);
    m_highlighter->setTheme(theme);
    m_highlighter->setDefinition(definition);
}

QString CompareColumn::statsText(const CompletionResult &r)
{
    const RequestTiming &t = r.timing;
    QStringList parts;
    const double first = t.firstTokenMs >= 0 ? t.firstTokenMs : t.firstByteMs;
    if (first >= 0)
        parts << tr("first token %1 ms").arg(qRound(first));
    parts << tr("total %1 ms").arg(qRound(t.totalMs));
    const ServerTimings server = t.server.value_or(ServerTimings{});
    const int tokens = r.usage && r.usage->completionTokens >= 0 ? r.usage->completionTokens : server.generatedTokens;
    if (tokens >= 0) {
        parts << tr("%n token(s)", nullptr, tokens);
        double perSecond = server.tokensPerSecond();
        // Said how it was measured, since the figures are not alike: the server's own generation
        // time; else tokens over the time they took to come (streamed: from the first token on;
        // whole, or a stream that came in one piece: the whole request, prompt and network too).
        QString how = tr("server's generation time");
        const bool between = t.stream && t.firstTokenMs >= 0 && t.totalMs - t.firstTokenMs >= 1;
        const double generating = between ? t.totalMs - t.firstTokenMs : t.totalMs;
        if (perSecond < 0 && generating > 0) {
            perSecond = tokens * 1000.0 / generating;
            how = between ? tr("client, first token to last") : tr("client, whole request");
        }
        if (perSecond >= 0)
            parts << tr("%1 tok/s (%2)").arg(perSecond, 0, 'f', 1).arg(how);
    }
    parts << (r.finishReason.isEmpty() ? tr("no finish reason") : r.finishReason);
    return parts.join(QStringLiteral(" · "));
}

void CompareColumn::show(const CompareRun::Column &c, const QString &shown, const QString &cleaning, bool previous)
{
    using State = CompareRun::Column::State;
    m_title->setText(previous ? tr("%1 (previous run)").arg(c.variant.name) : c.variant.name);
    const FimRequest &r = c.variant.request;
    QStringList settings{c.variant.profile, r.model.isEmpty() ? c.endpoint.defaultModel() : r.model};
    if (r.temperature)
        settings << QStringLiteral("temperature %1").arg(*r.temperature);
    if (r.maxTokens)
        settings << QStringLiteral("max_tokens %1").arg(*r.maxTokens);
    if (r.topP)
        settings << QStringLiteral("top_p %1").arg(*r.topP);
    settings.removeAll(QString());
    m_settings->setText(settings.join(QStringLiteral(" · ")));
    m_answer->setPlainText(c.state == State::Answered ? shown : QString());
    m_answer->setPlaceholderText(c.state == State::Waiting || c.state == State::Running ? tr("Asking…")
                                 : c.state == State::Cancelled                          ? tr("Cancelled.")
                                 : c.state == State::Answered                           ? tr("(an empty answer)")
                                                                                        : QString());
    m_stats->setText(c.state == State::Answered   ? statsText(c.result) + (cleaning.isEmpty() ? QString() : QStringLiteral("\n") + cleaning)
                     : c.state == State::Running  ? tr("waiting for %1…").arg(c.endpoint.baseUrl.host())
                     : c.state == State::Waiting  ? tr("reading the key…")
                                                  : QString());
    m_error->setVisible(c.state == State::Failed);
    m_error->setText(c.state == State::Failed ? tr("⚠ %1").arg(c.error.message) : QString());
    m_cancel->setEnabled(!previous && (c.state == State::Waiting || c.state == State::Running));
    m_answered = c.state == State::Answered && !shown.isEmpty();
    setInsertBlocked(m_insertBlocked);
    m_answer->setAccessibleName(tr("Answer of %1").arg(m_title->text()));
    m_cancel->setAccessibleDescription(tr("Stop the request of %1").arg(m_title->text()));
    m_insert->setAccessibleDescription(tr("Insert the answer of %1 in the editor").arg(m_title->text()));
    if (QAccessible::isActive()) { // the column's interface describes it by its result (AccessibleWidgets)
        QAccessibleEvent changed(this, QAccessible::DescriptionChanged);
        QAccessible::updateAccessibility(&changed);
    }
}

void CompareColumn::setInsertBlocked(const QString &why)
{
    m_insertBlocked = why;
    m_insert->setEnabled(m_answered && why.isEmpty());
    m_insert->setToolTip(m_answered && !why.isEmpty() ? why
                                                      : tr("Put this answer in the editor where its run was asked (one undo step)"));
}

QString CompareColumn::title() const
{
    return m_title->text();
}

QString CompareColumn::answer() const
{
    return m_answer->toPlainText();
}

QString CompareColumn::stats() const
{
    return m_stats->text();
}

void CompareColumn::setScores(const std::optional<CompletionScores> &scores)
{
    m_scores->setText(scores ? scores->summaryLine() : QString());
    m_scores->setVisible(scores.has_value());
}

QString CompareColumn::scoresText() const
{
    return m_scores->text();
}

QString CompareColumn::errorText() const
{
    return m_error->text();
}

QString CompareColumn::resultText() const
{
    if (!m_error->text().isEmpty())
        return m_error->text();
    if (!m_stats->text().isEmpty())
        return m_stats->text();
    return m_answer->placeholderText();
}
