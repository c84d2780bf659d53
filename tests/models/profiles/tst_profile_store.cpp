#include "profiles/profile_store.h"

#include "keychain_test_util.h"
#include "profiles/secret_store.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>
#include <QUrl>

#include <limits>

using namespace KeychainTestUtil;

namespace {

// Child mode (see noSecretService()): saves one profile with a password into
// the given file with no keychain reachable and prints the answer as
// "<signal>\t<message>".
constexpr char kChildFileVariable[] = "LINESCOPE_TST_PROFILE_STORE_CHILD_FILE";
constexpr char kChildPassword[] = "child-profile-password-5b1e";
constexpr char kChildProfileId[] = "6f1d8e1c-3a52-4a7e-9d0b-1b7c2f00c0de";

struct StoreAnswer
{
    QString signal;          // saved, removed, passwordLoaded, errorOccurred or "" on timeout
    int signalCount = 0;
    QUuid id;
    QString text;            // password (passwordLoaded) or message (errorOccurred)
    QString describe() const
    {
        if (signal.isEmpty())
            return QStringLiteral("no answer within the timeout");
        return QStringLiteral("%1 signal(s), first %2 for %3: %4")
            .arg(signalCount)
            .arg(signal, id.toString(), signal == QLatin1String("passwordLoaded") ? QStringLiteral("<password>") : text);
    }
};

StoreAnswer waitForStore(ProfileStore &store, const std::function<void()> &call)
{
    QSignalSpy saved(&store, &ProfileStore::saved);
    QSignalSpy removed(&store, &ProfileStore::removed);
    QSignalSpy loaded(&store, &ProfileStore::passwordLoaded);
    QSignalSpy failed(&store, &ProfileStore::errorOccurred);
    const auto total = [&] { return saved.size() + removed.size() + loaded.size() + failed.size(); };
    call();
    StoreAnswer answer;
    if (!QTest::qWaitFor([&] { return total() > 0; }, 20000))
        return answer;
    QTest::qWait(50);
    answer.signalCount = int(total());
    // errorOccurred first: remove() may follow it with removed().
    const std::pair<const char *, QSignalSpy *> spies[] = {
        {"errorOccurred", &failed}, {"saved", &saved}, {"removed", &removed}, {"passwordLoaded", &loaded}};
    for (const auto &[name, spy] : spies) {
        if (spy->isEmpty())
            continue;
        answer.signal = QString::fromLatin1(name);
        answer.id = spy->first().at(0).toUuid();
        if (spy->first().size() > 1)
            answer.text = spy->first().at(1).toString();
        break;
    }
    return answer;
}

int runChild()
{
    SecretStore secrets;
    ProfileStore store(&secrets, qEnvironmentVariable(kChildFileVariable));
    ConnectionProfile profile;
    profile.id = QUuid::fromString(QLatin1String(kChildProfileId));
    profile.name = QStringLiteral("No keychain");
    profile.settings.username = QStringLiteral("operator");
    profile.settings.password = QString::fromLatin1(kChildPassword);
    const StoreAnswer answer = waitForStore(store, [&] { store.save(profile); });
    QTextStream out(stdout);
    out << answer.signal << '\t' << answer.text << '\n';
    return 0;
}

MqttSubscription subscription(const QString &filter, quint8 qos, bool noLocal = false, bool retainAsPublished = false,
                              quint8 retainHandling = 0, quint32 identifier = 0)
{
    MqttSubscription s;
    s.filter = filter;
    s.qos = qos;
    s.noLocal = noLocal;
    s.retainAsPublished = retainAsPublished;
    s.retainHandling = retainHandling;
    s.subscriptionIdentifier = identifier;
    return s;
}

// Compares everything ProfileStore persists (not the password).
void compareProfiles(const ConnectionProfile &actual, const ConnectionProfile &expected)
{
    QCOMPARE(actual.id, expected.id);
    QCOMPARE(actual.name, expected.name);
    const ConnectionSettings &a = actual.settings;
    const ConnectionSettings &e = expected.settings;
    QCOMPARE(a.host, e.host);
    QCOMPARE(a.port, e.port);
    QCOMPARE(a.protocolVersion, e.protocolVersion);
    QCOMPARE(a.clientId, e.clientId);
    QCOMPARE(a.username, e.username);
    QVERIFY2(a.password.isEmpty(), "a loaded profile carries a password");
    QCOMPARE(a.keepAliveSeconds, e.keepAliveSeconds);
    QCOMPARE(a.cleanSession, e.cleanSession);
    QCOMPARE(a.sessionExpirySeconds, e.sessionExpirySeconds);
    QCOMPARE(a.will.enabled, e.will.enabled);
    QCOMPARE(a.will.topic, e.will.topic);
    QCOMPARE(a.will.payload, e.will.payload);
    QCOMPARE(a.will.qos, e.will.qos);
    QCOMPARE(a.will.retain, e.will.retain);
    QCOMPARE(a.tls.enabled, e.tls.enabled);
    QCOMPARE(a.tls.caFile, e.tls.caFile);
    QCOMPARE(a.tls.verifyHostname, e.tls.verifyHostname);
    QCOMPARE(a.tls.serverName, e.tls.serverName);
    QCOMPARE(a.tls.clientIdentityId, e.tls.clientIdentityId);
    QCOMPARE(a.tls.alpnProtocols, e.tls.alpnProtocols);
    QVERIFY2(a.tls.clientCertificatePem.isEmpty() && a.tls.clientKeyPem.isEmpty() && a.tls.caCertificatesPem.isEmpty(),
             "a loaded profile carries PEM bytes");
    QCOMPARE(a.autoReconnect, e.autoReconnect);
    QCOMPARE(a.reconnectMinDelayMs, e.reconnectMinDelayMs);
    QCOMPARE(a.reconnectMaxDelayMs, e.reconnectMaxDelayMs);
    QCOMPARE(actual.subscriptions.size(), expected.subscriptions.size());
    for (int i = 0; i < expected.subscriptions.size(); ++i) {
        const MqttSubscription &as = actual.subscriptions.at(i);
        const MqttSubscription &es = expected.subscriptions.at(i);
        QCOMPARE(as.filter, es.filter);
        QCOMPARE(as.qos, es.qos);
        QCOMPARE(as.noLocal, es.noLocal);
        QCOMPARE(as.retainAsPublished, es.retainAsPublished);
        QCOMPARE(as.retainHandling, es.retainHandling);
        QCOMPARE(as.subscriptionIdentifier, es.subscriptionIdentifier);
    }
}

// The messages of all errorOccurred(id, message) emissions a spy recorded.
QString errorMessages(const QSignalSpy &spy)
{
    QStringList messages;
    for (const QList<QVariant> &arguments : spy)
        messages.append(arguments.at(1).toString());
    return messages.join(QLatin1Char('\n'));
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return QByteArray("<unreadable: ") + file.errorString().toUtf8() + '>';
    return file.readAll();
}

QString uniquePassword()
{
    return QStringLiteral("pw-%1-Ä€").arg(QUuid::createUuid().toString(QUuid::WithoutBraces));
}

// Every encoding of the password that would count as "the password is in the file".
QList<QByteArray> passwordForms(const QString &password)
{
    const QByteArray utf8 = password.toUtf8();
    const QByteArray utf16(reinterpret_cast<const char *>(password.utf16()), password.size() * 2);
    const QByteArray uuidPart = password.mid(3, 36).toLatin1();   // see uniquePassword()
    return {utf8, utf8.toBase64(), utf16, QUrl::toPercentEncoding(password), uuidPart};
}

} // namespace

class TstProfileStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void roundTrip_data();
    void roundTrip();
    void profilesAreListedByName();
    void passwordGoesToKeychainNotFile();
    void pemBytesAreNeverWritten();
    void passwordKeptWhenEditing();
    void passwordReplaced();
    void passwordCleared();
    void removeDeletesKeychainEntry();
    void removeWhilePasswordIsBeingStored();
    void removeUnknownProfile();
    void loadPasswordWithoutStoredPassword();
    void severalProfilesAtOnce();
    void corruptValue_data();
    void corruptValue();
    void sectionThatIsNoProfileId();
    void missingValuesUseDefaults();
    void defaultFileLocation();
    void unwritableSettingsFile();
    void noSecretService_data();
    void noSecretService();

private:
    StoreAnswer saveAndWait(ProfileStore &store, const ConnectionProfile &profile);
    QString writeIni(const QStringList &lines);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<SecretStore> m_secrets;
    QString m_file;
};

void TstProfileStore::initTestCase()
{
    QVERIFY2(runsOnThrowawayKeyring(),
             "This test writes to the OS keychain. Run it through ctest or tests/support/with-keyring.sh, which "
             "provide a throwaway gnome-keyring, so your own keyring is not touched.");
    QStandardPaths::setTestModeEnabled(true);
}

void TstProfileStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY2(m_dir->isValid(), qPrintable(m_dir->errorString()));
    m_file = m_dir->filePath(QStringLiteral("profiles.ini"));
    m_secrets = std::make_unique<SecretStore>();
}

void TstProfileStore::cleanup()
{
    m_secrets.reset();
    m_dir.reset();
}

StoreAnswer TstProfileStore::saveAndWait(ProfileStore &store, const ConnectionProfile &profile)
{
    return waitForStore(store, [&] { store.save(profile); });
}

QString TstProfileStore::writeIni(const QStringList &lines)
{
    QFile file(m_file);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return file.errorString();
    file.write(lines.join(QLatin1Char('\n')).toUtf8() + '\n');
    return {};
}

