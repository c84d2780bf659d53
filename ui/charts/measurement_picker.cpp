#include "measurement_picker.h"

#include "charts/chart_mime_data.h"
#include "measurement/measurement_store.h"

#include <QApplication>
#include <QDrag>
#include <QHeaderView>
#include <QLineEdit>
#include <QLocale>
#include <QMimeData>
#include <QMouseEvent>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <cstdlib>
#include <limits>

namespace {

enum Column { SourceColumn, MeasurementColumn, UnitColumn, ValueColumn, QualityColumn, SkewColumn, ColumnCount };
constexpr int SourceRole = Qt::UserRole + 1;
constexpr int MeasurementRole = Qt::UserRole + 2;

} // namespace

MeasurementPicker::MeasurementPicker(MeasurementStore *store, QWidget *parent)
    : QWidget(parent)
    , m_store(store)
{
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("measurementSearch"));
    m_search->setPlaceholderText(tr("Search measurements: device, measurement, unit"));
    m_search->setClearButtonEnabled(true);
    connect(m_search, &QLineEdit::textChanged, this, &MeasurementPicker::applySearch);

    m_list = new QTreeWidget(this);
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setSortingEnabled(true);
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_list->setColumnCount(ColumnCount);
    m_list->setHeaderLabels({tr("Device / topic"), tr("Measurement"), tr("Unit"), tr("Last"), tr("Quality"), tr("Clock skew")});
    m_list->sortByColumn(SourceColumn, Qt::AscendingOrder);
    m_list->header()->setSectionResizeMode(QHeaderView::Interactive);
    m_list->header()->resizeSection(SourceColumn, 150);
    m_list->header()->resizeSection(MeasurementColumn, 100);
    m_list->header()->resizeSection(UnitColumn, 55);
    m_list->header()->resizeSection(ValueColumn, 60);
    m_list->setToolTip(tr("Drag measurements onto a chart, or double-click to add them to the current chart"));
    m_list->viewport()->installEventFilter(this);
    connect(m_list, &QTreeWidget::itemDoubleClicked, this, [this](QTreeWidgetItem *item) {
        Q_EMIT addRequested({keyOf(item)});
    });

    auto *addButton = new QPushButton(tr("Add to Chart"), this);
    addButton->setToolTip(tr("Add the selected measurements to the current chart"));
    connect(addButton, &QPushButton::clicked, this, [this] {
        const QList<SeriesKey> keys = selectedKeys();
        if (!keys.isEmpty())
            Q_EMIT addRequested(keys);
    });

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(m_search);
    layout->addWidget(m_list, 1);
    layout->addWidget(addButton);

    connect(m_store, &MeasurementStore::seriesAdded, this, &MeasurementPicker::onSeriesAdded);
    connect(m_store, &MeasurementStore::cleared, this, [this] {
        m_list->clear();
        m_items.clear();
    });
    onSeriesAdded(m_store->seriesKeys());
}

SeriesKey MeasurementPicker::keyOf(const QTreeWidgetItem *item)
{
    return {item->data(SourceColumn, SourceRole).toString(), item->data(SourceColumn, MeasurementRole).toString()};
}

void MeasurementPicker::onSeriesAdded(const QList<SeriesKey> &keys)
{
    // Only the new rows are filled in and searched: walking every series per
    // notification cost a fifth of the GUI thread at 10,000 series.
    QList<QTreeWidgetItem *> added;
    m_list->setSortingEnabled(false);
    for (const SeriesKey &key : keys) {
        if (m_items.contains(key))
            continue;
        auto *item = new QTreeWidgetItem(m_list);
        item->setData(SourceColumn, SourceRole, key.source);
        item->setData(SourceColumn, MeasurementRole, key.measurement);
        item->setText(SourceColumn, key.source);
        item->setText(MeasurementColumn, key.measurement);
        item->setTextAlignment(ValueColumn, Qt::AlignRight | Qt::AlignVCenter);
        m_items.insert(key, item);
        added.append(item);
    }
    m_list->setSortingEnabled(true);
    const QLocale locale;
    const QStringList words = searchWords();
    for (QTreeWidgetItem *item : std::as_const(added)) {
        updateItem(item, m_store->seriesInfo(keyOf(item)), locale);
        applySearchTo(item, words);
    }
}

