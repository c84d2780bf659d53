#include "mqtt/connection_settings.h"

#include <QTest>

#include <functional>

Q_DECLARE_METATYPE(ConnectionSettings)

class TestConnectionSettings : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void validate_data();
    void validate();
};

namespace {

ConnectionSettings with(const std::function<void(ConnectionSettings &)> &change)
{
    ConnectionSettings s;
    change(s);
    return s;
}

using V = ConnectionSettings::ProtocolVersion;

} // namespace

void TestConnectionSettings::validate_data()
{
    QTest::addColumn<ConnectionSettings>("settings");
    // Empty: valid. Otherwise the field name the message must start with.
    QTest::addColumn<QString>("field");

    QTest::newRow("defaults") << ConnectionSettings() << QString();
    QTest::newRow("ipv6 host") << with([](auto &s) { s.host = QStringLiteral("::1"); }) << QString();
    QTest::newRow("empty host") << with([](auto &s) { s.host.clear(); }) << QStringLiteral("Host");
    QTest::newRow("blank host") << with([](auto &s) { s.host = QStringLiteral("   "); }) << QStringLiteral("Host");
    QTest::newRow("host with space") << with([](auto &s) { s.host = QStringLiteral("my broker"); })
                                     << QStringLiteral("Host");
    QTest::newRow("url as host") << with([](auto &s) { s.host = QStringLiteral("mqtt://broker"); })
                                 << QStringLiteral("Host");
    QTest::newRow("port 0") << with([](auto &s) { s.port = 0; }) << QStringLiteral("Port");
    QTest::newRow("port 1") << with([](auto &s) { s.port = 1; }) << QString();
    QTest::newRow("port 65535") << with([](auto &s) { s.port = 65535; }) << QString();
    QTest::newRow("port 65536") << with([](auto &s) { s.port = 65536; }) << QStringLiteral("Port");
    QTest::newRow("port negative") << with([](auto &s) { s.port = -1883; }) << QStringLiteral("Port");
    QTest::newRow("keep-alive off") << with([](auto &s) { s.keepAliveSeconds = 0; }) << QString();
    QTest::newRow("keep-alive 4") << with([](auto &s) { s.keepAliveSeconds = 4; }) << QStringLiteral("Keep-alive");
    QTest::newRow("keep-alive 5") << with([](auto &s) { s.keepAliveSeconds = 5; }) << QString();
    QTest::newRow("keep-alive 65535") << with([](auto &s) { s.keepAliveSeconds = 65535; }) << QString();
    QTest::newRow("keep-alive 65536") << with([](auto &s) { s.keepAliveSeconds = 65536; })
                                      << QStringLiteral("Keep-alive");
    QTest::newRow("keep-alive negative") << with([](auto &s) { s.keepAliveSeconds = -1; })
                                         << QStringLiteral("Keep-alive");
    QTest::newRow("long client id") << with([](auto &s) { s.clientId = QString(100, QLatin1Char('x')); })
                                    << QString();
    QTest::newRow("client id too long") << with([](auto &s) { s.clientId = QString(65536, QLatin1Char('x')); })
                                        << QStringLiteral("Client id");
    QTest::newRow("3.1.1 persistent without id") << with([](auto &s) {
        s.protocolVersion = V::V311;
        s.cleanSession = false;
    }) << QStringLiteral("Client id");
    QTest::newRow("3.1.1 persistent with id") << with([](auto &s) {
        s.protocolVersion = V::V311;
        s.cleanSession = false;
        s.clientId = QStringLiteral("plc-7");
    }) << QString();
    QTest::newRow("5 clean start off without id") << with([](auto &s) { s.cleanSession = false; }) << QString();
    QTest::newRow("3.1.1 password without user") << with([](auto &s) {
        s.protocolVersion = V::V311;
        s.password = QStringLiteral("secret");
    }) << QStringLiteral("Password");
    QTest::newRow("5 password without user") << with([](auto &s) { s.password = QStringLiteral("secret"); })
                                             << QString();
    QTest::newRow("user and password") << with([](auto &s) {
        s.username = QStringLiteral("operator");
        s.password = QStringLiteral("secret");
    }) << QString();
    QTest::newRow("3.1.1 session expiry") << with([](auto &s) {
        s.protocolVersion = V::V311;
        s.sessionExpirySeconds = 60;
    }) << QStringLiteral("Session expiry");
    QTest::newRow("5 session expiry") << with([](auto &s) { s.sessionExpirySeconds = 60; }) << QString();
    QTest::newRow("will ok") << with([](auto &s) {
        s.will.enabled = true;
        s.will.topic = QStringLiteral("factory/line-3/status");
        s.will.payload = "offline";
        s.will.qos = 1;
    }) << QString();
    QTest::newRow("will empty topic") << with([](auto &s) { s.will.enabled = true; }) << QStringLiteral("Will topic");
    QTest::newRow("will wildcard topic") << with([](auto &s) {
        s.will.enabled = true;
        s.will.topic = QStringLiteral("factory/+/status");
    }) << QStringLiteral("Will topic");
    QTest::newRow("will qos 3") << with([](auto &s) {
        s.will.enabled = true;
        s.will.topic = QStringLiteral("a");
        s.will.qos = 3;
    }) << QStringLiteral("Will QoS");
    QTest::newRow("will payload too large") << with([](auto &s) {
        s.will.enabled = true;
        s.will.topic = QStringLiteral("a");
        s.will.payload = QByteArray(65536, 'x');
    }) << QStringLiteral("Will payload");
    QTest::newRow("disabled will is not checked") << with([](auto &s) {
        s.will.topic = QStringLiteral("#");
        s.will.qos = 7;
    }) << QString();
    QTest::newRow("tls server name = host") << with([](auto &s) {
        s.tls.enabled = true;
        s.tls.serverName = s.host;
    }) << QString();
    QTest::newRow("tls other server name") << with([](auto &s) {
        s.tls.enabled = true;
        s.tls.serverName = QStringLiteral("broker.example.com");
    }) << QStringLiteral("TLS server name");
    QTest::newRow("client certificate from the vault") << with([](auto &s) {
        s.tls.enabled = true;
        s.tls.clientIdentityId = QStringLiteral("0123456789abcdef");
    }) << QString();
    QTest::newRow("client certificate in memory") << with([](auto &s) {
        s.tls.enabled = true;
        s.tls.clientCertificatePem = "-----BEGIN CERTIFICATE-----";
        s.tls.clientKeyPem = "-----BEGIN PRIV" "ATE KEY-----";
    }) << QString();
    QTest::newRow("client certificate without TLS") << with([](auto &s) {
        s.tls.clientIdentityId = QStringLiteral("0123456789abcdef");
    }) << QStringLiteral("Client certificate");
    QTest::newRow("client PEM without TLS") << with([](auto &s) {
        s.tls.clientCertificatePem = "-----BEGIN CERTIFICATE-----";
        s.tls.clientKeyPem = "-----BEGIN PRIV" "ATE KEY-----";
    }) << QStringLiteral("Client certificate");
    QTest::newRow("client certificate without key") << with([](auto &s) {
        s.tls.enabled = true;
        s.tls.clientCertificatePem = "-----BEGIN CERTIFICATE-----";
    }) << QStringLiteral("Client certificate");
    QTest::newRow("key without client certificate") << with([](auto &s) {
        s.tls.enabled = true;
        s.tls.clientKeyPem = "-----BEGIN PRIV" "ATE KEY-----";
    }) << QStringLiteral("Client certificate");
    QTest::newRow("ALPN for AWS IoT on 443") << with([](auto &s) {
        s.tls.enabled = true;
        s.port = 443;
        s.tls.alpnProtocols = {QStringLiteral("x-amzn-mqtt-ca")};
    }) << QString();
    QTest::newRow("empty ALPN protocol") << with([](auto &s) {
        s.tls.enabled = true;
        s.tls.alpnProtocols = {QString()};
    }) << QStringLiteral("ALPN protocol");
    QTest::newRow("ALPN protocol too long") << with([](auto &s) {
        s.tls.enabled = true;
        s.tls.alpnProtocols = {QString(256, QLatin1Char('a'))};
    }) << QStringLiteral("ALPN protocol");
    QTest::newRow("reconnect delay 0") << with([](auto &s) { s.reconnectMinDelayMs = 0; })
                                       << QStringLiteral("Reconnect delay");
    QTest::newRow("reconnect max < min") << with([](auto &s) {
        s.reconnectMinDelayMs = 5000;
        s.reconnectMaxDelayMs = 1000;
    }) << QStringLiteral("Reconnect delay");
    QTest::newRow("reconnect delays ignored when off") << with([](auto &s) {
        s.autoReconnect = false;
        s.reconnectMinDelayMs = 0;
    }) << QString();
}

void TestConnectionSettings::validate()
{
    QFETCH(ConnectionSettings, settings);
    QFETCH(QString, field);

    const QString message = settings.validate();
    if (field.isEmpty()) {
        QVERIFY2(message.isEmpty(), qPrintable(QStringLiteral("unexpected error: ") + message));
        return;
    }
    QVERIFY2(message.startsWith(field + QLatin1Char(':')),
             qPrintable(QStringLiteral("expected a message about \"%1\", got: \"%2\"").arg(field, message)));
    // Says more than the field name: what is wrong or what is allowed.
    QVERIFY2(message.size() > field.size() + 20, qPrintable(message));
}

QTEST_GUILESS_MAIN(TestConnectionSettings)
#include "tst_connection_settings.moc"
