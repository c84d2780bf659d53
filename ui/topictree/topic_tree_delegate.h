#pragma once

#include <QStyledItemDelegate>

#include <functional>

// Turns the topic model's semantic roles into looks: topics that carry a
// message in normal text, intermediate levels muted, a "retained" badge,
// message counts as pills that light up while the subtree is active, and an
// italic marker for cleared (empty) retained messages.
class TopicTreeDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    explicit TopicTreeDelegate(QObject *parent = nullptr);

    // Received within this many ms counts as "active" (accent-coloured count).
    static constexpr qint64 ActivityWindowMs = 2000;

    // Row of the subscription that delivered a topic (-1: unknown). When set,
    // topics with a message get a dot in that subscription's colour.
    using SubscriptionResolver = std::function<int(const QString &topic)>;
    void setSubscriptionResolver(SubscriptionResolver resolver);
    // The colour of the n-th subscription (cycles through a fixed palette).
    static QColor subscriptionColor(int subscription);

    /* QStyledItemDelegate implementations */
    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;

private:
    void paintNameWithBadge(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const;
    void paintCount(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const;
    void paintSubscriptionDot(QPainter *painter, const QRect &cell, int subscription) const;

    SubscriptionResolver m_subscriptionResolver;
};
