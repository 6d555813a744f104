#pragma once
// CsvReader: a streaming RFC 4180 reader for the files people actually have. It detects the
// encoding (BOM, UTF-16 without BOM, UTF-8, else Windows-1252) and the delimiter (",", ";" or
// tab), handles quotes, doubled quotes, embedded newlines and CRLF/LF/CR line ends, and reads in
// fixed-size chunks, so memory stays constant whatever the file size. Problems that spoil one
// record (an over-long field, too many fields, an unclosed quote at the end) are reported on that
// record; problems that spoil the file (binary data, empty file) come from open().

#include "fliptech/core/error.h"

#include <QByteArray>
#include <QIODevice>
#include <QStringDecoder>
#include <QStringList>

#include <optional>

namespace fliptech::leads {

enum class CsvEncoding { Utf8, Utf16LE, Utf16BE, Windows1252 };
QString csvEncodingName(CsvEncoding e);

// One CSV line (RFC 4180 quoting, CRLF) in UTF-8. Cells that a spreadsheet would run as a
// formula (=, +, -, @, TAB or CR first) are prefixed with an apostrophe when `guardFormulas` is set.
QByteArray csvLine(const QStringList &fields, bool guardFormulas = true);

class CsvReader final
{
public:
    struct Options {
        qint64 maxFieldBytes = 1 << 20; // a longer field spoils its record, not the file
        int maxFields = 512;
        std::optional<char> delimiter;   // forced; otherwise detected
    };

    explicit CsvReader(QIODevice *device, Options options);
    explicit CsvReader(QIODevice *device) : CsvReader(device, Options{}) {}

    // Sniffs encoding and delimiter from the first 64 KiB. Errors: empty file, binary data.
    core::Status open();
    CsvEncoding encoding() const { return m_encoding; }
    char delimiter() const { return m_delimiter; }
    bool hadBom() const { return m_bom; }

    // The next record; false at the end. Blank lines are skipped.
    bool next();
    const QStringList &fields() const { return m_fields; }
    // Why the last record cannot be used ("field 3 is longer than 1 MiB"), empty when it can.
    const QString &recordError() const { return m_recordError; }
    // 1-based line on which the last record started (records can span lines).
    qint64 recordLine() const { return m_recordLine; }
    // Bytes consumed from the device, for progress.
    qint64 bytesRead() const { return m_bytesRead; }
    // Bytes of the file behind the records returned so far (UTF-16: approximate).
    qint64 position() const { return m_bytesRead - (m_buf.size() - m_pos); }

private:
    bool fill();
    // Ends the current field: `span` (in the read buffer) when given, else what was gathered.
    void endField(const char *span = nullptr, qsizetype n = 0);
    void appendToField(const char *data, qsizetype n);
    QString decode(const char *raw, qsizetype n) const;

    QIODevice *m_device;
    Options m_options;
    CsvEncoding m_encoding = CsvEncoding::Utf8;
    char m_delimiter = ',';
    bool m_bom = false;
    std::optional<QStringDecoder> m_utf16;
    QByteArray m_buf;
    qsizetype m_pos = 0;
    bool m_eof = false;
    qint64 m_bytesRead = 0;
    qint64 m_line = 1;
    qint64 m_recordLine = 0;
    QByteArray m_field;
    bool m_fieldTooLong = false;
    QStringList m_fields;
    QString m_recordError;
};

} // namespace fliptech::leads
