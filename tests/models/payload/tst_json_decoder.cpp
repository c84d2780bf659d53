#include "payload/json_decoder.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QTest>

namespace {

QByteArray nestedArrays(int depth)
{
    return QByteArray(depth, '[') + QByteArray(depth, ']');
}

// {"a":{"a":...{"a":1}...}} with `depth` objects.
QByteArray nestedObjects(int depth)
{
    QByteArray json;
    for (int i = 0; i < depth; ++i)
        json += "{\"a\":";
    json += '1';
    json += QByteArray(depth, '}');
    return json;
}

// "name=value" lines in depth-first order, indented by two spaces per level.
void dumpTree(const PayloadTreeNode &node, int level, QStringList &out)
{
    out.append(QString(level * 2, u' ') + node.name + u'=' + node.value + u' ' + QString::number(int(node.kind)));
    for (const PayloadTreeNode &child : node.children)
        dumpTree(child, level + 1, out);
}

} // namespace

class TestJsonDecoder : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void identity();
    void decode_data();
    void decode();
    void prettyText_data();
    void prettyText();
    void tree();
    void treeKeepsDuplicateKeys();
    void treeStrings_data();
    void treeStrings();
    void nesting_data();
    void nesting();
    void qtParserHasItsOwnLimitAboveOurs();
    void isJsonContainer_data();
    void isJsonContainer();
};

void TestJsonDecoder::identity()
{
    const JsonDecoder decoder;
    QCOMPARE(decoder.id(), QStringLiteral("json"));
    QCOMPARE(decoder.displayName(), QStringLiteral("JSON"));
}

void TestJsonDecoder::decode_data()
{
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<QString>("errorString");   // empty: decodes fine

    const QByteArray unterminated57("{\"timestamp\":\"2024-05-01T12:00:00Z\",\"deviceId\":\"press-123");
    QTest::newRow("object") << QByteArray("{\"a\":1}") << QString();
    QTest::newRow("array with whitespace") << QByteArray(" \r\n[1, 2]\t") << QString();
    QTest::newRow("bare number") << QByteArray("23.5") << QString();
    QTest::newRow("bare string") << QByteArray(" \"on\" ") << QString();
    QTest::newRow("bare null") << QByteArray("null") << QString();

    QTest::newRow("unterminated string at 57") << unterminated57 << QStringLiteral("JSON: unterminated string at byte 57");
    QTest::newRow("truncated object") << QByteArray("{\"a\":[1,2}") << QStringLiteral("JSON: unterminated array at byte 10");
    QTest::newRow("truncated in number") << QByteArray("{\"a\":1") << QStringLiteral("JSON: input ends inside a number at byte 6");
    QTest::newRow("trailing garbage") << QByteArray("{\"a\":1} x")
                                      << QStringLiteral("JSON: unexpected data after the end of the document at byte 8");
    QTest::newRow("missing colon") << QByteArray("{\"a\" 1}") << QStringLiteral("JSON: missing ':' after an object key at byte 6");
    QTest::newRow("missing comma") << QByteArray("[1 2]") << QStringLiteral("JSON: missing ',' between values at byte 4");
    QTest::newRow("trailing comma") << QByteArray("[1,]") << QStringLiteral("JSON: a value is missing after ',' at byte 4");
    QTest::newRow("bad literal") << QByteArray("[tru]") << QStringLiteral("JSON: illegal value at byte 2");
    QTest::newRow("bad number") << QByteArray("[-]") << QStringLiteral("JSON: invalid number at byte 2");
    QTest::newRow("invalid utf-8 in string") << QByteArray("[\"\xff\"]") << QStringLiteral("JSON: invalid UTF-8 in a string at byte 2");
    QTest::newRow("empty") << QByteArray() << QStringLiteral("JSON: empty payload at byte 0");
    QTest::newRow("only whitespace") << QByteArray("  \n") << QStringLiteral("JSON: no value, only whitespace at byte 3");
    QTest::newRow("two bare values") << QByteArray("1,2") << QStringLiteral("JSON: unexpected data after the end of the document at byte 1");
    QTest::newRow("closing bracket first") << QByteArray(" ]") << QStringLiteral("JSON: illegal value at byte 1");
    QTest::newRow("bare unterminated string") << QByteArray("\"on") << QStringLiteral("JSON: unterminated string at byte 3");
    QTest::newRow("plain text") << QByteArray("running") << QStringLiteral("JSON: illegal value at byte 0");
}

