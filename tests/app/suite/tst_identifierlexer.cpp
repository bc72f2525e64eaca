#include "suite/identifierlexer.h"

#include <QTest>

using namespace Qt::StringLiterals;

// The identifier lexer language by language: comments, strings (with their prefixes), numbers and
// keywords are no identifiers; the language comes from a file name or a highlighting definition's
// name; ASCII only.
class TestIdentifierLexer : public QObject
{
    Q_OBJECT

private slots:
    void identifiers_data()
    {
        using L = IdentifierLexer::Language;
        QTest::addColumn<QString>("code");
        QTest::addColumn<int>("language");
        QTest::addColumn<QStringList>("identifiers");
        QTest::newRow("python keywords") << u"def add(a, b):\n    return a + b"_s << int(L::Python) << QStringList{u"add"_s, u"a"_s, u"b"_s, u"a"_s, u"b"_s};
        QTest::newRow("python strings and comments")
            << u"x = f\"hi {name}\" + 'it' + rb'\\x00'  # count me not\ny = \"\"\"doc\nstring\"\"\" or None"_s << int(L::Python)
            << QStringList{u"x"_s, u"y"_s};
        QTest::newRow("python True stays") << u"flag = True"_s << int(L::Python) << QStringList{u"flag"_s, u"True"_s};
        QTest::newRow("c++") << u"auto s = u8\"text\"; /* block id */ int n = 0x1Fu + value; // trailing\nreturn s;"_s << int(L::Cpp)
                             << QStringList{u"s"_s, u"n"_s, u"value"_s, u"s"_s};
        QTest::newRow("c char literal") << u"char c = 'x'; c == '\\'';"_s << int(L::C) << QStringList{u"c"_s, u"c"_s};
        QTest::newRow("javascript") << u"const t = `a ${b}`; let $el = obj.prop; return 'q';"_s << int(L::JavaScript)
                                    << QStringList{u"t"_s, u"$el"_s, u"obj"_s, u"prop"_s};
        QTest::newRow("rust lifetimes and chars") << u"fn f<'a>(x: &'a str) -> char { 'c' }"_s << int(L::Rust)
                                                  << QStringList{u"f"_s, u"a"_s, u"x"_s, u"a"_s, u"str"_s, u"char"_s};
        QTest::newRow("rust self") << u"self.len + r\"raw\".len()"_s << int(L::Rust) << QStringList{u"len"_s, u"len"_s};
        QTest::newRow("go raw string") << u"for _, v := range `raw x` { fmt.Println(v) } // done"_s << int(L::Go)
                                       << QStringList{u"_"_s, u"v"_s, u"fmt"_s, u"Println"_s, u"v"_s};
        QTest::newRow("java") << u"public static int size() { return this.items.length; }"_s << int(L::Java)
                              << QStringList{u"size"_s, u"items"_s, u"length"_s};
        QTest::newRow("c# verbatim string") << u"var p = @\"C:\\dir\"; string s = $\"{p}\";"_s << int(L::CSharp)
                                            << QStringList{u"p"_s, u"s"_s};
        QTest::newRow("generic: every keyword list, # comments") << u"return x * y; # note\nself.name = name"_s << int(L::Generic)
                                                                 << QStringList{u"x"_s, u"y"_s, u"name"_s, u"name"_s};
        // ASCII identifiers only: é ends "caf", 名 is skipped.
        QTest::newRow("non-ASCII") << u"café = 名前 + x1"_s << int(L::Python) << QStringList{u"caf"_s, u"x1"_s};
        QTest::newRow("unclosed string") << u"a = \"never closed b"_s << int(L::Python) << QStringList{u"a"_s};
        QTest::newRow("empty") << QString() << int(L::Go) << QStringList{};
    }

    void identifiers()
    {
        QFETCH(QString, code);
        QFETCH(int, language);
        QFETCH(QStringList, identifiers);
        QCOMPARE(IdentifierLexer::identifiers(code, IdentifierLexer::Language(language)), identifiers);
    }

    void languageFromFileOrName()
    {
        using L = IdentifierLexer::Language;
        QCOMPARE(IdentifierLexer::languageForFile(u"src/main.PY"_s), L::Python);
        QCOMPARE(IdentifierLexer::languageForFile(u"a.hpp"_s), L::Cpp);
        QCOMPARE(IdentifierLexer::languageForFile(u"a.h"_s), L::C);
        QCOMPARE(IdentifierLexer::languageForFile(u"view.tsx"_s), L::JavaScript);
        QCOMPARE(IdentifierLexer::languageForFile(u"lib.rs"_s), L::Rust);
        QCOMPARE(IdentifierLexer::languageForFile(u"main.go"_s), L::Go);
        QCOMPARE(IdentifierLexer::languageForFile(u"Main.java"_s), L::Java);
        QCOMPARE(IdentifierLexer::languageForFile(u"Program.cs"_s), L::CSharp);
        QCOMPARE(IdentifierLexer::languageForFile(u"notes.md"_s), L::Generic);
        QCOMPARE(IdentifierLexer::languageForFile(QString()), L::Generic);
        QCOMPARE(IdentifierLexer::languageNamed(u"C++"_s), L::Cpp);
        QCOMPARE(IdentifierLexer::languageNamed(u"TypeScript"_s), L::JavaScript);
        QCOMPARE(IdentifierLexer::languageNamed(u"python"_s), L::Python);
        QCOMPARE(IdentifierLexer::languageNamed(u"Markdown"_s), L::Generic);
    }
};

QTEST_GUILESS_MAIN(TestIdentifierLexer)
#include "tst_identifierlexer.moc"
