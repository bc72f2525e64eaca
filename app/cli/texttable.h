#pragma once

#include <QList>
#include <QString>
#include <QStringList>

// The cells as columns two spaces apart, a line per row: the first leftAligned columns (names)
// left-aligned, the others (figures) right-aligned; trailing spaces trimmed. fim-complete's tables.
QString textTable(const QList<QStringList> &cells, int leftAligned = 1);
