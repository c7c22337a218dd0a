// table_download: a list or trend (ExportTable) as the file the request's path asks for: ".csv"
// (Dutch Excel's ';' CSV) or ".xlsx" (a workbook), as an attachment named after the table.
#pragma once

#include "adapters/http/http_types.h"
#include "core/export/table.h"
#include "core/result.h"

namespace sterk::http {

Result<Response> table_download(ExportTable const& table, std::string const& request_path);

}  // namespace sterk::http
