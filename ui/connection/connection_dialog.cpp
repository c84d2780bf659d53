#include "connection_dialog.h"

#include "certificates/aws_iot_preset_dialog.h"
#include "certificates/certificate_import_wizard.h"
#include "certificates/certificate_validity_style.h"
#include "profiles/profile_store.h"
#include "topics/topic_name.h"
#include "vault/aws_iot_preset.h"
#include "vault/certificate_vault.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <functional>
#include <limits>

namespace {

const QColor ErrorColor(0xc0, 0x1c, 0x28);
const QColor OkColor(0x26, 0x7f, 0x3c);
constexpr int IdRole = Qt::UserRole + 1;

void setLabelColor(QLabel *label, const QColor &color)
{
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, color);
    label->setPalette(palette);
}

} // namespace

ConnectionDialog::ConnectionDialog(ProfileStore *store, QWidget *parent)
    : ConnectionDialog(store, nullptr, parent)
{
}

ConnectionDialog::ConnectionDialog(ProfileStore *store, CertificateVault *vault, QWidget *parent)
    : QDialog(parent)
    , m_store(store)
    , m_vault(vault)
{
    setWindowTitle(tr("Connection"));

    m_summaryLabel = new QLabel(this);
    m_summaryLabel->setObjectName(QStringLiteral("summaryError"));
    m_summaryLabel->setWordWrap(true);
    setLabelColor(m_summaryLabel, ErrorColor);
    m_summaryLabel->hide();
    m_statusLabel = new QLabel(this);
    m_statusLabel->setObjectName(QStringLiteral("status"));
    m_statusLabel->setWordWrap(true);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Connect"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        if (isValid())
            accept();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *body = new QHBoxLayout;
    if (m_store)
        body->addWidget(createProfileList());
    body->addWidget(createForm(), 1);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(body, 1);
    layout->addWidget(m_summaryLabel);
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_statusLabel, 1);
    bottom->addWidget(m_buttons);
    layout->addLayout(bottom);

    if (m_store) {
        connect(m_store, &ProfileStore::saved, this, [this](const QUuid &id) {
            reloadProfileList(id);
            const auto saved = m_store->profile(id);
            setStatus(tr("Saved profile \"%1\".").arg(saved ? saved->name : id.toString()), false);
            if (id == m_base.id && saved)
                m_base.hasStoredPassword = saved->hasStoredPassword;
            Q_EMIT profileSaved(id);
        });
        connect(m_store, &ProfileStore::removed, this, [this](const QUuid &id) {
            reloadProfileList();
            setStatus(tr("Profile deleted."), false);
            if (id == m_base.id)
                newProfile();
        });
        connect(m_store, &ProfileStore::passwordLoaded, this, [this](const QUuid &id, const QString &password) {
            if (id != m_base.id)
                return;
            m_passwordEdit->setPlaceholderText(QString());
            if (m_passwordEdit->text().isEmpty())
                m_passwordEdit->setText(password);
        });
        connect(m_store, &ProfileStore::errorOccurred, this, [this](const QUuid &id, const QString &message) {
            if (id == m_base.id) {
                m_passwordEdit->setPlaceholderText(QString());
                setStatus(message, true);
            }
        });
        reloadProfileList();
    }

    newProfile();
    resize(sizeHint().expandedTo(QSize(960, 560)));
}

ConnectionDialog::~ConnectionDialog() = default;

QWidget *ConnectionDialog::createProfileList()
{
    auto *pane = new QWidget(this);
    m_profileList = new QListWidget(pane);
    m_profileList->setObjectName(QStringLiteral("profiles"));
    m_profileList->setMinimumWidth(200);
    connect(m_profileList, &QListWidget::currentItemChanged, this, &ConnectionDialog::onProfileSelected);
    auto *newButton = new QPushButton(tr("New"), pane);
    m_saveButton = new QPushButton(tr("Save"), pane);
    m_saveButton->setObjectName(QStringLiteral("saveProfile"));
    m_deleteButton = new QPushButton(tr("Delete"), pane);
    connect(newButton, &QPushButton::clicked, this, &ConnectionDialog::newProfile);
    connect(m_saveButton, &QPushButton::clicked, this, &ConnectionDialog::saveProfile);
    connect(m_deleteButton, &QPushButton::clicked, this, &ConnectionDialog::deleteSelectedProfile);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(newButton);
    buttons->addWidget(m_saveButton);
    buttons->addWidget(m_deleteButton);
    auto *layout = new QVBoxLayout(pane);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(new QLabel(tr("Saved profiles"), pane));
    layout->addWidget(m_profileList, 1);
    layout->addLayout(buttons);
    return pane;
}

