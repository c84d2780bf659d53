#include "topics/topic_filter_proxy_model.h"

#include "topics/topic_tree_model.h"
#include "tree_dump.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

namespace {

QList<MqttMessage> messages(const QStringList &topics)
{
    QList<MqttMessage> batch;
    for (const QString &topic : topics) {
        MqttMessage m;
        m.topic = topic;
        m.payload = QByteArrayLiteral("1");
        batch.append(m);
    }
    return batch;
}

// Source and proxy, both under QAbstractItemModelTester.
struct Fixture
{
    Fixture()
    {
        proxy.setSourceModel(&model);
    }

    TopicTreeModel model;
    TopicFilterProxyModel proxy;
    QAbstractItemModelTester modelTester{&model, QAbstractItemModelTester::FailureReportingMode::QtTest};
    QAbstractItemModelTester proxyTester{&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest};
};

QString describe(const QStringList &lines)
{
    return QLatin1Char('\n') + lines.join(QLatin1Char('\n'));
}

// Names only, indented: the visible shape of the proxy.
QStringList names(const QAbstractItemModel &model, const QModelIndex &parent = {}, int depth = 0)
{
    QStringList lines;
    for (int row = 0; row < model.rowCount(parent); ++row) {
        const QModelIndex index = model.index(row, 0, parent);
        lines.append(QString(depth * 2, u' ') + index.data().toString());
        lines.append(names(model, index, depth + 1));
    }
    return lines;
}

const QStringList plantTopics{
    QStringLiteral("plant/Line1/press-10/temp"), QStringLiteral("plant/Line1/press-2/temp"),
    QStringLiteral("plant/line2/oven/temp"),     QStringLiteral("plant/line2/oven/state"),
    QStringLiteral("$SYS/broker/uptime"),        QStringLiteral("sport/tennis/player1"),
    QStringLiteral("sport/tennis/player1/ranking"), QStringLiteral("/finance"),
};

} // namespace

class TestTopicFilterProxyModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void filter_data();
    void filter();
    void filterAppliesToLaterBatches();
    void laterTopLevelMatchIsShown();
    void invalidTopicFilterReportsError();
    void wildcardSyntaxCanBeDisabled();
    void clearingFilterShowsEverything();
    void sorting_data();
    void sorting();
    void sortedProxyFollowsInserts();
    void naturalCompare_data();
    void naturalCompare();
};

