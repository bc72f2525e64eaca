#include "window/syntaxwarmup.h"

#include "settings/sessionstore.h"
#include "window/samples.h"

#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Format>
#include <KSyntaxHighlighting/Repository>
#include <KSyntaxHighlighting/Theme>

#include <QFileInfo>

namespace SyntaxWarmUp {

QString startLanguage(const KSyntaxHighlighting::Repository &repository, const QString &commandLineFile,
                      const QString &sessionPath)
{
    if (!commandLineFile.isEmpty())
        return repository.definitionForFileName(commandLineFile).name();
    // A session of a large unsaved text is not read twice (the window reads it too): its language
    // is left to the window, which then reads that definition itself.
    if (QFileInfo(sessionPath).size() > MaxSessionBytes)
        return QString();
    if (const std::optional<Session> session = SessionStore(sessionPath).load()) {
        if (!session->language.isEmpty())
            return session->language;
        if (!session->filePath.isEmpty())
            return repository.definitionForFileName(session->filePath).name();
        return QString();
    }
    return repository.definitionForFileName(firstSampleFileName()).name();
}

std::unique_ptr<KSyntaxHighlighting::Repository> load(const QString &commandLineFile, const QString &sessionPath)
{
    auto repository = std::make_unique<KSyntaxHighlighting::Repository>();
    for (const KSyntaxHighlighting::Theme &theme : repository->themes())
        (void)theme.editorColor(KSyntaxHighlighting::Theme::BackgroundColor);
    const QString language = startLanguage(*repository, commandLineFile, sessionPath);
    const KSyntaxHighlighting::Definition definition = repository->definitionForName(language);
    if (definition.isValid()) {
        (void)definition.formats();              // the definition read
        (void)definition.includedDefinitions(); // and those its rules include
    }
    return repository;
}

} // namespace SyntaxWarmUp
