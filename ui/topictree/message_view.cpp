#include "message_view.h"

#include "hex_view.h"
#include "message_history_model.h"
#include "payload_text_view.h"
#include "topics/topic_tree_model.h"

#include <QApplication>
#include <QClipboard>
#include <QDateTime>
#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace {

constexpr qsizetype AsyncThreshold = 256 * 1024;
constexpr qsizetype LargePayload = 1024 * 1024;
constexpr int FastRefreshMs = 250;
constexpr int SlowRefreshMs = 1000;

bool looksLikeJson(const QByteArray &payload)
{
    for (const char c : payload) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
            continue;
        return c == '{' || c == '[';
    }
    return false;
}

QString formatCorrelationData(const QByteArray &data)
{
    if (PayloadFormat::isText(data))
        return QString::fromUtf8(data);
    return QString::fromLatin1(data.toHex(' '));
}

QString formatProperties(const MqttProperties &p)
{
    if (p.isEmpty())
        return MessageView::tr("none");
    QStringList parts;
    if (!p.contentType.isEmpty())
        parts << MessageView::tr("Content type: %1").arg(p.contentType);
    if (p.payloadFormatIndicator)
        parts << (*p.payloadFormatIndicator == 1 ? MessageView::tr("Payload format: UTF-8 text")
                                                 : MessageView::tr("Payload format: bytes (%1)").arg(*p.payloadFormatIndicator));
    if (!p.responseTopic.isEmpty())
        parts << MessageView::tr("Response topic: %1").arg(p.responseTopic);
    if (!p.correlationData.isEmpty())
        parts << MessageView::tr("Correlation data: %1").arg(formatCorrelationData(p.correlationData));
    if (p.messageExpirySeconds)
        parts << MessageView::tr("Message expiry: %1 s").arg(*p.messageExpirySeconds);
    if (!p.userProperties.isEmpty()) {
        QStringList pairs;
        for (const auto &[key, value] : p.userProperties)
            pairs << MessageView::tr("%1 = %2").arg(key, value);
        parts << MessageView::tr("User properties: %1").arg(pairs.join(QStringLiteral(", ")));
    }
    if (!p.subscriptionIdentifiers.isEmpty()) {
        QStringList ids;
        for (const quint32 id : p.subscriptionIdentifiers)
            ids << QString::number(id);
        parts << MessageView::tr("Subscription identifiers: %1").arg(ids.join(QStringLiteral(", ")));
    }
    return parts.join(QStringLiteral("\n"));
}

QLabel *makeValueLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setMinimumWidth(40);
    return label;
}

QLabel *makeKeyLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, palette.color(QPalette::PlaceholderText));
    label->setPalette(palette);
    return label;
}

} // namespace

