#include "fliptech/auth/authservice.h"
#include "fliptech/storage/database.h"
#include "fakeclock.h"
#include "memorysecretstore.h"
#include "tempdatabase.h"

#include <QJsonArray>
#include <QTest>

using namespace fliptech;
using auth::Role;
using core::ErrorCode;

class TestAuthService final : public QObject
{
    Q_OBJECT
    std::unique_ptr<test::TempDatabase> m_tmp;
    std::shared_ptr<storage::Database> m_db;
    std::unique_ptr<test::FakeClock> m_clock;
    test::MemorySecretStore m_secrets;
    std::unique_ptr<auth::AuthService> m_auth;
    const auth::ClientInfo m_client{QStringLiteral("203.0.113.7"), QStringLiteral("tst_authservice")};
    const QString kAdminPwd = QStringLiteral("admin password that is long");
    const QString kUserPwd = QStringLiteral("sales person password");

    auth::Principal principal(const auth::TokenPair &pair)
    {
        auto p = m_auth->authenticate(pair.accessToken);
        FT_EXPECT(p.ok(), p.ok() ? "" : qPrintable(p.error().message));
        return p ? *p : auth::Principal{};
    }
    auth::Principal admin()
    {
        return principal(*m_auth->login(QStringLiteral("boss@agency.example"), kAdminPwd, m_client));
    }
    qint64 activity(const QString &action)
    {
        return m_db->selectOne(QStringLiteral("SELECT count(*) FROM activity_log WHERE action = ?"), {action})->value(0).toLongLong();
    }

private Q_SLOTS:
    void init()
    {
        m_tmp = std::make_unique<test::TempDatabase>();
        FLIPTECH_REQUIRE_DATABASE(*m_tmp);
        m_db = m_tmp->open();
        QVERIFY(m_db);
        m_clock = std::make_unique<test::FakeClock>();
        auth::AuthSettings s;
        s.argon2 = auth::Argon2Params{1, 1024, 1}; // fast in tests
        m_auth = std::make_unique<auth::AuthService>(m_db, m_secrets, *m_clock, s);
        QVERIFY(m_auth->init().ok());
        QCOMPARE(m_auth->hasUsers().value(), false);
        auto a = m_auth->createFirstAdmin(QStringLiteral("Boss@Agency.example"), kAdminPwd, QStringLiteral("Boss"));
        QVERIFY2(a.ok(), a.ok() ? "" : qPrintable(a.error().message));
        QCOMPARE(a->role, Role::Admin);
    }
    void cleanup()
    {
        m_auth.reset();
        m_db.reset();
        m_tmp.reset();
    }

    void firstAdminOnlyOnce()
    {
        auto again = m_auth->createFirstAdmin(QStringLiteral("other@agency.example"), kAdminPwd, {});
        QCOMPARE(again.error().code, ErrorCode::Forbidden);
        QCOMPARE(m_auth->hasUsers().value(), true);
    }

    void signingKeyLivesInTheSecretStore()
    {
        auto key = m_secrets.read(QStringLiteral("jwt-signing-key"));
        QVERIFY(key.ok());
        QCOMPARE(key->size(), 64);
        // A second service on the same store accepts the first one's tokens.
        auto pair = m_auth->login(QStringLiteral("boss@agency.example"), kAdminPwd, m_client);
        auth::AuthService other(m_db, m_secrets, *m_clock);
        QVERIFY(other.init().ok());
        QVERIFY(other.authenticate(pair->accessToken).ok());
    }

    void loginAndMe()
    {
        auto pair = m_auth->login(QStringLiteral("  BOSS@agency.example "), kAdminPwd, m_client);
        QVERIFY(pair.ok());
        QCOMPARE(pair->expiresIn, 30 * 60);
        const auth::Principal p = principal(*pair);
        FT_STOP_IF_FAILED();
        QCOMPARE(p.role, Role::Admin);
        QCOMPARE(m_auth->user(p.userId)->email, QStringLiteral("Boss@Agency.example"));
        QVERIFY(m_auth->user(p.userId)->lastLoginAt.isValid());
        QCOMPARE(activity(QStringLiteral("login")), 1);
        const QJsonObject json = pair->toJson();
        QCOMPARE(json.value(QStringLiteral("token_type")).toString(), QStringLiteral("bearer"));
        QVERIFY(!json.value(QStringLiteral("user")).toObject().contains(QStringLiteral("password_hash")));
    }

