#include "window/requesttoolbar.h"

#include "text/stopsequences.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QScopedValueRollback>
#include <QRegularExpressionValidator>
#include <QSpinBox>
#include <QStyle>
#include <QStyleOptionComboBox>

#include <algorithm>

RequestToolbar::RequestToolbar(QWidget *parent)
    : QToolBar(tr("Request"), parent)
    , m_profile(new QComboBox(this))
    , m_model(new QComboBox(this))
    //: Check box: ask for the answer as a stream (server-sent events), shown as it arrives
    , m_stream(new QCheckBox(tr("Stream"), this))
    , m_maxTokens(new QSpinBox(this))
    , m_temperature(new QDoubleSpinBox(this))
    , m_topP(new QDoubleSpinBox(this))
    , m_stop(new QLineEdit(this))
    , m_seed(new QLineEdit(this))
    , m_candidates(new QSpinBox(this))
{
    setObjectName(QStringLiteral("requestToolbar"));
    m_profile->setObjectName(QStringLiteral("profileBox"));
    m_model->setObjectName(QStringLiteral("modelBox"));
    m_profile->setToolTip(tr("Endpoint profile (Settings ▸ Endpoints to edit)"));
    m_profile->setMinimumContentsLength(12);
    // As wide as its longest name: clipped, "llama-server 127.0.0.1:8080" would read as port 80.
    m_profile->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    // ... and never narrower when the toolbar is short of room: the model box gives way instead.
    m_profile->setSizePolicy(QSizePolicy::Fixed, m_profile->sizePolicy().verticalPolicy());
    m_model->setEditable(true);
    m_model->setToolTip(tr("Model; empty lets a proxy choose"));
    m_model->setMinimumContentsLength(20);
    m_model->lineEdit()->setPlaceholderText(tr("default model"));
    m_maxTokens->setRange(1, 8192);
    m_maxTokens->setToolTip(tr("max_tokens"));
    // One step below 0 is "default": temperature is then not sent and the server's own applies.
    m_temperature->setRange(-0.05, 1.5);
    m_temperature->setSingleStep(0.05);
    m_temperature->setSpecialValueText(tr("default"));
    m_temperature->setToolTip(tr("temperature (default: not sent)"));
    m_topP->setRange(0, 1);
    m_topP->setSingleStep(0.05);
    m_topP->setSpecialValueText(tr("default"));
    m_topP->setToolTip(tr("top_p (default: not sent)"));
    m_stop->setPlaceholderText(tr("stop, e.g. \\n\\n|def "));
    m_stop->setToolTip(tr("Stop sequences separated by |; \\n is a line break"));
    m_stop->setMaximumWidth(130);
    // random_seed is a 64-bit integer: a spin box would stop at 2^31.
    m_seed->setValidator(new QRegularExpressionValidator(QRegularExpression(QStringLiteral("\\d{0,18}")), m_seed));
    m_seed->setObjectName(QStringLiteral("seedEdit"));
    m_seed->setPlaceholderText(tr("random"));
    m_seed->setToolTip(tr("random_seed (empty: not sent)"));
    m_seed->setMaximumWidth(120);

    m_candidates->setObjectName(QStringLiteral("candidateCount"));
    m_candidates->setRange(1, 5);
    m_candidates->setValue(3);
    m_candidates->setToolTip(tr("Candidates asked for at once with Alt+Space; Alt+] and Alt+[ cycle them"));

    // The toolbar's words (" max ", " temp ", ...) are no buddies: each control is named.
    m_profile->setAccessibleName(tr("Endpoint profile"));
    m_model->setAccessibleName(tr("Model"));
    m_stream->setAccessibleDescription(tr("Stream the answer as it is generated"));
    m_maxTokens->setAccessibleName(tr("Maximum tokens"));
    m_temperature->setAccessibleName(tr("Temperature"));
    m_topP->setAccessibleName(tr("Top p"));
    m_stop->setAccessibleName(tr("Stop sequences"));
    m_seed->setAccessibleName(tr("Random seed"));
    m_candidates->setAccessibleName(tr("Candidates"));

    addWidget(m_profile);
    addWidget(m_model);
    //: Toolbar button (verb): ask for a code completion at the cursor
    m_complete = addAction(tr("Complete"));
    m_complete->setToolTip(tr("Ask for a completion at the cursor (Ctrl+Space)"));
    //: Toolbar button (verb): stop the request in flight; not a stop sequence
    m_stopRequest = addAction(tr("Stop"));
    m_stopRequest->setObjectName(QStringLiteral("stopRequest"));
    m_stopRequest->setToolTip(tr("Stop the request in flight (Esc)"));
    m_stopRequest->setEnabled(false); // always there, so nothing after it moves when a request starts
    addSeparator();
    addWidget(m_stream);
    addWidget(new QLabel(tr(" max "), this));
    addWidget(m_maxTokens);
    addWidget(new QLabel(tr(" temp "), this));
    addWidget(m_temperature);
    addWidget(new QLabel(tr(" top_p "), this));
    addWidget(m_topP);
    //: Label of the field for stop sequences (the API parameter "stop"), not the verb
    addWidget(new QLabel(tr(" stop "), this));
    addWidget(m_stop);
    //: Label of the random seed field (the API parameter random_seed)
    addWidget(new QLabel(tr(" seed "), this));
    addWidget(m_seed);
    addSeparator();
    addWidget(new QLabel(tr(" candidates "), this));
    addWidget(m_candidates);

    connect(m_profile, &QComboBox::activated, this, [this] { emit profileChosen(m_profile->currentText()); });
    auto changed = [this] {
        if (!m_updating)
            emit parametersChanged(parameters());
    };
    connect(m_model, &QComboBox::currentTextChanged, this, changed);
    // A long name shows only in part in the boxes: their tooltips say it whole.
    connect(m_model, &QComboBox::currentTextChanged, this, [this](const QString &model) {
        m_model->lineEdit()->setToolTip(model.isEmpty() ? m_model->toolTip() : model + QLatin1Char('\n') + m_model->toolTip());
    });
    connect(m_profile, &QComboBox::currentTextChanged, this, [this](const QString &name) {
        m_profile->setToolTip(name + QLatin1Char('\n') + tr("Endpoint profile (Settings ▸ Endpoints to edit)"));
    });
    connect(m_stream, &QCheckBox::toggled, this, changed);
    connect(m_maxTokens, &QSpinBox::valueChanged, this, changed);
    connect(m_temperature, &QDoubleSpinBox::valueChanged, this, changed);
    connect(m_topP, &QDoubleSpinBox::valueChanged, this, changed);
    connect(m_stop, &QLineEdit::textChanged, this, changed);
    connect(m_seed, &QLineEdit::textChanged, this, changed);
    connect(m_candidates, &QSpinBox::valueChanged, this, &RequestToolbar::candidateCountChanged);
}

