#pragma once

#include <QByteArray>
#include <QString>

// Presentation helpers for payloads shared by the topic tree, the message
// view and the publish history. Decoding itself (text, JSON, CBOR, hex,
// base64, detection) belongs to PayloadDecoderRegistry in models/payload.
// Pure functions, callable from any thread.
namespace PayloadFormat {

// A one-line preview: at most maxChars characters of text with line breaks
// folded into spaces, or "<N bytes binary>" / "(empty)". Only the head of
// the payload is examined.
QString preview(const QByteArray &payload, int maxChars = 80);

// "512 bytes", "1.4 KB", "16.0 MB".
QString formatSize(qint64 bytes);

} // namespace PayloadFormat
