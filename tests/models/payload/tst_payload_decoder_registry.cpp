#include "payload/payload_decoder_registry.h"

#include "payload/payload_decoder.h"

#include <QTest>

namespace {

// Stands in for a topic-namespace format such as Sparkplug B, to check that
// the registry takes decoders added later and asks them first.
class NamespaceDecoder : public PayloadDecoder
{
public:
    explicit NamespaceDecoder(QString id)
        : m_id(std::move(id))
    {
    }

    QString id() const override { return m_id; }
    QString displayName() const override { return m_id; }
    DecodedPayload decode(const QByteArray &payload) const override { return success(payload, m_id); }
    bool recognizes(const QString &topic, const QByteArray &payload) const override
    {
        Q_UNUSED(payload)
        return topic.startsWith(QLatin1String("spBv1.0/"));
    }

private:
    QString m_id;
};

QByteArray nestedJsonArrays(int depth)
{
    return QByteArray(depth, '[') + QByteArray(depth, ']');
}

} // namespace

class TestPayloadDecoderRegistry : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void builtInDecoders();
    void detect_data();
    void detect();
    void overrides_data();
    void overrides();
    void invalidOverrides_data();
    void invalidOverrides();
    void overrideBookkeeping();
    void addedDecoders();
};

void TestPayloadDecoderRegistry::builtInDecoders()
{
    const PayloadDecoderRegistry registry;
    const QStringList expected = {QStringLiteral("text"), QStringLiteral("json"), QStringLiteral("cbor"),
                                  QStringLiteral("hex"), QStringLiteral("base64")};
    QCOMPARE(registry.decoderIds(), expected);
    for (const QString &id : expected) {
        const PayloadDecoder *decoder = registry.decoder(id);
        QVERIFY2(decoder, qPrintable(id));
        QCOMPARE(decoder->id(), id);
        QVERIFY2(!decoder->displayName().isEmpty(), qPrintable(id));
    }
    QVERIFY(!registry.decoder(QStringLiteral("protobuf")));
}

void TestPayloadDecoderRegistry::detect_data()
{
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<QString>("decoder");

    const QString json = QStringLiteral("json");
    const QString text = QStringLiteral("text");
    const QString cbor = QStringLiteral("cbor");
    const QString hex = QStringLiteral("hex");

    QTest::newRow("seed telemetry object")
        << QByteArray(R"({"timestamp":"2024-05-01T12:00:00Z","deviceId":"press-1","measurements":[{"name":"temperature","value":71.5,"unit":"degC","quality":"good"}]})")
        << json;
    QTest::newRow("array after whitespace") << QByteArray("\r\n [1,2]") << json;
    QTest::newRow("bare number is text") << QByteArray("23.5") << text;
    QTest::newRow("bare true is text") << QByteArray("true") << text;
    QTest::newRow("quoted string is text") << QByteArray("\"running\"") << text;
    QTest::newRow("status word") << QByteArray("running") << text;
    QTest::newRow("multi-line text") << QByteArray("line 1\r\n\tline 2\n") << text;
    QTest::newRow("utf-8 text") << QByteArray("Dr\xc3\xbc" "ck 2 bar") << text;
    QTest::newRow("empty") << QByteArray() << text;
    QTest::newRow("truncated json is text") << QByteArray("{\"a\":") << text;
    QTest::newRow("too deep json is text") << nestedJsonArrays(600) << text;
    QTest::newRow("ascii digit is text, not CBOR -18") << QByteArray("1") << text;
    QTest::newRow("cbor map") << QByteArray::fromHex("a2616101616282f5f6") << cbor;
    QTest::newRow("cbor float") << QByteArray::fromHex("fb4051e00000000000") << cbor;
    QTest::newRow("cbor integer zero byte") << QByteArray("\0", 1) << cbor;
    QTest::newRow("two cbor items") << QByteArray::fromHex("0000") << hex;
    QTest::newRow("truncated cbor") << QByteArray::fromHex("a26161") << hex;
    QTest::newRow("latin-1 text") << QByteArray("caf\xe9") << hex;
    QTest::newRow("text with bell") << QByteArray("alarm\x07") << hex;
    QTest::newRow("random binary") << QByteArray::fromHex("fffe00017f80") << hex;
}