void RequestToolbar::setCandidateCount(int count)
{
    m_candidates->setValue(count);
}

int RequestToolbar::candidateCount() const
{
    return m_candidates->value();
}

void RequestToolbar::setProfiles(const QStringList &names, const QString &active)
{
    const QScopedValueRollback guard(m_updating, true);
    m_profile->clear();
    m_profile->addItems(names);
    if (m_profile->findText(active) < 0)
        m_profile->addItem(active); // an endpoint that is no profile: name it, never another
    m_profile->setCurrentText(active);
    // Room for the longest name where the style shows it (its edit field), which a box adjusting to
    // its contents leaves a few pixels short of in Fusion: "llama-server :8080" lost its last digit.
    int longest = 0;
    for (int i = 0; i < m_profile->count(); ++i)
        longest = std::max(longest, m_profile->fontMetrics().horizontalAdvance(m_profile->itemText(i)));
    QStyleOptionComboBox option;
    option.initFrom(m_profile);
    option.rect = QRect(0, 0, 1000, m_profile->sizeHint().height());
    const int field = m_profile->style()->subControlRect(QStyle::CC_ComboBox, &option, QStyle::SC_ComboBoxEditField, m_profile).width();
    m_profile->setMinimumWidth(longest + (1000 - field) + 2);
}

QString RequestToolbar::activeProfile() const
{
    return m_profile->currentText();
}

void RequestToolbar::setDefaultModel(const QString &model, bool required)
{
    m_model->lineEdit()->setPlaceholderText(required          ? tr("pick a model (required)")
                                            : model.isEmpty() ? tr("server's default")
                                                              : tr("%1 (default)").arg(model));
    m_model->setToolTip(model.isEmpty() ? tr("Model; empty lets the server choose")
                                        : tr("Model; empty sends %1").arg(model));
}

void RequestToolbar::setBusy(bool busy)
{
    m_stopRequest->setEnabled(busy);
}

void RequestToolbar::setModels(const QStringList &ids)
{
    const QScopedValueRollback guard(m_updating, true);
    const QString current = m_model->currentText();
    m_model->clear();
    m_model->addItems(ids);
    m_model->setCurrentText(current);
}

void RequestToolbar::setParameters(const FimRequest &r)
{
    {
        const QScopedValueRollback guard(m_updating, true);
        m_base = r;
        m_model->setCurrentText(r.model);
        m_stream->setChecked(r.stream);
        m_maxTokens->setValue(r.maxTokens.value_or(128));
        m_temperature->setValue(r.temperature.value_or(m_temperature->minimum()));
        m_topP->setValue(r.topP.value_or(0));
        m_stop->setText(StopSequences::format(r.stop));
        m_seed->setText(r.randomSeed ? QString::number(*r.randomSeed) : QString());
    }
    emit parametersChanged(parameters());
}

FimRequest RequestToolbar::parameters() const
{
    FimRequest r = m_base;
    r.prompt.clear();
    r.suffix.clear();
    r.model = m_model->currentText().trimmed();
    r.stream = m_stream->isChecked();
    r.maxTokens = m_maxTokens->value();
    r.temperature.reset();
    if (m_temperature->value() > m_temperature->minimum())
        r.temperature = m_temperature->value();
    r.topP.reset();
    if (m_topP->value() > 0)
        r.topP = m_topP->value();
    r.stop = StopSequences::parse(m_stop->text());
    r.randomSeed.reset();
    bool ok = false;
    if (const qint64 seed = m_seed->text().toLongLong(&ok); ok)
        r.randomSeed = seed;
    return r;
}
