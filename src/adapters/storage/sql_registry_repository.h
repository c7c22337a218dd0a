// File: sql_registry_repository.h
// SqlRegistryRepository: RegistryRepository on `member_profiles` and `ci_profiles`, keyed by the
// organisation. Dates are stored as YYYY-MM-DD text, '' for none.
#pragma once

#include "adapters/storage/database.h"
#include "core/ports/store.h"

namespace sterk {

class SqlRegistryRepository final : public RegistryRepository {
public:
    explicit SqlRegistryRepository(Database& db) : m_db(db) {}

    Status save_member(MemberProfile const& profile) override;
    Result<std::optional<MemberProfile>> find_member(Id organisation_id) override;
    Status save_ci(CiProfile const& profile) override;
    Result<std::optional<CiProfile>> find_ci(Id organisation_id) override;

private:
    Database& m_db;
};

}  // namespace sterk
