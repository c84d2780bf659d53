#include "shadow_client.h"

#include "mqtt/mqtt_session.h"
#include "shadow_validation.h"

#include <QHash>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QLoggingCategory>
#include <QPointer>
#include <QSet>
#include <QTimer>
#include <QUuid>

#include <algorithm>
#include <map>

Q_LOGGING_CATEGORY(lcShadowClient, "linescope.shadow.client")

namespace {

using Operation = ShadowTopics::Operation;
using Kind = ShadowTopics::Kind;

constexpr quint8 ShadowQos = 1;

QByteArray tokenPayload(const QString &clientToken)
{
    return QJsonDocument(QJsonObject{{QStringLiteral("clientToken"), clientToken}}).toJson(QJsonDocument::Compact);
}

QString seconds(int milliseconds)
{
    return QString::number(milliseconds / 1000.0, 'g', 3);
}

} // namespace

class ShadowClient::Private
{
public:
    struct Pending
    {
        QString token;
        ShadowName shadow;
        Operation operation = Operation::Get;
        QByteArray payload;
        bool sent = false;
        int publishId = 0;
        qint64 order = 0;       // submission order, for replies without a token
        std::unique_ptr<QTimer> timer;
    };

    // The reply subscriptions of one shadow.
    struct Watch
    {
        QSet<QString> waitingFor;   // filters without a SUBACK yet
        bool ready = false;         // all filters granted
    };

    explicit Private(ShadowClient *q)
        : q(q)
    {
    }

    QString submit(const ShadowName &shadow, Operation operation, const QByteArray &payload, const QString &token);
    bool ensureWatch(const ShadowName &shadow);
    void dispatch(const QString &token);
    void pump();
    int inFlight() const;
    void send(Pending &pending);
    void onSubscribed(const QList<MqttSubscribeResult> &results);
    void onPublished(int requestId, bool ok, const QString &reason);
    void onMessages(const QList<MqttMessage> &messages);
    void handleReply(const ShadowTopics::Parsed &parsed, const MqttMessage &message);
    void onTimeout(const QString &token);
    void fail(const QString &token, const QString &errorString);
    void finish(const QString &token, ShadowResult result);
    void failAllFor(const ShadowName &shadow, const QString &errorString);
    void noteShadowName(const ShadowName &shadow);
    void reportUnreadable(const QString &topic, const QString &why);
    Pending *findPending(const QString &token);
    Pending *findUntokenedMatch(const ShadowName &shadow, Operation operation);

    ShadowClient *const q;
    QPointer<MqttSession> session;
    int timeoutMs = DefaultRequestTimeoutMs;
    QString errorString;
    std::map<QString, std::unique_ptr<Pending>> pending;
    qint64 nextOrder = 0;
    QHash<ShadowName, Watch> watches;
    QHash<QString, ShadowName> filterOwners;      // reply filter -> shadow
    QHash<QString, QString> discoveryFilters;     // filter -> thing
    QHash<QString, QSet<QString>> namedShadows;   // thing -> names seen
    int unreadable = 0;
    bool closing = false;   // failing everything: send nothing more
};

QString ShadowClient::Private::submit(const ShadowName &shadow, Operation operation, const QByteArray &payload,
                                      const QString &token)
{
    if (!session) {
        errorString = tr("The shadow client has no connection any more; open the connection again.");
        return {};
    }
    if (pending.count(token) != 0) {
        errorString = tr("clientToken: \"%1\" is already used by a request still waiting for its reply. Use a "
                         "new token or leave it empty to have one generated.")
                          .arg(token);
        return {};
    }
    if (!ensureWatch(shadow)) {
        return {};
    }
    auto request = std::make_unique<Pending>();
    request->token = token;
    request->shadow = shadow;
    request->operation = operation;
    request->payload = payload;
    request->order = nextOrder++;
    request->timer = std::make_unique<QTimer>();
    request->timer->setSingleShot(true);
    request->timer->setInterval(timeoutMs);
    QObject::connect(request->timer.get(), &QTimer::timeout, q, [this, token] { onTimeout(token); });
    request->timer->start();
    pending.emplace(token, std::move(request));
    // Everything after validation happens asynchronously, so requestFinished()
    // never arrives before the caller has the token.
    QMetaObject::invokeMethod(q, [this, token] { dispatch(token); }, Qt::QueuedConnection);
    return token;
}

