// File: register_import.h
// The register as it was kept before this system (issue 11, item 5): a CSV file of today's
// certified members with their certificate dates, read and checked as a whole before anything is
// stored, so the system takes over without re-auditing anyone.
//
// The file: a header row naming the eight columns lidnummer;naam;kvk;plaats;scope;
// certificaatnummer;uitgegeven;verloopt (any order, any case), then one row per certificate.
// Separator ';' (as Dutch Excel writes it) or ',', taken from the header row; UTF-8 with or without
// a byte-order mark; fields in double quotes may hold the separator, line breaks and "" for a
// quote; CRLF or LF; blank lines are skipped. Dates YYYY-MM-DD or DD-MM-YYYY (also D-M-YYYY).
//
// The dates, as the system prints an issued certificate (certificate_pdf: "Uitgegeven op",
// "Geldig vanaf", "Geldig tot en met", "Verloopt op"; DOMAIN.md "Dates"): `uitgegeven` is the day of
// issue and the first day of validity; `verloopt` is the expiry, the day the logo's use ends, so the
// certificate is valid through the day before. A certificate issued D and expiring D + 2 years thus
// reads exactly as one the system issued itself (certificate_term). The old register's numbers may
// be of another year than the issue (old numbering): only the SSW-YYYY-NNNN shape is required, and
// the number keeps blocking its own year's sequence.
//
// Example:
//   auto file = read_register_csv(text, today);
//   for (auto const& p : file.problems) std::cerr << describe(p) << "\n";
//   Certificate c = TRY(imported_certificate(file.rows[0], member_id));
#pragma once

#include "core/calendar/date.h"
#include "core/certificate/certificate.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sterk {

// The columns, in the order the example file and the messages use.
inline constexpr char const* REGISTER_COLUMNS[] = {"lidnummer", "naam",        "kvk",        "plaats",
                                                   "scope",     "certificaatnummer", "uitgegeven", "verloopt"};

// RegisterRow: one checked row. `line` is the 1-based line of the file on which the row starts
// (the header is line 1; a quoted line break makes a row span more lines).
struct RegisterRow {
    int line = 0;
    std::string lidnummer;
    std::string naam;
    std::string kvk;  // empty or 8 digits
    std::string plaats;
    std::string scope;
    std::string number;  // as written
    CertificateNumber parsed_number;
    Date issued = Date::from_ymd(1970, 1, 1);  // uitgegeven
    Date expires = Date::from_ymd(1970, 1, 1);  // verloopt
};

// ImportProblem: one refusal of the file: the line (1-based; 1 is the header), the column ("" when
// it concerns the row or the file as a whole) and the reason in Dutch.
struct ImportProblem {
    int line = 0;
    std::string field;
    std::string message;
};
// describe: `regel 4, veld "verloopt": "31-02-2027" is geen geldige datum (JJJJ-MM-DD of DD-MM-JJJJ)`.
std::string describe(ImportProblem const& problem);

// RegisterFile: the rows whole in themselves and every problem found (also those across rows);
// with any problem nothing may be imported.
struct RegisterFile {
    std::vector<RegisterRow> rows;
    std::vector<ImportProblem> problems;
};

// read_register_csv: parses and checks the whole file, collecting every problem (a bad header
// stops the reading of rows: without it no column is known). Per row: lidnummer, naam, scope,
// certificaatnummer (SSW-YYYY-NNNN), uitgegeven and verloopt present; kvk empty or 8 digits;
// uitgegeven not after `today`; verloopt after uitgegeven; valid UTF-8. Across rows: a certificate
// number once (the later line names the earlier), one naam per lidnummer.
RegisterFile read_register_csv(std::string_view text, Date today);

// parse_register_date: YYYY-MM-DD, DD-MM-YYYY or D-M-YYYY; none for anything else (31-02-2027).
std::optional<Date> parse_register_date(std::string_view text);

// imported_certificate: the certificate a row stands for, of member `member_id`: valid from the
// issue through the day before the expiry, status valid (live_status decides on a date), no
// trajectory, the number as written with its own year and sequence.
Result<Certificate> imported_certificate(RegisterRow const& row, Id member_id);

// differences: the columns in which a stored certificate differs from the imported one (empty:
// the same certificate, imported before). Compares what is printed, not the member's id.
std::vector<std::string> differences(Certificate const& stored, Certificate const& imported);

}  // namespace sterk
