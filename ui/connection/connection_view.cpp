#include "connection_view.h"

#include "charts/chart_dashboard.h"
#include "connection/live_text_label.h"
#include "connection/subscription_box.h"
#include "publish/publish_history.h"
#include "publish/publish_panel.h"
#include "shadow/shadow_editor.h"
#include "subscriptions/subscription_editor.h"
#include "measurement/measurement_store.h"
#include "topics/topic_filter_proxy_model.h"
#include "topics/topic_tree_model.h"
#include "topictree/message_view.h"
#include "topictree/topic_tree_delegate.h"
#include "topictree/topic_tree_view.h"

#include <QAction>
#include <QDateTime>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPainter>
#include <QPixmap>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QToolBar>
#include <QUrl>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace {

QColor stateColor(MqttSession::State state)
{
    switch (state) {
    case MqttSession::State::Connected:
        return {0x2e, 0x8b, 0x57};
    case MqttSession::State::Connecting:
    case MqttSession::State::WaitingToReconnect:
        return {0xd9, 0x8e, 0x04};
    case MqttSession::State::Failed:
        return {0xc0, 0x1c, 0x28};
    case MqttSession::State::Disconnected:
        break;
    }
    return {0x9a, 0x9a, 0x9a};
}

QPixmap stateDot(MqttSession::State state, int size)
{
    QPixmap pixmap(size, size);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(stateColor(state));
    painter.drawEllipse(QRectF(1, 1, size - 2, size - 2));
    return pixmap;
}

QString withoutFinalPeriod(QString text)
{
    while (text.endsWith(u'.'))
        text.chop(1);
    return text;
}

const QColor ErrorColor(0xc0, 0x1c, 0x28);
// How often changed values in the topic tree are shown: ten times a second
// is as fast as anyone reads them, and each update repaints the tree.
constexpr int TreeUpdateIntervalMs = 100;

} // namespace

