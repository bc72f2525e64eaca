#include "wire/modellistparser.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace ModelListParser {

std::optional<ModelList> parse(QByteArrayView body, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(body.toByteArray(), &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = QCoreApplication::translate("ModelListParser", "The model list is not valid JSON (%1).")
                     .arg(parseError.errorString());
        return std::nullopt;
    }
    // Accept {"data": [...]} and a bare array.
    const QJsonArray data = doc.isArray() ? doc.array() : doc.object().value(u"data").toArray();
    if (!doc.isArray() && !doc.object().value(u"data").isArray()) {
        *error = QCoreApplication::translate("ModelListParser", "The answer has no model list (no \"data\" array).");
        return std::nullopt;
    }
    ModelList all;
    bool anyCapabilities = false;
    for (const QJsonValue &v : data) {
        const QJsonObject o = v.toObject();
        ModelInfo m;
        m.id = o.value(u"id").toString();
        if (m.id.isEmpty())
            continue;
        m.ownedBy = o.value(u"owned_by").toString();
        m.created = o.value(u"created").toInteger();
        m.maxContextLength = o.value(u"max_context_length").toInt();
        const QJsonValue caps = o.value(u"capabilities");
        if (caps.isObject()) {
            anyCapabilities = true;
            m.fimCapable = caps.toObject().value(u"completion_fim").toBool(false);
        }
        all.models.append(m);
    }
    if (!anyCapabilities)
        return all;
    ModelList fim;
    fim.filteredByCapability = true;
    for (const ModelInfo &m : std::as_const(all.models))
        if (m.fimCapable.value_or(false))
            fim.models.append(m);
    return fim;
}

ModelList builtInCodestralModels()
{
    ModelList list;
    list.builtIn = true;
    for (const char *id : {"codestral-latest", "codestral-2508", "codestral-2501"}) {
        ModelInfo m;
        m.id = QString::fromLatin1(id);
        m.ownedBy = QStringLiteral("mistralai");
        m.fimCapable = true;
        list.models.append(m);
    }
    return list;
}

} // namespace ModelListParser

QString modelDisplayName(const QString &model)
{
    const bool path = model.startsWith(u'/') || model.startsWith(u'~') || model.contains(u'\\')
        || model.endsWith(u".gguf", Qt::CaseInsensitive) || model.endsWith(u".bin", Qt::CaseInsensitive);
    if (!path)
        return model;
    const qsizetype slash = std::max(model.lastIndexOf(u'/'), model.lastIndexOf(u'\\'));
    return model.mid(slash + 1);
}
