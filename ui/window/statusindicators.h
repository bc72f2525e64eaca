#pragma once

#include "completion/contextextractor.h"
#include "files/textfile.h"
#include "text/tokenestimate.h"

#include <QObject>

namespace KSyntaxHighlighting {
class Repository;
}

class QComboBox;
class QLabel;
class QStatusBar;
class QToolButton;

// The permanent widgets of the main window's status bar: the request in flight, the last latency,
// the endpoint's health, the file's encoding and line breaks (menus to change them), the
// highlighting language and the theme. Shows what it is given and reports the user's choices.
class StatusIndicators final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StatusIndicators)

public:
    // The language and theme menus list what the repository has.
    StatusIndicators(QStatusBar *bar, const KSyntaxHighlighting::Repository &repository);

    void setRequestState(const QString &text);
    void setLastLatency(const QString &text);
    void setLastLatencyTip(const QString &tip);
    // The last answer: its time, why it ended (stop, length, ...) and the model that gave it.
    void setLastAnswer(double totalMs, const QString &finishReason, const QString &model);
    // The window the last request sent: characters of prefix and suffix and an estimate of its
    // tokens ("≈"), until setPromptTokens() gives the server's own count.
    void setSentWindow(const FimContext &context);
    void setPromptTokens(int tokens);
    // The server's own count of the prefix and suffix sent (llama-server's /tokenize), before or
    // without an answer: replaces the estimate until the answer's count of the whole prompt.
    void setTokenizedWindow(int prefixTokens, int suffixTokens);
    QString windowText() const;
    QString windowToolTip() const;
    static int estimateTokens(qsizetype chars) { return TokenEstimate::of(chars); }
    QString lastLatencyText() const;
    QString lastLatencyToolTip() const;
    void setHealth(const QString &richText, const QString &toolTip);
    QString healthText() const;
    void setFormat(const TextFormat &format, bool canReopen);
    void setLanguage(const QString &id);
    void setTheme(const QString &id);
    QString theme() const;

    QToolButton *encodingButton() const { return m_encoding; }
    QToolButton *lineEndingButton() const { return m_lineEnding; }
    QComboBox *languageBox() const { return m_language; }

signals:
    void languageChosen(const QString &id);
    void themeChosen(const QString &id);
    void encodingChosen(const QByteArray &encoding, bool bom);
    void reopenWithEncodingRequested(const QByteArray &encoding);
    void lineEndingChosen(TextFormat::LineEnding ending);

private:
    void fillEncodingMenu(const TextFormat &format, bool canReopen);
    void showSentWindow();

    QLabel *m_requestState;
    QLabel *m_lastLatency;
    QLabel *m_window;
    struct SentWindow
    {
        qsizetype prefixChars = -1; // -1: nothing sent yet
        qsizetype suffixChars = 0;
        bool prefixCut = false;
        bool suffixCut = false;
        int serverTokens = -1; // the server's count of the prompt it read, once it said
        int prefixTokens = -1; // the server's count of prefix and suffix (/tokenize)
        int suffixTokens = -1;
    } m_sent;
    QLabel *m_health;
    QToolButton *m_encoding;
    QToolButton *m_lineEnding;
    QComboBox *m_language;
    QComboBox *m_theme;
    TextFormat m_format;
    bool m_canReopen = false;
};
