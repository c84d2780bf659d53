#include "topic_name_index.h"

#include "topic_levels_p.h"
#include "topics/topic_name.h"

#include <QHash>
#include <QList>
#include <QVarLengthArray>

#include <limits>
#include <unordered_map>
#include <vector>

namespace {

constexpr quint32 NoNode = std::numeric_limits<quint32>::max();
constexpr quint32 RootNode = 0;
constexpr quint32 TopicFlag = 0x80000000u;   // in Node::levelAndFlag
constexpr quint32 LevelMask = ~TopicFlag;

// 20 bytes per distinct topic prefix. Children form a singly linked list in
// insertion order for the '+'/'#' walks; exact lookups go through the edge
// hash instead, so levels with thousands of children stay fast.
struct Node
{
    quint32 levelAndFlag = 0;   // index into levelNames, | TopicFlag when a topic ends here
    quint32 firstChild = NoNode;
    quint32 lastChild = NoNode;
    quint32 nextSibling = NoNode;
    quint32 topicCount = 0;     // topics in this subtree, this node included

    quint32 level() const { return levelAndFlag & LevelMask; }
    bool isTopic() const { return (levelAndFlag & TopicFlag) != 0; }
};

// Nodes from the root (excluded) down to the current node.
using Path = QVarLengthArray<quint32, 16>;

quint64 edgeKey(quint32 parent, quint32 level)
{
    return (quint64(parent) << 32) | level;
}

} // namespace

class TopicNameIndex::Private
{
public:
    // State of one matchingTopics() call.
    struct Walk
    {
        Walk(const TopicLevels::Levels &filterLevels, qsizetype maxTopics)
            : filter(filterLevels)
            , limit(maxTopics)
        {
        }

        const TopicLevels::Levels &filter;
        qsizetype limit = 0;
        QStringList topics;
        qint64 total = 0;
        Path path;

        bool isFull() const { return limit >= 0 && topics.size() >= limit; }
    };

    Private() { nodes.emplace_back(); }

    quint32 levelId(QStringView level) const
    {
        const auto it = levelIds.find(level);
        return it == levelIds.end() ? NoNode : it->second;
    }

    quint32 addLevel(QStringView level)
    {
        auto it = levelIds.find(level);
        if (it == levelIds.end()) {
            levelNames.append(level.toString());
            it = levelIds.emplace(levelNames.constLast(), quint32(levelNames.size() - 1)).first;
        }
        return it->second;
    }

    quint32 child(quint32 parent, quint32 level) const { return edges.value(edgeKey(parent, level), NoNode); }

    quint32 addChild(quint32 parent, quint32 level)
    {
        const quint32 node = quint32(nodes.size());
        Node &added = nodes.emplace_back();
        added.levelAndFlag = level;
        Node &p = nodes[parent];
        if (p.lastChild == NoNode)
            p.firstChild = node;
        else
            nodes[p.lastChild].nextSibling = node;
        p.lastChild = node;
        edges.insert(edgeKey(parent, level), node);
        return node;
    }

    bool isDollar(quint32 node) const { return TopicLevels::isDollarLevel(levelNames.at(nodes[node].level())); }

    QString topicName(const Path &path) const
    {
        qsizetype length = path.size() - 1;
        for (const quint32 node : path)
            length += levelNames.at(nodes[node].level()).size();
        QString name;
        name.reserve(length);
        for (qsizetype i = 0; i < path.size(); ++i) {
            if (i > 0)
                name.append(u'/');
            name.append(levelNames.at(nodes[path[i]].level()));
        }
        return name;
    }

    void emitTopic(Walk &walk) const
    {
        if (!walk.isFull())
            walk.topics.append(topicName(walk.path));
    }

    // Emits the topics of the subtree whose root is the last node of
    // walk.path, that node included, until the limit is reached. Iterative:
    // topic depth comes from the network and may be tens of thousands of
    // levels. Counting is done by the caller from topicCount.
    void collectSubtree(Walk &walk) const
    {
        const qsizetype base = walk.path.size();
        quint32 node = walk.path.last();
        if (nodes[node].isTopic())
            emitTopic(walk);
        while (!walk.isFull()) {
            if (nodes[node].firstChild != NoNode) {
                node = nodes[node].firstChild;
                walk.path.append(node);
            } else {
                // Climb until a node with an unvisited sibling, without
                // leaving the subtree.
                while (walk.path.size() > base && nodes[node].nextSibling == NoNode) {
                    walk.path.removeLast();
                    node = walk.path.last();
                }
                if (walk.path.size() == base)
                    return;
                node = nodes[node].nextSibling;
                walk.path.last() = node;
            }
            if (nodes[node].isTopic())
                emitTopic(walk);
        }
        walk.path.resize(base);
    }

