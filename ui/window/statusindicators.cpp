#include "window/statusindicators.h"

#include "panels/accessiblewidgets.h"
#include "wire/modellistparser.h"

#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Repository>
#include <KSyntaxHighlighting/Theme>

#include <QActionGroup>
#include <QComboBox>
#include <QFontMetrics>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QStatusBar>
#include <QToolButton>

#include <algorithm>
#include <cmath>

namespace {

QList<QPair<QString, QString>> languageList(const KSyntaxHighlighting::Repository &repository)
{
    QList<QPair<QString, QString>> out{{QObject::tr("Plain text"), QStringLiteral("None")}};
    for (const KSyntaxHighlighting::Definition &d : repository.definitions()) {
        if (!d.isHidden() && d.section() != u"Other")
            out.append({d.translatedName(), d.name()});
    }
    return out;
}

QList<QPair<QString, QString>> themeList(const KSyntaxHighlighting::Repository &repository)
{
    QList<QPair<QString, QString>> out{{QObject::tr("Follow system (light/dark)"), QString()}};
    for (const KSyntaxHighlighting::Theme &t : repository.themes())
        out.append({t.translatedName(), t.name()});
    return out;
}

// As wide as its longest entry, measured once. A combo box that adjusts to its contents measures
// every entry each time its size is asked: for the ~400 languages that was 2 ms of the start-up.
void fitToLongestEntry(QComboBox *box)
{
    QString longest;
    for (int i = 0; i < box->count(); ++i) {
        if (const QString text = box->itemText(i); text.size() > longest.size())
            longest = text;
    }
    const QFontMetrics metrics(box->font());
    // The box counts its length in "X"s and adds room for an icon, which these entries have not.
    const int room = metrics.horizontalAdvance(longest) - box->iconSize().width() - 4;
    box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    box->setMinimumContentsLength(std::max(1, int(std::ceil(room / double(metrics.horizontalAdvance(QLatin1Char('X')))))));
}

} // namespace

StatusIndicators::StatusIndicators(QStatusBar *bar, const KSyntaxHighlighting::Repository &repository)
    : QObject(bar)
    , m_requestState(new QLabel(bar))
    , m_lastLatency(new QLabel(bar))
    , m_window(new QLabel(bar))
    , m_health(new QLabel(bar))
    , m_encoding(new QToolButton(bar))
    , m_lineEnding(new QToolButton(bar))
    , m_language(new QComboBox(bar))
    , m_theme(new QComboBox(bar))
{
    for (QToolButton *b : {m_encoding, m_lineEnding}) {
        b->setPopupMode(QToolButton::InstantPopup);
        b->setAutoRaise(true);
        b->setMenu(new QMenu(b));
    }
    m_encoding->setObjectName(QStringLiteral("encodingButton"));
    m_encoding->setToolTip(tr("The file's encoding: what Save writes, or reopen in another"));
    connect(m_encoding->menu(), &QMenu::aboutToShow, this, [this] { fillEncodingMenu(m_format, m_canReopen); });
    m_lineEnding->setObjectName(QStringLiteral("lineEndingButton"));
    m_lineEnding->setToolTip(tr("The file's line breaks: what Save writes"));
    auto *eolGroup = new QActionGroup(m_lineEnding);
    for (const TextFormat::LineEnding e : {TextFormat::LineEnding::LF, TextFormat::LineEnding::CRLF, TextFormat::LineEnding::CR}) {
        const QString label = e == TextFormat::LineEnding::LF ? tr("LF (Unix, macOS)")
            : e == TextFormat::LineEnding::CRLF               ? tr("CRLF (Windows)")
                                                              : tr("CR (classic Mac OS)");
        QAction *a = m_lineEnding->menu()->addAction(label, this, [this, e] { emit lineEndingChosen(e); });
        a->setCheckable(true);
        a->setData(TextFormat::lineEndingLabel(e));
        eolGroup->addAction(a);
    }
    m_language->setToolTip(tr("Language used for highlighting"));
    for (const auto &[name, id] : languageList(repository))
        m_language->addItem(name, id);
    m_theme->setToolTip(tr("Colour theme"));
    for (const auto &[name, id] : themeList(repository))
        m_theme->addItem(name, id);
    fitToLongestEntry(m_language);
    fitToLongestEntry(m_theme);
    connect(m_language, &QComboBox::activated, this, [this] { emit languageChosen(m_language->currentData().toString()); });
    connect(m_theme, &QComboBox::activated, this, [this] { emit themeChosen(m_theme->currentData().toString()); });

    m_encoding->setAccessibleName(tr("Encoding"));
    m_lineEnding->setAccessibleName(tr("Line breaks"));
    m_language->setAccessibleName(tr("Highlighting language"));
    m_theme->setAccessibleName(tr("Colour theme"));
    AccessibleWidgets::markHealthState(m_health);

    bar->addPermanentWidget(m_requestState);
    bar->addPermanentWidget(m_window);
    bar->addPermanentWidget(m_lastLatency);
    bar->addPermanentWidget(m_health);
    bar->addPermanentWidget(m_encoding);
    bar->addPermanentWidget(m_lineEnding);
    bar->addPermanentWidget(m_language);
    bar->addPermanentWidget(m_theme);
}

