#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <memory>

struct ssl_ctx_st;  // OpenSSL's SSL_CTX, kept opaque here

// The OpenSSL context of one MQTT connection, built in memory: client
// certificate, chain and private key from PEM bytes (never from files), the
// CA certificates that verify the broker (a file and/or PEM bytes; the
// system's trust store when neither is given), host name verification and
// ALPN. MosquittoWorker hands it to libmosquitto (MOSQ_OPT_SSL_CTX), which
// uses it as is (MOSQ_OPT_SSL_CTX_WITH_DEFAULTS off); libmosquitto sends the
// host as SNI itself.
//
// While handshakes run, OpenSSL callbacks record why one failed:
// diagnostics() tells the worker whether the broker's certificate failed
// verification (and why) or the broker sent a TLS alert (e.g. it rejected
// the client certificate). MqttReasons turns those into words.
//
// Threading: create, use and destroy on the connection's worker thread.
// Destroy it only after the mosquitto client that uses it.
class ClientTlsContext
{
    Q_DECLARE_TR_FUNCTIONS(ClientTlsContext)
public:
    struct Options
    {
        QString host;                    // checked against the broker's certificate
        bool verifyHostname = true;
        QString caFile;                  // PEM file with CA certificates; may be empty
        QByteArray caCertificatesPem;    // more CA certificates, in memory; may be empty
        QByteArray clientCertificatePem; // client certificate first, then intermediates
        QByteArray clientKeyPem;         // unencrypted PEM private key
        QStringList alpnProtocols;       // e.g. "x-amzn-mqtt-ca"
    };

    struct Diagnostics
    {
        int verifyError = 0;         // X509_V_ERR_* for the broker's certificate; 0 = none
        QString verifySubject;       // subject of the certificate that failed verification
        int alertReceived = -1;      // fatal TLS alert (description code) sent by the broker; -1 = none
        bool clientCertificate = false;  // a client certificate is configured
        bool certificateRequested = false;  // the broker asked for a client certificate
        bool handshakeDone = false;  // our side of the handshake completed
    };

    ~ClientTlsContext();
    ClientTlsContext(const ClientTlsContext &) = delete;
    ClientTlsContext &operator=(const ClientTlsContext &) = delete;

    // nullptr with *error set (translated, says what to fix) when the
    // material cannot be used: unreadable CA file, no certificate in it, a
    // key that is encrypted or does not belong to the certificate, ...
    static std::unique_ptr<ClientTlsContext> create(const Options &options, QString *error);

    ssl_ctx_st *nativeHandle() const;

    const Diagnostics &diagnostics() const;
    // Call before each connection attempt.
    void resetDiagnostics();

    // True when the last handshake completed on our side after the broker
    // asked for a client certificate, and no verdict arrived: no alert and
    // no failed verification. With TLS 1.3 the broker checks the client
    // certificate only after that; a rejection then closes the connection,
    // and when our CONNECT crossed it, the reset can swallow the alert.
    bool clientCertificateVerdictMissing() const;
    // Repeats the handshake on a connection of its own, sends no data, and
    // waits up to timeoutMs for the broker's answer: session tickets
    // (accepted) or an alert, which then shows in diagnostics(). Blocking;
    // call on the worker thread only, never on the GUI thread.
    void probeClientCertificate(const QString &host, int port, int timeoutMs);

private:
    ClientTlsContext();

    class Private;
    std::unique_ptr<Private> const d;
};
