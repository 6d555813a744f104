// libFuzzer target for bounce reading (FLIPTECH_FUZZ=ON, clang): any bytes are a message that is a
// bounce or not, without a crash or a hang; a bounce names an address and a status code whose
// class decides hard or soft.
//   build-fuzz/bin/fuzz_bounce -max_len=65536 -runs=500000 -dict=... ../shared/fixtures/email/bounces
#include "fliptech/mail/bounce.h"

#include <QRegularExpression>

#include <cstdio>

using namespace fliptech;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray message(reinterpret_cast<const char *>(data), qsizetype(size));
    const auto b = mail::parseBounce(message);
    if (!b)
        return 0;
    static const QRegularExpression status(QStringLiteral("^[245]\\.\\d{1,3}\\.\\d{1,3}$"));
    if (!b->recipient.contains(u'@') || !status.match(b->status).hasMatch()) {
        std::fprintf(stderr, "recipient '%s' status '%s'\n", qPrintable(b->recipient), qPrintable(b->status));
        __builtin_trap(); // a bounce says who and how
    }
    if (b->hard != (b->status.startsWith(u'5') && b->status != QLatin1String("5.2.2")))
        __builtin_trap();
    return 0;
}
