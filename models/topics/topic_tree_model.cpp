#include "topic_tree_model.h"

#include "topic_filter.h"

#include <QDateTime>
#include <QHash>
#include <QStringDecoder>
#include <QStringList>
#include <QThread>
#include <QtConcurrentMap>

#include <algorithm>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace {

// Children are found by a linear scan up to this many; wider nodes get a hash.
constexpr std::size_t WideNodeThreshold = 16;
// Characters shown in the Value column before the preview is cut.
constexpr qsizetype PreviewChars = 100;

enum NodeFlag : quint8 {
    CreatedInBatch = 0x1,   // created by the running addMessages(), not yet announced
    Dirty = 0x2,            // queued in m_dirty
    UpdatedInBatch = 0x4,   // received a message in the running addMessages()
    // Someone asked for this node's children (index(), rowCount(), parent(),
    // indexForTopic()). Until then no index of a child exists anywhere, so
    // there is nobody to tell about their changes: emitDirtyRanges() skips
    // them. Under a flood this saves a dataChanged pair for every collapsed
    // parent that received a message, which views and proxies would only
    // look up and drop.
    ChildrenObserved = 0x8,
};

const QList<int> &changedNameRoles()
{
    static const QList<int> roles{
        TopicTreeModel::HasMessageRole,      TopicTreeModel::LastPayloadRole,
        TopicTreeModel::PayloadSizeRole,     TopicTreeModel::QosRole,
        TopicTreeModel::RetainedRole,        TopicTreeModel::MessageCountRole,
        TopicTreeModel::SubtreeMessageCountRole, TopicTreeModel::SubtreeTopicCountRole,
        TopicTreeModel::LastReceivedRole,    TopicTreeModel::EvictedCountRole,
    };
    return roles;
}

const QList<int> &changedValueRoles()
{
    static const QList<int> roles = QList<int>{Qt::DisplayRole} + changedNameRoles();
    return roles;
}

// Calls f(level) for each '/'-separated level; "" is one empty level.
template<typename F>
void forEachLevel(QStringView topic, F &&f)
{
    qsizetype start = 0;
    for (;;) {
        const qsizetype slash = topic.indexOf(u'/', start);
        if (slash < 0) {
            f(topic.sliced(start));
            return;
        }
        f(topic.sliced(start, slash - start));
        start = slash + 1;
    }
}

// findSubstring() hands out at least this many subtrees per thread, so one
// busy branch does not leave the other threads idle.
constexpr int SearchChunksPerThread = 8;

// The needle of a case-insensitive substring search and how to compare.
// Qt compares case-folded UTF-16 units (a surrogate pair as one code point);
// a needle without surrogates can therefore only match units outside pairs,
// and folding both sides unit by unit gives the same answer with a plain
// comparison. Needles with surrogates use QStringView::contains() itself.
class SubstringNeedle
{
public:
    explicit SubstringNeedle(const QString &text)
        : m_text(text)
        , m_unitwise(std::none_of(text.cbegin(), text.cend(), [](QChar c) { return c.isSurrogate(); }))
    {
        if (m_unitwise) {
            m_folded.reserve(static_cast<std::size_t>(text.size()));
            for (QChar c : text)
                m_folded.push_back(fold(c.unicode()));
        }
    }

    qsizetype size() const { return m_text.size(); }

    // Appends a level name to a path buffer in the form contains() expects.
    void appendName(std::u16string &path, const QString &name) const
    {
        if (!m_unitwise) {
            path.append(reinterpret_cast<const char16_t *>(name.utf16()), static_cast<std::size_t>(name.size()));
            return;
        }
        for (QChar c : name)
            path.push_back(fold(c.unicode()));
    }

