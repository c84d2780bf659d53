#include "shadow/shadow_editor.h"

#include "connection/connection_view.h"
#include "main_window.h"
#include "mqtt/mqtt_session.h"
#include "screenshot.h"
#include "shadow/shadow_client.h"
#include "shadow/shadow_service.h"
#include "shadow/shadow_topics.h"
#include "shadow/shadow_conflict_view.h"
#include "shadow/shadow_form_editor.h"
#include "shadow/shadow_json_tree.h"
#include "test_broker.h"

#include <QAbstractButton>
#include <QAction>
#include <QDir>
#include <QJsonDocument>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

#include <memory>

namespace {

constexpr int Timeout = 20000;

QJsonObject json(const char *text)
{
    return QJsonDocument::fromJson(QByteArray(text)).object();
}

// A press as the line sees it: the operator wants 180 bar and auto mode, the
// press still reports 175 bar in manual.
const char *PressState = R"({
  "desired": {"mode": "auto", "setpoints": {"pressure_bar": 180, "stroke_rate_spm": 42, "die_temp_c": 185.5},
              "recipe": "PN-4471-B"},
  "reported": {"mode": "manual", "setpoints": {"pressure_bar": 175, "stroke_rate_spm": 42, "die_temp_c": 185.5},
               "recipe": "PN-4471-B", "firmware": "3.2.1", "door_closed": true}
})";

// Let pending layout requests run so labels set just before have their size.
void settleAndSaveScreenshot(QWidget &widget, const QString &name)
{
    QTest::qWait(100);
    saveScreenshot(&widget, name);
}

} // namespace

class TestShadowEditor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();
    void loadsAndShowsSections();
    void editSendBumpsVersion();
    void setToNullDeletesKey();
    void rawJsonSyntaxError_data();
    void rawJsonSyntaxError();
    void conflictShowsBothStates_data();
    void conflictShowsBothStates();
    void liveUpdateFromAnotherClient();
    void deleteAsksForConfirmation();
    void listsNamedShadowsSeen();
    void deltaMessageAloneUpdatesDelta();
    void openedFromMainWindow();

private:
    std::unique_ptr<MqttSession> connectedSession(QString *error);
    // Sends an update through the "other" client and waits for its reply.
    bool otherUpdate(const ShadowName &shadow, const QJsonObject &state, QString *error);
    bool openLoaded(ShadowEditor &editor, const ShadowName &shadow);

    std::unique_ptr<TestBroker> m_broker;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<MqttSession> m_serviceSession;
    std::unique_ptr<ShadowService> m_service;
    std::unique_ptr<MqttSession> m_editorSession;
    std::unique_ptr<MqttSession> m_otherSession;
    std::unique_ptr<ShadowClient> m_other;
    ShadowName m_press;
};

void TestShadowEditor::initTestCase()
{
    m_broker = std::make_unique<TestBroker>();
    QString error;
    QVERIFY2(m_broker->start(&error), qPrintable(error));
}

void TestShadowEditor::cleanupTestCase()
{
    m_broker.reset();
}

std::unique_ptr<MqttSession> TestShadowEditor::connectedSession(QString *error)
{
    auto session = std::make_unique<MqttSession>();
    ConnectionSettings settings;
    settings.host = m_broker->host();
    settings.port = m_broker->port();
    session->setSettings(settings);
    session->connectToBroker();
    MqttSession *raw = session.get();
    if (!QTest::qWaitFor([raw] { return raw->state() == MqttSession::State::Connected; }, Timeout)) {
        *error = QStringLiteral("session did not connect: %1").arg(raw->errorString());
        return {};
    }
    return session;
}

void TestShadowEditor::init()
{
    QString error;
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY2(m_dir->isValid(), qPrintable(m_dir->errorString()));
    m_serviceSession = connectedSession(&error);
    QVERIFY2(m_serviceSession, qPrintable(error));
    m_service = std::make_unique<ShadowService>(m_serviceSession.get());
    QVERIFY2(m_service->start(m_dir->filePath(QStringLiteral("shadows.db"))), qPrintable(m_service->errorString()));
    QTRY_VERIFY2_WITH_TIMEOUT(m_service->state() == ShadowService::State::Running, qPrintable(m_service->errorString()), Timeout);
    m_editorSession = connectedSession(&error);
    QVERIFY2(m_editorSession, qPrintable(error));
    m_otherSession = connectedSession(&error);
    QVERIFY2(m_otherSession, qPrintable(error));
    m_other = std::make_unique<ShadowClient>(m_otherSession.get());

    // Each test has its own service and database, so they can share the thing name.
    m_press = ShadowName::classic(QStringLiteral("press-7-chicago-a-l3"));
    QVERIFY2(otherUpdate(m_press, json(PressState), &error), qPrintable(error));
}

