#pragma once
// LeadTableModel: the leads of a filter as a table that never loads them all. It knows the
// count (one query) and reads rows in windows of 200 around what the view asks for, keeping a
// few windows; windows past the middle are read from the far end of the sort, so jumping to
// the last of a million rows costs what the first page costs.

#include "fliptech/leads/leadfilter.h"

#include <QAbstractTableModel>
#include <QJsonArray>
#include <QJsonObject>
#include <QHash>
#include <QStringList>

namespace fliptech::leads {
class LeadService;
}

namespace fliptech::ui {

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

    explicit LeadTableModel(leads::LeadService &leads, QObject *parent = nullptr);

    void setFilter(const leads::LeadFilter &filter);
    const leads::LeadFilter &filter() const { return m_filter; }
    const leads::LeadSort &sortOrder() const { return m_sort; }
    void setVisibleColumns(const QStringList &fields);
    const QStringList &visibleColumns() const { return m_columns; }
    qint64 total() const { return m_total; }
    // Re-counts and drops cached rows (after a change), keeping filter, sort and columns.
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

private:
    const QJsonArray *windowFor(int row) const;

    leads::LeadService &m_leads;
    leads::LeadFilter m_filter;
    leads::LeadSort m_sort;
    QStringList m_columns;
    qint64 m_total = 0;
    mutable QHash<int, QJsonArray> m_windows;
    mutable QList<int> m_recent;
    mutable QString m_error;
};

} // namespace fliptech::ui
