// Reading the old register's CSV file (register_import.h): split into records, map the header,
// check every row, and only then say what the file holds.
#include "core/certificate/register_import.h"

#include "core/ascii.h"
#include "core/text.h"
#include "core/utf8.h"

#include <algorithm>
#include <array>
#include <map>

namespace sterk {

namespace {

constexpr std::size_t COLUMN_COUNT = std::size(REGISTER_COLUMNS);

// CsvRecord: the fields of one record and the line it starts on.
struct CsvRecord {
    int line = 0;
    std::vector<std::string> fields;
    bool unclosed = false;  // a quote opened in it never closed: it holds the rest of the file
};

struct UnclosedQuote {
    int line = 0;
    std::size_t field = 0;  // index of the field the quote opened
};

struct CsvText {
    std::vector<CsvRecord> records;
    std::optional<UnclosedQuote> unclosed;
};

std::string_view without_bom(std::string_view text)
{
    constexpr std::string_view BOM = "\xEF\xBB\xBF";
    return text.starts_with(BOM) ? text.substr(BOM.size()) : text;
}

// separator_of: ';' when the header line has one outside quotes (Dutch Excel), ',' otherwise.
char separator_of(std::string_view text)
{
    bool quoted = false;
    for (char c : text) {
        if (c == '"') {
            quoted = !quoted;
        } else if (!quoted && (c == '\n' || c == '\r')) {
            break;
        } else if (!quoted && c == ';') {
            return ';';
        }
    }
    return ',';
}

// split_csv: RFC 4180 as spreadsheets write it: a field that starts with a quote runs to the
// closing quote ("" is one quote, separators and line breaks inside are text); CRLF, LF or CR end
// a record. A quote inside an unquoted field is kept as text.
CsvText split_csv(std::string_view text, char separator)
{
    CsvText out;
    std::size_t i = 0;
    int line = 1;
    auto const n = text.size();
    while (i < n && !out.unclosed) {
        CsvRecord record{line, {}};
        std::string field;
        bool in_quotes = false;
        int quote_line = 0;
        for (;;) {
            if (i >= n) {
                if (in_quotes) {
                    out.unclosed = UnclosedQuote{quote_line, record.fields.size()};
                    record.unclosed = true;
                }
                record.fields.push_back(std::move(field));
                break;
            }
            char const c = text[i];
            if (in_quotes) {
                if (c == '"' && i + 1 < n && text[i + 1] == '"') {
                    field += '"';
                    i += 2;
                } else if (c == '"') {
                    in_quotes = false;
                    ++i;
                } else if (c == '\r' && i + 1 < n && text[i + 1] == '\n') {
                    ++i;  // a quoted CRLF is one line break
                } else {
                    line += (c == '\n' || c == '\r') ? 1 : 0;
                    field += c;
                    ++i;
                }
                continue;
            }
            if (c == '"' && field.find_first_not_of(" \t") == std::string::npos) {
                in_quotes = true;
                quote_line = line;
                field.clear();
                ++i;
            } else if (c == separator) {
                record.fields.push_back(std::move(field));
                field.clear();
                ++i;
            } else if (c == '\r' || c == '\n') {
                i += (c == '\r' && i + 1 < n && text[i + 1] == '\n') ? 2 : 1;
                ++line;
                record.fields.push_back(std::move(field));
                break;
            } else {
                field += c;
                ++i;
            }
        }
        out.records.push_back(std::move(record));
    }
    return out;
}

std::string trimmed(std::string_view text)
{
    auto const first = text.find_first_not_of(" \t");
    if (first == std::string_view::npos) {
        return {};
    }
    auto const last = text.find_last_not_of(" \t");
    return std::string{text.substr(first, last - first + 1)};
}

// squeezed: runs of white space one space, as a certificate prints a name.
std::string squeezed(std::string_view text)
{
    std::string out;
    bool space = false;
    for (char c : text) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            space = !out.empty();
            continue;
        }
        if (space) {
            out += ' ';
            space = false;
        }
        out += c;
    }
    return out;
}

