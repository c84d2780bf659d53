#include "broker_command.h"

#include "broker/broker_admin.h"
#include "broker/broker_platform.h"
#include "broker/broker_stats.h"
#include "broker/broker_supervisor.h"
#include "broker/embedded_broker.h"
#include "broker/password_prompt.h"
#include "mqtt/mqtt_session.h"
#include "uplink/store_and_forward_uplink.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QSaveFile>
#include <QTcpSocket>
#include <QTimer>

namespace {

// The LAN listener's port in a generated mosquitto.conf, or 0.
int lanPortIn(const QString &configFile)
{
    QFile file(configFile);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return 0;
    bool inLanBlock = false;
    while (!file.atEnd()) {
        const QString line = QString::fromUtf8(file.readLine()).trimmed();
        if (line.startsWith(QLatin1String("# LAN listener")))
            inLanBlock = true;
        else if (inLanBlock && line.startsWith(QLatin1String("listener ")))
            return line.section(QLatin1Char(' '), 1, 1).toInt();
    }
    return 0;
}

// The value of a port option, or a sentence saying what is allowed.
QString readPort(const QCommandLineParser &parser, const QString &option, int *port)
{
    bool ok = false;
    *port = parser.value(option).toInt(&ok);
    if (!ok || *port < 1 || *port > 65535)
        return BrokerCommand::tr("--%1 %2: use a port number between 1 and 65535.").arg(option, parser.value(option));
    return {};
}

QString kindName(BrokerAccount::Kind kind)
{
    return kind == BrokerAccount::Kind::Operator ? QStringLiteral("operator") : QStringLiteral("device");
}

} // namespace

BrokerCommand::BrokerCommand(QIODevice *out, QIODevice *err, QObject *parent)
    : CliCommand(out, err, parent)
{
}

BrokerCommand::~BrokerCommand()
{
    m_admin.reset();
}

QString BrokerCommand::name() const
{
    return QStringLiteral("broker");
}

BrokerCommand::Options BrokerCommand::options() const
{
    return m_options;
}

