// The campaign send job (issue 11): exactly once per recipient and step.
//
// One job per campaign owns it at a time (campaigns.send_job_id, taken by compare-and-set). It
// first reconciles: a row still in `sending` was cut off by a crash (its message may or may not
// have left) and is held for review, or resent when the campaign says on_crash: resend. Then it
// dispatches due recipients in batches: the recipient's window (in their time zone), the A/B
// variant, and the sender account the planner allows (caps, gap, ramp) decide; N threads send,
// each with its own SMTP connection per account and its own database connection. Each send is
// two transactions: the claim (suppression read, pending -> sending, the message row with its
// Message-ID) before the SMTP transaction, and the outcome after it.
#include "fliptech/campaigns/campaignservice.h"

#include "campaignsql.h"
#include "fliptech/campaigns/messagetemplate.h"
#include "fliptech/campaigns/providersend.h"
#include "fliptech/campaigns/senderaccounts.h"
#include "fliptech/campaigns/templateservice.h"
#include "fliptech/campaigns/tracking.h"
#include "fliptech/mail/mime.h"
#include "fliptech/mail/smtpclient.h"
#include "fliptech/storage/database.h"
#include "fliptech/storage/eventstore.h"
#include "fliptech/storage/jobqueue.h"
#include "fliptech/storage/transaction.h"
#include "fliptech/storage/workerpool.h"

#include <QLoggingCategory>
#include <QMutex>
#include <QRegularExpression>
#include <QWaitCondition>

#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

Q_LOGGING_CATEGORY(lcCampaign, "fliptech.campaigns")

namespace fliptech::campaigns {

using storage::JobContext;
using storage::JobOutcome;

namespace {

constexpr int kBatch = 256;
constexpr int kMaxAttempts = 5;
constexpr int kAbWaitHours = 24; // after the last sample send, the winner is chosen on what came in

struct Account {
    QJsonObject json;
    bool http = false;          // SendGrid or Mailgun, not SMTP
    ProviderSettings provider;
    mail::SmtpSettings smtp;
    std::shared_ptr<const mail::DkimSigner> dkim;
    QTimeZone zone;
    QJsonObject senderVars;
};

struct Item {
    qint64 recipient = 0;
    qint64 leadId = 0;
    int step = 0;
    QString variant;
    qint64 templateId = 0;
    qint64 account = 0;
    QString email;
    QJsonObject lead;
    QTimeZone zone;
};

enum class Outcome { Sent, Bounced, Retry, Failed, Skipped, AccountDown, Error };

const QString kLeadColumns = QStringLiteral("l.name, l.first_name, l.last_name, l.company, l.title, l.email, l.phone, l.website, l.website_domain, "
                                            "l.address, l.city, l.region, l.postal_code, l.country, l.category, l.description, l.source");
const char *const kLeadFields[] = {"name", "first_name", "last_name", "company", "title", "email", "phone", "website", "website_domain",
                                   "address", "city", "region", "postal_code", "country", "category", "description", "source"};

// Links in an HTML body through the click tracker (not mailto:, not our own unsubscribe link).
QString trackLinks(const QString &html, const std::function<QString(const QUrl &)> &wrap, const QString &unsubscribeUrl)
{
    static const QRegularExpression href(QStringLiteral("(<a\\b[^>]*?\\bhref\\s*=\\s*)([\"'])(https?://[^\"'\\s]+)\\2"), QRegularExpression::CaseInsensitiveOption);
    QString out;
    out.reserve(html.size() + 256);
    qsizetype last = 0;
    auto it = href.globalMatch(html);
    while (it.hasNext()) {
        const auto m = it.next();
        QString target = m.captured(3);
        target.replace(QStringLiteral("&amp;"), QStringLiteral("&"));
        out += QStringView(html).mid(last, m.capturedStart(3) - last);
        if (target == unsubscribeUrl)
            out += m.captured(3);
        else
            out += wrap(QUrl(target, QUrl::TolerantMode)).toHtmlEscaped();
        last = m.capturedEnd(3);
    }
    out += QStringView(html).mid(last);
    return out;
}

QString withPixel(const QString &html, const QString &pixelUrl)
{
    const QString img = QStringLiteral("<img src=\"%1\" width=\"1\" height=\"1\" alt=\"\" style=\"display:none\">").arg(pixelUrl.toHtmlEscaped());
    const qsizetype body = html.lastIndexOf(QLatin1String("</body>"), -1, Qt::CaseInsensitive);
    if (body < 0)
        return html + img;
    QString out = html;
    out.insert(body, img);
    return out;
}

// A bounded queue of work for the sending threads, with a count of what is still in hand.
class WorkQueue
{
public:
    void push(Item item)
    {
        std::lock_guard lock(m_mutex);
        m_items.push_back(std::move(item));
        ++m_inHand;
        m_wake.notify_one();
    }
    std::optional<Item> pop()
    {
        std::unique_lock lock(m_mutex);
        m_wake.wait(lock, [this] { return !m_items.empty() || m_closed; });
        if (m_items.empty())
            return std::nullopt;
        Item i = std::move(m_items.front());
        m_items.pop_front();
        return i;
    }
    void finished()
    {
        std::lock_guard lock(m_mutex);
        if (--m_inHand == 0)
            m_drained.notify_all();
    }
    void waitDrained()
    {
        std::unique_lock lock(m_mutex);
        m_drained.wait(lock, [this] { return m_inHand == 0; });
    }
    void close()
    {
        std::lock_guard lock(m_mutex);
        m_closed = true;
        m_wake.notify_all();
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_wake, m_drained;
    std::deque<Item> m_items;
    int m_inHand = 0;
    bool m_closed = false;
};

} // namespace

struct CampaignService::Send {
    Send(CampaignService &s, storage::Database &d) : svc(s), db(d) {}
    CampaignService &svc;
    storage::Database &db;
    qint64 id = 0;
    QJsonObject campaign;
    QList<sql::StepSpec> steps;
    sql::Schedule schedule;
    QHash<qint64, TemplateService::Parsed> templates;
    QHash<qint64, Account> accounts;
    QList<qint64> accountIds;
    SendPlanner planner;
    bool trackOpens = true, trackClicks = true;