ConnectionView::ConnectionView(const ConnectionProfile &profile, QWidget *parent)
    : QWidget(parent)
    , m_profile(profile)
{
    m_session = new MqttSession(this);
    m_session->setSettings(m_profile.settings);
    m_model = new TopicTreeModel(this);
    // Under a flood the tree repaints at this pace, not once per batch.
    m_model->setUpdateIntervalMs(TreeUpdateIntervalMs);
    m_proxy = new TopicFilterProxyModel(this);
    m_proxy->setSourceModel(m_model);

    connect(m_session, &MqttSession::messagesReceived, m_model, &TopicTreeModel::addMessages);
    connect(m_session, &MqttSession::stateChanged, this, &ConnectionView::onStateChanged);
    connect(m_session, &MqttSession::connected, this, &ConnectionView::onConnected);
    connect(m_session, &MqttSession::subscribed, this, &ConnectionView::onSubscribed);
    connect(m_session, &MqttSession::published, this, &ConnectionView::onPublished);
    connect(m_session, &MqttSession::disconnected, this, [this](const QString &reason) {
        m_lastDisconnectReason = reason;
        updateStateLabel();
    });
    connect(m_session, &MqttSession::errorOccurred, this, [this](MqttSession::Error, const QString &message) {
        m_lastError = message;
        updateStateLabel();
        Q_EMIT statusMessage(tr("%1: %2").arg(title(), message));
    });

    auto *toolBar = new QToolBar(this);
    toolBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_connectAction = toolBar->addAction(tr("Connect"), this, &ConnectionView::connectToBroker);
    m_connectAction->setToolTip(tr("Connect to %1:%2").arg(m_profile.settings.host).arg(m_profile.settings.port));
    m_disconnectAction = toolBar->addAction(tr("Disconnect"), this, &ConnectionView::disconnectFromBroker);
    toolBar->addSeparator();
    QAction *clearAction = toolBar->addAction(tr("Clear Topics"), this, [this] {
        m_model->clear();
        m_chartDashboard->clearData();   // samples and problem counters; the chart layout stays
        updateCounts();
    });
    clearAction->setToolTip(tr("Forget all received topics and messages of this connection (the broker is not changed)"));
    QAction *sortAction = toolBar->addAction(tr("Sort by Name"));
    sortAction->setCheckable(true);
    sortAction->setToolTip(tr("Sort topics naturally by name (press-2 before press-10) instead of arrival order"));
    QAction *shadowAction = toolBar->addAction(tr("Device Shadow…"), this, [this] { openShadowEditor(); });
    shadowAction->setToolTip(tr("Open the device shadow editor for this connection"));
    connect(sortAction, &QAction::toggled, m_proxy, [this](bool on) {
        m_proxy->setSortingEnabled(on);
    });
    toolBar->addSeparator();
    m_stateIconLabel = new QLabel(toolBar);
    m_stateLabel = new QLabel(toolBar);
    m_stateLabel->setObjectName(QStringLiteral("connectionState"));
    m_stateLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_stateLabel->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    auto *stateBox = new QWidget(toolBar);
    auto *stateLayout = new QHBoxLayout(stateBox);
    stateLayout->setContentsMargins(6, 0, 6, 0);
    stateLayout->addWidget(m_stateIconLabel);
    stateLayout->addWidget(m_stateLabel, 1);
    stateBox->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    toolBar->addWidget(stateBox);

    m_mainSplitter = new QSplitter(Qt::Horizontal, this);
    m_mainSplitter->setChildrenCollapsible(false);
    m_mainSplitter->addWidget(createTopicPane());
    m_mainSplitter->addWidget(createDetailPane());
    m_mainSplitter->setStretchFactor(0, 4);
    m_mainSplitter->setStretchFactor(1, 5);
    m_mainSplitter->setSizes({560, 700});

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 0, 4, 4);
    layout->setSpacing(2);
    layout->addWidget(toolBar);
    layout->addWidget(m_mainSplitter, 1);

    m_countdownTimer.setInterval(500);
    connect(&m_countdownTimer, &QTimer::timeout, this, &ConnectionView::updateStateLabel);
    m_countsTimer.setObjectName(QStringLiteral("connectionCounts"));
    m_countsTimer.setInterval(250);
    connect(&m_countsTimer, &QTimer::timeout, this, &ConnectionView::updateCounts);
    m_countsTimer.start();
    m_filterTimer.setSingleShot(true);
    m_filterTimer.setInterval(200);
    connect(&m_filterTimer, &QTimer::timeout, this, &ConnectionView::applyFilterText);

    m_subscriptionEditor->setStatusBox(m_subscriptionBox);
    m_subscriptionEditor->setSubscriptions(m_profile.subscriptions.isEmpty()
                                               ? QList<MqttSubscription>{MqttSubscription{QStringLiteral("#")}}
                                               : m_profile.subscriptions);
    if (auto *delegate = qobject_cast<TopicTreeDelegate *>(m_tree->itemDelegate())) {
        delegate->setSubscriptionResolver([editor = m_subscriptionEditor](const QString &topic) {
            return editor->subscriptionForTopic(topic);
        });
    }
    connect(m_subscriptionEditor, &SubscriptionEditor::subscriptionsChanged, m_tree->viewport(), qOverload<>(&QWidget::update));
    m_publishPanel->setMqtt5(m_profile.settings.protocolVersion == ConnectionSettings::ProtocolVersion::V5);
    onStateChanged(m_session->state());
    updateCounts();
}

ConnectionView::~ConnectionView() = default;

