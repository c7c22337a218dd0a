// The trend analysis's rules (core/trends): a fact per final report, its text form, the counters
// kept incrementally (equal to a recount after any sequence of changes), and the view with its
// suppression of groups under 5 members.
#include "adapters/config/data_files.h"
#include "core/trends/trend_view.h"

#include <gtest/gtest.h>

namespace sterk {

namespace {

NormFramework const& framework()
{
    static NormFramework const fw = *load_builtin_framework("2019");
    return fw;
}

// fact: trajectory `id` of member `member` in `year`, every norm "+" except those given.
TrendFact fact(Id id, Id member, int year, std::map<std::string, Verdict> const& other = {},
               std::string variant = "ci", std::string band = "20-50 fte")
{
    TrendFact f;
    f.trajectory_id = id;
    f.member_id = member;
    f.ci_id = 900;
    f.year = year;
    f.variant = std::move(variant);
    f.band = std::move(band);
    for (auto const& norm : framework().norms) {
        f.verdicts[norm.code] = Verdict::Met;
    }
    for (auto const& [code, verdict] : other) {
        f.verdicts[code] = verdict;
    }
    return f;
}

// Store: the store's semantics of TrendRepository::store over plain maps (counters removed at 0,
// the organisations counter moved when a member's count passes 0).
struct Store {
    TrendCounters counters;
    std::map<MemberKey, long> members;

