#include "shadow_editor.h"

#include "mqtt/mqtt_session.h"
#include "shadow/shadow_client.h"
#include "shadow/shadow_topics.h"
#include "shadow/shadow_validation.h"
#include "shadow_conflict_view.h"
#include "shadow_form_editor.h"
#include "shadow_json_text.h"
#include "shadow_json_tree.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QVBoxLayout>

namespace {

enum EditTab { FormTab, RawTab, PreviewTab };

const QColor ErrorColor(0xc0, 0x1c, 0x28);
const QColor OkColor(0x2e, 0x8b, 0x57);
const QColor WarnColor(0xb3, 0x6b, 0x00);

void setTextColor(QLabel *label, const QColor &color)
{
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, color);
    label->setPalette(palette);
}

QGroupBox *boxed(const QString &title, QWidget *content, QWidget *parent)
{
    auto *box = new QGroupBox(title, parent);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(content);
    return box;
}

} // namespace

ShadowEditor::ShadowEditor(MqttSession *session, QWidget *parent)
    : QWidget(parent)
{
    setWindowTitle(tr("Device Shadow"));
    m_client = new ShadowClient(session, this);
    connect(m_client, &ShadowClient::requestFinished, this, &ShadowEditor::onRequestFinished);
    connect(m_client, &ShadowClient::documentsReceived, this, &ShadowEditor::onDocuments);
    connect(m_client, &ShadowClient::deltaReceived, this, &ShadowEditor::onDelta);
    connect(m_client, &ShadowClient::namedShadowsChanged, this, &ShadowEditor::refreshShadowNames);
    connect(m_client, &ShadowClient::errorOccurred, this, [this](const QString &message) { showMessage(message, true); });
    m_nextToken = ShadowClient::generateClientToken();

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(createStatePane());
    splitter->addWidget(createEditPane());
    splitter->setStretchFactor(0, 5);
    splitter->setStretchFactor(1, 4);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(createHeader());
    layout->addWidget(splitter, 1);
    showDocument();
    updatePreview();
}

ShadowEditor::~ShadowEditor()
{
    // The client fails its pending requests when it is destroyed with the
    // children; this widget is half destroyed by then and must not hear it.
    m_client->disconnect(this);
}

QWidget *ShadowEditor::createHeader()
{
    auto *header = new QWidget(this);
    m_thingEdit = new QLineEdit(header);
    m_thingEdit->setObjectName(QStringLiteral("thingName"));
    m_thingEdit->setPlaceholderText(tr("Thing name, e.g. press-7"));
    m_shadowCombo = new QComboBox(header);
    m_shadowCombo->setObjectName(QStringLiteral("shadowName"));
    m_shadowCombo->setEditable(true);
    m_shadowCombo->setInsertPolicy(QComboBox::NoInsert);
    m_shadowCombo->setMinimumContentsLength(16);
    m_shadowCombo->lineEdit()->setPlaceholderText(tr("(classic shadow)"));
    m_shadowCombo->setToolTip(tr("Leave empty for the classic shadow, or pick or type a named shadow. "
                                 "The list shows the named shadows seen for this thing."));
    m_openButton = new QPushButton(tr("Open"), header);
    m_openButton->setDefault(true);
    m_reloadButton = new QPushButton(tr("Reload"), header);
    m_deleteButton = new QPushButton(tr("Delete Shadow…"), header);
    connect(m_openButton, &QPushButton::clicked, this, &ShadowEditor::openFromInputs);
    connect(m_thingEdit, &QLineEdit::returnPressed, this, &ShadowEditor::openFromInputs);
    connect(m_reloadButton, &QPushButton::clicked, this, &ShadowEditor::reload);
    connect(m_deleteButton, &QPushButton::clicked, this, &ShadowEditor::deleteShadow);

    m_titleLabel = new QLabel(header);
    QFont titleFont = m_titleLabel->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.15);
    m_titleLabel->setFont(titleFont);
    m_statusLabel = new QLabel(header);
    m_statusLabel->setObjectName(QStringLiteral("shadowStatus"));
    m_syncLabel = new QLabel(header);
    m_syncLabel->setObjectName(QStringLiteral("shadowSync"));
    QFont syncFont = m_syncLabel->font();
    syncFont.setBold(true);
    m_syncLabel->setFont(syncFont);
    m_messageLabel = new QLabel(header);
    m_messageLabel->setObjectName(QStringLiteral("shadowMessage"));
    m_messageLabel->setWordWrap(true);
    m_messageLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *inputs = new QHBoxLayout;
    inputs->addWidget(new QLabel(tr("Thing:"), header));
    inputs->addWidget(m_thingEdit, 2);
    inputs->addWidget(new QLabel(tr("Shadow:"), header));
    inputs->addWidget(m_shadowCombo, 1);
    inputs->addWidget(m_openButton);
    inputs->addWidget(m_reloadButton);
    inputs->addStretch(0);
    inputs->addWidget(m_deleteButton);
    auto *status = new QHBoxLayout;
    status->addWidget(m_titleLabel);
    status->addSpacing(16);
    status->addWidget(m_statusLabel);
    status->addSpacing(16);
    status->addWidget(m_syncLabel);
    status->addStretch(1);

    auto *layout = new QVBoxLayout(header);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(inputs);
    layout->addLayout(status);
    layout->addWidget(m_messageLabel);
    return header;
}