void TestJsonDecoder::decode()
{
    QFETCH(QByteArray, payload);
    QFETCH(QString, errorString);

    const JsonDecoder decoder;
    const DecodedPayload result = decoder.decode(payload);
    QCOMPARE(result.decoderId, QStringLiteral("json"));
    QCOMPARE(result.raw, payload);
    QVERIFY2(!result.text.isEmpty(), "a decoded payload is never blank");
    if (errorString.isEmpty()) {
        QVERIFY2(result.ok, qPrintable(result.errorString));
        QVERIFY(result.tree);
        QCOMPARE(result.errorPosition, qint64(-1));
        return;
    }
    QVERIFY2(!result.ok, qPrintable(QStringLiteral("expected an error, got: ") + result.text));
    QCOMPARE(result.errorString, errorString);
    QVERIFY(result.errorString.endsWith(QStringLiteral(" at byte %1").arg(result.errorPosition)));
    QVERIFY(result.errorString.contains(result.errorReason));
    QVERIFY2(result.errorPosition >= 0 && result.errorPosition <= payload.size(),
             qPrintable(QStringLiteral("position %1 outside the payload").arg(result.errorPosition)));
    QVERIFY(!result.tree);
    QCOMPARE(result.text, result.errorString);
}

void TestJsonDecoder::prettyText_data()
{
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<QString>("pretty");

    QTest::newRow("nested, keys in written order, two-space indent")
        << QByteArray("{\"b\":[1,2],\"a\":{\"x\":null}}")
        << QStringLiteral("{\n  \"b\": [\n    1,\n    2\n  ],\n  \"a\": {\n    \"x\": null\n  }\n}");
    QTest::newRow("whitespace of the payload replaced")
        << QByteArray(" {\r\n\t\"k\" :\t[ true , false ] ,\"n\" : null } ")
        << QStringLiteral("{\n  \"k\": [\n    true,\n    false\n  ],\n  \"n\": null\n}");
    QTest::newRow("numbers as written") << QByteArray("[1.50,-0,1e3,2E-2]")
                                        << QStringLiteral("[\n  1.50,\n  -0,\n  1e3,\n  2E-2\n]");
    QTest::newRow("empty containers inline") << QByteArray("{\"a\":{},\"b\":[ ]}")
                                             << QStringLiteral("{\n  \"a\": {},\n  \"b\": []\n}");
    QTest::newRow("seed telemetry")
        << QByteArray(R"({"deviceId":"press-1","measurements":[{"name":"temperature","value":71.5,"unit":"degC","quality":"good"}]})")
        << QStringLiteral("{\n"
                          "  \"deviceId\": \"press-1\",\n"
                          "  \"measurements\": [\n"
                          "    {\n"
                          "      \"name\": \"temperature\",\n"
                          "      \"value\": 71.5,\n"
                          "      \"unit\": \"degC\",\n"
                          "      \"quality\": \"good\"\n"
                          "    }\n"
                          "  ]\n"
                          "}");
    QTest::newRow("string with spaces and escaped newline keeps them")
        << QByteArray("[\"    four\\nspaces\"]") << QStringLiteral("[\n  \"    four\\nspaces\"\n]");
    QTest::newRow("empty object") << QByteArray("{}") << QStringLiteral("{}");
    QTest::newRow("big integer exact") << QByteArray("[9007199254740993]") << QStringLiteral("[\n  9007199254740993\n]");
    QTest::newRow("bare number") << QByteArray(" 23.5 ") << QStringLiteral("23.5");
    QTest::newRow("bare string with escape") << QByteArray("\"a\\\"b\"") << QStringLiteral("\"a\\\"b\"");
    QTest::newRow("bare false") << QByteArray("false") << QStringLiteral("false");
}

