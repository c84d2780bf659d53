#include "interrupt_watcher.h"

#include <QTimer>

#include <atomic>
#include <csignal>

namespace {

std::atomic<bool> s_interrupted = false;

extern "C" void handleInterrupt(int signalNumber)
{
    s_interrupted.store(true);
    std::signal(signalNumber, SIG_DFL);
}

} // namespace

InterruptWatcher::InterruptWatcher(QObject *parent)
    : QObject(parent)
    , m_timer(new QTimer(this))
{
    static_assert(std::atomic<bool>::is_always_lock_free, "the signal handler needs a lock-free flag");
    s_interrupted.store(false);
    std::signal(SIGINT, handleInterrupt);
    std::signal(SIGTERM, handleInterrupt);
    m_timer->setInterval(100);
    connect(m_timer, &QTimer::timeout, this, &InterruptWatcher::poll);
    m_timer->start();
}

InterruptWatcher::~InterruptWatcher()
{
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
}

void InterruptWatcher::poll()
{
    if (s_interrupted.exchange(false))
        Q_EMIT interrupted();
}
