#pragma once
// LeadImporter: CSV files into leads. A preview step reads the first rows and proposes a
// column mapping; the run normalises every row (names split, phones to E.164, e-mails checked,
// websites to domains), removes duplicates within the file and against existing leads (by
// e-mail, phone or website domain; skip, update or create), and writes everything in one
// transaction: an import that fails or is cancelled half-way leaves nothing behind. Rejected
// rows come back as a CSV (row number, reason, the original fields). A parser thread reads and
// normalises while this thread writes: PostgreSQL receives the rows through COPY; SQLite
// through one prepared INSERT bound straight from the parsed bytes. An import that is large next
// to the table is a bulk load: indexes (and SQLite's search entries) are built afterwards
// (LeadIndexing).

#include "fliptech/core/clock.h"
#include "fliptech/core/error.h"
#include "fliptech/leads/actor.h"
#include "fliptech/leads/csvreader.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>

namespace fliptech::storage {
class Database;
}

namespace fliptech::leads {

class LeadService;
class FileStore;

struct ImportPreview {
    QString encoding;
    char delimiter = ',';
    QStringList headers;
    QList<QStringList> rows;          // the first rows after the header
    QJsonObject suggestedMapping;     // header -> field
    QJsonObject toJson() const;
};

struct ImportOptions {
    QJsonObject mapping;              // CSV header -> lead field, "full_name", "tags" or "ignore"
    QString defaultCountry = QStringLiteral("US");
    QStringList dedupeKeys{QStringLiteral("email"), QStringLiteral("phone"), QStringLiteral("website_domain")};
    enum class OnDuplicate { Skip, Update, Create } onDuplicate = OnDuplicate::Skip;
    QString source = QStringLiteral("csv_import");
    QStringList tags;                 // added to every imported lead
    std::optional<char> delimiter;
    static core::Result<ImportOptions> fromJson(const QJsonObject &json);
};

struct ImportReport {
    qint64 rows = 0;
    qint64 imported = 0;
    qint64 updated = 0;
    qint64 duplicatesInFile = 0;
    qint64 duplicatesExisting = 0; // skipped because the lead exists (OnDuplicate::Skip)
    qint64 rejected = 0;
    qint64 rejectedFileId = 0;    // CSV of rejected rows, when there are any
    QJsonArray rejectedSample;    // the first rejected rows: {row, reason}
    QString encoding;
    QString delimiter;
    qint64 elapsedMs = 0;
    // A bulk load: the rows are in, their indexes and search entries are being built by
    // LeadIndexing (the leads.indexing job).
    bool indexingDeferred = false;
    QJsonObject toJson() const;
};

class LeadImporter final
{
public:
    using Progress = std::function<void(qint64 bytesDone, qint64 bytesTotal)>;

    LeadImporter(std::shared_ptr<storage::Database> db, LeadService &leads, FileStore &files, const core::Clock &clock);

    // The fields a column can be mapped to.
    static QStringList targets();
    // A mapping guessed from header names ("E-mail Address" -> email).
    static QJsonObject suggestMapping(const QStringList &headers);

    core::Result<ImportPreview> preview(const QString &path, int rows = 10);
    // `sourceName` is what the user called the file (names the rejected-rows report).
    core::Result<ImportReport> run(const Actor &actor, const QString &path, const ImportOptions &options,
                                   const Progress &progress = {}, const std::function<bool()> &cancelled = {},
                                   const QString &sourceName = {});

    // An import of at least this many rows that is also at least half the size of the table is
    // a bulk load (indexes built after the rows, by LeadIndexing).
    void setBulkLoadRows(qint64 rows) { m_bulkLoadRows = rows; }
    // Called after a bulk load, committed or not (the engine queues the indexing job).
    void setOnDeferredIndexing(std::function<void()> f) { m_onDeferredIndexing = std::move(f); }

private:
    core::Status applyUpdates(const Actor &actor, const QList<std::pair<qint64, QJsonObject>> &updates, ImportReport &report);
    void afterCommit(const Actor &actor, const ImportReport &report);

    std::shared_ptr<storage::Database> m_db;
    qint64 m_bulkLoadRows = 50000;
    std::function<void()> m_onDeferredIndexing;
    LeadService &m_leads;
    FileStore &m_files;
    const core::Clock &m_clock;
};

} // namespace fliptech::leads
