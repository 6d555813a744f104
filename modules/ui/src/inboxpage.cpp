#include "fliptech/ui/inboxpage.h"

#include "fliptech/campaigns/senderaccounts.h"
#include "fliptech/campaigns/templateservice.h"
#include "fliptech/conversations/conversationservice.h"
#include "fliptech/engine/engine.h"
#include "fliptech/leads/leadservice.h"
#include "fliptech/leads/workspaceservices.h"
#include "fliptech/storage/eventstore.h"
#include "fliptech/ui/pageregistry.h"
#include "leadreport.h"

#include <QApplication>
#include <QComboBox>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPointer>
#include <QProgressBar>
#include <QScrollBar>
#include <QPushButton>
#include <QShortcut>
#include <QSplitter>
#include <QTextBrowser>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace fliptech::ui {

namespace {
QString esc(const QString &s) { return s.toHtmlEscaped(); }

QColor moodColour(const QString &sentiment)
{
    if (sentiment == QLatin1String("positive"))
        return QColor(0x1b, 0x7f, 0x3b);
    if (sentiment == QLatin1String("negative"))
        return QColor(0xb0, 0x00, 0x20);
    return QColor(0x70, 0x70, 0x70);
}

QString moodText(const QString &sentiment)
{
    if (sentiment == QLatin1String("positive"))
        return QObject::tr("Positive");
    if (sentiment == QLatin1String("negative"))
        return QObject::tr("Negative");
    if (sentiment == QLatin1String("neutral"))
        return QObject::tr("Neutral");
    return QString();
}

QString intentText(const QString &intent)
{
    static const QHash<QString, const char *> names{{QStringLiteral("interested"), QT_TRANSLATE_NOOP("QObject", "interested")},
                                                    {QStringLiteral("not_interested"), QT_TRANSLATE_NOOP("QObject", "not interested")},
                                                    {QStringLiteral("meeting_request"), QT_TRANSLATE_NOOP("QObject", "wants a meeting")},
                                                    {QStringLiteral("question"), QT_TRANSLATE_NOOP("QObject", "asks a question")},
                                                    {QStringLiteral("unsubscribe_request"), QT_TRANSLATE_NOOP("QObject", "asks to be removed")},
                                                    {QStringLiteral("auto_reply"), QT_TRANSLATE_NOOP("QObject", "automatic answer")}};
    const auto it = names.constFind(intent);
    return it == names.constEnd() ? QString() : QObject::tr(it.value());
}

QString when(const QString &iso)
{
    const QDateTime t = QDateTime::fromString(iso, Qt::ISODateWithMs).toLocalTime();
    if (!t.isValid())
        return QString();
    const QLocale locale;
    return t.date() == QDate::currentDate() ? locale.toString(t.time(), QLocale::ShortFormat) : locale.toString(t, QLocale::ShortFormat);
}

// The filters of the thread list and what each asks the service.
struct Filter {
    const char *label;
    const char *key;
    const char *value;
};
const Filter kFilters[] = {{QT_TRANSLATE_NOOP("fliptech::ui::InboxPage", "Active"), "status", "active"},          {QT_TRANSLATE_NOOP("fliptech::ui::InboxPage", "Needs a reply"), "needs_reply", "true"},
                           {QT_TRANSLATE_NOOP("fliptech::ui::InboxPage", "Unread"), "unread", "true"},            {QT_TRANSLATE_NOOP("fliptech::ui::InboxPage", "Positive"), "sentiment", "positive"},
                           {QT_TRANSLATE_NOOP("fliptech::ui::InboxPage", "Negative"), "sentiment", "negative"},   {QT_TRANSLATE_NOOP("fliptech::ui::InboxPage", "Archived"), "status", "archived"},
                           {QT_TRANSLATE_NOOP("fliptech::ui::InboxPage", "Everything"), "", ""}};
} // namespace

