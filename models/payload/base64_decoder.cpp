#include "payload/base64_decoder.h"

#include "payload/payload_decoder_registry.h"

namespace {

enum class Alphabet { Unknown, Standard, UrlSafe };

bool isBase64Whitespace(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

bool isCommonBase64Char(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

QString describeByte(char c)
{
    const auto byte = uchar(c);
    if (byte >= 0x21 && byte < 0x7F)
        return QStringLiteral("'%1'").arg(QChar(QLatin1Char(c)));
    return QStringLiteral("0x%1").arg(uint(byte), 2, 16, QLatin1Char('0'));
}

} // namespace

Base64Decoder::Base64Decoder(const PayloadDecoderRegistry &registry)
    : m_registry(registry)
{
}

QString Base64Decoder::id() const
{
    return QStringLiteral("base64");
}

QString Base64Decoder::displayName() const
{
    return tr("Base64");
}

DecodedPayload Base64Decoder::decode(const QByteArray &payload) const
{
    QByteArray clean;
    clean.reserve(payload.size());
    Alphabet alphabet = Alphabet::Unknown;
    qsizetype padding = 0;
    qsizetype firstPaddingAt = -1;
    for (qsizetype i = 0; i < payload.size(); ++i) {
        const char c = payload.at(i);
        if (isBase64Whitespace(c))
            continue;
        if (c == '=') {
            if (firstPaddingAt < 0)
                firstPaddingAt = i;
            if (++padding > 2)
                return failure(payload, i, tr("more than two '=' padding characters"));
            continue;
        }
        Alphabet needed = Alphabet::Unknown;
        if (c == '+' || c == '/')
            needed = Alphabet::Standard;
        else if (c == '-' || c == '_')
            needed = Alphabet::UrlSafe;
        else if (!isCommonBase64Char(c))
            return failure(payload, i, tr("invalid character %1").arg(describeByte(c)));
        if (padding > 0)
            return failure(payload, i, tr("data after '=' padding"));
        if (needed != Alphabet::Unknown) {
            if (alphabet != Alphabet::Unknown && alphabet != needed)
                return failure(payload, i, tr("%1 mixes the standard (+/) and URL-safe (-_) alphabets").arg(describeByte(c)));
            alphabet = needed;
        }
        clean += c;
    }

    const qsizetype remainder = clean.size() % 4;
    if (remainder == 1)
        return failure(payload, payload.size(), tr("%1 data characters cannot be complete base64 (one more than a multiple of 4)").arg(clean.size()));
    if (padding > 0 && (remainder == 0 || remainder + padding != 4))
        return failure(payload, firstPaddingAt, tr("wrong amount of '=' padding"));
    if (remainder > 0)
        clean.append(4 - remainder, '=');

    QByteArray::Base64Options options = QByteArray::AbortOnBase64DecodingErrors;
    options |= alphabet == Alphabet::UrlSafe ? QByteArray::Base64UrlEncoding : QByteArray::Base64Encoding;
    const QByteArray::FromBase64Result decoded = QByteArray::fromBase64Encoding(clean, options);
    if (!decoded)
        return failure(payload, 0, tr("not decodable as base64"));

    const QString innerId = m_registry.detect(decoded.decoded);
    const PayloadDecoder *inner = m_registry.decoder(innerId);
    Q_ASSERT(inner);
    const DecodedPayload innerResult = inner->decode(decoded.decoded);

    DecodedPayload result = success(payload, QString());
    result.innerDecoderId = innerId;
    result.innerPayload = decoded.decoded;
    result.tree = innerResult.tree;
    result.textTruncated = innerResult.textTruncated;
    //: %1 number of decoded bytes, %2 the decoder name used for them, %3 their rendering
    result.text = tr("Base64-decoded (%1 bytes), shown as %2:\n%3")
                      .arg(decoded.decoded.size())
                      .arg(inner->displayName(), innerResult.text);
    return result;
}
