#include "certificate_info.h"

#include <QCoreApplication>

namespace {

class Text
{
    Q_DECLARE_TR_FUNCTIONS(CertificateInfo)
};

constexpr qint64 SecondsPerDay = 24 * 60 * 60;

QString isoDate(const QDateTime &time)
{
    return time.toUTC().date().toString(Qt::ISODate);
}

} // namespace

int CertificateInfo::daysLeft(const QDateTime &now) const
{
    const qint64 seconds = now.secsTo(notAfter);
    // Rounded towards minus infinity: one second past notAfter is day -1.
    const qint64 days = seconds >= 0 ? seconds / SecondsPerDay : -((-seconds + SecondsPerDay - 1) / SecondsPerDay);
    return static_cast<int>(days);
}

CertificateInfo::Validity CertificateInfo::validity(const QDateTime &now) const
{
    if (now < notBefore) {
        return Validity::NotYetValid;
    }
    if (now > notAfter) {
        return Validity::Expired;
    }
    return daysLeft(now) < ExpiryWarningDays ? Validity::ExpiresSoon : Validity::Valid;
}

QString CertificateInfo::validityText(const QDateTime &now) const
{
    switch (validity(now)) {
    case Validity::NotYetValid:
        return Text::tr("not valid before %1").arg(isoDate(notBefore));
    case Validity::Expired: {
        // Plural forms by hand: without an English translation loaded, "%n day(s)" would show literally.
        const int days = -daysLeft(now);
        //: singular / plural; %2 is the ISO date
        // daysLeft() rounds down, so 1 is "within the last 24 hours".
        return (days == 1 ? Text::tr("expired less than a day ago (%2)") : Text::tr("expired %1 days ago (%2)").arg(days))
            .arg(isoDate(notAfter));
    }
    case Validity::ExpiresSoon:
    case Validity::Valid:
        break;
    }
    const int days = daysLeft(now);
    //: singular / plural; %2 is the ISO date
    if (days == 0)
        return Text::tr("expires in less than a day (%2)").arg(isoDate(notAfter));
    return (days == 1 ? Text::tr("expires in 1 day (%2)") : Text::tr("expires in %1 days (%2)").arg(days))
        .arg(isoDate(notAfter));
}