    // True when path[from...] contains the needle.
    bool foundIn(const std::u16string &path, std::size_t from) const
    {
        if (!m_unitwise) {
            const QStringView view(path.data() + from, static_cast<qsizetype>(path.size() - from));
            return view.contains(m_text, Qt::CaseInsensitive);
        }
        const std::size_t n = m_folded.size();
        if (path.size() < from + n)
            return false;
        const char16_t first = m_folded.front();
        const char16_t *data = path.data();
        for (std::size_t i = from, last = path.size() - n; i <= last; ++i) {
            if (data[i] == first && std::char_traits<char16_t>::compare(data + i + 1, m_folded.data() + 1, n - 1) == 0)
                return true;
        }
        return false;
    }

private:
    static char16_t fold(char16_t c)
    {
        if (c < 0x80)
            return c >= u'A' && c <= u'Z' ? char16_t(c + (u'a' - u'A')) : c;
        if (QChar::isSurrogate(c))
            return c;
        return static_cast<char16_t>(QChar::toCaseFolded(char32_t(c)));
    }

    QString m_text;
    bool m_unitwise = true;
    std::u16string m_folded;
};

HistoryLimits sanitized(HistoryLimits limits)
{
    limits.maxMessages = std::max(limits.maxMessages, 1);
    limits.maxBytes = std::max<qint64>(limits.maxBytes, 0);
    return limits;
}

} // namespace

struct TopicTreeModel::Node
{
    // One received message without its topic (the node knows that).
    struct HistoryEntry
    {
        QByteArray payload;
        qint64 receivedAtMs = 0;
        std::shared_ptr<const MqttProperties> properties;   // null when none were sent
        quint8 qos = 0;
        bool retained = false;
    };

    // Only topics that received a message carry this.
    struct TopicData
    {
        // FIFO, oldest first, never empty. QList pops from the front in O(1)
        // and appends in amortised O(1), so nothing is copied per message.
        QList<HistoryEntry> history;
        qint64 historyBytes = 0;
        qint64 messageCount = 0;
        qint64 evictedCount = 0;

        const HistoryEntry &last() const { return history.constLast(); }

        // Returns true when entries were evicted.
        bool trim(const HistoryLimits &limits)
        {
            bool evicted = false;
            while (history.size() > 1
                   && (history.size() > limits.maxMessages || historyBytes > limits.maxBytes)) {
                historyBytes -= history.constFirst().payload.size();
                history.removeFirst();
                ++evictedCount;
                evicted = true;
            }
            return evicted;
        }
    };

    Node(QString levelName, Node *parentNode, int rowInParent)
        : name(std::move(levelName))
        , parent(parentNode)
        , row(rowInParent)
    {
    }

    // Topics may be thousands of levels deep ("a/a/a/..."): tear the
    // subtree down iteratively instead of recursing once per level.
    ~Node()
    {
        std::vector<std::unique_ptr<Node>> pending = std::move(children);
        while (!pending.empty()) {
            std::unique_ptr<Node> node = std::move(pending.back());
            pending.pop_back();
            for (std::unique_ptr<Node> &child : node->children)
                pending.push_back(std::move(child));
            node->children.clear();
        }
    }

    Node(const Node &) = delete;
    Node &operator=(const Node &) = delete;

    Node *child(QStringView levelName) const
    {
        if (!childIndex.isEmpty())
            return childIndex.value(levelName, nullptr);
        for (const std::unique_ptr<Node> &c : children) {
            if (c->name == levelName)
                return c.get();
        }
        return nullptr;
    }

    Node *appendChild(QStringView levelName)
    {
        children.push_back(
            std::make_unique<Node>(levelName.toString(), this, static_cast<int>(children.size())));
        Node *added = children.back().get();
        if (!childIndex.isEmpty()) {
            childIndex.insert(added->name, added);
        } else if (children.size() >= WideNodeThreshold) {
            childIndex.reserve(static_cast<qsizetype>(children.size()) * 2);
            for (const std::unique_ptr<Node> &c : children)
                childIndex.insert(c->name, c.get());
        }
        return added;
    }

    int visibleRowCount() const
    {
        return visibleRows < 0 ? static_cast<int>(children.size()) : visibleRows;
    }

