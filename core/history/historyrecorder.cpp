#include "historyrecorder.h"

#include "fimclient.h"
#include "historywriter.h"

HistoryRecorder::HistoryRecorder(HistoryWriter *writer, QObject *parent)
    : QObject(parent)
    , m_writer(writer)
{
}

void HistoryRecorder::watch(FimClient *client, const QString &source)
{
    connect(client, &FimClient::exchangeRecorded, this,
            [this, client, source](const Exchange &x) { record(client->endpoint().name, source, x); });
}

void HistoryRecorder::noteCleaned(quint64 requestId, const QString &shown)
{
    // Cleaned answers come just before their exchange; a few are enough to hold.
    if (m_cleaned.size() > 64)
        m_cleaned.clear();
    m_cleaned.insert(requestId, shown);
}

void HistoryRecorder::setCursor(const QString &fileName, int line, int column)
{
    m_fileName = fileName;
    m_line = line;
    m_column = column;
}

void HistoryRecorder::record(const QString &profile, const QString &source, const Exchange &x, const QString &shown)
{
    HistoryRecord r = historyRecordOf(x, profile, source);
    r.cleanedAnswer = m_cleaned.take(x.id);
    if (!shown.isEmpty())
        r.cleanedAnswer = shown;
    r.fileName = m_fileName;
    r.line = m_line;
    r.column = m_column;
    m_writer->record(r);
}
