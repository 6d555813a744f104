<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
<context>
    <name>QObject</name>
    <message>
        <source>Settings</source>
        <translation>Configuración</translation>
    </message>
    <message>
        <source>Sign in to change settings.</source>
        <translation>Inicie sesión para cambiar la configuración.</translation>
    </message>
    <message>
        <source>Website analysis</source>
        <translation>Análisis del sitio web</translation>
    </message>
    <message>
        <source>Email writing</source>
        <translation>Redacción de correos</translation>
    </message>
    <message>
        <source>Reply suggestions</source>
        <translation>Sugerencias de respuesta</translation>
    </message>
    <message>
        <source>Sentiment</source>
        <translation>Sentimiento</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>Sin límite</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>En espera</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>aprobada</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>rechazada</translation>
    </message>
    <message>
        <source>No decision in time: %1</source>
        <translation>Sin decisión a tiempo: %1</translation>
    </message>
    <message>
        <source>%1 by an auto-approval rule</source>
        <translation>%1 por una regla de aprobación automática</translation>
    </message>
    <message>
        <source>no settings</source>
        <translation>sin ajustes</translation>
    </message>
    <message>
        <source>Repeats</source>
        <translation>Se repite</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Zona horaria</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Tarea</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Hecho</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Falló</translation>
    </message>
    <message>
        <source>Skipped (missed)</source>
        <translation>Omitida (perdida)</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>En cola</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>En curso</translation>
    </message>
    <message>
        <source>Automation</source>
        <translation>Automatización</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>sí</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <source>tags, separated by commas</source>
        <translation>etiquetas, separadas por comas</translation>
    </message>
    <message>
        <source>the note ({{name}}, {{city}} ... are the lead's)</source>
        <translation>la nota ({{name}}, {{city}} ... son los del cliente potencial)</translation>
    </message>
    <message>
        <source>the notification's title (to you)</source>
        <translation>el título de la notificación (para usted)</translation>
    </message>
    <message>
        <source>the new value</source>
        <translation>el nuevo valor</translation>
    </message>
    <message>
        <source>field = value, e.g. category = plumbing</source>
        <translation>campo = valor, p. ej. category = plumbing</translation>
    </message>
    <message>
        <source>a user's id, or "round robin"</source>
        <translation>el id de un usuario, o "round robin"</translation>
    </message>
    <message>
        <source>the webhook's number (#3, on the Webhooks tab)</source>
        <translation>el número del webhook (#3, en la pestaña Webhooks)</translation>
    </message>
    <message>
        <source>the n8n workflow's id (on the Workflows tab)</source>
        <translation>el id del flujo de n8n (en la pestaña Flujos)</translation>
    </message>
    <message>
        <source>the campaign's number (#3, on the Campaigns page)</source>
        <translation>el número de la campaña (#3, en la página Campañas)</translation>
    </message>
    <message>
        <source>the template's number, then the sender account's: #3, #1</source>
        <translation>el número de la plantilla y luego el de la cuenta de envío: #3, #1</translation>
    </message>
    <message>
        <source>empty (the AI provider), or "offline" for the built-in writer</source>
        <translation>vacío (el proveedor de IA) u "offline" para el redactor integrado</translation>
    </message>
    <message>
        <source>the campaign's number (#3), or empty for every campaign</source>
        <translation>el número de la campaña (#3), o vacío para todas</translation>
    </message>
    <message>
        <source>Draft: not launched</source>
        <translation>Borrador: sin lanzar</translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation>Programada</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>Enviando</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>En pausa</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Completada</translation>
    </message>
    <message>
        <source>Campaigns</source>
        <translation>Campañas</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Panel</translation>
    </message>
    <message>
        <source>Positive</source>
        <translation>Positivo</translation>
    </message>
    <message>
        <source>Negative</source>
        <translation>Negativo</translation>
    </message>
    <message>
        <source>Neutral</source>
        <translation>Neutral</translation>
    </message>
    <message>
        <source>interested</source>
        <translation>interesado</translation>
    </message>
    <message>
        <source>not interested</source>
        <translation>no interesado</translation>
    </message>
    <message>
        <source>wants a meeting</source>
        <translation>quiere una reunión</translation>
    </message>
    <message>
        <source>asks a question</source>
        <translation>hace una pregunta</translation>
    </message>
    <message>
        <source>asks to be removed</source>
        <translation>pide que lo den de baja</translation>
    </message>
    <message>
        <source>automatic answer</source>
        <translation>respuesta automática</translation>
    </message>
    <message>
        <source>Reading mailbox %1 of %2…</source>
        <translation>Leyendo el buzón %1 de %2…</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>Conversaciones</translation>
    </message>
    <message>
        <source>&lt;p&gt;No website on this lead. Add one in &lt;b&gt;Details&lt;/b&gt;, then &lt;b&gt;Analyse website&lt;/b&gt; scores it as a prospect.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Este cliente potencial no tiene sitio web. Añada uno en &lt;b&gt;Detalles&lt;/b&gt; y &lt;b&gt;Analizar sitio web&lt;/b&gt; lo puntuará como prospecto.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Not analysed yet. &lt;b&gt;Analyse website&lt;/b&gt; reads %1 and scores it as a prospect: HTTPS, speed, mobile, age, technology, contacts, broken links.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Aún sin analizar. &lt;b&gt;Analizar sitio web&lt;/b&gt; lee %1 y lo puntúa como prospecto: HTTPS, velocidad, móvil, antigüedad, tecnología, contactos, enlaces rotos.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Prospect score %1 / 100&lt;/h3&gt;</source>
        <translation>&lt;h3&gt;Puntuación de prospecto %1 / 100&lt;/h3&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Nothing to fix: a modern, working site.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Nada que arreglar: un sitio moderno que funciona.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <source>Answers</source>
        <translation>Responde</translation>
    </message>
    <message>
        <source>yes (HTTP %1)</source>
        <translation>sí (HTTP %1)</translation>
    </message>
    <message>
        <source>no: %1</source>
        <translation>no: %1</translation>
    </message>
    <message>
        <source>HTTPS</source>
        <translation>HTTPS</translation>
    </message>
    <message>
        <source>Certificate valid</source>
        <translation>Certificado válido</translation>
    </message>
    <message>
        <source>Load time</source>
        <translation>Tiempo de carga</translation>
    </message>
    <message>
        <source>%1 s (first byte %2 ms)</source>
        <translation>%1 s (primer byte %2 ms)</translation>
    </message>
    <message>
        <source>Page weight</source>
        <translation>Peso de la página</translation>
    </message>
    <message>
        <source>Mobile viewport</source>
        <translation>Viewport móvil</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Descripción</translation>
    </message>
    <message>
        <source>Copyright</source>
        <translation>Copyright</translation>
    </message>
    <message>
        <source>Technology</source>
        <translation>Tecnología</translation>
    </message>
    <message>
        <source>E-mails</source>
        <translation>Correos</translation>
    </message>
    <message>
        <source>Phones</source>
        <translation>Teléfonos</translation>
    </message>
    <message>
        <source>Social</source>
        <translation>Redes sociales</translation>
    </message>
    <message>
        <source>Broken links</source>
        <translation>Enlaces rotos</translation>
    </message>
    <message>
        <source>%1 of %2 checked</source>
        <translation>%1 de %2 comprobados</translation>
    </message>
    <message>
        <source>Analysed</source>
        <translation>Analizado</translation>
    </message>
    <message>
        <source>Scraper</source>
        <translation>Buscador</translation>
    </message>
    <message>
        <source>Test sent: "%1".</source>
        <translation>Prueba enviada: "%1".</translation>
    </message>
    <message>
        <source>Templates</source>
        <translation>Plantillas</translation>
    </message>
    <message>
        <source>The most allowed in a period of the usage time zone; "No limit" is the lowest step</source>
        <translation>Lo máximo permitido en un periodo de la zona horaria de uso; "Sin límite" es el escalón más bajo</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Eventos</translation>
    </message>
    <message>
        <source>Allowed addresses</source>
        <translation>Direcciones permitidas</translation>
    </message>
    <message>
        <source>running</source>
        <translation>en curso</translation>
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
        <translation>correcto</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>falló</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>en espera</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>cancelado</translation>
    </message>
    <message>
        <source>your business</source>
        <translation>su negocio</translation>
    </message>
    <message>
        <source>Nothing in this period</source>
        <translation>Nada en este periodo</translation>
    </message>
    <message>
        <source>Analytics</source>
        <translation>Análisis</translation>
    </message>
</context>
<context>
    <name>fliptech::ui::AboutDialog</name>
    <message>
        <source>About FlipTech Pro</source>
        <translation>Acerca de FlipTech Pro</translation>
    </message>
    <message>
        <source>&lt;h2&gt;FlipTech Pro %1&lt;/h2&gt;&lt;p&gt;Find local businesses that need a website, reach out, follow up and count the revenue.&lt;/p&gt;&lt;p&gt;Running on Qt %2 (built with %3).&lt;/p&gt;</source>
        <translation>&lt;h2&gt;FlipTech Pro %1&lt;/h2&gt;&lt;p&gt;Encuentre negocios locales que necesitan un sitio web, contacte con ellos, haga el seguimiento y cuente los ingresos.&lt;/p&gt;&lt;p&gt;Funciona con Qt %2 (compilado con %3).&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Built with&lt;/b&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Hecho con&lt;/b&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Qt is used under the GNU LGPL version 3: it is linked dynamically and may be replaced by another build of the same version.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Qt se usa bajo la GNU LGPL versión 3: se enlaza dinámicamente y puede sustituirse por otra compilación de la misma versión.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>About Qt</source>
        <translation>Acerca de Qt</translation>
    </message>
</context>
<context>
    <name>fliptech::ui::AiSettings</name>
    <message>
        <source>Provider</source>
        <translation>Proveedor</translation>
    </message>
    <message>
        <source>Any OpenAI-compatible address: https://openrouter.ai/api/v1, https://api.openai.com/v1, or a local server such as http://127.0.0.1:11434/v1 (Ollama)</source>
        <translation>Cualquier dirección compatible con OpenAI: https://openrouter.ai/api/v1, https://api.openai.com/v1, o un servidor local como http://127.0.0.1:11434/v1 (Ollama)</translation>
    </message>
    <message>
        <source>Base &amp;URL</source>
        <translation>&amp;URL base</translation>
    </message>
    <message>
        <source>API key (kept in the system keychain)</source>
        <translation>Clave de API (guardada en el llavero del sistema)</translation>
    </message>
    <message>
        <source>Save &amp;key</source>
        <translation>Guardar &amp;clave</translation>
    </message>
    <message>
        <source>Remove key</source>
        <translation>Quitar clave</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>Clave de API</translation>
    </message>
    <message>
        <source>The model's id at the provider, e.g. openai/gpt-4o-mini</source>
        <translation>El id del modelo en el proveedor, p. ej. openai/gpt-4o-mini</translation>
    </message>
    <message>
        <source>Lower is more predictable, higher more varied</source>
        <translation>Más bajo es más previsible, más alto más variado</translation>
    </message>
    <message>
        <source>&amp;Temperature</source>
        <translation>&amp;Temperatura</translation>
    </message>
    <message>
        <source> tokens</source>
        <translation> tokens</translation>
    </message>
    <message>
        <source>Longest &amp;answer</source>
        <translation>Respuesta más &amp;larga</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Time&amp;out</source>
        <translation>Tiempo &amp;límite</translation>
    </message>
    <message>
        <source>Budgets</source>
        <translation>Presupuestos</translation>
    </message>
    <message>
        <source>&amp;Daily budget</source>
        <translation>Presupuesto &amp;diario</translation>
    </message>
    <message>
        <source>&amp;Monthly budget</source>
        <translation>Presupuesto &amp;mensual</translation>
    </message>
    <message>
        <source>Days begin in</source>
        <translation>Los días empiezan en</translation>
    </message>
    <message>
        <source>Spent</source>
        <translation>Gastado</translation>
    </message>
    <message>
        <source>A call that could pass a budget is not made: you get a notification, and the offline writer still drafts.</source>
        <translation>No se hace una llamada que pudiera superar un presupuesto: recibe una notificación y el redactor offline sigue redactando.</translation>
    </message>
    <message>
        <source>&amp;Save provider and budgets</source>
        <translation>&amp;Guardar proveedor y presupuestos</translation>
    </message>
    <message>
        <source>Prices (USD per million tokens)</source>
        <translation>Precios (USD por millón de tokens)</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modelo</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>Prompt</translation>
    </message>
    <message>
        <source>Completion</source>
        <translation>Respuesta</translation>
    </message>
    <message>
        <source>Add &amp;model</source>
        <translation>Añadir &amp;modelo</translation>
    </message>
    <message>
        <source>Remove model</source>
        <translation>Quitar modelo</translation>
    </message>
    <message>
        <source>Save &amp;prices</source>
        <translation>Guardar &amp;precios</translation>
    </message>
    <message>
        <source>Prompts</source>
        <translation>Prompts</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Versión</translation>
    </message>
    <message>
        <source>System prompt: who the model is and the rules it keeps</source>
        <translation>Prompt del sistema: quién es el modelo y las reglas que sigue</translation>
    </message>
    <message>
        <source>User prompt, with {{variables}}</source>
        <translation>Prompt del usuario, con {{variables}}</translation>
    </message>
    <message>
        <source>What changed (optional)</source>
        <translation>Qué cambió (opcional)</translation>
    </message>
    <message>
        <source>Save as &amp;new version</source>
        <translation>Guardar como versión &amp;nueva</translation>
    </message>
    <message>
        <source>Only an admin can change the AI settings.</source>
        <translation>Solo un administrador puede cambiar los ajustes de IA.</translation>
    </message>
    <message>
        <source>A key is set (in the keychain). The AI writes; without a key the offline writer does.</source>
        <translation>Hay una clave (en el llavero). La IA redacta; sin clave lo hace el redactor offline.</translation>
    </message>
    <message>
        <source>A key is set by the environment (OPENROUTER_API_KEY).</source>
        <translation>La clave viene del entorno (OPENROUTER_API_KEY).</translation>
    </message>
    <message>
        <source>No key: the offline writer drafts emails and replies from the website findings.</source>
        <translation>Sin clave: el redactor offline escribe correos y respuestas a partir del análisis del sitio web.</translation>
    </message>
    <message>
        <source>$%1 today, $%2 this month ($%3 in all)</source>
        <translation>%1 $ hoy, %2 $ este mes (%3 $ en total)</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Guardado.</translation>
    </message>
    <message>
        <source>Type the key first.</source>
        <translation>Escriba primero la clave.</translation>
    </message>
    <message>
        <source>Key removed.</source>
        <translation>Clave eliminada.</translation>
    </message>
    <message>
        <source>Key saved in the keychain.</source>
        <translation>Clave guardada en el llavero.</translation>
    </message>
    <message>
        <source>Prices saved.</source>
        <translation>Precios guardados.</translation>
    </message>
    <message>
        <source>As shipped</source>
        <translation>Original</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>Versión %1</translation>
    </message>
    <message>
        <source>Version %1 — %2</source>
        <translation>Versión %1 — %2</translation>
    </message>
    <message>
        <source>Saved as version %1: the next call uses it.</source>
        <translation>Guardado como versión %1: la próxima llamada la usa.</translation>
    </message>
</context>
<context>
    <name>fliptech::ui::AiWriterDialog</name>
    <message>
        <source>Write to %1</source>
        <translation>Escribir a %1</translation>
    </message>
    <message>
        <source>Introduce us</source>
        <translation>Presentarnos</translation>
    </message>
    <message>
        <source>Follow up</source>
        <translation>Hacer seguimiento</translation>
    </message>
    <message>
        <source>Ask for a meeting</source>
        <translation>Pedir una reunión</translation>
    </message>
    <message>
        <source>Send a proposal</source>
        <translation>Enviar una propuesta</translation>
    </message>
    <message>
        <source>Friendly</source>
        <translation>Cercano</translation>
    </message>
    <message>
        <source>Professional</source>
        <translation>Profesional</translation>
    </message>
    <message>
        <source>Direct</source>
        <translation>Directo</translation>
    </message>
    <message>
        <source>Your name, to sign with</source>
        <translation>Su nombre, para firmar</translation>
    </message>
    <message>
        <source>Use the &amp;offline writer (no AI call, no cost)</source>
        <translation>Usar el redactor &amp;offline (sin llamada a la IA, sin coste)</translation>
    </message>
    <message>
        <source>No AI key is set (Settings → AI): the offline writer drafts from the website findings.</source>
        <translation>No hay clave de IA (Configuración → IA): el redactor offline redacta a partir del análisis del sitio web.</translation>
    </message>
    <message>
        <source>&amp;Write</source>
        <translation>&amp;Escribir</translation>
    </message>
    <message>
        <source>Write the email (Ctrl+Return)</source>
        <translation>Escribir el correo (Ctrl+Intro)</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Asunto</translation>
    </message>
    <message>
        <source>The email appears here as it is written; edit it as you like.</source>
        <translation>El correo aparece aquí a medida que se escribe; edítelo como quiera.</translation>
    </message>
    <message>
        <source>&amp;Save draft</source>
        <translation>&amp;Guardar borrador</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copiar</translation>
    </message>
    <message>
        <source>Subject: %1</source>
        <translation>Asunto: %1</translation>
    </message>
    <message>
        <source>Copied.</source>
        <translation>Copiado.</translation>
    </message>
    <message>
        <source>The mailbox to send from</source>
        <translation>El buzón desde el que enviar</translation>
    </message>
    <message>
        <source>Se&amp;nd</source>
        <translation>E&amp;nviar</translation>
    </message>
    <message>
        <source>Send the e-mail as it stands from the chosen mailbox; the reply will appear in Conversations</source>
        <translation>Enviar el correo tal como está desde el buzón elegido; la respuesta aparecerá en Conversaciones</translation>
    </message>
    <message>
        <source>Sent to %1. The reply will appear in Conversations.</source>
        <translation>Enviado a %1. La respuesta aparecerá en Conversaciones.</translation>
    </message>
    <message>
        <source>&amp;Goal</source>
        <translation>&amp;Objetivo</translation>
    </message>
    <message>
        <source>&amp;Tone</source>
        <translation>&amp;Tono</translation>
    </message>
    <message>
        <source>Sign &amp;as</source>
        <translation>Firmar &amp;como</translation>
    </message>
    <message>
        <source>Write the subject and the text first.</source>
        <translation>Escriba primero el asunto y el texto.</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Enviando…</translation>
    </message>
    <message>
        <source>Writing…</source>
        <translation>Escribiendo…</translation>
    </message>
    <message>
        <source>Asking the AI… the text appears as it is written.</source>
        <translation>Preguntando a la IA… el texto aparece a medida que se escribe.</translation>
    </message>
    <message>
        <source>
Tick “Use the offline writer” to draft without the AI.</source>
        <translation>
Marque “Usar el redactor offline” para redactar sin la IA.</translation>
    </message>
    <message>
        <source>Written by %1 for $%2.</source>
        <translation>Escrito por %1 por %2 $.</translation>
    </message>
    <message>
        <source> Saved as a draft.</source>
        <translation> Guardado como borrador.</translation>
    </message>
    <message>
        <source>Draft saved.</source>
        <translation>Borrador guardado.</translation>
    </message>
</context>
<context>
    <name>fliptech::ui::AnalyticsPage</name>
    <message>
        <source>Period</source>
        <translation>Periodo</translation>
    </message>
    <message>
        <source>New leads</source>
        <translation>Clientes potenciales nuevos</translation>
    </message>
    <message>
        <source>E-mails sent</source>
        <translation>Correos enviados</translation>
    </message>
    <message>
        <source>Conversions</source>
        <translation>Conversiones</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>Ingresos</translation>
    </message>
    <message>
        <source>Costs</source>
        <translation>Costes</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Fase</translation>
    </message>
    <message>
        <source>Leads</source>
        <translation>Clientes potenciales</translation>
    </message>
    <message>
        <source>Of the stage before</source>
        <translation>De la fase anterior</translation>
    </message>
    <message>
        <source>Of all</source>
        <translation>Del total</translation>
    </message>
    <message>
        <source>Median time from the stage before</source>
        <translation>Tiempo mediano desde la fase anterior</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Coste</translation>
    </message>
    <message>
        <source>Profit</source>
        <translation>Beneficio</translation>
    </message>
    <message>
        <source>ROI</source>
        <translation>ROI</translation>
    </message>
    <message>
        <source>Cost per lead</source>
        <translation>Coste por cliente potencial</translation>
    </message>
    <message>
        <source>Cost per conversion</source>
        <translation>Coste por conversión</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Plantilla</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Enviado</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Abiertos</translation>
    </message>
    <message>
        <source>Clicked</source>
        <translation>Clics</translation>
    </message>
    <message>
        <source>Replied</source>
        <translation>Respondidos</translation>
    </message>
    <message>
        <source>Bounced</source>
        <translation>Rebotados</translation>
    </message>
    <message>
        <source>Open rate</source>
        <translation>Tasa de apertura</translation>
    </message>
    <message>
        <source>Click rate</source>
        <translation>Tasa de clics</translation>
    </message>
    <message>
        <source>Reply rate</source>
        <translation>Tasa de respuesta</translation>
    </message>
    <message>
        <source>Bounce rate</source>
        <translation>Tasa de rebote</translation>
    </message>
    <message>
        <source>Leads won after it</source>
        <translation>Clientes potenciales ganados después</translation>
    </message>
    <message>
        <source>Won</source>
        <translation>Ganados</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1 días</translation>
    </message>
    <message>
        <source>All: %1 new leads, %2 conversions, %3 revenue, %4 cost, ROI %5</source>
        <translation>Total: %1 clientes potenciales nuevos, %2 conversiones, %3 de ingresos, %4 de coste, ROI %5</translation>
    </message>
    <message>
        <source>All sources</source>
        <translation>Todas las fuentes</translation>
    </message>
    <message>
        <source>Only the leads from this source</source>
        <translation>Solo los clientes potenciales de esta fuente</translation>
    </message>
    <message>
        <source>All campaigns</source>
        <translation>Todas las campañas</translation>
    </message>
    <message>
        <source>Only the leads of this campaign (and, for templates, its e-mails)</source>
        <translation>Solo los clientes potenciales de esta campaña (y, para las plantillas, sus correos)</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualizar</translation>
    </message>
    <message>
        <source>F5</source>
        <translation>F5</translation>
    </message>
    <message>
        <source>E&amp;xport</source>
        <translation>E&amp;xportar</translation>
    </message>
    <message>
        <source>This table as CSV…</source>
        <translation>Esta tabla como CSV…</translation>
    </message>
    <message>
        <source>Save the table</source>
        <translation>Guardar la tabla</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>%1 guardado.</translation>
    </message>
    <message>
        <source>Report as PDF…</source>
        <translation>Informe como PDF…</translation>
    </message>
    <message>
        <source>Report as CSV…</source>
        <translation>Informe como CSV…</translation>
    </message>
    <message>
        <source>Report as JSON…</source>
        <translation>Informe como JSON…</translation>
    </message>
    <message>
        <source>Save the report</source>
        <translation>Guardar el informe</translation>
    </message>
    <message>
        <source>Writing the report…</source>
        <translation>Escribiendo el informe…</translation>
    </message>
    <message>
        <source>Report saved: %1.</source>
        <translation>Informe guardado: %1.</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>Periodo:</translation>
    </message>
    <message>
        <source>Replies</source>
        <translation>Respuestas</translation>
    </message>
    <message>
        <source>Double-click a row (or press Enter) to see its leads; Ctrl+C copies the selected rows</source>
        <translation>Doble clic en una fila (o Intro) para ver sus clientes potenciales; Ctrl+C copia las filas seleccionadas</translation>
    </message>
    <message>
        <source>&amp;Trends</source>
        <translation>&amp;Tendencias</translation>
    </message>
    <message>
        <source>&amp;Funnel</source>
        <translation>&amp;Embudo</translation>
    </message>
    <message>
        <source>&amp;Sources</source>
        <translation>&amp;Fuentes</translation>
    </message>
    <message>
        <source>&amp;Locations</source>
        <translation>&amp;Ubicaciones</translation>
    </message>
    <message>
        <source>&amp;Campaigns</source>
        <translation>&amp;Campañas</translation>
    </message>
    <message>
        <source>T&amp;emplates</source>
        <translation>P&amp;lantillas</translation>
    </message>
    <message>
        <source>Campaign e-mails sent in the period by template; Ctrl+C copies the selected rows</source>
        <translation>Correos de campaña enviados en el periodo, por plantilla; Ctrl+C copia las filas seleccionadas</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Origen</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Ubicación</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>Campaña</translation>
    </message>
    <message>
        <source>%1 in the period before</source>
        <translation>%1 en el periodo anterior</translation>
    </message>
    <message numerus="yes">
        <source>From %n lead(s)</source>
        <translation>
            <numerusform>De %n cliente potencial</numerusform>
            <numerusform>De %n clientes potenciales</numerusform>
        </translation>
    </message>
    <message>
        <source>day</source>
        <translation>día</translation>
    </message>
    <message>
        <source>week</source>
        <translation>semana</translation>
    </message>
    <message>
        <source>month</source>
        <translation>mes</translation>
    </message>
    <message>
        <source>Activity by %1</source>
        <translation>Actividad por %1</translation>
    </message>
    <message>
        <source>Days, weeks or months by the period's length; the costs are those dated in each, with or without a lead.</source>
        <translation>Días, semanas o meses según la duración del periodo; los costes son los fechados en cada uno, con o sin cliente potencial.</translation>
    </message>
    <message>
        <source>Leads that came in, by the furthest stage reached</source>
        <translation>Clientes potenciales que entraron, por la fase más avanzada alcanzada</translation>
    </message>
    <message>
        <source>Each stage counts the leads that came in during the period and reached it or a later one.</source>
        <translation>Cada fase cuenta los clientes potenciales que entraron en el periodo y la alcanzaron o una posterior.</translation>
    </message>
    <message>
        <source>(in no campaign)</source>
        <translation>(en ninguna campaña)</translation>
    </message>
    <message>
        <source>A lead in two campaigns counts in each: the rows can add up to more than all.</source>
        <translation>Un cliente potencial en dos campañas cuenta en ambas: las filas pueden sumar más que el total.</translation>
    </message>
    <message>
        <source>(no template)</source>
        <translation>(sin plantilla)</translation>
    </message>
    <message>
        <source>All: %1 sent; opened %2, replied %3, bounced %4</source>
        <translation>Total: %1 enviados; abiertos %2, respondidos %3, rebotados %4</translation>
    </message>
    <message>
        <source>Nothing in this period yet. Import a CSV or run a scrape on the Leads and Scraper pages, send a campaign, and the figures fill in; or choose a longer period.</source>
        <translation>Aún no hay nada en este periodo. Importe un CSV o ejecute una búsqueda en las páginas Clientes potenciales y Scraper, envíe una campaña y las cifras aparecerán; o elija un periodo más largo.</translation>
    </message>
    <message>
        <source>A template's row has no leads of its own to list: its campaigns on the Campaigns tab do.</source>
        <translation>La fila de una plantilla no tiene clientes potenciales propios que listar: sus campañas, en la pestaña Campañas, sí.</translation>
    </message>
    <message>
        <source>New leads, %1</source>
        <translation>Clientes potenciales nuevos, %1</translation>
    </message>
    <message>
        <source>Funnel: %1</source>
        <translation>Embudo: %1</translation>
    </message>
    <message>
        <source>New leads: %1</source>
        <translation>Clientes potenciales nuevos: %1</translation>
    </message>
    <message>
        <source>No leads behind “%1” in this period.</source>
        <translation>No hay clientes potenciales detrás de «%1» en este periodo.</translation>
    </message>
    <message>
        <source>There is no table named %1.</source>
        <translation>No hay ninguna tabla llamada %1.</translation>
    </message>
    <message>
        <source>%1 could not be written: %2</source>
        <translation>No se pudo escribir %1: %2</translation>
    </message>
</context>
<context>
    <name>fliptech::ui::ApplicationSettings</name>
    <message>
        <source>Appearance</source>
        <translation>Apariencia</translation>
    </message>
    <message>
        <source>The system's language</source>
        <translation>El idioma del sistema</translation>
    </message>
    <message>
        <source>The system's</source>
        <translation>El del sistema</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Claro</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Oscuro</translation>
    </message>
    <message>
        <source>Tell me on the desktop (tray messages) when a reply arrives, a scrape ends or something fails</source>
        <translation>Avisarme en el escritorio (mensajes de la bandeja) cuando llegue una respuesta, termine una búsqueda o algo falle</translation>
    </message>
    <message>
        <source>&amp;Language (after a restart)</source>
        <translation>&amp;Idioma (tras reiniciar)</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>&amp;Tema</translation>
    </message>
    <message>
        <source>Database (from the next start)</source>
        <translation>Base de datos (desde el próximo arranque)</translation>
    </message>
    <message>
        <source>This computer: a file, nothing to set up</source>
        <translation>Este equipo: un archivo, nada que configurar</translation>
    </message>
    <message>
        <source>Shared with the team: PostgreSQL</source>
        <translation>Compartida con el equipo: PostgreSQL</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Examinar…</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>&amp;Probar conexión</translation>
    </message>
    <message>
        <source>In use now</source>
        <translation>En uso ahora</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Archivo</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Servidor</translation>
    </message>
    <message>
        <source>Password (kept in the keychain)</source>
        <translation>Contraseña (guardada en el llavero)</translation>
    </message>
    <message>
        <source>Database file</source>
        <translation>Archivo de base de datos</translation>
    </message>
    <message>
        <source>FlipTech databases (*.db);;All files (*)</source>
        <translation>Bases de datos de FlipTech (*.db);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>API server (from the next start)</source>
        <translation>Servidor de API (desde el próximo arranque)</translation>
    </message>
    <message>
        <source>Serve the HTTP API, so the web app and teammates can connect</source>
        <translation>Servir la API HTTP, para que la aplicación web y el equipo puedan conectarse</translation>
    </message>
    <message>
        <source>&amp;Address</source>
        <translation>&amp;Dirección</translation>
    </message>
    <message>
        <source>Web origins allowed (CORS)</source>
        <translation>Orígenes web permitidos (CORS)</translation>
    </message>
    <message>
        <source>Files and logs</source>
        <translation>Archivos y registros</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>Normal</translation>
    </message>
    <message>
        <source>Detailed (for a bug report)</source>
        <translation>Detallado (para informar de un error)</translation>
    </message>
    <message>
        <source>Open data folder</source>
        <translation>Abrir la carpeta de datos</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>Carpeta de datos</translation>
    </message>
    <message>
        <source>Settings file</source>
        <translation>Archivo de configuración</translation>
    </message>
    <message>
        <source>Log detail (from the next start)</source>
        <translation>Detalle del registro (desde el próximo arranque)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Guardar</translation>
    </message>
    <message>
        <source>Change the database</source>
        <translation>Cambiar la base de datos</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>sin definir</translation>
    </message>
    <message>
        <source>set (type to replace)</source>
        <translation>definida (escriba para sustituirla)</translation>
    </message>
    <message>
        <source>Give the database file's full path.</source>
        <translation>Indique la ruta completa del archivo de base de datos.</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Conectando…</translation>
    </message>
    <message>
        <source>Connected: %1</source>
        <translation>Conectado: %1</translation>
    </message>
    <message>
        <source>The API address is host:port, e.g. 127.0.0.1:8484.</source>
        <translation>La dirección de la API es host:puerto, p. ej. 127.0.0.1:8484.</translation>
    </message>
    <message>
        <source>From the next start FlipTech Pro will use %1.

Nothing is copied: the leads, campaigns and settings in %2 stay there, and you see them again by switching back.</source>
        <translation>Desde el próximo arranque FlipTech Pro usará %1.

No se copia nada: los clientes potenciales, campañas y ajustes de %2 se quedan allí, y los verá de nuevo si vuelve a cambiar.</translation>
    </message>
    <message>
        <source>Not saved: the database stays %1.</source>
        <translation>Sin guardar: la base de datos sigue siendo %1.</translation>
    </message>
    <message>
        <source>The password could not be kept: %1</source>
        <translation>No se pudo guardar la contraseña: %1</translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>No se pudo escribir %1.</translation>
    </message>
    <message>
        <source>Another address than this computer's (127.0.0.1) needs a TLS certificate and key</source>
        <translation>Otra dirección que la de este equipo (127.0.0.1) necesita un certificado y una clave TLS</translation>
    </message>
    <message>
        <source>none: plain HTTP, for this computer only</source>
        <translation>ninguno: HTTP sin cifrar, solo para este equipo</translation>
    </message>
    <message>
        <source>PEM files (*.pem *.crt *.key);;All files (*)</source>
        <translation>Archivos PEM (*.pem *.crt *.key);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>TLS certificate (PEM)</source>
        <translation>Certificado TLS (PEM)</translation>
    </message>
    <message>
        <source>TLS certificate</source>
        <translation>Certificado TLS</translation>
    </message>
    <message>
        <source>TLS private key (PEM)</source>
        <translation>Clave privada TLS (PEM)</translation>
    </message>
    <message>
        <source>TLS private key</source>
        <translation>Clave privada TLS</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Red</translation>
    </message>
    <message>
        <source>none (the system's http_proxy, if any)</source>
        <translation>ninguno (el http_proxy del sistema, si lo hay)</translation>
    </message>
    <message>
        <source>Scraping, website analysis, AI and the providers go out through it: http://host:port or socks5://host:port; several, separated by commas, are used in turn</source>
        <translation>Las búsquedas, el análisis de sitios web, la IA y los proveedores salen a través de él: http://host:puerto o socks5://host:puerto; si hay varios, separados por comas, se usan por turnos</translation>
    </message>
    <message>
        <source>&amp;Proxy (from the next start)</source>
        <translation>&amp;Proxy (desde el próximo inicio)</translation>
    </message>
    <message>
        <source>TLS needs both files: the certificate and its private key.</source>
        <translation>TLS necesita los dos archivos: el certificado y su clave privada.</translation>
    </message>
    <message>
        <source>The TLS files cannot be used: %1</source>
        <translation>Los archivos TLS no se pueden usar: %1</translation>
    </message>
    <message>
        <source>Serving the API to other computers (%1) needs a TLS certificate and key: anyone on the network could read it otherwise.</source>
        <translation>Servir la API a otros equipos (%1) necesita un certificado y una clave TLS: de lo contrario, cualquiera en la red podría leerla.</translation>
    </message>
    <message>
        <source>The proxy: %1</source>
        <translation>El proxy: %1</translation>
    </message>
    <message>
        <source>Saved. The language, database, API server, proxy and log detail apply from the next start.</source>
        <translation>Guardado. El idioma, la base de datos, el servidor de la API, el proxy y el detalle del registro se aplican desde el próximo inicio.</translation>
    </message>
</context>
<context>
    <name>fliptech::ui::ApprovalsTab</name>
    <message>
        <source>Work that waits for a person stops here: a rule's next actions after "Ask for approval", reply suggestions the AI wrote, large campaign launches, steps of n8n workflows. Review it, change it if you like, and approve or reject. Without a decision by the deadline, the request's default applies.</source>
        <translation>El trabajo que espera a una persona se detiene aquí: las acciones de una regla tras "Pedir aprobación", las respuestas que sugirió la IA, los lanzamientos de campañas grandes, los pasos de flujos de n8n. Revíselo, cámbielo si quiere y apruébelo o recháchelo. Sin decisión antes del plazo, se aplica la opción por defecto de la solicitud.</translation>
    </message>
    <message>
        <source>Show decided ones too</source>
        <translation>Mostrar también las decididas</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Qué</translation>
    </message>
    <message>
        <source>Lead</source>
        <translation>Cliente potencial</translation>
    </message>
    <message>
        <source>Who decides</source>
        <translation>Quién decide</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Plazo</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Select a request to review it.</source>
        <translation>Seleccione una solicitud para revisarla.</translation>
    </message>
    <message>
        <source>Then, once approved</source>
        <translation>Después, una vez aprobada</translation>
    </message>
    <message>
        <source>Settings (editable)</source>
        <translation>Ajustes (editables)</translation>
    </message>
    <message>
        <source>The reply that goes out once approved</source>
        <translation>La respuesta que se envía al aprobar</translation>
    </message>
    <message>
        <source>A note with your decision (optional)</source>
        <translation>Una nota con su decisión (opcional)</translation>
    </message>
    <message>
        <source>&amp;Approve</source>
        <translation>&amp;Aprobar</translation>
    </message>
    <message>
        <source>Run the actions above, as edited (Ctrl+Return)</source>
        <translation>Ejecutar las acciones de arriba, tal como se editaron (Ctrl+Intro)</translation>
    </message>
    <message>
        <source>Re&amp;ject</source>
        <translation>Re&amp;chazar</translation>
    </message>
    <message>
        <source>user #%1</source>
        <translation>usuario n.º %1</translation>
    </message>
    <message>
        <source>an administrator</source>
        <translation>un administrador</translation>
    </message>
    <message>
        <source>anyone on the team</source>
        <translation>cualquiera del equipo</translation>
    </message>
    <message>
        <source>%1, then %2</source>
        <translation>%1, luego %2</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>aprobada</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>rechazada</translation>
    </message>
    <message>
        <source>No approvals yet.</source>
        <translation>Aún no hay aprobaciones.</translation>
    </message>
    <message>
        <source>Nothing waits for a decision.</source>
        <translation>Nada espera una decisión.</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;Approving launches the campaign "%2" to its %n recipient(s) at once (or at its start time).</source>
        <translation>
            <numerusform>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;Aprobar lanza la campaña "%2" a su %n destinatario de inmediato (o a su hora de inicio).</numerusform>
            <numerusform>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;Aprobar lanza la campaña "%2" a sus %n destinatarios de inmediato (o a su hora de inicio).</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;They wrote: &lt;i&gt;%2&lt;/i&gt;&lt;br&gt;Approving sends the reply below (edit it first if you like); rejecting keeps it unsent.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;Escribieron: &lt;i&gt;%2&lt;/i&gt;&lt;br&gt;Aprobar envía la respuesta de abajo (edítela antes si quiere); rechazar la deja sin enviar.</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;An n8n workflow (%2) waits for this decision%3. It receives the values below as you leave them.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;Un flujo de n8n (%2) espera esta decisión%3. Recibe los valores de abajo tal como los deje.</translation>
    </message>
    <message>
        <source> about the lead %1</source>
        <translation> sobre el cliente potencial %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;Rule "%2" on the lead %3.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;Regla "%2" sobre el cliente potencial %3.</translation>
    </message>
    <message>
        <source>It could not run: %1</source>
        <translation>No se pudo ejecutar: %1</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valor</translation>
    </message>
    <message>
        <source>As the workflow gets it (editable)</source>
        <translation>Tal como lo recibe el flujo (editable)</translation>
    </message>
    <message>
        <source>This one waits for %1.</source>
        <translation>Esta espera a %1.</translation>
    </message>
    <message>
        <source>another user</source>
        <translation>otro usuario</translation>
    </message>
    <message>
        <source>Approved, but it could not run: %1</source>
        <translation>Aprobada, pero no se pudo ejecutar: %1</translation>
    </message>
    <message>
        <source>Approved: the reply is on its way.</source>
        <translation>Aprobada: la respuesta va en camino.</translation>
    </message>
    <message>
        <source>Approved: the workflow is told and goes on.</source>
        <translation>Aprobada: el flujo lo sabe y continúa.</translation>
    </message>
    <message>
        <source>Approved: the campaign is launched.</source>
        <translation>Aprobada: la campaña está lanzada.</translation>
    </message>
    <message numerus="yes">
        <source>Approved: %n action(s) done.</source>
        <translation>
            <numerusform>Aprobada: %n acción hecha.</numerusform>
            <numerusform>Aprobada: %n acciones hechas.</numerusform>
        </translation>
    </message>
    <message>
        <source>Rejected: the workflow is told.</source>
        <translation>Rechazada: el flujo lo sabe.</translation>
    </message>
    <message>
        <source>Rejected: nothing more was done.</source>
        <translation>Rechazada: no se hizo nada más.</translation>
    </message>
</context>
<context>
    <name>fliptech::ui::AutomationPage</name>
    <message>
        <source>&amp;Rules</source>
        <translation>&amp;Reglas</translation>
    </message>
    <message>
        <source>&amp;Schedules</source>
        <translation>&amp;Programaciones</translation>
    </message>
    <message>
        <source>A&amp;pprovals (%1)</source>
        <translation>A&amp;probaciones (%1)</translation>
    </message>
    <message>
        <source>A&amp;pprovals</source>
        <translation>A&amp;probaciones</translation>
    </message>
    <message>
        <source>&amp;Webhooks</source>
        <translation>&amp;Webhooks</translation>
    </message>
    <message>
        <source>W&amp;orkflows</source>
        <translation>&amp;Flujos</translation>
    </message>
</context>
<context>
    <name>fliptech::ui::CampaignWizard</name>
    <message>
        <source>New campaign</source>
        <translation>Nueva campaña</translation>
    </message>
    <message>
        <source>Who receives it</source>
        <translation>Quién la recibe</translation>
    </message>
    <message>
        <source>Leads without an e-mail address, on the suppression list or excluded below are left out; an address shared by several leads gets one message.</source>
        <translation>Se omiten los clientes potenciales sin correo, en la lista de supresión o excluidos abajo; una dirección compartida por varios recibe un solo mensaje.</translation>
    </message>
    <message>
        <source>e.g. Austin plumbers — outdated websites</source>
        <translation>p. ej. Fontaneros de Austin — sitios web anticuados</translation>
    </message>
    <message>
        <source>Every lead with an e-mail address</source>
        <translation>Todos los clientes potenciales con correo</translation>
    </message>
    <message>
        <source>Leads with the status…</source>
        <translation>Clientes potenciales con el estado…</translation>
    </message>
    <message>
        <source>A saved segment…</source>
        <translation>Un segmento guardado…</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <source> days</source>
        <translation> días</translation>
    </message>
    <message>
        <source>Leave out leads another running campaign is still writing to</source>
        <translation>Omitir clientes potenciales a los que otra campaña en curso aún escribe</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Nombre</translation>
    </message>
    <message>
        <source>&amp;Send to</source>
        <translation>&amp;Enviar a</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>Segmento</translation>
    </message>
    <message>
        <source>Leave out leads contacted in the last</source>
        <translation>Omitir los contactados en los últimos</translation>
    </message>
    <message numerus="yes">
        <source>%n recipient(s)</source>
        <translation>
            <numerusform>%n destinatario</numerusform>
            <numerusform>%n destinatarios</numerusform>
        </translation>
    </message>
    <message>
        <source> — left out: %1 without an address, %2 suppressed, %3 excluded, %4 sharing an address</source>
        <translation> — omitidos: %1 sin dirección, %2 suprimidos, %3 excluidos, %4 con dirección compartida</translation>
    </message>
    <message>
        <source>What it sends</source>
        <translation>Qué envía</translation>
    </message>
    <message>
        <source>The first message, then follow-ups that wait the days you set (sending days only) and go only to those who have not replied, unsubscribed or bounced. A step with a B template is an A/B test.</source>
        <translation>El primer mensaje y luego seguimientos que esperan los días que indique (solo días de envío) y van solo a quien no ha respondido, no se ha dado de baja ni ha rebotado. Un paso con plantilla B es una prueba A/B.</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Plantilla</translation>
    </message>
    <message>
        <source>Wait (sending days)</source>
        <translation>Esperar (días de envío)</translation>
    </message>
    <message>
        <source>B template (A/B)</source>
        <translation>Plantilla B (A/B)</translation>
    </message>
    <message>
        <source>&amp;Add follow-up</source>
        <translation>&amp;Añadir seguimiento</translation>
    </message>
    <message>
        <source>&amp;Remove step</source>
        <translation>&amp;Quitar paso</translation>
    </message>
    <message>
        <source>the better open rate</source>
        <translation>la mejor tasa de apertura</translation>
    </message>
    <message>
        <source>the better reply rate</source>
        <translation>la mejor tasa de respuesta</translation>
    </message>
    <message>
        <source> recipients each</source>
        <translation> destinatarios cada una</translation>
    </message>
    <message>
        <source>A/B: try each template on</source>
        <translation>A/B: probar cada plantilla con</translation>
    </message>
    <message>
        <source>then send the rest</source>
        <translation>y luego enviar el resto con</translation>
    </message>
    <message>
        <source>From whom, and when</source>
        <translation>De quién y cuándo</translation>
    </message>
    <message>
        <source>Several mailboxes take turns, each within its own daily and hourly caps. Hours are read in each recipient's time zone (from the lead's location), or the mailbox's.</source>
        <translation>Varios buzones se turnan, cada uno dentro de sus límites diarios y por hora. Las horas se leen en la zona horaria de cada destinatario (según la ubicación del cliente potencial) o en la del buzón.</translation>
    </message>
    <message>
        <source>Mon</source>
        <translation>lun</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>mar</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>mié</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>jue</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>vie</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>sáb</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>dom</translation>
    </message>
    <message>
        <source>each recipient's time zone</source>
        <translation>la zona horaria de cada destinatario</translation>
    </message>
    <message>
        <source>the mailbox's time zone</source>
        <translation>la zona horaria del buzón</translation>
    </message>
    <message>
        <source>Count opens (a tiny image)</source>
        <translation>Contar aperturas (una imagen diminuta)</translation>
    </message>
    <message>
        <source>Count clicks (links go through our address)</source>
        <translation>Contar clics (los enlaces pasan por nuestra dirección)</translation>
    </message>
    <message>
        <source>to</source>
        <translation>a</translation>
    </message>
    <message>
        <source>in</source>
        <translation>en</translation>
    </message>
    <message>
        <source>Send from</source>
        <translation>Enviar desde</translation>
    </message>
    <message>
        <source>On</source>
        <translation>Los días</translation>
    </message>
    <message>
        <source>Between</source>
        <translation>Entre</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Revisión</translation>
    </message>
    <message>
        <source>&amp;Launch when I click Finish (otherwise it is saved as a draft)</source>
        <translation>&amp;Lanzar al pulsar Finalizar (si no, se guarda como borrador)</translation>
    </message>
    <message>
        <source>First sends:</source>
        <translation>Primeros envíos:</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(ninguno)</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Contando…</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%1&lt;/b&gt; goes to &lt;b&gt;%n recipient(s)&lt;/b&gt; in %2 step(s), from %3.</source>
        <translation>
            <numerusform>&lt;b&gt;%1&lt;/b&gt; va a &lt;b&gt;%n destinatario&lt;/b&gt; en %2 paso(s), desde %3.</numerusform>
            <numerusform>&lt;b&gt;%1&lt;/b&gt; va a &lt;b&gt;%n destinatarios&lt;/b&gt; en %2 paso(s), desde %3.</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;i&gt;no mailbox yet&lt;/i&gt;</source>
        <translation>&lt;i&gt;aún no hay buzón&lt;/i&gt;</translation>
    </message>
    <message>
        <source>Left out: %1 without an address, %2 suppressed, %3 excluded, %4 sharing an address.</source>
        <translation>Omitidos: %1 sin dirección, %2 suprimidos, %3 excluidos, %4 con dirección compartida.</translation>
    </message>
    <message>
        <source>%1 — %2 their time (%3)</source>
        <translation>%1 — %2 su hora (%3)</translation>
    </message>
    <message>
        <source>Give the campaign a name.</source>
        <translation>Ponga un nombre a la campaña.</translation>
    </message>
    <message>
        <source>Saved as a draft, not launched: %1</source>
        <translation>Guardada como borrador, sin lanzar: %1</translation>
    </message>
</context>
<context>
    <name>fliptech::ui::CampaignsPage</name>
    <message>
        <source>Search campaigns</source>
        <translation>Buscar campañas</translation>
    </message>
    <message>
        <source>&amp;New campaign…</source>
        <translation>&amp;Nueva campaña…</translation>
    </message>
    <message>
        <source>Ctrl+N</source>
        <translation>Ctrl+N</translation>
    </message>
    <message>
        <source>&amp;Launch</source>
        <translation>&amp;Lanzar</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>&amp;Pausar</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>&amp;Reanudar</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Eliminar</translation>
    </message>
    <message>
        <source>Send &amp;test…</source>
        <translation>Enviar &amp;prueba…</translation>
    </message>
    <message>
        <source>%v of %m sent</source>
        <translation>%v de %m enviados</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Paso</translation>
    </message>
    <message>
        <source>Variant</source>
        <translation>Variante</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Entregados</translation>
    </message>
    <message>
        <source>Open rate</source>
        <translation>Tasa de apertura</translation>
    </message>
    <message>
        <source>Reply rate</source>
        <translation>Tasa de respuesta</translation>
    </message>
    <message>
        <source>Bounced</source>
        <translation>Rebotados</translation>
    </message>
    <message>
        <source>Mark sent</source>
        <translation>Marcar como enviado</translation>
    </message>
    <message>
        <source>Resend</source>
        <translation>Reenviar</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>Omitir</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>Destinatario</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Enviado</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>No campaigns yet</source>
        <translation>Aún no hay campañas</translation>
    </message>
    <message>
        <source>Click “New campaign…” (Ctrl+N): choose who receives it, write the steps with your templates, pick the mailboxes and the hours, then launch.</source>
        <translation>Pulse “Nueva campaña…” (Ctrl+N): elija quién la recibe, escriba los pasos con sus plantillas, elija los buzones y las horas, y lance.</translation>
    </message>
    <message>
        <source>Saved. Its launch waits for an administrator's approval (Automation → Approvals).</source>
        <translation>Guardada. Su lanzamiento espera la aprobación de un administrador (Automatización → Aprobaciones).</translation>
    </message>
    <message>
        <source>starts %1</source>
        <translation>empieza %1</translation>
    </message>
    <message>
        <source>Delivered &lt;b&gt;%1&lt;/b&gt; · Opened &lt;b&gt;%2&lt;/b&gt; (%3) · Clicked &lt;b&gt;%4&lt;/b&gt; (%5) · Replied &lt;b&gt;%6&lt;/b&gt; (%7) · Bounced &lt;b&gt;%8&lt;/b&gt; (%9) · Unsubscribed &lt;b&gt;%10&lt;/b&gt;</source>
        <translation>Entregados &lt;b&gt;%1&lt;/b&gt; · Abiertos &lt;b&gt;%2&lt;/b&gt; (%3) · Clics &lt;b&gt;%4&lt;/b&gt; (%5) · Respuestas &lt;b&gt;%6&lt;/b&gt; (%7) · Rebotes &lt;b&gt;%8&lt;/b&gt; (%9) · Bajas &lt;b&gt;%10&lt;/b&gt;</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) were cut off mid-send (the application stopped): they may have gone out. Check the mailbox's Sent folder, then:</source>
        <translation>
            <numerusform>%n mensaje se cortó a mitad del envío (la aplicación se detuvo): puede que saliera. Revise la carpeta Enviados del buzón y luego:</numerusform>
            <numerusform>%n mensajes se cortaron a mitad del envío (la aplicación se detuvo): puede que salieran. Revise la carpeta Enviados del buzón y luego:</numerusform>
        </translation>
    </message>
    <message>
        <source> (winner)</source>
        <translation> (ganadora)</translation>
    </message>
    <message>
        <source>next message %1</source>
        <translation>próximo mensaje %1</translation>
    </message>
    <message>
        <source>Sent, opened, clicked and replied per hour</source>
        <translation>Enviados, abiertos, clics y respuestas por hora</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Abiertos</translation>
    </message>
    <message>
        <source>Clicked</source>
        <translation>Clics</translation>
    </message>
    <message>
        <source>Replied</source>
        <translation>Respondidos</translation>
    </message>
    <message>
        <source>Launch campaign</source>
        <translation>Lanzar campaña</translation>
    </message>
    <message numerus="yes">
        <source>Start sending to %n recipient(s)?</source>
        <translation>
            <numerusform>¿Empezar a enviar a %n destinatario?</numerusform>
            <numerusform>¿Empezar a enviar a %n destinatarios?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Waiting for an administrator's approval (Automation → Approvals): a launch to %n recipient(s) needs one.</source>
        <translation>
            <numerusform>Esperando la aprobación de un administrador (Automatización → Aprobaciones): la necesita un lanzamiento a %n destinatario.</numerusform>
            <numerusform>Esperando la aprobación de un administrador (Automatización → Aprobaciones): la necesita un lanzamiento a %n destinatarios.</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete campaign</source>
        <translation>Eliminar campaña</translation>
    </message>
    <message>
        <source>Delete “%1” and its numbers? This cannot be undone.</source>
        <translation>¿Eliminar “%1” y sus cifras? No se puede deshacer.</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) resolved.</source>
        <translation>
            <numerusform>%n mensaje resuelto.</numerusform>
            <numerusform>%n mensajes resueltos.</numerusform>
        </translation>
    </message>
    <message>
        <source>Send a test</source>
        <translation>Enviar una prueba</translation>
    </message>
    <message>
        <source>Send the first step, as a sample lead gets it, to:</source>
        <translation>Enviar el primer paso, tal como lo recibe un cliente potencial de ejemplo, a:</translation>
    </message>
    <message>
        <source>Test sent to %1 (“%2”).</source>
        <translation>Prueba enviada a %1 (“%2”).</translation>
    </message>
</context>
<context>
    <name>fliptech::ui::ChangePasswordDialog</name>
    <message>
        <source>Choose your password</source>
        <translation>Elija su contraseña</translation>
    </message>
    <message>
        <source>An administrator gave you a temporary password. Choose your own to go on.</source>
        <translation>Un administrador le dio una contraseña temporal. Elija la suya para continuar.</translation>
    </message>
    <message>
        <source>&amp;New password</source>
        <translation>&amp;Nueva contraseña</translation>
    </message>
    <message>
        <source>&amp;Repeat it</source>
        <translation>&amp;Repítala</translation>
    </message>
    <message>
        <source>Save password</source>
        <translation>Guardar contraseña</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>Las dos contraseñas no coinciden.</translation>
    </message>
</context>
<context>
    <name>fliptech::ui::CustomUrlPage</name>
    <message>
        <source>https://example.com/directory/plumbers</source>
        <translation>https://example.com/directorio/fontaneros</translation>
    </message>
    <message>
        <source>A page that lists businesses: a directory, a members list, search results</source>
        <translation>Una página que lista negocios: un directorio, una lista de socios, resultados de búsqueda</translation>
    </message>
    <message>
        <source>&amp;Analyse page</source>
        <translation>&amp;Analizar página</translation>
    </message>
    <message>
        <source>Read the page and propose a recipe: the repeated items and their fields</source>
        <translation>Leer la página y proponer una receta: los elementos repetidos y sus campos</translation>
    </message>
    <message>
        <source>Saved recipes: choose one to load it</source>
        <translation>Recetas guardadas: elija una para cargarla</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <source>Delete the loaded recipe</source>
        <translation>Eliminar la receta cargada</translation>
    </message>
    <message>
        <source>Page:</source>
        <translation>Página:</translation>
    </message>
    <message>
        <source>Recipe:</source>
        <translation>Receta:</translation>
    </message>
    <message>
        <source>Analyse a page to get a recipe here, or write one:
{"item": "li.result",
 "fields": [{"name": "name", "css": "h2 a"},
            {"name": "url", "css": "h2 a", "attr": "href", "type": "url"}],
 "next_page": "a[rel=next]", "max_pages": 5}</source>
        <translation>Analice una página para obtener aquí una receta, o escriba una:
{"item": "li.result",
 "fields": [{"name": "name", "css": "h2 a"},
            {"name": "url", "css": "h2 a", "attr": "href", "type": "url"}],
 "next_page": "a[rel=next]", "max_pages": 5}</translation>
    </message>
    <message>
        <source>The preview shows the rows the recipe reads on the page.</source>
        <translation>La vista previa muestra las filas que la receta lee en la página.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Recipe&lt;/b&gt; (JSON; checked as you type)</source>
        <translation>&lt;b&gt;Receta&lt;/b&gt; (JSON; se comprueba al escribir)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Preview&lt;/b&gt;</source>
        <translation>&lt;b&gt;Vista previa&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Recipe name, e.g. Austin plumbers directory</source>
        <translation>Nombre de la receta, p. ej. Directorio de fontaneros de Austin</translation>
    </message>
    <message>
        <source>&amp;Save recipe</source>
        <translation>&amp;Guardar receta</translation>
    </message>
    <message>
        <source>Save the recipe under its name to run it again later (Ctrl+S)</source>
        <translation>Guardar la receta con su nombre para volver a ejecutarla (Ctrl+S)</translation>
    </message>
    <message>
        <source>&amp;Run scrape</source>
        <translation>&amp;Ejecutar búsqueda</translation>
    </message>
    <message>
        <source>Read every start page and the pages after it; the rows become leads (source custom_url)</source>
        <translation>Leer cada página inicial y las siguientes; las filas se convierten en clientes potenciales (origen custom_url)</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nombre:</translation>
    </message>
    <message>
        <source>Give the address of a page that lists businesses, e.g. https://example.com/directory.</source>
        <translation>Indique la dirección de una página que liste negocios, p. ej. https://example.com/directorio.</translation>
    </message>
    <message>
        <source>Reading %1 …</source>
        <translation>Leyendo %1 …</translation>
    </message>
    <message>
        <source>Could not read %1: %2</source>
        <translation>No se pudo leer %1: %2</translation>
    </message>
    <message>
        <source>the server answered %1</source>
        <translation>el servidor respondió %1</translation>
    </message>
    <message>
        <source>%1 (%2 items)</source>
        <translation>%1 (%2 elementos)</translation>
    </message>
    <message>
        <source>Found %1 similar items. Check the preview, edit the recipe if needed, then Run.</source>
        <translation>Se encontraron %1 elementos similares. Revise la vista previa, edite la receta si hace falta y pulse Ejecutar.</translation>
    </message>
    <message>
        <source>Other lists on the page: %1.</source>
        <translation>Otras listas de la página: %1.</translation>
    </message>
    <message>
        <source>✗ %1</source>
        <translation>✗ %1</translation>
    </message>
    <message>
        <source>Fix the recipe to see its rows.</source>
        <translation>Corrija la receta para ver sus filas.</translation>
    </message>
    <message numerus="yes">
        <source>✓ The recipe is valid: %n field(s)</source>
        <translation>
            <numerusform>✓ La receta es válida: %n campo</numerusform>
            <numerusform>✓ La receta es válida: %n campos</numerusform>
        </translation>
    </message>
    <message>
        <source>Analyse a page (or load a recipe with a start page) to see the rows it reads.</source>
        <translation>Analice una página (o cargue una receta con página inicial) para ver las filas que lee.</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) on this page</source>
        <translation>
            <numerusform>%n fila en esta página</numerusform>
            <numerusform>%n filas en esta página</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n left out (a required field missing)</source>
        <translation>
            <numerusform>, %n omitida (falta un campo obligatorio)</numerusform>
            <numerusform>, %n omitidas (falta un campo obligatorio)</numerusform>
        </translation>
    </message>
    <message>
        <source>; no next page found.</source>
        <translation>; no se encontró página siguiente.</translation>
    </message>
    <message>
        <source>; next page: %1</source>
        <translation>; página siguiente: %1</translation>
    </message>
    <message>
        <source>(Fields from each item's own page are read when the scrape runs.)</source>
        <translation>(Los campos de la página propia de cada elemento se leen al ejecutar la búsqueda.)</translation>
    </message>
    <message>
        <source>— choose a saved recipe —</source>
        <translation>— elija una receta guardada —</translation>
    </message>
    <message>
        <source>Recipe "%1" loaded.</source>
        <translation>Receta "%1" cargada.</translation>
    </message>
    <message>
        <source>The recipe is not valid JSON yet: see the message under the editor.</source>
        <translation>La receta aún no es JSON válido: vea el mensaje bajo el editor.</translation>
    </message>
    <message>
        <source>Give the recipe a name first.</source>
        <translation>Primero dé un nombre a la receta.</translation>
    </message>
    <message>
        <source>Recipe "%1" saved.</source>
        <translation>Receta "%1" guardada.</translation>
    </message>
    <message>
        <source>Delete recipe</source>
        <translation>Eliminar receta</translation>
    </message>
    <message>
        <source>Delete the recipe "%1"? Scrapes it ran keep their leads.</source>
        <translation>¿Eliminar la receta "%1"? Las búsquedas que ejecutó conservan sus clientes potenciales.</translation>
    </message>
    <message>
        <source>Recipe deleted.</source>
        <translation>Receta eliminada.</translation>
    </message>
    <message>
        <source>Scrape %1 started: follow it in the jobs below.</source>
        <translation>Búsqueda %1 iniciada: sígala en los trabajos de abajo.</translation>
    </message>
</context>
<context>
    <name>fliptech::ui::DashboardPage</name>
    <message>
        <source>&amp;Overview</source>
        <translation>&amp;Resumen</translation>
    </message>
    <message>
        <source>&amp;Pipeline</source>
        <translation>&amp;Embudo de ventas</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualizar</translation>
    </message>
    <message>
        <source>F5</source>
        <translation>F5</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Exportar</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>%1 guardado.</translation>
    </message>
    <message>
        <source>Writing the report…</source>
        <translation>Escribiendo el informe…</translation>
    </message>
    <message>
        <source>Report saved: %1.</source>
        <translation>Informe guardado: %1.</translation>
    </message>
    <message>
        <source>Dashboard as PNG…</source>
        <translation>Panel como PNG…</translation>
    </message>
    <message>
        <source>Save the dashboard</source>
        <translation>Guardar el panel</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>Imagen PNG (*.png)</translation>
    </message>
    <message>
        <source>Dashboard as PDF…</source>
        <translation>Panel como PDF…</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Report as PDF…</source>
        <translation>Informe como PDF…</translation>
    </message>
    <message>
        <source>Save the report</source>
        <translation>Guardar el informe</translation>
    </message>
    <message>
        <source>Report as CSV…</source>
        <translation>Informe como CSV…</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Report as JSON…</source>
        <translation>Informe como JSON…</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>Periodo:</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>Ingresos</translation>
    </message>
    <message>
        <source>Pipeline (weighted)</source>
        <translation>Embudo (ponderado)</translation>
    </message>
    <message>
        <source>New leads won</source>
        <translation>Nuevos clientes ganados</translation>
    </message>
    <message>
        <source>ROI</source>
        <translation>ROI</translation>
    </message>
    <message>
        <source>Spend</source>
        <translation>Gasto</translation>
    </message>
    <message>
        <source>Click a point, bar or slice to see its leads</source>
        <translation>Pulse un punto, barra o sector para ver sus clientes potenciales</translation>
    </message>
    <message numerus="yes">
        <source>%n open deal(s) worth %1 in all</source>
        <translation>
            <numerusform>%n oportunidad abierta por %1 en total</numerusform>
            <numerusform>%n oportunidades abiertas por %1 en total</numerusform>
        </translation>
    </message>
    <message>
        <source>Revenue by %1</source>
        <translation>Ingresos por %1</translation>
    </message>
    <message>
        <source>day</source>
        <translation>día</translation>
    </message>
    <message>
        <source>week</source>
        <translation>semana</translation>
    </message>
    <message>
        <source>month</source>
        <translation>mes</translation>
    </message>
    <message>
        <source>Revenue (USD)</source>
        <translation>Ingresos (USD)</translation>
    </message>
    <message>
        <source>Revenue from %1</source>
        <translation>Ingresos de %1</translation>
    </message>
    <message>
        <source>Revenue by source</source>
        <translation>Ingresos por origen</translation>
    </message>
    <message>
        <source>Lead funnel (leads that came in)</source>
        <translation>Embudo de clientes potenciales (los que entraron)</translation>
    </message>
    <message>
        <source>Leads</source>
        <translation>Clientes potenciales</translation>
    </message>
    <message>
        <source>Funnel: %1</source>
        <translation>Embudo: %1</translation>
    </message>
    <message>
        <source>Costs by type: %1</source>
        <translation>Costes por tipo: %1</translation>
    </message>
    <message>
        <source>Costs: %1, %2</source>
        <translation>Costes: %1, %2</translation>
    </message>
    <message>
        <source>Revenue: the last 12 months and the next 6</source>
        <translation>Ingresos: los últimos 12 meses y los 6 siguientes</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Cerrados</translation>
    </message>
    <message>
        <source>Projected</source>
        <translation>Previstos</translation>
    </message>
    <message>
        <source>95 % interval</source>
        <translation>Intervalo del 95 %</translation>
    </message>
    <message>
        <source>No leads behind “%1” (costs that belong to no lead, such as rent, have none).</source>
        <translation>No hay clientes potenciales detrás de “%1” (los costes que no son de ningún cliente, como el alquiler, no tienen).</translation>
    </message>
    <message>
        <source>FlipTech Pro dashboard</source>
        <translation>Panel de FlipTech Pro</translation>
    </message>
    <message>
        <source>%1 could not be written.</source>
        <translation>No se pudo escribir %1.</translation>
    </message>
    <message>
        <source>%1 could not be written (is it a PNG or JPEG name?).</source>
        <translation>No se pudo escribir %1 (¿es un nombre PNG o JPEG?).</translation>
    </message>
    <message>
        <source>A report is written as .csv, .json or .pdf.</source>
        <translation>Un informe se escribe como .csv, .json o .pdf.</translation>
    </message>
</context>
<context>
    <name>fliptech::ui::DrillDown</name>
    <message>
        <source>%1: the first 10,000 of %2 leads are shown.</source>
        <translation>%1: se muestran los primeros 10.000 de %2 clientes potenciales.</translation>
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
        <translation>Clientes potenciales duplicados</translation>
    </message>
    <message>
        <source>Click a value to keep it. The first lead survives; the others' tags, notes and history move to it.</source>
        <translation>Pulse un valor para conservarlo. El primer cliente potencial se conserva; las etiquetas, notas e historial de los demás pasan a él.</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>Fusionar</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>%1 leads · same %2: %3</source>
        <translation>%1 clientes potenciales · mismo %2: %3</translation>
    </message>
    <message>
        <source>No duplicates found.</source>
        <translation>No se encontraron duplicados.</translation>
    </message>
    <message>
        <source>#%1 (keeps)</source>
        <translation>n.º %1 (se conserva)</translation>
    </message>
    <message>
        <source>#%1</source>
        <translation>n.º %1</translation>
    </message>
    <message>
        <source>Merged into #%1.</source>
        <translation>Fusionado en n.º %1.</translation>
    </message>
</context>
<context>
    <name>fliptech::ui::FirstRunWizard</name>
    <message>
        <source>Welcome to FlipTech Pro</source>
        <translation>Bienvenido a FlipTech Pro</translation>
    </message>
    <message>
        <source>Four short steps, and you are in.</source>
        <translation>Cuatro pasos cortos y listo.</translation>
    </message>
    <message>
        <source>&lt;p&gt;FlipTech Pro finds local businesses that need a website, judges their current one, writes to them, follows the replies and counts the revenue.&lt;/p&gt;&lt;p&gt;Next you choose where your data lives, create your account and, if you like, connect an AI provider. Everything can be changed later in &lt;b&gt;Settings&lt;/b&gt;.&lt;/p&gt;</source>
        <translation>&lt;p&gt;FlipTech Pro encuentra negocios locales que necesitan un sitio web, evalúa el que tienen, les escribe, sigue las respuestas y cuenta los ingresos.&lt;/p&gt;&lt;p&gt;Ahora elegirá dónde se guardan sus datos, creará su cuenta y, si quiere, conectará un proveedor de IA. Todo se puede cambiar después en &lt;b&gt;Configuración&lt;/b&gt;.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Where your data lives</source>
        <translation>Dónde se guardan sus datos</translation>
    </message>
    <message>
        <source>On this computer to start alone; on the team's PostgreSQL to share leads and campaigns.</source>
        <translation>En este equipo para empezar solo; en el PostgreSQL del equipo para compartir clientes potenciales y campañas.</translation>
    </message>
    <message>
        <source>This computer (recommended to start): a file, nothing to set up</source>
        <translation>Este equipo (recomendado para empezar): un archivo, nada que configurar</translation>
    </message>
    <message>
        <source>The team's PostgreSQL server</source>
        <translation>El servidor PostgreSQL del equipo</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Servidor</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <source>Your account</source>
        <translation>Su cuenta</translation>
    </message>
    <message>
        <source>The administrator: you sign in with it and invite your team from Settings → Users.</source>
        <translation>El administrador: inicia sesión con ella e invita a su equipo desde Configuración → Usuarios.</translation>
    </message>
    <message>
        <source>you@agency.com</source>
        <translation>usted@agencia.com</translation>
    </message>
    <message>
        <source>at least 10 characters</source>
        <translation>al menos 10 caracteres</translation>
    </message>
    <message>
        <source>&amp;Email</source>
        <translation>&amp;Correo</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Nombre</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>&amp;Contraseña</translation>
    </message>
    <message>
        <source>&amp;Repeat password</source>
        <translation>&amp;Repetir contraseña</translation>
    </message>
    <message>
        <source>Integrations (optional)</source>
        <translation>Integraciones (opcional)</translation>
    </message>
    <message>
        <source>With an AI provider's key, FlipTech Pro writes emails and replies with AI; without one its offline writer drafts them.</source>
        <translation>Con la clave de un proveedor de IA, FlipTech Pro escribe correos y respuestas con IA; sin ella, los redacta su redactor offline.</translation>
    </message>
    <message>
        <source>sk-or-… (OpenRouter, or any OpenAI-compatible provider)</source>
        <translation>sk-or-… (OpenRouter, o cualquier proveedor compatible con OpenAI)</translation>
    </message>
    <message>
        <source>AI key</source>
        <translation>Clave de IA</translation>
    </message>
    <message>
        <source>Kept in the system keychain. Sender mailboxes, enrichment providers and n8n are set up in &lt;b&gt;Settings&lt;/b&gt; when you need them.</source>
        <translation>Se guarda en el llavero del sistema. Los buzones de envío, los proveedores de enriquecimiento y n8n se configuran en &lt;b&gt;Configuración&lt;/b&gt; cuando los necesite.</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Listo</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Conectando…</translation>
    </message>
    <message>
        <source>Could not connect: %1</source>
        <translation>No se pudo conectar: %1</translation>
    </message>
    <message>
        <source>✓ Connected: %1</source>
        <translation>✓ Conectado: %1</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>Las dos contraseñas no coinciden.</translation>
    </message>
    <message>
        <source>&lt;p&gt;FlipTech Pro starts again on the team's database when you click Finish.&lt;/p&gt;&lt;p&gt;If the team already works there, sign in with the account an administrator gave you; if the database is new, you create its administrator then.&lt;/p&gt;</source>
        <translation>&lt;p&gt;FlipTech Pro se iniciará de nuevo con la base de datos del equipo al pulsar Finalizar.&lt;/p&gt;&lt;p&gt;Si el equipo ya trabaja allí, inicie sesión con la cuenta que le dio un administrador; si la base de datos es nueva, creará entonces su administrador.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;You are signed in as &lt;b&gt;%1&lt;/b&gt;%2.&lt;/p&gt;&lt;p&gt;To get your first leads:&lt;/p&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;Import CSV&lt;/b&gt; on the Leads page, from a spreadsheet or another CRM;&lt;/li&gt;&lt;li&gt;&lt;b&gt;Run a scrape&lt;/b&gt; on the Scraper page, e.g. plumbers in your city;&lt;/li&gt;&lt;li&gt;or &lt;b&gt;add a lead&lt;/b&gt; by hand.&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;Press F1 at any time for the keyboard shortcuts.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Ha iniciado sesión como &lt;b&gt;%1&lt;/b&gt;%2.&lt;/p&gt;&lt;p&gt;Para conseguir sus primeros clientes potenciales:&lt;/p&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;Importar CSV&lt;/b&gt; en la página Clientes potenciales, desde una hoja de cálculo u otro CRM;&lt;/li&gt;&lt;li&gt;&lt;b&gt;Ejecutar una búsqueda&lt;/b&gt; en la página Buscador, p. ej. fontaneros de su ciudad;&lt;/li&gt;&lt;li&gt;o &lt;b&gt;añadir un cliente&lt;/b&gt; a mano.&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;Pulse F1 cuando quiera para ver los atajos de teclado.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>, with the AI connected</source>
        <translation>, con la IA conectada</translation>
    </message>
</context>
<context>
    <name>fliptech::ui::ImportWizard</name>
    <message>
        <source>Import leads from CSV</source>
        <translation>Importar clientes potenciales desde CSV</translation>
    </message>
    <message>
        <source>Choose a CSV file</source>
        <translation>Elija un archivo CSV</translation>
    </message>
    <message>
        <source>Exported from a spreadsheet, a CRM or another tool. Encoding and separator are detected.</source>
        <translation>Exportado de una hoja de cálculo, un CRM u otra herramienta. Se detectan la codificación y el separador.</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Examinar…</translation>
    </message>
    <message>
        <source>CSV file</source>
        <translation>Archivo CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt *.tsv);;All files (*)</source>
        <translation>Archivos CSV (*.csv *.txt *.tsv);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Match the columns</source>
        <translation>Asignar las columnas</translation>
    </message>
    <message>
        <source>Choose which lead field each column fills. The first rows are shown so you can check.</source>
        <translation>Elija qué campo del cliente potencial llena cada columna. Se muestran las primeras filas para que pueda comprobarlo.</translation>
    </message>
    <message>
        <source>Duplicates</source>
        <translation>Duplicados</translation>
    </message>
    <message>
        <source>Leads with the same e-mail, phone or website as an existing lead (or an earlier row) are duplicates.</source>
        <translation>Son duplicados los clientes potenciales con el mismo correo, teléfono o sitio web que uno existente (o que una fila anterior).</translation>
    </message>
    <message>
        <source>Skip them (keep the existing lead as it is)</source>
        <translation>Omitirlos (el cliente existente se queda como está)</translation>
    </message>
    <message>
        <source>Update the existing lead with the file's values</source>
        <translation>Actualizar el cliente existente con los valores del archivo</translation>
    </message>
    <message>
        <source>Create them anyway</source>
        <translation>Crearlos de todos modos</translation>
    </message>
    <message>
        <source>Phone numbers without a country code are from:</source>
        <translation>Los teléfonos sin prefijo de país son de:</translation>
    </message>
    <message>
        <source>Tags for every imported lead, separated by commas (optional)</source>
        <translation>Etiquetas para cada cliente importado, separadas por comas (opcional)</translation>
    </message>
    <message>
        <source>Importing</source>
        <translation>Importando</translation>
    </message>
    <message>
        <source>Save rejected rows…</source>
        <translation>Guardar filas rechazadas…</translation>
    </message>
    <message>
        <source>Save rejected rows</source>
        <translation>Guardar filas rechazadas</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>%1, separated by “%2”</source>
        <translation>%1, separado por “%2”</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Columna</translation>
    </message>
    <message>
        <source>Lead field</source>
        <translation>Campo del cliente potencial</translation>
    </message>
    <message>
        <source>Row %1</source>
        <translation>Fila %1</translation>
    </message>
    <message>
        <source>Reading and checking every row… (Cancel stops it and imports nothing)</source>
        <translation>Leyendo y comprobando cada fila… (Cancelar lo detiene y no importa nada)</translation>
    </message>
    <message>
        <source>%1 leads imported, %2 updated, %3 duplicates skipped, %4 rows rejected (%5 rows read in %6 s).</source>
        <translation>%1 clientes importados, %2 actualizados, %3 duplicados omitidos, %4 filas rechazadas (%5 filas leídas en %6 s).</translation>
    </message>
    <message>
        <source>
The leads are in the list now. Their search entries and filter indexes are being built in the background (see the status bar): until then search does not find them and filters are slower.</source>
        <translation>
Los clientes potenciales ya están en la lista. Sus entradas de búsqueda e índices de filtro se construyen en segundo plano (vea la barra de estado): hasta entonces la búsqueda no los encuentra y los filtros van más lentos.</translation>
    </message>
    <message>
        <source>
Row %1: %2</source>
        <translation>
Fila %1: %2</translation>
    </message>
</context>
<context>
    <name>fliptech::ui::InboxPage</name>
    <message>
        <source>Active</source>
        <translation>Activas</translation>
    </message>
    <message>
        <source>Needs a reply</source>
        <translation>Necesitan respuesta</translation>
    </message>
    <message>
        <source>Unread</source>
        <translation>No leídas</translation>
    </message>
    <message>
        <source>Positive</source>
        <translation>Positivo</translation>
    </message>
    <message>
        <source>Negative</source>
        <translation>Negativo</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>Archivadas</translation>
    </message>
    <message>
        <source>Everything</source>
        <translation>Todo</translation>
    </message>
    <message>
        <source>&amp;Check mail</source>
        <translation>&amp;Revisar correo</translation>
    </message>
    <message>
        <source>Read every mailbox now (F5)</source>
        <translation>Leer ahora todos los buzones (F5)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>Conversación</translation>
    </message>
    <message>
        <source>Mood</source>
        <translation>Ánimo</translation>
    </message>
    <message>
        <source>Last</source>
        <translation>Último</translation>
    </message>
    <message>
        <source>&amp;Archive</source>
        <translation>&amp;Archivar</translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <source>Suggested reply</source>
        <translation>Respuesta sugerida</translation>
    </message>
    <message>
        <source>&amp;Suggest a reply</source>
        <translation>&amp;Sugerir una respuesta</translation>
    </message>
    <message>
        <source>Ctrl+G: the AI (or the offline writer) drafts an answer; nothing is sent until you approve it</source>
        <translation>Ctrl+G: la IA (o el redactor offline) redacta una respuesta; no se envía nada hasta que usted la aprueba</translation>
    </message>
    <message>
        <source>No suggestion yet. “Suggest a reply” drafts one from the thread and the lead's website analysis.</source>
        <translation>Aún no hay sugerencia. “Sugerir una respuesta” redacta una a partir del hilo y del análisis del sitio web del cliente.</translation>
    </message>
    <message>
        <source>Approve &amp;&amp; send</source>
        <translation>Aprobar y enviar</translation>
    </message>
    <message>
        <source>Send the suggestion as it stands in the box (your edits included)</source>
        <translation>Enviar la sugerencia tal como está en el cuadro (con sus cambios)</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>Rechazar</translation>
    </message>
    <message>
        <source>Write again</source>
        <translation>Escribir de nuevo</translation>
    </message>
    <message>
        <source>Your reply</source>
        <translation>Su respuesta</translation>
    </message>
    <message>
        <source>The mailbox the reply is sent from</source>
        <translation>El buzón desde el que se envía la respuesta</translation>
    </message>
    <message>
        <source>Write your answer… (Ctrl+Return sends it)</source>
        <translation>Escriba su respuesta… (Ctrl+Intro la envía)</translation>
    </message>
    <message>
        <source>Sen&amp;d</source>
        <translation>En&amp;viar</translation>
    </message>
    <message>
        <source>Ctrl+Return</source>
        <translation>Ctrl+Return</translation>
    </message>
    <message>
        <source>Start from a template…</source>
        <translation>Empezar con una plantilla…</translation>
    </message>
    <message>
        <source>Stopping after the message being read…</source>
        <translation>Deteniendo tras el mensaje que se está leyendo…</translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation>(sin asunto)</translation>
    </message>
    <message>
        <source>Nothing here</source>
        <translation>Nada aquí</translation>
    </message>
    <message>
        <source>No conversations yet</source>
        <translation>Aún no hay conversaciones</translation>
    </message>
    <message>
        <source>&lt;p&gt;No conversation matches this filter.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Ninguna conversación coincide con este filtro.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Replies to your campaigns and e-mails appear here. Add the IMAP server of a mailbox in &lt;b&gt;Settings → Sender accounts&lt;/b&gt;, then &lt;b&gt;Check mail&lt;/b&gt; (F5); the inbox is also read every few minutes.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Las respuestas a sus campañas y correos aparecen aquí. Añada el servidor IMAP de un buzón en &lt;b&gt;Configuración → Cuentas de envío&lt;/b&gt; y luego &lt;b&gt;Revisar correo&lt;/b&gt; (F5); la bandeja también se lee cada pocos minutos.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>You (%1)</source>
        <translation>Usted (%1)</translation>
    </message>
    <message>
        <source>automatic answer: not counted as a reply</source>
        <translation>respuesta automática: no cuenta como respuesta</translation>
    </message>
    <message>
        <source>&lt;p&gt;Status: &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>&lt;p&gt;Estado: &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source> · Deal: &lt;b&gt;%1&lt;/b&gt;</source>
        <translation> · Oportunidad: &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source> · Value: &lt;b&gt;%1&lt;/b&gt;</source>
        <translation> · Valor: &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;h4&gt;Notes&lt;/h4&gt;</source>
        <translation>&lt;h4&gt;Notas&lt;/h4&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;%1 is not one of your leads yet.&lt;/p&gt;</source>
        <translation>&lt;p&gt;%1 aún no es uno de sus clientes potenciales.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Written by %1.</source>
        <translation>Escrito por %1.</translation>
    </message>
    <message>
        <source>Written by the offline writer.</source>
        <translation>Escrito por el redactor offline.</translation>
    </message>
    <message>
        <source>Approved, not sent yet: approve again to retry.</source>
        <translation>Aprobada, aún sin enviar: apruebe de nuevo para reintentar.</translation>
    </message>
    <message>
        <source>No mailbox to read: add its IMAP server to a sender account in Settings → Sender accounts.</source>
        <translation>No hay buzón que leer: añada su servidor IMAP a una cuenta de envío en Configuración → Cuentas de envío.</translation>
    </message>
    <message>
        <source>Checking mail…</source>
        <translation>Revisando el correo…</translation>
    </message>
    <message>
        <source>Stopped. </source>
        <translation>Detenido. </translation>
    </message>
    <message numerus="yes">
        <source>%n new message(s)</source>
        <translation>
            <numerusform>%n mensaje nuevo</numerusform>
            <numerusform>%n mensajes nuevos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n of them replies.</source>
        <translation>
            <numerusform>, %n de ellos es respuesta.</numerusform>
            <numerusform>, %n de ellos son respuestas.</numerusform>
        </translation>
    </message>
    <message>
        <source>Writing a suggestion…</source>
        <translation>Escribiendo una sugerencia…</translation>
    </message>
    <message>
        <source>Suggestion ready: edit it if you like, then Approve &amp; send.</source>
        <translation>Sugerencia lista: edítela si quiere y luego Aprobar y enviar.</translation>
    </message>
    <message>
        <source>The auto-approval rule “%1” decided it: %2.</source>
        <translation>Lo decidió la regla de aprobación automática “%1”: %2.</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Enviando…</translation>
    </message>
    <message>
        <source>Rejecting…</source>
        <translation>Rechazando…</translation>
    </message>
    <message>
        <source>Sent.</source>
        <translation>Enviado.</translation>
    </message>
    <message>
        <source>Suggestion rejected.</source>
        <translation>Sugerencia rechazada.</translation>
    </message>
    <message>
        <source>Write the reply first.</source>
        <translation>Escriba primero la respuesta.</translation>
    </message>
    <message>
        <source>Sent to %1.</source>
        <translation>Enviado a %1.</translation>
    </message>
    <message>
        <source>Archived. A new reply brings it back.</source>
        <translation>Archivada. Una nueva respuesta la recupera.</translation>
    </message>
</context>
<context>
    <name>fliptech::ui::IntegrationsSettings</name>
    <message>
        <source>&lt;b&gt;Lead enrichment&lt;/b&gt; finds the e-mail address, phone and company details of a lead from its website's domain. The providers are asked in this order until the lead has an address and a phone; what a provider answered is remembered for 30 days, so asking again costs nothing.</source>
        <translation>&lt;b&gt;El enriquecimiento&lt;/b&gt; encuentra el correo, el teléfono y los datos de empresa de un cliente potencial a partir del dominio de su sitio web. Se consulta a los proveedores en este orden hasta que el cliente tiene dirección y teléfono; lo que respondió un proveedor se recuerda 30 días, así que volver a preguntar no cuesta nada.</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Proveedor</translation>
    </message>
    <message>
        <source>On</source>
        <translation>Los días</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>Clave de API</translation>
    </message>
    <message>
        <source>Base URL</source>
        <translation>URL base</translation>
    </message>
    <message>
        <source>Cost per call (¢)</source>
        <translation>Coste por llamada (¢)</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>&amp;Subir</translation>
    </message>
    <message>
        <source>Move &amp;down</source>
        <translation>&amp;Bajar</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Guardar</translation>
    </message>
    <message>
        <source>Save the order, which providers are on, their addresses and costs</source>
        <translation>Guardar el orden, qué proveedores están activos, sus direcciones y costes</translation>
    </message>
    <message>
        <source>API key of the selected provider</source>
        <translation>Clave de API del proveedor seleccionado</translation>
    </message>
    <message>
        <source>Save &amp;key</source>
        <translation>Guardar &amp;clave</translation>
    </message>
    <message>
        <source>Kept in the system keychain, never shown again</source>
        <translation>Se guarda en el llavero del sistema y no se vuelve a mostrar</translation>
    </message>
    <message>
        <source>&amp;Remove key</source>
        <translation>&amp;Quitar clave</translation>
    </message>
    <message>
        <source>Only an admin can change the integrations.</source>
        <translation>Solo un administrador puede cambiar las integraciones.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Delivery events&lt;/b&gt; from SendGrid and Mailgun (bounces, spam reports, unsubscribes, opens) reach &lt;code&gt;/api/v1/webhooks/sendgrid&lt;/code&gt; and &lt;code&gt;/api/v1/webhooks/mailgun&lt;/code&gt; on your team server, and are believed only when signed: paste SendGrid's verification key and Mailgun's webhook signing key.</source>
        <translation>&lt;b&gt;Los eventos de entrega&lt;/b&gt; de SendGrid y Mailgun (rebotes, denuncias de spam, bajas, aperturas) llegan a &lt;code&gt;/api/v1/webhooks/sendgrid&lt;/code&gt; y &lt;code&gt;/api/v1/webhooks/mailgun&lt;/code&gt; de su servidor de equipo, y solo se creen si vienen firmados: pegue la clave de verificación de SendGrid y la clave de firma de webhooks de Mailgun.</translation>
    </message>
    <message>
        <source>Save &amp;webhook keys</source>
        <translation>Guardar claves de &amp;webhooks</translation>
    </message>
    <message>
        <source>SendGrid verification key: set (type to replace)</source>
        <translation>Clave de verificación de SendGrid: definida (escriba para sustituirla)</translation>
    </message>
    <message>
        <source>SendGrid verification key</source>
        <translation>Clave de verificación de SendGrid</translation>
    </message>
    <message>
        <source>Mailgun signing key: set (type to replace)</source>
        <translation>Clave de firma de Mailgun: definida (escriba para sustituirla)</translation>
    </message>
    <message>
        <source>Mailgun webhook signing key</source>
        <translation>Clave de firma de webhooks de Mailgun</translation>
    </message>
    <message>
        <source>SendGrid events: %1 · Mailgun events: %2</source>
        <translation>Eventos de SendGrid: %1 · Eventos de Mailgun: %2</translation>
    </message>
    <message>
        <source>verified with your key</source>
        <translation>verificados con su clave</translation>
    </message>
    <message>
        <source>refused until a key is set</source>
        <translation>rechazados hasta que haya una clave</translation>
    </message>
    <message>
        <source>Type a key first.</source>
        <translation>Escriba primero una clave.</translation>
    </message>
    <message>
        <source>Webhook keys saved in the keychain.</source>
        <translation>Claves de webhooks guardadas en el llavero.</translation>
    </message>
    <message>
        <source>set (keychain)</source>
        <translation>definida (llavero)</translation>
    </message>
    <message>
        <source>set (%1)</source>
        <translation>definida (%1)</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>sin definir</translation>
    </message>
    <message>
        <source>Order changed: Save to keep it.</source>
        <translation>Orden cambiado: Guardar para conservarlo.</translation>
    </message>
    <message>
        <source>%1: the cost per call is whole cents, e.g. 2.</source>
        <translation>%1: el coste por llamada va en céntimos enteros, p. ej. 2.</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Guardado.</translation>
    </message>
    <message>
        <source>Select a provider first.</source>
        <translation>Seleccione primero un proveedor.</translation>
    </message>
    <message>
        <source>Type the key first.</source>
        <translation>Escriba primero la clave.</translation>
    </message>
    <message>
        <source>Key removed.</source>
        <translation>Clave eliminada.</translation>
    </message>
    <message>
        <source>Key saved in the keychain.</source>
        <translation>Clave guardada en el llavero.</translation>
    </message>
</context>
<context>
    <name>fliptech::ui::LeadTableModel</name>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Empresa</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Correo</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>Sitio web</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Ciudad</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Región</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>País</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Categoría</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Fase</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Puntuación</translation>
    </message>
    <message>
        <source>Qualification</source>
        <translation>Calificación</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Origen</translation>
    </message>
    <message>
        <source>Contacted</source>
        <translation>Contactado</translation>
    </message>
    <message>
        <source>Last contacted</source>
        <translation>Último contacto</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Etiquetas</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Añadido</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Actualizado</translation>
    </message>
</context>
<context>
    <name>fliptech::ui::LeadsPage</name>
    <message>
        <source>Stopped: %1 of %2 leads changed.</source>
        <translation>Detenido: %1 de %2 clientes potenciales cambiados.</translation>
    </message>
    <message>
        <source>%1 of %2 leads changed.</source>
        <translation>%1 de %2 clientes potenciales cambiados.</translation>
    </message>
    <message>
        <source>Search name, company, email, phone, city…</source>
        <translation>Buscar nombre, empresa, correo, teléfono, ciudad…</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Cualquier estado</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Ciudad</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>Etiqueta</translation>
    </message>
    <message>
        <source>Has email</source>
        <translation>Con correo</translation>
    </message>
    <message>
        <source>Saved segments</source>
        <translation>Segmentos guardados</translation>
    </message>
    <message>
        <source>Save segment…</source>
        <translation>Guardar segmento…</translation>
    </message>
    <message>
        <source>Keep this filter under a name, to pick it again from Segments</source>
        <translation>Guardar este filtro con un nombre, para elegirlo de nuevo en Segmentos</translation>
    </message>
    <message>
        <source>New lead</source>
        <translation>Nuevo cliente potencial</translation>
    </message>
    <message>
        <source>Import CSV…</source>
        <translation>Importar CSV…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportar…</translation>
    </message>
    <message>
        <source>Duplicates…</source>
        <translation>Duplicados…</translation>
    </message>
    <message>
        <source>Name or company:</source>
        <translation>Nombre o empresa:</translation>
    </message>
    <message>
        <source>Lead added.</source>
        <translation>Cliente potencial añadido.</translation>
    </message>
    <message>
        <source>%1 leads</source>
        <translation>%1 clientes potenciales</translation>
    </message>
    <message>
        <source>about %1 leads</source>
        <translation>unos %1 clientes potenciales</translation>
    </message>
    <message>
        <source>%1 — filtering…</source>
        <translation>%1 — filtrando…</translation>
    </message>
    <message>
        <source>Remove this filter</source>
        <translation>Quitar este filtro</translation>
    </message>
    <message>
        <source>“%1”</source>
        <translation>“%1”</translation>
    </message>
    <message>
        <source>status: %1</source>
        <translation>estado: %1</translation>
    </message>
    <message>
        <source>city: %1</source>
        <translation>ciudad: %1</translation>
    </message>
    <message>
        <source>tag: %1</source>
        <translation>etiqueta: %1</translation>
    </message>
    <message>
        <source>has email</source>
        <translation>con correo</translation>
    </message>
    <message>
        <source>Set status</source>
        <translation>Cambiar estado</translation>
    </message>
    <message>
        <source>tag</source>
        <translation>etiqueta</translation>
    </message>
    <message>
        <source>Add tag</source>
        <translation>Añadir etiqueta</translation>
    </message>
    <message>
        <source>Move to trash</source>
        <translation>Mover a la papelera</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Ejecutar</translation>
    </message>
    <message>
        <source>Analyse the websites, verify the e-mail addresses or find the contacts of the selected leads</source>
        <translation>Analizar los sitios web, verificar los correos o buscar los contactos de los clientes seleccionados</translation>
    </message>
    <message>
        <source>Analyse websites</source>
        <translation>Analizar sitios web</translation>
    </message>
    <message>
        <source>Verify e-mail addresses</source>
        <translation>Verificar direcciones de correo</translation>
    </message>
    <message>
        <source>Find contacts (enrichment providers)</source>
        <translation>Buscar contactos (proveedores de enriquecimiento)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message numerus="yes">
        <source>%n selected</source>
        <translation>
            <numerusform>%n seleccionado</numerusform>
            <numerusform>%n seleccionados</numerusform>
        </translation>
    </message>
    <message>
        <source>all %1 matching</source>
        <translation>los %1 que coinciden</translation>
    </message>
    <message>
        <source>all (about %1) matching</source>
        <translation>todos (unos %1) los que coinciden</translation>
    </message>
    <message>
        <source>Select the leads first (click, Shift+click, Ctrl+A).</source>
        <translation>Seleccione primero los clientes potenciales (clic, Mayús+clic, Ctrl+A).</translation>
    </message>
    <message>
        <source>Setting status to %1…</source>
        <translation>Cambiando el estado a %1…</translation>
    </message>
    <message>
        <source>Type the tag to add.</source>
        <translation>Escriba la etiqueta que añadir.</translation>
    </message>
    <message>
        <source>Tagging with %1…</source>
        <translation>Etiquetando con %1…</translation>
    </message>
    <message numerus="yes">
        <source>Move %n lead(s) to the trash? You can restore them later.</source>
        <translation>
            <numerusform>¿Mover %n cliente potencial a la papelera? Puede restaurarlo más tarde.</numerusform>
            <numerusform>¿Mover %n clientes potenciales a la papelera? Puede restaurarlos más tarde.</numerusform>
        </translation>
    </message>
    <message>
        <source>Moving to trash…</source>
        <translation>Moviendo a la papelera…</translation>
    </message>
    <message>
        <source>Wait for the running action to end (or cancel it).</source>
        <translation>Espere a que termine la acción en curso (o cancélela).</translation>
    </message>
    <message>
        <source>%1 leads are selected: these run on up to 10,000 at a time. Narrow the filter.</source>
        <translation>Hay %1 clientes potenciales seleccionados: estas acciones trabajan con 10.000 como máximo a la vez. Acote el filtro.</translation>
    </message>
    <message numerus="yes">
        <source>Analysing %n website(s)…</source>
        <translation>
            <numerusform>Analizando %n sitio web…</numerusform>
            <numerusform>Analizando %n sitios web…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Verifying %n address(es)…</source>
        <translation>
            <numerusform>Verificando %n dirección…</numerusform>
            <numerusform>Verificando %n direcciones…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Finding the contacts of %n lead(s)…</source>
        <translation>
            <numerusform>Buscando los contactos de %n cliente potencial…</numerusform>
            <numerusform>Buscando los contactos de %n clientes potenciales…</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelled: what was done is kept.</source>
        <translation>Cancelado: se conserva lo que se hizo.</translation>
    </message>
    <message>
        <source>That did not finish: %1</source>
        <translation>No terminó: %1</translation>
    </message>
    <message>
        <source>Done: %1.</source>
        <translation>Hecho: %1.</translation>
    </message>
    <message>
        <source>nothing to do</source>
        <translation>nada que hacer</translation>
    </message>
    <message>
        <source>Select a lead to see it here.</source>
        <translation>Seleccione un cliente potencial para verlo aquí.</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Job title</source>
        <translation>Cargo</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>Sitio web</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <source>Verify address</source>
        <translation>Verificar dirección</translation>
    </message>
    <message>
        <source>Check the address: its syntax, its domain's mail server, disposable and role addresses</source>
        <translation>Comprobar la dirección: su sintaxis, el servidor de correo de su dominio, direcciones desechables y genéricas</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Comprobando…</translation>
    </message>
    <message>
        <source>Save (Ctrl+S)</source>
        <translation>Guardar (Ctrl+S)</translation>
    </message>
    <message>
        <source>Mark &amp;won…</source>
        <translation>Marcar como &amp;ganado…</translation>
    </message>
    <message>
        <source>Record the deal as won with its amount; it counts in revenue and ROI</source>
        <translation>Registrar la oportunidad como ganada con su importe; cuenta en ingresos y ROI</translation>
    </message>
    <message>
        <source>Mark &amp;lost…</source>
        <translation>Marcar como &amp;perdido…</translation>
    </message>
    <message>
        <source>Record the deal as lost, with the reason</source>
        <translation>Registrar la oportunidad como perdida, con el motivo</translation>
    </message>
    <message>
        <source>Deal won</source>
        <translation>Oportunidad ganada</translation>
    </message>
    <message>
        <source>Amount in USD (e.g. 2400 or 2400.50):</source>
        <translation>Importe en USD (p. ej. 2400 o 2400.50):</translation>
    </message>
    <message>
        <source>Won: %1 USD recorded.</source>
        <translation>Ganada: %1 USD registrados.</translation>
    </message>
    <message>
        <source>Deal lost</source>
        <translation>Oportunidad perdida</translation>
    </message>
    <message>
        <source>Why was it lost?</source>
        <translation>¿Por qué se perdió?</translation>
    </message>
    <message>
        <source>Marked lost.</source>
        <translation>Marcada como perdida.</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detalles</translation>
    </message>
    <message>
        <source>Add a tag and press Enter</source>
        <translation>Añada una etiqueta y pulse Intro</translation>
    </message>
    <message>
        <source>Remove selected tag</source>
        <translation>Quitar la etiqueta seleccionada</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Etiquetas</translation>
    </message>
    <message>
        <source>Write a note…</source>
        <translation>Escriba una nota…</translation>
    </message>
    <message>
        <source>Add note</source>
        <translation>Añadir nota</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Actividad</translation>
    </message>
    <message>
        <source>&amp;Analyse website</source>
        <translation>&amp;Analizar sitio web</translation>
    </message>
    <message>
        <source>Read the lead's site and score it as a prospect: HTTPS, speed, mobile, age, technology, contacts, broken links</source>
        <translation>Leer el sitio del cliente y puntuarlo como prospecto: HTTPS, velocidad, móvil, antigüedad, tecnología, contactos, enlaces rotos</translation>
    </message>
    <message>
        <source>Find &amp;contacts</source>
        <translation>Buscar &amp;contactos</translation>
    </message>
    <message>
        <source>Ask the enrichment providers (Settings → Integrations) for this business's e-mail, phone and details</source>
        <translation>Pedir a los proveedores de enriquecimiento (Configuración → Integraciones) el correo, el teléfono y los datos de este negocio</translation>
    </message>
    <message>
        <source>&amp;Write email…</source>
        <translation>&amp;Escribir correo…</translation>
    </message>
    <message>
        <source>Draft a personal email to this lead from its website's findings, with the AI (Settings → AI) or the offline writer</source>
        <translation>Redactar un correo personal a este cliente a partir del análisis de su sitio web, con la IA (Configuración → IA) o el redactor offline</translation>
    </message>
    <message>
        <source>&amp;Pitch ideas</source>
        <translation>&amp;Ideas de propuesta</translation>
    </message>
    <message>
        <source>Summarise the website analysis and suggest what to pitch (Settings → AI)</source>
        <translation>Resumir el análisis del sitio web y sugerir qué proponer (Configuración → IA)</translation>
    </message>
    <message>
        <source>Analyse the website first: the pitch ideas come from its findings.</source>
        <translation>Analice primero el sitio web: las ideas de propuesta salen de su análisis.</translation>
    </message>
    <message>
        <source>Thinking…</source>
        <translation>Pensando…</translation>
    </message>
    <message>
        <source>Pitch ideas:</source>
        <translation>Ideas de propuesta:</translation>
    </message>
    <message>
        <source>Pitch ideas</source>
        <translation>Ideas de propuesta</translation>
    </message>
    <message>
        <source>Analysing…</source>
        <translation>Analizando…</translation>
    </message>
    <message>
        <source>Asking…</source>
        <translation>Preguntando…</translation>
    </message>
    <message>
        <source>Nothing to check on this lead: add it in Details first.</source>
        <translation>Nada que comprobar en este cliente: añádalo antes en Detalles.</translation>
    </message>
    <message>
        <source>Contacts found: see Details.</source>
        <translation>Contactos encontrados: vea Detalles.</translation>
    </message>
    <message>
        <source>No contacts found: %1</source>
        <translation>No se encontraron contactos: %1</translation>
    </message>
    <message>
        <source>No provider knew more about this business.</source>
        <translation>Ningún proveedor sabía más de este negocio.</translation>
    </message>
    <message>
        <source>✓ valid</source>
        <translation>✓ válida</translation>
    </message>
    <message>
        <source>⚠ risky</source>
        <translation>⚠ dudosa</translation>
    </message>
    <message>
        <source>✗ invalid</source>
        <translation>✗ no válida</translation>
    </message>
    <message>
        <source>system</source>
        <translation>sistema</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Guardado.</translation>
    </message>
    <message>
        <source>Segments…</source>
        <translation>Segmentos…</translation>
    </message>
    <message>
        <source>Save segment</source>
        <translation>Guardar segmento</translation>
    </message>
    <message>
        <source>Name of this filter:</source>
        <translation>Nombre de este filtro:</translation>
    </message>
    <message>
        <source>Segment saved.</source>
        <translation>Segmento guardado.</translation>
    </message>
    <message>
        <source>Export leads</source>
        <translation>Exportar clientes potenciales</translation>
    </message>
    <message>
        <source>CSV (*.csv);;JSON (*.json)</source>
        <translation>CSV (*.csv);;JSON (*.json)</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>No se puede escribir %1: %2</translation>
    </message>
    <message>
        <source>Exporting %1 leads…</source>
        <translation>Exportando %1 clientes potenciales…</translation>
    </message>
    <message>
        <source>Export cancelled; nothing was written.</source>
        <translation>Exportación cancelada; no se escribió nada.</translation>
    </message>
    <message>
        <source>Exported %1 leads to %2.</source>
        <translation>%1 clientes potenciales exportados a %2.</translation>
    </message>
    <message>
        <source>Run a scrape</source>
        <translation>Ejecutar una búsqueda</translation>
    </message>
    <message>
        <source>Add a lead</source>
        <translation>Añadir un cliente potencial</translation>
    </message>
    <message>
        <source>Clear the filters</source>
        <translation>Quitar los filtros</translation>
    </message>
    <message>
        <source>No lead matches these filters</source>
        <translation>Ningún cliente potencial coincide con estos filtros</translation>
    </message>
    <message>
        <source>No leads yet</source>
        <translation>Aún no hay clientes potenciales</translation>
    </message>
    <message>
        <source>Change or clear the filters to see more.</source>
        <translation>Cambie o quite los filtros para ver más.</translation>
    </message>
    <message>
        <source>Bring in the businesses you want to reach: import a spreadsheet or a CRM export, let the scraper find them on Craigslist or a directory, or add one by hand.</source>
        <translation>Traiga los negocios a los que quiere llegar: importe una hoja de cálculo o una exportación de su CRM, deje que el buscador los encuentre en Craigslist o en un directorio, o añada uno a mano.</translation>
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
        <translation>%1 (Ctrl+%2)</translation>
    </message>
    <message>
        <source>API: off</source>
        <translation>API: apagada</translation>
    </message>
    <message>
        <source>API: %1</source>
        <translation>API: %1</translation>
    </message>
    <message>
        <source>%1 — not connected</source>
        <translation>%1 — sin conexión</translation>
    </message>
    <message>
        <source>%1 — connected</source>
        <translation>%1 — conectada</translation>
    </message>
    <message>
        <source>No jobs running</source>
        <translation>Ningún trabajo en curso</translation>
    </message>
    <message>
        <source>Jobs: %1 running, %2 waiting</source>
        <translation>Trabajos: %1 en curso, %2 en espera</translation>
    </message>
    <message>
        <source>Signed in as %1</source>
        <translation>Sesión iniciada como %1</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Descartar</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>&amp;Ir</translation>
    </message>
    <message>
        <source>&amp;Search…</source>
        <translation>&amp;Buscar…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;yuda</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Atajos de teclado</translation>
    </message>
    <message>
        <source>Open &amp;logs folder</source>
        <translation>Abrir la carpeta de &amp;registros</translation>
    </message>
    <message>
        <source>&amp;About FlipTech Pro</source>
        <translation>&amp;Acerca de FlipTech Pro</translation>
    </message>
    <message>
        <source>Show FlipTech Pro</source>
        <translation>Mostrar FlipTech Pro</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>Notificaciones</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Salir</translation>
    </message>
    <message numerus="yes">
        <source>Indexing imported leads: %n not searchable yet</source>
        <translation>
            <numerusform>Indexando clientes importados: %n aún no se puede buscar</numerusform>
            <numerusform>Indexando clientes importados: %n aún no se pueden buscar</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Indexing imported leads: %n filter indexes to build</source>
        <translation>
            <numerusform>Indexando clientes importados: falta construir %n índice de filtro</numerusform>
            <numerusform>Indexando clientes importados: faltan construir %n índices de filtro</numerusform>
        </translation>
    </message>
    <message>
        <source>A large import puts its rows in first and builds their indexes afterwards, in the background. Until it is done, search does not find those leads and filters on them are slower.</source>
        <translation>Una importación grande guarda primero sus filas y construye después sus índices, en segundo plano. Hasta que termine, la búsqueda no encuentra esos clientes y los filtros sobre ellos van más lentos.</translation>
    </message>
</context>
<context>
    <name>fliptech::ui::NotificationBell</name>
    <message numerus="yes">
        <source>%n unread notification(s)</source>
        <translation>
            <numerusform>%n notificación sin leer</numerusform>
            <numerusform>%n notificaciones sin leer</numerusform>
        </translation>
    </message>
    <message>
        <source>Notifications: nothing unread</source>
        <translation>Notificaciones: nada sin leer</translation>
    </message>
</context>
<context>
    <name>fliptech::ui::NotificationList</name>
    <message>
        <source>&lt;b&gt;Notifications&lt;/b&gt;</source>
        <translation>&lt;b&gt;Notificaciones&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Mark all read</source>
        <translation>Marcar todo como leído</translation>
    </message>
    <message>
        <source>Nothing yet. Replies, finished scrapes, campaign milestones and failures show here.</source>
        <translation>Aún nada. Aquí aparecen las respuestas, las búsquedas terminadas, los hitos de campañas y los fallos.</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Aviso</translation>
    </message>
    <message>
        <source>Could not read the notifications: %1</source>
        <translation>No se pudieron leer las notificaciones: %1</translation>
    </message>
</context>
<context>
    <name>fliptech::ui::OverflowBar</name>
    <message>
        <source>More actions</source>
        <translation>Más acciones</translation>
    </message>
</context>
<context>
    <name>fliptech::ui::Pages</name>
    <message>
        <source>Dashboard</source>
        <translation>Panel</translation>
    </message>
    <message>
        <source>It will show today's leads, replies waiting, campaigns running and revenue at a glance.</source>
        <translation>Mostrará de un vistazo los clientes potenciales de hoy, las respuestas pendientes, las campañas en curso y los ingresos.</translation>
    </message>
    <message>
        <source>Leads</source>
        <translation>Clientes potenciales</translation>
    </message>
    <message>
        <source>It will list every lead with filters, tags, notes, bulk edits, CSV import and duplicates.</source>
        <translation>Listará todos los clientes potenciales con filtros, etiquetas, notas, ediciones en bloque, importación CSV y duplicados.</translation>
    </message>
    <message>
        <source>Scraper</source>
        <translation>Buscador</translation>
    </message>
    <message>
        <source>It will find businesses on Craigslist, Google Maps, job boards and custom sites.</source>
        <translation>Encontrará negocios en Craigslist, Google Maps, bolsas de trabajo y sitios propios.</translation>
    </message>
    <message>
        <source>Campaigns</source>
        <translation>Campañas</translation>
    </message>
    <message>
        <source>It will send personalised email sequences with throttling, tracking and unsubscribes.</source>
        <translation>Enviará secuencias de correo personalizadas con límites de envío, seguimiento y bajas.</translation>
    </message>
    <message>
        <source>Templates</source>
        <translation>Plantillas</translation>
    </message>
    <message>
        <source>It will hold email templates with variables and their performance.</source>
        <translation>Guardará plantillas de correo con variables y su rendimiento.</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>Conversaciones</translation>
    </message>
    <message>
        <source>It will be the inbox of replies, with suggested answers.</source>
        <translation>Será la bandeja de respuestas, con respuestas sugeridas.</translation>
    </message>
    <message>
        <source>Automation</source>
        <translation>Automatización</translation>
    </message>
    <message>
        <source>It will run rules, schedules, approvals, webhooks and workflows.</source>
        <translation>Ejecutará reglas, programaciones, aprobaciones, webhooks y flujos de trabajo.</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>Contenido</translation>
    </message>
    <message>
        <source>It will build demo sites and videos for prospects.</source>
        <translation>Creará sitios de demostración y vídeos para los clientes potenciales.</translation>
    </message>
    <message>
        <source>Analytics</source>
        <translation>Análisis</translation>
    </message>
    <message>
        <source>It will chart revenue, costs, ROI, the funnel and trends.</source>
        <translation>Representará ingresos, costes, ROI, el embudo y las tendencias.</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Configuración</translation>
    </message>
    <message>
        <source>It will hold accounts, sender mailboxes, API keys and preferences.</source>
        <translation>Guardará cuentas, buzones de envío, claves de API y preferencias.</translation>
    </message>
</context>
<context>
    <name>fliptech::ui::PeriodPicker</name>
    <message>
        <source>Last 30 days</source>
        <translation>Últimos 30 días</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Últimos 7 días</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>Este mes</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>El mes pasado</translation>
    </message>
    <message>
        <source>This quarter</source>
        <translation>Este trimestre</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>Este año</translation>
    </message>
    <message>
        <source>Last 12 months</source>
        <translation>Últimos 12 meses</translation>
    </message>
    <message>
        <source>Custom range…</source>
        <translation>Rango personalizado…</translation>
    </message>
    <message>
        <source>First day</source>
        <translation>Primer día</translation>
    </message>
    <message>
        <source>Last day (included)</source>
        <translation>Último día (incluido)</translation>
    </message>
</context>
<context>
    <name>fliptech::ui::PipelinePage</name>
    <message>
        <source>Drag a deal to another stage. Won asks for the amount, lost for the reason.</source>
        <translation>Arrastre una oportunidad a otra fase. Ganada pide el importe; perdida, el motivo.</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualizar</translation>
    </message>
    <message>
        <source>F5</source>
        <translation>F5</translation>
    </message>
    <message>
        <source>1 deal</source>
        <translation>1 oportunidad</translation>
    </message>
    <message>
        <source>%1 deals</source>
        <translation>%1 oportunidades</translation>
    </message>
    <message>
        <source> · %1 (weighted %2 at %3 %)</source>
        <translation> · %1 (ponderado %2 al %3 %)</translation>
    </message>
    <message>
        <source>Deal won</source>
        <translation>Oportunidad ganada</translation>
    </message>
    <message>
        <source>The amount won (e.g. 2500 or 2500.50):</source>
        <translation>El importe ganado (p. ej. 2500 o 2500.50):</translation>
    </message>
    <message>
        <source>Not moved: no amount was given.</source>
        <translation>No se movió: no se indicó importe.</translation>
    </message>
    <message>
        <source>Deal lost</source>
        <translation>Oportunidad perdida</translation>
    </message>
    <message>
        <source>Why was it lost?</source>
        <translation>¿Por qué se perdió?</translation>
    </message>
    <message>
        <source>Not moved: no reason was given.</source>
        <translation>No se movió: no se indicó motivo.</translation>
    </message>
    <message>
        <source>Not moved: %1</source>
        <translation>No se movió: %1</translation>
    </message>
    <message>
        <source>%1 moved to %2.</source>
        <translation>%1 movido a %2.</translation>
    </message>
</context>
<context>
    <name>fliptech::ui::PlaceholderPage</name>
    <message>
        <source>Not built yet. %1</source>
        <translation>Todavía no está disponible. %1</translation>
    </message>
</context>
<context>
    <name>fliptech::ui::RulesTab</name>
    <message>
        <source>Delete rule</source>
        <translation>Eliminar regla</translation>
    </message>
    <message>
        <source>A rule waits for something to happen to a lead, checks its conditions, and does its actions in order — for example: when a lead from Austin arrives without a website, tag it, add a note and tell me. Rules act on what happens after they are saved; a rule's own changes set off rules at most 3 times in a row.</source>
        <translation>Una regla espera a que le pase algo a un cliente potencial, comprueba sus condiciones y hace sus acciones en orden; por ejemplo: cuando llegue un cliente de Austin sin sitio web, etiquetarlo, añadir una nota y avisarme. Las reglas actúan sobre lo que ocurre después de guardarlas; los cambios de una regla disparan reglas como mucho 3 veces seguidas.</translation>
    </message>
    <message>
        <source>&amp;New rule</source>
        <translation>&amp;Nueva regla</translation>
    </message>
    <message>
        <source>Turn o&amp;ff</source>
        <translation>&amp;Desactivar</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Eliminar</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Cuando</translation>
    </message>
    <message>
        <source>Does</source>
        <translation>Hace</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Prioridad</translation>
    </message>
    <message>
        <source>On</source>
        <translation>Los días</translation>
    </message>
    <message>
        <source>What the selected rule did</source>
        <translation>Lo que hizo la regla seleccionada</translation>
    </message>
    <message>
        <source>Lead</source>
        <translation>Cliente potencial</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detalles</translation>
    </message>
    <message>
        <source>e.g. Austin leads without a website</source>
        <translation>p. ej. Clientes de Austin sin sitio web</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Nombre</translation>
    </message>
    <message>
        <source>&amp;When</source>
        <translation>&amp;Cuando</translation>
    </message>
    <message>
        <source>all of these are true</source>
        <translation>todas estas se cumplen</translation>
    </message>
    <message>
        <source>any of these is true</source>
        <translation>alguna de estas se cumple</translation>
    </message>
    <message>
        <source>And</source>
        <translation>Y</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Campo</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Prueba</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valor</translation>
    </message>
    <message>
        <source>This rule's conditions are nested groups (made through the API): they are kept as they are; the rows cannot show them.</source>
        <translation>Las condiciones de esta regla son grupos anidados (creados por la API): se conservan tal cual; las filas no pueden mostrarlas.</translation>
    </message>
    <message>
        <source>Add a &amp;condition</source>
        <translation>Añadir una &amp;condición</translation>
    </message>
    <message>
        <source>Remove it</source>
        <translation>Quitarla</translation>
    </message>
    <message>
        <source>Then, in order</source>
        <translation>Después, en orden</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Configuración</translation>
    </message>
    <message>
        <source>Add an &amp;action</source>
        <translation>Añadir una &amp;acción</translation>
    </message>
    <message>
        <source>Rules with a higher priority run first</source>
        <translation>Las reglas con más prioridad se ejecutan primero</translation>
    </message>
    <message>
        <source>&amp;Priority</source>
        <translation>&amp;Prioridad</translation>
    </message>
    <message>
        <source>When this rule acts, the rules after it do not</source>
        <translation>Cuando esta regla actúa, las siguientes no</translation>
    </message>
    <message>
        <source>&amp;Save rule</source>
        <translation>&amp;Guardar regla</translation>
    </message>
    <message>
        <source>&amp;Try on the newest leads</source>
        <translation>&amp;Probar con los clientes más nuevos</translation>
    </message>
    <message>
        <source>A dry run of the saved rule on the 20 newest leads: which match, nothing changed</source>
        <translation>Una prueba en seco de la regla guardada con los 20 clientes más nuevos: cuáles coinciden, sin cambiar nada</translation>
    </message>
    <message>
        <source>Add at least one action: what the rule does.</source>
        <translation>Añada al menos una acción: lo que hace la regla.</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Sí</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>A new rule: when it runs, what must be true of the lead, and what it does.</source>
        <translation>Una regla nueva: cuándo se ejecuta, qué debe cumplir el cliente y qué hace.</translation>
    </message>
    <message>
        <source>Turn o&amp;n</source>
        <translation>&amp;Activar</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Hecho</translation>
    </message>
    <message>
        <source>Loop cut</source>
        <translation>Bucle cortado</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Falló</translation>
    </message>
    <message>
        <source>Condition %1: %2</source>
        <translation>Condición %1: %2</translation>
    </message>
    <message>
        <source>Action %1: %2</source>
        <translation>Acción %1: %2</translation>
    </message>
    <message>
        <source>Name: %1</source>
        <translation>Nombre: %1</translation>
    </message>
    <message>
        <source>Saved. It acts on what happens from now on; Try shows which of the newest leads it would match.</source>
        <translation>Guardada. Actúa sobre lo que ocurra a partir de ahora; Probar muestra con qué clientes más nuevos coincidiría.</translation>
    </message>
    <message>
        <source>On: it acts on what happens from now on.</source>
        <translation>Activada: actúa sobre lo que ocurra a partir de ahora.</translation>
    </message>
    <message>
        <source>Off: it does nothing until turned on.</source>
        <translation>Desactivada: no hace nada hasta que se active.</translation>
    </message>
    <message>
        <source>Delete the rule "%1" and the record of what it did?</source>
        <translation>¿Eliminar la regla "%1" y el registro de lo que hizo?</translation>
    </message>
    <message>
        <source>Deleted "%1".</source>
        <translation>Eliminada "%1".</translation>
    </message>
    <message>
        <source>Save the rule first: the dry run tries the saved rule.</source>
        <translation>Guarde primero la regla: la prueba usa la regla guardada.</translation>
    </message>
    <message>
        <source>%1 of the %2 newest leads match; nothing was changed.</source>
        <translation>Coinciden %1 de los %2 clientes más nuevos; no se cambió nada.</translation>
    </message>
</context>
<context>
    <name>fliptech::ui::SchedulesTab</name>
    <message>
        <source>Delete schedule</source>
        <translation>Eliminar programación</translation>
    </message>
    <message>
        <source>Schedules run a task at the times you choose, in the time zone you choose — also while this window is closed, as long as FlipTech Pro or its server runs somewhere on this database. A run missed while nothing ran happens once at the next start, or is skipped, as you choose.</source>
        <translation>Las programaciones ejecutan una tarea a las horas que elija, en la zona horaria que elija, también con esta ventana cerrada, mientras FlipTech Pro o su servidor funcione en algún sitio con esta base de datos. Una ejecución perdida mientras nada funcionaba ocurre una vez en el siguiente arranque, o se omite, como elija.</translation>
    </message>
    <message>
        <source>&amp;New schedule</source>
        <translation>&amp;Nueva programación</translation>
    </message>
    <message>
        <source>Start a new schedule (Ctrl+N)</source>
        <translation>Empezar una programación nueva (Ctrl+N)</translation>
    </message>
    <message>
        <source>&amp;Run now</source>
        <translation>&amp;Ejecutar ahora</translation>
    </message>
    <message>
        <source>Run the selected schedule's task now, whatever its times say (Ctrl+R)</source>
        <translation>Ejecutar ahora la tarea de la programación seleccionada, digan lo que digan sus horas (Ctrl+R)</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>&amp;Pausar</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Eliminar</translation>
    </message>
    <message>
        <source>Delete the selected schedule and its runs (Del)</source>
        <translation>Eliminar la programación seleccionada y sus ejecuciones (Supr)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Tarea</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Cuando</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Zona horaria</translation>
    </message>
    <message>
        <source>Next run</source>
        <translation>Próxima ejecución</translation>
    </message>
    <message>
        <source>Last run</source>
        <translation>Última ejecución</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Activas</translation>
    </message>
    <message>
        <source>Runs of the selected schedule</source>
        <translation>Ejecuciones de la programación seleccionada</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Por qué</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Prevista</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Terminada</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detalles</translation>
    </message>
    <message>
        <source>e.g. Verify new leads every night</source>
        <translation>p. ej. Verificar clientes nuevos cada noche</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Nombre</translation>
    </message>
    <message>
        <source>&amp;Task</source>
        <translation>&amp;Tarea</translation>
    </message>
    <message>
        <source>The leads the task acts on: a saved segment of the Leads page (up to 10,000 leads a run)</source>
        <translation>Los clientes sobre los que actúa la tarea: un segmento guardado de la página Clientes potenciales (hasta 10.000 por ejecución)</translation>
    </message>
    <message>
        <source>Leads</source>
        <translation>Clientes potenciales</translation>
    </message>
    <message>
        <source>Each run repeats this scrape with the same sites, categories and keywords; leads already stored are updated</source>
        <translation>Cada ejecución repite esta búsqueda con los mismos sitios, categorías y palabras clave; los clientes ya guardados se actualizan</translation>
    </message>
    <message>
        <source>Repeat the scrape</source>
        <translation>Repetir la búsqueda</translation>
    </message>
    <message>
        <source>Mailbox</source>
        <translation>Buzón</translation>
    </message>
    <message>
        <source>PDF report</source>
        <translation>Informe PDF</translation>
    </message>
    <message>
        <source>CSV (spreadsheet)</source>
        <translation>CSV (hoja de cálculo)</translation>
    </message>
    <message>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <source> days before each run</source>
        <translation> días antes de cada ejecución</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Formato</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Periodo</translation>
    </message>
    <message>
        <source> newest backups</source>
        <translation> copias más recientes</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>Conservar</translation>
    </message>
    <message>
        <source>Webhook</source>
        <translation>Webhook</translation>
    </message>
    <message>
        <source>n8n workflow</source>
        <translation>Flujo de n8n</translation>
    </message>
    <message>
        <source>This task takes no settings.</source>
        <translation>Esta tarea no tiene ajustes.</translation>
    </message>
    <message>
        <source>Every 15 minutes</source>
        <translation>Cada 15 minutos</translation>
    </message>
    <message>
        <source>Every hour, at minute</source>
        <translation>Cada hora, en el minuto</translation>
    </message>
    <message>
        <source>Every day at</source>
        <translation>Cada día a las</translation>
    </message>
    <message>
        <source>Weekdays (Mon–Fri) at</source>
        <translation>Días laborables (lun–vie) a las</translation>
    </message>
    <message>
        <source>Every week on</source>
        <translation>Cada semana el</translation>
    </message>
    <message>
        <source>Every month on day</source>
        <translation>Cada mes el día</translation>
    </message>
    <message>
        <source>Custom (cron expression)</source>
        <translation>Personalizado (expresión cron)</translation>
    </message>
    <message>
        <source>Days 29 to 31 do not come every month: use a custom expression for them</source>
        <translation>Los días 29 a 31 no existen todos los meses: use una expresión personalizada para ellos</translation>
    </message>
    <message>
        <source>&amp;Repeats</source>
        <translation>Se &amp;repite</translation>
    </message>
    <message>
        <source>minute hour day-of-month month day-of-week, e.g. "30 2 * * 1-5"; names (MON, JAN), */15, lists and ranges; or @hourly, @daily, @weekly, @monthly</source>
        <translation>minuto hora día-del-mes mes día-de-la-semana, p. ej. "30 2 * * 1-5"; nombres (MON, JAN), */15, listas y rangos; o @hourly, @daily, @weekly, @monthly</translation>
    </message>
    <message>
        <source>Cron</source>
        <translation>Cron</translation>
    </message>
    <message>
        <source>Time &amp;zone</source>
        <translation>&amp;Zona horaria</translation>
    </message>
    <message>
        <source>Skip runs missed while FlipTech Pro was not running (otherwise: run once at the next start)</source>
        <translation>Omitir las ejecuciones perdidas mientras FlipTech Pro no funcionaba (si no: una ejecución en el siguiente arranque)</translation>
    </message>
    <message>
        <source>Next runs</source>
        <translation>Próximas ejecuciones</translation>
    </message>
    <message>
        <source>&amp;Save schedule</source>
        <translation>&amp;Guardar programación</translation>
    </message>
    <message>
        <source>Save (Ctrl+S)</source>
        <translation>Guardar (Ctrl+S)</translation>
    </message>
    <message>
        <source>All leads</source>
        <translation>Todos los clientes potenciales</translation>
    </message>
    <message>
        <source>No scrape yet: run one on the Scraper page first</source>
        <translation>Aún no hay búsquedas: ejecute una primero en la página Buscador</translation>
    </message>
    <message>
        <source>Every mailbox</source>
        <translation>Todos los buzones</translation>
    </message>
    <message>
        <source>No webhook yet: add one on the Webhooks tab first</source>
        <translation>Aún no hay webhooks: añada uno primero en la pestaña Webhooks</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>No n8n workflow known yet: connect n8n on the Workflows tab first</source>
        <translation>Aún no se conoce ningún flujo de n8n: conecte n8n primero en la pestaña Flujos</translation>
    </message>
    <message>
        <source> — %1 here</source>
        <translation> — %1 aquí</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>En pausa</translation>
    </message>
    <message>
        <source>Never run</source>
        <translation>Nunca ejecutada</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Sí</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>No schedule yet: choose a task and when it repeats on the right, then Save.</source>
        <translation>Aún no hay programaciones: elija una tarea y cuándo se repite a la derecha, y Guardar.</translation>
    </message>
    <message>
        <source>Res&amp;ume</source>
        <translation>&amp;Reanudar</translation>
    </message>
    <message>
        <source>Run now</source>
        <translation>Ejecutar ahora</translation>
    </message>
    <message>
        <source>Missed, caught up</source>
        <translation>Perdida, recuperada</translation>
    </message>
    <message>
        <source>On time</source>
        <translation>A tiempo</translation>
    </message>
    <message>
        <source>A new schedule: name it, choose the task and when it repeats, then Save.</source>
        <translation>Una programación nueva: póngale nombre, elija la tarea y cuándo se repite, y Guardar.</translation>
    </message>
    <message>
        <source>Saved (paused).</source>
        <translation>Guardada (en pausa).</translation>
    </message>
    <message>
        <source>Saved. Next run: %1.</source>
        <translation>Guardada. Próxima ejecución: %1.</translation>
    </message>
    <message>
        <source>Queued: the run shows below as it goes.</source>
        <translation>En cola: la ejecución aparece abajo mientras avanza.</translation>
    </message>
    <message>
        <source>Resumed: the next run counts from now.</source>
        <translation>Reanudada: la próxima ejecución cuenta desde ahora.</translation>
    </message>
    <message>
        <source>Paused: it runs again once resumed (or with Run now).</source>
        <translation>En pausa: vuelve a ejecutarse al reanudarla (o con Ejecutar ahora).</translation>
    </message>
    <message>
        <source>Delete the schedule "%1" and the record of its runs?</source>
        <translation>¿Eliminar la programación "%1" y el registro de sus ejecuciones?</translation>
    </message>
    <message>
        <source>Deleted "%1".</source>
        <translation>Eliminada "%1".</translation>
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
        <translation>Sitios de Craigslist, como en https://&lt;sitio&gt;.craigslist.org, separados por comas</translation>
    </message>
    <message>
        <source>no location group</source>
        <translation>sin grupo de ubicaciones</translation>
    </message>
    <message>
        <source>Scrape every location of a group too (groups are made on the Leads page's locations)</source>
        <translation>Buscar también en cada ubicación de un grupo (los grupos se crean en las ubicaciones de la página Clientes potenciales)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>&amp;Sites</source>
        <translation>&amp;Sitios</translation>
    </message>
    <message>
        <source>Ctrl+click to scrape several categories at once (up to 10)</source>
        <translation>Ctrl+clic para buscar en varias categorías a la vez (hasta 10)</translation>
    </message>
    <message>
        <source>&amp;Categories</source>
        <translation>&amp;Categorías</translation>
    </message>
    <message>
        <source>keywords (optional), e.g. plumber</source>
        <translation>palabras clave (opcional), p. ej. fontanero</translation>
    </message>
    <message>
        <source>&amp;Keywords</source>
        <translation>&amp;Palabras clave</translation>
    </message>
    <message>
        <source>Posted &amp;today</source>
        <translation>Publicado &amp;hoy</translation>
    </message>
    <message>
        <source>Has &amp;image</source>
        <translation>Con &amp;imagen</translation>
    </message>
    <message>
        <source>Obey &amp;robots.txt</source>
        <translation>Respetar &amp;robots.txt</translation>
    </message>
    <message>
        <source>Read each &amp;posting (phone, e-mail, text)</source>
        <translation>Leer cada &amp;anuncio (teléfono, correo, texto)</translation>
    </message>
    <message>
        <source>Fetch every new listing's page too: slower, but the lead gets its contacts</source>
        <translation>Descargar también la página de cada anuncio nuevo: más lento, pero el cliente obtiene sus contactos</translation>
    </message>
    <message>
        <source>Result pages to read for each site and category (120 listings a page)</source>
        <translation>Páginas de resultados que leer por cada sitio y categoría (120 anuncios por página)</translation>
    </message>
    <message>
        <source>&amp;Pages per search</source>
        <translation>&amp;Páginas por búsqueda</translation>
    </message>
    <message>
        <source>&amp;Run now</source>
        <translation>&amp;Ejecutar ahora</translation>
    </message>
    <message>
        <source>Start the scrape (Ctrl+Return)</source>
        <translation>Iniciar la búsqueda (Ctrl+Intro)</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>Trabajo</translation>
    </message>
    <message>
        <source>Searches</source>
        <translation>Búsquedas</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Progreso</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Páginas</translation>
    </message>
    <message>
        <source>Leads found</source>
        <translation>Clientes encontrados</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Errores</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>&amp;Pausar</translation>
    </message>
    <message>
        <source>Stop after the pages being fetched; Resume goes on from there</source>
        <translation>Detener tras las páginas que se están descargando; Reanudar sigue desde ahí</translation>
    </message>
    <message>
        <source>Res&amp;ume</source>
        <translation>&amp;Reanudar</translation>
    </message>
    <message>
        <source>Go on from where the scrape stopped (pages stored are not fetched again)</source>
        <translation>Seguir desde donde se detuvo la búsqueda (las páginas guardadas no se vuelven a descargar)</translation>
    </message>
    <message>
        <source>Retry &amp;failed pages</source>
        <translation>Reintentar páginas &amp;fallidas</translation>
    </message>
    <message>
        <source>Fetch the pages that failed again</source>
        <translation>Volver a descargar las páginas que fallaron</translation>
    </message>
    <message>
        <source>&amp;Cancel job</source>
        <translation>&amp;Cancelar trabajo</translation>
    </message>
    <message>
        <source>Stop the scrape for good (it can still be resumed)</source>
        <translation>Detener la búsqueda definitivamente (aún puede reanudarse)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Scrape jobs&lt;/b&gt;</source>
        <translation>&lt;b&gt;Trabajos de búsqueda&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Businesses advertising services are the leads: each listing becomes a lead (source craigslist); a listing found again updates its lead.</source>
        <translation>Los negocios que anuncian servicios son los clientes potenciales: cada anuncio se convierte en uno (origen craigslist); un anuncio encontrado de nuevo actualiza su cliente.</translation>
    </message>
    <message>
        <source>Craigslist</source>
        <translation>Craigslist</translation>
    </message>
    <message>
        <source>Custom URL</source>
        <translation>URL personalizada</translation>
    </message>
    <message>
        <source>Any page that lists businesses: a recipe says how to read it</source>
        <translation>Cualquier página que liste negocios: una receta dice cómo leerla</translation>
    </message>
    <message>
        <source>Lead</source>
        <translation>Cliente potencial</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Correo</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <source>Found at</source>
        <translation>Encontrado en</translation>
    </message>
    <message>
        <source>&lt;b&gt;Leads found&lt;/b&gt; (select a job)</source>
        <translation>&lt;b&gt;Clientes encontrados&lt;/b&gt; (seleccione un trabajo)</translation>
    </message>
    <message>
        <source>Name at least one Craigslist site, e.g. austin, or choose a location group.</source>
        <translation>Indique al menos un sitio de Craigslist, p. ej. austin, o elija un grupo de ubicaciones.</translation>
    </message>
    <message>
        <source>Choose at least one category.</source>
        <translation>Elija al menos una categoría.</translation>
    </message>
    <message>
        <source>Scrape %1 started.</source>
        <translation>Búsqueda %1 iniciada.</translation>
    </message>
    <message>
        <source>Scrape %1 pauses after the pages it is fetching.</source>
        <translation>La búsqueda %1 se pausa tras las páginas que está descargando.</translation>
    </message>
    <message>
        <source>Scrape %1 goes on.</source>
        <translation>La búsqueda %1 continúa.</translation>
    </message>
    <message>
        <source>Scrape %1 fetches its failed pages again.</source>
        <translation>La búsqueda %1 vuelve a descargar sus páginas fallidas.</translation>
    </message>
    <message>
        <source>Scrape %1: cancel asked.</source>
        <translation>Búsqueda %1: cancelación solicitada.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Leads found by scrape %1&lt;/b&gt; (newest first)</source>
        <translation>&lt;b&gt;Clientes encontrados por la búsqueda %1&lt;/b&gt; (los más nuevos primero)</translation>
    </message>
</context>
<context>
    <name>fliptech::ui::SearchPalette</name>
    <message>
        <source>Go to…</source>
        <translation>Ir a…</translation>
    </message>
    <message>
        <source>Search leads, campaigns and conversations</source>
        <translation>Buscar clientes potenciales, campañas y conversaciones</translation>
    </message>
    <message numerus="yes">
        <source>%n imported leads are still being indexed and are not found yet.</source>
        <translation>
            <numerusform>%n cliente importado aún se está indexando y todavía no se encuentra.</numerusform>
            <numerusform>%n clientes importados aún se están indexando y todavía no se encuentran.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fliptech::ui::SenderSettings</name>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Sends from</source>
        <translation>Envía desde</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Proveedor</translation>
    </message>
    <message>
        <source>Today's cap</source>
        <translation>Límite de hoy</translation>
    </message>
    <message>
        <source>Password / key</source>
        <translation>Contraseña / clave</translation>
    </message>
    <message>
        <source>e.g. Sam's Gmail</source>
        <translation>p. ej. Gmail de Sam</translation>
    </message>
    <message>
        <source>sam@yourstudio.com</source>
        <translation>sam@suestudio.com</translation>
    </message>
    <message>
        <source>Sam from Your Studio</source>
        <translation>Sam de Su Estudio</translation>
    </message>
    <message>
        <source>SMTP mailbox</source>
        <translation>Buzón SMTP</translation>
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
        <translation>STARTTLS (puerto 587)</translation>
    </message>
    <message>
        <source>TLS (port 465)</source>
        <translation>TLS (puerto 465)</translation>
    </message>
    <message>
        <source>None (a local relay only)</source>
        <translation>Ninguno (solo un relé local)</translation>
    </message>
    <message>
        <source>usually the address itself</source>
        <translation>normalmente la propia dirección</translation>
    </message>
    <message>
        <source>the provider's own (leave empty)</source>
        <translation>la del proveedor (déjelo vacío)</translation>
    </message>
    <message>
        <source>mg.yourstudio.com</source>
        <translation>mg.suestudio.com</translation>
    </message>
    <message>
        <source> a day</source>
        <translation> al día</translation>
    </message>
    <message>
        <source> an hour</source>
        <translation> por hora</translation>
    </message>
    <message>
        <source> s between sends</source>
        <translation> s entre envíos</translation>
    </message>
    <message>
        <source> on day one</source>
        <translation> el primer día</translation>
    </message>
    <message>
        <source>no ramp</source>
        <translation>sin rampa</translation>
    </message>
    <message>
        <source> more each day</source>
        <translation> más cada día</translation>
    </message>
    <message>
        <source>imap.gmail.com (where bounces come back)</source>
        <translation>imap.gmail.com (donde vuelven los rebotes)</translation>
    </message>
    <message>
        <source>TLS (port 993)</source>
        <translation>TLS (puerto 993)</translation>
    </message>
    <message>
        <source>STARTTLS (port 143)</source>
        <translation>STARTTLS (puerto 143)</translation>
    </message>
    <message>
        <source>None (a local server only)</source>
        <translation>Ninguno (solo un servidor local)</translation>
    </message>
    <message>
        <source>the SMTP user when empty</source>
        <translation>el usuario SMTP si está vacío</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>the default</source>
        <translation>el predeterminado</translation>
    </message>
    <message>
        <source>How often the inbox is read for replies: the default (every few minutes), a number of minutes, or 0 for only when you press Check mail</source>
        <translation>Cada cuánto se lee la bandeja en busca de respuestas: el valor predeterminado (cada pocos minutos), un número de minutos, o 0 para solo al pulsar Revisar correo</translation>
    </message>
    <message>
        <source>Sender name</source>
        <translation>Nombre del remitente</translation>
    </message>
    <message>
        <source>SMTP server</source>
        <translation>Servidor SMTP</translation>
    </message>
    <message>
        <source>User, password</source>
        <translation>Usuario, contraseña</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>Clave de API</translation>
    </message>
    <message>
        <source>API address</source>
        <translation>Dirección de la API</translation>
    </message>
    <message>
        <source>Mailgun domain</source>
        <translation>Dominio de Mailgun</translation>
    </message>
    <message>
        <source>Limits</source>
        <translation>Límites</translation>
    </message>
    <message>
        <source>Warm-up</source>
        <translation>Calentamiento</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Zona horaria</translation>
    </message>
    <message>
        <source>Mailbox (IMAP): replies and bounces</source>
        <translation>Buzón (IMAP): respuestas y rebotes</translation>
    </message>
    <message>
        <source>Read the inbox every</source>
        <translation>Leer la bandeja cada</translation>
    </message>
    <message>
        <source>&amp;New account</source>
        <translation>&amp;Nueva cuenta</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Guardar</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Eliminar</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>&amp;Probar conexión</translation>
    </message>
    <message>
        <source>Connect and sign in as a send would; nothing is sent</source>
        <translation>Conectar e iniciar sesión como lo haría un envío; no se envía nada</translation>
    </message>
    <message>
        <source>Check &amp;domain</source>
        <translation>Comprobar &amp;dominio</translation>
    </message>
    <message>
        <source>Look up the sending domain's SPF, DKIM and DMARC records and say what is missing</source>
        <translation>Consultar los registros SPF, DKIM y DMARC del dominio de envío y decir qué falta</translation>
    </message>
    <message>
        <source>Check &amp;bounces</source>
        <translation>Comprobar &amp;rebotes</translation>
    </message>
    <message>
        <source>Read the bounce mailbox now: bounced addresses are suppressed and their campaign recipients marked</source>
        <translation>Leer ahora el buzón de rebotes: las direcciones rebotadas se suprimen y sus destinatarios de campaña se marcan</translation>
    </message>
    <message>
        <source>✓ Read %1 new message(s): %2 bounce(s), %3 matched to campaign messages.</source>
        <translation>✓ Leídos %1 mensajes nuevos: %2 rebotes, %3 asociados a mensajes de campaña.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Sender accounts&lt;/b&gt;: the mailboxes campaigns send from. A new mailbox should warm up: a few messages on day one, a few more each day.</source>
        <translation>&lt;b&gt;Cuentas de envío&lt;/b&gt;: los buzones desde los que envían las campañas. Un buzón nuevo debe calentarse: pocos mensajes el primer día y unos cuantos más cada día.</translation>
    </message>
    <message>
        <source>Only an admin can add or change sender accounts.</source>
        <translation>Solo un administrador puede añadir o cambiar cuentas de envío.</translation>
    </message>
    <message>
        <source>set</source>
        <translation>definida</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>falta</translation>
    </message>
    <message>
        <source>unchanged (type to replace)</source>
        <translation>sin cambios (escriba para sustituirla)</translation>
    </message>
    <message>
        <source>password</source>
        <translation>contraseña</translation>
    </message>
    <message numerus="yes">
        <source>Saved. Today it may send %n message(s).</source>
        <translation>
            <numerusform>Guardada. Hoy puede enviar %n mensaje.</numerusform>
            <numerusform>Guardada. Hoy puede enviar %n mensajes.</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete sender account</source>
        <translation>Eliminar cuenta de envío</translation>
    </message>
    <message>
        <source>Delete "%1" and its password?</source>
        <translation>¿Eliminar "%1" y su contraseña?</translation>
    </message>
    <message>
        <source>Deleted.</source>
        <translation>Eliminada.</translation>
    </message>
    <message>
        <source>Looking the domain up…</source>
        <translation>Consultando el dominio…</translation>
    </message>
    <message>
        <source>Reading the bounce mailbox…</source>
        <translation>Leyendo el buzón de rebotes…</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>Probando…</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Conectando…</translation>
    </message>
</context>
<context>
    <name>fliptech::ui::SettingsPage</name>
    <message>
        <source>Profile</source>
        <translation>Perfil</translation>
    </message>
    <message>
        <source>API keys</source>
        <translation>Claves de API</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Usuarios</translation>
    </message>
    <message>
        <source>https://… (an image address)</source>
        <translation>https://… (la dirección de una imagen)</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Nombre</translation>
    </message>
    <message>
        <source>&amp;Time zone</source>
        <translation>&amp;Zona horaria</translation>
    </message>
    <message>
        <source>&amp;Avatar</source>
        <translation>&amp;Avatar</translation>
    </message>
    <message>
        <source>Save profile</source>
        <translation>Guardar perfil</translation>
    </message>
    <message>
        <source>Change password</source>
        <translation>Cambiar contraseña</translation>
    </message>
    <message>
        <source>Current password</source>
        <translation>Contraseña actual</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>Contraseña nueva</translation>
    </message>
    <message>
        <source>Repeat new password</source>
        <translation>Repita la contraseña nueva</translation>
    </message>
    <message>
        <source>Profile saved.</source>
        <translation>Perfil guardado.</translation>
    </message>
    <message>
        <source>The two new passwords differ.</source>
        <translation>Las dos contraseñas nuevas no coinciden.</translation>
    </message>
    <message>
        <source>Password changed. Other sign-ins were ended.</source>
        <translation>Contraseña cambiada. Se cerraron las demás sesiones.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Key starts with</source>
        <translation>La clave empieza por</translation>
    </message>
    <message>
        <source>Last used</source>
        <translation>Último uso</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Caduca</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Creada</translation>
    </message>
    <message>
        <source>Name of the new key, e.g. Zapier</source>
        <translation>Nombre de la clave nueva, p. ej. Zapier</translation>
    </message>
    <message>
        <source>Create key</source>
        <translation>Crear clave</translation>
    </message>
    <message>
        <source>Revoke…</source>
        <translation>Revocar…</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copiar</translation>
    </message>
    <message>
        <source>Copied. Store it somewhere safe: it will not be shown again.</source>
        <translation>Copiada. Guárdela en un sitio seguro: no se volverá a mostrar.</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nunca</translation>
    </message>
    <message>
        <source>Key "%1" created. Copy it now: it is shown only once.</source>
        <translation>Clave "%1" creada. Cópiela ahora: solo se muestra una vez.</translation>
    </message>
    <message>
        <source>Select a key to revoke.</source>
        <translation>Seleccione una clave para revocar.</translation>
    </message>
    <message>
        <source>Revoke API key</source>
        <translation>Revocar clave de API</translation>
    </message>
    <message>
        <source>Revoke "%1"? Anything using it stops working at once.</source>
        <translation>¿Revocar "%1"? Lo que la use deja de funcionar de inmediato.</translation>
    </message>
    <message>
        <source>Key "%1" revoked.</source>
        <translation>Clave "%1" revocada.</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Correo</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Activas</translation>
    </message>
    <message>
        <source>Last sign-in</source>
        <translation>Último inicio de sesión</translation>
    </message>
    <message>
        <source>Set role</source>
        <translation>Cambiar rol</translation>
    </message>
    <message>
        <source>Deactivate / reactivate</source>
        <translation>Desactivar / reactivar</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Eliminar…</translation>
    </message>
    <message>
        <source>Add a teammate</source>
        <translation>Añadir un compañero</translation>
    </message>
    <message>
        <source>First password</source>
        <translation>Primera contraseña</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Añadir</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>sí</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <source>%1 can now sign in.</source>
        <translation>%1 ya puede iniciar sesión.</translation>
    </message>
    <message>
        <source>Select an account first.</source>
        <translation>Seleccione primero una cuenta.</translation>
    </message>
    <message>
        <source>%1 updated.</source>
        <translation>%1 actualizado.</translation>
    </message>
    <message>
        <source>Delete account</source>
        <translation>Eliminar cuenta</translation>
    </message>
    <message>
        <source>Delete %1? Their leads and notes stay; the account cannot sign in again.</source>
        <translation>¿Eliminar a %1? Sus clientes potenciales y notas se quedan; la cuenta no podrá volver a iniciar sesión.</translation>
    </message>
    <message>
        <source>%1 deleted.</source>
        <translation>%1 eliminado.</translation>
    </message>
    <message>
        <source>Choose image…</source>
        <translation>Elegir imagen…</translation>
    </message>
    <message>
        <source>Avatar</source>
        <translation>Avatar</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.gif *.webp)</source>
        <translation>Imágenes (*.png *.jpg *.jpeg *.gif *.webp)</translation>
    </message>
    <message>
        <source>Temporary password (they choose their own at the next sign-in)</source>
        <translation>Contraseña temporal (elegirá la suya en el próximo inicio de sesión)</translation>
    </message>
    <message>
        <source>Set temporary password</source>
        <translation>Poner contraseña temporal</translation>
    </message>
    <message>
        <source>Temporary password</source>
        <translation>Contraseña temporal</translation>
    </message>
    <message>
        <source>Also revoke the API keys of %1? (Their sign-ins end either way.)</source>
        <translation>¿Revocar también las claves de API de %1? (Sus sesiones terminan de todos modos.)</translation>
    </message>
    <message>
        <source>%1 has a temporary password; they will choose their own when they sign in.</source>
        <translation>%1 tiene una contraseña temporal; elegirá la suya al iniciar sesión.</translation>
    </message>
    <message>
        <source>Cannot read %1.</source>
        <translation>No se puede leer %1.</translation>
    </message>
    <message>
        <source>Integrations</source>
        <translation>Integraciones</translation>
    </message>
    <message>
        <source>Sender accounts</source>
        <translation>Cuentas de envío</translation>
    </message>
    <message>
        <source>AI</source>
        <translation>IA</translation>
    </message>
    <message>
        <source>Usage</source>
        <translation>Uso</translation>
    </message>
    <message>
        <source>Application</source>
        <translation>Aplicación</translation>
    </message>
</context>
<context>
    <name>fliptech::ui::ShortcutsDialog</name>
    <message>
        <source>Everywhere</source>
        <translation>En todas partes</translation>
    </message>
    <message>
        <source>Open the notifications</source>
        <translation>Abrir las notificaciones</translation>
    </message>
    <message>
        <source>Leads</source>
        <translation>Clientes potenciales</translation>
    </message>
    <message>
        <source>Reload the list</source>
        <translation>Recargar la lista</translation>
    </message>
    <message>
        <source>Search the list</source>
        <translation>Buscar en la lista</translation>
    </message>
    <message>
        <source>Save the lead's details</source>
        <translation>Guardar los datos del cliente potencial</translation>
    </message>
    <message>
        <source>Scraper</source>
        <translation>Buscador</translation>
    </message>
    <message>
        <source>Run the scrape now</source>
        <translation>Ejecutar la búsqueda ahora</translation>
    </message>
    <message>
        <source>Campaigns</source>
        <translation>Campañas</translation>
    </message>
    <message>
        <source>New campaign</source>
        <translation>Nueva campaña</translation>
    </message>
    <message>
        <source>Templates</source>
        <translation>Plantillas</translation>
    </message>
    <message>
        <source>Save the template</source>
        <translation>Guardar la plantilla</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>Conversaciones</translation>
    </message>
    <message>
        <source>Check mail now</source>
        <translation>Revisar el correo ahora</translation>
    </message>
    <message>
        <source>Suggest a reply</source>
        <translation>Sugerir una respuesta</translation>
    </message>
    <message>
        <source>Send the reply</source>
        <translation>Enviar la respuesta</translation>
    </message>
    <message>
        <source>Archive the conversation</source>
        <translation>Archivar la conversación</translation>
    </message>
    <message>
        <source>Automation</source>
        <translation>Automatización</translation>
    </message>
    <message>
        <source>New schedule, rule or webhook</source>
        <translation>Nueva programación, regla o webhook</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>Run the schedule now</source>
        <translation>Ejecutar la programación ahora</translation>
    </message>
    <message>
        <source>Approve the selected request</source>
        <translation>Aprobar la solicitud seleccionada</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Panel</translation>
    </message>
    <message>
        <source>Refresh the figures</source>
        <translation>Actualizar las cifras</translation>
    </message>
    <message>
        <source>Custom URL</source>
        <translation>URL personalizada</translation>
    </message>
    <message>
        <source>Save the recipe</source>
        <translation>Guardar la receta</translation>
    </message>
    <message>
        <source>AI writer</source>
        <translation>Redactor con IA</translation>
    </message>
    <message>
        <source>Write the email</source>
        <translation>Escribir el correo</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Atajos de teclado</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Acción</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Teclas</translation>
    </message>
    <message>
        <source>Analytics</source>
        <translation>Análisis</translation>
    </message>
    <message>
        <source>Copy the selected rows</source>
        <translation>Copiar las filas seleccionadas</translation>
    </message>
    <message>
        <source>Open the row's leads</source>
        <translation>Abrir los clientes potenciales de la fila</translation>
    </message>
</context>
<context>
    <name>fliptech::ui::SignInDialog</name>
    <message>
        <source>Sign in to FlipTech Pro</source>
        <translation>Iniciar sesión en FlipTech Pro</translation>
    </message>
    <message>
        <source>&amp;Email</source>
        <translation>&amp;Correo</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>&amp;Contraseña</translation>
    </message>
    <message>
        <source>&amp;Remember me on this computer</source>
        <translation>&amp;Recordarme en este equipo</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Iniciar sesión</translation>
    </message>
</context>
<context>
    <name>fliptech::ui::StageColumn</name>
    <message>
        <source>closes %1</source>
        <translation>cierra %1</translation>
    </message>
    <message>
        <source>Drag to another stage; double-click to open the lead</source>
        <translation>Arrastre a otra fase; doble clic para abrir el cliente potencial</translation>
    </message>
    <message>
        <source>and %1 more</source>
        <translation>y %1 más</translation>
    </message>
</context>
<context>
    <name>fliptech::ui::TemplatesPage</name>
    <message>
        <source>Search templates</source>
        <translation>Buscar plantillas</translation>
    </message>
    <message>
        <source>Active only</source>
        <translation>Solo activas</translation>
    </message>
    <message>
        <source>&amp;New template</source>
        <translation>&amp;Nueva plantilla</translation>
    </message>
    <message>
        <source>e.g. Outdated website — first touch</source>
        <translation>p. ej. Sitio web anticuado — primer contacto</translation>
    </message>
    <message>
        <source>e.g. cold, follow-up</source>
        <translation>p. ej. en frío, seguimiento</translation>
    </message>
    <message>
        <source>Active (campaigns can use it)</source>
        <translation>Activa (las campañas pueden usarla)</translation>
    </message>
    <message>
        <source>{Quick question|Idea} for {{company|your business}}</source>
        <translation>{Una pregunta rápida|Una idea} para {{company|su negocio}}</translation>
    </message>
    <message>
        <source>&lt;p&gt;{Hi|Hello} {{first_name|there}},&lt;/p&gt;
&lt;p&gt;I looked at {{company}}'s website{{#if city}} in {{city}}{{/if}} …&lt;/p&gt;</source>
        <translation>&lt;p&gt;{Hola|Buenos días} {{first_name|}},&lt;/p&gt;
&lt;p&gt;He visto el sitio web de {{company}}{{#if city}} en {{city}}{{/if}} …&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Left empty, the plain-text version is made from the HTML body.</source>
        <translation>Si se deja vacía, la versión de texto plano se hace a partir del cuerpo HTML.</translation>
    </message>
    <message>
        <source>HTML body</source>
        <translation>Cuerpo HTML</translation>
    </message>
    <message>
        <source>Plain text</source>
        <translation>Texto plano</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Nombre</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Categoría</translation>
    </message>
    <message>
        <source>&amp;Subject</source>
        <translation>&amp;Asunto</translation>
    </message>
    <message>
        <source>&amp;Go to mistake</source>
        <translation>&amp;Ir al error</translation>
    </message>
    <message>
        <source>Double-click to insert into the field you are editing</source>
        <translation>Doble clic para insertar en el campo que está editando</translation>
    </message>
    <message>
        <source>&amp;Insert</source>
        <translation>&amp;Insertar</translation>
    </message>
    <message>
        <source>Preview for this lead (the newest 50)</source>
        <translation>Vista previa para este cliente potencial (los 50 más nuevos)</translation>
    </message>
    <message>
        <source>As HTML</source>
        <translation>Como HTML</translation>
    </message>
    <message>
        <source>As plain text</source>
        <translation>Como texto plano</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Guardar</translation>
    </message>
    <message>
        <source>Save the template (Ctrl+S)</source>
        <translation>Guardar la plantilla (Ctrl+S)</translation>
    </message>
    <message>
        <source>D&amp;uplicate</source>
        <translation>D&amp;uplicar</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Eliminar</translation>
    </message>
    <message>
        <source>Copied as "%1" (inactive until you switch it on).</source>
        <translation>Copiada como "%1" (inactiva hasta que la active).</translation>
    </message>
    <message>
        <source>Delete template</source>
        <translation>Eliminar plantilla</translation>
    </message>
    <message>
        <source>Delete "%1"?</source>
        <translation>¿Eliminar "%1"?</translation>
    </message>
    <message>
        <source>Template deleted.</source>
        <translation>Plantilla eliminada.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Variables&lt;/b&gt;</source>
        <translation>&lt;b&gt;Variables&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Preview for&lt;/b&gt;</source>
        <translation>&lt;b&gt;Vista previa para&lt;/b&gt;</translation>
    </message>
    <message>
        <source>your address</source>
        <translation>su dirección</translation>
    </message>
    <message>
        <source>Send &amp;test</source>
        <translation>Enviar &amp;prueba</translation>
    </message>
    <message>
        <source>Send the saved template, as the lead above would get it, to your address</source>
        <translation>Enviar la plantilla guardada, tal como la recibiría el cliente de arriba, a su dirección</translation>
    </message>
    <message>
        <source>&lt;b&gt;Test&lt;/b&gt;</source>
        <translation>&lt;b&gt;Prueba&lt;/b&gt;</translation>
    </message>
    <message>
        <source>inactive</source>
        <translation>inactiva</translation>
    </message>
    <message>
        <source>No templates yet: write the first with New template.</source>
        <translation>Aún no hay plantillas: escriba la primera con Nueva plantilla.</translation>
    </message>
    <message>
        <source>No template matches.</source>
        <translation>Ninguna plantilla coincide.</translation>
    </message>
    <message>
        <source>a sample lead (Ann, Ann's Bakery, Austin)</source>
        <translation>un cliente de ejemplo (Ann, Ann's Bakery, Austin)</translation>
    </message>
    <message>
        <source>Write the message in the HTML body, the plain text, or both.</source>
        <translation>Escriba el mensaje en el cuerpo HTML, en texto plano o en ambos.</translation>
    </message>
    <message>
        <source>you</source>
        <translation>usted</translation>
    </message>
    <message>
        <source>the sender</source>
        <translation>el remitente</translation>
    </message>
    <message>
        <source>✓ Ready to save. Variables: %1</source>
        <translation>✓ Lista para guardar. Variables: %1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ninguna</translation>
    </message>
    <message>
        <source>&lt;b&gt;Subject:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Asunto:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>Empty for this lead: %1 (add a fallback: {{name|…}})</source>
        <translation>Vacío para este cliente: %1 (añada un valor alternativo: {{name|…}})</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Guardado.</translation>
    </message>
    <message>
        <source>Save the template first: the test sends what is saved.</source>
        <translation>Guarde primero la plantilla: la prueba envía lo guardado.</translation>
    </message>
    <message>
        <source>Add a sender account in Settings → Sender accounts first.</source>
        <translation>Añada primero una cuenta de envío en Configuración → Cuentas de envío.</translation>
    </message>
    <message>
        <source>Sending the test…</source>
        <translation>Enviando la prueba…</translation>
    </message>
</context>
<context>
    <name>fliptech::ui::UsageSettings</name>
    <message>
        <source>What the workspace used, and the limits on it. At a limit, scrapes pause, enrichment and AI requests are refused with the limit named, and campaign e-mails wait until the day (or month) turns. AI spend has its own budgets in the AI tab.</source>
        <translation>Lo que usó el espacio de trabajo y sus límites. Al llegar a un límite, las búsquedas se pausan, el enriquecimiento y las peticiones de IA se rechazan indicando el límite, y los correos de campaña esperan a que cambie el día (o el mes). El gasto de IA tiene sus propios presupuestos en la pestaña IA.</translation>
    </message>
    <message>
        <source>Use</source>
        <translation>Uso</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Hoy</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>Este mes</translation>
    </message>
    <message>
        <source>Daily limit</source>
        <translation>Límite diario</translation>
    </message>
    <message>
        <source>Monthly limit</source>
        <translation>Límite mensual</translation>
    </message>
    <message>
        <source>Left today</source>
        <translation>Queda hoy</translation>
    </message>
    <message>
        <source>Days are counted in</source>
        <translation>Los días se cuentan en</translation>
    </message>
    <message>
        <source>&amp;Save limits</source>
        <translation>&amp;Guardar límites</translation>
    </message>
    <message>
        <source>Only an administrator can change the limits</source>
        <translation>Solo un administrador puede cambiar los límites</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualizar</translation>
    </message>
    <message>
        <source>The last 14 days</source>
        <translation>Los últimos 14 días</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Día</translation>
    </message>
    <message>
        <source>Limits saved.</source>
        <translation>Límites guardados.</translation>
    </message>
</context>
<context>
    <name>fliptech::ui::WebhooksTab</name>
    <message>
        <source>Delete webhook</source>
        <translation>Eliminar webhook</translation>
    </message>
    <message>
        <source>A webhook sends what happens here (a new lead, a reply, a finished scrape...) to another system as a signed POST: a CRM, Zapier, n8n, your own server. Failed deliveries are retried for a while; a webhook that keeps failing turns itself off and tells you.</source>
        <translation>Un webhook envía lo que pasa aquí (un cliente nuevo, una respuesta, una búsqueda terminada...) a otro sistema como un POST firmado: un CRM, Zapier, n8n, su propio servidor. Las entregas fallidas se reintentan durante un tiempo; un webhook que sigue fallando se desactiva solo y se lo dice.</translation>
    </message>
    <message>
        <source>&amp;New webhook</source>
        <translation>&amp;Nuevo webhook</translation>
    </message>
    <message>
        <source>Send a &amp;test</source>
        <translation>Enviar una &amp;prueba</translation>
    </message>
    <message>
        <source>Send a signed "ping" to the selected webhook now and show what it answered</source>
        <translation>Enviar ahora un "ping" firmado al webhook seleccionado y mostrar qué respondió</translation>
    </message>
    <message>
        <source>Turn o&amp;ff</source>
        <translation>&amp;Desactivar</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Eliminar</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Eventos</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Last delivery</source>
        <translation>Última entrega</translation>
    </message>
    <message>
        <source>Deliveries of the selected webhook (every attempt)</source>
        <translation>Entregas del webhook seleccionado (cada intento)</translation>
    </message>
    <message>
        <source>&amp;Redeliver</source>
        <translation>&amp;Reenviar</translation>
    </message>
    <message>
        <source>Send the selected delivery again, with a new timestamp and signature</source>
        <translation>Enviar de nuevo la entrega seleccionada, con nueva marca de tiempo y firma</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Cuando</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Evento</translation>
    </message>
    <message>
        <source>Attempt</source>
        <translation>Intento</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Respuesta</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>Entrega</translation>
    </message>
    <message>
        <source>e.g. CRM sync</source>
        <translation>p. ej. Sincronización con el CRM</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Nombre</translation>
    </message>
    <message>
        <source>&amp;Address</source>
        <translation>&amp;Dirección</translation>
    </message>
    <message>
        <source>Every event (also kinds added later)</source>
        <translation>Todos los eventos (también los tipos añadidos más adelante)</translation>
    </message>
    <message>
        <source>&amp;Events</source>
        <translation>&amp;Eventos</translation>
    </message>
    <message>
        <source> failed attempts in a row</source>
        <translation> intentos fallidos seguidos</translation>
    </message>
    <message>
        <source>Turn off after</source>
        <translation>Desactivar tras</translation>
    </message>
    <message>
        <source>On</source>
        <translation>Los días</translation>
    </message>
    <message>
        <source>Secret</source>
        <translation>Secreto</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copiar</translation>
    </message>
    <message>
        <source>&amp;Save webhook</source>
        <translation>&amp;Guardar webhook</translation>
    </message>
    <message>
        <source>New s&amp;ecret</source>
        <translation>Nuevo s&amp;ecreto</translation>
    </message>
    <message>
        <source>Make a new signing secret; the receiver must be given it</source>
        <translation>Crear un secreto de firma nuevo; hay que dárselo al receptor</translation>
    </message>
    <message>
        <source>What webhooks may reach (administrators)</source>
        <translation>Adónde pueden llegar los webhooks (administradores)</translation>
    </message>
    <message>
        <source>Private networks and this computer (not only the Internet)</source>
        <translation>Redes privadas y este equipo (no solo Internet)</translation>
    </message>
    <message>
        <source>e.g. 127.0.0.1:5678, 10.0.0.5</source>
        <translation>p. ej. 127.0.0.1:5678, 10.0.0.5</translation>
    </message>
    <message>
        <source>These addresses are allowed even when private networks are not (a local n8n, say)</source>
        <translation>Estas direcciones se permiten aunque las redes privadas no (un n8n local, por ejemplo)</translation>
    </message>
    <message>
        <source>Allowed anyway</source>
        <translation>Permitidas de todos modos</translation>
    </message>
    <message>
        <source>Save these</source>
        <translation>Guardar estas</translation>
    </message>
    <message>
        <source>The secret is on the clipboard.</source>
        <translation>El secreto está en el portapapeles.</translation>
    </message>
    <message>
        <source>everything</source>
        <translation>todo</translation>
    </message>
    <message numerus="yes">
        <source>On — %n failure(s) in a row</source>
        <translation>
            <numerusform>Activo — %n fallo seguido</numerusform>
            <numerusform>Activo — %n fallos seguidos</numerusform>
        </translation>
    </message>
    <message>
        <source>Off: %1</source>
        <translation>Desactivado: %1</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Desactivado</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>ninguna aún</translation>
    </message>
    <message>
        <source>delivered</source>
        <translation>entregado</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>falló</translation>
    </message>
    <message>
        <source>No webhook yet. Give it a name, the address of the receiver and the events it wants, then Save.</source>
        <translation>Aún no hay webhooks. Dele un nombre, la dirección del receptor y los eventos que quiere, y Guardar.</translation>
    </message>
    <message>
        <source>This webhook starts an n8n workflow (Workflows tab): its address is the workflow's Webhook trigger, and rules and schedules send to it, not events.</source>
        <translation>Este webhook inicia un flujo de n8n (pestaña Flujos): su dirección es el disparador Webhook del flujo, y le envían reglas y programaciones, no eventos.</translation>
    </message>
    <message>
        <source>Turn o&amp;n</source>
        <translation>&amp;Activar</translation>
    </message>
    <message>
        <source>Signed with the secret ending %1.</source>
        <translation>Firmado con el secreto que termina en %1.</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>gave up</source>
        <translation>abandonado</translation>
    </message>
    <message>
        <source>test</source>
        <translation>prueba</translation>
    </message>
    <message>
        <source>will retry</source>
        <translation>se reintentará</translation>
    </message>
    <message>
        <source>Events: tick at least one event the receiver wants.</source>
        <translation>Eventos: marque al menos un evento que quiera el receptor.</translation>
    </message>
    <message>
        <source>Saved. Give the receiver this secret to check the X-FlipTech-Signature of each delivery: it is shown only now.</source>
        <translation>Guardado. Dé al receptor este secreto para comprobar la X-FlipTech-Signature de cada entrega: solo se muestra ahora.</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Guardado.</translation>
    </message>
    <message>
        <source>Sending a test…</source>
        <translation>Enviando una prueba…</translation>
    </message>
    <message>
        <source>The receiver answered %1 in %2 ms.</source>
        <translation>El receptor respondió %1 en %2 ms.</translation>
    </message>
    <message>
        <source>The receiver answered %1: %2</source>
        <translation>El receptor respondió %1: %2</translation>
    </message>
    <message>
        <source>Not delivered: %1</source>
        <translation>No entregado: %1</translation>
    </message>
    <message>
        <source>Delete the webhook "%1" and its delivery log? Deliveries still waiting are dropped.</source>
        <translation>¿Eliminar el webhook "%1" y su registro de entregas? Las entregas pendientes se descartan.</translation>
    </message>
    <message>
        <source>Deleted.</source>
        <translation>Eliminada.</translation>
    </message>
    <message>
        <source>Make a new secret for "%1"? Deliveries are signed with it from now on: the receiver must be given it.</source>
        <translation>¿Crear un secreto nuevo para "%1"? Las entregas se firman con él desde ahora: hay que dárselo al receptor.</translation>
    </message>
    <message>
        <source>A new secret: give it to the receiver. It is shown only now.</source>
        <translation>Un secreto nuevo: déselo al receptor. Solo se muestra ahora.</translation>
    </message>
    <message>
        <source>Saved: webhooks may reach %1.</source>
        <translation>Guardado: los webhooks pueden llegar a %1.</translation>
    </message>
    <message>
        <source>private networks too</source>
        <translation>también redes privadas</translation>
    </message>
    <message>
        <source>only the Internet</source>
        <translation>solo Internet</translation>
    </message>
    <message>
        <source>the Internet and %1</source>
        <translation>Internet y %1</translation>
    </message>
</context>
<context>
    <name>fliptech::ui::WorkflowsTab</name>
    <message>
        <source>Workflows of your team's n8n: turn them on and off, start them, and see how their runs went. A rule (action "Start an n8n workflow") or a schedule starts a workflow through its Webhook trigger (HTTP method POST) with the lead and the event; the workflow can call back into FlipTech with an API key.</source>
        <translation>Flujos del n8n de su equipo: actívelos y desactívelos, inícielos y vea cómo fueron sus ejecuciones. Una regla (acción "Iniciar un flujo de n8n") o una programación inicia un flujo por su disparador Webhook (método HTTP POST) con el cliente potencial y el evento; el flujo puede llamar de vuelta a FlipTech con una clave de API.</translation>
    </message>
    <message>
        <source>Where your n8n is</source>
        <translation>Dónde está su n8n</translation>
    </message>
    <message>
        <source>n8n &amp;address</source>
        <translation>&amp;Dirección de n8n</translation>
    </message>
    <message>
        <source>Made in n8n: Settings → n8n API → Create an API key (with the workflow and execution scopes). Kept in the system keychain, never shown again.</source>
        <translation>Se crea en n8n: Settings → n8n API → Create an API key (con los permisos de workflow y execution). Se guarda en el llavero del sistema y no se vuelve a mostrar.</translation>
    </message>
    <message>
        <source>API &amp;key</source>
        <translation>&amp;Clave de API</translation>
    </message>
    <message>
        <source>Save and c&amp;onnect</source>
        <translation>Guardar y c&amp;onectar</translation>
    </message>
    <message>
        <source>Only an administrator may change where n8n is</source>
        <translation>Solo un administrador puede cambiar dónde está n8n</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>Act&amp;ualizar</translation>
    </message>
    <message>
        <source>Turn o&amp;n</source>
        <translation>&amp;Activar</translation>
    </message>
    <message>
        <source>&amp;Run now</source>
        <translation>&amp;Ejecutar ahora</translation>
    </message>
    <message>
        <source>Start the selected workflow now through its Webhook trigger (a "manual" event)</source>
        <translation>Iniciar ahora el flujo seleccionado por su disparador Webhook (un evento "manual")</translation>
    </message>
    <message>
        <source>Runs of the selected workflow only</source>
        <translation>Solo las ejecuciones del flujo seleccionado</translation>
    </message>
    <message>
        <source>Workflow</source>
        <translation>Flujo</translation>
    </message>
    <message>
        <source>On</source>
        <translation>Los días</translation>
    </message>
    <message>
        <source>Trigger</source>
        <translation>Disparador</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Etiquetas</translation>
    </message>
    <message>
        <source>Can start from here</source>
        <translation>Puede iniciarse desde aquí</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Iniciado</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Took</source>
        <translation>Duró</translation>
    </message>
    <message>
        <source>How</source>
        <translation>Cómo</translation>
    </message>
    <message>
        <source>Turn o&amp;ff</source>
        <translation>&amp;Desactivar</translation>
    </message>
    <message>
        <source>kept in the keychain</source>
        <translation>guardada en el llavero</translation>
    </message>
    <message>
        <source>from N8N_API_KEY</source>
        <translation>de N8N_API_KEY</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>ninguna aún</translation>
    </message>
    <message>
        <source>paste the key n8n made</source>
        <translation>pegue la clave que creó n8n</translation>
    </message>
    <message>
        <source>leave empty to keep the key</source>
        <translation>déjelo vacío para conservar la clave</translation>
    </message>
    <message>
        <source>n8n address</source>
        <translation>dirección de n8n</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>Clave de API</translation>
    </message>
    <message>
        <source>Saved. Reading the workflows from n8n…</source>
        <translation>Guardado. Leyendo los flujos de n8n…</translation>
    </message>
    <message>
        <source>Saved. Give both the address and an API key to connect.</source>
        <translation>Guardado. Indique la dirección y una clave de API para conectar.</translation>
    </message>
    <message>
        <source>n8n is not set up yet: an administrator gives its address and an API key above (in n8n: Settings → n8n API).</source>
        <translation>n8n aún no está configurado: un administrador indica arriba su dirección y una clave de API (en n8n: Settings → n8n API).</translation>
    </message>
    <message>
        <source>Reading from n8n…</source>
        <translation>Leyendo de n8n…</translation>
    </message>
    <message>
        <source>n8n has no workflow yet: make one in n8n with a Webhook trigger (POST).</source>
        <translation>n8n aún no tiene flujos: cree uno en n8n con un disparador Webhook (POST).</translation>
    </message>
    <message numerus="yes">
        <source>%n workflow(s) in n8n; the newest runs below.</source>
        <translation>
            <numerusform>%n flujo en n8n; sus ejecuciones más recientes abajo.</numerusform>
            <numerusform>%n flujos en n8n; las ejecuciones más recientes abajo.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 — id %2 (what a rule's "Start an n8n workflow" action takes)</source>
        <translation>%1 — id %2 (lo que toma la acción "Iniciar un flujo de n8n" de una regla)</translation>
    </message>
    <message>
        <source>on</source>
        <translation>activo</translation>
    </message>
    <message>
        <source>off</source>
        <translation>inactivo</translation>
    </message>
    <message>
        <source>Tick to turn the workflow on in n8n (its triggers listen), untick to turn it off</source>
        <translation>Marque para activar el flujo en n8n (sus disparadores escuchan), desmarque para desactivarlo</translation>
    </message>
    <message>
        <source>no Webhook trigger</source>
        <translation>sin disparador Webhook</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>sí</translation>
    </message>
    <message>
        <source>no: %1</source>
        <translation>no: %1</translation>
    </message>
    <message>
        <source>Turning "%1" on…</source>
        <translation>Activando "%1"…</translation>
    </message>
    <message>
        <source>Turning "%1" off…</source>
        <translation>Desactivando "%1"…</translation>
    </message>
    <message>
        <source>"%1" is on.</source>
        <translation>"%1" está activo.</translation>
    </message>
    <message>
        <source>"%1" is off.</source>
        <translation>"%1" está inactivo.</translation>
    </message>
    <message>
        <source>"%1" is being started; its run appears below when n8n has it.</source>
        <translation>"%1" se está iniciando; su ejecución aparece abajo cuando n8n la tenga.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>the last time</source>
        <translation>la última vez</translation>
    </message>
    <message>
        <source>The database could not be checked: %1.</source>
        <translation>No se pudo comprobar la base de datos: %1.</translation>
    </message>
    <message>
        <source>The database was checked and is consistent: everything saved before the exit is there, and unfinished jobs (scrapes, sends, imports) carry on from where they stopped.</source>
        <translation>Se comprobó la base de datos y es coherente: todo lo guardado antes del cierre está ahí, y los trabajos sin terminar (búsquedas, envíos, importaciones) siguen desde donde se quedaron.</translation>
    </message>
    <message>
        <source>The database check found problems: %1. Make a copy of the database file before going on.</source>
        <translation>La comprobación de la base de datos encontró problemas: %1. Haga una copia del archivo de la base de datos antes de seguir.</translation>
    </message>
    <message>
        <source>&lt;b&gt;FlipTech Pro did not close properly&lt;/b&gt; (session started %1). %2 %3</source>
        <translation>&lt;b&gt;FlipTech Pro no se cerró correctamente&lt;/b&gt; (sesión iniciada %1). %2 %3</translation>
    </message>
    <message>
        <source>The &lt;a href="%1"&gt;log&lt;/a&gt; may say why.</source>
        <translation>El &lt;a href="%1"&gt;registro&lt;/a&gt; puede decir por qué.</translation>
    </message>
    <message>
        <source>&lt;b&gt;The API server did not start&lt;/b&gt;: %1. The desktop works without it; change its address or TLS files in &lt;a href="fliptech://settings"&gt;Settings → Application&lt;/a&gt;.</source>
        <translation>&lt;b&gt;El servidor de la API no se inició&lt;/b&gt;: %1. El escritorio funciona sin él; cambie su dirección o sus archivos TLS en &lt;a href="fliptech://settings"&gt;Configuración → Aplicación&lt;/a&gt;.</translation>
    </message>
</context>
</TS>
