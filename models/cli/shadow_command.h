#pragma once

#include "cli_command.h"

#include "shadow/shadow_name.h"
#include "shadow/shadow_topics.h"

#include <QJsonObject>
#include <QStringList>

#include <memory>
#include <optional>

class ShadowClient;
class ShadowService;
struct ShadowResult;

// `linescope-cli shadow ...`, AWS IoT Device Shadows from the console:
//
//   shadow get|delete --thing T [--name N] [--timeout S] [connection options]
//   shadow update --thing T [--name N] {-m JSON | -f FILE} [--version V] [--timeout S] [...]
//     One request through ShadowClient. The accepted reply is printed as
//     indented JSON on out. -m/-f hold the whole /update request document
//     ({"state": {...}, "version"?, "clientToken"?}), as AWS's
//     update-thing-shadow --payload; --version adds or must match its version.
//     Names, document (UTF-8, JSON, state, nesting, 8 KB), clientToken and
//     version are checked while parsing, so an invalid request connects to
//     nothing and sends nothing.
//   shadow serve --db FILE [connection options]
//     Runs ShadowService on the broker, storing the shadows in the SQLite
//     file, and logs each answered request on out until Ctrl+C (exit 0). It
//     reconnects when the broker goes away.
//
// Exit status: 0 accepted (or serve stopped by Ctrl+C); 1 invalid arguments,
// connection or service errors (message on err, as every command);
// ExitRejected when the service answered on .../rejected (code, message and
// an operator sentence on err); ExitTimedOut (27, as sub -W) when no reply
// came within --timeout; a refused CONNACK exits as CliCommand describes.
class ShadowCommand : public CliCommand
{
    Q_OBJECT
public:
    enum class Action { Get, Update, Delete, Serve };
    Q_ENUM(Action)

    // Not a CONNACK code and not used by the other commands.
    static constexpr int ExitRejected = 2;

    struct Options
    {
        Action action = Action::Get;
        ConnectionSettings connection;
        ShadowName shadow;                  // get, update, delete
        QJsonObject state;                  // update: the request's "state"
        std::optional<qint64> version;      // update: --version or the document's
        QString clientToken;                // update: the document's, else generated
        int timeoutMs = 0;                  // get, update, delete
        QString databaseFile;               // serve
    };

    ShadowCommand(QIODevice *out, QIODevice *err, QObject *parent = nullptr);
    ~ShadowCommand() override;

    QString name() const override;
    Options options() const;        // valid after parseArguments() returned true
    void start() override;
    void interrupt() override;

protected:
    QList<QCommandLineOption> commandOptions() const override;
    QString synopsis() const override;
    QString description() const override;
    QString helpFooter() const override;
    QString extractSpecialArguments(QStringList *arguments) override;
    QString readOptions(const QCommandLineParser &parser) override;
    void sessionConnected() override;
    int aboutToFinish(int exitCode) override;

private:
    QString readRequestOptions(const QCommandLineParser &parser);
    QString readUpdateDocument(const QCommandLineParser &parser);
    void sendRequest();
    void handleResult(const QString &clientToken, const ShadowResult &result);
    void startService();
    void logRequest(const ShadowName &shadow, ShadowTopics::Operation operation, int code,
                    const QString &serviceMessage, const QString &clientToken);

    Options m_options;
    QStringList m_words;
    std::unique_ptr<ShadowClient> m_client;
    std::unique_ptr<ShadowService> m_service;
    QString m_token;
};
