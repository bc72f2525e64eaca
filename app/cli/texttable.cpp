#include "cli/texttable.h"

#include <algorithm>

QString textTable(const QList<QStringList> &cells, int leftAligned)
{
    QList<qsizetype> widths;
    for (const QStringList &row : cells) {
        widths.resize(std::max(widths.size(), row.size()), 0);
        for (qsizetype i = 0; i < row.size(); ++i)
            widths[i] = std::max(widths[i], row.at(i).size());
    }
    QStringList rows;
    for (const QStringList &row : cells) {
        QStringList padded;
        for (qsizetype i = 0; i < row.size(); ++i)
            padded << (i < leftAligned ? row.at(i).leftJustified(widths[i]) : row.at(i).rightJustified(widths[i]));
        rows << padded.join(QStringLiteral("  ")).trimmed();
    }
    return rows.join(QLatin1Char('\n')) + QLatin1Char('\n');
}
