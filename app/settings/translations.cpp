#include "settings/translations.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace {

const QString Folder = QStringLiteral(":/i18n");
const QString Base = QStringLiteral("fim-playground");

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Translations)
};

// Loads into a new translator owned by `app` and installs it; false (nothing installed) when none fits.
bool installFirst(QCoreApplication *app, const QLocale &locale, const QString &name, const QString &folder)
{
    auto *translator = new QTranslator(app);
    if (translator->load(locale, name, QStringLiteral("_"), folder) && QCoreApplication::installTranslator(translator))
        return true;
    delete translator;
    return false;
}

} // namespace

namespace Translations {

QStringList available()
{
    QStringList languages;
    const QStringList files = QDir(Folder).entryList({Base + QStringLiteral("_*.qm")}, QDir::Files, QDir::Name);
    for (const QString &file : files)
        languages << file.mid(Base.size() + 1).chopped(3);
    return languages;
}

QString install(QCoreApplication *app, const QString &language)
{
    QString error;
    QLocale locale = QLocale::system();
    if (!language.isEmpty()) {
        if (available().contains(language)) {
            locale = QLocale(language);
        } else {
            error = Tr::tr("There is no translation for \"%1\" (there are: %2); the playground stays in English.")
                        .arg(language, available().join(QStringLiteral(", ")));
            locale = QLocale(QLocale::English);
        }
    }
    // No translation for the language asked: English, with its plural forms ("1 model", "2 models"),
    // and Qt's own words in English too (not German buttons around an English window).
    if (!installFirst(app, locale, Base, Folder)) {
        installFirst(app, QLocale(QLocale::English), Base, Folder);
        return error;
    }
    installFirst(app, locale, QStringLiteral("qtbase"), QLibraryInfo::path(QLibraryInfo::TranslationsPath));
    return error;
}

} // namespace Translations
