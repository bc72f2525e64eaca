#include "completion/variant.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace Sweep {

namespace {
// Messages under the context "Sweep"; lupdate reads it from here.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Sweep)
};
} // namespace

QList<Parameter> parameters()
{
    return {Parameter::Temperature, Parameter::MaxTokens, Parameter::TopP, Parameter::Model, Parameter::Context};
}

QString parameterName(Parameter parameter)
{
    switch (parameter) {
    case Parameter::Temperature:
        return QStringLiteral("temperature");
    case Parameter::MaxTokens:
        return QStringLiteral("max_tokens");
    case Parameter::TopP:
        return QStringLiteral("top_p");
    case Parameter::Model:
        return QStringLiteral("model");
    case Parameter::Context:
        return QStringLiteral("context");
    }
    return {};
}

QList<Variant> variants(const Variant &base, Parameter parameter, const QString &values, QString *error, int maxValues)
{
    static const QRegularExpression separators(QStringLiteral("[,;\\s]+"));
    const QStringList items = values.split(separators, Qt::SkipEmptyParts);
    const QString name = parameterName(parameter);
    if (items.size() < 2) {
        *error = Tr::tr("A sweep needs at least 2 values of %1, e.g. 0, 0.2, 0.5, 0.8.").arg(name);
        return {};
    }
    if (items.size() > maxValues) {
        *error = Tr::tr("At most %1 values side by side; %2 were given.").arg(maxValues).arg(items.size());
        return {};
    }
    QList<Variant> out;
    QStringList seen;
    for (const QString &item : items) {
        if (seen.contains(item)) {
            *error = Tr::tr("%1 is in the list twice.").arg(item);
            return {};
        }
        seen << item;
        Variant v = base;
        v.name = QStringLiteral("%1 %2").arg(name, item);
        bool ok = true;
        switch (parameter) {
        case Parameter::Temperature: {
            const double t = item.toDouble(&ok);
            ok = ok && t >= 0 && t <= 2;
            v.request.temperature = t;
            break;
        }
        case Parameter::TopP: {
            const double p = item.toDouble(&ok);
            ok = ok && p > 0 && p <= 1;
            v.request.topP = p;
            break;
        }
        case Parameter::MaxTokens: {
            const int n = item.toInt(&ok);
            ok = ok && n >= 1 && n <= 8192;
            v.request.maxTokens = n;
            break;
        }
        case Parameter::Model:
            v.request.model = item;
            break;
        case Parameter::Context:
            v.context = ExtraContext::scopeFromKey(item);
            ok = v.context.has_value();
            break;
        }
        if (!ok) {
            const QString range = parameter == Parameter::Temperature ? QStringLiteral("0 to 2")
                : parameter == Parameter::TopP                        ? QStringLiteral("above 0, up to 1")
                : parameter == Parameter::Context                     ? QStringLiteral("none, file, pinned, ring or all")
                                                                      : QStringLiteral("1 to 8192");
            *error = Tr::tr("“%1” is no value of %2 (%3).").arg(item, name, range);
            return {};
        }
        out.append(v);
    }
    error->clear();
    return out;
}

} // namespace Sweep
