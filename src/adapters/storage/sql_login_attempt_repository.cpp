#include "adapters/storage/sql_login_attempt_repository.h"

namespace sterk {

Result<Id> SqlLoginAttemptRepository::record_failure(std::string const& key, UnixTime at)
{
    return m_db.run("mislukte inlog opslaan", [&](soci::session& sql) -> Result<Id> {
        Id id = 0;
        sql << "INSERT INTO login_attempts (attempt_key, at) VALUES (:key, :at) RETURNING id", soci::use(key),
            soci::use(at), soci::into(id);
        return id;
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

Status SqlLoginAttemptRepository::clear_prefix(std::string const& prefix)
{
    return m_db.run("mislukte inlogs wissen", [&](soci::session& sql) -> Status {
        // substr rather than LIKE: an e-mail address may hold '_' or '%'.
        int const length = static_cast<int>(prefix.size());
        sql << "DELETE FROM login_attempts WHERE substr(attempt_key, 1, :length) = :prefix", soci::use(length),
            soci::use(prefix);
        return ok_status();
    });
}

Status SqlLoginAttemptRepository::remove(Id id)
{
    return m_db.run("inlogpoging wissen", [&](soci::session& sql) -> Status {
        sql << "DELETE FROM login_attempts WHERE id = :id", soci::use(id);
        return ok_status();
    });
}

Status SqlLoginAttemptRepository::lock(std::string const& key)
{
    if (m_db.backend() == Backend::Sqlite) {
        return ok_status();  // BEGIN IMMEDIATE holds SQLite's one write lock already
    }
    return m_db.run("inlogpogingen vergrendelen", [&](soci::session& sql) -> Status {
        int done = 0;
        sql << "SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtext(:key))) AS l", soci::use(key), soci::into(done);
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