    QString fullTopic() const
    {
        QStringList levels;
        for (const Node *n = this; n->parent; n = n->parent)
            levels.append(n->name);
        std::reverse(levels.begin(), levels.end());
        return levels.join(u'/');
    }

    QString name;
    Node *parent = nullptr;
    std::vector<std::unique_ptr<Node>> children;
    // Keys view the children's `name`, which never changes after creation.
    QHash<QStringView, Node *> childIndex;
    std::unique_ptr<TopicData> topic;
    qint64 subtreeMessages = 0;
    qint64 subtreeTopics = 0;
    int row = 0;
    // -1: all children are visible. Otherwise rows [visibleRows, size) were
    // appended by the running addMessages() and not announced yet.
    int visibleRows = -1;
    quint8 flags = 0;
};

namespace {

QString payloadPreview(const QByteArray &payload, bool retained)
{
    if (payload.isEmpty()) {
        return retained ? TopicTreeModel::tr("(retained message cleared)")
                        : TopicTreeModel::tr("(empty payload)");
    }
    const auto binary = [&payload] {
        return TopicTreeModel::tr("<%1 bytes binary>").arg(payload.size());
    };
    // UTF-8 needs at most 4 bytes per character (2 UTF-16 units); a sequence
    // cut at the end stays pending in the stateful decoder and is no error.
    const qsizetype inspected = std::min<qsizetype>(payload.size(), PreviewChars * 4);
    QStringDecoder decoder(QStringDecoder::Utf8);
    QString text = decoder.decode(QByteArrayView(payload).first(inspected));
    if (decoder.hasError())
        return binary();
    for (QChar &c : text) {
        if (c == u'\n' || c == u'\r' || c == u'\t')
            c = u' ';
        else if (c.category() == QChar::Other_Control)
            return binary();
    }
    bool cut = inspected < payload.size();
    if (text.size() > PreviewChars) {
        qsizetype keep = PreviewChars;
        if (text.at(keep - 1).isHighSurrogate())
            --keep;
        text.truncate(keep);
        cut = true;
    }
    if (cut)
        text.append(u'\u2026');
    return text;
}

} // namespace

TopicTreeModel::TopicTreeModel(QObject *parent)
    : QAbstractItemModel(parent)
    , m_root(std::make_unique<Node>(QString(), nullptr, 0))
{
    m_root->flags |= ChildrenObserved;
    m_updateTimer.setObjectName(QStringLiteral("topicTreeUpdate"));
    m_updateTimer.setSingleShot(true);
    connect(&m_updateTimer, &QTimer::timeout, this, &TopicTreeModel::emitDirtyRanges);
}

TopicTreeModel::~TopicTreeModel() = default;

void TopicTreeModel::setHistoryLimits(const HistoryLimits &limits)
{
    const HistoryLimits wanted = sanitized(limits);
    if (wanted.maxMessages == m_limits.maxMessages && wanted.maxBytes == m_limits.maxBytes)
        return;
    m_limits = wanted;
    std::vector<Node *> pending{m_root.get()};
    while (!pending.empty()) {
        Node *node = pending.back();
        pending.pop_back();
        if (node->topic && node->topic->trim(m_limits))
            markDirty(node);
        for (const std::unique_ptr<Node> &child : node->children)
            pending.push_back(child.get());
    }
    emitDirtyRanges();
}

HistoryLimits TopicTreeModel::historyLimits() const
{
    return m_limits;
}

void TopicTreeModel::setUpdateIntervalMs(int milliseconds)
{
    m_updateIntervalMs = std::max(0, milliseconds);
    m_updateTimer.setInterval(m_updateIntervalMs);
    if (m_updateIntervalMs == 0)
        emitDirtyRanges();
}

int TopicTreeModel::updateIntervalMs() const
{
    return m_updateIntervalMs;
}

