#include "broker_settings_dialog.h"

#include "vault/certificate_info.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QVBoxLayout>

namespace {

constexpr qint64 MiB = 1024 * 1024;

QStringList lines(const QPlainTextEdit *edit)
{
    QStringList result;
    const QStringList all = edit->toPlainText().split(QLatin1Char('\n'));
    for (const QString &line : all) {
        if (!line.trimmed().isEmpty())
            result.append(line.trimmed());
    }
    return result;
}

} // namespace

BrokerSettingsDialog::BrokerSettingsDialog(const BrokerConfig &config, const UplinkSettings &uplink,
                                           const QList<CertificateInfo> &identities, QWidget *parent)
    : QDialog(parent)
    , m_config(config)
    , m_uplink(uplink)
{
    setWindowTitle(tr("Embedded broker settings"));
    m_pages = new QTabWidget(this);
    m_pages->addTab(createUplinkPage(identities), tr("Uplink"));
    m_pages->addTab(createLanPage(), tr("LAN listener"));

    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("settingsProblem"));
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: #b3261e;"));
    m_problem->hide();

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &BrokerSettingsDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &BrokerSettingsDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_pages, 1);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);
    updateEnabled();
}

QLineEdit *BrokerSettingsDialog::fileField(QWidget *parent, const QString &objectName, const QString &filter, QWidget **row)
{
    auto *container = new QWidget(parent);
    auto *edit = new QLineEdit(container);
    edit->setObjectName(objectName);
    auto *browse = new QPushButton(tr("Browse…"), container);
    auto *layout = new QHBoxLayout(container);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(edit, 1);
    layout->addWidget(browse);
    connect(browse, &QPushButton::clicked, edit, [this, edit, filter] {
        // QFileDialog::getOpenFileName runs its own event loop; the GUI stays responsive.
        const QString file = QFileDialog::getOpenFileName(this, tr("Choose a file"), edit->text(), filter);
        if (!file.isEmpty())
            edit->setText(file);
    });
    *row = container;
    return edit;
}

QWidget *BrokerSettingsDialog::createLanPage()
{
    auto *page = new QWidget(m_pages);
    auto *form = new QFormLayout(page);
    const QString pem = tr("PEM files (*.pem *.crt *.key);;All files (*)");
    m_lanEnabled = new QCheckBox(tr("Listen on the plant network (login always required)"), page);
    m_lanEnabled->setObjectName(QStringLiteral("lanEnabled"));
    m_lanEnabled->setChecked(m_config.lan.enabled);
    m_lanPort = new QSpinBox(page);
    m_lanPort->setObjectName(QStringLiteral("lanPort"));
    m_lanPort->setRange(1, 65535);
    m_lanPort->setValue(m_config.lan.port > 0 ? m_config.lan.port : 8883);
    m_lanBind = new QLineEdit(m_config.lan.bindAddress, page);
    m_lanBind->setObjectName(QStringLiteral("lanBind"));
    m_lanTls = new QCheckBox(tr("TLS (clients must present a certificate signed by the CA)"), page);
    m_lanTls->setObjectName(QStringLiteral("lanTls"));
    m_lanTls->setChecked(m_config.lan.tls.enabled);
    QWidget *certRow = nullptr;
    QWidget *keyRow = nullptr;
    QWidget *caRow = nullptr;
    m_lanCert = fileField(page, QStringLiteral("lanCert"), pem, &certRow);
    m_lanCert->setText(m_config.lan.tls.certFile);
    m_lanKey = fileField(page, QStringLiteral("lanKey"), pem, &keyRow);
    m_lanKey->setText(m_config.lan.tls.keyFile);
    m_lanCa = fileField(page, QStringLiteral("lanCa"), pem, &caRow);
    m_lanCa->setText(m_config.lan.tls.caFile);
    form->addRow(m_lanEnabled);
    form->addRow(tr("Port:"), m_lanPort);
    form->addRow(tr("Bind address:"), m_lanBind);
    form->addRow(m_lanTls);
    form->addRow(tr("Broker certificate:"), certRow);
    form->addRow(tr("Broker key:"), keyRow);
    form->addRow(tr("Client CA:"), caRow);
    auto *note = new QLabel(tr("OK restarts a running broker with these settings and keeps them in broker.json in the "
                               "data directory for the next start (and for linescope-cli broker run)."),
                            page);
    note->setWordWrap(true);
    form->addRow(note);
    connect(m_lanEnabled, &QCheckBox::toggled, this, &BrokerSettingsDialog::updateEnabled);
    connect(m_lanTls, &QCheckBox::toggled, this, &BrokerSettingsDialog::updateEnabled);
    return page;
}

