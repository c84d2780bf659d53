#pragma once

#include "mqtt/connection_settings.h"
#include "mqtt/mqtt_session.h"

#include <QList>
#include <QString>
#include <QUuid>

// A named, saved connection: settings plus the subscriptions to restore.
// The password is never part of what ProfileStore writes; it is kept in the
// OS keychain under passwordKey().
struct ConnectionProfile
{
    QUuid id = QUuid::createUuid();
    QString name;
    ConnectionSettings settings;       // settings.password is not persisted here
    QList<MqttSubscription> subscriptions;
    // A keychain entry exists. For ProfileStore::save() with an empty
    // password: true keeps the stored one, false deletes it.
    bool hasStoredPassword = false;

    // Keychain key for this profile's password: "profile/<uuid>/password".
    QString passwordKey() const;
};
