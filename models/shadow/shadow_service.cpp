#include "shadow_service.h"

#include "mqtt/mqtt_session.h"
#include "shadow_store.h"
#include "shadow_validation.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QLoggingCategory>
#include <QMap>
#include <QPointer>
#include <QThread>

Q_LOGGING_CATEGORY(lcShadowService, "linescope.shadow.service")

namespace {

using Operation = ShadowTopics::Operation;
using Kind = ShadowTopics::Kind;

constexpr quint8 ReplyQos = 1;
constexpr int ShutdownWaitMs = 10000;
constexpr int AcceptedCode = 200;

const QLatin1String StateKey("state");
const QLatin1String MetadataKey("metadata");
const QLatin1String DesiredKey("desired");
const QLatin1String ReportedKey("reported");
const QLatin1String VersionKey("version");
const QLatin1String TimestampKey("timestamp");
const QLatin1String ClientTokenKey("clientToken");

// The request's clientToken when it is one the service may echo.
QString echoableToken(const QJsonObject &request)
{
    const QJsonValue token = request.value(ClientTokenKey);
    if (!token.isString() || !ShadowValidation::validateClientToken(token.toString()).isValid()) {
        return {};
    }
    return token.toString();
}

QJsonObject parseObject(const QByteArray &payload)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(payload, &error);
    return error.error == QJsonParseError::NoError && document.isObject() ? document.object() : QJsonObject();
}

void addEnvelope(QJsonObject &reply, qint64 timestamp, const QString &clientToken)
{
    reply.insert(TimestampKey, timestamp);
    if (!clientToken.isEmpty()) {
        reply.insert(ClientTokenKey, clientToken);
    }
}

// Metadata for the sections of an update/accepted reply: the leaves of the
// request, a section set to null gets a single timestamp.
QJsonObject acceptedMetadata(const QJsonObject &requestState, qint64 timestamp)
{
    QJsonObject metadata;
    for (const QLatin1String &key : {DesiredKey, ReportedKey}) {
        if (!requestState.contains(key)) {
            continue;
        }
        const QJsonValue section = requestState.value(key);
        metadata.insert(key, section.isNull() ? QJsonObject{{TimestampKey, timestamp}}
                                              : ShadowDocument::metadataFor(section.toObject(), timestamp));
    }
    return metadata;
}

QByteArray stateJson(const ShadowDocument &document)
{
    return QJsonDocument(document.toSnapshotJson()).toJson(QJsonDocument::Compact);
}

} // namespace

class ShadowService::Private
{
public:
    struct Entry
    {
        ShadowDocument document;  // timestamp 0, no clientToken
        bool deleted = false;
    };

    explicit Private(ShadowService *q)
        : q(q)
    {
    }

    void setState(State next);
    void fail(const QString &message);
    void onOpened(const QList<ShadowRecord> &records);
    void onSubscribed(const QList<MqttSubscribeResult> &results);
    void onMessages(const QList<MqttMessage> &messages);
    void handleRequest(const ShadowTopics::Parsed &parsed, const MqttMessage &message);
    void handleGet(const ShadowName &shadow, const QString &token, qint64 now);
    void handleUpdate(const ShadowName &shadow, const QJsonObject &request, const QString &token, qint64 now);
    void handleDelete(const ShadowName &shadow, const QString &token, qint64 now);
    void reject(const ShadowName &shadow, Operation operation, int code, const QString &message, const QString &token,
                qint64 now);
    void accept(const ShadowName &shadow, Operation operation, const QString &token);
    void publish(const QString &topic, const QJsonObject &payload);
    void persist(const ShadowName &shadow, const Entry &entry);
    static QString notFoundMessage(const ShadowName &shadow);

    ShadowService *const q;
    QPointer<MqttSession> session;
    State state = State::Stopped;
    QString errorString;
    QString databaseFile;
    std::unique_ptr<QThread> storeThread;
    ShadowStore *store = nullptr;   // lives on storeThread; deleted there when it finishes
    int generation = 0;             // start() calls; late results of an older one are dropped
    bool subscribedToService = false;
    QMap<ShadowName, Entry> shadows;
    qint64 accepted = 0;
    qint64 rejected = 0;
    int retainedIgnored = 0;
};

void ShadowService::Private::setState(State next)
{
    if (state == next) {
        return;
    }
    state = next;
    Q_EMIT q->stateChanged(next);
}

void ShadowService::Private::fail(const QString &message)
{
    errorString = message;
    Q_EMIT q->errorOccurred(message);
    setState(State::Failed);
}

