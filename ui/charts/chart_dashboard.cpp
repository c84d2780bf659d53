#include "chart_dashboard.h"

#include "charts/chart_panel.h"
#include "charts/measurement_picker.h"
#include "charts/measurement_rules_dialog.h"
#include "measurement/measurement_store.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QSettings>
#include <QSplitter>
#include <QToolBar>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace {

constexpr int FrameIntervalMs = 100;
constexpr int SlowFrames = 10;   // picker and problems: once a second

} // namespace

ChartDashboard::ChartDashboard(QWidget *parent)
    : QWidget(parent)
    , m_store(new MeasurementStore(this))
{
    auto *toolBar = new QToolBar(this);
    toolBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    toolBar->addWidget(new QLabel(tr("Window:"), toolBar));
    m_windowBox = new QComboBox(toolBar);
    m_windowBox->addItem(tr("1 min"), qint64(60 * 1000));
    m_windowBox->addItem(tr("10 min"), qint64(10 * 60 * 1000));
    m_windowBox->addItem(tr("1 h"), qint64(3600 * 1000));
    m_windowBox->addItem(tr("All"), qint64(0));
    m_windowBox->setCurrentIndex(1);
    m_windowBox->setToolTip(tr("Time window of all charts while following live data"));
    toolBar->addWidget(m_windowBox);
    connect(m_windowBox, &QComboBox::currentIndexChanged, this, [this] {
        const qint64 window = m_windowBox->currentData().toLongLong();
        for (ChartPanel *panel : std::as_const(m_charts))
            panel->setWindowMs(window);
        setPaused(false);
        scheduleSave();
    });
    m_pauseButton = new QToolButton(toolBar);
    m_pauseButton->setText(tr("Pause"));
    m_pauseButton->setCheckable(true);
    m_pauseButton->setToolTip(tr("Freeze the charts; uncheck to follow live data again"));
    toolBar->addWidget(m_pauseButton);
    connect(m_pauseButton, &QToolButton::toggled, this, &ChartDashboard::setPaused);
    toolBar->addSeparator();
    toolBar->addAction(tr("Add Chart"), this, [this] { m_current = addChart(); });
    QAction *rulesAction = toolBar->addAction(tr("Measurement Rules…"), this, [this] { openRulesDialog(); });
    rulesAction->setToolTip(tr("Read JSON payloads outside the measurement schema with JSON pointers per topic filter"));
    toolBar->addSeparator();
    m_problemsButton = new QToolButton(toolBar);
    m_problemsButton->setCheckable(true);
    m_problemsButton->setObjectName(QStringLiteral("problemsButton"));
    m_problemsButton->setToolTip(tr("Show the messages that could not be read cleanly, per topic"));
    toolBar->addWidget(m_problemsButton);

    m_picker = new MeasurementPicker(m_store, this);
    connect(m_picker, &MeasurementPicker::addRequested, this, [this](const QList<SeriesKey> &keys) {
        ChartPanel *panel = currentChart();
        if (!panel)
            panel = m_current = addChart();
        for (const SeriesKey &key : keys)
            panel->addSeries(key);
    });

    m_problemsView = new QTreeWidget(this);
    m_problemsView->setRootIsDecorated(false);
    m_problemsView->setUniformRowHeights(true);
    m_problemsView->setHeaderLabels({tr("Topic"), tr("Problem"), tr("Count"), tr("First example")});
    m_problemsView->header()->resizeSection(0, 200);
    m_problemsView->hide();
    connect(m_problemsButton, &QToolButton::toggled, m_problemsView, &QWidget::setVisible);

    auto *leftSplitter = new QSplitter(Qt::Vertical, this);
    leftSplitter->setChildrenCollapsible(false);
    leftSplitter->addWidget(m_picker);
    leftSplitter->addWidget(m_problemsView);

    m_chartSplitter = new QSplitter(Qt::Vertical, this);
    m_chartSplitter->setChildrenCollapsible(false);

    auto *mainSplitter = new QSplitter(Qt::Horizontal, this);
    mainSplitter->setChildrenCollapsible(false);
    mainSplitter->addWidget(leftSplitter);
    mainSplitter->addWidget(m_chartSplitter);
    mainSplitter->setStretchFactor(0, 1);
    mainSplitter->setStretchFactor(1, 3);
    mainSplitter->setSizes({300, 900});

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(toolBar);
    layout->addWidget(mainSplitter, 1);

    connect(m_store, &MeasurementStore::problemsChanged, this, [this] { m_problemsDirty = true; });
    connect(m_store, &MeasurementStore::seriesUpdated, this, [this] { m_pickerDirty = true; });
    connect(m_store, &MeasurementStore::cleared, this, [this] { m_problemsDirty = true; });

    m_frameTimer.setObjectName(QStringLiteral("chartFrame"));
    m_frameTimer.setInterval(FrameIntervalMs);
    connect(&m_frameTimer, &QTimer::timeout, this, &ChartDashboard::onFrame);
    m_frameTimer.start();
    m_saveTimer.setSingleShot(true);
    m_saveTimer.setInterval(1000);
    connect(&m_saveTimer, &QTimer::timeout, this, &ChartDashboard::saveSettings);

    m_current = addChart();
    updateProblems();
}

