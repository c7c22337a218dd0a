// PlanService: see plan_service.h.
#include "core/services/plan_service.h"

#include "core/text.h"

#include <algorithm>

namespace sterk {

namespace {

Error not_found()
{
    return Error::not_found("Dit traject bestaat niet of is niet zichtbaar voor u.");
}

bool writing(PlanStage stage)
{
    return stage == PlanStage::Draft || stage == PlanStage::Rejected || stage == PlanStage::NextSteps;
}

bool assessing(PlanStage stage)
{
    return stage == PlanStage::Submitted || stage == PlanStage::RevisionSubmitted;
}

// The round being written (one after the last submitted) or assessed (the last submitted).
int current_round(TrajectoryView const& view)
{
    return writing(view.plan) ? view.plan_rounds + 1 : std::max(view.plan_rounds, 1);
}

std::vector<std::string> plan_norms_of(TrajectoryView const& view)
{
    return view.findings ? view.findings->plan_norms : std::vector<std::string>{};
}

std::string assessment_key(int round, std::string const& norm)
{
    return std::to_string(round) + ":" + norm;
}

// The plan's own deadlines, in the order they count: the first one still open is what is due.
bool plan_deadline(DeadlineKind kind)
{
    switch (kind) {
    case DeadlineKind::ImprovementPlan:
    case DeadlineKind::OverThresholdPlans:
    case DeadlineKind::PlanAssessment:
    case DeadlineKind::PlanRevision:
    case DeadlineKind::RevisionAssessment:
    case DeadlineKind::NextSteps: return true;
    default: return false;
    }
}

}  // namespace

struct PlanService::Access {
    StoredTrajectory trajectory;
    std::vector<std::string> norms;
    bool ci = false;  // the CI's administrator or an auditor on the team
    bool member = false;
};

PlanService::PlanService(Store& store, TrajectoryService& trajectories, PlanCodec const& codec)
    : m_store(store), m_trajectories(trajectories), m_codec(codec)
{
}

Result<PlanService::Access> PlanService::access(Principal const& caller, Id id, Date today)
{
    if (caller.role == Role::Committee) {
        return not_found();
    }
    Access a;
    a.trajectory = TRY(m_trajectories.get(caller, id, today));  // NotFound when not the caller's to see
    a.norms = plan_norms_of(a.trajectory.view);
    a.ci = caller.role == Role::CiAdmin || caller.role == Role::Auditor;
    a.member = caller.role == Role::Member;
    return a;
}

Result<std::vector<PlanItemView>> PlanService::items_of(Id id, std::vector<std::string> const& norms,
                                                        VerdictMap const& verdicts, int assessed_round)
{
    std::map<std::string, ReportEntry> items;
    std::map<std::string, ReportEntry> assessments;
    for (auto& e : TRY(m_store.reports().entries(id))) {
        if (e.kind == "plan_item") {
            items[e.key] = e;
        } else if (e.kind == "plan_assessment") {
            assessments[e.key] = e;
        }
    }
    std::vector<PlanItemView> out;
    for (auto const& norm : norms) {
        PlanItemView v;
        v.item.norm = norm;
        if (auto found = items.find(norm); found != items.end()) {
            v.item = TRY(m_codec.decode_item(norm, found->second.extra));
            v.version = found->second.version;
            v.updated_by = user_display_name(m_store, found->second.updated_by);
            v.updated_at = found->second.updated_at;
        }
        if (auto verdict = verdicts.find(norm); verdict != verdicts.end()) {
            v.verdict = verdict_symbol(verdict->second);
        }
        v.complete = plan_item_complete(v.item);
        v.assessment.assessment.norm = norm;
        if (auto found = assessments.find(assessment_key(assessed_round, norm)); found != assessments.end()) {
            auto const& e = found->second;
            v.assessment.assessment.approved = e.verdict.empty() ? std::nullopt : std::optional<bool>(e.verdict == "approved");
            v.assessment.assessment.remark = e.text;
            v.assessment.version = e.version;
            v.assessment.updated_by = user_display_name(m_store, e.updated_by);
            v.assessment.updated_at = e.updated_at;
        }
        out.push_back(std::move(v));
    }
    return out;
}

Result<PlanView> PlanService::plan(Principal const& caller, Id id, Date today)
{
    auto const a = TRY(access(caller, id, today));
    auto const& view = a.trajectory.view;
    PlanView out;
    out.stage = view.plan;
    out.round = current_round(view);
    out.editable = a.member && writing(view.plan);
    out.assessable = a.ci && assessing(view.plan);
    out.norms = a.norms;
    out.items = TRY(items_of(id, a.norms, view.final_verdicts.value_or(VerdictMap{}), std::max(view.plan_rounds, 1)));
    for (auto const& item : out.items) {
        if (!item.complete) {
            out.missing.push_back(item.item.norm);
        }
    }
    for (auto const& r : TRY(m_store.plans().rounds(id))) {
        out.rounds.push_back(PlanRound{r.round, r.submitted_on, r.assessed_on, r.outcome, TRY(m_codec.decode_round(r.content))});
    }
    for (auto const& d : view.deadlines) {
        if (plan_deadline(d.rule.kind) && !d.met_on && !d.closed) {
            out.due = d.due;
            break;
        }
    }
    return out;
}

Result<std::optional<ReportSection>> PlanService::approved_plan(Principal const& caller, Id id, Date today)
{
    auto const a = TRY(access(caller, id, today));
    if (a.trajectory.view.plan != PlanStage::Approved) {
        return std::optional<ReportSection>{};
    }
    auto const rounds = TRY(m_store.plans().rounds(id));
    auto approved = std::find_if(rounds.rbegin(), rounds.rend(), [](PlanRoundRecord const& r) { return r.outcome == "approved"; });
    if (approved == rounds.rend()) {
        return std::optional<ReportSection>{};
    }
    auto const verdicts = a.trajectory.view.final_verdicts.value_or(VerdictMap{});
    auto const assessed = TRY(Date::parse(approved->assessed_on, "assessed_on"));
    ReportSection section{"Verbeterplannen (goedgekeurd op " + assessed.dutch_long() + ")", {}};
    for (auto const& i : TRY(m_codec.decode_round(approved->content))) {
        auto const verdict = verdicts.find(i.item.norm);
        section.lines.push_back(ReportLine{
            i.item.norm,
            i.item.norm + (verdict != verdicts.end() ? " (" + verdict_symbol(verdict->second) + ")" : std::string{}),
            "Oorzaak: " + i.item.cause + "\nVerbeteracties: " + i.item.actions + "\nWie: " + i.item.who +
                "\nUiterlijk: " + (i.item.by_when ? i.item.by_when->iso() : std::string{"-"})});
    }
    return std::optional<ReportSection>{std::move(section)};
}

Result<PlanItemView> PlanService::save_item(Principal const& caller, Actor const& actor, Id id, PlanItem const& input,
                                            int expected_version, Date today, UnixTime now)
{
    auto const a = TRY(access(caller, id, today));
    if (!a.member) {
        return Error{ErrorCode::PermissionDenied, "Het verbeterplan schrijft de organisatie zelf.", ""};
    }
    if (!writing(a.trajectory.view.plan)) {
        return Error::precondition(a.norms.empty() ? "Er wordt geen verbeterplan gevraagd."
                                                   : "Het verbeterplan ligt bij de CI; wijzigen kan weer na de beoordeling.");
    }
    auto const item = TRY(check_plan_item(a.norms, input));
    ReportEntry entry{id, "plan_item", item.norm, 0, "", "", "", m_codec.encode_item(item), actor.user_id, now};
    TRY(m_store.transaction([&]() -> Status {
        TRY(m_store.reports().lock(id));
        auto saved = m_store.reports().save_entry(entry, expected_version);
        if (!saved) {
            auto error = saved.error();
            error.field = "version";  // stale: the handler answers with the stored one
            return error;
        }
        return audit_trajectory(m_store, actor, now, "plan.item", id, item.norm + " versie " + std::to_string(expected_version + 1));
    }));
    PlanItemView view;
    view.item = item;
    view.version = expected_version + 1;
    view.complete = plan_item_complete(item);
    if (auto const& verdicts = a.trajectory.view.final_verdicts) {
        if (auto found = verdicts->find(item.norm); found != verdicts->end()) {
            view.verdict = verdict_symbol(found->second);
        }
    }
    view.updated_by = user_display_name(m_store, actor.user_id);
    view.updated_at = now;
    view.assessment.assessment.norm = item.norm;
    return view;
}

Result<PlanAssessmentView> PlanService::save_assessment(Principal const& caller, Actor const& actor, Id id,
                                                        PlanAssessment const& input, int expected_version, Date today,
                                                        UnixTime now)
{
    auto const a = TRY(access(caller, id, today));
    if (!a.ci) {
        return Error{ErrorCode::PermissionDenied, "Het verbeterplan beoordeelt de CI.", ""};
    }
    if (!assessing(a.trajectory.view.plan)) {
        return Error::precondition("Er ligt geen verbeterplan ter beoordeling.");
    }
    auto const assessment = TRY(check_plan_assessment(a.norms, input));
    int const round = a.trajectory.view.plan_rounds;
    ReportEntry entry{id, "plan_assessment", assessment_key(round, assessment.norm), 0,
                      *assessment.approved ? "approved" : "rejected", "", assessment.remark, "", actor.user_id, now};
    TRY(m_store.transaction([&]() -> Status {
        TRY(m_store.reports().lock(id));
        auto saved = m_store.reports().save_entry(entry, expected_version);
        if (!saved) {
            auto error = saved.error();
            error.field = "version";
            return error;
        }
        return audit_trajectory(m_store, actor, now, "plan.assessment",
                     id, assessment.norm + (*assessment.approved ? " goedgekeurd" : " afgekeurd") + " (ronde " +
                             std::to_string(round) + ")");
    }));
    return PlanAssessmentView{assessment, expected_version + 1, user_display_name(m_store, actor.user_id), now};
}

Result<std::vector<PlanAssessment>> PlanService::assessments_of(Id id, int round)
{
    std::vector<PlanAssessment> out;
    auto const prefix = std::to_string(round) + ":";
    for (auto const& e : TRY(m_store.reports().entries(id))) {
        if (e.kind == "plan_assessment" && e.key.rfind(prefix, 0) == 0 && !e.verdict.empty()) {
            out.push_back(PlanAssessment{e.key.substr(prefix.size()), e.verdict == "approved", e.text});
        }
    }
    return out;
}

Status PlanService::prepare(StoredTrajectory const& trajectory, RawEvent& raw)
{
    (void)trajectory;
    (void)raw;
    return ok_status();  // every check runs in apply, under the trajectory's lock
}

Status PlanService::apply(StoredTrajectory const& t, RawEvent const& raw, Actor const& actor, UnixTime now)
{
    (void)actor;
    Id const id = t.record.id;
    auto const norms = plan_norms_of(t.view);
    int const round = t.view.plan_rounds;  // the view after the event
    if (raw.key == "plan_submitted" || raw.key == "revision_submitted") {
        TRY(m_store.reports().lock(id));
        std::vector<PlanItem> saved;
        for (auto const& v : TRY(items_of(id, norms, {}, round))) {
            saved.push_back(v.item);
        }
        TRY(ready_to_submit(norms, saved));
        std::vector<PlanRoundItem> frozen;
        for (auto const& item : all_plan_items(norms, saved)) {
            frozen.push_back(PlanRoundItem{item, std::nullopt, ""});
        }
        return m_store.plans().add_round(PlanRoundRecord{id, round, raw.on, "", "", m_codec.encode_round(frozen), now});
    }
    if (raw.key == "plan_approved" || raw.key == "plan_rejected") {
        TRY(m_store.reports().lock(id));
        bool const approved = raw.key == "plan_approved";
        auto const assessments = TRY(assessments_of(id, round));
        TRY(approved ? ready_to_approve(norms, assessments) : ready_to_reject(norms, assessments));
        auto rounds = TRY(m_store.plans().rounds(id));
        auto found = std::find_if(rounds.begin(), rounds.end(), [&](PlanRoundRecord const& r) { return r.round == round; });
        if (found == rounds.end()) {
            return Error::internal("ronde " + std::to_string(round) + " van het verbeterplan ontbreekt");
        }
        auto items = TRY(m_codec.decode_round(found->content));
        for (auto& item : items) {
            for (auto const& a : assessments) {
                if (a.norm == item.item.norm) {
                    item.approved = a.approved;
                    item.remark = a.remark;
                }
            }
        }
        found->assessed_on = raw.on;
        found->outcome = approved ? "approved" : "rejected";
        found->content = m_codec.encode_round(items);
        return m_store.plans().assess_round(*found);
    }
    return ok_status();
}

}  // namespace sterk
