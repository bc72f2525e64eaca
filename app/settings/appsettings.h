#pragma once

#include "completion/contextextractor.h"
#include "completion/suggestionconfidence.h"
#include "completion/variant.h"
#include "net/fimclient.h"
#include "wire/endpoint.h"
#include "wire/fimrequest.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QStringList>

// Everything the playground remembers between runs, as plain values. No secrets: those live in
// the keychain (SecretStore). Read and written by SettingsStore.
struct AppSettings
{
    QList<Endpoint> profiles;
    QString activeProfile;
    FimRequest request; // the parameters last used (model, max_tokens, ...); prompt and suffix unused
    // Each profile's own model and parameters, by profile name: switching profile switches them.
    QHash<QString, FimRequest> profileRequests;
    // Each profile's budget of extra context in tokens (the Context panel's), by profile name;
    // a profile without one has 1,024 (ContextChoice::DefaultBudget).
    QHash<QString, int> contextBudgets;
    static constexpr int DefaultContextBudget = 1024;
    int contextBudgetFor(const QString &profile) const { return contextBudgets.value(profile, DefaultContextBudget); }
    // The Compare view's saved variants, in the order the user made them.
    QList<Variant> variants;

    int debounceMs = 350;         // the fixed debounce, and the adaptive one's start
    bool adaptiveDebounce = true; // learn the wait from the typing rhythm and the latency
    int debounceMinMs = 100;      // the adaptive debounce's bounds
    int debounceMaxMs = 1000;
    bool autoTrigger = true;
    bool prefetchNext = true;     // ask ahead for what follows the suggestion on screen
    bool shadeSentWindow = true; // fade the text outside the window of the last request
    // Token probabilities, where the server gives them: shade the ghost text by them (View ▸ Show
    // Confidence), drop suggestions below a probability (0: off).
    SuggestionConfidence confidence;
    int candidateCount = 3;      // Alt+Space asks for this many
    bool historyEnabled = true;  // every exchange into history.sqlite
    QString lastSuite;           // the prompt suite last saved to or run (suite/last)
    int historyMaxRows = 20000;  // the oldest go past this
    ContextLimits limits;
    QString theme;       // empty: follow the palette
    QString fontFamily;  // empty: the system's fixed font
    int fontSize = 0;    // 0: the system's
    int healthIntervalMs = 30000;
    bool localServersProbed = false; // a start found Ollama or llama-server on this machine and offered it
    ClientTimeouts timeouts;

    QStringList recentFiles;
    QByteArray windowGeometry;
    QByteArray windowState;
    QByteArray latencySplit;   // the latency panel's plot/table splitter
    QByteArray inspectorSplit; // the inspector's request/answer splitter

    // The profiles a first start offers: the local proxy wrangler dev serves, and Codestral.
    static QList<Endpoint> defaultProfiles();
    const Endpoint *activeEndpoint() const;
    // The profile's parameters, or the last used ones for a profile that has none yet.
    FimRequest requestFor(const QString &profile) const;
    void addRecentFile(const QString &path);
};

// Reads and writes AppSettings in an INI file, by default
// $XDG_CONFIG_HOME/fim-playground/settings.conf.
class SettingsStore
{
public:
    explicit SettingsStore(QString path = defaultPath());
    static QString defaultPath();
    const QString &path() const { return m_path; }

    AppSettings load() const;
    // Returns false, with the reason in *error, when the file could not be written.
    bool save(const AppSettings &settings, QString *error = nullptr) const;

private:
    QString m_path;
};
