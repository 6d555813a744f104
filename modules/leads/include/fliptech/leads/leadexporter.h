#pragma once
// LeadExporter: the leads of any filter as CSV or JSON, written page by page (keyset
// pagination) to a device, so memory stays constant however many leads there are.

#include "fliptech/core/error.h"
#include "fliptech/leads/leadfilter.h"

#include <QIODevice>
#include <QStringList>

#include <functional>

namespace fliptech::leads {

class LeadService;

class LeadExporter final
{
public:
    enum class Format { Csv, Json };
    explicit LeadExporter(LeadService &leads) : m_leads(leads) {}

    static core::Result<Format> formatFromName(const QString &name);
    // Columns exported by default: every lead field plus tags.
    static QStringList defaultColumns();

    // Returns how many leads were written; `progress` hears the count after every page.
    core::Result<qint64> write(QIODevice *out, const LeadFilter &filter, const LeadSort &sort, Format format,
                               const QStringList &columns = {}, const std::function<bool()> &cancelled = {},
                               const std::function<void(qint64 written)> &progress = {});

private:
    LeadService &m_leads;
};

} // namespace fliptech::leads
