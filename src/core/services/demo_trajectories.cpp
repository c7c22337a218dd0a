#include "core/services/demo_trajectories.h"

#include "core/registry/audit_team.h"
#include "core/services/peer_pool_service.h"
#include "core/services/self_evaluation_service.h"

#include <tuple>

namespace sterk {

namespace {

struct DemoEvent {
    int days_ago;
    char const* key;
    std::map<std::string, std::string> fields;
    std::optional<std::vector<RawTeamMember>> team = std::nullopt;
    std::optional<std::vector<std::string>> locations = std::nullopt;
};

// seed_demo_auditors: CI Toetsbureau's demo team leader and assessor as auditors, linked to their
// logins, with their B9 declarations received over a year ago (before Buurtwerk Noord's audit). Their ids.
Result<std::pair<Id, Id>> seed_demo_auditors(Store& store, Id ci, Date today)
{
    std::vector<Id> ids;
    for (auto const& [email, name, role] :
         {std::tuple{"teamleider@ci-toets.example", "Teamleider CI Toetsbureau", AuditorRole::TeamLeader},
          std::tuple{"beoordelaar@ci-toets.example", "Beoordelaar CI Toetsbureau", AuditorRole::Assessor}}) {
        Auditor auditor;
        auditor.name = name;
        auditor.email = email;
        auditor.role = role;
        auditor.organisation_id = ci;
        if (auto const user = TRY(store.users().find_by_email(email))) {
            auditor.user_id = user->id;
        }
        auditor.declaration_received_on = today.add_days(-400);
        ids.push_back(TRY(store.auditors().create(auditor)));
    }
    return std::pair{ids[0], ids[1]};
}

}  // namespace

Status seed_demo_trajectories(Store& store, EventPayloadCodec const& codec, NormFramework const& framework,
                              UnixTime now)
{
    std::optional<Id> wijkkracht;
    std::optional<Id> welzijn_samen;
    std::optional<Id> buurtwerk_noord;
    std::optional<Id> de_brug;
    std::optional<Id> ci;
    for (auto const& o : TRY(store.organisations().list())) {
        wijkkracht = o.lidnummer == "SWN-1001" ? std::optional<Id>(o.id) : wijkkracht;
        welzijn_samen = o.lidnummer == "SWN-1002" ? std::optional<Id>(o.id) : welzijn_samen;
        buurtwerk_noord = o.lidnummer == "SWN-1004" ? std::optional<Id>(o.id) : buurtwerk_noord;
        de_brug = o.lidnummer == "SWN-1005" ? std::optional<Id>(o.id) : de_brug;
        // By name: a database filled by `demo-data` first has fictitious CIs too.
        ci = o.kind == OrganisationKind::CertificationBody && o.name == "CI Toetsbureau" ? std::optional<Id>(o.id) : ci;
    }
    if (!wijkkracht || !welzijn_samen || !buurtwerk_noord || !de_brug || !ci) {
        return Error::precondition("de demo-organisaties ontbreken; eerst seed_demo");
    }
    Date const today = Date::from_unix_seconds(now);
    auto const day = [&](int offset) { return today.add_days(offset).iso(); };
    return store.transaction([&]() -> Status {
        auto const [team_leader, assessor] = TRY(seed_demo_auditors(store, *ci, today));
        std::vector<RawTeamMember> const team{{std::to_string(team_leader), "team_leader"},
                                              {std::to_string(assessor), "assessor"}};
        std::vector<std::pair<Id, std::vector<DemoEvent>>> const demos{
            {*wijkkracht, {{40, "self_evaluation_completed", {}}, {5, "audit_requested", {}}}},
            {*welzijn_samen,
             {{120, "self_evaluation_completed", {}},
              {60, "audit_requested", {}},
              {57, "audit_accepted", {}},
              {55, "membership_confirmed", {}},
              {50, "audit_planned", {{"first_day", day(14)}, {"last_day", day(15)}}, team,
               std::vector<std::string>{"Stadsweg 3, Zwolle"}}}},
            // Buurtwerk Noord's audit was held; its report is written by seed_demo_report.
            {*buurtwerk_noord,
             {{200, "self_evaluation_completed", {}},
              {150, "audit_requested", {}},
              {148, "audit_accepted", {}},
              {146, "membership_confirmed", {}},
              {140, "audit_planned", {{"first_day", day(-100)}, {"last_day", day(-99)}}, team,
               std::vector<std::string>{"Oosterstraat 21, Groningen", "Wijkcentrum De Hoogte, Groningen"}},
              {99, "last_audit_day", {}}}},
            // De Brug's audit found too many norms not met (scenario c); seed_demo_additional_audit
            // writes its report, plans and the additional audit that is now planned.
            {*de_brug,
             {{260, "self_evaluation_completed", {}},
              {215, "audit_requested", {}},
              {213, "audit_accepted", {}},
              {211, "membership_confirmed", {}},
              {205, "audit_planned", {{"first_day", day(-160)}, {"last_day", day(-159)}}, team,
               std::vector<std::string>{"Brugstraat 4, Leeuwarden"}},
              {159, "last_audit_day", {}}}},
        };
        auto const auditors = TRY(store.auditors().list());
        auto const name_of = [&](Id id) {
            auto const found = store.organisations().find(id);
            return found && found.value() ? found.value()->name : std::string{};
        };
        for (auto const& [member, events] : demos) {
            std::string const scope =
                member == *buurtwerk_noord
                    ? R"({"whole":true,"werksoorten":[],"fte":{"professionals_employed":38.5,"critical_interns":4,"critical_volunteers":6,"management_support":5}})"
                : member == *de_brug
                    ? R"({"whole":true,"werksoorten":[],"fte":{"professionals_employed":21,"critical_interns":2,"critical_volunteers":3,"management_support":3}})"
                    : "{}";
            // A member that holds a certificate (seed_demo_certificates ran first) is re-certifying it.
            std::optional<PreviousCertificate> previous;
            for (auto const& held : TRY(store.certificates().of_member(member))) {
                previous = PreviousCertificate{held.number, held.expires};
                break;  // newest first
            }
            TrajectoryRecord record{0, member, *ci, previous ? "recertification" : "initial", "ci", framework.version,
                                    previous ? previous->number : "", previous ? previous->expires.iso() : "", scope,
                                    now};
            Id const id = TRY(store.trajectories().create(record));
            TrajectoryLog log{previous ? TrajectoryKind::Recertification : TrajectoryKind::Initial, previous, {}};
            int seq = 0;
            for (auto const& e : events) {
                RawEvent raw{day(-e.days_ago), e.key, e.fields, std::nullopt, e.team, e.locations};
                auto const event = TRY(parse_event(framework, raw, log.events.size()));
                log.events.push_back(event);
                TRY(evaluate_trajectory(framework, log, today));
                if (event.kind == EventKind::AuditPlanned) {
                    // The demo keeps the rules the CI's planning keeps.
                    AuditTarget const target{*ci, member, record.variant, *event.first_day, *event.last_day};
                    if (auto const problems = check_audit_team(event.team, auditors, target, name_of); !problems.empty()) {
                        return Error::internal("demo-team: " + problems.front());
                    }
                }
                TRY(store.trajectories().append({id, ++seq, raw.on, raw.key, codec.encode(raw), std::nullopt, now}));
            }
        }
        return ok_status();
    });
}

namespace {

struct DemoAnswer {
    char const* norm;
    char const* verdict;
    char const* explanation;
};

// Buurtwerk Oost's first answers: a start on Vakmanschap and Dienstverlening, the rest still open.
constexpr DemoAnswer BUURTWERK_OOST_ANSWERS[] = {
    {"VM1", "+", "Elk team werkt met het methodisch kader; zie het werkplan en de casusbesprekingen."},
    {"VM2", "+", "Jaarlijkse scholingsplannen per medewerker, besproken in de jaargesprekken."},
    {"VM3", "+/-", "Intervisie is er voor het jongerenwerk; voor het opbouwwerk nog niet structureel."},
    {"VM4", "+", "De beroepscode staat in het personeelshandboek en komt terug in het teamoverleg."},
    {"VM5", "", "Nog bespreken met de teamleiders."},
    {"DV1", "+", "Het aanbod is afgestemd met de gemeente Deventer en de wijkteams."},
    {"DV2", "+/-", "Bewoners denken mee in twee wijken; in de derde wijk loopt dat nog niet."},
};

}  // namespace

Status seed_demo_peer_pool(Store& store, NormFramework const& framework, UnixTime now)
{
    std::vector<Id> members(3, 0);
    std::optional<Id> ci;
    for (auto const& o : TRY(store.organisations().list())) {
        members[0] = o.lidnummer == "SWN-1001" ? o.id : members[0];
        members[1] = o.lidnummer == "SWN-1002" ? o.id : members[1];
        members[2] = o.lidnummer == "SWN-1003" ? o.id : members[2];
        // By name: a database filled by `demo-data` first has fictitious CIs too.
        ci = o.kind == OrganisationKind::CertificationBody && o.name == "CI Toetsbureau" ? std::optional<Id>(o.id) : ci;
    }
    auto const quality_officer = TRY(store.users().find_by_email("kwaliteit@buurtwerkoost.example"));
    auto const secretariat = TRY(store.users().find_by_email("secretariaat@sociaalwerk.example"));
    if (members[0] == 0 || members[1] == 0 || members[2] == 0 || !ci || !quality_officer || !secretariat) {
        return Error::precondition("de demo-organisaties ontbreken; eerst seed_demo");
    }
    Date const today = Date::from_unix_seconds(now);

    SelfEvaluationService self_evaluations{
        store, [&framework](std::string const& v) { return v == framework.version ? &framework : nullptr; },
        framework.version};
    Principal const member{quality_officer->id, Role::Member, members[2]};
    Actor const member_actor{quality_officer->id, quality_officer->email, ""};
    auto const started = TRY(self_evaluations.start(member, member_actor, today.add_days(-21), now));
    for (auto const& a : BUURTWERK_OOST_ANSWERS) {
        TRY(self_evaluations.save_answer(member, member_actor, started.record.id, {a.norm, a.verdict, a.explanation, std::nullopt}, 0,
                                         now));
    }

    PeerPoolService pools{store};
    Principal const secretariat_principal{secretariat->id, Role::Secretariat, secretariat->organisation_id};
    Actor const secretariat_actor{secretariat->id, secretariat->email, ""};
    PeerPoolInput pool{"Branchetoetsing Utrecht-Zwolle-Deventer", *ci, members, std::nullopt};
    TRY(pools.create(secretariat_principal, secretariat_actor, pool, today, now));
    return ok_status();
}

}  // namespace sterk
