#pragma once

#include "shadow_name.h"

#include <QCoreApplication>
#include <QString>

QT_FORWARD_DECLARE_CLASS(QJsonObject)
QT_FORWARD_DECLARE_CLASS(QJsonValue)

// The AWS IoT Device Shadow rules for names, client tokens and /update
// request documents, checked before anything is sent (ShadowClient) and when
// a request arrives (ShadowService). Pure functions, callable on any thread.
//
// Sources (AWS IoT developer guide and API reference):
// - thing name: 1-128 characters of [a-zA-Z0-9:_-] (UpdateThingShadow thingName);
// - shadow name: 1-64 characters of [a-zA-Z0-9:_-]. The API pattern also
//   allows '$': names starting with '$' are reserved for AWS-managed shadows
//   (e.g. "$package"), which may be read but not written. A '$' anywhere else
//   is rejected;
// - clientToken: at most 64 bytes (UTF-8), else 400 "Invalid clientToken";
// - request: UTF-8 (else 415), valid JSON (else 400 "Invalid JSON"), an object
//   with a "state" object (400 "Missing required node: state" / "State node
//   must be an object"); "desired" and "reported" must be objects or null;
//   no other node inside "state" (400 "State contains an invalid node");
//   arrays must not contain null (rejected by the service); "version" a
//   non-negative integer (400 "Invalid version");
// - nesting: at most MaxStateDepth levels inside "desired" or "reported"
//   (400 "JSON contains too many levels of nesting; maximum is 6"). The
//   error-message table of the guide names 6; the quota table has been
//   quoted with 8. We use 6, the stricter value, which is also the number
//   the service puts in its own message. Depth counts containers: the
//   section object itself is level 1, each object or array inside it one
//   more level, scalars add none ({"desired":{"a":{"b":1}}} has depth 2);
// - size: the desired and reported state together at most 8 KB (8192
//   bytes), counted as the compact UTF-8 JSON of the "desired" object plus
//   that of the "reported" object; metadata does not count (413 "The payload
//   exceeds the maximum size allowed"). A client can only check its request;
//   the service checks the merged document.
class ShadowValidation
{
    Q_DECLARE_TR_FUNCTIONS(ShadowValidation)
public:
    static constexpr int MaxThingNameLength = 128;
    static constexpr int MaxShadowNameLength = 64;
    static constexpr int MaxClientTokenBytes = 64;
    static constexpr int MaxStateBytes = 8192;
    static constexpr int MaxStateDepth = 6;

    // Get may address the reserved '$' shadows; update and delete may not.
    enum class Access { Read, Write };

    // What is wrong; one enumerator per rule so tests and callers can tell
    // them apart without parsing text.
    enum class Rule {
        None,
        ThingNameEmpty,
        ThingNameTooLong,
        ThingNameCharacters,
        ShadowNameEmpty,
        ShadowNameTooLong,
        ShadowNameCharacters,
        ShadowNameReserved,      // '$' prefix with Access::Write
        ClientTokenNotString,
        ClientTokenTooLong,
        NotUtf8,
        InvalidJson,             // not parseable, or not a JSON object
        MissingState,
        StateNotObject,
        DesiredNotObject,
        ReportedNotObject,
        InvalidStateNode,        // a node other than desired/reported inside state
        NullInArray,
        InvalidVersion,
        TooDeep,
        TooLarge
    };

    struct Problem
    {
        Rule rule = Rule::None;
        // Which part is wrong, untranslated: "thing name", "shadow name",
        // "clientToken", "version", or a JSON path such as "state.desired.a.b".
        QString field;
        // Translated sentence naming the field, what is wrong and what is
        // allowed. Empty when valid.
        QString message;

        bool isValid() const { return rule == Rule::None; }
        // What the AWS Device Shadow service answers for this problem: HTTP
        // style code (400, 403, 413, 415) and its message text, untranslated,
        // exactly as AWS words it. 0 and empty when valid.
        int serviceCode() const;
        QString serviceMessage() const;
    };

    static Problem validateThingName(const QString &thing);
    // For a named shadow's name; an empty name is an error here (a classic
    // shadow has no name to validate, see validateName()).
    static Problem validateShadowName(const QString &shadow, Access access);
    // Thing name, and the shadow name unless the shadow is classic.
    static Problem validateName(const ShadowName &name, Access access);
    static Problem validateClientToken(const QString &token);

    // A complete /update request payload as it goes on the wire: encoding,
    // JSON, state, node types, clientToken, version, depth and size (of this
    // request only).
    static Problem validateUpdateRequest(const QByteArray &payload);
    // The same checks for an already parsed request object.
    static Problem validateUpdateRequest(const QJsonObject &request);
    // Only the checks on the "state" object (node types, nulls in arrays,
    // depth, size of its desired+reported).
    static Problem validateState(const QJsonObject &state);

    // Bytes that count toward MaxStateBytes (see the class comment).
    static qsizetype stateSize(const QJsonObject &desired, const QJsonObject &reported);
    // Container depth of a desired/reported section (see the class comment).
    static int depth(const QJsonValue &section);
};
