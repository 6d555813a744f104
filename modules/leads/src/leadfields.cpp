#include "fliptech/leads/leadfields.h"

#include "fliptech/core/json.h"
#include "fliptech/storage/database.h"

#include <QDate>
#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>
#include <limits>

namespace fliptech::leads {

const QList<LeadField> &leadFields()
{
    using T = FieldType;
    static const QList<LeadField> fields = {
        {QStringLiteral("name"), T::Text, true, true, 300},
        {QStringLiteral("first_name"), T::Text, true, true, 150},
        {QStringLiteral("last_name"), T::Text, true, true, 150},
        {QStringLiteral("company"), T::Text, true, true, 300},
        {QStringLiteral("title"), T::Text, true, true, 200},
        {QStringLiteral("email"), T::Text, true, true, 254},
        {QStringLiteral("phone"), T::Text, true, true, 50},
        {QStringLiteral("website"), T::Text, true, true, 2000},
        {QStringLiteral("website_domain"), T::Text, false, true, 300},
        {QStringLiteral("address"), T::Text, true, false, 500},
        {QStringLiteral("city"), T::Text, true, true, 150},
        {QStringLiteral("region"), T::Text, true, true, 150},
        {QStringLiteral("postal_code"), T::Text, true, true, 20},
        {QStringLiteral("country"), T::Text, true, true, 100},
        {QStringLiteral("description"), T::Text, true, false, 20000},
        {QStringLiteral("category"), T::Text, true, true, 150},
        {QStringLiteral("source"), T::Text, true, true, 50},
        {QStringLiteral("source_url"), T::Text, true, false, 2000},
        {QStringLiteral("source_id"), T::Text, true, false, 200},
        {QStringLiteral("posted_at"), T::Timestamp, true, true, 0},
        {QStringLiteral("status"), T::Text, true, true, 50},
        {QStringLiteral("score"), T::Integer, true, true, 0},
        {QStringLiteral("qualification_score"), T::Integer, true, true, 0},
        {QStringLiteral("deal_value_cents"), T::Integer, true, true, 0},
        {QStringLiteral("deal_currency"), T::Text, true, false, 3},
        {QStringLiteral("deal_stage"), T::Text, true, true, 50},
        {QStringLiteral("revenue_amount_cents"), T::Integer, true, true, 0},
        {QStringLiteral("conversion_date"), T::Timestamp, true, true, 0},
        {QStringLiteral("expected_close_date"), T::Date, true, true, 0},
        {QStringLiteral("last_contacted_at"), T::Timestamp, true, true, 0},
        {QStringLiteral("contacted_count"), T::Integer, true, true, 0},
        {QStringLiteral("lead_source_metadata"), T::Json, true, false, 0},
        {QStringLiteral("enrichment_status"), T::Text, true, true, 50},
        {QStringLiteral("enriched_at"), T::Timestamp, true, true, 0},
        {QStringLiteral("website_analysis"), T::Json, true, false, 0},
        {QStringLiteral("email_status"), T::Text, true, true, 10},
        {QStringLiteral("email_checked_at"), T::Timestamp, true, true, 0},
        {QStringLiteral("email_verification"), T::Json, true, false, 0},
        {QStringLiteral("location_id"), T::Integer, true, false, 0},
        {QStringLiteral("assigned_to"), T::Integer, true, true, 0},
        {QStringLiteral("created_by"), T::Integer, false, false, 0},
        {QStringLiteral("deleted_at"), T::Timestamp, false, true, 0},
        {QStringLiteral("created_at"), T::Timestamp, false, true, 0},
        {QStringLiteral("updated_at"), T::Timestamp, false, true, 0},
    };
    return fields;
}

const LeadField *leadField(const QString &name)
{
    static const QHash<QString, const LeadField *> index = [] {
        QHash<QString, const LeadField *> h;
        for (const auto &f : leadFields())
            h.insert(f.name, &f);
        return h;
    }();
    return index.value(name);
}

QString leadSelectColumns(const storage::Database &db)
{
    QString cols = QStringLiteral("l.id");
    for (const auto &f : leadFields()) {
        cols += QStringLiteral(", l.") + f.name;
        if (db.isPostgres() && f.type == FieldType::Date)
            cols += QStringLiteral("::text");
    }
    return cols;
}

QJsonValue fieldToJson(const LeadField &f, const QVariant &value)
{
    if (value.isNull() || !value.isValid())
        return QJsonValue();
    switch (f.type) {
    case FieldType::Text:
        return value.toString();
    case FieldType::Integer:
        return value.toLongLong();
    case FieldType::Timestamp:
        return storage::Database::isoTimestamp(storage::Database::toDateTime(value));
    case FieldType::Date:
        return value.toString().left(10);
    case FieldType::Json: {
        const QByteArray text = value.toString().toUtf8();
        const QJsonDocument doc = QJsonDocument::fromJson(text);
        if (doc.isObject())
            return doc.object();
        if (doc.isArray())
            return doc.array();
        return QJsonValue();
    }
    }
    return QJsonValue();
}

namespace {
void appendJsonString(QByteArray &out, const QString &s)
{
    out += '"';
    const QByteArray u = s.toUtf8();
    for (char c : u) {
        const auto b = static_cast<unsigned char>(c);
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default:
            if (b < 0x20) {
                char esc[8];
                std::snprintf(esc, sizeof esc, "\\u%04x", b);
                out += esc;
            } else {
                out += c;
            }
        }
    }
    out += '"';
}

// A timestamp as "yyyy-MM-ddTHH:mm:ss.zzzZ" without QDateTime's locale-aware formatter (a list
// of 500 leads has 2,500 of them). SQLite hands back that very text, which is used as it is.
void appendTimestamp(QByteArray &out, const QVariant &v)
{
    if (v.typeId() == QMetaType::QString) {
        const QString s = v.toString();
        if (s.size() == 24 && s.at(10) == u'T' && s.endsWith(u'Z')) {
            out += '"';
            out += s.toLatin1();
            out += '"';
            return;
        }
    }
    const QDateTime t = storage::Database::toDateTime(v);
    if (!t.isValid()) {
        out += "null";
        return;
    }
    out += '"';
    storage::Database::appendIsoTimestamp(out, t);
    out += '"';
}

// ,"name": for every field, built once.
const QList<QByteArray> &fieldKeys()
{
    static const QList<QByteArray> keys = [] {
        QList<QByteArray> k;
        for (const auto &f : leadFields())
            k << ",\"" + f.name.toLatin1() + "\":";
        return k;
    }();
    return keys;
}
} // namespace

