#include "cli/table_progress.h"

#include <fmt/core.h>

#include <iostream>

namespace sterk::cli {

namespace {

// dutch_number: 1234567 → "1.234.567".
std::string dutch_number(long long n)
{
    std::string const digits = std::to_string(n < 0 ? -n : n);
    std::string out = n < 0 ? "-" : "";
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) {
            out += '.';
        }
        out += digits[i];
    }
    return out;
}

std::string decimal_comma(double value)
{
    std::string text = fmt::format("{:.1f}", value);
    for (char& c : text) {
        if (c == '.') {
            c = ',';
        }
    }
    return text;
}

std::string dutch_bytes(std::uintmax_t bytes)
{
    if (bytes < 1024) {
        return std::to_string(bytes) + " bytes";
    }
    if (bytes < 1024 * 1024) {
        return decimal_comma(static_cast<double>(bytes) / 1024.0) + " kB";
    }
    return decimal_comma(static_cast<double>(bytes) / (1024.0 * 1024.0)) + " MB";
}

}  // namespace

void TableProgressPrinter::operator()(std::string_view table, long long done, long long total)
{
    if (done < total) {
        if (m_terminal) {
            std::cout << fmt::format("\r  {:<36}{:>10} van {}", table, dutch_number(done), dutch_number(total))
                      << std::flush;
        }
        return;
    }
    std::string const line = fmt::format("  {:<36}{:>10} {}", table, dutch_number(total), total == 1 ? "rij" : "rijen");
    // On a terminal the finished line overwrites the running count.
    std::cout << (m_terminal ? "\r\033[K" : "") << line << "\n";
}

void print_table_summary(int tables, long long rows, std::uintmax_t bytes, double seconds)
{
    std::cout << fmt::format("\n  {} tabellen, {} rijen, {} in {} s\n", tables, dutch_number(rows), dutch_bytes(bytes),
                             decimal_comma(seconds));
}

}  // namespace sterk::cli
