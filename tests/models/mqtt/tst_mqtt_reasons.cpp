#include "mqtt/mqtt_reasons.h"

#include <QTest>

#include <cerrno>
#include <mosquitto.h>
#include <mqtt_protocol.h>
#include <openssl/ssl.h>
#include <openssl/x509_vfy.h>

// MqttReasons is private to models/mqtt, but it is the single place where
// codes become words, so it is tested directly.
class TestMqttReasons : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void describe_data();
    void describe();
    void everyLibraryCodeHasWords();
    void tlsHandshake_data();
    void tlsHandshake();
};

Q_DECLARE_METATYPE(MqttReasons::Source)

namespace {

using Source = MqttReasons::Source;
using Error = MqttSession::Error;

} // namespace

void TestMqttReasons::describe_data()
{
    QTest::addColumn<Source>("source");
    QTest::addColumn<int>("code");
    QTest::addColumn<bool>("mqtt5");
    QTest::addColumn<bool>("hasCredentials");
    QTest::addColumn<int>("systemError");
    QTest::addColumn<Error>("error");
    QTest::addColumn<bool>("retryable");
    QTest::addColumn<QString>("words");  // must appear in the text

    QTest::newRow("success") << Source::Library << int(MOSQ_ERR_SUCCESS) << true << false << 0 << Error::NoError
                             << false << QString();
    QTest::newRow("refused") << Source::Library << int(MOSQ_ERR_ERRNO) << true << false << int(ECONNREFUSED)
                             << Error::ConnectionRefused << true << QStringLiteral("connection refused");
    QTest::newRow("unreachable") << Source::Library << int(MOSQ_ERR_ERRNO) << true << false << int(EHOSTUNREACH)
                                 << Error::HostNotFound << true << QStringLiteral("Could not reach broker.test:1883");
    QTest::newRow("lookup") << Source::Library << int(MOSQ_ERR_EAI) << true << false << 0
                            << Error::HostNotFound << true << QStringLiteral("\"broker.test\" could not be resolved");
    QTest::newRow("tls") << Source::Library << int(MOSQ_ERR_TLS) << true << false << 0 << Error::TlsError << false
                         << QStringLiteral("CA certificate");
    QTest::newRow("keepalive") << Source::Library << int(MOSQ_ERR_KEEPALIVE) << true << false << 0
                               << Error::ConnectionLost << true << QStringLiteral("keep-alive");
    QTest::newRow("conn lost") << Source::Library << int(MOSQ_ERR_CONN_LOST) << true << false << 0
                               << Error::ConnectionLost << true << QStringLiteral("closed unexpectedly");
    QTest::newRow("3.1.1 bad password") << Source::Connack << 4 << false << true << 0 << Error::BadCredentials << false
                                        << QStringLiteral("The broker rejected the user name or password (CONNACK: bad "
                                                          "user name or password). Check the credentials in the "
                                                          "connection profile.");
    QTest::newRow("3.1.1 not authorised, user sent") << Source::Connack << 5 << false << true << 0
                                                     << Error::BadCredentials << false
                                                     << QStringLiteral("user name or password");
    QTest::newRow("3.1.1 not authorised, anonymous") << Source::Connack << 5 << false << false << 0
                                                     << Error::NotAuthorized << false
                                                     << QStringLiteral("without credentials");
    QTest::newRow("3.1.1 protocol version") << Source::Connack << 1 << false << false << 0 << Error::ProtocolRejected
                                            << false << QStringLiteral("MQTT 3.1.1");
    QTest::newRow("3.1.1 identifier rejected") << Source::Connack << 2 << false << false << 0
                                               << Error::ProtocolRejected << false << QStringLiteral("client id");
    QTest::newRow("3.1.1 unavailable") << Source::Connack << 3 << false << false << 0 << Error::ServerUnavailable
                                       << true << QStringLiteral("server unavailable");
    QTest::newRow("5 bad password") << Source::Connack << int(MQTT_RC_BAD_USERNAME_OR_PASSWORD) << true << true << 0
                                    << Error::BadCredentials << false << QStringLiteral("user name or password");
    QTest::newRow("5 not authorised") << Source::Connack << int(MQTT_RC_NOT_AUTHORIZED) << true << true << 0
                                      << Error::BadCredentials << false << QStringLiteral("not authorised");
    QTest::newRow("5 unsupported version") << Source::Connack << int(MQTT_RC_UNSUPPORTED_PROTOCOL_VERSION) << true
                                           << false << 0 << Error::ProtocolRejected << false
                                           << QStringLiteral("MQTT 3.1.1");
    QTest::newRow("5 busy") << Source::Connack << int(MQTT_RC_SERVER_BUSY) << true << false << 0
                            << Error::ServerUnavailable << true << QStringLiteral("Try again later");
    QTest::newRow("5 banned") << Source::Connack << int(MQTT_RC_BANNED) << true << false << 0 << Error::NotAuthorized
                              << false << QStringLiteral("banned");
    QTest::newRow("disconnect shutting down") << Source::Disconnect << int(MQTT_RC_SERVER_SHUTTING_DOWN) << true
                                              << false << 0 << Error::ConnectionLost << true
                                              << QStringLiteral("shutting down");
    QTest::newRow("disconnect taken over") << Source::Disconnect << int(MQTT_RC_SESSION_TAKEN_OVER) << true << false
                                           << 0 << Error::ConnectionLost << false
                                           << QStringLiteral("same client id");
    QTest::newRow("suback granted 1") << Source::Suback << 1 << true << false << 0 << Error::NoError << false
                                      << QString();
    QTest::newRow("suback 3.1.1 failure") << Source::Suback << 0x80 << false << false << 0 << Error::InvalidRequest
                                          << false << QStringLiteral("SUBACK: failure");
    QTest::newRow("suback not authorised") << Source::Suback << int(MQTT_RC_NOT_AUTHORIZED) << true << false << 0
                                           << Error::NotAuthorized << false << QStringLiteral("not authorised");
    QTest::newRow("suback unknown code") << Source::Suback << 0xF0 << true << false << 0 << Error::InvalidRequest
                                         << false << QStringLiteral("0xF0");
    QTest::newRow("puback success") << Source::Puback << 0 << true << false << 0 << Error::NoError << false
                                    << QString();
    QTest::newRow("puback no subscribers") << Source::Puback << int(MQTT_RC_NO_MATCHING_SUBSCRIBERS) << true << false
                                           << 0 << Error::NoError << false << QStringLiteral("no client is subscribed");
    QTest::newRow("puback not authorised") << Source::Puback << int(MQTT_RC_NOT_AUTHORIZED) << true << false << 0
                                           << Error::NotAuthorized << false << QStringLiteral("publish to");
}

