#include "fliptech/leads/leadimporter.h"

#include "fliptech/core/json.h"
#include "fliptech/leads/filestore.h"
#include "fliptech/leads/leadfields.h"
#include "fliptech/leads/leadfilter.h"
#include "fliptech/leads/leadindexing.h"
#include "fliptech/leads/leadservice.h"
#include "fliptech/leads/normalize.h"
#include "fliptech/storage/database.h"
#include "fliptech/storage/pgcopywriter.h"
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


enum Key { EmailKey, PhoneKey, DomainKey, KeyKinds };
// The dedupe keys of the leads already in the table, one table per key kind.
using ExistingKeys = std::array<QHash<QString, qint64>, KeyKinds>;
// An existing lead and what the file changes in it (OnDuplicate::Update).
using LeadUpdate = std::pair<qint64, QJsonObject>;

// Where the file's columns go.
struct ColumnMap {
    QList<int> target;  // per column: a Col, or -1 (ignored)
    int fullName = -1;
    int tags = -1;
};

core::Result<ColumnMap> mapColumns(const QStringList &headers, const QJsonObject &mapping)
{
    ColumnMap map;
    map.target = QList<int>(headers.size(), -1);
    bool identifying = false;
    for (qsizetype i = 0; i < headers.size(); ++i) {
        const QString t = mapping.value(headers[i]).toString(QStringLiteral("ignore"));
        if (t == QLatin1String("full_name")) {
            map.fullName = int(i);
            identifying = true;
        } else if (t == QLatin1String("tags")) {
            map.tags = int(i);
        } else if (t != QLatin1String("ignore")) {
            const int c = int(importColumns().indexOf(t));
            if (c < 0 || c == Domain)
                return core::makeError(ErrorCode::ValidationFailed, QStringLiteral("column '%1' cannot be mapped to '%2'").arg(headers[i], t),
                                       {{QString(QStringLiteral("mapping.") + headers[i]), QStringLiteral("unknown target")}});
            map.target[i] = c;
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
    return map;
}

// Loaded once: a lookup per row would cost a round trip per row.
core::Result<ExistingKeys> loadExistingKeys(storage::Database &db, const ImportOptions &options)
{
    ExistingKeys existing;
    if (options.onDuplicate == ImportOptions::OnDuplicate::Create || options.dedupeKeys.isEmpty())
        return existing;
    const bool byEmail = options.dedupeKeys.contains(QStringLiteral("email"));
    const bool byPhone = options.dedupeKeys.contains(QStringLiteral("phone"));
    const bool byDomain = options.dedupeKeys.contains(QStringLiteral("website_domain"));
    auto rows = db.select(QStringLiteral("SELECT id, email, phone, website_domain FROM leads WHERE deleted_at IS NULL AND "
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
    return existing;
}

// Rejected rows: a CSV next to the other files (row number, reason, the original fields),
// opened at the first one, and a sample in the report.
class RejectedRows
{
public:
    RejectedRows(const QString &path, const QStringList &headers, ImportReport &report) : m_file(path), m_headers(headers), m_report(report) {}
    ~RejectedRows()
    {
        if (!m_kept)
            m_file.remove();
    }
    void add(qint64 line, const QString &reason, const QStringList &fields)
    {
        if (!m_file.isOpen()) {
            if (!m_file.open(QIODevice::WriteOnly))
                return;
            m_file.write(csvLine(QStringList{QStringLiteral("row"), QStringLiteral("reason")} + m_headers));
        }
        m_file.write(csvLine(QStringList{QString::number(line), reason} + fields));
        if (m_report.rejectedSample.size() < 20)
            m_report.rejectedSample.append(QJsonObject{{QStringLiteral("row"), line}, {QStringLiteral("reason"), reason}});
        ++m_report.rejected;
    }
    // After the import committed: the file joins the user's files (its id goes in the report).
    void keep(FileStore &files, const Actor &actor, const QString &sourceName)
    {
        if (!m_file.isOpen())
            return;
        m_file.close();
        auto stored = files.adopt(actor, m_file.fileName(), QFileInfo(sourceName).completeBaseName() + QStringLiteral("-rejected.csv"),
                                  QStringLiteral("text/csv"));
        m_kept = true; // adopted, or left for the file store's sweep of strays
        if (stored)
            m_report.rejectedFileId = stored->id;
    }

private:
    QFile m_file;
    QStringList m_headers;
    ImportReport &m_report;
    bool m_kept = false;
};

// The parser: on its own thread, reads, normalises, checks and dedupes rows, and hands them to
// the writer in batches already encoded for it (COPY text for PostgreSQL, UTF-8 fields for
// SQLite). It owns the reader, the report's row counts and the rejected rows until it is done.
class RowParser
{
public:
    struct Context {
        CsvReader &reader;
        QStringList headers;
        ColumnMap map;
        const ImportOptions &options;
        const ExistingKeys &existing;
        bool pg = false;
        QString copyTail;  // PostgreSQL: the constant columns of every COPY line
        qint64 fileSize = 0;
    };
    RowParser(Context context, ImportReport &report, RejectedRows &rejected, BatchQueue &queue)
        : m_c(std::move(context)), m_report(report), m_rejected(rejected), m_queue(queue),
          m_dedupe(m_c.options.onDuplicate != ImportOptions::OnDuplicate::Create),
          m_byKey{m_c.options.dedupeKeys.contains(QStringLiteral("email")), m_c.options.dedupeKeys.contains(QStringLiteral("phone")),
                  m_c.options.dedupeKeys.contains(QStringLiteral("website_domain"))},
          // Room for a row per 160 bytes of file, up to 4M rows (16 bytes a key; grows beyond).
          m_seen{KeySet(expectedKeys()), KeySet(expectedKeys()), KeySet(expectedKeys())}, m_values(ColumnCount)
    {
        for (int c = 0; c < ColumnCount; ++c)
            m_field[c] = leadField(importColumns().at(c));
    }

    void run()
    {
        while (m_c.reader.next()) {
            ++m_report.rows;
            if (!take(m_c.reader.recordLine(), m_c.reader.fields()))
                continue;
            if (++m_batch.rows == RowBatch::capacity && !send())
                return;
        }
        if (m_batch.rows)
            send();
        m_bytesParsed.store(m_c.fileSize, std::memory_order_relaxed);
        m_queue.close();
    }
    qint64 bytesParsed() const { return m_bytesParsed.load(std::memory_order_relaxed); }
    // Read once the parser is done.
    const QList<LeadUpdate> &updates() const { return m_updates; }
    const QHash<QString, QStringList> &rowTags() const { return m_rowTags; }

private:
    qsizetype expectedKeys() const { return m_dedupe ? qsizetype(qMin<qint64>(m_c.fileSize / 160, 4000000)) : 0; }

    // One record: true when it joined the batch.
    bool take(qint64 line, const QStringList &fields)
    {
        QString reason = m_c.reader.recordError();
        if (reason.isEmpty())
            reason = fill(fields);
        if (reason.isEmpty())
            reason = check();
        if (!reason.isEmpty()) {
            m_rejected.add(line, reason, fields);
            return false;
        }
        if (m_dedupe && isDuplicate())
            return false;
        if (m_c.map.tags >= 0 && m_c.map.tags < fields.size() && !fields[m_c.map.tags].trimmed().isEmpty())
            m_rowTags.insert(m_values[Email] + u'\x1f' + m_values[Phone] + u'\x1f' + m_values[Name] + u'\x1f' + m_values[Company],
                             fields[m_c.map.tags].split(QRegularExpression(QStringLiteral("[,;|]")), Qt::SkipEmptyParts));
        if (m_values[Status].isEmpty())
            m_values[Status] = QStringLiteral("new");
        ++m_report.imported;
        encode();
        return true;
    }

    // The lead's values from the record: names completed, contact data normalised. The reason
    // to reject it, or nothing.
    QString fill(const QStringList &fields)
    {
        const QStringList &headers = m_c.headers;
        if (fields.size() > headers.size()) {
            for (qsizetype i = headers.size(); i < fields.size(); ++i)
                if (!fields[i].trimmed().isEmpty())
                    return QStringLiteral("the row has %1 fields but the header has %2").arg(fields.size()).arg(headers.size());
        }
        for (auto &v : m_values)
            v.clear();
        for (qsizetype i = 0; i < headers.size() && i < fields.size(); ++i)
            if (m_c.map.target[i] >= 0)
                m_values[m_c.map.target[i]] = fields[i].trimmed();
        if (m_c.map.fullName >= 0 && m_c.map.fullName < fields.size() && m_values[Name].isEmpty())
            m_values[Name] = fields[m_c.map.fullName].simplified();
        if (!m_values[Name].isEmpty() && m_values[First].isEmpty() && m_values[Last].isEmpty()) {
            PersonName n = splitName(m_values[Name]);
            m_values[First] = std::move(n.first);
            m_values[Last] = std::move(n.last);
        } else if (m_values[Name].isEmpty() && (!m_values[First].isEmpty() || !m_values[Last].isEmpty())) {
            m_values[Name] = QString(m_values[First] + u' ' + m_values[Last]).trimmed();
        }
        QString reason;
        if (!m_values[Email].isEmpty()) {
            QString email = normalizeEmail(m_values[Email]);
            if (email.isEmpty())
                reason = QStringLiteral("email '%1' is not a valid address").arg(m_values[Email].left(80));
            m_values[Email] = std::move(email);
        }
        if (!m_values[Phone].isEmpty()) {
            const QString country = callingCode(m_values[Country]).isEmpty() ? m_c.options.defaultCountry : m_values[Country];
            if (QString e164 = normalizePhone(m_values[Phone], country); !e164.isEmpty())
                m_values[Phone] = std::move(e164);
        }
        m_values[Domain] = websiteDomain(m_values[Website]);
        if (reason.isEmpty() && m_values[Name].isEmpty() && m_values[Company].isEmpty() && m_values[Email].isEmpty() &&
            m_values[Phone].isEmpty() && m_values[Website].isEmpty())
            reason = QStringLiteral("the row has no name, company, email, phone or website");
        return reason;
    }

    // Types, ranges and lengths, as the lead service checks them.
    QString check() const
    {
        for (int c = 0; c < ColumnCount; ++c) {
            if (m_values[c].isEmpty())
                continue;
            const LeadField *f = m_field[c];
            if (f->type == FieldType::Integer) {
                bool ok = false;
                const qint64 n = m_values[c].toLongLong(&ok);
                if (!ok)
                    return QStringLiteral("%1 '%2' is not a whole number").arg(f->name, m_values[c].left(40));
                if (QString range = integerRangeError(*f, n); !range.isEmpty())
                    return QStringLiteral("%1 %2 %3").arg(f->name, m_values[c].left(40), range);
            } else if (f->maxLength && m_values[c].size() > f->maxLength) {
                return QStringLiteral("%1 is longer than %2 characters").arg(f->name).arg(f->maxLength);
            }
        }
        return {};
    }

    // Within the file, then against existing leads (counted, and kept as an update when asked).
    bool isDuplicate()
    {
        const std::array<const QString *, KeyKinds> keys = {m_byKey[EmailKey] && !m_values[Email].isEmpty() ? &m_values[Email] : nullptr,
                                                             m_byKey[PhoneKey] && !m_values[Phone].isEmpty() ? &m_values[Phone] : nullptr,
                                                             m_byKey[DomainKey] && !m_values[Domain].isEmpty() ? &m_values[Domain] : nullptr};
        std::array<KeySet::Fingerprint, KeyKinds> prints{};
        for (int k = 0; k < KeyKinds; ++k) {
            if (!keys[k])
                continue;
            prints[k] = KeySet::fingerprint(*keys[k]);
            if (m_seen[k].contains(prints[k])) {
                ++m_report.duplicatesInFile;
                return true;
            }
        }
        qint64 match = 0;
        for (int k = 0; k < KeyKinds; ++k) {
            if (!keys[k])
                continue;
            m_seen[k].insert(prints[k]);
            if (!match && !m_c.existing[k].isEmpty())
                match = m_c.existing[k].value(*keys[k]);
        }
        if (!match)
            return false;
        if (m_c.options.onDuplicate == ImportOptions::OnDuplicate::Skip) {
            ++m_report.duplicatesExisting;
            return true;
        }
        QJsonObject changes;
        for (int c = 0; c < ColumnCount; ++c) {
            if (m_values[c].isEmpty() || c == Domain)
                continue;
            const LeadField *f = m_field[c];
            changes.insert(f->name, f->type == FieldType::Integer ? QJsonValue(m_values[c].toLongLong()) : QJsonValue(m_values[c]));
        }
        m_updates.append({match, changes});
        return true;
    }

    void encode()
    {
        if (m_c.pg) {
            QString line;
            for (int c = 0; c < ColumnCount; ++c) {
                if (c)
                    line += u'\t';
                line += m_values[c].isEmpty() ? QStringLiteral("\\N") : storage::PgCopyWriter::escape(m_values[c]);
            }
            line += m_c.copyTail;
            appendUtf8(m_batch.text, line);
            return;
        }
        for (int c = 0; c < ColumnCount; ++c) {
            m_batch.spans.append(qint32(m_batch.text.size()));
            if (m_values[c].isEmpty()) {
                m_batch.spans.append(-1);
            } else {
                appendUtf8(m_batch.text, m_values[c]);
                m_batch.spans.append(qint32(m_batch.text.size() - m_batch.spans.at(m_batch.spans.size() - 1)));
            }
        }
    }

    bool send()
    {
        m_batch.bytesRead = m_c.reader.position();
        m_bytesParsed.store(m_batch.bytesRead, std::memory_order_relaxed);
        m_batch.rowsRead = m_report.rows;
        const bool ok = m_queue.push(std::move(m_batch));
        m_batch = RowBatch();
        return ok;
    }

    Context m_c;
    ImportReport &m_report;
    RejectedRows &m_rejected;
    BatchQueue &m_queue;
    const bool m_dedupe;
    const std::array<bool, KeyKinds> m_byKey;
    std::array<KeySet, KeyKinds> m_seen;
    std::array<const LeadField *, ColumnCount> m_field{};
    QList<QString> m_values;
    RowBatch m_batch;
    std::atomic<qint64> m_bytesParsed{0};
    QList<LeadUpdate> m_updates;
    QHash<QString, QStringList> m_rowTags;
};

// The writer, on the importer's thread (it owns the connection and the transaction).
// PostgreSQL imports in one transaction through COPY (MVCC: nobody waits). SQLite has one
// writer at a time, so it commits every 20,000 rows and lets other writers (job workers,
// someone editing a lead) in between; a failed or cancelled import then deletes what its
// earlier chunks wrote (they carry the import's created_at stamp), so either way nothing is
// left half-imported. Destroyed before finish(): the import is undone.
class LeadWriter
{
public:
    struct Provenance {
        QString source;
        QVariant createdBy;
        QString stamp;  // created_at and updated_at of every row
    };
    // `onDeferred` runs when the writer is done with a bulk load, whether it committed or not
    // (what it dropped is recorded; the indexing job builds it back).
    LeadWriter(storage::Database &db, Provenance provenance, std::function<void()> onDeferred)
        : m_db(db), m_p(std::move(provenance)), m_onDeferred(std::move(onDeferred)), m_inserter(db), m_copy(db)
    {
    }
    ~LeadWriter()
    {
        m_copy.abort("import cancelled");
        if (m_restoreCheckpoints)
            core::logDiscarded(m_db.executeRaw(QStringLiteral("PRAGMA wal_autocheckpoint=1000")),
                               "a connection setting put back; the next import sets it again");
        undo();
        if (m_bulkLoad && m_onDeferred)
            m_onDeferred();
    }

    // The import's rows go: the open chunk rolls back, committed chunks are deleted.
    void undo()
    {
        if (m_finished)
            return;
        m_tx.reset();
        if (m_committedChunks == 0)
            return;
        Transaction cleanup(m_db, Transaction::Mode::Immediate);
        auto removed = m_db.execute(QStringLiteral("DELETE FROM leads WHERE deleted_at IS NULL AND created_at = ? AND source = ? AND created_by IS ?"),
                                    {m_p.stamp, m_p.source, m_p.createdBy});
        if (!removed || !cleanup.commit())
            qCWarning(lcLeads) << "could not remove the rows of a failed import" << m_p.stamp;
    }

    // The insert statement: the import columns plus provenance.
    static QStringList columns()
    {
        return importColumns() + QStringList{QStringLiteral("source"), QStringLiteral("created_by"), QStringLiteral("created_at"),
                                             QStringLiteral("updated_at")};
    }
    // PostgreSQL: what ends every COPY line (the provenance columns).
    static QString copyTail(const Provenance &p)
    {
        return u'\t' + storage::PgCopyWriter::escape(p.source) + u'\t' + (p.createdBy.isNull() ? QStringLiteral("\\N") : p.createdBy.toString()) +
               u'\t' + p.stamp + u'\t' + p.stamp + u'\n';
    }

    // Starts writing, once the first batch says how large the import is. A bulk load (the
    // non-unique lead indexes dropped, SQLite's search entries queued; the leads.indexing job
    // builds them afterwards) when the import is large and at least half the size of the table:
    // building the indexes afterwards then costs less than keeping them current row by row.
    core::Status begin(qint64 estimatedRows, qint64 bulkLoadRows)
    {
        m_begun = true;
        bool bulk = false;
        if (estimatedRows >= bulkLoadRows) {
            auto rows = m_db.selectOne(QStringLiteral("SELECT count(*) FROM leads"));
            if (!rows)
                return rows.error();
            bulk = estimatedRows * 2 >= rows->value(0).toLongLong();
        }
        const bool pg = m_db.isPostgres();
        // PostgreSQL drops them before its transaction (concurrently: a DROP INDEX inside it
        // would lock every reader out of leads until the import commits).
        if (bulk && pg) {
            m_bulkLoad = true;
            if (auto st = LeadIndexing::deferIndexes(m_db); !st)
                return st;
        }
        if (auto st = beginChunk(); !st)
            return st;
        if (pg && bulk) {
            // Its rows' search documents are left to the indexing job (the trigger skips them).
            auto maxId = m_db.selectOne(QStringLiteral("SELECT coalesce(max(id), 0) FROM leads"));
            if (!maxId)
                return maxId.error();
            m_maxIdBefore = maxId->value(0).toLongLong();
            if (auto st = m_db.executeRaw(QStringLiteral("SET LOCAL fliptech.bulk_load = 'on'")); !st)
                return st;
        }
        if (pg)
            return m_copy.start(QStringLiteral("leads"), columns());
        // SQLite drops them inside its first chunk: DDL is transactional, and the chunk holds
        // the write lock.
        if (bulk) {
            if (auto st = LeadIndexing::deferIndexes(m_db); !st)
                return st;
            m_bulkLoad = true;
            // Each chunk's commit would copy the write-ahead log into the database file (the
            // automatic checkpoint) on this thread; the indexing job's commits do it.
            core::logDiscarded(m_db.executeRaw(QStringLiteral("PRAGMA wal_autocheckpoint=0")),
                               "speed only: with the checkpoint on, the load is slower, not wrong");
            m_restoreCheckpoints = true;
        }
        return m_inserter.prepare(QStringLiteral("leads"), columns(), int(ColumnCount), {m_p.source, m_p.createdBy, m_p.stamp, m_p.stamp});
    }
    bool begun() const { return m_begun; }

    // `chunkCommitted` runs between SQLite chunks, when the connection is free (a job's
    // progress is written on it then: this import would keep the write lock from others).
    core::Status write(const RowBatch &batch, const std::function<void()> &chunkCommitted)
    {
        if (m_db.isPostgres())
            return m_copy.send(batch.text);
        for (qsizetype r = 0; r < batch.rows; ++r) {
            if (auto st = m_inserter.insert(batch.text.constData(), batch.spans.constData() + r * ColumnCount * 2); !st) {
                if (st.error().code == ErrorCode::Conflict)
                    return core::makeError(ErrorCode::Conflict,
                                           QStringLiteral("a row repeats the source and source id of another lead (%1)").arg(st.error().message));
                return st;
            }
            if (++m_rowsInChunk == chunkRows) {
                if (auto st = indexChunk(); !st)
                    return st;
                if (auto st = m_tx->commit(); !st)
                    return st;
                ++m_committedChunks;
                if (chunkCommitted)
                    chunkCommitted();
                if (auto st = beginChunk(); !st)
                    return st;
            }
        }
        return {};
    }

    // Every row is in: the COPY ends (a bulk load's rows join the search backlog), the last
    // chunk's search entries are written.
    core::Status endRows()
    {
        if (m_db.isPostgres()) {
            if (auto st = m_copy.end(); !st)
                return st;
            if (!m_bulkLoad)
                return {};
            if (auto st = LeadIndexing::queueForSearch(m_db, m_maxIdBefore + 1); !st)
                return st;
            return m_db.executeRaw(QStringLiteral("SET LOCAL fliptech.bulk_load = 'off'")); // the updates that follow are searched as usual
        }
        return indexChunk();
    }
    core::Status commit()
    {
        if (auto st = m_tx->commit(); !st)
            return st;
        m_finished = true;
        return {};
    }
    bool bulkLoad() const { return m_bulkLoad; }

private:
    static constexpr qint64 chunkRows = 20000;

    core::Status beginChunk()
    {
        m_tx.emplace(m_db, Transaction::Mode::Immediate);
        if (!m_tx->isActive())
            return m_tx->error();
        m_rowsInChunk = 0;
        if (m_db.isPostgres())
            return {};
        // SQLite's full-text index is filled in one statement after each chunk's rows (several times faster
        // than its per-row trigger), or left to the backlog job in a bulk load. The trigger is
        // dropped and re-created inside the chunk's transaction: DDL is transactional and we hold
        // the write lock, so no other writer ever misses it, and a rollback brings it back.
        auto trig = m_db.selectOne(QStringLiteral("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'leads_fts_ai'"));
        auto maxId = m_db.selectOne(QStringLiteral("SELECT coalesce(max(id), 0) FROM leads"));
        if (!maxId)
            return maxId.error();
        m_maxIdBefore = maxId->value(0).toLongLong();
        m_ftsTrigger.clear();
        if (trig) {
            m_ftsTrigger = trig->value(0).toString();
            if (auto st = m_db.executeRaw(QStringLiteral("DROP TRIGGER leads_fts_ai")); !st)
                return st.error();
        }
        return {};
    }

    // SQLite: fills the search index for this chunk's rows (or queues them) and puts the
    // trigger back.
    core::Status indexChunk()
    {
        if (m_ftsTrigger.isEmpty())
            return {};
        if (m_bulkLoad) {
            if (m_rowsInChunk > 0)
                if (auto st = LeadIndexing::queueForSearch(m_db, m_maxIdBefore + 1); !st)
                    return st;
        } else {
            if (auto st = LeadIndexing::addToSearch(m_db, QStringLiteral("id > ? AND ") + LeadIndexing::notInBacklog(), {m_maxIdBefore}); !st)
                return st;
        }
        if (auto st = m_db.executeRaw(m_ftsTrigger); !st)
            return st;
        m_ftsTrigger.clear();
        return {};
    }

    storage::Database &m_db;
    Provenance m_p;
    std::function<void()> m_onDeferred;
    storage::SqliteRowWriter m_inserter;
    storage::PgCopyWriter m_copy;
    std::optional<Transaction> m_tx;
    int m_committedChunks = 0;
    qint64 m_rowsInChunk = 0;
    qint64 m_maxIdBefore = 0;
    QString m_ftsTrigger;
    bool m_begun = false;
    bool m_bulkLoad = false;
    bool m_restoreCheckpoints = false;
    bool m_finished = false;
};

// Runs `body` on its own thread; the queue is aborted and the thread joined however the
// caller leaves.
class ParserThread
{
public:
    ParserThread(BatchQueue &queue, std::function<void()> body) : m_queue(queue), m_thread(std::move(body)) {}
    ~ParserThread() { join(); }
    void join()
    {
        m_queue.abort();
        if (m_thread.joinable())
            m_thread.join();
    }

private:
    BatchQueue &m_queue;
    std::thread m_thread;
};

// The tag named `name` (created when missing) on every lead of this import.
core::Status tagImported(storage::Database &db, const QString &name, const LeadWriter::Provenance &p)
{
    auto tagId = db.selectOne(QStringLiteral("SELECT id FROM tags WHERE lower(name) = lower(?)"), {name});
    qint64 id = 0;
    if (tagId) {
        id = tagId->value(0).toLongLong();
    } else {
        auto ins = db.selectOne(QStringLiteral("INSERT INTO tags (name, created_at) VALUES (?, %1) RETURNING id").arg(db.timestampParam()), {name, p.stamp});
        if (!ins)
            return ins.error();
        id = ins->value(0).toLongLong();
    }
    auto done = db.execute(QStringLiteral("INSERT INTO lead_tags (lead_id, tag_id, created_at, %2) SELECT l.id, ?, %1, %3 FROM leads l "
                                          "WHERE l.created_at = %1 AND l.source = ? ON CONFLICT DO NOTHING")
                               .arg(db.timestampParam(), taggingCopies(), leadCopies()),
                           {id, p.stamp, p.stamp, p.source});
    if (!done)
        return done.error();
    return {};
}

// Tags from the file's tags column onto the rows they came with (key: e-mail, phone, name,
// company joined by \x1f), in three statements whatever the number of rows: the (row key, tag)
// pairs go to a temporary table, missing tags are created, and one join tags the rows (a
// statement per row scanned the import's rows each time: quadratic).
core::Status tagRows(storage::Database &db, const QHash<QString, QStringList> &rowTags, const LeadWriter::Provenance &p)
{
    const QString table = QStringLiteral("import_row_tags");
    if (auto st = db.executeRaw(QStringLiteral("DROP TABLE IF EXISTS %1; CREATE TEMP TABLE %1 (email TEXT NOT NULL, phone TEXT NOT NULL, "
                                               "name TEXT NOT NULL, company TEXT NOT NULL, tag TEXT NOT NULL)").arg(table));
        !st)
        return st;
    // A temporary table: it goes with the connection if this DROP fails.
    auto dropTable = qScopeGuard([&] {
        core::logDiscarded(db.executeRaw(QStringLiteral("DROP TABLE IF EXISTS %1").arg(table)), "a temporary table; it goes with the connection");
    });
    constexpr int perStatement = 100;
    QVariantList params;
    int pending = 0;
    auto flush = [&]() -> core::Status {
        if (!pending)
            return {};
        QStringList rows;
        for (int i = 0; i < pending; ++i)
            rows << QStringLiteral("(?, ?, ?, ?, ?)");
        auto done = db.execute(QStringLiteral("INSERT INTO %1 (email, phone, name, company, tag) VALUES %2").arg(table, rows.join(QStringLiteral(", "))),
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
    if (auto st = db.executeRaw(QStringLiteral("CREATE INDEX %1_key ON %1 (email, phone, name, company)").arg(table)); !st)
        return st;
    // Tags are unique case-insensitively: "Hot" and "hot" in the file are one tag.
    auto created = db.execute(QStringLiteral("INSERT INTO tags (name, created_at) SELECT min(r.tag), %2 FROM %1 r "
                                             "WHERE NOT EXISTS (SELECT 1 FROM tags t WHERE lower(t.name) = lower(r.tag)) GROUP BY lower(r.tag)")
                                  .arg(table, db.timestampParam()),
                              {p.stamp});
    if (!created)
        return created.error();
    auto tagged = db.execute(QStringLiteral("INSERT INTO lead_tags (lead_id, tag_id, created_at, %3) "
                                            "SELECT DISTINCT l.id, t.id, %2, %4 FROM leads l "
                                            "JOIN %1 r ON r.email = coalesce(l.email, '') AND r.phone = coalesce(l.phone, '') "
                                            "AND r.name = coalesce(l.name, '') AND r.company = coalesce(l.company, '') "
                                            "JOIN tags t ON lower(t.name) = lower(r.tag) "
                                            "WHERE l.created_at = %2 AND l.source = ? ON CONFLICT DO NOTHING")
                                 .arg(table, db.timestampParam(), taggingCopies(), leadCopies()),
                             {p.stamp, p.stamp, p.source});
    if (!tagged)
        return tagged.error();
    return {};
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


core::Result<ImportReport> LeadImporter::run(const Actor &actor, const QString &path, const ImportOptions &options, const Progress &progress,
                                             const std::function<bool()> &cancelled, const QString &sourceName)
{
    QElapsedTimer timer;
    timer.start();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return core::makeError(ErrorCode::NotFound, QStringLiteral("cannot open %1").arg(QFileInfo(path).fileName()));
    CsvReader::Options readerOptions;
    readerOptions.delimiter = options.delimiter;
    CsvReader reader(&file, readerOptions);
    if (auto st = reader.open(); !st)
        return st.error();
    if (!reader.next())
        return core::makeError(ErrorCode::ValidationFailed, QStringLiteral("the file has no header row"), {{QStringLiteral("file"), QStringLiteral("no rows")}});
    const QStringList headers = reader.fields();
    auto map = mapColumns(headers, options.mapping.isEmpty() ? suggestMapping(headers) : options.mapping);
    if (!map)
        return map.error();
    auto existing = loadExistingKeys(*m_db, options);
    if (!existing)
        return existing.error();

    ImportReport report;
    report.encoding = csvEncodingName(reader.encoding());
    report.delimiter = QString(QChar::fromLatin1(reader.delimiter()));
    const LeadWriter::Provenance provenance{options.source, actor.userId ? QVariant(*actor.userId) : QVariant(),
                                            storage::Database::isoTimestamp(m_clock.now())};
    RejectedRows rejected(m_files.newPath(QStringLiteral("csv")), headers, report);
    BatchQueue queue(8);
    RowParser parser({reader, headers, *map, options, *existing, m_db->isPostgres(), LeadWriter::copyTail(provenance), file.size()}, report,
                     rejected, queue);
    LeadWriter writer(*m_db, provenance, m_onDeferredIndexing);
    // Both cores work: the parser reads ahead while this thread writes.
    ParserThread parsing(queue, [&] { parser.run(); });
    const auto reportProgress = [&] {
        if (progress)
            progress(parser.bytesParsed(), file.size());
    };
    while (auto batch = queue.pop()) {
        if (cancelled && cancelled())
            return core::makeError(ErrorCode::Cancelled, QStringLiteral("the import was cancelled; nothing was imported"));
        reportProgress();
        if (!writer.begun()) {
            const qint64 estimate = batch->bytesRead > 0 ? qint64(double(file.size()) * batch->rowsRead / batch->bytesRead) : batch->rowsRead;
            if (auto st = writer.begin(estimate, m_bulkLoadRows); !st)
                return st.error();
        }
        if (auto st = writer.write(*batch, reportProgress); !st)
            return st.error();
    }
    parsing.join(); // the parser's results are read from here on
    if (!writer.begun()) // no row to import: tags, updates and the activity record still need the transaction
        if (auto st = writer.begin(0, m_bulkLoadRows); !st)
            return st.error();
    if (auto st = writer.endRows(); !st)
        return st.error();
    if (progress)
        progress(file.size(), file.size());

    // Tags for every imported lead (by the import's stamp), then per-row tags.
    for (const QString &t : options.tags)
        if (auto st = tagImported(*m_db, t.left(100), provenance); !st)
            return st.error();
    if (!parser.rowTags().isEmpty())
        if (auto st = tagRows(*m_db, parser.rowTags(), provenance); !st)
            return st.error();
    if (auto st = applyUpdates(actor, parser.updates(), report); !st)
        return st.error();
    report.elapsedMs = timer.elapsed();
    if (auto st = m_leads.logActivity(actor, QStringLiteral("leads_imported"), QStringLiteral("import"), 0, report.toJson()); !st)
        return st.error();
    if (auto st = writer.commit(); !st)
        return st.error();
    report.indexingDeferred = writer.bulkLoad();
    afterCommit(actor, report);
    rejected.keep(m_files, actor, sourceName.isEmpty() ? path : sourceName);
    report.elapsedMs = timer.elapsed();
    qCInfo(lcLeads) << "imported" << report.imported << "leads from" << report.rows << "rows in" << report.elapsedMs << "ms";
    return report;
}

core::Status LeadImporter::applyUpdates(const Actor &actor, const QList<std::pair<qint64, QJsonObject>> &updates, ImportReport &report)
{
    // Through the service: the same checks, a diff per lead.
    LeadService::QuietScope quiet;
    for (const auto &[id, changes] : updates) {
        auto updated = m_leads.update(actor, id, changes);
        if (!updated)
            return core::makeError(updated.error().code, QStringLiteral("updating lead %1 failed: %2").arg(id).arg(updated.error().userMessage()),
                                   updated.error().details);
        ++report.updated;
    }
    return {};
}

void LeadImporter::afterCommit(const Actor &actor, const ImportReport &report)
{
    // Fresh statistics after a big import, or the planner guesses which index serves a filter
    // and estimated totals are wrong (after a SQLite bulk load, the indexing job does it once
    // the indexes are back; PostgreSQL samples the table, so at once). Statistics only: the
    // planner works without them until the next ANALYZE.
    const bool pg = m_db->isPostgres();
    if (report.imported > 10000 && (pg || !report.indexingDeferred))
        core::logDiscarded(m_db->executeRaw(pg ? QStringLiteral("ANALYZE leads, lead_tags") : QStringLiteral("ANALYZE leads; ANALYZE lead_tags; PRAGMA optimize")),
                           "planner statistics; the next ANALYZE brings them");
    m_leads.announce(QStringLiteral("leads_imported"), {{QStringLiteral("imported"), report.imported}, {QStringLiteral("updated"), report.updated}},
                     actor.userId);
}

} // namespace fliptech::leads
