// evaluate_trajectory: the replayed log seen on one date (deadline statuses, open actions, the
// certificates' dates and statuses).
#include "core/trajectory/trajectory.h"

#include "core/rules/deadlines.h"
#include "core/text.h"
#include "core/trajectory/replay.h"

#include <algorithm>

namespace sterk {

using trajectory_detail::PlanStep;
using trajectory_detail::Replay;

namespace {

DeadlineState state_on(TrajectoryDeadline const& d, Date today)
{
    if (d.met_on) {
        return *d.met_on <= d.due ? DeadlineState::Met : DeadlineState::MetLate;
    }
    if (d.closed) {
        return DeadlineState::Closed;
    }
    switch (deadline_status(Deadline{d.rule, d.from, d.due}, today)) {
    case DeadlineStatus::Open: return DeadlineState::Open;
    case DeadlineStatus::DueToday: return DeadlineState::DueToday;
    case DeadlineStatus::Overdue: return DeadlineState::Overdue;
    }
    return DeadlineState::Open;
}

// The next steps that no deadline covers: who is to act, given where the trajectory stands.
std::vector<std::pair<EventKind, std::optional<Date>>> next_steps(Replay const& r)
{
    using S = TrajectoryState;
    auto const sc = r.scenario();
    switch (r.state) {
    case S::SelfEvaluation:
        if (r.self_evaluation && r.log().kind == TrajectoryKind::Initial) {
            return {{EventKind::AuditRequested, r.latest_audit_day()}};
        }
        return {{r.log().kind == TrajectoryKind::Initial ? EventKind::SelfEvaluationCompleted : EventKind::AuditRequested,
                 std::nullopt}};
    case S::Declined: return {{EventKind::AuditRequested, std::nullopt}};
    case S::Requested: return {{EventKind::AuditAccepted, std::nullopt}};
    case S::Accepted: return {{EventKind::MembershipConfirmed, std::nullopt}};
    case S::Registered: return {{EventKind::AuditPlanned, std::nullopt}};
    case S::Finalising:
        if (r.findings && !r.positive) {
            return {{positive_advice_blocked(*r.findings) ? EventKind::PositiveAdvice : EventKind::NegativeAdvice,
                     std::nullopt}};
        }
        return {};
    case S::Plan:
    case S::AdditionalAudit: {
        std::vector<std::pair<EventKind, std::optional<Date>>> steps;
        if (r.plan == PlanStep::RejectedTwice) {
            steps.push_back({EventKind::NextStepsAgreed, std::nullopt});
        }
        if (sc == Scenario::PlanRequired && r.plan == PlanStep::Approved) {
            steps.push_back({EventKind::PositiveAdvice, std::nullopt});
        }
        if (sc == Scenario::OverThreshold) {
            if (r.additional_declined || (r.additional && !r.additional->within_thresholds())) {
                steps.push_back({EventKind::NegativeAdvice, std::nullopt});
            } else if (r.additional && r.plan == PlanStep::Approved) {
                steps.push_back({EventKind::PositiveAdvice, std::nullopt});
            } else if (!r.additional && !r.additional_planned_for) {
                steps.push_back({EventKind::AdditionalAuditPlanned, std::nullopt});
            }
        }
        return steps;
    }
    default: return {};
    }
}

PlanStage plan_stage_of(Replay const& r)
{
    switch (r.plan) {
    case PlanStep::None: {
        auto const sc = r.scenario();
        bool const asked = sc && *sc != Scenario::AllMet && !r.positive && !r.ended();
        return asked ? PlanStage::Draft : PlanStage::NotAsked;
    }
    case PlanStep::Submitted: return PlanStage::Submitted;
    case PlanStep::Rejected: return PlanStage::Rejected;
    case PlanStep::RevisionSubmitted: return PlanStage::RevisionSubmitted;
    case PlanStep::RejectedTwice: return PlanStage::RejectedTwice;
    case PlanStep::NextSteps: return PlanStage::NextSteps;
    case PlanStep::Approved: return PlanStage::Approved;
    }
    return PlanStage::NotAsked;
}

std::vector<OpenAction> open_actions(Replay const& r, std::vector<TrajectoryDeadline> const& deadlines)
{
    std::vector<OpenAction> actions;
    for (auto const& d : deadlines) {
        if (d.state == DeadlineState::Open || d.state == DeadlineState::DueToday || d.state == DeadlineState::Overdue) {
            actions.push_back(OpenAction{d.rule.actor, d.rule.key, d.rule.label, d.due, d.rule.source, {}});
        }
    }
    for (auto const& [kind, due] : next_steps(r)) {
        auto const* rule = r.framework().procedure.event(event_key(kind));
        if (rule != nullptr) {
            actions.push_back(OpenAction{rule->actor, rule->key, rule->todo, due, {}, {}});
        }
    }
    for (auto& a : actions) {
        a.status = !a.due ? DeadlineStatus::Open
                   : r.today() > *a.due ? DeadlineStatus::Overdue
                   : r.today() == *a.due ? DeadlineStatus::DueToday
                                         : DeadlineStatus::Open;
    }
    // Those with a due date first, earliest first; the rest in route order.
    std::stable_sort(actions.begin(), actions.end(), [](OpenAction const& a, OpenAction const& b) {
        if (a.due && b.due) {
            return *a.due < *b.due;
        }
        return a.due.has_value() && !b.due.has_value();
    });
    return actions;
}

PreviousCertificateView previous_view(Replay const& r, PreviousCertificate const& prev)
{
    auto const& procedure = r.framework().procedure;
    Date const today = r.today();
    PreviousCertificateView view{prev.number,
                                 prev.expires,
                                 PreviousStatus::Valid,
                                 std::nullopt,
                                 std::nullopt,
                                 expiry_notice_date(procedure, prev.expires),
                                 reminder_dates(procedure, prev.expires, r.accepted)};
    if (today < prev.expires) {
        view.status = PreviousStatus::Valid;
        return view;
    }
    if (r.certificate_issued) {
        view.status = PreviousStatus::Superseded;
        return view;
    }
    auto const suspension = suspension_window(procedure, prev.expires);
    if (!r.accepted_before_expiry()) {
        view.status = PreviousStatus::Lapsed;
        view.lapsed_on = prev.expires;
        return view;
    }
    // A renewal that turned positive within the suspension keeps it suspended until the follow-on
    // certificate, dated from the old expiry, is issued (it can no longer lapse).
    std::optional<Date> ended = r.negative ? r.negative : r.withdrawn;
    if (!ended && (today <= suspension.through || r.positive)) {
        view.status = PreviousStatus::Suspended;
        view.suspended_through = suspension.through;
        return view;
    }
    view.status = PreviousStatus::Lapsed;
    Date lapse = suspension.through.add_days(1);
    if (ended && *ended < lapse) {
        lapse = std::max(*ended, prev.expires);
    }
    view.lapsed_on = lapse;
    return view;
}

std::vector<std::string> notes_for(Replay const& r)
{
    std::vector<std::string> notes;
    auto const add = [&](Advice const& advice, std::string const& which) {
        if (!advice.always_applicable_not_applicable.empty()) {
            notes.push_back(which + ": n.v.t. bij een norm die altijd van toepassing is: " +
                            join(advice.always_applicable_not_applicable));
        }
        if (auto const blocked = positive_advice_blocked(advice); !blocked) {
            notes.push_back(which + ": " + blocked.error().message);
        }
    };
    if (r.findings) {
        add(*r.findings, "Bevindingen");
    }
    if (r.additional) {
        add(*r.additional, "Aanvullende toetsing");
    }
    return notes;
}

// checked_previous: the earlier certificate the secretariat confirmed at registration (the latest
// membership_confirmed that names one). An initial certification cannot rest on a certificate that
// is still running at its request: that member asks for a re-certification instead.
Result<std::optional<CheckedPreviousCertificate>> checked_previous(TrajectoryLog const& log)
{
    std::optional<CheckedPreviousCertificate> checked;
    std::optional<Date> requested;
    for (size_t i = 0; i < log.events.size(); ++i) {
        auto const& e = log.events[i];
        if (e.kind == EventKind::AuditRequested && !requested) {
            requested = e.on;
        }
        if (e.kind != EventKind::MembershipConfirmed || !e.previous_expires) {
            continue;
        }
        auto const number = e.previous_number.empty() && log.previous_certificate ? log.previous_certificate->number
                                                                                  : e.previous_number;
        if (log.kind == TrajectoryKind::Initial && requested && *e.previous_expires > *requested) {
            return Error::precondition(
                "gebeurtenis " + std::to_string(i + 1) + " (membership_confirmed): het eerdere certificaat " + number +
                    " liep bij de aanvraag nog (tot " + e.previous_expires->iso() +
                    "); dit is een hercertificering, laat het lid die aanvragen");
        }
        bool const differs = log.previous_certificate && log.previous_certificate->expires != *e.previous_expires;
        checked = CheckedPreviousCertificate{number, *e.previous_expires, e.on, differs};
    }
    return checked;
}

Result<TrajectoryView> evaluate_checked(NormFramework const& framework, TrajectoryLog const& log, Date today,
                                        std::optional<CheckedPreviousCertificate> const& checked);

}  // namespace

Result<TrajectoryView> evaluate_trajectory(NormFramework const& framework, TrajectoryLog const& log, Date today)
{
    if (log.kind == TrajectoryKind::Recertification && !log.previous_certificate) {
        return Error::invalid("previous_certificate",
                              "een hercertificering noemt het vorige certificaat (previous_certificate met number en expires)");
    }
    if (log.kind == TrajectoryKind::Initial && log.previous_certificate) {
        return Error::invalid("previous_certificate",
                              "een eerste certificering heeft geen vorig certificaat; kies kind \"recertification\"");
    }
    if (log.events.empty()) {
        return Error::invalid("events", "het traject heeft nog geen gebeurtenissen");
    }
    auto const checked = TRY(checked_previous(log));
    TrajectoryLog corrected;
    if (checked && log.kind == TrajectoryKind::Recertification) {
        // The secretariat's check is the fact the dates count from; the member's claim was a claim.
        corrected = log;
        corrected.previous_certificate = PreviousCertificate{
            checked->number.empty() ? log.previous_certificate->number : checked->number, checked->expires};
    }
    return evaluate_checked(framework, corrected.events.empty() ? log : corrected, today, checked);
}

namespace {

Result<TrajectoryView> evaluate_checked(NormFramework const& framework, TrajectoryLog const& log, Date today,
                                        std::optional<CheckedPreviousCertificate> const& checked)
{
    Replay replay(framework, log, today);
    for (size_t i = 0; i < log.events.size(); ++i) {
        TRY(replay.apply(log.events[i], i));
    }
    replay.finish_on_today();

    TrajectoryView view;
    view.kind = log.kind;
    view.state = replay.state;
    view.scenario = replay.scenario();
    view.findings = replay.findings;
    view.final_verdicts = replay.final_verdicts;
    view.plan = plan_stage_of(replay);
    view.plan_rounds = replay.plan_submissions;
    view.additional_audit = replay.additional;
    if (replay.positive) {
        view.advice = AdviceOutcome::Positive;
    } else if (replay.negative) {
        view.advice = AdviceOutcome::Negative;
    }
    view.deadlines = replay.deadlines;
    view.planning = replay.planning;
    for (auto& d : view.deadlines) {
        d.state = state_on(d, today);
    }
    view.actions = open_actions(replay, view.deadlines);
    if (replay.certificate_issued) {
        std::optional<Date> previous_expiry;
        Date decided = *replay.certificate_issued;
        if (log.previous_certificate) {
            previous_expiry = log.previous_certificate->expires;
            decided = *replay.positive;
        }
        auto const term = certificate_term(framework.procedure, decided, previous_expiry);
        view.certificate = NewCertificate{replay.certificate_number, *replay.certificate_issued, term.starts,
                                          term.valid_through, term.expires};
    }
    if (log.previous_certificate) {
        view.previous_certificate = previous_view(replay, *log.previous_certificate);
    }
    view.notes = notes_for(replay);
    view.previous_check = checked;
    return view;
}

}  // namespace

}  // namespace sterk
