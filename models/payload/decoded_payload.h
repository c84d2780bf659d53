#pragma once

#include "payload/payload_tree_node.h"

#include <QByteArray>
#include <QMetaType>
#include <QString>

#include <memory>

// What a PayloadDecoder made of one payload. Never an empty result:
// - ok: `text` is the rendering (pretty JSON, CBOR diagnostic notation, hex
//   dump, ...); `tree` is set by decoders with structure (JSON, CBOR).
// - failed: errorPosition/errorReason/errorString say where and why, `text`
//   holds the best the decoder could still show (the lossy text for UTF-8,
//   otherwise errorString), and `raw` keeps the bytes for a hex/raw view
//   (HexDecoder::hexLine renders them lazily).
// An empty payload decodes to ok with the text "(empty payload)" for the
// decoders that accept it (text, hex, base64); JSON and CBOR report an error.
struct DecodedPayload
{
    QString decoderId;
    bool ok = false;
    QString text;
    bool textTruncated = false;   // text covers only the start (hex dump of big payloads)
    std::shared_ptr<const PayloadTreeNode> tree;   // null when the format has no structure

    qint64 errorPosition = -1;    // byte offset into `raw`, -1 when ok
    QString errorReason;          // translated, e.g. "unterminated string"
    QString errorString;          // translated, e.g. "JSON: unterminated string at byte 57"

    QByteArray raw;               // the payload as received

    // Set by decoders that unwrap an encoding (base64): the unwrapped bytes and
    // the id of the decoder that rendered them.
    QString innerDecoderId;
    QByteArray innerPayload;
};

Q_DECLARE_METATYPE(DecodedPayload)
