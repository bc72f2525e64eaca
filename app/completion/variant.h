#pragma once

#include "wire/fimrequest.h"

#include <QList>
#include <QString>
#include <QUrl>

// One column of a Compare run: an endpoint profile, a model and the request's parameters, under a
// name the user gave (saved with the settings) or a sweep made ("temperature 0.2").
struct Variant
{
    QString name;
    QString profile;
    FimRequest request; // model and parameters; prompt and suffix unused
    // The endpoint itself when profile names none (the command line's --endpoint and --kind): its
    // URL and kind (an endpointKindName()), saved with the variant so it goes there after a restart.
    QUrl url = {};
    QString kind = {};
    // Which extra context the column sends (Compare's Context dimension); unset: what the Context
    // panel says.
    std::optional<ContextScope> context = {};

    friend bool operator==(const Variant &, const Variant &) = default;
};

// A sweep: one parameter over a list of values, each value a variant of the same base.
namespace Sweep {

enum class Parameter { Temperature, MaxTokens, TopP, Model, Context };

QList<Parameter> parameters();
QString parameterName(Parameter parameter); // as the request's JSON names it: "temperature"

// The variants for "0, 0.2, 0.5, 0.8" (commas or spaces between values). Fails, saying why in
// *error, on a value that is not one of the parameter (a number in its range; a model name), on
// fewer than 2 or more than maxValues values, and on a value twice. Context takes the keys none,
// file, pinned, ring, all.
QList<Variant> variants(const Variant &base, Parameter parameter, const QString &values, QString *error, int maxValues = 4);

} // namespace Sweep
