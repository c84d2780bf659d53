#include "publish_history.h"

#include "topictree/payload_format.h"

#include <QDateTime>
#include <QHeaderView>
#include <QLabel>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace {

enum Column { ActionColumn, TimeColumn, TopicColumn, QosColumn, SizeColumn, ResultColumn, ColumnCount };
constexpr int KeyRole = Qt::UserRole + 1;

} // namespace

PublishHistory::PublishHistory(QWidget *parent)
    : QWidget(parent)
{
    m_list = new QTreeWidget(this);
    m_list->setColumnCount(ColumnCount);
    m_list->setHeaderLabels({QString(), tr("Time"), tr("Topic"), tr("QoS"), tr("Size"), tr("Result")});
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setAlternatingRowColors(true);
    m_list->setToolTip(tr("Double-click a row to load it into the publish editor."));
    QHeaderView *header = m_list->header();
    const QFontMetrics metrics = fontMetrics();
    header->setStretchLastSection(true);
    header->resizeSection(ActionColumn, metrics.horizontalAdvance(tr("Publish Again")) + 28);
    header->resizeSection(TimeColumn, metrics.horizontalAdvance(QStringLiteral("00:00:00.000")) + 20);
    header->resizeSection(TopicColumn, metrics.horizontalAdvance(QLatin1Char('m')) * 28);
    header->resizeSection(QosColumn, metrics.horizontalAdvance(tr("QoS")) + 20);
    header->resizeSection(SizeColumn, metrics.horizontalAdvance(QStringLiteral("1023.9 KB")) + 20);
    connect(m_list, &QTreeWidget::itemDoubleClicked, this, [this](QTreeWidgetItem *item) {
        Q_EMIT editRequested(m_requests.value(item->data(0, KeyRole).toInt()));
    });

    m_droppedLabel = new QLabel(this);
    m_droppedLabel->hide();

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_droppedLabel);
}

int PublishHistory::addEntry(const MqttPublishRequest &request)
{
    const int key = m_nextKey++;
    m_requests.insert(key, request);
    auto *item = new QTreeWidgetItem;
    item->setData(0, KeyRole, key);
    item->setText(TimeColumn, QDateTime::currentDateTime().toString(QStringLiteral("HH:mm:ss.zzz")));
    item->setText(TopicColumn, request.topic);
    item->setToolTip(TopicColumn, request.topic);
    item->setText(QosColumn, QString::number(request.qos));
    item->setText(SizeColumn, PayloadFormat::formatSize(request.payload.size()));
    item->setText(ResultColumn, request.retain ? tr("sending (retained)…") : tr("sending…"));
    m_list->insertTopLevelItem(0, item);

    auto *button = new QToolButton(m_list);
    button->setText(tr("Publish Again"));
    button->setAutoRaise(true);
    button->setToolTip(tr("Publish this message again, unchanged"));
    connect(button, &QToolButton::clicked, this, [this, key] { Q_EMIT republishRequested(m_requests.value(key)); });
    m_list->setItemWidget(item, ActionColumn, button);

    while (m_list->topLevelItemCount() > MaximumEntries) {
        QTreeWidgetItem *oldest = m_list->takeTopLevelItem(m_list->topLevelItemCount() - 1);
        m_requests.remove(oldest->data(0, KeyRole).toInt());
        delete oldest;
        ++m_dropped;
    }
    if (m_dropped > 0) {
        m_droppedLabel->setText(tr("%1 older entries were removed; the newest %2 are kept.").arg(m_dropped).arg(MaximumEntries));
        m_droppedLabel->show();
    }
    Q_EMIT countChanged(m_list->topLevelItemCount());
    return key;
}

void PublishHistory::setResult(int key, bool ok, const QString &message)
{
    QTreeWidgetItem *item = itemForKey(key);
    if (!item)
        return;   // already scrolled out of the bounded history
    item->setText(ResultColumn, message);
    item->setToolTip(ResultColumn, message);
    item->setForeground(ResultColumn, ok ? QColor(0x26, 0x7f, 0x3c) : QColor(0xc0, 0x1c, 0x28));
}

int PublishHistory::entryCount() const
{
    return m_list->topLevelItemCount();
}

MqttPublishRequest PublishHistory::entry(int row) const
{
    const QTreeWidgetItem *item = m_list->topLevelItem(row);
    return item ? m_requests.value(item->data(0, KeyRole).toInt()) : MqttPublishRequest();
}

void PublishHistory::republish(int row)
{
    const QTreeWidgetItem *item = m_list->topLevelItem(row);
    if (item)
        Q_EMIT republishRequested(m_requests.value(item->data(0, KeyRole).toInt()));
}

QTreeWidgetItem *PublishHistory::itemForKey(int key) const
{
    for (int row = 0; row < m_list->topLevelItemCount(); ++row) {
        QTreeWidgetItem *item = m_list->topLevelItem(row);
        if (item->data(0, KeyRole).toInt() == key)
            return item;
    }
    return nullptr;
}