void TestShadowEditor::cleanup()
{
    m_other.reset();
    m_otherSession.reset();
    m_editorSession.reset();
    m_service.reset();
    m_serviceSession.reset();
    m_dir.reset();
}

bool TestShadowEditor::otherUpdate(const ShadowName &shadow, const QJsonObject &state, QString *error)
{
    QSignalSpy spy(m_other.get(), &ShadowClient::requestFinished);
    const QString token = m_other->update(shadow, state);
    if (token.isEmpty()) {
        *error = m_other->errorString();
        return false;
    }
    if (!QTest::qWaitFor([&spy] { return !spy.isEmpty(); }, Timeout)) {
        *error = QStringLiteral("no reply to the other client's update");
        return false;
    }
    const ShadowResult result = spy.constFirst().at(1).value<ShadowResult>();
    *error = result.errorString;
    return result.isAccepted();
}

bool TestShadowEditor::openLoaded(ShadowEditor &editor, const ShadowName &shadow)
{
    editor.openShadow(shadow);
    return QTest::qWaitFor([&editor] { return editor.shadowExists() && editor.document().version > 0; }, Timeout);
}

void TestShadowEditor::loadsAndShowsSections()
{
    ShadowEditor editor(m_editorSession.get());
    editor.resize(1280, 820);
    editor.show();
    QVERIFY2(openLoaded(editor, m_press), qPrintable(editor.messageText()));
    QCOMPARE(editor.document().version, m_service->document(m_press)->version);

    QTreeWidgetItem *desired = editor.desiredView()->itemForPath({QStringLiteral("setpoints"), QStringLiteral("pressure_bar")});
    QVERIFY(desired);
    QCOMPARE(desired->text(ShadowJsonTree::ValueColumn), QStringLiteral("180"));
    QVERIFY2(!desired->text(ShadowJsonTree::UpdatedColumn).isEmpty(), "no metadata timestamp shown");
    QVERIFY(desired->toolTip(ShadowJsonTree::UpdatedColumn).contains(QLatin1String("timestamp")));
    QTreeWidgetItem *reported = editor.reportedView()->itemForPath({QStringLiteral("setpoints"), QStringLiteral("pressure_bar")});
    QVERIFY(reported);
    QCOMPARE(reported->text(ShadowJsonTree::ValueColumn), QStringLiteral("175"));
    QCOMPARE(editor.deltaView()->section(), json(R"({"mode":"auto","setpoints":{"pressure_bar":180}})"));
    QVERIFY2(editor.statusText().contains(QLatin1String("Out of sync: 2")), qPrintable(editor.statusText()));
    QVERIFY(!editor.hasChanges());
    QVERIFY(editor.previewPayload().isEmpty());
}

