#pragma once

#include <QString>
#include <QWidget>

QT_FORWARD_DECLARE_CLASS(QLabel)
QT_FORWARD_DECLARE_CLASS(QPushButton)
QT_FORWARD_DECLARE_CLASS(QTreeWidget)
class CertificateImportWizard;
class CertificateVault;
class CertificateVaultJob;

// The client certificates in the vault: a list with expiry (days left,
// amber from 30 days, red once expired), a details pane, and the actions
// import, export the certificate (never the key), delete (after asking) and
// replace (rotation: the new certificate is tried by the next connection
// and the old one is kept until the new one has connected once).
//
// Keychain work runs through the vault's asynchronous jobs and the export
// file is written on the thread pool; the page never waits for either.
class CertificatesPage : public QWidget
{
    Q_OBJECT
public:
    explicit CertificatesPage(CertificateVault *vault, QWidget *parent = nullptr);
    ~CertificatesPage() override;

    // Reads the vault's list again and keeps the selection if it still exists.
    void reload();
    bool selectCertificate(const QString &id);
    QString selectedId() const;
    QString statusText() const;

    // Open their dialogs (non-modal to the event loop; see open()).
    CertificateImportWizard *openImportWizard();
    CertificateImportWizard *openReplaceWizard();
    void confirmDeleteSelected();
    void chooseExportFile();

    // The work behind the dialogs; each reports in the status line.
    void removeCertificate(const QString &id);
    void exportCertificate(const QString &id, const QString &path);
    void cancelReplacement(const QString &id);

Q_SIGNALS:
    // The list changed (import, delete, rotation).
    void certificatesChanged();
    // An export or delete finished; statusText() says how.
    void operationFinished(bool ok);

private:
    void showDetails();
    void setStatus(const QString &text, bool error);
    void updateButtons();

    CertificateVault *m_vault = nullptr;
    QTreeWidget *m_list = nullptr;
    QLabel *m_details = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_exportButton = nullptr;
    QPushButton *m_deleteButton = nullptr;
    QPushButton *m_replaceButton = nullptr;
    QPushButton *m_cancelReplacementButton = nullptr;
};
