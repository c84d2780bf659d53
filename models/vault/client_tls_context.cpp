#include "client_tls_context.h"

#include "openssl_util_p.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QHostAddress>
#include <QTcpSocket>

#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/ssl.h>
#include <openssl/x509v3.h>

#include <vector>

using namespace OpensslUtil;

namespace {

// Where the OpenSSL callbacks find the Diagnostics of their context.
int diagnosticsIndex()
{
    static const int index = SSL_CTX_get_ex_new_index(0, nullptr, nullptr, nullptr, nullptr);
    return index;
}

ClientTlsContext::Diagnostics *diagnosticsFor(const SSL *ssl)
{
    SSL_CTX *context = ssl ? SSL_get_SSL_CTX(ssl) : nullptr;
    return context ? static_cast<ClientTlsContext::Diagnostics *>(SSL_CTX_get_ex_data(context, diagnosticsIndex()))
                   : nullptr;
}

// Keeps OpenSSL's decision; only remembers the first reason for a refusal.
int verifyCallback(int preverified, X509_STORE_CTX *store)
{
    if (preverified) {
        return preverified;
    }
    const auto *ssl = static_cast<const SSL *>(X509_STORE_CTX_get_ex_data(store, SSL_get_ex_data_X509_STORE_CTX_idx()));
    ClientTlsContext::Diagnostics *diagnostics = diagnosticsFor(ssl);
    if (diagnostics && diagnostics->verifyError == 0) {
        diagnostics->verifyError = X509_STORE_CTX_get_error(store);
        if (X509 *certificate = X509_STORE_CTX_get_current_cert(store)) {
            diagnostics->verifySubject = nameText(X509_get_subject_name(certificate));
        }
    }
    return preverified;
}

void infoCallback(const SSL *ssl, int where, int value)
{
    ClientTlsContext::Diagnostics *diagnostics = diagnosticsFor(ssl);
    if (!diagnostics) {
        return;
    }
    if ((where & SSL_CB_HANDSHAKE_DONE) != 0) {
        diagnostics->handshakeDone = true;
    }
    if ((where & SSL_CB_READ_ALERT) == SSL_CB_READ_ALERT && (value >> 8) == SSL3_AL_FATAL
        && diagnostics->alertReceived < 0) {
        diagnostics->alertReceived = value & 0xff;
    }
}

// Called on the client when the broker sends a CertificateRequest.
int certificateCallback(SSL *ssl, void *)
{
    if (ClientTlsContext::Diagnostics *diagnostics = diagnosticsFor(ssl)) {
        diagnostics->certificateRequested = true;
    }
    return 1;
}

// Never prompts: keys handed to a connection are unencrypted.
int noPassphrase(char *, int, int, void *)
{
    return -1;
}

bool addTrustAnchors(SSL_CTX *context, const QByteArray &pem, QString *detail)
{
    std::vector<X509Ptr> certificates;
    if (!certificatesFromPem(pem, &certificates, detail)) {
        return false;
    }
    if (certificates.empty()) {
        *detail = ClientTlsContext::tr("no PEM certificate in it");
        return false;
    }
    X509_STORE *store = SSL_CTX_get_cert_store(context);
    for (const X509Ptr &certificate : certificates) {
        if (X509_STORE_add_cert(store, certificate.get()) != 1) {
            // The same CA given twice (file and memory) is fine.
            const unsigned long code = ERR_peek_last_error();
            if (ERR_GET_REASON(code) != X509_R_CERT_ALREADY_IN_HASH_TABLE) {
                *detail = takeErrors();
                return false;
            }
            clearErrors();
        }
    }
    return true;
}

} // namespace

class ClientTlsContext::Private
{
public:
    SslCtxPtr context;
    Diagnostics diagnostics;
};

ClientTlsContext::ClientTlsContext()
    : d(std::make_unique<Private>())
{
}

ClientTlsContext::~ClientTlsContext() = default;

