#pragma once

#include "text/suggestiontext.h"
#include "wire/contextchunk.h"

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
    // The prompt with extra context: in the family's repository format where it has one — Qwen2.5-
    // Coder's "<|repo_name|>myproject\n" then "<|file_sep|>name\ntext" per chunk and
    // "<|file_sep|>file\n" before the prefix (what llama-server's /infill builds from input_extra),
    // StarCoder2's "<repo_name>myproject" and <file_sep> the same way — else the chunks as comment headers
    // (marker) before the prefix. fileName: the edited file's ("filename" when empty, as llama.cpp).
    QString render(const QString &prefix, const QString &suffix, const QList<ContextChunk> &extra,
                   const QString &fileName, const QString &marker) const;
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
