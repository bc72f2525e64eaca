#include "history/historywriter.h"

#include "history/historystore.h"

#include <QCache>
#include <QCoreApplication>

// The rows this session wrote, by the caller's numbers (least recently used forgotten first): an
// exchange's by its request id, a suggestion's by its key; and suggestions whose exchange was not
// written yet, by that request id (a cancelled request's exchange never is).
struct HistoryWriter::Rows
{
    static constexpr int Remembered = 1024;
    QCache<quint64, qint64> exchanges{Remembered};
    QCache<quint64, qint64> suggestions{Remembered};
    QCache<quint64, QList<qint64>> unlinked{Remembered};
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
                m_rows->exchanges.insert(requestId, new qint64(id));
                if (const QList<qint64> *waiting = m_rows->unlinked.object(requestId)) {
                    if (!m_store->linkSuggestions(*waiting, id, &error)) {
                        m_store->close();
                        QMetaObject::invokeMethod(this, [this, error] { fail(error); });
                        return;
                    }
                    m_rows->unlinked.remove(requestId);
                }
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
        SuggestionRecord written = record;
        const qint64 *exchange = requestId != 0 ? m_rows->exchanges.object(requestId) : nullptr;
        written.exchangeId = exchange ? *exchange : 0;
        QString error;
        if (!m_store->appendSuggestion(written, &error)) {
            m_store->close();
            QMetaObject::invokeMethod(this, [this, error] { fail(error); });
            return;
        }
        m_rows->suggestions.insert(key, new qint64(written.id));
        if (requestId != 0 && !exchange) { // its exchange comes later, if ever: linked then
            QList<qint64> *waiting = m_rows->unlinked.object(requestId);
            if (!waiting) {
                waiting = new QList<qint64>;
                m_rows->unlinked.insert(requestId, waiting);
            }
            waiting->append(written.id);
        }
        const qint64 id = written.id;
        QMetaObject::invokeMethod(this, [this, id] { emit suggestionRecorded(id); });
    });
}

void HistoryWriter::recordPersistence(quint64 key, double persistence)
{
    if (!m_available)
        return;
    QMetaObject::invokeMethod(m_worker, [this, key, persistence] {
        if (!m_store->isOpen())
            return;
        const qint64 *row = m_rows->suggestions.object(key);
        QString error;
        if (row && !m_store->setSuggestionPersistence(*row, persistence, &error)) {
            m_store->close();
            QMetaObject::invokeMethod(this, [this, error] { fail(error); });
        }
    });
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
