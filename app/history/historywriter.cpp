#include "history/historywriter.h"

#include "history/historystore.h"

#include <QCoreApplication>

HistoryWriter::HistoryWriter(const QString &path, int maxRows, QObject *parent)
    : QObject(parent)
    , m_path(path)
{
    m_thread.setObjectName(QStringLiteral("history writer"));
    m_worker = new QObject;
    m_worker->moveToThread(&m_thread);
    m_store = new HistoryStore;
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

void HistoryWriter::record(std::function<HistoryRecord()> make)
{
    if (!m_available)
        return;
    QMetaObject::invokeMethod(m_worker, [this, make = std::move(make)] {
        if (!m_store->isOpen())
            return;
        QString error;
        HistoryRecord written = make();
        if (m_store->append(written, &error)) {
            const qint64 id = written.id;
            QMetaObject::invokeMethod(this, [this, id] { emit recorded(id); });
        } else {
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
