#include "core/notify/notify_rules.h"

#include <algorithm>
#include <map>

namespace sterk {

std::string party_key(Party party)
{
    switch (party) {
    case Party::Member: return "member";
    case Party::Ci: return "ci";
    case Party::Secretariat: return "secretariat";
    case Party::Committee: return "committee";
    }
    return "member";
}

std::optional<Party> parse_party(std::string const& key)
{
    for (Party p : {Party::Member, Party::Ci, Party::Secretariat, Party::Committee}) {
        if (party_key(p) == key) {
            return p;
        }
    }
    return std::nullopt;
}

std::vector<Party> informed_parties(std::string const& event_key)
{
    // The handbook's "informeert" (Bijlage 6), and the member's own milestones it waits for.
    static std::map<std::string, std::vector<Party>> const table{
        // B6 §15: the member is told, a copy goes to the CI, then the secretariat informs the committee.
        {"certificate_issued", {Party::Member, Party::Ci, Party::Committee}},
        // B6 §10a, §10b-i, §12: the CI informs Sociaal Werk Nederland of its advice.
        {"positive_advice", {Party::Secretariat}},
        {"part_a_received", {Party::Secretariat}},
        // B6 §10b-ii, §10c: negative advice reaches the secretariat; the member hears its outcome.
        {"negative_advice", {Party::Member, Party::Secretariat}},
        // B6 §9b-iii: the CI informs Sociaal Werk Nederland of the next steps.
        {"next_steps_agreed", {Party::Member, Party::Secretariat}},
        {"concept_sent", {Party::Member}},
        {"findings_final", {Party::Member}},
        {"audit_accepted", {Party::Member}},
        {"audit_declined", {Party::Member}},
        {"plan_approved", {Party::Member}},
        {"plan_rejected", {Party::Member}},
        {"additional_audit_planned", {Party::Member}},
        {"final_report_with_plans_sent", {Party::Member}},
        {"receipt_confirmed", {Party::Ci}},
        {"trajectory_withdrawn", {Party::Ci, Party::Secretariat}},
        {"audit_requested", {Party::Ci}},
    };
    auto const found = table.find(event_key);
    return found == table.end() ? std::vector<Party>{} : found->second;
}

std::vector<PartyNotice> event_notices(std::string const& event_key, std::string const& recorded_by,
                                       TrajectoryView const& after)
{
    std::map<Party, bool> told;  // party -> must act
    for (auto const& action : after.actions) {
        auto const party = parse_party(action.actor);
        if (party && action.actor != recorded_by) {
            told[*party] = true;
        }
    }
    for (Party party : informed_parties(event_key)) {
        told.try_emplace(party, false);
    }
    std::vector<PartyNotice> out;
    for (auto const& [party, must_act] : told) {
        out.push_back(PartyNotice{party, must_act});
    }
    return out;
}

std::vector<User> users_of_party(Party party, TrajectoryRecord const& trajectory, std::vector<User> const& users)
{
    std::vector<User> out;
    for (auto const& user : users) {
        if (!user.active) {
            continue;
        }
        bool match = false;
        switch (party) {
        case Party::Member:
            match = user.role == Role::Member && user.organisation_id == trajectory.member_id;
            break;
        case Party::Ci: match = user.role == Role::CiAdmin && user.organisation_id == trajectory.ci_id; break;
        case Party::Secretariat: match = user.role == Role::Secretariat; break;
        case Party::Committee: match = user.role == Role::Committee; break;
        }
        if (match) {
            out.push_back(user);
        }
    }
    return out;
}

bool report_step_open(TrajectoryView const& view)
{
    return std::any_of(view.actions.begin(), view.actions.end(), [](OpenAction const& a) {
        return a.actor == "ci" && (a.key == "concept_report" || a.key == "final_report" || a.key == "concept_sent" ||
                                   a.key == "findings_final");
    });
}

std::vector<Recipient> resolve_recipients(std::vector<PartyNotice> const& notices, TrajectoryRecord const& trajectory,
                                          std::vector<User> const& users, std::optional<Id> skip,
                                          std::vector<Id> const& ci_team)
{
    std::vector<Recipient> out;
    for (auto const& notice : notices) {
        auto party_users = users_of_party(notice.party, trajectory, users);
        if (notice.party == Party::Ci) {
            for (auto const& user : users) {
                bool const on_team = std::find(ci_team.begin(), ci_team.end(), user.id) != ci_team.end();
                if (on_team && user.active && user.role == Role::Auditor) {
                    party_users.push_back(user);
                }
            }
        }
        for (auto const& user : party_users) {
            if (skip && *skip == user.id) {
                continue;
            }
            bool const seen = std::any_of(out.begin(), out.end(), [&](Recipient const& r) { return r.user_id == user.id; });
            if (!seen) {
                out.push_back(Recipient{user.id, user.email, user.name, user.language.empty() ? "nl" : user.language,
                                        notice.party, notice.must_act});
            }
        }
    }
    return out;
}

std::string lifecycle_effect_kind_key(LifecycleEffectKind kind)
{
    switch (kind) {
    case LifecycleEffectKind::OverdueReminder: return "reminder.overdue";
    case LifecycleEffectKind::OverdueDigest: return "digest.overdue";
    }
    return "reminder.overdue";
}

std::vector<LifecycleEffect> lifecycle_effects(std::vector<TrajectoryFacts> const& trajectories, Date today,
                                               std::set<std::string> const& applied)
{
    std::vector<LifecycleEffect> out;
    std::vector<OverdueItem> every;
    for (auto const& facts : trajectories) {
        for (auto const& deadline : facts.view.deadlines) {
            if (deadline.state != DeadlineState::Overdue) {
                continue;
            }
            OverdueItem item{facts.record.id, facts.member_name, deadline.rule.key, deadline.rule.label,
                             deadline.rule.actor, deadline.rule.source, deadline.due, false};
            std::string const key = "overdue:" + std::to_string(facts.record.id) + ":" + deadline.rule.key + ":" +
                                    deadline.due.iso();
            if (!applied.contains(key)) {
                item.new_today = true;
                out.push_back(LifecycleEffect{LifecycleEffectKind::OverdueReminder, key, facts.record,
                                              parse_party(deadline.rule.actor), {item}});
            }
            every.push_back(std::move(item));
        }
    }
    std::string const digest_key = "digest:" + today.iso();
    if (!out.empty() && !applied.contains(digest_key)) {
        std::stable_sort(every.begin(), every.end(), [](OverdueItem const& a, OverdueItem const& b) {
            return a.due < b.due;
        });
        out.push_back(LifecycleEffect{LifecycleEffectKind::OverdueDigest, digest_key, std::nullopt, Party::Secretariat,
                                      std::move(every)});
    }
    return out;
}

}  // namespace sterk
