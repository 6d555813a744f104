// libFuzzer target for the message template language (FLIPTECH_FUZZ=ON, clang): any bytes are a
// template (text and HTML, with and without the variable check) that parses or names a line and
// column; one that parses renders for two seeds without a crash or a hang, the same seed giving
// the same text; and any bytes are HTML whose plain-text alternative comes out.
//   build-fuzz/bin/fuzz_template -max_len=16384 -runs=500000
#include "fliptech/campaigns/messagetemplate.h"

using namespace fliptech;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString source = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    const campaigns::TemplateVariables vars{{QStringLiteral("lead.first_name"), QStringLiteral("Ann <&>")},
                                            {QStringLiteral("lead.city"), QStringLiteral("Austin")},
                                            {QStringLiteral("sender.name"), QString()}};
    for (auto mode : {campaigns::MessageTemplate::Mode::Text, campaigns::MessageTemplate::Mode::Html})
        for (const QSet<QString> *known : {&campaigns::knownTemplateVariables(), static_cast<const QSet<QString> *>(nullptr)}) {
            auto t = campaigns::MessageTemplate::parse(source, mode, known);
            if (!t) {
                if (!t.error().details.contains(QStringLiteral("line")) || t.error().details.value(QStringLiteral("line")).toInt() < 1)
                    __builtin_trap(); // a mistake says where it is
                continue;
            }
            const QString once = t->render(vars, 1);
            if (t->render(vars, 1) != once)
                __builtin_trap(); // the same recipient, the same text
            (void)t->render(vars, 0xfeedfacecafebeefULL);
        }
    (void)campaigns::htmlToText(source);
    return 0;
}
