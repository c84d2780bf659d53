#include "profile_store.h"

#include "secret_store.h"

#include <QDir>
#include <QHash>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QStandardPaths>

#include <algorithm>
#include <limits>

namespace {

Q_LOGGING_CATEGORY(lcProfiles, "linescope.profiles")

constexpr QLatin1String kPasswordRef("passwordRef");
constexpr QLatin1String kSubscriptions("subscriptions");

QString sectionName(const QUuid &id)
{
    return id.toString(QUuid::WithoutBraces);
}

QString protocolName(ConnectionSettings::ProtocolVersion version)
{
    return version == ConnectionSettings::ProtocolVersion::V311 ? QStringLiteral("v311") : QStringLiteral("v5");
}

QString displayName(const QString &name, const QUuid &id)
{
    return name.isEmpty() ? sectionName(id) : name;
}

// QSettings' INI reader turns an unquoted "a,b" into a QStringList.
QString rawText(const QVariant &value)
{
    if (value.typeId() == QMetaType::QStringList)
        return value.toStringList().join(QLatin1Char(','));
    return value.toString();
}

} // namespace

class ProfileStore::Private
{
public:
    enum class Step { StorePassword, DeleteOldPassword, DeleteForRemove, LoadPassword };

    struct Pending
    {
        Step step = Step::StorePassword;
        QUuid id;
        QString name;
    };

    Private(ProfileStore *owner, SecretStore *secretStore, const QString &settingsFile)
        : q(owner)
        , secrets(secretStore)
        , file(settingsFile.isEmpty()
                   ? QDir(QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation))
                         .filePath(QStringLiteral("profiles.ini"))
                   : settingsFile)
    {
    }

    /* reading */
    std::optional<ConnectionProfile> readProfile(QSettings &settings, const QString &section) const;
    QList<MqttSubscription> readSubscriptions(QSettings &settings) const;
    QString readText(const QSettings &settings, const QString &key, const QString &fallback) const;
    qint64 readInteger(const QSettings &settings, const QString &key, qint64 min, qint64 max, qint64 fallback) const;
    bool readBool(const QSettings &settings, const QString &key, bool fallback) const;
    QByteArray readBytes(const QSettings &settings, const QString &key) const;
    QString readIdentityId(const QSettings &settings, const QString &key) const;
    QStringList readAlpn(const QSettings &settings, const QString &key) const;
    ConnectionSettings::ProtocolVersion readProtocol(const QSettings &settings, const QString &key,
                                                     ConnectionSettings::ProtocolVersion fallback) const;
    void reportProblem(const QSettings &settings, const QString &key, const QString &raw, const QString &expected,
                       const QString &used) const;
    void reportFileProblem(const QSettings &settings) const;

    /* writing */
    static void writeProfile(QSettings &settings, const ConnectionProfile &profile);
    QString syncError(QSettings &settings) const;

    /* keychain bookkeeping */
    void request(Step step, const QUuid &id, const QString &name, const QString &key);
    // Oldest pending request for key whose step is one of steps (any if empty).
    std::optional<Pending> take(const QString &key, const QList<Step> &steps);
    bool hasPendingWrite(const QString &key) const;
    void onWritten(const QString &key);
    void onRead(const QString &key, const QByteArray &secret);
    void onRemoved(const QString &key);
    void onError(const QString &key, const QString &message);

    void emitSavedLater(const QUuid &id);
    void emitRemovedLater(const QUuid &id);
    void emitErrorLater(const QUuid &id, const QString &message);

    ProfileStore *const q;
    SecretStore *const secrets;
    const QString file;
    mutable QStringList problems;
    // Answers per keychain key, oldest first. QtKeychain runs jobs one after
    // the other, so answers for one key arrive in request order.
    QHash<QString, QList<Pending>> pending;
};

