#include "shadow_validation.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QJsonValue>
#include <QStringDecoder>

namespace {

using Problem = ShadowValidation::Problem;
using Rule = ShadowValidation::Rule;

const QLatin1String StateKey("state");
const QLatin1String DesiredKey("desired");
const QLatin1String ReportedKey("reported");
const QLatin1String VersionKey("version");
const QLatin1String ClientTokenKey("clientToken");

Problem problem(Rule rule, const QString &field, const QString &message)
{
    return Problem{rule, field, message};
}

bool isNameCharacter(QChar c)
{
    return (c >= QLatin1Char('a') && c <= QLatin1Char('z')) || (c >= QLatin1Char('A') && c <= QLatin1Char('Z'))
        || (c >= QLatin1Char('0') && c <= QLatin1Char('9')) || c == QLatin1Char(':') || c == QLatin1Char('_')
        || c == QLatin1Char('-');
}

// Index of the first character outside [a-zA-Z0-9:_-] at or after `from`, or -1.
qsizetype firstBadCharacter(const QString &name, qsizetype from)
{
    for (qsizetype i = from; i < name.size(); ++i) {
        if (!isNameCharacter(name.at(i))) {
            return i;
        }
    }
    return -1;
}

QString describeCharacter(const QString &name, qsizetype index)
{
    const QChar c = name.at(index);
    if (c.isSpace()) {
        return ShadowValidation::tr("a space");
    }
    if (c.isHighSurrogate() && index + 1 < name.size()) {
        return QLatin1Char('"') + name.mid(index, 2) + QLatin1Char('"');
    }
    return QLatin1Char('"') + QString(c) + QLatin1Char('"');
}

QString childPath(const QString &path, const QString &key)
{
    return path + QLatin1Char('.') + key;
}

QString indexPath(const QString &path, qsizetype index)
{
    return path + QLatin1Char('[') + QString::number(index) + QLatin1Char(']');
}

// Arrays are values for the shadow, but they must not contain null.
Problem checkNoNullInArrays(const QJsonValue &value, const QString &path)
{
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            const Problem p = checkNoNullInArrays(it.value(), childPath(path, it.key()));
            if (!p.isValid()) {
                return p;
            }
        }
    } else if (value.isArray()) {
        const QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            const QString itemPath = indexPath(path, i);
            if (array.at(i).isNull()) {
                return problem(Rule::NullInArray, itemPath,
                               ShadowValidation::tr("%1: arrays in a shadow must not contain null. Remove the null "
                                                    "element or use another value; to delete a key, set the key "
                                                    "itself to null.")
                                   .arg(itemPath));
            }
            const Problem p = checkNoNullInArrays(array.at(i), itemPath);
            if (!p.isValid()) {
                return p;
            }
        }
    }
    return {};
}

// Path of the deepest container, for the nesting message.
void deepestPath(const QJsonValue &value, const QString &path, int level, int &bestLevel, QString &bestPath)
{
    if (!value.isObject() && !value.isArray()) {
        return;
    }
    if (level > bestLevel) {
        bestLevel = level;
        bestPath = path;
    }
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            deepestPath(it.value(), childPath(path, it.key()), level + 1, bestLevel, bestPath);
        }
    } else {
        const QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            deepestPath(array.at(i), indexPath(path, i), level + 1, bestLevel, bestPath);
        }
    }
}

qsizetype compactSize(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact).size();
}

} // namespace

int ShadowValidation::Problem::serviceCode() const
{
    switch (rule) {
    case Rule::None:
        return 0;
    case Rule::NotUtf8:
        return 415;
    case Rule::TooLarge:
        return 413;
    case Rule::ShadowNameReserved:
        return 403;
    default:
        return 400;
    }
}

QString ShadowValidation::Problem::serviceMessage() const
{
    // Protocol text exactly as AWS IoT words it; not translated.
    switch (rule) {
    case Rule::None:
        return {};
    case Rule::ThingNameEmpty:
    case Rule::ThingNameTooLong:
    case Rule::ThingNameCharacters:
        return QStringLiteral("Invalid thing name");
    case Rule::ShadowNameEmpty:
    case Rule::ShadowNameTooLong:
    case Rule::ShadowNameCharacters:
        return QStringLiteral("Invalid shadow name");
    case Rule::ShadowNameReserved:
        return QStringLiteral("Forbidden");
    case Rule::ClientTokenNotString:
    case Rule::ClientTokenTooLong:
        return QStringLiteral("Invalid clientToken");
    case Rule::NotUtf8:
        return QStringLiteral("Unsupported documented encoding; supported encoding is UTF-8");
    case Rule::InvalidJson:
        return QStringLiteral("Invalid JSON");
    case Rule::MissingState:
        return QStringLiteral("Missing required node: state");
    case Rule::StateNotObject:
        return QStringLiteral("State node must be an object");
    case Rule::DesiredNotObject:
        return QStringLiteral("Desired node must be an object");
    case Rule::ReportedNotObject:
        return QStringLiteral("Reported node must be an object");
    case Rule::InvalidStateNode:
    case Rule::NullInArray:
        return QStringLiteral("State contains an invalid node");
    case Rule::InvalidVersion:
        return QStringLiteral("Invalid version");
    case Rule::TooDeep:
        return QStringLiteral("JSON contains too many levels of nesting; maximum is %1").arg(MaxStateDepth);
    case Rule::TooLarge:
        return QStringLiteral("The payload exceeds the maximum size allowed");
    }
    return {};
}

