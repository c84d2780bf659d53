#include "measurement/measurement_rule.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

// MeasurementRule: the command-line form (parse/toText), validation and the
// workspace JSON form.
class TestMeasurementRule : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesValidRules_data();
    void parsesValidRules();
    void rejectsBadRules_data();
    void rejectsBadRules();
    void roundTripsJson();
    void skipsInvalidJsonEntries();
};

namespace {

MeasurementRule rule(const QString &filter, const QString &value)
{
    MeasurementRule r;
    r.topicFilter = filter;
    r.valuePointer = value;
    return r;
}

} // namespace

void TestMeasurementRule::parsesValidRules_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<MeasurementRule>("expected");

    MeasurementRule full = rule(QStringLiteral("factory/+/+/+/+/temp"), QStringLiteral("/value"));
    full.qualityPointer = QStringLiteral("/q");
    full.timestampPointer = QStringLiteral("/ts");
    full.unitPointer = QStringLiteral("/unit");
    QTest::newRow("example from the help") << QStringLiteral("factory/+/+/+/+/temp=/value,quality=/q,time=/ts,unit=/unit")
                                           << full;
    QTest::newRow("value only") << QStringLiteral("plant/#=/v") << rule(QStringLiteral("plant/#"), QStringLiteral("/v"));
    QTest::newRow("whole payload is the value") << QStringLiteral("plant/#=")
                                                << rule(QStringLiteral("plant/#"), QString());
    MeasurementRule texts = rule(QStringLiteral("a/b"), QStringLiteral("/data/0/v"));
    texts.unit = QStringLiteral("bar");
    texts.measurementName = QStringLiteral("pressure");
    texts.sourcePointer = QStringLiteral("/dev");
    QTest::newRow("fixed unit, name, source, spaces")
        << QStringLiteral(" a/b = /data/0/v , fixed-unit=bar, name=pressure ,source=/dev") << texts;
    MeasurementRule escaped = rule(QStringLiteral("x/+"), QStringLiteral("/a~1b"));
    QTest::newRow("escaped slash in pointer") << QStringLiteral("x/+=/a~1b") << escaped;
}

void TestMeasurementRule::parsesValidRules()
{
    QFETCH(QString, text);
    QFETCH(MeasurementRule, expected);
    QString error = QStringLiteral("not cleared");
    const std::optional<MeasurementRule> parsed = MeasurementRule::parse(text, &error);
    QVERIFY2(parsed.has_value(), qPrintable(error));
    QVERIFY(error.isEmpty());
    QCOMPARE(parsed->topicFilter, expected.topicFilter);
    QCOMPARE(parsed->valuePointer, expected.valuePointer);
    QCOMPARE(parsed->qualityPointer, expected.qualityPointer);
    QCOMPARE(parsed->timestampPointer, expected.timestampPointer);
    QCOMPARE(parsed->unitPointer, expected.unitPointer);
    QCOMPARE(parsed->unit, expected.unit);
    QCOMPARE(parsed->measurementName, expected.measurementName);
    QCOMPARE(parsed->sourcePointer, expected.sourcePointer);
    QVERIFY2(parsed->validate().isEmpty(), qPrintable(parsed->validate()));
    // toText() gives a text that parses to the same rule.
    const std::optional<MeasurementRule> again = MeasurementRule::parse(parsed->toText(), &error);
    QVERIFY2(again.has_value(), qPrintable(parsed->toText() + QStringLiteral(": ") + error));
    QCOMPARE(*again, *parsed);
}

