#include "payload/payload_decoder.h"

PayloadDecoder::~PayloadDecoder() = default;

bool PayloadDecoder::recognizes(const QString &topic, const QByteArray &payload) const
{
    Q_UNUSED(topic)
    Q_UNUSED(payload)
    return false;
}

QString PayloadDecoder::emptyPayloadText()
{
    return tr("(empty payload)");
}

QString PayloadDecoder::halvedIndentation(QStringView text)
{
    QString out;
    out.reserve(text.size());
    qsizetype lineStart = 0;
    while (lineStart <= text.size()) {
        qsizetype lineEnd = text.indexOf(u'\n', lineStart);
        if (lineEnd < 0)
            lineEnd = text.size();
        qsizetype spaces = 0;
        while (lineStart + spaces < lineEnd && text.at(lineStart + spaces) == u' ')
            ++spaces;
        if (lineStart > 0)
            out += u'\n';
        out.append(QString(spaces / 2, u' '));
        out.append(text.mid(lineStart + spaces, lineEnd - lineStart - spaces));
        lineStart = lineEnd + 1;
    }
    return out;
}

DecodedPayload PayloadDecoder::success(const QByteArray &payload, const QString &text) const
{
    DecodedPayload result;
    result.decoderId = id();
    result.ok = true;
    result.text = text.isEmpty() ? emptyPayloadText() : text;
    result.raw = payload;
    return result;
}

DecodedPayload PayloadDecoder::failure(const QByteArray &payload, qint64 position, const QString &reason,
                                       const QString &text) const
{
    DecodedPayload result;
    result.decoderId = id();
    result.ok = false;
    result.errorPosition = position;
    result.errorReason = reason;
    //: %1 is the decoder name (JSON, CBOR, ...), %2 the reason, %3 a byte offset
    result.errorString = tr("%1: %2 at byte %3").arg(displayName(), reason).arg(position);
    result.text = text.isEmpty() ? result.errorString : text;
    result.raw = payload;
    return result;
}
