<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>BrokerLogView</name>
    <message numerus="yes">
        <source>%n line(s)</source>
        <translation>
            <numerusform>%n line</numerusform>
            <numerusform>%n lines</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n matching line(s)</source>
        <translation>
            <numerusform>%n matching line</numerusform>
            <numerusform>%n matching lines</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BrokerPanel</name>
    <message numerus="yes">
        <source>%n day(s) %1</source>
        <translation>
            <numerusform>%n day %1</numerusform>
            <numerusform>%n days %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 (restarted %n time(s) after crashes)</source>
        <translation>
            <numerusform>%1 (restarted %n time after crashes)</numerusform>
            <numerusform>%1 (restarted %n times after crashes)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>on, saved every %n second(s) to %1</source>
        <translation>
            <numerusform>on, saved every %n second to %1</numerusform>
            <numerusform>on, saved every %n seconds to %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>running, %n shadow(s)</source>
        <translation>
            <numerusform>running, %n shadow</numerusform>
            <numerusform>running, %n shadows</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CertificateInfo</name>
    <message numerus="yes">
        <source>expires in %n days</source>
        <translation>
            <numerusform>expires in %n days</numerusform>
            <numerusform>expires in %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>expired %n days ago</source>
        <translation>
            <numerusform>expired %n days ago</numerusform>
            <numerusform>expired %n days ago</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MeasurementListModel</name>
    <message numerus="yes">
        <source>Receive time minus device time for %1: median %2 ms, latest %3 ms (%n sample(s))</source>
        <translation>
            <numerusform>Receive time minus device time for %1: median %2 ms, latest %3 ms (%n sample)</numerusform>
            <numerusform>Receive time minus device time for %1: median %2 ms, latest %3 ms (%n samples)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MosquittoWorker</name>
    <message numerus="yes">
        <source>%n received message(s) could not be stored, so they were not acknowledged; the broker delivers them again after the reconnect.</source>
        <translation>
            <numerusform>%n received message could not be stored, so they were not acknowledged; the broker delivers them again after the reconnect.</numerusform>
            <numerusform>%n received messages could not be stored, so they were not acknowledged; the broker delivers them again after the reconnect.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PubCommand</name>
    <message numerus="yes">
        <source>Error: interrupted before the broker acknowledged %n message(s).</source>
        <translation>
            <numerusform>Error: interrupted before the broker acknowledged %n message.</numerusform>
            <numerusform>Error: interrupted before the broker acknowledged %n messages.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ShadowEditor</name>
    <message numerus="yes">
        <source>● Out of sync: %n desired value(s) not reported yet</source>
        <translation>
            <numerusform>● Out of sync: %n desired value not reported yet</numerusform>
            <numerusform>● Out of sync: %n desired values not reported yet</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exactly these %n byte(s) are published (QoS 1) when you send.</source>
        <translation>
            <numerusform>Exactly these %n byte are published (QoS 1) when you send.</numerusform>
            <numerusform>Exactly these %n bytes are published (QoS 1) when you send.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n key(s) changed against version %1</source>
        <translation>
            <numerusform>%n key changed against version %1</numerusform>
            <numerusform>%n keys changed against version %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UplinkStatusWidget</name>
    <message numerus="yes">
        <source>and %n more topic(s)</source>
        <translation>
            <numerusform>and %n more topic</numerusform>
            <numerusform>and %n more topics</numerusform>
        </translation>
    </message>
</context>
</TS>
