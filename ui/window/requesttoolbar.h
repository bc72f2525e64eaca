#pragma once

#include "wire/fimrequest.h"

#include <QToolBar>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLineEdit;
class QSpinBox;

// The toolbar: endpoint profile, model, "Complete" (and "Stop" while a request runs), stream
// on/off and the request parameters (max_tokens, temperature, top_p, stop, random_seed).
// Changes apply to the next request. Parameters it has no field for (min_tokens) are kept as set.
class RequestToolbar final : public QToolBar
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RequestToolbar)

public:
    explicit RequestToolbar(QWidget *parent = nullptr);

    // The names in the profile box; active may also be a name that is no profile ("Command line").
    void setProfiles(const QStringList &names, const QString &active);
    QString activeProfile() const;
    void setModels(const QStringList &ids);
    // The model sent when the box is empty, shown as its placeholder ("codestral-latest").
    // required: the server has no default (Ollama): the placeholder says to pick one.
    void setDefaultModel(const QString &model, bool required = false);
    // A request is in flight: Stop shows.
    void setBusy(bool busy);
    void setParameters(const FimRequest &request);
    FimRequest parameters() const;
    // How many candidates Alt+Space asks for (1–5).
    void setCandidateCount(int count);
    int candidateCount() const;
    QAction *completeAction() const { return m_complete; }
    QAction *stopAction() const { return m_stopRequest; }

signals:
    void profileChosen(const QString &name);
    void parametersChanged(const FimRequest &request);
    void candidateCountChanged(int count);

private:
    QComboBox *m_profile;
    QComboBox *m_model;
    QAction *m_complete;
    QAction *m_stopRequest = nullptr;
    QCheckBox *m_stream;
    QSpinBox *m_maxTokens;
    QDoubleSpinBox *m_temperature;
    QDoubleSpinBox *m_topP;
    QLineEdit *m_stop;
    QLineEdit *m_seed;
    QSpinBox *m_candidates;
    FimRequest m_base; // what was set, including fields with no widget here
    bool m_updating = false;
};