QWidget *ConnectionView::createTopicPane()
{
    auto *pane = new QWidget(this);
    m_subscriptionBox = new SubscriptionBox(pane);
    connect(m_subscriptionBox, &SubscriptionBox::subscribeRequested, this, &ConnectionView::subscribe);
    connect(m_subscriptionBox, &SubscriptionBox::unsubscribeRequested, this, &ConnectionView::unsubscribe);

    m_searchEdit = new QLineEdit(pane);
    m_searchEdit->setObjectName(QStringLiteral("topicSearch"));
    m_searchEdit->setPlaceholderText(tr("Filter topics: text, or an MQTT filter such as +/+/+/line-3/#"));
    m_searchEdit->setClearButtonEnabled(true);
    connect(m_searchEdit, &QLineEdit::textChanged, &m_filterTimer, qOverload<>(&QTimer::start));
    m_searchError = new QLabel(pane);
    m_searchError->setWordWrap(true);
    QPalette palette = m_searchError->palette();
    palette.setColor(QPalette::WindowText, ErrorColor);
    m_searchError->setPalette(palette);
    m_searchError->hide();

    m_tree = new TopicTreeView(pane);
    m_tree->setModel(m_proxy);
    connect(m_tree, &TopicTreeView::currentTopicChanged, this, [this](const QString &topic) {
        m_messageView->setTopic(topic);
    });
    connect(m_tree, &TopicTreeView::clearRetainedRequested, this, &ConnectionView::clearRetainedMessage);
    connect(m_tree, &TopicTreeView::publishToTopicRequested, this, [this](const QString &topic) {
        m_publishPanel->setTopic(topic);
        m_bottomTabs->setCurrentWidget(m_publishPanel);
    });

    // The text changes several times a second under load.
    m_countsLabel = new LiveTextLabel(pane);
    m_countsLabel->setObjectName(QStringLiteral("topicCounts"));
    // Red and only shown once something was lost: the application could not
    // keep up and says so instead of dropping silently.
    m_droppedLabel = new QLabel(pane);
    m_droppedLabel->setObjectName(QStringLiteral("droppedCount"));
    QPalette droppedPalette = m_droppedLabel->palette();
    droppedPalette.setColor(QPalette::WindowText, ErrorColor);
    m_droppedLabel->setPalette(droppedPalette);
    m_droppedLabel->hide();

    auto *layout = new QVBoxLayout(pane);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(m_subscriptionBox);
    layout->addSpacing(4);
    layout->addWidget(m_searchEdit);
    layout->addWidget(m_searchError);
    layout->addWidget(m_tree, 1);
    layout->addWidget(m_countsLabel);
    layout->addWidget(m_droppedLabel);
    return pane;
}

QWidget *ConnectionView::createDetailPane()
{
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setChildrenCollapsible(false);
    m_detailTabs = new QTabWidget(splitter);
    m_detailTabs->setDocumentMode(true);
    m_messageView = new MessageView(m_detailTabs);
    m_messageView->setModel(m_model);
    m_chartDashboard = new ChartDashboard(m_detailTabs);
    m_detailTabs->addTab(m_messageView, tr("Message"));
    m_detailTabs->addTab(m_chartDashboard, tr("Charts"));
    connect(m_session, &MqttSession::messagesReceived, m_chartDashboard->store(), &MeasurementStore::ingest);
    connect(m_chartDashboard, &ChartDashboard::statusMessage, this, &ConnectionView::statusMessage);
    if (!m_profile.name.isEmpty())
        m_chartDashboard->setSettingsGroup(QStringLiteral("charts/")
                                           + QString::fromLatin1(QUrl::toPercentEncoding(m_profile.name)));

    m_bottomTabs = new QTabWidget(splitter);
    m_bottomTabs->setDocumentMode(true);
    m_publishPanel = new PublishPanel(m_bottomTabs);
    m_publishHistory = new PublishHistory(m_bottomTabs);
    m_bottomTabs->addTab(m_publishPanel, tr("Publish"));
    m_bottomTabs->addTab(m_publishHistory, tr("Publish History"));
    m_subscriptionEditor = new SubscriptionEditor(m_session, m_model, m_bottomTabs);
    m_bottomTabs->addTab(m_subscriptionEditor, tr("Subscriptions"));
    connect(m_publishPanel, &PublishPanel::publishRequested, this, &ConnectionView::publish);
    connect(m_publishHistory, &PublishHistory::republishRequested, this, &ConnectionView::publish);
    connect(m_publishHistory, &PublishHistory::editRequested, this, [this](const MqttPublishRequest &request) {
        m_publishPanel->loadRequest(request);
        m_bottomTabs->setCurrentWidget(m_publishPanel);
    });
    connect(m_publishHistory, &PublishHistory::countChanged, this, [this](int count) {
        m_bottomTabs->setTabText(m_bottomTabs->indexOf(m_publishHistory), tr("Publish History (%1)").arg(count));
    });

    splitter->addWidget(m_detailTabs);
    splitter->addWidget(m_bottomTabs);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    return splitter;
}