void TstProfileStore::roundTrip_data()
{
    QTest::addColumn<ConnectionProfile>("profile");

    ConnectionProfile v311;
    v311.name = QStringLiteral("Line 1 PLC");
    v311.settings.host = QStringLiteral("plc-line1.factory.local");
    v311.settings.port = 1883;
    v311.settings.protocolVersion = ConnectionSettings::ProtocolVersion::V311;
    v311.settings.cleanSession = false;
    v311.subscriptions = {subscription(QStringLiteral("line1/#"), 1)};
    QTest::newRow("v311, tls off, will off") << v311;

    ConnectionProfile v5 = v311;
    v5.id = QUuid::createUuid();
    v5.name = QStringLiteral("Line 2 gateway");
    v5.settings.protocolVersion = ConnectionSettings::ProtocolVersion::V5;
    v5.settings.clientId = QStringLiteral("linescope-station-7");
    v5.settings.username = QStringLiteral("operator");
    v5.settings.keepAliveSeconds = 15;
    v5.settings.sessionExpirySeconds = 3600;
    v5.subscriptions = {subscription(QStringLiteral("line2/+/temperature"), 2, true, true, 1, 42),
                        subscription(QStringLiteral("$SYS/broker/uptime"), 0, false, false, 2, 0),
                        subscription(QStringLiteral("line2/alarms/#"), 1, false, true, 0, 268435455)};
    QTest::newRow("v5, subscription options") << v5;

    ConnectionProfile tls = v5;
    tls.id = QUuid::createUuid();
    tls.settings.port = 8883;
    tls.settings.tls.enabled = true;
    tls.settings.tls.caFile = QDir(QDir::tempPath()).filePath(QStringLiteral("certs/plant ca.pem"));
    tls.settings.tls.verifyHostname = false;
    tls.settings.tls.serverName = QStringLiteral("broker.plant.example");
    QTest::newRow("v5, tls on, will off") << tls;

    ConnectionProfile mutualTls = tls;
    mutualTls.id = QUuid::createUuid();
    mutualTls.name = QStringLiteral("AWS IoT press-4");
    mutualTls.settings.port = 443;
    mutualTls.settings.tls.caFile.clear();
    mutualTls.settings.tls.verifyHostname = true;
    mutualTls.settings.tls.serverName.clear();
    mutualTls.settings.tls.clientIdentityId = QStringLiteral("0123456789abcdef");
    mutualTls.settings.tls.alpnProtocols = {QStringLiteral("x-amzn-mqtt-ca")};
    QTest::newRow("mutual tls, vault identity, one alpn") << mutualTls;

    ConnectionProfile twoAlpn = mutualTls;
    twoAlpn.id = QUuid::createUuid();
    twoAlpn.settings.tls.alpnProtocols = {QStringLiteral("mqtt"), QStringLiteral("x-amzn-mqtt-ca")};
    QTest::newRow("mutual tls, two alpn protocols") << twoAlpn;

    ConnectionProfile will = v311;
    will.id = QUuid::createUuid();
    will.settings.will.enabled = true;
    will.settings.will.topic = QStringLiteral("linescope/station-7/status");
    will.settings.will.payload = QByteArray("{\"online\": false, \"reason\": \"lost\"}");
    will.settings.will.qos = 1;
    will.settings.will.retain = true;
    QTest::newRow("v311, tls off, will on") << will;

    ConnectionProfile everything = tls;
    everything.id = QUuid::createUuid();
    everything.settings.will = will.settings.will;
    QByteArray binary;
    for (int i = 0; i < 256; ++i)
        binary.append(char(i));
    everything.settings.will.payload = binary;
    everything.settings.will.qos = 2;
    everything.settings.autoReconnect = false;
    everything.settings.reconnectMinDelayMs = 250;
    everything.settings.reconnectMaxDelayMs = 5000;
    QTest::newRow("v5, tls on, will on with binary payload") << everything;

    ConnectionProfile odd;
    odd.name = QStringLiteral("Presse \"Süd\", Halle 3; #1 = [x] % \\ / €");
    odd.settings.host = QStringLiteral("::1");
    odd.settings.clientId = QStringLiteral("id with spaces, commas; and = signs");
    odd.settings.username = QStringLiteral("DOMAIN\\operator");
    odd.settings.will.topic = QStringLiteral("a,b/c d");
    odd.subscriptions = {subscription(QStringLiteral("halle 3/+/#"), 0),
                         subscription(QStringLiteral("größe/°C"), 2, true)};
    QTest::newRow("special characters") << odd;

    ConnectionProfile extremes;
    extremes.name = QStringLiteral("Extremes");
    extremes.settings.port = 65535;
    extremes.settings.keepAliveSeconds = 0;
    extremes.settings.sessionExpirySeconds = std::numeric_limits<quint32>::max();
    extremes.settings.reconnectMinDelayMs = 0;
    extremes.settings.reconnectMaxDelayMs = std::numeric_limits<int>::max();
    QTest::newRow("extreme values, no subscriptions") << extremes;
}

void TstProfileStore::roundTrip()
{
    QFETCH(ConnectionProfile, profile);
    {
        ProfileStore store(m_secrets.get(), m_file);
        QCOMPARE(store.settingsFile(), m_file);
        const StoreAnswer answer = saveAndWait(store, profile);
        QVERIFY2(answer.signal == QLatin1String("saved") && answer.signalCount == 1 && answer.id == profile.id,
                 qPrintable(answer.describe()));
    }
    QVERIFY2(QFile::exists(m_file), qPrintable(m_file));

    // A fresh store reads the file again.
    ProfileStore reader(m_secrets.get(), m_file);
    const std::optional<ConnectionProfile> loaded = reader.profile(profile.id);
    QVERIFY2(loaded.has_value(), qPrintable(QString::fromUtf8(readAll(m_file))));
    QVERIFY2(reader.loadProblems().isEmpty(), qPrintable(reader.loadProblems().join(QLatin1Char('\n'))));
    compareProfiles(*loaded, profile);
    if (QTest::currentTestFailed())
        return;
    QVERIFY(!loaded->hasStoredPassword);

    const QList<ConnectionProfile> all = reader.profiles();
    QCOMPARE(all.size(), 1);
    compareProfiles(all.first(), profile);
}

