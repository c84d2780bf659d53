#pragma once

#include <QByteArray>
#include <QString>

// Presentation helpers for payloads shared by the topic tree, the message
// view and the publish history. Pure functions, callable from any thread.
namespace PayloadFormat {

// True when the bytes are valid UTF-8 without control characters other than
// tab, CR and LF, i.e. they read as text.
bool isText(const QByteArray &payload);

// A one-line preview: at most maxChars characters of text with line breaks
// folded into spaces, or "<N bytes binary>" / "(empty)".
QString preview(const QByteArray &payload, int maxChars = 80);

// "512 bytes", "1.4 KB", "16.0 MB".
QString formatSize(qint64 bytes);

// Result of pretty-printing a payload as JSON.
struct JsonResult
{
    bool ok = false;
    QString text;    // indented JSON when ok
    QString error;   // translated reason when not ok
};

// Validates the payload as JSON (objects, arrays and scalars) and re-indents
// it. Keys keep their order and numbers keep their exact text, unlike a
// QJsonDocument round trip. Linear in the payload size.
JsonResult prettyJson(const QByteArray &payload);

} // namespace PayloadFormat
