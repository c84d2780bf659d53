#include "shadow_form_editor.h"

#include "shadow_json_text.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QPushButton>
#include <QSignalBlocker>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <cmath>

namespace {

constexpr int TypeRole = Qt::UserRole + 1;

ShadowFormEditor::Type typeOfValue(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::String:
        return ShadowFormEditor::Type::String;
    case QJsonValue::Double:
        return ShadowFormEditor::Type::Number;
    case QJsonValue::Bool:
        return ShadowFormEditor::Type::Bool;
    case QJsonValue::Object:
        return ShadowFormEditor::Type::Object;
    case QJsonValue::Array:
        return ShadowFormEditor::Type::Array;
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        break;
    }
    return ShadowFormEditor::Type::Null;
}

} // namespace

ShadowFormEditor::ShadowFormEditor(QWidget *parent)
    : QWidget(parent)
{
    m_tree = new QTreeWidget(this);
    m_tree->setObjectName(QStringLiteral("shadowForm"));
    m_tree->setColumnCount(3);
    m_tree->setHeaderLabels({tr("Key"), tr("Type"), tr("Value")});
    m_tree->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
                            | QAbstractItemView::SelectedClicked);
    m_tree->setAlternatingRowColors(true);
    m_tree->header()->setStretchLastSection(true);
    m_tree->header()->setSectionResizeMode(KeyColumn, QHeaderView::Interactive);
    m_tree->setColumnWidth(KeyColumn, 200);
    m_tree->setColumnWidth(TypeColumn, 100);
    connect(m_tree, &QTreeWidget::itemChanged, this, &ShadowFormEditor::onItemChanged);
    connect(m_tree, &QTreeWidget::currentItemChanged, this, &ShadowFormEditor::updateButtons);

    m_addButton = new QPushButton(tr("Add Key"), this);
    m_addButton->setToolTip(tr("Add a key at the top level of the desired state"));
    m_addChildButton = new QPushButton(tr("Add Child Key"), this);
    m_addChildButton->setToolTip(tr("Add a key inside the selected object"));
    m_nullButton = new QPushButton(tr("Set to Null"), this);
    m_nullButton->setToolTip(tr("Send null for the selected key: the shadow service deletes the key"));
    m_removeButton = new QPushButton(tr("Remove"), this);
    m_removeButton->setToolTip(tr("Remove the selected key; the update sends null for it, which deletes it from the shadow"));
    connect(m_addButton, &QPushButton::clicked, this, &ShadowFormEditor::addKey);
    connect(m_addChildButton, &QPushButton::clicked, this, &ShadowFormEditor::addChildKey);
    connect(m_nullButton, &QPushButton::clicked, this, &ShadowFormEditor::setCurrentToNull);
    connect(m_removeButton, &QPushButton::clicked, this, &ShadowFormEditor::removeCurrent);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_addButton);
    buttons->addWidget(m_addChildButton);
    buttons->addWidget(m_nullButton);
    buttons->addWidget(m_removeButton);
    buttons->addStretch(1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tree, 1);
    layout->addLayout(buttons);
    updateButtons();
}

void ShadowFormEditor::setDesired(const QJsonObject &desired)
{
    m_updating = true;
    m_tree->clear();
    for (auto it = desired.constBegin(); it != desired.constEnd(); ++it)
        addItem(m_tree->invisibleRootItem(), it.key(), it.value());
    m_tree->expandAll();
    m_updating = false;
    updateButtons();
}

QJsonObject ShadowFormEditor::desired(QString *error) const
{
    error->clear();
    const QJsonObject result = collect(m_tree->invisibleRootItem(), error);
    return error->isEmpty() ? result : QJsonObject();
}

QTreeWidgetItem *ShadowFormEditor::itemForPath(const QStringList &path) const
{
    QTreeWidgetItem *item = m_tree->invisibleRootItem();
    for (const QString &key : path) {
        QTreeWidgetItem *next = nullptr;
        for (int i = 0; i < item->childCount() && !next; ++i) {
            if (item->child(i)->text(KeyColumn) == key)
                next = item->child(i);
        }
        if (!next)
            return nullptr;
        item = next;
    }
    return item == m_tree->invisibleRootItem() ? nullptr : item;
}