void TstProfileStore::profilesAreListedByName()
{
    ProfileStore store(m_secrets.get(), m_file);
    const QStringList names = {QStringLiteral("zeta"), QStringLiteral("Alpha"), QStringLiteral("beta")};
    for (const QString &name : names) {
        ConnectionProfile profile;
        profile.name = name;
        const StoreAnswer answer = saveAndWait(store, profile);
        QVERIFY2(answer.signal == QLatin1String("saved"), qPrintable(answer.describe()));
    }
    QStringList listed;
    for (const ConnectionProfile &profile : store.profiles())
        listed.append(profile.name);
    QCOMPARE(listed, (QStringList{QStringLiteral("Alpha"), QStringLiteral("beta"), QStringLiteral("zeta")}));
}

void TstProfileStore::pemBytesAreNeverWritten()
{
    ProfileStore store(m_secrets.get(), m_file);
    ConnectionProfile profile;
    profile.name = QStringLiteral("CLI identity");
    profile.settings.tls.enabled = true;
    profile.settings.tls.clientIdentityId = QStringLiteral("fedcba9876543210");
    // Markers, not real PEM: what matters is that none of these bytes reach the file.
    const QByteArray certificate = "cert-bytes-" + QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
    const QByteArray key = "key-bytes-" + QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
    const QByteArray ca = "ca-bytes-" + QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
    profile.settings.tls.clientCertificatePem = certificate;
    profile.settings.tls.clientKeyPem = key;
    profile.settings.tls.caCertificatesPem = ca;

    const StoreAnswer answer = saveAndWait(store, profile);
    QVERIFY2(answer.signal == QLatin1String("saved") && answer.signalCount == 1, qPrintable(answer.describe()));
    const QByteArray raw = readAll(m_file);
    for (const QByteArray &bytes : {certificate, key, ca})
        QVERIFY2(!raw.contains(bytes), qPrintable(QStringLiteral("the settings file contains %1:\n%2")
                                                      .arg(QString::fromUtf8(bytes), QString::fromUtf8(raw))));
    QVERIFY2(raw.contains("clientIdentityId=fedcba9876543210"), qPrintable(QString::fromUtf8(raw)));
}

void TstProfileStore::passwordGoesToKeychainNotFile()
{
    ProfileStore store(m_secrets.get(), m_file);
    ConnectionProfile profile;
    profile.name = QStringLiteral("With password");
    profile.settings.username = QStringLiteral("operator");
    const QString password = uniquePassword();
    profile.settings.password = password;

    const StoreAnswer answer = saveAndWait(store, profile);
    QVERIFY2(answer.signal == QLatin1String("saved") && answer.signalCount == 1, qPrintable(answer.describe()));

    const QByteArray raw = readAll(m_file);
    for (const QByteArray &form : passwordForms(password))
        QVERIFY2(!raw.contains(form), qPrintable(QStringLiteral("the settings file contains the password:\n")
                                                 + QString::fromUtf8(raw)));
    QSettings ini(m_file, QSettings::IniFormat);
    QCOMPARE(ini.value(profile.id.toString(QUuid::WithoutBraces) + QStringLiteral("/passwordRef")).toString(),
             profile.passwordKey());
    QCOMPARE(profile.passwordKey(), QStringLiteral("profile/%1/password").arg(profile.id.toString(QUuid::WithoutBraces)));

    const std::optional<ConnectionProfile> loaded = store.profile(profile.id);
    QVERIFY(loaded.has_value());
    QVERIFY(loaded->hasStoredPassword);
    QVERIFY(loaded->settings.password.isEmpty());

    // In the Secret Service, seen by an independent client...
    const LookupResult lookup = secretToolLookup(m_secrets->service(), profile.passwordKey());
    if (lookup.toolAvailable) {
        QVERIFY2(lookup.found, qPrintable(QStringLiteral("secret-tool finds no entry for %1 %2")
                                              .arg(profile.passwordKey(), lookup.error)));
        QCOMPARE(QString::fromUtf8(QByteArray::fromBase64(lookup.stored.trimmed())), password);
    } else {
        qWarning("%s; checking through a second SecretStore only", qPrintable(lookup.error));
    }
    // ...through a second SecretStore...
    SecretStore other;
    const Answer read = waitForAnswer(other, [&] { other.read(profile.passwordKey()); });
    QVERIFY2(read.signal == QLatin1String("readFinished"), qPrintable(read.describe()));
    QCOMPARE(QString::fromUtf8(read.secret), password);
    // ...and through the store.
    const StoreAnswer loadedPassword = waitForStore(store, [&] { store.loadPassword(profile.id); });
    QVERIFY2(loadedPassword.signal == QLatin1String("passwordLoaded") && loadedPassword.signalCount == 1,
             qPrintable(loadedPassword.describe()));
    QCOMPARE(loadedPassword.text, password);
}

void TstProfileStore::passwordKeptWhenEditing()
{
    ProfileStore store(m_secrets.get(), m_file);
    ConnectionProfile profile;
    profile.name = QStringLiteral("Edit me");
    const QString password = uniquePassword();
    profile.settings.password = password;
    StoreAnswer answer = saveAndWait(store, profile);
    QVERIFY2(answer.signal == QLatin1String("saved"), qPrintable(answer.describe()));

    // What an editor does: load (no password in memory), change, save.
    std::optional<ConnectionProfile> edited = store.profile(profile.id);
    QVERIFY(edited.has_value());
    edited->settings.host = QStringLiteral("new-host.local");
    answer = saveAndWait(store, *edited);
    QVERIFY2(answer.signal == QLatin1String("saved"), qPrintable(answer.describe()));

    const std::optional<ConnectionProfile> reloaded = store.profile(profile.id);
    QCOMPARE(reloaded->settings.host, QStringLiteral("new-host.local"));
    QVERIFY(reloaded->hasStoredPassword);
    answer = waitForStore(store, [&] { store.loadPassword(profile.id); });
    QVERIFY2(answer.signal == QLatin1String("passwordLoaded"), qPrintable(answer.describe()));
    QCOMPARE(answer.text, password);
}

