#pragma once
// IntegrationsSettings: the Settings page's Integrations tab. The enrichment providers (Hunter.io,
// Apollo.io, Clearbit) in the order the waterfall asks them (Move up / Move down), each one on or
// off, its base URL and what one call costs (cents, recorded in costs), and its API key: typed
// into a password field and kept in the keychain; the page shows whether a key is set and where
// it comes from, never the key. Admins change them; others see them. Everything goes through
// EnrichmentService, the same service the HTTP API uses. With `events`, the keys SendGrid's and
// Mailgun's delivery events are verified with (ProviderEvents), shown only as set or not.

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace fliptech::scraper {
class EnrichmentService;
}
namespace fliptech::campaigns {
class ProviderEvents;
}

namespace fliptech::ui {

class IntegrationsSettings final : public QWidget
{
    Q_OBJECT
public:
    IntegrationsSettings(scraper::EnrichmentService &enrichment, bool canChange, QWidget *parent = nullptr, campaigns::ProviderEvents *events = nullptr);
    void reload();

private:
    void move(int by);
    void save();
    void saveKey(bool remove);
    QString selectedProvider() const;
    void saveWebhookKeys();
    void showWebhookKeys();

    scraper::EnrichmentService &m_enrichment;
    bool m_canChange;
    QTableWidget *m_table;
    QLineEdit *m_key;
    QPushButton *m_saveKey;
    QPushButton *m_removeKey;
    QLabel *m_status;
    campaigns::ProviderEvents *m_events = nullptr;
    QLineEdit *m_sendgridKey = nullptr;
    QLineEdit *m_mailgunKey = nullptr;
    QLabel *m_webhookState = nullptr;
};

} // namespace fliptech::ui
