#include "suite/identifierlexer.h"

#include <QFileInfo>
#include <QSet>

#include <initializer_list>
#include <iterator>

namespace {

using Language = IdentifierLexer::Language;

QSet<QString> words(std::initializer_list<const char *> list)
{
    QSet<QString> set;
    for (const char *w : list)
        set.insert(QString::fromLatin1(w));
    return set;
}

const QSet<QString> &cKeywords()
{
    static const QSet<QString> k = words(
        {"auto",         "break",      "case",       "char",       "const",          "continue",     "default",       "do",
         "double",       "else",       "enum",       "extern",     "float",          "for",          "goto",          "if",
         "inline",       "int",        "long",       "register",   "restrict",       "return",       "short",         "signed",
         "sizeof",       "static",     "struct",     "switch",     "typedef",        "union",        "unsigned",      "void",
         "volatile",     "while",      "bool",       "true",       "false",          "nullptr",      "alignas",       "alignof",
         "constexpr",    "static_assert", "thread_local", "typeof", "typeof_unqual", "_Atomic",      "_BitInt",       "_Bool",
         "_Complex",     "_Decimal32", "_Decimal64", "_Decimal128", "_Generic",      "_Imaginary",   "_Noreturn",     "_Static_assert",
         "_Thread_local"});
    return k;
}

const QSet<QString> &cppKeywords()
{
    static const QSet<QString> k = [] {
        QSet<QString> s = cKeywords();
        for (auto it = s.begin(); it != s.end();)
            it = it->startsWith(u'_') || *it == u"typeof" || *it == u"typeof_unqual" ? s.erase(it) : std::next(it);
        s.unite(words({"and",       "and_eq",       "asm",       "bitand",      "bitor",    "catch",      "char8_t",   "char16_t",
                       "char32_t",  "class",        "co_await",  "co_return",   "co_yield", "compl",      "concept",   "consteval",
                       "constinit", "const_cast",   "decltype",  "delete",      "dynamic_cast", "explicit", "export",  "friend",
                       "mutable",   "namespace",    "new",       "noexcept",    "not",      "not_eq",     "operator",  "or",
                       "or_eq",     "private",      "protected", "public",      "reinterpret_cast", "requires", "static_cast",
                       "template",  "this",         "throw",     "try",         "typeid",   "typename",   "using",     "virtual",
                       "wchar_t",   "xor",          "xor_eq"}));
        return s;
    }();
    return k;
}

const QSet<QString> &javaKeywords()
{
    static const QSet<QString> k = words(
        {"abstract", "assert",     "boolean",   "break",     "byte",   "case",     "catch",     "char",         "class",
         "const",    "continue",   "default",   "do",        "double", "else",     "enum",      "extends",      "final",
         "finally",  "float",      "for",       "goto",      "if",     "implements", "import",  "instanceof",   "int",
         "interface", "long",      "native",    "new",       "package", "private", "protected", "public",       "return",
         "short",    "static",     "strictfp",  "super",     "switch", "synchronized", "this",  "throw",        "throws",
         "transient", "try",       "void",      "volatile",  "while",  "_",        "true",      "false",        "null",
         "var",      "yield"});
    return k;
}

const QSet<QString> &csharpKeywords()
{
    static const QSet<QString> k = words(
        {"abstract", "as",       "base",      "bool",      "break",     "byte",     "case",     "catch",      "char",
         "checked",  "class",    "const",     "continue",  "decimal",   "default",  "delegate", "do",         "double",
         "else",     "enum",     "event",     "explicit",  "extern",    "false",    "finally",  "fixed",      "float",
         "for",      "foreach",  "goto",      "if",        "implicit",  "in",       "int",      "interface",  "internal",
         "is",       "lock",     "long",      "namespace", "new",       "null",     "object",   "operator",   "out",
         "override", "params",   "private",   "protected", "public",    "readonly", "ref",      "return",     "sbyte",
         "sealed",   "short",    "sizeof",    "stackalloc", "static",   "string",   "struct",   "switch",     "this",
         "throw",    "true",     "try",       "typeof",    "uint",      "ulong",    "unchecked", "unsafe",    "ushort",
         "using",    "virtual",  "void",      "volatile",  "while",     "var",      "async",    "await",      "yield",
         "nameof"});
    return k;
}

const QSet<QString> &pythonKeywords()
{
    static const QSet<QString> k = words({"None",   "and",    "as",     "assert", "async",    "await",  "break",  "class",
                                          "continue", "def",  "del",    "elif",   "else",     "except", "finally", "for",
                                          "from",   "global", "if",     "import", "in",       "is",     "lambda", "nonlocal",
                                          "not",    "or",     "pass",   "raise",  "return",   "try",    "while",  "with",
                                          "yield"});
    return k;
}

const QSet<QString> &javascriptKeywords()
{
    static const QSet<QString> k = words(
        {"await",    "break",     "case",      "catch",   "class",     "const",   "continue", "debugger", "default",
         "delete",   "do",        "else",      "enum",    "export",    "extends", "false",    "finally",  "for",
         "function", "if",        "import",    "in",      "instanceof", "new",    "null",     "return",   "super",
         "switch",   "this",      "throw",     "true",    "try",       "typeof",  "var",      "void",     "while",
         "with",     "yield",     "implements", "interface", "let",    "package", "private",  "protected", "public",
         "static",   "abstract",  "any",       "as",      "async",     "boolean", "declare",  "keyof",    "never",
         "number",   "readonly",  "satisfies", "string",  "symbol",    "undefined", "unknown"});
    return k;
}

const QSet<QString> &rustKeywords()
{
    static const QSet<QString> k = words(
        {"as",     "async",  "await",  "break",  "const",  "continue", "crate",   "dyn",    "else",  "enum",  "extern",
         "false",  "fn",     "for",    "if",     "impl",   "in",       "let",     "loop",   "match", "mod",   "move",
         "mut",    "pub",    "ref",    "return", "self",   "Self",     "static",  "struct", "super", "trait", "true",
         "type",   "unsafe", "use",    "where",  "while",  "abstract", "become",  "box",    "do",    "final", "macro",
         "override", "priv", "try",    "typeof", "unsized", "virtual", "yield"});
    return k;
}

const QSet<QString> &goKeywords()
{
    static const QSet<QString> k = words({"break",   "case",   "chan",   "const", "continue", "default", "defer",
                                          "else",    "fallthrough", "for", "func", "go",       "goto",    "if",
                                          "import",  "interface", "map",  "package", "range",  "return",  "select",
                                          "struct",  "switch", "type",   "var",   "true",     "false",   "nil",
                                          "iota"});
    return k;
}

const QSet<QString> &genericKeywords()
{
    static const QSet<QString> k = [] {
        QSet<QString> s = cKeywords();
        for (const QSet<QString> *other : {&cppKeywords(), &javaKeywords(), &csharpKeywords(), &pythonKeywords(),
                                           &javascriptKeywords(), &rustKeywords(), &goKeywords()})
            s.unite(*other);
        return s;
    }();
    return k;
}

const QSet<QString> &keywordsOf(Language language)
{
    switch (language) {
    case Language::C:
        return cKeywords();
    case Language::Cpp:
        return cppKeywords();
    case Language::Java:
        return javaKeywords();
    case Language::CSharp:
        return csharpKeywords();
    case Language::Python:
        return pythonKeywords();
    case Language::JavaScript:
        return javascriptKeywords();
    case Language::Rust:
        return rustKeywords();
    case Language::Go:
        return goKeywords();
    case Language::Generic:
        break;
    }
    return genericKeywords();
}

// Prefixes that make the quote after them a string's, not names of their own.
bool isStringPrefix(const QString &word, Language language)
{
    switch (language) {
    case Language::C:
    case Language::Cpp:
        return word == u"L" || word == u"u" || word == u"U" || word == u"u8" || word == u"R" || word == u"LR" || word == u"uR"
            || word == u"UR" || word == u"u8R";
    case Language::Rust:
        return word == u"b" || word == u"r" || word == u"br" || word == u"c" || word == u"cr";
    case Language::Python: {
        const QString w = word.toLower();
        return w == u"r" || w == u"b" || w == u"f" || w == u"u" || w == u"rb" || w == u"br" || w == u"fr" || w == u"rf";
    }
    case Language::Generic:
    case Language::Java:
    case Language::CSharp:
    case Language::JavaScript:
    case Language::Go:
        break;
    }
    return false;
}

bool isStart(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || c == u'_' || c == u'$';
}

bool isPart(QChar c)
{
    return isStart(c) || (c >= u'0' && c <= u'9');
}

// The index after a quoted text that starts at `from` with `quote` (of `length` characters, 1 or
// 3), escapes skipped; the end of the text when it is never closed.
qsizetype afterQuoted(const QString &code, qsizetype from, QStringView quote, bool escapes)
{
    qsizetype i = from + quote.size();
    while (i < code.size()) {
        if (escapes && code.at(i) == u'\\') {
            i += 2;
            continue;
        }
        if (QStringView(code).sliced(i).startsWith(quote))
            return i + quote.size();
        ++i;
    }
    return code.size();
}

} // namespace