void TopicTreeModel::addMessages(const QList<MqttMessage> &messages)
{
    if (messages.isEmpty())
        return;

    // 1. Resolve every topic to its node. Missing nodes are appended to their
    //    parents but stay invisible (visibleRows) until announced below.
    std::vector<Node *> targets;
    targets.reserve(static_cast<std::size_t>(messages.size()));
    std::vector<Node *> grownParents;
    std::vector<Node *> created;
    for (const MqttMessage &message : messages) {
        Node *node = m_root.get();
        forEachLevel(message.topic, [&](QStringView level) {
            Node *next = node->child(level);
            if (!next) {
                if (!(node->flags & CreatedInBatch) && node->visibleRows < 0) {
                    node->visibleRows = static_cast<int>(node->children.size());
                    grownParents.push_back(node);
                }
                next = node->appendChild(level);
                next->flags |= CreatedInBatch;
                created.push_back(next);
            }
            node = next;
        });
        targets.push_back(node);
    }

    // 2. One insertion per pre-existing parent; nodes created below new nodes
    //    arrive together with their new ancestor.
    for (Node *parent : grownParents) {
        beginInsertRows(indexOf(parent, NameColumn), parent->visibleRows,
                        static_cast<int>(parent->children.size()) - 1);
        parent->visibleRows = -1;
        endInsertRows();
    }
    for (Node *node : created)
        node->flags &= ~CreatedInBatch;

    // 3. Values and counts; the counts of every ancestor change too.
    std::vector<std::pair<Node *, qsizetype>> updated;   // node, first message index
    for (qsizetype i = 0; i < messages.size(); ++i) {
        const MqttMessage &message = messages.at(i);
        Node *node = targets[static_cast<std::size_t>(i)];
        const bool firstMessage = !node->topic;
        if (firstMessage)
            node->topic = std::make_unique<Node::TopicData>();
        Node::TopicData &data = *node->topic;
        Node::HistoryEntry entry;
        entry.payload = message.payload;
        entry.receivedAtMs = message.receivedAtMs;
        entry.qos = message.qos;
        entry.retained = message.retained;
        if (!message.properties.isEmpty())
            entry.properties = std::make_shared<const MqttProperties>(message.properties);
        data.history.append(std::move(entry));
        data.historyBytes += message.payload.size();
        ++data.messageCount;
        data.trim(m_limits);

        if (!(node->flags & UpdatedInBatch)) {
            node->flags |= UpdatedInBatch;
            updated.emplace_back(node, i);
        }
        for (Node *n = node; n; n = n->parent) {
            ++n->subtreeMessages;
            if (firstMessage)
                ++n->subtreeTopics;
            if (n != m_root.get())
                markDirty(n);
        }
        ++m_messageCount;
        if (firstMessage)
            ++m_topicCount;
    }

    // 4. dataChanged, coalesced per parent (and over time when asked to).
    if (m_updateIntervalMs == 0)
        emitDirtyRanges();
    else if (!m_updateTimer.isActive())
        m_updateTimer.start();

    // 5. One notification per distinct topic. The flags are reset first and
    //    the loop touches no node, so slots may call addMessages() or clear().
    for (const std::pair<Node *, qsizetype> &entry : updated)
        entry.first->flags &= ~UpdatedInBatch;
    Q_EMIT batchAdded();
    for (const std::pair<Node *, qsizetype> &entry : updated)
        Q_EMIT topicUpdated(messages.at(entry.second).topic);
}

void TopicTreeModel::clear()
{
    beginResetModel();
    m_root = std::make_unique<Node>(QString(), nullptr, 0);
    m_root->flags |= ChildrenObserved;
    m_dirty.clear();
    m_updateTimer.stop();
    m_topicCount = 0;
    m_messageCount = 0;
    endResetModel();
}

QModelIndex TopicTreeModel::indexForTopic(const QString &topic) const
{
    Node *node = m_root.get();
    forEachLevel(topic, [&node](QStringView level) {
        if (node) {
            node->flags |= ChildrenObserved;
            node = node->child(level);
        }
    });
    return node ? indexOf(node, NameColumn) : QModelIndex();
}

