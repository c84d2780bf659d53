#include "measurement_extractor.h"

#include "json_pointer.h"
#include "measurement_csv.h"
#include "mqtt/mqtt_message.h"
#include "topics/topic_filter.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

#include <cmath>

namespace {

// Dates outside 1970-01-02 .. 9999-12-31 are not plausible device times.
constexpr qint64 MinPlausibleMs = 86400000LL;
constexpr qint64 MaxPlausibleMs = 253402300799999LL;

std::optional<qint64> plausible(double ms)
{
    if (!std::isfinite(ms))
        return std::nullopt;
    const double rounded = std::round(ms);
    if (rounded < double(MinPlausibleMs) || rounded > double(MaxPlausibleMs))
        return std::nullopt;
    return qint64(rounded);
}

std::optional<qint64> epochToMs(double number)
{
    if (!std::isfinite(number) || number <= 0.0)
        return std::nullopt;
    if (number < 1e11)
        return plausible(number * 1000.0);   // seconds
    if (number < 1e14)
        return plausible(number);            // milliseconds
    if (number < 1e17)
        return plausible(number / 1e3);      // microseconds
    return plausible(number / 1e6);          // nanoseconds
}

// How a JSON value is shown in a problem text: strings quoted, the rest as JSON.
QString jsonText(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Undefined:
        return QString();
    case QJsonValue::Object:
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    case QJsonValue::Array:
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    case QJsonValue::Null:
    case QJsonValue::Bool:
    case QJsonValue::Double:
    case QJsonValue::String:
        break;
    }
    // Wrap scalars in an array to reuse QJsonDocument's encoder, then unwrap.
    const QByteArray wrapped = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(wrapped.mid(1, wrapped.size() - 2));
}

// The raw text kept with a problem: a string's content, anything else as JSON.
QString rawText(const QJsonValue &value)
{
    return MeasurementProblem::shortenRaw(value.isString() ? value.toString() : jsonText(value));
}

QString shownText(const QJsonValue &value)
{
    return MeasurementProblem::shortenRaw(jsonText(value));
}

QString typeName(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return MeasurementExtractor::tr("null");
    case QJsonValue::Bool:
        return MeasurementExtractor::tr("a boolean");
    case QJsonValue::Double:
        return MeasurementExtractor::tr("a number");
    case QJsonValue::String:
        return MeasurementExtractor::tr("a string");
    case QJsonValue::Array:
        return MeasurementExtractor::tr("an array");
    case QJsonValue::Object:
        return MeasurementExtractor::tr("an object");
    case QJsonValue::Undefined:
        break;
    }
    return MeasurementExtractor::tr("missing");
}

bool isNonFiniteWord(QStringView text)
{
    QStringView word = text;
    if (word.startsWith(u'+') || word.startsWith(u'-'))
        word = word.mid(1);
    return word.compare(u"nan", Qt::CaseInsensitive) == 0 || word.compare(u"inf", Qt::CaseInsensitive) == 0
        || word.compare(u"infinity", Qt::CaseInsensitive) == 0;
}

// The topic split into the series source and measurement name, for formats
// whose name is the topic's last level.
std::pair<QString, QString> splitLeaf(const QString &topic)
{
    const qsizetype slash = topic.lastIndexOf(u'/');
    if (slash < 0)
        return {topic, topic};
    const QString leaf = topic.mid(slash + 1);
    if (leaf.isEmpty() || slash == 0)
        return {topic, leaf.isEmpty() ? topic : leaf};
    return {topic.left(slash), leaf};
}

} // namespace

class MeasurementExtractor::Private
{
public:
    QList<MeasurementRule> rules;
    QList<bool> ruleValid;
    QHash<SeriesKey, qint64> newestDeviceTime;
    ClockSkewEstimator skew;

    // Per-message context while extracting.
    struct Context
    {
        const MqttMessage *message = nullptr;
        ExtractionResult *result = nullptr;
    };

    static void addProblem(const Context &context, MeasurementProblem::Kind kind, const QString &measurement,
                           const QString &raw, const QString &text)
    {
        MeasurementProblem problem;
        problem.kind = kind;
        problem.topic = context.message->topic;
        problem.measurement = measurement;
        problem.raw = raw;
        problem.message = text;
        context.result->problems.append(problem);
    }

