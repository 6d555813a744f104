#include "fliptech/ui/signindialogs.h"

#include "formparts.h"

#include "fliptech/storage/secretstore.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace fliptech::ui {

namespace {
void showError(QLabel *label, const core::Error &error)
{
    setError(label, error.userMessage());
}
} // namespace

ChangePasswordDialog::ChangePasswordDialog(auth::AuthService &auth, const auth::TokenPair &session, QString temporaryPassword, QWidget *parent)
    : QDialog(parent), m_auth(auth), m_session(session), m_temporary(std::move(temporaryPassword))
{
    setWindowTitle(tr("Choose your password"));
    setObjectName(QStringLiteral("changePasswordDialog"));
    setMinimumWidth(400);
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("An administrator gave you a temporary password. Choose your own to go on."), this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto *form = new QFormLayout;
    m_password = new QLineEdit(this);
    m_password->setObjectName(QStringLiteral("password"));
    m_password->setEchoMode(QLineEdit::Password);
    m_confirm = new QLineEdit(this);
    m_confirm->setObjectName(QStringLiteral("confirm"));
    m_confirm->setEchoMode(QLineEdit::Password);
    form->addRow(tr("&New password"), m_password);
    form->addRow(tr("&Repeat it"), m_confirm);
    layout->addLayout(form);
    m_error = errorLabel(this);
    layout->addWidget(m_error);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Save password"));
    buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("save"));
    connect(buttons, &QDialogButtonBox::accepted, this, &ChangePasswordDialog::submit);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

void ChangePasswordDialog::submit()
{
    if (m_password->text() != m_confirm->text()) {
        showError(m_error, core::makeError(core::ErrorCode::ValidationFailed, tr("The two passwords differ.")));
        m_confirm->setFocus();
        return;
    }
    auto who = m_auth.authenticate(m_session.accessToken);
    if (!who) {
        showError(m_error, who.error());
        return;
    }
    auto changed = m_auth.updateProfile(*who, {{QStringLiteral("current_password"), m_temporary}, {QStringLiteral("password"), m_password->text()}},
                                        auth::ClientInfo{QString(), QStringLiteral("FlipTech Pro desktop")});
    if (!changed) {
        showError(m_error, changed.error());
        return;
    }
    accept();
}

const QString SignInDialog::kRememberKey = QStringLiteral("desktop-refresh-token");

SignInDialog::SignInDialog(auth::AuthService &auth, storage::SecretStore &secrets, QWidget *parent)
    : QDialog(parent), m_auth(auth), m_secrets(secrets)
{
    setWindowTitle(tr("Sign in to FlipTech Pro"));
    setObjectName(QStringLiteral("signInDialog"));
    setMinimumWidth(400);
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    m_email = new QLineEdit(this);
    m_email->setObjectName(QStringLiteral("email"));
    m_password = new QLineEdit(this);
    m_password->setObjectName(QStringLiteral("password"));
    m_password->setEchoMode(QLineEdit::Password);
    form->addRow(tr("&Email"), m_email);
    form->addRow(tr("&Password"), m_password);
    layout->addLayout(form);
    m_remember = new QCheckBox(tr("&Remember me on this computer"), this);
    m_remember->setObjectName(QStringLiteral("remember"));
    m_remember->setChecked(true);
    layout->addWidget(m_remember);
    m_error = errorLabel(this);
    layout->addWidget(m_error);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Sign in"));
    buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("signIn"));
    connect(buttons, &QDialogButtonBox::accepted, this, &SignInDialog::submit);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

void SignInDialog::submit()
{
    auto pair = m_auth.login(m_email->text(), m_password->text(), auth::ClientInfo{QString(), QStringLiteral("FlipTech Pro desktop")});
    if (!pair) {
        showError(m_error, pair.error());
        m_password->selectAll();
        m_password->setFocus();
        return;
    }
    if (pair->user.mustChangePassword) {
        // A temporary password from an admin: the user chooses their own before going on.
        ChangePasswordDialog change(m_auth, *pair, m_password->text(), this);
        if (change.exec() != QDialog::Accepted)
            return;
        pair->user.mustChangePassword = false;
    }
    remember(m_secrets, *pair, m_remember->isChecked());
    m_session = *pair;
    accept();
}

void SignInDialog::remember(storage::SecretStore &secrets, const auth::TokenPair &session, bool keep)
{
    constexpr const char *why = "the remembered sign-in; losing it costs a sign-in prompt at the next start";
    if (keep)
        core::logDiscarded(secrets.write(kRememberKey, session.refreshToken.toUtf8()), why);
    else
        core::logDiscarded(secrets.remove(kRememberKey), why);
}

std::optional<auth::TokenPair> SignInDialog::resume(auth::AuthService &auth, storage::SecretStore &secrets)
{
    auto stored = secrets.read(kRememberKey);
    if (!stored)
        return std::nullopt;
    auto pair = auth.refresh(QString::fromUtf8(*stored), auth::ClientInfo{QString(), QStringLiteral("FlipTech Pro desktop")});
    if (!pair) {
        core::logDiscarded(secrets.remove(kRememberKey), "a remembered sign-in that no longer works; the next sign-in replaces it");
        return std::nullopt;
    }
    core::logDiscarded(secrets.write(kRememberKey, pair->refreshToken.toUtf8()),
                       "the rotated refresh token; losing it costs a sign-in prompt at the next start");
    return *pair;
}

} // namespace fliptech::ui
