// StoreAndForwardUplink under repeated damage: a second cut while draining,
// and the uplink process killed again and again (kill -9) while it works.
#include "uplink/store_and_forward_uplink.h"
#include "uplink/uplink_queue.h"

#include "uplink_rig_fixture.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QTest>
#include <QTimer>

using namespace UplinkTestRig;

class TestUplinkDurability : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cutWhileDraining();
    void killedRepeatedlyLosesNothing();
};

void TestUplinkDurability::cutWhileDraining()
{
    UplinkFixture f;
    const QString started = f.startBrokers();
    QVERIFY2(started.isEmpty(), qPrintable(started));
    f.uplink->configure(f.configuration());
    f.uplink->start();
    QVERIFY2(f.waitUntilSubscribed(), qPrintable(f.state()));

    f.cloud.stop();
    const int count = messageCount();
    const QString published = publishRange(f.local.port(), 0, count - 1);
    QVERIFY2(published.isEmpty(), qPrintable(published));
    QVERIFY2(f.waitFor([count](const UplinkStatus &s) { return s.published >= quint64(count); }, 30000),
             qPrintable(f.state()));
    QString error;
    QVERIFY2(f.cloud.start(&error), qPrintable(error));

    // Cut again when about a third is through.
    // At <= 100 publishes/s a third takes count / 300 seconds.
    QVERIFY2(f.waitFor([count](const UplinkStatus &s) { return s.delivered >= quint64(count / 3); }, count * 10 + 30000),
             qPrintable(f.state()));
    f.cloud.stop();
    QVERIFY2(f.waitFor([](const UplinkStatus &s) { return s.cloudState != MqttSession::State::Connected; }, 20000),
             qPrintable(f.state()));
    const quint64 deliveredAtCut = f.uplink->status().delivered;
    QTest::qWait(2000);
    QVERIFY2(f.cloud.start(&error), qPrintable(error));
    QElapsedTimer sinceBack;
    sinceBack.start();
    QVERIFY2(f.waitFor([deliveredAtCut](const UplinkStatus &s) { return s.delivered > deliveredAtCut; }, 20000),
             qPrintable(f.state()));
    QVERIFY2(sinceBack.elapsed() <= 5000,
             qPrintable(QStringLiteral("draining resumed %1 ms after the cloud returned").arg(sinceBack.elapsed())));

    QVERIFY2(f.recorder->waitForUnique(count, count * 20 + 30000),
             qPrintable(QStringLiteral("cloud got %1 of %2; %3").arg(f.recorder->uniqueCount()).arg(count).arg(f.state())));
    QVERIFY2(f.recorder->orderProblem().isEmpty(), qPrintable(f.recorder->orderProblem()));
    QVERIFY2(f.recorder->maxPerSecond() <= 100,
             qPrintable(QStringLiteral("cloud saw %1 publishes in one second").arg(f.recorder->maxPerSecond())));
    QVERIFY2(f.waitFor([](const UplinkStatus &s) { return s.queued == 0; }, 10000), qPrintable(f.state()));
    const UplinkStatus s = f.uplink->status();
    QVERIFY2(countersBalance(s), qPrintable(f.state()));
    QVERIFY2(s.maxInFlightSeen <= 100, qPrintable(f.state()));
    QVERIFY2(quint64(f.recorder->duplicates()) <= s.resent,
             qPrintable(QStringLiteral("%1 duplicates; %2").arg(f.recorder->duplicates()).arg(f.state())));
    qInfo("cut while draining: %d duplicates at the cloud, %llu resent", f.recorder->duplicates(),
          static_cast<unsigned long long>(s.resent));
}

void TestUplinkDurability::killedRepeatedlyLosesNothing()
{
    UplinkFixture f;
    const QString started = f.startBrokers();
    QVERIFY2(started.isEmpty(), qPrintable(started));
    const QString queueFile = f.dir.filePath(QStringLiteral("crash/queue.db"));

    QProcess helper;
    helper.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    const QStringList arguments = {QString::number(f.local.port()), QString::number(f.cloud.tlsPort()), queueFile,
                                   f.pki.caFile(), f.pki.clientCertificateFile(), f.pki.clientKeyFile()};
    auto launch = [&] {
        helper.start(QStringLiteral(UPLINK_CRASH_HELPER), arguments);
        return helper.waitForStarted(10000);
    };
    QVERIFY2(launch(), qPrintable(helper.errorString()));
    // Let the first instance create its persistent session on the local
    // broker; from then on the broker keeps messages for it while it is dead.
    QTest::qWait(1500);

    const int count = messageCount();
    int kills = 0;
    const int wantedKills = 6;
    QString launchProblem;
    QTimer killer;
    killer.setInterval(1300);
    QObject::connect(&killer, &QTimer::timeout, &helper, [&] {
        helper.kill();
        helper.waitForFinished(10000);
        ++kills;
        if (kills >= wantedKills) {
            killer.stop();
        }
        if (!launch() && launchProblem.isEmpty()) {
            launchProblem = helper.errorString();
        }
    });
    killer.start();
    const QString published = publishRange(f.local.port(), 0, count - 1, 200);
    QVERIFY2(published.isEmpty(), qPrintable(published));
    QVERIFY2(QTest::qWaitFor([&] { return kills >= wantedKills; }, 30000), "the helper was not killed often enough");
    QVERIFY2(launchProblem.isEmpty(), qPrintable(launchProblem));

    QVERIFY2(f.recorder->waitForUnique(count, count * 20 + 30000),
             qPrintable(QStringLiteral("cloud got %1 of %2 after %3 kills").arg(f.recorder->uniqueCount()).arg(count).arg(kills)));
    QString missing;
    QVERIFY2(f.recorder->hasAll(0, count - 1, &missing), qPrintable(missing));
    QVERIFY2(f.recorder->orderProblem().isEmpty(), qPrintable(f.recorder->orderProblem()));
    helper.kill();
    helper.waitForFinished(10000);

    UplinkQueue queue;
    QString error;
    QVERIFY2(queue.open(queueFile, UplinkQueue::Durability::Full, &error), qPrintable(error));
    UplinkQueue::Counters c;
    QVERIFY2(queue.counters(&c, &error), qPrintable(error));
    QVERIFY2(c.published == c.delivered + c.dropped + c.queued,
             qPrintable(QStringLiteral("published %1 delivered %2 dropped %3 queued %4")
                            .arg(c.published)
                            .arg(c.delivered)
                            .arg(c.dropped)
                            .arg(c.queued)));
    QCOMPARE(c.dropped, 0u);
    QVERIFY2(c.published >= quint64(count), qPrintable(QStringLiteral("only %1 stored").arg(c.published)));
    qInfo("killed %d times: %llu stored for %d published, %d duplicates at the cloud", kills,
          static_cast<unsigned long long>(c.published), count, f.recorder->duplicates());
}

LINESCOPE_UPLINK_TEST_MAIN(TestUplinkDurability)
#include "tst_uplink_durability.moc"
