#pragma once

#include <QProcess>
#include <QString>
#include <QTemporaryDir>

// A private dbus-daemon with no activatable services: a session bus that
// works but has no Secret Service on it. Lives as long as this object.
class BareSessionBus
{
public:
    BareSessionBus();
    ~BareSessionBus();

    BareSessionBus(const BareSessionBus &) = delete;
    BareSessionBus &operator=(const BareSessionBus &) = delete;

    bool start(QString *error);          // false + error text on failure
    QString address() const { return m_address; }

private:
    QTemporaryDir m_dir;
    QProcess m_daemon;
    QString m_address;
};
