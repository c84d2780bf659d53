#include "broker_accounts.h"

#include "topics/topic_filter.h"

#include <QCryptographicHash>
#include <QPasswordDigestor>
#include <QRandomGenerator>
#include <QRegularExpression>

#include <algorithm>

namespace {

const QString kPublishSend = QStringLiteral("publishClientSend");
const QString kPublishReceive = QStringLiteral("publishClientReceive");
const QString kSubscribePattern = QStringLiteral("subscribePattern");
const QString kOperatorRole = QStringLiteral("operator");
const QString kAdminRole = QStringLiteral("linescope-admin");
const QString kDevicePrefix = QStringLiteral("device-");
// mosquitto 2.0's dynamic-security default (PW_DEFAULT_ITERATIONS).
constexpr int kIterations = 101;

QJsonObject acl(const QString &type, const QString &topic, bool allow = true, int priority = 0)
{
    return QJsonObject{{QStringLiteral("acltype"), type}, {QStringLiteral("topic"), topic},
                       {QStringLiteral("allow"), allow}, {QStringLiteral("priority"), priority}};
}

QJsonObject aclJson(const BrokerAclRule &rule)
{
    return acl(rule.type, rule.topic, rule.allow, rule.priority);
}

// The client entry of dynamic-security.json: PBKDF2-HMAC-SHA512, 64 bytes,
// 12 bytes salt, as the plugin stores it.
QJsonObject clientJson(const QString &username, const QString &password, const QStringList &roles)
{
    QByteArray salt(12, Qt::Uninitialized);
    for (char &byte : salt)
        byte = char(QRandomGenerator::system()->bounded(256));
    const QByteArray hash = QPasswordDigestor::deriveKeyPbkdf2(QCryptographicHash::Sha512, password.toUtf8(), salt, kIterations, 64);
    QJsonArray roleArray;
    for (const QString &role : roles)
        roleArray.append(QJsonObject{{QStringLiteral("rolename"), role}});
    return QJsonObject{{QStringLiteral("username"), username},
                       {QStringLiteral("password"), QString::fromLatin1(hash.toBase64())},
                       {QStringLiteral("salt"), QString::fromLatin1(salt.toBase64())},
                       {QStringLiteral("iterations"), kIterations},
                       {QStringLiteral("roles"), roleArray}};
}

QJsonObject roleJson(const QString &name, const QList<BrokerAclRule> &rules)
{
    QJsonArray acls;
    for (const BrokerAclRule &rule : rules)
        acls.append(aclJson(rule));
    return QJsonObject{{QStringLiteral("rolename"), name}, {QStringLiteral("acls"), acls}};
}

QList<BrokerAclRule> operatorRules()
{
    QList<BrokerAclRule> rules;
    const auto add = [&rules](const QString &type, const QString &topic) {
        rules.append(BrokerAclRule{kOperatorRole, type, topic, true, 0});
    };
    add(kSubscribePattern, QStringLiteral("#"));
    add(kPublishReceive, QStringLiteral("#"));
    // '#' does not match topics that start with '$' when messages are
    // delivered, so "read everything" needs the '$' trees spelled out.
    add(kPublishReceive, QStringLiteral("$aws/things/+/shadow/#"));
    add(kPublishReceive, QStringLiteral("$SYS/#"));
    add(kPublishSend, QStringLiteral("factory/+/+/+/+/cmd/#"));
    for (const QString &operation : {QStringLiteral("get"), QStringLiteral("update"), QStringLiteral("delete")}) {
        add(kPublishSend, QStringLiteral("$aws/things/+/shadow/%1").arg(operation));
        add(kPublishSend, QStringLiteral("$aws/things/+/shadow/name/+/%1").arg(operation));
    }
    return rules;
}

QList<BrokerAclRule> deviceRules(const BrokerAccount &account)
{
    QList<BrokerAclRule> rules;
    const QString role = account.roleName();
    for (const QString &topic : {QStringLiteral("factory/+/+/+/%1/#").arg(account.thing),
                                 QStringLiteral("$aws/things/%1/shadow/#").arg(account.thing)}) {
        for (const QString &type : {kPublishSend, kSubscribePattern, kPublishReceive})
            rules.append(BrokerAclRule{role, type, topic, true, 0});
    }
    return rules;
}

QList<BrokerAclRule> adminRules()
{
    QList<BrokerAclRule> rules;
    for (const QString &type : {kPublishSend, kPublishReceive, kSubscribePattern})
        rules.append(BrokerAclRule{kAdminRole, type, QStringLiteral("$CONTROL/dynamic-security/#"), true, 0});
    return rules;
}

QJsonArray arrayWithout(const QJsonArray &array, const QString &key, const QString &value, bool *removed)
{
    QJsonArray result;
    for (const QJsonValue &entry : array) {
        if (entry.toObject().value(key).toString() == value)
            *removed = true;
        else
            result.append(entry);
    }
    return result;
}

} // namespace

