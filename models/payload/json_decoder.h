#pragma once

#include "payload/payload_decoder.h"

#include <QJsonValue>

// JSON, checked by QJsonDocument and shown by JsonSourceLayout in the order
// the payload was written. Pretty text uses 2-space indentation; the tree has
// one node per value. Any JSON value is accepted (RFC 8259), including a bare
// number, string, true, false or null at top level, so a "23.5" payload can be
// shown as JSON when the user picks this decoder. Automatic detection is
// stricter (see isJsonContainer()).
//
// Nesting is limited to MaximumNestingDepth: a linear scan rejects deeper
// input with "nesting deeper than 512 levels at byte N" before
// QJsonDocument's recursive parser runs.
class JsonDecoder : public PayloadDecoder
{
    Q_DECLARE_TR_FUNCTIONS(JsonDecoder)
public:
    struct ParseResult
    {
        bool ok = false;
        QJsonValue value;           // Undefined when !ok
        qint64 errorPosition = -1;  // byte offset into the payload
        QString errorReason;        // translated
    };

    JsonDecoder() = default;

    QString id() const override;
    QString displayName() const override;
    DecodedPayload decode(const QByteArray &payload) const override;

    static ParseResult parse(const QByteArray &payload);

    // True when the payload is a JSON object or array that parses. This is the
    // detection rule: bare scalars ("42", "true", "\"on\"") are left to the
    // text decoder, because plain sensor values would otherwise all look like JSON.
    static bool isJsonContainer(const QByteArray &payload);
};
