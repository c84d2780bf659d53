#include "main_window.h"

#include "certificates/certificates_page.h"
#include "connection/connection_dialog.h"
#include "connection/connection_view.h"
#include "profiles/profile_store.h"
#include "subscriptions/subscription_editor.h"
#include "vault/certificate_vault.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabWidget>
#include <QTimer>
#include <QVBoxLayout>

MainWindow::MainWindow(ProfileStore *profiles, QWidget *parent)
    : QMainWindow(parent)
    , m_profiles(profiles)
    , m_vault(new CertificateVault({}, QStringLiteral("LineScope"), this))
{
    setWindowTitle(tr("LineScope"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/linescope.svg")));

    m_tabs = new QTabWidget(this);
    m_tabs->setTabsClosable(true);
    m_tabs->setMovable(true);
    m_tabs->setDocumentMode(true);
    connect(m_tabs, &QTabWidget::tabCloseRequested, this, &MainWindow::closeConnection);

    auto *emptyPage = new QWidget(this);
    auto *emptyText = new QLabel(tr("No connection is open."), emptyPage);
    emptyText->setAlignment(Qt::AlignCenter);
    auto *newButton = new QPushButton(tr("New Connection…"), emptyPage);
    connect(newButton, &QPushButton::clicked, this, &MainWindow::newConnection);
    auto *emptyLayout = new QVBoxLayout(emptyPage);
    emptyLayout->addStretch(1);
    emptyLayout->addWidget(emptyText);
    emptyLayout->addWidget(newButton, 0, Qt::AlignHCenter);
    emptyLayout->addStretch(1);

    m_pages = new QStackedWidget(this);
    m_pages->addWidget(emptyPage);
    m_pages->addWidget(m_tabs);
    setCentralWidget(m_pages);

    m_brokerStatus = new QLabel(this);
    m_brokerStatus->hide();
    statusBar()->addPermanentWidget(m_brokerStatus);

    createMenus();
    updateCentralPage();
    resize(1400, 850);
}

MainWindow::~MainWindow() = default;

void MainWindow::createMenus()
{
    QMenu *connectionMenu = menuBar()->addMenu(tr("&Connection"));
    QAction *newAction = connectionMenu->addAction(tr("&New…"), this, &MainWindow::newConnection);
    newAction->setShortcut(QKeySequence::New);
    QAction *profilesAction = connectionMenu->addAction(tr("Manage &Profiles…"), this, &MainWindow::manageProfiles);
    profilesAction->setEnabled(m_profiles != nullptr);
    QAction *shadowAction = connectionMenu->addAction(tr("Open Device &Shadow…"), this, [this] {
        if (ConnectionView *view = currentConnection())
            view->openShadowEditor();
        else
            showStatusMessage(tr("Open a connection first: the shadow editor talks to the shadow service through it."));
    });
    shadowAction->setObjectName(QStringLiteral("openDeviceShadow"));
    QAction *certificatesAction = connectionMenu->addAction(tr("C&ertificates…"), this, &MainWindow::showCertificates);
    certificatesAction->setObjectName(QStringLiteral("openCertificates"));
    connectionMenu->addSeparator();
    QAction *closeAction = connectionMenu->addAction(tr("&Close"), this, [this] { closeConnection(m_tabs->currentIndex()); });
    closeAction->setShortcut(QKeySequence::Close);
    connectionMenu->addSeparator();
    QAction *quitAction = connectionMenu->addAction(tr("&Quit"), this, &QWidget::close);
    quitAction->setShortcut(QKeySequence::Quit);
    quitAction->setMenuRole(QAction::QuitRole);

    QMenu *viewMenu = menuBar()->addMenu(tr("&View"));
    QAction *nextTab = viewMenu->addAction(tr("&Next Connection"), this, [this] {
        if (m_tabs->count() > 1)
            m_tabs->setCurrentIndex((m_tabs->currentIndex() + 1) % m_tabs->count());
    });
    nextTab->setShortcut(QKeySequence::NextChild);
    QAction *previousTab = viewMenu->addAction(tr("&Previous Connection"), this, [this] {
        if (m_tabs->count() > 1)
            m_tabs->setCurrentIndex((m_tabs->currentIndex() + m_tabs->count() - 1) % m_tabs->count());
    });
    previousTab->setShortcut(QKeySequence::PreviousChild);
    viewMenu->addSeparator();
    QAction *fullScreen = viewMenu->addAction(tr("&Full Screen"));
    fullScreen->setCheckable(true);
    fullScreen->setShortcut(QKeySequence::FullScreen);
    connect(fullScreen, &QAction::toggled, this, [this](bool on) {
        setWindowState(on ? (windowState() | Qt::WindowFullScreen) : (windowState() & ~Qt::WindowFullScreen));
    });

    QMenu *helpMenu = menuBar()->addMenu(tr("&Help"));
    QAction *aboutAction = helpMenu->addAction(tr("&About LineScope"), this, &MainWindow::showAbout);
    aboutAction->setMenuRole(QAction::AboutRole);
    QAction *aboutQt = helpMenu->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
    aboutQt->setMenuRole(QAction::AboutQtRole);
}

ConnectionView *MainWindow::openConnection(const ConnectionProfile &profile)
{
    auto *view = new ConnectionView(profile, m_tabs);
    const int index = m_tabs->addTab(view, view->stateIcon(), view->title());
    m_tabs->setTabToolTip(index, view->stateText());
    connect(view, &ConnectionView::statusMessage, this, [this](const QString &message) { showStatusMessage(message); });
    connect(view, &ConnectionView::stateChanged, this, [this, view] {
        const int i = m_tabs->indexOf(view);
        if (i < 0)
            return;
        m_tabs->setTabIcon(i, view->stateIcon());
        m_tabs->setTabToolTip(i, view->stateText());
    });
    connect(view, &ConnectionView::titleChanged, this, [this, view](const QString &title) {
        const int i = m_tabs->indexOf(view);
        if (i >= 0)
            m_tabs->setTabText(i, title);
    });
    connect(view->subscriptionEditor(), &SubscriptionEditor::subscriptionsChanged, this,
            [this, view] { persistSubscriptions(view); });
    m_tabs->setCurrentIndex(index);
    updateCentralPage();
    view->connectToBroker();
    return view;
}

void MainWindow::persistSubscriptions(const ConnectionView *view)
{
    // Only saved profiles remember their subscriptions; the password stays
    // where it is (hasStoredPassword as loaded, no new password given).
    if (!m_profiles)
        return;
    std::optional<ConnectionProfile> stored = m_profiles->profile(view->profile().id);
    const QList<MqttSubscription> current = view->profile().subscriptions;
    if (!stored || stored->subscriptions == current)
        return;
    stored->subscriptions = current;
    m_profiles->save(*stored);
}

ConnectionView *MainWindow::currentConnection() const
{
    return qobject_cast<ConnectionView *>(m_tabs->currentWidget());
}

QList<ConnectionView *> MainWindow::connections() const
{
    QList<ConnectionView *> result;
    for (int i = 0; i < m_tabs->count(); ++i) {
        if (auto *view = qobject_cast<ConnectionView *>(m_tabs->widget(i)))
            result << view;
    }
    return result;
}

void MainWindow::showStatusMessage(const QString &message, int timeoutMs)
{
    statusBar()->showMessage(message, timeoutMs);
}

void MainWindow::addBrokerPanel(QWidget *panel)
{
    auto *dock = new QDockWidget(tr("Embedded Broker"), this);
    dock->setObjectName(QStringLiteral("brokerPanelDock"));
    // An explicit minimum overrides the panel's wide size hint, so the dock
    // can start narrow; the tables inside scroll.
    panel->setMinimumWidth(260);
    dock->setWidget(panel);
    addDockWidget(Qt::RightDockWidgetArea, dock);
    // The topic tree is what a newcomer looks at first: keep the panel
    // narrow (once the window has its real size; before that Qt ignores it).
    QTimer::singleShot(0, dock, [this, dock] { resizeDocks({dock}, {340}, Qt::Horizontal); });
    QAction *toggle = dock->toggleViewAction();
    toggle->setText(tr("&Embedded Broker Panel"));
    const QList<QMenu *> menus = menuBar()->findChildren<QMenu *>();
    for (QMenu *menu : menus) {
        if (menu->title() == tr("&View")) {
            menu->addSeparator();
            menu->addAction(toggle);
            return;
        }
    }
}

void MainWindow::setBrokerStatus(const QString &text)
{
    m_brokerStatus->setText(text);
    m_brokerStatus->setVisible(!text.isEmpty());
}

void MainWindow::newConnection()
{
    auto *dialog = new ConnectionDialog(m_profiles, m_vault, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] { openConnection(dialog->profile()); });
    dialog->open();
}

void MainWindow::manageProfiles()
{
    newConnection();
}

void MainWindow::showCertificates()
{
    if (auto *open = findChild<CertificatesPage *>()) {
        open->reload();
        open->raise();
        open->activateWindow();
        return;
    }
    auto *page = new CertificatesPage(m_vault, this);
    page->setWindowFlag(Qt::Window);
    page->setAttribute(Qt::WA_DeleteOnClose);
    page->show();
}

void MainWindow::closeConnection(int index)
{
    QWidget *view = m_tabs->widget(index);
    if (!view)
        return;
    m_tabs->removeTab(index);
    // Deleting the view disconnects its session and stops the session's thread.
    view->deleteLater();
    updateCentralPage();
}

void MainWindow::updateCentralPage()
{
    m_pages->setCurrentIndex(m_tabs->count() > 0 ? 1 : 0);
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About LineScope"),
                       tr("<h3>LineScope %1</h3>"
                          "<p>An MQTT console for the factory floor: browse topics, inspect payloads, "
                          "publish test messages and run a simulated production line.</p>")
                           .arg(QApplication::applicationVersion()));
}