void TestTopicFilterProxyModel::filter_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("mode");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("no filter") << QString() << int(TopicFilterProxyModel::FilterMode::NoFilter)
                               << QStringList{QStringLiteral("plant"), QStringLiteral("  Line1"),
                                              QStringLiteral("    press-10"), QStringLiteral("      temp"),
                                              QStringLiteral("    press-2"), QStringLiteral("      temp"),
                                              QStringLiteral("  line2"), QStringLiteral("    oven"),
                                              QStringLiteral("      temp"), QStringLiteral("      state"),
                                              QStringLiteral("$SYS"), QStringLiteral("  broker"),
                                              QStringLiteral("    uptime"), QStringLiteral("sport"),
                                              QStringLiteral("  tennis"), QStringLiteral("    player1"),
                                              QStringLiteral("      ranking"), QStringLiteral("(empty)"),
                                              QStringLiteral("  finance")};
    QTest::newRow("substring keeps path") << QStringLiteral("oven") << int(TopicFilterProxyModel::FilterMode::Substring)
                                          << QStringList{QStringLiteral("plant"), QStringLiteral("  line2"),
                                                         QStringLiteral("    oven"), QStringLiteral("      temp"),
                                                         QStringLiteral("      state")};
    QTest::newRow("substring is case-insensitive")
        << QStringLiteral("LINE1/PRESS-2") << int(TopicFilterProxyModel::FilterMode::Substring)
        << QStringList{QStringLiteral("plant"), QStringLiteral("  Line1"), QStringLiteral("    press-2"),
                       QStringLiteral("      temp")};
    QTest::newRow("substring spans levels")
        << QStringLiteral("e2/oven/s") << int(TopicFilterProxyModel::FilterMode::Substring)
        << QStringList{QStringLiteral("plant"), QStringLiteral("  line2"), QStringLiteral("    oven"),
                       QStringLiteral("      state")};
    QTest::newRow("substring matches $SYS") << QStringLiteral("uptime")
                                            << int(TopicFilterProxyModel::FilterMode::Substring)
                                            << QStringList{QStringLiteral("$SYS"), QStringLiteral("  broker"),
                                                           QStringLiteral("    uptime")};
    QTest::newRow("substring without match") << QStringLiteral("nothing")
                                             << int(TopicFilterProxyModel::FilterMode::Substring) << QStringList();
    QTest::newRow("topic filter +") << QStringLiteral("plant/+/+/temp")
                                    << int(TopicFilterProxyModel::FilterMode::TopicFilter)
                                    << QStringList{QStringLiteral("plant"), QStringLiteral("  Line1"),
                                                   QStringLiteral("    press-10"), QStringLiteral("      temp"),
                                                   QStringLiteral("    press-2"), QStringLiteral("      temp"),
                                                   QStringLiteral("  line2"), QStringLiteral("    oven"),
                                                   QStringLiteral("      temp")};
    QTest::newRow("topic filter is case-sensitive")
        << QStringLiteral("plant/line1/#") << int(TopicFilterProxyModel::FilterMode::TopicFilter) << QStringList();
    QTest::newRow("topic filter # includes parent level")
        << QStringLiteral("sport/tennis/player1/#") << int(TopicFilterProxyModel::FilterMode::TopicFilter)
        << QStringList{QStringLiteral("sport"), QStringLiteral("  tennis"), QStringLiteral("    player1"),
                       QStringLiteral("      ranking")};
    QTest::newRow("topic filter + does not cross levels")
        << QStringLiteral("sport/+") << int(TopicFilterProxyModel::FilterMode::TopicFilter)
        << QStringList{QStringLiteral("sport"), QStringLiteral("  tennis")};
    QTest::newRow("topic filter /+") << QStringLiteral("/+") << int(TopicFilterProxyModel::FilterMode::TopicFilter)
                                     << QStringList{QStringLiteral("(empty)"), QStringLiteral("  finance")};
    QTest::newRow("# hides $SYS") << QStringLiteral("#") << int(TopicFilterProxyModel::FilterMode::TopicFilter)
                                  << QStringList{QStringLiteral("plant"), QStringLiteral("  Line1"),
                                                 QStringLiteral("    press-10"), QStringLiteral("      temp"),
                                                 QStringLiteral("    press-2"), QStringLiteral("      temp"),
                                                 QStringLiteral("  line2"), QStringLiteral("    oven"),
                                                 QStringLiteral("      temp"), QStringLiteral("      state"),
                                                 QStringLiteral("sport"), QStringLiteral("  tennis"),
                                                 QStringLiteral("    player1"), QStringLiteral("      ranking"),
                                                 QStringLiteral("(empty)"), QStringLiteral("  finance")};
    QTest::newRow("$SYS/#") << QStringLiteral("$SYS/#") << int(TopicFilterProxyModel::FilterMode::TopicFilter)
                            << QStringList{QStringLiteral("$SYS"), QStringLiteral("  broker"),
                                           QStringLiteral("    uptime")};
    QTest::newRow("$share prefix is ignored")
        << QStringLiteral("$share/g/+/+/oven/state") << int(TopicFilterProxyModel::FilterMode::TopicFilter)
        << QStringList{QStringLiteral("plant"), QStringLiteral("  line2"), QStringLiteral("    oven"),
                       QStringLiteral("      state")};
}

