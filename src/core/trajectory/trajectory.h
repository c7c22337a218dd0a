// File: trajectory.h
// A trajectory (toetstraject) is one member's route to one certification decision, kept as an
// append-only log of dated events (LIFECYCLE.md §1–§3). Its state, the open actions per party,
// every deadline with its status, the scenario and advice, the new certificate's dates and the
// previous certificate's status are pure functions of that log and a date: nothing here reads a
// clock, a file or a database.
//
// Example:
//   TrajectoryLog log{TrajectoryKind::Initial, std::nullopt, {}};
//   log.events.push_back(TRY(parse_event(fw, raw, 0)));
//   TrajectoryView view = TRY(evaluate_trajectory(fw, log, today));
//   if (view.state == TrajectoryState::Plan) { ... }
#pragma once

#include "core/calendar/date.h"
#include "core/norms/framework.h"
#include "core/result.h"
#include "core/rules/advice.h"
#include "core/rules/deadlines.h"
#include "core/rules/verdict.h"
#include "core/trajectory/event_kind.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace sterk {

enum class TrajectoryKind { Initial, Recertification };
std::optional<TrajectoryKind> parse_trajectory_kind(std::string const& key);
std::string trajectory_kind_key(TrajectoryKind kind);  // "initial", "recertification"

enum class TrajectoryState {
    SelfEvaluation,
    Requested,
    Declined,
    Accepted,
    Registered,
    Planned,
    Concept,
    Finalising,
    Plan,
    AdditionalAudit,
    PartA,
    Certification,
    Certified,
    Negative,
    Withdrawn,
};
std::string state_key(TrajectoryState state);  // "self-evaluation", "part-a", ...
std::optional<TrajectoryState> parse_state(std::string const& key);
std::string state_dutch(TrajectoryState state);

// The certificate a recertification renews.
struct PreviousCertificate {
    std::string number;
    Date expires;
};

// TeamMember: one auditor on the planned audit team (audit_planned): its id in the auditors
// registry and its role in this team, "team_leader", "assessor" or "peer". Who may be on a team
// is checked where the registry is known (check_audit_team, core/registry/audit_team.h).
struct TeamMember {
    std::int64_t auditor_id = 0;
    std::string role;
};

// RawTeamMember: a team entry as recorded, before it is checked (the id as text).
struct RawTeamMember {
    std::string auditor_id;
    std::string role;
};

// RawEvent: an event as recorded, before the core has checked it; payload values are text
// (first_day, last_day, days, date, due, number, reason), verdicts are norm code -> symbol, and
// audit_planned may carry its team and locations.
struct RawEvent {
    std::string on;
    std::string key;
    std::map<std::string, std::string> fields;
    std::optional<std::map<std::string, std::string>> verdicts;
    std::optional<std::vector<RawTeamMember>> team{};
    std::optional<std::vector<std::string>> locations{};
};

// TrajectoryEvent: a checked event with its typed payload.
struct TrajectoryEvent {
    Date on;
    EventKind kind = EventKind::SelfEvaluationCompleted;
    std::optional<Date> first_day;  // audit_planned
    std::optional<Date> last_day;  // audit_planned
    std::optional<Date> date;  // additional_audit_planned
    std::optional<Date> due;  // next_steps_agreed
    std::optional<VerdictMap> verdicts;  // findings_final, additional_audit_held
    std::string number;  // certificate_issued (optional)
    std::string reason;  // audit_declined, negative_advice, trajectory_withdrawn (optional)
    std::vector<TeamMember> team{};  // audit_planned (optional here; the service requires it)
    std::vector<std::string> locations{};  // audit_planned (optional)
    std::optional<double> days{};  // audit_planned: the audit days agreed (optional)
    // audit_requested (optional): the period in which the member would like the audit
    // (LIFECYCLE.md §2 "preferred period"); `preferred_until` only together with `preferred_from`.
    std::optional<Date> preferred_from;
    std::optional<Date> preferred_until;
    // membership_confirmed (optional): the earlier certificate as the secretariat checked it in its
    // own records and passes on to the CI (handbook §2.3 "geeft dit met datum afloop certificaat
    // door aan de CI"). For a re-certification the checked expiry replaces the member's own claim.
    std::string previous_number{};
    std::optional<Date> previous_expires{};
};

struct TrajectoryLog {
    TrajectoryKind kind = TrajectoryKind::Initial;
    std::optional<PreviousCertificate> previous_certificate;  // recertification only
    std::vector<TrajectoryEvent> events;  // in date order
};

// parse_event: checks one raw event (its key, date and payload) against the framework. The error
// names the event's position (0-based `index`, shown 1-based) and key, and the reason.
Result<TrajectoryEvent> parse_event(NormFramework const& framework, RawEvent const& raw, size_t index);

