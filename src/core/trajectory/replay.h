// File: replay.h
// Replay: folds a trajectory's events, one at a time, into the facts the view is made of. Each
// event is checked against those before it: the route of LIFECYCLE.md §2 is the only way through.
// Internal to the trajectory rules; callers use evaluate_trajectory() (trajectory.h).
#pragma once

#include "core/trajectory/trajectory.h"

namespace sterk::trajectory_detail {

enum class PlanStep { None, Submitted, Rejected, RevisionSubmitted, RejectedTwice, NextSteps, Approved };
enum class PartAStep { None, AwaitingCheck, FoundIncomplete, Returned, Confirmed };

class Replay {
public:
    Replay(NormFramework const& framework, TrajectoryLog const& log, Date today);

    // apply: the next event; an error names the event and why it cannot come here.
    Status apply(TrajectoryEvent const& event, size_t index);
    // finish_on_today: the deadlines that start by the passing of time alone (the last audit day
    // as planned, the correction window that ended unused).
    void finish_on_today();

    NormFramework const& framework() const { return m_framework; }
    TrajectoryLog const& log() const { return m_log; }
    Date today() const { return m_today; }

    TrajectoryState state = TrajectoryState::SelfEvaluation;
    std::vector<TrajectoryDeadline> deadlines;
    std::optional<Date> self_evaluation;
    std::optional<Date> feedback_requested;
    std::optional<Date> accepted;
    std::optional<Date> planned_first_day;
    std::optional<Date> planned_last_day;
    std::optional<AuditPlanning> planning;
    std::optional<Date> last_audit_day;
    std::optional<Advice> findings;
    std::optional<Date> findings_final;
    PlanStep plan = PlanStep::None;
    int plan_submissions = 0;
    std::optional<VerdictMap> final_verdicts;
    std::optional<Date> plan_approved;
    bool final_report_with_plans_sent = false;
    std::optional<Date> additional_planned_for;
    std::optional<Advice> additional;
    bool additional_declined = false;
    std::optional<Date> positive;
    std::optional<Date> negative;
    std::optional<Date> withdrawn;
    PartAStep part_a = PartAStep::None;
    std::optional<Date> part_a_last_received;
    std::optional<Date> certificate_issued;
    std::string certificate_number;

    bool ended() const { return negative || withdrawn; }
    std::optional<Scenario> scenario() const;
    Date latest_audit_day() const;  // REQUIRES self_evaluation
    // The day after which a renewal can no longer follow on: the end of the suspension.
    std::optional<Date> renewal_limit() const;
    bool accepted_before_expiry() const;

private:
    Status apply_route(TrajectoryEvent const& event);
    Status apply_report(TrajectoryEvent const& event);
    Status apply_plan(TrajectoryEvent const& event);
    Status apply_additional_audit(TrajectoryEvent const& event);
    Status apply_advice(TrajectoryEvent const& event);
    Status apply_part_a(TrajectoryEvent const& event);

    void open(DeadlineKind kind, std::string after, Date from, std::optional<Date> agreed_due = std::nullopt);
    void meet(DeadlineKind kind, Date on);
    void close_open_deadlines();
    TrajectoryDeadline* open_instance(DeadlineKind kind);
    Date corrections_window_end() const;  // REQUIRES the concept was sent

    NormFramework const& m_framework;
    TrajectoryLog const& m_log;
    Date m_today;
    bool m_started = false;
    std::optional<Date> m_concept_sent;
    bool m_corrections = false;
};

}  // namespace sterk::trajectory_detail
