#include "certificates_page.h"

#include "certificate_import_wizard.h"
#include "certificate_validity_style.h"
#include "vault/certificate_vault.h"
#include "vault/certificate_vault_job.h"

#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace {

enum Column { NameColumn, ExpiryColumn, SubjectColumn, IssuerColumn, KeyTypeColumn, FingerprintColumn, ColumnCount };
constexpr int IdRole = Qt::UserRole + 1;
const QColor ErrorColor(0xc0, 0x1c, 0x28);
const QColor OkColor(0x26, 0x7f, 0x3c);

// Runs on the thread pool. Returns an empty string or the translated reason.
QString writeFile(const QString &path, const QByteArray &bytes)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        return CertificatesPage::tr("Could not write %1: %2. Choose a folder you can write to.")
            .arg(QDir::toNativeSeparators(path), file.errorString());
    }
    return {};
}

} // namespace

CertificatesPage::CertificatesPage(CertificateVault *vault, QWidget *parent)
    : QWidget(parent)
    , m_vault(vault)
{
    Q_ASSERT(vault);
    setWindowTitle(tr("Certificates"));

    m_list = new QTreeWidget(this);
    m_list->setObjectName(QStringLiteral("certificates"));
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setSortingEnabled(true);
    m_list->setColumnCount(ColumnCount);
    m_list->setHeaderLabels({tr("Name"), tr("Expires"), tr("Subject"), tr("Issuer"), tr("Key"),
                             tr("SHA-256 fingerprint")});
    m_list->header()->setSectionResizeMode(QHeaderView::Interactive);
    m_list->header()->setStretchLastSection(true);
    connect(m_list, &QTreeWidget::currentItemChanged, this, [this] {
        showDetails();
        updateButtons();
    });

    m_details = new QLabel(this);
    m_details->setObjectName(QStringLiteral("details"));
    m_details->setWordWrap(true);
    m_details->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_details->setMargin(8);
    m_details->setFrameShape(QFrame::StyledPanel);

    // Details below the list: the list needs the width for subject and issuer.
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_list);
    splitter->addWidget(m_details);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 0);

    auto *importButton = new QPushButton(tr("Import…"), this);
    importButton->setObjectName(QStringLiteral("import"));
    connect(importButton, &QPushButton::clicked, this, &CertificatesPage::openImportWizard);
    m_exportButton = new QPushButton(tr("Export Certificate…"), this);
    m_exportButton->setObjectName(QStringLiteral("export"));
    m_exportButton->setToolTip(tr("Saves the certificate and its chain as PEM. The private key never leaves the keychain."));
    connect(m_exportButton, &QPushButton::clicked, this, &CertificatesPage::chooseExportFile);
    m_replaceButton = new QPushButton(tr("Replace…"), this);
    m_replaceButton->setObjectName(QStringLiteral("replace"));
    m_replaceButton->setToolTip(tr("Import a renewed certificate for the profiles that use this one. This one is "
                                   "kept until the new one has connected once."));
    connect(m_replaceButton, &QPushButton::clicked, this, &CertificatesPage::openReplaceWizard);
    m_cancelReplacementButton = new QPushButton(tr("Cancel Replacement"), this);
    m_cancelReplacementButton->setObjectName(QStringLiteral("cancelReplacement"));
    connect(m_cancelReplacementButton, &QPushButton::clicked, this, [this] { cancelReplacement(selectedId()); });
    m_deleteButton = new QPushButton(tr("Delete…"), this);
    m_deleteButton->setObjectName(QStringLiteral("delete"));
    connect(m_deleteButton, &QPushButton::clicked, this, &CertificatesPage::confirmDeleteSelected);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("status"));
    m_status->setWordWrap(true);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(importButton);
    buttons->addWidget(m_exportButton);
    buttons->addWidget(m_replaceButton);
    buttons->addWidget(m_cancelReplacementButton);
    buttons->addStretch(1);
    buttons->addWidget(m_deleteButton);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter, 1);
    layout->addLayout(buttons);
    layout->addWidget(m_status);

    reload();
    // Imports and deletions made elsewhere (the connection dialog's Import…) show up here too.
    connect(m_vault, &CertificateVault::certificatesChanged, this, &CertificatesPage::reload);
    resize(1000, 620);
}

CertificatesPage::~CertificatesPage() = default;

