#include "publish_panel.h"

#include "topics/topic_name.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QShortcut>
#include <QSpinBox>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <limits>

namespace {

// Same bound the session enforces; checked here so a huge file is refused before it is read.
constexpr qint64 MaximumPayloadBytes = 256LL * 1024 * 1024;

const QColor ErrorColor(0xc0, 0x1c, 0x28);
const QColor OkColor(0x26, 0x7f, 0x3c);

void setLabelColor(QLabel *label, const QColor &color)
{
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, color);
    label->setPalette(palette);
}

QLabel *makeErrorLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setWordWrap(true);
    setLabelColor(label, ErrorColor);
    label->hide();
    return label;
}

} // namespace

PublishPanel::PublishPanel(QWidget *parent)
    : QWidget(parent)
{
    connect(&m_fileWatcher, &QFutureWatcher<FileResult>::finished, this, [this] {
        const FileResult result = m_fileWatcher.result();
        m_fileButton->setEnabled(true);
        if (!result.error.isEmpty()) {
            m_fileLabel->setText(result.error);
            setLabelColor(m_fileLabel, ErrorColor);
            m_fileLabel->show();
            return;
        }
        m_filePayload = result.data;
        m_fileLoaded = true;
        m_fileLabel->setText(tr("Payload from file: %1 (%2 bytes)")
                                 .arg(QFileInfo(m_filePath).fileName(), QLocale().toString(qint64(result.data.size()))));
        m_fileLabel->setToolTip(QDir::toNativeSeparators(m_filePath));
        setLabelColor(m_fileLabel, palette().color(QPalette::WindowText));
        m_fileLabel->show();
        m_clearFileButton->show();
        m_payloadEdit->setEnabled(false);
        Q_EMIT payloadFileLoaded(m_filePath, result.data.size());
    });

    // Topic row
    m_topicEdit = new QLineEdit(this);
    m_topicEdit->setObjectName(QStringLiteral("publishTopic"));
    m_topicEdit->setPlaceholderText(tr("factory/site/building/line/asset/command"));
    m_topicEdit->setClearButtonEnabled(true);
    m_topicError = makeErrorLabel(this);
    m_topicError->setObjectName(QStringLiteral("publishTopicError"));
    m_qosCombo = new QComboBox(this);
    m_qosCombo->addItem(tr("QoS 0 – at most once"), 0);
    m_qosCombo->addItem(tr("QoS 1 – at least once"), 1);
    m_qosCombo->addItem(tr("QoS 2 – exactly once"), 2);
    m_retainCheck = new QCheckBox(tr("Retain"), this);
    m_retainCheck->setToolTip(tr("The broker keeps this message and hands it to every new subscriber."));
    m_publishButton = new QPushButton(tr("Publish"), this);
    m_publishButton->setObjectName(QStringLiteral("publishButton"));
    m_publishButton->setDefault(true);
    m_publishButton->setToolTip(tr("Publish (Ctrl+Return)"));

    auto *topicRow = new QHBoxLayout;
    topicRow->addWidget(new QLabel(tr("Topic"), this));
    topicRow->addWidget(m_topicEdit, 1);
    topicRow->addWidget(m_qosCombo);
    topicRow->addWidget(m_retainCheck);
    topicRow->addWidget(m_publishButton);

    // Payload column
    m_payloadEdit = new QPlainTextEdit(this);
    m_payloadEdit->setObjectName(QStringLiteral("publishPayload"));
    m_payloadEdit->setPlaceholderText(tr("Payload, e.g. {\"command\": \"start\"}"));
    m_payloadEdit->setTabChangesFocus(true);
    m_fileButton = new QPushButton(tr("From File…"), this);
    m_fileButton->setToolTip(tr("Send the exact bytes of a file as the payload"));
    m_clearFileButton = new QToolButton(this);
    m_clearFileButton->setText(tr("Use Text Payload"));
    m_clearFileButton->hide();
    m_fileLabel = new QLabel(this);
    m_fileLabel->setWordWrap(true);
    m_fileLabel->hide();
    m_propertiesToggle = new QToolButton(this);
    m_propertiesToggle->setText(tr("MQTT 5 Properties"));
    m_propertiesToggle->setCheckable(true);
    m_propertiesToggle->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_propertiesToggle->setArrowType(Qt::RightArrow);
    m_propertiesToggle->setAutoRaise(true);
    m_resultLabel = new QLabel(this);
    m_resultLabel->setWordWrap(true);
    m_resultLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *fileRow = new QHBoxLayout;
    fileRow->addWidget(m_fileButton);
    fileRow->addWidget(m_clearFileButton);
    fileRow->addWidget(m_fileLabel, 1);
    fileRow->addStretch(0);
    fileRow->addWidget(m_propertiesToggle);

    auto *payloadColumn = new QVBoxLayout;
    payloadColumn->addWidget(m_payloadEdit, 1);
    payloadColumn->addLayout(fileRow);

    // MQTT 5 properties
    m_propertiesBox = new QWidget(this);
    m_contentTypeEdit = new QLineEdit(m_propertiesBox);
    m_contentTypeEdit->setPlaceholderText(tr("e.g. application/json"));
    m_formatCombo = new QComboBox(m_propertiesBox);
    m_formatCombo->addItem(tr("Not set"));
    m_formatCombo->addItem(tr("0 – unspecified bytes"));
    m_formatCombo->addItem(tr("1 – UTF-8 text"));
    m_responseTopicEdit = new QLineEdit(m_propertiesBox);
    m_responseTopicError = makeErrorLabel(m_propertiesBox);
    m_correlationEdit = new QLineEdit(m_propertiesBox);
    m_correlationEdit->setPlaceholderText(tr("sent as UTF-8 bytes"));
    m_expirySpin = new QSpinBox(m_propertiesBox);
    m_expirySpin->setRange(0, std::numeric_limits<int>::max());
    m_expirySpin->setSpecialValueText(tr("Not set"));
    m_expirySpin->setSuffix(tr(" s"));
    m_userProperties = new QTableWidget(0, 2, m_propertiesBox);
    m_userProperties->setHorizontalHeaderLabels({tr("User property"), tr("Value")});
    m_userProperties->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_userProperties->verticalHeader()->hide();
    m_userProperties->setMinimumHeight(60);
    auto *addProperty = new QToolButton(m_propertiesBox);
    addProperty->setText(tr("Add"));
    auto *removeProperty = new QToolButton(m_propertiesBox);
    removeProperty->setText(tr("Remove"));
    connect(addProperty, &QToolButton::clicked, this, [this] { addUserPropertyRow(); });
    connect(removeProperty, &QToolButton::clicked, this, [this] {
        const int row = m_userProperties->currentRow();
        if (row >= 0)
            m_userProperties->removeRow(row);
    });

    auto *propertiesForm = new QFormLayout;
    propertiesForm->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    propertiesForm->addRow(tr("Content type"), m_contentTypeEdit);
    propertiesForm->addRow(tr("Payload format"), m_formatCombo);
    propertiesForm->addRow(tr("Response topic"), m_responseTopicEdit);
    propertiesForm->addRow(QString(), m_responseTopicError);
    propertiesForm->addRow(tr("Correlation data"), m_correlationEdit);
    propertiesForm->addRow(tr("Message expiry"), m_expirySpin);
    auto *propertyButtons = new QHBoxLayout;
    propertyButtons->addStretch(1);
    propertyButtons->addWidget(addProperty);
    propertyButtons->addWidget(removeProperty);
    auto *propertiesLayout = new QVBoxLayout(m_propertiesBox);
    propertiesLayout->setContentsMargins(0, 0, 0, 0);
    propertiesLayout->addLayout(propertiesForm);
    propertiesLayout->addWidget(m_userProperties, 1);
    propertiesLayout->addLayout(propertyButtons);
    m_propertiesBox->hide();

    auto *body = new QHBoxLayout;
    body->addLayout(payloadColumn, 3);
    body->addWidget(m_propertiesBox, 2);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(topicRow);
    layout->addWidget(m_topicError);
    layout->addLayout(body, 1);
    layout->addWidget(m_resultLabel);

    connect(m_topicEdit, &QLineEdit::textChanged, this, &PublishPanel::validate);
    connect(m_responseTopicEdit, &QLineEdit::textChanged, this, &PublishPanel::validate);
    connect(m_topicEdit, &QLineEdit::returnPressed, this, &PublishPanel::publish);
    connect(m_publishButton, &QPushButton::clicked, this, &PublishPanel::publish);
    connect(m_fileButton, &QPushButton::clicked, this, &PublishPanel::choosePayloadFile);
    connect(m_clearFileButton, &QToolButton::clicked, this, &PublishPanel::clearPayloadFile);
    connect(m_propertiesToggle, &QToolButton::toggled, this, &PublishPanel::setPropertiesVisible);
    auto *shortcut = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return), this);
    shortcut->setContext(Qt::WidgetWithChildrenShortcut);
    connect(shortcut, &QShortcut::activated, this, &PublishPanel::publish);

    validate();
}

