#pragma once

#include "payload/payload_decoder.h"

// UTF-8 text. Control characters other than tab, CR and LF are shown as
// Unicode control pictures (U+2400 block) so they stay visible. Invalid UTF-8
// fails with the byte offset of the first invalid or truncated sequence; the
// text is still rendered, with U+FFFD for the bad bytes.
class Utf8TextDecoder : public PayloadDecoder
{
    Q_DECLARE_TR_FUNCTIONS(Utf8TextDecoder)
public:
    Utf8TextDecoder() = default;

    QString id() const override;
    QString displayName() const override;
    DecodedPayload decode(const QByteArray &payload) const override;

    // Offset of the first byte of the first ill-formed sequence (overlong
    // forms, surrogates and code points above U+10FFFF are ill-formed), or -1.
    static qsizetype firstInvalidUtf8(const QByteArray &payload);

    // Valid UTF-8 without control characters other than tab, CR and LF
    // (C0, DEL and C1 count as control characters). Used by detection.
    static bool isPlainText(const QByteArray &payload);
};
