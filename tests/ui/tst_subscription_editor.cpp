#include "connection/subscription_box.h"
#include "mqtt/mqtt_session.h"
#include "screenshot.h"
#include "subscriptions/filter_preview.h"
#include "subscriptions/subscription_editor.h"
#include "test_broker.h"
#include "topics/topic_tree_model.h"

#include <QDir>
#include <QFile>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace {

constexpr int Timeout = 20000;

MqttMessage message(const QString &topic, const QByteArray &payload = "1")
{
    MqttMessage m;
    m.topic = topic;
    m.payload = payload;
    m.receivedAtMs = QDateTime::currentMSecsSinceEpoch();
    return m;
}

QString publishWithClient(const TestBroker &broker, const QString &topic, const QString &payload)
{
    QProcess process;
    process.start(TestBroker::mosquittoClientPath(QStringLiteral("mosquitto_pub")),
                  {QStringLiteral("-h"), broker.host(), QStringLiteral("-p"), QString::number(broker.port()),
                   QStringLiteral("-q"), QStringLiteral("1"), QStringLiteral("-t"), topic, QStringLiteral("-m"), payload});
    if (!process.waitForStarted(Timeout))
        return QStringLiteral("mosquitto_pub did not start: ") + process.errorString();
    if (!process.waitForFinished(Timeout))
        return QStringLiteral("mosquitto_pub did not finish: ") + process.errorString();
    if (process.exitCode() != 0)
        return QStringLiteral("mosquitto_pub failed: ") + QString::fromLocal8Bit(process.readAllStandardError());
    return {};
}

qint64 messageCount(const TopicTreeModel &model, const QString &topic)
{
    const QModelIndex index = model.indexForTopic(topic);
    return index.isValid() ? index.data(TopicTreeModel::MessageCountRole).toLongLong() : 0;
}

} // namespace

class TestSubscriptionEditor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void invalidFilterShowsErrorAndDisablesAdd_data();
    void invalidFilterShowsErrorAndDisablesAdd();
    void previewCountsKnownTopics_data();
    void previewCountsKnownTopics();
    void previewFollowsArrivingMessages();
    void deliveringSubscriptionByLocalMatch();
    void disableUnsubscribesAndEnableResubscribes();
    void refusedSubscriptionShownInWords();

private:
    bool connectSession(MqttSession &session, const TestBroker &broker, QString *error);

    std::unique_ptr<TestBroker> m_broker;
    QTemporaryDir m_files;
};

void TestSubscriptionEditor::initTestCase()
{
    QVERIFY2(!TestBroker::mosquittoClientPath(QStringLiteral("mosquitto_pub")).isEmpty(), "mosquitto_pub is not installed");
    m_broker = std::make_unique<TestBroker>();
    QString error;
    QVERIFY2(m_broker->start(&error), qPrintable(error));
    QVERIFY2(m_files.isValid(), qPrintable(m_files.errorString()));
}

void TestSubscriptionEditor::cleanupTestCase()
{
    m_broker.reset();
}

bool TestSubscriptionEditor::connectSession(MqttSession &session, const TestBroker &broker, QString *error)
{
    ConnectionSettings settings;
    settings.host = broker.host();
    settings.port = broker.port();
    settings.protocolVersion = ConnectionSettings::ProtocolVersion::V5;
    session.setSettings(settings);
    session.connectToBroker();
    if (!QTest::qWaitFor([&session] { return session.state() == MqttSession::State::Connected; }, Timeout)) {
        *error = QStringLiteral("not connected: ") + session.errorString() + u'\n' + broker.logText();
        return false;
    }
    return true;
}

void TestSubscriptionEditor::invalidFilterShowsErrorAndDisablesAdd_data()
{
    QTest::addColumn<QString>("filter");
    QTest::addColumn<int>("position");

    QTest::newRow("plus inside a level") << QStringLiteral("factory/line+/temp") << 12;
    QTest::newRow("hash not last") << QStringLiteral("factory/#/temp") << 8;
    QTest::newRow("hash inside a level") << QStringLiteral("factory/line#") << 12;
    QTest::newRow("share without filter") << QStringLiteral("$share/group") << 12;
}

