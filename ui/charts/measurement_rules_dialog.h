#pragma once

#include "measurement/measurement_rule.h"

#include <QDialog>
#include <QList>

QT_FORWARD_DECLARE_CLASS(QLabel)
QT_FORWARD_DECLARE_CLASS(QTableWidget)

// Edits the measurement rules of a dashboard (JSON pointers per topic filter
// for payloads outside the seed schema), one table row per rule in match
// order. OK checks every row (MeasurementRule::validate()) and stays open
// with the row and the reason shown while one is wrong. GUI thread only.
class MeasurementRulesDialog : public QDialog
{
    Q_OBJECT
public:
    explicit MeasurementRulesDialog(QWidget *parent = nullptr);

    void setRules(const QList<MeasurementRule> &rules);
    // The rows as rules (empty rows are left out), valid or not.
    QList<MeasurementRule> rules() const;
    // Empty when every row is valid; otherwise names the first wrong row.
    QString validationError() const;
    QTableWidget *table() const { return m_table; }
    QString errorText() const;

    void accept() override;

private:
    void addRow(const MeasurementRule &rule);
    MeasurementRule ruleAt(int row) const;

    QTableWidget *m_table = nullptr;
    QLabel *m_error = nullptr;
};
