#include "adapters/storage/open_store.h"

#include "adapters/storage/database.h"
#include "adapters/storage/database_url.h"
#include "adapters/storage/migrations.h"
#include "adapters/storage/sql_store.h"

#include <filesystem>

namespace sterk {

Result<std::unique_ptr<Store>> open_store(std::string const& url, MigrationMode mode)
{
    auto parsed = TRY(parse_database_url(url));
    auto db = TRY(Database::connect(parsed));
    int const version = TRY(read_schema_version(*db));
    if (version > binary_schema_version()) {
        return newer_database_error(version);
    }
    if (version < binary_schema_version()) {
        if (mode == MigrationMode::RequireCurrent) {
            return Error::precondition("database heeft schemaversie " + std::to_string(version)
                                       + "; draai `sterklabel migrate`");
        }
        TRY(migrate(*db));
    }
    return std::unique_ptr<Store>(std::make_unique<SqlStore>(std::move(db)));
}

Result<int> database_schema_version(std::string const& url)
{
    auto parsed = TRY(parse_database_url(url));
    if (parsed.backend == Backend::Sqlite) {
        std::error_code ec;
        if (!std::filesystem::exists(parsed.sqlite_path, ec)) {
            return 0;
        }
    }
    auto db = TRY(Database::connect(parsed));
    return read_schema_version(*db);
}

Status migrate_database(std::string const& url)
{
    auto parsed = TRY(parse_database_url(url));
    auto db = TRY(Database::connect(parsed));
    return migrate(*db);
}

}  // namespace sterk
