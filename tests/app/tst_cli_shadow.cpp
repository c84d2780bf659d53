#include "cli/shadow_command.h"

#include "cli_process.h"

#include "shadow/shadow_validation.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

// `linescope-cli shadow`: argument and request validation in-process, then
// the real binary: `shadow serve` as one process on a real mosquitto and
// get/update/delete as others.
class TestCliShadow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void parsing_data();
    void parsing();
    void roundTrip();
    void versionConflict();
    void invalidRequestIsNotSent();
    void deleteThenGet();
    void serveKeepsShadowsAcrossRestart();
    void timeoutWithoutService();

private:
    bool startServe(QString *problem);
    bool stopServe(QString *problem);
    CliProcess::Outcome shadow(const QStringList &arguments);
    bool serveLogged(const QString &needle);
    QString nextThing(const char *tag) { return QStringLiteral("%1-%2").arg(QLatin1String(tag)).arg(++m_counter); }

    std::unique_ptr<TestBroker> m_broker;
    QTemporaryDir m_dir;
    QString m_database;
    std::unique_ptr<QProcess> m_serve;
    QByteArray m_serveOut;
    int m_counter = 0;
};

namespace {

const QString Thing = QStringLiteral("--thing");
const QString Name = QStringLiteral("--name");
const QString Message = QStringLiteral("-m");

QString nested(int levels)
{
    QString json = QStringLiteral("1");
    for (int i = 0; i < levels; ++i)
        json = QStringLiteral("{\"a\":%1}").arg(json);
    return QStringLiteral("{\"state\":{\"desired\":%1}}").arg(json);
}

// An update whose desired section is exactly `bytes` long as compact JSON.
QString desiredOfSize(int bytes)
{
    // {"k":"xxx"} is 8 bytes plus the string.
    return QStringLiteral("{\"state\":{\"desired\":{\"k\":\"%1\"}}}").arg(QString(bytes - 8, QLatin1Char('x')));
}

QJsonObject jsonOf(const QByteArray &bytes)
{
    return QJsonDocument::fromJson(bytes).object();
}

} // namespace

void TestCliShadow::initTestCase()
{
    QVERIFY2(m_dir.isValid(), qPrintable(m_dir.errorString()));
    m_database = QDir(m_dir.path()).filePath(QStringLiteral("shadows.sqlite"));
    m_broker = std::make_unique<TestBroker>();
    QString error;
    QVERIFY2(m_broker->start(&error), qPrintable(error));
    QVERIFY2(startServe(&error), qPrintable(error));
}

void TestCliShadow::cleanupTestCase()
{
    QString problem;
    if (m_serve && !stopServe(&problem))
        qWarning("%s", qPrintable(problem));
    m_broker.reset();
}

bool TestCliShadow::startServe(QString *problem)
{
    m_serveOut.clear();
    m_serve = CliProcess::launch(CliProcess::cliPath(), QStringList{QStringLiteral("shadow"), QStringLiteral("serve")}
                                                            + CliProcess::hostPort(*m_broker)
                                                            + QStringList{QStringLiteral("--db"), m_database});
    QElapsedTimer clock;
    clock.start();
    while (!m_serveOut.contains("Shadow service running") && clock.elapsed() < CliProcess::TimeoutMs
           && m_serve->state() != QProcess::NotRunning) {
        m_serve->waitForReadyRead(100);
        m_serveOut += m_serve->readAllStandardOutput();
    }
    if (m_serveOut.contains("Shadow service running"))
        return true;
    *problem = QStringLiteral("shadow serve did not start:\nstdout: %1\nstderr: %2%3")
                   .arg(QString::fromUtf8(m_serveOut), QString::fromUtf8(m_serve->readAllStandardError()),
                        CliProcess::brokerLog(*m_broker));
    return false;
}

bool TestCliShadow::stopServe(QString *problem)
{
    // SIGTERM takes the same path as Ctrl+C (InterruptWatcher).
    m_serve->terminate();
    const CliProcess::Outcome outcome = CliProcess::collect(*m_serve);
    m_serveOut += outcome.out;
    m_serve.reset();
    if (outcome.exited && outcome.exitCode == 0 && m_serveOut.contains("Shadow service stopped"))
        return true;
    *problem = QStringLiteral("shadow serve did not stop cleanly: %1").arg(outcome.describe());
    return false;
}

