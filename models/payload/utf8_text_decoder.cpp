#include "payload/utf8_text_decoder.h"

namespace {

enum class Utf8Problem { None, Invalid, Truncated };

struct Utf8Check
{
    qsizetype offset = -1;
    Utf8Problem problem = Utf8Problem::None;
};

// Well-formed byte sequences per the Unicode standard, table 3-7.
Utf8Check checkUtf8(const QByteArray &payload)
{
    const auto *bytes = reinterpret_cast<const uchar *>(payload.constData());
    const qsizetype size = payload.size();
    qsizetype i = 0;
    while (i < size) {
        const uchar lead = bytes[i];
        if (lead < 0x80) {
            ++i;
            continue;
        }
        qsizetype length = 0;
        uchar low = 0x80;
        uchar high = 0xBF;
        if (lead >= 0xC2 && lead <= 0xDF) {
            length = 2;
        } else if (lead == 0xE0) {
            length = 3;
            low = 0xA0;
        } else if ((lead >= 0xE1 && lead <= 0xEC) || lead == 0xEE || lead == 0xEF) {
            length = 3;
        } else if (lead == 0xED) {
            length = 3;
            high = 0x9F;
        } else if (lead == 0xF0) {
            length = 4;
            low = 0x90;
        } else if (lead >= 0xF1 && lead <= 0xF3) {
            length = 4;
        } else if (lead == 0xF4) {
            length = 4;
            high = 0x8F;
        } else {
            return {i, Utf8Problem::Invalid};
        }
        for (qsizetype k = 1; k < length; ++k) {
            if (i + k >= size)
                return {i, Utf8Problem::Truncated};
            const uchar c = bytes[i + k];
            const uchar min = k == 1 ? low : uchar(0x80);
            const uchar max = k == 1 ? high : uchar(0xBF);
            if (c < min || c > max)
                return {i, Utf8Problem::Invalid};
        }
        i += length;
    }
    return {};
}

QString withControlPictures(QString text)
{
    for (QChar &c : text) {
        const char16_t u = c.unicode();
        if (u < 0x20 && u != u'\t' && u != u'\n' && u != u'\r')
            c = QChar(char16_t(0x2400 + u));
        else if (u == 0x7F)
            c = QChar(char16_t(0x2421));
    }
    return text;
}

} // namespace

QString Utf8TextDecoder::id() const
{
    return QStringLiteral("text");
}

QString Utf8TextDecoder::displayName() const
{
    return tr("UTF-8 text");
}

DecodedPayload Utf8TextDecoder::decode(const QByteArray &payload) const
{
    const QString text = withControlPictures(QString::fromUtf8(payload));
    const Utf8Check check = checkUtf8(payload);
    switch (check.problem) {
    case Utf8Problem::None:
        break;
    case Utf8Problem::Invalid:
        return failure(payload, check.offset, tr("invalid UTF-8 sequence"), text);
    case Utf8Problem::Truncated:
        return failure(payload, check.offset, tr("truncated UTF-8 sequence"), text);
    }
    return success(payload, text);
}

qsizetype Utf8TextDecoder::firstInvalidUtf8(const QByteArray &payload)
{
    return checkUtf8(payload).offset;
}

bool Utf8TextDecoder::isPlainText(const QByteArray &payload)
{
    const auto *bytes = reinterpret_cast<const uchar *>(payload.constData());
    const qsizetype size = payload.size();
    for (qsizetype i = 0; i < size; ++i) {
        const uchar c = bytes[i];
        if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F)
            return false;
        // C1 controls U+0080..U+009F are encoded as C2 80..C2 9F.
        if (c == 0xC2 && i + 1 < size && bytes[i + 1] >= 0x80 && bytes[i + 1] <= 0x9F)
            return false;
    }
    return firstInvalidUtf8(payload) < 0;
}
