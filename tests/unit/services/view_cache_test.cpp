// ViewCache (core/services/view_cache.h): a stored view is found only for the same record, log
// length and day; anything else is a miss, so a changed log, record or day is replayed again.
#include "core/services/view_cache.h"

#include <gtest/gtest.h>

namespace sterk {

namespace {

TrajectoryRecord record(Id id)
{
    return {id, 10, 20, "initial", "ci", "2019", "", "", "{}", 1};
}

TrajectoryView view_in(TrajectoryState state)
{
    TrajectoryView view;
    view.state = state;
    return view;
}

}  // namespace

TEST(ViewCache, FindsAViewOnlyForTheSameRecordLogAndDay)
{
    ViewCache cache;
    Date const today = Date::from_ymd(2026, 12, 1);
    cache.store(record(1), 3, today, view_in(TrajectoryState::Planned));
    auto const hit = cache.find(record(1), 3, today);
    ASSERT_TRUE(hit.has_value());
    EXPECT_EQ(hit->state, TrajectoryState::Planned);
    EXPECT_FALSE(cache.find(record(1), 4, today).has_value()) << "an event was recorded since";
    EXPECT_FALSE(cache.find(record(1), 3, today.add_days(1)).has_value()) << "another day: deadlines move";
    EXPECT_FALSE(cache.find(record(2), 3, today).has_value());
    auto renewal = record(1);
    renewal.kind = "recertification";
    renewal.previous_certificate_expires = "2027-01-01";
    EXPECT_FALSE(cache.find(renewal, 3, today).has_value()) << "the record's part of the log changed";
}

TEST(ViewCache, StaysWithinItsCapacity)
{
    ViewCache cache{2};
    Date const today = Date::from_ymd(2026, 12, 1);
    cache.store(record(1), 1, today, view_in(TrajectoryState::Planned));
    cache.store(record(2), 1, today, view_in(TrajectoryState::Planned));
    cache.store(record(2), 2, today, view_in(TrajectoryState::Planned));  // a replacement, not a new one
    EXPECT_EQ(cache.size(), 2u);
    cache.store(record(3), 1, today, view_in(TrajectoryState::Planned));
    EXPECT_EQ(cache.size(), 1u);
    EXPECT_TRUE(cache.find(record(3), 1, today).has_value());
}

}  // namespace sterk
