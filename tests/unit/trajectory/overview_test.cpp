// Across trajectories (core/trajectory/overview.h): whose actions a role takes, the order of a
// user's open actions, the secretariat's filter; and the calendar entries made from them.
#include "core/services/calendar_service.h"
#include "core/trajectory/overview.h"

#include <gtest/gtest.h>

namespace sterk {
namespace {

Date day(char const* iso)
{
    return Date::parse(iso, "date").value();
}

OpenAction action(std::string actor, std::string key, std::optional<Date> due, DeadlineStatus status)
{
    std::string todo = "Doe " + key;
    return OpenAction{std::move(actor), std::move(key), std::move(todo), due, "B6 §7", status};
}

ViewedTrajectory trajectory(Id id, Id ci, TrajectoryState state, std::vector<OpenAction> actions)
{
    ViewedTrajectory t;
    t.record.id = id;
    t.record.member_id = 100 + id;
    t.record.ci_id = ci;
    t.view.state = state;
    t.view.actions = std::move(actions);
    return t;
}

std::vector<ViewedTrajectory> sample()
{
    return {
        trajectory(1, 7, TrajectoryState::Plan,
                   {action("member", "improvement_plan", day("2026-12-20"), DeadlineStatus::Open),
                    action("ci", "plan_assessment", std::nullopt, DeadlineStatus::Open)}),
        trajectory(2, 8, TrajectoryState::Concept,
                   {action("member", "factual_corrections", day("2026-11-20"), DeadlineStatus::Overdue)}),
        trajectory(3, 7, TrajectoryState::Requested, {action("ci", "audit_accepted", std::nullopt, DeadlineStatus::Open)}),
        trajectory(4, 8, TrajectoryState::Plan,
                   {action("member", "plan_revision", day("2026-12-01"), DeadlineStatus::DueToday),
                    action("member", "self_evaluation_completed", std::nullopt, DeadlineStatus::Open)}),
    };
}

TEST(Overview, EachRoleActsForItsParty)
{
    EXPECT_EQ(acting_party(Role::Member), "member");
    EXPECT_EQ(acting_party(Role::CiAdmin), "ci");
    EXPECT_EQ(acting_party(Role::Auditor), "ci");
    EXPECT_EQ(acting_party(Role::Secretariat), "secretariat");
    EXPECT_FALSE(acting_party(Role::Committee));
}

TEST(Overview, OverdueFirstThenDueTodayThenByDateThoseWithoutADateLast)
{
    auto const actions = party_actions("member", sample());
    std::vector<std::string> keys;
    for (auto const& a : actions) {
        keys.push_back(a.action.key);
    }
    EXPECT_EQ(keys, (std::vector<std::string>{"factual_corrections", "plan_revision", "improvement_plan",
                                              "self_evaluation_completed"}));
    EXPECT_EQ(actions[0].record.id, 2);
    EXPECT_EQ(actions[0].state, TrajectoryState::Concept);
    EXPECT_EQ(party_actions("ci", sample()).size(), 2u);
    EXPECT_TRUE(party_actions("secretariat", sample()).empty());
}

TEST(Overview, TheFilterCombinesCiPartyStateAndOverdue)
{
    auto const all = sample();
    auto ids = [&](TrajectoryFilter const& f) {
        std::vector<Id> out;
        for (auto const& t : all) {
            if (matches(f, t.record, t.view)) {
                out.push_back(t.record.id);
            }
        }
        return out;
    };
    EXPECT_EQ(ids({}), (std::vector<Id>{1, 2, 3, 4}));
    EXPECT_EQ(ids({7, std::nullopt, std::nullopt, false}), (std::vector<Id>{1, 3}));
    EXPECT_EQ(ids({std::nullopt, "ci", std::nullopt, false}), (std::vector<Id>{1, 3}));
    EXPECT_EQ(ids({std::nullopt, std::nullopt, TrajectoryState::Plan, false}), (std::vector<Id>{1, 4}));
    EXPECT_EQ(ids({std::nullopt, std::nullopt, std::nullopt, true}), (std::vector<Id>{2}));
    EXPECT_EQ(ids({std::nullopt, "ci", std::nullopt, true}), (std::vector<Id>{}));
    EXPECT_EQ(ids({8, "member", TrajectoryState::Plan, false}), (std::vector<Id>{4}));
}

TEST(Overview, CalendarEntriesAreTheDatedActionsWithAStableUid)
{
    auto const actions = party_actions("member", sample());
    std::vector<std::string> names{"Buurtwerk Noord", "WijkKracht", "Buurtwerk Noord", "WijkKracht"};
    auto const entries = calendar_entries(actions, names, "https://sterklabel.example");
    ASSERT_EQ(entries.size(), 3u);  // the action without a due date has no day to be on
    EXPECT_EQ(entries[0].uid, "sterklabel-2-factual_corrections-2026-11-20@sterklabel");
    EXPECT_EQ(entries[0].on, day("2026-11-20"));
    EXPECT_EQ(entries[0].summary, "Doe factual_corrections – Buurtwerk Noord");
    EXPECT_EQ(entries[0].link, "https://sterklabel.example/trajecten/2");
    EXPECT_NE(entries[0].description.find("Bron: B6 §7"), std::string::npos);
    EXPECT_EQ(calendar_entries(actions, names, "x")[0].uid, entries[0].uid);
}

}  // namespace
}  // namespace sterk