void TestSubscriptionEditor::invalidFilterShowsErrorAndDisablesAdd()
{
    QFETCH(QString, filter);
    QFETCH(int, position);

    TopicTreeModel model;
    SubscriptionEditor editor(nullptr, &model);
    editor.resize(900, 360);
    editor.show();
    editor.filterEdit()->setText(QStringLiteral("factory/+/temp"));
    QVERIFY2(editor.filterErrorText().isEmpty(), qPrintable(editor.filterErrorText()));
    QVERIFY(editor.addButton()->isEnabled());

    editor.filterEdit()->setText(filter);
    const QString error = editor.filterErrorText();
    QVERIFY2(error.contains(QStringLiteral("position %1").arg(position)), qPrintable(error));
    QVERIFY(!editor.addButton()->isEnabled());
    QTest::mouseClick(editor.addButton(), Qt::LeftButton);
    QCOMPARE(editor.count(), 0);

    if (QByteArray(QTest::currentDataTag()) == "hash not last") {
        editor.addSubscription(MqttSubscription{QStringLiteral("factory/+/line-3/#"), 1});
        saveScreenshot(&editor, QStringLiteral("subscription-editor.png"));
    }
}

void TestSubscriptionEditor::previewCountsKnownTopics_data()
{
    QTest::addColumn<QString>("filter");
    QTest::addColumn<QStringList>("expected");

    const QString a1 = QStringLiteral("factory/a/line-1/temp");
    const QString a2 = QStringLiteral("factory/a/line-2/temp");
    const QString b1 = QStringLiteral("factory/b/line-1/temp");
    const QString b1p = QStringLiteral("factory/b/line-1/pressure");
    QTest::newRow("one line everywhere") << QStringLiteral("factory/+/line-1/#") << QStringList{a1, b1, b1p};
    QTest::newRow("all but $SYS") << QStringLiteral("#") << QStringList{a1, a2, b1, b1p};
    QTest::newRow("$SYS explicitly") << QStringLiteral("$SYS/#") << QStringList{QStringLiteral("$SYS/broker/uptime")};
    QTest::newRow("single level wildcard") << QStringLiteral("factory/a/+/temp") << QStringList{a1, a2};
    QTest::newRow("shared subscription") << QStringLiteral("$share/g/factory/b/#") << QStringList{b1, b1p};
    QTest::newRow("no match") << QStringLiteral("plant/+") << QStringList{};
}

void TestSubscriptionEditor::previewCountsKnownTopics()
{
    QFETCH(QString, filter);
    QFETCH(QStringList, expected);

    TopicTreeModel model;
    model.addMessages({message(QStringLiteral("factory/a/line-1/temp")), message(QStringLiteral("factory/a/line-2/temp")),
                       message(QStringLiteral("factory/b/line-1/temp")), message(QStringLiteral("factory/b/line-1/pressure")),
                       message(QStringLiteral("$SYS/broker/uptime"))});
    SubscriptionEditor editor(nullptr, &model);
    editor.filterEdit()->setText(filter);
    QVERIFY2(editor.filterErrorText().isEmpty(), qPrintable(editor.filterErrorText()));
    QTRY_COMPARE_WITH_TIMEOUT(editor.preview()->matchCount(), qint64(expected.size()), Timeout);
    QStringList listed = editor.preview()->listedTopics();
    listed.sort();
    expected.sort();
    QCOMPARE(listed, expected);
    const QString summary = editor.preview()->summaryText();
    QVERIFY2(expected.isEmpty() ? summary.startsWith(QLatin1String("Matches none of the 5 topics"))
                                : summary.startsWith(QStringLiteral("Matches %1 of the 5 topics").arg(expected.size())),
             qPrintable(summary));
}

