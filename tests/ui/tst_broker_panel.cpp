#include "broker/broker_accounts_widget.h"
#include "broker/broker_log_view.h"
#include "broker/broker_panel.h"
#include "broker/broker_settings_dialog.h"
#include "broker/uplink_status_widget.h"

#include "broker/broker_admin.h"
#include "broker/broker_settings.h"
#include "broker/broker_supervisor.h"
#include "broker/embedded_broker.h"
#include "uplink/store_and_forward_uplink.h"

#include "../models/broker/broker_test_client.h"
#include "screenshot.h"

#include <QApplication>
#include <QCheckBox>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSpinBox>
#include <QTcpServer>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

// The broker panel on a real embedded broker with a LAN listener (on
// loopback): live status, accounts, the permissions checker, the log
// filter, the generated config, the buttons; and its screenshot.
class TestBrokerPanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void showsLiveStatus();
    void managesAccounts();
    void checksPermissions_data();
    void checksPermissions();
    void filtersLog();
    void showsGeneratedConfig();
    void stopAndStartButtons();
    void uplinkSettingsDialog();
    void lanSettingsKeptInBrokerJson();

private:
    QString describe() const;

    QTemporaryDir m_dir;
    std::unique_ptr<EmbeddedBroker> m_broker;
    std::unique_ptr<BrokerPanel> m_panel;
};

namespace {

constexpr int kWaitMs = BrokerTestClient::kWaitMs;

} // namespace

QString TestBrokerPanel::describe() const
{
    return QStringLiteral("state %1\n%2").arg(m_panel->fieldText(QStringLiteral("state")),
                                              m_broker->supervisor()->logLines().join(QLatin1Char('\n')));
}

void TestBrokerPanel::initTestCase()
{
    QVERIFY2(m_dir.isValid(), qPrintable(m_dir.errorString()));
    BrokerConfig config;
    config.dataDirectory = m_dir.path();
    config.port = 0;
    config.lan.enabled = true;
    config.lan.bindAddress = QStringLiteral("127.0.0.1");
    config.lan.port = 0;
    m_broker = std::make_unique<EmbeddedBroker>();
    m_broker->setConfig(config);
    // A cloud that is not there (a closed loopback port): the uplink queues,
    // and with a small limit the overflow alarm shows in the panel.
    QTcpServer closed;
    QVERIFY(closed.listen(QHostAddress::LocalHost, 0));
    UplinkSettings uplink;
    uplink.enabled = true;
    uplink.host = QStringLiteral("127.0.0.1");
    uplink.port = closed.serverPort();
    uplink.topicFilters = {QStringLiteral("factory/#")};
    uplink.limits.maxMessages = 20;
    uplink.limits.minFreeDiskBytes = 0;
    closed.close();
    m_broker->setUplinkSettings(uplink);
    m_panel = std::make_unique<BrokerPanel>(m_broker.get());
    m_panel->resize(760, 720);
    m_panel->show();
    m_broker->start();
    QTRY_VERIFY2_WITH_TIMEOUT(m_panel->fieldText(QStringLiteral("state")) == BrokerPanel::tr("Running"), qPrintable(describe()), kWaitMs);
}

void TestBrokerPanel::cleanupTestCase()
{
    m_panel.reset();
    m_broker.reset();
}

