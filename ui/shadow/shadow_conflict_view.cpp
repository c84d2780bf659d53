#include "shadow_conflict_view.h"

#include "payload/payload_diff.h"
#include "shadow_json_text.h"

#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace {

const QColor ConflictColor(0xc0, 0x1c, 0x28);

QString cellText(const QJsonValue &value)
{
    if (value.isUndefined())
        return ShadowConflictView::tr("(absent)");
    return ShadowJsonText::compact(value);
}

} // namespace

ShadowConflictView::ShadowConflictView(QWidget *parent)
    : QWidget(parent)
{
    m_heading = new QLabel(this);
    m_heading->setWordWrap(true);
    m_heading->setObjectName(QStringLiteral("conflictHeading"));
    QPalette headingPalette = m_heading->palette();
    headingPalette.setColor(QPalette::WindowText, ConflictColor);
    m_heading->setPalette(headingPalette);

    const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    auto makePane = [this, &fixed](QLabel **label, QPlainTextEdit **edit) {
        auto *pane = new QWidget(this);
        *label = new QLabel(pane);
        *edit = new QPlainTextEdit(pane);
        (*edit)->setReadOnly(true);
        (*edit)->setFont(fixed);
        auto *layout = new QVBoxLayout(pane);
        layout->setContentsMargins(0, 0, 0, 0);
        layout->addWidget(*label);
        layout->addWidget(*edit, 1);
        return pane;
    };
    auto *sides = new QSplitter(Qt::Horizontal, this);
    sides->addWidget(makePane(&m_editLabel, &m_edit));
    sides->addWidget(makePane(&m_currentLabel, &m_current));

    m_changes = new QTreeWidget(this);
    m_changes->setObjectName(QStringLiteral("conflictChanges"));
    m_changes->setRootIsDecorated(false);
    m_changes->setColumnCount(4);
    m_changes->header()->setSectionResizeMode(QHeaderView::Stretch);

    m_reapplyButton = new QPushButton(this);
    m_reapplyButton->setObjectName(QStringLiteral("reapplyButton"));
    m_discardButton = new QPushButton(tr("Discard My Edit"), this);
    m_discardButton->setObjectName(QStringLiteral("discardButton"));
    m_discardButton->setToolTip(tr("Forget the edit and show the current desired state in the editor"));
    connect(m_reapplyButton, &QPushButton::clicked, this, &ShadowConflictView::reapplyRequested);
    connect(m_discardButton, &QPushButton::clicked, this, &ShadowConflictView::discardRequested);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_discardButton);
    buttons->addWidget(m_reapplyButton);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(sides);
    splitter->addWidget(m_changes);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_heading);
    layout->addWidget(splitter, 1);
    layout->addLayout(buttons);
}

void ShadowConflictView::setConflict(const QJsonObject &edit, const ShadowDocument &base, const ShadowDocument &current)
{
    m_heading->setText(tr("Version conflict: the shadow changed from version %1 to %2 since you started editing, so "
                          "the service refused your update. Nothing was overwritten. Compare your edit with the "
                          "current state, then re-apply it on version %2 or discard it.")
                           .arg(base.version)
                           .arg(current.version));
    m_editLabel->setText(tr("Your edit (desired update, based on version %1)").arg(base.version));
    m_currentLabel->setText(tr("Current desired state (version %1)").arg(current.version));
    m_edit->setPlainText(ShadowJsonText::pretty(edit));
    m_current->setPlainText(ShadowJsonText::pretty(current.desired));
    m_reapplyButton->setText(tr("Re-apply My Edit on Version %1").arg(current.version));
    m_reapplyButton->setToolTip(tr("Send your edit again, now expecting version %1").arg(current.version));

    m_changes->clear();
    m_changes->setHeaderLabels({tr("Key"), tr("At load (v%1)").arg(base.version), tr("Now (v%1)").arg(current.version),
                                tr("Your edit")});
    // What others changed in desired since the edit was based on `base`.
    const PayloadDiff others = PayloadDiff::compare(QJsonDocument(base.desired).toJson(QJsonDocument::Compact),
                                                    QJsonDocument(current.desired).toJson(QJsonDocument::Compact));
    QStringList changedByOthers;
    for (const PayloadDiff::Change &change : others.changes())
        changedByOthers << change.path;
    const QStringList mine = ShadowJsonText::leafPointers(edit);

    auto overlaps = [](const QString &a, const QString &b) {
        return a == b || a.startsWith(b + u'/') || b.startsWith(a + u'/');
    };
    QStringList keys = mine;
    for (const QString &path : std::as_const(changedByOthers)) {
        if (!keys.contains(path))
            keys << path;
    }
    m_conflicting.clear();
    for (const QString &key : std::as_const(keys)) {
        const bool editedByMe = std::any_of(mine.cbegin(), mine.cend(), [&](const QString &p) { return overlaps(p, key); });
        const bool editedByOthers = std::any_of(changedByOthers.cbegin(), changedByOthers.cend(),
                                                [&](const QString &p) { return overlaps(p, key); });
        auto *item = new QTreeWidgetItem(m_changes);
        item->setText(KeyColumn, key.mid(1).replace(u'/', u'.'));
        item->setText(LoadedColumn, cellText(ShadowJsonText::valueAt(base.desired, key)));
        item->setText(CurrentColumn, cellText(ShadowJsonText::valueAt(current.desired, key)));
        item->setText(EditColumn, mine.contains(key) ? cellText(ShadowJsonText::valueAt(edit, key)) : tr("(unchanged)"));
        if (editedByMe && editedByOthers) {
            m_conflicting << key;
            for (int c = 0; c < m_changes->columnCount(); ++c)
                item->setForeground(c, ConflictColor);
            item->setToolTip(KeyColumn, tr("Changed by you and by someone else"));
        } else if (editedByOthers) {
            item->setToolTip(KeyColumn, tr("Changed by someone else; re-applying keeps their value"));
        }
    }
}

QString ShadowConflictView::editText() const
{
    return m_edit->toPlainText();
}

QString ShadowConflictView::currentText() const
{
    return m_current->toPlainText();
}
