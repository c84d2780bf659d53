#include "process_pause.h"

namespace ProcessPause {

bool pause(qint64)
{
    return false;
}

bool resume(qint64)
{
    return false;
}

} // namespace ProcessPause
