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
    const int days = info.daysLeft(now);
    switch (info.validity(now)) {
    case CertificateInfo::Validity::NotYetValid:
        return QCoreApplication::translate("CertificateValidityStyle", "not valid yet");
    case CertificateInfo::Validity::Expired:
        // Plural forms by hand: without an English translation loaded, "%n day(s)" would show literally.
        //: singular / plural
        // daysLeft() rounds down, so -1 is "within the last 24 hours".
        return days == -1 ? QCoreApplication::translate("CertificateValidityStyle", "expired less than a day ago")
                          : QCoreApplication::translate("CertificateValidityStyle", "expired %1 days ago").arg(-days);
    case CertificateInfo::Validity::ExpiresSoon:
    case CertificateInfo::Validity::Valid:
        break;
    }
    //: singular / plural
    if (days == 0)
        return QCoreApplication::translate("CertificateValidityStyle", "less than a day left");
    return days == 1 ? QCoreApplication::translate("CertificateValidityStyle", "1 day left")
                     : QCoreApplication::translate("CertificateValidityStyle", "%1 days left").arg(days);
}

QString pickerText(const CertificateInfo &info, const QDateTime &now)
{
    // Days left before the subject: combo boxes cut long entries off at the end.
    //: %1 certificate name, %2 e.g. "12 days left", %3 its subject
    return QCoreApplication::translate("CertificateValidityStyle", "%1, %2 (%3)")
        .arg(info.name, daysLeftText(info, now), info.subject);
}

} // namespace CertificateValidityStyle
