#include "editor/codeeditor.h"
#include "editor/completioncontroller.h"
#include "fakeservers.h"
#include "fakeupstream.h"
#include "panels/comparepanel.h"
#include "screenshot.h"
#include "settings/commandline.h"
#include "settings/translations.h"
#include "suite/comparerun.h"
#include "testcontext.h"
#include "window/mainwindow.h"
#include "window/requesttoolbar.h"
#include "window/settingsdialog.h"
#include "window/suiteactions.h"
#include "window/suitedialog.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QApplication>
#include <QComboBox>
#include <QDockWidget>
#include <QFile>
#include <QFileInfo>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabBar>
#include <QTableWidget>
#include <QTest>
#include <QTextEdit>
#include <QToolBar>
#include <QXmlStreamReader>

using namespace Qt::StringLiterals;

namespace {

// What a widget says, and where, for the failure message.
struct Text
{
    QString where;
    QString text;
};

// "&Save\tCtrl+S" -> "Save": the accelerator and the shortcut column are not part of the words.
QString words(QString text)
{
    text = text.section(QLatin1Char('\t'), 0, 0);
    text.replace(QRegularExpression(u"&(?!&)"_s), QString());
    return text.trimmed();
}

// Names and what no language translates: products, formats, the OK of every toolkit, numbers.
bool isException(const QString &text)
{
    // ... and the sweep's parameters, named as the API and the README name them.
    static const QStringList names{u"Codestral"_s, u"llama.cpp"_s, u"Ollama"_s, u"OK"_s,     u"JSON"_s,
                                   u"URL"_s,       u"temperature"_s, u"max_tokens"_s, u"top_p"_s, u"model"_s, u"context"_s};
    static const QRegularExpression figures(u"^[\\d\\s.,:;%×/·≈()+\\-–—ms]*$"_s);
    return names.contains(text) || figures.match(text).hasMatch();
}

// Every English source text of the .ts whose French differs from it, as a pattern the widget's text
// would match if it had stayed English: %1 (and %n) stand for anything, the rest must be there
// verbatim. A message translated by itself (OK, "%1 ms", "Cache") is left out: it is the same in
// both languages on purpose. Sources with placeholders and fewer than six letters of their own
// would match too much ("%1 · %2", "%1 ms") and are left out as well.
QList<QRegularExpression> englishPatterns(const QString &tsPath, int *messages)
{
    QFile file(tsPath);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QList<QRegularExpression> patterns;
    QXmlStreamReader xml(&file);
    QString source;
    QString translation;
    *messages = 0;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement() && xml.name() == u"source")
            source = xml.readElementText();
        else if (xml.isStartElement() && (xml.name() == u"translation" || xml.name() == u"numerusform")) {
            const QString t = xml.readElementText(QXmlStreamReader::IncludeChildElements);
            if (translation.isEmpty())
                translation = t;
        } else if (xml.isEndElement() && xml.name() == u"message") {
            ++*messages;
            const QString english = words(source);
            QString letters = english;
            letters.remove(QRegularExpression(u"%L?(\\d+|n)"_s));
            letters.remove(QRegularExpression(u"[^A-Za-z]"_s));
            const bool hasPlaceholder = english.contains(QRegularExpression(u"%L?(\\d+|n)"_s));
            if (words(translation) != english && letters.size() >= (hasPlaceholder ? 6 : 2)) {
                QString pattern;
                qsizetype from = 0;
                static const QRegularExpression placeholder(u"%L?(\\d+|n)"_s);
                for (const QRegularExpressionMatch &m : placeholder.globalMatch(english)) {
                    pattern += QRegularExpression::escape(english.mid(from, m.capturedStart() - from));
                    pattern += m.captured(1) == u"n" ? u"[\\d,.\\s]+"_s : u".*"_s;
                    from = m.capturedEnd();
                }
                pattern += QRegularExpression::escape(english.mid(from));
                patterns << QRegularExpression(QRegularExpression::anchoredPattern(pattern),
                                               QRegularExpression::DotMatchesEverythingOption);
            }
            source.clear();
            translation.clear();
        }
    }
    return patterns;
}

void addAction(QList<Text> *out, const QString &where, QAction *action)
{
    if (action->isSeparator())
        return;
    out->append({where + u" action"_s, action->text()});
    out->append({where + u" action tooltip"_s, action->toolTip()});
    if (QMenu *menu = action->menu()) {
        out->append({where + u" menu"_s, menu->title()});
        for (QAction *a : menu->actions())
            addAction(out, where + u" ▸ "_s + words(menu->title()), a);
    }
}

