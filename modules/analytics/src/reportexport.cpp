#include "fliptech/analytics/reportexport.h"

#include "fliptech/leads/csvreader.h"
#include "fliptech/leads/filestore.h"
#include "fliptech/leads/leadjobs.h"
#include "fliptech/storage/database.h"
#include "fliptech/storage/jobqueue.h"
#include "fliptech/storage/workerpool.h"

#include <QBuffer>
#include <QFile>
#include <QGuiApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>
#include <QPdfWriter>
#include <QSaveFile>

#include <algorithm>
#include <cmath>

namespace fliptech::analytics {

using core::ErrorCode;

namespace {
const QStringList kQueryFields{QStringLiteral("from"),        QStringLiteral("to"),     QStringLiteral("tz"),     QStringLiteral("source"),
                               QStringLiteral("campaign_id"), QStringLiteral("location_group_id"), QStringLiteral("user_id")};

// "$1,234.56": grouped for reading, from integers.
QString dollars(qint64 cents)
{
    const qint64 whole = qAbs(cents) / 100, part = qAbs(cents) % 100;
    return (cents < 0 ? QStringLiteral("-$") : QStringLiteral("$")) + QLocale(QLocale::English, QLocale::UnitedStates).toString(whole) + u'.' +
           QStringLiteral("%1").arg(part, 2, 10, QLatin1Char('0'));
}

QString asPercent(const QJsonValue &v, double scale = 1.0)
{
    return v.isNull() || v.isUndefined() ? QStringLiteral("—") : QString::number(v.toDouble() * scale, 'f', 1) + u'%';
}

QString cell(const QJsonValue &v)
{
    if (v.isNull() || v.isUndefined())
        return {};
    if (v.isDouble()) {
        const double d = v.toDouble();
        return d == std::floor(d) && std::abs(d) < 9e15 ? QString::number(qint64(d)) : QString::number(d, 'g', 12);
    }
    if (v.isBool())
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    return v.toString();
}

// One CSV section: its title line, the header, a line per item (the given keys), a blank line.
void section(QByteArray &out, const QString &title, const QJsonArray &items, const QStringList &keys)
{
    out += leads::csvLine({title});
    out += leads::csvLine(keys);
    for (const QJsonValue &v : items) {
        QStringList row;
        for (const QString &k : keys)
            row << cell(v.toObject().value(k));
        out += leads::csvLine(row);
    }
    out += "\r\n";
}

QString filtersText(const Query &q)
{
    QStringList parts;
    if (!q.source.isEmpty())
        parts << QStringLiteral("source %1").arg(q.source);
    if (q.campaignId)
        parts << QStringLiteral("campaign %1").arg(*q.campaignId);
    if (q.locationGroupId)
        parts << QStringLiteral("location group %1").arg(*q.locationGroupId);
    if (q.userId)
        parts << QStringLiteral("salesperson %1").arg(*q.userId);
    return parts.isEmpty() ? QStringLiteral("all leads") : parts.join(QStringLiteral(", "));
}

QString periodText(const Query &q)
{
    const QDateTime from = q.from.toTimeZone(q.zone), to = q.to.toTimeZone(q.zone);
    const QDate last = to.time() == QTime(0, 0) ? to.date().addDays(-1) : to.date();
    return QStringLiteral("%1 to %2 (%3)").arg(from.date().toString(Qt::ISODate), last.toString(Qt::ISODate), QString::fromUtf8(q.zone.id()));
}

// ---- the PDF's drawing -------------------------------------------------------------------

const QColor kInk(0x1f, 0x29, 0x37), kMuted(0x6b, 0x72, 0x80), kAccent(0x25, 0x63, 0xeb), kGrid(0xe5, 0xe7, 0xeb);

void setFont(QPainter &p, double size, bool bold = false)
{
    QFont f = p.font();
    f.setPointSizeF(size);
    f.setBold(bold);
    p.setFont(f);
}

// A round top for an axis: 1, 2 or 5 times a power of ten, at least `v`.
double niceCeiling(double v)
{
    if (v <= 0)
        return 1;
    const double p = std::pow(10.0, std::floor(std::log10(v)));
    for (double m : {1.0, 2.0, 5.0, 10.0})
        if (m * p >= v)
            return m * p;
    return 10 * p;
}

double titleOf(QPainter &p, const QRectF &r, const QString &title)
{
    setFont(p, 11, true);
    p.setPen(kInk);
    p.drawText(QRectF(r.left(), r.top(), r.width(), 16), Qt::AlignLeft | Qt::AlignVCenter, title);
    return r.top() + 22;
}

void lineChart(QPainter &p, const QRectF &r, const QString &title, const QList<QPair<QString, qint64>> &points)
{
    const double top = titleOf(p, r, title);
    const QRectF plot(r.left() + 60, top, r.width() - 70, r.bottom() - top - 18);
    qint64 maxValue = 0;
    for (const auto &pt : points)
        maxValue = std::max(maxValue, pt.second);
    const double ceiling = niceCeiling(double(maxValue));
    setFont(p, 7);
    for (int i = 0; i <= 4; ++i) {
        const double y = plot.bottom() - plot.height() * i / 4;
        p.setPen(kGrid);
        p.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y));
        p.setPen(kMuted);
        p.drawText(QRectF(r.left(), y - 6, 56, 12), Qt::AlignRight | Qt::AlignVCenter, dollars(qint64(ceiling * i / 4)));
    }
    if (points.isEmpty())
        return;
    QPainterPath path;
    for (qsizetype i = 0; i < points.size(); ++i) {
        const double x = points.size() == 1 ? plot.center().x() : plot.left() + plot.width() * double(i) / double(points.size() - 1);
        const double y = plot.bottom() - plot.height() * double(points.at(i).second) / ceiling;
        i == 0 ? path.moveTo(x, y) : path.lineTo(x, y);
    }
    p.setPen(QPen(kAccent, 1.6));
    p.setBrush(Qt::NoBrush);
    p.drawPath(path);
    p.setPen(kMuted);
    for (qsizetype i : {qsizetype(0), points.size() / 2, points.size() - 1}) {
        const double x = points.size() == 1 ? plot.center().x() : plot.left() + plot.width() * double(i) / double(points.size() - 1);
        p.drawText(QRectF(x - 40, plot.bottom() + 3, 80, 12), Qt::AlignHCenter | Qt::AlignTop, points.at(i).first);
    }
}

