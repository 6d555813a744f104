#pragma once
// SenderSettings: the Settings page's "Sender accounts" tab (issue 11). The mailboxes and
// sending providers campaigns send from, in a table (name, address, provider, today's cap,
// whether its password or key is set), and a form to add or change one: SMTP (host, port, TLS
// mode, user, password) or SendGrid / Mailgun (API key, base URL, Mailgun's domain), the daily and
// hourly caps, the minimum gap, the ramp, the time zone. "Test connection" connects as a send
// would, off the window's thread, and says what the server said. Passwords and keys go to the
// keychain and are never shown again. Admins change accounts; others see them.

#include <QFutureWatcher>
#include <QJsonObject>
#include <QWidget>

#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace fliptech::campaigns {
class SenderAccountService;
class CampaignService;
}

namespace fliptech::ui {

class SenderSettings final : public QWidget
{
    Q_OBJECT
public:
    // With `campaigns`, "Check bounces" reads the chosen account's bounce mailbox now.
    SenderSettings(campaigns::SenderAccountService &senders, bool canChange, QWidget *parent = nullptr, campaigns::CampaignService *campaigns = nullptr);
    ~SenderSettings() override;
    void reload();

private:
    void open(std::optional<qint64> id);
    void save();
    void remove();
    void testConnection();
    void checkDomain();
    void updateProviderFields();
    void checkBounces();

    campaigns::SenderAccountService &m_senders;
    bool m_canChange;
    std::optional<qint64> m_id;
    QTableWidget *m_table;
    QLineEdit *m_name, *m_from, *m_fromName, *m_host, *m_user, *m_password, *m_apiKey, *m_baseUrl, *m_domain, *m_timezone, *m_imapHost, *m_imapUser;
    QComboBox *m_provider, *m_security, *m_imapSecurity;
    QSpinBox *m_port, *m_daily, *m_hourly, *m_gap, *m_rampStart, *m_rampPerDay, *m_imapPort, *m_inboxMinutes;
    QPushButton *m_save, *m_delete, *m_test, *m_domainCheck, *m_bounces;
    campaigns::CampaignService *m_campaigns = nullptr;
    QFutureWatcher<QJsonObject> m_bounceWatcher;
    QLabel *m_status;
    QFutureWatcher<QJsonObject> m_testWatcher;
    QFutureWatcher<QJsonObject> m_domainWatcher;
};

} // namespace fliptech::ui