    void wrongPasswordAndUnknownEmailLookTheSame()
    {
        auto a = m_auth->login(QStringLiteral("boss@agency.example"), QStringLiteral("wrong password here"), m_client);
        auto b = m_auth->login(QStringLiteral("nobody@agency.example"), QStringLiteral("wrong password here"), m_client);
        QCOMPARE(a.error().code, ErrorCode::Unauthorized);
        QCOMPARE(b.error().code, ErrorCode::Unauthorized);
        QCOMPARE(a.error().message, b.error().message);
        QCOMPARE(activity(QStringLiteral("login_failed")), 2);
    }

    void accessTokenExpiresAfterThirtyMinutes()
    {
        auto pair = m_auth->login(QStringLiteral("boss@agency.example"), kAdminPwd, m_client);
        m_clock->advance(29 * 60 * 1000);
        QVERIFY(m_auth->authenticate(pair->accessToken).ok());
        m_clock->advance(60 * 1000);
        QVERIFY(!m_auth->authenticate(pair->accessToken).ok());
        QVERIFY(!m_auth->authenticate(pair->refreshToken).ok()); // a refresh token is not an access token
    }

    void bruteForceLocksTheAccountForFifteenMinutes()
    {
        const auth::ClientInfo elsewhere{QStringLiteral("198.51.100.1"), {}};
        for (int i = 0; i < 5; ++i)
            QCOMPARE(m_auth->login(QStringLiteral("boss@agency.example"), QStringLiteral("guess number %1 x").arg(i),
                                   auth::ClientInfo{QStringLiteral("192.0.2.%1").arg(i + 1), {}}).error().code,
                     ErrorCode::Unauthorized);
        // Locked, even with the right password and from another address.
        auto locked = m_auth->login(QStringLiteral("boss@agency.example"), kAdminPwd, elsewhere);
        QCOMPARE(locked.error().code, ErrorCode::RateLimited);
        QVERIFY(locked.error().details.value(QStringLiteral("retry_after")).toInteger() > 14 * 60);
        m_clock->advance(14 * 60 * 1000);
        QCOMPARE(m_auth->login(QStringLiteral("boss@agency.example"), kAdminPwd, elsewhere).error().code, ErrorCode::RateLimited);
        m_clock->advance(61 * 1000);
        QVERIFY(m_auth->login(QStringLiteral("boss@agency.example"), kAdminPwd, elsewhere).ok());
    }

    void bruteForceLocksTheAddress()
    {
        for (int i = 0; i < 5; ++i)
            (void)m_auth->login(QStringLiteral("user%1@agency.example").arg(i), QStringLiteral("some password x"), m_client);
        QCOMPARE(m_auth->login(QStringLiteral("boss@agency.example"), kAdminPwd, m_client).error().code, ErrorCode::RateLimited);
        QVERIFY(m_auth->login(QStringLiteral("boss@agency.example"), kAdminPwd, auth::ClientInfo{QStringLiteral("192.0.2.99"), {}}).ok());
        QVERIFY(m_auth->lockoutRemaining({}, m_client.ip).value() > 0);
    }

    void refreshRotatesAndReuseRevokesTheFamily()
    {
        auto first = m_auth->login(QStringLiteral("boss@agency.example"), kAdminPwd, m_client);
        auto second = m_auth->refresh(first->refreshToken, m_client);
        QVERIFY2(second.ok(), second.ok() ? "" : qPrintable(second.error().message));
        QVERIFY(second->refreshToken != first->refreshToken);
        QVERIFY(m_auth->authenticate(second->accessToken).ok());
        auto third = m_auth->refresh(second->refreshToken, m_client);
        QVERIFY(third.ok());
        // The thief replays the first refresh token: everything of this sign-in dies.
        auto replay = m_auth->refresh(first->refreshToken, m_client);
        QCOMPARE(replay.error().code, ErrorCode::Unauthorized);
        QVERIFY(replay.error().message.contains(QStringLiteral("already used")));
        QVERIFY(!m_auth->authenticate(third->accessToken).ok());
        QVERIFY(!m_auth->refresh(third->refreshToken, m_client).ok());
        QCOMPARE(activity(QStringLiteral("refresh_reuse_detected")), 1);
        // Another sign-in of the same user is untouched.
        QVERIFY(m_auth->login(QStringLiteral("boss@agency.example"), kAdminPwd, m_client).ok());
    }