void appendLeadJson(QByteArray &out, const QVariantList &row, const QByteArray &tagsJson)
{
    out += "{\"id\":";
    out += QByteArray::number(row.value(0).toLongLong());
    const auto &fields = leadFields();
    const auto &keys = fieldKeys();
    for (qsizetype i = 0; i < fields.size(); ++i) {
        const LeadField &f = fields[i];
        out += keys[i];
        const QVariant &v = row.at(i + 1);
        if (v.isNull() || !v.isValid()) {
            out += "null";
            continue;
        }
        switch (f.type) {
        case FieldType::Text: appendJsonString(out, v.toString()); break;
        case FieldType::Integer: out += QByteArray::number(v.toLongLong()); break;
        case FieldType::Timestamp: appendTimestamp(out, v); break;
        case FieldType::Date: appendJsonString(out, v.toString().left(10)); break;
        case FieldType::Json: {
            // Stored by us as JSON (jsonb on PostgreSQL); anything else written behind our back
            // becomes null rather than a broken document.
            const QByteArray text = v.toString().toUtf8();
            const QJsonDocument doc = QJsonDocument::fromJson(text);
            out += doc.isNull() ? QByteArray("null") : doc.toJson(QJsonDocument::Compact);
            break;
        }
        }
    }
    out += ",\"tags\":";
    out += tagsJson.isEmpty() ? QByteArray("[]") : tagsJson;
    out += '}';
}