enum class DeadlineState { Open, DueToday, Overdue, Met, MetLate, Closed };
std::string deadline_state_key(DeadlineState state);  // "open", "due-today", "overdue", "met", "met-late", "closed"
std::string deadline_state_dutch(DeadlineState state);

// One deadline that has started in this trajectory.
struct TrajectoryDeadline {
    DeadlineRule rule;
    std::string after;  // the event (or closed window) it counts from
    Date from;
    Date due;
    std::optional<Date> met_on;
    bool closed = false;  // ended unused, or no longer asked for since the route changed
    DeadlineState state = DeadlineState::Open;  // on the view's date
};

// What a party must do next, with its due date where the handbook gives one, and where that
// stands on the view's date (open, due today, overdue; without a due date always open), so that
// every reader shows the same "te laat" as the deadlines.
struct OpenAction {
    std::string actor;  // "member", "ci", "secretariat"
    std::string key;  // the deadline key, or the event that is the next step
    std::string todo;  // Dutch
    std::optional<Date> due;
    std::string source;  // handbook place, when it comes from a deadline
    DeadlineStatus status = DeadlineStatus::Open;
};

struct NewCertificate {
    std::string number;  // empty when not given
    Date issued;
    Date valid_from;
    Date valid_through;
    Date expires;
};

enum class PreviousStatus { Valid, Suspended, Lapsed, Superseded };
std::string previous_status_key(PreviousStatus status);  // "valid", "suspended", "lapsed", "superseded"
std::string previous_status_dutch(PreviousStatus status);

struct PreviousCertificateView {
    std::string number;
    Date expires;
    PreviousStatus status = PreviousStatus::Valid;
    std::optional<Date> suspended_through;  // while suspended
    std::optional<Date> lapsed_on;  // once lapsed
    Date notice_on;  // the member is told 2 weeks before expiry what will happen
    std::vector<Date> reminders;  // before expiry; none once a re-certification audit was agreed
};

// CheckedPreviousCertificate: the earlier certificate as the secretariat confirmed it when it
// registered the audit (membership_confirmed), for the CI to see. `differs` says the member's
// request named another expiry, which the checked one replaced.
struct CheckedPreviousCertificate {
    std::string number;
    Date expires;
    Date checked_on;
    bool differs = false;
};

enum class AdviceOutcome { Positive, Negative };

// PlanStage: where the improvement plan stands (scenarios b and c). NotAsked: no plan is asked
// for (scenario a, before the findings are final, or the trajectory ended without one).
enum class PlanStage { NotAsked, Draft, Submitted, Rejected, RevisionSubmitted, Approved, RejectedTwice, NextSteps };
std::string plan_stage_key(PlanStage stage);  // "none", "draft", "submitted", ... (api/openapi.json PlanStage)

// AuditPlanning: the audit as last planned (audit_planned).
struct AuditPlanning {
    Date first_day;
    Date last_day;
    std::optional<double> days;
    std::vector<std::string> locations;
    std::vector<TeamMember> team;
};

struct TrajectoryView {
    TrajectoryKind kind = TrajectoryKind::Initial;
    TrajectoryState state = TrajectoryState::SelfEvaluation;
    std::optional<Scenario> scenario;  // once the findings are final
    std::optional<Advice> findings;  // the decision rules applied to the final findings
    std::optional<VerdictMap> final_verdicts;  // the final report's verdicts (findings_final)
    PlanStage plan = PlanStage::NotAsked;
    int plan_rounds = 0;  // plans submitted so far (plan_submitted, revision_submitted)
    std::optional<Advice> additional_audit;  // scenario c: applied to the additional audit's findings
    std::optional<AdviceOutcome> advice;
    std::vector<TrajectoryDeadline> deadlines;  // in the order they started
    std::vector<OpenAction> actions;  // open for each party, those with a due date first
    std::optional<NewCertificate> certificate;
    std::optional<PreviousCertificateView> previous_certificate;
    std::vector<std::string> notes;  // Dutch remarks for Part A and the secretariat's check
    std::optional<AuditPlanning> planning{};  // once planned: the latest audit_planned
    std::optional<CheckedPreviousCertificate> previous_check{};  // as the secretariat passed it on
};

// evaluate_trajectory: replays the log and looks at it on `today`. An event the route does not
// allow there (wrong order, not after those before it) is FailedPrecondition; a date after
// `today` or a log without its previous certificate is InvalidArgument. Each names the event's
// position and key and the reason.
Result<TrajectoryView> evaluate_trajectory(NormFramework const& framework, TrajectoryLog const& log, Date today);

}  // namespace sterk
