#pragma once

#include <QString>

// Rules for topic *names* (what a PUBLISH goes to), per MQTT 3.1.1 / 5 §4.7.
namespace TopicName {

// Empty when the topic may be published to; otherwise a translated sentence
// naming what is wrong and where (e.g. wildcard at position 7).
QString validateForPublish(const QString &topic);

} // namespace TopicName
