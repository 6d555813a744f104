#include "fliptech/storage/eventstore.h"

#include "fliptech/core/json.h"
#include "fliptech/storage/database.h"
#include "fliptech/storage/logging.h"
#include "fliptech/storage/transaction.h"

#include <QJsonDocument>
#include <QSocketNotifier>
#include <QTimer>

#include <libpq-fe.h>

Q_LOGGING_CATEGORY(lcEvents, "fliptech.events")

namespace fliptech::storage {

namespace {
// Appends take this transaction-scoped lock so ids are allocated in commit order: a reader
// that saw id N can never later find a smaller id committed after it.
constexpr qint64 kAppendLockKey = 0x46'4c'49'50'45'56'54; // "FLIPEVT"
const QString kChannel = QStringLiteral("fliptech_events");

QByteArray conninfo(const DatabaseUrl &u)
{
    auto quote = [](const QString &v) -> QByteArray {
        QString s = v;
        s.replace(u'\\', QStringLiteral("\\\\")).replace(u'\'', QStringLiteral("\\'"));
        return QByteArray("'") + s.toUtf8() + "'";
    };
    QByteArray ci = "host=" + quote(u.host) + " port=" + QByteArray::number(u.port) + " dbname=" + quote(u.database) +
                    " connect_timeout=5 application_name='fliptech-events'";
    if (!u.user.isEmpty())
        ci += " user=" + quote(u.user);
    if (!u.password.isEmpty())
        ci += " password=" + quote(u.password);
    for (auto it = u.options.begin(); it != u.options.end(); ++it)
        if (it.key() != QLatin1String("connect_timeout") && it.key() != QLatin1String("application_name"))
            ci += ' ' + it.key().toUtf8() + '=' + quote(it.value());
    return ci;
}
} // namespace

QJsonObject Event::toJson() const
{
    QJsonObject o = payload;
    o.insert(QStringLiteral("type"), type);
    o.insert(QStringLiteral("event_id"), id);
    o.insert(QStringLiteral("channel"), channel);
    o.insert(QStringLiteral("timestamp"), Database::isoTimestamp(createdAt));
    return o;
}

EventStore::EventStore(std::shared_ptr<Database> db, const core::Clock &clock, QObject *parent)
    : QObject(parent), m_db(std::move(db)), m_clock(clock)
{
    qRegisterMetaType<fliptech::storage::Event>();
}

EventStore::~EventStore()
{
    stopWatching();
}

core::Result<qint64> EventStore::append(const QString &type, const QString &channel, const QJsonObject &payload,
                                        std::optional<qint64> userId)
{
    if (type.isEmpty() || channel.isEmpty())
        return core::makeError(core::ErrorCode::InvalidArgument, QStringLiteral("an event needs a type and a channel"));
    // Inside a caller's transaction the event joins it (it is that work's announcement: it
    // commits or vanishes with it), which spares a savepoint's two statements.
    Transaction tx(*m_db, Transaction::Mode::Immediate, Transaction::Nesting::Join);
    if (!tx.isActive())
        return tx.error();
    if (m_db->isPostgres()) {
        if (auto r = m_db->execute(QStringLiteral("SELECT pg_advisory_xact_lock(?)"), {kAppendLockKey}); !r)
            return r.error();
    }
    // On PostgreSQL the notification goes in the same statement (delivered at commit).
    const QVariantList values{type, channel, QString::fromUtf8(core::json::compact(payload)), userId ? QVariant(*userId) : QVariant(), m_db->timestamp(m_clock.now())};
    auto row = m_db->isPostgres()
                   ? m_db->selectOne(QStringLiteral("INSERT INTO events (type, channel, payload, user_id, created_at) VALUES (?, ?, %1, ?, ?) "
                                                    "RETURNING id, pg_notify('%2', id::text)")
                                         .arg(m_db->jsonParam(), kChannel),
                                     values)
                   : m_db->selectOne(QStringLiteral("INSERT INTO events (type, channel, payload, user_id, created_at) VALUES (?, ?, %1, ?, ?) RETURNING id")
                                         .arg(m_db->jsonParam()),
                                     values);
    if (!row)
        return row.error();
    const qint64 id = row->value(0).toLongLong();
    if (auto st = tx.commit(); !st)
        return st.error();
    if (m_watching) {
        QMutexLocker lock(&m_localMutex);
        m_localIds.insert(id);
    }
    m_appended.fetch_add(1);
    scheduleDispatch();
    return id;
}

core::Result<QList<Event>> EventStore::since(qint64 afterId, int limit, const QStringList &channels)
{
    QString sql = QStringLiteral("SELECT id, type, channel, payload, user_id, created_at FROM events WHERE id > ?");
    QVariantList params{afterId};
    if (!channels.isEmpty()) {
        sql += QStringLiteral(" AND channel IN (");
        for (int i = 0; i < channels.size(); ++i) {
            sql += i ? QStringLiteral(",?") : QStringLiteral("?");
            params << channels[i];
        }
        sql += u')';
    }
    sql += QStringLiteral(" ORDER BY id LIMIT ?");
    params << std::max(1, limit);
    auto rows = m_db->select(sql, params);
    if (!rows)
        return rows.error();
    QList<Event> out;
    out.reserve(rows->size());
    for (const Row &r : *rows) {
        Event e;
        e.id = r.value(0).toLongLong();
        e.type = r.value(1).toString();
        e.channel = r.value(2).toString();
        e.payload = QJsonDocument::fromJson(r.value(3).toString().toUtf8()).object();
        if (!r.value(4).isNull())
            e.userId = r.value(4).toLongLong();
        e.createdAt = Database::toDateTime(r.value(5));
        out << e;
    }
    return out;
}

core::Result<qint64> EventStore::lastId()
{
    auto row = m_db->selectOne(QStringLiteral("SELECT COALESCE(MAX(id), 0) FROM events"));
    if (!row)
        return row.error();
    return row->value(0).toLongLong();
}

core::Status EventStore::startWatching(int pollIntervalMs)
{
    if (m_watching)
        return {};
    auto last = lastId();
    if (!last)
        return last.error();
    m_lastDispatched = *last;
    m_watching = true;
    if (pollIntervalMs <= 0)
        pollIntervalMs = m_db->isPostgres() ? 2000 : 250;
    m_pollTimer = new QTimer(this);
    m_pollTimer->setInterval(pollIntervalMs);
    connect(m_pollTimer, &QTimer::timeout, this, &EventStore::dispatch);
    m_pollTimer->start();
    if (m_db->isPostgres()) {
        m_reconnectTimer = new QTimer(this);
        m_reconnectTimer->setSingleShot(true);
        m_reconnectTimer->setInterval(2000);
        connect(m_reconnectTimer, &QTimer::timeout, this, &EventStore::connectListener);
        connectListener();
    }
    return {};
}

void EventStore::stopWatching()
{
    m_watching = false;
    disconnectListener();
    delete m_pollTimer;
    m_pollTimer = nullptr;
    delete m_reconnectTimer;
    m_reconnectTimer = nullptr;
}

void EventStore::connectListener()
{
    disconnectListener();
    m_listenConn = PQconnectdb(conninfo(m_db->url()).constData());
    if (PQstatus(m_listenConn) != CONNECTION_OK) {
        qCWarning(lcEvents).noquote() << "cannot LISTEN for events (retrying):" << QString::fromUtf8(PQerrorMessage(m_listenConn)).trimmed();
        disconnectListener();
        m_reconnectTimer->start();
        return;
    }
    PGresult *r = PQexec(m_listenConn, "LISTEN fliptech_events");
    const bool ok = PQresultStatus(r) == PGRES_COMMAND_OK;
    PQclear(r);
    if (!ok) {
        disconnectListener();
        m_reconnectTimer->start();
        return;
    }
    m_notifier = new QSocketNotifier(qintptr(PQsocket(m_listenConn)), QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &EventStore::onNotification);
    dispatch(); // catch up on anything committed while we were not listening
}

void EventStore::disconnectListener()
{
    delete m_notifier;
    m_notifier = nullptr;
    if (m_listenConn) {
        PQfinish(m_listenConn);
        m_listenConn = nullptr;
    }
}

void EventStore::onNotification()
{
    if (!m_listenConn)
        return;
    if (!PQconsumeInput(m_listenConn) || PQstatus(m_listenConn) != CONNECTION_OK) {
        qCWarning(lcEvents) << "lost the LISTEN connection; reconnecting";
        disconnectListener();
        if (m_reconnectTimer)
            m_reconnectTimer->start();
        return;
    }
    bool any = false;
    while (PGnotify *n = PQnotifies(m_listenConn)) {
        any = true;
        PQfreemem(n);
    }
    if (any)
        dispatch();
}

void EventStore::scheduleDispatch()
{
    if (!m_watching || m_dispatchQueued.exchange(true))
        return;
    QMetaObject::invokeMethod(this, &EventStore::dispatch, Qt::QueuedConnection);
}

void EventStore::dispatch()
{
    m_dispatchQueued.store(false);
    if (!m_watching)
        return;
    for (;;) {
        auto batch = since(m_lastDispatched, 1000);
        if (!batch) {
            qCWarning(lcEvents).noquote() << "cannot read events:" << batch.error().message;
            return;
        }
        QList<Event> events = std::move(batch).value();
        for (Event &e : events) {
            m_lastDispatched = e.id;
            {
                QMutexLocker lock(&m_localMutex);
                e.local = m_localIds.remove(e.id);
            }
            Q_EMIT eventAppended(e);
            if (!m_watching)
                return;
        }
        if (events.size() < 1000)
            return;
    }
}

} // namespace fliptech::storage