void ProfileStore::Private::reportProblem(const QSettings &settings, const QString &key, const QString &raw,
                                          const QString &expected, const QString &used) const
{
    const QString fullKey = settings.group().isEmpty() ? key : settings.group() + QLatin1Char('/') + key;
    //: %1 file, %2 value found, %3 key, %4 what is allowed, %5 the value used instead
    problems.append(ProfileStore::tr("%1: \"%2\" is not a valid value for \"%3\" (expected %4); using %5 instead.")
                        .arg(QDir::toNativeSeparators(file), raw, fullKey, expected, used));
    if (problems.size() == 1) {
        qCWarning(lcProfiles).noquote() << "Invalid value in profile file" << QDir::toNativeSeparators(file)
                                        << "key" << fullKey << "value" << raw << "- using" << used
                                        << "(further problems: ProfileStore::loadProblems())";
    }
}

void ProfileStore::Private::reportFileProblem(const QSettings &settings) const
{
    if (settings.status() == QSettings::NoError)
        return;
    problems.append(ProfileStore::tr("%1 is not a valid INI file; only the profiles that could be read are shown.")
                        .arg(QDir::toNativeSeparators(file)));
    if (problems.size() == 1)
        qCWarning(lcProfiles).noquote() << "Profile file" << QDir::toNativeSeparators(file) << "has a format error";
}

QString ProfileStore::Private::readText(const QSettings &settings, const QString &key, const QString &fallback) const
{
    const QVariant value = settings.value(key);
    return value.isValid() ? rawText(value) : fallback;
}

qint64 ProfileStore::Private::readInteger(const QSettings &settings, const QString &key, qint64 min, qint64 max,
                                          qint64 fallback) const
{
    const QVariant value = settings.value(key);
    if (!value.isValid())
        return fallback;
    const QString raw = rawText(value);
    bool ok = false;
    const qint64 number = raw.trimmed().toLongLong(&ok);
    if (ok && number >= min && number <= max)
        return number;
    //: Completes "... (expected %4) ..." in the invalid-value message.
    reportProblem(settings, key, raw, ProfileStore::tr("a whole number from %1 to %2").arg(min).arg(max),
                  QString::number(fallback));
    return fallback;
}

bool ProfileStore::Private::readBool(const QSettings &settings, const QString &key, bool fallback) const
{
    const QVariant value = settings.value(key);
    if (!value.isValid())
        return fallback;
    const QString raw = rawText(value);
    const QString normalised = raw.trimmed().toLower();
    if (normalised == QLatin1String("true") || normalised == QLatin1String("1"))
        return true;
    if (normalised == QLatin1String("false") || normalised == QLatin1String("0"))
        return false;
    //: Completes "... (expected %4) ..."; true/false are the literal words in the file.
    reportProblem(settings, key, raw, ProfileStore::tr("true or false"),
                  fallback ? QStringLiteral("true") : QStringLiteral("false"));
    return fallback;
}

QByteArray ProfileStore::Private::readBytes(const QSettings &settings, const QString &key) const
{
    const QVariant value = settings.value(key);
    if (value.typeId() == QMetaType::QByteArray)
        return value.toByteArray();
    return rawText(value).toUtf8();
}

QString ProfileStore::Private::readIdentityId(const QSettings &settings, const QString &key) const
{
    const QString raw = readText(settings, key, {});
    const QString id = raw.trimmed().toLower();
    static const QRegularExpression vaultId(QStringLiteral("^[0-9a-f]{16}$"));
    if (id.isEmpty() || vaultId.match(id).hasMatch())
        return id;
    //: Completes "... (expected %4); using %5 instead." The id is what "linescope-cli cert list" shows.
    reportProblem(settings, key, raw, ProfileStore::tr("a certificate id of 16 hex digits"),
                  ProfileStore::tr("no client certificate"));
    return {};
}

QStringList ProfileStore::Private::readAlpn(const QSettings &settings, const QString &key) const
{
    QStringList protocols;
    const QStringList parts = readText(settings, key, {}).split(QLatin1Char(','));
    for (const QString &part : parts) {
        const QString protocol = part.trimmed();
        if (!protocol.isEmpty())
            protocols.append(protocol);
    }
    return protocols;
}