QString BrokerAccount::roleName() const
{
    return kind == Kind::Operator ? kOperatorRole : kDevicePrefix + username;
}

QString BrokerAclRule::describe() const
{
    return QStringLiteral("role %1: %2 %3 %4").arg(role, type, topic, allow ? QStringLiteral("allow") : QStringLiteral("deny"));
}

QString BrokerAccounts::adminUsername()
{
    return QStringLiteral("linescope-admin");
}

QString BrokerAccounts::controlTopic()
{
    return QStringLiteral("$CONTROL/dynamic-security/v1");
}

QString BrokerAccounts::controlResponseTopic()
{
    return QStringLiteral("$CONTROL/dynamic-security/v1/response");
}

QString BrokerAccounts::actionName(Action action)
{
    switch (action) {
    case Action::Publish:
        return tr("publish");
    case Action::Subscribe:
        return tr("subscribe");
    case Action::Receive:
        return tr("receive");
    }
    return {};
}

QString BrokerAccounts::validate(const BrokerAccount &account)
{
    static const QRegularExpression name(QStringLiteral("^[A-Za-z0-9_.:-]{1,128}$"));
    if (!name.match(account.username).hasMatch())
        return tr("The username \"%1\" is not allowed: use 1 to 128 letters, digits, '-', '_', ':' or '.'.").arg(account.username);
    if (account.username == adminUsername())
        return tr("The username \"%1\" is reserved for LineScope itself. Choose another name.").arg(account.username);
    if (account.kind == BrokerAccount::Kind::Device && !name.match(account.thing).hasMatch())
        return tr("The thing name \"%1\" is not allowed: use 1 to 128 letters, digits, '-', '_', ':' or '.'.").arg(account.thing);
    return {};
}

QList<BrokerAclRule> BrokerAccounts::rules(const BrokerAccount &account)
{
    return account.kind == BrokerAccount::Kind::Operator ? operatorRules() : deviceRules(account);
}

bool BrokerAccounts::patternCoversFilter(const QString &pattern, const QString &filter)
{
    const QStringList acl = pattern.split(QLatin1Char('/'));
    const QStringList sub = filter.split(QLatin1Char('/'));
    // Unlike publish/receive matching, a leading wildcard does cover '$'
    // filters here: mosquitto 2.0.11 grants "$SYS/#" under a "#" pattern.
    for (qsizetype i = 0; i < acl.size(); ++i) {
        if (acl[i] == QLatin1String("#"))
            return true;
        if (i >= sub.size())
            return false;
        if (acl[i] == QLatin1String("+")) {
            if (sub[i] == QLatin1String("#"))
                return false;
            continue;
        }
        if (acl[i] != sub[i])
            return false;
    }
    return acl.size() == sub.size();
}

