#pragma once

#include "payload/payload_decoder.h"

class PayloadDecoderRegistry;

// Base64 in the standard (+/) or the URL-safe (-_) alphabet, padded or not;
// ASCII whitespace (line breaks of MIME-style base64) is ignored. Anything else
// fails with the byte offset of the offending character. The decoded bytes
// are detected and rendered by the registry's decoders (innerDecoderId,
// innerPayload); the tree is the inner decoder's tree.
//
// Never chosen by automatic detection: short words such as "idle" or "fault"
// are valid base64, so users pick it per topic with an override.
class Base64Decoder : public PayloadDecoder
{
    Q_DECLARE_TR_FUNCTIONS(Base64Decoder)
public:
    // The registry must outlive the decoder (it normally owns it).
    explicit Base64Decoder(const PayloadDecoderRegistry &registry);

    QString id() const override;
    QString displayName() const override;
    DecodedPayload decode(const QByteArray &payload) const override;

private:
    const PayloadDecoderRegistry &m_registry;
};