MessageView::MessageView(QWidget *parent)
    : QWidget(parent)
{
    m_refreshTimer.setSingleShot(true);
    connect(&m_refreshTimer, &QTimer::timeout, this, &MessageView::refresh);
    connect(&m_textWatcher, &QFutureWatcher<QString>::finished, this, [this] {
        if (m_textGeneration != m_generation)
            return;
        m_textView->setText(m_textWatcher.result());
        m_textStale = false;
        Q_EMIT payloadRendered();
    });
    connect(&m_jsonWatcher, &QFutureWatcher<PayloadFormat::JsonResult>::finished, this, [this] {
        if (m_jsonGeneration != m_generation)
            return;
        applyJson(m_jsonWatcher.result());
        Q_EMIT payloadRendered();
    });

    m_topicEdit = new QLineEdit(this);
    m_topicEdit->setReadOnly(true);
    m_topicEdit->setFrame(false);
    m_topicEdit->setPlaceholderText(tr("Select a topic in the tree"));
    QFont topicFont = m_topicEdit->font();
    topicFont.setBold(true);
    topicFont.setPointSizeF(topicFont.pointSizeF() * 1.1);
    m_topicEdit->setFont(topicFont);
    QPalette topicPalette = m_topicEdit->palette();
    topicPalette.setColor(QPalette::Base, Qt::transparent);
    m_topicEdit->setPalette(topicPalette);

    m_qosValue = makeValueLabel(this);
    m_retainedValue = makeValueLabel(this);
    m_sizeValue = makeValueLabel(this);
    m_formatValue = makeValueLabel(this);
    m_receivedValue = makeValueLabel(this);
    m_countValue = makeValueLabel(this);
    m_propertiesValue = makeValueLabel(this);
    m_propertiesValue->setWordWrap(true);

    auto *grid = new QGridLayout;
    grid->setHorizontalSpacing(8);
    grid->setVerticalSpacing(2);
    grid->addWidget(makeKeyLabel(tr("QoS"), this), 0, 0);
    grid->addWidget(m_qosValue, 0, 1);
    grid->addWidget(makeKeyLabel(tr("Size"), this), 0, 2);
    grid->addWidget(m_sizeValue, 0, 3);
    grid->addWidget(makeKeyLabel(tr("Received"), this), 0, 4);
    grid->addWidget(m_receivedValue, 0, 5);
    grid->addWidget(makeKeyLabel(tr("Retained"), this), 1, 0);
    grid->addWidget(m_retainedValue, 1, 1);
    grid->addWidget(makeKeyLabel(tr("Format"), this), 1, 2);
    grid->addWidget(m_formatValue, 1, 3);
    grid->addWidget(makeKeyLabel(tr("Messages"), this), 1, 4);
    grid->addWidget(m_countValue, 1, 5);
    grid->addWidget(makeKeyLabel(tr("Properties"), this), 2, 0, Qt::AlignTop);
    grid->addWidget(m_propertiesValue, 2, 1, 1, 5);
    grid->setColumnStretch(1, 1);
    grid->setColumnStretch(3, 1);
    grid->setColumnStretch(5, 2);

    m_evictedLabel = new QLabel(this);
    m_evictedLabel->setWordWrap(true);
    {
        QPalette palette = m_evictedLabel->palette();
        palette.setColor(QPalette::WindowText, QColor(0xb3, 0x6b, 0x00));
        m_evictedLabel->setPalette(palette);
    }
    m_evictedLabel->hide();

    m_pinnedBar = new QWidget(this);
    m_pinnedLabel = new QLabel(m_pinnedBar);
    m_pinnedLabel->setWordWrap(true);
    auto *latestButton = new QPushButton(tr("Show Latest"), m_pinnedBar);
    connect(latestButton, &QPushButton::clicked, this, &MessageView::showLatest);
    auto *pinnedLayout = new QHBoxLayout(m_pinnedBar);
    pinnedLayout->setContentsMargins(0, 0, 0, 0);
    pinnedLayout->addWidget(m_pinnedLabel, 1);
    pinnedLayout->addWidget(latestButton);
    m_pinnedBar->hide();

    m_textView = new PayloadTextView(this);
    m_jsonView = new PayloadTextView(this);
    m_hexView = new HexView(this);
    m_payloadTabs = new QTabWidget(this);
    m_payloadTabs->setDocumentMode(true);
    m_payloadTabs->addTab(m_textView, tr("Text"));
    m_payloadTabs->addTab(m_jsonView, tr("JSON"));
    m_payloadTabs->addTab(m_hexView, tr("Hex"));
    auto *copyButton = new QToolButton(m_payloadTabs);
    copyButton->setText(tr("Copy Payload"));
    copyButton->setToolTip(tr("Copy the whole payload as text to the clipboard"));
    copyButton->setAutoRaise(true);
    connect(copyButton, &QToolButton::clicked, this, &MessageView::copyPayload);
    m_payloadTabs->setCornerWidget(copyButton, Qt::TopRightCorner);
    connect(m_payloadTabs, &QTabWidget::currentChanged, this, &MessageView::renderCurrentPane);

    m_historyModel = new MessageHistoryModel(this);
    m_historyView = new QTableView(this);
    m_historyView->setModel(m_historyModel);
    m_historyView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_historyView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_historyView->setWordWrap(false);
    m_historyView->setShowGrid(false);
    m_historyView->setAlternatingRowColors(true);
    m_historyView->verticalHeader()->hide();
    m_historyView->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_historyView->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    // Fixed widths from the font: resizing to contents would measure every row on every update.
    QHeaderView *header = m_historyView->horizontalHeader();
    const QFontMetrics metrics = fontMetrics();
    header->resizeSection(MessageHistoryModel::TimeColumn, metrics.horizontalAdvance(QStringLiteral("00:00:00.000")) + 24);
    header->resizeSection(MessageHistoryModel::SizeColumn, metrics.horizontalAdvance(QStringLiteral("1023.9 KB")) + 24);
    header->resizeSection(MessageHistoryModel::QosColumn, metrics.horizontalAdvance(tr("QoS")) + 24);
    header->resizeSection(MessageHistoryModel::RetainedColumn, metrics.horizontalAdvance(tr("retained")) + 24);
    header->setStretchLastSection(true);
    connect(m_historyView->selectionModel(), &QItemSelectionModel::selectionChanged,
            this, &MessageView::onHistorySelectionChanged);

    auto *historyPane = new QWidget(this);
    m_historyLabel = new QLabel(tr("History"), historyPane);
    auto *historyLayout = new QVBoxLayout(historyPane);
    historyLayout->setContentsMargins(0, 4, 0, 0);
    historyLayout->setSpacing(2);
    historyLayout->addWidget(m_historyLabel);
    historyLayout->addWidget(m_historyView);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(m_payloadTabs);
    splitter->addWidget(historyPane);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_topicEdit);
    layout->addLayout(grid);
    layout->addWidget(m_evictedLabel);
    layout->addWidget(m_pinnedBar);
    layout->addWidget(splitter, 1);

    showEmpty(tr("Select a topic in the tree to see its last message."));
}

