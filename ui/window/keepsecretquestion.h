#pragma once

#include <QString>

class QWidget;

// Asked at Settings ▸ OK when the system keychain refused a key typed there (refusals: one
// "“profile”: why" a line): keep it for this session only — in memory until the playground quits,
// never in the settings file — or go back to the settings. True: keep it.
bool askToKeepForSession(QWidget *parent, const QString &refusals);
