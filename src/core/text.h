// File: text.h
// join: "VM1, VM2, OB23" — the one way lists are written in messages and reports.
// is_blank: nothing but white space (a required text left empty).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace sterk {

inline std::string join(std::vector<std::string> const& items, std::string_view separator = ", ")
{
    std::string out;
    for (auto const& item : items) {
        if (!out.empty()) {
            out += separator;
        }
        out += item;
    }
    return out;
}

inline bool is_blank(std::string_view text)
{
    return text.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

}  // namespace sterk