MessageView::~MessageView()
{
    // Results of running formatting jobs are not needed any more; the jobs
    // only touch their own copies of the payload.
    m_textWatcher.disconnect(this);
    m_jsonWatcher.disconnect(this);
    m_textWatcher.waitForFinished();
    m_jsonWatcher.waitForFinished();
}

void MessageView::setModel(TopicTreeModel *model)
{
    if (m_model)
        m_model->disconnect(this);
    m_model = model;
    if (m_model) {
        connect(m_model, &TopicTreeModel::topicUpdated, this, [this](const QString &topic) {
            if (topic == m_topic)
                scheduleRefresh();
        });
        connect(m_model, &QAbstractItemModel::modelReset, this, &MessageView::scheduleRefresh);
    }
    setTopic({});
}

TopicTreeModel *MessageView::model() const
{
    return m_model;
}

void MessageView::setTopic(const QString &topic)
{
    const bool changed = topic != m_topic;
    m_topic = topic;
    m_pinnedReceivedAt = -1;
    m_pinnedBar->hide();
    if (changed)
        m_hasMessage = false;
    refresh();
    if (changed && m_hasMessage) {
        if (looksLikeJson(m_message.payload.left(64)))
            setPayloadMode(PayloadMode::Json);
        else if (PayloadFormat::isText(m_message.payload.left(4096)) || m_message.payload.isEmpty())
            setPayloadMode(PayloadMode::Text);
        else
            setPayloadMode(PayloadMode::Hex);
    }
}

MessageView::PayloadMode MessageView::payloadMode() const
{
    return PayloadMode(m_payloadTabs->currentIndex());
}

void MessageView::setPayloadMode(PayloadMode mode)
{
    m_payloadTabs->setCurrentIndex(int(mode));
}

QString MessageView::payloadText(PayloadMode mode) const
{
    switch (mode) {
    case PayloadMode::Text:
        return m_textView->text();
    case PayloadMode::Json:
        return m_jsonView->text().isEmpty() ? m_jsonView->placeholderText() : m_jsonView->text();
    case PayloadMode::Hex: {
        QStringList rows;
        for (qsizetype row = 0; row < m_hexView->rowCount(); ++row)
            rows << m_hexView->rowText(row);
        return rows.join(u'\n');
    }
    }
    return {};
}

