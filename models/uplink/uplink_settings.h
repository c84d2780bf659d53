#pragma once

#include "uplink_types.h"

#include <QJsonObject>
#include <QMetaType>
#include <QString>
#include <QStringList>

// What the user chose for the embedded broker's store-and-forward uplink,
// shared by the GUI and `linescope-cli broker run` through uplink.json in
// the broker's data directory.
//
// No secret is ever part of it: the client identity is a CertificateVault id
// (the key stays in the OS keychain) or the paths of a certificate and a key
// file, which the uplink reads into memory on its own thread when it starts.
struct UplinkSettings
{
    bool enabled = false;
    QString host;                      // the cloud broker
    int port = 8883;
    QString clientId;                  // empty: "linescope-uplink"
    int keepAliveSeconds = 30;         // the cloud is shown down within 1.5 x this after it goes silent
    QString identityId;                // CertificateVault id; or the two files below
    QString certificateFile;           // PEM: client certificate (and intermediates)
    QString keyFile;                   // PEM: unencrypted private key
    QString caFile;                    // PEM: CA of the cloud broker; empty = vault's CA, then system trust store
    QStringList alpnProtocols;         // e.g. "x-amzn-mqtt-ca" for AWS IoT on port 443
    QStringList topicFilters = {QStringLiteral("#")};  // local -> cloud
    QStringList downlinkFilters;       // cloud -> local, e.g. "$aws/things/+/shadow/update/delta"
    UplinkQueueLimits limits;

    // <dataDirectory>/uplink.json and <dataDirectory>/uplink-queue.sqlite.
    static QString filePath(const QString &dataDirectory);
    static QString queueFilePath(const QString &dataDirectory);

    // Empty when the settings can be used (or the uplink is off); otherwise a
    // translated sentence naming the field, what is wrong and what is allowed.
    QString validate() const;

    // What StoreAndForwardUplink needs, for a local broker on 127.0.0.1:localPort.
    UplinkConfiguration toConfiguration(int localPort, const QString &queueFile) const;

    QJsonObject toJson() const;
    // Missing members keep their defaults; wrong types are reported in *error.
    static UplinkSettings fromJson(const QJsonObject &json, QString *error = nullptr);

    // Reading and writing block on the disk: call them on a worker thread in
    // the GUI. load() of a missing file returns the defaults (uplink off)
    // and true; false with *error (translated) when the file is unreadable
    // or malformed. save() writes atomically.
    static bool load(const QString &file, UplinkSettings *settings, QString *error);
    bool save(const QString &file, QString *error) const;

    friend bool operator==(const UplinkSettings &, const UplinkSettings &) = default;
};

Q_DECLARE_METATYPE(UplinkSettings)
