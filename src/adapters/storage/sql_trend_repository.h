// File: sql_trend_repository.h
// SqlTrendRepository: TrendRepository on `trend_facts` (the fact's text, core/trends/trend_fact.h),
// `trend_verdicts`, `trend_counts` and `trend_members`. Counters are moved with an upsert that adds
// to the stored value, so two servers changing one counter at once both count.
#pragma once

#include "adapters/storage/database.h"
#include "core/ports/trend_records.h"

namespace sterk {

class SqlTrendRepository final : public TrendRepository {
public:
    explicit SqlTrendRepository(Database& db) : m_db(db) {}

    Result<std::optional<TrendFact>> find(Id trajectory_id) override;
    Result<std::vector<TrendFact>> facts() override;
    Result<std::vector<TrendFact>> facts_of_member(Id member_id) override;
    Status store(Id trajectory_id, std::optional<TrendFact> const& fact, TrendDelta const& delta) override;
    Status replace_all(std::vector<TrendFact> const& facts) override;
    Result<TrendCounters> counters(std::vector<std::string> const& groups) override;
    Result<TrendCounters> all_counters() override;
    Result<std::vector<int>> years() override;
    Result<TrendCounters> verdicts_grouped(std::string const& variant, std::string const& band) override;

private:
    Database& m_db;
};

}  // namespace sterk
