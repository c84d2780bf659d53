#include "payload/payload_diff.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>

namespace {

// A payload in the seed scheme (see LineSimulator), with two measurements.
QByteArray seedPayload(const QString &timestamp, double temperature, double pressure,
                       const QString &pressureQuality = QStringLiteral("good"))
{
    const auto measurement = [](const QString &name, double value, const QString &unit, const QString &quality) {
        return QJsonObject{{QStringLiteral("name"), name}, {QStringLiteral("value"), value},
                           {QStringLiteral("unit"), unit}, {QStringLiteral("quality"), quality}};
    };
    const QJsonObject message{
        {QStringLiteral("timestamp"), timestamp},
        {QStringLiteral("deviceId"), QStringLiteral("press-1")},
        {QStringLiteral("measurements"),
         QJsonArray{measurement(QStringLiteral("temperature"), temperature, QStringLiteral("degC"), QStringLiteral("good")),
                    measurement(QStringLiteral("pressure"), pressure, QStringLiteral("bar"), pressureQuality)}},
    };
    return QJsonDocument(message).toJson(QJsonDocument::Compact);
}

QString compactJson(const QJsonValue &value)
{
    if (value.isUndefined())
        return QStringLiteral("-");
    const QByteArray wrapped = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(wrapped.mid(1, wrapped.size() - 2));
}

QStringList describe(const QList<PayloadDiff::Change> &changes)
{
    QStringList out;
    for (const PayloadDiff::Change &change : changes) {
        QString kind;
        switch (change.kind) {
        case PayloadDiff::Change::Kind::Added:
            kind = QStringLiteral("added");
            break;
        case PayloadDiff::Change::Kind::Removed:
            kind = QStringLiteral("removed");
            break;
        case PayloadDiff::Change::Kind::Changed:
            kind = QStringLiteral("changed");
            break;
        }
        out.append(QStringLiteral("%1 %2 %3 -> %4").arg(kind, change.path, compactJson(change.oldValue), compactJson(change.newValue)));
    }
    return out;
}

// " text", "-text", "+text" plus the line numbers, like a unified diff body.
QStringList describe(const QList<PayloadDiff::Line> &lines)
{
    QStringList out;
    for (const PayloadDiff::Line &line : lines) {
        const QChar marker = line.kind == PayloadDiff::Line::Kind::Added ? u'+'
            : line.kind == PayloadDiff::Line::Kind::Removed              ? u'-'
                                                                          : u' ';
        out.append(QStringLiteral("%1%2 %3:%4").arg(marker).arg(line.text).arg(line.oldLineNumber).arg(line.newLineNumber));
    }
    return out;
}

} // namespace

class TestPayloadDiff : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void json_data();
    void json();
    void text_data();
    void text();
    void largeButLocalChange();
    void tooLarge_data();
    void tooLarge();
};

void TestPayloadDiff::json_data()
{
    QTest::addColumn<QByteArray>("older");
    QTest::addColumn<QByteArray>("newer");
    QTest::addColumn<QStringList>("changes");

    const QString t0 = QStringLiteral("2024-05-01T12:00:00.000Z");
    const QString t1 = QStringLiteral("2024-05-01T12:00:01.000Z");

    QTest::newRow("seed: one value changed")
        << seedPayload(t0, 71.5, 2.1) << seedPayload(t0, 72.25, 2.1)
        << QStringList{QStringLiteral("changed /measurements/0/value 71.5 -> 72.25")};
    QTest::newRow("seed: next sample")
        << seedPayload(t0, 71.5, 2.1) << seedPayload(t1, 71.5, 2.3, QStringLiteral("uncertain"))
        << QStringList{QStringLiteral("changed /measurements/1/quality \"good\" -> \"uncertain\""),
                       QStringLiteral("changed /measurements/1/value 2.1 -> 2.3"),
                       QStringLiteral("changed /timestamp \"%1\" -> \"%2\"").arg(t0, t1)};
    QTest::newRow("seed: identical") << seedPayload(t0, 71.5, 2.1) << seedPayload(t0, 71.5, 2.1) << QStringList();
    QTest::newRow("formatting only") << QByteArray("{\"a\":[1,2]}") << QByteArray("{\n  \"a\": [ 1, 2 ]\n}\n") << QStringList();
    QTest::newRow("integer equals double") << QByteArray("{\"v\":1}") << QByteArray("{\"v\":1.0}") << QStringList();
    QTest::newRow("key added") << QByteArray("{\"a\":1}") << QByteArray("{\"a\":1,\"b\":{\"c\":true}}")
                               << QStringList{QStringLiteral("added /b - -> {\"c\":true}")};
    QTest::newRow("key removed") << QByteArray("{\"a\":1,\"b\":2}") << QByteArray("{\"b\":2}")
                                 << QStringList{QStringLiteral("removed /a 1 -> -")};
    QTest::newRow("added and removed in key order") << QByteArray("{\"b\":1,\"d\":2}") << QByteArray("{\"a\":0,\"c\":3}")
                                                    << QStringList{QStringLiteral("added /a - -> 0"), QStringLiteral("removed /b 1 -> -"),
                                                                   QStringLiteral("added /c - -> 3"), QStringLiteral("removed /d 2 -> -")};
    QTest::newRow("nested key added") << QByteArray("{\"x\":{\"y\":{}}}") << QByteArray("{\"x\":{\"y\":{\"z\":null}}}")
                                      << QStringList{QStringLiteral("added /x/y/z - -> null")};
    QTest::newRow("array element appended") << QByteArray("{\"m\":[1]}") << QByteArray("{\"m\":[1,2]}")
                                            << QStringList{QStringLiteral("added /m/1 - -> 2")};
    QTest::newRow("array element removed at end") << QByteArray("[1,2,3]") << QByteArray("[1,2]")
                                                  << QStringList{QStringLiteral("removed /2 3 -> -")};
    QTest::newRow("array insert at front is index-wise") << QByteArray("[\"a\",\"b\"]") << QByteArray("[\"x\",\"a\",\"b\"]")
                                                         << QStringList{QStringLiteral("changed /0 \"a\" -> \"x\""),
                                                                        QStringLiteral("changed /1 \"b\" -> \"a\""),
                                                                        QStringLiteral("added /2 - -> \"b\"")};
    QTest::newRow("type change is one change") << QByteArray("{\"a\":{\"b\":1}}") << QByteArray("{\"a\":\"b\"}")
                                               << QStringList{QStringLiteral("changed /a {\"b\":1} -> \"b\"")};
    QTest::newRow("root object to array") << QByteArray("{}") << QByteArray("[]") << QStringList{QStringLiteral("changed  {} -> []")};
    QTest::newRow("pointer escaping") << QByteArray("{\"a/b\":1,\"m~n\":1}") << QByteArray("{\"a/b\":2,\"m~n\":2}")
                                      << QStringList{QStringLiteral("changed /a~1b 1 -> 2"), QStringLiteral("changed /m~0n 1 -> 2")};
}

