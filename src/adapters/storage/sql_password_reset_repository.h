// File: sql_password_reset_repository.h
// SqlPasswordResetRepository: PasswordResetRepository on the `password_resets` table.
#pragma once

#include "adapters/storage/database.h"
#include "core/ports/store.h"

namespace sterk {

class SqlPasswordResetRepository final : public PasswordResetRepository {
public:
    explicit SqlPasswordResetRepository(Database& db) : m_db(db) {}

    Status create(PasswordReset const& reset) override;
    Result<std::optional<PasswordReset>> find(std::string const& token_hash) override;
    // mark_used: sets used_at only when the reset is still unused, so of two requests racing with
    // one token only one succeeds; the other gets InvalidArgument (field "token"), as does an
    // unknown token.
    Status mark_used(std::string const& token_hash, UnixTime at) override;
    Status invalidate_for_user(Id user_id, UnixTime at) override;

private:
    Database& m_db;
};

}  // namespace sterk
