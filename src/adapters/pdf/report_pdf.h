// File: report_pdf.h
// The audit report (B7's format, B8's example) as a PDF, drawn in-process with cairo and pango:
// A4 portrait, the label's heading on every page, "Pagina X van Y" in the footer, tables whose
// rows move whole to the next page (header repeated) and are split line by line only when one row
// is taller than a page, DejaVu Sans embedded as subsets. The same ReportDocument always gives the
// same bytes: the PDF's creation date is the report's own date, never the clock.
//
// Example:
//   auto pdf = TRY(render_report_pdf(report, ReportPart::B));
//   response.body = std::move(pdf);  // "application/pdf"
#pragma once

#include "core/report/report_document.h"
#include "core/result.h"

#include <string>

namespace sterk {

// ReportPart: A "Samenvatting uitkomst toetsing" (the secretariat and the member), B "Bevindingen"
// (the member and the CI's team only).
enum class ReportPart { A, B };

// The Dutch title printed on each page of that part.
std::string report_part_title(ReportPart part);

// render_report_pdf: the PDF's bytes, or Internal when cairo fails (no fonts, out of memory).
Result<std::string> render_report_pdf(ReportDocument const& report, ReportPart part);

}  // namespace sterk
