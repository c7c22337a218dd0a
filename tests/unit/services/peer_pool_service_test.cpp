// PeerPoolService on a real SQLite store: who forms, edits and reads which pool, the refusals
// that need the registry (active members, an eligible CI, one open pool per member), and the
// audit entry written with each change.
#include "adapters/storage/open_store.h"
#include "core/services/peer_pool_service.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <random>

namespace sterk {
namespace {

constexpr UnixTime NOW = 1'780'000'000;

class PeerPoolServiceTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        std::random_device random;
        m_dir = std::filesystem::temp_directory_path() / ("sterk-peer-pool-" + std::to_string(random()));
        std::filesystem::create_directories(m_dir);
        m_store = std::move(open_store("sqlite:" + (m_dir / "s.db").string(), MigrationMode::Migrate).value());
        m_service = std::make_unique<PeerPoolService>(*m_store);
        m_ci = add_ci("CI Toetsbureau", today().add_days(300));
        m_other_ci = add_ci("CI Elders", today().add_days(300));
        m_lapsed_ci = add_ci("CI Verlopen", today().add_days(-1));
        for (auto const* name : {"Stichting WijkKracht", "Welzijn Samen", "Stichting Buurtwerk Oost", "Wijkwerk Noord"}) {
            m_members.push_back(add_member(name, Date::from_ymd(2015, 1, 1), std::nullopt));
        }
        m_former = add_member("Oud Lid", Date::from_ymd(2010, 1, 1), Date::from_ymd(2020, 12, 31));
    }

    void TearDown() override
    {
        m_service.reset();
        m_store.reset();
        std::error_code ec;
        std::filesystem::remove_all(m_dir, ec);
    }

    Id add_ci(std::string name, Date valid_until)
    {
        Organisation o;
        o.kind = OrganisationKind::CertificationBody;
        o.name = std::move(name);
        Id const id = m_store->organisations().create(o).value();
        CiProfile p;
        p.organisation_id = id;
        p.kvk = "32145678";
        p.iso17021_ea38_until = valid_until;
        p.insured_until = valid_until;
        p.complaints_procedure = true;
        EXPECT_TRUE(m_store->registry().save_ci(p).ok());
        return id;
    }

    Id add_member(std::string name, Date from, std::optional<Date> until)
    {
        Organisation o;
        o.kind = OrganisationKind::Member;
        o.name = std::move(name);
        Id const id = m_store->organisations().create(o).value();
        MemberProfile p;
        p.organisation_id = id;
        p.member_from = from;
        p.member_until = until;
        EXPECT_TRUE(m_store->registry().save_member(p).ok());
        return id;
    }

    static Date today() { return Date::from_ymd(2026, 6, 1); }
    static Actor actor() { return {std::nullopt, "secretariaat@sociaalwerk.example", "127.0.0.1"}; }
    static Principal secretariat() { return {1, Role::Secretariat, std::nullopt}; }
    Principal ci_admin() const { return {2, Role::CiAdmin, m_ci}; }
    Principal other_ci_admin() const { return {3, Role::CiAdmin, m_other_ci}; }
    Principal member(std::size_t i) const { return {4, Role::Member, m_members[i]}; }
    Principal peer_auditor(std::size_t i) const { return {5, Role::Auditor, m_members[i]}; }

    PeerPoolInput input(std::vector<Id> members, Id ci = 0) const
    {
        return PeerPoolInput{"Pool Midden", ci == 0 ? m_ci : ci, std::move(members), std::nullopt};
    }

    std::filesystem::path m_dir;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<PeerPoolService> m_service;
    Id m_ci = 0;
    Id m_other_ci = 0;
    Id m_lapsed_ci = 0;
    std::vector<Id> m_members;
    Id m_former = 0;
};