bool all_digits(std::string_view text)
{
    return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

int as_int(std::string_view digits)
{
    int value = 0;
    for (char c : digits) {
        value = value * 10 + (c - '0');
    }
    return value;
}

bool blank(CsvRecord const& record)
{
    return std::all_of(record.fields.begin(), record.fields.end(),
                       [](std::string const& f) { return trimmed(f).empty(); });
}

std::string quoted(std::string_view text)
{
    return "\"" + std::string{text} + "\"";
}

std::string column_list()
{
    std::vector<std::string> names(std::begin(REGISTER_COLUMNS), std::end(REGISTER_COLUMNS));
    return join(names, ";");
}

// HeaderMap: for each column of REGISTER_COLUMNS, its index in the file's records.
using HeaderMap = std::array<std::size_t, COLUMN_COUNT>;

std::optional<HeaderMap> read_header(CsvRecord const& header, std::vector<ImportProblem>& problems)
{
    auto const before = problems.size();
    auto names = header.fields;
    while (!names.empty() && trimmed(names.back()).empty()) {
        names.pop_back();  // a spreadsheet's empty columns at the end
    }
    constexpr std::size_t NONE = static_cast<std::size_t>(-1);
    HeaderMap map;
    map.fill(NONE);
    for (std::size_t i = 0; i < names.size(); ++i) {
        auto const name = ascii_lower(trimmed(names[i]));
        if (!valid_utf8(names[i])) {
            problems.push_back({header.line, "", "de kopregel is geen geldige UTF-8-tekst; sla het bestand op als \"CSV UTF-8\""});
            return std::nullopt;
        }
        if (name.empty()) {
            problems.push_back({header.line, "", "kolom " + std::to_string(i + 1) + " heeft geen naam"});
            continue;
        }
        auto const* known = std::find_if(std::begin(REGISTER_COLUMNS), std::end(REGISTER_COLUMNS),
                                         [&](char const* column) { return name == column; });
        if (known == std::end(REGISTER_COLUMNS)) {
            problems.push_back({header.line, trimmed(names[i]),
                                "onbekende kolom " + quoted(trimmed(names[i])) + "; de kolommen zijn " + column_list()});
            continue;
        }
        auto& slot = map[static_cast<std::size_t>(known - std::begin(REGISTER_COLUMNS))];
        if (slot != NONE) {
            problems.push_back({header.line, name, "kolom " + quoted(name) + " staat twee keer in de kopregel"});
            continue;
        }
        slot = i;
    }
    for (std::size_t c = 0; c < COLUMN_COUNT; ++c) {
        if (map[c] == NONE) {
            problems.push_back({header.line, REGISTER_COLUMNS[c],
                                "kolom " + quoted(REGISTER_COLUMNS[c]) + " ontbreekt in de kopregel (" + column_list() + ")"});
        }
    }
    if (problems.size() != before) {
        return std::nullopt;
    }
    return map;
}

// RowReader: one record's values by column name, and the problems found in them.
class RowReader {
public:
    RowReader(CsvRecord const& record, HeaderMap const& header, std::vector<ImportProblem>& problems)
        : m_record(record), m_header(header), m_problems(problems)
    {
    }

    std::string value(std::size_t column) const
    {
        auto const index = m_header[column];
        return index < m_record.fields.size() ? trimmed(m_record.fields[index]) : std::string{};
    }

    void problem(std::size_t column, std::string message)
    {
        m_problems.push_back({m_record.line, REGISTER_COLUMNS[column], std::move(message)});
        m_ok = false;
    }

    std::string required(std::size_t column)
    {
        auto text = value(column);
        if (text.empty()) {
            problem(column, "ontbreekt (verplicht veld)");
        }
        return text;
    }

    std::optional<Date> date(std::size_t column)
    {
        auto const text = required(column);
        if (text.empty()) {
            return std::nullopt;
        }
        auto const parsed = parse_register_date(text);
        if (!parsed) {
            problem(column, quoted(text) + " is geen geldige datum (JJJJ-MM-DD of DD-MM-JJJJ)");
        }
        return parsed;
    }

    bool ok() const { return m_ok; }

private:
    CsvRecord const& m_record;
    HeaderMap const& m_header;
    std::vector<ImportProblem>& m_problems;
    bool m_ok = true;
};

// The columns' positions in REGISTER_COLUMNS.
constexpr std::size_t LIDNUMMER = 0, NAAM = 1, KVK = 2, PLAATS = 3, SCOPE = 4, NUMMER = 5, UITGEGEVEN = 6, VERLOOPT = 7;

// ReadRow: a row as far as it could be read (for the checks across rows), and whether it is whole.
struct ReadRow {
    RegisterRow row;
    bool whole = false;
};

std::optional<ReadRow> read_row(CsvRecord const& record, HeaderMap const& header, Date today,
                                std::vector<ImportProblem>& problems)
{
    RowReader reader{record, header, problems};
    for (std::size_t c = 0; c < COLUMN_COUNT; ++c) {
        if (!valid_utf8(reader.value(c))) {
            reader.problem(c, "geen geldige UTF-8-tekst; sla het bestand op als \"CSV UTF-8\"");
            return std::nullopt;
        }
    }
    auto const used = *std::max_element(header.begin(), header.end()) + 1;
    for (std::size_t i = used; i < record.fields.size(); ++i) {
        if (!trimmed(record.fields[i]).empty()) {
            problems.push_back({record.line, "",
                                "meer velden (" + std::to_string(record.fields.size()) + ") dan kolommen in de kopregel (" +
                                    std::to_string(used) + ")"});
            return std::nullopt;
        }
    }
    RegisterRow row;
    row.line = record.line;
    row.lidnummer = reader.required(LIDNUMMER);
    row.naam = squeezed(reader.required(NAAM));
    row.kvk = reader.value(KVK);
    if (!row.kvk.empty() && (row.kvk.size() != 8 || !all_digits(row.kvk))) {
        reader.problem(KVK, quoted(row.kvk) + " is geen KvK-nummer (8 cijfers)");
    }
    row.plaats = squeezed(reader.value(PLAATS));
    row.scope = squeezed(reader.required(SCOPE));
    std::string const number = reader.required(NUMMER);
    if (!number.empty()) {
        row.number = number;
        for (char& c : row.number) {
            c = (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
        }
        if (auto parsed = parse_certificate_number(row.number)) {
            row.parsed_number = *parsed;
        } else {
            reader.problem(NUMMER, quoted(number) + " is geen certificaatnummer (SSW-JJJJ-NNNN)");
        }
    }
    auto const issued = reader.date(UITGEGEVEN);
    auto const expires = reader.date(VERLOOPT);
    if (issued && today < *issued) {
        reader.problem(UITGEGEVEN, issued->iso() + " ligt na vandaag (" + today.iso() + ")");
    }
    if (issued && expires && *expires <= *issued) {
        reader.problem(VERLOOPT, expires->iso() + " ligt niet na uitgegeven (" + issued->iso() + ")");
    }
    if (!reader.ok() || !issued || !expires) {
        return ReadRow{row, false};
    }
    row.issued = *issued;
    row.expires = *expires;
    return ReadRow{row, true};
}

// check_across_rows: a certificate number once in the file; one name per lidnummer.
void check_across_rows(std::vector<ReadRow> const& rows, std::vector<ImportProblem>& problems)
{
    std::map<std::pair<int, int>, RegisterRow const*> numbers;
    std::map<std::string, RegisterRow const*> members;
    for (auto const& [row, whole] : rows) {
        auto const key = std::pair{row.parsed_number.year, row.parsed_number.sequence};
        if (row.parsed_number.sequence == 0) {
            // no number that could be read: its own problem says so
        } else if (auto const [it, added] = numbers.emplace(key, &row); !added) {
            problems.push_back({row.line, "certificaatnummer",
                                row.number + " staat ook op regel " + std::to_string(it->second->line)});
        }
        if (row.lidnummer.empty() || row.naam.empty()) {
            continue;
        }
        if (auto const [it, added] = members.emplace(row.lidnummer, &row); !added && it->second->naam != row.naam) {
            problems.push_back({row.line, "naam",
                                "lidnummer " + row.lidnummer + " heet op regel " + std::to_string(it->second->line) +
                                    " " + quoted(it->second->naam) + ", hier " + quoted(row.naam)});
        }
    }
}

}  // namespace

std::string describe(ImportProblem const& problem)
{
    std::string out = "regel " + std::to_string(problem.line);
    if (!problem.field.empty()) {
        out += ", veld " + quoted(problem.field);
    }
    return out + ": " + problem.message;
}

std::optional<Date> parse_register_date(std::string_view text)
{
    auto const first = text.find('-');
    auto const second = first == std::string_view::npos ? first : text.find('-', first + 1);
    if (second == std::string_view::npos || text.find('-', second + 1) != std::string_view::npos) {
        return std::nullopt;
    }
    auto const a = text.substr(0, first);
    auto const b = text.substr(first + 1, second - first - 1);
    auto const c = text.substr(second + 1);
    if (!all_digits(a) || !all_digits(b) || !all_digits(c)) {
        return std::nullopt;
    }
    int year = 0, month = 0, day = 0;
    if (a.size() == 4 && b.size() == 2 && c.size() == 2) {
        year = as_int(a), month = as_int(b), day = as_int(c);
    } else if (c.size() == 4 && a.size() <= 2 && b.size() <= 2) {
        year = as_int(c), month = as_int(b), day = as_int(a);
    } else {
        return std::nullopt;
    }
    if (!Date::is_valid(year, month, day)) {
        return std::nullopt;
    }
    return Date::from_ymd(year, month, day);
}

RegisterFile read_register_csv(std::string_view text, Date today)
{
    RegisterFile out;
    text = without_bom(text);
    auto csv = split_csv(text, separator_of(text));
    std::erase_if(csv.records, blank);
    if (csv.records.empty()) {
        out.problems.push_back({1, "", "het bestand is leeg; de eerste regel is de kopregel " + column_list()});
        return out;
    }
    auto const header = read_header(csv.records.front(), out.problems);
    if (csv.unclosed) {
        std::string column;
        if (header) {
            auto const found = std::find(header->begin(), header->end(), csv.unclosed->field);
            column = found == header->end() ? "" : REGISTER_COLUMNS[found - header->begin()];
        }
        out.problems.push_back({csv.unclosed->line, column,
                                "een aanhalingsteken (\") wordt niet gesloten; de rest van het bestand is niet gelezen"});
    }
    if (!header) {
        return out;
    }
    std::vector<ReadRow> read;
    for (std::size_t i = 1; i < csv.records.size(); ++i) {
        if (csv.records[i].unclosed) {
            continue;  // only its own problem counts
        }
        if (auto row = read_row(csv.records[i], *header, today, out.problems)) {
            read.push_back(std::move(*row));
        }
    }
    check_across_rows(read, out.problems);
    for (auto& [row, whole] : read) {
        if (whole) {
            out.rows.push_back(std::move(row));
        }
    }
    if (csv.records.size() == 1 && out.problems.empty()) {
        out.problems.push_back({1, "", "het bestand heeft geen rijen onder de kopregel"});
    }
    std::stable_sort(out.problems.begin(), out.problems.end(),
                     [](ImportProblem const& a, ImportProblem const& b) { return a.line < b.line; });
    return out;
}

Result<Certificate> imported_certificate(RegisterRow const& row, Id member_id)
{
    CertificateDraft const draft{member_id, row.naam, row.plaats, row.kvk, row.lidnummer, row.scope, std::nullopt};
    CertificateTerm const term{row.issued, row.issued, row.expires.add_days(-1), row.expires};
    auto certificate = TRY(issue_certificate(draft, row.issued, term, row.parsed_number.sequence));
    certificate.year = row.parsed_number.year;
    certificate.number = row.number;
    return certificate;
}

std::vector<std::string> differences(Certificate const& stored, Certificate const& imported)
{
    std::vector<std::string> out;
    auto const differ = [&](bool different, char const* column) {
        if (different && std::find(out.begin(), out.end(), column) == out.end()) {
            out.push_back(column);
        }
    };
    differ(stored.lidnummer != imported.lidnummer, "lidnummer");
    differ(stored.member_name != imported.member_name, "naam");
    differ(stored.kvk != imported.kvk, "kvk");
    differ(stored.town != imported.town, "plaats");
    differ(stored.scope != imported.scope, "scope");
    differ(stored.issued != imported.issued || stored.valid_from != imported.valid_from, "uitgegeven");
    differ(stored.valid_through != imported.valid_through || stored.expires != imported.expires, "verloopt");
    return out;
}

}  // namespace sterk