void TestBrokerPanel::showsLiveStatus()
{
    const int port = m_broker->supervisor()->port();
    BrokerTestClient device(port, {}, {}, QStringLiteral("press-1-gateway"));
    QString problem;
    QVERIFY2(device.connect(&problem), qPrintable(problem));
    QString reason;
    for (int i = 1; i <= 5; ++i) {
        QVERIFY2(device.publish(QStringLiteral("factory/chicago/bldg-a/line-3/press-%1/status").arg(i), "running", 1, true, &reason),
                 qPrintable(reason));
    }
    QTRY_VERIFY2_WITH_TIMEOUT(m_panel->fieldText(QStringLiteral("retained")).toInt() >= 5,
                              qPrintable(m_panel->fieldText(QStringLiteral("retained"))), kWaitMs);
    // LineScope's services, the admin session and the device.
    QTRY_VERIFY2_WITH_TIMEOUT(m_panel->fieldText(QStringLiteral("clients")).toInt() >= 3,
                              qPrintable(m_panel->fieldText(QStringLiteral("clients"))), kWaitMs);
    auto *clients = m_panel->findChild<QTreeWidget *>(QStringLiteral("brokerClients"));
    QVERIFY(clients);
    QTRY_VERIFY2_WITH_TIMEOUT(!clients->findItems(QStringLiteral("press-1-gateway"), Qt::MatchExactly).isEmpty(),
                              "the device is not listed as connected", kWaitMs);
    QTRY_VERIFY2_WITH_TIMEOUT(m_panel->fieldText(QStringLiteral("uptime")).contains(QLatin1Char(':')),
                              qPrintable(m_panel->fieldText(QStringLiteral("uptime"))), kWaitMs);
    QVERIFY2(m_panel->fieldText(QStringLiteral("persistence")).contains(QLatin1String("1 second")),
             qPrintable(m_panel->fieldText(QStringLiteral("persistence"))));
    QVERIFY2(m_panel->fieldText(QStringLiteral("listeners")).contains(QString::number(m_broker->supervisor()->lanPort())),
             qPrintable(m_panel->fieldText(QStringLiteral("listeners"))));
    QTRY_VERIFY2_WITH_TIMEOUT(m_panel->fieldText(QStringLiteral("shadow")).startsWith(QLatin1String("running")),
                              qPrintable(m_panel->fieldText(QStringLiteral("shadow"))), kWaitMs);
    // Keep traffic flowing so the screenshot shows rates.
    for (int i = 0; i < 40; ++i)
        QVERIFY2(device.publish(QStringLiteral("factory/chicago/bldg-a/line-3/press-1/telemetry"), QByteArray::number(i), 1, false, &reason),
                 qPrintable(reason));
    QTRY_VERIFY2_WITH_TIMEOUT(!m_panel->fieldText(QStringLiteral("rates")).startsWith(QLatin1String("0.0 /")),
                              qPrintable(m_panel->fieldText(QStringLiteral("rates"))), kWaitMs);

    // The uplink section: the 45 messages overflow its limit of 20 while the cloud is away.
    const UplinkStatusWidget *uplink = m_panel->uplinkWidget();
    QVERIFY(uplink);
    QTRY_VERIFY2_WITH_TIMEOUT(uplink->isAlarmShown(), qPrintable(uplink->fieldText(QStringLiteral("queue"))), kWaitMs);
    QVERIFY2(uplink->fieldText(QStringLiteral("alarm")).contains(QLatin1String("20 messages")),
             qPrintable(uplink->fieldText(QStringLiteral("alarm"))));
    QTRY_VERIFY2_WITH_TIMEOUT(uplink->fieldText(QStringLiteral("drops")).contains(QLatin1String("press-1/telemetry")),
                              qPrintable(uplink->fieldText(QStringLiteral("drops"))), kWaitMs);
    const UplinkStatus status = m_broker->uplink()->status();
    QVERIFY2(uplink->fieldText(QStringLiteral("queue")).startsWith(QString::number(status.queued) + QLatin1Char(' ')),
             qPrintable(uplink->fieldText(QStringLiteral("queue"))));
    QVERIFY2(status.published == status.delivered + status.dropped + status.queued && status.dropped > 0,
             qPrintable(uplink->fieldText(QStringLiteral("counters"))));
    QVERIFY2(uplink->fieldText(QStringLiteral("cloud")).contains(StoreAndForwardUplink::cloudStateText(MqttSession::State::WaitingToReconnect))
                 || uplink->fieldText(QStringLiteral("cloud")).contains(StoreAndForwardUplink::cloudStateText(MqttSession::State::Connecting)),
             qPrintable(uplink->fieldText(QStringLiteral("cloud"))));
    QTRY_VERIFY2_WITH_TIMEOUT(uplink->fieldText(QStringLiteral("oldest")).endsWith(QLatin1String("s ago")),
                              qPrintable(uplink->fieldText(QStringLiteral("oldest"))), kWaitMs);

    m_panel->pages()->setCurrentIndex(0);
    // The long "Last problem" sentence must be shown whole, not cut after a few lines.
    auto *problemLabel = m_panel->findChild<QLabel *>(QStringLiteral("uplink-problem"));
    QVERIFY(problemLabel);
    QTRY_VERIFY2_WITH_TIMEOUT(problemLabel->height() >= problemLabel->heightForWidth(problemLabel->width()),
                              qPrintable(QStringLiteral("label %1 px high, the text needs %2 px at %3 px width: %4")
                                             .arg(problemLabel->height())
                                             .arg(problemLabel->heightForWidth(problemLabel->width()))
                                             .arg(problemLabel->width())
                                             .arg(problemLabel->text())),
                              kWaitMs);
    saveScreenshot(m_panel.get(), QStringLiteral("broker-panel.png"));
}

