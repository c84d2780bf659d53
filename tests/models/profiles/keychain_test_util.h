#pragma once

#include "profiles/secret_store.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

#include <functional>

// Helpers shared by the keychain-backed tests (tst_secret_store,
// tst_profile_store). They talk to the real Secret Service that
// tests/support/with-keyring.sh provides.
namespace KeychainTestUtil {

// Set by with-keyring.sh; the tests refuse to touch any other keyring.
bool runsOnThrowawayKeyring();

// Exactly what one SecretStore call answered.
struct Answer
{
    QString signal;              // "written", "readFinished", "removed", "errorOccurred" or "" on timeout
    int signalCount = 0;         // the contract says exactly 1
    QByteArray secret;           // readFinished only
    SecretStore::Error error = SecretStore::Error::NoError;
    QString message;             // errorOccurred only
    QString describe() const;    // for failure messages; never contains the secret
};

// Runs call() and spins the event loop until store answered (20 s at most).
Answer waitForAnswer(SecretStore &store, const std::function<void()> &call);

// `secret-tool lookup server <service> user <key>`: the Secret Service
// attributes QtKeychain's libsecret backend stores entries under.
struct LookupResult
{
    bool toolAvailable = false;
    bool found = false;
    QByteArray stored;           // the raw stored value (base64 for binary entries)
    QString error;               // why the lookup itself could not run
};
LookupResult secretToolLookup(const QString &service, const QString &key);

// How a child process is cut off from every keychain.
enum class NoKeychain {
    BogusBusAddress,          // DBUS_SESSION_BUS_ADDRESS names a socket that does not exist
    NoSessionBus,             // no address, no $XDG_RUNTIME_DIR/bus, no DISPLAY to autolaunch on
    BusWithoutSecretService   // a working bus (BareSessionBus) with nothing on it
};

// The current environment minus any route to the Secret Service; HOME and the
// XDG folders point into scratchDir so any file the child writes lands there.
// busAddress is the BareSessionBus to use for BusWithoutSecretService.
QProcessEnvironment environmentWithoutKeychain(NoKeychain how, const QString &scratchDir,
                                               const QString &busAddress = {});

// The three NoKeychain rows of a data function, in a column named "how".
void addNoKeychainRows();

// What a keychain-less child run of this test executable printed.
struct ChildRun
{
    QString failure;       // non-empty: no bus, no start, timeout or non-zero exit (with the child's output)
    QString output;        // the child's standard output
    QString diagnostics;   // standard output and error, for failure messages
};

// Runs this test executable again as a child cut off from every keychain the
// way `how` says, with HOME and the XDG folders in scratchDir and
// childVariables added to its environment (they tell main() to play the
// child). libsecret caches its bus connection per process, which is why the
// keychain-less world has to be another process.
ChildRun runSelfWithoutKeychain(NoKeychain how, const QString &scratchDir,
                                const QList<QPair<QString, QString>> &childVariables);

// Files below dir whose raw bytes contain needle.
QStringList filesContaining(const QString &dir, const QByteArray &needle);

} // namespace KeychainTestUtil
