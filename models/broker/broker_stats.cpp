#include "broker_stats.h"

#include "mqtt/mqtt_session.h"

#include <QElapsedTimer>
#include <QHash>
#include <QRegularExpression>
#include <QTimer>

#include <algorithm>

namespace {

// Two and a half $SYS intervals (sys_interval 1).
constexpr qint64 kStaleMs = 2500;

struct Counter
{
    qint64 value = -1;
    qint64 atMs = 0;
    double perSecond = 0.0;

    void update(qint64 newValue, qint64 nowMs)
    {
        if (value >= 0 && nowMs > atMs && newValue >= value)
            perSecond = double(newValue - value) * 1000.0 / double(nowMs - atMs);
        value = newValue;
        atMs = nowMs;
    }
};

// "123 seconds" and "42" both give the leading number.
qint64 leadingNumber(const QByteArray &payload)
{
    const QByteArray first = payload.trimmed().split(' ').value(0);
    bool ok = false;
    const qint64 number = first.toLongLong(&ok);
    return ok ? number : -1;
}

} // namespace

class BrokerStats::Private
{
public:
    qint64 uptime = -1;
    int clientsConnected = -1;
    qint64 bytesReceived = -1;
    qint64 bytesSent = -1;
    qint64 retained = -1;
    QString version;
    Counter in;
    Counter out;
    QElapsedTimer clock;
    QTimer staleTimer;
    QHash<QString, BrokerClientInfo> clients;

    bool apply(const MqttMessage &message)
    {
        const QString &topic = message.topic;
        if (topic == QLatin1String("$SYS/broker/uptime"))
            uptime = leadingNumber(message.payload);
        else if (topic == QLatin1String("$SYS/broker/clients/connected"))
            clientsConnected = int(leadingNumber(message.payload));
        else if (topic == QLatin1String("$SYS/broker/bytes/received"))
            bytesReceived = leadingNumber(message.payload);
        else if (topic == QLatin1String("$SYS/broker/bytes/sent"))
            bytesSent = leadingNumber(message.payload);
        else if (topic == QLatin1String("$SYS/broker/retained messages/count"))
            retained = leadingNumber(message.payload);
        else if (topic == QLatin1String("$SYS/broker/version"))
            version = QString::fromUtf8(message.payload);
        // mosquitto 2.0.11 leaves $SYS/broker/publish/messages/received at
        // 0, so both directions use the counters of all MQTT messages.
        else if (topic == QLatin1String("$SYS/broker/messages/received"))
            in.update(leadingNumber(message.payload), clock.elapsed());
        else if (topic == QLatin1String("$SYS/broker/messages/sent"))
            out.update(leadingNumber(message.payload), clock.elapsed());
        else
            return false;
        return true;
    }
};

BrokerStats::BrokerStats(MqttSession *session, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>())
{
    d->clock.start();
    // mosquitto republishes a $SYS counter only when it changed: no update
    // for a while means no traffic, not an unchanged rate.
    d->staleTimer.setInterval(1000);
    connect(&d->staleTimer, &QTimer::timeout, this, [this] {
        bool any = false;
        for (Counter *counter : {&d->in, &d->out}) {
            if (counter->perSecond > 0.0 && d->clock.elapsed() - counter->atMs > kStaleMs) {
                counter->perSecond = 0.0;
                any = true;
            }
        }
        if (any)
            Q_EMIT changed();
    });
    d->staleTimer.start();
    connect(session, &MqttSession::messagesReceived, this, [this](const QList<MqttMessage> &messages) {
        bool any = false;
        for (const MqttMessage &message : messages)
            any = d->apply(message) || any;
        if (any)
            Q_EMIT changed();
    });
    MqttSubscription subscription;
    subscription.filter = QStringLiteral("$SYS/#");
    session->subscribe(subscription);
}

BrokerStats::~BrokerStats() = default;

qint64 BrokerStats::uptimeSeconds() const { return d->uptime; }
int BrokerStats::clientsConnected() const { return d->clientsConnected; }
double BrokerStats::messagesInPerSecond() const { return d->in.perSecond; }
double BrokerStats::messagesOutPerSecond() const { return d->out.perSecond; }
qint64 BrokerStats::bytesReceived() const { return d->bytesReceived; }
qint64 BrokerStats::bytesSent() const { return d->bytesSent; }
qint64 BrokerStats::retainedCount() const { return d->retained; }
QString BrokerStats::version() const { return d->version; }

QList<BrokerClientInfo> BrokerStats::clients() const
{
    QList<BrokerClientInfo> list = d->clients.values();
    std::sort(list.begin(), list.end(),
              [](const BrokerClientInfo &a, const BrokerClientInfo &b) { return a.clientId < b.clientId; });
    return list;
}

void BrokerStats::addLogLine(const QString &line)
{
    // mosquitto 2.0 log texts (src/handle_connect.c, src/loop.c).
    static const QRegularExpression connected(
        QStringLiteral("New client connected from (\\S+) as (\\S+) \\(([^)]*)\\)"));
    static const QRegularExpression username(QStringLiteral("u'([^']*)'"));
    static const QRegularExpression gone(QStringLiteral(
        "(?:Client (\\S+) (?:disconnected|closed its connection|has exceeded timeout)|Socket error on client (\\S+),)"));

    if (const QRegularExpressionMatch match = connected.match(line); match.hasMatch()) {
        BrokerClientInfo info;
        info.address = match.captured(1);
        info.clientId = match.captured(2);
        info.username = username.match(match.captured(3)).captured(1);
        info.connectedAt = QDateTime::currentDateTime();
        d->clients.insert(info.clientId, info);
        Q_EMIT changed();
        return;
    }
    if (const QRegularExpressionMatch match = gone.match(line); match.hasMatch()) {
        const QString id = match.captured(1).isEmpty() ? match.captured(2) : match.captured(1);
        QString key = id;
        if (key.endsWith(QLatin1Char(',')) || key.endsWith(QLatin1Char('.')))
            key.chop(1);
        if (d->clients.remove(key) > 0)
            Q_EMIT changed();
    }
}

void BrokerStats::reset()
{
    d->clients.clear();
    d->uptime = -1;
    d->clientsConnected = -1;
    d->in = Counter();
    d->out = Counter();
    Q_EMIT changed();
}
