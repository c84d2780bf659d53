#include "shadow/shadow_name.h"

#include <QSet>
#include <QTest>

#include <algorithm>

class TestShadowName : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void classicAndNamed();
    void displayName_data();
    void displayName();
    void ordering();
    void hashing();
};

void TestShadowName::classicAndNamed()
{
    const ShadowName classic = ShadowName::classic(QStringLiteral("press-1"));
    const ShadowName named = ShadowName::named(QStringLiteral("press-1"), QStringLiteral("control"));
    QVERIFY(classic.isClassic());
    QVERIFY(!named.isClassic());
    QVERIFY(classic != named);
    QCOMPARE(named, (ShadowName{QStringLiteral("press-1"), QStringLiteral("control")}));
}

void TestShadowName::displayName_data()
{
    QTest::addColumn<ShadowName>("name");
    QTest::addColumn<QString>("display");
    QTest::newRow("classic") << ShadowName::classic(QStringLiteral("press-1"))
                             << QStringLiteral("press-1 (classic shadow)");
    QTest::newRow("named") << ShadowName::named(QStringLiteral("press-1"), QStringLiteral("control"))
                           << QStringLiteral("press-1, shadow \"control\"");
}

void TestShadowName::displayName()
{
    QFETCH(ShadowName, name);
    QFETCH(QString, display);
    QCOMPARE(name.displayName(), display);
}

void TestShadowName::ordering()
{
    QList<ShadowName> names = {
        ShadowName::named(QStringLiteral("b"), QStringLiteral("x")),
        ShadowName::named(QStringLiteral("a"), QStringLiteral("z")),
        ShadowName::classic(QStringLiteral("b")),
        ShadowName::named(QStringLiteral("a"), QStringLiteral("m")),
        ShadowName::classic(QStringLiteral("a")),
    };
    std::sort(names.begin(), names.end());
    const QList<ShadowName> expected = {
        ShadowName::classic(QStringLiteral("a")),
        ShadowName::named(QStringLiteral("a"), QStringLiteral("m")),
        ShadowName::named(QStringLiteral("a"), QStringLiteral("z")),
        ShadowName::classic(QStringLiteral("b")),
        ShadowName::named(QStringLiteral("b"), QStringLiteral("x")),
    };
    QCOMPARE(names, expected);
}

void TestShadowName::hashing()
{
    // The classic shadow of "a" and a named shadow "a" of thing "" must not collide as keys.
    QSet<ShadowName> set;
    set.insert(ShadowName::classic(QStringLiteral("press-1")));
    set.insert(ShadowName::named(QStringLiteral("press-1"), QStringLiteral("control")));
    set.insert(ShadowName::classic(QStringLiteral("press-1")));
    QCOMPARE(set.size(), 2);
    QVERIFY(set.contains(ShadowName::named(QStringLiteral("press-1"), QStringLiteral("control"))));
}

QTEST_GUILESS_MAIN(TestShadowName)
#include "tst_shadow_name.moc"
