// File: trajectory_service.h
// TrajectoryService: stored trajectories as the parties see and change them (LIFECYCLE.md §1, §5):
// which trajectories a caller may see, one trajectory's view on a date, and recording a milestone
// event. An event is checked by the trajectory rules against the stored log before it is
// appended, in one transaction with its audit-log entry, so a refused event leaves nothing behind.
//
// Example:
//   auto stored = TRY(service.record_event(principal, actor, id, raw_event, today, now));
//   stored.view.state == TrajectoryState::Accepted
#pragma once

#include "core/auth/policy.h"
#include "core/estimate/tariffs.h"
#include "core/ports/store.h"
#include "core/registry/auditor.h"
#include "core/services/view_cache.h"
#include "core/services/user_service.h"
#include "core/evaluation/scope_fte.h"
#include "core/trajectory/overview.h"
#include "core/trajectory/trajectory.h"

#include <functional>
#include <string>
#include <vector>

namespace sterk {

// EventPayloadCodec: the stored text form of an event's payload (JSON, by an adapter).
class EventPayloadCodec {
public:
    virtual ~EventPayloadCodec() = default;
    // encode: the payload fields and verdicts of `raw` (not its date or key).
    virtual std::string encode(RawEvent const& raw) const = 0;
    virtual Result<RawEvent> decode(StoredEvent const& stored) const = 0;
};

// FrameworkLookup: a loaded framework version, or nullptr when unknown.
using FrameworkLookup = std::function<NormFramework const*(std::string const& version)>;

// AuditRequest: what a member asks for (LIFECYCLE.md §1), frozen into the trajectory.
struct AuditRequest {
    Id ci_id = 0;
    std::string variant;  // a variant of the tariffs file: "ci", "peer", "combi-iso-hkz", "combi-nvvk"
    TrajectoryKind kind = TrajectoryKind::Initial;
    // A self-evaluation made outside Sterklabel: the day it was completed. The member's latest
    // completed self-evaluation in Sterklabel takes precedence.
    std::optional<Date> self_evaluation_completed;
    std::optional<PreviousCertificate> previous_certificate;  // recertification
    std::map<std::string, double> fte_per_group;  // scope FTE per scope group of the framework
    std::string scope;  // the scope as the member describes it, stored as given (JSON text)
    // The period in which the member would like the audit (optional), kept in the payload of the
    // `audit_requested` event so the log holds it.
    std::optional<Date> preferred_from;
    std::optional<Date> preferred_until;
};

// RequestOutlook: what an audit request by the caller's organisation would start from today, so
// the request page can say it before anything is sent (the request itself checks it again).
struct RequestOutlook {
    std::optional<Date> self_evaluation_completed;  // Sterklabel's latest completed one, else the given date
    bool self_evaluation_in_sterklabel = false;
    // An initial certification's audit must start by this day (12 months after the self-evaluation,
    // B5 B3): the last day to request it, and the latest first audit day.
    std::optional<Date> request_until;
    Status membership = ok_status();  // membership_active today
    std::optional<TrajectoryRecord> running;  // a trajectory of the member that has not ended
    TrajectoryState running_state = TrajectoryState::SelfEvaluation;
    std::vector<std::string> blockers;  // why a request would be refused today, in Dutch; empty: none known
};

struct StoredTrajectory {
    TrajectoryRecord record;
    std::vector<StoredEvent> events;
    TrajectoryView view;
    std::vector<Auditor> team;  // the registry's records of the planned team (view.planning)
};

// TeamCandidate: an auditor the CI could put on a trajectory's team, and why it cannot (empty:
// it can), from auditor_refusals (core/registry/audit_team.h).
struct TeamCandidate {
    Auditor auditor;
    std::vector<std::string> reasons;
};

// EventEffects: what else an event does where more than the log is stored (the report's frozen
// versions, its remarks). prepare may complete or refuse the raw event before the rules check it;
// apply runs inside the event's transaction, so a refusal there leaves nothing behind.
class EventEffects {
public:
    virtual ~EventEffects() = default;
    virtual Status prepare(StoredTrajectory const& trajectory, RawEvent& raw) = 0;
    virtual Status apply(StoredTrajectory const& trajectory, RawEvent const& raw, Actor const& actor,
                         UnixTime now) = 0;
};

// user_display_name: a user's name for "saved by" lines; empty when unknown or none.
std::string user_display_name(Store& store, std::optional<Id> user_id);
// audit_trajectory: an audit-log entry about one trajectory (subject "trajectory:ID"), for the
// services that change a trajectory's records inside their own transactions.
Status audit_trajectory(Store& store, Actor const& actor, UnixTime now, std::string action, Id id, std::string detail);

class TrajectoryService {
public:
    TrajectoryService(Store& store, EventPayloadCodec const& codec, FrameworkLookup frameworks, Tariffs tariffs);

