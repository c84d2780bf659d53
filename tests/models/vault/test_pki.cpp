#include "test_pki.h"

#include <QDir>
#include <QFile>
#include <QRandomGenerator>

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/pkcs12.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <map>

namespace {

QString opensslErrors()
{
    QStringList texts;
    unsigned long code = 0;
    while ((code = ERR_get_error()) != 0) {
        char buffer[256] = {};
        ERR_error_string_n(code, buffer, sizeof(buffer));
        texts.append(QString::fromLatin1(buffer));
    }
    return texts.join(QLatin1String("; "));
}

QByteArray memoryBytes(BIO *bio)
{
    char *data = nullptr;
    const long length = BIO_get_mem_data(bio, &data);
    return QByteArray(data, static_cast<qsizetype>(length));
}

bool addExtension(X509 *certificate, X509 *issuer, int nid, const char *value)
{
    X509V3_CTX context;
    X509V3_set_ctx_nodb(&context);
    X509V3_set_ctx(&context, issuer, certificate, nullptr, nullptr, 0);
    X509_EXTENSION *extension = X509V3_EXT_conf_nid(nullptr, &context, nid, value);
    if (!extension) {
        return false;
    }
    const bool ok = X509_add_ext(certificate, extension, -1) == 1;
    X509_EXTENSION_free(extension);
    return ok;
}

} // namespace

class TestPki::Private
{
public:
    ~Private()
    {
        for (auto &[name, key] : keys) {
            EVP_PKEY_free(key);
        }
        for (auto &[name, certificate] : certificates) {
            X509_free(certificate);
        }
    }

    bool fail(const QString &text)
    {
        error = text;
        const QString detail = opensslErrors();
        if (!detail.isEmpty()) {
            error += QStringLiteral(" (%1)").arg(detail);
        }
        return false;
    }

    QString write(const QString &fileName, const QByteArray &bytes)
    {
        const QString path = directory.filePath(fileName);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size()) {
            fail(QStringLiteral("cannot write %1: %2").arg(path, file.errorString()));
            return {};
        }
        file.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther);
        return path;
    }

    QDir directory;
    QString error;
    std::map<QString, EVP_PKEY *> keys;
    std::map<QString, X509 *> certificates;
};

TestPki::TestPki(const QString &directory)
    : d(std::make_unique<Private>())
{
    d->directory = QDir(directory);
}

TestPki::~TestPki() = default;

QString TestPki::error() const
{
    return d->error;
}

QString TestPki::path(const QString &fileName) const
{
    return d->directory.filePath(fileName);
}

bool TestPki::makeKey(const QString &name, KeyType type)
{
    EVP_PKEY *key = nullptr;
    switch (type) {
    case KeyType::EcP256:
        key = EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256");
        break;
    case KeyType::Rsa2048:
        key = EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", size_t(2048));
        break;
    case KeyType::Rsa1024:
        key = EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", size_t(1024));
        break;
    case KeyType::Ed25519:
        key = EVP_PKEY_Q_keygen(nullptr, nullptr, "ED25519");
        break;
    }
    if (!key) {
        return d->fail(QStringLiteral("key generation failed for %1").arg(name));
    }
    if (d->keys.count(name)) {
        EVP_PKEY_free(d->keys[name]);
    }
    d->keys[name] = key;
    return true;
}

