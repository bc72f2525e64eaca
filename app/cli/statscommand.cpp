#include "cli/statscommand.h"

#include "cli/texttable.h"

#include "history/historyschema.h"
#include "history/historystore.h"
#include "history/suggestionlog.h"
#include "history/suggestionstats.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>

#include <cstdio>

namespace {

// The schema that added the suggestions (older files have none: nothing to count).
constexpr int SuggestionsSince = 4;

// Messages under the context "FimComplete"; lupdate reads it from here.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(FimComplete)
};

} // namespace

QDateTime parseSince(const QString &text, const QDateTime &now)
{
    static const QRegularExpression relative(QStringLiteral("^(\\d+)([dhm])$"));
    if (const QRegularExpressionMatch m = relative.match(text); m.hasMatch()) {
        const qint64 n = m.captured(1).toLongLong();
        return m.captured(2) == u"d" ? now.addDays(-n) : now.addSecs(-n * (m.captured(2) == u"h" ? 3600 : 60));
    }
    if (const QDate date = QDate::fromString(text, Qt::ISODate); date.isValid() && text.size() == 10)
        return QDateTime(date, QTime(0, 0));
    return QDateTime::fromString(text, Qt::ISODateWithMs);
}

int runStatsCommand(const QString &historyPath, const QDateTime &since, bool json)
{
    if (!QFileInfo::exists(historyPath)) {
        std::fprintf(stderr, "fim-complete: %s\n",
                     qPrintable(Tr::tr("no history at %1 yet: the playground records suggestions there as you use it").arg(historyPath)));
        return 1;
    }
    // Read only: a report never migrates or writes the file (an older playground could not read it after).
    QList<SuggestionRecord> records;
    const QString connection = QStringLiteral("fim-complete-stats");
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        db.setDatabaseName(historyPath);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=5000"));
        if (!db.open()) {
            std::fprintf(stderr, "fim-complete: %s\n", qPrintable(Tr::tr("cannot read %1: %2").arg(historyPath, db.lastError().text())));
            return 1;
        }
        const int version = HistorySchema::schemaVersion(db);
        if (version < 0) {
            std::fprintf(stderr, "fim-complete: %s\n", qPrintable(Tr::tr("%1 is not a history file FIM Playground can read").arg(historyPath)));
            db.close();
            return 1;
        }
        if (version > HistoryStore::SchemaVersion) {
            std::fprintf(stderr, "fim-complete: %s\n",
                         qPrintable(Tr::tr("%1 was written by a newer FIM Playground (schema %2; this one knows up to %3)")
                                        .arg(historyPath)
                                        .arg(version)
                                        .arg(HistoryStore::SchemaVersion)));
            db.close();
            return 1;
        }
        if (version >= SuggestionsSince)
            records = SuggestionLog::read(db, since, 1000000);
        db.close();
    }
    QSqlDatabase::removeDatabase(connection);
    const SuggestionStats stats = SuggestionStats::of(records);
    if (json) {
        for (const SuggestionStats::Row &r : stats.rows)
            std::printf("%s\n", QJsonDocument(SuggestionStats::rowToJson(r)).toJson(QJsonDocument::Compact).constData());
        QJsonObject total = SuggestionStats::rowToJson(stats.total);
        for (const char *key : {"profile", "model", "template", "context"})
            total.remove(QString::fromLatin1(key));
        total.insert(QStringLiteral("total"), true);
        std::printf("%s\n", QJsonDocument(total).toJson(QJsonDocument::Compact).constData());
        return 0;
    }
    if (stats.rows.isEmpty()) {
        std::printf("%s\n", qPrintable(since.isValid() ? Tr::tr("No suggestions recorded since %1.").arg(since.toString(Qt::ISODate))
                                                       : Tr::tr("No suggestions recorded yet.")));
        return 0;
    }
    QList<QStringList> cells{{Tr::tr("profile"), Tr::tr("model"), Tr::tr("template"), Tr::tr("context"), Tr::tr("seen"), Tr::tr("accept"), Tr::tr("whole"),
                              Tr::tr("chars"), Tr::tr("persist"), Tr::tr("latency p50/p95"), Tr::tr("accepted p50/p95"), Tr::tr("tok/char")}};
    for (const SuggestionStats::Row &r : stats.rows)
        cells << SuggestionStats::cells(r, false);
    if (stats.rows.size() > 1)
        cells << SuggestionStats::cells(stats.total, true);
    std::printf("%s", textTable(cells, 4).toUtf8().constData());
    std::printf("%s\n", qPrintable(Tr::tr("seen: on screen 750 ms or acted upon; accept: seen ones something was taken of; whole: "
                                          "taken to the end; chars: accepted / seen characters; persist: accepted text still there "
                                          "30 s later; latency in ms from asking to on screen")));
    return 0;
}
