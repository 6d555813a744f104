#include "fliptech/auth/authservice.h"
#include "fliptech/leads/filestore.h"
#include "fliptech/storage/database.h"
#include "fliptech/ui/settingspage.h"
#include "memorysecretstore.h"
#include "tempdatabase.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTableWidget>
#include <QImage>
#include <QTemporaryDir>
#include <QFile>
#include <QTest>

using namespace fliptech;

class TestSettingsPage final : public QObject
{
    Q_OBJECT
    std::unique_ptr<test::TempDatabase> m_tmp;
    std::shared_ptr<storage::Database> m_db;
    test::MemorySecretStore m_secrets;
    std::unique_ptr<auth::AuthService> m_auth;
    auth::Principal m_admin;

    template <typename T>
    static T *child(QWidget *w, const char *name)
    {
        auto *c = w->findChild<T *>(QString::fromLatin1(name));
        if (!c) // a missing widget would be dereferenced by the caller: end here, saying which
            qFatal("no %s named '%s' on the page", T::staticMetaObject.className(), name);
        return c;
    }
    static void type(QWidget *w, const char *name, const QString &text)
    {
        auto *e = child<QLineEdit>(w, name);
        e->clear();
        QTest::keyClicks(e, text);
    }
    static void click(QWidget *w, const char *name) { QTest::mouseClick(child<QPushButton>(w, name), Qt::LeftButton); }

private Q_SLOTS:
    void init()
    {
        m_tmp = std::make_unique<test::TempDatabase>(storage::Backend::Sqlite);
        m_db = m_tmp->open();
        auth::AuthSettings s;
        s.argon2 = auth::Argon2Params{1, 1024, 1};
        m_auth = std::make_unique<auth::AuthService>(m_db, m_secrets, core::SystemClock::instance(), s);
        QVERIFY(m_auth->init().ok());
        QVERIFY(m_auth->createFirstAdmin(QStringLiteral("owner@agency.example"), QStringLiteral("owner long password"), {}).ok());
        m_admin = *m_auth->authenticate(m_auth->login(QStringLiteral("owner@agency.example"), QStringLiteral("owner long password"), {})->accessToken);
    }
    void cleanup()
    {
        m_auth.reset();
        m_db.reset();
        m_tmp.reset();
    }

    void profileAndPassword()
    {
        ui::SettingsPage page(*m_auth, m_admin);
        page.show();
        type(&page, "profileName", QStringLiteral("Olivia Owner"));
        child<QComboBox>(&page, "profileTimezone")->setCurrentText(QStringLiteral("Europe/Madrid"));
        click(&page, "saveProfile");
        QCOMPARE(child<QLabel>(&page, "profileStatus")->text(), QStringLiteral("Profile saved."));
        QCOMPARE(m_auth->user(m_admin.userId)->name, QStringLiteral("Olivia Owner"));
        QCOMPARE(m_auth->user(m_admin.userId)->timezone, QStringLiteral("Europe/Madrid"));
        child<QComboBox>(&page, "profileTimezone")->setCurrentText(QStringLiteral("Atlantis/Lost"));
        click(&page, "saveProfile");
        QVERIFY(child<QLabel>(&page, "profileStatus")->text().contains(QStringLiteral("IANA")));

        type(&page, "currentPassword", QStringLiteral("owner long password"));
        type(&page, "newPassword", QStringLiteral("a new long password"));
        type(&page, "confirmPassword", QStringLiteral("a different one"));
        click(&page, "changePassword");
        QVERIFY(child<QLabel>(&page, "profileStatus")->text().contains(QStringLiteral("differ")));
        type(&page, "currentPassword", QStringLiteral("not the password"));
        type(&page, "confirmPassword", QStringLiteral("a new long password"));
        click(&page, "changePassword");
        QCOMPARE(child<QLabel>(&page, "profileStatus")->text(), QStringLiteral("does not match"));
        type(&page, "currentPassword", QStringLiteral("owner long password"));
        type(&page, "newPassword", QStringLiteral("a new long password"));
        type(&page, "confirmPassword", QStringLiteral("a new long password"));
        click(&page, "changePassword");
        QVERIFY(child<QLabel>(&page, "profileStatus")->text().startsWith(QStringLiteral("Password changed")));
        QVERIFY(m_auth->login(QStringLiteral("owner@agency.example"), QStringLiteral("a new long password"), {}).ok());
    }