void TestShadowEditor::editSendBumpsVersion()
{
    ShadowEditor editor(m_editorSession.get());
    editor.resize(1280, 820);
    editor.show();
    QVERIFY2(openLoaded(editor, m_press), qPrintable(editor.messageText()));
    const qint64 version = editor.document().version;

    QTreeWidgetItem *item = editor.formEditor()->itemForPath({QStringLiteral("setpoints"), QStringLiteral("pressure_bar")});
    QVERIFY(item);
    item->setText(ShadowFormEditor::ValueColumn, QStringLiteral("190"));
    QVERIFY(editor.hasChanges());

    // The preview is exactly what goes out: only the changed key, the
    // loaded version and a clientToken.
    QCOMPARE(editor.previewTopic(), QStringLiteral("$aws/things/%1/shadow/update").arg(m_press.thing));
    const QJsonObject request = QJsonDocument::fromJson(editor.previewPayload()).object();
    QCOMPARE(request.value(QStringLiteral("state")).toObject(), json(R"({"desired":{"setpoints":{"pressure_bar":190}}})"));
    QCOMPARE(request.value(QStringLiteral("version")).toInteger(), version);
    const QString token = request.value(QStringLiteral("clientToken")).toString();
    QVERIFY(!token.isEmpty());
    editor.editTabs()->setCurrentIndex(2);
    QCOMPARE(editor.previewText(), QString::fromUtf8(editor.previewPayload()));
    editor.editTabs()->setCurrentIndex(0);
    settleAndSaveScreenshot(editor, QStringLiteral("shadow-editor.png"));

    QSignalSpy finished(&editor, &ShadowEditor::requestFinished);
    editor.send();
    QTRY_VERIFY2_WITH_TIMEOUT(!finished.isEmpty(), qPrintable(editor.messageText()), Timeout);
    const ShadowResult result = finished.constFirst().constFirst().value<ShadowResult>();
    QVERIFY2(result.isAccepted(), qPrintable(result.errorString));
    QCOMPARE(result.clientToken, token);
    QTRY_VERIFY2_WITH_TIMEOUT(editor.document().version == version + 1, qPrintable(editor.statusText()), Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(editor.deltaView()->section(), json(R"({"mode":"auto","setpoints":{"pressure_bar":190}})"), Timeout);
    QCOMPARE(m_service->document(m_press)->desired.value(QStringLiteral("setpoints")).toObject().value(QStringLiteral("pressure_bar")).toInteger(), 190);
    QVERIFY2(editor.statusText().contains(QStringLiteral("Version %1").arg(version + 1)), qPrintable(editor.statusText()));
    QTRY_VERIFY_WITH_TIMEOUT(!editor.hasChanges(), Timeout);
}

void TestShadowEditor::setToNullDeletesKey()
{
    ShadowEditor editor(m_editorSession.get());
    QVERIFY2(openLoaded(editor, m_press), qPrintable(editor.messageText()));
    QTreeWidgetItem *item = editor.formEditor()->itemForPath({QStringLiteral("recipe")});
    QVERIFY(item);
    editor.formEditor()->setType(item, ShadowFormEditor::Type::Null);
    const QJsonObject request = QJsonDocument::fromJson(editor.previewPayload()).object();
    QCOMPARE(request.value(QStringLiteral("state")).toObject(), json(R"({"desired":{"recipe":null}})"));
    const qint64 version = editor.document().version;
    editor.send();
    QTRY_VERIFY2_WITH_TIMEOUT(editor.document().version == version + 1, qPrintable(editor.messageText()), Timeout);
    QTRY_VERIFY_WITH_TIMEOUT(!editor.desiredView()->section().contains(QStringLiteral("recipe")), Timeout);
    QVERIFY(!m_service->document(m_press)->desired.contains(QStringLiteral("recipe")));
    QVERIFY(m_service->document(m_press)->reported.contains(QStringLiteral("recipe")));
}

void TestShadowEditor::rawJsonSyntaxError_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");
    QTest::newRow("missing value") << QStringLiteral("{\n  \"mode\": \n}") << QStringLiteral("line 3");
    QTest::newRow("unterminated string") << QStringLiteral("{\"mode\": \"auto}") << QStringLiteral("line 1");
    QTest::newRow("missing comma on line 2") << QStringLiteral("{\"a\": 1,\n \"b\": 2 \"c\": 3}") << QStringLiteral("line 2");
    QTest::newRow("array, not object") << QStringLiteral("[1, 2]") << QStringLiteral("must be a JSON object");
}

void TestShadowEditor::rawJsonSyntaxError()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    ShadowEditor editor(m_editorSession.get());
    QVERIFY2(openLoaded(editor, m_press), qPrintable(editor.messageText()));
    editor.setRawJson(text);
    QString error;
    QVERIFY(!editor.editedDesired(&error));
    QVERIFY2(error.contains(expected), qPrintable(error));
    QVERIFY(editor.previewPayload().isEmpty());
    QVERIFY(!editor.findChild<QPushButton *>(QStringLiteral("sendButton"))->isEnabled());
    // The form cannot take invalid text: switching back stays on the raw tab.
    editor.editTabs()->setCurrentIndex(0);
    QCOMPARE(editor.editTabs()->currentIndex(), 1);

    // Valid raw JSON becomes the edit and goes into the form.
    editor.setRawJson(QStringLiteral("{\"mode\": \"manual\"}"));
    QVERIFY2(editor.editedDesired(&error), qPrintable(error));
    const QJsonObject request = QJsonDocument::fromJson(editor.previewPayload()).object();
    QCOMPARE(request.value(QStringLiteral("state")).toObject(),
             json(R"({"desired":{"mode":"manual","recipe":null,"setpoints":null}})"));
    editor.editTabs()->setCurrentIndex(0);
    QCOMPARE(editor.editTabs()->currentIndex(), 0);
    QVERIFY(editor.formEditor()->itemForPath({QStringLiteral("mode")}));
    QVERIFY(!editor.formEditor()->itemForPath({QStringLiteral("setpoints")}));
}

