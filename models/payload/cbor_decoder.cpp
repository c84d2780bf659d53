#include "payload/cbor_decoder.h"

#include <QCborArray>
#include <QCborMap>
#include <QCborStreamReader>
#include <QCborValue>

#include <vector>

namespace {

// The one place that turns QCborError codes into our (translated) words.
QString reasonFor(QCborError error)
{
    switch (error.c) {
    case QCborError::NoError:
        break;
    case QCborError::UnknownError:
        return CborDecoder::tr("unknown error");
    case QCborError::AdvancePastEnd:
        return CborDecoder::tr("read past the end of a container");
    case QCborError::InputOutputError:
        return CborDecoder::tr("input/output error");
    case QCborError::GarbageAtEnd:
        return CborDecoder::tr("unexpected data after the end of the item");
    case QCborError::EndOfFile:
        return CborDecoder::tr("data ends in the middle of an item");
    case QCborError::UnexpectedBreak:
        return CborDecoder::tr("unexpected break byte (0xff)");
    case QCborError::UnknownType:
        return CborDecoder::tr("unknown major type or additional information");
    case QCborError::IllegalType:
        return CborDecoder::tr("illegal type in an indefinite-length string");
    case QCborError::IllegalNumber:
        return CborDecoder::tr("illegal length or number encoding");
    case QCborError::IllegalSimpleType:
        return CborDecoder::tr("illegal simple type");
    case QCborError::InvalidUtf8String:
        return CborDecoder::tr("invalid UTF-8 in a text string");
    case QCborError::DataTooLarge:
        return CborDecoder::tr("data too large");
    case QCborError::NestingTooDeep:
        return CborDecoder::tr("nesting too deep for the CBOR parser");
    case QCborError::UnsupportedType:
        return CborDecoder::tr("unsupported type");
    }
    return CborDecoder::tr("unknown CBOR error %1").arg(int(error.c));
}

CborDecoder::ScanResult scanFailure(qint64 position, const QString &reason)
{
    CborDecoder::ScanResult result;
    result.errorPosition = position;
    result.errorReason = reason;
    return result;
}

CborDecoder::ScanResult readerFailure(QCborStreamReader &reader)
{
    const QCborError error = reader.lastError();
    return scanFailure(reader.currentOffset(),
                       reasonFor(error.c == QCborError::NoError ? QCborError{QCborError::UnknownError} : error));
}

QString bytesText(const QByteArray &bytes)
{
    constexpr qsizetype shown = 64;
    if (bytes.size() <= shown)
        return QString::fromLatin1(bytes.toHex(' '));
    //: %1 the first bytes in hex, %2 the total number of bytes
    return CborDecoder::tr("%1 ... (%2 bytes in total)").arg(QString::fromLatin1(bytes.left(shown).toHex(' '))).arg(bytes.size());
}

// Recursion is bounded by MaximumNestingDepth, checked by scan() first.
PayloadTreeNode toNode(const QString &name, const QCborValue &value)
{
    PayloadTreeNode node;
    node.name = name;
    if (value.isMap()) {
        node.kind = PayloadTreeNode::Kind::Object;
        const QCborMap map = value.toMap();
        node.children.reserve(size_t(map.size()));
        for (auto it = map.constBegin(); it != map.constEnd(); ++it) {
            const QCborValue key = it.key();
            const QString keyText = key.isString() ? key.toString() : key.toDiagnosticNotation(QCborValue::Compact);
            node.children.push_back(toNode(keyText, it.value()));
        }
    } else if (value.isArray()) {
        node.kind = PayloadTreeNode::Kind::Array;
        const QCborArray array = value.toArray();
        node.children.reserve(size_t(array.size()));
        for (qsizetype i = 0; i < array.size(); ++i)
            node.children.push_back(toNode(QString::number(i), array.at(i)));
    } else if (value.isTag()) {
        node.kind = PayloadTreeNode::Kind::Tag;
        node.value = CborDecoder::tr("tag %1").arg(quint64(value.tag()));
        node.children.push_back(toNode(QString(), value.taggedValue()));
    } else if (value.isString()) {
        node.kind = PayloadTreeNode::Kind::String;
        node.value = value.toString();
    } else if (value.isByteArray()) {
        node.kind = PayloadTreeNode::Kind::Bytes;
        node.value = bytesText(value.toByteArray());
    } else if (value.isInteger() || value.isDouble()) {
        node.kind = PayloadTreeNode::Kind::Number;
        node.value = value.toDiagnosticNotation(QCborValue::Compact);
    } else if (value.isBool()) {
        node.kind = PayloadTreeNode::Kind::Boolean;
        node.value = value.toDiagnosticNotation(QCborValue::Compact);
    } else if (value.isNull()) {
        node.kind = PayloadTreeNode::Kind::Null;
        node.value = QStringLiteral("null");
    } else if (value.isUndefined()) {
        node.kind = PayloadTreeNode::Kind::Undefined;
        node.value = QStringLiteral("undefined");
    } else {
        node.kind = PayloadTreeNode::Kind::Simple;
        node.value = value.toDiagnosticNotation(QCborValue::Compact);
    }
    return node;
}

} // namespace