QList<MqttMessage> TopicTreeModel::history(const QModelIndex &index) const
{
    const Node *node = nodeFor(index);
    if (!node || !node->topic)
        return {};
    const QString topic = node->fullTopic();
    QList<MqttMessage> result;
    result.reserve(node->topic->history.size());
    for (const Node::HistoryEntry &entry : std::as_const(node->topic->history)) {
        MqttMessage message;
        message.topic = topic;
        message.payload = entry.payload;
        message.qos = entry.qos;
        message.retained = entry.retained;
        message.receivedAtMs = entry.receivedAtMs;
        if (entry.properties)
            message.properties = *entry.properties;
        result.append(std::move(message));
    }
    return result;
}

qint64 TopicTreeModel::topicCount() const
{
    return m_topicCount;
}

qint64 TopicTreeModel::messageCount() const
{
    return m_messageCount;
}

void TopicTreeModel::walk(const NodeVisitor &visitor) const
{
    struct Frame
    {
        const Node *node;
        int nextChild;
        qsizetype pathLength;  // length of the path up to and including this node
    };
    QString path;
    std::vector<Frame> stack{{m_root.get(), 0, 0}};
    while (!stack.empty()) {
        Frame &frame = stack.back();
        if (frame.nextChild >= frame.node->visibleRowCount()) {
            stack.pop_back();
            continue;
        }
        const Node *child = frame.node->children[static_cast<std::size_t>(frame.nextChild++)].get();
        path.truncate(frame.pathLength);
        if (stack.size() > 1)
            path.append(u'/');
        path.append(child->name);
        const int depth = static_cast<int>(stack.size()) - 1;
        if (visitor(reinterpret_cast<quintptr>(child), depth, path) && child->visibleRowCount() > 0)
            stack.push_back({child, 0, path.size()});
    }
}