void TestJsonDecoder::prettyText()
{
    QFETCH(QByteArray, payload);
    QFETCH(QString, pretty);

    const DecodedPayload result = JsonDecoder().decode(payload);
    QVERIFY2(result.ok, qPrintable(result.errorString));
    QCOMPARE(result.text, pretty);
    // The pretty text is the same document.
    const JsonDecoder::ParseResult reparsed = JsonDecoder::parse(result.text.toUtf8());
    QVERIFY2(reparsed.ok, qPrintable(reparsed.errorReason));
    QCOMPARE(reparsed.value, JsonDecoder::parse(payload).value);
}

void TestJsonDecoder::tree()
{
    const DecodedPayload result = JsonDecoder().decode(R"({"b":[1,2.5,"x"],"a":{"ok":true,"n":null}})");
    QVERIFY2(result.ok, qPrintable(result.errorString));
    QVERIFY(result.tree);

    QStringList dump;
    dumpTree(*result.tree, 0, dump);
    using Kind = PayloadTreeNode::Kind;
    const auto row = [](int level, const QString &name, const QString &value, Kind kind) -> QString {
        return QString(level * 2, u' ') + name + u'=' + value + u' ' + QString::number(int(kind));
    };
    // Members in the order the device wrote them, not sorted.
    const QStringList expected = {
        row(0, QString(), QString(), Kind::Object),
        row(1, QStringLiteral("b"), QString(), Kind::Array),
        row(2, QStringLiteral("0"), QStringLiteral("1"), Kind::Number),
        row(2, QStringLiteral("1"), QStringLiteral("2.5"), Kind::Number),
        row(2, QStringLiteral("2"), QStringLiteral("x"), Kind::String),
        row(1, QStringLiteral("a"), QString(), Kind::Object),
        row(2, QStringLiteral("ok"), QStringLiteral("true"), Kind::Boolean),
        row(2, QStringLiteral("n"), QStringLiteral("null"), Kind::Null),
    };
    QCOMPARE(dump, expected);
}

void TestJsonDecoder::treeKeepsDuplicateKeys()
{
    // QJsonObject would keep only one "v"; a device that repeats a key is
    // exactly what an engineer needs to see.
    const DecodedPayload result = JsonDecoder().decode(R"({"v":1,"v":2})");
    QVERIFY2(result.ok, qPrintable(result.errorString));
    QCOMPARE(result.tree->children.size(), size_t(2));
    QCOMPARE(result.tree->children[0].value, QStringLiteral("1"));
    QCOMPARE(result.tree->children[1].value, QStringLiteral("2"));
    QCOMPARE(result.text, QStringLiteral("{\n  \"v\": 1,\n  \"v\": 2\n}"));
}

void TestJsonDecoder::treeStrings_data()
{
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("value");

    QTest::newRow("plain UTF-8") << QStringLiteral("{\"Temperatur \u00b0C\":\"gr\u00fcn\"}").toUtf8()
                                 << QStringLiteral("Temperatur \u00b0C") << QStringLiteral("gr\u00fcn");
    QTest::newRow("simple escapes") << QByteArray(R"({"a\"b":"\\ \/ \b\f\n\r\t"})") << QStringLiteral("a\"b")
                                    << QStringLiteral("\\ / \b\f\n\r\t");
    QTest::newRow("unicode escape") << QByteArray(R"({"k":"\u00e9t\u00E9"})") << QStringLiteral("k")
                                    << QStringLiteral("\u00e9t\u00e9");
    QTest::newRow("surrogate pair") << QByteArray(R"({"k":"\ud83d\ude00!"})") << QStringLiteral("k")
                                    << (QString::fromUcs4(U"\U0001F600") + u'!');
    QTest::newRow("escape at both ends") << QByteArray(R"({"k":"\tx\t"})") << QStringLiteral("k")
                                         << QStringLiteral("\tx\t");
}

