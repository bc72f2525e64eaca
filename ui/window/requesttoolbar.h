#pragma once

#include "fimrequest.h"

#include <QToolBar>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLineEdit;
class QSpinBox;

// The toolbar: endpoint profile, model, "Complete", stream on/off and the request parameters
// (max_tokens, temperature, top_p, stop, random_seed). Changes apply to the next request.
class RequestToolbar final : public QToolBar
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RequestToolbar)

public:
    explicit RequestToolbar(QWidget *parent = nullptr);

    void setProfiles(const QStringList &names, const QString &active);
    void setModels(const QStringList &ids);
    void setParameters(const FimRequest &request);
    FimRequest parameters() const;
    QAction *completeAction() const { return m_complete; }

    // Stop sequences as typed: separated by "|", with \n and \t escapes.
    static QStringList parseStops(const QString &text);
    static QString formatStops(const QStringList &stops);

signals:
    void profileChosen(const QString &name);
    void parametersChanged(const FimRequest &request);

private:
    QComboBox *m_profile;
    QComboBox *m_model;
    QAction *m_complete;
    QCheckBox *m_stream;
    QSpinBox *m_maxTokens;
    QDoubleSpinBox *m_temperature;
    QDoubleSpinBox *m_topP;
    QLineEdit *m_stop;
    QSpinBox *m_seed;
    bool m_updating = false;
};
