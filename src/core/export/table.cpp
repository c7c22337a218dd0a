#include "core/export/table.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <string_view>

namespace sterk {

namespace {

std::string quoted(std::string const& value)
{
    if (value.find_first_of(";\"\n\r") == std::string::npos) {
        return value;
    }
    std::string out = "\"";
    for (char c : value) {
        out += c;
        if (c == '"') {
            out += '"';
        }
    }
    return out + "\"";
}

std::string dutch_number(double value)
{
    if (std::floor(value) == value && std::fabs(value) < 1e15) {
        return std::to_string(static_cast<long long>(value));
    }
    char buffer[64];
    auto const [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed, 2);
    std::string text(buffer, ec == std::errc{} ? end : buffer);
    for (char& c : text) {
        c = c == '.' ? ',' : c;
    }
    return text;
}

// as_text: a spreadsheet opening the CSV reads a cell that starts with = + - @ (or a tab or CR
// before one) as a formula, so a name a user typed could run one on the reader's machine. A leading
// apostrophe makes it text (OWASP "CSV injection"); XLSX cells are typed strings and need none.
std::string as_text(std::string const& value)
{
    if (!value.empty() && std::string_view{"=+-@\t\r"}.find(value.front()) != std::string_view::npos) {
        return "'" + value;
    }
    return value;
}

std::string cell_text(ExportCell const& cell)
{
    if (auto const* text = std::get_if<std::string>(&cell)) {
        return quoted(as_text(*text));
    }
    if (auto const* number = std::get_if<double>(&cell)) {
        return dutch_number(*number);
    }
    if (auto const* date = std::get_if<Date>(&cell)) {
        return date->iso();
    }
    return "";
}

}  // namespace

std::string to_csv(ExportTable const& table)
{
    std::string csv = "\xEF\xBB\xBF";
    for (std::size_t i = 0; i < table.headings.size(); ++i) {
        csv += (i == 0 ? "" : ";") + quoted(table.headings[i]);
    }
    csv += "\r\n";
    // A short row is padded to the headings' width: every line has the same number of fields.
    for (auto const& row : table.rows) {
        std::size_t const width = std::max(row.size(), table.headings.size());
        for (std::size_t i = 0; i < width; ++i) {
            csv += (i == 0 ? "" : ";") + (i < row.size() ? cell_text(row[i]) : std::string{});
        }
        csv += "\r\n";
    }
    return csv;
}

std::string export_file_name(ExportTable const& table, std::string const& extension)
{
    std::string name;
    for (char c : table.title) {
        bool const plain = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
        name += plain ? c : (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : '-';
    }
    return (name.empty() ? std::string{"export"} : name) + "." + extension;
}

}  // namespace sterk