QList<QCommandLineOption> BrokerCommand::commandOptions() const
{
    return {
        QCommandLineOption(QStringLiteral("data"), tr("Data directory of the broker (configuration, accounts, retained messages, shadows)."),
                           tr("dir")),
        QCommandLineOption(QStringLiteral("port"), tr("Port of the local (127.0.0.1) listener. Default 1883."), tr("port")),
        QCommandLineOption(QStringLiteral("lan-port"), tr("Also listen on the plant network on this port, with accounts only."),
                           tr("port")),
        QCommandLineOption(QStringLiteral("lan-bind"), tr("Address of the LAN listener. Default 0.0.0.0 (all interfaces)."),
                           tr("address")),
        QCommandLineOption(QStringLiteral("tls-cert"), tr("Broker certificate (PEM): TLS on the LAN listener."), tr("file")),
        QCommandLineOption(QStringLiteral("tls-key"), tr("Private key of the broker certificate (PEM)."), tr("file")),
        QCommandLineOption(QStringLiteral("tls-ca"), tr("CA of the client certificates; LAN clients must then present one."), tr("file")),
        QCommandLineOption(QStringLiteral("no-lan"), tr("Do not open the LAN listener, whatever broker.json says.")),
        QCommandLineOption(QStringLiteral("save-broker"),
                           tr("Save the LAN listener settings in effect to broker.json in the data directory (used by the GUI too).")),
        QCommandLineOption(QStringLiteral("uplink-host"), tr("Forward to this cloud broker (store-and-forward over mutual TLS)."),
                           tr("host")),
        QCommandLineOption(QStringLiteral("uplink-port"), tr("Port of the cloud broker. Default 8883."), tr("port")),
        QCommandLineOption(QStringLiteral("uplink-cert-id"), tr("Client certificate for the cloud from the certificate vault (keychain)."),
                           tr("id")),
        QCommandLineOption(QStringLiteral("uplink-cert"), tr("Client certificate file for the cloud (PEM)."), tr("file")),
        QCommandLineOption(QStringLiteral("uplink-key"), tr("Private key file of --uplink-cert (PEM, unencrypted)."), tr("file")),
        QCommandLineOption(QStringLiteral("uplink-cafile"), tr("CA certificate(s) of the cloud broker (PEM)."), tr("file")),
        QCommandLineOption(QStringLiteral("uplink-alpn"), tr("ALPN protocol for the cloud, e.g. x-amzn-mqtt-ca on port 443. Repeatable."),
                           tr("protocol")),
        QCommandLineOption(QStringLiteral("uplink-client-id"), tr("Client id at the cloud (AWS IoT: the thing name). Default linescope-uplink."),
                           tr("id")),
        QCommandLineOption(QStringLiteral("uplink-filter"), tr("Forward local messages matching this filter. Repeatable; default #."),
                           tr("filter")),
        QCommandLineOption(QStringLiteral("downlink-filter"),
                           tr("Pass cloud messages matching this filter to the local broker, e.g. $aws/things/+/shadow/update/delta. Repeatable."),
                           tr("filter")),
        QCommandLineOption(QStringLiteral("uplink-max-messages"), tr("Queue limit in messages; the oldest are dropped beyond it."), tr("count")),
        QCommandLineOption(QStringLiteral("uplink-max-bytes"), tr("Queue limit in bytes; the oldest are dropped beyond it."), tr("bytes")),
        QCommandLineOption(QStringLiteral("uplink-min-free-disk"), tr("The queue stops growing when less disk space is free."),
                           tr("bytes")),
        QCommandLineOption(QStringLiteral("save-uplink"), tr("Save the uplink options to uplink.json in the data directory (used by the GUI too).")),
        QCommandLineOption(QStringLiteral("no-uplink"), tr("Do not start the uplink, whatever uplink.json says.")),
        QCommandLineOption(QStringLiteral("status-interval"), tr("Seconds between two uplink status lines. Default 10."), tr("seconds")),
        QCommandLineOption(QStringLiteral("device"), tr("user add: a device account for this thing name."), tr("thing")),
        QCommandLineOption(QStringLiteral("operator"), tr("user add: an operator account (reads everything).")),
        QCommandLineOption(QStringLiteral("password-file"), tr("user add: read the password from the first line of this file."),
                           tr("file")),
    };
}

QString BrokerCommand::synopsis() const
{
    return tr("broker run|user add NAME|user remove NAME|user list --data DIR [options]");
}

QString BrokerCommand::description() const
{
    return tr("Run the embedded broker with its shadow service without a window, or manage its LAN accounts.");
}

QString BrokerCommand::helpFooter() const
{
    return tr("Examples:\n"
              "  linescope-cli broker run --data /var/lib/linescope --lan-port 8883\n"
              "  linescope-cli broker run --data /var/lib/linescope --lan-port 8883 --tls-cert broker.crt --tls-key broker.key\n"
              "      --tls-ca clients-ca.crt --save-broker\n"
              "  linescope-cli broker run --data /var/lib/linescope --uplink-host abc-ats.iot.eu-central-1.amazonaws.com\n"
              "      --uplink-cert-id 3f2a91c0 --uplink-filter 'factory/#' --save-uplink\n"
              "  linescope-cli broker user add press-1 --device press-1 --data /var/lib/linescope\n"
              "  linescope-cli broker user add anna --operator --data /var/lib/linescope --password-file pw.txt\n"
              "  linescope-cli broker user list --data /var/lib/linescope");
}

QString BrokerCommand::extractSpecialArguments(QStringList *arguments)
{
    while (!arguments->isEmpty() && !arguments->first().startsWith(QLatin1Char('-')))
        m_words << arguments->takeFirst();
    // The option values are not words: stop at the first option.
    return {};
}

