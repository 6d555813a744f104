#include "fliptech/leads/leadimporter.h"

#include "fliptech/core/json.h"
#include "fliptech/leads/filestore.h"
#include "fliptech/leads/leadfields.h"
#include "fliptech/leads/leadindexing.h"
#include "fliptech/leads/leadservice.h"
#include "fliptech/leads/normalize.h"
#include "fliptech/storage/database.h"
#include "fliptech/storage/sqliterowwriter.h"
#include "fliptech/storage/transaction.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSet>

#include <QStringEncoder>

#include <libpq-fe.h>

#include <atomic>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

Q_DECLARE_LOGGING_CATEGORY(lcLeads)

namespace fliptech::leads {

using core::ErrorCode;
using storage::Transaction;

namespace {

// The lead columns an import can fill, in insert order. Derived ones (first/last name,
// website_domain) are filled from the others.
const QStringList &importColumns()
{
    static const QStringList c = {
        QStringLiteral("name"), QStringLiteral("first_name"), QStringLiteral("last_name"), QStringLiteral("company"),
        QStringLiteral("title"), QStringLiteral("email"), QStringLiteral("phone"), QStringLiteral("website"),
        QStringLiteral("website_domain"), QStringLiteral("address"), QStringLiteral("city"), QStringLiteral("region"),
        QStringLiteral("postal_code"), QStringLiteral("country"), QStringLiteral("description"), QStringLiteral("category"),
        QStringLiteral("status"), QStringLiteral("deal_stage"), QStringLiteral("score"), QStringLiteral("qualification_score"),
        QStringLiteral("deal_value_cents"), QStringLiteral("source_url"), QStringLiteral("source_id")};
    return c;
}

enum Col { Name, First, Last, Company, Title, Email, Phone, Website, Domain, Address, City, Region, Postal, Country,
           Description, Category, Status, Stage, Score, QScore, DealValue, SourceUrl, SourceId, ColumnCount };

QString norm(QString h)
{
    h = h.trimmed().toLower();
    QString out;
    for (QChar c : std::as_const(h))
        if (c.isLetterOrNumber())
            out.append(c);
    return out;
}

// Rows parsed and encoded, on their way from the parser thread to the writer.
struct RowBatch {
    static constexpr qsizetype capacity = 2048;
    qsizetype rows = 0;
    QByteArray text;       // SQLite: the fields' UTF-8 back to back; PostgreSQL: COPY text
    QList<qint32> spans;   // SQLite: offset and length of every field (length -1: NULL)
    qint64 bytesRead = 0;  // of the file, after this batch
    qint64 rowsRead = 0;   // records read, after this batch
};

// A bounded hand-over between two threads: the parser waits when the writer is behind.
class BatchQueue
{
public:
    explicit BatchQueue(qsizetype capacity) : m_capacity(capacity) {}
    bool push(RowBatch &&batch)
    {
        std::unique_lock lock(m_mutex);
        m_notFull.wait(lock, [&] { return m_aborted || qsizetype(m_items.size()) < m_capacity; });
        if (m_aborted)
            return false;
        m_items.push_back(std::move(batch));
        m_notEmpty.notify_one();
        return true;
    }
    // The next batch; nothing once the parser is done (or the hand-over aborted).
    std::optional<RowBatch> pop()
    {
        std::unique_lock lock(m_mutex);
        m_notEmpty.wait(lock, [&] { return m_aborted || m_closed || !m_items.empty(); });
        if (m_aborted || m_items.empty())
            return std::nullopt;
        RowBatch b = std::move(m_items.front());
        m_items.pop_front();
        m_notFull.notify_one();
        return b;
    }
    void close()
    {
        std::lock_guard lock(m_mutex);
        m_closed = true;
        m_notEmpty.notify_all();
    }
    void abort()
    {
        std::lock_guard lock(m_mutex);
        m_aborted = true;
        m_items.clear();
        m_notEmpty.notify_all();
        m_notFull.notify_all();
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_notEmpty, m_notFull;
    std::deque<RowBatch> m_items;
    qsizetype m_capacity;
    bool m_closed = false;
    bool m_aborted = false;
};

// The dedupe keys seen in a file, as 128-bit fingerprints (two independently seeded 64-bit
// hashes) in one flat table: no allocation per key, nothing to free key by key, and a false
// "duplicate" would take a 128-bit collision.
class KeySet
{
public:
    struct Fingerprint {
        quint64 a, b;
    };
    static Fingerprint fingerprint(QStringView key)
    {
        return {quint64(qHash(key, size_t(0x9E3779B97F4A7C15ULL))) | 1, quint64(qHash(key, size_t(0xC2B2AE3D27D4EB4FULL)))};
    }
    explicit KeySet(qsizetype expected)
    {
        qsizetype n = 1024;
        while (n * 7 < expected * 10) // at most 70 % full
            n *= 2;
        m_slots.assign(size_t(n), Fingerprint{0, 0});
    }
    bool contains(const Fingerprint &f) const
    {
        for (size_t i = f.a & (m_slots.size() - 1);; i = (i + 1) & (m_slots.size() - 1)) {
            const Fingerprint &s = m_slots[i];
            if (s.a == 0)
                return false;
            if (s.a == f.a && s.b == f.b)
                return true;
        }
    }
    void insert(const Fingerprint &f)
    {
        if (size_t(m_size + 1) * 10 > m_slots.size() * 7)
            rehash();
        for (size_t i = f.a & (m_slots.size() - 1);; i = (i + 1) & (m_slots.size() - 1)) {
            Fingerprint &s = m_slots[i];
            if (s.a == f.a && s.b == f.b)
                return;
            if (s.a == 0) {
                s = f;
                ++m_size;
                return;
            }
        }
    }

private:
    void rehash()
    {
        std::vector<Fingerprint> old(m_slots.size() * 2, Fingerprint{0, 0});
        old.swap(m_slots);
        m_size = 0;
        for (const Fingerprint &f : old)
            if (f.a)
                insert(f);
    }
    std::vector<Fingerprint> m_slots;
    qsizetype m_size = 0;
};

void appendUtf8(QByteArray &out, QStringView v)
{
    const qsizetype old = out.size();
    const qsizetype n = v.size();
    out.resize(old + n * 3);
    char *d = out.data() + old;
    const char16_t *src = v.utf16();
    qsizetype i = 0;
    for (; i < n && src[i] < 0x80; ++i)
        d[i] = char(src[i]);
    if (i == n) {
        out.resize(old + n);
        return;
    }
    QStringEncoder encoder(QStringEncoder::Utf8);
    char *end = encoder.appendToBuffer(d + i, v.sliced(i));
    out.resize(end - out.constData());
}

QString escapeCopy(const QString &v)
{
    QString out;
    out.reserve(v.size());
    for (QChar c : v) {
        switch (c.unicode()) {
        case '\\': out += QStringLiteral("\\\\"); break;
        case '\t': out += QStringLiteral("\\t"); break;
        case '\n': out += QStringLiteral("\\n"); break;
        case '\r': out += QStringLiteral("\\r"); break;
        default: out += c;
        }
    }
    return out;
}

} // namespace

QJsonObject ImportPreview::toJson() const
{
    QJsonArray rowsJson;
    for (const auto &r : rows)
        rowsJson.append(QJsonArray::fromStringList(r));
    return {{QStringLiteral("encoding"), encoding}, {QStringLiteral("delimiter"), QString(QChar::fromLatin1(delimiter))},
            {QStringLiteral("headers"), QJsonArray::fromStringList(headers)}, {QStringLiteral("rows"), rowsJson},
            {QStringLiteral("suggested_mapping"), suggestedMapping}, {QStringLiteral("targets"), QJsonArray::fromStringList(LeadImporter::targets())}};
}

QJsonObject ImportReport::toJson() const
{
    return {{QStringLiteral("rows"), rows},
            {QStringLiteral("imported"), imported},
            {QStringLiteral("updated"), updated},
            {QStringLiteral("duplicates_in_file"), duplicatesInFile},
            {QStringLiteral("duplicates_existing"), duplicatesExisting},
            {QStringLiteral("rejected"), rejected},
            {QStringLiteral("rejected_file_id"), rejectedFileId ? QJsonValue(rejectedFileId) : QJsonValue()},
            {QStringLiteral("rejected_sample"), rejectedSample},
            {QStringLiteral("encoding"), encoding},
            {QStringLiteral("delimiter"), delimiter},
            {QStringLiteral("elapsed_ms"), elapsedMs},
            {QStringLiteral("indexing_deferred"), indexingDeferred}};
}

core::Result<ImportOptions> ImportOptions::fromJson(const QJsonObject &json)
{
    ImportOptions o;
    const QStringList known = {QStringLiteral("mapping"), QStringLiteral("default_country"), QStringLiteral("dedupe_keys"),
                               QStringLiteral("on_duplicate"), QStringLiteral("source"), QStringLiteral("tags"), QStringLiteral("delimiter")};
    for (auto it = json.begin(); it != json.end(); ++it)
        if (!known.contains(it.key()))
            return core::makeError(ErrorCode::ValidationFailed, QStringLiteral("'%1' is not an import option").arg(it.key().left(60)),
                                   {{it.key(), QStringLiteral("unknown field")}});
    o.mapping = json.value(QStringLiteral("mapping")).toObject();
    const QStringList targets = LeadImporter::targets();
    for (auto it = o.mapping.begin(); it != o.mapping.end(); ++it)
        if (!targets.contains(it.value().toString()))
            return core::makeError(ErrorCode::ValidationFailed, QStringLiteral("column '%1' cannot be mapped to '%2'").arg(it.key().left(60), it.value().toString().left(60)),
                                   {{QString(QStringLiteral("mapping.") + it.key()), QString(QStringLiteral("one of ") + targets.join(QStringLiteral(", ")))}});
    if (json.contains(QStringLiteral("default_country"))) {
        o.defaultCountry = json.value(QStringLiteral("default_country")).toString().toUpper();
        if (callingCode(o.defaultCountry).isEmpty())
            return core::makeError(ErrorCode::ValidationFailed, QStringLiteral("unknown default_country '%1'").arg(o.defaultCountry.left(10)),
                                   {{QStringLiteral("default_country"), QStringLiteral("an ISO code such as US, GB, DE")}});
    }
    if (json.contains(QStringLiteral("dedupe_keys"))) {
        o.dedupeKeys.clear();
        for (const auto &k : json.value(QStringLiteral("dedupe_keys")).toArray()) {
            const QString key = k.toString();
            if (key != QLatin1String("email") && key != QLatin1String("phone") && key != QLatin1String("website_domain"))
                return core::makeError(ErrorCode::ValidationFailed, QStringLiteral("cannot dedupe by '%1'").arg(key.left(40)),
                                       {{QStringLiteral("dedupe_keys"), QStringLiteral("email, phone or website_domain")}});
            o.dedupeKeys << key;
        }
    }
    const QString dup = json.value(QStringLiteral("on_duplicate")).toString(QStringLiteral("skip"));
    if (dup == QLatin1String("skip"))
        o.onDuplicate = OnDuplicate::Skip;
    else if (dup == QLatin1String("update"))
        o.onDuplicate = OnDuplicate::Update;
    else if (dup == QLatin1String("create"))
        o.onDuplicate = OnDuplicate::Create;
    else
        return core::makeError(ErrorCode::ValidationFailed, QStringLiteral("on_duplicate must be skip, update or create"),
                               {{QStringLiteral("on_duplicate"), QStringLiteral("skip, update or create")}});
    if (json.contains(QStringLiteral("source"))) {
        o.source = json.value(QStringLiteral("source")).toString().trimmed();
        if (o.source.isEmpty() || o.source.size() > 50)
            return core::makeError(ErrorCode::ValidationFailed, QStringLiteral("source must be 1 to 50 characters"), {{QStringLiteral("source"), QStringLiteral("1 to 50 characters")}});
    }
    for (const auto &t : json.value(QStringLiteral("tags")).toArray())
        if (!t.toString().trimmed().isEmpty())
            o.tags << t.toString().trimmed();
    const QString delim = json.value(QStringLiteral("delimiter")).toString();
    if (!delim.isEmpty()) {
        if (delim != QLatin1String(",") && delim != QLatin1String(";") && delim != QLatin1String("\t") && delim != QLatin1String("|"))
            return core::makeError(ErrorCode::ValidationFailed, QStringLiteral("delimiter must be , ; | or a tab"), {{QStringLiteral("delimiter"), QStringLiteral(", ; | or tab")}});
        o.delimiter = delim.at(0).toLatin1();
    }
    return o;
}

LeadImporter::LeadImporter(std::shared_ptr<storage::Database> db, LeadService &leads, FileStore &files, const core::Clock &clock)
    : m_db(std::move(db)), m_leads(leads), m_files(files), m_clock(clock)
{
}

QStringList LeadImporter::targets()
{
    QStringList t = importColumns();
    t.removeAll(QStringLiteral("website_domain"));
    t << QStringLiteral("full_name") << QStringLiteral("tags") << QStringLiteral("ignore");
    return t;
}

QJsonObject LeadImporter::suggestMapping(const QStringList &headers)
{
    static const QHash<QString, QString> synonyms = {
        {QStringLiteral("name"), QStringLiteral("full_name")}, {QStringLiteral("fullname"), QStringLiteral("full_name")},
        {QStringLiteral("contact"), QStringLiteral("full_name")}, {QStringLiteral("contactname"), QStringLiteral("full_name")},
        {QStringLiteral("firstname"), QStringLiteral("first_name")}, {QStringLiteral("givenname"), QStringLiteral("first_name")},
        {QStringLiteral("first"), QStringLiteral("first_name")}, {QStringLiteral("lastname"), QStringLiteral("last_name")},
        {QStringLiteral("surname"), QStringLiteral("last_name")}, {QStringLiteral("familyname"), QStringLiteral("last_name")},
        {QStringLiteral("last"), QStringLiteral("last_name")}, {QStringLiteral("company"), QStringLiteral("company")},
        {QStringLiteral("companyname"), QStringLiteral("company")}, {QStringLiteral("business"), QStringLiteral("company")},
        {QStringLiteral("businessname"), QStringLiteral("company")}, {QStringLiteral("organization"), QStringLiteral("company")},
        {QStringLiteral("organisation"), QStringLiteral("company")}, {QStringLiteral("email"), QStringLiteral("email")},
        {QStringLiteral("emailaddress"), QStringLiteral("email")}, {QStringLiteral("mail"), QStringLiteral("email")},
        {QStringLiteral("phone"), QStringLiteral("phone")}, {QStringLiteral("phonenumber"), QStringLiteral("phone")},
        {QStringLiteral("telephone"), QStringLiteral("phone")}, {QStringLiteral("tel"), QStringLiteral("phone")},
        {QStringLiteral("mobile"), QStringLiteral("phone")}, {QStringLiteral("cell"), QStringLiteral("phone")},
        {QStringLiteral("website"), QStringLiteral("website")}, {QStringLiteral("url"), QStringLiteral("website")},
        {QStringLiteral("web"), QStringLiteral("website")}, {QStringLiteral("site"), QStringLiteral("website")},
        {QStringLiteral("homepage"), QStringLiteral("website")}, {QStringLiteral("address"), QStringLiteral("address")},
        {QStringLiteral("street"), QStringLiteral("address")}, {QStringLiteral("streetaddress"), QStringLiteral("address")},
        {QStringLiteral("city"), QStringLiteral("city")}, {QStringLiteral("town"), QStringLiteral("city")},
        {QStringLiteral("state"), QStringLiteral("region")}, {QStringLiteral("region"), QStringLiteral("region")},
        {QStringLiteral("province"), QStringLiteral("region")}, {QStringLiteral("county"), QStringLiteral("region")},
        {QStringLiteral("zip"), QStringLiteral("postal_code")}, {QStringLiteral("zipcode"), QStringLiteral("postal_code")},
        {QStringLiteral("postalcode"), QStringLiteral("postal_code")}, {QStringLiteral("postcode"), QStringLiteral("postal_code")},
        {QStringLiteral("country"), QStringLiteral("country")}, {QStringLiteral("title"), QStringLiteral("title")},
        {QStringLiteral("jobtitle"), QStringLiteral("title")}, {QStringLiteral("position"), QStringLiteral("title")},
        {QStringLiteral("role"), QStringLiteral("title")}, {QStringLiteral("category"), QStringLiteral("category")},
        {QStringLiteral("industry"), QStringLiteral("category")}, {QStringLiteral("description"), QStringLiteral("description")},
        {QStringLiteral("notes"), QStringLiteral("description")}, {QStringLiteral("tags"), QStringLiteral("tags")},
        {QStringLiteral("labels"), QStringLiteral("tags")}, {QStringLiteral("status"), QStringLiteral("status")},
        {QStringLiteral("stage"), QStringLiteral("deal_stage")}, {QStringLiteral("dealstage"), QStringLiteral("deal_stage")},
        {QStringLiteral("score"), QStringLiteral("score")}, {QStringLiteral("sourceurl"), QStringLiteral("source_url")},
        {QStringLiteral("link"), QStringLiteral("source_url")}, {QStringLiteral("sourceid"), QStringLiteral("source_id")},
    };
    QJsonObject mapping;
    QSet<QString> used;
    for (const QString &h : headers) {
        QString target = synonyms.value(norm(h), QStringLiteral("ignore"));
        if (target != QLatin1String("ignore") && used.contains(target))
            target = QStringLiteral("ignore"); // the first column wins
        used.insert(target);
        mapping.insert(h, target);
    }
    return mapping;
}

core::Result<ImportPreview> LeadImporter::preview(const QString &path, int rows)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return core::makeError(ErrorCode::NotFound, QStringLiteral("cannot open %1").arg(QFileInfo(path).fileName()));
    CsvReader reader(&file);
    if (auto st = reader.open(); !st)
        return st.error();
    ImportPreview p;
    p.encoding = csvEncodingName(reader.encoding());
    p.delimiter = reader.delimiter();
    if (!reader.next())
        return core::makeError(ErrorCode::ValidationFailed, QStringLiteral("the file has no header row"), {{QStringLiteral("file"), QStringLiteral("no rows")}});
    p.headers = reader.fields();
    while (p.rows.size() < rows && reader.next())
        p.rows.append(reader.fields());
    p.suggestedMapping = suggestMapping(p.headers);
    return p;
}

core::Status LeadImporter::tagRows(const QHash<QString, QStringList> &rowTags, const QString &stamp, const QString &source)
{
    const QString table = QStringLiteral("import_row_tags");
    if (auto st = m_db->executeRaw(QStringLiteral("DROP TABLE IF EXISTS %1; CREATE TEMP TABLE %1 (email TEXT NOT NULL, phone TEXT NOT NULL, "
                                                  "name TEXT NOT NULL, company TEXT NOT NULL, tag TEXT NOT NULL)").arg(table));
        !st)
        return st;
    // A temporary table: it goes with the connection if the DROP fails.
    auto dropTable = qScopeGuard([&] { (void)m_db->executeRaw(QStringLiteral("DROP TABLE IF EXISTS %1").arg(table)); });
    constexpr int perStatement = 100;
    QVariantList params;
    int pending = 0;
    auto flush = [&]() -> core::Status {
        if (!pending)
            return {};
        QStringList rows;
        for (int i = 0; i < pending; ++i)
            rows << QStringLiteral("(?, ?, ?, ?, ?)");
        auto done = m_db->execute(QStringLiteral("INSERT INTO %1 (email, phone, name, company, tag) VALUES %2").arg(table, rows.join(QStringLiteral(", "))),
                                  params);
        params.clear();
        pending = 0;
        if (!done)
            return done.error();
        return {};
    };
    for (auto it = rowTags.begin(); it != rowTags.end(); ++it) {
        const QStringList parts = it.key().split(u'\x1f');
        for (const QString &t : it.value()) {
            const QString tag = t.trimmed().left(100);
            if (tag.isEmpty())
                continue;
            params << parts.value(0) << parts.value(1) << parts.value(2) << parts.value(3) << tag;
            if (++pending == perStatement)
                if (auto st = flush(); !st)
                    return st;
        }
    }
    if (auto st = flush(); !st)
        return st;
    if (auto st = m_db->executeRaw(QStringLiteral("CREATE INDEX %1_key ON %1 (email, phone, name, company)").arg(table)); !st)
        return st;
    // Tags are unique case-insensitively: "Hot" and "hot" in the file are one tag.
    auto created = m_db->execute(QStringLiteral("INSERT INTO tags (name, created_at) SELECT min(r.tag), %2 FROM %1 r "
                                                "WHERE NOT EXISTS (SELECT 1 FROM tags t WHERE lower(t.name) = lower(r.tag)) GROUP BY lower(r.tag)")
                                     .arg(table, m_db->timestampParam()),
                                 {stamp});
    if (!created)
        return created.error();
    auto tagged = m_db->execute(QStringLiteral("INSERT INTO lead_tags (lead_id, tag_id, created_at) "
                                               "SELECT DISTINCT l.id, t.id, %2 FROM leads l "
                                               "JOIN %1 r ON r.email = coalesce(l.email, '') AND r.phone = coalesce(l.phone, '') "
                                               "AND r.name = coalesce(l.name, '') AND r.company = coalesce(l.company, '') "
                                               "JOIN tags t ON lower(t.name) = lower(r.tag) "
                                               "WHERE l.created_at = %2 AND l.source = ? ON CONFLICT DO NOTHING")
                                    .arg(table, m_db->timestampParam()),
                                {stamp, stamp, source});
    if (!tagged)
        return tagged.error();
    return {};
}

core::Result<ImportReport> LeadImporter::run(const Actor &actor, const QString &path, const ImportOptions &options, const Progress &progress,
                                             const std::function<bool()> &cancelled, const QString &sourceName)
{
    QElapsedTimer timer;
    timer.start();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return core::makeError(ErrorCode::NotFound, QStringLiteral("cannot open %1").arg(QFileInfo(path).fileName()));
    const qint64 fileSize = file.size();
    CsvReader::Options readerOptions;
    readerOptions.delimiter = options.delimiter;
    CsvReader reader(&file, readerOptions);
    if (auto st = reader.open(); !st)
        return st.error();
    if (!reader.next())
        return core::makeError(ErrorCode::ValidationFailed, QStringLiteral("the file has no header row"), {{QStringLiteral("file"), QStringLiteral("no rows")}});
    const QStringList headers = reader.fields();
    const QJsonObject mapping = options.mapping.isEmpty() ? suggestMapping(headers) : options.mapping;

    // Column index -> target.
    QList<int> target(headers.size(), -1);
    int fullNameColumn = -1, tagsColumn = -1;
    bool identifying = false;
    for (qsizetype i = 0; i < headers.size(); ++i) {
        const QString t = mapping.value(headers[i]).toString(QStringLiteral("ignore"));
        if (t == QLatin1String("full_name")) {
            fullNameColumn = int(i);
            identifying = true;
        } else if (t == QLatin1String("tags")) {
            tagsColumn = int(i);
        } else if (t != QLatin1String("ignore")) {
            const int c = int(importColumns().indexOf(t));
            if (c < 0 || c == Domain)
                return core::makeError(ErrorCode::ValidationFailed, QStringLiteral("column '%1' cannot be mapped to '%2'").arg(headers[i], t),
                                       {{QString(QStringLiteral("mapping.") + headers[i]), QStringLiteral("unknown target")}});
            target[i] = c;
            identifying |= c == Name || c == First || c == Last || c == Company || c == Email || c == Phone || c == Website;
        }
    }
    for (auto it = mapping.begin(); it != mapping.end(); ++it)
        if (!headers.contains(it.key()) && it.value().toString() != QLatin1String("ignore"))
            return core::makeError(ErrorCode::ValidationFailed, QStringLiteral("the file has no column '%1'").arg(it.key().left(80)),
                                   {{QString(QStringLiteral("mapping.") + it.key()), QStringLiteral("no such column in the file")}});
    if (!identifying)
        return core::makeError(ErrorCode::ValidationFailed,
                               QStringLiteral("map at least one of name, company, email, phone or website: nothing would identify the leads"),
                               {{QStringLiteral("mapping"), QStringLiteral("no identifying column")}});

    const bool pg = m_db->isPostgres();
    const bool dedupe = options.onDuplicate != ImportOptions::OnDuplicate::Create;
    const bool byEmail = options.dedupeKeys.contains(QStringLiteral("email"));
    const bool byPhone = options.dedupeKeys.contains(QStringLiteral("phone"));
    const bool byDomain = options.dedupeKeys.contains(QStringLiteral("website_domain"));
    // Existing leads' keys, loaded once (a lookup per row would cost a round trip per row), one
    // table per key kind.
    enum Key { EmailKey, PhoneKey, DomainKey, KeyKinds };
    std::array<QHash<QString, qint64>, KeyKinds> existing;
    qint64 existingLeads = 0;
    if (dedupe && !options.dedupeKeys.isEmpty()) {
        auto rows = m_db->select(QStringLiteral("SELECT id, email, phone, website_domain FROM leads WHERE deleted_at IS NULL AND "
                                                "(email IS NOT NULL OR phone IS NOT NULL OR website_domain IS NOT NULL)"));
        if (!rows)
            return rows.error();
        for (auto &e : existing)
            e.reserve(rows->size());
        for (const auto &r : *rows) {
            const qint64 id = r.value(0).toLongLong();
            if (byEmail && !r.value(1).isNull())
                existing[EmailKey].insert(r.value(1).toString().toLower(), id);
            if (byPhone && !r.value(2).isNull())
                existing[PhoneKey].insert(r.value(2).toString(), id);
            if (byDomain && !r.value(3).isNull())
                existing[DomainKey].insert(r.value(3).toString(), id);
        }
    }
    if (!pg) {
        auto counted = m_db->selectOne(QStringLiteral("SELECT count(*) FROM leads"));
        if (!counted)
            return counted.error();
        existingLeads = counted->value(0).toLongLong();
    }

    ImportReport report;
    report.encoding = csvEncodingName(reader.encoding());
    report.delimiter = QString(QChar::fromLatin1(reader.delimiter()));
    const QString stamp = storage::Database::isoTimestamp(m_clock.now());

    // Rejected rows go to a CSV next to the other files.
    const QString rejectedPath = m_files.newPath(QStringLiteral("csv"));
    QFile rejectedFile(rejectedPath);
    auto reject = [&](qint64 line, const QString &reason, const QStringList &fields) {
        if (!rejectedFile.isOpen()) {
            if (!rejectedFile.open(QIODevice::WriteOnly))
                return;
            rejectedFile.write(csvLine(QStringList{QStringLiteral("row"), QStringLiteral("reason")} + headers));
        }
        rejectedFile.write(csvLine(QStringList{QString::number(line), reason} + fields));
        if (report.rejectedSample.size() < 20)
            report.rejectedSample.append(QJsonObject{{QStringLiteral("row"), line}, {QStringLiteral("reason"), reason}});
        ++report.rejected;
    };

    // Insert statement: the import columns plus provenance.
    QStringList cols = importColumns();
    cols << QStringLiteral("source") << QStringLiteral("created_by") << QStringLiteral("created_at") << QStringLiteral("updated_at");
    const QVariant createdBy = actor.userId ? QVariant(*actor.userId) : QVariant();
    QList<std::pair<qint64, QJsonObject>> updates;
    QHash<QString, QStringList> rowTags; // only when a tags column is mapped: key = row index

    // The parser (its own thread) reads, normalises, checks and dedupes rows and hands them over
    // in batches, already encoded for the writer (this thread, which owns the connection and
    // the transaction): COPY text for PostgreSQL, UTF-8 fields for SQLite. Both cores work.
    BatchQueue queue(8);
    std::atomic<qint64> bytesParsed{0};
    const QString copyTail = [&]() -> QString {
        return u'\t' + escapeCopy(options.source) + u'\t' + (createdBy.isNull() ? QStringLiteral("\\N") : createdBy.toString()) + u'\t' +
               stamp + u'\t' + stamp + u'\n';
    }();
    auto parse = [&] {
        // Room for a row per 160 bytes of file, up to 4M rows (16 bytes a key; grows beyond).
        const qsizetype expected = dedupe ? qsizetype(qMin<qint64>(fileSize / 160, 4000000)) : 0;
        std::array<KeySet, KeyKinds> seen{KeySet(expected), KeySet(expected), KeySet(expected)};
        // Each column's field, looked up once.
        std::array<const LeadField *, ColumnCount> field{};
        for (int c = 0; c < ColumnCount; ++c)
            field[c] = leadField(importColumns().at(c));
        QList<QString> values(ColumnCount);
        RowBatch batch;
        auto send = [&]() -> bool {
            batch.bytesRead = reader.position();
            bytesParsed.store(batch.bytesRead, std::memory_order_relaxed);
            batch.rowsRead = report.rows;
            const bool ok = queue.push(std::move(batch));
            batch = RowBatch();
            return ok;
        };
        while (reader.next()) {
            const qint64 line = reader.recordLine();
            const QStringList &fields = reader.fields();
            ++report.rows;
            if (!reader.recordError().isEmpty()) {
                reject(line, reader.recordError(), fields);
                continue;
            }
            if (fields.size() > headers.size()) {
                bool extraEmpty = true;
                for (qsizetype i = headers.size(); i < fields.size(); ++i)
                    extraEmpty &= fields[i].trimmed().isEmpty();
                if (!extraEmpty) {
                    reject(line, QStringLiteral("the row has %1 fields but the header has %2").arg(fields.size()).arg(headers.size()), fields);
                    continue;
                }
            }
            for (auto &v : values)
                v.clear();
            for (qsizetype i = 0; i < headers.size() && i < fields.size(); ++i)
                if (target[i] >= 0)
                    values[target[i]] = fields[i].trimmed();
            if (fullNameColumn >= 0 && fullNameColumn < fields.size() && values[Name].isEmpty())
                values[Name] = fields[fullNameColumn].simplified();
            if (!values[Name].isEmpty() && values[First].isEmpty() && values[Last].isEmpty()) {
                PersonName n = splitName(values[Name]);
                values[First] = std::move(n.first);
                values[Last] = std::move(n.last);
            } else if (values[Name].isEmpty() && (!values[First].isEmpty() || !values[Last].isEmpty())) {
                values[Name] = QString(values[First] + u' ' + values[Last]).trimmed();
            }
            // Contact data.
            QString reason;
            if (!values[Email].isEmpty()) {
                QString email = normalizeEmail(values[Email]);
                if (email.isEmpty())
                    reason = QStringLiteral("email '%1' is not a valid address").arg(values[Email].left(80));
                values[Email] = std::move(email);
            }
            if (!values[Phone].isEmpty()) {
                QString e164 = normalizePhone(values[Phone], callingCode(values[Country]).isEmpty() ? options.defaultCountry : values[Country]);
                if (!e164.isEmpty())
                    values[Phone] = std::move(e164);
            }
            values[Domain] = websiteDomain(values[Website]);
            if (reason.isEmpty() && values[Name].isEmpty() && values[Company].isEmpty() && values[Email].isEmpty() && values[Phone].isEmpty() &&
                values[Website].isEmpty())
                reason = QStringLiteral("the row has no name, company, email, phone or website");
            for (int c = 0; c < ColumnCount && reason.isEmpty(); ++c) {
                if (values[c].isEmpty())
                    continue;
                const LeadField *f = field[c];
                if (f->type == FieldType::Integer) {
                    bool ok = false;
                    const qint64 n = values[c].toLongLong(&ok);
                    if (!ok)
                        reason = QStringLiteral("%1 '%2' is not a whole number").arg(f->name, values[c].left(40));
                    else if (QString range = integerRangeError(*f, n); !range.isEmpty())
                        reason = QStringLiteral("%1 %2 %3").arg(f->name, values[c].left(40), range);
                } else if (f->maxLength && values[c].size() > f->maxLength) {
                    reason = QStringLiteral("%1 is longer than %2 characters").arg(f->name).arg(f->maxLength);
                }
            }
            if (!reason.isEmpty()) {
                reject(line, reason, fields);
                continue;
            }
            // Dedupe: within the file, then against existing leads.
            if (dedupe) {
                const std::array<const QString *, KeyKinds> keys = {byEmail && !values[Email].isEmpty() ? &values[Email] : nullptr,
                                                                     byPhone && !values[Phone].isEmpty() ? &values[Phone] : nullptr,
                                                                     byDomain && !values[Domain].isEmpty() ? &values[Domain] : nullptr};
                std::array<KeySet::Fingerprint, KeyKinds> prints{};
                bool inFile = false;
                for (int k = 0; k < KeyKinds && !inFile; ++k) {
                    if (keys[k]) {
                        prints[k] = KeySet::fingerprint(*keys[k]);
                        inFile = seen[k].contains(prints[k]);
                    }
                }
                if (inFile) {
                    ++report.duplicatesInFile;
                    continue;
                }
                qint64 match = 0;
                for (int k = 0; k < KeyKinds; ++k) {
                    if (!keys[k])
                        continue;
                    seen[k].insert(prints[k]);
                    if (!match && !existing[k].isEmpty())
                        match = existing[k].value(*keys[k]);
                }
                if (match) {
                    if (options.onDuplicate == ImportOptions::OnDuplicate::Skip) {
                        ++report.duplicatesExisting;
                    } else {
                        QJsonObject changes;
                        for (int c = 0; c < ColumnCount; ++c) {
                            if (values[c].isEmpty() || c == Domain)
                                continue;
                            const LeadField *f = field[c];
                            changes.insert(f->name, f->type == FieldType::Integer ? QJsonValue(values[c].toLongLong()) : QJsonValue(values[c]));
                        }
                        updates.append({match, changes});
                    }
                    continue;
                }
            }
            if (tagsColumn >= 0 && tagsColumn < fields.size() && !fields[tagsColumn].trimmed().isEmpty())
                rowTags.insert(values[Email] + u'\x1f' + values[Phone] + u'\x1f' + values[Name] + u'\x1f' + values[Company],
                               fields[tagsColumn].split(QRegularExpression(QStringLiteral("[,;|]")), Qt::SkipEmptyParts));
            if (values[Status].isEmpty())
                values[Status] = QStringLiteral("new");
            ++report.imported;
            if (pg) {
                QString line;
                for (int c = 0; c < ColumnCount; ++c) {
                    if (c)
                        line += u'\t';
                    line += values[c].isEmpty() ? QStringLiteral("\\N") : escapeCopy(values[c]);
                }
                line += copyTail;
                appendUtf8(batch.text, line);
            } else {
                for (int c = 0; c < ColumnCount; ++c) {
                    batch.spans.append(qint32(batch.text.size()));
                    if (values[c].isEmpty()) {
                        batch.spans.append(-1);
                    } else {
                        appendUtf8(batch.text, values[c]);
                        batch.spans.append(qint32(batch.text.size() - batch.spans.at(batch.spans.size() - 1)));
                    }
                }
            }
            if (++batch.rows == RowBatch::capacity && !send())
                return;
        }
        if (batch.rows)
            send();
        bytesParsed.store(fileSize, std::memory_order_relaxed);
        queue.close();
    };

    // The writer. PostgreSQL imports in one transaction through COPY (MVCC: nobody waits).
    // SQLite has one writer at a time, so it commits every 20,000 rows and lets other writers
    // (job workers, someone editing a lead) in between; a failed or cancelled import then
    // deletes what its earlier chunks wrote (they carry the import's created_at stamp), so
    // either way nothing is left half-imported.
    constexpr qint64 chunkRows = 20000;
    std::optional<Transaction> tx;
    int committedChunks = 0;
    bool finished = false;
    bool bulkLoad = false;  // SQLite: lead indexes dropped, search entries in the backlog
    bool bulkDecided = pg;
    // SQLite's full-text index is filled in one statement after each chunk's rows (4x faster
    // than its per-row trigger), or left to the backlog job in a bulk load. The trigger is
    // dropped and re-created inside the chunk's transaction: DDL is transactional and we hold
    // the write lock, so no other writer ever misses it, and a rollback brings it back.
    QString ftsTrigger;
    qint64 maxIdBefore = 0;
    qint64 rowsInChunk = 0;
    auto beginChunk = [&]() -> core::Status {
        tx.emplace(*m_db, Transaction::Mode::Immediate);
        if (!tx->isActive())
            return tx->error();
        rowsInChunk = 0;
        if (pg)
            return {};
        auto trig = m_db->selectOne(QStringLiteral("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'leads_fts_ai'"));
        auto maxId = m_db->selectOne(QStringLiteral("SELECT coalesce(max(id), 0) FROM leads"));
        if (!maxId)
            return maxId.error();
        maxIdBefore = maxId->value(0).toLongLong();
        ftsTrigger.clear();
        if (trig) {
            ftsTrigger = trig->value(0).toString();
            if (auto st = m_db->executeRaw(QStringLiteral("DROP TRIGGER leads_fts_ai")); !st)
                return st.error();
        }
        return {};
    };
    // Fills the search index for this chunk's rows (or queues them) and puts the trigger back.
    auto indexChunk = [&]() -> core::Status {
        if (ftsTrigger.isEmpty())
            return {};
        if (bulkLoad) {
            if (rowsInChunk > 0)
                if (auto st = LeadIndexing::queueForSearch(*m_db, maxIdBefore + 1); !st)
                    return st;
        } else {
            auto indexed = m_db->execute(QStringLiteral("INSERT INTO leads_fts (rowid, name, company, email, phone, website_domain, city, description) "
                                                        "SELECT id, name, company, email, phone, website_domain, city, description FROM leads WHERE id > ? AND ") +
                                             LeadIndexing::notInBacklog(),
                                         {maxIdBefore});
            if (!indexed)
                return indexed.error();
        }
        if (auto st = m_db->executeRaw(ftsTrigger); !st)
            return st;
        ftsTrigger.clear();
        return {};
    };
    std::thread parser;
    bool restoreCheckpoints = false;
    auto checkpoints = qScopeGuard([&] {
        if (restoreCheckpoints)
            // A connection setting: a failure leaves the default (or the next import sets it).
            (void)m_db->executeRaw(QStringLiteral("PRAGMA wal_autocheckpoint=1000"));
    });
    auto undo = qScopeGuard([&] {
        queue.abort();
        if (parser.joinable())
            parser.join();
        if (finished)
            return;
        tx.reset(); // the open chunk rolls back
        if (committedChunks == 0)
            return;
        Transaction cleanup(*m_db, Transaction::Mode::Immediate);
        auto removed = m_db->execute(QStringLiteral("DELETE FROM leads WHERE deleted_at IS NULL AND created_at = ? AND source = ? AND created_by IS ?"),
                                     {stamp, options.source, createdBy});
        if (!removed || !cleanup.commit())
            qCWarning(lcLeads) << "could not remove the rows of a failed import" << stamp;
    });
    if (auto st = beginChunk(); !st)
        return st.error();
    storage::SqliteRowWriter inserter(*m_db);
    if (!pg) {
        QVariantList constants{options.source, createdBy, stamp, stamp};
        if (auto st = inserter.prepare(QStringLiteral("leads"), cols, int(ColumnCount), constants); !st)
            return st.error();
    }
    bool copying = false;
    auto startCopy = [&]() -> core::Status {
        PGconn *conn = m_db->pgHandle();
        const QByteArray sql = QStringLiteral("COPY leads (%1) FROM STDIN").arg(cols.join(QStringLiteral(", "))).toUtf8();
        PGresult *res = PQexec(conn, sql.constData());
        const bool ok = PQresultStatus(res) == PGRES_COPY_IN;
        const QString err = QString::fromUtf8(PQresultErrorMessage(res));
        PQclear(res);
        if (!ok)
            return core::makeError(ErrorCode::DatabaseError, QStringLiteral("cannot start COPY: ") + err.trimmed());
        copying = true;
        return {};
    };
    auto sendCopy = [&](const QByteArray &data) -> core::Status {
        PGconn *conn = m_db->pgHandle();
        if (!data.isEmpty() && PQputCopyData(conn, data.constData(), int(data.size())) != 1)
            return core::makeError(ErrorCode::DatabaseError, QStringLiteral("COPY failed: ") + QString::fromUtf8(PQerrorMessage(conn)).trimmed());
        return {};
    };
    auto endCopy = [&]() -> core::Status {
        PGconn *conn = m_db->pgHandle();
        copying = false;
        if (PQputCopyEnd(conn, nullptr) != 1)
            return core::makeError(ErrorCode::DatabaseError, QStringLiteral("COPY failed: ") + QString::fromUtf8(PQerrorMessage(conn)).trimmed());
        core::Status status;
        while (PGresult *res = PQgetResult(conn)) {
            if (PQresultStatus(res) != PGRES_COMMAND_OK)
                status = core::makeError(ErrorCode::DatabaseError, QStringLiteral("the import was refused by the database: ") +
                                                                       QString::fromUtf8(PQresultErrorMessage(res)).trimmed());
            PQclear(res);
        }
        return status;
    };
    auto abortCopy = [&] {
        if (copying) {
            PGconn *conn = m_db->pgHandle();
            PQputCopyEnd(conn, "import cancelled");
            while (PGresult *res = PQgetResult(conn))
                PQclear(res);
            copying = false;
        }
    };

    parser = std::thread(parse);
    core::Status failure;
    qint64 written = 0;
    while (auto batch = queue.pop()) {
        if (cancelled && cancelled()) {
            failure = core::makeError(ErrorCode::Cancelled, QStringLiteral("the import was cancelled; nothing was imported"));
            break;
        }
        if (progress)
            progress(bytesParsed.load(std::memory_order_relaxed), fileSize);
        if (!bulkDecided) {
            // A bulk load when the import is large and at least half the size of the table: then
            // building the indexes afterwards costs less than keeping them current row by row.
            bulkDecided = true;
            const qint64 estimate = batch->bytesRead > 0 ? qint64(double(fileSize) * batch->rowsRead / batch->bytesRead) : batch->rowsRead;
            if (estimate >= m_bulkLoadRows && estimate * 2 >= existingLeads) {
                if (failure = LeadIndexing::deferIndexes(*m_db); !failure)
                    break;
                bulkLoad = true;
                // Each chunk's commit would copy the write-ahead log into the database file
                // (the automatic checkpoint) on this thread; the indexing job's commits do it.
                // Speed only: with the checkpoint on, the load is slower, not wrong.
                (void)m_db->executeRaw(QStringLiteral("PRAGMA wal_autocheckpoint=0"));
                restoreCheckpoints = true;
            }
        }
        if (pg) {
            if (!copying)
                if (failure = startCopy(); !failure)
                    break;
            if (failure = sendCopy(batch->text); !failure)
                break;
            written += batch->rows;
            continue;
        }
        for (qsizetype r = 0; r < batch->rows; ++r) {
            if (failure = inserter.insert(batch->text.constData(), batch->spans.constData() + r * ColumnCount * 2); !failure) {
                if (failure.error().code == ErrorCode::Conflict)
                    failure = core::makeError(ErrorCode::Conflict, QStringLiteral("a row repeats the source and source id of another lead (%1)")
                                                                       .arg(failure.error().message));
                break;
            }
            ++written;
            ++rowsInChunk;
            if (written % chunkRows == 0) {
                if (failure = indexChunk(); !failure)
                    break;
                if (failure = tx->commit(); !failure)
                    break;
                ++committedChunks;
                // Between chunks the connection is free: a job's progress is written on it at
                // once (SQLite has one writer, and this import would keep the lock from others).
                if (progress)
                    progress(bytesParsed.load(std::memory_order_relaxed), fileSize);
                if (failure = beginChunk(); !failure)
                    break;
            }
        }
        if (!failure)
            break;
    }
    queue.abort();
    parser.join();
    if (!failure) {
        abortCopy();
        rejectedFile.remove();
        return failure.error();
    }
    if (auto st = pg ? (copying ? endCopy() : core::Status()) : core::Status(); !st) {
        rejectedFile.remove();
        return st.error();
    }
    if (auto st = indexChunk(); !st) {
        rejectedFile.remove();
        return st.error();
    }
    if (progress)
        progress(fileSize, fileSize);

    // Tags for every imported lead (by the import's stamp), then per-row tags.
    auto tagImported = [&](const QString &name, const QString &extraWhere, const QVariantList &extraParams) -> core::Status {
        auto tagId = m_db->selectOne(QStringLiteral("SELECT id FROM tags WHERE lower(name) = lower(?)"), {name});
        qint64 id = 0;
        if (tagId) {
            id = tagId->value(0).toLongLong();
        } else {
            auto ins = m_db->selectOne(QStringLiteral("INSERT INTO tags (name, created_at) VALUES (?, %1) RETURNING id").arg(m_db->timestampParam()), {name, stamp});
            if (!ins)
                return ins.error();
            id = ins->value(0).toLongLong();
        }
        auto done = m_db->execute(QStringLiteral("INSERT INTO lead_tags (lead_id, tag_id, created_at) SELECT id, ?, %1 FROM leads "
                                                 "WHERE created_at = %1 AND source = ?%2 ON CONFLICT DO NOTHING").arg(m_db->timestampParam(), extraWhere),
                                  QVariantList{id, stamp, stamp, options.source} + extraParams);
        if (!done)
            return done.error();
        return {};
    };
    for (const QString &t : options.tags)
        if (auto st = tagImported(t.left(100), {}, {}); !st)
            return st.error();
    // Per-row tags in three statements, whatever the number of rows: the (row key, tag) pairs go
    // to a temporary table, missing tags are created, and one join tags the rows (a statement per
    // row scanned the import's rows each time: quadratic).
    if (!rowTags.isEmpty()) {
        if (auto st = tagRows(rowTags, stamp, options.source); !st) {
            rejectedFile.remove();
            return st.error();
        }
    }
    // Updates of existing leads go through the service: same checks, a diff per lead.
    {
        LeadService::QuietScope quiet;
        for (const auto &[id, changes] : std::as_const(updates)) {
            auto updated = m_leads.update(actor, id, changes);
            if (!updated) {
                rejectedFile.remove();
                return core::makeError(updated.error().code, QStringLiteral("updating lead %1 failed: %2").arg(id).arg(updated.error().userMessage()),
                                       updated.error().details);
            }
            ++report.updated;
        }
    }
    report.elapsedMs = timer.elapsed();
    if (auto st = m_leads.logActivity(actor, QStringLiteral("leads_imported"), QStringLiteral("import"), 0, report.toJson()); !st)
        return st.error();
    if (auto st = tx->commit(); !st) {
        rejectedFile.remove();
        return st.error();
    }
    finished = true;
    report.indexingDeferred = bulkLoad;
    // Fresh statistics after a big import, or the planner guesses which index serves a filter
    // (after a bulk load, the indexing job does it once the indexes are back).
    if (report.imported > 10000 && !bulkLoad)
        // Statistics only.
        (void)m_db->executeRaw(pg ? QStringLiteral("ANALYZE leads") : QStringLiteral("ANALYZE leads; PRAGMA optimize"));
    if (rejectedFile.isOpen()) {
        rejectedFile.close();
        auto stored = m_files.adopt(actor, rejectedPath,
                                     QFileInfo(sourceName.isEmpty() ? path : sourceName).completeBaseName() + QStringLiteral("-rejected.csv"),
                                     QStringLiteral("text/csv"));
        if (stored)
            report.rejectedFileId = stored->id;
    }
    report.elapsedMs = timer.elapsed();
    m_leads.announce(QStringLiteral("leads_imported"), {{QStringLiteral("imported"), report.imported}, {QStringLiteral("updated"), report.updated}},
                     actor.userId);
    if (bulkLoad && m_onDeferredIndexing)
        m_onDeferredIndexing();
    qCInfo(lcLeads) << "imported" << report.imported << "leads from" << report.rows << "rows in" << report.elapsedMs << "ms";
    return report;
}

} // namespace fliptech::leads