void TestMeasurementRule::rejectsBadRules_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("mentions");   // each must occur in the error

    QTest::newRow("no equals") << QStringLiteral("factory/#")
                               << QStringList{QStringLiteral("no '='"), QStringLiteral("FILTER=VALUE_POINTER")};
    QTest::newRow("empty filter") << QStringLiteral("=/value") << QStringList{QStringLiteral("topic filter"), QStringLiteral("empty")};
    QTest::newRow("invalid filter") << QStringLiteral("factory/#/x=/value")
                                    << QStringList{QStringLiteral("factory/#/x"), QStringLiteral("invalid")};
    QTest::newRow("value pointer without slash") << QStringLiteral("a/b=value")
                                                 << QStringList{QStringLiteral("value pointer"), QStringLiteral("\"value\"")};
    QTest::newRow("bad escape in pointer") << QStringLiteral("a/b=/v,quality=/q~2")
                                           << QStringList{QStringLiteral("quality pointer"), QStringLiteral("/q~2")};
    QTest::newRow("part without key") << QStringLiteral("a/b=/v,/q")
                                      << QStringList{QStringLiteral("part 2"), QStringLiteral("\"/q\""), QStringLiteral("KEY=VALUE")};
    QTest::newRow("unknown key") << QStringLiteral("a/b=/v,qualty=/q")
                                 << QStringList{QStringLiteral("unknown key \"qualty\""), QStringLiteral("part 2"), QStringLiteral("quality, time")};
    QTest::newRow("value as key") << QStringLiteral("a/b=/v,value=/w")
                                  << QStringList{QStringLiteral("unknown key \"value\""), QStringLiteral("right after the filter")};
    QTest::newRow("key twice") << QStringLiteral("a/b=/v,time=/t,time=/u")
                               << QStringList{QStringLiteral("\"time\" is given twice")};
    QTest::newRow("key without value") << QStringLiteral("a/b=/v,unit=")
                                       << QStringList{QStringLiteral("\"unit\" has no value")};
    QTest::newRow("time pointer without slash") << QStringLiteral("a/b=/v,time=ts")
                                                << QStringList{QStringLiteral("time pointer \"ts\"")};
}

void TestMeasurementRule::rejectsBadRules()
{
    QFETCH(QString, text);
    QFETCH(QStringList, mentions);
    QString error;
    const std::optional<MeasurementRule> parsed = MeasurementRule::parse(text, &error);
    QVERIFY2(!parsed.has_value(), qPrintable(QStringLiteral("accepted: ") + text));
    QVERIFY2(error.contains(text), qPrintable(QStringLiteral("the error does not quote the rule: ") + error));
    for (const QString &mention : std::as_const(mentions))
        QVERIFY2(error.contains(mention), qPrintable(QStringLiteral("\"%1\" not in: %2").arg(mention, error)));
}

void TestMeasurementRule::roundTripsJson()
{
    MeasurementRule a = rule(QStringLiteral("plant/+/sensors/#"), QStringLiteral("/value"));
    a.qualityPointer = QStringLiteral("/quality");
    a.timestampPointer = QStringLiteral("/ts");
    a.unit = QStringLiteral("celsius");
    MeasurementRule b = rule(QStringLiteral("raw/#"), QString());
    b.measurementName = QStringLiteral("level");
    const QList<MeasurementRule> rules{a, b};
    QStringList errors;
    QCOMPARE(MeasurementRule::fromJson(MeasurementRule::toJson(rules), &errors), rules);
    QVERIFY2(errors.isEmpty(), qPrintable(errors.join(u'\n')));
}

void TestMeasurementRule::skipsInvalidJsonEntries()
{
    QJsonArray array = MeasurementRule::toJson({rule(QStringLiteral("ok/#"), QStringLiteral("/v"))});
    array.append(QJsonObject{{QStringLiteral("topicFilter"), QStringLiteral("bad/#/x")}, {QStringLiteral("value"), QStringLiteral("/v")}});
    QStringList errors;
    const QList<MeasurementRule> rules = MeasurementRule::fromJson(array, &errors);
    QCOMPARE(rules.size(), 1);
    QCOMPARE(errors.size(), 1);
    QVERIFY2(errors.constFirst().contains(QStringLiteral("rule 2")) && errors.constFirst().contains(QStringLiteral("bad/#/x")),
             qPrintable(errors.constFirst()));
}

QTEST_GUILESS_MAIN(TestMeasurementRule)
#include "tst_measurement_rule.moc"