void TestShadowEditor::conflictShowsBothStates_data()
{
    QTest::addColumn<bool>("reapply");
    QTest::newRow("re-apply") << true;
    QTest::newRow("discard") << false;
}

void TestShadowEditor::conflictShowsBothStates()
{
    QFETCH(bool, reapply);
    ShadowEditor editor(m_editorSession.get());
    editor.resize(1280, 820);
    editor.show();
    QVERIFY2(openLoaded(editor, m_press), qPrintable(editor.messageText()));
    const qint64 loaded = editor.document().version;
    QVERIFY(editor.versionCheck());
    editor.formEditor()->setValue({QStringLiteral("setpoints"), QStringLiteral("pressure_bar")}, 190);

    // Someone else changes the same set-point between load and send.
    QString error;
    QVERIFY2(otherUpdate(m_press, json(R"({"desired":{"setpoints":{"pressure_bar":185},"mode":"manual"}})"), &error),
             qPrintable(error));
    // The live document arrives, but the edit in progress is kept.
    QTRY_VERIFY2_WITH_TIMEOUT(editor.document().version == loaded + 1, qPrintable(editor.statusText()), Timeout);
    QVERIFY(editor.hasChanges());
    QCOMPARE(editor.formEditor()->itemForPath({QStringLiteral("setpoints"), QStringLiteral("pressure_bar")})
                 ->text(ShadowFormEditor::ValueColumn),
             QStringLiteral("190"));

    QSignalSpy finished(&editor, &ShadowEditor::requestFinished);
    editor.send();
    QTRY_VERIFY2_WITH_TIMEOUT(editor.isConflictShown(), qPrintable(editor.messageText()), Timeout);
    const ShadowResult rejected = finished.constFirst().constFirst().value<ShadowResult>();
    QCOMPARE(rejected.code, 409);
    QVERIFY2(editor.messageText().contains(QLatin1String("409")), qPrintable(editor.messageText()));
    ShadowConflictView *conflict = editor.conflictView();
    QVERIFY2(conflict->editText().contains(QLatin1String("190")), qPrintable(conflict->editText()));
    QVERIFY2(conflict->currentText().contains(QLatin1String("185")), qPrintable(conflict->currentText()));
    QCOMPARE(conflict->conflictingKeys(), QStringList({QStringLiteral("/setpoints/pressure_bar")}));
    QCOMPARE(conflict->changesTable()->topLevelItemCount(), 2);   // pressure (both), mode (others)
    // Never overwritten silently.
    QCOMPARE(m_service->document(m_press)->version, loaded + 1);
    QCOMPARE(m_service->document(m_press)->desired.value(QStringLiteral("setpoints")).toObject().value(QStringLiteral("pressure_bar")).toInteger(), 185);
    if (reapply)
        settleAndSaveScreenshot(editor, QStringLiteral("shadow-conflict.png"));

    if (reapply) {
        editor.reapplyEdit();
        QTRY_VERIFY2_WITH_TIMEOUT(editor.document().version == loaded + 2, qPrintable(editor.messageText()), Timeout);
        QVERIFY(!editor.isConflictShown());
        const ShadowDocument stored = *m_service->document(m_press);
        QCOMPARE(stored.desired.value(QStringLiteral("setpoints")).toObject().value(QStringLiteral("pressure_bar")).toInteger(), 190);
        QCOMPARE(stored.desired.value(QStringLiteral("mode")).toString(), QStringLiteral("manual"));   // their other change stays
        QVERIFY2(editor.messageText().contains(QLatin1String("accepted")), qPrintable(editor.messageText()));
    } else {
        editor.discardEdit();
        QVERIFY(!editor.isConflictShown());
        QVERIFY(!editor.hasChanges());
        QCOMPARE(editor.formEditor()->itemForPath({QStringLiteral("setpoints"), QStringLiteral("pressure_bar")})
                     ->text(ShadowFormEditor::ValueColumn),
                 QStringLiteral("185"));
        QCOMPARE(m_service->document(m_press)->version, loaded + 1);
    }
}

