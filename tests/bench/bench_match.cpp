// Subscription matching benchmark: builds N topics in the seed scheme
// factory/{site}/{building}/{line}/{asset}/{measurement} and M filters (exact,
// '+' and '#'), then measures TopicFilterIndex (every topic against all
// filters) and TopicNameIndex (live-preview queries). Prints one JSON object
// on stdout; exits 1 when the two indexes disagree on a match count.
// Build in Release for meaningful numbers; --smoke is a quick sanity run.

#include "subscriptions/topic_filter_index.h"
#include "subscriptions/topic_name_index.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QRandomGenerator>
#include <QStringList>
#include <QTextStream>

#include <vector>

namespace {

struct Scheme
{
    int sites = 0;
    int buildings = 0;
    int lines = 0;
    int assets = 0;
    int measurements = 0;

    qint64 topicCount() const { return qint64(sites) * buildings * lines * assets * measurements; }
};

const QStringList siteNames = {
    QStringLiteral("chicago"), QStringLiteral("dallas"), QStringLiteral("detroit"), QStringLiteral("monterrey"),
    QStringLiteral("lyon"), QStringLiteral("stuttgart"), QStringLiteral("pune"), QStringLiteral("suzhou"),
    QStringLiteral("nagoya"), QStringLiteral("curitiba"),
};
const QStringList assetKinds = {QStringLiteral("press"), QStringLiteral("oven"), QStringLiteral("robot"),
                                QStringLiteral("conveyor"), QStringLiteral("filler")};
const QStringList measurementKinds = {
    QStringLiteral("temperature"), QStringLiteral("pressure"), QStringLiteral("vibration"), QStringLiteral("speed"),
    QStringLiteral("current"), QStringLiteral("voltage"), QStringLiteral("torque"), QStringLiteral("flow"),
    QStringLiteral("status"), QStringLiteral("telemetry"),
};

QString siteName(int i)
{
    return i < siteNames.size() ? siteNames.at(i) : QStringLiteral("site-%1").arg(i);
}

QString measurementName(int i)
{
    const QString &kind = measurementKinds.at(i % measurementKinds.size());
    return i < measurementKinds.size() ? kind : QStringLiteral("%1-%2").arg(kind).arg(i / measurementKinds.size());
}

QStringList makeTopics(const Scheme &s)
{
    QStringList topics;
    topics.reserve(s.topicCount());
    for (int site = 0; site < s.sites; ++site) {
        for (int building = 0; building < s.buildings; ++building) {
            for (int line = 0; line < s.lines; ++line) {
                for (int asset = 0; asset < s.assets; ++asset) {
                    const QString prefix = QStringLiteral("factory/%1/building-%2/line-%3/%4-%5/")
                                               .arg(siteName(site), QChar(u'a' + building))
                                               .arg(line + 1)
                                               .arg(assetKinds.at(asset % assetKinds.size()))
                                               .arg(asset + 1);
                    for (int m = 0; m < s.measurements; ++m)
                        topics.append(prefix + measurementName(m));
                }
            }
        }
    }
    return topics;
}

// 40% exact, 40% one or two levels replaced by '+', 20% a building, line or
// asset prefix + "/#" (a site-wide '#' would dwarf everything else).
QStringList makeFilters(const QStringList &topics, int count, QRandomGenerator &random)
{
    QStringList filters;
    filters.reserve(count);
    while (filters.size() < count) {
        QStringList levels = topics.at(random.bounded(int(topics.size()))).split(u'/');
        const int kind = random.bounded(10);
        if (kind < 4) {
            filters.append(levels.join(u'/'));
        } else if (kind < 8) {
            const int wildcards = random.bounded(1, 3);
            for (int i = 0; i < wildcards; ++i)
                levels[random.bounded(1, int(levels.size()))] = QStringLiteral("+");
            filters.append(levels.join(u'/'));
        } else {
            levels.resize(random.bounded(3, int(levels.size())));
            levels.append(QStringLiteral("#"));
            filters.append(levels.join(u'/'));
        }
    }
    return filters;
}

// Resident set size in bytes from /proc (Linux); null where that is not available.
QJsonValue procStatusBytes(const char *field)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly | QIODevice::Text))
        return QJsonValue(QJsonValue::Null);
    const QByteArray key = QByteArray(field) + ':';
    const QList<QByteArray> lines = status.readAll().split('\n');
    for (const QByteArray &line : lines) {
        if (line.startsWith(key)) {
            const QList<QByteArray> parts = line.mid(key.size()).simplified().split(' ');
            bool ok = false;
            const qint64 kib = parts.value(0).toLongLong(&ok);
            return ok ? QJsonValue(double(kib) * 1024.0) : QJsonValue(QJsonValue::Null);
        }
    }
    return QJsonValue(QJsonValue::Null);
}

