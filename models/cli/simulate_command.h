#pragma once

#include "cli_command.h"

#include "simulation/line_simulator.h"

#include <QDeadlineTimer>
#include <QSet>

#include <memory>

QT_FORWARD_DECLARE_CLASS(QTimer)

// `linescope-cli simulate`: runs a LineSimulator on its own session until
// --count telemetry messages were published or Ctrl+C, then prints one
// summary line to out ("Published N telemetry messages (measurements: g good,
// u uncertain, b bad); f failed.") and exits 0, or 1 when messages failed.
// Messages the session refused or the broker did not accept are reported on
// err as they happen. The session reconnects by itself once it has
// connected, so a broker restart only pauses the simulation.
class SimulateCommand : public CliCommand
{
    Q_OBJECT
public:
    struct Options
    {
        ConnectionSettings connection;
        LineSimulatorConfig simulator;
    };

    SimulateCommand(QIODevice *out, QIODevice *err, QObject *parent = nullptr);
    ~SimulateCommand() override;

    QString name() const override;
    // Valid after parseArguments() returned true.
    Options options() const;
    void start() override;
    void interrupt() override;

protected:
    QList<QCommandLineOption> commandOptions() const override;
    QString synopsis() const override;
    QString description() const override;
    QString helpFooter() const override;
    QString readOptions(const QCommandLineParser &parser) override;
    void sessionConnected() override;
    int aboutToFinish(int exitCode) override;

private:
    // Stops the simulator and waits until the broker acknowledged what is in
    // flight, so the summary counts the tail, then disconnects.
    void settle();
    void checkSettled();

    Options m_options;
    std::unique_ptr<LineSimulator> m_simulator;
    QSet<int> m_completedRequests;   // ids reported by MqttSession::published()
    QTimer *m_quietTimer = nullptr;
    QDeadlineTimer m_settleDeadline;
    bool m_settling = false;
};
