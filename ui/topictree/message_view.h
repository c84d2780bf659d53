#pragma once

#include "mqtt/mqtt_message.h"
#include "payload/decoded_payload.h"

#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QPointer>
#include <QTimer>
#include <QWidget>

#include <memory>

QT_FORWARD_DECLARE_CLASS(QComboBox)
QT_FORWARD_DECLARE_CLASS(QLabel)
QT_FORWARD_DECLARE_CLASS(QLineEdit)
QT_FORWARD_DECLARE_CLASS(QPushButton)
QT_FORWARD_DECLARE_CLASS(QTabWidget)
QT_FORWARD_DECLARE_CLASS(QTableView)
QT_FORWARD_DECLARE_CLASS(QTreeView)
class HexView;
class MessageDiffView;
class MessageHistoryModel;
class PayloadDecoderRegistry;
class PayloadTextView;
class PayloadTreeModel;
class TopicTreeModel;

// Shows the last (or a chosen older) message of one topic: its metadata,
// MQTT 5 properties, the payload decoded by a PayloadDecoderRegistry (as text
// and, for JSON/CBOR, as a collapsible tree), the raw bytes as hex, a diff of
// two messages and the topic's history (exportable as JSON Lines).
//
// The decoder combo offers Auto (the registry's detection) and every
// registered decoder; picking one is remembered for the topic as a registry
// override. A payload that the chosen decoder rejects shows the decoder's
// reason and position above the raw bytes, never an empty pane.
//
// Rendering is decoupled from the message rate: updates for the shown topic
// are coalesced and re-rendered at most every refreshIntervalMs() (4 Hz, 1 Hz
// for payloads over 1 MB); only the visible pane is rendered, and payloads
// over 256 KB are decoded on a worker thread.
class MessageView : public QWidget
{
    Q_OBJECT
public:
    // Kept for callers that think in the classic three panes: Text and Json
    // select the decoder (and the Decoded tab), Hex the raw bytes tab.
    enum class PayloadMode { Text, Json, Hex };
    Q_ENUM(PayloadMode)

    explicit MessageView(QWidget *parent = nullptr);
    ~MessageView() override;

    void setModel(TopicTreeModel *model);
    TopicTreeModel *model() const;

    // Shows the topic's latest message and follows it; an empty topic clears the view.
    void setTopic(const QString &topic);
    QString topic() const { return m_topic; }

    PayloadDecoderRegistry *decoderRegistry() const { return m_registry.get(); }
    // "" for Auto, else a decoder id; sets (or clears) the topic's override.
    void setDecoderChoice(const QString &decoderId);
    QString decoderChoice() const;
    // Id of the decoder used for the shown message ("json", "cbor", ...).
    QString effectiveDecoderId() const { return m_effectiveDecoderId; }
    // The last decode result shown (ok or failed); default-constructed before.
    DecodedPayload decodedPayload() const { return m_decoded; }
    // The error line above the raw bytes; empty when the payload decoded.
    QString decodeErrorText() const;
    QString decodedText() const;
    PayloadTreeModel *payloadTreeModel() const { return m_treeModel; }
    MessageDiffView *diffView() const { return m_diffView; }
    void showDiff();

    PayloadMode payloadMode() const;
    void setPayloadMode(PayloadMode mode);

    bool hasMessage() const { return m_hasMessage; }
    MqttMessage currentMessage() const { return m_message; }
    // What the pane for the mode shows: the decoded text (or, on a decode
    // error, the error line), or the hex dump rows. Empty until rendered.
    QString payloadText(PayloadMode mode) const;
    bool isRendering() const;

    int refreshIntervalMs() const;

    // Writes the shown topic's history (oldest first) to path as JSON Lines
    // on a worker thread; exportFinished() reports the outcome. False when
    // there is nothing to export or an export is running.
    bool exportHistory(const QString &path);

Q_SIGNALS:
    // The visible payload pane shows the current message.
    void payloadRendered();
    void exportFinished(bool ok, const QString &message);

private:
    enum Tab { DecodedTab, TreeTab, HexTab, DiffTab };

    void scheduleRefresh();
    void refresh();
    void showMessage(const MqttMessage &message);
    void showEmpty(const QString &reason);
    void updateHeader();
    void updateDecoderCombo();
    void renderCurrentPane();
    void applyDecoded(const DecodedPayload &decoded);
    void onHistorySelectionChanged();
    void showLatest();
    void copyPayload() const;
    void chooseExportFile();

    std::unique_ptr<PayloadDecoderRegistry> m_registry;
    QPointer<TopicTreeModel> m_model;
    QString m_topic;
    MqttMessage m_message;
    QList<MqttMessage> m_history;   // oldest first, as last refreshed
    bool m_hasMessage = false;
    qint64 m_pinnedReceivedAt = -1;   // >= 0 while an older message from the history is shown
    qint64 m_topicMessageCount = 0;
    qint64 m_evictedCount = 0;
    bool m_updatingHistory = false;
    bool m_updatingCombo = false;
    bool m_decodedStale = true;
    bool m_hexStale = true;
    bool m_diffStale = true;
    quint64 m_generation = 0;
    quint64 m_decodeGeneration = 0;
    QString m_effectiveDecoderId;
    DecodedPayload m_decoded;

    QTimer m_refreshTimer;
    QElapsedTimer m_sinceRefresh;
    QFutureWatcher<DecodedPayload> m_decodeWatcher;
    QFutureWatcher<QString> m_exportWatcher;

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
    QComboBox *m_decoderCombo = nullptr;
    QLabel *m_errorBanner = nullptr;
    QTabWidget *m_payloadTabs = nullptr;
    PayloadTextView *m_decodedView = nullptr;
    QTreeView *m_treeView = nullptr;
    PayloadTreeModel *m_treeModel = nullptr;
    HexView *m_hexView = nullptr;
    MessageDiffView *m_diffView = nullptr;
    QLabel *m_historyLabel = nullptr;
    QPushButton *m_exportButton = nullptr;
    QTableView *m_historyView = nullptr;
    MessageHistoryModel *m_historyModel = nullptr;
};
