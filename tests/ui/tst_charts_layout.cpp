#include "measurement/dashboard_layout.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

namespace {

DashboardLayout sampleLayout()
{
    DashboardLayout layout;
    layout.windowMs = 3600 * 1000;
    DashboardLayout::Chart temperatures;
    temperatures.title = QStringLiteral("Press temperatures");
    temperatures.series.append({{QStringLiteral("press-1-chicago-a-l3"), QStringLiteral("temperature")}, 60.0, 80.5});
    temperatures.series.append({{QStringLiteral("press-2-chicago-a-l3"), QStringLiteral("temperature")}, std::nullopt, 90.0});
    DashboardLayout::Chart pressure;
    pressure.series.append({{QString(), QStringLiteral("pressure")}, -1.5, std::nullopt});
    layout.charts = {temperatures, pressure};
    return layout;
}

} // namespace

class TestChartsLayout : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void jsonRoundTrip_data();
    void jsonRoundTrip();
    void rejectsMalformedJson_data();
    void rejectsMalformedJson();
    void settingsRoundTrip();
    void settingsWithoutLayout();
    void settingsWithBrokenText();
};

void TestChartsLayout::jsonRoundTrip_data()
{
    QTest::addColumn<DashboardLayout>("layout");
    QTest::newRow("empty") << DashboardLayout{};
    DashboardLayout all;
    all.windowMs = 0;
    all.charts.append(DashboardLayout::Chart{});
    QTest::newRow("window all, one empty chart") << all;
    QTest::newRow("two charts with limits") << sampleLayout();
}

void TestChartsLayout::jsonRoundTrip()
{
    QFETCH(DashboardLayout, layout);
    QString error = QStringLiteral("not cleared");
    const DashboardLayout read = DashboardLayout::fromJson(layout.toJson(), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(read, layout);
}

void TestChartsLayout::rejectsMalformedJson_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("errorPart");
    QTest::newRow("no window") << QByteArray(R"({"charts":[]})") << QStringLiteral("time window");
    QTest::newRow("negative window") << QByteArray(R"({"windowMs":-5,"charts":[]})") << QStringLiteral("time window");
    QTest::newRow("charts not an array") << QByteArray(R"({"windowMs":60000,"charts":{}})") << QStringLiteral("list of charts");
    QTest::newRow("chart not an object") << QByteArray(R"({"windowMs":60000,"charts":[3]})") << QStringLiteral("not a JSON object");
    QTest::newRow("series without measurement")
        << QByteArray(R"({"windowMs":60000,"charts":[{"title":"T","series":[{"source":"a"}]}]})")
        << QStringLiteral("names no measurement");
}

void TestChartsLayout::rejectsMalformedJson()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, errorPart);
    QString error;
    const DashboardLayout read = DashboardLayout::fromJson(QJsonDocument::fromJson(json).object(), &error);
    QVERIFY2(error.contains(errorPart), qPrintable(QStringLiteral("error was: \"%1\"").arg(error)));
    QVERIFY(read.charts.isEmpty());
}

void TestChartsLayout::settingsRoundTrip()
{
    QTemporaryDir dir;
    QVERIFY2(dir.isValid(), qPrintable(dir.errorString()));
    const QString path = dir.filePath(QStringLiteral("workspace.ini"));
    const DashboardLayout layout = sampleLayout();
    {
        QSettings settings(path, QSettings::IniFormat);
        layout.save(&settings, QStringLiteral("charts/line 3"));
        settings.sync();
        QCOMPARE(settings.status(), QSettings::NoError);
    }
    QSettings settings(path, QSettings::IniFormat);
    QString error;
    const std::optional<DashboardLayout> read = DashboardLayout::load(&settings, QStringLiteral("charts/line 3"), &error);
    QVERIFY2(read.has_value(), qPrintable(error));
    QCOMPARE(*read, layout);
}

void TestChartsLayout::settingsWithoutLayout()
{
    QTemporaryDir dir;
    QSettings settings(dir.filePath(QStringLiteral("empty.ini")), QSettings::IniFormat);
    QString error = QStringLiteral("not cleared");
    QVERIFY(!DashboardLayout::load(&settings, QStringLiteral("charts/none"), &error).has_value());
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

void TestChartsLayout::settingsWithBrokenText()
{
    QTemporaryDir dir;
    QSettings settings(dir.filePath(QStringLiteral("broken.ini")), QSettings::IniFormat);
    settings.setValue(QStringLiteral("charts/x/dashboard"), QStringLiteral("{not json"));
    QString error;
    QVERIFY(!DashboardLayout::load(&settings, QStringLiteral("charts/x"), &error).has_value());
    QVERIFY2(error.contains(QStringLiteral("not valid JSON")), qPrintable(error));
}

QTEST_GUILESS_MAIN(TestChartsLayout)
#include "tst_charts_layout.moc"
