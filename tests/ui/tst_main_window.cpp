#include "main_window.h"

#include "connection/connection_view.h"
#include "connection/subscription_box.h"
#include "mqtt/mqtt_session.h"
#include "publish/publish_history.h"
#include "publish/publish_panel.h"
#include "screenshot.h"
#include "simulation/line_simulator.h"
#include "test_broker.h"
#include "topics/topic_filter_proxy_model.h"
#include "topics/topic_name.h"
#include "topics/topic_tree_model.h"
#include "topictree/hex_view.h"
#include "topictree/message_view.h"
#include "topictree/topic_tree_view.h"

#include <QAbstractButton>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QHeaderView>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QPointer>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace {

constexpr int Timeout = 20000;

const QString SeedTopic = QStringLiteral("factory/chicago/building-a/line-3/press-7/telemetry");
const QByteArray SeedPayload =
    R"({"timestamp":"2026-05-04T14:23:41.000Z","deviceId":"press-7-chicago-a-l3","measurements":[)"
    R"({"name":"temperature","value":72.4,"unit":"celsius","quality":"good"},)"
    R"({"name":"pressure","value":181.25,"unit":"bar","quality":"uncertain"},)"
    R"({"name":"vibration_rms","value":3.1,"unit":"mm/s","quality":"good"}]})";

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void opensWithoutConnections();
    void showsReceivedTopic();
    void publishPanelValidatesTopic_data();
    void publishPanelValidatesTopic();
    void publishesFromPanel();
    void clearsRetainedMessage();
    void reportsConnectionProblems_data();
    void reportsConnectionProblems();
    void closesConnectionTab();
    void throttlesMessageViewAndKeepsTreeCollapsed();
    void showsLargePayloadCompletely();
    void screenshotWithSimulatedLine();

private:
    ConnectionProfile profileForBroker() const;
    ConnectionView *openConnected(MainWindow &window);
    bool runClient(const QString &program, const QStringList &arguments, QByteArray *output, int *exitCode, QString *error);

    std::unique_ptr<TestBroker> m_broker;
};

void TestMainWindow::initTestCase()
{
    m_broker = std::make_unique<TestBroker>();
    QString error;
    QVERIFY2(m_broker->start(&error), qPrintable(error));
    QVERIFY2(!TestBroker::mosquittoClientPath(QStringLiteral("mosquitto_pub")).isEmpty(), "mosquitto_pub is not installed");
}

void TestMainWindow::cleanupTestCase()
{
    m_broker.reset();
}

ConnectionProfile TestMainWindow::profileForBroker() const
{
    ConnectionProfile profile;
    profile.name = QStringLiteral("Test broker");
    profile.settings.host = m_broker->host();
    profile.settings.port = m_broker->port();
    return profile;
}

ConnectionView *TestMainWindow::openConnected(MainWindow &window)
{
    ConnectionView *view = window.openConnection(profileForBroker());
    if (!QTest::qWaitFor([view] { return view->session()->state() == MqttSession::State::Connected; }, Timeout))
        return nullptr;
    // The default '#' subscription must be granted before anything is published.
    if (!QTest::qWaitFor([view] { return view->subscriptionBox()->resultText(QStringLiteral("#")).startsWith(QLatin1String("Granted")); }, Timeout))
        return nullptr;
    return view;
}

bool TestMainWindow::runClient(const QString &program, const QStringList &arguments, QByteArray *output, int *exitCode, QString *error)
{
    QProcess process;
    process.start(TestBroker::mosquittoClientPath(program), arguments);
    if (!process.waitForStarted(Timeout)) {
        *error = program + QStringLiteral(": ") + process.errorString();
        return false;
    }
    if (!process.waitForFinished(Timeout)) {
        *error = program + QStringLiteral(" did not finish: ") + process.errorString();
        process.kill();
        return false;
    }
    if (output)
        *output = process.readAllStandardOutput();
    *exitCode = process.exitCode();
    *error = QString::fromLocal8Bit(process.readAllStandardError());
    return true;
}

void TestMainWindow::opensWithoutConnections()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(window.connections().size(), 0);
    QVERIFY(window.currentConnection() == nullptr);
    QStringList menus;
    for (QAction *action : window.menuBar()->actions())
        menus << action->text().remove(u'&');
    QCOMPARE(menus, QStringList({QStringLiteral("Connection"), QStringLiteral("View"), QStringLiteral("Help")}));
}

