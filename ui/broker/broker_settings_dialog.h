#pragma once

#include "broker/broker_config.h"
#include "uplink/uplink_settings.h"

#include <QDialog>

QT_FORWARD_DECLARE_CLASS(QCheckBox)
QT_FORWARD_DECLARE_CLASS(QComboBox)
QT_FORWARD_DECLARE_CLASS(QDialogButtonBox)
QT_FORWARD_DECLARE_CLASS(QLabel)
QT_FORWARD_DECLARE_CLASS(QLineEdit)
QT_FORWARD_DECLARE_CLASS(QPlainTextEdit)
QT_FORWARD_DECLARE_CLASS(QRadioButton)
QT_FORWARD_DECLARE_CLASS(QSpinBox)
QT_FORWARD_DECLARE_CLASS(QTabWidget)
struct CertificateInfo;

// Settings of the embedded broker that used to be CLI-only: the LAN
// listener (port, bind address, TLS certificate, key and CA) and the
// store-and-forward uplink (cloud host and port, client identity from the
// certificate vault or from files, CA, ALPN, forwarded and downlink topic
// filters, queue limits). OK is refused with the first problem shown in
// place (which field, what is wrong, what is allowed). Only paths and vault
// ids are edited here, never key material.
class BrokerSettingsDialog : public QDialog
{
    Q_OBJECT
public:
    // identities: the vault's certificates to offer for the uplink.
    BrokerSettingsDialog(const BrokerConfig &config, const UplinkSettings &uplink,
                         const QList<CertificateInfo> &identities, QWidget *parent = nullptr);

    BrokerConfig brokerConfig() const;
    UplinkSettings uplinkSettings() const;
    QTabWidget *pages() const { return m_pages; }
    // The problem that blocks OK, or an empty string.
    QString problem() const;

    void accept() override;

private:
    QWidget *createLanPage();
    QWidget *createUplinkPage(const QList<CertificateInfo> &identities);
    QLineEdit *fileField(QWidget *parent, const QString &objectName, const QString &filter, QWidget **row);
    void updateEnabled();
    void showProblem();

    BrokerConfig m_config;
    UplinkSettings m_uplink;
    QTabWidget *m_pages = nullptr;
    QLabel *m_problem = nullptr;
    QDialogButtonBox *m_buttons = nullptr;

    QCheckBox *m_lanEnabled = nullptr;
    QSpinBox *m_lanPort = nullptr;
    QLineEdit *m_lanBind = nullptr;
    QCheckBox *m_lanTls = nullptr;
    QLineEdit *m_lanCert = nullptr;
    QLineEdit *m_lanKey = nullptr;
    QLineEdit *m_lanCa = nullptr;

    QCheckBox *m_uplinkEnabled = nullptr;
    QLineEdit *m_host = nullptr;
    QSpinBox *m_port = nullptr;
    QLineEdit *m_clientId = nullptr;
    QRadioButton *m_fromVault = nullptr;
    QRadioButton *m_fromFiles = nullptr;
    QComboBox *m_identity = nullptr;
    QLineEdit *m_certFile = nullptr;
    QLineEdit *m_keyFile = nullptr;
    QLineEdit *m_caFile = nullptr;
    QLineEdit *m_alpn = nullptr;
    QPlainTextEdit *m_filters = nullptr;
    QPlainTextEdit *m_downlink = nullptr;
    QSpinBox *m_maxMessages = nullptr;
    QSpinBox *m_maxMegabytes = nullptr;
    QSpinBox *m_minFreeMegabytes = nullptr;
};
