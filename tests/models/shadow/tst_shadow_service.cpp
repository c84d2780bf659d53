#include "shadow/shadow_service.h"

#include "shadow/shadow_client.h"
#include "shadow/shadow_topics.h"
#include "shadow/shadow_validation.h"
#include "shadow_test_support.h"

#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace ShadowTest;

namespace {

using Operation = ShadowTopics::Operation;
using Kind = ShadowTopics::Kind;

QJsonObject parse(const char *json)
{
    return QJsonDocument::fromJson(QByteArray(json)).object();
}

QJsonObject section(const char *name, const QJsonObject &values)
{
    return QJsonObject{{QLatin1String(name), values}};
}

QJsonObject nestedObjects(int levels)
{
    QJsonObject object{{QStringLiteral("a"), 1}};
    for (int i = 1; i < levels; ++i) {
        object = QJsonObject{{QStringLiteral("a"), object}};
    }
    return object;
}

QJsonObject objectOfSize(int bytes)
{
    return QJsonObject{{QStringLiteral("k"), QString(bytes - 8, QLatin1Char('x'))}};
}

} // namespace

// ShadowService answering a ShadowClient (and, for requests the client
// refuses to send, a raw MQTT client) over a real mosquitto.
class TestShadowService : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();
    void roundTrip_data();
    void roundTrip();
    void delta_data();
    void delta();
    void versionsAndDocuments();
    void versionConflict();
    void deleteKeepsVersion();
    void rejections_data();
    void rejections();
    void tooLargeAfterMerge();
    void namedAndClassicIsolated();
    void persistsAcrossRestart();
    void ignoresReplies();
    void ignoresRetainedRequests();
    void unusableDatabaseFails();
    void startsOnceTheSessionConnects();

private:
    // Sends through m_client and waits for the result.
    ShadowResult run(const QString &token);
    ShadowResult update(const ShadowName &shadow, const QJsonObject &state, std::optional<qint64> version = {});
    ShadowResult get(const ShadowName &shadow);
    ShadowResult remove(const ShadowName &shadow);
    bool startService(ShadowService &service, const QString &file);
    QString nextThing(const char *tag) { return QStringLiteral("%1-%2").arg(QLatin1String(tag)).arg(++m_counter); }

    std::unique_ptr<TestBroker> m_broker;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<MqttSession> m_serviceSession;
    std::unique_ptr<MqttSession> m_clientSession;
    std::unique_ptr<ShadowService> m_service;
    std::unique_ptr<ShadowClient> m_client;
    std::unique_ptr<QSignalSpy> m_finished;
    std::unique_ptr<QSignalSpy> m_serviceErrors;
    int m_counter = 0;
};

void TestShadowService::initTestCase()
{
    m_broker = std::make_unique<TestBroker>();
    QString error;
    QVERIFY2(m_broker->start(&error), qPrintable(error));
}

void TestShadowService::cleanupTestCase()
{
    m_broker.reset();
}

void TestShadowService::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY2(m_dir->isValid(), qPrintable(m_dir->errorString()));
    m_serviceSession = std::make_unique<MqttSession>();
    m_clientSession = std::make_unique<MqttSession>();
    QString problem = connectSession(*m_serviceSession, *m_broker);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    problem = connectSession(*m_clientSession, *m_broker);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    m_service = std::make_unique<ShadowService>(m_serviceSession.get());
    QVERIFY(startService(*m_service, m_dir->filePath(QStringLiteral("shadows.db"))));
    m_client = std::make_unique<ShadowClient>(m_clientSession.get());
    m_finished = std::make_unique<QSignalSpy>(m_client.get(), &ShadowClient::requestFinished);
    m_serviceErrors = std::make_unique<QSignalSpy>(m_service.get(), &ShadowService::errorOccurred);
}

void TestShadowService::cleanup()
{
    // Errors of the service under test fail the test unless it expected them
    // (those tests replace or bypass m_service).
    const QList<QList<QVariant>> errors = m_serviceErrors ? *m_serviceErrors : QList<QList<QVariant>>();
    m_serviceErrors.reset();
    m_finished.reset();
    m_client.reset();
    m_service.reset();
    m_clientSession.reset();
    m_serviceSession.reset();
    m_dir.reset();
    QVERIFY2(errors.isEmpty(), qPrintable(errors.value(0).value(0).toString()));
}

bool TestShadowService::startService(ShadowService &service, const QString &file)
{
    QSignalSpy started(&service, &ShadowService::started);
    QSignalSpy errors(&service, &ShadowService::errorOccurred);
    if (!service.start(file)) {
        qWarning("start() refused: %s", qPrintable(service.errorString()));
        return false;
    }
    QElapsedTimer clock;
    clock.start();
    while (started.isEmpty() && errors.isEmpty() && clock.elapsed() < WaitMs) {
        started.wait(50);
    }
    if (started.isEmpty()) {
        qWarning("service did not start: %s", qPrintable(service.errorString()));
        return false;
    }
    return service.state() == ShadowService::State::Running;
}