void TestMainWindow::showsReceivedTopic()
{
    MainWindow window;
    window.show();
    ConnectionView *view = openConnected(window);
    QVERIFY2(view, qPrintable(window.currentConnection()->stateText()));
    QCOMPARE(window.connections().size(), 1);
    QVERIFY2(view->stateText().startsWith(QStringLiteral("Connected to 127.0.0.1:%1").arg(m_broker->port())),
             qPrintable(view->stateText()));

    QByteArray output;
    int exitCode = -1;
    QString error;
    QVERIFY2(runClient(QStringLiteral("mosquitto_pub"),
                       {QStringLiteral("-h"), m_broker->host(), QStringLiteral("-p"), QString::number(m_broker->port()),
                        QStringLiteral("-q"), QStringLiteral("1"), QStringLiteral("-t"), SeedTopic,
                        QStringLiteral("-m"), QString::fromUtf8(SeedPayload)},
                       &output, &exitCode, &error),
             qPrintable(error));
    QVERIFY2(exitCode == 0, qPrintable(error));

    TopicTreeModel *model = view->topicModel();
    QTRY_VERIFY2_WITH_TIMEOUT(model->indexForTopic(SeedTopic).isValid(),
                              qPrintable(QStringLiteral("topic not in the tree; %1").arg(view->countsText())), Timeout);
    const QModelIndex source = model->indexForTopic(SeedTopic);
    QCOMPARE(source.data(TopicTreeModel::FullTopicRole).toString(), SeedTopic);
    QCOMPARE(source.data(TopicTreeModel::LastPayloadRole).toByteArray(), SeedPayload);

    // Selecting in the tree shows the message.
    const QModelIndex proxyIndex = view->proxyModel()->mapFromSource(source);
    QVERIFY(proxyIndex.isValid());
    view->topicTreeView()->revealIndex(proxyIndex);
    QCOMPARE(view->topicTreeView()->currentTopic(), SeedTopic);
    QCOMPARE(view->messageView()->topic(), SeedTopic);
    QVERIFY(view->topicTreeView()->isExpanded(proxyIndex.parent()));

    MessageView *messageView = view->messageView();
    QTRY_VERIFY_WITH_TIMEOUT(messageView->hasMessage(), Timeout);
    QCOMPARE(messageView->payloadMode(), MessageView::PayloadMode::Json);   // picked automatically for JSON
    QTRY_VERIFY2_WITH_TIMEOUT(messageView->payloadText(MessageView::PayloadMode::Json).contains(QLatin1String("\"measurements\"")),
                              qPrintable(messageView->payloadText(MessageView::PayloadMode::Json)), Timeout);
    const QString pretty = messageView->payloadText(MessageView::PayloadMode::Json);
    QVERIFY2(pretty.contains(QLatin1String("\n  \"measurements\": [\n    {\n      \"name\": \"temperature\"")), qPrintable(pretty));
    QVERIFY2(pretty.contains(QLatin1String("\"value\": 181.25")), qPrintable(pretty));   // numbers keep their text

    messageView->setPayloadMode(MessageView::PayloadMode::Text);
    QCOMPARE(messageView->payloadText(MessageView::PayloadMode::Text), QString::fromUtf8(SeedPayload));
    messageView->setPayloadMode(MessageView::PayloadMode::Hex);
    QVERIFY(messageView->payloadText(MessageView::PayloadMode::Hex).startsWith(QLatin1String("00000000  7b 22 74 69")));
    // Published with QoS 1 to a QoS 0 subscription: delivered with QoS 0.
    QCOMPARE(messageView->currentMessage().qos, quint8(0));
    QCOMPARE(messageView->currentMessage().qos, quint8(source.data(TopicTreeModel::QosRole).toInt()));

    QTRY_VERIFY2_WITH_TIMEOUT(view->countsText().contains(QLatin1String("messages")), qPrintable(view->countsText()), Timeout);
}