void barChart(QPainter &p, const QRectF &r, const QString &title, const QList<QPair<QString, qint64>> &bars, const std::function<QString(qint64)> &label)
{
    double y = titleOf(p, r, title);
    qint64 maxValue = 1;
    for (const auto &b : bars)
        maxValue = std::max(maxValue, b.second);
    setFont(p, 8);
    if (bars.isEmpty()) {
        p.setPen(kMuted);
        p.drawText(QRectF(r.left(), y, r.width(), 14), Qt::AlignLeft, QObject::tr("Nothing in this period"));
        return;
    }
    const double rowHeight = std::min(18.0, (r.bottom() - y) / double(bars.size()));
    const double labelWidth = 110, valueWidth = 80;
    const double barSpace = r.width() - labelWidth - valueWidth - 10;
    for (const auto &[name, value] : bars) {
        if (y + rowHeight > r.bottom() + 0.5)
            break;
        p.setPen(kInk);
        p.drawText(QRectF(r.left(), y, labelWidth - 6, rowHeight), Qt::AlignRight | Qt::AlignVCenter, p.fontMetrics().elidedText(name, Qt::ElideRight, int(labelWidth - 6)));
        const double w = barSpace * double(std::max<qint64>(0, value)) / double(maxValue);
        p.fillRect(QRectF(r.left() + labelWidth, y + rowHeight * 0.2, std::max(w, 1.0), rowHeight * 0.6), kAccent);
        p.setPen(kMuted);
        p.drawText(QRectF(r.left() + labelWidth + w + 4, y, valueWidth, rowHeight), Qt::AlignLeft | Qt::AlignVCenter, label(value));
        y += rowHeight;
    }
}

