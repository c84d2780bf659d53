#pragma once

#include "shadow_name.h"

#include <QByteArray>
#include <QList>
#include <QMetaType>
#include <QObject>
#include <QString>

// One stored shadow: the document JSON ({"state": {...}, "metadata": {...}})
// and its version. A deleted shadow keeps its row (deleted = true) so that
// its version continues when it is created again.
struct ShadowRecord
{
    ShadowName name;
    qint64 version = 0;
    bool deleted = false;
    QByteArray document;
};

// SQLite persistence of ShadowService, meant to live on a worker thread
// (moveToThread) and to be driven through queued calls: open() once, then
// save() in the order of the accepted requests, then close(). One row per
// thing and shadow name; the classic shadow is stored with an empty name
// (named shadow names are never empty), which keeps the two apart.
class ShadowStore : public QObject
{
    Q_OBJECT
public:
    explicit ShadowStore(QObject *parent = nullptr);
    ~ShadowStore() override;

    // Creates the file (and its folder) when missing, creates the table,
    // then reports every row through opened(), or errorOccurred().
    void open(const QString &databaseFile);
    // Inserts or replaces the row; errorOccurred() when the write fails.
    void save(const ShadowRecord &record);
    void close();

Q_SIGNALS:
    void opened(const QList<ShadowRecord> &records);
    void errorOccurred(const QString &message);  // translated

private:
    QString m_connectionName;
    bool m_open = false;
};

Q_DECLARE_METATYPE(ShadowRecord)