ShadowResult TestShadowService::run(const QString &token)
{
    ShadowResult result;
    if (token.isEmpty()) {
        result.errorString = QStringLiteral("not sent: ") + m_client->errorString();
        return result;
    }
    QString problem;
    if (!waitForResult(*m_finished, token, &result, &problem)) {
        result.status = ShadowResult::Status::TimedOut;
        result.errorString = problem;
    }
    return result;
}

ShadowResult TestShadowService::update(const ShadowName &shadow, const QJsonObject &state, std::optional<qint64> version)
{
    return run(m_client->update(shadow, state, version));
}

ShadowResult TestShadowService::get(const ShadowName &shadow)
{
    return run(m_client->get(shadow));
}

ShadowResult TestShadowService::remove(const ShadowName &shadow)
{
    return run(m_client->deleteShadow(shadow));
}

void TestShadowService::roundTrip_data()
{
    QTest::addColumn<bool>("named");
    QTest::newRow("classic") << false;
    QTest::newRow("named") << true;
}

void TestShadowService::roundTrip()
{
    QFETCH(bool, named);
    const QString thing = nextThing("press");
    const ShadowName shadow = named ? ShadowName::named(thing, QStringLiteral("control")) : ShadowName::classic(thing);

    const QJsonObject state{{QStringLiteral("desired"), parse(R"({"mode":"maintenance","temperature_setpoint":70})")},
                            {QStringLiteral("reported"), parse(R"({"mode":"running","temperature":72.4})")}};
    const ShadowResult updated = update(shadow, state);
    QVERIFY2(updated.isAccepted(), qPrintable(describe(updated)));
    // update/accepted: the request's state, metadata of its leaves, version, timestamp, token.
    QCOMPARE(updated.payload.value(QStringLiteral("state")).toObject(), state);
    QCOMPARE(updated.payload.value(QStringLiteral("version")).toInteger(), qint64(1));
    QCOMPARE(updated.payload.value(QStringLiteral("clientToken")).toString(), updated.clientToken);
    const qint64 timestamp = updated.payload.value(QStringLiteral("timestamp")).toInteger();
    QVERIFY2(qAbs(timestamp - QDateTime::currentSecsSinceEpoch()) < 60, qPrintable(QString::number(timestamp)));
    const QJsonObject metadata = updated.payload.value(QStringLiteral("metadata")).toObject();
    QCOMPARE(ShadowDocument::metadataTimestamp(metadata.value(QStringLiteral("desired")).toObject(),
                                               {QStringLiteral("temperature_setpoint")}),
             std::optional<qint64>(timestamp));
    QCOMPARE(ShadowDocument::metadataTimestamp(metadata.value(QStringLiteral("reported")).toObject(),
                                               {QStringLiteral("temperature")}),
             std::optional<qint64>(timestamp));

    const ShadowResult got = get(shadow);
    QVERIFY2(got.isAccepted(), qPrintable(describe(got)));
    const ShadowDocument document = got.document();
    QCOMPARE(document.desired, state.value(QStringLiteral("desired")).toObject());
    QCOMPARE(document.reported, state.value(QStringLiteral("reported")).toObject());
    QCOMPARE(document.delta, parse(R"({"mode":"maintenance","temperature_setpoint":70})"));
    QCOMPARE(got.payload.value(QStringLiteral("state")).toObject().value(QStringLiteral("delta")).toObject(),
             document.delta);
    QCOMPARE(document.version, qint64(1));
    QCOMPARE(document.clientToken, got.clientToken);
    QCOMPARE(ShadowDocument::metadataTimestamp(document.deltaMetadata, {QStringLiteral("mode")}),
             std::optional<qint64>(timestamp));
    QCOMPARE(m_service->document(shadow).value_or(ShadowDocument()).desired, document.desired);
    QCOMPARE(m_service->shadows(), QList<ShadowName>{shadow});

    const ShadowResult deleted = remove(shadow);
    QVERIFY2(deleted.isAccepted(), qPrintable(describe(deleted)));
    QCOMPARE(deleted.payload.value(QStringLiteral("version")).toInteger(), qint64(1));
    QCOMPARE(deleted.payload.value(QStringLiteral("clientToken")).toString(), deleted.clientToken);
    QVERIFY(deleted.payload.contains(QStringLiteral("timestamp")));
    QVERIFY(!deleted.payload.contains(QStringLiteral("state")));

    const QString notFound = QStringLiteral("No shadow exists with name: '%1'").arg(named ? shadow.shadow : thing);
    const ShadowResult missing = get(shadow);
    QCOMPARE(missing.status, ShadowResult::Status::Rejected);
    QCOMPARE(missing.code, 404);
    QCOMPARE(missing.serviceMessage, notFound);
    QCOMPARE(missing.payload.value(QStringLiteral("clientToken")).toString(), missing.clientToken);
    const ShadowResult deletedAgain = remove(shadow);
    QCOMPARE(deletedAgain.status, ShadowResult::Status::Rejected);
    QCOMPARE(deletedAgain.code, 404);
    QCOMPARE(deletedAgain.serviceMessage, notFound);
    QVERIFY(m_service->shadows().isEmpty());
    QCOMPARE(m_service->acceptedCount(), qint64(3));
    QCOMPARE(m_service->rejectedCount(), qint64(2));
}

