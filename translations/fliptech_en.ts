<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>fliptech::ui::FirstRunDialog</name>
    <message>
        <source>Welcome to FlipTech Pro</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create the administrator account. You will use it to sign in and to invite your team.</source>
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
        <source>Create account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
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
    <name>fliptech::ui::PlaceholderPage</name>
    <message>
        <source>Not built yet. %1</source>
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
</TS>