CliProcess::Outcome TestCliShadow::shadow(const QStringList &arguments)
{
    const CliProcess::Outcome outcome =
        CliProcess::run(CliProcess::cliPath(), QStringList{QStringLiteral("shadow")} + arguments + CliProcess::hostPort(*m_broker));
    if (m_serve)
        m_serveOut += m_serve->readAllStandardOutput();
    return outcome;
}

// The serve process logs a request before it replies, but the test reads its
// pipe only when the event loop runs; wait for the line.
bool TestCliShadow::serveLogged(const QString &needle)
{
    QElapsedTimer clock;
    clock.start();
    while (!m_serveOut.contains(needle.toUtf8()) && clock.elapsed() < CliProcess::TimeoutMs && m_serve
           && m_serve->state() != QProcess::NotRunning) {
        m_serve->waitForReadyRead(100);
        m_serveOut += m_serve->readAllStandardOutput();
    }
    return m_serveOut.contains(needle.toUtf8());
}

void TestCliShadow::parsing_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("errorContains");   // empty: accepted

    const QString thing = QStringLiteral("press-1");
    const QString update = QStringLiteral("update");
    const QString valid = QStringLiteral("{\"state\":{\"desired\":{\"speed\":12}}}");
    const int maxThing = ShadowValidation::MaxThingNameLength;
    const int maxShadow = ShadowValidation::MaxShadowNameLength;
    const int maxToken = ShadowValidation::MaxClientTokenBytes;
    const int maxDepth = ShadowValidation::MaxStateDepth;
    const int maxBytes = ShadowValidation::MaxStateBytes;

    QTest::newRow("get classic") << QStringList{QStringLiteral("get"), Thing, thing} << QString();
    QTest::newRow("get reserved named") << QStringList{QStringLiteral("get"), Thing, thing, Name, QStringLiteral("$package")}
                                        << QString();
    QTest::newRow("update") << QStringList{update, Thing, thing, Message, valid} << QString();
    QTest::newRow("update with version") << QStringList{update, Thing, thing, Message, valid, QStringLiteral("--version"),
                                                        QStringLiteral("4")}
                                         << QString();
    QTest::newRow("delete named") << QStringList{QStringLiteral("delete"), Thing, thing, Name, QStringLiteral("control")}
                                  << QString();
    QTest::newRow("serve") << QStringList{QStringLiteral("serve"), QStringLiteral("--db"), QStringLiteral("s.sqlite")} << QString();

    QTest::newRow("no action") << QStringList{Thing, thing} << QStringLiteral("get, update, delete or serve");
    QTest::newRow("unknown action") << QStringList{QStringLiteral("list"), Thing, thing} << QStringLiteral("\"list\"");
    QTest::newRow("no thing") << QStringList{QStringLiteral("get")} << QStringLiteral("--thing");
    QTest::newRow("thing at limit") << QStringList{QStringLiteral("get"), Thing, QString(maxThing, QLatin1Char('t'))} << QString();
    QTest::newRow("thing past limit") << QStringList{QStringLiteral("get"), Thing, QString(maxThing + 1, QLatin1Char('t'))}
                                      << QString::number(maxThing);
    QTest::newRow("thing with slash") << QStringList{QStringLiteral("get"), Thing, QStringLiteral("line/1")} << QStringLiteral("\"/\"");
    QTest::newRow("shadow at limit") << QStringList{QStringLiteral("get"), Thing, thing, Name, QString(maxShadow, QLatin1Char('s'))}
                                     << QString();
    QTest::newRow("shadow past limit") << QStringList{QStringLiteral("get"), Thing, thing, Name, QString(maxShadow + 1, QLatin1Char('s'))}
                                       << QString::number(maxShadow);
    QTest::newRow("empty shadow name") << QStringList{QStringLiteral("get"), Thing, thing, Name, QString()} << QStringLiteral("--name");
    QTest::newRow("update reserved") << QStringList{update, Thing, thing, Name, QStringLiteral("$package"), Message, valid}
                                     << QStringLiteral("$package");
    QTest::newRow("update without document") << QStringList{update, Thing, thing} << QStringLiteral("-m JSON and -f FILE");
    QTest::newRow("update with both") << QStringList{update, Thing, thing, Message, valid, QStringLiteral("-f"), QStringLiteral("x.json")}
                                      << QStringLiteral("exactly one");
    QTest::newRow("invalid JSON") << QStringList{update, Thing, thing, Message, QStringLiteral("{\"state\":")} << QStringLiteral("(-m)");
    QTest::newRow("missing state") << QStringList{update, Thing, thing, Message, QStringLiteral("{\"desired\":{}}")}
                                   << QStringLiteral("state");
    QTest::newRow("depth at limit") << QStringList{update, Thing, thing, Message, nested(maxDepth)} << QString();
    QTest::newRow("depth past limit") << QStringList{update, Thing, thing, Message, nested(maxDepth + 1)} << QString::number(maxDepth);
    QTest::newRow("size at limit") << QStringList{update, Thing, thing, Message, desiredOfSize(maxBytes)} << QString();
    QTest::newRow("size past limit") << QStringList{update, Thing, thing, Message, desiredOfSize(maxBytes + 1)}
                                     << QString::number(maxBytes);
    QTest::newRow("token at limit") << QStringList{update, Thing, thing, Message,
                                                   QStringLiteral("{\"state\":{},\"clientToken\":\"%1\"}").arg(QString(maxToken, QLatin1Char('c')))}
                                    << QString();
    QTest::newRow("token past limit") << QStringList{update, Thing, thing, Message,
                                                     QStringLiteral("{\"state\":{},\"clientToken\":\"%1\"}").arg(QString(maxToken + 1, QLatin1Char('c')))}
                                      << QString::number(maxToken);
    QTest::newRow("negative version") << QStringList{update, Thing, thing, Message, valid, QStringLiteral("--version"), QStringLiteral("-1")}
                                      << QStringLiteral("--version");
    QTest::newRow("version twice, different") << QStringList{update, Thing, thing, Message,
                                                             QStringLiteral("{\"state\":{},\"version\":3}"), QStringLiteral("--version"),
                                                             QStringLiteral("4")}
                                              << QStringLiteral("differs");
    QTest::newRow("version on get") << QStringList{QStringLiteral("get"), Thing, thing, QStringLiteral("--version"), QStringLiteral("1")}
                                    << QStringLiteral("update only");
    QTest::newRow("message on delete") << QStringList{QStringLiteral("delete"), Thing, thing, Message, valid}
                                       << QStringLiteral("update only");
    QTest::newRow("timeout zero") << QStringList{QStringLiteral("get"), Thing, thing, QStringLiteral("--timeout"), QStringLiteral("0")}
                                  << QStringLiteral("--timeout");
    QTest::newRow("serve without db") << QStringList{QStringLiteral("serve")} << QStringLiteral("--db");
    QTest::newRow("serve with thing") << QStringList{QStringLiteral("serve"), QStringLiteral("--db"), QStringLiteral("s.sqlite"), Thing, thing}
                                      << QStringLiteral("--thing");
    QTest::newRow("db on get") << QStringList{QStringLiteral("get"), Thing, thing, QStringLiteral("--db"), QStringLiteral("s.sqlite")}
                               << QStringLiteral("serve only");
}

