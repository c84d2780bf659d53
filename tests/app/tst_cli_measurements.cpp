#include "cli/cli_application.h"
#include "cli/measurements_command.h"
#include "measurement/measurement_csv.h"
#include "cli_process.h"
#include "test_broker.h"

#include "broker/broker_supervisor.h"

#include <QBuffer>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QHash>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

#include <memory>

// `linescope-cli measurements`: option parsing and help in-process, then the
// real binary (LINESCOPE_CLI) against a real mosquitto: CSV rows for what
// `linescope-cli simulate` published, problems on stderr for bad payloads
// sent with mosquitto_pub, the readable format and the -W timeout.
class TestCliMeasurements : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void parsing_data();
    void parsing();
    void help();
    void readableFormat();
    void csvFromSimulator();
    void problemsOnStderr();
    void readableFromBroker();
    void ruleFromCommandLine();
    void timeout();

private:
    QString m_cli;
    QString m_mosquittoPub;
};

namespace {

using CliProcess::collect;
using CliProcess::Outcome;

constexpr int kWaitMs = 20000;

struct InProcess
{
    bool prepared = false;
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    MeasurementsCommand::Options options;
};

InProcess prepareInProcess(const QStringList &arguments)
{
    QBuffer out;
    QBuffer err;
    out.open(QIODevice::WriteOnly);
    err.open(QIODevice::WriteOnly);
    CliApplication cli(&out, &err);
    InProcess result;
    result.prepared = cli.prepare(QStringList{QStringLiteral("linescope-cli")} + arguments);
    result.exitCode = cli.exitCode();
    if (auto *command = qobject_cast<MeasurementsCommand *>(cli.command()); command && result.prepared)
        result.options = command->options();
    result.out = out.data();
    result.err = err.data();
    return result;
}

std::unique_ptr<QProcess> launch(const QString &program, const QStringList &arguments)
{
    auto process = std::make_unique<QProcess>();
    process->start(program, arguments);
    if (!process->waitForStarted(kWaitMs))
        qWarning("Cannot start %s: %s", qPrintable(program), qPrintable(process->errorString()));
    process->closeWriteChannel();
    return process;
}

QStringList hostPort(const TestBroker &broker)
{
    return {QStringLiteral("-h"), broker.host(), QStringLiteral("-p"), QString::number(broker.port())};
}

// The broker runs with "log_type subscribe" and logs "<client id> <qos> <filter>".
bool waitForSubscription(const TestBroker &broker, const QString &clientId, const QString &filter)
{
    const QString needle = QStringLiteral(" %1 ").arg(clientId);
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < kWaitMs) {
        const QStringList lines = broker.supervisor()->logLines();
        for (const QString &line : lines) {
            if (line.contains(needle) && line.endsWith(u' ' + filter))
                return true;
        }
        QTest::qWait(20);
    }
    return false;
}

QStringList lines(const QByteArray &text)
{
    QStringList result = QString::fromUtf8(text).split(u'\n');
    if (!result.isEmpty() && result.constLast().isEmpty())
        result.removeLast();
    return result;
}

} // namespace

void TestCliMeasurements::initTestCase()
{
    m_cli = qEnvironmentVariable("LINESCOPE_CLI", QStringLiteral(LINESCOPE_BINARY_DIR "/app/linescope-cli"));
    QVERIFY2(QFileInfo(m_cli).isExecutable(), qPrintable(m_cli + QStringLiteral(" is not an executable")));
    m_mosquittoPub = TestBroker::mosquittoClientPath(QStringLiteral("mosquitto_pub"));
    QVERIFY2(!m_mosquittoPub.isEmpty(), "mosquitto_pub (package mosquitto-clients) is the reference publisher");
}