void TestMqttReasons::describe()
{
    QFETCH(Source, source);
    QFETCH(int, code);
    QFETCH(bool, mqtt5);
    QFETCH(bool, hasCredentials);
    QFETCH(int, systemError);
    QFETCH(Error, error);
    QFETCH(bool, retryable);
    QFETCH(QString, words);

    MqttReasons::Context context;
    context.host = QStringLiteral("broker.test");
    context.port = 1883;
    context.mqtt5 = mqtt5;
    context.hasCredentials = hasCredentials;
    context.systemError = systemError;
    context.subject = QStringLiteral("plant/#");

    const MqttReason reason = MqttReasons::describe(source, code, context);
    QCOMPARE(reason.error, error);
    QCOMPARE(reason.retryable, retryable);
    if (words.isEmpty() && error == Error::NoError) {
        QVERIFY2(reason.text.isEmpty(), qPrintable(reason.text));
        return;
    }
    QVERIFY2(reason.text.contains(words, Qt::CaseInsensitive),
             qPrintable(QStringLiteral("\"%1\" not in \"%2\"").arg(words, reason.text)));
    QVERIFY2(reason.text.endsWith(QLatin1Char('.')), qPrintable(reason.text));
}

void TestMqttReasons::everyLibraryCodeHasWords()
{
    MqttReasons::Context context;
    context.host = QStringLiteral("broker.test");
    context.port = 1883;
    for (int code = MOSQ_ERR_NOMEM; code <= MOSQ_ERR_ALREADY_EXISTS + 1; ++code) {
        const MqttReason reason = MqttReasons::describe(Source::Library, code, context);
        QVERIFY2(reason.error != Error::NoError, qPrintable(QString::number(code)));
        QVERIFY2(reason.text.size() > 20, qPrintable(QStringLiteral("%1: %2").arg(code).arg(reason.text)));
        QVERIFY2(!reason.text.contains(QLatin1String("%1")), qPrintable(reason.text));
    }
}

