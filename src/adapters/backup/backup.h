// File: backup.h
// A whole database to one file and back (issue 12, item 5), between SQLite and PostgreSQL in either
// direction. make_backup reads every table of the catalogue (uploaded documents included: their
// bytes are rows of `documents`) in one read transaction, so the server may keep running.
// restore_backup checks the whole file before it writes anything, migrates an empty target,
// refuses one with data unless `force`, and writes every row and sequence in one transaction.
//
// Example:
//   auto made = TRY(make_backup("sqlite:/var/lib/sterklabel/sterk.db", "sterk.backup", "2026-12-02T01:00:00Z", {}));
//   auto restored = TRY(restore_backup("sterk.backup", "postgresql://sterk@db/sterklabel", {}));
#pragma once

#include "adapters/backup/backup_file.h"
#include "core/result.h"

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

namespace sterk {

// TableProgress: `done` of `total` rows of `table`; called at least once per table, when it is done.
using TableProgress = std::function<void(std::string_view table, long long done, long long total)>;

struct BackupSummary {
    int tables = 0;
    long long rows = 0;
    std::uintmax_t bytes = 0;
};

// make_backup: errors name field "db" (unreadable database, no schema, another schema version
// than this program's) or "to" (the file cannot be written).
Result<BackupSummary> make_backup(std::string const& url, std::string const& path, std::string const& created_at,
                                  TableProgress const& progress);

enum class RestoreMode { EmptyTargetOnly, ReplaceExisting };

struct RestoreSummary {
    int tables = 0;
    long long rows = 0;
    std::uintmax_t bytes = 0;
    std::string created_at;  // of the backup
    std::string source;  // the backend it was made from
    bool replaced = false;  // the target held data that is now gone
};

// restore_backup: a problem with the file is InvalidArgument with field "from"; a target with
// data (without ReplaceExisting) is InvalidArgument with field "db"; nothing is written then.
Result<RestoreSummary> restore_backup(std::string const& path, std::string const& url, RestoreMode mode,
                                      TableProgress const& progress);

}  // namespace sterk
