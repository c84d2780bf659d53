#include "measurement_quality.h"

#include <QCoreApplication>
#include <QJsonValue>

#include <cmath>

namespace MeasurementQuality {

namespace {

void setParse(Parse *parse, Parse value)
{
    if (parse)
        *parse = value;
}

// "0x80000000", "2147483648": a whole number that fits a StatusCode.
bool parseStatusCodeText(const QString &text, quint32 *code)
{
    bool ok = false;
    qulonglong number = 0;
    if (text.startsWith(u"0x", Qt::CaseInsensitive))
        number = text.mid(2).toULongLong(&ok, 16);
    else
        number = text.toULongLong(&ok, 10);
    if (!ok || number > 0xFFFFFFFFull)
        return false;
    *code = quint32(number);
    return true;
}

} // namespace

Quality fromStatusCode(quint32 code, Parse *parse)
{
    switch (code >> 30) {
    case 0:
        setParse(parse, Parse::Recognised);
        return Quality::Good;
    case 1:
        setParse(parse, Parse::Recognised);
        return Quality::Uncertain;
    case 2:
        setParse(parse, Parse::Recognised);
        return Quality::Bad;
    default:
        break;
    }
    setParse(parse, Parse::Unrecognised);
    return Quality::Unknown;
}

Quality fromText(const QString &text, Parse *parse)
{
    const QString trimmed = text.trimmed();
    // Symbolic OPC-UA names carry their severity as the first word.
    if (trimmed.startsWith(u"good", Qt::CaseInsensitive)) {
        setParse(parse, Parse::Recognised);
        return Quality::Good;
    }
    if (trimmed.startsWith(u"uncertain", Qt::CaseInsensitive)) {
        setParse(parse, Parse::Recognised);
        return Quality::Uncertain;
    }
    if (trimmed.startsWith(u"bad", Qt::CaseInsensitive)) {
        setParse(parse, Parse::Recognised);
        return Quality::Bad;
    }
    quint32 code = 0;
    if (!trimmed.isEmpty() && parseStatusCodeText(trimmed, &code))
        return fromStatusCode(code, parse);
    setParse(parse, Parse::Unrecognised);
    return Quality::Unknown;
}

Quality fromJson(const QJsonValue &value, Parse *parse)
{
    switch (value.type()) {
    case QJsonValue::Undefined:
    case QJsonValue::Null:
        setParse(parse, Parse::Missing);
        return Quality::Unknown;
    case QJsonValue::String:
        return fromText(value.toString(), parse);
    case QJsonValue::Double: {
        const double number = value.toDouble();
        if (number >= 0.0 && number <= 4294967295.0 && std::floor(number) == number)
            return fromStatusCode(quint32(number), parse);
        break;
    }
    case QJsonValue::Bool:
    case QJsonValue::Array:
    case QJsonValue::Object:
        break;
    }
    setParse(parse, Parse::Unrecognised);
    return Quality::Unknown;
}

QString name(Quality quality)
{
    switch (quality) {
    case Quality::Good:
        return QStringLiteral("good");
    case Quality::Uncertain:
        return QStringLiteral("uncertain");
    case Quality::Bad:
        return QStringLiteral("bad");
    case Quality::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

QString displayName(Quality quality)
{
    switch (quality) {
    case Quality::Good:
        //: Data quality of a measurement (OPC-UA)
        return QCoreApplication::translate("MeasurementQuality", "Good");
    case Quality::Uncertain:
        //: Data quality of a measurement (OPC-UA)
        return QCoreApplication::translate("MeasurementQuality", "Uncertain");
    case Quality::Bad:
        //: Data quality of a measurement (OPC-UA)
        return QCoreApplication::translate("MeasurementQuality", "Bad");
    case Quality::Unknown:
        break;
    }
    //: Data quality of a measurement: missing or not understood
    return QCoreApplication::translate("MeasurementQuality", "Unknown");
}

} // namespace MeasurementQuality
