#pragma once

#include <QHash>
#include <QWidget>

QT_FORWARD_DECLARE_CLASS(QComboBox)
QT_FORWARD_DECLARE_CLASS(QLabel)
QT_FORWARD_DECLARE_CLASS(QLineEdit)
QT_FORWARD_DECLARE_CLASS(QPushButton)
QT_FORWARD_DECLARE_CLASS(QTableWidget)
class BrokerAdmin;

// Device and operator accounts of the LAN listener (add, remove, role) and
// the effective-permissions checker: account + topic + action -> allowed or
// denied, and the rule that decided (BrokerAccounts::effectivePermission).
// Changes go to the running broker through BrokerAdmin; the widget is
// read-only with an explanation while that is not possible.
class BrokerAccountsWidget : public QWidget
{
    Q_OBJECT
public:
    explicit BrokerAccountsWidget(BrokerAdmin *admin, QWidget *parent = nullptr);

    // False with a reason: the LAN listener is off or not reachable.
    void setEditable(bool editable, const QString &reason = {});

    // For tests: the checker's inputs and its verdict text.
    void checkPermission(const QString &username, const QString &topic, int action);
    QString verdictText() const;

private:
    void addAccount();
    void removeSelected();
    void reloadAccounts();
    void updateVerdict();

    BrokerAdmin *m_admin = nullptr;
    QTableWidget *m_table = nullptr;
    QLineEdit *m_username = nullptr;
    QComboBox *m_kind = nullptr;
    QLineEdit *m_thing = nullptr;
    QLineEdit *m_password = nullptr;
    QPushButton *m_add = nullptr;
    QPushButton *m_remove = nullptr;
    QLabel *m_status = nullptr;
    QComboBox *m_checkAccount = nullptr;
    QLineEdit *m_checkTopic = nullptr;
    QComboBox *m_checkAction = nullptr;
    QLabel *m_verdict = nullptr;
    QLabel *m_rule = nullptr;
    QHash<int, QString> m_pending;   // request id -> text shown when it succeeded
    bool m_editable = false;
};
