#include "shadow/shadow_validation.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

namespace {

using Rule = ShadowValidation::Rule;
using Access = ShadowValidation::Access;

// {"a":{"a":...{"a":1}}} with `levels` objects.
QJsonObject nestedObjects(int levels)
{
    QJsonObject object{{QStringLiteral("a"), 1}};
    for (int i = 1; i < levels; ++i) {
        object = QJsonObject{{QStringLiteral("a"), object}};
    }
    return object;
}

// {"a":[[...[1]...]]}: the section object plus `arrays` nested arrays.
QJsonObject nestedArrays(int arrays)
{
    QJsonValue value = 1;
    for (int i = 0; i < arrays; ++i) {
        value = QJsonArray{value};
    }
    return QJsonObject{{QStringLiteral("a"), value}};
}

// {"k":"xxx..."} whose compact JSON is exactly `bytes` long: 8 bytes of
// punctuation and key ({"k":""}) plus the padding.
QJsonObject objectOfSize(int bytes)
{
    return QJsonObject{{QStringLiteral("k"), QString(bytes - 8, QLatin1Char('x'))}};
}

QByteArray json(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QByteArray request(const QJsonObject &state)
{
    return json(QJsonObject{{QStringLiteral("state"), state}});
}

} // namespace

class TestShadowValidation : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void thingName_data();
    void thingName();
    void shadowName_data();
    void shadowName();
    void classicNameSkipsShadowRules();
    void clientToken_data();
    void clientToken();
    void updateRequest_data();
    void updateRequest();
    void serviceCodesAndMessages_data();
    void serviceCodesAndMessages();
    void depthCountsContainers_data();
    void depthCountsContainers();
    void sizeCountsDesiredPlusReported();
};

void TestShadowValidation::thingName_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<Rule>("rule");

    QTest::newRow("one character") << QStringLiteral("a") << Rule::None;
    QTest::newRow("all allowed characters") << QStringLiteral("Az09:_-") << Rule::None;
    QTest::newRow("128 characters (limit)") << QString(128, QLatin1Char('t')) << Rule::None;
    QTest::newRow("129 characters") << QString(129, QLatin1Char('t')) << Rule::ThingNameTooLong;
    QTest::newRow("empty") << QString() << Rule::ThingNameEmpty;
    QTest::newRow("space") << QStringLiteral("press 1") << Rule::ThingNameCharacters;
    QTest::newRow("slash") << QStringLiteral("press/1") << Rule::ThingNameCharacters;
    QTest::newRow("plus wildcard") << QStringLiteral("press+") << Rule::ThingNameCharacters;
    QTest::newRow("hash wildcard") << QStringLiteral("press#") << Rule::ThingNameCharacters;
    QTest::newRow("dollar") << QStringLiteral("$press") << Rule::ThingNameCharacters;
    QTest::newRow("dot") << QStringLiteral("press.1") << Rule::ThingNameCharacters;
    QTest::newRow("non-ASCII letter") << QStringLiteral("presse-\u00e9") << Rule::ThingNameCharacters;
}

void TestShadowValidation::thingName()
{
    QFETCH(QString, name);
    QFETCH(Rule, rule);
    const ShadowValidation::Problem problem = ShadowValidation::validateThingName(name);
    QVERIFY2(problem.rule == rule, qPrintable(QStringLiteral("rule %1, message: %2")
                                                  .arg(int(problem.rule))
                                                  .arg(problem.message)));
    QCOMPARE(problem.isValid(), rule == Rule::None);
    if (rule != Rule::None) {
        QCOMPARE(problem.field, QStringLiteral("thing name"));
        QVERIFY2(problem.message.startsWith(QLatin1String("Thing name:")), qPrintable(problem.message));
        QCOMPARE(problem.serviceCode(), 400);
    } else {
        QVERIFY(problem.message.isEmpty());
    }
}

