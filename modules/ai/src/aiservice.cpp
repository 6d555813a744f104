#include "fliptech/ai/aiservice.h"

#include "fliptech/ai/offlinewriter.h"
#include "fliptech/ai/sentiment.h"
#include "fliptech/leads/leadservice.h"
#include "fliptech/storage/database.h"
#include "fliptech/storage/eventstore.h"
#include "fliptech/storage/secretstore.h"
#include "fliptech/storage/transaction.h"

#include <QFile>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTimeZone>
#include <QUrl>

#include <algorithm>

namespace fliptech::ai {

using core::ErrorCode;

namespace {

core::Error invalid(const QString &field, const QString &why) { return core::fieldError(field, why); }

QString dollars(qint64 picodollars) // whole cents, for people: "$1.23"
{
    const qint64 cents = picodollars / picodollarsPerCent;
    return QStringLiteral("$%1.%2").arg(cents / 100).arg(cents % 100, 2, 10, QLatin1Char('0'));
}

QString fill(QString text, const QHash<QString, QString> &variables)
{
    for (auto it = variables.cbegin(); it != variables.cend(); ++it)
        text.replace(QStringLiteral("{{") + it.key() + QStringLiteral("}}"), it.value());
    return text;
}

// The lead as the prompt shows it: the fields that say who the business is (no ids, no notes).
QString leadForPrompt(const QJsonObject &lead)
{
    QJsonObject out;
    for (const char *f : {"name", "first_name", "last_name", "company", "title", "website", "city", "region", "country", "category", "description", "deal_stage"}) {
        const QJsonValue v = lead.value(QLatin1String(f));
        if (v.isString() && !v.toString().trimmed().isEmpty())
            out.insert(QLatin1String(f), v.toString().left(f == std::string_view("description") ? 600 : 200));
    }
    return QString::fromUtf8(QJsonDocument(out).toJson(QJsonDocument::Indented));
}

QString analysisForPrompt(const QJsonObject &analysis)
{
    QJsonObject a = analysis;
    for (const char *drop : {"links_to_check", "internal_links", "headings", "emails", "phones", "tables"})
        a.remove(QLatin1String(drop));
    return QString::fromUtf8(QJsonDocument(a).toJson(QJsonDocument::Compact)).left(4000);
}

// The JSON object in a model's answer (it may wrap it in prose or a ``` block).
QJsonObject jsonIn(const QString &content)
{
    const qsizetype open = content.indexOf(QLatin1Char('{')), close = content.lastIndexOf(QLatin1Char('}'));
    if (open < 0 || close <= open)
        return {};
    return QJsonDocument::fromJson(content.mid(open, close - open + 1).toUtf8()).object();
}

const QHash<QString, QString> &defaultPromptFiles()
{
    static const QHash<QString, QString> files{{QStringLiteral("email_writer"), QStringLiteral(":/prompts/email_writer.md")},
                                               {QStringLiteral("website_summary"), QStringLiteral(":/prompts/website_summary.md")},
                                               {QStringLiteral("reply_suggestion"), QStringLiteral(":/prompts/reply_suggestion.md")}};
    return files;
}

QPair<QString, QString> defaultPrompt(const QString &key)
{
    QFile f(defaultPromptFiles().value(key));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const QString text = QString::fromUtf8(f.readAll());
    const qsizetype sep = text.indexOf(QStringLiteral("\n---\n"));
    if (sep < 0)
        return {text.trimmed(), QString()};
    return {text.left(sep).trimmed(), text.mid(sep + 5).trimmed()};
}

bool fallsBackOffline(const core::Error &e)
{
    // The provider is away (network, overload, timeouts): the offline writer stands in. A refused
    // key, a bad request, a budget or a usage limit are for the user to fix and are reported.
    if (core::UsageGate::isLimit(e))
        return false;
    return e.code == ErrorCode::Unavailable || e.code == ErrorCode::RateLimited || e.code == ErrorCode::Cancelled;
}

} // namespace

struct AiService::Settings {
    QString baseUrl;
    QHash<QString, QString> models;
    int temperatureMilli = 700;
    int maxTokens = 700;
    int timeoutMs = 60000;
    std::optional<qint64> dailyBudgetCents, monthlyBudgetCents;
    QString timeZone;
    qint64 spentPicodollars = 0;
};

const QStringList &AiService::tasks()
{
    static const QStringList t{QStringLiteral("analysis"), QStringLiteral("writing"), QStringLiteral("replies"), QStringLiteral("sentiment")};
    return t;
}

const QStringList &AiService::promptKeys()
{
    static const QStringList k{QStringLiteral("email_writer"), QStringLiteral("website_summary"), QStringLiteral("reply_suggestion")};
    return k;
}

AiService::AiService(std::shared_ptr<storage::Database> db, storage::SecretStore *secrets, storage::EventStore *events, leads::LeadService &leads,
                     net::HttpClient &http, const core::Clock &clock)
    : m_db(std::move(db)), m_secrets(secrets), m_events(events), m_leads(leads), m_client(http), m_clock(clock)
{
}

AiService::~AiService() = default;

core::Result<AiService::Settings> AiService::loadSettings()
{
    auto row = m_db->selectOne(QStringLiteral("SELECT base_url, model_analysis, model_writing, model_replies, model_sentiment, temperature_milli, max_tokens, "
                                              "timeout_ms, daily_budget_cents, monthly_budget_cents, budget_time_zone, spent_picodollars FROM ai_settings WHERE id = 1"));
    if (!row)
        return row.error();
    Settings s;
    s.baseUrl = row->value(0).toString();
    for (int i = 0; i < 4; ++i)
        s.models.insert(tasks().at(i), row->value(1 + i).toString());
    s.temperatureMilli = row->value(5).toInt();
    s.maxTokens = row->value(6).toInt();
    s.timeoutMs = row->value(7).toInt();
    if (!row->value(8).isNull())
        s.dailyBudgetCents = row->value(8).toLongLong();
    if (!row->value(9).isNull())
        s.monthlyBudgetCents = row->value(9).toLongLong();
    s.timeZone = row->value(10).toString();
    s.spentPicodollars = row->value(11).toLongLong();
    return s;
}

QByteArray AiService::apiKey(QString *source)
{
    if (m_secrets)
        if (auto k = m_secrets->read(secretKey); k && !k->isEmpty()) {
            if (source)
                *source = QStringLiteral("keychain");
            return *k;
        }
    const QByteArray env = qgetenv("OPENROUTER_API_KEY");
    if (source)
        *source = env.isEmpty() ? QStringLiteral("none") : QStringLiteral("environment");
    return env;
}

bool AiService::online() { return !apiKey().isEmpty(); }

core::Result<QPair<qint64, qint64>> AiService::spend()
{
    auto s = loadSettings();
    if (!s)
        return s.error();
    QTimeZone zone(s->timeZone.toUtf8());
    if (!zone.isValid())
        zone = QTimeZone::utc();
    const QDateTime now = m_clock.now().toTimeZone(zone);
    const QDateTime dayStart = QDateTime(now.date(), QTime(0, 0), zone).toUTC();
    const QDateTime monthStart = QDateTime(QDate(now.date().year(), now.date().month(), 1), QTime(0, 0), zone).toUTC();
    auto row = m_db->selectOne(QStringLiteral("SELECT COALESCE(SUM(CASE WHEN created_at >= %1 THEN cost_picodollars ELSE 0 END), 0), "
                                              "COALESCE(SUM(cost_picodollars), 0) FROM ai_calls WHERE created_at >= ?")
                                   .arg(m_db->timestampParam()),
                               {m_db->timestamp(dayStart), m_db->timestamp(monthStart)});
    if (!row)
        return row.error();
    return QPair<qint64, qint64>(row->value(0).toLongLong(), row->value(1).toLongLong());
}

core::Result<QJsonObject> AiService::settings()
{
    auto s = loadSettings();
    if (!s)
        return s.error();
    auto sp = spend();
    if (!sp)
        return sp.error();
    QString source;
    const bool keySet = !apiKey(&source).isEmpty();
    QJsonObject models;
    for (const QString &t : tasks())
        models.insert(t, s->models.value(t));
    auto optional = [](const std::optional<qint64> &v) { return v ? QJsonValue(*v) : QJsonValue(); };
    return QJsonObject{{QStringLiteral("base_url"), s->baseUrl},
                       {QStringLiteral("models"), models},
                       {QStringLiteral("temperature"), double(s->temperatureMilli) / 1000.0},
                       {QStringLiteral("max_tokens"), s->maxTokens},
                       {QStringLiteral("timeout_ms"), s->timeoutMs},
                       {QStringLiteral("daily_budget_cents"), optional(s->dailyBudgetCents)},
                       {QStringLiteral("monthly_budget_cents"), optional(s->monthlyBudgetCents)},
                       {QStringLiteral("budget_time_zone"), s->timeZone},
                       {QStringLiteral("api_key_set"), keySet},
                       {QStringLiteral("key_source"), source},
                       {QStringLiteral("online"), keySet},
                       {QStringLiteral("spend"), QJsonObject{{QStringLiteral("today_usd"), formatUsd(sp->first)},
                                                             {QStringLiteral("month_usd"), formatUsd(sp->second)},
                                                             {QStringLiteral("today_cents"), sp->first / picodollarsPerCent},
                                                             {QStringLiteral("month_cents"), sp->second / picodollarsPerCent},
                                                             {QStringLiteral("total_usd"), formatUsd(s->spentPicodollars)}}}};
}

core::Result<QJsonObject> AiService::setSettings(const QJsonObject &fields)
{
    static const QStringList known{QStringLiteral("base_url"), QStringLiteral("models"), QStringLiteral("temperature"), QStringLiteral("max_tokens"),
                                   QStringLiteral("timeout_ms"), QStringLiteral("daily_budget_cents"), QStringLiteral("monthly_budget_cents"),
                                   QStringLiteral("budget_time_zone"), QStringLiteral("api_key")};
    for (auto it = fields.begin(); it != fields.end(); ++it)
        if (!known.contains(it.key()))
            return invalid(it.key(), QStringLiteral("is not a setting (known: %1)").arg(known.join(QStringLiteral(", "))));
    QStringList sets;
    QVariantList params;
    if (fields.contains(QStringLiteral("base_url"))) {
        const QString url = fields.value(QStringLiteral("base_url")).toString().trimmed();
        const QUrl u(url);
        if (!u.isValid() || u.host().isEmpty() || (u.scheme() != QLatin1String("https") && u.scheme() != QLatin1String("http")))
            return invalid(QStringLiteral("base_url"), QStringLiteral("must be an http(s) address such as https://openrouter.ai/api/v1"));
        sets << QStringLiteral("base_url = ?");
        params << url;
    }
    if (fields.contains(QStringLiteral("models"))) {
        const QJsonValue mv = fields.value(QStringLiteral("models"));
        if (!mv.isObject())
            return invalid(QStringLiteral("models"), QStringLiteral("must be an object of task: model"));
        const QJsonObject m = mv.toObject();
        for (auto it = m.begin(); it != m.end(); ++it) {
            if (!tasks().contains(it.key()))
                return invalid(QStringLiteral("models.") + it.key(), QStringLiteral("is not a task (tasks: %1)").arg(tasks().join(QStringLiteral(", "))));
            const QString model = it.value().toString().trimmed();
            if (model.isEmpty() || model.size() > 200 || model.contains(QLatin1Char(' ')))
                return invalid(QStringLiteral("models.") + it.key(), QStringLiteral("must be a model id such as openai/gpt-4o-mini"));
            sets << QStringLiteral("model_%1 = ?").arg(it.key());
            params << model;
        }
    }
    if (fields.contains(QStringLiteral("temperature"))) {
        const QJsonValue v = fields.value(QStringLiteral("temperature"));
        if (!v.isDouble() || v.toDouble() < 0 || v.toDouble() > 2)
            return invalid(QStringLiteral("temperature"), QStringLiteral("must be a number from 0 to 2"));
        sets << QStringLiteral("temperature_milli = ?");
        params << qRound(v.toDouble() * 1000);
    }
    auto integer = [&](const QString &name, qint64 min, qint64 max, bool nullable, const QString &column) -> std::optional<core::Error> {
        if (!fields.contains(name))
            return std::nullopt;
        const QJsonValue v = fields.value(name);
        if (v.isNull() && nullable) {
            sets << column + QStringLiteral(" = NULL");
            return std::nullopt;
        }
        if (!v.isDouble() || v.toDouble() != double(qint64(v.toDouble())) || v.toDouble() < double(min) || v.toDouble() > double(max))
            return invalid(name, QStringLiteral("must be a whole number from %1 to %2%3").arg(min).arg(max).arg(nullable ? QStringLiteral(", or null for none") : QString()));
        sets << column + QStringLiteral(" = ?");
        params << qint64(v.toDouble());
        return std::nullopt;
    };
    if (auto e = integer(QStringLiteral("max_tokens"), 16, 32000, false, QStringLiteral("max_tokens")))
        return *e;
    if (auto e = integer(QStringLiteral("timeout_ms"), 1000, 600000, false, QStringLiteral("timeout_ms")))
        return *e;
    if (auto e = integer(QStringLiteral("daily_budget_cents"), 0, 100000000, true, QStringLiteral("daily_budget_cents")))
        return *e;
    if (auto e = integer(QStringLiteral("monthly_budget_cents"), 0, 1000000000, true, QStringLiteral("monthly_budget_cents")))
        return *e;
    if (fields.contains(QStringLiteral("budget_time_zone"))) {
        const QString tz = fields.value(QStringLiteral("budget_time_zone")).toString();
        if (!QTimeZone(tz.toUtf8()).isValid())
            return invalid(QStringLiteral("budget_time_zone"), QStringLiteral("must be an IANA time zone such as America/Chicago"));
        sets << QStringLiteral("budget_time_zone = ?");
        params << tz;
    }
    if (fields.contains(QStringLiteral("api_key"))) {
        if (!fields.value(QStringLiteral("api_key")).isString())
            return invalid(QStringLiteral("api_key"), QStringLiteral("must be text (\"\" removes it)"));
        if (!m_secrets)
            return core::makeError(ErrorCode::Unavailable, QStringLiteral("No secret store: the key cannot be kept (set OPENROUTER_API_KEY in the environment)."));
    }
    if (!sets.isEmpty()) {
        sets << QStringLiteral("updated_at = %1").arg(m_db->timestampParam());
        params << m_db->timestamp(m_clock.now());
        if (auto done = m_db->execute(QStringLiteral("UPDATE ai_settings SET %1 WHERE id = 1").arg(sets.join(QStringLiteral(", "))), params); !done)
            return done.error();
    }
    if (fields.contains(QStringLiteral("api_key"))) {
        const QString key = fields.value(QStringLiteral("api_key")).toString().trimmed();
        auto done = key.isEmpty() ? m_secrets->remove(secretKey) : m_secrets->write(secretKey, key.toUtf8());
        if (!done)
            return done.error();
    }
    return settings();
}

core::Result<QJsonArray> AiService::prices()
{
    auto rows = m_db->select(QStringLiteral("SELECT model, prompt_picodollars, completion_picodollars, request_picodollars, updated_at FROM ai_prices ORDER BY model"));
    if (!rows)
        return rows.error();
    QJsonArray out;
    for (const auto &r : *rows)
        out.append(QJsonObject{{QStringLiteral("model"), r.value(0).toString()},
                               {QStringLiteral("prompt_per_million"), perMillion(r.value(1).toLongLong())},
                               {QStringLiteral("completion_per_million"), perMillion(r.value(2).toLongLong())},
                               {QStringLiteral("request_usd"), formatUsd(r.value(3).toLongLong())},
                               {QStringLiteral("updated_at"), storage::Database::isoTimestamp(storage::Database::toDateTime(r.value(4)))}});
    return out;
}

core::Result<QJsonArray> AiService::setPrices(const QJsonObject &request)
{
    struct Entry {
        QString model;
        Price price;
    };
    QList<Entry> entries;
    const QJsonArray list = request.value(QStringLiteral("prices")).toArray();
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QString at = QStringLiteral("prices[%1]").arg(i);
        const QJsonObject p = list.at(i).toObject();
        Entry e;
        e.model = p.value(QStringLiteral("model")).toString().trimmed();
        if (e.model.isEmpty() || e.model.size() > 200)
            return invalid(at + QStringLiteral(".model"), QStringLiteral("is required (a model id such as openai/gpt-4o-mini)"));
        auto amount = [&](const char *name, bool perMillionTokens, qint64 *out) -> std::optional<core::Error> {
            const QJsonValue v = p.value(QLatin1String(name));
            if (v.isUndefined() && std::string_view(name) == "request_usd")
                return std::nullopt;
            const QString text = v.isDouble() ? QString::number(v.toDouble(), 'f', 9) : v.toString();
            auto parsed = perMillionTokens ? parsePerMillion(text, at + QLatin1Char('.') + QLatin1String(name)) : parseUsd(text, at + QLatin1Char('.') + QLatin1String(name));
            if (!parsed) {
                // Said with the model and which price, for a person editing the table.
                const QString field = at + QLatin1Char('.') + QLatin1String(name);
                const QString kind = std::string_view(name) == "prompt_per_million" ? QStringLiteral("prompt price")
                                     : std::string_view(name) == "completion_per_million" ? QStringLiteral("completion price")
                                                                                          : QStringLiteral("price per request");
                return core::fieldError(field, QStringLiteral("%1, in the %2 of %3").arg(parsed.error().details.value(field).toString(), kind, e.model));
            }
            *out = *parsed;
            return std::nullopt;
        };
        if (auto err = amount("prompt_per_million", true, &e.price.prompt))
            return *err;
        if (auto err = amount("completion_per_million", true, &e.price.completion))
            return *err;
        if (auto err = amount("request_usd", false, &e.price.request))
            return *err;
        entries.append(e);
    }
    storage::Transaction tx(*m_db);
    if (!tx.isActive())
        return tx.error();
    for (const Entry &e : entries) {
        auto done = m_db->execute(QStringLiteral("INSERT INTO ai_prices (model, prompt_picodollars, completion_picodollars, request_picodollars, updated_at) "
                                                 "VALUES (?, ?, ?, ?, %1) ON CONFLICT (model) DO UPDATE SET prompt_picodollars = excluded.prompt_picodollars, "
                                                 "completion_picodollars = excluded.completion_picodollars, request_picodollars = excluded.request_picodollars, "
                                                 "updated_at = excluded.updated_at")
                                      .arg(m_db->timestampParam()),
                                  {e.model, e.price.prompt, e.price.completion, e.price.request, m_db->timestamp(m_clock.now())});
        if (!done)
            return done.error();
    }
    for (const QJsonValue &m : request.value(QStringLiteral("remove")).toArray())
        if (auto done = m_db->execute(QStringLiteral("DELETE FROM ai_prices WHERE model = ?"), {m.toString()}); !done)
            return done.error();
    if (auto c = tx.commit(); !c)
        return c.error();
    return prices();
}