void TestCliMeasurements::parsing_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("error");   // empty: valid

    QTest::newRow("valid") << QStringList{"-h", "broker.local", "-p", "1884", "-t", "factory/#", "-t", "plant/+/x",
                                          "-C", "10", "-W", "5", "--csv", "-q", "1", "--rule",
                                          "factory/+/+/+/+/temp=/value,quality=/q,time=/ts,unit=/unit", "--rule",
                                          "plant/#=,fixed-unit=bar"}
                           << QString();
    QTest::newRow("no topic") << QStringList{"--csv"} << QStringLiteral("No topic filter given");
    QTest::newRow("invalid filter") << QStringList{"-t", "a/#/b"} << QStringLiteral("Invalid topic filter \"a/#/b\"");
    QTest::newRow("count zero") << QStringList{"-t", "a", "-C", "0"} << QStringLiteral("Invalid message count \"0\"");
    QTest::newRow("count not a number") << QStringList{"-t", "a", "-C", "ten"}
                                        << QStringLiteral("Invalid message count \"ten\"");
    QTest::newRow("timeout not a number") << QStringList{"-t", "a", "-W", "soon"}
                                          << QStringLiteral("Invalid timeout \"soon\"");
    QTest::newRow("qos 3") << QStringList{"-t", "a", "-q", "3"} << QStringLiteral("Invalid QoS \"3\"");
    QTest::newRow("bad port") << QStringList{"-t", "a", "-p", "70000"} << QStringLiteral("Invalid port \"70000\"");
    QTest::newRow("unknown option") << QStringList{"-t", "a", "--frobnicate"} << QStringLiteral("frobnicate");
    QTest::newRow("rule without pointer part") << QStringList{"-t", "a", "--rule", "plant/#"}
                                               << QStringLiteral("--rule: Rule \"plant/#\": no '='");
    QTest::newRow("rule with unknown key") << QStringList{"-t", "a", "--rule", "plant/#=/v,qualty=/q"}
                                           << QStringLiteral("unknown key \"qualty\" in part 2");
    QTest::newRow("rule with invalid filter") << QStringList{"-t", "a", "--rule", "plant/#/x=/v"}
                                              << QStringLiteral("the topic filter \"plant/#/x\" is invalid");
}

void TestCliMeasurements::parsing()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, error);

    const InProcess result = prepareInProcess(QStringList{QStringLiteral("measurements")} + arguments);
    if (error.isEmpty()) {
        QVERIFY2(result.prepared, result.err.constData());
        QCOMPARE(result.options.filters, (QStringList{"factory/#", "plant/+/x"}));
        QCOMPARE(result.options.connection.host, QStringLiteral("broker.local"));
        QCOMPARE(result.options.connection.port, 1884);
        QCOMPARE(result.options.messageCount, 10);
        QCOMPARE(result.options.timeoutSeconds, 5);
        QCOMPARE(result.options.qos, quint8(1));
        QVERIFY(result.options.csv);
        QCOMPARE(result.options.rules.size(), 2);
        QCOMPARE(result.options.rules.at(0).topicFilter, QStringLiteral("factory/+/+/+/+/temp"));
        QCOMPARE(result.options.rules.at(0).timestampPointer, QStringLiteral("/ts"));
        QCOMPARE(result.options.rules.at(1).valuePointer, QString());
        QCOMPARE(result.options.rules.at(1).unit, QStringLiteral("bar"));
        return;
    }
    QVERIFY(!result.prepared);
    QCOMPARE(result.exitCode, 1);
    const QString err = QString::fromUtf8(result.err);
    QVERIFY2(err.startsWith(QStringLiteral("Error: ")) && err.contains(error), qPrintable(err));
    QVERIFY2(err.contains(QStringLiteral("Usage: linescope-cli measurements")), qPrintable(err));
    QVERIFY(result.out.isEmpty());
}

void TestCliMeasurements::help()
{
    const InProcess command = prepareInProcess({QStringLiteral("measurements"), QStringLiteral("--help")});
    QCOMPARE(command.exitCode, 0);
    const QString text = QString::fromUtf8(command.out);
    for (const QString &part : {QStringLiteral("Usage: linescope-cli measurements -t FILTER"), QStringLiteral("--csv"),
                                QStringLiteral("-C COUNT"), QStringLiteral("-W SECONDS"), QStringLiteral("-h, --host HOST"),
                                QStringLiteral("exit")})
        QVERIFY2(text.contains(part), qPrintable(QStringLiteral("missing \"%1\" in:\n%2").arg(part, text)));

    const InProcess top = prepareInProcess({QStringLiteral("--help")});
    QVERIFY2(QString::fromUtf8(top.out).contains(QStringLiteral("  measurements")), top.out.constData());
}

