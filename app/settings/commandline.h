#pragma once

#include <QString>
#include <QStringList>
#include <optional>

// What the fim-playground command line asks for. Parsing needs no QApplication, so --help and
// --version work without a display.
struct PlaygroundOptions
{
    QString file;             // file to open, empty for the restored session
    QString endpointUrl;      // --endpoint: base URL overriding the active profile
    QString kind;             // --kind: an endpointKindName(), empty to keep the profile's
    QString model;            // --model
    std::optional<int> line;  // --cursor LINE:COL, 1-based
    std::optional<int> column;
    bool timings = false;     // --timings: print where start-up time went, at the first paint
    QString language;         // --lang: a translation to use instead of the system's ("fr", "en")
};

struct CommandLineResult
{
    enum class Action { Run, ShowHelp, ShowVersion, Error };
    Action action = Action::Run;
    PlaygroundOptions options;
    QString text; // help or version text, or the error message
};

CommandLineResult parsePlaygroundCommandLine(const QStringList &arguments);

// Whether the line holds one of Qt's own options, which QApplication takes out of it (-style,
// -platform, -reverse, -qwindowgeometry and the rest of QGuiApplication's and QApplication's,
// with one dash or two, "-style fusion" or "-style=fusion"): the line is then read again after
// QApplication, which needs a display, has taken them.
bool hasQtGuiOption(const QStringList &arguments);
