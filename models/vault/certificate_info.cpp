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
    if (validity(now) == Validity::NotYetValid) {
        return Text::tr("not valid before %1").arg(isoDate(notBefore));
    }
    //: %1 e.g. "expires in 12 days", %2 the ISO date
    return Text::tr("%1 (%2)").arg(expiryText(now), isoDate(notAfter));
}

QString CertificateInfo::expiryText(const QDateTime &now) const
{
    const qint64 days = calendarDaysLeft(now);
    if (days == 0) {
        return now > notAfter ? Text::tr("expired today") : Text::tr("expires today");
    }
    if (days == 1) {
        return Text::tr("expires tomorrow");
    }
    if (days == -1) {
        return Text::tr("expired yesterday");
    }
    // Only 2 days or more reach the %n forms, so the English source text is
    // right even without an English translation loaded.
    return days > 0 ? Text::tr("expires in %n days", nullptr, static_cast<int>(days))
                    : Text::tr("expired %n days ago", nullptr, static_cast<int>(-days));
}

qint64 CertificateInfo::calendarDaysLeft(const QDateTime &now) const
{
    return now.toLocalTime().date().daysTo(notAfter.toLocalTime().date());
}