core::Result<QPair<QString, QString>> AiService::prompt(const QString &key)
{
    auto row = m_db->selectOne(QStringLiteral("SELECT system_prompt, user_prompt FROM ai_prompts WHERE prompt_key = ? ORDER BY version DESC LIMIT 1"), {key});
    if (row)
        return QPair<QString, QString>(row->value(0).toString(), row->value(1).toString());
    if (row.error().code != ErrorCode::NotFound)
        return row.error();
    const auto d = defaultPrompt(key);
    if (d.first.isEmpty())
        return core::makeError(ErrorCode::NotFound, QStringLiteral("No prompt \"%1\" (prompts: %2)").arg(key, promptKeys().join(QStringLiteral(", "))));
    return d;
}

core::Result<QJsonArray> AiService::prompts()
{
    QJsonArray out;
    for (const QString &key : promptKeys()) {
        auto versions = promptVersions(key);
        if (!versions)
            return versions.error();
        out.append(versions->first());
    }
    return out;
}

core::Result<QJsonArray> AiService::promptVersions(const QString &key)
{
    if (!promptKeys().contains(key))
        return core::makeError(ErrorCode::NotFound, QStringLiteral("No prompt \"%1\" (prompts: %2)").arg(key, promptKeys().join(QStringLiteral(", "))));
    auto rows = m_db->select(QStringLiteral("SELECT version, system_prompt, user_prompt, note, created_at, created_by FROM ai_prompts WHERE prompt_key = ? ORDER BY version DESC"), {key});
    if (!rows)
        return rows.error();
    QJsonArray out;
    for (const auto &r : *rows)
        out.append(QJsonObject{{QStringLiteral("key"), key},
                               {QStringLiteral("version"), r.value(0).toInt()},
                               {QStringLiteral("system_prompt"), r.value(1).toString()},
                               {QStringLiteral("user_prompt"), r.value(2).toString()},
                               {QStringLiteral("note"), r.value(3).isNull() ? QJsonValue() : QJsonValue(r.value(3).toString())},
                               {QStringLiteral("created_at"), storage::Database::isoTimestamp(storage::Database::toDateTime(r.value(4)))},
                               {QStringLiteral("created_by"), r.value(5).isNull() ? QJsonValue() : QJsonValue(r.value(5).toLongLong())},
                               {QStringLiteral("is_default"), false}});
    const auto d = defaultPrompt(key);
    out.append(QJsonObject{{QStringLiteral("key"), key},
                           {QStringLiteral("version"), 0},
                           {QStringLiteral("system_prompt"), d.first},
                           {QStringLiteral("user_prompt"), d.second},
                           {QStringLiteral("note"), QStringLiteral("as shipped")},
                           {QStringLiteral("created_at"), QJsonValue()},
                           {QStringLiteral("created_by"), QJsonValue()},
                           {QStringLiteral("is_default"), true}});
    return out;
}

