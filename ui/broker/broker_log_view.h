#pragma once

#include <QWidget>

QT_FORWARD_DECLARE_CLASS(QLabel)
QT_FORWARD_DECLARE_CLASS(QLineEdit)
QT_FORWARD_DECLARE_CLASS(QPlainTextEdit)
class BrokerSupervisor;

// The broker's log, live and searchable: shows the supervisor's bounded log
// tail plus every new line; the filter box keeps only lines that contain
// its text (case-insensitive).
class BrokerLogView : public QWidget
{
    Q_OBJECT
public:
    explicit BrokerLogView(BrokerSupervisor *supervisor, QWidget *parent = nullptr);

    void setFilterText(const QString &text);
    QString visibleText() const;   // the lines shown, for tests

private:
    void appendLine(const QString &line);
    void rebuild();

    BrokerSupervisor *m_supervisor = nullptr;
    QLineEdit *m_filter = nullptr;
    QPlainTextEdit *m_text = nullptr;
    QLabel *m_count = nullptr;
    int m_shown = 0;
};
