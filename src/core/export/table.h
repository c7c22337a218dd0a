// ExportTable: one list or trend as the user downloads it, in CSV or XLSX alike. A cell keeps its
// kind (text, number, date), so a spreadsheet gets numbers it can sum and dates it can sort; an
// empty cell is a figure that is not there (or not shown, as for a suppressed trend group).
#pragma once

#include "core/calendar/date.h"

#include <string>
#include <variant>
#include <vector>

namespace sterk {

using ExportCell = std::variant<std::monostate, std::string, double, Date>;

struct ExportTable {
    std::string title;                 // the sheet's name and the file's
    std::vector<std::string> headings;  // Dutch, one per column
    std::vector<std::vector<ExportCell>> rows;
};

// to_csv: ';'-separated with a UTF-8 BOM and CRLF, as Dutch Excel opens it; numbers with a decimal
// comma, dates as YYYY-MM-DD; a text that starts with = + - @ (a formula to a spreadsheet) gets a
// leading apostrophe.
std::string to_csv(ExportTable const& table);

// export_file_name: "kwaliteitsregister" → "kwaliteitsregister.csv" / ".xlsx".
std::string export_file_name(ExportTable const& table, std::string const& extension);

}  // namespace sterk
