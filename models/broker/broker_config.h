#pragma once

#include <QString>
#include <QStringList>

// What the embedded mosquitto should look like. BrokerConfig::render()
// produces the mosquitto.conf text that BrokerSupervisor writes into the
// data directory; the file is generated, never edited by hand.
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

    QString configFilePath() const;        // <dataDirectory>/mosquitto.conf
    QString render() const;
};