std::unique_ptr<ClientTlsContext> ClientTlsContext::create(const Options &options, QString *error)
{
    clearErrors();
    std::unique_ptr<ClientTlsContext> result(new ClientTlsContext);
    SSL_CTX *context = SSL_CTX_new(TLS_client_method());
    result->d->context.reset(context);
    if (!context) {
        *error = tr("OpenSSL could not create a TLS context (%1).").arg(takeErrors());
        return nullptr;
    }
    SSL_CTX_set_min_proto_version(context, TLS1_2_VERSION);
    SSL_CTX_set_ex_data(context, diagnosticsIndex(), &result->d->diagnostics);
    SSL_CTX_set_verify(context, SSL_VERIFY_PEER, &verifyCallback);
    SSL_CTX_set_info_callback(context, &infoCallback);
    SSL_CTX_set_cert_cb(context, &certificateCallback, nullptr);

    // Whom to trust.
    bool ownAnchors = false;
    QString detail;
    if (!options.caFile.isEmpty()) {
        const QString path = QDir::toNativeSeparators(options.caFile);
        QFile file(options.caFile);
        if (!file.open(QIODevice::ReadOnly)) {
            *error = tr("The CA certificate file %1 cannot be read (%2).").arg(path, file.errorString());
            return nullptr;
        }
        if (!addTrustAnchors(context, file.readAll(), &detail)) {
            *error = tr("The CA certificate file %1 cannot be used (%2). It must hold the PEM certificate of the "
                        "authority that signed the broker's certificate.")
                         .arg(path, detail);
            return nullptr;
        }
        ownAnchors = true;
    }
    if (!options.caCertificatesPem.isEmpty()) {
        if (!addTrustAnchors(context, options.caCertificatesPem, &detail)) {
            *error = tr("The CA certificates given for the broker cannot be used (%1).").arg(detail);
            return nullptr;
        }
        ownAnchors = true;
    }
    if (!ownAnchors && SSL_CTX_set_default_verify_paths(context) != 1) {
        *error = tr("The system's trusted certificates cannot be loaded (%1). Choose a CA certificate file in the "
                    "connection profile.")
                     .arg(takeErrors());
        return nullptr;
    }

    if (options.verifyHostname) {
        X509_VERIFY_PARAM *parameters = SSL_CTX_get0_param(context);
        const QByteArray host = options.host.toUtf8();
        const bool isAddress = !QHostAddress(options.host).isNull();
        X509_VERIFY_PARAM_set_hostflags(parameters, X509_CHECK_FLAG_NO_PARTIAL_WILDCARDS);
        const int ok = isAddress ? X509_VERIFY_PARAM_set1_ip_asc(parameters, host.constData())
                                 : X509_VERIFY_PARAM_set1_host(parameters, host.constData(), 0);
        if (ok != 1) {
            *error = tr("The host name \"%1\" cannot be checked against the broker's certificate.").arg(options.host);
            return nullptr;
        }
    }

    // Who we are.
    if (!options.clientCertificatePem.isEmpty() || !options.clientKeyPem.isEmpty()) {
        if (options.clientCertificatePem.isEmpty() || options.clientKeyPem.isEmpty()) {
            *error = tr("A client certificate needs both the certificate and its private key.");
            return nullptr;
        }
        std::vector<X509Ptr> chain;
        if (!certificatesFromPem(options.clientCertificatePem, &chain, &detail) || chain.empty()) {
            *error = tr("The client certificate is not a PEM certificate (%1).")
                         .arg(detail.isEmpty() ? tr("no certificate found") : detail);
            return nullptr;
        }
        if (SSL_CTX_use_certificate(context, chain.front().get()) != 1) {
            *error = tr("OpenSSL cannot use the client certificate (%1).").arg(takeErrors());
            return nullptr;
        }
        for (size_t i = 1; i < chain.size(); ++i) {
            if (SSL_CTX_add1_chain_cert(context, chain[i].get()) != 1) {
                *error = tr("OpenSSL cannot use an intermediate certificate of the client certificate (%1).")
                             .arg(takeErrors());
                return nullptr;
            }
        }
        EvpPkeyPtr key;
        {
            const BioPtr bio = readOnlyBio(options.clientKeyPem);
            key.reset(PEM_read_bio_PrivateKey(bio.get(), nullptr, &noPassphrase, nullptr));
        }
        if (!key) {
            clearErrors();
            *error = options.clientKeyPem.contains("ENCRYPTED")
                ? tr("The private key is encrypted. Import the certificate and key into the certificate vault with "
                     "the passphrase, then choose it as client certificate.")
                : tr("The private key is not a PEM private key.");
            return nullptr;
        }
        if (SSL_CTX_use_PrivateKey(context, key.get()) != 1 || SSL_CTX_check_private_key(context) != 1) {
            clearErrors();
            *error = tr("The private key does not belong to the client certificate. Choose the key file that was "
                        "created together with the certificate.");
            return nullptr;
        }
        result->d->diagnostics.clientCertificate = true;
    }

    if (!options.alpnProtocols.isEmpty()) {
        QByteArray wire;
        for (const QString &protocol : options.alpnProtocols) {
            const QByteArray name = protocol.toUtf8();
            if (name.isEmpty() || name.size() > 255) {
                *error = tr("The ALPN protocol name \"%1\" must have 1 to 255 bytes.").arg(protocol);
                return nullptr;
            }
            wire.append(static_cast<char>(name.size()));
            wire.append(name);
        }
        // Returns 0 on success, unlike most of OpenSSL.
        if (SSL_CTX_set_alpn_protos(context, reinterpret_cast<const unsigned char *>(wire.constData()),
                                    static_cast<unsigned int>(wire.size()))
            != 0) {
            *error = tr("OpenSSL rejected the ALPN protocols %1.").arg(options.alpnProtocols.join(QLatin1String(", ")));
            return nullptr;
        }
    }
    clearErrors();
    return result;
}