void TestShadowService::delta_data()
{
    QTest::addColumn<QJsonArray>("updates");  // "state" objects, sent in order
    QTest::addColumn<QJsonObject>("expected");  // delta after the last one; empty = in sync

    QTest::newRow("missing in reported") << QJsonArray{section("desired", parse(R"({"mode":"maintenance"})"))}
                                         << parse(R"({"mode":"maintenance"})");
    QTest::newRow("nested objects keep the path")
        << QJsonArray{section("reported", parse(R"({"lights":{"color":{"r":255,"g":0,"b":255}},"on":true})")),
                      section("desired", parse(R"({"lights":{"color":{"r":255,"g":255,"b":255}},"on":true})"))}
        << parse(R"({"lights":{"color":{"g":255}}})");
    QTest::newRow("arrays compared whole")
        << QJsonArray{section("reported", parse(R"({"sequence":["RED","GREEN"]})")),
                      section("desired", parse(R"({"sequence":["RED","GREEN","BLUE"]})"))}
        << parse(R"({"sequence":["RED","GREEN","BLUE"]})");
    QTest::newRow("null removes a desired key")
        << QJsonArray{section("reported", parse(R"({"a":1})")), section("desired", parse(R"({"a":2,"b":3})")),
                      section("desired", parse(R"({"b":null})"))}
        << parse(R"({"a":2})");
    QTest::newRow("null removes a nested reported key: delta again")
        << QJsonArray{section("desired", parse(R"({"l":{"r":1,"g":2}})")),
                      section("reported", parse(R"({"l":{"r":1,"g":2}})")),
                      section("reported", parse(R"({"l":{"g":null}})"))}
        << parse(R"({"l":{"g":2}})");
    QTest::newRow("desired equals reported: no delta")
        << QJsonArray{section("reported", parse(R"({"mode":"running","t":[1,2]})")),
                      section("desired", parse(R"({"mode":"running","t":[1,2]})"))}
        << QJsonObject();
    QTest::newRow("reported catches up: no delta")
        << QJsonArray{section("desired", parse(R"({"mode":"maintenance"})")),
                      section("reported", parse(R"({"mode":"maintenance","extra":1})"))}
        << QJsonObject();
}

void TestShadowService::delta()
{
    QFETCH(QJsonArray, updates);
    QFETCH(QJsonObject, expected);
    const ShadowName shadow = ShadowName::named(nextThing("delta"), QStringLiteral("control"));
    QVERIFY2(m_client->watch(shadow), qPrintable(m_client->errorString()));
    QSignalSpy deltas(m_client.get(), &ShadowClient::deltaReceived);
    QSignalSpy documents(m_client.get(), &ShadowClient::documentsReceived);
    qsizetype deltasBefore = 0;
    for (qsizetype i = 0; i < updates.size(); ++i) {
        deltasBefore = deltas.size();
        const ShadowResult result = update(shadow, updates.at(i).toObject());
        QVERIFY2(result.isAccepted(), qPrintable(describe(result)));
    }
    // The service publishes accepted, documents, then delta; the get reply
    // comes after all of them, so a delta that exists has arrived by then.
    const ShadowResult got = get(shadow);
    QVERIFY2(got.isAccepted(), qPrintable(describe(got)));
    QCOMPARE(got.document().delta, expected);
    QCOMPARE(got.document().isInSync(), expected.isEmpty());
    QCOMPARE(documents.size(), updates.size());
    const QList<QList<QVariant>> lastDeltas = deltas.mid(deltasBefore);
    if (expected.isEmpty()) {
        QVERIFY2(lastDeltas.isEmpty(), qPrintable(QString::fromUtf8(compact(lastDeltas.value(0).value(1).toJsonObject()))));
        return;
    }
    QCOMPARE(lastDeltas.size(), 1);
    QCOMPARE(lastDeltas.at(0).at(0).value<ShadowName>(), shadow);
    const QJsonObject message = lastDeltas.at(0).at(1).toJsonObject();
    QCOMPARE(message.value(QStringLiteral("state")).toObject(), expected);
    QCOMPARE(message.value(QStringLiteral("version")).toInteger(), qint64(updates.size()));
    QVERIFY(message.contains(QStringLiteral("timestamp")));
    QCOMPARE(message.value(QStringLiteral("metadata")).toObject(), got.document().deltaMetadata);
}

