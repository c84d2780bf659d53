#pragma once

#include "payload/decoded_payload.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

// Interface of one payload format. Add a format (Protobuf, Sparkplug B, ...)
// by subclassing it in one class and registering it with
// PayloadDecoderRegistry::addDecoder().
//
// Decoders are stateless: decode() is const and may be called from any
// thread, e.g. from QtConcurrent::run for big payloads (never decode a
// multi-megabyte payload on the GUI thread).
class PayloadDecoder
{
    Q_DECLARE_TR_FUNCTIONS(PayloadDecoder)
public:
    // Structured decoders refuse deeper input with a clear error before any
    // recursive parsing starts, so hostile payloads cannot overflow the stack.
    static constexpr int MaximumNestingDepth = 512;

    virtual ~PayloadDecoder();
    Q_DISABLE_COPY_MOVE(PayloadDecoder)

    // Stable, untranslated identifier: "text", "json", "cbor", "hex", "base64".
    virtual QString id() const = 0;
    virtual QString displayName() const = 0;   // translated
    virtual DecodedPayload decode(const QByteArray &payload) const = 0;

    // Lets a decoder claim messages before content detection runs, for formats
    // that are recognised by their topic namespace rather than by their bytes
    // (Sparkplug B: "spBv1.0/..."). The built-in decoders claim nothing.
    virtual bool recognizes(const QString &topic, const QByteArray &payload) const;

    // The rendering used for a zero-length payload by decoders that accept it.
    static QString emptyPayloadText();

protected:
    PayloadDecoder() = default;

    DecodedPayload success(const QByteArray &payload, const QString &text) const;
    // errorString becomes "<displayName>: <reason> at byte <position>";
    // `text` falls back to errorString when empty.
    DecodedPayload failure(const QByteArray &payload, qint64 position, const QString &reason,
                           const QString &text = {}) const;

    // Halves the leading spaces of every line: turns Qt's 4-space indented
    // output (QJsonDocument, QCborValue diagnostic notation) into the 2-space
    // indentation we show. Only valid for text whose strings never contain a
    // raw newline, which holds for both formats (they escape newlines).
    static QString halvedIndentation(QStringView text);
};
