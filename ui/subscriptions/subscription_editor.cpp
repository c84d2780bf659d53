#include "subscription_editor.h"

#include "connection/subscription_box.h"
#include "filter_preview.h"
#include "topics/topic_filter.h"
#include "topictree/topic_tree_delegate.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QPixmap>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace {

enum Column { FilterColumn, QosColumn, OptionsColumn, StatusColumn, ColumnCount };

constexpr int MaximumSubscriptionIdentifier = 268435455;   // MQTT 5 variable byte integer

const QColor OkColor(0x2e, 0x8b, 0x57);
const QColor ErrorColor(0xc0, 0x1c, 0x28);

QIcon swatch(int row)
{
    QPixmap pixmap(12, 12);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(TopicTreeDelegate::subscriptionColor(row));
    painter.drawRoundedRect(QRectF(1, 1, 10, 10), 3, 3);
    return QIcon(pixmap);
}

QString optionsText(const MqttSubscription &s)
{
    QStringList parts;
    if (s.noLocal)
        parts << SubscriptionEditor::tr("no local");
    if (s.retainAsPublished)
        parts << SubscriptionEditor::tr("retain as published");
    if (s.retainHandling == 1)
        parts << SubscriptionEditor::tr("retained: new only");
    else if (s.retainHandling == 2)
        parts << SubscriptionEditor::tr("retained: never");
    if (s.subscriptionIdentifier != 0)
        parts << SubscriptionEditor::tr("id %1").arg(s.subscriptionIdentifier);
    return parts.join(QStringLiteral(", "));
}

} // namespace