bool ShadowClient::Private::ensureWatch(const ShadowName &shadow)
{
    if (watches.contains(shadow)) {
        return true;
    }
    Watch watch;
    const QStringList filters = ShadowTopics::replyTopics(shadow);
    for (const QString &filter : filters) {
        if (!session->subscribe(MqttSubscription{filter, ShadowQos})) {
            errorString = tr("Could not subscribe to the shadow replies on %1: %2").arg(filter, session->errorString());
            for (const QString &done : std::as_const(watch.waitingFor)) {
                session->unsubscribe(done);
                filterOwners.remove(done);
            }
            return false;
        }
        watch.waitingFor.insert(filter);
        filterOwners.insert(filter, shadow);
    }
    watches.insert(shadow, watch);
    noteShadowName(shadow);
    return true;
}

void ShadowClient::Private::dispatch(const QString &token)
{
    if (findPending(token)) {
        pump();
    }
    // Otherwise it already finished (timed out or unwatched).
}

int ShadowClient::Private::inFlight() const
{
    return static_cast<int>(std::count_if(pending.begin(), pending.end(),
                                          [](const auto &entry) { return entry.second->sent; }));
}

// Sends the requests whose reply topics are granted, in submission order,
// while fewer than MaxInFlightRequests are waiting for a reply. Requests of
// shadows whose subscriptions are not granted yet keep waiting without
// holding up the others; onSubscribed() pumps again.
void ShadowClient::Private::pump()
{
    if (closing) {
        return;
    }
    std::vector<Pending *> ready;
    for (auto &entry : pending) {
        Pending *request = entry.second.get();
        const auto watch = watches.constFind(request->shadow);
        if (!request->sent && watch != watches.constEnd() && watch->ready) {
            ready.push_back(request);
        }
    }
    std::sort(ready.begin(), ready.end(), [](const Pending *a, const Pending *b) { return a->order < b->order; });
    QStringList tokens;
    for (const Pending *request : ready) {
        tokens.append(request->token);
    }
    for (const QString &token : std::as_const(tokens)) {
        Pending *request = findPending(token);
        if (!request || request->sent) {
            continue;  // finished or sent by a nested pump() meanwhile
        }
        if (inFlight() >= MaxInFlightRequests) {
            // Queued for a free slot: the reply timeout starts when it is sent.
            request->timer->stop();
            continue;
        }
        send(*request);
    }
}

void ShadowClient::Private::send(Pending &request)
{
    if (request.sent) {
        return;
    }
    if (!session) {
        fail(request.token, tr("The connection was closed before the shadow request could be sent."));
        return;
    }
    MqttPublishRequest publish;
    publish.topic = ShadowTopics::topic(request.shadow, request.operation);
    publish.payload = request.payload;
    publish.qos = ShadowQos;
    const int id = session->publish(publish);
    if (id == 0) {
        fail(request.token, tr("The shadow request could not be sent: %1").arg(session->errorString()));
        return;
    }
    request.sent = true;
    request.publishId = id;
    request.timer->start();
}

void ShadowClient::Private::onSubscribed(const QList<MqttSubscribeResult> &results)
{
    QSet<ShadowName> nowReady;
    QHash<ShadowName, QString> refused;
    for (const MqttSubscribeResult &result : results) {
        const auto discovery = discoveryFilters.constFind(result.filter);
        if (discovery != discoveryFilters.constEnd() && !result.isGranted()) {
            const QString thing = discovery.value();
            discoveryFilters.remove(result.filter);
            Q_EMIT q->errorOccurred(tr("The broker refused the subscription to %1, so the named shadows of %2 "
                                       "cannot be discovered: %3")
                                        .arg(result.filter, thing, result.reason));
            continue;
        }
        const auto owner = filterOwners.constFind(result.filter);
        if (owner == filterOwners.constEnd()) {
            continue;  // a subscription of another user of the session
        }
        const ShadowName shadow = owner.value();
        auto watch = watches.find(shadow);
        if (watch == watches.end()) {
            continue;
        }
        if (!result.isGranted()) {
            refused.insert(shadow, tr("The broker refused the subscription to %1 (%2), so the replies of the "
                                      "shadow service cannot be received. Check that this connection may "
                                      "subscribe to the shadow's $aws/things/... topics.")
                                       .arg(result.filter, result.reason));
            continue;
        }
        watch->waitingFor.remove(result.filter);
        if (!watch->ready && watch->waitingFor.isEmpty()) {
            watch->ready = true;
            nowReady.insert(shadow);
        }
    }
    for (auto it = refused.constBegin(); it != refused.constEnd(); ++it) {
        const bool hadRequests = std::any_of(pending.begin(), pending.end(),
                                             [&](const auto &entry) { return entry.second->shadow == it.key(); });
        failAllFor(it.key(), it.value());
        q->unwatch(it.key());
        if (!hadRequests) {
            Q_EMIT q->errorOccurred(it.value());
        }
    }
    if (!nowReady.isEmpty()) {
        pump();
    }
}

