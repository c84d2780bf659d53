#pragma once

#include "broker_config.h"

#include <QJsonObject>
#include <QMetaType>
#include <QString>

// The embedded broker's LAN listener as the user chose it, shared by the GUI
// and `linescope-cli broker run` through broker.json in the broker's data
// directory (next to uplink.json). Only numbers and file paths: passwords
// live in dynamic-security.json and broker-admin.secret, key material in the
// files named here.
//
// The JSON members are flat and named after the fields below ("lanEnabled",
// "lanPort", "lanBindAddress", "tlsEnabled", "tlsCertificateFile",
// "tlsKeyFile", "tlsCaFile", "tlsRequireCertificate"). The command line
// overrides them member by member (withOverrides()).
struct BrokerSettings
{
    bool lanEnabled = false;
    int lanPort = BrokerConfig::LanListener().port;
    QString lanBindAddress = BrokerConfig::LanListener().bindAddress;
    bool tlsEnabled = false;
    QString tlsCertificateFile;        // PEM: the broker's certificate
    QString tlsKeyFile;                // PEM: its private key
    QString tlsCaFile;                 // PEM: CA of the client certificates
    bool tlsRequireCertificate = true; // clients must present a certificate signed by tlsCaFile

    // <dataDirectory>/broker.json
    static QString filePath(const QString &dataDirectory);

    static BrokerSettings fromConfig(const BrokerConfig &config);
    // Replaces config->lan (the plugin path is kept: it is found at start).
    void applyTo(BrokerConfig *config) const;

    // Empty when the settings can be used; otherwise a translated sentence
    // naming the member, what is wrong and what is allowed.
    QString validate() const;

    QJsonObject toJson() const;
    // Missing members keep their defaults. The first problem goes to
    // *error: a member of the wrong type, or one that is not listed above
    // (a typing mistake would otherwise be ignored without a word).
    static BrokerSettings fromJson(const QJsonObject &json, QString *error);
    // These settings with the members of overrides put in their place;
    // overrides come from code (the command line), with the right types.
    BrokerSettings withOverrides(const QJsonObject &overrides) const;

    // Reading and writing block on the disk: call them on a worker thread in
    // the GUI. load() of a missing file gives the defaults (LAN listener off)
    // and true; false with *error (translated) when the file is unreadable,
    // malformed or invalid (validate()); *settings is left alone then, and
    // the file is never rewritten. save() writes atomically.
    static bool load(const QString &file, BrokerSettings *settings, QString *error);
    bool save(const QString &file, QString *error) const;

    friend bool operator==(const BrokerSettings &, const BrokerSettings &) = default;
};

Q_DECLARE_METATYPE(BrokerSettings)
