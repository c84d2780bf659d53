#pragma once

#include "profiles/connection_profile.h"
#include "vault/aws_iot_preset.h"

#include <QDialog>
#include <QHash>

#include <optional>

QT_FORWARD_DECLARE_CLASS(QCheckBox)
QT_FORWARD_DECLARE_CLASS(QComboBox)
QT_FORWARD_DECLARE_CLASS(QDialogButtonBox)
QT_FORWARD_DECLARE_CLASS(QGroupBox)
QT_FORWARD_DECLARE_CLASS(QLabel)
QT_FORWARD_DECLARE_CLASS(QLineEdit)
QT_FORWARD_DECLARE_CLASS(QListWidget)
QT_FORWARD_DECLARE_CLASS(QPlainTextEdit)
QT_FORWARD_DECLARE_CLASS(QPushButton)
QT_FORWARD_DECLARE_CLASS(QSpinBox)
class CertificateImportWizard;
class CertificateVault;
class ProfileStore;
struct CertificateInfo;

// Edits one ConnectionProfile and manages the saved ones.
//
// Validation is inline: ConnectionSettings::validate() (and
// TopicName::validateForPublish for the will topic) run on every edit, the
// message appears under the field it is about, and Connect/Save stay disabled
// while anything is invalid. Passwords are read from and saved to the OS
// keychain through ProfileStore, asynchronously; the status line reports the
// outcome. Without a store the dialog only edits (no profile list).
//
// With a CertificateVault the TLS box offers the vault's entries as client
// certificate (subject and days left; amber from 30 days, red once expired,
// the same in the profile list), an Import… shortcut to the import wizard,
// ALPN and the AWS IoT Core preset. The profile keeps only the vault id.
class ConnectionDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ConnectionDialog(ProfileStore *store, QWidget *parent = nullptr);
    ConnectionDialog(ProfileStore *store, CertificateVault *vault, QWidget *parent = nullptr);
    ~ConnectionDialog() override;

    // Loads a profile into the form; a stored password is fetched from the keychain.
    void setProfile(const ConnectionProfile &profile);
    // The form as a profile; the password is in settings.password (memory only).
    ConnectionProfile profile() const;

    // First validation error, empty when the form is valid.
    QString validationError() const;
    bool isValid() const { return validationError().isEmpty(); }
    // Error shown next to a field, by the field's object name ("port", "host",
    // "keepAlive", "willTopic", "tls", ...); empty when it has none.
    QString fieldError(const QString &fieldName) const;
    QString statusText() const;

    // Saves the form through the ProfileStore; profileSaved() or an error in the status line follows.
    void saveProfile();
    void deleteSelectedProfile();
    void newProfile();

    // Fills host, port, TLS, ALPN and client id for AWS IoT Core (see
    // AwsIotPreset). The client certificate and protocol come from the form,
    // not from options. Returns the preset's error, or an empty string.
    QString applyAwsIotPreset(AwsIotPreset::Options options);
    void openAwsIotPreset();
    CertificateImportWizard *openCertificateImport();
    // Reads the vault's list again, keeping the chosen certificate; runs on
    // the vault's certificatesChanged() by itself.
    void reloadCertificates();

Q_SIGNALS:
    void profileSaved(const QUuid &id);

private:
    QWidget *createProfileList();
    QWidget *createForm();
    void reloadProfileList(const QUuid &select = {});
    void onProfileSelected();
    void validate();
    void updateProtocolDependentFields();
    void setStatus(const QString &text, bool error);
    void chooseCaFile();
    QWidget *createIdentityRow(QWidget *parent);
    void selectIdentity(const QString &id);
    void updateIdentityInfo();
    void loadSettings(const ConnectionSettings &s);
    std::optional<CertificateInfo> identityInfo(const QString &id) const;
    ConnectionSettings settingsFromForm(bool *portOk) const;
    QLabel *addErrorLabel(const QString &fieldName);

    ProfileStore *m_store = nullptr;
    CertificateVault *m_vault = nullptr;
    ConnectionProfile m_base;           // id, subscriptions and keychain flag of the loaded profile
    QHash<QString, QLabel *> m_errorLabels;
    QString m_firstError;
    bool m_loading = false;

    QListWidget *m_profileList = nullptr;
    QPushButton *m_saveButton = nullptr;
    QPushButton *m_deleteButton = nullptr;
    QLineEdit *m_nameEdit = nullptr;
    QLineEdit *m_hostEdit = nullptr;
    QLineEdit *m_portEdit = nullptr;
    QComboBox *m_protocolCombo = nullptr;
    QLineEdit *m_clientIdEdit = nullptr;
    QLineEdit *m_usernameEdit = nullptr;
    QLineEdit *m_passwordEdit = nullptr;
    QSpinBox *m_keepAliveSpin = nullptr;
    QCheckBox *m_cleanSessionCheck = nullptr;
    QSpinBox *m_sessionExpirySpin = nullptr;
    QLabel *m_sessionExpiryLabel = nullptr;
    QCheckBox *m_autoReconnectCheck = nullptr;
    QGroupBox *m_willGroup = nullptr;
    QLineEdit *m_willTopicEdit = nullptr;
    QPlainTextEdit *m_willPayloadEdit = nullptr;
    QComboBox *m_willQosCombo = nullptr;
    QCheckBox *m_willRetainCheck = nullptr;
    QGroupBox *m_tlsGroup = nullptr;
    QLineEdit *m_caFileEdit = nullptr;
    QCheckBox *m_verifyHostnameCheck = nullptr;
    QComboBox *m_identityCombo = nullptr;
    QLabel *m_identityInfo = nullptr;
    QLineEdit *m_alpnEdit = nullptr;
    QLabel *m_summaryLabel = nullptr;
    QLabel *m_statusLabel = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};
