#include "leadgen.h"

#include <random>

namespace fliptech::bench {

namespace {
const char *const firstNames[] = {"James", "Mary", "Robert", "Patricia", "John", "Jennifer", "Michael", "Linda", "David", "Elizabeth",
                                  "William", "Barbara", "Richard", "Susan", "Joseph", "Jessica", "Thomas", "Sarah", "Carlos", "Maria",
                                  "Daniel", "Nancy", "Matthew", "Lisa", "Anthony", "Betty", "Mark", "Sandra", "José", "Zoë"};
const char *const lastNames[] = {"Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez",
                                 "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore", "Jackson", "Martin",
                                 "Lee", "Perez", "Thompson", "White", "Harris", "Sanchez", "Clark", "Ramirez", "Lewis", "O'Brien"};
const char *const trades[] = {"Plumbing", "Roofing", "Landscaping", "Bakery", "Dental", "Auto Repair", "Hair Salon", "Cleaning",
                              "Electric", "Painting", "Pet Grooming", "Catering", "Fitness", "Florist", "Tailoring", "Moving",
                              "HVAC", "Pest Control", "Photography", "Yoga Studio"};
const char *const suffixes[] = {"LLC", "Co", "& Sons", "Inc", "Services", "Pros", "Experts", "Shop"};
struct City {
    const char *name, *region, *zip, *area;
};
const City cities[] = {{"Austin", "TX", "787", "512"},    {"Dallas", "TX", "752", "214"},   {"Houston", "TX", "770", "713"},
                       {"Denver", "CO", "802", "303"},    {"Phoenix", "AZ", "850", "602"},  {"Portland", "OR", "972", "503"},
                       {"Seattle", "WA", "981", "206"},   {"Miami", "FL", "331", "305"},    {"Atlanta", "GA", "303", "404"},
                       {"Chicago", "IL", "606", "312"},   {"Boston", "MA", "021", "617"},   {"Nashville", "TN", "372", "615"},
                       {"San Diego", "CA", "921", "619"}, {"Tampa", "FL", "336", "813"},    {"Raleigh", "NC", "276", "919"},
                       {"Columbus", "OH", "432", "614"}};
const char *const streets[] = {"Main St", "Oak Ave", "Maple Dr", "Cedar Ln", "Elm St", "Pine Rd", "Lakeview Blvd", "Congress Ave"};
const char *const statuses[] = {"new", "new", "new", "contacted", "contacted", "qualified", "proposal", "won", "lost"};
const char *const blurbs[] = {"Family owned since 1987, no website yet", "Website is slow and not mobile friendly",
                              "Only a Facebook page", "Outdated site with broken contact form", "Looking to expand online bookings",
                              "Great reviews, weak online presence", "Recently opened a second location", "Asked about e-commerce"};

template <typename T, size_t N>
const T &pick(std::mt19937_64 &rng, const T (&a)[N])
{
    return a[rng() % N];
}

QByteArray quoted(const QByteArray &s)
{
    if (s.contains(',') || s.contains('"')) {
        QByteArray q = s;
        q.replace("\"", "\"\"");
        return '"' + q + '"';
    }
    return s;
}

QByteArray slug(QByteArray s)
{
    QByteArray out;
    for (char c : s) {
        const auto u = static_cast<unsigned char>(c);
        if ((u >= 'a' && u <= 'z') || (u >= '0' && u <= '9'))
            out += c;
        else if (u >= 'A' && u <= 'Z')
            out += char(u + 32);
    }
    return out;
}
} // namespace

QByteArray leadCsvHeader()
{
    return "Name,Company,Email,Phone,Website,Address,City,State,Zip,Country,Category,Status,Score,Description\n";
}

QStringList searchWords()
{
    return {QStringLiteral("plumbing"), QStringLiteral("garcia"), QStringLiteral("bakery austin"), QStringLiteral("roofing denver"),
            QStringLiteral("smith"), QStringLiteral("mobile friendly"), QStringLiteral("florist"), QStringLiteral("hvac pros"),
            QStringLiteral("maria lopez"), QStringLiteral("photography"), QStringLiteral("seattle"), QStringLiteral("obrien")};
}

void writeLeadsCsv(QIODevice *out, qint64 count, quint64 seed)
{
    std::mt19937_64 rng(seed);
    out->write(leadCsvHeader());
    QByteArray buffer;
    buffer.reserve(1 << 20);
    for (qint64 i = 0; i < count; ++i) {
        const QByteArray first = pick(rng, firstNames), last = pick(rng, lastNames);
        const QByteArray trade = pick(rng, trades);
        const City &city = pick(rng, cities);
        const QByteArray owner = rng() % 2 ? QByteArray(last + "'s ") : QByteArray(QByteArray(city.name) + ' ');
        const QByteArray company = owner + trade + ' ' + pick(rng, suffixes);
        const QByteArray domain = slug(company.left(24)) + QByteArray::number(i) + ".example";
        const bool hasEmail = rng() % 10 < 7, hasPhone = rng() % 10 < 8, hasSite = rng() % 10 < 5;
        QByteArray row;
        row += quoted(first + ' ' + last) + ',' + quoted(company) + ',';
        row += (hasEmail ? QByteArray(slug(first) + '.' + slug(last) + '@' + domain) : QByteArray()) + ',';
        row += (hasPhone ? QByteArray("(" + QByteArray(city.area) + ") " + QByteArray::number(200 + (i / 10000) % 800) + '-' +
                                         QByteArray::number(i % 10000).rightJustified(4, '0')) : QByteArray()) + ',';
        row += (hasSite ? QByteArray("https://www." + domain + "/") : QByteArray()) + ',';
        row += QByteArray::number(100 + rng() % 9800) + ' ' + pick(rng, streets) + ',';
        row += QByteArray(city.name) + ',' + city.region + ',' + city.zip + QByteArray::number(10 + rng() % 89) + ",US,";
        row += trade + ',' + pick(rng, statuses) + ',' + QByteArray::number(rng() % 101) + ',' + quoted(pick(rng, blurbs)) + '\n';
        buffer += row;
        if (buffer.size() > (1 << 20) - 512) {
            out->write(buffer);
            buffer.clear();
        }
    }
    out->write(buffer);
}

} // namespace fliptech::bench
