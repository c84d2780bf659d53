#include "payload_format.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QLocale>
#include <QStringDecoder>

namespace PayloadFormat {

namespace {

// partialTail: the bytes are a prefix cut at an arbitrary position, so an
// incomplete UTF-8 sequence at the end is not an error.
bool looksLikeText(const QByteArray &bytes, bool partialTail)
{
    for (const char c : bytes) {
        const auto u = static_cast<unsigned char>(c);
        if ((u < 0x20 && u != '\t' && u != '\n' && u != '\r') || u == 0x7f)
            return false;
    }
    QStringDecoder decoder(QStringDecoder::Utf8,
                           partialTail ? QStringDecoder::Flag::Default : QStringDecoder::Flag::Stateless);
    // The conversion to QString runs the decoder; only its error state matters.
    const QString decoded = decoder.decode(bytes);
    Q_UNUSED(decoded)
    return !decoder.hasError();
}

} // namespace

bool isText(const QByteArray &payload)
{
    return looksLikeText(payload, false);
}

QString preview(const QByteArray &payload, int maxChars)
{
    if (payload.isEmpty())
        return QCoreApplication::translate("PayloadFormat", "(empty)");
    // Only the head is decoded, so a 16 MB payload costs as much as a small one.
    const QByteArray head = payload.left(maxChars * 4);
    if (!looksLikeText(head, head.size() < payload.size()))
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

namespace {

void appendIndent(QString &out, int depth)
{
    out.append(u'\n');
    out.append(QString(depth * 2, u' '));
}

bool isJsonWhitespace(QChar c)
{
    return c == u' ' || c == u'\t' || c == u'\n' || c == u'\r';
}

// Re-indents JSON that is already known to be valid, copying strings and
// numbers verbatim.
QString reindent(const QString &in)
{
    QString out;
    out.reserve(in.size() + in.size() / 4);
    int depth = 0;
    const qsizetype n = in.size();
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = in.at(i);
        if (c == u'"') {
            const qsizetype start = i++;
            while (i < n && in.at(i) != u'"') {
                if (in.at(i) == u'\\')
                    ++i;
                ++i;
            }
            out.append(QStringView(in).mid(start, i - start + 1));
            continue;
        }
        if (isJsonWhitespace(c))
            continue;
        if (c == u'{' || c == u'[') {
            qsizetype next = i + 1;
            while (next < n && isJsonWhitespace(in.at(next)))
                ++next;
            const QChar close = c == u'{' ? u'}' : u']';
            if (next < n && in.at(next) == close) {
                out.append(c);
                out.append(close);
                i = next;
                continue;
            }
            out.append(c);
            appendIndent(out, ++depth);
        } else if (c == u'}' || c == u']') {
            appendIndent(out, --depth);
            out.append(c);
        } else if (c == u',') {
            out.append(c);
            appendIndent(out, depth);
        } else if (c == u':') {
            out.append(u": ");
        } else {
            out.append(c);
        }
    }
    return out;
}

} // namespace

JsonResult prettyJson(const QByteArray &payload)
{
    JsonResult result;
    QJsonParseError parseError;
    QJsonDocument::fromJson(payload, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        // QJsonDocument accepts only objects and arrays; scalars are valid JSON too.
        QJsonParseError wrappedError;
        QJsonDocument::fromJson('[' + payload + ']', &wrappedError);
        if (wrappedError.error != QJsonParseError::NoError) {
            result.error = QCoreApplication::translate("PayloadFormat", "Not valid JSON: %1 (at byte %2).")
                               .arg(parseError.errorString())
                               .arg(parseError.offset);
            return result;
        }
    }
    result.ok = true;
    result.text = reindent(QString::fromUtf8(payload));
    return result;
}

} // namespace PayloadFormat