core::Result<QJsonObject> AiService::savePrompt(const leads::Actor &actor, const QString &key, const QJsonObject &fields)
{
    if (!promptKeys().contains(key))
        return core::makeError(ErrorCode::NotFound, QStringLiteral("No prompt \"%1\" (prompts: %2)").arg(key, promptKeys().join(QStringLiteral(", "))));
    const QString system = fields.value(QStringLiteral("system_prompt")).toString().trimmed();
    const QString user = fields.value(QStringLiteral("user_prompt")).toString().trimmed();
    if (system.isEmpty())
        return invalid(QStringLiteral("system_prompt"), QStringLiteral("is required"));
    if (user.isEmpty())
        return invalid(QStringLiteral("user_prompt"), QStringLiteral("is required"));
    if (system.size() + user.size() > 20000)
        return invalid(QStringLiteral("user_prompt"), QStringLiteral("the prompt is longer than 20,000 characters"));
    // Only the variables the caller fills in: a misspelt one would reach the model as braces.
    static const QHash<QString, QStringList> variables{{QStringLiteral("email_writer"), {QStringLiteral("goal"), QStringLiteral("tone"), QStringLiteral("sender_name"), QStringLiteral("lead"), QStringLiteral("analysis")}},
                                                       {QStringLiteral("website_summary"), {QStringLiteral("lead"), QStringLiteral("analysis")}},
                                                       {QStringLiteral("reply_suggestion"), {QStringLiteral("sender_name"), QStringLiteral("lead"), QStringLiteral("intent"), QStringLiteral("sentiment"), QStringLiteral("thread")}}};
    static const QRegularExpression var(QStringLiteral(R"(\{\{\s*([^}]*?)\s*\}\})"));
    for (const auto &[name, text] : {std::pair{QStringLiteral("system_prompt"), system}, std::pair{QStringLiteral("user_prompt"), user}}) {
        for (auto it = var.globalMatch(text); it.hasNext();) {
            const QString v = it.next().captured(1);
            if (!variables.value(key).contains(v))
                return invalid(name, QStringLiteral("{{%1}} is not a variable of this prompt (it has: %2)").arg(v, variables.value(key).join(QStringLiteral(", "))));
        }
    }
    storage::Transaction tx(*m_db);
    if (!tx.isActive())
        return tx.error();
    auto next = m_db->selectOne(QStringLiteral("SELECT COALESCE(MAX(version), 0) + 1 FROM ai_prompts WHERE prompt_key = ?"), {key});
    if (!next)
        return next.error();
    const QVariant note = fields.value(QStringLiteral("note")).toString().trimmed().isEmpty() ? QVariant() : QVariant(fields.value(QStringLiteral("note")).toString().left(500));
    auto done = m_db->execute(QStringLiteral("INSERT INTO ai_prompts (prompt_key, version, system_prompt, user_prompt, note, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, %1)")
                                  .arg(m_db->timestampParam()),
                              {key, next->value(0).toInt(), system, user, note, actor.userId ? QVariant(*actor.userId) : QVariant(), m_db->timestamp(m_clock.now())});
    if (!done)
        return done.error();
    if (auto c = tx.commit(); !c)
        return c.error();
    auto versions = promptVersions(key);
    if (!versions)
        return versions.error();
    return versions->first().toObject();
}

