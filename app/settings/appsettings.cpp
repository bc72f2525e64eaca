#include "settings/appsettings.h"

#include <QDir>
#include <QFileInfo>
#include <QCoreApplication>
#include <QSettings>
#include <QStandardPaths>

QList<Endpoint> AppSettings::defaultProfiles()
{
    return {Endpoint{QStringLiteral("Local proxy"), EndpointKind::Proxy, Endpoint::defaultProxyUrl()},
            Endpoint{QStringLiteral("Codestral"), EndpointKind::Codestral, Endpoint::defaultCodestralUrl()},
            Endpoint{QStringLiteral("Replay (history)"), EndpointKind::Replay, Endpoint::defaultUrl(EndpointKind::Replay)}};
}

const Endpoint *AppSettings::activeEndpoint() const
{
    for (const Endpoint &e : profiles)
        if (e.name == activeProfile)
            return &e;
    return profiles.isEmpty() ? nullptr : &profiles.constFirst();
}

FimRequest AppSettings::requestFor(const QString &profile) const
{
    return profileRequests.value(profile, request);
}

void AppSettings::addRecentFile(const QString &path)
{
    recentFiles.removeAll(path);
    recentFiles.prepend(path);
    while (recentFiles.size() > 10)
        recentFiles.removeLast();
}

SettingsStore::SettingsStore(QString path)
    : m_path(std::move(path))
{
}

QString SettingsStore::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation)
        + QStringLiteral("/fim-playground/settings.conf");
}

namespace {

template<typename T>
void readOptional(const QSettings &s, const QString &key, std::optional<T> &target)
{
    if (!s.contains(key))
        return;
    bool ok = false;
    const QVariant v = s.value(key);
    if constexpr (std::is_same_v<T, double>)
        target = v.toDouble(&ok);
    else if constexpr (std::is_same_v<T, qint64>)
        target = v.toLongLong(&ok);
    else
        target = v.toInt(&ok);
    if (!ok)
        target.reset();
}

template<typename T>
void writeOptional(QSettings &s, const QString &key, const std::optional<T> &value)
{
    // Unset is written as an empty value, not left out: a missing key reads as the default.
    if (value)
        s.setValue(key, *value);
    else
        s.setValue(key, QString());
}

// A request's parameters (not prompt and suffix) under a key prefix: "request/" for the last used,
// "profiles/N/request/" for a profile's own.
FimRequest readRequest(const QSettings &s, const QString &prefix, const FimRequest &defaults)
{
    FimRequest r = defaults;
    r.model = s.value(prefix + QStringLiteral("model"), defaults.model).toString();
    readOptional(s, prefix + QStringLiteral("max_tokens"), r.maxTokens);
    readOptional(s, prefix + QStringLiteral("min_tokens"), r.minTokens);
    readOptional(s, prefix + QStringLiteral("temperature"), r.temperature);
    readOptional(s, prefix + QStringLiteral("top_p"), r.topP);
    readOptional(s, prefix + QStringLiteral("random_seed"), r.randomSeed);
    if (s.contains(prefix + QStringLiteral("stop")))
        r.stop = s.value(prefix + QStringLiteral("stop")).toStringList();
    r.stream = s.value(prefix + QStringLiteral("stream"), defaults.stream).toBool();
    return r;
}

void writeRequest(QSettings &s, const QString &prefix, const FimRequest &r)
{
    s.setValue(prefix + QStringLiteral("model"), r.model);
    writeOptional(s, prefix + QStringLiteral("max_tokens"), r.maxTokens);
    writeOptional(s, prefix + QStringLiteral("min_tokens"), r.minTokens);
    writeOptional(s, prefix + QStringLiteral("temperature"), r.temperature);
    writeOptional(s, prefix + QStringLiteral("top_p"), r.topP);
    writeOptional(s, prefix + QStringLiteral("random_seed"), r.randomSeed);
    s.setValue(prefix + QStringLiteral("stop"), r.stop);
    s.setValue(prefix + QStringLiteral("stream"), r.stream);
}

} // namespace

