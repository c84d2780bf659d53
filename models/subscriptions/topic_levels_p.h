#pragma once

#include <QHashFunctions>
#include <QString>
#include <QStringView>
#include <QVarLengthArray>

// Internal helpers shared by TopicFilterIndex and TopicNameIndex. Not part of
// the public models/ API: the level views they produce point into the string
// that was split, so they must not outlive it.
namespace TopicLevels {

// Most topics in the seed scheme have six levels; deeper ones spill to the heap.
using Levels = QVarLengthArray<QStringView, 16>;

// A level with its hash computed once, for walks that probe several nodes
// with the same level (every '+' branch of a filter trie).
struct HashedLevel
{
    QStringView text;
    size_t hash = 0;
};
using HashedLevels = QVarLengthArray<HashedLevel, 16>;

inline QStringView levelText(QStringView level) { return level; }
inline QStringView levelText(const HashedLevel &level) { return level.text; }

// Transparent hash/equality so std::unordered_map<QString, ...> can be probed
// with a QStringView or HashedLevel without building a QString (C++20
// heterogeneous lookup). qHash(QString) is qHash(QStringView), so all agree.
struct LevelHash
{
    using is_transparent = void;
    size_t operator()(QStringView level) const noexcept { return qHash(level); }
    size_t operator()(const QString &level) const noexcept { return qHash(QStringView(level)); }
    size_t operator()(const HashedLevel &level) const noexcept { return level.hash; }
};

struct LevelEqual
{
    using is_transparent = void;
    template<typename A, typename B>
    bool operator()(const A &a, const B &b) const noexcept
    {
        return levelText(a) == levelText(b);
    }
};

// Splits on '/', keeping empty levels: "/a//" gives "", "a", "", "".
inline void split(QStringView text, Levels &levels)
{
    levels.clear();
    qsizetype start = 0;
    for (;;) {
        const qsizetype slash = text.indexOf(u'/', start);
        if (slash < 0) {
            levels.append(text.sliced(start));
            return;
        }
        levels.append(text.sliced(start, slash - start));
        start = slash + 1;
    }
}

inline void splitHashed(QStringView text, HashedLevels &levels)
{
    levels.clear();
    qsizetype start = 0;
    for (;;) {
        const qsizetype slash = text.indexOf(u'/', start);
        const QStringView level = slash < 0 ? text.sliced(start) : text.sliced(start, slash - start);
        levels.append(HashedLevel{level, qHash(level)});
        if (slash < 0)
            return;
        start = slash + 1;
    }
}

// "$share/{group}/{filter}" -> "{filter}"; anything else is returned as is.
// The filter must already be valid (TopicFilter::validate).
inline QStringView stripSharePrefix(QStringView filter)
{
    const QStringView prefix = u"$share/";
    if (!filter.startsWith(prefix))
        return filter;
    const qsizetype slash = filter.indexOf(u'/', prefix.size());
    return slash < 0 ? filter : filter.sliced(slash + 1);
}

inline bool isDollarLevel(QStringView level)
{
    return level.startsWith(u'$');
}

} // namespace TopicLevels