SubscriptionEditor::SubscriptionEditor(MqttSession *session, TopicTreeModel *model, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
{
    m_list = new QTreeWidget(this);
    m_list->setObjectName(QStringLiteral("subscriptionList"));
    m_list->setColumnCount(ColumnCount);
    m_list->setHeaderLabels({tr("Filter"), tr("QoS"), tr("Options"), tr("Broker answer")});
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->header()->setStretchLastSection(true);
    m_list->header()->resizeSection(FilterColumn, 170);
    m_list->header()->resizeSection(QosColumn, 36);
    m_list->header()->resizeSection(OptionsColumn, 110);
    connect(m_list, &QTreeWidget::itemSelectionChanged, this, [this] {
        const int row = selectedRow();
        if (row >= 0)
            loadIntoForm(m_entries[size_t(row)].subscription);
        onSelectionChanged();
    });
    connect(m_list, &QTreeWidget::itemChanged, this, [this](QTreeWidgetItem *item, int column) {
        if (column != FilterColumn)
            return;
        const int row = m_list->indexOfTopLevelItem(item);
        const bool checked = item->checkState(FilterColumn) == Qt::Checked;
        if (row >= 0 && row < count() && checked != m_entries[size_t(row)].subscription.enabled)
            setSubscriptionEnabled(row, checked);
    });

    m_filterEdit = new QLineEdit(this);
    m_filterEdit->setObjectName(QStringLiteral("subscriptionFilter"));
    m_filterEdit->setPlaceholderText(tr("Topic filter, e.g. factory/+/line-3/#"));
    m_filterEdit->setClearButtonEnabled(true);
    m_errorLabel = new QLabel(this);
    m_errorLabel->setObjectName(QStringLiteral("subscriptionFilterError"));
    m_errorLabel->setWordWrap(true);
    QPalette errorPalette = m_errorLabel->palette();
    errorPalette.setColor(QPalette::WindowText, ErrorColor);
    m_errorLabel->setPalette(errorPalette);
    m_errorLabel->hide();

    m_qosCombo = new QComboBox(this);
    m_qosCombo->addItems({tr("0 – at most once"), tr("1 – at least once"), tr("2 – exactly once")});
    m_noLocalCheck = new QCheckBox(tr("No local (not my own messages)"), this);
    m_retainAsPublishedCheck = new QCheckBox(tr("Retain as published"), this);
    m_retainHandlingCombo = new QComboBox(this);
    m_retainHandlingCombo->addItems({tr("0 – send retained messages"), tr("1 – only for a new subscription"),
                                     tr("2 – never send retained messages")});
    m_identifierSpin = new QSpinBox(this);
    m_identifierSpin->setRange(0, MaximumSubscriptionIdentifier);
    m_identifierSpin->setSpecialValueText(tr("none"));

    m_addButton = new QPushButton(tr("Add"), this);
    m_addButton->setDefault(true);
    m_applyButton = new QPushButton(tr("Apply to Selected"), this);
    m_removeButton = new QPushButton(tr("Remove"), this);
    m_toggleButton = new QPushButton(tr("Disable"), this);
    m_toggleButton->setToolTip(tr("Unsubscribe but keep the subscription in the list and the profile"));

    connect(m_filterEdit, &QLineEdit::textChanged, this, &SubscriptionEditor::validateForm);
    connect(m_filterEdit, &QLineEdit::returnPressed, m_addButton, &QPushButton::click);
    connect(m_noLocalCheck, &QCheckBox::toggled, this, &SubscriptionEditor::validateForm);
    connect(m_addButton, &QPushButton::clicked, this, [this] { addSubscription(formSubscription()); });
    connect(m_applyButton, &QPushButton::clicked, this, [this] {
        const int row = selectedRow();
        if (row >= 0)
            updateSubscription(row, formSubscription());
    });
    connect(m_removeButton, &QPushButton::clicked, this, [this] {
        const int row = selectedRow();
        if (row >= 0)
            removeSubscription(row);
    });
    connect(m_toggleButton, &QPushButton::clicked, this, [this] {
        const int row = selectedRow();
        if (row >= 0)
            setSubscriptionEnabled(row, !m_entries[size_t(row)].subscription.enabled);
    });

    m_preview = new FilterPreview(this);
    m_preview->setModel(model);

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("Filter"), m_filterEdit);
    form->addRow(QString(), m_errorLabel);
    form->addRow(tr("QoS"), m_qosCombo);
    form->addRow(tr("Retained"), m_retainHandlingCombo);
    form->addRow(tr("Identifier"), m_identifierSpin);
    form->addRow(QString(), m_noLocalCheck);
    form->addRow(QString(), m_retainAsPublishedCheck);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_addButton);
    buttons->addWidget(m_applyButton);
    buttons->addStretch(1);
    buttons->addWidget(m_toggleButton);
    buttons->addWidget(m_removeButton);

    auto *formPane = new QWidget(this);
    auto *formLayout = new QVBoxLayout(formPane);
    formLayout->setContentsMargins(0, 0, 0, 0);
    formLayout->addLayout(form);
    formLayout->addLayout(buttons);
    formLayout->addWidget(m_preview, 1);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(m_list);
    splitter->addWidget(formPane);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);

    if (m_session) {
        connect(m_session, &MqttSession::stateChanged, this, &SubscriptionEditor::onStateChanged);
        connect(m_session, &MqttSession::connected, this, &SubscriptionEditor::onConnected);
        connect(m_session, &MqttSession::subscribed, this, &SubscriptionEditor::onSubscribed);
        connect(m_session, &MqttSession::messagesReceived, this, &SubscriptionEditor::onMessages);
    }
    validateForm();
    onSelectionChanged();
}

SubscriptionEditor::~SubscriptionEditor() = default;

void SubscriptionEditor::setStatusBox(SubscriptionBox *box)
{
    m_box = box;
    for (int row = 0; row < count(); ++row)
        setStatus(row, m_entries[size_t(row)].status, m_entries[size_t(row)].text);
}

void SubscriptionEditor::setSubscriptions(const QList<MqttSubscription> &subscriptions)
{
    while (count() > 0)
        removeSubscription(count() - 1);
    for (const MqttSubscription &subscription : subscriptions)
        addSubscription(subscription);
}

QList<MqttSubscription> SubscriptionEditor::subscriptions() const
{
    QList<MqttSubscription> result;
    for (const Entry &entry : m_entries)
        result.append(entry.subscription);
    return result;
}

int SubscriptionEditor::rowForFilter(const QString &filter) const
{
    for (int row = 0; row < count(); ++row) {
        if (m_entries[size_t(row)].subscription.filter == filter)
            return row;
    }
    return -1;
}

