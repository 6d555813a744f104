#pragma once
// The offline writer (issue 12): with no AI provider (no key, no network, budget spent) the
// product still drafts a first email and reply suggestions, from templates driven by what the
// website analysis found (no HTTPS, not mobile-friendly, an old copyright year, slow, broken
// links, an old builder, no site at all). The same lead always gets the same wording (variants
// chosen by lead id), and every draft says it came from the offline writer.

#include <QJsonObject>
#include <QString>

namespace fliptech::ai {

struct OfflineDraft {
    QString subject;
    QString body;
    QString notice; // "Written by the offline writer ..."
};

// `lead`: the lead as LeadService gives it (name, company, city, website, website_analysis ...);
// `goal`: introduce (default), follow_up, meeting, proposal; `tone`: friendly (default),
// professional, direct; `senderName` signs it.
OfflineDraft writeOfflineEmail(const QJsonObject &lead, const QString &goal, const QString &tone, const QString &senderName);

// A reply suggestion to an inbound message of the given intent (sentiment.h's intents).
OfflineDraft suggestOfflineReply(const QJsonObject &lead, const QString &intent, const QString &senderName);

// The problems the analysis shows, in plain words, most telling first (at most `limit`).
QStringList findingsInWords(const QJsonObject &analysis, int currentYear, int limit = 3);

} // namespace fliptech::ai