void TestJsonDecoder::treeStrings()
{
    QFETCH(QByteArray, payload);
    QFETCH(QString, key);
    QFETCH(QString, value);

    const DecodedPayload result = JsonDecoder().decode(payload);
    QVERIFY2(result.ok, qPrintable(result.errorString));
    QCOMPARE(result.tree->children.size(), size_t(1));
    QCOMPARE(result.tree->children[0].name, key);
    QCOMPARE(result.tree->children[0].value, value);
    // Same strings as Qt's own parser reads.
    const QJsonObject qt = QJsonDocument::fromJson(payload).object();
    QCOMPARE(qt.value(key).toString(), value);
}

void TestJsonDecoder::nesting_data()
{
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<qint64>("errorPosition");   // -1: decodes fine

    const int limit = PayloadDecoder::MaximumNestingDepth;
    QTest::newRow("arrays at the limit") << nestedArrays(limit) << qint64(-1);
    QTest::newRow("arrays one past the limit") << nestedArrays(limit + 1) << qint64(limit);
    QTest::newRow("objects at the limit") << nestedObjects(limit) << qint64(-1);
    QTest::newRow("objects one past the limit") << nestedObjects(limit + 1) << qint64(limit * 5);
    QTest::newRow("100k arrays") << nestedArrays(100'000) << qint64(limit);
    QTest::newRow("100k unclosed arrays") << QByteArray(100'000, '[') << qint64(limit);
    QTest::newRow("1M unclosed objects") << QByteArray(1'000'000, '{') << qint64(limit);
    QTest::newRow("brackets inside strings do not count")
        << (QByteArray("[\"") + QByteArray(2000, '[') + QByteArray("\\\"{{{\"]")) << qint64(-1);
    QTest::newRow("sibling containers do not add up")
        << (QByteArray("[") + QByteArray(400, '[') + QByteArray(400, ']') + ',' + QByteArray(400, '[') + QByteArray(400, ']') + ']')
        << qint64(-1);
}

void TestJsonDecoder::nesting()
{
    QFETCH(QByteArray, payload);
    QFETCH(qint64, errorPosition);

    const DecodedPayload result = JsonDecoder().decode(payload);
    if (errorPosition < 0) {
        QVERIFY2(result.ok, qPrintable(result.errorString));
        return;
    }
    QVERIFY(!result.ok);
    QCOMPARE(result.errorString, QStringLiteral("JSON: nesting deeper than 512 levels at byte %1").arg(errorPosition));
}

void TestJsonDecoder::qtParserHasItsOwnLimitAboveOurs()
{
    // QJsonDocument refuses deep documents itself (1024 levels in Qt 6), which
    // is why our scan must trigger first to give the clearer message.
    QJsonParseError error;
    QJsonDocument::fromJson(nestedArrays(5000), &error);
    QCOMPARE(error.error, QJsonParseError::DeepNesting);
    QVERIFY2(error.offset > PayloadDecoder::MaximumNestingDepth,
             qPrintable(QStringLiteral("Qt's limit hit at offset %1, below ours").arg(error.offset)));

    const DecodedPayload result = JsonDecoder().decode(nestedArrays(5000));
    QVERIFY(!result.ok);
    QVERIFY2(result.errorString.contains(QStringLiteral("nesting deeper than 512 levels")), qPrintable(result.errorString));
}

void TestJsonDecoder::isJsonContainer_data()
{
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<bool>("container");

    QTest::newRow("object") << QByteArray("{\"a\":1}") << true;
    QTest::newRow("array after whitespace") << QByteArray("\n [ ]") << true;
    QTest::newRow("number") << QByteArray("42") << false;
    QTest::newRow("string") << QByteArray("\"on\"") << false;
    QTest::newRow("true") << QByteArray("true") << false;
    QTest::newRow("broken object") << QByteArray("{\"a\":") << false;
    QTest::newRow("too deep") << nestedArrays(600) << false;
    QTest::newRow("empty") << QByteArray() << false;
}

void TestJsonDecoder::isJsonContainer()
{
    QFETCH(QByteArray, payload);
    QFETCH(bool, container);
    QCOMPARE(JsonDecoder::isJsonContainer(payload), container);
}

QTEST_GUILESS_MAIN(TestJsonDecoder)
#include "tst_json_decoder.moc"