void table(QPainter &p, const QRectF &r, const QString &title, const QStringList &headers, const QList<QStringList> &rows)
{
    double y = titleOf(p, r, title);
    const double first = r.width() * 0.34, rest = (r.width() - first) / std::max<qsizetype>(1, headers.size() - 1);
    auto columnRect = [&](qsizetype c, double top) {
        return c == 0 ? QRectF(r.left(), top, first, 14) : QRectF(r.left() + first + rest * double(c - 1), top, rest - 4, 14);
    };
    setFont(p, 8, true);
    p.setPen(kMuted);
    for (qsizetype c = 0; c < headers.size(); ++c)
        p.drawText(columnRect(c, y), (c == 0 ? Qt::AlignLeft : Qt::AlignRight) | Qt::AlignVCenter, headers.at(c));
    y += 16;
    setFont(p, 8);
    p.setPen(kInk);
    if (rows.isEmpty()) {
        p.setPen(kMuted);
        p.drawText(QRectF(r.left(), y, r.width(), 14), Qt::AlignLeft, QObject::tr("Nothing in this period"));
    }
    for (const QStringList &row : rows) {
        if (y + 14 > r.bottom())
            break;
        p.setPen(kGrid);
        p.drawLine(QPointF(r.left(), y - 1), QPointF(r.right(), y - 1));
        p.setPen(kInk);
        for (qsizetype c = 0; c < row.size() && c < headers.size(); ++c)
            p.drawText(columnRect(c, y), (c == 0 ? Qt::AlignLeft : Qt::AlignRight) | Qt::AlignVCenter,
                       c == 0 ? p.fontMetrics().elidedText(row.at(c), Qt::ElideRight, int(first - 4)) : row.at(c));
        y += 15;
    }
}
} // namespace

ReportExport::ReportExport(RevenueService &revenue, leads::FileStore &files, storage::JobQueue *jobs, const core::Clock &clock)
    : m_revenue(revenue), m_files(files), m_jobs(jobs), m_clock(clock)
{
}

core::Result<Query> ReportExport::queryOf(const QJsonObject &request) const
{
    QHash<QString, QString> params;
    for (auto it = request.begin(); it != request.end(); ++it) {
        if (it.key() == QLatin1String("format") || it.key() == QLatin1String("bucket"))
            continue;
        if (!kQueryFields.contains(it.key()))
            return core::fieldError(it.key(), QStringLiteral("is not a field of a report (format, bucket, %1)").arg(kQueryFields.join(QStringLiteral(", "))));
        const QJsonValue v = it.value();
        if (v.isString())
            params.insert(it.key(), v.toString());
        else if (v.isDouble() && v.toDouble() == double(v.toInteger()))
            params.insert(it.key(), QString::number(v.toInteger()));
        else if (!v.isNull())
            return core::fieldError(it.key(), QStringLiteral("must be text or a whole number"));
    }
    const QString bucket = request.value(QStringLiteral("bucket")).toString();
    if (request.contains(QStringLiteral("bucket")) && bucket != QLatin1String("day") && bucket != QLatin1String("week") && bucket != QLatin1String("month"))
        return core::fieldError(QStringLiteral("bucket"), QStringLiteral("must be day, week or month"));
    return Query::parse(params, m_clock.now());
}

core::Result<ReportExport::Figures> ReportExport::figures(const QJsonObject &request)
{
    auto q = queryOf(request);
    if (!q)
        return q.error();
    Figures f;
    f.query = *q;
    f.bucket = request.value(QStringLiteral("bucket")).toString();
    if (f.bucket.isEmpty()) {
        const qint64 days = q->from.daysTo(q->to);
        f.bucket = days <= 62 ? QStringLiteral("day") : days <= 370 ? QStringLiteral("week") : QStringLiteral("month");
    }
    auto take = [](core::Result<QJsonObject> r, QJsonObject *into) -> core::Status {
        if (!r)
            return r.error();
        *into = *r;
        return {};
    };
    for (auto status : {take(m_revenue.dashboard(*q), &f.dashboard), take(m_revenue.trends(*q, f.bucket), &f.trends), take(m_revenue.bySource(*q), &f.sources),
                        take(m_revenue.costBreakdown(*q, QStringLiteral("cost_type"), {}), &f.costs), take(m_revenue.leadFunnel(*q), &f.funnel),
                        take(m_revenue.templatePerformance(*q), &f.templates), take(m_revenue.roi(*q, QStringLiteral("location")), &f.locations)})
        if (!status)
            return status.error();
    return f;
}