void TestMqttReasons::tlsHandshake_data()
{
    QTest::addColumn<int>("code");              // what libmosquitto returned
    QTest::addColumn<int>("verifyError");       // X509_V_ERR_*; 0 = none
    QTest::addColumn<int>("alert");             // TLS alert from the broker; -1 = none
    QTest::addColumn<bool>("clientCertificate");
    QTest::addColumn<QStringList>("words");

    const int tls = MOSQ_ERR_TLS;
    QTest::newRow("unknown CA") << tls << int(X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY) << -1 << false
                                << QStringList{QStringLiteral("not issued by a certificate authority LineScope trusts"),
                                               QStringLiteral("unknown CA"),
                                               QStringLiteral("unable to get local issuer certificate")};
    QTest::newRow("self-signed broker") << tls << int(X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT) << -1 << false
                                        << QStringList{QStringLiteral("unknown CA")};
    QTest::newRow("host name mismatch") << tls << int(X509_V_ERR_HOSTNAME_MISMATCH) << -1 << false
                                        << QStringList{QStringLiteral("not issued for \"broker.test\""),
                                                       QStringLiteral("host name mismatch")};
    QTest::newRow("IP address mismatch") << tls << int(X509_V_ERR_IP_ADDRESS_MISMATCH) << -1 << false
                                         << QStringList{QStringLiteral("host name mismatch")};
    QTest::newRow("broker certificate expired") << tls << int(X509_V_ERR_CERT_HAS_EXPIRED) << -1 << false
                                                << QStringList{QStringLiteral("broker's certificate has expired")};
    QTest::newRow("broker certificate not yet valid") << tls << int(X509_V_ERR_CERT_NOT_YET_VALID) << -1 << false
                                                      << QStringList{QStringLiteral("not valid yet")};
    QTest::newRow("client certificate from an unknown CA")
        << tls << 0 << int(SSL_AD_UNKNOWN_CA) << true
        << QStringList{QStringLiteral("rejected LineScope's client certificate"), QStringLiteral("unknown CA")};
    QTest::newRow("client certificate expired, seen as lost connection")
        << int(MOSQ_ERR_CONN_LOST) << 0 << int(SSL_AD_CERTIFICATE_EXPIRED) << true
        << QStringList{QStringLiteral("because it has expired"), QStringLiteral("certificate expired")};
    QTest::newRow("certificate required") << tls << 0 << int(SSL_AD_CERTIFICATE_REQUIRED) << false
                                          << QStringList{QStringLiteral("requires a client certificate"),
                                                         QStringLiteral("certificate required")};
    QTest::newRow("handshake failure without a certificate")
        << int(MOSQ_ERR_ERRNO) << 0 << int(SSL_AD_HANDSHAKE_FAILURE) << false
        << QStringList{QStringLiteral("requires a client certificate")};
    QTest::newRow("handshake failure with a certificate")
        << tls << 0 << int(SSL_AD_HANDSHAKE_FAILURE) << true
        << QStringList{QStringLiteral("rejected the client certificate"), QStringLiteral("handshake failure")};
    QTest::newRow("certificate revoked") << tls << 0 << int(SSL_AD_CERTIFICATE_REVOKED) << true
                                         << QStringList{QStringLiteral("rejected the client certificate"),
                                                        QStringLiteral("revoked")};
    QTest::newRow("no ALPN match") << tls << 0 << int(SSL_AD_NO_APPLICATION_PROTOCOL) << false
                                   << QStringList{QStringLiteral("ALPN")};
    QTest::newRow("old TLS only") << tls << 0 << int(SSL_AD_PROTOCOL_VERSION) << false
                                  << QStringList{QStringLiteral("TLS 1.2")};
    QTest::newRow("other alert") << tls << 0 << int(SSL_AD_INTERNAL_ERROR) << false
                                 << QStringList{QStringLiteral("ended the TLS handshake"),
                                                QStringLiteral("internal error")};
}

void TestMqttReasons::tlsHandshake()
{
    QFETCH(int, code);
    QFETCH(int, verifyError);
    QFETCH(int, alert);
    QFETCH(bool, clientCertificate);
    QFETCH(QStringList, words);

    MqttReasons::Context context;
    context.host = QStringLiteral("broker.test");
    context.port = 8883;
    context.tls = true;
    context.tlsVerifyError = verifyError;
    context.tlsAlertReceived = alert;
    context.clientCertificate = clientCertificate;
    const MqttReason reason = MqttReasons::describe(Source::Library, code, context);
    QCOMPARE(reason.error, Error::TlsError);
    QVERIFY2(!reason.retryable, "a rejected certificate fails the same way every time");
    for (const QString &word : std::as_const(words)) {
        QVERIFY2(reason.text.contains(word), qPrintable(QStringLiteral("\"%1\" missing in: %2").arg(word, reason.text)));
    }
    QVERIFY2(reason.text.contains(QLatin1String("broker.test:8883")), qPrintable(reason.text));

    // Without TLS diagnostics the library code keeps its usual meaning.
    context.tlsVerifyError = 0;
    context.tlsAlertReceived = -1;
    const MqttReason plain = MqttReasons::describe(Source::Library, code, context);
    QVERIFY2(!plain.text.contains(QLatin1String("client certificate")), qPrintable(plain.text));
}

QTEST_GUILESS_MAIN(TestMqttReasons)
#include "tst_mqtt_reasons.moc"
