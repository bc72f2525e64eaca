#pragma once

#include "history/historyrecord.h"

#include <QHash>
#include <QObject>

class FimClient;
class HistoryWriter;
struct Exchange;

// Turns every exchange of the clients it watches into a history record and hands it to the
// writer: with the answer as the editor showed it (noteCleaned) and the file and cursor it was
// asked at (setCursor, for the requests that follow).
class HistoryRecorder final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HistoryRecorder)

public:
    explicit HistoryRecorder(HistoryWriter *writer, QObject *parent = nullptr);

    // source: "playground", "compare", "fim-complete".
    void watch(FimClient *client, const QString &source);
    // An exchange of a client it does not watch (a Compare run's), under the profile it went to
    // (whose template, if any, says how an answer nobody showed is cleaned).
    // shown: the answer as it was shown (empty: what noteCleaned() said, if anything).
    void record(const Endpoint &endpoint, const QString &source, const Exchange &exchange, const QString &shown = {});
    void noteCleaned(quint64 requestId, const QString &shown);
    void setCursor(const QString &fileName, int line, int column);

private:
    HistoryWriter *m_writer;
    QHash<quint64, QString> m_cleaned;
    QString m_fileName;
    int m_line = -1;
    int m_column = -1;
};
