#include "topic_name.h"

#include "topic_text_checks.h"

#include <QCoreApplication>

namespace TopicName {

QString validateForPublish(const QString &topic)
{
    using TopicTextChecks::Issue;

    if (topic.isEmpty())
        return QCoreApplication::translate("TopicName", "Topic must not be empty.");

    qint64 bytes = 0;
    for (qsizetype i = 0; i < topic.size();) {
        const QChar c = topic.at(i);
        if (c == u'+' || c == u'#') {
            return QCoreApplication::translate(
                       "TopicName",
                       "Topic must not contain the wildcard '%1' (position %2). "
                       "Wildcards are only allowed in subscription filters.")
                .arg(c)
                .arg(i);
        }
        const TopicTextChecks::CharacterCheck check = TopicTextChecks::checkCharacter(topic, i);
        switch (check.issue) {
        case Issue::NulCharacter:
            return QCoreApplication::translate(
                       "TopicName", "Topic must not contain the NUL character U+0000 (position %1).")
                .arg(i);
        case Issue::ReplacementCharacter:
            return QCoreApplication::translate(
                       "TopicName",
                       "Topic contains bytes that are not valid UTF-8, shown as U+FFFD (position %1).")
                .arg(i);
        case Issue::UnpairedSurrogate:
            return QCoreApplication::translate(
                       "TopicName",
                       "Topic contains an unpaired UTF-16 surrogate that cannot be encoded as UTF-8 "
                       "(position %1).")
                .arg(i);
        case Issue::None:
            break;
        }
        bytes += check.utf8Bytes;
        if (bytes > TopicTextChecks::MaxUtf8Bytes) {
            return QCoreApplication::translate(
                       "TopicName",
                       "Topic is %1 bytes long in UTF-8; the maximum is %2 bytes "
                       "(limit exceeded at position %3).")
                .arg(TopicTextChecks::utf8Length(topic))
                .arg(TopicTextChecks::MaxUtf8Bytes)
                .arg(i);
        }
        i += check.width;
    }
    return {};
}

} // namespace TopicName
