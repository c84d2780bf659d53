#include "json_pointer.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>

namespace {

// Undoes the RFC 6901 escapes of one reference token; false on a bad "~".
bool unescapeToken(QStringView token, QString *out)
{
    out->clear();
    out->reserve(token.size());
    for (qsizetype i = 0; i < token.size(); ++i) {
        const QChar c = token[i];
        if (c != u'~') {
            out->append(c);
            continue;
        }
        if (i + 1 >= token.size())
            return false;
        const QChar next = token[++i];
        if (next == u'0')
            out->append(u'~');
        else if (next == u'1')
            out->append(u'/');
        else
            return false;
    }
    return true;
}

// RFC 6901: "0" or digits without a leading zero.
bool parseIndex(const QString &token, qsizetype *index)
{
    if (token.isEmpty() || (token.size() > 1 && token.front() == u'0'))
        return false;
    for (const QChar c : token) {
        if (c < u'0' || c > u'9')
            return false;
    }
    bool ok = false;
    const qlonglong value = token.toLongLong(&ok);
    if (!ok)
        return false;
    *index = qsizetype(value);
    return true;
}

} // namespace

QString JsonPointer::validate(const QString &pointer)
{
    if (pointer.isEmpty())
        return {};
    if (pointer.front() != u'/')
        return tr("The JSON pointer \"%1\" must be empty or start with \"/\".").arg(pointer);
    for (qsizetype i = 0; i < pointer.size(); ++i) {
        if (pointer[i] != u'~')
            continue;
        if (i + 1 >= pointer.size() || (pointer[i + 1] != u'0' && pointer[i + 1] != u'1'))
            return tr("The JSON pointer \"%1\" has a \"~\" at position %2 that is not followed by 0 or 1 "
                      "(write \"~0\" for \"~\" and \"~1\" for \"/\").")
                .arg(pointer)
                .arg(i);
    }
    return {};
}

QJsonValue JsonPointer::resolve(const QJsonValue &root, const QString &pointer)
{
    if (pointer.isEmpty())
        return root;
    if (pointer.front() != u'/')
        return QJsonValue(QJsonValue::Undefined);

    QJsonValue current = root;
    QString token;
    const QStringView rest = QStringView(pointer).mid(1);
    for (const QStringView rawToken : rest.split(u'/')) {
        if (!unescapeToken(rawToken, &token))
            return QJsonValue(QJsonValue::Undefined);
        if (current.isObject()) {
            const QJsonObject object = current.toObject();
            const auto it = object.constFind(token);
            if (it == object.constEnd())
                return QJsonValue(QJsonValue::Undefined);
            current = it.value();
        } else if (current.isArray()) {
            const QJsonArray array = current.toArray();
            qsizetype index = 0;
            if (!parseIndex(token, &index) || index >= array.size())
                return QJsonValue(QJsonValue::Undefined);
            current = array.at(index);
        } else {
            return QJsonValue(QJsonValue::Undefined);
        }
    }
    return current;
}