    // Reads a value; reports the problem and returns nullopt when unusable.
    static std::optional<double> readValue(const Context &context, const QString &name, const QJsonValue &json,
                                           const QString &where)
    {
        MeasurementProblem::Kind kind = MeasurementProblem::Kind::MissingValue;
        const std::optional<double> value = MeasurementExtractor::parseValue(json, &kind);
        if (value)
            return value;
        switch (kind) {
        case MeasurementProblem::Kind::MissingValue:
            addProblem(context, kind, name, QString(),
                       where.isEmpty() ? tr("measurement '%1' has no value").arg(name)
                                       : tr("measurement '%1' has no value at JSON pointer \"%2\"").arg(name, where));
            break;
        case MeasurementProblem::Kind::NonFiniteValue:
            addProblem(context, kind, name, rawText(json),
                       tr("measurement '%1' has a value that is not a finite number: %2").arg(name, shownText(json)));
            break;
        default:
            addProblem(context, MeasurementProblem::Kind::NonNumericValue, name, rawText(json),
                       tr("measurement '%1' has non-numeric value %2").arg(name, shownText(json)));
            break;
        }
        return std::nullopt;
    }

    // Reads a quality; reports missing or unknown ones. reportMissing is false
    // for formats that have no quality at all.
    static Quality readQuality(const Context &context, const QString &name, const QJsonValue &json, bool reportMissing)
    {
        MeasurementQuality::Parse parse = MeasurementQuality::Parse::Recognised;
        const Quality quality = MeasurementQuality::fromJson(json, &parse);
        switch (parse) {
        case MeasurementQuality::Parse::Recognised:
            break;
        case MeasurementQuality::Parse::Missing:
            if (reportMissing)
                addProblem(context, MeasurementProblem::Kind::MissingQuality, name, QString(),
                           tr("measurement '%1' has no quality; it is kept with unknown quality").arg(name));
            break;
        case MeasurementQuality::Parse::Unrecognised:
            addProblem(context, MeasurementProblem::Kind::UnknownQuality, name, rawText(json),
                       tr("measurement '%1' has an unknown quality %2; it is kept with unknown quality")
                           .arg(name, shownText(json)));
            break;
        }
        return quality;
    }

    // A device time from a timestamp field, or nullopt after reporting why
    // the receive time has to be used instead.
    static std::optional<qint64> readTimestamp(const Context &context, const QString &name, const QJsonValue &json)
    {
        if (json.isUndefined() || json.isNull()) {
            addProblem(context, MeasurementProblem::Kind::MissingTimestamp, name, QString(),
                       name.isEmpty() ? tr("the message has no timestamp; the receive time is used")
                                      : tr("measurement '%1' has no timestamp; the receive time is used").arg(name));
            return std::nullopt;
        }
        const std::optional<qint64> time = MeasurementExtractor::parseTimestamp(json);
        if (!time) {
            addProblem(context, MeasurementProblem::Kind::InvalidTimestamp, name, rawText(json),
                       tr("the timestamp %1 is neither ISO 8601 nor epoch seconds or milliseconds; "
                          "the receive time is used")
                           .arg(shownText(json)));
        }
        return time;
    }

    // The out-of-order check needs the state: record() does it later.
    static void addSample(const Context &context, ExtractedSample sample, bool deviceTimeFromPayload)
    {
        if (deviceTimeFromPayload)
            context.result->orderChecks.append({context.result->samples.size(), context.result->problems.size()});
        context.result->samples.append(std::move(sample));
    }

    static void observeSkew(const Context &context, const QString &source, qint64 deviceTimeMs)
    {
        context.result->skewSource = source;
        context.result->skewDeviceTimeMs = deviceTimeMs;
    }

    static void extractBatched(const Context &context, const QJsonObject &object);
    static void extractWithRule(const Context &context, const MeasurementRule &rule, const QJsonValue &root);
    static void extractPlainNumber(const Context &context, const QByteArray &trimmed);
};

