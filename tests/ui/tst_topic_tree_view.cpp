#include "mqtt/mqtt_message.h"
#include "topics/topic_filter_proxy_model.h"
#include "topics/topic_tree_model.h"
#include "topictree/topic_tree_view.h"

#include <QElapsedTimer>
#include <QPaintEvent>
#include <QRegion>
#include <QTest>

// TopicTreeView repaints changed values itself instead of QTreeView's per-row
// bookkeeping: a new value under an expanded parent must still be repainted.
class TestTopicTreeView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void showsChangedValues();
};

namespace {

// Collects the viewport area repainted after it is installed.
class PaintSpy : public QObject
{
public:
    QRegion painted;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint)
            painted += static_cast<QPaintEvent *>(event)->region();
        return QObject::eventFilter(watched, event);
    }
};

MqttMessage message(const QString &topic, const QByteArray &payload)
{
    MqttMessage m;
    m.topic = topic;
    m.payload = payload;
    m.receivedAtMs = 1700000000000;
    return m;
}

} // namespace

void TestTopicTreeView::showsChangedValues()
{
    TopicTreeModel model;
    model.setUpdateIntervalMs(0);
    TopicFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    TopicTreeView view;
    view.setModel(&proxy);
    view.resize(700, 300);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    model.addMessages({message(QStringLiteral("line/press-1/temperature"), "1"),
                       message(QStringLiteral("line/press-2/temperature"), "1")});
    view.expandAll();
    QCoreApplication::processEvents();
    const QModelIndex row = proxy.mapFromSource(model.indexForTopic(QStringLiteral("line/press-2/temperature")));
    QVERIFY(row.isValid());
    const QRect value = view.visualRect(row.siblingAtColumn(TopicTreeModel::ValueColumn));
    QVERIFY(!value.isEmpty());
    QTest::qWait(50);   // the first paints are done

    PaintSpy paints;
    view.viewport()->installEventFilter(&paints);
    model.addMessages({message(QStringLiteral("line/press-2/temperature"), "8888888888")});
    QCOMPARE(row.siblingAtColumn(TopicTreeModel::ValueColumn).data().toString(), QStringLiteral("8888888888"));
    // At once, not with the view's once-a-second activity repaint.
    QElapsedTimer elapsed;
    elapsed.start();
    while (!paints.painted.intersects(value) && elapsed.elapsed() < 100)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
    QVERIFY2(paints.painted.intersects(value), "the changed value was not repainted");
}

QTEST_MAIN(TestTopicTreeView)
#include "tst_topic_tree_view.moc"
