#pragma once

#include "suite/comparerun.h"
#include "suite/completionmetrics.h"

#include <optional>

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace KSyntaxHighlighting {
class Definition;
class SyntaxHighlighter;
class Theme;
} // namespace KSyntaxHighlighting

// One column of the Compare view: the variant's name and settings, its answer highlighted like the
// editor, time to first token, total time, tokens, tokens/s and finish reason, or the error in
// words; its answer's metrics against the expected one, when Compare has one; Cancel while it
// runs, Insert once it answered.
class CompareColumn final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CompareColumn)

public:
    explicit CompareColumn(QWidget *parent = nullptr);

    void setHighlighting(const KSyntaxHighlighting::Definition &definition, const KSyntaxHighlighting::Theme &theme);
    // shown: the answer as cleaned for the editor; cleaning: what the rules removed, in words.
    void show(const CompareRun::Column &column, const QString &shown, const QString &cleaning, bool previous);
    // The answer's metrics against the expected answer, or none (no expected answer, no answer yet).
    void setScores(const std::optional<CompletionScores> &scores);
    // Why Insert cannot put the answer in now, in words (the button's tooltip then), or empty.
    void setInsertBlocked(const QString &why);

    QString title() const;
    QString answer() const;
    QString stats() const;
    QString errorText() const;
    QString scoresText() const; // empty while there are none
    // The column's result in one line, as its accessible description says it: the error, else
    // the answer's figures, else what it waits for ("Asking…").
    QString resultText() const;
    QPushButton *cancelButton() const { return m_cancel; }
    QPushButton *insertButton() const { return m_insert; }

    // "first token 120 ms · total 340 ms · 24 tokens · 70.6 tok/s · stop"
    static QString statsText(const CompletionResult &result);

signals:
    void cancelRequested();
    void insertRequested();

private:
    QLabel *m_title;
    QLabel *m_settings;
    QPlainTextEdit *m_answer;
    KSyntaxHighlighting::SyntaxHighlighter *m_highlighter;
    QLabel *m_stats;
    QLabel *m_scores;
    QLabel *m_error;
    QPushButton *m_cancel;
    QPushButton *m_insert;
    bool m_answered = false; // an answer to insert
    QString m_insertBlocked;
};