void ShadowService::Private::onOpened(const QList<ShadowRecord> &records)
{
    shadows.clear();
    for (const ShadowRecord &record : records) {
        QJsonParseError error;
        const QJsonDocument json = QJsonDocument::fromJson(record.document, &error);
        if (error.error != QJsonParseError::NoError || !json.isObject()) {
            const QString message = tr("The stored shadow %1 could not be read (%2); it is left out until it is "
                                       "updated again.")
                                        .arg(record.name.displayName(), error.errorString());
            errorString = message;
            Q_EMIT q->errorOccurred(message);
            continue;
        }
        Entry entry;
        entry.document = ShadowDocument::fromJson(json.object());
        entry.document.version = record.version;
        entry.document.timestamp = 0;
        entry.document.clientToken.clear();
        entry.deleted = record.deleted;
        shadows.insert(record.name, entry);
    }
    if (!session) {
        fail(tr("The shadow service has no broker connection any more."));
        return;
    }
    if (!session->subscribe(MqttSubscription{ShadowTopics::serviceFilter(), ReplyQos})) {
        fail(tr("The shadow service could not subscribe to %1: %2")
                 .arg(ShadowTopics::serviceFilter(), session->errorString()));
        return;
    }
    subscribedToService = true;
}

void ShadowService::Private::onSubscribed(const QList<MqttSubscribeResult> &results)
{
    for (const MqttSubscribeResult &result : results) {
        if (result.filter != ShadowTopics::serviceFilter() || !subscribedToService) {
            continue;
        }
        if (!result.isGranted()) {
            subscribedToService = false;
            fail(tr("The broker refused the subscription to %1 (%2), so the shadow service cannot receive "
                    "requests. Allow this connection to subscribe to the $aws/things/... topics.")
                     .arg(result.filter, result.reason));
            continue;
        }
        if (state == State::Loading) {
            setState(State::Running);
            Q_EMIT q->started();
        }
    }
}

void ShadowService::Private::onMessages(const QList<MqttMessage> &messages)
{
    if (state != State::Running) {
        return;
    }
    for (const MqttMessage &message : messages) {
        const std::optional<ShadowTopics::Parsed> parsed = ShadowTopics::parse(message.topic);
        // Replies (ours included) and foreign topics are not requests.
        if (!parsed || parsed->kind != Kind::Request) {
            continue;
        }
        if (message.retained) {
            // A retained request would be applied again on every restart.
            ++retainedIgnored;
            Q_EMIT q->errorOccurred(tr("Ignored a retained shadow request on %1. Shadow requests must be published "
                                       "without the retain flag; clear the retained message on that topic.")
                                        .arg(message.topic));
            continue;
        }
        handleRequest(*parsed, message);
    }
}

void ShadowService::Private::handleRequest(const ShadowTopics::Parsed &parsed, const MqttMessage &message)
{
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    const ShadowValidation::Access access =
        parsed.operation == Operation::Get ? ShadowValidation::Access::Read : ShadowValidation::Access::Write;
    const QJsonObject request = parseObject(message.payload);
    const QString token = echoableToken(request);
    const ShadowValidation::Problem name = ShadowValidation::validateName(parsed.shadow, access);
    if (!name.isValid()) {
        reject(parsed.shadow, parsed.operation, name.serviceCode(), name.serviceMessage(), token, now);
        return;
    }
    switch (parsed.operation) {
    case Operation::Get:
        handleGet(parsed.shadow, token, now);
        return;
    case Operation::Delete:
        handleDelete(parsed.shadow, token, now);
        return;
    case Operation::Update: {
        const ShadowValidation::Problem problem = ShadowValidation::validateUpdateRequest(message.payload);
        if (!problem.isValid()) {
            reject(parsed.shadow, parsed.operation, problem.serviceCode(), problem.serviceMessage(), token, now);
            return;
        }
        handleUpdate(parsed.shadow, request, token, now);
        return;
    }
    }
}

void ShadowService::Private::handleGet(const ShadowName &shadow, const QString &token, qint64 now)
{
    const auto it = shadows.constFind(shadow);
    if (it == shadows.constEnd() || it->deleted) {
        reject(shadow, Operation::Get, 404, notFoundMessage(shadow), token, now);
        return;
    }
    ShadowDocument reply = it->document;
    reply.timestamp = now;
    reply.clientToken = token;
    publish(ShadowTopics::topic(shadow, Operation::Get, Kind::Accepted), reply.toJson());
    accept(shadow, Operation::Get, token);
}

