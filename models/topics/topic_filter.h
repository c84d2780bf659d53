#pragma once

#include <QString>

// Topic *filters* (SUBSCRIBE), per MQTT 3.1.1 / 5 §4.7, including $share.
namespace TopicFilter {

struct ValidationError
{
    int position = -1;     // 0-based character position, -1 when valid
    QString message;       // translated, includes the position
    bool isValid() const { return position < 0 && message.isEmpty(); }
};

ValidationError validate(const QString &filter);

// True when the filter matches the topic name. '$'-topics are not matched by
// a leading wildcard. A $share/{group}/ prefix is stripped before matching.
bool matches(const QString &filter, const QString &topic);

} // namespace TopicFilter
