#include "certificate_import_wizard.h"

#include "certificate_validity_style.h"
#include "vault/certificate_vault.h"
#include "vault/certificate_vault_job.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMimeData>
#include <QPushButton>
#include <QUrl>
#include <QVBoxLayout>

namespace {

const QColor ErrorColor(0xc0, 0x1c, 0x28);

void setLabelColor(QLabel *label, const QColor &color)
{
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, color);
    label->setPalette(palette);
}

QString roleText(CertificateImporter::FileRole role)
{
    switch (role) {
    case CertificateImporter::FileRole::ClientCertificate:
        return CertificateImportWizard::tr("client certificate");
    case CertificateImporter::FileRole::ChainCertificates:
        return CertificateImportWizard::tr("intermediate certificates");
    case CertificateImporter::FileRole::CaCertificates:
        return CertificateImportWizard::tr("CA certificate, to verify the broker");
    case CertificateImporter::FileRole::PrivateKey:
        return CertificateImportWizard::tr("private key");
    case CertificateImporter::FileRole::Pkcs12Bundle:
        return CertificateImportWizard::tr("PKCS #12 bundle");
    case CertificateImporter::FileRole::Unused:
        break;
    }
    return CertificateImportWizard::tr("not needed, ignored");
}

bool needsPassphrase(CertificateImporter::Error error)
{
    return error == CertificateImporter::Error::PassphraseRequired
        || error == CertificateImporter::Error::WrongPassphrase;
}

} // namespace

CertificateImportWizard::CertificateImportWizard(CertificateVault *vault, QWidget *parent)
    : QDialog(parent)
    , m_vault(vault)
{
    Q_ASSERT(vault);
    setWindowTitle(tr("Import Client Certificate"));
    setAcceptDrops(true);

    m_dropHint = new QLabel(tr("Drop files here: a certificate and its private key, a .p12/.pfx bundle, or all "
                               "three files AWS IoT gives you for a thing (certificate, private key and "
                               "AmazonRootCA1.pem) at once."),
                            this);
    m_dropHint->setObjectName(QStringLiteral("dropHint"));
    m_dropHint->setWordWrap(true);
    m_dropHint->setAlignment(Qt::AlignCenter);
    m_dropHint->setFrameShape(QFrame::StyledPanel);
    m_dropHint->setFrameShadow(QFrame::Sunken);
    m_dropHint->setMargin(16);

    m_fileList = new QListWidget(this);
    m_fileList->setObjectName(QStringLiteral("files"));
    m_fileList->setMinimumHeight(fontMetrics().lineSpacing() * 4);
    m_fileList->setMaximumHeight(fontMetrics().lineSpacing() * 7);
    auto *addButton = new QPushButton(tr("Add Files…"), this);
    addButton->setObjectName(QStringLiteral("addFiles"));
    addButton->setAutoDefault(false);
    connect(addButton, &QPushButton::clicked, this, &CertificateImportWizard::chooseFiles);
    m_clearButton = new QPushButton(tr("Clear"), this);
    m_clearButton->setAutoDefault(false);
    connect(m_clearButton, &QPushButton::clicked, this, &CertificateImportWizard::clearFiles);
    auto *fileButtons = new QVBoxLayout;
    fileButtons->addWidget(addButton);
    fileButtons->addWidget(m_clearButton);
    fileButtons->addStretch(1);
    auto *fileRow = new QHBoxLayout;
    fileRow->addWidget(m_fileList, 1);
    fileRow->addLayout(fileButtons);

    m_passphraseLabel = new QLabel(tr("Passphrase"), this);
    m_passphraseEdit = new QLineEdit(this);
    m_passphraseEdit->setObjectName(QStringLiteral("passphrase"));
    m_passphraseEdit->setEchoMode(QLineEdit::Password);
    m_passphraseEdit->setToolTip(tr("Used once to decrypt the key; it is not stored."));
    m_unlockButton = new QPushButton(tr("Unlock"), this);
    m_unlockButton->setObjectName(QStringLiteral("unlock"));
    m_unlockButton->setAutoDefault(false);
    connect(m_unlockButton, &QPushButton::clicked, this, &CertificateImportWizard::startCheck);
    connect(m_passphraseEdit, &QLineEdit::returnPressed, this, &CertificateImportWizard::startCheck);
    auto *passphraseRow = new QHBoxLayout;
    passphraseRow->addWidget(m_passphraseEdit, 1);
    passphraseRow->addWidget(m_unlockButton);

    m_nameEdit = new QLineEdit(this);
    m_nameEdit->setObjectName(QStringLiteral("name"));
    m_nameEdit->setPlaceholderText(tr("e.g. press-4 (default: the certificate's common name)"));
    connect(m_nameEdit, &QLineEdit::textEdited, this, [this] { m_nameEdited = true; });
    // Files dropped on a field go to the dialog, not into the field as text.
    m_nameEdit->setAcceptDrops(false);
    m_passphraseEdit->setAcceptDrops(false);

    m_summaryLabel = new QLabel(this);
    m_summaryLabel->setObjectName(QStringLiteral("summary"));
    m_summaryLabel->setWordWrap(true);
    m_summaryLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_warningLabel = new QLabel(this);
    m_warningLabel->setObjectName(QStringLiteral("warning"));
    m_warningLabel->setWordWrap(true);
    setLabelColor(m_warningLabel, CertificateValidityStyle::color(CertificateInfo::Validity::ExpiresSoon));
    m_errorLabel = new QLabel(this);
    m_errorLabel->setObjectName(QStringLiteral("error"));
    m_errorLabel->setWordWrap(true);
    setLabelColor(m_errorLabel, ErrorColor);

    auto *form = new QFormLayout;
    form->addRow(m_passphraseLabel, passphraseRow);
    form->addRow(tr("Name"), m_nameEdit);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_importButton = m_buttons->addButton(tr("Import"), QDialogButtonBox::AcceptRole);
    m_importButton->setObjectName(QStringLiteral("import"));
    m_importButton->setAutoDefault(false);
    connect(m_importButton, &QPushButton::clicked, this, &CertificateImportWizard::import);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_dropHint);
    layout->addLayout(fileRow);
    layout->addLayout(form);
    layout->addWidget(m_summaryLabel);
    layout->addWidget(m_warningLabel);
    layout->addWidget(m_errorLabel);
    layout->addStretch(1);
    layout->addWidget(m_buttons);

    showResult();
    resize(QSize(640, 480).expandedTo(sizeHint()));
}