    // Recurses once per filter level, so depth is bounded by the filter.
    void walkFilter(Walk &walk, quint32 node, qsizetype depth) const
    {
        if (depth == walk.filter.size()) {
            if (nodes[node].isTopic()) {
                ++walk.total;
                emitTopic(walk);
            }
            return;
        }
        const QStringView level = walk.filter[depth];
        const bool atRoot = node == RootNode;
        if (level == u"#") {
            if (!atRoot) {
                walk.total += nodes[node].topicCount;   // "a/#" counts "a" itself too
                collectSubtree(walk);
                return;
            }
            for (quint32 c = nodes[node].firstChild; c != NoNode; c = nodes[c].nextSibling) {
                if (isDollar(c))
                    continue;
                walk.total += nodes[c].topicCount;
                walk.path.append(c);
                collectSubtree(walk);
                walk.path.removeLast();
            }
            return;
        }
        if (level == u"+") {
            for (quint32 c = nodes[node].firstChild; c != NoNode; c = nodes[c].nextSibling) {
                if (atRoot && isDollar(c))
                    continue;
                walk.path.append(c);
                walkFilter(walk, c, depth + 1);
                walk.path.removeLast();
            }
            return;
        }
        const quint32 id = levelId(level);
        if (id == NoNode)
            return;
        const quint32 c = child(node, id);
        if (c == NoNode)
            return;
        walk.path.append(c);
        walkFilter(walk, c, depth + 1);
        walk.path.removeLast();
    }

    std::vector<Node> nodes;   // nodes[RootNode] is the root, never a topic
    QList<QString> levelNames;
    std::unordered_map<QString, quint32, TopicLevels::LevelHash, TopicLevels::LevelEqual> levelIds;
    QHash<quint64, quint32> edges;   // edgeKey(parent, level) -> child
};

TopicNameIndex::TopicNameIndex()
    : d(std::make_unique<Private>())
{
}

TopicNameIndex::~TopicNameIndex() = default;

bool TopicNameIndex::insert(const QString &topic, QString *error)
{
    const QString problem = TopicName::validateForPublish(topic);
    if (!problem.isEmpty()) {
        if (error)
            *error = problem;
        return false;
    }

    TopicLevels::Levels levels;
    TopicLevels::split(topic, levels);
    Path path;
    quint32 node = RootNode;
    for (const QStringView level : levels) {
        const quint32 id = d->addLevel(level);
        quint32 next = d->child(node, id);
        if (next == NoNode)
            next = d->addChild(node, id);
        node = next;
        path.append(node);
    }
    if (d->nodes[node].isTopic())
        return true;
    d->nodes[node].levelAndFlag |= TopicFlag;
    ++d->nodes[RootNode].topicCount;
    for (const quint32 n : path)
        ++d->nodes[n].topicCount;
    return true;
}

bool TopicNameIndex::contains(QStringView topic) const
{
    if (topic.isEmpty())
        return false;
    TopicLevels::Levels levels;
    TopicLevels::split(topic, levels);
    quint32 node = RootNode;
    for (const QStringView level : levels) {
        const quint32 id = d->levelId(level);
        if (id == NoNode)
            return false;
        node = d->child(node, id);
        if (node == NoNode)
            return false;
    }
    return d->nodes[node].isTopic();
}

qsizetype TopicNameIndex::size() const
{
    return d->nodes[RootNode].topicCount;
}

void TopicNameIndex::clear()
{
    d->nodes.clear();
    d->nodes.shrink_to_fit();
    d->nodes.emplace_back();
    d->levelNames.clear();
    d->levelIds.clear();
    d->edges.clear();
}

QStringList TopicNameIndex::matchingTopics(const QString &filter, int limit, qint64 *totalCount,
                                           TopicFilter::ValidationError *error) const
{
    const TopicFilter::ValidationError problem = TopicFilter::validate(filter);
    if (error)
        *error = problem;
    if (totalCount)
        *totalCount = 0;
    if (!problem.isValid())
        return {};

    TopicLevels::Levels levels;
    TopicLevels::split(TopicLevels::stripSharePrefix(filter), levels);
    Private::Walk walk(levels, limit);
    d->walkFilter(walk, RootNode, 0);
    if (totalCount)
        *totalCount = walk.total;
    return walk.topics;
}