    void refreshTokenExpiresAfterSevenDays()
    {
        auto pair = m_auth->login(QStringLiteral("boss@agency.example"), kAdminPwd, m_client);
        m_clock->advance(7LL * 24 * 3600 * 1000);
        QVERIFY(!m_auth->refresh(pair->refreshToken, m_client).ok());
    }

    void logoutEndsTheSession()
    {
        auto pair = m_auth->login(QStringLiteral("boss@agency.example"), kAdminPwd, m_client);
        QVERIFY(m_auth->logout(principal(*pair), m_client).ok());
        FT_STOP_IF_FAILED();
        QVERIFY(!m_auth->authenticate(pair->accessToken).ok());
        QVERIFY(!m_auth->refresh(pair->refreshToken, m_client).ok());
        QCOMPARE(activity(QStringLiteral("logout")), 1);
    }

    void sessionChecksAreRememberedForOneSecond()
    {
        auto pair = m_auth->login(QStringLiteral("boss@agency.example"), kAdminPwd, m_client);
        const auth::Principal me = principal(*pair);
        FT_STOP_IF_FAILED();
        QCOMPARE(me.user.email, QStringLiteral("Boss@Agency.example"));
        // A change through the service is seen by the very next check...
        QVERIFY(m_auth->updateProfile(me, {{QStringLiteral("name"), QStringLiteral("Renamed")}}, m_client).ok());
        QCOMPARE(m_auth->authenticate(pair->accessToken)->user.name, QStringLiteral("Renamed"));
        // ...one made by another process sharing the database within a second.
        QVERIFY(m_db->execute(QStringLiteral("UPDATE sessions SET revoked_at = ? WHERE id = ?"),
                              {m_db->timestamp(m_clock->now()), me.sessionId}).ok());
        QVERIFY(m_auth->authenticate(pair->accessToken).ok());
        m_clock->advance(999);
        QVERIFY(m_auth->authenticate(pair->accessToken).ok());
        m_clock->advance(1);
        QCOMPARE(m_auth->authenticate(pair->accessToken).error().message, QStringLiteral("the session was signed out"));
    }

    void importedBcryptUserIsRehashedAtLogin()
    {
        QVERIFY(m_db->execute(QStringLiteral("INSERT INTO users (email, password_hash, role) VALUES (?, ?, 'user')"),
                              {QStringLiteral("legacy@agency.example"),
                               QStringLiteral("$2b$04$abcdefghijklmnopqrstuu8MECwk.R7FmMygoyOGvEm8de09J0q9C")}).ok());
        QVERIFY(m_auth->login(QStringLiteral("legacy@agency.example"), QStringLiteral("Tr0ub4dor&3-legacy"), m_client).ok());
        const QString stored = m_db->selectOne(QStringLiteral("SELECT password_hash FROM users WHERE email = 'legacy@agency.example'"))
                                   ->value(0).toString();
        QVERIFY2(stored.startsWith(QStringLiteral("$argon2id$")), qPrintable(stored));
        QVERIFY(m_auth->login(QStringLiteral("legacy@agency.example"), QStringLiteral("Tr0ub4dor&3-legacy"), m_client).ok());
    }