TopicTreeModel::SubstringMatches TopicTreeModel::findSubstring(const QString &text) const
{
    SubstringMatches result;
    if (text.isEmpty())
        return result;
    const SubstringNeedle needle(text);
    // A match must reach into the node's own level (the parent did not
    // match), so only the tail of the path needs looking at.
    const auto windowStart = [&needle](std::size_t parentLength) {
        return parentLength + 1 > std::size_t(needle.size()) ? parentLength + 1 - std::size_t(needle.size()) : 0;
    };
    const auto appendChildPath = [&needle](std::u16string &path, const Node *child) {
        if (child->parent->parent)
            path.push_back(u'/');
        needle.appendName(path, child->name);
    };
    const auto addAncestors = [](std::vector<quintptr> &ancestors, const Node *node) {
        for (const Node *n = node->parent; n && n->parent; n = n->parent)
            ancestors.push_back(reinterpret_cast<quintptr>(n));
    };

    // Nodes still to be searched, each with its parent's path.
    struct Pending
    {
        const Node *node;
        std::u16string parentPath;
    };
    std::vector<Pending> frontier;
    for (int row = 0; row < m_root->visibleRowCount(); ++row)
        frontier.push_back({m_root->children[std::size_t(row)].get(), {}});

    // Breadth-first on this thread until there are enough subtrees to share out.
    const int threads = std::max(1, QThread::idealThreadCount());
    const std::size_t wanted = std::size_t(threads) * SearchChunksPerThread;
    while (threads > 1 && !frontier.empty() && frontier.size() < wanted) {
        std::vector<Pending> next;
        for (Pending &item : frontier) {
            std::u16string path = item.parentPath;
            appendChildPath(path, item.node);
            if (needle.foundIn(path, windowStart(item.parentPath.size()))) {
                result.matched.push_back(reinterpret_cast<quintptr>(item.node));
                addAncestors(result.ancestors, item.node);
                continue;
            }
            for (int row = 0; row < item.node->visibleRowCount(); ++row)
                next.push_back({item.node->children[std::size_t(row)].get(), path});
        }
        frontier = std::move(next);
    }

    // Depth-first below each frontier node, in chunks on the thread pool.
    struct Chunk
    {
        std::size_t begin = 0;
        std::size_t end = 0;
        SubstringMatches found;
    };
    std::vector<Chunk> chunks;
    const std::size_t chunkCount = std::min(frontier.size(), wanted);
    for (std::size_t i = 0; i < chunkCount; ++i)
        chunks.push_back({frontier.size() * i / chunkCount, frontier.size() * (i + 1) / chunkCount, {}});
    QtConcurrent::blockingMap(chunks, [&](Chunk &chunk) {
        struct Frame
        {
            const Node *node;
            int nextChild;
            std::size_t pathLength;
            bool ancestorRecorded;
        };
        std::vector<Frame> stack;
        std::u16string path;
        for (std::size_t i = chunk.begin; i < chunk.end; ++i) {
            const Pending &top = frontier[i];
            path = top.parentPath;
            appendChildPath(path, top.node);
            if (needle.foundIn(path, windowStart(top.parentPath.size()))) {
                chunk.found.matched.push_back(reinterpret_cast<quintptr>(top.node));
                addAncestors(chunk.found.ancestors, top.node);
                continue;
            }
            bool anyMatch = false;
            stack.assign(1, {top.node, 0, path.size(), false});
            while (!stack.empty()) {
                Frame &frame = stack.back();
                if (frame.nextChild >= frame.node->visibleRowCount()) {
                    stack.pop_back();
                    continue;
                }
                const Node *child = frame.node->children[std::size_t(frame.nextChild++)].get();
                const std::size_t parentLength = frame.pathLength;
                path.resize(parentLength);
                appendChildPath(path, child);
                if (needle.foundIn(path, windowStart(parentLength))) {
                    chunk.found.matched.push_back(reinterpret_cast<quintptr>(child));
                    anyMatch = true;
                    // Up to the first frame recorded earlier: its own ancestors were recorded with it.
                    for (auto it = stack.rbegin(); it != stack.rend() && !it->ancestorRecorded; ++it) {
                        it->ancestorRecorded = true;
                        chunk.found.ancestors.push_back(reinterpret_cast<quintptr>(it->node));
                    }
                    continue;  // below a match everything matches
                }
                if (child->visibleRowCount() > 0)
                    stack.push_back({child, 0, path.size(), false});
            }
            if (anyMatch)
                addAncestors(chunk.found.ancestors, top.node);
        }
    });

    for (const Chunk &chunk : chunks) {
        result.matched.insert(result.matched.end(), chunk.found.matched.cbegin(), chunk.found.matched.cend());
        result.ancestors.insert(result.ancestors.end(), chunk.found.ancestors.cbegin(), chunk.found.ancestors.cend());
    }
    std::sort(result.ancestors.begin(), result.ancestors.end());
    result.ancestors.erase(std::unique(result.ancestors.begin(), result.ancestors.end()), result.ancestors.end());
    return result;
}

