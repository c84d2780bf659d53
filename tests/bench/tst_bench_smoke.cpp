// Runs every benchmark with --smoke (small counts) and checks that its JSON
// result has the fields the README and the targets rely on, and
// that nothing was lost. Figures are not judged here: benchmarks, not
// timed unit tests, measure speed.
#include <QCoreApplication>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

class TestBenchSmoke : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void smoke_data();
    void smoke();
};

namespace {

// "a/b/0/c": object keys and array positions.
QJsonValue valueAt(const QJsonValue &root, const QString &path)
{
    QJsonValue value = root;
    for (const QString &part : path.split(QLatin1Char('/'))) {
        bool isIndex = false;
        const int index = part.toInt(&isIndex);
        value = isIndex ? value.toArray().at(index) : value.toObject().value(part);
    }
    return value;
}

} // namespace

void TestBenchSmoke::smoke_data()
{
    QTest::addColumn<QString>("program");
    QTest::addColumn<QStringList>("numbers");   // must be present and numeric
    QTest::addColumn<QStringList>("zeros");     // must be present and 0

    QTest::newRow("ingest-core") << QStringLiteral("bench_ingest_core")
        << QStringList{QStringLiteral("ratio"), QStringLiteral("baseline_mosquitto_sub/rate"),
                       QStringLiteral("linescope/rate"), QStringLiteral("linescope/rss_bytes")}
        << QStringList{QStringLiteral("linescope/lost"), QStringLiteral("baseline_mosquitto_sub/lost")};
    QTest::newRow("ingest-gui") << QStringLiteral("bench_ingest_gui")
        << QStringList{QStringLiteral("ratio"), QStringLiteral("linescope/rate"), QStringLiteral("linescope/stall_ms_p50"),
                       QStringLiteral("linescope/stall_ms_p99"), QStringLiteral("linescope/stall_ms_max"), QStringLiteral("chart_series")}
        << QStringList{QStringLiteral("linescope/lost"), QStringLiteral("baseline_mosquitto_sub/lost")};
    QTest::newRow("chart-render") << QStringLiteral("bench_chart_render")
        << QStringList{QStringLiteral("median_ms"), QStringLiteral("p95_ms"), QStringLiteral("max_pushed_points_per_series")}
        << QStringList{};
    QTest::newRow("topics-scale") << QStringLiteral("bench_topics_scale")
        << QStringList{QStringLiteral("runs/0/linescope/load_seconds"), QStringLiteral("runs/0/linescope/rss_bytes_per_topic"),
                       QStringLiteral("runs/0/linescope/search_ms_median"), QStringLiteral("runs/0/linescope/expand_root_ms"),
                       QStringLiteral("runs/0/load_ratio")}
        << QStringList{QStringLiteral("runs/0/linescope/lost"), QStringLiteral("runs/0/baseline_mosquitto_sub/lost")};
    QTest::newRow("match") << QStringLiteral("bench_match")
        << QStringList{QStringLiteral("topics_per_s"), QStringLiteral("total_matches"), QStringLiteral("filter_index_build_ms")}
        << QStringList{QStringLiteral("count_mismatches")};
}

void TestBenchSmoke::smoke()
{
    QFETCH(QString, program);
    QFETCH(QStringList, numbers);
    QFETCH(QStringList, zeros);

    QProcess bench;
    bench.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    bench.start(QDir(QCoreApplication::applicationDirPath()).filePath(program), {QStringLiteral("--smoke")});
    QVERIFY2(bench.waitForFinished(180000), qPrintable(program + QStringLiteral(" did not finish: ") + bench.errorString()));
    const QByteArray output = bench.readAllStandardOutput();
    QVERIFY2(bench.exitStatus() == QProcess::NormalExit && bench.exitCode() == 0,
             qPrintable(QStringLiteral("%1 exited with %2: %3").arg(program).arg(bench.exitCode()).arg(QString::fromUtf8(output))));
    const QByteArray lastLine = output.trimmed().split('\n').constLast();
    QJsonParseError error;
    const QJsonDocument result = QJsonDocument::fromJson(lastLine, &error);
    QVERIFY2(result.isObject(), qPrintable(QStringLiteral("not a JSON object (%1): %2").arg(error.errorString(), QString::fromUtf8(lastLine))));
    QVERIFY(!result.object().value(QStringLiteral("benchmark")).toString().isEmpty());
    for (const QString &path : numbers)
        QVERIFY2(valueAt(result.object(), path).isDouble(), qPrintable(path + QStringLiteral(" missing in ") + QString::fromUtf8(lastLine)));
    for (const QString &path : zeros) {
        const QJsonValue value = valueAt(result.object(), path);
        QVERIFY2(value.isDouble() && value.toDouble() == 0, qPrintable(path + QStringLiteral(" is not 0 in ") + QString::fromUtf8(lastLine)));
    }
}

QTEST_GUILESS_MAIN(TestBenchSmoke)
#include "tst_bench_smoke.moc"
