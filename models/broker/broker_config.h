#pragma once

#include <QString>
#include <QStringList>

// What the embedded mosquitto should look like. BrokerConfig::render()
// produces the mosquitto.conf text that BrokerSupervisor writes into the
// data directory; the file is generated, never edited by hand.
//
// Security model. The loopback listener serves LineScope itself and other
// programs on the line PC; it keeps allowAnonymous. The optional LAN
// listener is for devices and operator stations and always requires a
// username/password checked by mosquitto's dynamic-security plugin (and
// optionally a client certificate). mosquitto 2.0 applies allow_anonymous
// and plugins globally unless per_listener_settings is true, and its
// dynamic-security anonymous group cannot be limited to one listener, so
// with a LAN listener the config switches to per_listener_settings true:
// the plugin and "allow_anonymous false" belong to the LAN listener only,
// are always written, and come last in the file so that nothing (not even
// extraLines) can follow them and reopen the listener. Accounts are
// managed at runtime through the plugin's $CONTROL topic, which mosquitto
// only accepts on the listener that loaded the plugin, i.e. on the LAN
// listener with the admin account (see BrokerAccounts).
struct BrokerConfig
{
    QString dataDirectory;                 // config, persistence, log live here
    QString bindAddress = QStringLiteral("127.0.0.1");
    int port = 1883;                       // 0 = pick a free loopback port at start
    bool persistence = true;
    int autosaveIntervalSeconds = 1;
    bool allowAnonymous = true;            // loopback listener only
    int maxQueuedMessages = 0;             // 0 = unlimited, so a '#' monitor gets every retained message
    QStringList extraLines;                // appended verbatim (tests, advanced users)

    // mosquitto started as root switches to the user named here (default:
    // "mosquitto"), and must still reach the data directory afterwards.
    // Empty = no "user" line. BrokerSupervisor sets it to the current user
    // when it runs with root privileges, so the broker keeps the rights of
    // whoever started LineScope instead of silently changing identity.
    QString runAsUser;

    // Opt-in listener for the plant network. Authentication is not optional.
    struct LanListener
    {
        bool enabled = false;
        QString bindAddress = QStringLiteral("0.0.0.0");
        int port = 8883;                   // 0 = pick a free port at start
        // Path of mosquitto_dynamic_security; empty = found next to the
        // mosquitto program or in the usual library folders at start.
        QString securityPluginPath;
        struct Tls
        {
            bool enabled = false;
            QString caFile;                // CA that signed the client certificates
            QString certFile;              // the broker's certificate (PEM)
            QString keyFile;               // the broker's private key (PEM)
            bool requireCertificate = true; // clients must present a certificate signed by caFile
        } tls;
    } lan;

    QString configFilePath() const;        // <dataDirectory>/mosquitto.conf
    QString securityFilePath() const;      // <dataDirectory>/dynamic-security.json
    QString adminPasswordFilePath() const; // <dataDirectory>/broker-admin.secret

    // Empty when render() can produce a usable file; otherwise a translated
    // sentence (LAN listener without plugin path, TLS without files, ...).
    // BrokerSupervisor fills securityPluginPath in before it calls this.
    QString validate() const;
    QString render() const;

    // Values that render() writes into one line of mosquitto.conf: a line
    // break would start an unchecked line of configuration, and a space in
    // an address a second argument of the "listener" line.
    static bool breaksConfigLine(const QString &value);
    static bool isListenerAddress(const QString &address);
};
