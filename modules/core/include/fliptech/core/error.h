#pragma once
// Error and Result<T>: failures that callers handle are values, never exceptions across modules.

#include <QJsonObject>
#include <QString>

#include <optional>
#include <utility>
#include <variant>

namespace fliptech::core {

// Stable, machine-readable error codes. The API maps them to HTTP statuses in one place.
enum class ErrorCode {
    Internal,
    InvalidArgument,
    ValidationFailed,
    NotFound,
    MethodNotAllowed,
    Conflict,
    Unauthorized,
    Forbidden,
    RateLimited,
    PayloadTooLarge,
    Unavailable,
    DatabaseError,
    SchemaTooNew,
    Cancelled,
};

QString errorCodeName(ErrorCode code);

struct Error {
    ErrorCode code = ErrorCode::Internal;
    QString message;
    QJsonObject details;

    QString codeName() const { return errorCodeName(code); }
    // What a person should read: for a validation error the first field's problem, else the message.
    QString userMessage() const;
    QJsonObject toJson() const;
};

inline Error makeError(ErrorCode code, QString message, QJsonObject details = {})
{
    return Error{code, std::move(message), std::move(details)};
}

// A field's value refused: ValidationFailed, "<field> <problem>", details {field: problem}.
inline Error fieldError(const QString &field, const QString &problem)
{
    return makeError(ErrorCode::ValidationFailed, field + u' ' + problem, {{field, problem}});
}

template <typename T>
class [[nodiscard]] Result
{
public:
    Result(T value) : m_v(std::move(value)) {}
    Result(Error error) : m_v(std::move(error)) {}

    bool ok() const { return std::holds_alternative<T>(m_v); }
    explicit operator bool() const { return ok(); }
    // Calling value() on an error is a programming error: it aborts with the error's message.
    const T &value() const & { check(); return std::get<T>(m_v); }
    T &value() & { check(); return std::get<T>(m_v); }
    T &&value() && { check(); return std::get<T>(std::move(m_v)); }
    const T &operator*() const & { return value(); }
    // On a temporary, returns by value: `for (x : *db.select(...))` must not dangle.
    T operator*() && { return std::move(*this).value(); }
    const T *operator->() const { return &value(); }
    T *operator->() { return &value(); }
    const Error &error() const { return std::get<Error>(m_v); }

private:
    void check() const
    {
        if (!ok())
            qFatal("Result::value() called on an error: %s", qPrintable(error().message));
    }
    std::variant<T, Error> m_v;
};

// Result<void>: success or an Error.
template <>
class [[nodiscard]] Result<void>
{
public:
    Result() = default;
    Result(Error error) : m_error(std::move(error)) {}

    bool ok() const { return !m_error.has_value(); }
    explicit operator bool() const { return ok(); }
    const Error &error() const { return *m_error; }

private:
    std::optional<Error> m_error;
};

using Status = Result<void>;

// A write whose failure is harmless to lose (a statistic, a best-effort clean-up, a connection
// setting that the next use sets again): a failure is logged with why it may be lost, never
// dropped in silence. `why` says what is lost and why that is harmless.
void logDiscarded(const Error &error, const char *why);
inline void logDiscarded(const Status &status, const char *why)
{
    if (!status)
        logDiscarded(status.error(), why);
}
template <typename T>
void logDiscarded(const Result<T> &result, const char *why)
{
    if (!result)
        logDiscarded(result.error(), why);
}

} // namespace fliptech::core
