// libFuzzer target for custom-URL recipes (FLIPTECH_FUZZ=ON, clang): the input is a recipe (JSON)
// and, after a line "----", a page. Any bytes must give a recipe or a clear error; a recipe read
// must write itself back to JSON that reads back the same; extraction and the proposed recipe
// must end (no crash, no hang), and a proposed recipe must itself be a valid recipe.
//   build-fuzz/bin/fuzz_recipe -max_len=65536 -runs=200000
#include "fliptech/net/htmldocument.h"
#include "fliptech/scraper/recipe.h"

#include <QJsonArray>

#include <cstdio>

using namespace fliptech;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const qsizetype cut = bytes.indexOf("\n----\n");
    const QByteArray json = cut < 0 ? bytes : bytes.left(cut);
    const QByteArray body = cut < 0 ? bytes : bytes.mid(cut + 6);
    const auto page = net::HtmlDocument::parse(body, "text/html", QUrl(QStringLiteral("https://fuzz.example/list?page=1")));
    if (auto recipe = scraper::Recipe::fromJson(json, false)) {
        const QJsonObject written = recipe->toJson();
        auto again = scraper::Recipe::fromJson(written, false);
        if (!again || again->toJson() != written)
            __builtin_trap(); // what a recipe writes must read back the same
        const scraper::ExtractedPage got = scraper::extractPage(page, *recipe);
        for (const QJsonObject &row : got.rows) {
            QJsonObject copy = row;
            scraper::extractDetail(page, *recipe, &copy);
            (void)scraper::leadFromRow(copy, page.url(), recipe->name);
        }
    } else if (recipe.error().message.isEmpty()) {
        __builtin_trap(); // an error says what is wrong
    }
    const QJsonObject proposal = scraper::proposeRecipe(page, 5);
    if (proposal.value(QStringLiteral("recipe")).isObject())
        if (auto proposed = scraper::Recipe::fromJson(proposal.value(QStringLiteral("recipe")).toObject(), false); !proposed) {
            fprintf(stderr, "proposed recipe invalid: %s\n", qPrintable(proposed.error().message));
            __builtin_trap(); // a proposed recipe is a valid one
        }
    return 0;
}