void TestPayloadDiff::json()
{
    QFETCH(QByteArray, older);
    QFETCH(QByteArray, newer);
    QFETCH(QStringList, changes);

    const PayloadDiff diff = PayloadDiff::compare(older, newer);
    QCOMPARE(diff.mode(), PayloadDiff::Mode::Json);
    QCOMPARE(describe(diff.changes()), changes);
    QCOMPARE(diff.isIdentical(), changes.isEmpty());
    QVERIFY(diff.lines().isEmpty());
    QCOMPARE(diff.summary(), changes.isEmpty() ? QStringLiteral("The payloads are identical.")
                                               : QStringLiteral("JSON: %1 added, %2 removed, %3 changed.")
                                                     .arg(changes.filter(QStringLiteral("added ")).size())
                                                     .arg(changes.filter(QStringLiteral("removed ")).size())
                                                     .arg(changes.filter(QStringLiteral("changed ")).size()));
}

void TestPayloadDiff::text_data()
{
    QTest::addColumn<QByteArray>("older");
    QTest::addColumn<QByteArray>("newer");
    QTest::addColumn<QStringList>("lines");

    QTest::newRow("identical") << QByteArray("a\nb") << QByteArray("a\nb") << QStringList{QStringLiteral(" a 1:1"), QStringLiteral(" b 2:2")};
    QTest::newRow("status word changed") << QByteArray("running") << QByteArray("fault")
                                         << QStringList{QStringLiteral("-running 1:0"), QStringLiteral("+fault 0:1")};
    QTest::newRow("middle line changed")
        << QByteArray("a\nb\nc") << QByteArray("a\nB\nc")
        << QStringList{QStringLiteral(" a 1:1"), QStringLiteral("-b 2:0"), QStringLiteral("+B 0:2"), QStringLiteral(" c 3:3")};
    QTest::newRow("line appended") << QByteArray("a\n") << QByteArray("a\nb\n")
                                   << QStringList{QStringLiteral(" a 1:1"), QStringLiteral("+b 0:2"), QStringLiteral("  2:3")};
    QTest::newRow("line removed") << QByteArray("a\nb\nc") << QByteArray("a\nc")
                                  << QStringList{QStringLiteral(" a 1:1"), QStringLiteral("-b 2:0"), QStringLiteral(" c 3:2")};
    QTest::newRow("interleaved edits")
        << QByteArray("x\na\ny\nb\nz") << QByteArray("a\nq\nb\nz\nw")
        << QStringList{QStringLiteral("-x 1:0"), QStringLiteral(" a 2:1"), QStringLiteral("-y 3:0"), QStringLiteral("+q 0:2"),
                       QStringLiteral(" b 4:3"), QStringLiteral(" z 5:4"), QStringLiteral("+w 0:5")};
    QTest::newRow("bare json scalars are text") << QByteArray("23.5") << QByteArray("23.6")
                                                << QStringList{QStringLiteral("-23.5 1:0"), QStringLiteral("+23.6 0:1")};
    QTest::newRow("json against text") << QByteArray("{\"a\":1}") << QByteArray("offline")
                                       << QStringList{QStringLiteral("-{\"a\":1} 1:0"), QStringLiteral("+offline 0:1")};
    QTest::newRow("crlf differs from lf") << QByteArray("a\r\nb") << QByteArray("a\nb")
                                          << QStringList{QStringLiteral("-a\r 1:0"), QStringLiteral("+a 0:1"), QStringLiteral(" b 2:2")};
}