TEST_F(PeerPoolServiceTest, TheSecretariatFormsAPoolAndGetsTheProposedVisits)
{
    auto const view = m_service->create(secretariat(), actor(), input({m_members[0], m_members[1], m_members[2]}),
                                        today(), NOW);
    ASSERT_TRUE(view.ok()) << view.error().message;
    EXPECT_EQ(view->ci.name, "CI Toetsbureau");
    ASSERT_EQ(view->members.size(), 3u);
    EXPECT_EQ(view->members[2].name, "Stichting Buurtwerk Oost");
    ASSERT_EQ(view->visits.size(), 3u);
    EXPECT_EQ(view->visits[2].audited, m_members[2]);
    EXPECT_EQ(view->visits[2].auditors, (std::vector<Id>{m_members[0], m_members[1]}));

    auto const log = m_store->audit_log().recent(1).value();
    ASSERT_EQ(log.size(), 1u);
    EXPECT_EQ(log[0].action, "peer-pool.create");
    EXPECT_EQ(log[0].subject, "peer-pool:" + std::to_string(view->pool.id));
    EXPECT_NE(log[0].detail.find("Welzijn Samen"), std::string::npos) << log[0].detail;
}

TEST_F(PeerPoolServiceTest, FewerThanThreeMembersIsRefusedNamingMembers)
{
    auto const refused = m_service->create(secretariat(), actor(), input({m_members[0], m_members[1]}), today(), NOW);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, ErrorCode::InvalidArgument);
    EXPECT_EQ(refused.error().field, "members");
    EXPECT_TRUE(m_store->peer_pools().list().value().empty());
}

TEST_F(PeerPoolServiceTest, InactiveMembersLapsedCisAndOrganisationsOfTheWrongKindAreRefused)
{
    auto const former = m_service->create(secretariat(), actor(), input({m_members[0], m_members[1], m_former}),
                                          today(), NOW);
    ASSERT_FALSE(former.ok());
    EXPECT_EQ(former.error().code, ErrorCode::FailedPrecondition);
    EXPECT_EQ(former.error().field, "members");
    EXPECT_NE(former.error().message.find("Oud Lid"), std::string::npos) << former.error().message;

    auto const lapsed = m_service->create(secretariat(), actor(),
                                          input({m_members[0], m_members[1], m_members[2]}, m_lapsed_ci), today(), NOW);
    ASSERT_FALSE(lapsed.ok());
    EXPECT_EQ(lapsed.error().field, "ci_id");
    EXPECT_EQ(lapsed.error().code, ErrorCode::FailedPrecondition);

    auto const not_a_ci = m_service->create(secretariat(), actor(),
                                            input({m_members[0], m_members[1], m_members[2]}, m_members[3]), today(), NOW);
    ASSERT_FALSE(not_a_ci.ok());
    EXPECT_EQ(not_a_ci.error().field, "ci_id");

    auto const a_ci_as_member = m_service->create(secretariat(), actor(), input({m_members[0], m_members[1], m_ci}),
                                                  today(), NOW);
    ASSERT_FALSE(a_ci_as_member.ok());
    EXPECT_EQ(a_ci_as_member.error().field, "members");
}

TEST_F(PeerPoolServiceTest, AMemberInAnOpenPoolCannotJoinAnotherUntilItCloses)
{
    auto const first = m_service->create(secretariat(), actor(), input({m_members[0], m_members[1], m_members[2]}),
                                         today(), NOW).value();
    auto second = input({m_members[3], m_members[2], m_members[1]});
    second.name = "Pool Noord";
    auto const refused = m_service->create(secretariat(), actor(), second, today(), NOW);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, ErrorCode::FailedPrecondition);
    EXPECT_EQ(refused.error().field, "members");
    EXPECT_NE(refused.error().message.find("Welzijn Samen zit al in de open pool 'Pool Midden'"), std::string::npos)
        << refused.error().message;

    auto close = input(first.pool.members);
    close.state = PeerPoolState::Closed;
    ASSERT_TRUE(m_service->update(secretariat(), actor(), first.pool.id, close, today(), NOW).ok());
    EXPECT_TRUE(m_service->create(secretariat(), actor(), second, today(), NOW).ok());
}