QLabel *ConnectionDialog::addErrorLabel(const QString &fieldName)
{
    auto *label = new QLabel(this);
    label->setObjectName(fieldName + QStringLiteral("Error"));
    label->setWordWrap(true);
    setLabelColor(label, ErrorColor);
    label->hide();
    m_errorLabels.insert(fieldName, label);
    return label;
}

QWidget *ConnectionDialog::createForm()
{
    auto *form = new QWidget(this);
    const auto onEdit = [this] { validate(); };

    // Broker
    m_nameEdit = new QLineEdit(form);
    m_nameEdit->setObjectName(QStringLiteral("name"));
    m_nameEdit->setPlaceholderText(tr("e.g. Chicago line 3 gateway (default: host:port)"));
    m_hostEdit = new QLineEdit(form);
    m_hostEdit->setObjectName(QStringLiteral("host"));
    m_hostEdit->setPlaceholderText(tr("broker.example.com or 192.168.0.10"));
    m_portEdit = new QLineEdit(form);
    m_portEdit->setObjectName(QStringLiteral("port"));
    m_portEdit->setMaximumWidth(fontMetrics().horizontalAdvance(QStringLiteral("0000000")) + 16);
    m_protocolCombo = new QComboBox(form);
    m_protocolCombo->setObjectName(QStringLiteral("protocol"));
    m_protocolCombo->addItem(tr("MQTT 5"), int(ConnectionSettings::ProtocolVersion::V5));
    m_protocolCombo->addItem(tr("MQTT 3.1.1"), int(ConnectionSettings::ProtocolVersion::V311));
    m_clientIdEdit = new QLineEdit(form);
    m_clientIdEdit->setObjectName(QStringLiteral("clientId"));
    m_clientIdEdit->setPlaceholderText(tr("generated"));

    auto *hostRow = new QHBoxLayout;
    hostRow->addWidget(m_hostEdit, 1);
    hostRow->addWidget(new QLabel(tr("Port"), form));
    hostRow->addWidget(m_portEdit);

    auto *brokerGroup = new QGroupBox(tr("Broker"), form);
    auto *brokerForm = new QFormLayout(brokerGroup);
    brokerForm->addRow(tr("Name"), m_nameEdit);
    brokerForm->addRow(tr("Host"), hostRow);
    brokerForm->addRow(QString(), addErrorLabel(QStringLiteral("host")));
    brokerForm->addRow(QString(), addErrorLabel(QStringLiteral("port")));
    brokerForm->addRow(tr("Protocol"), m_protocolCombo);
    brokerForm->addRow(tr("Client ID"), m_clientIdEdit);
    brokerForm->addRow(QString(), addErrorLabel(QStringLiteral("clientId")));

    // Authentication
    m_usernameEdit = new QLineEdit(form);
    m_usernameEdit->setObjectName(QStringLiteral("username"));
    m_passwordEdit = new QLineEdit(form);
    m_passwordEdit->setObjectName(QStringLiteral("password"));
    m_passwordEdit->setEchoMode(QLineEdit::Password);
    m_passwordEdit->setToolTip(tr("Saved in the operating system's keychain, never in a file."));
    auto *authGroup = new QGroupBox(tr("Authentication"), form);
    auto *authForm = new QFormLayout(authGroup);
    authForm->addRow(tr("User name"), m_usernameEdit);
    authForm->addRow(tr("Password"), m_passwordEdit);
    authForm->addRow(QString(), addErrorLabel(QStringLiteral("username")));

    // Session
    m_keepAliveSpin = new QSpinBox(form);
    m_keepAliveSpin->setObjectName(QStringLiteral("keepAlive"));
    m_keepAliveSpin->setRange(0, 65535);
    m_keepAliveSpin->setSuffix(tr(" s"));
    m_keepAliveSpin->setSpecialValueText(tr("off"));
    m_cleanSessionCheck = new QCheckBox(form);
    m_cleanSessionCheck->setObjectName(QStringLiteral("cleanSession"));
    m_sessionExpirySpin = new QSpinBox(form);
    m_sessionExpirySpin->setObjectName(QStringLiteral("sessionExpiry"));
    m_sessionExpirySpin->setRange(0, std::numeric_limits<int>::max());
    m_sessionExpirySpin->setSuffix(tr(" s"));
    m_sessionExpirySpin->setSpecialValueText(tr("ends with the connection"));
    m_sessionExpiryLabel = new QLabel(tr("Session expiry"), form);
    m_autoReconnectCheck = new QCheckBox(tr("Reconnect automatically"), form);
    m_autoReconnectCheck->setObjectName(QStringLiteral("autoReconnect"));
    auto *sessionGroup = new QGroupBox(tr("Session"), form);
    auto *sessionForm = new QFormLayout(sessionGroup);
    sessionForm->addRow(tr("Keep-alive"), m_keepAliveSpin);
    sessionForm->addRow(QString(), addErrorLabel(QStringLiteral("keepAlive")));
    sessionForm->addRow(QString(), m_cleanSessionCheck);
    sessionForm->addRow(QString(), addErrorLabel(QStringLiteral("cleanSession")));
    sessionForm->addRow(m_sessionExpiryLabel, m_sessionExpirySpin);
    sessionForm->addRow(QString(), addErrorLabel(QStringLiteral("sessionExpiry")));
    sessionForm->addRow(QString(), m_autoReconnectCheck);

    // Last will
    m_willGroup = new QGroupBox(tr("Last will"), form);
    m_willGroup->setObjectName(QStringLiteral("will"));
    m_willGroup->setCheckable(true);
    m_willGroup->setToolTip(tr("The broker publishes this message if LineScope disconnects without saying goodbye."));
    m_willTopicEdit = new QLineEdit(m_willGroup);
    m_willTopicEdit->setObjectName(QStringLiteral("willTopic"));
    m_willPayloadEdit = new QPlainTextEdit(m_willGroup);
    m_willPayloadEdit->setObjectName(QStringLiteral("willPayload"));
    m_willPayloadEdit->setTabChangesFocus(true);
    m_willPayloadEdit->setMaximumHeight(fontMetrics().lineSpacing() * 4 + 12);
    m_willQosCombo = new QComboBox(m_willGroup);
    for (int qos = 0; qos <= 2; ++qos)
        m_willQosCombo->addItem(tr("QoS %1").arg(qos), qos);
    m_willRetainCheck = new QCheckBox(tr("Retain"), m_willGroup);
    auto *willOptions = new QHBoxLayout;
    willOptions->addWidget(m_willQosCombo);
    willOptions->addWidget(m_willRetainCheck);
    willOptions->addStretch(1);
    auto *willForm = new QFormLayout(m_willGroup);
    willForm->addRow(tr("Topic"), m_willTopicEdit);
    willForm->addRow(QString(), addErrorLabel(QStringLiteral("willTopic")));
    willForm->addRow(tr("Payload"), m_willPayloadEdit);
    willForm->addRow(QString(), willOptions);

    // TLS
    m_tlsGroup = new QGroupBox(tr("TLS"), form);
    m_tlsGroup->setObjectName(QStringLiteral("tls"));
    m_tlsGroup->setCheckable(true);
    m_caFileEdit = new QLineEdit(m_tlsGroup);
    m_caFileEdit->setObjectName(QStringLiteral("caFile"));
    m_caFileEdit->setPlaceholderText(tr("system trust store"));
    auto *browse = new QToolButton(m_tlsGroup);
    browse->setText(tr("Browse…"));
    connect(browse, &QToolButton::clicked, this, &ConnectionDialog::chooseCaFile);
    m_verifyHostnameCheck = new QCheckBox(tr("Verify the broker's host name"), m_tlsGroup);
    m_verifyHostnameCheck->setObjectName(QStringLiteral("verifyHostname"));
    m_verifyHostnameCheck->setToolTip(tr("Turn off only for test brokers whose certificate does not name their address."));
    auto *caRow = new QHBoxLayout;
    caRow->addWidget(m_caFileEdit, 1);
    caRow->addWidget(browse);
    m_alpnEdit = new QLineEdit(m_tlsGroup);
    m_alpnEdit->setObjectName(QStringLiteral("alpn"));
    m_alpnEdit->setPlaceholderText(tr("none; e.g. %1 for AWS IoT on port 443").arg(AwsIotPreset::alpnProtocol()));
    m_alpnEdit->setToolTip(tr("Application protocols offered in the TLS handshake, separated by commas."));
    auto *awsButton = new QPushButton(tr("AWS IoT Core…"), m_tlsGroup);
    awsButton->setObjectName(QStringLiteral("awsIotPreset"));
    awsButton->setAutoDefault(false);
    awsButton->setToolTip(tr("Fills in endpoint, port, ALPN and client id for AWS IoT Core."));
    connect(awsButton, &QPushButton::clicked, this, &ConnectionDialog::openAwsIotPreset);
    auto *tlsForm = new QFormLayout(m_tlsGroup);
    tlsForm->addRow(tr("Client certificate"), createIdentityRow(m_tlsGroup));
    tlsForm->addRow(QString(), m_identityInfo);
    tlsForm->addRow(tr("CA certificate"), caRow);
    tlsForm->addRow(QString(), m_verifyHostnameCheck);
    tlsForm->addRow(tr("ALPN"), m_alpnEdit);
    auto *awsRow = new QHBoxLayout;
    awsRow->addWidget(awsButton);
    awsRow->addStretch(1);
    tlsForm->addRow(QString(), awsRow);
    tlsForm->addRow(QString(), addErrorLabel(QStringLiteral("tls")));

    auto *left = new QVBoxLayout;
    left->addWidget(brokerGroup);
    left->addWidget(authGroup);
    left->addWidget(sessionGroup);
    left->addStretch(1);
    auto *right = new QVBoxLayout;
    right->addWidget(m_willGroup);
    right->addWidget(m_tlsGroup);
    right->addStretch(1);
    auto *columns = new QHBoxLayout(form);
    columns->setContentsMargins(0, 0, 0, 0);
    columns->addLayout(left, 1);
    columns->addLayout(right, 1);

    for (QLineEdit *edit : {m_nameEdit, m_hostEdit, m_portEdit, m_clientIdEdit, m_usernameEdit, m_passwordEdit, m_willTopicEdit, m_caFileEdit, m_alpnEdit})
        connect(edit, &QLineEdit::textChanged, this, onEdit);
    for (QSpinBox *spin : {m_keepAliveSpin, m_sessionExpirySpin})
        connect(spin, &QSpinBox::valueChanged, this, onEdit);
    for (QCheckBox *check : {m_cleanSessionCheck, m_autoReconnectCheck, m_willRetainCheck, m_verifyHostnameCheck})
        connect(check, &QCheckBox::toggled, this, onEdit);
    for (QGroupBox *group : {m_willGroup, m_tlsGroup})
        connect(group, &QGroupBox::toggled, this, onEdit);
    connect(m_willPayloadEdit, &QPlainTextEdit::textChanged, this, onEdit);
    connect(m_willQosCombo, &QComboBox::currentIndexChanged, this, onEdit);
    connect(m_identityCombo, &QComboBox::currentIndexChanged, this, [this] {
        updateIdentityInfo();
        validate();
    });
    connect(m_protocolCombo, &QComboBox::currentIndexChanged, this, [this] {
        updateProtocolDependentFields();
        validate();
    });
    return form;
}

