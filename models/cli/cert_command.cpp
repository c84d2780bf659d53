#include "cert_command.h"

#include "vault/certificate_importer.h"
#include "vault/certificate_vault.h"
#include "vault/certificate_vault_job.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include <algorithm>
#include <utility>

namespace {

const QString PassphraseFileOption = QStringLiteral("passphrase-file");
const QString NameOption = QStringLiteral("name");
const QString OutputOption = QStringLiteral("output");

struct ActionWord
{
    const char *word;
    CertCommand::Action action;
};

constexpr ActionWord ActionWords[] = {
    {"import", CertCommand::Action::Import}, {"list", CertCommand::Action::List},
    {"show", CertCommand::Action::Show},     {"delete", CertCommand::Action::Delete},
    {"export", CertCommand::Action::Export},
};

QString isoDateTime(const QDateTime &time)
{
    return time.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

} // namespace

CertCommand::CertCommand(QIODevice *out, QIODevice *err, QObject *parent)
    : CliCommand(out, err, parent)
{
}

CertCommand::~CertCommand()
{
    CertificateIdentity::wipe(m_passphrase);
}

QString CertCommand::name() const
{
    return QStringLiteral("cert");
}

CertCommand::Action CertCommand::action() const
{
    return m_action;
}

QStringList CertCommand::actionArguments() const
{
    return m_arguments;
}

QList<QCommandLineOption> CertCommand::commandOptions() const
{
    return {
        {PassphraseFileOption,
         tr("import: read the passphrase of an encrypted key or a .p12/.pfx bundle from the first line of this "
            "file."),
         tr("FILE")},
        {NameOption, tr("import: the name to list the certificate under. Default: its common name."), tr("NAME")},
        {{QStringLiteral("o"), OutputOption}, tr("export: write the PEM certificate to this file instead of stdout."),
         tr("FILE")},
    };
}

QString CertCommand::synopsis() const
{
    return tr("cert {import FILES... | list | show ID | delete ID | export ID} [options]");
}

QString CertCommand::description() const
{
    return tr("Manage client certificates for mutual TLS. Private keys are kept only in the OS keychain; the "
              "certificate list holds public details.\n"
              "\n"
              "  import FILES...  Check and store a certificate with its private key: PEM or DER files, a\n"
              "                   .p12/.pfx bundle, or the AWS IoT download (certificate, private key and\n"
              "                   AmazonRootCA1.pem) in one go.\n"
              "  list             List the stored certificates with their expiry.\n"
              "  show ID          Show the details of one certificate.\n"
              "  delete ID        Delete a certificate and its key from the keychain.\n"
              "  export ID        Print the certificate (never the key) as PEM.");
}

QString CertCommand::helpFooter() const
{
    return tr("ID is the id from \"cert list\", a unique start of it, or the certificate's name.\n"
              "Connect with a stored certificate: linescope-cli sub --cert-id ID -h HOST -t TOPIC");
}

QString CertCommand::extractSpecialArguments(QStringList *arguments)
{
    const QStringList valueOptions = valueOptionSpellings();
    QStringList options;
    QStringList positional;
    bool onlyPositional = false;
    for (qsizetype i = 0; i < arguments->size(); ++i) {
        const QString &argument = arguments->at(i);
        if (onlyPositional || argument == u"-" || !argument.startsWith(u'-')) {
            positional.append(argument);
            continue;
        }
        if (argument == u"--") {
            onlyPositional = true;
            continue;
        }
        options.append(argument);
        if (valueOptions.contains(argument) && i + 1 < arguments->size())
            options.append(arguments->at(++i));
    }
    *arguments = options;

    if (positional.isEmpty())
        return tr("Give an action: import, list, show, delete or export.");
    m_actionWord = positional.takeFirst();
    const auto *found = std::find_if(std::begin(ActionWords), std::end(ActionWords),
                                     [this](const ActionWord &a) { return m_actionWord == QLatin1String(a.word); });
    if (found == std::end(ActionWords))
        return tr("Unknown action \"%1\"; use import, list, show, delete or export.").arg(m_actionWord);
    m_action = found->action;
    m_arguments = positional;
    return {};
}

QString CertCommand::readOptions(const QCommandLineParser &parser)
{
    switch (m_action) {
    case Action::Import:
        if (m_arguments.isEmpty())
            return tr("cert import needs the files to import: the certificate and its private key, or a .p12/.pfx "
                      "bundle.");
        break;
    case Action::List:
        if (!m_arguments.isEmpty())
            return tr("cert list takes no arguments; remove \"%1\".").arg(m_arguments.constFirst());
        break;
    case Action::Show:
    case Action::Delete:
    case Action::Export:
        if (m_arguments.size() != 1)
            return tr("cert %1 needs exactly one certificate id.").arg(m_actionWord);
        break;
    }
    if (m_action != Action::Import && parser.isSet(PassphraseFileOption))
        return tr("--passphrase-file only applies to cert import.");
    if (m_action != Action::Import && parser.isSet(NameOption))
        return tr("--name only applies to cert import.");
    if (m_action != Action::Export && parser.isSet(OutputOption))
        return tr("-o only applies to cert export.");

    if (parser.isSet(NameOption)) {
        m_name = parser.value(NameOption).trimmed();
        if (m_name.isEmpty())
            return tr("The name given with --name is empty.");
    }
    if (parser.isSet(OutputOption))
        m_outputFile = parser.value(OutputOption);
    if (parser.isSet(PassphraseFileOption)) {
        const QString path = parser.value(PassphraseFileOption);
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return tr("Cannot read the passphrase file \"%1\": %2.").arg(path, file.errorString());
        QByteArray content = file.readAll();
        const qsizetype lineEnd = content.indexOf('\n');
        m_passphrase = content.left(lineEnd < 0 ? content.size() : lineEnd);
        if (m_passphrase.endsWith('\r'))
            m_passphrase.chop(1);
        CertificateIdentity::wipe(content);
        if (m_passphrase.isEmpty())
            return tr("The passphrase file \"%1\" is empty.").arg(path);
    }
    return {};
}

void CertCommand::sessionConnected()
{
    // cert never opens a connection.
}

void CertCommand::failWith(const QString &message)
{
    writeError(tr("Error: %1").arg(message));
    closeSessionAndFinish(ExitFailure);
}

QString CertCommand::findId()
{
    QString error;
    const QString id = m_vault->lookup(m_arguments.constFirst(), &error);
    if (id.isEmpty())
        failWith(error);
    return id;
}

void CertCommand::start()
{
    m_vault = std::make_unique<CertificateVault>();
    switch (m_action) {
    case Action::Import:
        runImport();
        return;
    case Action::List:
        runList();
        return;
    case Action::Show:
        runShow();
        return;
    case Action::Delete:
        runDelete();
        return;
    case Action::Export:
        runExport();
        return;
    }
}

void CertCommand::runImport()
{
    QStringList files;
    for (const QString &file : std::as_const(m_arguments))
        files.append(QFileInfo(file).absoluteFilePath());
    m_importer = std::make_unique<CertificateImporter>();
    m_importer->setFiles(files);
    m_importer->setPassphrase(std::exchange(m_passphrase, {}));
    connect(m_importer.get(), &CertificateImporter::finished, this, [this] {
        CertificateImporter::Result result = m_importer->result();
        m_importer->clearSecrets();
        if (!result.isOk()) {
            failWith(result.errorString);
            return;
        }
        for (const QString &warning : std::as_const(result.warnings))
            writeError(tr("Warning: %1").arg(warning));
        CertificateInfo info = result.info;
        if (!m_name.isEmpty())
            info.name = m_name;
        CertificateVaultJob *job = m_vault->store(result.identity, info);
        result.identity.wipe();
        connect(job, &CertificateVaultJob::finished, this, [this](CertificateVaultJob *finished) {
            if (finished->error() != CertificateVault::Error::NoError) {
                failWith(finished->errorString());
                return;
            }
            const CertificateInfo stored = finished->info();
            writeOut(tr("Imported \"%1\" as %2: %3, %4 key, %5.")
                         .arg(stored.name, stored.id, stored.subject, stored.keyType, stored.validityText())
                         .toUtf8()
                     + '\n');
            closeSessionAndFinish(ExitSuccess);
        });
    });
    m_importer->start();
}

void CertCommand::runList()
{
    const QList<CertificateInfo> certificates = m_vault->certificates();
    if (certificates.isEmpty()) {
        writeError(tr("No certificates stored. Import one with \"linescope-cli cert import FILES...\"."));
        closeSessionAndFinish(ExitSuccess);
        return;
    }
    const QStringList header = {tr("ID"), tr("NAME"), tr("KEY"), tr("EXPIRES"), tr("DAYS LEFT"), tr("SUBJECT")};
    QList<QStringList> rows{header};
    for (const CertificateInfo &info : certificates) {
        QString subject = info.subject;
        const QString pending = m_vault->pendingReplacement(info.id);
        if (!pending.isEmpty())
            subject = tr("%1 (replacement pending: %2)").arg(subject, pending);
        rows.append({info.id, info.name, info.keyType, info.notAfter.toUTC().date().toString(Qt::ISODate),
                     QString::number(info.calendarDaysLeft()), subject});
    }
    QList<qsizetype> widths(header.size(), 0);
    for (const QStringList &row : std::as_const(rows)) {
        for (qsizetype column = 0; column < row.size(); ++column)
            widths[column] = std::max(widths[column], row[column].size());
    }
    QString text;
    for (const QStringList &row : std::as_const(rows)) {
        QString line;
        for (qsizetype column = 0; column < row.size(); ++column) {
            const bool last = column == row.size() - 1;
            line += last ? row[column] : row[column].leftJustified(widths[column] + 2);
        }
        text += line + QLatin1Char('\n');
    }
    writeOut(text.toUtf8());
    closeSessionAndFinish(ExitSuccess);
}

void CertCommand::runShow()
{
    const QString id = findId();
    if (id.isEmpty())
        return;
    const std::optional<CertificateInfo> info = m_vault->certificate(id);
    if (!info) {
        failWith(tr("There is no certificate with the id \"%1\".").arg(id));
        return;
    }
    QString days;
    switch (info->validity()) {
    case CertificateInfo::Validity::Valid:
        days = QString::number(info->calendarDaysLeft());
        break;
    case CertificateInfo::Validity::ExpiresSoon:
        days = tr("%1 (expires soon: ask for a renewed certificate)").arg(info->calendarDaysLeft());
        break;
    case CertificateInfo::Validity::Expired:
        days = tr("%1 (expired)").arg(info->calendarDaysLeft());
        break;
    case CertificateInfo::Validity::NotYetValid:
        days = tr("%1 (not valid yet)").arg(info->calendarDaysLeft());
        break;
    }
    const QString pending = m_vault->pendingReplacement(id);
    const QList<QPair<QString, QString>> fields = {
        {tr("ID"), info->id},
        {tr("Name"), info->name},
        {tr("Subject"), info->subject},
        {tr("Issuer"), info->issuer},
        {tr("Serial number"), info->serialNumber},
        {tr("SHA-256 fingerprint"), info->sha256Fingerprint},
        {tr("Valid from"), tr("%1 UTC").arg(isoDateTime(info->notBefore))},
        {tr("Valid until"), tr("%1 UTC").arg(isoDateTime(info->notAfter))},
        {tr("Days left"), days},
        {tr("Key type"), info->keyType},
        {tr("Intermediate certificates"), QString::number(info->chainCertificates)},
        {tr("CA certificates"), QString::number(info->caCertificates)},
        {tr("Pending replacement"), pending.isEmpty() ? tr("none") : pending},
        {tr("Keychain entries"), tr("%1, %2 (service %3)")
                                      .arg(CertificateVault::keyEntry(id), CertificateVault::chainEntry(id),
                                           m_vault->keychainService())},
    };
    qsizetype width = 0;
    for (const auto &field : fields)
        width = std::max(width, field.first.size());
    QString text;
    for (const auto &field : fields)
        text += QString(field.first + QLatin1Char(':')).leftJustified(width + 2) + field.second + QLatin1Char('\n');
    writeOut(text.toUtf8());
    closeSessionAndFinish(ExitSuccess);
}

void CertCommand::runDelete()
{
    const QString id = findId();
    if (id.isEmpty())
        return;
    CertificateVaultJob *job = m_vault->remove(id);
    connect(job, &CertificateVaultJob::finished, this, [this](CertificateVaultJob *finished) {
        if (finished->error() != CertificateVault::Error::NoError) {
            failWith(finished->errorString());
            return;
        }
        writeOut(tr("Deleted \"%1\" (%2) and its private key.").arg(finished->info().name, finished->id()).toUtf8()
                 + '\n');
        closeSessionAndFinish(ExitSuccess);
    });
}

void CertCommand::runExport()
{
    const QString id = findId();
    if (id.isEmpty())
        return;
    CertificateVaultJob *job = m_vault->exportCertificate(id);
    connect(job, &CertificateVaultJob::finished, this, [this](CertificateVaultJob *finished) {
        if (finished->error() != CertificateVault::Error::NoError) {
            failWith(finished->errorString());
            return;
        }
        const QByteArray pem = finished->certificatePem();
        if (m_outputFile.isEmpty()) {
            if (writeOut(pem))
                closeSessionAndFinish(ExitSuccess);
            return;
        }
        QSaveFile file(m_outputFile);
        if (!file.open(QIODevice::WriteOnly) || file.write(pem) != pem.size() || !file.commit()) {
            failWith(tr("Cannot write \"%1\": %2.").arg(QDir::toNativeSeparators(m_outputFile), file.errorString()));
            return;
        }
        writeOut(tr("Wrote the certificate of \"%1\" to %2.")
                     .arg(finished->info().name, QDir::toNativeSeparators(m_outputFile))
                     .toUtf8()
                 + '\n');
        closeSessionAndFinish(ExitSuccess);
    });
}