core::Result<qint64> AiService::record(const CallOptions &options, const QString &model, const QString &status, const ChatReply *reply,
                                       qint64 costPicodollars, const QString &error, qint64 *centsOut)
{
    storage::Transaction tx(*m_db);
    if (!tx.isActive())
        return tx.error();
    qint64 cents = 0;
    if (costPicodollars > 0) {
        auto total = m_db->selectOne(QStringLiteral("UPDATE ai_settings SET spent_picodollars = spent_picodollars + ? WHERE id = 1 RETURNING spent_picodollars"),
                                     {costPicodollars});
        if (!total)
            return total.error();
        const qint64 after = total->value(0).toLongLong();
        cents = centsCrossed(after - costPicodollars, after);
    }
    const QDateTime now = m_clock.now();
    auto id = m_db->selectOne(QStringLiteral("INSERT INTO ai_calls (task, model, status, prompt_tokens, completion_tokens, cost_picodollars, cost_cents, latency_ms, error, "
                                             "generation_id, related_entity_type, related_entity_id, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, %1) RETURNING id")
                                  .arg(m_db->timestampParam()),
                              {options.task, model.isEmpty() ? QVariant() : QVariant(model), status, reply ? reply->usage.promptTokens : 0,
                               reply ? reply->usage.completionTokens : 0, costPicodollars, cents, reply ? QVariant(reply->latencyMs) : QVariant(),
                               error.isEmpty() ? QVariant() : QVariant(error.left(1000)), reply && !reply->generationId.isEmpty() ? QVariant(reply->generationId) : QVariant(),
                               options.relatedType.isEmpty() ? QVariant() : QVariant(options.relatedType), options.relatedId ? QVariant(options.relatedId) : QVariant(),
                               options.userId ? QVariant(*options.userId) : QVariant(), m_db->timestamp(now)});
    if (!id)
        return id.error();
    if (cents > 0) {
        const QJsonObject meta{{QStringLiteral("ai_call_id"), id->value(0).toLongLong()}, {QStringLiteral("model"), model}, {QStringLiteral("task"), options.task},
                               {QStringLiteral("cost_usd"), formatUsd(costPicodollars)}};
        auto done = m_db->execute(QStringLiteral("INSERT INTO costs (cost_type, amount_cents, currency, related_entity_type, related_entity_id, description, metadata, created_at) "
                                                 "VALUES ('ai_processing', ?, 'USD', ?, ?, ?, %1, %2)")
                                      .arg(m_db->jsonParam(), m_db->timestampParam()),
                                  {cents, options.relatedType.isEmpty() ? QVariant() : QVariant(options.relatedType), options.relatedId ? QVariant(options.relatedId) : QVariant(),
                                   QStringLiteral("AI %1 (%2)").arg(options.task, model), QString::fromUtf8(QJsonDocument(meta).toJson(QJsonDocument::Compact)),
                                   m_db->timestamp(now)});
        if (!done)
            return done.error();
    }
    if (auto c = tx.commit(); !c)
        return c.error();
    if (centsOut)
        *centsOut = cents;
    return id->value(0).toLongLong();
}

