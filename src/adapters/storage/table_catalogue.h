// File: table_catalogue.h
// The one list of the schema's tables, for whatever must visit all of them (backup and restore).
// Ordered so that every foreign key points at a table earlier in the list: restoring in this order
// and deleting in the reverse order never breaks a reference. schema_version itself is not in it;
// the storage suite fails when a migration adds a table this list lacks.
//
// Example:
//   for (CatalogueTable const& table : table_catalogue()) { copy(table.name); }
#pragma once

#include <span>
#include <string_view>

namespace sterk {

// CatalogueTable: a table and, when it has one, the column whose values a sequence hands out
// (SQLite AUTOINCREMENT, PostgreSQL GENERATED ALWAYS AS IDENTITY).
struct CatalogueTable {
    std::string_view name;
    std::string_view identity;  // empty: no generated key
};

std::span<CatalogueTable const> table_catalogue();

}  // namespace sterk
