#pragma once

#include "history/historyrecord.h"
#include "history/suggestionrecord.h"

#include <QObject>
#include <QThread>

#include <functional>

class HistoryStore;

// Writes history records on a thread of its own, so that a slow disk or a lock held by another
// process never stalls typing. record() returns at once; the records are written in order.
//
// When the file cannot be opened or a write fails, unavailable() is emitted once with the reason
// in words and the writer drops every record from then on: the playground goes on without history.
// The destructor writes what was queued, then closes the file.
class HistoryWriter final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HistoryWriter)

public:
    explicit HistoryWriter(const QString &path, int maxRows, QObject *parent = nullptr);
    ~HistoryWriter() override;

    void record(const HistoryRecord &record);
    // The same, with the record made on the writer's thread: turning a large exchange into a
    // record (its answer, thousands of chunk timings as JSON) then costs the GUI thread nothing.
    // requestId: the FimReply the exchange was (0: none), for the suggestions shown from it.
    void record(std::function<HistoryRecord()> make, quint64 requestId = 0);
    // A suggestion the editor showed, once it ended: written at once. requestId: the FimReply
    // whose answer it was (0: none); its row points at that exchange's, linked when the exchange is
    // written if it comes later (a cancelled request's never does: the link stays empty). key: the
    // caller's number for it, for recordPersistence().
    void recordSuggestion(const SuggestionRecord &record, quint64 requestId, quint64 key);
    // Persistence measured for the suggestion recorded under key.
    void recordPersistence(quint64 key, double persistence);
    bool isAvailable() const { return m_available; }
    const QString &path() const { return m_path; }
    // Waits until everything recorded so far is written (tests, quitting).
    void flush();

signals:
    void unavailable(const QString &reason);
    void recorded(qint64 id);
    void suggestionRecorded(qint64 id);

private:
    void fail(const QString &reason);
    // On the writer's thread: the rows written this session by request and by suggestion key, and
    // the suggestions whose exchange is not written yet.
    struct Rows;

    QString m_path;
    QThread m_thread;
    QObject *m_worker = nullptr; // lives on m_thread
    HistoryStore *m_store = nullptr; // used on m_thread only
    Rows *m_rows = nullptr;          // used on m_thread only
    bool m_available = true;
};
