#pragma once

#include "payload/decoded_payload.h"

#include <QCoreApplication>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include <memory>
#include <vector>

class PayloadDecoder;

// Owns the payload decoders, detects the format of a payload and keeps the
// per-topic manual overrides.
//
// decoderFor(topic, payload) decides in this order:
//  1. the most specific override whose topic filter matches the topic
//     (more literal levels first, then a filter without '#', then the most
//     recently set one; a plain topic is the most specific filter for itself);
//  2. the first registered decoder whose recognizes(topic, payload) is true
//     (hook for topic-namespace formats such as Sparkplug B);
//  3. detect(payload).
//
// Threading: configure (addDecoder, setOverride, ...) on one thread, normally
// the GUI thread. The const lookups and the decoders themselves may be used
// from worker threads as long as no configuration change runs concurrently.
class PayloadDecoderRegistry
{
    Q_DECLARE_TR_FUNCTIONS(PayloadDecoderRegistry)
public:
    // Registers the built-in decoders: text, json, cbor, hex, base64.
    PayloadDecoderRegistry();
    ~PayloadDecoderRegistry();
    Q_DISABLE_COPY_MOVE(PayloadDecoderRegistry)

    // Takes ownership; replaces a registered decoder with the same id
    // (keeping its position), otherwise appends.
    void addDecoder(std::unique_ptr<PayloadDecoder> decoder);
    const PayloadDecoder *decoder(const QString &id) const;   // nullptr if unknown
    QStringList decoderIds() const;                            // registration order

    // Best built-in decoder id for the bytes, by content only:
    //  - "json" for a JSON object or array that parses (bare scalars are text),
    //  - "text" for valid UTF-8 without control characters other than tab/CR/LF
    //    (including the empty payload),
    //  - "cbor" for exactly one complete CBOR item that is not plain text,
    //  - "hex" otherwise.
    // Base64 is never detected (see Base64Decoder). Linear in the payload size
    // plus one parse attempt; run it off the GUI thread for big payloads.
    QString detect(const QByteArray &payload) const;

    // Overrides by topic filter or plain topic. Fails with a translated
    // message for an invalid filter or an unknown decoder id.
    bool setOverride(const QString &topicFilterOrTopic, const QString &decoderId, QString *errorString = nullptr);
    void clearOverride(const QString &topicFilterOrTopic);
    void clearOverrides();
    // (filter, decoder id) in the order they were set, for saving.
    QList<QPair<QString, QString>> overrides() const;
    // Decoder id of the winning override for the topic, or empty.
    QString overrideFor(const QString &topic) const;

    // Never nullptr.
    const PayloadDecoder *decoderFor(const QString &topic, const QByteArray &payload) const;
    DecodedPayload decode(const QString &topic, const QByteArray &payload) const;

private:
    struct Override
    {
        QString filter;
        QString decoderId;
        int literalLevels = 0;
        bool multiLevel = false;   // ends in '#'
    };

    std::vector<std::unique_ptr<PayloadDecoder>> m_decoders;
    std::vector<Override> m_overrides;   // oldest first
};