InboxPage::InboxPage(engine::Engine &engine, leads::Actor actor, QWidget *parent) : QWidget(parent), m_engine(engine), m_actor(std::move(actor))
{
    setObjectName(QStringLiteral("inboxPage"));
    // Left: the threads.
    m_filter = new QComboBox(this);
    m_filter->setObjectName(QStringLiteral("inboxFilter"));
    for (const Filter &f : kFilters)
        m_filter->addItem(tr(f.label));
    m_check = new QPushButton(tr("&Check mail"), this);
    m_check->setObjectName(QStringLiteral("inboxCheck"));
    m_check->setToolTip(tr("Read every mailbox now (F5)"));
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_cancel->setObjectName(QStringLiteral("inboxCancel"));
    m_cancel->hide();
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("inboxProgress"));
    m_progress->hide();
    m_threads = new QTreeWidget(this);
    m_threads->setObjectName(QStringLiteral("inboxThreads"));
    // Each thread on two lines: who (and how many unread), then the subject.
    m_threads->setHeaderLabels({tr("Conversation"), tr("Mood"), tr("Last")});
    m_threads->setRootIsDecorated(false);
    m_threads->setAlternatingRowColors(true);
    m_threads->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_threads->header()->setStretchLastSection(false);
    auto *top = new QHBoxLayout;
    top->addWidget(m_filter, 1);
    top->addWidget(m_check);
    auto *left = new QWidget(this);
    auto *ll = new QVBoxLayout(left);
    ll->setContentsMargins(0, 0, 0, 0);
    ll->addLayout(top);
    auto *progressRow = new QHBoxLayout;
    progressRow->addWidget(m_progress, 1);
    progressRow->addWidget(m_cancel);
    ll->addLayout(progressRow);
    ll->addWidget(m_threads, 1);

    // Middle: the thread, the suggestion, the reply.
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("inboxTitle"));
    m_title->setWordWrap(true);
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    big.setBold(true);
    m_title->setFont(big);
    m_archive = new QPushButton(tr("&Archive"), this);
    m_archive->setObjectName(QStringLiteral("inboxArchive"));
    m_archive->setToolTip(tr("Ctrl+E"));
    auto *titleRow = new QHBoxLayout;
    titleRow->addWidget(m_title, 1);
    titleRow->addWidget(m_archive);
    m_thread = new QTextBrowser(this);
    m_thread->setObjectName(QStringLiteral("inboxThread"));
    m_thread->setOpenLinks(false);

    auto *suggestionBox = new QGroupBox(tr("Suggested reply"), this);
    m_suggest = new QPushButton(tr("&Suggest a reply"), suggestionBox);
    m_suggest->setObjectName(QStringLiteral("inboxSuggest"));
    m_suggest->setToolTip(tr("Ctrl+G: the AI (or the offline writer) drafts an answer; nothing is sent until you approve it"));
    m_suggestion = new QPlainTextEdit(suggestionBox);
    m_suggestion->setObjectName(QStringLiteral("inboxSuggestion"));
    m_suggestion->setPlaceholderText(tr("No suggestion yet. “Suggest a reply” drafts one from the thread and the lead's website analysis."));
    m_suggestion->setMaximumHeight(150);
    m_suggestionAbout = new QLabel(suggestionBox);
    m_suggestionAbout->setObjectName(QStringLiteral("inboxSuggestionAbout"));
    m_suggestionAbout->setWordWrap(true);
    m_approve = new QPushButton(tr("Approve && send"), suggestionBox);
    m_approve->setObjectName(QStringLiteral("inboxApprove"));
    m_approve->setToolTip(tr("Send the suggestion as it stands in the box (your edits included)"));
    m_reject = new QPushButton(tr("Reject"), suggestionBox);
    m_reject->setObjectName(QStringLiteral("inboxReject"));
    m_regenerate = new QPushButton(tr("Write again"), suggestionBox);
    m_regenerate->setObjectName(QStringLiteral("inboxRegenerate"));
    auto *sb = new QHBoxLayout;
    sb->addWidget(m_suggest);
    sb->addStretch(1);
    sb->addWidget(m_regenerate);
    sb->addWidget(m_reject);
    sb->addWidget(m_approve);
    auto *sl = new QVBoxLayout(suggestionBox);
    sl->addWidget(m_suggestion);
    sl->addWidget(m_suggestionAbout);
    sl->addLayout(sb);

    auto *replyBox = new QGroupBox(tr("Your reply"), this);
    m_template = new QComboBox(replyBox);
    m_template->setObjectName(QStringLiteral("inboxTemplate"));
    m_account = new QComboBox(replyBox);
    m_account->setObjectName(QStringLiteral("inboxAccount"));
    m_account->setToolTip(tr("The mailbox the reply is sent from"));
    m_reply = new QPlainTextEdit(replyBox);
    m_reply->setObjectName(QStringLiteral("inboxReply"));
    m_reply->setPlaceholderText(tr("Write your answer… (Ctrl+Return sends it)"));
    m_reply->setMaximumHeight(160);
    m_send = new QPushButton(tr("Sen&d"), replyBox);
    m_send->setObjectName(QStringLiteral("inboxSend"));
    m_send->setToolTip(tr("Ctrl+Return"));
    auto *rb = new QHBoxLayout;
    rb->addWidget(m_template, 1);
    rb->addWidget(m_account, 1);
    rb->addWidget(m_send);
    auto *rl = new QVBoxLayout(replyBox);
    rl->addWidget(m_reply);
    rl->addLayout(rb);

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("inboxMessage"));
    m_message->setWordWrap(true);
    auto *middle = new QWidget(this);
    auto *ml = new QVBoxLayout(middle);
    ml->setContentsMargins(0, 0, 0, 0);
    ml->addLayout(titleRow);
    ml->addWidget(m_thread, 1);
    ml->addWidget(suggestionBox);
    ml->addWidget(replyBox);
    ml->addWidget(m_message);

    // Right: the lead.
    m_lead = new QTextBrowser(this);
    m_lead->setObjectName(QStringLiteral("inboxLead"));
    m_lead->setOpenLinks(false);

    auto *split = new QSplitter(this);
    split->addWidget(left);
    split->addWidget(middle);
    split->addWidget(m_lead);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 4);
    split->setStretchFactor(2, 2);
    split->setSizes({420, 760, 300});
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(split);

    // Templates and mailboxes to choose from.
    m_template->addItem(tr("Start from a template…"), 0);
    if (auto templates = engine.templates().list())
        for (const QJsonValue &t : *templates)
            if (t.toObject().value(QStringLiteral("is_active")).toBool(true))
                m_template->addItem(t.toObject().value(QStringLiteral("name")).toString(), t.toObject().value(QStringLiteral("id")).toInteger());
    if (auto accounts = engine.senders().list())
        for (const QJsonValue &a : *accounts)
            if (a.toObject().value(QStringLiteral("is_active")).toBool())
                m_account->addItem(QStringLiteral("%1 <%2>").arg(a.toObject().value(QStringLiteral("name")).toString(), a.toObject().value(QStringLiteral("from_email")).toString()),
                                   a.toObject().value(QStringLiteral("id")).toInteger());

    connect(m_filter, &QComboBox::currentIndexChanged, this, &InboxPage::reload);
    connect(m_threads, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *item) {
        if (item && (!m_id || *m_id != item->data(0, Qt::UserRole).toLongLong()))
            open(item->data(0, Qt::UserRole).toLongLong());
    });
    connect(m_check, &QPushButton::clicked, this, [this] { checkMail(); });
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        if (m_cancelled)
            m_cancelled->store(true);
        say(tr("Stopping after the message being read…"));
    });
    connect(m_archive, &QPushButton::clicked, this, &InboxPage::archive);
    connect(m_suggest, &QPushButton::clicked, this, [this] { suggest({}); });
    connect(m_regenerate, &QPushButton::clicked, this, [this] {
        if (m_suggestionId)
            suggest({{QStringLiteral("suggestion_id"), *m_suggestionId}});
    });
    connect(m_approve, &QPushButton::clicked, this, [this] { decide(true); });
    connect(m_reject, &QPushButton::clicked, this, [this] { decide(false); });
    connect(m_send, &QPushButton::clicked, this, &InboxPage::sendReply);
    connect(m_template, &QComboBox::activated, this, &InboxPage::insertTemplate);
    auto shortcut = [this](const QKeySequence &keys, auto slot) { connect(new QShortcut(keys, this), &QShortcut::activated, this, slot); };
    shortcut(QKeySequence(Qt::Key_F5), [this] { checkMail(); });
    shortcut(QKeySequence(Qt::CTRL | Qt::Key_G), [this] { suggest({}); });
    shortcut(QKeySequence(Qt::CTRL | Qt::Key_Return), [this] { sendReply(); });
    shortcut(QKeySequence(Qt::CTRL | Qt::Key_E), [this] { archive(); });

    connect(&m_watcher, &QFutureWatcher<QJsonObject>::finished, this, &InboxPage::finished);
    // Live: a reply read by the sweep or a teammate's answer shows without a click.
    m_debounce = new QTimer(this);
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(250);
    connect(m_debounce, &QTimer::timeout, this, [this] {
        reload();
    });
    connect(&engine.events(), &storage::EventStore::eventAppended, this, [this](const storage::Event &e) {
        if (e.channel == QLatin1String("conversations"))
            m_debounce->start();
    });
    reload();
}