void ShadowService::Private::handleUpdate(const ShadowName &shadow, const QJsonObject &request, const QString &token,
                                          qint64 now)
{
    const auto existing = shadows.constFind(shadow);
    const bool existed = existing != shadows.constEnd() && !existing->deleted;
    // A deleted shadow keeps its version; a new one starts at 0.
    const qint64 currentVersion = existing != shadows.constEnd() ? existing->document.version : 0;
    if (request.contains(VersionKey) && request.value(VersionKey).toInteger() != currentVersion) {
        reject(shadow, Operation::Update, 409, QStringLiteral("Version conflict"), token, now);
        return;
    }
    ShadowDocument previous;
    if (existed) {
        previous = existing->document;
    }
    ShadowDocument next = previous;
    next.version = currentVersion;
    const QJsonObject requestState = request.value(StateKey).toObject();
    next.applyUpdate(requestState, now);
    if (ShadowValidation::stateSize(next.desired, next.reported) > ShadowValidation::MaxStateBytes) {
        reject(shadow, Operation::Update, 413, QStringLiteral("The payload exceeds the maximum size allowed"), token,
               now);
        return;
    }
    Entry entry;
    entry.document = next;
    shadows.insert(shadow, entry);
    persist(shadow, entry);

    QJsonObject acceptedReply{{StateKey, requestState},
                              {MetadataKey, acceptedMetadata(requestState, now)},
                              {VersionKey, next.version}};
    addEnvelope(acceptedReply, now, token);
    publish(ShadowTopics::topic(shadow, Operation::Update, Kind::Accepted), acceptedReply);

    QJsonObject documents;
    if (existed) {
        documents.insert(QLatin1String("previous"), previous.toSnapshotJson());
    }
    documents.insert(QLatin1String("current"), next.toSnapshotJson());
    addEnvelope(documents, now, token);
    publish(ShadowTopics::topic(shadow, Operation::Update, Kind::Documents), documents);

    if (!next.delta.isEmpty()) {
        QJsonObject delta{{StateKey, next.delta}, {MetadataKey, next.deltaMetadata}, {VersionKey, next.version}};
        addEnvelope(delta, now, token);
        publish(ShadowTopics::topic(shadow, Operation::Update, Kind::Delta), delta);
    }
    accept(shadow, Operation::Update, token);
    Q_EMIT q->shadowChanged(shadow);
}

void ShadowService::Private::handleDelete(const ShadowName &shadow, const QString &token, qint64 now)
{
    const auto it = shadows.find(shadow);
    if (it == shadows.end() || it->deleted) {
        reject(shadow, Operation::Delete, 404, notFoundMessage(shadow), token, now);
        return;
    }
    // Only the version survives a delete, so that a new shadow of the same
    // name continues counting.
    Entry tombstone;
    tombstone.deleted = true;
    tombstone.document.version = it->document.version;
    *it = tombstone;
    persist(shadow, tombstone);
    QJsonObject reply{{VersionKey, tombstone.document.version}};
    addEnvelope(reply, now, token);
    publish(ShadowTopics::topic(shadow, Operation::Delete, Kind::Accepted), reply);
    accept(shadow, Operation::Delete, token);
    Q_EMIT q->shadowChanged(shadow);
}

void ShadowService::Private::reject(const ShadowName &shadow, Operation operation, int code, const QString &message,
                                    const QString &token, qint64 now)
{
    QJsonObject reply{{QLatin1String("code"), code}, {QLatin1String("message"), message}};
    addEnvelope(reply, now, token);
    publish(ShadowTopics::topic(shadow, operation, Kind::Rejected), reply);
    ++rejected;
    Q_EMIT q->requestHandled(shadow, operation, code, message, token);
}

void ShadowService::Private::accept(const ShadowName &shadow, Operation operation, const QString &token)
{
    ++accepted;
    Q_EMIT q->requestHandled(shadow, operation, AcceptedCode, QString(), token);
}

void ShadowService::Private::publish(const QString &topic, const QJsonObject &payload)
{
    if (!session) {
        Q_EMIT q->errorOccurred(tr("The shadow reply on %1 was not sent: the broker connection is gone.").arg(topic));
        return;
    }
    MqttPublishRequest request;
    request.topic = topic;
    request.payload = QJsonDocument(payload).toJson(QJsonDocument::Compact);
    request.qos = ReplyQos;
    if (session->publish(request) == 0) {
        Q_EMIT q->errorOccurred(tr("The shadow reply on %1 was not sent: %2").arg(topic, session->errorString()));
    }
}

void ShadowService::Private::persist(const ShadowName &shadow, const Entry &entry)
{
    ShadowRecord record;
    record.name = shadow;
    record.version = entry.document.version;
    record.deleted = entry.deleted;
    record.document = stateJson(entry.document);
    QMetaObject::invokeMethod(store, [store = store, record] { store->save(record); }, Qt::QueuedConnection);
}

