#include "cli_command.h"

#include <QCommandLineParser>
#include <QFileDevice>
#include <QIODevice>
#include <QTimer>

#include <algorithm>

namespace {

// How long a clean DISCONNECT may take before the command exits anyway.
constexpr int DisconnectGuardMs = 10000;

QString optionSpelling(const QCommandLineOption &option)
{
    QStringList names;
    for (const QString &name : option.names())
        names.append(name.size() == 1 ? QStringLiteral("-") + name : QStringLiteral("--") + name);
    QString spelling = names.join(QStringLiteral(", "));
    if (!option.valueName().isEmpty())
        spelling += QStringLiteral(" ") + option.valueName();
    return spelling;
}

void flushIfFile(QIODevice *device)
{
    if (auto *file = qobject_cast<QFileDevice *>(device))
        file->flush();
}

} // namespace

CliCommand::CliCommand(QIODevice *out, QIODevice *err, QObject *parent)
    : QObject(parent)
    , m_out(out)
    , m_err(err)
    , m_disconnectGuard(new QTimer(this))
{
    m_disconnectGuard->setSingleShot(true);
    m_disconnectGuard->setInterval(DisconnectGuardMs);
    connect(m_disconnectGuard, &QTimer::timeout, this, [this] {
        writeError(tr("Warning: the broker connection did not close within %1 s; exiting anyway.")
                       .arg(DisconnectGuardMs / 1000));
        finish(m_pendingExitCode);
    });
}

CliCommand::~CliCommand() = default;

int CliCommand::exitCodeForConnectionError(MqttSession::Error error, ConnectionSettings::ProtocolVersion version)
{
    const bool v5 = version == ConnectionSettings::ProtocolVersion::V5;
    switch (error) {
    case MqttSession::Error::ProtocolRejected:
        return v5 ? 132 : 1;
    case MqttSession::Error::ServerUnavailable:
        return v5 ? 136 : 3;
    case MqttSession::Error::BadCredentials:
        return v5 ? 134 : 4;
    case MqttSession::Error::NotAuthorized:
        return v5 ? 135 : 5;
    case MqttSession::Error::NoError:
    case MqttSession::Error::InvalidSettings:
    case MqttSession::Error::HostNotFound:
    case MqttSession::Error::ConnectionRefused:
    case MqttSession::Error::TlsError:
    case MqttSession::Error::ConnectionLost:
    case MqttSession::Error::InvalidRequest:
    case MqttSession::Error::InternalError:
        break;
    }
    return ExitFailure;
}

QList<QCommandLineOption> CliCommand::allOptions() const
{
    QList<QCommandLineOption> options = commandOptions();
    options.append(QCommandLineOption({QStringLiteral("d"), QStringLiteral("debug")},
                                      tr("Print the debug log of the MQTT connection on stderr.")));
    options.append(QCommandLineOption(QStringLiteral("help"), tr("Show this help and exit.")));
    return options;
}

QStringList CliCommand::valueOptionSpellings() const
{
    QStringList spellings;
    for (const QCommandLineOption &option : allOptions()) {
        if (option.valueName().isEmpty())
            continue;
        for (const QString &name : option.names())
            spellings.append(name.size() == 1 ? QStringLiteral("-") + name : QStringLiteral("--") + name);
    }
    return spellings;
}

QString CliCommand::helpFooter() const
{
    return {};
}

QString CliCommand::extractSpecialArguments(QStringList *arguments)
{
    Q_UNUSED(arguments)
    return {};
}

QString CliCommand::usageLine() const
{
    return tr("Usage: linescope-cli %1").arg(synopsis());
}

QString CliCommand::helpText() const
{
    const QList<QCommandLineOption> options = allOptions();
    qsizetype width = 0;
    for (const QCommandLineOption &option : options)
        width = std::max(width, optionSpelling(option).size());

    QString text = usageLine() + QStringLiteral("\n\n") + description() + QStringLiteral("\n\n")
        + tr("Options:") + QStringLiteral("\n");
    for (const QCommandLineOption &option : options) {
        text += QStringLiteral("  ") + optionSpelling(option).leftJustified(width + 2) + option.description()
            + QStringLiteral("\n");
    }
    const QString footer = helpFooter();
    if (!footer.isEmpty())
        text += QStringLiteral("\n") + footer + QStringLiteral("\n");
    return text;
}

