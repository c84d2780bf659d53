#include "shadow_command.h"

#include "cli_connection_options.h"
#include "shadow/shadow_client.h"
#include "shadow/shadow_result.h"
#include "shadow/shadow_service.h"
#include "shadow/shadow_validation.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonDocument>

#include <limits>

namespace {

// A shadow holds at most 8 KB of state; a request file far beyond that is a
// mistake (a log, a binary), so it is refused before being read whole.
constexpr qint64 MaxDocumentFileBytes = 1024 * 1024;
constexpr qint64 MaxTimeoutSeconds = 3600;

const QString ThingOption = QStringLiteral("thing");
const QString NameOption = QStringLiteral("name");
const QString MessageOption = QStringLiteral("message");
const QString FileOption = QStringLiteral("file");
const QString VersionOption = QStringLiteral("version");
const QString TimeoutOption = QStringLiteral("timeout");
const QString DatabaseOption = QStringLiteral("db");

} // namespace

ShadowCommand::ShadowCommand(QIODevice *out, QIODevice *err, QObject *parent)
    : CliCommand(out, err, parent)
{
}

ShadowCommand::~ShadowCommand()
{
    // The client fails its pending request when destroyed; nobody listens any more.
    if (m_client)
        disconnect(m_client.get(), nullptr, this, nullptr);
}

QString ShadowCommand::name() const
{
    return QStringLiteral("shadow");
}

ShadowCommand::Options ShadowCommand::options() const
{
    return m_options;
}

QList<QCommandLineOption> ShadowCommand::commandOptions() const
{
    QList<QCommandLineOption> options = CliConnectionOptions::options();
    options += {
        {ThingOption, tr("Thing name (1-128 characters of a-z A-Z 0-9 : _ -)."), tr("THING")},
        {NameOption, tr("Named shadow (1-64 characters of a-z A-Z 0-9 : _ -). Default: the classic shadow."),
         tr("NAME")},
        {{QStringLiteral("m"), MessageOption},
         tr("update: the request document, e.g. {\"state\":{\"desired\":{\"speed\":12}}}."), tr("JSON")},
        {{QStringLiteral("f"), FileOption}, tr("update: read the request document from this file."), tr("FILE")},
        {VersionOption, tr("update: apply only if the shadow is still at this version (else 409)."), tr("VERSION")},
        {TimeoutOption,
         tr("Seconds to wait for the reply (1-%1). Default: %2.")
             .arg(MaxTimeoutSeconds)
             .arg(ShadowClient::DefaultRequestTimeoutMs / 1000),
         tr("SECONDS")},
        {DatabaseOption, tr("serve: SQLite file that stores the shadows (created when missing)."), tr("FILE")},
    };
    return options;
}

QString ShadowCommand::synopsis() const
{
    return tr("shadow get|update|delete --thing THING [--name NAME] [-m JSON | -f FILE] [--version V] [options]\n"
              "       linescope-cli shadow serve --db FILE [options]");
}

QString ShadowCommand::description() const
{
    return tr("Read, update and delete AWS IoT device shadows (classic or named) over MQTT, or answer shadow "
              "requests on a broker without AWS (serve).");
}

QString ShadowCommand::helpFooter() const
{
    return tr("The accepted reply is printed as JSON on stdout. -m and -f take the whole update request,\n"
              "{\"state\": {\"desired\": {...}, \"reported\": {...}}, \"version\": V, \"clientToken\": \"...\"};\n"
              "a key set to null is deleted. Names, JSON, nesting depth, the 8 KB size limit and the\n"
              "clientToken are checked before connecting: an invalid request is never sent.\n"
              "\n"
              "Examples:\n"
              "  linescope-cli shadow get --thing press-1 -h broker.local\n"
              "  linescope-cli shadow update --thing press-1 --name control -m '{\"state\":{\"desired\":{\"mode\":\"run\"}}}'"
              " --version 7\n"
              "  linescope-cli shadow delete --thing press-1 --name control\n"
              "  linescope-cli shadow serve -h 127.0.0.1 -p 1883 --db shadows.sqlite\n"
              "\n"
              "Exit status: 0 accepted; 1 invalid arguments or connection error; 2 rejected by the shadow\n"
              "service (code, message and what to do on stderr); 27 no reply within --timeout.\n"
              "serve runs until Ctrl+C and exits 0.");
}

