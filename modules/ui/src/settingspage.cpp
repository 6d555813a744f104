#include "fliptech/ui/settingspage.h"
#include "fliptech/ui/appsettings.h"

#include "fliptech/leads/filestore.h"

#include "fliptech/engine/engine.h"
#include "fliptech/ui/aisettings.h"
#include "fliptech/ui/integrationssettings.h"
#include "fliptech/ui/sendersettings.h"
#include "fliptech/ui/usagesettings.h"
#include "fliptech/ui/pageregistry.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QTableWidget>
#include <QTabWidget>
#include <QTimeZone>
#include <QVBoxLayout>

#include <optional>

namespace fliptech::ui {

namespace {
std::optional<bool> g_nextAnswer;

QLineEdit *lineEdit(QWidget *parent, const char *name, bool password = false)
{
    auto *e = new QLineEdit(parent);
    e->setObjectName(QString::fromLatin1(name));
    if (password)
        e->setEchoMode(QLineEdit::Password);
    return e;
}

QPushButton *button(QWidget *parent, const QString &text, const char *name)
{
    auto *b = new QPushButton(text, parent);
    b->setObjectName(QString::fromLatin1(name));
    return b;
}

QTableWidget *table(QWidget *parent, const char *name, const QStringList &headers)
{
    auto *t = new QTableWidget(0, int(headers.size()), parent);
    t->setObjectName(QString::fromLatin1(name));
    t->setHorizontalHeaderLabels(headers);
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    t->setSelectionMode(QAbstractItemView::SingleSelection);
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->horizontalHeader()->setStretchLastSection(true);
    t->verticalHeader()->hide();
    return t;
}

QString when(const QDateTime &t)
{
    return t.isValid() ? QLocale().toString(t.toLocalTime(), QLocale::ShortFormat) : QStringLiteral("—");
}
} // namespace

bool Confirm::ask(QWidget *parent, const QString &title, const QString &text)
{
    if (g_nextAnswer) {
        const bool a = *g_nextAnswer;
        g_nextAnswer.reset();
        return a;
    }
    return QMessageBox::question(parent, title, text) == QMessageBox::Yes;
}

void Confirm::setNextAnswer(bool yes)
{
    g_nextAnswer = yes;
}

SettingsPage::SettingsPage(auth::AuthService &auth, auth::Principal principal, QWidget *parent)
    : QWidget(parent), m_auth(auth), m_principal(principal)
{
    auto *layout = new QVBoxLayout(this);
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("settingsTabs"));
    m_tabs->addTab(buildProfile(), tr("Profile"));
    m_tabs->addTab(buildApiKeys(), tr("API keys"));
    if (m_principal.atLeast(auth::Role::Admin))
        m_tabs->addTab(buildUsers(), tr("Users"));
    layout->addWidget(m_tabs);
}

void SettingsPage::say(QLabel *label, const QString &text, bool error)
{
    label->setStyleSheet(error ? QStringLiteral("color: #c0392b;") : QStringLiteral("color: #1e8449;"));
    label->setText(text);
}

