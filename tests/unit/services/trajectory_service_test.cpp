// TrajectoryService on a real SQLite store: who sees which trajectory, who records which event,
// and that a refused event leaves the stored log as it was.
#include "adapters/config/data_files.h"
#include "adapters/json/trajectory_json.h"
#include "adapters/storage/open_store.h"
#include "core/services/trajectory_service.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <random>

namespace sterk {
namespace {

constexpr UnixTime NOW = 1'780'000'000;

class TrajectoryServiceTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        std::random_device random;
        m_dir = std::filesystem::temp_directory_path() / ("sterk-trajectory-" + std::to_string(random()));
        std::filesystem::create_directories(m_dir);
        m_store = std::move(open_store("sqlite:" + (m_dir / "t.db").string(), MigrationMode::Migrate).value());
        m_framework = load_builtin_framework("2019").value();
        m_service = std::make_unique<TrajectoryService>(
            *m_store, m_codec,
            [this](std::string const& version) { return version == m_framework.version ? &m_framework : nullptr; },
            load_builtin_tariffs().value());
        m_member = organisation("Stichting WijkKracht", OrganisationKind::Member);
        m_other_member = organisation("Welzijn Samen", OrganisationKind::Member);
        m_ci = organisation("CI Toetsbureau", OrganisationKind::CertificationBody);
        m_other_ci = organisation("Andere CI", OrganisationKind::CertificationBody);
        m_id = m_store->trajectories()
                   .create({0, m_member, m_ci, "initial", "ci", "2019", "", "", "{}", NOW})
                   .value();
    }

    void TearDown() override
    {
        m_service.reset();
        m_store.reset();
        std::error_code ec;
        std::filesystem::remove_all(m_dir, ec);
    }

    Id organisation(std::string name, OrganisationKind kind)
    {
        Organisation o;
        o.name = std::move(name);
        o.kind = kind;
        return m_store->organisations().create(o).value();
    }

    Result<StoredTrajectory> record(Principal const& who, std::string on, std::string key,
                                    std::map<std::string, std::string> fields = {}, std::string today = "2026-06-01",
                                    std::optional<std::vector<RawTeamMember>> team = std::nullopt)
    {
        RawEvent raw{std::move(on), std::move(key), std::move(fields), std::nullopt, std::move(team)};
        return m_service->record_event(who, Actor{who.user_id, "user" + std::to_string(who.user_id) + "@example.org", ""},
                                       m_id, raw, Date::parse(today, "today").value(), NOW);
    }

    size_t stored_events() { return m_store->trajectories().events(m_id).value().size(); }

    // add_auditor: an auditor of the registry, its declaration received on 2026-01-05.
    Id add_auditor(std::string name, AuditorRole role, Id organisation, std::optional<Id> user_id = std::nullopt)
    {
        Auditor a;
        a.name = std::move(name);
        a.email = "auditor" + std::to_string(++m_auditors) + "@example.org";
        a.role = role;
        a.organisation_id = organisation;
        a.user_id = user_id;
        a.declaration_received_on = Date::from_ymd(2026, 1, 5);
        return m_store->auditors().create(a).value();
    }

    Id user(Role role, Id organisation)
    {
        User u;
        u.email = "user" + std::to_string(++m_auditors) + "@example.org";
        u.name = "Gebruiker";
        u.role = role;
        u.organisation_id = organisation;
        u.created_at = NOW;
        return m_store->users().create(u).value();
    }

    // registered: the trajectory up to membership_confirmed.
    void registered()
    {
        ASSERT_TRUE(record(member(), "2026-01-15", "self_evaluation_completed").ok());
        ASSERT_TRUE(record(member(), "2026-02-02", "audit_requested").ok());
        ASSERT_TRUE(record(ci_admin(), "2026-02-05", "audit_accepted").ok());
        ASSERT_TRUE(record(secretariat(), "2026-02-09", "membership_confirmed").ok());
    }

    Result<StoredTrajectory> plan(std::vector<RawTeamMember> team)
    {
        return record(ci_admin(), "2026-02-16", "audit_planned", {{"first_day", "2026-03-09"}, {"last_day", "2026-03-10"}},
                      "2026-06-01", std::move(team));
    }

    Principal member() { return {1, Role::Member, m_member}; }
    Principal ci_admin() { return {2, Role::CiAdmin, m_ci}; }
    Principal auditor() { return {3, Role::Auditor, m_ci}; }
    Principal secretariat() { return {4, Role::Secretariat, std::nullopt}; }

    std::filesystem::path m_dir;
    std::unique_ptr<Store> m_store;
    NormFramework m_framework;
    JsonEventPayloadCodec m_codec;
    std::unique_ptr<TrajectoryService> m_service;
    Id m_member = 0;
    Id m_other_member = 0;
    Id m_ci = 0;
    Id m_other_ci = 0;
    Id m_id = 0;
    int m_auditors = 0;
};

