#include "shadow_service.h"

#include "mqtt/mqtt_session.h"

#include <QPointer>

class ShadowService::Private
{
public:
    QPointer<MqttSession> session;
    State state = State::Stopped;
    QString errorString;
    QString databaseFile;
};

ShadowService::ShadowService(MqttSession *session, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>())
{
    d->session = session;
}

ShadowService::~ShadowService() = default;

bool ShadowService::start(const QString &databaseFile)
{
    d->databaseFile = databaseFile;
    d->errorString = tr("The shadow service is being implemented (issue 7).");
    return false;
}

void ShadowService::stop()
{
}

ShadowService::State ShadowService::state() const
{
    return d->state;
}

QString ShadowService::errorString() const
{
    return d->errorString;
}

QString ShadowService::databaseFile() const
{
    return d->databaseFile;
}

QList<ShadowName> ShadowService::shadows() const
{
    return {};
}

std::optional<ShadowDocument> ShadowService::document(const ShadowName &) const
{
    return std::nullopt;
}

qint64 ShadowService::acceptedCount() const
{
    return 0;
}

qint64 ShadowService::rejectedCount() const
{
    return 0;
}
