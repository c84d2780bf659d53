#pragma once

#include <QJsonObject>
#include <QTreeWidget>

// Read-only view of one shadow section (desired, reported or delta): key,
// value and the time the leaf was last updated (from the section's metadata;
// the tooltip gives the epoch seconds). Keys listed in the highlight object
// (for example the delta, on the desired view) are shown in bold.
class ShadowJsonTree : public QTreeWidget
{
    Q_OBJECT
public:
    enum Column { KeyColumn, ValueColumn, UpdatedColumn };

    explicit ShadowJsonTree(QWidget *parent = nullptr);

    void setSection(const QJsonObject &values, const QJsonObject &metadata, const QJsonObject &highlight = {});
    void setPlaceholderText(const QString &text);
    QJsonObject section() const { return m_values; }

    // The row of a key path such as {"setpoints", "pressure"}; nullptr when absent.
    QTreeWidgetItem *itemForPath(const QStringList &path) const;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    void addChildren(QTreeWidgetItem *parent, const QJsonObject &values, const QJsonObject &metadata,
                     const QJsonObject &highlight);

    QJsonObject m_values;
    QString m_placeholder;
};
