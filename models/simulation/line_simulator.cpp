#include "line_simulator.h"

#include "mqtt/mqtt_session.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QPointer>
#include <QRandomGenerator>
#include <QSet>
#include <QTimer>

#include <algorithm>
#include <array>
#include <cmath>
#include <numbers>
#include <random>
#include <vector>

namespace {

enum Quality { Good, Uncertain, Bad, QualityCount };

constexpr std::array<const char *, QualityCount> kQualityNames = {"good", "uncertain", "bad"};
constexpr int kMaxMessagesPerTick = 500;  // keeps one timer tick short at very high rates
constexpr double kWalkDecay = 0.97;       // pulls the random walk back towards the base value

// How one measurement of an asset kind behaves: base + slow sine + mean-reverting
// random walk + noise, clamped to the sensor range.
struct MeasurementSpec
{
    const char *name;
    const char *unit;
    double base;
    double amplitude;
    double periodSeconds;
    double noise;
    double walkStep;
    double minimum;
    double maximum;
    int decimals;
};

struct AssetKind
{
    const char *name;
    std::vector<MeasurementSpec> measurements;
};

const std::vector<AssetKind> &assetKinds()
{
    static const std::vector<AssetKind> kinds = {
        {"press",
         {{"temperature", "celsius", 72.0, 3.0, 240.0, 0.2, 0.15, -20.0, 200.0, 1},
          {"pressure", "bar", 180.0, 12.0, 45.0, 1.5, 0.8, 0.0, 400.0, 1},
          {"vibration_rms", "mm/s", 2.6, 0.5, 90.0, 0.08, 0.05, 0.0, 50.0, 2},
          {"cycle_time", "s", 12.0, 0.4, 300.0, 0.1, 0.05, 0.0, 120.0, 2},
          {"anomaly_score", "dimensionless", 0.08, 0.04, 600.0, 0.015, 0.01, 0.0, 1.0, 3}}},
        {"conveyor",
         {{"speed", "m/min", 30.0, 2.0, 180.0, 0.3, 0.2, 0.0, 120.0, 1},
          {"motor_current", "A", 12.0, 1.0, 120.0, 0.2, 0.1, 0.0, 60.0, 2},
          {"vibration_rms", "mm/s", 1.8, 0.3, 75.0, 0.06, 0.04, 0.0, 50.0, 2},
          {"temperature", "celsius", 41.0, 2.0, 420.0, 0.15, 0.1, -20.0, 150.0, 1},
          {"anomaly_score", "dimensionless", 0.06, 0.03, 540.0, 0.012, 0.008, 0.0, 1.0, 3}}},
        {"robot",
         {{"cycle_time", "s", 45.0, 1.5, 360.0, 0.3, 0.2, 0.0, 300.0, 2},
          {"temperature", "celsius", 55.0, 2.5, 300.0, 0.2, 0.1, -20.0, 150.0, 1},
          {"torque", "Nm", 120.0, 15.0, 30.0, 2.0, 1.0, 0.0, 500.0, 1},
          {"position_error", "mm", 0.05, 0.01, 60.0, 0.004, 0.002, 0.0, 5.0, 3},
          {"anomaly_score", "dimensionless", 0.07, 0.03, 480.0, 0.015, 0.01, 0.0, 1.0, 3}}},
        {"oven",
         {{"temperature", "celsius", 220.0, 4.0, 900.0, 0.5, 0.3, 0.0, 400.0, 1},
          {"humidity", "percent", 12.0, 1.5, 600.0, 0.3, 0.15, 0.0, 100.0, 1},
          {"power", "kW", 45.0, 5.0, 240.0, 0.8, 0.4, 0.0, 200.0, 1},
          {"anomaly_score", "dimensionless", 0.05, 0.02, 720.0, 0.01, 0.008, 0.0, 1.0, 3}}},
        {"packer",
         {{"speed", "packs/min", 60.0, 4.0, 150.0, 0.8, 0.4, 0.0, 200.0, 1},
          {"reject_rate", "percent", 0.8, 0.3, 420.0, 0.05, 0.03, 0.0, 100.0, 2},
          {"temperature", "celsius", 35.0, 1.5, 480.0, 0.15, 0.1, -20.0, 120.0, 1},
          {"anomaly_score", "dimensionless", 0.06, 0.03, 600.0, 0.012, 0.008, 0.0, 1.0, 3}}},
    };
    return kinds;
}

// Order in which kinds are given to assets: a line has more presses than ovens.
constexpr std::array<int, 6> kKindCycle = {0, 0, 1, 2, 3, 4};

QString withoutPrefix(const QString &text, const QString &prefix)
{
    return text.startsWith(prefix) ? text.mid(prefix.size()) : text;
}

// JSON string literal; topic parts come from the user's config.
QByteArray jsonString(const QString &text)
{
    QString escaped;
    escaped.reserve(text.size() + 2);
    escaped += QLatin1Char('"');
    for (const QChar c : text) {
        switch (c.unicode()) {
        case '"': escaped += QLatin1String("\\\""); break;
        case '\\': escaped += QLatin1String("\\\\"); break;
        case '\n': escaped += QLatin1String("\\n"); break;
        case '\r': escaped += QLatin1String("\\r"); break;
        case '\t': escaped += QLatin1String("\\t"); break;
        default:
            if (c.unicode() < 0x20)
                escaped += QStringLiteral("\\u%1").arg(c.unicode(), 4, 16, QLatin1Char('0'));
            else
                escaped += c;  // surrogate pairs stay together, toUtf8() below encodes them
        }
    }
    escaped += QLatin1Char('"');
    return escaped.toUtf8();
}

QByteArray jsonNumber(double value, int decimals)
{
    const double scale = std::pow(10.0, decimals);
    double rounded = std::round(value * scale) / scale;
    if (rounded == 0.0)
        rounded = 0.0;  // no "-0"
    return QByteArray::number(rounded, 'g', 15);
}

} // namespace

