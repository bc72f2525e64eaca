#include "window/templateeditor.h"

#include <QComboBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QTest>

// The prompt template editor driven by keys: the choices, the live preview, editing a built-in
// into one's own, and what it writes into the profile.
class TestTemplateEditor : public QObject
{
    Q_OBJECT

private slots:
    void builtInPreviewAndOwnEdit()
    {
        TemplateEditor editor;
        Endpoint e(QStringLiteral("o"), EndpointKind::Ollama, QUrl(QStringLiteral("http://127.0.0.1:11434")));
        editor.load(e, QStringLiteral("qwen2.5-coder:1.5b"));
        editor.setPreviewText(QStringLiteral("P"), QStringLiteral("S"));
        editor.show();
        QVERIFY(QTest::qWaitForWindowExposed(&editor));
        QVERIFY(editor.isEnabled());
        QVERIFY(editor.preview()->toPlainText().isEmpty()); // the server builds the prompt

        // Down in the choice box: "chosen by the model's name" previews Qwen's tokens for this model.
        editor.choiceBox()->setFocus();
        QTest::keyClick(editor.choiceBox(), Qt::Key_Down);
        QCOMPARE(editor.choiceBox()->currentData().toString(), QStringLiteral("auto"));
        QCOMPARE(editor.preview()->toPlainText(), QStringLiteral("<|fim_prefix|>P<|fim_suffix|>S<|fim_middle|>"));
        QCOMPARE(editor.stopsEdit()->toPlainText(), QStringLiteral("<|endoftext|>\n<|fim_pad|>\n<|file_sep|>"));
        QVERIFY(!editor.textEdit()->isReadOnly()); // typing in it makes it one's own

        // StarCoder, then typed into: it becomes one's own, and the preview follows every key.
        editor.choiceBox()->setCurrentIndex(editor.choiceBox()->findData(QStringLiteral("starcoder")));
        QCOMPARE(editor.preview()->toPlainText(), QStringLiteral("<fim_prefix>P<fim_suffix>S<fim_middle>"));
        editor.choiceBox()->setCurrentIndex(editor.choiceBox()->findData(QStringLiteral("custom")));
        editor.textEdit()->setFocus();
        editor.textEdit()->selectAll();
        QTest::keyClicks(editor.textEdit(), QStringLiteral("<A>{prefix}<B>{suffix}<C>"));
        QCOMPARE(editor.preview()->toPlainText(), QStringLiteral("<A>P<B>S<C>"));
        editor.stopsEdit()->setFocus();
        editor.stopsEdit()->selectAll();
        QTest::keyClicks(editor.stopsEdit(), QStringLiteral("<END>"));
        QTest::keyClick(editor.stopsEdit(), Qt::Key_Return);
        QTest::keyClicks(editor.stopsEdit(), QStringLiteral("\\n\\n"));
        editor.store(e);
        QCOMPARE(e.promptTemplate, QStringLiteral("custom"));
        QCOMPARE(e.customTemplate, QStringLiteral("<A>{prefix}<B>{suffix}<C>"));
        QCOMPARE(e.customStops, (QStringList{QStringLiteral("<END>"), QStringLiteral("\n\n")}));

        // A template without {suffix} says why in place of a preview.
        editor.textEdit()->selectAll();
        QTest::keyClicks(editor.textEdit(), QStringLiteral("<A>{prefix}"));
        QVERIFY(editor.preview()->toPlainText().isEmpty());
        QVERIFY(editor.noteText().contains(u"{suffix}"));
    }

    void editingABuiltInMakesItOnesOwn()
    {
        TemplateEditor editor;
        Endpoint e(QStringLiteral("l"), EndpointKind::LlamaCpp, QUrl(QStringLiteral("http://127.0.0.1:8080")));
        e.promptTemplate = QStringLiteral("codellama");
        editor.load(e, QString());
        QCOMPARE(editor.textEdit()->toPlainText(), QStringLiteral("<PRE> {prefix} <SUF>{suffix} <MID>"));
        editor.choiceBox()->setCurrentIndex(editor.choiceBox()->findData(QStringLiteral("codellama")));
        // Any edit of a built-in's text switches to "my own".
        editor.textEdit()->appendPlainText(QStringLiteral("\n"));
        QCOMPARE(editor.choiceBox()->currentData().toString(), QStringLiteral("custom"));
        editor.store(e);
        QVERIFY(e.customTemplate.startsWith(u"<PRE> {prefix}"));
        QCOMPARE(e.customStops, QStringList{QStringLiteral("<EOT>")});
    }

    void kindsWithoutTemplatesAreDisabled()
    {
        TemplateEditor editor;
        editor.load(Endpoint(QStringLiteral("c"), EndpointKind::Codestral, QUrl()), QStringLiteral("codestral-latest"));
        QVERIFY(!editor.isEnabled());
        QVERIFY(editor.noteText().contains(u"no template to choose"));
        editor.setKind(EndpointKind::OpenAi);
        QVERIFY(editor.isEnabled());
    }
};

QTEST_MAIN(TestTemplateEditor)
#include "tst_templateeditor.moc"