void MeasurementPicker::refresh()
{
    const QLocale locale;
    // Values change all the time, but only the rows on screen need them now;
    // a hidden list is brought up to date in full (it may be shown later).
    if (m_list->isVisible() && m_list->topLevelItemCount() > 0) {
        const QRect viewport = m_list->viewport()->rect();
        for (QTreeWidgetItem *item = m_list->itemAt(QPoint(0, viewport.top())); item; item = m_list->itemBelow(item)) {
            if (m_list->visualItemRect(item).top() > viewport.bottom())
                break;
            updateItem(item, m_store->seriesInfo(keyOf(item)), locale);
        }
        return;
    }
    const QList<MeasurementSeriesInfo> series = m_store->series();
    for (const MeasurementSeriesInfo &info : series) {
        if (QTreeWidgetItem *item = m_items.value(info.key))
            updateItem(item, info, locale);
    }
}

void MeasurementPicker::updateItem(QTreeWidgetItem *item, const MeasurementSeriesInfo &info, const QLocale &locale) const
{
    item->setText(UnitColumn, info.unit);
    item->setToolTip(SourceColumn, tr("%1\nTopic: %2\n%3 samples held, %4 evicted")
                                       .arg(info.key.source, info.topic)
                                       .arg(info.size)
                                       .arg(info.evictedCount));
    if (info.last) {
        item->setText(ValueColumn, locale.toString(info.last->value, 'g', 6));
        item->setText(QualityColumn, MeasurementQuality::displayName(info.last->quality));
    }
    if (const auto skew = m_store->clockSkew(info.key.source)) {
        // Receive time minus device time: positive means the device clock is behind.
        item->setText(SkewColumn, ClockSkewEstimator::displayText(skew->medianMs));
        item->setToolTip(SkewColumn, tr("Receive time minus device time for %1: median %2 ms, latest %3 ms (%n sample(s))", nullptr,
                                        int(std::min<qint64>(skew->observations, std::numeric_limits<int>::max())))
                                         .arg(info.key.source)
                                         .arg(skew->medianMs)
                                         .arg(skew->latestMs));
    }
}

void MeasurementPicker::setSearchText(const QString &text)
{
    m_search->setText(text);
    applySearch();
}

QStringList MeasurementPicker::searchWords() const
{
    return m_search->text().split(u' ', Qt::SkipEmptyParts);
}

void MeasurementPicker::applySearchTo(QTreeWidgetItem *item, const QStringList &words)
{
    const QString haystack = item->text(SourceColumn) + u' ' + item->text(MeasurementColumn) + u' '
        + item->text(UnitColumn) + u' ' + item->toolTip(SourceColumn);
    const bool match = std::all_of(words.cbegin(), words.cend(), [&haystack](const QString &word) {
        return haystack.contains(word, Qt::CaseInsensitive);
    });
    item->setHidden(!match);
}

void MeasurementPicker::applySearch()
{
    const QStringList words = searchWords();
    for (int i = 0; i < m_list->topLevelItemCount(); ++i)
        applySearchTo(m_list->topLevelItem(i), words);
}

QList<SeriesKey> MeasurementPicker::visibleKeys() const
{
    QList<SeriesKey> keys;
    for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
        const QTreeWidgetItem *item = m_list->topLevelItem(i);
        if (!item->isHidden())
            keys.append(keyOf(item));
    }
    return keys;
}

QList<SeriesKey> MeasurementPicker::selectedKeys() const
{
    QList<SeriesKey> keys;
    const QList<QTreeWidgetItem *> items = m_list->selectedItems();
    for (const QTreeWidgetItem *item : items) {
        if (!item->isHidden())
            keys.append(keyOf(item));
    }
    return keys;
}

bool MeasurementPicker::eventFilter(QObject *watched, QEvent *event)
{
    if (watched != m_list->viewport())
        return QWidget::eventFilter(watched, event);
    // Drags are started here rather than by the view, so the rows need no
    // drag flags and the payload is our own format.
    if (event->type() == QEvent::MouseButtonPress) {
        const auto *mouse = static_cast<QMouseEvent *>(event);
        m_pressed = mouse->button() == Qt::LeftButton;
        m_pressPos = mouse->position().toPoint();
    } else if (event->type() == QEvent::MouseButtonRelease) {
        m_pressed = false;
    } else if (event->type() == QEvent::MouseMove && m_pressed) {
        const auto *mouse = static_cast<QMouseEvent *>(event);
        if ((mouse->position().toPoint() - m_pressPos).manhattanLength() >= QApplication::startDragDistance()) {
            m_pressed = false;
            const QList<SeriesKey> keys = selectedKeys();
            if (!keys.isEmpty()) {
                auto *drag = new QDrag(m_list);
                drag->setMimeData(ChartMimeData::fromSeries(keys));
                drag->exec(Qt::CopyAction);
                return true;
            }
        }
    }
    return QWidget::eventFilter(watched, event);
}