void ConnectionDialog::setProfile(const ConnectionProfile &profile)
{
    m_loading = true;
    m_base = profile;
    const ConnectionSettings &s = profile.settings;
    m_nameEdit->setText(profile.name);
    loadSettings(s);
    m_loading = false;
    updateProtocolDependentFields();
    updateIdentityInfo();
    validate();

    if (m_store && profile.hasStoredPassword && s.password.isEmpty()) {
        m_passwordEdit->setPlaceholderText(tr("reading from the keychain…"));
        m_store->loadPassword(profile.id);
    }
    if (m_deleteButton)
        m_deleteButton->setEnabled(m_store && m_store->profile(profile.id).has_value());
}

void ConnectionDialog::loadSettings(const ConnectionSettings &s)
{
    m_hostEdit->setText(s.host);
    m_portEdit->setText(QString::number(s.port));
    m_protocolCombo->setCurrentIndex(m_protocolCombo->findData(int(s.protocolVersion)));
    m_clientIdEdit->setText(s.clientId);
    m_usernameEdit->setText(s.username);
    m_passwordEdit->setText(s.password);
    m_passwordEdit->setPlaceholderText(QString());
    m_keepAliveSpin->setValue(s.keepAliveSeconds);
    m_cleanSessionCheck->setChecked(s.cleanSession);
    m_sessionExpirySpin->setValue(int(std::min<quint32>(s.sessionExpirySeconds, std::numeric_limits<int>::max())));
    m_autoReconnectCheck->setChecked(s.autoReconnect);
    m_willGroup->setChecked(s.will.enabled);
    m_willTopicEdit->setText(s.will.topic);
    m_willPayloadEdit->setPlainText(QString::fromUtf8(s.will.payload));
    m_willQosCombo->setCurrentIndex(std::clamp<int>(s.will.qos, 0, 2));
    m_willRetainCheck->setChecked(s.will.retain);
    m_tlsGroup->setChecked(s.tls.enabled);
    m_caFileEdit->setText(QDir::toNativeSeparators(s.tls.caFile));
    m_verifyHostnameCheck->setChecked(s.tls.verifyHostname);
    m_alpnEdit->setText(s.tls.alpnProtocols.join(QStringLiteral(", ")));
    selectIdentity(s.tls.clientIdentityId);
}

