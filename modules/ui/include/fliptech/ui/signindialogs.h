#pragma once
// The desktop's way in (a fresh install starts with the FirstRunWizard instead):
// SignInDialog signs in, and with "Remember me" keeps the refresh token in the SecretStore
// (the OS keychain) so the next start signs in without asking. Both talk to AuthService only.

#include "fliptech/auth/authservice.h"

#include <QDialog>

#include <optional>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace fliptech::storage {
class SecretStore;
}

namespace fliptech::ui {

// After signing in with a temporary password: the user's own password, before anything else.
class ChangePasswordDialog final : public QDialog
{
    Q_OBJECT
public:
    ChangePasswordDialog(auth::AuthService &auth, const auth::TokenPair &session, QString temporaryPassword, QWidget *parent = nullptr);

private:
    void submit();
    auth::AuthService &m_auth;
    auth::TokenPair m_session;
    QString m_temporary;
    QLineEdit *m_password, *m_confirm;
    QLabel *m_error;
};

class SignInDialog final : public QDialog
{
    Q_OBJECT
public:
    SignInDialog(auth::AuthService &auth, storage::SecretStore &secrets, QWidget *parent = nullptr);
    const std::optional<auth::TokenPair> &session() const { return m_session; }

    // Signs in silently with a remembered refresh token; nullopt when there is none or it no
    // longer works (then it is forgotten).
    static std::optional<auth::TokenPair> resume(auth::AuthService &auth, storage::SecretStore &secrets);
    // Keeps (or forgets) a session's refresh token for resume().
    static void remember(storage::SecretStore &secrets, const auth::TokenPair &session, bool keep);
    static const QString kRememberKey;

private:
    void submit();
    auth::AuthService &m_auth;
    storage::SecretStore &m_secrets;
    QLineEdit *m_email, *m_password;
    QCheckBox *m_remember;
    QLabel *m_error;
    std::optional<auth::TokenPair> m_session;
};

} // namespace fliptech::ui