CertificateImportWizard::~CertificateImportWizard()
{
    m_result.identity.wipe();
    if (m_importer)
        m_importer->clearSecrets();
}

void CertificateImportWizard::addFiles(const QStringList &paths)
{
    bool added = false;
    for (const QString &path : paths) {
        const QString absolute = QFileInfo(path).absoluteFilePath();
        if (!m_files.contains(absolute)) {
            m_files.append(absolute);
            added = true;
        }
    }
    if (added) {
        m_storeError.clear();
        startCheck();
    }
}

void CertificateImportWizard::clearFiles()
{
    m_files.clear();
    m_storeError.clear();
    m_passphraseEdit->clear();
    m_nameEdited = false;
    m_nameEdit->clear();
    startCheck();
}

QStringList CertificateImportWizard::files() const
{
    return m_files;
}

bool CertificateImportWizard::isChecking() const
{
    return m_importer != nullptr;
}

bool CertificateImportWizard::canImport() const
{
    return !isChecking() && !m_storing && !m_files.isEmpty() && m_result.isOk() && !m_result.identity.isEmpty();
}

QString CertificateImportWizard::errorText() const
{
    return m_error.isEmpty() ? m_storeError : m_error;
}

QString CertificateImportWizard::warningText() const
{
    return m_warningLabel->text();
}

bool CertificateImportWizard::isPassphraseRequested() const
{
    return m_passphraseEdit->isVisibleTo(this);
}

void CertificateImportWizard::dragEnterEvent(QDragEnterEvent *event)
{
    if (!localFiles(event->mimeData()).isEmpty())
        event->acceptProposedAction();
    else
        event->ignore();
}

void CertificateImportWizard::dragMoveEvent(QDragMoveEvent *event)
{
    if (!localFiles(event->mimeData()).isEmpty())
        event->acceptProposedAction();
    else
        event->ignore();
}

void CertificateImportWizard::dropEvent(QDropEvent *event)
{
    const QStringList paths = localFiles(event->mimeData());
    if (paths.isEmpty()) {
        event->ignore();
        m_storeError.clear();
        setError(tr("Only files can be dropped here (certificates, keys or PKCS #12 bundles)."));
        return;
    }
    event->acceptProposedAction();
    addFiles(paths);
}

QStringList CertificateImportWizard::localFiles(const QMimeData *mime)
{
    QStringList paths;
    if (!mime || !mime->hasUrls())
        return paths;
    const QList<QUrl> urls = mime->urls();
    for (const QUrl &url : urls) {
        if (url.isLocalFile())
            paths.append(url.toLocalFile());
    }
    return paths;
}

