// File: calendar_service.h
// CalendarService: each user's private calendar feed of its deadlines (issue 10; LIFECYCLE.md
// §6). The feed's URL carries a secret token that is the key (calendar apps subscribe without a
// session); only its hash is stored, so the URL is shown once, when made, and renewing it makes
// the old one stop working. The entries are the user's open actions with a due date, from the
// same views as /me/actions, so the calendar and the home page never disagree.
#pragma once

#include "core/services/token_generator.h"
#include "core/services/trajectory_service.h"
#include "core/trajectory/overview.h"

#include <optional>
#include <string>
#include <vector>

namespace sterk {

// CalendarEntry: one all-day event on a due date. `uid` stays the same for the same deadline
// and due date, so a calendar app updates rather than duplicates it.
struct CalendarEntry {
    std::string uid;
    Date on;
    std::string summary;
    std::string description;
    std::string link;
};

// calendar_entries: the actions with a due date, as entries. `member_name` of each action's
// trajectory (index-aligned with `actions`), `base_url` without a trailing slash.
std::vector<CalendarEntry> calendar_entries(std::vector<PartyAction> const& actions,
                                            std::vector<std::string> const& member_names, std::string const& base_url);

struct CalendarFeedState {
    bool active = false;
    std::optional<std::string> token;  // only right after renew()
    std::optional<UnixTime> created_at;
};

class CalendarService {
public:
    CalendarService(Store& store, TrajectoryService& trajectories, TokenGenerator& tokens);

    Result<CalendarFeedState> feed(Principal const& caller);
    // renew: a new secret token (the answer is the only place it is shown); audited.
    Result<CalendarFeedState> renew(Principal const& caller, Actor const& actor, UnixTime now);
    Status remove(Principal const& caller, Actor const& actor, UnixTime now);
    // actions_for_token: the feed owner's open actions on `today` with its trajectories' member
    // names; NotFound for an unknown or renewed token, or an owner no longer active.
    Result<std::pair<std::vector<PartyAction>, std::vector<std::string>>> actions_for_token(std::string const& token,
                                                                                              Date today);

private:
    Store& m_store;
    TrajectoryService& m_trajectories;
    TokenGenerator& m_tokens;
};

}  // namespace sterk
