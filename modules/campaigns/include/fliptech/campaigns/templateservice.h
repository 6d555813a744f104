#pragma once
// Message templates as the product keeps them (issue 11, spec 2.4 "Templates"; tables templates,
// template_performance): saved only when every part parses (subject and plain text as text, the
// HTML body as HTML; the mistake named by part, line and column), the variables they use kept
// with them, previewed with a chosen lead exactly as that lead would be sent (the same seed),
// duplicated, changed in bulk, and their performance read. Shared by the API and the desktop.

#include "fliptech/campaigns/messagetemplate.h"
#include "fliptech/core/clock.h"
#include "fliptech/core/error.h"
#include "fliptech/leads/actor.h"

#include <QJsonArray>
#include <QJsonObject>

#include <memory>

namespace fliptech::storage {
class Database;
}
namespace fliptech::leads {
class LeadService;
}

namespace fliptech::campaigns {

class SenderAccountService;

// A recipient's variables: the lead's fields (as lead.<field>), the sender's (sender.name,
// email, company, signature, phone, website), the campaign's name, today's date and the
// unsubscribe link.
TemplateVariables templateVariablesFor(const QJsonObject &lead, const QJsonObject &sender = {}, const QJsonObject &campaign = {},
                                       const QString &unsubscribeUrl = {});

class TemplateService final
{
public:
    TemplateService(std::shared_ptr<storage::Database> db, leads::LeadService &leads, const core::Clock &clock);

    // {category, active (true|false), q (in name or subject), limit (1-500, default 100)}.
    core::Result<QJsonArray> list(const QJsonObject &filter = {});
    // {id, name, subject, body_html, body_text, category, tags, variables, is_active, created_by,
    //  created_at, updated_at}.
    core::Result<QJsonObject> get(qint64 id);
    // {name, subject, body_html and/or body_text, category, tags: [..], is_active}: checked whole
    // (ValidationFailed naming the part: "body_html: line 3, column 7: ..."), then stored.
    core::Result<QJsonObject> create(const leads::Actor &actor, const QJsonObject &fields);
    // The whole template replaced (PUT).
    core::Result<QJsonObject> update(const leads::Actor &actor, qint64 id, const QJsonObject &fields);
    core::Status remove(qint64 id);
    // A copy named "<name> (copy)" (then "(copy 2)", ...), inactive until switched on.
    core::Result<QJsonObject> duplicate(const leads::Actor &actor, qint64 id);
    // {lead_id, sender: {name, email, ...}} or {variables: {...}}: {subject, html, text,
    // text_generated (no text body: made from the HTML), empty: [variables this lead has no value
    // for]}. A template id, or {template: {subject, body_html, body_text}} for a draft.
    core::Result<QJsonObject> preview(const QJsonObject &request, std::optional<qint64> id = {});
    // {ids: [..], action: activate|deactivate|delete|categorise, category}: {affected}.
    core::Result<QJsonObject> bulk(const QJsonObject &request);
    // {template_id, total_sent, total_opened, total_clicked, total_replied, open_rate,
    //  click_rate, reply_rate, avg_open_time_minutes, last_used_at}.
    core::Result<QJsonObject> performance(qint64 id);
    // A test of a saved template: {sender_account_id, to: [1-5 addresses], lead_id (else a sample
    // recipient)}: rendered as that lead gets it, "[Test] " before its subject, sent from the
    // account. {sent, message_id, subject}.
    core::Result<QJsonObject> sendTest(qint64 id, const QJsonObject &request, SenderAccountService &senders);

    // The recipient a preview or a test uses when no lead is chosen (Ann, Ann's Bakery, Austin).
    static QJsonObject sampleRecipient();

    // The parts parsed (for the campaign engine and the preview); `known` as for parse().
    struct Parsed {
        MessageTemplate subject, html, text;
        bool hasHtml = false, hasText = false;
    };
    static core::Result<Parsed> parseParts(const QJsonObject &fields, const QSet<QString> *known = &knownTemplateVariables());

private:
    core::Result<QJsonObject> write(const leads::Actor &actor, std::optional<qint64> id, const QJsonObject &fields);

    std::shared_ptr<storage::Database> m_db;
    leads::LeadService &m_leads;
    const core::Clock &m_clock;
};

} // namespace fliptech::campaigns
