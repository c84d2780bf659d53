#include "mqtt/mqtt_session.h"

#include "keychain_test_util.h"
#include "test_broker.h"
#include "test_tls_pki.h"
#include "vault/certificate_importer.h"
#include "vault/certificate_vault.h"
#include "vault/certificate_vault_job.h"
#include "vault_test_util.h"

#include <QHash>
#include <QMetaEnum>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace KeychainTestUtil;
using namespace VaultTestUtil;
using State = MqttSession::State;
using Error = MqttSession::Error;
using V = ConnectionSettings::ProtocolVersion;

namespace {

constexpr int WaitMs = 20000;
constexpr qint64 Day = 24 * 3600;

QString stateHistory(const QSignalSpy &spy)
{
    QStringList states;
    for (const QList<QVariant> &arguments : spy) {
        states.append(QString::fromLatin1(
            QMetaEnum::fromType<State>().valueToKey(int(arguments.first().value<State>()))));
    }
    return states.join(QLatin1String(" -> "));
}

bool sawState(const QSignalSpy &spy, State state)
{
    for (const QList<QVariant> &arguments : spy) {
        if (arguments.first().value<State>() == state) {
            return true;
        }
    }
    return false;
}

QString describe(const MqttSession &session)
{
    return QStringLiteral("state %1, error %2: %3")
        .arg(QString::fromLatin1(QMetaEnum::fromType<State>().valueToKey(int(session.state()))),
             QString::fromLatin1(QMetaEnum::fromType<Error>().valueToKey(int(session.error()))),
             session.errorString());
}

} // namespace

Q_DECLARE_METATYPE(ConnectionSettings::ProtocolVersion)

class TestMutualTls : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void connectWithIdentity_data();
    void connectWithIdentity();
    void rotationConfirmedAfterConnect();
    void failedReplacementKeepsTheOldOne();
    void alpnOffered();

private:
    ConnectionSettings tlsSettings(const QString &identity) const;
    QString addIdentity(const QString &label, const QStringList &certificates, const QString &key,
                        const QDateTime &importTime = QDateTime::currentDateTimeUtc());

    QTemporaryDir m_dir;
    QTemporaryDir m_config;
    std::unique_ptr<TestTlsPki> m_pki;
    std::unique_ptr<TestBroker> m_broker;
    std::unique_ptr<CertificateVault> m_vault;
    QHash<QString, QString> m_ids;   // label -> vault id
    QStringList m_keys;
    int m_tlsPort = 0;
};

QString TestMutualTls::addIdentity(const QString &label, const QStringList &certificates, const QString &key,
                                   const QDateTime &importTime)
{
    const QString certificateFile = m_pki->writeCertificatesPem(label + QStringLiteral(".crt"), certificates);
    const QString keyFile = m_pki->writeKey(label + QStringLiteral(".key"), key, TestPki::KeyFormat::Pkcs8Pem);
    if (certificateFile.isEmpty() || keyFile.isEmpty()) {
        return QStringLiteral("files for %1: %2").arg(label, m_pki->error());
    }
    // importTime lets an expired certificate in, as if imported while it was valid.
    CertificateImporter::Result imported = CertificateImporter::importFiles({certificateFile, keyFile}, {}, importTime);
    if (!imported.isOk()) {
        return QStringLiteral("import of %1: %2").arg(label, imported.errorString);
    }
    CertificateInfo info = imported.info;
    info.name = label;
    const JobResult stored = wait(m_vault->store(imported.identity, info));
    imported.identity.wipe();
    if (!stored.ok()) {
        return QStringLiteral("store of %1: %2").arg(label, stored.describe());
    }
    m_ids.insert(label, stored.info.id);
    m_keys.append(key);
    return {};
}

