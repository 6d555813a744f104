// Opens, clicks and unsubscribes through the public routes, on both backends: signed tokens
// record the first open and click of their recipient and campaign, a click goes exactly where it
// was signed to go and a changed token goes nowhere (no open redirect), a forged token records
// nothing, and an unsubscribe (page and one-click POST) suppresses the address at once.
#include "apiharness.h"
#include "fliptech/campaigns/tracking.h"
#include "fliptech/engine/engine.h"
#include "fliptech/leads/leadservice.h"
#include "fliptech/storage/database.h"
#include "tempdatabase.h"
#include "testenv.h"

#include <QTest>

using namespace fliptech;
using Reply = test::HttpReply;
using Kind = campaigns::TrackingService::Kind;

class TestTrackingApi final : public QObject
{
    Q_OBJECT
    std::unique_ptr<test::TempDatabase> m_tmp;
    std::unique_ptr<test::ApiHarness> m_api;
    qint64 m_campaign = 0;
    QList<qint64> m_recipients;

    storage::Database &db() { return m_api->engine().database(); }
    qint64 value(const QString &sql, const QVariantList &params = {})
    {
        auto r = db().selectOne(sql, params);
        return r ? r->value(0).toLongLong() : -1;
    }

private Q_SLOTS:
    void init()
    {
        m_tmp = std::make_unique<test::TempDatabase>();
        FLIPTECH_REQUIRE_DATABASE(*m_tmp);
        m_api = std::make_unique<test::ApiHarness>();
        auto st = m_api->start(m_tmp->url());
        QVERIFY2(st.ok(), st.ok() ? "" : qPrintable(st.error().message));
        auto campaign = db().selectOne(QStringLiteral("INSERT INTO campaigns (campaign_id, name) VALUES ('c-1', 'Spring') RETURNING id"));
        QVERIFY(campaign.ok());
        m_campaign = campaign->value(0).toLongLong();
        m_recipients.clear();
        for (const char *email : {"ann@cakes.example", "bo@buns.example"}) {
            auto lead = m_api->engine().leads().create(leads::Actor::system(),
                                                       QJsonObject{{QStringLiteral("name"), QStringLiteral("Lead")}, {QStringLiteral("email"), QLatin1String(email)}});
            QVERIFY(lead.ok());
            auto r = db().selectOne(QStringLiteral("INSERT INTO campaign_recipients (campaign_id, lead_id, status) VALUES (?, ?, 'sent') RETURNING id"),
                                    QVariantList{m_campaign, lead->value(QStringLiteral("id")).toInteger()});
            QVERIFY(r.ok());
            m_recipients << r->value(0).toLongLong();
        }
    }
    void cleanup()
    {
        m_api.reset();
        m_tmp.reset();
    }

    void opensAndClicks()
    {
        auto &tracking = m_api->engine().tracking();
        const qint64 ann = m_recipients.at(0), bo = m_recipients.at(1);
        const QString open = tracking.token(Kind::Open, ann);
        Reply r = m_api->call("GET", QStringLiteral("/t/o/%1.gif").arg(open));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.headers.value("content-type"), QByteArray("image/gif"));
        QCOMPARE(r.body.size(), 43);
        QVERIFY(r.body.startsWith("GIF89a"));
        QVERIFY(value(QStringLiteral("SELECT count(*) FROM campaign_recipients WHERE id = ? AND opened_at IS NOT NULL"), {ann}) == 1);
        m_api->call("GET", QStringLiteral("/t/o/%1.gif").arg(open));
        QCOMPARE(value(QStringLiteral("SELECT emails_opened FROM campaigns WHERE id = ?"), {m_campaign}), 1); // the first open counts
        // A forged token (another recipient's id, our signature of Ann's): an image, nothing recorded.
        QString forged = tracking.token(Kind::Open, bo);
        forged = forged.section(u'.', 0, 0) + u'.' + open.section(u'.', 1);
        QCOMPARE(m_api->call("GET", QStringLiteral("/t/o/%1.gif").arg(forged)).status, 200);
        QCOMPARE(value(QStringLiteral("SELECT count(*) FROM campaign_recipients WHERE id = ? AND opened_at IS NOT NULL"), {bo}), 0);

