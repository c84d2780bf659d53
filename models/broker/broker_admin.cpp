#include "broker_admin.h"

#include "mqtt/mqtt_session.h"

#include <QJsonDocument>
#include <QPointer>
#include <QTimer>

namespace {

constexpr int kResponseTimeoutMs = 15000;

struct Request
{
    int id = 0;
    QJsonObject commands;
    bool isList = false;
    bool refreshAfter = false;
};

} // namespace

class BrokerAdmin::Private
{
public:
    explicit Private(BrokerAdmin *qq, MqttSession *s)
        : q(qq)
        , session(s)
    {
    }

    BrokerAdmin *const q;
    QPointer<MqttSession> session;
    QList<Request> queue;           // head is in flight once sent
    bool inFlight = false;
    bool subscribed = false;
    int nextId = 1;
    QList<BrokerAccount> accounts;
    QString lastError;
    QTimer timeout;

    int enqueue(const QJsonObject &commands, bool isList, bool refreshAfter)
    {
        Request request{nextId++, commands, isList, refreshAfter};
        queue.append(request);
        sendNext();
        return request.id;
    }

    void sendNext()
    {
        if (inFlight || queue.isEmpty() || !subscribed || !session || session->state() != MqttSession::State::Connected)
            return;
        MqttPublishRequest publish;
        publish.topic = BrokerAccounts::controlTopic();
        publish.payload = QJsonDocument(queue.first().commands).toJson(QJsonDocument::Compact);
        publish.qos = 1;
        if (session->publish(publish) == 0) {
            finishHead(false, tr("The account change could not be sent: %1").arg(session->errorString()));
            return;
        }
        inFlight = true;
        timeout.start(kResponseTimeoutMs);
    }

    void finishHead(bool ok, const QString &message)
    {
        timeout.stop();
        inFlight = false;
        if (queue.isEmpty())
            return;
        const Request request = queue.takeFirst();
        if (!ok)
            lastError = message;
        Q_EMIT q->finished(request.id, ok, message);
        if (ok && request.refreshAfter)
            enqueue(BrokerAccounts::listCommand(), true, false);
        sendNext();
    }

    void onResponse(const QByteArray &payload)
    {
        if (!inFlight)
            return;  // another admin's response on the shared topic
        const QJsonArray responses = QJsonDocument::fromJson(payload).object().value(QStringLiteral("responses")).toArray();
        QStringList errors;
        for (const QJsonValue &value : responses) {
            const QJsonObject response = value.toObject();
            const QString error = response.value(QStringLiteral("error")).toString();
            if (!error.isEmpty())
                errors << QStringLiteral("%1: %2").arg(response.value(QStringLiteral("command")).toString(), error);
            if (queue.first().isList && response.value(QStringLiteral("command")).toString() == QLatin1String("listClients")) {
                accounts = BrokerAccounts::accountsFromClients(
                    response.value(QStringLiteral("data")).toObject().value(QStringLiteral("clients")).toArray());
                Q_EMIT q->accountsChanged();
            }
        }
        if (errors.isEmpty())
            finishHead(true, {});
        else
            finishHead(false, tr("The broker refused the account change: %1").arg(errors.join(QStringLiteral("; "))));
    }

    static QString tr(const char *text) { return BrokerAdmin::tr(text); }
};

BrokerAdmin::BrokerAdmin(MqttSession *session, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>(this, session))
{
    d->timeout.setSingleShot(true);
    connect(&d->timeout, &QTimer::timeout, this, [this] {
        d->finishHead(false, tr("The broker did not answer the account request within %1 seconds. "
                                "Check that LineScope is connected to the LAN listener as %2.")
                                 .arg(kResponseTimeoutMs / 1000)
                                 .arg(BrokerAccounts::adminUsername()));
    });
    connect(session, &MqttSession::messagesReceived, this, [this](const QList<MqttMessage> &messages) {
        for (const MqttMessage &message : messages) {
            if (message.topic == BrokerAccounts::controlResponseTopic())
                d->onResponse(message.payload);
        }
    });
    connect(session, &MqttSession::subscribed, this, [this](const QList<MqttSubscribeResult> &results) {
        for (const MqttSubscribeResult &result : results) {
            if (result.filter != BrokerAccounts::controlResponseTopic())
                continue;
            d->subscribed = result.isGranted();
            if (!d->subscribed) {
                // Nothing can be answered: fail everything that is waiting.
                while (!d->queue.isEmpty())
                    d->finishHead(false, tr("The broker refused the account management topic: %1").arg(result.reason));
            }
        }
        d->sendNext();
    });
    connect(session, &MqttSession::stateChanged, this, [this](MqttSession::State state) {
        if (state != MqttSession::State::Connected && d->inFlight) {
            d->finishHead(false, tr("The connection to the broker ended before it answered the account request."));
        }
        d->sendNext();
    });
    MqttSubscription subscription;
    subscription.filter = BrokerAccounts::controlResponseTopic();
    subscription.qos = 1;
    session->subscribe(subscription);
}

BrokerAdmin::~BrokerAdmin() = default;

int BrokerAdmin::addAccount(const BrokerAccount &account, const QString &password)
{
    const QString problem = BrokerAccounts::validate(account);
    if (!problem.isEmpty()) {
        d->lastError = problem;
        return 0;
    }
    if (password.isEmpty()) {
        d->lastError = tr("The password of \"%1\" is empty. Enter a password.").arg(account.username);
        return 0;
    }
    return d->enqueue(BrokerAccounts::addCommands(account, password), false, true);
}

int BrokerAdmin::removeAccount(const BrokerAccount &account)
{
    return d->enqueue(BrokerAccounts::removeCommands(account), false, true);
}

int BrokerAdmin::refresh()
{
    return d->enqueue(BrokerAccounts::listCommand(), true, false);
}

QList<BrokerAccount> BrokerAdmin::accounts() const
{
    return d->accounts;
}

QString BrokerAdmin::lastError() const
{
    return d->lastError;
}