void TestShadowValidation::shadowName_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<Access>("access");
    QTest::addColumn<Rule>("rule");

    QTest::newRow("one character") << QStringLiteral("c") << Access::Write << Rule::None;
    QTest::newRow("64 characters (limit)") << QString(64, QLatin1Char('s')) << Access::Write << Rule::None;
    QTest::newRow("65 characters") << QString(65, QLatin1Char('s')) << Access::Write << Rule::ShadowNameTooLong;
    QTest::newRow("65 characters, read") << QString(65, QLatin1Char('s')) << Access::Read << Rule::ShadowNameTooLong;
    QTest::newRow("empty") << QString() << Access::Read << Rule::ShadowNameEmpty;
    QTest::newRow("space") << QStringLiteral("con trol") << Access::Write << Rule::ShadowNameCharacters;
    QTest::newRow("slash") << QStringLiteral("con/trol") << Access::Read << Rule::ShadowNameCharacters;
    QTest::newRow("reserved, read") << QStringLiteral("$package") << Access::Read << Rule::None;
    QTest::newRow("reserved, write") << QStringLiteral("$package") << Access::Write << Rule::ShadowNameReserved;
    QTest::newRow("dollar inside") << QStringLiteral("pack$age") << Access::Read << Rule::ShadowNameCharacters;
    QTest::newRow("dollar alone") << QStringLiteral("$") << Access::Read << Rule::ShadowNameCharacters;
    QTest::newRow("reserved, 64 characters") << (QLatin1Char('$') + QString(63, QLatin1Char('p'))) << Access::Read
                                             << Rule::None;
    QTest::newRow("reserved, 65 characters") << (QLatin1Char('$') + QString(64, QLatin1Char('p'))) << Access::Read
                                             << Rule::ShadowNameTooLong;
}

void TestShadowValidation::shadowName()
{
    QFETCH(QString, name);
    QFETCH(Access, access);
    QFETCH(Rule, rule);
    const ShadowValidation::Problem problem = ShadowValidation::validateShadowName(name, access);
    QVERIFY2(problem.rule == rule, qPrintable(QStringLiteral("rule %1, message: %2")
                                                  .arg(int(problem.rule))
                                                  .arg(problem.message)));
    if (rule != Rule::None) {
        QCOMPARE(problem.field, QStringLiteral("shadow name"));
        QVERIFY2(problem.message.startsWith(QLatin1String("Shadow name:")), qPrintable(problem.message));
    }
    // Through the combined check the same rule applies to a named shadow.
    const ShadowValidation::Problem combined =
        ShadowValidation::validateName(ShadowName::named(QStringLiteral("press-1"), name), access);
    if (name.isEmpty()) {
        QVERIFY2(combined.isValid(), "an empty shadow name is the classic shadow");
    } else {
        QCOMPARE(combined.rule, rule);
    }
}

void TestShadowValidation::classicNameSkipsShadowRules()
{
    QVERIFY(ShadowValidation::validateName(ShadowName::classic(QStringLiteral("press-1")), Access::Write).isValid());
    const ShadowValidation::Problem badThing =
        ShadowValidation::validateName(ShadowName::named(QStringLiteral("press 1"), QStringLiteral("$x")), Access::Write);
    QCOMPARE(badThing.rule, Rule::ThingNameCharacters);  // the thing is checked first
}

void TestShadowValidation::clientToken_data()
{
    QTest::addColumn<QString>("token");
    QTest::addColumn<Rule>("rule");

    QTest::newRow("empty") << QString() << Rule::None;
    QTest::newRow("64 bytes (limit)") << QString(64, QLatin1Char('k')) << Rule::None;
    QTest::newRow("65 bytes") << QString(65, QLatin1Char('k')) << Rule::ClientTokenTooLong;
    // Bytes, not characters: 32 two-byte characters are 64 bytes, 33 are 66.
    QTest::newRow("32 two-byte characters") << QString(32, QChar(0x00e9)) << Rule::None;
    QTest::newRow("33 two-byte characters") << QString(33, QChar(0x00e9)) << Rule::ClientTokenTooLong;
}

void TestShadowValidation::clientToken()
{
    QFETCH(QString, token);
    QFETCH(Rule, rule);
    const ShadowValidation::Problem problem = ShadowValidation::validateClientToken(token);
    QCOMPARE(problem.rule, rule);
    if (rule != Rule::None) {
        QVERIFY2(problem.message.contains(QString::number(token.toUtf8().size())), qPrintable(problem.message));
        QCOMPARE(problem.serviceMessage(), QStringLiteral("Invalid clientToken"));
    }
}