void TestCliMeasurements::readableFormat()
{
    ExtractedSample sample;
    sample.key = SeriesKey{QStringLiteral("press-7-chicago-a-l3"), QStringLiteral("temperature")};
    sample.unit = QStringLiteral("celsius");
    sample.sample.deviceTimeMs = 1777904621250;
    sample.sample.value = 72.4;
    sample.sample.quality = Quality::Uncertain;
    QCOMPARE(MeasurementsCommand::formatReadable(sample),
             QStringLiteral("2026-05-04T14:23:41.250Z press-7-chicago-a-l3 temperature = 72.4 celsius [uncertain]"));
    sample.unit.clear();
    sample.sample.quality = Quality::Unknown;
    QCOMPARE(MeasurementsCommand::formatReadable(sample),
             QStringLiteral("2026-05-04T14:23:41.250Z press-7-chicago-a-l3 temperature = 72.4 [unknown]"));
}

void TestCliMeasurements::csvFromSimulator()
{
    TestBroker broker({QStringLiteral("log_type subscribe")});
    QString problem;
    QVERIFY2(broker.start(&problem), qPrintable(problem));

    const int messages = 40;
    const QString filter = QStringLiteral("factory/+/+/+/+/telemetry");
    const auto measurements = launch(m_cli, QStringList{QStringLiteral("measurements")} + hostPort(broker)
                                                + QStringList{"-i", "meas-csv", "-q", "1", "-t", filter, "-C",
                                                              QString::number(messages), "--csv"});
    if (!waitForSubscription(broker, QStringLiteral("meas-csv"), filter))
        QFAIL(qPrintable(QStringLiteral("no subscription: ") + collect(*measurements, 100).describe() + broker.logText()));

    const auto simulate = launch(m_cli, QStringList{QStringLiteral("simulate")} + hostPort(broker)
                                            + QStringList{"--count", QString::number(messages), "--seed", "5", "--rate",
                                                          "200", "-q", "1"});
    const Outcome simulated = collect(*simulate);
    QVERIFY2(simulated.exited && simulated.exitCode == 0, qPrintable(simulated.describe()));
    static const QRegularExpression summary(
        QStringLiteral(R"(measurements: (\d+) good, (\d+) uncertain, (\d+) bad\); 0 failed)"));
    const QRegularExpressionMatch match = summary.match(QString::fromUtf8(simulated.out));
    QVERIFY2(match.hasMatch(), qPrintable(simulated.describe()));
    QHash<QString, qint64> published;
    published[QStringLiteral("good")] = match.captured(1).toLongLong();
    published[QStringLiteral("uncertain")] = match.captured(2).toLongLong();
    published[QStringLiteral("bad")] = match.captured(3).toLongLong();
    const qint64 total = published.value("good") + published.value("uncertain") + published.value("bad");

    const Outcome outcome = collect(*measurements);
    QVERIFY2(outcome.exited && outcome.exitCode == 0, qPrintable(outcome.describe()));
    // Clean data: nothing on stderr.
    QVERIFY2(outcome.err.isEmpty(), qPrintable(outcome.describe()));
    const QStringList rows = lines(outcome.out);
    QVERIFY2(!rows.isEmpty() && rows.constFirst() == MeasurementCsv::header(), qPrintable(outcome.describe()));
    QCOMPARE(rows.count(MeasurementCsv::header()), qsizetype(1));
    QCOMPARE(qint64(rows.size() - 1), total);
    QHash<QString, qint64> stored;
    static const QRegularExpression time(QStringLiteral(R"(^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$)"));
    for (qsizetype i = 1; i < rows.size(); ++i) {
        const QStringList fields = rows.at(i).split(u',');
        QVERIFY2(fields.size() == 8, qPrintable(rows.at(i)));
        QVERIFY2(time.match(fields.at(0)).hasMatch() && time.match(fields.at(1)).hasMatch(), qPrintable(rows.at(i)));
        QVERIFY2(fields.at(2).endsWith(QStringLiteral("-chicago-a-l3")), qPrintable(rows.at(i)));
        QVERIFY2(fields.at(3).startsWith(QStringLiteral("factory/chicago/building-a/line-3/")), qPrintable(rows.at(i)));
        bool numeric = false;
        fields.at(5).toDouble(&numeric);
        QVERIFY2(numeric && !fields.at(6).isEmpty(), qPrintable(rows.at(i)));
        ++stored[fields.at(7)];
    }
    QCOMPARE(stored, published);
}

