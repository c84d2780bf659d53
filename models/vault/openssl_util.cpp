#include "openssl_util_p.h"

#include <QCoreApplication>
#include <QStringList>

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/x509v3.h>

#include <climits>
#include <ctime>

namespace {

class Text
{
    Q_DECLARE_TR_FUNCTIONS(CertificateImporter)
};

QString colonHex(const unsigned char *bytes, int length)
{
    QStringList parts;
    parts.reserve(length);
    for (int i = 0; i < length; ++i) {
        parts.append(QStringLiteral("%1").arg(bytes[i], 2, 16, QLatin1Char('0')).toUpper());
    }
    return parts.join(QLatin1Char(':'));
}

QString groupName(const EVP_PKEY *key)
{
    char name[80] = {};
    size_t length = 0;
    if (EVP_PKEY_get_group_name(key, name, sizeof(name), &length) != 1) {
        return {};
    }
    return QString::fromLatin1(name, static_cast<qsizetype>(length));
}

QString curveLabel(const QString &group)
{
    if (group == QLatin1String("prime256v1") || group == QLatin1String("P-256")) {
        return QStringLiteral("P-256");
    }
    if (group == QLatin1String("secp384r1") || group == QLatin1String("P-384")) {
        return QStringLiteral("P-384");
    }
    if (group == QLatin1String("secp521r1") || group == QLatin1String("P-521")) {
        return QStringLiteral("P-521");
    }
    return group;
}

} // namespace

namespace OpensslUtil {

BioPtr readOnlyBio(const QByteArray &data)
{
    return BioPtr(BIO_new_mem_buf(data.constData(), static_cast<int>(data.size())));
}

QByteArray bioBytes(BIO *bio)
{
    char *data = nullptr;
    const long length = BIO_get_mem_data(bio, &data);
    return length > 0 ? QByteArray(data, static_cast<qsizetype>(length)) : QByteArray();
}

QString takeErrors()
{
    QStringList texts;
    unsigned long code = 0;
    while ((code = ERR_get_error()) != 0) {
        char buffer[256] = {};
        ERR_error_string_n(code, buffer, sizeof(buffer));
        const char *reason = ERR_reason_error_string(code);
        texts.append(reason ? QString::fromUtf8(reason) : QString::fromUtf8(buffer));
    }
    texts.removeDuplicates();
    return texts.join(QLatin1String("; "));
}

void clearErrors()
{
    ERR_clear_error();
}

QByteArray certificatePem(X509 *certificate)
{
    const BioPtr bio(BIO_new(BIO_s_mem()));
    if (!bio || PEM_write_bio_X509(bio.get(), certificate) != 1) {
        return {};
    }
    return bioBytes(bio.get());
}

QByteArray privateKeyPem(EVP_PKEY *key)
{
    const BioPtr bio(BIO_new(BIO_s_secmem()));
    if (!bio || PEM_write_bio_PrivateKey(bio.get(), key, nullptr, nullptr, 0, nullptr, nullptr) != 1) {
        return {};
    }
    return bioBytes(bio.get());
}

bool certificatesFromPem(const QByteArray &pem, std::vector<X509Ptr> *certificates, QString *error)
{
    clearErrors();
    const BioPtr bio = readOnlyBio(pem);
    for (;;) {
        X509Ptr certificate(PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr));
        if (!certificate) {
            break;
        }
        certificates->push_back(std::move(certificate));
    }
    // The loop ends with "no start line" at the end of the data; anything
    // else means a block could not be decoded.
    const unsigned long last = ERR_peek_last_error();
    if (ERR_GET_LIB(last) == ERR_LIB_PEM && ERR_GET_REASON(last) == PEM_R_NO_START_LINE) {
        clearErrors();
        return true;
    }
    if (last == 0) {
        return true;
    }
    *error = takeErrors();
    return false;
}

QString nameText(const X509_NAME *name)
{
    const BioPtr bio(BIO_new(BIO_s_mem()));
    if (!bio || X509_NAME_print_ex(bio.get(), name, 0, XN_FLAG_RFC2253 & ~ASN1_STRFLGS_ESC_MSB) < 0) {
        return {};
    }
    return QString::fromUtf8(bioBytes(bio.get()));
}

QString commonName(const X509_NAME *name)
{
    const int index = X509_NAME_get_index_by_NID(name, NID_commonName, -1);
    if (index < 0) {
        return {};
    }
    const ASN1_STRING *value = X509_NAME_ENTRY_get_data(X509_NAME_get_entry(name, index));
    unsigned char *utf8 = nullptr;
    const int length = ASN1_STRING_to_UTF8(&utf8, value);
    if (length < 0) {
        return {};
    }
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(utf8), length);
    OPENSSL_free(utf8);
    return text;
}