QByteArray ReportExport::toCsv(const Figures &f)
{
    QByteArray out;
    out += leads::csvLine({QStringLiteral("FlipTech Pro analytics report")});
    out += leads::csvLine({QStringLiteral("Period"), periodText(f.query)});
    out += leads::csvLine({QStringLiteral("Filters"), filtersText(f.query)});
    out += leads::csvLine({QStringLiteral("Money"), QStringLiteral("integer cents, USD")});
    out += "\r\n";
    QJsonArray summary;
    for (const char *key : {"revenue_cents", "conversions", "change_percent", "average_deal_cents", "leads_created", "leads_converted", "conversion_rate",
                            "open_deals", "pipeline_value_cents", "weighted_pipeline_cents", "spend_cents", "profit_cents", "roi_percent"})
        summary.append(QJsonObject{{QStringLiteral("metric"), QLatin1String(key)}, {QStringLiteral("value"), f.dashboard.value(QLatin1String(key))}});
    section(out, QStringLiteral("Summary"), summary, {QStringLiteral("metric"), QStringLiteral("value")});
    section(out, QStringLiteral("Revenue by %1").arg(f.bucket), f.trends.value(QStringLiteral("items")).toArray(),
            {QStringLiteral("label"), QStringLiteral("start"), QStringLiteral("end"), QStringLiteral("revenue_cents"), QStringLiteral("conversions")});
    section(out, QStringLiteral("Revenue by source"), f.sources.value(QStringLiteral("items")).toArray(),
            {QStringLiteral("source"), QStringLiteral("revenue_cents"), QStringLiteral("conversions"), QStringLiteral("leads"), QStringLiteral("cost_cents"),
             QStringLiteral("roi_percent")});
    section(out, QStringLiteral("Costs by type"), f.costs.value(QStringLiteral("items")).toArray(),
            {QStringLiteral("key"), QStringLiteral("cost_cents"), QStringLiteral("count")});
    section(out, QStringLiteral("Lead funnel"), f.funnel.value(QStringLiteral("stages")).toArray(),
            {QStringLiteral("stage"), QStringLiteral("leads"), QStringLiteral("rate_from_previous"), QStringLiteral("rate_from_start"),
             QStringLiteral("median_hours_from_previous")});
    section(out, QStringLiteral("Templates"), f.templates.value(QStringLiteral("items")).toArray(),
            {QStringLiteral("name"), QStringLiteral("sent"), QStringLiteral("opened"), QStringLiteral("clicked"), QStringLiteral("replied"), QStringLiteral("bounced"),
             QStringLiteral("open_rate"), QStringLiteral("reply_rate"), QStringLiteral("leads_converted")});
    section(out, QStringLiteral("Locations"), f.locations.value(QStringLiteral("items")).toArray(),
            {QStringLiteral("key"), QStringLiteral("leads"), QStringLiteral("conversions"), QStringLiteral("revenue_cents"), QStringLiteral("cost_cents"),
             QStringLiteral("roi_percent")});
    return out;
}

QByteArray ReportExport::toJson(const Figures &f)
{
    const QJsonObject o{{QStringLiteral("report"), QStringLiteral("FlipTech Pro analytics")},
                        {QStringLiteral("period"), f.query.periodJson()},
                        {QStringLiteral("currency"), QStringLiteral("USD")},
                        {QStringLiteral("dashboard"), f.dashboard},
                        {QStringLiteral("trends"), f.trends},
                        {QStringLiteral("by_source"), f.sources},
                        {QStringLiteral("costs_by_type"), f.costs},
                        {QStringLiteral("lead_funnel"), f.funnel},
                        {QStringLiteral("templates"), f.templates},
                        {QStringLiteral("locations"), f.locations}};
    return QJsonDocument(o).toJson(QJsonDocument::Indented);
}