void TestSubscriptionEditor::previewFollowsArrivingMessages()
{
    TopicTreeModel model;
    model.addMessages({message(QStringLiteral("factory/a/line-1/temp"))});
    SubscriptionEditor editor(nullptr, &model);
    editor.resize(900, 360);
    editor.show();
    editor.filterEdit()->setText(QStringLiteral("factory/+/line-1/#"));
    QTRY_COMPARE_WITH_TIMEOUT(editor.preview()->matchCount(), qint64(1), Timeout);

    QSignalSpy updates(editor.preview(), &FilterPreview::updated);
    // A burst of messages causes one throttled update, not one per message.
    for (int i = 0; i < 50; ++i)
        model.addMessages({message(QStringLiteral("factory/site-%1/line-1/temp").arg(i)), message(QStringLiteral("other/%1").arg(i))});
    QTRY_COMPARE_WITH_TIMEOUT(editor.preview()->matchCount(), qint64(51), Timeout);
    QVERIFY2(updates.count() <= 3, qPrintable(QStringLiteral("%1 preview updates for one burst").arg(updates.count())));

    model.clear();
    QTRY_COMPARE_WITH_TIMEOUT(editor.preview()->matchCount(), qint64(0), Timeout);
    model.addMessages({message(QStringLiteral("factory/x/line-1/temp"))});
    QTRY_COMPARE_WITH_TIMEOUT(editor.preview()->matchCount(), qint64(1), Timeout);
    model.addMessages({message(QStringLiteral("factory/y/line-1/pressure")), message(QStringLiteral("factory/y/line-1/state"))});
    QTRY_COMPARE_WITH_TIMEOUT(editor.preview()->matchCount(), qint64(3), Timeout);
    editor.addSubscription(MqttSubscription{QStringLiteral("factory/#"), 1});
    editor.addSubscription(MqttSubscription{QStringLiteral("$SYS/broker/#")});
    saveScreenshot(&editor, QStringLiteral("subscription-editor-preview.png"));
}

void TestSubscriptionEditor::deliveringSubscriptionByLocalMatch()
{
    TopicTreeModel model;
    SubscriptionEditor editor(nullptr, &model);
    QSignalSpy changed(&editor, &SubscriptionEditor::subscriptionsChanged);
    editor.addSubscription(MqttSubscription{QStringLiteral("factory/+/temp")});
    editor.addSubscription(MqttSubscription{QStringLiteral("factory/#")});
    QCOMPARE(changed.count(), 2);
    QCOMPARE(editor.subscriptionForTopic(QStringLiteral("factory/a/temp")), 0);
    QCOMPARE(editor.subscriptionForTopic(QStringLiteral("factory/a/pressure")), 1);
    QCOMPARE(editor.subscriptionForTopic(QStringLiteral("plant/a")), -1);
    editor.setSubscriptionEnabled(0, false);
    QCOMPARE(editor.subscriptionForTopic(QStringLiteral("factory/a/temp")), 1);
    QCOMPARE(editor.status(0), SubscriptionEditor::Status::Disabled);
    QCOMPARE(editor.subscriptions().at(0).enabled, false);
}

