#include "payload_format.h"

#include "payload/utf8_text_decoder.h"

#include <QCoreApplication>
#include <QLocale>

namespace PayloadFormat {

namespace {

// The head of a longer payload may end inside a UTF-8 sequence; that cut is
// not an error, so up to three trailing bytes of an unfinished sequence are
// left out of the check.
bool headIsText(const QByteArray &head, bool truncated)
{
    if (Utf8TextDecoder::isPlainText(head))
        return true;
    if (!truncated)
        return false;
    const qsizetype invalid = Utf8TextDecoder::firstInvalidUtf8(head);
    return invalid >= 0 && invalid >= head.size() - 3 && Utf8TextDecoder::isPlainText(head.left(invalid));
}

} // namespace

QString preview(const QByteArray &payload, int maxChars)
{
    if (payload.isEmpty())
        return QCoreApplication::translate("PayloadFormat", "(empty)");
    // Only the head is decoded, so a 16 MB payload costs as much as a small one.
    const QByteArray head = payload.left(maxChars * 4);
    if (!headIsText(head, head.size() < payload.size()))
        return QCoreApplication::translate("PayloadFormat", "<%1 binary>").arg(formatSize(payload.size()));
    QString text = QString::fromUtf8(head).left(maxChars);
    for (QChar &c : text) {
        if (c == u'\n' || c == u'\r' || c == u'\t')
            c = u' ';
    }
    if (text.size() == maxChars && payload.size() > text.toUtf8().size())
        text.append(QChar(0x2026));
    return text;
}

QString formatSize(qint64 bytes)
{
    if (bytes == 1)
        return QCoreApplication::translate("PayloadFormat", "1 byte");
    if (bytes < 1024)
        return QCoreApplication::translate("PayloadFormat", "%1 bytes").arg(bytes);
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

} // namespace PayloadFormat
