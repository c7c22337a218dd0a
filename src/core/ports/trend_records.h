// File: trend_records.h
// TrendRepository: the trend analysis's stored facts (one per trajectory with final findings,
// table `trend_facts`, its verdicts also in `trend_verdicts` for plain SQL) and the counters
// kept from them (`trend_counts`, `trend_members`; core/trends/trend_counts.h). Writes run in the
// caller's transaction: the fact and its counters change with the event that changed them.
#pragma once

#include "core/result.h"
#include "core/trends/trend_counts.h"

#include <optional>
#include <vector>

namespace sterk {

class TrendRepository {
public:
    virtual ~TrendRepository() = default;
    virtual Result<std::optional<TrendFact>> find(Id trajectory_id) = 0;
    virtual Result<std::vector<TrendFact>> facts() = 0;
    virtual Result<std::vector<TrendFact>> facts_of_member(Id member_id) = 0;
    // store: the trajectory's fact replaced by `fact` (none: removed) and `delta` applied to the
    // counters; a member whose count in a group goes from 0 to 1 (or back) moves that group's
    // organisations counter. Counters that reach 0 are removed.
    virtual Status store(Id trajectory_id, std::optional<TrendFact> const& fact, TrendDelta const& delta) = 0;
    // replace_all: every fact and counter replaced at once (a rebuild, the demo data).
    virtual Status replace_all(std::vector<TrendFact> const& facts) = 0;
    // counters: the stored counters of these groups.
    virtual Result<TrendCounters> counters(std::vector<std::string> const& groups) = 0;
    virtual Result<TrendCounters> all_counters() = 0;
    // years: the years with a fact, ascending.
    virtual Result<std::vector<int>> years() = 0;
    // verdicts_grouped: the benchmark's anchor: the verdict counts per year, norm and verdict of a
    // selection by one plain GROUP BY over the stored verdicts (no counters).
    virtual Result<TrendCounters> verdicts_grouped(std::string const& variant, std::string const& band) = 0;
};

}  // namespace sterk