TEST_F(TrajectoryServiceTest, EachPartyRecordsItsOwnStepsAndTheViewFollows)
{
    ASSERT_TRUE(record(member(), "2026-01-15", "self_evaluation_completed").ok());
    ASSERT_TRUE(record(member(), "2026-02-02", "audit_requested").ok());
    auto const accepted = record(ci_admin(), "2026-02-05", "audit_accepted");
    ASSERT_TRUE(accepted.ok()) << accepted.error().message;
    EXPECT_EQ(accepted->view.state, TrajectoryState::Accepted);
    ASSERT_TRUE(record(secretariat(), "2026-02-09", "membership_confirmed").ok());
    Id const leader = add_auditor("Tessa Leider", AuditorRole::TeamLeader, m_ci);
    auto const planned = plan({{std::to_string(leader), "team_leader"}});
    ASSERT_TRUE(planned.ok()) << planned.error().message;
    EXPECT_EQ(planned->view.state, TrajectoryState::Planned);
    ASSERT_EQ(planned->events.size(), 5u);
    EXPECT_EQ(planned->events[4].payload, R"({"first_day":"2026-03-09","last_day":"2026-03-10","team":[{"auditor_id":)" +
                                              std::to_string(leader) + R"(,"role":"team_leader"}]})");
    EXPECT_EQ(planned->events[4].recorded_by, Id{2});
    ASSERT_EQ(planned->team.size(), 1u);
    EXPECT_EQ(planned->team[0].name, "Tessa Leider");

    // Read back on a later day: the concept is due two weeks after the planned last audit day.
    auto const later = m_service->get(member(), m_id, Date::from_ymd(2026, 3, 25));
    ASSERT_TRUE(later.ok()) << later.error().message;
    ASSERT_EQ(later->view.deadlines.size(), 1u);
    EXPECT_EQ(later->view.deadlines[0].rule.key, "concept_report");
    EXPECT_EQ(later->view.deadlines[0].state, DeadlineState::Overdue);

    auto const log = m_store->audit_log().recent(10).value();
    ASSERT_FALSE(log.empty());
    EXPECT_EQ(log[0].action, "trajectory.event");
    EXPECT_EQ(log[0].subject, "trajectory:" + std::to_string(m_id));
    EXPECT_EQ(log[0].detail, "audit_planned op 2026-02-16");
}

TEST_F(TrajectoryServiceTest, AnotherPartysEventIsRefusedAndNothingIsStored)
{
    ASSERT_TRUE(record(member(), "2026-01-15", "self_evaluation_completed").ok());
    ASSERT_TRUE(record(member(), "2026-02-02", "audit_requested").ok());
    for (auto const& who : {member(), secretariat()}) {
        auto const refused = record(who, "2026-02-05", "audit_accepted");
        ASSERT_FALSE(refused.ok());
        EXPECT_EQ(refused.error().code, ErrorCode::PermissionDenied);
    }
    // A CI that is not this trajectory's CI does not even see it.
    auto const stranger = record({5, Role::CiAdmin, m_other_ci}, "2026-02-05", "audit_accepted");
    ASSERT_FALSE(stranger.ok());
    EXPECT_EQ(stranger.error().code, ErrorCode::NotFound);
    EXPECT_EQ(stored_events(), 2u);
}

TEST_F(TrajectoryServiceTest, TheRouteRefusesWithTheRulesReasonAndAFutureDateIsBadInput)
{
    ASSERT_TRUE(record(member(), "2026-01-15", "self_evaluation_completed").ok());
    auto const early = record(secretariat(), "2026-02-09", "membership_confirmed");
    ASSERT_FALSE(early.ok());
    EXPECT_EQ(early.error().code, ErrorCode::FailedPrecondition);
    EXPECT_NE(early.error().message.find("nadat de CI de aanvraag heeft geaccepteerd"), std::string::npos)
        << early.error().message;

    auto const future = record(member(), "2026-06-02", "audit_requested");
    ASSERT_FALSE(future.ok());
    EXPECT_EQ(future.error().code, ErrorCode::InvalidArgument);

    auto const bad_payload = record(member(), "2026-02-02", "audit_requested", {{"colour", "blue"}});
    ASSERT_FALSE(bad_payload.ok());
    EXPECT_EQ(bad_payload.error().code, ErrorCode::InvalidArgument);
    EXPECT_EQ(stored_events(), 1u);
}

