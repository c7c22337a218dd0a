// File: ascii.h
// ascii_lower: "Kwaliteit@WijkKracht.Example" → "kwaliteit@wijkkracht.example". Only A-Z change;
// other bytes (UTF-8 included) stay as they are, so it never depends on the C locale. The one
// lower-casing helper for e-mail addresses, HTTP header names and tokens, and file extensions.
#pragma once

#include <string>
#include <string_view>

namespace sterk {

inline std::string ascii_lower(std::string_view text)
{
    std::string out{text};
    for (char& c : out) {
        if (c >= 'A' && c <= 'Z') {
            c = static_cast<char>(c - 'A' + 'a');
        }
    }
    return out;
}

}  // namespace sterk
