#include "uplink_status_widget.h"

#include "uplink/store_and_forward_uplink.h"

#include <QFormLayout>
#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

#include <algorithm>

UplinkStatusWidget::UplinkStatusWidget(StoreAndForwardUplink *uplink, QWidget *parent)
    : QGroupBox(tr("Uplink to the cloud"), parent)
    , m_uplink(uplink)
{
    auto *form = new QFormLayout;
    // Labels are Preferred, not Expanding: only AllNonFixedFieldsGrow gives
    // the wrapped problem text the full width (and the height for it).
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("Cloud:"), addField(QStringLiteral("cloud")));
    form->addRow(tr("Last problem:"), addField(QStringLiteral("problem")));
    m_fields.value(QStringLiteral("problem"))->setWordWrap(true);
    form->addRow(tr("Queued:"), addField(QStringLiteral("queue")));
    form->addRow(tr("Oldest queued:"), addField(QStringLiteral("oldest")));
    form->addRow(tr("Drain rate:"), addField(QStringLiteral("drain")));
    form->addRow(tr("Delivered / resent / dropped:"), addField(QStringLiteral("counters")));
    form->addRow(tr("Dropped per topic:"), addField(QStringLiteral("drops")));

    m_alarm = new QLabel(this);
    m_alarm->setObjectName(QStringLiteral("uplinkAlarm"));
    m_alarm->setWordWrap(true);
    m_alarm->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_alarm->setStyleSheet(QStringLiteral("color: #b3261e; font-weight: bold;"));
    m_alarm->hide();
    m_fields.insert(QStringLiteral("alarm"), m_alarm);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_alarm);

    connect(uplink, &StoreAndForwardUplink::statusChanged, this, &UplinkStatusWidget::showStatus);
    showStatus(uplink->status());
}

QString UplinkStatusWidget::fieldText(const QString &field) const
{
    const QLabel *label = m_fields.value(field);
    return label ? label->text() : QString();
}

bool UplinkStatusWidget::isAlarmShown() const
{
    return !m_alarm->isHidden();
}

QLabel *UplinkStatusWidget::addField(const QString &key)
{
    auto *label = new QLabel(this);
    label->setObjectName(QStringLiteral("uplink-") + key);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_fields.insert(key, label);
    return label;
}

void UplinkStatusWidget::showStatus(const UplinkStatus &status)
{
    const QLocale locale;
    if (!m_uplink->isRunning()) {
        m_fields[QStringLiteral("cloud")]->setText(tr("off (set it up under Settings…)"));
    } else {
        m_fields[QStringLiteral("cloud")]->setText(StoreAndForwardUplink::cloudStateText(status.cloudState));
    }
    const bool showProblem = status.cloudState != MqttSession::State::Connected && !status.lastError.isEmpty();
    QStringList problems;
    if (showProblem)
        problems << status.lastError;
    if (!status.diskWarning.isEmpty() && !problems.contains(status.diskWarning))
        problems << status.diskWarning;
    m_fields[QStringLiteral("problem")]->setText(problems.isEmpty() ? tr("–") : problems.join(QLatin1Char('\n')));
    m_fields[QStringLiteral("queue")]->setText(
        tr("%1 messages, %2").arg(locale.toString(status.queued), locale.formattedDataSize(status.queuedBytes)));
    m_fields[QStringLiteral("oldest")]->setText(
        status.queued == 0 ? tr("–") : tr("%1 s ago").arg(locale.toString(status.oldestQueuedAgeMs / 1000.0, 'f', 1)));
    m_fields[QStringLiteral("drain")]->setText(tr("%1 msg/s").arg(locale.toString(status.drainRatePerSecond, 'f', 1)));
    m_fields[QStringLiteral("counters")]->setText(tr("%1 / %2 / %3 of %4 taken from the broker")
                                                      .arg(locale.toString(status.delivered), locale.toString(status.resent),
                                                           locale.toString(status.dropped), locale.toString(status.published)));
    QList<std::pair<QString, quint64>> drops;
    for (auto it = status.droppedByTopic.cbegin(); it != status.droppedByTopic.cend(); ++it)
        drops.append({it.key(), it.value()});
    std::sort(drops.begin(), drops.end(), [](const auto &a, const auto &b) { return a.second > b.second || (a.second == b.second && a.first < b.first); });
    // The topics with the most drops; the rest is summed up in one line.
    constexpr qsizetype ShownTopics = 5;
    QStringList dropTexts;
    for (const auto &[topic, count] : drops.first(std::min(ShownTopics, drops.size())))
        dropTexts.append(tr("%1: %2").arg(topic, locale.toString(count)));
    if (drops.size() > ShownTopics)
        dropTexts.append(tr("and %n more topic(s)", nullptr, int(drops.size() - ShownTopics)));
    m_fields[QStringLiteral("drops")]->setText(dropTexts.isEmpty() ? tr("none") : dropTexts.join(QLatin1Char('\n')));
    m_alarm->setText(status.isAlarmActive() ? tr("Alarm: %1").arg(status.alarmText) : QString());
    m_alarm->setVisible(status.isAlarmActive());
}