// Everything a user reads in a window: titles, labels, buttons, menus and toolbars with their
// tooltips, tabs, table headers, group boxes, placeholders, spin box texts, combo box items.
QList<Text> visibleTexts(QWidget *root)
{
    QList<Text> out;
    QList<QWidget *> widgets = root->findChildren<QWidget *>();
    widgets.prepend(root);
    for (QWidget *w : std::as_const(widgets)) {
        const QString where = QString::fromLatin1(w->metaObject()->className()) + u' ' + w->objectName();
        if (w->isWindow() || qobject_cast<QDockWidget *>(w))
            out.append({where + u" title"_s, w->windowTitle()});
        out.append({where + u" tooltip"_s, w->toolTip()});
        out.append({where + u" placeholder"_s, w->property("placeholderText").toString()});
        if (auto *label = qobject_cast<QLabel *>(w))
            out.append({where, label->text()});
        if (auto *button = qobject_cast<QAbstractButton *>(w))
            out.append({where, button->text()});
        if (auto *group = qobject_cast<QGroupBox *>(w))
            out.append({where, group->title()});
        if (auto *spin = qobject_cast<QAbstractSpinBox *>(w))
            out.append({where + u" special value"_s, spin->specialValueText()});
        if (auto *spin = qobject_cast<QSpinBox *>(w))
            out.append({where + u" suffix"_s, spin->suffix()});
        if (auto *combo = qobject_cast<QComboBox *>(w))
            for (int i = 0; i < combo->count(); ++i)
                out.append({where + u" item"_s, combo->itemText(i)});
        if (auto *tabs = qobject_cast<QTabBar *>(w))
            for (int i = 0; i < tabs->count(); ++i) {
                out.append({where + u" tab"_s, tabs->tabText(i)});
                out.append({where + u" tab tooltip"_s, tabs->tabToolTip(i)});
            }
        if (auto *view = qobject_cast<QAbstractItemView *>(w); view && view->model())
            for (int c = 0; c < view->model()->columnCount(); ++c) {
                out.append({where + u" header"_s, view->model()->headerData(c, Qt::Horizontal).toString()});
                out.append({where + u" header tooltip"_s, view->model()->headerData(c, Qt::Horizontal, Qt::ToolTipRole).toString()});
            }
        if (auto *bar = qobject_cast<QMenuBar *>(w))
            for (QAction *a : bar->actions())
                addAction(&out, u"menu bar"_s, a);
        else if (qobject_cast<QToolBar *>(w))
            for (QAction *a : w->actions())
                addAction(&out, where, a);
    }
    return out;
}

// The accelerators (&F) that two entries of one menu, or two menus of the bar, share.
QStringList sharedAccelerators(const QString &where, const QList<QAction *> &actions)
{
    QStringList shared;
    QHash<QChar, QString> taken;
    static const QRegularExpression mnemonic(u"&([^&\\s])"_s);
    for (QAction *a : actions) {
        if (const QRegularExpressionMatch m = mnemonic.match(a->text()); m.hasMatch()) {
            const QChar key = m.captured(1).at(0).toLower();
            if (taken.contains(key))
                shared << where + u": "_s + taken.value(key) + u" / "_s + a->text();
            taken.insert(key, a->text());
        }
        if (a->menu())
            shared << sharedAccelerators(where + u" ▸ "_s + words(a->text()), a->menu()->actions());
    }
    return shared;
}

// The texts still in English, one line each.
QStringList stillEnglish(const QList<Text> &texts, const QList<QRegularExpression> &patterns)
{
    QStringList found;
    for (const Text &t : texts) {
        const QString text = words(t.text);
        if (text.isEmpty() || isException(text))
            continue;
        for (const QRegularExpression &p : patterns)
            if (p.match(text).hasMatch()) {
                found << t.where + u": "_s + text.left(120);
                break;
            }
    }
    found.removeDuplicates();
    return found;
}

} // namespace

// The window in French (label "ui"): with the French translation loaded, the main window, the
// settings dialog, the suite window and Compare show no text that is still the English source of a
// message; --lang picks the language and refuses an unknown one in words; fim-complete --help
// speaks French under LANG=fr_FR.UTF-8. Also renders the French window (window-fr.png, the
// README's), the suite window and the settings dialog (suite-fr.png, settings-fr.png).
class TestTranslation : public QObject
{
    Q_OBJECT

    QList<QRegularExpression> m_patterns;
    int m_messages = 0;