void TestShadowValidation::updateRequest_data()
{
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<Rule>("rule");
    QTest::addColumn<QString>("field");

    const QString state = QStringLiteral("state");
    QTest::newRow("desired") << request({{QStringLiteral("desired"), QJsonObject{{QStringLiteral("mode"), 1}}}})
                             << Rule::None << QString();
    QTest::newRow("reported and version 0")
        << json({{state, QJsonObject{{QStringLiteral("reported"), QJsonObject{{QStringLiteral("t"), 72.4}}}}},
                 {QStringLiteral("version"), 0}})
        << Rule::None << QString();
    QTest::newRow("desired null") << request({{QStringLiteral("desired"), QJsonValue::Null}}) << Rule::None
                                  << QString();
    QTest::newRow("empty state") << request({}) << Rule::None << QString();
    QTest::newRow("not UTF-8") << QByteArray("{\"state\":{\"desired\":{\"a\":\"\xff\"}}}") << Rule::NotUtf8
                               << QStringLiteral("payload");
    QTest::newRow("broken JSON") << QByteArray("{\"state\":") << Rule::InvalidJson << QStringLiteral("payload");
    QTest::newRow("JSON array") << QByteArray("[]") << Rule::InvalidJson << QStringLiteral("payload");
    QTest::newRow("empty payload") << QByteArray() << Rule::InvalidJson << QStringLiteral("payload");
    QTest::newRow("no state") << json({{QStringLiteral("desired"), QJsonObject()}}) << Rule::MissingState << state;
    QTest::newRow("state is a number") << json({{state, 1}}) << Rule::StateNotObject << state;
    QTest::newRow("state is null") << json({{state, QJsonValue::Null}}) << Rule::StateNotObject << state;
    QTest::newRow("desired is a string") << request({{QStringLiteral("desired"), QStringLiteral("on")}})
                                         << Rule::DesiredNotObject << QStringLiteral("state.desired");
    QTest::newRow("reported is an array") << request({{QStringLiteral("reported"), QJsonArray{1}}})
                                          << Rule::ReportedNotObject << QStringLiteral("state.reported");
    QTest::newRow("delta in state") << request({{QStringLiteral("delta"), QJsonObject()}}) << Rule::InvalidStateNode
                                    << QStringLiteral("state.delta");
    QTest::newRow("null in array")
        << request({{QStringLiteral("desired"),
                     QJsonObject{{QStringLiteral("colors"), QJsonArray{QJsonValue::Null, QStringLiteral("RED")}}}}})
        << Rule::NullInArray << QStringLiteral("state.desired.colors[0]");
    QTest::newRow("version negative") << json({{state, QJsonObject()}, {QStringLiteral("version"), -1}})
                                      << Rule::InvalidVersion << QStringLiteral("version");
    QTest::newRow("version fraction") << json({{state, QJsonObject()}, {QStringLiteral("version"), 1.5}})
                                      << Rule::InvalidVersion << QStringLiteral("version");
    QTest::newRow("version string") << json({{state, QJsonObject()}, {QStringLiteral("version"), QStringLiteral("3")}})
                                    << Rule::InvalidVersion << QStringLiteral("version");
    QTest::newRow("clientToken number") << json({{state, QJsonObject()}, {QStringLiteral("clientToken"), 5}})
                                        << Rule::ClientTokenNotString << QStringLiteral("clientToken");
    QTest::newRow("clientToken 64 bytes")
        << json({{state, QJsonObject()}, {QStringLiteral("clientToken"), QString(64, QLatin1Char('k'))}}) << Rule::None
        << QString();
    QTest::newRow("clientToken 65 bytes")
        << json({{state, QJsonObject()}, {QStringLiteral("clientToken"), QString(65, QLatin1Char('k'))}})
        << Rule::ClientTokenTooLong << QStringLiteral("clientToken");
    QTest::newRow("depth 6 (limit)") << request({{QStringLiteral("desired"), nestedObjects(6)}}) << Rule::None
                                     << QString();
    QTest::newRow("depth 7") << request({{QStringLiteral("desired"), nestedObjects(7)}}) << Rule::TooDeep
                             << QStringLiteral("state.desired.a.a.a.a.a.a");
    QTest::newRow("depth 7 in reported") << request({{QStringLiteral("reported"), nestedObjects(7)}}) << Rule::TooDeep
                                         << QStringLiteral("state.reported.a.a.a.a.a.a");
    QTest::newRow("depth 6 with arrays (limit)") << request({{QStringLiteral("desired"), nestedArrays(5)}})
                                                 << Rule::None << QString();
    QTest::newRow("depth 7 with arrays") << request({{QStringLiteral("desired"), nestedArrays(6)}}) << Rule::TooDeep
                                         << QStringLiteral("state.desired.a[0][0][0][0][0]");
    QTest::newRow("8192 bytes desired (limit)") << request({{QStringLiteral("desired"), objectOfSize(8192)}})
                                                << Rule::None << QString();
    QTest::newRow("8193 bytes desired") << request({{QStringLiteral("desired"), objectOfSize(8193)}}) << Rule::TooLarge
                                        << state;
    QTest::newRow("4096 + 4096 bytes (limit)")
        << request({{QStringLiteral("desired"), objectOfSize(4096)}, {QStringLiteral("reported"), objectOfSize(4096)}})
        << Rule::None << QString();
    QTest::newRow("4096 + 4097 bytes")
        << request({{QStringLiteral("desired"), objectOfSize(4096)}, {QStringLiteral("reported"), objectOfSize(4097)}})
        << Rule::TooLarge << state;
}

