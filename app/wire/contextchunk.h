#pragma once

#include <QJsonArray>
#include <QList>
#include <QString>

#include <optional>

// One piece of extra context sent beside prefix and suffix: another file, or lines of one (the
// Context panel's chunks, a suite case's "context", fim-complete --context). Each backend renders
// the list in its server's form (FimBackend::buildRequest); the request carries only chunks that
// fit the budget (ExtraContextAssembler).
struct ContextChunk
{
    QString filename; // as the model reads it: a path relative to the project, or a name
    QString text;

    friend bool operator==(const ContextChunk &, const ContextChunk &) = default;
};

// Which sources of extra context a request draws on (Compare's Context dimension): none, this
// file only (its recent edits), the pinned files, the ring, all.
enum class ContextScope { None, ThisFile, Pinned, Ring, All };

namespace ExtraContext {

QList<ContextScope> scopes();
QString scopeKey(ContextScope scope);  // "none", "file", "pinned", "ring", "all"
QString scopeText(ContextScope scope); // "no extra context", "this file only", ...
std::optional<ContextScope> scopeFromKey(QStringView key);

// The line-comment marker of a file's language by its name ("#" for .py, "--" for .sql, "//" for
// .cpp); "//" when the name tells nothing. The window asks KSyntaxHighlighting instead, which knows
// every language it highlights; this table serves fim-complete and suites.
QString commentMarkerFor(const QString &fileName);

// The chunks as comment headers before the prefix, for servers with no field for extra context
// (Codestral, the proxy, a server that builds the prompt from prompt and suffix, a template with no
// repository format): per chunk "<marker> Path: name" and then each of its lines commented, as
// Continue writes it, and a blank comment line between chunks. Empty for no chunks.
QString asComments(const QList<ContextChunk> &chunks, const QString &marker);

// The chunks as llama-server's input_extra and a suite's "context" write them: [{filename, text}].
QJsonArray toJson(const QList<ContextChunk> &chunks);

// The prompt with the chunks as comment headers before it.
QString withComments(const QList<ContextChunk> &chunks, const QString &marker, const QString &prompt);

} // namespace ExtraContext