QWidget *BrokerSettingsDialog::createUplinkPage(const QList<CertificateInfo> &identities)
{
    auto *page = new QWidget(m_pages);
    auto *form = new QFormLayout(page);
    const QString pem = tr("PEM files (*.pem *.crt *.key);;All files (*)");
    m_uplinkEnabled = new QCheckBox(tr("Forward to the cloud (store-and-forward over mutual TLS)"), page);
    m_uplinkEnabled->setObjectName(QStringLiteral("uplinkEnabled"));
    m_uplinkEnabled->setChecked(m_uplink.enabled);
    m_host = new QLineEdit(m_uplink.host, page);
    m_host->setObjectName(QStringLiteral("uplinkHost"));
    m_host->setPlaceholderText(tr("e.g. abc123-ats.iot.eu-central-1.amazonaws.com"));
    m_port = new QSpinBox(page);
    m_port->setObjectName(QStringLiteral("uplinkPort"));
    m_port->setRange(1, 65535);
    m_port->setValue(m_uplink.port);
    m_clientId = new QLineEdit(m_uplink.clientId, page);
    m_clientId->setObjectName(QStringLiteral("uplinkClientId"));
    m_clientId->setPlaceholderText(tr("linescope-uplink (AWS IoT: the thing name)"));

    m_fromVault = new QRadioButton(tr("Certificate from the vault (key in the OS keychain)"), page);
    m_fromVault->setObjectName(QStringLiteral("identityFromVault"));
    m_fromFiles = new QRadioButton(tr("Certificate and key files"), page);
    m_fromFiles->setObjectName(QStringLiteral("identityFromFiles"));
    m_identity = new QComboBox(page);
    m_identity->setObjectName(QStringLiteral("uplinkIdentity"));
    m_identity->addItem(tr("(none)"), QString());
    for (const CertificateInfo &info : identities)
        m_identity->addItem(tr("%1 (%2)").arg(info.name, info.id), info.id);
    if (!m_uplink.identityId.isEmpty() && m_identity->findData(m_uplink.identityId) < 0)
        m_identity->addItem(tr("%1 (not in the vault)").arg(m_uplink.identityId), m_uplink.identityId);
    m_identity->setCurrentIndex(std::max(0, m_identity->findData(m_uplink.identityId)));
    QWidget *certRow = nullptr;
    QWidget *keyRow = nullptr;
    QWidget *caRow = nullptr;
    m_certFile = fileField(page, QStringLiteral("uplinkCertFile"), pem, &certRow);
    m_certFile->setText(m_uplink.certificateFile);
    m_keyFile = fileField(page, QStringLiteral("uplinkKeyFile"), pem, &keyRow);
    m_keyFile->setText(m_uplink.keyFile);
    m_caFile = fileField(page, QStringLiteral("uplinkCaFile"), pem, &caRow);
    m_caFile->setText(m_uplink.caFile);
    const bool files = !m_uplink.certificateFile.isEmpty() || !m_uplink.keyFile.isEmpty();
    m_fromFiles->setChecked(files);
    m_fromVault->setChecked(!files);
    m_alpn = new QLineEdit(m_uplink.alpnProtocols.join(QLatin1Char(',')), page);
    m_alpn->setObjectName(QStringLiteral("uplinkAlpn"));
    m_alpn->setPlaceholderText(tr("x-amzn-mqtt-ca for AWS IoT on port 443; empty on 8883"));

    m_filters = new QPlainTextEdit(m_uplink.topicFilters.join(QLatin1Char('\n')), page);
    m_filters->setObjectName(QStringLiteral("uplinkFilters"));
    m_filters->setMaximumHeight(60);
    m_downlink = new QPlainTextEdit(m_uplink.downlinkFilters.join(QLatin1Char('\n')), page);
    m_downlink->setObjectName(QStringLiteral("downlinkFilters"));
    m_downlink->setPlaceholderText(QStringLiteral("$aws/things/+/shadow/update/delta"));
    m_downlink->setMaximumHeight(60);

    m_maxMessages = new QSpinBox(page);
    m_maxMessages->setObjectName(QStringLiteral("uplinkMaxMessages"));
    m_maxMessages->setRange(1, 100000000);
    m_maxMessages->setValue(int(std::min<qint64>(m_uplink.limits.maxMessages, 100000000)));
    m_maxMegabytes = new QSpinBox(page);
    m_maxMegabytes->setObjectName(QStringLiteral("uplinkMaxMegabytes"));
    m_maxMegabytes->setRange(1, 1024 * 1024);
    m_maxMegabytes->setSuffix(tr(" MiB"));
    m_maxMegabytes->setValue(int(std::max<qint64>(1, m_uplink.limits.maxBytes / MiB)));
    m_minFreeMegabytes = new QSpinBox(page);
    m_minFreeMegabytes->setObjectName(QStringLiteral("uplinkMinFreeMegabytes"));
    m_minFreeMegabytes->setRange(0, 1024 * 1024);
    m_minFreeMegabytes->setSuffix(tr(" MiB"));
    m_minFreeMegabytes->setValue(int(m_uplink.limits.minFreeDiskBytes / MiB));

    form->addRow(m_uplinkEnabled);
    form->addRow(tr("Cloud host:"), m_host);
    form->addRow(tr("Port:"), m_port);
    form->addRow(tr("Client id:"), m_clientId);
    form->addRow(m_fromVault);
    form->addRow(tr("Identity:"), m_identity);
    form->addRow(m_fromFiles);
    form->addRow(tr("Certificate file:"), certRow);
    form->addRow(tr("Key file:"), keyRow);
    form->addRow(tr("Cloud CA:"), caRow);
    form->addRow(tr("ALPN:"), m_alpn);
    form->addRow(tr("Forwarded topics (one filter per line):"), m_filters);
    form->addRow(tr("Downlink topics (optional):"), m_downlink);
    form->addRow(tr("Queue limit:"), m_maxMessages);
    form->addRow(tr("Queue size limit:"), m_maxMegabytes);
    form->addRow(tr("Keep free on disk:"), m_minFreeMegabytes);
    connect(m_uplinkEnabled, &QCheckBox::toggled, this, &BrokerSettingsDialog::updateEnabled);
    connect(m_fromVault, &QRadioButton::toggled, this, &BrokerSettingsDialog::updateEnabled);
    return page;
}

