#pragma once

#include "vault/certificate_info.h"

#include <QColor>
#include <QString>

// How certificate expiry looks wherever a vault entry is listed (the
// certificates page, the identity picker, the profile list): the same words
// and the same colours, warning from CertificateInfo::ExpiryWarningDays days
// before expiry, error once expired or not yet valid.
namespace CertificateValidityStyle {

// Invalid QColor (use the palette's) while the certificate is valid.
QColor color(CertificateInfo::Validity validity);
// Short, translated, in calendar days like CertificateInfo::expiryText():
// "12 days left", "expires today", "expires tomorrow", "expired 3 days ago", "not valid yet".
QString daysLeftText(const CertificateInfo &info, const QDateTime &now = QDateTime::currentDateTimeUtc());
// For pickers: "press-4, 12 days left (CN=press-4,O=ACME)".
QString pickerText(const CertificateInfo &info, const QDateTime &now = QDateTime::currentDateTimeUtc());

} // namespace CertificateValidityStyle
