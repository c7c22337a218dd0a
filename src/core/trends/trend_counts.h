// File: trend_counts.h
// TrendCounters: the trend analysis kept as counters per group, so a page reads a few hundred
// rows however many audits there are (issue 12 "fast at scale"). A fact counts in eight groups,
// "YEAR|VARIANT|BAND" with "*" for "all" in any place, and (for the secretariat's per-CI steps)
// in "ci:ID". When a fact changes, trend_delta gives exactly what to add and take away; the
// stored counters must always equal count_facts over the stored facts (tests check).
//
// Example:
//   auto delta = trend_delta(old_fact, new_fact);   // either may be none
//   for (auto const& [key, n] : delta.counters) { ... n may be negative ... }
#pragma once

#include "core/trends/trend_fact.h"

#include <compare>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace sterk {

// What the counters count (metric), about what (subject: a norm code, a deadline key) and which
// (value: a verdict symbol, a party):
//   reports        -            -            one per fact
//   organisations  -            -            distinct members (kept from the member counts)
//   verdict        norm         symbol
//   strong         norm         -            named in the strong points
//   improvement    norm         -            named in the main improvement points
//   calibration    norm         agree|differ the member's self-evaluation verdict against the audit's
//   step           deadline     party        met deadlines; step_days, step_allowed, step_late beside
struct CounterKey {
    std::string group;
    std::string metric;
    std::string subject;
    std::string value;
    auto operator<=>(CounterKey const&) const = default;
};
using TrendCounters = std::map<CounterKey, long>;

// MemberKey: one member in one group (the organisations counter follows these).
struct MemberKey {
    std::string group;
    Id member_id = 0;
    auto operator<=>(MemberKey const&) const = default;
};

std::string trend_group(std::string const& year, std::string const& variant, std::string const& band);
std::string ci_group(Id ci_id);
// trend_groups: the groups a fact counts in (the eight combinations, then its CI's).
std::vector<std::string> trend_groups(TrendFact const& fact);

// TrendDelta: counters and member counts to add (negative: take away) when `before` becomes
// `after`; keys that do not change are left out. The organisations counter is not in it: the
// store moves it when a member's count in a group goes from 0 to 1 or back.
struct TrendDelta {
    TrendCounters counters;
    std::map<MemberKey, long> members;
};
TrendDelta trend_delta(std::optional<TrendFact> const& before, std::optional<TrendFact> const& after);

// count_facts: the counters from scratch, organisations included.
TrendCounters count_facts(std::vector<TrendFact> const& facts);

}  // namespace sterk
