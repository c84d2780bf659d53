#include "message_diff_view.h"

#include "payload_format.h"

#include <QComboBox>
#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QPushButton>
#include <QSignalBlocker>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace {

const QColor AddedColor(0x2e, 0x8b, 0x57);
const QColor RemovedColor(0xc0, 0x1c, 0x28);
const QColor ChangedColor(0xb3, 0x6b, 0x00);

QString jsonText(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Object:
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    case QJsonValue::Array:
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    case QJsonValue::String:
        return QStringLiteral("\"%1\"").arg(value.toString());
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double:
        return QString::number(value.toDouble(), 'g', 17);
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Undefined:
        break;
    }
    return {};
}

QString messageLabel(const MqttMessage &m)
{
    return MessageDiffView::tr("%1 – %2")
        .arg(QDateTime::fromMSecsSinceEpoch(m.receivedAtMs).toString(QStringLiteral("HH:mm:ss.zzz")),
             PayloadFormat::preview(m.payload, 40));
}

} // namespace

MessageDiffView::MessageDiffView(QWidget *parent)
    : QWidget(parent)
{
    m_olderCombo = new QComboBox(this);
    m_newerCombo = new QComboBox(this);
    for (QComboBox *combo : {m_olderCombo, m_newerCombo}) {
        combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        combo->setMinimumContentsLength(24);
        connect(combo, &QComboBox::activated, this, [this] {
            m_following = false;
            m_olderAt = selectedAt(m_olderCombo);
            m_newerAt = selectedAt(m_newerCombo);
            compare();
        });
    }
    auto *latestButton = new QPushButton(tr("Last Two"), this);
    latestButton->setToolTip(tr("Compare the last two messages and follow new ones"));
    connect(latestButton, &QPushButton::clicked, this, &MessageDiffView::followLatest);

    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("diffSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_rows = new QTreeWidget(this);
    m_rows->setObjectName(QStringLiteral("diffRows"));
    m_rows->setRootIsDecorated(false);
    m_rows->setUniformRowHeights(true);
    m_rows->setAlternatingRowColors(true);
    m_rows->setWordWrap(false);

    auto *pick = new QHBoxLayout;
    pick->addWidget(new QLabel(tr("Older"), this));
    pick->addWidget(m_olderCombo, 1);
    pick->addWidget(new QLabel(tr("Newer"), this));
    pick->addWidget(m_newerCombo, 1);
    pick->addWidget(latestButton);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->setSpacing(4);
    layout->addLayout(pick);
    layout->addWidget(m_summary);
    layout->addWidget(m_rows, 1);

    connect(&m_watcher, &QFutureWatcher<PayloadDiff>::finished, this, [this] {
        if (m_pendingGeneration == m_generation)
            showResult(m_watcher.result());
    });
    m_rows->setHeaderLabels({tr("Change"), tr("Path"), tr("Old value"), tr("New value")});
    m_summary->setText(tr("A topic needs two messages to compare."));
}

MessageDiffView::~MessageDiffView()
{
    // The job works on its own copies of the payloads; only its result is dropped.
    m_watcher.disconnect(this);
    m_watcher.waitForFinished();
}

void MessageDiffView::setMessages(const QList<MqttMessage> &oldestFirst)
{
    const bool unchanged = oldestFirst.size() == m_messages.size()
        && (oldestFirst.isEmpty() || oldestFirst.constLast().receivedAtMs == m_messages.constLast().receivedAtMs)
        && (oldestFirst.isEmpty() || oldestFirst.constFirst().receivedAtMs == m_messages.constFirst().receivedAtMs);
    m_messages = oldestFirst;
    if (unchanged && m_hasResult)
        return;
    if (!m_following && (positionOf(m_olderAt) < 0 || positionOf(m_newerAt) < 0))
        m_following = true;   // the chosen messages were evicted from the history
    if (m_following) {
        m_olderAt = m_messages.size() >= 2 ? m_messages.at(m_messages.size() - 2).receivedAtMs : -1;
        m_newerAt = m_messages.isEmpty() ? -1 : m_messages.constLast().receivedAtMs;
    }
    fillCombos();
    compare();
}

bool MessageDiffView::setPair(int older, int newer)
{
    if (older < 0 || newer < 0 || older >= m_messages.size() || newer >= m_messages.size())
        return false;
    m_following = false;
    m_olderAt = m_messages.at(older).receivedAtMs;
    m_newerAt = m_messages.at(newer).receivedAtMs;
    fillCombos();
    compare();
    return true;
}

void MessageDiffView::followLatest()
{
    m_following = true;
    m_hasResult = false;
    setMessages(m_messages);
}

QString MessageDiffView::summaryText() const
{
    return m_summary->text();
}

QStringList MessageDiffView::rowTexts() const
{
    QStringList rows;
    for (int i = 0; i < m_rows->topLevelItemCount(); ++i) {
        const QTreeWidgetItem *item = m_rows->topLevelItem(i);
        QStringList columns;
        for (int c = 0; c < m_rows->columnCount(); ++c) {
            if (!item->text(c).isEmpty())
                columns << item->text(c);
        }
        rows << columns.join(u' ');
    }
    return rows;
}

void MessageDiffView::fillCombos()
{
    for (QComboBox *combo : {m_olderCombo, m_newerCombo}) {
        const QSignalBlocker blocker(combo);
        combo->clear();
        for (qsizetype i = m_messages.size() - 1; i >= 0; --i)
            combo->addItem(messageLabel(m_messages.at(i)), m_messages.at(i).receivedAtMs);
    }
    m_olderCombo->setCurrentIndex(m_olderCombo->findData(m_olderAt));
    m_newerCombo->setCurrentIndex(m_newerCombo->findData(m_newerAt));
}

qint64 MessageDiffView::selectedAt(QComboBox *combo) const
{
    return combo->currentIndex() < 0 ? -1 : combo->currentData().toLongLong();
}

int MessageDiffView::positionOf(qint64 receivedAtMs) const
{
    if (receivedAtMs < 0)
        return -1;
    for (qsizetype i = m_messages.size() - 1; i >= 0; --i) {
        if (m_messages.at(i).receivedAtMs == receivedAtMs)
            return int(i);
    }
    return -1;
}

void MessageDiffView::compare()
{
    ++m_generation;
    const int older = positionOf(m_olderAt);
    const int newer = positionOf(m_newerAt);
    if (older < 0 || newer < 0 || m_messages.size() < 2) {
        m_hasResult = false;
        m_rows->clear();
        m_summary->setText(tr("A topic needs two messages to compare."));
        Q_EMIT diffUpdated();
        return;
    }
    const QByteArray a = m_messages.at(older).payload;
    const QByteArray b = m_messages.at(newer).payload;
    if (a.size() + b.size() <= AsyncThreshold) {
        showResult(PayloadDiff::compare(a, b));
        return;
    }
    m_pendingGeneration = m_generation;
    m_rows->clear();
    m_summary->setText(tr("Comparing %1 and %2…").arg(PayloadFormat::formatSize(a.size()), PayloadFormat::formatSize(b.size())));
    m_watcher.setFuture(QtConcurrent::run([a, b] { return PayloadDiff::compare(a, b); }));
}

void MessageDiffView::showResult(const PayloadDiff &diff)
{
    m_result = diff;
    m_hasResult = true;
    m_rows->clear();
    QList<QTreeWidgetItem *> items;
    switch (diff.mode()) {
    case PayloadDiff::Mode::Json: {
        m_rows->setHeaderLabels({tr("Change"), tr("Path"), tr("Old value"), tr("New value")});
        const QList<PayloadDiff::Change> changes = diff.changes();
        for (const PayloadDiff::Change &change : changes) {
            if (items.size() >= MaximumShownRows)
                break;
            auto *item = new QTreeWidgetItem;
            QColor color = ChangedColor;
            switch (change.kind) {
            case PayloadDiff::Change::Kind::Added:
                item->setText(0, tr("added"));
                color = AddedColor;
                break;
            case PayloadDiff::Change::Kind::Removed:
                item->setText(0, tr("removed"));
                color = RemovedColor;
                break;
            case PayloadDiff::Change::Kind::Changed:
                item->setText(0, tr("changed"));
                break;
            }
            item->setForeground(0, color);
            item->setText(1, change.path.isEmpty() ? tr("(whole document)") : change.path);
            item->setText(2, jsonText(change.oldValue));
            item->setText(3, change.newValue.isUndefined() ? QString() : tr("→ %1").arg(jsonText(change.newValue)));
            items << item;
        }
        break;
    }
    case PayloadDiff::Mode::Text: {
        m_rows->setHeaderLabels({tr("Old"), tr("New"), QString(), tr("Line")});
        const QList<PayloadDiff::Line> lines = diff.lines();
        for (const PayloadDiff::Line &line : lines) {
            if (items.size() >= MaximumShownRows)
                break;
            auto *item = new QTreeWidgetItem;
            item->setText(0, line.oldLineNumber > 0 ? QString::number(line.oldLineNumber) : QString());
            item->setText(1, line.newLineNumber > 0 ? QString::number(line.newLineNumber) : QString());
            if (line.kind == PayloadDiff::Line::Kind::Added) {
                item->setText(2, QStringLiteral("+"));
                for (int c = 0; c < 4; ++c)
                    item->setForeground(c, AddedColor);
            } else if (line.kind == PayloadDiff::Line::Kind::Removed) {
                item->setText(2, QStringLiteral("-"));
                for (int c = 0; c < 4; ++c)
                    item->setForeground(c, RemovedColor);
            }
            item->setText(3, line.text);
            items << item;
        }
        break;
    }
    case PayloadDiff::Mode::TooLarge:
        m_rows->setHeaderLabels({tr("Change")});
        break;
    }
    m_rows->addTopLevelItems(items);
    for (int c = 0; c + 1 < m_rows->columnCount(); ++c)
        m_rows->resizeColumnToContents(c);
    m_summary->setText(diff.summary());
    Q_EMIT diffUpdated();
}