QString CborDecoder::id() const
{
    return QStringLiteral("cbor");
}

QString CborDecoder::displayName() const
{
    return tr("CBOR");
}

DecodedPayload CborDecoder::decode(const QByteArray &payload) const
{
    const ScanResult structure = scan(payload);
    if (!structure.ok)
        return failure(payload, structure.errorPosition, structure.errorReason);

    QCborParserError error;
    const QCborValue value = QCborValue::fromCbor(payload, &error);
    if (error.error != QCborError::NoError)
        return failure(payload, error.offset, reasonFor(error.error));

    DecodedPayload result = success(payload, halvedIndentation(value.toDiagnosticNotation(QCborValue::LineWrapped)));
    result.tree = std::make_shared<const PayloadTreeNode>(toNode(QString(), value));
    return result;
}

CborDecoder::ScanResult CborDecoder::scan(const QByteArray &payload)
{
    if (payload.isEmpty())
        return scanFailure(0, tr("empty payload"));

    QCborStreamReader reader(payload);
    // Per open container: how many tags wrap it (they close together with it).
    std::vector<int> tagsAroundContainer;
    int depth = 0;        // open containers plus pending tags
    int pendingTags = 0;  // tags read whose item has not started yet
    bool done = false;
    while (!done) {
        if (reader.lastError() != QCborError::NoError)
            return readerFailure(reader);

        if (!tagsAroundContainer.empty() && !reader.hasNext()) {
            if (!reader.leaveContainer())
                return readerFailure(reader);
            depth -= 1 + tagsAroundContainer.back();
            tagsAroundContainer.pop_back();
            done = tagsAroundContainer.empty();
            continue;
        }

        switch (reader.type()) {
        case QCborStreamReader::Tag:
            ++pendingTags;
            if (++depth > MaximumNestingDepth)
                return scanFailure(reader.currentOffset(), tr("nesting deeper than %1 levels").arg(MaximumNestingDepth));
            if (!reader.next())
                return readerFailure(reader);
            break;
        case QCborStreamReader::Array:
        case QCborStreamReader::Map:
            if (++depth > MaximumNestingDepth)
                return scanFailure(reader.currentOffset(), tr("nesting deeper than %1 levels").arg(MaximumNestingDepth));
            tagsAroundContainer.push_back(pendingTags);
            pendingTags = 0;
            if (!reader.enterContainer())
                return readerFailure(reader);
            break;
        case QCborStreamReader::Invalid:
            if (reader.lastError() == QCborError::NoError)
                return scanFailure(reader.currentOffset(), reasonFor(QCborError{QCborError::EndOfFile}));
            break;
        default:
            // Scalars and strings: next() does not recurse for these.
            if (!reader.next())
                return readerFailure(reader);
            depth -= pendingTags;
            pendingTags = 0;
            done = tagsAroundContainer.empty();
            break;
        }
    }
    if (reader.lastError() != QCborError::NoError)
        return scanFailure(reader.currentOffset(), reasonFor(reader.lastError()));
    if (reader.currentOffset() != payload.size())
        return scanFailure(reader.currentOffset(), reasonFor(QCborError{QCborError::GarbageAtEnd}));

    ScanResult result;
    result.ok = true;
    return result;
}
