#include "payload/hex_decoder.h"

#include <array>

QString HexDecoder::id() const
{
    return QStringLiteral("hex");
}

QString HexDecoder::displayName() const
{
    return tr("Hex dump");
}

DecodedPayload HexDecoder::decode(const QByteArray &payload) const
{
    const qint64 renderedLines = qMin(lineCount(payload), qint64(MaximumRenderedBytes / BytesPerLine));
    QString text;
    text.reserve(qsizetype(renderedLines) * 80);
    for (qint64 line = 0; line < renderedLines; ++line) {
        if (line > 0)
            text += u'\n';
        text += hexLine(payload, line);
    }
    DecodedPayload result = success(payload, text);
    if (payload.size() > MaximumRenderedBytes) {
        result.textTruncated = true;
        result.text += u'\n'
            + tr("(first %1 of %2 bytes shown)").arg(MaximumRenderedBytes).arg(payload.size());
    }
    return result;
}

qint64 HexDecoder::lineCount(const QByteArray &payload)
{
    return (qint64(payload.size()) + BytesPerLine - 1) / BytesPerLine;
}

QString HexDecoder::hexLine(const QByteArray &payload, qint64 lineIndex)
{
    if (lineIndex < 0 || lineIndex >= lineCount(payload))
        return QString();

    static constexpr char digits[] = "0123456789abcdef";
    const qint64 offset = lineIndex * BytesPerLine;
    const qsizetype count = qsizetype(qMin<qint64>(BytesPerLine, payload.size() - offset));
    const auto *bytes = reinterpret_cast<const uchar *>(payload.constData()) + offset;

    // "%08x  " + 16 * "xx " + 1 group gap + " |" + ascii + "|". Eight offset digits
    // cover 4 GiB; MQTT payloads are at most 256 MB.
    std::array<char, 8 + 2 + BytesPerLine * 3 + 1 + 1 + 1 + BytesPerLine + 1> line{};
    qsizetype pos = 0;
    for (int shift = 28; shift >= 0; shift -= 4)
        line[pos++] = digits[(offset >> shift) & 0xF];
    line[pos++] = ' ';
    line[pos++] = ' ';
    for (qsizetype i = 0; i < BytesPerLine; ++i) {
        if (i == BytesPerLine / 2)
            line[pos++] = ' ';
        if (i < count) {
            line[pos++] = digits[bytes[i] >> 4];
            line[pos++] = digits[bytes[i] & 0xF];
        } else {
            line[pos++] = ' ';
            line[pos++] = ' ';
        }
        line[pos++] = ' ';
    }
    line[pos++] = ' ';
    line[pos++] = '|';
    for (qsizetype i = 0; i < count; ++i)
        line[pos++] = (bytes[i] >= 0x20 && bytes[i] < 0x7F) ? char(bytes[i]) : '.';
    line[pos++] = '|';
    return QString::fromLatin1(line.data(), pos);
}