void TestMainWindow::publishPanelValidatesTopic_data()
{
    QTest::addColumn<QString>("topic");
    QTest::addColumn<bool>("valid");

    QTest::newRow("single-level wildcard") << QStringLiteral("factory/+/line-3") << false;
    QTest::newRow("multi-level wildcard") << QStringLiteral("factory/#") << false;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("nul character") << QStringLiteral("a") + QChar(0) + QStringLiteral("b") << false;
    QTest::newRow("valid") << QStringLiteral("factory/chicago/building-a/line-3/press-7/command") << true;
    QTest::newRow("valid with empty level") << QStringLiteral("factory//line-3") << true;
}

void TestMainWindow::publishPanelValidatesTopic()
{
    QFETCH(QString, topic);
    QFETCH(bool, valid);

    MainWindow window;
    window.show();
    ConnectionView *view = window.openConnection(profileForBroker());
    PublishPanel *panel = view->publishPanel();
    panel->setTopic(QStringLiteral("placeholder/topic"));
    panel->setTopic(topic);

    auto *button = panel->findChild<QPushButton *>(QStringLiteral("publishButton"));
    auto *errorLabel = panel->findChild<QLabel *>(QStringLiteral("publishTopicError"));
    QVERIFY(button && errorLabel);
    QCOMPARE(button->isEnabled(), valid);
    QCOMPARE(panel->canPublish(), valid);
    QCOMPARE(errorLabel->isHidden(), valid);
    if (!valid) {
        QVERIFY2(!errorLabel->text().isEmpty(), "no error shown for an invalid topic");
        QCOMPARE(panel->validationError(), TopicName::validateForPublish(topic));
        if (!topic.isEmpty())
            QCOMPARE(errorLabel->text(), TopicName::validateForPublish(topic));
    }

    // Clicking a disabled button must not publish anything.
    QSignalSpy requested(panel, &PublishPanel::publishRequested);
    QTest::mouseClick(button, Qt::LeftButton);
    QCOMPARE(requested.size(), valid ? 1 : 0);
}

void TestMainWindow::publishesFromPanel()
{
    MainWindow window;
    window.show();
    ConnectionView *view = openConnected(window);
    QVERIFY2(view, qPrintable(window.currentConnection()->stateText()));

    const QString topic = QStringLiteral("factory/chicago/building-a/line-3/press-7/command");
    PublishPanel *panel = view->publishPanel();
    panel->setTopic(topic);
    panel->setPayloadText(QStringLiteral(R"({"command":"reset"})"));
    QTest::mouseClick(panel->findChild<QPushButton *>(QStringLiteral("publishButton")), Qt::LeftButton);

    // The view subscribes to '#', so its own message comes back through the broker.
    QTRY_VERIFY_WITH_TIMEOUT(view->topicModel()->indexForTopic(topic).isValid(), Timeout);
    QCOMPARE(view->topicModel()->indexForTopic(topic).data(TopicTreeModel::LastPayloadRole).toByteArray(),
             QByteArray(R"({"command":"reset"})"));
    QCOMPARE(view->publishHistory()->entryCount(), 1);
    QCOMPARE(view->publishHistory()->entry(0).topic, topic);

    // One click on "Publish Again" sends it once more.
    view->publishHistory()->republish(0);
    QTRY_COMPARE_WITH_TIMEOUT(view->topicModel()->indexForTopic(topic).data(TopicTreeModel::MessageCountRole).toLongLong(), 2LL, Timeout);
    QCOMPARE(view->publishHistory()->entryCount(), 2);
}

