// File: json_depth.h
// too_deep: more than MAX_JSON_DEPTH objects or arrays inside one another (brackets inside
// strings do not count). Checked on JSON text from outside before it is parsed: nlohmann's parser
// takes any depth, but its writer (dump) recurses once per level, so one request of a few hundred
// KB of '[' ended the server on a stack overflow (found with tests/fuzz/json_body_fuzz.cpp).
//
// Example:
//   if (too_deep(body)) { return Error::invalid("", "De gegevens zijn geen geldige JSON."); }
#pragma once

#include <string_view>

namespace sterk {

// Our documents nest four or five levels; 32 leaves room without risk.
inline constexpr int MAX_JSON_DEPTH = 32;

inline bool too_deep(std::string_view text)
{
    int depth = 0;
    bool in_string = false;
    bool escaped = false;
    for (char c : text) {
        if (in_string) {
            if (escaped) {
                escaped = false;
            } else if (c == '\\') {
                escaped = true;
            } else if (c == '"') {
                in_string = false;
            }
            continue;
        }
        if (c == '"') {
            in_string = true;
        } else if (c == '{' || c == '[') {
            if (++depth > MAX_JSON_DEPTH) {
                return true;
            }
        } else if (c == '}' || c == ']') {
            --depth;
        }
    }
    return false;
}

}  // namespace sterk