ssl_ctx_st *ClientTlsContext::nativeHandle() const
{
    return d->context.get();
}

const ClientTlsContext::Diagnostics &ClientTlsContext::diagnostics() const
{
    return d->diagnostics;
}

bool ClientTlsContext::clientCertificateVerdictMissing() const
{
    const Diagnostics &diagnostics = d->diagnostics;
    return diagnostics.handshakeDone && diagnostics.certificateRequested && diagnostics.alertReceived < 0
        && diagnostics.verifyError == 0;
}

void ClientTlsContext::probeClientCertificate(const QString &host, int port, int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    const auto remaining = [&deadline] { return static_cast<int>(qMax<qint64>(1, deadline.remainingTime())); };
    QTcpSocket socket;
    socket.connectToHost(host, static_cast<quint16>(port));
    if (!socket.waitForConnected(remaining())) {
        return;
    }
    using SslPtr = std::unique_ptr<SSL, Deleter<SSL, SSL_free>>;
    const SslPtr ssl(SSL_new(d->context.get()));
    BIO *incoming = BIO_new(BIO_s_mem());
    BIO *outgoing = BIO_new(BIO_s_mem());
    if (!ssl || !incoming || !outgoing) {
        BIO_free(incoming);
        BIO_free(outgoing);
        clearErrors();
        return;
    }
    BIO_set_mem_eof_return(incoming, -1);   // empty means "wait for more", not end of stream
    SSL_set_bio(ssl.get(), incoming, outgoing);
    SSL_set_connect_state(ssl.get());
    const QByteArray serverName = host.toUtf8();
    SSL_set_tlsext_host_name(ssl.get(), serverName.constData());   // as libmosquitto does
    resetDiagnostics();

    bool heardAfterHandshake = false;
    for (;;) {
        char buffer[4096];
        const bool handshakeDone = SSL_is_init_finished(ssl.get()) == 1;
        const int result = handshakeDone ? SSL_read(ssl.get(), buffer, sizeof(buffer))
                                         : SSL_do_handshake(ssl.get());
        const int error = SSL_get_error(ssl.get(), result);
        const QByteArray output = bioBytes(outgoing);
        (void)BIO_reset(outgoing);
        if (!output.isEmpty() && (socket.write(output) != output.size() || !socket.waitForBytesWritten(remaining()))) {
            break;
        }
        if (d->diagnostics.alertReceived >= 0 || d->diagnostics.verifyError != 0) {
            break;   // the verdict: rejected, and why
        }
        if (!handshakeDone && result == 1) {
            continue;   // our side is done; now the broker judges the certificate
        }
        if (error != SSL_ERROR_WANT_READ || (handshakeDone && heardAfterHandshake)) {
            break;   // failed without an alert, or the broker spoke without complaint: accepted
        }
        if (deadline.hasExpired() || !socket.waitForReadyRead(remaining())) {
            break;
        }
        const QByteArray input = socket.readAll();
        BIO_write(incoming, input.constData(), static_cast<int>(input.size()));
        heardAfterHandshake = SSL_is_init_finished(ssl.get()) == 1;
    }
    clearErrors();
}

void ClientTlsContext::resetDiagnostics()
{
    const bool clientCertificate = d->diagnostics.clientCertificate;
    d->diagnostics = {};
    d->diagnostics.clientCertificate = clientCertificate;
}
