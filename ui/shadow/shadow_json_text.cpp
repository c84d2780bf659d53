#include "shadow_json_text.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

namespace {

void collectLeaves(const QJsonObject &object, const QString &prefix, QStringList *out)
{
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        QString key = it.key();
        key.replace(u'~', QLatin1String("~0")).replace(u'/', QLatin1String("~1"));
        const QString path = prefix + u'/' + key;
        if (it.value().isObject() && !it.value().toObject().isEmpty())
            collectLeaves(it.value().toObject(), path, out);
        else
            *out << path;
    }
}

} // namespace

QString ShadowJsonText::compact(const QJsonValue &value)
{
    if (value.isUndefined())
        return {};
    // Through an array so that scalars get JSON's shortest number form.
    const QByteArray json = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(json.mid(1, json.size() - 2));
}

QString ShadowJsonText::pretty(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Indented));
}

bool ShadowJsonText::parseObject(const QString &text, QJsonObject *object, QString *error)
{
    const QByteArray utf8 = text.toUtf8();
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(utf8, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        // The offset counts bytes; report line and column in characters.
        const QString before = QString::fromUtf8(utf8.left(parseError.offset));
        const qsizetype line = before.count(u'\n') + 1;
        const qsizetype column = before.size() - (before.lastIndexOf(u'\n') + 1) + 1;
        *error = tr("JSON syntax error at line %1, column %2: %3.").arg(line).arg(column).arg(parseError.errorString());
        return false;
    }
    if (!document.isObject()) {
        *error = tr("The desired state must be a JSON object ({ … }).");
        return false;
    }
    *object = document.object();
    error->clear();
    return true;
}

QJsonObject ShadowJsonText::patch(const QJsonObject &base, const QJsonObject &edited)
{
    QJsonObject result;
    for (auto it = edited.constBegin(); it != edited.constEnd(); ++it) {
        const QJsonValue old = base.value(it.key());
        if (it.value().isNull()) {
            if (!old.isUndefined() && !old.isNull())
                result.insert(it.key(), QJsonValue::Null);
            continue;
        }
        if (it.value().isObject() && old.isObject()) {
            const QJsonObject nested = patch(old.toObject(), it.value().toObject());
            if (!nested.isEmpty())
                result.insert(it.key(), nested);
            continue;
        }
        if (old != it.value())
            result.insert(it.key(), it.value());
    }
    for (auto it = base.constBegin(); it != base.constEnd(); ++it) {
        if (!edited.contains(it.key()))
            result.insert(it.key(), QJsonValue::Null);
    }
    return result;
}

QStringList ShadowJsonText::leafPointers(const QJsonObject &object)
{
    QStringList result;
    collectLeaves(object, QString(), &result);
    return result;
}

QJsonValue ShadowJsonText::valueAt(const QJsonObject &object, const QString &pointer)
{
    QJsonValue value = object;
    const QStringList parts = pointer.split(u'/', Qt::SkipEmptyParts);
    for (QString part : parts) {
        part.replace(QLatin1String("~1"), QLatin1String("/")).replace(QLatin1String("~0"), QLatin1String("~"));
        if (value.isObject()) {
            value = value.toObject().value(part);
        } else if (value.isArray()) {
            bool ok = false;
            const int index = part.toInt(&ok);
            const QJsonArray array = value.toArray();
            if (!ok || index < 0 || index >= array.size())
                return QJsonValue(QJsonValue::Undefined);
            value = array.at(index);
        } else {
            return QJsonValue(QJsonValue::Undefined);
        }
        if (value.isUndefined())
            return value;
    }
    return value;
}