void StatusIndicators::setRequestState(const QString &text)
{
    m_requestState->setText(text);
}

void StatusIndicators::setLastLatency(const QString &text)
{
    m_lastLatency->setText(text);
    m_lastLatency->setToolTip(QString());
}

void StatusIndicators::setLastLatencyTip(const QString &tip)
{
    m_lastLatency->setToolTip(tip);
}

void StatusIndicators::setLastAnswer(double totalMs, const QString &finishReason, const QString &model)
{
    QStringList parts{tr("last %1 ms").arg(qRound(totalMs))};
    if (!finishReason.isEmpty())
        parts << finishReason;
    if (!model.isEmpty())
        parts << modelDisplayName(model); // a .gguf by its file name; the tooltip has the path
    m_lastLatency->setText(parts.join(QStringLiteral(" · ")));
    QString why;
    if (finishReason == u"stop")
        why = tr("stop: the model ended the answer itself, or a stop sequence did.");
    else if (finishReason == u"length")
        why = tr("length: max_tokens cut the answer.");
    else if (finishReason == u"model_length")
        why = tr("model_length: the model's context was full.");
    else if (!finishReason.isEmpty())
        why = tr("%1: as the server said.").arg(finishReason);
    m_lastLatency->setToolTip(model.isEmpty() ? why : why + QLatin1Char('\n') + tr("Answered by %1.").arg(model));
}

void StatusIndicators::setSentWindow(const FimContext &c)
{
    m_sent = {c.prefix.size(), c.suffix.size(), c.prefixCut, c.suffixCut, -1, -1, -1};
    showSentWindow();
}

void StatusIndicators::setPromptTokens(int tokens)
{
    if (tokens < 0 || m_sent.prefixChars < 0)
        return;
    m_sent.serverTokens = tokens;
    showSentWindow();
}

void StatusIndicators::setTokenizedWindow(int prefixTokens, int suffixTokens)
{
    if (prefixTokens < 0 || suffixTokens < 0 || m_sent.prefixChars < 0)
        return;
    m_sent.prefixTokens = prefixTokens;
    m_sent.suffixTokens = suffixTokens;
    showSentWindow();
}

