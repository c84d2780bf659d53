#include "profiles/secret_store.h"

#include "keychain_test_util.h"

#include <QCoreApplication>
#include <QMetaEnum>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>
#include <QUuid>

using namespace KeychainTestUtil;

namespace {

// Child mode of this executable: tries every operation against whatever the
// environment offers (no keychain, in noSecretService()) and prints one line
// per operation: "<operation>\t<signal>\t<error>\t<message>".
constexpr char kChildVariable[] = "LINESCOPE_TST_SECRET_STORE_CHILD";
constexpr char kChildSecret[] = "child-secret-7f3c9a";

int runChild()
{
    SecretStore store;
    const QString key = QStringLiteral("child/%1").arg(QUuid::createUuid().toString(QUuid::WithoutBraces));
    QTextStream out(stdout);
    const auto report = [&out](const char *operation, const Answer &answer) {
        out << operation << '\t' << answer.signal << '\t'
            << QMetaEnum::fromType<SecretStore::Error>().valueToKey(int(answer.error)) << '\t' << answer.message
            << '\n';
        out.flush();
    };
    report("write", waitForAnswer(store, [&] { store.write(key, kChildSecret); }));
    report("read", waitForAnswer(store, [&] { store.read(key); }));
    report("remove", waitForAnswer(store, [&] { store.remove(key); }));
    return 0;
}

QString uniqueKey(const char *prefix)
{
    return QStringLiteral("%1/%2").arg(QLatin1String(prefix), QUuid::createUuid().toString(QUuid::WithoutBraces));
}

} // namespace

class TstSecretStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void roundTrip_data();
    void roundTrip();
    void storedInSecretService();
    void overwrite();
    void readMissingKey();
    void removeDeletesEntry();
    void removeMissingKey();
    void servicesAreSeparate();
    void noSecretService_data();
    void noSecretService();
};

void TstSecretStore::initTestCase()
{
    QVERIFY2(runsOnThrowawayKeyring(),
             "This test writes to the OS keychain. Run it through ctest or tests/support/with-keyring.sh, which "
             "provide a throwaway gnome-keyring, so your own keyring is not touched.");
}

void TstSecretStore::roundTrip_data()
{
    QTest::addColumn<QByteArray>("secret");

    QTest::newRow("ascii") << QByteArray("hunter2");
    QTest::newRow("utf8") << QStringLiteral("Pässwörd-€-密码").toUtf8();
    QByteArray binary;
    for (int i = 0; i < 256; ++i)
        binary.append(char(i));
    QTest::newRow("all byte values") << binary;
    QTest::newRow("nul bytes only") << QByteArray(16, '\0');
    QTest::newRow("2 KiB") << QByteArray(2048, 'x');
}

void TstSecretStore::roundTrip()
{
    QFETCH(QByteArray, secret);
    SecretStore store;
    const QString key = uniqueKey("roundtrip");

    const Answer write = waitForAnswer(store, [&] { store.write(key, secret); });
    QVERIFY2(write.signal == QLatin1String("written") && write.signalCount == 1, qPrintable(write.describe()));

    // A second store: the value comes from the keychain, not from memory.
    SecretStore reader;
    const Answer read = waitForAnswer(reader, [&] { reader.read(key); });
    QVERIFY2(read.signal == QLatin1String("readFinished") && read.signalCount == 1, qPrintable(read.describe()));
    QCOMPARE(read.secret, secret);

    const Answer remove = waitForAnswer(store, [&] { store.remove(key); });
    QVERIFY2(remove.signal == QLatin1String("removed") && remove.signalCount == 1, qPrintable(remove.describe()));
}

void TstSecretStore::storedInSecretService()
{
    SecretStore store;
    const QString key = uniqueKey("visible");
    const QByteArray secret("seen-by-secret-tool");
    const Answer write = waitForAnswer(store, [&] { store.write(key, secret); });
    QVERIFY2(write.signal == QLatin1String("written"), qPrintable(write.describe()));

    const LookupResult lookup = secretToolLookup(store.service(), key);
    if (!lookup.toolAvailable)
        QSKIP(qPrintable(lookup.error));
    QVERIFY2(lookup.found, qPrintable(QStringLiteral("secret-tool found no item server=%1 user=%2 %3")
                                          .arg(store.service(), key, lookup.error)));
    // Binary entries are stored base64-encoded by QtKeychain.
    QCOMPARE(QByteArray::fromBase64(lookup.stored.trimmed()), secret);

    const Answer remove = waitForAnswer(store, [&] { store.remove(key); });
    QVERIFY2(remove.signal == QLatin1String("removed"), qPrintable(remove.describe()));
    QVERIFY2(!secretToolLookup(store.service(), key).found, "the entry is still in the Secret Service after remove()");
}

void TstSecretStore::overwrite()
{
    SecretStore store;
    const QString key = uniqueKey("overwrite");
    for (const QByteArray &secret : {QByteArray("first"), QByteArray("second, longer value")}) {
        const Answer write = waitForAnswer(store, [&] { store.write(key, secret); });
        QVERIFY2(write.signal == QLatin1String("written"), qPrintable(write.describe()));
        const Answer read = waitForAnswer(store, [&] { store.read(key); });
        QVERIFY2(read.signal == QLatin1String("readFinished"), qPrintable(read.describe()));
        QCOMPARE(read.secret, secret);
    }
    const Answer remove = waitForAnswer(store, [&] { store.remove(key); });
    QVERIFY2(remove.signal == QLatin1String("removed"), qPrintable(remove.describe()));
}

