// gen_leads: writes reproducible synthetic leads as CSV.
//   gen_leads COUNT FILE [SEED]
#include "leadgen.h"

#include <QFile>

#include <cstdio>

int main(int argc, char **argv)
{
    if (argc < 3) {
        std::fprintf(stderr, "usage: gen_leads COUNT FILE [SEED]\n");
        return 2;
    }
    QFile out(QString::fromLocal8Bit(argv[2]));
    if (!out.open(QIODevice::WriteOnly)) {
        std::fprintf(stderr, "cannot write %s\n", argv[2]);
        return 1;
    }
    fliptech::bench::writeLeadsCsv(&out, QByteArray(argv[1]).toLongLong(), argc > 3 ? QByteArray(argv[3]).toULongLong() : 42);
    return 0;
}
