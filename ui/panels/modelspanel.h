#pragma once

#include "wire/modellistparser.h"

#include <QWidget>

class ModelsFetcher;
class ElidedLabel;
class QLabel;
class QListWidget;
struct FimError;

// The endpoint's model list, refreshed on demand and when the endpoint changes. Choosing a model
// (double click or Enter) emits modelChosen().
class ModelsPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ModelsPanel)

public:
    explicit ModelsPanel(ModelsFetcher *fetcher, QWidget *parent = nullptr);

    QStringList modelIds() const;
    QString noteText() const;
    QListWidget *list() const { return m_list; }

signals:
    void refreshRequested();
    void modelChosen(const QString &id);

private:
    void showList(const ModelList &list, const QString &note);
    void showError(const FimError &error);

    QListWidget *m_list;
    ElidedLabel *m_note; // three lines at most, whole in its tooltip: never over the list
};