QString ShadowCommand::extractSpecialArguments(QStringList *arguments)
{
    // The action word comes first; option values are not words.
    while (!arguments->isEmpty() && !arguments->first().startsWith(QLatin1Char('-')))
        m_words << arguments->takeFirst();
    return {};
}

QString ShadowCommand::readOptions(const QCommandLineParser &parser)
{
    const QString action = m_words.value(0);
    if (action == u"get") {
        m_options.action = Action::Get;
    } else if (action == u"update") {
        m_options.action = Action::Update;
    } else if (action == u"delete") {
        m_options.action = Action::Delete;
    } else if (action == u"serve") {
        m_options.action = Action::Serve;
    } else if (action.isEmpty()) {
        return tr("Say what to do: get, update, delete or serve.");
    } else {
        return tr("Unknown shadow action \"%1\"; use get, update, delete or serve.").arg(action);
    }
    if (m_words.size() > 1)
        return tr("Unexpected argument \"%1\".").arg(m_words.at(1));

    if (const QString error = CliConnectionOptions::read(parser, &m_options.connection); !error.isEmpty())
        return error;

    if (m_options.action == Action::Serve) {
        for (const QString &option : {ThingOption, NameOption, MessageOption, FileOption, VersionOption, TimeoutOption}) {
            if (parser.isSet(option))
                return tr("--%1 is for get, update and delete; serve answers the requests of every thing.").arg(option);
        }
        if (!parser.isSet(DatabaseOption) || parser.value(DatabaseOption).isEmpty())
            return tr("serve needs --db FILE: the SQLite file that stores the shadows.");
        m_options.databaseFile = QDir::cleanPath(parser.value(DatabaseOption));
        // A service outlives broker restarts.
        m_options.connection.autoReconnect = true;
    } else {
        if (parser.isSet(DatabaseOption))
            return tr("--db is for serve only.");
        if (const QString error = readRequestOptions(parser); !error.isEmpty())
            return error;
        m_options.connection.autoReconnect = false;
    }
    return m_options.connection.validate();
}

QString ShadowCommand::readRequestOptions(const QCommandLineParser &parser)
{
    if (!parser.isSet(ThingOption))
        return tr("No thing given; use --thing THING.");
    m_options.shadow.thing = parser.value(ThingOption);
    if (parser.isSet(NameOption)) {
        m_options.shadow.shadow = parser.value(NameOption);
        if (m_options.shadow.shadow.isEmpty())
            return tr("--name is empty; give the named shadow's name, or leave --name out for the classic shadow.");
    }
    const ShadowValidation::Access access =
        m_options.action == Action::Get ? ShadowValidation::Access::Read : ShadowValidation::Access::Write;
    const ShadowValidation::Problem name = ShadowValidation::validateName(m_options.shadow, access);
    if (!name.isValid())
        return name.message;

    m_options.timeoutMs = ShadowClient::DefaultRequestTimeoutMs;
    if (parser.isSet(TimeoutOption)) {
        qint64 seconds = 0;
        if (!CliConnectionOptions::parseNumber(parser.value(TimeoutOption), 1, MaxTimeoutSeconds, &seconds))
            return tr("Invalid --timeout \"%1\"; use whole seconds from 1 to %2.")
                .arg(parser.value(TimeoutOption))
                .arg(MaxTimeoutSeconds);
        m_options.timeoutMs = int(seconds * 1000);
    }

    if (m_options.action != Action::Update) {
        for (const QString &option : {MessageOption, FileOption, VersionOption}) {
            if (parser.isSet(option))
                return tr("--%1 is for update only.").arg(option);
        }
        return {};
    }
    return readUpdateDocument(parser);
}

