// Automation benchmarks (issue 15).
// 1. Rule evaluation: 100 active rules (1 to 6 conditions each, of every kind: text equals / in /
//    contains / regex, numbers, ages, tags, groups and NOT) against 100,000 lead events (each a
//    different lead: city, region, score, tags, e-mail, age), on one thread: evaluations per
//    second (target >= 50,000).
// 2. Event to action: a real engine (SQLite file, then PostgreSQL at FLIPTECH_TEST_PG_URL) with
//    one rule "lead created -> add tag"; FLIPTECH_BENCH_LATENCY_LEADS leads (default 300) created
//    one at a time; the time from the create call until the lead_tagged event is seen here:
//    p50 / p95 / max (target p95 < 100 ms).
// 3. Webhook delivery: FLIPTECH_BENCH_WEBHOOKS leads created (default 20,000), their
//    lead_created events fanned out to one hook (each delivery carries its lead, read then) and delivered with 16 connections to a local keep-alive receiver on
//    a thread of its own that checks every signature: deliveries per second, end to end (the
//    fan-out, the claims, the POSTs, every attempt logged), on SQLite and PostgreSQL
//    (target >= 1,000/s).
#include "fliptech/automation/condition.h"
#include "fliptech/automation/ruleservice.h"
#include "fliptech/automation/webhookservice.h"
#include "fliptech/engine/engine.h"
#include "fliptech/leads/leadservice.h"
#include "fliptech/storage/eventstore.h"
#include "fliptech/storage/transaction.h"
#include "memorysecretstore.h"
#include "tempdatabase.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QMessageAuthenticationCode>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <random>

using namespace fliptech;