void TestMutualTls::initTestCase()
{
    QVERIFY2(runsOnThrowawayKeyring(),
             "This test writes to the OS keychain. Run it through ctest or tests/support/with-keyring.sh.");
    QVERIFY2(m_dir.isValid() && m_config.isValid(), "no temporary folder");
    m_pki = std::make_unique<TestTlsPki>(m_dir.path());
    TestTlsPki &pki = *m_pki;
    QVERIFY2(pki.isValid(), qPrintable(pki.error()));
    m_vault = std::make_unique<CertificateVault>(
        m_config.filePath(QStringLiteral("certificates.ini")),
        QStringLiteral("LineScopeTest-%1").arg(QUuid::createUuid().toString(QUuid::WithoutBraces)));

    TestPki::CertificateSpec otherCa;
    otherCa.commonName = QStringLiteral("Some Other CA");
    otherCa.ca = true;
    TestPki::CertificateSpec stranger;
    stranger.commonName = QStringLiteral("stranger");
    QVERIFY2(pki.makeKey(QStringLiteral("otherCaKey"), TestPki::KeyType::EcP256)
                 && pki.makeCertificate(QStringLiteral("otherCa"), QStringLiteral("otherCaKey"), {}, otherCa)
                 && !pki.writeCertificatesPem(QStringLiteral("other-ca.crt"), {QStringLiteral("otherCa")}).isEmpty()
                 && pki.makeKey(QStringLiteral("stranger-key"), TestPki::KeyType::EcP256)
                 && pki.makeCertificate(QStringLiteral("stranger"), QStringLiteral("stranger-key"), QStringLiteral("otherCa"),
                                        stranger),
             qPrintable(pki.error()));
    QVERIFY2(pki.addClient(QStringLiteral("press-1")) && pki.addClient(QStringLiteral("press-2"))
                 && pki.addClient(QStringLiteral("press-3")) && pki.addClient(QStringLiteral("expired"), -30 * Day, -Day),
             qPrintable(pki.error()));

    QString error = addIdentity(QStringLiteral("valid"), {QStringLiteral("press-1")}, QStringLiteral("press-1-key"));
    QVERIFY2(error.isEmpty(), qPrintable(error));
    error = addIdentity(QStringLiteral("valid with CA"), {QStringLiteral("press-2"), QStringLiteral("ca")},
                        QStringLiteral("press-2-key"));
    QVERIFY2(error.isEmpty(), qPrintable(error));
    error = addIdentity(QStringLiteral("replacement"), {QStringLiteral("press-3")}, QStringLiteral("press-3-key"));
    QVERIFY2(error.isEmpty(), qPrintable(error));
    error = addIdentity(QStringLiteral("expired"), {QStringLiteral("expired")}, QStringLiteral("expired-key"),
                        QDateTime::currentDateTimeUtc().addDays(-10));
    QVERIFY2(error.isEmpty(), qPrintable(error));
    error = addIdentity(QStringLiteral("stranger"), {QStringLiteral("stranger")}, QStringLiteral("stranger-key"));
    QVERIFY2(error.isEmpty(), qPrintable(error));

    m_broker = std::make_unique<TestBroker>();
    m_broker->setTlsListener(pki.listener());
    QVERIFY2(m_broker->start(&error), qPrintable(error));
    m_tlsPort = m_broker->tlsPort();
}

void TestMutualTls::cleanupTestCase()
{
    m_broker.reset();
    if (m_vault) {
        for (const QString &id : std::as_const(m_ids)) {
            if (m_vault->certificate(id)) {
                wait(m_vault->remove(id));
            }
        }
    }
    if (!m_pki) {
        return;
    }
    QList<QByteArray> needles;
    for (const QString &key : std::as_const(m_keys)) {
        needles += m_pki->keyNeedles(key);
    }
    QStringList folders = lineScopeFolders();
    folders.append(m_config.path());
    const QStringList leaks = filesWithKeyMaterial(folders, needles);
    QVERIFY2(leaks.isEmpty(), qPrintable(QStringLiteral("key material in: ") + leaks.join(QLatin1String(", "))));
}

ConnectionSettings TestMutualTls::tlsSettings(const QString &identity) const
{
    ConnectionSettings settings;
    settings.host = m_broker->host();
    settings.port = m_tlsPort;
    settings.protocolVersion = V::V5;
    settings.reconnectMinDelayMs = 200;
    settings.reconnectMaxDelayMs = 1000;
    settings.tls.enabled = true;
    settings.tls.caFile = m_pki->path(QStringLiteral("ca.crt"));
    settings.tls.clientIdentityId = m_ids.value(identity, identity);
    return settings;
}

