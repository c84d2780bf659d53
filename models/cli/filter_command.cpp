#include "filter_command.h"

#include "topics/topic_filter.h"
#include "topics/topic_name.h"

#include <QCommandLineParser>

#include <algorithm>

namespace {

const QLatin1String CheckAction("check");

} // namespace

FilterCommand::FilterCommand(QIODevice *out, QIODevice *err, QObject *parent)
    : CliCommand(out, err, parent)
{
}

FilterCommand::~FilterCommand() = default;

QString FilterCommand::name() const
{
    return QStringLiteral("filter");
}

FilterCommand::Options FilterCommand::options() const
{
    return m_options;
}

QList<QCommandLineOption> FilterCommand::commandOptions() const
{
    return {};
}

QString FilterCommand::synopsis() const
{
    return tr("filter check FILTER [TOPIC ...]");
}

QString FilterCommand::description() const
{
    return tr("Check a topic filter the way the subscription editor does, and show which of the\n"
              "given topics it matches (MQTT 3.1.1 / 5 rules, including $share and $-topics).");
}

QString FilterCommand::helpFooter() const
{
    return tr("Output: one line per topic, \"match\", \"no match\" or \"invalid\" followed by the topic.\n"
              "Put \"--\" before a filter or topic that starts with '-'.\n"
              "Exit status: 0 when the filter is valid (whatever matched), 1 when it is invalid\n"
              "(the reason and its position are printed on stderr) or the arguments are wrong.");
}

QString FilterCommand::extractSpecialArguments(QStringList *arguments)
{
    // QCommandLineParser would read a topic such as "-x" as an option; only
    // "--" makes such arguments literal, here as there.
    QStringList optionArguments;
    m_positionals.clear();
    bool literal = false;
    for (const QString &argument : std::as_const(*arguments)) {
        if (literal || argument.size() < 2 || !argument.startsWith(u'-')) {
            m_positionals.append(argument);
            continue;
        }
        if (argument == u"--") {
            literal = true;
            continue;
        }
        optionArguments.append(argument);
    }
    *arguments = optionArguments;
    return {};
}

QString FilterCommand::readOptions(const QCommandLineParser &parser)
{
    Q_UNUSED(parser)
    if (m_positionals.isEmpty())
        return tr("No action given; use \"filter check FILTER [TOPIC ...]\".");
    if (m_positionals.constFirst() != CheckAction)
        return tr("Unknown action \"%1\"; the only action is \"check\".").arg(m_positionals.constFirst());
    if (m_positionals.size() < 2)
        return tr("No topic filter given; use \"filter check FILTER [TOPIC ...]\".");
    m_options.filter = m_positionals.at(1);
    m_options.topics = m_positionals.mid(2);
    return {};
}

void FilterCommand::sessionConnected()
{
    // filter check never opens a session.
}

FilterCommand::Verdict FilterCommand::verdict(const QString &filter, const QString &topic)
{
    if (!TopicName::validateForPublish(topic).isEmpty())
        return Verdict::InvalidTopic;
    return TopicFilter::matches(filter, topic) ? Verdict::Match : Verdict::NoMatch;
}

QString FilterCommand::verdictLine(Verdict verdict, const QString &topic)
{
    //: Verdict of `filter check`; the topic follows on the same line
    const QString match = tr("match");
    //: Verdict of `filter check`; the topic follows on the same line
    const QString noMatch = tr("no match");
    //: Verdict of `filter check` for a topic that is not a valid topic name
    const QString invalid = tr("invalid");
    const qsizetype width = std::max({match.size(), noMatch.size(), invalid.size()}) + 2;

    QString text;
    switch (verdict) {
    case Verdict::Match:
        text = match;
        break;
    case Verdict::NoMatch:
        text = noMatch;
        break;
    case Verdict::InvalidTopic:
        text = invalid;
        break;
    }
    return text.leftJustified(width) + topic;
}

QString FilterCommand::displayText(const QString &text)
{
    QString shown = text;
    for (QChar &c : shown) {
        if (c.unicode() < 0x20 && c != u'\t')
            c = QChar(char16_t(0x2400 + c.unicode()));
        else if (c.unicode() == 0x7F)
            c = QChar(char16_t(0x2421));
    }
    return shown;
}

QString FilterCommand::caretLine(const QString &text, int position)
{
    // One column per code point; tabs are copied so the caret lines up under them.
    QString line;
    const qsizetype end = std::clamp(qsizetype(position), qsizetype(0), text.size());
    for (qsizetype i = 0; i < end; ++i) {
        const QChar c = text.at(i);
        if (c.isLowSurrogate() && i > 0 && text.at(i - 1).isHighSurrogate())
            continue;
        line += c == u'\t' ? u'\t' : u' ';
    }
    line += u'^';
    return line;
}

void FilterCommand::start()
{
    const QString &filter = m_options.filter;
    const TopicFilter::ValidationError error = TopicFilter::validate(filter);
    if (!error.isValid()) {
        writeError(tr("Error: %1").arg(error.message));
        writeError(QStringLiteral("  ") + displayText(filter));
        writeError(QStringLiteral("  ") + caretLine(filter, error.position));
        closeSessionAndFinish(ExitFailure);
        return;
    }

    if (m_options.topics.isEmpty()) {
        if (writeOut((tr("The topic filter \"%1\" is valid.").arg(filter) + u'\n').toUtf8()))
            closeSessionAndFinish(ExitSuccess);
        return;
    }

    QString lines;
    for (const QString &topic : std::as_const(m_options.topics)) {
        const Verdict result = verdict(filter, topic);
        if (result == Verdict::InvalidTopic) {
            writeError(tr("Warning: \"%1\" is not a valid topic name: %2")
                           .arg(topic, TopicName::validateForPublish(topic)));
        }
        lines += verdictLine(result, topic) + u'\n';
    }
    if (writeOut(lines.toUtf8()))
        closeSessionAndFinish(ExitSuccess);
}
