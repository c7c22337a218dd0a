// File: result.h
// Result<T>: a value or an Error, never both. The core and the adapters return it for every
// operation that can fail on user data; exceptions are reserved for bugs and third-party code.
//
// Example:
//   Result<Date> d = Date::parse(text, "on");
//   if (!d) return d.error();
//   auto day = TRY(Date::parse(text, "on"));
#pragma once

#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace sterk {

// ErrorCode follows Abseil's canonical set. InvalidArgument is malformed input;
// FailedPrecondition is valid input in the wrong workflow state.
enum class ErrorCode {
    InvalidArgument,
    NotFound,
    AlreadyExists,
    FailedPrecondition,
    PermissionDenied,
    Unauthenticated,
    ResourceExhausted,
    Internal,
    Unavailable,
};

// Error: what went wrong, in the user's language (Dutch), and which field it concerns.
struct Error {
    ErrorCode code = ErrorCode::Internal;
    std::string message;
    std::string field;  // empty when the error is not about one field

    static Error invalid(std::string field, std::string message)
    {
        return Error{ErrorCode::InvalidArgument, std::move(message), std::move(field)};
    }
    static Error not_found(std::string message) { return Error{ErrorCode::NotFound, std::move(message), {}}; }
    static Error precondition(std::string message)
    {
        return Error{ErrorCode::FailedPrecondition, std::move(message), {}};
    }
    static Error internal(std::string message) { return Error{ErrorCode::Internal, std::move(message), {}}; }
};

// Errors: several problems reported at once (e.g. every unknown norm code in one go).
using Errors = std::vector<Error>;

template <typename T>
class [[nodiscard]] Result {
public:
    Result(T value) : m_state(std::move(value)) {}
    Result(Error error) : m_state(std::move(error)) {}

    bool ok() const { return std::holds_alternative<T>(m_state); }
    explicit operator bool() const { return ok(); }

    T& value() & { return std::get<T>(m_state); }
    T const& value() const& { return std::get<T>(m_state); }
    T&& value() && { return std::get<T>(std::move(m_state)); }
    T* operator->() { return &value(); }
    T const* operator->() const { return &value(); }
    T& operator*() & { return value(); }
    T const& operator*() const& { return value(); }

    Error const& error() const { return std::get<Error>(m_state); }

private:
    std::variant<T, Error> m_state;
};

// Result<void>: success or an Error.
struct Ok {};
using Status = Result<Ok>;
inline Status ok_status() { return Ok{}; }

}  // namespace sterk

// TRY(expr): yields the value of a Result, or returns its Error from the enclosing function.
// Uses a GNU statement expression (g++ and clang).
#define TRY(expr)                                   \
    ({                                              \
        auto _sterk_try_result = (expr);            \
        if (!_sterk_try_result.ok()) {              \
            return _sterk_try_result.error();       \
        }                                           \
        std::move(_sterk_try_result).value();       \
    })