ConnectionSettings ConnectionDialog::settingsFromForm(bool *portOk) const
{
    ConnectionSettings s = m_base.settings;
    s.host = m_hostEdit->text().trimmed();
    s.port = m_portEdit->text().trimmed().toInt(portOk);
    s.protocolVersion = ConnectionSettings::ProtocolVersion(m_protocolCombo->currentData().toInt());
    s.clientId = m_clientIdEdit->text().trimmed();
    s.username = m_usernameEdit->text();
    s.password = m_passwordEdit->text();
    s.keepAliveSeconds = m_keepAliveSpin->value();
    s.cleanSession = m_cleanSessionCheck->isChecked();
    s.sessionExpirySeconds = s.protocolVersion == ConnectionSettings::ProtocolVersion::V5 ? quint32(m_sessionExpirySpin->value()) : 0;
    s.autoReconnect = m_autoReconnectCheck->isChecked();
    s.will.enabled = m_willGroup->isChecked();
    s.will.topic = m_willTopicEdit->text();
    s.will.payload = m_willPayloadEdit->toPlainText().toUtf8();
    s.will.qos = quint8(m_willQosCombo->currentData().toInt());
    s.will.retain = m_willRetainCheck->isChecked();
    s.tls.enabled = m_tlsGroup->isChecked();
    s.tls.caFile = QDir::fromNativeSeparators(m_caFileEdit->text().trimmed());
    s.tls.verifyHostname = m_verifyHostnameCheck->isChecked();
    s.tls.clientIdentityId = m_identityCombo->currentData().toString();
    s.tls.alpnProtocols.clear();
    const QStringList alpn = m_alpnEdit->text().split(QRegularExpression(QStringLiteral("[,\\s]+")), Qt::SkipEmptyParts);
    for (const QString &protocol : alpn)
        s.tls.alpnProtocols.append(protocol);
    return s;
}