    // may_see: the member's own, the CI's own (its ci-admin), and the secretariat all; the
    // committee sees trends only. An auditor is not decided here (see sees()): false.
    static bool may_see(Principal const& caller, TrajectoryRecord const& trajectory);
    // planned_team: the team of the latest audit_planned in `events` (empty before planning).
    static Result<std::vector<TeamMember>> planned_team(EventPayloadCodec const& codec,
                                                        std::vector<StoredEvent> const& events);
    // may_record: whether the caller belongs to the party that records events of this `actor`
    // ("member", "ci", "secretariat") on this trajectory.
    static bool may_record(Principal const& caller, TrajectoryRecord const& trajectory, std::string const& actor);

    Result<std::vector<TrajectoryRecord>> list(Principal const& caller);
    // views: every trajectory the caller may see, each seen on `today` (the home page's open
    // actions, the calendar feed, the secretariat's overview), oldest first.
    Result<std::vector<ViewedTrajectory>> views(Principal const& caller, Date today);
    // request: a member's audit request on the current framework version. FailedPrecondition when
    // its membership is not active, the CI cannot be chosen (naming why), a trajectory of its own
    // is still running, or the rules refuse the first events (e.g. a self-evaluation older than
    // 12 months); InvalidArgument naming the field for bad input.
    Result<StoredTrajectory> request(Principal const& caller, Actor const& actor, AuditRequest const& input,
                                     std::string const& framework_version, Date today, UnixTime now);
    // request_outlook: the member's side of `request` without writing anything. `outside` is the
    // date of a self-evaluation made outside Sterklabel (used only when none is kept in it).
    Result<RequestOutlook> request_outlook(Principal const& caller, std::string const& framework_version,
                                           std::optional<Date> outside, Date today);
    // scope_fte: the scope FTE on a framework version, as a request computes it (the calculator).
    Result<ScopeFte> scope_fte(std::string const& framework_version,
                               std::map<std::string, double> const& fte_per_group) const;
    // get: NotFound when the trajectory is unknown or the caller may not see it (no existence leak).
    Result<StoredTrajectory> get(Principal const& caller, Id id, Date today);
    // record_event: NotFound as get; PermissionDenied when the caller's party may not record that
    // event; InvalidArgument for a bad payload or a date after today; FailedPrecondition with the
    // rule's reason when the route does not allow it now, or when another event was recorded
    // since the log was read. `audit_planned` is the ci-admin's (an auditor: PermissionDenied), and
    // its team must pass check_audit_team against the auditors registry: FailedPrecondition,
    // field "team", naming every auditor refused. (The pure trajectory rules, and so the CLI,
    // accept a plan without a team: who may audit is known only where the registry is.)
    Result<StoredTrajectory> record_event(Principal const& caller, Actor const& actor, Id id, RawEvent const& raw,
                                          Date today, UnixTime now);
    // team_candidates: for the CI planning this trajectory (its ci-admin, or the secretariat):
    // its CI's team leaders and assessors and, in the variant `peer`, every peer auditor, each
    // with the reasons it cannot audit from `first_day` through `last_day`. NotFound as get;
    // PermissionDenied for another party.
    Result<std::vector<TeamCandidate>> team_candidates(Principal const& caller, Id id, Date first_day, Date last_day);

    // add_effects: event effects to run with every recorded event, in the order added (none by
    // default): the report, the plan, the notifications.
    void add_effects(EventEffects* effects) { m_effects.push_back(effects); }
    Result<NormFramework const*> framework_of(TrajectoryRecord const& record);

private:
    // sees: may_see, and for an auditor: on the planned team, never of its own organisation
    // (LIFECYCLE.md §5).
    Result<bool> sees(Principal const& caller, TrajectoryRecord const& trajectory);
    // check_team: the planned team against the auditors registry (check_audit_team); 409 naming
    // every problem, field "team".
    Status check_team(TrajectoryRecord const& record, TrajectoryEvent const& event);
    std::string organisation_name(Id id);

    Result<TrajectoryLog> log_of(NormFramework const& framework, TrajectoryRecord const& record,
                                 std::vector<StoredEvent> const& events);

    Store& m_store;
    EventPayloadCodec const& m_codec;
    FrameworkLookup m_frameworks;
    Tariffs m_tariffs;
    std::vector<EventEffects*> m_effects;
    ViewCache m_views;  // for views(): only changed logs are replayed
};

}  // namespace sterk
