#include "shadow/shadow_topics.h"

#include "topics/topic_filter.h"

#include <QTest>

namespace {

using Operation = ShadowTopics::Operation;
using Kind = ShadowTopics::Kind;

const ShadowName Classic = ShadowName::classic(QStringLiteral("press-1"));
const ShadowName Named = ShadowName::named(QStringLiteral("press-1"), QStringLiteral("control"));

} // namespace

class TestShadowTopics : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void build_data();
    void build();
    void parseRoundTrip_data();
    void parseRoundTrip();
    void parseRejects_data();
    void parseRejects();
    void replyTopics();
    void filtersMatch();

private:
    static void addRows(bool withNonexistent);
};

void TestShadowTopics::build_data()
{
    addRows(true);
}

void TestShadowTopics::addRows(bool withNonexistent)
{
    QTest::addColumn<ShadowName>("shadow");
    QTest::addColumn<Operation>("operation");
    QTest::addColumn<Kind>("kind");
    QTest::addColumn<QString>("topic");

    QTest::newRow("classic get") << Classic << Operation::Get << Kind::Request
                                 << QStringLiteral("$aws/things/press-1/shadow/get");
    QTest::newRow("classic get/accepted") << Classic << Operation::Get << Kind::Accepted
                                          << QStringLiteral("$aws/things/press-1/shadow/get/accepted");
    QTest::newRow("classic update/delta") << Classic << Operation::Update << Kind::Delta
                                          << QStringLiteral("$aws/things/press-1/shadow/update/delta");
    QTest::newRow("classic delete/rejected") << Classic << Operation::Delete << Kind::Rejected
                                             << QStringLiteral("$aws/things/press-1/shadow/delete/rejected");
    QTest::newRow("named update") << Named << Operation::Update << Kind::Request
                                  << QStringLiteral("$aws/things/press-1/shadow/name/control/update");
    QTest::newRow("named update/documents") << Named << Operation::Update << Kind::Documents
                                            << QStringLiteral("$aws/things/press-1/shadow/name/control/update/documents");
    QTest::newRow("named get/rejected") << Named << Operation::Get << Kind::Rejected
                                        << QStringLiteral("$aws/things/press-1/shadow/name/control/get/rejected");
    if (withNonexistent) {
        QTest::newRow("delta of get does not exist") << Named << Operation::Get << Kind::Delta << QString();
        QTest::newRow("documents of delete do not exist") << Classic << Operation::Delete << Kind::Documents
                                                          << QString();
    }
}

void TestShadowTopics::build()
{
    QFETCH(ShadowName, shadow);
    QFETCH(Operation, operation);
    QFETCH(Kind, kind);
    QFETCH(QString, topic);
    QCOMPARE(ShadowTopics::topic(shadow, operation, kind), topic);
}

void TestShadowTopics::parseRoundTrip_data()
{
    addRows(false);
}

void TestShadowTopics::parseRoundTrip()
{
    QFETCH(ShadowName, shadow);
    QFETCH(Operation, operation);
    QFETCH(Kind, kind);
    QFETCH(QString, topic);
    const std::optional<ShadowTopics::Parsed> parsed = ShadowTopics::parse(topic);
    QVERIFY2(parsed.has_value(), qPrintable(topic));
    QCOMPARE(parsed->shadow, shadow);
    QCOMPARE(parsed->operation, operation);
    QCOMPARE(parsed->kind, kind);
}

void TestShadowTopics::parseRejects_data()
{
    QTest::addColumn<QString>("topic");
    QTest::newRow("not $aws") << QStringLiteral("aws/things/t/shadow/get");
    QTest::newRow("no operation") << QStringLiteral("$aws/things/t/shadow");
    QTest::newRow("unknown operation") << QStringLiteral("$aws/things/t/shadow/list");
    QTest::newRow("unknown suffix") << QStringLiteral("$aws/things/t/shadow/get/maybe");
    QTest::newRow("delta of get") << QStringLiteral("$aws/things/t/shadow/get/delta");
    QTest::newRow("empty thing") << QStringLiteral("$aws/things//shadow/get");
    QTest::newRow("named without name") << QStringLiteral("$aws/things/t/shadow/name/get");
    QTest::newRow("named with empty name") << QStringLiteral("$aws/things/t/shadow/name//get");
    QTest::newRow("too many levels") << QStringLiteral("$aws/things/t/shadow/name/s/update/accepted/extra");
    QTest::newRow("classic with extra level") << QStringLiteral("$aws/things/t/shadow/update/accepted/extra");
    QTest::newRow("jobs topic") << QStringLiteral("$aws/things/t/jobs/get");
    QTest::newRow("telemetry") << QStringLiteral("factory/chicago/building-a/line-3/press-1/telemetry");
}

void TestShadowTopics::parseRejects()
{
    QFETCH(QString, topic);
    QVERIFY2(!ShadowTopics::parse(topic).has_value(), qPrintable(topic));
}

void TestShadowTopics::replyTopics()
{
    const QStringList topics = ShadowTopics::replyTopics(Named);
    QCOMPARE(topics.size(), 8);
    QCOMPARE(QSet<QString>(topics.begin(), topics.end()).size(), 8);
    for (const QString &topic : topics) {
        const std::optional<ShadowTopics::Parsed> parsed = ShadowTopics::parse(topic);
        QVERIFY2(parsed.has_value(), qPrintable(topic));
        QCOMPARE(parsed->shadow, Named);
        QVERIFY2(parsed->kind != Kind::Request, qPrintable(topic));
    }
}

void TestShadowTopics::filtersMatch()
{
    // The service filter catches classic and named requests; the discovery
    // filter only the named shadows of one thing.
    const QString service = ShadowTopics::serviceFilter();
    const QString discovery = ShadowTopics::namedShadowsFilter(QStringLiteral("press-1"));
    QVERIFY(TopicFilter::matches(service, ShadowTopics::topic(Classic, Operation::Update)));
    QVERIFY(TopicFilter::matches(service, ShadowTopics::topic(Named, Operation::Update)));
    QVERIFY(TopicFilter::matches(discovery, ShadowTopics::topic(Named, Operation::Get, Kind::Accepted)));
    QVERIFY(!TopicFilter::matches(discovery, ShadowTopics::topic(Classic, Operation::Get, Kind::Accepted)));
    QVERIFY(!TopicFilter::matches(
        discovery, ShadowTopics::topic(ShadowName::named(QStringLiteral("press-2"), QStringLiteral("control")),
                                       Operation::Get)));
}

QTEST_GUILESS_MAIN(TestShadowTopics)
#include "tst_shadow_topics.moc"
