#pragma once
// E-mail addresses and phone numbers in free text (a posting's body, a web page), including the
// ways posters hide them from harvesters: "joe at gmail dot com", "joe (at) gmail [dot] com",
// "five five five 867 five three oh nine". Phones are North American numbers here (Craigslist's
// main market), validated by the numbering plan (area code and exchange do not start with 0 or
// 1), returned as E.164; e-mails lower-cased, each once, in the order found.

#include <QStringList>

namespace fliptech::scraper {

QStringList findEmails(const QString &text);
QStringList findPhones(const QString &text);

} // namespace fliptech::scraper
