#pragma once

#include "shadow_name.h"
#include "shadow_result.h"

#include <QJsonObject>
#include <QObject>
#include <QStringList>

#include <memory>
#include <optional>

class MqttSession;

// AWS IoT Device Shadow protocol client over an MqttSession (AWS IoT Core or
// LineScope's own ShadowService).
//
// Every request gets a clientToken (generated unless given) and is matched
// to its reply by that token. Before a shadow's first request the client
// subscribes to the shadow's eight reply topics (ShadowTopics::replyTopics)
// and sends the request only once the broker granted them, so no reply can
// be missed. It keeps them (and so keeps receiving /update/delta and
// /update/documents for live views) until unwatch().
//
// get()/update()/deleteShadow() validate first (ShadowValidation). A request
// that is not valid is not sent: the call returns an empty token and
// errorString() says why. Otherwise the call returns the clientToken and
// requestFinished(token, result) follows exactly once, asynchronously:
// Accepted, Rejected (code and the service's message, plus an operator
// sentence), TimedOut (no reply within requestTimeout() of sending it, or
// not sent within requestTimeout() of the call because the connection or
// the reply subscriptions were missing), or Failed (subscription refused,
// session not connected when the request was due, publish refused,
// unwatch() or destruction first).
//
// At most MaxInFlightRequests requests are sent and waiting for their reply
// at any time (AWS IoT answers more than 10 in-flight shadow requests on one
// connection with 429; the limit is per client, so two clients sharing a
// session can still reach it together). Further requests are queued and
// sent in the order of the calls as replies come in (a request whose reply
// subscriptions are not granted yet does not hold up requests for other
// shadows); a request waiting only for a free slot does not time out while
// it waits.
//
// Threading: create and use it on the thread of its MqttSession (normally
// the GUI thread); nothing blocks. The session is not owned and may be
// shared with other users; if it is destroyed first, pending requests fail
// and later calls fail validation with a message.
class ShadowClient : public QObject
{
    Q_OBJECT
public:
    static constexpr int DefaultRequestTimeoutMs = 10000;
    // Requests sent and not yet answered, per client (see the class comment).
    static constexpr int MaxInFlightRequests = 10;

    explicit ShadowClient(MqttSession *session, QObject *parent = nullptr);
    ~ShadowClient() override;  // pending requests finish as Failed first

    // Takes effect for requests made afterwards. Values < 1 are raised to 1.
    void setRequestTimeout(int milliseconds);
    int requestTimeout() const;

    // Publishes an empty message to .../get. Reserved '$' shadows are allowed.
    QString get(const ShadowName &shadow);
    // Publishes {"state": state, "version": expectedVersion?, "clientToken": token}
    // to .../update (see updatePayload()). `state` is the "state" object
    // ({"desired": {...}} and/or {"reported": {...}}; null values delete keys).
    // With expectedVersion the service applies it only when the shadow is
    // still at that version (else 409). An empty clientToken is generated.
    QString update(const ShadowName &shadow, const QJsonObject &state,
                   std::optional<qint64> expectedVersion = std::nullopt, const QString &clientToken = {});
    // Publishes {"clientToken": token} to .../delete.
    QString deleteShadow(const ShadowName &shadow, const QString &clientToken = {});

    // Exactly the bytes update() publishes, for showing the request before it
    // is sent (compact JSON; keys state, version, clientToken).
    static QByteArray updatePayload(const QJsonObject &state, std::optional<qint64> expectedVersion,
                                    const QString &clientToken);
    // A new unique token (a UUID, 36 bytes).
    static QString generateClientToken();

    // Translated reason of the last call that returned an empty token.
    QString errorString() const;
    // Requests not finished yet: sent, queued for a free slot, or waiting
    // for their reply subscriptions.
    int pendingCount() const;
    // Requests sent and waiting for their reply; never more than MaxInFlightRequests.
    int inFlightCount() const;

    // Subscribes to the shadow's reply topics without sending anything, so
    // deltaReceived()/documentsReceived() report changes made by others.
    // Returns false with errorString() set when the name is invalid.
    bool watch(const ShadowName &shadow);
    // Unsubscribes; pending requests for the shadow finish as Failed.
    void unwatch(const ShadowName &shadow);
    QList<ShadowName> watchedShadows() const;

    // Subscribes to ShadowTopics::namedShadowsFilter(thing) to learn the
    // names of the thing's named shadows from traffic (any request or reply
    // seen on their topics). Returns false with errorString() set when the
    // thing name is invalid.
    bool discoverNamedShadows(const QString &thing);
    // Named shadows seen for the thing so far (from discovery, watched
    // shadows and replies), sorted. Reserved '$' shadows included.
    QStringList namedShadows(const QString &thing) const;

    // Reply-topic messages whose payload was not a JSON object; each one
    // also emits errorOccurred().
    int unreadableReplyCount() const;

Q_SIGNALS:
    void requestFinished(const QString &clientToken, const ShadowResult &result);
    // A /update/delta message: {"state": delta, "metadata": ..., "version",
    // "timestamp", "clientToken"?} as sent.
    void deltaReceived(const ShadowName &shadow, const QJsonObject &message);
    // A /update/documents message: {"previous"?, "current", "timestamp",
    // "clientToken"?} as sent.
    void documentsReceived(const ShadowName &shadow, const QJsonObject &message);
    void namedShadowsChanged(const QString &thing);
    // Translated; something went wrong outside a request (unreadable reply,
    // refused watch subscription).
    void errorOccurred(const QString &message);

private:
    class Private;
    std::unique_ptr<Private> const d;
};