InboxPage::~InboxPage()
{
    if (m_cancelled)
        m_cancelled->store(true);
    m_watcher.disconnect();
    m_watcher.waitForFinished();
}

void InboxPage::say(const QString &text, bool error)
{
    m_message->setText(text);
    m_message->setStyleSheet(error ? QStringLiteral("color: #b00020") : QString());
}

void InboxPage::reload()
{
    const Filter &f = kFilters[qBound(0, m_filter->currentIndex(), int(std::size(kFilters)) - 1)];
    QJsonObject filter{{QStringLiteral("limit"), 500}};
    if (qstrlen(f.key) > 0) {
        const QString value = QLatin1String(f.value);
        filter.insert(QLatin1String(f.key), value == QLatin1String("true") ? QJsonValue(true) : QJsonValue(value));
    }
    auto list = m_engine.conversations().list(filter);
    const std::optional<qint64> keep = m_id;
    QSignalBlocker block(m_threads);
    m_threads->clear();
    if (!list) {
        say(list.error().userMessage(), true);
        return;
    }
    QTreeWidgetItem *current = nullptr;
    for (const QJsonValue &v : *list) {
        const QJsonObject c = v.toObject();
        const int unread = c.value(QStringLiteral("unread_count")).toInt();
        QString who = c.value(QStringLiteral("lead_name")).toString();
        if (who.isEmpty())
            who = c.value(QStringLiteral("contact_email")).toString();
        if (unread > 0)
            who += QStringLiteral(" (%1)").arg(unread);
        const QString sentiment = c.value(QStringLiteral("sentiment")).toString();
        const QString subject = c.value(QStringLiteral("subject")).toString();
        auto *item = new QTreeWidgetItem(m_threads, {who + u'\n' + (subject.isEmpty() ? tr("(no subject)") : subject),
                                                     moodText(sentiment).isEmpty() ? QString() : QStringLiteral("● ") + moodText(sentiment),
                                                     when(c.value(QStringLiteral("last_message_at")).toString())});
        item->setToolTip(0, who + u'\n' + subject);
        item->setData(0, Qt::UserRole, c.value(QStringLiteral("id")).toInteger());
        item->setData(0, Qt::UserRole + 1, unread);
        item->setForeground(1, moodColour(sentiment));
        item->setToolTip(1, intentText(c.value(QStringLiteral("intent")).toString()));
        if (unread > 0 || c.value(QStringLiteral("needs_reply")).toBool()) {
            QFont bold = item->font(0);
            bold.setBold(unread > 0);
            for (int col = 0; col < 3; ++col)
                item->setFont(col, bold);
        }
        if (keep && *keep == c.value(QStringLiteral("id")).toInteger())
            current = item;
    }
    for (int col : {1, 2})
        m_threads->resizeColumnToContents(col);
    if (current) {
        m_threads->setCurrentItem(current);
        refreshThread();
    } else if (m_threads->topLevelItemCount() == 0) {
        m_id.reset();
        refreshThread();
    } else if (!keep) {
        m_threads->setCurrentItem(m_threads->topLevelItem(0));
        open(m_threads->topLevelItem(0)->data(0, Qt::UserRole).toLongLong());
    } else {
        refreshThread();
    }
}

