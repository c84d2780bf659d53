#include "measurement_problem.h"

namespace {

constexpr qsizetype MaxRawLength = 120;

} // namespace

QString MeasurementProblem::toString() const
{
    return tr("%1: %2").arg(topic, message);
}

QString MeasurementProblem::shortenRaw(const QString &raw)
{
    if (raw.size() <= MaxRawLength)
        return raw;
    return raw.left(MaxRawLength - 1) + QChar(0x2026);
}

QString MeasurementProblem::kindId(Kind kind)
{
    switch (kind) {
    case Kind::MalformedJson:
        return QStringLiteral("malformed-json");
    case Kind::MeasurementsNotArray:
        return QStringLiteral("measurements-not-array");
    case Kind::EntryNotObject:
        return QStringLiteral("entry-not-object");
    case Kind::MissingName:
        return QStringLiteral("missing-name");
    case Kind::MissingValue:
        return QStringLiteral("missing-value");
    case Kind::NonNumericValue:
        return QStringLiteral("non-numeric-value");
    case Kind::NonFiniteValue:
        return QStringLiteral("non-finite-value");
    case Kind::MissingQuality:
        return QStringLiteral("missing-quality");
    case Kind::UnknownQuality:
        return QStringLiteral("unknown-quality");
    case Kind::MissingTimestamp:
        return QStringLiteral("missing-timestamp");
    case Kind::InvalidTimestamp:
        return QStringLiteral("invalid-timestamp");
    case Kind::OutOfOrderTimestamp:
        return QStringLiteral("out-of-order-timestamp");
    }
    return QStringLiteral("unknown");
}

QString MeasurementProblem::kindDisplayName(Kind kind)
{
    switch (kind) {
    case Kind::MalformedJson:
        return tr("Malformed JSON");
    case Kind::MeasurementsNotArray:
        return tr("\"measurements\" is not an array");
    case Kind::EntryNotObject:
        return tr("Measurement entry is not an object");
    case Kind::MissingName:
        return tr("Measurement without a name");
    case Kind::MissingValue:
        return tr("Missing value");
    case Kind::NonNumericValue:
        return tr("Non-numeric value");
    case Kind::NonFiniteValue:
        return tr("NaN or infinite value");
    case Kind::MissingQuality:
        return tr("Missing quality");
    case Kind::UnknownQuality:
        return tr("Unknown quality");
    case Kind::MissingTimestamp:
        return tr("Missing timestamp");
    case Kind::InvalidTimestamp:
        return tr("Invalid timestamp");
    case Kind::OutOfOrderTimestamp:
        return tr("Out-of-order timestamp");
    }
    return tr("Unknown problem");
}
