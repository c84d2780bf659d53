#include "broker_settings.h"

#include "json_settings_file.h"

#include <QCoreApplication>
#include <QDir>

#include <utility>

namespace {

class Text
{
    Q_DECLARE_TR_FUNCTIONS(BrokerSettings)
};

const QString FileName = QStringLiteral("broker.json");

QString emptyFileProblem(const QString &key, const QString &because)
{
    return Text::tr("%1: \"%2\" is empty, but %3. Give the path of a PEM file.").arg(FileName, key, because);
}

} // namespace

QString BrokerSettings::filePath(const QString &dataDirectory)
{
    return QDir(dataDirectory).filePath(FileName);
}

BrokerSettings BrokerSettings::fromConfig(const BrokerConfig &config)
{
    BrokerSettings s;
    s.lanEnabled = config.lan.enabled;
    s.lanPort = config.lan.port;
    s.lanBindAddress = config.lan.bindAddress;
    s.tlsEnabled = config.lan.tls.enabled;
    s.tlsCertificateFile = config.lan.tls.certFile;
    s.tlsKeyFile = config.lan.tls.keyFile;
    s.tlsCaFile = config.lan.tls.caFile;
    s.tlsRequireCertificate = config.lan.tls.requireCertificate;
    return s;
}

void BrokerSettings::applyTo(BrokerConfig *config) const
{
    config->lan.enabled = lanEnabled;
    config->lan.port = lanPort;
    config->lan.bindAddress = lanBindAddress;
    config->lan.tls.enabled = tlsEnabled;
    config->lan.tls.certFile = tlsCertificateFile;
    config->lan.tls.keyFile = tlsKeyFile;
    config->lan.tls.caFile = tlsCaFile;
    config->lan.tls.requireCertificate = tlsRequireCertificate;
}

QString BrokerSettings::validate() const
{
    if (lanPort < 1 || lanPort > 65535)
        return Text::tr("%1: \"lanPort\" is %2. Use a TCP port between 1 and 65535 (8883 is usual for MQTT over TLS).")
            .arg(FileName)
            .arg(lanPort);
    if (!BrokerConfig::isListenerAddress(lanBindAddress))
        return Text::tr("%1: \"lanBindAddress\" \"%2\" is not an address. Use one address of this PC, e.g. 192.168.10.5, "
                        "or 0.0.0.0 for all interfaces.")
            .arg(FileName, lanBindAddress);
    const QList<std::pair<QString, QString>> files = {{QStringLiteral("tlsCertificateFile"), tlsCertificateFile},
                                                      {QStringLiteral("tlsKeyFile"), tlsKeyFile},
                                                      {QStringLiteral("tlsCaFile"), tlsCaFile}};
    for (const auto &[key, path] : files) {
        if (BrokerConfig::breaksConfigLine(path))
            return Text::tr("%1: \"%2\" contains a line break. Give the path of a PEM file on one line.").arg(FileName, key);
    }
    if (!tlsEnabled)
        return {};
    const QString tlsOn = Text::tr("\"tlsEnabled\" is true");
    if (tlsCertificateFile.isEmpty())
        return emptyFileProblem(QStringLiteral("tlsCertificateFile"), tlsOn);
    if (tlsKeyFile.isEmpty())
        return emptyFileProblem(QStringLiteral("tlsKeyFile"), tlsOn);
    if (tlsRequireCertificate && tlsCaFile.isEmpty())
        return emptyFileProblem(QStringLiteral("tlsCaFile"), Text::tr("\"tlsRequireCertificate\" is true"));
    return {};
}

QJsonObject BrokerSettings::toJson() const
{
    return {
        {QStringLiteral("lanEnabled"), lanEnabled},
        {QStringLiteral("lanPort"), lanPort},
        {QStringLiteral("lanBindAddress"), lanBindAddress},
        {QStringLiteral("tlsEnabled"), tlsEnabled},
        {QStringLiteral("tlsCertificateFile"), tlsCertificateFile},
        {QStringLiteral("tlsKeyFile"), tlsKeyFile},
        {QStringLiteral("tlsCaFile"), tlsCaFile},
        {QStringLiteral("tlsRequireCertificate"), tlsRequireCertificate},
    };
}

BrokerSettings BrokerSettings::fromJson(const QJsonObject &json, QString *error)
{
    BrokerSettings s;
    JsonSettingsFile::Reader reader(json, FileName);
    reader.read(QStringLiteral("lanEnabled"), &s.lanEnabled);
    reader.read(QStringLiteral("lanPort"), &s.lanPort);
    reader.read(QStringLiteral("lanBindAddress"), &s.lanBindAddress);
    reader.read(QStringLiteral("tlsEnabled"), &s.tlsEnabled);
    reader.read(QStringLiteral("tlsCertificateFile"), &s.tlsCertificateFile);
    reader.read(QStringLiteral("tlsKeyFile"), &s.tlsKeyFile);
    reader.read(QStringLiteral("tlsCaFile"), &s.tlsCaFile);
    reader.read(QStringLiteral("tlsRequireCertificate"), &s.tlsRequireCertificate);
    QString problem = reader.error();
    if (const QStringList unknown = reader.unknownKeys(); problem.isEmpty() && !unknown.isEmpty()) {
        problem = Text::tr("%1: \"%2\" is not a broker setting. Allowed are: %3.")
                      .arg(FileName, unknown.first(), QStringList(BrokerSettings().toJson().keys()).join(QStringLiteral(", ")));
    }
    if (error)
        *error = problem;
    return s;
}

BrokerSettings BrokerSettings::withOverrides(const QJsonObject &overrides) const
{
    QJsonObject merged = toJson();
    for (auto it = overrides.constBegin(); it != overrides.constEnd(); ++it)
        merged.insert(it.key(), it.value());
    QString problem;
    const BrokerSettings result = fromJson(merged, &problem);
    Q_ASSERT_X(problem.isEmpty(), "BrokerSettings::withOverrides", qPrintable(problem));
    return result;
}

bool BrokerSettings::load(const QString &file, BrokerSettings *settings, QString *error)
{
    QJsonObject json;
    if (!JsonSettingsFile::read(file, &json, error))
        return false;
    QString problem;
    const BrokerSettings loaded = fromJson(json, &problem);
    if (problem.isEmpty())
        problem = loaded.validate();
    if (!problem.isEmpty()) {
        *error = Text::tr("%1 (in %2)").arg(problem, QDir::toNativeSeparators(file));
        return false;
    }
    *settings = loaded;
    return true;
}

bool BrokerSettings::save(const QString &file, QString *error) const
{
    return JsonSettingsFile::write(file, toJson(), error);
}
