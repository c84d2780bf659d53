#pragma once

#include "mqtt/mqtt_message.h"
#include "payload/payload_diff.h"

#include <QFutureWatcher>
#include <QList>
#include <QWidget>

QT_FORWARD_DECLARE_CLASS(QComboBox)
QT_FORWARD_DECLARE_CLASS(QLabel)
QT_FORWARD_DECLARE_CLASS(QTreeWidget)

// Compares two messages of one topic's history with PayloadDiff: changes by
// JSON path (added / removed / changed, old -> new) when both are JSON
// objects or arrays, otherwise a line diff. The pair defaults to the last two
// messages and follows new ones until the user picks another pair.
// Payloads over AsyncThreshold are compared on a worker thread.
class MessageDiffView : public QWidget
{
    Q_OBJECT
public:
    static constexpr qsizetype AsyncThreshold = 64 * 1024;
    static constexpr int MaximumShownRows = 5000;

    explicit MessageDiffView(QWidget *parent = nullptr);
    ~MessageDiffView() override;

    // The topic's history, oldest first (TopicTreeModel::history()).
    void setMessages(const QList<MqttMessage> &oldestFirst);
    // Picks the pair by position in the history (oldest first); false when out of range.
    bool setPair(int older, int newer);
    // Back to the last two messages, following new ones.
    void followLatest();

    bool hasResult() const { return m_hasResult; }
    PayloadDiff result() const { return m_result; }
    QString summaryText() const;
    // One line per shown row: "changed /a/b: 1 -> 2", "+ line", "- line".
    QStringList rowTexts() const;

Q_SIGNALS:
    void diffUpdated();

private:
    void fillCombos();
    void compare();
    void showResult(const PayloadDiff &diff);
    qint64 selectedAt(QComboBox *combo) const;
    int positionOf(qint64 receivedAtMs) const;

    QList<MqttMessage> m_messages;   // oldest first
    bool m_following = true;
    qint64 m_olderAt = -1;
    qint64 m_newerAt = -1;
    bool m_hasResult = false;
    PayloadDiff m_result;
    quint64 m_generation = 0;
    quint64 m_pendingGeneration = 0;
    QFutureWatcher<PayloadDiff> m_watcher;

    QComboBox *m_olderCombo = nullptr;
    QComboBox *m_newerCombo = nullptr;
    QLabel *m_summary = nullptr;
    QTreeWidget *m_rows = nullptr;
};
