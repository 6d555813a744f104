#pragma once
// What the campaign service and its send job share (private to the module): a campaign's row as
// JSON, its steps, its audience as SQL, its schedule.

#include "fliptech/campaigns/sendplanner.h"
#include "fliptech/core/error.h"
#include "fliptech/leads/leadfilter.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QVariantList>

#include <optional>

namespace fliptech::storage {
class Database;
class Row;
} // namespace fliptech::storage

namespace fliptech::campaigns::sql {

QString campaignColumns();
QJsonObject campaignFromRow(const storage::Row &row);

struct VariantSpec {
    QString label;
    qint64 templateId = 0;
    QString templateName;
};

struct StepSpec {
    int order = 0;     // from 0
    int delayDays = 0; // sending days after the previous step (the first: after the start)
    QList<VariantSpec> variants;
    QString abMetric;  // open_rate | reply_rate (empty: no automatic winner)
    int abSampleSize = 0;
    QString winner;    // a variant's label once chosen

    QJsonObject toJson() const;
    static core::Result<QList<StepSpec>> listFromJson(storage::Database &db, const QJsonValue &json);
};

core::Result<QList<StepSpec>> loadSteps(storage::Database &db, qint64 campaignId);
core::Status saveSteps(storage::Database &db, qint64 campaignId, const QList<StepSpec> &steps);

struct Schedule {
    QDateTime startAt;         // invalid: at launch
    SendWindow window;
    QString zone = QStringLiteral("recipient"); // recipient | account | an IANA zone

    static core::Result<Schedule> fromJson(const QJsonValue &json);
    QJsonObject toJson() const;
    // The zone a recipient's window is read in.
    QTimeZone zoneFor(const QString &locationZone, const QString &region, const QString &country, const QTimeZone &accountZone) const;
};

class Audience final
{
public:
    static core::Result<Audience> fromJson(storage::Database &db, const QJsonValue &json);

    // {matched, excluded, without_email, suppressed, duplicates, recipients}; `quick`: matched only.
    core::Result<QJsonObject> count(storage::Database &db, qint64 campaignId, const QDateTime &now, bool quick = false) const;
    // A few of the leads launch would take: id, email, location zone, region, country.
    core::Result<QList<storage::Row>> sample(storage::Database &db, qint64 campaignId, const QDateTime &now, int n) const;
    // The recipients written (one per address): how many.
    core::Result<qint64> materialise(storage::Database &db, qint64 campaignId, const QDateTime &firstSend) const;
    // One lead joins the campaign later (due at `due`), as launch would have taken it but for the
    // audience filter: its recipient id, or nothing when it does not qualify or is in already.
    core::Result<std::optional<qint64>> admit(storage::Database &db, qint64 campaignId, qint64 leadId, const QDateTime &due, const QDateTime &now) const;

private:
    struct Sql {
        QString where;
        QVariantList params;
    };
    Sql base() const;
    Sql exclusions(storage::Database &db, qint64 campaignId, const QDateTime &now) const;

    leads::LeadFilter m_filter;
    std::optional<leads::LeadFilter> m_exclude;
    int m_contactedWithinDays = 0;
    bool m_inOtherCampaigns = false;
    const storage::Database *m_db = nullptr;
};

// A message's first open or click counted on its template's performance (an open also moves the
// template's average time from send to open).
core::Status countTemplateEvent(storage::Database &db, qint64 messageRowId, bool open, const QDateTime &now);

// An address that can receive mail, and not suppressed: SQL on the leads "l".
QString deliverableSql();

} // namespace fliptech::campaigns::sql
