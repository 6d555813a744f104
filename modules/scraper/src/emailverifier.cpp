#include "fliptech/scraper/emailverifier.h"

#include <QDnsLookup>
#include <QEventLoop>
#include <QHash>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>
#include <QTimer>
#include <QUrl>

#include <functional>
#include <memory>

namespace fliptech::scraper {

namespace {

// Disposable-mail domains (the common services and their aliases; a starting list, matched on
// the domain and its parents).
const QSet<QString> &disposableDomains()
{
    static const QSet<QString> domains = {
        QStringLiteral("mailinator.com"),     QStringLiteral("guerrillamail.com"), QStringLiteral("guerrillamail.net"),
        QStringLiteral("guerrillamail.org"),  QStringLiteral("sharklasers.com"),   QStringLiteral("grr.la"),
        QStringLiteral("10minutemail.com"),   QStringLiteral("10minutemail.net"),  QStringLiteral("tempmail.com"),
        QStringLiteral("temp-mail.org"),      QStringLiteral("temp-mail.io"),      QStringLiteral("tempmailo.com"),
        QStringLiteral("yopmail.com"),        QStringLiteral("yopmail.fr"),        QStringLiteral("yopmail.net"),
        QStringLiteral("trashmail.com"),      QStringLiteral("trashmail.de"),      QStringLiteral("throwawaymail.com"),
        QStringLiteral("getnada.com"),        QStringLiteral("nada.email"),        QStringLiteral("dispostable.com"),
        QStringLiteral("maildrop.cc"),        QStringLiteral("mailnesia.com"),     QStringLiteral("mintemail.com"),
        QStringLiteral("mohmal.com"),         QStringLiteral("fakeinbox.com"),     QStringLiteral("spamgourmet.com"),
        QStringLiteral("mailcatch.com"),      QStringLiteral("emailondeck.com"),   QStringLiteral("burnermail.io"),
        QStringLiteral("discard.email"),      QStringLiteral("spambox.us"),        QStringLiteral("tempinbox.com"),
        QStringLiteral("mytemp.email"),       QStringLiteral("tempr.email"),       QStringLiteral("moakt.com"),
        QStringLiteral("inboxkitten.com"),    QStringLiteral("emailfake.com"),     QStringLiteral("harakirimail.com"),
        QStringLiteral("mailpoof.com"),       QStringLiteral("33mail.com"),        QStringLiteral("anonaddy.me"),
        QStringLiteral("mail.tm"),            QStringLiteral("tmail.ws"),          QStringLiteral("tempail.com"),
        QStringLiteral("jetable.org"),        QStringLiteral("mailexpire.com"),    QStringLiteral("spam4.me"),
    };
    return domains;
}

} // namespace

QStringList EmailVerifier::split(const QString &email)
{
    const QString e = email.trimmed();
    const qsizetype at = e.lastIndexOf(u'@');
    if (at <= 0 || at == e.size() - 1 || e.size() > 254)
        return {};
    const QString local = e.left(at);
    static const QRegularExpression localRe(QStringLiteral("^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$"));
    if (local.size() > 64 || !localRe.match(local).hasMatch())
        return {};
    // The domain as DNS knows it (IDNA for non-ASCII), each label 1-63 letters, digits or inner
    // hyphens, a top-level domain of letters (or punycode).
    const QString domain = QString::fromLatin1(QUrl::toAce(e.mid(at + 1).toLower()));
    static const QRegularExpression domainRe(QStringLiteral("^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$"));
    if (domain.isEmpty() || domain.size() > 253 || !domainRe.match(domain).hasMatch())
        return {};
    return {local, domain};
}

bool EmailVerifier::isDisposable(const QString &domain)
{
    QString d = domain.toLower();
    while (!d.isEmpty()) {
        if (disposableDomains().contains(d))
            return true;
        const qsizetype dot = d.indexOf(u'.');
        if (dot < 0)
            break;
        d = d.mid(dot + 1);
    }
    return false;
}

bool EmailVerifier::isRole(const QString &localPart)
{
    static const QSet<QString> roles = {
        QStringLiteral("info"),    QStringLiteral("sales"),    QStringLiteral("contact"),   QStringLiteral("admin"),      QStringLiteral("support"),
        QStringLiteral("office"),  QStringLiteral("hello"),    QStringLiteral("billing"),   QStringLiteral("webmaster"),  QStringLiteral("noreply"),
        QStringLiteral("no-reply"), QStringLiteral("postmaster"), QStringLiteral("abuse"),  QStringLiteral("marketing"),  QStringLiteral("team"),
        QStringLiteral("enquiries"), QStringLiteral("inquiries"), QStringLiteral("help"),   QStringLiteral("jobs"),       QStringLiteral("careers"),
        QStringLiteral("hr"),      QStringLiteral("accounts"), QStringLiteral("service"),   QStringLiteral("bookings"),   QStringLiteral("reservations"),
        QStringLiteral("orders"),  QStringLiteral("mail"),     QStringLiteral("hostmaster"), QStringLiteral("security"),  QStringLiteral("privacy"),
    };
    return roles.contains(localPart.toLower().section(u'+', 0, 0));
}

bool EmailVerifier::isFreeProvider(const QString &domain)
{
    static const QSet<QString> free = {
        QStringLiteral("gmail.com"),   QStringLiteral("googlemail.com"), QStringLiteral("yahoo.com"),   QStringLiteral("hotmail.com"),
        QStringLiteral("outlook.com"), QStringLiteral("live.com"),       QStringLiteral("msn.com"),     QStringLiteral("aol.com"),
        QStringLiteral("icloud.com"),  QStringLiteral("me.com"),         QStringLiteral("mac.com"),     QStringLiteral("proton.me"),
        QStringLiteral("protonmail.com"), QStringLiteral("gmx.com"),     QStringLiteral("gmx.de"),      QStringLiteral("web.de"),
        QStringLiteral("yandex.com"),  QStringLiteral("mail.com"),       QStringLiteral("zoho.com"),    QStringLiteral("comcast.net"),
    };
    return free.contains(domain.toLower());
}

namespace {

// What DNS says of a domain's mail.
struct DomainMail {
    enum class State { Pending, Mx, Implicit, NullMx, NoMail, Unknown } state = State::Pending;
    QStringList exchanges;
    QString problem; // the resolver's words when it could not answer
};

// "No such records": the name does not exist (NXDOMAIN), or exists with none of that type — an
// empty NOERROR answer, which Qt 6.4 on glibc reports as InvalidReplyError (res_nquery's
// NO_DATA), measured against LocalDnsServer.
bool noRecords(QDnsLookup::Error e)
{
    return e == QDnsLookup::NoError || e == QDnsLookup::NotFoundError || e == QDnsLookup::InvalidReplyError;
}

} // namespace

QList<QJsonObject> EmailVerifier::verifyAll(const QStringList &emails) const
{
    QList<QStringList> parts;
    QHash<QString, DomainMail> domains;
    for (const QString &e : emails) {
        parts << split(e);
        if (!parts.last().isEmpty())
            domains.insert(parts.last().at(1), {});
    }
    // Every domain's MX at once, then an address record for those without one (the implicit MX).
    if (!domains.isEmpty()) {
        QEventLoop loop;
        int pending = 0;
        std::vector<std::unique_ptr<QDnsLookup>> lookups;
        std::function<void(const QString &, QDnsLookup::Type)> ask;
        ask = [&](const QString &domain, QDnsLookup::Type type) {
            auto lookup = std::make_unique<QDnsLookup>(type, domain);
            if (!m_nameserver.isNull())
                lookup->setNameserver(m_nameserver);
            QDnsLookup *l = lookup.get();
            ++pending;
            QObject::connect(l, &QDnsLookup::finished, &loop, [&, l, domain, type] {
                DomainMail &d = domains[domain];
                if (type == QDnsLookup::MX) {
                    if (l->error() == QDnsLookup::NoError && !l->mailExchangeRecords().isEmpty()) {
                        for (const auto &mx : l->mailExchangeRecords())
                            d.exchanges << mx.exchange();
                        const bool nullMx = l->mailExchangeRecords().size() == 1 &&
                            (l->mailExchangeRecords().first().exchange().isEmpty() || l->mailExchangeRecords().first().exchange() == QLatin1String("."));
                        d.state = nullMx ? DomainMail::State::NullMx : DomainMail::State::Mx;
                    } else if (noRecords(l->error())) {
                        ask(domain, QDnsLookup::A); // no MX: is there a host to deliver to?
                    } else {
                        d.state = DomainMail::State::Unknown;
                        d.problem = l->errorString();
                    }
                } else {
                    if (l->error() == QDnsLookup::NoError && !l->hostAddressRecords().isEmpty())
                        d.state = DomainMail::State::Implicit;
                    else if (noRecords(l->error()))
                        d.state = DomainMail::State::NoMail;
                    else {
                        d.state = DomainMail::State::Unknown;
                        d.problem = l->errorString();
                    }
                }
                if (--pending == 0)
                    loop.quit();
            });
            l->lookup();
            lookups.push_back(std::move(lookup));
        };
        for (auto it = domains.keyBegin(); it != domains.keyEnd(); ++it)
            ask(*it, QDnsLookup::MX);
        QTimer::singleShot(m_timeoutMs, &loop, &QEventLoop::quit);
        if (pending > 0)
            loop.exec();
        for (auto &l : lookups)
            l->abort();
    }
    QList<QJsonObject> out;
    for (qsizetype i = 0; i < emails.size(); ++i) {
        const QStringList &p = parts.at(i);
        QJsonObject checks{{QStringLiteral("syntax"), !p.isEmpty()}};
        auto result = [&](const char *status, const QString &reason) {
            return QJsonObject{{QStringLiteral("email"), emails.at(i).trimmed()}, {QStringLiteral("status"), QLatin1String(status)},
                               {QStringLiteral("reason"), reason}, {QStringLiteral("checks"), checks}};
        };
        if (p.isEmpty()) {
            out << result("invalid", QStringLiteral("not an e-mail address (check the @ and the domain)"));
            continue;
        }
        const QString &local = p.at(0), &domain = p.at(1);
        const DomainMail d = domains.value(domain);
        checks.insert(QStringLiteral("domain"), domain);
        checks.insert(QStringLiteral("mx"), QJsonArray::fromStringList(d.exchanges));
        checks.insert(QStringLiteral("implicit_mx"), d.state == DomainMail::State::Implicit);
        checks.insert(QStringLiteral("disposable"), isDisposable(domain));
        checks.insert(QStringLiteral("role"), isRole(local));
        checks.insert(QStringLiteral("free_provider"), isFreeProvider(domain));
        switch (d.state) {
        case DomainMail::State::NoMail:
            out << result("invalid", QStringLiteral("%1 has no mail server (no MX record and no address)").arg(domain));
            continue;
        case DomainMail::State::NullMx:
            out << result("invalid", QStringLiteral("%1 says it accepts no mail (null MX)").arg(domain));
            continue;
        case DomainMail::State::Pending:
        case DomainMail::State::Unknown:
            out << result("risky", QStringLiteral("the mail server of %1 could not be looked up (%2): nothing known either way")
                                       .arg(domain, d.problem.isEmpty() ? QStringLiteral("no answer in time") : d.problem));
            continue;
        case DomainMail::State::Mx:
        case DomainMail::State::Implicit:
            break;
        }
        if (isDisposable(domain))
            out << result("risky", QStringLiteral("%1 is a disposable-mail service: the address will not last").arg(domain));
        else if (isRole(local))
            out << result("risky", QStringLiteral("%1@ is a role address: it reaches a team or nobody, not a person").arg(local));
        else
            out << result("valid", d.state == DomainMail::State::Implicit ? QStringLiteral("%1 takes mail at its own address (no MX record)").arg(domain)
                                                                          : QStringLiteral("%1 has a mail server (%2)").arg(domain, d.exchanges.value(0)));
    }
    return out;
}

} // namespace fliptech::scraper
