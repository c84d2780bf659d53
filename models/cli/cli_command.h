#pragma once

#include "mqtt/connection_settings.h"
#include "mqtt/mqtt_session.h"

#include <QCommandLineOption>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

#include <memory>

QT_FORWARD_DECLARE_CLASS(QCommandLineParser)
QT_FORWARD_DECLARE_CLASS(QIODevice)
QT_FORWARD_DECLARE_CLASS(QTimer)

// Base of the linescope-cli commands (sub, pub, simulate).
//
// It owns what they share: parsing with QCommandLineParser and a self-made
// --help (-h is the host, as in mosquitto_sub/pub), writing to caller-provided
// devices, and the MqttSession lifecycle: connect, report a failed first
// connection the way the mosquitto clients do, and disconnect cleanly before
// finishing.
//
// Exit status, as the mosquitto clients: 0 success; 1 argument, connection or
// runtime error (message on err, starting with "Error: "); 27 when sub -W
// timed out; a refused CONNACK exits with the MQTT reason code (3.1.1: 1
// protocol rejected, 3 server unavailable, 4 bad user name or password, 5 not
// authorised; MQTT 5: 132, 136, 134, 135). MqttSession reports refusals as
// error kinds, so other CONNACK codes of the same kind map onto these.
//
// Threading: create and use on one thread that runs an event loop.
class CliCommand : public QObject
{
    Q_OBJECT
public:
    enum ExitCode { ExitSuccess = 0, ExitFailure = 1, ExitTimedOut = 27 };
    Q_ENUM(ExitCode)

    // out gets the results (payload bytes exactly as received), err the
    // diagnostics. Neither is owned; both must stay open while the command runs.
    CliCommand(QIODevice *out, QIODevice *err, QObject *parent = nullptr);
    ~CliCommand() override;

    virtual QString name() const = 0;   // the command word, e.g. "sub"

    // Parses the arguments after the command word. Returns true when start()
    // may be called. Otherwise the command is finished: exitCode() is 0 after
    // --help (help written to out) or 1 after an error ("Error: <parseError()>"
    // and the usage written to err). Legal once, before start().
    bool parseArguments(const QStringList &arguments);
    QString parseError() const;
    QString helpText() const;
    QString usageLine() const;          // "Usage: linescope-cli sub ..."

    // Legal once, after parseArguments() returned true. finished() follows
    // exactly once, possibly before start() returns.
    virtual void start() = 0;
    // Ctrl+C / SIGTERM: stop at the next safe point, disconnect, finish with 0.
    virtual void interrupt();

    bool isFinished() const;
    int exitCode() const;
    // -d was given: the caller should let the MQTT connection's debug log through.
    bool isDebugEnabled() const;

    // The exit status for a failed first connection (see the class comment).
    static int exitCodeForConnectionError(MqttSession::Error error, ConnectionSettings::ProtocolVersion version);

Q_SIGNALS:
    void finished(int exitCode);

protected:
    /* Hooks for the commands */
    // Options besides -d and --help, which this class adds.
    virtual QList<QCommandLineOption> commandOptions() const = 0;
    virtual QString synopsis() const = 0;      // e.g. "sub -t FILTER [-t FILTER ...] [options]"
    virtual QString description() const = 0;
    virtual QString helpFooter() const;        // extra paragraphs after the option list
    // Takes arguments QCommandLineParser cannot express (several values per
    // option) out of *arguments. Returns an error text or an empty string.
    virtual QString extractSpecialArguments(QStringList *arguments);
    // Reads and validates the parsed values. Returns an empty string or a
    // translated sentence naming the option and what is allowed.
    virtual QString readOptions(const QCommandLineParser &parser) = 0;
    // The session reached Connected (each time, also after a reconnect);
    // publish() is legal from here on.
    virtual void sessionConnected() = 0;
    // Called once, right before finished(), after the session went down. May
    // print a summary; returns the exit code to use (default: exitCode).
    virtual int aboutToFinish(int exitCode);

    // The names under which an option taking a value is spelled ("-t", "--topic").
    QStringList valueOptionSpellings() const;

    // Writes bytes to out and flushes. A failed write is reported on err and
    // finishes the command with exit code 1; the return value says whether it worked.
    bool writeOut(const QByteArray &bytes);
    // Writes one line of text to err.
    void writeError(const QString &line);

    // Creates the session with these settings and connects. Until the first
    // Connected, any session error is fatal ("Error: ..." and an exit code per
    // exitCodeForConnectionError()). Later errors are fatal too unless
    // settings.autoReconnect is set; then they are reported as warnings and the
    // session reconnects (as mosquitto_sub does), until it gives up (Failed),
    // which ends the command with exit code 1.
    void openSession(const ConnectionSettings &settings);
    MqttSession *session() const;
    bool hasConnected() const;

    // Disconnects cleanly (when a session is open) and then finishes with exitCode.
    // Calls after the first one are ignored.
    void closeSessionAndFinish(int exitCode);
    bool isClosing() const;

private:
    void handleSessionError(MqttSession::Error error, const QString &message);
    void failSession(MqttSession::Error error, const QString &message);
    void handleSessionState(MqttSession::State state);
    void finish(int exitCode);
    QList<QCommandLineOption> allOptions() const;

    QIODevice *m_out = nullptr;
    QIODevice *m_err = nullptr;
    std::unique_ptr<MqttSession> m_session;
    QTimer *m_disconnectGuard = nullptr;
    ConnectionSettings::ProtocolVersion m_protocolVersion = ConnectionSettings::ProtocolVersion::V311;
    bool m_autoReconnect = false;
    bool m_connected = false;
    bool m_closing = false;
    bool m_finished = false;
    bool m_debug = false;
    int m_exitCode = ExitSuccess;
    int m_pendingExitCode = ExitSuccess;
    QString m_parseError;
};