void CertificateImportWizard::chooseFiles()
{
    auto *dialog = new QFileDialog(this, tr("Certificate and Key Files"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::ExistingFiles);
    dialog->setNameFilters({tr("Certificates and keys (*.pem *.crt *.cer *.der *.key *.p12 *.pfx)"),
                            tr("All files (*)")});
    connect(dialog, &QFileDialog::filesSelected, this, &CertificateImportWizard::addFiles);
    dialog->open();
}

void CertificateImportWizard::startCheck()
{
    if (m_importer) {
        m_recheck = true;
        return;
    }
    m_result.identity.wipe();
    m_result = {};
    m_error.clear();
    if (m_files.isEmpty()) {
        showResult();
        return;
    }
    m_importer = new CertificateImporter(this);
    m_importer->setFiles(m_files);
    QByteArray passphrase = m_passphraseEdit->text().toUtf8();
    m_importer->setPassphrase(passphrase);
    CertificateIdentity::wipe(passphrase);
    connect(m_importer, &CertificateImporter::finished, this, &CertificateImportWizard::onChecked);
    m_importer->start();
    showResult();
}

void CertificateImportWizard::onChecked()
{
    CertificateImporter *importer = m_importer;
    m_importer = nullptr;
    if (m_recheck) {
        m_recheck = false;
        importer->clearSecrets();
        importer->deleteLater();
        startCheck();
        return;
    }
    m_result = importer->result();
    importer->clearSecrets();
    importer->deleteLater();
    m_error = m_result.errorString;
    if (m_result.isOk() && !m_nameEdited)
        m_nameEdit->setText(m_result.info.name.isEmpty() ? m_result.info.commonName : m_result.info.name);
    showResult();
    Q_EMIT checked();
}

void CertificateImportWizard::import()
{
    if (!canImport())
        return;
    CertificateInfo info = m_result.info;
    const QString name = m_nameEdit->text().trimmed();
    if (!name.isEmpty())
        info.name = name;
    m_storing = true;
    m_storeError.clear();
    showResult();
    CertificateVaultJob *job = m_vault->store(m_result.identity, info);
    // The job holds its own copy now; ours is not needed any more.
    m_result.identity.wipe();
    connect(job, &CertificateVaultJob::finished, this, &CertificateImportWizard::onStored);
}

void CertificateImportWizard::onStored(CertificateVaultJob *job)
{
    m_storing = false;
    if (job->error() != CertificateVault::Error::NoError) {
        // The identity was wiped for the store; check again so Import works after the cause is fixed.
        m_storeError = job->errorString();
        startCheck();
        Q_EMIT importFailed();
        return;
    }
    const QString id = job->info().id;
    Q_EMIT imported(id);
    accept();
}

void CertificateImportWizard::setError(const QString &text)
{
    m_errorLabel->setText(text);
    m_errorLabel->setVisible(!text.isEmpty());
}

void CertificateImportWizard::showResult()
{
    // Files with what the last check made of them.
    m_fileList->clear();
    for (const QString &path : std::as_const(m_files)) {
        QString role;
        if (isChecking())
            role = tr("checking…");
        else if (const auto it = std::find_if(m_result.files.cbegin(), m_result.files.cend(),
                                              [&path](const CertificateImporter::FileReport &report) {
                                                  return QFileInfo(report.path).absoluteFilePath() == path;
                                              });
                 it != m_result.files.cend())
            role = roleText(it->role);
        else if (!m_result.errorFile.isEmpty() && QFileInfo(m_result.errorFile).absoluteFilePath() == path)
            role = tr("problem, see below");
        else
            role = tr("not checked");
        //: %1 file name, %2 what it holds
        auto *item = new QListWidgetItem(tr("%1: %2").arg(QFileInfo(path).fileName(), role), m_fileList);
        item->setToolTip(QDir::toNativeSeparators(path));
    }

    const bool passphrase = needsPassphrase(m_result.error) || !m_passphraseEdit->text().isEmpty();
    m_passphraseLabel->setVisible(passphrase);
    m_passphraseEdit->setVisible(passphrase);
    m_unlockButton->setVisible(passphrase);
    if (needsPassphrase(m_result.error) && !isChecking())
        m_passphraseEdit->setFocus();

    QString summary;
    if (m_storing) {
        summary = tr("Storing in the OS keychain…");
    } else if (isChecking()) {
        summary = tr("Checking the files…");
    } else if (m_result.isOk() && !m_result.info.isNull()) {
        const CertificateInfo &info = m_result.info;
        summary = tr("<b>Subject:</b> %1<br><b>Issuer:</b> %2<br><b>Validity:</b> %3<br><b>Key:</b> %4<br>"
                     "<b>Chain:</b> %5 intermediate, %6 CA certificate(s)<br><b>SHA-256:</b> %7")
                      .arg(info.subject.toHtmlEscaped(), info.issuer.toHtmlEscaped(),
                           info.validityText().toHtmlEscaped(), info.keyType.toHtmlEscaped())
                      .arg(info.chainCertificates)
                      .arg(info.caCertificates)
                      .arg(info.sha256Fingerprint);
    } else if (m_files.isEmpty()) {
        summary = tr("No files yet.");
    }
    m_summaryLabel->setText(summary);
    m_summaryLabel->setVisible(!summary.isEmpty());

    m_warningLabel->setText(isChecking() ? QString() : m_result.warnings.join(QLatin1Char('\n')));
    m_warningLabel->setVisible(!m_warningLabel->text().isEmpty());
    setError(isChecking() ? QString() : errorText());
    m_clearButton->setEnabled(!m_files.isEmpty() && !m_storing);
    updateButtons();
}

void CertificateImportWizard::updateButtons()
{
    m_importButton->setEnabled(canImport());
    m_nameEdit->setEnabled(!m_storing);
}
