#pragma once

#include "mqtt_session.h"

#include <QCoreApplication>
#include <QString>

// What a libmosquitto result or an MQTT reason code means for the user.
struct MqttReason
{
    MqttSession::Error error = MqttSession::Error::NoError;
    QString text;            // translated; says what happened and what to try
    bool retryable = false;  // reconnecting later can succeed without the user changing anything
};

// The one place where libmosquitto result codes (MOSQ_ERR_*), MQTT 3.1.1
// CONNACK return codes and MQTT 5 reason codes become translated sentences.
// The wording is ours; mosquitto_strerror() / mosquitto_connack_string() /
// mosquitto_reason_string() only supply the fallback for codes we do not know.
//
// Threading: pure function, callable on any thread.
class MqttReasons
{
    Q_DECLARE_TR_FUNCTIONS(MqttReasons)
public:
    enum class Source {
        Library,     // MOSQ_ERR_* returned by a libmosquitto call or passed to a callback
        Connack,     // CONNACK return code (3.1.1) or reason code (5)
        Disconnect,  // reason code of an MQTT 5 DISCONNECT sent by the broker
        Suback,      // one entry of a SUBACK: granted QoS (0..2) or a refusal (>= 0x80)
        Puback,      // reason code of an MQTT 5 PUBACK / PUBREC / PUBCOMP
        Unsuback     // reason code of an MQTT 5 UNSUBACK entry
    };

    struct Context
    {
        QString host;
        int port = 0;
        bool mqtt5 = true;
        bool hasCredentials = false;  // a user name was sent in CONNECT
        bool tls = false;
        int systemError = 0;          // errno after MOSQ_ERR_ERRNO / MOSQ_ERR_EAI
        QString subject;              // the topic or filter the answer is about
        QString detail;               // library log text (OpenSSL), not translated
        // What OpenSSL saw during a failed TLS handshake (ClientTlsContext);
        // when set, a failed connect is explained as a TLS failure whatever
        // the libmosquitto code.
        int tlsVerifyError = 0;       // X509_V_ERR_* for the broker's certificate; 0 = none
        int tlsAlertReceived = -1;    // fatal TLS alert from the broker; -1 = none
        bool clientCertificate = false;  // a client certificate was offered
    };

    static MqttReason describe(Source source, int code, const Context &context);
};
