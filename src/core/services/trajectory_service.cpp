#include "core/services/trajectory_service.h"

#include "core/evaluation/scope_fte.h"
#include "core/registry/audit_team.h"
#include "core/registry/registry.h"
#include "core/rules/deadlines.h"
#include "core/text.h"

namespace sterk {

namespace {

Error not_found()
{
    return Error::not_found("Dit traject bestaat niet of is niet zichtbaar voor u.");
}

}  // namespace

TrajectoryService::TrajectoryService(Store& store, EventPayloadCodec const& codec, FrameworkLookup frameworks,
                                     Tariffs tariffs)
    : m_store(store), m_codec(codec), m_frameworks(std::move(frameworks)), m_tariffs(std::move(tariffs))
{
}

bool TrajectoryService::may_see(Principal const& caller, TrajectoryRecord const& trajectory)
{
    switch (caller.role) {
    case Role::Secretariat: return true;
    case Role::Member: return caller.organisation_id == trajectory.member_id;
    case Role::CiAdmin: return caller.organisation_id == trajectory.ci_id;
    case Role::Auditor:
    case Role::Committee: return false;
    }
    return false;
}

Result<std::vector<TeamMember>> TrajectoryService::planned_team(EventPayloadCodec const& codec,
                                                                std::vector<StoredEvent> const& events)
{
    std::vector<TeamMember> team;
    for (auto const& stored : events) {
        if (stored.key != "audit_planned") {
            continue;
        }
        auto const raw = TRY(codec.decode(stored));
        team.clear();
        for (auto const& member : raw.team.value_or(std::vector<RawTeamMember>{})) {
            try {
                team.push_back(TeamMember{std::stoll(member.auditor_id), member.role});
            } catch (std::exception const&) {
                return Error::internal("ongeldig teamlid in gebeurtenis " + std::to_string(stored.seq) + " van traject " +
                                       std::to_string(stored.trajectory_id));
            }
        }
    }
    return team;
}

Result<bool> TrajectoryService::sees(Principal const& caller, TrajectoryRecord const& trajectory)
{
    if (caller.role != Role::Auditor) {
        return may_see(caller, trajectory);
    }
    // An auditor: from planning on, the trajectories whose team it is on; a peer auditor never
    // its own organisation's (LIFECYCLE.md §5).
    if (caller.organisation_id == trajectory.member_id) {
        return false;
    }
    std::vector<Id> mine;
    for (auto const& auditor : TRY(m_store.auditors().list())) {
        if (auditor.user_id && *auditor.user_id == caller.user_id) {
            mine.push_back(auditor.id);
        }
    }
    if (mine.empty()) {
        return false;
    }
    for (auto const& member : TRY(planned_team(m_codec, TRY(m_store.trajectories().events(trajectory.id))))) {
        for (Id id : mine) {
            if (member.auditor_id == id) {
                return true;
            }
        }
    }
    return false;
}

std::string TrajectoryService::organisation_name(Id id)
{
    auto const found = m_store.organisations().find(id);
    return found && found.value() ? found.value()->name : "organisatie " + std::to_string(id);
}

Status TrajectoryService::check_team(TrajectoryRecord const& record, TrajectoryEvent const& event)
{
    AuditTarget const target{record.ci_id, record.member_id, record.variant, *event.first_day, *event.last_day};
    auto const problems = check_audit_team(event.team, TRY(m_store.auditors().list()), target,
                                           [this](Id id) { return organisation_name(id); });
    if (!problems.empty()) {
        return Error{ErrorCode::FailedPrecondition, join(problems, " "), "team"};
    }
    return ok_status();
}

Result<std::vector<TeamCandidate>> TrajectoryService::team_candidates(Principal const& caller, Id id, Date first_day,
                                                                      Date last_day)
{
    auto const record = TRY(m_store.trajectories().find(id));
    if (!record || !TRY(sees(caller, *record))) {
        return not_found();
    }
    if (caller.role != Role::Secretariat && !(caller.role == Role::CiAdmin && caller.organisation_id == record->ci_id)) {
        return Error{ErrorCode::PermissionDenied, "Alleen de CI van dit traject stelt het toetsteam samen.", {}};
    }
    if (last_day < first_day) {
        return Error::invalid("last_day", "De laatste toetsdag ligt vóór de eerste.");
    }
    AuditTarget const target{record->ci_id, record->member_id, record->variant, first_day, last_day};
    std::vector<TeamCandidate> out;
    for (auto const& auditor : TRY(m_store.auditors().list())) {
        bool const of_this_ci = auditor.role != AuditorRole::Peer && auditor.organisation_id == record->ci_id;
        bool const peer_here = auditor.role == AuditorRole::Peer && record->variant == "peer";
        if (of_this_ci || peer_here) {
            out.push_back({auditor, auditor_refusals(auditor, target, [this](Id o) { return organisation_name(o); })});
        }
    }
    return out;
}

bool TrajectoryService::may_record(Principal const& caller, TrajectoryRecord const& trajectory,
                                   std::string const& actor)
{
    if (actor == "member") {
        return caller.role == Role::Member && caller.organisation_id == trajectory.member_id;
    }
    if (actor == "ci") {
        return (caller.role == Role::CiAdmin || caller.role == Role::Auditor) &&
               caller.organisation_id == trajectory.ci_id;
    }
    return actor == "secretariat" && caller.role == Role::Secretariat;
}

Result<std::vector<TrajectoryRecord>> TrajectoryService::list(Principal const& caller)
{
    std::vector<TrajectoryRecord> visible;
    for (auto const& t : TRY(m_store.trajectories().list())) {
        if (TRY(sees(caller, t))) {
            visible.push_back(t);
        }
    }
    return visible;
}

Result<StoredTrajectory> TrajectoryService::request(Principal const& caller, Actor const& actor,
                                                    AuditRequest const& input, std::string const& framework_version,
                                                    Date today, UnixTime now)
{
    if (caller.role != Role::Member || !caller.organisation_id) {
        return Error{ErrorCode::PermissionDenied, "Alleen een lid vraagt een toetsing aan.", {}};
    }
    Id const member_id = *caller.organisation_id;
    auto const* framework = m_frameworks(framework_version);
    if (framework == nullptr) {
        return Error::internal("normenkader " + framework_version + " is niet geladen");
    }
    if (m_tariffs.find_variant(input.variant) == nullptr) {
        std::vector<std::string> known;
        for (auto const& v : m_tariffs.variants) {
            known.push_back(v.key);
        }
        return Error::invalid("variant", "Kies een toetsingsvariant: " + join(known) + ".");
    }
    auto const scope = compute_scope_fte(*framework, input.fte_per_group);
    if (!scope) {
        return Error::invalid("fte", scope.error().message);
    }
    auto const member = TRY(m_store.registry().find_member(member_id)).value_or(MemberProfile{});
    if (auto const active = membership_active(member, today); !active) {
        return Error::precondition("Alleen een actief lid kan een toetsing aanvragen. " + active.error().message);
    }
    auto const ci = TRY(m_store.organisations().find(input.ci_id));
    if (!ci || ci->kind != OrganisationKind::CertificationBody) {
        return Error::invalid("ci_id", "Kies een certificerende instelling uit de lijst.");
    }
    auto const lapsed =
        ci_lapsed_conditions(TRY(m_store.registry().find_ci(input.ci_id)).value_or(CiProfile{}), today);
    if (!lapsed.empty()) {
        return Error{ErrorCode::FailedPrecondition, ci->name + " kan nu niet gekozen worden: " + join(lapsed) + ".",
                     "ci_id"};
    }
    for (auto const& existing : TRY(m_store.trajectories().list())) {
        if (existing.member_id != member_id) {
            continue;
        }
        auto const running = TRY(get(caller, existing.id, today));
        auto const state = running.view.state;
        if (state != TrajectoryState::Certified && state != TrajectoryState::Negative &&
            state != TrajectoryState::Withdrawn && state != TrajectoryState::Declined) {
            return Error::precondition("Er loopt al een traject (" + state_dutch(state) + "); rond dat eerst af of trek het in.");
        }
    }

    // The self-evaluation kept in Sterklabel wins; a date the member gives is for one made before
    // (on paper, outside the system).
    std::optional<Date> self_evaluation = input.self_evaluation_completed;
    for (auto const& kept : TRY(m_store.self_evaluations().list(member_id))) {
        if (!kept.completed_on.empty()) {
            self_evaluation = TRY(Date::parse(kept.completed_on, "self_evaluation_completed_on"));
            break;  // newest first
        }
    }
    std::vector<RawEvent> events;
    if (self_evaluation) {
        events.push_back(RawEvent{self_evaluation->iso(), "self_evaluation_completed", {}, std::nullopt});
    }
    RawEvent requested{today.iso(), "audit_requested", {}, std::nullopt};
    if (input.preferred_from) {
        requested.fields["preferred_from"] = input.preferred_from->iso();
    }
    if (input.preferred_until) {
        requested.fields["preferred_until"] = input.preferred_until->iso();
    }
    events.push_back(std::move(requested));
    TrajectoryLog log{input.kind, input.previous_certificate, {}};
    for (size_t i = 0; i < events.size(); ++i) {
        auto parsed = parse_event(*framework, events[i], i);
        if (!parsed) {
            // The request's own fields: name them as the request does (preferred_period).
            auto error = parsed.error();
            if (error.field.find("preferred_") != std::string::npos) {
                error.field = "preferred_period";
                auto const reason = error.message.find("): ");
                error.message = "Gewenste periode: " +
                                (reason == std::string::npos ? error.message : error.message.substr(reason + 3)) + ".";
            }
            return error;
        }
        log.events.push_back(*parsed);
    }
    if (auto const evaluated = evaluate_trajectory(*framework, log, today); !evaluated) {
        // The member asked for one thing: say why without the log's positions, and name the
        // preferred period when it alone is what the rules refuse.
        auto error = evaluated.error();
        auto const reason = error.message.find("): ");
        if (error.message.rfind("gebeurtenis ", 0) == 0 && reason != std::string::npos) {
            error.message = "De aanvraag kan niet: " + error.message.substr(reason + 3) + ".";
        }
        TrajectoryLog without_period = log;
        without_period.events.back().preferred_from.reset();
        without_period.events.back().preferred_until.reset();
        bool const period_alone = (input.preferred_from || input.preferred_until) &&
                                  evaluate_trajectory(*framework, without_period, today).ok();
        error.field = period_alone ? "preferred_period" : "";
        return error;
    }

    TrajectoryRecord record{0,
                            member_id,
                            input.ci_id,
                            trajectory_kind_key(input.kind),
                            input.variant,
                            framework->version,
                            input.previous_certificate ? input.previous_certificate->number : std::string{},
                            input.previous_certificate ? input.previous_certificate->expires.iso() : std::string{},
                            input.scope.empty() ? "{}" : input.scope,
                            now};
    Id id = 0;
    TRY(m_store.transaction([&]() -> Status {
        id = TRY(m_store.trajectories().create(record));
        for (size_t i = 0; i < events.size(); ++i) {
            TRY(m_store.trajectories().append(
                {id, static_cast<int>(i) + 1, events[i].on, events[i].key, m_codec.encode(events[i]), actor.user_id, now}));
        }
        if (!m_effects.empty()) {
            // The request itself (audit_requested, the last event) tells the CI it must answer.
            auto after = TRY(get(caller, id, today));
            for (auto* effects : m_effects) {
                TRY(effects->apply(after, events.back(), actor, now));
            }
        }
        auto entry = audit_entry(now, "trajectory.request", actor.email, actor.ip, actor.user_id,
                                 ci->name + ", variant " + input.variant);
        entry.subject = "trajectory:" + std::to_string(id);
        TRY(m_store.audit_log().append(entry));
        return ok_status();
    }));
    return get(caller, id, today);
}

Result<ScopeFte> TrajectoryService::scope_fte(std::string const& framework_version,
                                              std::map<std::string, double> const& fte_per_group) const
{
    auto const* framework = m_frameworks(framework_version);
    if (framework == nullptr) {
        return Error::internal("normenkader " + framework_version + " is niet geladen");
    }
    return compute_scope_fte(*framework, fte_per_group);
}

Result<RequestOutlook> TrajectoryService::request_outlook(Principal const& caller, std::string const& framework_version,
                                                          std::optional<Date> outside, Date today)
{
    if (caller.role != Role::Member || !caller.organisation_id) {
        return Error{ErrorCode::PermissionDenied, "Alleen een lid vraagt een toetsing aan.", {}};
    }
    Id const member_id = *caller.organisation_id;
    auto const* framework = m_frameworks(framework_version);
    if (framework == nullptr) {
        return Error::internal("normenkader " + framework_version + " is niet geladen");
    }
    RequestOutlook outlook;
    auto const member = TRY(m_store.registry().find_member(member_id)).value_or(MemberProfile{});
    outlook.membership = membership_active(member, today);
    if (!outlook.membership) {
        outlook.blockers.push_back("Alleen een actief lid kan een toetsing aanvragen. " + outlook.membership.error().message);
    }
    for (auto const& existing : TRY(m_store.trajectories().list())) {
        if (existing.member_id != member_id) {
            continue;
        }
        auto const running = TRY(get(caller, existing.id, today));
        auto const state = running.view.state;
        if (state != TrajectoryState::Certified && state != TrajectoryState::Negative &&
            state != TrajectoryState::Withdrawn && state != TrajectoryState::Declined) {
            outlook.running = existing;
            outlook.running_state = state;
            outlook.blockers.push_back("Er loopt al een traject (" + state_dutch(state) + "); rond dat eerst af of trek het in.");
            break;
        }
    }
    outlook.self_evaluation_completed = outside;
    for (auto const& kept : TRY(m_store.self_evaluations().list(member_id))) {
        if (!kept.completed_on.empty()) {
            outlook.self_evaluation_completed = TRY(Date::parse(kept.completed_on, "self_evaluation_completed_on"));
            outlook.self_evaluation_in_sterklabel = true;
            break;  // newest first
        }
    }
    if (outlook.self_evaluation_completed) {
        outlook.request_until =
            latest_audit_after_self_evaluation(framework->procedure, *outlook.self_evaluation_completed);
        if (today > *outlook.request_until) {
            outlook.blockers.push_back("De zelfevaluatie van " + outlook.self_evaluation_completed->iso() + " is ouder dan " +
                                       framework->procedure.postponement_after_self_evaluation.dutch() +
                                       "; een nieuwe zelfevaluatie is nodig (B5 B3).");
        }
    }
    return outlook;
}

Result<NormFramework const*> TrajectoryService::framework_of(TrajectoryRecord const& record)
{
    auto const* framework = m_frameworks(record.framework_version);
    if (framework == nullptr) {
        return Error::internal("normenkader " + record.framework_version + " van traject " + std::to_string(record.id) +
                               " is niet geladen");
    }
    return framework;
}

Result<TrajectoryLog> TrajectoryService::log_of(NormFramework const& framework, TrajectoryRecord const& record,
                                                std::vector<StoredEvent> const& events)
{
    auto const kind = parse_trajectory_kind(record.kind);
    if (!kind) {
        return Error::internal("onbekend soort traject in de database: " + record.kind);
    }
    TrajectoryLog log;
    log.kind = *kind;
    if (!record.previous_certificate_expires.empty()) {
        log.previous_certificate = PreviousCertificate{
            record.previous_certificate_number,
            TRY(Date::parse(record.previous_certificate_expires, "previous_certificate.expires"))};
    }
    for (size_t i = 0; i < events.size(); ++i) {
        log.events.push_back(TRY(parse_event(framework, TRY(m_codec.decode(events[i])), i)));
    }
    return log;
}

std::string user_display_name(Store& store, std::optional<Id> user_id)
{
    if (!user_id) {
        return "";
    }
    auto const user = store.users().find(*user_id);
    return user && *user ? (*user)->name : "";
}

Status audit_trajectory(Store& store, Actor const& actor, UnixTime now, std::string action, Id id, std::string detail)
{
    auto entry = audit_entry(now, std::move(action), actor.email, actor.ip, actor.user_id, std::move(detail));
    entry.subject = "trajectory:" + std::to_string(id);
    TRY(store.audit_log().append(entry));
    return ok_status();
}

Result<std::vector<ViewedTrajectory>> TrajectoryService::views(Principal const& caller, Date today)
{
    std::vector<ViewedTrajectory> out;
    auto const last_seqs = TRY(m_store.trajectories().last_seqs());
    for (auto& record : TRY(list(caller))) {
        auto const seq = last_seqs.find(record.id);
        int const last_seq = seq == last_seqs.end() ? 0 : seq->second;
        auto view = m_views.find(record, last_seq, today);
        if (!view) {
            auto const* framework = TRY(framework_of(record));
            auto const events = TRY(m_store.trajectories().events(record.id));
            view = TRY(evaluate_trajectory(*framework, TRY(log_of(*framework, record, events)), today));
            // An event recorded since last_seqs was read is in `events`: stamp what was replayed.
            m_views.store(record, events.empty() ? 0 : events.back().seq, today, *view);
        }
        out.push_back(ViewedTrajectory{std::move(record), std::move(*view)});
    }
    return out;
}

Result<StoredTrajectory> TrajectoryService::get(Principal const& caller, Id id, Date today)
{
    auto const record = TRY(m_store.trajectories().find(id));
    if (!record || !TRY(sees(caller, *record))) {
        return not_found();
    }
    auto const* framework = TRY(framework_of(*record));
    auto events = TRY(m_store.trajectories().events(id));
    auto const log = TRY(log_of(*framework, *record, events));
    auto view = TRY(evaluate_trajectory(*framework, log, today));
    std::vector<Auditor> team;
    if (view.planning) {
        for (auto const& member : view.planning->team) {
            if (auto found = TRY(m_store.auditors().find(member.auditor_id))) {
                team.push_back(std::move(*found));
            }
        }
    }
    return StoredTrajectory{*record, std::move(events), std::move(view), std::move(team)};
}

Result<StoredTrajectory> TrajectoryService::record_event(Principal const& caller, Actor const& actor, Id id,
                                                         RawEvent const& raw, Date today, UnixTime now)
{
    auto const record = TRY(m_store.trajectories().find(id));
    if (!record || !TRY(sees(caller, *record))) {
        return not_found();
    }
    auto const* framework = TRY(framework_of(*record));
    RawEvent completed = raw;
    if (!m_effects.empty()) {
        auto const before = TRY(get(caller, id, today));
        for (auto* effects : m_effects) {
            TRY(effects->prepare(before, completed));
        }
    }
    auto events = TRY(m_store.trajectories().events(id));
    auto log = TRY(log_of(*framework, *record, events));
    auto const event = TRY(parse_event(*framework, completed, events.size()));
    auto const* rule = framework->procedure.event(raw.key);
    if (rule == nullptr || !may_record(caller, *record, rule->actor)) {
        return Error{ErrorCode::PermissionDenied,
                     "'" + raw.key + "' legt " + (rule ? rule->actor : std::string("?")) + " vast, niet u.", "event"};
    }
    // The CI's office plans the audit and its team (LIFECYCLE.md §7); the team records the rest.
    if (event.kind == EventKind::AuditPlanned && caller.role == Role::Auditor) {
        return Error{ErrorCode::PermissionDenied, "De toetsing en het team plant de beheerder van de CI.", "event"};
    }
    log.events.push_back(event);
    TRY(evaluate_trajectory(*framework, log, today));
    if (event.kind == EventKind::AuditPlanned) {
        TRY(check_team(*record, event));
    }

    StoredEvent stored{id, static_cast<int>(events.size()) + 1, raw.on, raw.key, m_codec.encode(completed),
                       actor.user_id, now};
    TRY(m_store.transaction([&]() -> Status {
        TRY(m_store.trajectories().append(stored));
        if (!m_effects.empty()) {
            auto after = TRY(get(caller, id, today));
            for (auto* effects : m_effects) {
                TRY(effects->apply(after, completed, actor, now));
            }
        }
        auto entry = audit_entry(now, "trajectory.event", actor.email, actor.ip, actor.user_id,
                                 raw.key + " op " + raw.on);
        entry.subject = "trajectory:" + std::to_string(id);
        TRY(m_store.audit_log().append(entry));
        return ok_status();
    }));
    return get(caller, id, today);
}

}  // namespace sterk
