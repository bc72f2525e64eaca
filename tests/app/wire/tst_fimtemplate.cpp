#include "wire/fimtemplate.h"

#include <QTemporaryDir>
#include <QTest>

class TestFimTemplate : public QObject
{
    Q_OBJECT

private slots:
    void builtInsRenderTheModelsOwnTokens_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<QString>("stop");
        QTest::newRow("qwen") << "qwen" << QStringLiteral("<|fim_prefix|>P<|fim_suffix|>S<|fim_middle|>") << "<|endoftext|>";
        QTest::newRow("codegemma") << "codegemma" << QStringLiteral("<|fim_prefix|>P<|fim_suffix|>S<|fim_middle|>")
                                   << "<|file_separator|>";
        QTest::newRow("starcoder") << "starcoder" << QStringLiteral("<fim_prefix>P<fim_suffix>S<fim_middle>") << "<file_sep>";
        // Full-width vertical bars (U+FF5C) and U+2581, not ASCII.
        QTest::newRow("deepseek") << "deepseek" << QString::fromUtf8("<\uFF5Cfim\u2581begin\uFF5C>P<\uFF5Cfim\u2581hole\uFF5C>S<\uFF5Cfim\u2581end\uFF5C>")
                                  << QString::fromUtf8("<\uFF5Cend\u2581of\u2581sentence\uFF5C>");
        QTest::newRow("codellama") << "codellama" << QStringLiteral("<PRE> P <SUF>S <MID>") << "<EOT>";
        QTest::newRow("codestral, suffix first") << "codestral" << QStringLiteral("[SUFFIX]S[PREFIX]P") << "</s>";
    }

    void builtInsRenderTheModelsOwnTokens()
    {
        QFETCH(QString, id);
        const std::optional<FimTemplate> t = FimTemplate::builtIn(id);
        QVERIFY(t);
        QTEST(t->render(QStringLiteral("P"), QStringLiteral("S")), "expected");
        QFETCH(QString, stop);
        QVERIFY2(t->stops.contains(stop), qPrintable(t->stops.join(u' ')));
        QVERIFY(t->validationError().isEmpty());
    }

    void renderingIsOnePass()
    {
        // Text that looks like a placeholder stays text, in the prefix and in the suffix.
        const FimTemplate t = *FimTemplate::builtIn(QStringLiteral("starcoder"));
        QCOMPARE(t.render(QStringLiteral("f\"{suffix}\" {"), QStringLiteral("{prefix}}")),
                 QStringLiteral("<fim_prefix>f\"{suffix}\" {<fim_suffix>{prefix}}<fim_middle>"));
        const FimTemplate braces{QStringLiteral("custom"), {}, QStringLiteral("{x}{prefix}{{suffix}}"), {}};
        QCOMPARE(braces.render(QStringLiteral("a"), QStringLiteral("b")), QStringLiteral("{x}a{b}"));
    }

    void theModelNameChoosesAndTheFamilyFollows()
    {
        QCOMPARE(FimTemplate::forModel(QStringLiteral("qwen2.5-coder:1.5b"))->id, QStringLiteral("qwen"));
        QCOMPARE(FimTemplate::forModel(QStringLiteral("starcoder2:3b"))->id, QStringLiteral("starcoder"));
        QCOMPARE(FimTemplate::forModel(QStringLiteral("deepseek-coder:6.7b-base"))->id, QStringLiteral("deepseek"));
        QCOMPARE(FimTemplate::forModel(QStringLiteral("codellama:7b-code"))->id, QStringLiteral("codellama"));
        QCOMPARE(FimTemplate::forModel(QStringLiteral("codegemma:2b"))->id, QStringLiteral("codegemma"));
        QVERIFY(!FimTemplate::forModel(QStringLiteral("llama3.2:1b")));
        for (const FimTemplate &t : FimTemplate::builtIns())
            QVERIFY2(t.family() != SuggestionText::Family::Unknown, qPrintable(t.id));
        QCOMPARE(FimTemplate::builtIn(QStringLiteral("codegemma"))->family(), SuggestionText::Family::CodeGemma);
    }

    void brokenTemplatesSayWhy()
    {
        const auto why = [](const QString &text) { return FimTemplate{{}, {}, text, {}}.validationError(); };
        QVERIFY(why(QStringLiteral("<fim_suffix>{suffix}")).contains(u"{prefix}"));
        QVERIFY(why(QStringLiteral("{prefix}")).contains(u"{suffix}"));
        QVERIFY(!why(QStringLiteral("{prefix}{prefix}{suffix}")).isEmpty());
    }

    void filesInJsonOrPlainText()
    {
        QTemporaryDir dir;
        const QString json = dir.filePath(QStringLiteral("t.json"));
        QFile f(json);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(R"({"template":"<A>{prefix}<B>{suffix}<C>","stop":["<END>"]})");
        f.close();
        QString error;
        std::optional<FimTemplate> t = FimTemplate::fromFile(json, &error);
        QVERIFY2(t, qPrintable(error));
        QCOMPARE(t->render(QStringLiteral("p"), QStringLiteral("s")), QStringLiteral("<A>p<B>s<C>"));
        QCOMPARE(t->stops, QStringList{QStringLiteral("<END>")});

        const QString plain = dir.filePath(QStringLiteral("t.txt"));
        QFile g(plain);
        QVERIFY(g.open(QIODevice::WriteOnly));
        g.write("<PRE> {prefix} <SUF>{suffix} <MID>\n");
        g.close();
        t = FimTemplate::fromFile(plain, &error);
        QVERIFY2(t, qPrintable(error));
        QCOMPARE(t->text, QStringLiteral("<PRE> {prefix} <SUF>{suffix} <MID>")); // the editor's final line break is not the template's

        QFile h(dir.filePath(QStringLiteral("bad.json")));
        QVERIFY(h.open(QIODevice::WriteOnly));
        h.write(R"({"stop":["x"]})");
        h.close();
        QVERIFY(!FimTemplate::fromFile(h.fileName(), &error));
        QVERIFY(error.contains(u"template"));
        QVERIFY(!FimTemplate::fromFile(dir.filePath(QStringLiteral("missing")), &error));
        QVERIFY(error.contains(u"cannot read"));
    }
};

QTEST_GUILESS_MAIN(TestFimTemplate)
#include "tst_fimtemplate.moc"