ShadowValidation::Problem ShadowValidation::validateThingName(const QString &thing)
{
    const QString field = QStringLiteral("thing name");
    if (thing.isEmpty()) {
        return problem(Rule::ThingNameEmpty, field,
                       tr("Thing name: it is empty. Enter 1 to %1 characters of a-z, A-Z, 0-9, ':', '_' and '-'.")
                           .arg(MaxThingNameLength));
    }
    if (thing.size() > MaxThingNameLength) {
        return problem(Rule::ThingNameTooLong, field,
                       tr("Thing name: %1 characters is too long. Use at most %2 characters.")
                           .arg(thing.size())
                           .arg(MaxThingNameLength));
    }
    const qsizetype bad = firstBadCharacter(thing, 0);
    if (bad >= 0) {
        return problem(Rule::ThingNameCharacters, field,
                       tr("Thing name: %1 at position %2 is not allowed. Use only a-z, A-Z, 0-9, ':', '_' and '-'.")
                           .arg(describeCharacter(thing, bad))
                           .arg(bad + 1));
    }
    return {};
}

ShadowValidation::Problem ShadowValidation::validateShadowName(const QString &shadow, Access access)
{
    const QString field = QStringLiteral("shadow name");
    if (shadow.isEmpty()) {
        return problem(Rule::ShadowNameEmpty, field,
                       tr("Shadow name: it is empty. Enter 1 to %1 characters of a-z, A-Z, 0-9, ':', '_' and '-', "
                          "or use the classic shadow.")
                           .arg(MaxShadowNameLength));
    }
    if (shadow.size() > MaxShadowNameLength) {
        return problem(Rule::ShadowNameTooLong, field,
                       tr("Shadow name: %1 characters is too long. Use at most %2 characters.")
                           .arg(shadow.size())
                           .arg(MaxShadowNameLength));
    }
    const bool reserved = shadow.startsWith(QLatin1Char('$'));
    const qsizetype bad = firstBadCharacter(shadow, reserved ? 1 : 0);
    if (bad >= 0) {
        return problem(Rule::ShadowNameCharacters, field,
                       tr("Shadow name: %1 at position %2 is not allowed. Use only a-z, A-Z, 0-9, ':', '_' and '-' "
                          "('$' only as the first character, for the reserved shadows).")
                           .arg(describeCharacter(shadow, bad))
                           .arg(bad + 1));
    }
    if (reserved && shadow.size() == 1) {
        return problem(Rule::ShadowNameCharacters, field,
                       tr("Shadow name: \"$\" alone is not a shadow name. Reserved shadow names continue after "
                          "the '$' (e.g. \"$package\")."));
    }
    if (reserved && access == Access::Write) {
        return problem(Rule::ShadowNameReserved, field,
                       tr("Shadow name: \"%1\" starts with '$', which marks a reserved shadow managed by the "
                          "service. It can be read but not updated or deleted; choose a name without '$'.")
                           .arg(shadow));
    }
    return {};
}

ShadowValidation::Problem ShadowValidation::validateName(const ShadowName &name, Access access)
{
    const Problem thing = validateThingName(name.thing);
    if (!thing.isValid() || name.isClassic()) {
        return thing;
    }
    return validateShadowName(name.shadow, access);
}

ShadowValidation::Problem ShadowValidation::validateClientToken(const QString &token)
{
    const qsizetype bytes = token.toUtf8().size();
    if (bytes > MaxClientTokenBytes) {
        return problem(Rule::ClientTokenTooLong, QStringLiteral("clientToken"),
                       tr("clientToken: %1 bytes is too long. Use at most %2 bytes (UTF-8).")
                           .arg(bytes)
                           .arg(MaxClientTokenBytes));
    }
    return {};
}

