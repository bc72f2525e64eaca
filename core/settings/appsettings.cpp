#include "appsettings.h"

#include <QDir>
#include <QFileInfo>
#include <QCoreApplication>
#include <QSettings>
#include <QStandardPaths>

QList<Endpoint> AppSettings::defaultProfiles()
{
    return {Endpoint{QStringLiteral("Local proxy"), EndpointKind::Proxy, Endpoint::defaultProxyUrl()},
            Endpoint{QStringLiteral("Codestral"), EndpointKind::Codestral, Endpoint::defaultCodestralUrl()}};
}

const Endpoint *AppSettings::activeEndpoint() const
{
    for (const Endpoint &e : profiles)
        if (e.name == activeProfile)
            return &e;
    return profiles.isEmpty() ? nullptr : &profiles.constFirst();
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
    if (value)
        s.setValue(key, *value);
    else
        s.remove(key);
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
            if (!e.name.isEmpty())
                out.profiles.append(e);
        }
    }
    out.activeProfile = s.value(QStringLiteral("profiles/active"), out.profiles.value(0).name).toString();

    out.request.model = s.value(QStringLiteral("request/model")).toString();
    out.request.maxTokens = 128;
    out.request.temperature = 0.2;
    readOptional(s, QStringLiteral("request/max_tokens"), out.request.maxTokens);
    readOptional(s, QStringLiteral("request/min_tokens"), out.request.minTokens);
    readOptional(s, QStringLiteral("request/temperature"), out.request.temperature);
    readOptional(s, QStringLiteral("request/top_p"), out.request.topP);
    readOptional(s, QStringLiteral("request/random_seed"), out.request.randomSeed);
    out.request.stop = s.value(QStringLiteral("request/stop")).toStringList();
    out.request.stream = s.value(QStringLiteral("request/stream"), true).toBool();

    out.debounceMs = std::clamp(s.value(QStringLiteral("editor/debounce_ms"), out.debounceMs).toInt(), 0, 5000);
    out.autoTrigger = s.value(QStringLiteral("editor/auto_trigger"), out.autoTrigger).toBool();
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
    }
    s.setValue(QStringLiteral("profiles/active"), in.activeProfile);

    s.setValue(QStringLiteral("request/model"), in.request.model);
    writeOptional(s, QStringLiteral("request/max_tokens"), in.request.maxTokens);
    writeOptional(s, QStringLiteral("request/min_tokens"), in.request.minTokens);
    writeOptional(s, QStringLiteral("request/temperature"), in.request.temperature);
    writeOptional(s, QStringLiteral("request/top_p"), in.request.topP);
    writeOptional(s, QStringLiteral("request/random_seed"), in.request.randomSeed);
    s.setValue(QStringLiteral("request/stop"), in.request.stop);
    s.setValue(QStringLiteral("request/stream"), in.request.stream);

    s.setValue(QStringLiteral("editor/debounce_ms"), in.debounceMs);
    s.setValue(QStringLiteral("editor/auto_trigger"), in.autoTrigger);
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
    s.sync();
    if (s.status() != QSettings::NoError) {
        if (error)
            *error = QCoreApplication::translate("SettingsStore", "Settings could not be written to %1.").arg(m_path);
        return false;
    }
    return true;
}