void ShadowClient::Private::onPublished(int requestId, bool ok, const QString &reason)
{
    if (ok) {
        return;
    }
    for (auto &entry : pending) {
        if (entry.second->sent && entry.second->publishId == requestId) {
            fail(entry.first, tr("The broker did not take the shadow request: %1").arg(reason));
            return;
        }
    }
}

void ShadowClient::Private::onMessages(const QList<MqttMessage> &messages)
{
    for (const MqttMessage &message : messages) {
        const std::optional<ShadowTopics::Parsed> parsed = ShadowTopics::parse(message.topic);
        if (!parsed) {
            continue;  // not a shadow topic: traffic of other users of the session
        }
        noteShadowName(parsed->shadow);
        if (parsed->kind == Kind::Request || !watches.contains(parsed->shadow)) {
            continue;  // requests, or replies of shadows seen only through discovery
        }
        handleReply(*parsed, message);
    }
}

void ShadowClient::Private::handleReply(const ShadowTopics::Parsed &parsed, const MqttMessage &message)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(message.payload, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject()) {
        reportUnreadable(message.topic, error.error != QJsonParseError::NoError ? error.errorString()
                                                                                 : tr("not a JSON object"));
        return;
    }
    const QJsonObject payload = document.object();
    if (parsed.kind == Kind::Delta) {
        Q_EMIT q->deltaReceived(parsed.shadow, payload);
        return;
    }
    if (parsed.kind == Kind::Documents) {
        Q_EMIT q->documentsReceived(parsed.shadow, payload);
        return;
    }
    const QJsonValue tokenValue = payload.value(QLatin1String("clientToken"));
    Pending *request = nullptr;
    if (tokenValue.isString()) {
        request = findPending(tokenValue.toString());
        if (request && (request->shadow != parsed.shadow || request->operation != parsed.operation)) {
            request = nullptr;  // the same token on another shadow's reply is not ours
        }
    } else {
        // Replies without a token (some services leave it out on delete) go to
        // the oldest request of that shadow and operation.
        request = findUntokenedMatch(parsed.shadow, parsed.operation);
    }
    if (!request) {
        return;  // the reply to someone else's request
    }
    ShadowResult result;
    result.payload = payload;
    if (parsed.kind == Kind::Accepted) {
        result.status = ShadowResult::Status::Accepted;
    } else {
        result.status = ShadowResult::Status::Rejected;
        result.code = payload.value(QLatin1String("code")).toInt();
        result.serviceMessage = payload.value(QLatin1String("message")).toString();
        result.errorString = ShadowResult::describeRejection(result.code, result.serviceMessage);
    }
    finish(request->token, result);
}

void ShadowClient::Private::onTimeout(const QString &token)
{
    Pending *request = findPending(token);
    if (!request) {
        return;
    }
    ShadowResult result;
    result.status = ShadowResult::Status::TimedOut;
    const QString limit = seconds(timeoutMs);
    if (request->sent) {
        result.errorString = tr("No reply from the shadow service within %1 s. Check that a shadow service (AWS "
                                "IoT, or LineScope's shadow service) answers on this broker and that the thing "
                                "name is right, then try again.")
                                 .arg(limit);
    } else if (!session || session->state() != MqttSession::State::Connected) {
        result.errorString = tr("The shadow request could not be sent within %1 s because the connection to the "
                                "broker is not established. Connect, then try again.")
                                 .arg(limit);
    } else {
        result.errorString = tr("The broker did not confirm the subscription to the shadow's reply topics within "
                                "%1 s, so the request was not sent. Try again.")
                                 .arg(limit);
    }
    finish(token, result);
}

void ShadowClient::Private::fail(const QString &token, const QString &message)
{
    ShadowResult result;
    result.status = ShadowResult::Status::Failed;
    result.errorString = message;
    finish(token, result);
}

void ShadowClient::Private::finish(const QString &token, ShadowResult result)
{
    const auto it = pending.find(token);
    if (it == pending.end()) {
        return;
    }
    const std::unique_ptr<Pending> request = std::move(it->second);
    pending.erase(it);
    request->timer->stop();
    if (request->sent) {
        pump();  // a slot is free for the next queued request
    }
    result.operation = request->operation;
    result.shadow = request->shadow;
    result.clientToken = token;
    Q_EMIT q->requestFinished(token, result);
}