BrokerPermission BrokerAccounts::effectivePermission(const BrokerAccount &account, const QString &topic, Action action)
{
    QString type;
    switch (action) {
    case Action::Publish:
        type = kPublishSend;
        break;
    case Action::Subscribe:
        type = kSubscribePattern;
        break;
    case Action::Receive:
        type = kPublishReceive;
        break;
    }
    QList<BrokerAclRule> candidates = rules(account);
    // The plugin checks higher priorities first; equal priorities keep the
    // order in which they were added.
    std::stable_sort(candidates.begin(), candidates.end(),
                     [](const BrokerAclRule &a, const BrokerAclRule &b) { return a.priority > b.priority; });
    for (const BrokerAclRule &rule : std::as_const(candidates)) {
        if (rule.type != type)
            continue;
        const bool match = action == Action::Subscribe ? patternCoversFilter(rule.topic, topic)
                                                       : TopicFilter::matches(rule.topic, topic);
        if (match)
            return BrokerPermission{rule.allow, rule.describe()};
    }
    return BrokerPermission{false, tr("no rule matches: default access for %1 is deny").arg(type)};
}

QJsonObject BrokerAccounts::addCommands(const BrokerAccount &account, const QString &password)
{
    QJsonArray commands;
    if (account.kind == BrokerAccount::Kind::Device) {
        commands.append(QJsonObject{{QStringLiteral("command"), QStringLiteral("createRole")},
                                    {QStringLiteral("rolename"), account.roleName()},
                                    {QStringLiteral("textname"), account.thing}});
        const QList<BrokerAclRule> acls = rules(account);
        for (const BrokerAclRule &rule : acls) {
            QJsonObject command = aclJson(rule);
            command.insert(QStringLiteral("command"), QStringLiteral("addRoleACL"));
            command.insert(QStringLiteral("rolename"), rule.role);
            commands.append(command);
        }
    }
    commands.append(QJsonObject{{QStringLiteral("command"), QStringLiteral("createClient")},
                                {QStringLiteral("username"), account.username},
                                {QStringLiteral("password"), password},
                                {QStringLiteral("textname"), account.kind == BrokerAccount::Kind::Device ? account.thing : QString()}});
    commands.append(QJsonObject{{QStringLiteral("command"), QStringLiteral("addClientRole")},
                                {QStringLiteral("username"), account.username},
                                {QStringLiteral("rolename"), account.roleName()}});
    return QJsonObject{{QStringLiteral("commands"), commands}};
}

QJsonObject BrokerAccounts::removeCommands(const BrokerAccount &account)
{
    QJsonArray commands;
    commands.append(QJsonObject{{QStringLiteral("command"), QStringLiteral("deleteClient")},
                                {QStringLiteral("username"), account.username}});
    if (account.kind == BrokerAccount::Kind::Device)
        commands.append(QJsonObject{{QStringLiteral("command"), QStringLiteral("deleteRole")},
                                    {QStringLiteral("rolename"), account.roleName()}});
    return QJsonObject{{QStringLiteral("commands"), commands}};
}

QJsonObject BrokerAccounts::listCommand()
{
    return QJsonObject{{QStringLiteral("commands"),
                        QJsonArray{QJsonObject{{QStringLiteral("command"), QStringLiteral("listClients")},
                                               {QStringLiteral("verbose"), true}}}}};
}

QList<BrokerAccount> BrokerAccounts::accountsFromClients(const QJsonArray &clients)
{
    QList<BrokerAccount> accounts;
    for (const QJsonValue &value : clients) {
        const QJsonObject client = value.toObject();
        BrokerAccount account;
        account.username = client.value(QStringLiteral("username")).toString();
        if (account.username == adminUsername())
            continue;
        bool known = false;
        const QJsonArray roles = client.value(QStringLiteral("roles")).toArray();
        for (const QJsonValue &role : roles) {
            const QString name = role.toObject().value(QStringLiteral("rolename")).toString();
            if (name == kOperatorRole) {
                account.kind = BrokerAccount::Kind::Operator;
                known = true;
            } else if (name == kDevicePrefix + account.username) {
                account.kind = BrokerAccount::Kind::Device;
                account.thing = client.value(QStringLiteral("textname")).toString();
                if (account.thing.isEmpty())
                    account.thing = client.value(QStringLiteral("textName")).toString();
                known = true;
            }
        }
        if (known)
            accounts.append(account);
    }
    std::sort(accounts.begin(), accounts.end(),
              [](const BrokerAccount &a, const BrokerAccount &b) { return a.username < b.username; });
    return accounts;
}