void TstProfileStore::passwordReplaced()
{
    ProfileStore store(m_secrets.get(), m_file);
    ConnectionProfile profile;
    profile.settings.password = uniquePassword();
    StoreAnswer answer = saveAndWait(store, profile);
    QVERIFY2(answer.signal == QLatin1String("saved"), qPrintable(answer.describe()));

    const QString second = uniquePassword();
    profile.settings.password = second;
    answer = saveAndWait(store, profile);
    QVERIFY2(answer.signal == QLatin1String("saved"), qPrintable(answer.describe()));
    answer = waitForStore(store, [&] { store.loadPassword(profile.id); });
    QVERIFY2(answer.signal == QLatin1String("passwordLoaded"), qPrintable(answer.describe()));
    QCOMPARE(answer.text, second);
}

void TstProfileStore::passwordCleared()
{
    ProfileStore store(m_secrets.get(), m_file);
    ConnectionProfile profile;
    profile.name = QStringLiteral("Clear me");
    profile.settings.password = uniquePassword();
    StoreAnswer answer = saveAndWait(store, profile);
    QVERIFY2(answer.signal == QLatin1String("saved"), qPrintable(answer.describe()));

    profile.settings.password.clear();
    profile.hasStoredPassword = false;
    answer = saveAndWait(store, profile);
    QVERIFY2(answer.signal == QLatin1String("saved") && answer.signalCount == 1, qPrintable(answer.describe()));

    QVERIFY(!store.profile(profile.id)->hasStoredPassword);
    QVERIFY2(!readAll(m_file).contains("passwordRef"), readAll(m_file).constData());
    const Answer read = waitForAnswer(*m_secrets, [&] { m_secrets->read(profile.passwordKey()); });
    QVERIFY2(read.error == SecretStore::Error::EntryNotFound, qPrintable(read.describe()));
}

void TstProfileStore::removeDeletesKeychainEntry()
{
    ProfileStore store(m_secrets.get(), m_file);
    ConnectionProfile profile;
    profile.name = QStringLiteral("Remove me");
    profile.settings.password = uniquePassword();
    StoreAnswer answer = saveAndWait(store, profile);
    QVERIFY2(answer.signal == QLatin1String("saved"), qPrintable(answer.describe()));

    answer = waitForStore(store, [&] { store.remove(profile.id); });
    QVERIFY2(answer.signal == QLatin1String("removed") && answer.signalCount == 1 && answer.id == profile.id,
             qPrintable(answer.describe()));

    QVERIFY(!store.profile(profile.id).has_value());
    QVERIFY(store.profiles().isEmpty());
    QVERIFY2(!readAll(m_file).contains(profile.id.toString(QUuid::WithoutBraces).toLatin1()), readAll(m_file).constData());
    const Answer read = waitForAnswer(*m_secrets, [&] { m_secrets->read(profile.passwordKey()); });
    QVERIFY2(read.error == SecretStore::Error::EntryNotFound, qPrintable(read.describe()));
    const LookupResult lookup = secretToolLookup(m_secrets->service(), profile.passwordKey());
    QVERIFY2(!lookup.found, "secret-tool still finds the password of the removed profile");

    answer = waitForStore(store, [&] { store.loadPassword(profile.id); });
    QVERIFY2(answer.signal == QLatin1String("errorOccurred"), qPrintable(answer.describe()));
}

void TstProfileStore::removeWhilePasswordIsBeingStored()
{
    ProfileStore store(m_secrets.get(), m_file);
    QSignalSpy saved(&store, &ProfileStore::saved);
    QSignalSpy removed(&store, &ProfileStore::removed);
    QSignalSpy failed(&store, &ProfileStore::errorOccurred);
    ConnectionProfile profile;
    profile.settings.password = uniquePassword();

    store.save(profile);
    store.remove(profile.id);   // before the keychain confirmed the write
    QVERIFY2(QTest::qWaitFor([&] { return !removed.isEmpty(); }, 20000),
             qPrintable(QStringLiteral("no removed(); saved %1, errors %2").arg(saved.size()).arg(failed.size())));
    QTRY_COMPARE_WITH_TIMEOUT(saved.size(), 1, 20000);
    QVERIFY2(failed.isEmpty(), qPrintable(errorMessages(failed)));

    QVERIFY(!store.profile(profile.id).has_value());
    const Answer read = waitForAnswer(*m_secrets, [&] { m_secrets->read(profile.passwordKey()); });
    QVERIFY2(read.error == SecretStore::Error::EntryNotFound,
             qPrintable(QStringLiteral("the password outlived its profile: ") + read.describe()));
}

