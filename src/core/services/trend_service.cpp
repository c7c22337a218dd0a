#include "core/services/trend_service.h"

#include <algorithm>

namespace sterk {

namespace {

Principal const SYSTEM{0, Role::Secretariat, std::nullopt};

std::optional<Date> first_on(std::vector<StoredEvent> const& events, std::string const& key)
{
    for (auto const& event : events) {
        if (event.key == key) {
            auto const on = Date::parse(event.on, "on");
            return on ? std::optional<Date>{*on} : std::nullopt;
        }
    }
    return std::nullopt;
}

std::string describe(CounterKey const& key)
{
    return key.group + " " + key.metric + (key.subject.empty() ? "" : " " + key.subject) +
           (key.value.empty() ? "" : " " + key.value);
}

}  // namespace

TrendService::TrendService(Store& store, TrajectoryService& trajectories, ReportCodec const& codec,
                           FrameworkLookup frameworks, std::string framework_version, std::vector<std::string> variants)
    : m_store(store)
    , m_trajectories(trajectories)
    , m_codec(codec)
    , m_frameworks(std::move(frameworks))
    , m_version(std::move(framework_version))
    , m_variants(std::move(variants))
{
}

NormFramework const& TrendService::framework() const
{
    return *m_frameworks(m_version);
}

Status TrendService::prepare(StoredTrajectory const&, RawEvent&)
{
    return ok_status();
}

Result<std::optional<TrendFact>> TrendService::fact_of(StoredTrajectory const& trajectory)
{
    auto const* framework = m_frameworks(trajectory.record.framework_version);
    if (framework == nullptr || !trajectory.view.final_verdicts) {
        return std::optional<TrendFact>{};
    }
    TrendInputs inputs;
    inputs.record = trajectory.record;
    inputs.view = trajectory.view;
    inputs.final_on = first_on(trajectory.events, "findings_final");
    auto const groups = m_codec.scope_fte_groups(trajectory.record.scope);
    if (!groups.empty()) {
        inputs.scope_fte = TRY(m_trajectories.scope_fte(trajectory.record.framework_version, groups)).total;
    }
    // The final report's own lists (the demo data and logs from before reports have none).
    auto const versions = TRY(m_store.reports().versions(trajectory.record.id));
    for (auto it = versions.rbegin(); it != versions.rend(); ++it) {
        if (it->stage == "final") {
            auto const report = TRY(m_codec.decode_report(it->content));
            inputs.strong_points = report.strong_points;
            inputs.improvement_points = report.improvement_points;
            break;
        }
    }
    // The member's self-evaluation completed before the final report (newest first).
    for (auto const& kept : TRY(m_store.self_evaluations().list(trajectory.record.member_id))) {
        if (kept.completed_on.empty() || (inputs.final_on && kept.completed_on > inputs.final_on->iso())) {
            continue;
        }
        for (auto const& answer : TRY(m_store.self_evaluations().answers(kept.id))) {
            if (auto const verdict = parse_verdict(answer.verdict)) {
                inputs.self_verdicts[answer.norm] = *verdict;
            }
        }
        break;
    }
    return trend_fact(*framework, inputs);
}

Status TrendService::apply(StoredTrajectory const& trajectory, RawEvent const&, Actor const&, UnixTime)
{
    auto const after = TRY(fact_of(trajectory));
    auto const before = TRY(m_store.trends().find(trajectory.record.id));
    if (before == after) {
        return ok_status();
    }
    return m_store.trends().store(trajectory.record.id, after, trend_delta(before, after));
}

Result<TrendView> TrendService::view(Principal const& caller, TrendSelection const& selection)
{
    if (caller.role != Role::Committee && caller.role != Role::Secretariat) {
        return Error{ErrorCode::PermissionDenied, "De trendanalyse is voor de beheercommissie en het secretariaat.", ""};
    }
    if (selection.variant != "*" &&
        std::find(m_variants.begin(), m_variants.end(), selection.variant) == m_variants.end()) {
        return Error::invalid("variant", "Onbekende toetsvorm '" + selection.variant + "'.");
    }
    auto const bands = size_bands();
    if (selection.band != "*" && std::find(bands.begin(), bands.end(), selection.band) == bands.end()) {
        return Error::invalid("band", "Onbekende omvangsklasse '" + selection.band + "'.");
    }
    auto const years = TRY(m_store.trends().years());
    std::map<Id, std::string> cis;
    std::vector<Id> ci_ids;
    if (caller.role == Role::Secretariat) {
        for (auto const& o : TRY(m_store.organisations().list())) {
            if (o.kind == OrganisationKind::CertificationBody) {
                cis[o.id] = o.name;
                ci_ids.push_back(o.id);
            }
        }
    }
    auto const counters = TRY(m_store.trends().counters(trend_groups_shown(selection, years, ci_ids)));
    return build_trend_view(framework(), selection, counters, years, cis);
}

Result<std::vector<MemberCalibration>> TrendService::calibration(Principal const& caller, Id member_id)
{
    bool const own = caller.role == Role::Member && caller.organisation_id == member_id;
    if (!own && caller.role != Role::Secretariat) {
        return Error{ErrorCode::PermissionDenied, "Alleen het lid zelf en het secretariaat zien deze vergelijking.", ""};
    }
    auto const& norms = framework();
    auto const everyone = TRY(view(SYSTEM, {}));
    std::map<std::string, CalibrationTrend> branch;
    for (auto const& row : everyone.calibration) {
        branch[row.code] = row;
    }
    auto facts = TRY(m_store.trends().facts_of_member(member_id));
    std::sort(facts.begin(), facts.end(), [](auto const& a, auto const& b) { return a.trajectory_id > b.trajectory_id; });
    std::vector<MemberCalibration> out;
    for (auto const& fact : facts) {
        MemberCalibration one{fact.trajectory_id, fact.year, {}, 0, 0};
        for (auto const& norm : norms.norms) {
            CalibrationNorm row{norm.code, norm.text, std::nullopt, std::nullopt, std::nullopt};
            if (auto const s = fact.self_verdicts.find(norm.code); s != fact.self_verdicts.end()) {
                row.self = s->second;
            }
            if (auto const a = fact.verdicts.find(norm.code); a != fact.verdicts.end()) {
                row.audit = a->second;
            }
            if (auto const b = branch.find(norm.code); b != branch.end()) {
                row.branch = b->second;
            }
            if (row.self && row.audit) {
                ++one.compared;
                one.agree += *row.self == *row.audit ? 1 : 0;
            }
            one.norms.push_back(std::move(row));
        }
        out.push_back(std::move(one));
    }
    return out;
}

Result<std::vector<TrendFact>> TrendService::recount(Date today, std::function<void(int, int)> const& progress,
                                                     int& trajectories)
{
    auto const records = TRY(m_store.trajectories().list());
    trajectories = static_cast<int>(records.size());
    std::vector<TrendFact> facts;
    int done = 0;
    for (auto const& record : records) {
        auto const stored = m_trajectories.get(SYSTEM, record.id, today);
        if (stored) {
            if (auto fact = TRY(fact_of(*stored))) {
                facts.push_back(std::move(*fact));
            }
        }
        if (progress && (++done % 500 == 0 || done == trajectories)) {
            progress(done, trajectories);
        }
    }
    return facts;
}

Result<int> TrendService::rebuild(Date today, std::function<void(int, int)> const& progress)
{
    int trajectories = 0;
    auto const facts = TRY(recount(today, progress, trajectories));
    TRY(m_store.transaction([&]() -> Status { return m_store.trends().replace_all(facts); }));
    return static_cast<int>(facts.size());
}

Result<TrendCheck> TrendService::check(Date today)
{
    TrendCheck out;
    auto facts = TRY(recount(today, {}, out.trajectories));
    out.facts = static_cast<int>(facts.size());
    auto stored_facts = TRY(m_store.trends().facts());
    auto const by_trajectory = [](TrendFact const& a, TrendFact const& b) { return a.trajectory_id < b.trajectory_id; };
    std::sort(stored_facts.begin(), stored_facts.end(), by_trajectory);
    std::sort(facts.begin(), facts.end(), by_trajectory);
    if (stored_facts.size() != facts.size()) {
        out.differences.push_back("opgeslagen feiten: " + std::to_string(stored_facts.size()) + ", herteld: " +
                                  std::to_string(facts.size()));
    } else {
        for (std::size_t i = 0; i < facts.size(); ++i) {
            if (!(stored_facts[i] == facts[i])) {
                out.differences.push_back("feit van traject " + std::to_string(facts[i].trajectory_id) +
                                          " verschilt van de hertelling");
            }
        }
    }
    auto const expected = count_facts(facts);
    auto const stored = TRY(m_store.trends().all_counters());
    for (auto const& [key, n] : expected) {
        auto const found = stored.find(key);
        long const have = found == stored.end() ? 0 : found->second;
        if (have != n) {
            out.differences.push_back(describe(key) + ": opgeslagen " + std::to_string(have) + ", herteld " +
                                      std::to_string(n));
        }
    }
    for (auto const& [key, n] : stored) {
        if (!expected.count(key)) {
            out.differences.push_back(describe(key) + ": opgeslagen " + std::to_string(n) + ", herteld 0");
        }
    }
    return out;
}

}  // namespace sterk
