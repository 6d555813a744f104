#include "fliptech/core/validation.h"
#include "fliptech/leads/normalize.h"

#include <QRegularExpression>
#include <QUrl>

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
    void formatPhone_data()
    {
        QTest::addColumn<QString>("e164");
        QTest::addColumn<QString>("country");
        QTest::addColumn<QString>("shown");
        QTest::newRow("US national") << "+15122004999" << "US" << "(512) 200-4999";
        QTest::newRow("Canada shares +1") << "+14165550123" << "CA" << "(416) 555-0123";
        QTest::newRow("US number, British lead") << "+15122004999" << "GB" << "+1 512 200 4999";
        QTest::newRow("London") << "+442079460958" << "GB" << "020 7946 0958";
        QTest::newRow("UK mobile") << "+447700900123" << "GB" << "07700 900123";
        QTest::newRow("Paris") << "+33123456789" << "FR" << "01 23 45 67 89";
        QTest::newRow("Madrid") << "+34912345678" << "ES" << "912 34 56 78";
        QTest::newRow("Berlin") << "+49301234567" << "DE" << "030 1234567";
        QTest::newRow("London from the US") << "+442079460958" << "US" << "+44 207 946 0958";
        QTest::newRow("unknown country") << "+442079460958" << "" << "+44 207 946 0958";
        QTest::newRow("not E.164") << "512-200-4999" << "US" << "512-200-4999";
        QTest::newRow("letters") << "+1512CALLNOW" << "US" << "+1512CALLNOW";
        QTest::newRow("empty") << "" << "US" << "";
    }
    void formatPhone()
    {
        QFETCH(QString, e164);
        QFETCH(QString, country);
        QFETCH(QString, shown);
        QCOMPARE(fliptech::leads::formatPhone(e164, country), shown);
        // Typed back as shown, the number is the same.
        if (shown != e164 && !country.isEmpty())
            QCOMPARE(normalizePhone(shown, country), e164);
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
        QTest::newRow("user info") << "http://user:pw@Shop.Example.com/" << "shop.example.com";
        QTest::newRow("upper-case scheme") << "HTTPS://WWW.EXAMPLE.COM" << "example.com";
        QTest::newRow("query without path") << "example.com?ref=maps" << "example.com";
        QTest::newRow("fragment") << "https://example.com#top" << "example.com";
        QTest::newRow("odd port") << "example.com:abc/" << "example.com";
        QTest::newRow("space in path") << "https://example.com/a b" << "example.com";
        QTest::newRow("internationalised") << "https://www.Bäckerei.de/" << "bäckerei.de";
    }
    void domain()
    {
        QFETCH(QString, website);
        QFETCH(QString, domain);
        QCOMPARE(websiteDomain(website), domain);
        // The fast path for plain addresses agrees with a full URL parser.
        QString ref = website.trimmed();
        if (!ref.isEmpty()) {
            if (!ref.contains(QLatin1String("://")))
                ref.prepend(QLatin1String("http://"));
            QString host = QUrl(ref, QUrl::TolerantMode).host(QUrl::FullyDecoded).toLower();
            if (host.startsWith(QLatin1String("www.")))
                host.remove(0, 4);
            while (host.endsWith(u'.'))
                host.chop(1);
            if (!host.contains(u'.') || host.contains(u' '))
                host.clear();
            QCOMPARE(websiteDomain(website), host);
        }
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
    void emailSyntax_data()
    {
        QTest::addColumn<QString>("text");
        for (const char *t : {"a@b.co", "a@b", "@b.co", "a@.co", "a@b.", "a@b..c", "a@@b.co", "a b@c.de", "a@b.c\td", "a.b@c", "x@y.z.", "x@.y.z",
                              "first.last+tag@sub.example.co.uk", "a@b.c", "\u00e9@b.co", "a@b\nc.de", "", "@", "a@", ".@..", "a@b.c@d.e"})
            QTest::newRow(t) << QString::fromUtf8(QByteArray(t).replace("\\t", "\t").replace("\\n", "\n").replace("\\u00e9", "\xc3\xa9"));
    }
    void emailSyntax()
    {
        // The hand-written check says what the pattern it replaced says.
        QFETCH(QString, text);
        static const QRegularExpression re(QStringLiteral("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$"));
        QCOMPARE(fliptech::core::isEmailAddress(text), re.match(text).hasMatch());
    }
};

QTEST_GUILESS_MAIN(TestNormalize)
#include "tst_normalize.moc"
