#include "json_settings_file.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

#include <limits>

namespace {

class Text
{
    Q_DECLARE_TR_FUNCTIONS(JsonSettingsFile)
};

bool isWholeNumber(const QJsonValue &value)
{
    return value.isDouble() && value.toDouble() == double(qint64(value.toDouble()));
}

} // namespace

bool JsonSettingsFile::read(const QString &file, QJsonObject *object, QString *error)
{
    *object = QJsonObject();
    QFile in(file);
    if (!in.exists())
        return true;
    if (!in.open(QIODevice::ReadOnly)) {
        *error = Text::tr("The settings file %1 cannot be read: %2.").arg(QDir::toNativeSeparators(file), in.errorString());
        return false;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(in.readAll(), &parseError);
    if (!document.isObject()) {
        const QString reason = parseError.error == QJsonParseError::NoError ? Text::tr("the top level is not an object") : parseError.errorString();
        *error = Text::tr("The settings file %1 is not a JSON object: %2. Fix or delete the file.")
                     .arg(QDir::toNativeSeparators(file), reason);
        return false;
    }
    *object = document.object();
    return true;
}

bool JsonSettingsFile::write(const QString &file, const QJsonObject &object, QString *error)
{
    QDir().mkpath(QFileInfo(file).absolutePath());
    QSaveFile out(file);
    const QByteArray data = QJsonDocument(object).toJson();
    if (!out.open(QIODevice::WriteOnly) || out.write(data) != data.size() || !out.commit()) {
        *error = Text::tr("The settings file %1 cannot be written: %2.").arg(QDir::toNativeSeparators(file), out.errorString());
        return false;
    }
    return true;
}

JsonSettingsFile::Reader::Reader(const QJsonObject &object, const QString &fileName)
    : m_object(object)
    , m_fileName(fileName)
{
}

QJsonValue JsonSettingsFile::Reader::take(const QString &key)
{
    m_known.append(key);
    return m_object.value(key);
}

void JsonSettingsFile::Reader::typeError(const QString &key, const char *expected)
{
    if (m_error.isEmpty())
        m_error = Text::tr("%1: \"%2\" must be %3.").arg(m_fileName, key, Text::tr(expected));
}

void JsonSettingsFile::Reader::read(const QString &key, bool *value)
{
    const QJsonValue v = take(key);
    if (v.isUndefined() || v.isNull())
        return;
    if (v.isBool())
        *value = v.toBool();
    else
        typeError(key, QT_TRANSLATE_NOOP("JsonSettingsFile", "true or false"));
}

void JsonSettingsFile::Reader::read(const QString &key, int *value)
{
    const QJsonValue v = take(key);
    if (v.isUndefined() || v.isNull())
        return;
    if (isWholeNumber(v) && v.toDouble() >= std::numeric_limits<int>::min() && v.toDouble() <= std::numeric_limits<int>::max())
        *value = int(v.toDouble());
    else
        typeError(key, QT_TRANSLATE_NOOP("JsonSettingsFile", "a whole number"));
}

void JsonSettingsFile::Reader::read(const QString &key, qint64 *value)
{
    const QJsonValue v = take(key);
    if (v.isUndefined() || v.isNull())
        return;
    if (isWholeNumber(v))
        *value = qint64(v.toDouble());
    else
        typeError(key, QT_TRANSLATE_NOOP("JsonSettingsFile", "a whole number"));
}

void JsonSettingsFile::Reader::read(const QString &key, QString *value)
{
    const QJsonValue v = take(key);
    if (v.isUndefined() || v.isNull())
        return;
    if (v.isString())
        *value = v.toString();
    else
        typeError(key, QT_TRANSLATE_NOOP("JsonSettingsFile", "a string"));
}

void JsonSettingsFile::Reader::read(const QString &key, QStringList *value)
{
    const QJsonValue v = take(key);
    if (v.isUndefined() || v.isNull())
        return;
    QStringList list;
    bool ok = v.isArray();
    const QJsonArray array = v.toArray();
    for (const QJsonValue &item : array) {
        ok = ok && item.isString();
        list.append(item.toString());
    }
    if (ok)
        *value = list;
    else
        typeError(key, QT_TRANSLATE_NOOP("JsonSettingsFile", "a list of strings"));
}

QStringList JsonSettingsFile::Reader::unknownKeys() const
{
    QStringList unknown;
    const QStringList keys = m_object.keys();
    for (const QString &key : keys) {
        if (!m_known.contains(key))
            unknown.append(key);
    }
    return unknown;
}