TEST_F(PeerPoolServiceTest, ACiAdminFormsAndEditsOnlyPoolsItsCiLeads)
{
    auto const others = m_service->create(ci_admin(), actor(),
                                          input({m_members[0], m_members[1], m_members[2]}, m_other_ci), today(), NOW);
    ASSERT_FALSE(others.ok());
    EXPECT_EQ(others.error().code, ErrorCode::PermissionDenied);
    EXPECT_EQ(others.error().field, "ci_id");

    auto const own = m_service->create(ci_admin(), actor(), input({m_members[0], m_members[1], m_members[2]}), today(),
                                       NOW);
    ASSERT_TRUE(own.ok()) << own.error().message;
    Id const id = own->pool.id;

    // Another CI does not see it at all; handing it to another CI is refused.
    EXPECT_EQ(m_service->get(other_ci_admin(), id).error().code, ErrorCode::NotFound);
    EXPECT_EQ(m_service->update(other_ci_admin(), actor(), id, input(own->pool.members), today(), NOW).error().code,
              ErrorCode::NotFound);
    auto const handed = m_service->update(ci_admin(), actor(), id, input(own->pool.members, m_other_ci), today(), NOW);
    ASSERT_FALSE(handed.ok());
    EXPECT_EQ(handed.error().code, ErrorCode::PermissionDenied);

    auto renamed = input({m_members[0], m_members[1], m_members[2], m_members[3]});
    renamed.name = "Pool Midden en Noord";
    auto const edited = m_service->update(ci_admin(), actor(), id, renamed, today(), NOW);
    ASSERT_TRUE(edited.ok()) << edited.error().message;
    EXPECT_EQ(edited->pool.name, "Pool Midden en Noord");
    EXPECT_EQ(edited->visits.size(), 4u);
    EXPECT_EQ(m_store->audit_log().recent(1).value()[0].action, "peer-pool.update");
}

TEST_F(PeerPoolServiceTest, MembersAndTheirPeerAuditorsReadOnlyTheirOwnPool)
{
    auto const pool = m_service->create(secretariat(), actor(), input({m_members[0], m_members[1], m_members[2]}),
                                        today(), NOW).value();
    Id const id = pool.pool.id;
    EXPECT_TRUE(m_service->get(member(0), id).ok());
    EXPECT_TRUE(m_service->get(peer_auditor(2), id).ok());
    EXPECT_EQ(m_service->get(member(3), id).error().code, ErrorCode::NotFound);
    EXPECT_EQ(m_service->get(peer_auditor(3), id).error().code, ErrorCode::NotFound);
    EXPECT_EQ(m_service->list(member(0)).value().size(), 1u);
    EXPECT_TRUE(m_service->list(member(3)).value().empty());
    EXPECT_TRUE(m_service->list(other_ci_admin()).value().empty());
    EXPECT_EQ(m_service->list(secretariat()).value().size(), 1u);
    Principal const committee{6, Role::Committee, std::nullopt};
    EXPECT_EQ(m_service->get(committee, id).error().code, ErrorCode::NotFound);

    auto const edit = m_service->update(member(0), actor(), id, input(pool.pool.members), today(), NOW);
    ASSERT_FALSE(edit.ok());
    EXPECT_EQ(edit.error().code, ErrorCode::PermissionDenied);
    EXPECT_EQ(m_service->create(member(0), actor(), input(pool.pool.members), today(), NOW).error().code,
              ErrorCode::PermissionDenied);
}

TEST_F(PeerPoolServiceTest, CandidatesShowMembershipAndTheOpenPoolWithoutLeakingAnotherCisPool)
{
    auto const pool = m_service->create(secretariat(), actor(),
                                        input({m_members[0], m_members[1], m_members[2]}, m_other_ci), today(), NOW);
    ASSERT_TRUE(pool.ok()) << pool.error().message;
    auto const seen_by_secretariat = m_service->candidates(secretariat(), today()).value();
    ASSERT_EQ(seen_by_secretariat.size(), 5u);
    EXPECT_EQ(seen_by_secretariat[0].open_pool->pool_name, "Pool Midden");
    EXPECT_FALSE(seen_by_secretariat[3].open_pool.has_value());
    EXPECT_FALSE(seen_by_secretariat[4].active) << "Oud Lid";

    auto const seen_by_ci = m_service->candidates(ci_admin(), today()).value();
    ASSERT_TRUE(seen_by_ci[0].open_pool.has_value()) << "that the member is taken is shown";
    EXPECT_EQ(seen_by_ci[0].open_pool->pool_id, 0);
    EXPECT_EQ(seen_by_ci[0].open_pool->pool_name, "");
    EXPECT_EQ(m_service->candidates(member(0), today()).error().code, ErrorCode::PermissionDenied);
}

}  // namespace
}  // namespace sterk
