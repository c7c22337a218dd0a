// File: report_html.h
// The audit report as one static HTML page with a print stylesheet: the same sections and tables
// as the PDF (report_pdf.h). scripts/bench.sh has Chromium print it to compare with our PDF.
//
// Example:
//   std::string page = render_report_html(report);  // "text/html; charset=utf-8"
#pragma once

#include "core/report/report_document.h"

#include <string>

namespace sterk {

// render_report_html: Part A and Part B on one page (Part B starts on a new printed page).
std::string render_report_html(ReportDocument const& report);

}  // namespace sterk
