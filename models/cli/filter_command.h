#pragma once

#include "cli_command.h"

#include <QString>
#include <QStringList>

// `linescope-cli filter check FILTER [TOPIC ...]`: checks a topic filter the
// way the subscription editor does, without a broker.
//
// An invalid filter prints, on err, "Error: <TopicFilter::validate() message>",
// the filter and a caret line under the offending position, and exits 1.
// A valid filter prints one line per TOPIC on out, in the order given:
//   "match     <topic>"      TopicFilter::matches() is true
//   "no match  <topic>"      it is false
//   "invalid   <topic>"      the topic is not a valid topic name; the reason
//                            (TopicName::validateForPublish()) goes to err
// and exits 0, whatever the verdicts were. Without topics it prints that the
// filter is valid. Arguments after "--" are taken literally (topics or
// filters starting with '-').
//
// Works without an event loop: start() finishes before it returns.
class FilterCommand : public CliCommand
{
    Q_OBJECT
public:
    enum class Verdict { Match, NoMatch, InvalidTopic };
    Q_ENUM(Verdict)

    struct Options
    {
        QString filter;
        QStringList topics;   // in the order given
    };

    FilterCommand(QIODevice *out, QIODevice *err, QObject *parent = nullptr);
    ~FilterCommand() override;

    QString name() const override;
    // Valid after parseArguments() returned true.
    Options options() const;
    void start() override;

    static Verdict verdict(const QString &filter, const QString &topic);
    // The out line for one topic, without the line end.
    static QString verdictLine(Verdict verdict, const QString &topic);

    // text as printed under the error (control characters but tab shown as
    // Unicode control pictures, so every character takes one column), and the
    // matching line with '^' under the 0-based UTF-16 position (a position at
    // the end points just past the text).
    static QString displayText(const QString &text);
    static QString caretLine(const QString &text, int position);

protected:
    QList<QCommandLineOption> commandOptions() const override;
    QString synopsis() const override;
    QString description() const override;
    QString helpFooter() const override;
    QString extractSpecialArguments(QStringList *arguments) override;
    QString readOptions(const QCommandLineParser &parser) override;
    void sessionConnected() override;

private:
    Options m_options;
    QStringList m_positionals;   // everything that is not an option, "check" first
};
