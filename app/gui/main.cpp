#include "main_window.h"

#include "broker/broker_panel.h"
#include "broker/broker_supervisor.h"
#include "broker/embedded_broker.h"
#include "connection/connection_view.h"
#include "mqtt/mqtt_session.h"
#include "i18n/translations.h"
#include "profiles/profile_store.h"
#include "profiles/secret_store.h"
#include "simulation/line_simulator.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTimer>

#include <algorithm>
#include <cstdio>

namespace {

int fail(const QString &message)
{
    std::fputs(qPrintable(message + u'\n'), stderr);
    return 2;
}

// Reads the TCP port given with option into *port; otherwise says what is allowed.
QString readPort(const QCommandLineParser &parser, const QCommandLineOption &option, int *port)
{
    bool ok = false;
    *port = parser.value(option).toInt(&ok);
    if (ok && *port >= 1 && *port <= 65535)
        return {};
    return QCoreApplication::translate("main", "Invalid --%1 %2: use a number between 1 and 65535.")
        .arg(option.names().constFirst(), parser.value(option));
}

ConnectionProfile profileFor(const QString &name, const QString &host, int port)
{
    ConnectionProfile profile;
    profile.name = name;
    profile.settings.host = host;
    profile.settings.port = port;
    return profile;
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("LineScope"));
    QApplication::setOrganizationName(QStringLiteral("LineScope"));
    QApplication::setApplicationDisplayName(QStringLiteral("LineScope"));
    Translations::install(&app);

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("main", "MQTT console for the factory floor."));
    parser.addHelpOption();
    const QCommandLineOption embeddedOption(QStringLiteral("embedded-broker"),
                                            QCoreApplication::translate("main", "Start a local mosquitto on 127.0.0.1 and connect to it."));
    const QCommandLineOption dataOption(QStringLiteral("data"), QCoreApplication::translate("main", "Data directory of the embedded broker."),
                                        QCoreApplication::translate("main", "dir"));
    const QCommandLineOption hostOption(QStringLiteral("host"), QCoreApplication::translate("main", "Open a connection to this broker."), QCoreApplication::translate("main", "host"));
    const QCommandLineOption portOption(QStringLiteral("port"),
                                        QCoreApplication::translate("main", "Broker port (embedded broker: falls back to a free port when busy). Default 1883."),
                                        QCoreApplication::translate("main", "port"), QStringLiteral("1883"));
    const QCommandLineOption simulateOption(QStringLiteral("simulate"),
                                            QCoreApplication::translate("main", "Run a simulated production line (5 assets, about 20 messages/s)."));
    const QCommandLineOption screenshotOption(QStringLiteral("screenshot"),
                                              QCoreApplication::translate("main", "Save a picture of the main window into file, then quit."),
                                              QCoreApplication::translate("main", "file"));
    const QCommandLineOption quitAfterOption(QStringLiteral("quit-after"),
                                             QCoreApplication::translate("main", "Quit (after taking the screenshot) after this many seconds."),
                                             QCoreApplication::translate("main", "seconds"));
    const QCommandLineOption lanPortOption(QStringLiteral("lan-port"),
                                           QCoreApplication::translate("main", "Embedded broker: also listen on the network on this port (accounts required)."),
                                           QCoreApplication::translate("main", "port"));
    parser.addOption(lanPortOption);
    const QCommandLineOption screenshotEveryOption(QStringLiteral("screenshot-every"),
                                                   QCoreApplication::translate("main", "With --screenshot: keep running and refresh the picture every this many seconds (for machines without a display)."),
                                                   QCoreApplication::translate("main", "seconds"));
    parser.addOption(screenshotEveryOption);
    parser.addOptions({embeddedOption, dataOption, hostOption, portOption, simulateOption, screenshotOption, quitAfterOption});
    parser.process(app);

    int port = 0;
    if (const QString problem = readPort(parser, portOption, &port); !problem.isEmpty())
        return fail(problem);
    bool secondsOk = true;
    const bool liveScreenshot = parser.isSet(screenshotOption) && parser.isSet(screenshotEveryOption);
    const double quitAfter = parser.isSet(quitAfterOption) ? parser.value(quitAfterOption).toDouble(&secondsOk)
                                                           : (parser.isSet(screenshotOption) && !liveScreenshot ? 5.0 : 0.0);
    if (!secondsOk || quitAfter < 0)
        return fail(QCoreApplication::translate("main", "Invalid --quit-after %1: use a number of seconds.").arg(parser.value(quitAfterOption)));

    // The supervised mosquitto with the shadow service (and, with a LAN
    // listener, account management); `broker` is its supervisor.
    EmbeddedBroker embedded;
    BrokerSupervisor &broker = *embedded.supervisor();
    SecretStore secrets;
    ProfileStore profiles(&secrets);
    MainWindow window(&profiles);
    MqttSession simulatorSession;
    LineSimulatorConfig simulatorConfig;
    simulatorConfig.assetCount = 5;
    simulatorConfig.messagesPerSecond = 20.0;
    LineSimulator simulator(&simulatorSession, simulatorConfig);

    const auto startSimulator = [&](const QString &host, int simulatorPort) {
        ConnectionSettings settings;
        settings.host = host;
        settings.port = simulatorPort;
        simulatorSession.setSettings(settings);
        simulatorSession.connectToBroker();
        simulator.start();
    };

    if (parser.isSet(embeddedOption)) {
        BrokerConfig config;
        config.dataDirectory = parser.isSet(dataOption)
            ? parser.value(dataOption)
            : QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).filePath(QStringLiteral("broker"));
        config.port = port;
        // The LAN listener comes from broker.json (saved by the settings
        // dialog); --lan-port overrides it.
        QJsonObject lanOverrides;
        if (parser.isSet(lanPortOption)) {
            int lanPort = 0;
            if (const QString problem = readPort(parser, lanPortOption, &lanPort); !problem.isEmpty())
                return fail(problem);
            lanOverrides.insert(QStringLiteral("lanEnabled"), true);
            lanOverrides.insert(QStringLiteral("lanPort"), lanPort);
        }
        QDir().mkpath(config.dataDirectory);
        window.addBrokerPanel(new BrokerPanel(&embedded));
        QObject::connect(&embedded, &EmbeddedBroker::serviceMessage, &window,
                         [&window](const QString &message) { window.showStatusMessage(message); });
        broker.setConfig(config);

        QObject::connect(&broker, &BrokerSupervisor::errorOccurred, &window,
                         [&](BrokerSupervisor::Error error, const QString &message) {
                             if (error == BrokerSupervisor::Error::PortInUse && broker.config().port != 0) {
                                 BrokerConfig fallback = broker.config();
                                 fallback.port = 0;
                                 broker.setConfig(fallback);
                                 broker.start();
                                 return;
                             }
                             window.setBrokerStatus(QCoreApplication::translate("main", "Embedded broker: failed"));
                             window.showStatusMessage(QCoreApplication::translate("main", "The embedded broker could not start: %1").arg(message), 0);
                         });
        QObject::connect(&broker, &BrokerSupervisor::crashed, &window, [&](const QString &reason) {
            window.showStatusMessage(QCoreApplication::translate("main", "The embedded broker stopped unexpectedly and is being restarted: %1").arg(reason), 0);
        });
        QObject::connect(&broker, &BrokerSupervisor::started, &window, [&, port] {
            const int actualPort = broker.port();
            if (actualPort == port) {
                window.setBrokerStatus(QCoreApplication::translate("main", "Embedded broker on 127.0.0.1:%1").arg(actualPort));
            } else {
                window.setBrokerStatus(QCoreApplication::translate("main", "Embedded broker on 127.0.0.1:%1 (port %2 was in use)").arg(actualPort).arg(port));
                window.showStatusMessage(QCoreApplication::translate("main", "Port %1 is in use by another program; the embedded broker listens on port %2 instead.")
                                             .arg(port)
                                             .arg(actualPort),
                                         0);
            }
            if (!window.connections().isEmpty())
                return;   // a restart after a crash: the open tab reconnects by itself
            window.openConnection(profileFor(QCoreApplication::translate("main", "Embedded broker"), QStringLiteral("127.0.0.1"), actualPort));
            if (parser.isSet(simulateOption))
                startSimulator(QStringLiteral("127.0.0.1"), actualPort);
        });
        window.setBrokerStatus(QCoreApplication::translate("main", "Embedded broker: starting…"));
        embedded.startWithSavedSettings(lanOverrides);
    }

    if (parser.isSet(hostOption)) {
        const QString host = parser.value(hostOption);
        window.openConnection(profileFor({}, host, port));
        if (parser.isSet(simulateOption) && !parser.isSet(embeddedOption))
            startSimulator(host, port);
    }

    if (quitAfter > 0) {
        const int quitMs = int(quitAfter * 1000);
        // Show a telemetry topic in screenshots of the simulated line.
        QTimer::singleShot(std::max(0, quitMs - 1500), &window, [&] {
            if (ConnectionView *view = window.currentConnection(); view && parser.isSet(simulateOption))
                view->selectTopic(simulator.telemetryTopic(0));
        });
        QTimer::singleShot(quitMs, &window, [&] {
            int exitCode = 0;
            if (parser.isSet(screenshotOption)) {
                const QString file = parser.value(screenshotOption);
                if (!window.grab().save(file)) {
                    std::fputs(qPrintable(QCoreApplication::translate("main", "Could not save the screenshot to %1.").arg(QDir::toNativeSeparators(file)) + u'\n'), stderr);
                    exitCode = 1;
                }
            }
            QCoreApplication::exit(exitCode);
        });
    }

    QTimer liveScreenshotTimer;
    if (liveScreenshot) {
        const double everySeconds = parser.value(screenshotEveryOption).toDouble(&secondsOk);
        if (!secondsOk || everySeconds <= 0)
            return fail(QCoreApplication::translate("main", "Invalid --screenshot-every %1: use a number of seconds.").arg(parser.value(screenshotEveryOption)));
        QObject::connect(&liveScreenshotTimer, &QTimer::timeout, &window, [&] {
            if (ConnectionView *view = window.currentConnection(); view && parser.isSet(simulateOption))
                view->selectTopic(simulator.telemetryTopic(0));
            window.grab().save(parser.value(screenshotOption));
        });
        liveScreenshotTimer.start(int(everySeconds * 1000));
    }

    window.show();
    return app.exec();
}
