#include "topics/topic_filter.h"

#include <QTest>

// Tables follow the cases of mosquitto's test/unit/util_topic_test.c and the
// examples of MQTT 3.1.1 / 5 §4.7. Positions are 0-based UTF-16 indices.
class TestTopicFilter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void validFilters_data();
    void validFilters();
    void invalidFilters_data();
    void invalidFilters();
    void errorMessageReadsWell();
    void matches_data();
    void matches();
};

void TestTopicFilter::validFilters_data()
{
    QTest::addColumn<QString>("filter");

    // util_topic_test.c "Sub topic: Valid"
    QTest::newRow("plain") << QStringLiteral("sub/topic");
    QTest::newRow("empty level") << QStringLiteral("sub//topic");
    QTest::newRow("space level") << QStringLiteral("sub/ /topic");
    QTest::newRow("+ middle") << QStringLiteral("sub/+/topic");
    QTest::newRow("+ everywhere") << QStringLiteral("+/+/+");
    QTest::newRow("+ alone") << QStringLiteral("+");
    QTest::newRow("# last") << QStringLiteral("sub/topic/#");
    QTest::newRow("# after empty level") << QStringLiteral("sub//topic/#");
    QTest::newRow("# after space level") << QStringLiteral("sub/ /topic/#");
    QTest::newRow("+ and #") << QStringLiteral("sub/+/topic/#");
    QTest::newRow("+++#") << QStringLiteral("+/+/+/#");
    QTest::newRow("# alone") << QStringLiteral("#");
    // further spec shapes
    QTest::newRow("leading slash") << QStringLiteral("/#");
    QTest::newRow("trailing slash") << QStringLiteral("a/");
    QTest::newRow("only slash") << QStringLiteral("/");
    QTest::newRow("+ empty +") << QStringLiteral("+//+");
    QTest::newRow("$SYS") << QStringLiteral("$SYS/#");
    QTest::newRow("$share") << QStringLiteral("$share/group/sensors/+/temp");
    QTest::newRow("$share with #") << QStringLiteral("$share/g/#");
    QTest::newRow("$share without slash is a plain filter") << QStringLiteral("$share");
    QTest::newRow("$share-like name") << QStringLiteral("$shared/x");
    QTest::newRow("non-ascii") << QString::fromUtf8("halle/\xe6\xb8\xa9\xe5\xba\xa6/+");
    QTest::newRow("65535 bytes") << QString(QString(65533, u'a') + QStringLiteral("/#"));
}

void TestTopicFilter::validFilters()
{
    QFETCH(QString, filter);
    const TopicFilter::ValidationError error = TopicFilter::validate(filter);
    QVERIFY2(error.isValid(), qPrintable(QStringLiteral("unexpected error at %1: %2")
                                             .arg(error.position)
                                             .arg(error.message)));
    QCOMPARE(error.position, -1);
}