TopicTreeModel::FilterMatches TopicTreeModel::findFilterMatches(const QString &filter) const
{
    FilterMatches result;
    QStringView plain = filter;
    if (plain.startsWith(u"$share/")) {
        const qsizetype slash = plain.indexOf(u'/', 7);
        if (slash < 0)
            return result;
        plain = plain.sliced(slash + 1);
    }
    const QList<QStringView> levels = plain.split(u'/');

    // Rows the filter's levels reach; TopicFilter::matches() has the last word
    // (validity, '$' topics), so this only needs to never miss a match.
    std::vector<const Node *> candidates;
    const auto addSubtree = [&candidates](const Node *top) {
        std::vector<const Node *> stack{top};
        while (!stack.empty()) {
            const Node *node = stack.back();
            stack.pop_back();
            for (int row = 0; row < node->visibleRowCount(); ++row) {
                candidates.push_back(node->children[std::size_t(row)].get());
                stack.push_back(node->children[std::size_t(row)].get());
            }
        }
    };
    // A node and the number of filter levels its own path used up.
    std::vector<std::pair<const Node *, qsizetype>> pending{{m_root.get(), 0}};
    while (!pending.empty()) {
        const auto [node, used] = pending.back();
        pending.pop_back();
        if (used == levels.size())
            continue;
        const QStringView wanted = levels.at(used);
        if (wanted == u"#") {
            if (node != m_root.get())
                candidates.push_back(node);   // "a/#" matches "a"
            addSubtree(node);
            continue;
        }
        const auto consider = [&](const Node *child) {
            if (used + 1 == levels.size())
                candidates.push_back(child);
            else
                pending.push_back({child, used + 1});
        };
        if (wanted == u"+") {
            for (int row = 0; row < node->visibleRowCount(); ++row)
                consider(node->children[std::size_t(row)].get());
        } else if (const Node *child = node->child(wanted); child && child->row < node->visibleRowCount()) {
            consider(child);
        }
    }

    for (const Node *node : candidates) {
        if (!TopicFilter::matches(filter, node->fullTopic()))
            continue;
        result.matched.push_back(reinterpret_cast<quintptr>(node));
        for (const Node *n = node->parent; n && n->parent; n = n->parent)
            result.ancestors.push_back(reinterpret_cast<quintptr>(n));
    }
    std::sort(result.matched.begin(), result.matched.end());
    result.matched.erase(std::unique(result.matched.begin(), result.matched.end()), result.matched.end());
    std::sort(result.ancestors.begin(), result.ancestors.end());
    result.ancestors.erase(std::unique(result.ancestors.begin(), result.ancestors.end()), result.ancestors.end());
    return result;
}

QModelIndex TopicTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    Node *parentNode = parent.isValid() ? nodeFor(parent) : m_root.get();
    parentNode->flags |= ChildrenObserved;
    return createIndex(row, column, parentNode->children[static_cast<std::size_t>(row)].get());
}

QModelIndex TopicTreeModel::parent(const QModelIndex &child) const
{
    const Node *node = nodeFor(child);
    if (!node || node->parent == m_root.get())
        return {};
    node->parent->parent->flags |= ChildrenObserved;   // it gets an index of one of them
    return indexOf(node->parent, NameColumn);
}

int TopicTreeModel::rowCount(const QModelIndex &parent) const
{
    if (parent.column() > 0)
        return 0;
    Node *node = parent.isValid() ? nodeFor(parent) : m_root.get();
    node->flags |= ChildrenObserved;
    return node->visibleRowCount();
}

int TopicTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant TopicTreeModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Node *node = nodeFor(index);
    const Node::TopicData *topic = node->topic.get();
    const Node::HistoryEntry *last = topic ? &topic->last() : nullptr;

    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            //: Name shown for an empty topic level, as in "a//b" or "/a".
            return node->name.isEmpty() ? tr("(empty)") : node->name;
        case ValueColumn:
            return last ? QVariant(payloadPreview(last->payload, last->retained)) : QVariant();
        case MessagesColumn:
            return node->subtreeMessages;
        case TopicsColumn:
            return node->subtreeTopics;
        default:
            return {};
        }
    case Qt::ToolTipRole:
        return index.column() == NameColumn ? QVariant(node->fullTopic()) : QVariant();
    case Qt::TextAlignmentRole:
        if (index.column() == MessagesColumn || index.column() == TopicsColumn)
            return static_cast<int>(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case FullTopicRole:
        return node->fullTopic();
    case HasMessageRole:
        return topic != nullptr;
    case LastPayloadRole:
        return last ? QVariant(last->payload) : QVariant();
    case PayloadSizeRole:
        return last ? QVariant(static_cast<qint64>(last->payload.size())) : QVariant();
    case QosRole:
        return last ? QVariant(static_cast<int>(last->qos)) : QVariant();
    case RetainedRole:
        return last ? QVariant(last->retained) : QVariant();
    case MessageCountRole:
        return topic ? topic->messageCount : qint64(0);
    case SubtreeMessageCountRole:
        return node->subtreeMessages;
    case SubtreeTopicCountRole:
        return node->subtreeTopics;
    case LastReceivedRole:
        return last ? QVariant(QDateTime::fromMSecsSinceEpoch(last->receivedAtMs)) : QVariant();
    case EvictedCountRole:
        return topic ? topic->evictedCount : qint64(0);
    default:
        return {};
    }
}

