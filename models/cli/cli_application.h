#pragma once

#include <QObject>
#include <QString>
#include <QStringList>

#include <memory>

QT_FORWARD_DECLARE_CLASS(QIODevice)
class CliCommand;

// The linescope-cli front: picks the command from the first argument,
// answers --help and --version itself, and runs the command.
//
//   linescope-cli {sub | pub | simulate | tree | filter | cert} [options]
//   linescope-cli <command> --help
//   linescope-cli --help | --version
//
// Typical use (app/cli/main.cpp): prepare(arguments); if it returns true,
// start() from the event loop and quit on finished(). Threading: one thread
// with an event loop.
class CliApplication : public QObject
{
    Q_OBJECT
public:
    // out/err as for CliCommand; not owned.
    CliApplication(QIODevice *out, QIODevice *err, QObject *parent = nullptr);
    ~CliApplication() override;

    // What `pub -s` / `pub -l` read (normally stdin). Optional; call before prepare().
    void setStandardInput(std::unique_ptr<QIODevice> input);

    // arguments as from QCoreApplication::arguments(), program name first.
    // Returns true when a command is ready for start(); otherwise everything
    // was already printed and exitCode() is final (0 for --help/--version,
    // 1 for usage errors).
    bool prepare(const QStringList &arguments);
    CliCommand *command() const;
    int exitCode() const;

    static QString version();
    QString usageText() const;

public Q_SLOTS:
    // Legal once, after prepare() returned true. Sets the process's logging
    // rules for linescope.* debug output according to -d.
    void start();
    void interrupt();   // forwards Ctrl+C to the running command

Q_SIGNALS:
    void finished(int exitCode);

private:
    void writeTo(QIODevice *device, const QString &text);

    QIODevice *m_out = nullptr;
    QIODevice *m_err = nullptr;
    std::unique_ptr<QIODevice> m_input;
    std::unique_ptr<CliCommand> m_command;
    int m_exitCode = 0;
};