void TestMainWindow::clearsRetainedMessage()
{
    const QString topic = QStringLiteral("factory/chicago/building-a/line-3/press-7/status");
    QByteArray output;
    int exitCode = -1;
    QString error;
    const QStringList connection = {QStringLiteral("-h"), m_broker->host(), QStringLiteral("-p"), QString::number(m_broker->port())};
    QVERIFY2(runClient(QStringLiteral("mosquitto_pub"),
                       connection + QStringList{QStringLiteral("-r"), QStringLiteral("-q"), QStringLiteral("1"),
                                                QStringLiteral("-t"), topic, QStringLiteral("-m"), QStringLiteral("running")},
                       nullptr, &exitCode, &error),
             qPrintable(error));
    QVERIFY2(exitCode == 0, qPrintable(error));

    MainWindow window;
    window.show();
    ConnectionView *view = openConnected(window);
    QVERIFY2(view, qPrintable(window.currentConnection()->stateText()));
    QTRY_VERIFY_WITH_TIMEOUT(view->topicModel()->indexForTopic(topic).data(TopicTreeModel::RetainedRole).toBool(), Timeout);

    view->clearRetainedMessage(topic);
    QMessageBox *box = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((box = view->findChild<QMessageBox *>()) != nullptr, Timeout);
    QVERIFY2(box->text().contains(topic), qPrintable(box->text()));
    QAbstractButton *clear = nullptr;
    for (QAbstractButton *button : box->buttons()) {
        if (box->buttonRole(button) == QMessageBox::DestructiveRole)
            clear = button;
    }
    QVERIFY(clear);
    clear->click();

    // Our own empty retained publish comes back on '#': the topic stays, with an empty payload.
    QTRY_COMPARE_WITH_TIMEOUT(view->topicModel()->indexForTopic(topic).data(TopicTreeModel::PayloadSizeRole).toLongLong(), 0LL, Timeout);
    // A new subscriber gets no retained message any more.
    QVERIFY2(runClient(QStringLiteral("mosquitto_sub"),
                       connection + QStringList{QStringLiteral("-t"), topic, QStringLiteral("-C"), QStringLiteral("1"),
                                                QStringLiteral("-W"), QStringLiteral("2")},
                       &output, &exitCode, &error),
             qPrintable(error));
    QVERIFY2(output.isEmpty(), output.constData());
}

void TestMainWindow::reportsConnectionProblems_data()
{
    QTest::addColumn<bool>("autoReconnect");
    QTest::addColumn<MqttSession::State>("state");
    QTest::addColumn<QString>("pattern");

    // Without automatic reconnects a refused connection ends in Disconnected; the label says why.
    QTest::newRow("refused, no reconnect") << false << MqttSession::State::Disconnected << QStringLiteral("^Failed: .{10,}");
    QTest::newRow("refused, reconnecting") << true << MqttSession::State::WaitingToReconnect
                                           << QStringLiteral("^Connection lost: .{10,}\\. Retrying in \\d+ s$");
}

void TestMainWindow::reportsConnectionProblems()
{
    QFETCH(bool, autoReconnect);
    QFETCH(MqttSession::State, state);
    QFETCH(QString, pattern);

    // A port that nothing listens on.
    QTcpServer server;
    QVERIFY2(server.listen(QHostAddress::LocalHost, 0), qPrintable(server.errorString()));
    const quint16 port = server.serverPort();
    server.close();

    ConnectionProfile profile;
    profile.settings.host = QStringLiteral("127.0.0.1");
    profile.settings.port = port;
    profile.settings.autoReconnect = autoReconnect;
    MainWindow window;
    window.show();
    ConnectionView *view = window.openConnection(profile);
    const QRegularExpression expected(pattern);
    QTRY_VERIFY2_WITH_TIMEOUT(expected.match(view->stateText()).hasMatch(), qPrintable(view->stateText()), Timeout);
    QCOMPARE(view->session()->state(), state);
    QCOMPARE(view->title(), QStringLiteral("127.0.0.1:%1").arg(port));
}

void TestMainWindow::closesConnectionTab()
{
    MainWindow window;
    window.show();
    window.openConnection(profileForBroker());
    window.openConnection(profileForBroker());
    QCOMPARE(window.tabWidget()->count(), 2);
    QPointer<ConnectionView> first = window.connections().constFirst();
    Q_EMIT window.tabWidget()->tabCloseRequested(0);
    QCOMPARE(window.tabWidget()->count(), 1);
    QTRY_VERIFY(first.isNull());
    window.closeConnection(0);
    QCOMPARE(window.connections().size(), 0);
}