class LineSimulator::Private
{
public:
    struct MeasurementState
    {
        double phase = 0.0;
        double walk = 0.0;
        double lastGood = 0.0;
        bool hasLastGood = false;
    };

    struct Asset
    {
        QString name;
        QString deviceId;
        QString telemetryTopic;
        QString statusTopic;
        const AssetKind *kind = nullptr;
        std::vector<MeasurementState> states;
        QString status = QStringLiteral("running");
    };

    struct Sample
    {
        QByteArray payload;
        std::array<int, QualityCount> qualities{};
    };

    Private(LineSimulator *qq, MqttSession *s, const LineSimulatorConfig &c)
        : q(qq)
        , session(s)
        , config(c)
    {
        const quint32 seed = config.seed != 0 ? config.seed : QRandomGenerator::global()->generate();
        valueRng.seed(seed);
        // A separate stream for status changes keeps makePayload() sequences
        // independent of how often the timer ran.
        statusRng.seed(seed ^ 0x5bd1e995u);

        const QString base = QStringLiteral("factory/%1/%2/%3").arg(config.site, config.building, config.line);
        const QString shortBuilding = withoutPrefix(config.building, QStringLiteral("building-"));
        const QString shortLine = QLatin1Char('l') + withoutPrefix(config.line, QStringLiteral("line-"));
        std::array<int, 5> perKind{};
        std::uniform_real_distribution<double> phase(0.0, 2.0 * std::numbers::pi);
        for (int i = 0; i < std::max(0, config.assetCount); ++i) {
            const int kindIndex = kKindCycle[size_t(i) % kKindCycle.size()];
            Asset asset;
            asset.kind = &assetKinds()[size_t(kindIndex)];
            asset.name = QStringLiteral("%1-%2").arg(QLatin1String(asset.kind->name)).arg(++perKind[size_t(kindIndex)]);
            asset.deviceId = QStringLiteral("%1-%2-%3-%4").arg(asset.name, config.site, shortBuilding, shortLine);
            asset.telemetryTopic = QStringLiteral("%1/%2/telemetry").arg(base, asset.name);
            asset.statusTopic = QStringLiteral("%1/%2/status").arg(base, asset.name);
            asset.states.resize(asset.kind->measurements.size());
            for (MeasurementState &state : asset.states)
                state.phase = phase(valueRng);
            assets.push_back(std::move(asset));
        }
    }

    LineSimulator *const q;
    QPointer<MqttSession> session;
    LineSimulatorConfig config;
    std::vector<Asset> assets;
    std::mt19937 valueRng;
    std::mt19937 statusRng;

