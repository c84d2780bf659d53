#pragma once

#include <QString>

// Rules for topic *names* (what a PUBLISH goes to), per MQTT 3.1.1 / 5 §4.7.
namespace TopicName {

// Empty when the topic may be published to; otherwise a translated sentence
// naming what is wrong and where (e.g. wildcard at position 7).
//
// Rejected: an empty topic, the wildcards '+' and '#', U+0000, text that was
// not valid UTF-8 (U+FFFD replacement characters as produced by
// QString::fromUtf8, unpaired UTF-16 surrogates) and topics longer than 65535
// UTF-8 bytes. The first problem in reading order is reported. Positions are
// 0-based UTF-16 indices into `topic` (what QLineEdit::setCursorPosition takes).
// Topics starting with '$' are valid names; brokers may still refuse them.
// Pure function, callable from any thread.
QString validateForPublish(const QString &topic);

} // namespace TopicName