ChartDashboard::~ChartDashboard()
{
    if (m_saveTimer.isActive())
        saveSettings();
}

ChartPanel *ChartDashboard::addChart()
{
    auto *panel = new ChartPanel(m_store, m_chartSplitter);
    panel->setWindowMs(windowMs());
    panel->setFollowing(!isPaused());
    m_chartSplitter->addWidget(panel);
    m_charts.append(panel);
    connect(panel, &ChartPanel::seriesChanged, this, &ChartDashboard::scheduleSave);
    connect(panel, &ChartPanel::activated, this, [this, panel] { m_current = panel; });
    connect(panel, &ChartPanel::userChangedRange, this, [this] {
        const QSignalBlocker blocker(m_pauseButton);
        m_pauseButton->setChecked(true);
    });
    connect(panel, &ChartPanel::removeRequested, this, [this, panel] { removeChart(panel); });
    connect(panel, &ChartPanel::exportFinished, this, [this](const QString &path, const QString &error) {
        Q_EMIT statusMessage(error.isEmpty() ? tr("Saved %1.").arg(path) : error);
    });
    scheduleSave();
    return panel;
}

void ChartDashboard::removeChart(ChartPanel *panel)
{
    if (!m_charts.removeOne(panel))
        return;
    if (m_current == panel)
        m_current = m_charts.isEmpty() ? nullptr : m_charts.constLast();
    panel->deleteLater();
    panel->hide();
    scheduleSave();
}

ChartPanel *ChartDashboard::currentChart() const
{
    if (m_current && m_charts.contains(m_current))
        return m_current;
    return m_charts.isEmpty() ? nullptr : m_charts.constFirst();
}

qint64 ChartDashboard::windowMs() const
{
    return m_windowBox->currentData().toLongLong();
}

void ChartDashboard::setWindowMs(qint64 windowMs)
{
    const int index = m_windowBox->findData(windowMs);
    if (index >= 0)
        m_windowBox->setCurrentIndex(index);
}

bool ChartDashboard::isPaused() const
{
    return m_pauseButton->isChecked();
}

void ChartDashboard::setPaused(bool paused)
{
    {
        const QSignalBlocker blocker(m_pauseButton);
        m_pauseButton->setChecked(paused);
    }
    for (ChartPanel *panel : std::as_const(m_charts))
        panel->setFollowing(!paused);
}

DashboardLayout ChartDashboard::dashboardLayout() const
{
    DashboardLayout layout;
    layout.windowMs = windowMs();
    layout.rules = m_store->rules();
    for (const ChartPanel *panel : m_charts)
        layout.charts.append(panel->layout());
    return layout;
}

