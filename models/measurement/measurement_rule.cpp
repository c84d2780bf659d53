#include "measurement_rule.h"

#include "json_pointer.h"
#include "topics/topic_filter.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>

#include <utility>

QString MeasurementRule::validate() const
{
    if (topicFilter.isEmpty())
        return QCoreApplication::translate("MeasurementRule", "The rule has no topic filter.");
    const TopicFilter::ValidationError filterError = TopicFilter::validate(topicFilter);
    if (!filterError.isValid())
        return QCoreApplication::translate("MeasurementRule", "The rule's topic filter \"%1\" is invalid: %2")
            .arg(topicFilter, filterError.message);
    const struct
    {
        const QString &pointer;
        const char *field;
    } pointers[] = {
        {valuePointer, QT_TRANSLATE_NOOP("MeasurementRule", "value")},
        {qualityPointer, QT_TRANSLATE_NOOP("MeasurementRule", "quality")},
        {timestampPointer, QT_TRANSLATE_NOOP("MeasurementRule", "timestamp")},
        {unitPointer, QT_TRANSLATE_NOOP("MeasurementRule", "unit")},
        {sourcePointer, QT_TRANSLATE_NOOP("MeasurementRule", "source")},
    };
    for (const auto &entry : pointers) {
        const QString error = JsonPointer::validate(entry.pointer);
        if (!error.isEmpty())
            return QCoreApplication::translate("MeasurementRule", "The rule's %1 pointer is invalid: %2")
                .arg(QCoreApplication::translate("MeasurementRule", entry.field), error);
    }
    return {};
}

namespace {

const QString KeyFilter = QStringLiteral("topicFilter");
const QString KeyValue = QStringLiteral("value");
const QString KeyQuality = QStringLiteral("quality");
const QString KeyTime = QStringLiteral("time");
const QString KeyUnit = QStringLiteral("unit");
const QString KeyFixedUnit = QStringLiteral("fixed-unit");
const QString KeyName = QStringLiteral("name");
const QString KeySource = QStringLiteral("source");

// The rule's field for a command-line or JSON key; nullptr for an unknown key.
QString *fieldFor(MeasurementRule *rule, const QString &key, bool *isPointer)
{
    *isPointer = true;
    if (key == KeyValue)
        return &rule->valuePointer;
    if (key == KeyQuality)
        return &rule->qualityPointer;
    if (key == KeyTime)
        return &rule->timestampPointer;
    if (key == KeyUnit)
        return &rule->unitPointer;
    if (key == KeySource)
        return &rule->sourcePointer;
    *isPointer = false;
    if (key == KeyFixedUnit)
        return &rule->unit;
    if (key == KeyName)
        return &rule->measurementName;
    return nullptr;
}

} // namespace

std::optional<MeasurementRule> MeasurementRule::parse(const QString &text, QString *error)
{
    const auto fail = [error, &text](const QString &message) -> std::optional<MeasurementRule> {
        if (error)
            *error = tr("Rule \"%1\": %2").arg(text, message);
        return std::nullopt;
    };
    const qsizetype equals = text.indexOf(u'=');
    if (equals < 0)
        return fail(tr("no '=' after the topic filter; write FILTER=VALUE_POINTER[,KEY=VALUE]..., "
                             "e.g. factory/+/+/+/+/temp=/value,quality=/q"));
    MeasurementRule rule;
    rule.topicFilter = text.left(equals).trimmed();
    if (rule.topicFilter.isEmpty())
        return fail(tr("the topic filter before '=' is empty."));
    if (const TopicFilter::ValidationError filterError = TopicFilter::validate(rule.topicFilter);
        !filterError.isValid())
        return fail(tr("the topic filter \"%1\" is invalid: %2").arg(rule.topicFilter, filterError.message));

    const QStringList parts = text.mid(equals + 1).split(u',');
    rule.valuePointer = parts.constFirst().trimmed();
    QStringList seen;
    for (qsizetype i = 1; i < parts.size(); ++i) {
        const QString part = parts.at(i).trimmed();
        const qsizetype keyEnd = part.indexOf(u'=');
        if (keyEnd <= 0)
            return fail(tr("part %1 (\"%2\") is not KEY=VALUE; allowed keys: quality, time, unit, source, "
                                 "fixed-unit, name.")
                            .arg(i + 1)
                            .arg(part));
        const QString key = part.left(keyEnd).trimmed();
        const QString value = part.mid(keyEnd + 1).trimmed();
        bool isPointer = false;
        QString *field = key == KeyValue ? nullptr : fieldFor(&rule, key, &isPointer);
        if (!field)
            return fail(tr("unknown key \"%1\" in part %2; allowed keys: quality, time, unit, source, "
                                 "fixed-unit, name (the value pointer comes right after the filter).")
                            .arg(key)
                            .arg(i + 1));
        if (seen.contains(key))
            return fail(tr("the key \"%1\" is given twice.").arg(key));
        seen.append(key);
        if (value.isEmpty())
            return fail(tr("the key \"%1\" has no value.").arg(key));
        if (isPointer) {
            if (const QString pointerError = JsonPointer::validate(value); !pointerError.isEmpty())
                return fail(tr("the %1 pointer \"%2\" is invalid: %3").arg(key, value, pointerError));
        }
        *field = value;
    }
    if (const QString pointerError = JsonPointer::validate(rule.valuePointer); !pointerError.isEmpty())
        return fail(tr("the value pointer \"%1\" right after the filter is invalid: %2")
                        .arg(rule.valuePointer, pointerError));
    if (error)
        error->clear();
    return rule;
}

QString MeasurementRule::toText() const
{
    QString text = topicFilter + u'=' + valuePointer;
    const std::pair<const QString &, const QString &> fields[] = {
        {KeyQuality, qualityPointer}, {KeyTime, timestampPointer},  {KeyUnit, unitPointer},
        {KeySource, sourcePointer},   {KeyFixedUnit, unit},         {KeyName, measurementName},
    };
    for (const auto &[key, value] : fields) {
        if (!value.isEmpty())
            text += u',' + key + u'=' + value;
    }
    return text;
}

QJsonArray MeasurementRule::toJson(const QList<MeasurementRule> &rules)
{
    QJsonArray array;
    for (const MeasurementRule &rule : rules) {
        QJsonObject object{{KeyFilter, rule.topicFilter}, {KeyValue, rule.valuePointer}};
        const std::pair<const QString &, const QString &> fields[] = {
            {KeyQuality, rule.qualityPointer}, {KeyTime, rule.timestampPointer}, {KeyUnit, rule.unitPointer},
            {KeySource, rule.sourcePointer},   {KeyFixedUnit, rule.unit},        {KeyName, rule.measurementName},
        };
        for (const auto &[key, value] : fields) {
            if (!value.isEmpty())
                object.insert(key, value);
        }
        array.append(object);
    }
    return array;
}

QList<MeasurementRule> MeasurementRule::fromJson(const QJsonArray &array, QStringList *errors)
{
    QList<MeasurementRule> rules;
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QJsonObject object = array.at(i).toObject();
        MeasurementRule rule;
        rule.topicFilter = object.value(KeyFilter).toString();
        for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
            bool isPointer = false;
            if (QString *field = fieldFor(&rule, it.key(), &isPointer))
                *field = it.value().toString();
        }
        if (const QString problem = rule.validate(); !problem.isEmpty()) {
            if (errors)
                errors->append(tr("Measurement rule %1 was not loaded: %2").arg(i + 1).arg(problem));
            continue;
        }
        rules.append(rule);
    }
    return rules;
}
