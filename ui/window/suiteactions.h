#pragma once

#include "suite/promptsuite.h"

#include <QObject>
#include <QPointer>

#include <functional>

class AppContext;
class CodeEditor;
class CompletionController;
class ComparePanel;
class InspectorPanel;
class SuiteDialog;
class QWidget;

// What the suite menu items do: save the cursor as a case of a suite, and run a suite (a file, or
// the example of the four samples) with the checked Compare variants, or with the active endpoint
// and the toolbar's parameters when none is checked, in the Prompt Suite window. Each endpoint's
// secret is read first; the exchanges go to the inspector and the history ("suite").
class SuiteActions final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SuiteActions)

public:
    struct Parts
    {
        AppContext *context;
        CodeEditor *editor;
        CompletionController *completion;
        ComparePanel *compare;
        InspectorPanel *inspector;
        QWidget *window;
        std::function<FimRequest()> parameters; // the toolbar's
        std::function<QString()> fileName;      // the file in the editor, empty when none
    };
    explicit SuiteActions(const Parts &parts, QObject *parent = nullptr);
    ~SuiteActions() override;

    // The case the cursor makes: the prefix and suffix a request would send, the ghost text shown
    // as what is expected.
    SuiteCase caseAtCursor() const;
    void saveCursorAsCase();
    void runSuite(); // asks for the file
    void runSuiteFile(const QString &path);
    void runExampleSuite();
    // Shows the Prompt Suite window without running anything: a batch job kept from an earlier
    // session is offered there to resume or cancel.
    void showDialog();
    SuiteDialog *dialog() const;

signals:
    void statusMessage(const QString &text, bool isError);

private:
    void runWith(const QString &title, const PromptSuite &suite, const QString &path);
    SuiteDialog *ensureDialog();

    Parts m_parts;
    QPointer<SuiteDialog> m_dialog;
    quint64 m_generation = 0;
};