core::Result<QByteArray> ReportExport::toPdf(const Figures &f, const QDateTime &generatedAt)
{
    if (!qobject_cast<QGuiApplication *>(QCoreApplication::instance()))
        return core::makeError(ErrorCode::Unavailable, QStringLiteral("PDF reports need the graphical platform (fonts): the desktop has it; a headless server "
                                                                      "starts it offscreen unless QT_QPA_PLATFORM says otherwise"));
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QPdfWriter writer(&buffer);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setResolution(72);
    writer.setPageMargins(QMarginsF(0, 0, 0, 0));
    writer.setTitle(QStringLiteral("FlipTech Pro analytics report"));
    writer.setCreator(QStringLiteral("FlipTech Pro"));
    QPainter p(&writer);
    if (!p.isActive())
        return core::makeError(ErrorCode::Internal, QStringLiteral("the PDF could not be started"));
    p.setRenderHint(QPainter::Antialiasing);
    const double margin = 40, width = 595 - 2 * margin;

    // Page 1: the title, the KPI cards, revenue over time, revenue by source.
    setFont(p, 18, true);
    p.setPen(kInk);
    p.drawText(QRectF(margin, margin, width, 26), Qt::AlignLeft | Qt::AlignVCenter, QStringLiteral("Analytics report"));
    setFont(p, 9);
    p.setPen(kMuted);
    p.drawText(QRectF(margin, margin + 28, width, 14), Qt::AlignLeft | Qt::AlignVCenter,
               QStringLiteral("%1 · %2 · generated %3 UTC").arg(periodText(f.query), filtersText(f.query), generatedAt.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm"))));
    const QJsonObject &d = f.dashboard;
    const QList<QPair<QString, QString>> cards{
        {QStringLiteral("Revenue"), dollars(d.value(QStringLiteral("revenue_cents")).toInteger())},
        {QStringLiteral("Change"), asPercent(d.value(QStringLiteral("change_percent")))},
        {QStringLiteral("Conversions"), QString::number(d.value(QStringLiteral("conversions")).toInteger())},
        {QStringLiteral("Conversion rate"), asPercent(d.value(QStringLiteral("conversion_rate")), 100.0)},
        {QStringLiteral("Weighted pipeline"), dollars(d.value(QStringLiteral("weighted_pipeline_cents")).toInteger())},
        {QStringLiteral("Spend"), dollars(d.value(QStringLiteral("spend_cents")).toInteger())},
        {QStringLiteral("ROI"), asPercent(d.value(QStringLiteral("roi_percent")))},
        {QStringLiteral("New leads"), QString::number(d.value(QStringLiteral("leads_created")).toInteger())},
    };
    const double cardTop = margin + 56, cardW = (width - 3 * 8) / 4, cardH = 48;
    for (qsizetype i = 0; i < cards.size(); ++i) {
        const QRectF c(margin + double(i % 4) * (cardW + 8), cardTop + double(i / 4) * (cardH + 8), cardW, cardH);
        p.setPen(kGrid);
        p.setBrush(QColor(0xf9, 0xfa, 0xfb));
        p.drawRoundedRect(c, 4, 4);
        setFont(p, 8);
        p.setPen(kMuted);
        p.drawText(c.adjusted(8, 6, -8, 0), Qt::AlignLeft | Qt::AlignTop, cards.at(i).first);
        setFont(p, 13, true);
        p.setPen(kInk);
        p.drawText(c.adjusted(8, 0, -8, -6), Qt::AlignLeft | Qt::AlignBottom, cards.at(i).second);
    }
    p.setBrush(Qt::NoBrush);
    QList<QPair<QString, qint64>> trend;
    for (const QJsonValue &v : f.trends.value(QStringLiteral("items")).toArray())
        trend.append({v.toObject().value(QStringLiteral("label")).toString(), v.toObject().value(QStringLiteral("revenue_cents")).toInteger()});
    const double chartTop = cardTop + 2 * (cardH + 8) + 12;
    lineChart(p, QRectF(margin, chartTop, width, 230), QStringLiteral("Revenue by %1").arg(f.bucket), trend);
    QList<QPair<QString, qint64>> sources;
    for (const QJsonValue &v : f.sources.value(QStringLiteral("items")).toArray())
        if (sources.size() < 12)
            sources.append({v.toObject().value(QStringLiteral("source")).toString(), v.toObject().value(QStringLiteral("revenue_cents")).toInteger()});
    barChart(p, QRectF(margin, chartTop + 250, width, 842 - margin - (chartTop + 250)), QStringLiteral("Revenue by source"), sources, dollars);

    // Page 2: the funnel, costs by type, templates, locations.
    writer.newPage();
    QList<QPair<QString, qint64>> funnel;
    for (const QJsonValue &v : f.funnel.value(QStringLiteral("stages")).toArray())
        funnel.append({v.toObject().value(QStringLiteral("stage")).toString(), v.toObject().value(QStringLiteral("leads")).toInteger()});
    barChart(p, QRectF(margin, margin, width, 140), QStringLiteral("Lead funnel (leads that came in during the period)"), funnel,
             [](qint64 n) { return QLocale::c().toString(n); });
    QList<QPair<QString, qint64>> costs;
    for (const QJsonValue &v : f.costs.value(QStringLiteral("items")).toArray())
        if (costs.size() < 10)
            costs.append({v.toObject().value(QStringLiteral("key")).toString(), v.toObject().value(QStringLiteral("cost_cents")).toInteger()});
    barChart(p, QRectF(margin, margin + 160, width, 150), QStringLiteral("Costs by type"), costs, dollars);
    QList<QStringList> templateRows;
    for (const QJsonValue &v : f.templates.value(QStringLiteral("items")).toArray()) {
        const QJsonObject o = v.toObject();
        templateRows.append({o.value(QStringLiteral("name")).toString(), QString::number(o.value(QStringLiteral("sent")).toInteger()),
                             asPercent(o.value(QStringLiteral("open_rate")), 100.0), asPercent(o.value(QStringLiteral("reply_rate")), 100.0),
                             QString::number(o.value(QStringLiteral("leads_converted")).toInteger())});
    }
    table(p, QRectF(margin, margin + 330, width, 200), QStringLiteral("Templates"), {QStringLiteral("Template"), QStringLiteral("Sent"), QStringLiteral("Opened"),
                                                                                      QStringLiteral("Replied"), QStringLiteral("Converted")},
          templateRows);
    QList<QStringList> locationRows;
    for (const QJsonValue &v : f.locations.value(QStringLiteral("items")).toArray()) {
        const QJsonObject o = v.toObject();
        locationRows.append({o.value(QStringLiteral("key")).toString(), QString::number(o.value(QStringLiteral("leads")).toInteger()),
                             dollars(o.value(QStringLiteral("revenue_cents")).toInteger()), dollars(o.value(QStringLiteral("cost_cents")).toInteger()),
                             asPercent(o.value(QStringLiteral("roi_percent")))});
    }
    table(p, QRectF(margin, margin + 550, width, 842 - 2 * margin - 550), QStringLiteral("Locations"),
          {QStringLiteral("Location"), QStringLiteral("Leads"), QStringLiteral("Revenue"), QStringLiteral("Cost"), QStringLiteral("ROI")}, locationRows);
    p.end();
    return bytes;
}

namespace {
QString contentTypeOf(const QString &format)
{
    if (format == QLatin1String("csv"))
        return QStringLiteral("text/csv");
    if (format == QLatin1String("json"))
        return QStringLiteral("application/json");
    if (format == QLatin1String("pdf"))
        return QStringLiteral("application/pdf");
    return {};
}
core::Error badFormat() { return core::fieldError(QStringLiteral("format"), QStringLiteral("must be csv, json or pdf")); }
} // namespace

core::Status ReportExport::check(const QJsonObject &request) const
{
    if (contentTypeOf(request.value(QStringLiteral("format")).toString()).isEmpty())
        return badFormat();
    if (auto q = queryOf(request); !q)
        return q.error();
    return {};
}

core::Result<QJsonObject> ReportExport::enqueue(const leads::Actor &actor, const QJsonObject &request)
{
    const QString format = request.value(QStringLiteral("format")).toString();
    if (contentTypeOf(format).isEmpty())
        return badFormat();
    // The period and filters checked now, so a mistake is said at once, not in a failed job.
    auto q = queryOf(request);
    if (!q)
        return q.error();
    // The period as it was meant when asked (a default "last 30 days" does not move while queued).
    QJsonObject checked = request;
    checked.insert(QStringLiteral("from"), storage::Database::isoTimestamp(q->from));
    checked.insert(QStringLiteral("to"), storage::Database::isoTimestamp(q->to));
    checked.insert(QStringLiteral("tz"), QString::fromUtf8(q->zone.id()));
    if (!m_jobs)
        return core::makeError(ErrorCode::Unavailable, QStringLiteral("no job queue"));
    storage::JobSpec spec(jobType, {{QStringLiteral("request"), checked}, {QStringLiteral("actor"), leads::LeadJobs::actorToJson(actor)}});
    spec.queue = QStringLiteral("analytics");
    spec.maxAttempts = 2;
    spec.createdBy = actor.userId;
    auto id = m_jobs->enqueue(spec);
    if (!id)
        return id.error();
    return QJsonObject{{QStringLiteral("job_id"), *id}, {QStringLiteral("format"), format}, {QStringLiteral("status_url"), QStringLiteral("/api/v1/jobs/%1").arg(*id)}};
}

core::Result<Query> ReportExport::write(const QJsonObject &request, const QString &path)
{
    const QString format = request.value(QStringLiteral("format")).toString();
    if (contentTypeOf(format).isEmpty())
        return badFormat();
    auto f = figures(request);
    if (!f)
        return f.error();
    QByteArray bytes;
    if (format == QLatin1String("pdf")) {
        auto pdf = toPdf(*f, m_clock.now());
        if (!pdf)
            return pdf.error();
        bytes = *pdf;
    } else {
        bytes = format == QLatin1String("csv") ? toCsv(*f) : toJson(*f);
    }
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly) || out.write(bytes) != bytes.size() || !out.commit())
        return core::makeError(ErrorCode::Internal, QStringLiteral("the report could not be written to %1: %2").arg(path, out.errorString()));
    return f->query;
}

