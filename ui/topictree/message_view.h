#pragma once

#include "mqtt/mqtt_message.h"
#include "payload_format.h"

#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QPointer>
#include <QTimer>
#include <QWidget>

QT_FORWARD_DECLARE_CLASS(QLabel)
QT_FORWARD_DECLARE_CLASS(QLineEdit)
QT_FORWARD_DECLARE_CLASS(QPushButton)
QT_FORWARD_DECLARE_CLASS(QTabWidget)
QT_FORWARD_DECLARE_CLASS(QTableView)
class HexView;
class MessageHistoryModel;
class PayloadTextView;
class TopicTreeModel;

// Shows the last (or a chosen older) message of one topic: its metadata,
// MQTT 5 properties, the payload as text, pretty JSON or hex, and the
// topic's history.
//
// Rendering is decoupled from the message rate: updates for the shown topic
// are coalesced and re-rendered at most every refreshIntervalMs() (4 Hz, 1 Hz
// for payloads over 1 MB); only the visible payload pane is formatted, and
// payloads over 256 KB are decoded or pretty-printed on a worker thread.
class MessageView : public QWidget
{
    Q_OBJECT
public:
    enum class PayloadMode { Text, Json, Hex };
    Q_ENUM(PayloadMode)

    explicit MessageView(QWidget *parent = nullptr);
    ~MessageView() override;

    void setModel(TopicTreeModel *model);
    TopicTreeModel *model() const;

    // Shows the topic's latest message and follows it; an empty topic clears the view.
    void setTopic(const QString &topic);
    QString topic() const { return m_topic; }

    PayloadMode payloadMode() const;
    void setPayloadMode(PayloadMode mode);

    bool hasMessage() const { return m_hasMessage; }
    MqttMessage currentMessage() const { return m_message; }
    // What the pane for the mode shows: decoded text, indented JSON (or the
    // reason it is not JSON), or the hex dump rows. Empty until rendered.
    QString payloadText(PayloadMode mode) const;
    bool isRendering() const;

    int refreshIntervalMs() const;

Q_SIGNALS:
    // The visible payload pane shows the current message.
    void payloadRendered();

private:
    void scheduleRefresh();
    void refresh();
    void showMessage(const MqttMessage &message);
    void showEmpty(const QString &reason);
    void updateHeader();
    void renderCurrentPane();
    void applyJson(const PayloadFormat::JsonResult &result);
    void onHistorySelectionChanged();
    void showLatest();
    void copyPayload() const;

    QPointer<TopicTreeModel> m_model;
    QString m_topic;
    MqttMessage m_message;
    bool m_hasMessage = false;
    qint64 m_pinnedReceivedAt = -1;   // >= 0 while an older message from the history is shown
    qint64 m_topicMessageCount = 0;
    qint64 m_evictedCount = 0;
    bool m_updatingHistory = false;
    bool m_textStale = true;
    bool m_jsonStale = true;
    bool m_hexStale = true;
    quint64 m_generation = 0;
    quint64 m_textGeneration = 0;
    quint64 m_jsonGeneration = 0;

    QTimer m_refreshTimer;
    QElapsedTimer m_sinceRefresh;
    QFutureWatcher<QString> m_textWatcher;
    QFutureWatcher<PayloadFormat::JsonResult> m_jsonWatcher;

    QLineEdit *m_topicEdit = nullptr;
    QLabel *m_qosValue = nullptr;
    QLabel *m_retainedValue = nullptr;
    QLabel *m_sizeValue = nullptr;
    QLabel *m_formatValue = nullptr;
    QLabel *m_receivedValue = nullptr;
    QLabel *m_countValue = nullptr;
    QLabel *m_propertiesValue = nullptr;
    QLabel *m_evictedLabel = nullptr;
    QWidget *m_pinnedBar = nullptr;
    QLabel *m_pinnedLabel = nullptr;
    QTabWidget *m_payloadTabs = nullptr;
    PayloadTextView *m_textView = nullptr;
    PayloadTextView *m_jsonView = nullptr;
    HexView *m_hexView = nullptr;
    QLabel *m_historyLabel = nullptr;
    QTableView *m_historyView = nullptr;
    MessageHistoryModel *m_historyModel = nullptr;
};
