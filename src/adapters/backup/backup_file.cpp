#include "adapters/backup/backup_file.h"

#include <nlohmann/json.hpp>
#include <sodium.h>

#include <fcntl.h>
#include <unistd.h>

#include <filesystem>

namespace sterk {

namespace {

using json = nlohmann::ordered_json;

class Sha256 {
public:
    Sha256() { crypto_hash_sha256_init(&m_state); }
    void update(std::string const& bytes)
    {
        crypto_hash_sha256_update(&m_state, reinterpret_cast<unsigned char const*>(bytes.data()), bytes.size());
    }
    std::string hex()
    {
        unsigned char digest[crypto_hash_sha256_BYTES];
        crypto_hash_sha256_final(&m_state, digest);
        char text[crypto_hash_sha256_BYTES * 2 + 1];
        sodium_bin2hex(text, sizeof text, digest, sizeof digest);
        return text;
    }

private:
    crypto_hash_sha256_state m_state;
};

std::string to_base64(std::string const& bytes)
{
    std::string out(sodium_base64_ENCODED_LEN(bytes.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
    sodium_bin2base64(out.data(), out.size(), reinterpret_cast<unsigned char const*>(bytes.data()), bytes.size(),
                      sodium_base64_VARIANT_ORIGINAL);
    out.resize(out.size() - 1);  // the terminating NUL
    return out;
}

std::optional<std::string> from_base64(std::string const& text)
{
    std::string out(text.size() / 4 * 3 + 3, '\0');
    std::size_t length = 0;
    char const* end = nullptr;
    if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), text.data(), text.size(), nullptr,
                          &length, &end, sodium_base64_VARIANT_ORIGINAL)
            != 0
        || end != text.data() + text.size()) {
        return std::nullopt;
    }
    out.resize(length);
    return out;
}

json header_json(BackupHeader const& header)
{
    json tables = json::array();
    for (auto const& table : header.tables) {
        json columns = json::array();
        for (auto const& column : table.columns) {
            columns.push_back({{"name", column.name}, {"type", std::string{column_kind_name(column.kind)}}});
        }
        json entry = {{"name", table.name}, {"rows", table.rows}, {"columns", columns}};
        if (table.sequence) {
            entry["sequence"] = *table.sequence;
        }
        tables.push_back(std::move(entry));
    }
    return {{"format", kBackupFormat},
            {"version", kBackupFormatVersion},
            {"schema_version", header.schema_version},
            {"created_at", header.created_at},
            {"source", header.source},
            {"tables", tables}};
}

Error bad(std::size_t line, std::string const& message)
{
    return Error::invalid("from", "regel " + std::to_string(line) + ": " + message);
}

Result<BackupHeader> parse_header(json const& j)
{
    auto const fail = [](std::string const& message) { return bad(1, message); };
    if (!j.is_object() || !j.contains("format") || j["format"] != kBackupFormat) {
        return fail("dit is geen sterklabel-backup (het veld format ontbreekt of is anders)");
    }
    if (!j.contains("version") || !j["version"].is_number_integer() || j["version"] != kBackupFormatVersion) {
        return fail("onbekende versie van het backupformaat (deze sterklabel kent versie "
                    + std::to_string(kBackupFormatVersion) + ")");
    }
    BackupHeader header;
    if (!j.contains("schema_version") || !j["schema_version"].is_number_integer()) {
        return fail("schema_version ontbreekt");
    }
    header.schema_version = j["schema_version"].get<int>();
    if (!j.contains("created_at") || !j["created_at"].is_string() || !j.contains("source") || !j["source"].is_string()) {
        return fail("created_at of source ontbreekt");
    }
    header.created_at = j["created_at"].get<std::string>();
    header.source = j["source"].get<std::string>();
    if (!j.contains("tables") || !j["tables"].is_array()) {
        return fail("de lijst tables ontbreekt");
    }
    for (auto const& t : j["tables"]) {
        if (!t.is_object() || !t.contains("name") || !t["name"].is_string() || !t.contains("rows")
            || !t["rows"].is_number_integer() || t["rows"].get<long long>() < 0 || !t.contains("columns")
            || !t["columns"].is_array()) {
            return fail("een tabel in tables heeft geen geldige name, rows of columns");
        }
        BackupTable table;
        table.name = t["name"].get<std::string>();
        table.rows = t["rows"].get<long long>();
        if (t.contains("sequence")) {
            if (!t["sequence"].is_number_integer()) {
                return fail("tabel " + table.name + ": sequence is geen geheel getal");
            }
            table.sequence = t["sequence"].get<long long>();
        }
        for (auto const& c : t["columns"]) {
            std::optional<ColumnKind> kind;
            if (c.is_object() && c.contains("type") && c["type"].is_string()) {
                kind = parse_column_kind(c["type"].get<std::string>());
            }
            if (!kind || !c.contains("name") || !c["name"].is_string()) {
                return fail("tabel " + table.name + ": een kolom zonder geldige name of type");
            }
            table.columns.push_back(TableColumn{c["name"].get<std::string>(), *kind});
        }
        if (table.columns.empty()) {
            return fail("tabel " + table.name + " heeft geen kolommen");
        }
        header.tables.push_back(std::move(table));
    }
    return header;
}

Result<TableRow> parse_row(std::size_t line, BackupTable const& table, json const& values)
{
    if (!values.is_array() || values.size() != table.columns.size()) {
        return bad(line, "rij van tabel " + table.name + " heeft niet " + std::to_string(table.columns.size())
                             + " waarden");
    }
    TableRow row(values.size());
    for (std::size_t i = 0; i < values.size(); ++i) {
        auto const& value = values[i];
        auto const& column = table.columns[i];
        if (value.is_null()) {
            continue;
        }
        auto const wrong = [&](char const* expected) {
            return bad(line, "tabel " + table.name + ", kolom " + column.name + ": " + expected + " verwacht");
        };
        switch (column.kind) {
        case ColumnKind::Integer:
            if (value.is_number_unsigned() && value.get<unsigned long long>() > 9'223'372'036'854'775'807ULL) {
                return wrong("een geheel getal van hoogstens 64 bits");
            }
            if (!value.is_number_integer()) {
                return wrong("een geheel getal");
            }
            row[i] = std::to_string(value.get<long long>());
            break;
        case ColumnKind::Text:
            if (!value.is_string()) {
                return wrong("tekst");
            }
            row[i] = value.get<std::string>();
            break;
        case ColumnKind::Blob: {
            auto bytes = value.is_string() ? from_base64(value.get<std::string>()) : std::nullopt;
            if (!bytes) {
                return wrong("base64");
            }
            row[i] = std::move(*bytes);
            break;
        }
        }
    }
    return row;
}

}  // namespace

