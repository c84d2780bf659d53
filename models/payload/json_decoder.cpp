#include "payload/json_decoder.h"

#include "payload/json_source_layout.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

namespace {

bool isJsonWhitespace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

qsizetype firstNonWhitespace(const QByteArray &payload)
{
    for (qsizetype i = 0; i < payload.size(); ++i) {
        if (!isJsonWhitespace(payload.at(i)))
            return i;
    }
    return -1;
}

struct StructureScan
{
    qsizetype tooDeepAt = -1;          // offset of the bracket that exceeds the limit
    qsizetype firstTopLevelComma = -1; // a second top-level value starts after it
};

// Linear and non-recursive, so it is safe on any input.
StructureScan scanStructure(const QByteArray &payload)
{
    StructureScan scan;
    int depth = 0;
    bool inString = false;
    bool escaped = false;
    for (qsizetype i = 0; i < payload.size(); ++i) {
        const char c = payload.at(i);
        if (inString) {
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                inString = false;
            continue;
        }
        switch (c) {
        case '"':
            inString = true;
            break;
        case '[':
        case '{':
            if (++depth > PayloadDecoder::MaximumNestingDepth) {
                scan.tooDeepAt = i;
                return scan;
            }
            break;
        case ']':
        case '}':
            if (depth > 0)
                --depth;
            break;
        case ',':
            if (depth == 0 && scan.firstTopLevelComma < 0)
                scan.firstTopLevelComma = i;
            break;
        default:
            break;
        }
    }
    return scan;
}

// The one place that turns QJsonParseError codes into our (translated) words.
QString reasonFor(QJsonParseError::ParseError error)
{
    switch (error) {
    case QJsonParseError::NoError:
        break;
    case QJsonParseError::UnterminatedObject:
        return JsonDecoder::tr("unterminated object");
    case QJsonParseError::MissingNameSeparator:
        return JsonDecoder::tr("missing ':' after an object key");
    case QJsonParseError::UnterminatedArray:
        return JsonDecoder::tr("unterminated array");
    case QJsonParseError::MissingValueSeparator:
        return JsonDecoder::tr("missing ',' between values");
    case QJsonParseError::IllegalValue:
        return JsonDecoder::tr("illegal value");
    case QJsonParseError::TerminationByNumber:
        return JsonDecoder::tr("input ends inside a number");
    case QJsonParseError::IllegalNumber:
        return JsonDecoder::tr("invalid number");
    case QJsonParseError::IllegalEscapeSequence:
        return JsonDecoder::tr("invalid escape sequence");
    case QJsonParseError::IllegalUTF8String:
        return JsonDecoder::tr("invalid UTF-8 in a string");
    case QJsonParseError::UnterminatedString:
        return JsonDecoder::tr("unterminated string");
    case QJsonParseError::MissingObject:
        return JsonDecoder::tr("a value is missing after ','");
    case QJsonParseError::DeepNesting:
        return JsonDecoder::tr("nesting too deep for the JSON parser");
    case QJsonParseError::DocumentTooLarge:
        return JsonDecoder::tr("document too large for the JSON parser");
    case QJsonParseError::GarbageAtEnd:
        return JsonDecoder::tr("unexpected data after the end of the document");
    }
    return JsonDecoder::tr("unknown JSON error %1").arg(int(error));
}

JsonDecoder::ParseResult parseFailure(qint64 position, const QString &reason)
{
    JsonDecoder::ParseResult result;
    result.errorPosition = position;
    result.errorReason = reason;
    return result;
}

} // namespace

QString JsonDecoder::id() const
{
    return QStringLiteral("json");
}

QString JsonDecoder::displayName() const
{
    return tr("JSON");
}

DecodedPayload JsonDecoder::decode(const QByteArray &payload) const
{
    const ParseResult parsed = parse(payload);
    if (!parsed.ok)
        return failure(payload, parsed.errorPosition, parsed.errorReason);
    DecodedPayload result = success(payload, JsonSourceLayout::prettyText(payload));
    result.tree = std::make_shared<const PayloadTreeNode>(JsonSourceLayout::tree(payload));
    return result;
}

JsonDecoder::ParseResult JsonDecoder::parse(const QByteArray &payload)
{
    const qsizetype start = firstNonWhitespace(payload);
    if (start < 0)
        return parseFailure(payload.size(), payload.isEmpty() ? tr("empty payload") : tr("no value, only whitespace"));

    const StructureScan scan = scanStructure(payload);
    if (scan.tooDeepAt >= 0)
        return parseFailure(scan.tooDeepAt, tr("nesting deeper than %1 levels").arg(MaximumNestingDepth));

    const char first = payload.at(start);
    if (first == '{' || first == '[') {
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(payload, &error);
        // Qt reports some errors one past the end; keep positions inside the payload.
        if (error.error != QJsonParseError::NoError)
            return parseFailure(qBound(qint64(0), qint64(error.offset), qint64(payload.size())), reasonFor(error.error));
        ParseResult result;
        result.ok = true;
        result.value = document.isObject() ? QJsonValue(document.object()) : QJsonValue(document.array());
        return result;
    }
    // Qt would call "running" an invalid number; no JSON value starts like that.
    if (!QByteArrayView("\"-0123456789tfn").contains(first))
        return parseFailure(start, reasonFor(QJsonParseError::IllegalValue));

    // QJsonDocument only takes objects and arrays at top level: parse a bare
    // value as the only element of an array and map offsets back.
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson('[' + payload + ']', &error);
    if (error.error != QJsonParseError::NoError)
        return parseFailure(qBound(qint64(0), qint64(error.offset) - 1, qint64(payload.size())), reasonFor(error.error));
    const QJsonArray wrapper = document.array();
    if (wrapper.size() != 1)
        return parseFailure(scan.firstTopLevelComma >= 0 ? scan.firstTopLevelComma : start,
                            reasonFor(QJsonParseError::GarbageAtEnd));
    ParseResult result;
    result.ok = true;
    result.value = wrapper.at(0);
    return result;
}

bool JsonDecoder::isJsonContainer(const QByteArray &payload)
{
    const qsizetype start = firstNonWhitespace(payload);
    if (start < 0)
        return false;
    const char first = payload.at(start);
    return (first == '{' || first == '[') && parse(payload).ok;
}
