#include "editor/codeeditor.h"
#include "editor/contrast.h"

#include <KSyntaxHighlighting/Repository>
#include <KSyntaxHighlighting/Theme>

#include <QApplication>
#include <QTest>

// The ghost text stays readable and fainter than the code in every theme KSyntaxHighlighting ships:
// WCAG 2 contrast against the editor's background and the cursor's line (where it starts), ≥ 3:1
// wherever the code's own contrast leaves room, and below the code's. Prints the figures per theme.
class TestContrast : public QObject
{
    Q_OBJECT

private slots:
    void wcagFigures()
    {
        QCOMPARE(Contrast::ratio(Qt::white, Qt::black), 21.0);
        QCOMPARE(Contrast::ratio(Qt::black, Qt::white), 21.0);
        QCOMPARE(Contrast::ratio(QColor(0x77, 0x77, 0x77), QColor(0x77, 0x77, 0x77)), 1.0);
        // #767676 on white is WebAIM's smallest grey passing 4.5:1: 4.54.
        QVERIFY(qAbs(Contrast::ratio(QColor(0x76, 0x76, 0x76), Qt::white) - 4.54) < 0.01);
        // Half-transparent black over white is grey 0.5 (#808080 less half a step): (1 + 0.05) / (0.214 + 0.05) = 3.98.
        QColor half(Qt::black);
        half.setAlphaF(0.5f);
        QVERIFY(qAbs(Contrast::ratio(Contrast::over(half, Qt::white), Qt::white) - 3.98) < 0.01);
    }

    void ghostTextInEveryTheme()
    {
        KSyntaxHighlighting::Repository repository;
        CodeEditor editor(&repository);
        int themes = 0;
        for (const KSyntaxHighlighting::Theme &theme : repository.themes()) {
            editor.setThemeByName(theme.name());
            QCOMPARE(editor.theme().name(), theme.name());
            const QColor code = QColor::fromRgba(theme.textColor(KSyntaxHighlighting::Theme::Normal));
            const QColor ghost = editor.ghostColor();
            const QColor base = QColor::fromRgba(theme.editorColor(KSyntaxHighlighting::Theme::BackgroundColor));
            // The cursor's line: its colour (often with an alpha) drawn over the background.
            const QColor cursorLine = Contrast::over(QColor::fromRgba(theme.editorColor(KSyntaxHighlighting::Theme::CurrentLine)), base);
            double least = 21, codeLeast = 21;
            for (const QColor &background : {base, cursorLine}) {
                least = std::min(least, Contrast::ratio(Contrast::over(ghost, background), background));
                codeLeast = std::min(codeLeast, Contrast::ratio(code, background));
            }
            std::printf("%-28s %s on %s/%s %-5s ghost %.2f:1 (opacity %.2f), code %.2f:1\n", qPrintable(theme.name()),
                        qPrintable(code.name()), qPrintable(base.name()), qPrintable(cursorLine.name()),
                        Contrast::luminance(base) < 0.2 ? "dark" : "light", least, ghost.alphaF(), codeLeast);
            QVERIFY2(least < codeLeast, qPrintable(theme.name()));
            // Where the code itself reaches 3.75:1 (3 / 0.8), the ghost text reaches 3:1.
            if (codeLeast >= 3.75)
                QVERIFY2(least >= 3.0, qPrintable(QStringLiteral("%1: %2").arg(theme.name()).arg(least)));
            ++themes;
        }
        QVERIFY(themes >= 2);
    }
};

QTEST_MAIN(TestContrast)
#include "tst_contrast.moc"