    bool running = false;
    QTimer timer;
    QElapsedTimer scheduleClock;   // since the session (re)connected
    qint64 scheduledSent = 0;      // telemetry attempts since scheduleClock started
    size_t nextAsset = 0;

    qint64 published = 0;
    qint64 failed = 0;
    std::array<qint64, QualityCount> qualityTotals{};
    QSet<int> pendingRequests;     // our ids, so a shared session's other publishes are not counted

    const Asset *assetAt(int index) const
    {
        return index >= 0 && size_t(index) < assets.size() ? &assets[size_t(index)] : nullptr;
    }

    double rate() const { return std::max(config.messagesPerSecond, 0.01); }

    Sample makeSample(size_t index, qint64 epochMs)
    {
        Asset &asset = assets[index];
        Sample sample;
        std::uniform_real_distribution<double> unit(0.0, 1.0);
        std::normal_distribution<double> gauss(0.0, 1.0);
        const double seconds = double(epochMs) / 1000.0;

        QByteArray payload = "{\"timestamp\":";
        payload += jsonString(QDateTime::fromMSecsSinceEpoch(epochMs, Qt::UTC).toString(Qt::ISODateWithMs));
        payload += ",\"deviceId\":" + jsonString(asset.deviceId) + ",\"measurements\":[";
        for (size_t m = 0; m < asset.states.size(); ++m) {
            const MeasurementSpec &spec = asset.kind->measurements[m];
            MeasurementState &state = asset.states[m];
            state.walk = state.walk * kWalkDecay + gauss(valueRng) * spec.walkStep;
            double value = spec.base + spec.amplitude * std::sin(2.0 * std::numbers::pi * seconds / spec.periodSeconds + state.phase)
                + state.walk + gauss(valueRng) * spec.noise;
            value = std::clamp(value, spec.minimum, spec.maximum);

            const double draw = unit(valueRng);
            Quality quality = Good;
            if (draw < config.badShare) {
                quality = Bad;
                // A failed sensor either freezes or reads the end of its range.
                value = (state.hasLastGood && unit(valueRng) < 0.5) ? state.lastGood : spec.minimum;
            } else if (draw < config.badShare + config.uncertainShare) {
                quality = Uncertain;
                value = std::clamp(value + gauss(valueRng) * spec.noise * 4.0, spec.minimum, spec.maximum);
            } else {
                state.lastGood = value;
                state.hasLastGood = true;
            }
            ++sample.qualities[quality];

            if (m > 0)
                payload += ',';
            payload += "{\"name\":\"" + QByteArray(spec.name) + "\",\"value\":" + jsonNumber(value, spec.decimals)
                + ",\"unit\":\"" + QByteArray(spec.unit) + "\",\"quality\":\"" + kQualityNames[quality] + "\"}";
        }
        payload += "]}";
        sample.payload = payload;
        return sample;
    }

    bool sessionConnected() const { return session && session->state() == MqttSession::State::Connected; }

    // Returns false when the session refused the message (counted and reported).
    bool send(const QString &topic, const QByteArray &payload, quint8 qos, bool retain)
    {
        MqttPublishRequest request;
        request.topic = topic;
        request.payload = payload;
        request.qos = qos;
        request.retain = retain;
        const int id = session->publish(request);
        if (id <= 0) {
            ++failed;
            Q_EMIT q->publishFailed(LineSimulator::tr("The simulator could not publish to %1: %2").arg(topic, session->errorString()));
            return false;
        }
        pendingRequests.insert(id);
        return true;
    }

    void publishStatus(const Asset &asset) { send(asset.statusTopic, asset.status.toUtf8(), 1, true); }

    // Rare transitions: running -> idle/fault, idle/fault -> running.
    void advanceStatus(Asset &asset)
    {
        std::uniform_real_distribution<double> unit(0.0, 1.0);
        const double draw = unit(statusRng);
        QString next = asset.status;
        if (asset.status == QLatin1String("running")) {
            if (draw < 0.002)
                next = QStringLiteral("fault");
            else if (draw < 0.007)
                next = QStringLiteral("idle");
        } else if (asset.status == QLatin1String("idle")) {
            if (draw < 0.1)
                next = QStringLiteral("running");
        } else if (draw < 0.05) {
            next = QStringLiteral("running");
        }
        if (next == asset.status)
            return;
        asset.status = next;
        publishStatus(asset);
    }

