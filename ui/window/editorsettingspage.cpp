#include "window/editorsettingspage.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFontComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QSpinBox>

EditorSettingsPage::EditorSettingsPage(const AppSettings &settings, const QStringList &themeNames, QWidget *parent)
    : QWidget(parent)
{
    auto makeSpin = [this](int min, int max, int value, const QString &suffix, const QString &special) {
        auto *spin = new QSpinBox(this);
        spin->setRange(min, max);
        spin->setSuffix(suffix);
        spin->setSpecialValueText(special);
        spin->setValue(value);
        return spin;
    };
    m_debounceMode = new QComboBox(this);
    m_debounceMode->addItem(tr("Adaptive: learnt from your typing and the endpoint"), true);
    m_debounceMode->addItem(tr("Fixed"), false);
    m_debounceMode->setCurrentIndex(settings.adaptiveDebounce ? 0 : 1);
    m_debounce = makeSpin(0, 5000, settings.debounceMs, tr(" ms"), QString());
    m_debounce->setToolTip(tr("The wait after the last key when fixed; the adaptive debounce starts from it"));
    m_debounceMin = makeSpin(0, 5000, settings.debounceMinMs, tr(" ms"), QString());
    m_debounceMax = makeSpin(0, 5000, settings.debounceMaxMs, tr(" ms"), QString());
    m_autoTrigger = new QCheckBox(tr("Ask automatically when typing pauses"), this);
    m_autoTrigger->setChecked(settings.autoTrigger);
    m_prefetch = new QCheckBox(tr("Ask ahead for what follows a suggestion, so the next one shows at once after Tab"), this);
    m_prefetch->setChecked(settings.prefetchNext);
    m_showConfidence = new QCheckBox(tr("Show confidence: shade each token of the ghost text by its probability"), this);
    m_showConfidence->setToolTip(tr("Where the server gives token probabilities (llama.cpp, OpenAI-style servers); "
                                    "also View ▸ Show Confidence"));
    m_showConfidence->setChecked(settings.confidence.show);
    m_hideBelow = new QDoubleSpinBox(this);
    m_hideBelow->setRange(0.0, 1.0);
    m_hideBelow->setDecimals(2);
    m_hideBelow->setSingleStep(0.05);
    m_hideBelow->setSpecialValueText(tr("off"));
    m_hideBelow->setValue(settings.confidence.hideBelow);
    m_hideBelow->setToolTip(tr("A suggestion whose probability (the geometric mean of its tokens') is below this is "
                               "not drawn; the latency table marks it. A streamed one is drawn once complete."));
    m_prefixKiB = makeSpin(1, 1024, std::max(1, settings.limits.maxPrefixChars / 1024), tr(" KiB"), QString());
    m_suffixKiB = makeSpin(0, 1024, settings.limits.maxSuffixChars / 1024, tr(" KiB"), QString());
    m_prefixLines = makeSpin(-1, 100000, settings.limits.maxPrefixLines, tr(" lines"), tr("no line limit"));
    m_suffixLines = makeSpin(-1, 100000, settings.limits.maxSuffixLines, tr(" lines"), tr("no line limit"));
    m_theme = new QComboBox(this);
    m_theme->addItem(tr("Follow system (light/dark)"), QString());
    for (const QString &name : themeNames)
        m_theme->addItem(name, name);
    m_theme->setCurrentIndex(std::max(0, m_theme->findData(settings.theme)));
    m_font = new QFontComboBox(this);
    m_font->setFontFilters(QFontComboBox::MonospacedFonts);
    if (!settings.fontFamily.isEmpty())
        m_font->setCurrentFont(QFont(settings.fontFamily));
    m_fontSize = makeSpin(0, 72, settings.fontSize, tr(" pt"), tr("system size"));
    // Spin boxes in rows of their own or beside another: their label is no buddy, so they are named.
    m_debounceMin->setAccessibleName(tr("Shortest adaptive wait"));
    m_debounceMax->setAccessibleName(tr("Longest adaptive wait"));
    m_prefixLines->setAccessibleName(tr("Lines of context before the cursor"));
    m_suffixLines->setAccessibleName(tr("Lines of context after the cursor"));
    m_fontSize->setAccessibleName(tr("Font size"));
    connect(m_font, &QFontComboBox::currentFontChanged, this, [this] { m_fontTouched = true; });

    auto *bounds = new QHBoxLayout;
    bounds->addWidget(m_debounceMin);
    bounds->addWidget(new QLabel(tr("to"), this));
    bounds->addWidget(m_debounceMax);
    bounds->addStretch();
    auto *form = new QFormLayout(this);
    form->addRow(tr("Debounce:"), m_debounceMode);
    form->addRow(tr("Fixed wait:"), m_debounce);
    form->addRow(tr("Adaptive wait:"), bounds);
    form->addRow(QString(), m_autoTrigger);
    form->addRow(QString(), m_prefetch);
    form->addRow(QString(), m_showConfidence);
    form->addRow(tr("Hide suggestions below p:"), m_hideBelow);
    form->addRow(tr("Context before the cursor:"), m_prefixKiB);
    form->addRow(QString(), m_prefixLines);
    form->addRow(tr("Context after the cursor:"), m_suffixKiB);
    form->addRow(QString(), m_suffixLines);
    form->addRow(tr("Theme:"), m_theme);
    form->addRow(tr("Font:"), m_font);
    form->addRow(QString(), m_fontSize);
    connect(m_debounceMode, &QComboBox::currentIndexChanged, this, &EditorSettingsPage::showMode);
    showMode();
}

void EditorSettingsPage::showMode()
{
    const bool adaptive = m_debounceMode->currentData().toBool();
    m_debounceMin->setEnabled(adaptive);
    m_debounceMax->setEnabled(adaptive);
}

void EditorSettingsPage::apply(AppSettings &settings) const
{
    settings.adaptiveDebounce = m_debounceMode->currentData().toBool();
    settings.debounceMs = m_debounce->value();
    settings.debounceMinMs = m_debounceMin->value();
    settings.debounceMaxMs = std::max(m_debounceMin->value(), m_debounceMax->value());
    settings.autoTrigger = m_autoTrigger->isChecked();
    settings.prefetchNext = m_prefetch->isChecked();
    settings.confidence.show = m_showConfidence->isChecked();
    settings.confidence.hideBelow = m_hideBelow->value();
    settings.limits.maxPrefixChars = m_prefixKiB->value() * 1024;
    settings.limits.maxSuffixChars = m_suffixKiB->value() * 1024;
    settings.limits.maxPrefixLines = m_prefixLines->value();
    settings.limits.maxSuffixLines = m_suffixLines->value();
    settings.theme = m_theme->currentData().toString();
    if (m_fontTouched) // the combo box shows some font even when none was chosen
        settings.fontFamily = m_font->currentFont().family();
    settings.fontSize = m_fontSize->value();
}