    void rolesAndAdministration()
    {
        const auth::Principal boss = admin();
        FT_STOP_IF_FAILED();
        auto sales = m_auth->createUser(boss, QStringLiteral("sam@agency.example"), kUserPwd, QStringLiteral("Sam"), Role::User, m_client);
        QVERIFY(sales.ok());
        auto viewer = m_auth->createUser(boss, QStringLiteral("vic@agency.example"), kUserPwd, {}, Role::Viewer, m_client);
        QVERIFY(viewer.ok());
        QCOMPARE(m_auth->createUser(boss, QStringLiteral("SAM@agency.example"), kUserPwd, {}, Role::User, m_client).error().code,
                 ErrorCode::Conflict);
        QCOMPARE(m_auth->createUser(boss, QStringLiteral("not-an-email"), kUserPwd, {}, Role::User, m_client).error().code,
                 ErrorCode::ValidationFailed);
        QCOMPARE(m_auth->createUser(boss, QStringLiteral("weak@agency.example"), QStringLiteral("short"), {}, Role::User, m_client)
                     .error().code, ErrorCode::ValidationFailed);

        const auth::Principal sam = principal(*m_auth->login(QStringLiteral("sam@agency.example"), kUserPwd, m_client));
        FT_STOP_IF_FAILED();
        const auth::Principal vic = principal(*m_auth->login(QStringLiteral("vic@agency.example"), kUserPwd, m_client));
        FT_STOP_IF_FAILED();
        QCOMPARE(m_auth->users(sam).error().code, ErrorCode::Forbidden);
        QCOMPARE(m_auth->updateUser(sam, vic.userId, {{QStringLiteral("role"), QStringLiteral("admin")}}, m_client).error().code,
                 ErrorCode::Forbidden);
        QCOMPARE(m_auth->createApiKey(vic, QStringLiteral("ci"), {}, {}, m_client).error().code, ErrorCode::Forbidden);
        QCOMPARE(m_auth->users(boss)->size(), 3);

        auto promoted = m_auth->updateUser(boss, sam.userId, {{QStringLiteral("role"), QStringLiteral("admin")}}, m_client);
        QCOMPARE(promoted->role, Role::Admin);
        QCOMPARE(activity(QStringLiteral("role_changed")), 1);
        QCOMPARE(m_auth->updateUser(boss, sam.userId, {{QStringLiteral("role"), QStringLiteral("owner")}}, m_client).error().code,
                 ErrorCode::ValidationFailed);
        QCOMPARE(m_auth->updateUser(boss, sam.userId, {{QStringLiteral("is_active"), QStringLiteral("no")}}, m_client).error().code,
                 ErrorCode::ValidationFailed);
        QCOMPARE(m_auth->updateUser(boss, sam.userId, {{QStringLiteral("password_hash"), QStringLiteral("x")}}, m_client).error().code,
                 ErrorCode::ValidationFailed);
    }

    void deactivationIsImmediate()
    {
        const auth::Principal boss = admin();
        FT_STOP_IF_FAILED();
        QVERIFY(m_auth->createUser(boss, QStringLiteral("sam@agency.example"), kUserPwd, {}, Role::User, m_client).ok());
        auto pair = m_auth->login(QStringLiteral("sam@agency.example"), kUserPwd, m_client);
        const auth::Principal sam = principal(*pair);
        FT_STOP_IF_FAILED();
        auto key = m_auth->createApiKey(sam, QStringLiteral("zapier"), {QStringLiteral("read")}, {}, m_client);
        QVERIFY(m_auth->authenticate(key->plaintext).ok());
        QVERIFY(m_auth->updateUser(boss, sam.userId, {{QStringLiteral("is_active"), false}}, m_client).ok());
        QCOMPARE(m_auth->authenticate(pair->accessToken).error().code, ErrorCode::Unauthorized);
        QCOMPARE(m_auth->authenticate(key->plaintext).error().code, ErrorCode::Unauthorized);
        QVERIFY(!m_auth->refresh(pair->refreshToken, m_client).ok());
        QVERIFY(!m_auth->login(QStringLiteral("sam@agency.example"), kUserPwd, m_client).ok());
    }

    void lastAdminIsProtected()
    {
        const auth::Principal boss = admin();
        FT_STOP_IF_FAILED();
        QCOMPARE(m_auth->updateUser(boss, boss.userId, {{QStringLiteral("role"), QStringLiteral("user")}}, m_client).error().code,
                 ErrorCode::Conflict);
        QCOMPARE(m_auth->updateUser(boss, boss.userId, {{QStringLiteral("is_active"), false}}, m_client).error().code, ErrorCode::Conflict);
        QCOMPARE(m_auth->deleteUser(boss, boss.userId, m_client).error().code, ErrorCode::Conflict);
    }