void SubscriptionEditor::addSubscription(const MqttSubscription &subscription)
{
    const int existing = rowForFilter(subscription.filter);
    if (existing >= 0) {
        updateSubscription(existing, subscription);
        return;
    }
    Entry entry;
    entry.subscription = subscription;
    m_entries.push_back(entry);
    rebuildRows();
    rebuildIndex();
    const int row = count() - 1;
    if (subscription.enabled)
        sendSubscribe(row);
    else
        setStatus(row, Status::Disabled);
    Q_EMIT subscriptionsChanged();
}

void SubscriptionEditor::updateSubscription(int row, const MqttSubscription &subscription)
{
    if (row < 0 || row >= count())
        return;
    Entry &entry = m_entries[size_t(row)];
    const MqttSubscription old = entry.subscription;
    const int clash = rowForFilter(subscription.filter);
    if (clash >= 0 && clash != row) {
        // Two rows with one filter would fight over one broker subscription.
        removeSubscription(clash);
        updateSubscription(clash < row ? row - 1 : row, subscription);
        return;
    }
    if (old.enabled && old.filter != subscription.filter)
        sendUnsubscribe(old.filter);
    entry.subscription = subscription;
    updateRow(row);
    rebuildIndex();
    // A SUBSCRIBE for a filter we already hold replaces its options (MQTT §3.8.4).
    if (subscription.enabled)
        sendSubscribe(row);
    else {
        if (old.enabled && old.filter == subscription.filter)
            sendUnsubscribe(old.filter);
        setStatus(row, Status::Disabled);
    }
    Q_EMIT subscriptionsChanged();
}

void SubscriptionEditor::removeSubscription(int row)
{
    if (row < 0 || row >= count())
        return;
    const MqttSubscription removed = m_entries[size_t(row)].subscription;
    if (removed.enabled)
        sendUnsubscribe(removed.filter);
    m_entries.erase(m_entries.begin() + row);
    if (m_box)
        m_box->removeFilter(removed.filter);
    rebuildRows();
    rebuildIndex();
    Q_EMIT subscriptionsChanged();
}

void SubscriptionEditor::setSubscriptionEnabled(int row, bool enabled)
{
    if (row < 0 || row >= count() || m_entries[size_t(row)].subscription.enabled == enabled)
        return;
    m_entries[size_t(row)].subscription.enabled = enabled;
    if (enabled) {
        sendSubscribe(row);
    } else {
        sendUnsubscribe(m_entries[size_t(row)].subscription.filter);
        setStatus(row, Status::Disabled);
    }
    rebuildIndex();
    onSelectionChanged();
    Q_EMIT subscriptionsChanged();
}

SubscriptionEditor::Status SubscriptionEditor::status(int row) const
{
    return row >= 0 && row < count() ? m_entries[size_t(row)].status : Status::Disabled;
}

QString SubscriptionEditor::statusText(int row) const
{
    return row >= 0 && row < count() ? m_entries[size_t(row)].text : QString();
}

int SubscriptionEditor::subscriptionForTopic(const QString &topic) const
{
    const auto delivered = m_deliveredBy.constFind(topic);
    if (delivered != m_deliveredBy.cend()) {
        for (int row = 0; row < count(); ++row) {
            const MqttSubscription &s = m_entries[size_t(row)].subscription;
            if (s.enabled && s.subscriptionIdentifier == delivered.value())
                return row;
        }
    }
    const QList<int> rows = m_index.match(topic);
    if (rows.isEmpty())
        return -1;
    return *std::min_element(rows.cbegin(), rows.cend());
}

QString SubscriptionEditor::filterErrorText() const
{
    return m_errorLabel->isHidden() ? QString() : m_errorLabel->text();
}

MqttSubscription SubscriptionEditor::formSubscription() const
{
    MqttSubscription s;
    s.filter = m_filterEdit->text();
    s.qos = quint8(m_qosCombo->currentIndex());
    s.noLocal = m_noLocalCheck->isChecked();
    s.retainAsPublished = m_retainAsPublishedCheck->isChecked();
    s.retainHandling = quint8(m_retainHandlingCombo->currentIndex());
    s.subscriptionIdentifier = quint32(m_identifierSpin->value());
    return s;
}

void SubscriptionEditor::loadIntoForm(const MqttSubscription &subscription)
{
    m_filterEdit->setText(subscription.filter);
    m_qosCombo->setCurrentIndex(subscription.qos);
    m_noLocalCheck->setChecked(subscription.noLocal);
    m_retainAsPublishedCheck->setChecked(subscription.retainAsPublished);
    m_retainHandlingCombo->setCurrentIndex(subscription.retainHandling);
    m_identifierSpin->setValue(int(subscription.subscriptionIdentifier));
    validateForm();
}

