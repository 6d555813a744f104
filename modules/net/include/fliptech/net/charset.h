#pragma once
// The character set of a fetched page, as a browser decides it: the Content-Type header's
// charset, else a byte-order mark, else a <meta charset> or http-equiv in the first 4 KB, else
// UTF-8 when the bytes are valid UTF-8, else windows-1252. Labels are normalised as the WHATWG
// Encoding standard does where it matters (latin1, iso-8859-1 and ascii are windows-1252).

#include <QByteArray>
#include <QString>

namespace fliptech::net {

// "text/html; charset=Shift_JIS" -> "shift_jis"; empty when the header names none.
QString charsetFromContentType(const QByteArray &contentType);
// From the body alone: a BOM or a <meta> in its first 4 KB; empty when neither says.
QString charsetFromBody(const QByteArray &body);
// The charset to decode `body` with (never empty).
QString detectCharset(const QByteArray &body, const QByteArray &contentType);
// The canonical label of a charset name ("Latin1" -> "windows-1252", "utf8" -> "utf-8").
QString normalizeCharset(const QString &label);
// `body`, in `charset`, as UTF-8 (libxml2's decoders, iconv's charsets included; an unknown
// charset is read as windows-1252; a byte that cannot be decoded becomes U+FFFD).
QByteArray toUtf8(const QByteArray &body, const QString &charset);

} // namespace fliptech::net