    std::mutex mutex; // the tallies below and accountDown
    QHash<qint64, int> sentByTemplate;
    int sent = 0, bounced = 0, failed = 0, retried = 0, skipped = 0;
    QString accountDown;

    Outcome process(Item &item, QHash<qint64, std::shared_ptr<mail::SmtpClient>> &clients);
    Outcome finish(const Item &item, const mail::SmtpResult &r, const QDateTime &now);
};

void CampaignService::registerHandlers(storage::WorkerPool &workers)
{
    workers.registerHandler(QStringLiteral("campaigns.send"), [this](JobContext &c) { return runSendJob(c); });
    workers.registerHandler(QStringLiteral("campaigns.check_bounces"), [this](JobContext &c) {
        return JobOutcome::of(checkBounces(c.payload().value(QStringLiteral("account_id")).toInteger(), [&c] { return c.isCancelled(); }));
    });
}

JobOutcome CampaignService::runSendJob(JobContext &context)
{
    const qint64 id = context.payload().value(QStringLiteral("campaign_id")).toInteger();
    const qint64 jobId = context.job().id;
    auto c = get(id);
    if (!c)
        return c.error().code == core::ErrorCode::NotFound ? JobOutcome::done({{QStringLiteral("skipped"), QStringLiteral("the campaign is gone")}})
                                                           : JobOutcome::failed(c.error().message);
    QString status = c->value(QStringLiteral("status")).toString();
    if (status != QLatin1String("running") && status != QLatin1String("scheduled"))
        return JobOutcome::done({{QStringLiteral("skipped"), QStringLiteral("the campaign is %1").arg(status)}});
    QDateTime now = m_clock.now();
    if (status == QLatin1String("scheduled")) {
        const QDateTime at = QDateTime::fromString(c->value(QStringLiteral("scheduled_at")).toString(), Qt::ISODateWithMs);
        if (at.isValid() && at > now) {
            if (auto q = queueSendJob(id, at); !q)
                return JobOutcome::failed(q.error().message);
            return JobOutcome::done({{QStringLiteral("starts_at"), storage::Database::isoTimestamp(at)}});
        }
        if (auto done = m_db->execute(QStringLiteral("UPDATE campaigns SET status = 'running', started_at = ?, updated_at = ? WHERE id = ? AND status = 'scheduled'"),
                                      {m_db->timestamp(now), m_db->timestamp(now), id});
            !done)
            return JobOutcome::failed(done.error().message);
        publish(id, QStringLiteral("campaign_running"), {});
    }

    // Ownership: this job, unless another send job of the campaign is running now.
    {
        auto owner = m_db->selectOne(QStringLiteral("SELECT c.send_job_id, j.state FROM campaigns c LEFT JOIN jobs j ON j.id = c.send_job_id WHERE c.id = ?"), {id});
        if (!owner)
            return JobOutcome::failed(owner.error().message);
        const qint64 current = owner->value(0).isNull() ? 0 : owner->value(0).toLongLong();
        if (current != 0 && current != jobId && owner->value(1).toString() == QLatin1String("running"))
            return JobOutcome::done({{QStringLiteral("skipped"), QStringLiteral("job %1 is sending this campaign").arg(current)}});
        auto taken = m_db->execute(QStringLiteral("UPDATE campaigns SET send_job_id = ? WHERE id = ? AND (send_job_id IS NULL OR send_job_id = ?)"),
                                   {jobId, id, current == 0 ? QVariant(jobId) : QVariant(current)});
        if (!taken)
            return JobOutcome::failed(taken.error().message);
        if (taken->rowsAffected == 0)
            return JobOutcome::done({{QStringLiteral("skipped"), QStringLiteral("another send job took the campaign")}});
    }

    // Reconcile what a crash cut off.
    const bool resend = c->value(QStringLiteral("on_crash")).toString() == QLatin1String("resend");
    qint64 reconciled = 0;
    {
        storage::Transaction tx(*m_db);
        if (!tx.isActive())
            return JobOutcome::failed(tx.error().message);
        auto stuck = m_db->select(QStringLiteral("SELECT id FROM campaign_recipients WHERE campaign_id = ? AND status = 'sending'"), {id});
        if (!stuck)
            return JobOutcome::failed(stuck.error().message);
        const QString why = QStringLiteral("the send was cut off (the application stopped mid-send): it may have gone out; check the mailbox's "
                                           "Sent folder, then mark it sent, resend or skip it");
        for (const auto &r : *stuck) {
            const qint64 rid = r.value(0).toLongLong();
            core::Result<storage::ExecResult> done = storage::ExecResult{};
            if (resend) {
                done = m_db->execute(QStringLiteral("DELETE FROM campaign_messages WHERE recipient_id = ? AND status = 'sending'"), {rid});
                if (done)
                    done = m_db->execute(QStringLiteral("UPDATE campaign_recipients SET status = 'pending' WHERE id = ?"), {rid});
            } else {
                done = m_db->execute(QStringLiteral("UPDATE campaign_messages SET status = 'held', error_message = ? WHERE recipient_id = ? AND status = 'sending'"),
                                     {why, rid});
                if (done)
                    done = m_db->execute(QStringLiteral("UPDATE campaign_recipients SET status = 'held', error_message = ? WHERE id = ?"), {why, rid});
            }
            if (!done)
                return JobOutcome::failed(done.error().message);
            ++reconciled;
        }
        if (auto cm = tx.commit(); !cm)
            return JobOutcome::failed(cm.error().message);
    }
    if (reconciled > 0) {
        qCWarning(lcCampaign) << "campaign" << id << ":" << reconciled << (resend ? "sends cut off by a crash queued again" : "sends cut off by a crash held for review");
        publish(id, resend ? QStringLiteral("campaign_resent_after_crash") : QStringLiteral("campaign_held"), {{QStringLiteral("count"), reconciled}});
    }

    // What every send needs, read once.
    Send send(*this, *m_db);
    send.id = id;
    send.campaign = *c;
    send.trackOpens = c->value(QStringLiteral("track_opens")).toBool();
    send.trackClicks = c->value(QStringLiteral("track_clicks")).toBool();
    auto steps = sql::loadSteps(*m_db, id);
    if (!steps)
        return JobOutcome::failed(steps.error().message);
    send.steps = *steps;
    auto schedule = sql::Schedule::fromJson(c->value(QStringLiteral("schedule")));
    if (!schedule)
        return JobOutcome::failedPermanently(schedule.error().message);
    send.schedule = *schedule;
    auto pauseWith = [&](const QString &problem) {
        core::logDiscarded(m_db->execute(QStringLiteral("UPDATE campaigns SET status = 'paused', paused_at = ?, last_error = ?, updated_at = ? WHERE id = ? AND status = 'running'"),
                                         {m_db->timestamp(m_clock.now()), problem, m_db->timestamp(m_clock.now()), id}),
                           "pausing a campaign that cannot send");
        publish(id, QStringLiteral("campaign_paused"), {{QStringLiteral("error"), problem}});
        return JobOutcome::done({{QStringLiteral("paused"), problem}});
    };
    for (const auto &step : std::as_const(send.steps))
        for (const auto &v : step.variants) {
            if (send.templates.contains(v.templateId))
                continue;
            auto t = m_templates.get(v.templateId);
            if (!t)
                return pauseWith(QStringLiteral("step %1 variant %2: its template is gone").arg(step.order + 1).arg(v.label));
            auto parsed = TemplateService::parseParts(*t);
            if (!parsed)
                return pauseWith(QStringLiteral("step %1 variant %2: %3").arg(step.order + 1).arg(v.label, parsed.error().message));
            send.templates.insert(v.templateId, *parsed);
        }
    for (const auto &a : c->value(QStringLiteral("sender_account_ids")).toArray()) {
        const qint64 aid = a.toInteger();
        auto json = m_senders.get(aid);
        if (!json)
            return pauseWith(QStringLiteral("sender account %1 is gone").arg(aid));
        if (!json->value(QStringLiteral("is_active")).toBool())
            continue;
        Account acc;
        acc.http = json->value(QStringLiteral("provider")).toString() != QLatin1String("smtp");
        if (acc.http) {
            auto p = m_senders.providerSettings(aid);
            if (!p)
                return pauseWith(QStringLiteral("sender account \"%1\": %2").arg(json->value(QStringLiteral("name")).toString(), p.error().message));
            if (p->apiKey.isEmpty())
                return pauseWith(QStringLiteral("sender account \"%1\" has no API key").arg(json->value(QStringLiteral("name")).toString()));
            acc.provider = *p;
        } else {
            auto smtp = m_senders.smtpSettings(aid);
            if (!smtp)
                return pauseWith(QStringLiteral("sender account \"%1\": %2").arg(json->value(QStringLiteral("name")).toString(), smtp.error().message));
            acc.smtp = *smtp;
        }
        auto dkim = m_senders.dkimSigner(*json);
        if (!dkim)
            return pauseWith(QStringLiteral("sender account \"%1\": %2").arg(json->value(QStringLiteral("name")).toString(), dkim.error().message));
        acc.json = *json;
        if (auto signer = std::move(dkim).value())
            acc.dkim = std::make_shared<const mail::DkimSigner>(std::move(*signer));
        acc.zone = QTimeZone(json->value(QStringLiteral("timezone")).toString().toUtf8());
        if (!acc.zone.isValid())
            acc.zone = QTimeZone(QByteArrayLiteral("UTC"));
        acc.senderVars = {{QStringLiteral("name"), json->value(QStringLiteral("from_name")).toString()},
                          {QStringLiteral("email"), json->value(QStringLiteral("from_email")).toString()},
                          {QStringLiteral("signature"), json->value(QStringLiteral("signature")).toString()}};
        AccountLimits limits;
        limits.id = aid;
        limits.dailyLimit = json->value(QStringLiteral("daily_limit")).toInt();
        limits.hourlyLimit = json->value(QStringLiteral("hourly_limit")).toInt();
        limits.minGapSeconds = json->value(QStringLiteral("min_gap_seconds")).toInt();
        limits.rampStart = json->value(QStringLiteral("ramp_start")).toInt();
        limits.rampPerDay = json->value(QStringLiteral("ramp_per_day")).toInt();
        limits.zone = acc.zone;
        limits.firstDay = QDateTime::fromString(json->value(QStringLiteral("created_at")).toString(), Qt::ISODateWithMs).toTimeZone(acc.zone).date();
        // What it sent in the last day, any campaign: the caps count those too.
        auto recent = m_db->select(QStringLiteral("SELECT COALESCE(sent_at, created_at) FROM campaign_messages WHERE sender_account_id = ? AND "
                                                  "status IN ('sending', 'sent', 'held', 'bounced') AND created_at >= ?"),
                                   {aid, m_db->timestamp(now.addSecs(-26 * 3600))});
        if (!recent)
            return JobOutcome::failed(recent.error().message);
        QList<QDateTime> times;
        for (const auto &r : *recent)
            times << storage::Database::toDateTime(r.value(0));
        send.planner.addAccount(limits, times);
        send.accounts.insert(aid, std::move(acc));
        send.accountIds << aid;
    }
    if (send.accountIds.isEmpty())
        return pauseWith(QStringLiteral("none of its sender accounts is switched on"));

    // The tracking key, made (or read) before the threads share it.
    m_tracking.token(TrackingService::Kind::Open, 0);

    // The sending threads.
    WorkQueue queue;
    std::vector<std::thread> threads;
    const int connections = m_connections;
    for (int i = 0; i < connections; ++i)
        threads.emplace_back([&send, &queue, this] {
            QHash<qint64, std::shared_ptr<mail::SmtpClient>> clients;
            while (auto item = queue.pop()) {
                const Outcome o = send.process(*item, clients);
                if (o == Outcome::AccountDown)
                    clients.remove(item->account);
                queue.finished();
            }
            clients.clear();
            m_db->closeThreadConnection();
        });
    auto stopThreads = [&] {
        queue.close();
        for (auto &t : threads)
            t.join();
    };

    const qint64 total = qMax<qint64>(1, c->value(QStringLiteral("total_recipients")).toInteger() * qMax<qsizetype>(1, send.steps.size()));
    JobOutcome outcome = JobOutcome::done();
    QDateTime requeueAt;
    bool completed = false;
    bool limitTold = false; // the usage limit's event, once a run
    while (true) {
        if (context.isCancelled()) {
            requeueAt = m_clock.now(); // the campaign goes on: on the next start, or at once
            break;
        }
        auto state = m_db->selectOne(QStringLiteral("SELECT status, send_job_id FROM campaigns WHERE id = ?"), {id});
        if (!state || state->value(0).toString() != QLatin1String("running") || state->value(1).toLongLong() != jobId)
            break;
        now = m_clock.now();

        // A/B steps: a winner once every variant had its sample and a day to answer.
        QHash<int, QDateTime> abDecisionAt; // steps whose sample is full, undecided: when they decide
        QHash<int, QHash<QString, qint64>> abTaken; // undecided steps: each variant's sample so far
        for (auto &step : send.steps) {
            if (step.abMetric.isEmpty() || !step.winner.isEmpty())
                continue;
            auto counts = m_db->select(QStringLiteral("SELECT variant, count(*), max(COALESCE(sent_at, created_at)), "
                                                      "sum(CASE WHEN opened_at IS NOT NULL THEN 1 ELSE 0 END), "
                                                      "sum(CASE WHEN replied_at IS NOT NULL THEN 1 ELSE 0 END) "
                                                      "FROM campaign_messages WHERE campaign_id = ? AND step = ? AND status = 'sent' GROUP BY variant"),
                                       {id, step.order});
            if (!counts)
                break;
            bool full = counts->size() == step.variants.size();
            QDateTime lastSample;
            QString best;
            double bestRate = -1;
            for (const auto &r : *counts) {
                const qint64 n = r.value(1).toLongLong();
                abTaken[step.order][r.value(0).toString()] = n;
                full = full && n >= step.abSampleSize;
                const QDateTime at = storage::Database::toDateTime(r.value(2));
                if (!lastSample.isValid() || at > lastSample)
                    lastSample = at;
                const double rate = double(step.abMetric == QLatin1String("open_rate") ? r.value(3).toLongLong() : r.value(4).toLongLong()) / double(qMax<qint64>(1, n));
                if (rate > bestRate)
                    bestRate = rate, best = r.value(0).toString();
            }
            if (!full)
                continue;
            const QDateTime decide = lastSample.addSecs(kAbWaitHours * 3600);
            if (now >= decide) {
                step.winner = best;
                core::logDiscarded(m_db->execute(QStringLiteral("UPDATE campaign_steps SET winner = ? WHERE campaign_id = ? AND step_order = ?"), {best, id, step.order}),
                                   "an A/B winner (chosen again on the next run)");
                publish(id, QStringLiteral("campaign_ab_winner"), {{QStringLiteral("step"), step.order}, {QStringLiteral("variant"), best}});
            } else {
                abDecisionAt.insert(step.order, decide);
            }
        }

        auto rows = m_db->select(QStringLiteral("SELECT r.id, r.lead_id, r.sequence_step, r.sender_account_id, loc.timezone, l.deleted_at, l.status, l.deal_stage, %1 "
                                                "FROM campaign_recipients r JOIN leads l ON l.id = r.lead_id LEFT JOIN locations loc ON loc.id = l.location_id "
                                                "WHERE r.campaign_id = ? AND r.status = 'pending' AND r.next_send_at <= ? ORDER BY r.next_send_at, r.id LIMIT %2")
                                     .arg(kLeadColumns)
                                     .arg(kBatch),
                                 {id, m_db->timestamp(now)});
        if (!rows) {
            outcome = JobOutcome::failed(rows.error().message);
            break;
        }
        if (rows->isEmpty()) {
            auto next = m_db->selectOne(QStringLiteral("SELECT min(next_send_at), sum(CASE WHEN status = 'sending' THEN 1 ELSE 0 END) FROM campaign_recipients "
                                                       "WHERE campaign_id = ? AND status IN ('pending', 'sending')"),
                                        {id});
            if (!next) {
                outcome = JobOutcome::failed(next.error().message);
                break;
            }
            if (next->value(0).isNull()) {
                completed = true;
                break;
            }
            requeueAt = storage::Database::toDateTime(next->value(0));
        } else {
            QList<QPair<qint64, QDateTime>> later;   // pushed to a later time
            QList<QPair<qint64, QString>> stopped;   // left the sequence
            QList<Item> items;
            // The workspace's e-mail limit (usage limits): what is left of it, read once a batch.
            std::optional<core::UsageAllowance> emailsLeft;
            if (m_usage) {
                auto a = m_usage->allowance(core::usage::emailsSent);
                if (!a)
                    core::logDiscarded(a.error(), "the usage limits could not be read; the batch goes out");
                else if (a->remaining)
                    emailsLeft = *a;
            }
            for (const auto &r : *rows) {
                const qint64 rid = r.value(0).toLongLong();
                const int step = r.value(2).toInt();
                if (!r.value(5).isNull() || r.value(6).toString() == QLatin1String("won") || r.value(6).toString() == QLatin1String("converted") ||
                    r.value(7).toString() == QLatin1String("won")) {
                    stopped.append({rid, r.value(5).isNull() ? QStringLiteral("the lead converted") : QStringLiteral("the lead was deleted")});
                    continue;
                }
                if (step >= send.steps.size()) {
                    stopped.append({rid, QStringLiteral("no such step")});
                    continue;
                }
                const qint64 sticky = r.value(3).isNull() ? 0 : r.value(3).toLongLong();
                const qint64 zoneAccount = sticky && send.accounts.contains(sticky) ? sticky : send.accountIds.first();
                Item item;
                item.lead = {};
                for (int f = 0; f < int(std::size(kLeadFields)); ++f)
                    if (const QVariant v = r.value(8 + f); !v.isNull())
                        item.lead.insert(QLatin1String(kLeadFields[f]), v.toString());
                item.zone = send.schedule.zoneFor(r.value(4).toString(), item.lead.value(QStringLiteral("region")).toString(),
                                                  item.lead.value(QStringLiteral("country")).toString(), send.accounts.value(zoneAccount).zone);
                if (!send.schedule.window.contains(now, item.zone)) {
                    later.append({rid, send.schedule.window.nextOpen(now, item.zone)});
                    continue;
                }
                const auto &stepSpec = send.steps.at(step);
                if (stepSpec.variants.isEmpty()) {
                    stopped.append({rid, QStringLiteral("the step has no template")});
                    continue;
                }
                const int n = int(stepSpec.variants.size());
                const sql::VariantSpec *variant = &stepSpec.variants.at(int((rid + step) % n));
                for (const auto &v : stepSpec.variants)
                    if (v.label == stepSpec.winner)
                        variant = &v;
                if (!stepSpec.abMetric.isEmpty() && stepSpec.winner.isEmpty()) {
                    // The sample: each variant tried on sample_size recipients, the rest wait
                    // for the winner.
                    auto &taken = abTaken[step];
                    variant = nullptr;
                    for (int k = 0; k < n && !variant; ++k) {
                        const auto &v = stepSpec.variants.at(int((rid + step + k) % n));
                        if (taken.value(v.label) < stepSpec.abSampleSize)
                            variant = &v;
                    }
                    if (!variant) {
                        later.append({rid, abDecisionAt.value(step, now.addSecs(kAbWaitHours * 3600))});
                        continue;
                    }
                    ++taken[variant->label];
                }
                if (emailsLeft && items.size() >= *emailsLeft->remaining) {
                    // The limit is reached: the rest wait until it resets (or is raised: a pause
                    // and resume reads it again).
                    requeueAt = emailsLeft->resetsAt;
                    if (!limitTold) {
                        limitTold = true;
                        const core::Error why = core::UsageGate::refusal(core::usage::emailsSent, *emailsLeft, QStringLiteral("e-mails"), now);
                        publish(id, QStringLiteral("campaign_usage_limit"),
                                {{QStringLiteral("message"), why.message}, {QStringLiteral("resumes_at"), storage::Database::isoTimestamp(emailsLeft->resetsAt)}});
                    }
                    break;
                }
                std::variant<qint64, QDateTime> account = sticky && send.accounts.contains(sticky) ? send.planner.reserveAccount(sticky, now)
                                                                                                    : send.planner.reserve(send.accountIds, now);
                if (const auto *wait = std::get_if<QDateTime>(&account)) {
                    if (sticky) {
                        later.append({rid, *wait});
                        continue;
                    }
                    requeueAt = *wait; // the pool is spent until then: the rest of the batch waits too
                    break;
                }
                item.recipient = rid;
                item.leadId = r.value(1).toLongLong();
                item.step = step;
                item.variant = variant->label;
                item.templateId = variant->templateId;
                item.account = std::get<qint64>(account);
                item.email = item.lead.value(QStringLiteral("email")).toString().trimmed();
                items.append(std::move(item));
            }
            if (!later.isEmpty() || !stopped.isEmpty()) {
                storage::Transaction tx(*m_db);
                for (const auto &[rid, at] : std::as_const(later))
                    core::logDiscarded(m_db->execute(QStringLiteral("UPDATE campaign_recipients SET next_send_at = ? WHERE id = ? AND status = 'pending'"),
                                                     {m_db->timestamp(at), rid}),
                                       "moving a recipient to its window (looked at again next batch)");
                for (const auto &[rid, why] : std::as_const(stopped))
                    core::logDiscarded(m_db->execute(QStringLiteral("UPDATE campaign_recipients SET status = 'stopped', error_message = ? WHERE id = ? AND status = 'pending'"),
                                                     {why, rid}),
                                       "stopping a recipient's sequence");
                core::logDiscarded(tx.commit(), "moving recipients");
            }
            for (auto &item : items)
                queue.push(std::move(item));
            queue.waitDrained();

            // The campaign's and templates' counters, once a batch.
            {
                std::lock_guard lock(send.mutex);
                storage::Transaction tx(*m_db);
                core::logDiscarded(m_db->execute(QStringLiteral("UPDATE campaigns SET emails_sent = emails_sent + ?, emails_bounced = emails_bounced + ?, "
                                                                "emails_failed = emails_failed + ?, updated_at = ? WHERE id = ?"),
                                                 {send.sent, send.bounced, send.failed, m_db->timestamp(m_clock.now()), id}),
                                   "a campaign's counters (its messages hold the truth)");
                for (auto it = send.sentByTemplate.cbegin(); it != send.sentByTemplate.cend(); ++it) {
                    auto updated = m_db->execute(QStringLiteral("UPDATE template_performance SET total_sent = total_sent + ?, last_used_at = ?, updated_at = ? WHERE template_id = ?"),
                                                 {it.value(), m_db->timestamp(now), m_db->timestamp(now), it.key()});
                    if (updated && updated->rowsAffected == 0)
                        core::logDiscarded(m_db->execute(QStringLiteral("INSERT INTO template_performance (template_id, total_sent, last_used_at, updated_at) VALUES (?, ?, ?, ?)"),
                                                         {it.key(), it.value(), m_db->timestamp(now), m_db->timestamp(now)}),
                                           "a template's sent count");
                }
                core::logDiscarded(tx.commit(), "a campaign's counters");
                QJsonObject progress{{QStringLiteral("sent"), send.sent},
                                     {QStringLiteral("bounced"), send.bounced},
                                     {QStringLiteral("failed"), send.failed},
                                     {QStringLiteral("retried"), send.retried},
                                     {QStringLiteral("skipped"), send.skipped}};
                send.sentByTemplate.clear();
                const int doneSoFar = send.sent + send.bounced + send.failed;
                send.sent = send.bounced = send.failed = send.retried = send.skipped = 0;
                if (!send.accountDown.isEmpty()) {
                    stopThreads();
                    return pauseWith(send.accountDown);
                }
                auto totals = m_db->selectOne(QStringLiteral("SELECT emails_sent + emails_bounced + emails_failed FROM campaigns WHERE id = ?"), {id});
                const qint64 doneTotal = totals ? totals->value(0).toLongLong() : doneSoFar;
                progress.insert(QStringLiteral("done"), doneTotal);
                progress.insert(QStringLiteral("total"), total);
                publish(id, QStringLiteral("campaign_progress"), progress);
                context.setProgress(int(qBound<qint64>(qint64(0), doneTotal * 100 / total, qint64(99))), QStringLiteral("%1 of %2 sent").arg(doneTotal).arg(total));
            }
            if (!requeueAt.isValid())
                continue;
        }
        // Nothing to send before requeueAt: wait here when it is soon, else queue a job for then.
        const qint64 waitMs = m_clock.now().msecsTo(requeueAt);
        if (waitMs > m_maxInlineWaitMs)
            break;
        for (qint64 slept = 0; slept < waitMs && !context.isCancelled(); slept += 50)
            std::this_thread::sleep_for(std::chrono::milliseconds(qMin<qint64>(50, waitMs - slept)));
        requeueAt = {};
    }
    stopThreads();

    if (completed) {
        const QDateTime end = m_clock.now();
        core::logDiscarded(m_db->execute(QStringLiteral("UPDATE campaigns SET status = 'completed', completed_at = ?, updated_at = ? WHERE id = ? AND status = 'running'"),
                                         {m_db->timestamp(end), m_db->timestamp(end), id}),
                           "marking a campaign completed");
        publish(id, QStringLiteral("campaign_completed"), {});
        outcome = JobOutcome::done({{QStringLiteral("completed"), true}});
    } else if (requeueAt.isValid() && outcome.kind == JobOutcome::Kind::Done) {
        if (auto q = queueSendJob(id, requeueAt); !q)
            return JobOutcome::failed(q.error().message);
        outcome = JobOutcome::done({{QStringLiteral("next_run_at"), storage::Database::isoTimestamp(requeueAt)}});
    }
    // Its mailboxes' bounces read in a while (one check queued at a time).
    if (m_jobs)
        if (auto active = m_jobs->hasActive(QStringLiteral("campaigns.check_bounces")); active && !*active)
            for (qint64 aid : std::as_const(send.accountIds))
                if (!send.accounts.value(aid).json.value(QStringLiteral("imap_host")).toString().isEmpty())
                    core::logDiscarded(queueBounceCheck(aid, m_clock.now().addSecs(600)), "queueing a bounce check (the next send run queues one)");
    // Let the next job take the campaign at once.
    core::logDiscarded(m_db->execute(QStringLiteral("UPDATE campaigns SET send_job_id = NULL WHERE id = ? AND send_job_id = ?"), {id, jobId}),
                       "releasing a campaign (the next send job finds this one finished)");
    return outcome;
}

Outcome CampaignService::Send::process(Item &item, QHash<qint64, std::shared_ptr<mail::SmtpClient>> &clients)
{
    const Account &account = *std::as_const(accounts).find(item.account); // read-only: the threads share it
    const QString from = account.json.value(QStringLiteral("from_email")).toString();
    const QString messageId = mail::newMessageId(from.section(u'@', 1));
    const auto &parsed = *std::as_const(templates).find(item.templateId);
    const QDateTime now = svc.m_clock.now();

    // The claim: read the suppression list now, then pending -> sending with the Message-ID.
    {
        storage::Transaction tx(db);
        if (!tx.isActive())
            return Outcome::Error;
        auto suppressed = db.select(QStringLiteral("SELECT reason FROM suppressions WHERE lower(email) = lower(?)"), {item.email});
        if (!suppressed)
            return Outcome::Error;
        if (!suppressed->isEmpty()) {
            const QString reason = suppressed->first().value(0).toString();
            core::logDiscarded(db.execute(QStringLiteral("UPDATE campaign_recipients SET status = ?, error_message = ? WHERE id = ? AND status = 'pending'"),
                                          {reason == QLatin1String("unsubscribe") ? QStringLiteral("unsubscribed") : QStringLiteral("suppressed"),
                                           QStringLiteral("on the suppression list (%1)").arg(reason), item.recipient}),
                               "skipping a suppressed recipient");
            core::logDiscarded(tx.commit(), "skipping a suppressed recipient");
            std::lock_guard lock(mutex);
            ++skipped;
            return Outcome::Skipped;
        }
        auto claimed = db.execute(QStringLiteral("UPDATE campaign_recipients SET status = 'sending', sender_account_id = ?, variant = ?, message_id = ?, "
                                                 "attempts = attempts + 1 WHERE id = ? AND status = 'pending' AND sequence_step = ?"),
                                  {item.account, item.variant, messageId, item.recipient, item.step});
        if (!claimed)
            return Outcome::Error;
        if (claimed->rowsAffected == 0) {
            tx.rollback();
            return Outcome::Skipped; // someone else moved it (a reply, an unsubscribe, a pause's resolve)
        }
        auto inserted = db.execute(QStringLiteral("INSERT INTO campaign_messages (campaign_id, recipient_id, step, variant, template_id, sender_account_id, "
                                                  "message_id, status, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'sending', ?)"),
                                   {id, item.recipient, item.step, item.variant, item.templateId, item.account, messageId, db.timestamp(now)});
        if (!inserted)
            return Outcome::Error;
        if (auto cm = tx.commit(); !cm)
            return Outcome::Error;
    }

    // The message, as the preview shows it for this recipient.
    const QString unsubscribe = svc.m_tracking.unsubscribeUrl(item.recipient);
    const TemplateVariables vars = templateVariablesFor(item.lead, account.senderVars, campaign, unsubscribe);
    const quint64 seed = recipientSeed(id, item.leadId, item.step + 1);
    mail::OutgoingMessage m;
    m.from = {account.json.value(QStringLiteral("from_name")).toString(), from};
    m.to = {{item.lead.value(QStringLiteral("name")).toString(), item.email}};
    if (const QString reply = account.json.value(QStringLiteral("reply_to")).toString(); !reply.isEmpty())
        m.replyTo = {{}, reply};
    m.subject = parsed.subject.render(vars, seed);
    if (parsed.hasHtml) {
        QString html = parsed.html.render(vars, seed);
        if (!parsed.hasText)
            m.text = htmlToText(html);
        if (trackClicks)
            html = trackLinks(html, [this, &item](const QUrl &u) { return svc.m_tracking.clickUrl(item.recipient, u, item.step); }, unsubscribe);
        if (trackOpens)
            html = withPixel(html, svc.m_tracking.openUrl(item.recipient, item.step));
        m.html = html;
    }
    if (parsed.hasText)
        m.text = parsed.text.render(vars, seed);
    m.messageId = messageId;
    m.date = now;
    m.unsubscribeUrl = unsubscribe;
    m.headers.append({QByteArrayLiteral("X-FlipTech-Campaign"), campaign.value(QStringLiteral("campaign_id")).toString().toLatin1()});
    QByteArray data = mail::buildMessage(m);
    if (account.dkim)
        data = account.dkim->sign(data, now);

    mail::SmtpResult r;
    if (account.http) {
        r = sendThroughProvider(svc.m_senders.http(), account.provider, m, data, item.email);
    } else {
        auto &client = clients[item.account];
        if (!client)
            client = std::make_shared<mail::SmtpClient>(account.smtp);
        r = client->send(from, {item.email}, data);
    }
    return finish(item, r, svc.m_clock.now());
}

Outcome CampaignService::Send::finish(const Item &item, const mail::SmtpResult &r, const QDateTime &now)
{
    storage::Transaction tx(db);
    if (!tx.isActive())
        return Outcome::Error; // left in 'sending': the next run holds it, as after a crash
    auto fail = [&](const core::Error &e) {
        qCWarning(lcCampaign) << "campaign" << id << "recipient" << item.recipient << ": could not record the outcome:" << e.message;
        return Outcome::Error;
    };
    Outcome outcome;
    if (r.ok) {
        const bool last = item.step + 1 >= steps.size();
        const QDateTime next = last ? QDateTime() : schedule.window.afterSendingDays(now, steps.at(item.step + 1).delayDays, item.zone);
        if (auto d = db.execute(QStringLiteral("UPDATE campaign_messages SET status = 'sent', sent_at = ?, smtp_code = ? WHERE recipient_id = ? AND step = ?"),
                                {db.timestamp(now), r.code, item.recipient, item.step});
            !d)
            return fail(d.error());
        if (auto d = db.execute(QStringLiteral("UPDATE campaign_recipients SET status = ?, sequence_step = ?, next_send_at = ?, sent_at = ?, attempts = 0, "
                                               "error_message = NULL WHERE id = ? AND status = 'sending'"),
                                {last ? QStringLiteral("sent") : QStringLiteral("pending"), last ? item.step : item.step + 1,
                                 last ? QVariant() : db.timestamp(next), db.timestamp(now), item.recipient});
            !d)
            return fail(d.error());
        if (auto d = db.execute(QStringLiteral("UPDATE leads SET last_contacted_at = ?, contacted_count = contacted_count + 1, "
                                               "status = CASE WHEN status = 'new' THEN 'contacted' ELSE status END WHERE id = ?"),
                                {db.timestamp(now), item.leadId});
            !d)
            return fail(d.error());
        outcome = Outcome::Sent;
    } else if (r.accountProblem) {
        // Not this recipient's fault: back to pending, the campaign pauses.
        if (auto d = db.execute(QStringLiteral("DELETE FROM campaign_messages WHERE recipient_id = ? AND step = ? AND status = 'sending'"), {item.recipient, item.step}); !d)
            return fail(d.error());
        if (auto d = db.execute(QStringLiteral("UPDATE campaign_recipients SET status = 'pending', attempts = attempts - 1 WHERE id = ? AND status = 'sending'"),
                                {item.recipient});
            !d)
            return fail(d.error());
        outcome = Outcome::AccountDown;
    } else if (r.permanent) {
        if (auto d = db.execute(QStringLiteral("UPDATE campaign_messages SET status = 'bounced', bounced_at = ?, smtp_code = ?, error_message = ? WHERE recipient_id = ? AND step = ?"),
                                {db.timestamp(now), r.code, r.message, item.recipient, item.step});
            !d)
            return fail(d.error());
        if (auto d = db.execute(QStringLiteral("UPDATE campaign_recipients SET status = 'bounced', bounced_at = ?, error_message = ? WHERE id = ? AND status = 'sending'"),
                                {db.timestamp(now), r.message, item.recipient});
            !d)
            return fail(d.error());
        auto known = db.select(QStringLiteral("SELECT id FROM suppressions WHERE lower(email) = lower(?)"), {item.email});
        if (!known)
            return fail(known.error());
        if (known->isEmpty())
            if (auto d = db.execute(QStringLiteral("INSERT INTO suppressions (email, reason, source, campaign_id, created_at) VALUES (?, 'bounce', 'smtp', ?, ?)"),
                                    {item.email.toLower(), id, db.timestamp(now)});
                !d)
                return fail(d.error());
        outcome = Outcome::Bounced;
    } else {
        auto attempts = db.selectOne(QStringLiteral("SELECT attempts FROM campaign_recipients WHERE id = ?"), {item.recipient});
        if (!attempts)
            return fail(attempts.error());
        if (attempts->value(0).toInt() >= kMaxAttempts) {
            if (auto d = db.execute(QStringLiteral("UPDATE campaign_messages SET status = 'failed', smtp_code = ?, error_message = ? WHERE recipient_id = ? AND step = ?"),
                                    {r.code, r.message, item.recipient, item.step});
                !d)
                return fail(d.error());
            if (auto d = db.execute(QStringLiteral("UPDATE campaign_recipients SET status = 'failed', error_message = ? WHERE id = ? AND status = 'sending'"),
                                    {QStringLiteral("gave up after %1 attempts: %2").arg(kMaxAttempts).arg(r.message), item.recipient});
                !d)
                return fail(d.error());
            outcome = Outcome::Failed;
        } else {
            // Not accepted (4xx, or no connection): nothing went out; try again later.
            const int n = attempts->value(0).toInt();
            const QDateTime again = now.addSecs(qMin(6 * 3600, 300 * (1 << qMin(n, 10))));
            if (auto d = db.execute(QStringLiteral("DELETE FROM campaign_messages WHERE recipient_id = ? AND step = ? AND status = 'sending'"), {item.recipient, item.step}); !d)
                return fail(d.error());
            if (auto d = db.execute(QStringLiteral("UPDATE campaign_recipients SET status = 'pending', next_send_at = ?, error_message = ? WHERE id = ? AND status = 'sending'"),
                                    {db.timestamp(again), r.message, item.recipient});
                !d)
                return fail(d.error());
            outcome = Outcome::Retry;
        }
    }
    if (auto cm = tx.commit(); !cm)
        return fail(cm.error());
    std::lock_guard lock(mutex);
    switch (outcome) {
    case Outcome::Sent:
        ++sent;
        ++sentByTemplate[item.templateId];
        break;
    case Outcome::Bounced:
        ++bounced;
        break;
    case Outcome::Failed:
        ++failed;
        break;
    case Outcome::Retry:
        ++retried;
        break;
    case Outcome::AccountDown:
        if (accountDown.isEmpty())
            accountDown = QStringLiteral("sender account \"%1\" cannot send: %2").arg(accounts.value(item.account).json.value(QStringLiteral("name")).toString(), r.message);
        break;
    default:
        break;
    }
    return outcome;
}

} // namespace fliptech::campaigns
