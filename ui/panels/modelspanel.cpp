#include "panels/modelspanel.h"

#include "net/modelsfetcher.h"
#include "panels/elidedlabel.h"

#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

ModelsPanel::ModelsPanel(ModelsFetcher *fetcher, QWidget *parent)
    : QWidget(parent)
    , m_list(new QListWidget(this))
    , m_note(new ElidedLabel(this, 3, true))
{
    auto *refresh = new QPushButton(tr("Refresh"), this);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_note);
    layout->addWidget(refresh);
    m_list->setToolTip(tr("Double-click a model to use it"));
    m_list->setAccessibleName(tr("Models"));
    m_list->setAccessibleDescription(tr("Enter on a model uses it from the next request on"));
    m_list->setMinimumHeight(3 * fontMetrics().height() + 8); // may give its room to Health
    connect(refresh, &QPushButton::clicked, this, &ModelsPanel::refreshRequested);
    connect(m_list, &QListWidget::itemActivated, this,
            [this](QListWidgetItem *item) { emit modelChosen(item->data(Qt::UserRole).toString()); });
    connect(fetcher, &ModelsFetcher::fetched, this, &ModelsPanel::showList);
    connect(fetcher, &ModelsFetcher::failed, this, &ModelsPanel::showError);
    m_note->setFullText(tr("Loading the model list…"));
}

QStringList ModelsPanel::modelIds() const
{
    QStringList ids;
    for (int i = 0; i < m_list->count(); ++i)
        ids << m_list->item(i)->data(Qt::UserRole).toString();
    return ids;
}

QString ModelsPanel::noteText() const
{
    return m_note->fullText();
}

void ModelsPanel::showList(const ModelList &list, const QString &note)
{
    m_list->clear();
    int fim = 0;
    int notFim = 0;
    for (const ModelInfo &m : list.models) {
        // What the server says: context, size on disk, family and size, and whether it can fill in
        // the middle (Mistral's completion_fim, Ollama's "insert").
        QStringList facts;
        if (m.maxContextLength > 0)
            facts << tr("%1k context").arg(m.maxContextLength / 1000);
        if (m.sizeBytes > 0)
            facts << locale().formattedDataSize(m.sizeBytes, 1);
        if (!m.details.isEmpty())
            facts << m.details;
        QString label = modelDisplayName(m.id); // the tooltip names it whole
        if (m.fimCapable && !list.filteredByCapability)
            label = (*m.fimCapable ? QStringLiteral("✓ ") : QStringLiteral("✗ ")) + label;
        if (!facts.isEmpty())
            label += QStringLiteral("  (") + facts.join(QStringLiteral(", ")) + QLatin1Char(')');
        auto *item = new QListWidgetItem(label, m_list);
        item->setData(Qt::UserRole, m.id);
        QString tip = m.ownedBy.isEmpty() ? m.id : tr("%1, owned by %2").arg(m.id, m.ownedBy);
        if (m.fimCapable) {
            tip += QLatin1Char('\n') + (*m.fimCapable ? tr("Can fill in the middle.")
                                                       : tr("Cannot fill in the middle by itself: choose a template in the "
                                                            "endpoint's settings to use it."));
            (*m.fimCapable ? fim : notFim) += 1;
            if (!*m.fimCapable)
                item->setForeground(palette().color(QPalette::Disabled, QPalette::Text));
        }
        item->setToolTip(tip);
    }
    const QString count = tr("%n model(s).", nullptr, int(list.models.size()));
    QString text = note.isEmpty() ? count : note;
    if (notFim > 0)
        text += QLatin1Char(' ') + tr("%1 can fill in the middle (✓), %2 cannot (✗).").arg(fim).arg(notFim);
    m_note->setFullText(text);
}

void ModelsPanel::showError(const FimError &error)
{
    m_list->clear();
    m_note->setFullText(tr("No model list: %1").arg(error.message));
}
