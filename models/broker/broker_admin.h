#pragma once

#include "broker_accounts.h"

#include <QList>
#include <QObject>

#include <memory>

class MqttSession;

// Manages the accounts of a running embedded broker through the
// dynamic-security plugin's control topic. The session is not owned; it
// must be connected (or connecting) as BrokerAccounts::adminUsername() to
// the LAN listener, the only listener that loaded the plugin.
//
// Requests are sent one batch at a time in call order; each ends with
// exactly one finished(id, ok, message): ok when every command of the
// batch succeeded, otherwise the plugin's error texts, or a timeout (15 s)
// when no response came. Successful changes are followed by a refresh.
//
// Threading: create and use it on the thread of its session.
class BrokerAdmin : public QObject
{
    Q_OBJECT
public:
    explicit BrokerAdmin(MqttSession *session, QObject *parent = nullptr);
    ~BrokerAdmin() override;

    // Return a request id > 0, or 0 when the account is invalid (finished()
    // is not emitted then; lastError() says why).
    int addAccount(const BrokerAccount &account, const QString &password);
    int removeAccount(const BrokerAccount &account);
    int refresh();

    QList<BrokerAccount> accounts() const;   // as of the last refresh
    QString lastError() const;               // translated

Q_SIGNALS:
    void finished(int requestId, bool ok, const QString &message);
    void accountsChanged();

private:
    class Private;
    std::unique_ptr<Private> const d;
};