void TestMainWindow::throttlesMessageViewAndKeepsTreeCollapsed()
{
    MainWindow window;
    window.show();
    ConnectionView *view = window.openConnection(profileForBroker());
    TopicTreeModel *model = view->topicModel();
    const QString topic = QStringLiteral("factory/chicago/building-a/line-3/press-7/telemetry");
    const auto message = [&topic](const QString &t, int value) {
        MqttMessage m;
        m.topic = t.isEmpty() ? topic : t;
        m.payload = QByteArray("value ") + QByteArray::number(value);
        m.receivedAtMs = QDateTime::currentMSecsSinceEpoch();
        return m;
    };
    model->addMessages({message({}, 0)});
    QVERIFY(view->selectTopic(topic));
    QTRY_VERIFY(view->messageView()->hasMessage());
    view->topicTreeView()->collapseAll();
    QHeaderView *header = view->topicTreeView()->header();
    QList<int> widths;
    for (int column = 0; column < header->count(); ++column)
        widths << header->sectionSize(column);

    // 200 single-message batches for the shown topic plus new topics elsewhere,
    // as a busy line delivers them: the view re-renders at most 4 times a second.
    QSignalSpy rendered(view->messageView(), &MessageView::payloadRendered);
    QSignalSpy updated(model, &TopicTreeModel::topicUpdated);
    QElapsedTimer elapsed;
    elapsed.start();
    constexpr int Batches = 200;
    for (int i = 1; i <= Batches; ++i) {
        model->addMessages({message({}, i), message(QStringLiteral("factory/dallas/asset-%1/telemetry").arg(i), i)});
        QTest::qWait(4);
    }
    QTRY_COMPARE_WITH_TIMEOUT(view->messageView()->payloadText(MessageView::PayloadMode::Text),
                              QStringLiteral("value %1").arg(Batches), Timeout);
    const qint64 ms = elapsed.elapsed();
    const qint64 allowed = ms / 250 + 2;
    QVERIFY2(updated.size() >= 2 * Batches, qPrintable(QString::number(updated.size())));
    QVERIFY2(rendered.size() <= allowed,
             qPrintable(QStringLiteral("%1 renders in %2 ms for %3 updates").arg(rendered.size()).arg(ms).arg(updated.size())));

    // Nothing was expanded or resized behind the user's back.
    const QModelIndex dallas = view->proxyModel()->mapFromSource(model->indexForTopic(QStringLiteral("factory/dallas")));
    QVERIFY(dallas.isValid());
    QVERIFY(!view->topicTreeView()->isExpanded(dallas));
    QVERIFY(!view->topicTreeView()->isExpanded(dallas.parent()));
    for (int column = 0; column < header->count(); ++column)
        QCOMPARE(header->sectionSize(column), widths.at(column));
    QTRY_VERIFY2(view->countsText().startsWith(QStringLiteral("%1 topics, %2 messages").arg(Batches + 1).arg(2 * Batches + 1)),
                 qPrintable(view->countsText()));
}

void TestMainWindow::showsLargePayloadCompletely()
{
    MainWindow window;
    window.show();
    ConnectionView *view = openConnected(window);
    QVERIFY2(view, qPrintable(window.currentConnection()->stateText()));

    // 16 MB on a single line: the worst case for a text widget.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QByteArray payload;
    payload.reserve(16 * 1024 * 1024);
    while (payload.size() < 16 * 1024 * 1024)
        payload.append("0123456789abcdef");
    payload.replace(payload.size() - 4, 4, "tail");
    QFile file(dir.filePath(QStringLiteral("large.txt")));
    QVERIFY2(file.open(QIODevice::WriteOnly) && file.write(payload) == payload.size(), qPrintable(file.errorString()));
    file.close();

    const QString topic = QStringLiteral("factory/chicago/building-a/line-3/camera-1/image");
    int exitCode = -1;
    QString error;
    QVERIFY2(runClient(QStringLiteral("mosquitto_pub"),
                       {QStringLiteral("-h"), m_broker->host(), QStringLiteral("-p"), QString::number(m_broker->port()),
                        QStringLiteral("-t"), topic, QStringLiteral("-f"), file.fileName()},
                       nullptr, &exitCode, &error),
             qPrintable(error));
    QVERIFY2(exitCode == 0, qPrintable(error));
    QTRY_VERIFY_WITH_TIMEOUT(view->topicModel()->indexForTopic(topic).isValid(), Timeout);

    QVERIFY(view->selectTopic(topic));
    MessageView *messageView = view->messageView();
    QCOMPARE(messageView->payloadMode(), MessageView::PayloadMode::Text);
    QTRY_COMPARE_WITH_TIMEOUT(messageView->payloadText(MessageView::PayloadMode::Text).size(), payload.size(), Timeout);
    QVERIFY(messageView->payloadText(MessageView::PayloadMode::Text).endsWith(QLatin1String("0123456789abtail")));
    QCOMPARE(messageView->currentMessage().payload.size(), payload.size());

    messageView->setPayloadMode(MessageView::PayloadMode::Hex);
    auto *hex = messageView->findChild<HexView *>();
    QVERIFY(hex);
    QCOMPARE(hex->rowCount(), qsizetype(payload.size() / 16));
    QVERIFY2(hex->rowText(hex->rowCount() - 1).endsWith(QLatin1String("|0123456789abtail|")), qPrintable(hex->rowText(hex->rowCount() - 1)));

    messageView->setPayloadMode(MessageView::PayloadMode::Json);
    QTRY_VERIFY2_WITH_TIMEOUT(messageView->payloadText(MessageView::PayloadMode::Json).startsWith(QLatin1String("Not valid JSON")),
                              qPrintable(messageView->payloadText(MessageView::PayloadMode::Json).left(200)), Timeout);
}

