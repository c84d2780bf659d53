#include "uplink_queue.h"

#include "mqtt/mqtt_message.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <atomic>

namespace {

constexpr int TrimChunk = 500;
constexpr int BusyTimeoutMs = 10000;

QString tr(const char *text)
{
    return QCoreApplication::translate("UplinkQueue", text);
}

QString nextConnectionName()
{
    static std::atomic<int> counter{0};
    return QStringLiteral("linescope-uplink-queue-%1").arg(counter.fetch_add(1));
}

} // namespace

UplinkQueue::UplinkQueue()
    : m_connectionName(nextConnectionName())
{
}

UplinkQueue::~UplinkQueue()
{
    if (m_db.isValid()) {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_connectionName);
    }
}

bool UplinkQueue::isOpen() const
{
    return m_db.isValid() && m_db.isOpen();
}

bool UplinkQueue::fail(const QString &what, const QString &detail, QString *error)
{
    if (error) {
        *error = tr("Store-and-forward queue %1: %2 failed (%3). Check that the disk is not full and the file is "
                    "writable.")
                     .arg(QDir::toNativeSeparators(m_path), what, detail);
    }
    return false;
}

bool UplinkQueue::exec(const QString &statement, QString *error)
{
    QSqlQuery query(m_db);
    if (!query.exec(statement)) {
        return fail(statement, query.lastError().text(), error);
    }
    return true;
}

bool UplinkQueue::open(const QString &path, Durability durability, QString *error)
{
    m_path = path;
    const QFileInfo info(path);
    if (!QDir().mkpath(info.absolutePath())) {
        return fail(tr("creating the folder"), QDir::toNativeSeparators(info.absolutePath()), error);
    }
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    m_db.setDatabaseName(path);
    m_db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(BusyTimeoutMs));
    if (!m_db.open()) {
        return fail(tr("opening"), m_db.lastError().text(), error);
    }
    const QString synchronous = durability == Durability::Full ? QStringLiteral("FULL") : QStringLiteral("NORMAL");
    return exec(QStringLiteral("PRAGMA journal_mode=WAL"), error)
        && exec(QStringLiteral("PRAGMA synchronous=%1").arg(synchronous), error)
        && exec(QStringLiteral("CREATE TABLE IF NOT EXISTS messages (id INTEGER PRIMARY KEY AUTOINCREMENT, "
                               "topic TEXT NOT NULL, payload BLOB, retained INTEGER NOT NULL, "
                               "received_at INTEGER NOT NULL, size INTEGER NOT NULL)"),
                error)
        && exec(QStringLiteral("CREATE TABLE IF NOT EXISTS counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL)"),
                error)
        && exec(QStringLiteral("CREATE TABLE IF NOT EXISTS drops (topic TEXT PRIMARY KEY, count INTEGER NOT NULL)"),
                error)
        && exec(QStringLiteral("INSERT OR IGNORE INTO counters (name, value) VALUES ('published', 0), "
                               "('delivered', 0), ('dropped', 0)"),
                error);
}

bool UplinkQueue::beginWrite(QString *error)
{
    // IMMEDIATE takes the write lock up front (waiting through the busy
    // timeout). A plain BEGIN would start as a reader, and in WAL mode the
    // later upgrade fails at once with SQLITE_BUSY when the other connection
    // committed in between.
    QSqlQuery begin(m_db);
    if (!begin.exec(QStringLiteral("BEGIN IMMEDIATE"))) {
        return fail(tr("starting a transaction"), begin.lastError().text(), error);
    }
    return true;
}

bool UplinkQueue::addToCounter(const QString &key, qint64 delta, QString *error)
{
    if (delta == 0) {
        return true;
    }
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("UPDATE counters SET value = value + ? WHERE name = ?"));
    query.addBindValue(delta);
    query.addBindValue(key);
    if (!query.exec()) {
        return fail(tr("updating the counters"), query.lastError().text(), error);
    }
    return true;
}