ConnectionSettings::ProtocolVersion ProfileStore::Private::readProtocol(
    const QSettings &settings, const QString &key, ConnectionSettings::ProtocolVersion fallback) const
{
    const QVariant value = settings.value(key);
    if (!value.isValid())
        return fallback;
    const QString raw = rawText(value);
    const QString normalised = raw.trimmed().toLower();
    if (normalised == protocolName(ConnectionSettings::ProtocolVersion::V311))
        return ConnectionSettings::ProtocolVersion::V311;
    if (normalised == protocolName(ConnectionSettings::ProtocolVersion::V5))
        return ConnectionSettings::ProtocolVersion::V5;
    //: Completes "... (expected %4) ..."; v311/v5 are the literal words in the file.
    reportProblem(settings, key, raw, ProfileStore::tr("v311 or v5"), protocolName(fallback));
    return fallback;
}

QList<MqttSubscription> ProfileStore::Private::readSubscriptions(QSettings &settings) const
{
    // Checked by hand: beginReadArray() quietly reads a corrupt size as 0.
    const qint64 count = readInteger(settings, kSubscriptions + QStringLiteral("/size"), 0, 100000, 0);
    QList<MqttSubscription> subscriptions;
    settings.beginReadArray(kSubscriptions);
    const MqttSubscription defaults;
    for (qint64 i = 0; i < count; ++i) {
        settings.setArrayIndex(int(i));
        MqttSubscription subscription;
        subscription.filter = readText(settings, QStringLiteral("filter"), {});
        if (subscription.filter.isEmpty()) {
            //: The two fragments complete "(expected %4); using %5 instead."
            reportProblem(settings, QStringLiteral("filter"), subscription.filter, ProfileStore::tr("a topic filter"),
                          ProfileStore::tr("nothing (the subscription is skipped)"));
            continue;
        }
        subscription.qos = quint8(readInteger(settings, QStringLiteral("qos"), 0, 2, defaults.qos));
        subscription.noLocal = readBool(settings, QStringLiteral("noLocal"), defaults.noLocal);
        subscription.retainAsPublished =
            readBool(settings, QStringLiteral("retainAsPublished"), defaults.retainAsPublished);
        subscription.retainHandling =
            quint8(readInteger(settings, QStringLiteral("retainHandling"), 0, 2, defaults.retainHandling));
        // MQTT 5 variable byte integer: 1..268435455, 0 meaning "none".
        subscription.subscriptionIdentifier = quint32(readInteger(
            settings, QStringLiteral("subscriptionIdentifier"), 0, 268435455, defaults.subscriptionIdentifier));
        subscription.enabled = readBool(settings, QStringLiteral("enabled"), defaults.enabled);
        subscriptions.append(subscription);
    }
    settings.endArray();
    return subscriptions;
}

