#pragma once

#include "text/suggestiontext.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// A fill-in-the-middle prompt template: the text a model expects around the prefix and suffix,
// with its special tokens, and the stop sequences that end its answer. Used when the playground
// builds the raw prompt itself (Ollama raw mode, llama.cpp /completion, servers that refuse
// "suffix"). The placeholders are {prefix} and {suffix}.
struct FimTemplate
{
    QString id;    // "qwen", "codegemma", "starcoder", "deepseek", "codellama", "codestral", or "custom"
    QString title; // for menus
    QString text;
    QStringList stops;

    // The prompt for this prefix and suffix. One pass: a "{suffix}" typed in the prefix stays text.
    QString render(const QString &prefix, const QString &suffix) const;
    // Empty when usable, otherwise why not, in words (no {prefix}, no {suffix}, ...).
    QString validationError() const;
    // Whose special tokens the template uses: cleaning the answer follows it.
    SuggestionText::Family family() const;

    static const QList<FimTemplate> &builtIns();
    static std::optional<FimTemplate> builtIn(const QString &id);
    // The built-in template for a model name ("qwen2.5-coder:1.5b" → qwen), or nullopt when the
    // name tells nothing.
    static std::optional<FimTemplate> forModel(const QString &model);
    // A template file: JSON {"template": "...", "stop": ["..."]} or, otherwise, the whole file as the
    // template text with no extra stops. UTF-8.
    static std::optional<FimTemplate> fromFile(const QString &path, QString *error);

    friend bool operator==(const FimTemplate &, const FimTemplate &) = default;
};