    void apiKeysAreShownOnceAndStoredHashed()
    {
        const auth::Principal boss = admin();
        FT_STOP_IF_FAILED();
        auto key = m_auth->createApiKey(boss, QStringLiteral("n8n"), {QStringLiteral("read"), QStringLiteral("write")},
                                        m_clock->now().addDays(30), m_client);
        QVERIFY(key.ok());
        QVERIFY(key->plaintext.startsWith(QStringLiteral("ftp_")));
        QCOMPARE(key->prefix, key->plaintext.left(12));
        QVERIFY(key->toJson().contains(QStringLiteral("key")));
        const auto stored = m_db->selectOne(QStringLiteral("SELECT key_hash FROM api_keys WHERE id = ?"), {key->id});
        QVERIFY(stored->value(0).toString() != key->plaintext);
        QCOMPARE(stored->value(0).toString().size(), 64);
        auto listed = m_auth->apiKeys(boss);
        QCOMPARE(listed->size(), 1);
        QVERIFY(!listed->first().toJson().contains(QStringLiteral("key")));
        QCOMPARE(listed->first().scopes, (QStringList{QStringLiteral("read"), QStringLiteral("write")}));

        auto p = m_auth->authenticate(key->plaintext);
        QVERIFY(p.ok());
        QCOMPARE(p->apiKeyId, key->id);
        QCOMPARE(p->role, Role::Admin);
        QVERIFY(m_auth->apiKeys(boss)->first().lastUsedAt.isValid());
        QCOMPARE(m_auth->authenticate(key->plaintext + u'x').error().code, ErrorCode::Unauthorized);
        m_clock->advance(31LL * 24 * 3600 * 1000);
        QVERIFY(m_auth->authenticate(key->plaintext).error().message.contains(QStringLiteral("expired")));

        auto forever = m_auth->createApiKey(boss, QStringLiteral("cli"), {}, {}, m_client);
        QVERIFY(m_auth->authenticate(forever->plaintext).ok());
        QVERIFY(m_auth->revokeApiKey(boss, forever->id, m_client).ok());
        QVERIFY(m_auth->authenticate(forever->plaintext).error().message.contains(QStringLiteral("revoked")));
        QCOMPARE(m_auth->revokeApiKey(boss, forever->id, m_client).error().code, ErrorCode::NotFound);
        QCOMPARE(m_auth->createApiKey(boss, QStringLiteral("x"), {QStringLiteral("root")}, {}, m_client).error().code,
                 ErrorCode::ValidationFailed);
        QCOMPARE(activity(QStringLiteral("api_key_created")), 2);
    }

    void passwordResetIsSingleUseAndExpires()
    {
        QList<QPair<QString, QString>> sent; // (address, link) as the mail module would get them
        m_auth->setResetLinkSink([&sent](const QString &email, const QString &link) { sent.append({email, link}); });
        QString token;
        QVERIFY(m_auth->forgotPassword(QStringLiteral("nobody@agency.example"), m_client, &token).ok());
        QVERIFY(token.isEmpty()); // nothing happens, nothing is revealed
        QVERIFY(sent.isEmpty());
        QVERIFY(m_auth->forgotPassword(QStringLiteral("boss@agency.example"), m_client, &token).ok());
        QVERIFY(!token.isEmpty());
        // Only to the account's own address; nobody else is told (no admin notifications).
        QCOMPARE(sent.size(), 1);
        QCOMPARE(sent.first().first, QStringLiteral("boss@agency.example"));
        QVERIFY(sent.first().second.endsWith(token));
        QCOMPARE(m_db->selectOne(QStringLiteral("SELECT count(*) FROM notifications"))->value(0).toInt(), 0);
        // Asking again while the link lives writes and sends nothing.
        for (int i = 0; i < 20; ++i) {
            QString again;
            QVERIFY(m_auth->forgotPassword(QStringLiteral("BOSS@agency.example"), m_client, &again).ok());
            QVERIFY(again.isEmpty());
        }
        QCOMPARE(sent.size(), 1);
        QCOMPARE(m_db->selectOne(QStringLiteral("SELECT count(*) FROM password_reset_tokens"))->value(0).toInt(), 1);
        QCOMPARE(m_db->selectOne(QStringLiteral("SELECT count(*) FROM password_reset_tokens WHERE token_hash = ?"), {token})
                     ->value(0).toInt(), 0); // stored hashed
        auto session = m_auth->login(QStringLiteral("boss@agency.example"), kAdminPwd, m_client);
        QCOMPARE(m_auth->resetPassword(token, QStringLiteral("short"), m_client).error().code, ErrorCode::ValidationFailed);
        QVERIFY(m_auth->resetPassword(token, QStringLiteral("a brand new long password"), m_client).ok());
        QVERIFY(!m_auth->authenticate(session->accessToken).ok()); // every session ended
        QVERIFY(m_auth->login(QStringLiteral("boss@agency.example"), QStringLiteral("a brand new long password"), m_client).ok());
        QCOMPARE(m_auth->resetPassword(token, QStringLiteral("yet another long password"), m_client).error().code,
                 ErrorCode::ValidationFailed);

        QString late;
        QVERIFY(m_auth->forgotPassword(QStringLiteral("boss@agency.example"), m_client, &late).ok());
        m_clock->advance(61 * 60 * 1000);
        QCOMPARE(m_auth->resetPassword(late, QStringLiteral("yet another long password"), m_client).error().code,
                 ErrorCode::ValidationFailed);
    }