QString BrokerCommand::readOptions(const QCommandLineParser &parser)
{
    const QString action = m_words.value(0);
    const QString sub = m_words.value(1);
    int expectedWords = 1;
    if (action == QLatin1String("run")) {
        m_options.action = Action::Run;
    } else if (action == QLatin1String("user") && sub == QLatin1String("add")) {
        m_options.action = Action::UserAdd;
        expectedWords = 3;
    } else if (action == QLatin1String("user") && sub == QLatin1String("remove")) {
        m_options.action = Action::UserRemove;
        expectedWords = 3;
    } else if (action == QLatin1String("user") && sub == QLatin1String("list")) {
        m_options.action = Action::UserList;
        expectedWords = 2;
    } else if (action.isEmpty()) {
        return tr("Say what to do: run, user add, user remove or user list.");
    } else {
        return tr("Unknown broker action \"%1\"; use run, user add, user remove or user list.").arg(m_words.join(QLatin1Char(' ')));
    }
    if (m_words.size() < expectedWords)
        return tr("\"broker %1\" needs the account name.").arg(m_words.join(QLatin1Char(' ')));
    if (m_words.size() > expectedWords)
        return tr("Unexpected argument \"%1\".").arg(m_words.at(expectedWords));

    if (!parser.isSet(QStringLiteral("data")))
        return tr("--data is required: the broker's data directory.");
    m_options.config.dataDirectory = QDir::cleanPath(parser.value(QStringLiteral("data")));

    if (parser.isSet(QStringLiteral("port"))) {
        if (const QString error = readPort(parser, QStringLiteral("port"), &m_options.config.port); !error.isEmpty())
            return error;
    }
    if (const QString problem = readLanOptions(parser); !problem.isEmpty())
        return problem;
    // The plugin is looked up when the broker starts; check the rest now.
    BrokerConfig check = m_options.config;
    if (check.lan.enabled && check.lan.securityPluginPath.isEmpty())
        check.lan.securityPluginPath = QStringLiteral("mosquitto_dynamic_security");
    if (const QString problem = check.validate(); !problem.isEmpty())
        return problem;
    if (const QString problem = readUplinkOptions(parser); !problem.isEmpty())
        return problem;

    if (m_options.action == Action::UserAdd || m_options.action == Action::UserRemove) {
        m_options.account.username = m_words.at(2);
        const bool device = parser.isSet(QStringLiteral("device"));
        const bool isOperator = parser.isSet(QStringLiteral("operator"));
        if (m_options.action == Action::UserAdd) {
            if (device == isOperator)
                return tr("user add needs either --device THING or --operator.");
            m_options.account.kind = device ? BrokerAccount::Kind::Device : BrokerAccount::Kind::Operator;
            m_options.account.thing = parser.value(QStringLiteral("device"));
            if (const QString problem = BrokerAccounts::validate(m_options.account); !problem.isEmpty())
                return problem;
        }
        m_options.passwordFile = parser.value(QStringLiteral("password-file"));
    }
    return {};
}