namespace {

const char *const kCities[] = {"Austin", "Dallas", "Houston", "Denver", "Boston", "Miami", "Seattle", "Portland", "Chicago", "Phoenix"};
const char *const kRegions[] = {"TX", "CO", "MA", "FL", "WA", "OR", "IL", "AZ"};
const char *const kTags[] = {"hot", "cold", "plumbing", "roofing", "dental", "no-website", "outdated", "vip"};
const char *const kStatuses[] = {"new", "contacted", "qualified", "proposal", "won", "lost"};

QJsonObject leaf(std::mt19937 &rng)
{
    auto pick = [&rng](auto &array) { return QString::fromLatin1(array[rng() % std::size(array)]); };
    switch (rng() % 9) {
    case 0: return {{QStringLiteral("field"), QStringLiteral("city")}, {QStringLiteral("op"), QStringLiteral("equals")}, {QStringLiteral("value"), pick(kCities)}};
    case 1: return {{QStringLiteral("field"), QStringLiteral("region")}, {QStringLiteral("op"), QStringLiteral("in")}, {QStringLiteral("value"), QJsonArray{pick(kRegions), pick(kRegions)}}};
    case 2: return {{QStringLiteral("field"), QStringLiteral("score")}, {QStringLiteral("op"), QStringLiteral("gt")}, {QStringLiteral("value"), int(rng() % 100)}};
    case 3: return {{QStringLiteral("field"), QStringLiteral("tags")}, {QStringLiteral("op"), QStringLiteral("contains")}, {QStringLiteral("value"), pick(kTags)}};
    case 4: return {{QStringLiteral("field"), QStringLiteral("name")}, {QStringLiteral("op"), QStringLiteral("contains")}, {QStringLiteral("value"), QStringLiteral("co")}};
    case 5: return {{QStringLiteral("field"), QStringLiteral("email")}, {QStringLiteral("op"), QStringLiteral("regex")}, {QStringLiteral("value"), QStringLiteral("@(gmail|yahoo)\\.com$")}};
    case 6: return {{QStringLiteral("field"), QStringLiteral("created_at")}, {QStringLiteral("op"), QStringLiteral("older_than_days")}, {QStringLiteral("value"), int(rng() % 60)}};
    case 7: return {{QStringLiteral("field"), QStringLiteral("status")}, {QStringLiteral("op"), QStringLiteral("not_equals")}, {QStringLiteral("value"), pick(kStatuses)}};
    default: return {{QStringLiteral("field"), QStringLiteral("website")}, {QStringLiteral("op"), QStringLiteral("is_empty")}};
    }
}

int evaluationBench()
{
    std::mt19937 rng(42);
    QList<automation::Condition> rules;
    int leaves = 0;
    for (int r = 0; r < 100; ++r) {
        QJsonArray conditions;
        const int n = 1 + int(rng() % 5);
        for (int i = 0; i < n; ++i)
            conditions.append(leaf(rng));
        if (r % 4 == 0) // some groups and NOT
            conditions.append(QJsonObject{{QStringLiteral("any"), QJsonArray{leaf(rng), QJsonObject{{QStringLiteral("not"), leaf(rng)}}}}});
        auto c = automation::Condition::parse(conditions, r % 3 == 0 ? QStringLiteral("OR") : QStringLiteral("AND"));
        if (!c) {
            std::fprintf(stderr, "rule %d refused: %s\n", r, qPrintable(c.error().message));
            return 1;
        }
        leaves += c->leaves();
        rules.append(std::move(*c));
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QList<QJsonObject> events;
    events.reserve(100000);
    for (int i = 0; i < 100000; ++i) {
        QJsonArray tags;
        for (int t = 0; t < int(rng() % 4); ++t)
            tags.append(QJsonObject{{QStringLiteral("id"), t}, {QStringLiteral("name"), QString::fromLatin1(kTags[rng() % std::size(kTags)])}});
        events.append(QJsonObject{{QStringLiteral("id"), i + 1},
                                  {QStringLiteral("name"), QStringLiteral("Business %1 Co").arg(i)},
                                  {QStringLiteral("city"), QString::fromLatin1(kCities[rng() % std::size(kCities)])},
                                  {QStringLiteral("region"), QString::fromLatin1(kRegions[rng() % std::size(kRegions)])},
                                  {QStringLiteral("status"), QString::fromLatin1(kStatuses[rng() % std::size(kStatuses)])},
                                  {QStringLiteral("score"), int(rng() % 100)},
                                  {QStringLiteral("email"), i % 3 ? QStringLiteral("owner%1@gmail.com").arg(i) : QStringLiteral("info@biz%1.example").arg(i)},
                                  {QStringLiteral("website"), i % 4 ? QJsonValue(QStringLiteral("https://biz%1.example").arg(i)) : QJsonValue()},
                                  {QStringLiteral("created_at"), now.addSecs(-qint64(rng() % (90 * 86400))).toString(Qt::ISODateWithMs)},
                                  {QStringLiteral("tags"), tags}});
    }
    const QJsonObject noChanges;
    QElapsedTimer timer;
    timer.start();
    qint64 matched = 0;
    for (const QJsonObject &lead : events)
        for (const automation::Condition &rule : rules)
            matched += rule.matches(lead, noChanges, now) ? 1 : 0;
    const double seconds = timer.nsecsElapsed() / 1e9;
    const double evaluations = double(events.size()) * double(rules.size());
    std::printf("| rule evaluation, one thread | %d rules (%d conditions) x %lld lead events | %.0f evaluations/s | %.2f s | %lld matches |\n", int(rules.size()),
                leaves, qlonglong(events.size()), evaluations / seconds, seconds, qlonglong(matched));
    return 0;
}

int latencyBench(storage::Backend backend, int leads)
{
    test::TempDatabase tmp(backend);
    if (!tmp.isValid()) {
        std::printf("| event to action | %s | skipped: %s |\n", backend == storage::Backend::Postgres ? "PostgreSQL" : "SQLite", qPrintable(tmp.skipReason()));
        return 0;
    }
    QTemporaryDir dir;
    test::MemorySecretStore secrets;
    engine::Engine::Options o;
    o.database = tmp.url();
    o.workers = 1;
    o.secrets = &secrets;
    o.dataDir = dir.path();
    engine::Engine engine(o);
    if (!engine.connect() || !engine.migrate() || !engine.start()) {
        std::fprintf(stderr, "the engine did not start\n");
        return 1;
    }
    auto rule = engine.rules().create(leads::Actor::system(),
                                      QJsonDocument::fromJson(R"({"name": "Tag new leads", "trigger": "lead_created",
                                          "conditions": [{"field": "city", "op": "equals", "value": "Austin"}], "actions": [{"type": "add_tags", "tags": ["fast"]}]})")
                                          .object());
    if (!rule) {
        std::fprintf(stderr, "rule refused: %s\n", qPrintable(rule.error().message));
        return 1;
    }
    qint64 waitingFor = 0;
    QEventLoop loop;
    QObject::connect(&engine.events(), &storage::EventStore::eventAppended, &loop, [&](const storage::Event &e) {
        if (e.type == u"lead_tagged" && e.payload.value(QStringLiteral("id")).toInteger() == waitingFor)
            loop.quit();
    });
    QList<double> ms;
    QElapsedTimer timer;
    for (int i = 0; i < leads + 10; ++i) {
        timer.start();
        auto lead = engine.leads().create(leads::Actor::system(), {{QStringLiteral("name"), QStringLiteral("Lead %1").arg(i)}, {QStringLiteral("city"), QStringLiteral("Austin")}});
        if (!lead) {
            std::fprintf(stderr, "lead refused: %s\n", qPrintable(lead.error().message));
            return 1;
        }
        waitingFor = lead->value(QStringLiteral("id")).toInteger();
        QTimer::singleShot(5000, &loop, &QEventLoop::quit);
        loop.exec();
        if (i >= 10) // the first ten warm the connections up
            ms.append(timer.nsecsElapsed() / 1e6);
    }
    std::sort(ms.begin(), ms.end());
    auto at = [&ms](double q) { return ms.at(std::min<qsizetype>(ms.size() - 1, qsizetype(q * double(ms.size())))); };
    std::printf("| event to action (lead created -> tag added, seen as its event) | %s | %d leads | p50 %.1f ms | p95 %.1f ms | max %.1f ms |\n",
                backend == storage::Backend::Postgres ? "PostgreSQL" : "SQLite", leads, at(0.5), at(0.95), ms.last());
    engine.stop();
    return 0;
}

// A receiver as a real one would be: HTTP/1.1 keep-alive, each request's signature checked,
// answered 204; on a thread of its own.
class Receiver final : public QObject
{
public:
    std::atomic<qint64> received{0}, badSignatures{0};
    QByteArray secret;
    quint16 port = 0;