void TestCliShadow::parsing()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, errorContains);
    QBuffer out;
    QBuffer err;
    out.open(QIODevice::WriteOnly);
    err.open(QIODevice::WriteOnly);
    ShadowCommand command(&out, &err);
    const bool ok = command.parseArguments(arguments);
    if (errorContains.isEmpty()) {
        QVERIFY2(ok, qPrintable(QString::fromUtf8(err.data())));
        return;
    }
    QVERIFY2(!ok, "accepted, but should have been refused");
    QCOMPARE(command.exitCode(), int(CliCommand::ExitFailure));
    QVERIFY2(command.parseError().contains(errorContains),
             qPrintable(QStringLiteral("\"%1\" not in: %2").arg(errorContains, command.parseError())));
    QVERIFY2(err.data().startsWith("Error: "), err.data().constData());
}

void TestCliShadow::roundTrip()
{
    const QString thing = nextThing("press");
    const CliProcess::Outcome updated =
        shadow({QStringLiteral("update"), Thing, thing, Message,
                QStringLiteral("{\"state\":{\"desired\":{\"mode\":\"run\",\"limits\":{\"max\":80}},\"reported\":{\"mode\":\"idle\"}}}")});
    QVERIFY2(updated.exited && updated.exitCode == 0, qPrintable(updated.describe()));
    const QJsonObject accepted = jsonOf(updated.out);
    QCOMPARE(accepted.value(QStringLiteral("version")).toInt(), 1);
    QVERIFY2(updated.out.contains("\n    \""), "accepted document is not indented");

    const CliProcess::Outcome got = shadow({QStringLiteral("get"), Thing, thing});
    QVERIFY2(got.exited && got.exitCode == 0, qPrintable(got.describe()));
    const QJsonObject document = jsonOf(got.out);
    QCOMPARE(document.value(QStringLiteral("version")).toInt(), 1);
    const QJsonObject state = document.value(QStringLiteral("state")).toObject();
    QCOMPARE(state.value(QStringLiteral("desired")).toObject().value(QStringLiteral("limits")).toObject().value(QStringLiteral("max")).toInt(), 80);
    QCOMPARE(state.value(QStringLiteral("delta")).toObject(),
             (QJsonObject{{QStringLiteral("mode"), QStringLiteral("run")}, {QStringLiteral("limits"), QJsonObject{{QStringLiteral("max"), 80}}}}));

    // The named shadow of the same thing is a different document.
    const CliProcess::Outcome named = shadow({QStringLiteral("get"), Thing, thing, Name, QStringLiteral("control")});
    QVERIFY2(named.exited && named.exitCode == ShadowCommand::ExitRejected, qPrintable(named.describe()));
    QVERIFY2(named.err.contains("404"), qPrintable(named.describe()));

    // With the right version the update applies; "set to null" deletes a key.
    const CliProcess::Outcome second = shadow({QStringLiteral("update"), Thing, thing, Message,
                                               QStringLiteral("{\"state\":{\"desired\":{\"limits\":null}}}"),
                                               QStringLiteral("--version"), QStringLiteral("1")});
    QVERIFY2(second.exited && second.exitCode == 0, qPrintable(second.describe()));
    QCOMPARE(jsonOf(second.out).value(QStringLiteral("version")).toInt(), 2);
    const QJsonObject after = jsonOf(shadow({QStringLiteral("get"), Thing, thing}).out);
    QCOMPARE(after.value(QStringLiteral("state")).toObject().value(QStringLiteral("desired")).toObject(),
             (QJsonObject{{QStringLiteral("mode"), QStringLiteral("run")}}));

    QVERIFY2(serveLogged(QStringLiteral("update %1 (classic shadow): accepted").arg(thing)), m_serveOut.constData());
}

