#pragma once

#include <QStringList>
#include <QWidget>

QT_FORWARD_DECLARE_CLASS(QLabel)
QT_FORWARD_DECLARE_CLASS(QLineEdit)
QT_FORWARD_DECLARE_CLASS(QPlainTextEdit)
class BrokerSupervisor;

// The broker's log, live and searchable: the supervisor's bounded log tail,
// every new line, and LineScope's own notes about the broker's services
// (shadow service, uplink, saved settings), so a problem that the status bar
// shows for a moment stays findable here. The filter box keeps only lines
// that contain its text (case-insensitive).
class BrokerLogView : public QWidget
{
    Q_OBJECT
public:
    explicit BrokerLogView(BrokerSupervisor *supervisor, QWidget *parent = nullptr);

    void addNote(const QString &text);   // shown as "LineScope: <text>"
    void setFilterText(const QString &text);
    QString visibleText() const;   // the lines shown, for tests

private:
    void appendLine(const QString &line);
    void rebuild();

    void showCount();

    QStringList m_lines;   // broker output and notes, oldest first, bounded
    QLineEdit *m_filter = nullptr;
    QPlainTextEdit *m_text = nullptr;
    QLabel *m_count = nullptr;
    int m_shown = 0;
};
