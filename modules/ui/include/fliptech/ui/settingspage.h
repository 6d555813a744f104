#pragma once
// SettingsPage: the signed-in user's profile (name, time zone, avatar, password), their API
// keys (create — the key is shown once, with a Copy button — and revoke), and for admins the
// team's accounts (add, change role, deactivate, delete). Everything goes through AuthService,
// the same service the HTTP API uses.

#include "fliptech/auth/authservice.h"

#include <QWidget>

#include <functional>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;
class QTabWidget;

namespace fliptech::leads {
class FileStore;
}
namespace fliptech::scraper {
class EnrichmentService;
}
namespace fliptech::campaigns {
class SenderAccountService;
class CampaignService;
class ProviderEvents;
}

namespace fliptech::ai {
class AiService;
}
namespace fliptech::analytics {
class UsageService;
}
namespace fliptech::storage {
class SecretStore;
struct DatabaseUrl;
}

namespace fliptech::ui {

// A confirmation seam (KeePassXC's MessageBox::setNextAnswer): tests answer without a modal.
class Confirm final
{
public:
    static bool ask(QWidget *parent, const QString &title, const QString &text);
    static void setNextAnswer(bool yes);
};

class SettingsPage final : public QWidget
{
    Q_OBJECT
public:
    SettingsPage(auth::AuthService &auth, auth::Principal principal, QWidget *parent = nullptr);
    // With a file store the profile offers "Choose image…" for the avatar (uploaded, re-encoded).
    void setFileStore(leads::FileStore *files);
    // With the enrichment service, an Integrations tab (providers, order, keys).
    void setEnrichment(scraper::EnrichmentService *enrichment, campaigns::ProviderEvents *events = nullptr);
    // With the sender accounts, a Sender accounts tab.
    // With `campaigns`, the accounts' bounce mailboxes can be read from the tab.
    void setSenders(campaigns::SenderAccountService *senders, campaigns::CampaignService *campaigns = nullptr);
    // The AI tab (provider, models, budgets, prices, prompts).
    void setAi(ai::AiService *ai);
    // The Usage tab (use today, this month and per day; the limits on it).
    void setUsage(analytics::UsageService *usage);
    // The Application tab: language, theme, the database and API server of the next start.
    void setApplication(storage::SecretStore *secrets, const storage::DatabaseUrl &database);
    // Stores the image as the avatar and saves the profile (the file dialog's path; tests call it).
    bool uploadAvatar(const QString &path);

private:
    QWidget *buildProfile();
    QWidget *buildApiKeys();
    QWidget *buildUsers();
    void saveProfile();
    void changePassword();
    void reloadKeys();
    void createKey();
    void revokeKey();
    void reloadUsers();
    void addUser();
    void applyToUser(const std::function<core::Result<auth::User>(qint64)> &change);
    void deleteUser();
    static void say(QLabel *label, const QString &text, bool error);

    auth::AuthService &m_auth;
    auth::Principal m_principal;
    QTabWidget *m_tabs = nullptr;
    // profile
    leads::FileStore *m_files = nullptr;
    QPushButton *m_chooseAvatar = nullptr;
    QLineEdit *m_name = nullptr, *m_avatar = nullptr, *m_current = nullptr, *m_newPassword = nullptr, *m_confirm = nullptr;
    QComboBox *m_timezone = nullptr;
    QLabel *m_profileStatus = nullptr;
    // keys
    QTableWidget *m_keys = nullptr;
    QLineEdit *m_keyName = nullptr, *m_newKey = nullptr;
    QPushButton *m_copyKey = nullptr;
    QLabel *m_keyStatus = nullptr;
    // users
    QTableWidget *m_users = nullptr;
    QLineEdit *m_userEmail = nullptr, *m_userName = nullptr, *m_userPassword = nullptr, *m_temporaryPassword = nullptr;
    QComboBox *m_userRole = nullptr, *m_changeRole = nullptr;
    QLabel *m_userStatus = nullptr;
};

} // namespace fliptech::ui
