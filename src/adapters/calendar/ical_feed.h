// File: ical_feed.h
// A calendar feed as iCalendar text (RFC 5545), made with libical: one all-day VEVENT per entry
// (DTSTART;VALUE=DATE on the due date), so Outlook and Google Calendar show it on that day
// whatever the reader's time zone. libical folds long UTF-8 lines without breaking a character.
#pragma once

#include "core/services/calendar_service.h"

#include <string>
#include <vector>

namespace sterk {

// ical_feed: `stamp` is the time the feed is made (DTSTAMP, UTC).
std::string ical_feed(std::vector<CalendarEntry> const& entries, std::string const& calendar_name, UnixTime stamp);

}  // namespace sterk