void AiService::notifyBudget(const QString &title, const QString &message)
{
    // One notice a day is enough: the refusals themselves are in ai_calls.
    const QDateTime since = m_clock.now().addSecs(-12 * 3600);
    auto recent = m_db->selectOne(QStringLiteral("SELECT COUNT(*) FROM notifications WHERE type = 'ai_budget' AND title = ? AND created_at >= ?"), {title, m_db->timestamp(since)});
    if (recent && recent->value(0).toInt() > 0)
        return;
    auto id = m_db->selectOne(QStringLiteral("INSERT INTO notifications (type, title, message, severity, action_url, created_at) VALUES ('ai_budget', ?, ?, 'warning', ?, %1) RETURNING id")
                                  .arg(m_db->timestampParam()),
                              {title, message, QStringLiteral("fliptech://settings/ai"), m_db->timestamp(m_clock.now())});
    if (id && m_events)
        (void)m_events->append(QStringLiteral("notification"), QStringLiteral("notifications"),
                         QJsonObject{{QStringLiteral("id"), id->value(0).toLongLong()}, {QStringLiteral("type"), QStringLiteral("ai_budget")},
                                     {QStringLiteral("title"), title}, {QStringLiteral("message"), message}, {QStringLiteral("severity"), QStringLiteral("warning")}});
}

core::Result<CallResult> AiService::call(const CallOptions &options)
{
    auto s = loadSettings();
    if (!s)
        return s.error();
    const QByteArray key = apiKey();
    if (key.isEmpty())
        return core::makeError(ErrorCode::Unavailable, QStringLiteral("No AI provider key is set (Settings → AI, or OPENROUTER_API_KEY)."),
                               QJsonObject{{QStringLiteral("offline"), true}});
    const QString model = s->models.value(options.task);
    if (model.isEmpty())
        return invalid(QStringLiteral("task"), QStringLiteral("\"%1\" is not a task (tasks: %2)").arg(options.task, tasks().join(QStringLiteral(", "))));
    auto texts = prompt(options.promptKey);
    if (!texts)
        return texts.error();
    ChatRequest request;
    request.model = model;
    request.temperature = double(s->temperatureMilli) / 1000.0;
    request.maxTokens = s->maxTokens;
    request.messages = {{QStringLiteral("system"), fill(texts->first, options.variables)}, {QStringLiteral("user"), fill(texts->second, options.variables)}};

    std::optional<Price> price;
    if (auto row = m_db->selectOne(QStringLiteral("SELECT prompt_picodollars, completion_picodollars, request_picodollars FROM ai_prices WHERE model = ?"), {model}))
        price = Price{row->value(0).toLongLong(), row->value(1).toLongLong(), row->value(2).toLongLong()};
    else if (row.error().code != ErrorCode::NotFound)
        return row.error();

    // The most this call can cost: the prompt at one token per three characters (prompts in
    // English run nearer four) and every token it may write.
    const qint64 promptChars = request.messages[0].content.size() + request.messages[1].content.size();
    const qint64 ceiling = price ? costOf(*price, Usage{promptChars / 3 + 16, request.maxTokens}) : 0;
    if (s->dailyBudgetCents || s->monthlyBudgetCents) {
        auto sp = spend();
        if (!sp)
            return sp.error();
        auto refuse = [&](const QString &period, qint64 spent, qint64 budgetCents, const QString &when) -> core::Error {
            const QString message = QStringLiteral("The AI %1 budget would be passed: %2 spent of %3, and this call could cost up to %4. "
                                                   "Raise the budget in Settings → AI, use the offline writer, or wait until %5.")
                                        .arg(period, dollars(spent), dollars(budgetCents * picodollarsPerCent), formatUsd(ceiling).prepend(QLatin1Char('$')), when);
            (void)record(options, model, QStringLiteral("refused"), nullptr, 0, message, nullptr);
            notifyBudget(QStringLiteral("AI %1 budget reached").arg(period), message);
            return core::makeError(ErrorCode::Forbidden, message,
                                   QJsonObject{{QStringLiteral("reason"), QStringLiteral("ai_budget")}, {QStringLiteral("period"), period},
                                               {QStringLiteral("spent_usd"), formatUsd(spent)}, {QStringLiteral("budget_cents"), budgetCents},
                                               {QStringLiteral("call_ceiling_usd"), formatUsd(ceiling)}});
        };
        if (s->dailyBudgetCents && sp->first + ceiling > *s->dailyBudgetCents * picodollarsPerCent)
            return refuse(QStringLiteral("daily"), sp->first, *s->dailyBudgetCents, QStringLiteral("midnight (%1)").arg(s->timeZone));
        if (s->monthlyBudgetCents && sp->second + ceiling > *s->monthlyBudgetCents * picodollarsPerCent)
            return refuse(QStringLiteral("monthly"), sp->second, *s->monthlyBudgetCents, QStringLiteral("the 1st (%1)").arg(s->timeZone));
    }

    // The administrator's limit on AI tokens (usage limits): some must be left.
    if (m_usage)
        if (auto admitted = m_usage->admit(core::usage::aiTokens, 1, QStringLiteral("AI tokens"), m_clock.now()); !admitted) {
            (void)record(options, model, QStringLiteral("refused"), nullptr, 0, admitted.error().message, nullptr);
            return admitted.error();
        }

    ProviderConfig config;
    config.baseUrl = s->baseUrl;
    config.apiKey = key;
    config.timeoutMs = s->timeoutMs;
    auto reply = m_client.complete(config, request, options.onDelta);
    if (!reply) {
        (void)record(options, model, QStringLiteral("failed"), nullptr, 0, reply.error().message, nullptr);
        return reply.error();
    }
    if (!reply->usageReported) {
        // A server that does not report usage (some local ones): counted from the text.
        reply->usage = Usage{promptChars / 4 + 1, qint64(reply->content.size()) / 4 + 1};
    }
    const qint64 cost = price ? costOf(*price, reply->usage) : qMax<qint64>(0, reply->providerCostPicodollars);
    CallResult result;
    result.reply = *reply;
    result.costPicodollars = cost;
    auto id = record(options, model, QStringLiteral("ok"), &*reply, cost, QString(), &result.costCents);
    if (!id)
        return id.error();
    result.callId = *id;
    return result;
}

