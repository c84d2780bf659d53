#include "measurement/measurement_list_model.h"
#include "measurement/measurement_search_proxy.h"
#include "measurement/measurement_store.h"
#include "mqtt/mqtt_message.h"

#include <QDateTime>
#include <QLocale>
#include <QSignalSpy>
#include <QTest>

// MeasurementListModel and MeasurementSearchProxy on a real MeasurementStore:
// one insertion per store batch, values read live, refresh() as one change
// over the value columns, search by words, numeric sorting, clearing.
class TestMeasurementListModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void appendsNewSeriesOncePerBatch();
    void showsCurrentValues();
    void refreshIsOneChange();
    void searchNeedsEveryWord_data();
    void searchNeedsEveryWord();
    void sortsValuesAsNumbers();
    void clearEmptiesTheList();

private:
    void ingest(const QList<MqttMessage> &messages) { m_store->ingest(messages); }

    MeasurementStore *m_store = nullptr;
    MeasurementListModel *m_model = nullptr;
};

namespace {

const qint64 kBaseMs = QDateTime(QDate(2026, 5, 4), QTime(14, 23, 41), Qt::UTC).toMSecsSinceEpoch();

QString topicOf(const QString &device)
{
    return QStringLiteral("factory/chicago/building-a/line-3/%1/telemetry").arg(device);
}

// A seed-schema message from device with one measurement per (name, value, unit).
MqttMessage telemetry(const QString &device, const QList<std::tuple<QString, double, QString>> &measurements,
                      const QString &quality = QStringLiteral("good"), qint64 deviceMs = kBaseMs)
{
    QStringList items;
    for (const auto &[name, value, unit] : measurements) {
        items.append(QStringLiteral(R"({"name": "%1", "value": %2, "unit": "%3", "quality": "%4"})")
                         .arg(name)
                         .arg(value)
                         .arg(unit, quality));
    }
    MqttMessage message;
    message.topic = topicOf(device);
    message.payload = QStringLiteral(R"({"timestamp": %1, "deviceId": "%2", "measurements": [%3]})")
                          .arg(deviceMs)
                          .arg(device, items.join(u','))
                          .toUtf8();
    message.receivedAtMs = deviceMs + 250;
    return message;
}

QString text(const QAbstractItemModel *model, int row, int column)
{
    return model->index(row, column).data().toString();
}

} // namespace

void TestMeasurementListModel::init()
{
    m_store = new MeasurementStore;
    m_model = new MeasurementListModel(m_store, m_store);
}

void TestMeasurementListModel::cleanup()
{
    delete m_store;
}

void TestMeasurementListModel::appendsNewSeriesOncePerBatch()
{
    QSignalSpy inserted(m_model, &QAbstractItemModel::rowsInserted);
    ingest({telemetry(QStringLiteral("press-7"), {{QStringLiteral("pressure"), 4.2, QStringLiteral("bar")},
                                                  {QStringLiteral("temperature"), 71.5, QStringLiteral("degC")}}),
            telemetry(QStringLiteral("press-8"), {{QStringLiteral("pressure"), 3.9, QStringLiteral("bar")}})});
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(inserted.at(0).at(1).toInt(), 0);
    QCOMPARE(inserted.at(0).at(2).toInt(), 2);
    QCOMPARE(m_model->rowCount(), 3);

    // Known series add no rows; a new one is appended after them.
    ingest({telemetry(QStringLiteral("press-7"), {{QStringLiteral("pressure"), 4.3, QStringLiteral("bar")},
                                                  {QStringLiteral("cycles"), 12, QString()}})});
    QCOMPARE(inserted.size(), 2);
    QCOMPARE(inserted.at(1).at(1).toInt(), 3);
    QCOMPARE(inserted.at(1).at(2).toInt(), 3);
    QCOMPARE(m_model->keyAt(3), (SeriesKey{QStringLiteral("press-7"), QStringLiteral("cycles")}));
    ingest({telemetry(QStringLiteral("press-8"), {{QStringLiteral("pressure"), 4.0, QStringLiteral("bar")}})});
    QCOMPARE(inserted.size(), 2);
    QCOMPARE(m_model->rowCount(), 4);
    QCOMPARE(m_model->keyAt(4), SeriesKey{});
}

void TestMeasurementListModel::showsCurrentValues()
{
    // A model made after the store has data lists it too.
    ingest({telemetry(QStringLiteral("press-7"), {{QStringLiteral("pressure"), 4.25, QStringLiteral("bar")}},
                      QStringLiteral("uncertain"))});
    MeasurementListModel late(m_store);
    for (const QAbstractItemModel *model : {static_cast<QAbstractItemModel *>(m_model), static_cast<QAbstractItemModel *>(&late)}) {
        QCOMPARE(model->rowCount(), 1);
        QCOMPARE(text(model, 0, MeasurementListModel::SourceColumn), QStringLiteral("press-7"));
        QCOMPARE(text(model, 0, MeasurementListModel::MeasurementColumn), QStringLiteral("pressure"));
        QCOMPARE(text(model, 0, MeasurementListModel::UnitColumn), QStringLiteral("bar"));
        QCOMPARE(text(model, 0, MeasurementListModel::ValueColumn), QLocale().toString(4.25, 'g', 6));
        QCOMPARE(text(model, 0, MeasurementListModel::QualityColumn), MeasurementQuality::displayName(Quality::Uncertain));
        const auto skew = m_store->clockSkew(QStringLiteral("press-7"));
        QVERIFY(skew);
        QCOMPARE(text(model, 0, MeasurementListModel::SkewColumn), ClockSkewEstimator::displayText(skew->medianMs));
        QVERIFY(model->index(0, MeasurementListModel::SourceColumn).data(Qt::ToolTipRole).toString().contains(topicOf(QStringLiteral("press-7"))));
        QCOMPARE(model->headerData(MeasurementListModel::ValueColumn, Qt::Horizontal).toString(), QStringLiteral("Last"));
    }
    // Values are read when asked: the newest sample shows without a refresh.
    ingest({telemetry(QStringLiteral("press-7"), {{QStringLiteral("pressure"), 5.5, QStringLiteral("bar")}},
                      QStringLiteral("bad"), kBaseMs + 1000)});
    QCOMPARE(text(m_model, 0, MeasurementListModel::ValueColumn), QLocale().toString(5.5, 'g', 6));
    QCOMPARE(text(m_model, 0, MeasurementListModel::QualityColumn), MeasurementQuality::displayName(Quality::Bad));
}