QWidget *SettingsPage::buildProfile()
{
    auto *w = new QWidget(this);
    auto *layout = new QVBoxLayout(w);
    auto *form = new QFormLayout;
    m_name = lineEdit(w, "profileName");
    m_timezone = new QComboBox(w);
    m_timezone->setObjectName(QStringLiteral("profileTimezone"));
    m_timezone->setEditable(true);
    for (const QByteArray &id : QTimeZone::availableTimeZoneIds())
        m_timezone->addItem(QString::fromLatin1(id));
    m_avatar = lineEdit(w, "profileAvatar");
    m_avatar->setPlaceholderText(tr("https://… (an image address)"));
    form->addRow(tr("&Name"), m_name);
    form->addRow(tr("&Time zone"), m_timezone);
    auto *avatarRow = new QHBoxLayout;
    avatarRow->addWidget(m_avatar, 1);
    m_chooseAvatar = button(w, tr("Choose image…"), "chooseAvatar");
    m_chooseAvatar->setVisible(false); // needs a file store (setFileStore)
    avatarRow->addWidget(m_chooseAvatar);
    auto *avatarLabel = new QLabel(tr("&Avatar"), w);
    avatarLabel->setBuddy(m_avatar); // a row of two: the label's shortcut goes to the first
    form->addRow(avatarLabel, avatarRow);
    connect(m_chooseAvatar, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Avatar"), {}, tr("Images (*.png *.jpg *.jpeg *.gif *.webp)"));
        if (!path.isEmpty())
            uploadAvatar(path);
    });
    layout->addLayout(form);
    auto *save = button(w, tr("Save profile"), "saveProfile");
    connect(save, &QPushButton::clicked, this, &SettingsPage::saveProfile);
    layout->addWidget(save, 0, Qt::AlignLeft);

    auto *pwBox = new QGroupBox(tr("Change password"), w);
    auto *pwForm = new QFormLayout(pwBox);
    m_current = lineEdit(pwBox, "currentPassword", true);
    m_newPassword = lineEdit(pwBox, "newPassword", true);
    m_confirm = lineEdit(pwBox, "confirmPassword", true);
    pwForm->addRow(tr("Current password"), m_current);
    pwForm->addRow(tr("New password"), m_newPassword);
    pwForm->addRow(tr("Repeat new password"), m_confirm);
    auto *change = button(pwBox, tr("Change password"), "changePassword");
    connect(change, &QPushButton::clicked, this, &SettingsPage::changePassword);
    pwForm->addRow(QString(), change);
    layout->addWidget(pwBox);
    m_profileStatus = new QLabel(w);
    m_profileStatus->setObjectName(QStringLiteral("profileStatus"));
    m_profileStatus->setWordWrap(true);
    layout->addWidget(m_profileStatus);
    layout->addStretch(1);

    if (auto u = m_auth.user(m_principal.userId)) {
        m_name->setText(u->name);
        m_timezone->setCurrentText(u->timezone);
        m_avatar->setText(u->avatarUrl);
    }
    return w;
}

void SettingsPage::saveProfile()
{
    auto u = m_auth.updateProfile(m_principal, {{QStringLiteral("name"), m_name->text().trimmed()},
                                                {QStringLiteral("timezone"), m_timezone->currentText().trimmed()},
                                                {QStringLiteral("avatar_url"), m_avatar->text().trimmed()}},
                                  {});
    say(m_profileStatus, u ? tr("Profile saved.") : u.error().userMessage(), !u);
}

void SettingsPage::changePassword()
{
    if (m_newPassword->text() != m_confirm->text()) {
        say(m_profileStatus, tr("The two new passwords differ."), true);
        return;
    }
    auto u = m_auth.updateProfile(m_principal, {{QStringLiteral("password"), m_newPassword->text()},
                                                {QStringLiteral("current_password"), m_current->text()}},
                                  {});
    say(m_profileStatus, u ? tr("Password changed. Other sign-ins were ended.") : u.error().userMessage(), !u);
    if (u) {
        m_current->clear();
        m_newPassword->clear();
        m_confirm->clear();
    }
}

QWidget *SettingsPage::buildApiKeys()
{
    auto *w = new QWidget(this);
    auto *layout = new QVBoxLayout(w);
    m_keys = table(w, "apiKeys", {tr("Name"), tr("Key starts with"), tr("Last used"), tr("Expires"), tr("Created")});
    layout->addWidget(m_keys);
    auto *row = new QHBoxLayout;
    m_keyName = lineEdit(w, "keyName");
    m_keyName->setPlaceholderText(tr("Name of the new key, e.g. Zapier"));
    auto *create = button(w, tr("Create key"), "createKey");
    auto *revoke = button(w, tr("Revoke…"), "revokeKey");
    create->setEnabled(m_principal.atLeast(auth::Role::User));
    revoke->setEnabled(m_principal.atLeast(auth::Role::User));
    connect(create, &QPushButton::clicked, this, &SettingsPage::createKey);
    connect(m_keyName, &QLineEdit::returnPressed, this, &SettingsPage::createKey);
    connect(revoke, &QPushButton::clicked, this, &SettingsPage::revokeKey);
    row->addWidget(m_keyName, 1);
    row->addWidget(create);
    row->addWidget(revoke);
    layout->addLayout(row);
    auto *shown = new QHBoxLayout;
    m_newKey = lineEdit(w, "newKey");
    m_newKey->setReadOnly(true);
    m_newKey->hide();
    m_copyKey = button(w, tr("Copy"), "copyKey");
    m_copyKey->hide();
    connect(m_copyKey, &QPushButton::clicked, this, [this] {
        QApplication::clipboard()->setText(m_newKey->text());
        say(m_keyStatus, tr("Copied. Store it somewhere safe: it will not be shown again."), false);
    });
    shown->addWidget(m_newKey, 1);
    shown->addWidget(m_copyKey);
    layout->addLayout(shown);
    m_keyStatus = new QLabel(w);
    m_keyStatus->setObjectName(QStringLiteral("keyStatus"));
    m_keyStatus->setWordWrap(true);
    layout->addWidget(m_keyStatus);
    reloadKeys();
    return w;
}