AppSettings SettingsStore::load() const
{
    AppSettings out;
    const QSettings s(m_path, QSettings::IniFormat);
    const int count = s.value(QStringLiteral("profiles/size"), -1).toInt();
    if (count < 0) {
        out.profiles = AppSettings::defaultProfiles();
    } else {
        for (int i = 0; i < count; ++i) {
            const QString p = QStringLiteral("profiles/%1/").arg(i);
            Endpoint e;
            e.name = s.value(p + QStringLiteral("name")).toString();
            e.kind = endpointKindFromName(s.value(p + QStringLiteral("kind")).toString()).value_or(EndpointKind::Proxy);
            e.baseUrl = QUrl(s.value(p + QStringLiteral("url")).toString());
            e.promptTemplate = s.value(p + QStringLiteral("template")).toString();
            e.customTemplate = s.value(p + QStringLiteral("custom_template")).toString();
            e.customStops = s.value(p + QStringLiteral("custom_stop")).toStringList();
            e.replaySpeed = std::clamp(s.value(p + QStringLiteral("replay_speed"), 1.0).toDouble(), 0.0, 100.0);
            if (!e.name.isEmpty())
                out.profiles.append(e);
        }
    }
    out.activeProfile = s.value(QStringLiteral("profiles/active"), out.profiles.value(0).name).toString();

    FimRequest defaults;
    defaults.maxTokens = FimRequest::DefaultMaxTokens;
    defaults.temperature = 0.2;
    defaults.stream = true;
    // Settings files from before "default" existed for temperature have it unset: keep 0.2 then.
    out.request = readRequest(s, QStringLiteral("request/"), defaults);
    if (count >= 0) {
        for (int i = 0; i < count; ++i) {
            const QString p = QStringLiteral("profiles/%1/").arg(i);
            const QString name = s.value(p + QStringLiteral("name")).toString();
            if (!name.isEmpty() && s.contains(p + QStringLiteral("request/model")))
                out.profileRequests.insert(name, readRequest(s, p + QStringLiteral("request/"), out.request));
            if (!name.isEmpty() && s.contains(p + QStringLiteral("context_budget")))
                out.contextBudgets.insert(name, std::clamp(s.value(p + QStringLiteral("context_budget")).toInt(), 0, 131072));
        }
    }

    const int variantCount = s.value(QStringLiteral("variants/size"), 0).toInt();
    for (int i = 0; i < variantCount; ++i) {
        const QString p = QStringLiteral("variants/%1/").arg(i);
        Variant v{s.value(p + QStringLiteral("name")).toString(), s.value(p + QStringLiteral("profile")).toString(),
                  readRequest(s, p + QStringLiteral("request/"), out.request), QUrl(s.value(p + QStringLiteral("url")).toString()),
                  s.value(p + QStringLiteral("kind")).toString()};
        v.context = ExtraContext::scopeFromKey(s.value(p + QStringLiteral("context")).toString());
        if (!v.name.isEmpty())
            out.variants.append(v);
    }

    // Not "general/…": QSettings writes a group of that name as an ini file's [%General] section and
    // reads it back as "General/…", so the look for local servers (and a settings write) came at
    // every start.
    out.localServersProbed = s.value(QStringLiteral("startup/local_servers_probed"),
                                     s.value(QStringLiteral("General/local_servers_probed"), false)) // as it was written
                                 .toBool();
    out.debounceMs = std::clamp(s.value(QStringLiteral("editor/debounce_ms"), out.debounceMs).toInt(), 0, 5000);
    out.adaptiveDebounce = s.value(QStringLiteral("editor/debounce_mode"), QStringLiteral("adaptive")).toString() != u"fixed";
    out.debounceMinMs = std::clamp(s.value(QStringLiteral("editor/debounce_min_ms"), out.debounceMinMs).toInt(), 0, 5000);
    out.debounceMaxMs = std::clamp(s.value(QStringLiteral("editor/debounce_max_ms"), out.debounceMaxMs).toInt(), out.debounceMinMs, 5000);
    out.autoTrigger = s.value(QStringLiteral("editor/auto_trigger"), out.autoTrigger).toBool();
    out.prefetchNext = s.value(QStringLiteral("editor/prefetch_next"), out.prefetchNext).toBool();
    out.historyEnabled = s.value(QStringLiteral("history/enabled"), out.historyEnabled).toBool();
    out.lastSuite = s.value(QStringLiteral("suite/last")).toString();
    out.historyMaxRows = std::max(100, s.value(QStringLiteral("history/max_rows"), out.historyMaxRows).toInt());
    out.shadeSentWindow = s.value(QStringLiteral("editor/shade_sent_window"), out.shadeSentWindow).toBool();
    out.confidence.show = s.value(QStringLiteral("editor/show_confidence"), out.confidence.show).toBool();
    out.confidence.hideBelow = std::clamp(s.value(QStringLiteral("editor/hide_below_p"), 0.0).toDouble(), 0.0, 1.0);
    out.candidateCount = std::clamp(s.value(QStringLiteral("request/candidates"), out.candidateCount).toInt(), 1, 5);
    out.limits.maxPrefixChars = s.value(QStringLiteral("context/max_prefix_chars"), out.limits.maxPrefixChars).toInt();
    out.limits.maxSuffixChars = s.value(QStringLiteral("context/max_suffix_chars"), out.limits.maxSuffixChars).toInt();
    out.limits.maxPrefixLines = s.value(QStringLiteral("context/max_prefix_lines"), out.limits.maxPrefixLines).toInt();
    out.limits.maxSuffixLines = s.value(QStringLiteral("context/max_suffix_lines"), out.limits.maxSuffixLines).toInt();
    out.theme = s.value(QStringLiteral("editor/theme")).toString();
    out.fontFamily = s.value(QStringLiteral("editor/font_family")).toString();
    out.fontSize = s.value(QStringLiteral("editor/font_size"), 0).toInt();
    out.healthIntervalMs = std::max(1000, s.value(QStringLiteral("network/health_interval_ms"), out.healthIntervalMs).toInt());
    out.timeouts.connectMs = s.value(QStringLiteral("network/connect_timeout_ms"), out.timeouts.connectMs).toInt();
    out.timeouts.firstByteMs = s.value(QStringLiteral("network/first_byte_timeout_ms"), out.timeouts.firstByteMs).toInt();
    out.timeouts.idleMs = s.value(QStringLiteral("network/idle_timeout_ms"), out.timeouts.idleMs).toInt();
    out.timeouts.totalMs = s.value(QStringLiteral("network/total_timeout_ms"), out.timeouts.totalMs).toInt();

    out.recentFiles = s.value(QStringLiteral("files/recent")).toStringList();
    out.windowGeometry = s.value(QStringLiteral("window/geometry")).toByteArray();
    out.windowState = s.value(QStringLiteral("window/state")).toByteArray();
    out.latencySplit = s.value(QStringLiteral("window/latency_split")).toByteArray();
    out.inspectorSplit = s.value(QStringLiteral("window/inspector_split")).toByteArray();
    return out;
}