QVariant TopicTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractItemModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn:
        //: Column header: topic level name
        return tr("Name");
    case ValueColumn:
        //: Column header: preview of the last payload
        return tr("Value");
    case MessagesColumn:
        //: Column header: number of messages at and below this level
        return tr("Messages");
    case TopicsColumn:
        //: Column header: number of topics at and below this level
        return tr("Topics");
    default:
        return {};
    }
}

QHash<int, QByteArray> TopicTreeModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractItemModel::roleNames();
    names.insert(FullTopicRole, "fullTopic");
    names.insert(HasMessageRole, "hasMessage");
    names.insert(LastPayloadRole, "lastPayload");
    names.insert(PayloadSizeRole, "payloadSize");
    names.insert(QosRole, "qos");
    names.insert(RetainedRole, "retained");
    names.insert(MessageCountRole, "messageCount");
    names.insert(SubtreeMessageCountRole, "subtreeMessageCount");
    names.insert(SubtreeTopicCountRole, "subtreeTopicCount");
    names.insert(LastReceivedRole, "lastReceived");
    names.insert(EvictedCountRole, "evictedCount");
    return names;
}

TopicTreeModel::Node *TopicTreeModel::nodeFor(const QModelIndex &index) const
{
    return index.isValid() ? static_cast<Node *>(index.internalPointer()) : nullptr;
}

QModelIndex TopicTreeModel::indexOf(const Node *node, int column) const
{
    if (!node || node == m_root.get())
        return {};
    return createIndex(node->row, column, node);
}

void TopicTreeModel::markDirty(Node *node)
{
    if (node->flags & Dirty)
        return;
    node->flags |= Dirty;
    m_dirty.push_back(node);
}

void TopicTreeModel::emitDirtyRanges()
{
    m_updateTimer.stop();
    if (m_dirty.empty())
        return;
    std::vector<Node *> dirty;
    dirty.swap(m_dirty);
    for (Node *node : dirty)
        node->flags &= ~Dirty;
    dirty.erase(std::remove_if(dirty.begin(), dirty.end(),
                               [](const Node *node) { return !(node->parent->flags & ChildrenObserved); }),
                dirty.end());
    // Group by parent; within a parent one range from the first to the last
    // dirty row (rows in between are re-read, which is cheaper than one
    // signal per row for large batches).
    std::sort(dirty.begin(), dirty.end(), [](const Node *a, const Node *b) {
        return std::less<const Node *>()(a->parent, b->parent)
            || (a->parent == b->parent && a->row < b->row);
    });
    for (std::size_t first = 0; first < dirty.size();) {
        std::size_t last = first;
        while (last + 1 < dirty.size() && dirty[last + 1]->parent == dirty[first]->parent)
            ++last;
        const QModelIndex parent = indexOf(dirty[first]->parent, NameColumn);
        const int firstRow = dirty[first]->row;
        const int lastRow = dirty[last]->row;
        Q_EMIT dataChanged(index(firstRow, NameColumn, parent), index(lastRow, NameColumn, parent),
                           changedNameRoles());
        Q_EMIT dataChanged(index(firstRow, ValueColumn, parent), index(lastRow, TopicsColumn, parent),
                           changedValueRoles());
        first = last + 1;
    }
}