void TestShadowEditor::liveUpdateFromAnotherClient()
{
    ShadowEditor editor(m_editorSession.get());
    QVERIFY2(openLoaded(editor, m_press), qPrintable(editor.messageText()));
    const qint64 loaded = editor.document().version;
    QVERIFY(!editor.document().isInSync());

    // The press reports the desired values: the delta goes away.
    QString error;
    QVERIFY2(otherUpdate(m_press, json(R"({"reported":{"mode":"auto","setpoints":{"pressure_bar":180}}})"), &error),
             qPrintable(error));
    QTRY_VERIFY2_WITH_TIMEOUT(editor.document().version == loaded + 1, qPrintable(editor.statusText()), Timeout);
    QVERIFY(editor.document().isInSync());
    QVERIFY(editor.deltaView()->section().isEmpty());
    QVERIFY2(editor.statusText().contains(QLatin1String("In sync")), qPrintable(editor.statusText()));
    QCOMPARE(editor.reportedView()->itemForPath({QStringLiteral("mode")})->text(ShadowJsonTree::ValueColumn),
             QStringLiteral("\"auto\""));

    // A desired change by someone else shows up in the view and, with no
    // edit in progress, in the form.
    QVERIFY2(otherUpdate(m_press, json(R"({"desired":{"setpoints":{"stroke_rate_spm":40}}})"), &error), qPrintable(error));
    QTRY_VERIFY2_WITH_TIMEOUT(editor.document().version == loaded + 2, qPrintable(editor.statusText()), Timeout);
    QCOMPARE(editor.deltaView()->section(), json(R"({"setpoints":{"stroke_rate_spm":40}})"));
    QCOMPARE(editor.formEditor()->itemForPath({QStringLiteral("setpoints"), QStringLiteral("stroke_rate_spm")})
                 ->text(ShadowFormEditor::ValueColumn),
             QStringLiteral("40"));
    QVERIFY(!editor.hasChanges());
}

void TestShadowEditor::deleteAsksForConfirmation()
{
    ShadowEditor editor(m_editorSession.get());
    editor.show();
    QVERIFY2(openLoaded(editor, m_press), qPrintable(editor.messageText()));

    for (const bool confirm : {false, true}) {
        editor.deleteShadow();
        QMessageBox *box = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((box = editor.findChild<QMessageBox *>(QStringLiteral("deleteShadowConfirmation"))) && box->isVisible(), Timeout);
        QVERIFY2(box->text().contains(m_press.thing), qPrintable(box->text()));
        QAbstractButton *button = nullptr;
        for (QAbstractButton *b : box->buttons()) {
            if (confirm ? box->buttonRole(b) == QMessageBox::DestructiveRole : box->buttonRole(b) == QMessageBox::RejectRole)
                button = b;
        }
        QVERIFY(button);
        QSignalSpy finished(&editor, &ShadowEditor::requestFinished);
        button->click();
        if (!confirm) {
            QTest::qWait(300);
            QVERIFY(finished.isEmpty());
            QVERIFY(m_service->document(m_press).has_value());
            QVERIFY(editor.shadowExists());
            continue;
        }
        QTRY_VERIFY2_WITH_TIMEOUT(!finished.isEmpty(), qPrintable(editor.messageText()), Timeout);
        QVERIFY2(finished.constFirst().constFirst().value<ShadowResult>().isAccepted(), qPrintable(editor.messageText()));
        QVERIFY(!editor.shadowExists());
        QVERIFY(editor.desiredView()->section().isEmpty());
        QVERIFY(!m_service->document(m_press).has_value());
    }
}

