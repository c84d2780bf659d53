#include "cli/cli_application.h"
#include "cli/interrupt_watcher.h"
#include "cli/stdio_mode.h"
#include "i18n/translations.h"

#include <QCoreApplication>
#include <QFile>
#include <QTimer>

#include <memory>

// linescope-cli: parse, build the command, run it. Everything else lives in models/cli.
int main(int argc, char *argv[])
{
    StdioMode::setBinary();
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("linescope-cli"));
    QCoreApplication::setApplicationVersion(CliApplication::version());
    Translations::install(&app);

    // Unbuffered, so each message reaches a pipe as soon as it is printed.
    QFile out;
    QFile err;
    out.open(1, QIODevice::WriteOnly | QIODevice::Unbuffered);
    err.open(2, QIODevice::WriteOnly | QIODevice::Unbuffered);
    auto in = std::make_unique<QFile>();
    in->open(0, QIODevice::ReadOnly);

    CliApplication cli(&out, &err);
    cli.setStandardInput(std::move(in));
    if (!cli.prepare(QCoreApplication::arguments()))
        return cli.exitCode();

    InterruptWatcher interrupts;
    QObject::connect(&interrupts, &InterruptWatcher::interrupted, &cli, &CliApplication::interrupt);
    QObject::connect(&cli, &CliApplication::finished, &app, &QCoreApplication::exit, Qt::QueuedConnection);
    QTimer::singleShot(0, &cli, &CliApplication::start);
    return app.exec();
}
