#pragma once

#include "mqtt/mqtt_message.h"

#include <QFutureWatcher>
#include <QWidget>

QT_FORWARD_DECLARE_CLASS(QCheckBox)
QT_FORWARD_DECLARE_CLASS(QComboBox)
QT_FORWARD_DECLARE_CLASS(QLabel)
QT_FORWARD_DECLARE_CLASS(QLineEdit)
QT_FORWARD_DECLARE_CLASS(QPlainTextEdit)
QT_FORWARD_DECLARE_CLASS(QPushButton)
QT_FORWARD_DECLARE_CLASS(QSpinBox)
QT_FORWARD_DECLARE_CLASS(QTableWidget)
QT_FORWARD_DECLARE_CLASS(QToolButton)

// Composes one PUBLISH: topic, payload (typed or loaded from a file), QoS,
// retain and the MQTT 5 properties. The Publish button stays disabled while
// the topic (or the response topic) is invalid, with the reason shown under
// the field. The panel only builds requests; the owner sends them and
// reports back through showResult().
class PublishPanel : public QWidget
{
    Q_OBJECT
public:
    explicit PublishPanel(QWidget *parent = nullptr);
    ~PublishPanel() override;

    // MQTT 3.1.1 connections cannot carry properties: the section is disabled.
    void setMqtt5(bool enabled);
    bool isMqtt5() const { return m_mqtt5; }

    void setTopic(const QString &topic);
    QString topic() const;
    void setPayloadText(const QString &text);
    // Fills every field from a request, e.g. to edit a message from the history.
    void loadRequest(const MqttPublishRequest &request);

    // Translated reason why the current input cannot be published; empty when it can.
    QString validationError() const;
    bool canPublish() const;
    MqttPublishRequest request() const;

    // Loads the payload from a file on a worker thread; payloadFileLoaded() or
    // the error under the payload follows.
    void loadPayloadFile(const QString &path);
    bool hasFilePayload() const { return m_fileLoaded; }

    void showResult(const QString &message, bool ok);

Q_SIGNALS:
    void publishRequested(const MqttPublishRequest &request);
    void payloadFileLoaded(const QString &path, qint64 size);

private:
    struct FileResult
    {
        QByteArray data;
        QString error;
    };

    void validate();
    void publish();
    void choosePayloadFile();
    void clearPayloadFile();
    void addUserPropertyRow(const QString &key = {}, const QString &value = {});
    void setPropertiesVisible(bool visible);

    bool m_mqtt5 = true;
    bool m_fileLoaded = false;
    QByteArray m_filePayload;
    QString m_filePath;
    QFutureWatcher<FileResult> m_fileWatcher;

    QLineEdit *m_topicEdit = nullptr;
    QLabel *m_topicError = nullptr;
    QComboBox *m_qosCombo = nullptr;
    QCheckBox *m_retainCheck = nullptr;
    QPushButton *m_publishButton = nullptr;
    QPlainTextEdit *m_payloadEdit = nullptr;
    QPushButton *m_fileButton = nullptr;
    QToolButton *m_clearFileButton = nullptr;
    QLabel *m_fileLabel = nullptr;
    QToolButton *m_propertiesToggle = nullptr;
    QWidget *m_propertiesBox = nullptr;
    QLineEdit *m_contentTypeEdit = nullptr;
    QComboBox *m_formatCombo = nullptr;
    QLineEdit *m_responseTopicEdit = nullptr;
    QLabel *m_responseTopicError = nullptr;
    QLineEdit *m_correlationEdit = nullptr;
    QSpinBox *m_expirySpin = nullptr;
    QTableWidget *m_userProperties = nullptr;
    QLabel *m_resultLabel = nullptr;
};
