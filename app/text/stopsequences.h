#pragma once

#include <QString>
#include <QStringList>

// Stop sequences as people type them in one line (the toolbar, the template editor): separated by
// "|", with the escapes \n (line break), \t (tab), \| (a bar, as in <|endoftext|>) and \\.
// format() writes what parse() reads back to the same list.
namespace StopSequences {

QStringList parse(const QString &text);
QString format(const QStringList &stops);

// One stop sequence a line (the template editor): only \n, \t and \\ are escapes, so tokens
// such as <|endoftext|> read as they are. Empty lines are skipped.
QStringList parseLines(const QString &text);
QString formatLines(const QStringList &stops);

} // namespace StopSequences