TEST_F(TrajectoryServiceTest, EachPartySeesOnlyItsOwnTrajectories)
{
    ASSERT_TRUE(record(member(), "2026-01-15", "self_evaluation_completed").ok());
    Date const today = Date::from_ymd(2026, 6, 1);
    EXPECT_TRUE(m_service->get(member(), m_id, today).ok());
    EXPECT_TRUE(m_service->get(ci_admin(), m_id, today).ok());
    EXPECT_TRUE(m_service->get(secretariat(), m_id, today).ok());
    for (auto const& who : std::vector<Principal>{{6, Role::Member, m_other_member},
                                                  {7, Role::Auditor, m_other_ci},
                                                  {3, Role::Auditor, m_ci},
                                                  {8, Role::Committee, std::nullopt}}) {
        auto const hidden = m_service->get(who, m_id, today);
        ASSERT_FALSE(hidden.ok());
        EXPECT_EQ(hidden.error().code, ErrorCode::NotFound);
        EXPECT_TRUE(m_service->list(who).value().empty());
    }
    EXPECT_EQ(m_service->list(member()).value().size(), 1u);
    EXPECT_EQ(m_service->list(secretariat()).value().size(), 1u);
}

TEST_F(TrajectoryServiceTest, AnAuditorSeesTheTrajectoriesWhoseTeamItIsOnFromPlanningOn)
{
    Id const leader_user = user(Role::Auditor, m_ci);
    Id const peer_user = user(Role::Auditor, m_other_member);
    Id const leader = add_auditor("Tessa Leider", AuditorRole::TeamLeader, m_ci, leader_user);
    Id const assessor = add_auditor("Bram Beoordelaar", AuditorRole::Assessor, m_ci);
    add_auditor("Piet Peer", AuditorRole::Peer, m_other_member, peer_user);
    Principal const on_team{leader_user, Role::Auditor, m_ci};
    Principal const off_team{peer_user, Role::Auditor, m_other_member};
    Date const today = Date::from_ymd(2026, 6, 1);
    registered();
    EXPECT_EQ(m_service->get(on_team, m_id, today).error().code, ErrorCode::NotFound);
    ASSERT_TRUE(plan({{std::to_string(leader), "team_leader"}, {std::to_string(assessor), "assessor"}}).ok());
    EXPECT_TRUE(m_service->get(on_team, m_id, today).ok());
    EXPECT_EQ(m_service->list(on_team).value().size(), 1u);
    EXPECT_EQ(m_service->get(off_team, m_id, today).error().code, ErrorCode::NotFound);
    EXPECT_TRUE(m_service->list(off_team).value().empty());
}

TEST_F(TrajectoryServiceTest, PlanningIsRefusedNamingTheAuditorAndNothingIsStored)
{
    Id const leader = add_auditor("Tessa Leider", AuditorRole::TeamLeader, m_ci);
    Id const assessor = add_auditor("Bram Beoordelaar", AuditorRole::Assessor, m_ci);
    registered();
    size_t const before = stored_events();

    auto const without_team = plan({});
    ASSERT_FALSE(without_team.ok());
    EXPECT_EQ(without_team.error().code, ErrorCode::FailedPrecondition);
    EXPECT_EQ(without_team.error().field, "team");
    EXPECT_EQ(without_team.error().message, "Het toetsteam heeft een teamleider van CI Toetsbureau nodig.");

    Auditor tied = m_store->auditors().find(assessor).value().value();
    tied.ties.push_back({m_member, TieKind::WorksFor, Date::from_ymd(2024, 1, 1), std::nullopt});
    tied.declaration_received_on.reset();
    ASSERT_TRUE(m_store->auditors().update(tied).ok());
    auto const refused = plan({{std::to_string(leader), "team_leader"}, {std::to_string(assessor), "assessor"}});
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, ErrorCode::FailedPrecondition);
    EXPECT_EQ(refused.error().field, "team");
    EXPECT_EQ(refused.error().message,
              "Voor Bram Beoordelaar is geen ondertekende gedragscode en geheimhoudingsverklaring (B9) ontvangen vóór "
              "de eerste toetsdag. Bram Beoordelaar werkt voor Stichting WijkKracht en mag deze organisatie niet toetsen.");
    EXPECT_EQ(stored_events(), before);

    // The candidates say the same, per auditor.
    auto const candidates =
        m_service->team_candidates(ci_admin(), m_id, Date::from_ymd(2026, 3, 9), Date::from_ymd(2026, 3, 10)).value();
    ASSERT_EQ(candidates.size(), 2u);
    EXPECT_TRUE(candidates[1].reasons.empty()) << candidates[1].auditor.name;
    EXPECT_EQ(candidates[0].reasons.size(), 2u) << candidates[0].auditor.name;
    EXPECT_EQ(m_service->team_candidates(member(), m_id, Date::from_ymd(2026, 3, 9), Date::from_ymd(2026, 3, 10))
                  .error()
                  .code,
              ErrorCode::PermissionDenied);
}

}  // namespace
}  // namespace sterk
