#pragma once

#include <QString>
#include <QStringList>

class QCoreApplication;

// The playground's translations: the .qm files compiled into the library under :/i18n
// (fim-playground_<lang>.qm, built from resources/translations by qt_add_translations), and Qt's own
// qtbase translation where the system has it.
namespace Translations {

// The languages a .qm is compiled in for, sorted ("en" holds only English plural forms).
QStringList available();

// Installs on the running application the translation for `language` ("fr", "en"), or, when it is
// empty, for the system's user-interface languages in order (QLocale::system().uiLanguages(),
// which follows LANGUAGE, LC_ALL, LC_MESSAGES and LANG); English (its plural forms) when none fits. Qt's qtbase translation is installed too
// when QLibraryInfo's translations folder has one, and silently skipped when not. Returns an
// error in words when `language` has no translation (the application then stays in English).
// The translators belong to the application and live as long as it does.
QString install(QCoreApplication *app, const QString &language = {});

} // namespace Translations
