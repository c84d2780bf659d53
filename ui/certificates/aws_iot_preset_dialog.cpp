#include "aws_iot_preset_dialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

AwsIotPresetDialog::AwsIotPresetDialog(QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("AWS IoT Core"));

    m_endpointEdit = new QLineEdit(this);
    m_endpointEdit->setObjectName(QStringLiteral("endpoint"));
    m_endpointEdit->setPlaceholderText(tr("xxxxxxxxxxxxxx-ats.iot.eu-central-1.amazonaws.com"));
    m_endpointEdit->setToolTip(tr("AWS console: IoT Core, Settings, Device data endpoint."));
    m_thingEdit = new QLineEdit(this);
    m_thingEdit->setObjectName(QStringLiteral("thingName"));
    m_clientIdEdit = new QLineEdit(this);
    m_clientIdEdit->setObjectName(QStringLiteral("clientId"));
    m_clientIdEdit->setPlaceholderText(tr("the thing name"));
    m_portCombo = new QComboBox(this);
    m_portCombo->setObjectName(QStringLiteral("port"));
    m_portCombo->addItem(tr("8883 (MQTT over TLS)"), int(AwsIotPreset::Port::Mqtt8883));
    //: %1 is the ALPN protocol name
    m_portCombo->addItem(tr("443 with ALPN %1 (when only HTTPS gets out)").arg(AwsIotPreset::alpnProtocol()),
                         int(AwsIotPreset::Port::Https443));

    m_errorLabel = new QLabel(this);
    m_errorLabel->setObjectName(QStringLiteral("error"));
    m_errorLabel->setWordWrap(true);
    QPalette palette = m_errorLabel->palette();
    palette.setColor(QPalette::WindowText, QColor(0xc0, 0x1c, 0x28));
    m_errorLabel->setPalette(palette);

    auto *hint = new QLabel(tr("Choose the thing's certificate as client certificate in the connection dialog; "
                               "AmazonRootCA1.pem imported with it verifies the endpoint."),
                            this);
    hint->setWordWrap(true);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        if (validationError().isEmpty())
            accept();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *form = new QFormLayout;
    form->addRow(tr("Endpoint"), m_endpointEdit);
    form->addRow(tr("Thing name"), m_thingEdit);
    form->addRow(tr("Client ID"), m_clientIdEdit);
    form->addRow(tr("Port"), m_portCombo);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_errorLabel);
    layout->addWidget(hint);
    layout->addStretch(1);
    layout->addWidget(m_buttons);

    for (QLineEdit *edit : {m_endpointEdit, m_thingEdit, m_clientIdEdit})
        connect(edit, &QLineEdit::textChanged, this, &AwsIotPresetDialog::validate);
    validate();
    resize(QSize(560, 0).expandedTo(sizeHint()));
}

AwsIotPresetDialog::~AwsIotPresetDialog() = default;

void AwsIotPresetDialog::setOptions(const AwsIotPreset::Options &options)
{
    m_base = options;
    m_endpointEdit->setText(options.endpoint);
    m_thingEdit->setText(options.thingName);
    m_clientIdEdit->setText(options.clientId);
    m_portCombo->setCurrentIndex(m_portCombo->findData(int(options.port)));
    validate();
}

AwsIotPreset::Options AwsIotPresetDialog::options() const
{
    AwsIotPreset::Options options = m_base;
    options.endpoint = m_endpointEdit->text().trimmed();
    options.thingName = m_thingEdit->text().trimmed();
    options.clientId = m_clientIdEdit->text().trimmed();
    options.port = AwsIotPreset::Port(m_portCombo->currentData().toInt());
    return options;
}

QString AwsIotPresetDialog::validationError() const
{
    // apply() checks everything the preset needs; try it on a scratch copy.
    ConnectionSettings scratch;
    return AwsIotPreset::apply(options(), &scratch);
}

void AwsIotPresetDialog::validate()
{
    const QString error = validationError();
    // No red text before the user typed anything.
    const bool untouched = m_endpointEdit->text().isEmpty() && m_thingEdit->text().isEmpty();
    m_errorLabel->setText(untouched ? QString() : error);
    m_errorLabel->setVisible(!m_errorLabel->text().isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(error.isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setToolTip(error);
}
