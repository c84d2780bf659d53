#include "shadow_json_tree.h"

#include "shadow_json_text.h"

#include <QDateTime>
#include <QHeaderView>
#include <QLocale>
#include <QPainter>

ShadowJsonTree::ShadowJsonTree(QWidget *parent)
    : QTreeWidget(parent)
{
    setColumnCount(3);
    setHeaderLabels({tr("Key"), tr("Value"), tr("Updated")});
    setRootIsDecorated(true);
    setUniformRowHeights(true);
    setAlternatingRowColors(true);
    setSelectionMode(QAbstractItemView::SingleSelection);
    header()->setStretchLastSection(false);
    header()->setSectionResizeMode(KeyColumn, QHeaderView::ResizeToContents);
    header()->setSectionResizeMode(ValueColumn, QHeaderView::Stretch);
    header()->setSectionResizeMode(UpdatedColumn, QHeaderView::ResizeToContents);
}

void ShadowJsonTree::setSection(const QJsonObject &values, const QJsonObject &metadata, const QJsonObject &highlight)
{
    m_values = values;
    clear();
    addChildren(invisibleRootItem(), values, metadata, highlight);
    expandAll();
    viewport()->update();
}

void ShadowJsonTree::setPlaceholderText(const QString &text)
{
    m_placeholder = text;
    viewport()->update();
}

QTreeWidgetItem *ShadowJsonTree::itemForPath(const QStringList &path) const
{
    QTreeWidgetItem *item = invisibleRootItem();
    for (const QString &key : path) {
        QTreeWidgetItem *next = nullptr;
        for (int i = 0; i < item->childCount() && !next; ++i) {
            if (item->child(i)->text(KeyColumn) == key)
                next = item->child(i);
        }
        if (!next)
            return nullptr;
        item = next;
    }
    return item == invisibleRootItem() ? nullptr : item;
}

void ShadowJsonTree::paintEvent(QPaintEvent *event)
{
    QTreeWidget::paintEvent(event);
    if (topLevelItemCount() > 0 || m_placeholder.isEmpty())
        return;
    QPainter painter(viewport());
    painter.setPen(palette().color(QPalette::PlaceholderText));
    painter.drawText(viewport()->rect().adjusted(8, 8, -8, -8), Qt::AlignHCenter | Qt::AlignTop | Qt::TextWordWrap,
                     m_placeholder);
}

void ShadowJsonTree::addChildren(QTreeWidgetItem *parent, const QJsonObject &values, const QJsonObject &metadata,
                                 const QJsonObject &highlight)
{
    const QLocale locale;
    for (auto it = values.constBegin(); it != values.constEnd(); ++it) {
        auto *item = new QTreeWidgetItem(parent);
        item->setText(KeyColumn, it.key());
        const QJsonObject childMetadata = metadata.value(it.key()).toObject();
        const bool highlighted = highlight.contains(it.key());
        if (highlighted) {
            QFont font = item->font(KeyColumn);
            font.setBold(true);
            item->setFont(KeyColumn, font);
            item->setFont(ValueColumn, font);
        }
        if (it.value().isObject()) {
            addChildren(item, it.value().toObject(), childMetadata, highlight.value(it.key()).toObject());
            continue;
        }
        item->setText(ValueColumn, ShadowJsonText::compact(it.value()));
        item->setToolTip(ValueColumn, ShadowJsonText::compact(it.value()));
        const QJsonValue timestamp = childMetadata.value(QStringLiteral("timestamp"));
        if (timestamp.isDouble()) {
            const qint64 seconds = qint64(timestamp.toDouble());
            const QDateTime when = QDateTime::fromSecsSinceEpoch(seconds);
            item->setText(UpdatedColumn, locale.toString(when.time(), QLocale::ShortFormat));
            item->setToolTip(UpdatedColumn, tr("Last updated %1 (timestamp %2)")
                                                .arg(locale.toString(when, QLocale::LongFormat))
                                                .arg(seconds));
        }
    }
}
