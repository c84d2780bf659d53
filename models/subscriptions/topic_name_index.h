#pragma once

#include "topics/topic_filter.h"

#include <QStringList>
#include <QStringView>

#include <memory>

// The set of topic names seen so far, kept compact enough for millions of
// topics, answering "which known topics does this filter match" without
// testing each topic: the names form a trie that the filter is walked
// through, '+' visits every child of a level and '#' takes a whole subtree
// whose size is stored in its root, so a count costs nothing extra.
// Level strings are stored once however many topics share them, so the
// usual factory/{site}/{building}/{line}/{asset}/{measurement} scheme costs
// about one small node per topic. Topics can be added but not removed
// (the broker never "unpublishes" a name); clear() starts over.
//
// Wildcard rules are those of TopicFilterIndex (MQTT §4.7): '$'-topics are
// not matched by a leading wildcard, "a/#" matches "a", $share/{group}/ is
// ignored.
//
// Not a QObject and not internally locked: const methods may run concurrently
// from any thread as long as no thread calls insert() or clear().
class TopicNameIndex
{
public:
    TopicNameIndex();
    ~TopicNameIndex();
    Q_DISABLE_COPY_MOVE(TopicNameIndex)

    // Adds topic, a topic *name* as received in a PUBLISH. Returns true when
    // the topic is known afterwards (newly added or already there). Returns
    // false for a name that is not a valid publish topic (empty, wildcard
    // characters, ...) and then sets *error to the translated reason from
    // TopicName::validateForPublish().
    bool insert(const QString &topic, QString *error = nullptr);

    bool contains(QStringView topic) const;
    qsizetype size() const;          // number of distinct topics
    bool isEmpty() const { return size() == 0; }
    void clear();

    // Known topics matched by filter: at most limit of them (all when limit
    // is negative, none when it is 0), depth-first with siblings in the order
    // they were first inserted. *totalCount receives the number of all
    // matching topics regardless of limit. An invalid filter (checked with
    // TopicFilter::validate()) matches nothing: the result is empty,
    // *totalCount is 0 and *error carries the validation error.
    QStringList matchingTopics(const QString &filter, int limit, qint64 *totalCount = nullptr,
                               TopicFilter::ValidationError *error = nullptr) const;

private:
    class Private;
    std::unique_ptr<Private> const d;
};
