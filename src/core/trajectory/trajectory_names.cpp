// Keys and Dutch names of the trajectory's kinds, states and statuses.
#include "core/trajectory/trajectory.h"

namespace sterk {

std::optional<TrajectoryKind> parse_trajectory_kind(std::string const& key)
{
    if (key == "initial") {
        return TrajectoryKind::Initial;
    }
    if (key == "recertification") {
        return TrajectoryKind::Recertification;
    }
    return std::nullopt;
}

std::string trajectory_kind_key(TrajectoryKind kind)
{
    return kind == TrajectoryKind::Initial ? "initial" : "recertification";
}

namespace {

struct StateName {
    TrajectoryState state;
    char const* key;
    char const* dutch;
};

StateName const state_names[] = {
    {TrajectoryState::SelfEvaluation, "self-evaluation", "zelfevaluatie"},
    {TrajectoryState::Requested, "requested", "toetsing aangevraagd"},
    {TrajectoryState::Declined, "declined", "aanvraag afgewezen"},
    {TrajectoryState::Accepted, "accepted", "aanvraag geaccepteerd"},
    {TrajectoryState::Registered, "registered", "geregistreerd bij het secretariaat"},
    {TrajectoryState::Planned, "planned", "toetsing gepland"},
    {TrajectoryState::Concept, "concept", "conceptrapport bij de organisatie"},
    {TrajectoryState::Finalising, "finalising", "definitief rapport in voorbereiding"},
    {TrajectoryState::Plan, "plan", "verbeterplan"},
    {TrajectoryState::AdditionalAudit, "additional-audit", "aanvullende toetsing"},
    {TrajectoryState::PartA, "part-a", "deel A naar het secretariaat"},
    {TrajectoryState::Certification, "certification", "certificaat in voorbereiding"},
    {TrajectoryState::Certified, "certified", "gecertificeerd"},
    {TrajectoryState::Negative, "negative", "negatief advies"},
    {TrajectoryState::Withdrawn, "withdrawn", "ingetrokken"},
};

}  // namespace

std::optional<TrajectoryState> parse_state(std::string const& key)
{
    for (auto const& name : state_names) {
        if (name.key == key) {
            return name.state;
        }
    }
    return std::nullopt;
}

std::string state_key(TrajectoryState state)
{
    for (auto const& name : state_names) {
        if (name.state == state) {
            return name.key;
        }
    }
    return {};
}

std::string state_dutch(TrajectoryState state)
{
    for (auto const& name : state_names) {
        if (name.state == state) {
            return name.dutch;
        }
    }
    return {};
}

std::string deadline_state_key(DeadlineState state)
{
    switch (state) {
    case DeadlineState::Open: return "open";
    case DeadlineState::DueToday: return "due-today";
    case DeadlineState::Overdue: return "overdue";
    case DeadlineState::Met: return "met";
    case DeadlineState::MetLate: return "met-late";
    case DeadlineState::Closed: return "closed";
    }
    return {};
}

std::string deadline_state_dutch(DeadlineState state)
{
    switch (state) {
    case DeadlineState::Open: return "open";
    case DeadlineState::DueToday: return "vandaag";
    case DeadlineState::Overdue: return "te laat";
    case DeadlineState::Met: return "op tijd gedaan";
    case DeadlineState::MetLate: return "te laat gedaan";
    case DeadlineState::Closed: return "vervallen";
    }
    return {};
}

std::string previous_status_key(PreviousStatus status)
{
    switch (status) {
    case PreviousStatus::Valid: return "valid";
    case PreviousStatus::Suspended: return "suspended";
    case PreviousStatus::Lapsed: return "lapsed";
    case PreviousStatus::Superseded: return "superseded";
    }
    return {};
}

std::string previous_status_dutch(PreviousStatus status)
{
    switch (status) {
    case PreviousStatus::Valid: return "geldig";
    case PreviousStatus::Suspended: return "geschorst";
    case PreviousStatus::Lapsed: return "vervallen";
    case PreviousStatus::Superseded: return "opgevolgd";
    }
    return {};
}

std::string plan_stage_key(PlanStage stage)
{
    switch (stage) {
    case PlanStage::NotAsked: return "none";
    case PlanStage::Draft: return "draft";
    case PlanStage::Submitted: return "submitted";
    case PlanStage::Rejected: return "rejected";
    case PlanStage::RevisionSubmitted: return "revision-submitted";
    case PlanStage::Approved: return "approved";
    case PlanStage::RejectedTwice: return "rejected-twice";
    case PlanStage::NextSteps: return "next-steps";
    }
    return {};
}

}  // namespace sterk
