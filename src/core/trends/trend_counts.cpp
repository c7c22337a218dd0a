#include "core/trends/trend_counts.h"

#include <set>

namespace sterk {

namespace {

void add(TrendCounters& counters, std::string const& group, std::string const& metric, std::string const& subject,
         std::string const& value, long n)
{
    counters[{group, metric, subject, value}] += n;
}

// contribution: what one fact counts, in every group it belongs to.
TrendCounters contribution(TrendFact const& fact)
{
    TrendCounters out;
    auto const groups = trend_groups(fact);
    for (auto const& group : groups) {
        add(out, group, "reports", "", "", 1);
        for (auto const& step : fact.steps) {
            add(out, group, "step", step.deadline, step.party, 1);
            add(out, group, "step_days", step.deadline, step.party, step.days_taken);
            add(out, group, "step_allowed", step.deadline, step.party, step.days_allowed);
            add(out, group, "step_late", step.deadline, step.party, step.days_taken > step.days_allowed ? 1 : 0);
        }
        if (group.rfind("ci:", 0) == 0) {
            continue;  // per CI only the steps (the secretariat's view of turnaround)
        }
        for (auto const& [norm, verdict] : fact.verdicts) {
            add(out, group, "verdict", norm, verdict_symbol(verdict), 1);
            if (auto const own = fact.self_verdicts.find(norm); own != fact.self_verdicts.end()) {
                add(out, group, "calibration", norm, own->second == verdict ? "agree" : "differ", 1);
            }
        }
        for (auto const& norm : fact.strong_norms) {
            add(out, group, "strong", norm, "", 1);
        }
        for (auto const& norm : fact.improvement_norms) {
            add(out, group, "improvement", norm, "", 1);
        }
    }
    return out;
}

}  // namespace

std::string trend_group(std::string const& year, std::string const& variant, std::string const& band)
{
    return year + "|" + variant + "|" + band;
}

std::string ci_group(Id ci_id)
{
    return "ci:" + std::to_string(ci_id);
}

std::vector<std::string> trend_groups(TrendFact const& fact)
{
    std::vector<std::string> groups;
    for (auto const& year : {std::to_string(fact.year), std::string{"*"}}) {
        for (auto const& variant : {fact.variant, std::string{"*"}}) {
            for (auto const& band : {fact.band, std::string{"*"}}) {
                groups.push_back(trend_group(year, variant, band));
            }
        }
    }
    groups.push_back(ci_group(fact.ci_id));
    return groups;
}

TrendDelta trend_delta(std::optional<TrendFact> const& before, std::optional<TrendFact> const& after)
{
    TrendDelta delta;
    if (after) {
        delta.counters = contribution(*after);
        for (auto const& group : trend_groups(*after)) {
            delta.members[{group, after->member_id}] += 1;
        }
    }
    if (before) {
        for (auto const& [key, n] : contribution(*before)) {
            delta.counters[key] -= n;
        }
        for (auto const& group : trend_groups(*before)) {
            delta.members[{group, before->member_id}] -= 1;
        }
    }
    std::erase_if(delta.counters, [](auto const& entry) { return entry.second == 0; });
    std::erase_if(delta.members, [](auto const& entry) { return entry.second == 0; });
    return delta;
}

TrendCounters count_facts(std::vector<TrendFact> const& facts)
{
    TrendCounters counters;
    std::map<std::string, std::set<Id>> members;
    for (auto const& fact : facts) {
        for (auto const& [key, n] : contribution(fact)) {
            counters[key] += n;
        }
        for (auto const& group : trend_groups(fact)) {
            members[group].insert(fact.member_id);
        }
    }
    for (auto const& [group, ids] : members) {
        counters[{group, "organisations", "", ""}] = static_cast<long>(ids.size());
    }
    std::erase_if(counters, [](auto const& entry) { return entry.second == 0; });
    return counters;
}

}  // namespace sterk