void TstSecretStore::readMissingKey()
{
    SecretStore store;
    const QString key = uniqueKey("missing");
    const Answer read = waitForAnswer(store, [&] { store.read(key); });
    QVERIFY2(read.signal == QLatin1String("errorOccurred") && read.signalCount == 1, qPrintable(read.describe()));
    QCOMPARE(read.error, SecretStore::Error::EntryNotFound);
    QVERIFY2(read.message.contains(key), qPrintable(QStringLiteral("message does not name the key: ") + read.message));
}

void TstSecretStore::removeDeletesEntry()
{
    SecretStore store;
    const QString key = uniqueKey("remove");
    const Answer write = waitForAnswer(store, [&] { store.write(key, "to be removed"); });
    QVERIFY2(write.signal == QLatin1String("written"), qPrintable(write.describe()));

    const Answer remove = waitForAnswer(store, [&] { store.remove(key); });
    QVERIFY2(remove.signal == QLatin1String("removed") && remove.signalCount == 1, qPrintable(remove.describe()));

    const Answer read = waitForAnswer(store, [&] { store.read(key); });
    QVERIFY2(read.signal == QLatin1String("errorOccurred"), qPrintable(read.describe()));
    QCOMPARE(read.error, SecretStore::Error::EntryNotFound);
}

void TstSecretStore::removeMissingKey()
{
    SecretStore store;
    const QString key = uniqueKey("never-written");
    const Answer remove = waitForAnswer(store, [&] { store.remove(key); });
    QVERIFY2(remove.signal == QLatin1String("removed") && remove.signalCount == 1, qPrintable(remove.describe()));
}

void TstSecretStore::servicesAreSeparate()
{
    SecretStore plant(QStringLiteral("LineScope-test-plant"));
    SecretStore lab(QStringLiteral("LineScope-test-lab"));
    QCOMPARE(plant.service(), QStringLiteral("LineScope-test-plant"));
    const QString key = uniqueKey("shared-key");

    Answer answer = waitForAnswer(plant, [&] { plant.write(key, "plant secret"); });
    QVERIFY2(answer.signal == QLatin1String("written"), qPrintable(answer.describe()));
    answer = waitForAnswer(lab, [&] { lab.read(key); });
    QVERIFY2(answer.signal == QLatin1String("errorOccurred") && answer.error == SecretStore::Error::EntryNotFound,
             qPrintable(QStringLiteral("another service sees the entry: ") + answer.describe()));
    answer = waitForAnswer(lab, [&] { lab.write(key, "lab secret"); });
    QVERIFY2(answer.signal == QLatin1String("written"), qPrintable(answer.describe()));

    answer = waitForAnswer(plant, [&] { plant.read(key); });
    QCOMPARE(answer.secret, QByteArray("plant secret"));
    answer = waitForAnswer(lab, [&] { lab.read(key); });
    QCOMPARE(answer.secret, QByteArray("lab secret"));

    answer = waitForAnswer(plant, [&] { plant.remove(key); });
    QVERIFY2(answer.signal == QLatin1String("removed"), qPrintable(answer.describe()));
    answer = waitForAnswer(lab, [&] { lab.read(key); });
    QCOMPARE(answer.secret, QByteArray("lab secret"));
    answer = waitForAnswer(lab, [&] { lab.remove(key); });
    QVERIFY2(answer.signal == QLatin1String("removed"), qPrintable(answer.describe()));
}

void TstSecretStore::noSecretService_data()
{
    addNoKeychainRows();
}

void TstSecretStore::noSecretService()
{
    QFETCH(NoKeychain, how);
    QTemporaryDir scratch;
    QVERIFY2(scratch.isValid(), qPrintable(scratch.errorString()));
    const ChildRun child = runSelfWithoutKeychain(how, scratch.path(), {{QString::fromLatin1(kChildVariable), QStringLiteral("1")}});
    QVERIFY2(child.failure.isEmpty(), qPrintable(child.failure));

    const QStringList lines = child.output.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 3);
    for (const QString &line : lines) {
        const QStringList fields = line.split(QLatin1Char('\t'));
        QVERIFY2(fields.size() == 4, qPrintable(line));
        QVERIFY2(fields.at(1) == QLatin1String("errorOccurred") && fields.at(2) == QLatin1String("NoBackendAvailable"),
                 qPrintable(QStringLiteral("expected NoBackendAvailable, got: ") + line));
        QVERIFY2(fields.at(3).contains(QLatin1String("No OS keychain is available")), qPrintable(line));
    }
    // No insecure fallback: the secret reached no file the child could write.
    const QStringList leaks = filesContaining(scratch.path(), kChildSecret);
    QVERIFY2(leaks.isEmpty(), qPrintable(QStringLiteral("secret written to: ") + leaks.join(QLatin1String(", "))));
}

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (qEnvironmentVariableIsSet(kChildVariable))
        return runChild();
    TstSecretStore test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_secret_store.moc"