ShadowValidation::Problem ShadowValidation::validateUpdateRequest(const QByteArray &payload)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString text = decoder.decode(payload);
    if (decoder.hasError()) {
        return problem(Rule::NotUtf8, QStringLiteral("payload"),
                       tr("Request: the text is not valid UTF-8. Save or send the JSON as UTF-8."));
    }
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(payload, &error);
    if (error.error != QJsonParseError::NoError) {
        // Offsets from QJsonParseError are byte offsets; show a character position.
        const qsizetype position = QString::fromUtf8(payload.left(error.offset)).size() + 1;
        return problem(Rule::InvalidJson, QStringLiteral("payload"),
                       tr("Request: invalid JSON at character %1: %2. Send a JSON object such as "
                          "{\"state\": {\"desired\": {...}}}.")
                           .arg(position)
                           .arg(error.errorString()));
    }
    if (!document.isObject()) {
        return problem(Rule::InvalidJson, QStringLiteral("payload"),
                       tr("Request: the JSON is not an object. Send a JSON object such as "
                          "{\"state\": {\"desired\": {...}}}."));
    }
    return validateUpdateRequest(document.object());
}

ShadowValidation::Problem ShadowValidation::validateUpdateRequest(const QJsonObject &request)
{
    if (request.contains(ClientTokenKey)) {
        const QJsonValue token = request.value(ClientTokenKey);
        if (!token.isString()) {
            return problem(Rule::ClientTokenNotString, QStringLiteral("clientToken"),
                           tr("clientToken: it must be a string of at most %1 bytes.").arg(MaxClientTokenBytes));
        }
        const Problem p = validateClientToken(token.toString());
        if (!p.isValid()) {
            return p;
        }
    }
    if (!request.contains(StateKey)) {
        return problem(Rule::MissingState, QStringLiteral("state"),
                       tr("Request: the \"state\" object is missing. Put the change inside "
                          "{\"state\": {\"desired\": {...}}} or {\"state\": {\"reported\": {...}}}."));
    }
    if (!request.value(StateKey).isObject()) {
        return problem(Rule::StateNotObject, QStringLiteral("state"),
                       tr("state: it must be a JSON object with \"desired\" and/or \"reported\"."));
    }
    if (request.contains(VersionKey)) {
        const QJsonValue version = request.value(VersionKey);
        const double number = version.toDouble(-1);
        if (!version.isDouble() || number < 0 || number != static_cast<double>(version.toInteger(-1))) {
            return problem(Rule::InvalidVersion, QStringLiteral("version"),
                           tr("version: it must be a whole number of 0 or more (the version the shadow must "
                              "have for the update to apply), or be left out."));
        }
    }
    return validateState(request.value(StateKey).toObject());
}

ShadowValidation::Problem ShadowValidation::validateState(const QJsonObject &state)
{
    for (auto it = state.begin(); it != state.end(); ++it) {
        const QString path = childPath(QStringLiteral("state"), it.key());
        const bool desired = it.key() == DesiredKey;
        if (!desired && it.key() != ReportedKey) {
            return problem(Rule::InvalidStateNode, path,
                           tr("%1: \"state\" may only contain \"desired\" and \"reported\". Move \"%2\" inside "
                              "one of them.")
                               .arg(path, it.key()));
        }
        if (!it.value().isObject() && !it.value().isNull()) {
            return problem(desired ? Rule::DesiredNotObject : Rule::ReportedNotObject, path,
                           tr("%1: it must be a JSON object (or null to remove the whole section).").arg(path));
        }
        const Problem nulls = checkNoNullInArrays(it.value(), path);
        if (!nulls.isValid()) {
            return nulls;
        }
        const int levels = depth(it.value());
        if (levels > MaxStateDepth) {
            int deepest = 0;
            QString deepestAt;
            deepestPath(it.value(), path, 1, deepest, deepestAt);
            return problem(Rule::TooDeep, deepestAt,
                           tr("%1: %2 levels of nesting is too deep. \"desired\" and \"reported\" may each nest "
                              "at most %3 levels (the section itself counts as one); flatten the structure.")
                               .arg(deepestAt)
                               .arg(levels)
                               .arg(MaxStateDepth));
        }
    }
    const qsizetype size = stateSize(state.value(DesiredKey).toObject(), state.value(ReportedKey).toObject());
    if (size > MaxStateBytes) {
        return problem(Rule::TooLarge, QStringLiteral("state"),
                       tr("state: desired and reported together are %1 bytes. A shadow holds at most %2 bytes "
                          "(compact JSON, metadata not counted); remove keys or split them across named shadows.")
                           .arg(size)
                           .arg(MaxStateBytes));
    }
    return {};
}

qsizetype ShadowValidation::stateSize(const QJsonObject &desired, const QJsonObject &reported)
{
    qsizetype size = 0;
    if (!desired.isEmpty()) {
        size += compactSize(desired);
    }
    if (!reported.isEmpty()) {
        size += compactSize(reported);
    }
    return size;
}

int ShadowValidation::depth(const QJsonValue &section)
{
    int deepest = 0;
    if (section.isObject()) {
        const QJsonObject object = section.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            deepest = std::max(deepest, depth(it.value()));
        }
        return deepest + 1;
    }
    if (section.isArray()) {
        const QJsonArray array = section.toArray();
        for (const QJsonValue &item : array) {
            deepest = std::max(deepest, depth(item));
        }
        return deepest + 1;
    }
    return 0;
}