QWidget *ShadowEditor::createStatePane()
{
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    m_desiredView = new ShadowJsonTree(splitter);
    m_desiredView->setObjectName(QStringLiteral("desiredView"));
    m_desiredView->setToolTip(tr("What the cloud or an operator wants; keys in bold are not reported yet"));
    m_reportedView = new ShadowJsonTree(splitter);
    m_reportedView->setObjectName(QStringLiteral("reportedView"));
    m_reportedView->setToolTip(tr("What the device last reported"));
    m_deltaView = new ShadowJsonTree(splitter);
    m_deltaView->setObjectName(QStringLiteral("deltaView"));
    m_deltaView->setToolTip(tr("Desired values the device has not reported yet"));
    splitter->addWidget(boxed(tr("Desired"), m_desiredView, splitter));
    splitter->addWidget(boxed(tr("Reported"), m_reportedView, splitter));
    splitter->addWidget(boxed(tr("Delta (desired, not yet reported)"), m_deltaView, splitter));
    return splitter;
}

QWidget *ShadowEditor::createEditPane()
{
    m_editStack = new QStackedWidget(this);

    auto *editPage = new QWidget(m_editStack);
    m_editTabs = new QTabWidget(editPage);
    m_form = new ShadowFormEditor(m_editTabs);
    connect(m_form, &ShadowFormEditor::edited, this, [this] {
        m_lastEditTab = FormTab;
        updatePreview();
    });

    const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    auto *rawPage = new QWidget(m_editTabs);
    m_rawEdit = new QPlainTextEdit(rawPage);
    m_rawEdit->setObjectName(QStringLiteral("rawJson"));
    m_rawEdit->setFont(fixed);
    m_rawEdit->setTabChangesFocus(false);
    m_rawError = new QLabel(rawPage);
    m_rawError->setObjectName(QStringLiteral("rawJsonError"));
    m_rawError->setWordWrap(true);
    setTextColor(m_rawError, ErrorColor);
    m_rawError->hide();
    connect(m_rawEdit, &QPlainTextEdit::textChanged, this, [this] {
        m_lastEditTab = RawTab;
        updatePreview();
    });
    auto *rawLayout = new QVBoxLayout(rawPage);
    rawLayout->setContentsMargins(0, 0, 0, 0);
    rawLayout->addWidget(m_rawEdit, 1);
    rawLayout->addWidget(m_rawError);

    auto *previewPage = new QWidget(m_editTabs);
    m_previewTopic = new QLabel(previewPage);
    m_previewTopic->setObjectName(QStringLiteral("previewTopic"));
    m_previewTopic->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_previewEdit = new QPlainTextEdit(previewPage);
    m_previewEdit->setObjectName(QStringLiteral("previewPayload"));
    m_previewEdit->setReadOnly(true);
    m_previewEdit->setFont(fixed);
    m_previewProblem = new QLabel(previewPage);
    m_previewProblem->setWordWrap(true);
    setTextColor(m_previewProblem, ErrorColor);
    auto *previewLayout = new QVBoxLayout(previewPage);
    previewLayout->setContentsMargins(0, 0, 0, 0);
    previewLayout->addWidget(m_previewTopic);
    previewLayout->addWidget(m_previewEdit, 1);
    previewLayout->addWidget(m_previewProblem);

    m_editTabs->addTab(m_form, tr("Desired (Form)"));
    m_editTabs->addTab(rawPage, tr("Desired (Raw JSON)"));
    m_editTabs->addTab(previewPage, tr("Request Preview"));
    connect(m_editTabs, &QTabWidget::currentChanged, this, &ShadowEditor::onEditTabChanged);

    m_editState = new QLabel(editPage);
    m_editState->setObjectName(QStringLiteral("editState"));
    m_versionCheck = new QCheckBox(tr("Send only if the shadow is still at the loaded version"), editPage);
    m_versionCheck->setObjectName(QStringLiteral("versionCheck"));
    m_versionCheck->setToolTip(tr("Optimistic locking: the request carries the version you loaded; if someone else "
                                  "changed the shadow meanwhile, the service refuses it (409) and you can compare."));
    m_versionCheck->setChecked(true);
    connect(m_versionCheck, &QCheckBox::toggled, this, &ShadowEditor::updatePreview);
    m_sendButton = new QPushButton(tr("Send Update"), editPage);
    m_sendButton->setObjectName(QStringLiteral("sendButton"));
    connect(m_sendButton, &QPushButton::clicked, this, &ShadowEditor::send);
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_editState, 1);
    bottom->addWidget(m_versionCheck);
    bottom->addWidget(m_sendButton);

    auto *editLayout = new QVBoxLayout(editPage);
    editLayout->setContentsMargins(0, 0, 0, 0);
    editLayout->addWidget(m_editTabs, 1);
    editLayout->addLayout(bottom);

    m_conflictView = new ShadowConflictView(m_editStack);
    m_conflictView->setObjectName(QStringLiteral("conflictView"));
    connect(m_conflictView, &ShadowConflictView::reapplyRequested, this, &ShadowEditor::reapplyEdit);
    connect(m_conflictView, &ShadowConflictView::discardRequested, this, &ShadowEditor::discardEdit);

    m_editStack->addWidget(editPage);
    m_editStack->addWidget(m_conflictView);
    return m_editStack;
}

