#include "certificate_importer.h"

#include "openssl_util_p.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QSet>
#include <QtConcurrent/QtConcurrentRun>

#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/pkcs12.h>
#include <openssl/provider.h>
#include <openssl/x509v3.h>

#include <algorithm>
#include <cstring>
#include <mutex>
#include <set>
#include <utility>
#include <vector>

using namespace OpensslUtil;
using Error = CertificateImporter::Error;
using FileRole = CertificateImporter::FileRole;
using Result = CertificateImporter::Result;

namespace {

// Certificate and key files are a few KiB; bundles with long chains stay far below this.
constexpr qint64 MaxFileBytes = 1024 * 1024;

struct Failure
{
    Error error = Error::NoError;
    QString text;
    QString file;

    bool failed() const { return error != Error::NoError; }
};

struct FoundCertificate
{
    X509Ptr certificate;
    QString file;
};

struct FoundKey
{
    EvpPkeyPtr key;
    QString file;
};

struct Collected
{
    std::vector<FoundCertificate> certificates;
    std::vector<FoundKey> keys;
    QStringList files;
    QSet<QString> pkcs12Files;
    QStringList warnings;
};

QString native(const QString &path)
{
    return QDir::toNativeSeparators(path);
}

QString withDetail(const QString &detail)
{
    return detail.isEmpty() ? CertificateImporter::tr("no details") : detail;
}

struct PassphraseContext
{
    const QByteArray *passphrase = nullptr;
    bool asked = false;
};

// OpenSSL's default would prompt on the terminal; this never does.
int passphraseCallback(char *buffer, int size, int, void *userData)
{
    auto *context = static_cast<PassphraseContext *>(userData);
    context->asked = true;
    const QByteArray &passphrase = *context->passphrase;
    if (passphrase.isEmpty() || passphrase.size() > size) {
        return -1;
    }
    std::memcpy(buffer, passphrase.constData(), static_cast<size_t>(passphrase.size()));
    return static_cast<int>(passphrase.size());
}

// Old PKCS #12 files (RC2/3DES, as many Windows exports) need OpenSSL's
// legacy provider; loading any provider explicitly needs "default" too.
bool loadLegacyProvider()
{
    static std::once_flag once;
    static bool loaded = false;
    std::call_once(once, [] {
        const bool defaultLoaded = OSSL_PROVIDER_load(nullptr, "default") != nullptr;
        const bool legacyLoaded = OSSL_PROVIDER_load(nullptr, "legacy") != nullptr;
        loaded = defaultLoaded && legacyLoaded;
        clearErrors();
    });
    return loaded;
}

// A DER structure starts with a SEQUENCE whose length says how many bytes follow.
bool derLooksTruncated(const QByteArray &data)
{
    if (data.size() < 2 || static_cast<unsigned char>(data.at(0)) != 0x30) {
        return false;
    }
    const auto first = static_cast<unsigned char>(data.at(1));
    qint64 length = first;
    qint64 header = 2;
    if (first >= 0x80) {
        const int count = first & 0x7f;
        if (count == 0 || count > 4) {
            return false;
        }
        if (data.size() < 2 + count) {
            return true;
        }
        length = 0;
        for (int i = 0; i < count; ++i) {
            length = (length << 8) | static_cast<unsigned char>(data.at(2 + i));
        }
        header += count;
    }
    return header + length > data.size();
}

bool isCertificateLabel(const QByteArray &label)
{
    return label == "CERTIFICATE" || label == "X509 CERTIFICATE" || label == "TRUSTED CERTIFICATE";
}

bool isPrivateKeyLabel(const QByteArray &label)
{
    return label == "PRIVATE KEY" || label == "ENCRYPTED PRIVATE KEY" || label == "RSA PRIVATE KEY"
        || label == "EC PRIVATE KEY" || label == "DSA PRIVATE KEY";
}

enum class Protected { Key, Bundle };

Failure passphraseFailure(const QByteArray &passphrase, const QString &file, Protected what)
{
    const QString path = native(file);
    if (passphrase.isEmpty()) {
        return {Error::PassphraseRequired,
                what == Protected::Key
                    ? CertificateImporter::tr("The private key in %1 is protected by a passphrase. Enter the "
                                              "passphrase and import again.")
                          .arg(path)
                    : CertificateImporter::tr("The PKCS #12 bundle %1 is protected by a passphrase. Enter the "
                                              "passphrase and import again.")
                          .arg(path),
                file};
    }
    return {Error::WrongPassphrase,
            what == Protected::Key
                ? CertificateImporter::tr("The passphrase does not unlock the private key in %1. Check the "
                                          "passphrase (it is case sensitive) and import again.")
                      .arg(path)
                : CertificateImporter::tr("The passphrase does not unlock the PKCS #12 bundle %1. Check the "
                                          "passphrase (it is case sensitive) and import again.")
                      .arg(path),
            file};
}

Failure readPrivateKeyPem(const QString &file, QByteArray block, const QByteArray &label,
                          const QByteArray &passphrase, Collected &collected)
{
    clearErrors();
    PassphraseContext context{&passphrase};
    EvpPkeyPtr key;
    {
        const BioPtr bio = readOnlyBio(block);
        key.reset(PEM_read_bio_PrivateKey(bio.get(), nullptr, &passphraseCallback, &context));
    }
    const bool encrypted =
        context.asked || label == "ENCRYPTED PRIVATE KEY" || block.contains("Proc-Type: 4,ENCRYPTED");
    CertificateIdentity::wipe(block);
    if (!key) {
        const QString detail = takeErrors();
        if (encrypted) {
            return passphraseFailure(passphrase, file, Protected::Key);
        }
        return {Error::FileTruncated,
                CertificateImporter::tr("The private key in %1 is damaged or cut off (%2). Copy or download the "
                                        "file again.")
                    .arg(native(file), withDetail(detail)),
                file};
    }
    collected.keys.push_back({std::move(key), file});
    return {};
}

Failure readPem(const QString &file, const QByteArray &data, const QByteArray &passphrase, Collected &collected)
{
    static const QByteArray begin("-----BEGIN ");
    static const QByteArray dashes("-----");
    int usable = 0;
    int blocks = 0;
    QByteArrayList unusable;
    qsizetype position = 0;
    while ((position = data.indexOf(begin, position)) >= 0) {
        const qsizetype labelStart = position + begin.size();
        const qsizetype labelEnd = data.indexOf(dashes, labelStart);
        if (labelEnd < 0) {
            return {Error::FileTruncated,
                    CertificateImporter::tr("%1 is cut off inside a BEGIN line. Copy or download the file again.")
                        .arg(native(file)),
                    file};
        }
        const QByteArray label = data.mid(labelStart, labelEnd - labelStart);
        const QByteArray endLine = "-----END " + label + "-----";
        const qsizetype endPosition = data.indexOf(endLine, labelEnd);
        if (endPosition < 0) {
            return {Error::FileTruncated,
                    CertificateImporter::tr("%1 is cut off: the \"%2\" block has no END line. Copy or download the "
                                            "file again.")
                        .arg(native(file), QString::fromLatin1(label)),
                    file};
        }
        const qsizetype blockEnd = endPosition + endLine.size();
        QByteArray block = data.mid(position, blockEnd - position);
        block.append('\n');
        position = blockEnd;
        ++blocks;

        if (isCertificateLabel(label)) {
            clearErrors();
            const BioPtr bio = readOnlyBio(block);
            X509Ptr certificate(PEM_read_bio_X509_AUX(bio.get(), nullptr, nullptr, nullptr));
            if (!certificate) {
                return {Error::FileTruncated,
                        CertificateImporter::tr("A certificate in %1 is damaged or cut off (%2). Copy or download "
                                                "the file again.")
                            .arg(native(file), withDetail(takeErrors())),
                        file};
            }
            collected.certificates.push_back({std::move(certificate), file});
            ++usable;
        } else if (isPrivateKeyLabel(label)) {
            const Failure failure = readPrivateKeyPem(file, std::move(block), label, passphrase, collected);
            if (failure.failed()) {
                return failure;
            }
            ++usable;
        } else if (label == "OPENSSH PRIVATE KEY") {
            return {Error::UnsupportedKeyType,
                    CertificateImporter::tr("%1 holds an OpenSSH key, which TLS cannot use. Use the private key "
                                            "that belongs to the certificate, in PEM form.")
                        .arg(native(file)),
                    file};
        } else if (label == "PUBLIC KEY" || label == "RSA PUBLIC KEY") {
            collected.warnings.append(
                CertificateImporter::tr("%1 holds a public key, which is not needed; it was ignored.").arg(native(file)));
        } else if (label == "EC PARAMETERS") {
            // Written in front of SEC1 keys by "openssl ecparam -genkey"; the key names its curve itself.
        } else {
            unusable.append(label);
        }
    }
    if (usable == 0 && !unusable.isEmpty()) {
        return {Error::NotACertificate,
                CertificateImporter::tr("%1 is not a certificate or private key: it holds a \"%2\" block. Choose "
                                        "the certificate (.crt, .pem, .cer), the private key or a .p12/.pfx bundle.")
                    .arg(native(file), QString::fromLatin1(unusable.constFirst())),
                file};
    }
    if (blocks == 0) {
        return {Error::NotACertificate,
                CertificateImporter::tr("%1 holds no certificate and no private key.").arg(native(file)), file};
    }
    return {};
}

Failure readPkcs12(const QString &file, PKCS12 *bundle, const QByteArray &passphrase, Collected &collected)
{
    clearErrors();
    QByteArray password = passphrase;
    const char *pass = password.isEmpty() ? nullptr : password.constData();
    if (PKCS12_mac_present(bundle)) {
        bool macOk = false;
        if (password.isEmpty()) {
            macOk = PKCS12_verify_mac(bundle, nullptr, 0) == 1;
            if (!macOk && PKCS12_verify_mac(bundle, "", 0) == 1) {
                macOk = true;
                pass = "";
            }
        } else {
            macOk = PKCS12_verify_mac(bundle, pass, static_cast<int>(password.size())) == 1;
        }
        if (!macOk) {
            clearErrors();
            return passphraseFailure(passphrase, file, Protected::Bundle);
        }
    }

    EVP_PKEY *key = nullptr;
    X509 *certificate = nullptr;
    STACK_OF(X509) *others = nullptr;
    int parsed = PKCS12_parse(bundle, pass, &key, &certificate, &others);
    if (!parsed && loadLegacyProvider()) {
        clearErrors();
        parsed = PKCS12_parse(bundle, pass, &key, &certificate, &others);
    }
    if (!parsed) {
        const QString detail = takeErrors();
        if (!PKCS12_mac_present(bundle)) {
            return passphraseFailure(passphrase, file, Protected::Bundle);
        }
        return {Error::FileTruncated,
                CertificateImporter::tr("The PKCS #12 bundle %1 could not be opened (%2). Export it again, with "
                                        "AES encryption if the exporting program offers a choice.")
                    .arg(native(file), withDetail(detail)),
                file};
    }
    collected.pkcs12Files.insert(file);
    if (key) {
        collected.keys.push_back({EvpPkeyPtr(key), file});
    }
    if (certificate) {
        collected.certificates.push_back({X509Ptr(certificate), file});
    }
    if (others) {
        while (X509 *other = sk_X509_shift(others)) {
            collected.certificates.push_back({X509Ptr(other), file});
        }
        sk_X509_free(others);
    }
    if (!key && !certificate && collected.certificates.empty()) {
        return {Error::NotACertificate,
                CertificateImporter::tr("The PKCS #12 bundle %1 is empty.").arg(native(file)), file};
    }
    return {};
}

Failure readDer(const QString &file, const QByteArray &data, const QByteArray &passphrase, Collected &collected)
{
    clearErrors();
    const auto *bytes = reinterpret_cast<const unsigned char *>(data.constData());
    const long length = static_cast<long>(data.size());

    const unsigned char *cursor = bytes;
    if (Pkcs12Ptr bundle(d2i_PKCS12(nullptr, &cursor, length)); bundle) {
        return readPkcs12(file, bundle.get(), passphrase, collected);
    }
    cursor = bytes;
    if (X509Ptr certificate(d2i_X509(nullptr, &cursor, length)); certificate) {
        collected.certificates.push_back({std::move(certificate), file});
        clearErrors();
        return {};
    }
    cursor = bytes;
    if (EvpPkeyPtr key(d2i_AutoPrivateKey(nullptr, &cursor, length)); key) {
        collected.keys.push_back({std::move(key), file});
        clearErrors();
        return {};
    }
    cursor = bytes;
    if (X509SigPtr encrypted(d2i_X509_SIG(nullptr, &cursor, length)); encrypted) {
        clearErrors();
        if (passphrase.isEmpty()) {
            return passphraseFailure(passphrase, file, Protected::Key);
        }
        const Pkcs8InfoPtr info(
            PKCS8_decrypt(encrypted.get(), passphrase.constData(), static_cast<int>(passphrase.size())));
        EvpPkeyPtr key(info ? EVP_PKCS82PKEY(info.get()) : nullptr);
        clearErrors();
        if (!key) {
            return passphraseFailure(passphrase, file, Protected::Key);
        }
        collected.keys.push_back({std::move(key), file});
        return {};
    }
    clearErrors();
    if (derLooksTruncated(data)) {
        return {Error::FileTruncated,
                CertificateImporter::tr("%1 is cut off: it ends before the certificate or key it starts. Copy or "
                                        "download the file again.")
                    .arg(native(file)),
                file};
    }
    return {Error::NotACertificate,
            CertificateImporter::tr("%1 is not a certificate, a private key or a PKCS #12 bundle.").arg(native(file)),
            file};
}

Failure readFile(const QString &path, const QByteArray &passphrase, Collected &collected)
{
    const QFileInfo info(path);
    if (!info.exists()) {
        return {Error::FileUnreadable, CertificateImporter::tr("%1 does not exist.").arg(native(path)), path};
    }
    if (info.isDir()) {
        return {Error::FileUnreadable,
                CertificateImporter::tr("%1 is a folder; choose the files in it.").arg(native(path)), path};
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return {Error::FileUnreadable,
                CertificateImporter::tr("%1 cannot be read (%2). Check that your user may read it.")
                    .arg(native(path), file.errorString()),
                path};
    }
    if (file.size() > MaxFileBytes) {
        return {Error::NotACertificate,
                CertificateImporter::tr("%1 is too large (%2 bytes) to be a certificate or key file.")
                    .arg(native(path))
                    .arg(file.size()),
                path};
    }
    QByteArray data = file.readAll();
    if (file.error() != QFileDevice::NoError) {
        CertificateIdentity::wipe(data);
        return {Error::FileUnreadable,
                CertificateImporter::tr("%1 cannot be read (%2).").arg(native(path), file.errorString()), path};
    }
    Failure failure;
    if (data.isEmpty()) {
        failure = {Error::FileTruncated, CertificateImporter::tr("%1 is empty.").arg(native(path)), path};
    } else if (data.contains("-----BEGIN ")) {
        failure = readPem(path, data, passphrase, collected);
    } else if (static_cast<unsigned char>(data.at(0)) == 0x30) {
        failure = readDer(path, data, passphrase, collected);
    } else {
        failure = {Error::NotACertificate,
                   CertificateImporter::tr("%1 is not a certificate, a private key or a PKCS #12 bundle.")
                       .arg(native(path)),
                   path};
    }
    CertificateIdentity::wipe(data);
    collected.files.append(path);
    return failure;
}

Result failed(const Failure &failure)
{
    Result result;
    result.error = failure.error;
    result.errorString = failure.text;
    result.errorFile = failure.file;
    return result;
}

QString certificateLabel(X509 *certificate)
{
    const QString name = commonName(X509_get_subject_name(certificate));
    return name.isEmpty() ? nameText(X509_get_subject_name(certificate)) : QStringLiteral("\"%1\"").arg(name);
}

Result assemble(Collected &collected, const QDateTime &now)
{
    // The same certificate or key may come twice (a bundle and a PEM file).
    for (size_t i = 0; i < collected.certificates.size(); ++i) {
        for (size_t j = collected.certificates.size() - 1; j > i; --j) {
            if (X509_cmp(collected.certificates[i].certificate.get(), collected.certificates[j].certificate.get())
                == 0) {
                collected.certificates.erase(collected.certificates.begin() + static_cast<std::ptrdiff_t>(j));
            }
        }
    }
    for (size_t i = 0; i < collected.keys.size(); ++i) {
        for (size_t j = collected.keys.size() - 1; j > i; --j) {
            if (EVP_PKEY_eq(collected.keys[i].key.get(), collected.keys[j].key.get()) == 1) {
                collected.keys.erase(collected.keys.begin() + static_cast<std::ptrdiff_t>(j));
            }
        }
    }
    clearErrors();

    if (collected.certificates.empty() && collected.keys.empty()) {
        return failed({Error::NotACertificate,
                       CertificateImporter::tr("None of the files holds a certificate or a private key."), {}});
    }
    if (collected.keys.empty()) {
        return failed({Error::MissingPrivateKey,
                       CertificateImporter::tr("%1 holds certificates but no private key. Add the private key file "
                                               "(for AWS IoT: *-private.pem.key), or use the .p12/.pfx bundle that "
                                               "contains it.")
                           .arg(native(collected.certificates.front().file)),
                       collected.certificates.front().file});
    }
    if (collected.certificates.empty()) {
        return failed({Error::MissingCertificate,
                       CertificateImporter::tr("%1 holds a private key but no certificate. Add the certificate file "
                                               "(for AWS IoT: *-certificate.pem.crt).")
                           .arg(native(collected.keys.front().file)),
                       collected.keys.front().file});
    }
    if (collected.keys.size() > 1) {
        QStringList files;
        for (const FoundKey &key : collected.keys) {
            files.append(native(key.file));
        }
        files.removeDuplicates();
        return failed({Error::AmbiguousPrivateKey,
                       CertificateImporter::tr("The files hold %1 different private keys (%2). Import one "
                                               "certificate with its own key at a time.")
                           .arg(collected.keys.size())
                           .arg(files.join(QLatin1String(", "))),
                       collected.keys.front().file});
    }
    const FoundKey &key = collected.keys.front();

    auto leaf = std::find_if(collected.certificates.begin(), collected.certificates.end(),
                             [&](const FoundCertificate &c) { return keyMatches(c.certificate.get(), key.key.get()); });
    clearErrors();
    if (leaf == collected.certificates.end()) {
        // Name the certificate the user most likely meant: the first that is not a CA.
        auto meant = std::find_if(collected.certificates.begin(), collected.certificates.end(),
                                  [](const FoundCertificate &c) { return X509_check_ca(c.certificate.get()) == 0; });
        if (meant == collected.certificates.end()) {
            meant = collected.certificates.begin();
        }
        return failed({Error::KeyMismatch,
                       CertificateImporter::tr("The private key in %1 does not belong to the certificate %2 in %3. "
                                               "Choose the key file that was created together with this "
                                               "certificate.")
                           .arg(native(key.file), certificateLabel(meant->certificate.get()), native(meant->file)),
                       key.file});
    }
    if (const QString reason = unsupportedKeyReason(key.key.get()); !reason.isEmpty()) {
        return failed({Error::UnsupportedKeyType,
                       CertificateImporter::tr("%1 (key file: %2)").arg(reason, native(key.file)), key.file});
    }

    // Chain: from the client certificate up through the issuers we have.
    std::vector<size_t> chain{static_cast<size_t>(leaf - collected.certificates.begin())};
    std::set<size_t> used{chain.front()};
    for (;;) {
        X509 *current = collected.certificates[chain.back()].certificate.get();
        if (X509_self_signed(current, 0) == 1) {
            break;
        }
        size_t next = collected.certificates.size();
        for (size_t i = 0; i < collected.certificates.size(); ++i) {
            if (!used.count(i) && issued(collected.certificates[i].certificate.get(), current)) {
                next = i;
                break;
            }
        }
        if (next == collected.certificates.size()) {
            break;
        }
        chain.push_back(next);
        used.insert(next);
    }
    clearErrors();
    std::vector<size_t> anchors;
    // A root at the top of the chain is not sent to the broker; it is a trust anchor.
    if (chain.size() > 1 && isSelfSignedCa(collected.certificates[chain.back()].certificate.get())) {
        anchors.push_back(chain.back());
        chain.pop_back();
    }
    for (size_t i = 0; i < collected.certificates.size(); ++i) {
        if (used.count(i)) {
            continue;
        }
        X509 *certificate = collected.certificates[i].certificate.get();
        if (isSelfSignedCa(certificate)) {
            anchors.push_back(i);
        } else {
            collected.warnings.append(CertificateImporter::tr("The certificate %1 in %2 is not part of the client "
                                                              "certificate's chain; it was not imported.")
                                          .arg(certificateLabel(certificate),
                                               native(collected.certificates[i].file)));
        }
    }
    clearErrors();

    X509 *leafCertificate = leaf->certificate.get();
    CertificateInfo info = describe(leafCertificate);
    const QString leafLabel = certificateLabel(leafCertificate);
    if (now < info.notBefore) {
        return failed({Error::CertificateNotYetValid,
                       CertificateImporter::tr("The certificate %1 in %2 is not valid before %3 (UTC). Check the "
                                               "computer's date and time, or import it once it is valid.")
                           .arg(leafLabel, native(leaf->file), info.notBefore.toString(Qt::ISODate)),
                       leaf->file});
    }
    if (now > info.notAfter) {
        return failed({Error::CertificateExpired,
                       CertificateImporter::tr("The certificate %1 in %2 expired on %3 (UTC). Ask for a renewed "
                                               "certificate and import that one.")
                           .arg(leafLabel, native(leaf->file), info.notAfter.toString(Qt::ISODate)),
                       leaf->file});
    }
    if (info.validity(now) == CertificateInfo::Validity::ExpiresSoon) {
        //: %1 certificate, %2 e.g. "expires today" or "expires in 12 days", %3 date and time
        collected.warnings.prepend(CertificateImporter::tr("The certificate %1 %2, on %3 (UTC). Ask for a renewed "
                                                           "certificate now and import it as a replacement.")
                                       .arg(leafLabel, info.expiryText(now), info.notAfter.toString(Qt::ISODate)));
    }

    Result result;
    for (const size_t index : chain) {
        result.identity.certificateChainPem += certificatePem(collected.certificates[index].certificate.get());
    }
    for (const size_t index : anchors) {
        result.identity.caCertificatesPem += certificatePem(collected.certificates[index].certificate.get());
    }
    result.identity.privateKeyPem = privateKeyPem(key.key.get());
    if (result.identity.certificateChainPem.isEmpty() || result.identity.privateKeyPem.isEmpty()) {
        const QString detail = takeErrors();
        result.identity.wipe();
        return failed({Error::NotACertificate,
                       CertificateImporter::tr("The certificate or key could not be converted for storage (%1).")
                           .arg(withDetail(detail)),
                       {}});
    }

    info.name = info.commonName.isEmpty() ? QFileInfo(leaf->file).completeBaseName() : info.commonName;
    info.chainCertificates = static_cast<int>(chain.size()) - 1;
    info.caCertificates = static_cast<int>(anchors.size());
    result.info = info;
    result.warnings = collected.warnings;

    QSet<QString> chainFiles;
    QSet<QString> anchorFiles;
    for (size_t i = 1; i < chain.size(); ++i) {
        chainFiles.insert(collected.certificates[chain[i]].file);
    }
    for (const size_t index : anchors) {
        anchorFiles.insert(collected.certificates[index].file);
    }
    for (const QString &file : std::as_const(collected.files)) {
        FileRole role = FileRole::Unused;
        if (collected.pkcs12Files.contains(file)) {
            role = FileRole::Pkcs12Bundle;
        } else if (file == leaf->file) {
            role = FileRole::ClientCertificate;
        } else if (file == key.file) {
            role = FileRole::PrivateKey;
        } else if (chainFiles.contains(file)) {
            role = FileRole::ChainCertificates;
        } else if (anchorFiles.contains(file)) {
            role = FileRole::CaCertificates;
        }
        result.files.append({file, role});
    }
    return result;
}

} // namespace

