#include "broker_panel.h"

#include "broker_accounts_widget.h"
#include "broker_log_view.h"
#include "broker_settings_dialog.h"
#include "uplink_status_widget.h"

#include "broker/broker_admin.h"
#include "broker/broker_stats.h"
#include "broker/broker_supervisor.h"
#include "broker/embedded_broker.h"
#include "mqtt/mqtt_session.h"
#include "shadow/shadow_service.h"
#include "uplink/store_and_forward_uplink.h"
#include "vault/certificate_vault.h"

#include <QDir>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHash>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace {

QString stateText(BrokerSupervisor::State state)
{
    switch (state) {
    case BrokerSupervisor::State::Stopped:
        return BrokerPanel::tr("Stopped");
    case BrokerSupervisor::State::Starting:
        return BrokerPanel::tr("Starting…");
    case BrokerSupervisor::State::Running:
        return BrokerPanel::tr("Running");
    case BrokerSupervisor::State::Restarting:
        return BrokerPanel::tr("Restarting after a crash…");
    case BrokerSupervisor::State::Failed:
        return BrokerPanel::tr("Failed");
    }
    return {};
}

QString durationText(qint64 seconds)
{
    if (seconds < 0)
        return BrokerPanel::tr("–");
    const qint64 days = seconds / 86400;
    const QString clock = QStringLiteral("%1:%2:%3")
                              .arg((seconds / 3600) % 24, 2, 10, QLatin1Char('0'))
                              .arg((seconds / 60) % 60, 2, 10, QLatin1Char('0'))
                              .arg(seconds % 60, 2, 10, QLatin1Char('0'));
    return days > 0 ? BrokerPanel::tr("%n day(s) %1", nullptr, int(days)).arg(clock) : clock;
}

QString countText(qint64 value)
{
    return value < 0 ? BrokerPanel::tr("–") : QLocale().toString(value);
}

QString bytesText(qint64 value)
{
    return value < 0 ? BrokerPanel::tr("–") : QLocale().formattedDataSize(value);
}

} // namespace

