#include "shadow_document.h"

#include <QJsonArray>
#include <QJsonValue>

namespace {

const QLatin1String StateKey("state");
const QLatin1String MetadataKey("metadata");
const QLatin1String DesiredKey("desired");
const QLatin1String ReportedKey("reported");
const QLatin1String DeltaKey("delta");
const QLatin1String VersionKey("version");
const QLatin1String TimestampKey("timestamp");
const QLatin1String ClientTokenKey("clientToken");

QJsonObject leafMetadata(qint64 timestamp)
{
    return QJsonObject{{TimestampKey, timestamp}};
}

// {"desired": ..., "reported": ..., "delta": ...} with empty sections left out.
QJsonObject sections(const QJsonObject &desired, const QJsonObject &reported, const QJsonObject *delta)
{
    QJsonObject object;
    if (!desired.isEmpty()) {
        object.insert(DesiredKey, desired);
    }
    if (!reported.isEmpty()) {
        object.insert(ReportedKey, reported);
    }
    if (delta && !delta->isEmpty()) {
        object.insert(DeltaKey, *delta);
    }
    return object;
}

} // namespace

ShadowDocument ShadowDocument::fromJson(const QJsonObject &payload)
{
    ShadowDocument document;
    const QJsonObject state = payload.value(StateKey).toObject();
    const QJsonObject metadata = payload.value(MetadataKey).toObject();
    document.desired = state.value(DesiredKey).toObject();
    document.reported = state.value(ReportedKey).toObject();
    document.desiredMetadata = metadata.value(DesiredKey).toObject();
    document.reportedMetadata = metadata.value(ReportedKey).toObject();
    if (state.contains(DeltaKey)) {
        document.delta = state.value(DeltaKey).toObject();
        document.deltaMetadata = metadata.value(DeltaKey).toObject();
    } else {
        document.delta = computeDelta(document.desired, document.reported);
        document.deltaMetadata = deltaMetadataFor(document.delta, document.desiredMetadata);
    }
    document.version = payload.value(VersionKey).toInteger(0);
    document.timestamp = payload.value(TimestampKey).toInteger(0);
    document.clientToken = payload.value(ClientTokenKey).toString();
    return document;
}

QJsonObject ShadowDocument::toJson() const
{
    QJsonObject object;
    object.insert(StateKey, sections(desired, reported, &delta));
    object.insert(MetadataKey, sections(desiredMetadata, reportedMetadata, &deltaMetadata));
    object.insert(VersionKey, version);
    if (timestamp != 0) {
        object.insert(TimestampKey, timestamp);
    }
    if (!clientToken.isEmpty()) {
        object.insert(ClientTokenKey, clientToken);
    }
    return object;
}

QJsonObject ShadowDocument::toSnapshotJson() const
{
    QJsonObject object;
    object.insert(StateKey, sections(desired, reported, nullptr));
    object.insert(MetadataKey, sections(desiredMetadata, reportedMetadata, nullptr));
    object.insert(VersionKey, version);
    return object;
}

void ShadowDocument::applyUpdate(const QJsonObject &requestState, qint64 timestamp)
{
    const auto applySection = [&](QLatin1String key, QJsonObject &section, QJsonObject &metadata) {
        if (!requestState.contains(key)) {
            return;
        }
        const QJsonValue value = requestState.value(key);
        if (value.isNull()) {
            section = {};
            metadata = {};
            return;
        }
        const QJsonObject update = value.toObject();
        section = merge(section, update);
        metadata = mergeMetadata(metadata, update, timestamp);
    };
    applySection(DesiredKey, desired, desiredMetadata);
    applySection(ReportedKey, reported, reportedMetadata);
    delta = computeDelta(desired, reported);
    deltaMetadata = deltaMetadataFor(delta, desiredMetadata);
    ++version;
}

QJsonObject ShadowDocument::merge(const QJsonObject &section, const QJsonObject &update)
{
    QJsonObject result = section;
    for (auto it = update.begin(); it != update.end(); ++it) {
        const QJsonValue value = it.value();
        if (value.isNull()) {
            result.remove(it.key());
        } else if (value.isObject() && result.value(it.key()).isObject()) {
            result.insert(it.key(), merge(result.value(it.key()).toObject(), value.toObject()));
        } else {
            result.insert(it.key(), value);
        }
    }
    return result;
}

QJsonObject ShadowDocument::mergeMetadata(const QJsonObject &metadata, const QJsonObject &update, qint64 timestamp)
{
    QJsonObject result = metadata;
    for (auto it = update.begin(); it != update.end(); ++it) {
        const QJsonValue value = it.value();
        if (value.isNull()) {
            result.remove(it.key());
        } else if (value.isObject()) {
            // An object replacing a leaf starts with fresh metadata; one merging
            // into an object keeps the metadata of the keys it does not touch.
            const QJsonValue existing = result.value(it.key());
            const bool existingIsLeaf = existing.isObject() && existing.toObject().value(TimestampKey).isDouble()
                && existing.toObject().size() == 1;
            const QJsonObject base = (existing.isObject() && !existingIsLeaf) ? existing.toObject() : QJsonObject();
            result.insert(it.key(), mergeMetadata(base, value.toObject(), timestamp));
        } else {
            result.insert(it.key(), leafMetadata(timestamp));
        }
    }
    return result;
}

QJsonObject ShadowDocument::metadataFor(const QJsonObject &update, qint64 timestamp)
{
    QJsonObject result;
    for (auto it = update.begin(); it != update.end(); ++it) {
        if (it.value().isObject()) {
            result.insert(it.key(), metadataFor(it.value().toObject(), timestamp));
        } else {
            result.insert(it.key(), leafMetadata(timestamp));
        }
    }
    return result;
}

QJsonObject ShadowDocument::computeDelta(const QJsonObject &desired, const QJsonObject &reported)
{
    QJsonObject delta;
    for (auto it = desired.begin(); it != desired.end(); ++it) {
        const QJsonValue want = it.value();
        if (!reported.contains(it.key())) {
            delta.insert(it.key(), want);
            continue;
        }
        const QJsonValue have = reported.value(it.key());
        if (want.isObject() && have.isObject()) {
            const QJsonObject nested = computeDelta(want.toObject(), have.toObject());
            if (!nested.isEmpty()) {
                delta.insert(it.key(), nested);
            }
        } else if (want != have) {
            delta.insert(it.key(), want);
        }
    }
    return delta;
}

QJsonObject ShadowDocument::deltaMetadataFor(const QJsonObject &delta, const QJsonObject &desiredMetadata)
{
    QJsonObject result;
    for (auto it = delta.begin(); it != delta.end(); ++it) {
        const QJsonValue metadata = desiredMetadata.value(it.key());
        if (metadata.isUndefined()) {
            continue;
        }
        if (it.value().isObject() && metadata.isObject()) {
            result.insert(it.key(), deltaMetadataFor(it.value().toObject(), metadata.toObject()));
        } else {
            result.insert(it.key(), metadata);
        }
    }
    return result;
}

std::optional<qint64> ShadowDocument::metadataTimestamp(const QJsonObject &metadata, const QStringList &path)
{
    QJsonObject node = metadata;
    for (const QString &key : path) {
        const QJsonValue next = node.value(key);
        if (!next.isObject()) {
            return std::nullopt;
        }
        node = next.toObject();
    }
    const QJsonValue timestamp = node.value(TimestampKey);
    if (!timestamp.isDouble()) {
        return std::nullopt;
    }
    return timestamp.toInteger();
}