void TestPayloadDiff::text()
{
    QFETCH(QByteArray, older);
    QFETCH(QByteArray, newer);
    QFETCH(QStringList, lines);

    const PayloadDiff diff = PayloadDiff::compare(older, newer);
    QCOMPARE(diff.mode(), PayloadDiff::Mode::Text);
    QCOMPARE(describe(diff.lines()), lines);
    QVERIFY(diff.changes().isEmpty());
    QCOMPARE(diff.isIdentical(), older == newer);
    QCOMPARE(diff.summary(), diff.isIdentical() ? QStringLiteral("The payloads are identical.")
                                                : QStringLiteral("Lines: %1 added, %2 removed.")
                                                      .arg(lines.filter(QRegularExpression(QStringLiteral("^\\+"))).size())
                                                      .arg(lines.filter(QRegularExpression(QStringLiteral("^-"))).size()));
}

void TestPayloadDiff::largeButLocalChange()
{
    // 100k lines with one change: the common prefix and suffix are matched
    // directly, so this stays a line diff.
    QByteArray older;
    for (int i = 0; i < 100'000; ++i)
        older += "sample " + QByteArray::number(i) + '\n';
    QByteArray newer = older;
    const QByteArray target("sample 50000\n");
    const qsizetype at = newer.indexOf(target);
    QVERIFY(at > 0);
    newer.replace(at, target.size(), "sample 50000 (edited)\n");

    const PayloadDiff diff = PayloadDiff::compare(older, newer);
    QCOMPARE(diff.mode(), PayloadDiff::Mode::Text);
    QCOMPARE(diff.firstDifference(), qint64(at + target.size() - 1));
    QStringList changed;
    for (const PayloadDiff::Line &line : diff.lines()) {
        if (line.kind != PayloadDiff::Line::Kind::Unchanged)
            changed += describe({line});
    }
    QCOMPARE(changed, (QStringList{QStringLiteral("-sample 50000 50001:0"), QStringLiteral("+sample 50000 (edited) 0:50001")}));
    QCOMPARE(diff.lines().size(), qsizetype(100'002));
}

void TestPayloadDiff::tooLarge_data()
{
    QTest::addColumn<QByteArray>("older");
    QTest::addColumn<QByteArray>("newer");
    QTest::addColumn<qsizetype>("lineCount");
    QTest::addColumn<qint64>("firstDifference");

    // 3000 x 3000 differing lines: 9M cells, over the bound.
    QByteArray manyA;
    QByteArray manyB;
    for (int i = 0; i < 3000; ++i) {
        manyA += "a" + QByteArray::number(i) + '\n';
        manyB += "b" + QByteArray::number(i) + '\n';
    }
    QTest::newRow("too many differing lines") << manyA << manyB << qsizetype(3001) << qint64(0);

    // Over MaximumLineDiffBytes, even with a single change.
    QByteArray big(PayloadDiff::MaximumLineDiffBytes + 10, 'x');
    for (qsizetype i = 99; i < big.size(); i += 100)
        big[i] = '\n';
    QByteArray bigChanged = big;
    bigChanged[123'456] = 'y';
    QTest::newRow("over the byte bound") << big << bigChanged << qsizetype(big.count('\n') + 1) << qint64(123'456);

    QByteArray bigLonger = big + "tail";
    QTest::newRow("prefix of the other") << big << bigLonger << qsizetype(big.count('\n') + 1) << qint64(big.size());
}

void TestPayloadDiff::tooLarge()
{
    QFETCH(QByteArray, older);
    QFETCH(QByteArray, newer);
    QFETCH(qsizetype, lineCount);
    QFETCH(qint64, firstDifference);

    const PayloadDiff diff = PayloadDiff::compare(older, newer);
    QCOMPARE(diff.mode(), PayloadDiff::Mode::TooLarge);
    QVERIFY(diff.lines().isEmpty());
    QVERIFY(!diff.isIdentical());
    QCOMPARE(diff.lineCount(), lineCount);
    QCOMPARE(diff.firstDifference(), firstDifference);
    QCOMPARE(diff.summary(), QStringLiteral("Too large to diff line by line (%1 lines); showing first difference at byte %2.")
                                 .arg(lineCount)
                                 .arg(firstDifference));
}

QTEST_GUILESS_MAIN(TestPayloadDiff)
#include "tst_payload_diff.moc"