void TestBrokerPanel::managesAccounts()
{
    QTabWidget *pages = m_panel->pages();
    pages->setCurrentWidget(m_panel->accountsWidget());
    auto *username = m_panel->findChild<QLineEdit *>(QStringLiteral("accountUsername"));
    auto *password = m_panel->findChild<QLineEdit *>(QStringLiteral("accountPassword"));
    auto *kind = m_panel->findChild<QComboBox *>(QStringLiteral("accountKind"));
    auto *add = m_panel->findChild<QPushButton *>(QStringLiteral("addAccount"));
    auto *remove = m_panel->findChild<QPushButton *>(QStringLiteral("removeAccount"));
    auto *table = m_panel->findChild<QTableWidget *>(QStringLiteral("brokerAccounts"));
    QVERIFY(username && password && kind && add && remove && table);
    QTRY_VERIFY2_WITH_TIMEOUT(add->isEnabled(), "adding accounts is not possible while the broker runs", kWaitMs);

    const auto addAccount = [&](const QString &name, int kindIndex) {
        kind->setCurrentIndex(kindIndex);
        username->clear();
        QTest::keyClicks(username, name);
        QTest::keyClicks(password, QStringLiteral("secret-%1").arg(name));
        QTest::mouseClick(add, Qt::LeftButton);
    };
    addAccount(QStringLiteral("press-1"), 0);
    addAccount(QStringLiteral("press-2"), 0);
    addAccount(QStringLiteral("anna"), 1);
    QTRY_COMPARE_WITH_TIMEOUT(table->rowCount(), 3, kWaitMs);
    QCOMPARE(table->item(1, 2)->text(), QStringLiteral("press-1"));   // thing defaults to the username

    // The account works on the LAN listener right away.
    BrokerTestClient device(m_broker->supervisor()->lanPort(), QStringLiteral("press-1"), QStringLiteral("secret-press-1"));
    QString problem;
    QVERIFY2(device.connect(&problem), qPrintable(problem));

    // A wrong entry is explained, not sent.
    kind->setCurrentIndex(0);
    username->clear();
    QTest::keyClicks(username, QStringLiteral("bad name"));
    QTest::keyClicks(password, QStringLiteral("x"));
    QTest::mouseClick(add, Qt::LeftButton);
    auto *status = m_panel->findChild<QLabel *>(QStringLiteral("accountStatus"));
    QVERIFY2(status->text().contains(QLatin1String("bad name")), qPrintable(status->text()));

    QTest::keyClicks(m_panel->findChild<QLineEdit *>(QStringLiteral("checkTopic")), QStringLiteral("factory/chicago/bldg-a/line-3/press-2/telemetry"));
    saveScreenshot(m_panel.get(), QStringLiteral("broker-panel-accounts.png"));

    table->selectRow(2);   // press-2
    QTest::mouseClick(remove, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(table->rowCount(), 2, kWaitMs);
    QVERIFY(table->findItems(QStringLiteral("press-2"), Qt::MatchExactly).isEmpty());
}

void TestBrokerPanel::checksPermissions_data()
{
    QTest::addColumn<QString>("username");
    QTest::addColumn<QString>("topic");
    QTest::addColumn<int>("action");
    QTest::addColumn<QString>("verdictStart");
    QTest::addColumn<QString>("ruleContains");
    const int publish = int(BrokerAccounts::Action::Publish);
    const int subscribe = int(BrokerAccounts::Action::Subscribe);
    QTest::newRow("own topic") << "press-1" << "factory/chicago/bldg-a/line-3/press-1/telemetry" << publish << "Allowed"
                               << "factory/+/+/+/press-1/#";
    QTest::newRow("other device") << "press-1" << "factory/chicago/bldg-a/line-3/press-9/telemetry" << publish << "Denied" << "default";
    QTest::newRow("operator reads all") << "anna" << "#" << subscribe << "Allowed" << "role operator";
}

void TestBrokerPanel::checksPermissions()
{
    QFETCH(QString, username);
    QFETCH(QString, topic);
    QFETCH(int, action);
    QFETCH(QString, verdictStart);
    QFETCH(QString, ruleContains);
    m_panel->accountsWidget()->checkPermission(username, topic, action);
    const QString text = m_panel->accountsWidget()->verdictText();
    QVERIFY2(text.startsWith(verdictStart) && text.contains(ruleContains), qPrintable(text));
}

void TestBrokerPanel::filtersLog()
{
    m_panel->pages()->setCurrentWidget(m_panel->logView());
    BrokerLogView *log = m_panel->logView();
    QTRY_VERIFY2_WITH_TIMEOUT(log->visibleText().contains(QLatin1String("press-1-gateway")), "the log misses a connection", kWaitMs);
    // LineScope's notes about its services stay in the log, and the filter finds them.
    QTRY_VERIFY2_WITH_TIMEOUT(log->visibleText().contains(QLatin1String("LineScope: Uplink to 127.0.0.1:")),
                              qPrintable(log->visibleText().right(2000)), kWaitMs);
    log->setFilterText(QStringLiteral("UPLINK TO"));
    QVERIFY2(log->visibleText().startsWith(QLatin1String("LineScope: Uplink to 127.0.0.1:")), qPrintable(log->visibleText()));
    log->setFilterText(QStringLiteral("NEW CLIENT CONNECTED"));
    const QStringList lines = log->visibleText().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QVERIFY2(lines.size() >= 3, qPrintable(log->visibleText()));
    for (const QString &line : lines)
        QVERIFY2(line.contains(QLatin1String("New client connected")), qPrintable(line));
    // New lines that match appear live; others do not.
    BrokerTestClient late(m_broker->supervisor()->port(), {}, {}, QStringLiteral("late-visitor"));
    QString problem;
    QVERIFY2(late.connect(&problem), qPrintable(problem));
    QTRY_VERIFY2_WITH_TIMEOUT(log->visibleText().contains(QLatin1String("late-visitor")), "a new line did not appear", kWaitMs);
    late.session()->disconnectFromBroker();
    QVERIFY2(late.waitForState(MqttSession::State::Disconnected, &problem), qPrintable(problem));
    QTest::qWait(300);
    QVERIFY(!log->visibleText().contains(QLatin1String("disconnected")));
    log->setFilterText({});
}

void TestBrokerPanel::showsGeneratedConfig()
{
    auto *config = m_panel->findChild<QPlainTextEdit *>(QStringLiteral("brokerConfig"));
    QVERIFY(config);
    QVERIFY(config->isReadOnly());
    const QString text = config->toPlainText();
    QCOMPARE(text, m_broker->supervisor()->config().render());
    QVERIFY2(text.contains(QStringLiteral("listener %1 127.0.0.1").arg(m_broker->supervisor()->lanPort())), qPrintable(text));
}

void TestBrokerPanel::stopAndStartButtons()
{
    auto *stop = m_panel->findChild<QPushButton *>(QStringLiteral("stopBroker"));
    auto *start = m_panel->findChild<QPushButton *>(QStringLiteral("startBroker"));
    QVERIFY(stop && start);
    QVERIFY(stop->isEnabled());
    QVERIFY(!start->isEnabled());
    QTest::mouseClick(stop, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(m_panel->fieldText(QStringLiteral("state")), BrokerPanel::tr("Stopped"), kWaitMs);
    QVERIFY(start->isEnabled());
    QCOMPARE(m_panel->fieldText(QStringLiteral("clients")), BrokerPanel::tr("–"));
    QTest::mouseClick(start, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(m_panel->fieldText(QStringLiteral("state")), BrokerPanel::tr("Running"), kWaitMs);
    // The services come back with the broker.
    QTRY_VERIFY2_WITH_TIMEOUT(m_panel->fieldText(QStringLiteral("shadow")).startsWith(QLatin1String("running")),
                              qPrintable(m_panel->fieldText(QStringLiteral("shadow"))), kWaitMs);
}

void TestBrokerPanel::uplinkSettingsDialog()
{
    BrokerSettingsDialog *dialog = m_panel->openSettings();
    QVERIFY(dialog);
    auto *host = dialog->findChild<QLineEdit *>(QStringLiteral("uplinkHost"));
    auto *filters = dialog->findChild<QPlainTextEdit *>(QStringLiteral("uplinkFilters"));
    auto *downlink = dialog->findChild<QPlainTextEdit *>(QStringLiteral("downlinkFilters"));
    auto *files = dialog->findChild<QRadioButton *>(QStringLiteral("identityFromFiles"));
    auto *certificate = dialog->findChild<QLineEdit *>(QStringLiteral("uplinkCertFile"));
    auto *key = dialog->findChild<QLineEdit *>(QStringLiteral("uplinkKeyFile"));
    auto *problem = dialog->findChild<QLabel *>(QStringLiteral("settingsProblem"));
    QVERIFY(host && filters && downlink && files && certificate && key && problem);
    QCOMPARE(host->text(), QStringLiteral("127.0.0.1"));
    QCOMPARE(filters->toPlainText(), QStringLiteral("factory/#"));

    dialog->pages()->setCurrentIndex(0);
    dialog->resize(620, 600);
    saveScreenshot(dialog, QStringLiteral("broker-settings-uplink.png"));

    // A bad filter keeps the dialog open and says which field is wrong.
    filters->setPlainText(QStringLiteral("factory/#/telemetry"));
    dialog->accept();
    QVERIFY(dialog->isVisible());
    QVERIFY2(problem->isVisible() && problem->text().contains(QLatin1String("Forwarded topics")), qPrintable(problem->text()));
    filters->setPlainText(QStringLiteral("factory/#"));
    files->setChecked(true);
    certificate->setText(m_dir.filePath(QStringLiteral("uplink.crt")));
    dialog->accept();
    QVERIFY2(problem->text().contains(QLatin1String("key file")), qPrintable(problem->text()));

    key->setText(m_dir.filePath(QStringLiteral("uplink.key")));
    host->setText(QStringLiteral("cloud.example.com"));
    downlink->setPlainText(QStringLiteral("$aws/things/+/shadow/update/delta"));
    QSignalSpy saved(m_broker.get(), &EmbeddedBroker::uplinkSettingsSaved);
    dialog->accept();
    QVERIFY2(saved.wait(kWaitMs), "the uplink settings were not saved");
    QVERIFY2(saved.first().at(0).toBool(), qPrintable(saved.first().at(1).toString()));
    QCOMPARE(m_broker->uplinkSettings().host, QStringLiteral("cloud.example.com"));
    QCOMPARE(m_broker->uplinkSettings().downlinkFilters, QStringList{QStringLiteral("$aws/things/+/shadow/update/delta")});

    // Shared with the CLI through the data directory: paths only.
    QFile file(UplinkSettings::filePath(m_dir.path()));
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.errorString()));
    const QJsonObject json = QJsonDocument::fromJson(file.readAll()).object();
    QCOMPARE(json.value(QStringLiteral("host")).toString(), QStringLiteral("cloud.example.com"));
    QCOMPARE(json.value(QStringLiteral("keyFile")).toString(), m_dir.filePath(QStringLiteral("uplink.key")));
    UplinkSettings loaded;
    QString error;
    QVERIFY2(UplinkSettings::load(file.fileName(), &loaded, &error), qPrintable(error));
    QVERIFY(loaded == m_broker->uplinkSettings());
}

// The LAN page applies to the running broker and is saved to broker.json,
// which the next start of LineScope (and `broker run`) reads.
void TestBrokerPanel::lanSettingsKeptInBrokerJson()
{
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
    const int lanPort = probe.serverPort();
    probe.close();
    BrokerSettingsDialog *dialog = m_panel->openSettings();
    QVERIFY(dialog);
    auto *enabled = dialog->findChild<QCheckBox *>(QStringLiteral("lanEnabled"));
    auto *port = dialog->findChild<QSpinBox *>(QStringLiteral("lanPort"));
    auto *bind = dialog->findChild<QLineEdit *>(QStringLiteral("lanBind"));
    QVERIFY(enabled && port && bind);
    enabled->setChecked(true);
    port->setValue(lanPort);
    bind->setText(QStringLiteral("127.0.0.1"));
    dialog->pages()->setCurrentIndex(1);
    dialog->resize(620, 600);
    saveScreenshot(dialog, QStringLiteral("broker-settings-lan.png"));
    QSignalSpy saved(m_broker.get(), &EmbeddedBroker::brokerSettingsSaved);
    QSignalSpy restarted(m_broker->supervisor(), &BrokerSupervisor::started);
    dialog->accept();
    QVERIFY2(saved.wait(kWaitMs), "broker.json was not written");
    QVERIFY2(saved.first().at(0).toBool(), qPrintable(saved.first().at(1).toString()));
    BrokerSettings kept;
    QString error;
    QVERIFY2(BrokerSettings::load(BrokerSettings::filePath(m_dir.path()), &kept, &error), qPrintable(error));
    QVERIFY(kept.lanEnabled);
    QCOMPARE(kept.lanPort, lanPort);
    QCOMPARE(kept.lanBindAddress, QStringLiteral("127.0.0.1"));

    // Applied at once: the broker restarts with the new listener.
    QVERIFY2(restarted.count() > 0 || restarted.wait(kWaitMs), qPrintable(describe()));
    QCOMPARE(m_broker->supervisor()->lanPort(), lanPort);
    QString problem;
    QVERIFY2(BrokerTestClient::refusesAnonymous(lanPort, &problem), qPrintable(problem));
}

QTEST_MAIN(TestBrokerPanel)
#include "tst_broker_panel.moc"
