#include "adapters/storage/sql_login_attempt_repository.h"

namespace sterk {

Status SqlLoginAttemptRepository::record_failure(std::string const& key, UnixTime at)
{
    return m_db.run("mislukte inlog opslaan", [&](soci::session& sql) -> Status {
        sql << "INSERT INTO login_attempts (attempt_key, at) VALUES (:key, :at)", soci::use(key), soci::use(at);
        return ok_status();
    });
}

Result<int> SqlLoginAttemptRepository::failures_since(std::string const& key, UnixTime since)
{
    return m_db.run("mislukte inlogs tellen", [&](soci::session& sql) -> Result<int> {
        // COUNT is BIGINT on PostgreSQL: read it as such.
        long long count = 0;
        sql << "SELECT COUNT(*) FROM login_attempts WHERE attempt_key = :key AND at >= :since", soci::use(key),
            soci::use(since), soci::into(count);
        return static_cast<int>(count);
    });
}

Status SqlLoginAttemptRepository::clear(std::string const& key)
{
    return m_db.run("mislukte inlogs wissen", [&](soci::session& sql) -> Status {
        sql << "DELETE FROM login_attempts WHERE attempt_key = :key", soci::use(key);
        return ok_status();
    });
}

Status SqlLoginAttemptRepository::remove_older_than(UnixTime before)
{
    return m_db.run("oude mislukte inlogs wissen", [&](soci::session& sql) -> Status {
        sql << "DELETE FROM login_attempts WHERE at < :before", soci::use(before);
        return ok_status();
    });
}

}  // namespace sterk