bool TestPki::makeCertificate(const QString &name, const QString &keyName, const QString &issuer,
                              const CertificateSpec &spec)
{
    if (!d->keys.count(keyName)) {
        return d->fail(QStringLiteral("no key %1").arg(keyName));
    }
    EVP_PKEY *key = d->keys[keyName];
    X509 *issuerCertificate = nullptr;
    EVP_PKEY *signingKey = key;
    if (!issuer.isEmpty()) {
        if (!d->certificates.count(issuer)) {
            return d->fail(QStringLiteral("no issuer %1").arg(issuer));
        }
        issuerCertificate = d->certificates[issuer];
        // The issuer's key is the one its certificate was made with.
        signingKey = nullptr;
        for (auto &[keyName2, candidate] : d->keys) {
            if (EVP_PKEY_eq(X509_get0_pubkey(issuerCertificate), candidate) == 1) {
                signingKey = candidate;
                break;
            }
        }
        if (!signingKey) {
            return d->fail(QStringLiteral("no key for issuer %1").arg(issuer));
        }
    }

    X509 *certificate = X509_new();
    X509_set_version(certificate, 2);
    ASN1_INTEGER_set_int64(X509_get_serialNumber(certificate),
                           static_cast<int64_t>(QRandomGenerator::global()->generate64() >> 2));
    X509_gmtime_adj(X509_getm_notBefore(certificate), static_cast<long>(spec.notBeforeSeconds));
    X509_gmtime_adj(X509_getm_notAfter(certificate), static_cast<long>(spec.notAfterSeconds));
    X509_set_pubkey(certificate, key);
    X509_NAME *subject = X509_get_subject_name(certificate);
    const QByteArray commonName = spec.commonName.toUtf8();
    X509_NAME_add_entry_by_txt(subject, "O", MBSTRING_UTF8, reinterpret_cast<const unsigned char *>("LineScope Tests"),
                               -1, -1, 0);
    X509_NAME_add_entry_by_txt(subject, "CN", MBSTRING_UTF8,
                               reinterpret_cast<const unsigned char *>(commonName.constData()), -1, -1, 0);
    X509_set_issuer_name(certificate,
                         issuerCertificate ? X509_get_subject_name(issuerCertificate) : subject);

    X509 *extensionIssuer = issuerCertificate ? issuerCertificate : certificate;
    bool ok = addExtension(certificate, extensionIssuer, NID_subject_key_identifier, "hash")
        && addExtension(certificate, extensionIssuer, NID_authority_key_identifier, "keyid:always");
    if (spec.ca) {
        ok = ok && addExtension(certificate, extensionIssuer, NID_basic_constraints, "critical,CA:TRUE")
            && addExtension(certificate, extensionIssuer, NID_key_usage, "critical,keyCertSign,cRLSign");
    } else {
        ok = ok && addExtension(certificate, extensionIssuer, NID_basic_constraints, "critical,CA:FALSE")
            && addExtension(certificate, extensionIssuer, NID_ext_key_usage, "clientAuth,serverAuth");
        QStringList alternatives;
        for (const QString &dns : spec.dnsNames) {
            alternatives.append(QStringLiteral("DNS:") + dns);
        }
        for (const QString &ip : spec.ipAddresses) {
            alternatives.append(QStringLiteral("IP:") + ip);
        }
        if (!alternatives.isEmpty()) {
            ok = ok
                && addExtension(certificate, extensionIssuer, NID_subject_alt_name,
                                alternatives.join(QLatin1Char(',')).toLatin1().constData());
        }
    }
    const bool edwards = EVP_PKEY_get_base_id(signingKey) == EVP_PKEY_ED25519;
    ok = ok && X509_sign(certificate, signingKey, edwards ? nullptr : EVP_sha256()) > 0;
    if (!ok) {
        X509_free(certificate);
        return d->fail(QStringLiteral("cannot make certificate %1").arg(name));
    }
    if (d->certificates.count(name)) {
        X509_free(d->certificates[name]);
    }
    d->certificates[name] = certificate;
    return true;
}

QByteArray TestPki::certificatePem(const QString &certificateName) const
{
    if (!d->certificates.count(certificateName)) {
        return {};
    }
    BIO *bio = BIO_new(BIO_s_mem());
    PEM_write_bio_X509(bio, d->certificates[certificateName]);
    const QByteArray pem = memoryBytes(bio);
    BIO_free(bio);
    return pem;
}

QByteArray TestPki::keyPem(const QString &keyName) const
{
    if (!d->keys.count(keyName)) {
        return {};
    }
    BIO *bio = BIO_new(BIO_s_mem());
    PEM_write_bio_PrivateKey(bio, d->keys[keyName], nullptr, nullptr, 0, nullptr, nullptr);
    const QByteArray pem = memoryBytes(bio);
    BIO_free(bio);
    return pem;
}

QString TestPki::writeCertificatesPem(const QString &fileName, const QStringList &certificateNames)
{
    QByteArray pem;
    for (const QString &name : certificateNames) {
        const QByteArray one = certificatePem(name);
        if (one.isEmpty()) {
            d->fail(QStringLiteral("no certificate %1").arg(name));
            return {};
        }
        pem += one;
    }
    return d->write(fileName, pem);
}

QString TestPki::writeCertificateDer(const QString &fileName, const QString &certificateName)
{
    if (!d->certificates.count(certificateName)) {
        d->fail(QStringLiteral("no certificate %1").arg(certificateName));
        return {};
    }
    unsigned char *der = nullptr;
    const int length = i2d_X509(d->certificates[certificateName], &der);
    const QByteArray bytes(reinterpret_cast<const char *>(der), length);
    OPENSSL_free(der);
    return d->write(fileName, bytes);
}

