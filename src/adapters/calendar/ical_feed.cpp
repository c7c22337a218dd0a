// The calendar feed with libical: see ical_feed.h.
#include "adapters/calendar/ical_feed.h"

#include <libical/ical.h>

#include <memory>

namespace sterk {

namespace {

icaltimetype all_day(Date d)
{
    icaltimetype t = icaltime_null_date();
    t.year = d.year();
    t.month = d.month();
    t.day = d.day();
    t.is_date = 1;
    return t;
}

}  // namespace

std::string ical_feed(std::vector<CalendarEntry> const& entries, std::string const& calendar_name, UnixTime stamp)
{
    std::unique_ptr<icalcomponent, decltype(&icalcomponent_free)> calendar{icalcomponent_new_vcalendar(),
                                                                             &icalcomponent_free};
    icalcomponent_add_property(calendar.get(), icalproperty_new_version("2.0"));
    icalcomponent_add_property(calendar.get(), icalproperty_new_prodid("-//Sociaal Werk Nederland//Sterklabel//NL"));
    icalcomponent_add_property(calendar.get(), icalproperty_new_calscale("GREGORIAN"));
    icalcomponent_add_property(calendar.get(), icalproperty_new_method(ICAL_METHOD_PUBLISH));
    auto* name = icalproperty_new_x(calendar_name.c_str());
    icalproperty_set_x_name(name, "X-WR-CALNAME");
    icalcomponent_add_property(calendar.get(), name);

    icaltimetype const dtstamp = icaltime_from_timet_with_zone(static_cast<time_t>(stamp), 0, icaltimezone_get_utc_timezone());
    for (auto const& e : entries) {
        icalcomponent* event = icalcomponent_new_vevent();
        icalcomponent_add_property(event, icalproperty_new_uid(e.uid.c_str()));
        icalcomponent_add_property(event, icalproperty_new_dtstamp(dtstamp));
        icalcomponent_add_property(event, icalproperty_new_dtstart(all_day(e.on)));
        icalcomponent_add_property(event, icalproperty_new_dtend(all_day(e.on.add_days(1))));
        icalcomponent_add_property(event, icalproperty_new_summary(e.summary.c_str()));
        icalcomponent_add_property(event, icalproperty_new_description(e.description.c_str()));
        icalcomponent_add_property(event, icalproperty_new_url(e.link.c_str()));
        icalcomponent_add_property(event, icalproperty_new_transp(ICAL_TRANSP_TRANSPARENT));
        icalcomponent_add_component(calendar.get(), event);
    }
    char* text = icalcomponent_as_ical_string_r(calendar.get());
    std::string out = text != nullptr ? text : "";
    icalmemory_free_buffer(text);
    return out;
}

}  // namespace sterk
