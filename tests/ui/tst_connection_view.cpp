#include "main_window.h"

#include "connection/connection_view.h"
#include "connection/subscription_box.h"
#include "mqtt/message_handoff.h"
#include "mqtt/mqtt_session.h"
#include "screenshot.h"
#include "test_broker.h"
#include "topics/topic_tree_model.h"

#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QLocale>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <memory>

namespace {

constexpr int Timeout = 20000;
const QString FloodTopic = QStringLiteral("line-3/press-7/counter");
// The colour ConnectionView uses for errors.
const QColor ErrorColor(0xc0, 0x1c, 0x28);

QByteArray payloadFor(int i)
{
    // Same length for every message, so each one has the same estimated size.
    return QByteArray::number(100000 + i);
}

} // namespace

// The connection view's "dropped N messages" label: shown in red with the
// session's exact count once the delivery backlog hit its bound, hidden before.
class TestConnectionView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void showsDroppedMessages_data();
    void showsDroppedMessages();

private:
    std::unique_ptr<TestBroker> m_broker;
};

void TestConnectionView::initTestCase()
{
    m_broker = std::make_unique<TestBroker>();
    QString error;
    QVERIFY2(m_broker->start(&error), qPrintable(error));
    QVERIFY2(!TestBroker::mosquittoClientPath(QStringLiteral("mosquitto_pub")).isEmpty(), "mosquitto_pub is not installed");
}

void TestConnectionView::cleanupTestCase()
{
    m_broker.reset();
}

void TestConnectionView::showsDroppedMessages_data()
{
    QTest::addColumn<int>("messages");
    QTest::addColumn<int>("backlogMessages");   // the bound, in messages of the flood; 0 = default bound

    QTest::newRow("bound far below the flood") << 2000 << 25;
    QTest::newRow("bound just below the flood") << 300 << 299;
    QTest::newRow("default bound, nothing dropped") << 300 << 0;
}

void TestConnectionView::showsDroppedMessages()
{
    QFETCH(int, messages);
    QFETCH(int, backlogMessages);

    MainWindow window;
    window.resize(1200, 800);
    window.show();
    ConnectionProfile profile;
    profile.name = QStringLiteral("Flood");
    profile.settings.host = m_broker->host();
    profile.settings.port = m_broker->port();
    ConnectionView *view = window.openConnection(profile);
    MqttSession *session = view->session();
    QVERIFY2(QTest::qWaitFor([session] { return session->state() == MqttSession::State::Connected; }, Timeout),
             "the view did not connect to the test broker");
    QVERIFY2(QTest::qWaitFor([view] { return view->subscriptionBox()->resultText(QStringLiteral("#")).startsWith(QLatin1String("Granted")); }, Timeout),
             qPrintable(QStringLiteral("'#' not granted: %1").arg(view->subscriptionBox()->resultText(QStringLiteral("#")))));
    auto *droppedLabel = view->findChild<QLabel *>(QStringLiteral("droppedCount"));
    QVERIFY2(droppedLabel, "no QLabel named droppedCount in the connection view");
    QVERIFY2(droppedLabel->isHidden(), qPrintable(QStringLiteral("shown before anything was dropped: %1").arg(droppedLabel->text())));

    if (backlogMessages > 0) {
        MqttMessage sample;
        sample.topic = FloodTopic;
        sample.payload = payloadFor(0);
        session->setBacklogLimitBytes(backlogMessages * MessageHandoff::estimatedBytes(sample));
    }

    QTemporaryDir dir;
    QVERIFY2(dir.isValid(), qPrintable(dir.errorString()));
    QFile lines(dir.filePath(QStringLiteral("flood.txt")));
    QVERIFY2(lines.open(QIODevice::WriteOnly), qPrintable(lines.errorString()));
    for (int i = 0; i < messages; ++i)
        lines.write(payloadFor(i) + '\n');
    lines.close();

    const quint64 receivedBefore = session->receivedCount();
    QProcess publisher;
    publisher.setStandardInputFile(lines.fileName());
    publisher.start(TestBroker::mosquittoClientPath(QStringLiteral("mosquitto_pub")),
                    {QStringLiteral("-h"), m_broker->host(), QStringLiteral("-p"), QString::number(m_broker->port()),
                     QStringLiteral("-q"), QStringLiteral("1"), QStringLiteral("-t"), FloodTopic, QStringLiteral("-l")});
    QVERIFY2(publisher.waitForStarted(Timeout), qPrintable(publisher.errorString()));

    // Keep this (the GUI) thread busy while the session's worker receives the
    // whole flood, as a slow window would: everything piles up in the backlog.
    QElapsedTimer waited;
    waited.start();
    while (session->receivedCount() - receivedBefore < quint64(messages) && waited.elapsed() < Timeout)
        QThread::msleep(5);
    const quint64 received = session->receivedCount() - receivedBefore;
    QVERIFY2(received == quint64(messages),
             qPrintable(QStringLiteral("the worker received %1 of %2 messages").arg(received).arg(messages)));
    QVERIFY2(publisher.waitForFinished(Timeout), qPrintable(publisher.errorString()));

    const qint64 expectedShown = backlogMessages > 0 ? backlogMessages : messages;
    const quint64 expectedDropped = quint64(messages - expectedShown);
    QTRY_VERIFY2_WITH_TIMEOUT(view->topicModel()->messageCount() == expectedShown,
                              qPrintable(QStringLiteral("the tree shows %1 messages, expected %2")
                                             .arg(view->topicModel()->messageCount())
                                             .arg(expectedShown)),
                              Timeout);
    QCOMPARE(session->droppedCount(), expectedDropped);

    if (expectedDropped == 0) {
        // The counts refresh (250 ms) has run once the tree shows the messages; give it one more turn.
        QTest::qWait(600);
        QVERIFY2(droppedLabel->isHidden(), qPrintable(QStringLiteral("shown with nothing dropped: %1").arg(droppedLabel->text())));
        QCOMPARE(view->droppedText(), QString());
        return;
    }
    const QString expectedText = QStringLiteral("dropped %1 messages").arg(QLocale().toString(expectedDropped));
    QTRY_VERIFY2_WITH_TIMEOUT(view->droppedText() == expectedText,
                              qPrintable(QStringLiteral("label says '%1', expected '%2'").arg(view->droppedText(), expectedText)),
                              Timeout);
    QVERIFY2(droppedLabel->isVisibleTo(&window), "the dropped label is not visible");
    QCOMPARE(droppedLabel->text(), expectedText);
    QCOMPARE(droppedLabel->palette().color(QPalette::WindowText), ErrorColor);
    if (backlogMessages == 25)
        saveScreenshot(view, QStringLiteral("connection-dropped.png"));
}

QTEST_MAIN(TestConnectionView)
#include "tst_connection_view.moc"
