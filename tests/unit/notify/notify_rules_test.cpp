// Who is told of an event, which users that is, the messages' language, and the daily job's
// overdue reminders and digest (core/notify).
#include "core/notify/messages.h"
#include "core/notify/notify_rules.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace sterk {
namespace {

constexpr Id MEMBER = 10;
constexpr Id OTHER_MEMBER = 11;
constexpr Id CI = 20;
constexpr Id OTHER_CI = 21;

TrajectoryRecord record(Id id = 7)
{
    TrajectoryRecord r;
    r.id = id;
    r.member_id = MEMBER;
    r.ci_id = CI;
    return r;
}

OpenAction action(std::string actor, std::string key, std::optional<Date> due = std::nullopt)
{
    return OpenAction{std::move(actor), std::move(key), "te doen: " + key, due, due ? "B6 §7" : "", DeadlineStatus::Open};
}

User user(Id id, Role role, std::optional<Id> organisation, std::string language = "nl", bool active = true)
{
    User u;
    u.id = id;
    u.email = "u" + std::to_string(id) + "@example.org";
    u.name = "Gebruiker " + std::to_string(id);
    u.role = role;
    u.organisation_id = organisation;
    u.language = std::move(language);
    u.active = active;
    u.password_hash = "x";
    return u;
}

std::vector<User> everyone()
{
    return {
        user(1, Role::Member, MEMBER),
        user(2, Role::Member, MEMBER, "en"),
        user(3, Role::Member, OTHER_MEMBER),
        user(4, Role::CiAdmin, CI),
        user(5, Role::CiAdmin, OTHER_CI),
        user(6, Role::Auditor, CI),
        user(7, Role::Secretariat, std::nullopt),
        user(8, Role::Committee, std::nullopt),
        user(9, Role::Member, MEMBER, "nl", false),  // deactivated
    };
}

std::vector<Id> ids(std::vector<Recipient> const& recipients)
{
    std::vector<Id> out;
    for (auto const& r : recipients) {
        out.push_back(r.user_id);
    }
    std::sort(out.begin(), out.end());
    return out;
}

bool notice(std::vector<PartyNotice> const& notices, Party party, bool must_act)
{
    return std::any_of(notices.begin(), notices.end(),
                       [&](PartyNotice const& n) { return n.party == party && n.must_act == must_act; });
}

TEST(NotifyRules, TheConceptTellsTheMemberItMayCorrectNotTheCiThatSentIt)
{
    TrajectoryView view;
    view.actions = {action("member", "factual_corrections", Date::from_ymd(2026, 4, 3))};
    auto const notices = event_notices("concept_sent", "ci", view);
    ASSERT_EQ(notices.size(), 1U);
    EXPECT_TRUE(notice(notices, Party::Member, true));
    // The member organisation's active users, nobody else's.
    EXPECT_EQ(ids(resolve_recipients(notices, record(), everyone())), (std::vector<Id>{1, 2}));
}

TEST(NotifyRules, TheRecordingPartyIsNotToldOfItsOwnNextStep)
{
    TrajectoryView view;
    view.actions = {action("ci", "concept_report", Date::from_ymd(2026, 4, 3))};
    EXPECT_TRUE(event_notices("last_audit_day", "ci", view).empty());
}

TEST(NotifyRules, ACertificateIsToldToMemberCiAndCommittee)
{
    TrajectoryView view;  // certified: nothing open
    auto const notices = event_notices("certificate_issued", "secretariat", view);
    EXPECT_TRUE(notice(notices, Party::Member, false));
    EXPECT_TRUE(notice(notices, Party::Ci, false));
    EXPECT_TRUE(notice(notices, Party::Committee, false));
    EXPECT_FALSE(notice(notices, Party::Secretariat, false));
    // The CI's ci-admins (not its auditors, not another CI's), the committee.
    EXPECT_EQ(ids(resolve_recipients(notices, record(), everyone())), (std::vector<Id>{1, 2, 4, 8}));
}

TEST(NotifyRules, PositiveAdviceInformsTheSecretariatAndTheCiMustSendPartA)
{
    TrajectoryView view;
    view.actions = {action("ci", "part_a_to_secretariat", Date::from_ymd(2026, 5, 1))};
    auto const notices = event_notices("positive_advice", "ci", view);
    ASSERT_EQ(notices.size(), 1U);
    EXPECT_TRUE(notice(notices, Party::Secretariat, false));
}

TEST(NotifyRules, NegativeAdviceReachesMemberAndSecretariat)
{
    auto const notices = event_notices("negative_advice", "ci", TrajectoryView{});
    EXPECT_TRUE(notice(notices, Party::Member, false));
    EXPECT_TRUE(notice(notices, Party::Secretariat, false));
    EXPECT_EQ(notices.size(), 2U);
}

TEST(NotifyRules, PartAReceivedAsksTheSecretariatToCheckIt)
{
    TrajectoryView view;
    view.actions = {action("secretariat", "secretariat_check", Date::from_ymd(2026, 5, 15))};
    auto const notices = event_notices("part_a_received", "ci", view);
    ASSERT_EQ(notices.size(), 1U);
    EXPECT_TRUE(notice(notices, Party::Secretariat, true)) << "must act wins over informed";
}

TEST(NotifyRules, AnAuditRequestGoesToTheChosenCisAdmins)
{
    TrajectoryView view;
    view.actions = {action("ci", "audit_accepted")};
    auto const notices = event_notices("audit_requested", "member", view);
    EXPECT_EQ(ids(resolve_recipients(notices, record(), everyone())), (std::vector<Id>{4}));
}

TEST(NotifyRules, AReportStepAlsoReachesThePlannedTeamsAuditors)
{
    TrajectoryView view;
    view.actions = {action("ci", "final_report", Date::from_ymd(2026, 4, 17))};
    ASSERT_TRUE(report_step_open(view));
    auto const notices = event_notices("corrections_received", "member", view);
    // User 6 is an auditor of the CI on the team; user 3 (a member) in the team list changes nothing.
    EXPECT_EQ(ids(resolve_recipients(notices, record(), everyone(), std::nullopt, {6, 3})), (std::vector<Id>{4, 6}));
    EXPECT_EQ(ids(resolve_recipients(notices, record(), everyone())), (std::vector<Id>{4}));
    TrajectoryView planning;
    planning.actions = {action("ci", "audit_planned")};
    EXPECT_FALSE(report_step_open(planning));
}

TEST(NotifyRules, TheUserWhoRecordedTheEventIsNeverTold)
{
    auto const notices = event_notices("findings_final", "ci", TrajectoryView{});
    EXPECT_EQ(ids(resolve_recipients(notices, record(), everyone(), Id{1})), (std::vector<Id>{2}));
}

TEST(NotifyRules, EachRecipientKeepsItsLanguage)
{
    TrajectoryView view;
    view.actions = {action("member", "factual_corrections", Date::from_ymd(2026, 4, 3))};
    auto const recipients = resolve_recipients(event_notices("concept_sent", "ci", view), record(), everyone());
    ASSERT_EQ(recipients.size(), 2U);
    EXPECT_EQ(recipients[0].language, "nl");
    EXPECT_EQ(recipients[1].language, "en");
    EventMessageInput input{"concept_sent", "Conceptrapport verstuurd", Date::from_ymd(2026, 3, 20), 7,
                            "Stichting WijkKracht", "Anna", true, view.actions, "https://sterk.example"};
    auto const nl = event_message(input, "nl");
    EXPECT_EQ(nl.subject, "Sterklabel: Conceptrapport verstuurd – Stichting WijkKracht");
    EXPECT_NE(nl.body.find("uiterlijk vrijdag 3 april 2026"), std::string::npos) << nl.body;
    EXPECT_NE(nl.body.find("https://sterk.example/trajecten/7"), std::string::npos);
    EXPECT_EQ(nl.link, "/trajecten/7");
    auto const en = event_message(input, "en");
    EXPECT_EQ(en.subject, "Sterklabel: Concept report sent – Stichting WijkKracht");
    EXPECT_NE(en.body.find("by Friday 3 April 2026"), std::string::npos) << en.body;
    EXPECT_NE(en.body.find("Corrections of factual errors"), std::string::npos) << en.body;
}

TEST(NotifyRules, EveryEventAndDeadlineOfTheFrameworkHasEnglishWording)
{
    for (char const* key : {"audit_requested", "concept_sent", "findings_final", "certificate_issued",
                            "trajectory_withdrawn", "part_a_resubmitted"}) {
        EXPECT_FALSE(english_event_label(key).empty()) << key;
        EXPECT_FALSE(english_todo(key).empty()) << key;
    }
    for (char const* key : {"concept_report", "factual_corrections", "next_steps", "additional_audit"}) {
        EXPECT_FALSE(english_todo(key).empty()) << key;
    }
}

TrajectoryFacts overdue_trajectory(Id id, Date due, Date today)
{
    TrajectoryFacts facts{record(id), "Stichting WijkKracht", {}};
    DeadlineRule rule;
    rule.key = "concept_report";
    rule.actor = "ci";
    rule.label = "Conceptrapport (deel A en B) naar de organisatie";
    rule.source = "B6 §6";
    facts.view.deadlines.push_back(TrajectoryDeadline{rule, "last_audit_day", due.add_days(-14), due, std::nullopt, false,
                                                      today > due ? DeadlineState::Overdue : DeadlineState::Open});
    return facts;
}

TEST(LifecycleEffects, AnOverdueDeadlineIsRemindedOnceAndListedInTheDigest)
{
    Date const due = Date::from_ymd(2026, 3, 20);
    Date const today = due.add_days(1);
    auto const effects = lifecycle_effects({overdue_trajectory(7, due, today)}, today, {});
    ASSERT_EQ(effects.size(), 2U);
    EXPECT_EQ(effects[0].kind, LifecycleEffectKind::OverdueReminder);
    EXPECT_EQ(effects[0].key, "overdue:7:concept_report:2026-03-20");
    EXPECT_EQ(effects[0].party, Party::Ci);
    EXPECT_EQ(effects[1].kind, LifecycleEffectKind::OverdueDigest);
    EXPECT_EQ(effects[1].key, "digest:2026-03-21");
    ASSERT_EQ(effects[1].items.size(), 1U);
    EXPECT_TRUE(effects[1].items[0].new_today);

    // Once applied, nothing is due again: not the same day, not the next.
    std::set<std::string> const applied{effects[0].key, effects[1].key};
    EXPECT_TRUE(lifecycle_effects({overdue_trajectory(7, due, today)}, today, applied).empty());
    EXPECT_TRUE(lifecycle_effects({overdue_trajectory(7, due, today.add_days(1))}, today.add_days(1), applied).empty());
}

TEST(LifecycleEffects, TheDigestListsOldOverdueDeadlinesWithTheNewOne)
{
    Date const today = Date::from_ymd(2026, 4, 10);
    std::set<std::string> const applied{"overdue:7:concept_report:2026-03-20"};
    auto const effects = lifecycle_effects(
        {overdue_trajectory(7, Date::from_ymd(2026, 3, 20), today), overdue_trajectory(8, Date::from_ymd(2026, 4, 8), today)},
        today, applied);
    ASSERT_EQ(effects.size(), 2U);
    EXPECT_EQ(effects[0].key, "overdue:8:concept_report:2026-04-08");
    ASSERT_EQ(effects[1].items.size(), 2U);
    EXPECT_FALSE(effects[1].items[0].new_today);  // oldest first
    EXPECT_TRUE(effects[1].items[1].new_today);
    auto const text = digest_message(effects[1].items, today, "Sanne", "https://sterk.example", "nl");
    EXPECT_NE(text.body.find("* Stichting WijkKracht (traject 8)"), std::string::npos) << text.body;
    EXPECT_NE(text.body.find("- Stichting WijkKracht (traject 7)"), std::string::npos) << text.body;
}

TEST(LifecycleEffects, NothingOverdueNothingDue)
{
    Date const today = Date::from_ymd(2026, 3, 20);
    EXPECT_TRUE(lifecycle_effects({overdue_trajectory(7, today, today)}, today, {}).empty()) << "due today is not late";
}

}  // namespace
}  // namespace sterk
