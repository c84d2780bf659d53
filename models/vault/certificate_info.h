#pragma once

#include <QDateTime>
#include <QString>

// The public details of a client certificate in the vault: what the settings
// file holds and what lists and detail views show. Never contains key material.
//
// A plain value; any thread.
struct CertificateInfo
{
    // Expiry warnings start this many days before notAfter.
    static constexpr int ExpiryWarningDays = 30;

    enum class Validity { Valid, ExpiresSoon, Expired, NotYetValid };

    QString id;                  // vault id; empty until stored
    QString name;                // chosen by the user; defaults to the subject's common name
    QString commonName;          // CN of the subject, may be empty
    QString subject;             // RFC 2253, e.g. "CN=press-1,O=ACME"
    QString issuer;              // RFC 2253
    QString serialNumber;        // upper-case hex, colon separated
    QString sha256Fingerprint;   // upper-case hex, colon separated, of the DER certificate
    QDateTime notBefore;         // UTC
    QDateTime notAfter;          // UTC
    QString keyType;             // e.g. "RSA 2048", "EC P-256"
    int chainCertificates = 0;   // intermediate certificates sent along with it
    int caCertificates = 0;      // trust anchors imported with it (e.g. AmazonRootCA1.pem)

    bool isNull() const { return sha256Fingerprint.isEmpty(); }

    // Whole days until notAfter, rounded down; negative once expired.
    int daysLeft(const QDateTime &now = QDateTime::currentDateTimeUtc()) const;
    Validity validity(const QDateTime &now = QDateTime::currentDateTimeUtc()) const;

    // Translated one-liner for lists: "expires in 12 days (2025-01-31)",
    // "expired 3 days ago (2024-12-01)", "not valid before 2026-01-01".
    QString validityText(const QDateTime &now = QDateTime::currentDateTimeUtc()) const;
    // When notAfter is, in calendar days of the local time zone (what a
    // person means by "today"): "expires today", "expired today", "expires
    // tomorrow", "expired yesterday", "expires in 12 days", "expired 3 days
    // ago". Translated, no date.
    QString expiryText(const QDateTime &now = QDateTime::currentDateTimeUtc()) const;
    // Calendar days from now's date to notAfter's date, both in local time;
    // 0 on the last day, negative once that day has passed.
    qint64 calendarDaysLeft(const QDateTime &now = QDateTime::currentDateTimeUtc()) const;
};