std::optional<ConnectionProfile> ProfileStore::Private::readProfile(QSettings &settings, const QString &section) const
{
    const QUuid id = QUuid::fromString(section);
    if (id.isNull()) {
        problems.append(ProfileStore::tr("%1: the section \"%2\" is not a profile id; it is ignored.")
                            .arg(QDir::toNativeSeparators(file), section));
        if (problems.size() == 1)
            qCWarning(lcProfiles).noquote() << "Ignoring section" << section << "in profile file"
                                            << QDir::toNativeSeparators(file) << "(not a profile id)";
        return std::nullopt;
    }

    ConnectionProfile profile;
    profile.id = id;
    const ConnectionSettings defaults;
    ConnectionSettings &s = profile.settings;

    settings.beginGroup(section);
    profile.name = readText(settings, QStringLiteral("name"), {});
    s.host = readText(settings, QStringLiteral("host"), defaults.host);
    s.port = int(readInteger(settings, QStringLiteral("port"), 1, 65535, defaults.port));
    s.protocolVersion = readProtocol(settings, QStringLiteral("protocol"), defaults.protocolVersion);
    s.clientId = readText(settings, QStringLiteral("clientId"), defaults.clientId);
    s.username = readText(settings, QStringLiteral("username"), defaults.username);
    s.keepAliveSeconds = int(readInteger(settings, QStringLiteral("keepAlive"), 0, 65535, defaults.keepAliveSeconds));
    s.cleanSession = readBool(settings, QStringLiteral("cleanSession"), defaults.cleanSession);
    s.sessionExpirySeconds = quint32(readInteger(settings, QStringLiteral("sessionExpiry"), 0,
                                                 std::numeric_limits<quint32>::max(), defaults.sessionExpirySeconds));

    settings.beginGroup(QStringLiteral("will"));
    s.will.enabled = readBool(settings, QStringLiteral("enabled"), defaults.will.enabled);
    s.will.topic = readText(settings, QStringLiteral("topic"), defaults.will.topic);
    s.will.payload = readBytes(settings, QStringLiteral("payload"));
    s.will.qos = quint8(readInteger(settings, QStringLiteral("qos"), 0, 2, defaults.will.qos));
    s.will.retain = readBool(settings, QStringLiteral("retain"), defaults.will.retain);
    settings.endGroup();

    settings.beginGroup(QStringLiteral("tls"));
    s.tls.enabled = readBool(settings, QStringLiteral("enabled"), defaults.tls.enabled);
    s.tls.caFile = readText(settings, QStringLiteral("caFile"), defaults.tls.caFile);
    s.tls.verifyHostname = readBool(settings, QStringLiteral("verifyHostname"), defaults.tls.verifyHostname);
    s.tls.serverName = readText(settings, QStringLiteral("serverName"), defaults.tls.serverName);
    s.tls.clientIdentityId = readIdentityId(settings, QStringLiteral("clientIdentityId"));
    s.tls.alpnProtocols = readAlpn(settings, QStringLiteral("alpn"));
    settings.endGroup();

    settings.beginGroup(QStringLiteral("reconnect"));
    s.autoReconnect = readBool(settings, QStringLiteral("enabled"), defaults.autoReconnect);
    s.reconnectMinDelayMs = int(readInteger(settings, QStringLiteral("minDelayMs"), 0,
                                            std::numeric_limits<int>::max(), defaults.reconnectMinDelayMs));
    s.reconnectMaxDelayMs = int(readInteger(settings, QStringLiteral("maxDelayMs"), 0,
                                            std::numeric_limits<int>::max(), defaults.reconnectMaxDelayMs));
    settings.endGroup();

    profile.subscriptions = readSubscriptions(settings);
    profile.hasStoredPassword = !readText(settings, kPasswordRef, {}).isEmpty();
    settings.endGroup();
    return profile;
}

void ProfileStore::Private::writeProfile(QSettings &settings, const ConnectionProfile &profile)
{
    // Numbers go in as qint64 and int: QSettings writes those as plain text,
    // while quint8/quint32 would end up as opaque @Variant blobs.
    const ConnectionSettings &s = profile.settings;
    settings.setValue(QStringLiteral("name"), profile.name);
    settings.setValue(QStringLiteral("host"), s.host);
    settings.setValue(QStringLiteral("port"), s.port);
    settings.setValue(QStringLiteral("protocol"), protocolName(s.protocolVersion));
    settings.setValue(QStringLiteral("clientId"), s.clientId);
    settings.setValue(QStringLiteral("username"), s.username);
    settings.setValue(QStringLiteral("keepAlive"), s.keepAliveSeconds);
    settings.setValue(QStringLiteral("cleanSession"), s.cleanSession);
    settings.setValue(QStringLiteral("sessionExpiry"), qint64(s.sessionExpirySeconds));

    settings.beginGroup(QStringLiteral("will"));
    settings.setValue(QStringLiteral("enabled"), s.will.enabled);
    settings.setValue(QStringLiteral("topic"), s.will.topic);
    settings.setValue(QStringLiteral("payload"), s.will.payload);
    settings.setValue(QStringLiteral("qos"), int(s.will.qos));
    settings.setValue(QStringLiteral("retain"), s.will.retain);
    settings.endGroup();

    settings.beginGroup(QStringLiteral("tls"));
    settings.setValue(QStringLiteral("enabled"), s.tls.enabled);
    settings.setValue(QStringLiteral("caFile"), s.tls.caFile);
    settings.setValue(QStringLiteral("verifyHostname"), s.tls.verifyHostname);
    settings.setValue(QStringLiteral("serverName"), s.tls.serverName);
    // Only the vault id: certificate, key and CA bytes stay in the keychain.
    settings.setValue(QStringLiteral("clientIdentityId"), s.tls.clientIdentityId);
    settings.setValue(QStringLiteral("alpn"), s.tls.alpnProtocols.join(QLatin1Char(',')));
    settings.endGroup();

    settings.beginGroup(QStringLiteral("reconnect"));
    settings.setValue(QStringLiteral("enabled"), s.autoReconnect);
    settings.setValue(QStringLiteral("minDelayMs"), s.reconnectMinDelayMs);
    settings.setValue(QStringLiteral("maxDelayMs"), s.reconnectMaxDelayMs);
    settings.endGroup();

    settings.beginWriteArray(kSubscriptions, int(profile.subscriptions.size()));
    for (int i = 0; i < profile.subscriptions.size(); ++i) {
        const MqttSubscription &subscription = profile.subscriptions.at(i);
        settings.setArrayIndex(i);
        settings.setValue(QStringLiteral("filter"), subscription.filter);
        settings.setValue(QStringLiteral("qos"), int(subscription.qos));
        settings.setValue(QStringLiteral("noLocal"), subscription.noLocal);
        settings.setValue(QStringLiteral("retainAsPublished"), subscription.retainAsPublished);
        settings.setValue(QStringLiteral("retainHandling"), int(subscription.retainHandling));
        settings.setValue(QStringLiteral("subscriptionIdentifier"), qint64(subscription.subscriptionIdentifier));
        settings.setValue(QStringLiteral("enabled"), subscription.enabled);
    }
    settings.endArray();
}

