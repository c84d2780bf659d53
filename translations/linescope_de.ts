<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AwsIotPreset</name>
    <message>
        <source>AWS IoT endpoint: enter your account&apos;s data endpoint, for example %1 (AWS IoT console, Settings).</source>
        <translation>AWS-IoT-Endpunkt: Geben Sie den Daten-Endpunkt Ihres Kontos ein, zum Beispiel %1 (AWS-IoT-Konsole, Einstellungen).</translation>
    </message>
    <message>
        <source>AWS IoT endpoint: &quot;%1&quot; must be only the host name, without scheme, port or path, for example %2.</source>
        <translation>AWS-IoT-Endpunkt: &quot;%1&quot; darf nur der Hostname sein, ohne Schema, Port oder Pfad, zum Beispiel %2.</translation>
    </message>
    <message>
        <source>AWS IoT endpoint: &quot;%1&quot; is the legacy endpoint, whose certificates Amazon no longer supports. Use the ATS endpoint, which has &quot;-ats&quot; after the first part, for example %2.</source>
        <translation>AWS-IoT-Endpunkt: &quot;%1&quot; ist der veraltete Endpunkt, dessen Zertifikate Amazon nicht mehr unterstützt. Verwenden Sie den ATS-Endpunkt, der &quot;-ats&quot; nach dem ersten Teil enthält, zum Beispiel %2.</translation>
    </message>
    <message>
        <source>AWS IoT endpoint: &quot;%1&quot; is not an AWS IoT data endpoint. It looks like &lt;prefix&gt;-ats.iot.&lt;region&gt;.amazonaws.com, for example %2.</source>
        <translation>AWS-IoT-Endpunkt: &quot;%1&quot; ist kein AWS-IoT-Daten-Endpunkt. Er hat die Form &lt;Präfix&gt;-ats.iot.&lt;Region&gt;.amazonaws.com, zum Beispiel %2.</translation>
    </message>
    <message>
        <source>Thing name: &quot;%1&quot; is not a valid AWS IoT thing name. Use up to 128 letters, digits, &quot;:&quot;, &quot;_&quot; and &quot;-&quot;.</source>
        <translation>Thing-Name: &quot;%1&quot; ist kein gültiger AWS-IoT-Thing-Name. Verwenden Sie bis zu 128 Buchstaben, Ziffern, &quot;:&quot;, &quot;_&quot; und &quot;-&quot;.</translation>
    </message>
    <message>
        <source>Client id: AWS IoT policies usually allow only client ids that match the thing name. Enter the thing name or a client id.</source>
        <translation>Client-ID: AWS-IoT-Richtlinien erlauben meist nur Client-IDs, die dem Thing-Namen entsprechen. Geben Sie den Thing-Namen oder eine Client-ID ein.</translation>
    </message>
    <message>
        <source>Client id: AWS IoT accepts at most %1 characters; &quot;%2&quot; has %3.</source>
        <translation>Client-ID: AWS IoT akzeptiert höchstens %1 Zeichen; &quot;%2&quot; hat %3.</translation>
    </message>
    <message>
        <source>Client certificate: AWS IoT authenticates devices with their certificate. Import the certificate, its private key and AmazonRootCA1.pem, then choose it.</source>
        <translation>Client-Zertifikat: AWS IoT authentifiziert Geräte über ihr Zertifikat. Importieren Sie das Zertifikat, seinen privaten Schlüssel und AmazonRootCA1.pem, und wählen Sie es dann aus.</translation>
    </message>
</context>
<context>
    <name>AwsIotPresetDialog</name>
    <message>
        <source>AWS IoT Core</source>
        <translation>AWS IoT Core</translation>
    </message>
    <message>
        <source>xxxxxxxxxxxxxx-ats.iot.eu-central-1.amazonaws.com</source>
        <translation>xxxxxxxxxxxxxx-ats.iot.eu-central-1.amazonaws.com</translation>
    </message>
    <message>
        <source>AWS console: IoT Core, Settings, Device data endpoint.</source>
        <translation>AWS-Konsole: IoT Core, Einstellungen, Gerätedaten-Endpunkt.</translation>
    </message>
    <message>
        <source>the thing name</source>
        <translation>der Thing-Name</translation>
    </message>
    <message>
        <source>8883 (MQTT over TLS)</source>
        <translation>8883 (MQTT über TLS)</translation>
    </message>
    <message>
        <source>443 with ALPN %1 (when only HTTPS gets out)</source>
        <extracomment>%1 is the ALPN protocol name</extracomment>
        <translation>443 mit ALPN %1 (wenn nur HTTPS nach außen durchkommt)</translation>
    </message>
    <message>
        <source>Choose the thing&apos;s certificate as client certificate in the connection dialog; AmazonRootCA1.pem imported with it verifies the endpoint.</source>
        <translation>Wählen Sie im Verbindungsdialog das Zertifikat des Things als Client-Zertifikat; die damit importierte AmazonRootCA1.pem prüft den Endpunkt.</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>Endpunkt</translation>
    </message>
    <message>
        <source>Thing name</source>
        <translation>Thing-Name</translation>
    </message>
    <message>
        <source>Client ID</source>
        <translation>Client-ID</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
</context>
<context>
    <name>Base64Decoder</name>
    <message>
        <source>Base64</source>
        <translation>Base64</translation>
    </message>
    <message>
        <source>more than two &apos;=&apos; padding characters</source>
        <translation>mehr als zwei &apos;=&apos;-Füllzeichen</translation>
    </message>
    <message>
        <source>invalid character %1</source>
        <translation>ungültiges Zeichen %1</translation>
    </message>
    <message>
        <source>data after &apos;=&apos; padding</source>
        <translation>Daten nach &apos;=&apos;-Füllzeichen</translation>
    </message>
    <message>
        <source>%1 mixes the standard (+/) and URL-safe (-_) alphabets</source>
        <translation>%1 mischt das Standard-Alphabet (+/) und das URL-sichere Alphabet (-_)</translation>
    </message>
    <message>
        <source>%1 data characters cannot be complete base64 (one more than a multiple of 4)</source>
        <translation>%1 Datenzeichen können kein vollständiges Base64 sein (eins mehr als ein Vielfaches von 4)</translation>
    </message>
    <message>
        <source>wrong amount of &apos;=&apos; padding</source>
        <translation>falsche Anzahl von &apos;=&apos;-Füllzeichen</translation>
    </message>
    <message>
        <source>not decodable as base64</source>
        <translation>nicht als Base64 dekodierbar</translation>
    </message>
    <message>
        <source>Base64-decoded (%1 bytes), shown as %2:
%3</source>
        <extracomment>%1 number of decoded bytes, %2 the decoder name used for them, %3 their rendering</extracomment>
        <translation>Base64-dekodiert (%1 Bytes), angezeigt als %2:
%3</translation>
    </message>
</context>
<context>
    <name>BrokerAccounts</name>
    <message>
        <source>publish</source>
        <translation>veröffentlichen</translation>
    </message>
    <message>
        <source>subscribe</source>
        <translation>abonnieren</translation>
    </message>
    <message>
        <source>receive</source>
        <translation>empfangen</translation>
    </message>
    <message>
        <source>The username &quot;%1&quot; is not allowed: use 1 to 128 letters, digits, &apos;-&apos;, &apos;_&apos;, &apos;:&apos; or &apos;.&apos;.</source>
        <translation>Der Benutzername &quot;%1&quot; ist nicht zulässig: Verwenden Sie 1 bis 128 Buchstaben, Ziffern, &apos;-&apos;, &apos;_&apos;, &apos;:&apos; oder &apos;.&apos;.</translation>
    </message>
    <message>
        <source>The username &quot;%1&quot; is reserved for LineScope itself. Choose another name.</source>
        <translation>Der Benutzername &quot;%1&quot; ist für LineScope selbst reserviert. Wählen Sie einen anderen Namen.</translation>
    </message>
    <message>
        <source>The thing name &quot;%1&quot; is not allowed: use 1 to 128 letters, digits, &apos;-&apos;, &apos;_&apos;, &apos;:&apos; or &apos;.&apos;.</source>
        <translation>Der Thing-Name &quot;%1&quot; ist nicht zulässig: Verwenden Sie 1 bis 128 Buchstaben, Ziffern, &apos;-&apos;, &apos;_&apos;, &apos;:&apos; oder &apos;.&apos;.</translation>
    </message>
    <message>
        <source>no rule matches: default access for %1 is deny</source>
        <translation>keine Regel trifft zu: Standardzugriff für %1 ist Verweigern</translation>
    </message>
    <message>
        <source>An account named &quot;%1&quot; exists already. Remove it first or choose another name.</source>
        <translation>Ein Konto mit dem Namen &quot;%1&quot; existiert bereits. Entfernen Sie es zuerst oder wählen Sie einen anderen Namen.</translation>
    </message>
    <message>
        <source>There is no account named &quot;%1&quot;.</source>
        <translation>Es gibt kein Konto mit dem Namen &quot;%1&quot;.</translation>
    </message>
</context>
<context>
    <name>BrokerAccountsWidget</name>
    <message>
        <source>Operator</source>
        <translation>Bediener</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Thing</source>
        <translation>Thing</translation>
    </message>
    <message>
        <source>Allowed topics</source>
        <translation>Erlaubte Topics</translation>
    </message>
    <message>
        <source>username</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>thing name</source>
        <translation>Thing-Name</translation>
    </message>
    <message>
        <source>password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>topic or filter, e.g. factory/site/bldg/line/press-1/telemetry</source>
        <translation>Topic oder Filter, z. B. factory/site/bldg/line/press-1/telemetry</translation>
    </message>
    <message>
        <source>Effective permissions</source>
        <translation>Effektive Berechtigungen</translation>
    </message>
    <message>
        <source>Account:</source>
        <translation>Konto:</translation>
    </message>
    <message>
        <source>Topic:</source>
        <translation>Topic:</translation>
    </message>
    <message>
        <source>Verdict:</source>
        <translation>Ergebnis:</translation>
    </message>
    <message>
        <source>Rule:</source>
        <translation>Regel:</translation>
    </message>
    <message>
        <source>Adding %1…</source>
        <translation>%1 wird hinzugefügt…</translation>
    </message>
    <message>
        <source>%1 was added; it can connect now.</source>
        <translation>%1 wurde hinzugefügt; das Konto kann sich jetzt verbinden.</translation>
    </message>
    <message>
        <source>Select the account to remove in the table.</source>
        <translation>Wählen Sie das zu entfernende Konto in der Tabelle aus.</translation>
    </message>
    <message>
        <source>%1 was removed.</source>
        <translation>%1 wurde entfernt.</translation>
    </message>
    <message>
        <source>Removing %1…</source>
        <translation>%1 wird entfernt…</translation>
    </message>
    <message>
        <source>read all; publish %1</source>
        <translation>alles lesen; %1 veröffentlichen</translation>
    </message>
    <message>
        <source>Choose an account and enter a topic.</source>
        <translation>Wählen Sie ein Konto und geben Sie ein Topic ein.</translation>
    </message>
    <message>
        <source>Allowed: %1 may %2 %3</source>
        <translation>Erlaubt: %1 darf %3 %2</translation>
    </message>
    <message>
        <source>Denied: %1 may not %2 %3</source>
        <translation>Verweigert: %1 darf %3 nicht %2</translation>
    </message>
    <message>
        <source>Remove Selected</source>
        <translation>Auswahl entfernen</translation>
    </message>
    <message>
        <source>New account</source>
        <translation>Neues Konto</translation>
    </message>
</context>
<context>
    <name>BrokerAdmin</name>
    <message>
        <source>The account change could not be sent: %1</source>
        <translation>Die Kontoänderung konnte nicht gesendet werden: %1</translation>
    </message>
    <message>
        <source>The broker refused the account change: %1</source>
        <translation>Der Broker hat die Kontoänderung abgelehnt: %1</translation>
    </message>
    <message>
        <source>The broker did not answer the account request within %1 seconds. Check that LineScope is connected to the LAN listener as %2.</source>
        <translation>Der Broker hat nicht innerhalb von %1 Sekunden auf die Kontoanfrage geantwortet. Prüfen Sie, ob LineScope als %2 mit dem LAN-Listener verbunden ist.</translation>
    </message>
    <message>
        <source>The broker refused the account management topic: %1</source>
        <translation>Der Broker hat das Topic für die Kontoverwaltung abgelehnt: %1</translation>
    </message>
    <message>
        <source>The connection to the broker ended before it answered the account request.</source>
        <translation>Die Verbindung zum Broker wurde beendet, bevor er auf die Kontoanfrage geantwortet hat.</translation>
    </message>
    <message>
        <source>The password of &quot;%1&quot; is empty. Enter a password.</source>
        <translation>Das Passwort von &quot;%1&quot; ist leer. Geben Sie ein Passwort ein.</translation>
    </message>
</context>
<context>
    <name>BrokerCommand</name>
    <message>
        <source>Data directory of the broker (configuration, accounts, retained messages, shadows).</source>
        <translation>Datenverzeichnis des Brokers (Konfiguration, Konten, Retained-Nachrichten, Shadows).</translation>
    </message>
    <message>
        <source>dir</source>
        <translation>Verz</translation>
    </message>
    <message>
        <source>Port of the local (127.0.0.1) listener. Default 1883.</source>
        <translation>Port des lokalen Listeners (127.0.0.1). Standard: 1883.</translation>
    </message>
    <message>
        <source>port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>Also listen on the plant network on this port, with accounts only.</source>
        <translation>Zusätzlich auf diesem Port im Anlagennetz lauschen, nur mit Konten.</translation>
    </message>
    <message>
        <source>Address of the LAN listener. Default 0.0.0.0 (all interfaces).</source>
        <translation>Adresse des LAN-Listeners. Standard: 0.0.0.0 (alle Schnittstellen).</translation>
    </message>
    <message>
        <source>address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Broker certificate (PEM): TLS on the LAN listener.</source>
        <translation>Broker-Zertifikat (PEM): TLS auf dem LAN-Listener.</translation>
    </message>
    <message>
        <source>file</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Private key of the broker certificate (PEM).</source>
        <translation>Privater Schlüssel des Broker-Zertifikats (PEM).</translation>
    </message>
    <message>
        <source>CA of the client certificates; LAN clients must then present one.</source>
        <translation>CA der Client-Zertifikate; LAN-Clients müssen dann eines vorweisen.</translation>
    </message>
    <message>
        <source>user add: a device account for this thing name.</source>
        <translation>user add: ein Gerätekonto für diesen Thing-Namen.</translation>
    </message>
    <message>
        <source>thing</source>
        <translation>Thing</translation>
    </message>
    <message>
        <source>user add: an operator account (reads everything).</source>
        <translation>user add: ein Bedienerkonto (liest alles).</translation>
    </message>
    <message>
        <source>user add: read the password from the first line of this file.</source>
        <translation>user add: das Passwort aus der ersten Zeile dieser Datei lesen.</translation>
    </message>
    <message>
        <source>broker run|user add NAME|user remove NAME|user list --data DIR [options]</source>
        <translation>broker run|user add NAME|user remove NAME|user list --data VERZ [Optionen]</translation>
    </message>
    <message>
        <source>Run the embedded broker with its shadow service without a window, or manage its LAN accounts.</source>
        <translation>Den eingebetteten Broker mit seinem Shadow-Dienst ohne Fenster ausführen oder seine LAN-Konten verwalten.</translation>
    </message>
    <message>
        <source>Say what to do: run, user add, user remove or user list.</source>
        <translation>Geben Sie an, was zu tun ist: run, user add, user remove oder user list.</translation>
    </message>
    <message>
        <source>Unknown broker action &quot;%1&quot;; use run, user add, user remove or user list.</source>
        <translation>Unbekannte Broker-Aktion &quot;%1&quot;; verwenden Sie run, user add, user remove oder user list.</translation>
    </message>
    <message>
        <source>&quot;broker %1&quot; needs the account name.</source>
        <translation>&quot;broker %1&quot; benötigt den Kontonamen.</translation>
    </message>
    <message>
        <source>Unexpected argument &quot;%1&quot;.</source>
        <translation>Unerwartetes Argument &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>--data is required: the broker&apos;s data directory.</source>
        <translation>--data ist erforderlich: das Datenverzeichnis des Brokers.</translation>
    </message>
    <message>
        <source>--%1 %2: use a port number between 1 and 65535.</source>
        <translation>--%1 %2: Verwenden Sie eine Portnummer zwischen 1 und 65535.</translation>
    </message>
    <message>
        <source>user add needs either --device THING or --operator.</source>
        <translation>user add benötigt entweder --device THING oder --operator.</translation>
    </message>
    <message>
        <source>Stopping the broker…</source>
        <translation>Broker wird gestoppt…</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>Fehler: %1</translation>
    </message>
    <message>
        <source>Account %1 added; it can connect now.</source>
        <translation>Konto %1 hinzugefügt; es kann sich jetzt verbinden.</translation>
    </message>
    <message>
        <source>Account %1 removed.</source>
        <translation>Konto %1 entfernt.</translation>
    </message>
    <message>
        <source>LineScope: %1</source>
        <translation>LineScope: %1</translation>
    </message>
    <message>
        <source>LineScope: broker running on 127.0.0.1:%1</source>
        <translation>LineScope: Broker läuft auf 127.0.0.1:%1</translation>
    </message>
    <message>
        <source>, LAN listener on %1:%2 (accounts required)</source>
        <translation>, LAN-Listener auf %1:%2 (Konten erforderlich)</translation>
    </message>
    <message>
        <source>The broker stopped unexpectedly and is restarted: %1</source>
        <translation>Der Broker wurde unerwartet beendet und wird neu gestartet: %1</translation>
    </message>
    <message>
        <source>Error: the password file %1 cannot be read: %2.</source>
        <translation>Fehler: Die Passwortdatei %1 kann nicht gelesen werden: %2.</translation>
    </message>
    <message>
        <source>Password for %1: </source>
        <translation>Passwort für %1: </translation>
    </message>
    <message>
        <source>Repeat the password: </source>
        <translation>Passwort wiederholen: </translation>
    </message>
    <message>
        <source>Error: the passwords do not match.</source>
        <translation>Fehler: Die Passwörter stimmen nicht überein.</translation>
    </message>
    <message>
        <source>Error: the password is empty. Give one on the console or with --password-file.</source>
        <translation>Fehler: Das Passwort ist leer. Geben Sie es auf der Konsole oder mit --password-file an.</translation>
    </message>
    <message>
        <source>Error: the account file %1 cannot be read: %2.</source>
        <translation>Fehler: Die Kontodatei %1 kann nicht gelesen werden: %2.</translation>
    </message>
    <message>
        <source>Error: the account file %1 cannot be written: %2.</source>
        <translation>Fehler: Die Kontodatei %1 kann nicht geschrieben werden: %2.</translation>
    </message>
    <message>
        <source>Account %1 added; the broker uses it from its next start.</source>
        <translation>Konto %1 hinzugefügt; der Broker verwendet es ab seinem nächsten Start.</translation>
    </message>
    <message>
        <source>Account %1 removed; the broker forgets it at its next start.</source>
        <translation>Konto %1 entfernt; der Broker vergisst es bei seinem nächsten Start.</translation>
    </message>
    <message>
        <source>Forward to this cloud broker (store-and-forward over mutual TLS).</source>
        <translation>An diesen Cloud-Broker weiterleiten (Store-and-Forward über Mutual TLS).</translation>
    </message>
    <message>
        <source>host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>Port of the cloud broker. Default 8883.</source>
        <translation>Port des Cloud-Brokers. Standard: 8883.</translation>
    </message>
    <message>
        <source>Client certificate for the cloud from the certificate vault (keychain).</source>
        <translation>Client-Zertifikat für die Cloud aus dem Zertifikatsspeicher (Schlüsselbund).</translation>
    </message>
    <message>
        <source>id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Client certificate file for the cloud (PEM).</source>
        <translation>Client-Zertifikatsdatei für die Cloud (PEM).</translation>
    </message>
    <message>
        <source>Private key file of --uplink-cert (PEM, unencrypted).</source>
        <translation>Datei mit dem privaten Schlüssel zu --uplink-cert (PEM, unverschlüsselt).</translation>
    </message>
    <message>
        <source>CA certificate(s) of the cloud broker (PEM).</source>
        <translation>CA-Zertifikat(e) des Cloud-Brokers (PEM).</translation>
    </message>
    <message>
        <source>ALPN protocol for the cloud, e.g. x-amzn-mqtt-ca on port 443. Repeatable.</source>
        <translation>ALPN-Protokoll für die Cloud, z. B. x-amzn-mqtt-ca auf Port 443. Wiederholbar.</translation>
    </message>
    <message>
        <source>protocol</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <source>Client id at the cloud (AWS IoT: the thing name). Default linescope-uplink.</source>
        <translation>Client-ID in der Cloud (AWS IoT: der Thing-Name). Standard: linescope-uplink.</translation>
    </message>
    <message>
        <source>Forward local messages matching this filter. Repeatable; default #.</source>
        <translation>Lokale Nachrichten weiterleiten, die diesem Filter entsprechen. Wiederholbar; Standard: #.</translation>
    </message>
    <message>
        <source>filter</source>
        <translation>Filter</translation>
    </message>
    <message>
        <source>Pass cloud messages matching this filter to the local broker, e.g. $aws/things/+/shadow/update/delta. Repeatable.</source>
        <translation>Cloud-Nachrichten, die diesem Filter entsprechen, an den lokalen Broker weitergeben, z. B. $aws/things/+/shadow/update/delta. Wiederholbar.</translation>
    </message>
    <message>
        <source>Queue limit in messages; the oldest are dropped beyond it.</source>
        <translation>Limit der Warteschlange in Nachrichten; darüber hinaus werden die ältesten verworfen.</translation>
    </message>
    <message>
        <source>count</source>
        <translation>Anzahl</translation>
    </message>
    <message>
        <source>Queue limit in bytes; the oldest are dropped beyond it.</source>
        <translation>Limit der Warteschlange in Bytes; darüber hinaus werden die ältesten Nachrichten verworfen.</translation>
    </message>
    <message>
        <source>bytes</source>
        <translation>Bytes</translation>
    </message>
    <message>
        <source>The queue stops growing when less disk space is free.</source>
        <translation>Die Warteschlange wächst nicht weiter, wenn weniger Speicherplatz frei ist.</translation>
    </message>
    <message>
        <source>Save the uplink options to uplink.json in the data directory (used by the GUI too).</source>
        <translation>Die Uplink-Optionen in uplink.json im Datenverzeichnis speichern (wird auch von der GUI verwendet).</translation>
    </message>
    <message>
        <source>Do not start the uplink, whatever uplink.json says.</source>
        <translation>Den Uplink nicht starten, unabhängig davon, was in uplink.json steht.</translation>
    </message>
    <message>
        <source>Seconds between two uplink status lines. Default 10.</source>
        <translation>Sekunden zwischen zwei Uplink-Statuszeilen. Standard: 10.</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>Sekunden</translation>
    </message>
    <message>
        <source>--status-interval %1: use a number of seconds between 1 and 3600.</source>
        <translation>--status-interval %1: Verwenden Sie eine Anzahl Sekunden zwischen 1 und 3600.</translation>
    </message>
    <message>
        <source>--%1 belongs to &quot;broker run&quot;.</source>
        <translation>--%1 gehört zu &quot;broker run&quot;.</translation>
    </message>
    <message>
        <source>--no-uplink cannot be combined with --%1.</source>
        <translation>--no-uplink kann nicht mit --%1 kombiniert werden.</translation>
    </message>
    <message>
        <source>Give the cloud identity either with --uplink-cert-id or with --uplink-cert and --uplink-key, not both.</source>
        <translation>Geben Sie die Cloud-Identität entweder mit --uplink-cert-id oder mit --uplink-cert und --uplink-key an, nicht beides.</translation>
    </message>
    <message>
        <source>--%1 %2: use a whole number of at least %3.</source>
        <translation>--%1 %2: Verwenden Sie eine ganze Zahl von mindestens %3.</translation>
    </message>
    <message>
        <source>Uplink: %1</source>
        <translation>Uplink: %1</translation>
    </message>
    <message>
        <source>Uplink status: cloud %1, queued %2 (oldest %3 s), drain %4 msg/s, published %5 delivered %6 dropped %7 resent %8</source>
        <translation>Uplink-Status: Cloud %1, in Warteschlange %2 (älteste %3 s), Abbau %4 Nachr./s, veröffentlicht %5 zugestellt %6 verworfen %7 erneut gesendet %8</translation>
    </message>
    <message>
        <source>, dropped per topic: %1</source>
        <translation>, verworfen pro Topic: %1</translation>
    </message>
    <message>
        <source>, ALARM: %1</source>
        <translation>, ALARM: %1</translation>
    </message>
    <message>
        <source>LineScope: uplink settings saved to %1</source>
        <translation>LineScope: Uplink-Einstellungen in %1 gespeichert</translation>
    </message>
    <message>
        <source>, WARNING: %1</source>
        <translation>, WARNUNG: %1</translation>
    </message>
    <message>
        <source>Do not open the LAN listener, whatever broker.json says.</source>
        <translation>Den LAN-Listener nicht öffnen, unabhängig davon, was in broker.json steht.</translation>
    </message>
    <message>
        <source>Save the LAN listener settings in effect to broker.json in the data directory (used by the GUI too).</source>
        <translation>Die geltenden LAN-Listener-Einstellungen in broker.json im Datenverzeichnis speichern (wird auch von der GUI verwendet).</translation>
    </message>
    <message>
        <source>Examples:
  linescope-cli broker run --data /var/lib/linescope --lan-port 8883
  linescope-cli broker run --data /var/lib/linescope --lan-port 8883 --tls-cert broker.crt --tls-key broker.key
      --tls-ca clients-ca.crt --save-broker
  linescope-cli broker run --data /var/lib/linescope --uplink-host abc-ats.iot.eu-central-1.amazonaws.com
      --uplink-cert-id 3f2a91c0 --uplink-filter &apos;factory/#&apos; --save-uplink
  linescope-cli broker user add press-1 --device press-1 --data /var/lib/linescope
  linescope-cli broker user add anna --operator --data /var/lib/linescope --password-file pw.txt
  linescope-cli broker user list --data /var/lib/linescope</source>
        <translation>Beispiele:
  linescope-cli broker run --data /var/lib/linescope --lan-port 8883
  linescope-cli broker run --data /var/lib/linescope --lan-port 8883 --tls-cert broker.crt --tls-key broker.key
      --tls-ca clients-ca.crt --save-broker
  linescope-cli broker run --data /var/lib/linescope --uplink-host abc-ats.iot.eu-central-1.amazonaws.com
      --uplink-cert-id 3f2a91c0 --uplink-filter &apos;factory/#&apos; --save-uplink
  linescope-cli broker user add press-1 --device press-1 --data /var/lib/linescope
  linescope-cli broker user add anna --operator --data /var/lib/linescope --password-file pw.txt
  linescope-cli broker user list --data /var/lib/linescope</translation>
    </message>
    <message>
        <source>--no-lan cannot be combined with --lan-port.</source>
        <translation>--no-lan kann nicht mit --lan-port kombiniert werden.</translation>
    </message>
    <message>
        <source>--lan-bind and the TLS options need the LAN listener: give --lan-port, or turn it on in %1.</source>
        <translation>--lan-bind und die TLS-Optionen brauchen den LAN-Listener: Geben Sie --lan-port an oder schalten Sie ihn in %1 ein.</translation>
    </message>
    <message>
        <source>LineScope: broker settings saved to %1</source>
        <translation>LineScope: Broker-Einstellungen in %1 gespeichert</translation>
    </message>
</context>
<context>
    <name>BrokerConfig</name>
    <message>
        <source>LAN listener port %1 is not a valid TCP port. Choose a port between 1 and 65535.</source>
        <translation>Der LAN-Listener-Port %1 ist kein gültiger TCP-Port. Wählen Sie einen Port zwischen 1 und 65535.</translation>
    </message>
    <message>
        <source>The LAN listener cannot use port %1: the local listener uses it already. Choose another port.</source>
        <translation>Der LAN-Listener kann Port %1 nicht verwenden: Der lokale Listener verwendet ihn bereits. Wählen Sie einen anderen Port.</translation>
    </message>
    <message>
        <source>The LAN listener needs mosquitto&apos;s dynamic-security plugin, which was not found. Install the complete mosquitto package, or turn the LAN listener off.</source>
        <translation>Der LAN-Listener benötigt das Dynamic-Security-Plugin von mosquitto, das nicht gefunden wurde. Installieren Sie das vollständige mosquitto-Paket oder schalten Sie den LAN-Listener aus.</translation>
    </message>
    <message>
        <source>TLS on the LAN listener needs the broker&apos;s certificate and key files. Choose both, or turn TLS off.</source>
        <translation>TLS auf dem LAN-Listener benötigt die Zertifikats- und Schlüsseldatei des Brokers. Wählen Sie beide aus oder schalten Sie TLS aus.</translation>
    </message>
    <message>
        <source>Requiring client certificates needs the CA file that signed them. Choose the CA file, or stop requiring certificates.</source>
        <translation>Das Anfordern von Client-Zertifikaten benötigt die CA-Datei, mit der sie signiert wurden. Wählen Sie die CA-Datei aus oder fordern Sie keine Zertifikate mehr an.</translation>
    </message>
    <message>
        <source>LAN listener address &quot;%1&quot; is not an address. Use one address of this PC, e.g. 192.168.10.5, or 0.0.0.0 for all interfaces.</source>
        <translation>Die LAN-Listener-Adresse „%1“ ist keine Adresse. Verwenden Sie eine Adresse dieses PCs, z. B. 192.168.10.5, oder 0.0.0.0 für alle Schnittstellen.</translation>
    </message>
    <message>
        <source>certificate</source>
        <translation>Zertifikats</translation>
    </message>
    <message>
        <source>key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>CA</source>
        <translation>CA</translation>
    </message>
    <message>
        <source>The LAN listener&apos;s %1 file path contains a line break. Give the path of a PEM file on one line.</source>
        <translation>Der Pfad der %1-Datei des LAN-Listeners enthält einen Zeilenumbruch. Geben Sie den Pfad einer PEM-Datei in einer Zeile an.</translation>
    </message>
</context>
<context>
    <name>BrokerLogView</name>
    <message>
        <source>Search the broker log…</source>
        <translation>Broker-Log durchsuchen…</translation>
    </message>
    <message numerus="yes">
        <source>%n line(s)</source>
        <translation>
            <numerusform>%n Zeile</numerusform>
            <numerusform>%n Zeilen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n matching line(s)</source>
        <translation>
            <numerusform>%n passende Zeile</numerusform>
            <numerusform>%n passende Zeilen</numerusform>
        </translation>
    </message>
    <message>
        <source>LineScope: %1</source>
        <translation>LineScope: %1</translation>
    </message>
</context>
<context>
    <name>BrokerPanel</name>
    <message>
        <source>Stopped</source>
        <translation>Gestoppt</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Wird gestartet…</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Restarting after a crash…</source>
        <translation>Neustart nach Absturz…</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>–</source>
        <translation>–</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) %1</source>
        <translation>
            <numerusform>%n Tag %1</numerusform>
            <numerusform>%n Tage %1</numerusform>
        </translation>
    </message>
    <message>
        <source>State:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Uptime:</source>
        <translation>Laufzeit:</translation>
    </message>
    <message>
        <source>Listeners:</source>
        <translation>Listener:</translation>
    </message>
    <message>
        <source>Clients connected:</source>
        <translation>Verbundene Clients:</translation>
    </message>
    <message>
        <source>Messages/s in / out:</source>
        <translation>Nachrichten/s ein / aus:</translation>
    </message>
    <message>
        <source>Bytes in / out:</source>
        <translation>Bytes ein / aus:</translation>
    </message>
    <message>
        <source>Retained messages:</source>
        <translation>Retained-Nachrichten:</translation>
    </message>
    <message>
        <source>Persistence:</source>
        <translation>Persistenz:</translation>
    </message>
    <message>
        <source>Shadow service:</source>
        <translation>Shadow-Dienst:</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Starten</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stoppen</translation>
    </message>
    <message>
        <source>Restart</source>
        <translation>Neu starten</translation>
    </message>
    <message>
        <source>Client id</source>
        <translation>Client-ID</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Seit</translation>
    </message>
    <message>
        <source>Who is connected:</source>
        <translation>Wer ist verbunden:</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Konten</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>Log</translation>
    </message>
    <message>
        <source>Configuration</source>
        <translation>Konfiguration</translation>
    </message>
    <message numerus="yes">
        <source>%1 (restarted %n time(s) after crashes)</source>
        <translation>
            <numerusform>%1 (%n-mal nach Absturz neu gestartet)</numerusform>
            <numerusform>%1 (%n-mal nach Abstürzen neu gestartet)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1:%2 (this PC, no login)</source>
        <translation>%1:%2 (dieser PC, ohne Anmeldung)</translation>
    </message>
    <message>
        <source>%1:%2 (LAN, login and TLS required)</source>
        <translation>%1:%2 (LAN, Anmeldung und TLS erforderlich)</translation>
    </message>
    <message>
        <source>%1:%2 (LAN, login required)</source>
        <translation>%1:%2 (LAN, Anmeldung erforderlich)</translation>
    </message>
    <message>
        <source>LAN listener off</source>
        <translation>LAN-Listener aus</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message numerus="yes">
        <source>on, saved every %n second(s) to %1</source>
        <translation>
            <numerusform>an, wird im Abstand von %n Sekunde in %1 gespeichert</numerusform>
            <numerusform>an, wird im Abstand von %n Sekunden in %1 gespeichert</numerusform>
        </translation>
    </message>
    <message>
        <source>off: retained messages and sessions are lost when the broker stops</source>
        <translation>aus: Retained-Nachrichten und Sitzungen gehen verloren, wenn der Broker stoppt</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>gestoppt</translation>
    </message>
    <message>
        <source>loading…</source>
        <translation>wird geladen…</translation>
    </message>
    <message numerus="yes">
        <source>running, %n shadow(s)</source>
        <translation>
            <numerusform>läuft, %n Shadow</numerusform>
            <numerusform>läuft, %n Shadows</numerusform>
        </translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation>fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>(anonymous)</source>
        <translation>(anonym)</translation>
    </message>
    <message>
        <source>Generated file %1 (read-only; LineScope writes it at every start)</source>
        <translation>Generierte Datei %1 (schreibgeschützt; LineScope schreibt sie bei jedem Start)</translation>
    </message>
    <message>
        <source>Accounts can be changed while the broker runs.</source>
        <translation>Konten können geändert werden, während der Broker läuft.</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Einstellungen…</translation>
    </message>
    <message>
        <source>The LAN listener is off: devices and operators on the network cannot connect, so there are no accounts to manage. Turn it on under Settings….</source>
        <translation>Der LAN-Listener ist aus: Geräte und Bediener im Netzwerk können sich nicht verbinden, daher gibt es keine Konten zu verwalten. Schalten Sie ihn unter Einstellungen… ein.</translation>
    </message>
</context>
<context>
    <name>BrokerSettings</name>
    <message>
        <source>%1: &quot;%2&quot; is empty, but %3. Give the path of a PEM file.</source>
        <translation>%1: „%2“ ist leer, aber %3. Geben Sie den Pfad einer PEM-Datei an.</translation>
    </message>
    <message>
        <source>%1: &quot;lanPort&quot; is %2. Use a TCP port between 1 and 65535 (8883 is usual for MQTT over TLS).</source>
        <translation>%1: „lanPort“ ist %2. Verwenden Sie einen TCP-Port zwischen 1 und 65535 (8883 ist für MQTT über TLS üblich).</translation>
    </message>
    <message>
        <source>%1: &quot;lanBindAddress&quot; &quot;%2&quot; is not an address. Use one address of this PC, e.g. 192.168.10.5, or 0.0.0.0 for all interfaces.</source>
        <translation>%1: „lanBindAddress“ „%2“ ist keine Adresse. Verwenden Sie eine Adresse dieses PCs, z. B. 192.168.10.5, oder 0.0.0.0 für alle Schnittstellen.</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; contains a line break. Give the path of a PEM file on one line.</source>
        <translation>%1: „%2“ enthält einen Zeilenumbruch. Geben Sie den Pfad einer PEM-Datei in einer Zeile an.</translation>
    </message>
    <message>
        <source>&quot;tlsEnabled&quot; is true</source>
        <translation>„tlsEnabled“ true ist</translation>
    </message>
    <message>
        <source>&quot;tlsRequireCertificate&quot; is true</source>
        <translation>„tlsRequireCertificate“ true ist</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not a broker setting. Allowed are: %3.</source>
        <translation>%1: „%2“ ist keine Broker-Einstellung. Erlaubt sind: %3.</translation>
    </message>
    <message>
        <source>%1 (in %2)</source>
        <translation>%1 (in %2)</translation>
    </message>
</context>
<context>
    <name>BrokerSettingsDialog</name>
    <message>
        <source>Embedded broker settings</source>
        <translation>Einstellungen des eingebetteten Brokers</translation>
    </message>
    <message>
        <source>Uplink</source>
        <translation>Uplink</translation>
    </message>
    <message>
        <source>LAN listener</source>
        <translation>LAN-Listener</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Choose a file</source>
        <translation>Datei auswählen</translation>
    </message>
    <message>
        <source>PEM files (*.pem *.crt *.key);;All files (*)</source>
        <translation>PEM-Dateien (*.pem *.crt *.key);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Listen on the plant network (login always required)</source>
        <translation>Im Anlagennetz lauschen (Anmeldung immer erforderlich)</translation>
    </message>
    <message>
        <source>TLS (clients must present a certificate signed by the CA)</source>
        <translation>TLS (Clients müssen ein von der CA signiertes Zertifikat vorweisen)</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>Port:</translation>
    </message>
    <message>
        <source>Bind address:</source>
        <translation>Bind-Adresse:</translation>
    </message>
    <message>
        <source>Broker certificate:</source>
        <translation>Broker-Zertifikat:</translation>
    </message>
    <message>
        <source>Broker key:</source>
        <translation>Broker-Schlüssel:</translation>
    </message>
    <message>
        <source>Client CA:</source>
        <translation>Client-CA:</translation>
    </message>
    <message>
        <source>Forward to the cloud (store-and-forward over mutual TLS)</source>
        <translation>An die Cloud weiterleiten (Store-and-Forward über Mutual TLS)</translation>
    </message>
    <message>
        <source>e.g. abc123-ats.iot.eu-central-1.amazonaws.com</source>
        <translation>z. B. abc123-ats.iot.eu-central-1.amazonaws.com</translation>
    </message>
    <message>
        <source>linescope-uplink (AWS IoT: the thing name)</source>
        <translation>linescope-uplink (AWS IoT: der Thing-Name)</translation>
    </message>
    <message>
        <source>Certificate from the vault (key in the OS keychain)</source>
        <translation>Zertifikat aus dem Zertifikatsspeicher (Schlüssel im Schlüsselbund des Betriebssystems)</translation>
    </message>
    <message>
        <source>Certificate and key files</source>
        <translation>Zertifikats- und Schlüsseldateien</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keines)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 (not in the vault)</source>
        <translation>%1 (nicht im Zertifikatsspeicher)</translation>
    </message>
    <message>
        <source>x-amzn-mqtt-ca for AWS IoT on port 443; empty on 8883</source>
        <translation>x-amzn-mqtt-ca für AWS IoT auf Port 443; leer bei 8883</translation>
    </message>
    <message>
        <source> MiB</source>
        <translation> MiB</translation>
    </message>
    <message>
        <source>Cloud host:</source>
        <translation>Cloud-Host:</translation>
    </message>
    <message>
        <source>Client id:</source>
        <translation>Client-ID:</translation>
    </message>
    <message>
        <source>Identity:</source>
        <translation>Identität:</translation>
    </message>
    <message>
        <source>Certificate file:</source>
        <translation>Zertifikatsdatei:</translation>
    </message>
    <message>
        <source>Key file:</source>
        <translation>Schlüsseldatei:</translation>
    </message>
    <message>
        <source>Cloud CA:</source>
        <translation>Cloud-CA:</translation>
    </message>
    <message>
        <source>ALPN:</source>
        <translation>ALPN:</translation>
    </message>
    <message>
        <source>Forwarded topics (one filter per line):</source>
        <translation>Weitergeleitete Topics (ein Filter pro Zeile):</translation>
    </message>
    <message>
        <source>Downlink topics (optional):</source>
        <translation>Downlink-Topics (optional):</translation>
    </message>
    <message>
        <source>Queue limit:</source>
        <translation>Warteschlangenlimit:</translation>
    </message>
    <message>
        <source>Queue size limit:</source>
        <translation>Größenlimit der Warteschlange:</translation>
    </message>
    <message>
        <source>Keep free on disk:</source>
        <translation>Auf dem Datenträger frei halten:</translation>
    </message>
    <message>
        <source>Uplink: %1</source>
        <translation>Uplink: %1</translation>
    </message>
    <message>
        <source>LAN listener: %1</source>
        <translation>LAN-Listener: %1</translation>
    </message>
    <message>
        <source>OK restarts a running broker with these settings and keeps them in broker.json in the data directory for the next start (and for linescope-cli broker run).</source>
        <translation>OK startet einen laufenden Broker mit diesen Einstellungen neu und speichert sie in broker.json im Datenverzeichnis für den nächsten Start (und für linescope-cli broker run).</translation>
    </message>
</context>
<context>
    <name>BrokerSupervisor</name>
    <message>
        <source>&quot;%1&quot; is not an IP address the broker can listen on. Use 127.0.0.1 for local connections only, or 0.0.0.0 for all network interfaces.</source>
        <translation>&quot;%1&quot; ist keine IP-Adresse, auf der der Broker lauschen kann. Verwenden Sie 127.0.0.1 nur für lokale Verbindungen oder 0.0.0.0 für alle Netzwerkschnittstellen.</translation>
    </message>
    <message>
        <source>Port %1 is not a valid TCP port. Choose a port between 1 and 65535.</source>
        <translation>Port %1 ist kein gültiger TCP-Port. Wählen Sie einen Port zwischen 1 und 65535.</translation>
    </message>
    <message>
        <source>Port %1 on %2 is already in use by another program. Choose another port or stop that program.</source>
        <translation>Port %1 auf %2 wird bereits von einem anderen Programm verwendet. Wählen Sie einen anderen Port oder beenden Sie dieses Programm.</translation>
    </message>
    <message>
        <source>The broker cannot listen on %1 port %2: %3. Choose another address or port.</source>
        <translation>Der Broker kann nicht auf %1 Port %2 lauschen: %3. Wählen Sie eine andere Adresse oder einen anderen Port.</translation>
    </message>
    <message>
        <source>The dynamic-security plugin &quot;%1&quot; does not exist. Choose the mosquitto_dynamic_security library of your mosquitto installation.</source>
        <translation>Das Dynamic-Security-Plugin &quot;%1&quot; existiert nicht. Wählen Sie die Bibliothek mosquitto_dynamic_security Ihrer mosquitto-Installation aus.</translation>
    </message>
    <message>
        <source>The broker&apos;s admin password file &quot;%1&quot; cannot be read: %2.</source>
        <translation>Die Admin-Passwortdatei des Brokers &quot;%1&quot; kann nicht gelesen werden: %2.</translation>
    </message>
    <message>
        <source>The broker&apos;s admin password file &quot;%1&quot; cannot be written: %2.</source>
        <translation>Die Admin-Passwortdatei des Brokers &quot;%1&quot; kann nicht geschrieben werden: %2.</translation>
    </message>
    <message>
        <source>The broker&apos;s account file &quot;%1&quot; cannot be read: %2. Restore it from a backup, or delete it to start without accounts.</source>
        <translation>Die Kontodatei des Brokers &quot;%1&quot; kann nicht gelesen werden: %2. Stellen Sie sie aus einer Sicherung wieder her oder löschen Sie sie, um ohne Konten zu starten.</translation>
    </message>
    <message>
        <source>The broker&apos;s account file &quot;%1&quot; cannot be written: %2.</source>
        <translation>Die Kontodatei des Brokers &quot;%1&quot; kann nicht geschrieben werden: %2.</translation>
    </message>
    <message>
        <source>The mosquitto broker was not found on the PATH or in %1. Install mosquitto, or choose the mosquitto program in the broker settings.</source>
        <translation>Der mosquitto-Broker wurde weder im PATH noch in %1 gefunden. Installieren Sie mosquitto oder wählen Sie das mosquitto-Programm in den Broker-Einstellungen aus.</translation>
    </message>
    <message>
        <source>The broker program &quot;%1&quot; was not found or is not executable. Install mosquitto, or choose the mosquitto program in the broker settings.</source>
        <translation>Das Broker-Programm &quot;%1&quot; wurde nicht gefunden oder ist nicht ausführbar. Installieren Sie mosquitto oder wählen Sie das mosquitto-Programm in den Broker-Einstellungen aus.</translation>
    </message>
    <message>
        <source>No data directory is set for the broker. Choose a folder for its configuration and retained messages.</source>
        <translation>Für den Broker ist kein Datenverzeichnis festgelegt. Wählen Sie einen Ordner für seine Konfiguration und Retained-Nachrichten.</translation>
    </message>
    <message>
        <source>The broker data directory &quot;%1&quot; cannot be created. Check that the folder above it exists and is writable, or choose another folder.</source>
        <translation>Das Broker-Datenverzeichnis &quot;%1&quot; kann nicht erstellt werden. Prüfen Sie, ob der übergeordnete Ordner existiert und beschreibbar ist, oder wählen Sie einen anderen Ordner.</translation>
    </message>
    <message>
        <source>The broker data directory &quot;%1&quot; is not writable: %2. Fix its permissions or choose another folder.</source>
        <translation>Das Broker-Datenverzeichnis &quot;%1&quot; ist nicht beschreibbar: %2. Korrigieren Sie die Berechtigungen oder wählen Sie einen anderen Ordner.</translation>
    </message>
    <message>
        <source>The LAN listener and the local listener cannot both use port %1. Choose another port.</source>
        <translation>Der LAN-Listener und der lokale Listener können nicht beide Port %1 verwenden. Wählen Sie einen anderen Port.</translation>
    </message>
    <message>
        <source>The broker configuration &quot;%1&quot; cannot be written: %2.</source>
        <translation>Die Broker-Konfiguration &quot;%1&quot; kann nicht geschrieben werden: %2.</translation>
    </message>
    <message>
        <source>mosquitto crashed or was killed.</source>
        <translation>mosquitto ist abgestürzt oder wurde beendet.</translation>
    </message>
    <message>
        <source>mosquitto exited with code %1.</source>
        <translation>mosquitto wurde mit Code %1 beendet.</translation>
    </message>
    <message>
        <source>Last log lines:</source>
        <translation>Letzte Log-Zeilen:</translation>
    </message>
    <message>
        <source>The broker did not accept connections on %1 port %2 within %3 seconds and was stopped.</source>
        <translation>Der Broker hat innerhalb von %3 Sekunden keine Verbindungen auf %1 Port %2 angenommen und wurde gestoppt.</translation>
    </message>
    <message>
        <source>The broker program &quot;%1&quot; could not be started: %2. Check that it is a working mosquitto installation, or choose another program.</source>
        <translation>Das Broker-Programm &quot;%1&quot; konnte nicht gestartet werden: %2. Prüfen Sie, ob es eine funktionierende mosquitto-Installation ist, oder wählen Sie ein anderes Programm.</translation>
    </message>
    <message>
        <source>LineScope: communication with the broker process failed: %1</source>
        <translation>LineScope: Die Kommunikation mit dem Broker-Prozess ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>The broker stopped before it accepted connections. %1</source>
        <translation>Der Broker wurde beendet, bevor er Verbindungen angenommen hat. %1</translation>
    </message>
    <message>
        <source>The broker stopped unexpectedly %1 times within %2 seconds and is not restarted again. Last exit: %3</source>
        <translation>Der Broker wurde %1-mal innerhalb von %2 Sekunden unerwartet beendet und wird nicht erneut gestartet. Letzter Exit: %3</translation>
    </message>
    <message>
        <source>LineScope: the broker did not stop within %1 seconds and was killed.</source>
        <translation>LineScope: Der Broker wurde nicht innerhalb von %1 Sekunden beendet und wurde zwangsweise beendet.</translation>
    </message>
</context>
<context>
    <name>CborDecoder</name>
    <message>
        <source>unknown error</source>
        <translation>unbekannter Fehler</translation>
    </message>
    <message>
        <source>read past the end of a container</source>
        <translation>Lesen über das Ende eines Containers hinaus</translation>
    </message>
    <message>
        <source>input/output error</source>
        <translation>Ein-/Ausgabefehler</translation>
    </message>
    <message>
        <source>unexpected data after the end of the item</source>
        <translation>unerwartete Daten nach dem Ende des Elements</translation>
    </message>
    <message>
        <source>data ends in the middle of an item</source>
        <translation>Daten enden mitten in einem Element</translation>
    </message>
    <message>
        <source>unexpected break byte (0xff)</source>
        <translation>unerwartetes Break-Byte (0xff)</translation>
    </message>
    <message>
        <source>unknown major type or additional information</source>
        <translation>unbekannter Major Type oder unbekannte Zusatzinformation</translation>
    </message>
    <message>
        <source>illegal type in an indefinite-length string</source>
        <translation>unzulässiger Typ in einem String unbestimmter Länge</translation>
    </message>
    <message>
        <source>illegal length or number encoding</source>
        <translation>unzulässige Längen- oder Zahlenkodierung</translation>
    </message>
    <message>
        <source>illegal simple type</source>
        <translation>unzulässiger Simple Type</translation>
    </message>
    <message>
        <source>invalid UTF-8 in a text string</source>
        <translation>ungültiges UTF-8 in einem Text-String</translation>
    </message>
    <message>
        <source>data too large</source>
        <translation>Daten zu groß</translation>
    </message>
    <message>
        <source>nesting too deep for the CBOR parser</source>
        <translation>Verschachtelung zu tief für den CBOR-Parser</translation>
    </message>
    <message>
        <source>unsupported type</source>
        <translation>nicht unterstützter Typ</translation>
    </message>
    <message>
        <source>unknown CBOR error %1</source>
        <translation>unbekannter CBOR-Fehler %1</translation>
    </message>
    <message>
        <source>%1 ... (%2 bytes in total)</source>
        <extracomment>%1 the first bytes in hex, %2 the total number of bytes</extracomment>
        <translation>%1 ... (insgesamt %2 Bytes)</translation>
    </message>
    <message>
        <source>tag %1</source>
        <translation>Tag %1</translation>
    </message>
    <message>
        <source>CBOR</source>
        <translation>CBOR</translation>
    </message>
    <message>
        <source>empty payload</source>
        <translation>leere Payload</translation>
    </message>
    <message>
        <source>nesting deeper than %1 levels</source>
        <translation>Verschachtelung tiefer als %1 Ebenen</translation>
    </message>
</context>
<context>
    <name>CertCommand</name>
    <message>
        <source>import: read the passphrase of an encrypted key or a .p12/.pfx bundle from the first line of this file.</source>
        <translation>import: die Passphrase eines verschlüsselten Schlüssels oder eines .p12/.pfx-Bundles aus der ersten Zeile dieser Datei lesen.</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>DATEI</translation>
    </message>
    <message>
        <source>import: the name to list the certificate under. Default: its common name.</source>
        <translation>import: der Name, unter dem das Zertifikat aufgeführt wird. Standard: sein Common Name.</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <source>export: write the PEM certificate to this file instead of stdout.</source>
        <translation>export: das PEM-Zertifikat in diese Datei statt auf stdout schreiben.</translation>
    </message>
    <message>
        <source>cert {import FILES... | list | show ID | delete ID | export ID} [options]</source>
        <translation>cert {import DATEIEN... | list | show ID | delete ID | export ID} [Optionen]</translation>
    </message>
    <message>
        <source>Manage client certificates for mutual TLS. Private keys are kept only in the OS keychain; the certificate list holds public details.

  import FILES...  Check and store a certificate with its private key: PEM or DER files, a
                   .p12/.pfx bundle, or the AWS IoT download (certificate, private key and
                   AmazonRootCA1.pem) in one go.
  list             List the stored certificates with their expiry.
  show ID          Show the details of one certificate.
  delete ID        Delete a certificate and its key from the keychain.
  export ID        Print the certificate (never the key) as PEM.</source>
        <translation>Client-Zertifikate für Mutual TLS verwalten. Private Schlüssel werden nur im Schlüsselbund des Betriebssystems gespeichert; die Zertifikatsliste enthält öffentliche Angaben.

  import DATEIEN... Ein Zertifikat mit seinem privaten Schlüssel prüfen und speichern: PEM- oder
                   DER-Dateien, ein .p12/.pfx-Bundle oder der AWS-IoT-Download (Zertifikat,
                   privater Schlüssel und AmazonRootCA1.pem) in einem Schritt.
  list             Die gespeicherten Zertifikate mit ihrem Ablaufdatum auflisten.
  show ID          Die Details eines Zertifikats anzeigen.
  delete ID        Ein Zertifikat und seinen Schlüssel aus dem Schlüsselbund löschen.
  export ID        Das Zertifikat (niemals den Schlüssel) als PEM ausgeben.</translation>
    </message>
    <message>
        <source>ID is the id from &quot;cert list&quot;, a unique start of it, or the certificate&apos;s name.
Connect with a stored certificate: linescope-cli sub --cert-id ID -h HOST -t TOPIC</source>
        <translation>ID ist die ID aus &quot;cert list&quot;, ein eindeutiger Anfang davon oder der Name des Zertifikats.
Mit einem gespeicherten Zertifikat verbinden: linescope-cli sub --cert-id ID -h HOST -t TOPIC</translation>
    </message>
    <message>
        <source>Give an action: import, list, show, delete or export.</source>
        <translation>Geben Sie eine Aktion an: import, list, show, delete oder export.</translation>
    </message>
    <message>
        <source>Unknown action &quot;%1&quot;; use import, list, show, delete or export.</source>
        <translation>Unbekannte Aktion &quot;%1&quot;; verwenden Sie import, list, show, delete oder export.</translation>
    </message>
    <message>
        <source>cert import needs the files to import: the certificate and its private key, or a .p12/.pfx bundle.</source>
        <translation>cert import benötigt die zu importierenden Dateien: das Zertifikat und seinen privaten Schlüssel oder ein .p12/.pfx-Bundle.</translation>
    </message>
    <message>
        <source>cert list takes no arguments; remove &quot;%1&quot;.</source>
        <translation>cert list akzeptiert keine Argumente; entfernen Sie &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>cert %1 needs exactly one certificate id.</source>
        <translation>cert %1 benötigt genau eine Zertifikats-ID.</translation>
    </message>
    <message>
        <source>--passphrase-file only applies to cert import.</source>
        <translation>--passphrase-file gilt nur für cert import.</translation>
    </message>
    <message>
        <source>--name only applies to cert import.</source>
        <translation>--name gilt nur für cert import.</translation>
    </message>
    <message>
        <source>-o only applies to cert export.</source>
        <translation>-o gilt nur für cert export.</translation>
    </message>
    <message>
        <source>The name given with --name is empty.</source>
        <translation>Der mit --name angegebene Name ist leer.</translation>
    </message>
    <message>
        <source>Cannot read the passphrase file &quot;%1&quot;: %2.</source>
        <translation>Die Passphrase-Datei &quot;%1&quot; kann nicht gelesen werden: %2.</translation>
    </message>
    <message>
        <source>The passphrase file &quot;%1&quot; is empty.</source>
        <translation>Die Passphrase-Datei &quot;%1&quot; ist leer.</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>Fehler: %1</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>Warnung: %1</translation>
    </message>
    <message>
        <source>Imported &quot;%1&quot; as %2: %3, %4 key, %5.</source>
        <translation>&quot;%1&quot; als %2 importiert: %3, %4-Schlüssel, %5.</translation>
    </message>
    <message>
        <source>No certificates stored. Import one with &quot;linescope-cli cert import FILES...&quot;.</source>
        <translation>Keine Zertifikate gespeichert. Importieren Sie eines mit &quot;linescope-cli cert import DATEIEN...&quot;.</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>KEY</source>
        <translation>SCHLÜSSEL</translation>
    </message>
    <message>
        <source>EXPIRES</source>
        <translation>LÄUFT AB</translation>
    </message>
    <message>
        <source>DAYS LEFT</source>
        <translation>RESTTAGE</translation>
    </message>
    <message>
        <source>SUBJECT</source>
        <translation>SUBJEKT</translation>
    </message>
    <message>
        <source>%1 (replacement pending: %2)</source>
        <translation>%1 (Ersatz ausstehend: %2)</translation>
    </message>
    <message>
        <source>There is no certificate with the id &quot;%1&quot;.</source>
        <translation>Es gibt kein Zertifikat mit der ID &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>%1 (expires soon: ask for a renewed certificate)</source>
        <translation>%1 (läuft bald ab: fordern Sie ein erneuertes Zertifikat an)</translation>
    </message>
    <message>
        <source>%1 (expired)</source>
        <translation>%1 (abgelaufen)</translation>
    </message>
    <message>
        <source>%1 (not valid yet)</source>
        <translation>%1 (noch nicht gültig)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Subjekt</translation>
    </message>
    <message>
        <source>Issuer</source>
        <translation>Aussteller</translation>
    </message>
    <message>
        <source>Serial number</source>
        <translation>Seriennummer</translation>
    </message>
    <message>
        <source>SHA-256 fingerprint</source>
        <translation>SHA-256-Fingerabdruck</translation>
    </message>
    <message>
        <source>Valid from</source>
        <translation>Gültig ab</translation>
    </message>
    <message>
        <source>%1 UTC</source>
        <translation>%1 UTC</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>Gültig bis</translation>
    </message>
    <message>
        <source>Days left</source>
        <translation>Verbleibende Tage</translation>
    </message>
    <message>
        <source>Key type</source>
        <translation>Schlüsseltyp</translation>
    </message>
    <message>
        <source>Intermediate certificates</source>
        <translation>Zwischenzertifikate</translation>
    </message>
    <message>
        <source>CA certificates</source>
        <translation>CA-Zertifikate</translation>
    </message>
    <message>
        <source>Pending replacement</source>
        <translation>Ausstehender Ersatz</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Keychain entries</source>
        <translation>Schlüsselbund-Einträge</translation>
    </message>
    <message>
        <source>%1, %2 (service %3)</source>
        <translation>%1, %2 (Dienst %3)</translation>
    </message>
    <message>
        <source>Deleted &quot;%1&quot; (%2) and its private key.</source>
        <translation>&quot;%1&quot; (%2) und sein privater Schlüssel wurden gelöscht.</translation>
    </message>
    <message>
        <source>Cannot write &quot;%1&quot;: %2.</source>
        <translation>&quot;%1&quot; kann nicht geschrieben werden: %2.</translation>
    </message>
    <message>
        <source>Wrote the certificate of &quot;%1&quot; to %2.</source>
        <translation>Das Zertifikat von &quot;%1&quot; wurde nach %2 geschrieben.</translation>
    </message>
</context>
<context>
    <name>CertificateImportWizard</name>
    <message>
        <source>client certificate</source>
        <translation>Client-Zertifikat</translation>
    </message>
    <message>
        <source>intermediate certificates</source>
        <translation>Zwischenzertifikate</translation>
    </message>
    <message>
        <source>CA certificate, to verify the broker</source>
        <translation>CA-Zertifikat zur Prüfung des Brokers</translation>
    </message>
    <message>
        <source>private key</source>
        <translation>privater Schlüssel</translation>
    </message>
    <message>
        <source>PKCS #12 bundle</source>
        <translation>PKCS-#12-Bundle</translation>
    </message>
    <message>
        <source>not needed, ignored</source>
        <translation>nicht benötigt, ignoriert</translation>
    </message>
    <message>
        <source>Import Client Certificate</source>
        <translation>Client-Zertifikat importieren</translation>
    </message>
    <message>
        <source>Drop files here: a certificate and its private key, a .p12/.pfx bundle, or all three files AWS IoT gives you for a thing (certificate, private key and AmazonRootCA1.pem) at once.</source>
        <translation>Legen Sie hier Dateien ab: ein Zertifikat und seinen privaten Schlüssel, ein .p12/.pfx-Bundle oder alle drei Dateien, die AWS IoT für ein Thing bereitstellt (Zertifikat, privater Schlüssel und AmazonRootCA1.pem), auf einmal.</translation>
    </message>
    <message>
        <source>Add Files…</source>
        <translation>Dateien hinzufügen…</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Leeren</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>Used once to decrypt the key; it is not stored.</source>
        <translation>Wird einmalig zum Entschlüsseln des Schlüssels verwendet und nicht gespeichert.</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Entsperren</translation>
    </message>
    <message>
        <source>e.g. press-4 (default: the certificate&apos;s common name)</source>
        <translation>z. B. press-4 (Standard: der Common Name des Zertifikats)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importieren</translation>
    </message>
    <message>
        <source>Only files can be dropped here (certificates, keys or PKCS #12 bundles).</source>
        <translation>Hier können nur Dateien abgelegt werden (Zertifikate, Schlüssel oder PKCS-#12-Bundles).</translation>
    </message>
    <message>
        <source>Certificate and Key Files</source>
        <translation>Zertifikats- und Schlüsseldateien</translation>
    </message>
    <message>
        <source>Certificates and keys (*.pem *.crt *.cer *.der *.key *.p12 *.pfx)</source>
        <translation>Zertifikate und Schlüssel (*.pem *.crt *.cer *.der *.key *.p12 *.pfx)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
    <message>
        <source>checking…</source>
        <translation>wird geprüft…</translation>
    </message>
    <message>
        <source>problem, see below</source>
        <translation>Problem, siehe unten</translation>
    </message>
    <message>
        <source>not checked</source>
        <translation>nicht geprüft</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <extracomment>%1 file name, %2 what it holds</extracomment>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Storing in the OS keychain…</source>
        <translation>Wird im Schlüsselbund des Betriebssystems gespeichert…</translation>
    </message>
    <message>
        <source>Checking the files…</source>
        <translation>Dateien werden geprüft…</translation>
    </message>
    <message>
        <source>&lt;b&gt;Subject:&lt;/b&gt; %1&lt;br&gt;&lt;b&gt;Issuer:&lt;/b&gt; %2&lt;br&gt;&lt;b&gt;Validity:&lt;/b&gt; %3&lt;br&gt;&lt;b&gt;Key:&lt;/b&gt; %4&lt;br&gt;&lt;b&gt;Chain:&lt;/b&gt; %5 intermediate, %6 CA certificate(s)&lt;br&gt;&lt;b&gt;SHA-256:&lt;/b&gt; %7</source>
        <translation>&lt;b&gt;Subjekt:&lt;/b&gt; %1&lt;br&gt;&lt;b&gt;Aussteller:&lt;/b&gt; %2&lt;br&gt;&lt;b&gt;Gültigkeit:&lt;/b&gt; %3&lt;br&gt;&lt;b&gt;Schlüssel:&lt;/b&gt; %4&lt;br&gt;&lt;b&gt;Kette:&lt;/b&gt; %5 Zwischenzertifikat(e), %6 CA-Zertifikat(e)&lt;br&gt;&lt;b&gt;SHA-256:&lt;/b&gt; %7</translation>
    </message>
    <message>
        <source>No files yet.</source>
        <translation>Noch keine Dateien.</translation>
    </message>
</context>
<context>
    <name>CertificateImporter</name>
    <message>
        <source>no details</source>
        <translation>keine Details</translation>
    </message>
    <message>
        <source>The private key in %1 is protected by a passphrase. Enter the passphrase and import again.</source>
        <translation>Der private Schlüssel in %1 ist durch eine Passphrase geschützt. Geben Sie die Passphrase ein und importieren Sie erneut.</translation>
    </message>
    <message>
        <source>The PKCS #12 bundle %1 is protected by a passphrase. Enter the passphrase and import again.</source>
        <translation>Das PKCS-#12-Bundle %1 ist durch eine Passphrase geschützt. Geben Sie die Passphrase ein und importieren Sie erneut.</translation>
    </message>
    <message>
        <source>The passphrase does not unlock the private key in %1. Check the passphrase (it is case sensitive) and import again.</source>
        <translation>Die Passphrase entsperrt den privaten Schlüssel in %1 nicht. Prüfen Sie die Passphrase (Groß-/Kleinschreibung beachten) und importieren Sie erneut.</translation>
    </message>
    <message>
        <source>The passphrase does not unlock the PKCS #12 bundle %1. Check the passphrase (it is case sensitive) and import again.</source>
        <translation>Die Passphrase entsperrt das PKCS-#12-Bundle %1 nicht. Prüfen Sie die Passphrase (Groß-/Kleinschreibung beachten) und importieren Sie erneut.</translation>
    </message>
    <message>
        <source>The private key in %1 is damaged or cut off (%2). Copy or download the file again.</source>
        <translation>Der private Schlüssel in %1 ist beschädigt oder abgeschnitten (%2). Kopieren oder laden Sie die Datei erneut herunter.</translation>
    </message>
    <message>
        <source>%1 is cut off inside a BEGIN line. Copy or download the file again.</source>
        <translation>%1 ist innerhalb einer BEGIN-Zeile abgeschnitten. Kopieren oder laden Sie die Datei erneut herunter.</translation>
    </message>
    <message>
        <source>%1 is cut off: the &quot;%2&quot; block has no END line. Copy or download the file again.</source>
        <translation>%1 ist abgeschnitten: Der Block &quot;%2&quot; hat keine END-Zeile. Kopieren oder laden Sie die Datei erneut herunter.</translation>
    </message>
    <message>
        <source>A certificate in %1 is damaged or cut off (%2). Copy or download the file again.</source>
        <translation>Ein Zertifikat in %1 ist beschädigt oder abgeschnitten (%2). Kopieren oder laden Sie die Datei erneut herunter.</translation>
    </message>
    <message>
        <source>%1 holds an OpenSSH key, which TLS cannot use. Use the private key that belongs to the certificate, in PEM form.</source>
        <translation>%1 enthält einen OpenSSH-Schlüssel, den TLS nicht verwenden kann. Verwenden Sie den zum Zertifikat gehörenden privaten Schlüssel im PEM-Format.</translation>
    </message>
    <message>
        <source>%1 holds a public key, which is not needed; it was ignored.</source>
        <translation>%1 enthält einen öffentlichen Schlüssel, der nicht benötigt wird; er wurde ignoriert.</translation>
    </message>
    <message>
        <source>%1 is not a certificate or private key: it holds a &quot;%2&quot; block. Choose the certificate (.crt, .pem, .cer), the private key or a .p12/.pfx bundle.</source>
        <translation>%1 ist weder ein Zertifikat noch ein privater Schlüssel: Die Datei enthält einen &quot;%2&quot;-Block. Wählen Sie das Zertifikat (.crt, .pem, .cer), den privaten Schlüssel oder ein .p12/.pfx-Bundle.</translation>
    </message>
    <message>
        <source>%1 holds no certificate and no private key.</source>
        <translation>%1 enthält weder ein Zertifikat noch einen privaten Schlüssel.</translation>
    </message>
    <message>
        <source>The PKCS #12 bundle %1 could not be opened (%2). Export it again, with AES encryption if the exporting program offers a choice.</source>
        <translation>Das PKCS-#12-Bundle %1 konnte nicht geöffnet werden (%2). Exportieren Sie es erneut, mit AES-Verschlüsselung, falls das exportierende Programm die Wahl lässt.</translation>
    </message>
    <message>
        <source>The PKCS #12 bundle %1 is empty.</source>
        <translation>Das PKCS-#12-Bundle %1 ist leer.</translation>
    </message>
    <message>
        <source>%1 is cut off: it ends before the certificate or key it starts. Copy or download the file again.</source>
        <translation>%1 ist abgeschnitten: Die Datei endet vor dem Ende des begonnenen Zertifikats oder Schlüssels. Kopieren oder laden Sie die Datei erneut herunter.</translation>
    </message>
    <message>
        <source>%1 is not a certificate, a private key or a PKCS #12 bundle.</source>
        <translation>%1 ist weder ein Zertifikat noch ein privater Schlüssel noch ein PKCS-#12-Bundle.</translation>
    </message>
    <message>
        <source>%1 does not exist.</source>
        <translation>%1 existiert nicht.</translation>
    </message>
    <message>
        <source>%1 is a folder; choose the files in it.</source>
        <translation>%1 ist ein Ordner; wählen Sie die darin enthaltenen Dateien aus.</translation>
    </message>
    <message>
        <source>%1 cannot be read (%2). Check that your user may read it.</source>
        <translation>%1 kann nicht gelesen werden (%2). Prüfen Sie, ob Ihr Benutzer die Datei lesen darf.</translation>
    </message>
    <message>
        <source>%1 is too large (%2 bytes) to be a certificate or key file.</source>
        <translation>%1 ist zu groß (%2 Bytes) für eine Zertifikats- oder Schlüsseldatei.</translation>
    </message>
    <message>
        <source>%1 cannot be read (%2).</source>
        <translation>%1 kann nicht gelesen werden (%2).</translation>
    </message>
    <message>
        <source>%1 is empty.</source>
        <translation>%1 ist leer.</translation>
    </message>
    <message>
        <source>None of the files holds a certificate or a private key.</source>
        <translation>Keine der Dateien enthält ein Zertifikat oder einen privaten Schlüssel.</translation>
    </message>
    <message>
        <source>%1 holds certificates but no private key. Add the private key file (for AWS IoT: *-private.pem.key), or use the .p12/.pfx bundle that contains it.</source>
        <translation>%1 enthält Zertifikate, aber keinen privaten Schlüssel. Fügen Sie die Datei mit dem privaten Schlüssel hinzu (bei AWS IoT: *-private.pem.key) oder verwenden Sie das .p12/.pfx-Bundle, das ihn enthält.</translation>
    </message>
    <message>
        <source>%1 holds a private key but no certificate. Add the certificate file (for AWS IoT: *-certificate.pem.crt).</source>
        <translation>%1 enthält einen privaten Schlüssel, aber kein Zertifikat. Fügen Sie die Zertifikatsdatei hinzu (bei AWS IoT: *-certificate.pem.crt).</translation>
    </message>
    <message>
        <source>The files hold %1 different private keys (%2). Import one certificate with its own key at a time.</source>
        <translation>Die Dateien enthalten %1 verschiedene private Schlüssel (%2). Importieren Sie jeweils nur ein Zertifikat mit seinem eigenen Schlüssel.</translation>
    </message>
    <message>
        <source>The private key in %1 does not belong to the certificate %2 in %3. Choose the key file that was created together with this certificate.</source>
        <translation>Der private Schlüssel in %1 gehört nicht zum Zertifikat %2 in %3. Wählen Sie die Schlüsseldatei, die zusammen mit diesem Zertifikat erstellt wurde.</translation>
    </message>
    <message>
        <source>%1 (key file: %2)</source>
        <translation>%1 (Schlüsseldatei: %2)</translation>
    </message>
    <message>
        <source>The certificate %1 in %2 is not part of the client certificate&apos;s chain; it was not imported.</source>
        <translation>Das Zertifikat %1 in %2 gehört nicht zur Kette des Client-Zertifikats; es wurde nicht importiert.</translation>
    </message>
    <message>
        <source>The certificate %1 in %2 is not valid before %3 (UTC). Check the computer&apos;s date and time, or import it once it is valid.</source>
        <translation>Das Zertifikat %1 in %2 ist erst ab %3 (UTC) gültig. Prüfen Sie Datum und Uhrzeit des Computers oder importieren Sie es, sobald es gültig ist.</translation>
    </message>
    <message>
        <source>The certificate %1 in %2 expired on %3 (UTC). Ask for a renewed certificate and import that one.</source>
        <translation>Das Zertifikat %1 in %2 ist am %3 (UTC) abgelaufen. Fordern Sie ein erneuertes Zertifikat an und importieren Sie dieses.</translation>
    </message>
    <message>
        <source>The certificate or key could not be converted for storage (%1).</source>
        <translation>Das Zertifikat oder der Schlüssel konnte nicht für die Speicherung konvertiert werden (%1).</translation>
    </message>
    <message>
        <source>No files were given. Choose the certificate and its private key, or a .p12/.pfx bundle.</source>
        <translation>Es wurden keine Dateien angegeben. Wählen Sie das Zertifikat und seinen privaten Schlüssel oder ein .p12/.pfx-Bundle.</translation>
    </message>
    <message>
        <source>The RSA key has only %1 bits. Brokers and AWS IoT require at least 2048 bits; ask for a new certificate with a longer key.</source>
        <translation>Der RSA-Schlüssel hat nur %1 Bit. Broker und AWS IoT erfordern mindestens 2048 Bit; fordern Sie ein neues Zertifikat mit einem längeren Schlüssel an.</translation>
    </message>
    <message>
        <source>The EC key uses the curve %1, which MQTT brokers do not accept for client certificates. Use a certificate with a P-256 or P-384 key.</source>
        <translation>Der EC-Schlüssel verwendet die Kurve %1, die MQTT-Broker für Client-Zertifikate nicht akzeptieren. Verwenden Sie ein Zertifikat mit einem P-256- oder P-384-Schlüssel.</translation>
    </message>
    <message>
        <source>(unknown)</source>
        <translation>(unbekannt)</translation>
    </message>
    <message>
        <source>%1 keys are not supported for MQTT client certificates. Use a certificate with an RSA key (2048 bits or more) or an EC key (P-256 or P-384).</source>
        <translation>%1-Schlüssel werden für MQTT-Client-Zertifikate nicht unterstützt. Verwenden Sie ein Zertifikat mit einem RSA-Schlüssel (2048 Bit oder mehr) oder einem EC-Schlüssel (P-256 oder P-384).</translation>
    </message>
    <message>
        <source>The certificate %1 %2, on %3 (UTC). Ask for a renewed certificate now and import it as a replacement.</source>
        <extracomment>%1 certificate, %2 e.g. &quot;expires today&quot; or &quot;expires in 12 days&quot;, %3 date and time</extracomment>
        <translation>Das Zertifikat %1 %2, am %3 (UTC). Fordern Sie jetzt ein erneuertes Zertifikat an und importieren Sie es als Ersatz.</translation>
    </message>
</context>
<context>
    <name>CertificateInfo</name>
    <message>
        <source>not valid before %1</source>
        <translation>nicht gültig vor %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <extracomment>%1 e.g. &quot;expires in 12 days&quot;, %2 the ISO date</extracomment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>expired today</source>
        <translation>heute abgelaufen</translation>
    </message>
    <message>
        <source>expires today</source>
        <translation>läuft heute ab</translation>
    </message>
    <message>
        <source>expires tomorrow</source>
        <translation>läuft morgen ab</translation>
    </message>
    <message>
        <source>expired yesterday</source>
        <translation>gestern abgelaufen</translation>
    </message>
    <message numerus="yes">
        <source>expires in %n days</source>
        <translation>
            <numerusform>läuft in %n Tag ab</numerusform>
            <numerusform>läuft in %n Tagen ab</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>expired %n days ago</source>
        <translation>
            <numerusform>vor %n Tag abgelaufen</numerusform>
            <numerusform>vor %n Tagen abgelaufen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CertificateValidityStyle</name>
    <message>
        <source>not valid yet</source>
        <translation>noch nicht gültig</translation>
    </message>
    <message>
        <source>%1, %2 (%3)</source>
        <extracomment>%1 certificate name, %2 e.g. &quot;12 days left&quot;, %3 its subject</extracomment>
        <translation>%1, %2 (%3)</translation>
    </message>
</context>
<context>
    <name>CertificateVault</name>
    <message>
        <source>The folder %1 for the certificate list cannot be created. Check its permissions.</source>
        <translation>Der Ordner %1 für die Zertifikatsliste kann nicht erstellt werden. Prüfen Sie seine Berechtigungen.</translation>
    </message>
    <message>
        <source>The certificate list %1 cannot be written. Check its permissions.</source>
        <translation>Die Zertifikatsliste %1 kann nicht geschrieben werden. Prüfen Sie ihre Berechtigungen.</translation>
    </message>
    <message>
        <source>The certificate list %1 cannot be written. Check its permissions and the free disk space.</source>
        <translation>Die Zertifikatsliste %1 kann nicht geschrieben werden. Prüfen Sie ihre Berechtigungen und den freien Speicherplatz.</translation>
    </message>
    <message>
        <source>The certificate list %1 is damaged and cannot be updated. Move it away; the certificates then have to be imported again.</source>
        <translation>Die Zertifikatsliste %1 ist beschädigt und kann nicht aktualisiert werden. Verschieben Sie sie; die Zertifikate müssen dann erneut importiert werden.</translation>
    </message>
    <message>
        <source>The certificate &quot;%1&quot; was not stored. %2</source>
        <translation>Das Zertifikat &quot;%1&quot; wurde nicht gespeichert. %2</translation>
    </message>
    <message>
        <source>The certificate was not deleted. %1</source>
        <translation>Das Zertifikat wurde nicht gelöscht. %1</translation>
    </message>
    <message>
        <source>The keychain entries were deleted, but %1</source>
        <translation>Die Schlüsselbund-Einträge wurden gelöscht, aber %1</translation>
    </message>
    <message>
        <source>The OS keychain no longer holds the certificate &quot;%1&quot; (%2). Delete it from the list and import it again.</source>
        <translation>Der Schlüsselbund des Betriebssystems enthält das Zertifikat &quot;%1&quot; (%2) nicht mehr. Löschen Sie es aus der Liste und importieren Sie es erneut.</translation>
    </message>
    <message>
        <source>The certificate &quot;%1&quot; could not be read. %2</source>
        <translation>Das Zertifikat &quot;%1&quot; konnte nicht gelesen werden. %2</translation>
    </message>
    <message>
        <source>The keychain entry of the certificate &quot;%1&quot; is damaged. Delete it from the list and import it again.</source>
        <translation>Der Schlüsselbund-Eintrag des Zertifikats &quot;%1&quot; ist beschädigt. Löschen Sie es aus der Liste und importieren Sie es erneut.</translation>
    </message>
    <message>
        <source>The keychain entry of the private key for &quot;%1&quot; is damaged. Delete the certificate from the list and import it again.</source>
        <translation>Der Schlüsselbund-Eintrag des privaten Schlüssels für &quot;%1&quot; ist beschädigt. Löschen Sie das Zertifikat aus der Liste und importieren Sie es erneut.</translation>
    </message>
    <message>
        <source>The old certificate was deleted from the keychain, but %1</source>
        <translation>Das alte Zertifikat wurde aus dem Schlüsselbund gelöscht, aber %1</translation>
    </message>
    <message>
        <source>There is no certificate &quot;%1&quot; in the certificate list. Give its id or name as the list shows them.</source>
        <translation>In der Zertifikatsliste gibt es kein Zertifikat &quot;%1&quot;. Geben Sie seine ID oder seinen Namen so an, wie die Liste sie anzeigt.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; matches several certificates (%2). Give the full id.</source>
        <translation>&quot;%1&quot; passt auf mehrere Zertifikate (%2). Geben Sie die vollständige ID an.</translation>
    </message>
    <message>
        <source>Nothing was stored: a certificate and its private key are needed. Import them first.</source>
        <translation>Es wurde nichts gespeichert: Ein Zertifikat und sein privater Schlüssel werden benötigt. Importieren Sie diese zuerst.</translation>
    </message>
    <message>
        <source>This certificate is already stored as &quot;%1&quot; (id %2).</source>
        <translation>Dieses Zertifikat ist bereits als &quot;%1&quot; gespeichert (ID %2).</translation>
    </message>
    <message>
        <source>The certificate was not stored. %1</source>
        <translation>Das Zertifikat wurde nicht gespeichert. %1</translation>
    </message>
    <message>
        <source>There is no certificate with the id &quot;%1&quot;.</source>
        <translation>Es gibt kein Zertifikat mit der ID &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>There is no client certificate with the id &quot;%1&quot;. Choose one from the certificate list or import it.</source>
        <translation>Es gibt kein Client-Zertifikat mit der ID &quot;%1&quot;. Wählen Sie eines aus der Zertifikatsliste oder importieren Sie es.</translation>
    </message>
    <message>
        <source>There is no certificate with the id &quot;%1&quot; to replace.</source>
        <translation>Es gibt kein zu ersetzendes Zertifikat mit der ID &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>There is no certificate with the id &quot;%1&quot;; import the new certificate first.</source>
        <translation>Es gibt kein Zertifikat mit der ID &quot;%1&quot;; importieren Sie zuerst das neue Zertifikat.</translation>
    </message>
    <message>
        <source>A certificate cannot replace itself.</source>
        <translation>Ein Zertifikat kann sich nicht selbst ersetzen.</translation>
    </message>
    <message>
        <source>The certificate &quot;%1&quot; has no pending replacement.</source>
        <translation>Für das Zertifikat &quot;%1&quot; steht kein Ersatz aus.</translation>
    </message>
</context>
<context>
    <name>CertificatesPage</name>
    <message>
        <source>Could not write %1: %2. Choose a folder you can write to.</source>
        <translation>%1 konnte nicht geschrieben werden: %2. Wählen Sie einen Ordner, in den Sie schreiben dürfen.</translation>
    </message>
    <message>
        <source>Certificates</source>
        <translation>Zertifikate</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Läuft ab</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Subjekt</translation>
    </message>
    <message>
        <source>Issuer</source>
        <translation>Aussteller</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>SHA-256 fingerprint</source>
        <translation>SHA-256-Fingerabdruck</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Importieren…</translation>
    </message>
    <message>
        <source>Export Certificate…</source>
        <translation>Zertifikat exportieren…</translation>
    </message>
    <message>
        <source>Saves the certificate and its chain as PEM. The private key never leaves the keychain.</source>
        <translation>Speichert das Zertifikat und seine Kette als PEM. Der private Schlüssel verlässt nie den Schlüsselbund.</translation>
    </message>
    <message>
        <source>Replace…</source>
        <translation>Ersetzen…</translation>
    </message>
    <message>
        <source>Import a renewed certificate for the profiles that use this one. This one is kept until the new one has connected once.</source>
        <translation>Ein erneuertes Zertifikat für die Profile importieren, die dieses verwenden. Dieses bleibt erhalten, bis sich das neue einmal verbunden hat.</translation>
    </message>
    <message>
        <source>Cancel Replacement</source>
        <translation>Ersetzen abbrechen</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Löschen…</translation>
    </message>
    <message>
        <source>%1 (being replaced)</source>
        <translation>%1 (wird ersetzt)</translation>
    </message>
    <message>
        <source>No certificates yet. Click Import… or drop the files of a device certificate onto the import window.</source>
        <translation>Noch keine Zertifikate. Klicken Sie auf Importieren… oder legen Sie die Dateien eines Gerätezertifikats im Importfenster ab.</translation>
    </message>
    <message>
        <source>&lt;h3&gt;%1&lt;/h3&gt;&lt;p&gt;&lt;b&gt;Subject:&lt;/b&gt; %2&lt;br&gt;&lt;b&gt;Issuer:&lt;/b&gt; %3&lt;br&gt;&lt;b&gt;Serial:&lt;/b&gt; %4&lt;br&gt;&lt;b&gt;Valid from:&lt;/b&gt; %5&lt;br&gt;&lt;b&gt;Valid until:&lt;/b&gt; %6&lt;br&gt;&lt;b&gt;Key:&lt;/b&gt; %7&lt;br&gt;&lt;b&gt;Chain:&lt;/b&gt; %8 intermediate, %9 CA certificate(s)&lt;br&gt;&lt;b&gt;SHA-256:&lt;/b&gt; %10&lt;br&gt;&lt;b&gt;Id:&lt;/b&gt; %11&lt;/p&gt;</source>
        <translation>&lt;h3&gt;%1&lt;/h3&gt;&lt;p&gt;&lt;b&gt;Subjekt:&lt;/b&gt; %2&lt;br&gt;&lt;b&gt;Aussteller:&lt;/b&gt; %3&lt;br&gt;&lt;b&gt;Seriennummer:&lt;/b&gt; %4&lt;br&gt;&lt;b&gt;Gültig ab:&lt;/b&gt; %5&lt;br&gt;&lt;b&gt;Gültig bis:&lt;/b&gt; %6&lt;br&gt;&lt;b&gt;Schlüssel:&lt;/b&gt; %7&lt;br&gt;&lt;b&gt;Kette:&lt;/b&gt; %8 Zwischenzertifikat(e), %9 CA-Zertifikat(e)&lt;br&gt;&lt;b&gt;SHA-256:&lt;/b&gt; %10&lt;br&gt;&lt;b&gt;ID:&lt;/b&gt; %11&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Being replaced by &lt;b&gt;%1&lt;/b&gt;: the next connection uses the new certificate; this one is deleted after the new one has connected once.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Wird durch &lt;b&gt;%1&lt;/b&gt; ersetzt: Die nächste Verbindung verwendet das neue Zertifikat; dieses wird gelöscht, nachdem sich das neue einmal verbunden hat.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;The private key is in the OS keychain and cannot be exported.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Der private Schlüssel befindet sich im Schlüsselbund des Betriebssystems und kann nicht exportiert werden.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Imported &quot;%1&quot; into the OS keychain.</source>
        <translation>&quot;%1&quot; in den Schlüsselbund des Betriebssystems importiert.</translation>
    </message>
    <message>
        <source>Replace &quot;%1&quot;</source>
        <translation>&quot;%1&quot; ersetzen</translation>
    </message>
    <message>
        <source>The next connection of every profile that uses the old certificate tries the new one; the old one is deleted once the new one has connected.</source>
        <translation>Die nächste Verbindung jedes Profils, das das alte Zertifikat verwendet, versucht es mit dem neuen; das alte wird gelöscht, sobald sich das neue verbunden hat.</translation>
    </message>
    <message>
        <source>The new certificate was imported, but cannot replace the old one: %1</source>
        <translation>Das neue Zertifikat wurde importiert, kann das alte aber nicht ersetzen: %1</translation>
    </message>
    <message>
        <source>Replacement cancelled; connections use the old certificate again. The new one stays in the list until you delete it.</source>
        <translation>Ersetzen abgebrochen; Verbindungen verwenden wieder das alte Zertifikat. Das neue bleibt in der Liste, bis Sie es löschen.</translation>
    </message>
    <message>
        <source>This certificate is not being replaced.</source>
        <translation>Dieses Zertifikat wird nicht ersetzt.</translation>
    </message>
    <message>
        <source>Delete Certificate</source>
        <translation>Zertifikat löschen</translation>
    </message>
    <message>
        <source>Delete &quot;%1&quot; (%2) and its private key from the OS keychain? Profiles that use it can no longer connect until you choose another certificate.</source>
        <translation>&quot;%1&quot; (%2) und seinen privaten Schlüssel aus dem Schlüsselbund des Betriebssystems löschen? Profile, die es verwenden, können sich erst wieder verbinden, wenn Sie ein anderes Zertifikat auswählen.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Deleting from the OS keychain…</source>
        <translation>Wird aus dem Schlüsselbund des Betriebssystems gelöscht…</translation>
    </message>
    <message>
        <source>Deleted &quot;%1&quot;.</source>
        <translation>&quot;%1&quot; gelöscht.</translation>
    </message>
    <message>
        <source>Export Certificate</source>
        <translation>Zertifikat exportieren</translation>
    </message>
    <message>
        <source>PEM certificates (*.pem *.crt)</source>
        <translation>PEM-Zertifikate (*.pem *.crt)</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Wird exportiert…</translation>
    </message>
    <message>
        <source>Saved the certificate to %1 (without the private key).</source>
        <translation>Zertifikat in %1 gespeichert (ohne privaten Schlüssel).</translation>
    </message>
</context>
<context>
    <name>ChartDashboard</name>
    <message>
        <source>Window:</source>
        <translation>Zeitfenster:</translation>
    </message>
    <message>
        <source>1 min</source>
        <translation>1 min</translation>
    </message>
    <message>
        <source>10 min</source>
        <translation>10 min</translation>
    </message>
    <message>
        <source>1 h</source>
        <translation>1 h</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Alles</translation>
    </message>
    <message>
        <source>Time window of all charts while following live data</source>
        <translation>Zeitfenster aller Diagramme, während Live-Daten verfolgt werden</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Freeze the charts; uncheck to follow live data again</source>
        <translation>Diagramme einfrieren; deaktivieren, um wieder Live-Daten zu verfolgen</translation>
    </message>
    <message>
        <source>Add Chart</source>
        <translation>Diagramm hinzufügen</translation>
    </message>
    <message>
        <source>Show the messages that could not be read cleanly, per topic</source>
        <translation>Nachrichten, die nicht fehlerfrei gelesen werden konnten, pro Topic anzeigen</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Topic</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Anzahl</translation>
    </message>
    <message>
        <source>First example</source>
        <translation>Erstes Beispiel</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>%1 gespeichert.</translation>
    </message>
    <message>
        <source>The saved chart dashboard could not be restored: %1</source>
        <translation>Das gespeicherte Diagramm-Dashboard konnte nicht wiederhergestellt werden: %1</translation>
    </message>
    <message>
        <source>No problems</source>
        <translation>Keine Probleme</translation>
    </message>
    <message>
        <source>1 problem</source>
        <translation>1 Problem</translation>
    </message>
    <message>
        <source>%1 problems</source>
        <translation>%1 Probleme</translation>
    </message>
    <message>
        <source>Measurement Rules…</source>
        <translation>Messwertregeln…</translation>
    </message>
    <message>
        <source>Read JSON payloads outside the measurement schema with JSON pointers per topic filter</source>
        <translation>JSON-Payloads außerhalb des Messwertschemas mit JSON-Pointern pro Topic-Filter lesen</translation>
    </message>
    <message>
        <source>Measurement rules applied to new messages.</source>
        <translation>Messwertregeln werden auf neue Nachrichten angewendet.</translation>
    </message>
</context>
<context>
    <name>ChartPanel</name>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Drag on the chart to zoom in time, right click to zoom out, middle button or Ctrl+drag to pan, wheel to scroll, Ctrl+wheel to zoom.</source>
        <translation>Ziehen Sie im Diagramm, um zeitlich zu zoomen, Rechtsklick zum Herauszoomen, mittlere Maustaste oder Strg+Ziehen zum Verschieben, Mausrad zum Blättern, Strg+Mausrad zum Zoomen.</translation>
    </message>
    <message>
        <source>PNG…</source>
        <translation>PNG…</translation>
    </message>
    <message>
        <source>Save this chart as a PNG image</source>
        <translation>Dieses Diagramm als PNG-Bild speichern</translation>
    </message>
    <message>
        <source>CSV…</source>
        <translation>CSV…</translation>
    </message>
    <message>
        <source>Save the visible data of this chart as CSV</source>
        <translation>Die sichtbaren Daten dieses Diagramms als CSV speichern</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Remove this chart from the dashboard</source>
        <translation>Dieses Diagramm aus dem Dashboard entfernen</translation>
    </message>
    <message>
        <source>Series</source>
        <translation>Reihe</translation>
    </message>
    <message>
        <source>Last value</source>
        <translation>Letzter Wert</translation>
    </message>
    <message>
        <source>Good / uncertain / bad</source>
        <translation>Gut / unsicher / schlecht</translation>
    </message>
    <message>
        <source>Low limit</source>
        <translation>Untergrenze</translation>
    </message>
    <message>
        <source>High limit</source>
        <translation>Obergrenze</translation>
    </message>
    <message>
        <source>Violations</source>
        <translation>Verletzungen</translation>
    </message>
    <message>
        <source>Double-click to set a low limit; clear it to remove the limit</source>
        <translation>Doppelklicken, um eine Untergrenze festzulegen; leeren, um die Grenze zu entfernen</translation>
    </message>
    <message>
        <source>Double-click to set a high limit; clear it to remove the limit</source>
        <translation>Doppelklicken, um eine Obergrenze festzulegen; leeren, um die Grenze zu entfernen</translation>
    </message>
    <message>
        <source>Empty chart</source>
        <translation>Leeres Diagramm</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>Live</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Angehalten</translation>
    </message>
    <message>
        <source>Drop a topic or a measurement here</source>
        <translation>Topic oder Messwert hier ablegen</translation>
    </message>
    <message>
        <source>(no unit)</source>
        <translation>(keine Einheit)</translation>
    </message>
    <message>
        <source>%1 %2 (%3)</source>
        <translation>%1 %2 (%3)</translation>
    </message>
    <message>
        <source>Device time %1, received %2</source>
        <translation>Gerätezeit %1, empfangen %2</translation>
    </message>
    <message>
        <source>no data yet</source>
        <translation>noch keine Daten</translation>
    </message>
    <message>
        <source>%1% / %2% / %3%</source>
        <translation>%1% / %2% / %3%</translation>
    </message>
    <message>
        <source>%1, %2% unknown</source>
        <translation>%1, %2% unbekannt</translation>
    </message>
    <message>
        <source>–</source>
        <translation>–</translation>
    </message>
    <message>
        <source>%1 good, %2 uncertain, %3 bad, %4 unknown samples in the window</source>
        <translation>%1 gute, %2 unsichere, %3 schlechte, %4 unbekannte Werte im Zeitfenster</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a number; the limit was not changed.</source>
        <translation>&quot;%1&quot; ist keine Zahl; die Grenze wurde nicht geändert.</translation>
    </message>
    <message>
        <source>Set Low Limit</source>
        <translation>Untergrenze festlegen</translation>
    </message>
    <message>
        <source>Set High Limit</source>
        <translation>Obergrenze festlegen</translation>
    </message>
    <message>
        <source>Clear Limits</source>
        <translation>Grenzen löschen</translation>
    </message>
    <message>
        <source>Remove Series</source>
        <translation>Reihe entfernen</translation>
    </message>
    <message>
        <source>Could not write the image %1. Check that the folder exists and is writable.</source>
        <translation>Das Bild %1 konnte nicht geschrieben werden. Prüfen Sie, ob der Ordner existiert und beschreibbar ist.</translation>
    </message>
    <message>
        <source>Save Chart as PNG</source>
        <translation>Diagramm als PNG speichern</translation>
    </message>
    <message>
        <source>Save Visible Data as CSV</source>
        <translation>Sichtbare Daten als CSV speichern</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>%1 (device clock behind when positive)</source>
        <translation>%1 (positiv: Geräteuhr geht nach)</translation>
    </message>
    <message>
        <source>%1
Value: %2 %3
Quality: %4
Device time: %5
Received: %6
Clock skew: %7</source>
        <translation>%1
Wert: %2 %3
Qualität: %4
Gerätezeit: %5
Empfangen: %6
Uhrabweichung: %7</translation>
    </message>
</context>
<context>
    <name>CliApplication</name>
    <message>
        <source>linescope-cli %1</source>
        <translation>linescope-cli %1</translation>
    </message>
    <message>
        <source>Error: no command given.</source>
        <translation>Fehler: Kein Befehl angegeben.</translation>
    </message>
    <message>
        <source>Error: unknown option &quot;%1&quot;; the command comes first.</source>
        <translation>Fehler: Unbekannte Option &quot;%1&quot;; der Befehl muss zuerst stehen.</translation>
    </message>
    <message>
        <source>Error: unknown command &quot;%1&quot;.</source>
        <translation>Fehler: Unbekannter Befehl &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Usage: linescope-cli COMMAND [options]

An MQTT console client with the flags of mosquitto_sub and mosquitto_pub.

Commands:
  sub        Subscribe and print the messages that arrive.
  pub        Publish a message.
  simulate   Publish a simulated production line.
  measurements
             Subscribe and print the measurements in the messages (CSV with --csv).
  tree       Listen for a while and print the topic tree with message counts.
  filter     Check a topic filter and which topics it matches (filter check).
  cert       Import, list, show, delete and export client certificates.
  broker     Run the embedded broker headless, manage its LAN accounts.
  shadow     Get, update or delete a device shadow; serve shadows on a broker.

Run &quot;linescope-cli COMMAND --help&quot; for the options of a command.
  --help     Show this help and exit.
  --version  Show the version and exit.
</source>
        <translation>Aufruf: linescope-cli BEFEHL [Optionen]

Ein MQTT-Konsolen-Client mit den Optionen von mosquitto_sub und mosquitto_pub.

Befehle:
  sub        Abonnieren und die eintreffenden Nachrichten ausgeben.
  pub        Eine Nachricht veröffentlichen.
  simulate   Eine simulierte Produktionslinie veröffentlichen.
  measurements
             Abonnieren und die Messwerte in den Nachrichten ausgeben (CSV mit --csv).
  tree       Eine Weile mithören und den Topic-Baum mit Nachrichtenzahlen ausgeben.
  filter     Einen Topic-Filter prüfen und anzeigen, welche Topics er erfasst (filter check).
  cert       Client-Zertifikate importieren, auflisten, anzeigen, löschen und exportieren.
  broker     Den eingebetteten Broker ohne Fenster ausführen, seine LAN-Konten verwalten.
  shadow     Einen Device-Shadow abrufen, aktualisieren oder löschen; Shadows auf einem Broker bereitstellen.

Führen Sie &quot;linescope-cli BEFEHL --help&quot; aus, um die Optionen eines Befehls zu sehen.
  --help     Diese Hilfe anzeigen und beenden.
  --version  Die Version anzeigen und beenden.
</translation>
    </message>
</context>
<context>
    <name>CliCommand</name>
    <message>
        <source>Warning: the broker connection did not close within %1 s; exiting anyway.</source>
        <translation>Warnung: Die Broker-Verbindung wurde nicht innerhalb von %1 s geschlossen; das Programm wird trotzdem beendet.</translation>
    </message>
    <message>
        <source>Print the debug log of the MQTT connection on stderr.</source>
        <translation>Das Debug-Log der MQTT-Verbindung auf stderr ausgeben.</translation>
    </message>
    <message>
        <source>Show this help and exit.</source>
        <translation>Diese Hilfe anzeigen und beenden.</translation>
    </message>
    <message>
        <source>Usage: linescope-cli %1</source>
        <translation>Aufruf: linescope-cli %1</translation>
    </message>
    <message>
        <source>Options:</source>
        <translation>Optionen:</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>Fehler: %1</translation>
    </message>
    <message>
        <source>Run &quot;linescope-cli %1 --help&quot; to see all options.</source>
        <translation>Führen Sie &quot;linescope-cli %1 --help&quot; aus, um alle Optionen zu sehen.</translation>
    </message>
    <message>
        <source>Unexpected argument &quot;%1&quot;.</source>
        <translation>Unerwartetes Argument &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Error: cannot write the output: %1</source>
        <translation>Fehler: Die Ausgabe kann nicht geschrieben werden: %1</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>Warnung: %1</translation>
    </message>
    <message>
        <source>The connection to the broker ended.</source>
        <translation>Die Verbindung zum Broker wurde beendet.</translation>
    </message>
</context>
<context>
    <name>CliConnectionOptions</name>
    <message>
        <source>Broker host name or address. Default: localhost.</source>
        <translation>Hostname oder Adresse des Brokers. Standard: localhost.</translation>
    </message>
    <message>
        <source>HOST</source>
        <translation>HOST</translation>
    </message>
    <message>
        <source>Broker port. Default: 1883, or 8883 with TLS (--cafile, --cert, --cert-id).</source>
        <translation>Port des Brokers. Standard: 1883, oder 8883 mit TLS (--cafile, --cert, --cert-id).</translation>
    </message>
    <message>
        <source>PORT</source>
        <translation>PORT</translation>
    </message>
    <message>
        <source>Client id. Default: linescope-&lt;random&gt;.</source>
        <translation>Client-ID. Standard: linescope-&lt;zufällig&gt;.</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>User name to authenticate with.</source>
        <translation>Benutzername für die Authentifizierung.</translation>
    </message>
    <message>
        <source>USER</source>
        <translation>BENUTZER</translation>
    </message>
    <message>
        <source>Password to authenticate with (needs -u).</source>
        <translation>Passwort für die Authentifizierung (benötigt -u).</translation>
    </message>
    <message>
        <source>PASSWORD</source>
        <translation>PASSWORT</translation>
    </message>
    <message>
        <source>Keep-alive interval in seconds, 0 to 65535. Default: 60.</source>
        <translation>Keep-Alive-Intervall in Sekunden, 0 bis 65535. Standard: 60.</translation>
    </message>
    <message>
        <source>SECONDS</source>
        <translation>SEKUNDEN</translation>
    </message>
    <message>
        <source>MQTT version: 311, 5, mqttv311 or mqttv5. Default: mqttv311.</source>
        <translation>MQTT-Version: 311, 5, mqttv311 oder mqttv5. Standard: mqttv311.</translation>
    </message>
    <message>
        <source>VERSION</source>
        <translation>VERSION</translation>
    </message>
    <message>
        <source>Use TLS and trust the CA certificates in this PEM file.</source>
        <translation>TLS verwenden und den CA-Zertifikaten in dieser PEM-Datei vertrauen.</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>DATEI</translation>
    </message>
    <message>
        <source>With TLS, do not check that the certificate matches the host name.</source>
        <translation>Bei TLS nicht prüfen, ob das Zertifikat zum Hostnamen passt.</translation>
    </message>
    <message>
        <source>Use TLS and authenticate with this client certificate (PEM); needs --key.</source>
        <translation>TLS verwenden und mit diesem Client-Zertifikat (PEM) authentifizieren; benötigt --key.</translation>
    </message>
    <message>
        <source>The unencrypted private key (PEM) of the --cert certificate.</source>
        <translation>Der unverschlüsselte private Schlüssel (PEM) des --cert-Zertifikats.</translation>
    </message>
    <message>
        <source>Use TLS and authenticate with this certificate from the certificate vault (id or name as &quot;linescope-cli cert list&quot; shows them).</source>
        <translation>TLS verwenden und mit diesem Zertifikat aus dem Zertifikatsspeicher authentifizieren (ID oder Name, wie &quot;linescope-cli cert list&quot; sie anzeigt).</translation>
    </message>
    <message>
        <source>--cert and --key go together: give the client certificate and its private key.</source>
        <translation>--cert und --key gehören zusammen: Geben Sie das Client-Zertifikat und seinen privaten Schlüssel an.</translation>
    </message>
    <message>
        <source>Use either --cert-id or --cert with --key, not both.</source>
        <translation>Verwenden Sie entweder --cert-id oder --cert mit --key, nicht beides.</translation>
    </message>
    <message>
        <source>Cannot read the file &quot;%1&quot; given with %2: %3.</source>
        <translation>Die mit %2 angegebene Datei &quot;%1&quot; kann nicht gelesen werden: %3.</translation>
    </message>
    <message>
        <source>The file &quot;%1&quot; given with %2 is too large for a certificate or key.</source>
        <translation>Die mit %2 angegebene Datei &quot;%1&quot; ist zu groß für ein Zertifikat oder einen Schlüssel.</translation>
    </message>
    <message>
        <source>%1 (--cert-id; the list is in %2)</source>
        <translation>%1 (--cert-id; die Liste befindet sich in %2)</translation>
    </message>
    <message>
        <source>The host given with -h is empty; give a host name or address.</source>
        <translation>Der mit -h angegebene Host ist leer; geben Sie einen Hostnamen oder eine Adresse an.</translation>
    </message>
    <message>
        <source>Cannot read the CA file &quot;%1&quot; given with --cafile.</source>
        <translation>Die mit --cafile angegebene CA-Datei &quot;%1&quot; kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>--insecure only applies to TLS connections; add --cafile FILE.</source>
        <translation>--insecure gilt nur für TLS-Verbindungen; fügen Sie --cafile DATEI hinzu.</translation>
    </message>
    <message>
        <source>Invalid port &quot;%1&quot; for -p; use a number from 1 to 65535.</source>
        <translation>Ungültiger Port &quot;%1&quot; für -p; verwenden Sie eine Zahl von 1 bis 65535.</translation>
    </message>
    <message>
        <source>The client id given with -i is empty; leave -i out to get a generated id.</source>
        <translation>Die mit -i angegebene Client-ID ist leer; lassen Sie -i weg, um eine generierte ID zu erhalten.</translation>
    </message>
    <message>
        <source>-P needs -u; a password is only sent together with a user name.</source>
        <translation>-P benötigt -u; ein Passwort wird nur zusammen mit einem Benutzernamen gesendet.</translation>
    </message>
    <message>
        <source>Invalid keep-alive &quot;%1&quot; for -k; use seconds from 0 to 65535.</source>
        <translation>Ungültiger Keep-Alive-Wert &quot;%1&quot; für -k; verwenden Sie Sekunden von 0 bis 65535.</translation>
    </message>
    <message>
        <source>Invalid MQTT version &quot;%1&quot; for -V; use 311, 5, mqttv311 or mqttv5.</source>
        <translation>Ungültige MQTT-Version &quot;%1&quot; für -V; verwenden Sie 311, 5, mqttv311 oder mqttv5.</translation>
    </message>
</context>
<context>
    <name>CliSubscribeCommand</name>
    <message>
        <source>Topic filter to subscribe to; repeat for several.</source>
        <translation>Zu abonnierender Topic-Filter; für mehrere wiederholen.</translation>
    </message>
    <message>
        <source>FILTER</source>
        <translation>FILTER</translation>
    </message>
    <message>
        <source>QoS of the subscriptions: 0, 1 or 2. Default: 0.</source>
        <translation>QoS der Abonnements: 0, 1 oder 2. Standard: 0.</translation>
    </message>
    <message>
        <source>QOS</source>
        <translation>QOS</translation>
    </message>
    <message>
        <source>Give up after this many seconds (exit code 27).</source>
        <translation>Nach so vielen Sekunden aufgeben (Exit-Code 27).</translation>
    </message>
    <message>
        <source>SECONDS</source>
        <translation>SEKUNDEN</translation>
    </message>
    <message>
        <source>No topic filter given; use -t FILTER (repeat it for several filters).</source>
        <translation>Kein Topic-Filter angegeben; verwenden Sie -t FILTER (für mehrere Filter wiederholen).</translation>
    </message>
    <message>
        <source>Invalid topic filter &quot;%1&quot; for -t: %2</source>
        <translation>Ungültiger Topic-Filter &quot;%1&quot; für -t: %2</translation>
    </message>
    <message>
        <source>Invalid QoS &quot;%1&quot; for -q; use 0, 1 or 2.</source>
        <translation>Ungültige QoS &quot;%1&quot; für -q; verwenden Sie 0, 1 oder 2.</translation>
    </message>
    <message>
        <source>Invalid message count &quot;%1&quot; for -C; use a number of 1 or more.</source>
        <translation>Ungültige Nachrichtenanzahl &quot;%1&quot; für -C; verwenden Sie eine Zahl ab 1.</translation>
    </message>
    <message>
        <source>Invalid timeout &quot;%1&quot; for -W; use seconds from 1 to %2.</source>
        <translation>Ungültiges Timeout &quot;%1&quot; für -W; verwenden Sie Sekunden von 1 bis %2.</translation>
    </message>
    <message>
        <source>Error: cannot subscribe to &quot;%1&quot;: %2</source>
        <translation>Fehler: &quot;%1&quot; kann nicht abonniert werden: %2</translation>
    </message>
    <message>
        <source>Warning: the broker denied the subscription to &quot;%1&quot;: %2</source>
        <translation>Warnung: Der Broker hat das Abonnement von &quot;%1&quot; abgelehnt: %2</translation>
    </message>
    <message>
        <source>Error: All subscription requests were denied.</source>
        <translation>Fehler: Alle Abonnementanfragen wurden abgelehnt.</translation>
    </message>
    <message>
        <source>Timed out</source>
        <translation>Zeitüberschreitung</translation>
    </message>
</context>
<context>
    <name>ClientTlsContext</name>
    <message>
        <source>no PEM certificate in it</source>
        <translation>kein PEM-Zertifikat darin enthalten</translation>
    </message>
    <message>
        <source>OpenSSL could not create a TLS context (%1).</source>
        <translation>OpenSSL konnte keinen TLS-Kontext erstellen (%1).</translation>
    </message>
    <message>
        <source>The CA certificate file %1 cannot be read (%2).</source>
        <translation>Die CA-Zertifikatsdatei %1 kann nicht gelesen werden (%2).</translation>
    </message>
    <message>
        <source>The CA certificate file %1 cannot be used (%2). It must hold the PEM certificate of the authority that signed the broker&apos;s certificate.</source>
        <translation>Die CA-Zertifikatsdatei %1 kann nicht verwendet werden (%2). Sie muss das PEM-Zertifikat der Zertifizierungsstelle enthalten, die das Zertifikat des Brokers signiert hat.</translation>
    </message>
    <message>
        <source>The CA certificates given for the broker cannot be used (%1).</source>
        <translation>Die für den Broker angegebenen CA-Zertifikate können nicht verwendet werden (%1).</translation>
    </message>
    <message>
        <source>The system&apos;s trusted certificates cannot be loaded (%1). Choose a CA certificate file in the connection profile.</source>
        <translation>Die vertrauenswürdigen Zertifikate des Systems können nicht geladen werden (%1). Wählen Sie im Verbindungsprofil eine CA-Zertifikatsdatei aus.</translation>
    </message>
    <message>
        <source>The host name &quot;%1&quot; cannot be checked against the broker&apos;s certificate.</source>
        <translation>Der Hostname &quot;%1&quot; kann nicht mit dem Zertifikat des Brokers abgeglichen werden.</translation>
    </message>
    <message>
        <source>A client certificate needs both the certificate and its private key.</source>
        <translation>Ein Client-Zertifikat benötigt sowohl das Zertifikat als auch seinen privaten Schlüssel.</translation>
    </message>
    <message>
        <source>The client certificate is not a PEM certificate (%1).</source>
        <translation>Das Client-Zertifikat ist kein PEM-Zertifikat (%1).</translation>
    </message>
    <message>
        <source>no certificate found</source>
        <translation>kein Zertifikat gefunden</translation>
    </message>
    <message>
        <source>OpenSSL cannot use the client certificate (%1).</source>
        <translation>OpenSSL kann das Client-Zertifikat nicht verwenden (%1).</translation>
    </message>
    <message>
        <source>OpenSSL cannot use an intermediate certificate of the client certificate (%1).</source>
        <translation>OpenSSL kann ein Zwischenzertifikat des Client-Zertifikats nicht verwenden (%1).</translation>
    </message>
    <message>
        <source>The private key is encrypted. Import the certificate and key into the certificate vault with the passphrase, then choose it as client certificate.</source>
        <translation>Der private Schlüssel ist verschlüsselt. Importieren Sie Zertifikat und Schlüssel mit der Passphrase in den Zertifikatsspeicher und wählen Sie es dann als Client-Zertifikat aus.</translation>
    </message>
    <message>
        <source>The private key is not a PEM private key.</source>
        <translation>Der private Schlüssel ist kein privater PEM-Schlüssel.</translation>
    </message>
    <message>
        <source>The private key does not belong to the client certificate. Choose the key file that was created together with the certificate.</source>
        <translation>Der private Schlüssel gehört nicht zum Client-Zertifikat. Wählen Sie die Schlüsseldatei, die zusammen mit dem Zertifikat erstellt wurde.</translation>
    </message>
    <message>
        <source>The ALPN protocol name &quot;%1&quot; must have 1 to 255 bytes.</source>
        <translation>Der ALPN-Protokollname &quot;%1&quot; muss 1 bis 255 Bytes lang sein.</translation>
    </message>
    <message>
        <source>OpenSSL rejected the ALPN protocols %1.</source>
        <translation>OpenSSL hat die ALPN-Protokolle %1 abgelehnt.</translation>
    </message>
</context>
<context>
    <name>ClockSkewEstimator</name>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
</context>
<context>
    <name>ConnectionDialog</name>
    <message>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Verbinden</translation>
    </message>
    <message>
        <source>Saved profile &quot;%1&quot;.</source>
        <translation>Profil &quot;%1&quot; gespeichert.</translation>
    </message>
    <message>
        <source>Profile deleted.</source>
        <translation>Profil gelöscht.</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Saved profiles</source>
        <translation>Gespeicherte Profile</translation>
    </message>
    <message>
        <source>e.g. Chicago line 3 gateway (default: host:port)</source>
        <translation>z. B. Gateway Linie 3 Chicago (Standard: Host:Port)</translation>
    </message>
    <message>
        <source>broker.example.com or 192.168.0.10</source>
        <translation>broker.example.com oder 192.168.0.10</translation>
    </message>
    <message>
        <source>MQTT 5</source>
        <translation>MQTT 5</translation>
    </message>
    <message>
        <source>MQTT 3.1.1</source>
        <translation>MQTT 3.1.1</translation>
    </message>
    <message>
        <source>generated</source>
        <translation>generiert</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>Broker</source>
        <translation>Broker</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <source>Client ID</source>
        <translation>Client-ID</translation>
    </message>
    <message>
        <source>Saved in the operating system&apos;s keychain, never in a file.</source>
        <translation>Wird im Schlüsselbund des Betriebssystems gespeichert, nie in einer Datei.</translation>
    </message>
    <message>
        <source>Authentication</source>
        <translation>Authentifizierung</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <source>ends with the connection</source>
        <translation>endet mit der Verbindung</translation>
    </message>
    <message>
        <source>Session expiry</source>
        <translation>Sitzungsablauf</translation>
    </message>
    <message>
        <source>Reconnect automatically</source>
        <translation>Automatisch neu verbinden</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Sitzung</translation>
    </message>
    <message>
        <source>Keep-alive</source>
        <translation>Keep-Alive</translation>
    </message>
    <message>
        <source>Last will</source>
        <translation>Last Will</translation>
    </message>
    <message>
        <source>The broker publishes this message if LineScope disconnects without saying goodbye.</source>
        <translation>Der Broker veröffentlicht diese Nachricht, wenn LineScope die Verbindung ohne Abmeldung trennt.</translation>
    </message>
    <message>
        <source>QoS %1</source>
        <translation>QoS %1</translation>
    </message>
    <message>
        <source>Retain</source>
        <translation>Retain</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Topic</translation>
    </message>
    <message>
        <source>Payload</source>
        <translation>Payload</translation>
    </message>
    <message>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <source>system trust store</source>
        <translation>System-Zertifikatsspeicher</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Verify the broker&apos;s host name</source>
        <translation>Hostnamen des Brokers überprüfen</translation>
    </message>
    <message>
        <source>Turn off only for test brokers whose certificate does not name their address.</source>
        <translation>Nur für Test-Broker ausschalten, deren Zertifikat ihre Adresse nicht enthält.</translation>
    </message>
    <message>
        <source>CA certificate</source>
        <translation>CA-Zertifikat</translation>
    </message>
    <message>
        <source>reading from the keychain…</source>
        <translation>wird aus dem Schlüsselbund gelesen…</translation>
    </message>
    <message>
        <source>%1:%2</source>
        <translation>%1:%2</translation>
    </message>
    <message>
        <source>The port must be a whole number between 1 and 65535.</source>
        <translation>Der Port muss eine ganze Zahl zwischen 1 und 65535 sein.</translation>
    </message>
    <message>
        <source>Last will topic: %1</source>
        <translation>Last-Will-Topic: %1</translation>
    </message>
    <message>
        <source>Clean start (discard any previous session)</source>
        <translation>Clean Start (vorherige Sitzung verwerfen)</translation>
    </message>
    <message>
        <source>Clean session (discard any previous session)</source>
        <translation>Clean Session (vorherige Sitzung verwerfen)</translation>
    </message>
    <message>
        <source>Session expiry exists only in MQTT 5.</source>
        <translation>Sitzungsablauf gibt es nur in MQTT 5.</translation>
    </message>
    <message>
        <source>The profile &quot;%1&quot; no longer exists.</source>
        <translation>Das Profil &quot;%1&quot; existiert nicht mehr.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Wird gespeichert…</translation>
    </message>
    <message>
        <source>Saving; storing the password in the keychain…</source>
        <translation>Wird gespeichert; Passwort wird im Schlüsselbund abgelegt…</translation>
    </message>
    <message>
        <source>Delete Profile</source>
        <translation>Profil löschen</translation>
    </message>
    <message>
        <source>Delete the profile &quot;%1&quot; and its stored password?</source>
        <translation>Das Profil &quot;%1&quot; und sein gespeichertes Passwort löschen?</translation>
    </message>
    <message>
        <source>CA Certificate</source>
        <translation>CA-Zertifikat</translation>
    </message>
    <message>
        <source>PEM certificates (*.pem *.crt *.cer)</source>
        <translation>PEM-Zertifikate (*.pem *.crt *.cer)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
    <message>
        <source>none; e.g. %1 for AWS IoT on port 443</source>
        <translation>keine; z. B. %1 für AWS IoT auf Port 443</translation>
    </message>
    <message>
        <source>Application protocols offered in the TLS handshake, separated by commas.</source>
        <translation>Im TLS-Handshake angebotene Anwendungsprotokolle, durch Kommas getrennt.</translation>
    </message>
    <message>
        <source>AWS IoT Core…</source>
        <translation>AWS IoT Core…</translation>
    </message>
    <message>
        <source>Fills in endpoint, port, ALPN and client id for AWS IoT Core.</source>
        <translation>Füllt Endpunkt, Port, ALPN und Client-ID für AWS IoT Core aus.</translation>
    </message>
    <message>
        <source>Client certificate</source>
        <translation>Client-Zertifikat</translation>
    </message>
    <message>
        <source>ALPN</source>
        <translation>ALPN</translation>
    </message>
    <message>
        <source>%1 (certificate: %2)</source>
        <extracomment>%1 profile name, %2 e.g. &quot;12 days left&quot; for its client certificate</extracomment>
        <translation>%1 (Zertifikat: %2)</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>fehlt</translation>
    </message>
    <message>
        <source>%1:%2
Client certificate %3: %4</source>
        <extracomment>%1 host:port, %2 certificate name, %3 e.g. &quot;expires in 12 days (2026-12-08)&quot;</extracomment>
        <translation>%1:%2
Client-Zertifikat %3: %4</translation>
    </message>
    <message>
        <source>%1:%2
The client certificate %3 is no longer in the vault.</source>
        <translation>%1:%2
Das Client-Zertifikat %3 ist nicht mehr im Zertifikatsspeicher.</translation>
    </message>
    <message>
        <source>A certificate from the OS keychain (Certificates…); the private key never touches the disk.</source>
        <translation>Ein Zertifikat aus dem Schlüsselbund des Betriebssystems (Zertifikate…); der private Schlüssel wird nie auf den Datenträger geschrieben.</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Importieren…</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keines</translation>
    </message>
    <message>
        <source>%1 (not in the certificate vault)</source>
        <translation>%1 (nicht im Zertifikatsspeicher)</translation>
    </message>
    <message>
        <source>This certificate is no longer in the vault. Choose another one or import it again.</source>
        <translation>Dieses Zertifikat ist nicht mehr im Zertifikatsspeicher. Wählen Sie ein anderes aus oder importieren Sie es erneut.</translation>
    </message>
    <message>
        <source>Certificate %1 from the vault.</source>
        <translation>Zertifikat %1 aus dem Zertifikatsspeicher.</translation>
    </message>
    <message>
        <source>%1: %2. The broker will refuse it; import a renewed certificate.</source>
        <translation>%1: %2. Der Broker wird es ablehnen; importieren Sie ein erneuertes Zertifikat.</translation>
    </message>
    <message>
        <source>%1: %2. The broker will refuse it until then.</source>
        <translation>%1: %2. Bis dahin wird der Broker es ablehnen.</translation>
    </message>
    <message>
        <source>%1: %2. Ask for a renewed certificate and replace it on the Certificates page.</source>
        <translation>%1: %2. Fordern Sie ein erneuertes Zertifikat an und ersetzen Sie es auf der Seite Zertifikate.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>the CA certificates imported with %1</source>
        <translation>die mit %1 importierten CA-Zertifikate</translation>
    </message>
    <message>
        <source>AWS IoT %1</source>
        <translation>AWS IoT %1</translation>
    </message>
    <message>
        <source>AWS IoT Core settings filled in. Choose the thing&apos;s client certificate before connecting.</source>
        <translation>AWS-IoT-Core-Einstellungen ausgefüllt. Wählen Sie vor dem Verbinden das Client-Zertifikat des Things aus.</translation>
    </message>
    <message>
        <source>AWS IoT Core settings filled in.</source>
        <translation>AWS-IoT-Core-Einstellungen ausgefüllt.</translation>
    </message>
</context>
<context>
    <name>ConnectionSettings</name>
    <message>
        <source>Host: enter the broker&apos;s host name or IP address.</source>
        <translation>Host: Geben Sie den Hostnamen oder die IP-Adresse des Brokers ein.</translation>
    </message>
    <message>
        <source>Host: &quot;%1&quot; is not a host name. Enter only the host name or IP address, for example broker.example.com, without spaces or a URL scheme.</source>
        <translation>Host: &quot;%1&quot; ist kein Hostname. Geben Sie nur den Hostnamen oder die IP-Adresse ein, zum Beispiel broker.example.com, ohne Leerzeichen oder URL-Schema.</translation>
    </message>
    <message>
        <source>Port: %1 is not a valid port. Use a port between 1 and 65535 (usually 1883 for MQTT and 8883 for MQTT over TLS).</source>
        <translation>Port: %1 ist kein gültiger Port. Verwenden Sie einen Port zwischen 1 und 65535 (üblicherweise 1883 für MQTT und 8883 für MQTT über TLS).</translation>
    </message>
    <message>
        <source>Keep-alive: %1 seconds is not allowed. Use 0 to turn keep-alive off, or a value between 5 and 65535 seconds.</source>
        <translation>Keep-Alive: %1 Sekunden sind nicht zulässig. Verwenden Sie 0, um Keep-Alive auszuschalten, oder einen Wert zwischen 5 und 65535 Sekunden.</translation>
    </message>
    <message>
        <source>Client id: at most %1 bytes are allowed; brokers commonly accept up to 23 letters and digits.</source>
        <translation>Client-ID: Höchstens %1 Bytes sind zulässig; Broker akzeptieren üblicherweise bis zu 23 Buchstaben und Ziffern.</translation>
    </message>
    <message>
        <source>Client id: a persistent session (clean session off) needs a fixed client id, because the broker finds the session by it. Enter a client id or turn clean session on.</source>
        <translation>Client-ID: Eine persistente Sitzung (Clean Session aus) benötigt eine feste Client-ID, da der Broker die Sitzung anhand dieser findet. Geben Sie eine Client-ID ein oder schalten Sie Clean Session ein.</translation>
    </message>
    <message>
        <source>User name: at most %1 bytes are allowed.</source>
        <translation>Benutzername: Höchstens %1 Bytes sind zulässig.</translation>
    </message>
    <message>
        <source>Password: at most %1 bytes are allowed.</source>
        <translation>Passwort: Höchstens %1 Bytes sind zulässig.</translation>
    </message>
    <message>
        <source>Password: MQTT 3.1.1 does not allow a password without a user name. Enter a user name or clear the password.</source>
        <translation>Passwort: MQTT 3.1.1 erlaubt kein Passwort ohne Benutzernamen. Geben Sie einen Benutzernamen ein oder leeren Sie das Passwort.</translation>
    </message>
    <message>
        <source>Session expiry: MQTT 3.1.1 has no session expiry interval. Set it to 0, or switch the protocol to MQTT 5.</source>
        <translation>Sitzungsablauf: MQTT 3.1.1 kennt kein Sitzungsablaufintervall. Setzen Sie es auf 0 oder stellen Sie das Protokoll auf MQTT 5 um.</translation>
    </message>
    <message>
        <source>Will topic: %1</source>
        <translation>Will-Topic: %1</translation>
    </message>
    <message>
        <source>Will QoS: %1 is not a QoS level. Use 0, 1 or 2.</source>
        <translation>Will-QoS: %1 ist keine QoS-Stufe. Verwenden Sie 0, 1 oder 2.</translation>
    </message>
    <message>
        <source>Will payload: %1 bytes is too large. A will payload may have at most %2 bytes.</source>
        <translation>Will-Payload: %1 Bytes sind zu groß. Eine Will-Payload darf höchstens %2 Bytes haben.</translation>
    </message>
    <message>
        <source>TLS server name: a server name (%1) different from the host (%2) is not supported. Leave it empty; LineScope checks the broker&apos;s certificate against the host name.</source>
        <translation>TLS-Servername: Ein vom Host (%2) abweichender Servername (%1) wird nicht unterstützt. Lassen Sie das Feld leer; LineScope prüft das Zertifikat des Brokers anhand des Hostnamens.</translation>
    </message>
    <message>
        <source>Client certificate: a client certificate is only used with TLS. Turn TLS on, or remove the client certificate.</source>
        <translation>Client-Zertifikat: Ein Client-Zertifikat wird nur mit TLS verwendet. Schalten Sie TLS ein oder entfernen Sie das Client-Zertifikat.</translation>
    </message>
    <message>
        <source>Client certificate: both the certificate and its private key are needed; only the %1 is given.</source>
        <translation>Client-Zertifikat: Sowohl das Zertifikat als auch sein privater Schlüssel werden benötigt; angegeben ist nur: %1.</translation>
    </message>
    <message>
        <source>certificate</source>
        <translation>Zertifikat</translation>
    </message>
    <message>
        <source>private key</source>
        <translation>privater Schlüssel</translation>
    </message>
    <message>
        <source>ALPN protocol: &quot;%1&quot; must have 1 to 255 bytes.</source>
        <translation>ALPN-Protokoll: &quot;%1&quot; muss 1 bis 255 Bytes lang sein.</translation>
    </message>
    <message>
        <source>Reconnect delay: the shortest delay must be at least %1 ms; it is %2 ms.</source>
        <translation>Wiederverbindungsverzögerung: Die kürzeste Verzögerung muss mindestens %1 ms betragen; sie beträgt %2 ms.</translation>
    </message>
    <message>
        <source>Reconnect delay: the longest delay (%1 ms) must not be shorter than the shortest delay (%2 ms).</source>
        <translation>Wiederverbindungsverzögerung: Die längste Verzögerung (%1 ms) darf nicht kürzer sein als die kürzeste Verzögerung (%2 ms).</translation>
    </message>
</context>
<context>
    <name>ConnectionView</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Verbinden</translation>
    </message>
    <message>
        <source>Connect to %1:%2</source>
        <translation>Mit %1:%2 verbinden</translation>
    </message>
    <message>
        <source>Disconnect</source>
        <translation>Trennen</translation>
    </message>
    <message>
        <source>Clear Topics</source>
        <translation>Topics leeren</translation>
    </message>
    <message>
        <source>Forget all received topics and messages of this connection (the broker is not changed)</source>
        <translation>Alle empfangenen Topics und Nachrichten dieser Verbindung vergessen (der Broker wird nicht verändert)</translation>
    </message>
    <message>
        <source>Sort by Name</source>
        <translation>Nach Name sortieren</translation>
    </message>
    <message>
        <source>Sort topics naturally by name (press-2 before press-10) instead of arrival order</source>
        <translation>Topics natürlich nach Name sortieren (press-2 vor press-10) statt nach Eingangsreihenfolge</translation>
    </message>
    <message>
        <source>Device Shadow…</source>
        <translation>Device Shadow…</translation>
    </message>
    <message>
        <source>Open the device shadow editor for this connection</source>
        <translation>Den Device-Shadow-Editor für diese Verbindung öffnen</translation>
    </message>
    <message>
        <source>Filter topics: text, or an MQTT filter such as +/+/+/line-3/#</source>
        <translation>Topics filtern: Text oder ein MQTT-Filter wie +/+/+/line-3/#</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Nachricht</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>Diagramme</translation>
    </message>
    <message>
        <source>Publish</source>
        <translation>Veröffentlichen</translation>
    </message>
    <message>
        <source>Publish History</source>
        <translation>Veröffentlichungsverlauf</translation>
    </message>
    <message>
        <source>Subscriptions</source>
        <translation>Abonnements</translation>
    </message>
    <message>
        <source>Publish History (%1)</source>
        <translation>Veröffentlichungsverlauf (%1)</translation>
    </message>
    <message>
        <source>%1:%2</source>
        <translation>%1:%2</translation>
    </message>
    <message>
        <source>Unsubscribed from %1.</source>
        <translation>Abonnement von %1 beendet.</translation>
    </message>
    <message>
        <source>Clear Retained Message</source>
        <translation>Retained-Nachricht löschen</translation>
    </message>
    <message>
        <source>Clear the retained message on &quot;%1&quot;?</source>
        <translation>Die Retained-Nachricht auf &quot;%1&quot; löschen?</translation>
    </message>
    <message>
        <source>LineScope publishes an empty retained message to this topic. The broker then deletes its retained message, and new subscribers no longer receive it.</source>
        <translation>LineScope veröffentlicht eine leere Retained-Nachricht auf diesem Topic. Der Broker löscht daraufhin seine Retained-Nachricht, und neue Abonnenten erhalten sie nicht mehr.</translation>
    </message>
    <message>
        <source>Disconnected</source>
        <translation>Getrennt</translation>
    </message>
    <message>
        <source>Connection lost: %1</source>
        <translation>Verbindung verloren: %1</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Connecting to %1:%2…</source>
        <translation>Verbindung zu %1:%2 wird hergestellt…</translation>
    </message>
    <message>
        <source>Connected to %1:%2 as %3</source>
        <translation>Verbunden mit %1:%2 als %3</translation>
    </message>
    <message>
        <source>Connection lost: %1. Retrying in %2 s</source>
        <translation>Verbindung verloren: %1. Neuer Versuch in %2 s</translation>
    </message>
    <message>
        <source>%1: connected.</source>
        <translation>%1: verbunden.</translation>
    </message>
    <message>
        <source>All subscription requests were denied.</source>
        <translation>Alle Abonnementanfragen wurden abgelehnt.</translation>
    </message>
    <message>
        <source>The broker refused %1 of %2 subscriptions; see the subscription list.</source>
        <translation>Der Broker hat %1 von %2 Abonnements abgelehnt; siehe Abonnementliste.</translation>
    </message>
    <message>
        <source>Subscribed to %1 (QoS %2).</source>
        <translation>%1 abonniert (QoS %2).</translation>
    </message>
    <message>
        <source>Not connected to the broker. Connect first, then publish.</source>
        <translation>Nicht mit dem Broker verbunden. Verbinden Sie sich zuerst und veröffentlichen Sie dann.</translation>
    </message>
    <message>
        <source>Not published: %1</source>
        <translation>Nicht veröffentlicht: %1</translation>
    </message>
    <message>
        <source>Publishing to %1 failed: %2</source>
        <translation>Veröffentlichen auf %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>gesendet</translation>
    </message>
    <message>
        <source>acknowledged by the broker</source>
        <translation>vom Broker bestätigt</translation>
    </message>
    <message>
        <source>Cleared the retained message on %1.</source>
        <translation>Retained-Nachricht auf %1 gelöscht.</translation>
    </message>
    <message>
        <source>Published %1 to %2 (QoS %3, %4).</source>
        <translation>%1 auf %2 veröffentlicht (QoS %3, %4).</translation>
    </message>
    <message>
        <source>%1 topics, %2 messages</source>
        <translation>%1 Topics, %2 Nachrichten</translation>
    </message>
    <message>
        <source>%1 (%2 received, not shown yet)</source>
        <translation>%1 (%2 empfangen, noch nicht angezeigt)</translation>
    </message>
    <message>
        <source>dropped %1 messages</source>
        <translation>%1 Nachrichten verworfen</translation>
    </message>
</context>
<context>
    <name>DashboardLayout</name>
    <message>
        <source>The dashboard has no valid time window.</source>
        <translation>Das Dashboard hat kein gültiges Zeitfenster.</translation>
    </message>
    <message>
        <source>The dashboard has no list of charts.</source>
        <translation>Das Dashboard hat keine Liste von Diagrammen.</translation>
    </message>
    <message>
        <source>A chart of the dashboard is not a JSON object.</source>
        <translation>Ein Diagramm des Dashboards ist kein JSON-Objekt.</translation>
    </message>
    <message>
        <source>A series of chart &quot;%1&quot; names no measurement.</source>
        <translation>Eine Reihe des Diagramms &quot;%1&quot; nennt keinen Messwert.</translation>
    </message>
    <message>
        <source>The saved dashboard is not valid JSON: %1</source>
        <translation>Das gespeicherte Dashboard ist kein gültiges JSON: %1</translation>
    </message>
    <message>
        <source>The dashboard&apos;s measurement rules are not a list.</source>
        <translation>Die Messwertregeln des Dashboards sind keine Liste.</translation>
    </message>
</context>
<context>
    <name>EmbeddedBroker</name>
    <message>
        <source>The shadow service could not start: %1</source>
        <translation>Der Shadow-Dienst konnte nicht gestartet werden: %1</translation>
    </message>
    <message>
        <source>Shadow service running, shadows stored in %1.</source>
        <translation>Shadow-Dienst läuft, Shadows werden in %1 gespeichert.</translation>
    </message>
    <message>
        <source>Shadow service: %1</source>
        <translation>Shadow-Dienst: %1</translation>
    </message>
    <message>
        <source>Account management connection: %1</source>
        <translation>Verbindung für die Kontoverwaltung: %1</translation>
    </message>
    <message>
        <source>Uplink: cloud %1.</source>
        <translation>Uplink: Cloud %1.</translation>
    </message>
    <message>
        <source>Uplink ALARM: %1</source>
        <translation>Uplink-ALARM: %1</translation>
    </message>
    <message>
        <source>Uplink alarm cleared.</source>
        <translation>Uplink-Alarm aufgehoben.</translation>
    </message>
    <message>
        <source>Uplink: %1</source>
        <translation>Uplink: %1</translation>
    </message>
    <message>
        <source>Uplink not started: %1</source>
        <translation>Uplink nicht gestartet: %1</translation>
    </message>
    <message>
        <source>Uplink to %1:%2 started, queue in %3.</source>
        <translation>Uplink zu %1:%2 gestartet, Warteschlange in %3.</translation>
    </message>
    <message>
        <source>The saved LAN listener settings are not used: %1</source>
        <translation>Die gespeicherten LAN-Listener-Einstellungen werden nicht verwendet: %1</translation>
    </message>
</context>
<context>
    <name>FilterCommand</name>
    <message>
        <source>filter check FILTER [TOPIC ...]</source>
        <translation>filter check FILTER [TOPIC ...]</translation>
    </message>
    <message>
        <source>Check a topic filter the way the subscription editor does, and show which of the
given topics it matches (MQTT 3.1.1 / 5 rules, including $share and $-topics).</source>
        <translation>Einen Topic-Filter so prüfen, wie es der Abonnement-Editor tut, und anzeigen, welche der
angegebenen Topics er erfasst (Regeln von MQTT 3.1.1 / 5, einschließlich $share und $-Topics).</translation>
    </message>
    <message>
        <source>Output: one line per topic, &quot;match&quot;, &quot;no match&quot; or &quot;invalid&quot; followed by the topic.
Put &quot;--&quot; before a filter or topic that starts with &apos;-&apos;.
Exit status: 0 when the filter is valid (whatever matched), 1 when it is invalid
(the reason and its position are printed on stderr) or the arguments are wrong.</source>
        <translation>Ausgabe: eine Zeile pro Topic, &quot;match&quot;, &quot;no match&quot; oder &quot;invalid&quot;, gefolgt vom Topic.
Setzen Sie &quot;--&quot; vor einen Filter oder ein Topic, das mit &apos;-&apos; beginnt.
Exit-Status: 0, wenn der Filter gültig ist (unabhängig von Treffern), 1, wenn er ungültig ist
(Grund und Position werden auf stderr ausgegeben) oder die Argumente falsch sind.</translation>
    </message>
    <message>
        <source>No action given; use &quot;filter check FILTER [TOPIC ...]&quot;.</source>
        <translation>Keine Aktion angegeben; verwenden Sie &quot;filter check FILTER [TOPIC ...]&quot;.</translation>
    </message>
    <message>
        <source>Unknown action &quot;%1&quot;; the only action is &quot;check&quot;.</source>
        <translation>Unbekannte Aktion &quot;%1&quot;; die einzige Aktion ist &quot;check&quot;.</translation>
    </message>
    <message>
        <source>No topic filter given; use &quot;filter check FILTER [TOPIC ...]&quot;.</source>
        <translation>Kein Topic-Filter angegeben; verwenden Sie &quot;filter check FILTER [TOPIC ...]&quot;.</translation>
    </message>
    <message>
        <source>match</source>
        <extracomment>Verdict of `filter check`; the topic follows on the same line</extracomment>
        <translation>match</translation>
    </message>
    <message>
        <source>no match</source>
        <extracomment>Verdict of `filter check`; the topic follows on the same line</extracomment>
        <translation>no match</translation>
    </message>
    <message>
        <source>invalid</source>
        <extracomment>Verdict of `filter check` for a topic that is not a valid topic name</extracomment>
        <translation>invalid</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>Fehler: %1</translation>
    </message>
    <message>
        <source>The topic filter &quot;%1&quot; is valid.</source>
        <translation>Der Topic-Filter &quot;%1&quot; ist gültig.</translation>
    </message>
    <message>
        <source>Warning: &quot;%1&quot; is not a valid topic name: %2</source>
        <translation>Warnung: &quot;%1&quot; ist kein gültiger Topic-Name: %2</translation>
    </message>
</context>
<context>
    <name>FilterPreview</name>
    <message>
        <source>Type a filter to see which of the %1 known topics it matches.</source>
        <translation>Geben Sie einen Filter ein, um zu sehen, welche der %1 bekannten Topics er erfasst.</translation>
    </message>
    <message>
        <source>No preview: the filter is not valid.</source>
        <translation>Keine Vorschau: Der Filter ist ungültig.</translation>
    </message>
    <message>
        <source>Matches none of the %1 topics received so far.</source>
        <translation>Erfasst keines der %1 bisher empfangenen Topics.</translation>
    </message>
    <message>
        <source>Matches %1 of the %2 topics received so far (first %3 listed).</source>
        <translation>Erfasst %1 der %2 bisher empfangenen Topics (die ersten %3 sind aufgeführt).</translation>
    </message>
    <message>
        <source>Matches %1 of the %2 topics received so far.</source>
        <translation>Erfasst %1 der %2 bisher empfangenen Topics.</translation>
    </message>
</context>
<context>
    <name>HexDecoder</name>
    <message>
        <source>Hex dump</source>
        <translation>Hex-Dump</translation>
    </message>
    <message>
        <source>(first %1 of %2 bytes shown)</source>
        <translation>(erste %1 von %2 Bytes angezeigt)</translation>
    </message>
</context>
<context>
    <name>HexView</name>
    <message>
        <source>No payload bytes</source>
        <translation>Keine Payload-Bytes</translation>
    </message>
    <message>
        <source>Copy All as &amp;Hex</source>
        <translation>Alles als &amp;Hex kopieren</translation>
    </message>
</context>
<context>
    <name>InputReader</name>
    <message>
        <source>Reading the input failed: %1</source>
        <translation>Lesen der Eingabe fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>The input is not open for reading: %1</source>
        <translation>Die Eingabe ist nicht zum Lesen geöffnet: %1</translation>
    </message>
    <message>
        <source>The input was already consumed.</source>
        <translation>Die Eingabe wurde bereits verarbeitet.</translation>
    </message>
</context>
<context>
    <name>JsonDecoder</name>
    <message>
        <source>unterminated object</source>
        <translation>nicht abgeschlossenes Objekt</translation>
    </message>
    <message>
        <source>missing &apos;:&apos; after an object key</source>
        <translation>fehlendes &apos;:&apos; nach einem Objektschlüssel</translation>
    </message>
    <message>
        <source>unterminated array</source>
        <translation>nicht abgeschlossenes Array</translation>
    </message>
    <message>
        <source>missing &apos;,&apos; between values</source>
        <translation>fehlendes &apos;,&apos; zwischen Werten</translation>
    </message>
    <message>
        <source>illegal value</source>
        <translation>unzulässiger Wert</translation>
    </message>
    <message>
        <source>input ends inside a number</source>
        <translation>Eingabe endet innerhalb einer Zahl</translation>
    </message>
    <message>
        <source>invalid number</source>
        <translation>ungültige Zahl</translation>
    </message>
    <message>
        <source>invalid escape sequence</source>
        <translation>ungültige Escape-Sequenz</translation>
    </message>
    <message>
        <source>invalid UTF-8 in a string</source>
        <translation>ungültiges UTF-8 in einem String</translation>
    </message>
    <message>
        <source>unterminated string</source>
        <translation>nicht abgeschlossener String</translation>
    </message>
    <message>
        <source>a value is missing after &apos;,&apos;</source>
        <translation>nach &apos;,&apos; fehlt ein Wert</translation>
    </message>
    <message>
        <source>nesting too deep for the JSON parser</source>
        <translation>Verschachtelung zu tief für den JSON-Parser</translation>
    </message>
    <message>
        <source>document too large for the JSON parser</source>
        <translation>Dokument zu groß für den JSON-Parser</translation>
    </message>
    <message>
        <source>unexpected data after the end of the document</source>
        <translation>unerwartete Daten nach dem Ende des Dokuments</translation>
    </message>
    <message>
        <source>unknown JSON error %1</source>
        <translation>unbekannter JSON-Fehler %1</translation>
    </message>
    <message>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <source>empty payload</source>
        <translation>leere Payload</translation>
    </message>
    <message>
        <source>no value, only whitespace</source>
        <translation>kein Wert, nur Leerraum</translation>
    </message>
    <message>
        <source>nesting deeper than %1 levels</source>
        <translation>Verschachtelung tiefer als %1 Ebenen</translation>
    </message>
</context>
<context>
    <name>JsonPointer</name>
    <message>
        <source>The JSON pointer &quot;%1&quot; must be empty or start with &quot;/&quot;.</source>
        <translation>Der JSON-Pointer &quot;%1&quot; muss leer sein oder mit &quot;/&quot; beginnen.</translation>
    </message>
    <message>
        <source>The JSON pointer &quot;%1&quot; has a &quot;~&quot; at position %2 that is not followed by 0 or 1 (write &quot;~0&quot; for &quot;~&quot; and &quot;~1&quot; for &quot;/&quot;).</source>
        <translation>Der JSON-Pointer &quot;%1&quot; enthält an Position %2 ein &quot;~&quot;, auf das weder 0 noch 1 folgt (schreiben Sie &quot;~0&quot; für &quot;~&quot; und &quot;~1&quot; für &quot;/&quot;).</translation>
    </message>
</context>
<context>
    <name>JsonSettingsFile</name>
    <message>
        <source>The settings file %1 cannot be read: %2.</source>
        <translation>Die Einstellungsdatei %1 kann nicht gelesen werden: %2.</translation>
    </message>
    <message>
        <source>the top level is not an object</source>
        <translation>die oberste Ebene ist kein Objekt</translation>
    </message>
    <message>
        <source>The settings file %1 is not a JSON object: %2. Fix or delete the file.</source>
        <translation>Die Einstellungsdatei %1 ist kein JSON-Objekt: %2. Korrigieren oder löschen Sie die Datei.</translation>
    </message>
    <message>
        <source>The settings file %1 cannot be written: %2.</source>
        <translation>Die Einstellungsdatei %1 kann nicht geschrieben werden: %2.</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; must be %3.</source>
        <translation>%1: „%2“ muss %3 sein.</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>true oder false</translation>
    </message>
    <message>
        <source>a whole number</source>
        <translation>eine ganze Zahl</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>eine Zeichenkette</translation>
    </message>
    <message>
        <source>a list of strings</source>
        <translation>eine Liste von Zeichenketten</translation>
    </message>
</context>
<context>
    <name>LineSimulator</name>
    <message>
        <source>The simulator could not publish to %1: %2</source>
        <translation>Der Simulator konnte nicht auf %1 veröffentlichen: %2</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>LineScope</source>
        <translation>LineScope</translation>
    </message>
    <message>
        <source>No connection is open.</source>
        <translation>Keine Verbindung geöffnet.</translation>
    </message>
    <message>
        <source>New Connection…</source>
        <translation>Neue Verbindung…</translation>
    </message>
    <message>
        <source>&amp;Connection</source>
        <translation>&amp;Verbindung</translation>
    </message>
    <message>
        <source>&amp;New…</source>
        <translation>&amp;Neu…</translation>
    </message>
    <message>
        <source>Manage &amp;Profiles…</source>
        <translation>&amp;Profile verwalten…</translation>
    </message>
    <message>
        <source>Open Device &amp;Shadow…</source>
        <translation>Device-&amp;Shadow öffnen…</translation>
    </message>
    <message>
        <source>Open a connection first: the shadow editor talks to the shadow service through it.</source>
        <translation>Öffnen Sie zuerst eine Verbindung: Der Shadow-Editor kommuniziert über sie mit dem Shadow-Dienst.</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>S&amp;chließen</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Next Connection</source>
        <translation>&amp;Nächste Verbindung</translation>
    </message>
    <message>
        <source>&amp;Previous Connection</source>
        <translation>&amp;Vorherige Verbindung</translation>
    </message>
    <message>
        <source>&amp;Full Screen</source>
        <translation>Voll&amp;bild</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About LineScope</source>
        <translation>Ü&amp;ber LineScope</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <source>Embedded Broker</source>
        <translation>Eingebetteter Broker</translation>
    </message>
    <message>
        <source>&amp;Embedded Broker Panel</source>
        <translation>&amp;Eingebetteter Broker</translation>
    </message>
    <message>
        <source>About LineScope</source>
        <translation>Über LineScope</translation>
    </message>
    <message>
        <source>&lt;h3&gt;LineScope %1&lt;/h3&gt;&lt;p&gt;An MQTT console for the factory floor: browse topics, inspect payloads, publish test messages and run a simulated production line.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;LineScope %1&lt;/h3&gt;&lt;p&gt;Eine MQTT-Konsole für die Fertigung: Topics durchsuchen, Payloads untersuchen, Testnachrichten veröffentlichen und eine simulierte Produktionslinie betreiben.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>C&amp;ertificates…</source>
        <translation>&amp;Zertifikate…</translation>
    </message>
</context>
<context>
    <name>MeasurementExtractor</name>
    <message>
        <source>null</source>
        <translation>null</translation>
    </message>
    <message>
        <source>a boolean</source>
        <translation>ein Boolean</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>eine Zahl</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>ein String</translation>
    </message>
    <message>
        <source>an array</source>
        <translation>ein Array</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>ein Objekt</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>fehlt</translation>
    </message>
    <message>
        <source>measurement &apos;%1&apos; has no value</source>
        <translation>Messwert &apos;%1&apos; hat keinen Wert</translation>
    </message>
    <message>
        <source>measurement &apos;%1&apos; has no value at JSON pointer &quot;%2&quot;</source>
        <translation>Messwert &apos;%1&apos; hat keinen Wert am JSON-Pointer &quot;%2&quot;</translation>
    </message>
    <message>
        <source>measurement &apos;%1&apos; has a value that is not a finite number: %2</source>
        <translation>Messwert &apos;%1&apos; hat einen Wert, der keine endliche Zahl ist: %2</translation>
    </message>
    <message>
        <source>measurement &apos;%1&apos; has non-numeric value %2</source>
        <translation>Messwert &apos;%1&apos; hat den nicht numerischen Wert %2</translation>
    </message>
    <message>
        <source>measurement &apos;%1&apos; has no quality; it is kept with unknown quality</source>
        <translation>Messwert &apos;%1&apos; hat keine Qualität; er wird mit unbekannter Qualität übernommen</translation>
    </message>
    <message>
        <source>measurement &apos;%1&apos; has an unknown quality %2; it is kept with unknown quality</source>
        <translation>Messwert &apos;%1&apos; hat die unbekannte Qualität %2; er wird mit unbekannter Qualität übernommen</translation>
    </message>
    <message>
        <source>the message has no timestamp; the receive time is used</source>
        <translation>die Nachricht hat keinen Zeitstempel; die Empfangszeit wird verwendet</translation>
    </message>
    <message>
        <source>measurement &apos;%1&apos; has no timestamp; the receive time is used</source>
        <translation>Messwert &apos;%1&apos; hat keinen Zeitstempel; die Empfangszeit wird verwendet</translation>
    </message>
    <message>
        <source>the timestamp %1 is neither ISO 8601 nor epoch seconds or milliseconds; the receive time is used</source>
        <translation>der Zeitstempel %1 ist weder ISO 8601 noch Epoch-Sekunden oder -Millisekunden; die Empfangszeit wird verwendet</translation>
    </message>
    <message>
        <source>measurement &apos;%1&apos; has device time %2, older than the newest one of its series (%3); it is kept</source>
        <translation>Messwert &apos;%1&apos; hat die Gerätezeit %2, die älter ist als die neueste seiner Reihe (%3); er wird übernommen</translation>
    </message>
    <message>
        <source>&quot;measurements&quot; is %1, not an array</source>
        <translation>&quot;measurements&quot; ist %1, kein Array</translation>
    </message>
    <message>
        <source>entry %1 of &quot;measurements&quot; is %2, not an object</source>
        <translation>Eintrag %1 von &quot;measurements&quot; ist %2, kein Objekt</translation>
    </message>
    <message>
        <source>entry %1 of &quot;measurements&quot; has no name</source>
        <translation>Eintrag %1 von &quot;measurements&quot; hat keinen Namen</translation>
    </message>
    <message>
        <source>the payload is not valid JSON: %1 at offset %2</source>
        <translation>die Payload ist kein gültiges JSON: %1 an Offset %2</translation>
    </message>
</context>
<context>
    <name>MeasurementListModel</name>
    <message>
        <source>%1
Topic: %2
%3 samples held, %4 evicted</source>
        <translation>%1
Topic: %2
%3 Werte gespeichert, %4 verdrängt</translation>
    </message>
    <message numerus="yes">
        <source>Receive time minus device time for %1: median %2 ms, latest %3 ms (%n sample(s))</source>
        <translation>
            <numerusform>Empfangszeit minus Gerätezeit für %1: Median %2 ms, zuletzt %3 ms (%n Messwert)</numerusform>
            <numerusform>Empfangszeit minus Gerätezeit für %1: Median %2 ms, zuletzt %3 ms (%n Messwerte)</numerusform>
        </translation>
    </message>
    <message>
        <source>Device / topic</source>
        <translation>Gerät / Topic</translation>
    </message>
    <message>
        <source>Measurement</source>
        <translation>Messwert</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Einheit</translation>
    </message>
    <message>
        <source>Last</source>
        <translation>Letzter</translation>
    </message>
    <message>
        <source>Quality</source>
        <translation>Qualität</translation>
    </message>
    <message>
        <source>Clock skew</source>
        <translation>Uhrabweichung</translation>
    </message>
</context>
<context>
    <name>MeasurementPicker</name>
    <message>
        <source>Search measurements: device, measurement, unit</source>
        <translation>Messwerte suchen: Gerät, Messwert, Einheit</translation>
    </message>
    <message>
        <source>Drag measurements onto a chart, or double-click to add them to the current chart</source>
        <translation>Ziehen Sie Messwerte auf ein Diagramm oder doppelklicken Sie, um sie dem aktuellen Diagramm hinzuzufügen</translation>
    </message>
    <message>
        <source>Add to Chart</source>
        <translation>Zum Diagramm hinzufügen</translation>
    </message>
    <message>
        <source>Add the selected measurements to the current chart</source>
        <translation>Die ausgewählten Messwerte dem aktuellen Diagramm hinzufügen</translation>
    </message>
</context>
<context>
    <name>MeasurementProblem</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Malformed JSON</source>
        <translation>Fehlerhaftes JSON</translation>
    </message>
    <message>
        <source>&quot;measurements&quot; is not an array</source>
        <translation>&quot;measurements&quot; ist kein Array</translation>
    </message>
    <message>
        <source>Measurement entry is not an object</source>
        <translation>Messwert-Eintrag ist kein Objekt</translation>
    </message>
    <message>
        <source>Measurement without a name</source>
        <translation>Messwert ohne Namen</translation>
    </message>
    <message>
        <source>Missing value</source>
        <translation>Fehlender Wert</translation>
    </message>
    <message>
        <source>Non-numeric value</source>
        <translation>Nicht numerischer Wert</translation>
    </message>
    <message>
        <source>NaN or infinite value</source>
        <translation>NaN oder unendlicher Wert</translation>
    </message>
    <message>
        <source>Missing quality</source>
        <translation>Fehlende Qualität</translation>
    </message>
    <message>
        <source>Unknown quality</source>
        <translation>Unbekannte Qualität</translation>
    </message>
    <message>
        <source>Missing timestamp</source>
        <translation>Fehlender Zeitstempel</translation>
    </message>
    <message>
        <source>Invalid timestamp</source>
        <translation>Ungültiger Zeitstempel</translation>
    </message>
    <message>
        <source>Out-of-order timestamp</source>
        <translation>Zeitstempel außer der Reihe</translation>
    </message>
    <message>
        <source>Unknown problem</source>
        <translation>Unbekanntes Problem</translation>
    </message>
</context>
<context>
    <name>MeasurementQuality</name>
    <message>
        <source>Good</source>
        <extracomment>Data quality of a measurement (OPC-UA)</extracomment>
        <translation>Gut</translation>
    </message>
    <message>
        <source>Uncertain</source>
        <extracomment>Data quality of a measurement (OPC-UA)</extracomment>
        <translation>Unsicher</translation>
    </message>
    <message>
        <source>Bad</source>
        <extracomment>Data quality of a measurement (OPC-UA)</extracomment>
        <translation>Schlecht</translation>
    </message>
    <message>
        <source>Unknown</source>
        <extracomment>Data quality of a measurement: missing or not understood</extracomment>
        <translation>Unbekannt</translation>
    </message>
</context>
<context>
    <name>MeasurementRule</name>
    <message>
        <source>The rule has no topic filter.</source>
        <translation>Die Regel hat keinen Topic-Filter.</translation>
    </message>
    <message>
        <source>The rule&apos;s topic filter &quot;%1&quot; is invalid: %2</source>
        <translation>Der Topic-Filter &quot;%1&quot; der Regel ist ungültig: %2</translation>
    </message>
    <message>
        <source>value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>quality</source>
        <translation>Qualität</translation>
    </message>
    <message>
        <source>timestamp</source>
        <translation>Zeitstempel</translation>
    </message>
    <message>
        <source>unit</source>
        <translation>Einheit</translation>
    </message>
    <message>
        <source>source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>The rule&apos;s %1 pointer is invalid: %2</source>
        <translation>Der %1-Pointer der Regel ist ungültig: %2</translation>
    </message>
    <message>
        <source>Rule &quot;%1&quot;: %2</source>
        <translation>Regel &quot;%1&quot;: %2</translation>
    </message>
    <message>
        <source>no &apos;=&apos; after the topic filter; write FILTER=VALUE_POINTER[,KEY=VALUE]..., e.g. factory/+/+/+/+/temp=/value,quality=/q</source>
        <translation>Kein &apos;=&apos; nach dem Topic-Filter; schreiben Sie FILTER=VALUE_POINTER[,KEY=VALUE]..., z. B. factory/+/+/+/+/temp=/value,quality=/q</translation>
    </message>
    <message>
        <source>the topic filter before &apos;=&apos; is empty.</source>
        <translation>Der Topic-Filter vor &apos;=&apos; ist leer.</translation>
    </message>
    <message>
        <source>the topic filter &quot;%1&quot; is invalid: %2</source>
        <translation>Der Topic-Filter &quot;%1&quot; ist ungültig: %2</translation>
    </message>
    <message>
        <source>part %1 (&quot;%2&quot;) is not KEY=VALUE; allowed keys: quality, time, unit, source, fixed-unit, name.</source>
        <translation>Teil %1 (&quot;%2&quot;) hat nicht die Form KEY=VALUE; zulässige Schlüssel: quality, time, unit, source, fixed-unit, name.</translation>
    </message>
    <message>
        <source>unknown key &quot;%1&quot; in part %2; allowed keys: quality, time, unit, source, fixed-unit, name (the value pointer comes right after the filter).</source>
        <translation>Unbekannter Schlüssel &quot;%1&quot; in Teil %2; zulässige Schlüssel: quality, time, unit, source, fixed-unit, name (der Wert-Pointer folgt direkt auf den Filter).</translation>
    </message>
    <message>
        <source>the key &quot;%1&quot; is given twice.</source>
        <translation>Der Schlüssel &quot;%1&quot; ist doppelt angegeben.</translation>
    </message>
    <message>
        <source>the key &quot;%1&quot; has no value.</source>
        <translation>Der Schlüssel &quot;%1&quot; hat keinen Wert.</translation>
    </message>
    <message>
        <source>the %1 pointer &quot;%2&quot; is invalid: %3</source>
        <translation>Der %1-Pointer &quot;%2&quot; ist ungültig: %3</translation>
    </message>
    <message>
        <source>the value pointer &quot;%1&quot; right after the filter is invalid: %2</source>
        <translation>Der Wert-Pointer &quot;%1&quot; direkt nach dem Filter ist ungültig: %2</translation>
    </message>
    <message>
        <source>Measurement rule %1 was not loaded: %2</source>
        <translation>Messwertregel %1 wurde nicht geladen: %2</translation>
    </message>
</context>
<context>
    <name>MeasurementRulesDialog</name>
    <message>
        <source>Measurement Rules</source>
        <translation>Messwertregeln</translation>
    </message>
    <message>
        <source>Read JSON payloads that do not use the batched measurement schema: per topic filter, JSON pointers (RFC 6901, e.g. /value or /data/0/temp) to the value and optionally to quality, timestamp, unit and device. The first matching rule wins.</source>
        <translation>JSON-Payloads lesen, die nicht das gebündelte Messwertschema verwenden: pro Topic-Filter JSON-Pointer (RFC 6901, z. B. /value oder /data/0/temp) auf den Wert und optional auf Qualität, Zeitstempel, Einheit und Gerät. Die erste passende Regel gilt.</translation>
    </message>
    <message>
        <source>Topic filter</source>
        <translation>Topic-Filter</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Quality</source>
        <translation>Qualität</translation>
    </message>
    <message>
        <source>Timestamp</source>
        <translation>Zeitstempel</translation>
    </message>
    <message>
        <source>Unit pointer</source>
        <translation>Einheiten-Pointer</translation>
    </message>
    <message>
        <source>Fixed unit</source>
        <translation>Feste Einheit</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <source>MQTT topic filter, e.g. plant/+/sensors/#</source>
        <translation>MQTT-Topic-Filter, z. B. plant/+/sensors/#</translation>
    </message>
    <message>
        <source>JSON pointer to the numeric value; empty: the whole payload</source>
        <translation>JSON-Pointer auf den numerischen Wert; leer: die gesamte Payload</translation>
    </message>
    <message>
        <source>JSON pointer to the quality (good/uncertain/bad or an OPC-UA status code); empty: unknown quality</source>
        <translation>JSON-Pointer auf die Qualität (good/uncertain/bad oder ein OPC-UA-Statuscode); leer: unbekannte Qualität</translation>
    </message>
    <message>
        <source>JSON pointer to the device timestamp (ISO 8601 or epoch s/ms); empty: the receive time</source>
        <translation>JSON-Pointer auf den Gerätezeitstempel (ISO 8601 oder Epoch s/ms); leer: die Empfangszeit</translation>
    </message>
    <message>
        <source>JSON pointer to the unit text</source>
        <translation>JSON-Pointer auf den Einheitentext</translation>
    </message>
    <message>
        <source>Unit used when there is no unit pointer or it does not resolve</source>
        <translation>Einheit, die verwendet wird, wenn kein Einheiten-Pointer angegeben ist oder er sich nicht auflösen lässt</translation>
    </message>
    <message>
        <source>Measurement name; empty: the topic&apos;s last level</source>
        <translation>Messwertname; leer: die letzte Ebene des Topics</translation>
    </message>
    <message>
        <source>JSON pointer to the device id; empty: derived from the topic</source>
        <translation>JSON-Pointer auf die Geräte-ID; leer: aus dem Topic abgeleitet</translation>
    </message>
    <message>
        <source>Add Rule</source>
        <translation>Regel hinzufügen</translation>
    </message>
    <message>
        <source>Remove Rule</source>
        <translation>Regel entfernen</translation>
    </message>
    <message>
        <source>Row %1: %2</source>
        <translation>Zeile %1: %2</translation>
    </message>
</context>
<context>
    <name>MeasurementsCommand</name>
    <message>
        <source>Print CSV: a header line, then device_time,receive_time,device_id,topic,measurement,value,unit,quality per sample.</source>
        <translation>CSV ausgeben: eine Kopfzeile, dann device_time,receive_time,device_id,topic,measurement,value,unit,quality pro Wert.</translation>
    </message>
    <message>
        <source>Exit after this many messages (with or without measurements).</source>
        <translation>Nach so vielen Nachrichten beenden (mit oder ohne Messwerte).</translation>
    </message>
    <message>
        <source>COUNT</source>
        <translation>ANZAHL</translation>
    </message>
    <message>
        <source>Exit status: 0 after -C messages or Ctrl+C, 1 on errors, 27 when -W timed out,
the CONNACK reason code when the broker refused the connection. Problems in the
data do not change the exit status.</source>
        <translation>Exit-Status: 0 nach -C Nachrichten oder Strg+C, 1 bei Fehlern, 27 bei Zeitüberschreitung von -W,
der CONNACK-Reason-Code, wenn der Broker die Verbindung abgelehnt hat. Probleme in den
Daten ändern den Exit-Status nicht.</translation>
    </message>
    <message>
        <source>%1 messages, %2 samples, %3 problems, %4 messages without measurements.</source>
        <translation>%1 Nachrichten, %2 Werte, %3 Probleme, %4 Nachrichten ohne Messwerte.</translation>
    </message>
    <message>
        <source>Read JSON payloads on topics matching FILTER with JSON pointers (repeatable; the first matching rule wins): FILTER=VALUE_POINTER[,quality=PTR][,time=PTR][,unit=PTR][,source=PTR][,fixed-unit=TEXT][,name=TEXT].</source>
        <translation>JSON-Payloads auf Topics, die FILTER entsprechen, mit JSON-Pointern lesen (wiederholbar; die erste passende Regel gilt): FILTER=VALUE_POINTER[,quality=PTR][,time=PTR][,unit=PTR][,source=PTR][,fixed-unit=TEXT][,name=TEXT].</translation>
    </message>
    <message>
        <source>RULE</source>
        <translation>REGEL</translation>
    </message>
    <message>
        <source>measurements -t FILTER [-t FILTER ...] [--rule RULE ...] [-C COUNT] [-W SECONDS] [--csv] [options]</source>
        <translation>measurements -t FILTER [-t FILTER ...] [--rule REGEL ...] [-C ANZAHL] [-W SEKUNDEN] [--csv] [Optionen]</translation>
    </message>
    <message>
        <source>Subscribe and print the measurements in the messages that arrive: the batched
{&quot;timestamp&quot;, &quot;deviceId&quot;, &quot;measurements&quot;: [...]} schema, plain numbers, and other
JSON payloads read with --rule, e.g.
  --rule &apos;factory/+/+/+/+/temp=/value,quality=/q,time=/ts,unit=/unit&apos;
Input that cannot be read cleanly (non-numeric values, missing or unknown
quality, bad timestamps, malformed JSON, ...) is reported on stderr with the reason.</source>
        <translation>Abonnieren und die Messwerte in den eintreffenden Nachrichten ausgeben: das gebündelte
Schema {&quot;timestamp&quot;, &quot;deviceId&quot;, &quot;measurements&quot;: [...]}, einfache Zahlen und andere
JSON-Payloads, die mit --rule gelesen werden, z. B.
  --rule &apos;factory/+/+/+/+/temp=/value,quality=/q,time=/ts,unit=/unit&apos;
Eingaben, die sich nicht sauber lesen lassen (nicht numerische Werte, fehlende oder unbekannte
Qualität, ungültige Zeitstempel, fehlerhaftes JSON, ...), werden mit dem Grund auf stderr gemeldet.</translation>
    </message>
    <message>
        <source>--rule: %1</source>
        <translation>--rule: %1</translation>
    </message>
</context>
<context>
    <name>MessageDiffView</name>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>Last Two</source>
        <translation>Letzte zwei</translation>
    </message>
    <message>
        <source>Compare the last two messages and follow new ones</source>
        <translation>Die letzten beiden Nachrichten vergleichen und neuen folgen</translation>
    </message>
    <message>
        <source>Older</source>
        <translation>Älter</translation>
    </message>
    <message>
        <source>Newer</source>
        <translation>Neuer</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Pfad</translation>
    </message>
    <message>
        <source>Old value</source>
        <translation>Alter Wert</translation>
    </message>
    <message>
        <source>New value</source>
        <translation>Neuer Wert</translation>
    </message>
    <message>
        <source>A topic needs two messages to compare.</source>
        <translation>Für einen Vergleich braucht ein Topic zwei Nachrichten.</translation>
    </message>
    <message>
        <source>Comparing %1 and %2…</source>
        <translation>%1 und %2 werden verglichen…</translation>
    </message>
    <message>
        <source>added</source>
        <translation>hinzugefügt</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>entfernt</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>geändert</translation>
    </message>
    <message>
        <source>(whole document)</source>
        <translation>(gesamtes Dokument)</translation>
    </message>
    <message>
        <source>→ %1</source>
        <translation>→ %1</translation>
    </message>
    <message>
        <source>Old</source>
        <translation>Alt</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Zeile</translation>
    </message>
</context>
<context>
    <name>MessageHistoryModel</name>
    <message>
        <source>retained</source>
        <translation>retained</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Empfangen</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>QoS</source>
        <translation>QoS</translation>
    </message>
    <message>
        <source>Retained</source>
        <translation>Retained</translation>
    </message>
    <message>
        <source>Payload</source>
        <translation>Payload</translation>
    </message>
</context>
<context>
    <name>MessageView</name>
    <message>
        <source>Could not open %1: %2</source>
        <translation>%1 konnte nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Could not save %1: %2</source>
        <translation>%1 konnte nicht gespeichert werden: %2</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Content type: %1</source>
        <translation>Content-Type: %1</translation>
    </message>
    <message>
        <source>Payload format: UTF-8 text</source>
        <translation>Payload-Format: UTF-8-Text</translation>
    </message>
    <message>
        <source>Payload format: bytes (%1)</source>
        <translation>Payload-Format: Bytes (%1)</translation>
    </message>
    <message>
        <source>Response topic: %1</source>
        <translation>Response-Topic: %1</translation>
    </message>
    <message>
        <source>Correlation data: %1</source>
        <translation>Correlation Data: %1</translation>
    </message>
    <message>
        <source>Message expiry: %1 s</source>
        <translation>Nachrichtenablauf: %1 s</translation>
    </message>
    <message>
        <source>%1 = %2</source>
        <translation>%1 = %2</translation>
    </message>
    <message>
        <source>User properties: %1</source>
        <translation>User Properties: %1</translation>
    </message>
    <message>
        <source>Subscription identifiers: %1</source>
        <translation>Subscription Identifiers: %1</translation>
    </message>
    <message>
        <source>History exported.</source>
        <translation>Verlauf exportiert.</translation>
    </message>
    <message>
        <source>Select a topic in the tree</source>
        <translation>Wählen Sie ein Topic im Baum aus</translation>
    </message>
    <message>
        <source>QoS</source>
        <translation>QoS</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Empfangen</translation>
    </message>
    <message>
        <source>Retained</source>
        <translation>Retained</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Nachrichten</translation>
    </message>
    <message>
        <source>Properties</source>
        <translation>Eigenschaften</translation>
    </message>
    <message>
        <source>Show Latest</source>
        <translation>Neueste anzeigen</translation>
    </message>
    <message>
        <source>How to decode this topic&apos;s payloads; a choice other than Auto is remembered for the topic</source>
        <translation>Wie die Payloads dieses Topics dekodiert werden; eine andere Wahl als Automatisch wird für das Topic gespeichert</translation>
    </message>
    <message>
        <source>Auto</source>
        <translation>Automatisch</translation>
    </message>
    <message>
        <source>Auto (%1)</source>
        <translation>Automatisch (%1)</translation>
    </message>
    <message>
        <source>Decoded</source>
        <translation>Dekodiert</translation>
    </message>
    <message>
        <source>Tree</source>
        <translation>Baum</translation>
    </message>
    <message>
        <source>Hex</source>
        <translation>Hex</translation>
    </message>
    <message>
        <source>Diff</source>
        <translation>Diff</translation>
    </message>
    <message>
        <source>Decode as</source>
        <translation>Dekodieren als</translation>
    </message>
    <message>
        <source>Copy Payload</source>
        <translation>Payload kopieren</translation>
    </message>
    <message>
        <source>Copy the whole payload as text to the clipboard</source>
        <translation>Die gesamte Payload als Text in die Zwischenablage kopieren</translation>
    </message>
    <message>
        <source>retained</source>
        <translation>retained</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <source>Save this topic&apos;s history as JSON Lines</source>
        <translation>Den Verlauf dieses Topics als JSON Lines speichern</translation>
    </message>
    <message>
        <source>Select a topic in the tree to see its last message.</source>
        <translation>Wählen Sie ein Topic im Baum aus, um seine letzte Nachricht zu sehen.</translation>
    </message>
    <message>
        <source>Select a topic with messages first.</source>
        <translation>Wählen Sie zuerst ein Topic mit Nachrichten aus.</translation>
    </message>
    <message>
        <source>Export History of %1</source>
        <translation>Verlauf von %1 exportieren</translation>
    </message>
    <message>
        <source>JSON Lines (*.jsonl);;All files (*)</source>
        <translation>JSON Lines (*.jsonl);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>An export is already running.</source>
        <translation>Es läuft bereits ein Export.</translation>
    </message>
    <message>
        <source>History (%1 of %2 messages kept)</source>
        <translation>Verlauf (%1 von %2 Nachrichten gespeichert)</translation>
    </message>
    <message>
        <source>No message arrived on exactly this topic. Select a topic below it.</source>
        <translation>Auf genau diesem Topic ist keine Nachricht eingegangen. Wählen Sie ein Topic darunter aus.</translation>
    </message>
    <message>
        <source>No message on this topic yet.</source>
        <translation>Noch keine Nachricht auf diesem Topic.</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>empty (clears the retained message)</source>
        <translation>leer (löscht die Retained-Nachricht)</translation>
    </message>
    <message>
        <source>empty</source>
        <translation>leer</translation>
    </message>
    <message>
        <source>not %1 (see the error)</source>
        <translation>kein %1 (siehe Fehler)</translation>
    </message>
    <message>
        <source>1 older message was evicted by the history limit.</source>
        <translation>1 ältere Nachricht wurde durch das Verlaufslimit verdrängt.</translation>
    </message>
    <message>
        <source>%1 older messages were evicted by the history limit.</source>
        <translation>%1 ältere Nachrichten wurden durch das Verlaufslimit verdrängt.</translation>
    </message>
    <message>
        <source>Decoding %1…</source>
        <translation>%1 wird dekodiert…</translation>
    </message>
    <message>
        <source>Not valid %1: %2 (at byte %3). The raw bytes follow.</source>
        <translation>Kein gültiges %1: %2 (bei Byte %3). Es folgen die Rohdaten.</translation>
    </message>
    <message>
        <source>Not valid %1: %2. The raw bytes follow.</source>
        <translation>Kein gültiges %1: %2. Es folgen die Rohdaten.</translation>
    </message>
    <message>
        <source>Showing an older message received at %1; new messages are not shown until you return to the latest.</source>
        <translation>Angezeigt wird eine ältere Nachricht, empfangen um %1; neue Nachrichten werden erst angezeigt, wenn Sie zur neuesten zurückkehren.</translation>
    </message>
</context>
<context>
    <name>MosquittoWorker</name>
    <message>
        <source>The broker at %1:%2 did not answer the connection request within %3 seconds. Check that the port belongs to an MQTT listener that expects TLS.</source>
        <translation>Der Broker unter %1:%2 hat nicht innerhalb von %3 Sekunden auf die Verbindungsanfrage geantwortet. Prüfen Sie, ob der Port zu einem MQTT-Listener gehört, der TLS erwartet.</translation>
    </message>
    <message>
        <source>The broker at %1:%2 did not answer the connection request within %3 seconds. Check that the port belongs to an MQTT listener without TLS.</source>
        <translation>Der Broker unter %1:%2 hat nicht innerhalb von %3 Sekunden auf die Verbindungsanfrage geantwortet. Prüfen Sie, ob der Port zu einem MQTT-Listener ohne TLS gehört.</translation>
    </message>
    <message>
        <source>A new connection was started before the broker confirmed the message.</source>
        <translation>Eine neue Verbindung wurde gestartet, bevor der Broker die Nachricht bestätigt hat.</translation>
    </message>
    <message>
        <source>The connection settings cannot be used. %1</source>
        <translation>Die Verbindungseinstellungen können nicht verwendet werden. %1</translation>
    </message>
    <message>
        <source>The CA certificate file %1 does not exist. Choose the file of the certificate authority that signed the broker&apos;s certificate in the connection profile, or leave it empty to use the system&apos;s trusted certificates.</source>
        <translation>Die CA-Zertifikatsdatei %1 existiert nicht. Wählen Sie im Verbindungsprofil die Datei der Zertifizierungsstelle, die das Zertifikat des Brokers signiert hat, oder lassen Sie das Feld leer, um die vertrauenswürdigen Zertifikate des Systems zu verwenden.</translation>
    </message>
    <message>
        <source>The CA certificate file %1 cannot be read (%2). Check that it is a file and that your user may read it.</source>
        <translation>Die CA-Zertifikatsdatei %1 kann nicht gelesen werden (%2). Prüfen Sie, ob es eine Datei ist und Ihr Benutzer sie lesen darf.</translation>
    </message>
    <message>
        <source>it is not a file</source>
        <translation>es ist keine Datei</translation>
    </message>
    <message>
        <source>The TLS settings cannot be used. %1</source>
        <translation>Die TLS-Einstellungen können nicht verwendet werden. %1</translation>
    </message>
    <message>
        <source>libmosquitto could not create a client (%1).</source>
        <translation>libmosquitto konnte keinen Client erstellen (%1).</translation>
    </message>
    <message>
        <source>The TLS handshake with %1:%2 did not complete: the other side closed the connection. Check that this port is the broker&apos;s TLS listener.</source>
        <translation>Der TLS-Handshake mit %1:%2 wurde nicht abgeschlossen: Die Gegenseite hat die Verbindung geschlossen. Prüfen Sie, ob dieser Port der TLS-Listener des Brokers ist.</translation>
    </message>
    <message>
        <source>The server at %1:%2 does not answer like an MQTT broker. Check the port, and whether the listener expects TLS.</source>
        <translation>Der Server unter %1:%2 antwortet nicht wie ein MQTT-Broker. Prüfen Sie den Port und ob der Listener TLS erwartet.</translation>
    </message>
    <message numerus="yes">
        <source>%n received message(s) could not be stored, so they were not acknowledged; the broker delivers them again after the reconnect.</source>
        <translation>
            <numerusform>%n empfangene Nachricht konnte nicht gespeichert werden und wurde daher nicht bestätigt; der Broker stellt sie nach dem erneuten Verbinden noch einmal zu.</numerusform>
            <numerusform>%n empfangene Nachrichten konnten nicht gespeichert werden und wurden daher nicht bestätigt; der Broker stellt sie nach dem erneuten Verbinden noch einmal zu.</numerusform>
        </translation>
    </message>
    <message>
        <source>The broker at %1:%2 stopped answering: nothing arrived from it for %3 s. Reconnecting.</source>
        <translation>Der Broker unter %1:%2 antwortet nicht mehr: Seit %3 s ist nichts von ihm eingegangen. Verbindung wird neu aufgebaut.</translation>
    </message>
    <message>
        <source>The connection was lost before the message was sent.</source>
        <translation>Die Verbindung ging verloren, bevor die Nachricht gesendet wurde.</translation>
    </message>
    <message>
        <source>The connection ended before the broker confirmed the message.</source>
        <translation>Die Verbindung wurde beendet, bevor der Broker die Nachricht bestätigt hat.</translation>
    </message>
    <message>
        <source>%1 LineScope does not retry automatically, because retrying would fail the same way.</source>
        <translation>%1 LineScope versucht es nicht automatisch erneut, da ein neuer Versuch auf dieselbe Weise fehlschlagen würde.</translation>
    </message>
    <message>
        <source>Disconnected before the broker confirmed the message.</source>
        <translation>Getrennt, bevor der Broker die Nachricht bestätigt hat.</translation>
    </message>
    <message>
        <source>Disconnected on request.</source>
        <translation>Auf Anforderung getrennt.</translation>
    </message>
    <message>
        <source>All subscription requests were denied. %1</source>
        <translation>Alle Abonnementanfragen wurden abgelehnt. %1</translation>
    </message>
    <message>
        <source>%1 of %2 subscription requests were denied. %3</source>
        <translation>%1 von %2 Abonnementanfragen wurden abgelehnt. %3</translation>
    </message>
    <message>
        <source>Could not subscribe to %1. %2</source>
        <translation>%1 konnte nicht abonniert werden. %2</translation>
    </message>
    <message>
        <source>Could not unsubscribe from %1. %2</source>
        <translation>Abonnement von %1 konnte nicht beendet werden. %2</translation>
    </message>
    <message>
        <source>Not connected to the broker; the message to %1 was not sent.</source>
        <translation>Nicht mit dem Broker verbunden; die Nachricht an %1 wurde nicht gesendet.</translation>
    </message>
</context>
<context>
    <name>MqttPublishRequest</name>
    <message>
        <source>Topic: %1</source>
        <translation>Topic: %1</translation>
    </message>
    <message>
        <source>QoS: %1 is not a QoS level. Use 0, 1 or 2.</source>
        <translation>QoS: %1 ist keine QoS-Stufe. Verwenden Sie 0, 1 oder 2.</translation>
    </message>
    <message>
        <source>Payload: %1 bytes is too large. One MQTT message can carry at most %2 bytes including its topic.</source>
        <translation>Payload: %1 Bytes sind zu groß. Eine MQTT-Nachricht kann einschließlich ihres Topics höchstens %2 Bytes enthalten.</translation>
    </message>
    <message>
        <source>Properties: MQTT 5 properties cannot be sent over an MQTT 3.1.1 connection. Remove them, or switch the connection profile to MQTT 5.</source>
        <translation>Eigenschaften: MQTT-5-Eigenschaften können nicht über eine MQTT-3.1.1-Verbindung gesendet werden. Entfernen Sie sie oder stellen Sie das Verbindungsprofil auf MQTT 5 um.</translation>
    </message>
    <message>
        <source>Subscription identifiers: the broker adds them to delivered messages; a client may not publish them. Remove them from the message.</source>
        <translation>Subscription Identifiers: Der Broker fügt sie zugestellten Nachrichten hinzu; ein Client darf sie nicht veröffentlichen. Entfernen Sie sie aus der Nachricht.</translation>
    </message>
    <message>
        <source>Payload format indicator: %1 is not allowed. Use 0 (bytes) or 1 (UTF-8 text).</source>
        <translation>Payload Format Indicator: %1 ist nicht zulässig. Verwenden Sie 0 (Bytes) oder 1 (UTF-8-Text).</translation>
    </message>
    <message>
        <source>Payload: the payload format indicator says UTF-8 text, but the payload is not valid UTF-8. Set the indicator to 0 (bytes) or fix the payload.</source>
        <translation>Payload: Der Payload Format Indicator gibt UTF-8-Text an, aber die Payload ist kein gültiges UTF-8. Setzen Sie den Indicator auf 0 (Bytes) oder korrigieren Sie die Payload.</translation>
    </message>
    <message>
        <source>Response topic: %1</source>
        <translation>Response-Topic: %1</translation>
    </message>
    <message>
        <source>Content type: at most %1 bytes are allowed.</source>
        <translation>Content-Type: Höchstens %1 Bytes sind zulässig.</translation>
    </message>
    <message>
        <source>Correlation data: %1 bytes is too long; at most %2 bytes are allowed.</source>
        <translation>Correlation Data: %1 Bytes sind zu lang; höchstens %2 Bytes sind zulässig.</translation>
    </message>
    <message>
        <source>User property &quot;%1&quot;: names and values may have at most %2 bytes each.</source>
        <translation>User Property &quot;%1&quot;: Namen und Werte dürfen jeweils höchstens %2 Bytes haben.</translation>
    </message>
</context>
<context>
    <name>MqttReasons</name>
    <message>
        <source>The TLS connection to %1 failed: the broker&apos;s certificate is not issued for &quot;%2&quot; (host name mismatch; OpenSSL: %3). Connect with a host name the certificate lists, or ask the broker administrator for a certificate that includes this name.</source>
        <translation>Die TLS-Verbindung zu %1 ist fehlgeschlagen: Das Zertifikat des Brokers ist nicht für &quot;%2&quot; ausgestellt (Hostname stimmt nicht überein; OpenSSL: %3). Verbinden Sie sich mit einem Hostnamen, den das Zertifikat enthält, oder bitten Sie den Broker-Administrator um ein Zertifikat, das diesen Namen enthält.</translation>
    </message>
    <message>
        <source>The TLS connection to %1 failed: the broker&apos;s certificate has expired (certificate expired; OpenSSL: %2). Ask the broker administrator to renew it, and check this computer&apos;s date and time.</source>
        <translation>Die TLS-Verbindung zu %1 ist fehlgeschlagen: Das Zertifikat des Brokers ist abgelaufen (Zertifikat abgelaufen; OpenSSL: %2). Bitten Sie den Broker-Administrator, es zu erneuern, und prüfen Sie Datum und Uhrzeit dieses Computers.</translation>
    </message>
    <message>
        <source>The TLS connection to %1 failed: the broker&apos;s certificate is not valid yet (OpenSSL: %2). Check this computer&apos;s date and time.</source>
        <translation>Die TLS-Verbindung zu %1 ist fehlgeschlagen: Das Zertifikat des Brokers ist noch nicht gültig (OpenSSL: %2). Prüfen Sie Datum und Uhrzeit dieses Computers.</translation>
    </message>
    <message>
        <source>The TLS connection to %1 failed: the broker&apos;s certificate was not issued by a certificate authority LineScope trusts (unknown CA; OpenSSL: %2). Choose the CA certificate of the authority that signed the broker&apos;s certificate in the connection profile.</source>
        <translation>Die TLS-Verbindung zu %1 ist fehlgeschlagen: Das Zertifikat des Brokers wurde nicht von einer Zertifizierungsstelle ausgestellt, der LineScope vertraut (unbekannte CA; OpenSSL: %2). Wählen Sie im Verbindungsprofil das CA-Zertifikat der Stelle, die das Zertifikat des Brokers signiert hat.</translation>
    </message>
    <message>
        <source>The TLS connection to %1 failed: the broker&apos;s certificate was rejected (OpenSSL: %2).</source>
        <translation>Die TLS-Verbindung zu %1 ist fehlgeschlagen: Das Zertifikat des Brokers wurde abgelehnt (OpenSSL: %2).</translation>
    </message>
    <message>
        <source>The broker at %1 rejected LineScope&apos;s client certificate: it does not trust the authority that issued it (TLS alert: %2). Use a client certificate issued by a CA the broker trusts; on AWS IoT, the certificate must be registered and active.</source>
        <translation>Der Broker unter %1 hat das Client-Zertifikat von LineScope abgelehnt: Er vertraut der ausstellenden Stelle nicht (TLS-Alert: %2). Verwenden Sie ein Client-Zertifikat einer CA, der der Broker vertraut; bei AWS IoT muss das Zertifikat registriert und aktiv sein.</translation>
    </message>
    <message>
        <source>The broker at %1 rejected the client certificate because it has expired (TLS alert: %2). Import the renewed certificate and choose it in the connection profile.</source>
        <translation>Der Broker unter %1 hat das Client-Zertifikat abgelehnt, da es abgelaufen ist (TLS-Alert: %2). Importieren Sie das erneuerte Zertifikat und wählen Sie es im Verbindungsprofil aus.</translation>
    </message>
    <message>
        <source>The broker at %1 requires a client certificate (TLS alert: %2). Choose a client certificate in the connection profile.</source>
        <translation>Der Broker unter %1 verlangt ein Client-Zertifikat (TLS-Alert: %2). Wählen Sie im Verbindungsprofil ein Client-Zertifikat aus.</translation>
    </message>
    <message>
        <source>The broker at %1 rejected the client certificate (TLS alert: %2). Check that the certificate is the one registered with the broker and that it is not revoked.</source>
        <translation>Der Broker unter %1 hat das Client-Zertifikat abgelehnt (TLS-Alert: %2). Prüfen Sie, ob es das beim Broker registrierte Zertifikat ist und ob es nicht widerrufen wurde.</translation>
    </message>
    <message>
        <source>The server at %1 does not support the requested ALPN protocol (TLS alert: %2). Check the protocol name, or connect to the MQTT port without ALPN.</source>
        <translation>Der Server unter %1 unterstützt das angeforderte ALPN-Protokoll nicht (TLS-Alert: %2). Prüfen Sie den Protokollnamen oder verbinden Sie sich ohne ALPN mit dem MQTT-Port.</translation>
    </message>
    <message>
        <source>The broker at %1 does not accept TLS 1.2 or newer (TLS alert: %2). LineScope does not use older TLS versions; ask the broker administrator to enable TLS 1.2.</source>
        <translation>Der Broker unter %1 akzeptiert weder TLS 1.2 noch neuer (TLS-Alert: %2). LineScope verwendet keine älteren TLS-Versionen; bitten Sie den Broker-Administrator, TLS 1.2 zu aktivieren.</translation>
    </message>
    <message>
        <source>The broker at %1 ended the TLS handshake (TLS alert: %2). The broker&apos;s log may say more.</source>
        <translation>Der Broker unter %1 hat den TLS-Handshake beendet (TLS-Alert: %2). Das Log des Brokers enthält möglicherweise weitere Informationen.</translation>
    </message>
    <message>
        <source>LineScope ran out of memory while talking to the broker (library: out of memory). Close views with large histories and connect again.</source>
        <translation>LineScope hatte bei der Kommunikation mit dem Broker keinen Speicher mehr (Bibliothek: out of memory). Schließen Sie Ansichten mit großen Verläufen und verbinden Sie sich erneut.</translation>
    </message>
    <message>
        <source>The broker at %1 sent data that breaks the MQTT protocol (library: protocol error). Check that the port belongs to an MQTT listener and that the broker supports the MQTT version chosen in the connection profile.</source>
        <translation>Der Broker unter %1 hat Daten gesendet, die das MQTT-Protokoll verletzen (Bibliothek: protocol error). Prüfen Sie, ob der Port zu einem MQTT-Listener gehört und ob der Broker die im Verbindungsprofil gewählte MQTT-Version unterstützt.</translation>
    </message>
    <message>
        <source>libmosquitto rejected a value as invalid (library: invalid arguments). Check the connection profile; if it looks right, please report this as a bug.</source>
        <translation>libmosquitto hat einen Wert als ungültig abgelehnt (Bibliothek: invalid arguments). Prüfen Sie das Verbindungsprofil; wenn es korrekt aussieht, melden Sie dies bitte als Fehler.</translation>
    </message>
    <message>
        <source>There is no connection to the broker (library: not connected). Connect first, then try again.</source>
        <translation>Es besteht keine Verbindung zum Broker (Bibliothek: not connected). Verbinden Sie sich zuerst und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>The broker at %1 refused the connection (library: connection refused by the broker). Check the connection profile.</source>
        <translation>Der Broker unter %1 hat die Verbindung abgelehnt (Bibliothek: connection refused by the broker). Prüfen Sie das Verbindungsprofil.</translation>
    </message>
    <message>
        <source>libmosquitto could not find an item it needed (library: not found). Please report this as a bug.</source>
        <translation>libmosquitto konnte ein benötigtes Element nicht finden (Bibliothek: not found). Bitte melden Sie dies als Fehler.</translation>
    </message>
    <message>
        <source>The network connection to %1 closed unexpectedly (library: connection lost). The broker may have stopped, or the network dropped the connection.</source>
        <translation>Die Netzwerkverbindung zu %1 wurde unerwartet geschlossen (Bibliothek: connection lost). Der Broker wurde möglicherweise gestoppt, oder das Netzwerk hat die Verbindung getrennt.</translation>
    </message>
    <message>
        <source>The TLS connection to %1 failed (%2). Check that the port is a TLS listener, that the CA certificate file in the connection profile signed the broker&apos;s certificate and that the host name matches the certificate.</source>
        <translation>Die TLS-Verbindung zu %1 ist fehlgeschlagen (%2). Prüfen Sie, ob der Port ein TLS-Listener ist, ob die CA-Zertifikatsdatei im Verbindungsprofil das Zertifikat des Brokers signiert hat und ob der Hostname zum Zertifikat passt.</translation>
    </message>
    <message>
        <source>library: TLS error</source>
        <translation>Bibliothek: TLS error</translation>
    </message>
    <message>
        <source>The payload is too large for MQTT (library: payload too large). A packet may carry at most 268,435,455 bytes.</source>
        <translation>Die Payload ist zu groß für MQTT (Bibliothek: payload too large). Ein Paket kann höchstens 268.435.455 Bytes enthalten.</translation>
    </message>
    <message>
        <source>The request is not supported by the MQTT version in use (library: not supported). MQTT 5 properties need a connection that uses MQTT 5.</source>
        <translation>Die Anfrage wird von der verwendeten MQTT-Version nicht unterstützt (Bibliothek: not supported). MQTT-5-Eigenschaften benötigen eine Verbindung, die MQTT 5 verwendet.</translation>
    </message>
    <message>
        <source>The broker rejected the authentication (library: authentication failed). Check the credentials in the connection profile.</source>
        <translation>Der Broker hat die Authentifizierung abgelehnt (Bibliothek: authentication failed). Prüfen Sie die Anmeldedaten im Verbindungsprofil.</translation>
    </message>
    <message>
        <source>The broker&apos;s access control denied the request (library: access denied). Ask the broker administrator for access.</source>
        <translation>Die Zugriffskontrolle des Brokers hat die Anfrage verweigert (Bibliothek: access denied). Bitten Sie den Broker-Administrator um Zugriff.</translation>
    </message>
    <message>
        <source>Nothing accepted the connection on %1 (connection refused). Check that the broker is running and that the host name and port are right.</source>
        <translation>Auf %1 hat nichts die Verbindung angenommen (Verbindung abgelehnt). Prüfen Sie, ob der Broker läuft und Hostname und Port stimmen.</translation>
    </message>
    <message>
        <source>Could not reach %1 (%2). Check the network connection, the host name and the port, and whether a firewall blocks the connection.</source>
        <translation>%1 ist nicht erreichbar (%2). Prüfen Sie die Netzwerkverbindung, den Hostnamen und den Port sowie, ob eine Firewall die Verbindung blockiert.</translation>
    </message>
    <message>
        <source>The host name &quot;%1&quot; could not be resolved (%2). Check the spelling of the host name and the network&apos;s DNS settings.</source>
        <translation>Der Hostname &quot;%1&quot; konnte nicht aufgelöst werden (%2). Prüfen Sie die Schreibweise des Hostnamens und die DNS-Einstellungen des Netzwerks.</translation>
    </message>
    <message>
        <source>The proxy could not connect to %1 (library: proxy error). Check the proxy settings.</source>
        <translation>Der Proxy konnte keine Verbindung zu %1 herstellen (Bibliothek: proxy error). Prüfen Sie die Proxy-Einstellungen.</translation>
    </message>
    <message>
        <source>A topic or text field is not valid UTF-8 (library: malformed UTF-8). MQTT requires UTF-8 text.</source>
        <translation>Ein Topic oder Textfeld ist kein gültiges UTF-8 (Bibliothek: malformed UTF-8). MQTT erfordert UTF-8-Text.</translation>
    </message>
    <message>
        <source>The broker at %1 stopped answering within the keep-alive interval (library: keep-alive timeout). The network or the broker may be overloaded or down.</source>
        <translation>Der Broker unter %1 hat innerhalb des Keep-Alive-Intervalls nicht mehr geantwortet (Bibliothek: keep-alive timeout). Das Netzwerk oder der Broker ist möglicherweise überlastet oder ausgefallen.</translation>
    </message>
    <message>
        <source>The broker at %1 sent a malformed packet (library: malformed packet). Check that the port belongs to an MQTT listener.</source>
        <translation>Der Broker unter %1 hat ein fehlerhaftes Paket gesendet (Bibliothek: malformed packet). Prüfen Sie, ob der Port zu einem MQTT-Listener gehört.</translation>
    </message>
    <message>
        <source>An MQTT 5 property that may appear only once was given more than once (library: duplicate property).</source>
        <translation>Eine MQTT-5-Eigenschaft, die nur einmal vorkommen darf, wurde mehrfach angegeben (Bibliothek: duplicate property).</translation>
    </message>
    <message>
        <source>The broker does not support this QoS level (library: QoS not supported). It announced a lower maximum QoS when the connection was made; use a lower QoS.</source>
        <translation>Der Broker unterstützt diese QoS-Stufe nicht (Bibliothek: QoS not supported). Er hat beim Verbindungsaufbau eine niedrigere maximale QoS angekündigt; verwenden Sie eine niedrigere QoS.</translation>
    </message>
    <message>
        <source>The message is larger than the broker accepts (library: packet larger than the broker&apos;s maximum packet size). Send a smaller payload.</source>
        <translation>Die Nachricht ist größer, als der Broker akzeptiert (Bibliothek: Paket größer als die maximale Paketgröße des Brokers). Senden Sie eine kleinere Payload.</translation>
    </message>
    <message>
        <source>The revocation status of the broker&apos;s certificate could not be checked (library: OCSP error).</source>
        <translation>Der Sperrstatus des Broker-Zertifikats konnte nicht geprüft werden (Bibliothek: OCSP error).</translation>
    </message>
    <message>
        <source>The broker at %1 did not answer in time (library: timeout).</source>
        <translation>Der Broker unter %1 hat nicht rechtzeitig geantwortet (Bibliothek: timeout).</translation>
    </message>
    <message>
        <source>The broker does not support retained messages (library: retain not supported). Publish without the retain flag.</source>
        <translation>Der Broker unterstützt keine Retained-Nachrichten (Bibliothek: retain not supported). Veröffentlichen Sie ohne Retain-Flag.</translation>
    </message>
    <message>
        <source>The broker used an invalid topic alias (library: invalid topic alias).</source>
        <translation>Der Broker hat einen ungültigen Topic-Alias verwendet (Bibliothek: invalid topic alias).</translation>
    </message>
    <message>
        <source>The broker closed the connection by administrative action (library: administrative action).</source>
        <translation>Der Broker hat die Verbindung durch einen administrativen Eingriff geschlossen (Bibliothek: administrative action).</translation>
    </message>
    <message>
        <source>libmosquitto reported error %1 (%2).</source>
        <translation>libmosquitto hat den Fehler %1 gemeldet (%2).</translation>
    </message>
    <message>
        <source>The broker did not accept the user name or password (CONNACK: %1). Check the credentials in the connection profile and that this user may connect.</source>
        <translation>Der Broker hat den Benutzernamen oder das Passwort nicht akzeptiert (CONNACK: %1). Prüfen Sie die Anmeldedaten im Verbindungsprofil und ob dieser Benutzer sich verbinden darf.</translation>
    </message>
    <message>
        <source>The broker does not let this client connect without credentials (CONNACK: %1). Enter a user name and password in the connection profile.</source>
        <translation>Der Broker lässt diesen Client nicht ohne Anmeldedaten verbinden (CONNACK: %1). Geben Sie im Verbindungsprofil einen Benutzernamen und ein Passwort ein.</translation>
    </message>
    <message>
        <source>The broker does not accept MQTT 3.1.1 (CONNACK: unacceptable protocol version). Check the MQTT version in the connection profile.</source>
        <translation>Der Broker akzeptiert MQTT 3.1.1 nicht (CONNACK: unacceptable protocol version). Prüfen Sie die MQTT-Version im Verbindungsprofil.</translation>
    </message>
    <message>
        <source>The broker rejected the client id (CONNACK: identifier rejected). Use a client id of at most 23 letters and digits, or leave it empty so LineScope generates one.</source>
        <translation>Der Broker hat die Client-ID abgelehnt (CONNACK: identifier rejected). Verwenden Sie eine Client-ID aus höchstens 23 Buchstaben und Ziffern oder lassen Sie sie leer, damit LineScope eine generiert.</translation>
    </message>
    <message>
        <source>The broker at %1 is running but does not accept connections now (CONNACK: server unavailable). Try again later.</source>
        <translation>Der Broker unter %1 läuft, nimmt aber derzeit keine Verbindungen an (CONNACK: server unavailable). Versuchen Sie es später erneut.</translation>
    </message>
    <message>
        <source>The broker rejected the user name or password (CONNACK: bad user name or password). Check the credentials in the connection profile.</source>
        <translation>Der Broker hat den Benutzernamen oder das Passwort abgelehnt (CONNACK: bad user name or password). Prüfen Sie die Anmeldedaten im Verbindungsprofil.</translation>
    </message>
    <message>
        <source>not authorised</source>
        <comment>CONNACK return code</comment>
        <translation>nicht autorisiert</translation>
    </message>
    <message>
        <source>The broker refused the connection with the unknown CONNACK code %1 (%2).</source>
        <translation>Der Broker hat die Verbindung mit dem unbekannten CONNACK-Code %1 abgelehnt (%2).</translation>
    </message>
    <message>
        <source>The broker refused the connection without giving a reason (CONNACK: unspecified error). The broker&apos;s log may say more.</source>
        <translation>Der Broker hat die Verbindung ohne Angabe eines Grundes abgelehnt (CONNACK: unspecified error). Das Log des Brokers enthält möglicherweise weitere Informationen.</translation>
    </message>
    <message>
        <source>The broker considers the connection request invalid (CONNACK: %1). Check the client id, the will and the session settings in the connection profile.</source>
        <translation>Der Broker hält die Verbindungsanfrage für ungültig (CONNACK: %1). Prüfen Sie Client-ID, Last Will und Sitzungseinstellungen im Verbindungsprofil.</translation>
    </message>
    <message>
        <source>The broker refused the connection for a reason of its own (CONNACK: implementation specific error). The broker&apos;s log may say more.</source>
        <translation>Der Broker hat die Verbindung aus einem eigenen Grund abgelehnt (CONNACK: implementation specific error). Das Log des Brokers enthält möglicherweise weitere Informationen.</translation>
    </message>
    <message>
        <source>The broker does not support MQTT 5 (CONNACK: unsupported protocol version). Switch the connection profile to MQTT 3.1.1.</source>
        <translation>Der Broker unterstützt MQTT 5 nicht (CONNACK: unsupported protocol version). Stellen Sie das Verbindungsprofil auf MQTT 3.1.1 um.</translation>
    </message>
    <message>
        <source>The broker rejected the client id (CONNACK: client identifier not valid). Use a different client id, or leave it empty so LineScope generates one.</source>
        <translation>Der Broker hat die Client-ID abgelehnt (CONNACK: client identifier not valid). Verwenden Sie eine andere Client-ID oder lassen Sie sie leer, damit LineScope eine generiert.</translation>
    </message>
    <message>
        <source>not authorised</source>
        <comment>CONNACK reason code</comment>
        <translation>nicht autorisiert</translation>
    </message>
    <message>
        <source>The broker at %1 does not accept connections now (CONNACK: %2). Try again later.</source>
        <translation>Der Broker unter %1 nimmt derzeit keine Verbindungen an (CONNACK: %2). Versuchen Sie es später erneut.</translation>
    </message>
    <message>
        <source>The broker has banned this client (CONNACK: banned). Ask the broker administrator.</source>
        <translation>Der Broker hat diesen Client gesperrt (CONNACK: banned). Wenden Sie sich an den Broker-Administrator.</translation>
    </message>
    <message>
        <source>The broker does not support the authentication method (CONNACK: bad authentication method). Use user name and password authentication.</source>
        <translation>Der Broker unterstützt die Authentifizierungsmethode nicht (CONNACK: bad authentication method). Verwenden Sie die Authentifizierung mit Benutzername und Passwort.</translation>
    </message>
    <message>
        <source>The broker rejected the will topic (CONNACK: topic name invalid). Change the will topic in the connection profile.</source>
        <translation>Der Broker hat das Will-Topic abgelehnt (CONNACK: topic name invalid). Ändern Sie das Will-Topic im Verbindungsprofil.</translation>
    </message>
    <message>
        <source>The connection request is larger than the broker accepts (CONNACK: packet too large). Use a smaller will payload.</source>
        <translation>Die Verbindungsanfrage ist größer, als der Broker akzeptiert (CONNACK: packet too large). Verwenden Sie eine kleinere Will-Payload.</translation>
    </message>
    <message>
        <source>The broker rejected the will payload (CONNACK: payload format invalid). Change the will payload in the connection profile.</source>
        <translation>Der Broker hat die Will-Payload abgelehnt (CONNACK: payload format invalid). Ändern Sie die Will-Payload im Verbindungsprofil.</translation>
    </message>
    <message>
        <source>The broker does not support retained messages, but the will is retained (CONNACK: retain not supported). Turn off retain for the will.</source>
        <translation>Der Broker unterstützt keine Retained-Nachrichten, aber der Last Will ist retained (CONNACK: retain not supported). Schalten Sie Retain für den Last Will aus.</translation>
    </message>
    <message>
        <source>The broker does not support the will&apos;s QoS (CONNACK: QoS not supported). Use a lower will QoS.</source>
        <translation>Der Broker unterstützt die QoS des Last Will nicht (CONNACK: QoS not supported). Verwenden Sie eine niedrigere Will-QoS.</translation>
    </message>
    <message>
        <source>The broker at %1 sends its clients to another server (CONNACK: %2). Ask the broker administrator for the new address.</source>
        <translation>Der Broker unter %1 leitet seine Clients an einen anderen Server weiter (CONNACK: %2). Fragen Sie den Broker-Administrator nach der neuen Adresse.</translation>
    </message>
    <message>
        <source>The broker refused the connection (CONNACK: %1, reason code %2).</source>
        <translation>Der Broker hat die Verbindung abgelehnt (CONNACK: %1, Reason-Code %2).</translation>
    </message>
    <message>
        <source>The broker closed the connection (DISCONNECT: normal disconnection).</source>
        <translation>Der Broker hat die Verbindung geschlossen (DISCONNECT: normal disconnection).</translation>
    </message>
    <message>
        <source>The broker closed the connection because this client is no longer authorised (DISCONNECT: not authorised). Ask the broker administrator for access.</source>
        <translation>Der Broker hat die Verbindung geschlossen, weil dieser Client nicht mehr autorisiert ist (DISCONNECT: not authorised). Bitten Sie den Broker-Administrator um Zugriff.</translation>
    </message>
    <message>
        <source>The broker closed the connection because it is busy (DISCONNECT: server busy).</source>
        <translation>Der Broker hat die Verbindung geschlossen, weil er ausgelastet ist (DISCONNECT: server busy).</translation>
    </message>
    <message>
        <source>The broker at %1 is shutting down (DISCONNECT: server shutting down).</source>
        <translation>Der Broker unter %1 wird heruntergefahren (DISCONNECT: server shutting down).</translation>
    </message>
    <message>
        <source>The broker did not hear from LineScope within the keep-alive interval (DISCONNECT: keep alive timeout). The network may be slow or interrupted.</source>
        <translation>Der Broker hat innerhalb des Keep-Alive-Intervalls nichts von LineScope empfangen (DISCONNECT: keep alive timeout). Das Netzwerk ist möglicherweise langsam oder unterbrochen.</translation>
    </message>
    <message>
        <source>Another client connected with the same client id &quot;%1&quot;, so the broker closed this connection (DISCONNECT: session taken over). Give each client its own client id. LineScope does not reconnect by itself here, or the two clients would keep pushing each other off.</source>
        <translation>Ein anderer Client hat sich mit derselben Client-ID &quot;%1&quot; verbunden, daher hat der Broker diese Verbindung geschlossen (DISCONNECT: session taken over). Geben Sie jedem Client eine eigene Client-ID. LineScope verbindet sich hier nicht selbstständig neu, sonst würden sich die beiden Clients gegenseitig immer wieder verdrängen.</translation>
    </message>
    <message>
        <source>An administrator disconnected this client (DISCONNECT: administrative action).</source>
        <translation>Ein Administrator hat diesen Client getrennt (DISCONNECT: administrative action).</translation>
    </message>
    <message>
        <source>The broker at %1 sends its clients to another server (DISCONNECT: %2). Ask the broker administrator for the new address.</source>
        <translation>Der Broker unter %1 leitet seine Clients an einen anderen Server weiter (DISCONNECT: %2). Fragen Sie den Broker-Administrator nach der neuen Adresse.</translation>
    </message>
    <message>
        <source>The broker closed the connection (DISCONNECT: %1, reason code %2).</source>
        <translation>Der Broker hat die Verbindung geschlossen (DISCONNECT: %1, Reason-Code %2).</translation>
    </message>
    <message>
        <source>The broker refused the subscription to %1 (SUBACK: failure). Its access control may not allow this filter.</source>
        <translation>Der Broker hat das Abonnement von %1 abgelehnt (SUBACK: failure). Seine Zugriffskontrolle erlaubt diesen Filter möglicherweise nicht.</translation>
    </message>
    <message>
        <source>The broker does not allow this client to subscribe to %1 (SUBACK: not authorised). Ask the broker administrator for read access to these topics.</source>
        <translation>Der Broker erlaubt diesem Client nicht, %1 zu abonnieren (SUBACK: not authorised). Bitten Sie den Broker-Administrator um Lesezugriff auf diese Topics.</translation>
    </message>
    <message>
        <source>The broker considers the filter %1 invalid (SUBACK: topic filter invalid).</source>
        <translation>Der Broker hält den Filter %1 für ungültig (SUBACK: topic filter invalid).</translation>
    </message>
    <message>
        <source>The broker refused the subscription to %1 because a limit was reached (SUBACK: quota exceeded). Remove other subscriptions first.</source>
        <translation>Der Broker hat das Abonnement von %1 abgelehnt, weil ein Limit erreicht wurde (SUBACK: quota exceeded). Entfernen Sie zuerst andere Abonnements.</translation>
    </message>
    <message>
        <source>The broker does not support shared subscriptions, so %1 was refused (SUBACK: shared subscriptions not supported).</source>
        <translation>Der Broker unterstützt keine Shared Subscriptions, daher wurde %1 abgelehnt (SUBACK: shared subscriptions not supported).</translation>
    </message>
    <message>
        <source>The broker does not support subscription identifiers, so %1 was refused (SUBACK: subscription identifiers not supported). Subscribe without an identifier.</source>
        <translation>Der Broker unterstützt keine Subscription Identifiers, daher wurde %1 abgelehnt (SUBACK: subscription identifiers not supported). Abonnieren Sie ohne Identifier.</translation>
    </message>
    <message>
        <source>The broker does not support wildcard subscriptions, so %1 was refused (SUBACK: wildcard subscriptions not supported).</source>
        <translation>Der Broker unterstützt keine Wildcard-Abonnements, daher wurde %1 abgelehnt (SUBACK: wildcard subscriptions not supported).</translation>
    </message>
    <message>
        <source>The broker refused the subscription to %1 (SUBACK: %2, reason code %3).</source>
        <translation>Der Broker hat das Abonnement von %1 abgelehnt (SUBACK: %2, Reason-Code %3).</translation>
    </message>
    <message>
        <source>The broker accepted the message, but no client is subscribed to %1 (no matching subscribers).</source>
        <translation>Der Broker hat die Nachricht angenommen, aber kein Client hat %1 abonniert (no matching subscribers).</translation>
    </message>
    <message>
        <source>The broker does not allow this client to publish to %1 (not authorised). Ask the broker administrator for write access.</source>
        <translation>Der Broker erlaubt diesem Client nicht, auf %1 zu veröffentlichen (not authorised). Bitten Sie den Broker-Administrator um Schreibzugriff.</translation>
    </message>
    <message>
        <source>The broker considers the topic %1 invalid (topic name invalid).</source>
        <translation>Der Broker hält das Topic %1 für ungültig (topic name invalid).</translation>
    </message>
    <message>
        <source>The broker no longer knew the message for %1 (packet identifier not found); it was probably lost when the connection was re-established. Publish it again.</source>
        <translation>Der Broker kannte die Nachricht für %1 nicht mehr (packet identifier not found); sie ging vermutlich beim Wiederaufbau der Verbindung verloren. Veröffentlichen Sie sie erneut.</translation>
    </message>
    <message>
        <source>The broker refused the message for %1 because a limit was reached (quota exceeded).</source>
        <translation>Der Broker hat die Nachricht für %1 abgelehnt, weil ein Limit erreicht wurde (quota exceeded).</translation>
    </message>
    <message>
        <source>The broker refused the message for %1 because the payload does not match its payload format indicator (payload format invalid).</source>
        <translation>Der Broker hat die Nachricht für %1 abgelehnt, weil die Payload nicht zu ihrem Payload Format Indicator passt (payload format invalid).</translation>
    </message>
    <message>
        <source>The broker did not accept the message for %1 (%2, reason code %3).</source>
        <translation>Der Broker hat die Nachricht für %1 nicht angenommen (%2, Reason-Code %3).</translation>
    </message>
    <message>
        <source>The broker had no subscription to %1 (no subscription existed).</source>
        <translation>Der Broker hatte kein Abonnement von %1 (no subscription existed).</translation>
    </message>
    <message>
        <source>The broker does not allow this client to unsubscribe from %1 (not authorised).</source>
        <translation>Der Broker erlaubt diesem Client nicht, das Abonnement von %1 zu beenden (not authorised).</translation>
    </message>
    <message>
        <source>The broker refused to unsubscribe from %1 (%2, reason code %3).</source>
        <translation>Der Broker hat das Beenden des Abonnements von %1 abgelehnt (%2, Reason-Code %3).</translation>
    </message>
    <message>
        <source>Unknown reason source.</source>
        <translation>Unbekannte Ursachenquelle.</translation>
    </message>
</context>
<context>
    <name>MqttSession</name>
    <message>
        <source>The client certificate could not be loaded. %1</source>
        <translation>Das Client-Zertifikat konnte nicht geladen werden. %1</translation>
    </message>
    <message>
        <source>Connected with the new client certificate, but the certificate it replaces could not be retired. %1</source>
        <translation>Mit dem neuen Client-Zertifikat verbunden, aber das ersetzte Zertifikat konnte nicht außer Betrieb genommen werden. %1</translation>
    </message>
    <message>
        <source>Topic filter: %1</source>
        <translation>Topic-Filter: %1</translation>
    </message>
    <message>
        <source>QoS: %1 is not a QoS level. Use 0, 1 or 2.</source>
        <translation>QoS: %1 ist keine QoS-Stufe. Verwenden Sie 0, 1 oder 2.</translation>
    </message>
    <message>
        <source>Retain handling: %1 is not allowed. Use 0 (send retained messages), 1 (only for a new subscription) or 2 (never).</source>
        <translation>Retain Handling: %1 ist nicht zulässig. Verwenden Sie 0 (Retained-Nachrichten senden), 1 (nur bei neuem Abonnement) oder 2 (nie).</translation>
    </message>
    <message>
        <source>Subscription identifier: %1 is too large. Use 1 to %2, or 0 for none.</source>
        <translation>Subscription Identifier: %1 ist zu groß. Verwenden Sie 1 bis %2 oder 0 für keinen.</translation>
    </message>
    <message>
        <source>No local: MQTT 5 does not allow &quot;no local&quot; on a shared subscription (%1). Turn it off.</source>
        <translation>No Local: MQTT 5 erlaubt &quot;No Local&quot; nicht bei einer Shared Subscription (%1). Schalten Sie es aus.</translation>
    </message>
    <message>
        <source>Not subscribed to %1, so there is nothing to unsubscribe from.</source>
        <translation>%1 ist nicht abonniert, daher gibt es kein Abonnement zu beenden.</translation>
    </message>
    <message>
        <source>Not connected to the broker; the message to %1 was not sent. Connect first.</source>
        <translation>Nicht mit dem Broker verbunden; die Nachricht an %1 wurde nicht gesendet. Verbinden Sie sich zuerst.</translation>
    </message>
</context>
<context>
    <name>PayloadDecoder</name>
    <message>
        <source>(empty payload)</source>
        <translation>(leere Payload)</translation>
    </message>
    <message>
        <source>%1: %2 at byte %3</source>
        <extracomment>%1 is the decoder name (JSON, CBOR, ...), %2 the reason, %3 a byte offset</extracomment>
        <translation>%1: %2 bei Byte %3</translation>
    </message>
</context>
<context>
    <name>PayloadDecoderRegistry</name>
    <message>
        <source>Unknown payload decoder &quot;%1&quot;. Available decoders: %2.</source>
        <translation>Unbekannter Payload-Decoder &quot;%1&quot;. Verfügbare Decoder: %2.</translation>
    </message>
</context>
<context>
    <name>PayloadDiff</name>
    <message>
        <source>The payloads are identical.</source>
        <translation>Die Payloads sind identisch.</translation>
    </message>
    <message>
        <source>JSON: %1 added, %2 removed, %3 changed.</source>
        <translation>JSON: %1 hinzugefügt, %2 entfernt, %3 geändert.</translation>
    </message>
    <message>
        <source>Lines: %1 added, %2 removed.</source>
        <translation>Zeilen: %1 hinzugefügt, %2 entfernt.</translation>
    </message>
    <message>
        <source>Too large to diff line by line (%1 lines); showing first difference at byte %2.</source>
        <translation>Zu groß für einen zeilenweisen Vergleich (%1 Zeilen); erster Unterschied bei Byte %2 wird angezeigt.</translation>
    </message>
</context>
<context>
    <name>PayloadFormat</name>
    <message>
        <source>(empty)</source>
        <translation>(leer)</translation>
    </message>
    <message>
        <source>&lt;%1 binary&gt;</source>
        <translation>&lt;%1 binär&gt;</translation>
    </message>
    <message>
        <source>1 byte</source>
        <translation>1 Byte</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 Bytes</translation>
    </message>
</context>
<context>
    <name>PayloadTextView</name>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>&amp;Alles auswählen</translation>
    </message>
</context>
<context>
    <name>PayloadTreeModel</name>
    <message>
        <source>object</source>
        <translation>Objekt</translation>
    </message>
    <message>
        <source>array</source>
        <translation>Array</translation>
    </message>
    <message>
        <source>string</source>
        <translation>String</translation>
    </message>
    <message>
        <source>number</source>
        <translation>Zahl</translation>
    </message>
    <message>
        <source>boolean</source>
        <translation>Boolean</translation>
    </message>
    <message>
        <source>null</source>
        <translation>null</translation>
    </message>
    <message>
        <source>undefined</source>
        <translation>undefiniert</translation>
    </message>
    <message>
        <source>bytes</source>
        <translation>Bytes</translation>
    </message>
    <message>
        <source>tag</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>simple value</source>
        <translation>Simple Value</translation>
    </message>
    <message>
        <source>1 item</source>
        <translation>1 Element</translation>
    </message>
    <message>
        <source>%1 items</source>
        <translation>%1 Elemente</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
</context>
<context>
    <name>ProfileStore</name>
    <message>
        <source>%1: &quot;%2&quot; is not a valid value for &quot;%3&quot; (expected %4); using %5 instead.</source>
        <extracomment>%1 file, %2 value found, %3 key, %4 what is allowed, %5 the value used instead</extracomment>
        <translation>%1: &quot;%2&quot; ist kein gültiger Wert für &quot;%3&quot; (erwartet: %4); stattdessen wird %5 verwendet.</translation>
    </message>
    <message>
        <source>%1 is not a valid INI file; only the profiles that could be read are shown.</source>
        <translation>%1 ist keine gültige INI-Datei; nur die lesbaren Profile werden angezeigt.</translation>
    </message>
    <message>
        <source>a whole number from %1 to %2</source>
        <extracomment>Completes &quot;... (expected %4) ...&quot; in the invalid-value message.</extracomment>
        <translation>eine ganze Zahl von %1 bis %2</translation>
    </message>
    <message>
        <source>true or false</source>
        <extracomment>Completes &quot;... (expected %4) ...&quot;; true/false are the literal words in the file.</extracomment>
        <translation>true oder false</translation>
    </message>
    <message>
        <source>v311 or v5</source>
        <extracomment>Completes &quot;... (expected %4) ...&quot;; v311/v5 are the literal words in the file.</extracomment>
        <translation>v311 oder v5</translation>
    </message>
    <message>
        <source>a topic filter</source>
        <extracomment>The two fragments complete &quot;(expected %4); using %5 instead.&quot;</extracomment>
        <translation>ein Topic-Filter</translation>
    </message>
    <message>
        <source>nothing (the subscription is skipped)</source>
        <translation>nichts (das Abonnement wird übersprungen)</translation>
    </message>
    <message>
        <source>%1: the section &quot;%2&quot; is not a profile id; it is ignored.</source>
        <translation>%1: Der Abschnitt &quot;%2&quot; ist keine Profil-ID; er wird ignoriert.</translation>
    </message>
    <message>
        <source>Could not write the profile file %1. Check that its folder exists and is writable, then try again.</source>
        <translation>Die Profildatei %1 konnte nicht geschrieben werden. Prüfen Sie, ob ihr Ordner existiert und beschreibbar ist, und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>Could not update the profile file %1 because it is not a valid INI file. Fix or rename the file, then try again.</source>
        <translation>Die Profildatei %1 konnte nicht aktualisiert werden, da sie keine gültige INI-Datei ist. Korrigieren Sie die Datei oder benennen Sie sie um und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>The password of profile &quot;%1&quot; is in the OS keychain, but the profile could not refer to it: %2</source>
        <translation>Das Passwort des Profils &quot;%1&quot; befindet sich im Schlüsselbund des Betriebssystems, aber das Profil konnte nicht darauf verweisen: %2</translation>
    </message>
    <message>
        <source>The profile &quot;%1&quot; was saved without its new password: %2</source>
        <translation>Das Profil &quot;%1&quot; wurde ohne sein neues Passwort gespeichert: %2</translation>
    </message>
    <message>
        <source>The profile &quot;%1&quot; was saved, but its old password could not be deleted from the OS keychain: %2</source>
        <translation>Das Profil &quot;%1&quot; wurde gespeichert, aber sein altes Passwort konnte nicht aus dem Schlüsselbund des Betriebssystems gelöscht werden: %2</translation>
    </message>
    <message>
        <source>The profile &quot;%1&quot; was removed, but its password could not be deleted from the OS keychain: %2</source>
        <translation>Das Profil &quot;%1&quot; wurde entfernt, aber sein Passwort konnte nicht aus dem Schlüsselbund des Betriebssystems gelöscht werden: %2</translation>
    </message>
    <message>
        <source>Could not load the password of profile &quot;%1&quot;: %2</source>
        <translation>Das Passwort des Profils &quot;%1&quot; konnte nicht geladen werden: %2</translation>
    </message>
    <message>
        <source>The profile &quot;%1&quot; has no id, so it cannot be saved. Create it again.</source>
        <translation>Das Profil &quot;%1&quot; hat keine ID und kann daher nicht gespeichert werden. Legen Sie es erneut an.</translation>
    </message>
    <message>
        <source>The profile &quot;%1&quot; was not saved: %2</source>
        <translation>Das Profil &quot;%1&quot; wurde nicht gespeichert: %2</translation>
    </message>
    <message>
        <source>There is no saved profile with the id %1. It may have been removed already.</source>
        <translation>Es gibt kein gespeichertes Profil mit der ID %1. Möglicherweise wurde es bereits entfernt.</translation>
    </message>
    <message>
        <source>The profile &quot;%1&quot; was not removed: %2</source>
        <translation>Das Profil &quot;%1&quot; wurde nicht entfernt: %2</translation>
    </message>
    <message>
        <source>There is no saved profile with the id %1, so there is no password to load.</source>
        <translation>Es gibt kein gespeichertes Profil mit der ID %1, daher kann kein Passwort geladen werden.</translation>
    </message>
    <message>
        <source>The profile &quot;%1&quot; has no stored password. Enter the password and save the profile to store it in the OS keychain.</source>
        <translation>Für das Profil &quot;%1&quot; ist kein Passwort gespeichert. Geben Sie das Passwort ein und speichern Sie das Profil, um es im Schlüsselbund des Betriebssystems abzulegen.</translation>
    </message>
    <message>
        <source>a certificate id of 16 hex digits</source>
        <extracomment>Completes &quot;... (expected %4); using %5 instead.&quot; The id is what &quot;linescope-cli cert list&quot; shows.</extracomment>
        <translation>eine Zertifikats-ID aus 16 Hex-Ziffern</translation>
    </message>
    <message>
        <source>no client certificate</source>
        <translation>kein Client-Zertifikat</translation>
    </message>
</context>
<context>
    <name>PubCommand</name>
    <message>
        <source>Topic to publish to.</source>
        <translation>Topic, auf dem veröffentlicht wird.</translation>
    </message>
    <message>
        <source>TOPIC</source>
        <translation>TOPIC</translation>
    </message>
    <message>
        <source>Publish this text (UTF-8).</source>
        <translation>Diesen Text veröffentlichen (UTF-8).</translation>
    </message>
    <message>
        <source>MESSAGE</source>
        <translation>NACHRICHT</translation>
    </message>
    <message>
        <source>Publish the bytes of this file.</source>
        <translation>Die Bytes dieser Datei veröffentlichen.</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>DATEI</translation>
    </message>
    <message>
        <source>Publish everything read from stdin as one message.</source>
        <translation>Alles von stdin Gelesene als eine Nachricht veröffentlichen.</translation>
    </message>
    <message>
        <source>Publish each line read from stdin as its own message.</source>
        <translation>Jede von stdin gelesene Zeile als eigene Nachricht veröffentlichen.</translation>
    </message>
    <message>
        <source>Publish an empty (zero length) message.</source>
        <translation>Eine leere Nachricht (Länge null) veröffentlichen.</translation>
    </message>
    <message>
        <source>QoS: 0, 1 or 2. Default: 0.</source>
        <translation>QoS: 0, 1 oder 2. Standard: 0.</translation>
    </message>
    <message>
        <source>QOS</source>
        <translation>QOS</translation>
    </message>
    <message>
        <source>Ask the broker to retain the message.</source>
        <translation>Den Broker bitten, die Nachricht zu speichern (Retain).</translation>
    </message>
    <message>
        <source>MQTT 5 PUBLISH property (needs -V 5); see below. Repeatable.</source>
        <translation>MQTT-5-PUBLISH-Eigenschaft (benötigt -V 5); siehe unten. Wiederholbar.</translation>
    </message>
    <message>
        <source>publish IDENTIFIER VALUE</source>
        <translation>publish BEZEICHNER WERT</translation>
    </message>
    <message>
        <source>pub -t TOPIC {-m MESSAGE | -f FILE | -s | -l | -n} [options]</source>
        <translation>pub -t TOPIC {-m NACHRICHT | -f DATEI | -s | -l | -n} [Optionen]</translation>
    </message>
    <message>
        <source>Publish a message, like mosquitto_pub. With QoS 1 or 2 it waits for the broker&apos;s acknowledgement.</source>
        <translation>Eine Nachricht veröffentlichen, wie mosquitto_pub. Bei QoS 1 oder 2 wird auf die Bestätigung des Brokers gewartet.</translation>
    </message>
    <message>
        <source>MQTT 5 properties (-V 5):
  -D publish user-property KEY VALUE         repeatable, order is kept
  -D publish content-type TYPE
  -D publish response-topic TOPIC
  -D publish correlation-data DATA
  -D publish message-expiry-interval SECONDS
  -D publish payload-format-indicator 0|1

Exit status: 0 once every message was acknowledged, 1 on errors (nothing is published
when an argument is invalid), the CONNACK reason code when the broker refused the connection.</source>
        <translation>MQTT-5-Eigenschaften (-V 5):
  -D publish user-property SCHLÜSSEL WERT    wiederholbar, Reihenfolge bleibt erhalten
  -D publish content-type TYP
  -D publish response-topic TOPIC
  -D publish correlation-data DATEN
  -D publish message-expiry-interval SEKUNDEN
  -D publish payload-format-indicator 0|1

Exit-Status: 0, sobald jede Nachricht bestätigt wurde, 1 bei Fehlern (bei einem ungültigen
Argument wird nichts veröffentlicht), der CONNACK-Reason-Code, wenn der Broker die Verbindung abgelehnt hat.</translation>
    </message>
    <message>
        <source>-D needs a command, a property and its value, e.g. -D publish user-property KEY VALUE.</source>
        <translation>-D benötigt einen Befehl, eine Eigenschaft und ihren Wert, z. B. -D publish user-property SCHLÜSSEL WERT.</translation>
    </message>
    <message>
        <source>-D %1 is not supported; pub sends PUBLISH properties only (-D publish ...).</source>
        <translation>-D %1 wird nicht unterstützt; pub sendet nur PUBLISH-Eigenschaften (-D publish ...).</translation>
    </message>
    <message>
        <source>-D publish %1 was given twice; it may appear only once.</source>
        <translation>-D publish %1 wurde zweimal angegeben; es darf nur einmal vorkommen.</translation>
    </message>
    <message>
        <source>-D publish content-type needs a non-empty value.</source>
        <translation>-D publish content-type benötigt einen nicht leeren Wert.</translation>
    </message>
    <message>
        <source>Invalid response topic for -D publish response-topic: %1</source>
        <translation>Ungültiges Response-Topic für -D publish response-topic: %1</translation>
    </message>
    <message>
        <source>-D publish correlation-data needs a non-empty value.</source>
        <translation>-D publish correlation-data benötigt einen nicht leeren Wert.</translation>
    </message>
    <message>
        <source>Invalid message expiry interval &quot;%1&quot; for -D publish message-expiry-interval; use seconds from 0 to 4294967295.</source>
        <translation>Ungültiges Nachrichtenablaufintervall &quot;%1&quot; für -D publish message-expiry-interval; verwenden Sie Sekunden von 0 bis 4294967295.</translation>
    </message>
    <message>
        <source>Invalid payload format indicator &quot;%1&quot; for -D publish payload-format-indicator; use 0 (bytes) or 1 (UTF-8).</source>
        <translation>Ungültiger Payload Format Indicator &quot;%1&quot; für -D publish payload-format-indicator; verwenden Sie 0 (Bytes) oder 1 (UTF-8).</translation>
    </message>
    <message>
        <source>Unsupported property &quot;%1&quot; for -D publish; use user-property, content-type, response-topic, correlation-data, message-expiry-interval or payload-format-indicator.</source>
        <translation>Nicht unterstützte Eigenschaft &quot;%1&quot; für -D publish; verwenden Sie user-property, content-type, response-topic, correlation-data, message-expiry-interval oder payload-format-indicator.</translation>
    </message>
    <message>
        <source>No topic given; use -t TOPIC.</source>
        <translation>Kein Topic angegeben; verwenden Sie -t TOPIC.</translation>
    </message>
    <message>
        <source>-t was given %1 times; pub publishes to exactly one topic.</source>
        <translation>-t wurde %1-mal angegeben; pub veröffentlicht auf genau einem Topic.</translation>
    </message>
    <message>
        <source>Invalid topic for -t: %1</source>
        <translation>Ungültiges Topic für -t: %1</translation>
    </message>
    <message>
        <source>Invalid QoS &quot;%1&quot; for -q; use 0, 1 or 2.</source>
        <translation>Ungültige QoS &quot;%1&quot; für -q; verwenden Sie 0, 1 oder 2.</translation>
    </message>
    <message>
        <source>No message given; use one of -m MESSAGE, -f FILE, -s, -l or -n.</source>
        <translation>Keine Nachricht angegeben; verwenden Sie -m NACHRICHT, -f DATEI, -s, -l oder -n.</translation>
    </message>
    <message>
        <source>Give only one of -m, -f, -s, -l and -n.</source>
        <translation>Geben Sie nur eine der Optionen -m, -f, -s, -l und -n an.</translation>
    </message>
    <message>
        <source>Cannot read the message file &quot;%1&quot; given with -f: %2</source>
        <translation>Die mit -f angegebene Nachrichtendatei &quot;%1&quot; kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>The message file &quot;%1&quot; has %2 bytes; MQTT allows at most %3.</source>
        <translation>Die Nachrichtendatei &quot;%1&quot; hat %2 Bytes; MQTT erlaubt höchstens %3.</translation>
    </message>
    <message>
        <source>The message has %1 bytes; MQTT allows at most %2.</source>
        <translation>Die Nachricht hat %1 Bytes; MQTT erlaubt höchstens %2.</translation>
    </message>
    <message>
        <source>-D needs MQTT 5 (-V 5); MQTT 3.1.1 messages cannot carry properties.</source>
        <translation>-D benötigt MQTT 5 (-V 5); MQTT-3.1.1-Nachrichten können keine Eigenschaften enthalten.</translation>
    </message>
    <message>
        <source>Invalid message: %1</source>
        <translation>Ungültige Nachricht: %1</translation>
    </message>
    <message>
        <source>Error: no standard input is available to read the message from.</source>
        <translation>Fehler: Es ist keine Standardeingabe verfügbar, aus der die Nachricht gelesen werden kann.</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>Fehler: %1</translation>
    </message>
    <message>
        <source>Error: the message read from stdin has %1 bytes; MQTT allows at most %2.</source>
        <translation>Fehler: Die von stdin gelesene Nachricht hat %1 Bytes; MQTT erlaubt höchstens %2.</translation>
    </message>
    <message>
        <source>Error: cannot publish to &quot;%1&quot;: %2</source>
        <translation>Fehler: Auf &quot;%1&quot; kann nicht veröffentlicht werden: %2</translation>
    </message>
    <message>
        <source>Error: publishing to &quot;%1&quot; failed: %2</source>
        <translation>Fehler: Veröffentlichen auf &quot;%1&quot; fehlgeschlagen: %2</translation>
    </message>
    <message numerus="yes">
        <source>Error: interrupted before the broker acknowledged %n message(s).</source>
        <translation>
            <numerusform>Fehler: Abgebrochen, bevor der Broker %n Nachricht bestätigt hat.</numerusform>
            <numerusform>Fehler: Abgebrochen, bevor der Broker %n Nachrichten bestätigt hat.</numerusform>
        </translation>
    </message>
    <message>
        <source>Error: interrupted before the message was sent.</source>
        <translation>Fehler: Abgebrochen, bevor die Nachricht gesendet wurde.</translation>
    </message>
</context>
<context>
    <name>PublishHistory</name>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Topic</translation>
    </message>
    <message>
        <source>QoS</source>
        <translation>QoS</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Double-click a row to load it into the publish editor.</source>
        <translation>Doppelklicken Sie auf eine Zeile, um sie in den Veröffentlichungs-Editor zu laden.</translation>
    </message>
    <message>
        <source>Publish Again</source>
        <translation>Erneut veröffentlichen</translation>
    </message>
    <message>
        <source>sending (retained)…</source>
        <translation>wird gesendet (retained)…</translation>
    </message>
    <message>
        <source>sending…</source>
        <translation>wird gesendet…</translation>
    </message>
    <message>
        <source>Publish this message again, unchanged</source>
        <translation>Diese Nachricht unverändert erneut veröffentlichen</translation>
    </message>
    <message>
        <source>%1 older entries were removed; the newest %2 are kept.</source>
        <translation>%1 ältere Einträge wurden entfernt; die neuesten %2 bleiben erhalten.</translation>
    </message>
</context>
<context>
    <name>PublishPanel</name>
    <message>
        <source>Payload from file: %1 (%2 bytes)</source>
        <translation>Payload aus Datei: %1 (%2 Bytes)</translation>
    </message>
    <message>
        <source>factory/site/building/line/asset/command</source>
        <translation>factory/site/building/line/asset/command</translation>
    </message>
    <message>
        <source>QoS 0 – at most once</source>
        <translation>QoS 0 – höchstens einmal</translation>
    </message>
    <message>
        <source>QoS 1 – at least once</source>
        <translation>QoS 1 – mindestens einmal</translation>
    </message>
    <message>
        <source>QoS 2 – exactly once</source>
        <translation>QoS 2 – genau einmal</translation>
    </message>
    <message>
        <source>Retain</source>
        <translation>Retain</translation>
    </message>
    <message>
        <source>The broker keeps this message and hands it to every new subscriber.</source>
        <translation>Der Broker speichert diese Nachricht und übergibt sie jedem neuen Abonnenten.</translation>
    </message>
    <message>
        <source>Publish</source>
        <translation>Veröffentlichen</translation>
    </message>
    <message>
        <source>Publish (Ctrl+Return)</source>
        <translation>Veröffentlichen (Strg+Eingabe)</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Topic</translation>
    </message>
    <message>
        <source>Payload, e.g. {&quot;command&quot;: &quot;start&quot;}</source>
        <translation>Payload, z. B. {&quot;command&quot;: &quot;start&quot;}</translation>
    </message>
    <message>
        <source>From File…</source>
        <translation>Aus Datei…</translation>
    </message>
    <message>
        <source>Send the exact bytes of a file as the payload</source>
        <translation>Die exakten Bytes einer Datei als Payload senden</translation>
    </message>
    <message>
        <source>Use Text Payload</source>
        <translation>Text-Payload verwenden</translation>
    </message>
    <message>
        <source>MQTT 5 Properties</source>
        <translation>MQTT-5-Eigenschaften</translation>
    </message>
    <message>
        <source>e.g. application/json</source>
        <translation>z. B. application/json</translation>
    </message>
    <message>
        <source>Not set</source>
        <translation>Nicht gesetzt</translation>
    </message>
    <message>
        <source>0 – unspecified bytes</source>
        <translation>0 – unspezifizierte Bytes</translation>
    </message>
    <message>
        <source>1 – UTF-8 text</source>
        <translation>1 – UTF-8-Text</translation>
    </message>
    <message>
        <source>sent as UTF-8 bytes</source>
        <translation>als UTF-8-Bytes gesendet</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>User property</source>
        <translation>User Property</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Content type</source>
        <translation>Content-Type</translation>
    </message>
    <message>
        <source>Payload format</source>
        <translation>Payload-Format</translation>
    </message>
    <message>
        <source>Response topic</source>
        <translation>Response-Topic</translation>
    </message>
    <message>
        <source>Correlation data</source>
        <translation>Correlation Data</translation>
    </message>
    <message>
        <source>Message expiry</source>
        <translation>Nachrichtenablauf</translation>
    </message>
    <message>
        <source>MQTT 3.1.1 messages carry no properties.</source>
        <translation>MQTT-3.1.1-Nachrichten enthalten keine Eigenschaften.</translation>
    </message>
    <message>
        <source>Response topic: %1</source>
        <translation>Response-Topic: %1</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>%1 wird gelesen…</translation>
    </message>
    <message>
        <source>%1 is larger than the 256 MB an MQTT message can carry.</source>
        <translation>%1 ist größer als die 256 MB, die eine MQTT-Nachricht enthalten kann.</translation>
    </message>
    <message>
        <source>Could not read %1: %2</source>
        <translation>%1 konnte nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Enter the topic to publish to.</source>
        <translation>Geben Sie das Topic ein, auf dem veröffentlicht werden soll.</translation>
    </message>
    <message>
        <source>Payload File</source>
        <translation>Payload-Datei</translation>
    </message>
</context>
<context>
    <name>SecretStore</name>
    <message>
        <source>no details were given</source>
        <translation>es wurden keine Details angegeben</translation>
    </message>
    <message>
        <source>No OS keychain is available (Secret Service, Windows Credential Manager or macOS Keychain). LineScope does not store secrets in files; start a keychain service and try again.</source>
        <translation>Es ist kein Schlüsselbund des Betriebssystems verfügbar (Secret Service, Windows-Anmeldeinformationsverwaltung oder macOS-Schlüsselbund). LineScope speichert keine Geheimnisse in Dateien; starten Sie einen Schlüsselbund-Dienst und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The OS keychain has no secret stored under &quot;%1&quot;. Enter it again and save it.</source>
        <translation>Der Schlüsselbund des Betriebssystems enthält kein Geheimnis unter &quot;%1&quot;. Geben Sie es erneut ein und speichern Sie es.</translation>
    </message>
    <message>
        <source>The OS keychain denied access to &quot;%1&quot; (%2). Unlock the keychain or allow LineScope to use it, then try again.</source>
        <translation>Der Schlüsselbund des Betriebssystems hat den Zugriff auf &quot;%1&quot; verweigert (%2). Entsperren Sie den Schlüsselbund oder erlauben Sie LineScope die Nutzung und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>Could not store the secret &quot;%1&quot; in the OS keychain: %2. Check that the keychain is unlocked and try again.</source>
        <translation>Das Geheimnis &quot;%1&quot; konnte nicht im Schlüsselbund des Betriebssystems gespeichert werden: %2. Prüfen Sie, ob der Schlüsselbund entsperrt ist, und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Could not read the secret &quot;%1&quot; from the OS keychain: %2. Check that the keychain is unlocked and try again.</source>
        <translation>Das Geheimnis &quot;%1&quot; konnte nicht aus dem Schlüsselbund des Betriebssystems gelesen werden: %2. Prüfen Sie, ob der Schlüsselbund entsperrt ist, und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Could not delete the secret &quot;%1&quot; from the OS keychain: %2. Check that the keychain is unlocked and try again.</source>
        <translation>Das Geheimnis &quot;%1&quot; konnte nicht aus dem Schlüsselbund des Betriebssystems gelöscht werden: %2. Prüfen Sie, ob der Schlüsselbund entsperrt ist, und versuchen Sie es erneut.</translation>
    </message>
</context>
<context>
    <name>ShadowClient</name>
    <message>
        <source>The shadow client has no connection any more; open the connection again.</source>
        <translation>Der Shadow-Client hat keine Verbindung mehr; öffnen Sie die Verbindung erneut.</translation>
    </message>
    <message>
        <source>clientToken: &quot;%1&quot; is already used by a request still waiting for its reply. Use a new token or leave it empty to have one generated.</source>
        <translation>clientToken: &quot;%1&quot; wird bereits von einer Anfrage verwendet, die noch auf ihre Antwort wartet. Verwenden Sie ein neues Token oder lassen Sie das Feld leer, damit eines generiert wird.</translation>
    </message>
    <message>
        <source>Could not subscribe to the shadow replies on %1: %2</source>
        <translation>Die Shadow-Antworten auf %1 konnten nicht abonniert werden: %2</translation>
    </message>
    <message>
        <source>The connection was closed before the shadow request could be sent.</source>
        <translation>Die Verbindung wurde geschlossen, bevor die Shadow-Anfrage gesendet werden konnte.</translation>
    </message>
    <message>
        <source>The shadow request could not be sent: %1</source>
        <translation>Die Shadow-Anfrage konnte nicht gesendet werden: %1</translation>
    </message>
    <message>
        <source>The broker refused the subscription to %1, so the named shadows of %2 cannot be discovered: %3</source>
        <translation>Der Broker hat das Abonnement von %1 abgelehnt, daher können die benannten Shadows von %2 nicht ermittelt werden: %3</translation>
    </message>
    <message>
        <source>The broker refused the subscription to %1 (%2), so the replies of the shadow service cannot be received. Check that this connection may subscribe to the shadow&apos;s $aws/things/... topics.</source>
        <translation>Der Broker hat das Abonnement von %1 abgelehnt (%2), daher können die Antworten des Shadow-Dienstes nicht empfangen werden. Prüfen Sie, ob diese Verbindung die $aws/things/...-Topics des Shadows abonnieren darf.</translation>
    </message>
    <message>
        <source>The broker did not take the shadow request: %1</source>
        <translation>Der Broker hat die Shadow-Anfrage nicht angenommen: %1</translation>
    </message>
    <message>
        <source>not a JSON object</source>
        <translation>kein JSON-Objekt</translation>
    </message>
    <message>
        <source>No reply from the shadow service within %1 s. Check that a shadow service (AWS IoT, or LineScope&apos;s shadow service) answers on this broker and that the thing name is right, then try again.</source>
        <translation>Keine Antwort vom Shadow-Dienst innerhalb von %1 s. Prüfen Sie, ob ein Shadow-Dienst (AWS IoT oder der Shadow-Dienst von LineScope) auf diesem Broker antwortet und ob der Thing-Name stimmt, und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>The shadow request could not be sent within %1 s because the connection to the broker is not established. Connect, then try again.</source>
        <translation>Die Shadow-Anfrage konnte nicht innerhalb von %1 s gesendet werden, da die Verbindung zum Broker nicht hergestellt ist. Verbinden Sie sich und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>The broker did not confirm the subscription to the shadow&apos;s reply topics within %1 s, so the request was not sent. Try again.</source>
        <translation>Der Broker hat das Abonnement der Antwort-Topics des Shadows nicht innerhalb von %1 s bestätigt, daher wurde die Anfrage nicht gesendet. Versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>A shadow reply on %1 could not be read (%2) and was ignored.</source>
        <translation>Eine Shadow-Antwort auf %1 konnte nicht gelesen werden (%2) und wurde ignoriert.</translation>
    </message>
    <message>
        <source>The connection was closed before the shadow service replied.</source>
        <translation>Die Verbindung wurde geschlossen, bevor der Shadow-Dienst geantwortet hat.</translation>
    </message>
    <message>
        <source>The shadow client was closed before the shadow service replied.</source>
        <translation>Der Shadow-Client wurde geschlossen, bevor der Shadow-Dienst geantwortet hat.</translation>
    </message>
    <message>
        <source>version: %1 is not a shadow version. Use 0 or more, or send without a version.</source>
        <translation>version: %1 ist keine Shadow-Version. Verwenden Sie 0 oder mehr oder senden Sie ohne Version.</translation>
    </message>
    <message>
        <source>The shadow %1 is no longer watched, so its reply cannot be received.</source>
        <translation>Der Shadow %1 wird nicht mehr beobachtet, daher kann seine Antwort nicht empfangen werden.</translation>
    </message>
</context>
<context>
    <name>ShadowCommand</name>
    <message>
        <source>Thing name (1-128 characters of a-z A-Z 0-9 : _ -).</source>
        <translation>Thing-Name (1-128 Zeichen aus a-z A-Z 0-9 : _ -).</translation>
    </message>
    <message>
        <source>THING</source>
        <translation>THING</translation>
    </message>
    <message>
        <source>Named shadow (1-64 characters of a-z A-Z 0-9 : _ -). Default: the classic shadow.</source>
        <translation>Benannter Shadow (1-64 Zeichen aus a-z A-Z 0-9 : _ -). Standard: der klassische Shadow.</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <source>update: the request document, e.g. {&quot;state&quot;:{&quot;desired&quot;:{&quot;speed&quot;:12}}}.</source>
        <translation>update: das Anfragedokument, z. B. {&quot;state&quot;:{&quot;desired&quot;:{&quot;speed&quot;:12}}}.</translation>
    </message>
    <message>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <source>update: read the request document from this file.</source>
        <translation>update: das Anfragedokument aus dieser Datei lesen.</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>DATEI</translation>
    </message>
    <message>
        <source>update: apply only if the shadow is still at this version (else 409).</source>
        <translation>update: nur anwenden, wenn der Shadow noch diese Version hat (sonst 409).</translation>
    </message>
    <message>
        <source>VERSION</source>
        <translation>VERSION</translation>
    </message>
    <message>
        <source>Seconds to wait for the reply (1-%1). Default: %2.</source>
        <translation>Sekunden, die auf die Antwort gewartet wird (1-%1). Standard: %2.</translation>
    </message>
    <message>
        <source>SECONDS</source>
        <translation>SEKUNDEN</translation>
    </message>
    <message>
        <source>serve: SQLite file that stores the shadows (created when missing).</source>
        <translation>serve: SQLite-Datei, in der die Shadows gespeichert werden (wird angelegt, falls sie fehlt).</translation>
    </message>
    <message>
        <source>shadow get|update|delete --thing THING [--name NAME] [-m JSON | -f FILE] [--version V] [options]
       linescope-cli shadow serve --db FILE [options]</source>
        <translation>shadow get|update|delete --thing THING [--name NAME] [-m JSON | -f DATEI] [--version V] [Optionen]
       linescope-cli shadow serve --db DATEI [Optionen]</translation>
    </message>
    <message>
        <source>Read, update and delete AWS IoT device shadows (classic or named) over MQTT, or answer shadow requests on a broker without AWS (serve).</source>
        <translation>AWS-IoT-Device-Shadows (klassisch oder benannt) über MQTT lesen, aktualisieren und löschen oder Shadow-Anfragen auf einem Broker ohne AWS beantworten (serve).</translation>
    </message>
    <message>
        <source>The accepted reply is printed as JSON on stdout. -m and -f take the whole update request,
{&quot;state&quot;: {&quot;desired&quot;: {...}, &quot;reported&quot;: {...}}, &quot;version&quot;: V, &quot;clientToken&quot;: &quot;...&quot;};
a key set to null is deleted. Names, JSON, nesting depth, the 8 KB size limit and the
clientToken are checked before connecting: an invalid request is never sent.

Examples:
  linescope-cli shadow get --thing press-1 -h broker.local
  linescope-cli shadow update --thing press-1 --name control -m &apos;{&quot;state&quot;:{&quot;desired&quot;:{&quot;mode&quot;:&quot;run&quot;}}}&apos; --version 7
  linescope-cli shadow delete --thing press-1 --name control
  linescope-cli shadow serve -h 127.0.0.1 -p 1883 --db shadows.sqlite

Exit status: 0 accepted; 1 invalid arguments or connection error; 2 rejected by the shadow
service (code, message and what to do on stderr); 27 no reply within --timeout.
serve runs until Ctrl+C and exits 0.</source>
        <translation>Die akzeptierte Antwort wird als JSON auf stdout ausgegeben. -m und -f nehmen die gesamte Update-Anfrage entgegen,
{&quot;state&quot;: {&quot;desired&quot;: {...}, &quot;reported&quot;: {...}}, &quot;version&quot;: V, &quot;clientToken&quot;: &quot;...&quot;};
ein auf null gesetzter Schlüssel wird gelöscht. Namen, JSON, Verschachtelungstiefe, die Größengrenze von 8 KB
und das clientToken werden vor dem Verbinden geprüft: Eine ungültige Anfrage wird nie gesendet.

Beispiele:
  linescope-cli shadow get --thing press-1 -h broker.local
  linescope-cli shadow update --thing press-1 --name control -m &apos;{&quot;state&quot;:{&quot;desired&quot;:{&quot;mode&quot;:&quot;run&quot;}}}&apos; --version 7
  linescope-cli shadow delete --thing press-1 --name control
  linescope-cli shadow serve -h 127.0.0.1 -p 1883 --db shadows.sqlite

Exit-Status: 0 akzeptiert; 1 ungültige Argumente oder Verbindungsfehler; 2 vom Shadow-Dienst abgelehnt
(Code, Meldung und weiteres Vorgehen auf stderr); 27 keine Antwort innerhalb von --timeout.
serve läuft bis Strg+C und endet mit 0.</translation>
    </message>
    <message>
        <source>Say what to do: get, update, delete or serve.</source>
        <translation>Geben Sie an, was zu tun ist: get, update, delete oder serve.</translation>
    </message>
    <message>
        <source>Unknown shadow action &quot;%1&quot;; use get, update, delete or serve.</source>
        <translation>Unbekannte Shadow-Aktion &quot;%1&quot;; verwenden Sie get, update, delete oder serve.</translation>
    </message>
    <message>
        <source>Unexpected argument &quot;%1&quot;.</source>
        <translation>Unerwartetes Argument &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>--%1 is for get, update and delete; serve answers the requests of every thing.</source>
        <translation>--%1 gilt für get, update und delete; serve beantwortet die Anfragen aller Things.</translation>
    </message>
    <message>
        <source>serve needs --db FILE: the SQLite file that stores the shadows.</source>
        <translation>serve benötigt --db DATEI: die SQLite-Datei, in der die Shadows gespeichert werden.</translation>
    </message>
    <message>
        <source>--db is for serve only.</source>
        <translation>--db gilt nur für serve.</translation>
    </message>
    <message>
        <source>No thing given; use --thing THING.</source>
        <translation>Kein Thing angegeben; verwenden Sie --thing THING.</translation>
    </message>
    <message>
        <source>--name is empty; give the named shadow&apos;s name, or leave --name out for the classic shadow.</source>
        <translation>--name ist leer; geben Sie den Namen des benannten Shadows an oder lassen Sie --name für den klassischen Shadow weg.</translation>
    </message>
    <message>
        <source>Invalid --timeout &quot;%1&quot;; use whole seconds from 1 to %2.</source>
        <translation>Ungültiges --timeout &quot;%1&quot;; verwenden Sie ganze Sekunden von 1 bis %2.</translation>
    </message>
    <message>
        <source>--%1 is for update only.</source>
        <translation>--%1 gilt nur für update.</translation>
    </message>
    <message>
        <source>update needs the request document: give exactly one of -m JSON and -f FILE.</source>
        <translation>update benötigt das Anfragedokument: Geben Sie genau eines von -m JSON und -f DATEI an.</translation>
    </message>
    <message>
        <source>Cannot read the update document &quot;%1&quot; given with -f: %2</source>
        <translation>Das mit -f angegebene Update-Dokument &quot;%1&quot; kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>The update document &quot;%1&quot; has %2 bytes; a shadow update holds at most %3 bytes of state, so files over %4 bytes are refused.</source>
        <translation>Das Update-Dokument &quot;%1&quot; hat %2 Bytes; ein Shadow-Update enthält höchstens %3 Bytes Zustand, daher werden Dateien über %4 Bytes abgelehnt.</translation>
    </message>
    <message>
        <source>Invalid update document (%1): %2</source>
        <translation>Ungültiges Update-Dokument (%1): %2</translation>
    </message>
    <message>
        <source>Invalid --version &quot;%1&quot;; use the shadow&apos;s current version, a whole number from 0.</source>
        <translation>Ungültige --version &quot;%1&quot;; verwenden Sie die aktuelle Version des Shadows, eine ganze Zahl ab 0.</translation>
    </message>
    <message>
        <source>--version %1 differs from the version %2 in the update document (%3); give it only once.</source>
        <translation>--version %1 weicht von der Version %2 im Update-Dokument (%3) ab; geben Sie sie nur einmal an.</translation>
    </message>
    <message>
        <source>Connected to %1:%2.</source>
        <translation>Verbunden mit %1:%2.</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>Fehler: %1</translation>
    </message>
    <message>
        <source>Error: the shadow service rejected the %1 request for %2: %3 %4</source>
        <translation>Fehler: Der Shadow-Dienst hat die %1-Anfrage für %2 abgelehnt: %3 %4</translation>
    </message>
    <message>
        <source>Shadow service running on %1:%2, shadows stored in %3. Stop it with Ctrl+C.</source>
        <translation>Shadow-Dienst läuft auf %1:%2, Shadows werden in %3 gespeichert. Beenden mit Strg+C.</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>Warnung: %1</translation>
    </message>
    <message>
        <source>Error: the shadow service stopped: %1</source>
        <translation>Fehler: Der Shadow-Dienst wurde beendet: %1</translation>
    </message>
    <message>
        <source>no clientToken</source>
        <translation>kein clientToken</translation>
    </message>
    <message>
        <source>clientToken %1</source>
        <translation>clientToken %1</translation>
    </message>
    <message>
        <source>%1 %2 %3: accepted (%4)</source>
        <extracomment>Log line of &quot;shadow serve&quot;: time, get/update/delete, shadow, clientToken</extracomment>
        <translation>%1 %2 %3: akzeptiert (%4)</translation>
    </message>
    <message>
        <source>%1 %2 %3: rejected %4 &quot;%5&quot; (%6)</source>
        <extracomment>Log line of &quot;shadow serve&quot;: time, get/update/delete, shadow, code, service message, clientToken</extracomment>
        <translation>%1 %2 %3: abgelehnt %4 &quot;%5&quot; (%6)</translation>
    </message>
    <message>
        <source>Error: interrupted before the shadow service replied.</source>
        <translation>Fehler: Abgebrochen, bevor der Shadow-Dienst geantwortet hat.</translation>
    </message>
    <message>
        <source>Shadow service stopped. Requests accepted: %1, rejected: %2.</source>
        <translation>Shadow-Dienst beendet. Anfragen akzeptiert: %1, abgelehnt: %2.</translation>
    </message>
</context>
<context>
    <name>ShadowConflictView</name>
    <message>
        <source>(absent)</source>
        <translation>(nicht vorhanden)</translation>
    </message>
    <message>
        <source>Discard My Edit</source>
        <translation>Meine Bearbeitung verwerfen</translation>
    </message>
    <message>
        <source>Forget the edit and show the current desired state in the editor</source>
        <translation>Die Bearbeitung verwerfen und den aktuellen Desired-Zustand im Editor anzeigen</translation>
    </message>
    <message>
        <source>Version conflict: the shadow changed from version %1 to %2 since you started editing, so the service refused your update. Nothing was overwritten. Compare your edit with the current state, then re-apply it on version %2 or discard it.</source>
        <translation>Versionskonflikt: Der Shadow hat sich seit Beginn Ihrer Bearbeitung von Version %1 auf %2 geändert, daher hat der Dienst Ihr Update abgelehnt. Es wurde nichts überschrieben. Vergleichen Sie Ihre Bearbeitung mit dem aktuellen Zustand und wenden Sie sie dann erneut auf Version %2 an oder verwerfen Sie sie.</translation>
    </message>
    <message>
        <source>Your edit (desired update, based on version %1)</source>
        <translation>Ihre Bearbeitung (Desired-Update, basierend auf Version %1)</translation>
    </message>
    <message>
        <source>Current desired state (version %1)</source>
        <translation>Aktueller Desired-Zustand (Version %1)</translation>
    </message>
    <message>
        <source>Re-apply My Edit on Version %1</source>
        <translation>Meine Bearbeitung erneut auf Version %1 anwenden</translation>
    </message>
    <message>
        <source>Send your edit again, now expecting version %1</source>
        <translation>Ihre Bearbeitung erneut senden, jetzt mit erwarteter Version %1</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>At load (v%1)</source>
        <translation>Beim Laden (v%1)</translation>
    </message>
    <message>
        <source>Now (v%1)</source>
        <translation>Jetzt (v%1)</translation>
    </message>
    <message>
        <source>Your edit</source>
        <translation>Ihre Bearbeitung</translation>
    </message>
    <message>
        <source>(unchanged)</source>
        <translation>(unverändert)</translation>
    </message>
    <message>
        <source>Changed by you and by someone else</source>
        <translation>Von Ihnen und von jemand anderem geändert</translation>
    </message>
    <message>
        <source>Changed by someone else; re-applying keeps their value</source>
        <translation>Von jemand anderem geändert; erneutes Anwenden behält dessen Wert</translation>
    </message>
</context>
<context>
    <name>ShadowEditor</name>
    <message>
        <source>Device Shadow</source>
        <translation>Device Shadow</translation>
    </message>
    <message>
        <source>Thing name, e.g. press-7</source>
        <translation>Thing-Name, z. B. press-7</translation>
    </message>
    <message>
        <source>(classic shadow)</source>
        <translation>(klassischer Shadow)</translation>
    </message>
    <message>
        <source>Leave empty for the classic shadow, or pick or type a named shadow. The list shows the named shadows seen for this thing.</source>
        <translation>Für den klassischen Shadow leer lassen oder einen benannten Shadow auswählen oder eingeben. Die Liste zeigt die für dieses Thing gesehenen benannten Shadows.</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Neu laden</translation>
    </message>
    <message>
        <source>Delete Shadow…</source>
        <translation>Shadow löschen…</translation>
    </message>
    <message>
        <source>Thing:</source>
        <translation>Thing:</translation>
    </message>
    <message>
        <source>Shadow:</source>
        <translation>Shadow:</translation>
    </message>
    <message>
        <source>What the cloud or an operator wants; keys in bold are not reported yet</source>
        <translation>Was die Cloud oder ein Bediener möchte; fett dargestellte Schlüssel wurden noch nicht gemeldet</translation>
    </message>
    <message>
        <source>What the device last reported</source>
        <translation>Was das Gerät zuletzt gemeldet hat</translation>
    </message>
    <message>
        <source>Desired values the device has not reported yet</source>
        <translation>Desired-Werte, die das Gerät noch nicht gemeldet hat</translation>
    </message>
    <message>
        <source>Desired</source>
        <translation>Desired</translation>
    </message>
    <message>
        <source>Reported</source>
        <translation>Reported</translation>
    </message>
    <message>
        <source>Delta (desired, not yet reported)</source>
        <translation>Delta (desired, noch nicht reported)</translation>
    </message>
    <message>
        <source>Desired (Form)</source>
        <translation>Desired (Formular)</translation>
    </message>
    <message>
        <source>Desired (Raw JSON)</source>
        <translation>Desired (Roh-JSON)</translation>
    </message>
    <message>
        <source>Request Preview</source>
        <translation>Anfragevorschau</translation>
    </message>
    <message>
        <source>Send only if the shadow is still at the loaded version</source>
        <translation>Nur senden, wenn der Shadow noch die geladene Version hat</translation>
    </message>
    <message>
        <source>Optimistic locking: the request carries the version you loaded; if someone else changed the shadow meanwhile, the service refuses it (409) and you can compare.</source>
        <translation>Optimistisches Sperren: Die Anfrage enthält die von Ihnen geladene Version; hat jemand anderes den Shadow zwischenzeitlich geändert, lehnt der Dienst sie ab (409) und Sie können vergleichen.</translation>
    </message>
    <message>
        <source>Send Update</source>
        <translation>Update senden</translation>
    </message>
    <message>
        <source>Device Shadow: %1</source>
        <translation>Device Shadow: %1</translation>
    </message>
    <message>
        <source>Enter a thing name, then open its shadow.</source>
        <translation>Geben Sie einen Thing-Namen ein und öffnen Sie dann seinen Shadow.</translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation>%1 wird geladen…</translation>
    </message>
    <message>
        <source>The classic (unnamed) shadow</source>
        <translation>Der klassische (unbenannte) Shadow</translation>
    </message>
    <message>
        <source>Wait for the running request to finish, then send again.</source>
        <translation>Warten Sie, bis die laufende Anfrage abgeschlossen ist, und senden Sie dann erneut.</translation>
    </message>
    <message>
        <source>Open a shadow first.</source>
        <translation>Öffnen Sie zuerst einen Shadow.</translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation>Nicht gesendet: %1</translation>
    </message>
    <message>
        <source>Nothing to send: the desired state is unchanged.</source>
        <translation>Nichts zu senden: Der Desired-Zustand ist unverändert.</translation>
    </message>
    <message>
        <source>Sending the update to %1…</source>
        <translation>Update wird an %1 gesendet…</translation>
    </message>
    <message>
        <source>Delete Device Shadow</source>
        <translation>Device Shadow löschen</translation>
    </message>
    <message>
        <source>Delete %1?</source>
        <translation>%1 löschen?</translation>
    </message>
    <message>
        <source>The service removes the desired and reported state. The device no longer receives its set-points from this shadow until someone writes it again.</source>
        <translation>Der Dienst entfernt den Desired- und den Reported-Zustand. Das Gerät erhält keine Sollwerte mehr von diesem Shadow, bis jemand ihn erneut schreibt.</translation>
    </message>
    <message>
        <source>Delete Shadow</source>
        <translation>Shadow löschen</translation>
    </message>
    <message>
        <source>Not deleted: %1</source>
        <translation>Nicht gelöscht: %1</translation>
    </message>
    <message>
        <source>Deleting %1…</source>
        <translation>%1 wird gelöscht…</translation>
    </message>
    <message>
        <source>Your edit was discarded; the editor shows version %1.</source>
        <translation>Ihre Bearbeitung wurde verworfen; der Editor zeigt Version %1.</translation>
    </message>
    <message>
        <source>Update accepted: %1 is now at version %2.</source>
        <translation>Update angenommen: %1 hat jetzt Version %2.</translation>
    </message>
    <message>
        <source>Rejected (%1): %2</source>
        <translation>Abgelehnt (%1): %2</translation>
    </message>
    <message>
        <source>%1 Reloading the current document to compare…</source>
        <translation>%1 Das aktuelle Dokument wird zum Vergleich neu geladen…</translation>
    </message>
    <message>
        <source>Deleted %1 (it was at version %2). Sending an update creates it again.</source>
        <translation>%1 gelöscht (war auf Version %2). Das Senden eines Updates erstellt ihn erneut.</translation>
    </message>
    <message>
        <source>Not deleted (%1): %2</source>
        <translation>Nicht gelöscht (%1): %2</translation>
    </message>
    <message>
        <source>Could not load (%1): %2</source>
        <translation>Laden fehlgeschlagen (%1): %2</translation>
    </message>
    <message>
        <source>%1 Someone else changed %2 (now version %3); your edit was not applied.</source>
        <translation>%1 Jemand anderes hat %2 geändert (jetzt Version %3); Ihre Bearbeitung wurde nicht angewendet.</translation>
    </message>
    <message>
        <source>Loaded %1 at version %2.</source>
        <translation>%1 in Version %2 geladen.</translation>
    </message>
    <message>
        <source>No shadow exists for %1 yet. Sending an update creates it.</source>
        <translation>Für %1 existiert noch kein Shadow. Das Senden eines Updates erstellt ihn.</translation>
    </message>
    <message>
        <source>Someone else changed the shadow to version %1 while you are editing (your edit is based on version %2). With the version check on, sending shows both states instead of overwriting.</source>
        <translation>Jemand anderes hat den Shadow auf Version %1 geändert, während Sie bearbeiten (Ihre Bearbeitung basiert auf Version %2). Mit eingeschalteter Versionsprüfung zeigt das Senden beide Zustände an, statt zu überschreiben.</translation>
    </message>
    <message>
        <source>Enter a thing name and open its shadow.</source>
        <translation>Geben Sie einen Thing-Namen ein und öffnen Sie seinen Shadow.</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>Not loaded</source>
        <translation>Nicht geladen</translation>
    </message>
    <message>
        <source>No shadow document</source>
        <translation>Kein Shadow-Dokument</translation>
    </message>
    <message>
        <source>Deleted (last version %1)</source>
        <translation>Gelöscht (letzte Version %1)</translation>
    </message>
    <message>
        <source>No shadow</source>
        <translation>Kein Shadow</translation>
    </message>
    <message>
        <source>Nothing desired</source>
        <translation>Nichts gewünscht</translation>
    </message>
    <message>
        <source>The device has not reported anything</source>
        <translation>Das Gerät hat nichts gemeldet</translation>
    </message>
    <message>
        <source>No delta: the device reports every desired value</source>
        <translation>Kein Delta: Das Gerät meldet jeden Desired-Wert</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>Version %1</translation>
    </message>
    <message>
        <source>● In sync</source>
        <translation>● Synchron</translation>
    </message>
    <message numerus="yes">
        <source>● Out of sync: %n desired value(s) not reported yet</source>
        <translation>
            <numerusform>● Nicht synchron: %n Desired-Wert noch nicht gemeldet</numerusform>
            <numerusform>● Nicht synchron: %n Desired-Werte noch nicht gemeldet</numerusform>
        </translation>
    </message>
    <message>
        <source>Fix the JSON before switching to the form: %1</source>
        <translation>Korrigieren Sie das JSON, bevor Sie zum Formular wechseln: %1</translation>
    </message>
    <message>
        <source>Topic: %1</source>
        <translation>Topic: %1</translation>
    </message>
    <message>
        <source>(no shadow open)</source>
        <translation>(kein Shadow geöffnet)</translation>
    </message>
    <message>
        <source>No changes to send.</source>
        <translation>Keine Änderungen zu senden.</translation>
    </message>
    <message numerus="yes">
        <source>Exactly these %n byte(s) are published (QoS 1) when you send.</source>
        <translation>
            <numerusform>Genau dieses %n Byte wird beim Senden veröffentlicht (QoS 1).</numerusform>
            <numerusform>Genau diese %n Bytes werden beim Senden veröffentlicht (QoS 1).</numerusform>
        </translation>
    </message>
    <message>
        <source>No changes</source>
        <translation>Keine Änderungen</translation>
    </message>
    <message numerus="yes">
        <source>%n key(s) changed against version %1</source>
        <translation>
            <numerusform>%n Schlüssel gegenüber Version %1 geändert</numerusform>
            <numerusform>%n Schlüssel gegenüber Version %1 geändert</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ShadowFormEditor</name>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Add Key</source>
        <translation>Schlüssel hinzufügen</translation>
    </message>
    <message>
        <source>Add a key at the top level of the desired state</source>
        <translation>Einen Schlüssel auf oberster Ebene des Desired-Zustands hinzufügen</translation>
    </message>
    <message>
        <source>Add Child Key</source>
        <translation>Untergeordneten Schlüssel hinzufügen</translation>
    </message>
    <message>
        <source>Add a key inside the selected object</source>
        <translation>Einen Schlüssel innerhalb des ausgewählten Objekts hinzufügen</translation>
    </message>
    <message>
        <source>Set to Null</source>
        <translation>Auf Null setzen</translation>
    </message>
    <message>
        <source>Send null for the selected key: the shadow service deletes the key</source>
        <translation>Null für den ausgewählten Schlüssel senden: Der Shadow-Dienst löscht den Schlüssel</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Remove the selected key; the update sends null for it, which deletes it from the shadow</source>
        <translation>Den ausgewählten Schlüssel entfernen; das Update sendet dafür null, wodurch er aus dem Shadow gelöscht wird</translation>
    </message>
    <message>
        <source>string</source>
        <translation>String</translation>
    </message>
    <message>
        <source>number</source>
        <translation>Zahl</translation>
    </message>
    <message>
        <source>bool</source>
        <translation>Bool</translation>
    </message>
    <message>
        <source>null (delete)</source>
        <translation>null (löschen)</translation>
    </message>
    <message>
        <source>object</source>
        <translation>Objekt</translation>
    </message>
    <message>
        <source>array</source>
        <translation>Array</translation>
    </message>
    <message>
        <source>null: the key is deleted when sent</source>
        <translation>null: Der Schlüssel wird beim Senden gelöscht</translation>
    </message>
    <message>
        <source>A key is empty (under &quot;%1&quot;). Enter a name or remove the row.</source>
        <translation>Ein Schlüssel ist leer (unter &quot;%1&quot;). Geben Sie einen Namen ein oder entfernen Sie die Zeile.</translation>
    </message>
    <message>
        <source>The key &quot;%1&quot; appears twice.</source>
        <translation>Der Schlüssel &quot;%1&quot; kommt zweimal vor.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is a number, but &quot;%2&quot; is not a number (use a dot for decimals, e.g. 181.25).</source>
        <translation>&quot;%1&quot; ist eine Zahl, aber &quot;%2&quot; ist keine Zahl (verwenden Sie einen Punkt als Dezimaltrennzeichen, z. B. 181.25).</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is a bool: enter true or false.</source>
        <translation>&quot;%1&quot; ist ein Bool: Geben Sie true oder false ein.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is an array: enter a JSON array such as [1, 2, 3].</source>
        <translation>&quot;%1&quot; ist ein Array: Geben Sie ein JSON-Array wie [1, 2, 3] ein.</translation>
    </message>
    <message>
        <source>desired</source>
        <translation>desired</translation>
    </message>
</context>
<context>
    <name>ShadowJsonText</name>
    <message>
        <source>JSON syntax error at line %1, column %2: %3.</source>
        <translation>JSON-Syntaxfehler in Zeile %1, Spalte %2: %3.</translation>
    </message>
    <message>
        <source>The desired state must be a JSON object ({ … }).</source>
        <translation>Der Desired-Zustand muss ein JSON-Objekt sein ({ … }).</translation>
    </message>
</context>
<context>
    <name>ShadowJsonTree</name>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Aktualisiert</translation>
    </message>
    <message>
        <source>Last updated %1 (timestamp %2)</source>
        <translation>Zuletzt aktualisiert %1 (Zeitstempel %2)</translation>
    </message>
</context>
<context>
    <name>ShadowName</name>
    <message>
        <source>%1 (classic shadow)</source>
        <translation>%1 (klassischer Shadow)</translation>
    </message>
    <message>
        <source>%1, shadow &quot;%2&quot;</source>
        <translation>%1, Shadow &quot;%2&quot;</translation>
    </message>
</context>
<context>
    <name>ShadowResult</name>
    <message>
        <source>The shadow service rejected the request as malformed (400: %1). Check the JSON: it needs a &quot;state&quot; object holding &quot;desired&quot; and/or &quot;reported&quot; objects.</source>
        <translation>Der Shadow-Dienst hat die Anfrage als fehlerhaft abgelehnt (400: %1). Prüfen Sie das JSON: Es benötigt ein &quot;state&quot;-Objekt mit &quot;desired&quot;- und/oder &quot;reported&quot;-Objekten.</translation>
    </message>
    <message>
        <source>The shadow service did not accept the connection&apos;s credentials (401: %1). Check the certificate or login of this connection.</source>
        <translation>Der Shadow-Dienst hat die Anmeldedaten der Verbindung nicht akzeptiert (401: %1). Prüfen Sie das Zertifikat oder die Anmeldung dieser Verbindung.</translation>
    </message>
    <message>
        <source>This connection is not allowed to do that with the shadow (403: %1). Ask for publish and subscribe rights on the shadow&apos;s $aws/things/... topics, or use a shadow that is not reserved.</source>
        <translation>Diese Verbindung darf diese Aktion mit dem Shadow nicht ausführen (403: %1). Fordern Sie Veröffentlichungs- und Abonnementrechte für die $aws/things/...-Topics des Shadows an oder verwenden Sie einen Shadow, der nicht reserviert ist.</translation>
    </message>
    <message>
        <source>The shadow does not exist (404: %1). Check the thing and shadow name, or send an update to create it.</source>
        <translation>Der Shadow existiert nicht (404: %1). Prüfen Sie den Thing- und Shadow-Namen oder senden Sie ein Update, um ihn zu erstellen.</translation>
    </message>
    <message>
        <source>Someone changed the shadow since it was loaded (409: %1). Reload it, compare your change with the new state and apply it again.</source>
        <translation>Jemand hat den Shadow seit dem Laden geändert (409: %1). Laden Sie ihn neu, vergleichen Sie Ihre Änderung mit dem neuen Zustand und wenden Sie sie erneut an.</translation>
    </message>
    <message>
        <source>The shadow would grow beyond its size limit of 8 KB for desired and reported together (413: %1). Remove keys or move some of them to a named shadow.</source>
        <translation>Der Shadow würde seine Größengrenze von 8 KB für Desired und Reported zusammen überschreiten (413: %1). Entfernen Sie Schlüssel oder verschieben Sie einige in einen benannten Shadow.</translation>
    </message>
    <message>
        <source>The request was not UTF-8 text (415: %1). Send the JSON encoded as UTF-8.</source>
        <translation>Die Anfrage war kein UTF-8-Text (415: %1). Senden Sie das JSON in UTF-8-Kodierung.</translation>
    </message>
    <message>
        <source>Too many shadow requests are waiting for replies on this connection (429: %1). Wait for them to finish, then try again.</source>
        <translation>Auf dieser Verbindung warten zu viele Shadow-Anfragen auf Antwort (429: %1). Warten Sie, bis sie abgeschlossen sind, und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>The shadow service failed internally (500: %1). Try again; if it keeps failing, check the service&apos;s log.</source>
        <translation>Im Shadow-Dienst ist ein interner Fehler aufgetreten (500: %1). Versuchen Sie es erneut; falls der Fehler weiterhin auftritt, prüfen Sie das Log des Dienstes.</translation>
    </message>
    <message>
        <source>The shadow service is unavailable at the moment (503: %1). Try again in a little while.</source>
        <translation>Der Shadow-Dienst ist derzeit nicht verfügbar (503: %1). Versuchen Sie es in Kürze erneut.</translation>
    </message>
    <message>
        <source>The shadow service rejected the request with code %1: %2</source>
        <translation>Der Shadow-Dienst hat die Anfrage mit Code %1 abgelehnt: %2</translation>
    </message>
</context>
<context>
    <name>ShadowService</name>
    <message>
        <source>The stored shadow %1 could not be read (%2); it is left out until it is updated again.</source>
        <translation>Der gespeicherte Shadow %1 konnte nicht gelesen werden (%2); er wird ausgelassen, bis er erneut aktualisiert wird.</translation>
    </message>
    <message>
        <source>The shadow service has no broker connection any more.</source>
        <translation>Der Shadow-Dienst hat keine Broker-Verbindung mehr.</translation>
    </message>
    <message>
        <source>The shadow service could not subscribe to %1: %2</source>
        <translation>Der Shadow-Dienst konnte %1 nicht abonnieren: %2</translation>
    </message>
    <message>
        <source>The broker refused the subscription to %1 (%2), so the shadow service cannot receive requests. Allow this connection to subscribe to the $aws/things/... topics.</source>
        <translation>Der Broker hat das Abonnement von %1 abgelehnt (%2), daher kann der Shadow-Dienst keine Anfragen empfangen. Erlauben Sie dieser Verbindung, die $aws/things/...-Topics zu abonnieren.</translation>
    </message>
    <message>
        <source>Ignored a retained shadow request on %1. Shadow requests must be published without the retain flag; clear the retained message on that topic.</source>
        <translation>Eine Retained-Shadow-Anfrage auf %1 wurde ignoriert. Shadow-Anfragen müssen ohne Retain-Flag veröffentlicht werden; löschen Sie die Retained-Nachricht auf diesem Topic.</translation>
    </message>
    <message>
        <source>The shadow reply on %1 was not sent: the broker connection is gone.</source>
        <translation>Die Shadow-Antwort auf %1 wurde nicht gesendet: Die Broker-Verbindung besteht nicht mehr.</translation>
    </message>
    <message>
        <source>The shadow reply on %1 was not sent: %2</source>
        <translation>Die Shadow-Antwort auf %1 wurde nicht gesendet: %2</translation>
    </message>
    <message>
        <source>The broker connection of the shadow service was closed; the service stopped.</source>
        <translation>Die Broker-Verbindung des Shadow-Dienstes wurde geschlossen; der Dienst wurde beendet.</translation>
    </message>
    <message>
        <source>The shadow service is already running on %1; stop it before starting it again.</source>
        <translation>Der Shadow-Dienst läuft bereits auf %1; stoppen Sie ihn, bevor Sie ihn erneut starten.</translation>
    </message>
    <message>
        <source>The shadow service has no broker connection; open one first.</source>
        <translation>Der Shadow-Dienst hat keine Broker-Verbindung; öffnen Sie zuerst eine.</translation>
    </message>
    <message>
        <source>Database file: it is empty. Choose the SQLite file in which the shadows are kept.</source>
        <translation>Datenbankdatei: Das Feld ist leer. Wählen Sie die SQLite-Datei, in der die Shadows gespeichert werden.</translation>
    </message>
</context>
<context>
    <name>ShadowStore</name>
    <message>
        <source>Could not create the folder %1 for the shadow database. Check that it can be written, or choose another database file.</source>
        <translation>Der Ordner %1 für die Shadow-Datenbank konnte nicht erstellt werden. Prüfen Sie, ob er beschreibbar ist, oder wählen Sie eine andere Datenbankdatei.</translation>
    </message>
    <message>
        <source>Could not open the shadow database %1: %2</source>
        <translation>Die Shadow-Datenbank %1 konnte nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>Could not prepare the shadow database %1: %2</source>
        <translation>Die Shadow-Datenbank %1 konnte nicht vorbereitet werden: %2</translation>
    </message>
    <message>
        <source>Could not read the shadow database %1: %2</source>
        <translation>Die Shadow-Datenbank %1 konnte nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>The change to shadow %1 was not saved: the shadow database is not open.</source>
        <translation>Die Änderung an Shadow %1 wurde nicht gespeichert: Die Shadow-Datenbank ist nicht geöffnet.</translation>
    </message>
    <message>
        <source>The change to shadow %1 was not saved to the database: %2</source>
        <translation>Die Änderung an Shadow %1 wurde nicht in der Datenbank gespeichert: %2</translation>
    </message>
</context>
<context>
    <name>ShadowValidation</name>
    <message>
        <source>a space</source>
        <translation>ein Leerzeichen</translation>
    </message>
    <message>
        <source>%1: arrays in a shadow must not contain null. Remove the null element or use another value; to delete a key, set the key itself to null.</source>
        <translation>%1: Arrays in einem Shadow dürfen kein null enthalten. Entfernen Sie das null-Element oder verwenden Sie einen anderen Wert; um einen Schlüssel zu löschen, setzen Sie den Schlüssel selbst auf null.</translation>
    </message>
    <message>
        <source>Thing name: it is empty. Enter 1 to %1 characters of a-z, A-Z, 0-9, &apos;:&apos;, &apos;_&apos; and &apos;-&apos;.</source>
        <translation>Thing-Name: Das Feld ist leer. Geben Sie 1 bis %1 Zeichen aus a-z, A-Z, 0-9, &apos;:&apos;, &apos;_&apos; und &apos;-&apos; ein.</translation>
    </message>
    <message>
        <source>Thing name: %1 characters is too long. Use at most %2 characters.</source>
        <translation>Thing-Name: %1 Zeichen sind zu lang. Verwenden Sie höchstens %2 Zeichen.</translation>
    </message>
    <message>
        <source>Thing name: %1 at position %2 is not allowed. Use only a-z, A-Z, 0-9, &apos;:&apos;, &apos;_&apos; and &apos;-&apos;.</source>
        <translation>Thing-Name: %1 an Position %2 ist nicht zulässig. Verwenden Sie nur a-z, A-Z, 0-9, &apos;:&apos;, &apos;_&apos; und &apos;-&apos;.</translation>
    </message>
    <message>
        <source>Shadow name: it is empty. Enter 1 to %1 characters of a-z, A-Z, 0-9, &apos;:&apos;, &apos;_&apos; and &apos;-&apos;, or use the classic shadow.</source>
        <translation>Shadow-Name: Das Feld ist leer. Geben Sie 1 bis %1 Zeichen aus a-z, A-Z, 0-9, &apos;:&apos;, &apos;_&apos; und &apos;-&apos; ein oder verwenden Sie den klassischen Shadow.</translation>
    </message>
    <message>
        <source>Shadow name: %1 characters is too long. Use at most %2 characters.</source>
        <translation>Shadow-Name: %1 Zeichen sind zu lang. Verwenden Sie höchstens %2 Zeichen.</translation>
    </message>
    <message>
        <source>Shadow name: %1 at position %2 is not allowed. Use only a-z, A-Z, 0-9, &apos;:&apos;, &apos;_&apos; and &apos;-&apos; (&apos;$&apos; only as the first character, for the reserved shadows).</source>
        <translation>Shadow-Name: %1 an Position %2 ist nicht zulässig. Verwenden Sie nur a-z, A-Z, 0-9, &apos;:&apos;, &apos;_&apos; und &apos;-&apos; (&apos;$&apos; nur als erstes Zeichen, für die reservierten Shadows).</translation>
    </message>
    <message>
        <source>Shadow name: &quot;$&quot; alone is not a shadow name. Reserved shadow names continue after the &apos;$&apos; (e.g. &quot;$package&quot;).</source>
        <translation>Shadow-Name: &quot;$&quot; allein ist kein Shadow-Name. Reservierte Shadow-Namen gehen nach dem &apos;$&apos; weiter (z. B. &quot;$package&quot;).</translation>
    </message>
    <message>
        <source>Shadow name: &quot;%1&quot; starts with &apos;$&apos;, which marks a reserved shadow managed by the service. It can be read but not updated or deleted; choose a name without &apos;$&apos;.</source>
        <translation>Shadow-Name: &quot;%1&quot; beginnt mit &apos;$&apos;, was einen reservierten, vom Dienst verwalteten Shadow kennzeichnet. Er kann gelesen, aber weder aktualisiert noch gelöscht werden; wählen Sie einen Namen ohne &apos;$&apos;.</translation>
    </message>
    <message>
        <source>clientToken: %1 bytes is too long. Use at most %2 bytes (UTF-8).</source>
        <translation>clientToken: %1 Bytes sind zu lang. Verwenden Sie höchstens %2 Bytes (UTF-8).</translation>
    </message>
    <message>
        <source>Request: the text is not valid UTF-8. Save or send the JSON as UTF-8.</source>
        <translation>Anfrage: Der Text ist kein gültiges UTF-8. Speichern oder senden Sie das JSON als UTF-8.</translation>
    </message>
    <message>
        <source>Request: invalid JSON at character %1: %2. Send a JSON object such as {&quot;state&quot;: {&quot;desired&quot;: {...}}}.</source>
        <translation>Anfrage: Ungültiges JSON bei Zeichen %1: %2. Senden Sie ein JSON-Objekt wie {&quot;state&quot;: {&quot;desired&quot;: {...}}}.</translation>
    </message>
    <message>
        <source>Request: the JSON is not an object. Send a JSON object such as {&quot;state&quot;: {&quot;desired&quot;: {...}}}.</source>
        <translation>Anfrage: Das JSON ist kein Objekt. Senden Sie ein JSON-Objekt wie {&quot;state&quot;: {&quot;desired&quot;: {...}}}.</translation>
    </message>
    <message>
        <source>clientToken: it must be a string of at most %1 bytes.</source>
        <translation>clientToken: Muss ein String mit höchstens %1 Bytes sein.</translation>
    </message>
    <message>
        <source>Request: the &quot;state&quot; object is missing. Put the change inside {&quot;state&quot;: {&quot;desired&quot;: {...}}} or {&quot;state&quot;: {&quot;reported&quot;: {...}}}.</source>
        <translation>Anfrage: Das &quot;state&quot;-Objekt fehlt. Setzen Sie die Änderung in {&quot;state&quot;: {&quot;desired&quot;: {...}}} oder {&quot;state&quot;: {&quot;reported&quot;: {...}}}.</translation>
    </message>
    <message>
        <source>state: it must be a JSON object with &quot;desired&quot; and/or &quot;reported&quot;.</source>
        <translation>state: Muss ein JSON-Objekt mit &quot;desired&quot; und/oder &quot;reported&quot; sein.</translation>
    </message>
    <message>
        <source>version: it must be a whole number of 0 or more (the version the shadow must have for the update to apply), or be left out.</source>
        <translation>version: Muss eine ganze Zahl ab 0 sein (die Version, die der Shadow haben muss, damit das Update angewendet wird), oder weggelassen werden.</translation>
    </message>
    <message>
        <source>%1: &quot;state&quot; may only contain &quot;desired&quot; and &quot;reported&quot;. Move &quot;%2&quot; inside one of them.</source>
        <translation>%1: &quot;state&quot; darf nur &quot;desired&quot; und &quot;reported&quot; enthalten. Verschieben Sie &quot;%2&quot; in eines davon.</translation>
    </message>
    <message>
        <source>%1: it must be a JSON object (or null to remove the whole section).</source>
        <translation>%1: Muss ein JSON-Objekt sein (oder null, um den gesamten Abschnitt zu entfernen).</translation>
    </message>
    <message>
        <source>%1: %2 levels of nesting is too deep. &quot;desired&quot; and &quot;reported&quot; may each nest at most %3 levels (the section itself counts as one); flatten the structure.</source>
        <translation>%1: %2 Verschachtelungsebenen sind zu tief. &quot;desired&quot; und &quot;reported&quot; dürfen jeweils höchstens %3 Ebenen tief verschachtelt sein (der Abschnitt selbst zählt als eine); vereinfachen Sie die Struktur.</translation>
    </message>
    <message>
        <source>state: desired and reported together are %1 bytes. A shadow holds at most %2 bytes (compact JSON, metadata not counted); remove keys or split them across named shadows.</source>
        <translation>state: Desired und Reported umfassen zusammen %1 Bytes. Ein Shadow fasst höchstens %2 Bytes (kompaktes JSON, ohne Metadaten); entfernen Sie Schlüssel oder verteilen Sie sie auf benannte Shadows.</translation>
    </message>
</context>
<context>
    <name>SimulateCommand</name>
    <message>
        <source>Site topic level. Default: %1.</source>
        <translation>Topic-Ebene für den Standort. Standard: %1.</translation>
    </message>
    <message>
        <source>SITE</source>
        <translation>STANDORT</translation>
    </message>
    <message>
        <source>Building topic level. Default: %1.</source>
        <translation>Topic-Ebene für das Gebäude. Standard: %1.</translation>
    </message>
    <message>
        <source>BUILDING</source>
        <translation>GEBÄUDE</translation>
    </message>
    <message>
        <source>Production line topic level. Default: %1.</source>
        <translation>Topic-Ebene für die Produktionslinie. Standard: %1.</translation>
    </message>
    <message>
        <source>LINE</source>
        <translation>LINIE</translation>
    </message>
    <message>
        <source>Number of assets on the line, 1 to %1. Default: %2.</source>
        <translation>Anzahl der Anlagen an der Linie, 1 bis %1. Standard: %2.</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>Telemetry messages per second, all assets together. Default: %1.</source>
        <translation>Telemetrienachrichten pro Sekunde, alle Anlagen zusammen. Standard: %1.</translation>
    </message>
    <message>
        <source>MSGS_PER_S</source>
        <translation>NACHR_PRO_S</translation>
    </message>
    <message>
        <source>Stop after this many telemetry messages. Default: run until Ctrl+C.</source>
        <translation>Nach so vielen Telemetrienachrichten stoppen. Standard: bis Strg+C laufen.</translation>
    </message>
    <message>
        <source>Share of measurements with quality &quot;uncertain&quot;, 0 to 1. Default: %1.</source>
        <translation>Anteil der Messwerte mit Qualität &quot;uncertain&quot;, 0 bis 1. Standard: %1.</translation>
    </message>
    <message>
        <source>SHARE</source>
        <translation>ANTEIL</translation>
    </message>
    <message>
        <source>Share of measurements with quality &quot;bad&quot;, 0 to 1. Default: %1.</source>
        <translation>Anteil der Messwerte mit Qualität &quot;bad&quot;, 0 bis 1. Standard: %1.</translation>
    </message>
    <message>
        <source>Random seed for a repeatable run; 0 picks one. Default: 0.</source>
        <translation>Zufalls-Seed für einen wiederholbaren Lauf; 0 wählt einen aus. Standard: 0.</translation>
    </message>
    <message>
        <source>QoS of the published messages: 0, 1 or 2. Default: 0.</source>
        <translation>QoS der veröffentlichten Nachrichten: 0, 1 oder 2. Standard: 0.</translation>
    </message>
    <message>
        <source>QOS</source>
        <translation>QOS</translation>
    </message>
    <message>
        <source>simulate [-h HOST] [-p PORT] [--assets N] [--rate MSGS_PER_S] [--count N] [options]</source>
        <translation>simulate [-h HOST] [-p PORT] [--assets N] [--rate NACHR_PRO_S] [--count N] [Optionen]</translation>
    </message>
    <message>
        <source>Publish a simulated production line: telemetry on factory/SITE/BUILDING/LINE/ASSET/telemetry
and a retained status per asset.</source>
        <translation>Eine simulierte Produktionslinie veröffentlichen: Telemetrie auf factory/STANDORT/GEBÄUDE/LINIE/ANLAGE/telemetry
und einen Retained-Status pro Anlage.</translation>
    </message>
    <message>
        <source>Prints one summary line at the end. Exit status: 0 after --count messages or Ctrl+C,
1 on errors or when messages failed, the CONNACK reason code when the broker refused
the connection.</source>
        <translation>Gibt am Ende eine Zusammenfassungszeile aus. Exit-Status: 0 nach --count Nachrichten oder Strg+C,
1 bei Fehlern oder fehlgeschlagenen Nachrichten, der CONNACK-Reason-Code, wenn der Broker
die Verbindung abgelehnt hat.</translation>
    </message>
    <message>
        <source>A topic level must not contain &apos;/&apos;.</source>
        <translation>Eine Topic-Ebene darf kein &apos;/&apos; enthalten.</translation>
    </message>
    <message>
        <source>Invalid value &quot;%1&quot; for --%2: %3</source>
        <translation>Ungültiger Wert &quot;%1&quot; für --%2: %3</translation>
    </message>
    <message>
        <source>Invalid asset count &quot;%1&quot; for --assets; use a number from 1 to %2.</source>
        <translation>Ungültige Anlagenanzahl &quot;%1&quot; für --assets; verwenden Sie eine Zahl von 1 bis %2.</translation>
    </message>
    <message>
        <source>Invalid rate &quot;%1&quot; for --rate; use messages per second above 0, up to %2.</source>
        <translation>Ungültige Rate &quot;%1&quot; für --rate; verwenden Sie Nachrichten pro Sekunde über 0, bis %2.</translation>
    </message>
    <message>
        <source>Invalid message count &quot;%1&quot; for --count; use a number of 1 or more.</source>
        <translation>Ungültige Nachrichtenanzahl &quot;%1&quot; für --count; verwenden Sie eine Zahl ab 1.</translation>
    </message>
    <message>
        <source>Invalid share &quot;%1&quot; for --%2; use a number from 0 to 1.</source>
        <translation>Ungültiger Anteil &quot;%1&quot; für --%2; verwenden Sie eine Zahl von 0 bis 1.</translation>
    </message>
    <message>
        <source>--uncertain and --bad add up to %1; together they may be at most 1.</source>
        <translation>--uncertain und --bad ergeben zusammen %1; gemeinsam dürfen sie höchstens 1 sein.</translation>
    </message>
    <message>
        <source>Invalid seed &quot;%1&quot; for --seed; use a number from 0 to 4294967295.</source>
        <translation>Ungültiger Seed &quot;%1&quot; für --seed; verwenden Sie eine Zahl von 0 bis 4294967295.</translation>
    </message>
    <message>
        <source>Invalid QoS &quot;%1&quot; for -q; use 0, 1 or 2.</source>
        <translation>Ungültige QoS &quot;%1&quot; für -q; verwenden Sie 0, 1 oder 2.</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>Warnung: %1</translation>
    </message>
    <message>
        <source>Published %1 telemetry messages (measurements: %2 good, %3 uncertain, %4 bad); %5 failed.</source>
        <translation>%1 Telemetrienachrichten veröffentlicht (Messwerte: %2 gut, %3 unsicher, %4 schlecht); %5 fehlgeschlagen.</translation>
    </message>
</context>
<context>
    <name>StoreAndForwardUplink</name>
    <message>
        <source>not connected</source>
        <translation>nicht verbunden</translation>
    </message>
    <message>
        <source>connecting…</source>
        <translation>wird verbunden…</translation>
    </message>
    <message>
        <source>connected</source>
        <translation>verbunden</translation>
    </message>
    <message>
        <source>down, reconnecting</source>
        <translation>getrennt, Verbindung wird wiederhergestellt</translation>
    </message>
    <message>
        <source>failed (check the settings)</source>
        <translation>fehlgeschlagen (Einstellungen prüfen)</translation>
    </message>
    <message>
        <source>The uplink&apos;s client certificate could not be loaded, so nothing is sent to the cloud; messages stay queued on the local broker until the uplink starts again. %1</source>
        <translation>Das Client-Zertifikat des Uplinks konnte nicht geladen werden, daher wird nichts an die Cloud gesendet; die Nachrichten bleiben im lokalen Broker in der Warteschlange, bis der Uplink wieder startet. %1</translation>
    </message>
</context>
<context>
    <name>SubCommand</name>
    <message>
        <source>Print &quot;topic payload&quot; instead of the payload alone.</source>
        <translation>&quot;Topic Payload&quot; statt nur der Payload ausgeben.</translation>
    </message>
    <message>
        <source>Print one JSON object per message (topic, payload, qos, retain, time, properties); overrides -v.</source>
        <translation>Ein JSON-Objekt pro Nachricht ausgeben (topic, payload, qos, retain, time, properties); hat Vorrang vor -v.</translation>
    </message>
    <message>
        <source>Print each payload decoded with this decoder: %1 (auto detects the format).</source>
        <translation>Jede Payload mit diesem Decoder dekodiert ausgeben: %1 (auto erkennt das Format).</translation>
    </message>
    <message>
        <source>DECODER</source>
        <translation>DECODER</translation>
    </message>
    <message>
        <source>Do not print a line end after the payload.</source>
        <translation>Nach der Payload kein Zeilenende ausgeben.</translation>
    </message>
    <message>
        <source>Exit after printing this many messages.</source>
        <translation>Nach Ausgabe so vieler Nachrichten beenden.</translation>
    </message>
    <message>
        <source>COUNT</source>
        <translation>ANZAHL</translation>
    </message>
    <message>
        <source>Skip retained messages (they are neither printed nor counted).</source>
        <translation>Retained-Nachrichten überspringen (sie werden weder ausgegeben noch gezählt).</translation>
    </message>
    <message>
        <source>Keep the session on the broker after disconnecting (needs -i).</source>
        <translation>Die Sitzung nach dem Trennen auf dem Broker behalten (benötigt -i).</translation>
    </message>
    <message>
        <source>sub -t FILTER [-t FILTER ...] [options]</source>
        <translation>sub -t FILTER [-t FILTER ...] [Optionen]</translation>
    </message>
    <message>
        <source>Subscribe to topic filters and print the messages that arrive, like mosquitto_sub.</source>
        <translation>Topic-Filter abonnieren und die eintreffenden Nachrichten ausgeben, wie mosquitto_sub.</translation>
    </message>
    <message>
        <source>Exit status: 0 after -C messages or Ctrl+C, 1 on errors, 27 when -W timed out,
the CONNACK reason code when the broker refused the connection.</source>
        <translation>Exit-Status: 0 nach -C Nachrichten oder Strg+C, 1 bei Fehlern, 27 bei Zeitüberschreitung von -W,
der CONNACK-Reason-Code, wenn der Broker die Verbindung abgelehnt hat.</translation>
    </message>
    <message>
        <source>-N cannot be combined with --json, which prints one object per line.</source>
        <translation>-N kann nicht mit --json kombiniert werden, das ein Objekt pro Zeile ausgibt.</translation>
    </message>
    <message>
        <source>Invalid decoder &quot;%1&quot; for --decode; use one of %2.</source>
        <translation>Ungültiger Decoder &quot;%1&quot; für --decode; verwenden Sie einen von %2.</translation>
    </message>
    <message>
        <source>-c needs a client id (-i ID); the broker keeps the session under that id.</source>
        <translation>-c benötigt eine Client-ID (-i ID); der Broker speichert die Sitzung unter dieser ID.</translation>
    </message>
    <message>
        <source>Warning: cannot decode the message on &quot;%1&quot; (%2); printed as a hex dump instead.</source>
        <translation>Warnung: Die Nachricht auf &quot;%1&quot; kann nicht dekodiert werden (%2); sie wird stattdessen als Hex-Dump ausgegeben.</translation>
    </message>
</context>
<context>
    <name>SubscriptionBox</name>
    <message>
        <source>Topic filter, e.g. factory/+/+/line-3/#</source>
        <translation>Topic-Filter, z. B. factory/+/+/line-3/#</translation>
    </message>
    <message>
        <source>QoS 0</source>
        <translation>QoS 0</translation>
    </message>
    <message>
        <source>QoS 1</source>
        <translation>QoS 1</translation>
    </message>
    <message>
        <source>QoS 2</source>
        <translation>QoS 2</translation>
    </message>
    <message>
        <source>Subscribe</source>
        <translation>Abonnieren</translation>
    </message>
    <message>
        <source>Subscription</source>
        <translation>Abonnement</translation>
    </message>
    <message>
        <source>QoS</source>
        <translation>QoS</translation>
    </message>
    <message>
        <source>Broker answer</source>
        <translation>Antwort des Brokers</translation>
    </message>
    <message>
        <source>Right-click a subscription to unsubscribe.</source>
        <translation>Klicken Sie mit der rechten Maustaste auf ein Abonnement, um es zu beenden.</translation>
    </message>
    <message>
        <source>subscribes once connected</source>
        <translation>wird nach dem Verbinden abonniert</translation>
    </message>
    <message>
        <source>waiting for the broker…</source>
        <translation>warten auf den Broker…</translation>
    </message>
    <message>
        <source>Granted QoS %1 (requested %2)</source>
        <translation>Gewährte QoS %1 (angefordert %2)</translation>
    </message>
    <message>
        <source>Granted QoS %1</source>
        <translation>Gewährte QoS %1</translation>
    </message>
    <message>
        <source>reason code 0x%1</source>
        <translation>Reason-Code 0x%1</translation>
    </message>
    <message>
        <source>Refused: %1</source>
        <translation>Abgelehnt: %1</translation>
    </message>
    <message>
        <source>Not subscribed: %1</source>
        <translation>Nicht abonniert: %1</translation>
    </message>
    <message>
        <source>Enter a topic filter to subscribe to.</source>
        <translation>Geben Sie einen zu abonnierenden Topic-Filter ein.</translation>
    </message>
    <message>
        <source>Unsubscribe from %1</source>
        <translation>Abonnement von %1 beenden</translation>
    </message>
</context>
<context>
    <name>SubscriptionEditor</name>
    <message>
        <source>no local</source>
        <translation>No Local</translation>
    </message>
    <message>
        <source>retain as published</source>
        <translation>Retain as Published</translation>
    </message>
    <message>
        <source>retained: new only</source>
        <translation>Retained: nur neue</translation>
    </message>
    <message>
        <source>retained: never</source>
        <translation>Retained: nie</translation>
    </message>
    <message>
        <source>id %1</source>
        <translation>ID %1</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>Filter</translation>
    </message>
    <message>
        <source>QoS</source>
        <translation>QoS</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>Optionen</translation>
    </message>
    <message>
        <source>Broker answer</source>
        <translation>Antwort des Brokers</translation>
    </message>
    <message>
        <source>Topic filter, e.g. factory/+/line-3/#</source>
        <translation>Topic-Filter, z. B. factory/+/line-3/#</translation>
    </message>
    <message>
        <source>0 – at most once</source>
        <translation>0 – höchstens einmal</translation>
    </message>
    <message>
        <source>1 – at least once</source>
        <translation>1 – mindestens einmal</translation>
    </message>
    <message>
        <source>2 – exactly once</source>
        <translation>2 – genau einmal</translation>
    </message>
    <message>
        <source>No local (not my own messages)</source>
        <translation>No Local (nicht meine eigenen Nachrichten)</translation>
    </message>
    <message>
        <source>Retain as published</source>
        <translation>Retain as Published</translation>
    </message>
    <message>
        <source>0 – send retained messages</source>
        <translation>0 – Retained-Nachrichten senden</translation>
    </message>
    <message>
        <source>1 – only for a new subscription</source>
        <translation>1 – nur bei neuem Abonnement</translation>
    </message>
    <message>
        <source>2 – never send retained messages</source>
        <translation>2 – nie Retained-Nachrichten senden</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Apply to Selected</source>
        <translation>Auf Auswahl anwenden</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>Deaktivieren</translation>
    </message>
    <message>
        <source>Unsubscribe but keep the subscription in the list and the profile</source>
        <translation>Abonnement beenden, es aber in der Liste und im Profil behalten</translation>
    </message>
    <message>
        <source>Retained</source>
        <translation>Retained</translation>
    </message>
    <message>
        <source>Identifier</source>
        <translation>Identifier</translation>
    </message>
    <message>
        <source>Disabled (not subscribed)</source>
        <translation>Deaktiviert (nicht abonniert)</translation>
    </message>
    <message>
        <source>Subscribes once connected</source>
        <translation>Wird nach dem Verbinden abonniert</translation>
    </message>
    <message>
        <source>Waiting for the broker…</source>
        <translation>Warten auf den Broker…</translation>
    </message>
    <message>
        <source>Granted QoS %1 (requested %2)</source>
        <translation>Gewährte QoS %1 (angefordert %2)</translation>
    </message>
    <message>
        <source>Granted QoS %1</source>
        <translation>Gewährte QoS %1</translation>
    </message>
    <message>
        <source>Refused: %1</source>
        <translation>Abgelehnt: %1</translation>
    </message>
    <message>
        <source>reason code 0x%1</source>
        <translation>Reason-Code 0x%1</translation>
    </message>
    <message>
        <source>Not subscribed: %1</source>
        <translation>Nicht abonniert: %1</translation>
    </message>
    <message>
        <source>Tick to subscribe, untick to unsubscribe but keep it. The colour marks the topics this subscription delivered.</source>
        <translation>Anhaken zum Abonnieren, Haken entfernen zum Beenden des Abonnements, ohne es zu löschen. Die Farbe markiert die Topics, die dieses Abonnement geliefert hat.</translation>
    </message>
    <message>
        <source>Enable</source>
        <translation>Aktivieren</translation>
    </message>
</context>
<context>
    <name>TopicFilter</name>
    <message>
        <source>&apos;+&apos; must occupy a whole topic level, as in a/+/c (position %1).</source>
        <translation>&apos;+&apos; muss eine ganze Topic-Ebene einnehmen, wie in a/+/c (Position %1).</translation>
    </message>
    <message>
        <source>&apos;#&apos; must occupy a whole topic level, as in a/# (position %1).</source>
        <translation>&apos;#&apos; muss eine ganze Topic-Ebene einnehmen, wie in a/# (Position %1).</translation>
    </message>
    <message>
        <source>&apos;#&apos; must be the last level (position %1).</source>
        <translation>&apos;#&apos; muss die letzte Ebene sein (Position %1).</translation>
    </message>
    <message>
        <source>Topic filter must not contain the NUL character U+0000 (position %1).</source>
        <translation>Der Topic-Filter darf das NUL-Zeichen U+0000 nicht enthalten (Position %1).</translation>
    </message>
    <message>
        <source>Topic filter contains bytes that are not valid UTF-8, shown as U+FFFD (position %1).</source>
        <translation>Der Topic-Filter enthält Bytes, die kein gültiges UTF-8 sind, dargestellt als U+FFFD (Position %1).</translation>
    </message>
    <message>
        <source>Topic filter contains an unpaired UTF-16 surrogate that cannot be encoded as UTF-8 (position %1).</source>
        <translation>Der Topic-Filter enthält ein ungepaartes UTF-16-Surrogat, das nicht als UTF-8 kodiert werden kann (Position %1).</translation>
    </message>
    <message>
        <source>Topic filter is %1 bytes long in UTF-8; the maximum is %2 bytes (limit exceeded at position %3).</source>
        <translation>Der Topic-Filter ist in UTF-8 %1 Bytes lang; das Maximum beträgt %2 Bytes (Grenze überschritten an Position %3).</translation>
    </message>
    <message>
        <source>Topic filter must not be empty.</source>
        <translation>Der Topic-Filter darf nicht leer sein.</translation>
    </message>
    <message>
        <source>A shared subscription needs a share name after &apos;$share/&apos; (position %1).</source>
        <translation>Eine Shared Subscription benötigt einen Share-Namen nach &apos;$share/&apos; (Position %1).</translation>
    </message>
    <message>
        <source>The share name of a shared subscription must not contain &apos;%1&apos; (position %2).</source>
        <translation>Der Share-Name einer Shared Subscription darf kein &apos;%1&apos; enthalten (Position %2).</translation>
    </message>
    <message>
        <source>A shared subscription needs a topic filter after &apos;$share/%1/&apos; (position %2).</source>
        <translation>Eine Shared Subscription benötigt einen Topic-Filter nach &apos;$share/%1/&apos; (Position %2).</translation>
    </message>
</context>
<context>
    <name>TopicName</name>
    <message>
        <source>Topic must not be empty.</source>
        <translation>Das Topic darf nicht leer sein.</translation>
    </message>
    <message>
        <source>Topic must not contain the wildcard &apos;%1&apos; (position %2). Wildcards are only allowed in subscription filters.</source>
        <translation>Das Topic darf die Wildcard &apos;%1&apos; nicht enthalten (Position %2). Wildcards sind nur in Abonnement-Filtern erlaubt.</translation>
    </message>
    <message>
        <source>Topic must not contain the NUL character U+0000 (position %1).</source>
        <translation>Das Topic darf das NUL-Zeichen U+0000 nicht enthalten (Position %1).</translation>
    </message>
    <message>
        <source>Topic contains bytes that are not valid UTF-8, shown as U+FFFD (position %1).</source>
        <translation>Das Topic enthält Bytes, die kein gültiges UTF-8 sind, dargestellt als U+FFFD (Position %1).</translation>
    </message>
    <message>
        <source>Topic contains an unpaired UTF-16 surrogate that cannot be encoded as UTF-8 (position %1).</source>
        <translation>Das Topic enthält ein ungepaartes UTF-16-Surrogat, das nicht als UTF-8 kodiert werden kann (Position %1).</translation>
    </message>
    <message>
        <source>Topic is %1 bytes long in UTF-8; the maximum is %2 bytes (limit exceeded at position %3).</source>
        <translation>Das Topic ist in UTF-8 %1 Bytes lang; das Maximum beträgt %2 Bytes (Grenze überschritten an Position %3).</translation>
    </message>
</context>
<context>
    <name>TopicTreeDelegate</name>
    <message>
        <source>(retained message cleared)</source>
        <translation>(Retained-Nachricht gelöscht)</translation>
    </message>
    <message>
        <source>(empty payload)</source>
        <translation>(leere Payload)</translation>
    </message>
    <message>
        <source>retained</source>
        <translation>retained</translation>
    </message>
</context>
<context>
    <name>TopicTreeModel</name>
    <message>
        <source>(retained message cleared)</source>
        <translation>(Retained-Nachricht gelöscht)</translation>
    </message>
    <message>
        <source>(empty payload)</source>
        <translation>(leere Payload)</translation>
    </message>
    <message>
        <source>&lt;%1 bytes binary&gt;</source>
        <translation>&lt;%1 Bytes binär&gt;</translation>
    </message>
    <message>
        <source>(empty)</source>
        <extracomment>Name shown for an empty topic level, as in &quot;a//b&quot; or &quot;/a&quot;.</extracomment>
        <translation>(leer)</translation>
    </message>
    <message>
        <source>Name</source>
        <extracomment>Column header: topic level name</extracomment>
        <translation>Name</translation>
    </message>
    <message>
        <source>Value</source>
        <extracomment>Column header: preview of the last payload</extracomment>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Messages</source>
        <extracomment>Column header: number of messages at and below this level</extracomment>
        <translation>Nachrichten</translation>
    </message>
    <message>
        <source>Topics</source>
        <extracomment>Column header: number of topics at and below this level</extracomment>
        <translation>Topics</translation>
    </message>
</context>
<context>
    <name>TopicTreeView</name>
    <message>
        <source>Copy Topic</source>
        <translation>Topic kopieren</translation>
    </message>
    <message>
        <source>Copy Payload</source>
        <translation>Payload kopieren</translation>
    </message>
    <message>
        <source>Publish to This Topic</source>
        <translation>Auf diesem Topic veröffentlichen</translation>
    </message>
    <message>
        <source>Clear Retained Message…</source>
        <translation>Retained-Nachricht löschen…</translation>
    </message>
    <message>
        <source>The broker holds no retained message for this topic.</source>
        <translation>Der Broker hält für dieses Topic keine Retained-Nachricht.</translation>
    </message>
    <message>
        <source>Expand All Below</source>
        <translation>Alles darunter aufklappen</translation>
    </message>
    <message>
        <source>Collapse</source>
        <translation>Zuklappen</translation>
    </message>
</context>
<context>
    <name>TreeCommand</name>
    <message>
        <source>1 topic</source>
        <extracomment>Number of topics in a subtree of `linescope-cli tree`; singular / plural</extracomment>
        <translation>1 Topic</translation>
    </message>
    <message>
        <source>%1 topics</source>
        <translation>%1 Topics</translation>
    </message>
    <message>
        <source>1 msg</source>
        <extracomment>Number of messages in `linescope-cli tree`; singular / plural</extracomment>
        <translation>1 Nachr.</translation>
    </message>
    <message>
        <source>%1 msgs</source>
        <translation>%1 Nachr.</translation>
    </message>
    <message>
        <source>(empty)</source>
        <extracomment>Shown for an empty topic level, as in &quot;a//b&quot;</extracomment>
        <translation>(leer)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 (%2, %3)</source>
        <translation>%1 (%2, %3)</translation>
    </message>
    <message>
        <source>%1 (%2, %3; %4 on this topic)</source>
        <extracomment>%1 level name, %2 topics and %3 messages at and below it, %4 messages on exactly this topic</extracomment>
        <translation>%1 (%2, %3; %4 auf diesem Topic)</translation>
    </message>
    <message>
        <source>(levels below not shown: deeper than %1 levels)</source>
        <translation>(tiefere Ebenen nicht angezeigt: tiefer als %1 Ebenen)</translation>
    </message>
    <message>
        <source>Topic filter to subscribe to; repeat for several. Default: #.</source>
        <translation>Zu abonnierender Topic-Filter; für mehrere wiederholen. Standard: #.</translation>
    </message>
    <message>
        <source>Listen for this many seconds, then print the tree. Default: %1.</source>
        <translation>So viele Sekunden mithören, dann den Baum ausgeben. Standard: %1.</translation>
    </message>
    <message>
        <source>SECONDS</source>
        <translation>SEKUNDEN</translation>
    </message>
    <message>
        <source>Print the tree as one JSON document.</source>
        <translation>Den Baum als ein JSON-Dokument ausgeben.</translation>
    </message>
    <message>
        <source>tree [-t FILTER ...] [-W SECONDS] [options]</source>
        <translation>tree [-t FILTER ...] [-W SEKUNDEN] [Optionen]</translation>
    </message>
    <message>
        <source>Subscribe for a while, then print the topic tree seen, with the number of topics
and messages at and below every level.</source>
        <translation>Eine Weile abonnieren, dann den gesehenen Topic-Baum ausgeben, mit der Anzahl der Topics
und Nachrichten auf und unter jeder Ebene.</translation>
    </message>
    <message>
        <source>Exit status: 0 after -W seconds or Ctrl+C (also when nothing arrived), 1 on errors,
the CONNACK reason code when the broker refused the connection.</source>
        <translation>Exit-Status: 0 nach -W Sekunden oder Strg+C (auch wenn nichts eingetroffen ist), 1 bei Fehlern,
der CONNACK-Reason-Code, wenn der Broker die Verbindung abgelehnt hat.</translation>
    </message>
    <message>
        <source>Invalid time &quot;%1&quot; for -W; use seconds from 1 to %2.</source>
        <translation>Ungültige Zeit &quot;%1&quot; für -W; verwenden Sie Sekunden von 1 bis %2.</translation>
    </message>
    <message>
        <source>No messages received in %1 s.</source>
        <translation>Keine Nachrichten in %1 s empfangen.</translation>
    </message>
</context>
<context>
    <name>UplinkEngine</name>
    <message>
        <source>The local broker refused the uplink subscription to %1: %2</source>
        <translation>Der lokale Broker hat das Uplink-Abonnement von %1 abgelehnt: %2</translation>
    </message>
    <message>
        <source>A downlink message for %1 was not passed on: the local broker is not connected.</source>
        <translation>Eine Downlink-Nachricht für %1 wurde nicht weitergeleitet: Der lokale Broker ist nicht verbunden.</translation>
    </message>
    <message>
        <source>The uplink queue is full (%1 messages): the oldest messages are being dropped. Restore the cloud connection or raise the limit.</source>
        <translation>Die Uplink-Warteschlange ist voll (%1 Nachrichten): Die ältesten Nachrichten werden verworfen. Stellen Sie die Cloud-Verbindung wieder her oder erhöhen Sie das Limit.</translation>
    </message>
    <message>
        <source>The uplink queue is full (%1 bytes): the oldest messages are being dropped. Restore the cloud connection or raise the limit.</source>
        <translation>Die Uplink-Warteschlange ist voll (%1 Bytes): Die ältesten Nachrichten werden verworfen. Stellen Sie die Cloud-Verbindung wieder her oder erhöhen Sie das Limit.</translation>
    </message>
    <message>
        <source>Less than %1 bytes are free on the disk of the uplink queue: the queue no longer grows and the oldest messages are being dropped. Free disk space.</source>
        <translation>Auf dem Datenträger der Uplink-Warteschlange sind weniger als %1 Bytes frei: Die Warteschlange wächst nicht mehr, und die ältesten Nachrichten werden verworfen. Geben Sie Speicherplatz frei.</translation>
    </message>
    <message>
        <source>The uplink queue cannot be written.</source>
        <translation>Die Uplink-Warteschlange kann nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>The uplink&apos;s client certificate or key file %1 cannot be read: %2. The messages are kept in the queue until the file is fixed and the uplink restarted.</source>
        <translation>Die Client-Zertifikats- oder Schlüsseldatei %1 des Uplinks kann nicht gelesen werden: %2. Die Nachrichten bleiben in der Warteschlange, bis die Datei korrigiert und der Uplink neu gestartet ist.</translation>
    </message>
    <message>
        <source>The free disk space of %1 cannot be read; the free-disk floor of %2 bytes is not enforced.</source>
        <translation>Der freie Speicherplatz von %1 kann nicht gelesen werden; die Untergrenze für freien Speicherplatz von %2 Bytes wird nicht durchgesetzt.</translation>
    </message>
</context>
<context>
    <name>UplinkQueue</name>
    <message>
        <source>Store-and-forward queue %1: %2 failed (%3). Check that the disk is not full and the file is writable.</source>
        <translation>Store-and-Forward-Warteschlange %1: %2 fehlgeschlagen (%3). Prüfen Sie, ob der Datenträger nicht voll und die Datei beschreibbar ist.</translation>
    </message>
    <message>
        <source>creating the folder</source>
        <translation>Erstellen des Ordners</translation>
    </message>
    <message>
        <source>opening</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>starting a transaction</source>
        <translation>Starten einer Transaktion</translation>
    </message>
    <message>
        <source>updating the counters</source>
        <translation>Aktualisieren der Zähler</translation>
    </message>
    <message>
        <source>counting the queue</source>
        <translation>Zählen der Warteschlange</translation>
    </message>
    <message>
        <source>storing a message</source>
        <translation>Speichern einer Nachricht</translation>
    </message>
    <message>
        <source>committing</source>
        <translation>Commit</translation>
    </message>
    <message>
        <source>measuring the queue</source>
        <translation>Messen der Warteschlange</translation>
    </message>
    <message>
        <source>finding the oldest messages</source>
        <translation>Suchen der ältesten Nachrichten</translation>
    </message>
    <message>
        <source>dropping the oldest messages</source>
        <translation>Verwerfen der ältesten Nachrichten</translation>
    </message>
    <message>
        <source>counting dropped messages</source>
        <translation>Zählen verworfener Nachrichten</translation>
    </message>
    <message>
        <source>reading the queue</source>
        <translation>Lesen der Warteschlange</translation>
    </message>
    <message>
        <source>removing a delivered message</source>
        <translation>Entfernen einer zugestellten Nachricht</translation>
    </message>
    <message>
        <source>reading the counters</source>
        <translation>Lesen der Zähler</translation>
    </message>
</context>
<context>
    <name>UplinkSettings</name>
    <message>
        <source>%1: &quot;%2&quot; is not a valid topic filter: %3</source>
        <translation>%1: &quot;%2&quot; ist kein gültiger Topic-Filter: %3</translation>
    </message>
    <message>
        <source>Cloud host: enter the host name or IP address of the cloud broker, e.g. abc123-ats.iot.eu-central-1.amazonaws.com.</source>
        <translation>Cloud-Host: Geben Sie den Hostnamen oder die IP-Adresse des Cloud-Brokers ein, z. B. abc123-ats.iot.eu-central-1.amazonaws.com.</translation>
    </message>
    <message>
        <source>Cloud port: %1 is not a valid port. Use a port between 1 and 65535 (8883 for MQTT over TLS, 443 with ALPN).</source>
        <translation>Cloud-Port: %1 ist kein gültiger Port. Verwenden Sie einen Port zwischen 1 und 65535 (8883 für MQTT über TLS, 443 mit ALPN).</translation>
    </message>
    <message>
        <source>Client identity: choose either a certificate from the vault or a certificate and key file, not both.</source>
        <translation>Client-Identität: Wählen Sie entweder ein Zertifikat aus dem Zertifikatsspeicher oder eine Zertifikats- und Schlüsseldatei, nicht beides.</translation>
    </message>
    <message>
        <source>Client identity: a certificate file needs its key file and the other way round. Choose both files.</source>
        <translation>Client-Identität: Eine Zertifikatsdatei benötigt ihre Schlüsseldatei und umgekehrt. Wählen Sie beide Dateien aus.</translation>
    </message>
    <message>
        <source>Forwarded topics: enter at least one topic filter, e.g. factory/# (or # for everything).</source>
        <translation>Weitergeleitete Topics: Geben Sie mindestens einen Topic-Filter ein, z. B. factory/# (oder # für alles).</translation>
    </message>
    <message>
        <source>Forwarded topics</source>
        <translation>Weitergeleitete Topics</translation>
    </message>
    <message>
        <source>Downlink topics</source>
        <translation>Downlink-Topics</translation>
    </message>
    <message>
        <source>Queue limit: at least 1 message must fit; %1 is not allowed.</source>
        <translation>Warteschlangenlimit: Mindestens 1 Nachricht muss hineinpassen; %1 ist nicht zulässig.</translation>
    </message>
    <message>
        <source>Queue size limit: %1 bytes is too small. Allow at least 1024 bytes.</source>
        <translation>Größenlimit der Warteschlange: %1 Bytes sind zu wenig. Erlauben Sie mindestens 1024 Bytes.</translation>
    </message>
    <message>
        <source>Free-disk floor: %1 bytes is not allowed. Use 0 or more.</source>
        <translation>Frei zu haltender Speicherplatz: %1 Bytes sind nicht zulässig. Verwenden Sie 0 oder mehr.</translation>
    </message>
</context>
<context>
    <name>UplinkStatusWidget</name>
    <message>
        <source>Uplink to the cloud</source>
        <translation>Uplink in die Cloud</translation>
    </message>
    <message>
        <source>Cloud:</source>
        <translation>Cloud:</translation>
    </message>
    <message>
        <source>Last problem:</source>
        <translation>Letztes Problem:</translation>
    </message>
    <message>
        <source>Queued:</source>
        <translation>In Warteschlange:</translation>
    </message>
    <message>
        <source>Oldest queued:</source>
        <translation>Älteste in Warteschlange:</translation>
    </message>
    <message>
        <source>Drain rate:</source>
        <translation>Abbaurate:</translation>
    </message>
    <message>
        <source>Delivered / resent / dropped:</source>
        <translation>Zugestellt / erneut gesendet / verworfen:</translation>
    </message>
    <message>
        <source>Dropped per topic:</source>
        <translation>Verworfen pro Topic:</translation>
    </message>
    <message>
        <source>off (set it up under Settings…)</source>
        <translation>aus (unter Einstellungen… einrichten)</translation>
    </message>
    <message>
        <source>–</source>
        <translation>–</translation>
    </message>
    <message>
        <source>%1 messages, %2</source>
        <translation>%1 Nachrichten, %2</translation>
    </message>
    <message>
        <source>%1 s ago</source>
        <translation>vor %1 s</translation>
    </message>
    <message>
        <source>%1 msg/s</source>
        <translation>%1 Nachr./s</translation>
    </message>
    <message>
        <source>%1 / %2 / %3 of %4 taken from the broker</source>
        <translation>%1 / %2 / %3 von %4 vom Broker übernommen</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message numerus="yes">
        <source>and %n more topic(s)</source>
        <translation>
            <numerusform>und %n weiteres Topic</numerusform>
            <numerusform>und %n weitere Topics</numerusform>
        </translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Alarm: %1</source>
        <translation>Alarm: %1</translation>
    </message>
</context>
<context>
    <name>Utf8TextDecoder</name>
    <message>
        <source>UTF-8 text</source>
        <translation>UTF-8-Text</translation>
    </message>
    <message>
        <source>invalid UTF-8 sequence</source>
        <translation>ungültige UTF-8-Sequenz</translation>
    </message>
    <message>
        <source>truncated UTF-8 sequence</source>
        <translation>abgeschnittene UTF-8-Sequenz</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>MQTT console for the factory floor.</source>
        <translation>MQTT-Konsole für die Fertigung.</translation>
    </message>
    <message>
        <source>Start a local mosquitto on 127.0.0.1 and connect to it.</source>
        <translation>Einen lokalen mosquitto auf 127.0.0.1 starten und sich damit verbinden.</translation>
    </message>
    <message>
        <source>Data directory of the embedded broker.</source>
        <translation>Datenverzeichnis des eingebetteten Brokers.</translation>
    </message>
    <message>
        <source>dir</source>
        <translation>Verz</translation>
    </message>
    <message>
        <source>Open a connection to this broker.</source>
        <translation>Eine Verbindung zu diesem Broker öffnen.</translation>
    </message>
    <message>
        <source>host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>Broker port (embedded broker: falls back to a free port when busy). Default 1883.</source>
        <translation>Broker-Port (eingebetteter Broker: weicht auf einen freien Port aus, wenn belegt). Standard 1883.</translation>
    </message>
    <message>
        <source>port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>Run a simulated production line (5 assets, about 20 messages/s).</source>
        <translation>Eine simulierte Produktionslinie betreiben (5 Anlagen, etwa 20 Nachrichten/s).</translation>
    </message>
    <message>
        <source>Save a picture of the main window into file, then quit.</source>
        <translation>Ein Bild des Hauptfensters in Datei speichern und dann beenden.</translation>
    </message>
    <message>
        <source>file</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Quit (after taking the screenshot) after this many seconds.</source>
        <translation>Nach so vielen Sekunden beenden (nach dem Bildschirmfoto).</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>Sekunden</translation>
    </message>
    <message>
        <source>Embedded broker: also listen on the network on this port (accounts required).</source>
        <translation>Eingebetteter Broker: zusätzlich im Netzwerk auf diesem Port lauschen (Konten erforderlich).</translation>
    </message>
    <message>
        <source>With --screenshot: keep running and refresh the picture every this many seconds (for machines without a display).</source>
        <translation>Mit --screenshot: weiterlaufen und das Bild alle so vielen Sekunden erneuern (für Rechner ohne Bildschirm).</translation>
    </message>
    <message>
        <source>Invalid --quit-after %1: use a number of seconds.</source>
        <translation>Ungültiges --quit-after %1: Geben Sie eine Anzahl Sekunden an.</translation>
    </message>
    <message>
        <source>Embedded broker: failed</source>
        <translation>Eingebetteter Broker: fehlgeschlagen</translation>
    </message>
    <message>
        <source>The embedded broker could not start: %1</source>
        <translation>Der eingebettete Broker konnte nicht starten: %1</translation>
    </message>
    <message>
        <source>The embedded broker stopped unexpectedly and is being restarted: %1</source>
        <translation>Der eingebettete Broker wurde unerwartet beendet und wird neu gestartet: %1</translation>
    </message>
    <message>
        <source>Embedded broker on 127.0.0.1:%1</source>
        <translation>Eingebetteter Broker auf 127.0.0.1:%1</translation>
    </message>
    <message>
        <source>Embedded broker on 127.0.0.1:%1 (port %2 was in use)</source>
        <translation>Eingebetteter Broker auf 127.0.0.1:%1 (Port %2 war belegt)</translation>
    </message>
    <message>
        <source>Port %1 is in use by another program; the embedded broker listens on port %2 instead.</source>
        <translation>Port %1 wird von einem anderen Programm verwendet; der eingebettete Broker lauscht stattdessen auf Port %2.</translation>
    </message>
    <message>
        <source>Embedded broker</source>
        <translation>Eingebetteter Broker</translation>
    </message>
    <message>
        <source>Embedded broker: starting…</source>
        <translation>Eingebetteter Broker: startet…</translation>
    </message>
    <message>
        <source>Could not save the screenshot to %1.</source>
        <translation>Das Bildschirmfoto konnte nicht unter %1 gespeichert werden.</translation>
    </message>
    <message>
        <source>Invalid --screenshot-every %1: use a number of seconds.</source>
        <translation>Ungültiges --screenshot-every %1: Geben Sie eine Anzahl Sekunden an.</translation>
    </message>
    <message>
        <source>Invalid --%1 %2: use a number between 1 and 65535.</source>
        <translation>Ungültiger Wert für --%1: %2. Verwenden Sie eine Zahl zwischen 1 und 65535.</translation>
    </message>
</context>
</TS>