core::Result<QJsonObject> AiService::draft(qint64 id)
{
    auto r = m_db->selectOne(QStringLiteral("SELECT id, lead_id, ai_call_id, writer, model, goal, tone, subject, body_text, status, edited, sender_account_id, "
                                            "conversation_id, message_id, created_at, sent_at FROM ai_drafts WHERE id = ?"),
                             {id});
    if (!r)
        return r.error().code == ErrorCode::NotFound ? core::makeError(ErrorCode::NotFound, QStringLiteral("No draft %1").arg(id)) : r.error();
    auto opt = [&](int i) { return r->value(i).isNull() ? QJsonValue() : QJsonValue(r->value(i).toLongLong()); };
    auto text = [&](int i) { return r->value(i).isNull() ? QJsonValue() : QJsonValue(r->value(i).toString()); };
    return QJsonObject{{QStringLiteral("id"), r->value(0).toLongLong()},
                       {QStringLiteral("lead_id"), opt(1)},
                       {QStringLiteral("ai_call_id"), opt(2)},
                       {QStringLiteral("writer"), r->value(3).toString()},
                       {QStringLiteral("model"), text(4)},
                       {QStringLiteral("goal"), text(5)},
                       {QStringLiteral("tone"), text(6)},
                       {QStringLiteral("subject"), r->value(7).toString()},
                       {QStringLiteral("body"), r->value(8).toString()},
                       {QStringLiteral("status"), r->value(9).toString()},
                       {QStringLiteral("edited"), r->value(10).toBool()},
                       {QStringLiteral("sender_account_id"), opt(11)},
                       {QStringLiteral("conversation_id"), opt(12)},
                       {QStringLiteral("message_id"), opt(13)},
                       {QStringLiteral("created_at"), storage::Database::isoTimestamp(storage::Database::toDateTime(r->value(14)))},
                       {QStringLiteral("sent_at"), r->value(15).isNull() ? QJsonValue() : QJsonValue(storage::Database::isoTimestamp(storage::Database::toDateTime(r->value(15))))}};
}

core::Result<QJsonObject> AiService::updateDraft(qint64 id, const QJsonObject &fields)
{
    auto current = draft(id);
    if (!current)
        return current.error();
    if (current->value(QStringLiteral("status")).toString() == QLatin1String("sent"))
        return core::makeError(ErrorCode::Conflict, QStringLiteral("Draft %1 was sent already; it cannot change.").arg(id));
    QString subject = current->value(QStringLiteral("subject")).toString(), body = current->value(QStringLiteral("body")).toString();
    if (fields.contains(QStringLiteral("subject"))) {
        subject = fields.value(QStringLiteral("subject")).toString().trimmed();
        if (subject.isEmpty() || subject.size() > 300 || subject.contains(QLatin1Char('\n')))
            return invalid(QStringLiteral("subject"), QStringLiteral("must be one line of 1 to 300 characters"));
    }
    if (fields.contains(QStringLiteral("body"))) {
        body = fields.value(QStringLiteral("body")).toString();
        if (body.trimmed().isEmpty() || body.size() > 50000)
            return invalid(QStringLiteral("body"), QStringLiteral("must be 1 to 50,000 characters"));
    }
    const bool discard = fields.value(QStringLiteral("status")).toString() == QLatin1String("discarded");
    const bool edited = subject != current->value(QStringLiteral("subject")).toString() || body != current->value(QStringLiteral("body")).toString();
    auto done = m_db->execute(QStringLiteral("UPDATE ai_drafts SET subject = ?, body_text = ?, edited = (edited OR %1), status = ? WHERE id = ?").arg(m_db->boolLiteral(edited)),
                              {subject, body, discard ? QStringLiteral("discarded") : QStringLiteral("draft"), id});
    if (!done)
        return done.error();
    return draft(id);
}

core::Status AiService::markDraftSent(qint64 draftId, qint64 senderAccountId, qint64 conversationId, qint64 messageId)
{
    auto done = m_db->execute(QStringLiteral("UPDATE ai_drafts SET status = 'sent', sender_account_id = ?, conversation_id = ?, message_id = ?, sent_at = %1 WHERE id = ?")
                                  .arg(m_db->timestampParam()),
                              {senderAccountId, conversationId, messageId, m_db->timestamp(m_clock.now()), draftId});
    if (!done)
        return done.error();
    return {};
}

