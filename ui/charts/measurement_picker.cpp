#include "measurement_picker.h"

#include "charts/chart_mime_data.h"
#include "measurement/measurement_list_model.h"
#include "measurement/measurement_search_proxy.h"

#include <QApplication>
#include <QDrag>
#include <QHeaderView>
#include <QLineEdit>
#include <QMimeData>
#include <QMouseEvent>
#include <QPushButton>
#include <QTreeView>
#include <QVBoxLayout>

MeasurementPicker::MeasurementPicker(MeasurementStore *store, QWidget *parent)
    : QWidget(parent)
    , m_model(new MeasurementListModel(store, this))
    , m_proxy(new MeasurementSearchProxy(this))
{
    m_proxy->setSourceModel(m_model);

    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("measurementSearch"));
    m_search->setPlaceholderText(tr("Search measurements: device, measurement, unit"));
    m_search->setClearButtonEnabled(true);
    connect(m_search, &QLineEdit::textChanged, m_proxy, &MeasurementSearchProxy::setSearchText);

    m_list = new QTreeView(this);
    m_list->setModel(m_proxy);
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setAllColumnsShowFocus(true);
    m_list->setSortingEnabled(true);
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->sortByColumn(MeasurementListModel::SourceColumn, Qt::AscendingOrder);
    QHeaderView *header = m_list->header();
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->resizeSection(MeasurementListModel::SourceColumn, 150);
    header->resizeSection(MeasurementListModel::MeasurementColumn, 100);
    header->resizeSection(MeasurementListModel::UnitColumn, 55);
    header->resizeSection(MeasurementListModel::ValueColumn, 60);
    m_list->setToolTip(tr("Drag measurements onto a chart, or double-click to add them to the current chart"));
    m_list->viewport()->installEventFilter(this);
    connect(m_list, &QTreeView::doubleClicked, this, [this](const QModelIndex &index) {
        Q_EMIT addRequested({keyAt(index)});
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
}

SeriesKey MeasurementPicker::keyAt(const QModelIndex &proxyIndex) const
{
    return m_model->keyAt(m_proxy->mapToSource(proxyIndex).row());
}

void MeasurementPicker::refresh()
{
    m_model->refresh();
}

void MeasurementPicker::setSearchText(const QString &text)
{
    m_search->setText(text);
}

QList<SeriesKey> MeasurementPicker::visibleKeys() const
{
    QList<SeriesKey> keys;
    for (int row = 0; row < m_proxy->rowCount(); ++row)
        keys.append(keyAt(m_proxy->index(row, 0)));
    return keys;
}

QList<SeriesKey> MeasurementPicker::selectedKeys() const
{
    QList<SeriesKey> keys;
    const QModelIndexList rows = m_list->selectionModel()->selectedRows();
    for (const QModelIndex &index : rows)
        keys.append(keyAt(index));
    return keys;
}

bool MeasurementPicker::eventFilter(QObject *watched, QEvent *event)
{
    if (watched != m_list->viewport())
        return QWidget::eventFilter(watched, event);
    // Drags are started here rather than by the view, so the payload is our
    // own format.
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
