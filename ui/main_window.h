#pragma once

#include "profiles/connection_profile.h"

#include <QMainWindow>

QT_FORWARD_DECLARE_CLASS(QLabel)
QT_FORWARD_DECLARE_CLASS(QStackedWidget)
QT_FORWARD_DECLARE_CLASS(QTabWidget)
class CertificateVault;
class ConnectionView;
class ProfileStore;

// Menus, the tab of open connections and the status bar. Everything about
// one connection lives in ConnectionView; the window only hosts them.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(ProfileStore *profiles = nullptr, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Opens a tab for the profile and starts connecting.
    ConnectionView *openConnection(const ConnectionProfile &profile);
    ConnectionView *currentConnection() const;
    QList<ConnectionView *> connections() const;
    QTabWidget *tabWidget() const { return m_tabs; }

    void showStatusMessage(const QString &message, int timeoutMs = 8000);
    // Permanent text on the right of the status bar, e.g. the embedded broker's state.
    void setBrokerStatus(const QString &text);
    // Docks the embedded broker's panel (ui/broker/BrokerPanel) on the right,
    // with a View menu entry to show or hide it. The window takes ownership.
    void addBrokerPanel(QWidget *panel);

    void newConnection();
    void manageProfiles();
    // The certificates page (ui/certificates) in a window of its own.
    void showCertificates();
    void closeConnection(int index);

private:
    void createMenus();
    void persistSubscriptions(const ConnectionView *view);
    void updateCentralPage();
    void showAbout();

    ProfileStore *m_profiles = nullptr;
    CertificateVault *m_vault = nullptr;
    QStackedWidget *m_pages = nullptr;
    QTabWidget *m_tabs = nullptr;
    QLabel *m_brokerStatus = nullptr;
};
