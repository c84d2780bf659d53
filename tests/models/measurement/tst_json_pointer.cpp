#include "measurement/json_pointer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

// RFC 6901 JSON pointers, with the examples of RFC 6901 section 5.
class TestJsonPointer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void resolve_data();
    void resolve();
    void validate_data();
    void validate();
};

namespace {

const QByteArray kRfcDocument = R"({
  "foo": ["bar", "baz"],
  "": 0,
  "a/b": 1,
  "c%d": 2,
  "e^f": 3,
  "g|h": 4,
  "i\\j": 5,
  "k\"l": 6,
  " ": 7,
  "m~n": 8,
  "nested": {"list": [{"v": 1.5}], "nothing": null}
})";

// The expected value as compact JSON text inside an array, "" for undefined.
QByteArray asText(const QJsonValue &value)
{
    if (value.isUndefined())
        return QByteArray();
    return QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
}

} // namespace

void TestJsonPointer::resolve_data()
{
    QTest::addColumn<QString>("pointer");
    QTest::addColumn<QByteArray>("expected");   // [value] as compact JSON, empty = undefined

    QTest::newRow("whole document is an object") << QString() << QByteArray("object");
    QTest::newRow("member") << QStringLiteral("/foo") << QByteArray(R"([["bar","baz"]])");
    QTest::newRow("array index") << QStringLiteral("/foo/0") << QByteArray(R"(["bar"])");
    QTest::newRow("empty key") << QStringLiteral("/") << QByteArray("[0]");
    QTest::newRow("escaped slash") << QStringLiteral("/a~1b") << QByteArray("[1]");
    QTest::newRow("percent is literal") << QStringLiteral("/c%d") << QByteArray("[2]");
    QTest::newRow("caret") << QStringLiteral("/e^f") << QByteArray("[3]");
    QTest::newRow("pipe") << QStringLiteral("/g|h") << QByteArray("[4]");
    QTest::newRow("backslash") << QStringLiteral("/i\\j") << QByteArray("[5]");
    QTest::newRow("quote") << QStringLiteral("/k\"l") << QByteArray("[6]");
    QTest::newRow("space") << QStringLiteral("/ ") << QByteArray("[7]");
    QTest::newRow("escaped tilde") << QStringLiteral("/m~0n") << QByteArray("[8]");
    QTest::newRow("deep") << QStringLiteral("/nested/list/0/v") << QByteArray("[1.5]");
    QTest::newRow("null member is null, not missing") << QStringLiteral("/nested/nothing") << QByteArray("[null]");
    QTest::newRow("missing member") << QStringLiteral("/bar") << QByteArray();
    QTest::newRow("index out of range") << QStringLiteral("/foo/2") << QByteArray();
    QTest::newRow("leading zero index") << QStringLiteral("/foo/01") << QByteArray();
    QTest::newRow("minus index") << QStringLiteral("/foo/-") << QByteArray();
    QTest::newRow("into a scalar") << QStringLiteral("/foo/0/x") << QByteArray();
    QTest::newRow("no leading slash") << QStringLiteral("foo") << QByteArray();
    QTest::newRow("bad escape") << QStringLiteral("/m~2n") << QByteArray();
}

void TestJsonPointer::resolve()
{
    QFETCH(QString, pointer);
    QFETCH(QByteArray, expected);
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(kRfcDocument, &error);
    QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));

    const QJsonValue value = JsonPointer::resolve(document.object(), pointer);
    if (expected == "object") {
        QVERIFY2(value.isObject() && value.toObject() == document.object(), "the empty pointer must give the root");
        return;
    }
    QCOMPARE(asText(value), expected);
}

void TestJsonPointer::validate_data()
{
    QTest::addColumn<QString>("pointer");
    QTest::addColumn<bool>("valid");

    QTest::newRow("empty") << QString() << true;
    QTest::newRow("root member") << QStringLiteral("/value") << true;
    QTest::newRow("escapes") << QStringLiteral("/a~0~1b") << true;
    QTest::newRow("no slash") << QStringLiteral("value") << false;
    QTest::newRow("tilde at end") << QStringLiteral("/value~") << false;
    QTest::newRow("tilde two") << QStringLiteral("/a~2") << false;
}

void TestJsonPointer::validate()
{
    QFETCH(QString, pointer);
    QFETCH(bool, valid);
    const QString error = JsonPointer::validate(pointer);
    QVERIFY2(error.isEmpty() == valid, qPrintable(QStringLiteral("validate(\"%1\") said \"%2\"").arg(pointer, error)));
    if (!valid)
        QVERIFY2(error.contains(pointer), qPrintable(QStringLiteral("the error should name the pointer: ") + error));
}

QTEST_GUILESS_MAIN(TestJsonPointer)
#include "tst_json_pointer.moc"
