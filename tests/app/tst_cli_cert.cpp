#include "cli/sub_command.h"
#include "cli_process.h"
#include "test_broker.h"
#include "test_tls_pki.h"
#include "vault/certificate_importer.h"
#include "vault_test_util.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

// linescope-cli cert ... and sub/pub with client certificates: the real
// binary (LINESCOPE_CLI) with a throwaway keyring (ctest runs this under
// tests/support/with-keyring.sh) and a mosquitto that requires certificates.
class TestCliCert : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void importListShowExportDelete();
    void import_data();
    void import();
    void usageErrors_data();
    void usageErrors();
    void certificateOptionsParsed_data();
    void certificateOptionsParsed();
    void subWithCertId();
    void connectionFailures_data();
    void connectionFailures();

private:
    QProcessEnvironment environment() const;
    CliProcess::Outcome cli(const QStringList &arguments) const
    {
        return CliProcess::run(m_cli, arguments, {}, environment());
    }
    QString importId(const QStringList &arguments);
    QStringList tlsArguments() const;
    QString file(const QString &name) const { return m_pki->path(name); }

    QString m_cli;
    QTemporaryDir m_dir;      // certificates and keys as files, the input of the tests
    QTemporaryDir m_home;     // the CLI's configuration and data folders
    std::unique_ptr<TestTlsPki> m_pki;
    std::unique_ptr<TestBroker> m_broker;
    QStringList m_keys;
    int m_tlsPort = 0;
};

namespace {

constexpr qint64 Day = 24 * 3600;
const QByteArray Passphrase("line-3 press passphrase");

} // namespace

QProcessEnvironment TestCliCert::environment() const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home.filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("XDG_DATA_HOME"), m_home.filePath(QStringLiteral("data")));
    env.insert(QStringLiteral("XDG_CACHE_HOME"), m_home.filePath(QStringLiteral("cache")));
    return env;
}

QString TestCliCert::importId(const QStringList &arguments)
{
    const CliProcess::Outcome outcome = cli(QStringList{QStringLiteral("cert"), QStringLiteral("import")} + arguments);
    static const QRegularExpression imported(QStringLiteral("^Imported \".*\" as ([0-9a-f]{16}): "));
    const QRegularExpressionMatch match = imported.match(outcome.outText());
    if (outcome.exitCode != 0 || !match.hasMatch()) {
        qWarning("%s", qPrintable(outcome.describe()));
        return {};
    }
    return match.captured(1);
}

QStringList TestCliCert::tlsArguments() const
{
    return {QStringLiteral("-h"), QStringLiteral("127.0.0.1"), QStringLiteral("-p"), QString::number(m_tlsPort),
            QStringLiteral("--cafile"), file(QStringLiteral("ca.crt"))};
}

void TestCliCert::initTestCase()
{
    QVERIFY2(qEnvironmentVariableIsSet("LINESCOPE_TEST_KEYRING"),
             "This test writes to the OS keychain. Run it through ctest or tests/support/with-keyring.sh.");
    m_cli = qEnvironmentVariable("LINESCOPE_CLI", QStringLiteral(LINESCOPE_BINARY_DIR "/app/linescope-cli"));
    QVERIFY2(QFile::exists(m_cli), qPrintable(m_cli + QLatin1String(" does not exist")));
    QVERIFY2(m_dir.isValid() && m_home.isValid(), "no temporary folder");
    m_pki = std::make_unique<TestTlsPki>(m_dir.path());
    TestTlsPki &pki = *m_pki;
    QVERIFY2(pki.isValid(), qPrintable(pki.error()));

    struct Client
    {
        QString name;
        qint64 from;
        qint64 to;
    };
    const QList<Client> clients = {
        {QStringLiteral("press-1"), -Day, 365 * Day},
        {QStringLiteral("press-2"), -Day, 365 * Day},
        {QStringLiteral("press-3"), -Day, 365 * Day},
        {QStringLiteral("soon"), -Day, 10 * Day},
        {QStringLiteral("expired"), -30 * Day, -Day},
    };
    for (const Client &client : clients) {
        QVERIFY2(pki.addClient(client.name, client.from, client.to), qPrintable(pki.error()));
        m_keys.append(client.name + QStringLiteral("-key"));
    }
    QVERIFY2(!pki.writeKey(QStringLiteral("press-2-encrypted.key"), QStringLiteral("press-2-key"),
                           TestPki::KeyFormat::EncryptedPkcs8Pem, Passphrase)
                  .isEmpty()
                 && !pki.writePkcs12(QStringLiteral("press-3.p12"), QStringLiteral("press-3"),
                                     QStringLiteral("press-3-key"), {QStringLiteral("ca")}, Passphrase)
                         .isEmpty()
                 && !pki.writeBytes(QStringLiteral("passphrase.txt"), Passphrase + "\n").isEmpty()
                 && !pki.writeBytes(QStringLiteral("wrong-passphrase.txt"), "not it\n").isEmpty(),
             qPrintable(pki.error()));

    m_broker = std::make_unique<TestBroker>();
    m_broker->setTlsListener(pki.listener());
    QString error;
    QVERIFY2(m_broker->start(&error), qPrintable(error));
    m_tlsPort = m_broker->tlsPort();
}

