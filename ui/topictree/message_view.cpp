#include "message_view.h"

#include "hex_view.h"
#include "message_diff_view.h"
#include "message_history_model.h"
#include "payload/hex_decoder.h"
#include "payload/payload_decoder.h"
#include "payload/payload_decoder_registry.h"
#include "payload/utf8_text_decoder.h"
#include "payload_format.h"
#include "payload_text_view.h"
#include "payload_tree_model.h"
#include "topics/topic_tree_model.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDateTime>
#include <QFile>
#include <QFileDialog>
#include <QGridLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QSplitter>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace {

constexpr qsizetype AsyncThreshold = 256 * 1024;
constexpr qsizetype LargePayload = 1024 * 1024;
constexpr int FastRefreshMs = 250;
constexpr int SlowRefreshMs = 1000;

const QColor ErrorColor(0xc0, 0x1c, 0x28);

QString formatCorrelationData(const QByteArray &data)
{
    if (Utf8TextDecoder::isPlainText(data))
        return QString::fromUtf8(data);
    return QString::fromLatin1(data.toHex(' '));
}

// A quick guess for payloads decoded on a worker thread, so the view can say
// what it is doing before the full detection has run there.
QString guessDecoderId(const QByteArray &payload)
{
    for (const char c : payload.left(64)) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
            continue;
        return c == '{' || c == '[' ? QStringLiteral("json") : QStringLiteral("text");
    }
    return QStringLiteral("text");
}

// One JSON Lines record per message. Payloads that are valid UTF-8 are
// written as text, others as base64 ("payloadEncoding" says which).
QByteArray jsonLine(const MqttMessage &m)
{
    QJsonObject object;
    object.insert(QStringLiteral("topic"), m.topic);
    object.insert(QStringLiteral("receivedAt"), QDateTime::fromMSecsSinceEpoch(m.receivedAtMs).toUTC().toString(Qt::ISODateWithMs));
    object.insert(QStringLiteral("qos"), int(m.qos));
    object.insert(QStringLiteral("retained"), m.retained);
    if (Utf8TextDecoder::firstInvalidUtf8(m.payload) < 0) {
        object.insert(QStringLiteral("payloadEncoding"), QStringLiteral("utf-8"));
        object.insert(QStringLiteral("payload"), QString::fromUtf8(m.payload));
    } else {
        object.insert(QStringLiteral("payloadEncoding"), QStringLiteral("base64"));
        object.insert(QStringLiteral("payload"), QString::fromLatin1(m.payload.toBase64()));
    }
    if (!m.properties.contentType.isEmpty())
        object.insert(QStringLiteral("contentType"), m.properties.contentType);
    return QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n';
}

