<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>QObject</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Sign in to change settings.</source>
        <translation>Melden Sie sich an, um die Einstellungen zu ändern.</translation>
    </message>
    <message>
        <source>Website analysis</source>
        <translation>Website-Analyse</translation>
    </message>
    <message>
        <source>Email writing</source>
        <translation>E-Mail-Texte</translation>
    </message>
    <message>
        <source>Reply suggestions</source>
        <translation>Antwortvorschläge</translation>
    </message>
    <message>
        <source>Sentiment</source>
        <translation>Stimmung</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>Kein Limit</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Wartet</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>genehmigt</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>abgelehnt</translation>
    </message>
    <message>
        <source>No decision in time: %1</source>
        <translation>Keine Entscheidung rechtzeitig: %1</translation>
    </message>
    <message>
        <source>%1 by an auto-approval rule</source>
        <translation>%1 durch eine Regel zur automatischen Genehmigung</translation>
    </message>
    <message>
        <source>no settings</source>
        <translation>keine Einstellungen</translation>
    </message>
    <message>
        <source>Repeats</source>
        <translation>Wiederholung</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Zeitzone</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Aufgabe</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Skipped (missed)</source>
        <translation>Übersprungen (verpasst)</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>In der Warteschlange</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Automation</source>
        <translation>Automatisierung</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>tags, separated by commas</source>
        <translation>Tags, durch Kommas getrennt</translation>
    </message>
    <message>
        <source>the note ({{name}}, {{city}} ... are the lead's)</source>
        <translation>die Notiz ({{name}}, {{city}} ... sind die des Leads)</translation>
    </message>
    <message>
        <source>the notification's title (to you)</source>
        <translation>der Titel der Benachrichtigung (an Sie)</translation>
    </message>
    <message>
        <source>the new value</source>
        <translation>der neue Wert</translation>
    </message>
    <message>
        <source>field = value, e.g. category = plumbing</source>
        <translation>Feld = Wert, z. B. category = plumbing</translation>
    </message>
    <message>
        <source>a user's id, or "round robin"</source>
        <translation>die ID eines Benutzers oder "round robin"</translation>
    </message>
    <message>
        <source>the webhook's number (#3, on the Webhooks tab)</source>
        <translation>die Nummer des Webhooks (#3, im Tab Webhooks)</translation>
    </message>
    <message>
        <source>the n8n workflow's id (on the Workflows tab)</source>
        <translation>die ID des n8n-Workflows (im Tab Workflows)</translation>
    </message>
    <message>
        <source>the campaign's number (#3, on the Campaigns page)</source>
        <translation>die Nummer der Kampagne (#3, auf der Seite Kampagnen)</translation>
    </message>
    <message>
        <source>the template's number, then the sender account's: #3, #1</source>
        <translation>die Nummer der Vorlage, dann die des Absenderkontos: #3, #1</translation>
    </message>
    <message>
        <source>empty (the AI provider), or "offline" for the built-in writer</source>
        <translation>leer (der KI-Anbieter) oder "offline" für den eingebauten Schreiber</translation>
    </message>
    <message>
        <source>the campaign's number (#3), or empty for every campaign</source>
        <translation>die Nummer der Kampagne (#3) oder leer für alle Kampagnen</translation>
    </message>
    <message>
        <source>Draft: not launched</source>
        <translation>Entwurf: nicht gestartet</translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation>Geplant</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>Wird gesendet</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Pausiert</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <source>Campaigns</source>
        <translation>Kampagnen</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <source>Positive</source>
        <translation>Positiv</translation>
    </message>
    <message>
        <source>Negative</source>
        <translation>Negativ</translation>
    </message>
    <message>
        <source>Neutral</source>
        <translation>Neutral</translation>
    </message>
    <message>
        <source>interested</source>
        <translation>interessiert</translation>
    </message>
    <message>
        <source>not interested</source>
        <translation>nicht interessiert</translation>
    </message>
    <message>
        <source>wants a meeting</source>
        <translation>möchte ein Treffen</translation>
    </message>
    <message>
        <source>asks a question</source>
        <translation>stellt eine Frage</translation>
    </message>
    <message>
        <source>asks to be removed</source>
        <translation>bittet um Austragung</translation>
    </message>
    <message>
        <source>automatic answer</source>
        <translation>automatische Antwort</translation>
    </message>
    <message>
        <source>Reading mailbox %1 of %2…</source>
        <translation>Postfach %1 von %2 wird gelesen…</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>Unterhaltungen</translation>
    </message>
    <message>
        <source>&lt;p&gt;No website on this lead. Add one in &lt;b&gt;Details&lt;/b&gt;, then &lt;b&gt;Analyse website&lt;/b&gt; scores it as a prospect.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Dieser Lead hat keine Website. Tragen Sie eine unter &lt;b&gt;Details&lt;/b&gt; ein, dann bewertet &lt;b&gt;Website analysieren&lt;/b&gt; ihn als Interessenten.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Not analysed yet. &lt;b&gt;Analyse website&lt;/b&gt; reads %1 and scores it as a prospect: HTTPS, speed, mobile, age, technology, contacts, broken links.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Noch nicht analysiert. &lt;b&gt;Website analysieren&lt;/b&gt; liest %1 und bewertet sie: HTTPS, Geschwindigkeit, Mobilgeräte, Alter, Technik, Kontakte, defekte Links.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Prospect score %1 / 100&lt;/h3&gt;</source>
        <translation>&lt;h3&gt;Interessenten-Wert %1 / 100&lt;/h3&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Nothing to fix: a modern, working site.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Nichts zu verbessern: eine moderne, funktionierende Website.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Answers</source>
        <translation>Antwortet</translation>
    </message>
    <message>
        <source>yes (HTTP %1)</source>
        <translation>ja (HTTP %1)</translation>
    </message>
    <message>
        <source>no: %1</source>
        <translation>nein: %1</translation>
    </message>
    <message>
        <source>HTTPS</source>
        <translation>HTTPS</translation>
    </message>
    <message>
        <source>Certificate valid</source>
        <translation>Zertifikat gültig</translation>
    </message>
    <message>
        <source>Load time</source>
        <translation>Ladezeit</translation>
    </message>
    <message>
        <source>%1 s (first byte %2 ms)</source>
        <translation>%1 s (erstes Byte %2 ms)</translation>
    </message>
    <message>
        <source>Page weight</source>
        <translation>Seitengröße</translation>
    </message>
    <message>
        <source>Mobile viewport</source>
        <translation>Mobiler Viewport</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Copyright</source>
        <translation>Copyright</translation>
    </message>
    <message>
        <source>Technology</source>
        <translation>Technik</translation>
    </message>
    <message>
        <source>E-mails</source>
        <translation>E-Mails</translation>
    </message>
    <message>
        <source>Phones</source>
        <translation>Telefonnummern</translation>
    </message>
    <message>
        <source>Social</source>
        <translation>Soziale Netzwerke</translation>
    </message>
    <message>
        <source>Broken links</source>
        <translation>Defekte Links</translation>
    </message>
    <message>
        <source>%1 of %2 checked</source>
        <translation>%1 von %2 geprüft</translation>
    </message>
    <message>
        <source>Analysed</source>
        <translation>Analysiert</translation>
    </message>
    <message>
        <source>Scraper</source>
        <translation>Scraper</translation>
    </message>
    <message>
        <source>Test sent: "%1".</source>
        <translation>Test gesendet: "%1".</translation>
    </message>
    <message>
        <source>Templates</source>
        <translation>Vorlagen</translation>
    </message>
    <message>
        <source>The most allowed in a period of the usage time zone; "No limit" is the lowest step</source>
        <translation>Das Höchstmaß in einem Zeitraum der Nutzungszeitzone; "Kein Limit" ist die unterste Stufe</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Ereignisse</translation>
    </message>
    <message>
        <source>Allowed addresses</source>
        <translation>Erlaubte Adressen</translation>
    </message>
    <message>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>succeeded</source>
        <translation>erfolgreich</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>wartet</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>your business</source>
        <translation>Ihr Unternehmen</translation>
    </message>
    <message>
        <source>Nothing in this period</source>
        <translation>Nichts in diesem Zeitraum</translation>
    </message>
    <message>
        <source>Analytics</source>
        <translation>Auswertung</translation>
    </message>
</context>
<context>
    <name>fliptech::ui::AboutDialog</name>
    <message>
        <source>About FlipTech Pro</source>
        <translation>Über FlipTech Pro</translation>
    </message>
    <message>
        <source>&lt;h2&gt;FlipTech Pro %1&lt;/h2&gt;&lt;p&gt;Find local businesses that need a website, reach out, follow up and count the revenue.&lt;/p&gt;&lt;p&gt;Running on Qt %2 (built with %3).&lt;/p&gt;</source>
        <translation>&lt;h2&gt;FlipTech Pro %1&lt;/h2&gt;&lt;p&gt;Finden Sie lokale Unternehmen, die eine Website brauchen, nehmen Sie Kontakt auf, bleiben Sie dran und zählen Sie den Umsatz.&lt;/p&gt;&lt;p&gt;Läuft mit Qt %2 (gebaut mit %3).&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Built with&lt;/b&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Gebaut mit&lt;/b&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Qt is used under the GNU LGPL version 3: it is linked dynamically and may be replaced by another build of the same version.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Qt wird unter der GNU LGPL Version 3 verwendet: Es ist dynamisch gelinkt und kann durch einen anderen Build derselben Version ersetzt werden.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>About Qt</source>
        <translation>Über Qt</translation>
    </message>
</context>
<context>
    <name>fliptech::ui::AiSettings</name>
    <message>
        <source>Provider</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <source>Any OpenAI-compatible address: https://openrouter.ai/api/v1, https://api.openai.com/v1, or a local server such as http://127.0.0.1:11434/v1 (Ollama)</source>
        <translation>Jede OpenAI-kompatible Adresse: https://openrouter.ai/api/v1, https://api.openai.com/v1 oder ein lokaler Server wie http://127.0.0.1:11434/v1 (Ollama)</translation>
    </message>
    <message>
        <source>Base &amp;URL</source>
        <translation>Basis-&amp;URL</translation>
    </message>
    <message>
        <source>API key (kept in the system keychain)</source>
        <translation>API-Schlüssel (im Schlüsselbund des Systems gespeichert)</translation>
    </message>
    <message>
        <source>Save &amp;key</source>
        <translation>&amp;Schlüssel speichern</translation>
    </message>
    <message>
        <source>Remove key</source>
        <translation>Schlüssel entfernen</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API-Schlüssel</translation>
    </message>
    <message>
        <source>The model's id at the provider, e.g. openai/gpt-4o-mini</source>
        <translation>Die ID des Modells beim Anbieter, z. B. openai/gpt-4o-mini</translation>
    </message>
    <message>
        <source>Lower is more predictable, higher more varied</source>
        <translation>Niedriger ist vorhersehbarer, höher abwechslungsreicher</translation>
    </message>
    <message>
        <source>&amp;Temperature</source>
        <translation>&amp;Temperatur</translation>
    </message>
    <message>
        <source> tokens</source>
        <translation> Tokens</translation>
    </message>
    <message>
        <source>Longest &amp;answer</source>
        <translation>&amp;Längste Antwort</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Time&amp;out</source>
        <translation>&amp;Zeitlimit</translation>
    </message>
    <message>
        <source>Budgets</source>
        <translation>Budgets</translation>
    </message>
    <message>
        <source>&amp;Daily budget</source>
        <translation>&amp;Tagesbudget</translation>
    </message>
    <message>
        <source>&amp;Monthly budget</source>
        <translation>&amp;Monatsbudget</translation>
    </message>
    <message>
        <source>Days begin in</source>
        <translation>Tage beginnen in</translation>
    </message>
    <message>
        <source>Spent</source>
        <translation>Ausgegeben</translation>
    </message>
    <message>
        <source>A call that could pass a budget is not made: you get a notification, and the offline writer still drafts.</source>
        <translation>Ein Aufruf, der ein Budget überschreiten könnte, findet nicht statt: Sie erhalten eine Benachrichtigung, und der Offline-Schreiber entwirft weiter.</translation>
    </message>
    <message>
        <source>&amp;Save provider and budgets</source>
        <translation>Anbieter und Budgets &amp;speichern</translation>
    </message>
    <message>
        <source>Prices (USD per million tokens)</source>
        <translation>Preise (USD pro Million Tokens)</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>Prompt</translation>
    </message>
    <message>
        <source>Completion</source>
        <translation>Antwort</translation>
    </message>
    <message>
        <source>Add &amp;model</source>
        <translation>&amp;Modell hinzufügen</translation>
    </message>
    <message>
        <source>Remove model</source>
        <translation>Modell entfernen</translation>
    </message>
    <message>
        <source>Save &amp;prices</source>
        <translation>&amp;Preise speichern</translation>
    </message>
    <message>
        <source>Prompts</source>
        <translation>Prompts</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>System prompt: who the model is and the rules it keeps</source>
        <translation>System-Prompt: wer das Modell ist und welche Regeln es befolgt</translation>
    </message>
    <message>
        <source>User prompt, with {{variables}}</source>
        <translation>Benutzer-Prompt, mit {{variables}}</translation>
    </message>
    <message>
        <source>What changed (optional)</source>
        <translation>Was sich geändert hat (optional)</translation>
    </message>
    <message>
        <source>Save as &amp;new version</source>
        <translation>Als &amp;neue Version speichern</translation>
    </message>
    <message>
        <source>Only an admin can change the AI settings.</source>
        <translation>Nur ein Administrator kann die KI-Einstellungen ändern.</translation>
    </message>
    <message>
        <source>A key is set (in the keychain). The AI writes; without a key the offline writer does.</source>
        <translation>Ein Schlüssel ist gesetzt (im Schlüsselbund). Die KI schreibt; ohne Schlüssel schreibt der Offline-Schreiber.</translation>
    </message>
    <message>
        <source>A key is set by the environment (OPENROUTER_API_KEY).</source>
        <translation>Der Schlüssel kommt aus der Umgebung (OPENROUTER_API_KEY).</translation>
    </message>
    <message>
        <source>No key: the offline writer drafts emails and replies from the website findings.</source>
        <translation>Kein Schlüssel: Der Offline-Schreiber entwirft E-Mails und Antworten aus den Website-Befunden.</translation>
    </message>
    <message>
        <source>$%1 today, $%2 this month ($%3 in all)</source>
        <translation>%1 $ heute, %2 $ diesen Monat (%3 $ insgesamt)</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Gespeichert.</translation>
    </message>
    <message>
        <source>Type the key first.</source>
        <translation>Geben Sie zuerst den Schlüssel ein.</translation>
    </message>
    <message>
        <source>Key removed.</source>
        <translation>Schlüssel entfernt.</translation>
    </message>
    <message>
        <source>Key saved in the keychain.</source>
        <translation>Schlüssel im Schlüsselbund gespeichert.</translation>
    </message>
    <message>
        <source>Prices saved.</source>
        <translation>Preise gespeichert.</translation>
    </message>
    <message>
        <source>As shipped</source>
        <translation>Wie ausgeliefert</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>Version %1</translation>
    </message>
    <message>
        <source>Version %1 — %2</source>
        <translation>Version %1 — %2</translation>
    </message>
    <message>
        <source>Saved as version %1: the next call uses it.</source>
        <translation>Als Version %1 gespeichert: Der nächste Aufruf verwendet sie.</translation>
    </message>
</context>
<context>
    <name>fliptech::ui::AiWriterDialog</name>
    <message>
        <source>Write to %1</source>
        <translation>An %1 schreiben</translation>
    </message>
    <message>
        <source>Introduce us</source>
        <translation>Uns vorstellen</translation>
    </message>
    <message>
        <source>Follow up</source>
        <translation>Nachfassen</translation>
    </message>
    <message>
        <source>Ask for a meeting</source>
        <translation>Um ein Treffen bitten</translation>
    </message>
    <message>
        <source>Send a proposal</source>
        <translation>Ein Angebot senden</translation>
    </message>
    <message>
        <source>Friendly</source>
        <translation>Freundlich</translation>
    </message>
    <message>
        <source>Professional</source>
        <translation>Professionell</translation>
    </message>
    <message>
        <source>Direct</source>
        <translation>Direkt</translation>
    </message>
    <message>
        <source>Your name, to sign with</source>
        <translation>Ihr Name für die Unterschrift</translation>
    </message>
    <message>
        <source>Use the &amp;offline writer (no AI call, no cost)</source>
        <translation>Den &amp;Offline-Schreiber verwenden (kein KI-Aufruf, keine Kosten)</translation>
    </message>
    <message>
        <source>No AI key is set (Settings → AI): the offline writer drafts from the website findings.</source>
        <translation>Kein KI-Schlüssel gesetzt (Einstellungen → KI): Der Offline-Schreiber entwirft aus den Website-Befunden.</translation>
    </message>
    <message>
        <source>&amp;Write</source>
        <translation>&amp;Schreiben</translation>
    </message>
    <message>
        <source>Write the email (Ctrl+Return)</source>
        <translation>Die E-Mail schreiben (Strg+Eingabe)</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Betreff</translation>
    </message>
    <message>
        <source>The email appears here as it is written; edit it as you like.</source>
        <translation>Die E-Mail erscheint hier, während sie geschrieben wird; bearbeiten Sie sie nach Belieben.</translation>
    </message>
    <message>
        <source>&amp;Save draft</source>
        <translation>Entwurf &amp;speichern</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>Subject: %1</source>
        <translation>Betreff: %1</translation>
    </message>
    <message>
        <source>Copied.</source>
        <translation>Kopiert.</translation>
    </message>
    <message>
        <source>The mailbox to send from</source>
        <translation>Das Postfach, aus dem gesendet wird</translation>
    </message>
    <message>
        <source>Se&amp;nd</source>
        <translation>Se&amp;nden</translation>
    </message>
    <message>
        <source>Send the e-mail as it stands from the chosen mailbox; the reply will appear in Conversations</source>
        <translation>Die E-Mail so, wie sie ist, aus dem gewählten Postfach senden; die Antwort erscheint unter Unterhaltungen</translation>
    </message>
    <message>
        <source>Sent to %1. The reply will appear in Conversations.</source>
        <translation>An %1 gesendet. Die Antwort erscheint unter Unterhaltungen.</translation>
    </message>
    <message>
        <source>&amp;Goal</source>
        <translation>&amp;Ziel</translation>
    </message>
    <message>
        <source>&amp;Tone</source>
        <translation>&amp;Ton</translation>
    </message>
    <message>
        <source>Sign &amp;as</source>
        <translation>Unterschreiben &amp;als</translation>
    </message>
    <message>
        <source>Write the subject and the text first.</source>
        <translation>Schreiben Sie zuerst Betreff und Text.</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Wird gesendet…</translation>
    </message>
    <message>
        <source>Writing…</source>
        <translation>Wird geschrieben…</translation>
    </message>
    <message>
        <source>Asking the AI… the text appears as it is written.</source>
        <translation>Die KI wird gefragt… der Text erscheint, während er geschrieben wird.</translation>
    </message>
    <message>
        <source>
Tick “Use the offline writer” to draft without the AI.</source>
        <translation>
Aktivieren Sie „Den Offline-Schreiber verwenden“, um ohne KI zu entwerfen.</translation>
    </message>
    <message>
        <source>Written by %1 for $%2.</source>
        <translation>Geschrieben von %1 für %2 $.</translation>
    </message>
    <message>
        <source> Saved as a draft.</source>
        <translation> Als Entwurf gespeichert.</translation>
    </message>
    <message>
        <source>Draft saved.</source>
        <translation>Entwurf gespeichert.</translation>
    </message>
</context>
<context>
    <name>fliptech::ui::AnalyticsPage</name>
    <message>
        <source>Period</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <source>New leads</source>
        <translation>Neue Leads</translation>
    </message>
    <message>
        <source>E-mails sent</source>
        <translation>Gesendete E-Mails</translation>
    </message>
    <message>
        <source>Conversions</source>
        <translation>Abschlüsse</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>Umsatz</translation>
    </message>
    <message>
        <source>Costs</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Phase</translation>
    </message>
    <message>
        <source>Leads</source>
        <translation>Leads</translation>
    </message>
    <message>
        <source>Of the stage before</source>
        <translation>Von der Stufe davor</translation>
    </message>
    <message>
        <source>Of all</source>
        <translation>Von allen</translation>
    </message>
    <message>
        <source>Median time from the stage before</source>
        <translation>Mittlere Zeit seit der Stufe davor</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <source>Profit</source>
        <translation>Gewinn</translation>
    </message>
    <message>
        <source>ROI</source>
        <translation>ROI</translation>
    </message>
    <message>
        <source>Cost per lead</source>
        <translation>Kosten pro Lead</translation>
    </message>
    <message>
        <source>Cost per conversion</source>
        <translation>Kosten pro Abschluss</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Vorlage</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Gesendet</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Geöffnet</translation>
    </message>
    <message>
        <source>Clicked</source>
        <translation>Geklickt</translation>
    </message>
    <message>
        <source>Replied</source>
        <translation>Beantwortet</translation>
    </message>
    <message>
        <source>Bounced</source>
        <translation>Gebounct</translation>
    </message>
    <message>
        <source>Open rate</source>
        <translation>Öffnungsrate</translation>
    </message>
    <message>
        <source>Click rate</source>
        <translation>Klickrate</translation>
    </message>
    <message>
        <source>Reply rate</source>
        <translation>Antwortrate</translation>
    </message>
    <message>
        <source>Bounce rate</source>
        <translation>Bounce-Rate</translation>
    </message>
    <message>
        <source>Leads won after it</source>
        <translation>Danach gewonnene Leads</translation>
    </message>
    <message>
        <source>Won</source>
        <translation>Gewonnen</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 Std.</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1 Tage</translation>
    </message>
    <message>
        <source>All: %1 new leads, %2 conversions, %3 revenue, %4 cost, ROI %5</source>
        <translation>Gesamt: %1 neue Leads, %2 Abschlüsse, %3 Umsatz, %4 Kosten, ROI %5</translation>
    </message>
    <message>
        <source>All sources</source>
        <translation>Alle Quellen</translation>
    </message>
    <message>
        <source>Only the leads from this source</source>
        <translation>Nur die Leads aus dieser Quelle</translation>
    </message>
    <message>
        <source>All campaigns</source>
        <translation>Alle Kampagnen</translation>
    </message>
    <message>
        <source>Only the leads of this campaign (and, for templates, its e-mails)</source>
        <translation>Nur die Leads dieser Kampagne (und bei Vorlagen ihre E-Mails)</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>F5</source>
        <translation>F5</translation>
    </message>
    <message>
        <source>E&amp;xport</source>
        <translation>E&amp;xportieren</translation>
    </message>
    <message>
        <source>This table as CSV…</source>
        <translation>Diese Tabelle als CSV…</translation>
    </message>
    <message>
        <source>Save the table</source>
        <translation>Tabelle speichern</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>%1 gespeichert.</translation>
    </message>
    <message>
        <source>Report as PDF…</source>
        <translation>Bericht als PDF…</translation>
    </message>
    <message>
        <source>Report as CSV…</source>
        <translation>Bericht als CSV…</translation>
    </message>
    <message>
        <source>Report as JSON…</source>
        <translation>Bericht als JSON…</translation>
    </message>
    <message>
        <source>Save the report</source>
        <translation>Den Bericht speichern</translation>
    </message>
    <message>
        <source>Writing the report…</source>
        <translation>Bericht wird geschrieben…</translation>
    </message>
    <message>
        <source>Report saved: %1.</source>
        <translation>Bericht gespeichert: %1.</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>Zeitraum:</translation>
    </message>
    <message>
        <source>Replies</source>
        <translation>Antworten</translation>
    </message>
    <message>
        <source>Double-click a row (or press Enter) to see its leads; Ctrl+C copies the selected rows</source>
        <translation>Doppelklick auf eine Zeile (oder Eingabetaste) zeigt ihre Leads; Strg+C kopiert die gewählten Zeilen</translation>
    </message>
    <message>
        <source>&amp;Trends</source>
        <translation>&amp;Verlauf</translation>
    </message>
    <message>
        <source>&amp;Funnel</source>
        <translation>&amp;Trichter</translation>
    </message>
    <message>
        <source>&amp;Sources</source>
        <translation>&amp;Quellen</translation>
    </message>
    <message>
        <source>&amp;Locations</source>
        <translation>&amp;Orte</translation>
    </message>
    <message>
        <source>&amp;Campaigns</source>
        <translation>&amp;Kampagnen</translation>
    </message>
    <message>
        <source>T&amp;emplates</source>
        <translation>Vorla&amp;gen</translation>
    </message>
    <message>
        <source>Campaign e-mails sent in the period by template; Ctrl+C copies the selected rows</source>
        <translation>Im Zeitraum gesendete Kampagnen-E-Mails je Vorlage; Strg+C kopiert die gewählten Zeilen</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Ort</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>Kampagne</translation>
    </message>
    <message>
        <source>%1 in the period before</source>
        <translation>%1 im Zeitraum davor</translation>
    </message>
    <message numerus="yes">
        <source>From %n lead(s)</source>
        <translation>
            <numerusform>Von %n Lead</numerusform>
            <numerusform>Von %n Leads</numerusform>
        </translation>
    </message>
    <message>
        <source>day</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>week</source>
        <translation>Woche</translation>
    </message>
    <message>
        <source>month</source>
        <translation>Monat</translation>
    </message>
    <message>
        <source>Activity by %1</source>
        <translation>Aktivität pro %1</translation>
    </message>
    <message>
        <source>Days, weeks or months by the period's length; the costs are those dated in each, with or without a lead.</source>
        <translation>Tage, Wochen oder Monate je nach Länge des Zeitraums; die Kosten sind die darin datierten, mit oder ohne Lead.</translation>
    </message>
    <message>
        <source>Leads that came in, by the furthest stage reached</source>
        <translation>Eingegangene Leads nach der weitesten erreichten Stufe</translation>
    </message>
    <message>
        <source>Each stage counts the leads that came in during the period and reached it or a later one.</source>
        <translation>Jede Stufe zählt die im Zeitraum eingegangenen Leads, die sie oder eine spätere erreicht haben.</translation>
    </message>
    <message>
        <source>(in no campaign)</source>
        <translation>(in keiner Kampagne)</translation>
    </message>
    <message>
        <source>A lead in two campaigns counts in each: the rows can add up to more than all.</source>
        <translation>Ein Lead in zwei Kampagnen zählt in beiden: Die Zeilen können mehr ergeben als die Summe.</translation>
    </message>
    <message>
        <source>(no template)</source>
        <translation>(ohne Vorlage)</translation>
    </message>
    <message>
        <source>All: %1 sent; opened %2, replied %3, bounced %4</source>
        <translation>Gesamt: %1 gesendet; geöffnet %2, beantwortet %3, unzustellbar %4</translation>
    </message>
    <message>
        <source>Nothing in this period yet. Import a CSV or run a scrape on the Leads and Scraper pages, send a campaign, and the figures fill in; or choose a longer period.</source>
        <translation>In diesem Zeitraum gibt es noch nichts. Importieren Sie eine CSV-Datei oder starten Sie eine Suche auf den Seiten Leads und Scraper, senden Sie eine Kampagne, dann füllen sich die Zahlen; oder wählen Sie einen längeren Zeitraum.</translation>
    </message>
    <message>
        <source>A template's row has no leads of its own to list: its campaigns on the Campaigns tab do.</source>
        <translation>Die Zeile einer Vorlage hat keine eigenen Leads: ihre Kampagnen auf dem Reiter Kampagnen schon.</translation>
    </message>
    <message>
        <source>New leads, %1</source>
        <translation>Neue Leads, %1</translation>
    </message>
    <message>
        <source>Funnel: %1</source>
        <translation>Trichter: %1</translation>
    </message>
    <message>
        <source>New leads: %1</source>
        <translation>Neue Leads: %1</translation>
    </message>
    <message>
        <source>No leads behind “%1” in this period.</source>
        <translation>Keine Leads hinter „%1“ in diesem Zeitraum.</translation>
    </message>
    <message>
        <source>There is no table named %1.</source>
        <translation>Es gibt keine Tabelle namens %1.</translation>
    </message>
    <message>
        <source>%1 could not be written: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>fliptech::ui::ApplicationSettings</name>
    <message>
        <source>Appearance</source>
        <translation>Darstellung</translation>
    </message>
    <message>
        <source>The system's language</source>
        <translation>Die Sprache des Systems</translation>
    </message>
    <message>
        <source>The system's</source>
        <translation>Wie das System</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>Tell me on the desktop (tray messages) when a reply arrives, a scrape ends or something fails</source>
        <translation>Mich auf dem Desktop benachrichtigen (Infobereich), wenn eine Antwort kommt, ein Scrape endet oder etwas fehlschlägt</translation>
    </message>
    <message>
        <source>&amp;Language (after a restart)</source>
        <translation>&amp;Sprache (nach einem Neustart)</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>&amp;Design</translation>
    </message>
    <message>
        <source>Database (from the next start)</source>
        <translation>Datenbank (ab dem nächsten Start)</translation>
    </message>
    <message>
        <source>This computer: a file, nothing to set up</source>
        <translation>Dieser Computer: eine Datei, nichts einzurichten</translation>
    </message>
    <message>
        <source>Shared with the team: PostgreSQL</source>
        <translation>Mit dem Team geteilt: PostgreSQL</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>Verbindung &amp;testen</translation>
    </message>
    <message>
        <source>In use now</source>
        <translation>Jetzt in Gebrauch</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Password (kept in the keychain)</source>
        <translation>Passwort (im Schlüsselbund gespeichert)</translation>
    </message>
    <message>
        <source>Database file</source>
        <translation>Datenbankdatei</translation>
    </message>
    <message>
        <source>FlipTech databases (*.db);;All files (*)</source>
        <translation>FlipTech-Datenbanken (*.db);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>API server (from the next start)</source>
        <translation>API-Server (ab dem nächsten Start)</translation>
    </message>
    <message>
        <source>Serve the HTTP API, so the web app and teammates can connect</source>
        <translation>Die HTTP-API anbieten, damit sich die Web-App und das Team verbinden können</translation>
    </message>
    <message>
        <source>&amp;Address</source>
        <translation>&amp;Adresse</translation>
    </message>
    <message>
        <source>Web origins allowed (CORS)</source>
        <translation>Erlaubte Web-Ursprünge (CORS)</translation>
    </message>
    <message>
        <source>Files and logs</source>
        <translation>Dateien und Protokolle</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>Normal</translation>
    </message>
    <message>
        <source>Detailed (for a bug report)</source>
        <translation>Ausführlich (für einen Fehlerbericht)</translation>
    </message>
    <message>
        <source>Open data folder</source>
        <translation>Datenordner öffnen</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>Datenordner</translation>
    </message>
    <message>
        <source>Settings file</source>
        <translation>Einstellungsdatei</translation>
    </message>
    <message>
        <source>Log detail (from the next start)</source>
        <translation>Protokolldetail (ab dem nächsten Start)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>Change the database</source>
        <translation>Die Datenbank wechseln</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>nicht gesetzt</translation>
    </message>
    <message>
        <source>set (type to replace)</source>
        <translation>gesetzt (tippen zum Ersetzen)</translation>
    </message>
    <message>
        <source>Give the database file's full path.</source>
        <translation>Geben Sie den vollständigen Pfad der Datenbankdatei an.</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbindung wird aufgebaut…</translation>
    </message>
    <message>
        <source>Connected: %1</source>
        <translation>Verbunden: %1</translation>
    </message>
    <message>
        <source>The API address is host:port, e.g. 127.0.0.1:8484.</source>
        <translation>Die API-Adresse ist host:port, z. B. 127.0.0.1:8484.</translation>
    </message>
    <message>
        <source>From the next start FlipTech Pro will use %1.

Nothing is copied: the leads, campaigns and settings in %2 stay there, and you see them again by switching back.</source>
        <translation>Ab dem nächsten Start verwendet FlipTech Pro %1.

Nichts wird kopiert: Leads, Kampagnen und Einstellungen in %2 bleiben dort, und Sie sehen sie wieder, wenn Sie zurückwechseln.</translation>
    </message>
    <message>
        <source>Not saved: the database stays %1.</source>
        <translation>Nicht gespeichert: Die Datenbank bleibt %1.</translation>
    </message>
    <message>
        <source>The password could not be kept: %1</source>
        <translation>Das Passwort konnte nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>%1 konnte nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>Another address than this computer's (127.0.0.1) needs a TLS certificate and key</source>
        <translation>Eine andere Adresse als die dieses Computers (127.0.0.1) braucht ein TLS-Zertifikat und einen Schlüssel</translation>
    </message>
    <message>
        <source>none: plain HTTP, for this computer only</source>
        <translation>keines: unverschlüsseltes HTTP, nur für diesen Computer</translation>
    </message>
    <message>
        <source>PEM files (*.pem *.crt *.key);;All files (*)</source>
        <translation>PEM-Dateien (*.pem *.crt *.key);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>TLS certificate (PEM)</source>
        <translation>TLS-Zertifikat (PEM)</translation>
    </message>
    <message>
        <source>TLS certificate</source>
        <translation>TLS-Zertifikat</translation>
    </message>
    <message>
        <source>TLS private key (PEM)</source>
        <translation>Privater TLS-Schlüssel (PEM)</translation>
    </message>
    <message>
        <source>TLS private key</source>
        <translation>Privater TLS-Schlüssel</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Netzwerk</translation>
    </message>
    <message>
        <source>none (the system's http_proxy, if any)</source>
        <translation>keiner (der http_proxy des Systems, falls vorhanden)</translation>
    </message>
    <message>
        <source>Scraping, website analysis, AI and the providers go out through it: http://host:port or socks5://host:port; several, separated by commas, are used in turn</source>
        <translation>Scrapes, Website-Analyse, KI und die Anbieter gehen darüber hinaus: http://host:port oder socks5://host:port; mehrere, durch Kommas getrennt, werden abwechselnd verwendet</translation>
    </message>
    <message>
        <source>&amp;Proxy (from the next start)</source>
        <translation>&amp;Proxy (ab dem nächsten Start)</translation>
    </message>
    <message>
        <source>TLS needs both files: the certificate and its private key.</source>
        <translation>TLS braucht beide Dateien: das Zertifikat und seinen privaten Schlüssel.</translation>
    </message>
    <message>
        <source>The TLS files cannot be used: %1</source>
        <translation>Die TLS-Dateien können nicht verwendet werden: %1</translation>
    </message>
    <message>
        <source>Serving the API to other computers (%1) needs a TLS certificate and key: anyone on the network could read it otherwise.</source>
        <translation>Die API für andere Computer (%1) bereitzustellen braucht ein TLS-Zertifikat und einen Schlüssel: sonst könnte jeder im Netzwerk mitlesen.</translation>
    </message>
    <message>
        <source>The proxy: %1</source>
        <translation>Der Proxy: %1</translation>
    </message>
    <message>
        <source>Saved. The language, database, API server, proxy and log detail apply from the next start.</source>
        <translation>Gespeichert. Sprache, Datenbank, API-Server, Proxy und Protokolldetail gelten ab dem nächsten Start.</translation>
    </message>
</context>
<context>
    <name>fliptech::ui::ApprovalsTab</name>
    <message>
        <source>Work that waits for a person stops here: a rule's next actions after "Ask for approval", reply suggestions the AI wrote, large campaign launches, steps of n8n workflows. Review it, change it if you like, and approve or reject. Without a decision by the deadline, the request's default applies.</source>
        <translation>Arbeit, die auf eine Person wartet, hält hier: die nächsten Aktionen einer Regel nach „Genehmigung anfordern“, von der KI geschriebene Antwortvorschläge, große Kampagnenstarts, Schritte von n8n-Workflows. Prüfen Sie sie, ändern Sie sie bei Bedarf und genehmigen oder lehnen Sie ab. Ohne Entscheidung bis zur Frist gilt die Vorgabe der Anfrage.</translation>
    </message>
    <message>
        <source>Show decided ones too</source>
        <translation>Auch entschiedene anzeigen</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Was</translation>
    </message>
    <message>
        <source>Lead</source>
        <translation>Lead</translation>
    </message>
    <message>
        <source>Who decides</source>
        <translation>Wer entscheidet</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Frist</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Select a request to review it.</source>
        <translation>Wählen Sie eine Anfrage aus, um sie zu prüfen.</translation>
    </message>
    <message>
        <source>Then, once approved</source>
        <translation>Danach, sobald genehmigt</translation>
    </message>
    <message>
        <source>Settings (editable)</source>
        <translation>Einstellungen (bearbeitbar)</translation>
    </message>
    <message>
        <source>The reply that goes out once approved</source>
        <translation>Die Antwort, die nach der Genehmigung gesendet wird</translation>
    </message>
    <message>
        <source>A note with your decision (optional)</source>
        <translation>Eine Notiz zu Ihrer Entscheidung (optional)</translation>
    </message>
    <message>
        <source>&amp;Approve</source>
        <translation>&amp;Genehmigen</translation>
    </message>
    <message>
        <source>Run the actions above, as edited (Ctrl+Return)</source>
        <translation>Die Aktionen oben wie bearbeitet ausführen (Strg+Eingabe)</translation>
    </message>
    <message>
        <source>Re&amp;ject</source>
        <translation>&amp;Ablehnen</translation>
    </message>
    <message>
        <source>user #%1</source>
        <translation>Benutzer Nr. %1</translation>
    </message>
    <message>
        <source>an administrator</source>
        <translation>ein Administrator</translation>
    </message>
    <message>
        <source>anyone on the team</source>
        <translation>jeder im Team</translation>
    </message>
    <message>
        <source>%1, then %2</source>
        <translation>%1, dann %2</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>genehmigt</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>abgelehnt</translation>
    </message>
    <message>
        <source>No approvals yet.</source>
        <translation>Noch keine Genehmigungen.</translation>
    </message>
    <message>
        <source>Nothing waits for a decision.</source>
        <translation>Nichts wartet auf eine Entscheidung.</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;Approving launches the campaign "%2" to its %n recipient(s) at once (or at its start time).</source>
        <translation>
            <numerusform>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;Die Genehmigung startet die Kampagne „%2“ sofort (oder zur Startzeit) an ihren %n Empfänger.</numerusform>
            <numerusform>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;Die Genehmigung startet die Kampagne „%2“ sofort (oder zur Startzeit) an ihre %n Empfänger.</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;They wrote: &lt;i&gt;%2&lt;/i&gt;&lt;br&gt;Approving sends the reply below (edit it first if you like); rejecting keeps it unsent.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;Sie schrieben: &lt;i&gt;%2&lt;/i&gt;&lt;br&gt;Die Genehmigung sendet die Antwort unten (bearbeiten Sie sie vorher, wenn Sie möchten); die Ablehnung lässt sie ungesendet.</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;An n8n workflow (%2) waits for this decision%3. It receives the values below as you leave them.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;Ein n8n-Workflow (%2) wartet auf diese Entscheidung%3. Er erhält die Werte unten so, wie Sie sie lassen.</translation>
    </message>
    <message>
        <source> about the lead %1</source>
        <translation> zum Lead %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;Rule "%2" on the lead %3.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;Regel „%2“ zum Lead %3.</translation>
    </message>
    <message>
        <source>It could not run: %1</source>
        <translation>Konnte nicht ausgeführt werden: %1</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>As the workflow gets it (editable)</source>
        <translation>So, wie der Workflow ihn erhält (bearbeitbar)</translation>
    </message>
    <message>
        <source>This one waits for %1.</source>
        <translation>Diese wartet auf %1.</translation>
    </message>
    <message>
        <source>another user</source>
        <translation>ein anderer Benutzer</translation>
    </message>
    <message>
        <source>Approved, but it could not run: %1</source>
        <translation>Genehmigt, konnte aber nicht ausgeführt werden: %1</translation>
    </message>
    <message>
        <source>Approved: the reply is on its way.</source>
        <translation>Genehmigt: Die Antwort ist unterwegs.</translation>
    </message>
    <message>
        <source>Approved: the workflow is told and goes on.</source>
        <translation>Genehmigt: Der Workflow ist informiert und läuft weiter.</translation>
    </message>
    <message>
        <source>Approved: the campaign is launched.</source>
        <translation>Genehmigt: Die Kampagne ist gestartet.</translation>
    </message>
    <message numerus="yes">
        <source>Approved: %n action(s) done.</source>
        <translation>
            <numerusform>Genehmigt: %n Aktion ausgeführt.</numerusform>
            <numerusform>Genehmigt: %n Aktionen ausgeführt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Rejected: the workflow is told.</source>
        <translation>Abgelehnt: Der Workflow ist informiert.</translation>
    </message>
    <message>
        <source>Rejected: nothing more was done.</source>
        <translation>Abgelehnt: Es wurde nichts weiter getan.</translation>
    </message>
</context>
<context>
    <name>fliptech::ui::AutomationPage</name>
    <message>
        <source>&amp;Rules</source>
        <translation>&amp;Regeln</translation>
    </message>
    <message>
        <source>&amp;Schedules</source>
        <translation>&amp;Zeitpläne</translation>
    </message>
    <message>
        <source>A&amp;pprovals (%1)</source>
        <translation>&amp;Genehmigungen (%1)</translation>
    </message>
    <message>
        <source>A&amp;pprovals</source>
        <translation>&amp;Genehmigungen</translation>
    </message>
    <message>
        <source>&amp;Webhooks</source>
        <translation>&amp;Webhooks</translation>
    </message>
    <message>
        <source>W&amp;orkflows</source>
        <translation>W&amp;orkflows</translation>
    </message>
</context>
<context>
    <name>fliptech::ui::CampaignWizard</name>
    <message>
        <source>New campaign</source>
        <translation>Neue Kampagne</translation>
    </message>
    <message>
        <source>Who receives it</source>
        <translation>Wer sie erhält</translation>
    </message>
    <message>
        <source>Leads without an e-mail address, on the suppression list or excluded below are left out; an address shared by several leads gets one message.</source>
        <translation>Leads ohne E-Mail-Adresse, auf der Sperrliste oder unten ausgeschlossen bleiben außen vor; eine Adresse, die mehrere Leads teilen, erhält eine Nachricht.</translation>
    </message>
    <message>
        <source>e.g. Austin plumbers — outdated websites</source>
        <translation>z. B. Klempner in Austin — veraltete Websites</translation>
    </message>
    <message>
        <source>Every lead with an e-mail address</source>
        <translation>Jeder Lead mit E-Mail-Adresse</translation>
    </message>
    <message>
        <source>Leads with the status…</source>
        <translation>Leads mit dem Status…</translation>
    </message>
    <message>
        <source>A saved segment…</source>
        <translation>Ein gespeichertes Segment…</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source> days</source>
        <translation> Tage</translation>
    </message>
    <message>
        <source>Leave out leads another running campaign is still writing to</source>
        <translation>Leads auslassen, an die eine andere laufende Kampagne noch schreibt</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>&amp;Send to</source>
        <translation>&amp;Senden an</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>Segment</translation>
    </message>
    <message>
        <source>Leave out leads contacted in the last</source>
        <translation>Leads auslassen, die kontaktiert wurden in den letzten</translation>
    </message>
    <message numerus="yes">
        <source>%n recipient(s)</source>
        <translation>
            <numerusform>%n Empfänger</numerusform>
            <numerusform>%n Empfänger</numerusform>
        </translation>
    </message>
    <message>
        <source> — left out: %1 without an address, %2 suppressed, %3 excluded, %4 sharing an address</source>
        <translation> — ausgelassen: %1 ohne Adresse, %2 gesperrt, %3 ausgeschlossen, %4 mit geteilter Adresse</translation>
    </message>
    <message>
        <source>What it sends</source>
        <translation>Was sie sendet</translation>
    </message>
    <message>
        <source>The first message, then follow-ups that wait the days you set (sending days only) and go only to those who have not replied, unsubscribed or bounced. A step with a B template is an A/B test.</source>
        <translation>Die erste Nachricht, dann Nachfassungen, die die eingestellten Tage warten (nur Versandtage) und nur an jene gehen, die nicht geantwortet, sich abgemeldet oder gebounct haben. Ein Schritt mit einer B-Vorlage ist ein A/B-Test.</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Vorlage</translation>
    </message>
    <message>
        <source>Wait (sending days)</source>
        <translation>Warten (Versandtage)</translation>
    </message>
    <message>
        <source>B template (A/B)</source>
        <translation>B-Vorlage (A/B)</translation>
    </message>
    <message>
        <source>&amp;Add follow-up</source>
        <translation>&amp;Nachfassen hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Remove step</source>
        <translation>Schritt &amp;entfernen</translation>
    </message>
    <message>
        <source>the better open rate</source>
        <translation>die bessere Öffnungsrate</translation>
    </message>
    <message>
        <source>the better reply rate</source>
        <translation>die bessere Antwortrate</translation>
    </message>
    <message>
        <source> recipients each</source>
        <translation> Empfänger je Vorlage</translation>
    </message>
    <message>
        <source>A/B: try each template on</source>
        <translation>A/B: jede Vorlage testen an</translation>
    </message>
    <message>
        <source>then send the rest</source>
        <translation>dann den Rest senden mit</translation>
    </message>
    <message>
        <source>From whom, and when</source>
        <translation>Von wem und wann</translation>
    </message>
    <message>
        <source>Several mailboxes take turns, each within its own daily and hourly caps. Hours are read in each recipient's time zone (from the lead's location), or the mailbox's.</source>
        <translation>Mehrere Postfächer wechseln sich ab, jedes innerhalb seiner Tages- und Stundenlimits. Uhrzeiten gelten in der Zeitzone jedes Empfängers (aus dem Ort des Leads) oder in der des Postfachs.</translation>
    </message>
    <message>
        <source>Mon</source>
        <translation>Mo</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>Di</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>Mi</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>Do</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>Fr</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>Sa</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>So</translation>
    </message>
    <message>
        <source>each recipient's time zone</source>
        <translation>die Zeitzone jedes Empfängers</translation>
    </message>
    <message>
        <source>the mailbox's time zone</source>
        <translation>die Zeitzone des Postfachs</translation>
    </message>
    <message>
        <source>Count opens (a tiny image)</source>
        <translation>Öffnungen zählen (ein winziges Bild)</translation>
    </message>
    <message>
        <source>Count clicks (links go through our address)</source>
        <translation>Klicks zählen (Links laufen über unsere Adresse)</translation>
    </message>
    <message>
        <source>to</source>
        <translation>bis</translation>
    </message>
    <message>
        <source>in</source>
        <translation>in</translation>
    </message>
    <message>
        <source>Send from</source>
        <translation>Senden von</translation>
    </message>
    <message>
        <source>On</source>
        <translation>An</translation>
    </message>
    <message>
        <source>Between</source>
        <translation>Zwischen</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Überprüfung</translation>
    </message>
    <message>
        <source>&amp;Launch when I click Finish (otherwise it is saved as a draft)</source>
        <translation>Beim Klick auf Fertigstellen &amp;starten (sonst als Entwurf gespeichert)</translation>
    </message>
    <message>
        <source>First sends:</source>
        <translation>Erste Sendungen:</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Wird gezählt…</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%1&lt;/b&gt; goes to &lt;b&gt;%n recipient(s)&lt;/b&gt; in %2 step(s), from %3.</source>
        <translation>
            <numerusform>&lt;b&gt;%1&lt;/b&gt; geht an &lt;b&gt;%n Empfänger&lt;/b&gt; in %2 Schritt(en), von %3.</numerusform>
            <numerusform>&lt;b&gt;%1&lt;/b&gt; geht an &lt;b&gt;%n Empfänger&lt;/b&gt; in %2 Schritt(en), von %3.</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;i&gt;no mailbox yet&lt;/i&gt;</source>
        <translation>&lt;i&gt;noch kein Postfach&lt;/i&gt;</translation>
    </message>
    <message>
        <source>Left out: %1 without an address, %2 suppressed, %3 excluded, %4 sharing an address.</source>
        <translation>Ausgelassen: %1 ohne Adresse, %2 gesperrt, %3 ausgeschlossen, %4 mit geteilter Adresse.</translation>
    </message>
    <message>
        <source>%1 — %2 their time (%3)</source>
        <translation>%1 — %2 ihre Zeit (%3)</translation>
    </message>
    <message>
        <source>Give the campaign a name.</source>
        <translation>Geben Sie der Kampagne einen Namen.</translation>
    </message>
    <message>
        <source>Saved as a draft, not launched: %1</source>
        <translation>Als Entwurf gespeichert, nicht gestartet: %1</translation>
    </message>
</context>
<context>
    <name>fliptech::ui::CampaignsPage</name>
    <message>
        <source>Search campaigns</source>
        <translation>Kampagnen suchen</translation>
    </message>
    <message>
        <source>&amp;New campaign…</source>
        <translation>&amp;Neue Kampagne…</translation>
    </message>
    <message>
        <source>Ctrl+N</source>
        <translation>Ctrl+N</translation>
    </message>
    <message>
        <source>&amp;Launch</source>
        <translation>&amp;Starten</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>&amp;Pausieren</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>&amp;Fortsetzen</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>Send &amp;test…</source>
        <translation>&amp;Test senden…</translation>
    </message>
    <message>
        <source>%v of %m sent</source>
        <translation>%v von %m gesendet</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <source>Variant</source>
        <translation>Variante</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Zugestellt</translation>
    </message>
    <message>
        <source>Open rate</source>
        <translation>Öffnungsrate</translation>
    </message>
    <message>
        <source>Reply rate</source>
        <translation>Antwortrate</translation>
    </message>
    <message>
        <source>Bounced</source>
        <translation>Gebounct</translation>
    </message>
    <message>
        <source>Mark sent</source>
        <translation>Als gesendet markieren</translation>
    </message>
    <message>
        <source>Resend</source>
        <translation>Erneut senden</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>Überspringen</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>Empfänger</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Gesendet</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>No campaigns yet</source>
        <translation>Noch keine Kampagnen</translation>
    </message>
    <message>
        <source>Click “New campaign…” (Ctrl+N): choose who receives it, write the steps with your templates, pick the mailboxes and the hours, then launch.</source>
        <translation>Klicken Sie auf „Neue Kampagne…“ (Strg+N): Wählen Sie die Empfänger, schreiben Sie die Schritte mit Ihren Vorlagen, wählen Sie Postfächer und Uhrzeiten, dann starten Sie.</translation>
    </message>
    <message>
        <source>Saved. Its launch waits for an administrator's approval (Automation → Approvals).</source>
        <translation>Gespeichert. Der Start wartet auf die Genehmigung eines Administrators (Automatisierung → Genehmigungen).</translation>
    </message>
    <message>
        <source>starts %1</source>
        <translation>beginnt %1</translation>
    </message>
    <message>
        <source>Delivered &lt;b&gt;%1&lt;/b&gt; · Opened &lt;b&gt;%2&lt;/b&gt; (%3) · Clicked &lt;b&gt;%4&lt;/b&gt; (%5) · Replied &lt;b&gt;%6&lt;/b&gt; (%7) · Bounced &lt;b&gt;%8&lt;/b&gt; (%9) · Unsubscribed &lt;b&gt;%10&lt;/b&gt;</source>
        <translation>Zugestellt &lt;b&gt;%1&lt;/b&gt; · Geöffnet &lt;b&gt;%2&lt;/b&gt; (%3) · Geklickt &lt;b&gt;%4&lt;/b&gt; (%5) · Beantwortet &lt;b&gt;%6&lt;/b&gt; (%7) · Gebounct &lt;b&gt;%8&lt;/b&gt; (%9) · Abgemeldet &lt;b&gt;%10&lt;/b&gt;</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) were cut off mid-send (the application stopped): they may have gone out. Check the mailbox's Sent folder, then:</source>
        <translation>
            <numerusform>%n Nachricht wurde mitten im Senden abgebrochen (die Anwendung wurde beendet): Sie ist vielleicht hinausgegangen. Prüfen Sie den Ordner „Gesendet“ des Postfachs, dann:</numerusform>
            <numerusform>%n Nachrichten wurden mitten im Senden abgebrochen (die Anwendung wurde beendet): Sie sind vielleicht hinausgegangen. Prüfen Sie den Ordner „Gesendet“ des Postfachs, dann:</numerusform>
        </translation>
    </message>
    <message>
        <source> (winner)</source>
        <translation> (Gewinner)</translation>
    </message>
    <message>
        <source>next message %1</source>
        <translation>nächste Nachricht %1</translation>
    </message>
    <message>
        <source>Sent, opened, clicked and replied per hour</source>
        <translation>Gesendet, geöffnet, geklickt und beantwortet pro Stunde</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Geöffnet</translation>
    </message>
    <message>
        <source>Clicked</source>
        <translation>Geklickt</translation>
    </message>
    <message>
        <source>Replied</source>
        <translation>Beantwortet</translation>
    </message>
    <message>
        <source>Launch campaign</source>
        <translation>Kampagne starten</translation>
    </message>
    <message numerus="yes">
        <source>Start sending to %n recipient(s)?</source>
        <translation>
            <numerusform>Mit dem Senden an %n Empfänger beginnen?</numerusform>
            <numerusform>Mit dem Senden an %n Empfänger beginnen?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Waiting for an administrator's approval (Automation → Approvals): a launch to %n recipient(s) needs one.</source>
        <translation>
            <numerusform>Wartet auf die Genehmigung eines Administrators (Automatisierung → Genehmigungen): Ein Start an %n Empfänger braucht eine.</numerusform>
            <numerusform>Wartet auf die Genehmigung eines Administrators (Automatisierung → Genehmigungen): Ein Start an %n Empfänger braucht eine.</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete campaign</source>
        <translation>Kampagne löschen</translation>
    </message>
    <message>
        <source>Delete “%1” and its numbers? This cannot be undone.</source>
        <translation>„%1“ und ihre Zahlen löschen? Das lässt sich nicht rückgängig machen.</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) resolved.</source>
        <translation>
            <numerusform>%n Nachricht geklärt.</numerusform>
            <numerusform>%n Nachrichten geklärt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Send a test</source>
        <translation>Einen Test senden</translation>
    </message>
    <message>
        <source>Send the first step, as a sample lead gets it, to:</source>
        <translation>Den ersten Schritt, wie ein Beispiel-Lead ihn erhält, senden an:</translation>
    </message>
    <message>
        <source>Test sent to %1 (“%2”).</source>
        <translation>Test an %1 gesendet („%2“).</translation>
    </message>
</context>
<context>
    <name>fliptech::ui::ChangePasswordDialog</name>
    <message>
        <source>Choose your password</source>
        <translation>Wählen Sie Ihr Passwort</translation>
    </message>
    <message>
        <source>An administrator gave you a temporary password. Choose your own to go on.</source>
        <translation>Ein Administrator hat Ihnen ein vorläufiges Passwort gegeben. Wählen Sie Ihr eigenes, um fortzufahren.</translation>
    </message>
    <message>
        <source>&amp;New password</source>
        <translation>&amp;Neues Passwort</translation>
    </message>
    <message>
        <source>&amp;Repeat it</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <source>Save password</source>
        <translation>Passwort speichern</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>Die beiden Passwörter sind verschieden.</translation>
    </message>
</context>
<context>
    <name>fliptech::ui::CustomUrlPage</name>
    <message>
        <source>https://example.com/directory/plumbers</source>
        <translation>https://example.com/verzeichnis/klempner</translation>
    </message>
    <message>
        <source>A page that lists businesses: a directory, a members list, search results</source>
        <translation>Eine Seite, die Unternehmen auflistet: ein Verzeichnis, eine Mitgliederliste, Suchergebnisse</translation>
    </message>
    <message>
        <source>&amp;Analyse page</source>
        <translation>Seite &amp;analysieren</translation>
    </message>
    <message>
        <source>Read the page and propose a recipe: the repeated items and their fields</source>
        <translation>Die Seite lesen und ein Rezept vorschlagen: die wiederholten Einträge und ihre Felder</translation>
    </message>
    <message>
        <source>Saved recipes: choose one to load it</source>
        <translation>Gespeicherte Rezepte: Wählen Sie eines zum Laden</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Delete the loaded recipe</source>
        <translation>Das geladene Rezept löschen</translation>
    </message>
    <message>
        <source>Page:</source>
        <translation>Seite:</translation>
    </message>
    <message>
        <source>Recipe:</source>
        <translation>Rezept:</translation>
    </message>
    <message>
        <source>Analyse a page to get a recipe here, or write one:
{"item": "li.result",
 "fields": [{"name": "name", "css": "h2 a"},
            {"name": "url", "css": "h2 a", "attr": "href", "type": "url"}],
 "next_page": "a[rel=next]", "max_pages": 5}</source>
        <translation>Analysieren Sie eine Seite, um hier ein Rezept zu erhalten, oder schreiben Sie eines:
{"item": "li.result",
 "fields": [{"name": "name", "css": "h2 a"},
            {"name": "url", "css": "h2 a", "attr": "href", "type": "url"}],
 "next_page": "a[rel=next]", "max_pages": 5}</translation>
    </message>
    <message>
        <source>The preview shows the rows the recipe reads on the page.</source>
        <translation>Die Vorschau zeigt die Zeilen, die das Rezept auf der Seite liest.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Recipe&lt;/b&gt; (JSON; checked as you type)</source>
        <translation>&lt;b&gt;Rezept&lt;/b&gt; (JSON; wird beim Tippen geprüft)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Preview&lt;/b&gt;</source>
        <translation>&lt;b&gt;Vorschau&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Recipe name, e.g. Austin plumbers directory</source>
        <translation>Name des Rezepts, z. B. Klempnerverzeichnis Austin</translation>
    </message>
    <message>
        <source>&amp;Save recipe</source>
        <translation>Rezept &amp;speichern</translation>
    </message>
    <message>
        <source>Save the recipe under its name to run it again later (Ctrl+S)</source>
        <translation>Das Rezept unter seinem Namen speichern, um es später erneut auszuführen (Strg+S)</translation>
    </message>
    <message>
        <source>&amp;Run scrape</source>
        <translation>Scrape &amp;ausführen</translation>
    </message>
    <message>
        <source>Read every start page and the pages after it; the rows become leads (source custom_url)</source>
        <translation>Jede Startseite und die folgenden Seiten lesen; die Zeilen werden zu Leads (Quelle custom_url)</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Give the address of a page that lists businesses, e.g. https://example.com/directory.</source>
        <translation>Geben Sie die Adresse einer Seite an, die Unternehmen auflistet, z. B. https://example.com/verzeichnis.</translation>
    </message>
    <message>
        <source>Reading %1 …</source>
        <translation>%1 wird gelesen …</translation>
    </message>
    <message>
        <source>Could not read %1: %2</source>
        <translation>%1 konnte nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>the server answered %1</source>
        <translation>der Server antwortete %1</translation>
    </message>
    <message>
        <source>%1 (%2 items)</source>
        <translation>%1 (%2 Einträge)</translation>
    </message>
    <message>
        <source>Found %1 similar items. Check the preview, edit the recipe if needed, then Run.</source>
        <translation>%1 ähnliche Einträge gefunden. Prüfen Sie die Vorschau, bearbeiten Sie das Rezept bei Bedarf, dann Ausführen.</translation>
    </message>
    <message>
        <source>Other lists on the page: %1.</source>
        <translation>Weitere Listen auf der Seite: %1.</translation>
    </message>
    <message>
        <source>✗ %1</source>
        <translation>✗ %1</translation>
    </message>
    <message>
        <source>Fix the recipe to see its rows.</source>
        <translation>Korrigieren Sie das Rezept, um seine Zeilen zu sehen.</translation>
    </message>
    <message numerus="yes">
        <source>✓ The recipe is valid: %n field(s)</source>
        <translation>
            <numerusform>✓ Das Rezept ist gültig: %n Feld</numerusform>
            <numerusform>✓ Das Rezept ist gültig: %n Felder</numerusform>
        </translation>
    </message>
    <message>
        <source>Analyse a page (or load a recipe with a start page) to see the rows it reads.</source>
        <translation>Analysieren Sie eine Seite (oder laden Sie ein Rezept mit Startseite), um die gelesenen Zeilen zu sehen.</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) on this page</source>
        <translation>
            <numerusform>%n Zeile auf dieser Seite</numerusform>
            <numerusform>%n Zeilen auf dieser Seite</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n left out (a required field missing)</source>
        <translation>
            <numerusform>, %n ausgelassen (ein Pflichtfeld fehlt)</numerusform>
            <numerusform>, %n ausgelassen (ein Pflichtfeld fehlt)</numerusform>
        </translation>
    </message>
    <message>
        <source>; no next page found.</source>
        <translation>; keine nächste Seite gefunden.</translation>
    </message>
    <message>
        <source>; next page: %1</source>
        <translation>; nächste Seite: %1</translation>
    </message>
    <message>
        <source>(Fields from each item's own page are read when the scrape runs.)</source>
        <translation>(Felder von der eigenen Seite jedes Eintrags werden beim Scrapen gelesen.)</translation>
    </message>
    <message>
        <source>— choose a saved recipe —</source>
        <translation>— gespeichertes Rezept wählen —</translation>
    </message>
    <message>
        <source>Recipe "%1" loaded.</source>
        <translation>Rezept „%1“ geladen.</translation>
    </message>
    <message>
        <source>The recipe is not valid JSON yet: see the message under the editor.</source>
        <translation>Das Rezept ist noch kein gültiges JSON: siehe die Meldung unter dem Editor.</translation>
    </message>
    <message>
        <source>Give the recipe a name first.</source>
        <translation>Geben Sie dem Rezept zuerst einen Namen.</translation>
    </message>
    <message>
        <source>Recipe "%1" saved.</source>
        <translation>Rezept „%1“ gespeichert.</translation>
    </message>
    <message>
        <source>Delete recipe</source>
        <translation>Rezept löschen</translation>
    </message>
    <message>
        <source>Delete the recipe "%1"? Scrapes it ran keep their leads.</source>
        <translation>Das Rezept „%1“ löschen? Mit ihm gelaufene Scrapes behalten ihre Leads.</translation>
    </message>
    <message>
        <source>Recipe deleted.</source>
        <translation>Rezept gelöscht.</translation>
    </message>
    <message>
        <source>Scrape %1 started: follow it in the jobs below.</source>
        <translation>Scrape %1 gestartet: Verfolgen Sie ihn in den Aufträgen unten.</translation>
    </message>
</context>
<context>
    <name>fliptech::ui::DashboardPage</name>
    <message>
        <source>&amp;Overview</source>
        <translation>Ü&amp;berblick</translation>
    </message>
    <message>
        <source>&amp;Pipeline</source>
        <translation>&amp;Pipeline</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>F5</source>
        <translation>F5</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Exportieren</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>%1 gespeichert.</translation>
    </message>
    <message>
        <source>Writing the report…</source>
        <translation>Bericht wird geschrieben…</translation>
    </message>
    <message>
        <source>Report saved: %1.</source>
        <translation>Bericht gespeichert: %1.</translation>
    </message>
    <message>
        <source>Dashboard as PNG…</source>
        <translation>Übersicht als PNG…</translation>
    </message>
    <message>
        <source>Save the dashboard</source>
        <translation>Die Übersicht speichern</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG-Bild (*.png)</translation>
    </message>
    <message>
        <source>Dashboard as PDF…</source>
        <translation>Übersicht als PDF…</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Report as PDF…</source>
        <translation>Bericht als PDF…</translation>
    </message>
    <message>
        <source>Save the report</source>
        <translation>Den Bericht speichern</translation>
    </message>
    <message>
        <source>Report as CSV…</source>
        <translation>Bericht als CSV…</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Report as JSON…</source>
        <translation>Bericht als JSON…</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>Zeitraum:</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>Umsatz</translation>
    </message>
    <message>
        <source>Pipeline (weighted)</source>
        <translation>Pipeline (gewichtet)</translation>
    </message>
    <message>
        <source>New leads won</source>
        <translation>Neu gewonnene Leads</translation>
    </message>
    <message>
        <source>ROI</source>
        <translation>ROI</translation>
    </message>
    <message>
        <source>Spend</source>
        <translation>Ausgaben</translation>
    </message>
    <message>
        <source>Click a point, bar or slice to see its leads</source>
        <translation>Klicken Sie auf einen Punkt, Balken oder Sektor, um seine Leads zu sehen</translation>
    </message>
    <message numerus="yes">
        <source>%n open deal(s) worth %1 in all</source>
        <translation>
            <numerusform>%n offener Deal im Wert von insgesamt %1</numerusform>
            <numerusform>%n offene Deals im Wert von insgesamt %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Revenue by %1</source>
        <translation>Umsatz pro %1</translation>
    </message>
    <message>
        <source>day</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>week</source>
        <translation>Woche</translation>
    </message>
    <message>
        <source>month</source>
        <translation>Monat</translation>
    </message>
    <message>
        <source>Revenue (USD)</source>
        <translation>Umsatz (USD)</translation>
    </message>
    <message>
        <source>Revenue from %1</source>
        <translation>Umsatz von %1</translation>
    </message>
    <message>
        <source>Revenue by source</source>
        <translation>Umsatz nach Quelle</translation>
    </message>
    <message>
        <source>Lead funnel (leads that came in)</source>
        <translation>Lead-Trichter (eingegangene Leads)</translation>
    </message>
    <message>
        <source>Leads</source>
        <translation>Leads</translation>
    </message>
    <message>
        <source>Funnel: %1</source>
        <translation>Trichter: %1</translation>
    </message>
    <message>
        <source>Costs by type: %1</source>
        <translation>Kosten nach Art: %1</translation>
    </message>
    <message>
        <source>Costs: %1, %2</source>
        <translation>Kosten: %1, %2</translation>
    </message>
    <message>
        <source>Revenue: the last 12 months and the next 6</source>
        <translation>Umsatz: die letzten 12 Monate und die nächsten 6</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <source>Projected</source>
        <translation>Prognose</translation>
    </message>
    <message>
        <source>95 % interval</source>
        <translation>95-%-Intervall</translation>
    </message>
    <message>
        <source>No leads behind “%1” (costs that belong to no lead, such as rent, have none).</source>
        <translation>Keine Leads hinter „%1“ (Kosten, die zu keinem Lead gehören, etwa die Miete, haben keine).</translation>
    </message>
    <message>
        <source>FlipTech Pro dashboard</source>
        <translation>FlipTech-Pro-Übersicht</translation>
    </message>
    <message>
        <source>%1 could not be written.</source>
        <translation>%1 konnte nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>%1 could not be written (is it a PNG or JPEG name?).</source>
        <translation>%1 konnte nicht geschrieben werden (ist es ein PNG- oder JPEG-Name?).</translation>
    </message>
    <message>
        <source>A report is written as .csv, .json or .pdf.</source>
        <translation>Ein Bericht wird als .csv, .json oder .pdf geschrieben.</translation>
    </message>
</context>
<context>
    <name>fliptech::ui::DrillDown</name>
    <message>
        <source>%1: the first 10,000 of %2 leads are shown.</source>
        <translation>%1: Die ersten 10.000 von %2 Leads werden gezeigt.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>fliptech::ui::DuplicatesDialog</name>
    <message>
        <source>Duplicate leads</source>
        <translation>Doppelte Leads</translation>
    </message>
    <message>
        <source>Click a value to keep it. The first lead survives; the others' tags, notes and history move to it.</source>
        <translation>Klicken Sie auf einen Wert, um ihn zu behalten. Der erste Lead bleibt; Tags, Notizen und Verlauf der anderen gehen auf ihn über.</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>Zusammenführen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>%1 leads · same %2: %3</source>
        <translation>%1 Leads · gleiche(s) %2: %3</translation>
    </message>
    <message>
        <source>No duplicates found.</source>
        <translation>Keine Duplikate gefunden.</translation>
    </message>
    <message>
        <source>#%1 (keeps)</source>
        <translation>Nr. %1 (bleibt)</translation>
    </message>
    <message>
        <source>#%1</source>
        <translation>Nr. %1</translation>
    </message>
    <message>
        <source>Merged into #%1.</source>
        <translation>In Nr. %1 zusammengeführt.</translation>
    </message>
</context>
<context>
    <name>fliptech::ui::FirstRunWizard</name>
    <message>
        <source>Welcome to FlipTech Pro</source>
        <translation>Willkommen bei FlipTech Pro</translation>
    </message>
    <message>
        <source>Four short steps, and you are in.</source>
        <translation>Vier kurze Schritte, und Sie sind drin.</translation>
    </message>
    <message>
        <source>&lt;p&gt;FlipTech Pro finds local businesses that need a website, judges their current one, writes to them, follows the replies and counts the revenue.&lt;/p&gt;&lt;p&gt;Next you choose where your data lives, create your account and, if you like, connect an AI provider. Everything can be changed later in &lt;b&gt;Settings&lt;/b&gt;.&lt;/p&gt;</source>
        <translation>&lt;p&gt;FlipTech Pro findet lokale Unternehmen, die eine Website brauchen, beurteilt ihre jetzige, schreibt ihnen, verfolgt die Antworten und zählt den Umsatz.&lt;/p&gt;&lt;p&gt;Als Nächstes wählen Sie, wo Ihre Daten liegen, legen Ihr Konto an und verbinden, wenn Sie möchten, einen KI-Anbieter. Alles lässt sich später unter &lt;b&gt;Einstellungen&lt;/b&gt; ändern.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Where your data lives</source>
        <translation>Wo Ihre Daten liegen</translation>
    </message>
    <message>
        <source>On this computer to start alone; on the team's PostgreSQL to share leads and campaigns.</source>
        <translation>Auf diesem Computer, um allein zu beginnen; auf dem PostgreSQL des Teams, um Leads und Kampagnen zu teilen.</translation>
    </message>
    <message>
        <source>This computer (recommended to start): a file, nothing to set up</source>
        <translation>Dieser Computer (zum Start empfohlen): eine Datei, nichts einzurichten</translation>
    </message>
    <message>
        <source>The team's PostgreSQL server</source>
        <translation>Der PostgreSQL-Server des Teams</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>Your account</source>
        <translation>Ihr Konto</translation>
    </message>
    <message>
        <source>The administrator: you sign in with it and invite your team from Settings → Users.</source>
        <translation>Der Administrator: Damit melden Sie sich an und laden Ihr Team unter Einstellungen → Benutzer ein.</translation>
    </message>
    <message>
        <source>you@agency.com</source>
        <translation>sie@agentur.de</translation>
    </message>
    <message>
        <source>at least 10 characters</source>
        <translation>mindestens 10 Zeichen</translation>
    </message>
    <message>
        <source>&amp;Email</source>
        <translation>&amp;E-Mail</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>&amp;Passwort</translation>
    </message>
    <message>
        <source>&amp;Repeat password</source>
        <translation>Passwort &amp;wiederholen</translation>
    </message>
    <message>
        <source>Integrations (optional)</source>
        <translation>Integrationen (optional)</translation>
    </message>
    <message>
        <source>With an AI provider's key, FlipTech Pro writes emails and replies with AI; without one its offline writer drafts them.</source>
        <translation>Mit dem Schlüssel eines KI-Anbieters schreibt FlipTech Pro E-Mails und Antworten mit KI; ohne ihn entwirft sie der Offline-Schreiber.</translation>
    </message>
    <message>
        <source>sk-or-… (OpenRouter, or any OpenAI-compatible provider)</source>
        <translation>sk-or-… (OpenRouter oder ein anderer OpenAI-kompatibler Anbieter)</translation>
    </message>
    <message>
        <source>AI key</source>
        <translation>KI-Schlüssel</translation>
    </message>
    <message>
        <source>Kept in the system keychain. Sender mailboxes, enrichment providers and n8n are set up in &lt;b&gt;Settings&lt;/b&gt; when you need them.</source>
        <translation>Im Schlüsselbund des Systems gespeichert. Absender-Postfächer, Anreicherungsanbieter und n8n richten Sie unter &lt;b&gt;Einstellungen&lt;/b&gt; ein, wenn Sie sie brauchen.</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbindung wird aufgebaut…</translation>
    </message>
    <message>
        <source>Could not connect: %1</source>
        <translation>Verbindung fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>✓ Connected: %1</source>
        <translation>✓ Verbunden: %1</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>Die beiden Passwörter sind verschieden.</translation>
    </message>
    <message>
        <source>&lt;p&gt;FlipTech Pro starts again on the team's database when you click Finish.&lt;/p&gt;&lt;p&gt;If the team already works there, sign in with the account an administrator gave you; if the database is new, you create its administrator then.&lt;/p&gt;</source>
        <translation>&lt;p&gt;FlipTech Pro startet neu auf der Datenbank des Teams, wenn Sie auf Fertigstellen klicken.&lt;/p&gt;&lt;p&gt;Arbeitet das Team dort schon, melden Sie sich mit dem Konto an, das ein Administrator Ihnen gegeben hat; ist die Datenbank neu, legen Sie dann ihren Administrator an.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;You are signed in as &lt;b&gt;%1&lt;/b&gt;%2.&lt;/p&gt;&lt;p&gt;To get your first leads:&lt;/p&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;Import CSV&lt;/b&gt; on the Leads page, from a spreadsheet or another CRM;&lt;/li&gt;&lt;li&gt;&lt;b&gt;Run a scrape&lt;/b&gt; on the Scraper page, e.g. plumbers in your city;&lt;/li&gt;&lt;li&gt;or &lt;b&gt;add a lead&lt;/b&gt; by hand.&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;Press F1 at any time for the keyboard shortcuts.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Sie sind angemeldet als &lt;b&gt;%1&lt;/b&gt;%2.&lt;/p&gt;&lt;p&gt;So bekommen Sie Ihre ersten Leads:&lt;/p&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;CSV importieren&lt;/b&gt; auf der Seite Leads, aus einer Tabelle oder einem anderen CRM;&lt;/li&gt;&lt;li&gt;&lt;b&gt;Einen Scrape starten&lt;/b&gt; auf der Seite Scraper, z. B. Klempner in Ihrer Stadt;&lt;/li&gt;&lt;li&gt;oder &lt;b&gt;einen Lead&lt;/b&gt; von Hand anlegen.&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;Drücken Sie jederzeit F1 für die Tastenkürzel.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>, with the AI connected</source>
        <translation>, mit verbundener KI</translation>
    </message>
</context>
<context>
    <name>fliptech::ui::ImportWizard</name>
    <message>
        <source>Import leads from CSV</source>
        <translation>Leads aus CSV importieren</translation>
    </message>
    <message>
        <source>Choose a CSV file</source>
        <translation>Wählen Sie eine CSV-Datei</translation>
    </message>
    <message>
        <source>Exported from a spreadsheet, a CRM or another tool. Encoding and separator are detected.</source>
        <translation>Aus einer Tabellenkalkulation, einem CRM oder einem anderen Werkzeug exportiert. Kodierung und Trennzeichen werden erkannt.</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>CSV file</source>
        <translation>CSV-Datei</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt *.tsv);;All files (*)</source>
        <translation>CSV-Dateien (*.csv *.txt *.tsv);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Match the columns</source>
        <translation>Spalten zuordnen</translation>
    </message>
    <message>
        <source>Choose which lead field each column fills. The first rows are shown so you can check.</source>
        <translation>Wählen Sie, welches Lead-Feld jede Spalte füllt. Die ersten Zeilen werden zur Kontrolle gezeigt.</translation>
    </message>
    <message>
        <source>Duplicates</source>
        <translation>Duplikate</translation>
    </message>
    <message>
        <source>Leads with the same e-mail, phone or website as an existing lead (or an earlier row) are duplicates.</source>
        <translation>Leads mit derselben E-Mail, Telefonnummer oder Website wie ein vorhandener Lead (oder eine frühere Zeile) sind Duplikate.</translation>
    </message>
    <message>
        <source>Skip them (keep the existing lead as it is)</source>
        <translation>Überspringen (der vorhandene Lead bleibt, wie er ist)</translation>
    </message>
    <message>
        <source>Update the existing lead with the file's values</source>
        <translation>Den vorhandenen Lead mit den Werten der Datei aktualisieren</translation>
    </message>
    <message>
        <source>Create them anyway</source>
        <translation>Trotzdem anlegen</translation>
    </message>
    <message>
        <source>Phone numbers without a country code are from:</source>
        <translation>Telefonnummern ohne Ländervorwahl stammen aus:</translation>
    </message>
    <message>
        <source>Tags for every imported lead, separated by commas (optional)</source>
        <translation>Tags für jeden importierten Lead, durch Kommas getrennt (optional)</translation>
    </message>
    <message>
        <source>Importing</source>
        <translation>Import läuft</translation>
    </message>
    <message>
        <source>Save rejected rows…</source>
        <translation>Abgelehnte Zeilen speichern…</translation>
    </message>
    <message>
        <source>Save rejected rows</source>
        <translation>Abgelehnte Zeilen speichern</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>%1, separated by “%2”</source>
        <translation>%1, getrennt durch „%2“</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Spalte</translation>
    </message>
    <message>
        <source>Lead field</source>
        <translation>Lead-Feld</translation>
    </message>
    <message>
        <source>Row %1</source>
        <translation>Zeile %1</translation>
    </message>
    <message>
        <source>Reading and checking every row… (Cancel stops it and imports nothing)</source>
        <translation>Jede Zeile wird gelesen und geprüft… (Abbrechen stoppt und importiert nichts)</translation>
    </message>
    <message>
        <source>%1 leads imported, %2 updated, %3 duplicates skipped, %4 rows rejected (%5 rows read in %6 s).</source>
        <translation>%1 Leads importiert, %2 aktualisiert, %3 Duplikate übersprungen, %4 Zeilen abgelehnt (%5 Zeilen in %6 s gelesen).</translation>
    </message>
    <message>
        <source>
The leads are in the list now. Their search entries and filter indexes are being built in the background (see the status bar): until then search does not find them and filters are slower.</source>
        <translation>
Die Leads sind jetzt in der Liste. Ihre Sucheinträge und Filterindizes werden im Hintergrund aufgebaut (siehe Statusleiste): Bis dahin findet die Suche sie nicht und Filter sind langsamer.</translation>
    </message>
    <message>
        <source>
Row %1: %2</source>
        <translation>
Zeile %1: %2</translation>
    </message>
</context>
<context>
    <name>fliptech::ui::InboxPage</name>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Needs a reply</source>
        <translation>Antwort nötig</translation>
    </message>
    <message>
        <source>Unread</source>
        <translation>Ungelesen</translation>
    </message>
    <message>
        <source>Positive</source>
        <translation>Positiv</translation>
    </message>
    <message>
        <source>Negative</source>
        <translation>Negativ</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>Archiviert</translation>
    </message>
    <message>
        <source>Everything</source>
        <translation>Alles</translation>
    </message>
    <message>
        <source>&amp;Check mail</source>
        <translation>E-Mails &amp;abrufen</translation>
    </message>
    <message>
        <source>Read every mailbox now (F5)</source>
        <translation>Jetzt alle Postfächer lesen (F5)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>Unterhaltung</translation>
    </message>
    <message>
        <source>Mood</source>
        <translation>Stimmung</translation>
    </message>
    <message>
        <source>Last</source>
        <translation>Zuletzt</translation>
    </message>
    <message>
        <source>&amp;Archive</source>
        <translation>&amp;Archivieren</translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <source>Suggested reply</source>
        <translation>Vorgeschlagene Antwort</translation>
    </message>
    <message>
        <source>&amp;Suggest a reply</source>
        <translation>Antwort &amp;vorschlagen</translation>
    </message>
    <message>
        <source>Ctrl+G: the AI (or the offline writer) drafts an answer; nothing is sent until you approve it</source>
        <translation>Strg+G: Die KI (oder der Offline-Schreiber) entwirft eine Antwort; nichts wird gesendet, bevor Sie sie genehmigen</translation>
    </message>
    <message>
        <source>No suggestion yet. “Suggest a reply” drafts one from the thread and the lead's website analysis.</source>
        <translation>Noch kein Vorschlag. „Antwort vorschlagen“ entwirft einen aus dem Verlauf und der Website-Analyse des Leads.</translation>
    </message>
    <message>
        <source>Approve &amp;&amp; send</source>
        <translation>Genehmigen &amp;&amp; senden</translation>
    </message>
    <message>
        <source>Send the suggestion as it stands in the box (your edits included)</source>
        <translation>Den Vorschlag so senden, wie er im Feld steht (mit Ihren Änderungen)</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>Ablehnen</translation>
    </message>
    <message>
        <source>Write again</source>
        <translation>Neu schreiben</translation>
    </message>
    <message>
        <source>Your reply</source>
        <translation>Ihre Antwort</translation>
    </message>
    <message>
        <source>The mailbox the reply is sent from</source>
        <translation>Das Postfach, aus dem die Antwort gesendet wird</translation>
    </message>
    <message>
        <source>Write your answer… (Ctrl+Return sends it)</source>
        <translation>Schreiben Sie Ihre Antwort… (Strg+Eingabe sendet sie)</translation>
    </message>
    <message>
        <source>Sen&amp;d</source>
        <translation>Se&amp;nden</translation>
    </message>
    <message>
        <source>Ctrl+Return</source>
        <translation>Ctrl+Return</translation>
    </message>
    <message>
        <source>Start from a template…</source>
        <translation>Mit einer Vorlage beginnen…</translation>
    </message>
    <message>
        <source>Stopping after the message being read…</source>
        <translation>Wird nach der gerade gelesenen Nachricht gestoppt…</translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation>(kein Betreff)</translation>
    </message>
    <message>
        <source>Nothing here</source>
        <translation>Hier ist nichts</translation>
    </message>
    <message>
        <source>No conversations yet</source>
        <translation>Noch keine Unterhaltungen</translation>
    </message>
    <message>
        <source>&lt;p&gt;No conversation matches this filter.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Keine Unterhaltung passt zu diesem Filter.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Replies to your campaigns and e-mails appear here. Add the IMAP server of a mailbox in &lt;b&gt;Settings → Sender accounts&lt;/b&gt;, then &lt;b&gt;Check mail&lt;/b&gt; (F5); the inbox is also read every few minutes.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Antworten auf Ihre Kampagnen und E-Mails erscheinen hier. Tragen Sie den IMAP-Server eines Postfachs unter &lt;b&gt;Einstellungen → Absenderkonten&lt;/b&gt; ein, dann &lt;b&gt;E-Mails abrufen&lt;/b&gt; (F5); der Posteingang wird auch alle paar Minuten gelesen.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>You (%1)</source>
        <translation>Sie (%1)</translation>
    </message>
    <message>
        <source>automatic answer: not counted as a reply</source>
        <translation>automatische Antwort: zählt nicht als Antwort</translation>
    </message>
    <message>
        <source>&lt;p&gt;Status: &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>&lt;p&gt;Status: &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source> · Deal: &lt;b&gt;%1&lt;/b&gt;</source>
        <translation> · Deal: &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source> · Value: &lt;b&gt;%1&lt;/b&gt;</source>
        <translation> · Wert: &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;h4&gt;Notes&lt;/h4&gt;</source>
        <translation>&lt;h4&gt;Notizen&lt;/h4&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;%1 is not one of your leads yet.&lt;/p&gt;</source>
        <translation>&lt;p&gt;%1 ist noch keiner Ihrer Leads.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Written by %1.</source>
        <translation>Geschrieben von %1.</translation>
    </message>
    <message>
        <source>Written by the offline writer.</source>
        <translation>Vom Offline-Schreiber geschrieben.</translation>
    </message>
    <message>
        <source>Approved, not sent yet: approve again to retry.</source>
        <translation>Genehmigt, noch nicht gesendet: Erneut genehmigen, um es noch einmal zu versuchen.</translation>
    </message>
    <message>
        <source>No mailbox to read: add its IMAP server to a sender account in Settings → Sender accounts.</source>
        <translation>Kein Postfach zum Lesen: Tragen Sie seinen IMAP-Server bei einem Absenderkonto unter Einstellungen → Absenderkonten ein.</translation>
    </message>
    <message>
        <source>Checking mail…</source>
        <translation>E-Mails werden abgerufen…</translation>
    </message>
    <message>
        <source>Stopped. </source>
        <translation>Gestoppt. </translation>
    </message>
    <message numerus="yes">
        <source>%n new message(s)</source>
        <translation>
            <numerusform>%n neue Nachricht</numerusform>
            <numerusform>%n neue Nachrichten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n of them replies.</source>
        <translation>
            <numerusform>, davon %n Antwort.</numerusform>
            <numerusform>, davon %n Antworten.</numerusform>
        </translation>
    </message>
    <message>
        <source>Writing a suggestion…</source>
        <translation>Vorschlag wird geschrieben…</translation>
    </message>
    <message>
        <source>Suggestion ready: edit it if you like, then Approve &amp; send.</source>
        <translation>Vorschlag fertig: Bearbeiten Sie ihn nach Belieben, dann Genehmigen &amp; senden.</translation>
    </message>
    <message>
        <source>The auto-approval rule “%1” decided it: %2.</source>
        <translation>Die Regel zur automatischen Genehmigung „%1“ hat entschieden: %2.</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Wird gesendet…</translation>
    </message>
    <message>
        <source>Rejecting…</source>
        <translation>Wird abgelehnt…</translation>
    </message>
    <message>
        <source>Sent.</source>
        <translation>Gesendet.</translation>
    </message>
    <message>
        <source>Suggestion rejected.</source>
        <translation>Vorschlag abgelehnt.</translation>
    </message>
    <message>
        <source>Write the reply first.</source>
        <translation>Schreiben Sie zuerst die Antwort.</translation>
    </message>
    <message>
        <source>Sent to %1.</source>
        <translation>An %1 gesendet.</translation>
    </message>
    <message>
        <source>Archived. A new reply brings it back.</source>
        <translation>Archiviert. Eine neue Antwort holt sie zurück.</translation>
    </message>
</context>
<context>
    <name>fliptech::ui::IntegrationsSettings</name>
    <message>
        <source>&lt;b&gt;Lead enrichment&lt;/b&gt; finds the e-mail address, phone and company details of a lead from its website's domain. The providers are asked in this order until the lead has an address and a phone; what a provider answered is remembered for 30 days, so asking again costs nothing.</source>
        <translation>&lt;b&gt;Lead-Anreicherung&lt;/b&gt; findet E-Mail-Adresse, Telefonnummer und Firmendaten eines Leads aus der Domain seiner Website. Die Anbieter werden in dieser Reihenfolge gefragt, bis der Lead eine Adresse und eine Telefonnummer hat; die Antwort eines Anbieters wird 30 Tage gemerkt, erneutes Fragen kostet also nichts.</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <source>On</source>
        <translation>An</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API-Schlüssel</translation>
    </message>
    <message>
        <source>Base URL</source>
        <translation>Basis-URL</translation>
    </message>
    <message>
        <source>Cost per call (¢)</source>
        <translation>Kosten pro Aufruf (¢)</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>Nach &amp;oben</translation>
    </message>
    <message>
        <source>Move &amp;down</source>
        <translation>Nach &amp;unten</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>Save the order, which providers are on, their addresses and costs</source>
        <translation>Die Reihenfolge, die aktiven Anbieter, ihre Adressen und Kosten speichern</translation>
    </message>
    <message>
        <source>API key of the selected provider</source>
        <translation>API-Schlüssel des gewählten Anbieters</translation>
    </message>
    <message>
        <source>Save &amp;key</source>
        <translation>&amp;Schlüssel speichern</translation>
    </message>
    <message>
        <source>Kept in the system keychain, never shown again</source>
        <translation>Im Schlüsselbund des Systems gespeichert, nie wieder angezeigt</translation>
    </message>
    <message>
        <source>&amp;Remove key</source>
        <translation>Schlüssel &amp;entfernen</translation>
    </message>
    <message>
        <source>Only an admin can change the integrations.</source>
        <translation>Nur ein Administrator kann die Integrationen ändern.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Delivery events&lt;/b&gt; from SendGrid and Mailgun (bounces, spam reports, unsubscribes, opens) reach &lt;code&gt;/api/v1/webhooks/sendgrid&lt;/code&gt; and &lt;code&gt;/api/v1/webhooks/mailgun&lt;/code&gt; on your team server, and are believed only when signed: paste SendGrid's verification key and Mailgun's webhook signing key.</source>
        <translation>&lt;b&gt;Zustellereignisse&lt;/b&gt; von SendGrid und Mailgun (Bounces, Spam-Meldungen, Abmeldungen, Öffnungen) kommen bei &lt;code&gt;/api/v1/webhooks/sendgrid&lt;/code&gt; und &lt;code&gt;/api/v1/webhooks/mailgun&lt;/code&gt; Ihres Team-Servers an und gelten nur, wenn sie signiert sind: Fügen Sie den Verifizierungsschlüssel von SendGrid und den Webhook-Signaturschlüssel von Mailgun ein.</translation>
    </message>
    <message>
        <source>Save &amp;webhook keys</source>
        <translation>&amp;Webhook-Schlüssel speichern</translation>
    </message>
    <message>
        <source>SendGrid verification key: set (type to replace)</source>
        <translation>SendGrid-Verifizierungsschlüssel: gesetzt (tippen zum Ersetzen)</translation>
    </message>
    <message>
        <source>SendGrid verification key</source>
        <translation>SendGrid-Verifizierungsschlüssel</translation>
    </message>
    <message>
        <source>Mailgun signing key: set (type to replace)</source>
        <translation>Mailgun-Signaturschlüssel: gesetzt (tippen zum Ersetzen)</translation>
    </message>
    <message>
        <source>Mailgun webhook signing key</source>
        <translation>Mailgun-Webhook-Signaturschlüssel</translation>
    </message>
    <message>
        <source>SendGrid events: %1 · Mailgun events: %2</source>
        <translation>SendGrid-Ereignisse: %1 · Mailgun-Ereignisse: %2</translation>
    </message>
    <message>
        <source>verified with your key</source>
        <translation>mit Ihrem Schlüssel geprüft</translation>
    </message>
    <message>
        <source>refused until a key is set</source>
        <translation>abgelehnt, bis ein Schlüssel gesetzt ist</translation>
    </message>
    <message>
        <source>Type a key first.</source>
        <translation>Geben Sie zuerst einen Schlüssel ein.</translation>
    </message>
    <message>
        <source>Webhook keys saved in the keychain.</source>
        <translation>Webhook-Schlüssel im Schlüsselbund gespeichert.</translation>
    </message>
    <message>
        <source>set (keychain)</source>
        <translation>gesetzt (Schlüsselbund)</translation>
    </message>
    <message>
        <source>set (%1)</source>
        <translation>gesetzt (%1)</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>nicht gesetzt</translation>
    </message>
    <message>
        <source>Order changed: Save to keep it.</source>
        <translation>Reihenfolge geändert: Speichern, um sie zu behalten.</translation>
    </message>
    <message>
        <source>%1: the cost per call is whole cents, e.g. 2.</source>
        <translation>%1: Die Kosten pro Aufruf sind ganze Cent, z. B. 2.</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Gespeichert.</translation>
    </message>
    <message>
        <source>Select a provider first.</source>
        <translation>Wählen Sie zuerst einen Anbieter.</translation>
    </message>
    <message>
        <source>Type the key first.</source>
        <translation>Geben Sie zuerst den Schlüssel ein.</translation>
    </message>
    <message>
        <source>Key removed.</source>
        <translation>Schlüssel entfernt.</translation>
    </message>
    <message>
        <source>Key saved in the keychain.</source>
        <translation>Schlüssel im Schlüsselbund gespeichert.</translation>
    </message>
</context>
<context>
    <name>fliptech::ui::LeadTableModel</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Firma</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>Website</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Stadt</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Land</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Phase</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Punktzahl</translation>
    </message>
    <message>
        <source>Qualification</source>
        <translation>Qualifizierung</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Contacted</source>
        <translation>Kontaktiert</translation>
    </message>
    <message>
        <source>Last contacted</source>
        <translation>Zuletzt kontaktiert</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Hinzugefügt</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Aktualisiert</translation>
    </message>
</context>
<context>
    <name>fliptech::ui::LeadsPage</name>
    <message>
        <source>Stopped: %1 of %2 leads changed.</source>
        <translation>Gestoppt: %1 von %2 Leads geändert.</translation>
    </message>
    <message>
        <source>%1 of %2 leads changed.</source>
        <translation>%1 von %2 Leads geändert.</translation>
    </message>
    <message>
        <source>Search name, company, email, phone, city…</source>
        <translation>Name, Firma, E-Mail, Telefon, Stadt suchen…</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Jeder Status</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Stadt</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>Has email</source>
        <translation>Mit E-Mail</translation>
    </message>
    <message>
        <source>Saved segments</source>
        <translation>Gespeicherte Segmente</translation>
    </message>
    <message>
        <source>Save segment…</source>
        <translation>Segment speichern…</translation>
    </message>
    <message>
        <source>Keep this filter under a name, to pick it again from Segments</source>
        <translation>Diesen Filter unter einem Namen behalten, um ihn unter Segmente wieder zu wählen</translation>
    </message>
    <message>
        <source>New lead</source>
        <translation>Neuer Lead</translation>
    </message>
    <message>
        <source>Import CSV…</source>
        <translation>CSV importieren…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <source>Duplicates…</source>
        <translation>Duplikate…</translation>
    </message>
    <message>
        <source>Name or company:</source>
        <translation>Name oder Firma:</translation>
    </message>
    <message>
        <source>Lead added.</source>
        <translation>Lead hinzugefügt.</translation>
    </message>
    <message>
        <source>%1 leads</source>
        <translation>%1 Leads</translation>
    </message>
    <message>
        <source>about %1 leads</source>
        <translation>etwa %1 Leads</translation>
    </message>
    <message>
        <source>%1 — filtering…</source>
        <translation>%1 — wird gefiltert…</translation>
    </message>
    <message>
        <source>Remove this filter</source>
        <translation>Diesen Filter entfernen</translation>
    </message>
    <message>
        <source>“%1”</source>
        <translation>„%1“</translation>
    </message>
    <message>
        <source>status: %1</source>
        <translation>Status: %1</translation>
    </message>
    <message>
        <source>city: %1</source>
        <translation>Stadt: %1</translation>
    </message>
    <message>
        <source>tag: %1</source>
        <translation>Tag: %1</translation>
    </message>
    <message>
        <source>has email</source>
        <translation>mit E-Mail</translation>
    </message>
    <message>
        <source>Set status</source>
        <translation>Status setzen</translation>
    </message>
    <message>
        <source>tag</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>Add tag</source>
        <translation>Tag hinzufügen</translation>
    </message>
    <message>
        <source>Move to trash</source>
        <translation>In den Papierkorb</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Ausführen</translation>
    </message>
    <message>
        <source>Analyse the websites, verify the e-mail addresses or find the contacts of the selected leads</source>
        <translation>Die Websites analysieren, die E-Mail-Adressen prüfen oder die Kontakte der gewählten Leads finden</translation>
    </message>
    <message>
        <source>Analyse websites</source>
        <translation>Websites analysieren</translation>
    </message>
    <message>
        <source>Verify e-mail addresses</source>
        <translation>E-Mail-Adressen prüfen</translation>
    </message>
    <message>
        <source>Find contacts (enrichment providers)</source>
        <translation>Kontakte finden (Anreicherungsanbieter)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message numerus="yes">
        <source>%n selected</source>
        <translation>
            <numerusform>%n ausgewählt</numerusform>
            <numerusform>%n ausgewählt</numerusform>
        </translation>
    </message>
    <message>
        <source>all %1 matching</source>
        <translation>alle %1 Treffer</translation>
    </message>
    <message>
        <source>all (about %1) matching</source>
        <translation>alle (etwa %1) Treffer</translation>
    </message>
    <message>
        <source>Select the leads first (click, Shift+click, Ctrl+A).</source>
        <translation>Wählen Sie zuerst die Leads aus (Klick, Umschalt+Klick, Strg+A).</translation>
    </message>
    <message>
        <source>Setting status to %1…</source>
        <translation>Status wird auf %1 gesetzt…</translation>
    </message>
    <message>
        <source>Type the tag to add.</source>
        <translation>Geben Sie den Tag ein, der hinzukommt.</translation>
    </message>
    <message>
        <source>Tagging with %1…</source>
        <translation>Wird mit %1 getaggt…</translation>
    </message>
    <message numerus="yes">
        <source>Move %n lead(s) to the trash? You can restore them later.</source>
        <translation>
            <numerusform>%n Lead in den Papierkorb verschieben? Sie können ihn später wiederherstellen.</numerusform>
            <numerusform>%n Leads in den Papierkorb verschieben? Sie können sie später wiederherstellen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Moving to trash…</source>
        <translation>Wird in den Papierkorb verschoben…</translation>
    </message>
    <message>
        <source>Wait for the running action to end (or cancel it).</source>
        <translation>Warten Sie, bis die laufende Aktion endet (oder brechen Sie sie ab).</translation>
    </message>
    <message>
        <source>%1 leads are selected: these run on up to 10,000 at a time. Narrow the filter.</source>
        <translation>%1 Leads sind ausgewählt: Diese Aktionen laufen auf höchstens 10.000 auf einmal. Grenzen Sie den Filter ein.</translation>
    </message>
    <message numerus="yes">
        <source>Analysing %n website(s)…</source>
        <translation>
            <numerusform>%n Website wird analysiert…</numerusform>
            <numerusform>%n Websites werden analysiert…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Verifying %n address(es)…</source>
        <translation>
            <numerusform>%n Adresse wird geprüft…</numerusform>
            <numerusform>%n Adressen werden geprüft…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Finding the contacts of %n lead(s)…</source>
        <translation>
            <numerusform>Die Kontakte von %n Lead werden gesucht…</numerusform>
            <numerusform>Die Kontakte von %n Leads werden gesucht…</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelled: what was done is kept.</source>
        <translation>Abgebrochen: Das Erledigte bleibt erhalten.</translation>
    </message>
    <message>
        <source>That did not finish: %1</source>
        <translation>Das wurde nicht fertig: %1</translation>
    </message>
    <message>
        <source>Done: %1.</source>
        <translation>Erledigt: %1.</translation>
    </message>
    <message>
        <source>nothing to do</source>
        <translation>nichts zu tun</translation>
    </message>
    <message>
        <source>Select a lead to see it here.</source>
        <translation>Wählen Sie einen Lead, um ihn hier zu sehen.</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Job title</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>Website</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Verify address</source>
        <translation>Adresse prüfen</translation>
    </message>
    <message>
        <source>Check the address: its syntax, its domain's mail server, disposable and role addresses</source>
        <translation>Die Adresse prüfen: Syntax, Mailserver der Domain, Wegwerf- und Funktionsadressen</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Wird geprüft…</translation>
    </message>
    <message>
        <source>Save (Ctrl+S)</source>
        <translation>Speichern (Strg+S)</translation>
    </message>
    <message>
        <source>Mark &amp;won…</source>
        <translation>Als &amp;gewonnen markieren…</translation>
    </message>
    <message>
        <source>Record the deal as won with its amount; it counts in revenue and ROI</source>
        <translation>Den Deal mit seinem Betrag als gewonnen erfassen; er zählt in Umsatz und ROI</translation>
    </message>
    <message>
        <source>Mark &amp;lost…</source>
        <translation>Als &amp;verloren markieren…</translation>
    </message>
    <message>
        <source>Record the deal as lost, with the reason</source>
        <translation>Den Deal mit dem Grund als verloren erfassen</translation>
    </message>
    <message>
        <source>Deal won</source>
        <translation>Deal gewonnen</translation>
    </message>
    <message>
        <source>Amount in USD (e.g. 2400 or 2400.50):</source>
        <translation>Betrag in USD (z. B. 2400 oder 2400.50):</translation>
    </message>
    <message>
        <source>Won: %1 USD recorded.</source>
        <translation>Gewonnen: %1 USD erfasst.</translation>
    </message>
    <message>
        <source>Deal lost</source>
        <translation>Deal verloren</translation>
    </message>
    <message>
        <source>Why was it lost?</source>
        <translation>Warum ging er verloren?</translation>
    </message>
    <message>
        <source>Marked lost.</source>
        <translation>Als verloren markiert.</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Add a tag and press Enter</source>
        <translation>Tag eingeben und Eingabe drücken</translation>
    </message>
    <message>
        <source>Remove selected tag</source>
        <translation>Gewählten Tag entfernen</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>Write a note…</source>
        <translation>Eine Notiz schreiben…</translation>
    </message>
    <message>
        <source>Add note</source>
        <translation>Notiz hinzufügen</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Aktivität</translation>
    </message>
    <message>
        <source>&amp;Analyse website</source>
        <translation>Website &amp;analysieren</translation>
    </message>
    <message>
        <source>Read the lead's site and score it as a prospect: HTTPS, speed, mobile, age, technology, contacts, broken links</source>
        <translation>Die Website des Leads lesen und ihn bewerten: HTTPS, Geschwindigkeit, Mobilgeräte, Alter, Technik, Kontakte, defekte Links</translation>
    </message>
    <message>
        <source>Find &amp;contacts</source>
        <translation>&amp;Kontakte finden</translation>
    </message>
    <message>
        <source>Ask the enrichment providers (Settings → Integrations) for this business's e-mail, phone and details</source>
        <translation>Die Anreicherungsanbieter (Einstellungen → Integrationen) nach E-Mail, Telefon und Daten dieses Unternehmens fragen</translation>
    </message>
    <message>
        <source>&amp;Write email…</source>
        <translation>E-Mail &amp;schreiben…</translation>
    </message>
    <message>
        <source>Draft a personal email to this lead from its website's findings, with the AI (Settings → AI) or the offline writer</source>
        <translation>Eine persönliche E-Mail an diesen Lead aus den Website-Befunden entwerfen, mit der KI (Einstellungen → KI) oder dem Offline-Schreiber</translation>
    </message>
    <message>
        <source>&amp;Pitch ideas</source>
        <translation>&amp;Verkaufsideen</translation>
    </message>
    <message>
        <source>Summarise the website analysis and suggest what to pitch (Settings → AI)</source>
        <translation>Die Website-Analyse zusammenfassen und vorschlagen, was man anbieten kann (Einstellungen → KI)</translation>
    </message>
    <message>
        <source>Analyse the website first: the pitch ideas come from its findings.</source>
        <translation>Analysieren Sie zuerst die Website: Die Verkaufsideen kommen aus ihren Befunden.</translation>
    </message>
    <message>
        <source>Thinking…</source>
        <translation>Denkt nach…</translation>
    </message>
    <message>
        <source>Pitch ideas:</source>
        <translation>Verkaufsideen:</translation>
    </message>
    <message>
        <source>Pitch ideas</source>
        <translation>Verkaufsideen</translation>
    </message>
    <message>
        <source>Analysing…</source>
        <translation>Wird analysiert…</translation>
    </message>
    <message>
        <source>Asking…</source>
        <translation>Wird gefragt…</translation>
    </message>
    <message>
        <source>Nothing to check on this lead: add it in Details first.</source>
        <translation>Bei diesem Lead gibt es nichts zu prüfen: Tragen Sie es zuerst unter Details ein.</translation>
    </message>
    <message>
        <source>Contacts found: see Details.</source>
        <translation>Kontakte gefunden: siehe Details.</translation>
    </message>
    <message>
        <source>No contacts found: %1</source>
        <translation>Keine Kontakte gefunden: %1</translation>
    </message>
    <message>
        <source>No provider knew more about this business.</source>
        <translation>Kein Anbieter wusste mehr über dieses Unternehmen.</translation>
    </message>
    <message>
        <source>✓ valid</source>
        <translation>✓ gültig</translation>
    </message>
    <message>
        <source>⚠ risky</source>
        <translation>⚠ riskant</translation>
    </message>
    <message>
        <source>✗ invalid</source>
        <translation>✗ ungültig</translation>
    </message>
    <message>
        <source>system</source>
        <translation>System</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Gespeichert.</translation>
    </message>
    <message>
        <source>Segments…</source>
        <translation>Segmente…</translation>
    </message>
    <message>
        <source>Save segment</source>
        <translation>Segment speichern</translation>
    </message>
    <message>
        <source>Name of this filter:</source>
        <translation>Name dieses Filters:</translation>
    </message>
    <message>
        <source>Segment saved.</source>
        <translation>Segment gespeichert.</translation>
    </message>
    <message>
        <source>Export leads</source>
        <translation>Leads exportieren</translation>
    </message>
    <message>
        <source>CSV (*.csv);;JSON (*.json)</source>
        <translation>CSV (*.csv);;JSON (*.json)</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Exporting %1 leads…</source>
        <translation>%1 Leads werden exportiert…</translation>
    </message>
    <message>
        <source>Export cancelled; nothing was written.</source>
        <translation>Export abgebrochen; nichts wurde geschrieben.</translation>
    </message>
    <message>
        <source>Exported %1 leads to %2.</source>
        <translation>%1 Leads nach %2 exportiert.</translation>
    </message>
    <message>
        <source>Run a scrape</source>
        <translation>Einen Scrape starten</translation>
    </message>
    <message>
        <source>Add a lead</source>
        <translation>Einen Lead anlegen</translation>
    </message>
    <message>
        <source>Clear the filters</source>
        <translation>Filter zurücksetzen</translation>
    </message>
    <message>
        <source>No lead matches these filters</source>
        <translation>Kein Lead passt zu diesen Filtern</translation>
    </message>
    <message>
        <source>No leads yet</source>
        <translation>Noch keine Leads</translation>
    </message>
    <message>
        <source>Change or clear the filters to see more.</source>
        <translation>Ändern oder entfernen Sie die Filter, um mehr zu sehen.</translation>
    </message>
    <message>
        <source>Bring in the businesses you want to reach: import a spreadsheet or a CRM export, let the scraper find them on Craigslist or a directory, or add one by hand.</source>
        <translation>Holen Sie die Unternehmen herein, die Sie erreichen wollen: Importieren Sie eine Tabelle oder einen CRM-Export, lassen Sie den Scraper sie auf Craigslist oder in einem Verzeichnis finden, oder legen Sie einen von Hand an.</translation>
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
        <translation>Keine Aufträge aktiv</translation>
    </message>
    <message>
        <source>Jobs: %1 running, %2 waiting</source>
        <translation>Aufträge: %1 aktiv, %2 wartend</translation>
    </message>
    <message>
        <source>Signed in as %1</source>
        <translation>Angemeldet als %1</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>&amp;Gehe zu</translation>
    </message>
    <message>
        <source>&amp;Search…</source>
        <translation>&amp;Suchen…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>Open &amp;logs folder</source>
        <translation>&amp;Protokollordner öffnen</translation>
    </message>
    <message>
        <source>&amp;About FlipTech Pro</source>
        <translation>Ü&amp;ber FlipTech Pro</translation>
    </message>
    <message>
        <source>Show FlipTech Pro</source>
        <translation>FlipTech Pro anzeigen</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>Benachrichtigungen</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message numerus="yes">
        <source>Indexing imported leads: %n not searchable yet</source>
        <translation>
            <numerusform>Importierte Leads werden indiziert: %n noch nicht durchsuchbar</numerusform>
            <numerusform>Importierte Leads werden indiziert: %n noch nicht durchsuchbar</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Indexing imported leads: %n filter indexes to build</source>
        <translation>
            <numerusform>Importierte Leads werden indiziert: %n Filterindex fehlt noch</numerusform>
            <numerusform>Importierte Leads werden indiziert: %n Filterindizes fehlen noch</numerusform>
        </translation>
    </message>
    <message>
        <source>A large import puts its rows in first and builds their indexes afterwards, in the background. Until it is done, search does not find those leads and filters on them are slower.</source>
        <translation>Ein großer Import legt zuerst seine Zeilen an und baut danach im Hintergrund ihre Indizes. Bis dahin findet die Suche diese Leads nicht und Filter auf ihnen sind langsamer.</translation>
    </message>
</context>
<context>
    <name>fliptech::ui::NotificationBell</name>
    <message numerus="yes">
        <source>%n unread notification(s)</source>
        <translation>
            <numerusform>%n ungelesene Benachrichtigung</numerusform>
            <numerusform>%n ungelesene Benachrichtigungen</numerusform>
        </translation>
    </message>
    <message>
        <source>Notifications: nothing unread</source>
        <translation>Benachrichtigungen: nichts ungelesen</translation>
    </message>
</context>
<context>
    <name>fliptech::ui::NotificationList</name>
    <message>
        <source>&lt;b&gt;Notifications&lt;/b&gt;</source>
        <translation>&lt;b&gt;Benachrichtigungen&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Mark all read</source>
        <translation>Alle als gelesen markieren</translation>
    </message>
    <message>
        <source>Nothing yet. Replies, finished scrapes, campaign milestones and failures show here.</source>
        <translation>Noch nichts. Antworten, fertige Scrapes, Kampagnen-Meilensteine und Fehler erscheinen hier.</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>Could not read the notifications: %1</source>
        <translation>Die Benachrichtigungen konnten nicht gelesen werden: %1</translation>
    </message>
</context>
<context>
    <name>fliptech::ui::OverflowBar</name>
    <message>
        <source>More actions</source>
        <translation>Weitere Aktionen</translation>
    </message>
</context>
<context>
    <name>fliptech::ui::Pages</name>
    <message>
        <source>Dashboard</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <source>It will show today's leads, replies waiting, campaigns running and revenue at a glance.</source>
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
        <translation>Scraper</translation>
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
        <translation>Unterhaltungen</translation>
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
    <name>fliptech::ui::PeriodPicker</name>
    <message>
        <source>Last 30 days</source>
        <translation>Letzte 30 Tage</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Letzte 7 Tage</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>Dieser Monat</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>Letzter Monat</translation>
    </message>
    <message>
        <source>This quarter</source>
        <translation>Dieses Quartal</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>Dieses Jahr</translation>
    </message>
    <message>
        <source>Last 12 months</source>
        <translation>Letzte 12 Monate</translation>
    </message>
    <message>
        <source>Custom range…</source>
        <translation>Eigener Zeitraum…</translation>
    </message>
    <message>
        <source>First day</source>
        <translation>Erster Tag</translation>
    </message>
    <message>
        <source>Last day (included)</source>
        <translation>Letzter Tag (einschließlich)</translation>
    </message>
</context>
<context>
    <name>fliptech::ui::PipelinePage</name>
    <message>
        <source>Drag a deal to another stage. Won asks for the amount, lost for the reason.</source>
        <translation>Ziehen Sie einen Deal in eine andere Phase. Gewonnen fragt nach dem Betrag, verloren nach dem Grund.</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>F5</source>
        <translation>F5</translation>
    </message>
    <message>
        <source>1 deal</source>
        <translation>1 Deal</translation>
    </message>
    <message>
        <source>%1 deals</source>
        <translation>%1 Deals</translation>
    </message>
    <message>
        <source> · %1 (weighted %2 at %3 %)</source>
        <translation> · %1 (gewichtet %2 bei %3 %)</translation>
    </message>
    <message>
        <source>Deal won</source>
        <translation>Deal gewonnen</translation>
    </message>
    <message>
        <source>The amount won (e.g. 2500 or 2500.50):</source>
        <translation>Der gewonnene Betrag (z. B. 2500 oder 2500.50):</translation>
    </message>
    <message>
        <source>Not moved: no amount was given.</source>
        <translation>Nicht verschoben: Kein Betrag angegeben.</translation>
    </message>
    <message>
        <source>Deal lost</source>
        <translation>Deal verloren</translation>
    </message>
    <message>
        <source>Why was it lost?</source>
        <translation>Warum ging er verloren?</translation>
    </message>
    <message>
        <source>Not moved: no reason was given.</source>
        <translation>Nicht verschoben: Kein Grund angegeben.</translation>
    </message>
    <message>
        <source>Not moved: %1</source>
        <translation>Nicht verschoben: %1</translation>
    </message>
    <message>
        <source>%1 moved to %2.</source>
        <translation>%1 nach %2 verschoben.</translation>
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
    <name>fliptech::ui::RulesTab</name>
    <message>
        <source>Delete rule</source>
        <translation>Regel löschen</translation>
    </message>
    <message>
        <source>A rule waits for something to happen to a lead, checks its conditions, and does its actions in order — for example: when a lead from Austin arrives without a website, tag it, add a note and tell me. Rules act on what happens after they are saved; a rule's own changes set off rules at most 3 times in a row.</source>
        <translation>Eine Regel wartet darauf, dass mit einem Lead etwas passiert, prüft ihre Bedingungen und führt ihre Aktionen der Reihe nach aus — zum Beispiel: Wenn ein Lead aus Austin ohne Website ankommt, ihn taggen, eine Notiz hinzufügen und mich benachrichtigen. Regeln wirken auf das, was nach dem Speichern passiert; die eigenen Änderungen einer Regel lösen höchstens 3-mal hintereinander Regeln aus.</translation>
    </message>
    <message>
        <source>&amp;New rule</source>
        <translation>&amp;Neue Regel</translation>
    </message>
    <message>
        <source>Turn o&amp;ff</source>
        <translation>&amp;Ausschalten</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wenn</translation>
    </message>
    <message>
        <source>Does</source>
        <translation>Tut</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorität</translation>
    </message>
    <message>
        <source>On</source>
        <translation>An</translation>
    </message>
    <message>
        <source>What the selected rule did</source>
        <translation>Was die gewählte Regel getan hat</translation>
    </message>
    <message>
        <source>Lead</source>
        <translation>Lead</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>e.g. Austin leads without a website</source>
        <translation>z. B. Leads aus Austin ohne Website</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>&amp;When</source>
        <translation>&amp;Wenn</translation>
    </message>
    <message>
        <source>all of these are true</source>
        <translation>alle diese zutreffen</translation>
    </message>
    <message>
        <source>any of these is true</source>
        <translation>eine davon zutrifft</translation>
    </message>
    <message>
        <source>And</source>
        <translation>Und</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Test</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>This rule's conditions are nested groups (made through the API): they are kept as they are; the rows cannot show them.</source>
        <translation>Die Bedingungen dieser Regel sind verschachtelte Gruppen (über die API erstellt): Sie bleiben, wie sie sind; die Zeilen können sie nicht zeigen.</translation>
    </message>
    <message>
        <source>Add a &amp;condition</source>
        <translation>&amp;Bedingung hinzufügen</translation>
    </message>
    <message>
        <source>Remove it</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Then, in order</source>
        <translation>Dann, der Reihe nach</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Add an &amp;action</source>
        <translation>&amp;Aktion hinzufügen</translation>
    </message>
    <message>
        <source>Rules with a higher priority run first</source>
        <translation>Regeln mit höherer Priorität laufen zuerst</translation>
    </message>
    <message>
        <source>&amp;Priority</source>
        <translation>&amp;Priorität</translation>
    </message>
    <message>
        <source>When this rule acts, the rules after it do not</source>
        <translation>Wenn diese Regel wirkt, wirken die folgenden nicht</translation>
    </message>
    <message>
        <source>&amp;Save rule</source>
        <translation>Regel &amp;speichern</translation>
    </message>
    <message>
        <source>&amp;Try on the newest leads</source>
        <translation>An den neuesten Leads &amp;testen</translation>
    </message>
    <message>
        <source>A dry run of the saved rule on the 20 newest leads: which match, nothing changed</source>
        <translation>Ein Probelauf der gespeicherten Regel an den 20 neuesten Leads: welche passen, nichts wird geändert</translation>
    </message>
    <message>
        <source>Add at least one action: what the rule does.</source>
        <translation>Fügen Sie mindestens eine Aktion hinzu: was die Regel tut.</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nein</translation>
    </message>
    <message>
        <source>A new rule: when it runs, what must be true of the lead, and what it does.</source>
        <translation>Eine neue Regel: wann sie läuft, was für den Lead gelten muss und was sie tut.</translation>
    </message>
    <message>
        <source>Turn o&amp;n</source>
        <translation>&amp;Einschalten</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <source>Loop cut</source>
        <translation>Schleife unterbrochen</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Condition %1: %2</source>
        <translation>Bedingung %1: %2</translation>
    </message>
    <message>
        <source>Action %1: %2</source>
        <translation>Aktion %1: %2</translation>
    </message>
    <message>
        <source>Name: %1</source>
        <translation>Name: %1</translation>
    </message>
    <message>
        <source>Saved. It acts on what happens from now on; Try shows which of the newest leads it would match.</source>
        <translation>Gespeichert. Sie wirkt ab jetzt; Testen zeigt, welche der neuesten Leads sie träfe.</translation>
    </message>
    <message>
        <source>On: it acts on what happens from now on.</source>
        <translation>Eingeschaltet: Sie wirkt auf das, was ab jetzt passiert.</translation>
    </message>
    <message>
        <source>Off: it does nothing until turned on.</source>
        <translation>Ausgeschaltet: Sie tut nichts, bis sie eingeschaltet wird.</translation>
    </message>
    <message>
        <source>Delete the rule "%1" and the record of what it did?</source>
        <translation>Die Regel „%1“ und die Aufzeichnung ihrer Taten löschen?</translation>
    </message>
    <message>
        <source>Deleted "%1".</source>
        <translation>„%1“ gelöscht.</translation>
    </message>
    <message>
        <source>Save the rule first: the dry run tries the saved rule.</source>
        <translation>Speichern Sie die Regel zuerst: Der Probelauf testet die gespeicherte Regel.</translation>
    </message>
    <message>
        <source>%1 of the %2 newest leads match; nothing was changed.</source>
        <translation>%1 der %2 neuesten Leads passen; nichts wurde geändert.</translation>
    </message>
</context>
<context>
    <name>fliptech::ui::SchedulesTab</name>
    <message>
        <source>Delete schedule</source>
        <translation>Zeitplan löschen</translation>
    </message>
    <message>
        <source>Schedules run a task at the times you choose, in the time zone you choose — also while this window is closed, as long as FlipTech Pro or its server runs somewhere on this database. A run missed while nothing ran happens once at the next start, or is skipped, as you choose.</source>
        <translation>Zeitpläne führen eine Aufgabe zu den gewählten Zeiten in der gewählten Zeitzone aus — auch wenn dieses Fenster geschlossen ist, solange FlipTech Pro oder sein Server irgendwo auf dieser Datenbank läuft. Ein verpasster Lauf, während nichts lief, findet beim nächsten Start einmal statt oder wird übersprungen, wie Sie wählen.</translation>
    </message>
    <message>
        <source>&amp;New schedule</source>
        <translation>&amp;Neuer Zeitplan</translation>
    </message>
    <message>
        <source>Start a new schedule (Ctrl+N)</source>
        <translation>Einen neuen Zeitplan beginnen (Strg+N)</translation>
    </message>
    <message>
        <source>&amp;Run now</source>
        <translation>&amp;Jetzt ausführen</translation>
    </message>
    <message>
        <source>Run the selected schedule's task now, whatever its times say (Ctrl+R)</source>
        <translation>Die Aufgabe des gewählten Zeitplans jetzt ausführen, egal was seine Zeiten sagen (Strg+R)</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>&amp;Pausieren</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>Delete the selected schedule and its runs (Del)</source>
        <translation>Den gewählten Zeitplan und seine Läufe löschen (Entf)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Aufgabe</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wenn</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Zeitzone</translation>
    </message>
    <message>
        <source>Next run</source>
        <translation>Nächster Lauf</translation>
    </message>
    <message>
        <source>Last run</source>
        <translation>Letzter Lauf</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Runs of the selected schedule</source>
        <translation>Läufe des gewählten Zeitplans</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Warum</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Fällig</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Beendet</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>e.g. Verify new leads every night</source>
        <translation>z. B. Jede Nacht neue Leads prüfen</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>&amp;Task</source>
        <translation>&amp;Aufgabe</translation>
    </message>
    <message>
        <source>The leads the task acts on: a saved segment of the Leads page (up to 10,000 leads a run)</source>
        <translation>Die Leads, auf die die Aufgabe wirkt: ein gespeichertes Segment der Seite Leads (bis zu 10.000 Leads pro Lauf)</translation>
    </message>
    <message>
        <source>Leads</source>
        <translation>Leads</translation>
    </message>
    <message>
        <source>Each run repeats this scrape with the same sites, categories and keywords; leads already stored are updated</source>
        <translation>Jeder Lauf wiederholt diesen Scrape mit denselben Orten, Kategorien und Stichwörtern; bereits gespeicherte Leads werden aktualisiert</translation>
    </message>
    <message>
        <source>Repeat the scrape</source>
        <translation>Den Scrape wiederholen</translation>
    </message>
    <message>
        <source>Mailbox</source>
        <translation>Postfach</translation>
    </message>
    <message>
        <source>PDF report</source>
        <translation>PDF-Bericht</translation>
    </message>
    <message>
        <source>CSV (spreadsheet)</source>
        <translation>CSV (Tabelle)</translation>
    </message>
    <message>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <source> days before each run</source>
        <translation> Tage vor jedem Lauf</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <source> newest backups</source>
        <translation> neueste Sicherungen</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>Behalten</translation>
    </message>
    <message>
        <source>Webhook</source>
        <translation>Webhook</translation>
    </message>
    <message>
        <source>n8n workflow</source>
        <translation>n8n-Workflow</translation>
    </message>
    <message>
        <source>This task takes no settings.</source>
        <translation>Diese Aufgabe hat keine Einstellungen.</translation>
    </message>
    <message>
        <source>Every 15 minutes</source>
        <translation>Alle 15 Minuten</translation>
    </message>
    <message>
        <source>Every hour, at minute</source>
        <translation>Jede Stunde, zur Minute</translation>
    </message>
    <message>
        <source>Every day at</source>
        <translation>Jeden Tag um</translation>
    </message>
    <message>
        <source>Weekdays (Mon–Fri) at</source>
        <translation>Werktags (Mo–Fr) um</translation>
    </message>
    <message>
        <source>Every week on</source>
        <translation>Jede Woche am</translation>
    </message>
    <message>
        <source>Every month on day</source>
        <translation>Jeden Monat am Tag</translation>
    </message>
    <message>
        <source>Custom (cron expression)</source>
        <translation>Eigene (Cron-Ausdruck)</translation>
    </message>
    <message>
        <source>Days 29 to 31 do not come every month: use a custom expression for them</source>
        <translation>Die Tage 29 bis 31 gibt es nicht in jedem Monat: Verwenden Sie dafür einen eigenen Ausdruck</translation>
    </message>
    <message>
        <source>&amp;Repeats</source>
        <translation>&amp;Wiederholung</translation>
    </message>
    <message>
        <source>minute hour day-of-month month day-of-week, e.g. "30 2 * * 1-5"; names (MON, JAN), */15, lists and ranges; or @hourly, @daily, @weekly, @monthly</source>
        <translation>Minute Stunde Monatstag Monat Wochentag, z. B. "30 2 * * 1-5"; Namen (MON, JAN), */15, Listen und Bereiche; oder @hourly, @daily, @weekly, @monthly</translation>
    </message>
    <message>
        <source>Cron</source>
        <translation>Cron</translation>
    </message>
    <message>
        <source>Time &amp;zone</source>
        <translation>&amp;Zeitzone</translation>
    </message>
    <message>
        <source>Skip runs missed while FlipTech Pro was not running (otherwise: run once at the next start)</source>
        <translation>Läufe überspringen, die verpasst wurden, während FlipTech Pro nicht lief (sonst: einmal beim nächsten Start)</translation>
    </message>
    <message>
        <source>Next runs</source>
        <translation>Nächste Läufe</translation>
    </message>
    <message>
        <source>&amp;Save schedule</source>
        <translation>Zeitplan &amp;speichern</translation>
    </message>
    <message>
        <source>Save (Ctrl+S)</source>
        <translation>Speichern (Strg+S)</translation>
    </message>
    <message>
        <source>All leads</source>
        <translation>Alle Leads</translation>
    </message>
    <message>
        <source>No scrape yet: run one on the Scraper page first</source>
        <translation>Noch kein Scrape: Starten Sie zuerst einen auf der Seite Scraper</translation>
    </message>
    <message>
        <source>Every mailbox</source>
        <translation>Alle Postfächer</translation>
    </message>
    <message>
        <source>No webhook yet: add one on the Webhooks tab first</source>
        <translation>Noch kein Webhook: Fügen Sie zuerst einen im Tab Webhooks hinzu</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>No n8n workflow known yet: connect n8n on the Workflows tab first</source>
        <translation>Noch kein n8n-Workflow bekannt: Verbinden Sie zuerst n8n im Tab Workflows</translation>
    </message>
    <message>
        <source> — %1 here</source>
        <translation> — %1 hier</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Pausiert</translation>
    </message>
    <message>
        <source>Never run</source>
        <translation>Nie gelaufen</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nein</translation>
    </message>
    <message>
        <source>No schedule yet: choose a task and when it repeats on the right, then Save.</source>
        <translation>Noch kein Zeitplan: Wählen Sie rechts eine Aufgabe und ihre Wiederholung, dann Speichern.</translation>
    </message>
    <message>
        <source>Res&amp;ume</source>
        <translation>&amp;Fortsetzen</translation>
    </message>
    <message>
        <source>Run now</source>
        <translation>Jetzt ausführen</translation>
    </message>
    <message>
        <source>Missed, caught up</source>
        <translation>Verpasst, nachgeholt</translation>
    </message>
    <message>
        <source>On time</source>
        <translation>Pünktlich</translation>
    </message>
    <message>
        <source>A new schedule: name it, choose the task and when it repeats, then Save.</source>
        <translation>Ein neuer Zeitplan: Benennen Sie ihn, wählen Sie die Aufgabe und ihre Wiederholung, dann Speichern.</translation>
    </message>
    <message>
        <source>Saved (paused).</source>
        <translation>Gespeichert (pausiert).</translation>
    </message>
    <message>
        <source>Saved. Next run: %1.</source>
        <translation>Gespeichert. Nächster Lauf: %1.</translation>
    </message>
    <message>
        <source>Queued: the run shows below as it goes.</source>
        <translation>In der Warteschlange: Der Lauf erscheint unten, während er läuft.</translation>
    </message>
    <message>
        <source>Resumed: the next run counts from now.</source>
        <translation>Fortgesetzt: Der nächste Lauf zählt ab jetzt.</translation>
    </message>
    <message>
        <source>Paused: it runs again once resumed (or with Run now).</source>
        <translation>Pausiert: Er läuft wieder, sobald er fortgesetzt wird (oder mit Jetzt ausführen).</translation>
    </message>
    <message>
        <source>Delete the schedule "%1" and the record of its runs?</source>
        <translation>Den Zeitplan „%1“ und die Aufzeichnung seiner Läufe löschen?</translation>
    </message>
    <message>
        <source>Deleted "%1".</source>
        <translation>„%1“ gelöscht.</translation>
    </message>
</context>
<context>
    <name>fliptech::ui::ScraperPage</name>
    <message>
        <source>austin, dallas, houston</source>
        <translation>austin, dallas, houston</translation>
    </message>
    <message>
        <source>Craigslist sites, as in https://&lt;site&gt;.craigslist.org, separated by commas</source>
        <translation>Craigslist-Seiten wie in https://&lt;seite&gt;.craigslist.org, durch Kommas getrennt</translation>
    </message>
    <message>
        <source>no location group</source>
        <translation>keine Ortsgruppe</translation>
    </message>
    <message>
        <source>Scrape every location of a group too (groups are made on the Leads page's locations)</source>
        <translation>Auch jeden Ort einer Gruppe scrapen (Gruppen entstehen bei den Orten der Seite Leads)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>&amp;Sites</source>
        <translation>&amp;Seiten</translation>
    </message>
    <message>
        <source>Ctrl+click to scrape several categories at once (up to 10)</source>
        <translation>Strg+Klick, um mehrere Kategorien auf einmal zu scrapen (bis zu 10)</translation>
    </message>
    <message>
        <source>&amp;Categories</source>
        <translation>&amp;Kategorien</translation>
    </message>
    <message>
        <source>keywords (optional), e.g. plumber</source>
        <translation>Stichwörter (optional), z. B. Klempner</translation>
    </message>
    <message>
        <source>&amp;Keywords</source>
        <translation>&amp;Stichwörter</translation>
    </message>
    <message>
        <source>Posted &amp;today</source>
        <translation>&amp;Heute veröffentlicht</translation>
    </message>
    <message>
        <source>Has &amp;image</source>
        <translation>Mit &amp;Bild</translation>
    </message>
    <message>
        <source>Obey &amp;robots.txt</source>
        <translation>&amp;robots.txt beachten</translation>
    </message>
    <message>
        <source>Read each &amp;posting (phone, e-mail, text)</source>
        <translation>Jede &amp;Anzeige lesen (Telefon, E-Mail, Text)</translation>
    </message>
    <message>
        <source>Fetch every new listing's page too: slower, but the lead gets its contacts</source>
        <translation>Auch die Seite jeder neuen Anzeige abrufen: langsamer, aber der Lead bekommt seine Kontakte</translation>
    </message>
    <message>
        <source>Result pages to read for each site and category (120 listings a page)</source>
        <translation>Ergebnisseiten pro Seite und Kategorie (120 Anzeigen pro Seite)</translation>
    </message>
    <message>
        <source>&amp;Pages per search</source>
        <translation>&amp;Seiten pro Suche</translation>
    </message>
    <message>
        <source>&amp;Run now</source>
        <translation>&amp;Jetzt ausführen</translation>
    </message>
    <message>
        <source>Start the scrape (Ctrl+Return)</source>
        <translation>Den Scrape starten (Strg+Eingabe)</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>Auftrag</translation>
    </message>
    <message>
        <source>Searches</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Seiten</translation>
    </message>
    <message>
        <source>Leads found</source>
        <translation>Gefundene Leads</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>&amp;Pausieren</translation>
    </message>
    <message>
        <source>Stop after the pages being fetched; Resume goes on from there</source>
        <translation>Nach den gerade abgerufenen Seiten anhalten; Fortsetzen macht dort weiter</translation>
    </message>
    <message>
        <source>Res&amp;ume</source>
        <translation>&amp;Fortsetzen</translation>
    </message>
    <message>
        <source>Go on from where the scrape stopped (pages stored are not fetched again)</source>
        <translation>Dort weitermachen, wo der Scrape anhielt (gespeicherte Seiten werden nicht erneut abgerufen)</translation>
    </message>
    <message>
        <source>Retry &amp;failed pages</source>
        <translation>&amp;Fehlgeschlagene Seiten wiederholen</translation>
    </message>
    <message>
        <source>Fetch the pages that failed again</source>
        <translation>Die fehlgeschlagenen Seiten erneut abrufen</translation>
    </message>
    <message>
        <source>&amp;Cancel job</source>
        <translation>Auftrag &amp;abbrechen</translation>
    </message>
    <message>
        <source>Stop the scrape for good (it can still be resumed)</source>
        <translation>Den Scrape endgültig stoppen (er kann noch fortgesetzt werden)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Scrape jobs&lt;/b&gt;</source>
        <translation>&lt;b&gt;Scrape-Aufträge&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Businesses advertising services are the leads: each listing becomes a lead (source craigslist); a listing found again updates its lead.</source>
        <translation>Unternehmen, die Dienstleistungen anbieten, sind die Leads: Jede Anzeige wird zu einem Lead (Quelle craigslist); eine erneut gefundene Anzeige aktualisiert ihren Lead.</translation>
    </message>
    <message>
        <source>Craigslist</source>
        <translation>Craigslist</translation>
    </message>
    <message>
        <source>Custom URL</source>
        <translation>Eigene URL</translation>
    </message>
    <message>
        <source>Any page that lists businesses: a recipe says how to read it</source>
        <translation>Jede Seite, die Unternehmen auflistet: Ein Rezept sagt, wie sie zu lesen ist</translation>
    </message>
    <message>
        <source>Lead</source>
        <translation>Lead</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Found at</source>
        <translation>Gefunden auf</translation>
    </message>
    <message>
        <source>&lt;b&gt;Leads found&lt;/b&gt; (select a job)</source>
        <translation>&lt;b&gt;Gefundene Leads&lt;/b&gt; (Auftrag wählen)</translation>
    </message>
    <message>
        <source>Name at least one Craigslist site, e.g. austin, or choose a location group.</source>
        <translation>Nennen Sie mindestens eine Craigslist-Seite, z. B. austin, oder wählen Sie eine Ortsgruppe.</translation>
    </message>
    <message>
        <source>Choose at least one category.</source>
        <translation>Wählen Sie mindestens eine Kategorie.</translation>
    </message>
    <message>
        <source>Scrape %1 started.</source>
        <translation>Scrape %1 gestartet.</translation>
    </message>
    <message>
        <source>Scrape %1 pauses after the pages it is fetching.</source>
        <translation>Scrape %1 pausiert nach den Seiten, die er gerade abruft.</translation>
    </message>
    <message>
        <source>Scrape %1 goes on.</source>
        <translation>Scrape %1 läuft weiter.</translation>
    </message>
    <message>
        <source>Scrape %1 fetches its failed pages again.</source>
        <translation>Scrape %1 ruft seine fehlgeschlagenen Seiten erneut ab.</translation>
    </message>
    <message>
        <source>Scrape %1: cancel asked.</source>
        <translation>Scrape %1: Abbruch angefordert.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Leads found by scrape %1&lt;/b&gt; (newest first)</source>
        <translation>&lt;b&gt;Von Scrape %1 gefundene Leads&lt;/b&gt; (neueste zuerst)</translation>
    </message>
</context>
<context>
    <name>fliptech::ui::SearchPalette</name>
    <message>
        <source>Go to…</source>
        <translation>Gehe zu…</translation>
    </message>
    <message>
        <source>Search leads, campaigns and conversations</source>
        <translation>Leads, Kampagnen und Unterhaltungen suchen</translation>
    </message>
    <message numerus="yes">
        <source>%n imported leads are still being indexed and are not found yet.</source>
        <translation>
            <numerusform>%n importierter Lead wird noch indiziert und noch nicht gefunden.</numerusform>
            <numerusform>%n importierte Leads werden noch indiziert und noch nicht gefunden.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fliptech::ui::SenderSettings</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Sends from</source>
        <translation>Sendet von</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <source>Today's cap</source>
        <translation>Heutiges Limit</translation>
    </message>
    <message>
        <source>Password / key</source>
        <translation>Passwort / Schlüssel</translation>
    </message>
    <message>
        <source>e.g. Sam's Gmail</source>
        <translation>z. B. Sams Gmail</translation>
    </message>
    <message>
        <source>sam@yourstudio.com</source>
        <translation>sam@ihrstudio.de</translation>
    </message>
    <message>
        <source>Sam from Your Studio</source>
        <translation>Sam von Ihr Studio</translation>
    </message>
    <message>
        <source>SMTP mailbox</source>
        <translation>SMTP-Postfach</translation>
    </message>
    <message>
        <source>SendGrid</source>
        <translation>SendGrid</translation>
    </message>
    <message>
        <source>Mailgun</source>
        <translation>Mailgun</translation>
    </message>
    <message>
        <source>smtp.gmail.com</source>
        <translation>smtp.gmail.com</translation>
    </message>
    <message>
        <source>STARTTLS (port 587)</source>
        <translation>STARTTLS (Port 587)</translation>
    </message>
    <message>
        <source>TLS (port 465)</source>
        <translation>TLS (Port 465)</translation>
    </message>
    <message>
        <source>None (a local relay only)</source>
        <translation>Keine (nur ein lokales Relay)</translation>
    </message>
    <message>
        <source>usually the address itself</source>
        <translation>meist die Adresse selbst</translation>
    </message>
    <message>
        <source>the provider's own (leave empty)</source>
        <translation>die des Anbieters (leer lassen)</translation>
    </message>
    <message>
        <source>mg.yourstudio.com</source>
        <translation>mg.ihrstudio.de</translation>
    </message>
    <message>
        <source> a day</source>
        <translation> pro Tag</translation>
    </message>
    <message>
        <source> an hour</source>
        <translation> pro Stunde</translation>
    </message>
    <message>
        <source> s between sends</source>
        <translation> s zwischen Sendungen</translation>
    </message>
    <message>
        <source> on day one</source>
        <translation> am ersten Tag</translation>
    </message>
    <message>
        <source>no ramp</source>
        <translation>ohne Anstieg</translation>
    </message>
    <message>
        <source> more each day</source>
        <translation> mehr jeden Tag</translation>
    </message>
    <message>
        <source>imap.gmail.com (where bounces come back)</source>
        <translation>imap.gmail.com (wo Bounces zurückkommen)</translation>
    </message>
    <message>
        <source>TLS (port 993)</source>
        <translation>TLS (Port 993)</translation>
    </message>
    <message>
        <source>STARTTLS (port 143)</source>
        <translation>STARTTLS (Port 143)</translation>
    </message>
    <message>
        <source>None (a local server only)</source>
        <translation>Keine (nur ein lokaler Server)</translation>
    </message>
    <message>
        <source>the SMTP user when empty</source>
        <translation>der SMTP-Benutzer, wenn leer</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>the default</source>
        <translation>die Vorgabe</translation>
    </message>
    <message>
        <source>How often the inbox is read for replies: the default (every few minutes), a number of minutes, or 0 for only when you press Check mail</source>
        <translation>Wie oft der Posteingang nach Antworten gelesen wird: die Vorgabe (alle paar Minuten), eine Anzahl Minuten oder 0 für nur beim Klick auf E-Mails abrufen</translation>
    </message>
    <message>
        <source>Sender name</source>
        <translation>Absendername</translation>
    </message>
    <message>
        <source>SMTP server</source>
        <translation>SMTP-Server</translation>
    </message>
    <message>
        <source>User, password</source>
        <translation>Benutzer, Passwort</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API-Schlüssel</translation>
    </message>
    <message>
        <source>API address</source>
        <translation>API-Adresse</translation>
    </message>
    <message>
        <source>Mailgun domain</source>
        <translation>Mailgun-Domain</translation>
    </message>
    <message>
        <source>Limits</source>
        <translation>Limits</translation>
    </message>
    <message>
        <source>Warm-up</source>
        <translation>Aufwärmen</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Zeitzone</translation>
    </message>
    <message>
        <source>Mailbox (IMAP): replies and bounces</source>
        <translation>Postfach (IMAP): Antworten und Bounces</translation>
    </message>
    <message>
        <source>Read the inbox every</source>
        <translation>Posteingang lesen alle</translation>
    </message>
    <message>
        <source>&amp;New account</source>
        <translation>&amp;Neues Konto</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>Verbindung &amp;testen</translation>
    </message>
    <message>
        <source>Connect and sign in as a send would; nothing is sent</source>
        <translation>Verbinden und anmelden wie beim Senden; nichts wird gesendet</translation>
    </message>
    <message>
        <source>Check &amp;domain</source>
        <translation>&amp;Domain prüfen</translation>
    </message>
    <message>
        <source>Look up the sending domain's SPF, DKIM and DMARC records and say what is missing</source>
        <translation>Die SPF-, DKIM- und DMARC-Einträge der Absenderdomain nachschlagen und sagen, was fehlt</translation>
    </message>
    <message>
        <source>Check &amp;bounces</source>
        <translation>&amp;Bounces prüfen</translation>
    </message>
    <message>
        <source>Read the bounce mailbox now: bounced addresses are suppressed and their campaign recipients marked</source>
        <translation>Das Bounce-Postfach jetzt lesen: Gebouncte Adressen werden gesperrt und ihre Kampagnenempfänger markiert</translation>
    </message>
    <message>
        <source>✓ Read %1 new message(s): %2 bounce(s), %3 matched to campaign messages.</source>
        <translation>✓ %1 neue Nachricht(en) gelesen: %2 Bounce(s), %3 Kampagnennachrichten zugeordnet.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Sender accounts&lt;/b&gt;: the mailboxes campaigns send from. A new mailbox should warm up: a few messages on day one, a few more each day.</source>
        <translation>&lt;b&gt;Absenderkonten&lt;/b&gt;: die Postfächer, aus denen Kampagnen senden. Ein neues Postfach sollte sich aufwärmen: wenige Nachrichten am ersten Tag, jeden Tag ein paar mehr.</translation>
    </message>
    <message>
        <source>Only an admin can add or change sender accounts.</source>
        <translation>Nur ein Administrator kann Absenderkonten hinzufügen oder ändern.</translation>
    </message>
    <message>
        <source>set</source>
        <translation>gesetzt</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>fehlt</translation>
    </message>
    <message>
        <source>unchanged (type to replace)</source>
        <translation>unverändert (tippen zum Ersetzen)</translation>
    </message>
    <message>
        <source>password</source>
        <translation>Passwort</translation>
    </message>
    <message numerus="yes">
        <source>Saved. Today it may send %n message(s).</source>
        <translation>
            <numerusform>Gespeichert. Heute darf es %n Nachricht senden.</numerusform>
            <numerusform>Gespeichert. Heute darf es %n Nachrichten senden.</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete sender account</source>
        <translation>Absenderkonto löschen</translation>
    </message>
    <message>
        <source>Delete "%1" and its password?</source>
        <translation>„%1“ und sein Passwort löschen?</translation>
    </message>
    <message>
        <source>Deleted.</source>
        <translation>Gelöscht.</translation>
    </message>
    <message>
        <source>Looking the domain up…</source>
        <translation>Domain wird nachgeschlagen…</translation>
    </message>
    <message>
        <source>Reading the bounce mailbox…</source>
        <translation>Bounce-Postfach wird gelesen…</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>Wird getestet…</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbindung wird aufgebaut…</translation>
    </message>
</context>
<context>
    <name>fliptech::ui::SettingsPage</name>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>API keys</source>
        <translation>API-Schlüssel</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>https://… (an image address)</source>
        <translation>https://… (eine Bildadresse)</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>&amp;Time zone</source>
        <translation>&amp;Zeitzone</translation>
    </message>
    <message>
        <source>&amp;Avatar</source>
        <translation>&amp;Avatar</translation>
    </message>
    <message>
        <source>Save profile</source>
        <translation>Profil speichern</translation>
    </message>
    <message>
        <source>Change password</source>
        <translation>Passwort ändern</translation>
    </message>
    <message>
        <source>Current password</source>
        <translation>Aktuelles Passwort</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>Neues Passwort</translation>
    </message>
    <message>
        <source>Repeat new password</source>
        <translation>Neues Passwort wiederholen</translation>
    </message>
    <message>
        <source>Profile saved.</source>
        <translation>Profil gespeichert.</translation>
    </message>
    <message>
        <source>The two new passwords differ.</source>
        <translation>Die beiden neuen Passwörter sind verschieden.</translation>
    </message>
    <message>
        <source>Password changed. Other sign-ins were ended.</source>
        <translation>Passwort geändert. Andere Anmeldungen wurden beendet.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Key starts with</source>
        <translation>Schlüssel beginnt mit</translation>
    </message>
    <message>
        <source>Last used</source>
        <translation>Zuletzt verwendet</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Läuft ab</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Name of the new key, e.g. Zapier</source>
        <translation>Name des neuen Schlüssels, z. B. Zapier</translation>
    </message>
    <message>
        <source>Create key</source>
        <translation>Schlüssel erstellen</translation>
    </message>
    <message>
        <source>Revoke…</source>
        <translation>Widerrufen…</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Copied. Store it somewhere safe: it will not be shown again.</source>
        <translation>Kopiert. Bewahren Sie ihn sicher auf: Er wird nicht wieder angezeigt.</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>Key "%1" created. Copy it now: it is shown only once.</source>
        <translation>Schlüssel „%1“ erstellt. Kopieren Sie ihn jetzt: Er wird nur einmal angezeigt.</translation>
    </message>
    <message>
        <source>Select a key to revoke.</source>
        <translation>Wählen Sie einen Schlüssel zum Widerrufen.</translation>
    </message>
    <message>
        <source>Revoke API key</source>
        <translation>API-Schlüssel widerrufen</translation>
    </message>
    <message>
        <source>Revoke "%1"? Anything using it stops working at once.</source>
        <translation>„%1“ widerrufen? Alles, was ihn nutzt, funktioniert sofort nicht mehr.</translation>
    </message>
    <message>
        <source>Key "%1" revoked.</source>
        <translation>Schlüssel „%1“ widerrufen.</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Last sign-in</source>
        <translation>Letzte Anmeldung</translation>
    </message>
    <message>
        <source>Set role</source>
        <translation>Rolle setzen</translation>
    </message>
    <message>
        <source>Deactivate / reactivate</source>
        <translation>Deaktivieren / reaktivieren</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Löschen…</translation>
    </message>
    <message>
        <source>Add a teammate</source>
        <translation>Teammitglied hinzufügen</translation>
    </message>
    <message>
        <source>First password</source>
        <translation>Erstes Passwort</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>%1 can now sign in.</source>
        <translation>%1 kann sich jetzt anmelden.</translation>
    </message>
    <message>
        <source>Select an account first.</source>
        <translation>Wählen Sie zuerst ein Konto.</translation>
    </message>
    <message>
        <source>%1 updated.</source>
        <translation>%1 aktualisiert.</translation>
    </message>
    <message>
        <source>Delete account</source>
        <translation>Konto löschen</translation>
    </message>
    <message>
        <source>Delete %1? Their leads and notes stay; the account cannot sign in again.</source>
        <translation>%1 löschen? Leads und Notizen bleiben; das Konto kann sich nicht mehr anmelden.</translation>
    </message>
    <message>
        <source>%1 deleted.</source>
        <translation>%1 gelöscht.</translation>
    </message>
    <message>
        <source>Choose image…</source>
        <translation>Bild wählen…</translation>
    </message>
    <message>
        <source>Avatar</source>
        <translation>Avatar</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.gif *.webp)</source>
        <translation>Bilder (*.png *.jpg *.jpeg *.gif *.webp)</translation>
    </message>
    <message>
        <source>Temporary password (they choose their own at the next sign-in)</source>
        <translation>Vorläufiges Passwort (bei der nächsten Anmeldung wählt die Person ein eigenes)</translation>
    </message>
    <message>
        <source>Set temporary password</source>
        <translation>Vorläufiges Passwort setzen</translation>
    </message>
    <message>
        <source>Temporary password</source>
        <translation>Vorläufiges Passwort</translation>
    </message>
    <message>
        <source>Also revoke the API keys of %1? (Their sign-ins end either way.)</source>
        <translation>Auch die API-Schlüssel von %1 widerrufen? (Die Anmeldungen enden so oder so.)</translation>
    </message>
    <message>
        <source>%1 has a temporary password; they will choose their own when they sign in.</source>
        <translation>%1 hat ein vorläufiges Passwort und wählt bei der Anmeldung ein eigenes.</translation>
    </message>
    <message>
        <source>Cannot read %1.</source>
        <translation>%1 kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>Integrations</source>
        <translation>Integrationen</translation>
    </message>
    <message>
        <source>Sender accounts</source>
        <translation>Absenderkonten</translation>
    </message>
    <message>
        <source>AI</source>
        <translation>KI</translation>
    </message>
    <message>
        <source>Usage</source>
        <translation>Nutzung</translation>
    </message>
    <message>
        <source>Application</source>
        <translation>Anwendung</translation>
    </message>
</context>
<context>
    <name>fliptech::ui::ShortcutsDialog</name>
    <message>
        <source>Everywhere</source>
        <translation>Überall</translation>
    </message>
    <message>
        <source>Open the notifications</source>
        <translation>Die Benachrichtigungen öffnen</translation>
    </message>
    <message>
        <source>Leads</source>
        <translation>Leads</translation>
    </message>
    <message>
        <source>Reload the list</source>
        <translation>Die Liste neu laden</translation>
    </message>
    <message>
        <source>Search the list</source>
        <translation>In der Liste suchen</translation>
    </message>
    <message>
        <source>Save the lead's details</source>
        <translation>Die Details des Leads speichern</translation>
    </message>
    <message>
        <source>Scraper</source>
        <translation>Scraper</translation>
    </message>
    <message>
        <source>Run the scrape now</source>
        <translation>Den Scrape jetzt starten</translation>
    </message>
    <message>
        <source>Campaigns</source>
        <translation>Kampagnen</translation>
    </message>
    <message>
        <source>New campaign</source>
        <translation>Neue Kampagne</translation>
    </message>
    <message>
        <source>Templates</source>
        <translation>Vorlagen</translation>
    </message>
    <message>
        <source>Save the template</source>
        <translation>Die Vorlage speichern</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>Unterhaltungen</translation>
    </message>
    <message>
        <source>Check mail now</source>
        <translation>Jetzt E-Mails abrufen</translation>
    </message>
    <message>
        <source>Suggest a reply</source>
        <translation>Eine Antwort vorschlagen</translation>
    </message>
    <message>
        <source>Send the reply</source>
        <translation>Die Antwort senden</translation>
    </message>
    <message>
        <source>Archive the conversation</source>
        <translation>Die Unterhaltung archivieren</translation>
    </message>
    <message>
        <source>Automation</source>
        <translation>Automatisierung</translation>
    </message>
    <message>
        <source>New schedule, rule or webhook</source>
        <translation>Neuer Zeitplan, neue Regel oder neuer Webhook</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Run the schedule now</source>
        <translation>Den Zeitplan jetzt ausführen</translation>
    </message>
    <message>
        <source>Approve the selected request</source>
        <translation>Die gewählte Anfrage genehmigen</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <source>Refresh the figures</source>
        <translation>Die Zahlen aktualisieren</translation>
    </message>
    <message>
        <source>Custom URL</source>
        <translation>Eigene URL</translation>
    </message>
    <message>
        <source>Save the recipe</source>
        <translation>Das Rezept speichern</translation>
    </message>
    <message>
        <source>AI writer</source>
        <translation>KI-Schreiber</translation>
    </message>
    <message>
        <source>Write the email</source>
        <translation>Die E-Mail schreiben</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Tasten</translation>
    </message>
    <message>
        <source>Analytics</source>
        <translation>Auswertung</translation>
    </message>
    <message>
        <source>Copy the selected rows</source>
        <translation>Gewählte Zeilen kopieren</translation>
    </message>
    <message>
        <source>Open the row's leads</source>
        <translation>Die Leads der Zeile öffnen</translation>
    </message>
</context>
<context>
    <name>fliptech::ui::SignInDialog</name>
    <message>
        <source>Sign in to FlipTech Pro</source>
        <translation>Bei FlipTech Pro anmelden</translation>
    </message>
    <message>
        <source>&amp;Email</source>
        <translation>&amp;E-Mail</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>&amp;Passwort</translation>
    </message>
    <message>
        <source>&amp;Remember me on this computer</source>
        <translation>Auf diesem Computer &amp;angemeldet bleiben</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
</context>
<context>
    <name>fliptech::ui::StageColumn</name>
    <message>
        <source>closes %1</source>
        <translation>Abschluss %1</translation>
    </message>
    <message>
        <source>Drag to another stage; double-click to open the lead</source>
        <translation>In eine andere Phase ziehen; Doppelklick öffnet den Lead</translation>
    </message>
    <message>
        <source>and %1 more</source>
        <translation>und %1 weitere</translation>
    </message>
</context>
<context>
    <name>fliptech::ui::TemplatesPage</name>
    <message>
        <source>Search templates</source>
        <translation>Vorlagen suchen</translation>
    </message>
    <message>
        <source>Active only</source>
        <translation>Nur aktive</translation>
    </message>
    <message>
        <source>&amp;New template</source>
        <translation>&amp;Neue Vorlage</translation>
    </message>
    <message>
        <source>e.g. Outdated website — first touch</source>
        <translation>z. B. Veraltete Website — erster Kontakt</translation>
    </message>
    <message>
        <source>e.g. cold, follow-up</source>
        <translation>z. B. kalt, Nachfassen</translation>
    </message>
    <message>
        <source>Active (campaigns can use it)</source>
        <translation>Aktiv (Kampagnen können sie verwenden)</translation>
    </message>
    <message>
        <source>{Quick question|Idea} for {{company|your business}}</source>
        <translation>{Kurze Frage|Eine Idee} für {{company|Ihr Unternehmen}}</translation>
    </message>
    <message>
        <source>&lt;p&gt;{Hi|Hello} {{first_name|there}},&lt;/p&gt;
&lt;p&gt;I looked at {{company}}'s website{{#if city}} in {{city}}{{/if}} …&lt;/p&gt;</source>
        <translation>&lt;p&gt;{Hallo|Guten Tag} {{first_name|}},&lt;/p&gt;
&lt;p&gt;ich habe mir die Website von {{company}}{{#if city}} in {{city}}{{/if}} angesehen …&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Left empty, the plain-text version is made from the HTML body.</source>
        <translation>Bleibt es leer, entsteht die Textversion aus dem HTML-Text.</translation>
    </message>
    <message>
        <source>HTML body</source>
        <translation>HTML-Text</translation>
    </message>
    <message>
        <source>Plain text</source>
        <translation>Reiner Text</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <source>&amp;Subject</source>
        <translation>&amp;Betreff</translation>
    </message>
    <message>
        <source>&amp;Go to mistake</source>
        <translation>Zum &amp;Fehler</translation>
    </message>
    <message>
        <source>Double-click to insert into the field you are editing</source>
        <translation>Doppelklick fügt in das Feld ein, das Sie bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Insert</source>
        <translation>&amp;Einfügen</translation>
    </message>
    <message>
        <source>Preview for this lead (the newest 50)</source>
        <translation>Vorschau für diesen Lead (die neuesten 50)</translation>
    </message>
    <message>
        <source>As HTML</source>
        <translation>Als HTML</translation>
    </message>
    <message>
        <source>As plain text</source>
        <translation>Als reiner Text</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>Save the template (Ctrl+S)</source>
        <translation>Die Vorlage speichern (Strg+S)</translation>
    </message>
    <message>
        <source>D&amp;uplicate</source>
        <translation>D&amp;uplizieren</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>Copied as "%1" (inactive until you switch it on).</source>
        <translation>Als „%1“ kopiert (inaktiv, bis Sie sie einschalten).</translation>
    </message>
    <message>
        <source>Delete template</source>
        <translation>Vorlage löschen</translation>
    </message>
    <message>
        <source>Delete "%1"?</source>
        <translation>„%1“ löschen?</translation>
    </message>
    <message>
        <source>Template deleted.</source>
        <translation>Vorlage gelöscht.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Variables&lt;/b&gt;</source>
        <translation>&lt;b&gt;Variablen&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Preview for&lt;/b&gt;</source>
        <translation>&lt;b&gt;Vorschau für&lt;/b&gt;</translation>
    </message>
    <message>
        <source>your address</source>
        <translation>Ihre Adresse</translation>
    </message>
    <message>
        <source>Send &amp;test</source>
        <translation>&amp;Test senden</translation>
    </message>
    <message>
        <source>Send the saved template, as the lead above would get it, to your address</source>
        <translation>Die gespeicherte Vorlage so, wie der Lead oben sie erhielte, an Ihre Adresse senden</translation>
    </message>
    <message>
        <source>&lt;b&gt;Test&lt;/b&gt;</source>
        <translation>&lt;b&gt;Test&lt;/b&gt;</translation>
    </message>
    <message>
        <source>inactive</source>
        <translation>inaktiv</translation>
    </message>
    <message>
        <source>No templates yet: write the first with New template.</source>
        <translation>Noch keine Vorlagen: Schreiben Sie die erste mit Neue Vorlage.</translation>
    </message>
    <message>
        <source>No template matches.</source>
        <translation>Keine Vorlage passt.</translation>
    </message>
    <message>
        <source>a sample lead (Ann, Ann's Bakery, Austin)</source>
        <translation>ein Beispiel-Lead (Ann, Ann's Bakery, Austin)</translation>
    </message>
    <message>
        <source>Write the message in the HTML body, the plain text, or both.</source>
        <translation>Schreiben Sie die Nachricht im HTML-Text, im reinen Text oder in beiden.</translation>
    </message>
    <message>
        <source>you</source>
        <translation>Sie</translation>
    </message>
    <message>
        <source>the sender</source>
        <translation>der Absender</translation>
    </message>
    <message>
        <source>✓ Ready to save. Variables: %1</source>
        <translation>✓ Bereit zum Speichern. Variablen: %1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>&lt;b&gt;Subject:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Betreff:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>Empty for this lead: %1 (add a fallback: {{name|…}})</source>
        <translation>Leer für diesen Lead: %1 (fügen Sie einen Ersatzwert hinzu: {{name|…}})</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Gespeichert.</translation>
    </message>
    <message>
        <source>Save the template first: the test sends what is saved.</source>
        <translation>Speichern Sie die Vorlage zuerst: Der Test sendet das Gespeicherte.</translation>
    </message>
    <message>
        <source>Add a sender account in Settings → Sender accounts first.</source>
        <translation>Fügen Sie zuerst ein Absenderkonto unter Einstellungen → Absenderkonten hinzu.</translation>
    </message>
    <message>
        <source>Sending the test…</source>
        <translation>Test wird gesendet…</translation>
    </message>
</context>
<context>
    <name>fliptech::ui::UsageSettings</name>
    <message>
        <source>What the workspace used, and the limits on it. At a limit, scrapes pause, enrichment and AI requests are refused with the limit named, and campaign e-mails wait until the day (or month) turns. AI spend has its own budgets in the AI tab.</source>
        <translation>Was der Arbeitsbereich verbraucht hat und seine Limits. An einem Limit pausieren Scrapes, Anreicherungs- und KI-Anfragen werden mit Nennung des Limits abgelehnt, und Kampagnen-E-Mails warten, bis der Tag (oder Monat) wechselt. KI-Ausgaben haben eigene Budgets im Tab KI.</translation>
    </message>
    <message>
        <source>Use</source>
        <translation>Nutzung</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>Dieser Monat</translation>
    </message>
    <message>
        <source>Daily limit</source>
        <translation>Tageslimit</translation>
    </message>
    <message>
        <source>Monthly limit</source>
        <translation>Monatslimit</translation>
    </message>
    <message>
        <source>Left today</source>
        <translation>Heute übrig</translation>
    </message>
    <message>
        <source>Days are counted in</source>
        <translation>Tage werden gezählt in</translation>
    </message>
    <message>
        <source>&amp;Save limits</source>
        <translation>Limits &amp;speichern</translation>
    </message>
    <message>
        <source>Only an administrator can change the limits</source>
        <translation>Nur ein Administrator kann die Limits ändern</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>The last 14 days</source>
        <translation>Die letzten 14 Tage</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>Limits saved.</source>
        <translation>Limits gespeichert.</translation>
    </message>
</context>
<context>
    <name>fliptech::ui::WebhooksTab</name>
    <message>
        <source>Delete webhook</source>
        <translation>Webhook löschen</translation>
    </message>
    <message>
        <source>A webhook sends what happens here (a new lead, a reply, a finished scrape...) to another system as a signed POST: a CRM, Zapier, n8n, your own server. Failed deliveries are retried for a while; a webhook that keeps failing turns itself off and tells you.</source>
        <translation>Ein Webhook sendet, was hier passiert (ein neuer Lead, eine Antwort, ein fertiger Scrape...), als signierten POST an ein anderes System: ein CRM, Zapier, n8n, Ihren eigenen Server. Fehlgeschlagene Zustellungen werden eine Weile wiederholt; ein Webhook, der immer wieder scheitert, schaltet sich ab und sagt es Ihnen.</translation>
    </message>
    <message>
        <source>&amp;New webhook</source>
        <translation>&amp;Neuer Webhook</translation>
    </message>
    <message>
        <source>Send a &amp;test</source>
        <translation>&amp;Test senden</translation>
    </message>
    <message>
        <source>Send a signed "ping" to the selected webhook now and show what it answered</source>
        <translation>Jetzt einen signierten „Ping“ an den gewählten Webhook senden und seine Antwort zeigen</translation>
    </message>
    <message>
        <source>Turn o&amp;ff</source>
        <translation>&amp;Ausschalten</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Ereignisse</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Last delivery</source>
        <translation>Letzte Zustellung</translation>
    </message>
    <message>
        <source>Deliveries of the selected webhook (every attempt)</source>
        <translation>Zustellungen des gewählten Webhooks (jeder Versuch)</translation>
    </message>
    <message>
        <source>&amp;Redeliver</source>
        <translation>&amp;Erneut zustellen</translation>
    </message>
    <message>
        <source>Send the selected delivery again, with a new timestamp and signature</source>
        <translation>Die gewählte Zustellung mit neuem Zeitstempel und neuer Signatur erneut senden</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wenn</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <source>Attempt</source>
        <translation>Versuch</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Antwort</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>Zustellung</translation>
    </message>
    <message>
        <source>e.g. CRM sync</source>
        <translation>z. B. CRM-Abgleich</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>&amp;Address</source>
        <translation>&amp;Adresse</translation>
    </message>
    <message>
        <source>Every event (also kinds added later)</source>
        <translation>Jedes Ereignis (auch später hinzukommende Arten)</translation>
    </message>
    <message>
        <source>&amp;Events</source>
        <translation>&amp;Ereignisse</translation>
    </message>
    <message>
        <source> failed attempts in a row</source>
        <translation> Fehlversuche in Folge</translation>
    </message>
    <message>
        <source>Turn off after</source>
        <translation>Abschalten nach</translation>
    </message>
    <message>
        <source>On</source>
        <translation>An</translation>
    </message>
    <message>
        <source>Secret</source>
        <translation>Geheimnis</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>&amp;Save webhook</source>
        <translation>Webhook &amp;speichern</translation>
    </message>
    <message>
        <source>New s&amp;ecret</source>
        <translation>Neues &amp;Geheimnis</translation>
    </message>
    <message>
        <source>Make a new signing secret; the receiver must be given it</source>
        <translation>Ein neues Signaturgeheimnis erzeugen; der Empfänger muss es bekommen</translation>
    </message>
    <message>
        <source>What webhooks may reach (administrators)</source>
        <translation>Wohin Webhooks dürfen (Administratoren)</translation>
    </message>
    <message>
        <source>Private networks and this computer (not only the Internet)</source>
        <translation>Private Netze und dieser Computer (nicht nur das Internet)</translation>
    </message>
    <message>
        <source>e.g. 127.0.0.1:5678, 10.0.0.5</source>
        <translation>z. B. 127.0.0.1:5678, 10.0.0.5</translation>
    </message>
    <message>
        <source>These addresses are allowed even when private networks are not (a local n8n, say)</source>
        <translation>Diese Adressen sind erlaubt, auch wenn private Netze es nicht sind (etwa ein lokales n8n)</translation>
    </message>
    <message>
        <source>Allowed anyway</source>
        <translation>Trotzdem erlaubt</translation>
    </message>
    <message>
        <source>Save these</source>
        <translation>Diese speichern</translation>
    </message>
    <message>
        <source>The secret is on the clipboard.</source>
        <translation>Das Geheimnis ist in der Zwischenablage.</translation>
    </message>
    <message>
        <source>everything</source>
        <translation>alles</translation>
    </message>
    <message numerus="yes">
        <source>On — %n failure(s) in a row</source>
        <translation>
            <numerusform>An — %n Fehlschlag in Folge</numerusform>
            <numerusform>An — %n Fehlschläge in Folge</numerusform>
        </translation>
    </message>
    <message>
        <source>Off: %1</source>
        <translation>Aus: %1</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Aus</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>noch keine</translation>
    </message>
    <message>
        <source>delivered</source>
        <translation>zugestellt</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>No webhook yet. Give it a name, the address of the receiver and the events it wants, then Save.</source>
        <translation>Noch kein Webhook. Geben Sie ihm einen Namen, die Adresse des Empfängers und die gewünschten Ereignisse, dann Speichern.</translation>
    </message>
    <message>
        <source>This webhook starts an n8n workflow (Workflows tab): its address is the workflow's Webhook trigger, and rules and schedules send to it, not events.</source>
        <translation>Dieser Webhook startet einen n8n-Workflow (Tab Workflows): Seine Adresse ist der Webhook-Trigger des Workflows, und Regeln und Zeitpläne senden an ihn, keine Ereignisse.</translation>
    </message>
    <message>
        <source>Turn o&amp;n</source>
        <translation>&amp;Einschalten</translation>
    </message>
    <message>
        <source>Signed with the secret ending %1.</source>
        <translation>Signiert mit dem Geheimnis, das auf %1 endet.</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>gave up</source>
        <translation>aufgegeben</translation>
    </message>
    <message>
        <source>test</source>
        <translation>Test</translation>
    </message>
    <message>
        <source>will retry</source>
        <translation>wird wiederholt</translation>
    </message>
    <message>
        <source>Events: tick at least one event the receiver wants.</source>
        <translation>Ereignisse: Wählen Sie mindestens ein Ereignis, das der Empfänger will.</translation>
    </message>
    <message>
        <source>Saved. Give the receiver this secret to check the X-FlipTech-Signature of each delivery: it is shown only now.</source>
        <translation>Gespeichert. Geben Sie dem Empfänger dieses Geheimnis, um die X-FlipTech-Signature jeder Zustellung zu prüfen: Es wird nur jetzt angezeigt.</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Gespeichert.</translation>
    </message>
    <message>
        <source>Sending a test…</source>
        <translation>Test wird gesendet…</translation>
    </message>
    <message>
        <source>The receiver answered %1 in %2 ms.</source>
        <translation>Der Empfänger antwortete %1 in %2 ms.</translation>
    </message>
    <message>
        <source>The receiver answered %1: %2</source>
        <translation>Der Empfänger antwortete %1: %2</translation>
    </message>
    <message>
        <source>Not delivered: %1</source>
        <translation>Nicht zugestellt: %1</translation>
    </message>
    <message>
        <source>Delete the webhook "%1" and its delivery log? Deliveries still waiting are dropped.</source>
        <translation>Den Webhook „%1“ und sein Zustellprotokoll löschen? Noch wartende Zustellungen entfallen.</translation>
    </message>
    <message>
        <source>Deleted.</source>
        <translation>Gelöscht.</translation>
    </message>
    <message>
        <source>Make a new secret for "%1"? Deliveries are signed with it from now on: the receiver must be given it.</source>
        <translation>Ein neues Geheimnis für „%1“ erzeugen? Zustellungen werden ab jetzt damit signiert: Der Empfänger muss es bekommen.</translation>
    </message>
    <message>
        <source>A new secret: give it to the receiver. It is shown only now.</source>
        <translation>Ein neues Geheimnis: Geben Sie es dem Empfänger. Es wird nur jetzt angezeigt.</translation>
    </message>
    <message>
        <source>Saved: webhooks may reach %1.</source>
        <translation>Gespeichert: Webhooks dürfen %1 erreichen.</translation>
    </message>
    <message>
        <source>private networks too</source>
        <translation>auch private Netze</translation>
    </message>
    <message>
        <source>only the Internet</source>
        <translation>nur das Internet</translation>
    </message>
    <message>
        <source>the Internet and %1</source>
        <translation>das Internet und %1</translation>
    </message>
</context>
<context>
    <name>fliptech::ui::WorkflowsTab</name>
    <message>
        <source>Workflows of your team's n8n: turn them on and off, start them, and see how their runs went. A rule (action "Start an n8n workflow") or a schedule starts a workflow through its Webhook trigger (HTTP method POST) with the lead and the event; the workflow can call back into FlipTech with an API key.</source>
        <translation>Workflows des n8n Ihres Teams: ein- und ausschalten, starten und sehen, wie ihre Läufe waren. Eine Regel (Aktion „n8n-Workflow starten“) oder ein Zeitplan startet einen Workflow über seinen Webhook-Trigger (HTTP-Methode POST) mit dem Lead und dem Ereignis; der Workflow kann mit einem API-Schlüssel FlipTech zurückrufen.</translation>
    </message>
    <message>
        <source>Where your n8n is</source>
        <translation>Wo Ihr n8n ist</translation>
    </message>
    <message>
        <source>n8n &amp;address</source>
        <translation>n8n-&amp;Adresse</translation>
    </message>
    <message>
        <source>Made in n8n: Settings → n8n API → Create an API key (with the workflow and execution scopes). Kept in the system keychain, never shown again.</source>
        <translation>In n8n erstellt: Settings → n8n API → Create an API key (mit den Berechtigungen workflow und execution). Im Schlüsselbund des Systems gespeichert, nie wieder angezeigt.</translation>
    </message>
    <message>
        <source>API &amp;key</source>
        <translation>API-&amp;Schlüssel</translation>
    </message>
    <message>
        <source>Save and c&amp;onnect</source>
        <translation>Speichern und &amp;verbinden</translation>
    </message>
    <message>
        <source>Only an administrator may change where n8n is</source>
        <translation>Nur ein Administrator darf ändern, wo n8n ist</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>Akt&amp;ualisieren</translation>
    </message>
    <message>
        <source>Turn o&amp;n</source>
        <translation>&amp;Einschalten</translation>
    </message>
    <message>
        <source>&amp;Run now</source>
        <translation>&amp;Jetzt ausführen</translation>
    </message>
    <message>
        <source>Start the selected workflow now through its Webhook trigger (a "manual" event)</source>
        <translation>Den gewählten Workflow jetzt über seinen Webhook-Trigger starten (ein „manuelles“ Ereignis)</translation>
    </message>
    <message>
        <source>Runs of the selected workflow only</source>
        <translation>Nur Läufe des gewählten Workflows</translation>
    </message>
    <message>
        <source>Workflow</source>
        <translation>Workflow</translation>
    </message>
    <message>
        <source>On</source>
        <translation>An</translation>
    </message>
    <message>
        <source>Trigger</source>
        <translation>Trigger</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>Can start from here</source>
        <translation>Kann von hier starten</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Gestartet</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Took</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>How</source>
        <translation>Wie</translation>
    </message>
    <message>
        <source>Turn o&amp;ff</source>
        <translation>&amp;Ausschalten</translation>
    </message>
    <message>
        <source>kept in the keychain</source>
        <translation>im Schlüsselbund gespeichert</translation>
    </message>
    <message>
        <source>from N8N_API_KEY</source>
        <translation>aus N8N_API_KEY</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>noch keine</translation>
    </message>
    <message>
        <source>paste the key n8n made</source>
        <translation>den von n8n erzeugten Schlüssel einfügen</translation>
    </message>
    <message>
        <source>leave empty to keep the key</source>
        <translation>leer lassen, um den Schlüssel zu behalten</translation>
    </message>
    <message>
        <source>n8n address</source>
        <translation>n8n-Adresse</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API-Schlüssel</translation>
    </message>
    <message>
        <source>Saved. Reading the workflows from n8n…</source>
        <translation>Gespeichert. Die Workflows werden aus n8n gelesen…</translation>
    </message>
    <message>
        <source>Saved. Give both the address and an API key to connect.</source>
        <translation>Gespeichert. Geben Sie Adresse und API-Schlüssel an, um zu verbinden.</translation>
    </message>
    <message>
        <source>n8n is not set up yet: an administrator gives its address and an API key above (in n8n: Settings → n8n API).</source>
        <translation>n8n ist noch nicht eingerichtet: Ein Administrator gibt oben seine Adresse und einen API-Schlüssel an (in n8n: Settings → n8n API).</translation>
    </message>
    <message>
        <source>Reading from n8n…</source>
        <translation>Wird aus n8n gelesen…</translation>
    </message>
    <message>
        <source>n8n has no workflow yet: make one in n8n with a Webhook trigger (POST).</source>
        <translation>n8n hat noch keinen Workflow: Erstellen Sie einen in n8n mit einem Webhook-Trigger (POST).</translation>
    </message>
    <message numerus="yes">
        <source>%n workflow(s) in n8n; the newest runs below.</source>
        <translation>
            <numerusform>%n Workflow in n8n; die neuesten Läufe unten.</numerusform>
            <numerusform>%n Workflows in n8n; die neuesten Läufe unten.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 — id %2 (what a rule's "Start an n8n workflow" action takes)</source>
        <translation>%1 — ID %2 (was die Aktion „n8n-Workflow starten“ einer Regel erwartet)</translation>
    </message>
    <message>
        <source>on</source>
        <translation>an</translation>
    </message>
    <message>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <source>Tick to turn the workflow on in n8n (its triggers listen), untick to turn it off</source>
        <translation>Ankreuzen schaltet den Workflow in n8n ein (seine Trigger lauschen), abwählen schaltet ihn aus</translation>
    </message>
    <message>
        <source>no Webhook trigger</source>
        <translation>kein Webhook-Trigger</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no: %1</source>
        <translation>nein: %1</translation>
    </message>
    <message>
        <source>Turning "%1" on…</source>
        <translation>„%1“ wird eingeschaltet…</translation>
    </message>
    <message>
        <source>Turning "%1" off…</source>
        <translation>„%1“ wird ausgeschaltet…</translation>
    </message>
    <message>
        <source>"%1" is on.</source>
        <translation>„%1“ ist an.</translation>
    </message>
    <message>
        <source>"%1" is off.</source>
        <translation>„%1“ ist aus.</translation>
    </message>
    <message>
        <source>"%1" is being started; its run appears below when n8n has it.</source>
        <translation>„%1“ wird gestartet; sein Lauf erscheint unten, sobald n8n ihn hat.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>the last time</source>
        <translation>beim letzten Mal</translation>
    </message>
    <message>
        <source>The database could not be checked: %1.</source>
        <translation>Die Datenbank konnte nicht geprüft werden: %1.</translation>
    </message>
    <message>
        <source>The database was checked and is consistent: everything saved before the exit is there, and unfinished jobs (scrapes, sends, imports) carry on from where they stopped.</source>
        <translation>Die Datenbank wurde geprüft und ist konsistent: Alles vor dem Beenden Gespeicherte ist da, und unfertige Aufträge (Scrapes, Sendungen, Importe) machen dort weiter, wo sie aufhörten.</translation>
    </message>
    <message>
        <source>The database check found problems: %1. Make a copy of the database file before going on.</source>
        <translation>Die Datenbankprüfung hat Probleme gefunden: %1. Kopieren Sie die Datenbankdatei, bevor Sie weitermachen.</translation>
    </message>
    <message>
        <source>&lt;b&gt;FlipTech Pro did not close properly&lt;/b&gt; (session started %1). %2 %3</source>
        <translation>&lt;b&gt;FlipTech Pro wurde nicht ordnungsgemäß beendet&lt;/b&gt; (Sitzung begonnen %1). %2 %3</translation>
    </message>
    <message>
        <source>The &lt;a href="%1"&gt;log&lt;/a&gt; may say why.</source>
        <translation>Das &lt;a href="%1"&gt;Protokoll&lt;/a&gt; sagt vielleicht, warum.</translation>
    </message>
    <message>
        <source>&lt;b&gt;The API server did not start&lt;/b&gt;: %1. The desktop works without it; change its address or TLS files in &lt;a href="fliptech://settings"&gt;Settings → Application&lt;/a&gt;.</source>
        <translation>&lt;b&gt;Der API-Server wurde nicht gestartet&lt;/b&gt;: %1. Die Desktop-Anwendung funktioniert ohne ihn; ändern Sie seine Adresse oder TLS-Dateien unter &lt;a href="fliptech://settings"&gt;Einstellungen → Anwendung&lt;/a&gt;.</translation>
    </message>
</context>
</TS>
