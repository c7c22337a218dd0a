// File: demo_trajectories.h
// seed_demo_trajectories: the demo's trajectories, dated relative to the day it is seeded so the
// demo never looks stale: Stichting WijkKracht has a request waiting for CI Toetsbureau
// (`requested`), Welzijn Samen an audit planned in two weeks (`planned`) with CI Toetsbureau's
// demo team leader and assessor as its team (both added here as auditors, linked to their logins,
// with their B9 declarations received); Stichting Buurtwerk Oost a self-evaluation under way, and
// the three a peer pool (seed_demo_peer_pool). Needs seed_demo's organisations and logins; every
// event goes through the trajectory rules, and the team through the planning check, like any other.
#pragma once

#include "core/ports/store.h"
#include "core/services/trajectory_service.h"

namespace sterk {

Status seed_demo_trajectories(Store& store, EventPayloadCodec const& codec, NormFramework const& framework,
                              UnixTime now);

// seed_demo_peer_pool: Stichting Buurtwerk Oost's self-evaluation, started three weeks before the
// seeding day and under way (some norms answered, through SelfEvaluationService like any member's),
// and the demo peer pool of the three members, led by CI Toetsbureau (through PeerPoolService, as
// the secretariat). Needs seed_demo's organisations and users.
Status seed_demo_peer_pool(Store& store, NormFramework const& framework, UnixTime now);

}  // namespace sterk