    void checkFrench(QWidget *root, const char *what)
    {
        const QList<Text> texts = visibleTexts(root);
        int said = 0;
        for (const Text &t : texts)
            said += words(t.text).isEmpty() ? 0 : 1;
        QVERIFY2(said > 10, what); // the walk reached the widgets
        const QStringList english = stillEnglish(texts, m_patterns);
        QVERIFY2(english.isEmpty(), qPrintable(QString::fromLatin1(what) + u" still in English:\n  "_s + english.join(u"\n  "_s)));
    }

private slots:
    void initTestCase()
    {
        m_patterns = englishPatterns(qEnvironmentVariable("FIM_SOURCE_DIR") + u"/resources/translations/fim-playground_fr.ts"_s,
                                     &m_messages);
        QVERIFY2(m_messages > 500, "the French .ts was not read");
        QVERIFY(m_patterns.size() > 400);
        QCOMPARE(Translations::available(), QStringList({u"en"_s, u"fr"_s}));
        QVERIFY(Translations::install(qApp, u"fr"_s).isEmpty());
    }

    void theTranslationIsLoaded()
    {
        QCOMPARE(QCoreApplication::translate("RequestToolbar", "Stop"), u"Arrêter"_s);
        // French plural forms: the singular for 0 and 1.
        QCOMPARE(QCoreApplication::translate("ModelsPanel", "%n model(s).", nullptr, 0), u"0 modèle."_s);
        QCOMPARE(QCoreApplication::translate("ModelsPanel", "%n model(s).", nullptr, 1), u"1 modèle."_s);
        QCOMPARE(QCoreApplication::translate("ModelsPanel", "%n model(s).", nullptr, 2), u"2 modèles."_s);
        // Qt's standard buttons, from our file when Qt's own translation is not installed.
        QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), u"Annuler"_s);
    }

    void mainWindowCompareAndSuiteAreFrench()
    {
        FakeUpstream server;
        QVERIFY(server.listen());
        FakeServers::serveWith(server, EndpointKind::Proxy, [](const QJsonObject &) { return u"return a + b"_s; }, 5, 4, 0);
        TestContext ctx(server.url());
        auto window = std::make_unique<MainWindow>(ctx.context.get());
        window->completion()->setAutoTrigger(false);
        window->start(PlaygroundOptions{});
        window->resize(1280, 800);
        window->show();
        QVERIFY(QTest::qWaitForWindowExposed(window.get()));
        QTRY_VERIFY(!window->statusHealthText().isEmpty());

        // Two requests for the latency panel and a suggestion on screen.
        for (int i = 0; i < 2; ++i) {
            window->completion()->cache().clear();
            window->loadText(u"def add(a, b):\n    \n"_s, 19, u"add.py"_s);
            QSignalSpy timings(ctx.context->client(), &FimClient::timingRecorded);
            window->editor()->setFocus();
            QTest::keyClick(window->editor(), Qt::Key_Space, Qt::ControlModifier);
            QVERIFY(timings.wait());
        }
        QTRY_VERIFY(window->editor()->hasSuggestion());

        // Compare with two variants run side by side, so its columns are there.
        for (const QString &model : {u"codestral-latest"_s, u"codestral-2405"_s}) {
            FimRequest v = window->requestToolbar()->parameters();
            v.model = model;
            window->requestToolbar()->setParameters(v);
            QVERIFY(window->comparePanel()->saveCurrentAs(model));
        }
        window->findChild<QDockWidget *>(u"compareDock"_s)->raise();
        if (window->comparePanel()->run())
            QTRY_VERIFY(!window->comparePanel()->compareRun()->isRunning());

        const QImage image = Screenshot::grab(window.get());
        QVERIFY(!Screenshot::save(image, u"window-fr"_s).isEmpty());
        QVERIFY(Screenshot::inkRatio(image) > 0.05);

        checkFrench(window.get(), "the main window");
        const QStringList shared = sharedAccelerators(u"menu bar"_s, window->menuBar()->actions());
        QVERIFY2(shared.isEmpty(), qPrintable(shared.join(u'\n')));

        // The suite window, after a run of the example suite.
        window->suiteActions()->runExampleSuite();
        QTRY_VERIFY(window->suiteActions()->dialog());
        SuiteDialog *suite = window->suiteActions()->dialog();
        QTRY_VERIFY2_WITH_TIMEOUT(!suite->run()->isRunning() && suite->resultTable()->rowCount() > 0,
                                  qPrintable(u"%1 rows, running: %2"_s.arg(suite->resultTable()->rowCount()).arg(suite->run()->isRunning())),
                                  10000);
        checkFrench(suite, "the suite window");
        QVERIFY(!Screenshot::save(Screenshot::grab(suite), u"suite-fr"_s).isEmpty());
        window->editor()->document()->setModified(false);
    }

    void settingsDialogIsFrench()
    {
        TestContext ctx;
        SettingsDialog dialog(ctx.context.get(), {u"Breeze Light"_s});
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        checkFrench(&dialog, "the settings dialog");
        QVERIFY(!Screenshot::save(Screenshot::grab(&dialog), u"settings-fr"_s).isEmpty());
    }

    // The walk finds English where there is some: an untranslated label is reported.
    void anEnglishLabelIsFound()
    {
        QWidget w;
        auto *a = new QLabel(u"Check now"_s, &w);
        auto *b = new QLabel(u"Asking %1 what it is…"_s.arg(u"example.org"_s), &w);
        auto *c = new QLabel(QCoreApplication::translate("HealthPanel", "Check now"), &w);
        const QStringList english = stillEnglish(visibleTexts(&w), m_patterns);
        QCOMPARE(english.size(), 2);
        QVERIFY(english.at(0).endsWith(a->text()));
        QVERIFY(english.at(1).endsWith(b->text()));
        QVERIFY(!english.join(u'\n').contains(c->text()));
    }

    void langOptionPicksTheLanguage()
    {
        const CommandLineResult fr = parsePlaygroundCommandLine({u"fim-playground"_s, u"--lang"_s, u"fr"_s});
        QCOMPARE(fr.action, CommandLineResult::Action::Run);
        QCOMPARE(fr.options.language, u"fr"_s);
        QVERIFY(parsePlaygroundCommandLine({u"fim-playground"_s}).options.language.isEmpty());
        QCOMPARE(parsePlaygroundCommandLine({u"fim-playground"_s, u"--lang"_s}).action, CommandLineResult::Action::Error);

        // The programs themselves: --lang fr with --help answers in French; an unknown language is
        // said on stderr, and the help stays English.
        const QString bin = QFileInfo(qEnvironmentVariable("FIM_COMPLETE_PATH")).absolutePath();
        const QString english = u"Show the window in this language (%1) instead of the system's."_s;
        const QString french = QCoreApplication::translate("main", english.toUtf8().constData()).arg(u"en, fr"_s);
        QVERIFY(french != english);
        QProcess p;
        p.start(bin + u"/fim-playground"_s, {u"--lang"_s, u"fr"_s, u"--help"_s});
        QVERIFY(p.waitForFinished(10000));
        QCOMPARE(p.exitCode(), 0);
        // simplified(): the help wraps long descriptions
        QVERIFY2(QString::fromUtf8(p.readAllStandardOutput()).simplified().contains(french.simplified()),
                 "fim-playground --lang fr --help is not French");
        p.start(bin + u"/fim-playground"_s, {u"--lang"_s, u"xx"_s, u"--help"_s});
        QVERIFY(p.waitForFinished(10000));
        QCOMPARE(p.exitCode(), 0);
        QVERIFY(QString::fromUtf8(p.readAllStandardOutput()).simplified().contains(english.arg(u"en, fr"_s)));
        const QString error = QString::fromUtf8(p.readAllStandardError());
        QVERIFY2(error.contains(u"\"xx\""_s) && error.contains(u"fr"_s), qPrintable(error));
    }

    // fim-complete follows the system's language: LANG=fr_FR.UTF-8 gives French help, LANG=C English
    // (with its plural forms).
    void fimCompleteFollowsLang()
    {
        const QString english = u"Text before the cursor."_s;
        const QString french = QCoreApplication::translate("FimComplete", "Text before the cursor.");
        QVERIFY(french != english);
        for (const auto &[lang, expected] : {std::pair{u"fr_FR.UTF-8"_s, french}, std::pair{u"C"_s, english}}) {
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            for (const char *name : {"LANGUAGE", "LC_ALL", "LC_MESSAGES"})
                env.remove(QString::fromLatin1(name));
            env.insert(u"LANG"_s, lang);
            QProcess p;
            p.setProcessEnvironment(env);
            p.start(qEnvironmentVariable("FIM_COMPLETE_PATH"), {u"--help"_s});
            QVERIFY(p.waitForFinished(10000));
            QCOMPARE(p.exitCode(), 0);
            const QString out = QString::fromUtf8(p.readAllStandardOutput());
            QVERIFY2(out.simplified().contains(expected.simplified()), qPrintable(lang + u":\n"_s + out));
        }
    }
};

QTEST_MAIN(TestTranslation)
#include "tst_translation.moc"
