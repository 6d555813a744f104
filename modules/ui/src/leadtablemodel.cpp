#include "fliptech/ui/leadtablemodel.h"

#include "fliptech/leads/normalize.h"

#include "fliptech/leads/leadfields.h"
#include "fliptech/leads/leadservice.h"
#include "fliptech/storage/database.h"

#include <QDateTime>
#include <QLocale>

namespace fliptech::ui {

QString leadCountry(const QJsonObject &lead)
{
    const QString country = lead.value(QStringLiteral("country")).toString();
    if (!leads::callingCode(country).isEmpty())
        return country;
    // The lead says nothing: where the user is; else the US, as the lead service assumes for
    // numbers typed without a country code.
    const QString here = QLocale::territoryToCode(QLocale().territory());
    return leads::callingCode(here).isEmpty() ? QStringLiteral("US") : here;
}

QList<LeadTableModel::Column> LeadTableModel::allColumns()
{
    return {{QStringLiteral("name"), tr("Name")},           {QStringLiteral("company"), tr("Company")},
            {QStringLiteral("email"), tr("Email")},         {QStringLiteral("phone"), tr("Phone")},
            {QStringLiteral("website_domain"), tr("Website")}, {QStringLiteral("city"), tr("City")},
            {QStringLiteral("region"), tr("Region")},       {QStringLiteral("country"), tr("Country")},
            {QStringLiteral("category"), tr("Category")},   {QStringLiteral("status"), tr("Status")},
            {QStringLiteral("deal_stage"), tr("Stage")},    {QStringLiteral("score"), tr("Score")},
            {QStringLiteral("qualification_score"), tr("Qualification")}, {QStringLiteral("source"), tr("Source")},
            {QStringLiteral("contacted_count"), tr("Contacted")}, {QStringLiteral("last_contacted_at"), tr("Last contacted")},
            {QStringLiteral("tags"), tr("Tags")},           {QStringLiteral("created_at"), tr("Added")},
            {QStringLiteral("updated_at"), tr("Updated")}};
}

QStringList LeadTableModel::defaultColumns()
{
    return {QStringLiteral("name"), QStringLiteral("company"), QStringLiteral("email"), QStringLiteral("phone"), QStringLiteral("city"),
            QStringLiteral("status"), QStringLiteral("score"), QStringLiteral("tags"), QStringLiteral("created_at")};
}

LeadTableModel::LeadTableModel(leads::LeadService &leads, QObject *parent)
    : QAbstractTableModel(parent), m_leads(leads), m_columns(defaultColumns())
{
    // One worker, kept: its database connection stays open between filters.
    m_worker.setMaxThreadCount(1);
    m_worker.setExpiryTimeout(-1);
    auto total = m_leads.total(m_filter);
    m_error = total ? QString() : total.error().userMessage();
    m_total = total ? total->value : 0;
    m_totalExact = total ? total->exact : true;
    if (!m_totalExact)
        startLoad(false); // the exact count, in the background
}

LeadTableModel::~LeadTableModel()
{
    ++m_ticket;
    m_worker.clear();
    cancelRunning();
    m_worker.waitForDone();
}

void LeadTableModel::setFilter(const leads::LeadFilter &filter)
{
    m_filter = filter;
    startLoad(true);
}

void LeadTableModel::setVisibleColumns(const QStringList &fields)
{
    beginResetModel();
    m_columns = fields.isEmpty() ? defaultColumns() : fields;
    endResetModel();
}

void LeadTableModel::refresh()
{
    startLoad(false);
}

void LeadTableModel::runInBackground(std::function<void()> work)
{
    m_worker.start([this, work = std::move(work)] {
        std::unique_ptr<storage::QueryCanceller> canceller = m_leads.database().cancellerForThisThread();
        {
            QMutexLocker lock(&m_cancelMutex);
            m_running = canceller.get();
        }
        work();
        QMutexLocker lock(&m_cancelMutex);
        m_running = nullptr;
    });
}

void LeadTableModel::cancelRunning()
{
    QMutexLocker lock(&m_cancelMutex);
    if (m_running)
        m_running->cancel();
}

void LeadTableModel::startLoad(bool reset)
{
    const quint64 ticket = ++m_ticket;
    // What is queued and not started is dropped; what runs is stopped (its result is stale).
    m_worker.clear();
    cancelRunning();
    setLoading(true);
    const leads::LeadFilter filter = m_filter;
    const leads::LeadSort sort = m_sort;
    runInBackground([this, ticket, reset, filter, sort] {
        if (ticket != m_ticket.load())
            return;
        auto total = m_leads.total(filter);
        core::Result<QJsonArray> first = QJsonArray();
        if (total && total->value > 0)
            first = m_leads.window(filter, sort, 0, windowSize, total->value);
        const QString error = !total ? total.error().userMessage() : !first ? first.error().userMessage() : QString();
        QMetaObject::invokeMethod(this, [=, this, rows = first ? *first : QJsonArray()] {
            applyLoad(ticket, reset, total ? total->value : 0, total ? total->exact : true, rows, error);
        }, Qt::QueuedConnection);
        if (!total || total->exact || ticket != m_ticket.load())
            return;
        // An estimate: the exact count follows, off the GUI thread like the rest.
        auto exact = m_leads.total(filter, true);
        if (exact)
            QMetaObject::invokeMethod(this, [this, ticket, n = exact->value] { applyExactTotal(ticket, n); }, Qt::QueuedConnection);
    });
}

void LeadTableModel::applyLoad(quint64 ticket, bool reset, qint64 total, bool exact, const QJsonArray &first, const QString &error)
{
    if (ticket != m_ticket)
        return; // a newer filter is on its way
    // Other leads (a filter or sort): a new model, so the view drops its selection and scroll.
    // The same leads read again (refresh): a change of rows, so the view keeps both.
    if (reset)
        beginResetModel();
    m_windows.clear();
    m_recent.clear();
    m_error = error;
    m_totalExact = exact;
    if (!first.isEmpty()) {
        m_windows.insert(0, first);
        m_recent.append(0);
    }
    if (reset) {
        m_total = error.isEmpty() ? total : 0;
        endResetModel();
    } else {
        resizeTo(error.isEmpty() ? total : 0);
    }
    setLoading(false);
    Q_EMIT totalChanged(m_total);
    Q_EMIT loaded();
}

void LeadTableModel::applyExactTotal(quint64 ticket, qint64 total)
{
    if (ticket != m_ticket)
        return;
    m_totalExact = true;
    resizeTo(total);
    Q_EMIT totalChanged(m_total);
}

void LeadTableModel::resizeTo(qint64 total)
{
    const int before = rowCount();
    const int after = int(qMin<qint64>(total, std::numeric_limits<int>::max()));
    if (after > before) {
        beginInsertRows({}, before, after - 1);
        m_total = total;
        endInsertRows();
    } else if (after < before) {
        beginRemoveRows({}, after, before - 1);
        m_total = total;
        endRemoveRows();
    } else {
        m_total = total;
    }
    if (after > 0)
        Q_EMIT dataChanged(index(0, 0), index(after - 1, columnCount() - 1));
}

void LeadTableModel::setLoading(bool loading)
{
    if (m_loading == loading)
        return;
    m_loading = loading;
    Q_EMIT loadingChanged(loading);
}

void LeadTableModel::reload()
{
    auto total = m_leads.total(m_filter, m_totalExact);
    m_error = total ? QString() : total.error().userMessage();
    m_windows.clear();
    m_recent.clear();
    if (total)
        m_totalExact = total->exact;
    resizeTo(total ? total->value : 0);
    Q_EMIT totalChanged(m_total);
}

int LeadTableModel::rowOfId(qint64 id, int near, int radius) const
{
    // Outward from where it was: a lead usually moves by the few rows added or removed above it.
    const int rows = rowCount();
    for (int d = 0; d <= radius; ++d) {
        for (int row : {near - d, near + d}) {
            if (row >= 0 && row < rows && idAt(row) == id)
                return row;
            if (d == 0)
                break;
        }
    }
    return -1;
}

const QJsonArray *LeadTableModel::windowFor(int row) const
{
    const int w = row / windowSize;
    auto it = m_windows.constFind(w);
    if (it == m_windows.cend()) {
        auto rows = m_leads.window(m_filter, m_sort, qint64(w) * windowSize, windowSize, m_total);
        if (!rows) {
            m_error = rows.error().userMessage();
            return nullptr;
        }
        if (m_windows.size() >= keptWindows && !m_recent.isEmpty())
            m_windows.remove(m_recent.takeFirst());
        it = m_windows.insert(w, *rows);
    }
    m_recent.removeOne(w);
    m_recent.append(w);
    return &it.value();
}

QJsonObject LeadTableModel::lead(int row) const
{
    if (row < 0 || row >= m_total)
        return {};
    const QJsonArray *w = windowFor(row);
    return w ? w->at(row % windowSize).toObject() : QJsonObject();
}

qint64 LeadTableModel::idAt(int row) const
{
    return lead(row).value(QStringLiteral("id")).toInteger();
}

int LeadTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(qMin<qint64>(m_total, std::numeric_limits<int>::max()));
}

int LeadTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_columns.size());
}

QVariant LeadTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || (role != Qt::DisplayRole && role != Qt::ToolTipRole && role != Qt::TextAlignmentRole))
        return {};
    const QString &field = m_columns.at(index.column());
    const leads::LeadField *f = leads::leadField(field);
    if (role == Qt::TextAlignmentRole)
        return f && f->type == leads::FieldType::Integer ? QVariant(int(Qt::AlignRight | Qt::AlignVCenter)) : QVariant();
    const QJsonValue v = lead(index.row()).value(field);
    if (field == QLatin1String("tags")) {
        QStringList names;
        for (const auto &t : v.toArray())
            names << t.toObject().value(QStringLiteral("name")).toString();
        return names.join(QStringLiteral(", "));
    }
    if (v.isNull() || v.isUndefined())
        return {};
    if (field == QLatin1String("phone")) // as people write it, in the lead's country's way
        return leads::formatPhone(v.toString(), leadCountry(lead(index.row())));
    if (f && f->type == leads::FieldType::Timestamp)
        return QLocale().toString(QDateTime::fromString(v.toString(), Qt::ISODateWithMs).toLocalTime(), QLocale::ShortFormat);
    if (v.isDouble())
        return QVariant(qint64(v.toDouble()));
    return v.toString();
}

QVariant LeadTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return {};
    if (orientation == Qt::Vertical)
        return section + 1;
    for (const Column &c : allColumns())
        if (c.field == m_columns.value(section))
            return c.title;
    return m_columns.value(section);
}

void LeadTableModel::sort(int column, Qt::SortOrder order)
{
    const QString field = m_columns.value(column);
    const leads::LeadField *f = leads::leadField(field);
    if (!f || !f->sortable)
        return; // tags: not sortable
    m_sort.field = field;
    m_sort.descending = order == Qt::DescendingOrder;
    startLoad(true);
}

} // namespace fliptech::ui