ConnectionProfile ConnectionDialog::profile() const
{
    ConnectionProfile profile = m_base;
    bool portOk = false;
    profile.settings = settingsFromForm(&portOk);
    profile.name = m_nameEdit->text().trimmed();
    if (profile.name.isEmpty())
        profile.name = tr("%1:%2").arg(profile.settings.host, m_portEdit->text().trimmed());
    return profile;
}

QString ConnectionDialog::validationError() const
{
    return m_firstError;
}

QString ConnectionDialog::fieldError(const QString &fieldName) const
{
    const QLabel *label = m_errorLabels.value(fieldName);
    return label && !label->isHidden() ? label->text() : QString();
}

QString ConnectionDialog::statusText() const
{
    return m_statusLabel->text();
}

void ConnectionDialog::validate()
{
    if (m_loading)
        return;
    QHash<QString, QString> errors;
    QString unattributed;

    bool portOk = false;
    ConnectionSettings s = settingsFromForm(&portOk);
    if (!portOk) {
        errors.insert(QStringLiteral("port"), tr("The port must be a whole number between 1 and 65535."));
        s.port = ConnectionSettings().port;   // so the remaining fields are still checked
    }

    // validate() returns one sentence for the whole settings. Find the field
    // it is about by resetting one field at a time to its default and
    // checking whether the message changes; then reset that field and look
    // for the next error, so every invalid field gets its own message.
    const ConnectionSettings defaults;
    const QList<std::pair<QString, std::function<void(ConnectionSettings &)>>> fields = {
        {QStringLiteral("host"), [&](ConnectionSettings &t) { t.host = defaults.host; }},
        {QStringLiteral("port"), [&](ConnectionSettings &t) { t.port = defaults.port; }},
        {QStringLiteral("keepAlive"), [&](ConnectionSettings &t) { t.keepAliveSeconds = defaults.keepAliveSeconds; }},
        {QStringLiteral("cleanSession"), [&](ConnectionSettings &t) { t.cleanSession = defaults.cleanSession; }},
        {QStringLiteral("clientId"), [&](ConnectionSettings &t) { t.clientId = defaults.clientId; }},
        {QStringLiteral("username"), [&](ConnectionSettings &t) {
             t.username = defaults.username;
             t.password = defaults.password;
         }},
        {QStringLiteral("sessionExpiry"), [&](ConnectionSettings &t) { t.sessionExpirySeconds = defaults.sessionExpirySeconds; }},
        {QStringLiteral("willTopic"), [&](ConnectionSettings &t) { t.will = defaults.will; }},
        {QStringLiteral("tls"), [&](ConnectionSettings &t) { t.tls = defaults.tls; }},
    };
    ConnectionSettings remaining = s;
    for (qsizetype round = 0; round <= fields.size(); ++round) {
        const QString error = remaining.validate();
        if (error.isEmpty())
            break;
        QString owner;
        for (const auto &[name, reset] : fields) {
            ConnectionSettings trial = remaining;
            reset(trial);
            if (trial.validate() != error) {
                owner = name;
                reset(remaining);
                break;
            }
        }
        if (owner.isEmpty()) {
            unattributed = error;
            break;
        }
        if (!errors.contains(owner))
            errors.insert(owner, error);
    }
    if (s.will.enabled && !errors.contains(QStringLiteral("willTopic"))) {
        const QString willError = TopicName::validateForPublish(s.will.topic);
        if (!willError.isEmpty())
            errors.insert(QStringLiteral("willTopic"), tr("Last will topic: %1").arg(willError));
    }

    // Error labels in form order, so m_firstError is the topmost message.
    static const QStringList order = {QStringLiteral("host"), QStringLiteral("port"), QStringLiteral("clientId"),
                                      QStringLiteral("username"), QStringLiteral("keepAlive"), QStringLiteral("cleanSession"),
                                      QStringLiteral("sessionExpiry"), QStringLiteral("willTopic"), QStringLiteral("tls")};
    m_firstError.clear();
    for (const QString &name : order) {
        QLabel *label = m_errorLabels.value(name);
        const QString text = errors.value(name);
        label->setText(text);
        label->setVisible(!text.isEmpty());
        if (m_firstError.isEmpty())
            m_firstError = text;
    }
    if (m_firstError.isEmpty())
        m_firstError = unattributed;
    m_summaryLabel->setText(unattributed);
    m_summaryLabel->setVisible(!unattributed.isEmpty());

    const bool valid = m_firstError.isEmpty();
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(valid);
    m_buttons->button(QDialogButtonBox::Ok)->setToolTip(m_firstError);
    if (m_saveButton)
        m_saveButton->setEnabled(valid);
}

