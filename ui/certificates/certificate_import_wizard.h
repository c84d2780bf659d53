#pragma once

#include "vault/certificate_importer.h"

#include <QDialog>
#include <QPointer>
#include <QStringList>

QT_FORWARD_DECLARE_CLASS(QDialogButtonBox)
QT_FORWARD_DECLARE_CLASS(QLabel)
QT_FORWARD_DECLARE_CLASS(QLineEdit)
QT_FORWARD_DECLARE_CLASS(QListWidget)
QT_FORWARD_DECLARE_CLASS(QMimeData)
QT_FORWARD_DECLARE_CLASS(QPushButton)
class CertificateVault;
class CertificateVaultJob;

// Imports a client identity into the vault: drop the files onto the dialog
// (or pick them), see what each file is and what the certificate says, give
// it a name, import. The AWS IoT download set can be dropped in one go.
//
// Every change of the file set or passphrase runs CertificateImporter (on
// the thread pool) again; the passphrase field appears only when a key or
// bundle is encrypted. Import stores through the vault's asynchronous
// store(); imported(id) follows and the dialog closes. The private key is
// held in memory only between a successful check and the import, and wiped
// when the dialog goes away.
class CertificateImportWizard : public QDialog
{
    Q_OBJECT
public:
    explicit CertificateImportWizard(CertificateVault *vault, QWidget *parent = nullptr);
    ~CertificateImportWizard() override;

    // Adds files (duplicates ignored) and checks the whole set again.
    void addFiles(const QStringList &paths);
    void clearFiles();
    QStringList files() const;

    bool isChecking() const;
    // The last check found a usable identity and no import is running.
    bool canImport() const;
    // Translated texts of the last check; empty when there is none.
    QString errorText() const;
    QString warningText() const;
    bool isPassphraseRequested() const;

    // Stores the checked identity under the name in the name field.
    void import();

Q_SIGNALS:
    // A check finished (whatever its outcome).
    void checked();
    void imported(const QString &id);
    // The vault refused to store; errorText() has the reason.
    void importFailed();

protected:
    /* QWidget implementations */
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    static QStringList localFiles(const QMimeData *mime);
    void chooseFiles();
    void startCheck();
    void onChecked();
    void onStored(CertificateVaultJob *job);
    void showResult();
    void setError(const QString &text);
    void updateButtons();

    CertificateVault *m_vault = nullptr;
    QStringList m_files;
    QPointer<CertificateImporter> m_importer;
    bool m_recheck = false;             // files or passphrase changed during a check
    bool m_storing = false;
    bool m_nameEdited = false;
    CertificateImporter::Result m_result;
    QString m_error;                    // of the last check
    QString m_storeError;               // of the last import; kept until the files change

    QLabel *m_dropHint = nullptr;
    QListWidget *m_fileList = nullptr;
    QPushButton *m_clearButton = nullptr;
    QLabel *m_passphraseLabel = nullptr;
    QLineEdit *m_passphraseEdit = nullptr;
    QPushButton *m_unlockButton = nullptr;
    QLineEdit *m_nameEdit = nullptr;
    QLabel *m_summaryLabel = nullptr;
    QLabel *m_warningLabel = nullptr;
    QLabel *m_errorLabel = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QPushButton *m_importButton = nullptr;
};