void TestShadowService::versionsAndDocuments()
{
    const ShadowName shadow = ShadowName::classic(nextThing("versions"));
    QVERIFY(m_client->watch(shadow));
    QSignalSpy documents(m_client.get(), &ShadowClient::documentsReceived);
    for (int i = 1; i <= 3; ++i) {
        const ShadowResult result = update(shadow, section("reported", QJsonObject{{QStringLiteral("count"), i}}));
        QVERIFY2(result.isAccepted(), qPrintable(describe(result)));
        QCOMPARE(result.payload.value(QStringLiteral("version")).toInteger(), qint64(i));
    }
    QElapsedTimer clock;
    clock.start();
    while (documents.size() < 3 && clock.elapsed() < WaitMs) {
        documents.wait(50);
    }
    QCOMPARE(documents.size(), 3);
    const QJsonObject first = documents.at(0).at(1).toJsonObject();
    QVERIFY2(!first.contains(QStringLiteral("previous")), "a new shadow has no previous document");
    QCOMPARE(first.value(QStringLiteral("current")).toObject().value(QStringLiteral("version")).toInteger(), qint64(1));
    for (int i = 1; i < 3; ++i) {
        const QJsonObject message = documents.at(i).at(1).toJsonObject();
        const ShadowDocument previous = ShadowDocument::fromJson(message.value(QStringLiteral("previous")).toObject());
        const ShadowDocument current = ShadowDocument::fromJson(message.value(QStringLiteral("current")).toObject());
        QCOMPARE(previous.version, qint64(i));
        QCOMPARE(current.version, qint64(i + 1));
        QCOMPARE(previous.reported.value(QStringLiteral("count")).toInt(), i);
        QCOMPARE(current.reported.value(QStringLiteral("count")).toInt(), i + 1);
        QVERIFY(!current.reportedMetadata.isEmpty());
        QVERIFY(message.contains(QStringLiteral("timestamp")));
        QVERIFY(message.contains(QStringLiteral("clientToken")));
    }
}

void TestShadowService::versionConflict()
{
    const ShadowName shadow = ShadowName::named(nextThing("conflict"), QStringLiteral("control"));
    QVERIFY(update(shadow, section("desired", parse(R"({"setpoint":70})"))).isAccepted());
    QVERIFY(update(shadow, section("desired", parse(R"({"setpoint":71})"))).isAccepted());

    const ShadowResult stale = update(shadow, section("desired", parse(R"({"setpoint":90})")), 1);
    QCOMPARE(stale.status, ShadowResult::Status::Rejected);
    QCOMPARE(stale.code, 409);
    QCOMPARE(stale.serviceMessage, QStringLiteral("Version conflict"));
    QCOMPARE(stale.payload.value(QStringLiteral("clientToken")).toString(), stale.clientToken);
    QVERIFY2(stale.errorString.contains(QLatin1String("Reload")), qPrintable(stale.errorString));

    const ShadowResult unchanged = get(shadow);
    QCOMPARE(unchanged.document().version, qint64(2));
    QCOMPARE(unchanged.document().desired.value(QStringLiteral("setpoint")).toInt(), 71);

    const ShadowResult ahead = update(shadow, section("desired", parse(R"({"setpoint":90})")), 5);
    QCOMPARE(ahead.code, 409);

    const ShadowResult current = update(shadow, section("desired", parse(R"({"setpoint":90})")), 2);
    QVERIFY2(current.isAccepted(), qPrintable(describe(current)));
    QCOMPARE(current.payload.value(QStringLiteral("version")).toInteger(), qint64(3));

    // A version on a shadow that does not exist yet must be 0.
    const ShadowName fresh = ShadowName::classic(nextThing("fresh"));
    QCOMPARE(update(fresh, section("desired", parse(R"({"a":1})")), 1).code, 409);
    QVERIFY(update(fresh, section("desired", parse(R"({"a":1})")), 0).isAccepted());
}

