// File: peer_pool_service.h
// PeerPoolService: peer pools for the variant `peer` (issue 8 item 6; the rule is in
// core/registry/peer_pool.h). The secretariat forms and edits any pool; a ci-admin the pools its
// own CI leads. A member organisation's users (and its peer auditors) read the pools it is in;
// for everyone else a pool does not exist (NotFound, no existence leak).
//
// A pool is refused when: a field is invalid (InvalidArgument naming `name`, `ci_id` or
// `members`), a member is not an active member organisation (FailedPrecondition, `members`), the CI
// is not a CI or cannot be chosen today (FailedPrecondition, `ci_id`), or a member is already in
// another open pool (FailedPrecondition, `members`, naming the member and that pool). Every write is
// audited in the same transaction (`peer-pool.create`, `peer-pool.update`, subject `peer-pool:ID`).
//
// Example:
//   auto view = TRY(service.create(principal, actor, {"Pool Midden", ci, {a, b, c}}, today, now));
//   for (auto const& visit : view.visits) { ... visit.audited, visit.auditors ... }
#pragma once

#include "core/auth/policy.h"
#include "core/calendar/date.h"
#include "core/ports/store.h"
#include "core/registry/peer_pool.h"
#include "core/services/user_service.h"

#include <optional>
#include <string>
#include <vector>

namespace sterk {

// PeerPoolInput: what a create or an edit sends. `state` empty: keep (create: open).
struct PeerPoolInput {
    std::string name;
    Id ci_id = 0;
    std::vector<Id> members;
    std::optional<PeerPoolState> state;
};

// PeerPoolView: the pool, its CI and members as organisations, and the proposed visits.
struct PeerPoolView {
    PeerPool pool;
    Organisation ci;
    std::vector<Organisation> members;  // in the pool's order
    std::vector<PeerVisit> visits;
};

// PoolCandidate: a member organisation that can be chosen, with the open pool it is in (if any).
struct PoolCandidate {
    Organisation member;
    bool active = false;  // membership active on the date asked
    std::string inactive_reason;
    std::optional<PoolMembership> open_pool;
};

class PeerPoolService {
public:
    explicit PeerPoolService(Store& store) : m_store(store) {}

    // may_see / may_edit: the rule above, for one stored pool.
    static bool may_see(Principal const& caller, PeerPool const& pool);
    static bool may_edit(Principal const& caller, PeerPool const& pool);

    // list: the pools the caller may see, newest first.
    Result<std::vector<PeerPoolView>> list(Principal const& caller);
    // get: NotFound when unknown or not visible to the caller.
    Result<PeerPoolView> get(Principal const& caller, Id id);
    // create: PermissionDenied (field `ci_id`) for a ci-admin naming another CI; the refusals above.
    Result<PeerPoolView> create(Principal const& caller, Actor const& actor, PeerPoolInput const& input, Date today,
                                UnixTime now);
    // update: NotFound as get; PermissionDenied for a reader, or a ci-admin handing the pool to
    // another CI; the refusals above (a closed pool's members are not checked against other pools).
    Result<PeerPoolView> update(Principal const& caller, Actor const& actor, Id id, PeerPoolInput const& input,
                                Date today, UnixTime now);
    // candidates: every member organisation with its membership on `today` and its open pool, for
    // the secretariat and a ci-admin (PermissionDenied otherwise).
    Result<std::vector<PoolCandidate>> candidates(Principal const& caller, Date today);

private:
    Result<PeerPoolView> view_of(PeerPool const& pool);
    Status check(PeerPool const& pool, Date today);
    Result<PeerPool> visible(Principal const& caller, Id id);

    Store& m_store;
};

}  // namespace sterk
