// File: notify_rules.h
// Who is told about a trajectory's event, and which time-driven notices are due on a date
// (LIFECYCLE.md §4, §6). Pure: the recorded event and the trajectory's view after it go in, the
// parties (and, given the users, the people) come out; the messages themselves are in messages.h.
//
// Example:
//   auto notices = event_notices("concept_sent", "ci", view);  // member: must act (corrections)
//   auto people = resolve_recipients(notices, record, users, actor.user_id);
//   auto due = lifecycle_effects(trajectories, today, applied_keys);  // overdue reminders, digest
#pragma once

#include "core/ports/records.h"
#include "core/ports/trajectory_records.h"
#include "core/trajectory/trajectory.h"

#include <optional>
#include <set>
#include <string>
#include <vector>

namespace sterk {

// Party: who is told, before it is resolved to users.
enum class Party { Member, Ci, Secretariat, Committee };
std::string party_key(Party party);  // "member", "ci", "secretariat", "committee"
std::optional<Party> parse_party(std::string const& key);

// PartyNotice: a party that hears of an event: it must act next (it has open actions in the
// view after the event), or the handbook says it is informed.
struct PartyNotice {
    Party party = Party::Member;
    bool must_act = false;
};

// informed_parties: whom the handbook has informed of `event_key` whether or not it must act:
// certificate_issued the member, the CI and the committee (B6 §15); positive_advice,
// next_steps_agreed and part_a_received the secretariat (B6 §10, §12); negative_advice the member
// and the secretariat (B6 §10c); concept_sent, findings_final, audit_accepted, audit_declined,
// plan_approved, plan_rejected and additional_audit_planned the member; trajectory_withdrawn the
// CI and the secretariat; audit_requested the CI.
std::vector<Party> informed_parties(std::string const& event_key);

// event_notices: every party with open actions in `after` (except `recorded_by`, the party that
// recorded the event: it knows), then the informed parties; one notice per party, must_act when
// either says so. In party order: member, ci, secretariat, committee.
std::vector<PartyNotice> event_notices(std::string const& event_key, std::string const& recorded_by,
                                       TrajectoryView const& after);

// Recipient: one user who gets a message, in its language.
struct Recipient {
    Id user_id = 0;
    std::string email;
    std::string name;
    std::string language;  // "nl", "en"
    Party party = Party::Member;
    bool must_act = false;
};

// resolve_recipients: the users of each party: member → the member organisation's users, ci →
// its CI's ci-admin users (and, when `ci_team` is given, those users too: the planned team's
// auditors for a report step, see report_step_open), secretariat → secretariat users, committee →
// committee users; only users that are not deactivated; never `skip` (who recorded the event);
// each user once, with the first notice that names it.
std::vector<Recipient> resolve_recipients(std::vector<PartyNotice> const& notices, TrajectoryRecord const& trajectory,
                                          std::vector<User> const& users, std::optional<Id> skip = std::nullopt,
                                          std::vector<Id> const& ci_team = {});

// report_step_open: whether the CI's open actions in `view` include writing the report (the
// concept or the final report: concept_report, final_report, concept_sent, findings_final), which
// the planned team's auditors do, so they hear of it with the CI's administrators.
bool report_step_open(TrajectoryView const& view);

// users_of_party: the users resolve_recipients takes for one party (trajectory needed for member
// and ci).
std::vector<User> users_of_party(Party party, TrajectoryRecord const& trajectory, std::vector<User> const& users);

// TrajectoryFacts: what the daily job knows of one trajectory on its date.
struct TrajectoryFacts {
    TrajectoryRecord record;
    std::string member_name;
    TrajectoryView view;  // evaluated on the job's date
};

// LifecycleEffectKind: the kinds of time-driven effects (issue 11 adds the certificate's).
enum class LifecycleEffectKind { OverdueReminder, OverdueDigest };
std::string lifecycle_effect_kind_key(LifecycleEffectKind kind);  // "reminder.overdue", "digest.overdue"

// OverdueItem: one overdue deadline, as a reminder and the digest name it.
struct OverdueItem {
    Id trajectory_id = 0;
    std::string member_name;
    std::string deadline_key;  // "concept_report"
    std::string label;  // Dutch, from the framework
    std::string actor;  // "member", "ci", "secretariat"
    std::string source;
    Date due;
    bool new_today = false;  // in the digest: its reminder goes out in this run
};

// LifecycleEffect: one effect due on the job's date with its stable key; applying a key twice
// is a no-op (the adapter keeps the applied keys).
struct LifecycleEffect {
    LifecycleEffectKind kind = LifecycleEffectKind::OverdueReminder;
    std::string key;  // "overdue:12:concept_report:2026-03-20", "digest:2026-03-22"
    std::optional<TrajectoryRecord> trajectory;  // a reminder's
    std::optional<Party> party;  // a reminder's: the responsible party
    std::vector<OverdueItem> items;  // a reminder: its one deadline; the digest: every overdue one
};

// lifecycle_effects: the effects due on `today` that are not in `applied`: one reminder per
// overdue deadline of each trajectory to the party responsible (key
// overdue:{trajectory}:{deadline}:{due}, so a deadline is reminded once, never once a day), and,
// when at least one reminder is new, one digest for the secretariat (key digest:{today}) listing
// every overdue deadline, the new ones marked. Ended trajectories have no open deadlines.
std::vector<LifecycleEffect> lifecycle_effects(std::vector<TrajectoryFacts> const& trajectories, Date today,
                                               std::set<std::string> const& applied);

}  // namespace sterk