void TestCliCert::cleanupTestCase()
{
    m_broker.reset();
    if (!m_pki) {
        return;
    }
    QList<QByteArray> needles;
    for (const QString &key : std::as_const(m_keys)) {
        needles += m_pki->keyNeedles(key);
    }
    const QStringList leaks = VaultTestUtil::filesWithKeyMaterial({m_home.path()}, needles);
    QVERIFY2(leaks.isEmpty(), qPrintable(QStringLiteral("key material in: ") + leaks.join(QLatin1String(", "))));
}

void TestCliCert::importListShowExportDelete()
{
    CliProcess::Outcome outcome = cli({QStringLiteral("cert"), QStringLiteral("list")});
    QVERIFY2(outcome.exitCode == 0 && outcome.outText().isEmpty(), qPrintable(outcome.describe()));
    QVERIFY2(outcome.errText().contains(QLatin1String("No certificates stored")), qPrintable(outcome.describe()));

    const QString id = importId({file(QStringLiteral("press-1.crt")), file(QStringLiteral("press-1.key")),
                                 QStringLiteral("--name"), QStringLiteral("Press 1")});
    QVERIFY(!id.isEmpty());
    const CertificateImporter::Result expected = CertificateImporter::importFiles(
        {file(QStringLiteral("press-1.crt")), file(QStringLiteral("press-1.key"))}, {});
    QVERIFY(expected.isOk());

    outcome = cli({QStringLiteral("cert"), QStringLiteral("list")});
    QVERIFY2(outcome.exitCode == 0, qPrintable(outcome.describe()));
    const QStringList lines = outcome.outText().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 2);
    QVERIFY2(lines.at(0).startsWith(QLatin1String("ID")) && lines.at(0).contains(QLatin1String("DAYS LEFT")),
             qPrintable(lines.at(0)));
    for (const QString &word : {id, QStringLiteral("Press 1"), QStringLiteral("EC P-256"),
                                expected.info.notAfter.date().toString(Qt::ISODate), QStringLiteral("CN=press-1")}) {
        QVERIFY2(lines.at(1).contains(word), qPrintable(word + QLatin1String(" missing in ") + lines.at(1)));
    }
    // Days left in calendar days, as the GUI counts them.
    const QString days = QString::number(expected.info.calendarDaysLeft());
    QVERIFY2(lines.at(1).contains(QRegularExpression(QStringLiteral("\\s%1\\s").arg(days))),
             qPrintable(days + QLatin1String(" days left missing in ") + lines.at(1)));

    for (const QString &name : {id, id.left(6), QStringLiteral("Press 1")}) {
        outcome = cli({QStringLiteral("cert"), QStringLiteral("show"), name});
        QVERIFY2(outcome.exitCode == 0, qPrintable(outcome.describe()));
        QVERIFY2(outcome.outText().contains(expected.info.sha256Fingerprint), qPrintable(outcome.describe()));
        QVERIFY2(outcome.outText().contains(QStringLiteral("cert/%1/key").arg(id)), qPrintable(outcome.describe()));
        QVERIFY2(!outcome.outText().contains(QLatin1String("PRIVATE KEY")), qPrintable(outcome.describe()));
    }

    outcome = cli({QStringLiteral("cert"), QStringLiteral("export"), id});
    QVERIFY2(outcome.exitCode == 0, qPrintable(outcome.describe()));
    QCOMPARE(outcome.out, m_pki->certificatePem(QStringLiteral("press-1")));
    const QString exportFile = m_home.filePath(QStringLiteral("exported.pem"));
    outcome = cli({QStringLiteral("cert"), QStringLiteral("export"), id.left(8), QStringLiteral("-o"), exportFile});
    QVERIFY2(outcome.exitCode == 0, qPrintable(outcome.describe()));
    QFile exported(exportFile);
    QVERIFY2(exported.open(QIODevice::ReadOnly), qPrintable(exported.errorString()));
    QCOMPARE(exported.readAll(), m_pki->certificatePem(QStringLiteral("press-1")));

    outcome = cli({QStringLiteral("cert"), QStringLiteral("import"), file(QStringLiteral("press-1.crt")),
                   file(QStringLiteral("press-1.key"))});
    QVERIFY2(outcome.exitCode == 1 && outcome.errText().contains(QLatin1String("already stored")),
             qPrintable(outcome.describe()));

    outcome = cli({QStringLiteral("cert"), QStringLiteral("delete"), id});
    QVERIFY2(outcome.exitCode == 0 && outcome.outText().contains(QLatin1String("Deleted \"Press 1\"")),
             qPrintable(outcome.describe()));
    outcome = cli({QStringLiteral("cert"), QStringLiteral("list")});
    QVERIFY2(outcome.exitCode == 0 && outcome.outText().isEmpty(), qPrintable(outcome.describe()));
    outcome = cli({QStringLiteral("cert"), QStringLiteral("show"), id});
    QVERIFY2(outcome.exitCode == 1 && outcome.errText().startsWith(QLatin1String("Error: ")), qPrintable(outcome.describe()));
}