void TestSubscriptionEditor::disableUnsubscribesAndEnableResubscribes()
{
    MqttSession session;
    TopicTreeModel model;
    connect(&session, &MqttSession::messagesReceived, &model, &TopicTreeModel::addMessages);
    SubscriptionEditor editor(&session, &model);
    SubscriptionBox box;
    editor.setStatusBox(&box);
    MqttSubscription line{QStringLiteral("line/#"), 1};
    MqttSubscription sentinel{QStringLiteral("sentinel/#"), 1};
    editor.setSubscriptions({line, sentinel});
    QCOMPARE(editor.status(0), SubscriptionEditor::Status::WaitingForConnection);

    QString error;
    QVERIFY2(connectSession(session, *m_broker, &error), qPrintable(error));
    QTRY_COMPARE_WITH_TIMEOUT(editor.status(0), SubscriptionEditor::Status::Granted, Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(editor.status(1), SubscriptionEditor::Status::Granted, Timeout);
    QCOMPARE(editor.statusText(0), QStringLiteral("Granted QoS 1"));
    QCOMPARE(box.resultText(line.filter), QStringLiteral("Granted QoS 1"));

    const QString topic = QStringLiteral("line/press-1");
    error = publishWithClient(*m_broker, topic, QStringLiteral("one"));
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QTRY_COMPARE_WITH_TIMEOUT(messageCount(model, topic), qint64(1), Timeout);

    editor.setSubscriptionEnabled(0, false);
    QCOMPARE(editor.status(0), SubscriptionEditor::Status::Disabled);
    QCOMPARE(editor.count(), 2);   // kept
    QVERIFY(!box.filters().contains(line.filter));
    // A round trip on the same connection: once our own sentinel comes back,
    // the broker has processed the UNSUBSCRIBE sent before it.
    MqttPublishRequest ping;
    ping.topic = QStringLiteral("sentinel/ping");
    ping.qos = 1;
    QVERIFY2(session.publish(ping) > 0, qPrintable(session.errorString()));
    QTRY_COMPARE_WITH_TIMEOUT(messageCount(model, ping.topic), qint64(1), Timeout);

    error = publishWithClient(*m_broker, topic, QStringLiteral("two"));
    QVERIFY2(error.isEmpty(), qPrintable(error));
    error = publishWithClient(*m_broker, QStringLiteral("sentinel/after"), QStringLiteral("x"));
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QTRY_COMPARE_WITH_TIMEOUT(messageCount(model, QStringLiteral("sentinel/after")), qint64(1), Timeout);
    QCOMPARE(messageCount(model, topic), qint64(1));   // not delivered while disabled

    editor.setSubscriptionEnabled(0, true);
    QTRY_COMPARE_WITH_TIMEOUT(editor.status(0), SubscriptionEditor::Status::Granted, Timeout);
    QVERIFY(box.filters().contains(line.filter));
    error = publishWithClient(*m_broker, topic, QStringLiteral("three"));
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QTRY_COMPARE_WITH_TIMEOUT(messageCount(model, topic), qint64(2), Timeout);
    const QModelIndex index = model.indexForTopic(topic);
    QCOMPARE(model.history(index).constLast().payload, QByteArray("three"));
    QCOMPARE(editor.subscriptionForTopic(topic), 0);
    session.disconnectFromBroker();
}

void TestSubscriptionEditor::refusedSubscriptionShownInWords()
{
    // mosquitto's acl_file never refuses a SUBSCRIBE (it filters on
    // delivery); the dynamic security plugin does.
    const QString plugin = QStringLiteral("/usr/lib/x86_64-linux-gnu/mosquitto_dynamic_security.so");
    if (!QFile::exists(plugin))
        QSKIP("mosquitto's dynamic security plugin is not installed");
    const QString config = m_files.filePath(QStringLiteral("dynsec.json"));
    QFile file(config);
    QVERIFY2(file.open(QIODevice::WriteOnly), qPrintable(file.errorString()));
    file.write(R"({"defaultACLAccess": {"publishClientSend": true, "publishClientReceive": true,
                                        "subscribe": false, "unsubscribe": true},
                   "clients": [],
                   "groups": [{"groupname": "anonymous", "roles": [{"rolename": "reader"}]}],
                   "roles": [{"rolename": "reader", "acls": [{"acltype": "subscribePattern",
                                                              "topic": "allowed/#", "allow": true}]}],
                   "anonymousGroup": "anonymous"})");
    file.close();
    TestBroker broker({QStringLiteral("plugin ") + plugin, QStringLiteral("plugin_opt_config_file ") + config});
    QString error;
    QVERIFY2(broker.start(&error), qPrintable(error));

    MqttSession session;
    TopicTreeModel model;
    SubscriptionEditor editor(&session, &model);
    SubscriptionBox box;
    editor.setStatusBox(&box);
    editor.setSubscriptions({MqttSubscription{QStringLiteral("allowed/#")}, MqttSubscription{QStringLiteral("denied/#")}});
    QVERIFY2(connectSession(session, broker, &error), qPrintable(error));
    QTRY_COMPARE_WITH_TIMEOUT(editor.status(0), SubscriptionEditor::Status::Granted, Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(editor.status(1), SubscriptionEditor::Status::Refused, Timeout);
    const QString text = editor.statusText(1);
    QVERIFY2(text.startsWith(QLatin1String("Refused: ")) && text.contains(QLatin1String("not authorised")), qPrintable(text));
    QVERIFY2(box.isRefused(QStringLiteral("denied/#")), qPrintable(box.resultText(QStringLiteral("denied/#"))));
    session.disconnectFromBroker();
}

QTEST_MAIN(TestSubscriptionEditor)
#include "tst_subscription_editor.moc"