PublishPanel::~PublishPanel()
{
    m_fileWatcher.disconnect(this);
    m_fileWatcher.waitForFinished();
}

void PublishPanel::setMqtt5(bool enabled)
{
    m_mqtt5 = enabled;
    m_propertiesToggle->setEnabled(enabled);
    m_propertiesToggle->setToolTip(enabled ? QString() : tr("MQTT 3.1.1 messages carry no properties."));
    if (!enabled)
        m_propertiesToggle->setChecked(false);
    validate();
}

void PublishPanel::setTopic(const QString &topic)
{
    m_topicEdit->setText(topic);
}

QString PublishPanel::topic() const
{
    return m_topicEdit->text();
}

void PublishPanel::setPayloadText(const QString &text)
{
    clearPayloadFile();
    m_payloadEdit->setPlainText(text);
}

void PublishPanel::loadRequest(const MqttPublishRequest &request)
{
    setTopic(request.topic);
    clearPayloadFile();
    m_payloadEdit->setPlainText(QString::fromUtf8(request.payload));
    m_qosCombo->setCurrentIndex(request.qos);
    m_retainCheck->setChecked(request.retain);
    const MqttProperties &p = request.properties;
    m_contentTypeEdit->setText(p.contentType);
    m_formatCombo->setCurrentIndex(p.payloadFormatIndicator ? int(*p.payloadFormatIndicator) + 1 : 0);
    m_responseTopicEdit->setText(p.responseTopic);
    m_correlationEdit->setText(QString::fromUtf8(p.correlationData));
    m_expirySpin->setValue(p.messageExpirySeconds ? int(std::min<quint32>(*p.messageExpirySeconds, std::numeric_limits<int>::max())) : 0);
    m_userProperties->setRowCount(0);
    for (const auto &[key, value] : p.userProperties)
        addUserPropertyRow(key, value);
    if (m_mqtt5 && !p.isEmpty())
        m_propertiesToggle->setChecked(true);
}