void TestCliCert::import_data()
{
    QTest::addColumn<QStringList>("arguments");   // file names are resolved in the PKI folder
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("words");           // in stderr

    QTest::newRow("encrypted key with --passphrase-file")
        << QStringList{"press-2.crt", "press-2-encrypted.key", "--passphrase-file", "passphrase.txt"} << 0
        << QString();
    QTest::newRow("encrypted key without passphrase")
        << QStringList{"press-2.crt", "press-2-encrypted.key"} << 1 << QStringLiteral("protected by a passphrase");
    QTest::newRow("wrong passphrase")
        << QStringList{"press-2.crt", "press-2-encrypted.key", "--passphrase-file", "wrong-passphrase.txt"} << 1
        << QStringLiteral("does not unlock");
    QTest::newRow("PKCS #12 bundle") << QStringList{"press-3.p12", "--passphrase-file", "passphrase.txt"} << 0
                                     << QString();
    QTest::newRow("expires in 10 days: imported with a warning")
        << QStringList{"soon.crt", "soon.key"} << 0 << QStringLiteral("Warning: The certificate \"soon\" expires in");
    QTest::newRow("expired") << QStringList{"expired.crt", "expired.key"} << 1 << QStringLiteral("expired on");
    QTest::newRow("key of another certificate")
        << QStringList{"press-1.crt", "press-2.key"} << 1 << QStringLiteral("does not belong");
    QTest::newRow("missing file") << QStringList{"press-1.crt", "nowhere.key"} << 1
                                  << QStringLiteral("does not exist");
    QTest::newRow("missing passphrase file") << QStringList{"press-3.p12", "--passphrase-file", "nowhere.txt"} << 1
                                             << QStringLiteral("Cannot read the passphrase file");
}

void TestCliCert::import()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QString, words);
    QStringList resolved = {QStringLiteral("cert"), QStringLiteral("import")};
    for (const QString &argument : std::as_const(arguments)) {
        resolved.append(argument.startsWith(QLatin1Char('-')) ? argument : file(argument));
    }
    const CliProcess::Outcome outcome = cli(resolved);
    QVERIFY2(outcome.exited && outcome.exitCode == exitCode, qPrintable(outcome.describe()));
    if (!words.isEmpty()) {
        QVERIFY2(outcome.errText().contains(words), qPrintable(outcome.describe()));
    }
    QVERIFY2(!outcome.outText().contains(QLatin1String("PRIVATE KEY")) && !outcome.errText().contains(QLatin1String("PRIVATE KEY")),
             qPrintable(outcome.describe()));
    if (exitCode != 0) {
        QVERIFY2(outcome.errText().startsWith(QLatin1String("Error: ")), qPrintable(outcome.describe()));
        return;
    }
    static const QRegularExpression imported(QStringLiteral("^Imported \".*\" as ([0-9a-f]{16}): "));
    const QRegularExpressionMatch match = imported.match(outcome.outText());
    QVERIFY2(match.hasMatch(), qPrintable(outcome.describe()));
    const CliProcess::Outcome removed = cli({QStringLiteral("cert"), QStringLiteral("delete"), match.captured(1)});
    QVERIFY2(removed.exitCode == 0, qPrintable(removed.describe()));
}

