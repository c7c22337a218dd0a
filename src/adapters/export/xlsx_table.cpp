#include "adapters/export/xlsx_table.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <unistd.h>
#include <xlsxwriter.h>

namespace sterk {

namespace {

// Removes the workbook's temporary file however the writing ends.
struct TemporaryFile {
    std::string path;
    ~TemporaryFile()
    {
        if (!path.empty()) {
            std::remove(path.c_str());
        }
    }
};

std::string sheet_name(std::string const& title)
{
    std::string name;
    for (char c : title) {
        name += std::string_view("[]:*?/\\").find(c) == std::string_view::npos ? c : '-';
    }
    return name.empty() ? std::string{"Blad1"} : name.substr(0, 31);
}

Error failed(char const* what, lxw_error error)
{
    return Error{ErrorCode::Internal, std::string{"Excel-bestand maken mislukt ("} + what + "): " + lxw_strerror(error), ""};
}

}  // namespace

Result<std::string> to_xlsx(ExportTable const& table)
{
    // libxlsxwriter writes a file (1.1.5 has no memory buffer); a private temporary one.
    char const* tmp = std::getenv("TMPDIR");
    std::string pattern = std::string(tmp != nullptr && *tmp != '\0' ? tmp : "/tmp") + "/sterklabel-xlsx-XXXXXX";
    int const fd = mkstemp(pattern.data());
    if (fd < 0) {
        return Error{ErrorCode::Internal, "Excel-bestand maken mislukt: geen tijdelijk bestand", ""};
    }
    close(fd);
    TemporaryFile file{pattern};

    lxw_workbook* workbook = workbook_new(file.path.c_str());
    if (workbook == nullptr) {
        return Error{ErrorCode::Internal, "Excel-bestand maken mislukt: werkmap niet aangemaakt", ""};
    }
    std::string const name = sheet_name(table.title);
    lxw_worksheet* sheet = workbook_add_worksheet(workbook, name.c_str());
    lxw_format* heading = workbook_add_format(workbook);
    format_set_bold(heading);
    lxw_format* date = workbook_add_format(workbook);
    format_set_num_format(date, "dd-mm-yyyy");

    std::vector<double> widths(table.headings.size(), 10);
    for (std::size_t c = 0; c < table.headings.size(); ++c) {
        worksheet_write_string(sheet, 0, static_cast<lxw_col_t>(c), table.headings[c].c_str(), heading);
        widths[c] = std::max(widths[c], static_cast<double>(table.headings[c].size()) + 2);
    }
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
        auto const row = static_cast<lxw_row_t>(r + 1);
        for (std::size_t c = 0; c < table.rows[r].size() && c < widths.size(); ++c) {
            auto const col = static_cast<lxw_col_t>(c);
            auto const& cell = table.rows[r][c];
            if (auto const* text = std::get_if<std::string>(&cell)) {
                worksheet_write_string(sheet, row, col, text->c_str(), nullptr);
                widths[c] = std::max(widths[c], std::min(60.0, static_cast<double>(text->size()) + 2));
            } else if (auto const* number = std::get_if<double>(&cell)) {
                worksheet_write_number(sheet, row, col, *number, nullptr);
            } else if (auto const* day = std::get_if<Date>(&cell)) {
                lxw_datetime when{day->year(), day->month(), day->day(), 0, 0, 0};
                worksheet_write_datetime(sheet, row, col, &when, date);
                widths[c] = std::max(widths[c], 12.0);
            }
        }
    }
    for (std::size_t c = 0; c < widths.size(); ++c) {
        worksheet_set_column(sheet, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), widths[c], nullptr);
    }
    worksheet_freeze_panes(sheet, 1, 0);
    if (lxw_error const closed = workbook_close(workbook); closed != LXW_NO_ERROR) {
        return failed("opslaan", closed);
    }
    std::ifstream in(file.path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

}  // namespace sterk
