// File: percent_decode.h
// percent_decode: "%41+b" → "A+b" (or "A b" with PlusIsSpace::Yes, for query strings). The one
// decoder for request targets (adapters/http) and database URLs (adapters/storage).
//
// Example:
//   auto path = percent_decode("/a%20b");  // "/a b"
//   if (!path) { /* a bad escape or a NUL byte */ }
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace sterk {

enum class PlusIsSpace { No, Yes };

namespace detail {

inline int hex_digit_value(char c)
{
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    return -1;
}

}  // namespace detail

// percent_decode: nullopt on a bad escape ("%4", "%zz") or a NUL byte, escaped or not.
inline std::optional<std::string> percent_decode(std::string_view text, PlusIsSpace plus = PlusIsSpace::No)
{
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        char const c = text[i];
        if (c == '%') {
            if (i + 2 >= text.size()) {
                return std::nullopt;
            }
            int const hi = detail::hex_digit_value(text[i + 1]);
            int const lo = detail::hex_digit_value(text[i + 2]);
            if (hi < 0 || lo < 0) {
                return std::nullopt;
            }
            char const decoded = static_cast<char>(hi * 16 + lo);
            if (decoded == '\0') {
                return std::nullopt;
            }
            out += decoded;
            i += 2;
            continue;
        }
        if (c == '\0') {
            return std::nullopt;
        }
        out += (plus == PlusIsSpace::Yes && c == '+') ? ' ' : c;
    }
    return out;
}

}  // namespace sterk
