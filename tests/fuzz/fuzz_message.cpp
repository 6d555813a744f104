// libFuzzer target for reading received messages (FLIPTECH_FUZZ=ON, clang): any bytes are a
// message or an error saying they are not, without a crash, a hang or text left encoded.
//   build-fuzz/bin/fuzz_message -max_len=65536 -runs=500000 ../shared/fixtures/email/replies
#include "fliptech/mail/message.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray raw(reinterpret_cast<const char *>(data), qsizetype(size));
    auto m = fliptech::mail::parseMessage(raw);
    if (!m)
        return 0;
    if (m->autoReply == m->autoReplyReason.isEmpty())
        __builtin_trap(); // a verdict always has its reason
    (void)fliptech::mail::normalizeSubject(m->subject);
    return 0;
}
