#pragma once
// The fields of a lead that the API, the desktop, filters, sorting, import and export may name.
// User-chosen field names map through this whitelist, never into SQL directly.

#include <QJsonValue>
#include <QList>
#include <QString>
#include <QVariant>

namespace fliptech::storage {
class Database;
}

namespace fliptech::leads {

enum class FieldType { Text, Integer, Timestamp, Date, Json };

struct LeadField {
    QString name;
    FieldType type;
    bool writable;  // accepted in create/update/import
    bool sortable;
    int maxLength;  // text fields
};

const QList<LeadField> &leadFields();
const LeadField *leadField(const QString &name);
// Column list for SELECT (qualified with alias "l."), in leadFields() order, after "id".
QString leadSelectColumns(const storage::Database &db);
// JSON value of a column as read from the database.
QJsonValue fieldToJson(const LeadField &f, const QVariant &value);
// Appends a lead row (id, then leadFields() order, as read with leadSelectColumns()) as a JSON
// object to `out`, with `tagsJson` (a JSON array) as its "tags". The same document rowToJson
// gives, written straight to bytes: lists of 500 leads do not build 20,000 QJsonValues.
void appendLeadJson(QByteArray &out, const QVariantList &row, const QByteArray &tagsJson);
// Bind value of a JSON value for a column; error text when the type is wrong.
// Why an integer is out of its field's range ("must be between 0 and 100"), or empty. Checked
// for every way in (API, desktop, import), so both backends store the same values.
QString integerRangeError(const LeadField &f, qint64 value);
QVariant fieldFromJson(const storage::Database &db, const LeadField &f, const QJsonValue &value, QString *error);
// The placeholder for a writable field ("?", "?::jsonb", "?::timestamptz", "?::date").
QString fieldPlaceholder(const storage::Database &db, const LeadField &f);

} // namespace fliptech::leads