bool CliCommand::parseArguments(const QStringList &arguments)
{
    Q_ASSERT_X(!m_finished, "CliCommand::parseArguments", "the command already finished");

    const auto fail = [this](const QString &error) {
        m_parseError = error;
        writeError(tr("Error: %1").arg(error));
        writeError(usageLine());
        writeError(tr("Run \"linescope-cli %1 --help\" to see all options.").arg(name()));
        finish(ExitFailure);
        return false;
    };

    QStringList remaining = arguments;
    const QString specialError = extractSpecialArguments(&remaining);

    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsCompactedShortOptions);
    parser.addOptions(allOptions());
    // QCommandLineParser skips the first entry as the program name.
    remaining.prepend(QStringLiteral("linescope-cli"));
    const bool parsed = parser.parse(remaining);

    if (parser.isSet(QStringLiteral("help"))) {
        writeOut(helpText().toUtf8());
        finish(ExitSuccess);
        return false;
    }
    if (!parsed)
        return fail(parser.errorText());
    if (!specialError.isEmpty())
        return fail(specialError);
    if (!parser.positionalArguments().isEmpty())
        return fail(tr("Unexpected argument \"%1\".").arg(parser.positionalArguments().constFirst()));

    const QString error = readOptions(parser);
    if (!error.isEmpty())
        return fail(error);
    m_debug = parser.isSet(QStringLiteral("debug"));
    return true;
}

QString CliCommand::parseError() const
{
    return m_parseError;
}

void CliCommand::interrupt()
{
    closeSessionAndFinish(ExitSuccess);
}

bool CliCommand::isFinished() const
{
    return m_finished;
}

int CliCommand::exitCode() const
{
    return m_exitCode;
}

bool CliCommand::isDebugEnabled() const
{
    return m_debug;
}

bool CliCommand::writeOut(const QByteArray &bytes)
{
    if (m_finished)
        return false;
    if (m_out->write(bytes) != bytes.size()) {
        writeError(tr("Error: cannot write the output: %1").arg(m_out->errorString()));
        closeSessionAndFinish(ExitFailure);
        return false;
    }
    flushIfFile(m_out);
    return true;
}

void CliCommand::writeError(const QString &line)
{
    m_err->write(line.toUtf8() + '\n');
    flushIfFile(m_err);
}

void CliCommand::openSession(const ConnectionSettings &settings)
{
    Q_ASSERT_X(!m_session, "CliCommand::openSession", "one session per command");
    m_protocolVersion = settings.protocolVersion;
    m_autoReconnect = settings.autoReconnect;
    m_session = std::make_unique<MqttSession>();
    connect(m_session.get(), &MqttSession::errorOccurred, this, &CliCommand::handleSessionError);
    connect(m_session.get(), &MqttSession::stateChanged, this, &CliCommand::handleSessionState);
    m_session->setSettings(settings);
    m_session->connectToBroker();
}

MqttSession *CliCommand::session() const
{
    return m_session.get();
}

bool CliCommand::hasConnected() const
{
    return m_connected;
}

bool CliCommand::isClosing() const
{
    return m_closing || m_finished;
}

void CliCommand::handleSessionError(MqttSession::Error error, const QString &message)
{
    // Once closing, the command ends with the status it already chose; what
    // the session reports while going down adds nothing the user can act on.
    if (m_closing || m_finished)
        return;
    // The session retries by itself; it reports giving up through its state.
    if (m_connected && m_autoReconnect) {
        writeError(tr("Warning: %1").arg(message));
        return;
    }
    failSession(error, message);
}

void CliCommand::failSession(MqttSession::Error error, const QString &message)
{
    writeError(tr("Error: %1").arg(message));
    closeSessionAndFinish(m_connected ? int(ExitFailure) : exitCodeForConnectionError(error, m_protocolVersion));
}

void CliCommand::handleSessionState(MqttSession::State state)
{
    if (m_closing) {
        if (state == MqttSession::State::Disconnected || state == MqttSession::State::Failed)
            finish(m_pendingExitCode);
        return;
    }
    switch (state) {
    case MqttSession::State::Connected:
        // The state, not MqttSession::connected(), because publish() checks the state.
        m_connected = true;
        sessionConnected();
        break;
    case MqttSession::State::Failed:
    case MqttSession::State::Disconnected:
        // The session stopped trying (session taken over, credentials revoked,
        // ...) without us asking: nothing more will happen, so end the command.
        failSession(m_session->error(), m_session->errorString().isEmpty()
                                            ? tr("The connection to the broker ended.")
                                            : m_session->errorString());
        break;
    case MqttSession::State::Connecting:
    case MqttSession::State::WaitingToReconnect:
        break;
    }
}

void CliCommand::closeSessionAndFinish(int exitCode)
{
    if (m_closing || m_finished)
        return;
    m_closing = true;
    m_pendingExitCode = exitCode;
    if (!m_session) {
        finish(exitCode);
        return;
    }
    const MqttSession::State state = m_session->state();
    if (state == MqttSession::State::Disconnected || state == MqttSession::State::Failed) {
        finish(exitCode);
        return;
    }
    m_disconnectGuard->start();
    m_session->disconnectFromBroker();
    if (m_session->state() == MqttSession::State::Disconnected)
        finish(exitCode);
}

int CliCommand::aboutToFinish(int exitCode)
{
    return exitCode;
}

void CliCommand::finish(int exitCode)
{
    if (m_finished)
        return;
    exitCode = aboutToFinish(exitCode);
    m_finished = true;
    m_exitCode = exitCode;
    m_disconnectGuard->stop();
    Q_EMIT finished(exitCode);
}