void SubscriptionEditor::sendSubscribe(int row)
{
    const MqttSubscription &subscription = m_entries[size_t(row)].subscription;
    if (!m_session || m_session->state() != MqttSession::State::Connected) {
        setStatus(row, Status::WaitingForConnection);
        return;
    }
    if (m_session->subscribe(subscription))
        setStatus(row, Status::Pending);
    else
        setStatus(row, Status::Failed, m_session->errorString());
}

void SubscriptionEditor::sendUnsubscribe(const QString &filter)
{
    if (!m_session)
        return;
    // False means the session does not hold the filter (refused by the broker,
    // or never sent): there is nothing to undo, so it is not an error here.
    if (!m_session->unsubscribe(filter))
        qInfo("SubscriptionEditor: %s was not subscribed: %s", qPrintable(filter), qPrintable(m_session->errorString()));
}

void SubscriptionEditor::setStatus(int row, Status status, const QString &detail)
{
    Entry &entry = m_entries[size_t(row)];
    entry.status = status;
    const MqttSubscription &s = entry.subscription;
    switch (status) {
    case Status::Disabled:
        entry.text = tr("Disabled (not subscribed)");
        if (m_box)
            m_box->removeFilter(s.filter);
        break;
    case Status::WaitingForConnection:
        entry.text = tr("Subscribes once connected");
        if (m_box)
            m_box->setWaitingForConnection(s.filter, s.qos);
        break;
    case Status::Pending:
        entry.text = tr("Waiting for the broker…");
        if (m_box)
            m_box->setPending(s.filter, s.qos);
        break;
    case Status::Granted:
        entry.text = entry.result.grantedQos < s.qos
            ? tr("Granted QoS %1 (requested %2)").arg(entry.result.grantedQos).arg(s.qos)
            : tr("Granted QoS %1").arg(entry.result.grantedQos);
        if (m_box)
            m_box->setResult(entry.result);
        break;
    case Status::Refused:
        entry.text = tr("Refused: %1").arg(entry.result.reason.isEmpty()
                                               ? tr("reason code 0x%1").arg(entry.result.reasonCode, 2, 16, QLatin1Char('0'))
                                               : entry.result.reason);
        if (m_box)
            m_box->setResult(entry.result);
        break;
    case Status::Failed:
        entry.text = tr("Not subscribed: %1").arg(detail);
        if (m_box)
            m_box->setFailed(s.filter, detail);
        break;
    }
    updateRow(row);
}

void SubscriptionEditor::onStateChanged(MqttSession::State state)
{
    if (state == MqttSession::State::Connected)
        return;
    for (int row = 0; row < count(); ++row) {
        const Entry &entry = m_entries[size_t(row)];
        if (entry.subscription.enabled && entry.status != Status::Refused && entry.status != Status::Failed)
            setStatus(row, Status::WaitingForConnection);
    }
}

void SubscriptionEditor::onConnected()
{
    const QList<MqttSubscription> active = m_session->subscriptions();
    for (int row = 0; row < count(); ++row) {
        const MqttSubscription &subscription = m_entries[size_t(row)].subscription;
        if (!subscription.enabled)
            continue;
        const bool alreadyActive = std::any_of(active.cbegin(), active.cend(), [&subscription](const MqttSubscription &a) {
            return a.filter == subscription.filter && a.qos == subscription.qos;
        });
        if (alreadyActive)
            setStatus(row, Status::Pending);   // the session re-sends it itself; the SUBACK follows
        else
            sendSubscribe(row);
    }
}

void SubscriptionEditor::onSubscribed(const QList<MqttSubscribeResult> &results)
{
    for (const MqttSubscribeResult &result : results) {
        const int row = rowForFilter(result.filter);
        if (row < 0 || !m_entries[size_t(row)].subscription.enabled)
            continue;   // removed or disabled while the SUBSCRIBE was on its way
        m_entries[size_t(row)].result = result;
        setStatus(row, result.isGranted() ? Status::Granted : Status::Refused);
    }
}