void TestMutualTls::connectWithIdentity_data()
{
    QTest::addColumn<QString>("identity");      // label of a vault identity, an unknown id, or ""
    QTest::addColumn<QString>("memoryPem");     // name of a client certificate given as PEM in memory, or ""
    QTest::addColumn<QString>("memoryKey");     // its key
    QTest::addColumn<QString>("ca");            // "file", "other file", "memory", "none"
    QTest::addColumn<V>("version");
    QTest::addColumn<State>("expectedState");
    QTest::addColumn<Error>("expectedError");
    QTest::addColumn<QStringList>("words");

    const QString file = QStringLiteral("file");
    QTest::newRow("vault identity") << QStringLiteral("valid") << QString() << QString() << file << V::V5
                                    << State::Connected << Error::NoError << QStringList();
    QTest::newRow("vault identity, MQTT 3.1.1") << QStringLiteral("valid") << QString() << QString() << file
                                                << V::V311 << State::Connected << Error::NoError << QStringList();
    QTest::newRow("CA imported with the identity")
        << QStringLiteral("valid with CA") << QString() << QString() << QStringLiteral("none") << V::V5
        << State::Connected << Error::NoError << QStringList();
    QTest::newRow("CA as PEM in memory") << QStringLiteral("valid") << QString() << QString()
                                         << QStringLiteral("memory") << V::V5 << State::Connected << Error::NoError
                                         << QStringList();
    QTest::newRow("PEM in memory, no vault")
        << QString() << QStringLiteral("press-1") << QStringLiteral("press-1-key") << file << V::V5
        << State::Connected << Error::NoError << QStringList();
    QTest::newRow("expired identity")
        << QStringLiteral("expired") << QString() << QString() << file << V::V5 << State::Failed << Error::TlsError
        << QStringList{QStringLiteral("rejected the client certificate"), QStringLiteral("expired")};
    QTest::newRow("identity from an untrusted CA")
        << QStringLiteral("stranger") << QString() << QString() << file << V::V5 << State::Failed << Error::TlsError
        << QStringList{QStringLiteral("client certificate"), QStringLiteral("does not trust")};
    QTest::newRow("no client certificate")
        << QString() << QString() << QString() << file << V::V311 << State::Failed << Error::TlsError
        << QStringList{QStringLiteral("requires a client certificate")};
    QTest::newRow("identity not in the vault")
        << QStringLiteral("0123456789abcdef") << QString() << QString() << file << V::V5 << State::Failed
        << Error::TlsError << QStringList{QStringLiteral("could not be loaded"), QStringLiteral("0123456789abcdef")};
    QTest::newRow("key of another certificate")
        << QString() << QStringLiteral("press-1") << QStringLiteral("press-2-key") << file << V::V5 << State::Failed
        << Error::TlsError << QStringList{QStringLiteral("does not belong to the client certificate")};
    QTest::newRow("broker certificate from an unknown CA")
        << QStringLiteral("valid") << QString() << QString() << QStringLiteral("other file") << V::V5
        << State::Failed << Error::TlsError << QStringList{QStringLiteral("unknown CA")};
}

