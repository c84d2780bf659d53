#pragma once

#include "shadow_document.h"
#include "shadow_name.h"
#include "shadow_topics.h"

#include <QList>
#include <QObject>
#include <QString>

#include <memory>
#include <optional>

class MqttSession;

// An AWS IoT compatible Device Shadow service on any broker connection, for
// lines without AWS. It subscribes to ShadowTopics::serviceFilter() and
// answers requests on the same topics with the same documents, codes and
// messages as AWS IoT:
// - get: .../get/accepted with the full document (state and metadata with
//   desired, reported and delta when non-empty, version, timestamp, the
//   request's clientToken) or .../get/rejected 404 "No shadow exists with
//   name: '<name>'" (<name> is the thing name for a classic shadow, the
//   shadow name for a named one).
// - update: validates (ShadowValidation: 415, 400 with AWS's message per
//   rule, 403 for reserved '$' names), checks the optional version (409
//   "Version conflict"), merges (null removes keys, arrays replace whole),
//   checks the 8 KB limit on the merged desired+reported (413), increments
//   the version by one, then publishes .../update/accepted (the request's
//   state, metadata of the updated leaves, version, timestamp, clientToken),
//   .../update/documents (previous, when the shadow existed, and current,
//   each with state, metadata and version; timestamp; clientToken) and,
//   only when desired and reported differ after the update, .../update/delta
//   (the whole delta, its metadata, version, timestamp, clientToken).
// - delete: .../delete/accepted {"version", "timestamp", "clientToken"} or
//   404. The version is kept: a later update continues from it, as on AWS.
// A thing or shadow name that breaks the naming rules gets 400 "Invalid thing
// name" / "Invalid shadow name" (LineScope's wording: AWS never routes such
// topics to its service).
// Replies carry the clientToken only when the request had a valid one.
// It never reacts to replies (accepted/rejected/delta/documents), including
// its own. Timestamps are epoch seconds. All replies use QoS 1.
//
// Shadows are kept in memory and persisted to an SQLite file (one row per
// thing and shadow name, classic and named shadows isolated) on a private
// worker thread, so neither loading nor writing blocks the caller's thread.
//
// Threading: create and use it on the thread of its MqttSession. The
// session is not owned; it must outlive the service or the service stops.
// Give the service a session of its own: a broker may deliver a request once
// per matching subscription, and another subscription on a shared session
// (e.g. a ShadowClient's discovery filter) would make it apply an update twice.
class ShadowService : public QObject
{
    Q_OBJECT
public:
    enum class State {
        Stopped,
        Loading,      // reading the database, then subscribing
        Running,      // subscription granted, answering requests
        Failed        // database or subscription error; see errorString()
    };
    Q_ENUM(State)

    explicit ShadowService(MqttSession *session, QObject *parent = nullptr);
    // Waits (bounded) for writes still queued to reach the database file, so
    // a new service on the same file sees every accepted update.
    ~ShadowService() override;

    // Opens (creating when missing) the SQLite database file and loads every
    // shadow on the worker thread, then subscribes. started() follows once
    // the broker granted the subscription (after the session connects, if it
    // is not connected yet), or errorOccurred() and Failed. Legal in Stopped
    // and Failed only; returns false with errorString() set otherwise.
    bool start(const QString &databaseFile);
    // Unsubscribes and stops answering; queued writes still complete.
    void stop();

    State state() const;
    QString errorString() const;   // translated; the last error
    QString databaseFile() const;

    // Existing (not deleted) shadows, sorted.
    QList<ShadowName> shadows() const;
    // The stored document (state, metadata, delta, version; timestamp 0 and
    // no clientToken) or nullopt when the shadow does not exist.
    std::optional<ShadowDocument> document(const ShadowName &shadow) const;

    // Requests answered on .../accepted and on .../rejected since start().
    qint64 acceptedCount() const;
    qint64 rejectedCount() const;

Q_SIGNALS:
    void started();
    void stateChanged(ShadowService::State state);
    // Translated: database errors, refused subscription, replies the session
    // could not publish. The service keeps running where it can.
    void errorOccurred(const QString &message);
    // After each answered request: code 200 for accepted, else the rejection
    // code and the message sent with it (untranslated, as on the wire); the
    // clientToken echoed in the reply (empty when the request had no valid one).
    void requestHandled(const ShadowName &shadow, ShadowTopics::Operation operation, int code,
                        const QString &serviceMessage, const QString &clientToken);
    // After an accepted update or delete changed the shadow.
    void shadowChanged(const ShadowName &shadow);

private:
    class Private;
    std::unique_ptr<Private> const d;
};