QString ProfileStore::Private::syncError(QSettings &settings) const
{
    settings.sync();
    switch (settings.status()) {
    case QSettings::NoError:
        return {};
    case QSettings::AccessError:
        return ProfileStore::tr("Could not write the profile file %1. Check that its folder exists and is "
                                "writable, then try again.")
            .arg(QDir::toNativeSeparators(file));
    case QSettings::FormatError:
        break;
    }
    return ProfileStore::tr("Could not update the profile file %1 because it is not a valid INI file. Fix or "
                            "rename the file, then try again.")
        .arg(QDir::toNativeSeparators(file));
}

void ProfileStore::Private::request(Step step, const QUuid &id, const QString &name, const QString &key)
{
    pending[key].append(Pending{step, id, name});
}

std::optional<ProfileStore::Private::Pending> ProfileStore::Private::take(const QString &key, const QList<Step> &steps)
{
    const auto it = pending.find(key);
    if (it == pending.end())
        return std::nullopt;
    QList<Pending> &queue = it.value();
    const auto match = std::find_if(queue.begin(), queue.end(), [&steps](const Pending &candidate) {
        return steps.isEmpty() || steps.contains(candidate.step);
    });
    if (match == queue.end())
        return std::nullopt;
    const Pending result = *match;
    queue.erase(match);
    if (queue.isEmpty())
        pending.erase(it);
    return result;
}

bool ProfileStore::Private::hasPendingWrite(const QString &key) const
{
    const QList<Pending> queue = pending.value(key);
    return std::any_of(queue.cbegin(), queue.cend(),
                       [](const Pending &candidate) { return candidate.step == Step::StorePassword; });
}

void ProfileStore::Private::onWritten(const QString &key)
{
    const std::optional<Pending> request = take(key, {Step::StorePassword});
    if (!request)
        return;
    QSettings settings(file, QSettings::IniFormat);
    const QString section = sectionName(request->id);
    // remove() may have run while the keychain was busy; it then deleted this
    // key after our write, so there is nothing left to refer to.
    if (settings.childGroups().contains(section)) {
        settings.setValue(section + QLatin1Char('/') + kPasswordRef, key);
        const QString error = syncError(settings);
        if (!error.isEmpty()) {
            Q_EMIT q->errorOccurred(request->id, ProfileStore::tr("The password of profile \"%1\" is in the OS "
                                                                  "keychain, but the profile could not refer to "
                                                                  "it: %2")
                                                     .arg(displayName(request->name, request->id), error));
            return;
        }
    }
    Q_EMIT q->saved(request->id);
}

