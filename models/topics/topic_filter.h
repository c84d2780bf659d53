#pragma once

#include <QString>

// Topic *filters* (SUBSCRIBE), per MQTT 3.1.1 / 5 §4.7, including $share.
// All functions are pure and callable from any thread.
namespace TopicFilter {

struct ValidationError
{
    int position = -1;     // 0-based character position, -1 when valid
    QString message;       // translated, includes the position
    bool isValid() const { return position < 0 && message.isEmpty(); }
};

// Rules: not empty; '+' occupies a whole level; '#' occupies a whole level and
// is the last one; empty levels ("a//b", "/a", "a/") are allowed; no U+0000,
// no text that was not valid UTF-8 (U+FFFD, unpaired surrogates); at most
// 65535 UTF-8 bytes. A shared subscription "$share/{group}/{filter}" needs a
// non-empty group without '+', '#' or '/', followed by a valid filter.
// The first problem in reading order is reported. `position` (and the number
// in `message`) is a 0-based UTF-16 index into `filter`; a missing part is
// reported at the index where it should start.
ValidationError validate(const QString &filter);

// True when the filter matches the topic name. '$'-topics are not matched by
// a leading wildcard. A $share/{group}/ prefix is stripped before matching.
// False when the filter is invalid (see validate()) or the topic is not a
// valid topic name (see TopicName::validateForPublish()).
// "a/#" also matches "a" (the parent level), as the specification requires.
bool matches(const QString &filter, const QString &topic);

} // namespace TopicFilter
