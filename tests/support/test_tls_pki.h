#pragma once

#include "test_broker.h"
#include "test_pki.h"

// The certificates of a mutual-TLS test setup, made at test time with
// TestPki in directory (made world-readable, so a mosquitto that dropped
// root privileges reads them):
//   ca.crt                   the CA ("ca", key "caKey")
//   server.crt, server.key   the broker, for 127.0.0.1 and localhost ("server")
//   client.crt, client.key   a client signed by the CA ("client")
// addClient() makes more clients; everything of TestPki stays available for
// tests that need other CAs, formats or validity periods.
class TestTlsPki : public TestPki
{
public:
    static constexpr qint64 Day = 24 * 3600;

    explicit TestTlsPki(const QString &directory);

    bool isValid() const { return m_valid; }   // false: error() says why

    QString caFile() const { return path(QStringLiteral("ca.crt")); }
    QString serverCertificateFile() const { return path(QStringLiteral("server.crt")); }
    QString serverKeyFile() const { return path(QStringLiteral("server.key")); }
    QString clientCertificateFile() const { return certificateFile(QStringLiteral("client")); }
    QString clientKeyFile() const { return keyFile(QStringLiteral("client")); }
    QString certificateFile(const QString &name) const { return path(name + QStringLiteral(".crt")); }
    QString keyFile(const QString &name) const { return path(name + QStringLiteral(".key")); }

    // Certificate <name> with key <name>-key, signed by the CA, valid from
    // now + notBeforeSeconds to now + notAfterSeconds; written as <name>.crt
    // and <name>.key (PKCS #8 PEM). false with error() on failure.
    bool addClient(const QString &name, qint64 notBeforeSeconds = -Day, qint64 notAfterSeconds = 365 * Day);

    // A TestBroker listener with the broker's certificate that requires (or
    // only accepts) client certificates signed by the CA.
    TestBroker::TlsListener listener(bool requireCertificate = true) const;

private:
    bool m_valid = false;
};