void TestTopicFilter::invalidFilters_data()
{
    QTest::addColumn<QString>("filter");
    QTest::addColumn<int>("position");
    QTest::addColumn<QString>("mentions");   // part of the message that names the cause

    const QString plusLevel = QStringLiteral("'+' must occupy a whole topic level");
    const QString hashLevel = QStringLiteral("'#' must occupy a whole topic level");
    const QString hashLast = QStringLiteral("'#' must be the last level");

    // util_topic_test.c "Sub topic: Invalid"
    QTest::newRow("+ then text") << QStringLiteral("+sub/topic") << 0 << plusLevel;
    QTest::newRow("text then +") << QStringLiteral("sub+/topic") << 3 << plusLevel;
    QTest::newRow("+ starts level") << QStringLiteral("sub/+topic") << 4 << plusLevel;
    QTest::newRow("+ ends filter") << QStringLiteral("sub/topic+") << 9 << plusLevel;
    QTest::newRow("# then text") << QStringLiteral("#sub/topic") << 0 << hashLevel;
    QTest::newRow("text then #") << QStringLiteral("sub#/topic") << 3 << hashLevel;
    QTest::newRow("# starts level") << QStringLiteral("sub/#topic") << 4 << hashLevel;
    QTest::newRow("# ends filter") << QStringLiteral("sub/topic#") << 9 << hashLevel;
    QTest::newRow("# first level") << QStringLiteral("#/sub/topic") << 0 << hashLast;
    // util_topic_test.c "Matching: Invalid" / "Invalid but matching" filters
    QTest::newRow("fo+o") << QStringLiteral("fo+o") << 2 << plusLevel;
    QTest::newRow("foo+/bar") << QStringLiteral("foo+/bar") << 3 << plusLevel;
    QTest::newRow("foo/bar+") << QStringLiteral("foo/bar+") << 7 << plusLevel;
    QTest::newRow("fo#o/") << QStringLiteral("fo#o/") << 2 << hashLevel;
    QTest::newRow("foo/#a") << QStringLiteral("foo/#a") << 4 << hashLevel;
    QTest::newRow("#a") << QStringLiteral("#a") << 0 << hashLevel;
    QTest::newRow("foo/#abc") << QStringLiteral("foo/#abc") << 4 << hashLevel;
    QTest::newRow("/#a") << QStringLiteral("/#a") << 1 << hashLevel;
    // more shapes
    QTest::newRow("# in the middle") << QStringLiteral("factory/line1/#/temp") << 14 << hashLast;
    QTest::newRow("# before empty level") << QStringLiteral("a/#/") << 2 << hashLast;
    QTest::newRow("## level") << QStringLiteral("a/##") << 2 << hashLevel;
    QTest::newRow("++ level") << QStringLiteral("a/++") << 2 << plusLevel;
    QTest::newRow("first error wins") << QStringLiteral("a+/#/b") << 1 << plusLevel;
    QTest::newRow("empty") << QString() << 0 << QStringLiteral("empty");
    QTest::newRow("NUL") << QStringLiteral("a/%1/#").arg(QChar(0)) << 2 << QStringLiteral("NUL");
    QTest::newRow("invalid UTF-8") << QString::fromUtf8("a/\xc3(/+") << 2 << QStringLiteral("UTF-8");
    QTest::newRow("lone surrogate")
        << QString(QStringLiteral("+/") + QChar(0xdc00)) << 2 << QStringLiteral("surrogate");
    QTest::newRow("65536 bytes") << QString(QString(65534, u'a') + QStringLiteral("/#")) << 65535
                                 << QStringLiteral("65536");

    // shared subscriptions
    const QString shareName = QStringLiteral("share name");
    const QString needsFilter = QStringLiteral("needs a topic filter");
    QTest::newRow("$share/ no group") << QStringLiteral("$share/") << 7 << shareName;
    QTest::newRow("$share// empty group") << QStringLiteral("$share//a") << 7 << shareName;
    QTest::newRow("$share group only") << QStringLiteral("$share/g") << 8 << needsFilter;
    QTest::newRow("$share group and slash") << QStringLiteral("$share/g/") << 9 << needsFilter;
    QTest::newRow("$share + in group") << QStringLiteral("$share/g+/a") << 8
                                       << QStringLiteral("must not contain '+'");
    QTest::newRow("$share # in group") << QStringLiteral("$share/#/a") << 7
                                       << QStringLiteral("must not contain '#'");
    QTest::newRow("$share bad filter") << QStringLiteral("$share/g/a/#/b") << 11 << hashLast;
    QTest::newRow("$share bad + in filter") << QStringLiteral("$share/grp/x+") << 12 << plusLevel;
    QTest::newRow("$share NUL in group")
        << QStringLiteral("$share/g%1/a").arg(QChar(0)) << 8 << QStringLiteral("NUL");
}

