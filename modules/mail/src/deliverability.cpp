#include "fliptech/mail/deliverability.h"

#include <QDnsLookup>
#include <QEventLoop>
#include <QHash>
#include <QStringList>
#include <QTimer>

#include <memory>
#include <vector>

namespace fliptech::mail {

namespace {

struct Txt {
    enum class State { Found, None, Failed } state = State::Failed;
    QStringList records;
    QString problem;
};

// Every name's TXT records at once. A missing name and a name with no TXT are both "none" (Qt 6.4
// on glibc reports the second as InvalidReplyError: measured with LocalDnsServer).
QHash<QString, Txt> lookupTxt(const QStringList &names, const QHostAddress &nameserver, int timeoutMs)
{
    QHash<QString, Txt> out;
    QEventLoop loop;
    int pending = 0;
    std::vector<std::unique_ptr<QDnsLookup>> lookups;
    for (const QString &name : names) {
        auto lookup = std::make_unique<QDnsLookup>(QDnsLookup::TXT, name);
        if (!nameserver.isNull())
            lookup->setNameserver(nameserver);
        QDnsLookup *l = lookup.get();
        ++pending;
        QObject::connect(l, &QDnsLookup::finished, &loop, [&, l, name] {
            Txt &t = out[name];
            if (l->error() == QDnsLookup::NoError) {
                t.state = l->textRecords().isEmpty() ? Txt::State::None : Txt::State::Found;
                for (const auto &r : l->textRecords())
                    t.records << QString::fromUtf8(r.values().join());
            } else if (l->error() == QDnsLookup::NotFoundError || l->error() == QDnsLookup::InvalidReplyError) {
                t.state = Txt::State::None;
            } else {
                t.state = Txt::State::Failed;
                t.problem = l->errorString();
            }
            if (--pending == 0)
                loop.quit();
        });
        l->lookup();
        lookups.push_back(std::move(lookup));
    }
    if (pending > 0) {
        QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
        loop.exec();
    }
    for (const QString &name : names)
        if (!out.contains(name))
            out[name] = Txt{Txt::State::Failed, {}, QStringLiteral("no answer in %1 s").arg(timeoutMs / 1000)};
    return out;
}

// The records of `t` that start with `prefix` (as SPF, DKIM and DMARC records do), trimmed.
QStringList withPrefix(const Txt &t, QLatin1String prefix)
{
    QStringList out;
    for (const QString &r : t.records)
        if (r.trimmed().startsWith(prefix, Qt::CaseInsensitive))
            out << r.trimmed();
    return out;
}

QString noAnswer(const Txt &t)
{
    return QStringLiteral("DNS did not answer (%1): check again later").arg(t.problem);
}

QString tag(const QString &record, const QString &name)
{
    for (const QString &part : record.split(u';')) {
        const QString p = part.trimmed();
        if (p.startsWith(name + u'=', Qt::CaseInsensitive))
            return p.mid(name.size() + 1).trimmed();
    }
    return {};
}

} // namespace

QJsonObject checkDeliverability(const QString &domainIn, const QString &selectorIn, const QHostAddress &nameserver, int timeoutMs)
{
    const QString domain = domainIn.trimmed().toLower();
    const QString selector = selectorIn.trimmed();
    const QString dkimName = selector.isEmpty() ? QString() : selector + QStringLiteral("._domainkey.") + domain;
    const QString dmarcName = QStringLiteral("_dmarc.") + domain;
    QStringList names{domain, dmarcName};
    if (!dkimName.isEmpty())
        names << dkimName;
    const QHash<QString, Txt> txt = lookupTxt(names, nameserver, timeoutMs);

    // SPF.
    QJsonObject spf;
    {
        const Txt &t = txt.value(domain);
        const QStringList records = withPrefix(t, QLatin1String("v=spf1"));
        QString status, advice;
        if (t.state == Txt::State::Failed) {
            status = QStringLiteral("unknown");
            advice = noAnswer(t);
        } else if (records.isEmpty()) {
            status = QStringLiteral("missing");
            advice = QStringLiteral("No SPF record: receivers cannot tell your mail from a forgery. Publish a TXT record on %1 such as "
                                    "\"v=spf1 include:<your mail provider> ~all\".").arg(domain);
        } else if (records.size() > 1) {
            status = QStringLiteral("invalid");
            advice = QStringLiteral("%1 SPF records: receivers treat more than one as an error. Merge them into one.").arg(records.size());
        } else if (records.first().contains(QLatin1String("+all"))) {
            status = QStringLiteral("invalid");
            advice = QStringLiteral("The SPF record ends in +all: it lets anyone send as %1. Use ~all or -all.").arg(domain);
        } else if (records.first().contains(QLatin1String("-all")) || records.first().contains(QLatin1String("~all"))) {
            status = QStringLiteral("ok");
            advice = QStringLiteral("SPF names who may send for %1.").arg(domain);
        } else {
            status = QStringLiteral("weak");
            advice = QStringLiteral("The SPF record does not end in ~all or -all: it says nothing about the servers it leaves out.");
        }
        spf = {{QStringLiteral("status"), status}, {QStringLiteral("record"), records.value(0)}, {QStringLiteral("advice"), advice}};
    }
    // DKIM.
    QJsonObject dkim{{QStringLiteral("selector"), selector}};
    if (dkimName.isEmpty()) {
        dkim.insert(QStringLiteral("status"), QStringLiteral("not_checked"));
        dkim.insert(QStringLiteral("advice"), QStringLiteral("No DKIM selector given: set the account's DKIM selector (and key) to sign its mail."));
    } else {
        const Txt &t = txt.value(dkimName);
        // v=DKIM1 is optional in a key record (RFC 6376 3.6.1): the key tag says it is one.
        QString record;
        for (const QString &r : t.records)
            if (r.contains(QLatin1String("p="), Qt::CaseInsensitive))
                record = r.trimmed();
        QString status, advice;
        if (t.state == Txt::State::Failed) {
            status = QStringLiteral("unknown");
            advice = noAnswer(t);
        } else if (record.isEmpty()) {
            status = QStringLiteral("missing");
            advice = QStringLiteral("No DKIM key at %1: publish the TXT record the account shows.").arg(dkimName);
        } else if (tag(record, QStringLiteral("p")).isEmpty()) {
            status = QStringLiteral("revoked");
            advice = QStringLiteral("The DKIM key at %1 is empty (revoked): publish the current one.").arg(dkimName);
        } else {
            status = QStringLiteral("ok");
            advice = QStringLiteral("Receivers can check this account's DKIM signatures.");
        }
        dkim.insert(QStringLiteral("status"), status);
        dkim.insert(QStringLiteral("record"), record);
        dkim.insert(QStringLiteral("advice"), advice);
    }
    // DMARC.
    QJsonObject dmarc;
    {
        const Txt &t = txt.value(dmarcName);
        const QString record = withPrefix(t, QLatin1String("v=DMARC1")).value(0);
        const QString policy = tag(record, QStringLiteral("p")).toLower();
        QString status, advice;
        if (t.state == Txt::State::Failed) {
            status = QStringLiteral("unknown");
            advice = noAnswer(t);
        } else if (record.isEmpty()) {
            status = QStringLiteral("missing");
            advice = QStringLiteral("No DMARC record: the large mailbox providers ask bulk senders for one. Publish a TXT record on %1 "
                                    "such as \"v=DMARC1; p=none; rua=mailto:dmarc@%2\", then tighten it.").arg(dmarcName, domain);
        } else if (policy == QLatin1String("quarantine") || policy == QLatin1String("reject")) {
            status = QStringLiteral("ok");
            advice = QStringLiteral("DMARC asks receivers to %1 mail that fails SPF and DKIM.").arg(policy);
        } else if (policy == QLatin1String("none")) {
            status = QStringLiteral("monitoring");
            advice = QStringLiteral("DMARC is in monitoring mode (p=none): enough to send, not yet protecting the domain.");
        } else {
            status = QStringLiteral("invalid");
            advice = QStringLiteral("The DMARC record has no valid policy (p=none, quarantine or reject).");
        }
        dmarc = {{QStringLiteral("status"), status}, {QStringLiteral("policy"), policy}, {QStringLiteral("record"), record}, {QStringLiteral("advice"), advice}};
    }
    const QString s = spf.value(QStringLiteral("status")).toString(), k = dkim.value(QStringLiteral("status")).toString(),
                  d = dmarc.value(QStringLiteral("status")).toString();
    const bool spfOk = s == QLatin1String("ok"), dkimOk = k == QLatin1String("ok"), dmarcOk = d == QLatin1String("ok") || d == QLatin1String("monitoring");
    QString verdict, summary;
    if (spfOk && dkimOk && dmarcOk) {
        verdict = QStringLiteral("good");
        summary = QStringLiteral("%1 is set up for sending: SPF, DKIM and DMARC are in place.").arg(domain);
    } else if ((spfOk || dkimOk) && s != QLatin1String("invalid")) {
        verdict = QStringLiteral("fair");
        QStringList missing;
        if (!spfOk)
            missing << QStringLiteral("SPF");
        if (!dkimOk)
            missing << QStringLiteral("DKIM");
        if (!dmarcOk)
            missing << QStringLiteral("DMARC");
        summary = QStringLiteral("%1 can send, but %2 %3 not in place: more mail will land in spam.")
                      .arg(domain, missing.join(QStringLiteral(" and ")), missing.size() > 1 ? QStringLiteral("are") : QStringLiteral("is"));
    } else {
        verdict = QStringLiteral("poor");
        summary = QStringLiteral("%1 is not set up for sending: without SPF and DKIM most of its mail will be refused or filtered.").arg(domain);
    }
    return {{QStringLiteral("domain"), domain}, {QStringLiteral("verdict"), verdict}, {QStringLiteral("summary"), summary},
            {QStringLiteral("spf"), spf},       {QStringLiteral("dkim"), dkim},       {QStringLiteral("dmarc"), dmarc}};
}

} // namespace fliptech::mail
