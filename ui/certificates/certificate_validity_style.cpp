#include "certificate_validity_style.h"

#include <QCoreApplication>

namespace CertificateValidityStyle {

QColor color(CertificateInfo::Validity validity)
{
    switch (validity) {
    case CertificateInfo::Validity::Valid:
        return {};
    case CertificateInfo::Validity::ExpiresSoon:
        return QColor(0xb3, 0x5c, 0x00);   // amber that stays readable on white
    case CertificateInfo::Validity::Expired:
    case CertificateInfo::Validity::NotYetValid:
        break;
    }
    return QColor(0xc0, 0x1c, 0x28);
}

QString daysLeftText(const CertificateInfo &info, const QDateTime &now)
{
    switch (info.validity(now)) {
    case CertificateInfo::Validity::NotYetValid:
        return QCoreApplication::translate("CertificateValidityStyle", "not valid yet");
    case CertificateInfo::Validity::Expired:
        return info.expiryText(now);
    case CertificateInfo::Validity::ExpiresSoon:
    case CertificateInfo::Validity::Valid:
        break;
    }
    // Calendar days, as in the details' expiryText(); today and tomorrow in its words.
    const qint64 days = info.calendarDaysLeft(now);
    if (days < 2)
        return info.expiryText(now);
    // Only 2 days or more reach the %n form, so the English source text is right untranslated.
    return QCoreApplication::translate("CertificateValidityStyle", "%n days left", nullptr, static_cast<int>(days));
}

QString pickerText(const CertificateInfo &info, const QDateTime &now)
{
    // Days left before the subject: combo boxes cut long entries off at the end.
    //: %1 certificate name, %2 e.g. "12 days left", %3 its subject
    return QCoreApplication::translate("CertificateValidityStyle", "%1, %2 (%3)")
        .arg(info.name, daysLeftText(info, now), info.subject);
}

} // namespace CertificateValidityStyle