void TestPayloadDecoderRegistry::detect()
{
    QFETCH(QByteArray, payload);
    QFETCH(QString, decoder);

    const PayloadDecoderRegistry registry;
    QCOMPARE(registry.detect(payload), decoder);
    const PayloadDecoder *chosen = registry.decoderFor(QStringLiteral("factory/chicago/line-3/press-1/telemetry"), payload);
    QVERIFY(chosen);
    QCOMPARE(chosen->id(), decoder);
    // A detected decoder always manages to decode what it was chosen for.
    const DecodedPayload result = chosen->decode(payload);
    QVERIFY2(result.ok, qPrintable(result.errorString));
}

void TestPayloadDecoderRegistry::overrides_data()
{
    QTest::addColumn<QStringList>("overrides");   // filter, decoder, filter, decoder, ...
    QTest::addColumn<QString>("topic");
    QTest::addColumn<QString>("overridden");       // empty: none applies
    QTest::addColumn<QString>("decoder");

    const auto list = [](std::initializer_list<const char *> items) {
        QStringList result;
        for (const char *item : items)
            result.append(QString::fromUtf8(item));
        return result;
    };
    const QString json = QStringLiteral("json");

    QTest::newRow("none") << QStringList() << QStringLiteral("a/b") << QString() << json;
    QTest::newRow("plain topic") << list({"factory/a/status", "hex"}) << QStringLiteral("factory/a/status")
                                 << QStringLiteral("hex") << QStringLiteral("hex");
    QTest::newRow("plain topic does not match a sibling") << list({"factory/a/status", "hex"})
                                                          << QStringLiteral("factory/b/status") << QString() << json;
    QTest::newRow("single-level wildcard") << list({"factory/+/telemetry", "text"})
                                           << QStringLiteral("factory/press-1/telemetry") << QStringLiteral("text")
                                           << QStringLiteral("text");
    QTest::newRow("more literal levels win")
        << list({"factory/#", "hex", "factory/+/telemetry", "text"}) << QStringLiteral("factory/p/telemetry")
        << QStringLiteral("text") << QStringLiteral("text");
    QTest::newRow("more literal levels win regardless of order")
        << list({"factory/+/telemetry", "text", "factory/#", "hex"}) << QStringLiteral("factory/p/telemetry")
        << QStringLiteral("text") << QStringLiteral("text");
    QTest::newRow("broader filter still covers the rest")
        << list({"factory/#", "hex", "factory/+/telemetry", "text"}) << QStringLiteral("factory/p/status")
        << QStringLiteral("hex") << QStringLiteral("hex");
    QTest::newRow("plain topic beats filters")
        << list({"a/b/c", "base64", "a/+/c", "text", "#", "hex"}) << QStringLiteral("a/b/c")
        << QStringLiteral("base64") << QStringLiteral("base64");
    QTest::newRow("'+' beats '#' at equal literal levels")
        << list({"a/+/c", "text", "a/b/#", "hex"}) << QStringLiteral("a/b/c") << QStringLiteral("text") << QStringLiteral("text");
    QTest::newRow("latest wins a tie") << list({"a/+", "hex", "+/b", "text"}) << QStringLiteral("a/b")
                                       << QStringLiteral("text") << QStringLiteral("text");
    QTest::newRow("'#' does not cover $SYS") << list({"#", "hex"}) << QStringLiteral("$SYS/broker/uptime") << QString() << json;
    QTest::newRow("$SYS filter") << list({"#", "hex", "$SYS/#", "text"}) << QStringLiteral("$SYS/broker/uptime")
                                 << QStringLiteral("text") << QStringLiteral("text");
}

void TestPayloadDecoderRegistry::overrides()
{
    QFETCH(QStringList, overrides);
    QFETCH(QString, topic);
    QFETCH(QString, overridden);
    QFETCH(QString, decoder);

    PayloadDecoderRegistry registry;
    for (qsizetype i = 0; i + 1 < overrides.size(); i += 2) {
        QString error;
        QVERIFY2(registry.setOverride(overrides.at(i), overrides.at(i + 1), &error),
                 qPrintable(overrides.at(i) + QStringLiteral(": ") + error));
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }
    QCOMPARE(registry.overrideFor(topic), overridden);
    const QByteArray payload("{\"a\":1}");
    QCOMPARE(registry.decoderFor(topic, payload)->id(), decoder);
    QCOMPARE(registry.decode(topic, payload).decoderId, decoder);
}

