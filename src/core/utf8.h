// File: utf8.h
// first_invalid_utf8: the offset of the first byte that does not begin a well-formed UTF-8
// sequence (RFC 3629: no overlong forms, surrogates or code points above U+10FFFF), or none.
// valid_utf8: no such byte. The one check for text that leaves as JSON, whose writer refuses
// what this refuses (names of uploaded files, the old register's rows, the data files).
//
// Example:
//   if (auto at = first_invalid_utf8(text)) { /* refuse, naming the line of byte *at */ }
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

namespace sterk {

inline std::optional<std::size_t> first_invalid_utf8(std::string_view text)
{
    std::size_t i = 0;
    while (i < text.size()) {
        auto const c = static_cast<unsigned char>(text[i]);
        std::size_t extra = 0;
        std::uint32_t code = 0;
        if (c < 0x80) {
            ++i;
            continue;
        }
        if (c >= 0xC2 && c <= 0xDF) {
            extra = 1;
            code = c & 0x1Fu;
        } else if (c >= 0xE0 && c <= 0xEF) {
            extra = 2;
            code = c & 0x0Fu;
        } else if (c >= 0xF0 && c <= 0xF4) {
            extra = 3;
            code = c & 0x07u;
        } else {
            return i;
        }
        if (i + extra >= text.size()) {
            return i;
        }
        for (std::size_t k = 1; k <= extra; ++k) {
            auto const next = static_cast<unsigned char>(text[i + k]);
            if ((next & 0xC0u) != 0x80u) {
                return i;
            }
            code = (code << 6) | (next & 0x3Fu);
        }
        if ((extra == 2 && (code < 0x800 || (code >= 0xD800 && code <= 0xDFFF))) ||
            (extra == 3 && (code < 0x10000 || code > 0x10FFFF))) {
            return i;
        }
        i += extra + 1;
    }
    return std::nullopt;
}

inline bool valid_utf8(std::string_view text)
{
    return !first_invalid_utf8(text);
}

}  // namespace sterk