void ShadowClient::Private::failAllFor(const ShadowName &shadow, const QString &message)
{
    QStringList tokens;
    for (const auto &entry : pending) {
        if (entry.second->shadow == shadow) {
            tokens.append(entry.first);
        }
    }
    for (const QString &token : std::as_const(tokens)) {
        fail(token, message);
    }
}

void ShadowClient::Private::noteShadowName(const ShadowName &shadow)
{
    if (shadow.isClassic()) {
        return;
    }
    QSet<QString> &names = namedShadows[shadow.thing];
    if (names.contains(shadow.shadow)) {
        return;
    }
    names.insert(shadow.shadow);
    Q_EMIT q->namedShadowsChanged(shadow.thing);
}

void ShadowClient::Private::reportUnreadable(const QString &topic, const QString &why)
{
    ++unreadable;
    if (unreadable == 1) {
        qCWarning(lcShadowClient) << "first unreadable shadow reply on" << topic << ":" << why;
    }
    Q_EMIT q->errorOccurred(tr("A shadow reply on %1 could not be read (%2) and was ignored.").arg(topic, why));
}

ShadowClient::Private::Pending *ShadowClient::Private::findPending(const QString &token)
{
    const auto it = pending.find(token);
    return it == pending.end() ? nullptr : it->second.get();
}

ShadowClient::Private::Pending *ShadowClient::Private::findUntokenedMatch(const ShadowName &shadow,
                                                                          Operation operation)
{
    Pending *oldest = nullptr;
    for (auto &entry : pending) {
        Pending *candidate = entry.second.get();
        if (candidate->sent && candidate->shadow == shadow && candidate->operation == operation
            && (!oldest || candidate->order < oldest->order)) {
            oldest = candidate;
        }
    }
    return oldest;
}

ShadowClient::ShadowClient(MqttSession *session, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>(this))
{
    d->session = session;
    if (!session) {
        return;
    }
    connect(session, &MqttSession::messagesReceived, this,
            [this](const QList<MqttMessage> &messages) { d->onMessages(messages); });
    connect(session, &MqttSession::subscribed, this,
            [this](const QList<MqttSubscribeResult> &results) { d->onSubscribed(results); });
    connect(session, &MqttSession::published, this,
            [this](int requestId, bool ok, const QString &reason) { d->onPublished(requestId, ok, reason); });
    connect(session, &QObject::destroyed, this, [this] {
        d->closing = true;
        QStringList tokens;
        for (const auto &entry : d->pending) {
            tokens.append(entry.first);
        }
        for (const QString &token : std::as_const(tokens)) {
            d->fail(token, tr("The connection was closed before the shadow service replied."));
        }
        d->watches.clear();
        d->filterOwners.clear();
        d->discoveryFilters.clear();
        d->closing = false;  // later calls fail validation: there is no session
    });
}

ShadowClient::~ShadowClient()
{
    d->closing = true;
    QStringList tokens;
    for (const auto &entry : d->pending) {
        tokens.append(entry.first);
    }
    for (const QString &token : std::as_const(tokens)) {
        d->fail(token, tr("The shadow client was closed before the shadow service replied."));
    }
    if (d->session) {
        // Leave a shared session as we found it.
        const QStringList filters = d->filterOwners.keys() + d->discoveryFilters.keys();
        for (const QString &filter : filters) {
            d->session->unsubscribe(filter);
        }
    }
}

void ShadowClient::setRequestTimeout(int milliseconds)
{
    d->timeoutMs = std::max(1, milliseconds);
}

int ShadowClient::requestTimeout() const
{
    return d->timeoutMs;
}

QString ShadowClient::get(const ShadowName &shadow)
{
    const ShadowValidation::Problem name = ShadowValidation::validateName(shadow, ShadowValidation::Access::Read);
    if (!name.isValid()) {
        d->errorString = name.message;
        return {};
    }
    const QString token = generateClientToken();
    return d->submit(shadow, Operation::Get, tokenPayload(token), token);
}

