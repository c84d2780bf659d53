#include "broker/broker_accounts.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

Q_DECLARE_METATYPE(BrokerAccount)
Q_DECLARE_METATYPE(BrokerAccounts::Action)

// The rules and their evaluation, without a broker. tst_broker_security
// checks the same verdicts against a real mosquitto.
class TestBrokerAccounts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void validate_data();
    void validate();
    void patternCoversFilter_data();
    void patternCoversFilter();
    void effectivePermission_data();
    void effectivePermission();
    void controlCommands();
    void offlineConfig();
};

namespace {

BrokerAccount device(const QString &name)
{
    return BrokerAccount{name, BrokerAccount::Kind::Device, name};
}

BrokerAccount operatorAccount(const QString &name)
{
    return BrokerAccount{name, BrokerAccount::Kind::Operator, {}};
}

QStringList usernames(const QList<BrokerAccount> &accounts)
{
    QStringList names;
    for (const BrokerAccount &account : accounts)
        names << account.username;
    return names;
}

} // namespace

void TestBrokerAccounts::validate_data()
{
    QTest::addColumn<BrokerAccount>("account");
    QTest::addColumn<bool>("valid");
    QTest::newRow("device") << device(QStringLiteral("press-1")) << true;
    QTest::newRow("operator") << operatorAccount(QStringLiteral("anna.k")) << true;
    QTest::newRow("empty username") << device(QString()) << false;
    QTest::newRow("wildcard in thing") << BrokerAccount{QStringLiteral("d"), BrokerAccount::Kind::Device, QStringLiteral("+")} << false;
    QTest::newRow("slash in thing") << BrokerAccount{QStringLiteral("d"), BrokerAccount::Kind::Device, QStringLiteral("a/b")} << false;
    QTest::newRow("space in username") << operatorAccount(QStringLiteral("anna k")) << false;
    QTest::newRow("reserved admin") << operatorAccount(BrokerAccounts::adminUsername()) << false;
}

void TestBrokerAccounts::validate()
{
    QFETCH(BrokerAccount, account);
    QFETCH(bool, valid);
    const QString problem = BrokerAccounts::validate(account);
    QVERIFY2(problem.isEmpty() == valid, qPrintable(problem.isEmpty() ? QStringLiteral("accepted") : problem));
}

void TestBrokerAccounts::patternCoversFilter_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QString>("filter");
    QTest::addColumn<bool>("covered");
    // Rows checked against mosquitto 2.0.11 (SUBACK of a dynsec client).
    QTest::newRow("exact topic under #") << "factory/+/+/+/A/#" << "factory/s/b/l/A/x" << true;
    QTest::newRow("same pattern") << "factory/+/+/+/A/#" << "factory/+/+/+/A/#" << true;
    QTest::newRow("narrower wildcard") << "factory/+/+/+/A/#" << "factory/s/b/l/A/#" << true;
    QTest::newRow("wider #") << "factory/+/+/+/A/#" << "factory/#" << false;
    QTest::newRow("other thing") << "factory/+/+/+/A/#" << "factory/s/b/l/B/x" << false;
    QTest::newRow("+ over thing") << "factory/+/+/+/A/#" << "factory/s/b/l/+/x" << false;
    QTest::newRow("# covers all") << "#" << "a/b/c" << true;
    QTest::newRow("# covers $SYS when subscribing") << "#" << "$SYS/#" << true;
    QTest::newRow("parent level") << "a/#" << "a" << true;
    QTest::newRow("shorter filter") << "a/+/c" << "a/b" << false;
}

void TestBrokerAccounts::patternCoversFilter()
{
    QFETCH(QString, pattern);
    QFETCH(QString, filter);
    QFETCH(bool, covered);
    QCOMPARE(BrokerAccounts::patternCoversFilter(pattern, filter), covered);
}

void TestBrokerAccounts::effectivePermission_data()
{
    QTest::addColumn<BrokerAccount>("account");
    QTest::addColumn<QString>("topic");
    QTest::addColumn<BrokerAccounts::Action>("action");
    QTest::addColumn<bool>("allowed");
    QTest::addColumn<QString>("ruleContains");

    using A = BrokerAccounts::Action;
    const BrokerAccount a = device(QStringLiteral("press-a"));
    const BrokerAccount op = operatorAccount(QStringLiteral("anna"));
    QTest::newRow("device publishes own telemetry") << a << "factory/s/b/l/press-a/telemetry" << A::Publish << true
                                                   << "publishClientSend factory/+/+/+/press-a/# allow";
    QTest::newRow("device publishes other's telemetry") << a << "factory/s/b/l/press-b/telemetry" << A::Publish << false << "default";
    QTest::newRow("device updates own shadow") << a << "$aws/things/press-a/shadow/update" << A::Publish << true
                                              << "$aws/things/press-a/shadow/#";
    QTest::newRow("device updates other's shadow") << a << "$aws/things/press-b/shadow/update" << A::Publish << false << "default";
    QTest::newRow("device subscribes own subtree") << a << "factory/+/+/+/press-a/#" << A::Subscribe << true << "subscribePattern";
    QTest::newRow("device subscribes everything") << a << "#" << A::Subscribe << false << "default";
    QTest::newRow("device receives other's shadow") << a << "$aws/things/press-b/shadow/update/delta" << A::Receive << false << "default";
    QTest::newRow("operator subscribes everything") << op << "#" << A::Subscribe << true << "role operator: subscribePattern # allow";
    QTest::newRow("operator receives shadow delta") << op << "$aws/things/press-b/shadow/update/delta" << A::Receive << true
                                                    << "publishClientReceive $aws/things/+/shadow/#";
    QTest::newRow("operator receives telemetry") << op << "factory/s/b/l/press-a/telemetry" << A::Receive << true << "publishClientReceive #";
    QTest::newRow("operator sends command") << op << "factory/s/b/l/press-a/cmd/stop" << A::Publish << true << "cmd/#";
    QTest::newRow("operator requests named shadow") << op << "$aws/things/press-a/shadow/name/recipe/update" << A::Publish << true
                                                    << "shadow/name/+/update";
    QTest::newRow("operator cannot fake telemetry") << op << "factory/s/b/l/press-a/telemetry" << A::Publish << false << "default";
    QTest::newRow("operator cannot fake shadow replies") << op << "$aws/things/press-a/shadow/update/accepted" << A::Publish << false
                                                        << "default";
}

