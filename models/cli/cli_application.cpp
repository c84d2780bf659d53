#include "cli_application.h"

#include "cli_command.h"
#include "broker_command.h"
#include "cert_command.h"
#include "filter_command.h"
#include "measurements_command.h"
#include "pub_command.h"
#include "shadow_command.h"
#include "simulate_command.h"
#include "sub_command.h"
#include "tree_command.h"

#include <QFileDevice>
#include <QIODevice>
#include <QLoggingCategory>

#ifndef LINESCOPE_VERSION
#error "LINESCOPE_VERSION must be defined by the build (models/cli/CMakeLists.txt)"
#endif

CliApplication::CliApplication(QIODevice *out, QIODevice *err, QObject *parent)
    : QObject(parent)
    , m_out(out)
    , m_err(err)
{
}

CliApplication::~CliApplication() = default;

void CliApplication::setStandardInput(std::unique_ptr<QIODevice> input)
{
    m_input = std::move(input);
}

QString CliApplication::version()
{
    return QStringLiteral(LINESCOPE_VERSION);
}

QString CliApplication::usageText() const
{
    return tr("Usage: linescope-cli COMMAND [options]\n"
              "\n"
              "An MQTT console client with the flags of mosquitto_sub and mosquitto_pub.\n"
              "\n"
              "Commands:\n"
              "  sub        Subscribe and print the messages that arrive.\n"
              "  pub        Publish a message.\n"
              "  simulate   Publish a simulated production line.\n"
              "  measurements\n"
              "             Subscribe and print the measurements in the messages (CSV with --csv).\n"
              "  tree       Listen for a while and print the topic tree with message counts.\n"
              "  filter     Check a topic filter and which topics it matches (filter check).\n"
              "  cert       Import, list, show, delete and export client certificates.\n"
              "  broker     Run the embedded broker headless, manage its LAN accounts.\n"
              "  shadow     Get, update or delete a device shadow; serve shadows on a broker.\n"
              "\n"
              "Run \"linescope-cli COMMAND --help\" for the options of a command.\n"
              "  --help     Show this help and exit.\n"
              "  --version  Show the version and exit.\n");
}

void CliApplication::writeTo(QIODevice *device, const QString &text)
{
    device->write(text.toUtf8());
    if (auto *file = qobject_cast<QFileDevice *>(device))
        file->flush();
}

bool CliApplication::prepare(const QStringList &arguments)
{
    const QStringList rest = arguments.mid(1);
    const QString first = rest.value(0);
    if (first == u"--help") {
        writeTo(m_out, usageText());
        m_exitCode = CliCommand::ExitSuccess;
        return false;
    }
    if (first == u"--version") {
        writeTo(m_out, tr("linescope-cli %1").arg(version()) + QStringLiteral("\n"));
        m_exitCode = CliCommand::ExitSuccess;
        return false;
    }

    if (first == u"sub") {
        m_command = std::make_unique<SubCommand>(m_out, m_err);
    } else if (first == u"pub") {
        auto pub = std::make_unique<PubCommand>(m_out, m_err);
        pub->setStandardInput(std::move(m_input));
        m_command = std::move(pub);
    } else if (first == u"simulate") {
        m_command = std::make_unique<SimulateCommand>(m_out, m_err);
    } else if (first == u"measurements") {
        m_command = std::make_unique<MeasurementsCommand>(m_out, m_err);
    } else if (first == u"tree") {
        m_command = std::make_unique<TreeCommand>(m_out, m_err);
    } else if (first == u"filter") {
        m_command = std::make_unique<FilterCommand>(m_out, m_err);
    } else if (first == u"cert") {
        m_command = std::make_unique<CertCommand>(m_out, m_err);
    } else if (first == u"broker") {
        m_command = std::make_unique<BrokerCommand>(m_out, m_err);
    } else if (first == u"shadow") {
        m_command = std::make_unique<ShadowCommand>(m_out, m_err);
    } else {
        QString error;
        if (first.isEmpty())
            error = tr("Error: no command given.");
        else if (first.startsWith(u'-'))
            error = tr("Error: unknown option \"%1\"; the command comes first.").arg(first);
        else
            error = tr("Error: unknown command \"%1\".").arg(first);
        writeTo(m_err, error + QStringLiteral("\n") + usageText());
        m_exitCode = CliCommand::ExitFailure;
        return false;
    }

    connect(m_command.get(), &CliCommand::finished, this, [this](int exitCode) {
        m_exitCode = exitCode;
        Q_EMIT finished(exitCode);
    });
    if (!m_command->parseArguments(rest.mid(1))) {
        m_exitCode = m_command->exitCode();
        return false;
    }
    return true;
}

CliCommand *CliApplication::command() const
{
    return m_command.get();
}

int CliApplication::exitCode() const
{
    return m_exitCode;
}

void CliApplication::start()
{
    Q_ASSERT_X(m_command && !m_command->isFinished(), "CliApplication::start", "prepare() must have returned true");
    // stderr carries only what the user asked for; -d adds the connection's
    // debug log, as mosquitto_sub -d does. QT_LOGGING_RULES still overrides this.
    QLoggingCategory::setFilterRules(m_command->isDebugEnabled() ? QStringLiteral("linescope.*.debug=true")
                                                                 : QStringLiteral("linescope.*.debug=false"));
    m_command->start();
}

void CliApplication::interrupt()
{
    if (m_command && !m_command->isFinished())
        m_command->interrupt();
}
