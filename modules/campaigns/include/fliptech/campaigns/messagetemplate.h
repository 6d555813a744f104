#pragma once
// Message templates (issue 11, spec 2.4 "Templates"): our own small language, parsed once and
// rendered per recipient.
//   {{first_name}}               a variable (a lead's field; lead.x, sender.x, campaign.x name
//                                the others), HTML-escaped in an HTML body
//   {{first_name|there}}         with a fallback when it is empty
//   {{#if company}}...{{else}}...{{/if}}   a block shown when the variable is not empty (nests)
//   {Hi|Hello|Hey}               spintax: one option, chosen by the recipient's seed, so the
//                                preview of a recipient is what that recipient is sent; options
//                                may hold variables and other spintax. A brace group without a
//                                "|" is plain text (CSS in an HTML body stays as written), and
//                                \{ \} \| write the characters themselves.
// Mistakes are found at parse time and named by line and column: an unclosed {{ or {, an
// {{else}} or {{/if}} with no {{#if}}, an {{#if}} never closed (the line of its opening), a tag
// the language does not have, a variable no recipient has.

#include "fliptech/core/error.h"
#include "fliptech/mail/htmltext.h"

#include <QHash>
#include <QSet>
#include <QString>
#include <QStringList>

#include <memory>
#include <vector>

namespace fliptech::campaigns {

// Variables by name ("first_name", "lead.city", "sender.name", "campaign.name", ...).
using TemplateVariables = QHash<QString, QString>;

// The key a variable name is looked up by: a bare lead field is "lead.<field>" ("first_name" ->
// "lead.first_name"); namespaced names, unsubscribe_url and today stay as they are.
QString templateVariableKey(const QString &name);

// The variables a template may name: every lead field a message can use (bare or as lead.x),
// sender.name/email/company/signature, campaign.name, unsubscribe_url, today.
const QSet<QString> &knownTemplateVariables();

class MessageTemplate final
{
public:
    enum class Mode { Text, Html };

    // ValidationFailed naming "line L, column C: ..." (details: {line, column, problem}).
    // `known` null: every variable name is accepted (a preview of a draft).
    static core::Result<MessageTemplate> parse(const QString &source, Mode mode, const QSet<QString> *known = &knownTemplateVariables());

    MessageTemplate();
    ~MessageTemplate();
    MessageTemplate(const MessageTemplate &);
    MessageTemplate &operator=(const MessageTemplate &);
    MessageTemplate(MessageTemplate &&) noexcept;
    MessageTemplate &operator=(MessageTemplate &&) noexcept;

    // The text for one recipient: the same variables and seed always give the same text.
    QString render(const TemplateVariables &variables, quint64 seed) const;
    // Appends the rendering to `out` (a message renderer reuses one buffer).
    void renderInto(QString &out, const TemplateVariables &variables, quint64 seed) const;
    // The variables it names (for the editor's list and the campaign's checks).
    QStringList variables() const;
    Mode mode() const;

    struct Node;

private:
    std::shared_ptr<const std::vector<Node>> m_nodes; // shared: a parsed template is copied per worker
    Mode m_mode = Mode::Text;
    QStringList m_variables;
};

// A recipient's seed: a campaign, a lead and a step always choose the same spintax options.
quint64 recipientSeed(qint64 campaignId, qint64 leadId, int step);

// The plain-text alternative of an HTML body (mail/htmltext.h).
using mail::htmlToText;

} // namespace fliptech::campaigns