void TstProfileStore::removeUnknownProfile()
{
    ProfileStore store(m_secrets.get(), m_file);
    const QUuid id = QUuid::createUuid();
    const StoreAnswer answer = waitForStore(store, [&] { store.remove(id); });
    QVERIFY2(answer.signal == QLatin1String("errorOccurred") && answer.signalCount == 1 && answer.id == id,
             qPrintable(answer.describe()));
    QVERIFY2(answer.text.contains(id.toString(QUuid::WithoutBraces)), qPrintable(answer.text));
}

void TstProfileStore::loadPasswordWithoutStoredPassword()
{
    ProfileStore store(m_secrets.get(), m_file);
    ConnectionProfile profile;
    profile.name = QStringLiteral("Anonymous broker");
    StoreAnswer answer = saveAndWait(store, profile);
    QVERIFY2(answer.signal == QLatin1String("saved"), qPrintable(answer.describe()));

    answer = waitForStore(store, [&] { store.loadPassword(profile.id); });
    QVERIFY2(answer.signal == QLatin1String("errorOccurred") && answer.signalCount == 1, qPrintable(answer.describe()));
    QVERIFY2(answer.text.contains(profile.name), qPrintable(answer.text));
}

void TstProfileStore::severalProfilesAtOnce()
{
    ProfileStore store(m_secrets.get(), m_file);
    QSignalSpy saved(&store, &ProfileStore::saved);
    QSignalSpy failed(&store, &ProfileStore::errorOccurred);
    QList<ConnectionProfile> profiles;
    for (int i = 0; i < 5; ++i) {
        ConnectionProfile profile;
        profile.name = QStringLiteral("Station %1").arg(i);
        profile.settings.password = uniquePassword();
        profiles.append(profile);
        store.save(profile);   // no waiting in between
    }
    QVERIFY2(QTest::qWaitFor([&] { return saved.size() + failed.size() >= profiles.size(); }, 20000),
             qPrintable(QStringLiteral("only %1 of %2 answers").arg(saved.size() + failed.size()).arg(profiles.size())));
    QVERIFY2(failed.isEmpty(), qPrintable(errorMessages(failed)));

    QSignalSpy loaded(&store, &ProfileStore::passwordLoaded);
    for (const ConnectionProfile &profile : std::as_const(profiles))
        store.loadPassword(profile.id);
    QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), profiles.size(), 20000);
    for (const QList<QVariant> &arguments : std::as_const(loaded)) {
        const auto match = std::find_if(profiles.cbegin(), profiles.cend(), [&](const ConnectionProfile &p) {
            return p.id == arguments.at(0).toUuid();
        });
        QVERIFY(match != profiles.cend());
        QCOMPARE(arguments.at(1).toString(), match->settings.password);
    }
}

void TstProfileStore::corruptValue_data()
{
    QTest::addColumn<QStringList>("lines");     // ini lines below the profile's section header
    QTest::addColumn<QString>("key");           // the key the problem report must name
    QTest::addColumn<QString>("field");
    QTest::addColumn<QVariant>("expected");     // the default that is used instead

    const ConnectionSettings defaults;
    const MqttSubscription subscriptionDefaults;
    QTest::newRow("port not a number") << QStringList{QStringLiteral("port=abc")} << QStringLiteral("port")
                                       << QStringLiteral("port") << QVariant(defaults.port);
    QTest::newRow("port out of range") << QStringList{QStringLiteral("port=70000")} << QStringLiteral("port")
                                       << QStringLiteral("port") << QVariant(defaults.port);
    QTest::newRow("unknown protocol") << QStringList{QStringLiteral("protocol=v7")} << QStringLiteral("protocol")
                                      << QStringLiteral("protocol") << QVariant(int(defaults.protocolVersion));
    QTest::newRow("negative keep-alive") << QStringList{QStringLiteral("keepAlive=-5")} << QStringLiteral("keepAlive")
                                         << QStringLiteral("keepAlive") << QVariant(defaults.keepAliveSeconds);
    QTest::newRow("boolean that is not") << QStringList{QStringLiteral("cleanSession=maybe")}
                                         << QStringLiteral("cleanSession") << QStringLiteral("cleanSession")
                                         << QVariant(defaults.cleanSession);
    QTest::newRow("session expiry beyond 32 bit")
        << QStringList{QStringLiteral("sessionExpiry=4294967296")} << QStringLiteral("sessionExpiry")
        << QStringLiteral("sessionExpiry") << QVariant(qint64(defaults.sessionExpirySeconds));
    QTest::newRow("will qos 5") << QStringList{QStringLiteral("will\\qos=5")} << QStringLiteral("will/qos")
                                << QStringLiteral("will.qos") << QVariant(int(defaults.will.qos));
    QTest::newRow("tls flag garbage") << QStringList{QStringLiteral("tls\\enabled=yes please")}
                                      << QStringLiteral("tls/enabled") << QStringLiteral("tls.enabled")
                                      << QVariant(defaults.tls.enabled);
    QTest::newRow("client identity id not hex")
        << QStringList{QStringLiteral("tls\\clientIdentityId=press-4.pem")} << QStringLiteral("tls/clientIdentityId")
        << QStringLiteral("tls.clientIdentityId") << QVariant(defaults.tls.clientIdentityId);
    QTest::newRow("client identity id too short")
        << QStringList{QStringLiteral("tls\\clientIdentityId=0123abcd")} << QStringLiteral("tls/clientIdentityId")
        << QStringLiteral("tls.clientIdentityId") << QVariant(defaults.tls.clientIdentityId);
    QTest::newRow("reconnect delay with unit")
        << QStringList{QStringLiteral("reconnect\\minDelayMs=1s")} << QStringLiteral("reconnect/minDelayMs")
        << QStringLiteral("reconnect.minDelayMs") << QVariant(defaults.reconnectMinDelayMs);
    QTest::newRow("subscription qos 3")
        << QStringList{QStringLiteral("subscriptions\\size=1"), QStringLiteral("subscriptions\\1\\filter=a/#"),
                       QStringLiteral("subscriptions\\1\\qos=3")}
        << QStringLiteral("subscriptions/1/qos") << QStringLiteral("subscription.qos")
        << QVariant(int(subscriptionDefaults.qos));
    QTest::newRow("subscription retain handling 7")
        << QStringList{QStringLiteral("subscriptions\\size=1"), QStringLiteral("subscriptions\\1\\filter=a/#"),
                       QStringLiteral("subscriptions\\1\\retainHandling=7")}
        << QStringLiteral("subscriptions/1/retainHandling") << QStringLiteral("subscription.retainHandling")
        << QVariant(int(subscriptionDefaults.retainHandling));
    QTest::newRow("subscription identifier too large")
        << QStringList{QStringLiteral("subscriptions\\size=1"), QStringLiteral("subscriptions\\1\\filter=a/#"),
                       QStringLiteral("subscriptions\\1\\subscriptionIdentifier=268435456")}
        << QStringLiteral("subscriptions/1/subscriptionIdentifier") << QStringLiteral("subscription.identifier")
        << QVariant(qint64(subscriptionDefaults.subscriptionIdentifier));
    QTest::newRow("subscription without filter")
        << QStringList{QStringLiteral("subscriptions\\size=1"), QStringLiteral("subscriptions\\1\\qos=1")}
        << QStringLiteral("subscriptions/1/filter") << QStringLiteral("subscriptionCount") << QVariant(0);
    QTest::newRow("subscription count garbage")
        << QStringList{QStringLiteral("subscriptions\\size=many"), QStringLiteral("subscriptions\\1\\filter=a/#")}
        << QStringLiteral("subscriptions/size") << QStringLiteral("subscriptionCount") << QVariant(0);
}