    void temporaryPasswordMustBeChanged()
    {
        auto boss = m_auth->login(QStringLiteral("boss@agency.example"), kAdminPwd, m_client);
        const auth::Principal admin = principal(*boss);
        FT_STOP_IF_FAILED();
        auto made = m_auth->createUser(admin, QStringLiteral("temp@agency.example"), QStringLiteral("the first long password"), {}, auth::Role::User, m_client);
        QVERIFY(made.ok());
        auto old = m_auth->login(QStringLiteral("temp@agency.example"), QStringLiteral("the first long password"), m_client);
        auto key = m_auth->createApiKey(principal(*old), QStringLiteral("k"), {QStringLiteral("read")}, {}, m_client);
        FT_STOP_IF_FAILED();
        QVERIFY(key.ok());
        QCOMPARE(m_auth->setTemporaryPassword(principal(*old), made->id, QStringLiteral("a temporary long one"), false, m_client).error().code,
                 ErrorCode::Forbidden); // admins only
        QVERIFY(m_auth->setTemporaryPassword(admin, made->id, QStringLiteral("a temporary long one"), true, m_client).ok());
        FT_STOP_IF_FAILED();
        QVERIFY(!m_auth->authenticate(old->accessToken).ok());  // sessions ended
        QVERIFY(!m_auth->authenticate(key->plaintext).ok());    // keys revoked, as asked
        auto temp = m_auth->login(QStringLiteral("temp@agency.example"), QStringLiteral("a temporary long one"), m_client);
        QVERIFY(temp.ok());
        QVERIFY(temp->user.mustChangePassword);
        auto changed = m_auth->updateProfile(principal(*temp), {{QStringLiteral("current_password"), QStringLiteral("a temporary long one")},
                                                               {QStringLiteral("password"), QStringLiteral("my very own password")}}, m_client);
        FT_STOP_IF_FAILED();
        QVERIFY(changed.ok());
        QVERIFY(!changed->mustChangePassword);
        QCOMPARE(activity(QStringLiteral("temporary_password_set")), 1);
    }

    void profileUpdates()
    {
        auto pair = m_auth->login(QStringLiteral("boss@agency.example"), kAdminPwd, m_client);
        auto other = m_auth->login(QStringLiteral("boss@agency.example"), kAdminPwd, m_client);
        const auth::Principal me = principal(*pair);
        FT_STOP_IF_FAILED();
        auto u = m_auth->updateProfile(me, {{QStringLiteral("name"), QStringLiteral("Big Boss")},
                                            {QStringLiteral("timezone"), QStringLiteral("America/Denver")}}, m_client);
        QVERIFY(u.ok());
        QCOMPARE(u->name, QStringLiteral("Big Boss"));
        QCOMPARE(u->timezone, QStringLiteral("America/Denver"));
        QCOMPARE(m_auth->updateProfile(me, {{QStringLiteral("timezone"), QStringLiteral("Mars/Olympus")}}, m_client).error().code,
                 ErrorCode::ValidationFailed);
        QCOMPARE(m_auth->updateProfile(me, {{QStringLiteral("role"), QStringLiteral("admin")}}, m_client).error().details
                     .value(QStringLiteral("role")).toString(), QStringLiteral("unknown field"));
        QCOMPARE(m_auth->updateProfile(me, {{QStringLiteral("name"), 42}}, m_client).error().code, ErrorCode::ValidationFailed);
        QCOMPARE(m_auth->updateProfile(me, {{QStringLiteral("password"), QStringLiteral("another long password")},
                                            {QStringLiteral("current_password"), QStringLiteral("not it at all")}}, m_client)
                     .error().details.value(QStringLiteral("current_password")).toString(), QStringLiteral("does not match"));
        QVERIFY(m_auth->updateProfile(me, {{QStringLiteral("password"), QStringLiteral("another long password")},
                                           {QStringLiteral("current_password"), kAdminPwd}}, m_client).ok());
        QVERIFY(m_auth->authenticate(pair->accessToken).ok());   // this sign-in continues
        QVERIFY(!m_auth->authenticate(other->accessToken).ok()); // the others end
        QCOMPARE(activity(QStringLiteral("password_changed")), 1);
    }
};

QTEST_GUILESS_MAIN(TestAuthService)
#include "tst_authservice.moc"
#include "testenv.h"
