#include "stdio_mode.h"

namespace StdioMode {

void setBinary()
{
    // POSIX streams never translate line ends: nothing to do.
}

} // namespace StdioMode