void SettingsPage::reloadKeys()
{
    auto keys = m_auth.apiKeys(m_principal);
    m_keys->setRowCount(0);
    if (!keys)
        return say(m_keyStatus, keys.error().userMessage(), true);
    for (const auth::ApiKey &k : *keys) {
        const int r = m_keys->rowCount();
        m_keys->insertRow(r);
        auto *name = new QTableWidgetItem(k.name);
        name->setData(Qt::UserRole, k.id);
        m_keys->setItem(r, 0, name);
        m_keys->setItem(r, 1, new QTableWidgetItem(k.prefix + QStringLiteral("…")));
        m_keys->setItem(r, 2, new QTableWidgetItem(when(k.lastUsedAt)));
        m_keys->setItem(r, 3, new QTableWidgetItem(k.expiresAt.isValid() ? when(k.expiresAt) : tr("never")));
        m_keys->setItem(r, 4, new QTableWidgetItem(when(k.createdAt)));
    }
}

void SettingsPage::createKey()
{
    auto k = m_auth.createApiKey(m_principal, m_keyName->text(), {}, {}, {});
    if (!k)
        return say(m_keyStatus, k.error().userMessage(), true);
    m_newKey->setText(k->plaintext);
    m_newKey->show();
    m_copyKey->show();
    m_keyName->clear();
    say(m_keyStatus, tr("Key \"%1\" created. Copy it now: it is shown only once.").arg(k->name), false);
    reloadKeys();
}

void SettingsPage::revokeKey()
{
    const int row = m_keys->currentRow();
    if (row < 0)
        return say(m_keyStatus, tr("Select a key to revoke."), true);
    const QString name = m_keys->item(row, 0)->text();
    if (!Confirm::ask(this, tr("Revoke API key"), tr("Revoke \"%1\"? Anything using it stops working at once.").arg(name)))
        return;
    auto st = m_auth.revokeApiKey(m_principal, m_keys->item(row, 0)->data(Qt::UserRole).toLongLong(), {});
    say(m_keyStatus, st ? tr("Key \"%1\" revoked.").arg(name) : st.error().userMessage(), !st);
    reloadKeys();
}