        // A click: exactly where it was signed to go; counted once; an open with it.
        const QUrl demo(QStringLiteral("https://us.example/demo?utm=spring&x=1#top"));
        const QString click = tracking.token(Kind::Click, bo, demo);
        r = m_api->call("GET", QStringLiteral("/t/c/") + click);
        QCOMPARE(r.status, 302);
        QCOMPARE(r.headers.value("location"), demo.toEncoded());
        m_api->call("GET", QStringLiteral("/t/c/") + click);
        QCOMPARE(value(QStringLiteral("SELECT emails_clicked FROM campaigns WHERE id = ?"), {m_campaign}), 1);
        QCOMPARE(value(QStringLiteral("SELECT count(*) FROM campaign_recipients WHERE id = ? AND opened_at IS NOT NULL"), {bo}), 1);
        // The destination changed in the token: nowhere (no open redirect).
        const QByteArray evil = QByteArray(QByteArray("c") + QByteArray::number(bo) + "|https://evil.example/").toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
        r = m_api->call("GET", QStringLiteral("/t/c/%1.%2").arg(QString::fromLatin1(evil), click.section(u'.', 1)));
        QCOMPARE(r.status, 404);
        QVERIFY(!r.headers.contains("location"));
        QVERIFY(r.body.contains("does not work"));
        // Tokens of another kind or of nothing at all.
        QCOMPARE(m_api->call("GET", QStringLiteral("/t/c/") + open).status, 404);
        QCOMPARE(m_api->call("GET", QStringLiteral("/t/c/not-a-token")).status, 404);
    }

    void unsubscribe()
    {
        auto &tracking = m_api->engine().tracking();
        const qint64 ann = m_recipients.at(0);
        const QString token = tracking.token(Kind::Unsubscribe, ann);
        Reply r = m_api->call("GET", QStringLiteral("/u/") + token);
        QCOMPARE(r.status, 200);
        QVERIFY2(r.body.contains("<form method=\"post\">") && r.body.contains("a\xe2\x80\xa2\xe2\x80\xa2@cakes.example"), r.body.constData());
        QCOMPARE(value(QStringLiteral("SELECT count(*) FROM suppressions")), 0); // looking is not unsubscribing
        // RFC 8058 one-click, as a mailbox provider sends it.
        r = m_api->call("POST", QStringLiteral("/u/") + token, "List-Unsubscribe=One-Click", {{"Content-Type", "application/x-www-form-urlencoded"}});
        QCOMPARE(r.status, 200);
        QVERIFY(r.body.contains("You are unsubscribed"));
        QCOMPARE(value(QStringLiteral("SELECT count(*) FROM suppressions WHERE lower(email) = 'ann@cakes.example' AND reason = 'unsubscribe'")), 1);
        QCOMPARE(value(QStringLiteral("SELECT count(*) FROM campaign_recipients WHERE id = ? AND status = 'unsubscribed' AND unsubscribed_at IS NOT NULL"), {ann}), 1);
        // Again: still done, nothing twice.
        QCOMPARE(m_api->call("POST", QStringLiteral("/u/") + token, "List-Unsubscribe=One-Click", {{"Content-Type", "application/x-www-form-urlencoded"}}).status, 200);
        QCOMPARE(value(QStringLiteral("SELECT count(*) FROM suppressions")), 1);
        QVERIFY(m_api->call("GET", QStringLiteral("/u/") + token).body.contains("You are unsubscribed"));
        // Not ours.
        QCOMPARE(m_api->call("POST", QStringLiteral("/u/") + tracking.token(Kind::Open, ann)).status, 404);
        QCOMPARE(m_api->call("GET", QStringLiteral("/u/x.y")).status, 404);
        QCOMPARE(value(QStringLiteral("SELECT count(*) FROM campaign_recipients WHERE id = ? AND unsubscribed_at IS NOT NULL"), {m_recipients.at(1)}), 0);
    }
};

QTEST_MAIN(TestTrackingApi)
#include "tst_trackingapi.moc"