void TestBrokerAccounts::effectivePermission()
{
    QFETCH(BrokerAccount, account);
    QFETCH(QString, topic);
    QFETCH(BrokerAccounts::Action, action);
    QFETCH(bool, allowed);
    QFETCH(QString, ruleContains);
    const BrokerPermission verdict = BrokerAccounts::effectivePermission(account, topic, action);
    QVERIFY2(verdict.allowed == allowed, qPrintable(verdict.rule));
    QVERIFY2(verdict.rule.contains(ruleContains), qPrintable(verdict.rule));
}

void TestBrokerAccounts::controlCommands()
{
    const BrokerAccount a = device(QStringLiteral("press-a"));
    const QJsonArray add = BrokerAccounts::addCommands(a, QStringLiteral("secret")).value(QStringLiteral("commands")).toArray();
    QStringList names;
    for (const QJsonValue &command : add)
        names << command.toObject().value(QStringLiteral("command")).toString();
    // The role and its ACLs exist before the client that uses them.
    QCOMPARE(names.first(), QStringLiteral("createRole"));
    QCOMPARE(names.count(QStringLiteral("addRoleACL")), BrokerAccounts::rules(a).size());
    QCOMPARE(names.mid(names.size() - 2), (QStringList{QStringLiteral("createClient"), QStringLiteral("addClientRole")}));

    const QJsonArray remove = BrokerAccounts::removeCommands(a).value(QStringLiteral("commands")).toArray();
    QCOMPARE(remove.size(), 2);
    QCOMPARE(remove.at(1).toObject().value(QStringLiteral("rolename")).toString(), a.roleName());
}

void TestBrokerAccounts::offlineConfig()
{
    QJsonObject config = BrokerAccounts::initialSecurityConfig(QStringLiteral("admin-pw"));
    QCOMPARE(BrokerAccounts::accountsFromClients(config.value(QStringLiteral("clients")).toArray()), QList<BrokerAccount>{});
    QString error;
    QVERIFY2(BrokerAccounts::addToSecurityConfig(config, device(QStringLiteral("press-b")), QStringLiteral("pw"), &error), qPrintable(error));
    QVERIFY2(BrokerAccounts::addToSecurityConfig(config, operatorAccount(QStringLiteral("anna")), QStringLiteral("pw"), &error), qPrintable(error));
    QVERIFY(!BrokerAccounts::addToSecurityConfig(config, operatorAccount(QStringLiteral("anna")), QStringLiteral("pw"), &error));
    QVERIFY2(error.contains(QStringLiteral("anna")), qPrintable(error));

    const QList<BrokerAccount> accounts = BrokerAccounts::accountsFromClients(config.value(QStringLiteral("clients")).toArray());
    QCOMPARE(usernames(accounts), (QStringList{QStringLiteral("anna"), QStringLiteral("press-b")}));
    QCOMPARE(accounts.at(1), device(QStringLiteral("press-b")));

    QVERIFY2(BrokerAccounts::removeFromSecurityConfig(config, QStringLiteral("press-b"), &error), qPrintable(error));
    QVERIFY(!BrokerAccounts::removeFromSecurityConfig(config, QStringLiteral("press-b"), &error));
    QVERIFY(!BrokerAccounts::removeFromSecurityConfig(config, BrokerAccounts::adminUsername(), &error));
    const QJsonArray roles = config.value(QStringLiteral("roles")).toArray();
    for (const QJsonValue &role : roles)
        QVERIFY2(role.toObject().value(QStringLiteral("rolename")).toString() != device(QStringLiteral("press-b")).roleName(),
                 "the device role was left behind");

    // A new admin password replaces the entry instead of adding a second one.
    BrokerAccounts::setAdminPassword(config, QStringLiteral("other"));
    int admins = 0;
    const QJsonArray clients = config.value(QStringLiteral("clients")).toArray();
    for (const QJsonValue &client : clients)
        admins += client.toObject().value(QStringLiteral("username")).toString() == BrokerAccounts::adminUsername() ? 1 : 0;
    QCOMPARE(admins, 1);
}

QTEST_GUILESS_MAIN(TestBrokerAccounts)
#include "tst_broker_accounts.moc"
