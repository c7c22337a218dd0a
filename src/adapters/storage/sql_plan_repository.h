// File: sql_plan_repository.h
// SqlPlanRepository: PlanRepository on `plan_rounds` (each submitted round of an improvement
// plan, frozen, with the CI's decision).
#pragma once

#include "adapters/storage/database.h"
#include "core/ports/store.h"

namespace sterk {

class SqlPlanRepository final : public PlanRepository {
public:
    explicit SqlPlanRepository(Database& db) : m_db(db) {}

    Status add_round(PlanRoundRecord const& round) override;
    Result<std::vector<PlanRoundRecord>> rounds(Id trajectory_id) override;
    Status assess_round(PlanRoundRecord const& round) override;

private:
    Database& m_db;
};

}  // namespace sterk