bool UplinkQueue::append(const QList<MqttMessage> &messages, const UplinkQueueLimits &limits, bool diskFloorReached,
                         AppendResult *result, QString *error)
{
    AppendResult local;
    AppendResult &r = result ? *result : local;
    r = {};
    if (messages.isEmpty()) {
        return true;
    }
    if (!beginWrite(error)) {
        return false;
    }
    qint64 countBefore = 0;
    {
        QSqlQuery count(m_db);
        if (!count.exec(QStringLiteral("SELECT COUNT(*) FROM messages")) || !count.next()) {
            m_db.rollback();
            return fail(tr("counting the queue"), count.lastError().text(), error);
        }
        countBefore = count.value(0).toLongLong();
    }
    QSqlQuery insert(m_db);
    insert.prepare(QStringLiteral(
        "INSERT INTO messages (topic, payload, retained, received_at, size) VALUES (?, ?, ?, ?, ?)"));
    for (const MqttMessage &m : messages) {
        insert.bindValue(0, m.topic);
        insert.bindValue(1, m.payload);
        insert.bindValue(2, m.retained ? 1 : 0);
        insert.bindValue(3, m.receivedAtMs);
        insert.bindValue(4, static_cast<qint64>(m.payload.size() + m.topic.toUtf8().size()));
        if (!insert.exec()) {
            const QString detail = insert.lastError().text();
            m_db.rollback();
            return fail(tr("storing a message"), detail, error);
        }
    }
    r.stored = static_cast<quint64>(messages.size());
    if (!addToCounter(QStringLiteral("published"), messages.size(), error)
        || !trim(limits, diskFloorReached, countBefore, &r, error)) {
        m_db.rollback();
        r = {};
        return false;
    }
    if (!m_db.commit()) {
        const QString detail = m_db.lastError().text();
        m_db.rollback();
        r = {};
        return fail(tr("committing"), detail, error);
    }
    return true;
}

bool UplinkQueue::trim(const UplinkQueueLimits &limits, bool diskFloorReached, qint64 countBefore,
                       AppendResult *result, QString *error)
{
    QSqlQuery totals(m_db);
    if (!totals.exec(QStringLiteral("SELECT COUNT(*), COALESCE(SUM(size), 0) FROM messages")) || !totals.next()) {
        return fail(tr("measuring the queue"), totals.lastError().text(), error);
    }
    qint64 count = totals.value(0).toLongLong();
    qint64 bytes = totals.value(1).toLongLong();
    const qint64 maxCount = diskFloorReached ? std::min(limits.maxMessages, countBefore) : limits.maxMessages;
    if (count <= maxCount && bytes <= limits.maxBytes) {
        return true;
    }
    if (diskFloorReached && count > maxCount) {
        result->cause = UplinkStatus::Alarm::DiskFloor;
    } else if (count > maxCount) {
        result->cause = UplinkStatus::Alarm::MessageLimit;
    } else {
        result->cause = UplinkStatus::Alarm::ByteLimit;
    }
    QHash<QString, qint64> dropsByTopic;
    qint64 lastDropped = 0;
    qint64 droppedCount = 0;
    while (count > maxCount || bytes > limits.maxBytes) {
        QSqlQuery oldest(m_db);
        oldest.prepare(QStringLiteral("SELECT id, topic, size FROM messages WHERE id > ? ORDER BY id LIMIT ?"));
        oldest.addBindValue(lastDropped);
        oldest.addBindValue(TrimChunk);
        if (!oldest.exec()) {
            return fail(tr("finding the oldest messages"), oldest.lastError().text(), error);
        }
        bool any = false;
        while ((count > maxCount || bytes > limits.maxBytes) && oldest.next()) {
            any = true;
            lastDropped = oldest.value(0).toLongLong();
            ++dropsByTopic[oldest.value(1).toString()];
            bytes -= oldest.value(2).toLongLong();
            --count;
            ++droppedCount;
        }
        if (!any) {
            break;
        }
    }
    QSqlQuery remove(m_db);
    remove.prepare(QStringLiteral("DELETE FROM messages WHERE id <= ?"));
    remove.addBindValue(lastDropped);
    if (!remove.exec()) {
        return fail(tr("dropping the oldest messages"), remove.lastError().text(), error);
    }
    QSqlQuery perTopic(m_db);
    perTopic.prepare(QStringLiteral(
        "INSERT INTO drops (topic, count) VALUES (?, ?) ON CONFLICT(topic) DO UPDATE SET count = count + excluded.count"));
    for (auto it = dropsByTopic.cbegin(); it != dropsByTopic.cend(); ++it) {
        perTopic.bindValue(0, it.key());
        perTopic.bindValue(1, it.value());
        if (!perTopic.exec()) {
            return fail(tr("counting dropped messages"), perTopic.lastError().text(), error);
        }
    }
    result->dropped = static_cast<quint64>(droppedCount);
    return addToCounter(QStringLiteral("dropped"), droppedCount, error);
}