void TestCliCert::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("words");

    QTest::newRow("no action") << QStringList{"cert"} << QStringLiteral("Give an action");
    QTest::newRow("unknown action") << QStringList{"cert", "rotate"} << QStringLiteral("Unknown action \"rotate\"");
    QTest::newRow("import without files") << QStringList{"cert", "import"} << QStringLiteral("needs the files");
    QTest::newRow("show without id") << QStringList{"cert", "show"} << QStringLiteral("exactly one certificate id");
    QTest::newRow("-o with list") << QStringList{"cert", "list", "-o", "x.pem"}
                                  << QStringLiteral("-o only applies to cert export");
    QTest::newRow("--cert without --key") << QStringList{"sub", "-t", "a", "--cert", "@press-1.crt"}
                                          << QStringLiteral("--cert and --key go together");
    QTest::newRow("--cert-id and --cert") << QStringList{"sub", "-t", "a", "--cert-id", "abcd", "--cert",
                                                         "@press-1.crt", "--key", "@press-1.key"}
                                          << QStringLiteral("either --cert-id or --cert");
    QTest::newRow("unknown --cert-id") << QStringList{"pub", "-t", "a", "-m", "x", "--cert-id", "press-9"}
                                       << QStringLiteral("no certificate \"press-9\"");
}

void TestCliCert::usageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, words);
    for (QString &argument : arguments) {
        if (argument.startsWith(QLatin1Char('@'))) {
            argument = file(argument.mid(1));
        }
    }
    const CliProcess::Outcome outcome = cli(arguments);
    QVERIFY2(outcome.exited && outcome.exitCode == 1, qPrintable(outcome.describe()));
    QVERIFY2(outcome.errText().startsWith(QLatin1String("Error: ")) && outcome.errText().contains(words),
             qPrintable(outcome.describe()));
}

void TestCliCert::certificateOptionsParsed_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("port");
    QTest::addColumn<bool>("pemInMemory");
    QTest::addColumn<QString>("caFile");

    QTest::newRow("--cert/--key: TLS on 8883, system store")
        << QStringList{"--cert", "@press-1.crt", "--key", "@press-1.key"} << 8883 << true << QString();
    QTest::newRow("--cert/--key with -p and --cafile")
        << QStringList{"-p", "8884", "--cafile", "@ca.crt", "--cert", "@press-1.crt", "--key", "@press-1.key"} << 8884
        << true << QStringLiteral("ca.crt");
}

// In-process: what the options put into the connection settings.
void TestCliCert::certificateOptionsParsed()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, port);
    QFETCH(bool, pemInMemory);
    QFETCH(QString, caFile);
    for (QString &argument : arguments) {
        if (argument.startsWith(QLatin1Char('@'))) {
            argument = file(argument.mid(1));
        }
    }
    QBuffer out;
    QBuffer err;
    out.open(QIODevice::WriteOnly);
    err.open(QIODevice::WriteOnly);
    SubCommand command(&out, &err);
    QVERIFY2(command.parseArguments(QStringList{QStringLiteral("-t"), QStringLiteral("a/#")} + arguments),
             err.data().constData());
    const ConnectionSettings settings = command.options().connection;
    QVERIFY(settings.tls.enabled);
    QCOMPARE(settings.port, port);
    QCOMPARE(settings.tls.caFile.isEmpty(), caFile.isEmpty());
    if (pemInMemory) {
        QCOMPARE(settings.tls.clientCertificatePem, m_pki->certificatePem(QStringLiteral("press-1")));
        QCOMPARE(settings.tls.clientKeyPem, m_pki->keyPem(QStringLiteral("press-1-key")));
    }
    QVERIFY2(settings.validate().isEmpty(), qPrintable(settings.validate()));
}