void ProfileStore::Private::onRead(const QString &key, const QByteArray &secret)
{
    const std::optional<Pending> request = take(key, {Step::LoadPassword});
    if (request)
        Q_EMIT q->passwordLoaded(request->id, QString::fromUtf8(secret));
}

void ProfileStore::Private::onRemoved(const QString &key)
{
    const std::optional<Pending> request = take(key, {Step::DeleteOldPassword, Step::DeleteForRemove});
    if (!request)
        return;
    if (request->step == Step::DeleteOldPassword)
        Q_EMIT q->saved(request->id);
    else
        Q_EMIT q->removed(request->id);
}

void ProfileStore::Private::onError(const QString &key, const QString &message)
{
    const std::optional<Pending> request = take(key, {});
    if (!request)
        return;
    const QString name = displayName(request->name, request->id);
    switch (request->step) {
    case Step::StorePassword:
        Q_EMIT q->errorOccurred(request->id,
                                ProfileStore::tr("The profile \"%1\" was saved without its new password: %2")
                                    .arg(name, message));
        return;
    case Step::DeleteOldPassword:
        Q_EMIT q->errorOccurred(request->id, ProfileStore::tr("The profile \"%1\" was saved, but its old password "
                                                              "could not be deleted from the OS keychain: %2")
                                                 .arg(name, message));
        return;
    case Step::DeleteForRemove:
        Q_EMIT q->errorOccurred(request->id, ProfileStore::tr("The profile \"%1\" was removed, but its password "
                                                              "could not be deleted from the OS keychain: %2")
                                                 .arg(name, message));
        Q_EMIT q->removed(request->id);
        return;
    case Step::LoadPassword:
        Q_EMIT q->errorOccurred(request->id, ProfileStore::tr("Could not load the password of profile \"%1\": %2")
                                                 .arg(name, message));
        return;
    }
}

void ProfileStore::Private::emitSavedLater(const QUuid &id)
{
    QMetaObject::invokeMethod(q, [owner = q, id] { Q_EMIT owner->saved(id); }, Qt::QueuedConnection);
}

void ProfileStore::Private::emitRemovedLater(const QUuid &id)
{
    QMetaObject::invokeMethod(q, [owner = q, id] { Q_EMIT owner->removed(id); }, Qt::QueuedConnection);
}

void ProfileStore::Private::emitErrorLater(const QUuid &id, const QString &message)
{
    QMetaObject::invokeMethod(
        q, [owner = q, id, message] { Q_EMIT owner->errorOccurred(id, message); }, Qt::QueuedConnection);
}

ProfileStore::ProfileStore(SecretStore *secrets, const QString &settingsFile, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>(this, secrets, settingsFile))
{
    Q_ASSERT(secrets);
    connect(secrets, &SecretStore::written, this, [this](const QString &key) { d->onWritten(key); });
    connect(secrets, &SecretStore::readFinished, this,
            [this](const QString &key, const QByteArray &secret) { d->onRead(key, secret); });
    connect(secrets, &SecretStore::removed, this, [this](const QString &key) { d->onRemoved(key); });
    connect(secrets, &SecretStore::errorOccurred, this,
            [this](const QString &key, SecretStore::Error, const QString &message) { d->onError(key, message); });
}

ProfileStore::~ProfileStore() = default;

QString ProfileStore::settingsFile() const
{
    return d->file;
}

QList<ConnectionProfile> ProfileStore::profiles() const
{
    d->problems.clear();
    QSettings settings(d->file, QSettings::IniFormat);
    d->reportFileProblem(settings);
    QList<ConnectionProfile> result;
    const QStringList sections = settings.childGroups();
    for (const QString &section : sections) {
        if (std::optional<ConnectionProfile> profile = d->readProfile(settings, section))
            result.append(std::move(*profile));
    }
    std::sort(result.begin(), result.end(), [](const ConnectionProfile &a, const ConnectionProfile &b) {
        const int byName = QString::compare(a.name, b.name, Qt::CaseInsensitive);
        return byName != 0 ? byName < 0 : a.id.toString() < b.id.toString();
    });
    return result;
}

