#pragma once

#include "mqtt/mqtt_session.h"

#include <QWidget>

QT_FORWARD_DECLARE_CLASS(QComboBox)
QT_FORWARD_DECLARE_CLASS(QLabel)
QT_FORWARD_DECLARE_CLASS(QLineEdit)
QT_FORWARD_DECLARE_CLASS(QPushButton)
QT_FORWARD_DECLARE_CLASS(QTreeWidget)
QT_FORWARD_DECLARE_CLASS(QTreeWidgetItem)

// Quick subscribe box: a filter (validated inline with TopicFilter), a QoS
// and a Subscribe button, above the list of this connection's filters with
// the broker's answer per filter (granted QoS, or the refusal in words).
// It only presents; the connection view talks to the session.
class SubscriptionBox : public QWidget
{
    Q_OBJECT
public:
    explicit SubscriptionBox(QWidget *parent = nullptr);

    // Row states. Each call adds the filter's row if it does not exist yet.
    void setWaitingForConnection(const QString &filter, int qos);
    void setPending(const QString &filter, int qos);
    void setResult(const MqttSubscribeResult &result);
    void setFailed(const QString &filter, const QString &reason);
    void removeFilter(const QString &filter);

    QStringList filters() const;
    // The result column of the filter's row, e.g. "Granted QoS 1" or "Refused: ...".
    QString resultText(const QString &filter) const;
    bool isRefused(const QString &filter) const;
    // Why the text in the filter box cannot be subscribed; empty when it can.
    QString filterError() const;
    void setFilterText(const QString &text);

Q_SIGNALS:
    void subscribeRequested(const QString &filter, int qos);
    void unsubscribeRequested(const QString &filter);

private:
    QTreeWidgetItem *rowFor(const QString &filter, int qos);
    QTreeWidgetItem *findRow(const QString &filter) const;
    void setRow(const QString &filter, int qos, const QString &text, const QColor &color, bool refused);
    void validate();
    void requestSubscribe();
    void showContextMenu(const QPoint &pos);

    QLineEdit *m_filterEdit = nullptr;
    QComboBox *m_qosCombo = nullptr;
    QPushButton *m_subscribeButton = nullptr;
    QLabel *m_errorLabel = nullptr;
    QTreeWidget *m_list = nullptr;
};
