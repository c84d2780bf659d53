#pragma once

#include "vault/aws_iot_preset.h"

#include <QDialog>

QT_FORWARD_DECLARE_CLASS(QComboBox)
QT_FORWARD_DECLARE_CLASS(QDialogButtonBox)
QT_FORWARD_DECLARE_CLASS(QLabel)
QT_FORWARD_DECLARE_CLASS(QLineEdit)

// Asks for what AWS IoT Core needs (ATS endpoint, thing name, client id,
// port 8883 or 443 with ALPN) and checks the endpoint as it is typed with
// AwsIotPreset. The caller applies options() with AwsIotPreset::apply().
class AwsIotPresetDialog : public QDialog
{
    Q_OBJECT
public:
    explicit AwsIotPresetDialog(QWidget *parent = nullptr);
    ~AwsIotPresetDialog() override;

    // Prefills the fields (e.g. from the current connection form).
    void setOptions(const AwsIotPreset::Options &options);
    // clientIdentityId and protocolVersion are left as given to setOptions().
    AwsIotPreset::Options options() const;
    // First problem with the fields, empty when OK is allowed.
    QString validationError() const;

private:
    void validate();

    AwsIotPreset::Options m_base;
    QLineEdit *m_endpointEdit = nullptr;
    QLineEdit *m_thingEdit = nullptr;
    QLineEdit *m_clientIdEdit = nullptr;
    QComboBox *m_portCombo = nullptr;
    QLabel *m_errorLabel = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};
