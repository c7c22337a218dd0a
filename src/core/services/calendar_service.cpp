// CalendarService: see calendar_service.h.
#include "core/services/calendar_service.h"

namespace sterk {

std::vector<CalendarEntry> calendar_entries(std::vector<PartyAction> const& actions,
                                            std::vector<std::string> const& member_names, std::string const& base_url)
{
    std::vector<CalendarEntry> out;
    for (std::size_t i = 0; i < actions.size(); ++i) {
        auto const& a = actions[i];
        if (!a.action.due) {
            continue;
        }
        auto const id = std::to_string(a.record.id);
        auto const& member = i < member_names.size() ? member_names[i] : std::string{};
        CalendarEntry e{"", *a.action.due, "", "", ""};
        e.uid = "sterklabel-" + id + "-" + a.action.key + "-" + a.action.due->iso() + "@sterklabel";
        e.summary = a.action.todo + (member.empty() ? "" : " – " + member);
        e.link = base_url + "/trajecten/" + id;
        e.description = "Traject " + id + (member.empty() ? "" : " van " + member) + ": " + a.action.todo +
                        ", uiterlijk " + a.action.due->iso() + "." +
                        (a.action.source.empty() ? "" : " Bron: " + a.action.source + ".") + "\n" + e.link;
        out.push_back(std::move(e));
    }
    return out;
}

CalendarService::CalendarService(Store& store, TrajectoryService& trajectories, TokenGenerator& tokens)
    : m_store(store), m_trajectories(trajectories), m_tokens(tokens)
{
}

Result<CalendarFeedState> CalendarService::feed(Principal const& caller)
{
    auto const stored = TRY(m_store.calendar_feeds().of_user(caller.user_id));
    CalendarFeedState state;
    state.active = stored.has_value();
    if (stored) {
        state.created_at = stored->created_at;
    }
    return state;
}

Result<CalendarFeedState> CalendarService::renew(Principal const& caller, Actor const& actor, UnixTime now)
{
    auto const token = m_tokens.new_token();
    TRY(m_store.transaction([&]() -> Status {
        TRY(m_store.calendar_feeds().replace(CalendarFeedRecord{caller.user_id, m_tokens.hash_token(token), now}));
        TRY(m_store.audit_log().append(audit_entry(now, "calendar.renew", actor.email, actor.ip, actor.user_id, "")));
        return ok_status();
    }));
    return CalendarFeedState{true, token, now};
}

Status CalendarService::remove(Principal const& caller, Actor const& actor, UnixTime now)
{
    return m_store.transaction([&]() -> Status {
        TRY(m_store.calendar_feeds().remove(caller.user_id));
        TRY(m_store.audit_log().append(audit_entry(now, "calendar.delete", actor.email, actor.ip, actor.user_id, "")));
        return ok_status();
    });
}

Result<std::pair<std::vector<PartyAction>, std::vector<std::string>>> CalendarService::actions_for_token(
    std::string const& token, Date today)
{
    auto const unknown = Error::not_found("Deze agenda bestaat niet (meer): maak in Sterklabel een nieuwe link.");
    auto const feed = TRY(m_store.calendar_feeds().by_token_hash(m_tokens.hash_token(token)));
    if (!feed) {
        return unknown;
    }
    auto const user = TRY(m_store.users().find(feed->user_id));
    if (!user || !user->active) {
        return unknown;
    }
    Principal const owner{user->id, user->role, user->organisation_id};
    auto const party = acting_party(owner.role);
    if (!party) {
        return std::pair<std::vector<PartyAction>, std::vector<std::string>>{};
    }
    auto actions = party_actions(*party, TRY(m_trajectories.views(owner, today)));
    std::vector<std::string> names;
    for (auto const& a : actions) {
        auto const organisation = TRY(m_store.organisations().find(a.record.member_id));
        names.push_back(organisation ? organisation->name : std::string{});
    }
    return std::pair{std::move(actions), std::move(names)};
}

}  // namespace sterk
