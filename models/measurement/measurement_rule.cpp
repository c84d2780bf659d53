#include "measurement_rule.h"

#include "json_pointer.h"
#include "topics/topic_filter.h"

#include <QCoreApplication>

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