void BrokerSettingsDialog::updateEnabled()
{
    const bool lan = m_lanEnabled->isChecked();
    m_lanPort->setEnabled(lan);
    m_lanBind->setEnabled(lan);
    m_lanTls->setEnabled(lan);
    const bool tls = lan && m_lanTls->isChecked();
    for (QLineEdit *edit : {m_lanCert, m_lanKey, m_lanCa})
        edit->parentWidget()->setEnabled(tls);

    const bool uplink = m_uplinkEnabled->isChecked();
    const QList<QWidget *> uplinkWidgets = {m_host, m_port, m_clientId, m_fromVault, m_fromFiles, m_caFile->parentWidget(),
                                            m_alpn, m_filters, m_downlink, m_maxMessages, m_maxMegabytes, m_minFreeMegabytes};
    for (QWidget *widget : uplinkWidgets)
        widget->setEnabled(uplink);
    m_identity->setEnabled(uplink && m_fromVault->isChecked());
    m_certFile->parentWidget()->setEnabled(uplink && m_fromFiles->isChecked());
    m_keyFile->parentWidget()->setEnabled(uplink && m_fromFiles->isChecked());
}

BrokerConfig BrokerSettingsDialog::brokerConfig() const
{
    BrokerConfig config = m_config;
    config.lan.enabled = m_lanEnabled->isChecked();
    config.lan.port = m_lanPort->value();
    config.lan.bindAddress = m_lanBind->text().trimmed();
    config.lan.tls.enabled = m_lanTls->isChecked();
    config.lan.tls.certFile = m_lanCert->text().trimmed();
    config.lan.tls.keyFile = m_lanKey->text().trimmed();
    config.lan.tls.caFile = m_lanCa->text().trimmed();
    config.lan.tls.requireCertificate = !config.lan.tls.caFile.isEmpty();
    return config;
}

UplinkSettings BrokerSettingsDialog::uplinkSettings() const
{
    UplinkSettings u = m_uplink;
    u.enabled = m_uplinkEnabled->isChecked();
    u.host = m_host->text().trimmed();
    u.port = m_port->value();
    u.clientId = m_clientId->text().trimmed();
    if (m_fromVault->isChecked()) {
        u.identityId = m_identity->currentData().toString();
        u.certificateFile.clear();
        u.keyFile.clear();
    } else {
        u.identityId.clear();
        u.certificateFile = m_certFile->text().trimmed();
        u.keyFile = m_keyFile->text().trimmed();
    }
    u.caFile = m_caFile->text().trimmed();
    u.alpnProtocols.clear();
    const QStringList alpn = m_alpn->text().split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (const QString &protocol : alpn)
        u.alpnProtocols.append(protocol.trimmed());
    u.topicFilters = lines(m_filters);
    u.downlinkFilters = lines(m_downlink);
    u.limits.maxMessages = m_maxMessages->value();
    u.limits.maxBytes = qint64(m_maxMegabytes->value()) * MiB;
    u.limits.minFreeDiskBytes = qint64(m_minFreeMegabytes->value()) * MiB;
    return u;
}

QString BrokerSettingsDialog::problem() const
{
    if (const QString uplink = uplinkSettings().validate(); !uplink.isEmpty())
        return tr("Uplink: %1").arg(uplink);
    BrokerConfig check = brokerConfig();
    // The plugin is looked up when the broker starts.
    if (check.lan.enabled && check.lan.securityPluginPath.isEmpty())
        check.lan.securityPluginPath = QStringLiteral("mosquitto_dynamic_security");
    if (const QString lan = check.validate(); !lan.isEmpty())
        return tr("LAN listener: %1").arg(lan);
    return {};
}

void BrokerSettingsDialog::showProblem()
{
    const QString text = problem();
    m_problem->setText(text);
    m_problem->setVisible(!text.isEmpty());
}

void BrokerSettingsDialog::accept()
{
    showProblem();
    if (m_problem->isVisible())
        return;
    QDialog::accept();
}