struct BackupFileWriter::State {
    std::string path;
    std::string temporary;
    std::ofstream out;
    Sha256 hash;
    bool finished = false;
};

BackupFileWriter::BackupFileWriter(std::unique_ptr<State> state) : m_state(std::move(state)) {}

BackupFileWriter::~BackupFileWriter()
{
    if (m_state && !m_state->finished) {
        m_state->out.close();
        std::error_code ec;
        std::filesystem::remove(m_state->temporary, ec);
    }
}

Result<std::unique_ptr<BackupFileWriter>> BackupFileWriter::create(std::string path)
{
    if (sodium_init() < 0) {
        return Error::internal("libsodium start niet");
    }
    auto state = std::make_unique<State>();
    state->path = path;
    state->temporary = path + ".tmp";
    state->out.open(state->temporary, std::ios::binary | std::ios::trunc);
    if (!state->out) {
        return Error::invalid("to", "kan " + path + " niet schrijven (bestaat de map, mag er geschreven worden?)");
    }
    return std::unique_ptr<BackupFileWriter>(new BackupFileWriter(std::move(state)));
}

Status BackupFileWriter::line(std::string const& text)
{
    std::string const bytes = text + "\n";
    m_state->hash.update(bytes);
    m_state->out << bytes;
    if (!m_state->out) {
        return Error::internal("schrijven naar " + m_state->temporary + " mislukt (schijf vol?)");
    }
    return ok_status();
}

Status BackupFileWriter::header(BackupHeader const& header)
{
    return line(header_json(header).dump());
}

Status BackupFileWriter::row(BackupTable const& table, TableRow const& row)
{
    json values = json::array();
    for (std::size_t i = 0; i < row.size(); ++i) {
        if (!row[i]) {
            values.push_back(nullptr);
        } else if (table.columns[i].kind == ColumnKind::Integer) {
            values.push_back(std::stoll(*row[i]));
        } else if (table.columns[i].kind == ColumnKind::Blob) {
            values.push_back(to_base64(*row[i]));
        } else {
            values.push_back(*row[i]);
        }
    }
    try {
        return line(json{{"t", table.name}, {"v", values}}.dump());
    } catch (json::exception const&) {
        return Error::internal("tabel " + table.name + ": een tekstwaarde is geen geldige UTF-8");
    }
}

