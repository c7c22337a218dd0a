// File: table_io.h
// Whole tables in and out of a Database, for backup and restore: the columns as the database
// declares them, every row in a stable order, the sequences behind generated keys. Reading happens
// in one read transaction (a snapshot, so a running server may keep writing); writing happens in
// one write transaction. Values travel as text: an integer as its decimal digits, a blob as its
// raw bytes, NULL as nullopt.
//
// Example:
//   TRY(read_tables(db, [&](TableReader& reader) -> Status {
//       auto columns = TRY(reader.columns("users"));
//       return reader.rows("users", columns, [&](TableRow const& row) { return write(row); });
//   }));
#pragma once

#include "adapters/storage/database.h"
#include "adapters/storage/table_catalogue.h"
#include "core/result.h"

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sterk {

enum class ColumnKind { Integer, Text, Blob };

struct TableColumn {
    std::string name;
    ColumnKind kind = ColumnKind::Text;

    bool operator==(TableColumn const&) const = default;
};

using TableRow = std::vector<std::optional<std::string>>;

// column_kind_name / parse_column_kind: "integer", "text", "blob".
std::string_view column_kind_name(ColumnKind kind);
std::optional<ColumnKind> parse_column_kind(std::string_view name);

// TableReader: reads inside the snapshot of read_tables. Errors are internal (database) errors.
class TableReader {
public:
    TableReader(soci::session& sql, Backend backend) : m_sql(sql), m_backend(backend) {}

    // columns: in declaration order; an unknown column type is an internal error.
    Result<std::vector<TableColumn>> columns(std::string_view table);
    Result<long long> count(std::string_view table);
    // rows: every row, ordered by its columns (blobs excepted), handed to `each` one at a time.
    Status rows(std::string_view table, std::vector<TableColumn> const& columns,
                std::function<Status(TableRow const&)> const& each);
    // last_generated: the highest key the table's sequence has handed out (0 when none), at
    // least the highest key present.
    Result<long long> last_generated(CatalogueTable const& table);

private:
    soci::session& m_sql;
    Backend m_backend;
};

// read_tables: `work` inside one read-only transaction: SQLite's deferred BEGIN (the first read
// fixes the snapshot; WAL lets writers go on), PostgreSQL's REPEATABLE READ READ ONLY.
Status read_tables(Database& db, std::function<Status(TableReader&)> const& work);

// TableWriter: writes inside the transaction of write_tables.
class TableWriter {
public:
    TableWriter(soci::session& sql, Backend backend);
    ~TableWriter();

    Result<std::vector<TableColumn>> columns(std::string_view table);
    // first_table_with_rows: the first catalogue table that holds a row, nullopt when all are empty.
    Result<std::optional<std::string>> first_table_with_rows();
    // clear: empties every catalogue table, the append-only ones included (their triggers are
    // set aside for the delete and restored), and SQLite's sequences.
    Status clear();
    // begin_table / insert: rows with their keys as given (PostgreSQL: OVERRIDING SYSTEM VALUE).
    Status begin_table(CatalogueTable const& table, std::vector<TableColumn> const& columns);
    Status insert(TableRow const& row);
    // set_last_generated: the table's sequence continues after `last` (nothing handed out for 0).
    Status set_last_generated(CatalogueTable const& table, long long last);

private:
    struct Insert;

    soci::session& m_sql;
    Backend m_backend;
    std::unique_ptr<Insert> m_insert;
};

// write_tables: `work` in one write transaction; rolled back when it returns an error.
Status write_tables(Database& db, std::function<Status(TableWriter&)> const& work);

}  // namespace sterk
