#include "fliptech/core/json.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

namespace fliptech::core::json {

QString textProblem(const QString &text)
{
    const char16_t *p = reinterpret_cast<const char16_t *>(text.utf16());
    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n; ++i) {
        const char16_t c = p[i];
        if (c == 0)
            return QStringLiteral("contains a NUL character (\\u0000) at position %1").arg(i);
        if (c >= 0xD800 && c <= 0xDBFF) {
            if (i + 1 < n && p[i + 1] >= 0xDC00 && p[i + 1] <= 0xDFFF) {
                ++i;
                continue;
            }
            return QStringLiteral("contains an unpaired surrogate (\\u%1) at position %2").arg(int(c), 4, 16, QLatin1Char('0')).arg(i);
        }
        if (c >= 0xDC00 && c <= 0xDFFF)
            return QStringLiteral("contains an unpaired surrogate (\\u%1) at position %2").arg(int(c), 4, 16, QLatin1Char('0')).arg(i);
    }
    return {};
}

namespace {
// Every key and string value, with its path ("tags[2]", "filter.city").
void findTextProblems(const QJsonValue &v, const QString &path, QJsonObject *problems)
{
    if (problems->size() >= 20)
        return;
    if (v.isString()) {
        if (QString p = textProblem(v.toString()); !p.isEmpty())
            problems->insert(path.isEmpty() ? QStringLiteral("body") : path, p);
    } else if (v.isArray()) {
        const QJsonArray a = v.toArray();
        for (qsizetype i = 0; i < a.size(); ++i)
            findTextProblems(a.at(i), QStringLiteral("%1[%2]").arg(path).arg(i), problems);
    } else if (v.isObject()) {
        const QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it) {
            const QString key = path.isEmpty() ? it.key() : path + u'.' + it.key();
            if (QString p = textProblem(it.key()); !p.isEmpty())
                problems->insert(QStringLiteral("%1 (a key)").arg(key.left(100)), p);
            else
                findTextProblems(it.value(), key, problems);
        }
    }
}
} // namespace

Result<QJsonObject> parseObject(const QByteArray &text)
{
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(text, &pe);
    if (pe.error != QJsonParseError::NoError)
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("malformed JSON at offset %1: %2").arg(pe.offset).arg(pe.errorString()));
    if (!doc.isObject())
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("expected a JSON object"));
    // Text that no backend stores faithfully (PostgreSQL cuts at a NUL; a lone surrogate has
    // no UTF-8 form) is refused here, once, instead of being changed silently further in.
    QJsonObject problems;
    findTextProblems(doc.object(), QString(), &problems);
    if (!problems.isEmpty())
        return makeError(ErrorCode::ValidationFailed, QStringLiteral("text must not contain NUL characters or unpaired surrogates"), problems);
    return doc.object();
}

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QByteArray compact(const QJsonArray &array)
{
    return QJsonDocument(array).toJson(QJsonDocument::Compact);
}

} // namespace fliptech::core::json