void TestTopicFilter::invalidFilters()
{
    QFETCH(QString, filter);
    QFETCH(int, position);
    QFETCH(QString, mentions);

    const TopicFilter::ValidationError error = TopicFilter::validate(filter);
    QVERIFY2(!error.isValid(), "the filter was accepted");
    QCOMPARE(error.position, position);
    QVERIFY2(error.message.contains(mentions),
             qPrintable(QStringLiteral("'%1' does not mention '%2'").arg(error.message, mentions)));
    if (!filter.isEmpty()) {
        const QString where = QStringLiteral("position %1").arg(position);
        QVERIFY2(error.message.contains(where),
                 qPrintable(QStringLiteral("'%1' does not contain '%2'").arg(error.message, where)));
    }
}

void TestTopicFilter::errorMessageReadsWell()
{
    const TopicFilter::ValidationError error = TopicFilter::validate(QStringLiteral("factory/line1/#/x"));
    QCOMPARE(error.message, QStringLiteral("'#' must be the last level (position 14)."));
}

void TestTopicFilter::matches_data()
{
    QTest::addColumn<QString>("filter");
    QTest::addColumn<QString>("topic");
    QTest::addColumn<bool>("expected");

    // util_topic_test.c "Matching: Valid matching"
    QTest::newRow("foo/# ~ foo/") << QStringLiteral("foo/#") << QStringLiteral("foo/") << true;
    QTest::newRow("foo/# ~ foo") << QStringLiteral("foo/#") << QStringLiteral("foo") << true;
    QTest::newRow("foo//bar ~ foo//bar") << QStringLiteral("foo//bar") << QStringLiteral("foo//bar") << true;
    QTest::newRow("foo//+ ~ foo//bar") << QStringLiteral("foo//+") << QStringLiteral("foo//bar") << true;
    QTest::newRow("foo/+/+/baz ~ foo///baz") << QStringLiteral("foo/+/+/baz") << QStringLiteral("foo///baz") << true;
    QTest::newRow("foo/bar/+ ~ foo/bar/") << QStringLiteral("foo/bar/+") << QStringLiteral("foo/bar/") << true;
    QTest::newRow("foo/bar ~ foo/bar") << QStringLiteral("foo/bar") << QStringLiteral("foo/bar") << true;
    QTest::newRow("foo/+ ~ foo/bar") << QStringLiteral("foo/+") << QStringLiteral("foo/bar") << true;
    QTest::newRow("foo/+/baz ~ foo/bar/baz") << QStringLiteral("foo/+/baz") << QStringLiteral("foo/bar/baz") << true;
    QTest::newRow("A/B/+/# ~ A/B/B/C") << QStringLiteral("A/B/+/#") << QStringLiteral("A/B/B/C") << true;
    QTest::newRow("foo/+/# ~ foo/bar/baz") << QStringLiteral("foo/+/#") << QStringLiteral("foo/bar/baz") << true;
    QTest::newRow("foo/+/# ~ foo/bar") << QStringLiteral("foo/+/#") << QStringLiteral("foo/bar") << true;
    QTest::newRow("# ~ foo/bar/baz") << QStringLiteral("#") << QStringLiteral("foo/bar/baz") << true;
    QTest::newRow("# ~ /foo/bar") << QStringLiteral("#") << QStringLiteral("/foo/bar") << true;
    QTest::newRow("/# ~ /foo/bar") << QStringLiteral("/#") << QStringLiteral("/foo/bar") << true;

    // util_topic_test.c "Matching: Valid no matching"
    QTest::newRow("test/6/# !~ test/3") << QStringLiteral("test/6/#") << QStringLiteral("test/3") << false;
    QTest::newRow("foo/bar !~ foo") << QStringLiteral("foo/bar") << QStringLiteral("foo") << false;
    QTest::newRow("foo/+ !~ foo/bar/baz") << QStringLiteral("foo/+") << QStringLiteral("foo/bar/baz") << false;
    QTest::newRow("foo/+/baz !~ foo/bar/bar") << QStringLiteral("foo/+/baz") << QStringLiteral("foo/bar/bar") << false;
    QTest::newRow("foo/+/# !~ fo2/bar/baz") << QStringLiteral("foo/+/#") << QStringLiteral("fo2/bar/baz") << false;
    QTest::newRow("/# !~ foo/bar") << QStringLiteral("/#") << QStringLiteral("foo/bar") << false;
    QTest::newRow("# !~ $SYS/bar") << QStringLiteral("#") << QStringLiteral("$SYS/bar") << false;
    QTest::newRow("$BOB/bar !~ $SYS/bar") << QStringLiteral("$BOB/bar") << QStringLiteral("$SYS/bar") << false;

    // util_topic_test.c "Invalid but matching": naive wildcard handling would match
    QTest::newRow("+foo vs +foo") << QStringLiteral("+foo") << QStringLiteral("+foo") << false;
    QTest::newRow("fo+o vs fo+o") << QStringLiteral("fo+o") << QStringLiteral("fo+o") << false;
    QTest::newRow("foo+ vs foo+") << QStringLiteral("foo+") << QStringLiteral("foo+") << false;
    QTest::newRow("+foo/bar vs +foo/bar") << QStringLiteral("+foo/bar") << QStringLiteral("+foo/bar") << false;
    QTest::newRow("foo+/bar vs foo+/bar") << QStringLiteral("foo+/bar") << QStringLiteral("foo+/bar") << false;
    QTest::newRow("foo/+bar vs foo/+bar") << QStringLiteral("foo/+bar") << QStringLiteral("foo/+bar") << false;
    QTest::newRow("foo/bar+ vs foo/bar+") << QStringLiteral("foo/bar+") << QStringLiteral("foo/bar+") << false;
    QTest::newRow("+foo vs afoo") << QStringLiteral("+foo") << QStringLiteral("afoo") << false;
    QTest::newRow("fo+o vs foao") << QStringLiteral("fo+o") << QStringLiteral("foao") << false;
    QTest::newRow("foo+ vs fooa") << QStringLiteral("foo+") << QStringLiteral("fooa") << false;
    QTest::newRow("+foo/bar vs afoo/bar") << QStringLiteral("+foo/bar") << QStringLiteral("afoo/bar") << false;
    QTest::newRow("foo+/bar vs fooa/bar") << QStringLiteral("foo+/bar") << QStringLiteral("fooa/bar") << false;
    QTest::newRow("foo/+bar vs foo/abar") << QStringLiteral("foo/+bar") << QStringLiteral("foo/abar") << false;
    QTest::newRow("foo/bar+ vs foo/bara") << QStringLiteral("foo/bar+") << QStringLiteral("foo/bara") << false;
    QTest::newRow("#foo vs #foo") << QStringLiteral("#foo") << QStringLiteral("#foo") << false;
    QTest::newRow("fo#o vs fo#o") << QStringLiteral("fo#o") << QStringLiteral("fo#o") << false;
    QTest::newRow("foo# vs foo#") << QStringLiteral("foo#") << QStringLiteral("foo#") << false;
    QTest::newRow("#foo/bar vs #foo/bar") << QStringLiteral("#foo/bar") << QStringLiteral("#foo/bar") << false;
    QTest::newRow("foo#/bar vs foo#/bar") << QStringLiteral("foo#/bar") << QStringLiteral("foo#/bar") << false;
    QTest::newRow("foo/#bar vs foo/#bar") << QStringLiteral("foo/#bar") << QStringLiteral("foo/#bar") << false;
    QTest::newRow("foo/bar# vs foo/bar#") << QStringLiteral("foo/bar#") << QStringLiteral("foo/bar#") << false;
    // wildcards in the *topic* are never matched
    QTest::newRow("foo/+ vs topic foo/+") << QStringLiteral("foo/+") << QStringLiteral("foo/+") << false;
    QTest::newRow("foo/# vs topic foo/+") << QStringLiteral("foo/#") << QStringLiteral("foo/+") << false;
    QTest::newRow("foo/+ vs topic foo/bar/+") << QStringLiteral("foo/+") << QStringLiteral("foo/bar/+") << false;
    QTest::newRow("foo/# vs topic foo/bar/+") << QStringLiteral("foo/#") << QStringLiteral("foo/bar/+") << false;
    QTest::newRow("foo/+ vs topic foo/#") << QStringLiteral("foo/+") << QStringLiteral("foo/#") << false;
    QTest::newRow("foo/# vs topic foo/#") << QStringLiteral("foo/#") << QStringLiteral("foo/#") << false;
    QTest::newRow("foo/+ vs topic foo/bar/#") << QStringLiteral("foo/+") << QStringLiteral("foo/bar/#") << false;
    QTest::newRow("foo/# vs topic foo/bar/#") << QStringLiteral("foo/#") << QStringLiteral("foo/bar/#") << false;

    // util_topic_test.c "Matching: Invalid"
    QTest::newRow("foo# vs foo") << QStringLiteral("foo#") << QStringLiteral("foo") << false;
    QTest::newRow("fo#o/ vs foo") << QStringLiteral("fo#o/") << QStringLiteral("foo") << false;
    QTest::newRow("foo# vs fooa") << QStringLiteral("foo#") << QStringLiteral("fooa") << false;
    QTest::newRow("foo+ vs foo") << QStringLiteral("foo+") << QStringLiteral("foo") << false;
    QTest::newRow("foo/#a vs foo") << QStringLiteral("foo/#a") << QStringLiteral("foo") << false;
    QTest::newRow("#a vs foo") << QStringLiteral("#a") << QStringLiteral("foo") << false;
    QTest::newRow("foo/#abc vs foo") << QStringLiteral("foo/#abc") << QStringLiteral("foo") << false;
    QTest::newRow("#abc vs foo") << QStringLiteral("#abc") << QStringLiteral("foo") << false;
    QTest::newRow("/#a vs foo/bar") << QStringLiteral("/#a") << QStringLiteral("foo/bar") << false;

    // util_topic_test.c "Matching: Empty input"
    QTest::newRow("empty topic") << QStringLiteral("sub") << QString() << false;
    QTest::newRow("empty filter") << QString() << QStringLiteral("topic") << false;
    QTest::newRow("both empty") << QString() << QString() << false;

    // MQTT 3.1.1 / 5 §4.7 examples
    QTest::newRow("spec: player1/# ~ player1")
        << QStringLiteral("sport/tennis/player1/#") << QStringLiteral("sport/tennis/player1") << true;
    QTest::newRow("spec: player1/# ~ player1/ranking")
        << QStringLiteral("sport/tennis/player1/#") << QStringLiteral("sport/tennis/player1/ranking") << true;
    QTest::newRow("spec: player1/# ~ player1/score/wimbledon")
        << QStringLiteral("sport/tennis/player1/#") << QStringLiteral("sport/tennis/player1/score/wimbledon") << true;
    QTest::newRow("spec: sport/# ~ sport") << QStringLiteral("sport/#") << QStringLiteral("sport") << true;
    QTest::newRow("spec: sport/tennis/+ ~ sport/tennis/player1")
        << QStringLiteral("sport/tennis/+") << QStringLiteral("sport/tennis/player1") << true;
    QTest::newRow("spec: sport/tennis/+ !~ sport/tennis/player1/ranking")
        << QStringLiteral("sport/tennis/+") << QStringLiteral("sport/tennis/player1/ranking") << false;
    QTest::newRow("spec: sport/+ !~ sport") << QStringLiteral("sport/+") << QStringLiteral("sport") << false;
    QTest::newRow("spec: sport/+ ~ sport/") << QStringLiteral("sport/+") << QStringLiteral("sport/") << true;
    QTest::newRow("spec: sport/+ !~ sport/tennis/player1")
        << QStringLiteral("sport/+") << QStringLiteral("sport/tennis/player1") << false;
    QTest::newRow("spec: +/+ ~ /finance") << QStringLiteral("+/+") << QStringLiteral("/finance") << true;
    QTest::newRow("spec: /+ ~ /finance") << QStringLiteral("/+") << QStringLiteral("/finance") << true;
    QTest::newRow("spec: + !~ /finance") << QStringLiteral("+") << QStringLiteral("/finance") << false;
    QTest::newRow("spec: # !~ $SYS/x") << QStringLiteral("#") << QStringLiteral("$SYS/x") << false;
    QTest::newRow("spec: +/monitor/Clients !~ $SYS/monitor/Clients")
        << QStringLiteral("+/monitor/Clients") << QStringLiteral("$SYS/monitor/Clients") << false;
    QTest::newRow("spec: $SYS/# ~ $SYS/x") << QStringLiteral("$SYS/#") << QStringLiteral("$SYS/x") << true;
    QTest::newRow("spec: $SYS/monitor/+ ~ $SYS/monitor/Clients")
        << QStringLiteral("$SYS/monitor/+") << QStringLiteral("$SYS/monitor/Clients") << true;
    QTest::newRow("$SYS/# ~ $SYS") << QStringLiteral("$SYS/#") << QStringLiteral("$SYS") << true;
    QTest::newRow("non-leading + ~ $ level") << QStringLiteral("a/+") << QStringLiteral("a/$x") << true;

    // more shapes
    QTest::newRow("case sensitive") << QStringLiteral("Line/+") << QStringLiteral("line/a") << false;
    QTest::newRow("prefix is not a match") << QStringLiteral("line") << QStringLiteral("line1") << false;
    QTest::newRow("longer filter") << QStringLiteral("a/b/c") << QStringLiteral("a/b") << false;
    QTest::newRow("# ~ /") << QStringLiteral("#") << QStringLiteral("/") << true;
    QTest::newRow("+/+ ~ /") << QStringLiteral("+/+") << QStringLiteral("/") << true;
    QTest::newRow("+ !~ /") << QStringLiteral("+") << QStringLiteral("/") << false;
    QTest::newRow("a/+/# ~ a/") << QStringLiteral("a/+/#") << QStringLiteral("a/") << true;
    QTest::newRow("a/+/# !~ a") << QStringLiteral("a/+/#") << QStringLiteral("a") << false;
    QTest::newRow("non-ascii") << QString::fromUtf8("halle/+/\xe6\xb8\xa9\xe5\xba\xa6")
                               << QString::fromUtf8("halle/3/\xe6\xb8\xa9\xe5\xba\xa6") << true;
    QTest::newRow("invalid UTF-8 topic") << QStringLiteral("#") << QString::fromUtf8("a/\xff") << false;

    // shared subscriptions: the $share/{group}/ prefix is not part of the match
    QTest::newRow("$share +") << QStringLiteral("$share/g/sensors/+") << QStringLiteral("sensors/t1") << true;
    QTest::newRow("$share exact") << QStringLiteral("$share/g/a/b") << QStringLiteral("a/b") << true;
    QTest::newRow("$share not the prefix") << QStringLiteral("$share/g/a/b")
                                           << QStringLiteral("$share/g/a/b") << false;
    QTest::newRow("$share # !~ $SYS") << QStringLiteral("$share/g/#") << QStringLiteral("$SYS/x") << false;
    QTest::newRow("$share $SYS/#") << QStringLiteral("$share/g/$SYS/#") << QStringLiteral("$SYS/x") << true;
    QTest::newRow("$share invalid") << QStringLiteral("$share/g") << QStringLiteral("g") << false;
}

void TestTopicFilter::matches()
{
    QFETCH(QString, filter);
    QFETCH(QString, topic);
    QFETCH(bool, expected);
    QCOMPARE(TopicFilter::matches(filter, topic), expected);
}

QTEST_GUILESS_MAIN(TestTopicFilter)
#include "tst_topic_filter.moc"
