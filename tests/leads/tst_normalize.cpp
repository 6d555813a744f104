#include "fliptech/leads/normalize.h"

#include <QTest>

using namespace fliptech::leads;

class TestNormalize final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void phone_data()
    {
        QTest::addColumn<QString>("raw");
        QTest::addColumn<QString>("country");
        QTest::addColumn<QString>("e164");
        QTest::newRow("us dashes") << "415-555-0123" << "US" << "+14155550123";
        QTest::newRow("us brackets dots") << "(415) 555.0123" << "US" << "+14155550123";
        QTest::newRow("us leading 1") << "1 415 555 0123" << "US" << "+14155550123";
        QTest::newRow("international plus") << "+44 20 7946 0958" << "US" << "+442079460958";
        QTest::newRow("double zero prefix") << "0049 30 1234567" << "US" << "+49301234567";
        QTest::newRow("uk trunk zero") << "020 7946 0958" << "GB" << "+442079460958";
        QTest::newRow("de trunk zero") << "030 1234567" << "DE" << "+49301234567";
        QTest::newRow("extension dropped") << "415-555-0123 ext 44" << "US" << "+14155550123";
        QTest::newRow("too short") << "555-0123" << "US" << "";
        QTest::newRow("us area code cannot start with 1") << "115-555-0123" << "US" << "";
        QTest::newRow("letters") << "call me maybe" << "US" << "";
        QTest::newRow("empty") << "" << "US" << "";
        QTest::newRow("unknown country") << "030 1234567" << "ZZ" << "";
        QTest::newRow("too long") << "+1234567890123456" << "US" << "";
    }
    void phone()
    {
        QFETCH(QString, raw);
        QFETCH(QString, country);
        QFETCH(QString, e164);
        QCOMPARE(normalizePhone(raw, country), e164);
    }
    void domain_data()
    {
        QTest::addColumn<QString>("website");
        QTest::addColumn<QString>("domain");
        QTest::newRow("full url") << "https://www.Example.com/contact?x=1" << "example.com";
        QTest::newRow("bare") << "joesplumbing.com" << "joesplumbing.com";
        QTest::newRow("www only") << "www.bakery.co.uk/" << "bakery.co.uk";
        QTest::newRow("port and path") << "http://shop.example.org:8080/a" << "shop.example.org";
        QTest::newRow("trailing dot") << "example.com." << "example.com";
        QTest::newRow("no dot") << "localhost" << "";
        QTest::newRow("text") << "no website yet" << "";
        QTest::newRow("empty") << "" << "";
    }
    void domain()
    {
        QFETCH(QString, website);
        QFETCH(QString, domain);
        QCOMPARE(websiteDomain(website), domain);
    }
    void name_data()
    {
        QTest::addColumn<QString>("full");
        QTest::addColumn<QString>("first");
        QTest::addColumn<QString>("last");
        QTest::newRow("two words") << "Jane Doe" << "Jane" << "Doe";
        QTest::newRow("title middle suffix") << "Dr. Jane A. Doe Jr." << "Jane" << "Doe";
        QTest::newRow("last, first") << "Doe, Jane" << "Jane" << "Doe";
        QTest::newRow("suffix after comma") << "Jane Doe, PhD" << "Jane" << "Doe";
        QTest::newRow("one word") << "Cher" << "Cher" << "";
        QTest::newRow("spaces") << "  Jane   van  Doe " << "Jane" << "Doe";
        QTest::newRow("accents") << "José Álvarez" << "José" << "Álvarez";
        QTest::newRow("empty") << "" << "" << "";
    }
    void name()
    {
        QFETCH(QString, full);
        QFETCH(QString, first);
        QFETCH(QString, last);
        const PersonName n = splitName(full);
        QCOMPARE(n.first, first);
        QCOMPARE(n.last, last);
    }
    void company_data()
    {
        QTest::addColumn<QString>("a");
        QTest::addColumn<QString>("b");
        QTest::addColumn<bool>("same");
        QTest::newRow("suffix and case") << "Joe's Plumbing LLC" << "JOE'S PLUMBING" << true;
        QTest::newRow("the and inc") << "The Bakery, Inc." << "bakery" << true;
        QTest::newRow("ampersand") << "Smith & Sons Ltd" << "Smith and Sons" << true;
        QTest::newRow("different") << "Joe's Plumbing" << "Joe's Roofing" << false;
    }
    void company()
    {
        QFETCH(QString, a);
        QFETCH(QString, b);
        QFETCH(bool, same);
        QCOMPARE(companyKey(a) == companyKey(b), same);
        QVERIFY(!companyKey(a).isEmpty());
    }
    void email()
    {
        QCOMPARE(normalizeEmail(QStringLiteral("  Jane.Doe@Example.COM ")), QStringLiteral("jane.doe@example.com"));
        QCOMPARE(normalizeEmail(QStringLiteral("mailto:a@b.co")), QStringLiteral("a@b.co"));
        QCOMPARE(normalizeEmail(QStringLiteral("not an email")), QString());
        QCOMPARE(normalizeEmail(QStringLiteral("a@b")), QString());
    }
};

QTEST_GUILESS_MAIN(TestNormalize)
#include "tst_normalize.moc"