void TestCliMeasurements::problemsOnStderr()
{
    TestBroker broker({QStringLiteral("log_type subscribe")});
    QString problem;
    QVERIFY2(broker.start(&problem), qPrintable(problem));

    const auto measurements = launch(m_cli, QStringList{QStringLiteral("measurements")} + hostPort(broker)
                                                + QStringList{"-i", "meas-bad", "-q", "1", "-t", "test/#", "-C", "4",
                                                              "--csv"});
    if (!waitForSubscription(broker, QStringLiteral("meas-bad"), QStringLiteral("test/#")))
        QFAIL(qPrintable(QStringLiteral("no subscription: ") + collect(*measurements, 100).describe() + broker.logText()));

    const QList<std::pair<QString, QByteArray>> published = {
        {"test/line/telemetry",
         R"({"timestamp": "2026-05-04T14:23:41.000Z", "deviceId": "press-7", "measurements": [)"
         R"({"name": "temperature", "value": 72.4, "unit": "celsius", "quality": "good"},)"
         R"({"name": "pressure", "value": "n/a", "unit": "bar", "quality": "good"}]})"},
        {"test/line/telemetry", R"({"timestamp": "2026-05-04T14:23:42.000Z", "measurements": [)"},
        {"test/press-7/temperature", "72.4"},
        {"test/press-7/status", "running"},
    };
    for (const auto &[topic, payload] : published) {
        const auto pub = launch(m_mosquittoPub, hostPort(broker) + QStringList{"-q", "1", "-t", topic, "-m",
                                                                                QString::fromUtf8(payload)});
        const Outcome sent = collect(*pub);
        QVERIFY2(sent.exited && sent.exitCode == 0, qPrintable(sent.describe()));
    }

    const Outcome outcome = collect(*measurements);
    QVERIFY2(outcome.exited && outcome.exitCode == 0, qPrintable(outcome.describe()));
    const QStringList rows = lines(outcome.out);
    QVERIFY2(rows.size() == 3, qPrintable(outcome.describe()));
    QCOMPARE(rows.at(0), MeasurementCsv::header());
    const QStringList batched = rows.at(1).split(u',');
    QCOMPARE(batched.at(0), QStringLiteral("2026-05-04T14:23:41.000Z"));
    QCOMPARE(batched.mid(2), (QStringList{"press-7", "test/line/telemetry", "temperature", "72.4", "celsius", "good"}));
    const QStringList plain = rows.at(2).split(u',');
    QCOMPARE(plain.at(0), plain.at(1));   // no device time: the receive time
    QCOMPARE(plain.mid(2), (QStringList{"", "test/press-7/temperature", "temperature", "72.4", "", "unknown"}));

    const QStringList errors = lines(outcome.err);
    QVERIFY2(errors.size() == 3, qPrintable(outcome.describe()));
    QCOMPARE(errors.at(0), QStringLiteral("test/line/telemetry: measurement 'pressure' has non-numeric value \"n/a\""));
    QVERIFY2(errors.at(1).startsWith(QStringLiteral("test/line/telemetry: the payload is not valid JSON: ")),
             qPrintable(errors.at(1)));
    QCOMPARE(errors.at(2), QStringLiteral("4 messages, 2 samples, 2 problems, 1 messages without measurements."));
}

void TestCliMeasurements::readableFromBroker()
{
    TestBroker broker({QStringLiteral("log_type subscribe")});
    QString problem;
    QVERIFY2(broker.start(&problem), qPrintable(problem));
    const auto measurements = launch(m_cli, QStringList{QStringLiteral("measurements")} + hostPort(broker)
                                                + QStringList{"-i", "meas-text", "-t", "plant/#", "-C", "1"});
    if (!waitForSubscription(broker, QStringLiteral("meas-text"), QStringLiteral("plant/#")))
        QFAIL(qPrintable(QStringLiteral("no subscription: ") + collect(*measurements, 100).describe() + broker.logText()));
    const Outcome sent = collect(*launch(m_mosquittoPub, hostPort(broker) + QStringList{"-t", "plant/oven-1/temperature",
                                                                                        "-m", "  180.5 "}));
    QVERIFY2(sent.exited && sent.exitCode == 0, qPrintable(sent.describe()));
    const Outcome outcome = collect(*measurements);
    QVERIFY2(outcome.exited && outcome.exitCode == 0 && outcome.err.isEmpty(), qPrintable(outcome.describe()));
    static const QRegularExpression line(
        QStringLiteral(R"(^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z plant/oven-1 temperature = 180\.5 \[unknown\]\n$)"));
    QVERIFY2(line.match(QString::fromUtf8(outcome.out)).hasMatch(), qPrintable(outcome.describe()));
}

