#pragma once

#include "topics/topic_filter.h"

#include <QList>
#include <QStringView>

#include <memory>

// Answers "which subscriptions receive a message on this topic" without
// looking at every filter: the filters are kept in a trie keyed by level,
// with '+' and '#' as separate edges, and a topic is walked through it once.
// Matching follows MQTT 3.1.1 / 5 §4.7: '+' matches exactly one level, '#'
// matches its parent level and everything below ("a/#" matches "a"), topics
// whose first level starts with '$' are not matched by a leading '+' or '#',
// and "$share/{group}/{filter}" is indexed under {filter}.
//
// Not a QObject and not internally locked: const methods may run concurrently
// from any thread as long as no thread calls insert(), remove() or clear().
class TopicFilterIndex
{
public:
    TopicFilterIndex();
    ~TopicFilterIndex();
    Q_DISABLE_COPY_MOVE(TopicFilterIndex)

    // Adds one registration of id under filter. The filter is checked with
    // TopicFilter::validate(); on error nothing is added and that error is
    // returned. Registering the same (filter, id) twice stores it twice, so
    // it is then reported twice by match() and needs two remove() calls.
    TopicFilter::ValidationError insert(const QString &filter, int id);

    // Removes one registration of id under filter (spelled as in insert(),
    // $share prefix included). Returns false when there was none.
    bool remove(const QString &filter, int id);

    // The ids of all registrations whose filter matches topic, one entry per
    // registration, in no particular order. topic is a topic *name* (as
    // received in a PUBLISH); '+' and '#' in it are compared literally. An
    // empty topic matches nothing.
    QList<int> match(QStringView topic) const;
    // Same, appending to ids so a caller matching many topics can reuse one
    // buffer. ids is not cleared first.
    void match(QStringView topic, QList<int> &ids) const;

    qsizetype size() const { return m_size; }   // number of registrations
    bool isEmpty() const { return m_size == 0; }
    void clear();

private:
    struct Node;

    std::unique_ptr<Node> m_root;
    qsizetype m_size = 0;
};
