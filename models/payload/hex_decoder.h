#pragma once

#include "payload/payload_decoder.h"

// Classic hex dump, one line per 16 bytes, in the layout of `hexdump -C`:
//   00000010  48 65 6c 6c 6f 20 57 6f  72 6c 64 0a              |Hello World.|
// (no "*" folding of repeated lines and no final offset line).
//
// decode() renders at most MaximumRenderedBytes (textTruncated is set beyond
// that). Views of big payloads use lineCount() and hexLine() to render only
// the visible lines; both are O(1) per call and safe on any thread.
class HexDecoder : public PayloadDecoder
{
    Q_DECLARE_TR_FUNCTIONS(HexDecoder)
public:
    static constexpr qsizetype BytesPerLine = 16;
    static constexpr qsizetype MaximumRenderedBytes = 64 * 1024;

    HexDecoder() = default;

    QString id() const override;
    QString displayName() const override;
    DecodedPayload decode(const QByteArray &payload) const override;

    static qint64 lineCount(const QByteArray &payload);
    // Empty for a lineIndex outside [0, lineCount()).
    static QString hexLine(const QByteArray &payload, qint64 lineIndex);
};