BrokerPanel::BrokerPanel(EmbeddedBroker *broker, QWidget *parent)
    : QWidget(parent)
    , m_broker(broker)
{
    m_pages = new QTabWidget(this);
    m_pages->setDocumentMode(true);

    // Status page
    auto *status = new QWidget(m_pages);
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    form->addRow(tr("State:"), addField(QStringLiteral("state")));
    form->addRow(tr("Uptime:"), addField(QStringLiteral("uptime")));
    form->addRow(tr("Listeners:"), addField(QStringLiteral("listeners")));
    form->addRow(tr("Clients connected:"), addField(QStringLiteral("clients")));
    form->addRow(tr("Messages/s in / out:"), addField(QStringLiteral("rates")));
    form->addRow(tr("Bytes in / out:"), addField(QStringLiteral("bytes")));
    form->addRow(tr("Retained messages:"), addField(QStringLiteral("retained")));
    form->addRow(tr("Persistence:"), addField(QStringLiteral("persistence")));
    form->addRow(tr("Shadow service:"), addField(QStringLiteral("shadow")));
    m_error = new QLabel(status);
    m_error->setObjectName(QStringLiteral("brokerError"));
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->setStyleSheet(QStringLiteral("color: #b3261e;"));
    m_error->hide();

    m_start = new QPushButton(tr("Start"), status);
    m_start->setObjectName(QStringLiteral("startBroker"));
    m_stop = new QPushButton(tr("Stop"), status);
    m_stop->setObjectName(QStringLiteral("stopBroker"));
    m_restart = new QPushButton(tr("Restart"), status);
    m_restart->setObjectName(QStringLiteral("restartBroker"));
    m_settings = new QPushButton(tr("Settings…"), status);
    m_settings->setObjectName(QStringLiteral("brokerSettings"));
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_start);
    buttons->addWidget(m_stop);
    buttons->addWidget(m_restart);
    buttons->addStretch(1);
    buttons->addWidget(m_settings);
    m_uplink = new UplinkStatusWidget(broker->uplink(), status);

    m_clients = new QTreeWidget(status);
    m_clients->setObjectName(QStringLiteral("brokerClients"));
    m_clients->setRootIsDecorated(false);
    m_clients->setHeaderLabels({tr("Client id"), tr("User"), tr("From"), tr("Since")});
    m_clients->header()->setSectionResizeMode(QHeaderView::ResizeToContents);

    auto *statusLayout = new QVBoxLayout(status);
    statusLayout->addLayout(form);
    statusLayout->addWidget(m_error);
    statusLayout->addLayout(buttons);
    statusLayout->addWidget(m_uplink);
    statusLayout->addWidget(new QLabel(tr("Who is connected:"), status));
    statusLayout->addWidget(m_clients, 1);
    m_pages->addTab(status, tr("Status"));

    m_accounts = new BrokerAccountsWidget(broker->admin(), m_pages);
    m_pages->addTab(m_accounts, tr("Accounts"));

    m_log = new BrokerLogView(broker->supervisor(), m_pages);
    m_pages->addTab(m_log, tr("Log"));
    connect(broker, &EmbeddedBroker::serviceMessage, m_log, &BrokerLogView::addNote);

    auto *configPage = new QWidget(m_pages);
    m_configPath = new QLabel(configPage);
    m_configPath->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_config = new QPlainTextEdit(configPage);
    m_config->setObjectName(QStringLiteral("brokerConfig"));
    m_config->setReadOnly(true);
    m_config->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_config->setFont(QFont(QStringLiteral("monospace")));
    auto *configLayout = new QVBoxLayout(configPage);
    configLayout->addWidget(m_configPath);
    configLayout->addWidget(m_config, 1);
    m_pages->addTab(configPage, tr("Configuration"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_pages);

    m_updateTimer = new QTimer(this);
    m_updateTimer->setSingleShot(true);
    m_updateTimer->setInterval(200);
    connect(m_updateTimer, &QTimer::timeout, this, &BrokerPanel::updateStatus);

    BrokerSupervisor *supervisor = broker->supervisor();
    connect(m_start, &QPushButton::clicked, broker, &EmbeddedBroker::start);
    connect(m_stop, &QPushButton::clicked, broker, &EmbeddedBroker::stop);
    connect(m_restart, &QPushButton::clicked, broker, &EmbeddedBroker::restart);
    connect(m_settings, &QPushButton::clicked, this, &BrokerPanel::openSettings);
    const auto showSaveError = [this](bool ok, const QString &error) {
        if (!ok) {
            m_error->setText(error);
            m_error->show();
        }
    };
    connect(broker, &EmbeddedBroker::uplinkSettingsSaved, this, showSaveError);
    connect(broker, &EmbeddedBroker::brokerSettingsSaved, this, showSaveError);
    connect(supervisor, &BrokerSupervisor::stateChanged, this, [this] {
        updateStatus();
        updateConfig();
    });
    connect(supervisor, &BrokerSupervisor::errorOccurred, this, &BrokerPanel::updateStatus);
    connect(supervisor, &BrokerSupervisor::crashed, this, &BrokerPanel::updateStatus);
    connect(broker->stats(), &BrokerStats::changed, this, &BrokerPanel::scheduleUpdate);
    connect(broker->shadowService(), &ShadowService::stateChanged, this, &BrokerPanel::scheduleUpdate);
    connect(broker->admin(), &BrokerAdmin::finished, this, &BrokerPanel::updateEditable);
    connect(broker->admin(), &BrokerAdmin::accountsChanged, this, &BrokerPanel::updateEditable);

    updateStatus();
    updateConfig();
}

BrokerPanel::~BrokerPanel() = default;

QString BrokerPanel::fieldText(const QString &field) const
{
    const QLabel *label = m_fields.value(field);
    return label ? label->text() : QString();
}

QLabel *BrokerPanel::addField(const QString &key)
{
    auto *label = new QLabel(this);
    label->setObjectName(key);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_fields.insert(key, label);
    return label;
}

void BrokerPanel::scheduleUpdate()
{
    if (!m_updateTimer->isActive())
        m_updateTimer->start();
}

