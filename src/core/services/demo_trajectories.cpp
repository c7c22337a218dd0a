#include "core/services/demo_trajectories.h"

namespace sterk {

namespace {

struct DemoEvent {
    int days_ago;
    char const* key;
    std::map<std::string, std::string> fields;
};

}  // namespace

Status seed_demo_trajectories(Store& store, EventPayloadCodec const& codec, NormFramework const& framework,
                              UnixTime now)
{
    std::optional<Id> wijkkracht;
    std::optional<Id> welzijn_samen;
    std::optional<Id> ci;
    for (auto const& o : TRY(store.organisations().list())) {
        wijkkracht = o.lidnummer == "SWN-1001" ? std::optional<Id>(o.id) : wijkkracht;
        welzijn_samen = o.lidnummer == "SWN-1002" ? std::optional<Id>(o.id) : welzijn_samen;
        ci = o.kind == OrganisationKind::CertificationBody && !ci ? std::optional<Id>(o.id) : ci;
    }
    if (!wijkkracht || !welzijn_samen || !ci) {
        return Error::precondition("de demo-organisaties ontbreken; eerst seed_demo");
    }
    Date const today = Date::from_ymd(1970, 1, 1).add_days(static_cast<int>(now / 86400));
    auto const day = [&](int offset) { return today.add_days(offset).iso(); };
    std::vector<std::pair<Id, std::vector<DemoEvent>>> const demos{
        {*wijkkracht, {{40, "self_evaluation_completed", {}}, {5, "audit_requested", {}}}},
        {*welzijn_samen,
         {{120, "self_evaluation_completed", {}},
          {60, "audit_requested", {}},
          {57, "audit_accepted", {}},
          {55, "membership_confirmed", {}},
          {50, "audit_planned", {{"first_day", day(14)}, {"last_day", day(15)}}}}},
    };
    return store.transaction([&]() -> Status {
        for (auto const& [member, events] : demos) {
            TrajectoryRecord record{0, member, *ci, "initial", "ci", framework.version, "", "", "{}", now};
            Id const id = TRY(store.trajectories().create(record));
            TrajectoryLog log{TrajectoryKind::Initial, std::nullopt, {}};
            int seq = 0;
            for (auto const& e : events) {
                RawEvent raw{day(-e.days_ago), e.key, e.fields, std::nullopt};
                log.events.push_back(TRY(parse_event(framework, raw, log.events.size())));
                TRY(evaluate_trajectory(framework, log, today));
                TRY(store.trajectories().append({id, ++seq, raw.on, raw.key, codec.encode(raw), std::nullopt, now}));
            }
        }
        return ok_status();
    });
}

}  // namespace sterk
