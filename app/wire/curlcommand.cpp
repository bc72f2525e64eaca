#include "wire/curlcommand.h"

namespace {
// Single-quoted for POSIX shells: a ' inside becomes '\''.
QString shellQuote(const QString &s)
{
    QString out = s;
    out.replace(QLatin1Char('\''), QStringLiteral("'\\''"));
    return QLatin1Char('\'') + out + QLatin1Char('\'');
}
} // namespace

QString curlCommand(const Endpoint &endpoint, const QUrl &url, const QByteArray &jsonBody, bool withAuthorization, bool stream)
{
    QStringList parts{QStringLiteral("curl -sS")};
    if (stream)
        parts << QStringLiteral("-N");
    parts << shellQuote(url.toString());
    parts << QStringLiteral("-H 'Content-Type: application/json'");
    if (withAuthorization)
        parts << QStringLiteral("-H \"Authorization: Bearer $%1\"").arg(endpoint.secretEnvironmentVariable());
    parts << QStringLiteral("--data-binary ") + shellQuote(QString::fromUtf8(jsonBody));
    return parts.join(QStringLiteral(" \\\n  "));
}