QString ShadowClient::update(const ShadowName &shadow, const QJsonObject &state, std::optional<qint64> expectedVersion,
                             const QString &clientToken)
{
    const ShadowValidation::Problem name = ShadowValidation::validateName(shadow, ShadowValidation::Access::Write);
    if (!name.isValid()) {
        d->errorString = name.message;
        return {};
    }
    if (expectedVersion && *expectedVersion < 0) {
        d->errorString = tr("version: %1 is not a shadow version. Use 0 or more, or send without a version.")
                             .arg(*expectedVersion);
        return {};
    }
    const QString token = clientToken.isEmpty() ? generateClientToken() : clientToken;
    const QByteArray payload = updatePayload(state, expectedVersion, token);
    const ShadowValidation::Problem request = ShadowValidation::validateUpdateRequest(payload);
    if (!request.isValid()) {
        d->errorString = request.message;
        return {};
    }
    return d->submit(shadow, Operation::Update, payload, token);
}

QString ShadowClient::deleteShadow(const ShadowName &shadow, const QString &clientToken)
{
    const ShadowValidation::Problem name = ShadowValidation::validateName(shadow, ShadowValidation::Access::Write);
    if (!name.isValid()) {
        d->errorString = name.message;
        return {};
    }
    const ShadowValidation::Problem token = ShadowValidation::validateClientToken(clientToken);
    if (!token.isValid()) {
        d->errorString = token.message;
        return {};
    }
    const QString effective = clientToken.isEmpty() ? generateClientToken() : clientToken;
    return d->submit(shadow, Operation::Delete, tokenPayload(effective), effective);
}

QByteArray ShadowClient::updatePayload(const QJsonObject &state, std::optional<qint64> expectedVersion,
                                       const QString &clientToken)
{
    QJsonObject request{{QStringLiteral("state"), state}};
    if (expectedVersion) {
        request.insert(QStringLiteral("version"), *expectedVersion);
    }
    if (!clientToken.isEmpty()) {
        request.insert(QStringLiteral("clientToken"), clientToken);
    }
    return QJsonDocument(request).toJson(QJsonDocument::Compact);
}

QString ShadowClient::generateClientToken()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QString ShadowClient::errorString() const
{
    return d->errorString;
}

int ShadowClient::pendingCount() const
{
    return static_cast<int>(d->pending.size());
}

int ShadowClient::inFlightCount() const
{
    return d->inFlight();
}

bool ShadowClient::watch(const ShadowName &shadow)
{
    const ShadowValidation::Problem name = ShadowValidation::validateName(shadow, ShadowValidation::Access::Read);
    if (!name.isValid()) {
        d->errorString = name.message;
        return false;
    }
    if (!d->session) {
        d->errorString = tr("The shadow client has no connection any more; open the connection again.");
        return false;
    }
    return d->ensureWatch(shadow);
}

void ShadowClient::unwatch(const ShadowName &shadow)
{
    if (!d->watches.remove(shadow)) {
        return;
    }
    QSet<QString> sessionFilters;
    if (d->session) {
        const QList<MqttSubscription> subscriptions = d->session->subscriptions();
        for (const MqttSubscription &subscription : subscriptions) {
            sessionFilters.insert(subscription.filter);
        }
    }
    const QStringList filters = ShadowTopics::replyTopics(shadow);
    for (const QString &filter : filters) {
        d->filterOwners.remove(filter);
        // A refused filter is already gone from the session; only unsubscribe what it still has.
        if (d->session && sessionFilters.contains(filter)) {
            d->session->unsubscribe(filter);
        }
    }
    d->failAllFor(shadow, tr("The shadow %1 is no longer watched, so its reply cannot be received.")
                              .arg(shadow.displayName()));
}

QList<ShadowName> ShadowClient::watchedShadows() const
{
    QList<ShadowName> shadows = d->watches.keys();
    std::sort(shadows.begin(), shadows.end());
    return shadows;
}

bool ShadowClient::discoverNamedShadows(const QString &thing)
{
    const ShadowValidation::Problem name = ShadowValidation::validateThingName(thing);
    if (!name.isValid()) {
        d->errorString = name.message;
        return false;
    }
    if (!d->session) {
        d->errorString = tr("The shadow client has no connection any more; open the connection again.");
        return false;
    }
    const QString filter = ShadowTopics::namedShadowsFilter(thing);
    if (d->discoveryFilters.contains(filter)) {
        return true;
    }
    if (!d->session->subscribe(MqttSubscription{filter, ShadowQos})) {
        d->errorString = d->session->errorString();
        return false;
    }
    d->discoveryFilters.insert(filter, thing);
    return true;
}

QStringList ShadowClient::namedShadows(const QString &thing) const
{
    QStringList names = d->namedShadows.value(thing).values();
    names.sort();
    return names;
}

int ShadowClient::unreadableReplyCount() const
{
    return d->unreadable;
}
