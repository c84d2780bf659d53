#pragma once

#include <QStringView>

// Character-level rules shared by topic names and topic filters (MQTT 3.1.1 /
// 5 §1.5.4 and §4.7.3). Internal to models/topics: callers turn the result into
// their own translated sentence, so "Topic" and "Topic filter" read naturally.
namespace TopicTextChecks {

// Topic names and filters are UTF-8 strings with a 16-bit length prefix.
inline constexpr qint64 MaxUtf8Bytes = 65535;

enum class Issue {
    None,
    NulCharacter,          // U+0000 is forbidden in UTF-8 encoded strings
    ReplacementCharacter,  // U+FFFD: the text came from bytes that were not valid UTF-8
    UnpairedSurrogate,     // a lone UTF-16 surrogate cannot be encoded as UTF-8
};

struct CharacterCheck
{
    Issue issue = Issue::None;
    int width = 1;         // UTF-16 code units to advance (2 for a valid surrogate pair)
    int utf8Bytes = 1;     // UTF-8 bytes of this character (0 when issue != None)
};

// Checks the character starting at UTF-16 index `pos` (0 <= pos < text.size()).
CharacterCheck checkCharacter(QStringView text, qsizetype pos);

// Total UTF-8 length, counting valid characters only.
qint64 utf8Length(QStringView text);

} // namespace TopicTextChecks
