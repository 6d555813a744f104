#pragma once
// The lead workspace's dialogs: the CSV import wizard (file → mapping with preview → duplicates
// → progress → report), the duplicates view with side-by-side merge, and the Ctrl+K search
// palette that jumps to any lead, campaign or conversation.

#include "fliptech/core/error.h"
#include "fliptech/leads/actor.h"
#include "fliptech/leads/leadimporter.h"

#include <QDialog>
#include <QFutureWatcher>
#include <QJsonArray>
#include <QJsonObject>
#include <QWizard>

#include <atomic>

class QButtonGroup;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QProgressBar;
class QPushButton;
class QTableWidget;
class QTimer;

namespace fliptech::engine {
class Engine;
}

namespace fliptech::ui {

class ImportWizard final : public QWizard
{
    Q_OBJECT
public:
    enum PageId { FilePage, MappingPage, DuplicatesPage, ProgressPage };
    ImportWizard(engine::Engine &engine, leads::Actor actor, QWidget *parent = nullptr);

    // Test seams: choose the file without a file dialog; the options the pages describe.
    void setFile(const QString &path);
    leads::ImportOptions options() const;
    const std::optional<leads::ImportReport> &report() const { return m_report; }

Q_SIGNALS:
    void importFinished();

protected:
    bool validateCurrentPage() override;
    void initializePage(int id) override;

private:
    void start();
    void finish();

    engine::Engine &m_engine;
    leads::Actor m_actor;
    QLineEdit *m_path = nullptr;
    QLabel *m_fileInfo = nullptr;
    QTableWidget *m_mapping = nullptr;
    QButtonGroup *m_onDuplicate = nullptr;
    QComboBox *m_country = nullptr;
    QLineEdit *m_tags = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_result = nullptr;
    QPushButton *m_saveRejected = nullptr;
    std::optional<leads::ImportPreview> m_preview;
    std::optional<leads::ImportReport> m_report;
    std::atomic<bool> m_cancel{false};
    QFutureWatcher<core::Result<leads::ImportReport>> m_watcher;
    bool m_running = false;
};

class DuplicatesDialog final : public QDialog
{
    Q_OBJECT
public:
    DuplicatesDialog(engine::Engine &engine, leads::Actor actor, QWidget *parent = nullptr);
    int groupCount() const;
    // Merges the shown group into its first lead with the chosen values.
    bool mergeCurrent();
    void selectGroup(int row);

Q_SIGNALS:
    void merged(qint64 survivor);

private:
    void reload();
    void showGroup(int row);

    engine::Engine &m_engine;
    leads::Actor m_actor;
    QListWidget *m_groups = nullptr;
    QTableWidget *m_compare = nullptr;
    QLabel *m_message = nullptr;
    QJsonArray m_data;
    QList<QJsonObject> m_leads;
};

class SearchPalette final : public QDialog
{
    Q_OBJECT
public:
    SearchPalette(engine::Engine &engine, QWidget *parent = nullptr);
    void search(const QString &text);
    int resultCount() const;
    // The chosen hit: {"type": "lead", "id": 3, ...}.
    QJsonObject chosen() const { return m_chosen; }

Q_SIGNALS:
    void hitActivated(const QString &type, qint64 id);

private:
    void activate(int row);

    engine::Engine &m_engine;
    QLineEdit *m_query = nullptr;
    QListWidget *m_results = nullptr;
    QTimer *m_debounce = nullptr;
    QJsonArray m_hits;
    QJsonObject m_chosen;
};

} // namespace fliptech::ui