void TestMutualTls::connectWithIdentity()
{
    QFETCH(QString, identity);
    QFETCH(QString, memoryPem);
    QFETCH(QString, memoryKey);
    QFETCH(QString, ca);
    QFETCH(V, version);
    QFETCH(State, expectedState);
    QFETCH(Error, expectedError);
    QFETCH(QStringList, words);

    ConnectionSettings settings = tlsSettings(identity);
    settings.protocolVersion = version;
    if (!memoryPem.isEmpty()) {
        settings.tls.clientCertificatePem = m_pki->certificatePem(memoryPem);
        settings.tls.clientKeyPem = m_pki->keyPem(memoryKey);
    }
    if (ca == QLatin1String("other file")) {
        settings.tls.caFile = m_pki->path(QStringLiteral("other-ca.crt"));
    } else if (ca == QLatin1String("memory")) {
        settings.tls.caFile.clear();
        settings.tls.caCertificatesPem = m_pki->certificatePem(QStringLiteral("ca"));
    } else if (ca == QLatin1String("none")) {
        settings.tls.caFile.clear();
    }

    MqttSession session;
    session.setCertificateVault(m_vault.get());
    QSignalSpy states(&session, &MqttSession::stateChanged);
    QStringList errors;
    QObject::connect(&session, &MqttSession::errorOccurred, &session,
                     [&errors](MqttSession::Error, const QString &message) { errors.append(message); });
    session.setSettings(settings);
    session.connectToBroker();
    QCOMPARE(states.count(), 0);   // reported asynchronously, also while the vault is read
    QVERIFY2(QTest::qWaitFor([&] { return sawState(states, expectedState); }, WaitMs),
             qPrintable(stateHistory(states) + QLatin1String(": ") + describe(session) + QLatin1Char('\n')
                        + m_broker->logText().right(2000)));
    QVERIFY2(session.error() == expectedError, qPrintable(describe(session)));
    for (const QString &word : std::as_const(words)) {
        QVERIFY2(session.errorString().contains(word, Qt::CaseInsensitive),
                 qPrintable(QStringLiteral("\"%1\" missing in: %2").arg(word, session.errorString())));
    }
    // The settings the caller set keep no key: it lives only in the session's connection.
    if (memoryPem.isEmpty()) {
        QVERIFY(session.settings().tls.clientKeyPem.isEmpty());
    }
    if (expectedState != State::Connected) {
        QVERIFY2(!sawState(states, State::WaitingToReconnect),
                 qPrintable(stateHistory(states) + QLatin1String(": ") + errors.join(QLatin1String(" | "))));
        return;
    }

    QList<MqttMessage> received;
    QObject::connect(&session, &MqttSession::messagesReceived, &session,
                     [&](const QList<MqttMessage> &messages) { received += messages; });
    QSignalSpy subacks(&session, &MqttSession::subscribed);
    MqttSubscription subscription;
    subscription.filter = QStringLiteral("mtls/#");
    subscription.qos = 1;
    QVERIFY(session.subscribe(subscription));
    QVERIFY2(subacks.wait(WaitMs), qPrintable(describe(session)));
    MqttPublishRequest request;
    request.topic = QStringLiteral("mtls/press-1");
    request.payload = "authenticated by certificate";
    request.qos = 1;
    QVERIFY2(session.publish(request) > 0, qPrintable(session.errorString()));
    QVERIFY2(QTest::qWaitFor([&] { return !received.isEmpty(); }, WaitMs), qPrintable(describe(session)));
    QCOMPARE(received.constFirst().payload, request.payload);
}

void TestMutualTls::rotationConfirmedAfterConnect()
{
    const QString oldId = m_ids.value(QStringLiteral("expired"));
    const QString newId = m_ids.value(QStringLiteral("replacement"));
    QString error;
    QVERIFY2(m_vault->setPendingReplacement(oldId, newId, &error), qPrintable(error));

    MqttSession session;
    session.setCertificateVault(m_vault.get());
    QSignalSpy states(&session, &MqttSession::stateChanged);
    session.setSettings(tlsSettings(QStringLiteral("expired")));
    session.connectToBroker();
    QVERIFY2(QTest::qWaitFor([&] { return sawState(states, State::Connected); }, WaitMs),
             qPrintable(stateHistory(states) + QLatin1String(": ") + describe(session)));
    // The first successful connection retires the old certificate.
    QVERIFY2(QTest::qWaitFor([&] { return !m_vault->certificate(oldId) || m_vault->resolvedId(oldId) == newId; },
                             WaitMs),
             "the replacement was not confirmed");
    QCOMPARE(m_vault->resolvedId(oldId), newId);
    QVERIFY(m_vault->pendingReplacement(oldId).isEmpty());
    for (const CertificateInfo &info : m_vault->certificates()) {
        QVERIFY2(info.id != oldId, "the replaced identity is still listed");
    }
    // A profile that still names the old id connects with the new certificate.
    MqttSession again;
    again.setCertificateVault(m_vault.get());
    QSignalSpy againStates(&again, &MqttSession::stateChanged);
    ConnectionSettings settings = tlsSettings(QStringLiteral("expired"));
    settings.tls.clientIdentityId = oldId;
    again.setSettings(settings);
    again.connectToBroker();
    QVERIFY2(QTest::qWaitFor([&] { return sawState(againStates, State::Connected); }, WaitMs),
             qPrintable(stateHistory(againStates) + QLatin1String(": ") + describe(again)));
}

