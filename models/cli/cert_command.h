#pragma once

#include "cli_command.h"

#include <QByteArray>
#include <QStringList>

#include <memory>

class CertificateImporter;
class CertificateVault;

// `linescope-cli cert ACTION ...`: the certificate vault from the command line.
//
//   cert import FILES... [--passphrase-file F] [--name N]
//   cert list
//   cert show ID
//   cert delete ID
//   cert export ID [-o FILE]
//
// ID is an id as "cert list" prints it, a unique start of one (4 digits or
// more) or a certificate's exact name. The vault is the one the GUI uses
// (CertificateVault's default settings file, OS keychain service
// "LineScope"); private keys go only to the OS keychain and are never printed
// or exported. Import warnings (e.g. expiry within 30 days) go to err as
// "Warning: ..." lines; the import still succeeds.
//
// Exit status: 0 on success, 1 on any error ("Error: ..." on err).
class CertCommand : public CliCommand
{
    Q_OBJECT
public:
    enum class Action { Import, List, Show, Delete, Export };
    Q_ENUM(Action)

    CertCommand(QIODevice *out, QIODevice *err, QObject *parent = nullptr);
    ~CertCommand() override;

    QString name() const override;
    // Valid after parseArguments() returned true.
    Action action() const;
    QStringList actionArguments() const;   // the files (import) or the id
    void start() override;

protected:
    /* CliCommand hooks */
    QList<QCommandLineOption> commandOptions() const override;
    QString synopsis() const override;
    QString description() const override;
    QString helpFooter() const override;
    QString extractSpecialArguments(QStringList *arguments) override;
    QString readOptions(const QCommandLineParser &parser) override;
    void sessionConnected() override;

private:
    void runImport();
    void runList();
    void runShow();
    void runDelete();
    void runExport();
    // The id for the user's ID argument, or empty after reporting the error.
    QString findId();
    void failWith(const QString &message);

    Action m_action = Action::List;
    QString m_actionWord;
    QStringList m_arguments;
    QString m_name;
    QString m_outputFile;
    QByteArray m_passphrase;   // from --passphrase-file; wiped once used
    std::unique_ptr<CertificateVault> m_vault;
    std::unique_ptr<CertificateImporter> m_importer;
};
