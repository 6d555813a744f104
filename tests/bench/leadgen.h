#pragma once
// Synthetic, reproducible, realistic leads: US local businesses with owners, e-mails, phones,
// websites, addresses, categories, statuses and scores. The same seed gives the same file.

#include <QIODevice>
#include <QStringList>

namespace fliptech::bench {

// The CSV header the generator writes (names the importer maps without help).
QByteArray leadCsvHeader();
// Writes `count` rows (after the header) to `out`.
void writeLeadsCsv(QIODevice *out, qint64 count, quint64 seed = 42);
// A few words that occur in generated leads, for search benchmarks.
QStringList searchWords();

} // namespace fliptech::bench
