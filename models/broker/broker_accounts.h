#pragma once

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

// One account on the LAN listener of the embedded broker.
// Device: may publish, subscribe and receive only under its own asset
// subtree factory/+/+/+/{thing}/# and its shadow topics
// $aws/things/{thing}/shadow/# (the equivalent of AWS IoT's
// ${iot:Connection.Thing.ThingName} policy variable).
// Operator: may subscribe to and receive everything (not $SYS), publish
// commands under factory/+/+/+/+/cmd/# and shadow requests (get, update,
// delete, classic and named), but not the shadow service's replies.
struct BrokerAccount
{
    enum class Kind { Device, Operator };

    QString username;
    Kind kind = Kind::Device;
    QString thing;                 // devices only: the asset / thing name in its topics

    // The dynamic-security role that carries the account's ACLs: one per
    // device ("device-<username>"), because mosquitto 2.0's dynamic
    // security does not substitute %u/%c in ACL topics; one shared
    // "operator" role.
    QString roleName() const;
    friend bool operator==(const BrokerAccount &, const BrokerAccount &) = default;
};

// One ACL of a dynamic-security role, as sent to mosquitto.
struct BrokerAclRule
{
    QString role;
    QString type;                  // publishClientSend, publishClientReceive, subscribePattern
    QString topic;
    bool allow = true;
    int priority = 0;
    QString describe() const;      // "role device-a: publishClientSend factory/+/+/+/a/# allow"
};

// The verdict of BrokerAccounts::effectivePermission().
struct BrokerPermission
{
    bool allowed = false;
    QString rule;                  // the deciding rule (BrokerAclRule::describe()) or the default
};

// The account model of the embedded broker's LAN listener and its
// translation to mosquitto's dynamic-security plugin: the control-topic
// commands for a running broker, and the dynamic-security.json file for a
// stopped one. effectivePermission() evaluates the same rules the way the
// plugin does (highest priority first, first match decides, else the
// default access), so it can explain a verdict without asking the broker.
// All functions are pure and callable from any thread.
class BrokerAccounts
{
    Q_DECLARE_TR_FUNCTIONS(BrokerAccounts)
public:
    enum class Action { Publish, Subscribe, Receive };

    static QString adminUsername();          // "linescope-admin"
    static QString controlTopic();           // $CONTROL/dynamic-security/v1
    static QString controlResponseTopic();   // $CONTROL/dynamic-security/v1/response
    static QString actionName(Action action); // translated

    // Empty when valid; otherwise a translated sentence. Usernames and
    // thing names use letters, digits, '-', '_', ':' and '.' (thing names
    // become topic levels, so no '/', '+', '#').
    static QString validate(const BrokerAccount &account);

    static QList<BrokerAclRule> rules(const BrokerAccount &account);
    static BrokerPermission effectivePermission(const BrokerAccount &account, const QString &topic, Action action);
    // How a subscribePattern ACL matches a subscription filter in mosquitto
    // 2.0: every level of the filter must be covered by the ACL ('#' covers
    // the rest, '+' any single level except '#').
    static bool patternCoversFilter(const QString &pattern, const QString &filter);

    // $CONTROL/dynamic-security/v1 commands ({"commands": [...]}).
    static QJsonObject addCommands(const BrokerAccount &account, const QString &password);
    static QJsonObject removeCommands(const BrokerAccount &account);
    static QJsonObject listCommand();
    // Accounts in a listClients (verbose) response or in the "clients" of a
    // dynamic-security.json; the admin and foreign clients are skipped.
    static QList<BrokerAccount> accountsFromClients(const QJsonArray &clients);

    // dynamic-security.json for a new broker: the admin account and role,
    // the operator role, and default access that denies everything but
    // unsubscribing.
    static QJsonObject initialSecurityConfig(const QString &adminPassword);
    // Sets the admin account's password in an existing file's JSON.
    static void setAdminPassword(QJsonObject &config, const QString &adminPassword);
    // Offline edits of dynamic-security.json (broker stopped). False with a
    // translated *error when the account exists / does not exist.
    static bool addToSecurityConfig(QJsonObject &config, const BrokerAccount &account, const QString &password, QString *error);
    static bool removeFromSecurityConfig(QJsonObject &config, const QString &username, QString *error);
    static QString generatePassword();       // 24 random characters
};
