#include "fliptech/ui/firstrunwizard.h"

#include "fliptech/ai/aiservice.h"
#include "fliptech/engine/engine.h"
#include "fliptech/storage/database.h"
#include "fliptech/storage/secretstore.h"
#include "fliptech/ui/appsettings.h"
#include "fliptech/ui/icons.h"
#include "fliptech/ui/signindialogs.h"

#include "formparts.h"

#include <QApplication>
#include <QButtonGroup>
#include <QDir>
#include <QEventLoop>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QRadioButton>
#include <QStandardPaths>
#include <QVBoxLayout>

namespace fliptech::ui {

namespace {
QLabel *wrapped(const QString &text, QWidget *parent)
{
    auto *l = new QLabel(text, parent);
    l->setWordWrap(true);
    l->setTextFormat(Qt::RichText);
    return l;
}

} // namespace

FirstRunWizard::FirstRunWizard(engine::Engine &engine, QWidget *parent) : QWizard(parent), m_engine(engine)
{
    setObjectName(QStringLiteral("firstRunWizard"));
    setWindowTitle(tr("Welcome to FlipTech Pro"));
    setWizardStyle(QWizard::ModernStyle);
    setPixmap(QWizard::LogoPixmap, logoIcon().pixmap(48, 48));
    setOption(QWizard::NoBackButtonOnLastPage);
    setOption(QWizard::NoCancelButtonOnLastPage);
    setMinimumSize(600, 460);
    setPage(Welcome, welcomePage());
    setPage(Data, dataPage());
    setPage(Account, accountPage());
    setPage(Integrations, integrationsPage());
    setPage(Done, donePage());
    setStartId(Welcome);
    connect(this, &QWizard::currentIdChanged, this, [this](int id) {
        if (id == Done)
            fillDonePage();
    });
}

QWizardPage *FirstRunWizard::welcomePage()
{
    auto *page = new QWizardPage(this);
    page->setTitle(tr("Welcome to FlipTech Pro"));
    page->setSubTitle(tr("Four short steps, and you are in."));
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(wrapped(tr("<p>FlipTech Pro finds local businesses that need a website, judges their current one, writes to them, "
                                 "follows the replies and counts the revenue.</p>"
                                 "<p>Next you choose where your data lives, create your account and, if you like, connect an AI "
                                 "provider. Everything can be changed later in <b>Settings</b>.</p>"),
                              page));
    layout->addStretch(1);
    return page;
}

QWizardPage *FirstRunWizard::dataPage()
{
    auto *page = new QWizardPage(this);
    page->setTitle(tr("Where your data lives"));
    page->setSubTitle(tr("On this computer to start alone; on the team's PostgreSQL to share leads and campaigns."));
    auto *layout = new QVBoxLayout(page);
    const QString file = m_engine.options().database.backend == storage::Backend::Sqlite ? m_engine.options().database.path : QString();
    m_local = new QRadioButton(tr("This computer (recommended to start): a file, nothing to set up"), page);
    m_local->setObjectName(QStringLiteral("useLocal"));
    m_local->setChecked(true);
    m_shared = new QRadioButton(tr("The team's PostgreSQL server"), page);
    m_shared->setObjectName(QStringLiteral("useShared"));
    auto *group = new QButtonGroup(page);
    group->addButton(m_local);
    group->addButton(m_shared);
    layout->addWidget(m_local);
    if (!file.isEmpty())
        layout->addWidget(wrapped(QStringLiteral("&nbsp;&nbsp;&nbsp;&nbsp;<small>%1</small>").arg(QDir::toNativeSeparators(file).toHtmlEscaped()), page));
    layout->addWidget(m_shared);
    auto *form = new QFormLayout;
    m_pgUrl = new QLineEdit(page);
    m_pgUrl->setObjectName(QStringLiteral("postgresUrl"));
    m_pgUrl->setPlaceholderText(QStringLiteral("postgresql://sam@db.studio.example:5432/fliptech"));
    m_pgPassword = new QLineEdit(page);
    m_pgPassword->setObjectName(QStringLiteral("postgresPassword"));
    m_pgPassword->setEchoMode(QLineEdit::Password);
    form->addRow(tr("Server"), m_pgUrl);
    form->addRow(tr("Password"), m_pgPassword);
    layout->addLayout(form);
    m_testResult = new QLabel(page);
    m_testResult->setObjectName(QStringLiteral("connectionResult"));
    m_testResult->setWordWrap(true);
    layout->addWidget(m_testResult);
    m_dataError = errorLabel(page, QStringLiteral("dataError"));
    layout->addWidget(m_dataError);
    layout->addStretch(1);
    auto enable = [this] {
        m_pgUrl->setEnabled(m_shared->isChecked());
        m_pgPassword->setEnabled(m_shared->isChecked());
    };
    connect(m_shared, &QRadioButton::toggled, this, enable);
    enable();
    return page;
}

QWizardPage *FirstRunWizard::accountPage()
{
    auto *page = new QWizardPage(this);
    page->setTitle(tr("Your account"));
    page->setSubTitle(tr("The administrator: you sign in with it and invite your team from Settings → Users."));
    auto *layout = new QVBoxLayout(page);
    auto *form = new QFormLayout;
    m_email = new QLineEdit(page);
    m_email->setObjectName(QStringLiteral("email"));
    m_email->setPlaceholderText(tr("you@agency.com"));
    m_name = new QLineEdit(page);
    m_name->setObjectName(QStringLiteral("name"));
    m_password = new QLineEdit(page);
    m_password->setObjectName(QStringLiteral("password"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setPlaceholderText(tr("at least 10 characters"));
    m_confirm = new QLineEdit(page);
    m_confirm->setObjectName(QStringLiteral("confirm"));
    m_confirm->setEchoMode(QLineEdit::Password);
    form->addRow(tr("&Email"), m_email);
    form->addRow(tr("&Name"), m_name);
    form->addRow(tr("&Password"), m_password);
    form->addRow(tr("&Repeat password"), m_confirm);
    layout->addLayout(form);
    m_accountError = errorLabel(page);
    layout->addWidget(m_accountError);
    layout->addStretch(1);
    return page;
}

QWizardPage *FirstRunWizard::integrationsPage()
{
    auto *page = new QWizardPage(this);
    page->setTitle(tr("Integrations (optional)"));
    page->setSubTitle(tr("With an AI provider's key, FlipTech Pro writes emails and replies with AI; without one its offline writer drafts them."));
    auto *layout = new QVBoxLayout(page);
    auto *form = new QFormLayout;
    m_aiKey = new QLineEdit(page);
    m_aiKey->setObjectName(QStringLiteral("aiKey"));
    m_aiKey->setEchoMode(QLineEdit::Password);
    m_aiKey->setPlaceholderText(tr("sk-or-… (OpenRouter, or any OpenAI-compatible provider)"));
    form->addRow(tr("AI key"), m_aiKey);
    layout->addLayout(form);
    layout->addWidget(wrapped(tr("Kept in the system keychain. Sender mailboxes, enrichment providers and n8n are set up in "
                                 "<b>Settings</b> when you need them."),
                              page));
    m_integrationsError = errorLabel(page, QStringLiteral("integrationsError"));
    layout->addWidget(m_integrationsError);
    layout->addStretch(1);
    return page;
}

QWizardPage *FirstRunWizard::donePage()
{
    auto *page = new QWizardPage(this);
    page->setTitle(tr("Done"));
    auto *layout = new QVBoxLayout(page);
    m_summary = wrapped(QString(), page);
    m_summary->setObjectName(QStringLiteral("summary"));
    layout->addWidget(m_summary);
    layout->addStretch(1);
    page->setFinalPage(true);
    return page;
}

int FirstRunWizard::nextId() const
{
    switch (currentId()) {
    case Welcome:
        // Started on the team's (new) database already: its first account, here.
        return m_engine.options().database.backend == storage::Backend::Postgres ? Account : Data;
    case Data:
        return m_shared->isChecked() ? Done : Account; // the team's database has (or makes) its own accounts
    case Account:
        return Integrations;
    case Integrations:
        return Done;
    default:
        return -1;
    }
}

bool FirstRunWizard::validateCurrentPage()
{
    switch (currentId()) {
    case Data:
        return chooseDatabase();
    case Account:
        return createAccount();
    case Integrations:
        return saveIntegrations();
    default:
        return true;
    }
}

bool FirstRunWizard::chooseDatabase()
{
    m_restart = false;
    if (m_local->isChecked()) {
        setError(m_dataError, {});
        return true;
    }
    auto url = sharedDatabaseUrl(m_pgUrl->text(), m_pgPassword->text());
    if (!url) {
        setError(m_dataError, url.error().message);
        return false;
    }
    // Tried before going on: a typo found now, not at the next start.
    m_testResult->setText(tr("Connecting…"));
    QApplication::setOverrideCursor(Qt::WaitCursor);
    QEventLoop wait;
    bool ok = false;
    QString said;
    testDatabase(*url, this, [&](bool answered, const QString &message) {
        ok = answered;
        said = message;
        wait.quit();
    });
    wait.exec();
    QApplication::restoreOverrideCursor();
    Q_EMIT databaseTested(ok, said);
    if (!ok) {
        m_testResult->clear();
        setError(m_dataError, tr("Could not connect: %1").arg(said));
        return false;
    }
    m_testResult->setText(tr("✓ Connected: %1").arg(said));
    if (const QString problem = saveDatabaseChoice(m_engine.secrets(), *url, url->password); !problem.isEmpty()) {
        setError(m_dataError, problem);
        return false;
    }
    setError(m_dataError, {});
    m_restart = true;
    return true;
}

bool FirstRunWizard::createAccount()
{
    if (m_password->text() != m_confirm->text()) {
        setError(m_accountError, tr("The two passwords differ."));
        m_confirm->setFocus();
        return false;
    }
    if (m_user) // back and forth: the account exists already
        return true;
    auth::AuthService &accounts = m_engine.auth();
    auto user = accounts.createFirstAdmin(m_email->text(), m_password->text(), m_name->text().trimmed());
    if (!user) {
        setError(m_accountError, user.error().userMessage());
        return false;
    }
    m_user = *user;
    // Signed in with what was just typed: asking again would only repeat it.
    auto pair = accounts.login(m_email->text(), m_password->text(), auth::ClientInfo{QString(), QStringLiteral("FlipTech Pro desktop")});
    if (pair) {
        SignInDialog::remember(m_engine.secrets(), *pair, true);
        m_session = *pair;
    }
    setError(m_accountError, {});
    return true;
}

bool FirstRunWizard::saveIntegrations()
{
    const QString key = m_aiKey->text().trimmed();
    if (key.isEmpty())
        return true; // optional
    auto saved = m_engine.ai().setSettings({{QStringLiteral("api_key"), key}});
    if (!saved) {
        setError(m_integrationsError, saved.error().userMessage());
        return false;
    }
    setError(m_integrationsError, {});
    return true;
}

void FirstRunWizard::fillDonePage()
{
    if (m_restart) {
        m_summary->setText(tr("<p>FlipTech Pro starts again on the team's database when you click Finish.</p>"
                              "<p>If the team already works there, sign in with the account an administrator gave you; "
                              "if the database is new, you create its administrator then.</p>"));
        return;
    }
    m_summary->setText(tr("<p>You are signed in as <b>%1</b>%2.</p><p>To get your first leads:</p>"
                          "<ul><li><b>Import CSV</b> on the Leads page, from a spreadsheet or another CRM;</li>"
                          "<li><b>Run a scrape</b> on the Scraper page, e.g. plumbers in your city;</li>"
                          "<li>or <b>add a lead</b> by hand.</li></ul>"
                          "<p>Press F1 at any time for the keyboard shortcuts.</p>")
                           .arg(m_user ? m_user->email.toHtmlEscaped() : QString(),
                                m_aiKey->text().trimmed().isEmpty() ? QString() : tr(", with the AI connected")));
}

} // namespace fliptech::ui