void ConnectionDialog::updateProtocolDependentFields()
{
    const bool v5 = m_protocolCombo->currentData().toInt() == int(ConnectionSettings::ProtocolVersion::V5);
    m_cleanSessionCheck->setText(v5 ? tr("Clean start (discard any previous session)")
                                    : tr("Clean session (discard any previous session)"));
    m_sessionExpirySpin->setEnabled(v5);
    m_sessionExpiryLabel->setEnabled(v5);
    m_sessionExpirySpin->setToolTip(v5 ? QString() : tr("Session expiry exists only in MQTT 5."));
}

void ConnectionDialog::setStatus(const QString &text, bool error)
{
    m_statusLabel->setText(text);
    setLabelColor(m_statusLabel, error ? ErrorColor : OkColor);
}

void ConnectionDialog::reloadProfileList(const QUuid &select)
{
    if (!m_profileList)
        return;
    const QUuid current = select.isNull() ? m_base.id : select;
    const QSignalBlocker blocker(m_profileList);
    m_profileList->clear();
    for (const ConnectionProfile &profile : m_store->profiles()) {
        auto *item = new QListWidgetItem(profile.name, m_profileList);
        item->setData(IdRole, profile.id);
        item->setToolTip(tr("%1:%2").arg(profile.settings.host).arg(profile.settings.port));
        const QString identityId = profile.settings.tls.clientIdentityId;
        if (!identityId.isEmpty() && m_vault) {
            const std::optional<CertificateInfo> info = identityInfo(identityId);
            const QDateTime now = QDateTime::currentDateTimeUtc();
            const QColor color = info ? CertificateValidityStyle::color(info->validity(now)) : ErrorColor;
            //: %1 profile name, %2 e.g. "12 days left" for its client certificate
            item->setText(tr("%1 (certificate: %2)")
                              .arg(profile.name, info ? CertificateValidityStyle::daysLeftText(*info, now)
                                                      : tr("missing")));
            //: %1 host:port, %2 certificate name, %3 e.g. "expires in 12 days (2026-12-08)"
            item->setToolTip(info ? tr("%1:%2\nClient certificate %3: %4")
                                        .arg(profile.settings.host)
                                        .arg(profile.settings.port)
                                        .arg(info->name, info->validityText(now))
                                  : tr("%1:%2\nThe client certificate %3 is no longer in the vault.")
                                        .arg(profile.settings.host)
                                        .arg(profile.settings.port)
                                        .arg(identityId));
            if (color.isValid())
                item->setForeground(color);
        }
        if (profile.id == current)
            m_profileList->setCurrentItem(item);
    }
    if (m_deleteButton)
        m_deleteButton->setEnabled(m_store->profile(m_base.id).has_value());
}

