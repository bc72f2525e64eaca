#include "wire/errorparser.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace {

constexpr qsizetype MaxMessageChars = 300;

// Messages under the context "ErrorParser"; lupdate reads it from here.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(ErrorParser)
};

QString shortened(QString text)
{
    text = text.simplified();
    if (text.size() > MaxMessageChars)
        text = text.left(MaxMessageChars - 1) + QChar(0x2026);
    return text;
}

QString messageFromJson(const QJsonValue &value, int depth);

// FastAPI-style validation details: [{"loc":["body","prompt"],"msg":"field required"}, ...]
QString messageFromDetailList(const QJsonArray &details)
{
    QStringList parts;
    for (const QJsonValue &item : details) {
        const QJsonObject o = item.toObject();
        QStringList loc;
        for (const QJsonValue &l : o.value(u"loc").toArray()) {
            const QString s = l.isString() ? l.toString() : QString::number(l.toInteger());
            if (s != u"body")
                loc << s;
        }
        const QString msg = o.value(u"msg").toString(o.value(u"message").toString());
        if (msg.isEmpty())
            continue;
        parts << (loc.isEmpty() ? msg : loc.join(QLatin1Char('.')) + QStringLiteral(": ") + msg);
    }
    return parts.join(QStringLiteral("; "));
}

QString messageFromString(const QString &text, int depth)
{
    // The seed proxy wraps upstream errors as "Codestral API error: <upstream body>".
    static const QRegularExpression wrapped(QStringLiteral("^(.*?error:)\\s*(\\{.*\\})\\s*$"),
                                            QRegularExpression::DotMatchesEverythingOption);
    const QRegularExpressionMatch m = wrapped.match(text);
    if (m.hasMatch() && depth < 4) {
        const QJsonDocument inner = QJsonDocument::fromJson(m.captured(2).toUtf8());
        if (!inner.isNull()) {
            const QString innerMessage = messageFromJson(inner.isObject() ? QJsonValue(inner.object())
                                                                          : QJsonValue(inner.array()),
                                                         depth + 1);
            if (!innerMessage.isEmpty())
                return innerMessage;
        }
    }
    return text;
}

QString messageFromJson(const QJsonValue &value, int depth)
{
    if (value.isString())
        return messageFromString(value.toString(), depth);
    if (value.isArray())
        return messageFromDetailList(value.toArray());
    if (!value.isObject())
        return {};
    const QJsonObject o = value.toObject();
    // {"error": {"message": ...}} (seed proxy, OpenAI style) or {"error": "..."}
    if (o.contains(u"error")) {
        const QString m = messageFromJson(o.value(u"error"), depth + 1);
        if (!m.isEmpty())
            return m;
    }
    // {"message": "..."} (Mistral 401/429, {"object":"error",...})
    if (o.value(u"message").isString() && !o.value(u"message").toString().isEmpty())
        return messageFromString(o.value(u"message").toString(), depth);
    // {"detail": "..."} or {"detail": [...]}
    if (o.contains(u"detail"))
        return messageFromJson(o.value(u"detail"), depth + 1);
    return {};
}

QString plainText(QByteArrayView body)
{
    QString text = QString::fromUtf8(body.first(std::min<qsizetype>(body.size(), 4096)));
    static const QRegularExpression tags(QStringLiteral("<[^>]*>"));
    static const QRegularExpression headBlocks(QStringLiteral("<(script|style|head)[^>]*>.*?</\\1>"),
                                               QRegularExpression::DotMatchesEverythingOption
                                                   | QRegularExpression::CaseInsensitiveOption);
    if (text.contains(QLatin1Char('<'))) {
        text.remove(headBlocks);
        text.replace(tags, QStringLiteral(" "));
    }
    return text.simplified();
}

} // namespace