bool MessageView::isRendering() const
{
    return m_textWatcher.isRunning() || m_jsonWatcher.isRunning();
}

int MessageView::refreshIntervalMs() const
{
    return m_message.payload.size() > LargePayload ? SlowRefreshMs : FastRefreshMs;
}

void MessageView::scheduleRefresh()
{
    if (m_refreshTimer.isActive())
        return;
    const qint64 since = m_sinceRefresh.isValid() ? m_sinceRefresh.elapsed() : refreshIntervalMs();
    m_refreshTimer.start(int(std::max<qint64>(0, refreshIntervalMs() - since)));
}

void MessageView::refresh()
{
    m_refreshTimer.stop();
    m_sinceRefresh.start();
    if (m_topic.isEmpty() || !m_model) {
        m_historyModel->setMessages({});
        showEmpty(tr("Select a topic in the tree to see its last message."));
        return;
    }
    const QModelIndex index = m_model->indexForTopic(m_topic);
    const QList<MqttMessage> history = index.isValid() ? m_model->history(index) : QList<MqttMessage>();
    m_topicMessageCount = index.isValid() ? index.data(TopicTreeModel::MessageCountRole).toLongLong() : 0;
    m_evictedCount = index.isValid() ? index.data(TopicTreeModel::EvictedCountRole).toLongLong() : 0;

    m_updatingHistory = true;
    m_historyModel->setMessages(history);
    if (m_pinnedReceivedAt >= 0) {
        const int row = m_historyModel->rowForReceivedAt(m_pinnedReceivedAt);
        if (row >= 0)
            m_historyView->selectRow(row);
        else
            m_pinnedReceivedAt = -1;   // evicted by the history limit: follow the latest again
    }
    m_updatingHistory = false;
    m_historyLabel->setText(tr("History (%1 of %2 messages kept)").arg(history.size()).arg(m_topicMessageCount));

    if (history.isEmpty()) {
        m_topicEdit->setText(m_topic);
        showEmpty(index.isValid()
                      ? tr("No message arrived on exactly this topic. Select a topic below it.")
                      : tr("No message on this topic yet."));
        return;
    }
    if (m_pinnedReceivedAt < 0) {
        m_pinnedBar->hide();
        showMessage(history.constLast());
    } else {
        updateHeader();
    }
}

void MessageView::showEmpty(const QString &reason)
{
    ++m_generation;
    m_hasMessage = false;
    m_message = {};
    m_topicEdit->setText(m_topic);
    for (QLabel *label : {m_qosValue, m_retainedValue, m_sizeValue, m_formatValue, m_receivedValue, m_countValue, m_propertiesValue})
        label->clear();
    m_evictedLabel->hide();
    m_pinnedBar->hide();
    m_textView->clear();
    m_textView->setPlaceholderText(reason);
    m_jsonView->clear();
    m_jsonView->setPlaceholderText(reason);
    m_hexView->clear();
    m_textStale = m_jsonStale = m_hexStale = false;
}

void MessageView::showMessage(const MqttMessage &message)
{
    const bool same = m_hasMessage && message.receivedAtMs == m_message.receivedAtMs
        && message.payload.size() == m_message.payload.size() && message.payload == m_message.payload
        && message.topic == m_message.topic;
    m_message = message;
    m_hasMessage = true;
    updateHeader();
    if (same)
        return;
    ++m_generation;
    m_textStale = m_jsonStale = m_hexStale = true;
    renderCurrentPane();
}