void MeasurementExtractor::Private::extractBatched(const Context &context, const QJsonObject &object)
{
    const MqttMessage &message = *context.message;
    context.result->format = ExtractionResult::Format::Batched;

    const QJsonValue measurements = object.value(QLatin1String("measurements"));
    if (!measurements.isArray()) {
        addProblem(context, MeasurementProblem::Kind::MeasurementsNotArray, QString(), rawText(measurements),
                   tr("\"measurements\" is %1, not an array").arg(typeName(measurements)));
        return;
    }

    const QJsonValue deviceIdValue = object.value(QLatin1String("deviceId"));
    const QString deviceId = deviceIdValue.isString() ? deviceIdValue.toString() : QString();
    const QString source = deviceId.isEmpty() ? message.topic : deviceId;

    const QJsonValue messageTimestamp = object.value(QLatin1String("timestamp"));
    std::optional<qint64> messageTime;
    bool messageTimeRead = false;   // read (and its problem reported) once, when first needed
    bool skewRecorded = false;

    const QJsonArray entries = measurements.toArray();
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const QJsonValue entryValue = entries.at(i);
        if (!entryValue.isObject()) {
            addProblem(context, MeasurementProblem::Kind::EntryNotObject, QString(), rawText(entryValue),
                       tr("entry %1 of \"measurements\" is %2, not an object").arg(i).arg(typeName(entryValue)));
            continue;
        }
        const QJsonObject entry = entryValue.toObject();
        const QJsonValue nameValue = entry.value(QLatin1String("name"));
        const QString name = nameValue.isString() ? nameValue.toString() : QString();
        if (name.isEmpty()) {
            addProblem(context, MeasurementProblem::Kind::MissingName, QString(), rawText(entryValue),
                       tr("entry %1 of \"measurements\" has no name").arg(i));
            continue;
        }

        const std::optional<double> value = readValue(context, name, entry.value(QLatin1String("value")), QString());
        if (!value)
            continue;
        const Quality quality = readQuality(context, name, entry.value(QLatin1String("quality")), true);

        std::optional<qint64> deviceTime;
        const QJsonValue entryTimestamp = entry.value(QLatin1String("timestamp"));
        if (!entryTimestamp.isUndefined()) {
            deviceTime = readTimestamp(context, name, entryTimestamp);
        } else {
            if (!messageTimeRead) {
                messageTime = readTimestamp(context, QString(), messageTimestamp);
                messageTimeRead = true;
            }
            deviceTime = messageTime;
            if (messageTime && !skewRecorded) {
                observeSkew(context, source, *messageTime);
                skewRecorded = true;
            }
        }

        ExtractedSample sample;
        sample.key = SeriesKey{source, name};
        sample.deviceId = deviceId;
        sample.topic = message.topic;
        const QJsonValue unit = entry.value(QLatin1String("unit"));
        sample.unit = unit.isString() ? unit.toString() : QString();
        sample.sample.deviceTimeMs = deviceTime.value_or(message.receivedAtMs);
        sample.sample.receiveTimeMs = message.receivedAtMs;
        sample.sample.value = *value;
        sample.sample.quality = quality;
        addSample(context, std::move(sample), deviceTime.has_value());
    }
}

void MeasurementExtractor::Private::extractWithRule(const Context &context, const MeasurementRule &rule,
                                                    const QJsonValue &root)
{
    const MqttMessage &message = *context.message;
    context.result->format = ExtractionResult::Format::Rule;

    QString source;
    QString name = rule.measurementName;
    if (name.isEmpty()) {
        std::tie(source, name) = splitLeaf(message.topic);
    } else {
        source = message.topic;
    }
    QString deviceId;
    if (!rule.sourcePointer.isEmpty()) {
        const QJsonValue sourceValue = JsonPointer::resolve(root, rule.sourcePointer);
        if (sourceValue.isString() && !sourceValue.toString().isEmpty()) {
            deviceId = sourceValue.toString();
            source = deviceId;
        }
    }

    const std::optional<double> value =
        readValue(context, name, JsonPointer::resolve(root, rule.valuePointer), rule.valuePointer);
    if (!value)
        return;
    Quality quality = Quality::Unknown;
    if (!rule.qualityPointer.isEmpty())
        quality = readQuality(context, name, JsonPointer::resolve(root, rule.qualityPointer), true);

    std::optional<qint64> deviceTime;
    if (!rule.timestampPointer.isEmpty()) {
        deviceTime = readTimestamp(context, name, JsonPointer::resolve(root, rule.timestampPointer));
        if (deviceTime)
            observeSkew(context, source, *deviceTime);
    }

    ExtractedSample sample;
    sample.key = SeriesKey{source, name};
    sample.deviceId = deviceId;
    sample.topic = message.topic;
    sample.unit = rule.unit;
    if (!rule.unitPointer.isEmpty()) {
        const QJsonValue unit = JsonPointer::resolve(root, rule.unitPointer);
        if (unit.isString() && !unit.toString().isEmpty())
            sample.unit = unit.toString();
    }
    sample.sample.deviceTimeMs = deviceTime.value_or(message.receivedAtMs);
    sample.sample.receiveTimeMs = message.receivedAtMs;
    sample.sample.value = *value;
    sample.sample.quality = quality;
    addSample(context, std::move(sample), deviceTime.has_value());
}

