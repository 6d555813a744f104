#include "fliptech/leads/leadexporter.h"

#include "fliptech/core/json.h"
#include "fliptech/leads/csvreader.h"
#include "fliptech/leads/leadfields.h"
#include "fliptech/leads/leadservice.h"

#include <QJsonArray>

namespace fliptech::leads {

using core::ErrorCode;

core::Result<LeadExporter::Format> LeadExporter::formatFromName(const QString &name)
{
    if (name.isEmpty() || name == QLatin1String("csv"))
        return Format::Csv;
    if (name == QLatin1String("json"))
        return Format::Json;
    return core::makeError(ErrorCode::ValidationFailed, QStringLiteral("format must be csv or json"), {{QStringLiteral("format"), QStringLiteral("csv or json")}});
}

QStringList LeadExporter::defaultColumns()
{
    QStringList c{QStringLiteral("id")};
    for (const auto &f : leadFields())
        if (f.type != FieldType::Json)
            c << f.name;
    c << QStringLiteral("tags");
    return c;
}

core::Result<qint64> LeadExporter::write(QIODevice *out, const LeadFilter &filter, const LeadSort &sort, Format format,
                                         const QStringList &requested, const std::function<bool()> &cancelled,
                                         const std::function<void(qint64)> &progress)
{
    const QStringList columns = requested.isEmpty() ? defaultColumns() : requested;
    for (const QString &c : columns)
        if (c != QLatin1String("id") && c != QLatin1String("tags") && !leadField(c))
            return core::makeError(ErrorCode::ValidationFailed, QStringLiteral("'%1' is not a lead field").arg(c.left(60)),
                                   {{QStringLiteral("columns"), QString(QStringLiteral("unknown field ") + c.left(60))}});
    if (format == Format::Csv)
        out->write(csvLine(columns));
    else
        out->write("[");
    qint64 written = 0;
    ListOptions page;
    page.filter = filter;
    page.sort = sort;
    // Large pages: a filter the planner serves through another index than the sort's re-sorts
    // every match for each page, so fewer pages cost far less (figures: docs/benchmarks.md).
    page.limit = LeadService::maxReadPageSize;
    page.withTotal = false;
    for (;;) {
        if (cancelled && cancelled())
            return core::makeError(ErrorCode::Cancelled, QStringLiteral("the export was cancelled"));
        auto result = m_leads.list(page);
        if (!result)
            return result.error();
        for (const auto &item : std::as_const(result->items)) {
            const QJsonObject lead = item.toObject();
            if (format == Format::Csv) {
                QStringList cells;
                cells.reserve(columns.size());
                for (const QString &c : columns) {
                    const QJsonValue v = lead.value(c);
                    if (c == QLatin1String("tags")) {
                        QStringList names;
                        for (const auto &t : v.toArray())
                            names << t.toObject().value(QStringLiteral("name")).toString();
                        cells << names.join(QStringLiteral(", "));
                    } else if (v.isDouble()) {
                        cells << QString::number(v.toInteger());
                    } else {
                        cells << v.toString();
                    }
                }
                out->write(csvLine(cells));
            } else {
                QJsonObject selected;
                for (const QString &c : columns)
                    selected.insert(c, lead.value(c));
                if (written)
                    out->write(",\n");
                out->write(core::json::compact(selected));
            }
            ++written;
        }
        if (progress)
            progress(written);
        if (result->nextCursor.isEmpty())
            break;
        page.cursor = result->nextCursor;
    }
    if (format == Format::Json)
        out->write("]\n");
    return written;
}

} // namespace fliptech::leads
