#include "panels/tokenprobabilityview.h"

#include <QLabel>
#include <QListWidget>
#include <QVBoxLayout>

#include <cmath>

namespace {

QString visible(QString text)
{
    if (text.isEmpty())
        return QStringLiteral("∅");
    return text.replace(QLatin1Char(' '), QStringLiteral("·"))
        .replace(QLatin1Char('\n'), QStringLiteral("↵"))
        .replace(QLatin1Char('\t'), QStringLiteral("→"))
        .replace(QLatin1Char('\r'), QStringLiteral("␍"));
}

QString probabilityText(double logprob)
{
    return std::isnan(logprob) ? QStringLiteral("?") : QString::number(std::exp(logprob), 'f', 4);
}

} // namespace

TokenProbabilityView::TokenProbabilityView(QWidget *parent)
    : QWidget(parent)
    , m_summary(new QLabel(this))
    , m_list(new QListWidget(this))
{
    m_list->setObjectName(QStringLiteral("tokenProbabilities"));
    m_list->setAccessibleName(tr("Token probabilities"));
    m_list->setFlow(QListView::LeftToRight);
    m_list->setWrapping(true);
    m_list->setResizeMode(QListView::Adjust);
    m_list->setSpacing(2);
    m_list->setSelectionMode(QAbstractItemView::NoSelection);
    m_list->setMaximumHeight(fontMetrics().height() * 4); // a few rows: the raw answer above keeps the room
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_summary);
    layout->addWidget(m_list);
    setTokens({});
}

QString TokenProbabilityView::tokenLabel(const TokenProbability &token)
{
    return visible(token.token) + QStringLiteral("  ") + probabilityText(token.logprob);
}

QString TokenProbabilityView::alternativesText(const TokenProbability &token)
{
    QString out = tr("%1: p = %2 (log-probability %3)")
                      .arg(visible(token.token), probabilityText(token.logprob), QString::number(token.logprob, 'g', 6));
    if (token.top.isEmpty())
        return out + QLatin1Char('\n') + tr("The server named no alternatives.");
    out += QLatin1Char('\n') + tr("Likeliest at this step:");
    for (const auto &[text, logprob] : token.top)
        out += QStringLiteral("\n  ") + visible(text) + QStringLiteral("  ") + probabilityText(logprob);
    return out;
}

void TokenProbabilityView::setTokens(const QList<TokenProbability> &tokens)
{
    m_list->clear();
    const std::optional<double> p = TokenProbabilities::suggestionProbability(tokens);
    if (!p) {
        m_summary->setText(tr("No token probabilities in this answer (View ▸ Show Confidence asks llama.cpp and "
                              "OpenAI-style servers for them)."));
        m_list->hide();
        return;
    }
    m_summary->setText(tr("Token probabilities: %n token(s), the suggestion's p = %1 (geometric mean); hover a token for "
                          "its alternatives",
                          nullptr, int(tokens.size()))
                           .arg(*p, 0, 'f', 4));
    const QColor base = palette().color(QPalette::Highlight);
    for (const TokenProbability &t : tokens) {
        auto *item = new QListWidgetItem(tokenLabel(t), m_list);
        item->setToolTip(alternativesText(t));
        QColor tint = base;
        tint.setAlphaF(std::isnan(t.logprob) ? 0.0f : float(0.1 + 0.5 * std::exp(t.logprob)));
        item->setBackground(tint);
    }
    m_list->show();
}
