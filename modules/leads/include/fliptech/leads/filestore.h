#pragma once
// FileStore: uploaded and generated files (CSV imports, rejected-row reports, exports, images,
// avatars). Bytes live under one root folder with names we choose; the `files` table keeps
// the original name, type, size and hash. Images are decoded and re-encoded, so whatever was
// hidden in the upload (metadata, trailing data, polyglots) does not survive. A path from the
// table is only ever opened when it resolves inside the root.

#include "fliptech/core/clock.h"
#include "fliptech/core/error.h"
#include "fliptech/leads/actor.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <chrono>

#include <optional>

#include <memory>

namespace fliptech::storage {
class Database;
}

namespace fliptech::leads {

struct StoredFile {
    qint64 id = 0;
    QString originalName;
    QString contentType;
    qint64 size = 0;
    QString sha256;
    QString path; // absolute, inside the root
    std::optional<qint64> uploadedBy;
    QString entityType; // what the file belongs to: "lead", "user" (an avatar), "message" (an attachment), or nothing
    qint64 entityId = 0;
    QJsonObject toJson() const;
};

class FileStore final
{
public:
    enum class Kind { Csv, Image, Avatar, Report };
    static constexpr qint64 maxImageBytes = 10 * 1024 * 1024;
    static constexpr qint64 maxCsvBytes = 200 * 1024 * 1024;

    FileStore(std::shared_ptr<storage::Database> db, QString root, const core::Clock &clock);
    const QString &root() const { return m_root; }

    // Checks the content (CSV: text; images: PNG/JPEG/GIF/WebP that decode) and stores it.
    core::Result<StoredFile> store(const Actor &actor, Kind kind, const QString &originalName, const QByteArray &data,
                                   const QString &entityType = {}, qint64 entityId = 0);
    // Registers a file written by us (reports, exports) that already lies under root().
    // A file already on disk (an upload the server spooled as it arrived), checked as store()
    // checks bytes: a CSV is moved into the store without being read whole, an image (10 MiB at
    // most) is read and re-encoded. The file at `path` is gone afterwards when this succeeds.
    core::Result<StoredFile> storeFile(const Actor &actor, Kind kind, const QString &originalName, const QString &path,
                                       const QString &entityType = {}, qint64 entityId = 0);
    core::Result<StoredFile> adopt(const Actor &actor, const QString &path, const QString &originalName, const QString &contentType,
                                   const QString &entityType = {}, qint64 entityId = 0);
    // A fresh path under root() for a file we are about to write.
    QString newPath(const QString &extension) const;
    // Upload bodies the server spooled (`*.upload`) and never handed to a route because the
    // process ended first: those older than `age` are removed. How many went.
    int sweepSpools(std::chrono::seconds age = std::chrono::hours(1)) const;
    core::Result<StoredFile> get(qint64 id);
    // Who may read a file: its uploader, an admin, or anyone who may see what it belongs to
    // (a lead's images, a user's avatar). Files of no entity (imports, exports, reports)
    // belong to the user who made them.
    static bool mayRead(const Actor &actor, const StoredFile &file);

    // What the first bytes say the content is ("image/png", "text/csv", ...); empty when unknown.
    static QString sniff(const QByteArray &head);

private:
    core::Result<StoredFile> record(const Actor &actor, const QString &path, const QString &originalName, const QString &contentType,
                                    const QString &entityType, qint64 entityId);
    std::shared_ptr<storage::Database> m_db;
    QString m_root;
    const core::Clock &m_clock;
};

} // namespace fliptech::leads