void TestShadowValidation::updateRequest()
{
    QFETCH(QByteArray, payload);
    QFETCH(Rule, rule);
    QFETCH(QString, field);
    const ShadowValidation::Problem problem = ShadowValidation::validateUpdateRequest(payload);
    QVERIFY2(problem.rule == rule, qPrintable(QStringLiteral("rule %1, field %2, message: %3")
                                                  .arg(int(problem.rule))
                                                  .arg(problem.field, problem.message)));
    QCOMPARE(problem.field, field);
    QCOMPARE(problem.message.isEmpty(), rule == Rule::None);
    if (rule != Rule::None && field != QLatin1String("payload")) {
        QVERIFY2(problem.message.contains(field, Qt::CaseInsensitive), qPrintable(problem.message));
    }
}

void TestShadowValidation::serviceCodesAndMessages_data()
{
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("message");

    // Codes and texts from the AWS IoT "Device Shadow error messages" table.
    QTest::newRow("invalid JSON") << QByteArray("{") << 400 << QStringLiteral("Invalid JSON");
    QTest::newRow("missing state") << QByteArray("{}") << 400 << QStringLiteral("Missing required node: state");
    QTest::newRow("state not object") << QByteArray("{\"state\":[]}") << 400
                                      << QStringLiteral("State node must be an object");
    QTest::newRow("desired not object") << QByteArray("{\"state\":{\"desired\":3}}") << 400
                                        << QStringLiteral("Desired node must be an object");
    QTest::newRow("reported not object") << QByteArray("{\"state\":{\"reported\":true}}") << 400
                                         << QStringLiteral("Reported node must be an object");
    QTest::newRow("invalid node") << QByteArray("{\"state\":{\"x\":{}}}") << 400
                                  << QStringLiteral("State contains an invalid node");
    QTest::newRow("invalid version") << QByteArray("{\"state\":{},\"version\":\"a\"}") << 400
                                     << QStringLiteral("Invalid version");
    QTest::newRow("invalid clientToken") << QByteArray("{\"state\":{},\"clientToken\":[]}") << 400
                                         << QStringLiteral("Invalid clientToken");
    QTest::newRow("too deep") << request({{QStringLiteral("desired"), nestedObjects(7)}}) << 400
                              << QStringLiteral("JSON contains too many levels of nesting; maximum is 6");
    QTest::newRow("too large") << request({{QStringLiteral("desired"), objectOfSize(9000)}}) << 413
                               << QStringLiteral("The payload exceeds the maximum size allowed");
    QTest::newRow("not UTF-8") << QByteArray("{\"state\":{\"desired\":{\"a\":\"\xc3\x28\"}}}") << 415
                               << QStringLiteral("Unsupported documented encoding; supported encoding is UTF-8");
}

void TestShadowValidation::serviceCodesAndMessages()
{
    QFETCH(QByteArray, payload);
    QFETCH(int, code);
    QFETCH(QString, message);
    const ShadowValidation::Problem problem = ShadowValidation::validateUpdateRequest(payload);
    QVERIFY2(!problem.isValid(), payload.constData());
    QCOMPARE(problem.serviceCode(), code);
    QCOMPARE(problem.serviceMessage(), message);
}

void TestShadowValidation::depthCountsContainers_data()
{
    QTest::addColumn<QJsonValue>("section");
    QTest::addColumn<int>("depth");

    QTest::newRow("scalar") << QJsonValue(5) << 0;
    QTest::newRow("empty object") << QJsonValue(QJsonObject()) << 1;
    QTest::newRow("flat object") << QJsonValue(QJsonObject{{QStringLiteral("a"), 1}, {QStringLiteral("b"), 2}}) << 1;
    QTest::newRow("array of scalars") << QJsonValue(QJsonObject{{QStringLiteral("a"), QJsonArray{1, 2}}}) << 2;
    QTest::newRow("deepest branch counts")
        << QJsonValue(QJsonObject{{QStringLiteral("flat"), 1}, {QStringLiteral("deep"), nestedObjects(3)}}) << 4;
}

void TestShadowValidation::depthCountsContainers()
{
    QFETCH(QJsonValue, section);
    QFETCH(int, depth);
    QCOMPARE(ShadowValidation::depth(section), depth);
}

void TestShadowValidation::sizeCountsDesiredPlusReported()
{
    const QJsonObject desired = objectOfSize(100);
    const QJsonObject reported = objectOfSize(250);
    QCOMPARE(json(desired).size(), 100);
    QCOMPARE(ShadowValidation::stateSize(desired, reported), 350);
    QCOMPARE(ShadowValidation::stateSize(desired, QJsonObject()), 100);
    QCOMPARE(ShadowValidation::stateSize(QJsonObject(), QJsonObject()), 0);
}

QTEST_GUILESS_MAIN(TestShadowValidation)
#include "tst_shadow_validation.moc"