void InboxPage::open(qint64 conversationId)
{
    if (m_id != conversationId) {
        m_reply->clear();
        m_message->clear();
    }
    m_id = conversationId;
    // Opening a thread reads it.
    auto c = m_engine.conversations().get(conversationId);
    if (c && c->value(QStringLiteral("unread_count")).toInt() > 0) {
        if (auto read = m_engine.conversations().markRead(conversationId); !read)
            say(read.error().userMessage(), true);
    }
    refreshThread();
}

void InboxPage::refreshThread()
{
    const bool has = m_id.has_value();
    for (QWidget *w : std::initializer_list<QWidget *>{m_archive, m_suggest, m_send, m_reply, m_template, m_account, m_suggestion})
        w->setEnabled(has && !busy());
    if (!has) {
        const bool filtered = m_filter->currentIndex() != 0;
        m_title->setText(filtered ? tr("Nothing here") : tr("No conversations yet"));
        m_thread->setHtml(filtered ? tr("<p>No conversation matches this filter.</p>")
                                   : tr("<p>Replies to your campaigns and e-mails appear here. Add the IMAP server of a mailbox in "
                                        "<b>Settings → Sender accounts</b>, then <b>Check mail</b> (F5); the inbox is also read every few minutes.</p>"));
        m_lead->clear();
        m_suggestion->clear();
        m_suggestionAbout->clear();
        m_suggestionId.reset();
        for (QWidget *w : std::initializer_list<QWidget *>{m_approve, m_reject, m_regenerate})
            w->setEnabled(false);
        return;
    }
    auto c = m_engine.conversations().get(*m_id);
    if (!c) {
        say(c.error().userMessage(), true);
        m_id.reset();
        return;
    }
    m_title->setText(c->value(QStringLiteral("subject")).toString().isEmpty() ? tr("(no subject)") : c->value(QStringLiteral("subject")).toString());
    m_archive->setEnabled(!busy() && c->value(QStringLiteral("status")).toString() != QLatin1String("archived"));
    // The thread.
    auto messages = m_engine.conversations().messages(*m_id);
    QString html;
    if (messages) {
        for (const QJsonValue &v : *messages) {
            const QJsonObject m = v.toObject();
            const bool inbound = m.value(QStringLiteral("direction")).toString() == QLatin1String("inbound");
            // A table is the box QTextDocument draws with a background and padding.
            html += QStringLiteral("<table width=\"100%\" cellpadding=\"8\" cellspacing=\"0\" style=\"margin-bottom: 8px\" bgcolor=\"%1\"><tr><td>")
                        .arg(inbound ? QStringLiteral("#f1f3f7") : QStringLiteral("#e8f5ec"));
            html += QStringLiteral("<b>%1</b> <span style=\"color:#707070\">%2 · %3</span>")
                        .arg(esc(inbound ? m.value(QStringLiteral("from_email")).toString() : tr("You (%1)").arg(m.value(QStringLiteral("from_email")).toString())),
                             esc(when(m.value(QStringLiteral("created_at")).toString())), esc(m.value(QStringLiteral("subject")).toString()));
            if (inbound) {
                if (m.value(QStringLiteral("auto_reply")).toBool())
                    html += QStringLiteral(" <span style=\"color:#707070\">[%1]</span>").arg(esc(tr("automatic answer: not counted as a reply")));
                else if (const QString intent = intentText(m.value(QStringLiteral("intent")).toString()); !intent.isEmpty())
                    html += QStringLiteral(" <span style=\"color:%1\">[%2]</span>").arg(moodColour(m.value(QStringLiteral("sentiment")).toString()).name(), esc(intent));
            }
            html += QStringLiteral("<p>") + esc(m.value(QStringLiteral("body_text")).toString().trimmed()).replace(u'\n', QStringLiteral("<br>")) + QStringLiteral("</p>");
            const QJsonArray files = m.value(QStringLiteral("attachments")).toArray();
            for (const QJsonValue &f : files)
                html += QStringLiteral("<div>📎 %1 (%2)</div>")
                            .arg(esc(f.toObject().value(QStringLiteral("filename")).toString()), QLocale().formattedDataSize(f.toObject().value(QStringLiteral("size")).toInteger()));
            html += QStringLiteral("</td></tr></table>");
        }
    } else {
        html = QStringLiteral("<p>%1</p>").arg(esc(messages.error().userMessage()));
    }
    m_thread->setHtml(html);
    m_thread->verticalScrollBar()->setValue(m_thread->verticalScrollBar()->maximum());
    // The mailbox it is answered from.
    if (const qint64 account = c->value(QStringLiteral("sender_account_id")).toInteger(); account > 0)
        if (const int i = m_account->findData(account); i >= 0)
            m_account->setCurrentIndex(i);
    // The lead beside it.
    QString lead;
    if (c->value(QStringLiteral("lead_id")).isDouble()) {
        const qint64 leadId = c->value(QStringLiteral("lead_id")).toInteger();
        if (auto l = m_engine.leads().get(leadId)) {
            lead = QStringLiteral("<h3>%1</h3>").arg(esc(l->value(QStringLiteral("name")).toString()));
            if (const QString company = l->value(QStringLiteral("company")).toString(); !company.isEmpty())
                lead += QStringLiteral("<p>%1</p>").arg(esc(company));
            lead += tr("<p>Status: <b>%1</b>").arg(esc(l->value(QStringLiteral("status")).toString()));
            if (const QString stage = l->value(QStringLiteral("deal_stage")).toString(); !stage.isEmpty())
                lead += tr(" · Deal: <b>%1</b>").arg(esc(stage));
            if (l->value(QStringLiteral("deal_value")).isDouble())
                lead += tr(" · Value: <b>%1</b>").arg(QLocale().toCurrencyString(l->value(QStringLiteral("deal_value")).toDouble()));
            lead += QStringLiteral("</p>");
            lead += analysisReport(l->value(QStringLiteral("website_analysis")).toObject(), l->value(QStringLiteral("website")).toString());
            if (auto notes = m_engine.notes().forLead(leadId); notes && !notes->isEmpty()) {
                lead += tr("<h4>Notes</h4>");
                for (qsizetype i = 0; i < qMin<qsizetype>(3, notes->size()); ++i)
                    lead += QStringLiteral("<p>%1</p>").arg(esc(notes->at(i).toObject().value(QStringLiteral("content")).toString()));
            }
        }
    }
    if (lead.isEmpty())
        lead = tr("<p>%1 is not one of your leads yet.</p>").arg(esc(c->value(QStringLiteral("contact_email")).toString()));
    m_lead->setHtml(lead);
    // The suggestion waiting, if any.
    std::optional<QJsonObject> waiting;
    if (auto s = m_engine.conversations().suggestions(*m_id))
        for (const QJsonValue &v : *s) {
            const QString status = v.toObject().value(QStringLiteral("status")).toString();
            if (status == QLatin1String("pending") || status == QLatin1String("approved")) {
                waiting = v.toObject();
                break;
            }
        }
    if (waiting) {
        if (!m_suggestionId || *m_suggestionId != waiting->value(QStringLiteral("id")).toInteger())
            showSuggestion(*waiting);
    } else {
        m_suggestionId.reset();
        m_suggestion->clear();
        m_suggestionAbout->clear();
    }
    for (QWidget *w : std::initializer_list<QWidget *>{m_approve, m_reject, m_regenerate})
        w->setEnabled(m_suggestionId.has_value() && !busy());
}

