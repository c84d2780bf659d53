#include "broker_accounts_widget.h"

#include "broker/broker_accounts.h"
#include "broker/broker_admin.h"

#include <QComboBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace {

QString kindText(BrokerAccount::Kind kind)
{
    return kind == BrokerAccount::Kind::Operator ? BrokerAccountsWidget::tr("Operator") : BrokerAccountsWidget::tr("Device");
}

} // namespace

BrokerAccountsWidget::BrokerAccountsWidget(BrokerAdmin *admin, QWidget *parent)
    : QWidget(parent)
    , m_admin(admin)
{
    m_table = new QTableWidget(0, 4, this);
    m_table->setObjectName(QStringLiteral("brokerAccounts"));
    m_table->setHorizontalHeaderLabels({tr("Account"), tr("Role"), tr("Thing"), tr("Allowed topics")});
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);

    m_username = new QLineEdit(this);
    m_username->setObjectName(QStringLiteral("accountUsername"));
    m_username->setPlaceholderText(tr("username"));
    m_kind = new QComboBox(this);
    m_kind->setObjectName(QStringLiteral("accountKind"));
    m_kind->addItem(tr("Device"), int(BrokerAccount::Kind::Device));
    m_kind->addItem(tr("Operator"), int(BrokerAccount::Kind::Operator));
    m_thing = new QLineEdit(this);
    m_thing->setObjectName(QStringLiteral("accountThing"));
    m_thing->setPlaceholderText(tr("thing name"));
    m_password = new QLineEdit(this);
    m_password->setObjectName(QStringLiteral("accountPassword"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setPlaceholderText(tr("password"));
    m_add = new QPushButton(tr("Add"), this);
    m_add->setObjectName(QStringLiteral("addAccount"));
    m_remove = new QPushButton(tr("Remove Selected"), this);
    m_remove->setObjectName(QStringLiteral("removeAccount"));
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("accountStatus"));
    m_status->setWordWrap(true);

    // The allowed-topics column takes what is left and elides; the whole
    // text is in the tooltip, so the panel stays narrow enough to dock.
    m_table->setTextElideMode(Qt::ElideRight);
    m_table->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);

    auto *removeRow = new QHBoxLayout;
    removeRow->addStretch(1);
    removeRow->addWidget(m_remove);

    // A new account in two rows: who it is, then its password and Add.
    auto *addRow = new QGridLayout;
    addRow->addWidget(m_username, 0, 0);
    addRow->addWidget(m_kind, 0, 1);
    addRow->addWidget(m_thing, 0, 2);
    addRow->addWidget(m_password, 1, 0, 1, 2);
    addRow->addWidget(m_add, 1, 2, Qt::AlignRight);
    addRow->setColumnStretch(0, 2);
    addRow->setColumnStretch(1, 1);
    addRow->setColumnStretch(2, 2);
    auto *addBox = new QGroupBox(tr("New account"), this);
    addBox->setLayout(addRow);

    m_checkAccount = new QComboBox(this);
    m_checkAccount->setObjectName(QStringLiteral("checkAccount"));
    m_checkTopic = new QLineEdit(this);
    m_checkTopic->setObjectName(QStringLiteral("checkTopic"));
    m_checkTopic->setPlaceholderText(tr("topic or filter, e.g. factory/site/bldg/line/press-1/telemetry"));
    m_checkAction = new QComboBox(this);
    m_checkAction->setObjectName(QStringLiteral("checkAction"));
    for (const auto action : {BrokerAccounts::Action::Publish, BrokerAccounts::Action::Subscribe, BrokerAccounts::Action::Receive})
        m_checkAction->addItem(BrokerAccounts::actionName(action), int(action));
    m_verdict = new QLabel(this);
    m_verdict->setObjectName(QStringLiteral("checkVerdict"));
    m_rule = new QLabel(this);
    m_rule->setObjectName(QStringLiteral("checkRule"));
    m_rule->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_rule->setWordWrap(true);

    auto *checker = new QGroupBox(tr("Effective permissions"), this);
    auto *checkerLayout = new QFormLayout(checker);
    auto *inputs = new QHBoxLayout;
    inputs->addWidget(m_checkAccount, 1);
    inputs->addWidget(m_checkAction);
    checkerLayout->addRow(tr("Account:"), inputs);
    checkerLayout->addRow(tr("Topic:"), m_checkTopic);
    checkerLayout->addRow(tr("Verdict:"), m_verdict);
    checkerLayout->addRow(tr("Rule:"), m_rule);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_table, 1);
    layout->addLayout(removeRow);
    layout->addWidget(addBox);
    layout->addWidget(m_status);
    layout->addWidget(checker);

    connect(m_add, &QPushButton::clicked, this, &BrokerAccountsWidget::addAccount);
    connect(m_remove, &QPushButton::clicked, this, &BrokerAccountsWidget::removeSelected);
    connect(m_kind, &QComboBox::currentIndexChanged, this, [this] {
        m_thing->setEnabled(m_editable && m_kind->currentData().toInt() == int(BrokerAccount::Kind::Device));
    });
    connect(m_username, &QLineEdit::textEdited, this, [this](const QString &text) {
        // A device's thing name defaults to its username.
        if (m_kind->currentData().toInt() == int(BrokerAccount::Kind::Device) && !m_thing->isModified())
            m_thing->setText(text);
    });
    connect(m_admin, &BrokerAdmin::accountsChanged, this, &BrokerAccountsWidget::reloadAccounts);
    connect(m_admin, &BrokerAdmin::finished, this, [this](int id, bool ok, const QString &message) {
        const QString done = m_pending.take(id);
        if (!ok)
            m_status->setText(message);
        else if (!done.isEmpty())
            m_status->setText(done);
    });
    connect(m_checkAccount, &QComboBox::currentIndexChanged, this, &BrokerAccountsWidget::updateVerdict);
    connect(m_checkAction, &QComboBox::currentIndexChanged, this, &BrokerAccountsWidget::updateVerdict);
    connect(m_checkTopic, &QLineEdit::textChanged, this, &BrokerAccountsWidget::updateVerdict);

    reloadAccounts();
    setEditable(false);
}

