#pragma once

#include <QtGlobal>

// Freezes and thaws a process (SIGSTOP / SIGCONT) to simulate a cloud that
// stops answering without closing its connections. Returns false where the
// platform has no such thing (then the test skips).
namespace ProcessPause {
bool pause(qint64 pid);
bool resume(qint64 pid);
} // namespace ProcessPause
