// File: plan_service.h
// PlanService: the improvement plan as the parties see and change it (issue 10; LIFECYCLE.md §2
// scenarios b and c). The member writes one item per `-` and `+/-` norm of the final report, each
// saved over its version; plan_submitted (and revision_submitted after a rejection or agreed next
// steps) freezes the items as a round, refused while an item is incomplete. The CI assesses each
// norm of that round; plan_approved needs every norm approved, plan_rejected a rejected norm with
// its remark. The checks run inside the event's transaction, so no save slips in between.
// Who reads: the member, the CI (administrator and team), the secretariat; the committee never.
#pragma once

#include "core/plan/improvement_plan.h"
#include "core/report/report_document.h"
#include "core/services/trajectory_service.h"

#include <optional>
#include <string>
#include <vector>

namespace sterk {

// PlanRoundItem: one norm's item as submitted in a round, with the CI's assessment of it.
struct PlanRoundItem {
    PlanItem item;
    std::optional<bool> approved;
    std::string remark;
};

// PlanCodec: the stored text form of an item and of a frozen round (JSON, by an adapter).
class PlanCodec {
public:
    virtual ~PlanCodec() = default;
    virtual std::string encode_item(PlanItem const& item) const = 0;
    virtual Result<PlanItem> decode_item(std::string const& norm, std::string const& text) const = 0;
    virtual std::string encode_round(std::vector<PlanRoundItem> const& items) const = 0;
    virtual Result<std::vector<PlanRoundItem>> decode_round(std::string const& text) const = 0;
};

struct PlanAssessmentView {
    PlanAssessment assessment;
    int version = 0;
    std::string updated_by;
    UnixTime updated_at = 0;
};

struct PlanItemView {
    PlanItem item;
    std::string verdict;  // "-" or "+/-"
    int version = 0;
    bool complete = false;
    std::string updated_by;
    UnixTime updated_at = 0;
    PlanAssessmentView assessment;  // of the round being assessed (or last assessed)
};

struct PlanRound {
    int round = 0;
    std::string submitted_on;
    std::string assessed_on;
    std::string outcome;
    std::vector<PlanRoundItem> items;
};

struct PlanView {
    PlanStage stage = PlanStage::NotAsked;
    int round = 1;  // the round being written or assessed
    bool editable = false;
    bool assessable = false;
    std::vector<std::string> norms;
    std::vector<PlanItemView> items;
    std::vector<std::string> missing;
    std::vector<PlanRound> rounds;
    std::optional<Date> due;
};

class PlanService final : public EventEffects {
public:
    PlanService(Store& store, TrajectoryService& trajectories, PlanCodec const& codec);

    Result<PlanView> plan(Principal const& caller, Id id, Date today);
    // save_item: the member, while the plan is written (draft, rejected, next steps).
    // FailedPrecondition field "version" when stale, FailedPrecondition when not editable now,
    // InvalidArgument naming the field.
    Result<PlanItemView> save_item(Principal const& caller, Actor const& actor, Id id, PlanItem const& input,
                                   int expected_version, Date today, UnixTime now);
    // save_assessment: the CI's administrator or the team, while a round waits for assessment.
    Result<PlanAssessmentView> save_assessment(Principal const& caller, Actor const& actor, Id id,
                                               PlanAssessment const& input, int expected_version, Date today,
                                               UnixTime now);

    // approved_plan: the approved round as a section for the final report with the plans (B6
    // §9b-i: "het definitieve rapport met de goedgekeurde verbeterplannen"), or none while no
    // plan is approved. NotFound as plan().
    Result<std::optional<ReportSection>> approved_plan(Principal const& caller, Id id, Date today);

    // EventEffects: plan_submitted and revision_submitted freeze a complete plan as the next
    // round; plan_approved and plan_rejected record the CI's assessments with that round.
    Status prepare(StoredTrajectory const& trajectory, RawEvent& raw) override;
    Status apply(StoredTrajectory const& trajectory, RawEvent const& raw, Actor const& actor, UnixTime now) override;

private:
    struct Access;
    Result<Access> access(Principal const& caller, Id id, Date today);
    Result<std::vector<PlanItemView>> items_of(Id id, std::vector<std::string> const& norms, VerdictMap const& verdicts,
                                               int assessed_round);
    Result<std::vector<PlanAssessment>> assessments_of(Id id, int round);

    Store& m_store;
    TrajectoryService& m_trajectories;
    PlanCodec const& m_codec;
};

}  // namespace sterk
