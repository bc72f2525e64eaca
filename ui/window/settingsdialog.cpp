#include "window/settingsdialog.h"

#include "context/appcontext.h"
#include "net/connectiontest.h"
#include "net/endpointdetector.h"
#include "window/editorsettingspage.h"
#include "window/keepsecretquestion.h"
#include "window/templateeditor.h"
#include "wire/fimtemplate.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QTabWidget>
#include <QVBoxLayout>

SettingsDialog::SettingsDialog(AppContext *context, const QStringList &themeNames, QWidget *parent)
    : QDialog(parent)
    , m_context(context)
    , m_settings(context->settings())
{
    setWindowTitle(tr("Settings"));
    auto *tabs = new QTabWidget(this);
    tabs->addTab(makeEndpointsPage(), tr("Endpoints"));
    m_editorPage = new EditorSettingsPage(m_settings, themeNames, this);
    tabs->addTab(m_editorPage, tr("Editor"));
    tabs->addTab(makeNetworkPage(), tr("Network"));
    m_error = new QLabel(this);
    m_error->setStyleSheet(QStringLiteral("color: #da4453"));
    m_error->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons = buttons;
    connect(buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(tabs);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    resize(780, 600);
}

QWidget *SettingsDialog::makeEndpointsPage()
{
    auto *page = new QWidget(this);
    m_profiles = new QListWidget(page);
    for (const Endpoint &e : std::as_const(m_settings.profiles)) {
        m_profiles->addItem(e.name);
        m_storedNames << e.name;
    }
    m_name = new QLineEdit(page);
    m_kind = new QComboBox(page);
    for (const EndpointKind kind : allEndpointKinds())
        m_kind->addItem(endpointKindTitle(kind), endpointKindName(kind));
    m_url = new QLineEdit(page);
    m_detect = new QPushButton(tr("Detect"), page);
    m_detect->setToolTip(tr("Ask the server at this URL what it is, and set the kind"));
    m_template = new TemplateEditor(page);
    m_replaySpeed = new QDoubleSpinBox(page);
    m_replaySpeed->setRange(0, 100);
    m_replaySpeed->setSingleStep(0.5);
    m_replaySpeed->setPrefix(QStringLiteral("× "));
    m_replaySpeed->setSpecialValueText(tr("at once"));
    m_replaySpeed->setToolTip(tr("How much faster than recorded the answers come: 1 is the original pace"));
    m_secret = new QLineEdit(page);
    m_secret->setEchoMode(QLineEdit::Password);
    m_add = new QPushButton(tr("Add"), page);
    m_remove = new QPushButton(tr("Remove"), page);
    m_test = new QPushButton(tr("Test connection"), page);
    m_testResult = new QLabel(page);
    m_testResult->setWordWrap(true);
    m_testResult->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_testResult->setAccessibleName(tr("Connection test result"));
    m_profiles->setAccessibleName(tr("Endpoint profiles"));
    m_url->setAccessibleName(tr("Base URL"));

    auto *form = m_profileForm = new QFormLayout;
    form->addRow(tr("Name:"), m_name);
    form->addRow(tr("Kind:"), m_kind);
    auto *urlRow = new QHBoxLayout;
    urlRow->addWidget(m_url, 1);
    urlRow->addWidget(m_detect);
    form->addRow(tr("Base URL:"), urlRow);
    form->addRow(tr("Key or token:"), m_secret);
    //: Replay: answers played back from the recorded history instead of the network
    form->addRow(tr("Replay speed:"), m_replaySpeed);
    form->addRow(m_test);
    form->addRow(m_testResult);
    form->addRow(m_template);
    auto *listButtons = new QHBoxLayout;
    listButtons->addWidget(m_add);
    listButtons->addWidget(m_remove);
    auto *left = new QVBoxLayout;
    left->addWidget(m_profiles);
    left->addLayout(listButtons);
    auto *layout = new QHBoxLayout(page);
    layout->addLayout(left, 1);
    layout->addLayout(form, 2);

    connect(m_profiles, &QListWidget::currentRowChanged, this, [this](int row) {
        storeProfile();
        loadProfile(row);
    });
    connect(m_add, &QPushButton::clicked, this, [this] {
        storeProfile();
        QString name = tr("New endpoint");
        for (int n = 2; std::any_of(m_settings.profiles.cbegin(), m_settings.profiles.cend(),
                                    [&name](const Endpoint &e) { return e.name == name; });
             ++n)
            name = tr("New endpoint %1").arg(n);
        m_settings.profiles.append(Endpoint{name, EndpointKind::Proxy, Endpoint::defaultProxyUrl()});
        m_storedNames << QString();
        m_profiles->addItem(name);
        m_profiles->setCurrentRow(m_profiles->count() - 1);
        m_name->setFocus();
        m_name->selectAll();
    });
    connect(m_remove, &QPushButton::clicked, this, [this] {
        const int row = m_profiles->currentRow();
        if (row < 0 || m_settings.profiles.size() <= 1)
            return;
        m_row = -1; // nothing to store for the removed row
        if (!m_storedNames.at(row).isEmpty())
            m_removedNames << m_storedNames.at(row);
        m_newSecrets.remove(m_settings.profiles.at(row).name);
        m_settings.profileRequests.remove(m_settings.profiles.at(row).name);
        m_settings.contextBudgets.remove(m_settings.profiles.at(row).name);
        m_storedNames.removeAt(row);
        m_settings.profiles.removeAt(row);
        delete m_profiles->takeItem(row);
        loadProfile(m_profiles->currentRow());
    });
    connect(m_name, &QLineEdit::textEdited, this, [this](const QString &text) {
        if (QListWidgetItem *item = m_profiles->currentItem())
            item->setText(text);
    });
    connect(m_test, &QPushButton::clicked, this, &SettingsDialog::testConnection);
    connect(m_detect, &QPushButton::clicked, this, &SettingsDialog::detectKind);
    connect(m_kind, &QComboBox::currentIndexChanged, this, [this] {
        const auto kind = endpointKindFromName(m_kind->currentData().toString());
        if (!kind || m_row < 0)
            return;
        // A URL still at the old kind's default moves to the new kind's.
        for (const EndpointKind other : allEndpointKinds())
            if (other != *kind && QUrl(m_url->text().trimmed()) == Endpoint::defaultUrl(other))
                m_url->setText(Endpoint::defaultUrl(*kind).toString());
        m_template->setKind(*kind);
        showKindRows(*kind);
    });
    const int active = int(std::find_if(m_settings.profiles.cbegin(), m_settings.profiles.cend(),
                                        [this](const Endpoint &e) { return e.name == m_settings.activeProfile; })
                           - m_settings.profiles.cbegin());
    m_profiles->setCurrentRow(active < m_settings.profiles.size() ? active : 0);
    return page;
}

QWidget *SettingsDialog::makeNetworkPage()
{
    auto *page = new QWidget(this);
    auto makeSeconds = [page](int min, int max, int ms) {
        auto *spin = new QSpinBox(page);
        spin->setRange(min, max);
        spin->setSuffix(tr(" s"));
        spin->setValue(std::clamp(ms / 1000, min, max));
        return spin;
    };
    m_healthInterval = makeSeconds(1, 3600, m_settings.healthIntervalMs);
    const ClientTimeouts &t = m_settings.timeouts;
    m_timeouts = {makeSeconds(1, 120, t.connectMs), makeSeconds(1, 600, t.firstByteMs), makeSeconds(1, 600, t.idleMs),
                  makeSeconds(1, 3600, t.totalMs)};
    auto *form = new QFormLayout(page);
    form->addRow(tr("Health check every:"), m_healthInterval);
    form->addRow(tr("Connect timeout:"), m_timeouts[0]);
    form->addRow(tr("First byte timeout:"), m_timeouts[1]);
    form->addRow(tr("Idle timeout (silence mid-answer):"), m_timeouts[2]);
    form->addRow(tr("Total timeout:"), m_timeouts[3]);
    return page;
}

void SettingsDialog::loadProfile(int row)
{
    m_row = row;
    const bool valid = row >= 0 && row < m_settings.profiles.size();
    for (QWidget *w : std::initializer_list<QWidget *>{m_name, m_kind, m_url, m_detect, m_secret, m_test, m_remove, m_template})
        w->setEnabled(valid);
    if (!valid)
        return;
    const Endpoint &e = m_settings.profiles.at(row);
    m_name->setText(e.name);
    m_url->setText(e.baseUrl.toString());
    {
        const QSignalBlocker block(m_kind);
        m_kind->setCurrentIndex(m_kind->findData(endpointKindName(e.kind)));
    }
    m_template->load(e, m_settings.requestFor(e.name).model);
    m_replaySpeed->setValue(e.replaySpeed);
    showKindRows(e.kind);
    m_secret->setText(m_newSecrets.value(e.name));
    const QString env = e.secretEnvironmentVariable();
    m_secret->setPlaceholderText(!qEnvironmentVariableIsEmpty(env.toLatin1().constData())
                                     ? tr("from $%1 (overrides the keychain)").arg(env)
                                     : tr("kept in the system keychain; empty keeps the stored one"));
    m_testResult->clear();
}

void SettingsDialog::storeProfile()
{
    if (m_row < 0 || m_row >= m_settings.profiles.size())
        return;
    Endpoint &e = m_settings.profiles[m_row];
    const QString oldName = e.name;
    e = formEndpoint();
    if (oldName != e.name && m_newSecrets.contains(oldName))
        m_newSecrets.insert(e.name, m_newSecrets.take(oldName));
    if (oldName != e.name && m_settings.profileRequests.contains(oldName)) // its model and parameters go along
        m_settings.profileRequests.insert(e.name, m_settings.profileRequests.take(oldName));
    if (oldName != e.name && m_settings.contextBudgets.contains(oldName)) // and its context budget
        m_settings.contextBudgets.insert(e.name, m_settings.contextBudgets.take(oldName));
    if (!m_secret->text().isEmpty())
        m_newSecrets.insert(e.name, m_secret->text());
    if (m_settings.activeProfile == oldName)
        m_settings.activeProfile = e.name;
}

Endpoint SettingsDialog::formEndpoint() const
{
    Endpoint e(m_name->text().trimmed(),
               endpointKindFromName(m_kind->currentData().toString()).value_or(EndpointKind::Proxy),
               QUrl(m_url->text().trimmed(), QUrl::StrictMode));
    m_template->store(e);
    e.replaySpeed = m_replaySpeed->value();
    return e;
}

void SettingsDialog::showKindRows(EndpointKind kind)
{
    // A replay has no key and no server to test; only it has a speed.
    const bool replay = kind == EndpointKind::Replay;
    m_profileForm->setRowVisible(m_replaySpeed, replay);
    m_profileForm->setRowVisible(m_secret, !replay);
}

QString SettingsDialog::validationError()
{
    storeProfile();
    QStringList names;
    for (const Endpoint &e : std::as_const(m_settings.profiles)) {
        if (e.name.isEmpty())
            return tr("Every endpoint needs a name.");
        if (names.contains(e.name))
            return tr("Two endpoints are called \"%1\".").arg(e.name);
        names << e.name;
        if (const QString why = e.validationError(); !why.isEmpty())
            return tr("%1: %2").arg(e.name, why);
        if (e.promptTemplate == u"custom") {
            const FimTemplate own{QStringLiteral("custom"), {}, e.customTemplate, e.customStops};
            if (const QString why = own.validationError(); !why.isEmpty())
                return tr("%1: %2").arg(e.name, why);
        }
    }
    return {};
}

void SettingsDialog::accept()
{
    if (const QString why = validationError(); !why.isEmpty()) {
        m_error->setText(why);
        return;
    }
    m_editorPage->apply(m_settings);
    // Seconds here, milliseconds in the settings: a value the user left alone keeps its exact ms.
    auto takeSeconds = [](const QSpinBox *spin, int &ms) {
        if (spin->value() != std::clamp(ms / 1000, spin->minimum(), spin->maximum()))
            ms = spin->value() * 1000;
    };
    takeSeconds(m_healthInterval, m_settings.healthIntervalMs);
    takeSeconds(m_timeouts[0], m_settings.timeouts.connectMs);
    takeSeconds(m_timeouts[1], m_settings.timeouts.firstByteMs);
    takeSeconds(m_timeouts[2], m_settings.timeouts.idleMs);
    takeSeconds(m_timeouts[3], m_settings.timeouts.totalMs);
    if (m_storing) // OK again while the keychain is still answering
        return;
    setStoring(true);
    storeSecrets(); // accepts once the keys typed here are stored, or kept for the session
}

void SettingsDialog::reject()
{
    if (m_storing)
        return;
    QDialog::reject();
}

void SettingsDialog::setStoring(bool storing)
{
    m_storing = storing;
    if (QPushButton *cancel = m_buttons->button(QDialogButtonBox::Cancel))
        cancel->setEnabled(!storing);
    if (storing)
        m_error->setText(tr("Storing the keys in the system keychain…"));
}

void SettingsDialog::storeSecrets()
{
    // The callbacks outlive the dialog: they report through the context, which stays.
    AppContext *context = m_context;
    SecretStore *secrets = m_context->secrets();
    auto report = [context](const QString &what) {
        return [context, what](const QString &error) {
            if (!error.isEmpty())
                context->reportProblem(what.arg(error));
        };
    };
    for (const QString &name : std::as_const(m_removedNames)) {
        if (std::none_of(m_settings.profiles.cbegin(), m_settings.profiles.cend(), [&name](const Endpoint &e) { return e.name == name; }))
            secrets->remove(name, context, report(tr("The secret of the removed endpoint \"%1\" was not deleted: %2").arg(name, QStringLiteral("%1"))));
    }
    // The keys typed here are written first, and the dialog closes once the keychain has answered
    // for each: one it refuses is said now, with the offer to keep it for this session only.
    auto pending = std::make_shared<int>(1);
    auto refused = std::make_shared<QStringList>();
    auto settle = [this, pending, refused] {
        if (--*pending == 0)
            secretsSettled(*refused);
    };
    for (qsizetype row = 0; row < m_settings.profiles.size(); ++row) {
        const QString &stored = m_storedNames.at(row);
        const QString &name = m_settings.profiles.at(row).name;
        if (m_newSecrets.contains(name)) {
            ++*pending;
            secrets->write(name, m_newSecrets.value(name), this, [name, refused, settle](const QString &error) {
                if (!error.isEmpty())
                    *refused << name << error;
                settle();
            });
            if (!stored.isEmpty() && stored != name)
                secrets->remove(stored, context, report(tr("The old secret of \"%1\" was not deleted: %2").arg(name, QStringLiteral("%1"))));
        } else if (!stored.isEmpty() && stored != name) {
            secrets->rename(stored, name, context,
                            report(tr("The secret of \"%1\" did not move to \"%2\": %3").arg(stored, name, QStringLiteral("%1"))));
        }
    }
    if (*pending == 1) { // nothing typed: closes at once
        setStoring(false);
        QDialog::accept();
        return;
    }
    settle();
}

void SettingsDialog::secretsSettled(const QStringList &refused)
{
    setStoring(false);
    m_error->clear();
    if (refused.isEmpty()) {
        QDialog::accept();
        return;
    }
    QStringList lines;
    for (qsizetype i = 0; i + 1 < refused.size(); i += 2)
        lines << tr("“%1”: %2").arg(refused.at(i), refused.at(i + 1));
    if (!askToKeepForSession(this, lines.join(QLatin1Char('\n')))) {
        m_error->setText(tr("Not stored in the keychain: %1").arg(lines.join(QStringLiteral("; "))));
        return;
    }
    for (qsizetype i = 0; i + 1 < refused.size(); i += 2)
        m_context->secrets()->keepForSession(refused.at(i), m_newSecrets.value(refused.at(i)));
    QDialog::accept();
}

void SettingsDialog::testConnection()
{
    storeProfile();
    const Endpoint endpoint = formEndpoint();
    if (const QString why = endpoint.validationError(); !why.isEmpty()) {
        m_testResult->setText(why);
        emit testFinished(false, why);
        return;
    }
    m_test->setEnabled(false);
    m_testResult->setText(tr("Testing %1…").arg(endpoint.baseUrl.toString()));
    if (!m_connectionTest) {
        m_connectionTest = new ConnectionTest(m_context->network(), this);
        connect(m_connectionTest, &ConnectionTest::finished, this, [this](bool ok, const QString &summary) {
            m_test->setEnabled(true);
            m_testResult->setText(summary);
            emit testFinished(ok, summary);
        });
    }
    const QString model = m_settings.requestFor(endpoint.name).model;
    const QString typed = m_secret->text();
    if (!typed.isEmpty())
        m_connectionTest->start(endpoint, typed, model);
    else
        m_context->secrets()->read(endpoint, this, [this, endpoint, model](const QString &secret, const QString &) {
            m_connectionTest->start(endpoint, secret, model);
        });
}

void SettingsDialog::detectKind()
{
    if (!m_detector) {
        m_detector = new EndpointDetector(m_context->network(), this);
        connect(m_detector, &EndpointDetector::detected, this, [this](const QUrl &, EndpointKind kind, const QString &what) {
            m_detect->setEnabled(true);
            m_kind->setCurrentIndex(m_kind->findData(endpointKindName(kind)));
            m_testResult->setText(tr("Found %1: kind set to %2.").arg(what, endpointKindTitle(kind)));
        });
        connect(m_detector, &EndpointDetector::failed, this, [this](const QUrl &, const QString &reason) {
            m_detect->setEnabled(true);
            m_testResult->setText(reason);
        });
    }
    m_detect->setEnabled(false);
    m_testResult->setText(tr("Asking %1 what it is…").arg(m_url->text().trimmed()));
    m_detector->probe(QUrl(m_url->text().trimmed(), QUrl::StrictMode));
}
