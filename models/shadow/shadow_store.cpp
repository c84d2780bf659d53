#include "shadow_store.h"

#include <QDir>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

ShadowStore::ShadowStore(QObject *parent)
    : QObject(parent)
    , m_connectionName(QStringLiteral("linescope-shadow-store-%1").arg(reinterpret_cast<quintptr>(this)))
{
}

ShadowStore::~ShadowStore()
{
    close();
}

void ShadowStore::open(const QString &databaseFile)
{
    close();
    const QFileInfo info(databaseFile);
    if (!QDir().mkpath(info.absolutePath())) {
        Q_EMIT errorOccurred(tr("Could not create the folder %1 for the shadow database. Check that it can be "
                                "written, or choose another database file.")
                                 .arg(QDir::toNativeSeparators(info.absolutePath())));
        return;
    }
    QList<ShadowRecord> records;
    QString problem;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
        db.setDatabaseName(info.absoluteFilePath());
        if (!db.open()) {
            problem = tr("Could not open the shadow database %1: %2")
                          .arg(QDir::toNativeSeparators(info.absoluteFilePath()), db.lastError().text());
        } else {
            QSqlQuery query(db);
            if (!query.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS shadows ("
                                           " thing TEXT NOT NULL,"
                                           " shadow TEXT NOT NULL,"
                                           " version INTEGER NOT NULL,"
                                           " deleted INTEGER NOT NULL,"
                                           " document TEXT NOT NULL,"
                                           " PRIMARY KEY (thing, shadow))"))) {
                problem = tr("Could not prepare the shadow database %1: %2")
                              .arg(QDir::toNativeSeparators(info.absoluteFilePath()), query.lastError().text());
            } else if (!query.exec(QStringLiteral("SELECT thing, shadow, version, deleted, document FROM shadows"))) {
                problem = tr("Could not read the shadow database %1: %2")
                              .arg(QDir::toNativeSeparators(info.absoluteFilePath()), query.lastError().text());
            } else {
                while (query.next()) {
                    ShadowRecord record;
                    record.name = ShadowName{query.value(0).toString(), query.value(1).toString()};
                    record.version = query.value(2).toLongLong();
                    record.deleted = query.value(3).toInt() != 0;
                    record.document = query.value(4).toString().toUtf8();
                    records.append(record);
                }
            }
        }
    }
    if (!problem.isEmpty()) {
        QSqlDatabase::removeDatabase(m_connectionName);
        Q_EMIT errorOccurred(problem);
        return;
    }
    m_open = true;
    Q_EMIT opened(records);
}

void ShadowStore::save(const ShadowRecord &record)
{
    if (!m_open) {
        Q_EMIT errorOccurred(tr("The change to shadow %1 was not saved: the shadow database is not open.")
                                 .arg(record.name.displayName()));
        return;
    }
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    QSqlQuery query(db);
    query.prepare(QStringLiteral("INSERT OR REPLACE INTO shadows (thing, shadow, version, deleted, document) "
                                 "VALUES (?, ?, ?, ?, ?)"));
    query.addBindValue(record.name.thing);
    // Never NULL (the column is NOT NULL): the classic shadow is stored as ''.
    query.addBindValue(record.name.shadow.isEmpty() ? QString::fromLatin1("", 0) : record.name.shadow);
    query.addBindValue(record.version);
    query.addBindValue(record.deleted ? 1 : 0);
    query.addBindValue(QString::fromUtf8(record.document));
    if (!query.exec()) {
        Q_EMIT errorOccurred(tr("The change to shadow %1 was not saved to the database: %2")
                                 .arg(record.name.displayName(), query.lastError().text()));
    }
}

void ShadowStore::close()
{
    if (!m_open) {
        return;
    }
    m_open = false;
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}
