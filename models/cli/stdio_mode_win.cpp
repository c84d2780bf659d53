#include "stdio_mode.h"

#include <cstdio>

#include <fcntl.h>
#include <io.h>

namespace StdioMode {

void setBinary()
{
    _setmode(_fileno(stdin), _O_BINARY);
    _setmode(_fileno(stdout), _O_BINARY);
}

} // namespace StdioMode
