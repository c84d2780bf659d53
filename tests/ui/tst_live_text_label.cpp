#include "connection/live_text_label.h"

#include <QLabel>
#include <QTest>
#include <QVBoxLayout>

// LiveTextLabel: a text that changes often repaints the label only; a QLabel
// in the same place asks the window to lay out again on every change (which
// is why counters use LiveTextLabel).
class TestLiveTextLabel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void textChangesDoNotLayOutTheWindow_data();
    void textChangesDoNotLayOutTheWindow();
    void keepsTheTextAndATooltip();
};

namespace {

// Counts the layout requests that reach a widget.
class LayoutRequestCounter : public QObject
{
public:
    int count = 0;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::LayoutRequest)
            ++count;
        return QObject::eventFilter(watched, event);
    }
};

} // namespace

void TestLiveTextLabel::textChangesDoNotLayOutTheWindow_data()
{
    QTest::addColumn<bool>("live");
    QTest::newRow("LiveTextLabel") << true;
    QTest::newRow("QLabel, for comparison") << false;
}

void TestLiveTextLabel::textChangesDoNotLayOutTheWindow()
{
    QFETCH(bool, live);
    QWidget window;
    auto *layout = new QVBoxLayout(&window);
    auto *pane = new QWidget(&window);
    auto *paneLayout = new QVBoxLayout(pane);
    LiveTextLabel *liveLabel = live ? new LiveTextLabel(pane) : nullptr;
    QLabel *plainLabel = live ? nullptr : new QLabel(pane);
    paneLayout->addWidget(live ? static_cast<QWidget *>(liveLabel) : plainLabel);
    layout->addWidget(pane);
    window.resize(400, 100);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCoreApplication::processEvents();

    LayoutRequestCounter counter;
    window.installEventFilter(&counter);
    for (int i = 0; i < 50; ++i) {
        const QString text = QStringLiteral("%1 topics, %2 messages").arg(i * 7).arg(i * 1234567);
        if (live)
            liveLabel->setText(text);
        else
            plainLabel->setText(text);
        QCoreApplication::processEvents();
    }
    if (live)
        QCOMPARE(counter.count, 0);
    else
        QVERIFY2(counter.count > 0, "QLabel no longer asks for a layout: LiveTextLabel may not be needed");
}

void TestLiveTextLabel::keepsTheTextAndATooltip()
{
    LiveTextLabel label;
    QCOMPARE(label.text(), QString());
    label.setText(QStringLiteral("10,000 topics, 1,234,567 messages"));
    QCOMPARE(label.text(), QStringLiteral("10,000 topics, 1,234,567 messages"));
    QCOMPARE(label.toolTip(), label.text());
    QCOMPARE(label.sizeHint().height(), label.fontMetrics().height() + 2);
    QCOMPARE(label.sizePolicy().verticalPolicy(), QSizePolicy::Fixed);
}

QTEST_MAIN(TestLiveTextLabel)
#include "tst_live_text_label.moc"
