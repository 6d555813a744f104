#include "fliptech/leads/csvreader.h"

#include <array>
#include <cstring>

namespace fliptech::leads {

using core::ErrorCode;

namespace {

constexpr qsizetype chunkSize = 256 * 1024;

// Strict UTF-8 check (no overlongs, no surrogates): a field that fails is Windows-1252.
bool isValidUtf8(const char *s, qsizetype n)
{
    const auto *p = reinterpret_cast<const unsigned char *>(s);
    qsizetype i = 0;
    while (i < n) {
        const unsigned char c = p[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        int len = 0;
        unsigned min = 0;
        unsigned cp = 0;
        if ((c & 0xE0) == 0xC0) { len = 2; cp = c & 0x1F; min = 0x80; }
        else if ((c & 0xF0) == 0xE0) { len = 3; cp = c & 0x0F; min = 0x800; }
        else if ((c & 0xF8) == 0xF0) { len = 4; cp = c & 0x07; min = 0x10000; }
        else return false;
        if (i + len > n)
            return false;
        for (int k = 1; k < len; ++k) {
            if ((p[i + k] & 0xC0) != 0x80)
                return false;
            cp = (cp << 6) | (p[i + k] & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return false;
        i += len;
    }
    return true;
}

// Valid except possibly a multi-byte sequence cut at the end of a sample.
bool isValidUtf8Prefix(const QByteArray &sample)
{
    qsizetype n = sample.size();
    for (int back = 0; back < 3 && n > 0; ++back) {
        if (isValidUtf8(sample.constData(), n))
            return true;
        --n;
    }
    return isValidUtf8(sample.constData(), n);
}

QString fromWindows1252(const QByteArray &raw)
{
    static constexpr std::array<char16_t, 32> high = {
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};
    QString out(raw.size(), Qt::Uninitialized);
    QChar *d = out.data();
    for (qsizetype i = 0; i < raw.size(); ++i) {
        const auto c = static_cast<unsigned char>(raw.at(i));
        d[i] = (c >= 0x80 && c < 0xA0) ? QChar(high[c - 0x80]) : QChar(char16_t(c));
    }
    return out;
}

bool looksLikeUtf16(const QByteArray &s, bool *littleEndian)
{
    const qsizetype n = qMin<qsizetype>(s.size(), 4096) & ~qsizetype(1);
    if (n < 4)
        return false;
    int zeroEven = 0, zeroOdd = 0;
    for (qsizetype i = 0; i < n; i += 2) {
        zeroEven += s.at(i) == 0;
        zeroOdd += s.at(i + 1) == 0;
    }
    const int pairs = int(n / 2);
    if (zeroOdd > pairs * 0.4 && zeroEven < pairs * 0.05) {
        *littleEndian = true;
        return true;
    }
    if (zeroEven > pairs * 0.4 && zeroOdd < pairs * 0.05) {
        *littleEndian = false;
        return true;
    }
    return false;
}

// Delimiter whose per-line count is most consistent over the first lines (outside quotes).
char sniffDelimiter(const QByteArray &sample)
{
    const char candidates[] = {',', ';', '\t', '|'};
    QList<std::array<int, 4>> lines;
    std::array<int, 4> cur{};
    bool quoted = false;
    for (qsizetype i = 0; i < sample.size() && lines.size() < 20; ++i) {
        const char c = sample.at(i);
        if (c == '"') {
            quoted = !quoted;
        } else if (!quoted && (c == '\n' || c == '\r')) {
            if (cur != std::array<int, 4>{})
                lines.append(cur);
            cur = {};
        } else if (!quoted) {
            for (int k = 0; k < 4; ++k)
                cur[k] += c == candidates[k];
        }
    }
    if (cur != std::array<int, 4>{} && lines.isEmpty())
        lines.append(cur);
    if (lines.isEmpty())
        return ',';
    int best = 0;
    double bestScore = -1;
    for (int k = 0; k < 4; ++k) {
        const int first = lines.first()[k];
        if (first == 0)
            continue;
        int same = 0;
        for (const auto &l : std::as_const(lines))
            same += l[k] == first;
        const double score = double(same) / lines.size() * 1000 + first;
        if (score > bestScore) {
            bestScore = score;
            best = k;
        }
    }
    return bestScore < 0 ? ',' : candidates[best];
}

} // namespace

QString csvEncodingName(CsvEncoding e)
{
    switch (e) {
    case CsvEncoding::Utf8: return QStringLiteral("UTF-8");
    case CsvEncoding::Utf16LE: return QStringLiteral("UTF-16LE");
    case CsvEncoding::Utf16BE: return QStringLiteral("UTF-16BE");
    case CsvEncoding::Windows1252: return QStringLiteral("Windows-1252");
    }
    return {};
}

QByteArray csvLine(const QStringList &fields, bool guardFormulas)
{
    QByteArray line;
    for (qsizetype i = 0; i < fields.size(); ++i) {
        if (i)
            line += ',';
        QString f = fields.at(i);
        // OWASP's list: = + - @, and TAB and CR, which some spreadsheets skip before a formula.
        if (guardFormulas && !f.isEmpty() &&
            (f.at(0) == u'=' || f.at(0) == u'+' || f.at(0) == u'-' || f.at(0) == u'@' || f.at(0) == u'\t' || f.at(0) == u'\r')) {
            // Numbers such as -5 or +1 415 are data, not formulas.
            bool number = false;
            QString digits = f;
            digits.remove(u' ');
            digits.toDouble(&number);
            if (!number)
                f.prepend(u'\'');
        }
        const QByteArray u = f.toUtf8();
        if (u.contains(',') || u.contains('"') || u.contains('\n') || u.contains('\r')) {
            QByteArray q = u;
            q.replace('"', "\"\"");
            line += '"' + q + '"';
        } else {
            line += u;
        }
    }
    line += "\r\n";
    return line;
}

CsvReader::CsvReader(QIODevice *device, Options options) : m_device(device), m_options(options) {}

core::Status CsvReader::open()
{
    if (!m_device || !m_device->isReadable())
        return core::makeError(ErrorCode::InvalidArgument, QStringLiteral("the file cannot be read"));
    const QByteArray sample = m_device->peek(64 * 1024);
    if (sample.isEmpty())
        return core::makeError(ErrorCode::InvalidArgument, QStringLiteral("the file is empty"));
    qsizetype skip = 0;
    QByteArray text = sample;
    bool little = true;
    if (sample.startsWith("\xEF\xBB\xBF")) {
        m_bom = true;
        skip = 3;
        m_encoding = CsvEncoding::Utf8;
        text = sample.mid(3);
    } else if (sample.startsWith("\xFF\xFE") || sample.startsWith("\xFE\xFF") || looksLikeUtf16(sample, &little)) {
        if (sample.startsWith("\xFF\xFE") || sample.startsWith("\xFE\xFF")) {
            m_bom = true;
            skip = 2;
            little = sample.startsWith("\xFF\xFE");
        }
        m_encoding = little ? CsvEncoding::Utf16LE : CsvEncoding::Utf16BE;
        m_utf16.emplace(little ? QStringDecoder::Utf16LE : QStringDecoder::Utf16BE, QStringDecoder::Flag::Stateless);
        QStringDecoder probe(little ? QStringDecoder::Utf16LE : QStringDecoder::Utf16BE);
        text = QString(probe.decode(QByteArrayView(sample).sliced(skip))).toUtf8();
    } else {
        m_encoding = isValidUtf8Prefix(sample) ? CsvEncoding::Utf8 : CsvEncoding::Windows1252;
    }
    // Binary junk: NUL bytes or mostly control characters are not a spreadsheet export.
    int control = 0;
    for (char c : std::as_const(text)) {
        const auto u = static_cast<unsigned char>(c);
        if (u == 0)
            return core::makeError(ErrorCode::InvalidArgument,
                                   QStringLiteral("this is not a text CSV file (it contains binary data); export it from your spreadsheet as CSV"));
        control += u < 0x20 && c != '\n' && c != '\r' && c != '\t';
    }
    if (control > text.size() / 20)
        return core::makeError(ErrorCode::InvalidArgument,
                               QStringLiteral("this is not a text CSV file (it contains binary data); export it from your spreadsheet as CSV"));
    m_delimiter = m_options.delimiter.value_or(sniffDelimiter(text));
    if (skip)
        m_device->skip(skip);
    m_bytesRead = skip;
    return {};
}

bool CsvReader::fill()
{
    if (m_eof)
        return false;
    QByteArray chunk = m_device->read(chunkSize);
    if (chunk.isEmpty()) {
        m_eof = true;
        m_buf.clear();
        m_pos = 0;
        return false;
    }
    m_bytesRead += chunk.size();
    if (m_utf16)
        chunk = QString(m_utf16->decode(chunk)).toUtf8(); // the decoder keeps a split code unit for the next chunk
    m_buf = std::move(chunk);
    m_pos = 0;
    return !m_buf.isEmpty() || fill();
}

QString CsvReader::decode(const char *raw, qsizetype n) const
{
    // ASCII (nearly every cell) is checked eight bytes at a time.
    qsizetype i = 0;
    for (; i + 8 <= n; i += 8) {
        quint64 w;
        std::memcpy(&w, raw + i, 8);
        if (w & 0x8080808080808080ULL)
            break;
    }
    for (; i < n; ++i)
        if (static_cast<unsigned char>(raw[i]) >= 0x80)
            break;
    if (i == n)
        return QString::fromLatin1(raw, n);
    if (m_encoding != CsvEncoding::Windows1252 && isValidUtf8(raw, n))
        return QString::fromUtf8(raw, n);
    return fromWindows1252(QByteArray::fromRawData(raw, n)); // also a stray Windows-1252 cell inside a UTF-8 file
}

void CsvReader::appendToField(const char *data, qsizetype n)
{
    if (m_fieldTooLong || n <= 0)
        return;
    const qsizetype room = m_options.maxFieldBytes - m_field.size();
    if (n > room) {
        m_field.append(data, room);
        m_fieldTooLong = true;
    } else {
        m_field.append(data, n);
    }
}

void CsvReader::endField(const char *span, qsizetype n)
{
    if (m_fields.size() >= m_options.maxFields) {
        if (m_recordError.isEmpty())
            m_recordError = QStringLiteral("the row has more than %1 fields").arg(m_options.maxFields);
    } else if (m_fieldTooLong || (span && n > m_options.maxFieldBytes)) {
        if (m_recordError.isEmpty())
            m_recordError = QStringLiteral("field %1 is longer than %2 KiB").arg(m_fields.size() + 1).arg(m_options.maxFieldBytes / 1024);
        m_fields.append(QString());
    } else if (span) {
        m_fields.append(n ? decode(span, n) : QString());
    } else {
        m_fields.append(m_field.isEmpty() ? QString() : decode(m_field.constData(), m_field.size()));
    }
    m_field.clear();
    m_fieldTooLong = false;
}

bool CsvReader::next()
{
    // Bytes that end an unquoted run: the delimiter and line breaks.
    std::array<bool, 256> stop{};
    stop[static_cast<unsigned char>(m_delimiter)] = stop['\n'] = stop['\r'] = true;
    for (;;) {
        m_fields.clear();
        m_recordError.clear();
        m_field.clear();
        m_fieldTooLong = false;
        m_recordLine = m_line;
        bool inQuotes = false;
        bool quoted = false;  // the current field was quoted
        qint64 quoteLine = 0; // where the current quoted field opened
        bool any = false;     // anything read for this record
        bool ended = false;   // record ended by a line break
        while (!ended) {
            if (m_pos >= m_buf.size() && !fill())
                break;
            const char *data = m_buf.constData();
            const qsizetype size = m_buf.size();
            any = true;
            if (inQuotes) {
                // The run of plain characters up to the next quote.
                const void *q = std::memchr(data + m_pos, '"', size_t(size - m_pos));
                const qsizetype end = q ? static_cast<const char *>(q) - data : size;
                for (const char *nl = data + m_pos; (nl = static_cast<const char *>(std::memchr(nl, '\n', size_t(data + end - nl)))); ++nl)
                    ++m_line;
                appendToField(data + m_pos, end - m_pos);
                m_pos = end;
                if (!q)
                    continue;
                ++m_pos; // the quote
                if (m_pos >= size && !fill()) {
                    inQuotes = false;
                    break;
                }
                if (m_buf.at(m_pos) == '"') {
                    appendToField("\"", 1);
                    ++m_pos;
                } else {
                    inQuotes = false;
                    // A quote that ran across lines and then closes mid-field was never meant
                    // to span them: an unclosed quote swallowed the lines in between.
                    const char after = m_buf.at(m_pos);
                    if (m_line > quoteLine && after != m_delimiter && after != '\n' && after != '\r' && m_recordError.isEmpty())
                        m_recordError = QStringLiteral("the quote opened on line %1 is not closed before line %2 (lines %1-%2 were read as one "
                                                       "field): close the quote on line %1")
                                            .arg(quoteLine).arg(m_line);
                }
                continue;
            }
            if (data[m_pos] == '"' && m_field.isEmpty() && !quoted) {
                inQuotes = true;
                quoted = true;
                quoteLine = m_line;
                ++m_pos;
                continue;
            }
            // An unquoted run: up to the delimiter or the line's end (a quote inside it is kept
            // as it is - lenient). Wholly inside the buffer, it is decoded in place.
            qsizetype end = m_pos;
            while (end < size && !stop[static_cast<unsigned char>(data[end])])
                ++end;
            if (end == size) {
                appendToField(data + m_pos, end - m_pos);
                m_pos = end;
                continue;
            }
            const char c = data[end];
            if (m_field.isEmpty() && !m_fieldTooLong && !quoted) {
                endField(data + m_pos, end - m_pos);
            } else {
                appendToField(data + m_pos, end - m_pos);
                endField();
            }
            m_pos = end + 1;
            if (c == m_delimiter) {
                quoted = false;
                continue;
            }
            if (c == '\r') {
                if (m_pos >= size) {
                    if (fill() && m_buf.at(0) == '\n')
                        m_pos = 1;
                } else if (data[m_pos] == '\n') {
                    ++m_pos;
                }
            }
            ++m_line;
            ended = true;
        }
        if (!any)
            return false;
        if (!ended) {
            if (inQuotes && m_recordError.isEmpty())
                m_recordError = QStringLiteral("a quoted field that starts on line %1 is never closed").arg(m_recordLine);
            endField(); // the last field of a file without a final line break
        }
        // A blank line is not a record.
        if (m_fields.size() == 1 && m_fields.first().isEmpty() && !quoted && m_recordError.isEmpty()) {
            if (!ended && m_eof)
                return false;
            continue;
        }
        return true;
    }
}

} // namespace fliptech::leads
