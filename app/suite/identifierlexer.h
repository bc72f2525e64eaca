#pragma once

#include <QString>
#include <QStringList>

// The identifiers of a piece of code, in order, for the identifier metrics (CrossCodeEval's
// identifier exact match and F1). A simple lexer, not a parser: the same answer gives the same
// list whatever the editor's highlighting says, and it needs no widget library.
//
// An identifier is [A-Za-z_$][A-Za-z0-9_$]* (ASCII only: any other character, é or 名 included,
// ends one) found outside comments, string and character literals, and numbers, that is not one of
// the language's keywords. The language comes from the file's name (languageForFile) or from a
// language's name (languageNamed: KSyntaxHighlighting's definition names); its syntax:
//
//   C, C++, Java, C#, Go, Rust, JavaScript/TypeScript: // line and /* block */ comments;
//       "..." strings with \ escapes; '...' a character literal (C, C++, Java, C#, Go) or a string
//       (JS/TS); in Rust '…' is a character only as 'x' or '\…' (else it is a lifetime: 'a's
//       quote is skipped and a stays an identifier); `...` a raw string in Go and a template
//       literal in JS/TS (its ${…} parts are taken as string too); a string prefix
//       (L u U u8 R in C/C++, b r br in Rust, @ and $ in C#) is no identifier. C++'s R"d(…)d" and
//       Rust's r#"…"# raw strings are read up to their closing quote like ordinary strings.
//   Python: # comments; '...' "..." and '''...''' """...""" strings, with prefixes (r b f u rb br
//       fr rf in any case) that are not identifiers.
//   Generic (a file of no language named above, or no file): // /* */ and # comments, '...'
//       "..." `...` strings, and the keywords of every list below.
// A number (a digit, then letters, digits, _ and .: 0x1F, 1e10, 10u) is no identifier.
//
// Keywords (left out, as CrossCodeEval leaves its languages' keywords out; words that are
// keywords only in some places and common names elsewhere, like get, set, value, type, stay in):
//   C: the C23 keywords (auto break case char const continue default do double else enum extern
//      float for goto if inline int long register restrict return short signed sizeof static
//      struct switch typedef union unsigned void volatile while bool true false nullptr alignas
//      alignof constexpr static_assert thread_local typeof typeof_unqual _Atomic _BitInt _Bool
//      _Complex _Decimal32 _Decimal64 _Decimal128 _Generic _Imaginary _Noreturn _Static_assert
//      _Thread_local).
//   C++: C's list (less the _-names and typeof) plus the C++23 keywords (and and_eq asm bitand
//      bitor catch char8_t char16_t char32_t class co_await co_return co_yield compl concept
//      consteval constinit const_cast decltype delete dynamic_cast explicit export friend mutable
//      namespace new noexcept not not_eq operator or or_eq private protected public
//      reinterpret_cast requires static_cast template this throw try typeid typename using
//      virtual wchar_t xor xor_eq).
//   Java: its 51 reserved words (abstract … while, and _) plus true false null var yield.
//   C#: its 77 keywords (abstract … while) plus var async await yield nameof.
//   Python: keyword.kwlist of Python 3.12 less True and False, as CrossCodeEval's Python list.
//   JavaScript/TypeScript: the ECMAScript reserved words (await break case catch class const
//      continue debugger default delete do else enum export extends false finally for function if
//      import in instanceof new null return super switch this throw true try typeof var void while
//      with yield), the strict-mode ones (implements interface let package private protected public
//      static) and TypeScript's (abstract any as async boolean declare keyof never number readonly
//      satisfies string symbol undefined unknown).
//   Rust: the strict and reserved keywords of the 2021 edition (as async await break const
//      continue crate dyn else enum extern false fn for if impl in let loop match mod move mut pub
//      ref return self Self static struct super trait true type unsafe use where while abstract
//      become box do final macro override priv try typeof unsized virtual yield).
//   Go: its 25 keywords plus the predeclared true false nil iota.
// The lists are in identifierlexer.cpp, one per language.
class IdentifierLexer
{
public:
    enum class Language { Generic, C, Cpp, Java, CSharp, Python, JavaScript, Rust, Go };

    // By the file's extension (.py .pyi, .c .h, .cc .cpp .cxx .hh .hpp .hxx, .java, .cs, .js .jsx
    // .mjs .cjs .ts .tsx .mts .cts, .rs, .go); Generic for any other or none.
    static Language languageForFile(const QString &fileName);
    // By a language's name, as KSyntaxHighlighting names its definitions ("Python", "C++", "C",
    // "Java", "C#", "JavaScript", "TypeScript", "JavaScript React (JSX)", "TypeScript React (TSX)",
    // "Rust", "Go"), case-insensitive; Generic for any other.
    static Language languageNamed(const QString &name);

    static QStringList identifiers(const QString &code, Language language);
};