QWidget *SettingsPage::buildUsers()
{
    auto *w = new QWidget(this);
    auto *layout = new QVBoxLayout(w);
    m_users = table(w, "users", {tr("Email"), tr("Name"), tr("Role"), tr("Active"), tr("Last sign-in")});
    layout->addWidget(m_users);
    auto *actions = new QHBoxLayout;
    m_changeRole = new QComboBox(w);
    m_changeRole->setObjectName(QStringLiteral("changeRole"));
    m_changeRole->addItems({QStringLiteral("admin"), QStringLiteral("user"), QStringLiteral("viewer")});
    auto *setRole = button(w, tr("Set role"), "setRole");
    auto *toggle = button(w, tr("Deactivate / reactivate"), "toggleActive");
    auto *remove = button(w, tr("Delete…"), "deleteUser");
    connect(setRole, &QPushButton::clicked, this, [this] {
        const QString role = m_changeRole->currentText();
        applyToUser([this, role](qint64 id) { return m_auth.updateUser(m_principal, id, {{QStringLiteral("role"), role}}, {}); });
    });
    connect(toggle, &QPushButton::clicked, this, [this] {
        const int row = m_users->currentRow();
        const bool active = row >= 0 && m_users->item(row, 3)->data(Qt::UserRole).toBool();
        applyToUser([this, active](qint64 id) { return m_auth.updateUser(m_principal, id, {{QStringLiteral("is_active"), !active}}, {}); });
    });
    connect(remove, &QPushButton::clicked, this, &SettingsPage::deleteUser);
    actions->addWidget(m_changeRole);
    actions->addWidget(setRole);
    actions->addWidget(toggle);
    actions->addWidget(remove);
    actions->addStretch(1);
    layout->addLayout(actions);

    // Without mail for reset links: a password the teammate must replace at the next sign-in.
    auto *temporary = new QHBoxLayout;
    m_temporaryPassword = lineEdit(w, "temporaryPassword", true);
    m_temporaryPassword->setPlaceholderText(tr("Temporary password (they choose their own at the next sign-in)"));
    auto *setTemporary = button(w, tr("Set temporary password"), "setTemporaryPassword");
    connect(setTemporary, &QPushButton::clicked, this, [this] {
        const int row = m_users->currentRow();
        if (row < 0)
            return say(m_userStatus, tr("Select an account first."), true);
        const QString email = m_users->item(row, 0)->text();
        const bool revokeKeys = Confirm::ask(this, tr("Temporary password"),
                                             tr("Also revoke the API keys of %1? (Their sign-ins end either way.)").arg(email));
        auto st = m_auth.setTemporaryPassword(m_principal, m_users->item(row, 0)->data(Qt::UserRole).toLongLong(), m_temporaryPassword->text(),
                                              revokeKeys, {});
        say(m_userStatus, st ? tr("%1 has a temporary password; they will choose their own when they sign in.").arg(email) : st.error().userMessage(), !st);
        if (st)
            m_temporaryPassword->clear();
    });
    temporary->addWidget(m_temporaryPassword, 1);
    temporary->addWidget(setTemporary);
    layout->addLayout(temporary);

    auto *addBox = new QGroupBox(tr("Add a teammate"), w);
    auto *form = new QFormLayout(addBox);
    m_userEmail = lineEdit(addBox, "newUserEmail");
    m_userName = lineEdit(addBox, "newUserName");
    m_userPassword = lineEdit(addBox, "newUserPassword", true);
    m_userRole = new QComboBox(addBox);
    m_userRole->setObjectName(QStringLiteral("newUserRole"));
    m_userRole->addItems({QStringLiteral("user"), QStringLiteral("viewer"), QStringLiteral("admin")});
    form->addRow(tr("Email"), m_userEmail);
    form->addRow(tr("Name"), m_userName);
    form->addRow(tr("First password"), m_userPassword);
    form->addRow(tr("Role"), m_userRole);
    auto *add = button(addBox, tr("Add"), "addUser");
    connect(add, &QPushButton::clicked, this, &SettingsPage::addUser);
    form->addRow(QString(), add);
    layout->addWidget(addBox);
    m_userStatus = new QLabel(w);
    m_userStatus->setObjectName(QStringLiteral("userStatus"));
    m_userStatus->setWordWrap(true);
    layout->addWidget(m_userStatus);
    reloadUsers();
    return w;
}

void SettingsPage::reloadUsers()
{
    auto users = m_auth.users(m_principal);
    m_users->setRowCount(0);
    if (!users)
        return say(m_userStatus, users.error().userMessage(), true);
    for (const auth::User &u : *users) {
        const int r = m_users->rowCount();
        m_users->insertRow(r);
        auto *email = new QTableWidgetItem(u.email);
        email->setData(Qt::UserRole, u.id);
        m_users->setItem(r, 0, email);
        m_users->setItem(r, 1, new QTableWidgetItem(u.name));
        m_users->setItem(r, 2, new QTableWidgetItem(auth::roleName(u.role)));
        auto *active = new QTableWidgetItem(u.active ? tr("yes") : tr("no"));
        active->setData(Qt::UserRole, u.active);
        m_users->setItem(r, 3, active);
        m_users->setItem(r, 4, new QTableWidgetItem(when(u.lastLoginAt)));
    }
}

void SettingsPage::addUser()
{
    auto u = m_auth.createUser(m_principal, m_userEmail->text(), m_userPassword->text(), m_userName->text().trimmed(),
                               auth::roleFromName(m_userRole->currentText()).value_or(auth::Role::Viewer), {});
    if (!u)
        return say(m_userStatus, u.error().userMessage(), true);
    say(m_userStatus, tr("%1 can now sign in.").arg(u->email), false);
    m_userEmail->clear();
    m_userName->clear();
    m_userPassword->clear();
    reloadUsers();
}

void SettingsPage::applyToUser(const std::function<core::Result<auth::User>(qint64)> &change)
{
    const int row = m_users->currentRow();
    if (row < 0)
        return say(m_userStatus, tr("Select an account first."), true);
    auto u = change(m_users->item(row, 0)->data(Qt::UserRole).toLongLong());
    say(m_userStatus, u ? tr("%1 updated.").arg(u->email) : u.error().userMessage(), !u);
    reloadUsers();
}