void MessageView::updateHeader()
{
    const MqttMessage &m = m_message;
    m_topicEdit->setText(m_topic);
    m_topicEdit->setCursorPosition(0);
    m_qosValue->setText(QString::number(m.qos));
    m_retainedValue->setText(m.retained ? tr("yes") : tr("no"));
    m_sizeValue->setText(PayloadFormat::formatSize(m.payload.size()));
    const QByteArray head = m.payload.left(4096);
    if (m.payload.isEmpty())
        m_formatValue->setText(m.retained ? tr("empty (clears the retained message)") : tr("empty"));
    else if (looksLikeJson(head))
        m_formatValue->setText(tr("JSON"));
    else if (PayloadFormat::isText(head))
        m_formatValue->setText(tr("UTF-8 text"));
    else
        m_formatValue->setText(tr("binary"));
    const QDateTime received = QDateTime::fromMSecsSinceEpoch(m.receivedAtMs);
    m_receivedValue->setText(received.toString(QStringLiteral("HH:mm:ss.zzz")));
    m_receivedValue->setToolTip(received.toString(Qt::ISODateWithMs));
    m_countValue->setText(QString::number(m_topicMessageCount));
    m_propertiesValue->setText(formatProperties(m.properties));
    if (m_evictedCount > 0) {
        m_evictedLabel->setText(m_evictedCount == 1
                                    ? tr("1 older message was evicted by the history limit.")
                                    : tr("%1 older messages were evicted by the history limit.").arg(m_evictedCount));
        m_evictedLabel->show();
    } else {
        m_evictedLabel->hide();
    }
}

void MessageView::renderCurrentPane()
{
    if (!m_hasMessage)
        return;
    const QByteArray payload = m_message.payload;
    const bool async = payload.size() > AsyncThreshold;
    switch (payloadMode()) {
    case PayloadMode::Text:
        if (!m_textStale)
            return;
        if (payload.isEmpty())
            m_textView->setPlaceholderText(tr("The payload is empty."));
        if (async) {
            m_textGeneration = m_generation;
            m_textView->clear();
            m_textView->setPlaceholderText(tr("Decoding %1…").arg(PayloadFormat::formatSize(payload.size())));
            m_textWatcher.setFuture(QtConcurrent::run([payload] { return QString::fromUtf8(payload); }));
            return;
        }
        m_textView->setText(QString::fromUtf8(payload));
        m_textStale = false;
        break;
    case PayloadMode::Json:
        if (!m_jsonStale)
            return;
        if (async) {
            m_jsonGeneration = m_generation;
            m_jsonView->clear();
            m_jsonView->setPlaceholderText(tr("Formatting %1 of JSON…").arg(PayloadFormat::formatSize(payload.size())));
            m_jsonWatcher.setFuture(QtConcurrent::run([payload] { return PayloadFormat::prettyJson(payload); }));
            return;
        }
        applyJson(PayloadFormat::prettyJson(payload));
        break;
    case PayloadMode::Hex:
        if (!m_hexStale)
            return;
        m_hexView->setData(payload);
        m_hexStale = false;
        break;
    }
    Q_EMIT payloadRendered();
}

void MessageView::applyJson(const PayloadFormat::JsonResult &result)
{
    m_jsonStale = false;
    if (result.ok) {
        m_jsonView->setText(result.text);
        return;
    }
    m_jsonView->clear();
    m_jsonView->setPlaceholderText(m_message.payload.isEmpty()
                                       ? tr("The payload is empty.")
                                       : tr("%1\nThe Text and Hex tabs show the payload as it is.").arg(result.error));
}

void MessageView::onHistorySelectionChanged()
{
    if (m_updatingHistory)
        return;
    const QModelIndexList rows = m_historyView->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return;
    const int row = rows.constFirst().row();
    if (row == 0) {
        showLatest();
        return;
    }
    const MqttMessage message = m_historyModel->message(row);
    m_pinnedReceivedAt = message.receivedAtMs;
    m_pinnedLabel->setText(tr("Showing an older message received at %1; new messages are not shown until you return to the latest.")
                               .arg(QDateTime::fromMSecsSinceEpoch(message.receivedAtMs).toString(QStringLiteral("HH:mm:ss.zzz"))));
    m_pinnedBar->show();
    showMessage(message);
}

void MessageView::showLatest()
{
    m_pinnedReceivedAt = -1;
    m_pinnedBar->hide();
    m_updatingHistory = true;
    m_historyView->clearSelection();
    m_updatingHistory = false;
    refresh();
}

void MessageView::copyPayload() const
{
    if (m_hasMessage)
        QApplication::clipboard()->setText(QString::fromUtf8(m_message.payload));
}
