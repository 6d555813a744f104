#include "fliptech/leads/filestore.h"

#include "fliptech/storage/database.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QDirIterator>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QImageReader>
#include <QSaveFile>
#include <QUuid>

namespace fliptech::leads {

using core::ErrorCode;

QJsonObject StoredFile::toJson() const
{
    return {{QStringLiteral("id"), id}, {QStringLiteral("filename"), originalName}, {QStringLiteral("content_type"), contentType},
            {QStringLiteral("size"), size}, {QStringLiteral("sha256"), sha256},
            {QStringLiteral("download_url"), QStringLiteral("/api/v1/files/%1/download").arg(id)}};
}

FileStore::FileStore(std::shared_ptr<storage::Database> db, QString root, const core::Clock &clock)
    : m_db(std::move(db)), m_root(QDir(root).absolutePath()), m_clock(clock)
{
    QDir().mkpath(m_root);
}

QString FileStore::sniff(const QByteArray &head)
{
    if (head.startsWith("\x89PNG\r\n\x1a\n"))
        return QStringLiteral("image/png");
    if (head.startsWith("\xFF\xD8\xFF"))
        return QStringLiteral("image/jpeg");
    if (head.startsWith("GIF87a") || head.startsWith("GIF89a"))
        return QStringLiteral("image/gif");
    if (head.size() >= 12 && head.startsWith("RIFF") && head.mid(8, 4) == "WEBP")
        return QStringLiteral("image/webp");
    if (head.startsWith("%PDF-"))
        return QStringLiteral("application/pdf");
    if (head.startsWith("PK\x03\x04"))
        return QStringLiteral("application/zip");
    return {};
}

QString FileStore::newPath(const QString &extension) const
{
    const QString dir = m_root + u'/' + m_clock.now().toUTC().toString(QStringLiteral("yyyy-MM"));
    QDir().mkpath(dir);
    return dir + u'/' + QUuid::createUuid().toString(QUuid::WithoutBraces) + u'.' + extension;
}

int FileStore::sweepSpools(std::chrono::seconds age) const
{
    const QDateTime before = QDateTime::currentDateTimeUtc().addSecs(-age.count());
    int removed = 0;
    QDirIterator it(m_root, {QStringLiteral("*.upload")}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QFileInfo f(it.next());
        if (f.lastModified().toUTC() < before && QFile::remove(f.filePath()))
            ++removed;
    }
    return removed;
}

core::Result<StoredFile> FileStore::store(const Actor &actor, Kind kind, const QString &originalName, const QByteArray &data,
                                          const QString &entityType, qint64 entityId)
{
    if (data.isEmpty())
        return core::makeError(ErrorCode::ValidationFailed, QStringLiteral("the file is empty"), {{QStringLiteral("file"), QStringLiteral("empty")}});
    QByteArray bytes = data;
    QString type;
    QString ext;
    if (kind == Kind::Image || kind == Kind::Avatar) {
        if (data.size() > maxImageBytes)
            return core::makeError(ErrorCode::PayloadTooLarge, QStringLiteral("images may be at most %1 MiB").arg(maxImageBytes >> 20));
        const QString sniffed = sniff(data.left(16));
        if (!sniffed.startsWith(QLatin1String("image/")))
            return core::makeError(ErrorCode::ValidationFailed, QStringLiteral("this is not a PNG, JPEG, GIF or WebP image"),
                                   {{QStringLiteral("file"), QStringLiteral("not an image")}});
        QBuffer in(&bytes);
        QImageReader reader(&in);
        reader.setAllocationLimit(256); // MiB: a decompression bomb stops here
        QImage image = reader.read();
        if (image.isNull())
            return core::makeError(ErrorCode::ValidationFailed, QStringLiteral("the image cannot be read: %1").arg(reader.errorString()),
                                   {{QStringLiteral("file"), QStringLiteral("damaged image")}});
        if (kind == Kind::Avatar) {
            // Fill a 256×256 square, cropped around the centre.
            image = image.scaled(256, 256, Qt::KeepAspectRatioByExpanding, Qt::SmoothTransformation);
            image = image.copy((image.width() - 256) / 2, (image.height() - 256) / 2, 256, 256);
        }
        // Re-encode: only pixels survive (no EXIF location, no trailing payload).
        QByteArray clean;
        QBuffer out(&clean);
        out.open(QIODevice::WriteOnly);
        const bool png = image.hasAlphaChannel() || sniffed == QLatin1String("image/png") || sniffed == QLatin1String("image/gif");
        if (!image.save(&out, png ? "PNG" : "JPEG", png ? -1 : 88))
            return core::makeError(ErrorCode::Internal, QStringLiteral("the image could not be saved"));
        bytes = clean;
        type = png ? QStringLiteral("image/png") : QStringLiteral("image/jpeg");
        ext = png ? QStringLiteral("png") : QStringLiteral("jpg");
    } else {
        if (data.size() > maxCsvBytes)
            return core::makeError(ErrorCode::PayloadTooLarge, QStringLiteral("CSV files may be at most %1 MiB").arg(maxCsvBytes >> 20));
        const QString sniffed = sniff(data.left(16));
        if (!sniffed.isEmpty())
            return core::makeError(ErrorCode::ValidationFailed, QStringLiteral("this is a %1 file, not CSV: export the sheet as CSV first").arg(sniffed),
                                   {{QStringLiteral("file"), QStringLiteral("not CSV")}});
        type = QStringLiteral("text/csv");
        ext = QStringLiteral("csv");
    }
    const QString path = newPath(ext);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        return core::makeError(ErrorCode::Internal, QStringLiteral("cannot write %1: %2").arg(path, file.errorString()));
    QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return record(actor, path, originalName, type, entityType, entityId);
}

core::Result<StoredFile> FileStore::storeFile(const Actor &actor, Kind kind, const QString &originalName, const QString &path,
                                              const QString &entityType, qint64 entityId)
{
    QFile in(path);
    if (!in.open(QIODevice::ReadOnly))
        return core::makeError(ErrorCode::Internal, QStringLiteral("cannot read the upload: %1").arg(in.errorString()));
    const qint64 size = in.size();
    if (kind != Kind::Csv) {
        if (size > maxImageBytes)
            return core::makeError(ErrorCode::PayloadTooLarge, QStringLiteral("images may be at most %1 MiB").arg(maxImageBytes >> 20));
        auto stored = store(actor, kind, originalName, in.readAll(), entityType, entityId);
        if (stored)
            in.remove();
        return stored;
    }
    if (size == 0)
        return core::makeError(ErrorCode::ValidationFailed, QStringLiteral("the file is empty"), {{QStringLiteral("file"), QStringLiteral("empty")}});
    if (size > maxCsvBytes)
        return core::makeError(ErrorCode::PayloadTooLarge, QStringLiteral("CSV files may be at most %1 MiB").arg(maxCsvBytes >> 20));
    if (const QString sniffed = sniff(in.read(16)); !sniffed.isEmpty())
        return core::makeError(ErrorCode::ValidationFailed, QStringLiteral("this is a %1 file, not CSV: export the sheet as CSV first").arg(sniffed),
                               {{QStringLiteral("file"), QStringLiteral("not CSV")}});
    in.close();
    const QString dest = newPath(QStringLiteral("csv"));
    if (!QFile::rename(path, dest) && !(QFile::copy(path, dest) && QFile::remove(path)))
        return core::makeError(ErrorCode::Internal, QStringLiteral("cannot move the upload to %1").arg(dest));
    QFile::setPermissions(dest, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return record(actor, dest, originalName, QStringLiteral("text/csv"), entityType, entityId);
}

core::Result<StoredFile> FileStore::adopt(const Actor &actor, const QString &path, const QString &originalName, const QString &contentType,
                                          const QString &entityType, qint64 entityId)
{
    return record(actor, path, originalName, contentType, entityType, entityId);
}

core::Result<StoredFile> FileStore::record(const Actor &actor, const QString &path, const QString &originalName, const QString &contentType,
                                           const QString &entityType, qint64 entityId)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return core::makeError(ErrorCode::Internal, QStringLiteral("cannot read %1").arg(path));
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(&f);
    const QString relative = QDir(m_root).relativeFilePath(path);
    // Only the base name of what the client called it: never a path.
    QString name = QFileInfo(originalName).fileName().left(200);
    name.remove(QChar(u'"')).remove(u'\r').remove(u'\n');
    if (name.isEmpty())
        name = QFileInfo(path).fileName();
    auto row = m_db->selectOne(QStringLiteral("INSERT INTO files (filename, original_filename, file_type, file_size, sha256, storage_path, uploaded_by, "
                                              "entity_type, entity_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, %1) RETURNING id")
                                   .arg(m_db->timestampParam()),
                               {QFileInfo(path).fileName(), name, contentType, f.size(), QString::fromLatin1(hash.result().toHex()), relative,
                                actor.userId ? QVariant(*actor.userId) : QVariant(), entityType.isEmpty() ? QVariant() : QVariant(entityType),
                                entityId ? QVariant(entityId) : QVariant(), storage::Database::isoTimestamp(m_clock.now())});
    if (!row)
        return row.error();
    return get(row->value(0).toLongLong());
}

core::Result<StoredFile> FileStore::get(qint64 id)
{
    auto row = m_db->selectOne(QStringLiteral("SELECT id, original_filename, file_type, file_size, sha256, storage_path, uploaded_by, entity_type, "
                                              "entity_id FROM files WHERE id = ?"), {id});
    if (!row)
        return row.error().code == ErrorCode::NotFound ? core::makeError(ErrorCode::NotFound, QStringLiteral("file %1 does not exist").arg(id)) : row.error();
    const QString rootCanon = QFileInfo(m_root).canonicalFilePath();
    const QString canon = QFileInfo(QDir(m_root).filePath(row->value(5).toString())).canonicalFilePath();
    // A stored path that leaves the root (or a file that vanished) is never served.
    if (canon.isEmpty() || rootCanon.isEmpty() || !canon.startsWith(rootCanon + u'/'))
        return core::makeError(ErrorCode::NotFound, QStringLiteral("file %1 is no longer available").arg(id));
    StoredFile f;
    f.id = row->value(0).toLongLong();
    f.originalName = row->value(1).toString();
    f.contentType = row->value(2).toString();
    f.size = row->value(3).toLongLong();
    f.sha256 = row->value(4).toString();
    f.path = canon;
    if (!row->value(6).isNull())
        f.uploadedBy = row->value(6).toLongLong();
    f.entityType = row->value(7).toString();
    f.entityId = row->value(8).toLongLong();
    return f;
}

bool FileStore::mayRead(const Actor &actor, const StoredFile &file)
{
    if (actor.isAdmin || (actor.userId && file.uploadedBy == actor.userId))
        return true;
    // Every signed-in role sees leads, teammates' avatars and the inbox (attachments).
    return file.entityType == QLatin1String("lead") || file.entityType == QLatin1String("user") || file.entityType == QLatin1String("message");
}

} // namespace fliptech::leads
