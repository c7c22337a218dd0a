// File: text.h
// join: "VM1, VM2, OB23" — the one way lists are written in messages and reports.
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

}  // namespace sterk