void StatusIndicators::showSentWindow()
{
    const QLocale locale;
    const bool counted = m_sent.serverTokens >= 0;
    const bool tokenized = !counted && m_sent.prefixTokens >= 0;
    const QString tokens = counted     ? tr("%Ln token(s)", nullptr, int(m_sent.serverTokens))
                           : tokenized ? tr("%Ln token(s)", nullptr, int(m_sent.prefixTokens + m_sent.suffixTokens))
                                       : tr("≈ %Ln token(s)", nullptr, int(estimateTokens(m_sent.prefixChars + m_sent.suffixChars)));
    m_window->setText(tr("sent %1 + %2 chars · %3")
                          .arg(locale.toString(m_sent.prefixChars), locale.toString(m_sent.suffixChars), tokens));
    const QStringList tip{
        tr("Prefix: %1 characters before the cursor%2.")
            .arg(locale.toString(m_sent.prefixChars), m_sent.prefixCut ? tr(", cut by the prefix limit") : QString()),
        tr("Suffix: %1 characters after it%2.")
            .arg(locale.toString(m_sent.suffixChars), m_sent.suffixCut ? tr(", cut by the suffix limit") : QString()),
        counted     ? tr("Tokens: the server's count of the prompt it read (template included).")
        : tokenized ? tr("Tokens: llama-server's /tokenize counted %1 in the prefix and %2 in the suffix; the prompt it builds "
                         "adds its FIM tokens. The answer brings the count of the whole prompt.")
                          .arg(locale.toString(m_sent.prefixTokens), locale.toString(m_sent.suffixTokens))
                    : tr("≈: an estimate (4 characters a token); this kind of server has no route that counts them "
                         "before it answers."),
        tr("The text outside the window is shaded in the editor (View ▸ Shade Text Not Sent); "
           "Settings ▸ Context sets the limits.")};
    m_window->setToolTip(tip.join(QLatin1Char('\n')));
}

QString StatusIndicators::windowText() const
{
    return m_window->text();
}

QString StatusIndicators::windowToolTip() const
{
    return m_window->toolTip();
}

QString StatusIndicators::lastLatencyText() const
{
    return m_lastLatency->text();
}

QString StatusIndicators::lastLatencyToolTip() const
{
    return m_lastLatency->toolTip();
}

void StatusIndicators::setHealth(const QString &richText, const QString &toolTip)
{
    m_health->setText(richText);
    m_health->setToolTip(toolTip);
    AccessibleWidgets::healthStateChanged(m_health);
}

QString StatusIndicators::healthText() const
{
    return m_health->text();
}

void StatusIndicators::setFormat(const TextFormat &format, bool canReopen)
{
    m_encoding->setText(format.encodingLabel());
    m_lineEnding->setText(TextFormat::lineEndingLabel(format.lineEnding));
    for (QAction *a : m_lineEnding->menu()->actions())
        a->setChecked(a->data().toString() == TextFormat::lineEndingLabel(format.lineEnding));
    m_format = format;
    m_canReopen = canReopen;
    m_encoding->menu()->clear(); // filled when it opens: asking ICU which codecs exist costs start-up time
}

void StatusIndicators::fillEncodingMenu(const TextFormat &format, bool canReopen)
{
    QMenu *menu = m_encoding->menu();
    menu->clear();
    menu->addSection(tr("Save with encoding"));
    const QStringList names = TextFile::commonEncodings();
    for (const QString &name : names) {
        const QByteArray encoding = name.toLatin1();
        QAction *a = menu->addAction(name, this, [this, encoding] { emit encodingChosen(encoding, false); });
        a->setCheckable(true);
        a->setChecked(!format.bom && format.encoding == encoding);
        if (encoding == "UTF-8") {
            QAction *bom = menu->addAction(tr("UTF-8 with BOM"), this, [this] { emit encodingChosen("UTF-8", true); });
            bom->setCheckable(true);
            bom->setChecked(format.bom && format.encoding == "UTF-8");
        }
    }
    QMenu *reopen = menu->addMenu(tr("Reopen with Encoding"));
    reopen->setEnabled(canReopen);
    for (const QString &name : names)
        reopen->addAction(name, this, [this, encoding = name.toLatin1()] { emit reopenWithEncodingRequested(encoding); });
}

void StatusIndicators::setLanguage(const QString &id)
{
    m_language->setCurrentIndex(std::max(0, m_language->findData(id)));
}

void StatusIndicators::setTheme(const QString &id)
{
    m_theme->setCurrentIndex(std::max(0, m_theme->findData(id)));
}

QString StatusIndicators::theme() const
{
    return m_theme->currentData().toString();
}