core::Result<QJsonObject> ReportExport::run(const leads::Actor &actor, const QJsonObject &request, const std::function<void(int)> &progress)
{
    const QString format = request.value(QStringLiteral("format")).toString();
    if (contentTypeOf(format).isEmpty())
        return badFormat();
    const QString path = m_files.newPath(format);
    auto q = write(request, path);
    if (!q)
        return q.error();
    if (progress)
        progress(85);
    const QString name = QStringLiteral("fliptech-analytics-%1-%2.%3")
                             .arg(q->from.toTimeZone(q->zone).date().toString(Qt::ISODate), q->to.toTimeZone(q->zone).date().toString(Qt::ISODate), format);
    auto file = m_files.adopt(actor, path, name, contentTypeOf(format));
    if (!file) {
        QFile::remove(path);
        return file.error();
    }
    QJsonObject fileJson = file->toJson();
    fileJson.insert(QStringLiteral("download_url"), QStringLiteral("/api/v1/files/%1/download").arg(file->id));
    if (progress)
        progress(100);
    return QJsonObject{{QStringLiteral("file"), fileJson}, {QStringLiteral("format"), format}, {QStringLiteral("period"), q->periodJson()}};
}

void ReportExport::registerHandlers(storage::WorkerPool &pool)
{
    pool.registerHandler(jobType, [this](storage::JobContext &ctx) -> storage::JobOutcome {
        const leads::Actor actor = leads::LeadJobs::actorFromJson(ctx.payload().value(QStringLiteral("actor")).toObject());
        auto done = run(actor, ctx.payload().value(QStringLiteral("request")).toObject(), [&ctx](int percent) { ctx.setProgress(percent); });
        if (!done)
            return done.error().code == ErrorCode::Unavailable || done.error().code == ErrorCode::DatabaseError ? storage::JobOutcome::failed(done.error().message)
                                                                                                               : storage::JobOutcome::failedPermanently(done.error().message);
        return storage::JobOutcome::done(*done);
    });
}

} // namespace fliptech::analytics