core::Result<QJsonObject> AiService::generateEmail(const leads::Actor &actor, const QJsonObject &request, const std::function<void(const QString &)> &onDelta)
{
    const QJsonValue leadId = request.value(QStringLiteral("lead_id"));
    if (!leadId.isDouble() || leadId.toDouble() < 1 || leadId.toDouble() != double(leadId.toInteger()))
        return invalid(QStringLiteral("lead_id"), QStringLiteral("is required: the id of the lead to write to"));
    static const QStringList goals{QStringLiteral("introduce"), QStringLiteral("follow_up"), QStringLiteral("meeting"), QStringLiteral("proposal")};
    static const QStringList tones{QStringLiteral("friendly"), QStringLiteral("professional"), QStringLiteral("direct")};
    const QString goal = request.value(QStringLiteral("goal")).toString(QStringLiteral("introduce"));
    const QString tone = request.value(QStringLiteral("tone")).toString(QStringLiteral("friendly"));
    if (!goals.contains(goal))
        return invalid(QStringLiteral("goal"), QStringLiteral("must be one of %1").arg(goals.join(QStringLiteral(", "))));
    if (!tones.contains(tone))
        return invalid(QStringLiteral("tone"), QStringLiteral("must be one of %1").arg(tones.join(QStringLiteral(", "))));
    const QString writerWanted = request.value(QStringLiteral("writer")).toString();
    if (!writerWanted.isEmpty() && writerWanted != QLatin1String("offline") && writerWanted != QLatin1String("ai"))
        return invalid(QStringLiteral("writer"), QStringLiteral("must be \"ai\" or \"offline\""));
    const QString senderName = request.value(QStringLiteral("sender_name")).toString().trimmed().left(100);
    auto lead = m_leads.get(leadId.toInteger());
    if (!lead)
        return lead.error();

    QString subject, body, writer = QStringLiteral("ai"), model, notice;
    QVariant callId;
    qint64 cost = 0;
    const bool wantOffline = writerWanted == QLatin1String("offline");
    if (!wantOffline && online()) {
        CallOptions o;
        o.task = QStringLiteral("writing");
        o.promptKey = QStringLiteral("email_writer");
        o.variables = {{QStringLiteral("goal"), goal}, {QStringLiteral("tone"), tone}, {QStringLiteral("sender_name"), senderName.isEmpty() ? QStringLiteral("(not given)") : senderName},
                       {QStringLiteral("lead"), leadForPrompt(*lead)}, {QStringLiteral("analysis"), analysisForPrompt(lead->value(QStringLiteral("website_analysis")).toObject())}};
        o.relatedType = QStringLiteral("lead");
        o.relatedId = leadId.toInteger();
        o.userId = actor.userId;
        o.onDelta = onDelta;
        auto result = call(o);
        if (result) {
            const QJsonObject j = jsonIn(result->reply.content);
            subject = j.value(QStringLiteral("subject")).toString().trimmed();
            body = j.value(QStringLiteral("body")).toString().trimmed();
            if (body.isEmpty()) {
                // Not the JSON we asked for: a "Subject:" line, else the whole answer as the body.
                QString text = result->reply.content.trimmed();
                if (text.startsWith(QLatin1String("Subject:"), Qt::CaseInsensitive)) {
                    const qsizetype nl = text.indexOf(QLatin1Char('\n'));
                    subject = text.mid(8, nl < 0 ? -1 : nl - 8).trimmed();
                    text = nl < 0 ? QString() : text.mid(nl + 1).trimmed();
                }
                body = text;
            }
            if (body.isEmpty())
                return core::makeError(ErrorCode::Unavailable, QStringLiteral("The AI provider answered with no email text; try again or use the offline writer."));
            if (subject.isEmpty())
                subject = writeOfflineEmail(*lead, goal, tone, senderName).subject;
            model = result->reply.model.isEmpty() ? QString() : result->reply.model;
            callId = result->callId;
            cost = result->costPicodollars;
        } else if (fallsBackOffline(result.error())) {
            notice = QStringLiteral("The AI provider could not be reached (%1) — ").arg(result.error().message);
        } else {
            return result.error();
        }
    }
    if (body.isEmpty()) {
        const OfflineDraft d = writeOfflineEmail(*lead, goal, tone, senderName);
        subject = d.subject;
        body = d.body;
        writer = QStringLiteral("offline");
        notice += wantOffline || !notice.isEmpty() ? d.notice : QStringLiteral("No AI provider key is set, so the offline writer wrote this. ") + d.notice;
        if (onDelta)
            onDelta(body);
    }
    auto id = m_db->selectOne(QStringLiteral("INSERT INTO ai_drafts (lead_id, ai_call_id, writer, model, goal, tone, subject, body_text, created_by, created_at) "
                                             "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, %1) RETURNING id")
                                  .arg(m_db->timestampParam()),
                              {leadId.toInteger(), callId, writer, model.isEmpty() ? QVariant() : QVariant(model), goal, tone, subject.left(300), body,
                               actor.userId ? QVariant(*actor.userId) : QVariant(), m_db->timestamp(m_clock.now())});
    if (!id)
        return id.error();
    auto out = draft(id->value(0).toLongLong());
    if (!out)
        return out.error();
    if (!notice.isEmpty())
        out->insert(QStringLiteral("notice"), notice);
    out->insert(QStringLiteral("cost_usd"), formatUsd(cost));
    return out;
}

core::Result<QJsonObject> AiService::pitch(const leads::Actor &actor, const QJsonObject &lead, const QJsonObject &analysis)
{
    QString notice;
    if (online()) {
        CallOptions o;
        o.task = QStringLiteral("analysis");
        o.promptKey = QStringLiteral("website_summary");
        o.variables = {{QStringLiteral("lead"), leadForPrompt(lead)}, {QStringLiteral("analysis"), analysisForPrompt(analysis)}};
        o.relatedType = lead.contains(QStringLiteral("id")) ? QStringLiteral("lead") : QString();
        o.relatedId = lead.value(QStringLiteral("id")).toInteger();
        o.userId = actor.userId;
        auto result = call(o);
        if (result) {
            const QJsonObject j = jsonIn(result->reply.content);
            QJsonArray angles;
            for (const QJsonValue &a : j.value(QStringLiteral("pitch_angles")).toArray())
                if (a.isObject())
                    angles.append(QJsonObject{{QStringLiteral("title"), a.toObject().value(QStringLiteral("title")).toString()},
                                              {QStringLiteral("pitch"), a.toObject().value(QStringLiteral("pitch")).toString()}});
            const QString summary = j.value(QStringLiteral("summary")).toString().trimmed();
            return QJsonObject{{QStringLiteral("summary"), summary.isEmpty() ? result->reply.content.trimmed().left(1000) : summary},
                               {QStringLiteral("pitch_angles"), angles},
                               {QStringLiteral("writer"), QStringLiteral("ai")},
                               {QStringLiteral("model"), result->reply.model},
                               {QStringLiteral("ai_call_id"), result->callId},
                               {QStringLiteral("cost_usd"), formatUsd(result->costPicodollars)}};
        }
        if (!fallsBackOffline(result.error()))
            return result.error();
        notice = QStringLiteral("The AI provider could not be reached (%1): the summary is the offline writer's. ").arg(result.error().message);
    } else {
        notice = QStringLiteral("No AI provider key is set: the summary is the offline writer's. ");
    }
    const QStringList problems = findingsInWords(analysis, m_clock.now().date().year(), 3);
    const int score = analysis.value(QStringLiteral("prospect")).toObject().value(QStringLiteral("score")).toInt();
    QString summary;
    if (analysis.contains(QStringLiteral("reachable")) && !analysis.value(QStringLiteral("reachable")).toBool())
        summary = QStringLiteral("The site did not load. A business whose site is down loses every visitor: offer a new site first.");
    else if (problems.isEmpty())
        summary = QStringLiteral("The site works and shows no obvious problem (prospect score %1/100). Pitch growth: more enquiries, better search results.").arg(score);
    else
        summary = QStringLiteral("Prospect score %1/100: %2.").arg(score).arg(problems.join(QStringLiteral("; ")));
    QJsonArray angles;
    for (const QString &p : problems)
        angles.append(QJsonObject{{QStringLiteral("title"), p.section(QLatin1Char(','), 0, 0).left(60)},
                                  {QStringLiteral("pitch"), QStringLiteral("Fix it: %1, and every visitor it turns away is a lost enquiry.").arg(p)}});
    return QJsonObject{{QStringLiteral("summary"), summary}, {QStringLiteral("pitch_angles"), angles}, {QStringLiteral("writer"), QStringLiteral("offline")},
                       {QStringLiteral("notice"), QString(notice + QStringLiteral("Read it over."))}};
}

