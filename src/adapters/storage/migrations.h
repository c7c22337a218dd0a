// File: migrations.h
// The schema as an append-only list of steps (migrations.cpp). The schema version of a database
// is the number of steps applied, kept in the one-row table schema_version.
#pragma once

#include "adapters/storage/database.h"
#include "core/result.h"

namespace sterk {

// binary_schema_version: the number of steps this program knows.
int binary_schema_version();

// read_schema_version: the version recorded in the database; 0 when it has no schema_version table.
Result<int> read_schema_version(Database& db);

// migrate: applies the missing steps, each in its own transaction with the bump of schema_version.
// FailedPrecondition when the database is newer than this program.
Status migrate(Database& db);

// newer_database_error: "database heeft schemaversie N, dit programma kent t/m M".
Error newer_database_error(int database_version);

}  // namespace sterk
