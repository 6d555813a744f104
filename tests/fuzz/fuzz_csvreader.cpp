// libFuzzer target for the CSV reader (FLIPTECH_FUZZ=ON, clang): any bytes must give records or
// a clear error, never a crash, a hang or unbounded memory.
//   build-fuzz/bin/fuzz_csvreader -max_len=65536 -runs=200000
#include "fliptech/leads/csvreader.h"

#include <QBuffer>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::ReadOnly);
    fliptech::leads::CsvReader::Options options;
    options.maxFieldBytes = 4096; // small limits reach the over-long paths with small inputs
    options.maxFields = 16;
    fliptech::leads::CsvReader reader(&buffer, options);
    if (!reader.open())
        return 0;
    qint64 records = 0;
    while (reader.next()) {
        for (const QString &f : reader.fields())
            if (f.size() > options.maxFieldBytes)
                __builtin_trap(); // the limit must hold
        if (++records > qint64(size) + 1)
            __builtin_trap(); // more records than bytes: the reader is looping
    }
    (void)fliptech::leads::csvLine(reader.fields());
    return 0;
}