    void start()
    {
        m_thread.start();
        QMetaObject::invokeMethod(this, [this] {
            m_server = new QTcpServer(this);
            m_server->listen(QHostAddress::LocalHost, 0);
            port = m_server->serverPort();
            QObject::connect(m_server, &QTcpServer::newConnection, this, [this] {
                while (QTcpSocket *s = m_server->nextPendingConnection()) {
                    auto buffer = std::make_shared<QByteArray>();
                    QObject::connect(s, &QTcpSocket::disconnected, s, &QObject::deleteLater);
                    QObject::connect(s, &QTcpSocket::readyRead, s, [this, s, buffer] {
                        buffer->append(s->readAll());
                        for (;;) {
                            const qsizetype end = buffer->indexOf("\r\n\r\n");
                            if (end < 0)
                                return;
                            const QByteArray head = buffer->left(end);
                            qsizetype length = 0;
                            QByteArray ts, signature;
                            for (const QByteArray &line : head.split('\n')) {
                                const QByteArray l = line.trimmed();
                                const qsizetype colon = l.indexOf(':');
                                if (colon < 0)
                                    continue;
                                const QByteArray name = l.left(colon).trimmed().toLower(), value = l.mid(colon + 1).trimmed();
                                if (name == "content-length")
                                    length = value.toLongLong();
                                else if (name == "x-fliptech-timestamp")
                                    ts = value;
                                else if (name == "x-fliptech-signature")
                                    signature = value;
                            }
                            if (buffer->size() < end + 4 + length)
                                return;
                            const QByteArray body = buffer->mid(end + 4, length);
                            buffer->remove(0, end + 4 + length);
                            if (signature != "sha256=" + QMessageAuthenticationCode::hash(ts + '.' + body, secret, QCryptographicHash::Sha256).toHex())
                                ++badSignatures;
                            ++received;
                            s->write("HTTP/1.1 204 No Content\r\nContent-Length: 0\r\n\r\n");
                        }
                    });
                }
            });
        }, Qt::BlockingQueuedConnection);
    }
    ~Receiver() override
    {
        QMetaObject::invokeMethod(this, [this] { delete m_server; }, Qt::BlockingQueuedConnection);
        m_thread.quit();
        m_thread.wait();
    }
    Receiver() { moveToThread(&m_thread); }

private:
    QThread m_thread;
    QTcpServer *m_server = nullptr;
};

int webhookBench(storage::Backend backend, int events)
{
    const char *name = backend == storage::Backend::Postgres ? "PostgreSQL" : "SQLite";
    test::TempDatabase tmp(backend);
    if (!tmp.isValid()) {
        std::printf("| webhook delivery | %s | skipped: %s |\n", name, qPrintable(tmp.skipReason()));
        return 0;
    }
    QTemporaryDir dir;
    test::MemorySecretStore secrets;
    engine::Engine::Options o;
    o.database = tmp.url();
    o.workers = 0;
    o.secrets = &secrets;
    o.dataDir = dir.path();
    engine::Engine engine(o);
    if (!engine.connect() || !engine.migrate() || !engine.start()) {
        std::fprintf(stderr, "the engine did not start\n");
        return 1;
    }
    auto receiver = std::make_unique<Receiver>();
    receiver->start();
    auto &hooks = engine.webhooks();
    if (auto s = hooks.updateSettings(leads::Actor::system(), {{QStringLiteral("allowed_addresses"), QJsonArray{QStringLiteral("127.0.0.1:%1").arg(receiver->port)}}}); !s) {
        std::fprintf(stderr, "settings refused: %s\n", qPrintable(s.error().message));
        return 1;
    }
    auto hook = hooks.create(leads::Actor::system(), {{QStringLiteral("name"), QStringLiteral("bench")},
                                                     {QStringLiteral("url"), QStringLiteral("http://127.0.0.1:%1/hook").arg(receiver->port)},
                                                     {QStringLiteral("events"), QJsonArray{QStringLiteral("lead_created")}}});
    if (!hook) {
        std::fprintf(stderr, "hook refused: %s\n", qPrintable(hook.error().message));
        return 1;
    }
    receiver->secret = hook->value(QStringLiteral("secret")).toString().toUtf8();
    QThread::msleep(5); // the events come after the hook was made
    {
        // Real leads, each its lead_created event (one transaction, to make them quickly).
        storage::Transaction tx(engine.database());
        for (int i = 0; i < events; ++i)
            if (auto lead = engine.leads().create(leads::Actor::system(), {{QStringLiteral("name"), QStringLiteral("Shop %1").arg(i)},
                                                                          {QStringLiteral("city"), QString::fromLatin1(kCities[i % std::size(kCities)])},
                                                                          {QStringLiteral("email"), QStringLiteral("owner%1@shop%1.example").arg(i)}});
                !lead) {
                std::fprintf(stderr, "lead refused: %s\n", qPrintable(lead.error().message));
                return 1;
            }
        if (auto st = tx.commit(); !st) {
            std::fprintf(stderr, "commit failed: %s\n", qPrintable(st.error().message));
            return 1;
        }
    }
    QElapsedTimer timer;
    timer.start();
    auto fanned = hooks.fanOut(events + 100);
    const double fanOutMs = timer.nsecsElapsed() / 1e6;
    if (!fanned) {
        std::fprintf(stderr, "fan-out failed: %s\n", qPrintable(fanned.error().message));
        return 1;
    }
    QElapsedTimer sending;
    sending.start();
    for (;;) {
        auto sent = hooks.deliverDue();
        if (!sent) {
            std::fprintf(stderr, "delivery failed: %s\n", qPrintable(sent.error().message));
            return 1;
        }
        if (*sent == 0)
            break;
    }
    const double sendSeconds = sending.nsecsElapsed() / 1e9;
    const double totalSeconds = timer.nsecsElapsed() / 1e9;
    auto delivered = engine.database().selectOne(QStringLiteral("SELECT COUNT(*) FROM webhook_deliveries WHERE status = 'delivered'"));
    std::printf("| webhook delivery, 16 connections, keep-alive receiver | %s | %d events | fan-out %.0f ms | %.0f deliveries/s sending | %.0f deliveries/s end to end | "
                "%lld delivered, %lld received, %lld bad signatures |\n",
                name, events, fanOutMs, double(events) / sendSeconds, double(events) / totalSeconds, delivered ? qlonglong(delivered->value(0).toLongLong()) : -1LL,
                qlonglong(receiver->received.load()), qlonglong(receiver->badSignatures.load()));
    engine.stop();
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    if (int rc = evaluationBench())
        return rc;
    const int leads = qEnvironmentVariableIsSet("FLIPTECH_BENCH_LATENCY_LEADS") ? qEnvironmentVariableIntValue("FLIPTECH_BENCH_LATENCY_LEADS") : 300;
    if (int rc = latencyBench(storage::Backend::Sqlite, leads))
        return rc;
    if (int rc = latencyBench(storage::Backend::Postgres, leads))
        return rc;
    const int hooks = qEnvironmentVariableIsSet("FLIPTECH_BENCH_WEBHOOKS") ? qEnvironmentVariableIntValue("FLIPTECH_BENCH_WEBHOOKS") : 20000;
    if (int rc = webhookBench(storage::Backend::Sqlite, hooks))
        return rc;
    return webhookBench(storage::Backend::Postgres, hooks);
}