void TestCliCert::subWithCertId()
{
    const QString id = importId({file(QStringLiteral("press-1.crt")), file(QStringLiteral("press-1.key")),
                                 QStringLiteral("--name"), QStringLiteral("sub identity")});
    QVERIFY(!id.isEmpty());

    // pub with the key file read into memory, retained, so sub finds it whenever it subscribes.
    const CliProcess::Outcome published = cli(QStringList{QStringLiteral("pub"), QStringLiteral("-t"), QStringLiteral("mtls/press-1"),
                                              QStringLiteral("-m"), QStringLiteral("hello over mutual TLS"),
                                              QStringLiteral("-r"), QStringLiteral("-q"), QStringLiteral("1"),
                                              QStringLiteral("--cert"), file(QStringLiteral("press-2.crt")),
                                              QStringLiteral("--key"), file(QStringLiteral("press-2.key"))}
                                  + tlsArguments());
    QVERIFY2(published.exitCode == 0, qPrintable(published.describe() + m_broker->logText().right(1500)));

    for (const QString &name : {id, QStringLiteral("sub identity")}) {
        const CliProcess::Outcome received = cli(QStringList{QStringLiteral("sub"), QStringLiteral("-t"), QStringLiteral("mtls/#"),
                                                 QStringLiteral("-C"), QStringLiteral("1"), QStringLiteral("-V"),
                                                 QStringLiteral("5"), QStringLiteral("--cert-id"), name}
                                     + tlsArguments());
        QVERIFY2(received.exitCode == 0, qPrintable(received.describe() + m_broker->logText().right(1500)));
        QCOMPARE(received.outText(), QStringLiteral("hello over mutual TLS\n"));
    }
    // Without --cafile the broker is checked against the system store, which does not know the test CA.
    const CliProcess::Outcome untrusted = cli({QStringLiteral("sub"), QStringLiteral("-t"), QStringLiteral("mtls/#"),
                                   QStringLiteral("-C"), QStringLiteral("1"), QStringLiteral("-h"),
                                   QStringLiteral("127.0.0.1"), QStringLiteral("-p"), QString::number(m_tlsPort),
                                   QStringLiteral("--cert-id"), id});
    QVERIFY2(untrusted.exitCode == 1 && untrusted.errText().contains(QLatin1String("unknown CA")),
             qPrintable(untrusted.describe()));
    QVERIFY2(cli({QStringLiteral("cert"), QStringLiteral("delete"), id}).exitCode == 0, "cannot delete");
    const CliProcess::Outcome deleted = cli(QStringList{QStringLiteral("sub"), QStringLiteral("-t"), QStringLiteral("mtls/#"),
                                            QStringLiteral("--cert-id"), id}
                                + tlsArguments());
    QVERIFY2(deleted.exitCode == 1 && deleted.errText().contains(QLatin1String("no certificate")),
             qPrintable(deleted.describe()));
}

void TestCliCert::connectionFailures_data()
{
    QTest::addColumn<QStringList>("certificate");
    QTest::addColumn<QString>("words");
    QTest::newRow("expired certificate (--cert/--key)")
        << QStringList{"--cert", "@expired.crt", "--key", "@expired.key"}
        << QStringLiteral("rejected the client certificate because it has expired");
    QTest::newRow("no client certificate") << QStringList{} << QStringLiteral("requires a client certificate");
    QTest::newRow("encrypted key file") << QStringList{"--cert", "@press-2.crt", "--key", "@press-2-encrypted.key"}
                                        << QStringLiteral("The private key is encrypted");
}

void TestCliCert::connectionFailures()
{
    QFETCH(QStringList, certificate);
    QFETCH(QString, words);
    for (QString &argument : certificate) {
        if (argument.startsWith(QLatin1Char('@'))) {
            argument = file(argument.mid(1));
        }
    }
    const CliProcess::Outcome outcome = cli(QStringList{QStringLiteral("sub"), QStringLiteral("-t"), QStringLiteral("mtls/#"),
                                            QStringLiteral("-C"), QStringLiteral("1")}
                                + tlsArguments() + certificate);
    QVERIFY2(outcome.exited && outcome.exitCode == 1, qPrintable(outcome.describe()));
    QVERIFY2(outcome.errText().startsWith(QLatin1String("Error: ")) && outcome.errText().contains(words),
             qPrintable(outcome.describe()));
}

QTEST_GUILESS_MAIN(TestCliCert)
#include "tst_cli_cert.moc"
