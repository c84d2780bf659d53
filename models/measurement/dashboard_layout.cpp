#include "dashboard_layout.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QSettings>

namespace {

const QString KeyWindow = QStringLiteral("windowMs");
const QString KeyCharts = QStringLiteral("charts");
const QString KeyTitle = QStringLiteral("title");
const QString KeySeries = QStringLiteral("series");
const QString KeySource = QStringLiteral("source");
const QString KeyMeasurement = QStringLiteral("measurement");
const QString KeyLow = QStringLiteral("low");
const QString KeyHigh = QStringLiteral("high");
const QString KeyRules = QStringLiteral("rules");
const QString SettingsKey = QStringLiteral("dashboard");

std::optional<double> optionalNumber(const QJsonObject &object, const QString &key)
{
    const QJsonValue value = object.value(key);
    if (!value.isDouble())
        return std::nullopt;
    return value.toDouble();
}

} // namespace

QJsonObject DashboardLayout::toJson() const
{
    QJsonArray charts;
    for (const Chart &chart : this->charts) {
        QJsonArray series;
        for (const Series &s : chart.series) {
            QJsonObject entry{{KeySource, s.key.source}, {KeyMeasurement, s.key.measurement}};
            if (s.low)
                entry.insert(KeyLow, *s.low);
            if (s.high)
                entry.insert(KeyHigh, *s.high);
            series.append(entry);
        }
        charts.append(QJsonObject{{KeyTitle, chart.title}, {KeySeries, series}});
    }
    QJsonObject object{{KeyWindow, double(windowMs)}, {KeyCharts, charts}};
    if (!rules.isEmpty())
        object.insert(KeyRules, MeasurementRule::toJson(rules));
    return object;
}

DashboardLayout DashboardLayout::fromJson(const QJsonObject &object, QString *error)
{
    const auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return DashboardLayout{};
    };
    DashboardLayout layout;
    const QJsonValue window = object.value(KeyWindow);
    if (!window.isDouble() || window.toDouble() < 0)
        return fail(tr("The dashboard has no valid time window."));
    layout.windowMs = qint64(window.toDouble());
    const QJsonValue charts = object.value(KeyCharts);
    if (!charts.isArray())
        return fail(tr("The dashboard has no list of charts."));
    for (const QJsonValue &chartValue : charts.toArray()) {
        if (!chartValue.isObject())
            return fail(tr("A chart of the dashboard is not a JSON object."));
        const QJsonObject chartObject = chartValue.toObject();
        Chart chart;
        chart.title = chartObject.value(KeyTitle).toString();
        for (const QJsonValue &seriesValue : chartObject.value(KeySeries).toArray()) {
            const QJsonObject seriesObject = seriesValue.toObject();
            Series series;
            series.key.source = seriesObject.value(KeySource).toString();
            series.key.measurement = seriesObject.value(KeyMeasurement).toString();
            if (series.key.measurement.isEmpty())
                return fail(tr("A series of chart \"%1\" names no measurement.").arg(chart.title));
            series.low = optionalNumber(seriesObject, KeyLow);
            series.high = optionalNumber(seriesObject, KeyHigh);
            chart.series.append(series);
        }
        layout.charts.append(chart);
    }
    const QJsonValue rules = object.value(KeyRules);
    if (!rules.isUndefined() && !rules.isArray())
        return fail(tr("The dashboard's measurement rules are not a list."));
    QStringList ruleErrors;
    layout.rules = MeasurementRule::fromJson(rules.toArray(), &ruleErrors);
    if (!ruleErrors.isEmpty())
        return fail(ruleErrors.constFirst());
    if (error)
        error->clear();
    return layout;
}

void DashboardLayout::save(QSettings *settings, const QString &group) const
{
    settings->beginGroup(group);
    settings->setValue(SettingsKey, QString::fromUtf8(QJsonDocument(toJson()).toJson(QJsonDocument::Compact)));
    settings->endGroup();
}

std::optional<DashboardLayout> DashboardLayout::load(QSettings *settings, const QString &group, QString *error)
{
    settings->beginGroup(group);
    const QVariant value = settings->value(SettingsKey);
    settings->endGroup();
    if (!value.isValid()) {
        if (error)
            error->clear();
        return std::nullopt;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(value.toString().toUtf8(), &parseError);
    if (!document.isObject()) {
        if (error)
            *error = tr("The saved dashboard is not valid JSON: %1").arg(parseError.errorString());
        return std::nullopt;
    }
    QString readError;
    DashboardLayout layout = fromJson(document.object(), &readError);
    if (!readError.isEmpty()) {
        if (error)
            *error = readError;
        return std::nullopt;
    }
    if (error)
        error->clear();
    return layout;
}
