#pragma once

#include <QJsonObject>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

// One shadow document as AWS IoT keeps and sends it:
//   {"state":    {"desired": {...}, "reported": {...}, "delta": {...}},
//    "metadata": {"desired": {...}, "reported": {...}, "delta": {...}},
//    "version": 7, "timestamp": 1591057529, "clientToken": "..."}
// Metadata mirrors the state with {"timestamp": epochSeconds} at every leaf
// (a leaf is a scalar or an array: arrays are values and are never merged or
// diffed element by element). A section that is empty is absent on the wire.
//
// Also holds the shadow algorithms as pure static functions (merge with null
// removal, recursive delta, metadata), shared by ShadowService and the
// editor. Callable on any thread.
struct ShadowDocument
{
    QJsonObject desired;
    QJsonObject reported;
    QJsonObject delta;             // desired leaves that differ from reported
    QJsonObject desiredMetadata;
    QJsonObject reportedMetadata;
    QJsonObject deltaMetadata;     // the desired metadata of the delta leaves
    qint64 version = 0;
    qint64 timestamp = 0;          // epoch seconds the message was generated
    QString clientToken;           // the request's token when echoed

    // True when there is nothing in desired that reported does not match.
    bool isInSync() const { return delta.isEmpty(); }

    // Reads a get/accepted payload, the "current"/"previous" object of an
    // /update/documents payload, or an update/accepted payload (which holds
    // only the updated part). Missing members stay empty/0; the delta is
    // taken from the payload when present, else computed.
    static ShadowDocument fromJson(const QJsonObject &payload);
    // The get/accepted form: state and metadata (with delta when non-empty),
    // version, timestamp when non-zero, clientToken when non-empty.
    QJsonObject toJson() const;
    // {"state": {desired, reported}, "metadata": {...}, "version": n}: the
    // form of "previous"/"current" in /update/documents (no delta).
    QJsonObject toSnapshotJson() const;

    // Applies the "state" object of an accepted /update request: merges
    // desired and reported (a null section removes the section), updates
    // their metadata with `timestamp` for every leaf in the request,
    // recomputes delta and deltaMetadata, and increments version by one.
    // The request must already be valid (ShadowValidation::validateState).
    void applyUpdate(const QJsonObject &requestState, qint64 timestamp);

    // `section` with `update` merged in: objects merge recursively, a null
    // value removes the key, anything else (scalars, arrays) replaces.
    static QJsonObject merge(const QJsonObject &section, const QJsonObject &update);
    // Metadata of `section` after merge(section, update): every leaf of
    // `update` gets {"timestamp": timestamp}, null leaves are removed, nested
    // objects recurse.
    static QJsonObject mergeMetadata(const QJsonObject &metadata, const QJsonObject &update, qint64 timestamp);
    // Metadata for exactly the leaves of `update` (nulls included, as in an
    // update/accepted reply).
    static QJsonObject metadataFor(const QJsonObject &update, qint64 timestamp);
    // The delta: every key of desired that reported lacks, or whose value
    // differs. Objects on both sides are compared recursively and keep the
    // path to the differing leaves; anything else is compared as a whole
    // value (so an array that differs is copied entirely). Keys only in
    // reported are not in the delta.
    static QJsonObject computeDelta(const QJsonObject &desired, const QJsonObject &reported);
    // The desired metadata restricted to the keys of `delta`.
    static QJsonObject deltaMetadataFor(const QJsonObject &delta, const QJsonObject &desiredMetadata);
    // The timestamp at `path` in a metadata tree ({"a":{"b":{"timestamp":5}}},
    // ["a","b"] -> 5); nullopt when absent.
    static std::optional<qint64> metadataTimestamp(const QJsonObject &metadata, const QStringList &path);
};

Q_DECLARE_METATYPE(ShadowDocument)
