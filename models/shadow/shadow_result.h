#pragma once

#include "shadow_document.h"
#include "shadow_name.h"
#include "shadow_topics.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QMetaType>
#include <QString>

// The outcome of one ShadowClient request, delivered exactly once through
// ShadowClient::requestFinished().
struct ShadowResult
{
    Q_DECLARE_TR_FUNCTIONS(ShadowResult)
public:
    enum class Status {
        Accepted,   // the service answered on .../accepted
        Rejected,   // the service answered on .../rejected (code, serviceMessage)
        TimedOut,   // no reply within ShadowClient::requestTimeout()
        Failed      // never reached the service: not connected, reply
                    // subscription refused, publish refused, client destroyed
    };

    Status status = Status::Failed;
    ShadowTopics::Operation operation = ShadowTopics::Operation::Get;
    ShadowName shadow;
    QString clientToken;
    // The reply as the service sent it: the accepted document, or the error
    // document {"code","message","timestamp","clientToken"}. Empty for
    // TimedOut and Failed.
    QJsonObject payload;
    // Rejected only: the HTTP-style code and the message as sent (untranslated).
    int code = 0;
    QString serviceMessage;
    // Translated sentence for the operator; empty when accepted. For a
    // rejection it explains the code (see describeRejection()) and quotes
    // the service's message.
    QString errorString;

    bool isAccepted() const { return status == Status::Accepted; }
    // The accepted payload read as a document (get: the full shadow;
    // update: the updated part; delete: only version and timestamp).
    ShadowDocument document() const { return ShadowDocument::fromJson(payload); }

    // A sentence an operator understands for each service code (400, 401,
    // 403, 404, 409, 413, 415, 429, 500, 503; anything else generically),
    // quoting `serviceMessage` and saying what to do. Translated.
    static QString describeRejection(int code, const QString &serviceMessage);
};

Q_DECLARE_METATYPE(ShadowResult)
