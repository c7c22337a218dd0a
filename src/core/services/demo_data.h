// File: demo_data.h
// generate_demo_audits: fills a database with N clearly fictitious audits spread over the last
// four years, for demos and benchmarks (`sterklabel demo-data`): each a member of its own
// ("Fictieve welzijnsorganisatie 0001"), with one trajectory whose log follows the route as far
// as its dates allow: finished ones with their verdicts, advice and certificate, recent ones still
// in fieldwork, plan or check. Every log is checked by the trajectory rules before it is stored,
// so the data is what the system itself could have recorded. Deterministic for a given seed.
#pragma once

#include "core/norms/framework.h"
#include "core/ports/store.h"
#include "core/services/trajectory_service.h"

#include <cstdint>
#include <functional>

namespace sterk {

struct DemoDataSummary {
    int audits = 0;
    int certified = 0;
    int running = 0;
    int negative = 0;
    int events = 0;
};

// progress(done, total) is called after each batch of trajectories.
Result<DemoDataSummary> generate_demo_audits(Store& store, EventPayloadCodec const& codec, NormFramework const& framework,
                                             int count, std::uint64_t seed, UnixTime now,
                                             std::function<void(int, int)> const& progress);

}  // namespace sterk