// Returns an empty string on success, else the translated reason.
QString writeJsonLines(const QString &path, const QList<MqttMessage> &messages)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return MessageView::tr("Could not open %1: %2").arg(path, file.errorString());
    for (const MqttMessage &m : messages) {
        if (file.write(jsonLine(m)) < 0)
            return MessageView::tr("Could not write %1: %2").arg(path, file.errorString());
    }
    if (!file.commit())
        return MessageView::tr("Could not save %1: %2").arg(path, file.errorString());
    return {};
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
    , m_registry(std::make_unique<PayloadDecoderRegistry>())
{
    m_refreshTimer.setObjectName(QStringLiteral("messageViewRefresh"));
    m_refreshTimer.setSingleShot(true);
    connect(&m_refreshTimer, &QTimer::timeout, this, &MessageView::refresh);
    connect(&m_decodeWatcher, &QFutureWatcher<DecodedPayload>::finished, this, [this] {
        if (m_decodeGeneration != m_generation)
            return;
        applyDecoded(m_decodeWatcher.result());
        Q_EMIT payloadRendered();
    });
    connect(&m_exportWatcher, &QFutureWatcher<QString>::finished, this, [this] {
        const QString error = m_exportWatcher.result();
        m_exportButton->setEnabled(true);
        Q_EMIT exportFinished(error.isEmpty(), error.isEmpty() ? tr("History exported.") : error);
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

    m_decoderCombo = new QComboBox(this);
    m_decoderCombo->setObjectName(QStringLiteral("decoderCombo"));
    m_decoderCombo->setToolTip(tr("How to decode this topic's payloads; a choice other than Auto is remembered for the topic"));
    m_decoderCombo->addItem(tr("Auto"), QString());
    int widestLabel = 0;
    for (const QString &id : m_registry->decoderIds()) {
        const QString name = m_registry->decoder(id)->displayName();
        m_decoderCombo->addItem(name, id);
        widestLabel = std::max(widestLabel, int(tr("Auto (%1)").arg(name).size()));
    }
    // The corner widget is laid out once, so reserve room for the longest "Auto (...)".
    m_decoderCombo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_decoderCombo->setMinimumContentsLength(widestLabel);
    connect(m_decoderCombo, &QComboBox::currentIndexChanged, this, [this] {
        if (m_updatingCombo)
            return;
        setDecoderChoice(m_decoderCombo->currentData().toString());
    });

    m_errorBanner = new QLabel(this);
    m_errorBanner->setObjectName(QStringLiteral("decodeError"));
    m_errorBanner->setWordWrap(true);
    m_errorBanner->setTextInteractionFlags(Qt::TextSelectableByMouse);
    {
        QPalette palette = m_errorBanner->palette();
        palette.setColor(QPalette::WindowText, ErrorColor);
        m_errorBanner->setPalette(palette);
    }
    m_errorBanner->hide();

    m_decodedView = new PayloadTextView(this);
    auto *decodedPane = new QWidget(this);
    auto *decodedLayout = new QVBoxLayout(decodedPane);
    decodedLayout->setContentsMargins(0, 2, 0, 0);
    decodedLayout->setSpacing(2);
    decodedLayout->addWidget(m_errorBanner);
    decodedLayout->addWidget(m_decodedView, 1);

    m_treeModel = new PayloadTreeModel(this);
    m_treeView = new QTreeView(this);
    m_treeView->setObjectName(QStringLiteral("payloadTree"));
    m_treeView->setModel(m_treeModel);
    m_treeView->setUniformRowHeights(true);
    m_treeView->setAlternatingRowColors(true);
    m_treeView->header()->resizeSection(PayloadTreeModel::NameColumn, 200);
    m_treeView->header()->resizeSection(PayloadTreeModel::ValueColumn, 260);

    m_hexView = new HexView(this);
    m_diffView = new MessageDiffView(this);
    m_payloadTabs = new QTabWidget(this);
    m_payloadTabs->setDocumentMode(true);
    m_payloadTabs->addTab(decodedPane, tr("Decoded"));
    m_payloadTabs->addTab(m_treeView, tr("Tree"));
    m_payloadTabs->addTab(m_hexView, tr("Hex"));
    m_payloadTabs->addTab(m_diffView, tr("Diff"));
    auto *corner = new QWidget(m_payloadTabs);
    auto *cornerLayout = new QHBoxLayout(corner);
    cornerLayout->setContentsMargins(0, 0, 0, 0);
    cornerLayout->addWidget(new QLabel(tr("Decode as"), corner));
    cornerLayout->addWidget(m_decoderCombo);
    auto *copyButton = new QToolButton(corner);
    copyButton->setText(tr("Copy Payload"));
    copyButton->setToolTip(tr("Copy the whole payload as text to the clipboard"));
    copyButton->setAutoRaise(true);
    connect(copyButton, &QToolButton::clicked, this, &MessageView::copyPayload);
    cornerLayout->addWidget(copyButton);
    m_payloadTabs->setCornerWidget(corner, Qt::TopRightCorner);
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
    m_exportButton = new QPushButton(tr("Export…"), historyPane);
    m_exportButton->setToolTip(tr("Save this topic's history as JSON Lines"));
    connect(m_exportButton, &QPushButton::clicked, this, &MessageView::chooseExportFile);
    auto *historyHeader = new QHBoxLayout;
    historyHeader->addWidget(m_historyLabel, 1);
    historyHeader->addWidget(m_exportButton);
    auto *historyLayout = new QVBoxLayout(historyPane);
    historyLayout->setContentsMargins(0, 4, 0, 0);
    historyLayout->setSpacing(2);
    historyLayout->addLayout(historyHeader);
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
    // Results of running jobs are not needed any more; decode jobs only touch
    // their own copies of the payload, and an export finishes its file.
    m_decodeWatcher.disconnect(this);
    m_exportWatcher.disconnect(this);
    m_decodeWatcher.waitForFinished();
    m_exportWatcher.waitForFinished();
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
    if (changed) {
        m_hasMessage = false;
        updateDecoderCombo();
        if (m_payloadTabs->currentIndex() == TreeTab)
            m_payloadTabs->setCurrentIndex(DecodedTab);
    }
    refresh();
}

void MessageView::setDecoderChoice(const QString &decoderId)
{
    if (!m_topic.isEmpty()) {
        if (decoderId.isEmpty()) {
            m_registry->clearOverride(m_topic);
        } else {
            QString error;
            if (!m_registry->setOverride(m_topic, decoderId, &error)) {
                // Only ids from the registry are offered, so this is a programming error.
                qWarning("MessageView: decoder override for %s refused: %s", qPrintable(m_topic), qPrintable(error));
            }
        }
    }
    updateDecoderCombo();
    if (m_hasMessage) {
        ++m_generation;
        m_decodedStale = true;
        m_effectiveDecoderId = m_message.payload.size() > AsyncThreshold && decoderId.isEmpty()
            ? guessDecoderId(m_message.payload)
            : m_registry->decoderFor(m_topic, m_message.payload)->id();
        updateHeader();
        renderCurrentPane();
    }
}

QString MessageView::decoderChoice() const
{
    return m_decoderCombo->currentData().toString();
}

QString MessageView::decodeErrorText() const
{
    return m_errorBanner->isHidden() ? QString() : m_errorBanner->text();
}

QString MessageView::decodedText() const
{
    return m_decodedView->text();
}

void MessageView::showDiff()
{
    m_payloadTabs->setCurrentIndex(DiffTab);
}

void MessageView::updateDecoderCombo()
{
    const QString chosen = m_topic.isEmpty() ? QString() : m_registry->overrideFor(m_topic);
    m_updatingCombo = true;
    const int index = m_decoderCombo->findData(chosen);
    m_decoderCombo->setCurrentIndex(std::max(0, index));
    const PayloadDecoder *detected = m_effectiveDecoderId.isEmpty() ? nullptr : m_registry->decoder(m_effectiveDecoderId);
    m_decoderCombo->setItemText(0, chosen.isEmpty() && detected ? tr("Auto (%1)").arg(detected->displayName()) : tr("Auto"));
    m_updatingCombo = false;
}

MessageView::PayloadMode MessageView::payloadMode() const
{
    if (m_payloadTabs->currentIndex() == HexTab)
        return PayloadMode::Hex;
    return m_effectiveDecoderId == QLatin1String("json") ? PayloadMode::Json : PayloadMode::Text;
}

void MessageView::setPayloadMode(PayloadMode mode)
{
    switch (mode) {
    case PayloadMode::Text:
        m_payloadTabs->setCurrentIndex(DecodedTab);
        setDecoderChoice(QStringLiteral("text"));
        break;
    case PayloadMode::Json:
        m_payloadTabs->setCurrentIndex(DecodedTab);
        setDecoderChoice(QStringLiteral("json"));
        break;
    case PayloadMode::Hex:
        m_payloadTabs->setCurrentIndex(HexTab);
        break;
    }
}

QString MessageView::payloadText(PayloadMode mode) const
{
    switch (mode) {
    case PayloadMode::Text:
    case PayloadMode::Json: {
        const QLatin1String id = mode == PayloadMode::Json ? QLatin1String("json") : QLatin1String("text");
        if (m_decodedStale || m_decoded.decoderId != id)
            return {};
        return m_decoded.ok ? m_decodedView->text() : m_errorBanner->text();
    }
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
    return m_decodeWatcher.isRunning();
}

int MessageView::refreshIntervalMs() const
{
    return m_message.payload.size() > LargePayload ? SlowRefreshMs : FastRefreshMs;
}

bool MessageView::exportHistory(const QString &path)
{
    if (m_history.isEmpty() || m_exportWatcher.isRunning())
        return false;
    m_exportButton->setEnabled(false);
    const QList<MqttMessage> messages = m_history;
    m_exportWatcher.setFuture(QtConcurrent::run([path, messages] { return writeJsonLines(path, messages); }));
    return true;
}

void MessageView::chooseExportFile()
{
    if (m_history.isEmpty()) {
        Q_EMIT exportFinished(false, tr("Select a topic with messages first."));
        return;
    }
    QString name = m_topic;
    name.replace(u'/', u'_').replace(u'$', u'_');
    const QString suggested = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation) + u'/' + name + QStringLiteral(".jsonl");
    auto *dialog = new QFileDialog(this, tr("Export History of %1").arg(m_topic), suggested, tr("JSON Lines (*.jsonl);;All files (*)"));
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString &path) {
        if (!exportHistory(path))
            Q_EMIT exportFinished(false, tr("An export is already running."));
    });
    dialog->open();
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
        m_history.clear();
        m_historyModel->setMessages({});
        m_diffView->setMessages({});
        showEmpty(tr("Select a topic in the tree to see its last message."));
        return;
    }
    const QModelIndex index = m_model->indexForTopic(m_topic);
    m_history = index.isValid() ? m_model->history(index) : QList<MqttMessage>();
    m_topicMessageCount = index.isValid() ? index.data(TopicTreeModel::MessageCountRole).toLongLong() : 0;
    m_evictedCount = index.isValid() ? index.data(TopicTreeModel::EvictedCountRole).toLongLong() : 0;
    m_diffStale = true;

    m_updatingHistory = true;
    m_historyModel->setMessages(m_history);
    if (m_pinnedReceivedAt >= 0) {
        const int row = m_historyModel->rowForReceivedAt(m_pinnedReceivedAt);
        if (row >= 0)
            m_historyView->selectRow(row);
        else
            m_pinnedReceivedAt = -1;   // evicted by the history limit: follow the latest again
    }
    m_updatingHistory = false;
    m_historyLabel->setText(tr("History (%1 of %2 messages kept)").arg(m_history.size()).arg(m_topicMessageCount));
    m_exportButton->setEnabled(!m_history.isEmpty() && !m_exportWatcher.isRunning());

    if (m_history.isEmpty()) {
        m_topicEdit->setText(m_topic);
        showEmpty(index.isValid()
                      ? tr("No message arrived on exactly this topic. Select a topic below it.")
                      : tr("No message on this topic yet."));
        return;
    }
    if (m_pinnedReceivedAt < 0) {
        m_pinnedBar->hide();
        showMessage(m_history.constLast());
    } else {
        updateHeader();
    }
    if (m_payloadTabs->currentIndex() == DiffTab)
        renderCurrentPane();
}

