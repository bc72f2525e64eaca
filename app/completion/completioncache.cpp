#include "completion/completioncache.h"

#include <vector>

namespace {

constexpr quint64 FnvOffset = 14695981039346656037ull;
constexpr quint64 FnvPrime = 1099511628211ull;
constexpr qsizetype TailLength = 128;

quint64 fnv(quint64 h, const ushort *data, qsizetype n)
{
    for (qsizetype i = 0; i < n; ++i) {
        h ^= data[i];
        h *= FnvPrime;
    }
    return h;
}

quint64 scopeHash(const QByteArray &scope, const QString &suffix)
{
    quint64 h = FnvOffset;
    for (char c : scope) {
        h ^= quint8(c);
        h *= FnvPrime;
    }
    h ^= 0xff;
    h *= FnvPrime;
    return fnv(h, suffix.utf16(), suffix.size());
}

quint64 combine(quint64 scopeAndSuffix, quint64 prefixHash, qsizetype prefixLength)
{
    quint64 h = scopeAndSuffix ^ (prefixHash + 0x9e3779b97f4a7c15ull + (scopeAndSuffix << 6) + (scopeAndSuffix >> 2));
    return h ^ quint64(prefixLength) * 0xff51afd7ed558ccdull;
}

} // namespace

void CompletionCache::insert(const QByteArray &scope, const QString &prefix, const QString &suffix,
                             const QString &completion)
{
    if (m_capacity == 0 || completion.isEmpty())
        return;
    const quint64 key = combine(scopeHash(scope, suffix), fnv(FnvOffset, prefix.utf16(), prefix.size()), prefix.size());
    if (auto it = m_index.find(key); it != m_index.end()) {
        m_entries.erase(it->second);
        m_index.erase(it);
    }
    m_entries.push_front(Entry{key, scope, suffix, prefix.right(TailLength), prefix.size(), completion});
    m_index.emplace(key, m_entries.begin());
    while (m_entries.size() > m_capacity) {
        m_index.erase(m_entries.back().key);
        m_entries.pop_back();
    }
}

std::optional<QString> CompletionCache::lookup(const QByteArray &scope, const QString &prefix, const QString &suffix)
{
    if (m_entries.empty())
        return std::nullopt;
    const quint64 base = scopeHash(scope, suffix);
    // Hash states of the prefix cut k characters short, for k = 0..maxTypedAhead, in one pass.
    const qsizetype n = prefix.size();
    const qsizetype walk = std::min<qsizetype>(m_maxTypedAhead, n);
    std::vector<quint64> states(std::size_t(walk) + 1);
    quint64 h = fnv(FnvOffset, prefix.utf16(), n - walk);
    states[std::size_t(walk)] = h;
    for (qsizetype k = walk - 1; k >= 0; --k) {
        h = fnv(h, prefix.utf16() + (n - k - 1), 1);
        states[std::size_t(k)] = h;
    }
    for (qsizetype k = 0; k <= walk; ++k) {
        const qsizetype length = n - k;
        const auto it = m_index.find(combine(base, states[std::size_t(k)], length));
        if (it == m_index.end())
            continue;
        const Entry &e = *it->second;
        const QStringView typed = QStringView(prefix).sliced(length);
        if (e.prefixLength != length || e.scope != scope || e.suffix != suffix || e.completion.size() <= k
            || !QStringView(e.completion).startsWith(typed)
            || QStringView(prefix).first(length).right(e.prefixTail.size()) != e.prefixTail)
            continue;
        m_entries.splice(m_entries.begin(), m_entries, it->second); // now most recently used
        return e.completion.mid(k);
    }
    return std::nullopt;
}

void CompletionCache::clear()
{
    m_entries.clear();
    m_index.clear();
}
