#include "subscription_box.h"

#include "topics/topic_filter.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace {

enum Column { FilterColumn, QosColumn, ResultColumn, ColumnCount };
constexpr int RefusedRole = Qt::UserRole + 1;

const QColor ErrorColor(0xc0, 0x1c, 0x28);
const QColor OkColor(0x26, 0x7f, 0x3c);

} // namespace

SubscriptionBox::SubscriptionBox(QWidget *parent)
    : QWidget(parent)
{
    m_filterEdit = new QLineEdit(this);
    m_filterEdit->setObjectName(QStringLiteral("subscribeFilter"));
    m_filterEdit->setPlaceholderText(tr("Topic filter, e.g. factory/+/+/line-3/#"));
    m_filterEdit->setClearButtonEnabled(true);
    m_qosCombo = new QComboBox(this);
    m_qosCombo->addItem(tr("QoS 0"), 0);
    m_qosCombo->addItem(tr("QoS 1"), 1);
    m_qosCombo->addItem(tr("QoS 2"), 2);
    m_subscribeButton = new QPushButton(tr("Subscribe"), this);
    m_errorLabel = new QLabel(this);
    m_errorLabel->setWordWrap(true);
    {
        QPalette palette = m_errorLabel->palette();
        palette.setColor(QPalette::WindowText, ErrorColor);
        m_errorLabel->setPalette(palette);
    }
    m_errorLabel->hide();

    m_list = new QTreeWidget(this);
    m_list->setColumnCount(ColumnCount);
    m_list->setHeaderLabels({tr("Subscription"), tr("QoS"), tr("Broker answer")});
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setContextMenuPolicy(Qt::CustomContextMenu);
    m_list->header()->setStretchLastSection(true);
    m_list->header()->resizeSection(FilterColumn, fontMetrics().horizontalAdvance(QLatin1Char('m')) * 16);
    m_list->header()->resizeSection(QosColumn, fontMetrics().horizontalAdvance(tr("QoS")) + 24);
    m_list->setToolTip(tr("Right-click a subscription to unsubscribe."));
    // Room for about three subscriptions; the topic tree below gets the rest.
    m_list->setMaximumHeight(m_list->header()->sizeHint().height() + 3 * (fontMetrics().height() + 6) + 6);
    connect(m_list, &QWidget::customContextMenuRequested, this, &SubscriptionBox::showContextMenu);

    auto *row = new QHBoxLayout;
    row->addWidget(m_filterEdit, 1);
    row->addWidget(m_qosCombo);
    row->addWidget(m_subscribeButton);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addLayout(row);
    layout->addWidget(m_errorLabel);
    layout->addWidget(m_list);

    connect(m_filterEdit, &QLineEdit::textChanged, this, &SubscriptionBox::validate);
    connect(m_filterEdit, &QLineEdit::returnPressed, this, &SubscriptionBox::requestSubscribe);
    connect(m_subscribeButton, &QPushButton::clicked, this, &SubscriptionBox::requestSubscribe);
    validate();
}

void SubscriptionBox::setWaitingForConnection(const QString &filter, int qos)
{
    setRow(filter, qos, tr("subscribes once connected"), palette().color(QPalette::PlaceholderText), false);
}

void SubscriptionBox::setPending(const QString &filter, int qos)
{
    setRow(filter, qos, tr("waiting for the broker…"), palette().color(QPalette::PlaceholderText), false);
}

void SubscriptionBox::setResult(const MqttSubscribeResult &result)
{
    QTreeWidgetItem *item = findRow(result.filter);
    const int qos = item ? item->data(QosColumn, Qt::UserRole).toInt() : qMax(0, result.grantedQos);
    if (result.isGranted()) {
        const QString text = result.grantedQos < qos
            ? tr("Granted QoS %1 (requested %2)").arg(result.grantedQos).arg(qos)
            : tr("Granted QoS %1").arg(result.grantedQos);
        setRow(result.filter, qos, text, OkColor, false);
    } else {
        const QString reason = result.reason.isEmpty() ? tr("reason code 0x%1").arg(result.reasonCode, 2, 16, QLatin1Char('0'))
                                                       : result.reason;
        setRow(result.filter, qos, tr("Refused: %1").arg(reason), ErrorColor, true);
    }
}

void SubscriptionBox::setFailed(const QString &filter, const QString &reason)
{
    QTreeWidgetItem *item = findRow(filter);
    const int qos = item ? item->data(QosColumn, Qt::UserRole).toInt() : 0;
    setRow(filter, qos, tr("Not subscribed: %1").arg(reason), ErrorColor, true);
}

void SubscriptionBox::removeFilter(const QString &filter)
{
    delete findRow(filter);
}

QStringList SubscriptionBox::filters() const
{
    QStringList result;
    for (int i = 0; i < m_list->topLevelItemCount(); ++i)
        result << m_list->topLevelItem(i)->text(FilterColumn);
    return result;
}

QString SubscriptionBox::resultText(const QString &filter) const
{
    const QTreeWidgetItem *item = findRow(filter);
    return item ? item->text(ResultColumn) : QString();
}

bool SubscriptionBox::isRefused(const QString &filter) const
{
    const QTreeWidgetItem *item = findRow(filter);
    return item && item->data(ResultColumn, RefusedRole).toBool();
}

QString SubscriptionBox::filterError() const
{
    const QString text = m_filterEdit->text();
    if (text.isEmpty())
        return tr("Enter a topic filter to subscribe to.");
    return TopicFilter::validate(text).message;
}

void SubscriptionBox::setFilterText(const QString &text)
{
    m_filterEdit->setText(text);
}

QTreeWidgetItem *SubscriptionBox::findRow(const QString &filter) const
{
    for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_list->topLevelItem(i);
        if (item->text(FilterColumn) == filter)
            return item;
    }
    return nullptr;
}

void SubscriptionBox::setRow(const QString &filter, int qos, const QString &text, const QColor &color, bool refused)
{
    QTreeWidgetItem *item = findRow(filter);
    if (!item) {
        item = new QTreeWidgetItem(m_list);
        item->setText(FilterColumn, filter);
        item->setToolTip(FilterColumn, filter);
    }
    item->setText(QosColumn, QString::number(qos));
    item->setData(QosColumn, Qt::UserRole, qos);
    item->setText(ResultColumn, text);
    item->setToolTip(ResultColumn, text);
    item->setForeground(ResultColumn, color);
    item->setData(ResultColumn, RefusedRole, refused);
}

void SubscriptionBox::validate()
{
    const QString error = filterError();
    // An empty box is not an error worth a red line; the disabled button says enough.
    m_errorLabel->setText(error);
    m_errorLabel->setVisible(!error.isEmpty() && !m_filterEdit->text().isEmpty());
    m_subscribeButton->setEnabled(error.isEmpty());
}

void SubscriptionBox::requestSubscribe()
{
    if (!filterError().isEmpty())
        return;
    Q_EMIT subscribeRequested(m_filterEdit->text(), m_qosCombo->currentData().toInt());
    m_filterEdit->clear();
}

void SubscriptionBox::showContextMenu(const QPoint &pos)
{
    const QTreeWidgetItem *item = m_list->itemAt(pos);
    if (!item)
        return;
    const QString filter = item->text(FilterColumn);
    QMenu menu(this);
    menu.addAction(tr("Unsubscribe from %1").arg(filter), this, [this, filter] { Q_EMIT unsubscribeRequested(filter); });
    menu.exec(m_list->viewport()->mapToGlobal(pos));
}
