#include "measurement_csv.h"

#include "measurement_extractor.h"
#include "measurement_quality.h"
#include "measurement_sample.h"

#include <QDateTime>
#include <QLocale>

QString MeasurementCsv::header()
{
    return QStringLiteral("device_time,receive_time,device_id,topic,measurement,value,unit,quality");
}

QString MeasurementCsv::quoteField(const QString &field)
{
    const bool needsQuotes = field.contains(u',') || field.contains(u'"') || field.contains(u'\r')
        || field.contains(u'\n');
    if (!needsQuotes)
        return field;
    QString quoted = field;
    quoted.replace(QStringLiteral("\""), QStringLiteral("\"\""));
    return u'"' + quoted + u'"';
}

QString MeasurementCsv::formatTime(qint64 epochMs)
{
    return QDateTime::fromMSecsSinceEpoch(epochMs, Qt::UTC).toString(Qt::ISODateWithMs);
}

QString MeasurementCsv::formatValue(double value)
{
    return QString::number(value, 'g', QLocale::FloatingPointShortest);
}

QString MeasurementCsv::row(const MeasurementSample &sample, const QString &deviceId, const QString &topic,
                            const QString &measurement, const QString &unit)
{
    return formatTime(sample.deviceTimeMs) + u',' + formatTime(sample.receiveTimeMs) + u',' + quoteField(deviceId)
        + u',' + quoteField(topic) + u',' + quoteField(measurement) + u',' + formatValue(sample.value) + u','
        + quoteField(unit) + u',' + MeasurementQuality::name(sample.quality);
}

QString MeasurementCsv::row(const ExtractedSample &sample)
{
    return row(sample.sample, sample.deviceId, sample.topic, sample.key.measurement, sample.unit);
}