QJsonValue difference(const QJsonValue &after, const QJsonValue &before)
{
    if (after.isNull() || before.isNull())
        return QJsonValue(QJsonValue::Null);
    return after.toDouble() - before.toDouble();
}

double perSecond(qint64 count, qint64 nanoseconds)
{
    return nanoseconds > 0 ? double(count) * 1e9 / double(nanoseconds) : 0.0;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QTextStream err(stderr);

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "bench_match", "Measures subscription matching over topics in the seed scheme and prints JSON."));
    parser.addHelpOption();
    const QCommandLineOption smokeOption(QStringLiteral("smoke"),
                                         QCoreApplication::translate("bench_match", "Small counts, for a quick check."));
    const QCommandLineOption filtersOption(QStringLiteral("filters"),
                                           QCoreApplication::translate("bench_match", "Number of filters (default 10000)."),
                                           QStringLiteral("count"), QStringLiteral("10000"));
    const QCommandLineOption previewOption(
        QStringLiteral("preview-queries"),
        QCoreApplication::translate("bench_match", "Number of live-preview queries (default 1000)."),
        QStringLiteral("count"), QStringLiteral("1000"));
    const QCommandLineOption seedOption(QStringLiteral("seed"),
                                        QCoreApplication::translate("bench_match", "Random seed (default 1)."),
                                        QStringLiteral("seed"), QStringLiteral("1"));
    parser.addOptions({smokeOption, filtersOption, previewOption, seedOption});
    parser.process(app);

    bool ok = true;
    const bool smoke = parser.isSet(smokeOption);
    int filterCount = parser.value(filtersOption).toInt(&ok);
    if (!ok || filterCount <= 0) {
        err << QCoreApplication::translate("bench_match", "Invalid --filters value: %1").arg(parser.value(filtersOption)) << '\n';
        return 1;
    }
    int previewCount = parser.value(previewOption).toInt(&ok);
    if (!ok || previewCount < 0) {
        err << QCoreApplication::translate("bench_match", "Invalid --preview-queries value: %1").arg(parser.value(previewOption))
            << '\n';
        return 1;
    }
    const quint32 seed = parser.value(seedOption).toUInt(&ok);
    if (!ok) {
        err << QCoreApplication::translate("bench_match", "Invalid --seed value: %1").arg(parser.value(seedOption)) << '\n';
        return 1;
    }

    // 10 sites x 5 buildings x 10 lines x 50 assets x 40 measurements = 1M.
    Scheme scheme{10, 5, 10, 50, 40};
    if (smoke) {
        scheme = Scheme{2, 2, 2, 5, 10};
        if (!parser.isSet(filtersOption))
            filterCount = 100;
        if (!parser.isSet(previewOption))
            previewCount = filterCount;
    }
    previewCount = qMin(previewCount, filterCount);

    const QJsonValue rssStart = procStatusBytes("VmRSS");
    const QStringList topics = makeTopics(scheme);
    QRandomGenerator random(seed);
    const QStringList filters = makeFilters(topics, filterCount, random);
    const QJsonValue rssData = procStatusBytes("VmRSS");

    QElapsedTimer timer;
    timer.start();
    TopicFilterIndex filterIndex;
    for (int id = 0; id < filters.size(); ++id) {
        const TopicFilter::ValidationError error = filterIndex.insert(filters.at(id), id);
        if (!error.isValid()) {
            err << QCoreApplication::translate("bench_match", "Generated filter %1 was rejected: %2")
                       .arg(filters.at(id), error.message)
                << '\n';
            return 1;
        }
    }
    const qint64 filterBuildNs = timer.nsecsElapsed();
    const QJsonValue rssFilterIndex = procStatusBytes("VmRSS");

    timer.restart();
    TopicNameIndex nameIndex;
    for (const QString &topic : topics) {
        QString error;
        if (!nameIndex.insert(topic, &error)) {
            err << QCoreApplication::translate("bench_match", "Generated topic %1 was rejected: %2").arg(topic, error)
                << '\n';
            return 1;
        }
    }
    const qint64 nameBuildNs = timer.nsecsElapsed();
    const QJsonValue rssNameIndex = procStatusBytes("VmRSS");

    // Every topic against all filters, counting matches per filter so the
    // preview pass below can be checked against it.
    std::vector<qint64> perFilter(size_t(filters.size()), 0);
    QList<int> ids;
    qint64 totalMatches = 0;
    timer.restart();
    for (const QString &topic : topics) {
        ids.clear();
        filterIndex.match(topic, ids);
        totalMatches += ids.size();
        for (const int id : ids)
            ++perFilter[size_t(id)];
    }
    const qint64 matchNs = timer.nsecsElapsed();

    // Live preview: first 100 topics plus the total for each filter.
    qint64 previewTopics = 0;
    int mismatches = 0;
    timer.restart();
    for (int id = 0; id < previewCount; ++id) {
        qint64 total = 0;
        previewTopics += nameIndex.matchingTopics(filters.at(id), 100, &total).size();
        if (total != perFilter[size_t(id)]) {
            if (mismatches == 0) {
                err << QCoreApplication::translate("bench_match",
                                                   "Indexes disagree on %1: TopicNameIndex counts %2, TopicFilterIndex %3")
                           .arg(filters.at(id))
                           .arg(total)
                           .arg(perFilter[size_t(id)])
                    << '\n';
            }
            ++mismatches;
        }
    }
    const qint64 previewNs = timer.nsecsElapsed();

    QJsonObject result{
        {QStringLiteral("benchmark"), QStringLiteral("match")},
        {QStringLiteral("smoke"), smoke},
        {QStringLiteral("seed"), double(seed)},
        {QStringLiteral("topics"), double(topics.size())},
        {QStringLiteral("filters"), double(filters.size())},
        {QStringLiteral("filter_index_build_ms"), double(filterBuildNs) / 1e6},
        {QStringLiteral("name_index_build_ms"), double(nameBuildNs) / 1e6},
        {QStringLiteral("match_ms"), double(matchNs) / 1e6},
        {QStringLiteral("topics_per_s"), perSecond(topics.size(), matchNs)},
        {QStringLiteral("total_matches"), double(totalMatches)},
        {QStringLiteral("preview_queries"), previewCount},
        {QStringLiteral("preview_topics_returned"), double(previewTopics)},
        {QStringLiteral("preview_queries_per_s"), perSecond(previewCount, previewNs)},
        {QStringLiteral("count_mismatches"), mismatches},
        {QStringLiteral("rss_bytes"), procStatusBytes("VmRSS")},
        {QStringLiteral("peak_rss_bytes"), procStatusBytes("VmHWM")},
        {QStringLiteral("test_data_rss_bytes"), difference(rssData, rssStart)},
        {QStringLiteral("filter_index_rss_bytes"), difference(rssFilterIndex, rssData)},
        {QStringLiteral("name_index_rss_bytes"), difference(rssNameIndex, rssFilterIndex)},
    };
    QTextStream(stdout) << QJsonDocument(result).toJson(QJsonDocument::Compact) << '\n';
    return mismatches == 0 && totalMatches > 0 ? 0 : 1;
}