void TstProfileStore::corruptValue()
{
    QFETCH(QStringList, lines);
    QFETCH(QString, key);
    QFETCH(QString, field);
    QFETCH(QVariant, expected);

    const QUuid id = QUuid::createUuid();
    const QString section = id.toString(QUuid::WithoutBraces);
    QStringList ini = {QStringLiteral("[%1]").arg(section), QStringLiteral("name=Hand edited"),
                       QStringLiteral("host=plc.local")};
    ini += lines;
    const QString error = writeIni(ini);
    QVERIFY2(error.isEmpty(), qPrintable(error));

    ProfileStore store(m_secrets.get(), m_file);
    // Exactly one warning, naming the key.
    QTest::ignoreMessage(QtWarningMsg,
                         QRegularExpression(QRegularExpression::escape(section + QLatin1Char('/') + key)));
    const std::optional<ConnectionProfile> profile = store.profile(id);
    QVERIFY2(profile.has_value(), qPrintable(ini.join(QLatin1Char('\n'))));
    QCOMPARE(profile->name, QStringLiteral("Hand edited"));
    QCOMPARE(profile->settings.host, QStringLiteral("plc.local"));

    const QStringList problems = store.loadProblems();
    QVERIFY2(problems.size() == 1, qPrintable(problems.join(QLatin1Char('\n'))));
    QVERIFY2(problems.first().contains(key), qPrintable(problems.first()));

    const ConnectionSettings &s = profile->settings;
    const QHash<QString, QVariant> actual = {
        {QStringLiteral("port"), s.port},
        {QStringLiteral("protocol"), int(s.protocolVersion)},
        {QStringLiteral("keepAlive"), s.keepAliveSeconds},
        {QStringLiteral("cleanSession"), s.cleanSession},
        {QStringLiteral("sessionExpiry"), qint64(s.sessionExpirySeconds)},
        {QStringLiteral("will.qos"), int(s.will.qos)},
        {QStringLiteral("tls.enabled"), s.tls.enabled},
        {QStringLiteral("tls.clientIdentityId"), s.tls.clientIdentityId},
        {QStringLiteral("reconnect.minDelayMs"), s.reconnectMinDelayMs},
        {QStringLiteral("subscriptionCount"), int(profile->subscriptions.size())},
        {QStringLiteral("subscription.qos"), profile->subscriptions.isEmpty() ? -1 : int(profile->subscriptions.first().qos)},
        {QStringLiteral("subscription.retainHandling"),
         profile->subscriptions.isEmpty() ? -1 : int(profile->subscriptions.first().retainHandling)},
        {QStringLiteral("subscription.identifier"),
         profile->subscriptions.isEmpty() ? qint64(-1) : qint64(profile->subscriptions.first().subscriptionIdentifier)},
    };
    QVERIFY2(actual.contains(field), qPrintable(field));
    QCOMPARE(actual.value(field), expected);
}