QString BrokerCommand::readLanOptions(const QCommandLineParser &parser)
{
    static const QStringList lanOptions = {
        QStringLiteral("lan-port"), QStringLiteral("lan-bind"), QStringLiteral("tls-cert"),    QStringLiteral("tls-key"),
        QStringLiteral("tls-ca"),   QStringLiteral("no-lan"),   QStringLiteral("save-broker"),
    };
    if (m_options.action != Action::Run) {
        for (const QString &option : lanOptions) {
            if (parser.isSet(option))
                return tr("--%1 belongs to \"broker run\".").arg(option);
        }
        return {};
    }
    const auto absolute = [&parser](const QString &option) {
        const QString path = parser.value(option);
        return path.isEmpty() ? QString() : QFileInfo(path).absoluteFilePath();
    };
    // The command line is laid over broker.json member by member (the CLI's
    // main thread may read the small file directly).
    QJsonObject overrides;
    if (parser.isSet(QStringLiteral("lan-port"))) {
        if (parser.isSet(QStringLiteral("no-lan")))
            return tr("--no-lan cannot be combined with --lan-port.");
        int port = 0;
        if (const QString error = readPort(parser, QStringLiteral("lan-port"), &port); !error.isEmpty())
            return error;
        overrides.insert(QStringLiteral("lanEnabled"), true);
        overrides.insert(QStringLiteral("lanPort"), port);
    }
    if (parser.isSet(QStringLiteral("no-lan")))
        overrides.insert(QStringLiteral("lanEnabled"), false);
    if (parser.isSet(QStringLiteral("lan-bind")))
        overrides.insert(QStringLiteral("lanBindAddress"), parser.value(QStringLiteral("lan-bind")));
    if (parser.isSet(QStringLiteral("tls-cert")) || parser.isSet(QStringLiteral("tls-key"))) {
        overrides.insert(QStringLiteral("tlsEnabled"), true);
        overrides.insert(QStringLiteral("tlsCertificateFile"), absolute(QStringLiteral("tls-cert")));
        overrides.insert(QStringLiteral("tlsKeyFile"), absolute(QStringLiteral("tls-key")));
        overrides.insert(QStringLiteral("tlsCaFile"), absolute(QStringLiteral("tls-ca")));
        overrides.insert(QStringLiteral("tlsRequireCertificate"), parser.isSet(QStringLiteral("tls-ca")));
    } else if (parser.isSet(QStringLiteral("tls-ca"))) {
        overrides.insert(QStringLiteral("tlsCaFile"), absolute(QStringLiteral("tls-ca")));
        overrides.insert(QStringLiteral("tlsRequireCertificate"), true);
    }

    const QString file = BrokerSettings::filePath(m_options.config.dataDirectory);
    BrokerSettings saved;
    QString loadError;
    if (!BrokerSettings::load(file, &saved, &loadError))
        return loadError;
    const BrokerSettings effective = saved.withOverrides(overrides);
    const bool lanDetails = parser.isSet(QStringLiteral("lan-bind")) || parser.isSet(QStringLiteral("tls-cert"))
        || parser.isSet(QStringLiteral("tls-key")) || parser.isSet(QStringLiteral("tls-ca"));
    if (lanDetails && !effective.lanEnabled)
        return tr("--lan-bind and the TLS options need the LAN listener: give --lan-port, or turn it on in %1.")
            .arg(QDir::toNativeSeparators(file));
    effective.applyTo(&m_options.config);
    m_options.saveBrokerSettings = parser.isSet(QStringLiteral("save-broker"));
    return {};
}

