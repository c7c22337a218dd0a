// File: sql_login_attempt_repository.h
// SqlLoginAttemptRepository: LoginAttemptRepository on the `login_attempts` table, one row per
// failed login.
#pragma once

#include "adapters/storage/database.h"
#include "core/ports/store.h"

namespace sterk {

class SqlLoginAttemptRepository final : public LoginAttemptRepository {
public:
    explicit SqlLoginAttemptRepository(Database& db) : m_db(db) {}

    Result<Id> record_failure(std::string const& key, UnixTime at) override;
    // failures_since: failures for `key` with at >= since.
    Result<int> failures_since(std::string const& key, UnixTime since) override;
    Status clear(std::string const& key) override;
    Status clear_prefix(std::string const& prefix) override;
    Status remove(Id id) override;
    Status remove_older_than(UnixTime before) override;
    Status lock(std::string const& key) override;

private:
    Database& m_db;
};

}  // namespace sterk
