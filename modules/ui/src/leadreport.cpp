#include "leadreport.h"

#include <QJsonArray>
#include <QLocale>
#include <QObject>

namespace fliptech::ui {

// The website analysis as the detail pane shows it: the score and its reasons first, then what
// was measured.
QString analysisReport(const QJsonObject &a, const QString &website)
{
    auto esc = [](const QString &s) { return s.toHtmlEscaped(); };
    if (a.isEmpty())
        return website.isEmpty() ? QObject::tr("<p>No website on this lead. Add one in <b>Details</b>, then <b>Analyse website</b> scores it as a prospect.</p>")
                                 : QObject::tr("<p>Not analysed yet. <b>Analyse website</b> reads %1 and scores it as a prospect: HTTPS, speed, "
                                               "mobile, age, technology, contacts, broken links.</p>").arg(esc(website));
    const QJsonObject prospect = a.value(QStringLiteral("prospect")).toObject();
    QString html = QObject::tr("<h3>Prospect score %1 / 100</h3>").arg(prospect.value(QStringLiteral("score")).toInt());
    const QJsonArray reasons = prospect.value(QStringLiteral("reasons")).toArray();
    if (reasons.isEmpty())
        html += QObject::tr("<p>Nothing to fix: a modern, working site.</p>");
    html += QStringLiteral("<ul>");
    for (const auto &r : reasons)
        html += QStringLiteral("<li>+%1 %2</li>").arg(r.toObject().value(QStringLiteral("points")).toInt()).arg(esc(r.toObject().value(QStringLiteral("reason")).toString()));
    html += QStringLiteral("</ul><table cellspacing=4>");
    auto row = [&html, &esc](const QString &name, const QString &value) {
        if (!value.isEmpty())
            html += QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>").arg(esc(name), esc(value));
    };
    auto yesNo = [](const QJsonValue &v) { return v.isNull() || v.isUndefined() ? QString() : v.toBool() ? QObject::tr("yes") : QObject::tr("no"); };
    const QLocale locale;
    row(QObject::tr("Address"), a.value(QStringLiteral("final_url")).toString(a.value(QStringLiteral("url")).toString()));
    row(QObject::tr("Answers"), a.value(QStringLiteral("reachable")).toBool() ? QObject::tr("yes (HTTP %1)").arg(a.value(QStringLiteral("status")).toInt())
                                                                              : QObject::tr("no: %1").arg(a.value(QStringLiteral("error")).toString()));
    row(QObject::tr("HTTPS"), yesNo(a.value(QStringLiteral("https"))));
    row(QObject::tr("Certificate valid"), yesNo(a.value(QStringLiteral("certificate_valid"))));
    if (a.contains(QStringLiteral("load_ms")))
        row(QObject::tr("Load time"), QObject::tr("%1 s (first byte %2 ms)").arg(locale.toString(a.value(QStringLiteral("load_ms")).toDouble() / 1000.0, 'f', 2))
                                          .arg(a.value(QStringLiteral("ttfb_ms")).toInteger()));
    if (a.contains(QStringLiteral("page_bytes")))
        row(QObject::tr("Page weight"), locale.formattedDataSize(a.value(QStringLiteral("page_bytes")).toInteger()));
    row(QObject::tr("Mobile viewport"), yesNo(a.value(QStringLiteral("viewport"))));
    row(QObject::tr("Title"), a.value(QStringLiteral("title")).toString());
    row(QObject::tr("Description"), a.value(QStringLiteral("meta_description")).toString());
    if (const int year = a.value(QStringLiteral("copyright_year")).toInt(); year > 0)
        row(QObject::tr("Copyright"), QString::number(year));
    row(QObject::tr("Technology"), a.value(QStringLiteral("tech")).toVariant().toStringList().join(QStringLiteral(", ")) +
                                       (a.value(QStringLiteral("jquery_version")).toString().isEmpty() ? QString()
                                                                                                       : QStringLiteral(" (jQuery %1)").arg(a.value(QStringLiteral("jquery_version")).toString())));
    row(QObject::tr("E-mails"), a.value(QStringLiteral("emails")).toVariant().toStringList().join(QStringLiteral(", ")));
    row(QObject::tr("Phones"), a.value(QStringLiteral("phones")).toVariant().toStringList().join(QStringLiteral(", ")));
    row(QObject::tr("Social"), a.value(QStringLiteral("social")).toObject().keys().join(QStringLiteral(", ")));
    const QJsonObject broken = a.value(QStringLiteral("broken_links")).toObject();
    if (!broken.isEmpty())
        row(QObject::tr("Broken links"), QObject::tr("%1 of %2 checked").arg(broken.value(QStringLiteral("broken")).toArray().size()).arg(broken.value(QStringLiteral("checked")).toInt()));
    row(QObject::tr("Analysed"), locale.toString(QDateTime::fromString(a.value(QStringLiteral("analyzed_at")).toString(), Qt::ISODateWithMs).toLocalTime(),
                                                 QLocale::ShortFormat));
    return html + QStringLiteral("</table>");
}

} // namespace fliptech::ui