void TestShadowService::deleteKeepsVersion()
{
    const ShadowName shadow = ShadowName::classic(nextThing("tombstone"));
    for (int i = 0; i < 3; ++i) {
        QVERIFY(update(shadow, section("reported", QJsonObject{{QStringLiteral("n"), i}})).isAccepted());
    }
    const ShadowResult deleted = remove(shadow);
    QCOMPARE(deleted.payload.value(QStringLiteral("version")).toInteger(), qint64(3));
    const ShadowResult recreated = update(shadow, section("reported", QJsonObject{{QStringLiteral("m"), 1}}));
    QVERIFY2(recreated.isAccepted(), qPrintable(describe(recreated)));
    QCOMPARE(recreated.payload.value(QStringLiteral("version")).toInteger(), qint64(4));
    const ShadowResult got = get(shadow);
    QCOMPARE(got.document().reported, parse(R"({"m":1})"));  // nothing of the deleted content
}

void TestShadowService::rejections_data()
{
    QTest::addColumn<Operation>("operation");
    QTest::addColumn<QString>("shadowName");  // empty = classic
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("message");
    QTest::addColumn<bool>("echoesToken");

    const QByteArray token = QByteArray("\"clientToken\":\"tok-1\"");
    QTest::newRow("invalid JSON") << Operation::Update << QString() << QByteArray("{\"state\": {") << 400
                                  << QStringLiteral("Invalid JSON") << false;
    QTest::newRow("missing state") << Operation::Update << QString() << QByteArray("{" + token + "}") << 400
                                   << QStringLiteral("Missing required node: state") << true;
    QTest::newRow("state not object") << Operation::Update << QString() << QByteArray("{\"state\":5," + token + "}")
                                      << 400 << QStringLiteral("State node must be an object") << true;
    QTest::newRow("desired not object") << Operation::Update << QStringLiteral("control")
                                        << QByteArray("{\"state\":{\"desired\":[]}," + token + "}") << 400
                                        << QStringLiteral("Desired node must be an object") << true;
    QTest::newRow("reported not object") << Operation::Update << QString()
                                         << QByteArray("{\"state\":{\"reported\":\"x\"}," + token + "}") << 400
                                         << QStringLiteral("Reported node must be an object") << true;
    QTest::newRow("invalid node") << Operation::Update << QString()
                                  << QByteArray("{\"state\":{\"delta\":{}}," + token + "}") << 400
                                  << QStringLiteral("State contains an invalid node") << true;
    QTest::newRow("null in array") << Operation::Update << QString()
                                   << QByteArray("{\"state\":{\"desired\":{\"c\":[null]}}," + token + "}") << 400
                                   << QStringLiteral("State contains an invalid node") << true;
    QTest::newRow("invalid version") << Operation::Update << QString()
                                     << QByteArray("{\"state\":{},\"version\":-2," + token + "}") << 400
                                     << QStringLiteral("Invalid version") << true;
    QTest::newRow("clientToken too long")
        << Operation::Update << QString()
        << QByteArray("{\"state\":{},\"clientToken\":\"" + QByteArray(65, 'k') + "\"}") << 400
        << QStringLiteral("Invalid clientToken") << false;
    QTest::newRow("too deep") << Operation::Update << QString()
                              << compact(QJsonObject{{QStringLiteral("state"), section("desired", nestedObjects(7))},
                                                     {QStringLiteral("clientToken"), QStringLiteral("tok-1")}})
                              << 400 << QStringLiteral("JSON contains too many levels of nesting; maximum is 6") << true;
    QTest::newRow("depth 6 is accepted") << Operation::Update << QString()
                                         << compact(QJsonObject{{QStringLiteral("state"), section("desired", nestedObjects(6))},
                                                                {QStringLiteral("clientToken"), QStringLiteral("tok-1")}})
                                         << 0 << QString() << true;
    QTest::newRow("too large") << Operation::Update << QString()
                               << QByteArray("{\"state\":{\"desired\":{\"k\":\"" + QByteArray(8200, 'x') + "\"}}," +
                                             token + "}")
                               << 413 << QStringLiteral("The payload exceeds the maximum size allowed") << true;
    // A payload that is not UTF-8 is not read at all, so its token is not echoed.
    QTest::newRow("not UTF-8") << Operation::Update << QString()
                               << QByteArray("{\"state\":{\"desired\":{\"a\":\"\xff\"}}," + token + "}") << 415
                               << QStringLiteral("Unsupported documented encoding; supported encoding is UTF-8")
                               << false;
    QTest::newRow("reserved shadow written") << Operation::Update << QStringLiteral("$package")
                                             << QByteArray("{\"state\":{}," + token + "}") << 403
                                             << QStringLiteral("Forbidden") << true;
    QTest::newRow("get of no shadow") << Operation::Get << QString() << QByteArray("{" + token + "}") << 404
                                      << QStringLiteral("No shadow exists with name: '%1'") << true;
    QTest::newRow("get of no named shadow, empty payload") << Operation::Get << QStringLiteral("control") << QByteArray()
                                                           << 404 << QStringLiteral("No shadow exists with name: 'control'")
                                                           << false;
    QTest::newRow("get of reserved shadow that does not exist")
        << Operation::Get << QStringLiteral("$package") << QByteArray("{" + token + "}") << 404
        << QStringLiteral("No shadow exists with name: '$package'") << true;
    QTest::newRow("delete of no shadow") << Operation::Delete << QString() << QByteArray("{" + token + "}") << 404
                                         << QStringLiteral("No shadow exists with name: '%1'") << true;
}

