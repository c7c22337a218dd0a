// File: backup_file.h
// The backup file: JSON lines, readable with any text tool and checked as a whole.
//
//   {"format":"sterklabel-backup","version":1,"schema_version":18,"created_at":"2026-12-02T01:30:00Z",
//    "source":"sqlite","tables":[{"name":"organisations","rows":2,"sequence":2,
//                                  "columns":[{"name":"id","type":"integer"},...]},...]}
//   {"t":"organisations","v":[1,"member","WijkKracht",...]}      one line per row, tables in header order
//   ...
//   {"sha256":"<hex>"}                                              over every byte before this line
//
// An integer is a JSON number, text a string, a blob a base64 string, NULL null.
#pragma once

#include "adapters/storage/table_io.h"
#include "core/result.h"

#include <cstdint>
#include <fstream>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace sterk {

inline constexpr char const* kBackupFormat = "sterklabel-backup";
inline constexpr int kBackupFormatVersion = 1;

struct BackupTable {
    std::string name;
    long long rows = 0;
    std::optional<long long> sequence;  // tables with a generated key: the last key handed out
    std::vector<TableColumn> columns;
};

struct BackupHeader {
    int schema_version = 0;
    std::string created_at;
    std::string source;  // "sqlite" or "postgresql"
    std::vector<BackupTable> tables;
};

// BackupFileWriter: writes to PATH.tmp and renames it to PATH only when finished, so a backup
// that fails halfway leaves no file that looks complete.
class BackupFileWriter {
public:
    static Result<std::unique_ptr<BackupFileWriter>> create(std::string path);
    ~BackupFileWriter();

    Status header(BackupHeader const& header);
    Status row(BackupTable const& table, TableRow const& row);
    // finish: writes the checksum line, flushes and renames; returns the file's size in bytes.
    Result<std::uintmax_t> finish();

private:
    struct State;
    explicit BackupFileWriter(std::unique_ptr<State> state);
    Status line(std::string const& text);

    std::unique_ptr<State> m_state;
};

// read_backup_file: reads and checks the whole file: the header (format, version), every row
// (its table in header order, its values against the columns), the row counts and the checksum.
// `on_header` sees the header before any row, `on_row` each row with its table's index. Any problem
// is InvalidArgument with field "from", naming the line.
Status read_backup_file(std::string const& path, std::function<Status(BackupHeader const&)> const& on_header,
                        std::function<Status(std::size_t, TableRow const&)> const& on_row);

}  // namespace sterk
