#pragma once

#include <QByteArray>
#include <QString>

#include <list>
#include <optional>
#include <unordered_map>

// Completions already received, most recently used first (LRU). Keyed by a scope (endpoint, model
// and parameters), the prefix and the suffix. A lookup also finds a completion the user has begun
// to type: if a completion C was cached at prefix P and the prefix is now P + T where C starts with
// T, the rest of C is served without a request.
class CompletionCache
{
public:
    explicit CompletionCache(std::size_t capacity = 256, int maxTypedAhead = 256)
        : m_capacity(capacity)
        , m_maxTypedAhead(maxTypedAhead)
    {
    }

    void insert(const QByteArray &scope, const QString &prefix, const QString &suffix, const QString &completion);
    // The completion to show at (prefix, suffix), or nullopt. Cost: one pass over the prefix plus at
    // most maxTypedAhead hash look-ups.
    std::optional<QString> lookup(const QByteArray &scope, const QString &prefix, const QString &suffix);
    void clear();
    std::size_t size() const { return m_entries.size(); }

private:
    struct Entry
    {
        quint64 key;
        QByteArray scope;
        QString suffix;
        QString prefixTail; // the prefix's last characters, to rule out hash collisions
        qsizetype prefixLength;
        QString completion;
    };

    std::size_t m_capacity;
    int m_maxTypedAhead;
    std::list<Entry> m_entries; // front: most recently used
    std::unordered_map<quint64, std::list<Entry>::iterator> m_index;
};
