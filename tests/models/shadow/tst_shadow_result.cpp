#include "shadow/shadow_result.h"

#include <QTest>

class TestShadowResult : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void describeRejection_data();
    void describeRejection();
    void documentReadsAcceptedPayload();
};

void TestShadowResult::describeRejection_data()
{
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("serviceMessage");
    QTest::addColumn<QString>("advice");  // a word of the advice each code must give

    QTest::newRow("400") << 400 << QStringLiteral("Missing required node: state") << QStringLiteral("\"state\"");
    QTest::newRow("401") << 401 << QStringLiteral("Unauthorized") << QStringLiteral("credentials");
    QTest::newRow("403") << 403 << QStringLiteral("Forbidden") << QStringLiteral("rights");
    QTest::newRow("404") << 404 << QStringLiteral("No shadow exists with name: 'press-1'") << QStringLiteral("create");
    QTest::newRow("409") << 409 << QStringLiteral("Version conflict") << QStringLiteral("Reload");
    QTest::newRow("413") << 413 << QStringLiteral("The payload exceeds the maximum size allowed")
                         << QStringLiteral("8 KB");
    QTest::newRow("415") << 415 << QStringLiteral("Unsupported documented encoding; supported encoding is UTF-8")
                         << QStringLiteral("UTF-8");
    QTest::newRow("429") << 429 << QStringLiteral("Too Many Requests") << QStringLiteral("Wait");
    QTest::newRow("500") << 500 << QStringLiteral("Internal service failure") << QStringLiteral("Try again");
    QTest::newRow("503") << 503 << QStringLiteral("Service Unavailable") << QStringLiteral("unavailable");
    QTest::newRow("unknown code") << 418 << QStringLiteral("I'm a teapot") << QStringLiteral("418");
}

void TestShadowResult::describeRejection()
{
    QFETCH(int, code);
    QFETCH(QString, serviceMessage);
    QFETCH(QString, advice);
    const QString sentence = ShadowResult::describeRejection(code, serviceMessage);
    QVERIFY2(sentence.contains(serviceMessage), qPrintable(sentence));
    QVERIFY2(sentence.contains(advice), qPrintable(sentence));
    QVERIFY2(sentence.contains(QString::number(code)), qPrintable(sentence));
}

void TestShadowResult::documentReadsAcceptedPayload()
{
    ShadowResult result;
    result.status = ShadowResult::Status::Accepted;
    result.payload = QJsonObject{
        {QStringLiteral("state"), QJsonObject{{QStringLiteral("desired"), QJsonObject{{QStringLiteral("a"), 1}}}}},
        {QStringLiteral("version"), 4}};
    QVERIFY(result.isAccepted());
    QCOMPARE(result.document().version, qint64(4));
    QCOMPARE(result.document().delta, (QJsonObject{{QStringLiteral("a"), 1}}));
}

QTEST_GUILESS_MAIN(TestShadowResult)
#include "tst_shadow_result.moc"
