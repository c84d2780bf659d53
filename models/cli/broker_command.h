#pragma once

#include "cli_command.h"

#include "broker/broker_accounts.h"
#include "broker/broker_config.h"
#include "broker/broker_settings.h"
#include "uplink/uplink_settings.h"

#include <memory>

class BrokerAdmin;
class EmbeddedBroker;
QT_FORWARD_DECLARE_CLASS(QTimer)

// `linescope-cli broker ...`, the embedded broker without a GUI:
//
//   broker run --data DIR [--port P] [--lan-port P [--lan-bind ADDR]
//              [--tls-cert F --tls-key F [--tls-ca F]]] [--no-lan] [--save-broker]
//              [--uplink-host H [--uplink-port P]
//               [--uplink-cert-id ID | --uplink-cert F --uplink-key F]
//               [--uplink-cafile F] [--uplink-alpn P] [--uplink-client-id ID]
//               [--uplink-filter F ...] [--downlink-filter F ...]
//               [--uplink-max-messages N] [--uplink-max-bytes B]
//               [--uplink-min-free-disk B] [--save-uplink] [--no-uplink]]
//              [--status-interval S]
//     Runs the supervised mosquitto with the shadow service and the
//     store-and-forward uplink (EmbeddedBroker) and logs the broker's and
//     the services' lines to out until Ctrl+C, then stops the broker and
//     exits 0. Exits 1 when the broker cannot start or crashed too often.
//     The LAN options are laid over <DIR>/broker.json (shared with the GUI,
//     which writes it from its settings dialog); --save-broker writes the
//     LAN listener in effect back (port, address, file paths; no secrets).
//     A broker.json that cannot be used stops the command with its error.
//     The uplink options are laid over <DIR>/uplink.json (shared with the
//     GUI); --save-uplink writes the result back (no secrets: only the
//     vault id or file paths). While the uplink runs, a status line (queue
//     depth, oldest age, drain rate, counters) is printed every
//     --status-interval seconds (default 10).
//   broker user add NAME (--device THING | --operator) --data DIR [--password-file F]
//   broker user remove NAME --data DIR
//   broker user list --data DIR
//     Manage the LAN listener's accounts. When the broker of DIR runs with
//     its LAN listener, the change goes through the dynamic-security
//     control topic (effective at once); otherwise dynamic-security.json is
//     edited and read at the next start. The password comes from the first
//     line of --password-file, or is asked for on the console without echo
//     (twice), or is read as one line from a non-interactive stdin. It is
//     never printed.
class BrokerCommand : public CliCommand
{
    Q_OBJECT
public:
    enum class Action { Run, UserAdd, UserRemove, UserList };
    Q_ENUM(Action)

    struct Options
    {
        Action action = Action::Run;
        BrokerConfig config;        // run: the broker; user: dataDirectory
        BrokerAccount account;      // user add/remove
        QString passwordFile;
        bool uplinkGiven = false;   // uplink options on the command line (else uplink.json as it is)
        UplinkSettings uplink;      // valid when uplinkGiven
        bool saveUplink = false;
        bool saveBrokerSettings = false; // --save-broker: write config.lan to broker.json
        int statusIntervalSeconds = 10;
    };

    BrokerCommand(QIODevice *out, QIODevice *err, QObject *parent = nullptr);
    ~BrokerCommand() override;

    QString name() const override;
    Options options() const;        // valid after parseArguments() returned true
    void start() override;
    void interrupt() override;

protected:
    QList<QCommandLineOption> commandOptions() const override;
    QString synopsis() const override;
    QString description() const override;
    QString helpFooter() const override;
    QString extractSpecialArguments(QStringList *arguments) override;
    QString readOptions(const QCommandLineParser &parser) override;
    void sessionConnected() override;

private:
    void startRun();
    void startUser();
    bool readPassword(QString *password);
    void runOffline();
    void runOnline(int lanPort, const QString &adminPassword);
    void printAccounts(const QList<BrokerAccount> &accounts);
    QString readLanOptions(const QCommandLineParser &parser);
    QString readUplinkOptions(const QCommandLineParser &parser);
    void printUplinkStatus();

    Options m_options;
    QStringList m_words;            // run | user add NAME | user remove NAME | user list
    QString m_password;
    std::unique_ptr<EmbeddedBroker> m_broker;
    std::unique_ptr<BrokerAdmin> m_admin;
    bool m_requestSent = false;
    QTimer *m_statusTimer = nullptr;
};
