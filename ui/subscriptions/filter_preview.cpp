#include "filter_preview.h"

#include "topics/topic_filter.h"
#include "topics/topic_tree_model.h"

#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QVBoxLayout>

FilterPreview::FilterPreview(QWidget *parent)
    : QWidget(parent)
{
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("previewSummary"));
    m_summary->setWordWrap(true);
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("previewList"));
    m_list->setUniformItemSizes(true);
    m_list->setSelectionMode(QAbstractItemView::NoSelection);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_summary);
    layout->addWidget(m_list, 1);

    m_timer.setSingleShot(true);
    m_timer.setInterval(UpdateIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &FilterPreview::refreshPreview);
    refreshPreview();
}

FilterPreview::~FilterPreview() = default;

void FilterPreview::setModel(TopicTreeModel *model)
{
    if (m_model)
        m_model->disconnect(this);
    m_model = model;
    if (m_model) {
        connect(m_model, &TopicTreeModel::topicUpdated, this, [this](const QString &topic) {
            // Under a flood nearly every update is for a known topic: skip
            // validating it again.
            if (m_index.contains(topic))
                return;
            const qsizetype before = m_index.size();
            QString error;
            if (!m_index.insert(topic, &error)) {
                // Brokers only deliver valid names; a broken one cannot match any filter.
                qWarning("FilterPreview: topic \"%s\" not indexed: %s", qPrintable(topic), qPrintable(error));
                return;
            }
            if (m_index.size() != before)
                scheduleUpdate();
        });
        connect(m_model, &QAbstractItemModel::modelReset, this, &FilterPreview::rebuildIndex);
    }
    rebuildIndex();
}

void FilterPreview::setFilter(const QString &filter)
{
    if (filter == m_filter)
        return;
    m_filter = filter;
    scheduleUpdate();
}

QString FilterPreview::summaryText() const
{
    return m_summary->text();
}

void FilterPreview::scheduleUpdate()
{
    if (!m_timer.isActive())
        m_timer.start();
}

void FilterPreview::rebuildIndex()
{
    m_index.clear();
    if (m_model) {
        // Depth-first over the whole tree; only rows that received a message are topics.
        QList<QModelIndex> pending{QModelIndex()};
        while (!pending.isEmpty()) {
            const QModelIndex parent = pending.takeLast();
            const int rows = m_model->rowCount(parent);
            for (int row = 0; row < rows; ++row) {
                const QModelIndex child = m_model->index(row, 0, parent);
                if (child.data(TopicTreeModel::HasMessageRole).toBool())
                    m_index.insert(child.data(TopicTreeModel::FullTopicRole).toString());
                pending.append(child);
            }
        }
    }
    scheduleUpdate();
}

void FilterPreview::refreshPreview()
{
    m_timer.stop();
    m_list->clear();
    m_listed.clear();
    const QLocale locale;
    if (m_filter.isEmpty()) {
        m_matchCount = -1;
        m_summary->setText(tr("Type a filter to see which of the %1 known topics it matches.").arg(locale.toString(qint64(m_index.size()))));
        Q_EMIT updated();
        return;
    }
    qint64 total = 0;
    TopicFilter::ValidationError error;
    m_listed = m_index.matchingTopics(m_filter, MaximumListedTopics, &total, &error);
    if (!error.isValid()) {
        m_matchCount = -1;
        m_summary->setText(tr("No preview: the filter is not valid."));
        Q_EMIT updated();
        return;
    }
    m_matchCount = total;
    m_list->addItems(m_listed);
    const QString known = locale.toString(qint64(m_index.size()));
    if (total == 0)
        m_summary->setText(tr("Matches none of the %1 topics received so far.").arg(known));
    else if (total > m_listed.size())
        m_summary->setText(tr("Matches %1 of the %2 topics received so far (first %3 listed).")
                               .arg(locale.toString(total), known, locale.toString(qint64(m_listed.size()))));
    else
        m_summary->setText(tr("Matches %1 of the %2 topics received so far.").arg(locale.toString(total), known));
    Q_EMIT updated();
}
