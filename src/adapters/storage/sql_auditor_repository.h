// File: sql_auditor_repository.h
// SqlAuditorRepository: AuditorRepository on `auditors` and `auditor_ties` (one row per declared
// tie, in the order given). Dates are YYYY-MM-DD text, '' for none.
#pragma once

#include "adapters/storage/database.h"
#include "core/ports/store.h"

namespace sterk {

class SqlAuditorRepository final : public AuditorRepository {
public:
    explicit SqlAuditorRepository(Database& db) : m_db(db) {}

    Result<Id> create(Auditor const& auditor) override;
    Status update(Auditor const& auditor) override;
    Result<std::optional<Auditor>> find(Id id) override;
    Result<std::vector<Auditor>> list() override;

private:
    Database& m_db;
};

}  // namespace sterk
