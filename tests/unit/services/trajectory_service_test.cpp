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
                                    std::map<std::string, std::string> fields = {}, std::string today = "2026-06-01")
    {
        RawEvent raw{std::move(on), std::move(key), std::move(fields), std::nullopt};
        return m_service->record_event(who, Actor{who.user_id, "user" + std::to_string(who.user_id) + "@example.org", ""},
                                       m_id, raw, Date::parse(today, "today").value(), NOW);
    }

    size_t stored_events() { return m_store->trajectories().events(m_id).value().size(); }

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
};

TEST_F(TrajectoryServiceTest, EachPartyRecordsItsOwnStepsAndTheViewFollows)
{
    ASSERT_TRUE(record(member(), "2026-01-15", "self_evaluation_completed").ok());
    ASSERT_TRUE(record(member(), "2026-02-02", "audit_requested").ok());
    auto const accepted = record(ci_admin(), "2026-02-05", "audit_accepted");
    ASSERT_TRUE(accepted.ok()) << accepted.error().message;
    EXPECT_EQ(accepted->view.state, TrajectoryState::Accepted);
    ASSERT_TRUE(record(secretariat(), "2026-02-09", "membership_confirmed").ok());
    auto const planned = record(auditor(), "2026-02-16", "audit_planned",
                                {{"first_day", "2026-03-09"}, {"last_day", "2026-03-10"}});
    ASSERT_TRUE(planned.ok()) << planned.error().message;
    EXPECT_EQ(planned->view.state, TrajectoryState::Planned);
    ASSERT_EQ(planned->events.size(), 5u);
    EXPECT_EQ(planned->events[4].payload, R"({"first_day":"2026-03-09","last_day":"2026-03-10"})");
    EXPECT_EQ(planned->events[4].recorded_by, Id{3});

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
    EXPECT_TRUE(m_service->get(auditor(), m_id, today).ok());
    EXPECT_TRUE(m_service->get(secretariat(), m_id, today).ok());
    for (auto const& who : std::vector<Principal>{{6, Role::Member, m_other_member},
                                                  {7, Role::Auditor, m_other_ci},
                                                  {8, Role::Committee, std::nullopt}}) {
        auto const hidden = m_service->get(who, m_id, today);
        ASSERT_FALSE(hidden.ok());
        EXPECT_EQ(hidden.error().code, ErrorCode::NotFound);
        EXPECT_TRUE(m_service->list(who).value().empty());
    }
    EXPECT_EQ(m_service->list(member()).value().size(), 1u);
    EXPECT_EQ(m_service->list(secretariat()).value().size(), 1u);
}

}  // namespace
}  // namespace sterk