void CertificatesPage::reload()
{
    const QString selected = selectedId();
    const QSignalBlocker blocker(m_list);
    m_list->setSortingEnabled(false);
    m_list->clear();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QList<CertificateInfo> certificates = m_vault->certificates();
    for (const CertificateInfo &info : certificates) {
        auto *item = new QTreeWidgetItem(m_list);
        const QString pending = m_vault->pendingReplacement(info.id);
        item->setText(NameColumn, pending.isEmpty() ? info.name : tr("%1 (being replaced)").arg(info.name));
        item->setText(SubjectColumn, info.subject);
        item->setText(IssuerColumn, info.issuer);
        item->setText(ExpiryColumn, CertificateValidityStyle::daysLeftText(info, now));
        item->setToolTip(ExpiryColumn, info.validityText(now));
        item->setData(ExpiryColumn, Qt::UserRole, info.notAfter);
        item->setText(KeyTypeColumn, info.keyType);
        item->setText(FingerprintColumn, info.sha256Fingerprint);
        item->setData(NameColumn, IdRole, info.id);
        const QColor color = CertificateValidityStyle::color(info.validity(now));
        if (color.isValid())
            item->setForeground(ExpiryColumn, color);
        if (info.id == selected)
            m_list->setCurrentItem(item);
    }
    m_list->setSortingEnabled(true);
    m_list->sortByColumn(NameColumn, Qt::AscendingOrder);
    for (int column = 0; column < FingerprintColumn; ++column)
        m_list->resizeColumnToContents(column);
    if (!m_list->currentItem() && m_list->topLevelItemCount() > 0)
        m_list->setCurrentItem(m_list->topLevelItem(0));
    showDetails();
    updateButtons();
}

bool CertificatesPage::selectCertificate(const QString &id)
{
    for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_list->topLevelItem(i);
        if (item->data(NameColumn, IdRole).toString() == id) {
            m_list->setCurrentItem(item);
            return true;
        }
    }
    return false;
}

QString CertificatesPage::selectedId() const
{
    const QTreeWidgetItem *item = m_list->currentItem();
    return item ? item->data(NameColumn, IdRole).toString() : QString();
}

QString CertificatesPage::statusText() const
{
    return m_status->text();
}

