#include "bench_util.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonDocument>

#include <cstdio>

namespace BenchUtil {

bool emitResult(const QJsonObject &result, const QString &path)
{
    const QByteArray line = QJsonDocument(result).toJson(QJsonDocument::Compact);
    std::fwrite(line.constData(), 1, size_t(line.size()), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
    if (path.isEmpty())
        return true;
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        std::fprintf(stderr, "cannot write %s: %s\n", qPrintable(path), qPrintable(file.errorString()));
        return false;
    }
    file.write(QJsonDocument(result).toJson(QJsonDocument::Indented));
    return true;
}

QString siblingProgram(const QString &name)
{
    QString program = QDir(QCoreApplication::applicationDirPath()).filePath(name);
#ifdef Q_OS_WIN
    program += QStringLiteral(".exe");
#endif
    return program;
}

} // namespace BenchUtil
