#include "topics/topic_name.h"

#include <QTest>

// Positions in messages are 0-based UTF-16 indices, the same numbers a
// QLineEdit cursor uses.
class TestTopicName : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void validTopics_data();
    void validTopics();
    void invalidTopics_data();
    void invalidTopics();
    void wildcardMessageNamesPositionAndReason();
};

void TestTopicName::validTopics_data()
{
    QTest::addColumn<QString>("topic");

    // mosquitto util_topic_test.c "Pub topic: Valid"
    QTest::newRow("plain") << QStringLiteral("pub/topic");
    QTest::newRow("empty level") << QStringLiteral("pub//topic");
    QTest::newRow("space level") << QStringLiteral("pub/ /topic");
    // spec §4.7: empty levels and leading / trailing separators are names too
    QTest::newRow("single slash") << QStringLiteral("/");
    QTest::newRow("leading slash") << QStringLiteral("/finance");
    QTest::newRow("trailing slash") << QStringLiteral("finance/");
    QTest::newRow("dollar topic") << QStringLiteral("$SYS/broker/uptime");
    QTest::newRow("non-ascii") << QString::fromUtf8("halle-3/temp\xc3\xa9rature/\xe6\xb8\xa9\xe5\xba\xa6");
    QTest::newRow("surrogate pair") << QString::fromUtf8("line/\xf0\x9f\x8f\xad/state");
    QTest::newRow("65535 ascii bytes") << QString(65535, u'a');
    // 21845 three-byte characters = 65535 bytes
    QTest::newRow("65535 bytes of 3-byte chars") << QString(21845, QChar(0x6e29));
}

void TestTopicName::validTopics()
{
    QFETCH(QString, topic);
    const QString error = TopicName::validateForPublish(topic);
    QVERIFY2(error.isEmpty(), qPrintable(QString(QStringLiteral("unexpected error: ") + error)));
}

void TestTopicName::invalidTopics_data()
{
    QTest::addColumn<QString>("topic");
    QTest::addColumn<int>("position");
    QTest::addColumn<QString>("mentions");   // part of the message that names the cause

    const QString plus = QStringLiteral("'+'");
    const QString hash = QStringLiteral("'#'");
    // mosquitto util_topic_test.c "Pub topic: Invalid"
    QTest::newRow("+ first") << QStringLiteral("+pub/topic") << 0 << plus;
    QTest::newRow("+ end of level") << QStringLiteral("pub+/topic") << 3 << plus;
    QTest::newRow("+ start of level") << QStringLiteral("pub/+topic") << 4 << plus;
    QTest::newRow("+ last char") << QStringLiteral("pub/topic+") << 9 << plus;
    QTest::newRow("+ whole level") << QStringLiteral("pub/topic/+") << 10 << plus;
    QTest::newRow("# first") << QStringLiteral("#pub/topic") << 0 << hash;
    QTest::newRow("# end of level") << QStringLiteral("pub#/topic") << 3 << hash;
    QTest::newRow("# start of level") << QStringLiteral("pub/#topic") << 4 << hash;
    QTest::newRow("# last char") << QStringLiteral("pub/topic#") << 9 << hash;
    QTest::newRow("# whole level") << QStringLiteral("pub/topic/#") << 10 << hash;
    QTest::newRow("+ first level") << QStringLiteral("+/pub/topic") << 0 << plus;
    QTest::newRow("first wildcard wins") << QStringLiteral("a/#/+") << 2 << hash;

    QTest::newRow("empty") << QString() << -1 << QStringLiteral("empty");
    QTest::newRow("NUL") << QStringLiteral("line/a%1b").arg(QChar(0)) << 6 << QStringLiteral("NUL");
    QTest::newRow("invalid UTF-8 byte")
        << QString::fromUtf8("line/\xff/x") << 5 << QStringLiteral("UTF-8");
    QTest::newRow("truncated UTF-8 sequence")
        << QString::fromUtf8("ab\xe6\xb8") << 2 << QStringLiteral("UTF-8");
    QTest::newRow("lone high surrogate")
        << QString(QStringLiteral("a/") + QChar(0xd83c) + QStringLiteral("x")) << 2 << QStringLiteral("surrogate");
    QTest::newRow("lone high surrogate at end")
        << QString(QStringLiteral("a/") + QChar(0xd83c)) << 2 << QStringLiteral("surrogate");
    QTest::newRow("lone low surrogate")
        << QString(QStringLiteral("a/") + QChar(0xdfed)) << 2 << QStringLiteral("surrogate");
    QTest::newRow("swapped surrogates")
        << QString(QStringLiteral("a") + QChar(0xdfed) + QChar(0xd83c)) << 1 << QStringLiteral("surrogate");
    QTest::newRow("65536 ascii bytes") << QString(65536, u'a') << 65535 << QStringLiteral("65536");
    // 21845 * 3 = 65535 bytes, one more 2-byte char overflows
    QTest::newRow("multi-byte overflow")
        << QString(QString(21845, QChar(0x6e29)) + QChar(0xe9)) << 21845 << QStringLiteral("65537");
}

void TestTopicName::invalidTopics()
{
    QFETCH(QString, topic);
    QFETCH(int, position);
    QFETCH(QString, mentions);

    const QString error = TopicName::validateForPublish(topic);
    QVERIFY2(!error.isEmpty(), "the topic was accepted");
    QVERIFY2(error.contains(mentions),
             qPrintable(QStringLiteral("'%1' does not mention %2").arg(error, mentions)));
    if (position >= 0) {
        const QString where = QStringLiteral("position %1").arg(position);
        QVERIFY2(error.contains(where),
                 qPrintable(QStringLiteral("'%1' does not contain '%2'").arg(error, where)));
    } else {
        QVERIFY2(!error.contains(QStringLiteral("position")),
                 qPrintable(QStringLiteral("'%1' names a position").arg(error)));
    }
}

void TestTopicName::wildcardMessageNamesPositionAndReason()
{
    QCOMPARE(TopicName::validateForPublish(QStringLiteral("sensors+/temp")),
             QStringLiteral("Topic must not contain the wildcard '+' (position 7). "
                            "Wildcards are only allowed in subscription filters."));
}

QTEST_GUILESS_MAIN(TestTopicName)
#include "tst_topic_name.moc"
