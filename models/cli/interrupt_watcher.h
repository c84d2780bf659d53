#pragma once

#include <QObject>

QT_FORWARD_DECLARE_CLASS(QTimer)

// Turns Ctrl+C (SIGINT) and SIGTERM into a Qt signal so a console command can
// stop cleanly: disconnect from the broker, print its summary, exit 0.
//
// The C signal handler only sets an atomic flag (all a handler may safely do)
// and a 100 ms timer on the owning thread turns the flag into interrupted().
// std::signal works the same on Windows consoles and POSIX, so there is no
// platform file. A second Ctrl+C while the first one is being handled gets the
// default behaviour and ends the process at once.
//
// Create at most one instance per process, on the thread that runs the event loop.
class InterruptWatcher : public QObject
{
    Q_OBJECT
public:
    explicit InterruptWatcher(QObject *parent = nullptr);
    ~InterruptWatcher() override;   // restores the default handlers

Q_SIGNALS:
    void interrupted();

private:
    void poll();

    QTimer *m_timer = nullptr;
};
