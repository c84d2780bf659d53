#pragma once

#include "payload/payload_decoder.h"

// CBOR (RFC 8949) via QCborValue: rendered as diagnostic notation, plus a
// tree. The payload must hold exactly one complete data item; trailing bytes
// are an error. Before QCborValue's recursive decoder runs, a non-recursive
// QCborStreamReader walk checks the structure and limits nesting (arrays,
// maps and tags) to MaximumNestingDepth, so 100k nested arrays give a clear
// error instead of a stack overflow.
class CborDecoder : public PayloadDecoder
{
    Q_DECLARE_TR_FUNCTIONS(CborDecoder)
public:
    struct ScanResult
    {
        bool ok = false;
        qint64 errorPosition = -1;
        QString errorReason;   // translated
    };

    CborDecoder() = default;

    QString id() const override;
    QString displayName() const override;
    DecodedPayload decode(const QByteArray &payload) const override;

    // Structure check only (no values are built): exactly one well-formed item
    // within the nesting limit.
    static ScanResult scan(const QByteArray &payload);
    static bool isCompleteCbor(const QByteArray &payload) { return scan(payload).ok; }
};