QString ShadowService::Private::notFoundMessage(const ShadowName &shadow)
{
    // AWS IoT's wording; not translated.
    return QStringLiteral("No shadow exists with name: '%1'").arg(shadow.isClassic() ? shadow.thing : shadow.shadow);
}

ShadowService::ShadowService(MqttSession *session, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>(this))
{
    qRegisterMetaType<ShadowRecord>();
    qRegisterMetaType<QList<ShadowRecord>>();
    d->session = session;

    d->storeThread = std::make_unique<QThread>();
    d->storeThread->setObjectName(QStringLiteral("ShadowStore"));
    d->store = new ShadowStore;
    d->store->moveToThread(d->storeThread.get());
    connect(d->storeThread.get(), &QThread::finished, d->store, &QObject::deleteLater);
    connect(d->store, &ShadowStore::errorOccurred, this, [this](const QString &message) {
        if (d->state == State::Loading) {
            d->fail(message);
            return;
        }
        d->errorString = message;
        Q_EMIT errorOccurred(message);
    });
    d->storeThread->start();

    if (!session) {
        return;
    }
    connect(session, &MqttSession::messagesReceived, this,
            [this](const QList<MqttMessage> &messages) { d->onMessages(messages); });
    connect(session, &MqttSession::subscribed, this,
            [this](const QList<MqttSubscribeResult> &results) { d->onSubscribed(results); });
    connect(session, &QObject::destroyed, this, [this] {
        if (d->state == State::Loading || d->state == State::Running) {
            d->fail(tr("The broker connection of the shadow service was closed; the service stopped."));
        }
    });
}

ShadowService::~ShadowService()
{
    stop();
    // Queued behind every save(), so the file holds all accepted changes; the
    // thread is told to quit only from there, as quit() from here would drop
    // the saves still queued.
    QMetaObject::invokeMethod(
        d->store,
        [store = d->store] {
            store->close();
            QThread::currentThread()->quit();
        },
        Qt::QueuedConnection);
    if (d->storeThread->wait(QDeadlineTimer(ShutdownWaitMs))) {
        return;
    }
    qCWarning(lcShadowService) << "shadow database still busy; it will finish in the background";
    QThread *thread = d->storeThread.release();
    connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    if (thread->isFinished()) {
        thread->deleteLater();
    }
}

bool ShadowService::start(const QString &databaseFile)
{
    if (d->state == State::Loading || d->state == State::Running) {
        d->errorString = tr("The shadow service is already running on %1; stop it before starting it again.")
                             .arg(d->databaseFile);
        return false;
    }
    if (!d->session) {
        d->errorString = tr("The shadow service has no broker connection; open one first.");
        return false;
    }
    if (databaseFile.isEmpty()) {
        d->errorString = tr("Database file: it is empty. Choose the SQLite file in which the shadows are kept.");
        return false;
    }
    d->databaseFile = databaseFile;
    d->errorString.clear();
    d->accepted = 0;
    d->rejected = 0;
    const int generation = ++d->generation;
    // Replace an earlier connection: results of an older start() are ignored.
    disconnect(d->store, &ShadowStore::opened, this, nullptr);
    connect(d->store, &ShadowStore::opened, this, [this, generation](const QList<ShadowRecord> &records) {
        if (generation == d->generation && d->state == State::Loading) {
            d->onOpened(records);
        }
    });
    d->setState(State::Loading);
    QMetaObject::invokeMethod(d->store, [store = d->store, databaseFile] { store->open(databaseFile); },
                              Qt::QueuedConnection);
    return true;
}

void ShadowService::stop()
{
    if (d->subscribedToService && d->session) {
        d->session->unsubscribe(ShadowTopics::serviceFilter());
    }
    d->subscribedToService = false;
    ++d->generation;
    d->setState(State::Stopped);
}

ShadowService::State ShadowService::state() const
{
    return d->state;
}

QString ShadowService::errorString() const
{
    return d->errorString;
}

QString ShadowService::databaseFile() const
{
    return d->databaseFile;
}

QList<ShadowName> ShadowService::shadows() const
{
    QList<ShadowName> names;
    for (auto it = d->shadows.constBegin(); it != d->shadows.constEnd(); ++it) {
        if (!it->deleted) {
            names.append(it.key());
        }
    }
    return names;
}

std::optional<ShadowDocument> ShadowService::document(const ShadowName &shadow) const
{
    const auto it = d->shadows.constFind(shadow);
    if (it == d->shadows.constEnd() || it->deleted) {
        return std::nullopt;
    }
    return it->document;
}

qint64 ShadowService::acceptedCount() const
{
    return d->accepted;
}

qint64 ShadowService::rejectedCount() const
{
    return d->rejected;
}