void TestMutualTls::failedReplacementKeepsTheOldOne()
{
    const QString oldId = m_ids.value(QStringLiteral("valid"));
    const QString newId = m_ids.value(QStringLiteral("stranger"));
    QString error;
    QVERIFY2(m_vault->setPendingReplacement(oldId, newId, &error), qPrintable(error));

    MqttSession session;
    session.setCertificateVault(m_vault.get());
    QSignalSpy states(&session, &MqttSession::stateChanged);
    session.setSettings(tlsSettings(QStringLiteral("valid")));
    session.connectToBroker();
    QVERIFY2(QTest::qWaitFor([&] { return sawState(states, State::Failed); }, WaitMs),
             qPrintable(stateHistory(states) + QLatin1String(": ") + describe(session)));
    QVERIFY2(session.errorString().contains(QLatin1String("does not trust")), qPrintable(session.errorString()));
    QTest::qWait(200);
    QVERIFY(m_vault->certificate(oldId));
    QCOMPARE(m_vault->resolvedId(oldId), oldId);
    QCOMPARE(m_vault->pendingReplacement(oldId), newId);

    // Back to the old certificate.
    QVERIFY(m_vault->cancelReplacement(oldId));
    states.clear();
    session.connectToBroker();
    QVERIFY2(QTest::qWaitFor([&] { return sawState(states, State::Connected); }, WaitMs),
             qPrintable(stateHistory(states) + QLatin1String(": ") + describe(session)));
}

// mosquitto does not negotiate ALPN, so "openssl s_server" shows what the
// client offered.
void TestMutualTls::alpnOffered()
{
    const int port = TestBroker::freePort();
    QVERIFY(port > 0);
    QProcess server;
    server.setProcessChannelMode(QProcess::MergedChannels);
    server.start(QStringLiteral("openssl"),
                 {QStringLiteral("s_server"), QStringLiteral("-accept"), QStringLiteral("127.0.0.1:%1").arg(port),
                  QStringLiteral("-cert"), m_pki->path(QStringLiteral("server.crt")), QStringLiteral("-key"),
                  m_pki->path(QStringLiteral("server.key")), QStringLiteral("-alpn"), QStringLiteral("x-amzn-mqtt-ca")});
    if (!server.waitForStarted(WaitMs)) {
        QSKIP("the openssl tool is not available");
    }
    QByteArray output;
    // s_server prints ACCEPT once it listens; a probe connection would use up its handshake.
    QVERIFY2(QTest::qWaitFor(
                 [&] {
                     output += server.readAll();
                     return output.contains("ACCEPT") || server.state() == QProcess::NotRunning;
                 },
                 WaitMs),
             output.constData());
    QVERIFY2(server.state() == QProcess::Running, output.constData());

    MqttSession session;
    ConnectionSettings settings = tlsSettings(QString());
    settings.tls.clientIdentityId.clear();
    settings.port = port;
    settings.tls.alpnProtocols = {QStringLiteral("x-amzn-mqtt-ca")};
    settings.autoReconnect = false;
    session.setSettings(settings);
    session.connectToBroker();
    const bool seen = QTest::qWaitFor(
        [&] {
            output += server.readAll();
            return output.contains("ALPN protocols advertised by the client: x-amzn-mqtt-ca");
        },
        WaitMs);
    server.kill();
    server.waitForFinished(5000);
    QVERIFY2(seen, output.constData());
}

QTEST_GUILESS_MAIN(TestMutualTls)
#include "tst_mutual_tls.moc"