void InboxPage::showSuggestion(const QJsonObject &s)
{
    m_suggestionId = s.value(QStringLiteral("id")).toInteger();
    const QString edited = s.value(QStringLiteral("edited_response")).toString();
    m_suggestion->setPlainText(edited.isEmpty() ? s.value(QStringLiteral("suggested_response")).toString() : edited);
    QString about = s.value(QStringLiteral("writer")).toString() == QLatin1String("ai") ? tr("Written by %1.").arg(s.value(QStringLiteral("model")).toString())
                                                                                         : tr("Written by the offline writer.");
    if (const QString notice = s.value(QStringLiteral("notice")).toString(); !notice.isEmpty())
        about += QLatin1Char(' ') + notice;
    if (s.value(QStringLiteral("status")).toString() == QLatin1String("approved"))
        about += QLatin1Char(' ') + tr("Approved, not sent yet: approve again to retry.");
    m_suggestionAbout->setText(about);
}

void InboxPage::runInBackground(const QString &what, std::function<QJsonObject(const std::atomic_bool &)> work, std::function<void(const QJsonObject &)> done)
{
    if (busy())
        return;
    m_cancelled = std::make_shared<std::atomic_bool>(false);
    m_done = std::move(done);
    m_running = true;
    m_progress->setRange(0, 0);
    m_progress->setFormat(what);
    m_progress->setTextVisible(true);
    m_progress->show();
    for (QWidget *w : std::initializer_list<QWidget *>{m_check, m_send, m_suggest, m_approve, m_reject, m_regenerate, m_archive})
        w->setEnabled(false);
    say(what);
    auto cancelled = m_cancelled;
    m_watcher.setFuture(QtConcurrent::run([work = std::move(work), cancelled] { return work(*cancelled); }));
}