void SubscriptionEditor::onMessages(const QList<MqttMessage> &messages)
{
    bool changed = false;
    for (const MqttMessage &message : messages) {
        if (message.properties.subscriptionIdentifiers.isEmpty())
            continue;
        const quint32 id = message.properties.subscriptionIdentifiers.constFirst();
        auto it = m_deliveredBy.find(message.topic);
        if (it == m_deliveredBy.end()) {
            m_deliveredBy.insert(message.topic, id);
            changed = true;
        } else if (it.value() != id) {
            it.value() = id;
            changed = true;
        }
    }
    if (changed)
        Q_EMIT subscriptionsChanged();
}

void SubscriptionEditor::rebuildRows()
{
    const QSignalBlocker blocker(m_list);
    m_list->clear();
    for (int row = 0; row < count(); ++row) {
        auto *item = new QTreeWidgetItem(m_list);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
        updateRow(row);
    }
    onSelectionChanged();
}

void SubscriptionEditor::updateRow(int row)
{
    QTreeWidgetItem *item = m_list->topLevelItem(row);
    if (!item)
        return;
    const QSignalBlocker blocker(m_list);
    const Entry &entry = m_entries[size_t(row)];
    const MqttSubscription &s = entry.subscription;
    item->setText(FilterColumn, s.filter);
    item->setToolTip(FilterColumn, tr("Tick to subscribe, untick to unsubscribe but keep it. "
                                      "The colour marks the topics this subscription delivered."));
    item->setIcon(FilterColumn, swatch(row));
    item->setCheckState(FilterColumn, s.enabled ? Qt::Checked : Qt::Unchecked);
    item->setText(QosColumn, QString::number(s.qos));
    item->setText(OptionsColumn, optionsText(s));
    item->setText(StatusColumn, entry.text);
    item->setToolTip(StatusColumn, entry.text);
    QColor color = palette().color(QPalette::PlaceholderText);
    if (entry.status == Status::Granted)
        color = OkColor;
    else if (entry.status == Status::Refused || entry.status == Status::Failed)
        color = ErrorColor;
    item->setForeground(StatusColumn, color);
    for (int column = 0; column < ColumnCount; ++column) {
        if (column != StatusColumn)
            item->setForeground(column, s.enabled ? palette().color(QPalette::Text) : palette().color(QPalette::PlaceholderText));
    }
}

void SubscriptionEditor::rebuildIndex()
{
    m_index.clear();
    for (int row = 0; row < count(); ++row) {
        const MqttSubscription &s = m_entries[size_t(row)].subscription;
        // An invalid filter cannot be subscribed either; it simply matches nothing.
        if (s.enabled)
            m_index.insert(s.filter, row);
    }
}

void SubscriptionEditor::validateForm()
{
    const QString filter = m_filterEdit->text();
    QString error;
    if (!filter.isEmpty()) {
        const TopicFilter::ValidationError validation = TopicFilter::validate(filter);
        if (!validation.isValid())
            error = validation.message;
        else
            error = MqttSession::validateSubscription(formSubscription(), isMqtt5() ? ConnectionSettings::ProtocolVersion::V5
                                                                                   : ConnectionSettings::ProtocolVersion::V311);
    }
    m_errorLabel->setText(error);
    m_errorLabel->setVisible(!error.isEmpty());
    const bool ok = !filter.isEmpty() && error.isEmpty();
    m_addButton->setEnabled(ok);
    m_applyButton->setEnabled(ok && selectedRow() >= 0);
    m_preview->setFilter(filter);
}

void SubscriptionEditor::onSelectionChanged()
{
    const int row = selectedRow();
    m_removeButton->setEnabled(row >= 0);
    m_toggleButton->setEnabled(row >= 0);
    m_toggleButton->setText(row >= 0 && !m_entries[size_t(row)].subscription.enabled ? tr("Enable") : tr("Disable"));
    m_applyButton->setEnabled(row >= 0 && m_addButton->isEnabled());
}

int SubscriptionEditor::selectedRow() const
{
    const QList<QTreeWidgetItem *> selected = m_list->selectedItems();
    return selected.isEmpty() ? -1 : m_list->indexOfTopLevelItem(selected.constFirst());
}

bool SubscriptionEditor::isMqtt5() const
{
    return !m_session || m_session->settings().protocolVersion == ConnectionSettings::ProtocolVersion::V5;
}