void MeasurementExtractor::Private::extractPlainNumber(const Context &context, const QByteArray &trimmed)
{
    const MqttMessage &message = *context.message;
    context.result->format = ExtractionResult::Format::PlainNumber;
    const auto [source, name] = splitLeaf(message.topic);
    const QString text = QString::fromUtf8(trimmed);
    const double value = trimmed.toDouble();
    if (isNonFiniteWord(text) || !std::isfinite(value)) {
        addProblem(context, MeasurementProblem::Kind::NonFiniteValue, name, MeasurementProblem::shortenRaw(text),
                   tr("measurement '%1' has a value that is not a finite number: %2").arg(name, text));
        return;
    }
    ExtractedSample sample;
    sample.key = SeriesKey{source, name};
    sample.topic = message.topic;
    sample.sample.deviceTimeMs = message.receivedAtMs;
    sample.sample.receiveTimeMs = message.receivedAtMs;
    sample.sample.value = value;
    sample.sample.quality = Quality::Unknown;
    addSample(context, std::move(sample), false);
}

MeasurementExtractor::MeasurementExtractor()
    : d(std::make_unique<Private>())
{
}

MeasurementExtractor::~MeasurementExtractor() = default;

void MeasurementExtractor::setRules(const QList<MeasurementRule> &rules)
{
    d->rules = rules;
    d->ruleValid.clear();
    for (const MeasurementRule &rule : rules)
        d->ruleValid.append(rule.validate().isEmpty());
}

QList<MeasurementRule> MeasurementExtractor::rules() const
{
    return d->rules;
}

ExtractionResult MeasurementExtractor::extract(const MqttMessage &message)
{
    ExtractionResult result = parse(message);
    record(message, &result);
    return result;
}

void MeasurementExtractor::record(const MqttMessage &message, ExtractionResult *result)
{
    qsizetype inserted = 0;
    for (const ExtractionResult::OrderCheck &check : std::as_const(result->orderChecks)) {
        const ExtractedSample &sample = result->samples.at(check.sample);
        const qint64 deviceTime = sample.sample.deviceTimeMs;
        auto it = d->newestDeviceTime.find(sample.key);
        if (it == d->newestDeviceTime.end()) {
            d->newestDeviceTime.insert(sample.key, deviceTime);
        } else if (deviceTime < *it) {
            MeasurementProblem problem;
            problem.kind = MeasurementProblem::Kind::OutOfOrderTimestamp;
            problem.topic = message.topic;
            problem.measurement = sample.key.measurement;
            problem.raw = MeasurementCsv::formatTime(deviceTime);
            problem.message = tr("measurement '%1' has device time %2, older than the newest one of its series (%3); "
                                 "it is kept")
                                  .arg(sample.key.measurement, MeasurementCsv::formatTime(deviceTime),
                                       MeasurementCsv::formatTime(*it));
            result->problems.insert(check.problemIndex + inserted++, problem);
        } else {
            *it = deviceTime;
        }
    }
    result->orderChecks.clear();
    if (result->skewDeviceTimeMs)
        d->skew.add(result->skewSource, message.receivedAtMs, *result->skewDeviceTimeMs);
    result->skewDeviceTimeMs.reset();
    result->skewSource.clear();
}