void ShadowEditor::openShadow(const ShadowName &shadow)
{
    if (!m_shadow.thing.isEmpty() && !(m_shadow == shadow))
        m_client->unwatch(m_shadow);
    m_shadow = shadow;
    m_thingEdit->setText(shadow.thing);
    m_shadowCombo->setEditText(shadow.shadow);
    m_titleLabel->setText(shadow.displayName());
    setWindowTitle(tr("Device Shadow: %1").arg(shadow.displayName()));
    m_current = ShadowDocument();
    m_base = ShadowDocument();
    m_exists = false;
    m_loaded = false;
    m_conflictPatch = QJsonObject();
    m_editStack->setCurrentIndex(0);
    rebaseEdit();
    showDocument();
    if (!m_client->discoverNamedShadows(shadow.thing)) {
        showMessage(m_client->errorString(), true);
        return;
    }
    refreshShadowNames();
    reload();
}

void ShadowEditor::reload()
{
    if (m_shadow.thing.isEmpty()) {
        showMessage(tr("Enter a thing name, then open its shadow."), true);
        return;
    }
    const bool conflict = m_pending == Pending::ConflictReload;
    const QString token = m_client->get(m_shadow);
    if (token.isEmpty()) {
        showMessage(m_client->errorString(), true);
        return;
    }
    m_pendingToken = token;
    m_pending = conflict ? Pending::ConflictReload : Pending::Load;
    setBusy(true);
    showMessage(tr("Loading %1…").arg(m_shadow.displayName()), false);
}

void ShadowEditor::openFromInputs()
{
    QString name = m_shadowCombo->currentText().trimmed();
    const ShadowName shadow = name.isEmpty() ? ShadowName::classic(m_thingEdit->text().trimmed())
                                             : ShadowName::named(m_thingEdit->text().trimmed(), name);
    const ShadowValidation::Problem problem = ShadowValidation::validateName(shadow, ShadowValidation::Access::Read);
    if (!problem.isValid()) {
        showMessage(problem.message, true);
        return;
    }
    openShadow(shadow);
}