QDateTime toDateTime(const ASN1_TIME *time)
{
    std::tm tm = {};
    if (!time || ASN1_TIME_to_tm(time, &tm) != 1) {
        return {};
    }
    return QDateTime(QDate(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday), QTime(tm.tm_hour, tm.tm_min, tm.tm_sec),
                     Qt::UTC);
}

CertificateInfo describe(X509 *certificate)
{
    CertificateInfo info;
    info.subject = nameText(X509_get_subject_name(certificate));
    info.issuer = nameText(X509_get_issuer_name(certificate));
    info.commonName = commonName(X509_get_subject_name(certificate));

    if (const ASN1_INTEGER *serial = X509_get0_serialNumber(certificate)) {
        BIGNUM *number = ASN1_INTEGER_to_BN(serial, nullptr);
        if (number) {
            std::vector<unsigned char> bytes(static_cast<size_t>(BN_num_bytes(number)) + 1);
            const int length = BN_bn2bin(number, bytes.data());
            info.serialNumber = length > 0 ? colonHex(bytes.data(), length) : QStringLiteral("00");
            BN_free(number);
        }
    }

    unsigned char digest[EVP_MAX_MD_SIZE] = {};
    unsigned int digestLength = 0;
    if (X509_digest(certificate, EVP_sha256(), digest, &digestLength) == 1) {
        info.sha256Fingerprint = colonHex(digest, static_cast<int>(digestLength));
    }
    info.notBefore = toDateTime(X509_get0_notBefore(certificate));
    info.notAfter = toDateTime(X509_get0_notAfter(certificate));
    if (const EVP_PKEY *key = X509_get0_pubkey(certificate)) {
        info.keyType = keyTypeName(key);
    }
    return info;
}

QString keyTypeName(const EVP_PKEY *key)
{
    switch (EVP_PKEY_get_base_id(key)) {
    case EVP_PKEY_RSA:
        return QStringLiteral("RSA %1").arg(EVP_PKEY_get_bits(key));
    case EVP_PKEY_RSA_PSS:
        return QStringLiteral("RSA-PSS %1").arg(EVP_PKEY_get_bits(key));
    case EVP_PKEY_DSA:
        return QStringLiteral("DSA %1").arg(EVP_PKEY_get_bits(key));
    case EVP_PKEY_EC:
        return QStringLiteral("EC %1").arg(curveLabel(groupName(key)));
    case EVP_PKEY_ED25519:
        return QStringLiteral("Ed25519");
    case EVP_PKEY_ED448:
        return QStringLiteral("Ed448");
    default:
        break;
    }
    const char *name = EVP_PKEY_get0_type_name(key);
    return name ? QString::fromLatin1(name) : QStringLiteral("unknown");
}

QString unsupportedKeyReason(const EVP_PKEY *key)
{
    const QString type = keyTypeName(key);
    switch (EVP_PKEY_get_base_id(key)) {
    case EVP_PKEY_RSA:
        if (EVP_PKEY_get_bits(key) < 2048) {
            return Text::tr("The RSA key has only %1 bits. Brokers and AWS IoT require at least 2048 bits; ask for "
                            "a new certificate with a longer key.")
                .arg(EVP_PKEY_get_bits(key));
        }
        return {};
    case EVP_PKEY_EC: {
        const QString curve = curveLabel(groupName(key));
        if (curve == QLatin1String("P-256") || curve == QLatin1String("P-384") || curve == QLatin1String("P-521")) {
            return {};
        }
        return Text::tr("The EC key uses the curve %1, which MQTT brokers do not accept for client certificates. "
                        "Use a certificate with a P-256 or P-384 key.")
            .arg(curve.isEmpty() ? Text::tr("(unknown)") : curve);
    }
    default:
        break;
    }
    return Text::tr("%1 keys are not supported for MQTT client certificates. Use a certificate with an RSA key "
                    "(2048 bits or more) or an EC key (P-256 or P-384).")
        .arg(type);
}

bool keyMatches(X509 *certificate, const EVP_PKEY *key)
{
    const EVP_PKEY *publicKey = X509_get0_pubkey(certificate);
    return publicKey && EVP_PKEY_eq(publicKey, key) == 1;
}

bool issued(X509 *issuer, X509 *subject)
{
    return X509_check_issued(issuer, subject) == X509_V_OK;
}

bool isSelfSignedCa(X509 *certificate)
{
    return X509_check_ca(certificate) > 0 && X509_self_signed(certificate, 0) == 1;
}

} // namespace OpensslUtil