void TestCliMeasurements::ruleFromCommandLine()
{
    TestBroker broker({QStringLiteral("log_type subscribe")});
    QString problem;
    QVERIFY2(broker.start(&problem), qPrintable(problem));
    const auto measurements = launch(
        m_cli, QStringList{QStringLiteral("measurements")} + hostPort(broker)
                   + QStringList{"-i", "meas-rule", "-q", "1", "-t", "factory/#", "-C", "2", "--csv", "--rule",
                                 "factory/+/+/+/+/temp=/value,quality=/q,time=/ts,unit=/unit,source=/dev"});
    if (!waitForSubscription(broker, QStringLiteral("meas-rule"), QStringLiteral("factory/#")))
        QFAIL(qPrintable(QStringLiteral("no subscription: ") + collect(*measurements, 100).describe() + broker.logText()));
    const QList<std::pair<QString, QByteArray>> published = {
        {"factory/chicago/a/line-3/oven-1/temp",
         R"({"value": 181.5, "q": "Uncertain", "ts": 1777904621250, "unit": "celsius", "dev": "oven-1"})"},
        // Same rule, quality field missing: kept as unknown and reported.
        {"factory/chicago/a/line-3/oven-2/temp", R"({"value": 175, "ts": "2026-05-04T14:23:42Z", "unit": "celsius"})"},
    };
    for (const auto &[topic, payload] : published) {
        const Outcome sent = collect(*launch(m_mosquittoPub, hostPort(broker) + QStringList{"-q", "1", "-t", topic, "-m",
                                                                                            QString::fromUtf8(payload)}));
        QVERIFY2(sent.exited && sent.exitCode == 0, qPrintable(sent.describe()));
    }
    const Outcome outcome = collect(*measurements);
    QVERIFY2(outcome.exited && outcome.exitCode == 0, qPrintable(outcome.describe()));
    const QStringList rows = lines(outcome.out);
    QVERIFY2(rows.size() == 3, qPrintable(outcome.describe()));
    const QStringList first = rows.at(1).split(u',');
    QCOMPARE(first.at(0), QStringLiteral("2026-05-04T14:23:41.250Z"));
    QCOMPARE(first.mid(2), (QStringList{"oven-1", "factory/chicago/a/line-3/oven-1/temp", "temp", "181.5", "celsius",
                                        "uncertain"}));
    const QStringList second = rows.at(2).split(u',');
    QCOMPARE(second.at(0), QStringLiteral("2026-05-04T14:23:42.000Z"));
    QCOMPARE(second.at(second.size() - 1), QStringLiteral("unknown"));
    QCOMPARE(second.at(5), QStringLiteral("175"));
    QVERIFY2(outcome.err.contains("factory/chicago/a/line-3/oven-2/temp: "), qPrintable(outcome.describe()));
}

void TestCliMeasurements::timeout()
{
    TestBroker broker;
    QString problem;
    QVERIFY2(broker.start(&problem), qPrintable(problem));
    QElapsedTimer clock;
    clock.start();
    const auto measurements = launch(m_cli, QStringList{QStringLiteral("measurements")} + hostPort(broker)
                                                + QStringList{"-t", "nothing/#", "-W", "1", "--csv"});
    const Outcome outcome = collect(*measurements);
    QVERIFY2(outcome.exited && outcome.exitCode == 27, qPrintable(outcome.describe()));
    QVERIFY2(clock.elapsed() >= 1000, qPrintable(QStringLiteral("gave up after %1 ms").arg(clock.elapsed())));
    // Still a valid (empty) CSV file.
    QCOMPARE(outcome.out, MeasurementCsv::header().toUtf8() + '\n');
    QCOMPARE(outcome.err, QByteArray("Timed out\n"));
}

QTEST_GUILESS_MAIN(TestCliMeasurements)
#include "tst_cli_measurements.moc"