QString BrokerCommand::readUplinkOptions(const QCommandLineParser &parser)
{
    static const QStringList uplinkOptions = {
        QStringLiteral("uplink-host"),         QStringLiteral("uplink-port"),         QStringLiteral("uplink-cert-id"),
        QStringLiteral("uplink-cert"),         QStringLiteral("uplink-key"),          QStringLiteral("uplink-cafile"),
        QStringLiteral("uplink-alpn"),         QStringLiteral("uplink-client-id"),    QStringLiteral("uplink-filter"),
        QStringLiteral("downlink-filter"),     QStringLiteral("uplink-max-messages"), QStringLiteral("uplink-max-bytes"),
        QStringLiteral("uplink-min-free-disk"), QStringLiteral("save-uplink"),
    };
    if (parser.isSet(QStringLiteral("status-interval"))) {
        bool ok = false;
        m_options.statusIntervalSeconds = parser.value(QStringLiteral("status-interval")).toInt(&ok);
        if (!ok || m_options.statusIntervalSeconds < 1 || m_options.statusIntervalSeconds > 3600)
            return tr("--status-interval %1: use a number of seconds between 1 and 3600.").arg(parser.value(QStringLiteral("status-interval")));
    }
    QStringList given;
    for (const QString &option : uplinkOptions) {
        if (parser.isSet(option))
            given << option;
    }
    const bool noUplink = parser.isSet(QStringLiteral("no-uplink"));
    if (given.isEmpty() && !noUplink)
        return {};
    if (m_options.action != Action::Run)
        return tr("--%1 belongs to \"broker run\".").arg(noUplink ? QStringLiteral("no-uplink") : given.first());
    if (noUplink && !given.isEmpty())
        return tr("--no-uplink cannot be combined with --%1.").arg(given.first());
    m_options.uplinkGiven = true;
    if (noUplink)
        return {};

    // The command line is laid over what the data directory has (the CLI's
    // main thread may read the small file directly).
    UplinkSettings &u = m_options.uplink;
    QString loadError;
    if (!UplinkSettings::load(UplinkSettings::filePath(m_options.config.dataDirectory), &u, &loadError))
        return loadError;
    u.enabled = true;
    const auto value = [&parser](const char *name) { return parser.value(QString::fromLatin1(name)); };
    if (parser.isSet(QStringLiteral("uplink-host")))
        u.host = value("uplink-host");
    if (parser.isSet(QStringLiteral("uplink-port"))) {
        if (const QString error = readPort(parser, QStringLiteral("uplink-port"), &u.port); !error.isEmpty())
            return error;
    }
    if (parser.isSet(QStringLiteral("uplink-cert-id"))) {
        u.identityId = value("uplink-cert-id");
        u.certificateFile.clear();
        u.keyFile.clear();
    }
    if (parser.isSet(QStringLiteral("uplink-cert")) || parser.isSet(QStringLiteral("uplink-key"))) {
        if (parser.isSet(QStringLiteral("uplink-cert-id")))
            return tr("Give the cloud identity either with --uplink-cert-id or with --uplink-cert and --uplink-key, not both.");
        u.identityId.clear();
        u.certificateFile = value("uplink-cert").isEmpty() ? QString() : QFileInfo(value("uplink-cert")).absoluteFilePath();
        u.keyFile = value("uplink-key").isEmpty() ? QString() : QFileInfo(value("uplink-key")).absoluteFilePath();
    }
    if (parser.isSet(QStringLiteral("uplink-cafile")))
        u.caFile = QFileInfo(value("uplink-cafile")).absoluteFilePath();
    if (parser.isSet(QStringLiteral("uplink-alpn")))
        u.alpnProtocols = parser.values(QStringLiteral("uplink-alpn"));
    if (parser.isSet(QStringLiteral("uplink-client-id")))
        u.clientId = value("uplink-client-id");
    if (parser.isSet(QStringLiteral("uplink-filter")))
        u.topicFilters = parser.values(QStringLiteral("uplink-filter"));
    if (parser.isSet(QStringLiteral("downlink-filter")))
        u.downlinkFilters = parser.values(QStringLiteral("downlink-filter"));
    const auto readSize = [&parser](const QString &option, qint64 minimum, qint64 *target) -> QString {
        if (!parser.isSet(option))
            return {};
        bool ok = false;
        const qint64 number = parser.value(option).toLongLong(&ok);
        if (!ok || number < minimum)
            return tr("--%1 %2: use a whole number of at least %3.").arg(option, parser.value(option)).arg(minimum);
        *target = number;
        return {};
    };
    for (const QString &problem : {readSize(QStringLiteral("uplink-max-messages"), 1, &u.limits.maxMessages),
                                   readSize(QStringLiteral("uplink-max-bytes"), 1024, &u.limits.maxBytes),
                                   readSize(QStringLiteral("uplink-min-free-disk"), 0, &u.limits.minFreeDiskBytes)}) {
        if (!problem.isEmpty())
            return problem;
    }
    if (const QString problem = u.validate(); !problem.isEmpty())
        return tr("Uplink: %1").arg(problem);
    m_options.saveUplink = parser.isSet(QStringLiteral("save-uplink"));
    return {};
}