IdentifierLexer::Language IdentifierLexer::languageForFile(const QString &fileName)
{
    const QString suffix = QFileInfo(fileName).suffix().toLower();
    if (suffix == u"py" || suffix == u"pyi")
        return Language::Python;
    if (suffix == u"c" || suffix == u"h")
        return Language::C;
    if (suffix == u"cc" || suffix == u"cpp" || suffix == u"cxx" || suffix == u"hh" || suffix == u"hpp" || suffix == u"hxx")
        return Language::Cpp;
    if (suffix == u"java")
        return Language::Java;
    if (suffix == u"cs")
        return Language::CSharp;
    if (suffix == u"js" || suffix == u"jsx" || suffix == u"mjs" || suffix == u"cjs" || suffix == u"ts" || suffix == u"tsx"
        || suffix == u"mts" || suffix == u"cts")
        return Language::JavaScript;
    if (suffix == u"rs")
        return Language::Rust;
    if (suffix == u"go")
        return Language::Go;
    return Language::Generic;
}

IdentifierLexer::Language IdentifierLexer::languageNamed(const QString &name)
{
    const QString n = name.toLower();
    if (n == u"python")
        return Language::Python;
    if (n == u"c")
        return Language::C;
    if (n == u"c++")
        return Language::Cpp;
    if (n == u"java")
        return Language::Java;
    if (n == u"c#")
        return Language::CSharp;
    if (n == u"javascript" || n == u"typescript" || n == u"javascript react (jsx)" || n == u"typescript react (tsx)")
        return Language::JavaScript;
    if (n == u"rust")
        return Language::Rust;
    if (n == u"go")
        return Language::Go;
    return Language::Generic;
}

