#include "topic_text_checks.h"

#include <QChar>

namespace TopicTextChecks {

CharacterCheck checkCharacter(QStringView text, qsizetype pos)
{
    const QChar c = text.at(pos);
    const char16_t u = c.unicode();
    if (u == 0)
        return {Issue::NulCharacter, 1, 0};
    if (u == QChar::ReplacementCharacter)
        return {Issue::ReplacementCharacter, 1, 0};
    if (c.isHighSurrogate()) {
        if (pos + 1 < text.size() && text.at(pos + 1).isLowSurrogate())
            return {Issue::None, 2, 4};
        return {Issue::UnpairedSurrogate, 1, 0};
    }
    if (c.isLowSurrogate())
        return {Issue::UnpairedSurrogate, 1, 0};
    if (u < 0x80)
        return {Issue::None, 1, 1};
    if (u < 0x800)
        return {Issue::None, 1, 2};
    return {Issue::None, 1, 3};
}

qint64 utf8Length(QStringView text)
{
    qint64 bytes = 0;
    for (qsizetype i = 0; i < text.size();) {
        const CharacterCheck check = checkCharacter(text, i);
        bytes += check.utf8Bytes;
        i += check.width;
    }
    return bytes;
}

} // namespace TopicTextChecks