void BrokerCommand::printUplinkStatus()
{
    const StoreAndForwardUplink *uplink = m_broker->uplink();
    if (!uplink->isRunning())
        return;
    const UplinkStatus s = uplink->status();
    const QLocale c = QLocale::c();
    QString line = tr("Uplink status: cloud %1, queued %2 (oldest %3 s), drain %4 msg/s, published %5 delivered %6 dropped %7 resent %8")
                       .arg(StoreAndForwardUplink::cloudStateText(s.cloudState))
                       .arg(s.queued)
                       .arg(c.toString(s.oldestQueuedAgeMs / 1000.0, 'f', 1), c.toString(s.drainRatePerSecond, 'f', 1))
                       .arg(s.published)
                       .arg(s.delivered)
                       .arg(s.dropped)
                       .arg(s.resent);
    if (!s.droppedByTopic.isEmpty()) {
        QStringList drops;
        for (auto it = s.droppedByTopic.cbegin(); it != s.droppedByTopic.cend(); ++it)
            drops << QStringLiteral("%1=%2").arg(it.key()).arg(it.value());
        drops.sort();
        line += tr(", dropped per topic: %1").arg(drops.join(QStringLiteral(", ")));
    }
    if (s.isAlarmActive())
        line += tr(", ALARM: %1").arg(s.alarmText);
    if (!s.diskWarning.isEmpty())
        line += tr(", WARNING: %1").arg(s.diskWarning);
    writeOut(line.toUtf8() + '\n');
}

void BrokerCommand::start()
{
    if (m_options.action == Action::Run)
        startRun();
    else
        startUser();
}

void BrokerCommand::interrupt()
{
    if (!m_broker || m_broker->supervisor()->state() == BrokerSupervisor::State::Stopped
        || m_broker->supervisor()->state() == BrokerSupervisor::State::Failed) {
        closeSessionAndFinish(ExitSuccess);
        return;
    }
    writeOut(tr("Stopping the broker…").toUtf8() + '\n');
    m_broker->stop();
}

void BrokerCommand::sessionConnected()
{
    if (m_requestSent || !m_admin)
        return;
    m_requestSent = true;
    int id = 0;
    switch (m_options.action) {
    case Action::UserAdd:
        id = m_admin->addAccount(m_options.account, m_password);
        break;
    case Action::UserRemove: {
        BrokerAccount account = m_options.account;
        // The role to remove depends on the kind: a device has its own.
        account.kind = BrokerAccount::Kind::Device;
        id = m_admin->removeAccount(account);
        break;
    }
    case Action::UserList:
    case Action::Run:
        id = m_admin->refresh();
        break;
    }
    if (id == 0) {
        writeError(tr("Error: %1").arg(m_admin->lastError()));
        closeSessionAndFinish(ExitFailure);
        return;
    }
    connect(m_admin.get(), &BrokerAdmin::finished, this, [this, id](int requestId, bool ok, const QString &message) {
        if (requestId != id)
            return;
        if (!ok) {
            // Removing an operator: there is no device role to delete.
            if (!(m_options.action == Action::UserRemove && message.contains(QLatin1String("deleteRole"))
                  && !message.contains(QLatin1String("deleteClient")))) {
                writeError(tr("Error: %1").arg(message));
                closeSessionAndFinish(ExitFailure);
                return;
            }
        }
        if (m_options.action == Action::UserList)
            printAccounts(m_admin->accounts());
        else if (m_options.action == Action::UserAdd)
            writeOut(tr("Account %1 added; it can connect now.").arg(m_options.account.username).toUtf8() + '\n');
        else
            writeOut(tr("Account %1 removed.").arg(m_options.account.username).toUtf8() + '\n');
        closeSessionAndFinish(ExitSuccess);
    });
}