void ShadowEditor::refreshShadowNames()
{
    const QString text = m_shadowCombo->currentText();
    const QSignalBlocker blocker(m_shadowCombo);
    m_shadowCombo->clear();
    m_shadowCombo->addItem(QString());
    m_shadowCombo->setItemData(0, tr("The classic (unnamed) shadow"), Qt::ToolTipRole);
    m_shadowCombo->addItems(m_client->namedShadows(m_thingEdit->text().trimmed()));
    m_shadowCombo->setEditText(text);
}

QStringList ShadowEditor::listedShadowNames() const
{
    QStringList names;
    // Item 0 is the classic shadow (empty name).
    for (int i = 1; i < m_shadowCombo->count(); ++i)
        names.append(m_shadowCombo->itemText(i));
    return names;
}

std::optional<QJsonObject> ShadowEditor::editedDesired(QString *error) const
{
    QJsonObject desired;
    if (m_lastEditTab == RawTab) {
        if (!ShadowJsonText::parseObject(m_rawEdit->toPlainText(), &desired, error))
            return std::nullopt;
        return desired;
    }
    desired = m_form->desired(error);
    if (!error->isEmpty())
        return std::nullopt;
    return desired;
}

bool ShadowEditor::hasChanges() const
{
    QString error;
    const std::optional<QJsonObject> edited = editedDesired(&error);
    // Text that does not parse is a change the user has not finished.
    return !edited || !ShadowJsonText::patch(m_base.desired, *edited).isEmpty();
}

void ShadowEditor::setVersionCheck(bool on)
{
    m_versionCheck->setChecked(on);
}

bool ShadowEditor::versionCheck() const
{
    return m_versionCheck->isChecked();
}

void ShadowEditor::setRawJson(const QString &text)
{
    m_editTabs->setCurrentIndex(RawTab);
    m_rawEdit->setPlainText(text);
}

QString ShadowEditor::previewTopic() const
{
    return ShadowTopics::topic(m_shadow, ShadowTopics::Operation::Update);
}

QByteArray ShadowEditor::previewPayload() const
{
    QString error;
    const std::optional<QJsonObject> edited = editedDesired(&error);
    if (!edited)
        return {};
    const QJsonObject patch = ShadowJsonText::patch(m_base.desired, *edited);
    if (patch.isEmpty())
        return {};
    std::optional<qint64> version;
    if (m_versionCheck->isChecked() && m_exists)
        version = m_base.version;
    return ShadowClient::updatePayload(QJsonObject{{QStringLiteral("desired"), patch}}, version, m_nextToken);
}

QString ShadowEditor::previewText() const
{
    return m_previewEdit->toPlainText();
}

void ShadowEditor::send()
{
    if (m_pending != Pending::None) {
        showMessage(tr("Wait for the running request to finish, then send again."), true);
        return;
    }
    if (m_shadow.thing.isEmpty()) {
        showMessage(tr("Open a shadow first."), true);
        return;
    }
    QString error;
    const std::optional<QJsonObject> edited = editedDesired(&error);
    if (!edited) {
        showMessage(tr("Not sent: %1").arg(error), true);
        return;
    }
    const QJsonObject patch = ShadowJsonText::patch(m_base.desired, *edited);
    if (patch.isEmpty()) {
        showMessage(tr("Nothing to send: the desired state is unchanged."), false);
        return;
    }
    std::optional<qint64> version;
    if (m_versionCheck->isChecked() && m_exists)
        version = m_base.version;
    sendPatch(patch, version);
}

void ShadowEditor::sendPatch(const QJsonObject &patch, std::optional<qint64> version)
{
    const QString token = m_client->update(m_shadow, QJsonObject{{QStringLiteral("desired"), patch}}, version, m_nextToken);
    if (token.isEmpty()) {
        showMessage(tr("Not sent: %1").arg(m_client->errorString()), true);
        return;
    }
    m_pendingToken = token;
    m_pending = Pending::Update;
    m_sentPatch = patch;
    m_nextToken = ShadowClient::generateClientToken();
    setBusy(true);
    showMessage(tr("Sending the update to %1…").arg(previewTopic()), false);
    updatePreview();
}

