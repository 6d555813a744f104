#pragma once
// LeadsPage: where sales staff spend their day. A filter bar (search, status, city, tag, has
// e-mail) with removable chips and saved segments; a virtualised table over LeadTableModel
// with a column chooser and sorting by header; multi-select with a bulk-action bar (status,
// tag, delete) that shows progress and can be cancelled; a detail pane with the lead's fields
// (edit in place, Ctrl+S saves), tags, notes and activity. Import, export and duplicates open
// their dialogs. Everything goes through the engine's lead services.

#include "fliptech/leads/actor.h"
#include "fliptech/leads/leadservice.h"
#include "fliptech/ui/pageregistry.h"

#include <QFutureWatcher>
#include <QHash>
#include <QWidget>

#include <atomic>

class QCheckBox;
class QComboBox;
class QHBoxLayout;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QTextBrowser;
class QProgressBar;
class QPushButton;
class QStackedWidget;
class QTableView;
class QTimer;

namespace fliptech::engine {
class Engine;
}

namespace fliptech::ui {

class LeadTableModel;

class LeadsPage final : public QWidget
{
    Q_OBJECT
public:
    LeadsPage(engine::Engine &engine, std::optional<auth::Principal> principal, QWidget *parent = nullptr);
    ~LeadsPage() override;

    LeadTableModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    // The filter the bar describes (what the table shows).
    leads::LeadFilter currentFilter() const;
    // How "Run a scrape" of the empty state brings the Scraper page forward (the main window's).
    void setOpenPage(std::function<void(const QString &pageId)> open) { m_openPage = std::move(open); }
    // Shown instead of the table when there is nothing to list: what to do next.
    QWidget *emptyState() const { return m_empty; }

public Q_SLOTS:
    // Shows a lead in the detail pane (and clears filters that hide it): the search palette's jump.
    void openLead(qint64 id);
    // What the main window calls after a search palette jump.
    void openItem(qint64 id) { openLead(id); }
    void showCount();
    void applyFilter();
    // Shows exactly the leads of `filter` (a chart's drill-down: {"ids": [...]}), said by a chip
    // with `caption` that takes it away; the bar's fields start empty and narrow within it.
    void showLeads(const QString &caption, const QJsonObject &filter);
    // Bulk actions on the selected rows (or, with selectAllMatching, on the whole filter).
    void bulkSetStatus(const QString &status);
    void bulkAddTag(const QString &tag);
    void bulkDelete();
    void cancelBulk();
    // The selected leads' (or all matching ones') websites analysed, addresses verified, or
    // contacts found by the enrichment providers, as a job (what the bulk bar's "Run" menu does).
    void analyseSelection() { bulkJob(LeadJobKind::Analyse); }
    void verifySelection() { bulkJob(LeadJobKind::Verify); }
    void enrichSelection() { bulkJob(LeadJobKind::Enrich); }
    void importCsv();
    // Asks for a name and adds a lead with it.
    void addLead();
    // Every field of the bar emptied (and a drill-down's pinned filter dropped).
    void clearFilters();
    // Exports to `path` (asked for when empty): the current filter, or the selected leads (all
    // matching when that box is ticked) from the bulk bar.
    void exportLeads(const QString &path = {});
    void exportSelection(const QString &path = {});
    void showDuplicates();
    // Reads the list again after a change made anywhere (here, the API, a teammate's desktop,
    // a headless server on the same database): same scroll position, same leads selected.
    void reloadKeepingView();

Q_SIGNALS:
    void bulkFinished(const QString &summary);

private:
    void updateEmptyState();
    void resetFields(); // the bar's fields empty, without filtering
    bool hasFilter() const;
    void exportFiltered(const leads::LeadFilter &filter, QString path);
    QWidget *buildFilterBar();
    QWidget *buildBulkBar();
    QWidget *buildDetail();
    void rebuildChips();
    void updateSelection();
    void showDetail(const QJsonObject &lead);
    void saveDetail();
    void runBulk(leads::BulkRequest request, const QString &what);
    void reloadSegments();
    void saveSegment();
    void applySegment(int index);
    leads::Actor actor() const;

    engine::Engine &m_engine;
    std::optional<auth::Principal> m_principal;
    QJsonObject m_pinned;     // showLeads(): kept under whatever the bar says
    QString m_pinnedCaption;
    LeadTableModel *m_model = nullptr;
    QTableView *m_table = nullptr;
    QLineEdit *m_search = nullptr;
    QComboBox *m_status = nullptr;
    QLineEdit *m_city = nullptr;
    QLineEdit *m_tag = nullptr;
    QCheckBox *m_hasEmail = nullptr;
    QComboBox *m_segments = nullptr;
    QHBoxLayout *m_chips = nullptr;
    QLabel *m_count = nullptr;
    QStackedWidget *m_listStack = nullptr;
    QWidget *m_empty = nullptr;
    QLabel *m_emptyTitle = nullptr;
    QLabel *m_emptyText = nullptr;
    QWidget *m_emptyStart = nullptr; // Import CSV / Run a scrape / Add a lead
    QPushButton *m_emptyClear = nullptr;
    std::function<void(const QString &)> m_openPage;
    QLabel *m_message = nullptr;
    QTimer *m_debounce = nullptr;
    QWidget *m_bulkBar = nullptr;
    QLabel *m_selected = nullptr;
    QCheckBox *m_allMatching = nullptr;
    QComboBox *m_bulkStatus = nullptr;
    QLineEdit *m_bulkTag = nullptr;
    QProgressBar *m_progress = nullptr;
    QPushButton *m_cancel = nullptr;
    std::atomic<bool> m_cancelRequested{false};
    QFutureWatcher<core::Result<leads::BulkReport>> m_bulkWatcher;
    // Detail pane.
    QWidget *m_detail = nullptr;
    QLabel *m_detailTitle = nullptr;
    QHash<QString, QLineEdit *> m_fields;
    QComboBox *m_detailStatus = nullptr;
    QListWidget *m_tags = nullptr;
    QLineEdit *m_newTag = nullptr;
    QListWidget *m_notes = nullptr;
    QPlainTextEdit *m_newNote = nullptr;
    QListWidget *m_activity = nullptr;
    QTextBrowser *m_analysis = nullptr;
    QPushButton *m_analyze = nullptr;
    QLabel *m_emailStatus = nullptr;
    QPushButton *m_verify = nullptr;
    QPushButton *m_enrich = nullptr;
    QPushButton *m_writeEmail = nullptr;
    QPushButton *m_pitch = nullptr;
    // A job over the selection (website analysis, e-mail verification, enrichment), with the
    // bulk bar's progress and Cancel.
    enum class LeadJobKind { Analyse, Verify, Enrich };
    void bulkJob(LeadJobKind kind);
    QTimer *m_bulkJobPoll = nullptr;
    qint64 m_bulkJob = 0;
    // A job the pane runs for its lead (website analysis, e-mail verification): the pane waits
    // for it with the button that started it disabled, then shows the lead again.
    void runLeadJob(core::Result<qint64> job, QPushButton *button, const QString &busyText);
    QTimer *m_leadJobPoll = nullptr;
    qint64 m_leadJob = 0;
    qint64 m_leadJobLead = 0;
    QPushButton *m_leadJobButton = nullptr;
    QString m_leadJobButtonText;
    qint64 m_detailId = 0;
};

// Replaces the leads placeholder with the real page.
void registerLeadsPage(PageRegistry &registry);

} // namespace fliptech::ui
