#pragma once

#include "shadow/shadow_document.h"

#include <QJsonObject>
#include <QWidget>

QT_FORWARD_DECLARE_CLASS(QLabel)
QT_FORWARD_DECLARE_CLASS(QPlainTextEdit)
QT_FORWARD_DECLARE_CLASS(QPushButton)
QT_FORWARD_DECLARE_CLASS(QTreeWidget)

// Shown after a version conflict (409): the user's edit next to the state
// the shadow has now, and a table of every key that the edit touches or that
// someone else changed since the edit was started, with the value at load
// time, the value now and the user's value. Keys changed on both sides are
// marked. Nothing is sent from here; the buttons only emit.
class ShadowConflictView : public QWidget
{
    Q_OBJECT
public:
    enum Column { KeyColumn, LoadedColumn, CurrentColumn, EditColumn };

    explicit ShadowConflictView(QWidget *parent = nullptr);

    // `edit` is the desired part of the rejected update, `base` the document
    // the edit was started from, `current` the document reloaded after the
    // conflict.
    void setConflict(const QJsonObject &edit, const ShadowDocument &base, const ShadowDocument &current);

    QTreeWidget *changesTable() const { return m_changes; }
    QString editText() const;
    QString currentText() const;
    // Keys (JSON pointers) that both the user and someone else changed.
    QStringList conflictingKeys() const { return m_conflicting; }

Q_SIGNALS:
    void reapplyRequested();
    void discardRequested();

private:
    QLabel *m_heading = nullptr;
    QLabel *m_editLabel = nullptr;
    QLabel *m_currentLabel = nullptr;
    QPlainTextEdit *m_edit = nullptr;
    QPlainTextEdit *m_current = nullptr;
    QTreeWidget *m_changes = nullptr;
    QPushButton *m_reapplyButton = nullptr;
    QPushButton *m_discardButton = nullptr;
    QStringList m_conflicting;
};
