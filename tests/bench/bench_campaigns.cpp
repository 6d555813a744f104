// Campaign benchmarks (issue 11). So far: rendering. 100,000 personalised messages, each a
// different recipient (name, company, city, title or none, its own seed: its own spintax
// choices), rendered on one thread: subject + HTML body (HTML-escaped variables, {{#if}},
// spintax) + a written plain-text body; then the same with the plain-text alternative generated
// from the HTML (htmlToText) instead. Messages/s, and the bytes made (target >= 50,000
// messages/s on one core).
#include "fliptech/campaigns/messagetemplate.h"

#include <QElapsedTimer>
#include <QList>
#include <QString>

#include <cstdio>

using namespace fliptech;
using campaigns::MessageTemplate;

namespace {

const char *kSubject = "{Quick question|A question|Idea} for {{company|your business}}";
const char *kHtml = R"(<html><body>
<p>{Hi|Hello|Hey} {{first_name|there}},</p>
<p>I came across {{company|your business}}{{#if city}} in {{city}}{{/if}} and had a look at your website.
{It loads slowly on phones|It is hard to read on a phone|It does not show up well in search}, and
{that costs|that can cost} {{#if title}}a {{title}} like you{{else}}a business like yours{{/if}} customers every week.</p>
<p>We build fast, modern sites for local businesses: {most|many} of our clients see more calls within a month.
Would you be open to a {short|quick} call {this week|next week}?</p>
<p>{Best|Cheers|Thanks},<br>{{sender.name}}<br>{{sender.company}}</p>
<p style="font-size:11px;color:#888">Not interested? <a href="{{unsubscribe_url}}">Unsubscribe</a>.</p>
</body></html>)";
const char *kText = R"({Hi|Hello|Hey} {{first_name|there}},

I came across {{company|your business}}{{#if city}} in {{city}}{{/if}} and had a look at your website.
{It loads slowly on phones|It is hard to read on a phone|It does not show up well in search}, and
{that costs|that can cost} {{#if title}}a {{title}} like you{{else}}a business like yours{{/if}} customers every week.

We build fast, modern sites for local businesses: {most|many} of our clients see more calls within a month.
Would you be open to a {short|quick} call {this week|next week}?

{Best|Cheers|Thanks},
{{sender.name}}
{{sender.company}}

Not interested? Unsubscribe: {{unsubscribe_url}})";

} // namespace

int main()
{
    auto subject = MessageTemplate::parse(QString::fromUtf8(kSubject), MessageTemplate::Mode::Text);
    auto html = MessageTemplate::parse(QString::fromUtf8(kHtml), MessageTemplate::Mode::Html);
    auto text = MessageTemplate::parse(QString::fromUtf8(kText), MessageTemplate::Mode::Text);
    if (!subject || !html || !text) {
        std::fprintf(stderr, "a benchmark template does not parse\n");
        return 1;
    }
    constexpr int n = 100000;
    static const char *first[] = {"Ann", "Bob", "Carla", "Dmitri", "Eve", "Farid", "Grace", "Hiro", "Ines", "José"};
    static const char *companies[] = {"Bakery", "Plumbing & Heating", "Roofing", "Auto Repair", "Dental <Care>", "Landscaping", "Law Office"};
    static const char *cities[] = {"Austin", "Dallas", "", "Houston", "San Antonio", "El Paso"};
    static const char *titles[] = {"owner", "", "manager", "", "founder"};
    QList<campaigns::TemplateVariables> recipients;
    recipients.reserve(n);
    for (int i = 0; i < n; ++i)
        recipients.append({{QStringLiteral("lead.first_name"), QString::fromUtf8(first[i % 10])},
                           {QStringLiteral("lead.company"), QStringLiteral("%1 %2").arg(QString::fromUtf8(first[(i / 10) % 10]), QString::fromUtf8(companies[i % 7]))},
                           {QStringLiteral("lead.city"), QString::fromUtf8(cities[i % 6])},
                           {QStringLiteral("lead.title"), QString::fromUtf8(titles[i % 5])},
                           {QStringLiteral("sender.name"), QStringLiteral("Sam Seller")},
                           {QStringLiteral("sender.company"), QStringLiteral("FlipTech Web Studio")},
                           {QStringLiteral("unsubscribe_url"), QStringLiteral("https://t.example/u/%1").arg(i * 7919)}});
    std::printf("| render, %d recipients (each its own fields and seed), one thread | messages/s | time | characters per message |\n|---|---|---|---|\n", n);
    for (int pass = 0; pass < 2; ++pass) {
        const bool generated = pass == 1;
        QElapsedTimer t;
        t.start();
        qint64 chars = 0;
        QString s, h, x;
        for (int i = 0; i < n; ++i) {
            const quint64 seed = campaigns::recipientSeed(1, i + 1, 1);
            s.clear();
            h.clear();
            x.clear();
            subject->renderInto(s, recipients.at(i), seed);
            html->renderInto(h, recipients.at(i), seed);
            if (generated)
                x = campaigns::htmlToText(h);
            else
                text->renderInto(x, recipients.at(i), seed);
            chars += s.size() + h.size() + x.size();
        }
        const double seconds = t.nsecsElapsed() / 1e9;
        std::printf("| subject + HTML + %s | %.0f | %.2f s | %lld |\n", generated ? "text generated from the HTML" : "written text", n / seconds, seconds,
                    chars / n);
    }
    std::printf("\n(target: >= 50,000 messages/s on one core)\n");
    return 0;
}
