// The peer pool rule (§2.2 ad 3): at least three members, each audited by auditors of other
// members, never by its own; a member in one open pool at a time.
#include "core/registry/peer_pool.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <numeric>
#include <set>

namespace sterk {
namespace {

PeerPool pool_of(std::vector<Id> members)
{
    PeerPool pool;
    pool.id = 1;
    pool.name = "Pool Midden";
    pool.ci_id = 90;
    pool.members = std::move(members);
    return pool;
}

TEST(PeerPool, ThreeMembersAuditEachOtherAsTheHandbookSays)
{
    Id const a = 11;
    Id const b = 12;
    Id const c = 13;
    auto const visits = propose_peer_visits({a, b, c});
    ASSERT_EQ(visits.size(), 3u);
    // "A en B bij C, B en C bij A, A en C bij B".
    EXPECT_EQ(visits[0].audited, a);
    EXPECT_EQ(visits[0].auditors, (std::vector<Id>{b, c}));
    EXPECT_EQ(visits[1].audited, b);
    EXPECT_EQ(visits[1].auditors, (std::vector<Id>{a, c}));
    EXPECT_EQ(visits[2].audited, c);
    EXPECT_EQ(visits[2].auditors, (std::vector<Id>{a, b}));
}

TEST(PeerPool, FourMembersAreEachAuditedByTheNextTwoInTheRing)
{
    auto const visits = propose_peer_visits({1, 2, 3, 4});
    ASSERT_EQ(visits.size(), 4u);
    EXPECT_EQ(visits[0].auditors, (std::vector<Id>{2, 3}));
    EXPECT_EQ(visits[1].auditors, (std::vector<Id>{3, 4}));
    EXPECT_EQ(visits[2].auditors, (std::vector<Id>{1, 4}));
    EXPECT_EQ(visits[3].auditors, (std::vector<Id>{1, 2}));
}

// For 3..8 members: one visit per member, two different other members on each, never the member
// itself, and every member audits exactly as often as it is audited (twice).
TEST(PeerPool, NoMemberEverAuditsItselfAndTheLoadIsEvenForThreeToEightMembers)
{
    for (std::size_t n = 3; n <= 8; ++n) {
        std::vector<Id> members(n);
        std::iota(members.begin(), members.end(), Id{100});
        std::reverse(members.begin(), members.end());  // the pool's order, not the ids, decides
        auto const visits = propose_peer_visits(members);
        ASSERT_EQ(visits.size(), n) << n << " members";
        std::map<Id, int> audits;
        std::set<Id> audited;
        for (auto const& v : visits) {
            audited.insert(v.audited);
            ASSERT_EQ(v.auditors.size(), PEER_VISIT_AUDITORS) << n << " members";
            EXPECT_NE(v.auditors[0], v.auditors[1]) << n << " members";
            for (Id auditor : v.auditors) {
                EXPECT_NE(auditor, v.audited) << n << " members: member " << auditor << " audits itself";
                EXPECT_NE(std::find(members.begin(), members.end(), auditor), members.end());
                ++audits[auditor];
            }
        }
        EXPECT_EQ(audited, std::set<Id>(members.begin(), members.end())) << n << " members: each audited once";
        for (Id m : members) {
            EXPECT_EQ(audits[m], 2) << n << " members: member " << m << " audits " << audits[m] << " times";
        }
    }
}

TEST(PeerPool, FewerThanThreeOrRepeatedMembersGiveNoVisits)
{
    EXPECT_TRUE(propose_peer_visits({}).empty());
    EXPECT_TRUE(propose_peer_visits({1, 2}).empty());
    EXPECT_TRUE(propose_peer_visits({1, 2, 2}).empty()) << "member 2 would audit itself";
}

TEST(PeerPool, ValidationNamesEachFieldInDutch)
{
    auto const fine = validate_peer_pool(pool_of({1, 2, 3}));
    EXPECT_TRUE(fine.empty());

    auto const two = validate_peer_pool(pool_of({1, 2}));
    ASSERT_EQ(two.size(), 1u);
    EXPECT_EQ(two[0].field, "members");
    EXPECT_EQ(two[0].code, ErrorCode::InvalidArgument);
    EXPECT_NE(two[0].message.find("minstens drie leden"), std::string::npos) << two[0].message;
    EXPECT_NE(two[0].message.find("(2 gekozen)"), std::string::npos) << two[0].message;

    auto const repeated = validate_peer_pool(pool_of({1, 2, 2, 3}));
    ASSERT_EQ(repeated.size(), 1u);
    EXPECT_EQ(repeated[0].message, "Een lid staat meer dan één keer in de pool.");

    PeerPool blank = pool_of({1, 2, 3});
    blank.name = "  ";
    blank.ci_id = 0;
    auto const errors = validate_peer_pool(blank);
    ASSERT_EQ(errors.size(), 2u);
    EXPECT_EQ(errors[0].field, "name");
    EXPECT_EQ(errors[0].message, "Vul de naam van de pool in.");
    EXPECT_EQ(errors[1].field, "ci_id");
    EXPECT_EQ(errors[1].message, "Kies de CI die de pool leidt.");
}

TEST(PeerPool, AMemberIsInAtMostOneOpenPool)
{
    PeerPool first = pool_of({1, 2, 3});
    PeerPool second = pool_of({3, 4, 5});
    second.id = 2;
    second.name = "Pool Oost";
    auto const clash = members_in_other_open_pools(second, {first, second});
    ASSERT_EQ(clash.size(), 1u);
    EXPECT_EQ(clash[0].member, 3);
    EXPECT_EQ(clash[0].pool_id, 1);
    EXPECT_EQ(clash[0].pool_name, "Pool Midden");

    EXPECT_TRUE(members_in_other_open_pools(first, {first}).empty()) << "a pool does not clash with itself";
    first.state = PeerPoolState::Closed;
    EXPECT_TRUE(members_in_other_open_pools(second, {first, second}).empty()) << "a closed pool no longer counts";
    second.state = PeerPoolState::Closed;
    first.state = PeerPoolState::Open;
    EXPECT_TRUE(members_in_other_open_pools(second, {first, second}).empty()) << "a closed pool clashes with none";
}

TEST(PeerPool, StateKeysRoundTrip)
{
    EXPECT_EQ(peer_pool_state_key(PeerPoolState::Open), "open");
    EXPECT_EQ(parse_peer_pool_state("closed"), PeerPoolState::Closed);
    EXPECT_FALSE(parse_peer_pool_state("gesloten").has_value());
}

}  // namespace
}  // namespace sterk
