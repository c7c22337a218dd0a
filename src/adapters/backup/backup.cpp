#include "adapters/backup/backup.h"

#include "adapters/storage/database.h"
#include "adapters/storage/database_url.h"
#include "adapters/storage/migrations.h"
#include "adapters/storage/open_store.h"
#include "adapters/storage/table_catalogue.h"
#include "adapters/storage/table_io.h"

#include <filesystem>

namespace sterk {

namespace {

constexpr long long kProgressEvery = 500;

std::string backend_name(Backend backend)
{
    return backend == Backend::Sqlite ? "sqlite" : "postgresql";
}

Result<std::unique_ptr<Database>> connect(std::string const& url)
{
    auto const parsed = TRY(parse_database_url(url));
    return Database::connect(parsed);
}

// check_against_catalogue: the file's tables are this program's, in its order.
Status check_against_catalogue(BackupHeader const& header)
{
    if (header.schema_version != binary_schema_version()) {
        return Error::invalid("from", "de backup heeft schemaversie " + std::to_string(header.schema_version)
                                          + ", deze sterklabel " + std::to_string(binary_schema_version())
                                          + ": herstel met de versie van sterklabel waarmee de backup is gemaakt");
    }
    auto const tables = table_catalogue();
    if (header.tables.size() != tables.size()) {
        return Error::invalid("from", "de kop noemt " + std::to_string(header.tables.size()) + " tabellen, het schema heeft er "
                                          + std::to_string(tables.size()));
    }
    for (std::size_t i = 0; i < tables.size(); ++i) {
        if (header.tables[i].name != tables[i].name) {
            return Error::invalid("from", "tabel " + std::to_string(i + 1) + " in de kop is " + header.tables[i].name
                                              + ", verwacht " + std::string{tables[i].name});
        }
        if (header.tables[i].sequence.has_value() != !tables[i].identity.empty()) {
            return Error::invalid("from", "tabel " + header.tables[i].name + ": sequence hoort er "
                                              + (tables[i].identity.empty() ? "niet" : "wel") + " bij");
        }
    }
    return ok_status();
}

}  // namespace

Result<BackupSummary> make_backup(std::string const& url, std::string const& path, std::string const& created_at,
                                  TableProgress const& progress)
{
    int const version = TRY(database_schema_version(url));
    if (version == 0) {
        return Error::invalid("db", "de database heeft geen schema (leeg of onbekend): er is niets te bewaren");
    }
    if (version != binary_schema_version()) {
        return Error::precondition("de database heeft schemaversie " + std::to_string(version) + ", deze sterklabel "
                                   + std::to_string(binary_schema_version())
                                   + ": maak de backup met de sterklabel die bij de database hoort");
    }
    auto db = TRY(connect(url));
    auto writer = TRY(BackupFileWriter::create(path));
    BackupSummary summary;
    TRY(read_tables(*db, [&](TableReader& reader) -> Status {
        BackupHeader header;
        header.schema_version = version;
        header.created_at = created_at;
        header.source = backend_name(db->backend());
        for (CatalogueTable const& entry : table_catalogue()) {
            BackupTable table;
            table.name = std::string{entry.name};
            table.columns = TRY(reader.columns(entry.name));
            table.rows = TRY(reader.count(entry.name));
            if (!entry.identity.empty()) {
                table.sequence = TRY(reader.last_generated(entry));
            }
            header.tables.push_back(std::move(table));
        }
        TRY(writer->header(header));
        for (auto const& table : header.tables) {
            long long done = 0;
            TRY(reader.rows(table.name, table.columns, [&](TableRow const& row) -> Status {
                TRY(writer->row(table, row));
                if (++done % kProgressEvery == 0 && progress) {
                    progress(table.name, done, table.rows);
                }
                return ok_status();
            }));
            if (done != table.rows) {
                return Error::internal("tabel " + table.name + ": " + std::to_string(done) + " rijen gelezen, "
                                       + std::to_string(table.rows) + " geteld");
            }
            if (progress) {
                progress(table.name, done, table.rows);
            }
            ++summary.tables;
            summary.rows += done;
        }
        return ok_status();
    }));
    summary.bytes = TRY(writer->finish());
    return summary;
}

Result<RestoreSummary> restore_backup(std::string const& path, std::string const& url, RestoreMode mode,
                                      TableProgress const& progress)
{
    // First the whole file, before the target is even opened.
    BackupHeader header;
    TRY(read_backup_file(
        path,
        [&](BackupHeader const& read) -> Status {
            TRY(check_against_catalogue(read));
            header = read;
            return ok_status();
        },
        [](std::size_t, TableRow const&) -> Status { return ok_status(); }));

    int const version = TRY(database_schema_version(url));
    if (version > binary_schema_version()) {
        return newer_database_error(version);
    }
    if (version != 0 && version != binary_schema_version()) {
        return Error::precondition("de doeldatabase heeft schemaversie " + std::to_string(version)
                                   + "; draai eerst `sterklabel migrate` op die database");
    }
    auto db = TRY(connect(url));
    if (version == 0) {
        TRY(migrate(*db));
    }

    RestoreSummary summary;
    summary.created_at = header.created_at;
    summary.source = header.source;
    auto const tables = table_catalogue();
    TRY(write_tables(*db, [&](TableWriter& writer) -> Status {
        if (auto const filled = TRY(writer.first_table_with_rows()); filled) {
            if (mode != RestoreMode::ReplaceExisting) {
                return Error::invalid("db", "de doeldatabase is niet leeg (tabel " + *filled
                                                + " heeft rijen); er is niets geschreven. Gebruik --force om alles te vervangen");
            }
            TRY(writer.clear());
            summary.replaced = true;
        }
        for (auto const& table : header.tables) {
            auto const columns = TRY(writer.columns(table.name));
            if (columns != table.columns) {
                return Error::invalid("from", "tabel " + table.name + ": de kolommen in de backup verschillen van die in de database");
            }
        }
        std::size_t next = 0;  // the first table not yet begun
        long long done = 0;
        auto const finish_until = [&](std::size_t index) {
            for (; next < index; ++next) {
                if (progress) {
                    progress(header.tables[next].name, header.tables[next].rows, header.tables[next].rows);
                }
                summary.rows += header.tables[next].rows;
                ++summary.tables;
            }
        };
        std::optional<std::size_t> open;
        TRY(read_backup_file(
            path, [](BackupHeader const&) -> Status { return ok_status(); },
            [&](std::size_t index, TableRow const& row) -> Status {
                if (open != index) {
                    finish_until(index);
                    TRY(writer.begin_table(tables[index], header.tables[index].columns));
                    open = index;
                    done = 0;
                }
                TRY(writer.insert(row));
                if (++done % kProgressEvery == 0 && progress) {
                    progress(header.tables[index].name, done, header.tables[index].rows);
                }
                return ok_status();
            }));
        finish_until(header.tables.size());
        for (std::size_t i = 0; i < tables.size(); ++i) {
            if (!tables[i].identity.empty()) {
                TRY(writer.set_last_generated(tables[i], header.tables[i].sequence.value_or(0)));
            }
        }
        return ok_status();
    }));
    std::error_code ec;
    summary.bytes = std::filesystem::file_size(path, ec);
    return summary;
}

}  // namespace sterk
