#include "topic_tree_delegate.h"

#include "topics/topic_tree_model.h"

#include <QApplication>
#include <QDateTime>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>

namespace {

QColor mutedText(const QPalette &palette)
{
    return palette.color(QPalette::PlaceholderText);
}

const QColor RetainedColor(0xc7, 0x7c, 0x02);   // amber
const QColor ActiveColor(0x2e, 0x8b, 0x57);     // green
constexpr int BadgePadding = 4;
constexpr int SubscriptionDotSpace = 14;

} // namespace

TopicTreeDelegate::TopicTreeDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{
}

void TopicTreeDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    const bool hasMessage = index.data(TopicTreeModel::HasMessageRole).toBool();
    switch (index.column()) {
    case TopicTreeModel::NameColumn:
        if (!hasMessage)
            option->palette.setColor(QPalette::Text, mutedText(option->palette));
        break;
    case TopicTreeModel::ValueColumn:
        if (hasMessage && index.data(TopicTreeModel::PayloadSizeRole).toLongLong() == 0) {
            option->font.setItalic(true);
            option->palette.setColor(QPalette::Text, mutedText(option->palette));
            option->text = index.data(TopicTreeModel::RetainedRole).toBool() ? tr("(retained message cleared)")
                                                                             : tr("(empty payload)");
        }
        break;
    case TopicTreeModel::TopicsColumn:
        option->palette.setColor(QPalette::Text, mutedText(option->palette));
        option->displayAlignment = Qt::AlignRight | Qt::AlignVCenter;
        break;
    default:
        break;
    }
}

void TopicTreeDelegate::setSubscriptionResolver(SubscriptionResolver resolver)
{
    m_subscriptionResolver = std::move(resolver);
}

QColor TopicTreeDelegate::subscriptionColor(int subscription)
{
    static const QColor colors[] = {{0x1f, 0x77, 0xb4}, {0xd6, 0x27, 0x28}, {0x2c, 0xa0, 0x2c}, {0x94, 0x67, 0xbd},
                                    {0xff, 0x7f, 0x0e}, {0x17, 0xbe, 0xcf}, {0xe3, 0x77, 0xc2}, {0x8c, 0x56, 0x4b}};
    constexpr int count = int(sizeof(colors) / sizeof(colors[0]));
    return colors[((subscription % count) + count) % count];
}

void TopicTreeDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    switch (index.column()) {
    case TopicTreeModel::NameColumn: {
        const int subscription = m_subscriptionResolver && index.data(TopicTreeModel::HasMessageRole).toBool()
            ? m_subscriptionResolver(index.data(TopicTreeModel::FullTopicRole).toString())
            : -1;
        QStyleOptionViewItem opt = option;
        if (subscription >= 0) {
            // Background for the whole cell, the name in all but the dot's space.
            QStyleOptionViewItem panel = option;
            initStyleOption(&panel, index);
            const QWidget *widget = option.widget;
            (widget ? widget->style() : QApplication::style())->drawPrimitive(QStyle::PE_PanelItemViewItem, &panel, painter, widget);
            opt.rect.adjust(0, 0, -SubscriptionDotSpace, 0);
        }
        if (index.data(TopicTreeModel::RetainedRole).toBool())
            paintNameWithBadge(painter, opt, index);
        else
            QStyledItemDelegate::paint(painter, opt, index);
        if (subscription >= 0)
            paintSubscriptionDot(painter, option.rect, subscription);
        return;
    }
    case TopicTreeModel::MessagesColumn:
        paintCount(painter, option, index);
        return;
    default:
        break;
    }
    QStyledItemDelegate::paint(painter, option, index);
}

void TopicTreeDelegate::paintNameWithBadge(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString badge = tr("retained");
    QFont badgeFont = opt.font;
    badgeFont.setPointSizeF(std::max(6.0, badgeFont.pointSizeF() * 0.8));
    const QFontMetrics badgeMetrics(badgeFont);
    const int badgeWidth = badgeMetrics.horizontalAdvance(badge) + 2 * BadgePadding;

    // Background and selection for the whole cell, text in the remaining space.
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawPrimitive(QStyle::PE_PanelItemViewItem, &opt, painter, widget);
    const QRect textRect = style->subElementRect(QStyle::SE_ItemViewItemText, &opt, widget);
    const QString text = opt.fontMetrics.elidedText(opt.text, opt.textElideMode, std::max(0, textRect.width() - badgeWidth - 6));
    const QPalette::ColorGroup group = (opt.state & QStyle::State_Enabled) ? QPalette::Normal : QPalette::Disabled;
    painter->save();
    painter->setFont(opt.font);
    painter->setPen(opt.palette.color(group, (opt.state & QStyle::State_Selected) ? QPalette::HighlightedText : QPalette::Text));
    painter->drawText(textRect, Qt::AlignLeft | Qt::AlignVCenter, text);

    const int textWidth = opt.fontMetrics.horizontalAdvance(text);
    QRect badgeRect(textRect.left() + textWidth + 6, 0, badgeWidth, badgeMetrics.height() + 2);
    badgeRect.moveTop(textRect.top() + (textRect.height() - badgeRect.height()) / 2);
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    painter->setBrush(RetainedColor);
    painter->drawRoundedRect(badgeRect, 4, 4);
    painter->setFont(badgeFont);
    painter->setPen(Qt::white);
    painter->drawText(badgeRect, Qt::AlignCenter, badge);
    painter->restore();
}

void TopicTreeDelegate::paintSubscriptionDot(QPainter *painter, const QRect &cell, int subscription) const
{
    const int size = std::min(8, cell.height() - 4);
    const QRectF dot(cell.right() - SubscriptionDotSpace / 2 - size / 2.0, cell.center().y() - size / 2.0 + 0.5, size, size);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    painter->setBrush(subscriptionColor(subscription));
    painter->drawEllipse(dot);
    painter->restore();
}

void TopicTreeDelegate::paintCount(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    const QString text = opt.text;
    opt.text.clear();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);
    if (text.isEmpty())
        return;

    const QDateTime last = index.data(TopicTreeModel::LastReceivedRole).toDateTime();
    const bool active = last.isValid() && last.msecsTo(QDateTime::currentDateTimeUtc()) < ActivityWindowMs;
    const QRect cell = style->subElementRect(QStyle::SE_ItemViewItemText, &opt, widget);
    const int width = opt.fontMetrics.horizontalAdvance(text) + 2 * BadgePadding + 4;
    QRect pill(cell.right() - width, cell.top() + 1, width, cell.height() - 2);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    if (active) {
        painter->setPen(Qt::NoPen);
        painter->setBrush(ActiveColor);
        painter->drawRoundedRect(pill, pill.height() / 2.0, pill.height() / 2.0);
        painter->setPen(Qt::white);
    } else {
        const bool selected = opt.state & QStyle::State_Selected;
        painter->setPen(opt.palette.color(selected ? QPalette::HighlightedText : QPalette::Text));
    }
    painter->setFont(opt.font);
    painter->drawText(pill, Qt::AlignCenter, text);
    painter->restore();
}