void ConnectionDialog::onProfileSelected()
{
    const QListWidgetItem *item = m_profileList->currentItem();
    if (!item)
        return;
    const auto profile = m_store->profile(item->data(IdRole).toUuid());
    if (!profile) {
        setStatus(tr("The profile \"%1\" no longer exists.").arg(item->text()), true);
        return;
    }
    setStatus(QString(), false);
    setProfile(*profile);
}

void ConnectionDialog::saveProfile()
{
    if (!m_store || !isValid())
        return;
    const ConnectionProfile p = profile();
    m_base = p;
    m_base.settings.password.clear();
    m_nameEdit->setText(p.name);
    setStatus(p.settings.password.isEmpty() ? tr("Saving…") : tr("Saving; storing the password in the keychain…"), false);
    m_store->save(p);
}

void ConnectionDialog::deleteSelectedProfile()
{
    if (!m_store || !m_store->profile(m_base.id))
        return;
    const QUuid id = m_base.id;
    auto *box = new QMessageBox(QMessageBox::Question, tr("Delete Profile"),
                                tr("Delete the profile \"%1\" and its stored password?").arg(m_nameEdit->text()),
                                QMessageBox::Cancel, this);
    QPushButton *deleteButton = box->addButton(tr("Delete"), QMessageBox::DestructiveRole);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box, deleteButton, id] {
        if (box->clickedButton() == deleteButton)
            m_store->remove(id);
    });
    box->open();
}

void ConnectionDialog::newProfile()
{
    if (m_profileList) {
        const QSignalBlocker blocker(m_profileList);
        m_profileList->clearSelection();
        m_profileList->setCurrentItem(nullptr);
    }
    setProfile(ConnectionProfile());
}

void ConnectionDialog::chooseCaFile()
{
    auto *dialog = new QFileDialog(this, tr("CA Certificate"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::ExistingFile);
    dialog->setNameFilters({tr("PEM certificates (*.pem *.crt *.cer)"), tr("All files (*)")});
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString &path) {
        m_caFileEdit->setText(QDir::toNativeSeparators(path));
    });
    dialog->open();
}

QWidget *ConnectionDialog::createIdentityRow(QWidget *parent)
{
    auto *row = new QWidget(parent);
    m_identityCombo = new QComboBox(row);
    m_identityCombo->setObjectName(QStringLiteral("clientIdentity"));
    m_identityCombo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_identityCombo->setMinimumContentsLength(24);
    m_identityCombo->setToolTip(tr("A certificate from the OS keychain (Certificates…); the private key never "
                                   "touches the disk."));
    auto *importButton = new QToolButton(row);
    importButton->setObjectName(QStringLiteral("importCertificate"));
    importButton->setText(tr("Import…"));
    importButton->setEnabled(m_vault != nullptr);
    connect(importButton, &QToolButton::clicked, this, &ConnectionDialog::openCertificateImport);
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_identityCombo, 1);
    layout->addWidget(importButton);

    m_identityInfo = new QLabel(parent);
    m_identityInfo->setObjectName(QStringLiteral("clientIdentityInfo"));
    m_identityInfo->setWordWrap(true);
    m_identityInfo->hide();
    reloadCertificates();
    // An import or deletion on the Certificates page shows up while the dialog is open.
    if (m_vault)
        connect(m_vault, &CertificateVault::certificatesChanged, this, &ConnectionDialog::reloadCertificates);
    return row;
}

std::optional<CertificateInfo> ConnectionDialog::identityInfo(const QString &id) const
{
    if (!m_vault || id.isEmpty())
        return std::nullopt;
    // What a connection would use now: a pending replacement counts.
    return m_vault->certificate(m_vault->connectionIdentityId(id));
}

void ConnectionDialog::reloadCertificates()
{
    const QString current = m_identityCombo->currentData().toString();
    {
        const QSignalBlocker blocker(m_identityCombo);
        m_identityCombo->clear();
        m_identityCombo->addItem(tr("None"), QString());
        if (m_vault) {
            const QDateTime now = QDateTime::currentDateTimeUtc();
            const QList<CertificateInfo> certificates = m_vault->certificates();
            for (const CertificateInfo &info : certificates) {
                m_identityCombo->addItem(CertificateValidityStyle::pickerText(info, now), info.id);
                const QColor color = CertificateValidityStyle::color(info.validity(now));
                if (color.isValid())
                    m_identityCombo->setItemData(m_identityCombo->count() - 1, color, Qt::ForegroundRole);
            }
        }
    }
    selectIdentity(current);
    reloadProfileList();
}