ConnectionProfile ConnectionView::profile() const
{
    ConnectionProfile profile = m_profile;
    profile.subscriptions = m_subscriptionEditor->subscriptions();
    return profile;
}

QString ConnectionView::title() const
{
    if (!m_profile.name.isEmpty())
        return m_profile.name;
    return tr("%1:%2").arg(m_profile.settings.host).arg(m_profile.settings.port);
}

QString ConnectionView::stateText() const
{
    return m_stateLabel->text();
}

QIcon ConnectionView::stateIcon() const
{
    return QIcon(stateDot(m_session->state(), 12));
}

QString ConnectionView::countsText() const
{
    return m_countsLabel->text();
}

QString ConnectionView::droppedText() const
{
    return m_droppedLabel->isHidden() ? QString() : m_droppedLabel->text();
}

void ConnectionView::connectToBroker()
{
    m_lastDisconnectReason.clear();
    m_lastError.clear();
    m_disconnectRequested = false;
    m_session->setSettings(m_profile.settings);
    m_session->connectToBroker();
    updateStateLabel();
}

void ConnectionView::disconnectFromBroker()
{
    m_disconnectRequested = true;
    m_session->disconnectFromBroker();
    updateStateLabel();
}

void ConnectionView::subscribe(const QString &filter, int qos)
{
    // Keeps the MQTT 5 options of an existing subscription with this filter.
    const int row = m_subscriptionEditor->rowForFilter(filter);
    MqttSubscription subscription = row >= 0 ? m_subscriptionEditor->subscriptions().at(row) : MqttSubscription{};
    subscription.filter = filter;
    subscription.qos = quint8(qos);
    subscription.enabled = true;
    m_subscriptionEditor->addSubscription(subscription);
}

void ConnectionView::unsubscribe(const QString &filter)
{
    m_subscriptionEditor->removeSubscription(m_subscriptionEditor->rowForFilter(filter));
    Q_EMIT statusMessage(tr("Unsubscribed from %1.").arg(filter));
}

void ConnectionView::setTopicFilterText(const QString &text)
{
    m_searchEdit->setText(text);
    applyFilterText();
}

bool ConnectionView::selectTopic(const QString &topic)
{
    const QModelIndex source = m_model->indexForTopic(topic);
    const QModelIndex index = m_proxy->mapFromSource(source);
    if (!index.isValid())
        return false;
    m_tree->revealIndex(index);
    if (m_messageView->topic() != topic)
        m_messageView->setTopic(topic);
    return true;
}

void ConnectionView::clearRetainedMessage(const QString &topic)
{
    auto *box = new QMessageBox(QMessageBox::Question, tr("Clear Retained Message"),
                                tr("Clear the retained message on \"%1\"?").arg(topic),
                                QMessageBox::Cancel, this);
    box->setInformativeText(tr("LineScope publishes an empty retained message to this topic. The broker then deletes "
                               "its retained message, and new subscribers no longer receive it."));
    QPushButton *clearButton = box->addButton(tr("Clear Retained Message"), QMessageBox::DestructiveRole);
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box, clearButton, topic] {
        if (box->clickedButton() != clearButton)
            return;
        MqttPublishRequest request;
        request.topic = topic;
        request.qos = 1;
        request.retain = true;
        publish(request);
    });
    box->open();
}

