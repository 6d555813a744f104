<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>QObject</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished">Einstellungen</translation>
    </message>
    <message>
        <source>Sign in to change settings.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
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
        <translation>FlipTech Pro</translation>
    </message>
    <message>
        <source>%1 (Ctrl+%2)</source>
        <translation>%1 (Strg+%2)</translation>
    </message>
    <message>
        <source>API: off</source>
        <translation>API: aus</translation>
    </message>
    <message>
        <source>API: %1</source>
        <translation>API: %1</translation>
    </message>
    <message>
        <source>%1 — not connected</source>
        <translation>%1 — nicht verbunden</translation>
    </message>
    <message>
        <source>%1 — connected</source>
        <translation>%1 — verbunden</translation>
    </message>
    <message>
        <source>No jobs running</source>
        <translation>Keine Aufgaben aktiv</translation>
    </message>
    <message>
        <source>Jobs: %1 running, %2 waiting</source>
        <translation>Aufgaben: %1 aktiv, %2 wartend</translation>
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
        <translation>Übersicht</translation>
    </message>
    <message>
        <source>It will show today&apos;s leads, replies waiting, campaigns running and revenue at a glance.</source>
        <translation>Zeigt auf einen Blick die heutigen Leads, offene Antworten, laufende Kampagnen und den Umsatz.</translation>
    </message>
    <message>
        <source>Leads</source>
        <translation>Leads</translation>
    </message>
    <message>
        <source>It will list every lead with filters, tags, notes, bulk edits, CSV import and duplicates.</source>
        <translation>Listet alle Leads mit Filtern, Schlagwörtern, Notizen, Massenbearbeitung, CSV-Import und Dubletten.</translation>
    </message>
    <message>
        <source>Scraper</source>
        <translation>Suche</translation>
    </message>
    <message>
        <source>It will find businesses on Craigslist, Google Maps, job boards and custom sites.</source>
        <translation>Findet Unternehmen auf Craigslist, Google Maps, Jobbörsen und eigenen Seiten.</translation>
    </message>
    <message>
        <source>Campaigns</source>
        <translation>Kampagnen</translation>
    </message>
    <message>
        <source>It will send personalised email sequences with throttling, tracking and unsubscribes.</source>
        <translation>Versendet persönliche E-Mail-Sequenzen mit Drosselung, Tracking und Abmeldungen.</translation>
    </message>
    <message>
        <source>Templates</source>
        <translation>Vorlagen</translation>
    </message>
    <message>
        <source>It will hold email templates with variables and their performance.</source>
        <translation>Enthält E-Mail-Vorlagen mit Variablen und ihrer Wirkung.</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>Gespräche</translation>
    </message>
    <message>
        <source>It will be the inbox of replies, with suggested answers.</source>
        <translation>Wird der Posteingang für Antworten, mit Antwortvorschlägen.</translation>
    </message>
    <message>
        <source>Automation</source>
        <translation>Automatisierung</translation>
    </message>
    <message>
        <source>It will run rules, schedules, approvals, webhooks and workflows.</source>
        <translation>Führt Regeln, Zeitpläne, Freigaben, Webhooks und Workflows aus.</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>Inhalte</translation>
    </message>
    <message>
        <source>It will build demo sites and videos for prospects.</source>
        <translation>Erstellt Demo-Websites und Videos für Interessenten.</translation>
    </message>
    <message>
        <source>Analytics</source>
        <translation>Auswertung</translation>
    </message>
    <message>
        <source>It will chart revenue, costs, ROI, the funnel and trends.</source>
        <translation>Zeigt Umsatz, Kosten, ROI, den Trichter und Trends.</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>It will hold accounts, sender mailboxes, API keys and preferences.</source>
        <translation>Enthält Konten, Absender-Postfächer, API-Schlüssel und Einstellungen.</translation>
    </message>
</context>
<context>
    <name>fliptech::ui::PlaceholderPage</name>
    <message>
        <source>Not built yet. %1</source>
        <translation>Noch nicht verfügbar. %1</translation>
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
