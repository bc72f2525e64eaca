// history-writer PATH SOURCE COUNT: appends COUNT records to the history at PATH as SOURCE, one
// transaction each, the way the playground and fim-complete do; exits 1 at the first failure.
// tst_historystore runs two at once to see that neither corrupts the file nor loses a row.
#include "history/historystore.h"

#include <QCoreApplication>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 4)
        return 2;
    HistoryStore store;
    store.setMaxRows(0); // no pruning: every row must stay
    QString error;
    if (!store.open(args.at(1), &error)) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    const int count = args.at(3).toInt();
    for (int i = 0; i < count; ++i) {
        HistoryRecord r;
        r.time = QDateTime::currentDateTimeUtc();
        r.source = args.at(2);
        r.prefix = QStringLiteral("row %1 of %2").arg(i).arg(args.at(2));
        r.rawAnswer = QByteArray(200, 'x');
        if (!store.append(r, &error)) {
            std::fprintf(stderr, "%s\n", qPrintable(error));
            return 1;
        }
    }
    return 0;
}
