#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

// The small JSON settings files in the broker's data directory (broker.json,
// uplink.json): reading, atomic writing and typed members with one wording
// for every problem. Reading and writing block on the disk: in the GUI, call
// them on a worker thread.
class JsonSettingsFile
{
public:
    // A missing file gives an empty object and true. false with *error
    // (translated, with the path) when it cannot be read or is not a JSON object.
    static bool read(const QString &file, QJsonObject *object, QString *error);
    // Writes atomically (QSaveFile), creating the folder if needed.
    static bool write(const QString &file, const QJsonObject &object, QString *error);

    // Reads the members of one object into typed values. A missing or null
    // member leaves the value as it is (the default); the first wrong type is
    // kept in error(): "<fileName>: "<key>" must be <type>."
    class Reader
    {
    public:
        Reader(const QJsonObject &object, const QString &fileName);

        void read(const QString &key, bool *value);
        void read(const QString &key, int *value);
        void read(const QString &key, qint64 *value);
        void read(const QString &key, QString *value);
        void read(const QString &key, QStringList *value);
        // Members that no read() asked for: typing mistakes in a hand-edited file.
        QStringList unknownKeys() const;
        QString error() const { return m_error; }

    private:
        QJsonValue take(const QString &key);
        void typeError(const QString &key, const char *expected);

        QJsonObject m_object;
        QString m_fileName;
        QStringList m_known;
        QString m_error;
    };
};