void MessageView::showEmpty(const QString &reason)
{
    ++m_generation;
    m_hasMessage = false;
    m_message = {};
    m_decoded = {};
    m_effectiveDecoderId.clear();
    m_topicEdit->setText(m_topic);
    for (QLabel *label : {m_qosValue, m_retainedValue, m_sizeValue, m_formatValue, m_receivedValue, m_countValue, m_propertiesValue})
        label->clear();
    m_evictedLabel->hide();
    m_pinnedBar->hide();
    m_errorBanner->hide();
    m_decodedView->clear();
    m_decodedView->setPlaceholderText(reason);
    m_treeModel->setTree(nullptr);
    m_hexView->clear();
    m_decodedStale = m_hexStale = false;
    updateDecoderCombo();
}

void MessageView::showMessage(const MqttMessage &message)
{
    const bool same = m_hasMessage && message.receivedAtMs == m_message.receivedAtMs
        && message.payload.size() == m_message.payload.size() && message.payload == m_message.payload
        && message.topic == m_message.topic;
    m_message = message;
    m_hasMessage = true;
    if (!same) {
        ++m_generation;
        m_decodedStale = m_hexStale = true;
        m_effectiveDecoderId = m_message.payload.size() > AsyncThreshold && m_registry->overrideFor(m_topic).isEmpty()
            ? guessDecoderId(m_message.payload)
            : m_registry->decoderFor(m_topic, m_message.payload)->id();
        updateDecoderCombo();
    }
    updateHeader();
    if (same)
        return;
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
    const PayloadDecoder *decoder = m_registry->decoder(m_effectiveDecoderId);
    if (m.payload.isEmpty())
        m_formatValue->setText(m.retained ? tr("empty (clears the retained message)") : tr("empty"));
    else if (decoder && !m_decodedStale && !m_decoded.ok)
        m_formatValue->setText(tr("not %1 (see the error)").arg(decoder->displayName()));
    else if (decoder)
        m_formatValue->setText(decoder->displayName());
    else
        m_formatValue->clear();
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
    const int tab = m_payloadTabs->currentIndex();
    if (tab == DiffTab) {
        if (m_diffStale) {
            m_diffStale = false;
            m_diffView->setMessages(m_history);
        }
        return;
    }
    if (!m_hasMessage)
        return;
    const QByteArray payload = m_message.payload;
    if (tab == HexTab) {
        if (!m_hexStale)
            return;
        m_hexView->setData(payload);
        m_hexStale = false;
        Q_EMIT payloadRendered();
        return;
    }
    if (!m_decodedStale)
        return;
    if (payload.size() > AsyncThreshold) {
        m_decodeGeneration = m_generation;
        m_errorBanner->hide();
        m_decodedView->clear();
        m_decodedView->setPlaceholderText(tr("Decoding %1…").arg(PayloadFormat::formatSize(payload.size())));
        m_treeModel->setTree(nullptr);
        // The registry is only reconfigured on this thread, and a running job is
        // never outlived by it (the destructor waits for the job).
        const PayloadDecoderRegistry *registry = m_registry.get();
        const QString topic = m_topic;
        m_decodeWatcher.setFuture(QtConcurrent::run([registry, topic, payload] { return registry->decode(topic, payload); }));
        return;
    }
    applyDecoded(m_registry->decode(m_topic, payload));
    Q_EMIT payloadRendered();
}