ExtractionResult MeasurementExtractor::parse(const MqttMessage &message) const
{
    ExtractionResult result;
    const Private::Context context{&message, &result};
    const QByteArray trimmed = message.payload.trimmed();
    const bool looksLikeJsonContainer = trimmed.startsWith('{') || trimmed.startsWith('[');

    const MeasurementRule *rule = nullptr;
    for (qsizetype i = 0; i < d->rules.size(); ++i) {
        if (d->ruleValid.at(i) && TopicFilter::matches(d->rules.at(i).topicFilter, message.topic)) {
            rule = &d->rules.at(i);
            break;
        }
    }

    // A rule may point into a bare JSON scalar ("42", "\"n/a\""); QJsonDocument
    // only parses containers, so such payloads are read inside an array.
    const bool wrap = rule && !looksLikeJsonContainer;
    if (looksLikeJsonContainer || rule) {
        QJsonParseError error;
        const QJsonDocument document =
            QJsonDocument::fromJson(wrap ? QByteArray('[' + trimmed + ']') : trimmed, &error);
        if (error.error != QJsonParseError::NoError) {
            result.format = ExtractionResult::Format::Invalid;
            Private::addProblem(context, MeasurementProblem::Kind::MalformedJson, QString(),
                                MeasurementProblem::shortenRaw(QString::fromUtf8(message.payload)),
                                tr("the payload is not valid JSON: %1 at offset %2")
                                    .arg(error.errorString())
                                    .arg(wrap ? qMax(0, error.offset - 1) : error.offset));
            return result;
        }
        const QJsonValue root = wrap ? document.array().at(0)
            : document.isObject()    ? QJsonValue(document.object())
                                     : QJsonValue(document.array());
        if (rule) {
            Private::extractWithRule(context, *rule, root);
            return result;
        }
        if (root.isObject() && root.toObject().contains(QLatin1String("measurements")))
            Private::extractBatched(context, root.toObject());
        return result;
    }

    if (!trimmed.isEmpty()) {
        bool ok = false;
        trimmed.toDouble(&ok);
        if (ok || isNonFiniteWord(QString::fromLatin1(trimmed.left(16))))
            Private::extractPlainNumber(context, trimmed);
    }
    return result;
}

std::optional<ClockSkewEstimator::Estimate> MeasurementExtractor::clockSkew(const QString &source) const
{
    return d->skew.estimate(source);
}

QStringList MeasurementExtractor::clockSkewSources() const
{
    return d->skew.devices();
}

void MeasurementExtractor::reset()
{
    d->newestDeviceTime.clear();
    d->skew.reset();
}

std::optional<qint64> MeasurementExtractor::parseTimestamp(const QJsonValue &value)
{
    if (value.isDouble())
        return epochToMs(value.toDouble());
    if (!value.isString())
        return std::nullopt;
    const QString text = value.toString().trimmed();
    if (text.isEmpty())
        return std::nullopt;
    bool isNumber = false;
    const double number = text.toDouble(&isNumber);
    if (isNumber)
        return epochToMs(number);
    // ISO 8601 needs a date and a time; a bare date is too coarse for a sample.
    if (!text.contains(u'T'))
        return std::nullopt;
    QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!time.isValid())
        return std::nullopt;
    if (time.timeSpec() == Qt::LocalTime)
        time.setTimeSpec(Qt::UTC);
    return plausible(double(time.toMSecsSinceEpoch()));
}

std::optional<double> MeasurementExtractor::parseValue(const QJsonValue &value, MeasurementProblem::Kind *problem)
{
    switch (value.type()) {
    case QJsonValue::Undefined:
        *problem = MeasurementProblem::Kind::MissingValue;
        return std::nullopt;
    case QJsonValue::Double: {
        const double number = value.toDouble();
        if (std::isfinite(number))
            return number;
        *problem = MeasurementProblem::Kind::NonFiniteValue;
        return std::nullopt;
    }
    case QJsonValue::String: {
        const QString text = value.toString().trimmed();
        if (isNonFiniteWord(text)) {
            *problem = MeasurementProblem::Kind::NonFiniteValue;
            return std::nullopt;
        }
        bool ok = false;
        const double number = text.toDouble(&ok);
        if (ok && std::isfinite(number))
            return number;
        break;
    }
    case QJsonValue::Null:
    case QJsonValue::Bool:
    case QJsonValue::Array:
    case QJsonValue::Object:
        break;
    }
    *problem = MeasurementProblem::Kind::NonNumericValue;
    return std::nullopt;
}
