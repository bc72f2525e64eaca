#include "history/historywriter.h"

#include "history/historystore.h"

#include <QCoreApplication>
#include <QHash>

#include <deque>

struct HistoryWriter::Rows
{
    static constexpr int MaxWaiting = 16;
    struct Waiting
    {
        SuggestionRecord record;
        quint64 requestId = 0;
        quint64 key = 0;
        std::optional<double> persistence;
    };
    QHash<quint64, qint64> exchanges;   // request id → row (the newest few hundred)
    QHash<quint64, qint64> suggestions; // key → row
    std::deque<Waiting> waiting;
};

HistoryWriter::HistoryWriter(const QString &path, int maxRows, QObject *parent)
    : QObject(parent)
    , m_path(path)
{
    m_thread.setObjectName(QStringLiteral("history writer"));
    m_worker = new QObject;
    m_worker->moveToThread(&m_thread);
    m_store = new HistoryStore;
    m_rows = new Rows;
    m_thread.start(QThread::LowPriority);
    QMetaObject::invokeMethod(m_worker, [this, path, maxRows] {
        QString error;
        m_store->setMaxRows(maxRows);
        if (!m_store->open(path, &error))
            QMetaObject::invokeMethod(this, [this, error] { fail(error); });
    });
}

HistoryWriter::~HistoryWriter()
{
    // Queued after every record: what was asked to be written is written, then the file closes.
    QMetaObject::invokeMethod(m_worker, [this] {
        flushWaiting(true);
        delete m_rows;
        m_rows = nullptr;
        delete m_store;
        m_store = nullptr;
        m_thread.quit();
    });
    m_thread.wait();
    delete m_worker;
}

void HistoryWriter::record(const HistoryRecord &r)
{
    record(std::function<HistoryRecord()>([r] { return r; }));
}

void HistoryWriter::record(std::function<HistoryRecord()> make, quint64 requestId)
{
    if (!m_available)
        return;
    QMetaObject::invokeMethod(m_worker, [this, make = std::move(make), requestId] {
        if (!m_store->isOpen())
            return;
        QString error;
        HistoryRecord written = make();
        if (m_store->append(written, &error)) {
            const qint64 id = written.id;
            if (requestId != 0) {
                if (m_rows->exchanges.size() > 512)
                    m_rows->exchanges.clear();
                m_rows->exchanges.insert(requestId, id);
                flushWaiting(false);
            }
            QMetaObject::invokeMethod(this, [this, id] { emit recorded(id); });
        } else {
            m_store->close();
            QMetaObject::invokeMethod(this, [this, error] { fail(error); });
        }
    });
}

void HistoryWriter::recordSuggestion(const SuggestionRecord &record, quint64 requestId, quint64 key)
{
    if (!m_available)
        return;
    QMetaObject::invokeMethod(m_worker, [this, record, requestId, key] {
        if (!m_store->isOpen())
            return;
        // Written in order: behind one that waits for its exchange, this one waits too.
        m_rows->waiting.push_back({record, requestId, key, std::nullopt});
        flushWaiting(false);
    });
}

void HistoryWriter::recordPersistence(quint64 key, double persistence)
{
    if (!m_available)
        return;
    QMetaObject::invokeMethod(m_worker, [this, key, persistence] {
        if (!m_store->isOpen())
            return;
        for (Rows::Waiting &w : m_rows->waiting) {
            if (w.key == key) {
                w.record.persistence = persistence;
                return;
            }
        }
        const qint64 row = m_rows->suggestions.value(key);
        QString error;
        if (row > 0 && !m_store->setSuggestionPersistence(row, persistence, &error)) {
            m_store->close();
            QMetaObject::invokeMethod(this, [this, error] { fail(error); });
        }
    });
}

void HistoryWriter::flushWaiting(bool all)
{
    auto &waiting = m_rows->waiting;
    while (!waiting.empty()) {
        Rows::Waiting &w = waiting.front();
        const auto row = m_rows->exchanges.constFind(w.requestId);
        if (row != m_rows->exchanges.cend())
            w.record.exchangeId = *row;
        else if (w.requestId != 0 && !all && waiting.size() <= Rows::MaxWaiting)
            return; // its exchange is still on its way
        writeSuggestion(std::move(w.record), w.key);
        waiting.pop_front();
        if (!m_store->isOpen())
            return;
    }
}

void HistoryWriter::writeSuggestion(SuggestionRecord record, quint64 key)
{
    QString error;
    if (!m_store->appendSuggestion(record, &error)) {
        m_store->close();
        QMetaObject::invokeMethod(this, [this, error] { fail(error); });
        return;
    }
    if (m_rows->suggestions.size() > 512)
        m_rows->suggestions.clear();
    m_rows->suggestions.insert(key, record.id);
    const qint64 id = record.id;
    QMetaObject::invokeMethod(this, [this, id] { emit suggestionRecorded(id); });
}

void HistoryWriter::flush()
{
    QMetaObject::invokeMethod(m_worker, [] {}, Qt::BlockingQueuedConnection);
    QCoreApplication::sendPostedEvents(this); // the recorded()/unavailable() notes queued for us
}

void HistoryWriter::fail(const QString &reason)
{
    if (!m_available)
        return;
    m_available = false;
    emit unavailable(reason);
}