void TestCliShadow::versionConflict()
{
    const QString thing = nextThing("conflict");
    const QStringList update{QStringLiteral("update"), Thing, thing, Name, QStringLiteral("control"), Message,
                             QStringLiteral("{\"state\":{\"desired\":{\"speed\":10}}}")};
    const CliProcess::Outcome first = shadow(update);
    QVERIFY2(first.exited && first.exitCode == 0, qPrintable(first.describe()));
    // Somebody else's update moved the shadow to version 2 meanwhile.
    QVERIFY2(shadow(update).exitCode == 0, "second update");

    const CliProcess::Outcome stale = shadow(update + QStringList{QStringLiteral("--version"), QStringLiteral("1")});
    QVERIFY2(stale.exited && stale.exitCode == ShadowCommand::ExitRejected, qPrintable(stale.describe()));
    QVERIFY2(stale.out.isEmpty(), qPrintable(stale.describe()));
    QVERIFY2(stale.err.contains("409 Version conflict"), qPrintable(stale.describe()));
    QVERIFY2(stale.err.contains("Someone changed the shadow since it was loaded"), qPrintable(stale.describe()));
    QVERIFY2(serveLogged(QStringLiteral("rejected 409 \"Version conflict\"")), m_serveOut.constData());
    const QJsonObject document = jsonOf(shadow({QStringLiteral("get"), Thing, thing, Name, QStringLiteral("control")}).out);
    QCOMPARE(document.value(QStringLiteral("version")).toInt(), 2);
}

void TestCliShadow::invalidRequestIsNotSent()
{
    const QString thing = nextThing("invalid");
    const CliProcess::Outcome tooDeep =
        shadow({QStringLiteral("update"), Thing, thing, Message, nested(ShadowValidation::MaxStateDepth + 1)});
    QVERIFY2(tooDeep.exited && tooDeep.exitCode == CliCommand::ExitFailure, qPrintable(tooDeep.describe()));
    QVERIFY2(tooDeep.err.startsWith("Error: Invalid update document (-m): state.desired"), qPrintable(tooDeep.describe()));

    const QString file = QDir(m_dir.path()).filePath(QStringLiteral("bad.json"));
    QFile bad(file);
    QVERIFY2(bad.open(QIODevice::WriteOnly), qPrintable(bad.errorString()));
    bad.write("{\"state\":{\"desired\":{\"a\":1},\"wanted\":{}}}");
    bad.close();
    const CliProcess::Outcome badNode = shadow({QStringLiteral("update"), Thing, thing, QStringLiteral("-f"), file});
    QVERIFY2(badNode.exitCode == CliCommand::ExitFailure && badNode.err.contains("(-f)") && badNode.err.contains("wanted"),
             qPrintable(badNode.describe()));

    // A valid request afterwards is the first the service sees for this thing.
    const CliProcess::Outcome valid =
        shadow({QStringLiteral("update"), Thing, thing, Message, QStringLiteral("{\"state\":{\"reported\":{\"a\":1}}}")});
    QVERIFY2(valid.exitCode == 0, qPrintable(valid.describe()));
    QCOMPARE(jsonOf(valid.out).value(QStringLiteral("version")).toInt(), 1);
    QVERIFY2(serveLogged(QStringLiteral("update %1 (classic shadow): accepted").arg(thing)), m_serveOut.constData());
    QCOMPARE(m_serveOut.count(thing.toUtf8()), 1);
}

