#pragma once

#include <QWidget>

QT_FORWARD_DECLARE_CLASS(QLabel)
QT_FORWARD_DECLARE_CLASS(QPlainTextEdit)
QT_FORWARD_DECLARE_CLASS(QPushButton)
QT_FORWARD_DECLARE_CLASS(QTabWidget)
QT_FORWARD_DECLARE_CLASS(QTimer)
QT_FORWARD_DECLARE_CLASS(QTreeWidget)
class BrokerAccountsWidget;
class BrokerLogView;
class BrokerSettingsDialog;
class EmbeddedBroker;
class UplinkStatusWidget;

// The embedded broker at a glance: state and error, uptime, listeners,
// who is connected, messages/s in and out, bytes, retained messages,
// persistence interval, start/stop/restart, the store-and-forward uplink
// (UplinkStatusWidget) and a settings dialog for the uplink and the LAN
// listener; plus the accounts and
// permissions, the live log, and the generated mosquitto.conf (read-only).
// Everything is read from EmbeddedBroker's objects; nothing here blocks.
class BrokerPanel : public QWidget
{
    Q_OBJECT
public:
    explicit BrokerPanel(EmbeddedBroker *broker, QWidget *parent = nullptr);
    ~BrokerPanel() override;

    QTabWidget *pages() const { return m_pages; }
    BrokerAccountsWidget *accountsWidget() const { return m_accounts; }
    BrokerLogView *logView() const { return m_log; }
    UplinkStatusWidget *uplinkWidget() const { return m_uplink; }
    // Opens the settings dialog (window-modal, returns at once); it is
    // returned for tests. OK saves the uplink settings to uplink.json and
    // the LAN listener's to broker.json (on worker threads) and applies
    // them; a changed LAN listener restarts the broker.
    BrokerSettingsDialog *openSettings();
    // For tests: the text of a status field ("state", "uptime", "listeners",
    // "clients", "rates", "bytes", "retained", "persistence").
    QString fieldText(const QString &field) const;

private:
    QLabel *addField(const QString &key);
    void scheduleUpdate();
    void updateStatus();
    void updateConfig();
    void updateEditable();
    void applySettings(BrokerSettingsDialog *dialog);

    EmbeddedBroker *m_broker = nullptr;
    QTabWidget *m_pages = nullptr;
    QHash<QString, QLabel *> m_fields;
    QLabel *m_error = nullptr;
    QTreeWidget *m_clients = nullptr;
    QPushButton *m_start = nullptr;
    QPushButton *m_stop = nullptr;
    QPushButton *m_restart = nullptr;
    QPushButton *m_settings = nullptr;
    UplinkStatusWidget *m_uplink = nullptr;
    QPlainTextEdit *m_config = nullptr;
    QLabel *m_configPath = nullptr;
    BrokerAccountsWidget *m_accounts = nullptr;
    BrokerLogView *m_log = nullptr;
    QTimer *m_updateTimer = nullptr;
};
