// File: sql_session_repository.h
// SqlSessionRepository: SessionRepository on the `sessions` table (keyed by the token's hash).
#pragma once

#include "adapters/storage/database.h"
#include "core/ports/store.h"

namespace sterk {

class SqlSessionRepository final : public SessionRepository {
public:
    explicit SqlSessionRepository(Database& db) : m_db(db) {}

    Status create(Session const& session) override;
    Result<std::optional<Session>> find(std::string const& token_hash) override;
    Status remove(std::string const& token_hash) override;
    Status remove_for_user(Id user_id) override;
    // remove_expired: removes every session with expires_at <= now.
    Status remove_expired(UnixTime now) override;

private:
    Database& m_db;
};

}  // namespace sterk
