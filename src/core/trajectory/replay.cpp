#include "core/trajectory/replay.h"

#include "core/rules/deadlines.h"

namespace sterk::trajectory_detail {

namespace {

Error refuse(std::string reason)
{
    return Error::precondition(std::move(reason));
}

std::string day(Date d)
{
    return d.iso();
}

}  // namespace

Replay::Replay(NormFramework const& framework, TrajectoryLog const& log, Date today)
    : m_framework(framework), m_log(log), m_today(today)
{
}

std::optional<Scenario> Replay::scenario() const
{
    if (!findings) {
        return std::nullopt;
    }
    return findings->scenario;
}

Date Replay::latest_audit_day() const
{
    return latest_audit_after_self_evaluation(m_framework.procedure, *self_evaluation);
}

std::optional<Date> Replay::renewal_limit() const
{
    if (!m_log.previous_certificate) {
        return std::nullopt;
    }
    auto const expires = m_log.previous_certificate->expires;
    if (!accepted_before_expiry()) {
        return expires.add_days(-1);
    }
    return suspension_window(m_framework.procedure, expires).through;
}

bool Replay::accepted_before_expiry() const
{
    return m_log.previous_certificate && accepted && *accepted < m_log.previous_certificate->expires;
}

Date Replay::corrections_window_end() const
{
    return m_framework.procedure.deadline(DeadlineKind::FactualCorrections).period.after(*m_concept_sent);
}

void Replay::open(DeadlineKind kind, std::string after, Date from, std::optional<Date> agreed_due)
{
    auto const& rule = m_framework.procedure.deadline(kind);
    Date const due = agreed_due ? *agreed_due : rule.period.after(from);
    deadlines.push_back(TrajectoryDeadline{rule, std::move(after), from, due, std::nullopt, false, DeadlineState::Open});
}

TrajectoryDeadline* Replay::open_instance(DeadlineKind kind)
{
    for (auto it = deadlines.rbegin(); it != deadlines.rend(); ++it) {
        if (it->rule.kind == kind && !it->met_on && !it->closed) {
            return &*it;
        }
    }
    return nullptr;
}

void Replay::meet(DeadlineKind kind, Date on)
{
    if (auto* deadline = open_instance(kind)) {
        deadline->met_on = on;
    }
}

void Replay::close_open_deadlines()
{
    for (auto& deadline : deadlines) {
        if (!deadline.met_on) {
            deadline.closed = true;
        }
    }
}

Status Replay::apply(TrajectoryEvent const& event, size_t index)
{
    // A date after today is bad input; everything else is the route refusing the event here.
    auto const wrap = [&](std::string const& reason, ErrorCode code = ErrorCode::FailedPrecondition) {
        return Error{code, "gebeurtenis " + std::to_string(index + 1) + " (" + event_key(event.kind) + "): " + reason,
                     "events[" + std::to_string(index) + "]"};
    };
    if (event.on > m_today) {
        return wrap("de datum " + day(event.on) + " ligt na de peildatum " + day(m_today) +
                    "; een gebeurtenis wordt vastgelegd als ze gebeurd is",
                    ErrorCode::InvalidArgument);
    }
    if (index > 0 && event.on < m_log.events[index - 1].on) {
        return wrap("staat niet in datumvolgorde: " + day(event.on) + " ligt vóór de vorige gebeurtenis (" +
                    day(m_log.events[index - 1].on) + ")");
    }
    if (!m_started) {
        bool const first_allowed = event.kind == EventKind::SelfEvaluationCompleted ||
                                   (m_log.kind == TrajectoryKind::Recertification && event.kind == EventKind::AuditRequested);
        if (!first_allowed) {
            return wrap(m_log.kind == TrajectoryKind::Initial
                            ? "een eerste certificering begint met de zelfevaluatie (self_evaluation_completed)"
                            : "een hercertificering begint met de aanvraag (audit_requested), eventueel na een zelfevaluatie");
        }
        m_started = true;
    }
    if (negative || withdrawn) {
        return wrap("het traject is afgesloten (" + state_dutch(state) + ")");
    }
    if (state == TrajectoryState::Certified && event.kind != EventKind::FinalReportWithPlansSent) {
        return wrap("het certificaat is al uitgereikt; een volgende certificering is een nieuw traject");
    }
    Status status = ok_status();
    switch (event.kind) {
    case EventKind::SelfEvaluationCompleted:
    case EventKind::SelfEvaluationFeedbackRequested:
    case EventKind::SelfEvaluationFeedbackGiven:
    case EventKind::AuditRequested:
    case EventKind::AuditDeclined:
    case EventKind::AuditAccepted:
    case EventKind::MembershipConfirmed:
    case EventKind::AuditPlanned:
    case EventKind::TrajectoryWithdrawn: status = apply_route(event); break;
    case EventKind::LastAuditDay:
    case EventKind::ConceptSent:
    case EventKind::CorrectionsReceived:
    case EventKind::FindingsFinal: status = apply_report(event); break;
    case EventKind::PlanSubmitted:
    case EventKind::PlanRejected:
    case EventKind::RevisionSubmitted:
    case EventKind::PlanApproved:
    case EventKind::NextStepsAgreed:
    case EventKind::FinalReportWithPlansSent: status = apply_plan(event); break;
    case EventKind::AdditionalAuditPlanned:
    case EventKind::AdditionalAuditHeld:
    case EventKind::AdditionalAuditDeclined: status = apply_additional_audit(event); break;
    case EventKind::PositiveAdvice:
    case EventKind::NegativeAdvice: status = apply_advice(event); break;
    case EventKind::PartAReceived:
    case EventKind::PartAFoundIncomplete:
    case EventKind::PartAReturned:
    case EventKind::PartAResubmitted:
    case EventKind::ReceiptConfirmed:
    case EventKind::CertificateIssued: status = apply_part_a(event); break;
    }
    if (!status) {
        return wrap(status.error().message);
    }
    return ok_status();
}

Status Replay::apply_route(TrajectoryEvent const& e)
{
    bool const before_request = state == TrajectoryState::SelfEvaluation || state == TrajectoryState::Declined;
    switch (e.kind) {
    case EventKind::SelfEvaluationCompleted:
        if (!before_request) {
            return refuse("een zelfevaluatie hoort vóór de aanvraag van de toetsing");
        }
        self_evaluation = e.on;
        feedback_requested.reset();
        state = TrajectoryState::SelfEvaluation;
        return ok_status();
    case EventKind::SelfEvaluationFeedbackRequested:
        if (!self_evaluation || feedback_requested || state > TrajectoryState::Registered) {
            return refuse(!self_evaluation ? "er is geen zelfevaluatie om feedback op te vragen"
                                           : "feedback op deze zelfevaluatie is al gevraagd of de toetsing is al gepland");
        }
        feedback_requested = e.on;
        return ok_status();
    case EventKind::SelfEvaluationFeedbackGiven:
        if (!feedback_requested) {
            return refuse("er is geen feedback op de zelfevaluatie gevraagd");
        }
        return ok_status();
    case EventKind::AuditRequested:
        if (!before_request) {
            return refuse("er loopt al een aanvraag (" + state_dutch(state) + ")");
        }
        if (m_log.kind == TrajectoryKind::Initial && !self_evaluation) {
            return refuse("een eerste certificering begint met de zelfevaluatie");
        }
        if (auto const& prev = m_log.previous_certificate; prev && e.on >= prev->expires) {
            return refuse("het vorige certificaat " + prev->number + " is op " + day(prev->expires) +
                          " verlopen zonder lopende hercertificering; alleen een nieuwe eerste certificering (met zelfevaluatie) is mogelijk");
        }
        if (m_log.kind == TrajectoryKind::Initial && e.on > latest_audit_day()) {
            return refuse("de zelfevaluatie van " + day(*self_evaluation) + " is ouder dan " +
                          m_framework.procedure.postponement_after_self_evaluation.dutch() +
                          "; een nieuwe zelfevaluatie is nodig (B5 B3)");
        }
        if (m_log.kind == TrajectoryKind::Initial && e.preferred_from && *e.preferred_from > latest_audit_day()) {
            return refuse("de gewenste periode begint op " + day(*e.preferred_from) + ", maar de toetsing moet uiterlijk " +
                          day(latest_audit_day()) + " beginnen (" +
                          m_framework.procedure.postponement_after_self_evaluation.dutch() +
                          " na de zelfevaluatie van " + day(*self_evaluation) + ", B5 B3)");
        }
        state = TrajectoryState::Requested;
        return ok_status();
    case EventKind::AuditDeclined:
    case EventKind::AuditAccepted:
        if (state != TrajectoryState::Requested) {
            return refuse("er ligt geen aanvraag bij de CI");
        }
        if (e.kind == EventKind::AuditAccepted) {
            accepted = e.on;
            state = TrajectoryState::Accepted;
        } else {
            state = TrajectoryState::Declined;
        }
        return ok_status();
    case EventKind::MembershipConfirmed:
        if (state != TrajectoryState::Accepted) {
            return refuse("het lidmaatschap wordt bevestigd nadat de CI de aanvraag heeft geaccepteerd");
        }
        state = TrajectoryState::Registered;
        return ok_status();
    case EventKind::AuditPlanned:
        if (state != TrajectoryState::Registered && !(state == TrajectoryState::Planned && !last_audit_day)) {
            return refuse("plannen kan nadat het secretariaat de toetsing heeft geregistreerd (membership_confirmed)");
        }
        if (*e.last_day < *e.first_day) {
            return refuse("last_day (" + day(*e.last_day) + ") ligt vóór first_day (" + day(*e.first_day) + ")");
        }
        if (m_log.kind == TrajectoryKind::Initial && *e.first_day > latest_audit_day()) {
            return refuse("de toetsing op " + day(*e.first_day) + " ligt meer dan " +
                          m_framework.procedure.postponement_after_self_evaluation.dutch() + " na de zelfevaluatie van " +
                          day(*self_evaluation) + " (uiterlijk " + day(latest_audit_day()) +
                          "); een nieuwe zelfevaluatie is nodig (B5 B3)");
        }
        planned_first_day = e.first_day;
        planned_last_day = e.last_day;
        planning = AuditPlanning{*e.first_day, *e.last_day, e.days, e.locations, e.team};
        state = TrajectoryState::Planned;
        return ok_status();
    case EventKind::TrajectoryWithdrawn:
        withdrawn = e.on;
        close_open_deadlines();
        state = TrajectoryState::Withdrawn;
        return ok_status();
    default: return refuse("onverwachte gebeurtenis");
    }
}

Status Replay::apply_report(TrajectoryEvent const& e)
{
    switch (e.kind) {
    case EventKind::LastAuditDay:
        if (state != TrajectoryState::Planned || last_audit_day) {
            return refuse(state != TrajectoryState::Planned ? "de toetsing is niet gepland"
                                                            : "de laatste toetsdag is al vastgelegd");
        }
        if (e.on < *planned_first_day) {
            return refuse("de toetsing begint pas op " + day(*planned_first_day));
        }
        last_audit_day = e.on;
        open(DeadlineKind::ConceptReport, "last_audit_day", e.on);
        return ok_status();
    case EventKind::ConceptSent: {
        if (state != TrajectoryState::Planned) {
            return refuse("een conceptrapport volgt op een geplande toetsing");
        }
        Date const audit_end = last_audit_day ? *last_audit_day : *planned_last_day;
        if (e.on < audit_end) {
            return refuse("het conceptrapport kan pas na de laatste toetsdag (" + day(audit_end) + ")");
        }
        if (!last_audit_day) {
            open(DeadlineKind::ConceptReport, "last_audit_day", audit_end);
        }
        meet(DeadlineKind::ConceptReport, e.on);
        m_concept_sent = e.on;
        open(DeadlineKind::FactualCorrections, "concept_sent", e.on);
        state = TrajectoryState::Concept;
        return ok_status();
    }
    case EventKind::CorrectionsReceived:
        if (state != TrajectoryState::Concept) {
            return refuse(m_corrections ? "de correcties zijn al ontvangen" : "er ligt geen conceptrapport bij de organisatie");
        }
        if (e.on > corrections_window_end()) {
            return refuse("de correctietermijn liep tot " + day(corrections_window_end()) +
                          "; daarna geldt het concept als definitief");
        }
        meet(DeadlineKind::FactualCorrections, e.on);
        m_corrections = true;
        open(DeadlineKind::FinalReport, "corrections_received", e.on);
        state = TrajectoryState::Finalising;
        return ok_status();
    case EventKind::FindingsFinal: {
        if (state == TrajectoryState::Concept) {
            Date const window_end = corrections_window_end();
            if (e.on <= window_end) {
                return refuse("de organisatie kan het concept corrigeren tot en met " + day(window_end) +
                              "; zonder correcties wordt het pas daarna definitief");
            }
            open_instance(DeadlineKind::FactualCorrections)->closed = true;
            open(DeadlineKind::FinalReport, "factual_corrections", window_end);
        } else if (state != TrajectoryState::Finalising || findings) {
            return refuse(findings ? "de bevindingen zijn al definitief" : "er is nog geen conceptrapport");
        }
        meet(DeadlineKind::FinalReport, e.on);
        findings = advise(m_framework, *e.verdicts);
        final_verdicts = *e.verdicts;
        findings_final = e.on;
        switch (findings->scenario) {
        case Scenario::AllMet: state = TrajectoryState::Finalising; break;
        case Scenario::PlanRequired:
            open(DeadlineKind::ImprovementPlan, "findings_final", e.on);
            state = TrajectoryState::Plan;
            break;
        case Scenario::OverThreshold: {
            open(DeadlineKind::OverThresholdPlans, "findings_final", e.on);
            auto const& prev = m_log.previous_certificate;
            if (prev) {
                open(DeadlineKind::AdditionalAudit, "certificate_expiry", prev->expires);
            } else {
                open(DeadlineKind::AdditionalAudit, "findings_final", e.on);
            }
            state = TrajectoryState::Plan;
            break;
        }
        }
        return ok_status();
    }
    default: return refuse("onverwachte gebeurtenis");
    }
}

Status Replay::apply_plan(TrajectoryEvent const& e)
{
    auto const sc = scenario();
    bool const plans_asked = sc && *sc != Scenario::AllMet && !positive;
    if (e.kind == EventKind::FinalReportWithPlansSent) {
        if (plan != PlanStep::Approved || *sc != Scenario::PlanRequired || final_report_with_plans_sent) {
            return refuse(final_report_with_plans_sent ? "het definitieve rapport met de plannen is al verstuurd"
                                                       : "er is nog geen goedgekeurd verbeterplan (scenario b)");
        }
        final_report_with_plans_sent = true;
        meet(DeadlineKind::FinalReportWithPlans, e.on);
        return ok_status();
    }
    if (!plans_asked) {
        return refuse("er wordt geen verbeterplan gevraagd (" + state_dutch(state) + ")");
    }
    switch (e.kind) {
    case EventKind::PlanSubmitted:
        if (plan != PlanStep::None) {
            return refuse("het verbeterplan is al ingediend; een nieuwe versie na afkeuring is revision_submitted");
        }
        meet(*sc == Scenario::PlanRequired ? DeadlineKind::ImprovementPlan : DeadlineKind::OverThresholdPlans, e.on);
        open(DeadlineKind::PlanAssessment, "plan_submitted", e.on);
        plan = PlanStep::Submitted;
        ++plan_submissions;
        return ok_status();
    case EventKind::PlanRejected:
    case EventKind::PlanApproved: {
        if (plan != PlanStep::Submitted && plan != PlanStep::RevisionSubmitted) {
            return refuse("er ligt geen verbeterplan ter beoordeling");
        }
        bool const first = plan == PlanStep::Submitted;
        meet(first ? DeadlineKind::PlanAssessment : DeadlineKind::RevisionAssessment, e.on);
        if (e.kind == EventKind::PlanApproved) {
            plan = PlanStep::Approved;
            plan_approved = e.on;
            if (*sc == Scenario::PlanRequired) {
                open(DeadlineKind::FinalReportWithPlans, "plan_approved", e.on);
            }
        } else if (first) {
            open(DeadlineKind::PlanRevision, "plan_rejected", e.on);
            plan = PlanStep::Rejected;
        } else {
            plan = PlanStep::RejectedTwice;
        }
        return ok_status();
    }
    case EventKind::RevisionSubmitted:
        if (plan != PlanStep::Rejected && plan != PlanStep::NextSteps) {
            return refuse("een aangepast plan volgt op een afkeuring of een afgesproken vervolgstap");
        }
        meet(plan == PlanStep::Rejected ? DeadlineKind::PlanRevision : DeadlineKind::NextSteps, e.on);
        open(DeadlineKind::RevisionAssessment, "revision_submitted", e.on);
        plan = PlanStep::RevisionSubmitted;
        ++plan_submissions;
        return ok_status();
    case EventKind::NextStepsAgreed:
        if (plan != PlanStep::RejectedTwice) {
            return refuse("een vervolgstap wordt afgesproken nadat ook het aangepaste plan is afgekeurd (B6 §9b-iii)");
        }
        if (*e.due <= e.on) {
            return refuse("de afgesproken datum (due " + day(*e.due) + ") moet na " + day(e.on) + " liggen");
        }
        open(DeadlineKind::NextSteps, "next_steps_agreed", e.on, e.due);
        plan = PlanStep::NextSteps;
        return ok_status();
    default: return refuse("onverwachte gebeurtenis");
    }
}

Status Replay::apply_additional_audit(TrajectoryEvent const& e)
{
    auto const sc = scenario();
    if (!sc || *sc != Scenario::OverThreshold || positive) {
        return refuse("een aanvullende toetsing hoort bij scenario c (boven de grenzen)");
    }
    if (additional || additional_declined) {
        return refuse(additional ? "de aanvullende toetsing is al gehouden" : "de organisatie heeft van de aanvullende toetsing afgezien");
    }
    switch (e.kind) {
    case EventKind::AdditionalAuditPlanned: {
        auto const* deadline = open_instance(DeadlineKind::AdditionalAudit);
        if (deadline && *e.date > deadline->due) {
            return refuse("de aanvullende toetsing moet uiterlijk " + day(deadline->due) + " plaatsvinden (" +
                          deadline->rule.source + "), niet op " + day(*e.date));
        }
        additional_planned_for = e.date;
        state = TrajectoryState::AdditionalAudit;
        return ok_status();
    }
    case EventKind::AdditionalAuditHeld:
        if (!additional_planned_for) {
            return refuse("de aanvullende toetsing is nog niet gepland (additional_audit_planned)");
        }
        meet(DeadlineKind::AdditionalAudit, e.on);
        additional = advise(m_framework, *e.verdicts);
        return ok_status();
    case EventKind::AdditionalAuditDeclined:
        // Declining leaves only negative advice: plans and the audit are no longer asked for.
        close_open_deadlines();
        additional_declined = true;
        return ok_status();
    default: return refuse("onverwachte gebeurtenis");
    }
}

Status Replay::apply_advice(TrajectoryEvent const& e)
{
    if (!findings || positive) {
        return refuse(positive ? "het advies is al gegeven" : "advies volgt op de definitieve bevindingen (findings_final)");
    }
    auto const possible = positive_advice_blocked(*findings);
    if (e.kind == EventKind::NegativeAdvice) {
        if (findings->scenario == Scenario::AllMet && possible) {
            return refuse("alle normen voldoen (scenario a): het advies is positief");
        }
        negative = e.on;
        close_open_deadlines();
        state = TrajectoryState::Negative;
        return ok_status();
    }
    TRY(possible);
    switch (findings->scenario) {
    case Scenario::AllMet: break;
    case Scenario::PlanRequired:
        if (plan != PlanStep::Approved) {
            return refuse("in scenario b is het advies pas positief als de CI het verbeterplan heeft goedgekeurd");
        }
        break;
    case Scenario::OverThreshold:
        if (!additional) {
            return refuse("in scenario c is het advies pas positief na een aanvullende toetsing binnen de grenzen");
        }
        if (!additional->within_thresholds()) {
            return refuse("de aanvullende toetsing valt boven de grenzen (ten hoogste " +
                          std::to_string(additional->max_not_met) + " keer - en " + std::to_string(additional->max_partly) +
                          " keer +/-); het advies kan alleen negatief zijn");
        }
        TRY(positive_advice_blocked(*additional));
        if (plan != PlanStep::Approved) {
            return refuse("in scenario c is het advies pas positief als de CI de verbeterplannen heeft goedgekeurd");
        }
        break;
    }
    if (auto const limit = renewal_limit(); limit && e.on > *limit) {
        return refuse("het vorige certificaat " + m_log.previous_certificate->number + " is vervallen (" +
                      (accepted_before_expiry() ? "schorsing tot en met " + day(*limit) : "verlopen op " +
                                                                                         day(m_log.previous_certificate->expires)) +
                      "); alleen een nieuwe eerste certificering (met zelfevaluatie) is mogelijk");
    }
    positive = e.on;
    open(DeadlineKind::PartAToSecretariat, "positive_advice", e.on);
    state = TrajectoryState::PartA;
    return ok_status();
}

Status Replay::apply_part_a(TrajectoryEvent const& e)
{
    if (!positive) {
        return refuse("deel A gaat naar het secretariaat na een positief advies");
    }
    switch (e.kind) {
    case EventKind::PartAReceived:
        if (part_a != PartAStep::None) {
            return refuse("deel A is al ontvangen; een aangevulde versie is part_a_resubmitted");
        }
        meet(DeadlineKind::PartAToSecretariat, e.on);
        open(DeadlineKind::SecretariatCheck, "part_a_received", e.on);
        part_a = PartAStep::AwaitingCheck;
        part_a_last_received = e.on;
        return ok_status();
    case EventKind::PartAFoundIncomplete:
    case EventKind::ReceiptConfirmed:
        if (part_a != PartAStep::AwaitingCheck) {
            return refuse("er ligt geen deel A ter controle bij het secretariaat");
        }
        meet(DeadlineKind::SecretariatCheck, e.on);
        if (e.kind == EventKind::ReceiptConfirmed) {
            open(DeadlineKind::CertificateIssue, "receipt_confirmed", e.on);
            part_a = PartAStep::Confirmed;
            state = TrajectoryState::Certification;
        } else {
            // B6 §14a: back to the CI within 1 week of receipt, so the first week of the check decides.
            open(DeadlineKind::PartAReturn, "part_a_received", *part_a_last_received);
            part_a = PartAStep::FoundIncomplete;
        }
        return ok_status();
    case EventKind::PartAReturned:
        if (part_a != PartAStep::FoundIncomplete) {
            return refuse("deel A is niet onvolledig bevonden");
        }
        meet(DeadlineKind::PartAReturn, e.on);
        open(DeadlineKind::PartACompletion, "part_a_returned", e.on);
        part_a = PartAStep::Returned;
        return ok_status();
    case EventKind::PartAResubmitted:
        if (part_a != PartAStep::Returned) {
            return refuse("deel A is niet teruggestuurd naar de CI");
        }
        meet(DeadlineKind::PartACompletion, e.on);
        open(DeadlineKind::SecretariatCheck, "part_a_resubmitted", e.on);
        part_a = PartAStep::AwaitingCheck;
        part_a_last_received = e.on;
        return ok_status();
    case EventKind::CertificateIssued:
        if (part_a != PartAStep::Confirmed) {
            return refuse("het certificaat volgt nadat het secretariaat de ontvangst van deel A heeft bevestigd");
        }
        meet(DeadlineKind::CertificateIssue, e.on);
        certificate_issued = e.on;
        certificate_number = e.number;
        state = TrajectoryState::Certified;
        return ok_status();
    default: return refuse("onverwachte gebeurtenis");
    }
}

void Replay::finish_on_today()
{
    if (state == TrajectoryState::Planned && !last_audit_day && planned_last_day && m_today >= *planned_last_day) {
        // The CI need not record the last audit day: the concept is due 2 weeks after the planned one.
        open(DeadlineKind::ConceptReport, "last_audit_day", *planned_last_day);
    }
    if (state == TrajectoryState::Concept && m_today > corrections_window_end()) {
        // Without corrections the concept counts as final when the window ends (B6 §7).
        open_instance(DeadlineKind::FactualCorrections)->closed = true;
        open(DeadlineKind::FinalReport, "factual_corrections", corrections_window_end());
        state = TrajectoryState::Finalising;
    }
}

}  // namespace sterk::trajectory_detail