QString TestPki::writeKey(const QString &fileName, const QString &keyName, KeyFormat format,
                          const QByteArray &passphrase)
{
    if (!d->keys.count(keyName)) {
        d->fail(QStringLiteral("no key %1").arg(keyName));
        return {};
    }
    EVP_PKEY *key = d->keys[keyName];
    BIO *bio = BIO_new(BIO_s_mem());
    int ok = 0;
    switch (format) {
    case KeyFormat::Pkcs8Pem:
        ok = PEM_write_bio_PrivateKey(bio, key, nullptr, nullptr, 0, nullptr, nullptr);
        break;
    case KeyFormat::TraditionalPem:
        ok = PEM_write_bio_PrivateKey_traditional(bio, key, nullptr, nullptr, 0, nullptr, nullptr);
        break;
    case KeyFormat::EncryptedPkcs8Pem:
        ok = PEM_write_bio_PKCS8PrivateKey(bio, key, EVP_aes_256_cbc(), passphrase.constData(),
                                           static_cast<int>(passphrase.size()), nullptr, nullptr);
        break;
    case KeyFormat::Pkcs8Der:
        ok = i2d_PKCS8PrivateKey_bio(bio, key, nullptr, nullptr, 0, nullptr, nullptr);
        break;
    case KeyFormat::EncryptedPkcs8Der:
        ok = i2d_PKCS8PrivateKey_bio(bio, key, EVP_aes_256_cbc(), passphrase.constData(),
                                     static_cast<int>(passphrase.size()), nullptr, nullptr);
        break;
    }
    const QByteArray bytes = memoryBytes(bio);
    BIO_free(bio);
    if (!ok) {
        d->fail(QStringLiteral("cannot encode key %1").arg(keyName));
        return {};
    }
    return d->write(fileName, bytes);
}

QString TestPki::writePkcs12(const QString &fileName, const QString &certificateName, const QString &keyName,
                             const QStringList &caNames, const QByteArray &passphrase)
{
    if (!d->certificates.count(certificateName) || !d->keys.count(keyName)) {
        d->fail(QStringLiteral("no certificate %1 or key %2").arg(certificateName, keyName));
        return {};
    }
    STACK_OF(X509) *cas = sk_X509_new_null();
    for (const QString &name : caNames) {
        if (d->certificates.count(name)) {
            sk_X509_push(cas, d->certificates[name]);
        }
    }
    // Defaults of OpenSSL 3: PBES2/AES-256-CBC with a SHA-256 MAC.
    PKCS12 *bundle = PKCS12_create(passphrase.constData(), "linescope test", d->keys[keyName],
                                   d->certificates[certificateName], cas, 0, 0, 0, 0, 0);
    sk_X509_free(cas);
    if (!bundle) {
        d->fail(QStringLiteral("cannot make PKCS #12 %1").arg(fileName));
        return {};
    }
    BIO *bio = BIO_new(BIO_s_mem());
    i2d_PKCS12_bio(bio, bundle);
    PKCS12_free(bundle);
    const QByteArray bytes = memoryBytes(bio);
    BIO_free(bio);
    return d->write(fileName, bytes);
}

QString TestPki::writeBytes(const QString &fileName, const QByteArray &bytes)
{
    return d->write(fileName, bytes);
}

QList<QByteArray> TestPki::keyNeedles(const QString &keyName) const
{
    if (!d->keys.count(keyName)) {
        return {};
    }
    EVP_PKEY *key = d->keys[keyName];
    QList<QByteArray> needles;
    BIO *bio = BIO_new(BIO_s_mem());
    i2d_PKCS8PrivateKey_bio(bio, key, nullptr, nullptr, 0, nullptr, nullptr);
    const QByteArray der = memoryBytes(bio);
    BIO_free(bio);
    needles.append(der);
    needles.append(der.mid(der.size() / 2 - 16, 32));
    for (const QByteArray &pem : {keyPem(keyName)}) {
        const QList<QByteArray> lines = pem.split('\n');
        if (lines.size() > 2) {
            needles.append(lines.at(1));   // first base64 line after BEGIN
        }
    }
    bio = BIO_new(BIO_s_mem());
    PEM_write_bio_PrivateKey_traditional(bio, key, nullptr, nullptr, 0, nullptr, nullptr);
    const QList<QByteArray> traditional = memoryBytes(bio).split('\n');
    BIO_free(bio);
    if (traditional.size() > 2) {
        needles.append(traditional.at(1));
    }
    return needles;
}