void MessageView::applyDecoded(const DecodedPayload &decoded)
{
    m_decoded = decoded;
    m_decodedStale = false;
    m_effectiveDecoderId = decoded.decoderId;
    updateDecoderCombo();
    m_treeModel->setTree(decoded.tree);
    m_payloadTabs->setTabEnabled(TreeTab, decoded.tree != nullptr);
    if (decoded.tree)
        m_treeView->expandToDepth(1);
    const PayloadDecoder *decoder = m_registry->decoder(decoded.decoderId);
    const QString name = decoder ? decoder->displayName() : decoded.decoderId;
    if (decoded.ok) {
        m_errorBanner->hide();
        m_decodedView->setText(decoded.text);
        if (decoded.textTruncated)
            m_decodedView->setPlaceholderText(QString());
    } else {
        m_errorBanner->setText(decoded.errorPosition >= 0
                                   ? tr("Not valid %1: %2 (at byte %3). The raw bytes follow.")
                                         .arg(name, decoded.errorReason)
                                         .arg(decoded.errorPosition)
                                   : tr("Not valid %1: %2. The raw bytes follow.").arg(name, decoded.errorReason));
        m_errorBanner->show();
        // The raw bytes, never a blank pane: the hex dump of (at most the first 64 KB of) the payload.
        const DecodedPayload raw = HexDecoder().decode(decoded.raw);
        m_decodedView->setText(raw.text);
    }
    updateHeader();
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
