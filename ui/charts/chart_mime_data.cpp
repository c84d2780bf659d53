#include "chart_mime_data.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMimeData>

QString ChartMimeData::topicMimeType()
{
    return QStringLiteral("application/x-linescope-topics");
}

QString ChartMimeData::seriesMimeType()
{
    return QStringLiteral("application/x-linescope-series");
}

QMimeData *ChartMimeData::fromTopics(const QStringList &topics)
{
    auto *data = new QMimeData;
    data->setData(topicMimeType(), QJsonDocument(QJsonArray::fromStringList(topics)).toJson(QJsonDocument::Compact));
    data->setText(topics.join(u'\n'));
    return data;
}

QMimeData *ChartMimeData::fromSeries(const QList<SeriesKey> &keys)
{
    QJsonArray array;
    QStringList text;
    for (const SeriesKey &key : keys) {
        array.append(QJsonObject{{QStringLiteral("source"), key.source}, {QStringLiteral("measurement"), key.measurement}});
        text.append(key.source + u' ' + key.measurement);
    }
    auto *data = new QMimeData;
    data->setData(seriesMimeType(), QJsonDocument(array).toJson(QJsonDocument::Compact));
    data->setText(text.join(u'\n'));
    return data;
}

bool ChartMimeData::canDecode(const QMimeData *data)
{
    return data && (data->hasFormat(topicMimeType()) || data->hasFormat(seriesMimeType()));
}

QStringList ChartMimeData::topics(const QMimeData *data)
{
    QStringList result;
    if (!data || !data->hasFormat(topicMimeType()))
        return result;
    const QJsonArray array = QJsonDocument::fromJson(data->data(topicMimeType())).array();
    for (const QJsonValue &value : array) {
        if (value.isString() && !value.toString().isEmpty())
            result.append(value.toString());
    }
    return result;
}

QList<SeriesKey> ChartMimeData::series(const QMimeData *data)
{
    QList<SeriesKey> result;
    if (!data || !data->hasFormat(seriesMimeType()))
        return result;
    const QJsonArray array = QJsonDocument::fromJson(data->data(seriesMimeType())).array();
    for (const QJsonValue &value : array) {
        const QJsonObject object = value.toObject();
        SeriesKey key{object.value(QStringLiteral("source")).toString(), object.value(QStringLiteral("measurement")).toString()};
        if (!key.measurement.isEmpty())
            result.append(key);
    }
    return result;
}
