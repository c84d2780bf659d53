#pragma once

#include "shadow/shadow_document.h"
#include "shadow/shadow_name.h"
#include "shadow/shadow_result.h"

#include <QJsonObject>
#include <QWidget>

#include <optional>

QT_FORWARD_DECLARE_CLASS(QCheckBox)
QT_FORWARD_DECLARE_CLASS(QComboBox)
QT_FORWARD_DECLARE_CLASS(QLabel)
QT_FORWARD_DECLARE_CLASS(QLineEdit)
QT_FORWARD_DECLARE_CLASS(QPlainTextEdit)
QT_FORWARD_DECLARE_CLASS(QPushButton)
QT_FORWARD_DECLARE_CLASS(QStackedWidget)
QT_FORWARD_DECLARE_CLASS(QTabWidget)
class MqttSession;
class ShadowClient;
class ShadowConflictView;
class ShadowFormEditor;
class ShadowJsonTree;

// Device shadow editor for one connection: opens a thing's classic or named
// shadow, shows desired, reported and delta side by side (with version,
// per-key timestamps and whether the device is in sync), edits desired as a
// typed form or as raw JSON, previews the exact /update request, sends it
// (with the version for optimistic locking when checked), resolves version
// conflicts with the user, follows /update/documents and /update/delta
// live, and deletes the shadow after a confirmation.
//
// The edit is kept as the full desired object the user wants; what is sent
// is only its difference to the version the edit started from
// (ShadowJsonText::patch), so keys the user did not touch are not re-sent.
// A live change by someone else updates the three views but never the edit
// in progress; with the version check on, sending it then ends in the
// conflict view instead of overwriting.
//
// The session is not owned and must outlive the editor (ConnectionView owns
// both). Nothing here blocks.
class ShadowEditor : public QWidget
{
    Q_OBJECT
public:
    explicit ShadowEditor(MqttSession *session, QWidget *parent = nullptr);
    ~ShadowEditor() override;

    ShadowClient *client() const { return m_client; }

    // Watches the shadow and loads it; later documents arrive live.
    void openShadow(const ShadowName &shadow);
    ShadowName shadow() const { return m_shadow; }
    // The latest known document (after a load or a live update).
    ShadowDocument document() const { return m_current; }
    bool shadowExists() const { return m_exists; }
    void reload();

    // The desired object being edited (from the form or the raw JSON tab,
    // whichever was edited last); nullopt with `error` on a problem.
    std::optional<QJsonObject> editedDesired(QString *error) const;
    bool hasChanges() const;
    void setVersionCheck(bool on);
    bool versionCheck() const;
    void setRawJson(const QString &text);
    // The request send() would publish now.
    QString previewTopic() const;
    QByteArray previewPayload() const;
    QString previewText() const;

    void send();
    // Asks for confirmation first (window-modal, asynchronous).
    void deleteShadow();
    void reapplyEdit();
    void discardEdit();

    // The named shadows of the open thing offered in the shadow list (seen
    // in traffic since it was opened; AWS has no MQTT call that lists them).
    QStringList listedShadowNames() const;
    bool isConflictShown() const;
    QString statusText() const;     // version and sync state
    QString messageText() const;    // outcome of the last request
    ShadowJsonTree *desiredView() const { return m_desiredView; }
    ShadowJsonTree *reportedView() const { return m_reportedView; }
    ShadowJsonTree *deltaView() const { return m_deltaView; }
    ShadowFormEditor *formEditor() const { return m_form; }
    ShadowConflictView *conflictView() const { return m_conflictView; }
    QTabWidget *editTabs() const { return m_editTabs; }

Q_SIGNALS:
    // After every finished request (for status bars and tests).
    void requestFinished(const ShadowResult &result);
    void documentChanged();

private:
    enum class Pending { None, Load, Update, ConflictReload, Delete };

    QWidget *createHeader();
    QWidget *createStatePane();
    QWidget *createEditPane();
    void openFromInputs();
    void refreshShadowNames();
    void onRequestFinished(const QString &token, const ShadowResult &result);
    void onLoaded(const ShadowResult &result, bool conflictReload);
    void onDocuments(const ShadowName &shadow, const QJsonObject &message);
    void onDelta(const ShadowName &shadow, const QJsonObject &message);
    void showDocument();
    void rebaseEdit();
    void onEditTabChanged(int index);
    void updatePreview();
    void showMessage(const QString &text, bool error);
    void sendPatch(const QJsonObject &patch, std::optional<qint64> version);
    void setBusy(bool busy);

    ShadowClient *m_client = nullptr;
    ShadowName m_shadow;
    ShadowDocument m_current;
    ShadowDocument m_base;            // the document the edit started from
    bool m_exists = false;
    bool m_loaded = false;
    QString m_pendingToken;
    Pending m_pending = Pending::None;
    QString m_nextToken;               // the clientToken the preview shows and send() uses
    QJsonObject m_sentPatch;
    QJsonObject m_conflictPatch;
    QString m_conflictRejection;       // the 409 as the operator reads it
    int m_lastEditTab = 0;
    QString m_message;
    bool m_messageIsError = false;

    QLineEdit *m_thingEdit = nullptr;
    QComboBox *m_shadowCombo = nullptr;
    QPushButton *m_openButton = nullptr;
    QPushButton *m_reloadButton = nullptr;
    QPushButton *m_deleteButton = nullptr;
    QLabel *m_titleLabel = nullptr;
    QLabel *m_statusLabel = nullptr;
    QLabel *m_syncLabel = nullptr;
    QLabel *m_messageLabel = nullptr;
    ShadowJsonTree *m_desiredView = nullptr;
    ShadowJsonTree *m_reportedView = nullptr;
    ShadowJsonTree *m_deltaView = nullptr;
    QStackedWidget *m_editStack = nullptr;
    QTabWidget *m_editTabs = nullptr;
    ShadowFormEditor *m_form = nullptr;
    QPlainTextEdit *m_rawEdit = nullptr;
    QLabel *m_rawError = nullptr;
    QLabel *m_previewTopic = nullptr;
    QPlainTextEdit *m_previewEdit = nullptr;
    QLabel *m_previewProblem = nullptr;
    QCheckBox *m_versionCheck = nullptr;
    QPushButton *m_sendButton = nullptr;
    QLabel *m_editState = nullptr;
    ShadowConflictView *m_conflictView = nullptr;
};
