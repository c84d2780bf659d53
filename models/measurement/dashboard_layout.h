#pragma once

#include "measurement_rule.h"
#include "measurement_sample.h"

#include <QCoreApplication>
#include <QMetaType>
#include <QList>
#include <QString>

#include <optional>

QT_FORWARD_DECLARE_CLASS(QJsonObject)
QT_FORWARD_DECLARE_CLASS(QSettings)

// What a chart dashboard shows, without any widget: the charts, their series
// with optional limit lines, the time window and the measurement rules for
// JSON payloads outside the seed schema. Saved with the workspace.
//
// Stored in QSettings as one JSON text under "<group>/dashboard" so that a
// layout written by a newer LineScope with extra fields still loads (unknown
// keys are ignored). Pure value type; callable from any thread (the QSettings
// object must be used on the thread that owns it).
struct DashboardLayout
{
    Q_DECLARE_TR_FUNCTIONS(DashboardLayout)
public:
    struct Series
    {
        SeriesKey key;
        std::optional<double> low;    // violation when a value is below
        std::optional<double> high;   // violation when a value is above
        friend bool operator==(const Series &, const Series &) = default;
    };
    struct Chart
    {
        QString title;                // empty: named after its series
        QList<Series> series;
        friend bool operator==(const Chart &, const Chart &) = default;
    };

    qint64 windowMs = 10 * 60 * 1000;   // 0 = all data
    QList<Chart> charts;
    QList<MeasurementRule> rules;       // in match order

    friend bool operator==(const DashboardLayout &, const DashboardLayout &) = default;

    QJsonObject toJson() const;
    // Reads what toJson() wrote. On a malformed document returns an empty
    // layout and sets *error (translated) when error is not null.
    static DashboardLayout fromJson(const QJsonObject &object, QString *error = nullptr);

    void save(QSettings *settings, const QString &group) const;
    // std::nullopt when nothing was saved under group, or it could not be read
    // (then *error says why).
    static std::optional<DashboardLayout> load(QSettings *settings, const QString &group, QString *error = nullptr);
};

Q_DECLARE_METATYPE(DashboardLayout)