void InboxPage::finished()
{
    m_running = false;
    m_progress->hide();
    m_cancel->hide();
    m_check->setEnabled(true);
    const QJsonObject r = m_watcher.result();
    auto done = std::move(m_done);
    m_done = nullptr;
    reload();
    if (r.contains(QStringLiteral("error")))
        say(r.value(QStringLiteral("error")).toString(), true);
    else if (done)
        done(r);
}

bool InboxPage::checkMail()
{
    if (busy())
        return false;
    auto accounts = m_engine.conversations().accountsDue(0, true);
    if (!accounts) {
        say(accounts.error().userMessage(), true);
        return false;
    }
    if (accounts->isEmpty()) {
        say(tr("No mailbox to read: add its IMAP server to a sender account in Settings → Sender accounts."), true);
        return false;
    }
    auto &service = m_engine.conversations();
    QPointer<QProgressBar> bar = m_progress;
    runInBackground(tr("Checking mail…"),
                    [&service, ids = *accounts, bar](const std::atomic_bool &cancelled) -> QJsonObject {
                        return service.syncMailboxes(ids, [&cancelled] { return cancelled.load(); }, [bar](int done, int total) {
                            QMetaObject::invokeMethod(
                                qApp,
                                [bar, done, total] {
                                    if (bar) {
                                        bar->setRange(0, total);
                                        bar->setValue(done);
                                        bar->setFormat(QObject::tr("Reading mailbox %1 of %2…").arg(done + 1).arg(total));
                                    }
                                },
                                Qt::QueuedConnection);
                        });
                    },
                    [this](const QJsonObject &r) {
                        QString text = r.value(QStringLiteral("cancelled")).toBool() ? tr("Stopped. ") : QString();
                        text += tr("%n new message(s)", nullptr, r.value(QStringLiteral("stored")).toInt());
                        text += tr(", %n of them replies.", nullptr, r.value(QStringLiteral("replies")).toInt());
                        for (const QJsonValue &a : r.value(QStringLiteral("accounts")).toArray())
                            if (a.toObject().contains(QStringLiteral("error")))
                                text += QLatin1Char('\n') + a.toObject().value(QStringLiteral("error")).toString();
                        say(text, r.value(QStringLiteral("failed")).toInt() > 0);
                    });
    m_cancel->show();
    return true;
}

