#include "text/editdistance.h"

#include <QList>

#include <algorithm>
#include <vector>

qsizetype EditDistance::levenshtein(QStringView a, QStringView b)
{
    QList<uint> x = a.toUcs4();
    QList<uint> y = b.toUcs4();
    if (x.size() < y.size())
        std::swap(x, y); // the shorter one is the row
    std::vector<qsizetype> row(std::size_t(y.size()) + 1);
    for (qsizetype j = 0; j <= y.size(); ++j)
        row[std::size_t(j)] = j;
    for (qsizetype i = 1; i <= x.size(); ++i) {
        qsizetype diagonal = row[0]; // row above, column j - 1
        row[0] = i;
        for (qsizetype j = 1; j <= y.size(); ++j) {
            const qsizetype above = row[std::size_t(j)];
            const qsizetype cost = x.at(i - 1) == y.at(j - 1) ? 0 : 1;
            row[std::size_t(j)] = std::min({above + 1, row[std::size_t(j - 1)] + 1, diagonal + cost});
            diagonal = above;
        }
    }
    return row[std::size_t(y.size())];
}

double EditDistance::similarity(QStringView a, QStringView b)
{
    const qsizetype longest = std::max(a.toUcs4().size(), b.toUcs4().size());
    if (longest == 0)
        return 1.0;
    return 1.0 - double(levenshtein(a, b)) / double(longest);
}
