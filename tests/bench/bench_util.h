#pragma once

#include <QJsonObject>
#include <QString>

// Small helpers shared by the benchmark executables.
namespace BenchUtil {

// Resident set size of this process in bytes, or -1 where the platform
// offers no cheap way to read it (bench_util_linux.cpp / bench_util_other.cpp).
qint64 residentBytes();

// Prints the object as one JSON line to stdout and, when path is not empty,
// writes it (indented) to that file. Returns false when the file cannot be written.
bool emitResult(const QJsonObject &result, const QString &path);

// Path of a helper program built next to the benchmarks (e.g. fast_publisher).
QString siblingProgram(const QString &name);

} // namespace BenchUtil
