#include "process_pause.h"

#include <signal.h>
#include <sys/types.h>

namespace ProcessPause {

bool pause(qint64 pid)
{
    return pid > 0 && ::kill(static_cast<pid_t>(pid), SIGSTOP) == 0;
}

bool resume(qint64 pid)
{
    return pid > 0 && ::kill(static_cast<pid_t>(pid), SIGCONT) == 0;
}

} // namespace ProcessPause