    void onConnected()
    {
        if (!running || assets.empty())
            return;
        for (const Asset &asset : assets)
            publishStatus(asset);
        scheduleClock.start();
        scheduledSent = 0;
        timer.start(std::max(1, int(1000.0 / rate())));
    }

    void tick()
    {
        if (!sessionConnected()) {
            timer.stop();
            return;
        }
        // Catch up with the wall clock, so timer jitter does not change the rate.
        const qint64 due = qint64(double(scheduleClock.elapsed()) * rate() / 1000.0) - scheduledSent;
        for (qint64 i = 0; i < std::min<qint64>(due, kMaxMessagesPerTick) && running; ++i)
            publishNext();
    }

    void publishNext()
    {
        const size_t index = nextAsset;
        nextAsset = (nextAsset + 1) % assets.size();
        const Sample sample = makeSample(index, QDateTime::currentMSecsSinceEpoch());
        ++scheduledSent;
        if (send(assets[index].telemetryTopic, sample.payload, config.qos, false)) {
            ++published;
            for (int quality = 0; quality < QualityCount; ++quality)
                qualityTotals[size_t(quality)] += sample.qualities[size_t(quality)];
        }
        advanceStatus(assets[index]);
        if (config.maxMessages > 0 && published >= config.maxMessages) {
            running = false;
            timer.stop();
            Q_EMIT q->finished();
        }
    }
};

LineSimulator::LineSimulator(MqttSession *session, const LineSimulatorConfig &config, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>(this, session, config))
{
    d->timer.setTimerType(Qt::PreciseTimer);
    connect(&d->timer, &QTimer::timeout, this, [this] { d->tick(); });
    if (!session)
        return;
    connect(session, &MqttSession::stateChanged, this, [this](MqttSession::State state) {
        if (state == MqttSession::State::Connected) {
            d->onConnected();
        } else {
            d->timer.stop();
            // The session forgets unsent requests when the connection goes.
            d->pendingRequests.clear();
        }
    });
    connect(session, &MqttSession::published, this, [this](int requestId, bool ok, const QString &reason) {
        if (!d->pendingRequests.remove(requestId) || ok)
            return;
        ++d->failed;
        Q_EMIT publishFailed(reason);
    });
}

LineSimulator::~LineSimulator() = default;

void LineSimulator::start()
{
    if (d->running)
        return;
    d->running = true;
    if (d->sessionConnected())
        d->onConnected();
}

void LineSimulator::stop()
{
    d->running = false;
    d->timer.stop();
}

bool LineSimulator::isRunning() const
{
    return d->running;
}

qint64 LineSimulator::publishedCount() const
{
    return d->published;
}

qint64 LineSimulator::qualityCount(const QString &quality) const
{
    for (int i = 0; i < QualityCount; ++i) {
        if (quality == QLatin1String(kQualityNames[size_t(i)]))
            return d->qualityTotals[size_t(i)];
    }
    return 0;
}

qint64 LineSimulator::failedCount() const
{
    return d->failed;
}

QByteArray LineSimulator::makePayload(int assetIndex, qint64 epochMs)
{
    if (!d->assetAt(assetIndex))
        return {};
    return d->makeSample(size_t(assetIndex), epochMs).payload;
}

QString LineSimulator::telemetryTopic(int assetIndex) const
{
    const auto *asset = d->assetAt(assetIndex);
    return asset ? asset->telemetryTopic : QString();
}

QString LineSimulator::statusTopic(int assetIndex) const
{
    const auto *asset = d->assetAt(assetIndex);
    return asset ? asset->statusTopic : QString();
}

int LineSimulator::assetCount() const
{
    return int(d->assets.size());
}

QString LineSimulator::assetName(int assetIndex) const
{
    const auto *asset = d->assetAt(assetIndex);
    return asset ? asset->name : QString();
}

QString LineSimulator::deviceId(int assetIndex) const
{
    const auto *asset = d->assetAt(assetIndex);
    return asset ? asset->deviceId : QString();
}

QString LineSimulator::assetStatus(int assetIndex) const
{
    const auto *asset = d->assetAt(assetIndex);
    return asset ? asset->status : QString();
}
