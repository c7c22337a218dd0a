#include "adapters/http/export_response.h"

#include "adapters/export/xlsx_table.h"

namespace sterk::http {

Result<Response> table_download(ExportTable const& table, std::string const& request_path)
{
    bool const xlsx = request_path.size() > 5 && request_path.ends_with(".xlsx");
    Response response;
    response.status = 200;
    if (xlsx) {
        response.content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        response.body = TRY(to_xlsx(table));
    } else {
        response.content_type = "text/csv; charset=utf-8";
        response.body = to_csv(table);
    }
    response.set_header("Content-Disposition",
                        "attachment; filename=\"" + export_file_name(table, xlsx ? "xlsx" : "csv") + "\"");
    return response;
}

}  // namespace sterk::http