bool UplinkQueue::fetch(qint64 afterId, int limit, QList<Row> *rows, QString *error)
{
    rows->clear();
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral(
        "SELECT id, topic, payload, retained, received_at FROM messages WHERE id > ? ORDER BY id LIMIT ?"));
    query.addBindValue(afterId);
    query.addBindValue(limit);
    if (!query.exec()) {
        return fail(tr("reading the queue"), query.lastError().text(), error);
    }
    while (query.next()) {
        rows->append({query.value(0).toLongLong(), query.value(1).toString(), query.value(2).toByteArray(),
                      query.value(3).toInt() != 0, query.value(4).toLongLong()});
    }
    return true;
}

bool UplinkQueue::removeDelivered(const QList<qint64> &ids, quint64 *removed, QString *error)
{
    *removed = 0;
    if (ids.isEmpty()) {
        return true;
    }
    if (!beginWrite(error)) {
        return false;
    }
    QSqlQuery remove(m_db);
    remove.prepare(QStringLiteral("DELETE FROM messages WHERE id = ?"));
    for (const qint64 id : ids) {
        remove.bindValue(0, id);
        if (!remove.exec()) {
            const QString detail = remove.lastError().text();
            m_db.rollback();
            return fail(tr("removing a delivered message"), detail, error);
        }
        *removed += static_cast<quint64>(std::max(0, remove.numRowsAffected()));
    }
    if (!addToCounter(QStringLiteral("delivered"), static_cast<qint64>(*removed), error)) {
        m_db.rollback();
        *removed = 0;
        return false;
    }
    if (!m_db.commit()) {
        const QString detail = m_db.lastError().text();
        m_db.rollback();
        *removed = 0;
        return fail(tr("committing"), detail, error);
    }
    return true;
}

bool UplinkQueue::counters(Counters *c, QString *error)
{
    *c = {};
    // One read transaction, so the numbers fit together.
    if (!m_db.transaction()) {
        return fail(tr("starting a transaction"), m_db.lastError().text(), error);
    }
    QSqlQuery query(m_db);
    bool ok = query.exec(QStringLiteral("SELECT name, value FROM counters"));
    while (ok && query.next()) {
        const QString name = query.value(0).toString();
        const quint64 value = query.value(1).toULongLong();
        if (name == QLatin1String("published")) {
            c->published = value;
        } else if (name == QLatin1String("delivered")) {
            c->delivered = value;
        } else if (name == QLatin1String("dropped")) {
            c->dropped = value;
        }
    }
    ok = ok && query.exec(QStringLiteral("SELECT COUNT(*), COALESCE(SUM(size), 0), COALESCE(MIN(received_at), 0) "
                                         "FROM messages"))
        && query.next();
    if (ok) {
        c->queued = query.value(0).toULongLong();
        c->queuedBytes = query.value(1).toLongLong();
        c->oldestReceivedAtMs = query.value(2).toLongLong();
    }
    ok = ok && query.exec(QStringLiteral("SELECT topic, count FROM drops"));
    while (ok && query.next()) {
        c->droppedByTopic.insert(query.value(0).toString(), query.value(1).toULongLong());
    }
    const QString detail = query.lastError().text();
    m_db.commit();
    if (!ok) {
        return fail(tr("reading the counters"), detail, error);
    }
    return true;
}