QJsonObject BrokerAccounts::initialSecurityConfig(const QString &adminPassword)
{
    QJsonObject config;
    config.insert(QStringLiteral("clients"), QJsonArray{clientJson(adminUsername(), adminPassword, {kAdminRole})});
    config.insert(QStringLiteral("groups"), QJsonArray{});
    config.insert(QStringLiteral("roles"), QJsonArray{roleJson(kAdminRole, adminRules()), roleJson(kOperatorRole, operatorRules())});
    config.insert(QStringLiteral("defaultACLAccess"),
                  QJsonObject{{QStringLiteral("publishClientSend"), false},
                              {QStringLiteral("publishClientReceive"), false},
                              {QStringLiteral("subscribe"), false},
                              {QStringLiteral("unsubscribe"), true}});
    return config;
}

void BrokerAccounts::setAdminPassword(QJsonObject &config, const QString &adminPassword)
{
    bool removed = false;
    QJsonArray clients = arrayWithout(config.value(QStringLiteral("clients")).toArray(), QStringLiteral("username"),
                                      adminUsername(), &removed);
    clients.append(clientJson(adminUsername(), adminPassword, {kAdminRole}));
    config.insert(QStringLiteral("clients"), clients);
    bool hadRole = false;
    QJsonArray roles = arrayWithout(config.value(QStringLiteral("roles")).toArray(), QStringLiteral("rolename"), kAdminRole, &hadRole);
    roles.append(roleJson(kAdminRole, adminRules()));
    config.insert(QStringLiteral("roles"), roles);
}

bool BrokerAccounts::addToSecurityConfig(QJsonObject &config, const BrokerAccount &account, const QString &password, QString *error)
{
    QJsonArray clients = config.value(QStringLiteral("clients")).toArray();
    for (const QJsonValue &client : std::as_const(clients)) {
        if (client.toObject().value(QStringLiteral("username")).toString() == account.username) {
            *error = tr("An account named \"%1\" exists already. Remove it first or choose another name.").arg(account.username);
            return false;
        }
    }
    QJsonObject client = clientJson(account.username, password, {account.roleName()});
    if (account.kind == BrokerAccount::Kind::Device)
        client.insert(QStringLiteral("textname"), account.thing);
    clients.append(client);
    config.insert(QStringLiteral("clients"), clients);
    if (account.kind == BrokerAccount::Kind::Device) {
        bool removed = false;
        QJsonArray roles = arrayWithout(config.value(QStringLiteral("roles")).toArray(), QStringLiteral("rolename"),
                                        account.roleName(), &removed);
        roles.append(roleJson(account.roleName(), rules(account)));
        config.insert(QStringLiteral("roles"), roles);
    }
    return true;
}

bool BrokerAccounts::removeFromSecurityConfig(QJsonObject &config, const QString &username, QString *error)
{
    bool removed = false;
    const QJsonArray clients = arrayWithout(config.value(QStringLiteral("clients")).toArray(), QStringLiteral("username"), username, &removed);
    if (!removed || username == adminUsername()) {
        *error = tr("There is no account named \"%1\".").arg(username);
        return false;
    }
    config.insert(QStringLiteral("clients"), clients);
    bool roleRemoved = false;
    config.insert(QStringLiteral("roles"), arrayWithout(config.value(QStringLiteral("roles")).toArray(), QStringLiteral("rolename"),
                                                        kDevicePrefix + username, &roleRemoved));
    return true;
}

QString BrokerAccounts::generatePassword()
{
    static const QString alphabet = QStringLiteral("ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789");
    QString password;
    for (int i = 0; i < 24; ++i)
        password += alphabet.at(QRandomGenerator::system()->bounded(int(alphabet.size())));
    return password;
}