core::Result<QJsonObject> AiService::suggestReply(const QJsonObject &lead, const QString &thread, const QString &intent, const QString &sentiment,
                                                  const QString &senderName, qint64 conversationId, bool offline)
{
    QString notice;
    if (!offline && online()) {
        CallOptions o;
        o.task = QStringLiteral("replies");
        o.promptKey = QStringLiteral("reply_suggestion");
        o.variables = {{QStringLiteral("sender_name"), senderName.isEmpty() ? QStringLiteral("(not given)") : senderName}, {QStringLiteral("lead"), leadForPrompt(lead)},
                       {QStringLiteral("intent"), intent}, {QStringLiteral("sentiment"), sentiment}, {QStringLiteral("thread"), thread.right(8000)}};
        o.relatedType = QStringLiteral("conversation");
        o.relatedId = conversationId;
        auto result = call(o);
        if (result)
            return QJsonObject{{QStringLiteral("text"), result->reply.content.trimmed()},
                               {QStringLiteral("writer"), QStringLiteral("ai")},
                               {QStringLiteral("model"), result->reply.model},
                               {QStringLiteral("ai_call_id"), result->callId}};
        if (!fallsBackOffline(result.error()))
            return result.error();
        notice = QStringLiteral("The AI provider could not be reached (%1). ").arg(result.error().message);
    }
    const OfflineDraft d = suggestOfflineReply(lead, intent, senderName);
    return QJsonObject{{QStringLiteral("text"), d.body}, {QStringLiteral("writer"), QStringLiteral("offline")}, {QStringLiteral("notice"), QString(notice + d.notice)}};
}

core::Result<QJsonObject> AiService::performance(const QDateTime &from, const QDateTime &to)
{
    const QVariantList range{m_db->timestamp(from), m_db->timestamp(to)};
    auto calls = m_db->select(QStringLiteral("SELECT COALESCE(model, '(none)'), status, latency_ms, cost_picodollars FROM ai_calls WHERE created_at >= ? AND created_at < ? "
                                             "ORDER BY 1, latency_ms"),
                              range);
    if (!calls)
        return calls.error();
    struct Stats {
        qint64 calls = 0, ok = 0, failed = 0, refused = 0, cost = 0, drafts = 0, sent = 0, replies = 0, approved = 0, rejected = 0;
        QList<qint64> latencies;
    };
    QMap<QString, Stats> by;
    for (const auto &r : *calls) {
        Stats &s = by[r.value(0).toString()];
        ++s.calls;
        const QString st = r.value(1).toString();
        s.ok += st == QLatin1String("ok");
        s.failed += st == QLatin1String("failed");
        s.refused += st == QLatin1String("refused");
        s.cost += r.value(3).toLongLong();
        if (st == QLatin1String("ok") && !r.value(2).isNull())
            s.latencies.append(r.value(2).toLongLong());
    }
    auto drafts = m_db->select(QStringLiteral("SELECT COALESCE(d.model, 'offline'), COUNT(*), SUM(CASE WHEN d.status = 'sent' THEN 1 ELSE 0 END), "
                                              "SUM(CASE WHEN d.status = 'sent' AND EXISTS (SELECT 1 FROM messages m WHERE m.conversation_id = d.conversation_id "
                                              "AND m.direction = 'inbound' AND m.created_at > d.sent_at) THEN 1 ELSE 0 END) "
                                              "FROM ai_drafts d WHERE d.created_at >= ? AND d.created_at < ? GROUP BY 1"),
                               range);
    if (!drafts)
        return drafts.error();
    for (const auto &r : *drafts) {
        Stats &s = by[r.value(0).toString()];
        s.drafts = r.value(1).toLongLong();
        s.sent = r.value(2).toLongLong();
        s.replies = r.value(3).toLongLong();
    }
    auto suggestions = m_db->select(QStringLiteral("SELECT COALESCE(model, 'offline'), SUM(CASE WHEN status IN ('approved', 'sent') THEN 1 ELSE 0 END), "
                                                   "SUM(CASE WHEN status = 'rejected' THEN 1 ELSE 0 END) FROM ai_suggestions WHERE created_at >= ? AND created_at < ? GROUP BY 1"),
                                    range);
    if (!suggestions)
        return suggestions.error();
    for (const auto &r : *suggestions) {
        Stats &s = by[r.value(0).toString()];
        s.approved = r.value(1).toLongLong();
        s.rejected = r.value(2).toLongLong();
    }
    auto percentile = [](const QList<qint64> &sorted, int p) -> QJsonValue {
        if (sorted.isEmpty())
            return QJsonValue();
        // Nearest rank.
        const qsizetype rank = qMax<qsizetype>(1, (qsizetype(p) * sorted.size() + 99) / 100);
        return sorted.at(rank - 1);
    };
    auto rate = [](qint64 part, qint64 whole) { return whole > 0 ? QJsonValue(double(part) / double(whole)) : QJsonValue(); };
    QJsonArray models;
    for (auto it = by.begin(); it != by.end(); ++it) {
        const Stats &s = it.value();
        models.append(QJsonObject{{QStringLiteral("model"), it.key()},
                                  {QStringLiteral("calls"), s.calls},
                                  {QStringLiteral("ok"), s.ok},
                                  {QStringLiteral("failed"), s.failed},
                                  {QStringLiteral("refused"), s.refused},
                                  {QStringLiteral("latency_p50_ms"), percentile(s.latencies, 50)},
                                  {QStringLiteral("latency_p95_ms"), percentile(s.latencies, 95)},
                                  {QStringLiteral("cost_usd"), formatUsd(s.cost)},
                                  {QStringLiteral("drafts"), s.drafts},
                                  {QStringLiteral("drafts_sent"), s.sent},
                                  {QStringLiteral("acceptance_rate"), rate(s.sent, s.drafts)},
                                  {QStringLiteral("replies"), s.replies},
                                  {QStringLiteral("reply_rate"), rate(s.replies, s.sent)},
                                  {QStringLiteral("suggestions_approved"), s.approved},
                                  {QStringLiteral("suggestions_rejected"), s.rejected},
                                  {QStringLiteral("suggestion_acceptance_rate"), rate(s.approved, s.approved + s.rejected)}});
    }
    return QJsonObject{{QStringLiteral("from"), storage::Database::isoTimestamp(from)}, {QStringLiteral("to"), storage::Database::isoTimestamp(to)}, {QStringLiteral("models"), models}};
}

} // namespace fliptech::ai