QStringList IdentifierLexer::identifiers(const QString &code, Language language)
{
    const bool python = language == Language::Python;
    const bool hashComments = python || language == Language::Generic;
    const bool slashComments = !python;
    const bool backquoteStrings = language == Language::JavaScript || language == Language::Go || language == Language::Generic;
    const QSet<QString> &keywords = keywordsOf(language);
    QStringList found;
    qsizetype i = 0;
    const qsizetype n = code.size();
    while (i < n) {
        const QChar c = code.at(i);
        const QStringView rest = QStringView(code).sliced(i);
        if ((hashComments && c == u'#') || (slashComments && rest.startsWith(u"//"))) {
            const qsizetype end = code.indexOf(u'\n', i);
            i = end < 0 ? n : end + 1;
        } else if (slashComments && rest.startsWith(u"/*")) {
            const qsizetype end = code.indexOf(u"*/", i + 2);
            i = end < 0 ? n : end + 2;
        } else if (python && (rest.startsWith(u"\"\"\"") || rest.startsWith(u"'''"))) {
            i = afterQuoted(code, i, rest.first(3), true);
        } else if (c == u'"') {
            i = afterQuoted(code, i, rest.first(1), true);
        } else if (c == u'\'') {
            if (language == Language::Rust) {
                // 'x' and '\n' are characters; 'a (no closing quote right after one character) is a
                // lifetime or a label: skip the quote only.
                if (rest.size() >= 3 && rest.at(1) != u'\\' && rest.at(2) == u'\'')
                    i += 3;
                else if (rest.size() >= 2 && rest.at(1) == u'\\')
                    i = afterQuoted(code, i, rest.first(1), true);
                else
                    ++i;
            } else {
                i = afterQuoted(code, i, rest.first(1), true);
            }
        } else if (backquoteStrings && c == u'`') {
            i = afterQuoted(code, i, rest.first(1), language != Language::Go);
        } else if (c.isDigit() && c.unicode() < 128) {
            while (i < n && (isPart(code.at(i)) || code.at(i) == u'.'))
                ++i;
        } else if (language == Language::CSharp && (c == u'@' || c == u'$') && rest.size() > 1
                   && (rest.at(1) == u'"' || rest.at(1) == u'@' || rest.at(1) == u'$')) {
            ++i; // @"…", $"…", $@"…": the string follows
        } else if (isStart(c)) {
            qsizetype end = i;
            while (end < n && isPart(code.at(end)))
                ++end;
            const QString word = code.mid(i, end - i);
            const bool prefixesString = end < n && (code.at(end) == u'"' || code.at(end) == u'\'') && isStringPrefix(word, language);
            if (!prefixesString && !keywords.contains(word))
                found << word;
            i = end;
        } else {
            ++i;
        }
    }
    return found;
}