void TestShadowEditor::listsNamedShadowsSeen()
{
    ShadowEditor editor(m_editorSession.get());
    QVERIFY2(openLoaded(editor, m_press), qPrintable(editor.messageText()));
    QVERIFY(editor.listedShadowNames().isEmpty());

    QString error;
    const ShadowName recipe = ShadowName::named(m_press.thing, QStringLiteral("recipe"));
    QVERIFY2(otherUpdate(recipe, json(R"({"desired":{"lot":"A-17"}})"), &error), qPrintable(error));
    QTRY_COMPARE_WITH_TIMEOUT(editor.listedShadowNames(), QStringList{QStringLiteral("recipe")}, Timeout);

    // Another thing's named shadow is not listed; a second one of this thing is, sorted.
    QVERIFY2(otherUpdate(ShadowName::named(QStringLiteral("press-8"), QStringLiteral("alarms")), json(R"({"reported":{"n":0}})"), &error),
             qPrintable(error));
    QVERIFY2(otherUpdate(ShadowName::named(m_press.thing, QStringLiteral("control")), json(R"({"desired":{"run":true}})"), &error),
             qPrintable(error));
    QTRY_COMPARE_WITH_TIMEOUT(editor.listedShadowNames(), (QStringList{QStringLiteral("control"), QStringLiteral("recipe")}), Timeout);

    // Picking one opens that shadow, separate from the classic one.
    QVERIFY2(openLoaded(editor, recipe), qPrintable(editor.messageText()));
    QCOMPARE(editor.document().desired, json(R"({"lot":"A-17"})"));
    QCOMPARE(editor.document().version, qint64(1));
}

void TestShadowEditor::deltaMessageAloneUpdatesDelta()
{
    // AWS sends /update/delta and /update/documents independently; a delta
    // that arrives on its own must show up as well.
    ShadowEditor editor(m_editorSession.get());
    QVERIFY2(openLoaded(editor, m_press), qPrintable(editor.messageText()));
    const qint64 loaded = editor.document().version;
    const QJsonObject delta{{QStringLiteral("state"), json(R"({"mode":"auto"})")},
                            {QStringLiteral("metadata"), json(R"({"mode":{"timestamp":1700000000}})")},
                            {QStringLiteral("version"), loaded + 1},
                            {QStringLiteral("timestamp"), 1700000000}};
    MqttPublishRequest publish;
    publish.topic = ShadowTopics::topic(m_press, ShadowTopics::Operation::Update, ShadowTopics::Kind::Delta);
    publish.payload = QJsonDocument(delta).toJson(QJsonDocument::Compact);
    publish.qos = 1;
    QVERIFY2(m_otherSession->publish(publish) > 0, qPrintable(m_otherSession->errorString()));
    QTRY_COMPARE_WITH_TIMEOUT(editor.deltaView()->section(), json(R"({"mode":"auto"})"), Timeout);
    QCOMPARE(editor.document().version, loaded + 1);
    QVERIFY2(editor.statusText().contains(QLatin1String("Out of sync: 1")), qPrintable(editor.statusText()));

    // An older delta (overtaken) changes nothing.
    QJsonObject stale = delta;
    stale.insert(QStringLiteral("version"), loaded);
    stale.insert(QStringLiteral("state"), json(R"({"recipe":"old"})"));
    publish.payload = QJsonDocument(stale).toJson(QJsonDocument::Compact);
    QVERIFY2(m_otherSession->publish(publish) > 0, qPrintable(m_otherSession->errorString()));
    QTest::qWait(500);
    QCOMPARE(editor.deltaView()->section(), json(R"({"mode":"auto"})"));
}

void TestShadowEditor::openedFromMainWindow()
{
    MainWindow window;
    ConnectionProfile profile;
    profile.name = QStringLiteral("Shadow test");
    profile.settings.host = m_broker->host();
    profile.settings.port = m_broker->port();
    ConnectionView *view = window.openConnection(profile);
    QTRY_VERIFY_WITH_TIMEOUT(view->session()->state() == MqttSession::State::Connected, Timeout);
    auto *action = window.findChild<QAction *>(QStringLiteral("openDeviceShadow"));
    QVERIFY(action);
    action->trigger();
    auto *editor = view->findChild<ShadowEditor *>();
    QVERIFY(editor);
    QVERIFY(editor->isWindow());
    QCOMPARE(view->openShadowEditor(m_press.thing), editor);   // one editor per connection
    QTRY_VERIFY2_WITH_TIMEOUT(editor->shadowExists(), qPrintable(editor->messageText()), Timeout);
    QCOMPARE(editor->document().desired.value(QStringLiteral("recipe")).toString(), QStringLiteral("PN-4471-B"));
}

QTEST_MAIN(TestShadowEditor)
#include "tst_shadow_editor.moc"
