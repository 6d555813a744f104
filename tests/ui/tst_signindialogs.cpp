#include "fliptech/auth/authservice.h"
#include "fliptech/storage/database.h"
#include "fliptech/ui/signindialogs.h"
#include "memorysecretstore.h"
#include "tempdatabase.h"

#include <QApplication>
#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QApplication>
#include <QTest>
#include <QTimer>

using namespace fliptech;

class TestSignInDialogs final : public QObject
{
    Q_OBJECT
    std::unique_ptr<test::TempDatabase> m_tmp;
    std::shared_ptr<storage::Database> m_db;
    test::MemorySecretStore m_secrets;
    std::unique_ptr<auth::AuthService> m_auth;

    static void type(QWidget *dialog, const char *field, const QString &text)
    {
        auto *edit = dialog->findChild<QLineEdit *>(QString::fromLatin1(field));
        QVERIFY(edit);
        edit->clear();
        QTest::keyClicks(edit, text);
    }
    static void click(QWidget *dialog, const char *button)
    {
        auto *b = dialog->findChild<QPushButton *>(QString::fromLatin1(button));
        QVERIFY(b);
        QTest::mouseClick(b, Qt::LeftButton);
    }
    static QString error(QWidget *dialog)
    {
        auto *l = dialog->findChild<QLabel *>(QStringLiteral("error"));
        return l && l->isVisible() ? l->text() : QString();
    }

private Q_SLOTS:
    void init()
    {
        m_tmp = std::make_unique<test::TempDatabase>(storage::Backend::Sqlite);
        m_db = m_tmp->open();
        QVERIFY(m_db);
        auth::AuthSettings s;
        s.argon2 = auth::Argon2Params{1, 1024, 1};
        m_auth = std::make_unique<auth::AuthService>(m_db, m_secrets, core::SystemClock::instance(), s);
        QVERIFY(m_auth->init().ok());
    }
    void cleanup()
    {
        m_auth.reset();
        m_db.reset();
        m_tmp.reset();
    }

    void temporaryPasswordIsReplacedAtSignIn()
    {
        auto owner = m_auth->createFirstAdmin(QStringLiteral("owner@agency.example"), QStringLiteral("a long enough password"), {});
        auto pair = m_auth->login(QStringLiteral("owner@agency.example"), QStringLiteral("a long enough password"), {});
        auto admin = m_auth->authenticate(pair->accessToken);
        auto mate = m_auth->createUser(*admin, QStringLiteral("mate@agency.example"), QStringLiteral("the first long password"), {}, auth::Role::User, {});
        QVERIFY(mate.ok());
        QVERIFY(m_auth->setTemporaryPassword(*admin, mate->id, QStringLiteral("temporary but long"), false, {}).ok());

        ui::SignInDialog d(*m_auth, m_secrets);
        d.show();
        type(&d, "email", QStringLiteral("mate@agency.example"));
        type(&d, "password", QStringLiteral("temporary but long"));
        // The sign-in opens "Choose your password": a mismatch is named, then it is saved.
        bool seen = false;
        QTimer::singleShot(0, this, [&] {
            QWidget *change = QApplication::activeModalWidget();
            QVERIFY(change && change->objectName() == QLatin1String("changePasswordDialog"));
            seen = true;
            type(change, "password", QStringLiteral("my own long password"));
            type(change, "confirm", QStringLiteral("my own long passwort"));
            click(change, "save");
            QVERIFY(error(change).contains(QStringLiteral("differ")));
            type(change, "confirm", QStringLiteral("my own long password"));
            click(change, "save");
        });
        click(&d, "signIn");
        QVERIFY(seen);
        QCOMPARE(d.result(), int(QDialog::Accepted));
        QVERIFY(!d.session()->user.mustChangePassword);
        QVERIFY(m_auth->login(QStringLiteral("mate@agency.example"), QStringLiteral("my own long password"), {}).ok());
        QVERIFY(!m_auth->login(QStringLiteral("mate@agency.example"), QStringLiteral("temporary but long"), {}).ok());
        Q_UNUSED(owner)
    }

    void signInRemembersAndResumes()
    {
        QVERIFY(m_auth->createFirstAdmin(QStringLiteral("owner@agency.example"), QStringLiteral("a long enough password"), {}).ok());
        QVERIFY(!ui::SignInDialog::resume(*m_auth, m_secrets));
        ui::SignInDialog d(*m_auth, m_secrets);
        d.show();
        type(&d, "email", QStringLiteral("owner@agency.example"));
        type(&d, "password", QStringLiteral("wrong password here"));
        click(&d, "signIn");
        QCOMPARE(error(&d), QStringLiteral("the email or the password is wrong"));
        type(&d, "password", QStringLiteral("a long enough password"));
        click(&d, "signIn");
        QCOMPARE(d.result(), int(QDialog::Accepted));
        QVERIFY(d.session().has_value());
        const QByteArray remembered = *m_secrets.read(ui::SignInDialog::kRememberKey);
        QCOMPARE(remembered, d.session()->refreshToken.toUtf8());

        auto resumed = ui::SignInDialog::resume(*m_auth, m_secrets);
        QVERIFY(resumed.has_value());
        QVERIFY(m_auth->authenticate(resumed->accessToken).ok());
        QVERIFY(*m_secrets.read(ui::SignInDialog::kRememberKey) != remembered); // rotated
        // Signed out elsewhere: resuming fails and the token is forgotten.
        QVERIFY(m_auth->logout(*m_auth->authenticate(resumed->accessToken), {}).ok());
        QVERIFY(!ui::SignInDialog::resume(*m_auth, m_secrets));
        QCOMPARE(m_secrets.read(ui::SignInDialog::kRememberKey).error().code, core::ErrorCode::NotFound);
    }

    void notRememberedWhenUnticked()
    {
        QVERIFY(m_auth->createFirstAdmin(QStringLiteral("owner@agency.example"), QStringLiteral("a long enough password"), {}).ok());
        ui::SignInDialog d(*m_auth, m_secrets);
        d.show();
        type(&d, "email", QStringLiteral("owner@agency.example"));
        type(&d, "password", QStringLiteral("a long enough password"));
        d.findChild<QCheckBox *>(QStringLiteral("remember"))->setChecked(false);
        click(&d, "signIn");
        QCOMPARE(d.result(), int(QDialog::Accepted));
        QCOMPARE(m_secrets.read(ui::SignInDialog::kRememberKey).error().code, core::ErrorCode::NotFound);
    }
};

QTEST_MAIN(TestSignInDialogs)
#include "tst_signindialogs.moc"