void BrokerPanel::updateStatus()
{
    const BrokerSupervisor *supervisor = m_broker->supervisor();
    const BrokerStats *stats = m_broker->stats();
    const BrokerConfig config = supervisor->config();
    const BrokerSupervisor::State state = supervisor->state();
    const bool running = state == BrokerSupervisor::State::Running;

    QString stateLine = stateText(state);
    if (supervisor->restartCount() > 0)
        stateLine = tr("%1 (restarted %n time(s) after crashes)", nullptr, supervisor->restartCount()).arg(stateLine);
    m_fields[QStringLiteral("state")]->setText(stateLine);
    const QString problem = state == BrokerSupervisor::State::Failed ? supervisor->errorString()
        : state == BrokerSupervisor::State::Restarting                ? supervisor->lastExitReason()
                                                                      : QString();
    m_error->setText(problem);
    m_error->setVisible(!problem.isEmpty());

    m_fields[QStringLiteral("uptime")]->setText(running ? durationText(stats->uptimeSeconds()) : tr("–"));
    QString listeners = tr("%1:%2 (this PC, no login)").arg(config.bindAddress).arg(supervisor->port());
    if (config.lan.enabled) {
        listeners += QLatin1Char('\n')
            + (config.lan.tls.enabled ? tr("%1:%2 (LAN, login and TLS required)") : tr("%1:%2 (LAN, login required)"))
                  .arg(config.lan.bindAddress)
                  .arg(supervisor->lanPort() > 0 ? supervisor->lanPort() : config.lan.port);
    } else {
        listeners += QLatin1Char('\n') + tr("LAN listener off");
    }
    m_fields[QStringLiteral("listeners")]->setText(listeners);
    m_fields[QStringLiteral("clients")]->setText(running ? countText(stats->clientsConnected()) : tr("–"));
    m_fields[QStringLiteral("rates")]->setText(running ? tr("%1 / %2")
                                                             .arg(QLocale().toString(stats->messagesInPerSecond(), 'f', 1),
                                                                  QLocale().toString(stats->messagesOutPerSecond(), 'f', 1))
                                                       : tr("–"));
    m_fields[QStringLiteral("bytes")]->setText(running ? tr("%1 / %2").arg(bytesText(stats->bytesReceived()), bytesText(stats->bytesSent()))
                                                       : tr("–"));
    m_fields[QStringLiteral("retained")]->setText(running ? countText(stats->retainedCount()) : tr("–"));
    m_fields[QStringLiteral("persistence")]->setText(
        config.persistence ? tr("on, saved every %n second(s) to %1", nullptr, config.autosaveIntervalSeconds)
                                 .arg(QDir::toNativeSeparators(config.dataDirectory))
                           : tr("off: retained messages and sessions are lost when the broker stops"));
    QString shadow;
    switch (m_broker->shadowService()->state()) {
    case ShadowService::State::Stopped:
        shadow = tr("stopped");
        break;
    case ShadowService::State::Loading:
        shadow = tr("loading…");
        break;
    case ShadowService::State::Running:
        shadow = tr("running, %n shadow(s)", nullptr, int(m_broker->shadowService()->shadows().size()));
        break;
    case ShadowService::State::Failed:
        shadow = tr("failed: %1").arg(m_broker->shadowService()->errorString());
        break;
    }
    m_fields[QStringLiteral("shadow")]->setText(shadow);

    m_start->setEnabled(state == BrokerSupervisor::State::Stopped || state == BrokerSupervisor::State::Failed);
    m_stop->setEnabled(!m_start->isEnabled());
    m_restart->setEnabled(running);

    const QList<BrokerClientInfo> clients = running ? stats->clients() : QList<BrokerClientInfo>();
    m_clients->clear();
    for (const BrokerClientInfo &client : clients) {
        m_clients->addTopLevelItem(new QTreeWidgetItem(
            {client.clientId, client.username.isEmpty() ? tr("(anonymous)") : client.username, client.address,
             QLocale().toString(client.connectedAt.time(), QLocale::ShortFormat)}));
    }
    updateEditable();
}

void BrokerPanel::updateConfig()
{
    const BrokerConfig config = m_broker->supervisor()->config();
    m_configPath->setText(tr("Generated file %1 (read-only; LineScope writes it at every start)")
                              .arg(QDir::toNativeSeparators(config.configFilePath())));
    m_config->setPlainText(config.render());
}

BrokerSettingsDialog *BrokerPanel::openSettings()
{
    // The vault's list comes from its small settings file; the keychain is not touched.
    const CertificateVault vault;
    auto *dialog = new BrokerSettingsDialog(m_broker->config(), m_broker->uplinkSettings(), vault.certificates(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] { applySettings(dialog); });
    dialog->open();
    return dialog;
}

void BrokerPanel::applySettings(BrokerSettingsDialog *dialog)
{
    m_broker->saveUplinkSettings(dialog->uplinkSettings());
    const BrokerConfig before = m_broker->config();
    const BrokerConfig after = dialog->brokerConfig();
    // Kept for the next start of LineScope and for `broker run`.
    m_broker->saveBrokerSettings(BrokerSettings::fromConfig(after));
    if (before.render() == after.render())
        return;
    m_broker->setConfig(after);
    updateConfig();
    updateStatus();
    if (m_broker->supervisor()->state() == BrokerSupervisor::State::Running)
        m_broker->restart();
}

void BrokerPanel::updateEditable()
{
    const BrokerSupervisor *supervisor = m_broker->supervisor();
    if (!supervisor->config().lan.enabled) {
        m_accounts->setEditable(false, tr("The LAN listener is off: devices and operators on the network cannot connect, "
                                          "so there are no accounts to manage. Turn it on under Settings…."));
        return;
    }
    if (supervisor->state() != BrokerSupervisor::State::Running) {
        m_accounts->setEditable(false, tr("Accounts can be changed while the broker runs."));
        return;
    }
    m_accounts->setEditable(true);
}