void TstProfileStore::sectionThatIsNoProfileId()
{
    const QUuid id = QUuid::createUuid();
    const QString error = writeIni({QStringLiteral("[not-a-profile]"), QStringLiteral("name=Stray"),
                                    QStringLiteral("[%1]").arg(id.toString(QUuid::WithoutBraces)),
                                    QStringLiteral("name=Real")});
    QVERIFY2(error.isEmpty(), qPrintable(error));

    ProfileStore store(m_secrets.get(), m_file);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("not-a-profile")));
    const QList<ConnectionProfile> profiles = store.profiles();
    QCOMPARE(profiles.size(), 1);
    QCOMPARE(profiles.first().id, id);
    QCOMPARE(store.loadProblems().size(), 1);
    QVERIFY2(store.loadProblems().first().contains(QLatin1String("not-a-profile")), qPrintable(store.loadProblems().first()));
}

void TstProfileStore::missingValuesUseDefaults()
{
    const QUuid id = QUuid::createUuid();
    const QString error = writeIni({QStringLiteral("[%1]").arg(id.toString(QUuid::WithoutBraces)),
                                    QStringLiteral("name=Only a name")});
    QVERIFY2(error.isEmpty(), qPrintable(error));

    ProfileStore store(m_secrets.get(), m_file);
    const std::optional<ConnectionProfile> profile = store.profile(id);
    QVERIFY(profile.has_value());
    QVERIFY2(store.loadProblems().isEmpty(), qPrintable(store.loadProblems().join(QLatin1Char('\n'))));
    ConnectionProfile expected;
    expected.id = id;
    expected.name = QStringLiteral("Only a name");
    compareProfiles(*profile, expected);
}

void TstProfileStore::defaultFileLocation()
{
    // Test mode (initTestCase) keeps this away from the real configuration.
    const QString expected = QDir(QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation))
                                 .filePath(QStringLiteral("profiles.ini"));
    ProfileStore store(m_secrets.get());
    QCOMPARE(store.settingsFile(), expected);

    ConnectionProfile profile;
    profile.name = QStringLiteral("Default location");
    StoreAnswer answer = saveAndWait(store, profile);
    QVERIFY2(answer.signal == QLatin1String("saved"), qPrintable(answer.describe()));
    QVERIFY2(readAll(expected).contains("Default location"), qPrintable(expected));
    answer = waitForStore(store, [&] { store.remove(profile.id); });
    QVERIFY2(answer.signal == QLatin1String("removed"), qPrintable(answer.describe()));
}

void TstProfileStore::unwritableSettingsFile()
{
    // A path below a regular file cannot be created, even by root.
    const QString blocker = m_dir->filePath(QStringLiteral("not-a-folder"));
    QFile block(blocker);
    QVERIFY2(block.open(QIODevice::WriteOnly), qPrintable(block.errorString()));
    block.close();
    const QString file = blocker + QStringLiteral("/profiles.ini");

    ProfileStore store(m_secrets.get(), file);
    ConnectionProfile profile;
    profile.name = QStringLiteral("Nowhere");
    profile.settings.password = uniquePassword();
    const StoreAnswer answer = saveAndWait(store, profile);
    QVERIFY2(answer.signal == QLatin1String("errorOccurred") && answer.signalCount == 1, qPrintable(answer.describe()));
    QVERIFY2(answer.text.contains(QDir::toNativeSeparators(file)), qPrintable(answer.text));

    // Nothing reached the keychain either.
    const Answer read = waitForAnswer(*m_secrets, [&] { m_secrets->read(profile.passwordKey()); });
    QVERIFY2(read.error == SecretStore::Error::EntryNotFound, qPrintable(read.describe()));
}

void TstProfileStore::noSecretService_data()
{
    addNoKeychainRows();
}

void TstProfileStore::noSecretService()
{
    QFETCH(NoKeychain, how);
    QTemporaryDir scratch;
    QVERIFY2(scratch.isValid(), qPrintable(scratch.errorString()));
    const ChildRun child = runSelfWithoutKeychain(how, scratch.path(), {{QString::fromLatin1(kChildFileVariable), m_file}});
    QVERIFY2(child.failure.isEmpty(), qPrintable(child.failure));
    const QString output = child.output.trimmed();
    const QString &diagnostics = child.diagnostics;

    const QStringList fields = output.split(QLatin1Char('\t'));
    QVERIFY2(fields.size() == 2 && fields.first() == QLatin1String("errorOccurred"), qPrintable(diagnostics));
    QVERIFY2(fields.at(1).contains(QLatin1String("No OS keychain is available"))
                 && fields.at(1).contains(QLatin1String("No keychain")),
             qPrintable(fields.at(1)));

    // The profile itself was saved, without password and without a
    // reference to a keychain entry that does not exist.
    const QByteArray raw = readAll(m_file);
    QVERIFY2(raw.contains("No keychain"), raw.constData());
    QVERIFY2(!raw.contains(kChildPassword), raw.constData());
    QVERIFY2(!raw.contains("passwordRef"), raw.constData());
    ProfileStore store(m_secrets.get(), m_file);
    const std::optional<ConnectionProfile> profile = store.profile(QUuid::fromString(QLatin1String(kChildProfileId)));
    QVERIFY(profile.has_value());
    QVERIFY(!profile->hasStoredPassword);
    const QStringList leaks = filesContaining(scratch.path(), kChildPassword);
    QVERIFY2(leaks.isEmpty(), qPrintable(QStringLiteral("password written to: ") + leaks.join(QLatin1String(", "))));
}

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (qEnvironmentVariableIsSet(kChildFileVariable))
        return runChild();
    TstProfileStore test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_profile_store.moc"