void ShadowEditor::deleteShadow()
{
    if (m_shadow.thing.isEmpty()) {
        showMessage(tr("Open a shadow first."), true);
        return;
    }
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Delete Device Shadow"),
                                tr("Delete %1?").arg(m_shadow.displayName()), QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("deleteShadowConfirmation"));
    box->setInformativeText(tr("The service removes the desired and reported state. The device no longer receives "
                               "its set-points from this shadow until someone writes it again."));
    QPushButton *deleteButton = box->addButton(tr("Delete Shadow"), QMessageBox::DestructiveRole);
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    const ShadowName shadow = m_shadow;
    connect(box, &QMessageBox::finished, this, [this, box, deleteButton, shadow] {
        if (box->clickedButton() != deleteButton || !(shadow == m_shadow))
            return;
        const QString token = m_client->deleteShadow(shadow);
        if (token.isEmpty()) {
            showMessage(tr("Not deleted: %1").arg(m_client->errorString()), true);
            return;
        }
        m_pendingToken = token;
        m_pending = Pending::Delete;
        setBusy(true);
        showMessage(tr("Deleting %1…").arg(shadow.displayName()), false);
    });
    box->open();
}

void ShadowEditor::reapplyEdit()
{
    if (m_conflictPatch.isEmpty())
        return;
    const QJsonObject patch = m_conflictPatch;
    m_conflictPatch = QJsonObject();
    m_base = m_current;
    m_form->setDesired(ShadowDocument::merge(m_current.desired, patch));
    m_lastEditTab = FormTab;
    if (m_editTabs->currentIndex() == RawTab)
        m_editTabs->setCurrentIndex(FormTab);
    m_editStack->setCurrentIndex(0);
    updatePreview();
    send();
}

void ShadowEditor::discardEdit()
{
    m_conflictPatch = QJsonObject();
    m_base = m_current;
    m_editStack->setCurrentIndex(0);
    rebaseEdit();
    showMessage(tr("Your edit was discarded; the editor shows version %1.").arg(m_current.version), false);
}

bool ShadowEditor::isConflictShown() const
{
    return m_editStack->currentWidget() == m_conflictView;
}

QString ShadowEditor::statusText() const
{
    return m_statusLabel->text() + u' ' + m_syncLabel->text();
}

QString ShadowEditor::messageText() const
{
    return m_message;
}

void ShadowEditor::onRequestFinished(const QString &token, const ShadowResult &result)
{
    if (token != m_pendingToken)
        return;   // a request of a shadow that is no longer open
    const Pending pending = m_pending;
    m_pending = Pending::None;
    m_pendingToken.clear();
    setBusy(false);

    switch (pending) {
    case Pending::Load:
    case Pending::ConflictReload:
        onLoaded(result, pending == Pending::ConflictReload);
        break;
    case Pending::Update:
        if (result.isAccepted()) {
            const qint64 version = result.document().version;
            // The accepted edit becomes the new base; the reload shows the merged document.
            QString error;
            const std::optional<QJsonObject> edited = editedDesired(&error);
            m_base.desired = ShadowDocument::merge(m_base.desired, m_sentPatch);
            m_base.version = version;
            if (edited && ShadowJsonText::patch(m_base.desired, *edited).isEmpty())
                rebaseEdit();
            reload();
            showMessage(tr("Update accepted: %1 is now at version %2.").arg(m_shadow.displayName()).arg(version), false);
        } else if (result.status == ShadowResult::Status::Rejected && result.code == 409) {
            m_conflictPatch = m_sentPatch;
            m_conflictRejection = tr("Rejected (%1): %2").arg(result.code).arg(result.errorString);
            m_pending = Pending::ConflictReload;
            reload();
            showMessage(tr("%1 Reloading the current document to compare…").arg(m_conflictRejection), true);
        } else if (result.status == ShadowResult::Status::Rejected) {
            showMessage(tr("Rejected (%1): %2").arg(result.code).arg(result.errorString), true);
        } else {
            showMessage(result.errorString, true);
        }
        break;
    case Pending::Delete:
        if (result.isAccepted()) {
            const qint64 version = result.document().version;
            m_current = ShadowDocument();
            m_current.version = version;
            m_base = m_current;
            m_exists = false;
            rebaseEdit();
            showDocument();
            showMessage(tr("Deleted %1 (it was at version %2). Sending an update creates it again.")
                            .arg(m_shadow.displayName())
                            .arg(version),
                        false);
        } else if (result.status == ShadowResult::Status::Rejected) {
            showMessage(tr("Not deleted (%1): %2").arg(result.code).arg(result.errorString), true);
        } else {
            showMessage(result.errorString, true);
        }
        break;
    case Pending::None:
        break;
    }
    Q_EMIT requestFinished(result);
}

