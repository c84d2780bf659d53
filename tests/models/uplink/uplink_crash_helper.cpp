// Runs one StoreAndForwardUplink until it is killed; the durability test
// kills it with SIGKILL (TerminateProcess on Windows) again and again.
// Usage: uplink_crash_helper <local port> <cloud TLS port> <queue file> <CA file> <client cert> <client key>
#include "uplink/store_and_forward_uplink.h"

#include <QCoreApplication>
#include <QTextStream>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 7) {
        QTextStream(stderr) << "usage: uplink_crash_helper <local port> <cloud TLS port> <queue file> <CA file> "
                               "<client cert> <client key>\n";
        return 2;
    }
    UplinkConfiguration c;
    c.local.host = QStringLiteral("127.0.0.1");
    c.local.port = args.at(1).toInt();
    c.local.clientId = QStringLiteral("crash-uplink-local");
    c.local.reconnectMinDelayMs = 200;
    c.local.reconnectMaxDelayMs = 1000;
    c.cloud.host = QStringLiteral("127.0.0.1");
    c.cloud.port = args.at(2).toInt();
    c.cloud.clientId = QStringLiteral("crash-uplink-cloud");
    c.cloud.keepAliveSeconds = 5;
    c.cloud.reconnectMinDelayMs = 200;
    c.cloud.reconnectMaxDelayMs = 1000;
    c.cloud.tls.enabled = true;
    c.cloud.tls.caFile = args.at(4);
    c.cloudCertificateFile = args.at(5);
    c.cloudKeyFile = args.at(6);
    c.topicFilters = {QStringLiteral("plant/#")};
    c.queueFile = args.at(3);

    StoreAndForwardUplink uplink;
    QObject::connect(&uplink, &StoreAndForwardUplink::errorOccurred, &app,
                     [](const QString &message) { QTextStream(stderr) << message << '\n'; });
    uplink.configure(c);
    uplink.start();
    return app.exec();
}