QString ShadowCommand::readUpdateDocument(const QCommandLineParser &parser)
{
    const bool fromMessage = parser.isSet(MessageOption);
    const bool fromFile = parser.isSet(FileOption);
    if (fromMessage == fromFile)
        return tr("update needs the request document: give exactly one of -m JSON and -f FILE.");

    QByteArray payload;
    if (fromMessage) {
        payload = parser.value(MessageOption).toUtf8();
    } else {
        const QString path = parser.value(FileOption);
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return tr("Cannot read the update document \"%1\" given with -f: %2")
                .arg(QDir::toNativeSeparators(path), file.errorString());
        if (file.size() > MaxDocumentFileBytes)
            return tr("The update document \"%1\" has %2 bytes; a shadow update holds at most %3 bytes of state, "
                      "so files over %4 bytes are refused.")
                .arg(QDir::toNativeSeparators(path))
                .arg(file.size())
                .arg(ShadowValidation::MaxStateBytes)
                .arg(MaxDocumentFileBytes);
        payload = file.readAll();
        if (file.error() != QFileDevice::NoError)
            return tr("Cannot read the update document \"%1\" given with -f: %2")
                .arg(QDir::toNativeSeparators(path), file.errorString());
    }
    const QString source = fromMessage ? QStringLiteral("-m") : QStringLiteral("-f");
    const ShadowValidation::Problem problem = ShadowValidation::validateUpdateRequest(payload);
    if (!problem.isValid())
        return tr("Invalid update document (%1): %2").arg(source, problem.message);

    // Valid means: a UTF-8 JSON object with a "state" object, an optional
    // non-negative integer version and an optional valid clientToken.
    const QJsonObject request = QJsonDocument::fromJson(payload).object();
    m_options.state = request.value(QLatin1String("state")).toObject();
    m_options.clientToken = request.value(QLatin1String("clientToken")).toString();
    if (request.contains(VersionOption))
        m_options.version = request.value(VersionOption).toInteger();
    if (parser.isSet(VersionOption)) {
        qint64 version = 0;
        if (!CliConnectionOptions::parseNumber(parser.value(VersionOption), 0, std::numeric_limits<qint64>::max(),
                                               &version))
            return tr("Invalid --version \"%1\"; use the shadow's current version, a whole number from 0.")
                .arg(parser.value(VersionOption));
        if (m_options.version && *m_options.version != version)
            return tr("--version %1 differs from the version %2 in the update document (%3); give it only once.")
                .arg(version)
                .arg(*m_options.version)
                .arg(source);
        m_options.version = version;
    }
    return {};
}

void ShadowCommand::start()
{
    openSession(m_options.connection);
    if (m_options.action == Action::Serve)
        startService();
}

void ShadowCommand::sessionConnected()
{
    if (m_options.action == Action::Serve) {
        writeOut(tr("Connected to %1:%2.").arg(m_options.connection.host).arg(m_options.connection.port).toUtf8()
                 + '\n');
        return;
    }
    if (!m_client)
        sendRequest();
}

void ShadowCommand::sendRequest()
{
    m_client = std::make_unique<ShadowClient>(session());
    m_client->setRequestTimeout(m_options.timeoutMs);
    connect(m_client.get(), &ShadowClient::requestFinished, this, &ShadowCommand::handleResult);
    switch (m_options.action) {
    case Action::Get:
        m_token = m_client->get(m_options.shadow);
        break;
    case Action::Update:
        m_token = m_client->update(m_options.shadow, m_options.state, m_options.version, m_options.clientToken);
        break;
    case Action::Delete:
        m_token = m_client->deleteShadow(m_options.shadow);
        break;
    case Action::Serve:
        Q_UNREACHABLE();
    }
    if (m_token.isEmpty()) {
        writeError(tr("Error: %1").arg(m_client->errorString()));
        closeSessionAndFinish(ExitFailure);
    }
}

