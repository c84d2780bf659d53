#include "topic_filter_index.h"

#include "topic_levels_p.h"

#include <QString>

#include <unordered_map>

struct TopicFilterIndex::Node
{
    std::unordered_map<QString, std::unique_ptr<Node>, TopicLevels::LevelHash, TopicLevels::LevelEqual> children;
    std::unique_ptr<Node> plus;   // the '+' edge
    QList<int> ids;               // filters that end at this node
    QList<int> hashIds;           // filters that end with '#' directly below this node

    bool isEmpty() const { return children.empty() && !plus && ids.isEmpty() && hashIds.isEmpty(); }

    // Only existing nodes are entered, so recursion depth is bounded by the
    // deepest filter, not by the topic. Each node is reached by at most one
    // path, so no registration is reported twice.
    void collect(const TopicLevels::HashedLevels &levels, qsizetype depth, bool dollarTopic, QList<int> &out) const
    {
        if (depth == levels.size()) {
            out.append(ids);
            out.append(hashIds);   // "a/#" also matches "a"
            return;
        }
        const bool wildcardsMatch = depth > 0 || !dollarTopic;
        if (wildcardsMatch)
            out.append(hashIds);
        if (!children.empty()) {
            const auto it = children.find(levels[depth]);
            if (it != children.end())
                it->second->collect(levels, depth + 1, dollarTopic, out);
        }
        if (wildcardsMatch && plus)
            plus->collect(levels, depth + 1, dollarTopic, out);
    }
};

TopicFilterIndex::TopicFilterIndex()
    : m_root(std::make_unique<Node>())
{
}

TopicFilterIndex::~TopicFilterIndex() = default;

TopicFilter::ValidationError TopicFilterIndex::insert(const QString &filter, int id)
{
    TopicFilter::ValidationError error = TopicFilter::validate(filter);
    if (!error.isValid())
        return error;

    TopicLevels::Levels levels;
    TopicLevels::split(TopicLevels::stripSharePrefix(filter), levels);
    Node *node = m_root.get();
    for (const QStringView level : levels) {
        if (level == u"#") {
            // validate() guarantees '#' is the last level.
            node->hashIds.append(id);
            ++m_size;
            return error;
        }
        if (level == u"+") {
            if (!node->plus)
                node->plus = std::make_unique<Node>();
            node = node->plus.get();
            continue;
        }
        auto it = node->children.find(level);
        if (it == node->children.end())
            it = node->children.emplace(level.toString(), std::make_unique<Node>()).first;
        node = it->second.get();
    }
    node->ids.append(id);
    ++m_size;
    return error;
}

bool TopicFilterIndex::remove(const QString &filter, int id)
{
    TopicLevels::Levels levels;
    TopicLevels::split(TopicLevels::stripSharePrefix(filter), levels);

    // path[i] is the node reached after i levels; kept to prune emptied nodes.
    QVarLengthArray<Node *, 16> path;
    path.append(m_root.get());
    bool endsWithHash = false;
    for (qsizetype i = 0; i < levels.size(); ++i) {
        const QStringView level = levels[i];
        Node *node = path.last();
        if (level == u"#" && i == levels.size() - 1) {
            endsWithHash = true;
            break;
        }
        Node *next = nullptr;
        if (level == u"+") {
            next = node->plus.get();
        } else {
            const auto it = node->children.find(level);
            if (it != node->children.end())
                next = it->second.get();
        }
        if (!next)
            return false;
        path.append(next);
    }

    QList<int> &ids = endsWithHash ? path.last()->hashIds : path.last()->ids;
    const qsizetype at = ids.indexOf(id);
    if (at < 0)
        return false;
    ids.remove(at);
    --m_size;

    // Drop nodes that no longer lead to any filter, deepest first. The level
    // walked into path[i] is levels[i - 1].
    for (qsizetype i = path.size() - 1; i > 0 && path[i]->isEmpty(); --i) {
        Node *parent = path[i - 1];
        const QStringView level = levels[i - 1];
        if (level == u"+")
            parent->plus.reset();
        else
            parent->children.erase(parent->children.find(level));
    }
    return true;
}

QList<int> TopicFilterIndex::match(QStringView topic) const
{
    QList<int> ids;
    match(topic, ids);
    return ids;
}

void TopicFilterIndex::match(QStringView topic, QList<int> &ids) const
{
    if (topic.isEmpty())
        return;
    TopicLevels::HashedLevels levels;
    TopicLevels::splitHashed(topic, levels);
    m_root->collect(levels, 0, TopicLevels::isDollarLevel(topic), ids);
}

void TopicFilterIndex::clear()
{
    m_root = std::make_unique<Node>();
    m_size = 0;
}