void TestTopicFilterProxyModel::filter()
{
    QFETCH(QString, text);
    QFETCH(int, mode);
    QFETCH(QStringList, expected);

    Fixture f;
    f.model.addMessages(messages(plantTopics));
    f.proxy.setFilterText(text);
    QCOMPARE(f.proxy.filterText(), text);
    QCOMPARE(int(f.proxy.filterMode()), mode);
    QVERIFY2(f.proxy.filterError().isValid(), qPrintable(f.proxy.filterError().message));
    const QStringList actual = names(f.proxy);
    QVERIFY2(actual == expected, qPrintable(QStringLiteral("actual:%1\nexpected:%2")
                                                .arg(describe(actual), describe(expected))));
    QAbstractItemModelTester full(&f.proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
}

void TestTopicFilterProxyModel::laterTopLevelMatchIsShown()
{
    Fixture f;
    f.model.addMessages(messages({QStringLiteral("plant/a")}));
    f.proxy.setFilterText(QStringLiteral("line"));
    QCOMPARE(f.proxy.rowCount(), 0);
    f.model.addMessages(messages({QStringLiteral("line/x"), QStringLiteral("plant/line-2")}));
    const QStringList expected{QStringLiteral("plant"), QStringLiteral("  line-2"), QStringLiteral("line"),
                               QStringLiteral("  x")};
    const QStringList actual = names(f.proxy);
    QVERIFY2(actual == expected, qPrintable(QStringLiteral("actual:%1").arg(describe(actual))));
}

void TestTopicFilterProxyModel::filterAppliesToLaterBatches()
{
    Fixture f;
    f.proxy.setFilterText(QStringLiteral("line/+/temp"));
    f.model.addMessages(messages({QStringLiteral("line/a/temp"), QStringLiteral("line/a/state")}));
    f.model.addMessages(messages({QStringLiteral("line/b/temp"), QStringLiteral("line/c/state"),
                                  QStringLiteral("line/a/temp")}));
    const QStringList expected{QStringLiteral("line"), QStringLiteral("  a"), QStringLiteral("    temp"),
                               QStringLiteral("  b"), QStringLiteral("    temp")};
    const QStringList actual = names(f.proxy);
    QVERIFY2(actual == expected, qPrintable(QStringLiteral("actual:%1").arg(describe(actual))));
    // counts shown through the proxy are the source's subtree counts
    const QModelIndex line = f.proxy.index(0, TopicTreeModel::MessagesColumn);
    QCOMPARE(line.data().toLongLong(), 5);
}

void TestTopicFilterProxyModel::invalidTopicFilterReportsError()
{
    Fixture f;
    f.model.addMessages(messages(plantTopics));
    f.proxy.setFilterText(QStringLiteral("plant/#/temp"));
    QCOMPARE(f.proxy.filterMode(), TopicFilterProxyModel::FilterMode::TopicFilter);
    const TopicFilter::ValidationError error = f.proxy.filterError();
    QVERIFY2(!error.isValid(), "an invalid topic filter was accepted");
    QCOMPARE(error.position, 6);
    QCOMPARE(f.proxy.rowCount(), 0);

    f.proxy.setFilterText(QStringLiteral("plant/#"));
    QVERIFY2(f.proxy.filterError().isValid(), qPrintable(f.proxy.filterError().message));
    QCOMPARE(f.proxy.rowCount(), 1);
}

void TestTopicFilterProxyModel::wildcardSyntaxCanBeDisabled()
{
    Fixture f;
    f.model.addMessages(messages(plantTopics));
    f.proxy.setTopicFilterSyntaxEnabled(false);
    QVERIFY(!f.proxy.isTopicFilterSyntaxEnabled());
    f.proxy.setFilterText(QStringLiteral("plant/+"));
    QCOMPARE(f.proxy.filterMode(), TopicFilterProxyModel::FilterMode::Substring);
    QCOMPARE(f.proxy.rowCount(), 0);   // no topic contains a literal '+'

    f.proxy.setTopicFilterSyntaxEnabled(true);
    QCOMPARE(f.proxy.filterMode(), TopicFilterProxyModel::FilterMode::TopicFilter);
    QCOMPARE(names(f.proxy), (QStringList{QStringLiteral("plant"), QStringLiteral("  Line1"),
                                          QStringLiteral("  line2")}));
}

void TestTopicFilterProxyModel::clearingFilterShowsEverything()
{
    Fixture f;
    f.model.addMessages(messages(plantTopics));
    const QStringList all = names(f.proxy);
    f.proxy.setFilterText(QStringLiteral("oven"));
    QVERIFY(names(f.proxy) != all);
    f.proxy.setFilterText(QString());
    QCOMPARE(f.proxy.filterMode(), TopicFilterProxyModel::FilterMode::NoFilter);
    QCOMPARE(names(f.proxy), all);
    QCOMPARE(dumpTree(f.proxy), dumpTree(f.model));
}

void TestTopicFilterProxyModel::sorting_data()
{
    QTest::addColumn<QStringList>("topics");
    QTest::addColumn<bool>("sortingEnabled");
    QTest::addColumn<QStringList>("expected");

    const QStringList presses{QStringLiteral("l/press-10"), QStringLiteral("l/Press-1"),
                              QStringLiteral("l/press-2"), QStringLiteral("l/press-02b"),
                              QStringLiteral("l/oven")};
    QTest::newRow("off keeps arrival order")
        << presses << false
        << QStringList{QStringLiteral("l"), QStringLiteral("  press-10"), QStringLiteral("  Press-1"),
                       QStringLiteral("  press-2"), QStringLiteral("  press-02b"), QStringLiteral("  oven")};
    QTest::newRow("natural order")
        << presses << true
        << QStringList{QStringLiteral("l"), QStringLiteral("  oven"), QStringLiteral("  Press-1"),
                       QStringLiteral("  press-2"), QStringLiteral("  press-02b"), QStringLiteral("  press-10")};
    QTest::newRow("all levels are sorted")
        << QStringList{QStringLiteral("b/z"), QStringLiteral("a/y10"), QStringLiteral("a/y9"), QStringLiteral("$SYS/x")}
        << true
        << QStringList{QStringLiteral("$SYS"), QStringLiteral("  x"), QStringLiteral("a"), QStringLiteral("  y9"),
                       QStringLiteral("  y10"), QStringLiteral("b"), QStringLiteral("  z")};
}

void TestTopicFilterProxyModel::sorting()
{
    QFETCH(QStringList, topics);
    QFETCH(bool, sortingEnabled);
    QFETCH(QStringList, expected);

    Fixture f;
    QVERIFY2(!f.proxy.isSortingEnabled(), "sorting must be off by default");
    f.model.addMessages(messages(topics));
    f.proxy.setSortingEnabled(sortingEnabled);
    QCOMPARE(f.proxy.isSortingEnabled(), sortingEnabled);
    const QStringList actual = names(f.proxy);
    QVERIFY2(actual == expected, qPrintable(QStringLiteral("actual:%1\nexpected:%2")
                                                .arg(describe(actual), describe(expected))));

    // switching off returns to arrival order
    f.proxy.setSortingEnabled(false);
    QCOMPARE(names(f.proxy), names(f.model));
}

void TestTopicFilterProxyModel::sortedProxyFollowsInserts()
{
    Fixture f;
    f.proxy.setSortingEnabled(true);
    f.model.addMessages(messages({QStringLiteral("l/m10"), QStringLiteral("l/m3")}));
    f.model.addMessages(messages({QStringLiteral("l/m1"), QStringLiteral("l/m20"), QStringLiteral("l/m3")}));
    QCOMPARE(names(f.proxy), (QStringList{QStringLiteral("l"), QStringLiteral("  m1"), QStringLiteral("  m3"),
                                          QStringLiteral("  m10"), QStringLiteral("  m20")}));
}

void TestTopicFilterProxyModel::naturalCompare_data()
{
    QTest::addColumn<QString>("left");
    QTest::addColumn<QString>("right");
    QTest::addColumn<int>("expected");

    QTest::newRow("2 < 10") << QStringLiteral("press-2") << QStringLiteral("press-10") << -1;
    QTest::newRow("10 > 9") << QStringLiteral("press-10") << QStringLiteral("press-9") << 1;
    QTest::newRow("equal") << QStringLiteral("press-10") << QStringLiteral("press-10") << 0;
    QTest::newRow("case only as tie-break") << QStringLiteral("Press-1") << QStringLiteral("press-2") << -1;
    QTest::newRow("case tie-break") << QStringLiteral("Press") << QStringLiteral("press") << -1;
    QTest::newRow("leading zeros same value") << QStringLiteral("m007") << QStringLiteral("m7") << -1;
    QTest::newRow("leading zeros other value") << QStringLiteral("m010") << QStringLiteral("m9") << 1;
    QTest::newRow("zero") << QStringLiteral("0") << QStringLiteral("00") << 1;
    QTest::newRow("several numbers") << QStringLiteral("l2/c10") << QStringLiteral("l2/c9") << 1;
    QTest::newRow("prefix first") << QStringLiteral("press") << QStringLiteral("press-1") << -1;
    QTest::newRow("empty first") << QString() << QStringLiteral("a") << -1;
    QTest::newRow("digits before letters") << QStringLiteral("9a") << QStringLiteral("a") << -1;
    QTest::newRow("huge numbers") << QStringLiteral("n123456789012345678901") << QStringLiteral("n99999999999999999999")
                                  << 1;
    QTest::newRow("text differs") << QStringLiteral("oven") << QStringLiteral("press") << -1;
}

void TestTopicFilterProxyModel::naturalCompare()
{
    QFETCH(QString, left);
    QFETCH(QString, right);
    QFETCH(int, expected);
    QCOMPARE(TopicFilterProxyModel::naturalCompare(left, right), expected);
    QCOMPARE(TopicFilterProxyModel::naturalCompare(right, left), -expected);
}

QTEST_GUILESS_MAIN(TestTopicFilterProxyModel)
#include "tst_topic_filter_proxy_model.moc"
