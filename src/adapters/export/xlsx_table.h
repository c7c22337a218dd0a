// to_xlsx: an ExportTable as an Excel workbook (libxlsxwriter): one sheet, bold headings in a
// frozen first row, numbers as numbers, dates as dates shown dd-mm-jjjj.
#pragma once

#include "core/export/table.h"
#include "core/result.h"

#include <string>

namespace sterk {

Result<std::string> to_xlsx(ExportTable const& table);

}  // namespace sterk