class CertificateImporter::Private
{
public:
    QStringList files;
    QByteArray passphrase;
    Result result;
    QFutureWatcher<Result> watcher;
    bool running = false;
};

CertificateImporter::CertificateImporter(QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>())
{
    connect(&d->watcher, &QFutureWatcher<Result>::finished, this, [this] {
        if (!d->running) {
            return;   // the empty future set below reports itself finished too
        }
        d->running = false;
        d->result = d->watcher.result();
        // The future holds its own copy of the result, key included; drop it.
        d->watcher.setFuture(QFuture<Result>());
        Q_EMIT finished();
    });
}

CertificateImporter::~CertificateImporter()
{
    clearSecrets();
    CertificateIdentity::wipe(d->passphrase);
}

void CertificateImporter::setFiles(const QStringList &paths)
{
    d->files = paths;
}

QStringList CertificateImporter::files() const
{
    return d->files;
}

void CertificateImporter::setPassphrase(const QByteArray &passphrase)
{
    CertificateIdentity::wipe(d->passphrase);
    d->passphrase = passphrase;
}

void CertificateImporter::start()
{
    Q_ASSERT_X(!d->running, "CertificateImporter::start", "an import is already running");
    if (d->running) {
        return;
    }
    clearSecrets();
    d->result = {};
    d->running = true;
    QByteArray passphrase = std::exchange(d->passphrase, {});
    d->watcher.setFuture(QtConcurrent::run([files = d->files, passphrase]() mutable {
        Result result = importFiles(files, passphrase);
        CertificateIdentity::wipe(passphrase);
        return result;
    }));
    CertificateIdentity::wipe(passphrase);
}

bool CertificateImporter::isRunning() const
{
    return d->running;
}

CertificateImporter::Result CertificateImporter::result() const
{
    return d->result;
}

CertificateImporter::Error CertificateImporter::error() const
{
    return d->result.error;
}

QString CertificateImporter::errorString() const
{
    return d->result.errorString;
}

QStringList CertificateImporter::warnings() const
{
    return d->result.warnings;
}

void CertificateImporter::clearSecrets()
{
    d->result.identity.wipe();
}

CertificateImporter::Result CertificateImporter::importFiles(const QStringList &paths, const QByteArray &passphrase,
                                                             const QDateTime &now)
{
    if (paths.isEmpty()) {
        return failed({Error::NoFiles,
                       tr("No files were given. Choose the certificate and its private key, or a .p12/.pfx "
                          "bundle."),
                       {}});
    }
    Collected collected;
    for (const QString &path : paths) {
        const Failure failure = readFile(path, passphrase, collected);
        if (failure.failed()) {
            return failed(failure);
        }
    }
    return assemble(collected, now);
}
