#pragma once
// Whether a sending domain is set up for mail to arrive (issue 11): its SPF record (one, ending
// in ~all or -all, not +all), its DKIM key at <selector>._domainkey (present, not revoked) and its
// DMARC policy at _dmarc (present; quarantine or reject best), looked up at once with QDnsLookup
// on a local event loop (any thread but the GUI's), each with a verdict in plain words and what to
// publish when it is missing, and an overall verdict: good, fair or poor.

#include <QHostAddress>
#include <QJsonObject>
#include <QString>

namespace fliptech::mail {

// {domain, verdict: good|fair|poor, summary, spf: {status: ok|weak|missing|invalid|unknown,
//  record, advice}, dkim: {selector, status: ok|revoked|missing|unknown|not_checked, record,
//  advice}, dmarc: {status: ok|monitoring|missing|invalid|unknown, policy, record, advice}}.
// `nameserver` null: the system's resolver.
QJsonObject checkDeliverability(const QString &domain, const QString &dkimSelector, const QHostAddress &nameserver = {}, int timeoutMs = 5000);

} // namespace fliptech::mail