void BrokerCommand::startRun()
{
    m_broker = std::make_unique<EmbeddedBroker>();
    m_broker->setConfig(m_options.config);
    BrokerSupervisor *supervisor = m_broker->supervisor();
    connect(supervisor, &BrokerSupervisor::logLine, this, [this](const QString &line) { writeOut(line.toUtf8() + '\n'); });
    connect(m_broker.get(), &EmbeddedBroker::serviceMessage, this,
            [this](const QString &message) { writeOut(tr("LineScope: %1").arg(message).toUtf8() + '\n'); });
    connect(supervisor, &BrokerSupervisor::started, this, [this, supervisor] {
        QString text = tr("LineScope: broker running on 127.0.0.1:%1").arg(supervisor->port());
        if (supervisor->config().lan.enabled)
            text += tr(", LAN listener on %1:%2 (accounts required)").arg(supervisor->config().lan.bindAddress).arg(supervisor->lanPort());
        writeOut(text.toUtf8() + '\n');
    });
    connect(supervisor, &BrokerSupervisor::crashed, this, [this](const QString &reason) {
        writeError(tr("The broker stopped unexpectedly and is restarted: %1").arg(reason));
    });
    connect(supervisor, &BrokerSupervisor::errorOccurred, this, [this](BrokerSupervisor::Error, const QString &message) {
        writeError(tr("Error: %1").arg(message));
        closeSessionAndFinish(ExitFailure);
    });
    connect(supervisor, &BrokerSupervisor::stopped, this, [this] { closeSessionAndFinish(ExitSuccess); });

    if (m_options.saveBrokerSettings) {
        QString error;
        const QString file = BrokerSettings::filePath(m_options.config.dataDirectory);
        if (!BrokerSettings::fromConfig(m_options.config).save(file, &error)) {
            writeError(tr("Error: %1").arg(error));
            closeSessionAndFinish(ExitFailure);
            return;
        }
        writeOut(tr("LineScope: broker settings saved to %1").arg(QDir::toNativeSeparators(file)).toUtf8() + '\n');
    }
    if (m_options.uplinkGiven) {
        if (m_options.saveUplink) {
            QString error;
            const QString file = UplinkSettings::filePath(m_options.config.dataDirectory);
            if (!m_options.uplink.save(file, &error)) {
                writeError(tr("Error: %1").arg(error));
                closeSessionAndFinish(ExitFailure);
                return;
            }
            writeOut(tr("LineScope: uplink settings saved to %1").arg(QDir::toNativeSeparators(file)).toUtf8() + '\n');
        }
        m_broker->setUplinkSettings(m_options.uplink);
    }
    m_statusTimer = new QTimer(this);
    m_statusTimer->setInterval(m_options.statusIntervalSeconds * 1000);
    connect(m_statusTimer, &QTimer::timeout, this, &BrokerCommand::printUplinkStatus);
    m_statusTimer->start();
    m_broker->start();
}

bool BrokerCommand::readPassword(QString *password)
{
    if (!m_options.passwordFile.isEmpty()) {
        QFile file(m_options.passwordFile);
        if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
            writeError(tr("Error: the password file %1 cannot be read: %2.").arg(QDir::toNativeSeparators(file.fileName()), file.errorString()));
            return false;
        }
        *password = QString::fromUtf8(file.readLine()).trimmed();
    } else {
        bool ok = false;
        *password = PasswordPrompt::read(tr("Password for %1: ").arg(m_options.account.username), &ok);
        if (ok && PasswordPrompt::isInteractive()) {
            const QString again = PasswordPrompt::read(tr("Repeat the password: "), &ok);
            if (ok && again != *password) {
                writeError(tr("Error: the passwords do not match."));
                return false;
            }
        }
    }
    if (password->isEmpty()) {
        writeError(tr("Error: the password is empty. Give one on the console or with --password-file."));
        return false;
    }
    return true;
}

