// File: database_url.h
// DatabaseUrl: the --db / STERK_DB value taken apart into what SOCI needs. SOCI did not parse a
// PostgreSQL URL, so the URL becomes a libpq key=value string here.
//
// Example:
//   auto url = TRY(parse_database_url("postgresql://sterk:geheim@127.0.0.1:5432/sterklabel"));
//   // url.connect_string == "host='127.0.0.1' port='5432' dbname='sterklabel' user='sterk' password='geheim'"
#pragma once

#include "core/result.h"

#include <string>

namespace sterk {

enum class Backend { Sqlite, Postgresql };

struct DatabaseUrl {
    Backend backend = Backend::Sqlite;
    std::string connect_string;  // for soci::session
    std::string sqlite_path;  // Sqlite only: the database file
    // masked: the URL as it may be shown (logs, --config-dump): every password, in the user
    // part or as a `password=` parameter, replaced by "***".
    std::string masked;
};

// parse_database_url: `sqlite:PATH` or `postgresql://USER[:PASS]@HOST[:PORT]/DB[?key=value&...]`
// (`postgres://` too). Percent-escapes are decoded; query parameters pass through to libpq
// (e.g. sslmode=require, options=-csearch_path%3Dother). InvalidArgument (field "db") otherwise.
Result<DatabaseUrl> parse_database_url(std::string const& url);

}  // namespace sterk
