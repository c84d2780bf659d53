#include "keychain_test_util.h"

#include "bare_session_bus.h"

#include <QCoreApplication>

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QMetaEnum>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

namespace KeychainTestUtil {

bool runsOnThrowawayKeyring()
{
    return qEnvironmentVariableIntValue("LINESCOPE_TEST_KEYRING") == 1;
}

QString Answer::describe() const
{
    if (signal.isEmpty())
        return QStringLiteral("no answer within the timeout");
    QString text = QStringLiteral("%1 signal(s), first %2").arg(signalCount).arg(signal);
    if (signal == QLatin1String("errorOccurred")) {
        text += QStringLiteral(" (%1: %2)")
                    .arg(QString::fromLatin1(QMetaEnum::fromType<SecretStore::Error>().valueToKey(int(error))),
                         message);
    }
    return text;
}

Answer waitForAnswer(SecretStore &store, const std::function<void()> &call)
{
    QSignalSpy written(&store, &SecretStore::written);
    QSignalSpy read(&store, &SecretStore::readFinished);
    QSignalSpy removed(&store, &SecretStore::removed);
    QSignalSpy failed(&store, &SecretStore::errorOccurred);
    const auto total = [&] { return written.size() + read.size() + removed.size() + failed.size(); };

    call();
    Answer answer;
    if (!QTest::qWaitFor([&] { return total() > 0; }, 20000))
        return answer;
    // A second answer to the same call would arrive right behind the first.
    QTest::qWait(50);
    answer.signalCount = int(total());
    if (!written.isEmpty()) {
        answer.signal = QStringLiteral("written");
    } else if (!read.isEmpty()) {
        answer.signal = QStringLiteral("readFinished");
        answer.secret = read.first().at(1).toByteArray();
    } else if (!removed.isEmpty()) {
        answer.signal = QStringLiteral("removed");
    } else {
        answer.signal = QStringLiteral("errorOccurred");
        answer.error = failed.first().at(1).value<SecretStore::Error>();
        answer.message = failed.first().at(2).toString();
    }
    return answer;
}

LookupResult secretToolLookup(const QString &service, const QString &key)
{
    LookupResult result;
    const QString tool = QStandardPaths::findExecutable(QStringLiteral("secret-tool"));
    if (tool.isEmpty()) {
        result.error = QStringLiteral("secret-tool not found (package libsecret-tools)");
        return result;
    }
    result.toolAvailable = true;
    QProcess process;
    process.start(tool, {QStringLiteral("lookup"), QStringLiteral("server"), service, QStringLiteral("user"), key});
    if (!process.waitForFinished(20000)) {
        result.error = QStringLiteral("secret-tool did not finish: %1").arg(process.errorString());
        process.kill();
        process.waitForFinished(5000);
        return result;
    }
    // secret-tool exits with 1 and prints nothing when no item matches.
    result.stored = process.readAllStandardOutput();
    result.found = process.exitCode() == 0 && !result.stored.isEmpty();
    if (!result.found && process.exitCode() != 0 && !process.readAllStandardError().trimmed().isEmpty())
        result.error = QStringLiteral("secret-tool failed with exit code %1").arg(process.exitCode());
    return result;
}

QProcessEnvironment environmentWithoutKeychain(NoKeychain how, const QString &scratchDir, const QString &busAddress)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    const QDir scratch(scratchDir);
    scratch.mkpath(QStringLiteral("home/.config"));
    scratch.mkpath(QStringLiteral("home/.local/share"));
    scratch.mkpath(QStringLiteral("run"));
    QFile::setPermissions(scratch.filePath(QStringLiteral("run")),
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    env.insert(QStringLiteral("HOME"), scratch.filePath(QStringLiteral("home")));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), scratch.filePath(QStringLiteral("home/.config")));
    env.insert(QStringLiteral("XDG_DATA_HOME"), scratch.filePath(QStringLiteral("home/.local/share")));
    // An empty runtime dir: no $XDG_RUNTIME_DIR/bus to fall back on.
    env.insert(QStringLiteral("XDG_RUNTIME_DIR"), scratch.filePath(QStringLiteral("run")));
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    switch (how) {
    case NoKeychain::BogusBusAddress:
        env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
                   QStringLiteral("unix:path=%1").arg(scratch.filePath(QStringLiteral("no-such-bus"))));
        break;
    case NoKeychain::NoSessionBus:
        env.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"));
        break;
    case NoKeychain::BusWithoutSecretService:
        env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), busAddress);
        break;
    }
    return env;
}

void addNoKeychainRows()
{
    QTest::addColumn<NoKeychain>("how");
    QTest::newRow("bogus bus address") << NoKeychain::BogusBusAddress;
    QTest::newRow("no session bus") << NoKeychain::NoSessionBus;
    QTest::newRow("bus without Secret Service") << NoKeychain::BusWithoutSecretService;
}

ChildRun runSelfWithoutKeychain(NoKeychain how, const QString &scratchDir,
                                const QList<QPair<QString, QString>> &childVariables)
{
    ChildRun run;
    BareSessionBus bus;
    if (how == NoKeychain::BusWithoutSecretService && !bus.start(&run.failure))
        return run;
    QProcessEnvironment env = environmentWithoutKeychain(how, scratchDir, bus.address());
    for (const auto &[name, value] : childVariables)
        env.insert(name, value);
    QProcess child;
    child.setProcessEnvironment(env);
    child.start(QCoreApplication::applicationFilePath(), {});
    if (!child.waitForFinished(60000)) {
        run.failure = QStringLiteral("child did not finish: ") + child.errorString();
        return run;
    }
    run.output = QString::fromUtf8(child.readAllStandardOutput());
    run.diagnostics = run.output + QLatin1Char('\n') + QString::fromUtf8(child.readAllStandardError());
    if (child.exitStatus() != QProcess::NormalExit || child.exitCode() != 0)
        run.failure = QStringLiteral("child failed (exit code %1):\n%2").arg(child.exitCode()).arg(run.diagnostics);
    return run;
}

QStringList filesContaining(const QString &dir, const QByteArray &needle)
{
    QStringList hits;
    QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            hits.append(QStringLiteral("%1 (unreadable: %2)").arg(path, file.errorString()));
            continue;
        }
        if (file.readAll().contains(needle))
            hits.append(path);
    }
    return hits;
}

} // namespace KeychainTestUtil
