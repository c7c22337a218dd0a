// File: sql_organisation_repository.h
// SqlOrganisationRepository: OrganisationRepository on the `organisations` table.
#pragma once

#include "adapters/storage/database.h"
#include "core/ports/store.h"

namespace sterk {

class SqlOrganisationRepository final : public OrganisationRepository {
public:
    explicit SqlOrganisationRepository(Database& db) : m_db(db) {}

    Result<Id> create(Organisation const& organisation) override;
    Status update(Organisation const& organisation) override;
    Result<std::optional<Organisation>> find(Id id) override;
    Result<std::vector<Organisation>> list() override;

private:
    Database& m_db;
};

}  // namespace sterk