void TestShadowService::rejections()
{
    QFETCH(Operation, operation);
    QFETCH(QString, shadowName);
    QFETCH(QByteArray, payload);
    QFETCH(int, code);
    QFETCH(QString, message);
    QFETCH(bool, echoesToken);

    const QString thing = nextThing("reject");
    const ShadowName shadow{thing, shadowName};
    if (message.contains(QLatin1String("%1"))) {
        message = message.arg(thing);
    }
    // A raw client: ShadowClient refuses to send most of these.
    MqttSession raw;
    QString problem = connectSession(raw, *m_broker);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    MessageLog log(&raw);
    const QString rejected = ShadowTopics::topic(shadow, operation, Kind::Rejected);
    const QString accepted = ShadowTopics::topic(shadow, operation, Kind::Accepted);
    QCOMPARE(subscribeAndWait(raw, rejected), QString());
    QCOMPARE(subscribeAndWait(raw, accepted), QString());
    QVERIFY(raw.publish({ShadowTopics::topic(shadow, operation), payload, 1, false, {}}) > 0);
    if (code == 0) {
        // The row at the limit: accepted, with the token echoed.
        const std::optional<MqttMessage> reply = log.waitFor(accepted);
        QVERIFY2(reply.has_value(), qPrintable(QStringLiteral("not accepted; rejected: %1")
                                                   .arg(QString::fromUtf8(log.on(rejected).value(0).payload))));
        QCOMPARE(object(reply->payload).value(QStringLiteral("clientToken")).toString(), QStringLiteral("tok-1"));
        return;
    }
    const std::optional<MqttMessage> reply = log.waitFor(rejected);
    QVERIFY2(reply.has_value(), "no rejection");
    const QJsonObject error = object(reply->payload);
    QCOMPARE(error.value(QStringLiteral("code")).toInt(), code);
    QCOMPARE(error.value(QStringLiteral("message")).toString(), message);
    QVERIFY(error.value(QStringLiteral("timestamp")).isDouble());
    QCOMPARE(error.contains(QStringLiteral("clientToken")), echoesToken);
    if (echoesToken) {
        QCOMPARE(error.value(QStringLiteral("clientToken")).toString(), QStringLiteral("tok-1"));
    }
    QVERIFY2(log.on(accepted).isEmpty(), "a rejected request was also accepted");
    QVERIFY(m_service->shadows().isEmpty());
}

void TestShadowService::tooLargeAfterMerge()
{
    // Each request is within 8 KB; together desired and reported are not.
    const ShadowName shadow = ShadowName::classic(nextThing("large"));
    QVERIFY(update(shadow, section("desired", objectOfSize(5000))).isAccepted());
    const ShadowResult second = update(shadow, section("reported", objectOfSize(5000)));
    QCOMPARE(second.status, ShadowResult::Status::Rejected);
    QCOMPARE(second.code, 413);
    QCOMPARE(second.serviceMessage, QStringLiteral("The payload exceeds the maximum size allowed"));
    const ShadowResult got = get(shadow);
    QCOMPARE(got.document().version, qint64(1));
    QVERIFY(got.document().reported.isEmpty());
    // Exactly at the limit is fine: 5000 + 3192 bytes.
    QVERIFY(update(shadow, section("reported", objectOfSize(3192))).isAccepted());
    QCOMPARE(get(shadow).document().version, qint64(2));
}