void ChartDashboard::setDashboardLayout(const DashboardLayout &layout)
{
    const QList<ChartPanel *> old = m_charts;
    for (ChartPanel *panel : old)
        removeChart(panel);
    setWindowMs(layout.windowMs);
    m_store->setRules(layout.rules);
    for (const DashboardLayout::Chart &chart : layout.charts)
        addChart()->setLayout(chart);
    if (m_charts.isEmpty())
        addChart();
    m_current = m_charts.constFirst();
}

void ChartDashboard::setSettingsGroup(const QString &group)
{
    m_settingsGroup = group;
    QSettings settings;
    QString error;
    const std::optional<DashboardLayout> layout = DashboardLayout::load(&settings, group, &error);
    if (layout)
        setDashboardLayout(*layout);
    else if (!error.isEmpty())
        Q_EMIT statusMessage(tr("The saved chart dashboard could not be restored: %1").arg(error));
    m_saveTimer.stop();
}

void ChartDashboard::saveSettings() const
{
    if (m_settingsGroup.isEmpty())
        return;
    QSettings settings;
    dashboardLayout().save(&settings, m_settingsGroup);
}

void ChartDashboard::scheduleSave()
{
    if (!m_settingsGroup.isEmpty())
        m_saveTimer.start();
}

void ChartDashboard::refreshCharts(bool force)
{
    for (ChartPanel *panel : std::as_const(m_charts))
        panel->refresh(force);
}

void ChartDashboard::onFrame()
{
    if (!isVisible())
        return;
    refreshCharts(false);
    if (++m_frame % SlowFrames != 0)
        return;
    if (m_pickerDirty) {
        m_pickerDirty = false;
        m_picker->refresh();
    }
    if (m_problemsDirty)
        updateProblems();
}

QString ChartDashboard::problemsButtonText() const
{
    return m_problemsButton->text();
}

void ChartDashboard::updateProblems()
{
    m_problemsDirty = false;
    const QList<MeasurementProblemCount> problems = m_store->problemCounts();
    const qint64 total = m_store->totalProblemCount();
    const QLocale locale;
    if (total == 0)
        m_problemsButton->setText(tr("No problems"));
    else if (total == 1)
        m_problemsButton->setText(tr("1 problem"));
    else
        m_problemsButton->setText(tr("%1 problems").arg(locale.toString(total)));
    QPalette palette = m_problemsButton->palette();
    palette.setColor(QPalette::ButtonText, total > 0 ? QColor(0xc0, 0x1c, 0x28) : this->palette().color(QPalette::ButtonText));
    m_problemsButton->setPalette(palette);
    m_problemsView->clear();
    for (const MeasurementProblemCount &problem : problems) {
        auto *item = new QTreeWidgetItem(m_problemsView);
        item->setText(0, problem.topic);
        item->setText(1, MeasurementProblem::kindDisplayName(problem.kind));
        item->setText(2, locale.toString(problem.count));
        item->setTextAlignment(2, Qt::AlignRight | Qt::AlignVCenter);
        item->setText(3, problem.firstExample.message);
        item->setToolTip(3, problem.firstExample.raw);
        item->setToolTip(0, problem.topic);
    }
}

QList<MeasurementRule> ChartDashboard::rules() const
{
    return m_store->rules();
}

void ChartDashboard::setRules(const QList<MeasurementRule> &rules)
{
    m_store->setRules(rules);
    scheduleSave();
}

MeasurementRulesDialog *ChartDashboard::openRulesDialog()
{
    auto *dialog = new MeasurementRulesDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setRules(rules());
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        setRules(dialog->rules());
        Q_EMIT statusMessage(tr("Measurement rules applied to new messages."));
    });
    dialog->open();
    return dialog;
}

void ChartDashboard::clearData()
{
    m_store->clear();
    refreshCharts(true);
    m_picker->refresh();
    updateProblems();
}