void ShadowCommand::handleResult(const QString &clientToken, const ShadowResult &result)
{
    if (clientToken != m_token || isClosing())
        return;
    const QString operation = ShadowTopics::operationName(result.operation);
    switch (result.status) {
    case ShadowResult::Status::Accepted:
        if (writeOut(QJsonDocument(result.payload).toJson(QJsonDocument::Indented)))
            closeSessionAndFinish(ExitSuccess);
        return;
    case ShadowResult::Status::Rejected:
        writeError(tr("Error: the shadow service rejected the %1 request for %2: %3 %4")
                       .arg(operation, result.shadow.displayName())
                       .arg(result.code)
                       .arg(result.serviceMessage));
        writeError(result.errorString);
        closeSessionAndFinish(ExitRejected);
        return;
    case ShadowResult::Status::TimedOut:
        writeError(tr("Error: %1").arg(result.errorString));
        closeSessionAndFinish(ExitTimedOut);
        return;
    case ShadowResult::Status::Failed:
        writeError(tr("Error: %1").arg(result.errorString));
        closeSessionAndFinish(ExitFailure);
        return;
    }
}

void ShadowCommand::startService()
{
    m_service = std::make_unique<ShadowService>(session());
    connect(m_service.get(), &ShadowService::started, this, [this] {
        writeOut(tr("Shadow service running on %1:%2, shadows stored in %3. Stop it with Ctrl+C.")
                     .arg(m_options.connection.host)
                     .arg(m_options.connection.port)
                     .arg(QDir::toNativeSeparators(m_service->databaseFile()))
                     .toUtf8()
                 + '\n');
    });
    connect(m_service.get(), &ShadowService::errorOccurred, this,
            [this](const QString &message) { writeError(tr("Warning: %1").arg(message)); });
    connect(m_service.get(), &ShadowService::stateChanged, this, [this](ShadowService::State state) {
        if (state == ShadowService::State::Failed && !isClosing()) {
            writeError(tr("Error: the shadow service stopped: %1").arg(m_service->errorString()));
            closeSessionAndFinish(ExitFailure);
        }
    });
    connect(m_service.get(), &ShadowService::requestHandled, this, &ShadowCommand::logRequest);
    if (!m_service->start(m_options.databaseFile)) {
        writeError(tr("Error: %1").arg(m_service->errorString()));
        closeSessionAndFinish(ExitFailure);
    }
}

void ShadowCommand::logRequest(const ShadowName &shadow, ShadowTopics::Operation operation, int code,
                               const QString &serviceMessage, const QString &clientToken)
{
    const QString time = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
    const QString token = clientToken.isEmpty() ? tr("no clientToken") : tr("clientToken %1").arg(clientToken);
    const QString operationName = ShadowTopics::operationName(operation);
    QString line;
    if (code == 200) {
        //: Log line of "shadow serve": time, get/update/delete, shadow, clientToken
        line = tr("%1 %2 %3: accepted (%4)").arg(time, operationName, shadow.displayName(), token);
    } else {
        //: Log line of "shadow serve": time, get/update/delete, shadow, code, service message, clientToken
        line = tr("%1 %2 %3: rejected %4 \"%5\" (%6)")
                   .arg(time, operationName, shadow.displayName())
                   .arg(code)
                   .arg(serviceMessage, token);
    }
    writeOut(line.toUtf8() + '\n');
}

void ShadowCommand::interrupt()
{
    if (isClosing())
        return;
    if (m_options.action == Action::Serve) {
        if (m_service)
            m_service->stop();
        closeSessionAndFinish(ExitSuccess);
        return;
    }
    writeError(tr("Error: interrupted before the shadow service replied."));
    closeSessionAndFinish(ExitFailure);
}

int ShadowCommand::aboutToFinish(int exitCode)
{
    if (m_service) {
        writeOut(tr("Shadow service stopped. Requests accepted: %1, rejected: %2.")
                     .arg(m_service->acceptedCount())
                     .arg(m_service->rejectedCount())
                     .toUtf8()
                 + '\n');
    }
    return exitCode;
}