bool SettingsStore::save(const AppSettings &in, QString *error) const
{
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    QSettings s(m_path, QSettings::IniFormat);
    s.remove(QStringLiteral("profiles"));
    s.setValue(QStringLiteral("profiles/size"), in.profiles.size());
    for (qsizetype i = 0; i < in.profiles.size(); ++i) {
        const QString p = QStringLiteral("profiles/%1/").arg(i);
        s.setValue(p + QStringLiteral("name"), in.profiles[i].name);
        s.setValue(p + QStringLiteral("kind"), endpointKindName(in.profiles[i].kind));
        s.setValue(p + QStringLiteral("url"), in.profiles[i].baseUrl.toString());
        s.setValue(p + QStringLiteral("template"), in.profiles[i].promptTemplate);
        if (in.profiles[i].kind == EndpointKind::Replay)
            s.setValue(p + QStringLiteral("replay_speed"), in.profiles[i].replaySpeed);
        if (!in.profiles[i].customTemplate.isEmpty()) {
            s.setValue(p + QStringLiteral("custom_template"), in.profiles[i].customTemplate);
            s.setValue(p + QStringLiteral("custom_stop"), in.profiles[i].customStops);
        }
    }
    s.setValue(QStringLiteral("profiles/active"), in.activeProfile);

    writeRequest(s, QStringLiteral("request/"), in.request);
    for (qsizetype i = 0; i < in.profiles.size(); ++i) {
        if (const auto it = in.profileRequests.constFind(in.profiles[i].name); it != in.profileRequests.cend())
            writeRequest(s, QStringLiteral("profiles/%1/request/").arg(i), *it);
        if (const auto it = in.contextBudgets.constFind(in.profiles[i].name); it != in.contextBudgets.cend())
            s.setValue(QStringLiteral("profiles/%1/context_budget").arg(i), *it);
    }

    s.remove(QStringLiteral("variants"));
    s.setValue(QStringLiteral("variants/size"), in.variants.size());
    for (qsizetype i = 0; i < in.variants.size(); ++i) {
        const QString p = QStringLiteral("variants/%1/").arg(i);
        s.setValue(p + QStringLiteral("name"), in.variants[i].name);
        s.setValue(p + QStringLiteral("profile"), in.variants[i].profile);
        if (!in.variants[i].url.isEmpty()) { // no profile of that name: the endpoint itself
            s.setValue(p + QStringLiteral("url"), in.variants[i].url.toString());
            s.setValue(p + QStringLiteral("kind"), in.variants[i].kind);
        }
        writeRequest(s, p + QStringLiteral("request/"), in.variants[i].request);
        if (in.variants[i].context)
            s.setValue(p + QStringLiteral("context"), ExtraContext::scopeKey(*in.variants[i].context));
    }

    s.remove(QStringLiteral("General")); // the old key's [%General] section
    s.setValue(QStringLiteral("startup/local_servers_probed"), in.localServersProbed);
    s.setValue(QStringLiteral("editor/debounce_ms"), in.debounceMs);
    s.setValue(QStringLiteral("editor/debounce_mode"), in.adaptiveDebounce ? QStringLiteral("adaptive") : QStringLiteral("fixed"));
    s.setValue(QStringLiteral("editor/debounce_min_ms"), in.debounceMinMs);
    s.setValue(QStringLiteral("editor/debounce_max_ms"), in.debounceMaxMs);
    s.setValue(QStringLiteral("editor/auto_trigger"), in.autoTrigger);
    s.setValue(QStringLiteral("editor/prefetch_next"), in.prefetchNext);
    s.setValue(QStringLiteral("editor/shade_sent_window"), in.shadeSentWindow);
    s.setValue(QStringLiteral("editor/show_confidence"), in.confidence.show);
    s.setValue(QStringLiteral("editor/hide_below_p"), in.confidence.hideBelow);
    s.setValue(QStringLiteral("history/enabled"), in.historyEnabled);
    s.setValue(QStringLiteral("history/max_rows"), in.historyMaxRows);
    if (!in.lastSuite.isEmpty())
        s.setValue(QStringLiteral("suite/last"), in.lastSuite);
    s.setValue(QStringLiteral("request/candidates"), in.candidateCount);
    s.setValue(QStringLiteral("context/max_prefix_chars"), in.limits.maxPrefixChars);
    s.setValue(QStringLiteral("context/max_suffix_chars"), in.limits.maxSuffixChars);
    s.setValue(QStringLiteral("context/max_prefix_lines"), in.limits.maxPrefixLines);
    s.setValue(QStringLiteral("context/max_suffix_lines"), in.limits.maxSuffixLines);
    s.setValue(QStringLiteral("editor/theme"), in.theme);
    s.setValue(QStringLiteral("editor/font_family"), in.fontFamily);
    s.setValue(QStringLiteral("editor/font_size"), in.fontSize);
    s.setValue(QStringLiteral("network/health_interval_ms"), in.healthIntervalMs);
    s.setValue(QStringLiteral("network/connect_timeout_ms"), in.timeouts.connectMs);
    s.setValue(QStringLiteral("network/first_byte_timeout_ms"), in.timeouts.firstByteMs);
    s.setValue(QStringLiteral("network/idle_timeout_ms"), in.timeouts.idleMs);
    s.setValue(QStringLiteral("network/total_timeout_ms"), in.timeouts.totalMs);

    s.setValue(QStringLiteral("files/recent"), in.recentFiles);
    s.setValue(QStringLiteral("window/geometry"), in.windowGeometry);
    s.setValue(QStringLiteral("window/state"), in.windowState);
    s.setValue(QStringLiteral("window/latency_split"), in.latencySplit);
    s.setValue(QStringLiteral("window/inspector_split"), in.inspectorSplit);
    s.sync();
    if (s.status() != QSettings::NoError) {
        if (error)
            *error = QCoreApplication::translate("SettingsStore", "Settings could not be written to %1.").arg(m_path);
        return false;
    }
    return true;
}