    void apply(TrendDelta const& delta)
    {
        for (auto const& [key, n] : delta.counters) {
            if ((counters[key] += n) == 0) {
                counters.erase(key);
            }
        }
        for (auto const& [key, n] : delta.members) {
            long const before = members[key];
            long const after = before + n;
            CounterKey const orgs{key.group, "organisations", "", ""};
            if (before == 0 && after > 0 && ++counters[orgs] == 0) {
                counters.erase(orgs);
            }
            if (before > 0 && after == 0 && --counters[orgs] == 0) {
                counters.erase(orgs);
            }
            if (after == 0) {
                members.erase(key);
            } else {
                members[key] = after;
            }
        }
    }
};

TrendView view_of(std::vector<TrendFact> const& facts, TrendSelection selection = {},
                  std::map<Id, std::string> const& cis = {})
{
    std::set<int> years;
    for (auto const& f : facts) {
        years.insert(f.year);
    }
    return build_trend_view(framework(), selection, count_facts(facts), {years.begin(), years.end()}, cis);
}

}  // namespace

TEST(SizeBand, BoundsBelongToTheLowerBand)
{
    EXPECT_EQ(size_band(0.5), "tot 20 fte");
    EXPECT_EQ(size_band(20), "tot 20 fte");
    EXPECT_EQ(size_band(20.1), "20-50 fte");
    EXPECT_EQ(size_band(100), "50-100 fte");
    EXPECT_EQ(size_band(100.5), "100+ fte");
    EXPECT_EQ(size_bands().size(), 4U);
}

TEST(NamedNorms, ReadsCodesHoweverWrittenAndOnlyWholeCodes)
{
    EXPECT_EQ(named_norms(framework(), "Sterk: VM5 en vm 7; ook DV-6."), (std::set<std::string>{"DV6", "VM5", "VM7"}));
    EXPECT_TRUE(named_norms(framework(), "VM50 bestaat niet, XVM5 ook niet").empty());
    EXPECT_TRUE(named_norms(framework(), "Goede samenwerking met de gemeente").empty());
}

TEST(TrendFactText, RoundTripsEveryPart)
{
    auto f = fact(12, 34, 2025, {{"VM5", Verdict::Partly}, {"OB3", Verdict::NotApplicable}}, "peer", "100+ fte");
    f.self_verdicts = {{"VM5", Verdict::Met}, {"DV1", Verdict::NotMet}};
    f.strong_norms = {"DV6"};
    f.improvement_norms = {"VM5", "OB16"};
    f.steps = {{"concept_report", "ci", 12, 14}, {"plan", "member", 50, 42}};
    auto const back = decode_trend_fact(encode_trend_fact(f));
    ASSERT_TRUE(back.ok()) << back.error().message;
    EXPECT_EQ(*back, f);
    EXPECT_FALSE(decode_trend_fact("v VM1 +\n").ok());  // no header
    EXPECT_FALSE(decode_trend_fact("fact 1 2 3 2025 ci\nv VM1 ?\n").ok());
}

TEST(TrendCounters, IncrementalChangesEqualARecount)
{
    Store store;
    std::map<Id, TrendFact> facts;
    auto const change = [&](Id id, std::optional<TrendFact> next) {
        std::optional<TrendFact> before;
        if (auto found = facts.find(id); found != facts.end()) {
            before = found->second;
        }
        store.apply(trend_delta(before, next));
        if (next) {
            facts[id] = *next;
        } else {
            facts.erase(id);
        }
        std::vector<TrendFact> all;
        for (auto const& [key, f] : facts) {
            all.push_back(f);
        }
        EXPECT_EQ(store.counters, count_facts(all));
    };
    change(1, fact(1, 100, 2024));
    change(2, fact(2, 101, 2024, {{"VM5", Verdict::NotMet}}));
    change(3, fact(3, 100, 2026));  // the same member again, another year
    auto late = fact(2, 101, 2024, {{"VM5", Verdict::NotMet}});
    late.steps = {{"plan", "member", 50, 42}};
    change(2, late);  // a later event met a deadline
    change(4, fact(4, 102, 2025, {}, "peer", "tot 20 fte"));
    change(1, std::nullopt);
    change(3, std::nullopt);  // member 100 leaves every group
    EXPECT_FALSE(store.members.count({"*|*|*", 100}));
    EXPECT_EQ(store.counters[(CounterKey{"*|*|*", "organisations", "", ""})], 2);
}

TEST(TrendView, AGroupOfFourIsSuppressedAndFiveIsShown)
{
    std::vector<TrendFact> facts;
    for (Id i = 1; i <= 4; ++i) {
        facts.push_back(fact(i, i, 2025, {{"VM5", Verdict::Partly}}));
    }
    facts.push_back(fact(5, 1, 2025));  // a second report of member 1: still four organisations
    auto view = view_of(facts);
    ASSERT_EQ(view.columns.size(), 2U);  // 2025, all years
    EXPECT_TRUE(view.columns[0].suppressed);
    EXPECT_TRUE(view.all_suppressed());
    for (auto const& norm : view.norms) {
        EXPECT_FALSE(norm.columns[0].has_value()) << norm.code;
    }
    EXPECT_TRUE(view.most_not_met.empty());
    EXPECT_TRUE(view.steps.empty());

    facts.push_back(fact(6, 5, 2025, {{"VM5", Verdict::NotMet}}));
    view = view_of(facts);
    EXPECT_FALSE(view.columns[0].suppressed);
    EXPECT_EQ(view.columns[0].organisations, 5);
    EXPECT_EQ(view.columns[0].reports, 6);
    auto const& vm5 = *std::find_if(view.norms.begin(), view.norms.end(), [](auto const& n) { return n.code == "VM5"; });
    EXPECT_EQ(vm5.columns[0]->met, 1);
    EXPECT_EQ(vm5.columns[0]->partly, 4);
    EXPECT_EQ(vm5.columns[0]->not_met, 1);
    ASSERT_FALSE(view.most_not_met.empty());
    EXPECT_EQ(view.most_not_met.front().code, "VM5");
    EXPECT_EQ(view.most_not_met.front().count, 1);
    EXPECT_EQ(view.most_not_met.front().partly, 4);
}

TEST(TrendView, EachYearIsItsOwnGroupAndRubricsSumTheirNorms)
{
    std::vector<TrendFact> facts;
    for (Id i = 1; i <= 5; ++i) {
        facts.push_back(fact(i, i, 2024, {{"DV6", Verdict::Partly}}));
    }
    for (Id i = 6; i <= 8; ++i) {
        facts.push_back(fact(i, i, 2025));
    }
    auto const view = view_of(facts);
    ASSERT_EQ(view.columns.size(), 3U);
    EXPECT_FALSE(view.columns[0].suppressed);  // 2024: five
    EXPECT_TRUE(view.columns[1].suppressed);  // 2025: three
    EXPECT_FALSE(view.columns[2].suppressed);  // all years: eight
    auto const& dv = *std::find_if(view.rubrics.begin(), view.rubrics.end(), [](auto const& r) { return r.code == "DV"; });
    int dv_norms = 0;
    for (auto const& norm : framework().norms) {
        dv_norms += norm.rubric == "DV" ? 1 : 0;
    }
    EXPECT_EQ(dv.columns[0]->partly, 5);
    EXPECT_EQ(dv.columns[0]->total(), 5 * dv_norms);
    EXPECT_FALSE(dv.columns[1].has_value());
    EXPECT_EQ(dv.columns[2]->total(), 8 * dv_norms);
}

TEST(TrendView, SelectionsAndCisFollowTheirOwnGroups)
{
    std::vector<TrendFact> facts;
    for (Id i = 1; i <= 6; ++i) {
        facts.push_back(fact(i, i, 2025, {}, i <= 5 ? "ci" : "peer"));
        facts.back().steps = {{"concept_report", "ci", i <= 5 ? 10 : 20, 14}};
    }
    auto const peer = view_of(facts, {"peer", "*"});
    EXPECT_TRUE(peer.all_suppressed());  // one member audited by peers
    auto const all = view_of(facts, {}, {{900, "CI Toetsbureau"}});
    ASSERT_EQ(all.steps.size(), 1U);
    EXPECT_EQ(all.steps[0].met, 6);
    EXPECT_EQ(all.steps[0].late, 1);
    EXPECT_NEAR(all.steps[0].mean_days, (5 * 10 + 20) / 6.0, 1e-9);
    ASSERT_EQ(all.per_ci.size(), 1U);
    EXPECT_EQ(all.per_ci[0].name, "CI Toetsbureau");
    EXPECT_FALSE(all.per_ci[0].suppressed);
    EXPECT_TRUE(view_of(facts).per_ci.empty());  // the committee: no CI named
}

TEST(TrendView, CalibrationCountsAgreementWhereBothGaveAVerdict)
{
    std::vector<TrendFact> facts;
    for (Id i = 1; i <= 5; ++i) {
        auto f = fact(i, i, 2025, {{"VM1", Verdict::Partly}});
        f.self_verdicts = {{"VM1", i <= 2 ? Verdict::Partly : Verdict::Met}};
        facts.push_back(f);
    }
    auto const view = view_of(facts);
    auto const& vm1 = view.calibration.front();
    EXPECT_EQ(vm1.code, "VM1");
    EXPECT_EQ(vm1.agree, 2);
    EXPECT_EQ(vm1.compared, 5);
    EXPECT_EQ(view.calibration[1].compared, 0);  // nobody self-assessed VM2 here
}

}  // namespace sterk
