#pragma once

#include "shadow_name.h"

#include <QStringList>

#include <optional>

// The reserved AWS IoT Device Shadow topics. Prefix:
//   classic: $aws/things/{thing}/shadow
//   named:   $aws/things/{thing}/shadow/name/{shadow}
// Requests: {prefix}/get, {prefix}/update, {prefix}/delete.
// Replies:  {prefix}/{get|update|delete}/accepted and .../rejected,
//           {prefix}/update/delta and {prefix}/update/documents.
// Pure functions; names are not validated here (see ShadowValidation).
class ShadowTopics
{
public:
    enum class Operation { Get, Update, Delete };
    enum class Kind {
        Request,    // .../get, .../update, .../delete
        Accepted,   // .../accepted
        Rejected,   // .../rejected
        Delta,      // .../update/delta (Update only)
        Documents   // .../update/documents (Update only)
    };

    struct Parsed
    {
        ShadowName shadow;
        Operation operation = Operation::Get;
        Kind kind = Kind::Request;
    };

    static QString prefix(const ShadowName &shadow);
    // The topic for an operation and kind; empty for Delta/Documents with an
    // operation other than Update.
    static QString topic(const ShadowName &shadow, Operation operation, Kind kind = Kind::Request);
    // The eight reply topics of a shadow (accepted/rejected of get, update
    // and delete, update/delta, update/documents). Subscribing to exactly
    // these (no wildcards) works with the per-topic policies AWS recommends.
    static QStringList replyTopics(const ShadowName &shadow);
    // "$aws/things/+/shadow/#": every request and reply of every classic and
    // named shadow (used by ShadowService).
    static QString serviceFilter();
    // "$aws/things/{thing}/shadow/name/#": all traffic of the named shadows
    // of one thing (used to discover shadow names).
    static QString namedShadowsFilter(const QString &thing);

    // Splits a topic into shadow, operation and kind; nullopt when it is not
    // a shadow topic (wrong levels, unknown operation or suffix, empty thing
    // or shadow name).
    static std::optional<Parsed> parse(const QString &topic);

    // "get", "update", "delete" (protocol words, not translated).
    static QString operationName(Operation operation);
};
