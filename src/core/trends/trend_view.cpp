#include "core/trends/trend_view.h"

#include <algorithm>

namespace sterk {

namespace {

std::string year_key(int year)
{
    return year == 0 ? std::string{"*"} : std::to_string(year);
}

long count_of(TrendCounters const& counters, std::string const& group, std::string const& metric,
              std::string const& subject = "", std::string const& value = "")
{
    auto const found = counters.find({group, metric, subject, value});
    return found == counters.end() ? 0 : found->second;
}

VerdictTally verdicts_of(TrendCounters const& counters, std::string const& group, std::string const& norm)
{
    return {count_of(counters, group, "verdict", norm, verdict_symbol(Verdict::Met)),
            count_of(counters, group, "verdict", norm, verdict_symbol(Verdict::Partly)),
            count_of(counters, group, "verdict", norm, verdict_symbol(Verdict::NotMet)),
            count_of(counters, group, "verdict", norm, verdict_symbol(Verdict::NotApplicable))};
}

void add_to(VerdictTally& into, VerdictTally const& counts)
{
    into.met += counts.met;
    into.partly += counts.partly;
    into.not_met += counts.not_met;
    into.not_applicable += counts.not_applicable;
}

std::vector<StepTrend> steps_of(NormFramework const& framework, TrendCounters const& counters, std::string const& group)
{
    std::vector<StepTrend> steps;
    for (auto const& rule : framework.procedure.deadlines) {
        long const met = count_of(counters, group, "step", rule.key, rule.actor);
        if (met == 0) {
            continue;
        }
        StepTrend step;
        step.deadline = rule.key;
        step.label = rule.label;
        step.party = rule.actor;
        step.met = met;
        step.mean_days = static_cast<double>(count_of(counters, group, "step_days", rule.key, rule.actor)) / met;
        step.mean_allowed = static_cast<double>(count_of(counters, group, "step_allowed", rule.key, rule.actor)) / met;
        step.late = count_of(counters, group, "step_late", rule.key, rule.actor);
        steps.push_back(std::move(step));
    }
    return steps;
}

// ranked: the norms with a count, most first (ties in framework order), at most TREND_TOP.
std::vector<RankedNorm> ranked(std::vector<RankedNorm> norms)
{
    std::erase_if(norms, [](RankedNorm const& n) { return n.count == 0 && n.partly == 0; });
    std::stable_sort(norms.begin(), norms.end(), [](RankedNorm const& a, RankedNorm const& b) {
        return a.count != b.count ? a.count > b.count : a.partly > b.partly;
    });
    if (norms.size() > TREND_TOP) {
        norms.resize(TREND_TOP);
    }
    return norms;
}

}  // namespace

std::vector<std::string> trend_groups_shown(TrendSelection const& selection, std::vector<int> const& years,
                                            std::vector<Id> const& ci_ids)
{
    std::vector<std::string> groups;
    for (int year : years) {
        groups.push_back(trend_group(year_key(year), selection.variant, selection.band));
    }
    groups.push_back(trend_group("*", selection.variant, selection.band));
    for (Id id : ci_ids) {
        groups.push_back(ci_group(id));
    }
    return groups;
}

TrendView build_trend_view(NormFramework const& framework, TrendSelection const& selection,
                           TrendCounters const& counters, std::vector<int> const& years,
                           std::map<Id, std::string> const& cis)
{
    TrendView view;
    view.selection = selection;
    std::vector<int> column_years = years;
    std::sort(column_years.begin(), column_years.end());
    column_years.push_back(0);
    std::vector<std::string> groups;
    for (int year : column_years) {
        auto const group = trend_group(year_key(year), selection.variant, selection.band);
        TrendColumn column;
        column.year = year;
        column.organisations = count_of(counters, group, "organisations");
        column.reports = count_of(counters, group, "reports");
        column.suppressed = column.organisations < TREND_MIN_ORGANISATIONS;
        if (year != 0 && column.reports == 0) {
            continue;  // a year without reports in this selection is no column
        }
        view.columns.push_back(column);
        groups.push_back(group);
    }
    for (auto const& rubric : framework.rubrics) {
        view.rubrics.push_back({rubric.code, rubric.name, {}});
    }
    for (auto const& norm : framework.norms) {
        NormTrend row{norm.code, norm.rubric, {}};
        for (size_t i = 0; i < view.columns.size(); ++i) {
            if (view.columns[i].suppressed) {
                row.columns.push_back(std::nullopt);
                continue;
            }
            row.columns.push_back(verdicts_of(counters, groups[i], norm.code));
        }
        for (auto& rubric : view.rubrics) {
            if (rubric.code != norm.rubric) {
                continue;
            }
            rubric.columns.resize(row.columns.size());
            for (size_t i = 0; i < row.columns.size(); ++i) {
                if (row.columns[i]) {
                    add_to(rubric.columns[i].emplace(rubric.columns[i].value_or(VerdictTally{})), *row.columns[i]);
                }
            }
        }
        view.norms.push_back(std::move(row));
    }
    if (view.all_suppressed()) {
        return view;  // nothing over all years either: no rankings, steps or calibration
    }
    auto const& all = groups.back();
    long const reports = view.columns.back().reports;
    std::vector<RankedNorm> not_met;
    std::vector<RankedNorm> strong;
    std::vector<RankedNorm> improvement;
    for (auto const& norm : framework.norms) {
        auto const counts = verdicts_of(counters, all, norm.code);
        not_met.push_back({norm.code, norm.text, counts.not_met, counts.partly, counts.total()});
        strong.push_back({norm.code, norm.text, count_of(counters, all, "strong", norm.code), 0, reports});
        improvement.push_back({norm.code, norm.text, count_of(counters, all, "improvement", norm.code), 0, reports});
        long const agree = count_of(counters, all, "calibration", norm.code, "agree");
        long const compared = agree + count_of(counters, all, "calibration", norm.code, "differ");
        view.calibration.push_back({norm.code, agree, compared});
    }
    view.most_not_met = ranked(std::move(not_met));
    view.strong_points = ranked(std::move(strong));
    view.improvement_points = ranked(std::move(improvement));
    view.steps = steps_of(framework, counters, all);
    for (auto const& [id, name] : cis) {
        auto const group = ci_group(id);
        CiSteps ci{id, name, count_of(counters, group, "organisations"), false, {}};
        if (count_of(counters, group, "reports") == 0) {
            continue;
        }
        ci.suppressed = ci.organisations < TREND_MIN_ORGANISATIONS;
        if (!ci.suppressed) {
            ci.steps = steps_of(framework, counters, group);
        }
        view.per_ci.push_back(std::move(ci));
    }
    return view;
}

}  // namespace sterk
