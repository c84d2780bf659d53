#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QWidget>

QT_FORWARD_DECLARE_CLASS(QComboBox)
QT_FORWARD_DECLARE_CLASS(QLabel)
QT_FORWARD_DECLARE_CLASS(QPushButton)
QT_FORWARD_DECLARE_CLASS(QTreeWidget)
QT_FORWARD_DECLARE_CLASS(QTreeWidgetItem)

// The desired state as an editable key/value tree with a type per key
// (string, number, bool, null, object, array). Objects hold child keys;
// arrays are edited as JSON text because the shadow service treats them as
// one value. Setting a key to null, or removing it, makes the update delete
// it from the shadow.
class ShadowFormEditor : public QWidget
{
    Q_OBJECT
public:
    enum class Type { String, Number, Bool, Null, Object, Array };
    Q_ENUM(Type)
    enum Column { KeyColumn, TypeColumn, ValueColumn };

    explicit ShadowFormEditor(QWidget *parent = nullptr);

    void setDesired(const QJsonObject &desired);
    // The edited object; on a problem (empty or duplicate key, a value that
    // does not fit its type) an empty object and `error` set (translated).
    QJsonObject desired(QString *error) const;

    QTreeWidget *tree() const { return m_tree; }
    // The row of a key path; nullptr when absent.
    QTreeWidgetItem *itemForPath(const QStringList &path) const;
    // Sets (creating missing keys as objects) the value and its type, as the
    // user would through the tree.
    void setValue(const QStringList &path, const QJsonValue &value);
    Type typeOf(QTreeWidgetItem *item) const;
    void setType(QTreeWidgetItem *item, Type type);

    void addKey();
    void addChildKey();
    void setCurrentToNull();
    void removeCurrent();

Q_SIGNALS:
    void edited();

private:
    QTreeWidgetItem *addItem(QTreeWidgetItem *parent, const QString &key, const QJsonValue &value);
    void applyValue(QTreeWidgetItem *item, const QJsonValue &value);
    QJsonObject collect(QTreeWidgetItem *parent, QString *error) const;
    QJsonValue valueOf(QTreeWidgetItem *item, QString *error) const;
    QString pathText(QTreeWidgetItem *item) const;
    void onItemChanged(QTreeWidgetItem *item, int column);
    void updateButtons();

    QTreeWidget *m_tree = nullptr;
    QPushButton *m_addButton = nullptr;
    QPushButton *m_addChildButton = nullptr;
    QPushButton *m_nullButton = nullptr;
    QPushButton *m_removeButton = nullptr;
    bool m_updating = false;
};