void InboxPage::suggest(const QJsonObject &request)
{
    if (!m_id || busy())
        return;
    auto &service = m_engine.conversations();
    const leads::Actor who = m_actor;
    const qint64 id = *m_id;
    runInBackground(tr("Writing a suggestion…"),
                    [&service, who, id, request](const std::atomic_bool &) -> QJsonObject {
                        auto r = request.contains(QStringLiteral("suggestion_id")) ? service.regenerateSuggestion(who, request) : service.generateResponse(who, id, request);
                        return r ? *r : QJsonObject{{QStringLiteral("error"), r.error().userMessage()}};
                    },
                    [this](const QJsonObject &s) {
                        m_suggestionId.reset();
                        showSuggestion(s);
                        const QJsonObject automatic = s.value(QStringLiteral("auto_approval")).toObject();
                        if (automatic.isEmpty())
                            say(tr("Suggestion ready: edit it if you like, then Approve & send."));
                        else
                            say(tr("The auto-approval rule “%1” decided it: %2.")
                                    .arg(automatic.value(QStringLiteral("rule")).toString(), automatic.value(QStringLiteral("decision")).toString()));
                    });
}

void InboxPage::decide(bool approve)
{
    if (!m_suggestionId || busy())
        return;
    auto &service = m_engine.conversations();
    const leads::Actor who = m_actor;
    const qint64 id = *m_suggestionId;
    QJsonObject request;
    if (approve) {
        request.insert(QStringLiteral("edited_response"), m_suggestion->toPlainText());
        if (const qint64 account = m_account->currentData().toLongLong(); account > 0)
            request.insert(QStringLiteral("sender_account_id"), account);
    }
    runInBackground(approve ? tr("Sending…") : tr("Rejecting…"),
                    [&service, who, id, request, approve](const std::atomic_bool &) -> QJsonObject {
                        auto r = approve ? service.approveSuggestion(who, id, request) : service.rejectSuggestion(who, id, request);
                        return r ? *r : QJsonObject{{QStringLiteral("error"), r.error().userMessage()}};
                    },
                    [this, approve](const QJsonObject &) {
                        m_suggestionId.reset();
                        m_suggestion->clear();
                        m_suggestionAbout->clear();
                        say(approve ? tr("Sent.") : tr("Suggestion rejected."));
                    });
}