void TestShadowService::namedAndClassicIsolated()
{
    const QString thing = nextThing("isolated");
    const ShadowName classic = ShadowName::classic(thing);
    const ShadowName control = ShadowName::named(thing, QStringLiteral("control"));
    const ShadowName telemetry = ShadowName::named(thing, QStringLiteral("telemetry"));
    // A thing whose name equals the shadow name must not meet the named shadow either.
    const ShadowName lookalike = ShadowName::classic(QStringLiteral("control"));

    QVERIFY(update(classic, section("desired", parse(R"({"who":"classic"})"))).isAccepted());
    QVERIFY(update(control, section("desired", parse(R"({"who":"control"})"))).isAccepted());
    QVERIFY(update(control, section("desired", parse(R"({"n":2})"))).isAccepted());
    QVERIFY(update(telemetry, section("reported", parse(R"({"who":"telemetry"})"))).isAccepted());

    QCOMPARE(get(classic).document().desired, parse(R"({"who":"classic"})"));
    QCOMPARE(get(classic).document().version, qint64(1));
    QCOMPARE(get(control).document().desired, parse(R"({"who":"control","n":2})"));
    QCOMPARE(get(control).document().version, qint64(2));
    QCOMPARE(get(telemetry).document().reported, parse(R"({"who":"telemetry"})"));
    QCOMPARE(get(lookalike).code, 404);

    QVERIFY(remove(control).isAccepted());
    QCOMPARE(get(control).code, 404);
    QVERIFY(get(classic).isAccepted());
    QVERIFY(get(telemetry).isAccepted());
    QCOMPARE(m_service->shadows(), (QList<ShadowName>{classic, telemetry}));
}

void TestShadowService::persistsAcrossRestart()
{
    const QString thing = nextThing("persist");
    const ShadowName classic = ShadowName::classic(thing);
    const ShadowName control = ShadowName::named(thing, QStringLiteral("control"));
    const ShadowName gone = ShadowName::named(thing, QStringLiteral("gone"));
    QVERIFY(update(classic, section("reported", parse(R"({"t":[1,2,3],"mode":"running"})"))).isAccepted());
    QVERIFY(update(classic, section("desired", parse(R"({"mode":"maintenance"})"))).isAccepted());
    QVERIFY(update(control, section("desired", parse(R"({"setpoint":{"value":70,"unit":"C"}})"))).isAccepted());
    QVERIFY(update(gone, section("desired", parse(R"({"x":1})"))).isAccepted());
    QVERIFY(update(gone, section("desired", parse(R"({"x":2})"))).isAccepted());
    QVERIFY(remove(gone).isAccepted());
    const ShadowDocument classicBefore = get(classic).document();
    const ShadowDocument controlBefore = get(control).document();

    // Restart: a new service on the same file.
    const QString file = m_service->databaseFile();
    m_service.reset();
    QVERIFY2(QFile::exists(file), qPrintable(file));
    QVERIFY2(m_serviceErrors->isEmpty(), qPrintable(m_serviceErrors->value(0).value(0).toString()));
    m_service = std::make_unique<ShadowService>(m_serviceSession.get());
    m_serviceErrors = std::make_unique<QSignalSpy>(m_service.get(), &ShadowService::errorOccurred);
    QVERIFY(startService(*m_service, file));
    QCOMPARE(m_service->shadows(), (QList<ShadowName>{classic, control}));

    const ShadowDocument classicAfter = get(classic).document();
    QCOMPARE(classicAfter.desired, classicBefore.desired);
    QCOMPARE(classicAfter.reported, classicBefore.reported);
    QCOMPARE(classicAfter.delta, parse(R"({"mode":"maintenance"})"));
    QCOMPARE(classicAfter.desiredMetadata, classicBefore.desiredMetadata);
    QCOMPARE(classicAfter.reportedMetadata, classicBefore.reportedMetadata);
    QCOMPARE(classicAfter.version, qint64(2));
    const ShadowDocument controlAfter = get(control).document();
    QCOMPARE(controlAfter.desired, controlBefore.desired);
    QCOMPARE(controlAfter.version, qint64(1));
    QCOMPARE(get(gone).code, 404);

    // Versions continue, also for the deleted shadow.
    QCOMPARE(update(classic, section("reported", parse(R"({"mode":"maintenance"})"))).payload
                 .value(QStringLiteral("version")).toInteger(),
             qint64(3));
    QCOMPARE(update(gone, section("desired", parse(R"({"x":3})"))).payload.value(QStringLiteral("version")).toInteger(),
             qint64(3));
    QVERIFY(get(classic).document().isInSync());
}

void TestShadowService::ignoresReplies()
{
    const ShadowName shadow = ShadowName::classic(nextThing("replies"));
    MqttSession raw;
    QString problem = connectSession(raw, *m_broker);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QSignalSpy handled(m_service.get(), &ShadowService::requestHandled);
    // Messages on reply topics, even ones that look like requests, get no answer.
    const QByteArray request("{\"state\":{\"desired\":{\"a\":1}},\"clientToken\":\"x\"}");
    for (Kind kind : {Kind::Accepted, Kind::Rejected, Kind::Delta, Kind::Documents}) {
        QVERIFY(raw.publish({ShadowTopics::topic(shadow, Operation::Update, kind), request, 1, false, {}}) > 0);
    }
    QVERIFY(raw.publish({ShadowTopics::topic(shadow, Operation::Get, Kind::Accepted), request, 1, false, {}}) > 0);
    // A real request after them: by the time it is answered, the others were seen.
    const ShadowResult got = get(shadow);
    QCOMPARE(got.code, 404);
    QCOMPARE(handled.size(), 1);
    QCOMPARE(handled.at(0).at(2).toInt(), 404);
    QVERIFY(m_service->shadows().isEmpty());
}

