// File: peer_pool.h
// Peer pools for the variant `peer` (intercollegiale toetsing, handbook §2.2 ad 3; DOMAIN.md
// "Peer audits"): at least three member organisations audit each other, each visit led by the CI
// that leads the pool. "A en B bij C, B en C bij A, A en C bij B": every member is audited by
// auditors of the OTHER members, never by its own.
//
// The rotation for more than three members (the handbook only gives the example of three): the
// members stand in a ring in the pool's order, and each is audited by the next two in the ring.
// So every member is audited by two other members and audits two others, exactly as in the
// handbook's example of three (where "the next two" are all the others); nobody carries more
// visits than another, and nobody is ever on its own visit.
//
// A member is in at most one open pool at a time: its auditors' time is planned in one ring. A
// closed pool (its round done) no longer counts, so the member can join a new one.
//
// Pure: no storage, no clock.
//
// Example:
//   auto errors = validate_peer_pool(pool);             // name, ci_id, members (at least three)
//   auto visits = propose_peer_visits(pool.members);    // {audited C, auditors {A, B}}, ...
#pragma once

#include "core/ports/records.h"
#include "core/result.h"

#include <optional>
#include <string>
#include <vector>

namespace sterk {

// PEER_POOL_MIN_MEMBERS: "met minimaal drie leden" (§2.2 ad 3).
constexpr std::size_t PEER_POOL_MIN_MEMBERS = 3;
// PEER_VISIT_AUDITORS: how many other members audit each member, for pools of any size.
constexpr std::size_t PEER_VISIT_AUDITORS = 2;

enum class PeerPoolState { Open, Closed };
std::string peer_pool_state_key(PeerPoolState state);  // "open", "closed"
std::optional<PeerPoolState> parse_peer_pool_state(std::string const& key);

// PeerPool: a pool as stored. `members` are member organisations, in the pool's (ring) order.
struct PeerPool {
    Id id = 0;
    std::string name;
    Id ci_id = 0;  // the CI that leads every visit
    std::vector<Id> members;
    PeerPoolState state = PeerPoolState::Open;
    UnixTime created_at = 0;
    UnixTime updated_at = 0;
};

// PeerVisit: one member audited by auditors of `auditors` (other members of the pool), led by
// the pool's CI.
struct PeerVisit {
    Id audited = 0;
    std::vector<Id> auditors;  // in the pool's order
};

// validate_peer_pool: every field error at once (field names as in the API): `name` empty,
// `ci_id` missing, `members` with fewer than three different members or one twice.
Errors validate_peer_pool(PeerPool const& pool);

// propose_peer_visits: one visit per member, in the pool's order; each audited by the next two
// members in the ring (for three: both others). REQUIRES at least three different members
// (validate_peer_pool); with fewer it returns no visits rather than one where a member could
// audit itself.
std::vector<PeerVisit> propose_peer_visits(std::vector<Id> const& members);

// PoolMembership: a member of another pool that is still open.
struct PoolMembership {
    Id member = 0;
    Id pool_id = 0;
    std::string pool_name;
};

// members_in_other_open_pools: for an open `pool`, every member of it that is already in another
// open pool of `pools` (the pool itself, matched by id, does not count). Empty for a closed pool.
std::vector<PoolMembership> members_in_other_open_pools(PeerPool const& pool, std::vector<PeerPool> const& pools);

}  // namespace sterk
