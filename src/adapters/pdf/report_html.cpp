// The report as semantic HTML: headings, definition-like tables for Part A, one table per rubric
// for Part B. Tables keep their header on every printed page (thead) and rows stay whole where
// they fit (break-inside: avoid).
#include "adapters/pdf/report_html.h"

#include "adapters/pdf/report_pdf.h"

namespace sterk {

namespace {

std::string escaped(std::string const& text)
{
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\n': out += "<br>"; break;
        default: out += c;
        }
    }
    return out;
}

std::string or_dash(std::string const& value)
{
    return value.empty() ? std::string("—") : escaped(value);
}

std::string numbers(std::vector<int> const& list)
{
    std::string out;
    for (int n : list) {
        out += (out.empty() ? "" : "; ") + std::to_string(n);
    }
    return out.empty() ? "—" : out;
}

void list(std::string& out, std::vector<std::string> const& items)
{
    if (items.empty()) {
        out += "<p>—</p>\n";
        return;
    }
    out += "<ul>\n";
    for (auto const& item : items) {
        out += "<li>" + escaped(item) + "</li>\n";
    }
    out += "</ul>\n";
}

void section(std::string& out, ReportSection const& s)
{
    out += "<h3>" + escaped(s.title) + "</h3>\n<table class=\"fields\">\n";
    for (auto const& line : s.lines) {
        out += "<tr><th scope=\"row\">" + escaped(line.label) + "</th><td>" + or_dash(line.value) + "</td></tr>\n";
    }
    out += "</table>\n";
}

void overall(std::string& out, OverallTable const& table)
{
    out += "<h3>Overall resultaat toetsing</h3>\n<p class=\"note\">NB de nummers verwijzen naar de nummers in het "
           "kwaliteitskader</p>\n<table class=\"overall\">\n<thead><tr><th>Onderdeel norm</th><th>Nrs. normen die "
           "voldoen</th><th>Nrs. normen met verbeterpunt</th><th>Nrs. normen voldoen niet</th><th>Nrs. normen niet "
           "van toepassing</th><th>Nrs. normen niet beoordeeld</th></tr></thead>\n<tbody>\n";
    for (auto const& row : table.rows) {
        out += "<tr><th scope=\"row\">" + escaped(row.rubric_name) + "</th><td>" + numbers(row.met) + "</td><td>" +
               numbers(row.partly) + "</td><td>" + numbers(row.not_met) + "</td><td>" + numbers(row.not_applicable) +
               "</td><td>" + numbers(row.not_assessed) + "</td></tr>\n";
    }
    auto of = [&](int n) { return std::to_string(n) + " van de " + std::to_string(table.norm_count); };
    auto const& t = table.totals;
    out += "<tr class=\"total\"><th scope=\"row\">Resultaat totaal</th><td>" + of(t.met) + "</td><td>" + of(t.partly) +
           "</td><td>" + of(t.not_met) + "</td><td>" + of(t.not_applicable) + "</td><td>" + of(t.not_assessed) +
           "</td></tr>\n</tbody>\n</table>\n";
}

}  // namespace

std::string render_report_html(ReportDocument const& report)
{
    std::string out;
    out.reserve(256 * 1024);
    std::string stage = report_stage_dutch(report.stage);
    if (report.version > 0) {
        stage += ", versie " + std::to_string(report.version);
    }
    if (!report.dated.empty()) {
        stage += ", " + report.dated;
    }
    out += "<!doctype html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n<title>Kwaliteitslabel Sterk "
           "Sociaal Werk — " +
           escaped(report.member_name) +
           "</title>\n<style>\n"
           "@page { size: A4; margin: 20mm 20mm 22mm 20mm; }\n"
           "body { font-family: 'DejaVu Sans', sans-serif; font-size: 9pt; color: #000; margin: 0; }\n"
           "header p { margin: 0; } .label { color: #17456f; font-weight: bold; } h1 { font-size: 12pt; margin: 2pt 0; }\n"
           "h2 { font-size: 12pt; } h3 { font-size: 11pt; color: #17456f; margin: 12pt 0 4pt; break-after: avoid; }\n"
           "table { width: 100%; border-collapse: collapse; margin-bottom: 6pt; }\n"
           "th, td { border: 0.5pt solid #8c8c8c; padding: 4pt; text-align: left; vertical-align: top; }\n"
           "thead th { background: #e6edf5; } table.fields th { width: 38%; background: #f5f5f5; }\n"
           "tr { break-inside: avoid; } thead { display: table-header-group; }\n"
           "td.verdict { width: 72pt; text-align: center; font-weight: bold; } td.norm { width: 158pt; }\n"
           ".part-b { break-before: page; } .note { color: #4d4d4d; font-size: 8pt; }\n"
           "</style>\n</head>\n<body>\n<header><p class=\"label\">Kwaliteitslabel Sterk Sociaal Werk</p><p>" +
           escaped(stage) + "</p><p>" + or_dash(report.member_name) + "</p></header>\n";

    out += "<main>\n<section class=\"part-a\">\n<h1>" + escaped(report_part_title(ReportPart::A)) + "</h1>\n";
    size_t after = report.part_a.size();
    for (size_t i = 0; i < report.part_a.size(); ++i) {
        if (report.part_a[i].title.rfind("Conclusies", 0) == 0) {
            after = i + 1;
        }
    }
    for (size_t i = 0; i < after; ++i) {
        section(out, report.part_a[i]);
    }
    overall(out, report.overall);
    out += "<h3>Opvallend sterke punten</h3>\n";
    list(out, report.strong_points);
    out += "<h3>Belangrijkste verbeterpunten</h3>\n";
    list(out, report.improvement_points);
    for (size_t i = after; i < report.part_a.size(); ++i) {
        section(out, report.part_a[i]);
    }
    out += "</section>\n<section class=\"part-b\">\n<h1>" + escaped(report_part_title(ReportPart::B)) + "</h1>\n";
    for (auto const& rubric : report.part_b) {
        out += "<h3>Kwaliteitsnormen " + escaped(rubric.name) +
               "</h3>\n<table class=\"norms\">\n<thead><tr><th>Norm</th><th>Bevindingen toetsing</th><th>Oordeel</th>"
               "</tr></thead>\n<tbody>\n";
        for (auto const& norm : rubric.norms) {
            std::string findings = or_dash(norm.findings);
            if (norm.verdict == Verdict::NotApplicable) {
                findings = "Niet van toepassing: " + or_dash(norm.reason) +
                           (norm.findings.empty() ? "" : "<br><br>" + escaped(norm.findings));
            }
            out += "<tr><td class=\"norm\">" + std::to_string(norm.number) + ". " + escaped(norm.text) + "</td><td>" +
                   findings + "</td><td class=\"verdict\">" +
                   (norm.verdict ? escaped(verdict_symbol(*norm.verdict)) : std::string("niet beoordeeld")) +
                   "</td></tr>\n";
        }
        out += "</tbody>\n</table>\n<h4>Rubriek " + escaped(rubric.name) + ": getoetste documenten</h4>\n";
        if (rubric.documents.empty()) {
            out += "<p>Geen documenten vermeld.</p>\n";
        } else {
            list(out, rubric.documents);
        }
    }
    out += "</section>\n</main>\n</body>\n</html>\n";
    return out;
}

}  // namespace sterk