void TestPayloadDecoderRegistry::invalidOverrides_data()
{
    QTest::addColumn<QString>("filter");
    QTest::addColumn<QString>("decoder");
    QTest::addColumn<QString>("errorContains");

    QTest::newRow("'#' not last") << QStringLiteral("a/#/b") << QStringLiteral("hex") << QStringLiteral("#");
    QTest::newRow("'+' inside a level") << QStringLiteral("a/b+/c") << QStringLiteral("hex") << QStringLiteral("+");
    QTest::newRow("empty filter") << QString() << QStringLiteral("hex") << QString();
    QTest::newRow("unknown decoder") << QStringLiteral("a/b") << QStringLiteral("protobuf") << QStringLiteral("\"protobuf\"");
}

void TestPayloadDecoderRegistry::invalidOverrides()
{
    QFETCH(QString, filter);
    QFETCH(QString, decoder);
    QFETCH(QString, errorContains);

    PayloadDecoderRegistry registry;
    QVERIFY(registry.setOverride(QStringLiteral("x/y"), QStringLiteral("hex")));
    QString error;
    QVERIFY2(!registry.setOverride(filter, decoder, &error), qPrintable(filter));
    QVERIFY2(!error.isEmpty(), "a refused override says why");
    QVERIFY2(error.contains(errorContains), qPrintable(error));
    const QList<QPair<QString, QString>> expected = {{QStringLiteral("x/y"), QStringLiteral("hex")}};
    QCOMPARE(registry.overrides(), expected);
}

void TestPayloadDecoderRegistry::overrideBookkeeping()
{
    PayloadDecoderRegistry registry;
    QVERIFY(registry.setOverride(QStringLiteral("a/#"), QStringLiteral("hex")));
    QVERIFY(registry.setOverride(QStringLiteral("b/+"), QStringLiteral("text")));
    QVERIFY(registry.setOverride(QStringLiteral("a/#"), QStringLiteral("cbor")));   // replaces, moves to the end
    using Overrides = QList<QPair<QString, QString>>;
    QCOMPARE(registry.overrides(), (Overrides{{QStringLiteral("b/+"), QStringLiteral("text")},
                                              {QStringLiteral("a/#"), QStringLiteral("cbor")}}));
    QCOMPARE(registry.overrideFor(QStringLiteral("a/x")), QStringLiteral("cbor"));

    registry.clearOverride(QStringLiteral("a/#"));
    QCOMPARE(registry.overrideFor(QStringLiteral("a/x")), QString());
    QCOMPARE(registry.overrides(), (Overrides{{QStringLiteral("b/+"), QStringLiteral("text")}}));

    registry.clearOverrides();
    QVERIFY(registry.overrides().isEmpty());
    QCOMPARE(registry.decoderFor(QStringLiteral("b/x"), "{}")->id(), QStringLiteral("json"));
}

void TestPayloadDecoderRegistry::addedDecoders()
{
    PayloadDecoderRegistry registry;
    registry.addDecoder(std::make_unique<NamespaceDecoder>(QStringLiteral("sparkplug-test")));
    QCOMPARE(registry.decoderIds().constLast(), QStringLiteral("sparkplug-test"));

    const QByteArray binary = QByteArray::fromHex("0802120a");
    QCOMPARE(registry.decoderFor(QStringLiteral("spBv1.0/plant/DDATA/edge/press"), binary)->id(),
             QStringLiteral("sparkplug-test"));
    QCOMPARE(registry.decoderFor(QStringLiteral("factory/plant/press"), binary)->id(), registry.detect(binary));

    // A manual override still beats a decoder that recognises the topic.
    QVERIFY(registry.setOverride(QStringLiteral("spBv1.0/#"), QStringLiteral("hex")));
    QCOMPARE(registry.decoderFor(QStringLiteral("spBv1.0/plant/DDATA/edge/press"), binary)->id(), QStringLiteral("hex"));
    // and may name the added decoder
    QVERIFY(registry.setOverride(QStringLiteral("legacy/#"), QStringLiteral("sparkplug-test")));
    QCOMPARE(registry.decode(QStringLiteral("legacy/x"), binary).text, QStringLiteral("sparkplug-test"));

    // Same id: replaced in place.
    const qsizetype jsonIndex = registry.decoderIds().indexOf(QStringLiteral("json"));
    registry.addDecoder(std::make_unique<NamespaceDecoder>(QStringLiteral("json")));
    QCOMPARE(registry.decoderIds().indexOf(QStringLiteral("json")), jsonIndex);
    QCOMPARE(registry.decoderIds().size(), qsizetype(6));
    QCOMPARE(registry.decoder(QStringLiteral("json"))->decode("{}").text, QStringLiteral("json"));
}

QTEST_GUILESS_MAIN(TestPayloadDecoderRegistry)
#include "tst_payload_decoder_registry.moc"
