#pragma once

#include "settings/appsettings.h"

#include <QDialog>
#include <QHash>

#include <array>

class AppContext;
class ConnectionTest;
class EditorSettingsPage;
class EndpointDetector;
class TemplateEditor;
class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QDoubleSpinBox;
class QFormLayout;
class QFontComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QSpinBox;

// Settings: endpoint profiles (name, kind, base URL, secret kept in the system keychain, "Test
// connection"), editor preferences (debounce, auto-trigger, context limits, theme, font) and network
// timeouts (the Editor page is EditorSettingsPage). Works on a copy of the settings; OK validates, stores secrets (a key the keychain refuses is said
// at once, with the offer to keep it for this session only; moving or removing the
// secrets of renamed or removed profiles) and hands the copy back. What the user did not touch
// stays as it was.
class SettingsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsDialog)

public:
    SettingsDialog(AppContext *context, const QStringList &themeNames, QWidget *parent = nullptr);

    const AppSettings &settings() const { return m_settings; }
    // Empty when every profile can be used; otherwise which one is wrong and why.
    QString validationError();

    // For tests and keyboard users: the profile form.
    QListWidget *profileList() const { return m_profiles; }
    QLineEdit *nameEdit() const { return m_name; }
    QComboBox *kindBox() const { return m_kind; }
    QLineEdit *urlEdit() const { return m_url; }
    QPushButton *detectButton() const { return m_detect; }
    TemplateEditor *templateEditor() const { return m_template; }
    QLineEdit *secretEdit() const { return m_secret; }
    QDoubleSpinBox *replaySpeedBox() const { return m_replaySpeed; }
    QPushButton *addButton() const { return m_add; }
    QPushButton *testButton() const { return m_test; }
    QLabel *testResult() const { return m_testResult; }
    QLabel *errorLabel() const { return m_error; }
    EditorSettingsPage *editorPage() const { return m_editorPage; }
    QPushButton *removeButton() const { return m_remove; }
    QSpinBox *timeoutBox(int index) const { return m_timeouts[index]; } // connect, first byte, idle, total

    void accept() override;
    // Refused while the keychain is storing what OK asked for: the keys are being written, renamed
    // and removed, so cancelling now would leave the keychain and the settings out of step.
    void reject() override;

signals:
    void testFinished(bool ok, const QString &summary);

private:
    QWidget *makeEndpointsPage();
    QWidget *makeNetworkPage();
    void storeSecrets();
    void setStoring(bool storing);
    // The keychain answered for every key typed here; refused: name, error, name, error, ...
    void secretsSettled(const QStringList &refused);
    void loadProfile(int row);
    void storeProfile();
    void showKindRows(EndpointKind kind);
    void testConnection();
    void detectKind();
    Endpoint formEndpoint() const;

    AppContext *m_context;
    AppSettings m_settings;
    QHash<QString, QString> m_newSecrets; // profile name -> secret typed here
    QStringList m_storedNames;            // per row: the name its secret is stored under ("" if new)
    QStringList m_removedNames;           // stored names of removed profiles
    int m_row = -1;
    bool m_storing = false; // OK was pressed; the keychain has not answered yet
    QDialogButtonBox *m_buttons = nullptr;

    QListWidget *m_profiles = nullptr;
    QLineEdit *m_name = nullptr;
    QComboBox *m_kind = nullptr;
    QLineEdit *m_url = nullptr;
    QPushButton *m_detect = nullptr;
    TemplateEditor *m_template = nullptr;
    QDoubleSpinBox *m_replaySpeed = nullptr;
    QFormLayout *m_profileForm = nullptr;
    EndpointDetector *m_detector = nullptr;
    ConnectionTest *m_connectionTest = nullptr;
    QLineEdit *m_secret = nullptr;
    QPushButton *m_add = nullptr;
    QPushButton *m_remove = nullptr;
    QPushButton *m_test = nullptr;
    QLabel *m_testResult = nullptr;
    QLabel *m_error = nullptr;

    EditorSettingsPage *m_editorPage = nullptr;
    QSpinBox *m_healthInterval = nullptr;
    std::array<QSpinBox *, 4> m_timeouts{};
};
