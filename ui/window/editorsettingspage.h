#pragma once

#include "settings/appsettings.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QFontComboBox;
class QSpinBox;

// Settings ▸ Editor: when to ask (adaptive or fixed debounce and its bounds, auto-trigger, asking
// ahead for what follows a suggestion), how much context to send, the token probabilities (shading
// the ghost text, hiding unlikely suggestions), theme and font.
class EditorSettingsPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EditorSettingsPage)

public:
    EditorSettingsPage(const AppSettings &settings, const QStringList &themeNames, QWidget *parent = nullptr);

    // Writes the page into settings; what the user did not touch (the font) stays as it was.
    void apply(AppSettings &settings) const;

    QComboBox *debounceModeBox() const { return m_debounceMode; }
    QSpinBox *debounceBox() const { return m_debounce; }
    QSpinBox *debounceMinBox() const { return m_debounceMin; }
    QSpinBox *debounceMaxBox() const { return m_debounceMax; }
    QCheckBox *prefetchBox() const { return m_prefetch; }
    QCheckBox *showConfidenceBox() const { return m_showConfidence; }
    QDoubleSpinBox *hideBelowBox() const { return m_hideBelow; }

private:
    void showMode();

    bool m_fontTouched = false;
    QComboBox *m_debounceMode = nullptr;
    QSpinBox *m_debounce = nullptr;
    QSpinBox *m_debounceMin = nullptr;
    QSpinBox *m_debounceMax = nullptr;
    QCheckBox *m_autoTrigger = nullptr;
    QCheckBox *m_prefetch = nullptr;
    QCheckBox *m_showConfidence = nullptr;
    QDoubleSpinBox *m_hideBelow = nullptr;
    QSpinBox *m_prefixKiB = nullptr;
    QSpinBox *m_suffixKiB = nullptr;
    QSpinBox *m_prefixLines = nullptr;
    QSpinBox *m_suffixLines = nullptr;
    QComboBox *m_theme = nullptr;
    QFontComboBox *m_font = nullptr;
    QSpinBox *m_fontSize = nullptr;
};