void BrokerCommand::startUser()
{
    if (m_options.action == Action::UserAdd && !readPassword(&m_password)) {
        closeSessionAndFinish(ExitFailure);
        return;
    }
    const int lanPort = lanPortIn(m_options.config.configFilePath());
    QFile passwordFile(m_options.config.adminPasswordFilePath());
    QString adminPassword;
    if (passwordFile.open(QIODevice::ReadOnly))
        adminPassword = QString::fromUtf8(passwordFile.readAll()).trimmed();
    if (lanPort <= 0 || adminPassword.isEmpty()) {
        runOffline();
        return;
    }
    // Is the broker of this data directory running? A TCP connect says so
    // without a blocking wait.
    auto *probe = new QTcpSocket(this);
    connect(probe, &QTcpSocket::connected, this, [this, probe, lanPort, adminPassword] {
        probe->deleteLater();
        runOnline(lanPort, adminPassword);
    });
    connect(probe, &QTcpSocket::errorOccurred, this, [this, probe] {
        probe->deleteLater();
        runOffline();
    });
    probe->connectToHost(QStringLiteral("127.0.0.1"), quint16(lanPort));
}

void BrokerCommand::runOnline(int lanPort, const QString &adminPassword)
{
    ConnectionSettings settings;
    settings.host = QStringLiteral("127.0.0.1");
    settings.port = lanPort;
    settings.username = BrokerAccounts::adminUsername();
    settings.password = adminPassword;
    settings.autoReconnect = false;
    openSession(settings);
    m_admin = std::make_unique<BrokerAdmin>(session());
}

void BrokerCommand::runOffline()
{
    const QString path = m_options.config.securityFilePath();
    QJsonObject security;
    QFile file(path);
    if (file.exists()) {
        QJsonParseError parseError;
        const QJsonDocument document = file.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(file.readAll(), &parseError) : QJsonDocument();
        if (!document.isObject()) {
            writeError(tr("Error: the account file %1 cannot be read: %2.")
                           .arg(QDir::toNativeSeparators(path), file.error() != QFile::NoError ? file.errorString() : parseError.errorString()));
            closeSessionAndFinish(ExitFailure);
            return;
        }
        security = document.object();
    } else {
        // The broker sets its admin password at its next start.
        security = BrokerAccounts::initialSecurityConfig(BrokerAccounts::generatePassword());
    }

    if (m_options.action == Action::UserList) {
        printAccounts(BrokerAccounts::accountsFromClients(security.value(QStringLiteral("clients")).toArray()));
        closeSessionAndFinish(ExitSuccess);
        return;
    }
    QString error;
    const bool ok = m_options.action == Action::UserAdd
        ? BrokerAccounts::addToSecurityConfig(security, m_options.account, m_password, &error)
        : BrokerAccounts::removeFromSecurityConfig(security, m_options.account.username, &error);
    if (!ok) {
        writeError(tr("Error: %1").arg(error));
        closeSessionAndFinish(ExitFailure);
        return;
    }
    QDir().mkpath(m_options.config.dataDirectory);
    QSaveFile out(path);
    const QByteArray data = QJsonDocument(security).toJson();
    if (!out.open(QIODevice::WriteOnly) || out.write(data) != data.size() || !out.commit()) {
        writeError(tr("Error: the account file %1 cannot be written: %2.").arg(QDir::toNativeSeparators(path), out.errorString()));
        closeSessionAndFinish(ExitFailure);
        return;
    }
    BrokerPlatform::restrictToOwner(path);
    writeOut((m_options.action == Action::UserAdd
                  ? tr("Account %1 added; the broker uses it from its next start.").arg(m_options.account.username)
                  : tr("Account %1 removed; the broker forgets it at its next start.").arg(m_options.account.username))
                 .toUtf8()
             + '\n');
    closeSessionAndFinish(ExitSuccess);
}

void BrokerCommand::printAccounts(const QList<BrokerAccount> &accounts)
{
    QByteArray text;
    for (const BrokerAccount &account : accounts) {
        text += account.username.toUtf8() + '\t' + kindName(account.kind).toUtf8();
        if (account.kind == BrokerAccount::Kind::Device)
            text += '\t' + account.thing.toUtf8();
        text += '\n';
    }
    writeOut(text);
}
