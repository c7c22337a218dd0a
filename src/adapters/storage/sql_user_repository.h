// File: sql_user_repository.h
// SqlUserRepository: UserRepository on the `users` table. E-mail addresses are stored and looked
// up lower-case (ASCII), which makes the UNIQUE constraint case-insensitive.
#pragma once

#include "adapters/storage/database.h"
#include "core/ports/store.h"

namespace sterk {

class SqlUserRepository final : public UserRepository {
public:
    explicit SqlUserRepository(Database& db) : m_db(db) {}

    Result<Id> create(User const& user) override;
    Result<std::optional<User>> find(Id id) override;
    Result<std::optional<User>> find_by_email(std::string const& email) override;
    Result<std::vector<User>> list() override;
    // set_password_hash: NotFound when there is no such user.
    Status set_password_hash(Id id, std::string const& password_hash) override;
    Status set_role(Id id, Role role, std::optional<Id> organisation_id) override;
    Status set_active(Id id, bool active) override;
    Status set_language(Id id, std::string const& language) override;

private:
    Database& m_db;
};

}  // namespace sterk