    void apiKeysAreShownOnceCopiedAndRevoked()
    {
        ui::SettingsPage page(*m_auth, m_admin);
        page.show();
        auto *keys = child<QTableWidget>(&page, "apiKeys");
        QCOMPARE(keys->rowCount(), 0);
        click(&page, "createKey");
        QVERIFY(child<QLabel>(&page, "keyStatus")->text().contains(QStringLiteral("name")));
        type(&page, "keyName", QStringLiteral("Zapier"));
        click(&page, "createKey");
        const QString key = child<QLineEdit>(&page, "newKey")->text();
        QVERIFY(key.startsWith(QStringLiteral("ftp_")));
        QVERIFY(!child<QLineEdit>(&page, "newKey")->isHidden()); // shown (on its tab)
        QCOMPARE(keys->rowCount(), 1);
        QCOMPARE(keys->item(0, 0)->text(), QStringLiteral("Zapier"));
        QVERIFY(!keys->item(0, 1)->text().contains(key)); // only the prefix is listed
        click(&page, "copyKey");
        QCOMPARE(QApplication::clipboard()->text(), key);
        QVERIFY(m_auth->authenticate(key).ok());

        keys->selectRow(0);
        ui::Confirm::setNextAnswer(false);
        click(&page, "revokeKey");
        QCOMPARE(keys->rowCount(), 1);
        ui::Confirm::setNextAnswer(true);
        click(&page, "revokeKey");
        QCOMPARE(keys->rowCount(), 0);
        QVERIFY(!m_auth->authenticate(key).ok());
    }

    void adminsManageTheTeam()
    {
        ui::SettingsPage page(*m_auth, m_admin);
        page.show();
        QCOMPARE(child<QTabWidget>(&page, "settingsTabs")->count(), 3);
        auto *users = child<QTableWidget>(&page, "users");
        QCOMPARE(users->rowCount(), 1);
        type(&page, "newUserEmail", QStringLiteral("sam@agency.example"));
        type(&page, "newUserPassword", QStringLiteral("short"));
        click(&page, "addUser");
        QVERIFY(child<QLabel>(&page, "userStatus")->text().contains(QStringLiteral("at least 10")));
        type(&page, "newUserPassword", QStringLiteral("sam's long password"));
        click(&page, "addUser");
        QCOMPARE(users->rowCount(), 2);
        QCOMPARE(users->item(1, 2)->text(), QStringLiteral("user"));

        users->selectRow(1);
        child<QComboBox>(&page, "changeRole")->setCurrentText(QStringLiteral("viewer"));
        click(&page, "setRole");
        QCOMPARE(users->item(1, 2)->text(), QStringLiteral("viewer"));
        users->selectRow(1);
        click(&page, "toggleActive");
        QCOMPARE(users->item(1, 3)->text(), QStringLiteral("no"));
        QVERIFY(!m_auth->login(QStringLiteral("sam@agency.example"), QStringLiteral("sam's long password"), {}).ok());

        users->selectRow(0); // the last admin cannot demote themselves
        child<QComboBox>(&page, "changeRole")->setCurrentText(QStringLiteral("user"));
        click(&page, "setRole");
        QVERIFY(child<QLabel>(&page, "userStatus")->text().contains(QStringLiteral("last administrator")));

        users->selectRow(1);
        ui::Confirm::setNextAnswer(true);
        click(&page, "deleteUser");
        QCOMPARE(users->rowCount(), 1);
    }

    void membersSeeNoUsersTab()
    {
        auto sam = m_auth->createUser(m_admin, QStringLiteral("sam@agency.example"), QStringLiteral("sam's long password"), {},
                                      auth::Role::User, {});
        auth::Principal p;
        p.userId = sam->id;
        p.role = auth::Role::User;
        ui::SettingsPage page(*m_auth, p);
        QCOMPARE(child<QTabWidget>(&page, "settingsTabs")->count(), 2);
    }

    void avatarIsUploadedReencodedAndSaved()
    {
        QTemporaryDir dir;
        leads::FileStore files(m_db, dir.filePath(QStringLiteral("files")), core::SystemClock::instance());
        ui::SettingsPage page(*m_auth, m_admin);
        page.setFileStore(&files);
        page.show();
        QVERIFY(page.findChild<QPushButton *>(QStringLiteral("chooseAvatar"))->isVisible());
        QImage image(300, 200, QImage::Format_RGB32);
        image.fill(Qt::blue);
        const QString png = dir.filePath(QStringLiteral("me.png"));
        QVERIFY(image.save(png));
        QVERIFY(page.uploadAvatar(png));
        const QString url = m_auth->user(m_admin.userId)->avatarUrl;
        QVERIFY2(url.startsWith(QStringLiteral("/api/v1/files/")), qPrintable(url));
        auto stored = files.get(url.section(u'/', 4, 4).toLongLong());
        QVERIFY(stored.ok());
        QCOMPARE(QImage(stored->path).size(), QSize(256, 256));
        // Not an image: refused, the profile keeps its avatar.
        const QString text = dir.filePath(QStringLiteral("notes.png"));
        QFile f(text);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("just text");
        f.close();
        QVERIFY(!page.uploadAvatar(text));
        QCOMPARE(m_auth->user(m_admin.userId)->avatarUrl, url);
    }
};

QTEST_MAIN(TestSettingsPage)
#include "tst_settingspage.moc"
#include "testenv.h"
