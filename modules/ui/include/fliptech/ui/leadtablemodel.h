#pragma once
// LeadTableModel: the leads of a filter as a table that never loads them all. It knows the
// total (exact, or estimated past 10,000 and then counted in the background) and reads rows in
// windows of 200 around what the view asks for, keeping a few windows; windows past the middle
// are read from the far end of the sort, so jumping to the last of a million rows costs what
// the first page costs.
// A new filter or sort is read on a worker thread: the table keeps showing the old rows until
// the new first window and total arrive (loaded()), and a filter changed again meanwhile
// cancels the query still running for the old one.

#include "fliptech/leads/leadfilter.h"

#include <QAbstractTableModel>
#include <QJsonArray>
#include <QJsonObject>
#include <QHash>
#include <QMutex>
#include <QStringList>
#include <QThreadPool>

#include <atomic>
#include <memory>

namespace fliptech::leads {
class LeadService;
}
namespace fliptech::storage {
class QueryCanceller;
}

namespace fliptech::ui {

// The country a lead's phone number is shown for: its own (ISO alpha-2), else the user's.
QString leadCountry(const QJsonObject &lead);

class LeadTableModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    static constexpr int windowSize = 200;
    static constexpr int keptWindows = 16;

    struct Column {
        QString field;
        QString title;
    };
    static QList<Column> allColumns();
    static QStringList defaultColumns();

    // Reads the first window and total of the default view before returning.
    explicit LeadTableModel(leads::LeadService &leads, QObject *parent = nullptr);
    ~LeadTableModel() override;

    void setFilter(const leads::LeadFilter &filter);
    const leads::LeadFilter &filter() const { return m_filter; }
    const leads::LeadSort &sortOrder() const { return m_sort; }
    void setVisibleColumns(const QStringList &fields);
    const QStringList &visibleColumns() const { return m_columns; }
    qint64 total() const { return m_total; }
    // False while total() is an estimate (the exact count follows, see totalChanged()).
    bool totalIsExact() const { return m_totalExact; }
    // A filter or sort is being read (the rows shown are the previous ones).
    bool isLoading() const { return m_loading; }
    // Re-counts and drops cached rows (after a change), keeping filter, sort and columns; read in
    // the background like a new filter.
    void refresh();
    // The same, as a change of rows rather than a new model: the view keeps its scroll
    // position and selection (rows are added or removed at the end, the rest repainted).
    void reload();
    // The row showing lead `id`, looked for within `radius` rows of `near`; -1 if not there.
    int rowOfId(qint64 id, int near, int radius) const;

    QJsonObject lead(int row) const;
    qint64 idAt(int row) const;
    // Why the last read failed (shown by the page), empty when fine.
    const QString &lastError() const { return m_error; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order) override;

Q_SIGNALS:
    void totalChanged(qint64 total);
    // The rows of the current filter and sort are in (after setFilter, sort or refresh).
    void loaded();
    void loadingChanged(bool loading);

private:
    const QJsonArray *windowFor(int row) const;
    // Reads the total and first window of the current filter and sort on the worker thread;
    // `reset`: other leads (the view starts over) rather than the same ones read again.
    void startLoad(bool reset);
    void applyLoad(quint64 ticket, bool reset, qint64 total, bool exact, const QJsonArray &first, const QString &error);
    void applyExactTotal(quint64 ticket, qint64 total);
    // The row count becomes `total`: rows added or removed at the end, the rest repainted.
    void resizeTo(qint64 total);
    void setLoading(bool loading);
    // Runs `work` on the worker thread, cancellable through cancelRunning() while it runs.
    void runInBackground(std::function<void()> work);
    void cancelRunning();

    leads::LeadService &m_leads;
    leads::LeadFilter m_filter;
    leads::LeadSort m_sort;
    QStringList m_columns;
    qint64 m_total = 0;
    mutable QHash<int, QJsonArray> m_windows;
    mutable QList<int> m_recent;
    mutable QString m_error;
    bool m_totalExact = true;
    bool m_loading = false;
    std::atomic<quint64> m_ticket{0}; // which load the arriving results belong to
    QThreadPool m_worker;
    QMutex m_cancelMutex;
    storage::QueryCanceller *m_running = nullptr; // the worker's query in flight, if any
};

} // namespace fliptech::ui
