// Helpers the storage suites share: the PostgreSQL server CI gives them (TEST_PG_URL) and a plain
// SOCI session on a database URL, for checks below the store's own interface.
#pragma once

#include "adapters/storage/database_url.h"

#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <cstdlib>
#include <memory>
#include <stdexcept>
#include <string>

namespace sterk::test {

// pg_base_url: TEST_PG_URL, or nullptr when it is unset or empty.
inline char const* pg_base_url()
{
    char const* url = std::getenv("TEST_PG_URL");
    return url != nullptr && *url != '\0' ? url : nullptr;
}

// raw_session: a SOCI session on `url` (sqlite:… or postgresql://…); throws on a bad URL.
inline std::unique_ptr<soci::session> raw_session(std::string const& url)
{
    auto parsed = parse_database_url(url);
    if (!parsed) {
        throw std::runtime_error(parsed.error().message);
    }
    if (parsed->backend == Backend::Sqlite) {
        return std::make_unique<soci::session>(soci::sqlite3, parsed->connect_string);
    }
    return std::make_unique<soci::session>(soci::postgresql, parsed->connect_string);
}

}  // namespace sterk::test