QString integerRangeError(const LeadField &f, qint64 value)
{
    struct Range {
        qint64 min;
        qint64 max;
    };
    constexpr qint64 int32Max = 2147483647;
    constexpr qint64 moneyMax = 9000000000000000; // cents: exact in a double, fits BIGINT
    static const QHash<QString, Range> ranges = {
        {QStringLiteral("score"), {0, 100}},
        {QStringLiteral("qualification_score"), {0, 100}},
        {QStringLiteral("contacted_count"), {0, int32Max}},
        {QStringLiteral("deal_value_cents"), {-moneyMax, moneyMax}},
        {QStringLiteral("revenue_amount_cents"), {-moneyMax, moneyMax}},
        {QStringLiteral("location_id"), {1, std::numeric_limits<qint64>::max()}},
        {QStringLiteral("assigned_to"), {1, std::numeric_limits<qint64>::max()}},
    };
    const Range r = ranges.value(f.name, Range{-int32Max - 1, int32Max});
    if (value < r.min || value > r.max)
        return QStringLiteral("must be between %1 and %2").arg(r.min).arg(r.max);
    return {};
}

QVariant fieldFromJson(const storage::Database &db, const LeadField &f, const QJsonValue &v, QString *error)
{
    if (v.isNull() || v.isUndefined())
        return QVariant();
    switch (f.type) {
    case FieldType::Text: {
        if (!v.isString() && !v.isDouble()) {
            *error = QStringLiteral("must be a string");
            return {};
        }
        const QString s = v.isString() ? v.toString().trimmed() : QString::number(v.toDouble(), 'g', 15);
        if (f.maxLength && s.size() > f.maxLength) {
            *error = QStringLiteral("must be at most %1 characters").arg(f.maxLength);
            return {};
        }
        return s.isEmpty() ? QVariant() : QVariant(s);
    }
    case FieldType::Integer: {
        const double d = v.toDouble();
        if (!v.isDouble() || d != double(qint64(d)) || std::abs(d) > 9.0e15) {
            *error = QStringLiteral("must be a whole number");
            return {};
        }
        if (QString range = integerRangeError(f, qint64(d)); !range.isEmpty()) {
            *error = range;
            return {};
        }
        return qint64(d);
    }
    case FieldType::Timestamp: {
        const QDateTime t = QDateTime::fromString(v.toString(), Qt::ISODateWithMs);
        if (!v.isString() || !t.isValid()) {
            *error = QStringLiteral("must be a date-time such as 2026-01-31T09:30:00Z");
            return {};
        }
        return db.timestamp(t.toUTC());
    }
    case FieldType::Date: {
        const QDate d = QDate::fromString(v.toString().left(10), Qt::ISODate);
        if (!v.isString() || !d.isValid()) {
            *error = QStringLiteral("must be a date such as 2026-01-31");
            return {};
        }
        return d.toString(Qt::ISODate);
    }
    case FieldType::Json:
        if (v.isObject())
            return QString::fromUtf8(core::json::compact(v.toObject()));
        if (v.isArray())
            return QString::fromUtf8(core::json::compact(v.toArray()));
        *error = QStringLiteral("must be a JSON object or array");
        return {};
    }
    return {};
}

QString fieldPlaceholder(const storage::Database &db, const LeadField &f)
{
    if (!db.isPostgres())
        return QStringLiteral("?");
    switch (f.type) {
    case FieldType::Json: return QStringLiteral("?::jsonb");
    case FieldType::Timestamp: return QStringLiteral("?::timestamptz");
    case FieldType::Date: return QStringLiteral("?::date");
    case FieldType::Integer: return QStringLiteral("?::bigint");
    case FieldType::Text: return QStringLiteral("?::text");
    }
    return QStringLiteral("?");
}

} // namespace fliptech::leads