void CertificatesPage::showDetails()
{
    const QString id = selectedId();
    const std::optional<CertificateInfo> info = id.isEmpty() ? std::nullopt : m_vault->certificate(id);
    if (!info) {
        m_details->setText(m_list->topLevelItemCount() == 0
                               ? tr("No certificates yet. Click Import… or drop the files of a device "
                                    "certificate onto the import window.")
                               : QString());
        return;
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QColor color = CertificateValidityStyle::color(info->validity(now));
    QString validity = info->validityText(now).toHtmlEscaped();
    if (color.isValid())
        validity = QStringLiteral("<span style=\"color:%1\"><b>%2</b></span>").arg(color.name(), validity);
    QString text = tr("<h3>%1</h3><p><b>Subject:</b> %2<br><b>Issuer:</b> %3<br><b>Serial:</b> %4<br>"
                      "<b>Valid from:</b> %5<br><b>Valid until:</b> %6<br><b>Key:</b> %7<br>"
                      "<b>Chain:</b> %8 intermediate, %9 CA certificate(s)<br><b>SHA-256:</b> %10<br><b>Id:</b> %11</p>")
                       .arg(info->name.toHtmlEscaped(), info->subject.toHtmlEscaped(), info->issuer.toHtmlEscaped(),
                            info->serialNumber, info->notBefore.toString(Qt::ISODate), validity,
                            info->keyType.toHtmlEscaped())
                       .arg(info->chainCertificates)
                       .arg(info->caCertificates)
                       .arg(info->sha256Fingerprint, info->id);
    const QString pending = m_vault->pendingReplacement(id);
    if (!pending.isEmpty()) {
        const std::optional<CertificateInfo> next = m_vault->certificate(pending);
        text += tr("<p>Being replaced by <b>%1</b>: the next connection uses the new certificate; this one is "
                   "deleted after the new one has connected once.</p>")
                    .arg((next ? next->name : pending).toHtmlEscaped());
    }
    text += tr("<p>The private key is in the OS keychain and cannot be exported.</p>");
    m_details->setText(text);
}

void CertificatesPage::setStatus(const QString &text, bool error)
{
    m_status->setText(text);
    QPalette palette = m_status->palette();
    palette.setColor(QPalette::WindowText, error ? ErrorColor : OkColor);
    m_status->setPalette(palette);
}

void CertificatesPage::updateButtons()
{
    const QString id = selectedId();
    const bool selected = !id.isEmpty();
    const bool replacing = selected && !m_vault->pendingReplacement(id).isEmpty();
    m_exportButton->setEnabled(selected);
    m_deleteButton->setEnabled(selected);
    m_replaceButton->setEnabled(selected && !replacing);
    m_cancelReplacementButton->setVisible(replacing);
}

CertificateImportWizard *CertificatesPage::openImportWizard()
{
    auto *wizard = new CertificateImportWizard(m_vault, this);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    connect(wizard, &CertificateImportWizard::imported, this, [this](const QString &id) {
        reload();
        selectCertificate(id);
        const std::optional<CertificateInfo> info = m_vault->certificate(id);
        setStatus(tr("Imported \"%1\" into the OS keychain.").arg(info ? info->name : id), false);
        Q_EMIT certificatesChanged();
    });
    wizard->open();
    return wizard;
}

CertificateImportWizard *CertificatesPage::openReplaceWizard()
{
    const QString oldId = selectedId();
    const std::optional<CertificateInfo> old = oldId.isEmpty() ? std::nullopt : m_vault->certificate(oldId);
    if (!old)
        return nullptr;
    auto *wizard = new CertificateImportWizard(m_vault, this);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    wizard->setWindowTitle(tr("Replace \"%1\"").arg(old->name));
    connect(wizard, &CertificateImportWizard::imported, this, [this, oldId](const QString &newId) {
        QString error;
        if (m_vault->setPendingReplacement(oldId, newId, &error)) {
            setStatus(tr("The next connection of every profile that uses the old certificate tries the new one; "
                         "the old one is deleted once the new one has connected."),
                      false);
        } else {
            setStatus(tr("The new certificate was imported, but cannot replace the old one: %1").arg(error), true);
        }
        reload();
        selectCertificate(oldId);
        Q_EMIT certificatesChanged();
    });
    wizard->open();
    return wizard;
}

void CertificatesPage::cancelReplacement(const QString &id)
{
    if (m_vault->cancelReplacement(id))
        setStatus(tr("Replacement cancelled; connections use the old certificate again. The new one stays in the "
                     "list until you delete it."),
                  false);
    else
        setStatus(tr("This certificate is not being replaced."), true);
    reload();
    Q_EMIT certificatesChanged();
}

void CertificatesPage::confirmDeleteSelected()
{
    const QString id = selectedId();
    const std::optional<CertificateInfo> info = id.isEmpty() ? std::nullopt : m_vault->certificate(id);
    if (!info)
        return;
    auto *box = new QMessageBox(QMessageBox::Question, tr("Delete Certificate"),
                                tr("Delete \"%1\" (%2) and its private key from the OS keychain? Profiles that use "
                                   "it can no longer connect until you choose another certificate.")
                                    .arg(info->name, info->subject),
                                QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("confirmDelete"));
    QPushButton *deleteButton = box->addButton(tr("Delete"), QMessageBox::DestructiveRole);
    deleteButton->setObjectName(QStringLiteral("confirm"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box, deleteButton, id] {
        if (box->clickedButton() == deleteButton)
            removeCertificate(id);
    });
    box->open();
}

void CertificatesPage::removeCertificate(const QString &id)
{
    setStatus(tr("Deleting from the OS keychain…"), false);
    CertificateVaultJob *job = m_vault->remove(id);
    connect(job, &CertificateVaultJob::finished, this, [this](CertificateVaultJob *finished) {
        const bool ok = finished->error() == CertificateVault::Error::NoError;
        if (ok)
            setStatus(tr("Deleted \"%1\".").arg(finished->info().name.isEmpty() ? finished->id() : finished->info().name),
                      false);
        else
            setStatus(finished->errorString(), true);
        reload();
        Q_EMIT certificatesChanged();
        Q_EMIT operationFinished(ok);
    });
}

void CertificatesPage::chooseExportFile()
{
    const QString id = selectedId();
    const std::optional<CertificateInfo> info = id.isEmpty() ? std::nullopt : m_vault->certificate(id);
    if (!info)
        return;
    auto *dialog = new QFileDialog(this, tr("Export Certificate"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setNameFilters({tr("PEM certificates (*.pem *.crt)")});
    dialog->setDefaultSuffix(QStringLiteral("pem"));
    dialog->selectFile(info->name + QStringLiteral("-certificate.pem"));
    connect(dialog, &QFileDialog::fileSelected, this, [this, id](const QString &path) { exportCertificate(id, path); });
    dialog->open();
}

void CertificatesPage::exportCertificate(const QString &id, const QString &path)
{
    setStatus(tr("Exporting…"), false);
    CertificateVaultJob *job = m_vault->exportCertificate(id);
    connect(job, &CertificateVaultJob::finished, this, [this, path](CertificateVaultJob *finished) {
        if (finished->error() != CertificateVault::Error::NoError) {
            setStatus(finished->errorString(), true);
            Q_EMIT operationFinished(false);
            return;
        }
        auto *watcher = new QFutureWatcher<QString>(this);
        connect(watcher, &QFutureWatcher<QString>::finished, this, [this, watcher, path] {
            const QString error = watcher->result();
            watcher->deleteLater();
            if (error.isEmpty())
                setStatus(tr("Saved the certificate to %1 (without the private key).").arg(QDir::toNativeSeparators(path)),
                          false);
            else
                setStatus(error, true);
            Q_EMIT operationFinished(error.isEmpty());
        });
        watcher->setFuture(QtConcurrent::run(writeFile, path, finished->certificatePem()));
    });
}
