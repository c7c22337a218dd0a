// File: open_store.h
// The storage adapter's entry points: open a Store on a database URL, and inspect or migrate the
// schema. URLs: `sqlite:PATH` (file and directory are created when absent) or
// `postgresql://USER[:PASS]@HOST:PORT/DB`. An unparsable URL is InvalidArgument with field "db".
//
// Example:
//   auto store = TRY(open_store(config.db_url, MigrationMode::RequireCurrent));  // `serve`
//   TRY(migrate_database(config.db_url));  // `sterklabel migrate`
#pragma once

#include "core/ports/store.h"
#include "core/result.h"

#include <memory>
#include <string>

namespace sterk {

// MigrationMode: Migrate brings an older database up to date while opening; RequireCurrent refuses
// it ("draai `sterklabel migrate`"). Both refuse a database newer than this program.
enum class MigrationMode { Migrate, RequireCurrent };

Result<std::unique_ptr<Store>> open_store(std::string const& url, MigrationMode mode);

// binary_schema_version: the schema version this program writes and expects.
int binary_schema_version();

// database_schema_version: the version recorded in the database; 0 for an empty one. Changes
// nothing (a missing SQLite file is reported as 0 and not created).
Result<int> database_schema_version(std::string const& url);

// migrate_database: applies every missing migration step.
Status migrate_database(std::string const& url);

}  // namespace sterk
