#pragma once

#include "measurement/dashboard_layout.h"

#include <QList>
#include <QTimer>
#include <QWidget>

QT_FORWARD_DECLARE_CLASS(QComboBox)
QT_FORWARD_DECLARE_CLASS(QSplitter)
QT_FORWARD_DECLARE_CLASS(QToolButton)
QT_FORWARD_DECLARE_CLASS(QTreeWidget)
class ChartPanel;
class MeasurementPicker;
class MeasurementRulesDialog;
class MeasurementStore;

// The "Charts" page of a connection: a MeasurementStore fed with the
// connection's message batches (connect MqttSession::messagesReceived to
// store()->ingest), the measurement picker, the bad-input problems per topic
// and a column of charts sharing one time window (1 min / 10 min / 1 h / all).
//
// Charts redraw from one ~10 Hz frame timer and only when something changed;
// nothing is drawn per message. Pause freezes every chart; zooming or panning
// a chart pauses the dashboard, Follow Live resumes it.
//
// With setSettingsGroup() the layout (charts, series, limits, window) is
// loaded from QSettings and saved back shortly after every change.
// GUI thread only.
class ChartDashboard : public QWidget
{
    Q_OBJECT
public:
    explicit ChartDashboard(QWidget *parent = nullptr);
    ~ChartDashboard() override;

    MeasurementStore *store() const { return m_store; }
    MeasurementPicker *picker() const { return m_picker; }

    ChartPanel *addChart();
    void removeChart(ChartPanel *panel);
    QList<ChartPanel *> charts() const { return m_charts; }
    // The chart that picker additions go to: the last one the user touched.
    ChartPanel *currentChart() const;

    qint64 windowMs() const;
    void setWindowMs(qint64 windowMs);   // 60000, 600000, 3600000 or 0 (all)
    bool isPaused() const;
    void setPaused(bool paused);

    DashboardLayout dashboardLayout() const;
    void setDashboardLayout(const DashboardLayout &layout);
    // Loads the layout saved under group (if any) and saves changes there.
    void setSettingsGroup(const QString &group);
    void saveSettings() const;

    // Draws every chart that has changes now (force: all of them).
    void refreshCharts(bool force = false);
    QString problemsButtonText() const;
    QTreeWidget *problemsView() const { return m_problemsView; }
    void updateProblems();

    // JSON-pointer rules for payloads outside the seed schema (saved with the layout).
    QList<MeasurementRule> rules() const;
    void setRules(const QList<MeasurementRule> &rules);
    // Opens the "Measurement Rules" dialog (non-modal); OK applies and saves.
    MeasurementRulesDialog *openRulesDialog();

public Q_SLOTS:
    // Forgets every sample, series and problem counter (Clear Topics); the
    // charts, their series and limits, the window and the rules stay.
    void clearData();

Q_SIGNALS:
    void statusMessage(const QString &message);

private:
    void onFrame();
    void scheduleSave();

    MeasurementStore *m_store = nullptr;
    MeasurementPicker *m_picker = nullptr;
    QComboBox *m_windowBox = nullptr;
    QToolButton *m_pauseButton = nullptr;
    QToolButton *m_problemsButton = nullptr;
    QTreeWidget *m_problemsView = nullptr;
    QSplitter *m_chartSplitter = nullptr;
    QList<ChartPanel *> m_charts;
    ChartPanel *m_current = nullptr;
    QString m_settingsGroup;
    bool m_problemsDirty = true;
    bool m_pickerDirty = false;
    int m_frame = 0;
    QTimer m_frameTimer;
    QTimer m_saveTimer;
};