Result<std::uintmax_t> BackupFileWriter::finish()
{
    auto& state = *m_state;
    state.out << json{{"sha256", state.hash.hex()}}.dump() << "\n";
    state.out.flush();
    state.out.close();
    if (!state.out) {
        return Error::internal("schrijven naar " + state.temporary + " mislukt (schijf vol?)");
    }
    // On disk before it gets its name: a crash right after cannot leave a complete-looking,
    // partly written backup.
    if (int const fd = ::open(state.temporary.c_str(), O_RDONLY); fd >= 0) {
        bool const synced = ::fsync(fd) == 0;
        ::close(fd);
        if (!synced) {
            return Error::internal("kan " + state.temporary + " niet naar schijf schrijven (fsync)");
        }
    }
    std::error_code ec;
    std::filesystem::rename(state.temporary, state.path, ec);
    if (ec) {
        return Error::invalid("to", "kan " + state.temporary + " niet hernoemen naar " + state.path + ": " + ec.message());
    }
    state.finished = true;
    auto const size = std::filesystem::file_size(state.path, ec);
    return ec ? std::uintmax_t{0} : size;
}

Status read_backup_file(std::string const& path, std::function<Status(BackupHeader const&)> const& on_header,
                        std::function<Status(std::size_t, TableRow const&)> const& on_row)
{
    if (sodium_init() < 0) {
        return Error::internal("libsodium start niet");
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        return Error::invalid("from", "kan " + path + " niet lezen (bestaat het?)");
    }
    Sha256 hash;
    std::string text;
    std::size_t number = 0;
    std::optional<BackupHeader> header;
    std::size_t current = 0;  // index of the table whose rows come now
    long long seen = 0;  // rows of that table so far
    std::optional<std::string> checksum;
    auto const close_tables_until = [&](std::size_t next, std::size_t line) -> Status {
        for (; current < next; ++current, seen = 0) {
            auto const& table = header->tables[current];
            if (seen != table.rows) {
                return bad(line, "tabel " + table.name + " heeft " + std::to_string(seen) + " rijen, de kop noemt er "
                                     + std::to_string(table.rows));
            }
        }
        return ok_status();
    };
    while (std::getline(in, text)) {
        ++number;
        if (checksum) {
            return bad(number, "tekst na de controleregel");
        }
        json j;
        try {
            j = json::parse(text);
        } catch (json::exception const&) {
            return bad(number, "geen geldige JSON (het bestand is beschadigd)");
        }
        if (!header) {
            header = TRY(parse_header(j));
            TRY(on_header(*header));
            hash.update(text + "\n");
            continue;
        }
        if (j.is_object() && j.contains("sha256") && !j.contains("t")) {
            if (!j["sha256"].is_string()) {
                return bad(number, "de controleregel heeft geen sha256-tekst");
            }
            checksum = j["sha256"].get<std::string>();
            continue;
        }
        hash.update(text + "\n");
        if (!j.is_object() || !j.contains("t") || !j["t"].is_string() || !j.contains("v")) {
            return bad(number, "een rij moet {\"t\": tabel, \"v\": [waarden]} zijn");
        }
        auto const name = j["t"].get<std::string>();
        std::size_t index = current;
        while (index < header->tables.size() && header->tables[index].name != name) {
            ++index;
        }
        if (index == header->tables.size()) {
            return bad(number, "tabel " + name + " staat niet (of niet op deze plaats) in de kop");
        }
        TRY(close_tables_until(index, number));
        auto const& table = header->tables[current];
        if (++seen > table.rows) {
            return bad(number, "tabel " + table.name + " heeft meer rijen dan de " + std::to_string(table.rows)
                                   + " die de kop noemt");
        }
        auto row = TRY(parse_row(number, table, j["v"]));
        TRY(on_row(current, row));
    }
    if (!header) {
        return Error::invalid("from", path + " is leeg");
    }
    if (!checksum) {
        return Error::invalid("from", "het bestand is onvolledig: de controleregel (sha256) aan het eind ontbreekt");
    }
    if (hash.hex() != *checksum) {
        return Error::invalid("from", "de controlesom (sha256) klopt niet: het bestand is beschadigd of gewijzigd");
    }
    return close_tables_until(header->tables.size(), number);
}

}  // namespace sterk