void ConnectionDialog::selectIdentity(const QString &id)
{
    const QSignalBlocker blocker(m_identityCombo);
    // A replaced identity resolves to its successor, which is what the list shows.
    const QString shown = m_vault && !id.isEmpty() ? m_vault->resolvedId(id) : id;
    int index = m_identityCombo->findData(shown);
    if (index < 0) {
        // Keep the profile's reference even when the vault no longer has it, and say so.
        m_identityCombo->addItem(tr("%1 (not in the certificate vault)").arg(id), id);
        index = m_identityCombo->count() - 1;
        m_identityCombo->setItemData(index, ErrorColor, Qt::ForegroundRole);
    }
    m_identityCombo->setCurrentIndex(index);
    updateIdentityInfo();
}

void ConnectionDialog::updateIdentityInfo()
{
    const QString id = m_identityCombo->currentData().toString();
    const std::optional<CertificateInfo> info = identityInfo(id);
    QString text;
    QColor color;
    if (!id.isEmpty() && !info) {
        text = m_vault ? tr("This certificate is no longer in the vault. Choose another one or import it again.")
                       : tr("Certificate %1 from the vault.").arg(id);
        color = m_vault ? ErrorColor : QColor();
    } else if (info) {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        color = CertificateValidityStyle::color(info->validity(now));
        switch (info->validity(now)) {
        case CertificateInfo::Validity::Expired:
            text = tr("%1: %2. The broker will refuse it; import a renewed certificate.")
                       .arg(info->subject, info->validityText(now));
            break;
        case CertificateInfo::Validity::NotYetValid:
            text = tr("%1: %2. The broker will refuse it until then.").arg(info->subject, info->validityText(now));
            break;
        case CertificateInfo::Validity::ExpiresSoon:
            text = tr("%1: %2. Ask for a renewed certificate and replace it on the Certificates page.")
                       .arg(info->subject, info->validityText(now));
            break;
        case CertificateInfo::Validity::Valid:
            text = tr("%1: %2").arg(info->subject, info->validityText(now));
            break;
        }
    }
    m_identityInfo->setText(text);
    m_identityInfo->setVisible(!text.isEmpty());
    setLabelColor(m_identityInfo, color.isValid() ? color : palette().color(QPalette::WindowText));
    m_caFileEdit->setPlaceholderText(info && info->caCertificates > 0
                                         ? tr("the CA certificates imported with %1").arg(info->name)
                                         : tr("system trust store"));
}

CertificateImportWizard *ConnectionDialog::openCertificateImport()
{
    if (!m_vault)
        return nullptr;
    auto *wizard = new CertificateImportWizard(m_vault, this);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    connect(wizard, &CertificateImportWizard::imported, this, [this](const QString &id) {
        reloadCertificates();
        selectIdentity(id);
        if (!m_tlsGroup->isChecked())
            m_tlsGroup->setChecked(true);
        validate();
    });
    wizard->open();
    return wizard;
}

QString ConnectionDialog::applyAwsIotPreset(AwsIotPreset::Options options)
{
    options.clientIdentityId = m_identityCombo->currentData().toString();
    options.protocolVersion = ConnectionSettings::ProtocolVersion(m_protocolCombo->currentData().toInt());
    bool portOk = false;
    ConnectionSettings s = settingsFromForm(&portOk);
    const QString error = AwsIotPreset::apply(options, &s);
    if (!error.isEmpty()) {
        setStatus(error, true);
        return error;
    }
    m_loading = true;
    loadSettings(s);
    if (m_nameEdit->text().trimmed().isEmpty())
        m_nameEdit->setText(tr("AWS IoT %1").arg(options.thingName.isEmpty() ? AwsIotPreset::region(options.endpoint)
                                                                              : options.thingName));
    m_loading = false;
    updateProtocolDependentFields();
    updateIdentityInfo();
    validate();
    setStatus(options.clientIdentityId.isEmpty()
                  ? tr("AWS IoT Core settings filled in. Choose the thing's client certificate before connecting.")
                  : tr("AWS IoT Core settings filled in."),
              options.clientIdentityId.isEmpty());
    return {};
}

void ConnectionDialog::openAwsIotPreset()
{
    auto *dialog = new AwsIotPresetDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    AwsIotPreset::Options options;
    const QString host = m_hostEdit->text().trimmed();
    if (AwsIotPreset::validateEndpoint(host).isEmpty())
        options.endpoint = host;
    options.thingName = m_clientIdEdit->text().trimmed();
    options.port = m_portEdit->text().trimmed() == QLatin1String("443") ? AwsIotPreset::Port::Https443
                                                                         : AwsIotPreset::Port::Mqtt8883;
    dialog->setOptions(options);
    connect(dialog, &QDialog::accepted, this, [this, dialog] { applyAwsIotPreset(dialog->options()); });
    dialog->open();
}
