#pragma once

#include "subscriptions/topic_name_index.h"

#include <QPointer>
#include <QTimer>
#include <QWidget>

QT_FORWARD_DECLARE_CLASS(QLabel)
QT_FORWARD_DECLARE_CLASS(QListWidget)
class TopicTreeModel;

// Live preview of a topic filter: how many of the topics received so far on
// this connection it matches, and the first of them.
//
// The known topics are kept in a TopicNameIndex fed from the topic model
// (a walk at setModel(), then TopicTreeModel::topicUpdated), so a preview
// costs one trie walk, not a loop over every topic. Updates are throttled to
// at most once per UpdateIntervalMs however fast messages or keystrokes come.
class FilterPreview : public QWidget
{
    Q_OBJECT
public:
    static constexpr int UpdateIntervalMs = 250;
    static constexpr int MaximumListedTopics = 200;

    explicit FilterPreview(QWidget *parent = nullptr);
    ~FilterPreview() override;

    void setModel(TopicTreeModel *model);
    void setFilter(const QString &filter);
    QString filter() const { return m_filter; }

    // As of the last update; -1 while the filter is empty or invalid.
    qint64 matchCount() const { return m_matchCount; }
    QStringList listedTopics() const { return m_listed; }
    QString summaryText() const;

Q_SIGNALS:
    void updated();

private:
    void scheduleUpdate();
    void refreshPreview();
    void rebuildIndex();

    QPointer<TopicTreeModel> m_model;
    TopicNameIndex m_index;
    QString m_filter;
    qint64 m_matchCount = -1;
    QStringList m_listed;
    QTimer m_timer;

    QLabel *m_summary = nullptr;
    QListWidget *m_list = nullptr;
};