void InboxPage::sendReply()
{
    if (!m_id || busy())
        return;
    const QString text = m_reply->toPlainText();
    if (text.trimmed().isEmpty()) {
        say(tr("Write the reply first."), true);
        m_reply->setFocus();
        return;
    }
    QJsonObject request{{QStringLiteral("body"), text}};
    if (const qint64 account = m_account->currentData().toLongLong(); account > 0)
        request.insert(QStringLiteral("sender_account_id"), account);
    auto &service = m_engine.conversations();
    const leads::Actor who = m_actor;
    const qint64 id = *m_id;
    runInBackground(tr("Sending…"),
                    [&service, who, id, request](const std::atomic_bool &) -> QJsonObject {
                        auto r = service.reply(who, id, request);
                        return r ? *r : QJsonObject{{QStringLiteral("error"), r.error().userMessage()}};
                    },
                    [this](const QJsonObject &r) {
                        m_reply->clear();
                        say(tr("Sent to %1.").arg(r.value(QStringLiteral("message")).toObject().value(QStringLiteral("to_email")).toString()));
                    });
}

void InboxPage::archive()
{
    if (!m_id || busy())
        return;
    auto r = m_engine.conversations().archive(*m_id);
    if (!r) {
        say(r.error().userMessage(), true);
        return;
    }
    say(tr("Archived. A new reply brings it back."));
    m_id.reset();
    reload();
}

void InboxPage::insertTemplate(int index)
{
    const qint64 templateId = m_template->itemData(index).toLongLong();
    m_template->setCurrentIndex(0);
    if (templateId <= 0 || !m_id)
        return;
    QJsonObject request;
    if (auto c = m_engine.conversations().get(*m_id); c && c->value(QStringLiteral("lead_id")).isDouble())
        request.insert(QStringLiteral("lead_id"), c->value(QStringLiteral("lead_id")));
    auto preview = m_engine.templates().preview(request, templateId);
    if (!preview) {
        say(preview.error().userMessage(), true);
        return;
    }
    const QString text = preview->value(QStringLiteral("text")).toString().trimmed();
    if (m_reply->toPlainText().trimmed().isEmpty())
        m_reply->setPlainText(text);
    else
        m_reply->appendPlainText(QStringLiteral("\n") + text);
    m_reply->setFocus();
}

void registerInboxPage(PageRegistry &registry)
{
    const PageInfo *placeholder = registry.find(QStringLiteral("conversations"));
    registry.add(PageInfo{QStringLiteral("conversations"), placeholder ? placeholder->title : QObject::tr("Conversations"), QStringLiteral("conversations"),
                          placeholder ? placeholder->order : 60, [](PageContext &context, QWidget *parent) -> QWidget * {
                              const leads::Actor actor = context.principal ? leads::Actor::of(*context.principal) : leads::Actor::system();
                              return new InboxPage(context.engine, actor, parent);
                          }});
}

} // namespace fliptech::ui