void ShadowFormEditor::setValue(const QStringList &path, const QJsonValue &value)
{
    QTreeWidgetItem *parent = m_tree->invisibleRootItem();
    for (qsizetype i = 0; i < path.size(); ++i) {
        QTreeWidgetItem *next = nullptr;
        for (int c = 0; c < parent->childCount() && !next; ++c) {
            if (parent->child(c)->text(KeyColumn) == path.at(i))
                next = parent->child(c);
        }
        const bool last = i == path.size() - 1;
        if (!next) {
            m_updating = true;
            next = addItem(parent, path.at(i), last ? value : QJsonValue(QJsonObject()));
            m_updating = false;
            parent->setExpanded(true);
        } else if (last) {
            applyValue(next, value);
        } else if (typeOf(next) != Type::Object) {
            setType(next, Type::Object);
        }
        parent = next;
    }
    Q_EMIT edited();
}

ShadowFormEditor::Type ShadowFormEditor::typeOf(QTreeWidgetItem *item) const
{
    return Type(item->data(TypeColumn, TypeRole).toInt());
}

void ShadowFormEditor::setType(QTreeWidgetItem *item, Type type)
{
    if (typeOf(item) == type)
        return;
    if (auto *combo = qobject_cast<QComboBox *>(m_tree->itemWidget(item, TypeColumn))) {
        const QSignalBlocker blocker(combo);
        combo->setCurrentIndex(combo->findData(int(type)));
    }
    const QString text = item->text(ValueColumn);
    QJsonValue value;
    switch (type) {
    case Type::String:
        value = typeOf(item) == Type::Null || typeOf(item) == Type::Object ? QString() : text;
        break;
    case Type::Number: {
        bool ok = false;
        const double number = QLocale::c().toDouble(text, &ok);
        value = ok ? number : 0.0;
        break;
    }
    case Type::Bool:
        value = text == QLatin1String("true");
        break;
    case Type::Null:
        value = QJsonValue::Null;
        break;
    case Type::Object:
        value = QJsonObject();
        break;
    case Type::Array: {
        const QJsonDocument document = QJsonDocument::fromJson(text.toUtf8());
        value = document.isArray() ? document.array() : QJsonArray();
        break;
    }
    }
    applyValue(item, value);
    Q_EMIT edited();
}

void ShadowFormEditor::addKey()
{
    m_updating = true;
    QTreeWidgetItem *item = addItem(m_tree->invisibleRootItem(), QString(), QString());
    m_updating = false;
    m_tree->setCurrentItem(item);
    m_tree->editItem(item, KeyColumn);
    Q_EMIT edited();
}

void ShadowFormEditor::addChildKey()
{
    QTreeWidgetItem *parent = m_tree->currentItem();
    if (!parent || typeOf(parent) != Type::Object)
        return;
    m_updating = true;
    QTreeWidgetItem *item = addItem(parent, QString(), QString());
    m_updating = false;
    parent->setExpanded(true);
    m_tree->setCurrentItem(item);
    m_tree->editItem(item, KeyColumn);
    Q_EMIT edited();
}

void ShadowFormEditor::setCurrentToNull()
{
    if (QTreeWidgetItem *item = m_tree->currentItem())
        setType(item, Type::Null);
}

void ShadowFormEditor::removeCurrent()
{
    QTreeWidgetItem *item = m_tree->currentItem();
    if (!item)
        return;
    delete item;
    updateButtons();
    Q_EMIT edited();
}

QTreeWidgetItem *ShadowFormEditor::addItem(QTreeWidgetItem *parent, const QString &key, const QJsonValue &value)
{
    auto *item = new QTreeWidgetItem(parent);
    item->setFlags(item->flags() | Qt::ItemIsEditable);
    item->setText(KeyColumn, key);

    auto *combo = new QComboBox(m_tree);
    combo->addItem(tr("string"), int(Type::String));
    combo->addItem(tr("number"), int(Type::Number));
    combo->addItem(tr("bool"), int(Type::Bool));
    combo->addItem(tr("null (delete)"), int(Type::Null));
    combo->addItem(tr("object"), int(Type::Object));
    combo->addItem(tr("array"), int(Type::Array));
    m_tree->setItemWidget(item, TypeColumn, combo);
    connect(combo, &QComboBox::activated, item->treeWidget(), [this, item, combo](int index) {
        setType(item, Type(combo->itemData(index).toInt()));
    });
    applyValue(item, value);
    return item;
}

