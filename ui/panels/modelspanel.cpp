#include "modelspanel.h"

#include "modelsfetcher.h"

#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

ModelsPanel::ModelsPanel(ModelsFetcher *fetcher, QWidget *parent)
    : QWidget(parent)
    , m_list(new QListWidget(this))
    , m_note(new QLabel(this))
{
    m_note->setWordWrap(true);
    auto *refresh = new QPushButton(tr("Refresh"), this);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_note);
    layout->addWidget(refresh);
    m_list->setToolTip(tr("Double-click a model to use it"));
    m_list->setMinimumHeight(3 * fontMetrics().height() + 8); // may give its room to Health
    connect(refresh, &QPushButton::clicked, this, &ModelsPanel::refreshRequested);
    connect(m_list, &QListWidget::itemActivated, this,
            [this](QListWidgetItem *item) { emit modelChosen(item->data(Qt::UserRole).toString()); });
    connect(fetcher, &ModelsFetcher::fetched, this, &ModelsPanel::showList);
    connect(fetcher, &ModelsFetcher::failed, this, &ModelsPanel::showError);
    m_note->setText(tr("Loading the model list…"));
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
    return m_note->text();
}

void ModelsPanel::showList(const ModelList &list, const QString &note)
{
    m_list->clear();
    for (const ModelInfo &m : list.models) {
        QString label = m.id;
        if (m.maxContextLength > 0)
            label += tr("  (%1k context)").arg(m.maxContextLength / 1000);
        auto *item = new QListWidgetItem(label, m_list);
        item->setData(Qt::UserRole, m.id);
        item->setToolTip(m.ownedBy.isEmpty() ? m.id : tr("%1, owned by %2").arg(m.id, m.ownedBy));
    }
    const QString count = list.models.size() == 1 ? tr("1 model.") : tr("%1 models.").arg(list.models.size());
    m_note->setText(note.isEmpty() ? count : note);
}

void ModelsPanel::showError(const FimError &error)
{
    m_list->clear();
    m_note->setText(tr("No model list: %1").arg(error.message));
}