void TestMeasurementListModel::refreshIsOneChange()
{
    QList<MqttMessage> batch;
    for (int i = 0; i < 50; ++i)
        batch.append(telemetry(QStringLiteral("press-%1").arg(i), {{QStringLiteral("pressure"), 1.0 + i, QStringLiteral("bar")}}));
    ingest(batch);
    QSignalSpy changed(m_model, &QAbstractItemModel::dataChanged);
    m_model->refresh();
    QCOMPARE(changed.size(), 1);
    const auto topLeft = changed.at(0).at(0).value<QModelIndex>();
    const auto bottomRight = changed.at(0).at(1).value<QModelIndex>();
    QCOMPARE(topLeft.row(), 0);
    QCOMPARE(topLeft.column(), int(MeasurementListModel::UnitColumn));
    QCOMPARE(bottomRight.row(), 49);
    QCOMPARE(bottomRight.column(), int(MeasurementListModel::SkewColumn));
}

void TestMeasurementListModel::searchNeedsEveryWord_data()
{
    QTest::addColumn<QString>("search");
    QTest::addColumn<QStringList>("expected");   // sources/measurements in sorted order
    QTest::newRow("empty") << QString() << QStringList{"oven-1/temperature", "press-7/pressure", "press-7/temperature"};
    QTest::newRow("device and unit") << QStringLiteral("press-7 bar") << QStringList{"press-7/pressure"};
    QTest::newRow("ignores case") << QStringLiteral("PRESS-7 DEGC") << QStringList{"press-7/temperature"};
    QTest::newRow("topic words") << QStringLiteral("line-3 oven") << QStringList{"oven-1/temperature"};
    QTest::newRow("one word missing") << QStringLiteral("press-7 kelvin") << QStringList{};
}

void TestMeasurementListModel::searchNeedsEveryWord()
{
    QFETCH(QString, search);
    QFETCH(QStringList, expected);
    ingest({telemetry(QStringLiteral("press-7"), {{QStringLiteral("temperature"), 71.5, QStringLiteral("degC")},
                                                  {QStringLiteral("pressure"), 4.2, QStringLiteral("bar")}}),
            telemetry(QStringLiteral("oven-1"), {{QStringLiteral("temperature"), 180, QStringLiteral("degC")}})});
    MeasurementSearchProxy proxy;
    proxy.setSourceModel(m_model);
    proxy.sort(MeasurementListModel::SourceColumn);
    proxy.setSearchText(search);
    QStringList shown;
    for (int row = 0; row < proxy.rowCount(); ++row) {
        shown.append(text(&proxy, row, MeasurementListModel::SourceColumn) + u'/'
                     + text(&proxy, row, MeasurementListModel::MeasurementColumn));
    }
    if (search.isEmpty())
        shown.sort();   // same source: the order of its measurements is not part of the contract
    QCOMPARE(shown, expected);
}

void TestMeasurementListModel::sortsValuesAsNumbers()
{
    // As text "10" < "9" < "100"; as numbers 9 < 10 < 100.
    ingest({telemetry(QStringLiteral("a"), {{QStringLiteral("x"), 10, QString()}}),
            telemetry(QStringLiteral("b"), {{QStringLiteral("x"), 100, QString()}}),
            telemetry(QStringLiteral("c"), {{QStringLiteral("x"), 9, QString()}})});
    MeasurementSearchProxy proxy;
    proxy.setSourceModel(m_model);
    proxy.sort(MeasurementListModel::ValueColumn, Qt::AscendingOrder);
    QStringList sources;
    for (int row = 0; row < proxy.rowCount(); ++row)
        sources.append(text(&proxy, row, MeasurementListModel::SourceColumn));
    QCOMPARE(sources, (QStringList{"c", "a", "b"}));
    // A new series lands in its sorted place.
    ingest({telemetry(QStringLiteral("d"), {{QStringLiteral("x"), 50, QString()}})});
    sources.clear();
    for (int row = 0; row < proxy.rowCount(); ++row)
        sources.append(text(&proxy, row, MeasurementListModel::SourceColumn));
    QCOMPARE(sources, (QStringList{"c", "a", "d", "b"}));
}

void TestMeasurementListModel::clearEmptiesTheList()
{
    ingest({telemetry(QStringLiteral("press-7"), {{QStringLiteral("pressure"), 4.2, QStringLiteral("bar")}})});
    QSignalSpy reset(m_model, &QAbstractItemModel::modelReset);
    m_store->clear();
    QCOMPARE(reset.size(), 1);
    QCOMPARE(m_model->rowCount(), 0);
    ingest({telemetry(QStringLiteral("press-7"), {{QStringLiteral("pressure"), 4.4, QStringLiteral("bar")}})});
    QCOMPARE(m_model->rowCount(), 1);
    QCOMPARE(text(m_model, 0, MeasurementListModel::ValueColumn), QLocale().toString(4.4, 'g', 6));
}

QTEST_GUILESS_MAIN(TestMeasurementListModel)
#include "tst_measurement_list_model.moc"