QString PublishPanel::validationError() const
{
    const QString topicError = TopicName::validateForPublish(m_topicEdit->text());
    if (!topicError.isEmpty())
        return topicError;
    if (m_mqtt5 && !m_responseTopicEdit->text().isEmpty()) {
        const QString responseError = TopicName::validateForPublish(m_responseTopicEdit->text());
        if (!responseError.isEmpty())
            return tr("Response topic: %1").arg(responseError);
    }
    return {};
}

bool PublishPanel::canPublish() const
{
    return validationError().isEmpty() && !m_fileWatcher.isRunning();
}

MqttPublishRequest PublishPanel::request() const
{
    MqttPublishRequest request;
    request.topic = m_topicEdit->text();
    request.payload = m_fileLoaded ? m_filePayload : m_payloadEdit->toPlainText().toUtf8();
    request.qos = quint8(m_qosCombo->currentData().toInt());
    request.retain = m_retainCheck->isChecked();
    if (!m_mqtt5)
        return request;
    MqttProperties &p = request.properties;
    p.contentType = m_contentTypeEdit->text();
    if (m_formatCombo->currentIndex() > 0)
        p.payloadFormatIndicator = quint8(m_formatCombo->currentIndex() - 1);
    p.responseTopic = m_responseTopicEdit->text();
    p.correlationData = m_correlationEdit->text().toUtf8();
    if (m_expirySpin->value() > 0)
        p.messageExpirySeconds = quint32(m_expirySpin->value());
    for (int row = 0; row < m_userProperties->rowCount(); ++row) {
        const QTableWidgetItem *key = m_userProperties->item(row, 0);
        const QTableWidgetItem *value = m_userProperties->item(row, 1);
        const QString keyText = key ? key->text() : QString();
        const QString valueText = value ? value->text() : QString();
        if (!keyText.isEmpty() || !valueText.isEmpty())
            p.userProperties.append({keyText, valueText});
    }
    return request;
}