void SettingsPage::deleteUser()
{
    const int row = m_users->currentRow();
    if (row < 0)
        return say(m_userStatus, tr("Select an account first."), true);
    const QString email = m_users->item(row, 0)->text();
    if (!Confirm::ask(this, tr("Delete account"), tr("Delete %1? Their leads and notes stay; the account cannot sign in again.").arg(email)))
        return;
    auto st = m_auth.deleteUser(m_principal, m_users->item(row, 0)->data(Qt::UserRole).toLongLong(), {});
    say(m_userStatus, st ? tr("%1 deleted.").arg(email) : st.error().userMessage(), !st);
    reloadUsers();
}

void SettingsPage::setFileStore(leads::FileStore *files)
{
    m_files = files;
    m_chooseAvatar->setVisible(files != nullptr);
}

bool SettingsPage::uploadAvatar(const QString &path)
{
    if (!m_files)
        return false;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        say(m_profileStatus, tr("Cannot read %1.").arg(path), true);
        return false;
    }
    auto stored = m_files->store(leads::Actor::of(m_principal), leads::FileStore::Kind::Avatar, QFileInfo(path).fileName(),
                                 f.read(leads::FileStore::maxImageBytes + 1), QStringLiteral("user"), m_principal.userId);
    if (!stored) {
        say(m_profileStatus, stored.error().userMessage(), true);
        return false;
    }
    m_avatar->setText(stored->toJson().value(QStringLiteral("download_url")).toString());
    saveProfile();
    return true;
}

void SettingsPage::setEnrichment(scraper::EnrichmentService *enrichment, campaigns::ProviderEvents *events)
{
    if (!enrichment)
        return;
    auto *tab = new IntegrationsSettings(*enrichment, m_principal.atLeast(auth::Role::Admin), m_tabs, events);
    tab->setObjectName(QStringLiteral("integrations"));
    m_tabs->addTab(tab, tr("Integrations"));
}

void SettingsPage::setSenders(campaigns::SenderAccountService *senders, campaigns::CampaignService *campaigns)
{
    if (!senders)
        return;
    auto *tab = new SenderSettings(*senders, m_principal.atLeast(auth::Role::Admin), m_tabs, campaigns);
    tab->setObjectName(QStringLiteral("senders"));
    m_tabs->addTab(tab, tr("Sender accounts"));
}

void SettingsPage::setAi(ai::AiService *ai)
{
    if (!ai)
        return;
    const auth::Principal principal = m_principal;
    auto *tab = new AiSettings(*ai, m_principal.atLeast(auth::Role::Admin), [principal] { return leads::Actor::of(principal); }, m_tabs);
    tab->setObjectName(QStringLiteral("ai"));
    m_tabs->addTab(tab, tr("AI"));
}

void SettingsPage::setUsage(analytics::UsageService *usage)
{
    if (!usage)
        return;
    const auth::Principal principal = m_principal;
    auto *tab = new UsageSettings(*usage, m_principal.atLeast(auth::Role::Admin), [principal] { return leads::Actor::of(principal); }, m_tabs);
    tab->setObjectName(QStringLiteral("usage"));
    m_tabs->addTab(tab, tr("Usage"));
}

void SettingsPage::setApplication(storage::SecretStore *secrets, const storage::DatabaseUrl &database)
{
    if (!secrets)
        return;
    auto *tab = new ApplicationSettings(*secrets, database, m_tabs);
    m_tabs->addTab(tab, tr("Application"));
}

void registerSettingsPage(PageRegistry &registry)
{
    const PageInfo *placeholder = registry.find(QStringLiteral("settings"));
    PageInfo info{QStringLiteral("settings"), placeholder ? placeholder->title : QObject::tr("Settings"),
                  QStringLiteral("settings"), placeholder ? placeholder->order : 100,
                  [](PageContext &context, QWidget *parent) -> QWidget * {
                      if (!context.principal) {
                          auto *l = new QLabel(QObject::tr("Sign in to change settings."), parent);
                          l->setAlignment(Qt::AlignCenter);
                          return l;
                      }
                      auto *page = new SettingsPage(context.engine.auth(), *context.principal, parent);
                      page->setFileStore(&context.engine.files());
                      page->setEnrichment(&context.engine.enrichment(), &context.engine.providerEvents());
                      page->setSenders(&context.engine.senders(), &context.engine.campaigns());
                      page->setAi(&context.engine.ai());
                      page->setUsage(&context.engine.usage());
                      page->setApplication(&context.engine.secrets(), context.engine.options().database);
                      return page;
                  }};
    registry.add(std::move(info));
}

} // namespace fliptech::ui