void ShadowFormEditor::applyValue(QTreeWidgetItem *item, const QJsonValue &value)
{
    const bool wasUpdating = m_updating;
    m_updating = true;
    const Type type = typeOfValue(value);
    item->setData(TypeColumn, TypeRole, int(type));
    if (auto *combo = qobject_cast<QComboBox *>(m_tree->itemWidget(item, TypeColumn))) {
        const QSignalBlocker blocker(combo);
        combo->setCurrentIndex(combo->findData(int(type)));
    }
    qDeleteAll(item->takeChildren());
    item->setForeground(ValueColumn, palette().color(QPalette::Text));
    switch (type) {
    case Type::String:
        item->setText(ValueColumn, value.toString());
        break;
    case Type::Object: {
        const QJsonObject object = value.toObject();
        for (auto it = object.constBegin(); it != object.constEnd(); ++it)
            addItem(item, it.key(), it.value());
        item->setText(ValueColumn, QString());
        item->setExpanded(true);
        break;
    }
    case Type::Null:
        item->setText(ValueColumn, tr("null: the key is deleted when sent"));
        item->setForeground(ValueColumn, palette().color(QPalette::PlaceholderText));
        break;
    case Type::Number:
    case Type::Bool:
    case Type::Array:
        item->setText(ValueColumn, ShadowJsonText::compact(value));
        break;
    }
    m_updating = wasUpdating;
    updateButtons();
}

QJsonObject ShadowFormEditor::collect(QTreeWidgetItem *parent, QString *error) const
{
    QJsonObject result;
    for (int i = 0; i < parent->childCount() && error->isEmpty(); ++i) {
        QTreeWidgetItem *item = parent->child(i);
        const QString key = item->text(KeyColumn);
        if (key.isEmpty()) {
            *error = tr("A key is empty (under \"%1\"). Enter a name or remove the row.").arg(pathText(parent));
            break;
        }
        if (result.contains(key)) {
            *error = tr("The key \"%1\" appears twice.").arg(pathText(item));
            break;
        }
        result.insert(key, valueOf(item, error));
    }
    return result;
}

QJsonValue ShadowFormEditor::valueOf(QTreeWidgetItem *item, QString *error) const
{
    const QString text = item->text(ValueColumn).trimmed();
    switch (typeOf(item)) {
    case Type::String:
        return item->text(ValueColumn);
    case Type::Number: {
        bool ok = false;
        const qint64 integer = text.toLongLong(&ok);
        if (ok)
            return integer;
        const double number = QLocale::c().toDouble(text, &ok);
        if (!ok || !std::isfinite(number)) {
            *error = tr("\"%1\" is a number, but \"%2\" is not a number (use a dot for decimals, e.g. 181.25).")
                         .arg(pathText(item), text);
            return {};
        }
        return number;
    }
    case Type::Bool:
        if (text == QLatin1String("true") || text == QLatin1String("false"))
            return text == QLatin1String("true");
        *error = tr("\"%1\" is a bool: enter true or false.").arg(pathText(item));
        return {};
    case Type::Null:
        return QJsonValue::Null;
    case Type::Object:
        return collect(item, error);
    case Type::Array: {
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(text.toUtf8(), &parseError);
        if (parseError.error != QJsonParseError::NoError || !document.isArray()) {
            *error = tr("\"%1\" is an array: enter a JSON array such as [1, 2, 3].").arg(pathText(item));
            return {};
        }
        return document.array();
    }
    }
    return {};
}

QString ShadowFormEditor::pathText(QTreeWidgetItem *item) const
{
    QStringList parts;
    for (QTreeWidgetItem *i = item; i && i != m_tree->invisibleRootItem(); i = i->parent())
        parts.prepend(i->text(KeyColumn));
    return parts.isEmpty() ? tr("desired") : parts.join(u'.');
}

void ShadowFormEditor::onItemChanged(QTreeWidgetItem *item, int column)
{
    if (m_updating)
        return;
    if (column == ValueColumn && (typeOf(item) == Type::Object || typeOf(item) == Type::Null)) {
        // These rows have no value of their own; undo the typed text.
        m_updating = true;
        item->setText(ValueColumn, typeOf(item) == Type::Null ? tr("null: the key is deleted when sent") : QString());
        m_updating = false;
        return;
    }
    Q_EMIT edited();
}

void ShadowFormEditor::updateButtons()
{
    QTreeWidgetItem *item = m_tree->currentItem();
    m_addChildButton->setEnabled(item && typeOf(item) == Type::Object);
    m_nullButton->setEnabled(item && typeOf(item) != Type::Null);
    m_removeButton->setEnabled(item != nullptr);
}
