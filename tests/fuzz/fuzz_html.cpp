// libFuzzer target for the HTML document, the CSS translator, the Craigslist extraction (search and
// posting pages) and the contact finders
// (FLIPTECH_FUZZ=ON, clang): the first line of the input is a CSS selector, the rest a page
// (with a Content-Type from the selector's length, to reach the charset paths). Any bytes must
// give a document and answers, or a clear error for the selector: never a crash or a hang.
//   build-fuzz/bin/fuzz_html -max_len=65536 -runs=200000
#include "fliptech/net/cssselector.h"
#include "fliptech/net/htmldocument.h"
#include "fliptech/scraper/contacts.h"
#include "fliptech/scraper/craigslist.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const qsizetype newline = bytes.indexOf('\n');
    const QString css = QString::fromUtf8(newline < 0 ? bytes : bytes.left(newline));
    const QByteArray body = newline < 0 ? QByteArray() : bytes.mid(newline + 1);
    static const QByteArray types[] = {"text/html", "text/html; charset=windows-1252", "text/html; charset=shift_jis", "text/html; charset=utf-8"};
    const auto doc = fliptech::net::HtmlDocument::parse(body, types[css.size() % 4], QUrl(QStringLiteral("https://fuzz.example/a/b")));
    if (doc.isNull())
        __builtin_trap(); // parse always gives a document
    if (fliptech::net::cssToXPath(css).ok()) {
        for (const auto &n : doc.select(css)) {
            (void)n.text();
            (void)n.url();
        }
    }
    (void)doc.xpath(css); // as XPath too: an error, not a crash
    (void)fliptech::scraper::parseCraigslistSearch(body, types[css.size() % 4], QUrl(QStringLiteral("https://fuzz.example/a/b")));
    const auto posting = fliptech::scraper::parseCraigslistPosting(doc);
    (void)posting.toJson();
    // The contact finders on the raw text too (obfuscated forms, number words).
    (void)fliptech::scraper::findEmails(css + QString::fromUtf8(body.left(4096)));
    (void)fliptech::scraper::findPhones(css + QString::fromUtf8(body.left(4096)));
    return 0;
}
