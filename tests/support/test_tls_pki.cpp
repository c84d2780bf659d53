#include "test_tls_pki.h"

#include <QFile>

TestTlsPki::TestTlsPki(const QString &directory)
    : TestPki(directory)
{
    QFile::setPermissions(directory, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadGroup
                                         | QFile::ExeGroup | QFile::ReadOther | QFile::ExeOther);
    TestPki::CertificateSpec ca;
    ca.commonName = QStringLiteral("LineScope Test CA");
    ca.ca = true;
    ca.notBeforeSeconds = -60 * Day;   // older than every client certificate the tests make
    TestPki::CertificateSpec server;
    server.commonName = QStringLiteral("127.0.0.1");
    server.ipAddresses = {QStringLiteral("127.0.0.1")};
    server.dnsNames = {QStringLiteral("localhost")};
    m_valid = makeKey(QStringLiteral("caKey"), KeyType::EcP256)
        && makeCertificate(QStringLiteral("ca"), QStringLiteral("caKey"), {}, ca)
        && makeKey(QStringLiteral("serverKey"), KeyType::EcP256)
        && makeCertificate(QStringLiteral("server"), QStringLiteral("serverKey"), QStringLiteral("ca"), server)
        && !writeCertificatesPem(QStringLiteral("ca.crt"), {QStringLiteral("ca")}).isEmpty()
        && !writeCertificatesPem(QStringLiteral("server.crt"), {QStringLiteral("server")}).isEmpty()
        && !writeKey(QStringLiteral("server.key"), QStringLiteral("serverKey"), KeyFormat::Pkcs8Pem).isEmpty()
        && addClient(QStringLiteral("client"));
}

bool TestTlsPki::addClient(const QString &name, qint64 notBeforeSeconds, qint64 notAfterSeconds)
{
    TestPki::CertificateSpec spec;
    spec.commonName = name;
    spec.notBeforeSeconds = notBeforeSeconds;
    spec.notAfterSeconds = notAfterSeconds;
    const QString key = name + QStringLiteral("-key");
    return makeKey(key, KeyType::EcP256) && makeCertificate(name, key, QStringLiteral("ca"), spec)
        && !writeCertificatesPem(name + QStringLiteral(".crt"), {name}).isEmpty()
        && !writeKey(name + QStringLiteral(".key"), key, KeyFormat::Pkcs8Pem).isEmpty();
}

TestBroker::TlsListener TestTlsPki::listener(bool requireCertificate) const
{
    TestBroker::TlsListener tls;
    tls.caFile = caFile();
    tls.certificateFile = serverCertificateFile();
    tls.keyFile = serverKeyFile();
    tls.requireCertificate = requireCertificate;
    return tls;
}
