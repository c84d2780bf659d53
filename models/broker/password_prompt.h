#pragma once

#include <QString>

// Reading a password from the console without echoing it, for
// `linescope-cli broker user add`. One implementation per platform
// (password_prompt_unix.cpp, password_prompt_win.cpp), chosen in CMake.
// Blocks the calling thread until a line was entered: call it only from a
// console program's main thread before its event loop has work to do.
namespace PasswordPrompt {

// True when stdin is an interactive console.
bool isInteractive();

// Writes prompt to stderr, reads one line from stdin with echo switched off
// (restored afterwards), returns it without the line end. *ok is false at
// end of input.
QString read(const QString &prompt, bool *ok);

} // namespace PasswordPrompt