void TestMainWindow::screenshotWithSimulatedLine()
{
    // The line runs before the window connects, so the asset status topics
    // arrive as retained messages, as they would on a real plant.
    MqttSession simulatorSession;
    ConnectionSettings settings;
    settings.host = m_broker->host();
    settings.port = m_broker->port();
    simulatorSession.setSettings(settings);
    LineSimulatorConfig config;
    config.assetCount = 5;
    config.messagesPerSecond = 20;
    config.seed = 7;
    LineSimulator simulator(&simulatorSession, config);
    simulatorSession.connectToBroker();
    simulator.start();
    QTRY_VERIFY2_WITH_TIMEOUT(simulator.publishedCount() >= 10, qPrintable(simulatorSession.errorString()), Timeout);

    MainWindow window;
    window.resize(1400, 850);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    ConnectionProfile profile = profileForBroker();
    profile.name = QStringLiteral("Chicago line 3");
    ConnectionView *view = window.openConnection(profile);
    QTRY_COMPARE_WITH_TIMEOUT(view->session()->state(), MqttSession::State::Connected, Timeout);

    const QString topic = simulator.telemetryTopic(1);
    const QString status = topic.section(u'/', 0, -2) + QStringLiteral("/status");
    QTRY_VERIFY2_WITH_TIMEOUT(view->topicModel()->indexForTopic(topic).isValid(), qPrintable(view->stateText()), Timeout);
    QTRY_VERIFY_WITH_TIMEOUT(view->topicModel()->indexForTopic(status).data(TopicTreeModel::RetainedRole).toBool(), Timeout);
    QTest::qWait(2500);   // let the line run for a while so counts and history fill up

    // Show the whole line, every asset open, the telemetry of one selected.
    QVERIFY(view->selectTopic(topic));
    const QModelIndex line = view->topicTreeView()->currentIndex().parent().parent();
    QAbstractItemModel *treeModel = view->topicTreeView()->model();
    for (int row = 0; row < treeModel->rowCount(line); ++row)
        view->topicTreeView()->expand(treeModel->index(row, 0, line));
    view->topicTreeView()->scrollToTop();
    view->publishPanel()->setTopic(QStringLiteral("factory/chicago/building-a/line-3/press-1/command"));
    view->publishPanel()->setPayloadText(QStringLiteral("{\n  \"command\": \"reset\",\n  \"requestedBy\": \"shift-b\"\n}"));
    QTest::mouseClick(view->publishPanel()->findChild<QPushButton *>(QStringLiteral("publishButton")), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(view->topicModel()->indexForTopic(view->publishPanel()->topic()).isValid(), Timeout);
    QTRY_VERIFY2_WITH_TIMEOUT(view->messageView()->payloadText(MessageView::PayloadMode::Json).contains(QLatin1String("\"measurements\"")),
                              qPrintable(view->messageView()->payloadText(MessageView::PayloadMode::Json)), Timeout);
    QTest::qWait(600);   // one more coalesced refresh of the message view

    QVERIFY2(window.width() >= 1200, qPrintable(QStringLiteral("window only %1 px wide").arg(window.width())));
    saveScreenshot(&window, QStringLiteral("main-window.png"));
    simulator.stop();
}

QTEST_MAIN(TestMainWindow)
#include "tst_main_window.moc"
