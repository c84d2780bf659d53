#pragma once

#include <QGroupBox>
#include <QHash>

QT_FORWARD_DECLARE_CLASS(QLabel)
class StoreAndForwardUplink;
struct UplinkStatus;

// The store-and-forward uplink at a glance: cloud state, queue depth, age
// of the oldest queued message, drain rate, delivered / resent / dropped
// counters with the drops per topic, and the overflow alarm in red. Shows
// the uplink's status snapshots; nothing here blocks.
class UplinkStatusWidget : public QGroupBox
{
    Q_OBJECT
public:
    explicit UplinkStatusWidget(StoreAndForwardUplink *uplink, QWidget *parent = nullptr);

    // For tests: "cloud", "problem", "queue", "oldest", "drain", "counters", "drops", "alarm".
    QString fieldText(const QString &field) const;
    bool isAlarmShown() const;

private:
    QLabel *addField(const QString &key);
    void showStatus(const UplinkStatus &status);

    StoreAndForwardUplink *m_uplink = nullptr;
    QHash<QString, QLabel *> m_fields;
    QLabel *m_alarm = nullptr;
};
