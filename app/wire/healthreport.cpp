#include "wire/healthreport.h"

#include <QJsonDocument>
#include <QJsonObject>

QString HealthReport::stateName(State state)
{
    switch (state) {
    case State::Unknown: return QStringLiteral("unknown");
    case State::Ok: return QStringLiteral("ok");
    case State::Degraded: return QStringLiteral("degraded");
    case State::Down: return QStringLiteral("down");
    case State::Unauthorized: return QStringLiteral("unauthorized");
    }
    return {};
}

HealthBody parseHealthBody(QByteArrayView body)
{
    HealthBody out;
    const QJsonDocument doc = QJsonDocument::fromJson(body.toByteArray());
    if (!doc.isObject())
        return out;
    const QJsonObject o = doc.object();
    out.valid = true;
    out.status = o.value(u"status").toString();
    out.service = o.value(u"service").toString();
    out.timestamp = QDateTime::fromString(o.value(u"timestamp").toString(), Qt::ISODateWithMs);
    if (const QJsonValue key = o.value(u"upstream_key"); key.isBool())
        out.upstreamKey = key.toBool();
    return out;
}
