#pragma once
// The first start of a fresh install, in a minute: welcome; where the data lives (this
// computer, or the team's PostgreSQL, tested before going on); the administrator account
// (signed in at once, remembered); optional integrations (the AI provider's key); done, with
// what to do first. Choosing the team's database ends the wizard with restartRequired(): the
// program starts again on that database (where a teammate may already have made the accounts).

#include "fliptech/auth/authservice.h"

#include <QWizard>

#include <optional>

class QLabel;
class QLineEdit;
class QRadioButton;

namespace fliptech::engine {
class Engine;
}

namespace fliptech::ui {

class FirstRunWizard final : public QWizard
{
    Q_OBJECT
public:
    enum Page { Welcome, Data, Account, Integrations, Done };

    explicit FirstRunWizard(engine::Engine &engine, QWidget *parent = nullptr);

    // The administrator created, and signed in as them (remembered on this computer).
    const std::optional<auth::User> &createdUser() const { return m_user; }
    const std::optional<auth::TokenPair> &session() const { return m_session; }
    // The team's database was chosen: start again on it.
    bool restartRequired() const { return m_restart; }

    int nextId() const override;
    bool validateCurrentPage() override;

Q_SIGNALS:
    void databaseTested(bool ok, const QString &message);

private:
    QWizardPage *welcomePage();
    QWizardPage *dataPage();
    QWizardPage *accountPage();
    QWizardPage *integrationsPage();
    QWizardPage *donePage();
    bool chooseDatabase();
    bool createAccount();
    bool saveIntegrations();
    void fillDonePage();

    engine::Engine &m_engine;
    QRadioButton *m_local = nullptr, *m_shared = nullptr;
    QLineEdit *m_pgUrl = nullptr, *m_pgPassword = nullptr;
    QLabel *m_dataError = nullptr, *m_testResult = nullptr;
    QLineEdit *m_email = nullptr, *m_name = nullptr, *m_password = nullptr, *m_confirm = nullptr;
    QLabel *m_accountError = nullptr;
    QLineEdit *m_aiKey = nullptr;
    QLabel *m_integrationsError = nullptr;
    QLabel *m_summary = nullptr;
    std::optional<auth::User> m_user;
    std::optional<auth::TokenPair> m_session;
    bool m_restart = false;
};

} // namespace fliptech::ui
