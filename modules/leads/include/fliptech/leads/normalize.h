#pragma once
// Normalisation of contact data, shared by the importer, the lead service and dedupe: the same
// phone, e-mail or website always gives the same key, however it was typed.

#include <QString>

namespace fliptech::leads {

// E.164 ("+14155550123") from what people type: spaces, dots, brackets, "00" or "+" prefixes,
// national numbers with a trunk "0". `defaultCountry` is an ISO 3166 alpha-2 code used when
// the number has no international prefix. Empty when it cannot be a phone number.
QString normalizePhone(const QString &raw, const QString &defaultCountry = QStringLiteral("US"));
// A stored E.164 number as people write it: in the national format when it belongs to
// `country` (ISO alpha-2; "(512) 200-4999" in the US, "020 7946 0958" in Britain, "01 23 45 67 89"
// in France), else international with spaces ("+44 20 7946 0958"). Anything not E.164 is
// returned as it is. Typing it back gives the same E.164 (normalizePhone with that country).
QString formatPhone(const QString &e164, const QString &country);
// Calling code of an ISO country ("US" -> "1"), empty when unknown.
QString callingCode(const QString &country);

// "https://www.Example.com/contact?x" -> "example.com". Empty when there is no host.
QString websiteDomain(const QString &website);
// Lower-cased, trimmed address (empty when not an address).
QString normalizeEmail(const QString &raw);

struct PersonName {
    QString first;
    QString last;
};
// "Dr. Jane A. Doe Jr." -> {Jane, Doe}; "Doe, Jane" -> {Jane, Doe}; "Cher" -> {Cher, ""}.
PersonName splitName(const QString &full);

// Key for fuzzy company matching: lower case, punctuation and legal suffixes (LLC, Inc, Ltd,
// GmbH, ...) and a leading "the" removed, spaces collapsed.
QString companyKey(const QString &company);

} // namespace fliptech::leads
