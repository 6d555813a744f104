<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>QObject</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in to change settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Website analysis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email writing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reply suggestions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sentiment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No decision in time: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 by an auto-approval rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repeats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skipped (missed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tags, separated by commas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the note ({{name}}, {{city}} ... are the lead&apos;s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the notification&apos;s title (to you)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the new value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>field = value, e.g. category = plumbing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a user&apos;s id, or &quot;round robin&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the webhook&apos;s number (#3, on the Webhooks tab)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the n8n workflow&apos;s id (on the Workflows tab)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the campaign&apos;s number (#3, on the Campaigns page)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the template&apos;s number, then the sender account&apos;s: #3, #1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empty (the AI provider), or &quot;offline&quot; for the built-in writer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the campaign&apos;s number (#3), or empty for every campaign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draft: not launched</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Campaigns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Positive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Negative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Neutral</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>interested</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not interested</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wants a meeting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>asks a question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>asks to be removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>automatic answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading mailbox %1 of %2…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;No website on this lead. Add one in &lt;b&gt;Details&lt;/b&gt;, then &lt;b&gt;Analyse website&lt;/b&gt; scores it as a prospect.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;Not analysed yet. &lt;b&gt;Analyse website&lt;/b&gt; reads %1 and scores it as a prospect: HTTPS, speed, mobile, age, technology, contacts, broken links.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Prospect score %1 / 100&lt;/h3&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;Nothing to fix: a modern, working site.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes (HTTP %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTTPS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificate valid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s (first byte %2 ms)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page weight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mobile viewport</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copyright</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Technology</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mails</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phones</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Social</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Broken links</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Analysed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scraper</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test sent: &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Templates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The most allowed in a period of the usage time zone; &quot;No limit&quot; is the lowest step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allowed addresses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>succeeded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>your business</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing in this period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Analytics</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fliptech::ui::AboutDialog</name>
    <message>
        <source>About FlipTech Pro</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h2&gt;FlipTech Pro %1&lt;/h2&gt;&lt;p&gt;Find local businesses that need a website, reach out, follow up and count the revenue.&lt;/p&gt;&lt;p&gt;Running on Qt %2 (built with %3).&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Built with&lt;/b&gt;&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;Qt is used under the GNU LGPL version 3: it is linked dynamically and may be replaced by another build of the same version.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Qt</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fliptech::ui::AiSettings</name>
    <message>
        <source>Provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any OpenAI-compatible address: https://openrouter.ai/api/v1, https://api.openai.com/v1, or a local server such as http://127.0.0.1:11434/v1 (Ollama)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Base &amp;URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API key (kept in the system keychain)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save &amp;key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model&apos;s id at the provider, e.g. openai/gpt-4o-mini</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lower is more predictable, higher more varied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Temperature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Longest &amp;answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time&amp;out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Budgets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Daily budget</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Monthly budget</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Days begin in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A call that could pass a budget is not made: you get a notification, and the offline writer still drafts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save provider and budgets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prices (USD per million tokens)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add &amp;model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save &amp;prices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prompts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System prompt: who the model is and the rules it keeps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User prompt, with {{variables}}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What changed (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as &amp;new version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only an admin can change the AI settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A key is set (in the keychain). The AI writes; without a key the offline writer does.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A key is set by the environment (OPENROUTER_API_KEY).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No key: the offline writer drafts emails and replies from the website findings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>$%1 today, $%2 this month ($%3 in all)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the key first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key saved in the keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prices saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As shipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version %1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved as version %1: the next call uses it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fliptech::ui::AiWriterDialog</name>
    <message>
        <source>Write to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Introduce us</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask for a meeting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send a proposal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Friendly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Professional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Direct</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your name, to sign with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the &amp;offline writer (no AI call, no cost)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No AI key is set (Settings → AI): the offline writer drafts from the website findings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Write</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the email (Ctrl+Return)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The email appears here as it is written; edit it as you like.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subject: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mailbox to send from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Se&amp;nd</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send the e-mail as it stands from the chosen mailbox; the reply will appear in Conversations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent to %1. The reply will appear in Conversations.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Goal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign &amp;as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the subject and the text first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asking the AI… the text appears as it is written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>
Tick “Use the offline writer” to draft without the AI.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Written by %1 for $%2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> Saved as a draft.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draft saved.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fliptech::ui::AnalyticsPage</name>
    <message>
        <source>Period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New leads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mails sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conversions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Costs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Of the stage before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Of all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Median time from the stage before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ROI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cost per lead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cost per conversion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clicked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bounced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reply rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bounce rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leads won after it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Won</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All: %1 new leads, %2 conversions, %3 revenue, %4 cost, ROI %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All sources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the leads from this source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All campaigns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the leads of this campaign (and, for templates, its e-mails)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xport</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This table as CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report as PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report as CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report as JSON…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing the report…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report saved: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Double-click a row (or press Enter) to see its leads; Ctrl+C copies the selected rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Trends</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Funnel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Locations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Campaigns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>T&amp;emplates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Campaign e-mails sent in the period by template; Ctrl+C copies the selected rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Location</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 in the period before</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>From %n lead(s)</source>
        <translation>
            <numerusform>From %n lead</numerusform>
            <numerusform>From %n leads</numerusform>
        </translation>
    </message>
    <message>
        <source>day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activity by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Days, weeks or months by the period&apos;s length; the costs are those dated in each, with or without a lead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leads that came in, by the furthest stage reached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each stage counts the leads that came in during the period and reached it or a later one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(in no campaign)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A lead in two campaigns counts in each: the rows can add up to more than all.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no template)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All: %1 sent; opened %2, replied %3, bounced %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing in this period yet. Import a CSV or run a scrape on the Leads and Scraper pages, send a campaign, and the figures fill in; or choose a longer period.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A template&apos;s row has no leads of its own to list: its campaigns on the Campaigns tab do.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New leads, %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Funnel: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New leads: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No leads behind “%1” in this period.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no table named %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not be written: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fliptech::ui::ApplicationSettings</name>
    <message>
        <source>Appearance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The system&apos;s language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The system&apos;s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tell me on the desktop (tray messages) when a reply arrives, a scrape ends or something fails</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language (after a restart)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database (from the next start)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This computer: a file, nothing to set up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shared with the team: PostgreSQL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In use now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password (kept in the keychain)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FlipTech databases (*.db);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API server (from the next start)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Serve the HTTP API, so the web app and teammates can connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Web origins allowed (CORS)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files and logs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Normal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detailed (for a bug report)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open data folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log detail (from the next start)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change the database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>set (type to replace)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the database file&apos;s full path.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The API address is host:port, e.g. 127.0.0.1:8484.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From the next start FlipTech Pro will use %1.

Nothing is copied: the leads, campaigns and settings in %2 stay there, and you see them again by switching back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: the database stays %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password could not be kept: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another address than this computer&apos;s (127.0.0.1) needs a TLS certificate and key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none: plain HTTP, for this computer only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PEM files (*.pem *.crt *.key);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS certificate (PEM)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS private key (PEM)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS private key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none (the system&apos;s http_proxy, if any)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scraping, website analysis, AI and the providers go out through it: http://host:port or socks5://host:port; several, separated by commas, are used in turn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Proxy (from the next start)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS needs both files: the certificate and its private key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The TLS files cannot be used: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Serving the API to other computers (%1) needs a TLS certificate and key: anyone on the network could read it otherwise.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The proxy: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved. The language, database, API server, proxy and log detail apply from the next start.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fliptech::ui::ApprovalsTab</name>
    <message>
        <source>Work that waits for a person stops here: a rule&apos;s next actions after &quot;Ask for approval&quot;, reply suggestions the AI wrote, large campaign launches, steps of n8n workflows. Review it, change it if you like, and approve or reject. Without a decision by the deadline, the request&apos;s default applies.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show decided ones too</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who decides</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a request to review it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Then, once approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings (editable)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reply that goes out once approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A note with your decision (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Approve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the actions above, as edited (Ctrl+Return)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;ject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>user #%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an administrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>anyone on the team</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, then %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No approvals yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing waits for a decision.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;Approving launches the campaign &quot;%2&quot; to its %n recipient(s) at once (or at its start time).</source>
        <translation>
            <numerusform>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;Approving launches the campaign &quot;%2&quot; to its %n recipient at once (or at its start time).</numerusform>
            <numerusform>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;Approving launches the campaign &quot;%2&quot; to its %n recipients at once (or at its start time).</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;They wrote: &lt;i&gt;%2&lt;/i&gt;&lt;br&gt;Approving sends the reply below (edit it first if you like); rejecting keeps it unsent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;An n8n workflow (%2) waits for this decision%3. It receives the values below as you leave them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> about the lead %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;Rule &quot;%2&quot; on the lead %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It could not run: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As the workflow gets it (editable)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This one waits for %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>another user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved, but it could not run: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved: the reply is on its way.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved: the workflow is told and goes on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved: the campaign is launched.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Approved: %n action(s) done.</source>
        <translation>
            <numerusform>Approved: %n action done.</numerusform>
            <numerusform>Approved: %n actions done.</numerusform>
        </translation>
    </message>
    <message>
        <source>Rejected: the workflow is told.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected: nothing more was done.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fliptech::ui::AutomationPage</name>
    <message>
        <source>&amp;Rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Schedules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;pprovals (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;pprovals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Webhooks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>W&amp;orkflows</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fliptech::ui::CampaignWizard</name>
    <message>
        <source>New campaign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who receives it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leads without an e-mail address, on the suppression list or excluded below are left out; an address shared by several leads gets one message.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Austin plumbers — outdated websites</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every lead with an e-mail address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leads with the status…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A saved segment…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave out leads another running campaign is still writing to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Send to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Segment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave out leads contacted in the last</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n recipient(s)</source>
        <translation>
            <numerusform>%n recipient</numerusform>
            <numerusform>%n recipients</numerusform>
        </translation>
    </message>
    <message>
        <source> — left out: %1 without an address, %2 suppressed, %3 excluded, %4 sharing an address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What it sends</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The first message, then follow-ups that wait the days you set (sending days only) and go only to those who have not replied, unsubscribed or bounced. A step with a B template is an A/B test.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wait (sending days)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>B template (A/B)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add follow-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the better open rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the better reply rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> recipients each</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A/B: try each template on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>then send the rest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From whom, and when</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Several mailboxes take turns, each within its own daily and hourly caps. Hours are read in each recipient&apos;s time zone (from the lead&apos;s location), or the mailbox&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fri</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sun</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>each recipient&apos;s time zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the mailbox&apos;s time zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Count opens (a tiny image)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Count clicks (links go through our address)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Between</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Launch when I click Finish (otherwise it is saved as a draft)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First sends:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%1&lt;/b&gt; goes to &lt;b&gt;%n recipient(s)&lt;/b&gt; in %2 step(s), from %3.</source>
        <translation>
            <numerusform>&lt;b&gt;%1&lt;/b&gt; goes to &lt;b&gt;%n recipient&lt;/b&gt; in %2 step(s), from %3.</numerusform>
            <numerusform>&lt;b&gt;%1&lt;/b&gt; goes to &lt;b&gt;%n recipients&lt;/b&gt; in %2 step(s), from %3.</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;i&gt;no mailbox yet&lt;/i&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Left out: %1 without an address, %2 suppressed, %3 excluded, %4 sharing an address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2 their time (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the campaign a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved as a draft, not launched: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fliptech::ui::CampaignsPage</name>
    <message>
        <source>Search campaigns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New campaign…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+N</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Launch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send &amp;test…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%v of %m sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Variant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reply rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bounced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No campaigns yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click “New campaign…” (Ctrl+N): choose who receives it, write the steps with your templates, pick the mailboxes and the hours, then launch.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved. Its launch waits for an administrator&apos;s approval (Automation → Approvals).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>starts %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivered &lt;b&gt;%1&lt;/b&gt; · Opened &lt;b&gt;%2&lt;/b&gt; (%3) · Clicked &lt;b&gt;%4&lt;/b&gt; (%5) · Replied &lt;b&gt;%6&lt;/b&gt; (%7) · Bounced &lt;b&gt;%8&lt;/b&gt; (%9) · Unsubscribed &lt;b&gt;%10&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) were cut off mid-send (the application stopped): they may have gone out. Check the mailbox&apos;s Sent folder, then:</source>
        <translation>
            <numerusform>%n message was cut off mid-send (the application stopped): it may have gone out. Check the mailbox&apos;s Sent folder, then:</numerusform>
            <numerusform>%n messages were cut off mid-send (the application stopped): they may have gone out. Check the mailbox&apos;s Sent folder, then:</numerusform>
        </translation>
    </message>
    <message>
        <source> (winner)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>next message %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent, opened, clicked and replied per hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clicked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Launch campaign</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Start sending to %n recipient(s)?</source>
        <translation>
            <numerusform>Start sending to %n recipient?</numerusform>
            <numerusform>Start sending to %n recipients?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Waiting for an administrator&apos;s approval (Automation → Approvals): a launch to %n recipient(s) needs one.</source>
        <translation>
            <numerusform>Waiting for an administrator&apos;s approval (Automation → Approvals): a launch to %n recipient needs one.</numerusform>
            <numerusform>Waiting for an administrator&apos;s approval (Automation → Approvals): a launch to %n recipients needs one.</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete campaign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete “%1” and its numbers? This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) resolved.</source>
        <translation>
            <numerusform>%n message resolved.</numerusform>
            <numerusform>%n messages resolved.</numerusform>
        </translation>
    </message>
    <message>
        <source>Send a test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send the first step, as a sample lead gets it, to:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test sent to %1 (“%2”).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fliptech::ui::ChangePasswordDialog</name>
    <message>
        <source>Choose your password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An administrator gave you a temporary password. Choose your own to go on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Repeat it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fliptech::ui::CustomUrlPage</name>
    <message>
        <source>https://example.com/directory/plumbers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A page that lists businesses: a directory, a members list, search results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Analyse page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the page and propose a recipe: the repeated items and their fields</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved recipes: choose one to load it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the loaded recipe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recipe:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Analyse a page to get a recipe here, or write one:
{&quot;item&quot;: &quot;li.result&quot;,
 &quot;fields&quot;: [{&quot;name&quot;: &quot;name&quot;, &quot;css&quot;: &quot;h2 a&quot;},
            {&quot;name&quot;: &quot;url&quot;, &quot;css&quot;: &quot;h2 a&quot;, &quot;attr&quot;: &quot;href&quot;, &quot;type&quot;: &quot;url&quot;}],
 &quot;next_page&quot;: &quot;a[rel=next]&quot;, &quot;max_pages&quot;: 5}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The preview shows the rows the recipe reads on the page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Recipe&lt;/b&gt; (JSON; checked as you type)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Preview&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recipe name, e.g. Austin plumbers directory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save recipe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the recipe under its name to run it again later (Ctrl+S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Run scrape</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read every start page and the pages after it; the rows become leads (source custom_url)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the address of a page that lists businesses, e.g. https://example.com/directory.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading %1 …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server answered %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2 items)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Found %1 similar items. Check the preview, edit the recipe if needed, then Run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other lists on the page: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✗ %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fix the recipe to see its rows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>✓ The recipe is valid: %n field(s)</source>
        <translation>
            <numerusform>✓ The recipe is valid: %n field</numerusform>
            <numerusform>✓ The recipe is valid: %n fields</numerusform>
        </translation>
    </message>
    <message>
        <source>Analyse a page (or load a recipe with a start page) to see the rows it reads.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) on this page</source>
        <translation>
            <numerusform>%n row on this page</numerusform>
            <numerusform>%n rows on this page</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n left out (a required field missing)</source>
        <translation>
            <numerusform>, %n left out (a required field missing)</numerusform>
            <numerusform>, %n left out (a required field missing)</numerusform>
        </translation>
    </message>
    <message>
        <source>; no next page found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; next page: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(Fields from each item&apos;s own page are read when the scrape runs.)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>— choose a saved recipe —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recipe &quot;%1&quot; loaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The recipe is not valid JSON yet: see the message under the editor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the recipe a name first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recipe &quot;%1&quot; saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete recipe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the recipe &quot;%1&quot;? Scrapes it ran keep their leads.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recipe deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scrape %1 started: follow it in the jobs below.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fliptech::ui::DashboardPage</name>
    <message>
        <source>&amp;Overview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pipeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing the report…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report saved: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dashboard as PNG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dashboard as PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report as PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report as CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report as JSON…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pipeline (weighted)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New leads won</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ROI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click a point, bar or slice to see its leads</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n open deal(s) worth %1 in all</source>
        <translation>
            <numerusform>%n open deal worth %1 in all</numerusform>
            <numerusform>%n open deals worth %1 in all</numerusform>
        </translation>
    </message>
    <message>
        <source>Revenue by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revenue (USD)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revenue from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revenue by source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lead funnel (leads that came in)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Funnel: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Costs by type: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Costs: %1, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revenue: the last 12 months and the next 6</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Projected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>95 % interval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No leads behind “%1” (costs that belong to no lead, such as rent, have none).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FlipTech Pro dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not be written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not be written (is it a PNG or JPEG name?).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A report is written as .csv, .json or .pdf.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fliptech::ui::DrillDown</name>
    <message>
        <source>%1: the first 10,000 of %2 leads are shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fliptech::ui::DuplicatesDialog</name>
    <message>
        <source>Duplicate leads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click a value to keep it. The first lead survives; the others&apos; tags, notes and history move to it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 leads · same %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No duplicates found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#%1 (keeps)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merged into #%1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fliptech::ui::FirstRunWizard</name>
    <message>
        <source>Welcome to FlipTech Pro</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Four short steps, and you are in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;FlipTech Pro finds local businesses that need a website, judges their current one, writes to them, follows the replies and counts the revenue.&lt;/p&gt;&lt;p&gt;Next you choose where your data lives, create your account and, if you like, connect an AI provider. Everything can be changed later in &lt;b&gt;Settings&lt;/b&gt;.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where your data lives</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On this computer to start alone; on the team&apos;s PostgreSQL to share leads and campaigns.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This computer (recommended to start): a file, nothing to set up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The team&apos;s PostgreSQL server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The administrator: you sign in with it and invite your team from Settings → Users.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>you@agency.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at least 10 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Repeat password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Integrations (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With an AI provider&apos;s key, FlipTech Pro writes emails and replies with AI; without one its offline writer drafts them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sk-or-… (OpenRouter, or any OpenAI-compatible provider)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AI key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept in the system keychain. Sender mailboxes, enrichment providers and n8n are set up in &lt;b&gt;Settings&lt;/b&gt; when you need them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not connect: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ Connected: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;FlipTech Pro starts again on the team&apos;s database when you click Finish.&lt;/p&gt;&lt;p&gt;If the team already works there, sign in with the account an administrator gave you; if the database is new, you create its administrator then.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;You are signed in as &lt;b&gt;%1&lt;/b&gt;%2.&lt;/p&gt;&lt;p&gt;To get your first leads:&lt;/p&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;Import CSV&lt;/b&gt; on the Leads page, from a spreadsheet or another CRM;&lt;/li&gt;&lt;li&gt;&lt;b&gt;Run a scrape&lt;/b&gt; on the Scraper page, e.g. plumbers in your city;&lt;/li&gt;&lt;li&gt;or &lt;b&gt;add a lead&lt;/b&gt; by hand.&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;Press F1 at any time for the keyboard shortcuts.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, with the AI connected</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fliptech::ui::ImportWizard</name>
    <message>
        <source>Import leads from CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a CSV file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported from a spreadsheet, a CRM or another tool. Encoding and separator are detected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt *.tsv);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Match the columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose which lead field each column fills. The first rows are shown so you can check.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duplicates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leads with the same e-mail, phone or website as an existing lead (or an earlier row) are duplicates.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skip them (keep the existing lead as it is)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Update the existing lead with the file&apos;s values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create them anyway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone numbers without a country code are from:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags for every imported lead, separated by commas (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save rejected rows…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save rejected rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, separated by “%2”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lead field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading and checking every row… (Cancel stops it and imports nothing)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 leads imported, %2 updated, %3 duplicates skipped, %4 rows rejected (%5 rows read in %6 s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>
The leads are in the list now. Their search entries and filter indexes are being built in the background (see the status bar): until then search does not find them and filters are slower.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>
Row %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fliptech::ui::InboxPage</name>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs a reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unread</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Positive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Negative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archived</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everything</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Check mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read every mailbox now (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mood</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Archive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suggested reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Suggest a reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+G: the AI (or the offline writer) drafts an answer; nothing is sent until you approve it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No suggestion yet. “Suggest a reply” drafts one from the thread and the lead&apos;s website analysis.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approve &amp;&amp; send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send the suggestion as it stands in the box (your edits included)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mailbox the reply is sent from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write your answer… (Ctrl+Return sends it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sen&amp;d</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Return</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start from a template…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopping after the message being read…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No conversations yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;No conversation matches this filter.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;Replies to your campaigns and e-mails appear here. Add the IMAP server of a mailbox in &lt;b&gt;Settings → Sender accounts&lt;/b&gt;, then &lt;b&gt;Check mail&lt;/b&gt; (F5); the inbox is also read every few minutes.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>automatic answer: not counted as a reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;Status: &lt;b&gt;%1&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · Deal: &lt;b&gt;%1&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · Value: &lt;b&gt;%1&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h4&gt;Notes&lt;/h4&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;%1 is not one of your leads yet.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Written by %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Written by the offline writer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved, not sent yet: approve again to retry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No mailbox to read: add its IMAP server to a sender account in Settings → Sender accounts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking mail…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped. </source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n new message(s)</source>
        <translation>
            <numerusform>%n new message</numerusform>
            <numerusform>%n new messages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n of them replies.</source>
        <translation>
            <numerusform>, %n of them a reply.</numerusform>
            <numerusform>, %n of them replies.</numerusform>
        </translation>
    </message>
    <message>
        <source>Writing a suggestion…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suggestion ready: edit it if you like, then Approve &amp; send.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The auto-approval rule “%1” decided it: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suggestion rejected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the reply first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archived. A new reply brings it back.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fliptech::ui::IntegrationsSettings</name>
    <message>
        <source>&lt;b&gt;Lead enrichment&lt;/b&gt; finds the e-mail address, phone and company details of a lead from its website&apos;s domain. The providers are asked in this order until the lead has an address and a phone; what a provider answered is remembered for 30 days, so asking again costs nothing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Base URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cost per call (¢)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move &amp;down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the order, which providers are on, their addresses and costs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API key of the selected provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save &amp;key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept in the system keychain, never shown again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only an admin can change the integrations.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Delivery events&lt;/b&gt; from SendGrid and Mailgun (bounces, spam reports, unsubscribes, opens) reach &lt;code&gt;/api/v1/webhooks/sendgrid&lt;/code&gt; and &lt;code&gt;/api/v1/webhooks/mailgun&lt;/code&gt; on your team server, and are believed only when signed: paste SendGrid&apos;s verification key and Mailgun&apos;s webhook signing key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save &amp;webhook keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SendGrid verification key: set (type to replace)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SendGrid verification key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mailgun signing key: set (type to replace)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mailgun webhook signing key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SendGrid events: %1 · Mailgun events: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>verified with your key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>refused until a key is set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a key first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Webhook keys saved in the keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>set (keychain)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>set (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order changed: Save to keep it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the cost per call is whole cents, e.g. 2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a provider first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the key first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key saved in the keychain.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fliptech::ui::LeadTableModel</name>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Company</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Website</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>City</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Country</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qualification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contacted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last contacted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updated</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fliptech::ui::LeadsPage</name>
    <message>
        <source>Stopped: %1 of %2 leads changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 leads changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search name, company, email, phone, city…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>City</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Has email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved segments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save segment…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep this filter under a name, to pick it again from Segments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New lead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duplicates…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name or company:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lead added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 leads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>about %1 leads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — filtering…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove this filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>status: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>city: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tag: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>has email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move to trash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Analyse the websites, verify the e-mail addresses or find the contacts of the selected leads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Analyse websites</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verify e-mail addresses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find contacts (enrichment providers)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n selected</source>
        <translation>
            <numerusform>%n selected</numerusform>
            <numerusform>%n selected</numerusform>
        </translation>
    </message>
    <message>
        <source>all %1 matching</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all (about %1) matching</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select the leads first (click, Shift+click, Ctrl+A).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Setting status to %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the tag to add.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tagging with %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Move %n lead(s) to the trash? You can restore them later.</source>
        <translation>
            <numerusform>Move %n lead to the trash? You can restore it later.</numerusform>
            <numerusform>Move %n leads to the trash? You can restore them later.</numerusform>
        </translation>
    </message>
    <message>
        <source>Moving to trash…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wait for the running action to end (or cancel it).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 leads are selected: these run on up to 10,000 at a time. Narrow the filter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Analysing %n website(s)…</source>
        <translation>
            <numerusform>Analysing %n website…</numerusform>
            <numerusform>Analysing %n websites…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Verifying %n address(es)…</source>
        <translation>
            <numerusform>Verifying %n address…</numerusform>
            <numerusform>Verifying %n addresses…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Finding the contacts of %n lead(s)…</source>
        <translation>
            <numerusform>Finding the contacts of %n lead…</numerusform>
            <numerusform>Finding the contacts of %n leads…</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelled: what was done is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That did not finish: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nothing to do</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a lead to see it here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Website</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verify address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the address: its syntax, its domain&apos;s mail server, disposable and role addresses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save (Ctrl+S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark &amp;won…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record the deal as won with its amount; it counts in revenue and ROI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark &amp;lost…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record the deal as lost, with the reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deal won</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount in USD (e.g. 2400 or 2400.50):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Won: %1 USD recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deal lost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why was it lost?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Marked lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a tag and press Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove selected tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write a note…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Analyse website</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the lead&apos;s site and score it as a prospect: HTTPS, speed, mobile, age, technology, contacts, broken links</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find &amp;contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask the enrichment providers (Settings → Integrations) for this business&apos;s e-mail, phone and details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Write email…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draft a personal email to this lead from its website&apos;s findings, with the AI (Settings → AI) or the offline writer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pitch ideas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summarise the website analysis and suggest what to pitch (Settings → AI)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Analyse the website first: the pitch ideas come from its findings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thinking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pitch ideas:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pitch ideas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Analysing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to check on this lead: add it in Details first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contacts found: see Details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No contacts found: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No provider knew more about this business.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ valid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⚠ risky</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✗ invalid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Segments…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save segment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name of this filter:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Segment saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export leads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV (*.csv);;JSON (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting %1 leads…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export cancelled; nothing was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported %1 leads to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run a scrape</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a lead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear the filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No lead matches these filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No leads yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change or clear the filters to see more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bring in the businesses you want to reach: import a spreadsheet or a CRM export, let the scraper find them on Craigslist or a directory, or add one by hand.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fliptech::ui::MainWindow</name>
    <message>
        <source>FlipTech Pro</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (Ctrl+%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API: off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — not connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No jobs running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jobs: %1 running, %2 waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in as %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Search…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;logs folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About FlipTech Pro</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show FlipTech Pro</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Indexing imported leads: %n not searchable yet</source>
        <translation>
            <numerusform>Indexing imported leads: %n not searchable yet</numerusform>
            <numerusform>Indexing imported leads: %n not searchable yet</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Indexing imported leads: %n filter indexes to build</source>
        <translation>
            <numerusform>Indexing imported leads: %n filter index to build</numerusform>
            <numerusform>Indexing imported leads: %n filter indexes to build</numerusform>
        </translation>
    </message>
    <message>
        <source>A large import puts its rows in first and builds their indexes afterwards, in the background. Until it is done, search does not find those leads and filters on them are slower.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fliptech::ui::NotificationBell</name>
    <message numerus="yes">
        <source>%n unread notification(s)</source>
        <translation>
            <numerusform>%n unread notification</numerusform>
            <numerusform>%n unread notifications</numerusform>
        </translation>
    </message>
    <message>
        <source>Notifications: nothing unread</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fliptech::ui::NotificationList</name>
    <message>
        <source>&lt;b&gt;Notifications&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark all read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing yet. Replies, finished scrapes, campaign milestones and failures show here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the notifications: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fliptech::ui::OverflowBar</name>
    <message>
        <source>More actions</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fliptech::ui::Pages</name>
    <message>
        <source>Dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It will show today&apos;s leads, replies waiting, campaigns running and revenue at a glance.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It will list every lead with filters, tags, notes, bulk edits, CSV import and duplicates.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scraper</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It will find businesses on Craigslist, Google Maps, job boards and custom sites.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Campaigns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It will send personalised email sequences with throttling, tracking and unsubscribes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Templates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It will hold email templates with variables and their performance.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It will be the inbox of replies, with suggested answers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It will run rules, schedules, approvals, webhooks and workflows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Content</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It will build demo sites and videos for prospects.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Analytics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It will chart revenue, costs, ROI, the funnel and trends.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It will hold accounts, sender mailboxes, API keys and preferences.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fliptech::ui::PeriodPicker</name>
    <message>
        <source>Last 30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This quarter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 12 months</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom range…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last day (included)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fliptech::ui::PipelinePage</name>
    <message>
        <source>Drag a deal to another stage. Won asks for the amount, lost for the reason.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 deal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 deals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · %1 (weighted %2 at %3 %)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deal won</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The amount won (e.g. 2500 or 2500.50):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not moved: no amount was given.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deal lost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why was it lost?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not moved: no reason was given.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not moved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 moved to %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fliptech::ui::PlaceholderPage</name>
    <message>
        <source>Not built yet. %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fliptech::ui::RulesTab</name>
    <message>
        <source>Delete rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A rule waits for something to happen to a lead, checks its conditions, and does its actions in order — for example: when a lead from Austin arrives without a website, tag it, add a note and tell me. Rules act on what happens after they are saved; a rule&apos;s own changes set off rules at most 3 times in a row.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn o&amp;ff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Does</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the selected rule did</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Austin leads without a website</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all of these are true</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>any of these is true</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>And</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This rule&apos;s conditions are nested groups (made through the API): they are kept as they are; the rows cannot show them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a &amp;condition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Then, in order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add an &amp;action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rules with a higher priority run first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When this rule acts, the rules after it do not</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Try on the newest leads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A dry run of the saved rule on the 20 newest leads: which match, nothing changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add at least one action: what the rule does.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new rule: when it runs, what must be true of the lead, and what it does.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn o&amp;n</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loop cut</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Condition %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved. It acts on what happens from now on; Try shows which of the newest leads it would match.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On: it acts on what happens from now on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Off: it does nothing until turned on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the rule &quot;%1&quot; and the record of what it did?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the rule first: the dry run tries the saved rule.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of the %2 newest leads match; nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fliptech::ui::SchedulesTab</name>
    <message>
        <source>Delete schedule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schedules run a task at the times you choose, in the time zone you choose — also while this window is closed, as long as FlipTech Pro or its server runs somewhere on this database. A run missed while nothing ran happens once at the next start, or is skipped, as you choose.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New schedule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start a new schedule (Ctrl+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Run now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the selected schedule&apos;s task now, whatever its times say (Ctrl+R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the selected schedule and its runs (Del)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs of the selected schedule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Verify new leads every night</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The leads the task acts on: a saved segment of the Leads page (up to 10,000 leads a run)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each run repeats this scrape with the same sites, categories and keywords; leads already stored are updated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repeat the scrape</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mailbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV (spreadsheet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> days before each run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> newest backups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Webhook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>n8n workflow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This task takes no settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every 15 minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every hour, at minute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every day at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weekdays (Mon–Fri) at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every week on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every month on day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom (cron expression)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Days 29 to 31 do not come every month: use a custom expression for them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Repeats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>minute hour day-of-month month day-of-week, e.g. &quot;30 2 * * 1-5&quot;; names (MON, JAN), */15, lists and ranges; or @hourly, @daily, @weekly, @monthly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cron</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time &amp;zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skip runs missed while FlipTech Pro was not running (otherwise: run once at the next start)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save schedule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save (Ctrl+S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All leads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No scrape yet: run one on the Scraper page first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every mailbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No webhook yet: add one on the Webhooks tab first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No n8n workflow known yet: connect n8n on the Workflows tab first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> — %1 here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No schedule yet: choose a task and when it repeats on the right, then Save.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Res&amp;ume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Missed, caught up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new schedule: name it, choose the task and when it repeats, then Save.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved (paused).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved. Next run: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queued: the run shows below as it goes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resumed: the next run counts from now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused: it runs again once resumed (or with Run now).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the schedule &quot;%1&quot; and the record of its runs?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fliptech::ui::ScraperPage</name>
    <message>
        <source>austin, dallas, houston</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Craigslist sites, as in https://&lt;site&gt;.craigslist.org, separated by commas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no location group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scrape every location of a group too (groups are made on the Leads page&apos;s locations)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sites</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+click to scrape several categories at once (up to 10)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Categories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>keywords (optional), e.g. plumber</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keywords</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Posted &amp;today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Has &amp;image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Obey &amp;robots.txt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read each &amp;posting (phone, e-mail, text)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fetch every new listing&apos;s page too: slower, but the lead gets its contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result pages to read for each site and category (120 listings a page)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pages per search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Run now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start the scrape (Ctrl+Return)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Searches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leads found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop after the pages being fetched; Resume goes on from there</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Res&amp;ume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go on from where the scrape stopped (pages stored are not fetched again)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry &amp;failed pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fetch the pages that failed again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cancel job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the scrape for good (it can still be resumed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Scrape jobs&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Businesses advertising services are the leads: each listing becomes a lead (source craigslist); a listing found again updates its lead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Craigslist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any page that lists businesses: a recipe says how to read it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Found at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Leads found&lt;/b&gt; (select a job)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name at least one Craigslist site, e.g. austin, or choose a location group.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose at least one category.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scrape %1 started.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scrape %1 pauses after the pages it is fetching.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scrape %1 goes on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scrape %1 fetches its failed pages again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scrape %1: cancel asked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Leads found by scrape %1&lt;/b&gt; (newest first)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fliptech::ui::SearchPalette</name>
    <message>
        <source>Go to…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search leads, campaigns and conversations</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n imported leads are still being indexed and are not found yet.</source>
        <translation>
            <numerusform>%n imported lead is still being indexed and is not found yet.</numerusform>
            <numerusform>%n imported leads are still being indexed and are not found yet.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fliptech::ui::SenderSettings</name>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sends from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today&apos;s cap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password / key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Sam&apos;s Gmail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sam@yourstudio.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sam from Your Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SMTP mailbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SendGrid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mailgun</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>smtp.gmail.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>STARTTLS (port 587)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS (port 465)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None (a local relay only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>usually the address itself</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the provider&apos;s own (leave empty)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mg.yourstudio.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> a day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> an hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> s between sends</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> on day one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no ramp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> more each day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>imap.gmail.com (where bounces come back)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS (port 993)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>STARTTLS (port 143)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None (a local server only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the SMTP user when empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How often the inbox is read for replies: the default (every few minutes), a number of minutes, or 0 for only when you press Check mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sender name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SMTP server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User, password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mailgun domain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Limits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warm-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mailbox (IMAP): replies and bounces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the inbox every</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect and sign in as a send would; nothing is sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check &amp;domain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Look up the sending domain&apos;s SPF, DKIM and DMARC records and say what is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check &amp;bounces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the bounce mailbox now: bounced addresses are suppressed and their campaign recipients marked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ Read %1 new message(s): %2 bounce(s), %3 matched to campaign messages.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Sender accounts&lt;/b&gt;: the mailboxes campaigns send from. A new mailbox should warm up: a few messages on day one, a few more each day.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only an admin can add or change sender accounts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unchanged (type to replace)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>password</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Saved. Today it may send %n message(s).</source>
        <translation>
            <numerusform>Saved. Today it may send %n message.</numerusform>
            <numerusform>Saved. Today it may send %n messages.</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete sender account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete &quot;%1&quot; and its password?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looking the domain up…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the bounce mailbox…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fliptech::ui::SettingsPage</name>
    <message>
        <source>Profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>https://… (an image address)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Time zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Avatar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repeat new password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two new passwords differ.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password changed. Other sign-ins were ended.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key starts with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expires</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name of the new key, e.g. Zapier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoke…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied. Store it somewhere safe: it will not be shown again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key &quot;%1&quot; created. Copy it now: it is shown only once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a key to revoke.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoke API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoke &quot;%1&quot;? Anything using it stops working at once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key &quot;%1&quot; revoked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last sign-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deactivate / reactivate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a teammate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 can now sign in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select an account first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 updated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete %1? Their leads and notes stay; the account cannot sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose image…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Avatar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.gif *.webp)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Temporary password (they choose their own at the next sign-in)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set temporary password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Temporary password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also revoke the API keys of %1? (Their sign-ins end either way.)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has a temporary password; they will choose their own when they sign in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Integrations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sender accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Application</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fliptech::ui::ShortcutsDialog</name>
    <message>
        <source>Everywhere</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the notifications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reload the list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search the list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the lead&apos;s details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scraper</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the scrape now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Campaigns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New campaign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Templates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check mail now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suggest a reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send the reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archive the conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New schedule, rule or webhook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the schedule now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approve the selected request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh the figures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the recipe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AI writer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Analytics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the selected rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the row&apos;s leads</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fliptech::ui::SignInDialog</name>
    <message>
        <source>Sign in to FlipTech Pro</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remember me on this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fliptech::ui::StageColumn</name>
    <message>
        <source>closes %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drag to another stage; double-click to open the lead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>and %1 more</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fliptech::ui::TemplatesPage</name>
    <message>
        <source>Search templates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Outdated website — first touch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. cold, follow-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active (campaigns can use it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{Quick question|Idea} for {{company|your business}}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;{Hi|Hello} {{first_name|there}},&lt;/p&gt;
&lt;p&gt;I looked at {{company}}&apos;s website{{#if city}} in {{city}}{{/if}} …&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Left empty, the plain-text version is made from the HTML body.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTML body</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plain text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Go to mistake</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Double-click to insert into the field you are editing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Insert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview for this lead (the newest 50)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As HTML</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As plain text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the template (Ctrl+S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>D&amp;uplicate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied as &quot;%1&quot; (inactive until you switch it on).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete &quot;%1&quot;?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Template deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Variables&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Preview for&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>your address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send &amp;test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send the saved template, as the lead above would get it, to your address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Test&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>inactive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No templates yet: write the first with New template.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No template matches.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a sample lead (Ann, Ann&apos;s Bakery, Austin)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the message in the HTML body, the plain text, or both.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the sender</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ Ready to save. Variables: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Subject:&lt;/b&gt; %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Empty for this lead: %1 (add a fallback: {{name|…}})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the template first: the test sends what is saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a sender account in Settings → Sender accounts first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending the test…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fliptech::ui::UsageSettings</name>
    <message>
        <source>What the workspace used, and the limits on it. At a limit, scrapes pause, enrichment and AI requests are refused with the limit named, and campaign e-mails wait until the day (or month) turns. AI spend has its own budgets in the AI tab.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Daily limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Monthly limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Left today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Days are counted in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save limits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only an administrator can change the limits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The last 14 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>—</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Limits saved.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fliptech::ui::WebhooksTab</name>
    <message>
        <source>Delete webhook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A webhook sends what happens here (a new lead, a reply, a finished scrape...) to another system as a signed POST: a CRM, Zapier, n8n, your own server. Failed deliveries are retried for a while; a webhook that keeps failing turns itself off and tells you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New webhook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send a &amp;test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send a signed &quot;ping&quot; to the selected webhook now and show what it answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn o&amp;ff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last delivery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deliveries of the selected webhook (every attempt)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redeliver</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send the selected delivery again, with a new timestamp and signature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attempt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. CRM sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every event (also kinds added later)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> failed attempts in a row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn off after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save webhook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New s&amp;ecret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make a new signing secret; the receiver must be given it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What webhooks may reach (administrators)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Private networks and this computer (not only the Internet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 127.0.0.1:5678, 10.0.0.5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These addresses are allowed even when private networks are not (a local n8n, say)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allowed anyway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save these</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The secret is on the clipboard.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>everything</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>On — %n failure(s) in a row</source>
        <translation>
            <numerusform>On — %n failure in a row</numerusform>
            <numerusform>On — %n failures in a row</numerusform>
        </translation>
    </message>
    <message>
        <source>Off: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>delivered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No webhook yet. Give it a name, the address of the receiver and the events it wants, then Save.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This webhook starts an n8n workflow (Workflows tab): its address is the workflow&apos;s Webhook trigger, and rules and schedules send to it, not events.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn o&amp;n</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed with the secret ending %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>gave up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>will retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events: tick at least one event the receiver wants.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved. Give the receiver this secret to check the X-FlipTech-Signature of each delivery: it is shown only now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending a test…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The receiver answered %1 in %2 ms.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The receiver answered %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not delivered: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the webhook &quot;%1&quot; and its delivery log? Deliveries still waiting are dropped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make a new secret for &quot;%1&quot;? Deliveries are signed with it from now on: the receiver must be given it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new secret: give it to the receiver. It is shown only now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved: webhooks may reach %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>private networks too</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only the Internet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the Internet and %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fliptech::ui::WorkflowsTab</name>
    <message>
        <source>Workflows of your team&apos;s n8n: turn them on and off, start them, and see how their runs went. A rule (action &quot;Start an n8n workflow&quot;) or a schedule starts a workflow through its Webhook trigger (HTTP method POST) with the lead and the event; the workflow can call back into FlipTech with an API key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where your n8n is</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>n8n &amp;address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Made in n8n: Settings → n8n API → Create an API key (with the workflow and execution scopes). Kept in the system keychain, never shown again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API &amp;key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save and c&amp;onnect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only an administrator may change where n8n is</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn o&amp;n</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Run now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start the selected workflow now through its Webhook trigger (a &quot;manual&quot; event)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs of the selected workflow only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workflow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trigger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Can start from here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Took</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn o&amp;ff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kept in the keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from N8N_API_KEY</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>paste the key n8n made</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>leave empty to keep the key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>n8n address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved. Reading the workflows from n8n…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved. Give both the address and an API key to connect.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>n8n is not set up yet: an administrator gives its address and an API key above (in n8n: Settings → n8n API).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading from n8n…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>n8n has no workflow yet: make one in n8n with a Webhook trigger (POST).</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n workflow(s) in n8n; the newest runs below.</source>
        <translation>
            <numerusform>%n workflow in n8n; the newest runs below.</numerusform>
            <numerusform>%n workflows in n8n; the newest runs below.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 — id %2 (what a rule&apos;s &quot;Start an n8n workflow&quot; action takes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick to turn the workflow on in n8n (its triggers listen), untick to turn it off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no Webhook trigger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turning &quot;%1&quot; on…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turning &quot;%1&quot; off…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is being started; its run appears below when n8n has it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>the last time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database could not be checked: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database was checked and is consistent: everything saved before the exit is there, and unfinished jobs (scrapes, sends, imports) carry on from where they stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database check found problems: %1. Make a copy of the database file before going on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;FlipTech Pro did not close properly&lt;/b&gt; (session started %1). %2 %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The &lt;a href=&quot;%1&quot;&gt;log&lt;/a&gt; may say why.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;The API server did not start&lt;/b&gt;: %1. The desktop works without it; change its address or TLS files in &lt;a href=&quot;fliptech://settings&quot;&gt;Settings → Application&lt;/a&gt;.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