void PublishPanel::loadPayloadFile(const QString &path)
{
    m_filePath = path;
    m_fileButton->setEnabled(false);
    m_fileLabel->setText(tr("Reading %1…").arg(QFileInfo(path).fileName()));
    setLabelColor(m_fileLabel, palette().color(QPalette::WindowText));
    m_fileLabel->show();
    m_fileWatcher.setFuture(QtConcurrent::run([path]() -> FileResult {
        QFile file(path);
        if (file.size() > MaximumPayloadBytes)
            return {{}, tr("%1 is larger than the 256 MB an MQTT message can carry.").arg(QDir::toNativeSeparators(path))};
        if (!file.open(QIODevice::ReadOnly))
            return {{}, tr("Could not read %1: %2").arg(QDir::toNativeSeparators(path), file.errorString())};
        QByteArray data = file.readAll();
        if (file.error() != QFileDevice::NoError)
            return {{}, tr("Could not read %1: %2").arg(QDir::toNativeSeparators(path), file.errorString())};
        return {data, {}};
    }));
}

void PublishPanel::showResult(const QString &message, bool ok)
{
    m_resultLabel->setText(message);
    setLabelColor(m_resultLabel, ok ? OkColor : ErrorColor);
}

void PublishPanel::validate()
{
    const QString topicError = TopicName::validateForPublish(m_topicEdit->text());
    if (m_topicEdit->text().isEmpty()) {
        m_topicError->setText(tr("Enter the topic to publish to."));
        setLabelColor(m_topicError, palette().color(QPalette::PlaceholderText));
    } else {
        m_topicError->setText(topicError);
        setLabelColor(m_topicError, ErrorColor);
    }
    m_topicError->setVisible(!topicError.isEmpty());

    const QString response = m_responseTopicEdit->text();
    const QString responseError = response.isEmpty() ? QString() : TopicName::validateForPublish(response);
    m_responseTopicError->setText(responseError);
    m_responseTopicError->setVisible(!responseError.isEmpty());

    const QString error = validationError();
    m_publishButton->setEnabled(error.isEmpty());
    m_publishButton->setToolTip(error.isEmpty() ? tr("Publish (Ctrl+Return)") : error);
}

void PublishPanel::publish()
{
    if (!canPublish())
        return;
    m_resultLabel->clear();
    Q_EMIT publishRequested(request());
}

void PublishPanel::choosePayloadFile()
{
    auto *dialog = new QFileDialog(this, tr("Payload File"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::ExistingFile);
    connect(dialog, &QFileDialog::fileSelected, this, &PublishPanel::loadPayloadFile);
    dialog->open();
}

void PublishPanel::clearPayloadFile()
{
    m_fileLoaded = false;
    m_filePayload.clear();
    m_filePath.clear();
    m_fileLabel->hide();
    m_clearFileButton->hide();
    m_payloadEdit->setEnabled(true);
}

void PublishPanel::addUserPropertyRow(const QString &key, const QString &value)
{
    const int row = m_userProperties->rowCount();
    m_userProperties->insertRow(row);
    m_userProperties->setItem(row, 0, new QTableWidgetItem(key));
    m_userProperties->setItem(row, 1, new QTableWidgetItem(value));
}

void PublishPanel::setPropertiesVisible(bool visible)
{
    m_propertiesToggle->setArrowType(visible ? Qt::DownArrow : Qt::RightArrow);
    m_propertiesBox->setVisible(visible && m_mqtt5);
}
