#include "shadow_client.h"

#include "mqtt/mqtt_session.h"

#include <QJsonDocument>
#include <QPointer>
#include <QUuid>

class ShadowClient::Private
{
public:
    QPointer<MqttSession> session;
    int timeoutMs = DefaultRequestTimeoutMs;
    QString errorString;
};

ShadowClient::ShadowClient(MqttSession *session, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>())
{
    d->session = session;
}

ShadowClient::~ShadowClient() = default;

void ShadowClient::setRequestTimeout(int milliseconds)
{
    d->timeoutMs = std::max(1, milliseconds);
}

int ShadowClient::requestTimeout() const
{
    return d->timeoutMs;
}

QString ShadowClient::get(const ShadowName &)
{
    d->errorString = tr("Shadow requests are being implemented (issue 7).");
    return {};
}

QString ShadowClient::update(const ShadowName &, const QJsonObject &, std::optional<qint64>, const QString &)
{
    d->errorString = tr("Shadow requests are being implemented (issue 7).");
    return {};
}

QString ShadowClient::deleteShadow(const ShadowName &, const QString &)
{
    d->errorString = tr("Shadow requests are being implemented (issue 7).");
    return {};
}

QByteArray ShadowClient::updatePayload(const QJsonObject &state, std::optional<qint64> expectedVersion,
                                       const QString &clientToken)
{
    QJsonObject request{{QStringLiteral("state"), state}};
    if (expectedVersion) {
        request.insert(QStringLiteral("version"), *expectedVersion);
    }
    if (!clientToken.isEmpty()) {
        request.insert(QStringLiteral("clientToken"), clientToken);
    }
    return QJsonDocument(request).toJson(QJsonDocument::Compact);
}

QString ShadowClient::generateClientToken()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QString ShadowClient::errorString() const
{
    return d->errorString;
}

int ShadowClient::pendingCount() const
{
    return 0;
}

bool ShadowClient::watch(const ShadowName &)
{
    d->errorString = tr("Shadow requests are being implemented (issue 7).");
    return false;
}

void ShadowClient::unwatch(const ShadowName &)
{
}

QList<ShadowName> ShadowClient::watchedShadows() const
{
    return {};
}

bool ShadowClient::discoverNamedShadows(const QString &)
{
    d->errorString = tr("Shadow requests are being implemented (issue 7).");
    return false;
}

QStringList ShadowClient::namedShadows(const QString &) const
{
    return {};
}

int ShadowClient::unreadableReplyCount() const
{
    return 0;
}
