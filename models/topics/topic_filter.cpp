#include "topic_filter.h"

#include "topic_name.h"
#include "topic_text_checks.h"

#include <QCoreApplication>

namespace TopicFilter {

namespace {

const QLatin1String SharePrefix("$share/");
constexpr QStringView MultiLevelWildcard = u"#";
constexpr QStringView SingleLevelWildcard = u"+";

ValidationError makeError(qsizetype position, const QString &message)
{
    return {static_cast<int>(position), message};
}

// Walks the levels of a topic or filter. "a/" has the levels "a" and "",
// "/" has two empty levels, and "" has none.
class LevelCursor
{
public:
    explicit LevelCursor(QStringView text)
        : m_text(text)
        , m_atEnd(text.isEmpty())
    {
    }

    bool atEnd() const { return m_atEnd; }

    QStringView next()
    {
        const qsizetype slash = m_text.indexOf(u'/', m_pos);
        if (slash < 0) {
            m_atEnd = true;
            return m_text.mid(m_pos);
        }
        const QStringView level = m_text.mid(m_pos, slash - m_pos);
        m_pos = slash + 1;
        return level;
    }

private:
    QStringView m_text;
    qsizetype m_pos = 0;
    bool m_atEnd = false;
};

// Validates a filter without the $share prefix. `offset` is where `filter`
// starts inside the text the user typed, so positions refer to that text.
ValidationError validatePlain(QStringView filter, qsizetype offset, QStringView whole)
{
    using TopicTextChecks::Issue;

    qint64 bytes = TopicTextChecks::utf8Length(whole.first(offset));
    for (qsizetype i = 0; i < filter.size();) {
        const qsizetype position = offset + i;
        const QChar c = filter.at(i);
        const bool levelStart = i == 0 || filter.at(i - 1) == u'/';
        const bool levelEnd = i + 1 == filter.size() || filter.at(i + 1) == u'/';
        if (c == u'+' && !(levelStart && levelEnd)) {
            return makeError(position, QCoreApplication::translate(
                                           "TopicFilter",
                                           "'+' must occupy a whole topic level, as in a/+/c "
                                           "(position %1).")
                                           .arg(position));
        }
        if (c == u'#') {
            if (!(levelStart && levelEnd)) {
                return makeError(position, QCoreApplication::translate(
                                               "TopicFilter",
                                               "'#' must occupy a whole topic level, as in a/# "
                                               "(position %1).")
                                               .arg(position));
            }
            if (i + 1 != filter.size()) {
                return makeError(position, QCoreApplication::translate(
                                               "TopicFilter",
                                               "'#' must be the last level (position %1).")
                                               .arg(position));
            }
        }
        const TopicTextChecks::CharacterCheck check = TopicTextChecks::checkCharacter(filter, i);
        switch (check.issue) {
        case Issue::NulCharacter:
            return makeError(position, QCoreApplication::translate(
                                           "TopicFilter",
                                           "Topic filter must not contain the NUL character U+0000 "
                                           "(position %1).")
                                           .arg(position));
        case Issue::ReplacementCharacter:
            return makeError(position, QCoreApplication::translate(
                                           "TopicFilter",
                                           "Topic filter contains bytes that are not valid UTF-8, "
                                           "shown as U+FFFD (position %1).")
                                           .arg(position));
        case Issue::UnpairedSurrogate:
            return makeError(position, QCoreApplication::translate(
                                           "TopicFilter",
                                           "Topic filter contains an unpaired UTF-16 surrogate that "
                                           "cannot be encoded as UTF-8 (position %1).")
                                           .arg(position));
        case Issue::None:
            break;
        }
        bytes += check.utf8Bytes;
        if (bytes > TopicTextChecks::MaxUtf8Bytes) {
            return makeError(position, QCoreApplication::translate(
                                           "TopicFilter",
                                           "Topic filter is %1 bytes long in UTF-8; the maximum is "
                                           "%2 bytes (limit exceeded at position %3).")
                                           .arg(TopicTextChecks::utf8Length(whole))
                                           .arg(TopicTextChecks::MaxUtf8Bytes)
                                           .arg(position));
        }
        i += check.width;
    }
    return {};
}

// The filter that is matched: "$share/group/a/b" -> "a/b". Only call on valid filters.
QStringView matchedPart(QStringView filter)
{
    if (!filter.startsWith(SharePrefix))
        return filter;
    const qsizetype slash = filter.indexOf(u'/', SharePrefix.size());
    return filter.mid(slash + 1);
}

} // namespace

ValidationError validate(const QString &filter)
{
    if (filter.isEmpty()) {
        return makeError(0, QCoreApplication::translate("TopicFilter",
                                                        "Topic filter must not be empty."));
    }
    if (!filter.startsWith(SharePrefix))
        return validatePlain(filter, 0, filter);

    const qsizetype groupStart = SharePrefix.size();
    const qsizetype slash = filter.indexOf(u'/', groupStart);
    const qsizetype groupEnd = slash < 0 ? filter.size() : slash;
    if (groupEnd == groupStart) {
        return makeError(groupStart, QCoreApplication::translate(
                                         "TopicFilter",
                                         "A shared subscription needs a share name after "
                                         "'$share/' (position %1).")
                                         .arg(groupStart));
    }
    for (qsizetype i = groupStart; i < groupEnd; ++i) {
        const QChar c = filter.at(i);
        if (c == u'+' || c == u'#') {
            return makeError(i, QCoreApplication::translate(
                                    "TopicFilter",
                                    "The share name of a shared subscription must not contain "
                                    "'%1' (position %2).")
                                    .arg(c)
                                    .arg(i));
        }
    }
    const qsizetype filterStart = groupEnd + 1;
    if (filterStart >= filter.size()) {
        const qsizetype position = filter.size();
        return makeError(position, QCoreApplication::translate(
                                       "TopicFilter",
                                       "A shared subscription needs a topic filter after "
                                       "'$share/%1/' (position %2).")
                                       .arg(filter.mid(groupStart, groupEnd - groupStart))
                                       .arg(position));
    }
    // The share name goes through the same character checks as the filter.
    const QStringView whole(filter);
    ValidationError groupError = validatePlain(whole.sliced(groupStart, groupEnd - groupStart),
                                               groupStart, whole);
    if (!groupError.isValid())
        return groupError;
    return validatePlain(whole.sliced(filterStart), filterStart, whole);
}

bool matches(const QString &filter, const QString &topic)
{
    if (!validate(filter).isValid() || !TopicName::validateForPublish(topic).isEmpty())
        return false;

    const QStringView plain = matchedPart(filter);
    // §4.7.2: a filter starting with a wildcard does not match topics starting with '$'.
    if (topic.startsWith(u'$') && (plain.startsWith(u'+') || plain.startsWith(u'#')))
        return false;

    LevelCursor filterLevels(plain);
    LevelCursor topicLevels(topic);
    while (!filterLevels.atEnd()) {
        const QStringView wanted = filterLevels.next();
        if (wanted == MultiLevelWildcard)
            return true;
        if (topicLevels.atEnd())
            return false;
        const QStringView actual = topicLevels.next();
        if (wanted != SingleLevelWildcard && wanted != actual)
            return false;
    }
    return topicLevels.atEnd();
}

} // namespace TopicFilter
