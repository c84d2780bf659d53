#pragma once

// Internal to linescope_models: OpenSSL helpers shared by the certificate
// vault and the MQTT worker's TLS context. This header includes OpenSSL;
// never include it from a public header (those stay free of OpenSSL types).
//
// Threading: every function is reentrant; call from any thread.

#include "certificate_info.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pkcs12.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>

#include <memory>
#include <vector>

namespace OpensslUtil {

template<typename T, void (*Free)(T *)>
struct Deleter
{
    void operator()(T *p) const { Free(p); }
};

using X509Ptr = std::unique_ptr<X509, Deleter<X509, X509_free>>;
using EvpPkeyPtr = std::unique_ptr<EVP_PKEY, Deleter<EVP_PKEY, EVP_PKEY_free>>;
using BioPtr = std::unique_ptr<BIO, Deleter<BIO, BIO_free_all>>;
using Pkcs12Ptr = std::unique_ptr<PKCS12, Deleter<PKCS12, PKCS12_free>>;
using X509SigPtr = std::unique_ptr<X509_SIG, Deleter<X509_SIG, X509_SIG_free>>;
using Pkcs8InfoPtr = std::unique_ptr<PKCS8_PRIV_KEY_INFO, Deleter<PKCS8_PRIV_KEY_INFO, PKCS8_PRIV_KEY_INFO_free>>;
using SslCtxPtr = std::unique_ptr<SSL_CTX, Deleter<SSL_CTX, SSL_CTX_free>>;

// A read-only memory BIO over data; data must outlive the BIO.
BioPtr readOnlyBio(const QByteArray &data);
// Everything written to a memory BIO so far.
QByteArray bioBytes(BIO *bio);

// OpenSSL's queued error texts, joined with "; ", and the queue cleared.
// Library text, not translated; empty when nothing was queued.
QString takeErrors();
void clearErrors();

QByteArray certificatePem(X509 *certificate);
// Unencrypted PKCS #8 PEM ("PRIVATE KEY"). The caller wipes the result.
QByteArray privateKeyPem(EVP_PKEY *key);
// Every CERTIFICATE block in pem, in order. Returns false with *error set
// (library text) when a block cannot be decoded.
bool certificatesFromPem(const QByteArray &pem, std::vector<X509Ptr> *certificates, QString *error);

// Public details of a certificate; id, name and the chain counts stay empty.
CertificateInfo describe(X509 *certificate);
QString nameText(const X509_NAME *name);
QString commonName(const X509_NAME *name);
QDateTime toDateTime(const ASN1_TIME *time);

// "RSA 2048", "EC P-256", "Ed25519", ...
QString keyTypeName(const EVP_PKEY *key);
// Empty when the key can authenticate an MQTT client (RSA >= 2048 bits, EC
// P-256/P-384/P-521); otherwise a translated sentence naming the key type.
QString unsupportedKeyReason(const EVP_PKEY *key);

bool keyMatches(X509 *certificate, const EVP_PKEY *key);
// Self-signed (subject signed by its own key) and marked as a CA.
bool isSelfSignedCa(X509 *certificate);
// issuer's subject and key issued subject.
bool issued(X509 *issuer, X509 *subject);

} // namespace OpensslUtil
