#pragma once

#include <QCoreApplication>
#include <QJsonValue>
#include <QString>

// JSON Pointer (RFC 6901) over QJsonValue. "" is the whole document, "/a/0/b"
// walks object members and array indexes, "~1" is '/' and "~0" is '~' inside
// a reference token. Pure; callable from any thread.
class JsonPointer
{
    Q_DECLARE_TR_FUNCTIONS(JsonPointer)
public:
    // Empty when the pointer is well-formed; otherwise a translated sentence
    // naming what is wrong (it must be empty or start with '/', "~" must be
    // followed by 0 or 1).
    static QString validate(const QString &pointer);

    // The value the pointer refers to, or QJsonValue::Undefined when it is
    // malformed or does not resolve (missing member, index out of range or not
    // a decimal index without leading zeros, or stepping into a scalar).
    // A member that exists with value null gives QJsonValue::Null.
    static QJsonValue resolve(const QJsonValue &root, const QString &pointer);
};