void ShadowEditor::onLoaded(const ShadowResult &result, bool conflictReload)
{
    if (result.isAccepted()) {
        m_current = result.document();
        m_exists = true;
    } else if (result.status == ShadowResult::Status::Rejected && result.code == 404) {
        m_current = ShadowDocument();
        m_exists = false;
    } else {
        const QString text = result.status == ShadowResult::Status::Rejected
            ? tr("Could not load (%1): %2").arg(result.code).arg(result.errorString)
            : result.errorString;
        showMessage(text, true);
        return;
    }
    const bool firstLoad = !m_loaded;
    m_loaded = true;
    if (conflictReload) {
        m_conflictView->setConflict(m_conflictPatch, m_base, m_current);
        m_editStack->setCurrentWidget(m_conflictView);
        showMessage(tr("%1 Someone else changed %2 (now version %3); your edit was not applied.")
                        .arg(m_conflictRejection, m_shadow.displayName())
                        .arg(m_current.version),
                    true);
    } else {
        if (firstLoad || !hasChanges()) {
            m_base = m_current;
            rebaseEdit();
        }
        if (m_exists)
            showMessage(tr("Loaded %1 at version %2.").arg(m_shadow.displayName()).arg(m_current.version), false);
        else
            showMessage(tr("No shadow exists for %1 yet. Sending an update creates it.").arg(m_shadow.displayName()), false);
    }
    showDocument();
}

void ShadowEditor::onDocuments(const ShadowName &shadow, const QJsonObject &message)
{
    if (!(shadow == m_shadow) || !m_loaded)
        return;
    const ShadowDocument document = ShadowDocument::fromJson(message.value(QStringLiteral("current")).toObject());
    if (m_exists && document.version < m_current.version)
        return;   // an older notification overtaken by a get reply
    m_current = document;
    m_exists = true;
    if (m_pending == Pending::None && !isConflictShown()) {
        if (!hasChanges()) {
            m_base = m_current;
            rebaseEdit();
        } else if (m_base.version != m_current.version) {
            showMessage(tr("Someone else changed the shadow to version %1 while you are editing (your edit is based on "
                           "version %2). With the version check on, sending shows both states instead of overwriting.")
                            .arg(m_current.version)
                            .arg(m_base.version),
                        false);
        }
    }
    showDocument();
}

void ShadowEditor::onDelta(const ShadowName &shadow, const QJsonObject &message)
{
    if (!(shadow == m_shadow) || !m_loaded)
        return;
    const qint64 version = message.value(QStringLiteral("version")).toInteger();
    if (version < m_current.version)
        return;
    m_current.delta = message.value(QStringLiteral("state")).toObject();
    m_current.deltaMetadata = message.value(QStringLiteral("metadata")).toObject();
    m_current.version = version;
    m_exists = true;
    showDocument();
}

void ShadowEditor::showDocument()
{
    m_desiredView->setSection(m_current.desired, m_current.desiredMetadata, m_current.delta);
    m_reportedView->setSection(m_current.reported, m_current.reportedMetadata);
    m_deltaView->setSection(m_current.delta, m_current.deltaMetadata);
    if (!m_loaded) {
        const QString text = m_shadow.thing.isEmpty() ? tr("Enter a thing name and open its shadow.") : tr("Loading…");
        for (ShadowJsonTree *view : {m_desiredView, m_reportedView, m_deltaView})
            view->setPlaceholderText(text);
        m_statusLabel->setText(tr("Not loaded"));
        m_syncLabel->clear();
    } else if (!m_exists) {
        for (ShadowJsonTree *view : {m_desiredView, m_reportedView, m_deltaView})
            view->setPlaceholderText(tr("No shadow document"));
        m_statusLabel->setText(m_current.version > 0 ? tr("Deleted (last version %1)").arg(m_current.version)
                                                     : tr("No shadow"));
        m_syncLabel->clear();
    } else {
        m_desiredView->setPlaceholderText(tr("Nothing desired"));
        m_reportedView->setPlaceholderText(tr("The device has not reported anything"));
        m_deltaView->setPlaceholderText(tr("No delta: the device reports every desired value"));
        m_statusLabel->setText(tr("Version %1").arg(m_current.version));
        if (m_current.isInSync()) {
            m_syncLabel->setText(tr("● In sync"));
            setTextColor(m_syncLabel, OkColor);
        } else {
            const qsizetype keys = ShadowJsonText::leafPointers(m_current.delta).size();
            m_syncLabel->setText(tr("● Out of sync: %n desired value(s) not reported yet", nullptr, int(keys)));
            setTextColor(m_syncLabel, WarnColor);
        }
    }
    m_deleteButton->setEnabled(m_exists && m_pending == Pending::None);
    updatePreview();
    Q_EMIT documentChanged();
}