std::optional<ConnectionProfile> ProfileStore::profile(const QUuid &id) const
{
    d->problems.clear();
    QSettings settings(d->file, QSettings::IniFormat);
    d->reportFileProblem(settings);
    const QString section = sectionName(id);
    if (id.isNull() || !settings.childGroups().contains(section))
        return std::nullopt;
    return d->readProfile(settings, section);
}

QStringList ProfileStore::loadProblems() const
{
    return d->problems;
}

void ProfileStore::save(const ConnectionProfile &profile)
{
    if (profile.id.isNull()) {
        d->emitErrorLater(profile.id, tr("The profile \"%1\" has no id, so it cannot be saved. Create it again.")
                                          .arg(profile.name));
        return;
    }
    const QString section = sectionName(profile.id);
    const QString key = profile.passwordKey();
    const QString password = profile.settings.password;

    QSettings settings(d->file, QSettings::IniFormat);
    const QString oldRef = settings.value(section + QLatin1Char('/') + kPasswordRef).toString();
    // A new password only gets its reference once the keychain confirmed it;
    // until then (and if that fails) an older stored password stays valid.
    const bool keepOldRef = !oldRef.isEmpty() && (!password.isEmpty() || profile.hasStoredPassword);

    settings.remove(section);
    settings.beginGroup(section);
    Private::writeProfile(settings, profile);
    if (keepOldRef)
        settings.setValue(kPasswordRef, oldRef);
    settings.endGroup();
    const QString error = d->syncError(settings);
    if (!error.isEmpty()) {
        d->emitErrorLater(profile.id, tr("The profile \"%1\" was not saved: %2")
                                          .arg(displayName(profile.name, profile.id), error));
        return;
    }

    if (!password.isEmpty()) {
        d->request(Private::Step::StorePassword, profile.id, profile.name, key);
        d->secrets->write(key, password.toUtf8());
        return;
    }
    if (!oldRef.isEmpty() && !keepOldRef) {
        d->request(Private::Step::DeleteOldPassword, profile.id, profile.name, oldRef);
        d->secrets->remove(oldRef);
        return;
    }
    d->emitSavedLater(profile.id);
}

void ProfileStore::remove(const QUuid &id)
{
    QSettings settings(d->file, QSettings::IniFormat);
    const QString section = sectionName(id);
    if (id.isNull() || !settings.childGroups().contains(section)) {
        d->emitErrorLater(id, tr("There is no saved profile with the id %1. It may have been removed already.")
                                  .arg(section));
        return;
    }
    const QString name = settings.value(section + QStringLiteral("/name")).toString();
    const QString ref = settings.value(section + QLatin1Char('/') + kPasswordRef).toString();
    settings.remove(section);
    const QString error = d->syncError(settings);
    if (!error.isEmpty()) {
        d->emitErrorLater(id, tr("The profile \"%1\" was not removed: %2").arg(displayName(name, id), error));
        return;
    }

    ConnectionProfile identity;
    identity.id = id;
    // A password write still in flight would otherwise leave an orphaned entry.
    const QString key = !ref.isEmpty() ? ref : identity.passwordKey();
    if (ref.isEmpty() && !d->hasPendingWrite(key)) {
        d->emitRemovedLater(id);
        return;
    }
    d->request(Private::Step::DeleteForRemove, id, name, key);
    d->secrets->remove(key);
}

void ProfileStore::loadPassword(const QUuid &id)
{
    QSettings settings(d->file, QSettings::IniFormat);
    const QString section = sectionName(id);
    if (id.isNull() || !settings.childGroups().contains(section)) {
        d->emitErrorLater(id, tr("There is no saved profile with the id %1, so there is no password to load.")
                                  .arg(section));
        return;
    }
    const QString name = settings.value(section + QStringLiteral("/name")).toString();
    const QString ref = settings.value(section + QLatin1Char('/') + kPasswordRef).toString();
    if (ref.isEmpty()) {
        d->emitErrorLater(id, tr("The profile \"%1\" has no stored password. Enter the password and save the "
                                 "profile to store it in the OS keychain.")
                                  .arg(displayName(name, id)));
        return;
    }
    d->request(Private::Step::LoadPassword, id, name, ref);
    d->secrets->read(ref);
}