namespace ErrorParser {

QString serverMessage(QByteArrayView body)
{
    if (body.trimmed().isEmpty())
        return {};
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(body.toByteArray(), &error);
    if (error.error == QJsonParseError::NoError) {
        const QString m = doc.isObject() ? messageFromJson(doc.object(), 0)
                                         : doc.isArray() ? messageFromJson(doc.array(), 0) : QString();
        return shortened(m);
    }
    return shortened(plainText(body));
}

std::optional<int> parseRetryAfter(QByteArrayView value, const QDateTime &now)
{
    const QByteArray v = value.trimmed().toByteArray();
    if (v.isEmpty())
        return std::nullopt;
    bool ok = false;
    const double seconds = v.toDouble(&ok);
    if (ok && seconds >= 0)
        return int(std::min(seconds + 0.999, 86400.0 * 7));
    // HTTP dates end in "GMT", which Qt's RFC 2822 parser wants as a numeric offset.
    QString date = QString::fromLatin1(v);
    if (date.endsWith(u" GMT") || date.endsWith(u" UTC"))
        date = date.chopped(4) + QStringLiteral(" +0000");
    const QDateTime when = QDateTime::fromString(date, Qt::RFC2822Date);
    if (when.isValid())
        return int(std::clamp<qint64>(now.secsTo(when), 0, 86400 * 7));
    return std::nullopt;
}

FimError fromHttp(int status, QByteArrayView body, QByteArrayView retryAfter, const QString &host,
                  const QDateTime &now)
{
    FimError e;
    e.httpStatus = status;
    e.retryAfterSeconds = parseRetryAfter(retryAfter, now);
    const QString said = serverMessage(body);
    const QString server = said.isEmpty() ? QString() : QStringLiteral(" (") + said + QLatin1Char(')');

    if (status == 401 || status == 403) {
        e.kind = FimError::Kind::Auth;
        if (host.endsWith(u"mistral.ai")) {
            e.message = Tr::tr("Invalid API key for %1%2. Check the key in Settings or CODESTRAL_API_KEY; "
                               "keys for codestral.mistral.ai and api.mistral.ai are not interchangeable.")
                            .arg(host, server);
        } else {
            e.message = Tr::tr("%1 refused the request as unauthorized (HTTP %2)%3. Set the endpoint's token in "
                               "Settings or FIM_PROXY_TOKEN.")
                            .arg(host)
                            .arg(status)
                            .arg(server);
        }
    } else if (status == 429) {
        e.kind = FimError::Kind::RateLimited;
        e.message = e.retryAfterSeconds
            ? Tr::tr("Rate limit reached at %1%2. Try again in %3 s.").arg(host, server).arg(*e.retryAfterSeconds)
            : Tr::tr("Rate limit reached at %1%2. Wait a moment before the next request.").arg(host, server);
    } else if (status == 400 || status == 422) {
        e.kind = FimError::Kind::Invalid;
        e.message = Tr::tr("%1 refused the request's parameters (HTTP %2)%3. Check the request parameters.")
                        .arg(host)
                        .arg(status)
                        .arg(server);
    } else if (status == 413) {
        e.kind = FimError::Kind::Invalid;
        e.message = Tr::tr("The request is too large for %1 (HTTP 413)%2. Lower the context limits in Settings.")
                        .arg(host, server);
    } else if (status == 404) {
        e.kind = FimError::Kind::Http;
        e.message = Tr::tr("Not found at %1 (HTTP 404)%2. Check the endpoint's URL and kind.").arg(host, server);
    } else if (status >= 500) {
        e.kind = FimError::Kind::Http;
        e.message = status == 504 ? Tr::tr("%1 timed out waiting for the model (HTTP 504)%2. Try again.").arg(host, server)
                                  : Tr::tr("Server error at %1 (HTTP %2)%3. Try again later.")
                                        .arg(host)
                                        .arg(status)
                                        .arg(server);
    } else {
        e.kind = FimError::Kind::Http;
        e.message = Tr::tr("%1 answered HTTP %2%3.").arg(host).arg(status).arg(server);
    }
    return e;
}

} // namespace ErrorParser