void ConnectionView::onStateChanged(MqttSession::State state)
{
    if (state == MqttSession::State::Connected) {
        m_lastError.clear();
        m_lastDisconnectReason.clear();
    }
    if (state == MqttSession::State::WaitingToReconnect) {
        m_retryDeadlineMs = QDateTime::currentMSecsSinceEpoch() + qint64(m_session->retryInSeconds()) * 1000;
        m_countdownTimer.start();
    } else {
        m_countdownTimer.stop();
    }
    const bool idle = state == MqttSession::State::Disconnected || state == MqttSession::State::Failed;
    m_connectAction->setEnabled(idle);
    m_disconnectAction->setEnabled(!idle);
    updateStateLabel();
    Q_EMIT stateChanged(state);
}

void ConnectionView::updateStateLabel()
{
    const ConnectionSettings &s = m_profile.settings;
    const MqttSession::State state = m_session->state();
    QString text;
    switch (state) {
    case MqttSession::State::Disconnected:
        // Without automatic reconnects a failure ends in Disconnected, not Failed:
        // say what went wrong unless the user asked for it.
        if (m_disconnectRequested || (m_lastError.isEmpty() && m_lastDisconnectReason.isEmpty()))
            text = tr("Disconnected");
        else if (!m_lastDisconnectReason.isEmpty())
            text = tr("Connection lost: %1").arg(m_lastDisconnectReason);
        else
            text = tr("Failed: %1").arg(m_lastError);
        break;
    case MqttSession::State::Connecting:
        text = tr("Connecting to %1:%2…").arg(s.host).arg(s.port);
        break;
    case MqttSession::State::Connected:
        text = tr("Connected to %1:%2 as %3").arg(s.host).arg(s.port).arg(m_session->clientId());
        break;
    case MqttSession::State::WaitingToReconnect: {
        const qint64 remainingMs = std::max<qint64>(0, m_retryDeadlineMs - QDateTime::currentMSecsSinceEpoch());
        text = tr("Connection lost: %1. Retrying in %2 s")
                   .arg(withoutFinalPeriod(m_session->errorString()))
                   .arg(qint64(std::ceil(double(remainingMs) / 1000.0)));
        break;
    }
    case MqttSession::State::Failed:
        text = tr("Failed: %1").arg(m_session->errorString());
        break;
    }
    m_stateLabel->setText(text);
    m_stateLabel->setToolTip(text);
    m_stateIconLabel->setPixmap(stateDot(state, 12));
}

void ConnectionView::onConnected()
{
    // The subscription editor (re-)subscribes; it is connected to the session itself.
    Q_EMIT statusMessage(tr("%1: connected.").arg(title()));
}

void ConnectionView::onSubscribed(const QList<MqttSubscribeResult> &results)
{
    int refused = 0;
    for (const MqttSubscribeResult &result : results) {
        if (!result.isGranted())
            ++refused;
    }
    if (results.isEmpty())
        return;
    if (refused == results.size() && results.size() > 1)
        Q_EMIT statusMessage(tr("All subscription requests were denied."));
    else if (refused > 0)
        Q_EMIT statusMessage(tr("The broker refused %1 of %2 subscriptions; see the subscription list.").arg(refused).arg(results.size()));
    else if (results.size() == 1)
        Q_EMIT statusMessage(tr("Subscribed to %1 (QoS %2).").arg(results.constFirst().filter).arg(results.constFirst().grantedQos));
}

