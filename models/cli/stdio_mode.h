#pragma once

// Standard streams for linescope-cli carry raw payload bytes (sub prints them,
// pub -s/-l reads them). Windows opens them in text mode, which turns "\n"
// into "\r\n" and stops reading at Ctrl+Z, so they are switched to binary
// there. One implementation per platform (stdio_mode_win.cpp,
// stdio_mode_unix.cpp), chosen in CMake.
namespace StdioMode {

// Puts stdin and stdout into binary mode. Call once at start-up, before
// anything reads or writes them.
void setBinary();

} // namespace StdioMode