void BrokerAccountsWidget::setEditable(bool editable, const QString &reason)
{
    // Keeps the last request's message while nothing changes.
    if (editable != m_editable || !reason.isEmpty())
        m_status->setText(reason);
    m_editable = editable;
    for (QWidget *widget : std::initializer_list<QWidget *>{m_username, m_kind, m_password, m_add, m_remove})
        widget->setEnabled(editable);
    m_thing->setEnabled(editable && m_kind->currentData().toInt() == int(BrokerAccount::Kind::Device));
}

void BrokerAccountsWidget::checkPermission(const QString &username, const QString &topic, int action)
{
    m_checkAccount->setCurrentIndex(m_checkAccount->findText(username));
    m_checkAction->setCurrentIndex(m_checkAction->findData(action));
    m_checkTopic->setText(topic);
    updateVerdict();
}

QString BrokerAccountsWidget::verdictText() const
{
    return m_verdict->text() + QLatin1Char('\n') + m_rule->text();
}

void BrokerAccountsWidget::addAccount()
{
    BrokerAccount account;
    account.username = m_username->text().trimmed();
    account.kind = BrokerAccount::Kind(m_kind->currentData().toInt());
    if (account.kind == BrokerAccount::Kind::Device)
        account.thing = m_thing->text().trimmed();
    const int id = m_admin->addAccount(account, m_password->text());
    if (id == 0) {
        m_status->setText(m_admin->lastError());
        return;
    }
    m_status->setText(tr("Adding %1…").arg(account.username));
    m_pending.insert(id, tr("%1 was added; it can connect now.").arg(account.username));
    m_password->clear();
}

void BrokerAccountsWidget::removeSelected()
{
    const int row = m_table->currentRow();
    const QList<BrokerAccount> accounts = m_admin->accounts();
    if (row < 0 || row >= accounts.size()) {
        m_status->setText(tr("Select the account to remove in the table."));
        return;
    }
    const int id = m_admin->removeAccount(accounts.at(row));
    m_pending.insert(id, tr("%1 was removed.").arg(accounts.at(row).username));
    m_status->setText(tr("Removing %1…").arg(accounts.at(row).username));
}

void BrokerAccountsWidget::reloadAccounts()
{
    const QList<BrokerAccount> accounts = m_admin->accounts();
    const QString checked = m_checkAccount->currentText();
    m_table->setRowCount(int(accounts.size()));
    m_checkAccount->blockSignals(true);
    m_checkAccount->clear();
    for (int row = 0; row < accounts.size(); ++row) {
        const BrokerAccount &account = accounts.at(row);
        QStringList topics;
        const QList<BrokerAclRule> rules = BrokerAccounts::rules(account);
        for (const BrokerAclRule &rule : rules) {
            if (rule.type == QLatin1String("publishClientSend") && !topics.contains(rule.topic))
                topics << rule.topic;
        }
        const QString summary = account.kind == BrokerAccount::Kind::Operator
            ? tr("read all; publish %1").arg(topics.join(QStringLiteral(", ")))
            : topics.join(QStringLiteral(", "));
        const QStringList cells = {account.username, kindText(account.kind), account.thing, summary};
        for (int column = 0; column < cells.size(); ++column) {
            auto *item = new QTableWidgetItem(cells.at(column));
            item->setToolTip(cells.at(column));
            m_table->setItem(row, column, item);
        }
        m_checkAccount->addItem(account.username);
    }
    for (int column = 0; column < m_table->columnCount() - 1; ++column)
        m_table->resizeColumnToContents(column);
    const int index = m_checkAccount->findText(checked);
    m_checkAccount->setCurrentIndex(index >= 0 ? index : 0);
    m_checkAccount->blockSignals(false);
    updateVerdict();
}

void BrokerAccountsWidget::updateVerdict()
{
    const QList<BrokerAccount> accounts = m_admin->accounts();
    const int index = m_checkAccount->currentIndex();
    const QString topic = m_checkTopic->text().trimmed();
    if (index < 0 || index >= accounts.size() || topic.isEmpty()) {
        m_verdict->setText(tr("Choose an account and enter a topic."));
        m_verdict->setStyleSheet({});
        m_rule->clear();
        return;
    }
    const auto action = BrokerAccounts::Action(m_checkAction->currentData().toInt());
    const BrokerPermission permission = BrokerAccounts::effectivePermission(accounts.at(index), topic, action);
    m_verdict->setText(permission.allowed ? tr("Allowed: %1 may %2 %3").arg(accounts.at(index).username, BrokerAccounts::actionName(action), topic)
                                          : tr("Denied: %1 may not %2 %3").arg(accounts.at(index).username, BrokerAccounts::actionName(action), topic));
    m_verdict->setStyleSheet(permission.allowed ? QStringLiteral("color: #1b7f3b; font-weight: bold;")
                                                : QStringLiteral("color: #b3261e; font-weight: bold;"));
    m_rule->setText(permission.rule);
}
