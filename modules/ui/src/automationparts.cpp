#include "automationparts.h"

#include <QAbstractItemView>
#include <QDateTime>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTableWidget>

#include <QJsonArray>
#include <QJsonDocument>
#include <QObject>
#include <QStringList>

namespace fliptech::ui::detail {

// What a run reported, for people: "job_id: 12, leads: 3".
QString valueText(const QJsonValue &v)
{
    if (v.isString())
        return v.toString();
    if (v.isDouble())
        return v.toDouble() == double(v.toInteger()) ? QString::number(v.toInteger()) : QString::number(v.toDouble());
    if (v.isBool())
        return v.toBool() ? QObject::tr("yes") : QObject::tr("no");
    if (v.isArray()) {
        QStringList items;
        for (const QJsonValue &x : v.toArray())
            items << valueText(x);
        return items.join(QStringLiteral(", "));
    }
    if (v.isObject())
        return QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
    return QString();
}

// What each action's settings box holds, and how it reads back.
QString settingsHint(const QString &type)
{
    if (type == u"add_tags" || type == u"remove_tags")
        return QObject::tr("tags, separated by commas");
    if (type == u"add_note")
        return QObject::tr("the note ({{name}}, {{city}} ... are the lead's)");
    if (type == u"notify")
        return QObject::tr("the notification's title (to you)");
    if (type == u"set_status" || type == u"set_stage")
        return QObject::tr("the new value");
    if (type == u"set_field")
        return QObject::tr("field = value, e.g. category = plumbing");
    if (type == u"assign")
        return QObject::tr("a user's id, or \"round robin\"");
    if (type == u"call_webhook")
        return QObject::tr("the webhook's number (#3, on the Webhooks tab)");
    if (type == u"start_workflow")
        return QObject::tr("the n8n workflow's id (on the Workflows tab)");
    if (type == u"add_to_campaign")
        return QObject::tr("the campaign's number (#3, on the Campaigns page)");
    if (type == u"send_template")
        return QObject::tr("the template's number, then the sender account's: #3, #1");
    if (type == u"generate_ai_reply")
        return QObject::tr("empty (the AI provider), or \"offline\" for the built-in writer");
    if (type == u"stop_sequence")
        return QObject::tr("the campaign's number (#3), or empty for every campaign");
    return QObject::tr("no settings");
}

QJsonObject actionFromText(const QString &type, const QString &text)
{
    QJsonObject a{{QStringLiteral("type"), type}};
    const QString t = text.trimmed();
    if (type == u"add_tags" || type == u"remove_tags") {
        QJsonArray tags;
        for (const QString &tag : t.split(u',', Qt::SkipEmptyParts))
            if (!tag.trimmed().isEmpty())
                tags.append(tag.trimmed());
        a.insert(QStringLiteral("tags"), tags);
    } else if (type == u"add_note") {
        a.insert(QStringLiteral("text"), t);
    } else if (type == u"notify") {
        a.insert(QStringLiteral("title"), t);
    } else if (type == u"set_status" || type == u"set_stage") {
        a.insert(QStringLiteral("value"), t);
    } else if (type == u"set_field") {
        const qsizetype eq = t.indexOf(u'=');
        a.insert(QStringLiteral("field"), t.left(eq).trimmed());
        a.insert(QStringLiteral("value"), eq < 0 ? QString() : t.mid(eq + 1).trimmed());
    } else if (type == u"assign") {
        if (t.compare(QStringLiteral("round robin"), Qt::CaseInsensitive) == 0 || t.isEmpty())
            a.insert(QStringLiteral("round_robin"), true);
        else
            a.insert(QStringLiteral("user_id"), t.toLongLong());
    } else if (type == u"call_webhook") {
        QString number = t;
        a.insert(QStringLiteral("webhook_id"), number.remove(u'#').trimmed().toLongLong());
    } else if (type == u"start_workflow") {
        a.insert(QStringLiteral("workflow_id"), t);
    } else if (type == u"send_template") {
        const QStringList parts = t.split(u',');
        a.insert(QStringLiteral("template_id"), QString(parts.value(0)).remove(u'#').trimmed().toLongLong());
        a.insert(QStringLiteral("sender_account_id"), QString(parts.value(1)).remove(u'#').trimmed().toLongLong());
    } else if (type == u"generate_ai_reply") {
        if (!t.isEmpty())
            a.insert(QStringLiteral("writer"), t);
    } else if (type == u"add_to_campaign" || (type == u"stop_sequence" && !t.isEmpty())) {
        QString number = t;
        a.insert(QStringLiteral("campaign_id"), number.remove(u'#').trimmed().toLongLong());
    }
    return a;
}

QString actionToText(const QJsonObject &a)
{
    const QString type = a.value(QStringLiteral("type")).toString();
    if (type == u"add_tags" || type == u"remove_tags") {
        QStringList tags;
        for (const QJsonValue &t : a.value(QStringLiteral("tags")).toArray())
            tags << t.toString();
        return tags.join(QStringLiteral(", "));
    }
    if (type == u"add_note")
        return a.value(QStringLiteral("text")).toString();
    if (type == u"notify")
        return a.value(QStringLiteral("title")).toString();
    if (type == u"set_status" || type == u"set_stage")
        return a.value(QStringLiteral("value")).toString();
    if (type == u"set_field")
        return a.value(QStringLiteral("field")).toString() + QStringLiteral(" = ") + valueText(a.value(QStringLiteral("value")));
    if (type == u"assign")
        return a.value(QStringLiteral("round_robin")).toBool() ? QStringLiteral("round robin") : QString::number(a.value(QStringLiteral("user_id")).toInteger());
    if (type == u"call_webhook")
        return u'#' + QString::number(a.value(QStringLiteral("webhook_id")).toInteger());
    if (type == u"start_workflow")
        return a.value(QStringLiteral("workflow_id")).toString();
    if (type == u"send_template")
        return QStringLiteral("#%1, #%2").arg(a.value(QStringLiteral("template_id")).toInteger()).arg(a.value(QStringLiteral("sender_account_id")).toInteger());
    if (type == u"generate_ai_reply")
        return a.value(QStringLiteral("writer")).toString();
    if ((type == u"add_to_campaign" || type == u"stop_sequence") && a.contains(QStringLiteral("campaign_id")))
        return u'#' + QString::number(a.value(QStringLiteral("campaign_id")).toInteger());
    return {};
}

QTableWidget *listTable(QWidget *parent, const QString &objectName, const QStringList &headers, bool pickRows)
{
    auto *table = new QTableWidget(0, int(headers.size()), parent);
    table->setObjectName(objectName);
    table->setHorizontalHeaderLabels(headers);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    if (pickRows) {
        table->setSelectionBehavior(QAbstractItemView::SelectRows);
        table->setSelectionMode(QAbstractItemView::SingleSelection);
    }
    table->verticalHeader()->hide();
    table->horizontalHeader()->setStretchLastSection(true);
    return table;
}

QTableWidgetItem *cell(const QString &text)
{
    auto *item = new QTableWidgetItem(text);
    item->setToolTip(text);
    return item;
}

QString localTime(const QJsonValue &utcIso)
{
    const QDateTime t = QDateTime::fromString(utcIso.toString(), Qt::ISODateWithMs);
    return t.isValid() ? QLocale().toString(t.toLocalTime(), QLocale::ShortFormat) : QString();
}

void showStatus(QLabel *status, const QString &text, bool error)
{
    status->setText(text);
    status->setStyleSheet(error ? QStringLiteral("color: #b00020") : QString());
}

QString refusal(const core::Error &e, const QList<std::pair<QString, QString>> &boxes)
{
    if (e.code != core::ErrorCode::ValidationFailed || e.details.isEmpty())
        return e.userMessage();
    const QString field = e.details.begin().key();
    for (const auto &[name, box] : boxes)
        if (field == name || field.startsWith(name))
            return QStringLiteral("%1: %2").arg(box, e.details.begin().value().toString());
    return e.userMessage();
}

} // namespace fliptech::ui::detail
