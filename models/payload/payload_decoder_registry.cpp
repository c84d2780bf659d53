#include "payload/payload_decoder_registry.h"

#include "payload/base64_decoder.h"
#include "payload/cbor_decoder.h"
#include "payload/hex_decoder.h"
#include "payload/json_decoder.h"
#include "payload/payload_decoder.h"
#include "payload/utf8_text_decoder.h"
#include "topics/topic_filter.h"

#include <algorithm>

PayloadDecoderRegistry::PayloadDecoderRegistry()
{
    addDecoder(std::make_unique<Utf8TextDecoder>());
    addDecoder(std::make_unique<JsonDecoder>());
    addDecoder(std::make_unique<CborDecoder>());
    addDecoder(std::make_unique<HexDecoder>());
    addDecoder(std::make_unique<Base64Decoder>(*this));
}

PayloadDecoderRegistry::~PayloadDecoderRegistry() = default;

void PayloadDecoderRegistry::addDecoder(std::unique_ptr<PayloadDecoder> decoder)
{
    Q_ASSERT(decoder);
    const QString id = decoder->id();
    for (auto &existing : m_decoders) {
        if (existing->id() == id) {
            existing = std::move(decoder);
            return;
        }
    }
    m_decoders.push_back(std::move(decoder));
}

const PayloadDecoder *PayloadDecoderRegistry::decoder(const QString &id) const
{
    for (const auto &candidate : m_decoders) {
        if (candidate->id() == id)
            return candidate.get();
    }
    return nullptr;
}

QStringList PayloadDecoderRegistry::decoderIds() const
{
    QStringList ids;
    ids.reserve(qsizetype(m_decoders.size()));
    for (const auto &candidate : m_decoders)
        ids.append(candidate->id());
    return ids;
}

QString PayloadDecoderRegistry::detect(const QByteArray &payload) const
{
    if (JsonDecoder::isJsonContainer(payload))
        return QStringLiteral("json");
    if (Utf8TextDecoder::isPlainText(payload))
        return QStringLiteral("text");
    if (CborDecoder::isCompleteCbor(payload))
        return QStringLiteral("cbor");
    return QStringLiteral("hex");
}

bool PayloadDecoderRegistry::setOverride(const QString &topicFilterOrTopic, const QString &decoderId, QString *errorString)
{
    const TopicFilter::ValidationError validation = TopicFilter::validate(topicFilterOrTopic);
    if (!validation.isValid()) {
        if (errorString)
            *errorString = validation.message;
        return false;
    }
    if (!decoder(decoderId)) {
        if (errorString)
            *errorString = tr("Unknown payload decoder \"%1\". Available decoders: %2.")
                               .arg(decoderId, decoderIds().join(QStringLiteral(", ")));
        return false;
    }

    Override entry;
    entry.filter = topicFilterOrTopic;
    entry.decoderId = decoderId;
    const QStringList levels = topicFilterOrTopic.split(u'/');
    entry.literalLevels = int(std::count_if(levels.cbegin(), levels.cend(), [](const QString &level) {
        return level != QLatin1String("+") && level != QLatin1String("#");
    }));
    entry.multiLevel = levels.constLast() == QLatin1String("#");

    clearOverride(topicFilterOrTopic);
    m_overrides.push_back(entry);
    if (errorString)
        errorString->clear();
    return true;
}

void PayloadDecoderRegistry::clearOverride(const QString &topicFilterOrTopic)
{
    std::erase_if(m_overrides, [&](const Override &entry) { return entry.filter == topicFilterOrTopic; });
}

void PayloadDecoderRegistry::clearOverrides()
{
    m_overrides.clear();
}

QList<QPair<QString, QString>> PayloadDecoderRegistry::overrides() const
{
    QList<QPair<QString, QString>> result;
    result.reserve(qsizetype(m_overrides.size()));
    for (const Override &entry : m_overrides)
        result.append({entry.filter, entry.decoderId});
    return result;
}

QString PayloadDecoderRegistry::overrideFor(const QString &topic) const
{
    const Override *best = nullptr;
    // Later entries win ties, so walk oldest to newest and accept equals.
    for (const Override &entry : m_overrides) {
        if (!TopicFilter::matches(entry.filter, topic))
            continue;
        if (!best || entry.literalLevels > best->literalLevels
            || (entry.literalLevels == best->literalLevels && entry.multiLevel <= best->multiLevel))
            best = &entry;
    }
    return best ? best->decoderId : QString();
}

const PayloadDecoder *PayloadDecoderRegistry::decoderFor(const QString &topic, const QByteArray &payload) const
{
    const QString overridden = overrideFor(topic);
    if (!overridden.isEmpty()) {
        if (const PayloadDecoder *chosen = decoder(overridden))
            return chosen;
    }
    for (const auto &candidate : m_decoders) {
        if (candidate->recognizes(topic, payload))
            return candidate.get();
    }
    const PayloadDecoder *detected = decoder(detect(payload));
    Q_ASSERT(detected);
    return detected;
}

DecodedPayload PayloadDecoderRegistry::decode(const QString &topic, const QByteArray &payload) const
{
    return decoderFor(topic, payload)->decode(payload);
}