void ShadowEditor::rebaseEdit()
{
    m_form->setDesired(m_base.desired);
    {
        const QSignalBlocker blocker(m_rawEdit);
        m_rawEdit->setPlainText(ShadowJsonText::pretty(m_base.desired));
    }
    m_rawError->hide();
    m_lastEditTab = m_editTabs->currentIndex() == RawTab ? RawTab : FormTab;
    updatePreview();
}

void ShadowEditor::onEditTabChanged(int index)
{
    QString error;
    if (index == RawTab && m_lastEditTab == FormTab) {
        const QJsonObject desired = m_form->desired(&error);
        if (error.isEmpty()) {
            const QSignalBlocker blocker(m_rawEdit);
            m_rawEdit->setPlainText(ShadowJsonText::pretty(desired));
            m_rawError->hide();
        } else {
            showMessage(error, true);
        }
    } else if (index == FormTab && m_lastEditTab == RawTab) {
        QJsonObject desired;
        if (!ShadowJsonText::parseObject(m_rawEdit->toPlainText(), &desired, &error)) {
            // The form cannot show text that is not JSON: stay on the raw tab.
            const QSignalBlocker blocker(m_editTabs);
            m_editTabs->setCurrentIndex(RawTab);
            showMessage(tr("Fix the JSON before switching to the form: %1").arg(error), true);
            return;
        }
        m_form->setDesired(desired);
        m_lastEditTab = FormTab;
    }
    updatePreview();
}

void ShadowEditor::updatePreview()
{
    if (!m_previewEdit)
        return;
    m_previewTopic->setText(tr("Topic: %1").arg(m_shadow.thing.isEmpty() ? tr("(no shadow open)") : previewTopic()));
    QString error;
    const std::optional<QJsonObject> edited = editedDesired(&error);
    if (m_lastEditTab == RawTab) {
        m_rawError->setText(error);
        m_rawError->setVisible(!error.isEmpty());
    }
    const QByteArray payload = previewPayload();
    m_previewEdit->setPlainText(QString::fromUtf8(payload));
    QString problem;
    if (!edited) {
        problem = error;
    } else if (payload.isEmpty()) {
        problem = tr("No changes to send.");
    } else {
        const ShadowValidation::Problem check = ShadowValidation::validateUpdateRequest(payload);
        if (!check.isValid())
            problem = check.message;
    }
    m_previewProblem->setText(problem.isEmpty()
                                  ? tr("Exactly these %n byte(s) are published (QoS 1) when you send.", nullptr, int(payload.size()))
                                  : problem);
    setTextColor(m_previewProblem, problem.isEmpty() ? palette().color(QPalette::WindowText) : ErrorColor);
    const bool canSend = problem.isEmpty() && !m_shadow.thing.isEmpty() && m_pending == Pending::None;
    m_sendButton->setEnabled(canSend);
    if (!edited) {
        m_editState->setText(error);
        setTextColor(m_editState, ErrorColor);
    } else {
        const QJsonObject patch = ShadowJsonText::patch(m_base.desired, *edited);
        const qsizetype changed = ShadowJsonText::leafPointers(patch).size();
        m_editState->setText(changed == 0 ? tr("No changes")
                                          : tr("%n key(s) changed against version %1", nullptr, int(changed)).arg(m_base.version));
        setTextColor(m_editState, palette().color(QPalette::WindowText));
    }
}

void ShadowEditor::showMessage(const QString &text, bool error)
{
    m_message = text;
    m_messageIsError = error;
    m_messageLabel->setText(text);
    setTextColor(m_messageLabel, error ? ErrorColor : palette().color(QPalette::WindowText));
}

void ShadowEditor::setBusy(bool busy)
{
    m_openButton->setEnabled(!busy);
    m_reloadButton->setEnabled(!busy);
    m_deleteButton->setEnabled(!busy && m_exists);
    updatePreview();
}
