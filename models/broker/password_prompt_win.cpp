#include "password_prompt.h"

#include <cstdio>
#include <iostream>
#include <string>

#include <io.h>
#include <windows.h>

namespace PasswordPrompt {

bool isInteractive()
{
    return ::_isatty(::_fileno(stdin)) != 0;
}

QString read(const QString &prompt, bool *ok)
{
    std::fputs(qPrintable(prompt), stderr);
    std::fflush(stderr);
    HANDLE input = ::GetStdHandle(STD_INPUT_HANDLE);
    DWORD saved = 0;
    const bool console = ::GetConsoleMode(input, &saved) != 0;
    if (console)
        ::SetConsoleMode(input, saved & ~DWORD(ENABLE_ECHO_INPUT));
    std::string line;
    *ok = bool(std::getline(std::cin, line));
    if (console) {
        ::SetConsoleMode(input, saved);
        std::fputs("\n", stderr);
    }
    if (!line.empty() && line.back() == '\r')
        line.pop_back();
    return QString::fromStdString(line);
}

} // namespace PasswordPrompt