void TestShadowService::ignoresRetainedRequests()
{
    const ShadowName shadow = ShadowName::classic(nextThing("retained"));
    MqttSession raw;
    QString problem = connectSession(raw, *m_broker);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    const QString topic = ShadowTopics::topic(shadow, Operation::Update);
    QVERIFY(raw.publish({topic, QByteArray("{\"state\":{\"desired\":{\"a\":1}}}"), 1, true, {}}) > 0);
    // The live retained publish is delivered without the retain flag and is
    // applied; a restarted service receives it as retained and ignores it.
    QElapsedTimer applied;
    applied.start();
    while (!m_service->document(shadow) && applied.elapsed() < WaitMs) {
        QTest::qWait(20);
    }
    QVERIFY2(get(shadow).isAccepted(), "the live request was not applied");
    const QString file = m_service->databaseFile();
    m_service.reset();
    m_service = std::make_unique<ShadowService>(m_serviceSession.get());
    QSignalSpy errors(m_service.get(), &ShadowService::errorOccurred);
    QVERIFY(startService(*m_service, file));
    QElapsedTimer clock;
    clock.start();
    while (errors.isEmpty() && clock.elapsed() < WaitMs) {
        errors.wait(50);
    }
    QVERIFY2(!errors.isEmpty(), "retained request not reported");
    QVERIFY2(errors.at(0).at(0).toString().contains(topic), qPrintable(errors.at(0).at(0).toString()));
    QCOMPARE(get(shadow).document().version, qint64(1));
    QVERIFY(raw.publish({topic, QByteArray(), 1, true, {}}) > 0);  // clear the retained message
}

void TestShadowService::unusableDatabaseFails()
{
    // The "folder" of the database is a file.
    const QString blocker = m_dir->filePath(QStringLiteral("not-a-folder"));
    QFile file(blocker);
    QVERIFY2(file.open(QIODevice::WriteOnly), qPrintable(file.errorString()));
    file.close();
    ShadowService service(m_serviceSession.get());
    QSignalSpy errors(&service, &ShadowService::errorOccurred);
    QVERIFY(service.start(blocker + QStringLiteral("/shadows.db")));
    QCOMPARE(service.state(), ShadowService::State::Loading);
    QVERIFY2(errors.wait(WaitMs), "no error for an unusable database path");
    QCOMPARE(service.state(), ShadowService::State::Failed);
    QVERIFY2(service.errorString().contains(QDir::toNativeSeparators(blocker)), qPrintable(service.errorString()));
    QVERIFY(!service.start(QString()));
    QVERIFY2(service.errorString().startsWith(QLatin1String("Database file:")), qPrintable(service.errorString()));
}

void TestShadowService::startsOnceTheSessionConnects()
{
    MqttSession later;
    ShadowService service(&later);
    QSignalSpy started(&service, &ShadowService::started);
    QSignalSpy states(&service, &ShadowService::stateChanged);
    QVERIFY(service.start(m_dir->filePath(QStringLiteral("later.db"))));
    QVERIFY2(!service.start(m_dir->filePath(QStringLiteral("other.db"))), "a second start() was accepted");
    QVERIFY2(service.errorString().contains(QLatin1String("already running")), qPrintable(service.errorString()));
    // Loading finishes, but without a connection there is no SUBACK yet.
    QTest::qWait(300);
    QVERIFY(started.isEmpty());
    QCOMPARE(service.state(), ShadowService::State::Loading);
    const QString problem = connectSession(later, *m_broker);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QVERIFY2(started.size() == 1 || started.wait(WaitMs), "not started after the session connected");
    QCOMPARE(service.state(), ShadowService::State::Running);
    QCOMPARE(states.last().at(0).value<ShadowService::State>(), ShadowService::State::Running);

    // It answers like the other one, and stop() ends that.
    const ShadowName shadow = ShadowName::classic(nextThing("later"));
    QVERIFY(update(shadow, section("reported", parse(R"({"a":1})"))).isAccepted());
    QVERIFY(service.document(shadow).has_value());
    service.stop();
    QCOMPARE(service.state(), ShadowService::State::Stopped);
}

QTEST_GUILESS_MAIN(TestShadowService)
#include "tst_shadow_service.moc"
