#include "measurement_rules_dialog.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace {

enum Column { FilterColumn, ValueColumn, QualityColumn, TimeColumn, UnitColumn, FixedUnitColumn, NameColumn,
              SourceColumn, ColumnCount };

QString *fieldOf(MeasurementRule *rule, int column)
{
    switch (column) {
    case FilterColumn: return &rule->topicFilter;
    case ValueColumn: return &rule->valuePointer;
    case QualityColumn: return &rule->qualityPointer;
    case TimeColumn: return &rule->timestampPointer;
    case UnitColumn: return &rule->unitPointer;
    case FixedUnitColumn: return &rule->unit;
    case NameColumn: return &rule->measurementName;
    case SourceColumn: return &rule->sourcePointer;
    default: return nullptr;
    }
}

bool isEmptyRule(const MeasurementRule &rule)
{
    MeasurementRule empty;
    empty.valuePointer.clear();
    MeasurementRule blank = rule;
    blank.valuePointer.clear();
    return blank == empty;
}

} // namespace

MeasurementRulesDialog::MeasurementRulesDialog(QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Measurement Rules"));
    auto *intro = new QLabel(tr("Read JSON payloads that do not use the batched measurement schema: per topic filter, "
                                "JSON pointers (RFC 6901, e.g. /value or /data/0/temp) to the value and optionally "
                                "to quality, timestamp, unit and device. The first matching rule wins."),
                             this);
    intro->setWordWrap(true);
    m_table = new QTableWidget(0, ColumnCount, this);
    m_table->setHorizontalHeaderLabels({tr("Topic filter"), tr("Value"), tr("Quality"), tr("Timestamp"),
                                        tr("Unit pointer"), tr("Fixed unit"), tr("Name"), tr("Device")});
    m_table->horizontalHeader()->setSectionResizeMode(FilterColumn, QHeaderView::Stretch);
    m_table->verticalHeader()->setVisible(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    const QStringList tips = {
        tr("MQTT topic filter, e.g. plant/+/sensors/#"),
        tr("JSON pointer to the numeric value; empty: the whole payload"),
        tr("JSON pointer to the quality (good/uncertain/bad or an OPC-UA status code); empty: unknown quality"),
        tr("JSON pointer to the device timestamp (ISO 8601 or epoch s/ms); empty: the receive time"),
        tr("JSON pointer to the unit text"),
        tr("Unit used when there is no unit pointer or it does not resolve"),
        tr("Measurement name; empty: the topic's last level"),
        tr("JSON pointer to the device id; empty: derived from the topic"),
    };
    for (int column = 0; column < ColumnCount; ++column)
        m_table->horizontalHeaderItem(column)->setToolTip(tips.at(column));

    auto *addButton = new QPushButton(tr("Add Rule"), this);
    connect(addButton, &QPushButton::clicked, this, [this] {
        MeasurementRule rule;
        addRow(rule);
        m_table->setCurrentCell(m_table->rowCount() - 1, FilterColumn);
        m_table->editItem(m_table->item(m_table->rowCount() - 1, FilterColumn));
    });
    auto *removeButton = new QPushButton(tr("Remove Rule"), this);
    connect(removeButton, &QPushButton::clicked, this, [this] {
        if (m_table->currentRow() >= 0)
            m_table->removeRow(m_table->currentRow());
    });
    auto *rowButtons = new QHBoxLayout;
    rowButtons->addWidget(addButton);
    rowButtons->addWidget(removeButton);
    rowButtons->addStretch(1);

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("ruleError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #c01c28;"));
    m_error->hide();

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &MeasurementRulesDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &MeasurementRulesDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_table, 1);
    layout->addLayout(rowButtons);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    resize(900, 360);
}

void MeasurementRulesDialog::addRow(const MeasurementRule &rule)
{
    const int row = m_table->rowCount();
    m_table->insertRow(row);
    MeasurementRule copy = rule;
    for (int column = 0; column < ColumnCount; ++column)
        m_table->setItem(row, column, new QTableWidgetItem(*fieldOf(&copy, column)));
}

void MeasurementRulesDialog::setRules(const QList<MeasurementRule> &rules)
{
    m_table->setRowCount(0);
    for (const MeasurementRule &rule : rules)
        addRow(rule);
    m_error->hide();
}

MeasurementRule MeasurementRulesDialog::ruleAt(int row) const
{
    MeasurementRule rule;
    for (int column = 0; column < ColumnCount; ++column) {
        const QTableWidgetItem *item = m_table->item(row, column);
        *fieldOf(&rule, column) = item ? item->text().trimmed() : QString();
    }
    return rule;
}

QList<MeasurementRule> MeasurementRulesDialog::rules() const
{
    QList<MeasurementRule> result;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const MeasurementRule rule = ruleAt(row);
        if (!isEmptyRule(rule))
            result.append(rule);
    }
    return result;
}

QString MeasurementRulesDialog::validationError() const
{
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const MeasurementRule rule = ruleAt(row);
        if (isEmptyRule(rule))
            continue;
        if (const QString error = rule.validate(); !error.isEmpty())
            return tr("Row %1: %2").arg(row + 1).arg(error);
    }
    return {};
}

QString MeasurementRulesDialog::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

void MeasurementRulesDialog::accept()
{
    const QString error = validationError();
    if (!error.isEmpty()) {
        m_error->setText(error);
        m_error->show();
        return;
    }
    m_error->hide();
    QDialog::accept();
}
