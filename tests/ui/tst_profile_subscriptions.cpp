// Subscriptions edited in a connection tab are saved with the profile it was
// opened from (issue: "saved with the connection profile"), and only then.
#include "connection/connection_view.h"
#include "main_window.h"
#include "profiles/profile_store.h"
#include "profiles/secret_store.h"
#include "test_broker.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

class TestProfileSubscriptions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void savedProfileRemembersNewSubscription();
    void unsavedProfileWritesNothing();
};

namespace {

constexpr int Timeout = 20000;

ConnectionProfile profileFor(const TestBroker &broker)
{
    ConnectionProfile profile;
    profile.name = QStringLiteral("Line 3");
    profile.settings.host = broker.host();
    profile.settings.port = broker.port();
    profile.subscriptions = {MqttSubscription{QStringLiteral("factory/#"), 0}};
    return profile;
}

QStringList filters(const QList<MqttSubscription> &subscriptions)
{
    QStringList result;
    for (const MqttSubscription &subscription : subscriptions)
        result << QStringLiteral("%1@%2").arg(subscription.filter).arg(subscription.qos);
    return result;
}

} // namespace

void TestProfileSubscriptions::savedProfileRemembersNewSubscription()
{
    TestBroker broker;
    QString error;
    QVERIFY2(broker.start(&error), qPrintable(error));
    QTemporaryDir dir;
    const QString ini = dir.filePath(QStringLiteral("profiles.ini"));
    SecretStore secrets(QStringLiteral("LineScope-test-%1").arg(QUuid::createUuid().toString(QUuid::Id128)));
    ProfileStore store(&secrets, ini);
    const ConnectionProfile profile = profileFor(broker);
    QSignalSpy saved(&store, &ProfileStore::saved);
    store.save(profile);
    QVERIFY(saved.wait(Timeout));

    MainWindow window(&store);
    ConnectionView *view = window.openConnection(profile);
    view->subscribe(QStringLiteral("$SYS/broker/uptime"), 1);
    QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 2, Timeout);

    ProfileStore reloaded(&secrets, ini);
    const std::optional<ConnectionProfile> again = reloaded.profile(profile.id);
    QVERIFY(again.has_value());
    QCOMPARE(filters(again->subscriptions),
             (QStringList{QStringLiteral("factory/#@0"), QStringLiteral("$SYS/broker/uptime@1")}));
}

void TestProfileSubscriptions::unsavedProfileWritesNothing()
{
    TestBroker broker;
    QString error;
    QVERIFY2(broker.start(&error), qPrintable(error));
    QTemporaryDir dir;
    SecretStore secrets(QStringLiteral("LineScope-test-%1").arg(QUuid::createUuid().toString(QUuid::Id128)));
    ProfileStore store(&secrets, dir.filePath(QStringLiteral("profiles.ini")));
    QSignalSpy saved(&store, &ProfileStore::saved);

    MainWindow window(&store);
    ConnectionView *view = window.openConnection(profileFor(broker));  // never saved
    view->subscribe(QStringLiteral("factory/+/status"), 0);
    QTest::qWait(500);
    QCOMPARE(saved.count(), 0);
    QVERIFY(store.profiles().isEmpty());
}

QTEST_MAIN(TestProfileSubscriptions)
#include "tst_profile_subscriptions.moc"