void ConnectionView::publish(const MqttPublishRequest &request)
{
    if (m_session->state() != MqttSession::State::Connected) {
        m_publishPanel->showResult(tr("Not connected to the broker. Connect first, then publish."), false);
        return;
    }
    const int historyKey = m_publishHistory->addEntry(request);
    const int id = m_session->publish(request);
    if (id == 0) {
        const QString reason = m_session->errorString();
        m_publishHistory->setResult(historyKey, false, reason);
        m_publishPanel->showResult(tr("Not published: %1").arg(reason), false);
        return;
    }
    m_pendingPublishes.insert(id, {historyKey, request});
}

void ConnectionView::onPublished(int requestId, bool ok, const QString &reason)
{
    const auto it = m_pendingPublishes.constFind(requestId);
    if (it == m_pendingPublishes.cend())
        return;   // published by someone else on this session (e.g. a simulator)
    const PendingPublish pending = it.value();
    m_pendingPublishes.erase(it);
    const MqttPublishRequest &request = pending.request;
    if (!ok) {
        m_publishHistory->setResult(pending.historyKey, false, reason);
        m_publishPanel->showResult(tr("Publishing to %1 failed: %2").arg(request.topic, reason), false);
        return;
    }
    const QString result = request.qos == 0 ? tr("sent") : tr("acknowledged by the broker");
    m_publishHistory->setResult(pending.historyKey, true, result);
    if (request.retain && request.payload.isEmpty()) {
        m_publishPanel->showResult(tr("Cleared the retained message on %1.").arg(request.topic), true);
        Q_EMIT statusMessage(tr("Cleared the retained message on %1.").arg(request.topic));
    } else {
        m_publishPanel->showResult(tr("Published %1 to %2 (QoS %3, %4).")
                                       .arg(QLocale().formattedDataSize(request.payload.size()), request.topic)
                                       .arg(request.qos)
                                       .arg(result),
                                   true);
    }
}

void ConnectionView::updateCounts()
{
    const qint64 topics = m_model->topicCount();
    const qint64 messages = m_model->messageCount();
    const qint64 backlog = m_session->backlogCount();
    const quint64 dropped = m_session->droppedCount();
    if (dropped != m_shownDropped) {
        m_shownDropped = dropped;
        m_droppedLabel->setText(tr("dropped %1 messages").arg(QLocale().toString(dropped)));
        m_droppedLabel->setVisible(dropped > 0);
    }
    if (topics == m_shownTopicCount && messages == m_shownMessageCount && backlog == m_shownBacklog)
        return;
    m_shownTopicCount = topics;
    m_shownMessageCount = messages;
    m_shownBacklog = backlog;
    const QLocale locale;
    const QString counts = tr("%1 topics, %2 messages").arg(locale.toString(topics), locale.toString(messages));
    // Say when the view falls behind the broker instead of looking idle.
    if (qEnvironmentVariableIsSet("NOCOUNTS")) return;
    m_countsLabel->setText(backlog > 0 ? tr("%1 (%2 received, not shown yet)").arg(counts, locale.toString(backlog))
                                       : counts);
}

void ConnectionView::applyFilterText()
{
    m_filterTimer.stop();
    m_proxy->setFilterText(m_searchEdit->text());
    const TopicFilter::ValidationError error = m_proxy->filterError();
    m_searchError->setText(error.message);
    m_searchError->setVisible(!error.isValid());
}

ShadowEditor *ConnectionView::openShadowEditor(const QString &thing)
{
    auto *editor = findChild<ShadowEditor *>(QString(), Qt::FindDirectChildrenOnly);
    if (!editor) {
        editor = new ShadowEditor(m_session, this);
        editor->setWindowFlag(Qt::Window);
        editor->resize(1280, 820);
        connect(editor, &ShadowEditor::requestFinished, this, [this, editor](const ShadowResult &result) {
            if (!result.isAccepted())
                Q_EMIT statusMessage(tr("%1: %2").arg(editor->shadow().displayName(), result.errorString));
        });
    }
    if (!thing.isEmpty())
        editor->openShadow(ShadowName::classic(thing));
    editor->show();
    editor->raise();
    editor->activateWindow();
    return editor;
}