void TestCliShadow::deleteThenGet()
{
    const QString thing = nextThing("gone");
    QVERIFY2(shadow({QStringLiteral("update"), Thing, thing, Message, QStringLiteral("{\"state\":{\"reported\":{\"on\":true}}}")}).exitCode == 0,
             "update");
    const CliProcess::Outcome deleted = shadow({QStringLiteral("delete"), Thing, thing});
    QVERIFY2(deleted.exited && deleted.exitCode == 0, qPrintable(deleted.describe()));
    QCOMPARE(jsonOf(deleted.out).value(QStringLiteral("version")).toInt(), 1);

    const CliProcess::Outcome got = shadow({QStringLiteral("get"), Thing, thing});
    QVERIFY2(got.exited && got.exitCode == ShadowCommand::ExitRejected, qPrintable(got.describe()));
    QVERIFY2(got.out.isEmpty(), qPrintable(got.describe()));
    QVERIFY2(got.err.contains(QStringLiteral("404 No shadow exists with name: '%1'").arg(thing).toUtf8()), qPrintable(got.describe()));
    QVERIFY2(got.err.contains("The shadow does not exist"), qPrintable(got.describe()));

    const CliProcess::Outcome again = shadow({QStringLiteral("delete"), Thing, thing});
    QVERIFY2(again.exitCode == ShadowCommand::ExitRejected && again.err.contains("404"), qPrintable(again.describe()));
}

void TestCliShadow::serveKeepsShadowsAcrossRestart()
{
    const QString thing = nextThing("kept");
    QVERIFY2(shadow({QStringLiteral("update"), Thing, thing, Name, QStringLiteral("recipe"), Message,
                     QStringLiteral("{\"state\":{\"desired\":{\"lot\":\"A-17\"}}}")})
                 .exitCode
                 == 0,
             "update");
    QString problem;
    QVERIFY2(stopServe(&problem), qPrintable(problem));
    QVERIFY2(m_serveOut.contains("Requests accepted: "), m_serveOut.constData());
    QVERIFY2(startServe(&problem), qPrintable(problem));
    const CliProcess::Outcome got = shadow({QStringLiteral("get"), Thing, thing, Name, QStringLiteral("recipe")});
    QVERIFY2(got.exitCode == 0, qPrintable(got.describe()));
    const QJsonObject document = jsonOf(got.out);
    QCOMPARE(document.value(QStringLiteral("state")).toObject().value(QStringLiteral("desired")).toObject(),
             (QJsonObject{{QStringLiteral("lot"), QStringLiteral("A-17")}}));
    QCOMPARE(document.value(QStringLiteral("version")).toInt(), 1);
}

void TestCliShadow::timeoutWithoutService()
{
    // A broker on which nobody answers shadow requests.
    TestBroker quiet;
    QString error;
    QVERIFY2(quiet.start(&error), qPrintable(error));
    QElapsedTimer clock;
    clock.start();
    const CliProcess::Outcome outcome = CliProcess::run(
        CliProcess::cliPath(), QStringList{QStringLiteral("shadow"), QStringLiteral("get"), Thing, QStringLiteral("nobody"),
                                           QStringLiteral("--timeout"), QStringLiteral("1")}
                                   + CliProcess::hostPort(quiet));
    QVERIFY2(outcome.exited && outcome.exitCode == CliCommand::ExitTimedOut, qPrintable(outcome.describe()));
    QVERIFY2(outcome.err.contains("No reply from the shadow service within 1 s"), qPrintable(outcome.describe()));
    // Qt's coarse timers may fire up to 5 % early.
    QVERIFY2(clock.elapsed() >= 950, qPrintable(QString::number(clock.elapsed())));
}

QTEST_GUILESS_MAIN(TestCliShadow)
#include "tst_cli_shadow.moc"
